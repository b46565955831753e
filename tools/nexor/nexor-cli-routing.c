/* nexor-cli-routing.c: `nexor processors …`, `nexor rules …` and `nexor route`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The API has no endpoint that lists processors, so there is no
 * `processors list`: a processor is reached by its id.
 */

#include <string.h>

#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

/* The largest conditions file read. */
#define MAX_CONDITIONS_FILE_SIZE (1024 * 1024)

/* ---------------------------------------------------------------------------
 * Printing
 * ------------------------------------------------------------------------- */

static const char *
yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

/* "NAME (ID)", or whichever of the two is known. */
static char *
format_workflow (NexorWorkflow *workflow,
                 const char    *fallback_id)
{
  const char *name = workflow != NULL ? nexor_workflow_get_name (workflow) : NULL;
  const char *id = workflow != NULL && nexor_workflow_get_id (workflow) != NULL
                   ? nexor_workflow_get_id (workflow) : fallback_id;

  if (name != NULL && id != NULL)
    return g_strdup_printf ("%s (%s)", name, id);

  return g_strdup (name != NULL ? name : id);
}

/* "metadata.language in ["EN","en"]" */
static char *
format_condition (NexorCondition *condition)
{
  g_autoptr(JsonNode) value = nexor_condition_dup_value (condition);
  g_autofree char *text = NULL;
  const char *field = nexor_condition_get_field (condition);
  const char *op = nexor_condition_get_operator_name (condition);

  if (value != NULL)
    text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
           ? json_to_string (value, FALSE) : nexor_cli_format_json_value (value);

  return g_strjoin (" ", field != NULL ? field : "?", op != NULL ? op : "?", text, NULL);
}

/* The conditions, “; ” between them: a table cell is one line. */
static char *
format_conditions (GListModel *conditions)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = conditions != NULL ? g_list_model_get_n_items (conditions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorCondition) condition = g_list_model_get_item (conditions, i);
      g_autofree char *line = format_condition (condition);

      g_string_append_printf (out, "%s%s", i > 0 ? "; " : "", line);
    }

  if (n == 0)
    return g_strdup (_("(none: every lead matches)"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A name for a heading: the placeholder when there is none. */
static const char *
display_name (const char *name)
{
  return name != NULL && *name != '\0' ? name : nexor_cli_placeholder ();
}

static void
print_rule_card (const char *heading,
                 NexorRule  *rule)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *workflow = format_workflow (nexor_rule_get_workflow (rule), nexor_rule_get_workflow_id (rule));
  g_autofree char *conditions = format_conditions (nexor_rule_get_conditions (rule));
  g_autofree char *position = g_strdup_printf ("%d", nexor_rule_get_position (rule));

  nexor_cli_append_heading (out, heading);
  nexor_cli_table_add_row (card, _("Workflow"), workflow);
  nexor_cli_table_add_row (card, _("Position"), position);
  nexor_cli_table_add_row (card, _("Active"), yes_no (nexor_rule_get_is_active (rule)));
  nexor_cli_table_add_row (card, _("Conditions"), conditions);
  nexor_cli_table_add_row (card, _("ID"), nexor_rule_get_id (rule));
  nexor_cli_table_render (card, "  ", out);
  nexor_cli_print (out->str);
}

static void
append_rules_table (GString    *out,
                    GListModel *rules)
{
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (6);
  guint n = rules != NULL ? g_list_model_get_n_items (rules) : 0;

  if (n == 0)
    {
      g_string_append (out, _("No rules: every lead goes to the default workflow.\n"));
      return;
    }

  nexor_cli_table_set_right_aligned (table, 0, TRUE);
  nexor_cli_table_add_header (table, "#", _("NAME"), _("WORKFLOW"), _("CONDITIONS"), _("ACTIVE"), _("ID"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorRule) rule = g_list_model_get_item (rules, i);
      g_autofree char *position = g_strdup_printf ("%d", nexor_rule_get_position (rule));
      g_autofree char *workflow = format_workflow (nexor_rule_get_workflow (rule),
                                                   nexor_rule_get_workflow_id (rule));
      g_autofree char *conditions = format_conditions (nexor_rule_get_conditions (rule));

      nexor_cli_table_add_row (table, position, nexor_rule_get_name (rule), workflow, conditions,
                               yes_no (nexor_rule_get_is_active (rule)), nexor_rule_get_id (rule));
    }
  nexor_cli_table_render (table, "", out);
}

static void
print_processor_card (const char     *heading,
                      NexorProcessor *processor,
                      gboolean        with_rules)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *workflow = format_workflow (nexor_processor_get_default_workflow (processor),
                                               nexor_processor_get_default_workflow_id (processor));
  g_autofree char *created = nexor_cli_format_datetime (nexor_processor_get_created_at (processor));
  g_autofree char *updated = nexor_cli_format_datetime (nexor_processor_get_updated_at (processor));

  nexor_cli_append_heading (out, heading);
  nexor_cli_table_add_row (card, _("Description"), nexor_processor_get_description (processor));
  nexor_cli_table_add_row (card, _("Default workflow"), workflow);
  nexor_cli_table_add_row (card, _("Active"), yes_no (nexor_processor_get_is_active (processor)));
  nexor_cli_table_add_row (card, _("Created"), created);
  nexor_cli_table_add_row (card, _("Updated"), updated);
  nexor_cli_table_add_row (card, _("ID"), nexor_processor_get_id (processor));
  nexor_cli_table_render (card, "  ", out);

  if (with_rules)
    {
      g_string_append_c (out, '\n');
      append_rules_table (out, nexor_processor_get_rules (processor));
    }

  nexor_cli_print (out->str);
}

