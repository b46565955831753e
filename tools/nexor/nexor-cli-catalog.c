/* nexor-cli-catalog.c: `nexor workflows [list | get ID]` and `nexor campaigns`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The API names these endpoints without documenting their answers (the
 * library marks them experimental): the tables show what the library reads,
 * and --json prints whatever the server sent.
 */

#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

static const char *
yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

/* The status keys of @workflow, comma-separated: what `lead status` takes. */
static char *
status_keys (NexorWorkflow *workflow)
{
  GListModel *statuses = nexor_workflow_get_statuses (workflow);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(NexorWorkflowStatus) status = g_list_model_get_item (statuses, i);
      const char *key = nexor_workflow_status_get_key (status);

      if (key == NULL)
        continue;
      if (keys->len > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, key);
    }

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static void
print_workflow_table (GListModel *workflows)
{
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (6);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (workflows);

  if (n == 0)
    {
      nexor_cli_print (_("No workflows.\n"));
      return;
    }

  nexor_cli_table_add_header (table, _("NAME"), _("GOAL"), _("PAUSED"), _("CALLS"), _("STATUSES"), _("ID"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorWorkflow) workflow = g_list_model_get_item (workflows, i);
      g_autofree char *keys = status_keys (workflow);

      nexor_cli_table_add_row (table, nexor_workflow_get_name (workflow),
                               nexor_workflow_get_goal_type (workflow),
                               yes_no (nexor_workflow_get_paused (workflow)),
                               yes_no (nexor_workflow_get_has_call_steps (workflow)),
                               keys, nexor_workflow_get_id (workflow));
    }

  nexor_cli_table_render (table, "", out);
  nexor_cli_print (out->str);
}

static void
print_workflow_card (NexorWorkflow *workflow)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(NexorCliTable) statuses_table = nexor_cli_table_new (5);
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *statuses = nexor_workflow_get_statuses (workflow);
  const char *name = nexor_workflow_get_name (workflow);

  nexor_cli_append_heading (out, name != NULL && name[0] != '\0' ? name : nexor_cli_placeholder ());
  nexor_cli_table_add_row (card, _("Goal"), nexor_workflow_get_goal_type (workflow));
  nexor_cli_table_add_row (card, _("Paused"), yes_no (nexor_workflow_get_paused (workflow)));
  nexor_cli_table_add_row (card, _("Calls"),
                           nexor_workflow_get_has_call_steps (workflow)
                             ? _("yes: its leads need a phone")
                             : _("no"));
  nexor_cli_table_add_row (card, _("ID"), nexor_workflow_get_id (workflow));
  nexor_cli_table_render (card, "  ", out);

  if (g_list_model_get_n_items (statuses) == 0)
    {
      g_string_append_printf (out, "\n  %s\n", _("No statuses."));
      nexor_cli_print (out->str);
      return;
    }

  g_string_append (out, "\n");
  nexor_cli_table_add_header (statuses_table, _("STATUS"), _("LABEL"), _("CATEGORY"), _("STAGE"), _("ID"));
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(NexorWorkflowStatus) status = g_list_model_get_item (statuses, i);
      const char *stage = NULL;

      if (nexor_workflow_status_get_is_initial (status))
        stage = _("initial");
      else if (nexor_workflow_status_get_is_terminal (status))
        stage = _("terminal");

      nexor_cli_table_add_row (statuses_table, nexor_workflow_status_get_key (status),
                               nexor_workflow_status_get_label (status),
                               nexor_workflow_status_get_category (status),
                               stage, nexor_workflow_status_get_id (status));
    }
  nexor_cli_table_render (statuses_table, "  ", out);
  nexor_cli_print (out->str);
}

/* nexor workflows [list | get ID] [--json] */
int
nexor_cli_workflows (NexorCli               *cli,
                     const NexorCliCommand  *command,
                     char                 ***argv)
{
  static const char * const get_names[] = { N_("action"), N_("workflow ID") };
  g_autoptr(GError) error = NULL;
  gboolean as_json = FALSE;
  const char *action;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print the workflows (a JSON array), or the workflow, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;

  action = (*argv)[0] != NULL ? (*argv)[1] : NULL;
  if (action == NULL || g_str_equal (action, "list"))
    {
      g_autoptr(GListModel) workflows = NULL;

      if (action != NULL && !nexor_cli_check_positionals (cli, *argv, get_names, 1, &status))
        return status;

      client = nexor_cli_get_client (cli, &error);
      if (client == NULL)
        return nexor_cli_report_error (cli, error);

      workflows = nexor_client_list_workflows (client, NULL, &error);
      if (workflows == NULL)
        return nexor_cli_report_error (cli, error);

      if (nexor_cli_fields_selected ())
        nexor_cli_fields_print_list (workflows, (NexorCliDupJsonFunc) nexor_workflow_dup_json, G_MAXUINT);
      else if (as_json)
        nexor_cli_print_json_list (workflows, (NexorCliDupJsonFunc) nexor_workflow_dup_json, G_MAXUINT);
      else
        print_workflow_table (workflows);

      return NEXOR_CLI_EXIT_OK;
    }

  if (g_str_equal (action, "get"))
    {
      g_autoptr(NexorWorkflow) workflow = NULL;
      const char *id;

      if (!nexor_cli_check_positionals (cli, *argv, get_names, 2, &status))
        return status;
      id = (*argv)[2];
      if (!nexor_cli_check_uuid (id, _("workflow ID"), &error))
        return nexor_cli_report_error (cli, error);

      client = nexor_cli_get_client (cli, &error);
      if (client == NULL)
        return nexor_cli_report_error (cli, error);

      workflow = nexor_client_get_workflow (client, id, NULL, &error);
      if (workflow == NULL)
        return nexor_cli_report_error (cli, error);

      {
        g_autoptr(JsonObject) object = nexor_workflow_dup_json (workflow);

        if (nexor_cli_fields_selected ())
          nexor_cli_fields_print_object (object);
        else if (as_json)
          nexor_cli_print_json_object (object);
        else
          print_workflow_card (workflow);
      }

      return NEXOR_CLI_EXIT_OK;
    }

  {
    g_autofree char *shown = nexor_cli_ellipsize (action, 40);

    return nexor_cli_usage_error (cli, _("unknown action “%s” (expected “list” or “get ID”)"),
                                  shown != NULL ? shown : "");
  }
}

/* nexor campaigns [--json] */
int
nexor_cli_campaigns (NexorCli               *cli,
                     const NexorCliCommand  *command,
                     char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  guint n;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the campaigns, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  campaigns = nexor_client_list_campaigns (client, NULL, &error);
  if (campaigns == NULL)
    return nexor_cli_report_error (cli, error);

  n = g_list_model_get_n_items (campaigns);
  if (nexor_cli_fields_selected ())
    {
      nexor_cli_fields_print_list (campaigns, (NexorCliDupJsonFunc) nexor_campaign_dup_json, G_MAXUINT);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (campaigns, (NexorCliDupJsonFunc) nexor_campaign_dup_json, G_MAXUINT);
    }
  else if (n == 0)
    {
      nexor_cli_print (_("No campaigns.\n"));
    }
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (2);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_add_header (table, _("NAME"), _("ID"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NexorCampaign) campaign = g_list_model_get_item (campaigns, i);

          nexor_cli_table_add_row (table, nexor_campaign_get_name (campaign), nexor_campaign_get_id (campaign));
        }
      nexor_cli_table_render (table, "", out);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}
