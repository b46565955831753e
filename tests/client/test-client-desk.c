/* test-client-desk.c: the lead-desk endpoints against an in-process
 * nexor-emulator — what goes on the wire, and what comes back
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "client-fixture.h"

#define BASE_PATH    "/api/public"
#define KEY          NEXOR_EMULATOR_DEFAULT_API_KEY

/* Seed leads (tools/nexor-emulator/README.md). */
#define CARLOS       "123e4567-e89b-12d3-a456-426614174000"  /* long history, meetings */
#define VALENTINA    "3430cf98-7b04-4d40-8f4d-02428acf28ba"  /* no workflow run */
#define MARIANA      "2f552d00-1a7b-471a-81f0-1d52dc1406b3"  /* active in Demo Booking, "engaged" */
#define DIEGO        "499596e2-f464-458a-ac61-601ac9e73455"  /* human takeover in Sales Pipeline */
#define EMILY        "ed798fc4-92d4-4f19-9c90-19426829d6df"  /* two tags */
#define LUCIA        "a27f4786-b9dd-4177-a4d3-bfe4c2411b9b"  /* no run, one tag */
#define UNKNOWN_ID   "00000000-0000-4000-8000-000000000000"

#define SALES        "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define DEMO         "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
#define MORTGAGE     "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"
#define PREMIUM      "9d6f3b2a-5c1e-4f7a-8e0b-3a2c4d5e6f70"  /* paused */

#define TAG_HOT      "40018446-5928-4f8d-8c39-4abc460f126c"
#define TAG_ENTERPRISE "417e46d0-629a-4b69-a270-0b7f4e7f9a03"
#define TAG_REFERRAL "3fb2d57d-4349-4a7d-a474-418a7cd2a17c"

typedef ClientFixture Fixture;

/* ---------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* The last request the emulator saw: its method, path below the base path,
 * raw query (NULL: none) and JSON body (NULL: none), compared as JSON. */
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

  g_assert_true (JSON_NODE_HOLDS_VALUE (sent_body));
  {
    g_autoptr(JsonNode) expected = parse_json (body);
    g_autoptr(JsonNode) actual = parse_json (json_node_get_string (sent_body));
    const char *content_type = nexor_test_request_header (json_object_get_object_member (request, "headers"),
                                                           "Content-Type");

    if (!json_node_equal (actual, expected))
      g_error ("%s %s: sent body %s, expected %s", method, path, json_node_get_string (sent_body), body);

    g_assert_nonnull (content_type);
    g_assert_true (g_str_has_prefix (content_type, "application/json"));
  }
}

/* The answer of a blocking is_lead_paused() that must succeed. */
static gboolean
lead_paused (NexorClient *client,
             const char  *lead_id,
             const char  *workflow_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorPauseState) state = nexor_client_is_lead_paused (client, lead_id, workflow_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return nexor_pause_state_get_paused (state);
}

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

/* The emulator's own state, to compare answers with what it holds. */
static JsonObject *
seed_entry (Fixture    *fixture,
            const char *lead_id)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *leads = json_object_get_array_member (json_node_get_object (state), "leads");

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (entry, "lead"), "id"), lead_id) == 0)
        return json_object_ref (entry);
    }

  g_error ("lead %s is not in the emulator's state", lead_id);
}

static JsonObject *
seed_workflow (Fixture    *fixture,
               const char *workflow_id)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *workflows = json_object_get_array_member (json_node_get_object (state), "workflows");

  for (guint i = 0; i < json_array_get_length (workflows); i++)
    {
      JsonObject *workflow = json_array_get_object_element (workflows, i);

      if (g_strcmp0 (json_object_get_string_member (workflow, "id"), workflow_id) == 0)
        return json_object_ref (workflow);
    }

  g_error ("workflow %s is not in the emulator's state", workflow_id);
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;  /* still owned by the list */
}

static gboolean
tags_have_name (GListModel *tags,
                const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    if (g_strcmp0 (nexor_tag_get_name (item_at (tags, i)), name) == 0)
      return TRUE;

  return FALSE;
}

static NexorLeadInput *
lead_input (const char *first_name,
            const char *email)
{
  return g_object_new (NEXOR_TYPE_LEAD_INPUT, "first-name", first_name, "email", email, NULL);
}

/* ---------------------------------------------------------------------------
 * Create
 * ------------------------------------------------------------------------- */

static void
test_create_lead (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NexorLeadInput) input = lead_input ("Ana", "ana.soto@example.com");
  g_autoptr(JsonObject) metadata = json_object_new ();
  g_autoptr(JsonObject) workflow = seed_workflow (fixture, SALES);
  JsonArray *steps = json_object_get_array_member (workflow, "steps");
  g_autoptr(NexorCreateLeadResult) result = NULL;
  g_autoptr(NexorCreateLeadResult) again = NULL;
  g_autoptr(NexorLeadInput) upsert = lead_input ("Ana María", "ana.soto@example.com");
  g_autoptr(GError) error = NULL;
  NexorWorkflowRunSummary *run;
  NexorCadence *cadence;
  NexorLead *lead;

  json_object_set_string_member (metadata, "plan", "gold");
  g_object_set (input,
                "last-name", "Soto",
                "phone", "+56911112222",
                "company", "Initech",
                "workflow-id", SALES,
                "metadata", metadata,
                NULL);

  result = nexor_client_create_lead (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads", NULL,
               "{\"first_name\":\"Ana\",\"last_name\":\"Soto\",\"email\":\"ana.soto@example.com\","
               "\"phone\":\"+56911112222\",\"company\":\"Initech\",\"workflow_id\":\"" SALES "\","
               "\"metadata\":{\"plan\":\"gold\"}}");

  lead = nexor_create_lead_result_get_lead (result);
  g_assert_true (g_uuid_string_is_valid (nexor_lead_get_id (lead)));
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Ana");
  g_assert_cmpstr (nexor_lead_get_company (lead), ==, "Initech");
  {
    g_autoptr(JsonObject) lead_metadata = nexor_lead_dup_metadata (lead);

    g_assert_cmpstr (json_object_get_string_member (lead_metadata, "plan"), ==, "gold");
  }
  g_assert_nonnull (nexor_lead_get_created_at (lead));
  g_assert_false (nexor_create_lead_result_get_existed (result));

  run = nexor_create_lead_result_get_workflow_run (result);
  g_assert_nonnull (run);
  g_assert_nonnull (nexor_workflow_run_summary_get_id (run));
  g_assert_nonnull (nexor_workflow_run_summary_get_job_id (run));
  g_assert_cmpstr (nexor_workflow_get_name (nexor_workflow_run_summary_get_workflow (run)), ==,
                   json_object_get_string_member (workflow, "name"));
  cadence = nexor_workflow_run_summary_get_cadence (run);
  g_assert_nonnull (cadence);
  g_assert_cmpint (nexor_cadence_get_step_index (cadence), ==, 0);
  g_assert_cmpstr (nexor_cadence_get_channel (cadence), ==, json_array_get_string_element (steps, 0));
  g_assert_cmpint (nexor_cadence_get_attempt_number (cadence), ==, 1);
  g_assert_cmpint (nexor_cadence_get_max_attempts (cadence), ==,
                   json_object_get_int_member (workflow, "max_attempts"));
  g_assert_cmpint (nexor_cadence_get_total_steps (cadence), ==, json_array_get_length (steps));

  /* The same email is the same lead: the API upserts. */
  again = nexor_client_create_lead (fixture->client, upsert, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads", NULL,
               "{\"first_name\":\"Ana María\",\"email\":\"ana.soto@example.com\"}");
  g_assert_true (nexor_create_lead_result_get_existed (again));
  g_assert_null (nexor_create_lead_result_get_workflow_run (again));
  g_assert_cmpstr (nexor_lead_get_id (nexor_create_lead_result_get_lead (again)), ==, nexor_lead_get_id (lead));
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_create_lead_result_get_lead (again)), ==, "Ana María");
}

static void
test_create_lead_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(NexorLeadInput) nameless = g_object_new (NEXOR_TYPE_LEAD_INPUT, "email", "x@example.com", NULL);
  g_autoptr(NexorLeadInput) blank = g_object_new (NEXOR_TYPE_LEAD_INPUT, "first-name", " ", NULL);
  g_autoptr(NexorLeadInput) odd_workflow = g_object_new (NEXOR_TYPE_LEAD_INPUT, "first-name", "Ana",
                                                         "workflow-id", "../tags", NULL);
  g_autoptr(NexorLeadInput) bad_email = lead_input ("Ana", "not-an-email");
  g_autoptr(NexorLeadInput) no_such_workflow = g_object_new (NEXOR_TYPE_LEAD_INPUT, "first-name", "Ana",
                                                             "workflow-id", UNKNOWN_ID, NULL);
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  g_assert_null (nexor_client_create_lead (fixture->client, nameless, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "first-name"));
  g_clear_error (&error);

  g_assert_null (nexor_client_create_lead (fixture->client, blank, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* What only the server can check comes back as its 400, in its words. */
  g_assert_null (nexor_client_create_lead (fixture->client, bad_email, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "400"));
  g_assert_nonnull (strstr (error->message, "not-an-email"));
  g_clear_error (&error);

  /* Ids in the body are the server's to judge: it only travels as JSON. */
  g_assert_null (nexor_client_create_lead (fixture->client, no_such_workflow, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "workflow_id"));
  g_clear_error (&error);
  g_assert_null (nexor_client_create_lead (fixture->client, odd_workflow, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  assert_wire (fixture, "POST", "/leads", NULL, "{\"first_name\":\"Ana\",\"workflow_id\":\"../tags\"}");
  g_assert_cmpuint (sent (fixture), ==, before + 3);
}

static void
test_create_leads (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListStore) leads = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(NexorLeadInput) first = lead_input ("Bea", "bea@example.com");
  g_autoptr(NexorLeadInput) broken = lead_input ("Ciro", "not-an-email");
  g_autoptr(NexorLeadInput) duplicate = lead_input ("Beatriz", "bea@example.com");
  g_autoptr(NexorBulkCreateResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;
  NexorBulkItemResult *item;

  g_list_store_append (leads, first);
  g_list_store_append (leads, broken);
  g_list_store_append (leads, duplicate);

  result = nexor_client_create_leads (fixture->client, G_LIST_MODEL (leads), NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads", NULL,
               "[{\"first_name\":\"Bea\",\"email\":\"bea@example.com\"},"
               "{\"first_name\":\"Ciro\",\"email\":\"not-an-email\"},"
               "{\"first_name\":\"Beatriz\",\"email\":\"bea@example.com\"}]");

  g_assert_cmpint (nexor_bulk_create_result_get_created (result), ==, 2);
  g_assert_cmpint (nexor_bulk_create_result_get_failed (result), ==, 1);
  results = nexor_bulk_create_result_get_results (result);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);

  item = item_at (results, 0);
  g_assert_cmpint (nexor_bulk_item_result_get_index (item), ==, 0);
  g_assert_true (nexor_bulk_item_result_get_success (item));
  g_assert_false (nexor_bulk_item_result_get_existed (item));
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_bulk_item_result_get_lead (item)), ==, "Bea");

  item = item_at (results, 1);
  g_assert_cmpint (nexor_bulk_item_result_get_index (item), ==, 1);
  g_assert_false (nexor_bulk_item_result_get_success (item));
  g_assert_null (nexor_bulk_item_result_get_lead (item));
  g_assert_nonnull (strstr (nexor_bulk_item_result_get_error_message (item), "not-an-email"));

  /* A later duplicate in the same batch finds the lead the first one made. */
  item = item_at (results, 2);
  g_assert_true (nexor_bulk_item_result_get_existed (item));
  g_assert_cmpstr (nexor_lead_get_id (nexor_bulk_item_result_get_lead (item)), ==,
                   nexor_lead_get_id (nexor_bulk_item_result_get_lead (item_at (results, 0))));
}

