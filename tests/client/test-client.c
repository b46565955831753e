/* test-client.c: NexorClient against an in-process nexor-emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "client-fixture.h"

#include <glib/gstdio.h>

#include "nexor-emulator-tls.h"

#define SEED_LEAD_ID   "123e4567-e89b-12d3-a456-426614174000"
#define NULLS_LEAD_ID  "3430cf98-7b04-4d40-8f4d-02428acf28ba"
#define LEGACY_LEAD_ID "2f552d00-1a7b-471a-81f0-1d52dc1406b3"
#define TAKEN_LEAD_ID  "499596e2-f464-458a-ac61-601ac9e73455"
#define UNKNOWN_ID     "00000000-0000-4000-8000-000000000000"
#define KEY            NEXOR_EMULATOR_DEFAULT_API_KEY

typedef ClientFixture Fixture;

static void
assert_seed_lead (NexorLead *lead)
{
  NexorWorkflowRun *run;
  NexorVariable *variable;
  g_autofree char *created = NULL;

  g_assert_nonnull (lead);
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, SEED_LEAD_ID);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Lopez");
  g_assert_cmpstr (nexor_lead_get_email (lead), ==, "carlos@example.com");
  g_assert_cmpstr (nexor_lead_get_phone (lead), ==, "+56912345678");
  g_assert_cmpstr (nexor_lead_get_source (lead), ==, "api");
  g_assert_cmpstr (nexor_lead_get_company (lead), ==, "Stark Industries");
  g_assert_null (nexor_lead_get_title (lead));
  {
    g_autoptr(JsonObject) metadata = nexor_lead_dup_metadata (lead);

    g_assert_cmpstr (json_object_get_string_member (metadata, "estado_lead"), ==, "calificado");
  }
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_tags (lead)), ==, 0);
  g_assert_cmpstr (nexor_campaign_get_name (nexor_lead_get_campaign (lead)), ==, "Q1 Campaign");

  run = nexor_lead_get_active_workflow_run (lead);
  g_assert_nonnull (run);
  g_assert_true (nexor_workflow_run_get_is_active (run));
  g_assert_false (nexor_workflow_run_get_human_takeover (run));
  g_assert_cmpstr (nexor_workflow_run_get_cadence_state (run), ==, "active");
  g_assert_cmpstr (nexor_workflow_run_get_run_status (run), ==, "running");
  g_assert_cmpstr (nexor_workflow_get_name (nexor_workflow_run_get_workflow (run)), ==, "Sales Pipeline");
  g_assert_cmpstr (nexor_workflow_get_goal_type (nexor_workflow_run_get_workflow (run)), ==, "appointment");
  g_assert_cmpstr (nexor_workflow_status_get_key (nexor_workflow_run_get_current_status (run)), ==, "contacted");
  g_assert_cmpstr (nexor_workflow_status_get_label (nexor_workflow_run_get_current_status (run)), ==, "Contacted");
  g_assert_cmpstr (nexor_workflow_status_get_category (nexor_workflow_run_get_current_status (run)), ==, "active");

  created = g_date_time_format_iso8601 (nexor_lead_get_created_at (lead));
  g_assert_cmpstr (created, ==, "2026-02-10T12:00:00Z");

  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 2);
  variable = nexor_lead_get_variable (lead, "edad");
  g_assert_nonnull (variable);
  {
    g_autoptr(JsonNode) value = nexor_variable_dup_value (variable);

    g_assert_cmpint (json_node_get_int (value), ==, 35);
  }
  g_assert_cmpstr (nexor_variable_get_value_text (variable), ==, "35");
  g_assert_cmpfloat_with_epsilon (nexor_variable_get_confidence (variable), 0.95, 1e-9);
  variable = nexor_lead_get_variable (lead, "broker_asociado");
  g_assert_nonnull (variable);
  {
    g_autoptr(JsonNode) value = nexor_variable_dup_value (variable);

    g_assert_cmpstr (json_node_get_string (value), ==, "Juan Perez");
  }
  g_assert_cmpfloat_with_epsilon (nexor_variable_get_confidence (variable), 0.9, 1e-9);
}

static void
test_get_lead_sync (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(JsonObject) request = NULL;
  JsonObject *headers;
  const char *agent;

  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  assert_seed_lead (lead);

  /* What went on the wire. */
  request = nexor_emulator_dup_last_request (fixture->emulator);
  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, "/api/public/leads/" SEED_LEAD_ID);
  headers = json_object_get_object_member (request, "headers");
  g_assert_nonnull (headers);
  g_assert_cmpstr (nexor_test_request_header (headers, "X-API-Key"), ==, KEY);
  agent = nexor_test_request_header (headers, "User-Agent");
  g_assert_nonnull (agent);
  g_assert_true (g_str_has_prefix (agent, "nexor-glib/"));
}

