/* test-lead-parser.c: the Get Lead parser, both documented shapes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"

#define LEAD_ID "123e4567-e89b-12d3-a456-426614174000"

/* The members of the lead object in tests/data/get-lead-page.json. */
static const char * const current_lead_members[] = {
  "id", "first_name", "last_name", "email", "phone", "source", "company", "title",
  "metadata", "tags", "campaign", "active_workflow_run", "created_at", "updated_at",
};

static NexorVariable *
variable_at (NexorLead *lead,
             guint      position)
{
  g_autoptr(NexorVariable) variable = g_list_model_get_item (nexor_lead_get_variables (lead), position);

  g_assert_nonnull (variable);
  return variable;  /* still owned by the list */
}

/* The lists a lead hands out are read-only models, not GListStores that a
 * holder could append to. */
static void
test_lists_read_only (void)
{
  g_autoptr(JsonNode) root = nexor_test_parse_string (
    "{\"id\": \"" LEAD_ID "\", \"first_name\": \"Carlos\","
    " \"tags\": [{\"id\": \"40018446-5928-4f8d-8c39-4abc460f126c\", \"name\": \"Hot lead\"},"
    "            {\"id\": \"5c6b1f0e-2d4a-4f3b-9e8d-7a6b5c4d3e2f\", \"name\": \"Webinar\"}],"
    " \"variables\": {\"edad\": {\"value\": 35}}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = _nexor_lead_new_from_response (root, NULL, &error);
  GListModel *lists[2];

  g_assert_no_error (error);
  lists[0] = nexor_lead_get_tags (lead);
  lists[1] = nexor_lead_get_variables (lead);
  g_assert_cmpuint (g_list_model_get_n_items (lists[0]), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lists[1]), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      guint n = g_list_model_get_n_items (lists[i]);
      g_autoptr(GObject) last = g_list_model_get_item (lists[i], n - 1);

      g_assert_false (G_IS_LIST_STORE (lists[i]));
      g_assert_true (G_IS_LIST_MODEL (lists[i]));
      g_assert_nonnull (last);
      g_assert_true (g_type_is_a (G_OBJECT_TYPE (last), g_list_model_get_item_type (lists[i])));
      g_assert_null (g_list_model_get_item (lists[i], n));
      g_assert_null (g_list_model_get_item (lists[i], G_MAXUINT));
    }

  /* A lead without the members still gives read-only (empty) lists. */
  {
    g_autoptr(JsonNode) bare = nexor_test_parse_string ("{\"id\": \"" LEAD_ID "\"}");
    g_autoptr(NexorLead) empty = _nexor_lead_new_from_response (bare, NULL, &error);

    g_assert_no_error (error);
    g_assert_false (G_IS_LIST_STORE (nexor_lead_get_tags (empty)));
    g_assert_false (G_IS_LIST_STORE (nexor_lead_get_variables (empty)));
    g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_tags (empty)), ==, 0);
    g_assert_true (g_list_model_get_item_type (nexor_lead_get_variables (empty)) == NEXOR_TYPE_VARIABLE);
  }
}

/* 1. The current shape: every field equals the documented page. */
static void
test_current_shape (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("get-lead-page.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = _nexor_lead_new_from_response (root, NULL, &error);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 2, 10, 12, 0, 0);
  g_autoptr(JsonObject) json = NULL;
  g_autofree char *created_text = NULL;
  NexorCampaign *campaign;
  NexorWorkflowRun *run;
  NexorWorkflow *workflow;
  NexorWorkflowStatus *status;
  g_autoptr(JsonObject) metadata = NULL;
  GListModel *tags;
  NexorVariable *variable;
  g_autoptr(JsonNode) value = NULL;

  g_assert_no_error (error);
  g_assert_true (NEXOR_IS_LEAD (lead));

  g_assert_cmpstr (nexor_lead_get_id (lead), ==, LEAD_ID);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Lopez");
  g_assert_cmpstr (nexor_lead_get_email (lead), ==, "carlos@example.com");
  g_assert_cmpstr (nexor_lead_get_phone (lead), ==, "+56912345678");
  g_assert_cmpstr (nexor_lead_get_source (lead), ==, "api");
  g_assert_cmpstr (nexor_lead_get_company (lead), ==, "Stark Industries");
  g_assert_null (nexor_lead_get_title (lead));

  metadata = nexor_lead_dup_metadata (lead);
  g_assert_nonnull (metadata);
  g_assert_cmpuint (json_object_get_size (metadata), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (metadata, "estado_lead"), ==, "calificado");

  tags = nexor_lead_get_tags (lead);
  g_assert_nonnull (tags);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 0);
  g_assert_true (g_list_model_get_item_type (tags) == NEXOR_TYPE_TAG);

  campaign = nexor_lead_get_campaign (lead);
  g_assert_true (NEXOR_IS_CAMPAIGN (campaign));
  g_assert_cmpstr (nexor_campaign_get_id (campaign), ==, "uuid");
  g_assert_cmpstr (nexor_campaign_get_name (campaign), ==, "Q1 Campaign");

  run = nexor_lead_get_active_workflow_run (lead);
  g_assert_true (NEXOR_IS_WORKFLOW_RUN (run));
  g_assert_cmpstr (nexor_workflow_run_get_id (run), ==, "uuid");
  g_assert_cmpstr (nexor_workflow_run_get_workflow_id (run), ==, "uuid");
  g_assert_true (nexor_workflow_run_get_is_active (run));
  g_assert_false (nexor_workflow_run_get_human_takeover (run));
  g_assert_cmpstr (nexor_workflow_run_get_cadence_state (run), ==, "active");
  g_assert_cmpstr (nexor_workflow_run_get_run_status (run), ==, "running");

  workflow = nexor_workflow_run_get_workflow (run);
  g_assert_true (NEXOR_IS_WORKFLOW (workflow));
  g_assert_cmpstr (nexor_workflow_get_id (workflow), ==, "uuid");
  g_assert_cmpstr (nexor_workflow_get_name (workflow), ==, "Sales Pipeline");
  g_assert_cmpstr (nexor_workflow_get_goal_type (workflow), ==, "appointment");

  status = nexor_workflow_run_get_current_status (run);
  g_assert_true (NEXOR_IS_WORKFLOW_STATUS (status));
  g_assert_cmpstr (nexor_workflow_status_get_id (status), ==, "uuid");
  g_assert_cmpstr (nexor_workflow_status_get_key (status), ==, "contacted");
  g_assert_cmpstr (nexor_workflow_status_get_label (status), ==, "Contacted");
  g_assert_cmpstr (nexor_workflow_status_get_category (status), ==, "active");
  g_assert_null (nexor_workflow_status_get_color (status));

  g_assert_null (nexor_lead_get_assigned_user (lead));

  /* Exact instants, in UTC. */
  g_assert_true (g_date_time_equal (nexor_lead_get_created_at (lead), created));
  g_assert_cmpint (g_date_time_get_utc_offset (nexor_lead_get_created_at (lead)), ==, 0);
  created_text = g_date_time_format_iso8601 (nexor_lead_get_created_at (lead));
  g_assert_cmpstr (created_text, ==, "2026-02-10T12:00:00Z");
  nexor_test_assert_datetime (nexor_lead_get_updated_at (lead), "2026-02-10T12:00:00Z");

  /* Variables, in the order the server sent them. */
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 2);
  g_assert_true (g_list_model_get_item_type (nexor_lead_get_variables (lead)) == NEXOR_TYPE_VARIABLE);

  variable = variable_at (lead, 0);
  g_assert_cmpstr (nexor_variable_get_name (variable), ==, "edad");
  value = nexor_variable_dup_value (variable);
  g_assert_nonnull (value);
  g_assert_true (JSON_NODE_HOLDS_VALUE (value));
  g_assert_true (json_node_get_value_type (value) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (value), ==, 35);
  g_assert_cmpstr (nexor_variable_get_value_text (variable), ==, "35");
  g_assert_cmpfloat (nexor_variable_get_confidence (variable), ==, 0.95);
  nexor_test_assert_datetime (nexor_variable_get_updated_at (variable), "2026-02-10T13:00:00Z");
  g_assert_true (nexor_lead_get_variable (lead, "edad") == variable);

  variable = variable_at (lead, 1);
  g_assert_cmpstr (nexor_variable_get_name (variable), ==, "broker_asociado");
  g_clear_pointer (&value, json_node_unref);
  value = nexor_variable_dup_value (variable);
  g_assert_nonnull (value);
  g_assert_true (json_node_get_value_type (value) == G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (value), ==, "Juan Perez");
  g_assert_cmpstr (nexor_variable_get_value_text (variable), ==, "Juan Perez");
  g_assert_cmpfloat (nexor_variable_get_confidence (variable), ==, 0.9);
  nexor_test_assert_datetime (nexor_variable_get_updated_at (variable), "2026-02-10T13:05:00Z");
  g_assert_true (nexor_lead_get_variable (lead, "broker_asociado") == variable);

  g_assert_null (nexor_lead_get_variable (lead, "unknown"));
  g_assert_null (nexor_lead_get_variable (lead, ""));
  g_assert_null (nexor_lead_get_variable (lead, "EDAD"));

  /* dup_json is the "lead" member exactly as sent: variables sit beside it. */
  json = nexor_lead_dup_json (lead);
  g_assert_nonnull (json);
  /* A copy, which the caller may change without changing the lead. */
  g_assert_true (json != json_object_get_object_member (json_node_get_object (root), "lead"));
  g_assert_true (json_object_equal (json, json_object_get_object_member (json_node_get_object (root), "lead")));
  g_assert_cmpuint (json_object_get_size (json), ==, G_N_ELEMENTS (current_lead_members));
  for (guint i = 0; i < G_N_ELEMENTS (current_lead_members); i++)
    g_assert_true (json_object_has_member (json, current_lead_members[i]));
  g_assert_false (json_object_has_member (json, "variables"));
  g_assert_cmpstr (json_object_get_string_member (json, "first_name"), ==, "Carlos");

  {
    g_autoptr(JsonObject) run_json = nexor_workflow_run_dup_json (run);
    g_autoptr(JsonObject) workflow_json = nexor_workflow_dup_json (workflow);
    g_autoptr(JsonObject) status_json = nexor_workflow_status_dup_json (status);
    g_autoptr(JsonObject) campaign_json = nexor_campaign_dup_json (campaign);
    g_autoptr(JsonObject) variable_json = nexor_variable_dup_json (variable_at (lead, 0));

    g_assert_true (json_object_has_member (run_json, "current_status"));
    g_assert_true (json_object_has_member (run_json, "cadence_state"));
    g_assert_cmpstr (json_object_get_string_member (workflow_json, "goal_type"), ==, "appointment");
    g_assert_cmpstr (json_object_get_string_member (status_json, "key"), ==, "contacted");
    g_assert_cmpstr (json_object_get_string_member (campaign_json, "name"), ==, "Q1 Campaign");
    g_assert_cmpint (json_object_get_int_member (variable_json, "value"), ==, 35);
    g_assert_true (json_object_has_member (variable_json, "value_text"));
  }

  nexor_test_assert_properties (lead);
}

