/* nexor-cli-messages.c: `nexor message whatsapp|email|call` and
 * `nexor templates`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A message reaches a person, so sending asks first on a terminal, and
 * without one it needs --yes: a script that forgot it stops with a usage
 * error rather than write to somebody.
 */

#include <glib/gi18n.h>

#include <stdio.h>
#include <unistd.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

/* The template @wanted names, by id or by name, among the approved ones. */
static NexorTemplate *
find_template (NexorClient  *client,
               const char   *wanted,
               GError      **error)
{
  g_autoptr(GListModel) templates = nexor_client_list_templates (client, "APPROVED", NULL, NULL, error);
  NexorTemplate *found = NULL;
  guint n_named = 0;

  if (templates == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(NexorTemplate) template = g_list_model_get_item (templates, i);

      if (g_ascii_strcasecmp (nexor_template_get_id (template), wanted) == 0)
        {
          g_clear_object (&found);
          return g_steal_pointer (&template);
        }
      if (g_strcmp0 (nexor_template_get_name (template), wanted) == 0)
        {
          n_named++;
          if (found == NULL)
            found = g_steal_pointer (&template);
        }
    }

  if (n_named > 1)
    {
      g_clear_object (&found);
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("%u approved templates are named “%s” (one per language): give its ID "
                     "(see “nexor templates”)"), n_named, wanted);
      return NULL;
    }
  if (found == NULL)
    g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_NOT_FOUND,
                 _("No approved template is named “%s” or has that ID (see “nexor templates --status APPROVED”)"),
                 wanted);

  return found;
}

static gboolean
is_yes (const char *answer)
{
  g_autofree char *word = g_utf8_strdown (answer, -1);

  g_strstrip (word);
  /* TRANSLATORS: the answers that confirm "Send …? [y/N]", lower case,
   * separated by "|"; keep "y|yes" among them. */
  {
    g_auto(GStrv) yes = g_strsplit (_("y|yes"), "|", -1);

    return g_str_equal (word, "y") || g_str_equal (word, "yes") ||
           g_strv_contains ((const char * const *) yes, word);
  }
}

/* Asks on the terminal, or refuses without one: returns an exit status, or
 * -1 to go on. */
static int
confirm (NexorCli   *cli,
         gboolean    assume_yes,
         const char *question)
{
  char answer[64] = "";

  if (assume_yes)
    return -1;

  if (!isatty (STDIN_FILENO) || nexor_cli_key_reads_stdin (cli))
    return nexor_cli_usage_error (cli, _("Not sent: sending a message needs --yes when nothing can ask "
                                         "(standard input is not a terminal)"));

  g_printerr ("%s [%s] ", question, _("y/N"));
  fflush (stderr);
  if (fgets (answer, sizeof answer, stdin) == NULL || !is_yes (answer))
    {
      g_printerr ("%s\n", _("Not sent."));
      return NEXOR_CLI_EXIT_FAILED;
    }

  return -1;
}

static void
print_result (NexorMessageResult *result,
              const char         *lead_id,
              gboolean            as_json)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *heading;

  if (nexor_cli_fields_selected ())
    {
      g_autoptr(JsonObject) object = nexor_message_result_dup_json (result);

      nexor_cli_fields_print_object (object);
      return;
    }
  if (as_json)
    {
      g_autoptr(JsonObject) object = nexor_message_result_dup_json (result);

      nexor_cli_print_json_object (object);
      return;
    }

  switch (nexor_message_result_get_channel (result))
    {
    case NEXOR_MESSAGE_CHANNEL_WHATSAPP:
      heading = _("Sent a WhatsApp message");
      break;
    case NEXOR_MESSAGE_CHANNEL_EMAIL:
      heading = _("Sent an email");
      break;
    case NEXOR_MESSAGE_CHANNEL_CALL:
      heading = _("Started an AI call");
      break;
    case NEXOR_MESSAGE_CHANNEL_UNKNOWN:
    default:
      heading = _("Sent");
      break;
    }

  nexor_cli_append_heading (out, heading);
  nexor_cli_table_add_row (card, _("Lead"), lead_id);
  nexor_cli_table_add_row (card, _("Type"), nexor_message_result_get_message_type (result));
  nexor_cli_table_add_row (card, _("Message ID"), nexor_message_result_get_message_id (result));
  nexor_cli_table_add_row (card, _("WhatsApp ID"), nexor_message_result_get_provider_message_id (result));
  nexor_cli_table_add_row (card, _("Tracking ID"), nexor_message_result_get_activity_id (result));
  nexor_cli_table_add_row (card, _("Call ID"), nexor_message_result_get_call_id (result));
  nexor_cli_table_add_row (card, _("Call status"), nexor_message_result_get_call_status (result));
  nexor_cli_table_render (card, "  ", out);
  nexor_cli_print (out->str);
}

