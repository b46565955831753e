/* nexor-cli-conversions.c: `nexor conversions …` and `nexor conversion-types`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include <math.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

/* "85,000.00 USD" in the user's locale. */
static char *
format_amount (double      amount,
               const char *currency)
{
  if (currency != NULL && currency[0] != '\0')
    return g_strdup_printf ("%'.2f %s", amount, currency);

  return g_strdup_printf ("%'.2f", amount);
}

/* "property_unit (text), commission (number)" */
static char *
describe_fields (GListModel *fields)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(NexorConversionField) field = g_list_model_get_item (fields, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, nexor_conversion_field_get_key (field));
      if (nexor_conversion_field_get_field_type (field) != NULL)
        g_string_append_printf (text, " (%s)", nexor_conversion_field_get_field_type (field));
    }

  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

static char *
type_name (NexorConversion *conversion)
{
  NexorConversionType *type = nexor_conversion_get_conversion_type (conversion);

  return g_strdup (type != NULL ? nexor_conversion_type_get_name (type) : NULL);
}

static void
print_conversion_card (NexorConversion *conversion)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonObject) metadata = nexor_conversion_dup_metadata (conversion);
  g_autofree char *amount = format_amount (nexor_conversion_get_amount (conversion),
                                           nexor_conversion_get_currency (conversion));
  g_autofree char *when = nexor_cli_format_datetime (nexor_conversion_get_converted_at (conversion));
  g_autofree char *type = type_name (conversion);
  g_autofree char *heading = g_strdup_printf (_("Recorded conversion %s"), amount);

  nexor_cli_append_heading (out, heading);
  nexor_cli_table_add_row (card, _("Type"), type);
  nexor_cli_table_add_row (card, _("Lead"), nexor_conversion_get_lead_id (conversion));
  nexor_cli_table_add_row (card, _("Converted"), when);
  nexor_cli_table_add_row (card, _("Workflow"), nexor_conversion_get_workflow_id (conversion));
  nexor_cli_table_add_row (card, _("Workflow run"), nexor_conversion_get_workflow_run_id (conversion));
  nexor_cli_table_add_row (card, _("Notes"), nexor_conversion_get_notes (conversion));
  if (metadata != NULL)
    {
      g_autoptr(GList) keys = json_object_get_members (metadata);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          g_autofree char *value = nexor_cli_format_json_value (json_object_get_member (metadata, l->data));

          nexor_cli_table_add_row (card, l->data, value);
        }
    }
  nexor_cli_table_add_row (card, _("ID"), nexor_conversion_get_id (conversion));
  nexor_cli_table_render (card, "  ", out);
  nexor_cli_print (out->str);
}

