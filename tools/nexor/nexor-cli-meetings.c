/* nexor-cli-meetings.c: `nexor meeting create|cancel|no-show|complete|notes`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include <string.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

/* An ISO 8601 time; one without an offset is a wall-clock time in @zone. */
static GDateTime *
parse_time (NexorCli    *cli,
            const char  *option,
            const char  *text,
            GTimeZone   *zone,
            int         *exit_status)
{
  GDateTime *when = nexor_cli_parse_date_time (text, zone);

  if (when == NULL)
    {
      g_autofree char *shown = nexor_cli_ellipsize (text, 40);

      *exit_status = nexor_cli_usage_error (cli, _("%s “%s” is not an ISO 8601 date and time "
                                                   "(such as 2026-12-10T10:00:00)"),
                                            option, shown != NULL ? shown : "");
    }
  return when;
}

static void
print_meeting_card (NexorMeeting *meeting,
                    const char   *heading)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GTimeZone) zone = nexor_meeting_dup_time_zone (meeting);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *duration = NULL;

  /* The time the people in the meeting see, with its zone. */
  if (zone != NULL && nexor_meeting_get_starts_at (meeting) != NULL)
    {
      local = g_date_time_to_timezone (nexor_meeting_get_starts_at (meeting), zone);
      starts = g_date_time_format (local, "%Y-%m-%d %H:%M");
      if (starts != NULL)
        {
          char *with_zone = g_strdup_printf ("%s (%s)", starts, nexor_meeting_get_timezone (meeting));

          g_free (starts);
          starts = with_zone;
        }
    }
  else
    starts = nexor_cli_format_datetime (nexor_meeting_get_starts_at (meeting));
  if (nexor_meeting_get_duration_minutes (meeting) > 0)
    duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                             nexor_meeting_get_duration_minutes (meeting)),
                                nexor_meeting_get_duration_minutes (meeting));

  nexor_cli_append_heading (out, heading);
  nexor_cli_table_add_row (card, _("Subject"), nexor_meeting_get_title (meeting));
  nexor_cli_table_add_row (card, _("Starts"), starts);
  nexor_cli_table_add_row (card, _("Duration"), duration);
  nexor_cli_table_add_row (card, _("Status"), nexor_meeting_get_status (meeting));
  nexor_cli_table_add_row (card, _("Lead"), nexor_meeting_get_lead_id (meeting));
  nexor_cli_table_add_row (card, _("Attendee"), nexor_meeting_get_attendee_name (meeting));
  nexor_cli_table_add_row (card, _("Host"), nexor_meeting_get_host_name (meeting));
  nexor_cli_table_add_row (card, _("Where"), nexor_meeting_get_location_type (meeting));
  nexor_cli_table_add_row (card, _("Link"), nexor_meeting_get_meeting_url (meeting));
  nexor_cli_table_add_row (card, _("Calendar"), nexor_meeting_get_external_calendar_provider (meeting));
  nexor_cli_table_add_row (card, _("Event"), nexor_meeting_get_external_event_id (meeting));
  nexor_cli_table_add_row (card, _("ID"), nexor_meeting_get_id (meeting));
  nexor_cli_table_render (card, "  ", out);
  nexor_cli_print (out->str);
}

