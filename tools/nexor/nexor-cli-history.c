/* nexor-cli-history.c: `nexor lead history` and `nexor lead meetings`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

/* What the API documents; anything else is most likely a typo, which the
 * server would answer with an empty list. */
static const char * const history_channels[] = { "call", "whatsapp", "email", NULL };
static const char * const meeting_statuses[] = {
  "scheduled", "confirmed", "completed", "cancelled", "no_show", NULL
};

/* Splits and checks a comma-separated option against @known. */
static GStrv
parse_choices (char               **values,
               const char * const  *known,
               const char          *option,
               GError             **error)
{
  g_auto(GStrv) items = nexor_cli_split_list ((const char * const *) values);

  for (guint i = 0; items[i] != NULL; i++)
    {
      if (!g_strv_contains (known, items[i]))
        {
          g_autofree char *shown = nexor_cli_ellipsize (items[i], 40);
          g_autofree char *list = g_strjoinv (", ", (char **) known);

          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("--%s: unknown value “%s” (expected one or more of %s)"),
                       option, shown != NULL ? shown : "", list);
          return NULL;
        }
    }

  /* An empty list would ask for nothing: make it "everything" only when the
   * option was not given at all. */
  if (values != NULL && items[0] == NULL)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("--%s: the list is empty"), option);
      return NULL;
    }

  return g_steal_pointer (&items);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static char *
format_duration (int seconds)
{
  if (seconds <= 0)
    return NULL;
  if (seconds < 3600)
    return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);

  return g_strdup_printf ("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
}

/* The kind column and the text column of one history entry. */
static void
describe_history_item (NexorHistoryItem  *item,
                       char             **kind,
                       char             **text)
{
  const char *channel = nonempty (nexor_history_item_get_channel (item));
  const char *content = nonempty (nexor_history_item_get_content (item));
  const char *title = nonempty (nexor_history_item_get_title (item));
  const char *description = nonempty (nexor_history_item_get_description (item));

  switch (nexor_history_item_get_item_type (item))
    {
    case NEXOR_HISTORY_ITEM_TYPE_MESSAGE:
      {
        const char *direction = nonempty (nexor_history_item_get_direction (item));
        const char *status = nonempty (nexor_history_item_get_status (item));
        const char *way = g_strcmp0 (direction, "inbound") == 0 ? _("in")
                          : g_strcmp0 (direction, "outbound") == 0 ? _("out")
                          : direction;

        *kind = g_strjoin (" ", channel != NULL ? channel : _("message"), way, NULL);
        if (status != NULL)
          *text = g_strdup_printf ("%s [%s]", content != NULL ? content : nexor_cli_placeholder (), status);
        else
          *text = g_strdup (content);
      }
      break;

    case NEXOR_HISTORY_ITEM_TYPE_CALL:
      {
        g_autofree char *duration = format_duration (nexor_history_item_get_duration_seconds (item));
        const char *summary = nonempty (nexor_history_item_get_summary (item));
        const char *call_status = nonempty (nexor_history_item_get_call_status (item));
        g_autofree char *details = NULL;

        details = duration != NULL && call_status != NULL
          ? g_strdup_printf ("%s, %s", duration, call_status)
          : g_strdup (duration != NULL ? duration : call_status);
        *kind = g_strdup (_("call"));
        if (details != NULL)
          *text = g_strdup_printf ("%s (%s)", summary != NULL ? summary
                                              : content != NULL ? content : _("call"), details);
        else
          *text = g_strdup (summary != NULL ? summary : content);
      }
      break;

    case NEXOR_HISTORY_ITEM_TYPE_CALL_MISSED:
      *kind = g_strdup (_("call missed"));
      *text = g_strdup (content != NULL ? content
                        : nonempty (nexor_history_item_get_disconnection_reason (item)));
      break;

    case NEXOR_HISTORY_ITEM_TYPE_ACTIVITY:
      *kind = g_strdup (_("activity"));
      if (title != NULL && description != NULL)
        *text = g_strdup_printf ("%s%s%s", title, nexor_cli_separator (), description);
      else
        *text = g_strdup (title != NULL ? title : description);
      break;

    case NEXOR_HISTORY_ITEM_TYPE_UNKNOWN:
    default:
      *kind = g_strdup (nonempty (nexor_history_item_get_type_string (item)));
      *text = g_strdup (content != NULL ? content : title != NULL ? title : description);
      break;
    }
}