/* nexor conversions create --conversion-type-id ID --lead-id ID --amount N … */
static int
conversions_create (NexorCli               *cli,
                    const NexorCliCommand  *command,
                    char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionInput) input = nexor_conversion_input_new ();
  g_autoptr(NexorConversion) conversion = NULL;
  g_autoptr(JsonObject) metadata = NULL;
  g_autofree char *type_id = NULL;
  g_autofree char *lead_id = NULL;
  g_autofree char *lead_email = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *run_id = NULL;
  g_autofree char *converted_at = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) metadata_items = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  char *end = NULL;
  double amount;
  int status;
  const GOptionEntry entries[] = {
    { "conversion-type-id", 0, 0, G_OPTION_ARG_STRING, &type_id,
      N_("The conversion type (see “nexor conversion-types”)"), N_("ID") },
    { "lead-id", 0, 0, G_OPTION_ARG_STRING, &lead_id, N_("The lead that converted"), N_("ID") },
    { "lead-email", 0, 0, G_OPTION_ARG_STRING, &lead_email,
      N_("Or the lead's email, for a conversion without a type (experimental)"), N_("EMAIL") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("The amount, such as 85000 or 1500.50"), N_("N") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("ISO 4217 code of the amount (default: the type's)"), N_("CODE") },
    { "workflow-run-id", 0, 0, G_OPTION_ARG_STRING, &run_id,
      N_("Attribute the conversion to this workflow run of the lead"), N_("ID") },
    { "converted-at", 0, 0, G_OPTION_ARG_STRING, &converted_at,
      N_("When it happened, ISO 8601 (default: now; without an offset, UTC)"), N_("TIME") },
    { "metadata", 0, 0, G_OPTION_ARG_STRING_ARRAY, &metadata_items,
      N_("A custom field of the type: KEY=TEXT, or KEY:=JSON for a number (repeatable)"), N_("KEY=VALUE") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes to keep with it"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the new conversion as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  if (lead_id == NULL && lead_email == NULL)
    return nexor_cli_usage_error (cli, _("--lead-id is required"));
  if (type_id == NULL && lead_email == NULL)
    return nexor_cli_usage_error (cli, _("--conversion-type-id is required"));
  if (amount_text == NULL)
    return nexor_cli_usage_error (cli, _("--amount is required"));

  /* The same number in every locale: a dot for decimals. */
  amount = g_ascii_strtod (amount_text, &end);
  if (end == amount_text || *end != '\0' || !isfinite (amount))
    {
      g_autofree char *shown = nexor_cli_ellipsize (amount_text, 40);

      return nexor_cli_usage_error (cli, _("--amount “%s” is not a number (write 1500.50, with a dot)"),
                                    shown != NULL ? shown : "");
    }

  if ((type_id != NULL && !nexor_cli_check_uuid (type_id, _("conversion type ID"), &error)) ||
      (lead_id != NULL && !nexor_cli_check_uuid (lead_id, _("lead ID"), &error)) ||
      (run_id != NULL && !nexor_cli_check_uuid (run_id, _("workflow run ID"), &error)) ||
      (lead_email != NULL && !nexor_cli_check_text (lead_email, _("value of --lead-email"), &error)) ||
      (currency != NULL && !nexor_cli_check_text (currency, _("value of --currency"), &error)) ||
      (notes != NULL && !nexor_cli_check_text (notes, _("value of --notes"), &error)))
    return nexor_cli_report_error (cli, error);

  if (converted_at != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = nexor_cli_parse_date_time (converted_at, utc);

      if (when == NULL)
        {
          g_autofree char *shown = nexor_cli_ellipsize (converted_at, 40);

          return nexor_cli_usage_error (cli, _("--converted-at “%s” is not an ISO 8601 date and time "
                                               "(such as 2026-02-01T15:30:00Z)"), shown != NULL ? shown : "");
        }
      nexor_conversion_input_set_converted_at (input, when);
    }

  if (metadata_items != NULL)
    {
      metadata = nexor_cli_parse_metadata_options (metadata_items, &error);
      if (metadata == NULL)
        return nexor_cli_report_error (cli, error);
      nexor_conversion_input_set_metadata (input, metadata);
    }

  if (type_id != NULL)
    nexor_conversion_input_set_conversion_type_id (input, type_id);
  if (lead_id != NULL)
    nexor_conversion_input_set_lead_id (input, lead_id);
  if (lead_email != NULL)
    nexor_conversion_input_set_lead_email (input, lead_email);
  nexor_conversion_input_set_amount (input, amount);
  if (currency != NULL)
    nexor_conversion_input_set_currency (input, currency);
  if (run_id != NULL)
    nexor_conversion_input_set_workflow_run_id (input, run_id);
  if (notes != NULL)
    nexor_conversion_input_set_notes (input, notes);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  /* Never sent twice: if the outcome is unknown, the lead's list tells. */
  if (lead_id != NULL)
    nexor_cli_set_check_command (cli, "conversions", "list", "--lead-id", lead_id, NULL);
  else
    nexor_cli_set_check_command (cli, "conversions", "list", NULL);
  conversion = nexor_client_create_conversion (client, input, NULL, &error);
  if (conversion == NULL)
    return nexor_cli_report_error (cli, error);

  if (nexor_cli_fields_selected ())
    {
      g_autoptr(JsonObject) object = nexor_conversion_dup_json (conversion);

      nexor_cli_fields_print_object (object);
    }
  else if (as_json)
    {
      g_autoptr(JsonObject) object = nexor_conversion_dup_json (conversion);

      nexor_cli_print_json_object (object);
    }
  else
    {
      print_conversion_card (conversion);
    }

  return NEXOR_CLI_EXIT_OK;
}

/* nexor conversions list [--lead-id ID] … [--limit N] [--page-size N] [--json] */
static int
conversions_list (NexorCli               *cli,
                  const NexorCliCommand  *command,
                  char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorConversionQuery) query = nexor_conversion_query_new ();
  g_autoptr(NexorConversionList) list = NULL;
  char *filters[5] = { NULL, };
  static const char * const filter_properties[] = {
    "lead-id", "workflow-id", "master-workflow-id", "workflow-run-id", "conversion-type-id"
  };
  const char *filter_names[] = {
    N_("lead ID"), N_("workflow ID"), N_("master workflow ID"), N_("workflow run ID"), N_("conversion type ID")
  };
  gboolean as_json = FALSE;
  int limit = -1;
  int page_size = NEXOR_CONVERSION_LIST_MAX_PAGE_SIZE;
  gboolean any_filter = FALSE;
  guint n_items;
  guint n_shown;
  gint64 total;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "lead-id", 0, 0, G_OPTION_ARG_STRING, &filters[0], N_("Only the conversions of this lead"), N_("ID") },
    { "workflow-id", 0, 0, G_OPTION_ARG_STRING, &filters[1],
      N_("Only the conversions attributed to this workflow"), N_("ID") },
    { "master-workflow-id", 0, 0, G_OPTION_ARG_STRING, &filters[2],
      N_("Only the conversions attributed to this master workflow"), N_("ID") },
    { "workflow-run-id", 0, 0, G_OPTION_ARG_STRING, &filters[3],
      N_("Only the conversions attributed to this workflow run"), N_("ID") },
    { "conversion-type-id", 0, 0, G_OPTION_ARG_STRING, &filters[4],
      N_("Only the conversions of this type"), N_("ID") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show only the newest N conversions (default: all of them)"), N_("N") },
    { "page-size", 0, 0, G_OPTION_ARG_INT, &page_size,
      N_("Fetch N conversions per request, 1 to 200 (default: 200)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the conversions, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    goto out;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    goto out;

  status = NEXOR_CLI_EXIT_OK;
  if (limit == 0 || limit < -1)
    {
      status = nexor_cli_usage_error (cli, _("--limit must be a positive number"));
      goto out;
    }
  if (page_size < 1 || page_size > NEXOR_CONVERSION_LIST_MAX_PAGE_SIZE)
    {
      status = nexor_cli_usage_error (cli, _("--page-size must be from 1 to %d"),
                                      NEXOR_CONVERSION_LIST_MAX_PAGE_SIZE);
      goto out;
    }
  if (limit > 0 && limit < page_size)
    page_size = limit;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      if (filters[i] == NULL)
        continue;
      if (!nexor_cli_check_uuid (filters[i], _(filter_names[i]), &error))
        {
          status = nexor_cli_report_error (cli, error);
          goto out;
        }
      g_object_set (query, filter_properties[i], filters[i], NULL);
      any_filter = TRUE;
    }

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    {
      status = nexor_cli_report_error (cli, error);
      goto out;
    }

  list = g_object_new (NEXOR_TYPE_CONVERSION_LIST,
                       "client", client,
                       "query", query,
                       "page-size", (guint) page_size,
                       NULL);

  /* Every page, or as many as --limit needs. The list itself stops a server
   * that sends the same page again or an empty one. */
  do
    {
      if (!nexor_conversion_list_load_more (list, NULL, &error))
        {
          nexor_cli_progress_clear ();
          status = nexor_cli_report_error (cli, error);
          goto out;
        }
      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      nexor_cli_progress (_("Fetching the conversions: %'u…"), n_items);
    }
  while (nexor_conversion_list_get_has_more (list) && (limit < 0 || n_items < (guint) limit));
  nexor_cli_progress_clear ();

  n_shown = limit > 0 ? MIN (n_items, (guint) limit) : n_items;
  total = nexor_conversion_list_get_total (list);

  if (nexor_cli_fields_selected ())
    {
      nexor_cli_fields_print_list (G_LIST_MODEL (list), (NexorCliDupJsonFunc) nexor_conversion_dup_json, n_shown);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (G_LIST_MODEL (list), (NexorCliDupJsonFunc) nexor_conversion_dup_json, n_shown);
    }
  else if (n_shown == 0)
    {
      nexor_cli_print (any_filter ? _("No conversions match.\n") : _("No conversions.\n"));
    }
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (5);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_add_header (table, _("CONVERTED"), _("TYPE"), _("AMOUNT"), _("LEAD"), _("ID"));
      nexor_cli_table_set_right_aligned (table, 2, TRUE);
      for (guint i = 0; i < n_shown; i++)
        {
          g_autoptr(NexorConversion) conversion = g_list_model_get_item (G_LIST_MODEL (list), i);
          g_autofree char *when = nexor_cli_format_datetime (nexor_conversion_get_converted_at (conversion));
          g_autofree char *type = type_name (conversion);
          g_autofree char *amount = format_amount (nexor_conversion_get_amount (conversion),
                                                   nexor_conversion_get_currency (conversion));

          nexor_cli_table_add_row (table, when, type, amount, nexor_conversion_get_lead_id (conversion),
                                   nexor_conversion_get_id (conversion));
        }
      nexor_cli_table_render (table, "", out);
      if (total > (gint64) n_shown)
        g_string_append_printf (out, _("(the newest %'u of %'u conversions)\n"),
                                n_shown, (guint) MIN (total, (gint64) G_MAXUINT));
      else if (n_shown < n_items || nexor_conversion_list_get_has_more (list))
        g_string_append_printf (out, _("(the newest %'u conversions; there are more)\n"), n_shown);
      nexor_cli_print (out->str);
    }

out:
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_free (filters[i]);
  return status;
}

