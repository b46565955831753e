/* nexor-cli-lead.c: `nexor lead …` commands and the lead card
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "nexor-json-writer.h"
#include "nexor-cli.h"
#include "nexor-cli-output.h"

/* Formatting: one card per lead, for people. */

/* Joins the non-empty strings of @parts (@n_parts of them, any may be NULL). */
static char *
join_nonempty (const char        *separator,
               const char *const *parts,
               gsize              n_parts)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, out->len == 0);
}
#define JOIN(separator, ...) \
  join_nonempty ((separator), (const char *const[]) { __VA_ARGS__ }, \
                 sizeof ((const char *const[]) { __VA_ARGS__ }) / sizeof (const char *))

static char *
format_lead_name (NexorLead *lead)
{
  g_autofree char *name = JOIN (" ",
                                nexor_lead_get_first_name (lead),
                                nexor_lead_get_last_name (lead));

  if (name != NULL)
    return g_steal_pointer (&name);
  if (nexor_lead_get_email (lead) != NULL && nexor_lead_get_email (lead)[0] != '\0')
    return g_strdup (nexor_lead_get_email (lead));

  return g_strdup ("(unnamed lead)");
}

static char *
format_workflow (NexorWorkflowRun *run)
{
  NexorWorkflow *workflow = run != NULL ? nexor_workflow_run_get_workflow (run) : NULL;
  const char *name;
  const char *goal;

  if (workflow == NULL)
    return NULL;

  name = nexor_workflow_get_name (workflow);
  goal = nexor_workflow_get_goal_type (workflow);
  if (name == NULL || name[0] == '\0')
    name = nexor_workflow_get_id (workflow);
  if (goal == NULL || goal[0] == '\0')
    return g_strdup (name);

  return g_strdup_printf ("%s (goal: %s)", name != NULL ? name : nexor_cli_placeholder (), goal);
}

static char *
format_status (NexorWorkflowRun *run)
{
  NexorWorkflowStatus *status = run != NULL ? nexor_workflow_run_get_current_status (run) : NULL;
  g_autofree char *details = NULL;
  const char *label;
  const char *key;

  if (status == NULL)
    return NULL;

  label = nexor_workflow_status_get_label (status);
  key = nexor_workflow_status_get_key (status);
  details = JOIN (nexor_cli_separator (), key, nexor_workflow_status_get_category (status));

  if (label == NULL || label[0] == '\0')
    label = key;
  if (label == NULL || label[0] == '\0')
    return g_steal_pointer (&details);
  if (details == NULL)
    return g_strdup (label);

  return g_strdup_printf ("%s [%s]", label, details);
}

static char *
format_run (NexorWorkflowRun *run)
{
  g_autofree char *cadence = NULL;
  const char *cadence_state;

  if (run == NULL)
    return NULL;

  cadence_state = nexor_workflow_run_get_cadence_state (run);
  if (cadence_state != NULL && cadence_state[0] != '\0')
    cadence = g_strdup_printf ("cadence %s", cadence_state);

  return JOIN (nexor_cli_separator (),
               nexor_workflow_run_get_run_status (run),
               cadence,
               nexor_workflow_run_get_is_active (run) ? NULL : "inactive",
               nexor_workflow_run_get_human_takeover (run) ? "HUMAN TAKEOVER" : "AI in control");
}

static char *
format_user (NexorUser *user)
{
  const char *name;
  const char *email;

  if (user == NULL)
    return NULL;

  name = nexor_user_get_name (user);
  email = nexor_user_get_email (user);
  if (name != NULL && name[0] != '\0' && email != NULL && email[0] != '\0')
    return g_strdup_printf ("%s <%s>", name, email);
  if (name != NULL && name[0] != '\0')
    return g_strdup (name);
  if (email != NULL && email[0] != '\0')
    return g_strdup (email);

  return g_strdup (nexor_user_get_id (user));
}

static char *
format_tags (GListModel *tags)
{
  GString *out = g_string_new (NULL);
  guint n = tags != NULL ? g_list_model_get_n_items (tags) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorTag) tag = g_list_model_get_item (tags, i);
      const char *name = nexor_tag_get_name (tag);

      if (name == NULL || name[0] == '\0')
        name = nexor_tag_get_slug (tag);
      if (name == NULL || name[0] == '\0')
        name = nexor_tag_get_id (tag);
      if (name == NULL || name[0] == '\0')
        continue;

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }

  return g_string_free (out, out->len == 0);
}

static char *
format_confidence (double confidence)
{
  if (confidence < 0.0)
    return NULL;

  return g_strdup_printf ("%.0f%%", CLAMP (confidence, 0.0, 1.0) * 100.0);
}

static void
append_heading (GString    *out,
                const char *text)
{
  g_autofree char *clean = nexor_cli_sanitize (text);

  g_string_append_printf (out, "%s%s%s\n",
                          nexor_cli_style_begin (NEXOR_CLI_STYLE_BOLD),
                          clean,
                          nexor_cli_style_end (NEXOR_CLI_STYLE_BOLD));
}

