/* test-desk-parsers.c: the lead-desk parsers over the documented examples,
 * and what the input objects put on the wire
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"

#include "nexor-assign-result-private.h"
#include "nexor-automation-result-private.h"
#include "nexor-bulk-create-result-private.h"
#include "nexor-create-lead-result-private.h"
#include "nexor-flag-private.h"
#include "nexor-pause-state-private.h"
#include "nexor-history-list-private.h"
#include "nexor-lead-input-private.h"
#include "nexor-meeting-private.h"
#include "nexor-status-change-private.h"
#include "nexor-tag-input-private.h"
#include "nexor-tag-private.h"
#include "nexor-tag-sync-result-private.h"
#include "nexor-team-member-private.h"

typedef gpointer (*ResponseParser) (JsonNode *root, NexorJsonDocument *document, GError **error);

/* Reads every property of @object (and of the objects and list items it
 * holds) so that a missing or mistyped property fails the test under
 * fatal warnings. */
static void
read_all_properties (GObject *object,
                     guint    depth)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);

      if (depth < 3 && G_VALUE_HOLDS_OBJECT (&value) && g_value_get_object (&value) != NULL)
        {
          GObject *inner = g_value_get_object (&value);

          if (G_IS_LIST_MODEL (inner))
            {
              guint items = g_list_model_get_n_items (G_LIST_MODEL (inner));

              for (guint j = 0; j < items; j++)
                {
                  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (inner), j);

                  read_all_properties (item, depth + 1);
                }
            }
          else
            read_all_properties (inner, depth + 1);
        }
    }
}

