/* test-client-search.c: finding leads by name, email or phone
 * (GET /leads?search=, an endpoint API clients use without documentation)
 * against an in-process nexor-emulator — the wire, the parsed leads, the
 * errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "client-fixture.h"

#define BASE_PATH "/api/public"

#define CARLOS    "123e4567-e89b-12d3-a456-426614174000"
#define MARIANA   "2f552d00-1a7b-471a-81f0-1d52dc1406b3"
#define MATIAS    "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"

typedef ClientFixture Fixture;

static void
assert_get (Fixture    *fixture,
            const char *query)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);

  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, BASE_PATH "/leads");
  g_assert_cmpstr (json_object_get_string_member (request, "query"), ==, query);
  g_assert_true (json_object_get_null_member (request, "body"));
}

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

/* The ids of @leads, in order, joined by spaces. */
static char *
ids_of (GListModel *leads)
{
  GString *ids = g_string_new (NULL);

  g_assert_true (g_list_model_get_item_type (leads) == NEXOR_TYPE_LEAD);
  for (guint i = 0; i < g_list_model_get_n_items (leads); i++)
    {
      g_autoptr(NexorLead) lead = g_list_model_get_item (leads, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, nexor_lead_get_id (lead));
    }
  return g_string_free (ids, FALSE);
}

static char *
search_ids (Fixture    *fixture,
            const char *text,
            guint       limit)
{
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;

  leads = nexor_client_search_leads (fixture->client, text, limit, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (leads);
  return ids_of (leads);
}

static void
test_search_wire (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(NexorLead) got = NULL;
  g_autoptr(JsonObject) raw = NULL;
  g_autoptr(JsonObject) got_raw = NULL;

  leads = nexor_client_search_leads (fixture->client, "Carlos Lopez", 5, NULL, &error);
  g_assert_no_error (error);
  assert_get (fixture, "search=Carlos%20Lopez&limit=5");
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);

  /* The lead found is the one Get Lead gives, member for member. */
  lead = g_list_model_get_item (leads, 0);
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, CARLOS);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Lopez");
  g_assert_cmpstr (nexor_lead_get_email (lead), ==, "carlos@example.com");
  g_assert_cmpstr (nexor_lead_get_phone (lead), ==, "+56912345678");
  g_assert_cmpstr (nexor_lead_get_company (lead), ==, "Stark Industries");

  got = nexor_client_get_lead (fixture->client, CARLOS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_lead_get_company (got), ==, nexor_lead_get_company (lead));
  g_assert_true (nexor_lead_get_active_workflow_run (lead) != NULL);
  g_assert_true (nexor_lead_get_active_workflow_run (got) != NULL);
  raw = nexor_lead_dup_json (lead);
  g_assert_true (json_object_has_member (raw, "created_at"));

  /* No limit: the server's default, nothing but the text on the wire. */
  g_clear_object (&leads);
  leads = nexor_client_search_leads (fixture->client, "carlos@", 0, NULL, &error);
  g_assert_no_error (error);
  assert_get (fixture, "search=carlos%40&limit=20");
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
}

static void
test_search_matches (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *by_name = search_ids (fixture, "mariana", 0);
  g_autofree char *by_last = search_ids (fixture, "ROJAS", 0);
  g_autofree char *by_email = search_ids (fixture, "Mariana.Rojas@Example", 0);
  g_autofree char *by_phone = search_ids (fixture, "+56 9 5551 2345", 0);
  g_autofree char *by_accent = search_ids (fixture, "GONZÁLEZ", 0);
  g_autofree char *none = search_ids (fixture, "no lead is called this", 0);
  g_autofree char *chilean = search_ids (fixture, "+569", 0);
  g_autofree char *first_two = search_ids (fixture, "+569", 2);
  g_auto(GStrv) all_chilean = g_strsplit (chilean, " ", -1);

  g_assert_cmpstr (by_name, ==, MARIANA);
  g_assert_cmpstr (by_last, ==, MARIANA);
  g_assert_cmpstr (by_email, ==, MARIANA);
  g_assert_cmpstr (by_phone, ==, MARIANA);
  g_assert_cmpstr (by_accent, ==, MATIAS);
  g_assert_cmpstr (none, ==, "");

  /* Carlos, Mariana and Matías have +569 numbers; the limit keeps the first. */
  g_assert_cmpuint (g_strv_length (all_chilean), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) all_chilean, CARLOS));
  g_assert_true (g_strv_contains ((const char * const *) all_chilean, MARIANA));
  g_assert_true (g_strv_contains ((const char * const *) all_chilean, MATIAS));
  g_assert_true (g_str_has_prefix (chilean, first_two));
  g_assert_cmpuint (strlen (first_two), ==, 2 * strlen (CARLOS) + 1);
}