/* 2. The legacy shape: the same objects, the run's workflow and status hoisted. */
static void
test_legacy_shape (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("get-lead-legacy.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = _nexor_lead_new_from_response (root, NULL, &error);
  g_autoptr(JsonObject) json = NULL;
  NexorWorkflowRun *run;
  NexorWorkflow *workflow;
  NexorWorkflowStatus *status;
  NexorUser *user;
  g_autoptr(JsonObject) metadata = NULL;

  g_assert_no_error (error);
  g_assert_true (NEXOR_IS_LEAD (lead));

  g_assert_cmpstr (nexor_lead_get_id (lead), ==, LEAD_ID);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Lopez");
  g_assert_cmpstr (nexor_lead_get_email (lead), ==, "carlos@example.com");
  g_assert_cmpstr (nexor_lead_get_phone (lead), ==, "+56912345678");
  g_assert_cmpstr (nexor_lead_get_source (lead), ==, "api");
  g_assert_cmpstr (nexor_lead_get_company (lead), ==, "Acme Corp");
  g_assert_null (nexor_lead_get_title (lead));

  metadata = nexor_lead_dup_metadata (lead);
  g_assert_nonnull (metadata);
  g_assert_cmpuint (json_object_get_size (metadata), ==, 3);
  g_assert_cmpint (json_object_get_int_member (metadata, "edad"), ==, 35);
  g_assert_cmpstr (json_object_get_string_member (metadata, "estado_lead"), ==, "calificado");
  g_assert_cmpstr (json_object_get_string_member (metadata, "broker_asociado"), ==, "Juan Perez");

  /* No tags in the legacy shape: still an empty list. */
  g_assert_nonnull (nexor_lead_get_tags (lead));
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_tags (lead)), ==, 0);

  g_assert_cmpstr (nexor_campaign_get_id (nexor_lead_get_campaign (lead)), ==, "uuid");
  g_assert_cmpstr (nexor_campaign_get_name (nexor_lead_get_campaign (lead)), ==, "Q1 Campaign");

  run = nexor_lead_get_active_workflow_run (lead);
  g_assert_true (NEXOR_IS_WORKFLOW_RUN (run));
  g_assert_cmpstr (nexor_workflow_run_get_id (run), ==, "uuid");
  g_assert_cmpstr (nexor_workflow_run_get_workflow_id (run), ==, "uuid");
  g_assert_true (nexor_workflow_run_get_is_active (run));
  g_assert_false (nexor_workflow_run_get_human_takeover (run));
  g_assert_null (nexor_workflow_run_get_cadence_state (run));
  g_assert_cmpstr (nexor_workflow_run_get_run_status (run), ==, "running");

  workflow = nexor_workflow_run_get_workflow (run);
  g_assert_true (NEXOR_IS_WORKFLOW (workflow));
  g_assert_cmpstr (nexor_workflow_get_id (workflow), ==, "uuid");
  g_assert_cmpstr (nexor_workflow_get_name (workflow), ==, "Sales Pipeline");
  g_assert_cmpstr (nexor_workflow_get_goal_type (workflow), ==, "appointment");

  status = nexor_workflow_run_get_current_status (run);
  g_assert_true (NEXOR_IS_WORKFLOW_STATUS (status));
  g_assert_cmpstr (nexor_workflow_status_get_id (status), ==, "uuid");
  g_assert_cmpstr (nexor_workflow_status_get_key (status), ==, "contacted");
  g_assert_cmpstr (nexor_workflow_status_get_label (status), ==, "Contacted");
  g_assert_cmpstr (nexor_workflow_status_get_category (status), ==, "active");
  g_assert_cmpstr (nexor_workflow_status_get_color (status), ==, "#3b82f6");

  user = nexor_lead_get_assigned_user (lead);
  g_assert_true (NEXOR_IS_USER (user));
  g_assert_cmpstr (nexor_user_get_id (user), ==, "uuid");
  g_assert_cmpstr (nexor_user_get_name (user), ==, "Ana");
  g_assert_cmpstr (nexor_user_get_email (user), ==, "ana@co.com");
  g_assert_null (nexor_user_get_avatar_url (user));

  nexor_test_assert_datetime (nexor_lead_get_created_at (lead), "2026-02-10T12:00:00Z");
  g_assert_null (nexor_lead_get_updated_at (lead));

  g_assert_nonnull (nexor_lead_get_variables (lead));
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 0);
  g_assert_null (nexor_lead_get_variable (lead, "edad"));

  /* The bare object is the lead: dup_json is the whole body. */
  json = nexor_lead_dup_json (lead);
  g_assert_true (json != json_node_get_object (root) && json_object_equal (json, json_node_get_object (root)));
  g_assert_true (json_object_has_member (json, "activeWorkflowRun"));
  g_assert_true (json_object_has_member (json, "workflow"));
  g_assert_true (json_object_has_member (json, "currentStatus"));
  g_assert_true (json_object_has_member (json, "assigned_user"));

  nexor_test_assert_properties (lead);
}