static gpointer
parse_fixture (const char     *name,
               ResponseParser  parse)
{
  g_autoptr(JsonNode) root = nexor_test_load_json (name);
  g_autoptr(GError) error = NULL;
  gpointer result = parse (root, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  read_all_properties (result, 0);
  return result;
}

static GError *
parse_failure (const char     *json,
               ResponseParser  parse)
{
  g_autoptr(JsonNode) root = nexor_test_parse_string (json);
  GError *error = NULL;
  gpointer result = parse (root, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return error;
}

/* Parses @json, which must succeed: what a reasonable server may send. */
static gpointer
parse_lenient (const char     *json,
               ResponseParser  parse)
{
  g_autoptr(JsonNode) root = nexor_test_parse_string (json);
  g_autoptr(GError) error = NULL;
  gpointer result = parse (root, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  read_all_properties (result, 0);
  return result;
}

static gpointer
list_parser_for (const char *member,
                 GType       type,
                 gpointer    parse,
                 JsonNode   *root,
                 GError    **error)
{
  return _nexor_json_unwrap_list (root, member, member, type, (NexorResourceParseFunc) parse, NULL, error);
}

static gpointer
parse_team (JsonNode           *root,
            NexorJsonDocument  *document,
            GError            **error)
{
  return list_parser_for ("team", NEXOR_TYPE_TEAM_MEMBER, _nexor_team_member_new_from_json, root, error);
}

static gpointer
parse_meetings (JsonNode           *root,
                NexorJsonDocument  *document,
                GError            **error)
{
  return list_parser_for ("meetings", NEXOR_TYPE_MEETING, _nexor_meeting_new_from_json, root, error);
}

static gpointer
parse_tags (JsonNode           *root,
            NexorJsonDocument  *document,
            GError            **error)
{
  return list_parser_for ("tags", NEXOR_TYPE_TAG, _nexor_tag_new_from_json, root, error);
}

static gpointer
parse_paused (JsonNode           *root,
              NexorJsonDocument  *document,
              GError            **error)
{
  return _nexor_pause_state_new_from_response (root, document, error);
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;  /* still owned by the list */
}

/* ---------------------------------------------------------------------------
 * Create
 * ------------------------------------------------------------------------- */

static void
test_create_lead (void)
{
  g_autoptr(NexorCreateLeadResult) result =
    parse_fixture ("desk-create-lead.json", (ResponseParser) _nexor_create_lead_result_new_from_response);
  NexorLead *lead = nexor_create_lead_result_get_lead (result);
  NexorWorkflowRunSummary *run = nexor_create_lead_result_get_workflow_run (result);
  NexorCadence *cadence;

  g_assert_cmpstr (nexor_lead_get_id (lead), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "John");
  g_assert_cmpstr (nexor_lead_get_phone (lead), ==, "+1234567890");
  g_assert_null (nexor_lead_get_company (lead));
  g_assert_null (nexor_lead_get_campaign_id (lead));
  nexor_test_assert_datetime (nexor_lead_get_created_at (lead), "2026-02-10T12:00:00Z");
  g_assert_false (nexor_create_lead_result_get_existed (result));

  g_assert_nonnull (run);
  g_assert_cmpstr (nexor_workflow_run_summary_get_id (run), ==, "uuid");
  g_assert_cmpstr (nexor_workflow_run_summary_get_job_id (run), ==, "job-123");
  g_assert_cmpstr (nexor_workflow_get_name (nexor_workflow_run_summary_get_workflow (run)), ==, "Sales Outreach");

  cadence = nexor_workflow_run_summary_get_cadence (run);
  g_assert_cmpint (nexor_cadence_get_step_index (cadence), ==, 0);
  g_assert_cmpstr (nexor_cadence_get_channel (cadence), ==, "call");
  g_assert_cmpint (nexor_cadence_get_attempt_number (cadence), ==, 1);
  g_assert_cmpint (nexor_cadence_get_max_attempts (cadence), ==, 3);
  g_assert_cmpint (nexor_cadence_get_total_steps (cadence), ==, 5);

  /* The camelCase members are kept as sent. */
  {
    g_autoptr(JsonObject) json = nexor_cadence_dup_json (cadence);

    g_assert_true (json_object_has_member (json, "attemptNumber"));
  }
}

static void
test_create_lead_without_workflow (void)
{
  g_autoptr(JsonNode) root = nexor_test_parse_string (
    "{\"success\":true,\"existed\":true,\"lead\":{\"id\":\"123e4567-e89b-12d3-a456-426614174000\","
    "\"first_name\":\"Ana\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorCreateLeadResult) result = _nexor_create_lead_result_new_from_response (root, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (nexor_create_lead_result_get_workflow_run (result));
  g_assert_true (nexor_create_lead_result_get_existed (result));
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_create_lead_result_get_lead (result)), ==, "Ana");
}

static void
test_create_lead_bad_shapes (void)
{
  g_autoptr(GError) missing = parse_failure ("{\"success\":true}",
                                             (ResponseParser) _nexor_create_lead_result_new_from_response);
  g_autoptr(GError) failed = parse_failure ("{\"success\":false,\"lead\":{\"id\":\"x\"}}",
                                            (ResponseParser) _nexor_create_lead_result_new_from_response);
  g_autoptr(GError) no_lead_id = parse_failure ("{\"lead\":{\"first_name\":\"A\"}}",
                                                (ResponseParser) _nexor_create_lead_result_new_from_response);
  g_autoptr(GError) lead_id_number = parse_failure ("{\"lead\":{\"id\":7}}",
                                                    (ResponseParser) _nexor_create_lead_result_new_from_response);
  /* Optional members that are not integers are left unset; the rest of the
   * cadence, and the answer, stand. */
  g_autoptr(NexorCreateLeadResult) odd = parse_lenient (
    "{\"lead\":{\"id\":\"a\"},\"workflow_run\":{\"id\":\"r\",\"cadence\":"
    "{\"stepIndex\":1.5,\"maxAttempts\":\"3\",\"totalSteps\":1e300,\"attemptNumber\":2.0,\"channel\":\"sms\"}}}",
    (ResponseParser) _nexor_create_lead_result_new_from_response);
  NexorCadence *cadence = nexor_workflow_run_summary_get_cadence (nexor_create_lead_result_get_workflow_run (odd));

  nexor_test_assert_message_has (missing, "lead");
  nexor_test_assert_message_has (failed, "success");
  nexor_test_assert_message_has (no_lead_id, "“id” is missing");
  nexor_test_assert_message_has (lead_id_number, "“id” should be a string");
  g_assert_cmpstr (nexor_lead_get_id (nexor_create_lead_result_get_lead (odd)), ==, "a");
  g_assert_cmpint (nexor_cadence_get_step_index (cadence), ==, 0);
  g_assert_cmpint (nexor_cadence_get_max_attempts (cadence), ==, 0);
  g_assert_cmpint (nexor_cadence_get_total_steps (cadence), ==, 0);
  g_assert_cmpint (nexor_cadence_get_attempt_number (cadence), ==, 2);
  g_assert_cmpstr (nexor_cadence_get_channel (cadence), ==, "sms");
}

static void
test_bulk_create (void)
{
  g_autoptr(NexorBulkCreateResult) result =
    parse_fixture ("desk-bulk-create.json", (ResponseParser) _nexor_bulk_create_result_new_from_response);
  GListModel *results = nexor_bulk_create_result_get_results (result);
  NexorBulkItemResult *item;

  g_assert_cmpint (nexor_bulk_create_result_get_created (result), ==, 2);
  g_assert_cmpint (nexor_bulk_create_result_get_failed (result), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  g_assert_true (g_list_model_get_item_type (results) == NEXOR_TYPE_BULK_ITEM_RESULT);

  item = item_at (results, 0);
  g_assert_cmpint (nexor_bulk_item_result_get_index (item), ==, 0);
  g_assert_true (nexor_bulk_item_result_get_success (item));
  g_assert_false (nexor_bulk_item_result_get_existed (item));
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_bulk_item_result_get_lead (item)), ==, "Ana");
  g_assert_null (nexor_bulk_item_result_get_error_message (item));

  item = item_at (results, 1);
  g_assert_cmpint (nexor_bulk_item_result_get_index (item), ==, 1);
  g_assert_false (nexor_bulk_item_result_get_success (item));
  g_assert_null (nexor_bulk_item_result_get_lead (item));
  g_assert_cmpstr (nexor_bulk_item_result_get_error_message (item), ==, "first_name is required");

  item = item_at (results, 2);
  g_assert_true (nexor_bulk_item_result_get_existed (item));
  g_assert_cmpstr (nexor_lead_get_id (nexor_bulk_item_result_get_lead (item)), ==,
                   "123e4567-e89b-12d3-a456-426614174000");
}

/* Counts the server leaves out are counted from the outcomes; an error may
 * also come as an object, and "success" may be left out. */
static void
test_bulk_create_variants (void)
{
  g_autoptr(JsonNode) root = nexor_test_parse_string (
    "{\"results\":[{\"index\":0,\"lead\":{\"id\":\"a\"}},"
    "{\"index\":1,\"error\":{\"message\":\"email is invalid\"}},"
    "{\"error\":\"no\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorBulkCreateResult) result = _nexor_bulk_create_result_new_from_response (root, NULL, &error);
  GListModel *results;

  g_assert_no_error (error);
  g_assert_cmpint (nexor_bulk_create_result_get_created (result), ==, 1);
  g_assert_cmpint (nexor_bulk_create_result_get_failed (result), ==, 2);
  results = nexor_bulk_create_result_get_results (result);
  g_assert_true (nexor_bulk_item_result_get_success (item_at (results, 0)));
  g_assert_cmpstr (nexor_bulk_item_result_get_error_message (item_at (results, 1)), ==, "email is invalid");
  g_assert_false (nexor_bulk_item_result_get_success (item_at (results, 1)));
  g_assert_cmpint (nexor_bulk_item_result_get_index (item_at (results, 2)), ==, -1);

  {
    /* An error that is no message is left unset, and the item failed only
     * if it says so; a success that is no boolean follows from the error;
     * an item that is not an object is left out. */
    g_autoptr(NexorBulkCreateResult) odd = parse_lenient (
      "{\"results\":[{\"error\":42,\"success\":false},{\"success\":\"yes\"},true,"
      "{\"success\":\"no\",\"error\":\"duplicate\"}]}",
      (ResponseParser) _nexor_bulk_create_result_new_from_response);
    GListModel *odd_results = nexor_bulk_create_result_get_results (odd);

    g_assert_cmpuint (g_list_model_get_n_items (odd_results), ==, 3);
    g_assert_null (nexor_bulk_item_result_get_error_message (item_at (odd_results, 0)));
    g_assert_false (nexor_bulk_item_result_get_success (item_at (odd_results, 0)));
    g_assert_true (nexor_bulk_item_result_get_success (item_at (odd_results, 1)));
    g_assert_false (nexor_bulk_item_result_get_success (item_at (odd_results, 2)));
    g_assert_cmpstr (nexor_bulk_item_result_get_error_message (item_at (odd_results, 2)), ==, "duplicate");
  }
}

/* ---------------------------------------------------------------------------
 * Update, assign, status, automation
 * ------------------------------------------------------------------------- */

static void
test_update_lead (void)
{
  g_autoptr(NexorLead) lead = parse_fixture ("desk-update-lead.json",
                                             (ResponseParser) _nexor_lead_new_from_response);
  g_autoptr(NexorLead) page = nexor_test_load_lead ("get-lead-page.json");

  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Rodriguez");
  g_assert_cmpstr (nexor_lead_get_phone (lead), ==, "+56987654321");
  g_assert_cmpstr (nexor_lead_get_campaign_id (lead), ==, "ad9fb3a6-0828-4286-b920-fda7592b21a9");
  g_assert_null (nexor_lead_get_campaign (lead));
  {
    g_autoptr(JsonObject) metadata = nexor_lead_dup_metadata (lead);

    g_assert_cmpstr (json_object_get_string_member (metadata, "broker_asociado"), ==, "Maria Gonzalez");
  }

  /* Get Lead's campaign object fills the same property. */
  g_assert_cmpstr (nexor_lead_get_campaign_id (page), ==, "uuid");
}

static void
test_assign_lead_workflow (void)
{
  g_autoptr(NexorAssignResult) result =
    parse_fixture ("desk-assign-workflow.json", (ResponseParser) _nexor_assign_result_new_from_response);
  NexorMovementType type = NEXOR_MOVEMENT_TYPE_UNKNOWN;

  g_assert_cmpstr (nexor_assign_result_get_workflow_run_id (result), ==, "550e8400-e29b-41d4-a716-446655440000");
  g_assert_cmpstr (nexor_assign_result_get_workflow_id (result), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpstr (nexor_assign_result_get_workflow_name (result), ==, "Premium Outreach");
  g_assert_cmpint (nexor_assign_result_get_movement_type (result), ==, NEXOR_MOVEMENT_TYPE_ENROLLMENT);
  g_assert_cmpstr (nexor_assign_result_get_movement_type_string (result), ==, "enrollment");
  g_assert_false (nexor_assign_result_get_paused (result));

  g_object_get (result, "movement-type", &type, NULL);
  g_assert_cmpint (type, ==, NEXOR_MOVEMENT_TYPE_ENROLLMENT);
}

static void
test_assign_lead_workflow_movements (void)
{
  static const struct {
    const char *json;
    NexorMovementType type;
    const char *string;
    gboolean paused;
  } cases[] = {
    { "{\"workflowRunId\":\"r\",\"movementType\":\"reassignment\",\"paused\":true}",
      NEXOR_MOVEMENT_TYPE_REASSIGNMENT, "reassignment", TRUE },
    /* A movement this version does not know is kept, never an error. */
    { "{\"workflowRunId\":\"r\",\"movementType\":\"transfer\",\"paused\":false}",
      NEXOR_MOVEMENT_TYPE_UNKNOWN, "transfer", FALSE },
    { "{\"workflow_run_id\":\"r\",\"movement_type\":\"enrollment\"}",
      NEXOR_MOVEMENT_TYPE_ENROLLMENT, "enrollment", FALSE },
    { "{\"workflowRunId\":\"r\"}", NEXOR_MOVEMENT_TYPE_UNKNOWN, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = nexor_test_parse_string (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorAssignResult) result = _nexor_assign_result_new_from_response (root, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (nexor_assign_result_get_workflow_run_id (result), ==, "r");
      g_assert_cmpint (nexor_assign_result_get_movement_type (result), ==, cases[i].type);
      g_assert_cmpstr (nexor_assign_result_get_movement_type_string (result), ==, cases[i].string);
      g_assert_cmpint (nexor_assign_result_get_paused (result), ==, cases[i].paused);
    }

  {
    /* Every member of an assignment is optional: one of the wrong type is
     * left unset. */
    g_autoptr(NexorAssignResult) odd = parse_lenient ("{\"paused\":\"no\",\"workflowRunId\":\"r\"}",
                                                      (ResponseParser) _nexor_assign_result_new_from_response);

    g_assert_false (nexor_assign_result_get_paused (odd));
    g_assert_cmpstr (nexor_assign_result_get_workflow_run_id (odd), ==, "r");
  }
}

static void
test_set_status (void)
{
  g_autoptr(NexorStatusChange) change =
    parse_fixture ("desk-set-status.json", (ResponseParser) _nexor_status_change_new_from_response);

  g_assert_true (nexor_status_change_get_changed (change));
  g_assert_cmpstr (nexor_status_change_get_previous_status (change), ==, "engaged");
  g_assert_cmpstr (nexor_status_change_get_new_status (change), ==, "qualified");
  g_assert_cmpstr (nexor_status_change_get_workflow_run_id (change), ==, "550e8400-e29b-41d4-a716-446655440000");
  g_assert_cmpstr (nexor_status_change_get_workflow_id (change), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_null (nexor_status_change_get_note (change));
}

static void
test_set_status_no_op (void)
{
  g_autoptr(JsonNode) root = nexor_test_parse_string (
    "{\"success\":true,\"changed\":false,\"previous_status\":null,\"new_status\":\"qualified\","
    "\"note\":\"Status was changed concurrently\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorStatusChange) change = _nexor_status_change_new_from_response (root, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (nexor_status_change_get_changed (change));
  g_assert_null (nexor_status_change_get_previous_status (change));
  g_assert_cmpstr (nexor_status_change_get_note (change), ==, "Status was changed concurrently");
  g_assert_null (nexor_status_change_get_workflow_run_id (change));

  {
    /* The run's ids are optional: one that is not a string is unset. */
    g_autoptr(NexorStatusChange) bad = parse_lenient ("{\"changed\":true,\"workflow_run\":{\"id\":7,\"workflow_id\":\"w\"}}",
                                                      (ResponseParser) _nexor_status_change_new_from_response);
    g_autoptr(NexorStatusChange) bad_run = parse_lenient ("{\"changed\":true,\"workflow_run\":[]}",
                                                          (ResponseParser) _nexor_status_change_new_from_response);
    g_autoptr(GError) array = parse_failure ("[]", (ResponseParser) _nexor_status_change_new_from_response);

    g_assert_null (nexor_status_change_get_workflow_run_id (bad));
    g_assert_cmpstr (nexor_status_change_get_workflow_id (bad), ==, "w");
    g_assert_true (nexor_status_change_get_changed (bad_run));
    g_assert_null (nexor_status_change_get_workflow_run_id (bad_run));
    nexor_test_assert_message_has (array, "status change");
  }
}

static void
test_automation (void)
{
  g_autoptr(NexorAutomationResult) stop =
    parse_fixture ("desk-stop-automation.json", (ResponseParser) _nexor_automation_result_new_from_response);
  g_autoptr(NexorAutomationResult) stopped =
    parse_fixture ("desk-stop-automation-already.json", (ResponseParser) _nexor_automation_result_new_from_response);
  g_autoptr(NexorAutomationResult) resume =
    parse_fixture ("desk-resume-automation.json", (ResponseParser) _nexor_automation_result_new_from_response);
  g_autoptr(NexorAutomationResult) running =
    parse_fixture ("desk-resume-automation-already.json", (ResponseParser) _nexor_automation_result_new_from_response);

  g_assert_cmpstr (nexor_automation_result_get_workflow_run_id (stop), ==, "run-uuid");
  g_assert_true (nexor_automation_result_get_cadence_paused (stop));
  g_assert_cmpint (nexor_automation_result_get_tasks_cancelled (stop), ==, 2);
  g_assert_false (nexor_automation_result_get_already_stopped (stop));

  g_assert_true (nexor_automation_result_get_already_stopped (stopped));
  g_assert_cmpint (nexor_automation_result_get_tasks_cancelled (stopped), ==, 0);
  g_assert_false (nexor_automation_result_get_cadence_paused (stopped));

  g_assert_false (nexor_automation_result_get_cadence_resumed (resume));
  g_assert_false (nexor_automation_result_get_already_running (resume));
  g_assert_true (nexor_automation_result_get_already_running (running));
  g_assert_cmpstr (nexor_automation_result_get_workflow_run_id (running), ==, "run-uuid");
}

static void
test_is_lead_paused (void)
{
  g_autoptr(JsonNode) root = nexor_test_load_json ("desk-is-paused.json");
  g_autoptr(JsonNode) paused = nexor_test_parse_string ("{\"success\":true,\"paused\":true}");
  g_autoptr(GError) error = NULL;

  g_autoptr(NexorPauseState) not_paused = _nexor_pause_state_new_from_response (root, NULL, &error);
  g_autoptr(NexorPauseState) taken = NULL;

  g_assert_no_error (error);
  g_assert_false (nexor_pause_state_get_paused (not_paused));
  taken = _nexor_pause_state_new_from_response (paused, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nexor_pause_state_get_paused (taken));

  {
    g_autoptr(GError) missing = parse_failure ("{\"success\":true}", parse_paused);
    g_autoptr(GError) wrong = parse_failure ("{\"paused\":\"true\"}", parse_paused);
    g_autoptr(GError) array = parse_failure ("[]", parse_paused);

    nexor_test_assert_message_has (missing, "paused");
    nexor_test_assert_message_has (wrong, "paused");
    nexor_test_assert_message_has (array, "array");
  }
}

/* ---------------------------------------------------------------------------
 * History and meetings
 * ------------------------------------------------------------------------- */

static void
test_history_page (void)
{
  g_autoptr(NexorHistoryPage) page =
    parse_fixture ("desk-history.json", (ResponseParser) _nexor_history_page_new_from_response);
  GListModel *items = _nexor_history_page_get_items (page);
  NexorHistoryItem *item;
  g_autoptr(JsonNode) buttons = NULL;

  g_assert_cmpint (_nexor_history_page_get_has_more (page), ==, 0);
  g_assert_cmpstr (nexor_lead_get_first_name (_nexor_history_page_get_lead (page)), ==, "John");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  for (guint i = 0; i < 5; i++)
    read_all_properties (item_at (items, i), 0);

  item = item_at (items, 0);
  g_assert_cmpint (nexor_history_item_get_item_type (item), ==, NEXOR_HISTORY_ITEM_TYPE_ACTIVITY);
  g_assert_cmpstr (nexor_history_item_get_type_string (item), ==, "activity");
  g_assert_null (nexor_history_item_get_id (item));
  g_assert_cmpstr (nexor_history_item_get_channel (item), ==, "system");
  g_assert_cmpstr (nexor_history_item_get_activity_type (item), ==, "workflow_assigned");
  g_assert_cmpstr (nexor_history_item_get_title (item), ==, "Assigned to Sales Outreach");
  g_assert_cmpstr (nexor_history_item_get_description (item), ==, "Lead enrolled via API");
  g_assert_cmpstr (nexor_history_item_get_actor_type (item), ==, "system");
  nexor_test_assert_datetime (nexor_history_item_get_timestamp (item), "2026-01-10T08:00:00Z");

  item = item_at (items, 1);
  g_assert_cmpint (nexor_history_item_get_item_type (item), ==, NEXOR_HISTORY_ITEM_TYPE_MESSAGE);
  g_assert_cmpstr (nexor_history_item_get_id (item), ==, "11111111-1111-1111-1111-111111111111");
  g_assert_cmpstr (nexor_history_item_get_direction (item), ==, "outbound");
  g_assert_cmpstr (nexor_history_item_get_message_type (item), ==, "template");
  g_assert_cmpstr (nexor_history_item_get_status (item), ==, "delivered");
  g_assert_cmpstr (nexor_history_item_get_provider_message_id (item), ==, "wamid.HBgL...");
  g_assert_null (nexor_history_item_get_media_url (item));
  g_assert_null (nexor_history_item_get_read_at (item));
  g_assert_null (nexor_history_item_dup_attachments (item));
  nexor_test_assert_datetime (nexor_history_item_get_sent_at (item), "2026-01-10T09:00:00Z");
  nexor_test_assert_datetime (nexor_history_item_get_delivered_at (item), "2026-01-10T09:00:05Z");
  buttons = nexor_history_item_dup_buttons (item);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (buttons));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (buttons), 0),
                                                  "text"), ==, "Book a call");

  item = item_at (items, 2);
  g_assert_cmpstr (nexor_history_item_get_direction (item), ==, "inbound");
  g_assert_cmpstr (nexor_history_item_get_reaction (item), ==, "👍");

  item = item_at (items, 3);
  g_assert_cmpint (nexor_history_item_get_item_type (item), ==, NEXOR_HISTORY_ITEM_TYPE_CALL_MISSED);
  g_assert_cmpstr (nexor_history_item_get_type_string (item), ==, "call_missed");
  g_assert_cmpstr (nexor_history_item_get_call_status (item), ==, "not_connected");
  g_assert_cmpstr (nexor_history_item_get_disconnection_reason (item), ==, "dial_no_answer");
  g_assert_cmpstr (nexor_history_item_get_provider_call_id (item), ==, "call_abc123");
  g_assert_cmpstr (nexor_history_item_get_content (item), ==, "Missed call — No answer");

  item = item_at (items, 4);
  g_assert_cmpint (nexor_history_item_get_item_type (item), ==, NEXOR_HISTORY_ITEM_TYPE_CALL);
  g_assert_cmpint (nexor_history_item_get_duration_seconds (item), ==, 185);
  g_assert_true (nexor_history_item_get_call_successful (item));
  g_assert_cmpstr (nexor_history_item_get_summary (item), ==,
                   "Discussed pricing tiers and scheduled a demo for next week");
  g_assert_cmpstr (nexor_history_item_get_recording_url (item), ==,
                   "https://storage.example.com/recordings/abc123.wav");
}

/* Kinds of entry this version does not know are kept, never an error. */
static void
test_history_unknown_types (void)
{
  g_autoptr(NexorHistoryPage) page =
    parse_fixture ("desk-history-unknown.json", (ResponseParser) _nexor_history_page_new_from_response);
  GListModel *items = _nexor_history_page_get_items (page);
  NexorHistoryItem *item;
  g_autoptr(JsonObject) json = NULL;
  NexorHistoryItemType type = NEXOR_HISTORY_ITEM_TYPE_CALL;

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpint (_nexor_history_page_get_has_more (page), ==, -1);
  g_assert_null (_nexor_history_page_get_lead (page));

  item = item_at (items, 0);
  g_assert_cmpint (nexor_history_item_get_item_type (item), ==, NEXOR_HISTORY_ITEM_TYPE_UNKNOWN);
  g_assert_cmpstr (nexor_history_item_get_type_string (item), ==, "email");
  g_assert_cmpstr (nexor_history_item_get_content (item), ==, "Your quote");
  json = nexor_history_item_dup_json (item);
  g_assert_cmpstr (json_object_get_string_member (json, "subject"), ==, "Quote #42");
  g_object_get (item, "item-type", &type, NULL);
  g_assert_cmpint (type, ==, NEXOR_HISTORY_ITEM_TYPE_UNKNOWN);

  item = item_at (items, 1);
  g_assert_cmpstr (nexor_history_item_get_type_string (item), ==, "sms");
  g_assert_cmpstr (nexor_history_item_get_channel (item), ==, "sms");
}

static void
test_history_shapes (void)
{
  g_autoptr(JsonNode) bare = nexor_test_parse_string ("[{\"type\":\"activity\"}]");
  g_autoptr(JsonNode) top = nexor_test_parse_string ("{\"history\":[],\"has_more\":true}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorHistoryPage) bare_page = _nexor_history_page_new_from_response (bare, NULL, &error);
  g_autoptr(NexorHistoryPage) top_page = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (_nexor_history_page_get_items (bare_page)), ==, 1);
  g_assert_cmpint (_nexor_history_page_get_has_more (bare_page), ==, -1);

  top_page = _nexor_history_page_new_from_response (top, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (_nexor_history_page_get_has_more (top_page), ==, 1);

  {
    g_autoptr(GError) not_array = parse_failure ("{\"history\":{}}",
                                                 (ResponseParser) _nexor_history_page_new_from_response);
    g_autoptr(GError) missing = parse_failure ("{\"success\":true}",
                                               (ResponseParser) _nexor_history_page_new_from_response);
    g_autoptr(GError) item = parse_failure ("{\"history\":[null]}",
                                            (ResponseParser) _nexor_history_page_new_from_response);
    /* Optional members that cannot be read are left unset, the item and the
     * page stand. */
    g_autoptr(NexorHistoryPage) odd = parse_lenient (
      "{\"history\":[{\"type\":\"call\",\"duration_seconds\":\"185\",\"timestamp\":\"yesterday\","
      "\"summary\":\"Talked\"}],\"pagination\":{\"has_more\":1}}",
      (ResponseParser) _nexor_history_page_new_from_response);
    NexorHistoryItem *odd_item = g_list_model_get_item (_nexor_history_page_get_items (odd), 0);

    nexor_test_assert_message_has (not_array, "history");
    nexor_test_assert_message_has (missing, "history");
    nexor_test_assert_message_has (item, "history");
    g_assert_cmpint (nexor_history_item_get_duration_seconds (odd_item), ==, 0);
    g_assert_null (nexor_history_item_get_timestamp (odd_item));
    g_assert_cmpstr (nexor_history_item_get_summary (odd_item), ==, "Talked");
    g_assert_cmpint (_nexor_history_page_get_has_more (odd), ==, -1);
    g_object_unref (odd_item);
  }
}

static void
test_meetings (void)
{
  g_autoptr(GListModel) meetings = parse_fixture ("desk-meetings.json", parse_meetings);
  NexorMeeting *meeting;

  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  meeting = item_at (meetings, 0);
  g_assert_cmpstr (nexor_meeting_get_id (meeting), ==, "event-uuid");
  g_assert_cmpstr (nexor_meeting_get_title (meeting), ==, "Investment Advisory - John Doe");
  nexor_test_assert_datetime (nexor_meeting_get_starts_at (meeting), "2026-04-10T15:00:00Z");
  nexor_test_assert_datetime (nexor_meeting_get_ends_at (meeting), "2026-04-10T15:30:00Z");
  g_assert_cmpint (nexor_meeting_get_duration_minutes (meeting), ==, 30);
  g_assert_cmpstr (nexor_meeting_get_timezone (meeting), ==, "America/Santiago");
  g_assert_cmpstr (nexor_meeting_get_status (meeting), ==, "scheduled");
  g_assert_cmpstr (nexor_meeting_get_meeting_url (meeting), ==, "https://meet.google.com/abc-xyz-123");
  g_assert_cmpstr (nexor_meeting_get_location_type (meeting), ==, "video");
  g_assert_null (nexor_meeting_get_location_details (meeting));
  g_assert_cmpstr (nexor_meeting_get_host_name (meeting), ==, "Maria Garcia");
  g_assert_cmpstr (nexor_meeting_get_meeting_type (meeting), ==, "Google Meet");
  g_assert_cmpstr (nexor_meeting_get_attendee_name (meeting), ==, "John Doe");
  g_assert_cmpstr (nexor_meeting_get_attendee_email (meeting), ==, "john@example.com");
  g_assert_false (nexor_meeting_get_confirmed_by_lead (meeting));
  g_assert_null (nexor_meeting_get_cancelled_at (meeting));
  g_assert_null (nexor_meeting_get_cancellation_reason (meeting));
  g_assert_null (nexor_meeting_get_no_show_reason (meeting));
  g_assert_null (nexor_meeting_get_outcome_notes (meeting));
  nexor_test_assert_datetime (nexor_meeting_get_created_at (meeting), "2026-04-08T10:00:00Z");
}

/* ---------------------------------------------------------------------------
 * Tags and team
 * ------------------------------------------------------------------------- */

static void
test_tag_sync (void)
{
  g_autoptr(NexorTagSyncResult) result =
    parse_fixture ("desk-tag-sync.json", (ResponseParser) _nexor_tag_sync_result_new_from_response);
  const char * const *added = nexor_tag_sync_result_get_added (result);
  const char * const *removed = nexor_tag_sync_result_get_removed (result);
  GListModel *tags = nexor_tag_sync_result_get_tags (result);
  g_auto(GStrv) added_prop = NULL;

  g_assert_cmpstr (nexor_tag_sync_result_get_lead_id (result), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
  g_assert_cmpstr (nexor_tag_get_slug (item_at (tags, 1)), ==, "follow-up");
  g_assert_cmpuint (g_strv_length ((GStrv) added), ==, 1);
  g_assert_cmpstr (added[0], ==, "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa");
  g_assert_cmpuint (g_strv_length ((GStrv) removed), ==, 1);
  g_assert_cmpstr (removed[0], ==, "cccccccc-cccc-cccc-cccc-cccccccccccc");

  g_object_get (result, "added", &added_prop, NULL);
  g_assert_cmpstrv (added_prop, added);

  {
    g_autoptr(JsonNode) root = nexor_test_parse_string ("{\"success\":true,\"tags\":[]}");
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorTagSyncResult) empty = _nexor_tag_sync_result_new_from_response (root, NULL, &error);
    /* Ids that are not strings are left out; a list that is not a list
     * reads as empty. */
    g_autoptr(NexorTagSyncResult) bad = parse_lenient ("{\"added\":[1,\"t\"]}",
                                                       (ResponseParser) _nexor_tag_sync_result_new_from_response);
    g_autoptr(NexorTagSyncResult) bad_removed = parse_lenient ("{\"removed\":\"x\"}",
                                                               (ResponseParser) _nexor_tag_sync_result_new_from_response);

    g_assert_no_error (error);
    g_assert_nonnull (nexor_tag_sync_result_get_added (empty));
    g_assert_null (nexor_tag_sync_result_get_added (empty)[0]);
    g_assert_null (nexor_tag_sync_result_get_removed (empty)[0]);
    g_assert_cmpstr (nexor_tag_sync_result_get_added (bad)[0], ==, "t");
    g_assert_null (nexor_tag_sync_result_get_added (bad)[1]);
    g_assert_null (nexor_tag_sync_result_get_removed (bad_removed)[0]);
  }
}

static void
test_tags (void)
{
  g_autoptr(GListModel) lead_tags = parse_fixture ("desk-lead-tags.json", parse_tags);
  g_autoptr(GListModel) tags = parse_fixture ("desk-tags.json", parse_tags);
  NexorTag *tag;

  g_assert_cmpuint (g_list_model_get_n_items (lead_tags), ==, 1);
  tag = item_at (lead_tags, 0);
  g_assert_cmpstr (nexor_tag_get_name (tag), ==, "VIP Client");
  g_assert_null (nexor_tag_get_description (tag));
  g_assert_null (nexor_tag_get_created_at (tag));

  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
  tag = item_at (tags, 0);
  g_assert_cmpstr (nexor_tag_get_id (tag), ==, "40018446-5928-4f8d-8c39-4abc460f126c");
  g_assert_cmpstr (nexor_tag_get_slug (tag), ==, "vip-client");
  g_assert_cmpstr (nexor_tag_get_description (tag), ==, "High-priority leads");
  nexor_test_assert_datetime (nexor_tag_get_created_at (tag), "2026-01-15T09:00:00Z");
  tag = item_at (tags, 1);
  g_assert_null (nexor_tag_get_description (tag));
  nexor_test_assert_datetime (nexor_tag_get_updated_at (tag), "2026-01-20T17:30:00Z");

  {
    g_autoptr(GError) object = parse_failure ("{\"data\":{}}", parse_tags);
    g_autoptr(GError) failed = parse_failure ("{\"success\":false,\"data\":[]}", parse_tags);

    nexor_test_assert_message_has (object, "data");
    nexor_test_assert_message_has (failed, "success");
  }
}

static void
test_tag_envelopes (void)
{
  g_autoptr(JsonNode) created = nexor_test_load_json ("desk-create-tag.json");
  g_autoptr(JsonNode) deleted = nexor_test_load_json ("desk-delete-tag.json");
  g_autoptr(JsonNode) refused = nexor_test_parse_string ("{\"success\":false}");
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  g_autoptr(NexorTag) tag = NULL;

  object = _nexor_json_unwrap_envelope (created, "tag", "tag", &error);
  g_assert_no_error (error);
  tag = _nexor_tag_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_tag_get_id (tag), ==, "3fb2d57d-4349-4a7d-a474-418a7cd2a17c");
  g_assert_cmpstr (nexor_tag_get_description (tag), ==, "High-priority leads");
  g_assert_null (nexor_tag_get_updated_at (tag));

  g_assert_true (_nexor_flag_take_value (_nexor_flag_new_from_success (deleted, "tag deletion", &error)));
  g_assert_no_error (error);
  g_assert_false (_nexor_flag_take_value (_nexor_flag_new_from_success (refused, "tag deletion", &error)));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
}

static void
test_team (void)
{
  g_autoptr(GListModel) team = parse_fixture ("desk-team.json", parse_team);
  NexorTeamMember *member;

  g_assert_true (g_list_model_get_item_type (team) == NEXOR_TYPE_TEAM_MEMBER);
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, 2);
  member = item_at (team, 0);
  g_assert_cmpstr (nexor_team_member_get_id (member), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpstr (nexor_team_member_get_name (member), ==, "Pepper Potts");
  g_assert_cmpstr (nexor_team_member_get_email (member), ==, "pepper@starkindustries.com");
  g_assert_cmpstr (nexor_team_member_get_external_id (member), ==, "647536392");
  member = item_at (team, 1);
  g_assert_null (nexor_team_member_get_name (member));
  g_assert_null (nexor_team_member_get_external_id (member));

  {
    g_autoptr(GError) no_id = parse_failure ("{\"team\":[{\"name\":\"x\"}]}", parse_team);
    g_autoptr(GError) missing = parse_failure ("{\"success\":true}", parse_team);

    nexor_test_assert_message_has (no_id, "id");
    nexor_test_assert_message_has (missing, "team");
  }
}

/* ---------------------------------------------------------------------------
 * Inputs
 * ------------------------------------------------------------------------- */

static void
assert_json_equal (JsonNode   *actual,
                   const char *expected_json)
{
  g_autoptr(JsonNode) expected = nexor_test_parse_string (expected_json);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *text = json_to_string (actual, FALSE);

      g_error ("JSON differs: got %s, expected %s", text, expected_json);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_lead_input_set_null_unset (void)
{
  g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
  g_autoptr(JsonNode) empty = _nexor_lead_input_to_json (input);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) after_unset = NULL;
  g_autofree char *title = NULL;
  guint notified = 0;

  assert_json_equal (empty, "{}");
  g_assert_false (nexor_lead_input_is_set (input, "title"));
  g_assert_false (nexor_lead_input_is_null (input, "title"));

  g_signal_connect (input, "notify", G_CALLBACK (count_notify), &notified);

  nexor_lead_input_set_first_name (input, "Ana");
  nexor_lead_input_set_title (input, NULL);
  g_object_set (input, "email", "ana@example.com", NULL);
  g_assert_cmpuint (notified, ==, 3);

  /* Setting the same value again is not a change. */
  nexor_lead_input_set_first_name (input, "Ana");
  nexor_lead_input_set_title (input, NULL);
  g_assert_cmpuint (notified, ==, 3);

  g_assert_true (nexor_lead_input_is_set (input, "title"));
  g_assert_true (nexor_lead_input_is_null (input, "title"));
  g_assert_null (nexor_lead_input_get_title (input));
  g_assert_false (nexor_lead_input_is_null (input, "first_name"));
  g_object_get (input, "title", &title, NULL);
  g_assert_null (title);

  body = _nexor_lead_input_to_json (input);
  assert_json_equal (body, "{\"first_name\":\"Ana\",\"email\":\"ana@example.com\",\"title\":null}");

  nexor_lead_input_unset (input, "title");
  nexor_lead_input_unset (input, "phone");  /* never set: no change */
  g_assert_cmpuint (notified, ==, 4);
  g_assert_false (nexor_lead_input_is_set (input, "title"));
  after_unset = _nexor_lead_input_to_json (input);
  assert_json_equal (after_unset, "{\"first_name\":\"Ana\",\"email\":\"ana@example.com\"}");
}

static void
test_lead_input_properties (void)
{
  g_autoptr(JsonObject) metadata = json_object_new ();
  g_autoptr(JsonObject) first = json_object_new ();
  g_autoptr(NexorLeadInput) input = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonArray *sizes = json_array_new ();

  json_object_set_int_member (metadata, "edad", 35);
  json_array_add_int_element (sizes, 1);
  json_object_set_array_member (metadata, "sizes", sizes);
  json_object_set_string_member (first, "channel", "whatsapp");
  json_object_set_string_member (first, "content", "Hola");

  /* What bindings do: properties at construction. */
  input = g_object_new (NEXOR_TYPE_LEAD_INPUT,
                        "first-name", "Ana",
                        "last-name", "Soto",
                        "phone", "+56912345678",
                        "company", "Acme",
                        "source", "website",
                        "campaign-id", "ad9fb3a6-0828-4286-b920-fda7592b21a9",
                        "workflow-id", "4aca1485-3259-4b0d-a4d0-51cff048729e",
                        "external-id", "crm-1",
                        "metadata", metadata,
                        "force-first-message", first,
                        NULL);

  /* The input keeps a copy: later changes to the caller's object stay out. */
  json_object_set_string_member (metadata, "late", "no");
  json_array_add_int_element (sizes, 2);

  body = _nexor_lead_input_to_json (input);
  assert_json_equal (body,
                     "{\"first_name\":\"Ana\",\"last_name\":\"Soto\",\"phone\":\"+56912345678\","
                     "\"company\":\"Acme\",\"source\":\"website\","
                     "\"campaign_id\":\"ad9fb3a6-0828-4286-b920-fda7592b21a9\","
                     "\"workflow_id\":\"4aca1485-3259-4b0d-a4d0-51cff048729e\",\"external_id\":\"crm-1\","
                     "\"metadata\":{\"edad\":35,\"sizes\":[1]},"
                     "\"force_first_message\":{\"channel\":\"whatsapp\",\"content\":\"Hola\"}}");

  /* The body follows the order of the properties, whatever the order of the calls. */
  {
    JsonObject *object = json_node_get_object (body);
    g_autoptr(GList) names = json_object_get_members (object);

    g_assert_cmpstr (names->data, ==, "first_name");
    g_assert_cmpstr (g_list_last (names)->data, ==, "force_first_message");
  }

  /* The getter and the property hand out copies: changing one changes nothing. */
  {
    g_autoptr(JsonObject) copy = nexor_lead_input_dup_metadata (input);
    g_autoptr(JsonObject) other = nexor_lead_input_dup_metadata (input);
    g_autoptr(JsonObject) from_property = NULL;
    g_autoptr(JsonObject) first_copy = nexor_lead_input_dup_force_first_message (input);
    g_autoptr(JsonNode) again = NULL;
    g_autofree char *sent = json_to_string (body, FALSE);

    g_assert_cmpint (json_object_get_int_member (copy, "edad"), ==, 35);
    g_assert_true (copy != other);
    json_object_set_int_member (copy, "edad", 99);
    json_object_remove_member (other, "sizes");
    g_object_get (input, "metadata", &from_property, NULL);
    json_object_set_string_member (from_property, "late", "no");
    json_object_set_string_member (first_copy, "channel", "email");

    again = _nexor_lead_input_to_json (input);
    assert_json_equal (again, sent);
  }
  g_assert_cmpstr (nexor_lead_input_get_workflow_id (input), ==, "4aca1485-3259-4b0d-a4d0-51cff048729e");

  nexor_lead_input_set_metadata (input, NULL);
  g_assert_true (nexor_lead_input_is_null (input, "metadata"));
  g_assert_null (nexor_lead_input_dup_metadata (input));

  read_all_properties (G_OBJECT (input), 0);
}

static void
assert_lead_input_refused (NexorLeadInput        *input,
                           NexorLeadInputPurpose  purpose,
                           const char            *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (_nexor_lead_input_check (input, purpose, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  nexor_test_assert_message_has (error, needle);
}

static void
test_lead_input_checks (void)
{
  g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) first = json_object_new ();

  /* Create needs a first name; update does not. */
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_CREATE, "first-name");
  g_assert_true (_nexor_lead_input_check (input, NEXOR_LEAD_INPUT_UPDATE, &error));
  g_assert_no_error (error);

  nexor_lead_input_set_first_name (input, NULL);
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_CREATE, "null");
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_UPDATE, "null");
  nexor_lead_input_set_first_name (input, " \t");
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_CREATE, "empty");
  nexor_lead_input_set_first_name (input, "Ana");
  g_assert_true (_nexor_lead_input_check (input, NEXOR_LEAD_INPUT_CREATE, &error));

  /* Ids in the body are the server's to judge; null leaves the campaign. */
  nexor_lead_input_set_campaign_id (input, NULL);
  g_assert_true (_nexor_lead_input_check (input, NEXOR_LEAD_INPUT_UPDATE, &error));
  g_assert_no_error (error);

  json_object_set_string_member (first, "channel", "email");
  nexor_lead_input_set_force_first_message (input, first);
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_CREATE, "workflow-id");
  nexor_lead_input_set_workflow_id (input, "4aca1485-3259-4b0d-a4d0-51cff048729e");
  g_assert_true (_nexor_lead_input_check (input, NEXOR_LEAD_INPUT_CREATE, &error));
  g_assert_no_error (error);

  /* Update does not take creation-only members. */
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_UPDATE, "workflow-id");
  nexor_lead_input_unset (input, "workflow_id");  /* the C spelling works too */
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_UPDATE, "force-first-message");
  nexor_lead_input_unset (input, "force-first-message");
  g_assert_true (_nexor_lead_input_check (input, NEXOR_LEAD_INPUT_UPDATE, &error));

  /* Invalid UTF-8 would make the body invalid JSON. */
  nexor_lead_input_set_company (input, "Caf\xe9");
  assert_lead_input_refused (input, NEXOR_LEAD_INPUT_UPDATE, "UTF-8");
}

