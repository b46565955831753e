/* nexor-cli-lead.c: `nexor lead …` commands and the lead card
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "nexor-json-writer.h"
#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"
#include "nexor-cli-recent.h"

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

  return g_strdup (_("(unnamed lead)"));
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

  return g_strdup_printf (_("%s (goal: %s)"), name != NULL ? name : nexor_cli_placeholder (), goal);
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
    cadence = g_strdup_printf (_("cadence %s"), cadence_state);

  return JOIN (nexor_cli_separator (),
               nexor_workflow_run_get_run_status (run),
               cadence,
               nexor_workflow_run_get_is_active (run) ? NULL : _("inactive"),
               nexor_workflow_run_get_human_takeover (run) ? _("HUMAN TAKEOVER") : _("AI in control"));
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

      if (text != NULL && text[0] != '\0')
        value = g_strdup (text);
      else
        {
          g_autoptr(JsonNode) json = nexor_variable_dup_value (variable);

          value = nexor_cli_format_json_value (json);
        }
      confidence = format_confidence (nexor_variable_get_confidence (variable));
      nexor_cli_table_add_row (table, nexor_variable_get_name (variable), value, confidence);
    }

  if (nexor_cli_table_get_n_rows (table) == 0)
    return;

  nexor_cli_append_heading (out, _("Variables"));
  nexor_cli_table_render (table, "  ", out);
}

static void
append_metadata (GString   *out,
                 NexorLead *lead)
{
  g_autoptr(JsonObject) metadata = nexor_lead_dup_metadata (lead);
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

  nexor_cli_append_heading (out, _("Metadata"));
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

  nexor_cli_append_heading (out, name);

  nexor_cli_table_add_row (card, _("Company"), nexor_lead_get_company (lead));
  nexor_cli_table_add_row (card, _("Title"), nexor_lead_get_title (lead));
  nexor_cli_table_add_row (card, _("Email"), nexor_lead_get_email (lead));
  nexor_cli_table_add_row (card, _("Phone"), nexor_lead_get_phone (lead));
  nexor_cli_table_add_row (card, _("Source"), nexor_lead_get_source (lead));
  nexor_cli_table_add_row (card, _("Campaign"),
                           campaign != NULL ? nexor_campaign_get_name (campaign) : NULL);
  nexor_cli_table_add_row (card, _("Workflow"), workflow);
  nexor_cli_table_add_row (card, _("Status"), status);
  nexor_cli_table_add_row (card, _("Run"), run_text);
  if (run != NULL && nexor_workflow_run_get_human_takeover (run))
    nexor_cli_table_set_cell_style (card, 1, NEXOR_CLI_STYLE_WARNING);
  if (assigned != NULL)
    nexor_cli_table_add_row (card, _("Assigned to"), assigned);
  nexor_cli_table_add_row (card, _("Tags"), tags);
  nexor_cli_table_add_row (card, _("Created"), created);
  nexor_cli_table_add_row (card, _("Updated"), updated);
  nexor_cli_table_add_row (card, _("ID"), nexor_lead_get_id (lead));
  nexor_cli_table_render (card, "  ", out);

  append_variables (out, lead);
  append_metadata (out, lead);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* JSON: {"lead": <the lead as the server sent it>, "variables": {name: <as sent>}},
 * the current Get Lead shape without "success", whichever shape the server used. */
static JsonObject *
dup_variables_json (NexorLead *lead)
{
  JsonObject *variables = json_object_new ();
  GListModel *list = nexor_lead_get_variables (lead);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (list, i);
      const char *name = nexor_variable_get_name (variable);

      if (name != NULL)
        json_object_set_object_member (variables, name, nexor_variable_dup_json (variable));
    }

  return variables;
}

static char *
format_lead_json (NexorLead *lead)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  json_object_set_object_member (root, "lead", nexor_lead_dup_json (lead));
  json_object_set_object_member (root, "variables", dup_variables_json (lead));

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
      N_("Print the lead as JSON: {\"lead\": …, \"variables\": …}"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;

  if ((*argv)[1] == NULL)
    return nexor_cli_usage_error (cli, _("missing lead ID"));
  if ((*argv)[2] != NULL)
    {
      g_autofree char *shown = nexor_cli_ellipsize ((*argv)[2], 40);

      return nexor_cli_usage_error (cli, _("unexpected argument “%s”"), shown);
    }

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("lead ID"), &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  lead = nexor_client_get_lead (client, id, NULL, &error);
  if (lead == NULL)
    return nexor_cli_report_error (cli, error);

  if (nexor_cli_fields_selected ())
    {
      /* The lead, with the variables beside its own members. */
      g_autoptr(JsonObject) item = nexor_lead_dup_json (lead);

      json_object_set_object_member (item, "variables", dup_variables_json (lead));
      nexor_cli_fields_print_object (item);
    }
  else if (as_json)
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

/* nexor lead search TEXT [--limit N | --all] [--page-size N] [--json] */
static void
print_found_leads (NexorLeadList *list,
                   guint          n_shown)
{
  GListModel *leads = G_LIST_MODEL (list);
  gint64 total = nexor_lead_list_get_total (list);
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (5);
  g_autoptr(GString) out = g_string_new (NULL);

  if (n_shown == 0)
    {
      nexor_cli_print (_("No lead matches.\n"));
      return;
    }

  nexor_cli_table_add_header (table, _("NAME"), _("EMAIL"), _("PHONE"), _("COMPANY"), _("ID"));
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(NexorLead) lead = g_list_model_get_item (leads, i);
      g_autofree char *name = format_lead_name (lead);

      nexor_cli_table_add_row (table, name, nexor_lead_get_email (lead), nexor_lead_get_phone (lead),
                               nexor_lead_get_company (lead), nexor_lead_get_id (lead));
    }

  nexor_cli_table_render (table, "", out);
  if (total > (gint64) n_shown)
    g_string_append_printf (out, _("(the first %'u of %'u leads found; --all shows every one)\n"),
                            n_shown, (guint) MIN (total, (gint64) G_MAXUINT));
  else if (n_shown < g_list_model_get_n_items (leads) || nexor_lead_list_get_has_more (list))
    g_string_append_printf (out, _("(the first %'u leads found; there are more: --all shows every one)\n"),
                            n_shown);
  nexor_cli_print (out->str);
}

