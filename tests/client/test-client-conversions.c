/* test-client-conversions.c: conversions and conversion types against an
 * in-process nexor-emulator — what goes on the wire, what comes back, the
 * paging by total and the never-twice rule
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "client-fixture.h"

#define BASE_PATH    "/api/public"

/* Seed data (tools/nexor-emulator/README.md). */
#define CARLOS       "123e4567-e89b-12d3-a456-426614174000"
#define MATIAS       "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
#define MATIAS_RUN   "2e9bc435-2424-4094-9896-dce65030b3bb"
#define UNKNOWN_ID   "00000000-0000-4000-8000-000000000000"
#define MORTGAGE     "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"
#define RESERVA      "123e4567-e89b-12d3-a456-426614174100"
#define CLOSED_WON   "8e4f2a6b-7c1d-4b3e-a5f9-0c2d4e6f8a10"
#define SEED_CONVERSIONS 4

typedef ClientFixture Fixture;

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* The last request the emulator saw: method, path below the base path, raw
 * query (NULL: none) and JSON body (NULL: none), compared as JSON. */
static void
assert_wire (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *query,
             const char *body)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);
  g_autofree char *full_path = g_strconcat (BASE_PATH, path, NULL);
  JsonNode *sent_body;

  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, method);
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, full_path);
  if (query == NULL)
    g_assert_true (json_object_get_null_member (request, "query"));
  else
    g_assert_cmpstr (json_object_get_string_member (request, "query"), ==, query);

  sent_body = json_object_get_member (request, "body");
  if (body == NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (sent_body));
      return;
    }
  {
    g_autoptr(JsonNode) expected = parse_json (body);
    g_autoptr(JsonNode) actual = parse_json (json_node_get_string (sent_body));

    if (!json_node_equal (actual, expected))
      g_error ("%s %s: sent body %s, expected %s", method, path, json_node_get_string (sent_body), body);
  }
}

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

static guint
n_stored_conversions (Fixture *fixture)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (state), "conversions"));
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;  /* still owned by the list */
}

/* The next answer is @body, with status 200. */
static void
push_body (Fixture    *fixture,
           const char *body)
{
  g_autofree char *encoded = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", encoded, NULL);

  nexor_emulator_push_fault (fixture->emulator, fault);
}

/* A page of @n conversions with ids from @first, and a total. */
static void
push_page (Fixture *fixture,
           guint    first,
           guint    n,
           gint64   total)
{
  g_autoptr(GString) body = g_string_new ("{\"success\":true,\"conversion_events\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, "%s{\"id\":\"00000000-0000-4000-8000-%012u\",\"amount\":%u}",
                            i > 0 ? "," : "", first + i, first + i);
  g_string_append (body, "]");
  if (total >= 0)
    g_string_append_printf (body, ",\"total\":%" G_GINT64_FORMAT, total);
  g_string_append (body, "}");
  push_body (fixture, body->str);
}

/* ---------------------------------------------------------------------------
 * Conversion types
 * ------------------------------------------------------------------------- */

static void
test_conversion_types (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) types = nexor_client_list_conversion_types (fixture->client, NULL, &error);
  NexorConversionType *reserva;
  NexorConversionField *field;
  GListModel *fields;

  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/conversion-types", NULL, NULL);
  g_assert_true (g_list_model_get_item_type (types) == NEXOR_TYPE_CONVERSION_TYPE);
  /* Active types only. */
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 3);

  reserva = item_at (types, 0);
  g_assert_cmpstr (nexor_conversion_type_get_id (reserva), ==, RESERVA);
  g_assert_cmpstr (nexor_conversion_type_get_name (reserva), ==, "Reserva");
  g_assert_cmpstr (nexor_conversion_type_get_description (reserva), ==, "Initial reservation deposit");
  g_assert_cmpstr (nexor_conversion_type_get_category (reserva), ==, "intermediary");
  g_assert_cmpstr (nexor_conversion_type_get_currency (reserva), ==, "USD");
  g_assert_cmpstr (nexor_conversion_type_get_workflow_id (reserva), ==, MORTGAGE);
  g_assert_null (nexor_conversion_type_get_master_workflow_id (reserva));
  g_assert_nonnull (nexor_conversion_type_get_created_at (reserva));

  fields = nexor_conversion_type_get_fields (reserva);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 3);
  field = item_at (fields, 2);
  g_assert_cmpstr (nexor_conversion_field_get_key (field), ==, "commission");
  g_assert_cmpstr (nexor_conversion_field_get_label (field), ==, "Commission");
  g_assert_cmpstr (nexor_conversion_field_get_field_type (field), ==, "number");
  g_assert_cmpstr (nexor_conversion_field_get_field_type (item_at (fields, 0)), ==, "text");

  /* A kind of field this library does not know is kept as it is. */
  push_body (fixture, "{\"success\":true,\"conversion_types\":[{\"id\":\"" RESERVA "\",\"name\":\"X\","
                      "\"fields\":[{\"key\":\"when\",\"label\":\"When\",\"type\":\"date\"}]}]}");
  g_clear_object (&types);
  types = nexor_client_list_conversion_types (fixture->client, NULL, &error);
  g_assert_no_error (error);
  fields = nexor_conversion_type_get_fields (item_at (types, 0));
  g_assert_cmpstr (nexor_conversion_field_get_field_type (item_at (fields, 0)), ==, "date");
}