static void
print_processor (NexorProcessor *processor,
                 gboolean        as_json,
                 const char     *heading,
                 gboolean        with_rules)
{
  if (nexor_cli_fields_selected ())
    {
      g_autoptr(JsonObject) object = nexor_processor_dup_json (processor);

      nexor_cli_fields_print_object (object);
    }
  else if (as_json)
    {
      g_autoptr(JsonObject) object = nexor_processor_dup_json (processor);

      nexor_cli_print_json_object (object);
    }
  else
    {
      print_processor_card (heading, processor, with_rules);
    }
}

static void
print_rule (NexorRule  *rule,
            gboolean    as_json,
            const char *heading)
{
  if (nexor_cli_fields_selected ())
    {
      g_autoptr(JsonObject) object = nexor_rule_dup_json (rule);

      nexor_cli_fields_print_object (object);
    }
  else if (as_json)
    {
      g_autoptr(JsonObject) object = nexor_rule_dup_json (rule);

      nexor_cli_print_json_object (object);
    }
  else
    {
      print_rule_card (heading, rule);
    }
}

static void
print_deleted (gboolean    as_json,
               const char *id,
               const char *message)
{
  if (as_json)
    {
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "id", id);
      json_object_set_boolean_member (object, "deleted", TRUE);
      nexor_cli_print_json_object (object);
    }
  else
    {
      nexor_cli_print (message);
    }
}

/* ---------------------------------------------------------------------------
 * Conditions: --when 'FIELD OPERATOR [VALUE]' and --conditions-file FILE
 * ------------------------------------------------------------------------- */

static const char *operator_list = "eq, neq, gt, gte, lt, lte, contains, not_contains, in, not_in, "
                                   "exists, not_exists, regex";

/* A JSON scalar if @text is one (35, 2.5, true, "35"), else @text as a
 * string. */
static JsonNode *
scalar_value (const char *text)
{
  g_autoptr(JsonNode) node = nexor_cli_json_parse (text, strlen (text), NULL);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    return g_steal_pointer (&node);

  return json_node_init_string (json_node_alloc (), text);
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
when_error (GError     **error,
            const char  *when,
            const char  *format,
            ...) G_GNUC_PRINTF (3, 4);

static gboolean
when_error (GError     **error,
            const char  *when,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = nexor_cli_ellipsize (when, 60);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE, _("--when “%s”: %s"),
               shown != NULL ? shown : "", message);
  return FALSE;
}

/* 'metadata.language in EN,en' → a condition. */
static NexorConditionInput *
parse_when (const char  *when,
            GError     **error)
{
  g_autofree char *copy = NULL;
  g_autoptr(NexorConditionInput) condition = NULL;
  g_autoptr(JsonNode) value = NULL;
  NexorConditionOperator op;
  char *field, *op_name, *rest, *p;

  if (!g_utf8_validate (when, -1, NULL))
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("the value of --when is not valid UTF-8"));
      return NULL;
    }

  copy = g_strstrip (g_strdup (when));
  field = copy;
  for (p = field; *p != '\0' && !g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    {
      when_error (error, when, _("expected FIELD OPERATOR [VALUE], such as “metadata.language in EN,en”"));
      return NULL;
    }
  *p++ = '\0';
  while (g_ascii_isspace (*p))
    p++;
  op_name = p;
  for (; *p != '\0' && !g_ascii_isspace (*p); p++)
    ;
  if (*p != '\0')
    *p++ = '\0';
  rest = g_strstrip (p);

  op = nexor_condition_operator_from_string (op_name);
  if (op == NEXOR_CONDITION_OPERATOR_UNKNOWN)
    {
      g_autofree char *shown = nexor_cli_ellipsize (op_name, 40);

      when_error (error, when, _("unknown operator “%s”; use one of %s"), shown, operator_list);
      return NULL;
    }

  condition = nexor_condition_input_new (field, op);

  switch (op)
    {
    case NEXOR_CONDITION_OPERATOR_EXISTS:
    case NEXOR_CONDITION_OPERATOR_NOT_EXISTS:
      if (*rest != '\0')
        {
          when_error (error, when, _("“%s” takes no value"), op_name);
          return NULL;
        }
      return g_steal_pointer (&condition);

    default:
      if (*rest == '\0')
        {
          when_error (error, when, _("“%s” needs a value"), op_name);
          return NULL;
        }
      break;
    }

  switch (op)
    {
    case NEXOR_CONDITION_OPERATOR_CONTAINS:
    case NEXOR_CONDITION_OPERATOR_NOT_CONTAINS:
    case NEXOR_CONDITION_OPERATOR_REGEX:
      /* Text as typed: a pattern is never read as JSON. */
      nexor_condition_input_set_string_value (condition, rest);
      return g_steal_pointer (&condition);

    case NEXOR_CONDITION_OPERATOR_IN:
    case NEXOR_CONDITION_OPERATOR_NOT_IN:
      if (rest[0] == '[')
        {
          g_autoptr(GError) local_error = NULL;

          value = nexor_cli_json_parse (rest, strlen (rest), &local_error);
          if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
            {
              when_error (error, when, _("the list is not a JSON array: %s"),
                          local_error != NULL ? local_error->message : nexor_cli_json_type_name (value));
              return NULL;
            }
        }
      else
        {
          const char * const values[] = { rest, NULL };
          g_auto(GStrv) items = nexor_cli_split_list (values);
          JsonArray *array = json_array_new ();

          for (guint i = 0; items[i] != NULL; i++)
            json_array_add_element (array, scalar_value (items[i]));
          value = json_node_init_array (json_node_alloc (), array);
          json_array_unref (array);
        }
      break;

    case NEXOR_CONDITION_OPERATOR_GT:
    case NEXOR_CONDITION_OPERATOR_GTE:
    case NEXOR_CONDITION_OPERATOR_LT:
    case NEXOR_CONDITION_OPERATOR_LTE:
      value = scalar_value (rest);
      if (!is_number (value))
        {
          when_error (error, when, _("“%s” compares numbers, not “%s”"), op_name, rest);
          return NULL;
        }
      break;

    case NEXOR_CONDITION_OPERATOR_EQ:
    case NEXOR_CONDITION_OPERATOR_NEQ:
    default:
      value = scalar_value (rest);
      break;
    }

  nexor_condition_input_set_value (condition, value);
  return g_steal_pointer (&condition);
}