static void
test_get_lead_async (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  nexor_client_get_lead_async (fixture->client, SEED_LEAD_ID, NULL, nexor_test_on_result, &result);
  lead = nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  assert_seed_lead (lead);
}

static void
test_seed_variants (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) nulls = NULL;
  g_autoptr(NexorLead) legacy = NULL;
  g_autoptr(NexorLead) taken = NULL;
  NexorWorkflowRun *run;

  nulls = nexor_client_get_lead (fixture->client, NULLS_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (nexor_lead_get_last_name (nulls));
  g_assert_null (nexor_lead_get_email (nulls));
  g_assert_null (nexor_lead_get_campaign (nulls));
  g_assert_null (nexor_lead_get_active_workflow_run (nulls));
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (nulls)), ==, 0);

  legacy = nexor_client_get_lead (fixture->client, LEGACY_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  run = nexor_lead_get_active_workflow_run (legacy);
  g_assert_nonnull (run);
  g_assert_nonnull (nexor_workflow_run_get_workflow (run));
  g_assert_nonnull (nexor_workflow_run_get_current_status (run));
  g_assert_nonnull (nexor_workflow_status_get_color (nexor_workflow_run_get_current_status (run)));
  g_assert_nonnull (nexor_lead_get_assigned_user (legacy));

  taken = nexor_client_get_lead (fixture->client, TAKEN_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nexor_workflow_run_get_human_takeover (nexor_lead_get_active_workflow_run (taken)));
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  lead = nexor_client_get_lead (fixture->client, UNKNOWN_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_nonnull (strstr (error->message, "Lead not found or does not belong to your account"));
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NexorClient) wrong = client_fixture_new_client (fixture, "nxr_live_wrong_key_123");
  g_autoptr(NexorClient) none = client_fixture_new_client (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  guint before;

  lead = nexor_client_get_lead (wrong, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "401"));
  g_assert_nonnull (strstr (error->message, "The provided API key is not valid"));
  g_assert_null (strstr (error->message, "nxr_live_wrong_key_123"));
  g_clear_error (&error);

  /* No key: refused before the network. */
  before = nexor_emulator_get_request_count (fixture->emulator);
  lead = nexor_client_get_lead (none, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, before);
}

static void
test_bad_ids (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const bad[] = {
    "", "..", "a/b", "../tags", "123e4567-e89b-12d3-a456-42661417400", /* 35 chars */
    "123e4567-e89b-12d3-a456-4266141740000", "123e4567/e89b-12d3-a456-426614174000",
    "123e4567-e89b-12d3-a456-42661417400%", "\xff\xfe", "lead?x=1", NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad) - 1; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      lead = nexor_client_get_lead (fixture->client, bad[i], NULL, &error);
      g_assert_null (lead);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);

      nexor_client_get_lead_async (fixture->client, bad[i], NULL, nexor_test_on_result, &result);
      lead = nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
      g_assert_null (lead);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    }

  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 0);
}

static void
test_cancel_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_cancellable_cancel (cancellable);

  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, cancellable, &error);
  g_assert_null (lead);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  nexor_client_get_lead_async (fixture->client, SEED_LEAD_ID, cancellable, nexor_test_on_result, &result);
  lead = nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_null (lead);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 0);
}

static gboolean
cancel_source (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_during_async (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start;

  nexor_emulator_set_response_delay (fixture->emulator, 5000);
  start = g_get_monotonic_time ();
  nexor_client_get_lead_async (fixture->client, SEED_LEAD_ID, cancellable, nexor_test_on_result, &result);
  g_timeout_add (100, cancel_source, cancellable);
  lead = nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_null (lead);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  nexor_emulator_set_response_delay (fixture->emulator, 0);
}

static gpointer
cancel_later (gpointer user_data)
{
  g_usleep (100 * 1000);  /* the test's own thread, standing in for a user */
  g_cancellable_cancel (user_data);
  return NULL;
}

static void
test_cancel_during_sync (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  GThread *canceller;
  gint64 start;

  nexor_emulator_set_response_delay (fixture->emulator, 5000);
  start = g_get_monotonic_time ();
  canceller = g_thread_new ("canceller", cancel_later, cancellable);
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, cancellable, &error);
  g_thread_join (canceller);
  g_assert_null (lead);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  nexor_emulator_set_response_delay (fixture->emulator, 0);
}

static void
test_deadline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start;

  nexor_client_set_timeout (fixture->client, 1);
  nexor_emulator_set_response_delay (fixture->emulator, 4000);

  start = g_get_monotonic_time ();
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_clear_error (&error);

  start = g_get_monotonic_time ();
  nexor_client_get_lead_async (fixture->client, SEED_LEAD_ID, NULL, nexor_test_on_result, &result);
  lead = nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  nexor_emulator_set_response_delay (fixture->emulator, 0);
}