static void
test_create_leads_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListStore) many = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GListStore) empty = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GListStore) nameless = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GListStore) mixed = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(NexorLeadInput) input = lead_input ("Ana", NULL);
  g_autoptr(NexorLeadInput) no_name = nexor_lead_input_new ();
  g_autoptr(GCancellable) not_an_input = g_cancellable_new ();
  g_autoptr(NexorBulkCreateResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  for (guint i = 0; i < 1001; i++)
    g_list_store_append (many, input);

  result = nexor_client_create_leads (fixture->client, G_LIST_MODEL (many), NULL, &error);
  g_assert_null (result);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "1001"));
  g_assert_nonnull (strstr (error->message, "1000"));
  g_clear_error (&error);

  /* Exactly 1000 is allowed: only the count is checked here. */
  g_list_store_remove (many, 0);
  result = nexor_client_create_leads (fixture->client, G_LIST_MODEL (many), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_bulk_create_result_get_results (result)), ==, 1000);
  g_clear_object (&result);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  before = sent (fixture);

  g_assert_null (nexor_client_create_leads (fixture->client, G_LIST_MODEL (empty), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_list_store_append (nameless, input);
  g_list_store_append (nameless, input);
  g_list_store_append (nameless, no_name);
  g_assert_null (nexor_client_create_leads (fixture->client, G_LIST_MODEL (nameless), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_str_has_prefix (error->message, "Lead 2: "));
  g_clear_error (&error);

  g_list_store_append (mixed, input);
  g_list_store_append (mixed, not_an_input);
  g_assert_null (nexor_client_create_leads (fixture->client, G_LIST_MODEL (mixed), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "GCancellable"));
  g_clear_error (&error);

  g_assert_cmpuint (sent (fixture), ==, before);
}

/* ---------------------------------------------------------------------------
 * Update
 * ------------------------------------------------------------------------- */

static void
test_update_lead (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
  g_autoptr(NexorLeadInput) leave = nexor_lead_input_new ();
  g_autoptr(JsonObject) metadata = json_object_new ();
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(NexorLead) left = NULL;
  g_autoptr(NexorLead) fetched = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (metadata, "utm_source", "google");
  nexor_lead_input_set_last_name (input, "Rodriguez");
  nexor_lead_input_set_title (input, NULL);
  nexor_lead_input_set_metadata (input, metadata);
  /* Set and then unset: not sent at all. */
  nexor_lead_input_set_company (input, "Wayne Enterprises");
  nexor_lead_input_unset (input, "company");

  lead = nexor_client_update_lead (fixture->client, CARLOS, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "PATCH", "/leads/" CARLOS, NULL,
               "{\"last_name\":\"Rodriguez\",\"title\":null,\"metadata\":{\"utm_source\":\"google\"}}");

  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Rodriguez");
  g_assert_null (nexor_lead_get_title (lead));
  g_assert_cmpstr (nexor_lead_get_company (lead), ==, "Stark Industries");
  /* Metadata is merged, not replaced. */
  {
    g_autoptr(JsonObject) lead_metadata = nexor_lead_dup_metadata (lead);

    g_assert_cmpstr (json_object_get_string_member (lead_metadata, "utm_source"), ==, "google");
    g_assert_cmpstr (json_object_get_string_member (lead_metadata, "estado_lead"), ==, "calificado");
  }
  /* The update answer carries the flat campaign_id. */
  g_assert_cmpstr (nexor_lead_get_campaign_id (lead), ==, "uuid");

  /* Explicit null takes the lead out of its campaign. */
  nexor_lead_input_set_campaign_id (leave, NULL);
  left = nexor_client_update_lead (fixture->client, CARLOS, leave, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "PATCH", "/leads/" CARLOS, NULL, "{\"campaign_id\":null}");
  g_assert_null (nexor_lead_get_campaign_id (left));

  fetched = nexor_client_get_lead (fixture->client, CARLOS, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (nexor_lead_get_campaign (fetched));
  g_assert_cmpstr (nexor_lead_get_last_name (fetched), ==, "Rodriguez");
}

static void
test_update_lead_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(NexorLeadInput) move = g_object_new (NEXOR_TYPE_LEAD_INPUT, "workflow-id", SALES, NULL);
  g_autoptr(NexorLeadInput) nameless = nexor_lead_input_new ();
  g_autoptr(NexorLeadInput) fine = g_object_new (NEXOR_TYPE_LEAD_INPUT, "title", "CEO", NULL);
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  nexor_lead_input_set_first_name (nameless, NULL);

  g_assert_null (nexor_client_update_lead (fixture->client, CARLOS, move, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "assign_lead_workflow"));
  g_clear_error (&error);

  g_assert_null (nexor_client_update_lead (fixture->client, CARLOS, nameless, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  g_assert_null (nexor_client_update_lead (fixture->client, UNKNOWN_ID, fine, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
}

/* ---------------------------------------------------------------------------
 * Assign, status, automation
 * ------------------------------------------------------------------------- */

static void
test_assign_lead_workflow (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(NexorAssignResult) moved = NULL;
  g_autoptr(NexorAssignResult) enrolled = NULL;
  g_autoptr(NexorAssignResult) waiting = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) mortgage = seed_workflow (fixture, MORTGAGE);

  moved = nexor_client_assign_lead_workflow (fixture->client, MARIANA, MORTGAGE, "Asked about mortgages",
                                             "user-abc-123", NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/assign-workflow", NULL,
               "{\"workflowId\":\"" MORTGAGE "\",\"reason\":\"Asked about mortgages\",\"actorId\":\"user-abc-123\"}");
  g_assert_cmpint (nexor_assign_result_get_movement_type (moved), ==, NEXOR_MOVEMENT_TYPE_REASSIGNMENT);
  g_assert_cmpstr (nexor_assign_result_get_movement_type_string (moved), ==, "reassignment");
  g_assert_cmpstr (nexor_assign_result_get_workflow_id (moved), ==, MORTGAGE);
  g_assert_cmpstr (nexor_assign_result_get_workflow_name (moved), ==, json_object_get_string_member (mortgage, "name"));
  g_assert_true (g_uuid_string_is_valid (nexor_assign_result_get_workflow_run_id (moved)));
  g_assert_false (nexor_assign_result_get_paused (moved));

  lead = nexor_client_get_lead (fixture->client, MARIANA, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_workflow_run_get_id (nexor_lead_get_active_workflow_run (lead)), ==,
                   nexor_assign_result_get_workflow_run_id (moved));

  enrolled = nexor_client_assign_lead_workflow (fixture->client, LUCIA, SALES, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" LUCIA "/assign-workflow", NULL, "{\"workflowId\":\"" SALES "\"}");
  g_assert_cmpint (nexor_assign_result_get_movement_type (enrolled), ==, NEXOR_MOVEMENT_TYPE_ENROLLMENT);

  waiting = nexor_client_assign_lead_workflow (fixture->client, VALENTINA, PREMIUM, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nexor_assign_result_get_paused (waiting));
}

static void
test_assign_lead_workflow_refused (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  g_assert_null (nexor_client_assign_lead_workflow (fixture->client, MARIANA, "", NULL, NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_client_assign_lead_workflow (fixture->client, MARIANA, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_client_assign_lead_workflow (fixture->client, MARIANA, SALES, "", NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_client_assign_lead_workflow (fixture->client, MARIANA, SALES, NULL, "bad\xff", NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  g_assert_null (nexor_client_assign_lead_workflow (fixture->client, MARIANA, UNKNOWN_ID, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == NEXOR_ERROR);
  g_clear_error (&error);
  g_assert_null (nexor_client_assign_lead_workflow (fixture->client, MARIANA, "sales", NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == NEXOR_ERROR);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/assign-workflow", NULL, "{\"workflowId\":\"sales\"}");
  g_assert_cmpuint (sent (fixture), ==, before + 2);
}

static void
test_set_lead_status (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(NexorStatusChange) change = NULL;
  g_autoptr(NexorStatusChange) same = NULL;
  g_autoptr(NexorStatusChange) plain = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  const char *run_id;

  lead = nexor_client_get_lead (fixture->client, MARIANA, NULL, &error);
  g_assert_no_error (error);
  run_id = nexor_workflow_run_get_id (nexor_lead_get_active_workflow_run (lead));

  change = nexor_client_set_lead_status (fixture->client, MARIANA, "demo_scheduled", "Booked by phone",
                                         DEMO, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/status", NULL,
               "{\"status_key\":\"demo_scheduled\",\"reason\":\"Booked by phone\",\"workflow_id\":\"" DEMO "\"}");
  g_assert_true (nexor_status_change_get_changed (change));
  g_assert_cmpstr (nexor_status_change_get_previous_status (change), ==, "engaged");
  g_assert_cmpstr (nexor_status_change_get_new_status (change), ==, "demo_scheduled");
  g_assert_cmpstr (nexor_status_change_get_workflow_run_id (change), ==, run_id);
  g_assert_cmpstr (nexor_status_change_get_workflow_id (change), ==, DEMO);

  /* Already there: not an error, just no change. */
  same = nexor_client_set_lead_status (fixture->client, MARIANA, "demo_scheduled", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/status", NULL, "{\"status_key\":\"demo_scheduled\"}");
  g_assert_false (nexor_status_change_get_changed (same));
  g_assert_cmpstr (nexor_status_change_get_new_status (same), ==, "demo_scheduled");

  g_clear_object (&lead);
  lead = nexor_client_get_lead (fixture->client, MARIANA, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_workflow_status_get_key (nexor_workflow_run_get_current_status (
                     nexor_lead_get_active_workflow_run (lead))), ==, "demo_scheduled");

  {
    guint before = sent (fixture);

    g_assert_null (nexor_client_set_lead_status (fixture->client, MARIANA, " ", NULL, NULL, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_set_lead_status (fixture->client, MARIANA, "lost", NULL, "", NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_cmpuint (sent (fixture), ==, before);
  }

  plain = nexor_client_set_lead_status (fixture->client, MARIANA, "no_such_status", NULL, NULL, NULL, &error);
  g_assert_null (plain);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
}

static void
test_automation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) entry = seed_entry (fixture, MARIANA);
  JsonObject *run = json_array_get_object_element (json_object_get_array_member (entry, "runs"), 0);
  g_autoptr(NexorAutomationResult) stop = NULL;
  g_autoptr(NexorAutomationResult) stopped = NULL;
  g_autoptr(NexorAutomationResult) resume = NULL;
  g_autoptr(NexorAutomationResult) running = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (lead_paused (fixture->client, MARIANA, NULL));

  stop = nexor_client_stop_lead_automation (fixture->client, MARIANA, DEMO, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/automation/stop", NULL, "{\"workflow_id\":\"" DEMO "\"}");
  g_assert_cmpstr (nexor_automation_result_get_workflow_run_id (stop), ==, json_object_get_string_member (run, "id"));
  g_assert_true (nexor_automation_result_get_cadence_paused (stop));
  g_assert_cmpint (nexor_automation_result_get_tasks_cancelled (stop), ==,
                   json_object_get_int_member (run, "pending_tasks"));
  g_assert_false (nexor_automation_result_get_already_stopped (stop));

  g_assert_true (lead_paused (fixture->client, MARIANA, NULL));

  stopped = nexor_client_stop_lead_automation (fixture->client, MARIANA, DEMO, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nexor_automation_result_get_already_stopped (stopped));
  g_assert_cmpint (nexor_automation_result_get_tasks_cancelled (stopped), ==, 0);

  resume = nexor_client_resume_lead_automation (fixture->client, MARIANA, DEMO, TRUE, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/automation/resume", NULL,
               "{\"workflow_id\":\"" DEMO "\",\"resume_cadence\":true}");
  g_assert_true (nexor_automation_result_get_cadence_resumed (resume));
  g_assert_false (nexor_automation_result_get_already_running (resume));
  g_assert_false (lead_paused (fixture->client, MARIANA, NULL));

  running = nexor_client_resume_lead_automation (fixture->client, MARIANA, DEMO, FALSE, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/automation/resume", NULL,
               "{\"workflow_id\":\"" DEMO "\",\"resume_cadence\":false}");
  g_assert_true (nexor_automation_result_get_already_running (running));

  /* The Get Lead page's example lead runs in a workflow whose id is the
   * page's "uuid" placeholder: a body id is sent as it is. */
  g_clear_object (&stop);
  stop = nexor_client_stop_lead_automation (fixture->client, CARLOS, "uuid", NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" CARLOS "/automation/stop", NULL, "{\"workflow_id\":\"uuid\"}");
  g_assert_true (nexor_automation_result_get_cadence_paused (stop));
  g_assert_true (lead_paused (fixture->client, CARLOS, "uuid"));
  assert_wire (fixture, "GET", "/leads/" CARLOS "/is_paused", "workflow_id=uuid", NULL);

  /* No active run in that workflow. */
  g_assert_null (nexor_client_stop_lead_automation (fixture->client, VALENTINA, SALES, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No active workflow run"));
  g_clear_error (&error);

  {
    guint before = sent (fixture);

    g_assert_null (nexor_client_stop_lead_automation (fixture->client, MARIANA, "", NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_resume_lead_automation (fixture->client, MARIANA, " ", TRUE, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

/* No workflow named: the library looks up the lead's active run, one GET. */
static void
test_automation_active_run (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorAutomationResult) stop = NULL;
  g_autoptr(NexorAutomationResult) resume = NULL;
  g_autoptr(NexorAutomationResult) named = NULL;
  g_autoptr(NexorAutomationResult) stopped = NULL;
  guint before = sent (fixture);

  stop = nexor_client_stop_lead_automation (fixture->client, MARIANA, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stop);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/automation/stop", NULL,
               "{\"workflow_id\":\"" DEMO "\"}");
  g_assert_cmpstr (nexor_automation_result_get_workflow_id (stop), ==, DEMO);
  g_assert_true (nexor_automation_result_get_cadence_paused (stop));
  g_assert_true (lead_paused (fixture->client, MARIANA, DEMO));

  before = sent (fixture);
  resume = nexor_client_resume_lead_automation (fixture->client, MARIANA, NULL, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/automation/resume", NULL,
               "{\"workflow_id\":\"" DEMO "\",\"resume_cadence\":true}");
  g_assert_cmpstr (nexor_automation_result_get_workflow_id (resume), ==, DEMO);
  g_assert_true (nexor_automation_result_get_cadence_resumed (resume));

  /* A named workflow costs no lookup, and the result names it too. */
  before = sent (fixture);
  named = nexor_client_stop_lead_automation (fixture->client, MARIANA, DEMO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  g_assert_cmpstr (nexor_automation_result_get_workflow_id (named), ==, DEMO);

  /* A lead in no workflow: the API's not-found, after the GET alone. */
  before = sent (fixture);
  g_assert_null (nexor_client_stop_lead_automation (fixture->client, VALENTINA, NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No active workflow run found"));
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  g_clear_error (&error);
  g_assert_null (nexor_client_resume_lead_automation (fixture->client, LUCIA, NULL, FALSE, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "resume"));
  g_clear_error (&error);

  /* A missing lead is the lead's 404. */
  g_assert_null (nexor_client_stop_lead_automation (fixture->client, UNKNOWN_ID, NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Lead not found"));
  g_clear_error (&error);

  /* The Get Lead page's example lead names its workflow "uuid": the server's
   * own id goes back to it as given, as a caller's would, and the emulator
   * knows that workflow. */
  before = sent (fixture);
  stopped = nexor_client_stop_lead_automation (fixture->client, CARLOS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_automation_result_get_workflow_id (stopped), ==, "uuid");
  assert_wire (fixture, "POST", "/leads/" CARLOS "/automation/stop", NULL, "{\"workflow_id\":\"uuid\"}");
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  g_clear_object (&stopped);

  /* A bad lead id is refused before anything is sent. */
  before = sent (fixture);
  g_assert_null (nexor_client_stop_lead_automation (fixture->client, "..", NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (sent (fixture), ==, before);
}

static void
test_automation_active_run_async (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NexorAutomationResult) stop = NULL;
  g_autoptr(NexorAutomationResult) resume = NULL;
  guint before = sent (fixture);

  nexor_client_stop_lead_automation_async (fixture->client, MARIANA, NULL, NULL, nexor_test_on_result, &result);
  stop = nexor_client_stop_lead_automation_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  assert_wire (fixture, "POST", "/leads/" MARIANA "/automation/stop", NULL,
               "{\"workflow_id\":\"" DEMO "\"}");
  g_assert_cmpstr (nexor_automation_result_get_workflow_id (stop), ==, DEMO);
  g_clear_object (&result);

  nexor_client_resume_lead_automation_async (fixture->client, MARIANA, NULL, FALSE, NULL,
                                             nexor_test_on_result, &result);
  resume = nexor_client_resume_lead_automation_finish (fixture->client, nexor_test_wait_for_result (&result),
                                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_automation_result_get_workflow_id (resume), ==, DEMO);
  g_assert_false (nexor_automation_result_get_already_running (resume));
  g_clear_object (&result);

  nexor_client_stop_lead_automation_async (fixture->client, VALENTINA, NULL, NULL, nexor_test_on_result, &result);
  g_assert_null (nexor_client_stop_lead_automation_finish (fixture->client, nexor_test_wait_for_result (&result),
                                                           &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No active workflow run found"));
  g_clear_error (&error);
  g_clear_object (&result);

  nexor_client_stop_lead_automation_async (fixture->client, UNKNOWN_ID, NULL, NULL, nexor_test_on_result, &result);
  g_assert_null (nexor_client_stop_lead_automation_finish (fixture->client, nexor_test_wait_for_result (&result),
                                                           &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* A cancel before the call, and one while the lookup is in flight: the
 * stop is never sent. */
static void
test_automation_active_run_cancelled (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint before = sent (fixture);
  guint wake;

  g_cancellable_cancel (cancelled);
  g_assert_null (nexor_client_stop_lead_automation (fixture->client, MARIANA, NULL, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  nexor_client_stop_lead_automation_async (fixture->client, MARIANA, NULL, cancelled, nexor_test_on_result, &result);
  g_assert_null (nexor_client_stop_lead_automation_finish (fixture->client, nexor_test_wait_for_result (&result),
                                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* The emulator holds the GET's answer back until the cancel is in. */
  wake = g_timeout_add (10, wake_cb, NULL);
  nexor_emulator_set_response_delay (fixture->emulator, 600000);
  nexor_client_stop_lead_automation_async (fixture->client, MARIANA, NULL, cancellable, nexor_test_on_result, &result);
  while (nexor_emulator_get_held_count (fixture->emulator) < 1)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_null (nexor_client_stop_lead_automation_finish (fixture->client, nexor_test_wait_for_result (&result),
                                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  nexor_emulator_set_response_delay (fixture->emulator, 0);
  nexor_emulator_release_held (fixture->emulator);
  g_source_remove (wake);

  assert_wire (fixture, "GET", "/leads/" MARIANA, NULL, NULL);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  g_assert_false (lead_paused (fixture->client, MARIANA, NULL));
}

/* The lookup and the stop are one call, under one deadline: each answer
 * takes 600 ms, within a 1 s deadline alone, past it together. */
static void
test_automation_active_run_one_deadline (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NexorAutomationResult) stopped = NULL;

  g_object_set (fixture->client, "timeout", 1, NULL);
  nexor_emulator_set_response_delay (fixture->emulator, 600);

  stopped = nexor_client_stop_lead_automation (fixture->client, MARIANA, NULL, NULL, &error);
  g_assert_null (stopped);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_TIMEOUT);
  g_clear_error (&error);

  nexor_client_resume_lead_automation_async (fixture->client, MARIANA, NULL, FALSE, NULL,
                                             nexor_test_on_result, &result);
  g_assert_null (nexor_client_resume_lead_automation_finish (fixture->client,
                                                             nexor_test_wait_for_result (&result),
                                                             &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_TIMEOUT);

  nexor_emulator_set_response_delay (fixture->emulator, 0);
}

static void
test_is_lead_paused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lead_paused (fixture->client, DIEGO, NULL));
  assert_wire (fixture, "GET", "/leads/" DIEGO "/is_paused", NULL, NULL);

  g_assert_true (lead_paused (fixture->client, DIEGO, SALES));
  assert_wire (fixture, "GET", "/leads/" DIEGO "/is_paused", "workflow_id=" SALES, NULL);

  /* Another workflow's run is not the one taken over. */
  g_assert_false (lead_paused (fixture->client, DIEGO, DEMO));

  g_assert_false (lead_paused (fixture->client, CARLOS, NULL));

  /* A failure is no answer at all, sync and async: never a "not paused". */
  {
    g_autoptr(NexorPauseState) failed = NULL;
    g_autoptr(NexorPauseState) not_paused = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    failed = nexor_client_is_lead_paused (fixture->client, UNKNOWN_ID, NULL, NULL, &error);
    g_assert_null (failed);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_clear_error (&error);

    nexor_client_is_lead_paused_async (fixture->client, UNKNOWN_ID, NULL, NULL, nexor_test_on_result, &result);
    failed = nexor_client_is_lead_paused_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (failed);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_clear_object (&result);

    /* Not paused is an answer whose value is FALSE. */
    nexor_client_is_lead_paused_async (fixture->client, CARLOS, NULL, NULL, nexor_test_on_result, &result);
    not_paused = nexor_client_is_lead_paused_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
    g_assert_no_error (error);
    g_assert_nonnull (not_paused);
    g_assert_false (nexor_pause_state_get_paused (not_paused));
    {
      g_autoptr(JsonObject) raw = nexor_pause_state_dup_json (not_paused);
      gboolean prop = TRUE;

      g_assert_true (json_object_get_boolean_member (raw, "success"));
      g_object_get (not_paused, "paused", &prop, NULL);
      g_assert_false (prop);
    }
  }
}

/* ---------------------------------------------------------------------------
 * History
 * ------------------------------------------------------------------------- */

typedef struct {
  GArray *changes;          /* guint triples: position, removed, added */
  GPtrArray *loading;       /* "loading=1", "loading=0", … in order */
  guint has_more_notifies;
  guint n_items_notifies;
} Observer;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Observer   *observer)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (observer->changes, triple, 3);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Observer   *observer)
{
  if (g_str_equal (pspec->name, "loading"))
    g_ptr_array_add (observer->loading,
                     g_strdup (nexor_history_list_get_loading (NEXOR_HISTORY_LIST (object)) ? "loading=1" : "loading=0"));
  else if (g_str_equal (pspec->name, "has-more"))
    observer->has_more_notifies++;
  else if (g_str_equal (pspec->name, "n-items"))
    observer->n_items_notifies++;
}

static void
observe (NexorHistoryList *list,
         Observer         *observer)
{
  observer->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  observer->loading = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), observer);
  g_signal_connect (list, "notify", G_CALLBACK (on_notify), observer);
}

static void
observer_clear (Observer *observer)
{
  g_array_unref (observer->changes);
  g_ptr_array_unref (observer->loading);
}

static void
assert_change (Observer *observer,
               guint     index,
               guint     position,
               guint     added)
{
  g_assert_cmpuint (observer->changes->len, >, index * 3 + 2);
  g_assert_cmpuint (g_array_index (observer->changes, guint, index * 3), ==, position);
  g_assert_cmpuint (g_array_index (observer->changes, guint, index * 3 + 1), ==, 0);
  g_assert_cmpuint (g_array_index (observer->changes, guint, index * 3 + 2), ==, added);
}

static void
test_history_paging (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonObject) entry = seed_entry (fixture, CARLOS);
  guint total = json_array_get_length (json_object_get_array_member (entry, "history"));
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(NexorHistoryList) whole = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) last = NULL;
  Observer observer = { NULL, };
  guint pages = 0;

  /* Enough history for three pages of the default size. */
  g_assert_cmpuint (total, >, 2 * NEXOR_HISTORY_LIST_DEFAULT_PAGE_SIZE);

  list = nexor_history_list_new (fixture->client, CARLOS, NULL, NULL);
  observe (list, &observer);
  g_assert_true (nexor_history_list_get_has_more (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == NEXOR_TYPE_HISTORY_ITEM);

  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &result);
  g_assert_true (nexor_history_list_get_loading (list));
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "limit=50&offset=0", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  g_assert_cmpuint (nexor_history_list_get_n_items (list), ==, 50);
  g_assert_true (nexor_history_list_get_has_more (list));
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_null (nexor_history_list_get_error (list));
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_history_list_get_lead (list)), ==, "Carlos");
  assert_change (&observer, 0, 0, 50);
  g_assert_cmpuint (observer.loading->len, ==, 2);
  g_assert_cmpstr (observer.loading->pdata[0], ==, "loading=1");
  g_assert_cmpstr (observer.loading->pdata[1], ==, "loading=0");
  g_assert_cmpuint (observer.has_more_notifies, ==, 0);
  pages = 1;

  /* Asking for one of the last items fetches the next page in the
   * background: get_item itself neither blocks nor fetches. */
  while (nexor_history_list_get_has_more (list))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint before = sent (fixture);
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

      g_assert_nonnull (item);
      g_assert_false (nexor_history_list_get_loading (list));
      g_assert_cmpuint (sent (fixture), ==, before);

      while (g_list_model_get_n_items (G_LIST_MODEL (list)) == n && nexor_history_list_get_has_more (list))
        g_main_context_iteration (NULL, TRUE);
      while (nexor_history_list_get_loading (list))
        g_main_context_iteration (NULL, TRUE);

      assert_change (&observer, pages, n, MIN (total - n, 50));
      pages++;
      g_assert_cmpuint (pages, <=, 3);
    }

  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  g_assert_cmpuint (observer.changes->len, ==, 9);
  g_assert_cmpuint (observer.has_more_notifies, ==, 1);
  g_assert_cmpuint (observer.n_items_notifies, ==, 3);
  g_assert_cmpuint (observer.loading->len, ==, 6);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "limit=50&offset=100", NULL);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), total));

  /* Nothing more: loading more is done at once, without a request. */
  {
    guint before = sent (fixture);

    nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &result);
    g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_true (nexor_history_list_load_more (list, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sent (fixture), ==, before);
  }

  /* The pages add up to the whole history, in order, oldest first. */
  whole = g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", fixture->client, "lead-id", CARLOS,
                        "page-size", NEXOR_HISTORY_LIST_MAX_PAGE_SIZE, NULL);
  g_assert_true (nexor_history_list_load_more (whole, NULL, &error));
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "limit=200&offset=0", NULL);
  g_assert_false (nexor_history_list_get_has_more (whole));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (whole)), ==, total);

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(NexorHistoryItem) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(NexorHistoryItem) b = g_list_model_get_item (G_LIST_MODEL (whole), i);
      g_autoptr(JsonObject) a_json = nexor_history_item_dup_json (a);
      g_autoptr(JsonObject) b_json = nexor_history_item_dup_json (b);

      g_assert_true (json_object_equal (a_json, b_json));
      g_assert_nonnull (nexor_history_item_get_timestamp (a));
      g_assert_cmpint (nexor_history_item_get_item_type (a), !=, NEXOR_HISTORY_ITEM_TYPE_UNKNOWN);
      if (last != NULL)
        g_assert_cmpint (g_date_time_compare (nexor_history_item_get_timestamp (NEXOR_HISTORY_ITEM (last)),
                                              nexor_history_item_get_timestamp (a)), <=, 0);
      g_set_object (&last, G_OBJECT (a));
    }

  observer_clear (&observer);
}

static void
test_history_channels (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const channels[] = { "call", "email", NULL };
  static const char * const with_comma[] = { "call,sms", NULL };
  static const char * const with_empty[] = { "call", "", NULL };
  g_autoptr(JsonObject) entry = seed_entry (fixture, CARLOS);
  JsonArray *history = json_object_get_array_member (entry, "history");
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(GError) error = NULL;
  guint expected = 0;
  guint n;

  for (guint i = 0; i < json_array_get_length (history); i++)
    if (g_strv_contains (channels, json_object_get_string_member (json_array_get_object_element (history, i), "channel")))
      expected++;

  list = nexor_client_list_lead_history (fixture->client, CARLOS, channels, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "channel=call%2Cemail&limit=50&offset=0", NULL);
  g_assert_cmpstrv (nexor_history_list_get_channels (list), channels);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, MIN (expected, 50));
  for (guint i = 0; i < n; i++)
    g_assert_true (g_strv_contains (channels, nexor_history_item_get_channel (item_at (G_LIST_MODEL (list), i))));

  {
    guint before = sent (fixture);
    g_autoptr(NexorHistoryList) comma = nexor_client_list_lead_history (fixture->client, CARLOS, with_comma, NULL, &error);

    g_assert_null (comma);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_list_lead_history (fixture->client, CARLOS, with_empty, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

/* The emulator, serving @state in this thread's main context: async calls
 * only, which iterate it. */
static NexorEmulator *
emulator_with_state (JsonNode  *state,
                     char     **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nexor-desk-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  NexorEmulator *emulator;

  g_assert_no_error (error);
  path = g_build_filename (dir, "state.json", NULL);
  text = json_to_string (state, FALSE);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  emulator = nexor_emulator_new (NULL);
  g_assert_true (nexor_emulator_open_data_file (emulator, path, &error));
  g_assert_no_error (error);
  g_assert_true (nexor_emulator_listen_local (emulator, 0, &error));
  g_assert_no_error (error);

  *out_dir = g_steal_pointer (&dir);
  return emulator;
}

static void
remove_state_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_history_unknown_type (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *leads = json_object_get_array_member (json_node_get_object (state), "leads");
  g_autoptr(NexorEmulator) emulator = NULL;
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *url = NULL;
  g_autoptr(JsonObject) raw = NULL;
  NexorHistoryItem *item;
  guint n;

  /* Kinds of entry that are not (yet) documented for REST. */
  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (entry, "lead"), "id"), VALENTINA) != 0)
        continue;

      json_array_add_element (json_object_get_array_member (entry, "history"), parse_json (
        "{\"type\":\"email\",\"id\":\"55555555-5555-4555-8555-555555555555\",\"channel\":\"email\","
        "\"direction\":\"outbound\",\"content\":\"Your quote\",\"subject\":\"Quote #42\","
        "\"timestamp\":\"2026-03-03T10:00:00Z\"}"));
      json_array_add_element (json_object_get_array_member (entry, "history"), parse_json (
        "{\"type\":\"sms\",\"channel\":\"sms\",\"content\":\"Reminder\",\"timestamp\":\"2026-03-03T11:00:00Z\"}"));
    }

  emulator = emulator_with_state (state, &dir);
  url = nexor_emulator_dup_base_url (emulator);
  client = nexor_test_client_new (url, KEY);

  nexor_client_list_lead_history_async (client, VALENTINA, NULL, NULL, nexor_test_on_result, &result);
  list = nexor_client_list_lead_history_finish (client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 3);
  g_assert_false (nexor_history_list_get_has_more (list));

  item = item_at (G_LIST_MODEL (list), n - 2);
  g_assert_cmpint (nexor_history_item_get_item_type (item), ==, NEXOR_HISTORY_ITEM_TYPE_UNKNOWN);
  g_assert_cmpstr (nexor_history_item_get_type_string (item), ==, "email");
  g_assert_cmpstr (nexor_history_item_get_content (item), ==, "Your quote");
  raw = nexor_history_item_dup_json (item);
  g_assert_cmpstr (json_object_get_string_member (raw, "subject"), ==, "Quote #42");

  item = item_at (G_LIST_MODEL (list), n - 1);
  g_assert_cmpint (nexor_history_item_get_item_type (item), ==, NEXOR_HISTORY_ITEM_TYPE_UNKNOWN);
  g_assert_cmpstr (nexor_history_item_get_type_string (item), ==, "sms");

  g_clear_object (&list);
  g_clear_object (&client);
  g_clear_object (&emulator);
  nexor_test_drain_context (NULL);
  remove_state_dir (dir);
}

/* Waits, without measuring time, until the emulator (in its own thread)
 * holds @count responses back; the test's own timeout ends it if that never
 * happens. A timer keeps this context waking up to look. */
static void
wait_for_held (Fixture *fixture,
               guint    count)
{
  while (nexor_emulator_get_held_count (fixture->emulator) < count)
    g_main_context_iteration (NULL, TRUE);
}

/* Holds every response back until release_responses(); timing-free. */
static guint
hold_responses (Fixture *fixture)
{
  nexor_emulator_set_response_delay (fixture->emulator, 600000);
  return g_timeout_add (10, wake_cb, NULL);
}

static void
release_responses (Fixture *fixture,
                   guint    wake)
{
  nexor_emulator_set_response_delay (fixture->emulator, 0);
  nexor_emulator_release_held (fixture->emulator);
  g_source_remove (wake);
}

static void
test_history_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NexorHistoryList) list = nexor_history_list_new (fixture->client, CARLOS, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) second_error = NULL;
  guint wake;

  /* Cancelled for everyone while the page is held back: both waiters of
   * the one page fail, and the list keeps the cancel as its error. */
  wake = hold_responses (fixture);
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &result);
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &second);
  wait_for_held (fixture, 1);
  nexor_history_list_cancel (list);

  /* At once: the list no longer waits for that request. */
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_error ((GError *) nexor_history_list_get_error (list), G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_false (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&second), &second_error));
  g_assert_error (second_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_true (nexor_history_list_get_has_more (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_error ((GError *) nexor_history_list_get_error (list), G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* A later load works, and clears the error. */
  release_responses (fixture, wake);
  g_clear_object (&result);
  g_clear_error (&error);
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &result);
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_null (nexor_history_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
}

static void
test_history_cancel_one_waiter (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(NexorHistoryList) list = nexor_history_list_new (fixture->client, CARLOS, NULL, NULL);
  g_autoptr(GCancellable) first_cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) second_cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) third = NULL;
  g_autoptr(GError) error = NULL;
  Observer observer = { NULL, };
  guint before = sent (fixture);
  guint wake;

  observe (list, &observer);

  /* Three callers wait for the one page, held back by the emulator. */
  wake = hold_responses (fixture);
  nexor_history_list_load_more_async (list, first_cancellable, nexor_test_on_result, &first);
  nexor_history_list_load_more_async (list, second_cancellable, nexor_test_on_result, &second);
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &third);
  wait_for_held (fixture, 1);
  g_assert_cmpuint (sent (fixture), ==, before + 1);

  /* One cancels: it fails at once, while the page is still held back… */
  g_cancellable_cancel (first_cancellable);
  g_assert_false (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (nexor_emulator_get_held_count (fixture->emulator), ==, 1);
  g_assert_null (second);
  g_assert_null (third);
  g_assert_true (nexor_history_list_get_loading (list));
  g_assert_null (nexor_history_list_get_error (list));

  /* …and the others still get the page, the one request there was. */
  release_responses (fixture, wake);
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&second), &error));
  g_assert_no_error (error);
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&third), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  g_assert_null (nexor_history_list_get_error (list));
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_true (nexor_history_list_get_has_more (list));
  g_assert_cmpuint (observer.changes->len, ==, 3);
  assert_change (&observer, 0, 0, 50);

  /* A cancel after the page arrived changes nothing. */
  g_cancellable_cancel (second_cancellable);
  nexor_test_drain_context (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  g_assert_null (nexor_history_list_get_error (list));

  observer_clear (&observer);
}

static void
test_history_cancel_every_waiter (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(NexorHistoryList) list = nexor_history_list_new (fixture->client, CARLOS, NULL, NULL);
  g_autoptr(GCancellable) first_cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) second_cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Observer observer = { NULL, };
  guint before = sent (fixture);
  guint wake;

  observe (list, &observer);

  wake = hold_responses (fixture);
  nexor_history_list_load_more_async (list, first_cancellable, nexor_test_on_result, &first);
  nexor_history_list_load_more_async (list, second_cancellable, nexor_test_on_result, &second);
  wait_for_held (fixture, 1);

  g_cancellable_cancel (first_cancellable);
  g_assert_false (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (nexor_history_list_get_loading (list));

  /* The last waiter cancels: the fetch goes, and the list is as before it,
   * with no error (the user gave up; nothing failed). */
  g_cancellable_cancel (second_cancellable);
  g_assert_false (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&second), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_true (nexor_history_list_get_has_more (list));
  g_assert_null (nexor_history_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (observer.loading->len, ==, 2);
  g_assert_cmpstr (observer.loading->pdata[1], ==, "loading=0");

  /* The cancelled answer, if it still comes, is dropped; a later load asks
   * again, from the same offset. */
  release_responses (fixture, wake);
  nexor_test_drain_context (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &result);
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "limit=50&offset=0", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  g_assert_cmpuint (observer.changes->len, ==, 3);

  observer_clear (&observer);
}

typedef struct {
  Fixture *fixture;
  GCancellable *cancellable;
} CancelWhenHeld;

/* Polls the emulator's held count: the blocking call in the test's thread
 * cannot look at it. The poll interval is no time bound. */
static gpointer
cancel_when_held (gpointer user_data)
{
  CancelWhenHeld *data = user_data;

  while (nexor_emulator_get_held_count (data->fixture->emulator) < 1)
    g_usleep (1000);
  g_cancellable_cancel (data->cancellable);
  return NULL;
}

static void
test_history_cancel_blocking (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(NexorHistoryList) list = nexor_history_list_new (fixture->client, CARLOS, NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CancelWhenHeld cancel = { fixture, cancellable };
  GThread *thread;

  /* The blocking call's cancellable is its own as well: cancelled while the
   * page is held back, the call fails and the list keeps no error. */
  nexor_emulator_set_response_delay (fixture->emulator, 600000);
  thread = g_thread_new ("cancel-when-held", cancel_when_held, &cancel);
  g_assert_false (nexor_history_list_load_more (list, cancellable, &error));
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_true (nexor_history_list_get_has_more (list));
  g_assert_null (nexor_history_list_get_error (list));

  nexor_emulator_set_response_delay (fixture->emulator, 0);
  nexor_emulator_release_held (fixture->emulator);
  g_assert_true (nexor_history_list_load_more (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
}

static void
test_history_cancellable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(NexorHistoryList) later = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before;
  guint wake;

  /* The cancellable of list_lead_history cancels that call, the first
   * page: given cancelled, nothing is sent… */
  g_cancellable_cancel (cancellable);
  before = sent (fixture);
  nexor_client_list_lead_history_async (fixture->client, CARLOS, NULL, cancellable, nexor_test_on_result, &result);
  list = nexor_client_list_lead_history_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (sent (fixture), ==, before);
  g_clear_error (&error);
  g_clear_object (&result);

  /* …cancelled while the page is on its way, the call fails at once… */
  g_cancellable_reset (cancellable);
  wake = hold_responses (fixture);
  nexor_client_list_lead_history_async (fixture->client, CARLOS, NULL, cancellable, nexor_test_on_result, &result);
  wait_for_held (fixture, 1);
  g_cancellable_cancel (cancellable);
  list = nexor_client_list_lead_history_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  release_responses (fixture, wake);

  /* …and once it is done, it is not the list's: cancelling it later leaves
   * the list's own fetches alone, blocking, async and in the background. */
  g_cancellable_reset (cancellable);
  nexor_client_list_lead_history_async (fixture->client, CARLOS, NULL, cancellable, nexor_test_on_result, &result);
  list = nexor_client_list_lead_history_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_cancellable_cancel (cancellable);
  g_assert_null (nexor_history_list_get_error (list));
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &result);
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), 99);

    while (g_list_model_get_n_items (G_LIST_MODEL (list)) == 100 && nexor_history_list_get_error (list) == NULL)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (nexor_history_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 100);

  g_cancellable_reset (cancellable);
  later = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, cancellable, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_true (nexor_history_list_load_more (later, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (later)), ==, 100);
  g_clear_object (&later);

  /* A cancellable given to the list itself is its lifetime: it cancels
   * every later fetch, background ones included. */
  g_cancellable_reset (cancellable);
  later = nexor_history_list_new (fixture->client, CARLOS, NULL, cancellable);
  g_assert_true (nexor_history_list_load_more (later, NULL, &error));
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (nexor_history_list_load_more (later, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_error ((GError *) nexor_history_list_get_error (later), G_IO_ERROR, G_IO_ERROR_CANCELLED);

  before = sent (fixture);
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (later), 49);

    g_assert_nonnull (item);
  }
  nexor_test_drain_context (NULL);
  g_assert_cmpuint (sent (fixture), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (later)), ==, 50);
}

static void
test_history_blocking_after_prefetch (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorHistoryList) list = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error);
  g_autoptr(GAsyncResult) result = NULL;
  guint before;
  guint wake;

  g_assert_no_error (error);

  /* The list prefetches a page (held back) that no caller waits for: a
   * blocking load, as an iterator makes, fetches the page itself. */
  wake = hold_responses (fixture);
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), 49);

    while (!nexor_history_list_get_loading (list))
      g_main_context_iteration (NULL, TRUE);
  }
  wait_for_held (fixture, 1);
  nexor_emulator_set_response_delay (fixture->emulator, 0);
  before = sent (fixture);
  g_assert_true (nexor_history_list_load_more (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_true (nexor_history_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  release_responses (fixture, wake);
  nexor_test_drain_context (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 128);

  /* One that a caller waits for is theirs: the blocking call cannot join. */
  g_clear_object (&list);
  list = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error);
  g_assert_no_error (error);
  wake = hold_responses (fixture);
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &result);
  wait_for_held (fixture, 1);
  g_assert_false (nexor_history_list_load_more (list, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  release_responses (fixture, wake);
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
}

static void
test_history_dispose (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  NexorHistoryList *list = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error);
  guint wake;

  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);

  /* A page fetched in the background does not keep a list no one holds
   * alive: dropping it cancels the page. */
  wake = hold_responses (fixture);
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), 49);

    while (!nexor_history_list_get_loading (list))
      g_main_context_iteration (NULL, TRUE);
  }
  wait_for_held (fixture, 1);
  g_object_unref (list);
  g_assert_null (list);

  release_responses (fixture, wake);
  nexor_test_drain_context (NULL);
}

/* Every entry of @list is the seeded history of @entry, in order. */
static void
assert_whole_history (NexorHistoryList *list,
                      JsonObject       *entry)
{
  JsonArray *history = json_object_get_array_member (entry, "history");
  guint total = json_array_get_length (history);

  g_assert_false (nexor_history_list_get_has_more (list));
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_null (nexor_history_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  for (guint i = 0; i < total; i++)
    {
      JsonObject *seeded = json_array_get_object_element (history, i);

      g_assert_cmpstr (nexor_history_item_get_id (item_at (G_LIST_MODEL (list), i)), ==,
                       json_object_get_string_member (seeded, "id"));
    }
}

static void
test_history_load_all (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) entry = seed_entry (fixture, CARLOS);
  guint total = json_array_get_length (json_object_get_array_member (entry, "history"));
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Observer observer = { NULL, };
  guint before;

  /* More than two pages of the default size: what a blocking for loop over
   * list_lead_history used to stop short of. */
  g_assert_cmpuint (total, ==, 128);

  /* Async, from a list with its first page: the rest, in pages of its own
   * size. */
  list = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nexor_history_list_get_has_more (list));
  observe (list, &observer);
  before = sent (fixture);
  nexor_history_list_load_all_async (list, NULL, nexor_test_on_result, &result);
  g_assert_true (nexor_history_list_load_all_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "limit=50&offset=100", NULL);
  assert_whole_history (list, entry);
  g_assert_cmpuint (observer.changes->len, ==, 6);
  assert_change (&observer, 0, 50, 50);
  assert_change (&observer, 1, 100, total - 100);
  g_assert_cmpuint (observer.has_more_notifies, ==, 1);
  observer_clear (&observer);

  /* Done: nothing more is asked for. */
  before = sent (fixture);
  nexor_history_list_load_all_async (list, NULL, nexor_test_on_result, &result);
  g_assert_true (nexor_history_list_load_all_finish (list, nexor_test_wait_for_result (&result), &error));
  g_clear_object (&result);
  g_assert_true (nexor_history_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before);
  g_clear_object (&list);

  /* Blocking, from an empty list of small pages. */
  list = g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", fixture->client, "lead-id", CARLOS,
                       "page-size", 7, NULL);
  before = sent (fixture);
  g_assert_true (nexor_history_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + (total + 6) / 7);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "limit=7&offset=126", NULL);
  assert_whole_history (list, entry);
  g_clear_object (&list);

  /* The client's own: one request of the largest page. */
  before = sent (fixture);
  nexor_client_list_all_lead_history_async (fixture->client, CARLOS, NULL, NULL, nexor_test_on_result, &result);
  list = nexor_client_list_all_lead_history_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "limit=200&offset=0", NULL);
  g_assert_cmpuint (nexor_history_list_get_page_size (list), ==, NEXOR_HISTORY_LIST_MAX_PAGE_SIZE);
  assert_whole_history (list, entry);
  g_clear_object (&list);

  {
    static const char * const channels[] = { "whatsapp", NULL };

    list = nexor_client_list_all_lead_history (fixture->client, CARLOS, channels, NULL, &error);
    g_assert_no_error (error);
    assert_wire (fixture, "GET", "/leads/" CARLOS "/history", "channel=whatsapp&limit=200&offset=0", NULL);
    g_assert_false (nexor_history_list_get_has_more (list));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      g_assert_cmpstr (nexor_history_item_get_channel (item_at (G_LIST_MODEL (list), i)), ==, "whatsapp");
    g_clear_object (&list);
  }

  /* Errors of the call, not a part of the history. */
  g_assert_null (nexor_client_list_all_lead_history (fixture->client, UNKNOWN_ID, NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  before = sent (fixture);
  nexor_client_list_all_lead_history_async (fixture->client, "../leads", NULL, NULL, nexor_test_on_result, &result);
  g_assert_null (nexor_client_list_all_lead_history_finish (fixture->client, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (sent (fixture), ==, before);
}

/* A page of @n entries, ids @first…, as a history server sends it. */
static char *
page_fault (guint    first,
            guint    n,
            gboolean has_more)
{
  g_autoptr(GString) body = g_string_new ("{\"success\":true,\"history\":[");
  g_autofree char *encoded = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, "%s{\"type\":\"activity\",\"id\":\"00000000-0000-4000-8000-%012u\","
                            "\"channel\":\"system\",\"title\":\"Entry %u\","
                            "\"timestamp\":\"2026-01-10T08:00:00Z\"}",
                            i > 0 ? "," : "", first + i, first + i);
  g_string_append_printf (body, "],\"pagination\":{\"has_more\":%s}}", has_more ? "true" : "false");

  encoded = g_base64_encode ((const guchar *) body->str, body->len);
  return g_strconcat ("body=", encoded, NULL);
}

static void
push_page (Fixture  *fixture,
           guint     first,
           guint     n,
           gboolean  has_more)
{
  g_autofree char *fault = page_fault (first, n, has_more);

  nexor_emulator_push_fault (fixture->emulator, fault);
}

static void
test_history_repeated_page (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  /* A server that ignores the offset: the same full page, "more" every
   * time. Loading all of it ends at the second page, with an error. */
  list = g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", fixture->client, "lead-id", CARLOS,
                       "page-size", 5, NULL);
  push_page (fixture, 0, 5, TRUE);
  push_page (fixture, 0, 5, TRUE);
  before = sent (fixture);
  nexor_history_list_load_all_async (list, NULL, nexor_test_on_result, &result);
  g_assert_false (nexor_history_list_load_all_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "same page"));
  g_assert_nonnull (strstr (error->message, "offset 5"));
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_true (nexor_history_list_get_has_more (list));
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_error ((GError *) nexor_history_list_get_error (list), NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);

  /* Asked again, it is the same answer, not a longer list. */
  push_page (fixture, 0, 5, TRUE);
  g_assert_false (nexor_history_list_load_more (list, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_clear_object (&list);

  /* One that goes back to an earlier page, blocking… */
  list = g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", fixture->client, "lead-id", CARLOS,
                       "page-size", 5, NULL);
  push_page (fixture, 0, 5, TRUE);
  push_page (fixture, 5, 5, TRUE);
  push_page (fixture, 0, 5, TRUE);
  before = sent (fixture);
  g_assert_false (nexor_history_list_load_all (list, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "offset 10"));
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before + 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_clear_object (&list);

  /* …or sends its last page again past the end, or a short page and then
   * nothing while it says there is more: each ends. */
  list = g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", fixture->client, "lead-id", CARLOS,
                       "page-size", 5, NULL);
  push_page (fixture, 0, 5, TRUE);
  push_page (fixture, 5, 3, TRUE);
  push_page (fixture, 5, 3, TRUE);
  g_assert_false (nexor_history_list_load_all (list, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  g_clear_object (&list);

  list = g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", fixture->client, "lead-id", CARLOS,
                       "page-size", 5, NULL);
  push_page (fixture, 0, 5, TRUE);
  push_page (fixture, 5, 0, TRUE);
  before = sent (fixture);
  g_assert_true (nexor_history_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_false (nexor_history_list_get_has_more (list));
  g_clear_object (&list);

  /* Entries without ids: compared with the page before. */
  {
    const char *body = "{\"history\":[{\"type\":\"activity\",\"title\":\"A\",\"timestamp\":\"2026-01-10T08:00:00Z\"}],"
                       "\"pagination\":{\"has_more\":true}}";
    g_autofree char *encoded = g_base64_encode ((const guchar *) body, strlen (body));
    g_autofree char *fault = g_strconcat ("body=", encoded, NULL);

    list = g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", fixture->client, "lead-id", CARLOS,
                         "page-size", 1, NULL);
    nexor_emulator_push_fault (fixture->emulator, fault);
    nexor_emulator_push_fault (fixture->emulator, fault);
    g_assert_false (nexor_history_list_load_all (list, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    g_clear_object (&list);
  }

  /* The client's call fails as a whole. */
  push_page (fixture, 0, NEXOR_HISTORY_LIST_MAX_PAGE_SIZE, TRUE);
  push_page (fixture, 0, NEXOR_HISTORY_LIST_MAX_PAGE_SIZE, TRUE);
  g_assert_null (nexor_client_list_all_lead_history (fixture->client, CARLOS, NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
}

static void
test_history_load_all_cancel (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JsonObject) entry = seed_entry (fixture, CARLOS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) other = NULL;
  g_autoptr(GError) error = NULL;
  guint before;
  guint wake;

  list = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Cancelled on its second page, which another caller also waits for:
   * the call fails, the other caller gets the page, the list no error. */
  wake = hold_responses (fixture);
  nexor_history_list_load_all_async (list, cancellable, nexor_test_on_result, &result);
  nexor_history_list_load_more_async (list, NULL, nexor_test_on_result, &other);
  wait_for_held (fixture, 1);
  g_cancellable_cancel (cancellable);
  g_assert_false (nexor_history_list_load_all_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_null (other);
  release_responses (fixture, wake);
  g_assert_true (nexor_history_list_load_more_finish (list, nexor_test_wait_for_result (&other), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_null (nexor_history_list_get_error (list));

  /* Alone, it takes the page with it and leaves no error. */
  g_cancellable_reset (cancellable);
  wake = hold_responses (fixture);
  nexor_history_list_load_all_async (list, cancellable, nexor_test_on_result, &result);
  wait_for_held (fixture, 1);
  g_cancellable_cancel (cancellable);
  g_assert_false (nexor_history_list_load_all_finish (list, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_false (nexor_history_list_get_loading (list));
  g_assert_null (nexor_history_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  release_responses (fixture, wake);

  /* The client's call, cancelled before it starts, sends nothing. */
  before = sent (fixture);
  nexor_client_list_all_lead_history_async (fixture->client, CARLOS, NULL, cancellable, nexor_test_on_result, &result);
  g_assert_null (nexor_client_list_all_lead_history_finish (fixture->client, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (nexor_client_list_all_lead_history (fixture->client, CARLOS, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* Later, the rest. */
  g_assert_true (nexor_history_list_load_all (list, NULL, &error));
  g_assert_no_error (error);
  assert_whole_history (list, entry);
}

typedef struct {
  Fixture *fixture;
  guint total;
  guint n_items;
  gboolean has_more;
  gboolean same_thread;
} WorkerData;

static gpointer
history_worker (gpointer user_data)
{
  WorkerData *data = user_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(NexorClient) client = client_fixture_new_client (data->fixture, KEY);
  g_autoptr(NexorHistoryList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GThread *self = g_thread_self ();

  g_main_context_push_thread_default (context);

  nexor_client_list_lead_history_async (client, CARLOS, NULL, NULL, nexor_test_on_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  list = nexor_client_list_lead_history_finish (client, result, &error);
  g_assert_no_error (error);

  /* Background pages are fetched in this thread's context. */
  data->same_thread = TRUE;
  while (nexor_history_list_get_has_more (list))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

      while (g_list_model_get_n_items (G_LIST_MODEL (list)) == n && nexor_history_list_get_has_more (list))
        g_main_context_iteration (context, TRUE);
      data->same_thread &= g_thread_self () == self;
    }

  data->n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  data->has_more = nexor_history_list_get_has_more (list);

  g_clear_object (&list);
  g_clear_object (&client);
  nexor_test_drain_context (context);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
test_history_worker_thread (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) entry = seed_entry (fixture, CARLOS);
  WorkerData worker = { fixture, 0, 0, TRUE, FALSE };
  GThread *thread;

  worker.total = json_array_get_length (json_object_get_array_member (entry, "history"));
  thread = g_thread_new ("history-worker", history_worker, &worker);
  g_thread_join (thread);

  g_assert_cmpuint (worker.n_items, ==, worker.total);
  g_assert_false (worker.has_more);
  g_assert_true (worker.same_thread);
}

/* ---------------------------------------------------------------------------
 * Meetings
 * ------------------------------------------------------------------------- */

static void
test_meetings (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const statuses[] = { "completed", "no_show", NULL };
  g_autoptr(JsonObject) entry = seed_entry (fixture, CARLOS);
  JsonArray *seeded = json_object_get_array_member (entry, "meetings");
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) filtered = NULL;
  g_autoptr(GError) error = NULL;
  guint expected = 0;
  guint n;

  meetings = nexor_client_list_lead_meetings (fixture->client, CARLOS, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/meetings", NULL, NULL);
  g_assert_true (g_list_model_get_item_type (meetings) == NEXOR_TYPE_MEETING);
  n = g_list_model_get_n_items (meetings);
  g_assert_cmpuint (n, ==, json_array_get_length (seeded));
  g_assert_cmpuint (n, >, 1);

  /* Most recent first. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_date_time_compare (nexor_meeting_get_starts_at (item_at (meetings, i - 1)),
                                          nexor_meeting_get_starts_at (item_at (meetings, i))), >=, 0);

  /* Every field of each meeting is what the emulator holds. */
  for (guint i = 0; i < n; i++)
    {
      NexorMeeting *meeting = item_at (meetings, i);
      JsonObject *seed = NULL;
      g_autofree char *starts = NULL;

      for (guint j = 0; j < json_array_get_length (seeded); j++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (seeded, j), "id"),
                       nexor_meeting_get_id (meeting)) == 0)
          seed = json_array_get_object_element (seeded, j);
      g_assert_nonnull (seed);

      starts = g_date_time_format_iso8601 (nexor_meeting_get_starts_at (meeting));
      g_assert_cmpstr (starts, ==, json_object_get_string_member (seed, "starts_at"));
      g_assert_cmpstr (nexor_meeting_get_title (meeting), ==, json_object_get_string_member (seed, "title"));
      g_assert_cmpstr (nexor_meeting_get_status (meeting), ==, json_object_get_string_member (seed, "status"));
      g_assert_cmpstr (nexor_meeting_get_timezone (meeting), ==, json_object_get_string_member (seed, "timezone"));
      g_assert_cmpstr (nexor_meeting_get_host_name (meeting), ==, json_object_get_string_member (seed, "host_name"));
      g_assert_cmpstr (nexor_meeting_get_location_type (meeting), ==,
                       json_object_get_string_member (seed, "location_type"));
      g_assert_cmpint (nexor_meeting_get_duration_minutes (meeting), ==,
                       json_object_get_int_member (seed, "duration_minutes"));
      g_assert_cmpint (nexor_meeting_get_confirmed_by_lead (meeting), ==,
                       json_object_get_boolean_member (seed, "confirmed_by_lead"));
      g_assert_cmpint (g_date_time_difference (nexor_meeting_get_ends_at (meeting), nexor_meeting_get_starts_at (meeting)),
                       ==, (GTimeSpan) nexor_meeting_get_duration_minutes (meeting) * G_TIME_SPAN_MINUTE);
      g_assert_nonnull (nexor_meeting_get_created_at (meeting));

      if (g_strv_contains (statuses, nexor_meeting_get_status (meeting)))
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);

  filtered = nexor_client_list_lead_meetings (fixture->client, CARLOS, statuses, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/leads/" CARLOS "/meetings", "status=completed%2Cno_show", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, expected);
  for (guint i = 0; i < expected; i++)
    g_assert_true (g_strv_contains (statuses, nexor_meeting_get_status (item_at (filtered, i))));
}

/* ---------------------------------------------------------------------------
 * Tags
 * ------------------------------------------------------------------------- */

static void
test_sync_lead_tags (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const names[] = { "VIP", "Hot lead", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(NexorTagSyncResult) result = NULL;
  g_autoptr(NexorTagSyncResult) cleared = NULL;
  g_autoptr(GListModel) on_lead = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *added;
  const char *vip_id = NULL;
  GListModel *tags;

  result = nexor_client_sync_lead_tags (fixture->client, CARLOS, NULL, names, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "PUT", "/leads/tags", NULL,
               "{\"lead_id\":\"" CARLOS "\",\"tags\":[\"VIP\",\"Hot lead\"]}");

  g_assert_cmpstr (nexor_tag_sync_result_get_lead_id (result), ==, CARLOS);
  tags = nexor_tag_sync_result_get_tags (result);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
  g_assert_true (tags_have_name (tags, "VIP"));
  g_assert_true (tags_have_name (tags, "Hot lead"));
  for (guint i = 0; i < 2; i++)
    if (g_strcmp0 (nexor_tag_get_name (item_at (tags, i)), "VIP") == 0)
      vip_id = nexor_tag_get_id (item_at (tags, i));
  g_assert_true (g_uuid_string_is_valid (vip_id));

  added = nexor_tag_sync_result_get_added (result);
  g_assert_cmpuint (g_strv_length ((GStrv) added), ==, 2);
  g_assert_true (g_strv_contains (added, TAG_HOT));
  g_assert_true (g_strv_contains (added, vip_id));
  g_assert_null (nexor_tag_sync_result_get_removed (result)[0]);

  on_lead = nexor_client_list_lead_tags (fixture->client, CARLOS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (on_lead), ==, 2);

  /* By email, any case; the empty set clears the lead's tags. */
  cleared = nexor_client_sync_lead_tags (fixture->client, NULL, "CARLOS@example.com", none, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "PUT", "/leads/tags", NULL, "{\"email\":\"CARLOS@example.com\",\"tags\":[]}");
  g_assert_cmpuint (g_list_model_get_n_items (nexor_tag_sync_result_get_tags (cleared)), ==, 0);
  g_assert_cmpuint (g_strv_length ((GStrv) nexor_tag_sync_result_get_removed (cleared)), ==, 2);

  {
    static const char * const blank[] = { "VIP", "  ", NULL };
    guint before = sent (fixture);

    g_assert_null (nexor_client_sync_lead_tags (fixture->client, NULL, NULL, names, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_sync_lead_tags (fixture->client, CARLOS, NULL, NULL, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_sync_lead_tags (fixture->client, CARLOS, NULL, blank, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_sync_lead_tags (fixture->client, "", NULL, names, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

static void
test_lead_tags (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const one[] = { TAG_HOT, NULL };
  static const char * const two[] = { TAG_ENTERPRISE, TAG_REFERRAL, NULL };
  g_autoptr(GListModel) emily = NULL;
  g_autoptr(GListModel) assigned = NULL;
  g_autoptr(GListModel) assigned_two = NULL;
  g_autoptr(GListModel) lucia = NULL;
  g_autoptr(GError) error = NULL;

  emily = nexor_client_list_lead_tags (fixture->client, EMILY, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/leads/" EMILY "/tags", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (emily), ==, 2);
  g_assert_true (tags_have_name (emily, "Enterprise"));
  g_assert_true (tags_have_name (emily, "Referral"));

  assigned = nexor_client_assign_lead_tags (fixture->client, LUCIA, one, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" LUCIA "/tags", NULL, "{\"tagId\":\"" TAG_HOT "\"}");
  g_assert_true (tags_have_name (assigned, "Hot lead"));

  assigned_two = nexor_client_assign_lead_tags (fixture->client, LUCIA, two, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/leads/" LUCIA "/tags", NULL,
               "{\"tagIds\":[\"" TAG_ENTERPRISE "\",\"" TAG_REFERRAL "\"]}");
  g_assert_true (tags_have_name (assigned_two, "Enterprise"));

  /* Assigning keeps what the lead had; the one it already had is not doubled. */
  lucia = nexor_client_list_lead_tags (fixture->client, LUCIA, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lucia), ==, 3);

  {
    static const char * const bad[] = { TAG_HOT, "", NULL };
    static const char * const empty[] = { NULL };
    guint before = sent (fixture);

    g_assert_null (nexor_client_assign_lead_tags (fixture->client, LUCIA, bad, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_assign_lead_tags (fixture->client, LUCIA, empty, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_assign_lead_tags (fixture->client, LUCIA, NULL, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(NexorTagInput) input = NULL;
  g_autoptr(NexorTagInput) change = NULL;
  g_autoptr(NexorTag) created = NULL;
  g_autoptr(NexorTag) duplicate = NULL;
  g_autoptr(NexorTag) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n;

  all = nexor_client_list_tags (fixture->client, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/tags", NULL, NULL);
  n = g_list_model_get_n_items (all);
  g_assert_cmpuint (n, >=, 3);
  g_assert_true (tags_have_name (all, "Enterprise"));
  for (guint i = 0; i < n; i++)
    {
      NexorTag *tag = item_at (all, i);

      g_assert_nonnull (nexor_tag_get_slug (tag));
      g_assert_nonnull (nexor_tag_get_created_at (tag));
      g_assert_nonnull (nexor_tag_get_updated_at (tag));
      if (g_strcmp0 (nexor_tag_get_id (tag), TAG_ENTERPRISE) == 0)
        g_assert_cmpstr (nexor_tag_get_description (tag), ==, "More than 100 employees");
    }

  found = nexor_client_list_tags (fixture->client, "enter", NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/tags", "search=enter", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (found), <, n);
  g_assert_true (tags_have_name (found, "Enterprise"));

  g_assert_false (tags_have_name (all, "Partner"));
  input = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "Partner", "slug", "partner",
                        "description", "Referred by a partner firm", NULL);
  created = nexor_client_create_tag (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/tags", NULL,
               "{\"name\":\"Partner\",\"slug\":\"partner\",\"description\":\"Referred by a partner firm\"}");
  g_assert_true (g_uuid_string_is_valid (nexor_tag_get_id (created)));
  g_assert_cmpstr (nexor_tag_get_name (created), ==, "Partner");
  g_assert_cmpstr (nexor_tag_get_slug (created), ==, "partner");
  g_assert_cmpstr (nexor_tag_get_description (created), ==, "Referred by a partner firm");
  g_assert_nonnull (nexor_tag_get_created_at (created));

  duplicate = nexor_client_create_tag (fixture->client, input, NULL, &error);
  g_assert_null (duplicate);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "slug already exists"));
  g_clear_error (&error);

  change = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "Partners", NULL);
  nexor_tag_input_set_description (change, NULL);
  updated = nexor_client_update_tag (fixture->client, nexor_tag_get_id (created), change, NULL, &error);
  g_assert_no_error (error);
  path = g_strconcat ("/tags/", nexor_tag_get_id (created), NULL);
  assert_wire (fixture, "PUT", path, NULL, "{\"name\":\"Partners\",\"description\":null}");
  g_assert_cmpstr (nexor_tag_get_name (updated), ==, "Partners");
  g_assert_cmpstr (nexor_tag_get_slug (updated), ==, "partner");
  g_assert_null (nexor_tag_get_description (updated));
  g_assert_nonnull (nexor_tag_get_updated_at (updated));

  g_assert_true (nexor_client_delete_tag (fixture->client, nexor_tag_get_id (created), NULL, &error));
  g_assert_no_error (error);
  assert_wire (fixture, "DELETE", path, NULL, NULL);

  g_assert_false (nexor_client_delete_tag (fixture->client, nexor_tag_get_id (created), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(NexorTagInput) nameless = g_object_new (NEXOR_TYPE_TAG_INPUT, "slug", "x", NULL);
    g_autoptr(NexorTagInput) null_slug = nexor_tag_input_new ();
    guint before = sent (fixture);

    nexor_tag_input_set_slug (null_slug, NULL);
    g_assert_null (nexor_client_create_tag (fixture->client, nameless, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_update_tag (fixture->client, TAG_HOT, null_slug, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

/* ---------------------------------------------------------------------------
 * Team
 * ------------------------------------------------------------------------- */

static void
test_team (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *seeded = json_object_get_array_member (json_node_get_object (state), "team");
  g_autoptr(GListModel) team = NULL;
  g_autoptr(GError) error = NULL;
  guint active = 0;
  guint n;

  team = nexor_client_list_team_members (fixture->client, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/team", NULL, NULL);
  g_assert_true (g_list_model_get_item_type (team) == NEXOR_TYPE_TEAM_MEMBER);
  n = g_list_model_get_n_items (team);

  /* Active members only, each as the emulator holds it. */
  for (guint i = 0; i < json_array_get_length (seeded); i++)
    {
      JsonObject *seed = json_array_get_object_element (seeded, i);
      NexorTeamMember *member = NULL;

      for (guint j = 0; j < n; j++)
        if (g_strcmp0 (nexor_team_member_get_id (item_at (team, j)), json_object_get_string_member (seed, "id")) == 0)
          member = item_at (team, j);

      if (!json_object_get_boolean_member (seed, "active"))
        {
          g_assert_null (member);
          continue;
        }

      active++;
      g_assert_nonnull (member);
      g_assert_cmpstr (nexor_team_member_get_name (member), ==,
                       json_object_get_string_member_with_default (seed, "name", NULL));
      g_assert_cmpstr (nexor_team_member_get_email (member), ==,
                       json_object_get_string_member_with_default (seed, "email", NULL));
      g_assert_cmpstr (nexor_team_member_get_external_id (member), ==,
                       json_object_get_string_member_with_default (seed, "external_id", NULL));
    }

  g_assert_cmpuint (n, ==, active);
  g_assert_cmpuint (active, <, json_array_get_length (seeded));
}

/* ---------------------------------------------------------------------------
 * Ids, retries, async
 * ------------------------------------------------------------------------- */

static void
test_bad_ids (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const bad_ids[] = { "..", "a/b", "", "123e4567-e89b-12d3-a456-42661417400", "%2e%2e" };
  static const char * const tag_ids[] = { TAG_HOT, NULL };
  g_autoptr(NexorLeadInput) input = g_object_new (NEXOR_TYPE_LEAD_INPUT, "title", "CEO", NULL);
  g_autoptr(NexorTagInput) tag = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "x", NULL);
  guint before = sent (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      const char *id = bad_ids[i];
      GError *errors[12] = { NULL, };
      gpointer results[10] = { NULL, };

      results[0] = nexor_client_update_lead (fixture->client, id, input, NULL, &errors[0]);
      results[1] = nexor_client_assign_lead_workflow (fixture->client, id, SALES, NULL, NULL, NULL, &errors[1]);
      results[2] = nexor_client_set_lead_status (fixture->client, id, "lost", NULL, NULL, NULL, &errors[2]);
      results[3] = nexor_client_stop_lead_automation (fixture->client, id, SALES, NULL, &errors[3]);
      results[4] = nexor_client_resume_lead_automation (fixture->client, id, SALES, FALSE, NULL, &errors[4]);
      g_assert_null (nexor_client_is_lead_paused (fixture->client, id, NULL, NULL, &errors[5]));
      results[5] = nexor_client_list_lead_history (fixture->client, id, NULL, NULL, &errors[6]);
      results[6] = nexor_client_list_lead_meetings (fixture->client, id, NULL, NULL, &errors[7]);
      results[7] = nexor_client_list_lead_tags (fixture->client, id, NULL, &errors[8]);
      results[8] = nexor_client_assign_lead_tags (fixture->client, id, tag_ids, NULL, &errors[9]);
      results[9] = nexor_client_update_tag (fixture->client, id, tag, NULL, &errors[10]);
      g_assert_false (nexor_client_delete_tag (fixture->client, id, NULL, &errors[11]));

      for (guint m = 0; m < G_N_ELEMENTS (results); m++)
        g_assert_null (results[m]);
      for (guint m = 0; m < G_N_ELEMENTS (errors); m++)
        {
          g_assert_error (errors[m], NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
          g_assert_true (g_utf8_validate (errors[m]->message, -1, NULL));
          g_assert_nonnull (strstr (errors[m]->message, "UUID"));
          g_error_free (errors[m]);
        }
    }

  g_assert_cmpuint (sent (fixture), ==, before);
}

/* Retried after a 503 only when the operation is safe to repeat; the
 * others may have been applied, and say so. */
static void
test_retry_policy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NexorLeadInput) change = g_object_new (NEXOR_TYPE_LEAD_INPUT, "title", "CEO", NULL);
  g_autoptr(NexorLeadInput) create = lead_input ("Dora", NULL);
  g_autoptr(NexorTagInput) tag = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "Retry", "slug", "retry", NULL);
  g_autoptr(NexorTagInput) rename = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "Referral 3", NULL);
  g_autoptr(GListStore) bulk = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  static const char * const names[] = { "VIP", NULL };
  static const char * const hot[] = { TAG_HOT, NULL };
  g_autoptr(GError) error = NULL;
  guint before;

  nexor_client_set_max_retries (fixture->client, 1);

#define EXPECT_RETRIED(call)                                                     \
  G_STMT_START {                                                                 \
    g_autoptr(GObject) _result = NULL;                                           \
    before = sent (fixture);                                                     \
    nexor_emulator_push_fault (fixture->emulator, "status=503");                 \
    _result = (GObject *) (call);                                                \
    g_assert_no_error (error);                                                   \
    g_assert_nonnull (_result);                                                  \
    g_assert_cmpuint (sent (fixture), ==, before + 2);                           \
  } G_STMT_END

#define EXPECT_NOT_RETRIED(call)                                                 \
  G_STMT_START {                                                                 \
    g_autoptr(GObject) _result = NULL;                                           \
    before = sent (fixture);                                                     \
    nexor_emulator_push_fault (fixture->emulator, "status=503");                 \
    _result = (GObject *) (call);                                                \
    g_assert_null (_result);                                                     \
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);            \
    g_assert_nonnull (strstr (error->message, "HTTP 503"));                      \
    g_clear_error (&error);                                                      \
    g_assert_cmpuint (sent (fixture), ==, before + 1);                           \
  } G_STMT_END

  EXPECT_RETRIED (nexor_client_update_lead (fixture->client, CARLOS, change, NULL, &error));
  EXPECT_RETRIED (nexor_client_stop_lead_automation (fixture->client, MARIANA, DEMO, NULL, &error));
  EXPECT_RETRIED (nexor_client_resume_lead_automation (fixture->client, MARIANA, DEMO, FALSE, NULL, &error));
  EXPECT_RETRIED (nexor_client_set_lead_status (fixture->client, MARIANA, "engaged", NULL, NULL, NULL, &error));
  EXPECT_RETRIED (nexor_client_sync_lead_tags (fixture->client, CARLOS, NULL, names, NULL, &error));
  EXPECT_RETRIED (nexor_client_list_tags (fixture->client, NULL, NULL, &error));
  EXPECT_RETRIED (nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error));
  EXPECT_RETRIED (nexor_client_update_tag (fixture->client, TAG_REFERRAL, rename, NULL, &error));

  EXPECT_NOT_RETRIED (nexor_client_create_lead (fixture->client, create, NULL, &error));
  g_list_store_append (bulk, create);
  EXPECT_NOT_RETRIED (nexor_client_create_leads (fixture->client, G_LIST_MODEL (bulk), NULL, &error));
  EXPECT_NOT_RETRIED (nexor_client_assign_lead_workflow (fixture->client, LUCIA, SALES, NULL, NULL, NULL, &error));
  EXPECT_NOT_RETRIED (nexor_client_assign_lead_tags (fixture->client, LUCIA, hot, NULL, &error));
  EXPECT_NOT_RETRIED (nexor_client_create_tag (fixture->client, tag, NULL, &error));

#undef EXPECT_RETRIED
#undef EXPECT_NOT_RETRIED

  /* Booleans: the delete is retried, the answer is still a plain TRUE. */
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  g_assert_true (nexor_client_delete_tag (fixture->client, TAG_REFERRAL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
}

/* Every call once through its _async/_finish pair. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const names[] = { "VIP", NULL };
  static const char * const ids[] = { TAG_HOT, NULL };
  g_autoptr(NexorLeadInput) input = lead_input ("Elena", "elena@example.com");
  g_autoptr(NexorLeadInput) change = g_object_new (NEXOR_TYPE_LEAD_INPUT, "title", "CTO", NULL);
  g_autoptr(NexorTagInput) tag_input = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "Async", "slug", "async", NULL);
  g_autoptr(NexorTagInput) rename = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "Referral 2", NULL);
  g_autoptr(GListStore) leads = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GError) error = NULL;
  NexorClient *client = fixture->client;

#define RUN(start, finish_call, check)                                           \
  G_STMT_START {                                                                 \
    g_autoptr(GAsyncResult) result = NULL;                                       \
    start;                                                                       \
    nexor_test_wait_for_result (&result);                                                   \
    {                                                                            \
      g_autoptr(GObject) value = (GObject *) (finish_call);                      \
      g_assert_no_error (error);                                                 \
      g_assert_nonnull (value);                                                  \
      check;                                                                     \
    }                                                                            \
  } G_STMT_END

  g_list_store_append (leads, input);

  RUN (nexor_client_create_lead_async (client, input, NULL, nexor_test_on_result, &result),
       nexor_client_create_lead_finish (client, result, &error),
       g_assert_true (NEXOR_IS_CREATE_LEAD_RESULT (value)));
  RUN (nexor_client_create_leads_async (client, G_LIST_MODEL (leads), NULL, nexor_test_on_result, &result),
       nexor_client_create_leads_finish (client, result, &error),
       g_assert_cmpint (nexor_bulk_create_result_get_created (NEXOR_BULK_CREATE_RESULT (value)), ==, 1));
  RUN (nexor_client_update_lead_async (client, CARLOS, change, NULL, nexor_test_on_result, &result),
       nexor_client_update_lead_finish (client, result, &error),
       g_assert_cmpstr (nexor_lead_get_title (NEXOR_LEAD (value)), ==, "CTO"));
  RUN (nexor_client_assign_lead_workflow_async (client, LUCIA, SALES, NULL, NULL, NULL, nexor_test_on_result, &result),
       nexor_client_assign_lead_workflow_finish (client, result, &error),
       g_assert_cmpint (nexor_assign_result_get_movement_type (NEXOR_ASSIGN_RESULT (value)), ==,
                        NEXOR_MOVEMENT_TYPE_ENROLLMENT));
  RUN (nexor_client_set_lead_status_async (client, LUCIA, "qualified", NULL, NULL, NULL, nexor_test_on_result, &result),
       nexor_client_set_lead_status_finish (client, result, &error),
       g_assert_true (nexor_status_change_get_changed (NEXOR_STATUS_CHANGE (value))));
  RUN (nexor_client_stop_lead_automation_async (client, LUCIA, SALES, NULL, nexor_test_on_result, &result),
       nexor_client_stop_lead_automation_finish (client, result, &error),
       g_assert_true (nexor_automation_result_get_cadence_paused (NEXOR_AUTOMATION_RESULT (value))));
  {
    g_autoptr(GAsyncResult) result = NULL;

    g_autoptr(NexorPauseState) state = NULL;

    nexor_client_is_lead_paused_async (client, LUCIA, SALES, NULL, nexor_test_on_result, &result);
    state = nexor_client_is_lead_paused_finish (client, nexor_test_wait_for_result (&result), &error);
    g_assert_no_error (error);
    g_assert_true (nexor_pause_state_get_paused (state));
  }
  RUN (nexor_client_resume_lead_automation_async (client, LUCIA, SALES, TRUE, NULL, nexor_test_on_result, &result),
       nexor_client_resume_lead_automation_finish (client, result, &error),
       g_assert_true (nexor_automation_result_get_cadence_resumed (NEXOR_AUTOMATION_RESULT (value))));
  RUN (nexor_client_list_lead_history_async (client, LUCIA, NULL, NULL, nexor_test_on_result, &result),
       nexor_client_list_lead_history_finish (client, result, &error),
       g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (value)), >, 0));
  RUN (nexor_client_list_lead_meetings_async (client, CARLOS, NULL, NULL, nexor_test_on_result, &result),
       nexor_client_list_lead_meetings_finish (client, result, &error),
       g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (value)), >, 0));
  RUN (nexor_client_sync_lead_tags_async (client, LUCIA, NULL, names, NULL, nexor_test_on_result, &result),
       nexor_client_sync_lead_tags_finish (client, result, &error),
       g_assert_cmpuint (g_list_model_get_n_items (nexor_tag_sync_result_get_tags (NEXOR_TAG_SYNC_RESULT (value))), ==, 1));
  RUN (nexor_client_assign_lead_tags_async (client, LUCIA, ids, NULL, nexor_test_on_result, &result),
       nexor_client_assign_lead_tags_finish (client, result, &error),
       g_assert_true (tags_have_name (G_LIST_MODEL (value), "Hot lead")));
  RUN (nexor_client_list_lead_tags_async (client, LUCIA, NULL, nexor_test_on_result, &result),
       nexor_client_list_lead_tags_finish (client, result, &error),
       g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (value)), ==, 2));
  RUN (nexor_client_list_tags_async (client, NULL, NULL, nexor_test_on_result, &result),
       nexor_client_list_tags_finish (client, result, &error),
       g_assert_true (tags_have_name (G_LIST_MODEL (value), "VIP")));
  RUN (nexor_client_create_tag_async (client, tag_input, NULL, nexor_test_on_result, &result),
       nexor_client_create_tag_finish (client, result, &error),
       g_assert_cmpstr (nexor_tag_get_slug (NEXOR_TAG (value)), ==, "async"));
  RUN (nexor_client_update_tag_async (client, TAG_REFERRAL, rename, NULL, nexor_test_on_result, &result),
       nexor_client_update_tag_finish (client, result, &error),
       g_assert_cmpstr (nexor_tag_get_name (NEXOR_TAG (value)), ==, "Referral 2"));
  {
    g_autoptr(GAsyncResult) result = NULL;

    nexor_client_delete_tag_async (client, TAG_ENTERPRISE, NULL, nexor_test_on_result, &result);
    g_assert_true (nexor_client_delete_tag_finish (client, nexor_test_wait_for_result (&result), &error));
    g_assert_no_error (error);
  }
  RUN (nexor_client_list_team_members_async (client, NULL, nexor_test_on_result, &result),
       nexor_client_list_team_members_finish (client, result, &error),
       g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (value)), >, 0));

#undef RUN
}

static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GCancellable) later = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) slow = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tags = NULL;
  guint before = sent (fixture);

  /* Cancelled before the call: nothing is sent. */
  g_cancellable_cancel (cancelled);
  nexor_client_is_lead_paused_async (fixture->client, DIEGO, NULL, cancelled, nexor_test_on_result, &result);
  g_assert_null (nexor_client_is_lead_paused_finish (fixture->client, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  nexor_client_list_tags_async (fixture->client, NULL, cancelled, nexor_test_on_result, &result);
  tags = nexor_client_list_tags_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_null (tags);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* Cancelled mid-flight against an answer the emulator holds back for an
   * hour: only the cancel can end the call before the test's own timeout,
   * so no clock is read. */
  nexor_emulator_set_response_delay (fixture->emulator, 3600 * 1000);
  nexor_client_is_lead_paused_async (fixture->client, DIEGO, NULL, later, nexor_test_on_result, &slow);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, later);
  g_assert_null (nexor_client_is_lead_paused_finish (fixture->client, nexor_test_wait_for_result (&slow), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  nexor_emulator_set_response_delay (fixture->emulator, 0);
  nexor_emulator_release_held (fixture->emulator);
}

/* ---------------------------------------------------------------------------
 * Raw JSON of list responses
 * ------------------------------------------------------------------------- */

/* What the emulator answers to GET @path, read by json-glib's own parser. */
static JsonNode *
fetch_raw_json (Fixture    *fixture,
                const char *path)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("tls-database", fixture->tls_database, NULL);
  g_autofree char *url = g_strconcat (nexor_emulator_thread_get_base_url (fixture->server), path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "X-API-Key", KEY);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static void
assert_json_equal (JsonObject *actual,
                   JsonObject *expected)
{
  g_assert_nonnull (actual);
  g_assert_nonnull (expected);
  g_assert_true (json_object_is_immutable (actual));
  g_assert_true (json_object_equal (actual, expected));
}

/* Each item of a list keeps the response's bytes rather than its tree: its
 * JSON, read back long after the response, is still what the server sent. */
static void
test_list_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) tags_root = fetch_raw_json (fixture, "/tags");
  g_autoptr(JsonNode) history_root = fetch_raw_json (fixture, "/leads/" CARLOS "/history?limit=50&offset=0");
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(NexorHistoryList) history = NULL;
  g_autoptr(JsonObject) lead_json = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *tags_json;
  JsonArray *history_json;

  /* Tag endpoints answer in {"data": […]}. */
  tags_json = json_object_get_array_member (json_node_get_object (tags_root), "data");
  tags = nexor_client_list_tags (fixture->client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, json_array_get_length (tags_json));
  g_assert_cmpuint (g_list_model_get_n_items (tags), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(JsonObject) json = nexor_tag_dup_json (item_at (tags, i));

      assert_json_equal (json, json_array_get_object_element (tags_json, i));
    }

  history_json = json_object_get_array_member (json_node_get_object (history_root), "history");
  history = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, json_array_get_length (history_json));
  for (guint i = 0; i < json_array_get_length (history_json); i++)
    {
      g_autoptr(JsonObject) json = nexor_history_item_dup_json (item_at (G_LIST_MODEL (history), i));

      assert_json_equal (json, json_array_get_object_element (history_json, i));
    }

  lead_json = nexor_lead_dup_json (nexor_history_list_get_lead (history));
  assert_json_equal (lead_json, json_object_get_object_member (json_node_get_object (history_root), "lead"));
}


/* A real server's answers need not be spelled as the emulator spells them:
 * an integral float for an integer and a date without a time must not fail
 * the page or the lead (the answers come from the body= fault). */
static void
push_body (Fixture    *fixture,
           const char *body)
{
  g_autofree char *base64 = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", base64, NULL);

  nexor_emulator_push_fault (fixture->emulator, fault);
}

static void
test_lenient_answers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(NexorHistoryList) list = NULL;

    push_body (fixture, "{\"success\": true, \"history\": ["
                        "{\"type\": \"call\", \"id\": \"c1\", \"timestamp\": \"2024-01-15T10:30:00Z\", "
                        "\"duration_seconds\": 12.0},"
                        "{\"type\": \"call\", \"id\": \"c2\", \"duration_seconds\": 12.5}], "
                        "\"pagination\": {\"has_more\": false}}");
    list = nexor_client_list_lead_history (fixture->client, CARLOS, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    g_assert_cmpint (nexor_history_item_get_duration_seconds (item_at (G_LIST_MODEL (list), 0)), ==, 12);
    /* Not an integer: left unset, still in the item's JSON. */
    g_assert_cmpint (nexor_history_item_get_duration_seconds (item_at (G_LIST_MODEL (list), 1)), ==, 0);
    {
      g_autoptr(JsonObject) raw = nexor_history_item_dup_json (item_at (G_LIST_MODEL (list), 1));

      g_assert_cmpfloat (json_object_get_double_member (raw, "duration_seconds"), ==, 12.5);
    }
  }

  {
    g_autoptr(NexorLead) lead = NULL;
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) midnight = g_date_time_new (utc, 2024, 1, 15, 0, 0, 0);

    push_body (fixture, "{\"success\": true, \"lead\": {\"id\": \"" CARLOS "\", \"first_name\": \"Carlos\", "
                        "\"created_at\": \"2024-01-10T08:00:00\", \"updated_at\": \"2024-01-15\"}}");
    lead = nexor_client_get_lead (fixture->client, CARLOS, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
    g_assert_true (g_date_time_equal (nexor_lead_get_updated_at (lead), midnight));
    g_assert_cmpint (g_date_time_get_hour (nexor_lead_get_created_at (lead)), ==, 8);
  }

  {
    /* Still refused: a lead without its id. */
    g_autoptr(NexorLead) lead = NULL;

    push_body (fixture, "{\"success\": true, \"lead\": {\"first_name\": \"Carlos\"}}");
    lead = nexor_client_get_lead (fixture->client, CARLOS, NULL, &error);
    g_assert_null (lead);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("create-lead", test_create_lead);
  ADD ("create-lead/refused", test_create_lead_refused);
  ADD ("create-leads", test_create_leads);
  ADD ("create-leads/refused", test_create_leads_refused);
  ADD ("update-lead", test_update_lead);
  ADD ("update-lead/refused", test_update_lead_refused);
  ADD ("assign-workflow", test_assign_lead_workflow);
  ADD ("assign-workflow/refused", test_assign_lead_workflow_refused);
  ADD ("set-lead-status", test_set_lead_status);
  ADD ("automation", test_automation);
  ADD ("automation/active-run", test_automation_active_run);
  ADD ("automation/active-run-async", test_automation_active_run_async);
  ADD ("automation/active-run-cancelled", test_automation_active_run_cancelled);
  ADD ("automation/active-run-one-deadline", test_automation_active_run_one_deadline);
  ADD ("is-paused", test_is_lead_paused);
  ADD ("history/paging", test_history_paging);
  ADD ("history/channels", test_history_channels);
  ADD ("history/unknown-type", test_history_unknown_type);
  ADD ("lenient-answers", test_lenient_answers);
  ADD ("history/cancel", test_history_cancel);
  ADD ("history/cancellable", test_history_cancellable);
  ADD ("history/cancel-one-waiter", test_history_cancel_one_waiter);
  ADD ("history/cancel-every-waiter", test_history_cancel_every_waiter);
  ADD ("history/cancel-blocking", test_history_cancel_blocking);
  ADD ("history/dispose", test_history_dispose);
  ADD ("history/blocking-after-prefetch", test_history_blocking_after_prefetch);
  ADD ("history/load-all", test_history_load_all);
  ADD ("history/load-all/cancel", test_history_load_all_cancel);
  ADD ("history/repeated-page", test_history_repeated_page);
  ADD ("history/worker-thread", test_history_worker_thread);
  ADD ("meetings", test_meetings);
  ADD ("tags/sync", test_sync_lead_tags);
  ADD ("tags/lead", test_lead_tags);
  ADD ("tags/account", test_tags);
  ADD ("json/lists", test_list_json);
  ADD ("team", test_team);
  ADD ("bad-ids", test_bad_ids);
  ADD ("retry-policy", test_retry_policy);
  ADD ("async", test_async);
  ADD ("async/cancelled", test_async_cancelled);

  /* A write, the history and the async paths again over https. */
#define ADD_TLS(path, func) \
  g_test_add ("/desk/tls/" path, Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up, func, client_fixture_tear_down)

  ADD_TLS ("create-lead", test_create_lead);
  ADD_TLS ("create-leads", test_create_leads);
  ADD_TLS ("update-lead", test_update_lead);
  ADD_TLS ("history/paging", test_history_paging);
  ADD_TLS ("history/worker-thread", test_history_worker_thread);
  ADD_TLS ("history/load-all", test_history_load_all);
  ADD_TLS ("json/lists", test_list_json);
  ADD_TLS ("async", test_async);

#undef ADD_TLS
#undef ADD

  return g_test_run ();
}