/* nexor message whatsapp|email|call LEAD_ID --workflow-id ID … */
static int
message_send (NexorCli               *cli,
              const NexorCliCommand  *command,
              char                 ***argv,
              NexorMessageChannel     channel)
{
  static const char * const positional_names[] = { N_("LEAD_ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMessageInput) input = nexor_message_input_new (channel);
  g_autoptr(NexorMessageResult) result = NULL;
  g_autoptr(NexorTemplate) template = NULL;
  g_autofree char *workflow_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *greeting = NULL;
  g_autofree char *question = NULL;
  g_auto(GStrv) params = NULL;
  gboolean assume_yes = FALSE;
  gboolean as_json = FALSE;
  const char *lead_id;
  NexorClient *client;
  int status;
  GOptionEntry entries[12];
  guint n = 0;

  entries[n++] = (GOptionEntry) { "workflow-id", 0, 0, G_OPTION_ARG_STRING, &workflow_id,
                                  N_("The workflow whose number, sender or voice agent sends it (default: the lead's)"),
                                  N_("ID") };
  if (channel == NEXOR_MESSAGE_CHANNEL_WHATSAPP)
    {
      entries[n++] = (GOptionEntry) { "text", 0, 0, G_OPTION_ARG_STRING, &text,
                                      N_("Free-form text (only within 24 hours of the lead's last message)"),
                                      N_("TEXT") };
      entries[n++] = (GOptionEntry) { "template", 0, 0, G_OPTION_ARG_STRING, &template_name,
                                      N_("An approved template, by name or ID (see “nexor templates”)"),
                                      N_("NAME") };
      entries[n++] = (GOptionEntry) { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &params,
                                      N_("The template's next variable, in order (repeatable)"), N_("TEXT") };
    }
  else if (channel == NEXOR_MESSAGE_CHANNEL_EMAIL)
    {
      entries[n++] = (GOptionEntry) { "text", 0, 0, G_OPTION_ARG_STRING, &text,
                                      N_("The email's text"), N_("TEXT") };
      entries[n++] = (GOptionEntry) { "html", 0, 0, G_OPTION_ARG_STRING, &html,
                                      N_("The email's HTML, sent as it is"), N_("HTML") };
      entries[n++] = (GOptionEntry) { "subject", 0, 0, G_OPTION_ARG_STRING, &subject,
                                      N_("The subject (default: the server's)"), N_("TEXT") };
    }
  else
    {
      entries[n++] = (GOptionEntry) { "greeting", 0, 0, G_OPTION_ARG_STRING, &greeting,
                                      N_("What the AI agent says first, instead of the workflow's greeting"),
                                      N_("TEXT") };
    }
  entries[n++] = (GOptionEntry) { "yes", 'y', 0, G_OPTION_ARG_NONE, &assume_yes,
                                  N_("Send without asking (needed when standard input is not a terminal)"),
                                  NULL };
  entries[n++] = (GOptionEntry) { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
                                  N_("Print the server's answer as JSON"), NULL };
  entries[n++] = (GOptionEntry) G_OPTION_ENTRY_NULL;
  g_assert (n <= G_N_ELEMENTS (entries));

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, positional_names, 1, &status))
    return status;
  lead_id = (*argv)[1];

  if (channel == NEXOR_MESSAGE_CHANNEL_WHATSAPP && (text == NULL) == (template_name == NULL))
    return nexor_cli_usage_error (cli, _("Give either --text or --template"));
  if (params != NULL && template_name == NULL)
    return nexor_cli_usage_error (cli, _("--param goes with --template"));
  if (channel == NEXOR_MESSAGE_CHANNEL_EMAIL && text == NULL && html == NULL)
    return nexor_cli_usage_error (cli, _("Give --text or --html"));

  if (!nexor_cli_check_uuid (lead_id, _("lead ID"), &error) ||
      (workflow_id != NULL && !nexor_cli_check_uuid (workflow_id, _("workflow ID"), &error)) ||
      (text != NULL && !nexor_cli_check_text (text, _("value of --text"), &error)) ||
      (html != NULL && !nexor_cli_check_text (html, _("value of --html"), &error)) ||
      (subject != NULL && !nexor_cli_check_text (subject, _("value of --subject"), &error)) ||
      (greeting != NULL && !nexor_cli_check_text (greeting, _("value of --greeting"), &error)) ||
      (template_name != NULL && !nexor_cli_check_text (template_name, _("value of --template"), &error)))
    return nexor_cli_report_error (cli, error);
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    if (!g_utf8_validate (params[i], -1, NULL))
      return nexor_cli_usage_error (cli, _("--param is not valid UTF-8"));

  nexor_message_input_set_lead_id (input, lead_id);
  if (text != NULL)
    nexor_message_input_set_content (input, text);
  if (html != NULL)
    nexor_message_input_set_html (input, html);
  if (subject != NULL)
    nexor_message_input_set_subject (input, subject);
  if (greeting != NULL)
    nexor_message_input_set_begin_message (input, greeting);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  /* The API needs the sending workflow; the lead's own is the one a person
   * at the desk means. */
  if (workflow_id == NULL)
    {
      g_autoptr(NexorLead) lead = nexor_client_get_lead (client, lead_id, NULL, &error);
      NexorWorkflowRun *run;

      if (lead == NULL)
        return nexor_cli_report_error (cli, error);
      run = nexor_lead_get_active_workflow_run (lead);
      if (run == NULL || nexor_workflow_run_get_workflow_id (run) == NULL)
        return nexor_cli_usage_error (cli, _("--workflow-id is required: the lead is in no workflow"));
      workflow_id = g_strdup (nexor_workflow_run_get_workflow_id (run));
    }
  nexor_message_input_set_workflow_id (input, workflow_id);

  if (template_name != NULL)
    {
      static const char * const none[] = { NULL };
      guint n_variables;
      guint n_params = params != NULL ? g_strv_length (params) : 0;

      template = find_template (client, template_name, &error);
      if (template == NULL)
        return nexor_cli_report_error (cli, error);
      n_variables = g_list_model_get_n_items (nexor_template_get_variables (template));
      if (n_params != n_variables)
        return nexor_cli_usage_error (cli, ngettext ("The template “%s” takes %u --param, %u given",
                                                     "The template “%s” takes %u --param, %u given",
                                                     n_variables),
                                      nexor_template_get_name (template), n_variables, n_params);
      nexor_message_input_set_template_id (input, nexor_template_get_id (template));
      nexor_message_input_set_template_parameters (input, params != NULL ? (const char * const *) params : none);
    }

  switch (channel)
    {
    case NEXOR_MESSAGE_CHANNEL_WHATSAPP:
      question = template != NULL
        ? g_strdup_printf (_("Send the WhatsApp template “%s” to lead %s?"), nexor_template_get_name (template),
                           lead_id)
        : g_strdup_printf (_("Send this WhatsApp message to lead %s?"), lead_id);
      break;
    case NEXOR_MESSAGE_CHANNEL_EMAIL:
      question = g_strdup_printf (_("Send this email to lead %s?"), lead_id);
      break;
    case NEXOR_MESSAGE_CHANNEL_CALL:
    case NEXOR_MESSAGE_CHANNEL_UNKNOWN:
    default:
      question = g_strdup_printf (_("Have the AI agent call lead %s now?"), lead_id);
      break;
    }
  status = confirm (cli, assume_yes, question);
  if (status >= 0)
    return status;

  /* Never sent twice: if the outcome is unknown, the history tells. */
  nexor_cli_set_check_command (cli, "lead", "history", lead_id, NULL);
  result = nexor_client_send_message (client, input, NULL, &error);
  if (result == NULL)
    return nexor_cli_report_error (cli, error);

  print_result (result, lead_id, as_json);
  return NEXOR_CLI_EXIT_OK;
}