static void
test_server_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  guint before;

  /* Without retries a 500 is NEXOR_ERROR_SERVER. */
  nexor_client_set_max_retries (fixture->client, 0);
  nexor_emulator_push_fault (fixture->emulator, "status=500");
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "500"));
  g_clear_error (&error);

  /* A GET is safe to repeat: a 503 then success. */
  nexor_client_set_max_retries (fixture->client, 2);
  before = nexor_emulator_get_request_count (fixture->emulator);
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  assert_seed_lead (lead);
  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, before + 2);
  g_clear_object (&lead);

  /* HTML with a 200, and JSON cut short, are not leads. */
  nexor_emulator_push_fault (fixture->emulator, "html");
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  nexor_emulator_push_fault (fixture->emulator, "truncated");
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
}

/* The public face of the retry policy, as an application sees it. */

typedef struct {
  guint emissions;
  guint attempt;
  guint delay_ms;
  GError *error;
} RetryWatch;

static void
on_retry_scheduled (NexorClient  *client,
                    guint         attempt,
                    guint         delay_ms,
                    const GError *error,
                    RetryWatch   *watch)
{
  watch->emissions++;
  watch->attempt = attempt;
  watch->delay_ms = delay_ms;
  g_clear_error (&watch->error);
  watch->error = g_error_copy (error);
}

static void
test_retry_signal (Fixture       *fixture,
                   gconstpointer  data)
{
  RetryWatch watch = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_signal_connect (fixture->client, "retry-scheduled", G_CALLBACK (on_retry_scheduled), &watch);

  /* A 503 that asks for no wait: one retry, announced, then the lead. */
  nexor_emulator_push_fault (fixture->emulator, "status=503;retry-after=0");
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  assert_seed_lead (lead);
  g_clear_object (&lead);
  g_assert_cmpuint (watch.emissions, ==, 1);
  g_assert_cmpuint (watch.attempt, ==, 2);
  g_assert_cmpuint (watch.delay_ms, ==, 0);
  g_assert_error (watch.error, NEXOR_ERROR, NEXOR_ERROR_SERVER);

  nexor_emulator_push_fault (fixture->emulator, "status=502;retry-after=0");
  nexor_client_get_lead_async (fixture->client, SEED_LEAD_ID, NULL, nexor_test_on_result, &result);
  lead = nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (lead);
  g_assert_cmpuint (watch.emissions, ==, 2);
  g_clear_object (&lead);

  /* Two minutes is more than the client waits: at once, with the wait. */
  nexor_emulator_push_fault (fixture->emulator, "status=429;retry-after=120");
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);
  g_assert_cmpuint (watch.emissions, ==, 2);
  g_assert_cmpuint (nexor_error_get_retry_after (error), ==, 120);
  g_assert_true (g_str_has_suffix (error->message, " (retry after 120 s)"));

  g_clear_error (&watch.error);
}

/* The wait travels with each failed call: two calls at once, two waits,
 * and nothing on the client that one could overwrite for the other. */
static void
test_retry_after_per_call (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) second_error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) rebuilt = NULL;
  g_autoptr(GError) other = NULL;
  g_autoptr(NexorLead) lead = NULL;
  guint a, b;

  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (fixture->client), "retry-after"));

  nexor_emulator_push_fault (fixture->emulator, "status=429;retry-after=120");
  nexor_emulator_push_fault (fixture->emulator, "status=429;retry-after=300");
  nexor_client_get_lead_async (fixture->client, SEED_LEAD_ID, NULL, nexor_test_on_result, &first);
  nexor_client_get_lead_async (fixture->client, SEED_LEAD_ID, NULL, nexor_test_on_result, &second);
  g_assert_null (nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&first), &first_error));
  g_assert_null (nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&second), &second_error));
  g_assert_error (first_error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);
  g_assert_error (second_error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);

  /* Which call met which fault depends on which request came first. */
  a = nexor_error_get_retry_after (first_error);
  b = nexor_error_get_retry_after (second_error);
  g_assert_cmpuint (MIN (a, b), ==, 120);
  g_assert_cmpuint (MAX (a, b), ==, 300);

  /* A later success changes neither. */
  lead = nexor_client_get_lead (fixture->client, SEED_LEAD_ID, NULL, &other);
  g_assert_no_error (other);
  g_assert_cmpuint (nexor_error_get_retry_after (first_error), ==, a);

  /* A copy keeps it; so does an error rebuilt from domain, code and
   * message alone, as PyGObject hands a GLib.Error back to C. */
  copy = g_error_copy (first_error);
  g_assert_cmpuint (nexor_error_get_retry_after (copy), ==, a);
  rebuilt = g_error_new_literal (first_error->domain, first_error->code, first_error->message);
  g_assert_cmpuint (nexor_error_get_retry_after (rebuilt), ==, a);

  /* No wait named, or not the form at the end: 0. */
  g_clear_error (&other);
  other = g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED, "HTTP 429 Too Many Requests");
  g_assert_cmpuint (nexor_error_get_retry_after (other), ==, 0);
  g_clear_error (&other);
  other = g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_FAILED, "x (retry after 5 s) and more");
  g_assert_cmpuint (nexor_error_get_retry_after (other), ==, 0);
  g_clear_error (&other);
  other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x (retry after 5 s)");
  g_assert_cmpuint (nexor_error_get_retry_after (other), ==, 0);
}

