/* test-client-catalog.c: workflows and campaigns (the endpoints the API
 * names without documenting) against an in-process nexor-emulator — what
 * goes on the wire, what comes back, and the errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "client-fixture.h"

#define BASE_PATH    "/api/public"

#define SALES        "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define PAYMENT      "5f0c2e7a-8b1d-4c3e-9a6f-2d4b8e1c7a90"  /* no call steps */
#define UNKNOWN_ID   "00000000-0000-4000-8000-000000000000"

typedef ClientFixture Fixture;

/* The last request the emulator saw: a GET of @path, without query or body. */
static void
assert_get (Fixture    *fixture,
            const char *path)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);
  g_autofree char *full_path = g_strconcat (BASE_PATH, path, NULL);

  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, full_path);
  g_assert_true (json_object_get_null_member (request, "query"));
  g_assert_true (json_object_get_null_member (request, "body"));
}

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;  /* still owned by the list */
}

/* The emulator's own records of @member ("workflows", "campaigns"). */
static JsonArray *
seeded (Fixture    *fixture,
        const char *member)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);

  return json_array_ref (json_object_get_array_member (json_node_get_object (state), member));
}

static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  return json_object_get_string_member_with_default (object, member, NULL);
}

/* @workflow is what the emulator holds as @seed: every property, the
 * statuses in order. */
static void
assert_workflow (NexorWorkflow *workflow,
                 JsonObject    *seed)
{
  JsonArray *steps = json_object_get_array_member (seed, "steps");
  JsonArray *statuses = json_object_get_array_member (seed, "statuses");
  GListModel *model = nexor_workflow_get_statuses (workflow);
  gboolean calls = FALSE;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    calls |= g_str_equal (json_array_get_string_element (steps, i), "call");

  g_assert_cmpstr (nexor_workflow_get_id (workflow), ==, string_or_null (seed, "id"));
  g_assert_cmpstr (nexor_workflow_get_name (workflow), ==, string_or_null (seed, "name"));
  g_assert_cmpstr (nexor_workflow_get_goal_type (workflow), ==, string_or_null (seed, "goal_type"));
  g_assert_cmpint (nexor_workflow_get_paused (workflow), ==, json_object_get_boolean_member (seed, "paused"));
  g_assert_cmpint (nexor_workflow_get_has_call_steps (workflow), ==, calls);

  g_assert_true (g_list_model_get_item_type (model) == NEXOR_TYPE_WORKFLOW_STATUS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, json_array_get_length (statuses));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonObject *expected = json_array_get_object_element (statuses, i);
      NexorWorkflowStatus *status = item_at (model, i);

      g_assert_cmpstr (nexor_workflow_status_get_id (status), ==, string_or_null (expected, "id"));
      g_assert_cmpstr (nexor_workflow_status_get_key (status), ==, string_or_null (expected, "key"));
      g_assert_cmpstr (nexor_workflow_status_get_label (status), ==, string_or_null (expected, "label"));
      g_assert_cmpstr (nexor_workflow_status_get_category (status), ==, string_or_null (expected, "category"));
      g_assert_cmpstr (nexor_workflow_status_get_color (status), ==, string_or_null (expected, "color"));
      g_assert_cmpint (nexor_workflow_status_get_is_initial (status), ==,
                       json_object_get_boolean_member (expected, "is_initial"));
      g_assert_cmpint (nexor_workflow_status_get_is_terminal (status), ==,
                       json_object_get_boolean_member (expected, "is_terminal"));
    }

  /* What the model does not know stays in the raw JSON. */
  {
    g_autoptr(JsonObject) raw = nexor_workflow_dup_json (workflow);

    g_assert_true (json_array_equal (json_object_get_array_member (raw, "steps"), steps));
  }
}