/* A JSON array of {field, operator, value} objects, as GET shows them. */
static GPtrArray *
read_conditions_file (const char  *filename,
                      GError     **error)
{
  g_autofree char *display = strcmp (filename, "-") == 0 ? g_strdup (_("standard input"))
                                                          : g_filename_display_name (filename);
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  JsonArray *array;
  gsize length = 0;

  if (strcmp (filename, "-") == 0)
    {
      GIOChannel *channel = g_io_channel_unix_new (0);

      g_io_channel_set_encoding (channel, NULL, NULL);
      if (g_io_channel_read_to_end (channel, &data, &length, &local_error) != G_IO_STATUS_NORMAL)
        g_clear_pointer (&data, g_free);
      g_io_channel_unref (channel);
    }
  else
    {
      g_file_get_contents (filename, &data, &length, &local_error);
    }

  if (data == NULL)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE, _("cannot read “%s”: %s"),
                   display, local_error->message);
      return NULL;
    }
  if (length > MAX_CONDITIONS_FILE_SIZE)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE, _("%s: larger than 1 MiB"), display);
      return NULL;
    }

  root = nexor_cli_json_parse (data, length, &local_error);
  if (root == NULL)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE, "%s: %s", display, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("%s: expected a JSON array of conditions, not %s"), display, nexor_cli_json_type_name (root));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *field, *op, *value;
      NexorConditionOperator parsed;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("%s: condition [%u]: expected an object, not %s"), display, i,
                       nexor_cli_json_type_name (element));
          return NULL;
        }
      object = json_node_get_object (element);
      field = json_object_get_member (object, "field");
      op = json_object_get_member (object, "operator");
      value = json_object_get_member (object, "value");

      if (field == NULL || !JSON_NODE_HOLDS_VALUE (field) || json_node_get_value_type (field) != G_TYPE_STRING ||
          op == NULL || !JSON_NODE_HOLDS_VALUE (op) || json_node_get_value_type (op) != G_TYPE_STRING)
        {
          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("%s: condition [%u]: “field” and “operator” must be strings"), display, i);
          return NULL;
        }

      parsed = nexor_condition_operator_from_string (json_node_get_string (op));
      if (parsed == NEXOR_CONDITION_OPERATOR_UNKNOWN)
        {
          g_autofree char *shown = nexor_cli_ellipsize (json_node_get_string (op), 40);

          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("%s: condition [%u]: unknown operator “%s”; use one of %s"), display, i,
                       shown, operator_list);
          return NULL;
        }

      {
        NexorConditionInput *condition = nexor_condition_input_new (json_node_get_string (field), parsed);

        if (value != NULL)
          nexor_condition_input_set_value (condition, value);
        g_ptr_array_add (conditions, condition);
      }
    }

  return g_steal_pointer (&conditions);
}

/* Fills the conditions of @input from --when and --conditions-file; returns
 * whether any option set them. */