typedef struct {
  Fixture *fixture;
  gboolean callback_in_worker;
  GThread *worker;
  NexorLead *lead;
  GError *error;
} WorkerData;

static void
on_worker_lead (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WorkerData *data = user_data;

  data->callback_in_worker = g_thread_self () == data->worker;
  data->lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &data->error);
}

static gpointer
worker_main (gpointer user_data)
{
  WorkerData *data = user_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(NexorClient) client = NULL;

  g_main_context_push_thread_default (context);
  client = client_fixture_new_client (data->fixture, KEY);
  nexor_client_get_lead_async (client, SEED_LEAD_ID, NULL, on_worker_lead, data);
  while (data->lead == NULL && data->error == NULL)
    g_main_context_iteration (context, TRUE);
  g_clear_object (&client);
  /* Let the session's pending sources go before the context does. */
  nexor_test_drain_context (context);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
test_worker_thread_async (Fixture       *fixture,
                          gconstpointer  data)
{
  WorkerData worker = { fixture };

  worker.worker = g_thread_new ("worker", worker_main, &worker);
  g_thread_join (worker.worker);
  g_assert_no_error (worker.error);
  g_assert_true (worker.callback_in_worker);
  assert_seed_lead (worker.lead);
  g_clear_object (&worker.lead);
}

static gpointer
sync_worker (gpointer user_data)
{
  NexorClient *client = user_data;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(NexorLead) lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);

      g_assert_no_error (error);
      assert_seed_lead (lead);
    }
  return NULL;
}

static void
test_sync_from_threads (Fixture       *fixture,
                        gconstpointer  data)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("sync", sync_worker, fixture->client);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 20);
}

static void
test_bad_base_urls (void)
{
  static const char * const bad[] = {
    "http://example.com/api/public",   /* plain HTTP off this machine */
    "ftp://127.0.0.1/api",
    "not a url",
    "https://",
    "https://api.example.com/api?x=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(NexorClient) client = nexor_client_new_for_url (bad[i], KEY);
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);

      g_assert_null (lead);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      g_assert_null (strstr (error->message, KEY));
    }
}

static void
test_from_environment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorClient) client = NULL;
  g_autofree char *base_url = NULL;

  g_unsetenv ("NEXOR_API_KEY");
  g_unsetenv ("NEXOR_BASE_URL");
  client = nexor_client_new_from_environment (&error);
  g_assert_null (client);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  g_setenv ("NEXOR_API_KEY", KEY, TRUE);
  client = nexor_client_new_from_environment (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_client_get_base_url (client), ==, NEXOR_DEFAULT_BASE_URL);
  g_clear_object (&client);

  g_setenv ("NEXOR_BASE_URL", "http://127.0.0.1:9/api/public/", TRUE);
  client = nexor_client_new_from_environment (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_client_get_base_url (client), ==, "http://127.0.0.1:9/api/public");
  g_object_get (client, "base-url", &base_url, NULL);
  g_assert_cmpstr (base_url, ==, "http://127.0.0.1:9/api/public");
  g_clear_object (&client);

  g_setenv ("NEXOR_BASE_URL", "http://api.example.com", TRUE);
  client = nexor_client_new_from_environment (&error);
  g_assert_null (client);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);

  g_unsetenv ("NEXOR_API_KEY");
  g_unsetenv ("NEXOR_BASE_URL");
}

/* With every debug level on, the key appears nowhere in the output. */
static void
test_debug_output_redacts_key (Fixture       *fixture,
                               gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(NexorClient) client = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;

      g_setenv ("NEXOR_DEBUG", "3", TRUE);
      g_log_set_debug_enabled (TRUE);
      client = nexor_client_new_for_url (nexor_emulator_thread_get_base_url (fixture->server), KEY);
      lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&lead);
      lead = nexor_client_get_lead (client, UNKNOWN_ID, NULL, &error);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
      g_printerr ("error: %s\n", error->message);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*X-API-Key: [REDACTED]*");
  g_test_trap_assert_stdout_unmatched ("*" KEY "*");
  g_test_trap_assert_stderr_unmatched ("*" KEY "*");
  g_test_trap_assert_stdout ("*Carlos*");
}

