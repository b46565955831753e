/* nexor-cli-desk.c: `nexor lead assign|status|takeover|resume|paused`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

static void
print_unwrapped (JsonObject *raw)
{
  g_autoptr(JsonObject) object = nexor_cli_json_unwrap (raw);

  nexor_cli_print_json_object (object);
}

static void
print_card (const char    *heading,
            NexorCliTable *card)
{
  g_autoptr(GString) out = g_string_new (NULL);

  nexor_cli_append_heading (out, heading);
  nexor_cli_table_render (card, "  ", out);
  nexor_cli_print (out->str);
}

/* Checks the lead ID and, when given, the workflow ID: usage errors found
 * before any request. */
static gboolean
check_ids (NexorCli    *cli,
           const char  *id,
           const char  *workflow_id,
           int         *exit_status)
{
  g_autoptr(GError) error = NULL;

  if (!nexor_cli_check_uuid (id, _("lead ID"), &error) ||
      (workflow_id != NULL && !nexor_cli_check_uuid (workflow_id, _("workflow ID"), &error)))
    {
      *exit_status = nexor_cli_report_error (cli, error);
      return FALSE;
    }

  return TRUE;
}

/* nexor lead assign ID WORKFLOW_ID [--reason TEXT] [--actor TEXT] [--json] */
int
nexor_cli_lead_assign (NexorCli               *cli,
                       const NexorCliCommand  *command,
                       char                 ***argv)
{
  static const char * const names[] = { N_("lead ID"), N_("workflow ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorAssignResult) result = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *actor = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  const char *workflow_id;
  int status;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why; stored on the run that ends when the lead leaves another workflow"), N_("TEXT") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor,
      N_("Who made the change, for the audit trail (any text, such as a user id)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  workflow_id = (*argv)[2];
  if (!check_ids (cli, id, workflow_id, &status))
    return status;
  if ((reason != NULL && !nexor_cli_check_text (reason, _("reason"), &error)) ||
      (actor != NULL && !nexor_cli_check_text (actor, _("actor"), &error)))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  /* The card shows the lead's workflow run. */
  nexor_cli_set_check_command (cli, "lead", "get", id, NULL);
  result = nexor_client_assign_lead_workflow (client, id, workflow_id, reason, actor, NULL, &error);
  if (result == NULL)
    return nexor_cli_report_error (cli, error);

  if (as_json)
    {
      g_autoptr(JsonObject) raw = nexor_assign_result_dup_json (result);

      print_unwrapped (raw);
    }
  else
    {
      g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
      g_autofree char *heading = NULL;
      const char *name = nexor_assign_result_get_workflow_name (result);

      if (name == NULL || name[0] == '\0')
        name = nexor_assign_result_get_workflow_id (result);
      if (name == NULL || name[0] == '\0')
        name = workflow_id;

      switch (nexor_assign_result_get_movement_type (result))
        {
        case NEXOR_MOVEMENT_TYPE_ENROLLMENT:
          heading = g_strdup_printf (_("Enrolled the lead in %s"), name);
          break;
        case NEXOR_MOVEMENT_TYPE_REASSIGNMENT:
          heading = g_strdup_printf (_("Moved the lead to %s (its previous run was ended)"), name);
          break;
        case NEXOR_MOVEMENT_TYPE_UNKNOWN:
        default:
          heading = g_strdup_printf (_("Assigned the lead to %s"), name);
          break;
        }

      nexor_cli_table_add_row (card, _("Movement"), nexor_assign_result_get_movement_type_string (result));
      nexor_cli_table_add_row (card, _("Workflow"), nexor_assign_result_get_workflow_id (result));
      nexor_cli_table_add_row (card, _("Run"), nexor_assign_result_get_workflow_run_id (result));
      nexor_cli_table_add_row (card, _("Cadence"),
                               nexor_assign_result_get_paused (result)
                                 ? _("waiting: the workflow is paused")
                                 : _("started"));
      if (nexor_assign_result_get_paused (result))
        nexor_cli_table_set_cell_style (card, 1, NEXOR_CLI_STYLE_WARNING);
      nexor_cli_table_add_row (card, _("Lead"), id);
      print_card (heading, card);
    }

  return NEXOR_CLI_EXIT_OK;
}

/* nexor lead status ID KEY [--reason TEXT] [--workflow ID] [--json] */
int
nexor_cli_lead_status (NexorCli               *cli,
                       const NexorCliCommand  *command,
                       char                 ***argv)
{
  static const char * const names[] = { N_("lead ID"), N_("status key") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorStatusChange) result = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *workflow_id = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  const char *key;
  int status;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why; kept in the status history"), N_("TEXT") },
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &workflow_id,
      N_("The workflow whose run to change, when the lead is in several"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  key = (*argv)[2];
  if (!check_ids (cli, id, workflow_id, &status))
    return status;
  if (!nexor_cli_check_text (key, _("status key"), &error) ||
      (reason != NULL && !nexor_cli_check_text (reason, _("reason"), &error)))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  result = nexor_client_set_lead_status (client, id, key, reason, workflow_id, NULL, &error);
  if (result == NULL)
    return nexor_cli_report_error (cli, error);

  if (as_json)
    {
      g_autoptr(JsonObject) raw = nexor_status_change_dup_json (result);

      print_unwrapped (raw);
    }
  else
    {
      g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
      g_autofree char *heading = NULL;
      const char *previous = nexor_status_change_get_previous_status (result);
      const char *current = nexor_status_change_get_new_status (result);

      if (current == NULL)
        current = key;

      if (nexor_status_change_get_changed (result))
        heading = g_strdup_printf (_("Status changed: %s %s %s"),
                                   previous != NULL ? previous : _("(none)"),
                                   g_get_charset (NULL) ? "→" : "->", current);
      else
        heading = g_strdup_printf (_("The lead is already in status %s: nothing changed"), current);

      nexor_cli_table_add_row (card, _("Workflow"), nexor_status_change_get_workflow_id (result));
      nexor_cli_table_add_row (card, _("Run"), nexor_status_change_get_workflow_run_id (result));
      if (nexor_status_change_get_note (result) != NULL)
        nexor_cli_table_add_row (card, _("Note"), nexor_status_change_get_note (result));
      nexor_cli_table_add_row (card, _("Lead"), id);
      print_card (heading, card);
    }

  return NEXOR_CLI_EXIT_OK;
}

typedef enum {
  AUTOMATION_STOP,
  AUTOMATION_RESUME,
} AutomationAction;

static int
run_automation (NexorCli               *cli,
                const NexorCliCommand  *command,
                char                 ***argv,
                AutomationAction        action)
{
  static const char * const names[] = { N_("lead ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorAutomationResult) result = NULL;
  g_autofree char *workflow_id = NULL;
  gboolean resume_cadence = FALSE;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry stop_entries[] = {
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &workflow_id,
      N_("The workflow to stop (default: the one of the lead's active run)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry resume_entries[] = {
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &workflow_id,
      N_("The workflow to resume (default: the one of the lead's active run)"), N_("ID") },
    { "cadence", 0, 0, G_OPTION_ARG_NONE, &resume_cadence,
      N_("Resume the cadence too (by default only the AI's replies resume)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command,
                                action == AUTOMATION_STOP ? stop_entries : resume_entries,
                                argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!check_ids (cli, id, workflow_id, &status))
    return status;

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  /* Without --workflow the library finds the lead's active run. */
  if (action == AUTOMATION_STOP)
    result = nexor_client_stop_lead_automation (client, id, workflow_id, NULL, &error);
  else
    result = nexor_client_resume_lead_automation (client, id, workflow_id, resume_cadence, NULL, &error);
  if (result == NULL && workflow_id == NULL &&
      (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND) ||
       g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE)))
    {
      g_autoptr(GError) advised = g_error_new (error->domain, error->code,
                                               _("%s (without --workflow, the workflow is the one of "
                                                 "the lead's active run: name it with --workflow ID, "
                                                 "or enroll the lead with “nexor lead assign”)"),
                                               error->message);

      return nexor_cli_report_error (cli, advised);
    }
  if (result == NULL)
    return nexor_cli_report_error (cli, error);

  if (as_json)
    {
      g_autoptr(JsonObject) raw = nexor_automation_result_dup_json (result);

      print_unwrapped (raw);
    }
  else if (action == AUTOMATION_STOP)
    {
      g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
      gboolean already = nexor_automation_result_get_already_stopped (result);

      if (!already)
        {
          g_autofree char *tasks = g_strdup_printf ("%d", nexor_automation_result_get_tasks_cancelled (result));

          nexor_cli_table_add_row (card, _("Cadence"),
                                   nexor_automation_result_get_cadence_paused (result) ? _("paused") : _("not paused"));
          nexor_cli_table_add_row (card, _("Tasks cancelled"), tasks);
        }
      nexor_cli_table_add_row (card, _("Workflow"), nexor_automation_result_get_workflow_id (result));
      nexor_cli_table_add_row (card, _("Run"), nexor_automation_result_get_workflow_run_id (result));
      nexor_cli_table_add_row (card, _("Lead"), id);
      print_card (already ? _("The AI was already stopped for this lead: nothing changed")
                          : _("Took the lead over: the AI is stopped"),
                  card);
    }
  else
    {
      g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
      gboolean already = nexor_automation_result_get_already_running (result);

      if (!already)
        nexor_cli_table_add_row (card, _("Cadence"),
                                 nexor_automation_result_get_cadence_resumed (result)
                                   ? _("resumed")
                                   : _("still paused (add --cadence to resume it)"));
      nexor_cli_table_add_row (card, _("Workflow"), nexor_automation_result_get_workflow_id (result));
      nexor_cli_table_add_row (card, _("Run"), nexor_automation_result_get_workflow_run_id (result));
      nexor_cli_table_add_row (card, _("Lead"), id);
      print_card (already ? _("The AI was already running for this lead: nothing changed")
                          : _("Handed the lead back: the AI answers again"),
                  card);
    }

  return NEXOR_CLI_EXIT_OK;
}

/* nexor lead takeover ID [--workflow ID] [--json] */
int
nexor_cli_lead_takeover (NexorCli               *cli,
                         const NexorCliCommand  *command,
                         char                 ***argv)
{
  return run_automation (cli, command, argv, AUTOMATION_STOP);
}

/* nexor lead resume ID [--workflow ID] [--cadence] [--json] */
int
nexor_cli_lead_resume (NexorCli               *cli,
                       const NexorCliCommand  *command,
                       char                 ***argv)
{
  return run_automation (cli, command, argv, AUTOMATION_RESUME);
}

/* nexor lead paused ID [--workflow ID] [--exit-status] [--json] */
int
nexor_cli_lead_paused (NexorCli               *cli,
                       const NexorCliCommand  *command,
                       char                 ***argv)
{
  static const char * const names[] = { N_("lead ID") };
  g_autoptr(GError) error = NULL;
  g_autofree char *workflow_id = NULL;
  gboolean exit_status = FALSE;
  gboolean as_json = FALSE;
  g_autoptr(NexorPauseState) state = NULL;
  gboolean paused;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &workflow_id,
      N_("Look only at the lead's run in this workflow"), N_("ID") },
    { "exit-status", 0, 0, G_OPTION_ARG_NONE, &exit_status,
      N_("Exit with 0 when paused and 8 when not, for “if nexor lead paused …”"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print {\"paused\": true|false}"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!check_ids (cli, id, workflow_id, &status))
    return status;

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  state = nexor_client_is_lead_paused (client, id, workflow_id, NULL, &error);
  if (state == NULL)
    return nexor_cli_report_error (cli, error);
  paused = nexor_pause_state_get_paused (state);

  if (as_json)
    {
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_boolean_member (object, "paused", paused);
      nexor_cli_print_json_object (object);
    }
  else
    {
      nexor_cli_print (paused ? _("paused\n") : _("not paused\n"));
    }

  if (exit_status && !paused)
    return NEXOR_CLI_EXIT_NOT_PAUSED;

  return NEXOR_CLI_EXIT_OK;
}