static void
test_tag_input (void)
{
  g_autoptr(NexorTagInput) input = g_object_new (NEXOR_TYPE_TAG_INPUT, "name", "VIP Client", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_assert_false (_nexor_tag_input_check (input, NEXOR_TAG_INPUT_CREATE, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  nexor_test_assert_message_has (error, "slug");
  g_clear_error (&error);
  g_assert_true (_nexor_tag_input_check (input, NEXOR_TAG_INPUT_UPDATE, &error));
  g_assert_no_error (error);

  nexor_tag_input_set_slug (input, "vip-client");
  nexor_tag_input_set_description (input, NULL);
  g_assert_true (_nexor_tag_input_check (input, NEXOR_TAG_INPUT_CREATE, &error));
  body = _nexor_tag_input_to_json (input);
  assert_json_equal (body, "{\"name\":\"VIP Client\",\"slug\":\"vip-client\",\"description\":null}");

  nexor_tag_input_set_slug (input, NULL);
  g_assert_false (_nexor_tag_input_check (input, NEXOR_TAG_INPUT_UPDATE, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  nexor_test_assert_message_has (error, "slug");

  nexor_tag_input_unset (input, "slug");
  g_assert_false (nexor_tag_input_is_set (input, "slug"));
  read_all_properties (G_OBJECT (input), 0);
}


/* ---------------------------------------------------------------------------
 * Optional members a reasonable server may send oddly (tests/data/lenient-*):
 * dates without a time or an offset and integral floats are read; what still
 * cannot be read is left unset (items of lists left out), with a debug line
 * naming it. Answers without what makes them usable still fail
 * (tests/data/strict-*).
 * ------------------------------------------------------------------------- */

static gpointer
parse_lead_response (JsonNode           *root,
                     NexorJsonDocument  *document,
                     GError            **error)
{
  return _nexor_lead_new_from_response (root, document, error);
}

/* parse_fixture(), also asserting that the debug log names each of @members. */
static gpointer
parse_fixture_skipping (const char         *name,
                        ResponseParser      parse,
                        const char * const *members)
{
  g_autoptr(GString) debug = g_string_new (NULL);
  guint handler = nexor_test_capture_debug (debug);
  gpointer result = parse_fixture (name, parse);

  g_log_remove_handler ("Nexor", handler);
  g_test_message ("%s", debug->str);
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", members[i]);

      if (strstr (debug->str, quoted) == NULL)
        g_error ("no debug line names %s", quoted);
    }

  return result;
}

static void
test_lenient_lead (void)
{
  static const char * const skipped[] = {
    "last_name", "metadata", "tags", "campaign", "is_active", "color", "confidence", "score", NULL,
  };
  g_autoptr(NexorLead) lead = parse_fixture_skipping ("lenient-lead.json", parse_lead_response, skipped);
  g_autoptr(JsonObject) raw = nexor_lead_dup_json (lead);
  GListModel *tags;
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);
  g_autoptr(NexorTag) tag = NULL;
  g_autoptr(NexorTag) late_tag = NULL;
  g_autoptr(NexorVariable) edad = NULL;
  g_autoptr(NexorVariable) broker = NULL;
  g_autoptr(JsonObject) broker_raw = NULL;

  g_assert_cmpstr (nexor_lead_get_id (lead), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  /* Read: a date-time without an offset is UTC, a date alone is midnight UTC. */
  nexor_test_assert_datetime (nexor_lead_get_created_at (lead), "2024-01-15T10:30:00Z");
  nexor_test_assert_datetime (nexor_lead_get_updated_at (lead), "2024-01-15T00:00:00Z");
  /* Unset, and still in the raw JSON. */
  g_assert_null (nexor_lead_get_last_name (lead));
  g_assert_null (nexor_lead_dup_metadata (lead));
  g_assert_null (nexor_lead_get_campaign (lead));
  g_assert_cmpint (json_object_get_int_member (raw, "last_name"), ==, 42);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (raw, "metadata")));
  g_assert_true (json_object_has_member (raw, "campaign"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (raw, "tags")), ==, 4);

  /* Tags without an id, or that are no object, are left out. */
  tags = nexor_lead_get_tags (lead);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
  tag = g_list_model_get_item (tags, 0);
  late_tag = g_list_model_get_item (tags, 1);
  g_assert_cmpstr (nexor_tag_get_id (tag), ==, "t1");
  nexor_test_assert_datetime (nexor_tag_get_created_at (tag), "2024-01-15T00:00:00Z");
  nexor_test_assert_datetime (nexor_tag_get_updated_at (tag), "2024-01-15T10:30:00Z");
  g_assert_cmpstr (nexor_tag_get_id (late_tag), ==, "t2");
  g_assert_null (nexor_tag_get_created_at (late_tag));

  g_assert_cmpstr (nexor_workflow_run_get_id (run), ==, "r1");
  g_assert_false (nexor_workflow_run_get_is_active (run));
  g_assert_cmpstr (nexor_workflow_status_get_key (nexor_workflow_run_get_current_status (run)), ==, "qualified");
  g_assert_null (nexor_workflow_status_get_color (nexor_workflow_run_get_current_status (run)));

  /* Variables: one that is no object is left out, the others keep what
   * can be read. */
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 2);
  edad = g_list_model_get_item (nexor_lead_get_variables (lead), 0);
  broker = g_list_model_get_item (nexor_lead_get_variables (lead), 1);
  g_assert_cmpstr (nexor_variable_get_name (edad), ==, "edad");
  nexor_test_assert_datetime (nexor_variable_get_updated_at (edad), "2024-01-15T00:00:00Z");
  g_assert_cmpfloat (nexor_variable_get_confidence (edad), ==, 0.95);
  g_assert_cmpstr (nexor_variable_get_name (broker), ==, "broker_asociado");
  g_assert_cmpfloat (nexor_variable_get_confidence (broker), ==, -1.0);
  g_assert_null (nexor_variable_get_updated_at (broker));
  broker_raw = nexor_variable_dup_json (broker);
  g_assert_cmpstr (json_object_get_string_member (broker_raw, "confidence"), ==, "high");
}

static void
test_lenient_history (void)
{
  static const char * const skipped[] = {
    "duration_seconds", "timestamp", "call_successful", "read_at", "content", "has_more", NULL,
  };
  g_autoptr(NexorHistoryPage) page = parse_fixture_skipping ("lenient-history.json",
                                                             (ResponseParser) _nexor_history_page_new_from_response,
                                                             skipped);
  GListModel *items = _nexor_history_page_get_items (page);
  static const struct {
    const char *timestamp;  /* NULL: unset */
    int duration;
  } expected[] = {
    { "2024-01-15T10:30:00Z", 12 },   /* 12.0 is an integer */
    { "2024-01-15T00:00:00Z", 0 },    /* 12.5 is not */
    { "2024-01-15T10:30:00Z", 0 },    /* nor is 1e300 */
    { NULL, 0 },                      /* "185" is a string, "yesterday" no date */
  };

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(NexorHistoryItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (nexor_history_item_get_duration_seconds (item), ==, expected[i].duration);
      if (expected[i].timestamp != NULL)
        nexor_test_assert_datetime (nexor_history_item_get_timestamp (item), expected[i].timestamp);
      else
        g_assert_null (nexor_history_item_get_timestamp (item));
    }

  {
    g_autoptr(NexorHistoryItem) call = g_list_model_get_item (items, 0);
    g_autoptr(NexorHistoryItem) odd_call = g_list_model_get_item (items, 3);
    g_autoptr(NexorHistoryItem) message = g_list_model_get_item (items, 4);
    g_autoptr(JsonObject) raw = nexor_history_item_dup_json (odd_call);

    g_assert_true (nexor_history_item_get_call_successful (call));
    g_assert_false (nexor_history_item_get_call_successful (odd_call));
    g_assert_cmpstr (json_object_get_string_member (raw, "duration_seconds"), ==, "185");
    nexor_test_assert_datetime (nexor_history_item_get_sent_at (message), "2024-01-15T00:00:00Z");
    g_assert_null (nexor_history_item_get_read_at (message));
    g_assert_null (nexor_history_item_get_content (message));
    g_assert_cmpstr (nexor_history_item_get_summary (message), ==, "kept");
  }

  /* "has_more": "no" is unknown, as if it were not sent. */
  g_assert_cmpint (_nexor_history_page_get_has_more (page), ==, -1);
}

static void
test_lenient_meetings (void)
{
  static const char * const skipped[] = {
    "confirmed_by_lead", "title", "starts_at", "duration_minutes", "created_at", NULL,
  };
  g_autoptr(GListModel) meetings = parse_fixture_skipping ("lenient-meetings.json", parse_meetings, skipped);
  g_autoptr(NexorMeeting) first = g_list_model_get_item (meetings, 0);
  g_autoptr(NexorMeeting) second = g_list_model_get_item (meetings, 1);

  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);
  nexor_test_assert_datetime (nexor_meeting_get_starts_at (first), "2024-01-15T00:00:00Z");
  nexor_test_assert_datetime (nexor_meeting_get_ends_at (first), "2024-01-15T10:30:00Z");
  g_assert_cmpint (nexor_meeting_get_duration_minutes (first), ==, 30);
  g_assert_false (nexor_meeting_get_confirmed_by_lead (first));
  g_assert_cmpstr (nexor_meeting_get_id (second), ==, "e2");
  g_assert_null (nexor_meeting_get_title (second));
  g_assert_null (nexor_meeting_get_starts_at (second));
  g_assert_cmpint (nexor_meeting_get_duration_minutes (second), ==, 0);
  g_assert_null (nexor_meeting_get_created_at (second));  /* February 30th */
}