/* TLS: certificates that must be refused before any byte of the request,
 * and with it the key, is sent. */

/* An emulator serving a certificate for @hosts, valid from @from_s to @to_s
 * seconds from now, and a trust store that holds exactly that certificate. */
static NexorEmulatorThread *
start_with_certificate (const char * const  *hosts,
                        gint64               from_s,
                        gint64               to_s,
                        GTlsDatabase       **database)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_seconds (now, (gdouble) from_s);
  g_autoptr(GDateTime) not_after = g_date_time_add_seconds (now, (gdouble) to_s);
  g_autofree char *certificate_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *both = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  NexorEmulatorThread *server;

  g_assert_true (nexor_emulator_tls_generate_pem (hosts, not_before, not_after,
                                                  &certificate_pem, &key_pem, &error));
  g_assert_no_error (error);
  both = g_strconcat (certificate_pem, key_pem, NULL);
  certificate = g_tls_certificate_new_from_pem (both, -1, &error);
  g_assert_no_error (error);

  server = nexor_emulator_thread_start_full (TRUE, certificate, &error);
  g_assert_no_error (error);
  if (database != NULL)
    {
      *database = g_tls_file_database_new (nexor_emulator_thread_get_ca_file (server), &error);
      g_assert_no_error (error);
    }
  return server;
}

/* Both ways of calling fail with the certificate error, its reason in
 * words, and the emulator saw nothing: not a request, not a header. */
static void
assert_refused (NexorEmulatorThread *server,
                GTlsDatabase        *database,
                const char          *reason)
{
  NexorEmulator *emulator = nexor_emulator_thread_get_emulator (server);
  g_autoptr(NexorClient) client = g_object_new (NEXOR_TYPE_CLIENT,
                                                "base-url", nexor_emulator_thread_get_base_url (server),
                                                "api-key", KEY,
                                                "tls-database", database,
                                                NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(JsonObject) request = NULL;

  lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_test_message ("sync: %s", error->message);
  g_assert_nonnull (strstr (error->message, "nothing was sent"));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_null (strstr (error->message, KEY));
  g_clear_error (&error);

  nexor_client_get_lead_async (client, SEED_LEAD_ID, NULL, nexor_test_on_result, &result);
  lead = nexor_client_get_lead_finish (client, nexor_test_wait_for_result (&result), &error);
  g_assert_null (lead);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, reason));

  g_assert_cmpuint (nexor_emulator_get_request_count (emulator), ==, 0);
  request = nexor_emulator_dup_last_request (emulator);
  g_assert_null (request);
}