static void
test_search_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const blank[] = { "", "   ", "\xff" };
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      leads = nexor_client_search_leads (fixture->client, blank[i], 0, NULL, &error);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      g_assert_null (leads);
      g_clear_error (&error);
    }

  leads = nexor_client_search_leads (fixture->client, "carlos", 101, NULL, &error);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_null (leads);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* Safe to repeat: a 503 is retried. */
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  leads = nexor_client_search_leads (fixture->client, "carlos", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
}

static void
push_body (Fixture    *fixture,
           const char *body)
{
  g_autofree char *base64 = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", base64, NULL);

  nexor_emulator_push_fault (fixture->emulator, fault);
}

/* Shapes other than the emulator's: the endpoint is undocumented, so the
 * bare and {"data"} lists are read too, unknown members are kept, and an
 * answer the library cannot use is refused as a whole. */
static void
test_search_other_shapes (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const refused[] = {
    "{\"success\": true, \"leads\": [{\"first_name\": \"No id\"}]}",
    "{\"success\": true, \"leads\": {\"id\": \"not a list\"}}",
    "{\"success\": true, \"leads\": [7]}",
    "[]x",
  };
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  push_body (fixture, "[{\"id\": \"" MARIANA "\", \"first_name\": \"Mariana\", \"last_history_at\": \"2026-02-10T12:00:00Z\"}]");
  leads = nexor_client_search_leads (fixture->client, "mariana", 0, NULL, &error);
  g_assert_no_error (error);
  ids = ids_of (leads);
  g_assert_cmpstr (ids, ==, MARIANA);
  {
    g_autoptr(NexorLead) lead = g_list_model_get_item (leads, 0);
    g_autoptr(JsonObject) raw = nexor_lead_dup_json (lead);

    g_assert_cmpstr (json_object_get_string_member (raw, "last_history_at"), ==, "2026-02-10T12:00:00Z");
  }
  g_clear_object (&leads);

  push_body (fixture, "{\"data\": []}");
  leads = nexor_client_search_leads (fixture->client, "mariana", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 0);
  g_clear_object (&leads);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      push_body (fixture, refused[i]);
      leads = nexor_client_search_leads (fixture->client, "mariana", 0, NULL, &error);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      g_assert_null (leads);
      g_clear_error (&error);
    }
}

static void
test_search_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) leads = NULL;
    g_autofree char *ids = NULL;

    nexor_client_search_leads_async (fixture->client, "lopez", 0, NULL, nexor_test_on_result, &result);
    leads = nexor_client_search_leads_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_no_error (error);
    ids = ids_of (leads);
    g_assert_cmpstr (ids, ==, CARLOS);
    assert_get (fixture, "search=lopez&limit=20");
    g_assert_true (NEXOR_IS_LEAD_LIST (leads));
    g_assert_false (nexor_lead_list_get_has_more (NEXOR_LEAD_LIST (leads)));
  }

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) leads = NULL;
    g_autoptr(GCancellable) cancelled = g_cancellable_new ();

    g_cancellable_cancel (cancelled);
    nexor_client_search_leads_async (fixture->client, "lopez", 0, cancelled, nexor_test_on_result, &result);
    leads = nexor_client_search_leads_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (leads);
    g_clear_error (&error);
  }

  /* Refused before a request, through the callback. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) leads = NULL;
    guint before = sent (fixture);

    nexor_client_search_leads_async (fixture->client, "lopez", 101, NULL, nexor_test_on_result, &result);
    leads = nexor_client_search_leads_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_null (leads);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

/* A search in pages of one: each page's request, and the leads of the
 * pages together are those of one search in a single page, in order. */