static int
lead_search (NexorCli               *cli,
             const NexorCliCommand  *command,
             char                 ***argv)
{
  static const char * const names[] = { N_("search text") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLeadList) list = NULL;
  gboolean as_json = FALSE;
  gboolean all = FALSE;
  int limit = -1;
  int page_size = -1;
  guint n_items;
  guint n_shown;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show the first N leads found (default: 20)"), N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Show every lead found, fetching page after page"), NULL },
    { "page-size", 0, 0, G_OPTION_ARG_INT, &page_size,
      N_("Fetch N leads per request, 1 to 100 (default: --limit, or 100 with --all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print the leads found (a JSON array) as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, 1, &status))
    return status;
  if (all && limit != -1)
    return nexor_cli_usage_error (cli, _("--all and --limit cannot be used together"));
  if (limit == 0 || limit < -1)
    return nexor_cli_usage_error (cli, _("--limit must be a positive number"));
  if (page_size != -1 && (page_size < 1 || page_size > NEXOR_LEAD_LIST_MAX_PAGE_SIZE))
    return nexor_cli_usage_error (cli, _("--page-size must be from 1 to %d"),
                                  NEXOR_LEAD_LIST_MAX_PAGE_SIZE);
  if (limit == -1 && !all)
    limit = NEXOR_LEAD_LIST_DEFAULT_PAGE_SIZE;
  if (page_size == -1)
    page_size = all ? NEXOR_LEAD_LIST_MAX_PAGE_SIZE : MIN (limit, NEXOR_LEAD_LIST_MAX_PAGE_SIZE);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  list = g_object_new (NEXOR_TYPE_LEAD_LIST,
                       "client", client,
                       "search", (*argv)[1],
                       "page-size", (guint) page_size,
                       NULL);

  /* As many pages as --limit needs, or every one. The list itself stops a
   * server that sends the same page again or an empty one. */
  do
    {
      if (!nexor_lead_list_load_more (list, NULL, &error))
        {
          nexor_cli_progress_clear ();
          return nexor_cli_report_error (cli, error);
        }
      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      nexor_cli_progress (_("Searching: %'u leads found…"), n_items);
    }
  while (nexor_lead_list_get_has_more (list) && (all || n_items < (guint) limit));
  nexor_cli_progress_clear ();

  n_shown = all ? n_items : MIN (n_items, (guint) limit);

  if (nexor_cli_fields_selected ())
    nexor_cli_fields_print_list (G_LIST_MODEL (list), (NexorCliDupJsonFunc) nexor_lead_dup_json, n_shown);
  else if (as_json)
    nexor_cli_print_json_list (G_LIST_MODEL (list), (NexorCliDupJsonFunc) nexor_lead_dup_json, n_shown);
  else
    print_found_leads (list, n_shown);

  return NEXOR_CLI_EXIT_OK;
}

/* nexor lead create / update */

/* Larger leads files are refused unread; 1,000 real leads take far less. */
#define MAX_LEADS_FILE_SIZE (32 * 1024 * 1024)
#define MAX_BULK_LEADS 1000

/* The documented API has no lookup of a lead by email or phone, and the CLI
 * therefore no command that could show whether a create went through. */
#define CREATE_CHECK_ADVICE \
  _("it may have been applied; nexor has no command that finds a lead by email or phone: " \
    "check the leads in the Nexor dashboard before running this again, or a lead may be " \
    "enrolled in its workflow twice")

typedef struct {
  char *first_name;
  char *last_name;
  char *email;
  char *phone;
  char *company;
  char *title;
  char *source;
  char *campaign;
  char *external_id;
  char *workflow;
  char *from_file;
  char **metadata;
  char **clear;
  gboolean as_json;
} LeadOptions;

static void
lead_options_clear (LeadOptions *options)
{
  g_free (options->first_name);
  g_free (options->last_name);
  g_free (options->email);
  g_free (options->phone);
  g_free (options->company);
  g_free (options->title);
  g_free (options->source);
  g_free (options->campaign);
  g_free (options->external_id);
  g_free (options->workflow);
  g_free (options->from_file);
  g_strfreev (options->metadata);
  g_strfreev (options->clear);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LeadOptions, lead_options_clear)

/* The lead fields the options set. */
typedef struct {
  const char *option;     /* "--campaign" without the dashes */
  const char *property;   /* of NexorLeadInput */
  const char *json_name;  /* in a leads file and in the request */
  gsize       offset;     /* in LeadOptions */
  gboolean    clearable;  /* may be null: --clear OPTION */
  gboolean    is_id;
} LeadField;

static const LeadField lead_fields[] = {
  { "first-name", "first-name", "first_name", G_STRUCT_OFFSET (LeadOptions, first_name), FALSE, FALSE },
  { "last-name", "last-name", "last_name", G_STRUCT_OFFSET (LeadOptions, last_name), TRUE, FALSE },
  { "email", "email", "email", G_STRUCT_OFFSET (LeadOptions, email), TRUE, FALSE },
  { "phone", "phone", "phone", G_STRUCT_OFFSET (LeadOptions, phone), TRUE, FALSE },
  { "company", "company", "company", G_STRUCT_OFFSET (LeadOptions, company), TRUE, FALSE },
  { "title", "title", "title", G_STRUCT_OFFSET (LeadOptions, title), TRUE, FALSE },
  { "source", "source", "source", G_STRUCT_OFFSET (LeadOptions, source), FALSE, FALSE },
  { "campaign", "campaign-id", "campaign_id", G_STRUCT_OFFSET (LeadOptions, campaign), TRUE, TRUE },
  { "external-id", "external-id", "external_id", G_STRUCT_OFFSET (LeadOptions, external_id), FALSE, FALSE },
  { "workflow", "workflow-id", "workflow_id", G_STRUCT_OFFSET (LeadOptions, workflow), FALSE, TRUE },
};

#define LEAD_FIELD_VALUE(options, field) \
  (*(char **) G_STRUCT_MEMBER_P ((options), (field)->offset))

static const LeadField *
find_clearable_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (lead_fields); i++)
    {
      const LeadField *field = &lead_fields[i];

      if (!field->clearable)
        continue;
      if (g_str_equal (name, field->option) || g_str_equal (name, field->json_name))
        return field;
    }

  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