static void
test_list_workflows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonArray) workflows = seeded (fixture, "workflows");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_calls = FALSE;
  gboolean saw_no_calls = FALSE;
  gboolean saw_paused = FALSE;

  list = nexor_client_list_workflows (fixture->client, NULL, &error);
  g_assert_no_error (error);
  assert_get (fixture, "/workflows");
  g_assert_true (g_list_model_get_item_type (list) == NEXOR_TYPE_WORKFLOW);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, json_array_get_length (workflows));

  for (guint i = 0; i < json_array_get_length (workflows); i++)
    {
      NexorWorkflow *workflow = item_at (list, i);

      assert_workflow (workflow, json_array_get_object_element (workflows, i));
      saw_calls |= nexor_workflow_get_has_call_steps (workflow);
      saw_no_calls |= !nexor_workflow_get_has_call_steps (workflow);
      saw_paused |= nexor_workflow_get_paused (workflow);
    }

  /* The seed has both kinds, so the flags are read, not defaulted. */
  g_assert_true (saw_calls && saw_no_calls && saw_paused);

  /* Safe to repeat: a 503 is retried. */
  {
    g_autoptr(GListModel) again = NULL;
    guint before = sent (fixture);

    nexor_emulator_push_fault (fixture->emulator, "status=503");
    again = nexor_client_list_workflows (fixture->client, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, json_array_get_length (workflows));
    g_assert_cmpuint (sent (fixture), ==, before + 2);
  }
}

static void
test_get_workflow (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonArray) workflows = seeded (fixture, "workflows");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < json_array_get_length (workflows); i++)
    {
      JsonObject *seed = json_array_get_object_element (workflows, i);
      const char *id = json_object_get_string_member (seed, "id");
      g_autoptr(NexorWorkflow) workflow = NULL;
      g_autofree char *path = NULL;

      /* The Get Lead page's placeholder id "uuid" is no UUID: see bad ids. */
      if (g_str_equal (id, "uuid"))
        continue;

      workflow = nexor_client_get_workflow (fixture->client, id, NULL, &error);
      g_assert_no_error (error);
      path = g_strconcat ("/workflows/", id, NULL);
      assert_get (fixture, path);
      assert_workflow (workflow, seed);
    }

  {
    g_autoptr(NexorWorkflow) workflow = nexor_client_get_workflow (fixture->client, UNKNOWN_ID, NULL, &error);

    g_assert_null (workflow);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Workflow not found"));
    g_assert_nonnull (strstr (error->message, "404"));
    assert_get (fixture, "/workflows/" UNKNOWN_ID);
    g_clear_error (&error);
  }

  {
    /* Path ids are UUIDs, checked before anything is sent. */
    static const char * const bad_ids[] = { "uuid", "..", "a/b", "", SALES "/statuses", "%2e%2e" };
    guint before = sent (fixture);

    for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
      {
        g_autoptr(NexorWorkflow) workflow = nexor_client_get_workflow (fixture->client, bad_ids[i], NULL, &error);

        g_assert_null (workflow);
        g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
        g_assert_nonnull (strstr (error->message, "UUID"));
        g_clear_error (&error);
      }

    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

static void
test_list_campaigns (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonArray) campaigns = seeded (fixture, "campaigns");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = nexor_client_list_campaigns (fixture->client, NULL, &error);
  g_assert_no_error (error);
  assert_get (fixture, "/campaigns");
  g_assert_true (g_list_model_get_item_type (list) == NEXOR_TYPE_CAMPAIGN);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, json_array_get_length (campaigns));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  for (guint i = 0; i < json_array_get_length (campaigns); i++)
    {
      JsonObject *seed = json_array_get_object_element (campaigns, i);
      NexorCampaign *campaign = item_at (list, i);

      g_assert_cmpstr (nexor_campaign_get_id (campaign), ==, string_or_null (seed, "id"));
      g_assert_cmpstr (nexor_campaign_get_name (campaign), ==, string_or_null (seed, "name"));
    }

  {
    g_autoptr(GListModel) again = NULL;
    guint before = sent (fixture);

    nexor_emulator_push_fault (fixture->emulator, "status=502");
    again = nexor_client_list_campaigns (fixture->client, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 3);
    g_assert_cmpuint (sent (fixture), ==, before + 2);
  }
}