/* nexor lead history ID [--channel LIST] [--limit N] [--page-size N] [--json] */
int
nexor_cli_lead_history (NexorCli               *cli,
                        const NexorCliCommand  *command,
                        char                 ***argv)
{
  static const char * const names[] = { N_("lead ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorHistoryList) list = NULL;
  g_auto(GStrv) channel_values = NULL;
  g_auto(GStrv) channels = NULL;
  gboolean as_json = FALSE;
  int limit = -1;
  int page_size = NEXOR_HISTORY_LIST_MAX_PAGE_SIZE;
  guint n_items;
  guint n_shown;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING_ARRAY, &channel_values,
      N_("Only these channels: call, whatsapp, email (comma-separated or repeated)"), N_("LIST") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show only the first N entries (default: all of them)"), N_("N") },
    { "page-size", 0, 0, G_OPTION_ARG_INT, &page_size,
      N_("Fetch N entries per request, 1 to 200 (default: 200)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the entries, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("lead ID"), &error))
    return nexor_cli_report_error (cli, error);
  if (limit == 0 || limit < -1)
    return nexor_cli_usage_error (cli, _("--limit must be a positive number"));
  if (page_size < 1 || page_size > NEXOR_HISTORY_LIST_MAX_PAGE_SIZE)
    return nexor_cli_usage_error (cli, _("--page-size must be from 1 to %d"),
                                  NEXOR_HISTORY_LIST_MAX_PAGE_SIZE);
  if (limit > 0 && limit < page_size)
    page_size = limit;

  channels = parse_choices (channel_values, history_channels, "channel", &error);
  if (channels == NULL)
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  list = g_object_new (NEXOR_TYPE_HISTORY_LIST,
                       "client", client,
                       "lead-id", id,
                       "channels", channels[0] != NULL ? channels : NULL,
                       "page-size", (guint) page_size,
                       NULL);

  /* Every page, or as many as --limit needs. The list ends on a page with
   * nothing and fails on one it holds already (a server that ignores the
   * offset), so a server cannot keep us here. */
  do
    {
      if (!nexor_history_list_load_more (list, NULL, &error))
        {
          nexor_cli_progress_clear ();
          return nexor_cli_report_error (cli, error);
        }

      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      nexor_cli_progress (_("Fetching the history: %'u entries…"), n_items);
    }
  while (nexor_history_list_get_has_more (list) && (limit < 0 || n_items < (guint) limit));
  nexor_cli_progress_clear ();

  n_shown = limit > 0 ? MIN (n_items, (guint) limit) : n_items;

  if (nexor_cli_fields_selected ())
    {
      nexor_cli_fields_print_list (G_LIST_MODEL (list),
                                   (NexorCliDupJsonFunc) nexor_history_item_dup_json, n_shown);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (G_LIST_MODEL (list),
                                 (NexorCliDupJsonFunc) nexor_history_item_dup_json, n_shown);
    }
  else if (n_shown == 0)
    {
      nexor_cli_print (channels[0] != NULL ? _("No history on these channels.\n") : _("No history.\n"));
    }
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (3);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_add_header (table, _("WHEN"), _("WHAT"), _("DETAILS"));
      for (guint i = 0; i < n_shown; i++)
        {
          g_autoptr(NexorHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
          g_autofree char *when = nexor_cli_format_datetime (nexor_history_item_get_timestamp (item));
          g_autofree char *kind = NULL;
          g_autofree char *text = NULL;

          describe_history_item (item, &kind, &text);
          nexor_cli_table_add_row (table, when, kind, text);
        }
      nexor_cli_table_render (table, "", out);
      if (n_shown < n_items || nexor_history_list_get_has_more (list))
        g_string_append_printf (out, _("(the first %'u entries; there are more)\n"), n_shown);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}

static char *
format_meeting_place (NexorMeeting *meeting)
{
  const char *url = nonempty (nexor_meeting_get_meeting_url (meeting));
  const char *details = nonempty (nexor_meeting_get_location_details (meeting));
  const char *type = nonempty (nexor_meeting_get_location_type (meeting));

  if (url != NULL)
    return g_strdup (url);
  if (details != NULL && type != NULL)
    return g_strdup_printf ("%s: %s", type, details);

  return g_strdup (details != NULL ? details : type);
}

/* nexor lead meetings ID [--status LIST] [--json] */
int
nexor_cli_lead_meetings (NexorCli               *cli,
                         const NexorCliCommand  *command,
                         char                 ***argv)
{
  static const char * const names[] = { N_("lead ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_auto(GStrv) status_values = NULL;
  g_auto(GStrv) statuses = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  guint n;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &status_values,
      N_("Only meetings in these statuses: scheduled, confirmed, completed, cancelled, no_show "
      "(comma-separated or repeated)"), N_("LIST") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the meetings, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("lead ID"), &error))
    return nexor_cli_report_error (cli, error);

  statuses = parse_choices (status_values, meeting_statuses, "status", &error);
  if (statuses == NULL)
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  meetings = nexor_client_list_lead_meetings (client, id,
                                              statuses[0] != NULL ? (const char * const *) statuses : NULL,
                                              NULL, &error);
  if (meetings == NULL)
    return nexor_cli_report_error (cli, error);

  n = g_list_model_get_n_items (meetings);
  if (nexor_cli_fields_selected ())
    {
      nexor_cli_fields_print_list (meetings, (NexorCliDupJsonFunc) nexor_meeting_dup_json, G_MAXUINT);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (meetings, (NexorCliDupJsonFunc) nexor_meeting_dup_json, G_MAXUINT);
    }
  else if (n == 0)
    {
      nexor_cli_print (_("No meetings.\n"));
    }
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (5);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_add_header (table, _("STARTS"), _("STATUS"), _("TITLE"), _("HOST"), _("WHERE"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NexorMeeting) meeting = g_list_model_get_item (meetings, i);
          g_autofree char *starts = nexor_cli_format_datetime (nexor_meeting_get_starts_at (meeting));
          g_autofree char *place = format_meeting_place (meeting);

          nexor_cli_table_add_row (table, starts, nexor_meeting_get_status (meeting),
                                   nexor_meeting_get_title (meeting),
                                   nexor_meeting_get_host_name (meeting), place);
        }
      nexor_cli_table_render (table, "", out);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}