check_field_value (const LeadField  *field,
                   const char       *value,
                   gboolean          creating,
                   GError          **error)
{
  g_autofree char *what = NULL;

  if (field->is_id)
    {
      /* TRANSLATORS: %s is an option name, such as campaign */
      what = g_strdup_printf (_("%s ID"), field->option);
      return nexor_cli_check_uuid (value, what, error);
    }

  /* An empty value is not how a field is cleared: say what is. */
  if (!creating && field->clearable && is_blank (value))
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("the value of --%s is empty; to clear the field, use --clear %s"),
                   field->option, field->option);
      return FALSE;
    }

  what = g_strdup_printf (_("value of --%s"), field->option);
  return nexor_cli_check_text (value, what, error);
}

/* --metadata KEY=TEXT sets a string, KEY:=JSON any JSON value. */
JsonObject *
nexor_cli_parse_metadata_options (char   **items,
                                  GError **error)
{
  g_autoptr(JsonObject) metadata = json_object_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      const char *item = items[i];
      const char *equals = strchr (item, '=');
      g_autofree char *key = NULL;
      g_autofree char *shown = nexor_cli_ellipsize (item, 40);
      gboolean is_json;

      if (!g_utf8_validate (item, -1, NULL))
        {
          g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                               _("a --metadata value is not valid UTF-8"));
          return NULL;
        }

      if (equals == NULL)
        {
          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("--metadata “%s”: expected KEY=TEXT or KEY:=JSON"), shown);
          return NULL;
        }

      is_json = equals > item && equals[-1] == ':';
      key = g_strndup (item, (equals - item) - (is_json ? 1 : 0));
      g_strstrip (key);
      if (key[0] == '\0')
        {
          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("--metadata “%s”: the key is empty"), shown);
          return NULL;
        }

      if (is_json)
        {
          g_autoptr(GError) local_error = NULL;
          JsonNode *value = nexor_cli_json_parse (equals + 1, -1, &local_error);

          if (value == NULL)
            {
              g_autofree char *shown_key = nexor_cli_ellipsize (key, 40);

              g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("--metadata %s:=…: the value is %s (for text, write %s=TEXT)"),
                           shown_key, local_error->message, shown_key);
              return NULL;
            }
          json_object_set_member (metadata, key, value);
        }
      else
        {
          json_object_set_string_member (metadata, key, equals + 1);
        }
    }

  return g_steal_pointer (&metadata);
}

/* The input from the single-lead options; every check a usage error. */
static NexorLeadInput *
lead_input_from_options (LeadOptions  *options,
                         gboolean      creating,
                         GError      **error)
{
  g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
  g_autoptr(JsonObject) metadata = NULL;
  g_auto(GStrv) clear = nexor_cli_split_list ((const char * const *) options->clear);
  gboolean changes = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (lead_fields); i++)
    {
      const LeadField *field = &lead_fields[i];
      const char *value = LEAD_FIELD_VALUE (options, field);

      if (value == NULL)
        continue;
      if (!check_field_value (field, value, creating, error))
        return NULL;
      g_object_set (input, field->property, value, NULL);
      changes = TRUE;
    }

  for (guint i = 0; clear[i] != NULL; i++)
    {
      const LeadField *field = find_clearable_field (clear[i]);

      if (field == NULL)
        {
          g_autofree char *shown = nexor_cli_ellipsize (clear[i], 40);

          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("--clear “%s”: only last-name, email, phone, company, title and "
                       "campaign can be cleared"), shown);
          return NULL;
        }
      if (LEAD_FIELD_VALUE (options, field) != NULL)
        {
          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("--%s and --clear %s cannot be used together"), field->option, field->option);
          return NULL;
        }
      g_object_set (input, field->property, NULL, NULL);
      changes = TRUE;
    }

  if (options->metadata != NULL)
    {
      metadata = nexor_cli_parse_metadata_options (options->metadata, error);
      if (metadata == NULL)
        return NULL;
      nexor_lead_input_set_metadata (input, metadata);
      changes = TRUE;
    }

  if (creating && options->first_name == NULL)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("--first-name is required (or --from-file FILE)"));
      return NULL;
    }

  if (!changes)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("nothing to change: give one or more of --first-name, --last-name, "
                           "--email, --phone, --company, --title, --source, --campaign, "
                           "--metadata or --clear"));
      return NULL;
    }

  return g_steal_pointer (&input);
}

static char *
read_leads_file (const char  *filename,
                 gsize       *length,
                 GError     **error)
{
  gboolean is_stdin = strcmp (filename, "-") == 0;
  g_autofree char *display = is_stdin ? g_strdup (_("standard input"))
                                      : g_filename_display_name (filename);
  g_autoptr(GString) contents = g_string_new (NULL);
  char buffer[8192];
  FILE *file;
  size_t n;
  int saved_errno = 0;

  file = is_stdin ? stdin : fopen (filename, "rb");
  if (file == NULL)
    {
      saved_errno = errno;
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("cannot read “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  while ((n = fread (buffer, 1, sizeof buffer, file)) > 0)
    {
      g_string_append_len (contents, buffer, n);
      if (contents->len > MAX_LEADS_FILE_SIZE)
        break;
    }
  if (ferror (file))
    saved_errno = errno != 0 ? errno : EIO;
  if (!is_stdin)
    fclose (file);

  if (saved_errno != 0)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("cannot read “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  if (contents->len > MAX_LEADS_FILE_SIZE)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("“%s” is larger than %d MiB"), display, MAX_LEADS_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  *length = contents->len;
  return g_string_free (g_steal_pointer (&contents), FALSE);
}

static gboolean
lead_item_error (GError     **error,
                 const char  *display,
                 guint        index,
                 const char  *format,
                 ...) G_GNUC_PRINTF (4, 5);

static gboolean
lead_item_error (GError     **error,
                 const char  *display,
                 guint        index,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
               _("%s: lead [%u]: %s"), display, index, message);
  return FALSE;
}

static const LeadField *
find_field_by_json_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (lead_fields); i++)
    if (g_str_equal (name, lead_fields[i].json_name))
      return &lead_fields[i];

  return NULL;
}