/* nexor conversion-types [--json] */
int
nexor_cli_conversion_types (NexorCli               *cli,
                            const NexorCliCommand  *command,
                            char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) types = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  guint n;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the types, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  types = nexor_client_list_conversion_types (client, NULL, &error);
  if (types == NULL)
    return nexor_cli_report_error (cli, error);

  n = g_list_model_get_n_items (types);
  if (nexor_cli_fields_selected ())
    {
      nexor_cli_fields_print_list (types, (NexorCliDupJsonFunc) nexor_conversion_type_dup_json, G_MAXUINT);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (types, (NexorCliDupJsonFunc) nexor_conversion_type_dup_json, G_MAXUINT);
    }
  else if (n == 0)
    {
      nexor_cli_print (_("No conversion types.\n"));
    }
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (5);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_add_header (table, _("NAME"), _("CATEGORY"), _("CURRENCY"), _("FIELDS"), _("ID"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NexorConversionType) type = g_list_model_get_item (types, i);
          g_autofree char *fields = describe_fields (nexor_conversion_type_get_fields (type));

          nexor_cli_table_add_row (table, nexor_conversion_type_get_name (type),
                                   nexor_conversion_type_get_category (type),
                                   nexor_conversion_type_get_currency (type), fields,
                                   nexor_conversion_type_get_id (type));
        }
      nexor_cli_table_render (table, "", out);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_conversions_commands[] = {
  { "create", N_("--conversion-type-id ID --lead-id ID --amount N …"),
    N_("Record a conversion: revenue of a type for a lead (never sent twice)"), conversions_create, NULL,
    &nexor_cli_kind_conversion, "" },
  { "list", NULL, N_("List conversions, newest first, filtered by lead, workflow, run or type"),
    conversions_list, NULL,
    &nexor_cli_kind_conversion },
  { NULL, NULL, NULL, NULL, NULL },
};