static gboolean
add_conditions (NexorRuleInput  *input,
                char           **when,
                const char      *conditions_file,
                gboolean        *out_given,
                GError         **error)
{
  *out_given = FALSE;

  if (when != NULL && conditions_file != NULL)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("--when and --conditions-file cannot be used together"));
      return FALSE;
    }

  if (conditions_file != NULL)
    {
      g_autoptr(GPtrArray) conditions = read_conditions_file (conditions_file, error);

      if (conditions == NULL)
        return FALSE;
      nexor_rule_input_clear_conditions (input);
      for (guint i = 0; i < conditions->len; i++)
        nexor_rule_input_add_condition (input, g_ptr_array_index (conditions, i));
      *out_given = TRUE;
    }

  for (guint i = 0; when != NULL && when[i] != NULL; i++)
    {
      g_autoptr(NexorConditionInput) condition = parse_when (when[i], error);

      if (condition == NULL)
        return FALSE;
      nexor_rule_input_add_condition (input, condition);
      *out_given = TRUE;
    }

  return TRUE;
}

/* "true"/"false" and "yes"/"no" for --active. */
static gboolean
parse_boolean (const char  *text,
               const char  *option,
               gboolean    *out_value,
               GError     **error)
{
  if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "yes") == 0)
    *out_value = TRUE;
  else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "no") == 0)
    *out_value = FALSE;
  else
    {
      g_autofree char *shown = nexor_cli_ellipsize (text, 40);

      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("--%s takes “true” or “false”, not “%s”"), option, shown != NULL ? shown : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_position (int          position,
                GError     **error)
{
  if (position < 0)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("--position must be 0 or more"));
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------------
 * nexor processors …
 * ------------------------------------------------------------------------- */

/* nexor processors get ID [--json] */
static int
processors_get (NexorCli               *cli,
                const NexorCliCommand  *command,
                char                 ***argv)
{
  static const char * const names[] = { N_("processor ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorProcessor) processor = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the processor as JSON, as the server sent it"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  processor = nexor_client_get_processor (client, (*argv)[1], NULL, &error);
  if (processor == NULL)
    return nexor_cli_report_error (cli, error);

  {
    g_autofree char *heading = g_strdup_printf (_("Processor %s"), display_name (nexor_processor_get_name (processor)));

    print_processor (processor, as_json, heading, TRUE);
  }
  return NEXOR_CLI_EXIT_OK;
}

/* nexor processors create NAME --default-workflow ID [--description TEXT] */
static int
processors_create (NexorCli               *cli,
                   const NexorCliCommand  *command,
                   char                 ***argv)
{
  static const char * const names[] = { N_("processor name") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorProcessorInput) input = nexor_processor_input_new ();
  g_autoptr(NexorProcessor) processor = NULL;
  g_autofree char *workflow = NULL;
  g_autofree char *description = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "default-workflow", 0, 0, G_OPTION_ARG_STRING, &workflow,
      N_("The workflow of the leads no rule matches (required)"), N_("ID") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the processor is for"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the new processor as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (workflow == NULL)
    return nexor_cli_usage_error (cli, _("--default-workflow ID is required"));
  if (!nexor_cli_check_text ((*argv)[1], _("processor name"), &error) ||
      !nexor_cli_check_uuid (workflow, _("workflow ID"), &error) ||
      (description != NULL && !nexor_cli_check_text (description, _("description"), &error)))
    return nexor_cli_report_error (cli, error);

  nexor_processor_input_set_name (input, (*argv)[1]);
  nexor_processor_input_set_default_workflow_id (input, workflow);
  if (description != NULL)
    nexor_processor_input_set_description (input, description);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  nexor_cli_set_check_advice (cli, _("it may have been created; the API cannot list processors: look "
                                     "for it in the Nexor dashboard before running this again"));
  processor = nexor_client_create_processor (client, input, NULL, &error);
  if (processor == NULL)
    return nexor_cli_report_error (cli, error);

  {
    g_autofree char *heading = g_strdup_printf (_("Created processor %s"), display_name (nexor_processor_get_name (processor)));

    print_processor (processor, as_json, heading, FALSE);
  }
  return NEXOR_CLI_EXIT_OK;
}

/* nexor processors update ID [--name] [--description | --clear description]
 *                            [--default-workflow ID] [--active true|false] */
static int
processors_update (NexorCli               *cli,
                   const NexorCliCommand  *command,
                   char                 ***argv)
{
  static const char * const names[] = { N_("processor ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorProcessorInput) input = nexor_processor_input_new ();
  g_autoptr(NexorProcessor) processor = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *workflow = NULL;
  g_autofree char *active = NULL;
  g_auto(GStrv) clear_values = NULL;
  g_auto(GStrv) clear = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("New description"), N_("TEXT") },
    { "default-workflow", 0, 0, G_OPTION_ARG_STRING, &workflow, N_("New default workflow"), N_("ID") },
    { "active", 0, 0, G_OPTION_ARG_STRING, &active,
      N_("“true” to reactivate a deleted processor, “false” to deactivate it"), N_("BOOL") },
    { "clear", 0, 0, G_OPTION_ARG_STRING_ARRAY, &clear_values,
      N_("Clear a field (send null); only “description” can be cleared"), N_("FIELD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the updated processor as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("processor ID"), &error) ||
      (name != NULL && !nexor_cli_check_text (name, _("value of --name"), &error)) ||
      (description != NULL && !nexor_cli_check_text (description, _("value of --description"), &error)) ||
      (workflow != NULL && !nexor_cli_check_uuid (workflow, _("workflow ID"), &error)))
    return nexor_cli_report_error (cli, error);

  clear = nexor_cli_split_list ((const char * const *) clear_values);
  for (guint i = 0; clear[i] != NULL; i++)
    {
      g_autofree char *shown = nexor_cli_ellipsize (clear[i], 40);

      if (!g_str_equal (clear[i], "description"))
        return nexor_cli_usage_error (cli, _("--clear “%s”: only description can be cleared"),
                                      shown != NULL ? shown : "");
      if (description != NULL)
        return nexor_cli_usage_error (cli, _("--description and --clear description cannot be "
                                      "used together"));
      nexor_processor_input_set_description (input, NULL);
    }

  if (name != NULL)
    nexor_processor_input_set_name (input, name);
  if (description != NULL)
    nexor_processor_input_set_description (input, description);
  if (workflow != NULL)
    nexor_processor_input_set_default_workflow_id (input, workflow);
  if (active != NULL)
    {
      gboolean value;

      if (!parse_boolean (active, "active", &value, &error))
        return nexor_cli_report_error (cli, error);
      nexor_processor_input_set_is_active (input, value);
    }

  if (name == NULL && description == NULL && workflow == NULL && active == NULL && clear[0] == NULL)
    return nexor_cli_usage_error (cli, _("nothing to change: give --name, --description, "
                                  "--default-workflow, --active or --clear description"));

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  processor = nexor_client_update_processor (client, id, input, NULL, &error);
  if (processor == NULL)
    return nexor_cli_report_error (cli, error);

  {
    g_autofree char *heading = g_strdup_printf (_("Updated processor %s"), display_name (nexor_processor_get_name (processor)));

    print_processor (processor, as_json, heading, FALSE);
  }
  return NEXOR_CLI_EXIT_OK;
}

/* nexor processors delete ID [--json] */
static int
processors_delete (NexorCli               *cli,
                   const NexorCliCommand  *command,
                   char                 ***argv)
{
  static const char * const names[] = { N_("processor ID") };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print {\"id\": ID, \"deleted\": true}"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  if (!nexor_client_delete_processor (client, (*argv)[1], NULL, &error))
    return nexor_cli_report_error (cli, error);

  message = g_strdup_printf (_("Deactivated processor %s; it routes no more leads "
                               "(“processors update ID --active true” brings it back)\n"), (*argv)[1]);
  print_deleted (as_json, (*argv)[1], message);
  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_processors_commands[] = {
  { "get", N_("ID"), N_("Show a processor, its default workflow and its rules in order"), processors_get,
    NULL, &nexor_cli_kind_processor },
  { "create", N_("NAME"), N_("Create a routing processor (then add rules with “nexor rules add”)"),
    processors_create, NULL, &nexor_cli_kind_processor, "" },
  { "update", N_("ID"), N_("Rename a processor, change its default workflow, reactivate it"),
    processors_update, NULL, &nexor_cli_kind_processor },
  { "delete", N_("ID"), N_("Deactivate a processor: it keeps its rules and routes no more leads"),
    processors_delete, NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

/* ---------------------------------------------------------------------------
 * nexor rules …
 * ------------------------------------------------------------------------- */

/* nexor rules list PROCESSOR_ID [--json] */
static int
rules_list (NexorCli               *cli,
            const NexorCliCommand  *command,
            char                 ***argv)
{
  static const char * const names[] = { N_("processor ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorProcessor) processor = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  GListModel *rules;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print a JSON array of the rules, as the server sent them"),
      NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  processor = nexor_client_get_processor (client, (*argv)[1], NULL, &error);
  if (processor == NULL)
    return nexor_cli_report_error (cli, error);

  rules = nexor_processor_get_rules (processor);
  if (nexor_cli_fields_selected ())
    nexor_cli_fields_print_list (rules, (NexorCliDupJsonFunc) nexor_rule_dup_json, G_MAXUINT);
  else if (as_json)
    nexor_cli_print_json_list (rules, (NexorCliDupJsonFunc) nexor_rule_dup_json, G_MAXUINT);
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      append_rules_table (out, rules);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}

/* nexor rules add PROCESSOR_ID NAME --workflow ID (--when COND… | --conditions-file FILE)
 *                 [--position N] [--inactive] [--json] */
static int
rules_add (NexorCli               *cli,
           const NexorCliCommand  *command,
           char                 ***argv)
{
  static const char * const names[] = { N_("processor ID"), N_("rule name") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorRuleInput) input = nexor_rule_input_new ();
  g_autoptr(NexorRule) rule = NULL;
  g_autofree char *workflow = NULL;
  g_autofree char *conditions_file = NULL;
  g_auto(GStrv) when = NULL;
  gboolean inactive = FALSE;
  gboolean as_json = FALSE;
  gboolean given = FALSE;
  int position = -1;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &workflow, N_("The workflow of the leads the rule matches (required)"),
      N_("ID") },
    { "when", 0, 0, G_OPTION_ARG_STRING_ARRAY, &when,
      N_("A condition, “FIELD OPERATOR [VALUE]”, such as 'metadata.language in EN,en'; repeat it: "
         "a lead must meet them all"), N_("CONDITION") },
    { "conditions-file", 0, 0, G_OPTION_ARG_FILENAME, &conditions_file,
      N_("Read the conditions from a JSON array of {field, operator, value} in FILE (“-”: standard input)"),
      N_("FILE") },
    { "position", 0, 0, G_OPTION_ARG_INT, &position, N_("Where the rule is evaluated, lower first (default: last)"),
      N_("N") },
    { "inactive", 0, 0, G_OPTION_ARG_NONE, &inactive, N_("Create the rule disabled"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the new rule as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (workflow == NULL)
    return nexor_cli_usage_error (cli, _("--workflow ID is required"));
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error) ||
      !nexor_cli_check_text ((*argv)[2], _("rule name"), &error) ||
      !nexor_cli_check_uuid (workflow, _("workflow ID"), &error) ||
      (position != -1 && !check_position (position, &error)) ||
      !add_conditions (input, when, conditions_file, &given, &error))
    return nexor_cli_report_error (cli, error);
  if (!given)
    return nexor_cli_usage_error (cli, _("give the rule's conditions with --when (repeatable) or "
                                  "--conditions-file FILE"));
  if (conditions_file != NULL && strcmp (conditions_file, "-") == 0 && nexor_cli_key_reads_stdin (cli))
    return nexor_cli_usage_error (cli, _("--conditions-file - and --api-key-file - cannot both read "
                                  "standard input"));

  nexor_rule_input_set_name (input, (*argv)[2]);
  nexor_rule_input_set_workflow_id (input, workflow);
  if (position != -1)
    nexor_rule_input_set_position (input, position);
  if (inactive)
    nexor_rule_input_set_is_active (input, FALSE);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  nexor_cli_set_check_command (cli, "rules", "list", (*argv)[1], NULL);
  rule = nexor_client_create_processor_rule (client, (*argv)[1], input, NULL, &error);
  if (rule == NULL)
    return nexor_cli_report_error (cli, error);

  {
    g_autofree char *heading = g_strdup_printf (_("Added rule %s"), display_name (nexor_rule_get_name (rule)));

    print_rule (rule, as_json, heading);
  }
  return NEXOR_CLI_EXIT_OK;
}

/* nexor rules update PROCESSOR_ID RULE_ID [--name] [--workflow] [--when… |
 *                    --conditions-file FILE] [--position N] [--active BOOL] */
static int
rules_update (NexorCli               *cli,
              const NexorCliCommand  *command,
              char                 ***argv)
{
  static const char * const names[] = { N_("processor ID"), N_("rule ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorRuleInput) input = nexor_rule_input_new ();
  g_autoptr(NexorRule) rule = NULL;
  g_autofree char *name = NULL;
  g_autofree char *workflow = NULL;
  g_autofree char *conditions_file = NULL;
  g_autofree char *active = NULL;
  g_auto(GStrv) when = NULL;
  gboolean as_json = FALSE;
  gboolean given = FALSE;
  int position = -1;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("TEXT") },
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &workflow, N_("New workflow"), N_("ID") },
    { "when", 0, 0, G_OPTION_ARG_STRING_ARRAY, &when,
      N_("Replace the conditions with these, “FIELD OPERATOR [VALUE]”; repeatable"), N_("CONDITION") },
    { "conditions-file", 0, 0, G_OPTION_ARG_FILENAME, &conditions_file,
      N_("Replace the conditions with the JSON array in FILE (“-”: standard input)"), N_("FILE") },
    { "position", 0, 0, G_OPTION_ARG_INT, &position, N_("New position"), N_("N") },
    { "active", 0, 0, G_OPTION_ARG_STRING, &active, N_("“false” disables the rule, “true” enables it"),
      N_("BOOL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the updated rule as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error) ||
      !nexor_cli_check_uuid ((*argv)[2], _("rule ID"), &error) ||
      (name != NULL && !nexor_cli_check_text (name, _("value of --name"), &error)) ||
      (workflow != NULL && !nexor_cli_check_uuid (workflow, _("workflow ID"), &error)) ||
      (position != -1 && !check_position (position, &error)) ||
      !add_conditions (input, when, conditions_file, &given, &error))
    return nexor_cli_report_error (cli, error);
  if (conditions_file != NULL && strcmp (conditions_file, "-") == 0 && nexor_cli_key_reads_stdin (cli))
    return nexor_cli_usage_error (cli, _("--conditions-file - and --api-key-file - cannot both read "
                                  "standard input"));

  if (name != NULL)
    nexor_rule_input_set_name (input, name);
  if (workflow != NULL)
    nexor_rule_input_set_workflow_id (input, workflow);
  if (position != -1)
    nexor_rule_input_set_position (input, position);
  if (active != NULL)
    {
      gboolean value;

      if (!parse_boolean (active, "active", &value, &error))
        return nexor_cli_report_error (cli, error);
      nexor_rule_input_set_is_active (input, value);
    }

  if (name == NULL && workflow == NULL && !given && position == -1 && active == NULL)
    return nexor_cli_usage_error (cli, _("nothing to change: give --name, --workflow, --when, "
                                  "--conditions-file, --position or --active"));

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  rule = nexor_client_update_processor_rule (client, (*argv)[1], (*argv)[2], input, NULL, &error);
  if (rule == NULL)
    return nexor_cli_report_error (cli, error);

  {
    g_autofree char *heading = g_strdup_printf (_("Updated rule %s"), display_name (nexor_rule_get_name (rule)));

    print_rule (rule, as_json, heading);
  }
  return NEXOR_CLI_EXIT_OK;
}

/* nexor rules delete PROCESSOR_ID RULE_ID [--json] */
static int
rules_delete (NexorCli               *cli,
              const NexorCliCommand  *command,
              char                 ***argv)
{
  static const char * const names[] = { N_("processor ID"), N_("rule ID") };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print {\"id\": ID, \"deleted\": true}"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error) ||
      !nexor_cli_check_uuid ((*argv)[2], _("rule ID"), &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  if (!nexor_client_delete_processor_rule (client, (*argv)[1], (*argv)[2], NULL, &error))
    return nexor_cli_report_error (cli, error);

  message = g_strdup_printf (_("Deleted rule %s; the other rules keep their positions\n"), (*argv)[2]);
  print_deleted (as_json, (*argv)[2], message);
  return NEXOR_CLI_EXIT_OK;
}

/* nexor rules reorder PROCESSOR_ID RULE_ID… [--json] */
static int
rules_reorder (NexorCli               *cli,
               const NexorCliCommand  *command,
               char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rules = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean as_json = FALSE;
  NexorClient *client;
  guint n;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print a JSON array of the rules in their new order"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;

  n = g_strv_length (*argv);
  if (n < 3)
    return nexor_cli_usage_error (cli, _("give the processor ID, then the rule IDs in their new order"));
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error))
    return nexor_cli_report_error (cli, error);
  for (guint i = 2; i < n; i++)
    {
      if (!nexor_cli_check_uuid ((*argv)[i], _("rule ID"), &error))
        return nexor_cli_report_error (cli, error);
      g_ptr_array_add (ids, (*argv)[i]);
    }
  g_ptr_array_add (ids, NULL);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  rules = nexor_client_reorder_processor_rules (client, (*argv)[1], (const char * const *) ids->pdata,
                                                NULL, &error);
  if (rules == NULL)
    return nexor_cli_report_error (cli, error);

  if (nexor_cli_fields_selected ())
    nexor_cli_fields_print_list (rules, (NexorCliDupJsonFunc) nexor_rule_dup_json, G_MAXUINT);
  else if (as_json)
    nexor_cli_print_json_list (rules, (NexorCliDupJsonFunc) nexor_rule_dup_json, G_MAXUINT);
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (3);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_set_right_aligned (table, 0, TRUE);
      nexor_cli_table_add_header (table, "#", _("NAME"), _("ID"));
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(NexorRule) rule = g_list_model_get_item (rules, i);
          g_autofree char *position = g_strdup_printf ("%d", nexor_rule_get_position (rule));

          nexor_cli_table_add_row (table, position, nexor_rule_get_name (rule), nexor_rule_get_id (rule));
        }
      nexor_cli_table_render (table, "", out);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_rules_commands[] = {
  { "list", N_("PROCESSOR_ID"), N_("List a processor's rules in the order they are evaluated"), rules_list, NULL,
    &nexor_cli_kind_rule },
  { "add", N_("PROCESSOR_ID NAME"), N_("Add a rule: leads meeting all its --when conditions go to --workflow"),
    rules_add, NULL, &nexor_cli_kind_rule, "" },
  { "update", N_("PROCESSOR_ID RULE_ID"), N_("Change a rule; --when or --conditions-file replace its conditions"),
    rules_update, NULL, &nexor_cli_kind_rule },
  { "delete", N_("PROCESSOR_ID RULE_ID"), N_("Delete a rule for good (--active false only disables it)"),
    rules_delete, NULL },
  { "reorder", N_("PROCESSOR_ID RULE_ID…"), N_("Set the order rules are evaluated in; active rules left out follow"),
    rules_reorder, NULL, &nexor_cli_kind_rule },
  { NULL, NULL, NULL, NULL, NULL },
};

/* ---------------------------------------------------------------------------
 * nexor route PROCESSOR_ID --from-file FILE
 * ------------------------------------------------------------------------- */

/* As `lead create --from-file`: a table and counts, exit 1 when a lead
 * failed (the others were routed all the same). */
static int
print_route_results (GListModel *results,
                     gboolean    as_json,
                     gboolean    single)
{
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (6);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (results);
  guint created = 0, updated = 0, failed = 0;

  nexor_cli_table_set_right_aligned (table, 0, TRUE);
  nexor_cli_table_add_header (table, "#", _("RESULT"), _("RULE"), _("WORKFLOW"), _("ID"), _("LEAD OR ERROR"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorRouteResult) result = g_list_model_get_item (results, i);
      NexorLead *lead = nexor_route_result_get_lead (result);
      NexorRule *rule = nexor_route_result_get_rule (result);
      NexorWorkflow *workflow = nexor_route_result_get_workflow (result);
      int index = nexor_route_result_get_index (result) >= 0 ? nexor_route_result_get_index (result) : (int) i;
      g_autofree char *index_text = g_strdup_printf ("%d", index);
      g_autofree char *lead_name = NULL;

      if (!nexor_route_result_get_success (result))
        {
          const char *message = nexor_route_result_get_error_message (result);

          failed++;
          if (nexor_cli_fields_selected ())
            {
              g_autofree char *clean = nexor_cli_sanitize (message != NULL ? message : _("no reason given"));

              nexor_cli_printerr (_("nexor: lead %d of the file failed: %s\n"), index, clean);
            }
          nexor_cli_table_add_row (table, index_text, _("failed"), NULL, NULL, NULL,
                                   message != NULL ? message : _("no reason given"));
          nexor_cli_table_set_cell_style (table, 1, NEXOR_CLI_STYLE_WARNING);
          continue;
        }

      if (nexor_route_result_get_existed (result))
        updated++;
      else
        created++;

      if (nexor_cli_fields_selected ())
        {
          g_autoptr(JsonObject) object = nexor_route_result_dup_json (result);

          nexor_cli_fields_print_object (object);
          continue;
        }

      lead_name = lead != NULL ? nexor_cli_format_lead_name (lead) : NULL;
      nexor_cli_table_add_row (table, index_text,
                               nexor_route_result_get_existed (result) ? _("updated") : _("created"),
                               rule != NULL ? nexor_rule_get_name (rule) : _("(default workflow)"),
                               workflow != NULL ? nexor_workflow_get_name (workflow) : NULL,
                               lead != NULL ? nexor_lead_get_id (lead) : NULL, lead_name);
    }

  if (nexor_cli_fields_selected ())
    ;
  else if (as_json && single)
    {
      g_autoptr(NexorRouteResult) result = g_list_model_get_item (results, 0);
      g_autoptr(JsonObject) raw = nexor_route_result_dup_json (result);
      g_autoptr(JsonObject) object = nexor_cli_json_unwrap (raw);

      nexor_cli_print_json_object (object);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (results, (NexorCliDupJsonFunc) nexor_route_result_dup_json, G_MAXUINT);
    }
  else
    {
      nexor_cli_table_render (table, "", out);
      g_string_append_printf (out, _("%'u created, %'u updated, %'u failed\n"), created, updated, failed);
      nexor_cli_print (out->str);
    }

  return failed > 0 ? NEXOR_CLI_EXIT_FAILED : NEXOR_CLI_EXIT_OK;
}

/* nexor route PROCESSOR_ID --from-file FILE [--json] */
int
nexor_cli_route (NexorCli               *cli,
                 const NexorCliCommand  *command,
                 char                 ***argv)
{
  static const char * const names[] = { N_("processor ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) inputs = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *from_file = NULL;
  gboolean as_json = FALSE;
  gboolean single = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "from-file", 0, 0, G_OPTION_ARG_FILENAME, &from_file,
      N_("Route the lead object, or the JSON array of up to 1000 leads, in FILE (“-”: standard input)"),
      N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;
  if (from_file == NULL)
    return nexor_cli_usage_error (cli, _("--from-file FILE is required: a lead object or a JSON array of "
                                  "leads, as “lead create --from-file” reads"));
  if (strcmp (from_file, "-") == 0 && nexor_cli_key_reads_stdin (cli))
    return nexor_cli_usage_error (cli, _("--from-file - and --api-key-file - cannot both read "
                                  "standard input"));
  if (!nexor_cli_check_uuid ((*argv)[1], _("processor ID"), &error))
    return nexor_cli_report_error (cli, error);

  inputs = nexor_cli_read_lead_file (from_file, &single, &error);
  if (inputs == NULL)
    return nexor_cli_report_error (cli, error);
  for (guint i = 0; i < g_list_model_get_n_items (inputs); i++)
    {
      g_autoptr(NexorLeadInput) input = g_list_model_get_item (inputs, i);

      if (nexor_lead_input_is_set (input, "workflow-id"))
        return nexor_cli_usage_error (cli, _("lead [%u]: “workflow_id” cannot be routed: the processor's "
                                      "rules choose the workflow"), i);
    }

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  nexor_cli_set_check_advice (cli, _("the leads may have been routed and enrolled; nexor has no command "
                                     "that finds a lead by email or phone: check the leads in the Nexor "
                                     "dashboard before running this again"));
  if (single)
    {
      g_autoptr(NexorLeadInput) input = g_list_model_get_item (inputs, 0);
      g_autoptr(NexorRouteResult) result = nexor_client_route_lead (client, (*argv)[1], input, NULL, &error);
      GListStore *store;

      if (result == NULL)
        return nexor_cli_report_error (cli, error);
      store = g_list_store_new (NEXOR_TYPE_ROUTE_RESULT);
      g_list_store_append (store, result);
      results = G_LIST_MODEL (store);
    }
  else
    {
      results = nexor_client_route_leads (client, (*argv)[1], inputs, NULL, &error);
      if (results == NULL)
        return nexor_cli_report_error (cli, error);
    }

  return print_route_results (results, as_json, single);
}