/* Members a leads file may not have: the API would file them into metadata
 * (or, for the undocumented extras, do something this client cannot
 * express), which is never what a file exported from `lead get` meant. */
static const char * const refused_lead_members[] = {
  "id", "created_at", "updated_at", "campaign", "active_workflow_run", "activeWorkflowRun",
  "variables", "tags", "skip_first_message", "force_first_channel", NULL
};

static const char *
refused_member_reason (const char *name)
{
  if (g_str_equal (name, "tags"))
    return _("set tags afterwards with “nexor lead tags ID --set NAMES”");
  if (g_str_equal (name, "skip_first_message") || g_str_equal (name, "force_first_channel"))
    return _("it is not part of the documented Create Lead body");

  return _("it belongs to a stored lead, not to a new one, and would end up in its metadata");
}

/* One lead object of a leads file. Members that are not lead fields go
 * into metadata, as the API itself does with them (explicit metadata wins). */
static NexorLeadInput *
lead_input_from_json (JsonNode           *node,
                      guint               index,
                      const char         *display,
                      const LeadOptions  *defaults,
                      GError            **error)
{
  g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *metadata = NULL;
  JsonNode *first_message = NULL;
  const char *first_name = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      lead_item_error (error, display, index, _("expected a lead object, not %s"),
                       nexor_cli_json_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);
      const LeadField *field = find_field_by_json_name (name);
      g_autofree char *shown = nexor_cli_ellipsize (name, 40);

      if (field != NULL)
        {
          const char *text;

          if (JSON_NODE_HOLDS_NULL (value))
            {
              g_object_set (input, field->property, NULL, NULL);
              continue;
            }
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            {
              lead_item_error (error, display, index, _("“%s” must be a string or null, not %s"),
                               shown, nexor_cli_json_type_name (value));
              return NULL;
            }
          text = json_node_get_string (value);
          if (field->is_id && !nexor_cli_check_uuid (text, field->json_name, error))
            {
              g_prefix_error (error, _("%s: lead [%u]: "), display, index);
              return NULL;
            }
          if (g_str_equal (name, "first_name"))
            first_name = text;
          g_object_set (input, field->property, text, NULL);
        }
      else if (g_strv_contains (refused_lead_members, name))
        {
          lead_item_error (error, display, index, _("“%s” cannot be sent by this client: %s"),
                           shown, refused_member_reason (name));
          return NULL;
        }
      else if (g_str_equal (name, "metadata") || g_str_equal (name, "force_first_message"))
        {
          if (!JSON_NODE_HOLDS_OBJECT (value) && !JSON_NODE_HOLDS_NULL (value))
            {
              lead_item_error (error, display, index, _("“%s” must be an object, not %s"),
                               name, nexor_cli_json_type_name (value));
              return NULL;
            }
          if (g_str_equal (name, "metadata"))
            metadata = value;
          else
            first_message = value;
        }
      else
        {
          json_object_set_member (extra, name, json_node_copy (value));
        }
    }

  if (first_name == NULL || !nexor_cli_check_text (first_name, _("first name"), NULL))
    {
      lead_item_error (error, display, index, _("“first_name” is required"));
      return NULL;
    }

  /* Options apply to the leads that do not say otherwise. */
  if (defaults->workflow != NULL && !json_object_has_member (object, "workflow_id"))
    nexor_lead_input_set_workflow_id (input, defaults->workflow);
  if (defaults->campaign != NULL && !json_object_has_member (object, "campaign_id"))
    nexor_lead_input_set_campaign_id (input, defaults->campaign);
  if (defaults->source != NULL && !json_object_has_member (object, "source"))
    nexor_lead_input_set_source (input, defaults->source);

  if (metadata != NULL && JSON_NODE_HOLDS_OBJECT (metadata))
    {
      JsonObject *explicit = json_node_get_object (metadata);
      g_autoptr(GList) keys = json_object_get_members (explicit);

      for (const GList *l = keys; l != NULL; l = l->next)
        json_object_set_member (extra, l->data,
                                json_node_copy (json_object_get_member (explicit, l->data)));
    }
  if (json_object_get_size (extra) > 0)
    nexor_lead_input_set_metadata (input, extra);
  else if (metadata != NULL)
    nexor_lead_input_set_metadata (input, NULL);

  if (first_message != NULL)
    {
      if (JSON_NODE_HOLDS_NULL (first_message))
        nexor_lead_input_set_force_first_message (input, NULL);
      else if (nexor_lead_input_get_workflow_id (input) == NULL)
        {
          lead_item_error (error, display, index,
                           _("“force_first_message” needs a “workflow_id” (or --workflow)"));
          return NULL;
        }
      else
        nexor_lead_input_set_force_first_message (input, json_node_get_object (first_message));
    }

  return g_steal_pointer (&input);
}

/* The leads of a JSON array in @options->from_file, at most @max_leads; with
 * @out_single, a lone lead object is read too, as a list of one, and
 * *out_single says so. */
static GListModel *
read_leads (LeadOptions  *options,
            guint         max_leads,
            gboolean     *out_single,
            GError      **error)
{
  g_autofree char *display = strcmp (options->from_file, "-") == 0
                              ? g_strdup (_("standard input"))
                              : g_filename_display_name (options->from_file);
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListStore) inputs = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;
  gsize length = 0;
  guint n;

  data = read_leads_file (options->from_file, &length, error);
  if (data == NULL)
    return NULL;

  root = nexor_cli_json_parse (data, length, &local_error);
  if (root == NULL)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   "%s: %s", display, local_error->message);
      return NULL;
    }

  if (out_single != NULL)
    *out_single = JSON_NODE_HOLDS_OBJECT (root);
  if (out_single != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autoptr(NexorLeadInput) input = lead_input_from_json (root, 0, display, options, error);

      if (input == NULL)
        return NULL;
      g_list_store_append (inputs, input);
      return G_LIST_MODEL (g_steal_pointer (&inputs));
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("%s: expected a JSON array of lead objects, not %s"),
                   display, nexor_cli_json_type_name (root));
      return NULL;
    }

  array = json_node_get_array (root);
  n = json_array_get_length (array);
  if (n == 0 && max_leads > MAX_BULK_LEADS)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("%s: holds no leads"), display);
      return NULL;
    }
  if (n == 0 || n > max_leads)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("%s: holds %'u leads; one call creates from 1 to %'d"), display, n, MAX_BULK_LEADS);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorLeadInput) input =
        lead_input_from_json (json_array_get_element (array, i), i, display, options, error);

      if (input == NULL)
        return NULL;
      g_list_store_append (inputs, input);
    }

  return G_LIST_MODEL (g_steal_pointer (&inputs));
}