static void
push_body (Fixture    *fixture,
           const char *body)
{
  g_autofree char *base64 = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", base64, NULL);

  nexor_emulator_push_fault (fixture->emulator, fault);
}

/* Shapes other than the emulator's: bare and {"data"} lists, unknown and
 * unreadable members, and what is still refused. */
static void
test_other_shapes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GListModel) list = NULL;
    NexorWorkflow *workflow;

    push_body (fixture, "[{\"id\": \"" SALES "\", \"name\": \"Sales\", \"paused\": \"no\", \"owner\": \"x\","
                        " \"statuses\": [{\"id\": \"s1\", \"key\": \"new\"}, 7, {\"key\": \"no id\"}]},"
                        " {\"id\": \"" PAYMENT "\", \"has_call_steps\": null}]");
    list = nexor_client_list_workflows (fixture->client, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

    workflow = item_at (list, 0);
    /* An unreadable optional member is unset, and kept in the JSON. */
    g_assert_false (nexor_workflow_get_paused (workflow));
    {
      g_autoptr(JsonObject) raw = nexor_workflow_dup_json (workflow);

      g_assert_cmpstr (json_object_get_string_member (raw, "paused"), ==, "no");
      g_assert_cmpstr (json_object_get_string_member (raw, "owner"), ==, "x");
    }
    /* Statuses that cannot be read are left out. */
    g_assert_cmpuint (g_list_model_get_n_items (nexor_workflow_get_statuses (workflow)), ==, 1);
    g_assert_cmpstr (nexor_workflow_status_get_key (item_at (nexor_workflow_get_statuses (workflow), 0)), ==, "new");
    g_assert_false (nexor_workflow_status_get_is_initial (item_at (nexor_workflow_get_statuses (workflow), 0)));

    workflow = item_at (list, 1);
    g_assert_null (nexor_workflow_get_name (workflow));
    g_assert_false (nexor_workflow_get_has_call_steps (workflow));
    g_assert_cmpuint (g_list_model_get_n_items (nexor_workflow_get_statuses (workflow)), ==, 0);
  }

  {
    g_autoptr(GListModel) list = NULL;

    push_body (fixture, "{\"data\": [{\"id\": \"c1\", \"name\": \"Spring\", \"budget\": 10}]}");
    list = nexor_client_list_campaigns (fixture->client, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    g_assert_cmpstr (nexor_campaign_get_name (item_at (list, 0)), ==, "Spring");
  }

  {
    g_autoptr(NexorWorkflow) workflow = NULL;

    push_body (fixture, "{\"success\": true, \"workflow\": {\"name\": \"No id\"}}");
    workflow = nexor_client_get_workflow (fixture->client, SALES, NULL, &error);
    g_assert_null (workflow);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
  }

  {
    g_autoptr(GListModel) list = NULL;

    push_body (fixture, "{\"success\": true, \"workflows\": {\"id\": \"not a list\"}}");
    list = nexor_client_list_workflows (fixture->client, NULL, &error);
    g_assert_null (list);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
  }

  {
    /* A listed workflow or campaign needs its id, as every listed resource. */
    g_autoptr(GListModel) workflows = NULL;
    g_autoptr(GListModel) campaigns = NULL;

    push_body (fixture, "{\"workflows\": [{\"id\": \"" SALES "\"}, {\"name\": \"No id\"}]}");
    workflows = nexor_client_list_workflows (fixture->client, NULL, &error);
    g_assert_null (workflows);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);

    push_body (fixture, "{\"campaigns\": [{\"id\": 7, \"name\": \"Numbered\"}]}");
    campaigns = nexor_client_list_campaigns (fixture->client, NULL, &error);
    g_assert_null (campaigns);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
  }

  {
    g_autoptr(GListModel) list = NULL;

    push_body (fixture, "{\"success\": false, \"campaigns\": []}");
    list = nexor_client_list_campaigns (fixture->client, NULL, &error);
    g_assert_null (list);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
  }

  {
    /* A key the server does not take. */
    g_autoptr(NexorClient) stranger = client_fixture_new_client (fixture, "nxr_live_not_registered");
    g_autoptr(GListModel) list = nexor_client_list_campaigns (stranger, NULL, &error);

    g_assert_null (list);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
  }
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) list = NULL;

    nexor_client_list_workflows_async (fixture->client, NULL, nexor_test_on_result, &result);
    list = nexor_client_list_workflows_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 7);
    assert_get (fixture, "/workflows");
  }

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(NexorWorkflow) workflow = NULL;

    nexor_client_get_workflow_async (fixture->client, PAYMENT, NULL, nexor_test_on_result, &result);
    workflow = nexor_client_get_workflow_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (nexor_workflow_get_name (workflow), ==, "Payment Link Sent");
    g_assert_false (nexor_workflow_get_has_call_steps (workflow));
    assert_get (fixture, "/workflows/" PAYMENT);
  }

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(NexorWorkflow) workflow = NULL;

    nexor_client_get_workflow_async (fixture->client, UNKNOWN_ID, NULL, nexor_test_on_result, &result);
    workflow = nexor_client_get_workflow_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (workflow);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) list = NULL;

    nexor_client_list_campaigns_async (fixture->client, NULL, nexor_test_on_result, &result);
    list = nexor_client_list_campaigns_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (nexor_campaign_get_name (item_at (list, 0)), ==, "Q1 Campaign");
    assert_get (fixture, "/campaigns");
  }
}