/* Compares the members both shapes carry. */
static void
assert_leads_common_equal (NexorLead *a,
                           NexorLead *b,
                           gboolean   same_company)
{
  NexorWorkflowRun *run_a = nexor_lead_get_active_workflow_run (a);
  NexorWorkflowRun *run_b = nexor_lead_get_active_workflow_run (b);
  NexorWorkflow *workflow_a, *workflow_b;
  NexorWorkflowStatus *status_a, *status_b;

  g_assert_cmpstr (nexor_lead_get_id (a), ==, nexor_lead_get_id (b));
  g_assert_cmpstr (nexor_lead_get_first_name (a), ==, nexor_lead_get_first_name (b));
  g_assert_cmpstr (nexor_lead_get_last_name (a), ==, nexor_lead_get_last_name (b));
  g_assert_cmpstr (nexor_lead_get_email (a), ==, nexor_lead_get_email (b));
  g_assert_cmpstr (nexor_lead_get_phone (a), ==, nexor_lead_get_phone (b));
  g_assert_cmpstr (nexor_lead_get_source (a), ==, nexor_lead_get_source (b));
  if (same_company)
    g_assert_cmpstr (nexor_lead_get_company (a), ==, nexor_lead_get_company (b));
  g_assert_cmpstr (nexor_lead_get_title (a), ==, nexor_lead_get_title (b));
  g_assert_true (g_date_time_equal (nexor_lead_get_created_at (a), nexor_lead_get_created_at (b)));
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_tags (a)), ==,
                    g_list_model_get_n_items (nexor_lead_get_tags (b)));

  g_assert_cmpstr (nexor_campaign_get_id (nexor_lead_get_campaign (a)), ==,
                   nexor_campaign_get_id (nexor_lead_get_campaign (b)));
  g_assert_cmpstr (nexor_campaign_get_name (nexor_lead_get_campaign (a)), ==,
                   nexor_campaign_get_name (nexor_lead_get_campaign (b)));

  g_assert_nonnull (run_a);
  g_assert_nonnull (run_b);
  g_assert_cmpstr (nexor_workflow_run_get_id (run_a), ==, nexor_workflow_run_get_id (run_b));
  g_assert_cmpstr (nexor_workflow_run_get_workflow_id (run_a), ==, nexor_workflow_run_get_workflow_id (run_b));
  g_assert_cmpint (nexor_workflow_run_get_is_active (run_a), ==, nexor_workflow_run_get_is_active (run_b));
  g_assert_cmpstr (nexor_workflow_run_get_run_status (run_a), ==, nexor_workflow_run_get_run_status (run_b));

  workflow_a = nexor_workflow_run_get_workflow (run_a);
  workflow_b = nexor_workflow_run_get_workflow (run_b);
  g_assert_nonnull (workflow_a);
  g_assert_nonnull (workflow_b);
  g_assert_cmpstr (nexor_workflow_get_id (workflow_a), ==, nexor_workflow_get_id (workflow_b));
  g_assert_cmpstr (nexor_workflow_get_name (workflow_a), ==, nexor_workflow_get_name (workflow_b));
  g_assert_cmpstr (nexor_workflow_get_goal_type (workflow_a), ==, nexor_workflow_get_goal_type (workflow_b));

  status_a = nexor_workflow_run_get_current_status (run_a);
  status_b = nexor_workflow_run_get_current_status (run_b);
  g_assert_nonnull (status_a);
  g_assert_nonnull (status_b);
  g_assert_cmpstr (nexor_workflow_status_get_id (status_a), ==, nexor_workflow_status_get_id (status_b));
  g_assert_cmpstr (nexor_workflow_status_get_key (status_a), ==, nexor_workflow_status_get_key (status_b));
  g_assert_cmpstr (nexor_workflow_status_get_label (status_a), ==, nexor_workflow_status_get_label (status_b));
  g_assert_cmpstr (nexor_workflow_status_get_category (status_a), ==, nexor_workflow_status_get_category (status_b));
}

/* 3. Both documented pages describe one lead.  The two examples themselves
 * disagree on company ("Stark Industries" vs "Acme Corp") and on metadata, so
 * those are compared on a pair of fixtures written as the same lead. */
static void
test_shapes_agree (void)
{
  g_autoptr(NexorLead) current = nexor_test_load_lead ("get-lead-page.json");
  g_autoptr(NexorLead) legacy = nexor_test_load_lead ("get-lead-legacy.json");

  assert_leads_common_equal (current, legacy, FALSE);
}

static void
test_shapes_agree_same_lead (void)
{
  g_autoptr(NexorLead) current = nexor_test_load_lead ("lead-same-current.json");
  g_autoptr(NexorLead) legacy = nexor_test_load_lead ("lead-same-legacy.json");

  assert_leads_common_equal (current, legacy, TRUE);
  {
    g_autoptr(JsonObject) current_metadata = nexor_lead_dup_metadata (current);
    g_autoptr(JsonObject) legacy_metadata = nexor_lead_dup_metadata (legacy);

    g_assert_true (json_object_equal (current_metadata, legacy_metadata));
  }

  /* Members only one shape has. */
  g_assert_nonnull (nexor_lead_get_updated_at (current));
  g_assert_null (nexor_lead_get_updated_at (legacy));
  g_assert_null (nexor_lead_get_assigned_user (current));
  g_assert_cmpstr (nexor_user_get_name (nexor_lead_get_assigned_user (legacy)), ==, "Ana");
  g_assert_null (nexor_workflow_status_get_color (
    nexor_workflow_run_get_current_status (nexor_lead_get_active_workflow_run (current))));
  g_assert_cmpstr (nexor_workflow_status_get_color (
    nexor_workflow_run_get_current_status (nexor_lead_get_active_workflow_run (legacy))), ==, "#3b82f6");

  nexor_test_assert_properties (current);
  nexor_test_assert_properties (legacy);
}