/**
 * nexor_cli_read_lead_file:
 * @filename: the file, “-” for standard input
 * @out_single: (out): whether it held one lead object rather than an array
 * @error: a usage error naming the file and the lead
 *
 * Reads leads as `lead create --from-file` does: an array of 1 to 1000 lead
 * objects, or one lead object.
 *
 * Returns: (transfer full): a list of NexorLeadInput, or NULL
 */
GListModel *
nexor_cli_read_lead_file (const char  *filename,
                          gboolean    *out_single,
                          GError     **error)
{
  g_auto(LeadOptions) options = { 0 };

  options.from_file = g_strdup (filename);
  return read_leads (&options, MAX_BULK_LEADS, out_single, error);
}

/* A lead's name for a table: first and last name, or a placeholder. */
char *
nexor_cli_format_lead_name (NexorLead *lead)
{
  return format_lead_name (lead);
}

static char *
format_cadence (NexorCadence *cadence)
{
  g_autofree char *step = NULL;
  g_autofree char *attempt = NULL;
  int total;

  if (cadence == NULL)
    return NULL;

  total = nexor_cadence_get_total_steps (cadence);
  step = total > 0
    ? g_strdup_printf (_("step %d of %d"), nexor_cadence_get_step_index (cadence) + 1, total)
    : g_strdup_printf (_("step %d"), nexor_cadence_get_step_index (cadence) + 1);
  if (nexor_cadence_get_max_attempts (cadence) > 0)
    attempt = g_strdup_printf (_("attempt %d of %d"), nexor_cadence_get_attempt_number (cadence),
                               nexor_cadence_get_max_attempts (cadence));

  return JOIN (nexor_cli_separator (), step, nexor_cadence_get_channel (cadence), attempt);
}

/* The card of a lead as a write returned it: fewer members than Get Lead. */
static char *
format_saved_lead (const char              *heading,
                   NexorLead               *lead,
                   NexorWorkflowRunSummary *run)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  NexorCampaign *campaign = nexor_lead_get_campaign (lead);
  const char *campaign_text = campaign != NULL ? nexor_campaign_get_name (campaign)
                                               : nexor_lead_get_campaign_id (lead);

  nexor_cli_append_heading (out, heading);

  nexor_cli_table_add_row (card, _("Email"), nexor_lead_get_email (lead));
  nexor_cli_table_add_row (card, _("Phone"), nexor_lead_get_phone (lead));
  nexor_cli_table_add_row (card, _("Company"), nexor_lead_get_company (lead));
  nexor_cli_table_add_row (card, _("Title"), nexor_lead_get_title (lead));
  nexor_cli_table_add_row (card, _("Source"), nexor_lead_get_source (lead));
  nexor_cli_table_add_row (card, _("Campaign"), campaign_text);
  if (run != NULL)
    {
      NexorWorkflow *workflow = nexor_workflow_run_summary_get_workflow (run);
      g_autofree char *cadence = format_cadence (nexor_workflow_run_summary_get_cadence (run));

      nexor_cli_table_add_row (card, _("Workflow"),
                               workflow != NULL ? nexor_workflow_get_name (workflow) : NULL);
      nexor_cli_table_add_row (card, _("Cadence"), cadence);
      nexor_cli_table_add_row (card, _("Run"), nexor_workflow_run_summary_get_id (run));
    }
  nexor_cli_table_add_row (card, _("ID"), nexor_lead_get_id (lead));
  nexor_cli_table_render (card, "  ", out);

  append_metadata (out, lead);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
print_created_lead (NexorCreateLeadResult *result)
{
  NexorLead *lead = nexor_create_lead_result_get_lead (result);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *output = NULL;

  if (lead == NULL)
    {
      nexor_cli_print (_("Created the lead (the server did not send it back)\n"));
      return;
    }

  name = format_lead_name (lead);
  heading = nexor_create_lead_result_get_existed (result)
    ? g_strdup_printf (_("Updated the existing lead %s (same email or phone)"), name)
    : g_strdup_printf (_("Created %s"), name);
  output = format_saved_lead (heading, lead, nexor_create_lead_result_get_workflow_run (result));
  nexor_cli_print (output);
}

/* The API takes at most MAX_BULK_LEADS leads a call, so a larger file goes
 * in batches. A few travel at once so that the round trips overlap the
 * server's work and each other: 4 covers the round trip at the latencies
 * users see (a 1,000-lead batch costs the server tens of milliseconds) while
 * keeping to a handful of warm connections, a load the server can be
 * expected to take from one client, and no more than 4,000 leads in doubt
 * if the network fails while they are under way. */
#define MAX_BATCHES_IN_FLIGHT 4

typedef struct _LeadImport LeadImport;

typedef struct {
  LeadImport *import;             /* while it is under way */
  guint first;                    /* the index of its first lead in the file */
  guint n_leads;
  GListModel *inputs;
  NexorBulkCreateResult *result;
  GError *error;
  gboolean started;
} LeadBatch;

static void
lead_batch_free (LeadBatch *batch)
{
  g_clear_object (&batch->inputs);
  g_clear_object (&batch->result);
  g_clear_error (&batch->error);
  g_free (batch);
}

struct _LeadImport {
  NexorClient *client;
  GPtrArray *batches;             /* of LeadBatch, in the file's order */
  guint next;                     /* the first batch not started */
  guint in_flight;
  gboolean failed;                /* a batch failed: start no more */
};

static void start_batches (LeadImport *import);

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LeadBatch *batch = user_data;
  LeadImport *import = g_steal_pointer (&batch->import);

  batch->result = nexor_client_create_leads_finish (NEXOR_CLIENT (source), result, &batch->error);
  import->in_flight--;
  /* Whatever failed one batch (the key, the server, the network) would most
   * likely fail the next: those not sent yet stay unsent, and can be sent
   * again without doubt. */
  if (batch->result == NULL)
    import->failed = TRUE;
  start_batches (import);
}