static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  /* Cancelled before the call: nothing is sent. */
  g_cancellable_cancel (cancelled);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) list = NULL;

    nexor_client_list_workflows_async (fixture->client, cancelled, nexor_test_on_result, &result);
    list = nexor_client_list_workflows_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (list);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(NexorWorkflow) workflow = NULL;

    nexor_client_get_workflow_async (fixture->client, SALES, cancelled, nexor_test_on_result, &result);
    workflow = nexor_client_get_workflow_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (workflow);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  {
    g_autoptr(GListModel) list = nexor_client_list_campaigns (fixture->client, cancelled, &error);

    g_assert_null (list);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (sent (fixture), ==, before);

  /* Cancelled mid-flight: the answer would come after a minute, the call
   * ends with the cancel. */
  nexor_emulator_set_response_delay (fixture->emulator, 60000);
  {
    g_autoptr(GCancellable) later = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) list = NULL;

    nexor_client_list_campaigns_async (fixture->client, later, nexor_test_on_result, &result);
    g_timeout_add_once (50, (GSourceOnceFunc) g_cancellable_cancel, later);
    list = nexor_client_list_campaigns_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (list);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  nexor_emulator_set_response_delay (fixture->emulator, 0);
}

/* From a worker thread with its own main context. */
static gpointer
list_in_thread (gpointer data)
{
  NexorClient *client = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  nexor_client_list_workflows_async (client, NULL, nexor_test_on_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  list = nexor_client_list_workflows_finish (client, result, &error);
  g_assert_no_error (error);
  nexor_test_drain_context (context);
  g_main_context_pop_thread_default (context);

  return GUINT_TO_POINTER (g_list_model_get_n_items (list));
}

static void
test_worker_thread (Fixture       *fixture,
                    gconstpointer  data)
{
  GThread *thread = g_thread_new ("catalog", list_in_thread, fixture->client);

  g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (thread)), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/catalog/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("workflows", test_list_workflows);
  ADD ("workflow", test_get_workflow);
  ADD ("campaigns", test_list_campaigns);
  ADD ("other-shapes", test_other_shapes);
  ADD ("async", test_async);
  ADD ("async/cancelled", test_async_cancelled);
  ADD ("worker-thread", test_worker_thread);
  g_test_add ("/catalog/tls/workflows", Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up,
              test_list_workflows, client_fixture_tear_down);

#undef ADD

  return g_test_run ();
}