/* A lead with nothing but its id, whatever the reason. */
static void
assert_lead_is_bare (NexorLead *lead)
{
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, LEAD_ID);
  g_assert_null (nexor_lead_get_first_name (lead));
  g_assert_null (nexor_lead_get_last_name (lead));
  g_assert_null (nexor_lead_get_email (lead));
  g_assert_null (nexor_lead_get_phone (lead));
  g_assert_null (nexor_lead_get_source (lead));
  g_assert_null (nexor_lead_get_company (lead));
  g_assert_null (nexor_lead_get_title (lead));
  g_assert_null (nexor_lead_dup_metadata (lead));
  g_assert_nonnull (nexor_lead_get_tags (lead));
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_tags (lead)), ==, 0);
  g_assert_null (nexor_lead_get_campaign (lead));
  g_assert_null (nexor_lead_get_active_workflow_run (lead));
  g_assert_null (nexor_lead_get_assigned_user (lead));
  g_assert_null (nexor_lead_get_created_at (lead));
  g_assert_null (nexor_lead_get_updated_at (lead));
  g_assert_nonnull (nexor_lead_get_variables (lead));
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 0);
  g_assert_null (nexor_lead_get_variable (lead, "edad"));
  nexor_test_assert_properties (lead);
}

/* 4. Every nullable member is JSON null. */
static void
test_nulls (void)
{
  g_autoptr(NexorLead) lead = nexor_test_load_lead ("lead-nulls.json");

  assert_lead_is_bare (lead);
}

/* Only the id. */
static void
test_missing_members (void)
{
  g_autoptr(NexorLead) lead = nexor_test_load_lead ("lead-id-only.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) bare = nexor_test_lead_from_string ("{\"id\":\"" LEAD_ID "\"}", &error);
  g_autoptr(NexorLead) null_variables =
    nexor_test_lead_from_string ("{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\"},\"variables\":null}", &error);

  assert_lead_is_bare (lead);
  g_assert_no_error (error);
  assert_lead_is_bare (bare);
  assert_lead_is_bare (null_variables);
}

/* Nulls and missing members inside the nested objects. */
static void
test_nested_nulls (void)
{
  g_autoptr(NexorLead) lead = nexor_test_load_lead ("lead-nested-nulls.json");
  g_autoptr(NexorTag) tag = NULL;
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);
  NexorWorkflow *workflow;
  NexorWorkflowStatus *status;
  NexorUser *user = nexor_lead_get_assigned_user (lead);
  NexorVariable *variable;

  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_tags (lead)), ==, 1);
  tag = g_list_model_get_item (nexor_lead_get_tags (lead), 0);
  g_assert_cmpstr (nexor_tag_get_id (tag), ==, "7f1c2d3e-0000-4000-8000-000000000001");
  g_assert_null (nexor_tag_get_name (tag));
  g_assert_null (nexor_tag_get_slug (tag));

  g_assert_null (nexor_campaign_get_name (nexor_lead_get_campaign (lead)));

  g_assert_nonnull (run);
  g_assert_null (nexor_workflow_run_get_workflow_id (run));
  g_assert_false (nexor_workflow_run_get_is_active (run));
  g_assert_false (nexor_workflow_run_get_human_takeover (run));
  g_assert_null (nexor_workflow_run_get_cadence_state (run));
  g_assert_null (nexor_workflow_run_get_run_status (run));

  workflow = nexor_workflow_run_get_workflow (run);
  g_assert_nonnull (workflow);
  g_assert_null (nexor_workflow_get_name (workflow));
  g_assert_null (nexor_workflow_get_goal_type (workflow));

  status = nexor_workflow_run_get_current_status (run);
  g_assert_nonnull (status);
  g_assert_null (nexor_workflow_status_get_key (status));
  g_assert_null (nexor_workflow_status_get_label (status));
  g_assert_null (nexor_workflow_status_get_category (status));
  g_assert_null (nexor_workflow_status_get_color (status));

  g_assert_nonnull (user);
  g_assert_null (nexor_user_get_name (user));
  g_assert_null (nexor_user_get_email (user));
  g_assert_null (nexor_user_get_avatar_url (user));

  /* A null variable is skipped; an empty one has no value and confidence -1. */
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 2);
  g_assert_null (nexor_lead_get_variable (lead, "skipped"));
  variable = nexor_lead_get_variable (lead, "edad");
  g_assert_nonnull (variable);
  g_assert_null (nexor_variable_dup_value (variable));
  g_assert_null (nexor_variable_get_value_text (variable));
  g_assert_cmpfloat (nexor_variable_get_confidence (variable), ==, -1.0);
  g_assert_null (nexor_variable_get_updated_at (variable));
  variable = nexor_lead_get_variable (lead, "empty");
  g_assert_nonnull (variable);
  g_assert_null (nexor_variable_dup_value (variable));
  g_assert_cmpfloat (nexor_variable_get_confidence (variable), ==, -1.0);

  nexor_test_assert_properties (lead);
}

/* 5. Unknown members at every level are ignored, and kept in dup_json. */
static void
test_unknown_fields (void)
{
  g_autoptr(NexorLead) lead = nexor_test_load_lead ("lead-unknown-fields.json");
  g_autoptr(JsonObject) lead_json = nexor_lead_dup_json (lead);
  g_autoptr(NexorTag) tag = NULL;
  g_autoptr(JsonObject) tag_json = NULL;
  g_autoptr(JsonObject) campaign_json = NULL;
  g_autoptr(JsonObject) run_json = NULL;
  g_autoptr(JsonObject) workflow_json = NULL;
  g_autoptr(JsonObject) status_json = NULL;
  g_autoptr(JsonObject) user_json = NULL;
  g_autoptr(JsonObject) variable_json = NULL;
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);
  NexorVariable *variable = nexor_lead_get_variable (lead, "edad");

  /* Parsed as usual. */
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, LEAD_ID);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  g_assert_cmpstr (nexor_workflow_run_get_id (run), ==, "7f1c2d3e-0000-4000-8000-000000000003");
  g_assert_true (nexor_workflow_run_get_is_active (run));
  g_assert_cmpstr (nexor_workflow_get_name (nexor_workflow_run_get_workflow (run)), ==, "Sales Pipeline");
  g_assert_cmpstr (nexor_workflow_status_get_key (nexor_workflow_run_get_current_status (run)), ==, "contacted");
  g_assert_cmpstr (nexor_user_get_name (nexor_lead_get_assigned_user (lead)), ==, "Ana");
  g_assert_cmpstr (nexor_campaign_get_name (nexor_lead_get_campaign (lead)), ==, "Q1 Campaign");
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 1);
  {
    g_autoptr(JsonNode) value = nexor_variable_dup_value (variable);

    g_assert_cmpint (json_node_get_int (value), ==, 35);
  }
  g_assert_cmpfloat (nexor_variable_get_confidence (variable), ==, 0.95);

  /* Kept as sent; the envelope's own extras are not members of the lead. */
  g_assert_false (json_object_has_member (lead_json, "request_id"));
  g_assert_false (json_object_has_member (lead_json, "meta"));
  g_assert_cmpstr (json_object_get_string_member (lead_json, "external_id"), ==, "647536392");
  g_assert_cmpfloat (json_object_get_double_member (lead_json, "score"), ==, 87.5);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (lead_json, "consent"), "whatsapp"));
  g_assert_true (json_object_has_member (lead_json, "last_history_at"));

  tag = g_list_model_get_item (nexor_lead_get_tags (lead), 0);
  g_assert_cmpstr (nexor_tag_get_slug (tag), ==, "vip");
  tag_json = nexor_tag_dup_json (tag);
  g_assert_cmpstr (json_object_get_string_member (tag_json, "color"), ==, "#ff0000");

  campaign_json = nexor_campaign_dup_json (nexor_lead_get_campaign (lead));
  g_assert_cmpstr (json_object_get_string_member (campaign_json, "channel"), ==, "whatsapp");

  run_json = nexor_workflow_run_dup_json (run);
  g_assert_cmpstr (json_object_get_string_member (run_json, "job_id"), ==, "job-123");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (run_json, "cadence"), "stepIndex"), ==, 2);

  workflow_json = nexor_workflow_dup_json (nexor_workflow_run_get_workflow (run));
  g_assert_true (json_object_has_member (workflow_json, "paused"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (workflow_json, "statuses")), ==, 2);

  status_json = nexor_workflow_status_dup_json (nexor_workflow_run_get_current_status (run));
  g_assert_false (json_object_get_boolean_member (status_json, "is_terminal"));
  g_assert_true (json_object_has_member (status_json, "transfer_config"));

  user_json = nexor_user_dup_json (nexor_lead_get_assigned_user (lead));
  g_assert_cmpstr (json_object_get_string_member (user_json, "role"), ==, "owner");

  variable_json = nexor_variable_dup_json (variable);
  g_assert_cmpstr (json_object_get_string_member (variable_json, "type"), ==, "integer");
  g_assert_cmpstr (json_object_get_string_member (variable_json, "source_message_id"), ==, "wamid.HBgL");

  nexor_test_assert_properties (lead);
}