static void
append_variables (GString   *out,
                  NexorLead *lead)
{
  GListModel *variables = nexor_lead_get_variables (lead);
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (3);
  guint n = variables != NULL ? g_list_model_get_n_items (variables) : 0;

  nexor_cli_table_set_right_aligned (table, 2, TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (variables, i);
      g_autofree char *value = NULL;
      g_autofree char *confidence = NULL;
      const char *text = nexor_variable_get_value_text (variable);

      value = text != NULL && text[0] != '\0'
        ? g_strdup (text)
        : nexor_cli_format_json_value (nexor_variable_get_value (variable));
      confidence = format_confidence (nexor_variable_get_confidence (variable));
      nexor_cli_table_add_row (table, nexor_variable_get_name (variable), value, confidence);
    }

  if (nexor_cli_table_get_n_rows (table) == 0)
    return;

  append_heading (out, "Variables");
  nexor_cli_table_render (table, "  ", out);
}

static void
append_metadata (GString   *out,
                 NexorLead *lead)
{
  JsonObject *metadata = nexor_lead_get_metadata (lead);
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (2);
  g_autoptr(GList) members = NULL;

  if (metadata == NULL)
    return;

  members = json_object_get_members (metadata);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *value =
        nexor_cli_format_json_value (json_object_get_member (metadata, l->data));

      nexor_cli_table_add_row (table, (const char *) l->data, value);
    }

  if (nexor_cli_table_get_n_rows (table) == 0)
    return;

  append_heading (out, "Metadata");
  nexor_cli_table_render (table, "  ", out);
}

static char *
format_lead_card (NexorLead *lead)
{
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);
  NexorCampaign *campaign = nexor_lead_get_campaign (lead);
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = format_lead_name (lead);
  g_autofree char *workflow = format_workflow (run);
  g_autofree char *status = format_status (run);
  g_autofree char *run_text = format_run (run);
  g_autofree char *assigned = format_user (nexor_lead_get_assigned_user (lead));
  g_autofree char *tags = format_tags (nexor_lead_get_tags (lead));
  g_autofree char *created = nexor_cli_format_datetime (nexor_lead_get_created_at (lead));
  g_autofree char *updated = nexor_cli_format_datetime (nexor_lead_get_updated_at (lead));

  append_heading (out, name);

  nexor_cli_table_add_row (card, "Company", nexor_lead_get_company (lead));
  nexor_cli_table_add_row (card, "Title", nexor_lead_get_title (lead));
  nexor_cli_table_add_row (card, "Email", nexor_lead_get_email (lead));
  nexor_cli_table_add_row (card, "Phone", nexor_lead_get_phone (lead));
  nexor_cli_table_add_row (card, "Source", nexor_lead_get_source (lead));
  nexor_cli_table_add_row (card, "Campaign",
                           campaign != NULL ? nexor_campaign_get_name (campaign) : NULL);
  nexor_cli_table_add_row (card, "Workflow", workflow);
  nexor_cli_table_add_row (card, "Status", status);
  nexor_cli_table_add_row (card, "Run", run_text);
  if (run != NULL && nexor_workflow_run_get_human_takeover (run))
    nexor_cli_table_set_cell_style (card, 1, NEXOR_CLI_STYLE_WARNING);
  if (assigned != NULL)
    nexor_cli_table_add_row (card, "Assigned to", assigned);
  nexor_cli_table_add_row (card, "Tags", tags);
  nexor_cli_table_add_row (card, "Created", created);
  nexor_cli_table_add_row (card, "Updated", updated);
  nexor_cli_table_add_row (card, "ID", nexor_lead_get_id (lead));
  nexor_cli_table_render (card, "  ", out);

  append_variables (out, lead);
  append_metadata (out, lead);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* JSON: {"lead": <the lead as the server sent it>, "variables": {name: <as sent>}},
 * the current Get Lead shape without "success", whichever shape the server used. */
static char *
format_lead_json (NexorLead *lead)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *variables = json_object_new ();
  GListModel *list = nexor_lead_get_variables (lead);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  json_object_set_object_member (root, "lead", nexor_lead_dup_json (lead));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (list, i);
      const char *name = nexor_variable_get_name (variable);

      if (name != NULL)
        json_object_set_object_member (variables, name, nexor_variable_dup_json (variable));
    }
  json_object_set_object_member (root, "variables", variables);

  node = json_node_init_object (json_node_alloc (), root);

  return nexor_json_writer_to_string (node, TRUE, NULL);
}

/* nexor lead get ID [--json] */
static int
lead_get (NexorCli               *cli,
          const NexorCliCommand  *command,
          char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autofree char *output = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      "Print the lead as JSON: {\"lead\": …, \"variables\": …}", NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;

  if ((*argv)[1] == NULL)
    return nexor_cli_usage_error (cli, "missing lead ID");
  if ((*argv)[2] != NULL)
    {
      g_autofree char *shown = nexor_cli_ellipsize ((*argv)[2], 40);

      return nexor_cli_usage_error (cli, "unexpected argument “%s”", shown);
    }

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, "lead ID", &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  lead = nexor_client_get_lead (client, id, NULL, &error);
  if (lead == NULL)
    return nexor_cli_report_error (cli, error);

  if (as_json)
    {
      output = format_lead_json (lead);
      nexor_cli_print_utf8 (output);
      nexor_cli_print_utf8 ("\n");
    }
  else
    {
      output = format_lead_card (lead);
      nexor_cli_print (output);
    }

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_lead_commands[] = {
  { "get", "ID", "Show a lead: who, where from, workflow, status and variables", lead_get, NULL },
  { NULL, NULL, NULL, NULL, NULL },
};