/* ---------------------------------------------------------------------------
 * Create
 * ------------------------------------------------------------------------- */

static void
test_create_conversion (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionInput) input = nexor_conversion_input_new ();
  g_autoptr(JsonObject) metadata = json_object_new ();
  g_autoptr(JsonObject) got_metadata = NULL;
  g_autoptr(NexorConversion) conversion = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ("2026-03-01T12:30:00-03:00", NULL);
  g_autoptr(GDateTime) back = NULL;
  NexorConversionType *type;

  json_object_set_string_member (metadata, "property_unit", "Apt 302");
  json_object_set_int_member (metadata, "commission", 2550);
  nexor_conversion_input_set_conversion_type_id (input, RESERVA);
  nexor_conversion_input_set_lead_id (input, MATIAS);
  nexor_conversion_input_set_amount (input, 85000.5);
  nexor_conversion_input_set_workflow_run_id (input, MATIAS_RUN);
  nexor_conversion_input_set_converted_at (input, when);
  nexor_conversion_input_set_metadata (input, metadata);
  nexor_conversion_input_set_notes (input, NULL);
  g_assert_true (nexor_conversion_input_is_null (input, "notes"));
  g_assert_false (nexor_conversion_input_is_set (input, "currency"));
  back = nexor_conversion_input_dup_converted_at (input);
  g_assert_true (g_date_time_equal (back, when));

  conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/conversions", NULL,
               "{\"conversion_type_id\":\"" RESERVA "\",\"lead_id\":\"" MATIAS "\",\"amount\":85000.5,"
               "\"workflow_run_id\":\"" MATIAS_RUN "\",\"converted_at\":\"2026-03-01T15:30:00Z\","
               "\"metadata\":{\"property_unit\":\"Apt 302\",\"commission\":2550},\"notes\":null}");

  g_assert_nonnull (nexor_conversion_get_id (conversion));
  g_assert_cmpstr (nexor_conversion_get_conversion_type_id (conversion), ==, RESERVA);
  g_assert_cmpstr (nexor_conversion_get_lead_id (conversion), ==, MATIAS);
  g_assert_cmpfloat (nexor_conversion_get_amount (conversion), ==, 85000.5);
  g_assert_cmpstr (nexor_conversion_get_currency (conversion), ==, "USD");
  g_assert_cmpstr (nexor_conversion_get_workflow_id (conversion), ==, MORTGAGE);
  g_assert_null (nexor_conversion_get_master_workflow_id (conversion));
  g_assert_cmpstr (nexor_conversion_get_workflow_run_id (conversion), ==, MATIAS_RUN);
  g_assert_null (nexor_conversion_get_notes (conversion));
  g_assert_true (g_date_time_equal (nexor_conversion_get_converted_at (conversion), when));
  g_assert_nonnull (nexor_conversion_get_created_at (conversion));
  got_metadata = nexor_conversion_dup_metadata (conversion);
  g_assert_true (json_object_equal (got_metadata, metadata));

  /* The embedded "conversion_types" is one object: the type. */
  type = nexor_conversion_get_conversion_type (conversion);
  g_assert_nonnull (type);
  g_assert_cmpstr (nexor_conversion_type_get_name (type), ==, "Reserva");
  g_assert_null (nexor_conversion_type_get_id (type));
  g_assert_null (nexor_conversion_type_get_category (type));
  g_assert_cmpuint (g_list_model_get_n_items (nexor_conversion_type_get_fields (type)), ==, 3);
  g_assert_cmpuint (n_stored_conversions (fixture), ==, SEED_CONVERSIONS + 1);

  /* The other documented body: the lead by email, no type. */
  {
    g_autoptr(NexorConversionInput) by_email = g_object_new (NEXOR_TYPE_CONVERSION_INPUT,
                                                             "lead-email", "carlos@starkindustries.com",
                                                             "amount", 250.0,
                                                             "currency", "EUR",
                                                             NULL);
    g_autoptr(NexorConversion) upsell = NULL;
    g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
    JsonArray *leads = json_object_get_array_member (json_node_get_object (state), "leads");
    const char *email = json_object_get_string_member (
      json_object_get_object_member (json_array_get_object_element (leads, 0), "lead"), "email");
    g_autofree char *expected = g_strdup_printf ("{\"lead_email\":\"%s\",\"amount\":250,\"currency\":\"EUR\"}",
                                                 email);

    g_object_set (by_email, "lead-email", email, NULL);
    upsell = nexor_client_create_conversion (fixture->client, by_email, NULL, &error);
    g_assert_no_error (error);
    assert_wire (fixture, "POST", "/conversions", NULL, expected);
    g_assert_cmpstr (nexor_conversion_get_lead_id (upsell), ==, CARLOS);
    g_assert_null (nexor_conversion_get_conversion_type_id (upsell));
    g_assert_null (nexor_conversion_get_conversion_type (upsell));
    g_assert_cmpstr (nexor_conversion_get_currency (upsell), ==, "EUR");
  }
}