/* Unknown members of the legacy bare lead are members of the lead itself; a
 * member that happens to be called "data" must not be taken for an envelope. */
static void
test_legacy_unknown_data_member (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead =
    nexor_test_lead_from_string ("{\"id\":\"" LEAD_ID "\",\"first_name\":\"Carlos\","
                                 "\"data\":{\"crm\":\"hubspot\"}}", &error);

  if (lead == NULL)
    {
      g_test_message ("bare lead with a \"data\" member: %s", error->message);
      g_test_fail_printf ("%s", "regression: _nexor_json_unwrap_envelope() takes a bare lead's "
                         "\"data\" member for a {\"data\": …} envelope");
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, LEAD_ID);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
}

/* The camelCase spellings of the schema text, in either shape. */
static void
test_alternative_spellings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = nexor_test_lead_from_string (
    "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\",\"firstName\":\"Carlos\",\"lastName\":\"Lopez\","
    "\"createdAt\":\"2026-02-10T12:00:00Z\",\"updatedAt\":\"2026-02-10T12:30:00Z\","
    "\"assignedUser\":{\"id\":\"u1\",\"name\":\"Ana\",\"avatarUrl\":\"https://example.com/a.png\"},"
    "\"activeWorkflowRun\":{\"id\":\"r1\",\"workflowId\":\"w1\",\"isActive\":true,\"humanTakeover\":true,"
    "\"cadenceState\":\"paused\",\"runStatus\":\"running\","
    "\"workflow\":{\"id\":\"w1\",\"name\":\"Sales\",\"goalType\":\"sale\"},"
    "\"currentStatus\":{\"id\":\"s1\",\"key\":\"new\"}}},"
    "\"variables\":{\"edad\":{\"value\":35,\"valueText\":\"35\",\"confidence\":1,"
    "\"updatedAt\":\"2026-02-10T13:00:00Z\"}}}", &error);
  NexorWorkflowRun *run;
  NexorVariable *variable;

  g_assert_no_error (error);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Lopez");
  nexor_test_assert_datetime (nexor_lead_get_created_at (lead), "2026-02-10T12:00:00Z");
  nexor_test_assert_datetime (nexor_lead_get_updated_at (lead), "2026-02-10T12:30:00Z");
  g_assert_cmpstr (nexor_user_get_avatar_url (nexor_lead_get_assigned_user (lead)), ==, "https://example.com/a.png");

  run = nexor_lead_get_active_workflow_run (lead);
  g_assert_cmpstr (nexor_workflow_run_get_workflow_id (run), ==, "w1");
  g_assert_true (nexor_workflow_run_get_is_active (run));
  g_assert_true (nexor_workflow_run_get_human_takeover (run));
  g_assert_cmpstr (nexor_workflow_run_get_cadence_state (run), ==, "paused");
  g_assert_cmpstr (nexor_workflow_run_get_run_status (run), ==, "running");
  g_assert_cmpstr (nexor_workflow_get_goal_type (nexor_workflow_run_get_workflow (run)), ==, "sale");
  g_assert_cmpstr (nexor_workflow_status_get_key (nexor_workflow_run_get_current_status (run)), ==, "new");

  variable = nexor_lead_get_variable (lead, "edad");
  g_assert_cmpstr (nexor_variable_get_value_text (variable), ==, "35");
  /* An integer confidence reads as a double. */
  g_assert_cmpfloat (nexor_variable_get_confidence (variable), ==, 1.0);
  nexor_test_assert_datetime (nexor_variable_get_updated_at (variable), "2026-02-10T13:00:00Z");

  nexor_test_assert_properties (lead);
}

/* The run's own workflow and status win over the hoisted legacy ones; a
 * snake_case current_status beside a legacy run is hoisted too. */
static void
test_legacy_hoisting_precedence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) own = nexor_test_lead_from_string (
    "{\"id\":\"" LEAD_ID "\","
    "\"activeWorkflowRun\":{\"id\":\"r1\",\"workflow\":{\"id\":\"inner\"},\"current_status\":{\"id\":\"inner\"}},"
    "\"workflow\":{\"id\":\"outer\"},\"currentStatus\":{\"id\":\"outer\"}}", &error);
  g_autoptr(NexorLead) snake = NULL;
  g_autoptr(NexorLead) no_run = NULL;
  NexorWorkflowRun *run;

  g_assert_no_error (error);
  run = nexor_lead_get_active_workflow_run (own);
  g_assert_cmpstr (nexor_workflow_get_id (nexor_workflow_run_get_workflow (run)), ==, "inner");
  g_assert_cmpstr (nexor_workflow_status_get_id (nexor_workflow_run_get_current_status (run)), ==, "inner");

  snake = nexor_test_lead_from_string (
    "{\"id\":\"" LEAD_ID "\",\"activeWorkflowRun\":{\"id\":\"r1\"},"
    "\"currentStatus\":null,\"current_status\":{\"id\":\"s1\",\"key\":\"new\"}}", &error);
  g_assert_no_error (error);
  run = nexor_lead_get_active_workflow_run (snake);
  g_assert_null (nexor_workflow_run_get_workflow (run));
  g_assert_cmpstr (nexor_workflow_status_get_key (nexor_workflow_run_get_current_status (run)), ==, "new");

  /* Without a run there is nowhere to hoist them to. */
  no_run = nexor_test_lead_from_string (
    "{\"id\":\"" LEAD_ID "\",\"activeWorkflowRun\":null,"
    "\"workflow\":{\"id\":\"w1\"},\"currentStatus\":{\"id\":\"s1\"}}", &error);
  g_assert_no_error (error);
  g_assert_null (nexor_lead_get_active_workflow_run (no_run));

  nexor_test_assert_properties (own);
  nexor_test_assert_properties (snake);
}