static void
start_batches (LeadImport *import)
{
  while (!import->failed && import->in_flight < MAX_BATCHES_IN_FLIGHT &&
         import->next < import->batches->len)
    {
      LeadBatch *batch = import->batches->pdata[import->next++];

      batch->started = TRUE;
      batch->import = import;
      import->in_flight++;
      nexor_client_create_leads_async (import->client, batch->inputs, NULL, batch_done_cb, batch);
    }
}

/* Sends every batch, a few at a time; a batch whose call failed is never
 * sent again (bulk create is not safe to repeat). */
static void
import_batches (NexorClient *client,
                GPtrArray   *batches)
{
  LeadImport import = { client, batches, 0, 0, FALSE };

  start_batches (&import);
  while (import.in_flight > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* @inputs cut into batches of at most MAX_BULK_LEADS. */
static GPtrArray *
split_batches (GListModel *inputs)
{
  GPtrArray *batches = g_ptr_array_new_with_free_func ((GDestroyNotify) lead_batch_free);
  guint n = g_list_model_get_n_items (inputs);

  for (guint first = 0; first < n; first += MAX_BULK_LEADS)
    {
      LeadBatch *batch = g_new0 (LeadBatch, 1);
      GListStore *store = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);

      batch->first = first;
      batch->n_leads = MIN (n - first, MAX_BULK_LEADS);
      for (guint i = 0; i < batch->n_leads; i++)
        {
          g_autoptr(GObject) input = g_list_model_get_item (inputs, first + i);

          g_list_store_append (store, input);
        }
      batch->inputs = G_LIST_MODEL (store);
      g_ptr_array_add (batches, batch);
    }

  return batches;
}

/* A batch's answer as the file's: its indexes moved by @offset. */
static void
append_offset_items (JsonArray *to,
                     JsonArray *from,
                     guint      offset)
{
  for (guint i = 0; from != NULL && i < json_array_get_length (from); i++)
    {
      JsonNode *item = json_node_copy (json_array_get_element (from, i));

      if (JSON_NODE_HOLDS_OBJECT (item))
        {
          JsonObject *object = json_node_get_object (item);
          JsonNode *index = json_object_get_member (object, "index");

          if (index != NULL && JSON_NODE_HOLDS_VALUE (index) &&
              json_node_get_value_type (index) == G_TYPE_INT64)
            json_object_set_int_member (object, "index", json_node_get_int (index) + offset);
        }
      json_array_add_element (to, item);
    }
}

/* The answers of several batches as one: counts added up, the per-lead
 * arrays joined with the file's indexes, other members from the first. */
static JsonObject *
merge_batch_json (GPtrArray *batches)
{
  JsonObject *merged = NULL;

  for (guint b = 0; b < batches->len; b++)
    {
      LeadBatch *batch = batches->pdata[b];
      g_autoptr(JsonObject) raw = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(GList) members = NULL;

      if (batch->result == NULL)
        continue;
      raw = nexor_bulk_create_result_dup_json (batch->result);
      object = nexor_cli_json_unwrap (raw);
      if (merged == NULL)
        {
          merged = json_object_new ();
          members = json_object_get_members (object);
          for (const GList *l = members; l != NULL; l = l->next)
            {
              JsonNode *value = json_object_get_member (object, l->data);

              if (JSON_NODE_HOLDS_ARRAY (value))
                json_object_set_array_member (merged, l->data, json_array_new ());
              else
                json_object_set_member (merged, l->data, json_node_copy (value));
              if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
                json_object_set_int_member (merged, l->data, 0);
            }
          g_clear_pointer (&members, g_list_free);
        }

      members = json_object_get_members (object);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (object, l->data);
          JsonNode *total = json_object_get_member (merged, l->data);

          if (total == NULL)
            continue;
          if (JSON_NODE_HOLDS_ARRAY (value) && JSON_NODE_HOLDS_ARRAY (total))
            append_offset_items (json_node_get_array (total), json_node_get_array (value), batch->first);
          else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64 &&
                   JSON_NODE_HOLDS_VALUE (total) && json_node_get_value_type (total) == G_TYPE_INT64)
            json_object_set_int_member (merged, l->data,
                                        json_node_get_int (total) + json_node_get_int (value));
        }
    }

  return merged;
}

/* One row per lead of the file, in its order, then the counts; a batch
 * that did not answer is told on stderr with the leads it held. Returns the
 * exit status: the first failed batch's, or failed when any lead failed. */