static void
test_tls_unknown_ca (void)
{
  g_autoptr(GTlsDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *certificate_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *other_path = NULL;
  NexorEmulatorThread *server = start_with_certificate (NULL, -3600, 3600, NULL);
  int fd;

  /* The system's store, which does not know the emulator's certificate. */
  assert_refused (server, NULL, "not signed by a certificate authority this client trusts");

  /* A store with another certificate for the same names. */
  g_assert_true (nexor_emulator_tls_generate_pem (NULL, NULL, NULL, &certificate_pem, &key_pem, &error));
  fd = g_file_open_tmp ("nexor-test-other-XXXXXX.pem", &other_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (other_path, certificate_pem, -1, &error));
  other = g_tls_file_database_new (other_path, &error);
  g_assert_no_error (error);
  assert_refused (server, other, "not signed by a certificate authority this client trusts");

  g_unlink (other_path);
  nexor_emulator_thread_stop (server);
}

static void
test_tls_wrong_host (void)
{
  static const char * const hosts[] = { "api.example.com", "192.0.2.1", NULL };
  g_autoptr(GTlsDatabase) database = NULL;
  NexorEmulatorThread *server = start_with_certificate (hosts, -3600, 3600, &database);

  assert_refused (server, database, "not issued for this host name");
  nexor_emulator_thread_stop (server);
}

static void
test_tls_expired (void)
{
  g_autoptr(GTlsDatabase) database = NULL;
  NexorEmulatorThread *server = start_with_certificate (NULL, -2 * 86400, -86400, &database);

  assert_refused (server, database, "it has expired");
  nexor_emulator_thread_stop (server);
}

static void
test_tls_not_yet_valid (void)
{
  g_autoptr(GTlsDatabase) database = NULL;
  NexorEmulatorThread *server = start_with_certificate (NULL, 86400, 2 * 86400, &database);

  assert_refused (server, database, "not valid yet");
  nexor_emulator_thread_stop (server);
}

/* NEXOR_CA_FILE: trusted when it holds the certificate; a clear error, not
 * a client that trusts nothing, when it cannot be used. */
static void
test_tls_ca_file_environment (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *garbage_path = NULL;
  const char *ca_file = nexor_emulator_thread_get_ca_file (fixture->server);
  int fd;

  g_setenv ("NEXOR_API_KEY", KEY, TRUE);
  g_setenv ("NEXOR_BASE_URL", nexor_emulator_thread_get_base_url (fixture->server), TRUE);

  g_setenv ("NEXOR_CA_FILE", ca_file, TRUE);
  client = nexor_client_new_from_environment (&error);
  g_assert_no_error (error);
  g_assert_true (G_IS_TLS_FILE_DATABASE (nexor_client_get_tls_database (client)));
  lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  assert_seed_lead (lead);
  g_clear_object (&client);

  /* A relative path, which GTlsFileDatabase itself does not take. */
  {
    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *dir = g_path_get_dirname (ca_file);
    g_autofree char *base = g_path_get_basename (ca_file);

    g_assert_cmpint (g_chdir (dir), ==, 0);
    g_setenv ("NEXOR_CA_FILE", base, TRUE);
    client = nexor_client_new_from_environment (&error);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
    g_assert_no_error (error);
    g_clear_object (&lead);
    lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);
    g_assert_no_error (error);
    assert_seed_lead (lead);
    g_clear_object (&client);
  }

  /* Unset: the system's store, which refuses the emulator. */
  g_unsetenv ("NEXOR_CA_FILE");
  client = nexor_client_new_from_environment (&error);
  g_assert_no_error (error);
  g_assert_null (nexor_client_get_tls_database (client));
  g_clear_object (&lead);
  lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_clear_error (&error);
  g_clear_object (&client);

  fd = g_file_open_tmp ("nexor-test-empty-XXXXXX.pem", &empty_path, &error);
  g_assert_no_error (error);
  close (fd);
  fd = g_file_open_tmp ("nexor-test-garbage-XXXXXX.pem", &garbage_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (garbage_path,
                                      "-----BEGIN CERTIFICATE-----\nnot base64 at all\n"
                                      "-----END CERTIFICATE-----\n", -1, &error));

  {
    const char *bad[] = { "/nonexistent/nexor-ca.pem", empty_path, garbage_path, "/" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_setenv ("NEXOR_CA_FILE", bad[i], TRUE);
        client = nexor_client_new_from_environment (&error);
        g_assert_null (client);
        g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
        g_test_message ("%s: %s", bad[i], error->message);
        g_assert_nonnull (strstr (error->message, "NEXOR_CA_FILE"));
        g_clear_error (&error);
      }
  }

  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 2);
  g_unlink (empty_path);
  g_unlink (garbage_path);
  g_unsetenv ("NEXOR_CA_FILE");
  g_unsetenv ("NEXOR_API_KEY");
  g_unsetenv ("NEXOR_BASE_URL");
}

/* A given session keeps its own trust store: a tls-database beside it would
 * be ignored, so it is refused instead. */
static void
test_tls_database_with_session (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("tls-database", fixture->tls_database,
                                                                  NULL);
  g_autoptr(NexorClient) both = g_object_new (NEXOR_TYPE_CLIENT,
                                              "base-url", nexor_emulator_thread_get_base_url (fixture->server),
                                              "api-key", KEY,
                                              "session", session,
                                              "tls-database", fixture->tls_database,
                                              NULL);
  g_autoptr(NexorClient) session_only = g_object_new (NEXOR_TYPE_CLIENT,
                                                      "base-url", nexor_emulator_thread_get_base_url (fixture->server),
                                                      "api-key", KEY,
                                                      "session", session,
                                                      NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  lead = nexor_client_get_lead (both, SEED_LEAD_ID, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "tls-database"));
  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 0);
  g_clear_error (&error);

  lead = nexor_client_get_lead (session_only, SEED_LEAD_ID, NULL, &error);
  g_assert_no_error (error);
  assert_seed_lead (lead);
}

/* Text from the server (a reason phrase, an error message, a JSON token)
 * reaches GError messages quoted: one line of UTF-8, of a bounded length. */
static void
quoting_server_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  if (g_str_has_prefix (path, "/reason/"))
    {
      /* obs-text and a terminal escape in the reason phrase, no body. */
      soup_server_message_set_status (msg, 418, "Bad \xff\xfe tea \x1b[2J");
    }
  else if (g_str_has_prefix (path, "/message/"))
    {
      /* Under the size up to which the client reads an error body. */
      g_autofree char *long_text = g_strnfill (20000, 'A');
      g_autofree char *body = g_strdup_printf ("{\"error\": \"Bad \\u001b[31m\", \"message\": \"%s\"}", long_text);

      soup_server_message_set_status (msg, 400, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
    }
  else
    {
      g_autofree char *digits = g_strnfill (100000, '9');
      g_autofree char *body = g_strdup_printf ("{\"id\": 1e%s}", digits);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
    }
}