/* "variables" is accepted inside the lead too; beside it wins. */
static void
test_variables_placement (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) inside = nexor_test_lead_from_string (
    "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\",\"variables\":{\"a\":{\"value\":1}}}}", &error);
  g_autoptr(NexorLead) both = NULL;
  g_autoptr(NexorLead) legacy = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (nexor_lead_get_variable (inside, "a"));

  both = nexor_test_lead_from_string (
    "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\",\"variables\":{\"a\":{\"value\":1}}},"
    "\"variables\":{\"b\":{\"value\":2}}}", &error);
  g_assert_no_error (error);
  g_assert_null (nexor_lead_get_variable (both, "a"));
  g_assert_nonnull (nexor_lead_get_variable (both, "b"));

  legacy = nexor_test_lead_from_string (
    "{\"id\":\"" LEAD_ID "\",\"variables\":{\"c\":{\"value\":true}}}", &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) value = nexor_variable_dup_value (nexor_lead_get_variable (legacy, "c"));

    g_assert_true (json_node_get_boolean (value));
  }
}

/* Variables keep the server's order, whatever it is. */
static void
test_variables_order (void)
{
  static const char * const names[] = {
    "zeta", "alpha", "mu", "beta", "omega", "delta", "kappa", "epsilon", "iota", "gamma",
  };
  g_autoptr(GString) json = g_string_new ("{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\"},\"variables\":{");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  GListModel *variables;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (json, "%s\"%s\":{\"value\":%u,\"value_text\":\"%u\"}", i ? "," : "", names[i], i, i);
  g_string_append (json, "}}");

  lead = nexor_test_lead_from_string (json->str, &error);
  g_assert_no_error (error);
  variables = nexor_lead_get_variables (lead);
  g_assert_cmpuint (g_list_model_get_n_items (variables), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (variables, i);
      g_autoptr(JsonNode) value = nexor_variable_dup_value (variable);

      g_assert_cmpstr (nexor_variable_get_name (variable), ==, names[i]);
      g_assert_cmpint (json_node_get_int (value), ==, i);
    }
}

/* A copy of the variable's value, owned by @keep. */
static JsonNode *
value_of (GPtrArray  *keep,
          NexorLead  *lead,
          const char *name)
{
  JsonNode *value = nexor_variable_dup_value (nexor_lead_get_variable (lead, name));

  g_ptr_array_add (keep, value);
  return value;
}

/* Value types of variables are kept as sent. */
static void
test_variable_value_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = nexor_test_lead_from_string (
    "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\"},\"variables\":{"
    "\"int\":{\"value\":35},\"double\":{\"value\":12.5},\"bool\":{\"value\":false},"
    "\"string\":{\"value\":\"x\"},\"null\":{\"value\":null},"
    "\"array\":{\"value\":[\"a\",\"b\"]},\"object\":{\"value\":{\"k\":1}}}}", &error);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonNode *value;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 7);

  value = value_of (keep, lead, "int");
  g_assert_true (json_node_get_value_type (value) == G_TYPE_INT64);
  value = value_of (keep, lead, "double");
  g_assert_true (json_node_get_value_type (value) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (value), ==, 12.5);
  value = value_of (keep, lead, "bool");
  g_assert_true (json_node_get_value_type (value) == G_TYPE_BOOLEAN);
  value = value_of (keep, lead, "string");
  g_assert_cmpstr (json_node_get_string (value), ==, "x");
  /* A JSON null value reads as no value. */
  g_assert_null (nexor_variable_dup_value (nexor_lead_get_variable (lead, "null")));
  value = value_of (keep, lead, "array");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (value));
  value = value_of (keep, lead, "object");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (value));

  nexor_test_assert_properties (lead);
}

/* Date-times: UTC with Z, milliseconds (webhook style), an offset, no offset (read as UTC). */
static void
test_datetime_formats (void)
{
  static const struct {
    const char *sent;
    const char *instant;
  } cases[] = {
    { "2026-02-10T12:00:00Z", "2026-02-10T12:00:00Z" },
    { "2026-04-17T16:30:00.000Z", "2026-04-17T16:30:00Z" },
    { "2026-04-17T16:30:00.250Z", "2026-04-17T16:30:00.250Z" },
    { "2026-02-10T14:00:00+02:00", "2026-02-10T12:00:00Z" },
    { "2026-02-10T09:00:00-03:00", "2026-02-10T12:00:00Z" },
    { "2026-02-10T12:00:00", "2026-02-10T12:00:00Z" },
    /* Not the API's form, but what other servers send. */
    { "2026-02-10", "2026-02-10T00:00:00Z" },
    { "2026-02-10T12:00", "2026-02-10T12:00:00Z" },
    { "2026-02-10T14:00+02:00", "2026-02-10T12:00:00Z" },
    { "2026-02-10 12:00:00", "2026-02-10T12:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\":\"" LEAD_ID "\",\"created_at\":\"%s\"}", cases[i].sent);
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = nexor_test_lead_from_string (json, &error);

      g_assert_no_error (error);
      nexor_test_assert_datetime (nexor_lead_get_created_at (lead), cases[i].instant);
    }
}

/* 6. Wrong types: NULL and NEXOR_ERROR_INVALID_RESPONSE naming the member. */
typedef struct {
  const char *name;
  const char *json;
  const char *needle;  /* what the message must mention */
} BadCase;

#define LEAD(members) "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\"," members "}}"
#define RUN(members) LEAD ("\"active_workflow_run\":{\"id\":\"r1\"," members "}")
#define VARIABLES(members) "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\"},\"variables\":" members "}"

static const BadCase bad_cases[] = {
  { "id-number", "{\"success\":true,\"lead\":{\"id\":123}}", "id" },
  { "id-missing", "{\"success\":true,\"lead\":{\"first_name\":\"Carlos\"}}", "“id”" },
  { "id-null", "{\"success\":true,\"lead\":{\"id\":null}}", "“id”" },
  { "id-empty", "{\"success\":true,\"lead\":{\"id\":\"\"}}", "“id”" },
  { "lead-string", "{\"success\":true,\"lead\":\"" LEAD_ID "\"}", "lead" },
  { "lead-array", "{\"success\":true,\"lead\":[]}", "lead" },
  { "lead-null", "{\"success\":true,\"lead\":null}", "lead" },
  { "root-array", "[{\"id\":\"" LEAD_ID "\"}]", "an array" },
  { "root-number", "42", "a number" },
  { "root-string", "\"" LEAD_ID "\"", "a string" },
  { "root-null", "null", "null" },
  { "root-bool", "true", "a boolean" },
  { "success-false", "{\"success\":false}", "failure" },
  { "success-false-error", "{\"success\":false,\"error\":\"Not found\",\"message\":\"Lead not found\"}", "failure" },
  { "error-envelope", "{\"error\":\"Not found\",\"message\":\"Lead not found or does not belong to your account\"}", "“id”" },
  { "empty-object", "{}", "“id”" },
};

/* 6b. Optional members that cannot be read: the lead stands, the member is
 * left unset (an item of a list left out), a debug line names it as it was
 * sent, and it is still in dup_json(). */
typedef struct {
  const char *name;
  const char *json;
  const char *member;   /* as sent */
  gboolean in_lead;     /* FALSE: beside the lead, so not in its dup_json() */
} OddCase;