static int
print_bulk_results (NexorCli  *cli,
                    GPtrArray *batches,
                    gboolean   as_json)
{
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (4);
  g_autoptr(GString) out = g_string_new (NULL);
  guint created = 0, updated = 0, failed = 0;
  gboolean any_result = FALSE;
  int status = NEXOR_CLI_EXIT_OK;

  nexor_cli_table_set_right_aligned (table, 0, TRUE);
  nexor_cli_table_add_header (table, "#", _("RESULT"), _("ID"), _("LEAD OR ERROR"));
  for (guint b = 0; b < batches->len; b++)
    {
      LeadBatch *batch = batches->pdata[b];
      GListModel *results = batch->result != NULL
                            ? nexor_bulk_create_result_get_results (batch->result) : NULL;
      guint n = results != NULL ? g_list_model_get_n_items (results) : 0;

      if (batch->result == NULL)
        continue;
      any_result = TRUE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NexorBulkItemResult) item = g_list_model_get_item (results, i);
          g_autofree char *index = NULL;
          g_autofree char *name = NULL;
          NexorLead *lead = nexor_bulk_item_result_get_lead (item);

          if (nexor_bulk_item_result_get_index (item) >= 0)
            index = g_strdup_printf ("%u", batch->first + (guint) nexor_bulk_item_result_get_index (item));

          if (!nexor_bulk_item_result_get_success (item))
            {
              const char *message = nexor_bulk_item_result_get_error_message (item);

              failed++;
              nexor_cli_table_add_row (table, index, _("failed"), NULL,
                                       message != NULL ? message : _("no reason given"));
              nexor_cli_table_set_cell_style (table, 1, NEXOR_CLI_STYLE_WARNING);
              if (nexor_cli_fields_selected ())
                {
                  g_autofree char *clean = nexor_cli_sanitize (message != NULL ? message
                                                                               : _("no reason given"));

                  nexor_cli_printerr (_("nexor: lead %d of the file failed: %s\n"),
                                      (int) batch->first + nexor_bulk_item_result_get_index (item), clean);
                }
              continue;
            }

          if (nexor_bulk_item_result_get_existed (item))
            updated++;
          else
            created++;
          if (lead != NULL)
            nexor_cli_recent_note (NEXOR_CLI_RECENT_LEAD, nexor_lead_get_id (lead));
          if (nexor_cli_fields_selected ())
            {
              /* The leads in the file's order; a failed one is told on stderr. */
              if (lead != NULL)
                {
                  g_autoptr(JsonObject) object = nexor_lead_dup_json (lead);

                  nexor_cli_fields_print_object (object);
                }
              continue;
            }
          name = lead != NULL ? format_lead_name (lead) : NULL;
          nexor_cli_table_add_row (table, index,
                                   nexor_bulk_item_result_get_existed (item) ? _("updated") : _("created"),
                                   lead != NULL ? nexor_lead_get_id (lead) : NULL, name);
        }

      /* A count the server sends beyond the listed results still fails. */
      if (nexor_bulk_create_result_get_failed (batch->result) > 0)
        status = NEXOR_CLI_EXIT_FAILED;
    }

  if (nexor_cli_fields_selected ())
    ;
  else if (as_json && any_result)
    {
      g_autoptr(JsonObject) object = NULL;

      if (batches->len == 1)
        {
          g_autoptr(JsonObject) raw =
            nexor_bulk_create_result_dup_json (((LeadBatch *) batches->pdata[0])->result);

          object = nexor_cli_json_unwrap (raw);
        }
      else
        {
          object = merge_batch_json (batches);
        }
      nexor_cli_print_json_object (object);
    }
  else if (any_result)
    {
      nexor_cli_table_render (table, "", out);
      g_string_append_printf (out, _("%'u created, %'u updated, %'u failed\n"), created, updated, failed);
      nexor_cli_print (out->str);
    }

  if (failed > 0)
    status = NEXOR_CLI_EXIT_FAILED;

  /* After the results, so that the last lines say what is left to do. */
  for (guint b = 0; b < batches->len; b++)
    {
      LeadBatch *batch = batches->pdata[b];
      int batch_status;

      if (batch->result != NULL)
        continue;
      if (!batch->started)
        {
          nexor_cli_printerr (_("nexor: leads %u to %u of the file were not sent, after an earlier "
                                "batch failed\n"), batch->first, batch->first + batch->n_leads - 1);
          continue;
        }
      if (batches->len > 1)
        g_prefix_error (&batch->error, _("leads %u to %u of the file: "),
                        batch->first, batch->first + batch->n_leads - 1);
      batch_status = nexor_cli_report_error (cli, batch->error);
      if (status == NEXOR_CLI_EXIT_OK || status == NEXOR_CLI_EXIT_FAILED)
        status = batch_status;
    }

  return status;
}