static void
test_server_text_quoted (void)
{
  static const char * const prefixes[] = { "reason", "message", "number" };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint port;

  soup_server_add_handler (server, NULL, quoting_server_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  port = nexor_test_server_get_port (server);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *base_url = g_strdup_printf ("http://127.0.0.1:%u/%s/api/public", port, prefixes[i]);
      g_autoptr(NexorClient) client = nexor_client_new_for_url (base_url, KEY);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(NexorLead) lead = NULL;

      nexor_client_set_max_retries (client, 0);
      nexor_client_get_lead_async (client, SEED_LEAD_ID, NULL, nexor_test_on_result, &result);
      lead = nexor_client_get_lead_finish (client, nexor_test_wait_for_result (&result), &error);
      g_assert_null (lead);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", prefixes[i], error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), <, 2048);
      for (const char *p = error->message; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
      g_clear_error (&error);
    }

  soup_server_disconnect (server);
}

/* ---------------------------------------------------------------------------
 * A 404 that is not one of the API's documented answers: the base URL is
 * wrong, which is not the same as a missing lead.
 * ------------------------------------------------------------------------- */

static void
assert_endpoint_not_found (const GError *error,
                           const char   *base_url)
{
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_ENDPOINT_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_nonnull (strstr (error->message, "base URL is probably wrong"));
  g_assert_nonnull (strstr (error->message, base_url));
  g_assert_nonnull (strstr (error->message, "/api/public"));
  g_assert_null (strstr (error->message, KEY));
}

/* The emulator's own answer to a path it has no route for. */
static void
test_endpoint_not_found_emulator (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *api_url = nexor_emulator_thread_get_base_url (fixture->server);
  g_autofree char *root = g_strndup (api_url, strlen (api_url) - strlen ("/api/public"));
  g_autofree char *root_slash = g_strconcat (root, "/", NULL);
  g_autofree char *prefix = g_strconcat (root, "/api", NULL);
  g_autofree char *versioned = g_strconcat (api_url, "/v1", NULL);
  const char * const wrong[] = { root_slash, root, prefix, versioned };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(NexorClient) client = g_object_new (NEXOR_TYPE_CLIENT,
                                                    "base-url", wrong[i], "api-key", KEY,
                                                    "tls-database", fixture->tls_database,
                                                    NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GListModel) tags = NULL;

      g_test_message ("base URL %s", wrong[i]);
      lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);
      g_assert_null (lead);
      assert_endpoint_not_found (error, root);
      g_assert_nonnull (strstr (error->message, "Route not found"));
      g_clear_error (&error);

      nexor_client_get_lead_async (client, UNKNOWN_ID, NULL, nexor_test_on_result, &result);
      lead = nexor_client_get_lead_finish (client, nexor_test_wait_for_result (&result), &error);
      g_assert_null (lead);
      assert_endpoint_not_found (error, root);
      g_clear_error (&error);

      /* An endpoint that names no resource documents no 404 at all. */
      tags = nexor_client_list_tags (client, NULL, NULL, &error);
      g_assert_null (tags);
      assert_endpoint_not_found (error, root);
    }

  /* The right base URL still tells a missing lead as such. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = nexor_client_get_lead (fixture->client, UNKNOWN_ID, NULL, &error);

    g_assert_null (lead);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  }
}

static void
plain_server_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  if (g_str_has_prefix (path, "/html/"))
    {
      static const char page[] = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                                 "<body><h1>Not Found</h1><p>The requested URL was not found on "
                                 "this server.</p></body></html>\n";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
    }
  else if (g_str_has_prefix (path, "/empty/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
  else if (g_str_has_prefix (path, "/text/"))
    {
      static const char text[] = "404 page not found: lead\n";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, text, strlen (text));
    }
  else if (g_str_has_prefix (path, "/json-other/"))
    {
      /* JSON, but not the API's envelope, though it mentions leads. */
      static const char json[] = "{\"status\":404,\"detail\":\"Cannot GET /leads: lead not found\"}";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, json, strlen (json));
    }
  else if (g_str_has_prefix (path, "/json-route/"))
    {
      static const char json[] = "{\"error\":\"Not found\",\"message\":\"Cannot GET /api/leads\"}";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, json, strlen (json));
    }
  else
    {
      /* The API's own answer, from whichever server gives it. */
      static const char json[] = "{\"error\":\"Not found\",\"message\":\"Lead not found or does not "
                                 "belong to your account\"}";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, json, strlen (json));
    }
}

/* A plain web server's 404s are not a missing lead; the API's envelope
 * naming the lead is, whoever serves it. */