static void
test_lenient_tags (void)
{
  static const char * const skipped[] = { "description", "slug", NULL };
  g_autoptr(GListModel) tags = parse_fixture_skipping ("lenient-tags.json", parse_tags, skipped);
  g_autoptr(NexorTag) first = g_list_model_get_item (tags, 0);
  g_autoptr(NexorTag) second = g_list_model_get_item (tags, 1);

  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
  nexor_test_assert_datetime (nexor_tag_get_created_at (first), "2024-01-15T00:00:00Z");
  g_assert_null (nexor_tag_get_description (first));
  g_assert_cmpstr (nexor_tag_get_slug (first), ==, "vip");
  g_assert_null (nexor_tag_get_slug (second));
  nexor_test_assert_datetime (nexor_tag_get_updated_at (second), "2024-01-15T10:30:00Z");
}

static void
test_strict (void)
{
  static const struct {
    const char *fixture;
    ResponseParser parse;
    const char *needle;
  } cases[] = {
    /* An item of the list that is the answer, without its id. */
    { "strict-tags-no-id.json", parse_tags, "“id” is missing" },
    { "strict-team-no-id.json", parse_team, "“id” is missing" },
    /* The id of the wrong type. */
    { "strict-lead-id-number.json", parse_lead_response, "“id” should be a string" },
    /* The wrong shape. */
    { "strict-history-shape.json", (ResponseParser) _nexor_history_page_new_from_response, "should be an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = nexor_test_load_json (cases[i].fixture);
      g_autoptr(GError) error = NULL;
      gpointer result = cases[i].parse (root, NULL, &error);

      g_test_message ("%s: %s", cases[i].fixture, error != NULL ? error->message : "(parsed)");
      g_assert_null (result);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      nexor_test_assert_message_has (error, cases[i].needle);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/create-lead", test_create_lead);
  g_test_add_func ("/desk/create-lead/without-workflow", test_create_lead_without_workflow);
  g_test_add_func ("/desk/create-lead/bad-shapes", test_create_lead_bad_shapes);
  g_test_add_func ("/desk/bulk-create", test_bulk_create);
  g_test_add_func ("/desk/bulk-create/variants", test_bulk_create_variants);
  g_test_add_func ("/desk/update-lead", test_update_lead);
  g_test_add_func ("/desk/assign-workflow", test_assign_lead_workflow);
  g_test_add_func ("/desk/assign-workflow/movements", test_assign_lead_workflow_movements);
  g_test_add_func ("/desk/set-status", test_set_status);
  g_test_add_func ("/desk/set-status/no-op", test_set_status_no_op);
  g_test_add_func ("/desk/automation", test_automation);
  g_test_add_func ("/desk/is-paused", test_is_lead_paused);
  g_test_add_func ("/desk/history", test_history_page);
  g_test_add_func ("/desk/history/unknown-types", test_history_unknown_types);
  g_test_add_func ("/desk/history/shapes", test_history_shapes);
  g_test_add_func ("/desk/meetings", test_meetings);
  g_test_add_func ("/desk/tag-sync", test_tag_sync);
  g_test_add_func ("/desk/lenient/lead", test_lenient_lead);
  g_test_add_func ("/desk/lenient/history", test_lenient_history);
  g_test_add_func ("/desk/lenient/meetings", test_lenient_meetings);
  g_test_add_func ("/desk/lenient/tags", test_lenient_tags);
  g_test_add_func ("/desk/strict", test_strict);
  g_test_add_func ("/desk/tags", test_tags);
  g_test_add_func ("/desk/tag-envelopes", test_tag_envelopes);
  g_test_add_func ("/desk/team", test_team);
  g_test_add_func ("/desk/lead-input/set-null-unset", test_lead_input_set_null_unset);
  g_test_add_func ("/desk/lead-input/properties", test_lead_input_properties);
  g_test_add_func ("/desk/lead-input/checks", test_lead_input_checks);
  g_test_add_func ("/desk/tag-input", test_tag_input);

  return g_test_run ();
}