static void
test_create_conversion_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversion) conversion = NULL;
  guint before = sent (fixture);
  struct {
    const char *type_id;
    const char *lead_id;
    gboolean has_amount;
    double amount;
    const char *run_id;
    const char *message;
  } refused[] = {
    { NULL, CARLOS, TRUE, 1, NULL, "conversion-type-id" },
    { RESERVA, NULL, TRUE, 1, NULL, "lead-id" },
    { RESERVA, CARLOS, FALSE, 0, NULL, "amount" },
    { RESERVA, CARLOS, TRUE, NAN, NULL, "finite" },
    { RESERVA, CARLOS, TRUE, INFINITY, NULL, "finite" },
    { "..", CARLOS, TRUE, 1, NULL, "not a UUID" },
    { RESERVA, "a/b", TRUE, 1, NULL, "not a UUID" },
    { RESERVA, CARLOS, TRUE, 1, "run", "not a UUID" },
  };

  /* Refused without a request. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(NexorConversionInput) input = nexor_conversion_input_new ();

      if (refused[i].type_id != NULL)
        nexor_conversion_input_set_conversion_type_id (input, refused[i].type_id);
      if (refused[i].lead_id != NULL)
        nexor_conversion_input_set_lead_id (input, refused[i].lead_id);
      if (refused[i].has_amount)
        nexor_conversion_input_set_amount (input, refused[i].amount);
      if (refused[i].run_id != NULL)
        nexor_conversion_input_set_workflow_run_id (input, refused[i].run_id);

      conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
      g_assert_null (conversion);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      if (strstr (error->message, refused[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, refused[i].message);
      g_clear_error (&error);
    }
  g_assert_cmpuint (sent (fixture), ==, before);

  /* Refused by the server: an unknown lead or type, a bad currency. */
  {
    g_autoptr(NexorConversionInput) input = g_object_new (NEXOR_TYPE_CONVERSION_INPUT,
                                                          "conversion-type-id", RESERVA,
                                                          "lead-id", UNKNOWN_ID,
                                                          "amount", 1.0, NULL);

    conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Lead not found"));
    g_clear_error (&error);

    g_object_set (input, "lead-id", CARLOS, "conversion-type-id", UNKNOWN_ID, NULL);
    conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Conversion type not found"));
    g_clear_error (&error);

    g_object_set (input, "conversion-type-id", RESERVA, "currency", "dollars", NULL);
    conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "currency"));
    g_clear_error (&error);
  }
  g_assert_cmpuint (n_stored_conversions (fixture), ==, SEED_CONVERSIONS);
}

/* Recording revenue twice counts it twice: a failure after the request may
 * have reached the server is never retried, while listing is. */