static void
test_endpoint_not_found_plain_server (void)
{
  static const char * const kinds[] = { "html", "empty", "text", "json-other", "json-route" };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint port;

  soup_server_add_handler (server, NULL, plain_server_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  port = nexor_test_server_get_port (server);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *base_url = g_strdup_printf ("http://127.0.0.1:%u/%s/api/public", port, kinds[i]);
      g_autoptr(NexorClient) client = nexor_client_new_for_url (base_url, KEY);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(NexorLead) lead = NULL;

      /* Async only: the server answers on this thread's main context. */
      g_test_message ("%s", kinds[i]);
      nexor_client_set_max_retries (client, 0);
      nexor_client_get_lead_async (client, SEED_LEAD_ID, NULL, nexor_test_on_result, &result);
      lead = nexor_client_get_lead_finish (client, nexor_test_wait_for_result (&result), &error);
      g_assert_null (lead);
      assert_endpoint_not_found (error, base_url);
      g_clear_error (&error);
    }

  {
    g_autofree char *base_url = g_strdup_printf ("http://127.0.0.1:%u/api/public", port);
    g_autoptr(NexorClient) client = nexor_client_new_for_url (base_url, KEY);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(NexorLead) lead = NULL;
    g_autoptr(GListModel) tags = NULL;

    nexor_client_get_lead_async (client, SEED_LEAD_ID, NULL, nexor_test_on_result, &result);
    lead = nexor_client_get_lead_finish (client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (lead);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Lead not found"));
    g_clear_error (&error);
    g_clear_object (&result);

    /* The same envelope from an operation that names no lead. */
    nexor_client_list_tags_async (client, NULL, NULL, nexor_test_on_result, &result);
    tags = nexor_client_list_tags_finish (client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (tags);
    assert_endpoint_not_found (error, base_url);
    g_clear_error (&error);
  }

  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("/client/get-lead/sync", test_get_lead_sync);
  ADD ("/client/get-lead/async", test_get_lead_async);
  ADD ("/client/get-lead/seed-variants", test_seed_variants);
  ADD ("/client/get-lead/not-found", test_not_found);
  ADD ("/client/get-lead/unauthorized", test_unauthorized);
  ADD ("/client/get-lead/bad-ids", test_bad_ids);
  ADD ("/client/get-lead/cancel-before", test_cancel_before);
  ADD ("/client/get-lead/cancel-during-async", test_cancel_during_async);
  ADD ("/client/get-lead/cancel-during-sync", test_cancel_during_sync);
  ADD ("/client/get-lead/deadline", test_deadline);
  ADD ("/client/get-lead/server-errors", test_server_errors);
  ADD ("/client/get-lead/retry-signal", test_retry_signal);
  ADD ("/client/get-lead/retry-after-per-call", test_retry_after_per_call);
  ADD ("/client/get-lead/worker-thread-async", test_worker_thread_async);
  ADD ("/client/get-lead/sync-from-threads", test_sync_from_threads);
  ADD ("/client/debug-output-redacts-key", test_debug_output_redacts_key);
  ADD ("/client/endpoint-not-found/emulator", test_endpoint_not_found_emulator);

  /* The main paths again, over https with a certificate the client trusts. */
#define ADD_TLS(path, func) \
  g_test_add (path, Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up, func, client_fixture_tear_down)

  ADD_TLS ("/client/tls/get-lead/sync", test_get_lead_sync);
  ADD_TLS ("/client/tls/get-lead/async", test_get_lead_async);
  ADD_TLS ("/client/tls/get-lead/not-found", test_not_found);
  ADD_TLS ("/client/tls/get-lead/unauthorized", test_unauthorized);
  ADD_TLS ("/client/tls/get-lead/cancel-during-async", test_cancel_during_async);
  ADD_TLS ("/client/tls/get-lead/server-errors", test_server_errors);
  ADD_TLS ("/client/tls/get-lead/worker-thread-async", test_worker_thread_async);
  ADD_TLS ("/client/tls/get-lead/sync-from-threads", test_sync_from_threads);
  ADD_TLS ("/client/tls/ca-file-environment", test_tls_ca_file_environment);
  ADD_TLS ("/client/tls/database-with-session", test_tls_database_with_session);
  g_test_add_func ("/client/tls/refused/unknown-ca", test_tls_unknown_ca);
  g_test_add_func ("/client/tls/refused/wrong-host", test_tls_wrong_host);
  g_test_add_func ("/client/tls/refused/expired", test_tls_expired);
  g_test_add_func ("/client/tls/refused/not-yet-valid", test_tls_not_yet_valid);
  g_test_add_func ("/client/bad-base-urls", test_bad_base_urls);
  g_test_add_func ("/client/from-environment", test_from_environment);
  g_test_add_func ("/client/server-text-quoted", test_server_text_quoted);
  g_test_add_func ("/client/endpoint-not-found/plain-server", test_endpoint_not_found_plain_server);

  return g_test_run ();
}