static const OddCase odd_cases[] = {
  { "first-name-number", LEAD ("\"first_name\":42"), "first_name", TRUE },
  { "first-name-object", LEAD ("\"first_name\":{}"), "first_name", TRUE },
  { "first-name-camel-number", LEAD ("\"firstName\":42"), "firstName", TRUE },
  { "last-name-bool", LEAD ("\"last_name\":true"), "last_name", TRUE },
  { "email-array", LEAD ("\"email\":[]"), "email", TRUE },
  { "tags-object", LEAD ("\"tags\":{}"), "tags", TRUE },
  { "tag-item-string", LEAD ("\"tags\":[\"vip\"]"), "tags", TRUE },
  { "tag-item-null", LEAD ("\"tags\":[null]"), "tags", TRUE },
  { "tag-id-missing", LEAD ("\"tags\":[{\"name\":\"VIP\"}]"), "tags", TRUE },
  { "tag-name-number", LEAD ("\"tags\":[{\"id\":\"t1\",\"name\":1}]"), "name", TRUE },
  { "campaign-string", LEAD ("\"campaign\":\"Q1 Campaign\""), "campaign", TRUE },
  { "campaign-id-missing", LEAD ("\"campaign\":{\"name\":\"Q1\"}"), "campaign", TRUE },
  { "run-array", LEAD ("\"active_workflow_run\":[]"), "active_workflow_run", TRUE },
  { "run-camel-array", LEAD ("\"activeWorkflowRun\":[]"), "activeWorkflowRun", TRUE },
  { "run-id-missing", LEAD ("\"active_workflow_run\":{\"is_active\":true}"), "active_workflow_run", TRUE },
  { "is-active-string", RUN ("\"is_active\":\"true\""), "is_active", TRUE },
  { "is-active-number", RUN ("\"is_active\":1"), "is_active", TRUE },
  { "human-takeover-string", RUN ("\"human_takeover\":\"no\""), "human_takeover", TRUE },
  { "run-status-number", RUN ("\"run_status\":3"), "run_status", TRUE },
  { "workflow-string", RUN ("\"workflow\":\"Sales\""), "workflow", TRUE },
  { "workflow-goal-type-array", RUN ("\"workflow\":{\"id\":\"w1\",\"goal_type\":[]}"), "goal_type", TRUE },
  { "status-number", RUN ("\"current_status\":7"), "current_status", TRUE },
  { "status-key-bool", RUN ("\"current_status\":{\"id\":\"s1\",\"key\":false}"), "key", TRUE },
  { "legacy-workflow-string", "{\"id\":\"" LEAD_ID "\",\"activeWorkflowRun\":{\"id\":\"r1\"},\"workflow\":\"x\"}", "workflow", TRUE },
  { "legacy-status-array", "{\"id\":\"" LEAD_ID "\",\"activeWorkflowRun\":{\"id\":\"r1\"},\"currentStatus\":[]}", "currentStatus", TRUE },
  { "legacy-status-color-number", "{\"id\":\"" LEAD_ID "\",\"activeWorkflowRun\":{\"id\":\"r1\"},"
    "\"currentStatus\":{\"id\":\"s1\",\"color\":3899126}}", "color", TRUE },
  { "assigned-user-string", LEAD ("\"assigned_user\":\"Ana\""), "assigned_user", TRUE },
  { "user-avatar-number", LEAD ("\"assigned_user\":{\"id\":\"u1\",\"avatar_url\":0}"), "avatar_url", TRUE },
  { "created-at-not-a-date", LEAD ("\"created_at\":\"not a date\""), "created_at", TRUE },
  { "created-at-camel-not-a-date", LEAD ("\"createdAt\":\"soon\""), "createdAt", TRUE },
  { "created-at-empty", LEAD ("\"created_at\":\"\""), "created_at", TRUE },
  { "created-at-number", LEAD ("\"created_at\":1770724800"), "created_at", TRUE },
  { "updated-at-invalid-day", LEAD ("\"updated_at\":\"2026-02-30\""), "updated_at", TRUE },
  { "metadata-array", LEAD ("\"metadata\":[]"), "metadata", TRUE },
  { "metadata-string", LEAD ("\"metadata\":\"{}\""), "metadata", TRUE },
  { "variables-array", VARIABLES ("[]"), "variables", FALSE },
  { "variables-string", VARIABLES ("\"edad\""), "variables", FALSE },
  { "variables-inside-lead-array", LEAD ("\"variables\":[1]"), "variables", TRUE },
  { "variable-number", VARIABLES ("{\"edad\":35}"), "edad", FALSE },
  { "variable-array", VARIABLES ("{\"edad\":[35]}"), "edad", FALSE },
  { "confidence-string", VARIABLES ("{\"edad\":{\"value\":35,\"confidence\":\"0.95\"}}"), "confidence", FALSE },
  { "value-text-number", VARIABLES ("{\"edad\":{\"value\":35,\"value_text\":35}}"), "value_text", FALSE },
  { "variable-updated-at-bad", VARIABLES ("{\"edad\":{\"updated_at\":\"yesterday\"}}"), "updated_at", FALSE },
};

static void
test_bad_case (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  g_test_message ("input: %s", bad->json);
  lead = nexor_test_lead_from_string (bad->json, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_test_message ("message: %s", error->message);
  nexor_test_assert_message_has (error, bad->needle);
}

static void
test_odd_case (gconstpointer data)
{
  const OddCase *odd = data;
  g_autoptr(GString) debug = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", odd->member);
  guint handler;

  g_test_message ("input: %s", odd->json);
  handler = nexor_test_capture_debug (debug);
  lead = nexor_test_lead_from_string (odd->json, &error);
  g_log_remove_handler ("Nexor", handler);

  g_assert_no_error (error);
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, LEAD_ID);
  nexor_test_assert_properties (lead);
  g_test_message ("debug: %s", debug->str);
  g_assert_nonnull (strstr (debug->str, quoted));

  if (odd->in_lead)
    {
      g_autoptr(JsonObject) raw = nexor_lead_dup_json (lead);
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), raw);
      g_autofree char *text = json_to_string (node, FALSE);
      g_autofree char *member = g_strdup_printf ("\"%s\":", odd->member);

      g_assert_nonnull (strstr (text, member));
    }
}

/* The same, calling _nexor_lead_new_from_json() directly. */
static void
test_new_from_json (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("get-lead-page.json");
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(NexorLead) no_variables = NULL;
  g_autoptr(NexorLead) bad = NULL;
  g_autoptr(JsonNode) bad_variables = nexor_test_parse_string ("{\"edad\":\"35\"}");

  lead = _nexor_lead_new_from_json (json_object_get_object_member (object, "lead"),
                                    json_object_get_object_member (object, "variables"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 2);

  no_variables = _nexor_lead_new_from_json (json_object_get_object_member (object, "lead"), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (no_variables)), ==, 0);

  /* A variable that cannot be read is left out. */
  bad = _nexor_lead_new_from_json (json_object_get_object_member (object, "lead"),
                                   json_node_get_object (bad_variables), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (bad)), ==, 0);
}


/* Strings from the server reach GObject string properties, which must be UTF-8. */
static void
test_strings_are_utf8 (void)
{
  static const char * const inputs[] = {
    /* json-glib 1.6 turns a lone high surrogate followed by a character into
     * invalid UTF-8 instead of failing. */
    "{\"id\":\"" LEAD_ID "\",\"first_name\":\"\\ud800x\"}",
    "{\"id\":\"" LEAD_ID "\",\"first_name\":\"\\udbff\\u0041\"}",
    /* Valid escapes must survive. */
    "{\"id\":\"" LEAD_ID "\",\"first_name\":\"\\ud83d\\ude00 Jos\\u00e9\"}",
  };
  guint invalid = 0;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = nexor_test_lead_from_string (inputs[i], &error);

      if (lead == NULL)
        {
          g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          continue;
        }

      if (!g_utf8_validate (nexor_lead_get_first_name (lead), -1, NULL))
        {
          g_test_message ("input %s gave a first name that is not UTF-8", inputs[i]);
          invalid++;
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = nexor_test_lead_from_string (inputs[2], &error);

    g_assert_no_error (error);
    g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "\xf0\x9f\x98\x80 Jos\xc3\xa9");
  }

  if (invalid > 0)
    g_test_fail_printf ("%s", "regression: string members are not checked for UTF-8; "
                       "json-glib 1.6 lets a lone \\ud800 escape through as invalid UTF-8");
}