/* nexor meeting create (--lead-id ID | --lead-email EMAIL) --title T --starts-at TIME … */
static int
meeting_create (NexorCli               *cli,
                const NexorCliCommand  *command,
                char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMeetingInput) input = nexor_meeting_input_new ();
  g_autoptr(NexorMeeting) meeting = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *lead_id = NULL, *lead_email = NULL, *title = NULL, *starts_text = NULL;
  g_autofree char *ends_text = NULL, *timezone = NULL, *url = NULL, *location_type = NULL;
  g_autofree char *location_details = NULL, *description = NULL, *host_email = NULL;
  g_autofree char *attendee_name = NULL, *attendee_email = NULL, *attendee_phone = NULL;
  g_autofree char *provider = NULL, *event_id = NULL, *meeting_status = NULL;
  g_auto(GStrv) attendees = NULL;
  gboolean as_json = FALSE;
  int duration = 0;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "lead-id", 0, 0, G_OPTION_ARG_STRING, &lead_id, N_("The lead the meeting is with"), N_("ID") },
    { "lead-email", 0, 0, G_OPTION_ARG_STRING, &lead_email,
      N_("Or the lead's email (of several leads with it, the last updated)"), N_("EMAIL") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The meeting's title"), N_("TEXT") },
    { "starts-at", 0, 0, G_OPTION_ARG_STRING, &starts_text,
      N_("When it starts, ISO 8601; without an offset, in --timezone"), N_("TIME") },
    { "ends-at", 0, 0, G_OPTION_ARG_STRING, &ends_text, N_("When it ends (or --duration)"), N_("TIME") },
    { "duration", 0, 0, G_OPTION_ARG_INT, &duration, N_("How long it lasts, in minutes"), N_("MINUTES") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone,
      N_("The IANA time zone it is booked in, such as America/Santiago (default UTC)"), N_("ZONE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The link to join it"), N_("URL") },
    { "location-type", 0, 0, G_OPTION_ARG_STRING, &location_type,
      N_("video (default), phone or in_person"), N_("TYPE") },
    { "location-details", 0, 0, G_OPTION_ARG_STRING, &location_details, N_("Where, such as an address"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("A description"), N_("TEXT") },
    { "host-email", 0, 0, G_OPTION_ARG_STRING, &host_email,
      N_("The host, an active team member (see “nexor team”)"), N_("EMAIL") },
    { "attendee-name", 0, 0, G_OPTION_ARG_STRING, &attendee_name, N_("The attendee's name (default: the lead's)"), N_("NAME") },
    { "attendee-email", 0, 0, G_OPTION_ARG_STRING, &attendee_email, N_("The attendee's email (default: the lead's)"), N_("EMAIL") },
    { "attendee-phone", 0, 0, G_OPTION_ARG_STRING, &attendee_phone, N_("The attendee's phone (default: the lead's)"), N_("PHONE") },
    { "attendee", 0, 0, G_OPTION_ARG_STRING_ARRAY, &attendees,
      N_("Another attendee, NAME=EMAIL or EMAIL (repeatable)"), N_("NAME=EMAIL") },
    { "calendar-provider", 0, 0, G_OPTION_ARG_STRING, &provider,
      N_("The calendar it was booked in, such as google; with --event-id a replay updates it"), N_("NAME") },
    { "event-id", 0, 0, G_OPTION_ARG_STRING, &event_id, N_("The event's id in that calendar"), N_("ID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &meeting_status, N_("scheduled (default) or confirmed"), N_("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the meeting as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  if (lead_id == NULL && lead_email == NULL)
    return nexor_cli_usage_error (cli, _("--lead-id or --lead-email is required"));
  if (title == NULL)
    return nexor_cli_usage_error (cli, _("--title is required"));
  if (starts_text == NULL)
    return nexor_cli_usage_error (cli, _("--starts-at is required"));
  if (ends_text == NULL && duration <= 0)
    return nexor_cli_usage_error (cli, _("--ends-at or --duration (a number of minutes above 0) is required"));

  if ((lead_id != NULL && !nexor_cli_check_uuid (lead_id, _("lead ID"), &error)) ||
      !nexor_cli_check_text (title, _("value of --title"), &error))
    return nexor_cli_report_error (cli, error);

  zone = timezone != NULL ? g_time_zone_new_identifier (timezone) : g_time_zone_new_utc ();
  if (zone == NULL)
    {
      g_autofree char *shown = nexor_cli_ellipsize (timezone, 40);

      return nexor_cli_usage_error (cli, _("--timezone “%s” is not a time zone (such as America/Santiago)"),
                                    shown != NULL ? shown : "");
    }
  starts = parse_time (cli, "--starts-at", starts_text, zone, &status);
  if (starts == NULL)
    return status;
  nexor_meeting_input_set_starts_at (input, starts);
  if (ends_text != NULL)
    {
      ends = parse_time (cli, "--ends-at", ends_text, zone, &status);
      if (ends == NULL)
        return status;
      nexor_meeting_input_set_ends_at (input, ends);
    }
  if (duration > 0)
    nexor_meeting_input_set_duration_minutes (input, duration);
  if (timezone != NULL)
    nexor_meeting_input_set_time_zone (input, zone);

  if (attendees != NULL)
    {
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      json_node_take_array (node, array);
      for (guint i = 0; attendees[i] != NULL; i++)
        {
          JsonObject *attendee = json_object_new ();
          const char *equals = strchr (attendees[i], '=');
          g_autofree char *name = equals != NULL ? g_strndup (attendees[i], equals - attendees[i]) : NULL;
          const char *email = equals != NULL ? equals + 1 : attendees[i];

          json_array_add_object_element (array, attendee);
          if (strchr (email, '@') == NULL || !g_utf8_validate (attendees[i], -1, NULL))
            {
              g_autofree char *shown = nexor_cli_ellipsize (attendees[i], 40);

              json_node_unref (node);
              return nexor_cli_usage_error (cli, _("--attendee “%s” is not NAME=EMAIL or EMAIL"),
                                            shown != NULL ? shown : "");
            }
          if (name != NULL)
            json_object_set_string_member (attendee, "name", name);
          json_object_set_string_member (attendee, "email", email);
        }
      nexor_meeting_input_set_additional_attendees (input, node);
      json_node_unref (node);
    }

  g_object_set (input, "lead-id", lead_id, "lead-email", lead_email, "title", title, NULL);
#define SET_IF(property, value) if ((value) != NULL) g_object_set (input, property, value, NULL)
  SET_IF ("meeting-url", url);
  SET_IF ("location-type", location_type);
  SET_IF ("location-details", location_details);
  SET_IF ("description", description);
  SET_IF ("host-email", host_email);
  SET_IF ("attendee-name", attendee_name);
  SET_IF ("attendee-email", attendee_email);
  SET_IF ("attendee-phone", attendee_phone);
  SET_IF ("external-calendar-provider", provider);
  SET_IF ("external-event-id", event_id);
  SET_IF ("status", meeting_status);
#undef SET_IF
  if (lead_id == NULL)
    nexor_meeting_input_unset (input, "lead-id");
  if (lead_email == NULL)
    nexor_meeting_input_unset (input, "lead-email");

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  /* Repeated by the library only with both calendar keys; otherwise, if the
   * outcome is unknown, the lead's meetings tell. */
  if (lead_id != NULL)
    nexor_cli_set_check_command (cli, "lead", "meetings", lead_id, NULL);
  else
    nexor_cli_set_check_advice (cli, _("list the lead's meetings (nexor lead meetings ID) before logging it again"));
  meeting = nexor_client_create_meeting (client, input, NULL, &error);
  if (meeting == NULL)
    return nexor_cli_report_error (cli, error);

  if (as_json)
    {
      g_autoptr(JsonObject) object = nexor_meeting_dup_json (meeting);

      nexor_cli_print_json_object (object);
    }
  else
    print_meeting_card (meeting, _("Logged meeting"));

  return NEXOR_CLI_EXIT_OK;
}

typedef enum {
  OUTCOME_CANCEL,
  OUTCOME_NO_SHOW,
  OUTCOME_COMPLETE,
} Outcome;

static int
meeting_outcome (NexorCli               *cli,
                 const NexorCliCommand  *command,
                 char                 ***argv,
                 Outcome                 outcome)
{
  static const char * const names[] = { N_("meeting ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMeetingOutcome) result = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *notes = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  NexorMeeting *meeting;
  const char *id;
  int status;
  const GOptionEntry cancel_entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why; included in the notifications"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry no_show_entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("A code for why, such as lead_did_not_join (default api_marked)"), N_("CODE") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Free text"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry complete_entries[] = {
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("How it went"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry *entries = outcome == OUTCOME_CANCEL ? cancel_entries :
                                outcome == OUTCOME_NO_SHOW ? no_show_entries : complete_entries;

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("meeting ID"), &error) ||
      (reason != NULL && !nexor_cli_check_text (reason, _("value of --reason"), &error)) ||
      (notes != NULL && !nexor_cli_check_text (notes, _("value of --notes"), &error)))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  switch (outcome)
    {
    case OUTCOME_CANCEL:
      result = nexor_client_cancel_meeting (client, id, reason, NULL, &error);
      break;
    case OUTCOME_NO_SHOW:
      result = nexor_client_mark_meeting_no_show (client, id, reason, notes, NULL, &error);
      break;
    case OUTCOME_COMPLETE:
    default:
      result = nexor_client_complete_meeting (client, id, notes, NULL, &error);
      break;
    }
  if (result == NULL)
    return nexor_cli_report_error (cli, error);

  if (as_json)
    {
      g_autoptr(JsonObject) object = nexor_meeting_outcome_dup_json (result);

      nexor_cli_print_json_object (object);
      return NEXOR_CLI_EXIT_OK;
    }

  meeting = nexor_meeting_outcome_get_meeting (result);
  if (nexor_meeting_outcome_get_skipped (result))
    {
      g_autofree char *line = g_strdup_printf (_("Skipped: %s (%s)\n"),
                                               nexor_meeting_outcome_get_message (result) != NULL
                                               ? nexor_meeting_outcome_get_message (result) : _("the API did nothing"),
                                               nexor_meeting_outcome_get_reason (result) != NULL
                                               ? nexor_meeting_outcome_get_reason (result) : "");
      nexor_cli_print (line);
    }
  else
    {
      g_autofree char *line = NULL;

      if (nexor_meeting_outcome_get_idempotent (result))
        line = g_strdup_printf (_("Meeting %s was already %s: nothing changed.\n"), id,
                                nexor_meeting_get_status (meeting));
      else
        line = g_strdup_printf (_("Meeting %s is now %s.\n"), id, nexor_meeting_get_status (meeting));
      nexor_cli_print (line);
    }

  return NEXOR_CLI_EXIT_OK;
}

static int
meeting_cancel (NexorCli *cli, const NexorCliCommand *command, char ***argv)
{
  return meeting_outcome (cli, command, argv, OUTCOME_CANCEL);
}

static int
meeting_no_show (NexorCli *cli, const NexorCliCommand *command, char ***argv)
{
  return meeting_outcome (cli, command, argv, OUTCOME_NO_SHOW);
}

static int
meeting_complete (NexorCli *cli, const NexorCliCommand *command, char ***argv)
{
  return meeting_outcome (cli, command, argv, OUTCOME_COMPLETE);
}

/* nexor meeting notes (--meeting-id ID | --calendar-provider P --calendar-event-id E |
 *                      --meeting-url URL | --lead-email EMAIL [--meeting-date TIME]) … */
static int
meeting_notes (NexorCli               *cli,
               const NexorCliCommand  *command,
               char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMeetingNoteInput) input = nexor_meeting_note_input_new ();
  g_autoptr(NexorMeetingNoteResult) note = NULL;
  g_autofree char *meeting_id = NULL, *calendar_provider = NULL, *calendar_event_id = NULL;
  g_autofree char *meeting_url = NULL, *lead_email = NULL, *date_text = NULL, *provider = NULL;
  g_autofree char *external_id = NULL, *notes = NULL, *transcript = NULL, *transcript_file = NULL;
  g_autofree char *summary = NULL, *manual_summary = NULL;
  g_auto(GStrv) action_items = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "meeting-id", 0, 0, G_OPTION_ARG_STRING, &meeting_id, N_("The meeting (tried first)"), N_("ID") },
    { "calendar-provider", 0, 0, G_OPTION_ARG_STRING, &calendar_provider,
      N_("With --calendar-event-id, the calendar keys it was logged with (tried second)"), N_("NAME") },
    { "calendar-event-id", 0, 0, G_OPTION_ARG_STRING, &calendar_event_id, N_("The event's id in that calendar"), N_("ID") },
    { "meeting-url", 0, 0, G_OPTION_ARG_STRING, &meeting_url, N_("The meeting's link (tried third)"), N_("URL") },
    { "lead-email", 0, 0, G_OPTION_ARG_STRING, &lead_email,
      N_("The lead's email: its meeting at --meeting-date, or its latest past one"), N_("EMAIL") },
    { "meeting-date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("When the meeting was, ISO 8601, within an hour (without an offset, UTC)"), N_("TIME") },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &provider, N_("The note-taker, such as otter (default manual)"), N_("NAME") },
    { "external-meeting-id", 0, 0, G_OPTION_ARG_STRING, &external_id,
      N_("The note-taker's id of the meeting; with --provider, sending again updates the note"), N_("ID") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Free-form notes"), N_("TEXT") },
    { "transcript", 0, 0, G_OPTION_ARG_STRING, &transcript, N_("The transcript"), N_("TEXT") },
    { "transcript-file", 0, 0, G_OPTION_ARG_FILENAME, &transcript_file,
      N_("Read the transcript from a UTF-8 text file"), N_("FILE") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("The note-taker's summary"), N_("TEXT") },
    { "manual-ai-summary", 0, 0, G_OPTION_ARG_STRING, &manual_summary,
      N_("A summary written by a person or another AI"), N_("TEXT") },
    { "action-item", 0, 0, G_OPTION_ARG_STRING_ARRAY, &action_items, N_("An action item (repeatable)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the note as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  if (transcript != NULL && transcript_file != NULL)
    return nexor_cli_usage_error (cli, _("give --transcript or --transcript-file, not both"));
  if (transcript_file != NULL)
    {
      if (!g_file_get_contents (transcript_file, &transcript, NULL, &error))
        return nexor_cli_usage_error (cli, "%s", error->message);
      if (!g_utf8_validate (transcript, -1, NULL))
        return nexor_cli_usage_error (cli, _("%s is not UTF-8 text"), transcript_file);
    }

  if (meeting_id != NULL && !nexor_cli_check_uuid (meeting_id, _("meeting ID"), &error))
    return nexor_cli_report_error (cli, error);
  if (date_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = parse_time (cli, "--meeting-date", date_text, utc, &status);

      if (when == NULL)
        return status;
      nexor_meeting_note_input_set_meeting_date (input, when);
    }
  if (action_items != NULL)
    {
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      json_node_take_array (node, array);
      for (guint i = 0; action_items[i] != NULL; i++)
        json_array_add_string_element (array, action_items[i]);
      nexor_meeting_note_input_set_action_items (input, node);
      json_node_unref (node);
    }

#define SET_IF(property, value) if ((value) != NULL) g_object_set (input, property, value, NULL)
  SET_IF ("calendar-event-id", meeting_id);
  SET_IF ("external-calendar-provider", calendar_provider);
  SET_IF ("external-calendar-event-id", calendar_event_id);
  SET_IF ("meeting-url", meeting_url);
  SET_IF ("lead-email", lead_email);
  SET_IF ("provider", provider);
  SET_IF ("external-meeting-id", external_id);
  SET_IF ("notes", notes);
  SET_IF ("transcript-text", transcript);
  SET_IF ("summary", summary);
  SET_IF ("manual-ai-summary", manual_summary);
#undef SET_IF

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  nexor_cli_set_check_advice (cli, _("the API cannot list a meeting's notes: send them again with "
                                     "--provider and --external-meeting-id, which updates instead of adding"));
  note = nexor_client_create_meeting_note (client, input, NULL, &error);
  if (note == NULL)
    {
      /* What the library refuses before sending is a usage error here. */
      if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT))
        return nexor_cli_usage_error (cli, "%s", error->message);
      return nexor_cli_report_error (cli, error);
    }

  if (as_json)
    {
      g_autoptr(JsonObject) object = nexor_meeting_note_result_dup_json (note);

      nexor_cli_print_json_object (object);
    }
  else
    {
      g_autofree char *line = g_strdup_printf (nexor_meeting_note_result_get_created (note)
                                               ? _("Attached note %s to meeting %s.\n")
                                               : _("Updated note %s of meeting %s.\n"),
                                               nexor_meeting_note_result_get_id (note) != NULL
                                               ? nexor_meeting_note_result_get_id (note) : "?",
                                               nexor_meeting_note_result_get_meeting_id (note) != NULL
                                               ? nexor_meeting_note_result_get_meeting_id (note) : "?");
      nexor_cli_print (line);
    }

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_meeting_commands[] = {
  { "create", NULL, N_("Log a meeting booked elsewhere (a replay of its calendar event updates it)"),
    meeting_create, NULL, NULL, N_("without --calendar-provider and --event-id") },
  { "cancel", N_("ID"), N_("Cancel a meeting"), meeting_cancel, NULL },
  { "no-show", N_("ID"), N_("Mark a meeting as a no-show"), meeting_no_show, NULL },
  { "complete", N_("ID"), N_("Mark a meeting as completed"), meeting_complete, NULL },
  { "notes", NULL, N_("Attach notes, a transcript, summaries or action items to a meeting"), meeting_notes, NULL,
    NULL, N_("without --provider and --external-meeting-id") },
  { NULL, NULL, NULL, NULL, NULL },
};
