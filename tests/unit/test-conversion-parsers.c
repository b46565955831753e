/* test-conversion-parsers.c: the conversion answers as the API pages show
 * them (tests/data/conversion*.json), odd ones, and what the conversion
 * input and query put on the wire
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "test-util.h"

#include "nexor-conversion-field-private.h"
#include "nexor-conversion-input-private.h"
#include "nexor-conversion-list-private.h"
#include "nexor-conversion-private.h"
#include "nexor-conversion-query-private.h"
#include "nexor-conversion-type-private.h"
#include "nexor-request-private.h"

static NexorConversionPage *
parse_page (const char  *json,
            GError     **error)
{
  g_autoptr(JsonNode) root = nexor_test_parse_string (json);

  return _nexor_conversion_page_new_from_response (root, NULL, error);
}

/* §3.29's example: one event, its type embedded under the plural
 * "conversion_types" as one object, and the total of matches. */
static void
test_list_page (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("conversions-list.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionPage) page = _nexor_conversion_page_new_from_response (root, NULL, &error);
  g_autoptr(NexorConversion) conversion = NULL;
  g_autoptr(JsonObject) metadata = NULL;
  NexorConversionType *type;
  NexorConversionField *field;

  g_assert_no_error (error);
  g_assert_cmpint (_nexor_conversion_page_get_total (page), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (_nexor_conversion_page_get_items (page)), ==, 1);

  conversion = g_list_model_get_item (_nexor_conversion_page_get_items (page), 0);
  g_assert_cmpstr (nexor_conversion_get_id (conversion), ==, "3c90c3cc-0d44-4b50-8888-8dd25736052a");
  g_assert_cmpstr (nexor_conversion_get_lead_id (conversion), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpfloat (nexor_conversion_get_amount (conversion), ==, 85000.0);
  g_assert_cmpstr (nexor_conversion_get_currency (conversion), ==, "USD");
  g_assert_null (nexor_conversion_get_master_workflow_id (conversion));
  g_assert_null (nexor_conversion_get_workflow_run_id (conversion));
  g_assert_null (nexor_conversion_get_notes (conversion));
  nexor_test_assert_datetime (nexor_conversion_get_converted_at (conversion), "2026-02-01T15:30:00Z");
  metadata = nexor_conversion_dup_metadata (conversion);
  g_assert_cmpstr (json_object_get_string_member (metadata, "property_unit"), ==, "Apt 302");

  type = nexor_conversion_get_conversion_type (conversion);
  g_assert_nonnull (type);
  g_assert_null (nexor_conversion_type_get_id (type));
  g_assert_cmpstr (nexor_conversion_type_get_name (type), ==, "Reserva");
  g_assert_cmpstr (nexor_conversion_type_get_category (type), ==, "intermediary");
  field = g_list_model_get_item (nexor_conversion_type_get_fields (type), 0);
  g_assert_cmpstr (nexor_conversion_field_get_key (field), ==, "property_unit");
  g_assert_cmpstr (nexor_conversion_field_get_label (field), ==, "Property / Unit");
  g_assert_cmpstr (nexor_conversion_field_get_field_type (field), ==, "text");
  g_object_unref (field);

  /* The property reads what the getter does. */
  {
    g_autoptr(NexorConversionType) by_property = NULL;
    double amount = 0;

    g_object_get (conversion, "conversion-type", &by_property, "amount", &amount, NULL);
    g_assert_true (by_property == type);
    g_assert_cmpfloat (amount, ==, 85000.0);
  }
}

/* §3.28's example: the create answer, whose embedded type has no category. */
static void
test_create_answer (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("conversions-create.json");
  g_autoptr(GError) error = NULL;
  JsonObject *object = _nexor_json_unwrap_envelope (root, "conversion_event", "conversion", &error);
  g_autoptr(NexorConversion) conversion = NULL;

  g_assert_no_error (error);
  conversion = _nexor_conversion_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (nexor_conversion_get_amount (conversion), ==, 85000.0);
  g_assert_cmpstr (nexor_conversion_type_get_name (nexor_conversion_get_conversion_type (conversion)), ==, "Reserva");
  g_assert_null (nexor_conversion_type_get_category (nexor_conversion_get_conversion_type (conversion)));
}

/* §3.30's example. */
static void
test_types (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("conversion-types.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) types = _nexor_json_unwrap_list (root, "conversion_types", "conversion types",
                                                         NEXOR_TYPE_CONVERSION_TYPE,
                                                         (NexorResourceParseFunc) _nexor_conversion_type_new_from_json,
                                                         NULL, &error);
  g_autoptr(NexorConversionType) type = NULL;
  g_autoptr(NexorConversionField) commission = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 1);
  type = g_list_model_get_item (types, 0);
  g_assert_cmpstr (nexor_conversion_type_get_id (type), ==, "123e4567-e89b-12d3-a456-426614174100");
  g_assert_cmpstr (nexor_conversion_type_get_description (type), ==, "Initial reservation deposit");
  g_assert_cmpstr (nexor_conversion_type_get_currency (type), ==, "USD");
  g_assert_cmpstr (nexor_conversion_type_get_workflow_id (type), ==, "uuid");
  nexor_test_assert_datetime (nexor_conversion_type_get_created_at (type), "2026-01-10T08:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (nexor_conversion_type_get_fields (type)), ==, 3);
  commission = g_list_model_get_item (nexor_conversion_type_get_fields (type), 2);
  g_assert_cmpstr (nexor_conversion_field_get_field_type (commission), ==, "number");
}

/* What a server could send besides: an optional member it cannot read is
 * left unset, a required one fails the answer, a total that is no count is
 * no total. */
static void
test_lenient_and_strict (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionPage) page = NULL;
  g_autoptr(NexorConversion) conversion = NULL;

  page = parse_page ("{\"conversion_events\":[{\"id\":\"c1\",\"amount\":\"85000\",\"conversion_types\":[],"
                     "\"metadata\":\"x\",\"converted_at\":\"yesterday\"}],\"total\":-3}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (_nexor_conversion_page_get_total (page), ==, -1);
  conversion = g_list_model_get_item (_nexor_conversion_page_get_items (page), 0);
  g_assert_cmpfloat (nexor_conversion_get_amount (conversion), ==, 0.0);
  g_assert_null (nexor_conversion_get_conversion_type (conversion));
  g_assert_null (nexor_conversion_dup_metadata (conversion));
  g_assert_null (nexor_conversion_get_converted_at (conversion));
  g_clear_object (&conversion);
  g_clear_object (&page);

  for (guint i = 0; i < 3; i++)
    {
      static const char * const totals[] = { "1.5", "\"7\"", "null" };
      g_autofree char *json = g_strdup_printf ("{\"conversion_events\":[],\"total\":%s}", totals[i]);

      page = parse_page (json, &error);
      g_assert_no_error (error);
      g_assert_cmpint (_nexor_conversion_page_get_total (page), ==, -1);
      g_clear_object (&page);
    }

  /* A bare array: the events, no total. */
  page = parse_page ("[{\"id\":\"c1\",\"amount\":1}]", &error);
  g_assert_no_error (error);
  g_assert_cmpint (_nexor_conversion_page_get_total (page), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (_nexor_conversion_page_get_items (page)), ==, 1);
  g_clear_object (&page);

  /* An event without its id, or a list that is no list, fails. */
  page = parse_page ("{\"conversion_events\":[{\"amount\":1}],\"total\":1}", &error);
  g_assert_null (page);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  page = parse_page ("{\"conversion_events\":{\"id\":\"c1\"}}", &error);
  g_assert_null (page);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
}

static char *
input_json (NexorConversionInput *input)
{
  g_autoptr(JsonNode) node = _nexor_conversion_input_to_json (input);

  return json_to_string (node, FALSE);
}

/* Only what was set is sent; NULL is a JSON null; a date goes in UTC. */
static void
test_input (void)
{
  g_autoptr(NexorConversionInput) input = nexor_conversion_input_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ("2026-03-01T12:30:45.5-03:00", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  json = input_json (input);
  g_assert_cmpstr (json, ==, "{}");
  g_clear_pointer (&json, g_free);
  g_assert_false (_nexor_conversion_input_check (input, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_object_set (input, "conversion-type-id", "123e4567-e89b-12d3-a456-426614174100",
                "lead_id", "123e4567-e89b-12d3-a456-426614174000",
                "amount", 0.0, "converted-at", when, "notes", NULL, NULL);
  g_assert_true (_nexor_conversion_input_check (input, &error));
  g_assert_no_error (error);
  json = input_json (input);
  g_assert_cmpstr (json, ==, "{\"conversion_type_id\":\"123e4567-e89b-12d3-a456-426614174100\","
                              "\"lead_id\":\"123e4567-e89b-12d3-a456-426614174000\",\"amount\":0.0,"
                              "\"converted_at\":\"2026-03-01T15:30:45Z\",\"notes\":null}");
  g_clear_pointer (&json, g_free);
  g_assert_true (nexor_conversion_input_is_set (input, "amount"));
  g_assert_true (nexor_conversion_input_is_null (input, "notes"));

  nexor_conversion_input_unset (input, "notes");
  nexor_conversion_input_unset (input, "converted_at");
  g_assert_false (nexor_conversion_input_is_set (input, "notes"));
  g_assert_null (nexor_conversion_input_dup_converted_at (input));

  nexor_conversion_input_set_amount (input, INFINITY);
  g_assert_false (_nexor_conversion_input_check (input, &error));
  nexor_test_assert_message_has (error, "finite");
  g_clear_error (&error);

  /* The other body: the lead by email, no type. */
  nexor_conversion_input_unset (input, "lead-id");
  nexor_conversion_input_unset (input, "conversion-type-id");
  nexor_conversion_input_set_amount (input, 250);
  nexor_conversion_input_set_lead_email (input, "carlos@example.com");
  g_assert_true (_nexor_conversion_input_check (input, &error));
  g_assert_no_error (error);
}

static char *
query_path (NexorConversionQuery *query,
            GError              **error)
{
  g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);

  _nexor_request_add_segment (request, "conversions");
  _nexor_conversion_query_add_to_request (query, request);
  if (_nexor_request_get_error (request) != NULL)
    {
      g_propagate_error (error, g_error_copy (_nexor_request_get_error (request)));
      return NULL;
    }
  return _nexor_request_build_path (request);
}

static void
test_query (void)
{
  g_autoptr(NexorConversionQuery) query = nexor_conversion_query_new ();
  g_autoptr(NexorConversionQuery) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = query_path (NULL, &error);
  g_assert_cmpstr (path, ==, "/conversions");
  g_clear_pointer (&path, g_free);

  g_object_set (query, "conversion-type-id", "8e4f2a6b-7c1d-4b3e-a5f9-0c2d4e6f8a10",
                "master-workflow-id", "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02",
                "workflow-id", NULL, NULL);
  copy = _nexor_conversion_query_copy (query);
  nexor_conversion_query_set_lead_id (query, "123e4567-e89b-12d3-a456-426614174000");
  path = query_path (query, &error);
  g_assert_cmpstr (path, ==, "/conversions?lead_id=123e4567-e89b-12d3-a456-426614174000"
                             "&master_workflow_id=dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"
                             "&conversion_type_id=8e4f2a6b-7c1d-4b3e-a5f9-0c2d4e6f8a10");
  g_clear_pointer (&path, g_free);

  /* The copy did not follow. */
  g_assert_null (nexor_conversion_query_get_lead_id (copy));

  nexor_conversion_query_set_workflow_run_id (query, "a&b=c");
  g_assert_null (query_path (query, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  nexor_test_assert_message_has (error, "workflow-run-id");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conversions/list-page", test_list_page);
  g_test_add_func ("/conversions/create-answer", test_create_answer);
  g_test_add_func ("/conversions/types", test_types);
  g_test_add_func ("/conversions/lenient-and-strict", test_lenient_and_strict);
  g_test_add_func ("/conversions/input", test_input);
  g_test_add_func ("/conversions/query", test_query);

  return g_test_run ();
}