static void
test_search_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at_once = search_ids (fixture, "+569", 0);
  g_autofree char *paged = NULL;
  NexorLeadList *list;

  leads = nexor_client_search_leads (fixture->client, "+569", 1, NULL, &error);
  g_assert_no_error (error);
  assert_get (fixture, "search=%2B569&limit=1");
  g_assert_true (NEXOR_IS_LEAD_LIST (leads));
  list = NEXOR_LEAD_LIST (leads);
  g_assert_cmpstr (nexor_lead_list_get_search (list), ==, "+569");
  g_assert_cmpuint (nexor_lead_list_get_page_size (list), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
  g_assert_cmpint (nexor_lead_list_get_total (list), ==, 3);
  g_assert_true (nexor_lead_list_get_has_more (list));

  g_assert_true (nexor_lead_list_load_more (list, NULL, &error));
  g_assert_no_error (error);
  assert_get (fixture, "search=%2B569&limit=1&offset=1");
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 2);

  {
    g_autoptr(GAsyncResult) result = NULL;

    nexor_lead_list_load_all_async (list, NULL, nexor_test_on_result, &result);
    g_assert_true (nexor_lead_list_load_all_finish (list, nexor_test_wait_for_result (&result), &error));
    g_assert_no_error (error);
  }
  assert_get (fixture, "search=%2B569&limit=1&offset=2");
  g_assert_false (nexor_lead_list_get_has_more (list));
  g_assert_null (nexor_lead_list_get_error (list));

  paged = ids_of (leads);
  g_assert_cmpstr (paged, ==, at_once);
}

/* Without a total, a short page ends the list; a server that ignores the
 * offset and answers the first page again fails it, as every paged list
 * does, and keeps what it had. */
static void
test_search_pages_from_other_servers (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) first = NULL;
  NexorLeadList *list;

  push_body (fixture, "{\"leads\": [{\"id\": \"" CARLOS "\", \"first_name\": \"Carlos\"}]}");
  leads = nexor_client_search_leads (fixture->client, "+569", 1, NULL, &error);
  g_assert_no_error (error);
  list = NEXOR_LEAD_LIST (leads);
  g_assert_cmpint (nexor_lead_list_get_total (list), ==, -1);
  g_assert_true (nexor_lead_list_get_has_more (list));

  push_body (fixture, "[]");
  g_assert_true (nexor_lead_list_load_more (list, NULL, &error));
  g_assert_no_error (error);
  assert_get (fixture, "search=%2B569&limit=1&offset=1");
  g_assert_false (nexor_lead_list_get_has_more (list));
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
  g_clear_object (&leads);

  /* The emulator's first page, then the same lead again for offset 1. */
  leads = nexor_client_search_leads (fixture->client, "+569", 1, NULL, &error);
  g_assert_no_error (error);
  list = NEXOR_LEAD_LIST (leads);
  first = g_list_model_get_item (leads, 0);
  {
    g_autofree char *again = g_strdup_printf ("{\"success\": true, \"leads\": [{\"id\": \"%s\"}], \"total\": 3}",
                                              nexor_lead_get_id (first));

    push_body (fixture, again);
  }
  g_assert_false (nexor_lead_list_load_more (list, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
  g_assert_nonnull (nexor_lead_list_get_error (list));
  g_clear_error (&error);

  /* load_all fails the same way rather than stop short. */
  {
    g_autoptr(GListModel) again = nexor_client_search_leads (fixture->client, "+569", 1, NULL, &error);
    g_autofree char *repeat = NULL;

    g_assert_no_error (error);
    repeat = g_strdup_printf ("{\"success\": true, \"leads\": [{\"id\": \"%s\"}], \"total\": 3}",
                              nexor_lead_get_id (first));
    push_body (fixture, repeat);
    g_assert_false (nexor_lead_list_load_all (NEXOR_LEAD_LIST (again), NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/search/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("wire", test_search_wire);
  ADD ("matches", test_search_matches);
  ADD ("errors", test_search_errors);
  ADD ("other-shapes", test_search_other_shapes);
  ADD ("async", test_search_async);
  ADD ("pages", test_search_pages);
  ADD ("pages-from-other-servers", test_search_pages_from_other_servers);

#undef ADD

  return g_test_run ();
}