static void
test_create_conversion_never_twice (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionInput) input = g_object_new (NEXOR_TYPE_CONVERSION_INPUT,
                                                        "conversion-type-id", CLOSED_WON,
                                                        "lead-id", CARLOS,
                                                        "amount", 12000.0, NULL);
  g_autoptr(NexorConversion) conversion = NULL;
  g_autoptr(NexorConversionList) list = NULL;
  g_autoptr(GListModel) types = NULL;
  static const char * const faults[] = { "status=503", "status=500", "status=502", "status=504", NULL };
  guint before;

  nexor_client_set_max_retries (fixture->client, 2);

  for (guint i = 0; faults[i] != NULL; i++)
    {
      before = sent (fixture);
      nexor_emulator_push_fault (fixture->emulator, faults[i]);
      conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
      g_assert_null (conversion);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
      g_clear_error (&error);
      g_assert_cmpuint (sent (fixture), ==, before + 1);
    }

  /* Those answered instead of the server: nothing was recorded. */
  g_assert_cmpuint (n_stored_conversions (fixture), ==, SEED_CONVERSIONS);

  /* A connection reset in the middle of the answer: the server recorded it,
   * the client cannot know, and sends nothing again — one conversion, not
   * two. */
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "reset");
  conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
  g_assert_null (conversion);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  g_assert_cmpuint (n_stored_conversions (fixture), ==, SEED_CONVERSIONS + 1);

  /* 429 means it was not processed: that is retried, and then recorded once. */
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "status=429;retry-after=0");
  conversion = nexor_client_create_conversion (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conversion);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  g_assert_cmpuint (n_stored_conversions (fixture), ==, SEED_CONVERSIONS + 2);

  /* The reads are safe to repeat. */
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  list = nexor_client_list_conversions (fixture->client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  types = nexor_client_list_conversion_types (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
}

/* ---------------------------------------------------------------------------
 * List
 * ------------------------------------------------------------------------- */

typedef struct {
  guint total_notifies;
  guint has_more_notifies;
} Observer;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  Observer *observer = user_data;

  if (g_str_equal (pspec->name, "total"))
    observer->total_notifies++;
  else if (g_str_equal (pspec->name, "has-more"))
    observer->has_more_notifies++;
}