/* 10. Nested objects outlive the lead and the parsed tree. */
static void
test_refcounting (void)
{
  g_autoptr(NexorWorkflowRun) run = NULL;
  g_autoptr(NexorWorkflow) workflow = NULL;
  g_autoptr(NexorWorkflowStatus) status = NULL;
  g_autoptr(NexorCampaign) campaign = NULL;
  g_autoptr(NexorUser) user = NULL;
  g_autoptr(GListModel) variables = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(NexorVariable) variable = NULL;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(JsonObject) lead_json = NULL;
  g_autoptr(GDateTime) created_at = NULL;

  {
    g_autoptr(JsonNode) root = nexor_test_load_json ("lead-unknown-fields.json");
    g_autoptr(NexorLead) lead = NULL;
    GWeakRef weak;
    g_autoptr(GError) error = NULL;

    lead = _nexor_lead_new_from_response (root, NULL, &error);
    g_assert_no_error (error);

    run = g_object_ref (nexor_lead_get_active_workflow_run (lead));
    workflow = g_object_ref (nexor_workflow_run_get_workflow (run));
    status = g_object_ref (nexor_workflow_run_get_current_status (run));
    campaign = g_object_ref (nexor_lead_get_campaign (lead));
    user = g_object_ref (nexor_lead_get_assigned_user (lead));
    variables = g_object_ref (nexor_lead_get_variables (lead));
    tags = g_object_ref (nexor_lead_get_tags (lead));
    variable = g_object_ref (nexor_lead_get_variable (lead, "edad"));
    value = nexor_variable_dup_value (variable);
    metadata = nexor_lead_dup_metadata (lead);
    lead_json = nexor_lead_dup_json (lead);
    created_at = g_date_time_ref (nexor_lead_get_created_at (lead));

    g_weak_ref_init (&weak, lead);
    g_clear_object (&lead);
    /* Nothing else held the lead. */
    g_assert_null (g_weak_ref_get (&weak));
    g_weak_ref_clear (&weak);
  }

  /* The lead and the parsed tree are gone; everything taken still works. */
  g_assert_cmpstr (nexor_workflow_run_get_id (run), ==, "7f1c2d3e-0000-4000-8000-000000000003");
  g_assert_true (nexor_workflow_run_get_workflow (run) == workflow);
  g_assert_cmpstr (nexor_workflow_get_name (workflow), ==, "Sales Pipeline");
  g_assert_cmpstr (nexor_workflow_status_get_label (status), ==, "Contacted");
  g_assert_cmpstr (nexor_campaign_get_name (campaign), ==, "Q1 Campaign");
  g_assert_cmpstr (nexor_user_get_email (user), ==, "ana@co.com");
  g_assert_cmpuint (g_list_model_get_n_items (variables), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 1);
  g_assert_cmpstr (nexor_variable_get_name (variable), ==, "edad");
  g_assert_cmpint (json_node_get_int (value), ==, 35);
  g_assert_null (metadata);
  g_assert_cmpstr (json_object_get_string_member (lead_json, "external_id"), ==, "647536392");
  nexor_test_assert_datetime (created_at, "2026-02-10T12:00:00Z");

  {
    g_autoptr(JsonObject) run_json = nexor_workflow_run_dup_json (run);

    g_assert_cmpstr (json_object_get_string_member (run_json, "job_id"), ==, "job-123");
  }

  /* Dropping the run leaves the workflow it held. */
  g_clear_object (&run);
  g_assert_cmpstr (nexor_workflow_get_goal_type (workflow), ==, "appointment");
  g_clear_object (&variables);
  g_assert_cmpfloat (nexor_variable_get_confidence (variable), ==, 0.95);
}

/* The metadata object outlives the lead too, and the legacy hoisted objects
 * outlive both the lead and the run. */
static void
test_refcounting_legacy (void)
{
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(NexorWorkflow) workflow = NULL;
  g_autoptr(NexorWorkflowStatus) status = NULL;

  {
    g_autoptr(NexorLead) lead = nexor_test_load_lead ("get-lead-legacy.json");
    NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);

    metadata = nexor_lead_dup_metadata (lead);
    workflow = g_object_ref (nexor_workflow_run_get_workflow (run));
    status = g_object_ref (nexor_workflow_run_get_current_status (run));
  }

  g_assert_cmpint (json_object_get_int_member (metadata, "edad"), ==, 35);
  g_assert_cmpstr (nexor_workflow_get_name (workflow), ==, "Sales Pipeline");
  g_assert_cmpstr (nexor_workflow_status_get_color (status), ==, "#3b82f6");
}

/* Parsing the same tree twice gives two independent leads. */
static void
test_parse_twice (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("get-lead-page.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) a = _nexor_lead_new_from_response (root, NULL, &error);
  g_autoptr(NexorLead) b = NULL;

  g_assert_no_error (error);
  b = _nexor_lead_new_from_response (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (a != b);
  g_assert_true (nexor_lead_get_active_workflow_run (a) != nexor_lead_get_active_workflow_run (b));
  g_clear_object (&a);
  g_assert_cmpstr (nexor_lead_get_first_name (b), ==, "Carlos");
  assert_leads_common_equal (b, b, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lead/current-shape", test_current_shape);
  g_test_add_func ("/lead/lists-read-only", test_lists_read_only);
  g_test_add_func ("/lead/legacy-shape", test_legacy_shape);
  g_test_add_func ("/lead/shapes-agree/documented-pages", test_shapes_agree);
  g_test_add_func ("/lead/shapes-agree/same-lead", test_shapes_agree_same_lead);
  g_test_add_func ("/lead/nulls/every-member", test_nulls);
  g_test_add_func ("/lead/nulls/missing-members", test_missing_members);
  g_test_add_func ("/lead/nulls/nested", test_nested_nulls);
  g_test_add_func ("/lead/unknown-fields/every-level", test_unknown_fields);
  g_test_add_func ("/lead/unknown-fields/legacy-data-member", test_legacy_unknown_data_member);
  g_test_add_func ("/lead/alternative-spellings", test_alternative_spellings);
  g_test_add_func ("/lead/legacy-hoisting-precedence", test_legacy_hoisting_precedence);
  g_test_add_func ("/lead/variables/placement", test_variables_placement);
  g_test_add_func ("/lead/variables/order", test_variables_order);
  g_test_add_func ("/lead/variables/value-types", test_variable_value_types);
  g_test_add_func ("/lead/datetime-formats", test_datetime_formats);
  g_test_add_func ("/lead/new-from-json", test_new_from_json);
  g_test_add_func ("/lead/strings-are-utf8", test_strings_are_utf8);
  g_test_add_func ("/lead/refcounting/nested-outlive-lead", test_refcounting);
  g_test_add_func ("/lead/refcounting/legacy", test_refcounting_legacy);
  g_test_add_func ("/lead/refcounting/parse-twice", test_parse_twice);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lead/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (odd_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lead/odd/%s", odd_cases[i].name);

      g_test_add_data_func (path, &odd_cases[i], test_odd_case);
    }

  return g_test_run ();
}