static int
lead_create (NexorCli               *cli,
             const NexorCliCommand  *command,
             char                 ***argv)
{
  g_auto(LeadOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "first-name", 0, 0, G_OPTION_ARG_STRING, &options.first_name, N_("First name (required)"), N_("TEXT") },
    { "last-name", 0, 0, G_OPTION_ARG_STRING, &options.last_name, N_("Last name"), N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &options.email, N_("Email address (the first key of the upsert)"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &options.phone, N_("Phone number, such as +56912345678"), N_("NUMBER") },
    { "company", 0, 0, G_OPTION_ARG_STRING, &options.company, N_("Company"), N_("TEXT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title, N_("Job title"), N_("TEXT") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &options.source, N_("Where the lead came from (default: api)"), N_("TEXT") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &options.campaign, N_("Campaign ID"), N_("ID") },
    { "external-id", 0, 0, G_OPTION_ARG_STRING, &options.external_id, N_("The lead's id in another system"), N_("TEXT") },
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &options.workflow, N_("Enroll the lead in this workflow"), N_("ID") },
    { "metadata", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.metadata,
      N_("Set a metadata key: KEY=TEXT for text, KEY:=JSON for any JSON value; repeatable"), N_("KEY=TEXT") },
    { "from-file", 0, 0, G_OPTION_ARG_FILENAME, &options.from_file,
      N_("Create the leads of a JSON array in FILE (“-” for standard input), sent 1000 a call"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  if (options.from_file != NULL)
    {
      g_autoptr(GListModel) inputs = NULL;
      g_autoptr(GPtrArray) batches = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (lead_fields); i++)
        {
          const LeadField *field = &lead_fields[i];

          if (LEAD_FIELD_VALUE (&options, field) != NULL &&
              !g_str_equal (field->option, "workflow") && !g_str_equal (field->option, "campaign") &&
              !g_str_equal (field->option, "source"))
            return nexor_cli_usage_error (cli, _("--%s cannot be used with --from-file; put it in "
                                          "the file"), field->option);
        }
      if (options.metadata != NULL)
        return nexor_cli_usage_error (cli, _("--metadata cannot be used with --from-file; put it "
                                      "in the file"));
      if (strcmp (options.from_file, "-") == 0 && nexor_cli_key_reads_stdin (cli))
        return nexor_cli_usage_error (cli, _("--from-file - and --api-key-file - cannot both read "
                                      "standard input"));

      if ((options.workflow != NULL && !nexor_cli_check_uuid (options.workflow, _("workflow ID"), &error)) ||
          (options.campaign != NULL && !nexor_cli_check_uuid (options.campaign, _("campaign ID"), &error)) ||
          (options.source != NULL && !nexor_cli_check_text (options.source, _("value of --source"), &error)))
        return nexor_cli_report_error (cli, error);

      /* Any number: they go in batches the API takes. */
      inputs = read_leads (&options, G_MAXUINT, NULL, &error);
      if (inputs == NULL)
        return nexor_cli_report_error (cli, error);

      client = nexor_cli_get_client (cli, &error);
      if (client == NULL)
        return nexor_cli_report_error (cli, error);

      nexor_cli_set_check_advice (cli, CREATE_CHECK_ADVICE);
      batches = split_batches (inputs);
      g_clear_object (&inputs);
      import_batches (client, batches);

      return print_bulk_results (cli, batches, options.as_json);
    }
  else
    {
      g_autoptr(NexorLeadInput) input = NULL;
      g_autoptr(NexorCreateLeadResult) result = NULL;

      input = lead_input_from_options (&options, TRUE, &error);
      if (input == NULL)
        return nexor_cli_report_error (cli, error);

      client = nexor_cli_get_client (cli, &error);
      if (client == NULL)
        return nexor_cli_report_error (cli, error);

      nexor_cli_set_check_advice (cli, CREATE_CHECK_ADVICE);
      result = nexor_client_create_lead (client, input, NULL, &error);
      if (result == NULL)
        return nexor_cli_report_error (cli, error);
      if (nexor_create_lead_result_get_lead (result) != NULL)
        nexor_cli_recent_note (NEXOR_CLI_RECENT_LEAD,
                               nexor_lead_get_id (nexor_create_lead_result_get_lead (result)));

      if (nexor_cli_fields_selected ())
        {
          NexorLead *lead = nexor_create_lead_result_get_lead (result);
          g_autoptr(JsonObject) object = lead != NULL ? nexor_lead_dup_json (lead) : NULL;

          nexor_cli_fields_print_object (object);
        }
      else if (options.as_json)
        {
          g_autoptr(JsonObject) raw = nexor_create_lead_result_dup_json (result);
          g_autoptr(JsonObject) object = nexor_cli_json_unwrap (raw);

          nexor_cli_print_json_object (object);
        }
      else
        {
          print_created_lead (result);
        }
    }

  return NEXOR_CLI_EXIT_OK;
}

static int
lead_update (NexorCli               *cli,
             const NexorCliCommand  *command,
             char                 ***argv)
{
  static const char * const names[] = { N_("lead ID") };
  g_auto(LeadOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLeadInput) input = NULL;
  g_autoptr(NexorLead) lead = NULL;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "first-name", 0, 0, G_OPTION_ARG_STRING, &options.first_name, N_("First name"), N_("TEXT") },
    { "last-name", 0, 0, G_OPTION_ARG_STRING, &options.last_name, N_("Last name"), N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &options.email, N_("Email address"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &options.phone, N_("Phone number"), N_("NUMBER") },
    { "company", 0, 0, G_OPTION_ARG_STRING, &options.company, N_("Company"), N_("TEXT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title, N_("Job title"), N_("TEXT") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &options.source, N_("Where the lead came from"), N_("TEXT") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &options.campaign, N_("Move the lead to this campaign"), N_("ID") },
    { "metadata", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.metadata,
      N_("Set a metadata key, keeping the others: KEY=TEXT for text, KEY:=JSON for any JSON "
      "value; repeatable"), N_("KEY=TEXT") },
    { "clear", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.clear,
      N_("Clear a field (send null): last-name, email, phone, company, title or campaign; "
      "repeatable, or a comma-separated list"), N_("FIELD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, 1, &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("lead ID"), &error))
    return nexor_cli_report_error (cli, error);

  input = lead_input_from_options (&options, FALSE, &error);
  if (input == NULL)
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  lead = nexor_client_update_lead (client, id, input, NULL, &error);
  if (lead == NULL)
    return nexor_cli_report_error (cli, error);

  if (nexor_cli_fields_selected ())
    {
      g_autoptr(JsonObject) object = nexor_lead_dup_json (lead);

      nexor_cli_fields_print_object (object);
    }
  else if (options.as_json)
    {
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_object_member (object, "lead", nexor_lead_dup_json (lead));
      nexor_cli_print_json_object (object);
    }
  else
    {
      g_autofree char *name = format_lead_name (lead);
      g_autofree char *heading = g_strdup_printf (_("Updated %s"), name);
      g_autofree char *output = format_saved_lead (heading, lead, NULL);

      nexor_cli_print (output);
    }

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_lead_commands[] = {
  { "get", N_("ID"), N_("Show a lead: who, where from, workflow, status and variables"), lead_get, NULL,
    &nexor_cli_kind_lead_card },
  { "search", N_("TEXT"), N_("Find leads whose name, email or phone contains TEXT (experimental)"),
    lead_search, NULL,
    &nexor_cli_kind_lead },
  { "create", N_("--first-name NAME …"),
    N_("Create a lead, or many with --from-file FILE; a known email or phone updates that lead"),
    lead_create, NULL,
    &nexor_cli_kind_lead, "" },
  { "update", N_("ID"), N_("Change a lead's fields; metadata is merged, --clear FIELD empties a field"),
    lead_update, NULL,
    &nexor_cli_kind_lead },
  { "assign", N_("ID WORKFLOW_ID"), N_("Enroll a lead in a workflow, or move it there"),
    nexor_cli_lead_assign, NULL, NULL, "" },
  { "status", N_("ID KEY"), N_("Force the lead's status in its workflow"), nexor_cli_lead_status, NULL },
  { "takeover", N_("ID"), N_("Stop the AI: a person takes the conversation over"),
    nexor_cli_lead_takeover, NULL },
  { "resume", N_("ID"), N_("Hand the conversation back to the AI"), nexor_cli_lead_resume, NULL },
  { "paused", N_("ID"), N_("Tell whether the AI is stopped for a lead (human takeover)"),
    nexor_cli_lead_paused, NULL },
  { "history", N_("ID"), N_("Show the lead's timeline: messages, calls and activities"),
    nexor_cli_lead_history, NULL,
    &nexor_cli_kind_history_item },
  { "meetings", N_("ID"), N_("List the lead's meetings, most recent first"), nexor_cli_lead_meetings, NULL,
    &nexor_cli_kind_meeting },
  { "tags", N_("ID"), N_("Show a lead's tags, replace them by name (--set) or add some by ID (--add)"),
    nexor_cli_lead_tags, NULL,
    &nexor_cli_kind_tag, N_("--add") },
  { NULL, NULL, NULL, NULL, NULL },
};