static void
test_list_conversions_paging (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionList) list = NULL;
  g_autoptr(NexorConversionList) whole = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Observer observer = { 0, };
  guint before;

  list = g_object_new (NEXOR_TYPE_CONVERSION_LIST, "client", fixture->client, "page-size", 3, NULL);
  g_signal_connect (list, "notify", G_CALLBACK (on_notify), &observer);
  g_assert_cmpint (nexor_conversion_list_get_total (list), ==, -1);
  g_assert_true (nexor_conversion_list_get_has_more (list));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == NEXOR_TYPE_CONVERSION);

  nexor_conversion_list_load_more_async (list, NULL, nexor_test_on_result, &result);
  g_assert_true (nexor_conversion_list_get_loading (list));
  g_assert_true (nexor_conversion_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  assert_wire (fixture, "GET", "/conversions", "limit=3&offset=0", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpint (nexor_conversion_list_get_total (list), ==, SEED_CONVERSIONS);
  g_assert_true (nexor_conversion_list_get_has_more (list));
  g_assert_cmpuint (observer.total_notifies, ==, 1);

  /* A full page of a list whose total is reached ends it, without asking
   * for an empty page. */
  before = sent (fixture);
  g_assert_true (nexor_conversion_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  assert_wire (fixture, "GET", "/conversions", "limit=3&offset=3", NULL);
  g_assert_cmpuint (nexor_conversion_list_get_n_items (list), ==, SEED_CONVERSIONS);
  g_assert_false (nexor_conversion_list_get_has_more (list));
  g_assert_cmpuint (observer.has_more_notifies, ==, 1);

  /* Newest first, and the pages add up to one big page. */
  whole = nexor_client_list_conversions (fixture->client, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/conversions", "limit=50&offset=0", NULL);
  g_assert_false (nexor_conversion_list_get_has_more (whole));
  for (guint i = 0; i < SEED_CONVERSIONS; i++)
    {
      NexorConversion *a = item_at (G_LIST_MODEL (list), i);
      NexorConversion *b = item_at (G_LIST_MODEL (whole), i);

      g_assert_cmpstr (nexor_conversion_get_id (a), ==, nexor_conversion_get_id (b));
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (nexor_conversion_get_converted_at (item_at (G_LIST_MODEL (whole), i - 1)),
                                              nexor_conversion_get_converted_at (b)), >=, 0);
    }
  /* The list's embedded type carries its category. */
  g_assert_nonnull (nexor_conversion_type_get_category (
    nexor_conversion_get_conversion_type (item_at (G_LIST_MODEL (whole), 0))));
}

static void
test_list_conversions_total (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionList) list = NULL;

  /* The total decides, not the page size: a short page with more to come… */
  list = g_object_new (NEXOR_TYPE_CONVERSION_LIST, "client", fixture->client, "page-size", 5, NULL);
  push_page (fixture, 0, 2, 6);
  push_page (fixture, 2, 4, 6);
  g_assert_true (nexor_conversion_list_load_more (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nexor_conversion_list_get_has_more (list));
  g_assert_cmpint (nexor_conversion_list_get_total (list), ==, 6);
  g_assert_true (nexor_conversion_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nexor_conversion_list_get_n_items (list), ==, 6);
  g_assert_false (nexor_conversion_list_get_has_more (list));
  g_clear_object (&list);

  /* …a full page that reaches the total ends it… */
  list = g_object_new (NEXOR_TYPE_CONVERSION_LIST, "client", fixture->client, "page-size", 2, NULL);
  push_page (fixture, 0, 2, 2);
  g_assert_true (nexor_conversion_list_load_more (list, NULL, &error));
  g_assert_false (nexor_conversion_list_get_has_more (list));
  g_clear_object (&list);

  /* …without a total, a full page means there may be more… */
  list = g_object_new (NEXOR_TYPE_CONVERSION_LIST, "client", fixture->client, "page-size", 2, NULL);
  push_page (fixture, 0, 2, -1);
  push_page (fixture, 2, 1, -1);
  g_assert_true (nexor_conversion_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nexor_conversion_list_get_n_items (list), ==, 3);
  g_assert_cmpint (nexor_conversion_list_get_total (list), ==, -1);
  g_clear_object (&list);

  /* …a server whose total never comes (it grows with every page, or it
   * ignores the offset) is stopped by an empty page or the repeated-page
   * guard, never looped on. */
  list = g_object_new (NEXOR_TYPE_CONVERSION_LIST, "client", fixture->client, "page-size", 2, NULL);
  push_page (fixture, 0, 2, 100);
  push_page (fixture, 0, 2, 100);
  g_assert_false (nexor_conversion_list_load_all (list, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "same page"));
  g_clear_error (&error);
  g_assert_cmpuint (nexor_conversion_list_get_n_items (list), ==, 2);
  g_clear_object (&list);

  list = g_object_new (NEXOR_TYPE_CONVERSION_LIST, "client", fixture->client, "page-size", 2, NULL);
  push_page (fixture, 0, 2, 100);
  push_page (fixture, 2, 0, 100);
  g_assert_true (nexor_conversion_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (nexor_conversion_list_get_has_more (list));
  g_clear_object (&list);

  /* A total that is not a count is read as none. */
  push_body (fixture, "{\"success\":true,\"conversion_events\":[],\"total\":\"many\"}");
  list = nexor_client_list_conversions (fixture->client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nexor_conversion_list_get_total (list), ==, -1);
  g_assert_false (nexor_conversion_list_get_has_more (list));
}

static void
test_list_conversions_filters (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionQuery) query = nexor_conversion_query_new ();
  g_autoptr(NexorConversionList) list = NULL;
  guint before;
  struct {
    const char *property;
    const char *value;
    const char *wire;
    guint n;
  } filters[] = {
    { "lead-id", MATIAS, "lead_id=" MATIAS, 2 },
    { "workflow-id", MORTGAGE, "workflow_id=" MORTGAGE, 2 },
    { "master-workflow-id", UNKNOWN_ID, "master_workflow_id=" UNKNOWN_ID, 0 },
    { "workflow-run-id", MATIAS_RUN, "workflow_run_id=" MATIAS_RUN, 1 },
    { "conversion-type-id", CLOSED_WON, "conversion_type_id=" CLOSED_WON, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(NexorConversionQuery) one = g_object_new (NEXOR_TYPE_CONVERSION_QUERY,
                                                          filters[i].property, filters[i].value, NULL);
      g_autofree char *wire = g_strconcat (filters[i].wire, "&limit=50&offset=0", NULL);

      list = nexor_client_list_conversions (fixture->client, one, NULL, &error);
      g_assert_no_error (error);
      assert_wire (fixture, "GET", "/conversions", wire, NULL);
      g_assert_cmpuint (nexor_conversion_list_get_n_items (list), ==, filters[i].n);
      g_assert_cmpint (nexor_conversion_list_get_total (list), ==, filters[i].n);
      g_clear_object (&list);
    }

  /* Together, in a fixed order; the list keeps a copy of the query. */
  nexor_conversion_query_set_conversion_type_id (query, RESERVA);
  nexor_conversion_query_set_lead_id (query, MATIAS);
  list = nexor_client_list_conversions (fixture->client, query, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/conversions",
               "lead_id=" MATIAS "&conversion_type_id=" RESERVA "&limit=50&offset=0", NULL);
  g_assert_cmpuint (nexor_conversion_list_get_n_items (list), ==, 1);
  nexor_conversion_query_set_lead_id (query, CARLOS);
  g_assert_cmpstr (nexor_conversion_query_get_lead_id (nexor_conversion_list_get_query (list)), ==, MATIAS);
  g_clear_object (&list);

  /* NULL or unset is no filter. */
  nexor_conversion_query_set_lead_id (query, NULL);
  nexor_conversion_query_unset (query, "conversion_type_id");
  list = nexor_client_list_conversions (fixture->client, query, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/conversions", "limit=50&offset=0", NULL);
  g_clear_object (&list);

  /* A filter that is not a UUID never leaves. */
  before = sent (fixture);
  nexor_conversion_query_set_workflow_id (query, "../leads");
  list = nexor_client_list_conversions (fixture->client, query, NULL, &error);
  g_assert_null (list);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "workflow-id"));
  g_assert_cmpuint (sent (fixture), ==, before);
}

/* A conversion recorded shows first in its lead's list. */
static void
test_create_then_list_async (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NexorConversion) conversion = NULL;
  g_autoptr(NexorConversionList) list = NULL;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(NexorConversionInput) input = nexor_conversion_input_new ();
  g_autoptr(NexorConversionQuery) query = g_object_new (NEXOR_TYPE_CONVERSION_QUERY, "lead-id", CARLOS, NULL);

  nexor_client_list_conversion_types_async (fixture->client, NULL, nexor_test_on_result, &result);
  types = nexor_client_list_conversion_types_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  nexor_conversion_input_set_conversion_type_id (input, nexor_conversion_type_get_id (item_at (types, 2)));
  nexor_conversion_input_set_lead_id (input, CARLOS);
  nexor_conversion_input_set_amount (input, 990);
  nexor_client_create_conversion_async (fixture->client, input, NULL, nexor_test_on_result, &result);
  conversion = nexor_client_create_conversion_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  nexor_client_list_conversions_async (fixture->client, query, NULL, nexor_test_on_result, &result);
  list = nexor_client_list_conversions_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (nexor_conversion_get_id (item_at (G_LIST_MODEL (list), 0)), ==,
                   nexor_conversion_get_id (conversion));
  g_assert_cmpstr (nexor_conversion_type_get_name (nexor_conversion_get_conversion_type (conversion)), ==,
                   "Closed Won");
}

/* The same calls cancelled before they start: nothing is sent. */
static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NexorConversionInput) input = g_object_new (NEXOR_TYPE_CONVERSION_INPUT,
                                                        "conversion-type-id", RESERVA,
                                                        "lead-id", CARLOS,
                                                        "amount", 1.0, NULL);
  guint before = sent (fixture);

  g_cancellable_cancel (cancellable);

  nexor_client_create_conversion_async (fixture->client, input, cancellable, nexor_test_on_result, &result);
  g_assert_null (nexor_client_create_conversion_finish (fixture->client, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  nexor_client_list_conversions_async (fixture->client, NULL, cancellable, nexor_test_on_result, &result);
  g_assert_null (nexor_client_list_conversions_finish (fixture->client, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  nexor_client_list_conversion_types_async (fixture->client, cancellable, nexor_test_on_result, &result);
  g_assert_null (nexor_client_list_conversion_types_finish (fixture->client, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_cmpuint (sent (fixture), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/conversions/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("types", test_conversion_types);
  ADD ("create", test_create_conversion);
  ADD ("create/refused", test_create_conversion_refused);
  ADD ("create/never-twice", test_create_conversion_never_twice);
  ADD ("list/paging", test_list_conversions_paging);
  ADD ("list/total", test_list_conversions_total);
  ADD ("list/filters", test_list_conversions_filters);
  ADD ("create-then-list-async", test_create_then_list_async);
  ADD ("async/cancelled", test_async_cancelled);

#undef ADD

  g_test_add ("/conversions/tls/create", Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up,
              test_create_conversion, client_fixture_tear_down);

  return g_test_run ();
}