static int
message_whatsapp (NexorCli *cli, const NexorCliCommand *command, char ***argv)
{
  return message_send (cli, command, argv, NEXOR_MESSAGE_CHANNEL_WHATSAPP);
}

static int
message_email (NexorCli *cli, const NexorCliCommand *command, char ***argv)
{
  return message_send (cli, command, argv, NEXOR_MESSAGE_CHANNEL_EMAIL);
}

static int
message_call (NexorCli *cli, const NexorCliCommand *command, char ***argv)
{
  return message_send (cli, command, argv, NEXOR_MESSAGE_CHANNEL_CALL);
}

/* "nombre, asesor" */
static char *
describe_variables (GListModel *variables)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(NexorTemplateVariable) variable = g_list_model_get_item (variables, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, nexor_template_variable_get_name (variable));
    }

  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

/* nexor templates [--status S] [--category C] [--json] */
int
nexor_cli_templates (NexorCli               *cli,
                     const NexorCliCommand  *command,
                     char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autofree char *status_filter = NULL;
  g_autofree char *category = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  guint n;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_filter,
      N_("Only templates in this status: APPROVED, PENDING or REJECTED"), N_("STATUS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Only templates of this category: MARKETING, UTILITY or AUTHENTICATION"), N_("CATEGORY") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the templates, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  /* Lower case is the same filter; the API takes capitals. */
  if (status_filter != NULL)
    {
      char *upper = g_ascii_strup (status_filter, -1);

      g_free (status_filter);
      status_filter = upper;
    }
  if (category != NULL)
    {
      char *upper = g_ascii_strup (category, -1);

      g_free (category);
      category = upper;
    }

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  templates = nexor_client_list_templates (client, status_filter, category, NULL, &error);
  if (templates == NULL)
    {
      if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT))
        return nexor_cli_usage_error (cli, "%s", error->message);
      return nexor_cli_report_error (cli, error);
    }

  n = g_list_model_get_n_items (templates);
  if (nexor_cli_fields_selected ())
    {
      nexor_cli_fields_print_list (templates, (NexorCliDupJsonFunc) nexor_template_dup_json, G_MAXUINT);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (templates, (NexorCliDupJsonFunc) nexor_template_dup_json, G_MAXUINT);
    }
  else if (n == 0)
    {
      nexor_cli_print (status_filter != NULL || category != NULL ? _("No templates match.\n")
                                                                  : _("No templates.\n"));
    }
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (6);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_add_header (table, _("NAME"), _("LANGUAGE"), _("CATEGORY"), _("STATUS"), _("VARIABLES"),
                                  _("ID"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NexorTemplate) template = g_list_model_get_item (templates, i);
          g_autofree char *variables = describe_variables (nexor_template_get_variables (template));

          nexor_cli_table_add_row (table, nexor_template_get_name (template), nexor_template_get_language (template),
                                   nexor_template_get_category (template), nexor_template_get_status (template),
                                   variables, nexor_template_get_id (template));
        }
      nexor_cli_table_render (table, "", out);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_message_commands[] = {
  { "whatsapp", N_("LEAD_ID (--text TEXT | --template NAME [--param TEXT]…) [--workflow-id ID]"),
    N_("Send a WhatsApp text or template (asks first; never sent twice)"), message_whatsapp, NULL,
    &nexor_cli_kind_message_result, "" },
  { "email", N_("LEAD_ID (--text TEXT | --html HTML) [--subject TEXT] [--workflow-id ID]"),
    N_("Send an email (asks first; never sent twice)"), message_email, NULL, &nexor_cli_kind_message_result, "" },
  { "call", N_("LEAD_ID [--greeting TEXT] [--workflow-id ID]"),
    N_("Have the AI agent call the lead (asks first; never sent twice)"), message_call, NULL,
    &nexor_cli_kind_message_result, "" },
  { NULL, NULL, NULL, NULL, NULL },
};
