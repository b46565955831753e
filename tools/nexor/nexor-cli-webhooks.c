/* nexor-cli-webhooks.c: `nexor webhooks listen`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A local webhook endpoint for development, as `stripe listen` is: it
 * prints each verified event as it arrives and can pass the delivery on,
 * unchanged and with its signature, to the program being developed.
 */

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "nexor-cli.h"
#include "nexor-cli-output.h"

#include "nexor-json-writer.h"

typedef struct {
  gboolean as_json;
  char *forward_to;
  SoupSession *session;
  GMainLoop *loop;
  NexorWebhookReceiver *receiver;
  guint forwards_in_flight;
  gboolean quitting;
} Listener;

/* Ctrl+C stops taking deliveries at once, but an event already taken and
 * being forwarded is seen through, so that its "Forwarded" line is never
 * lost; a second Ctrl+C quits without waiting. */
static gboolean
on_quit_signal (gpointer user_data)
{
  Listener *listener = user_data;

  if (listener->quitting || listener->forwards_in_flight == 0)
    {
      g_main_loop_quit (listener->loop);
      return G_SOURCE_CONTINUE;
    }

  listener->quitting = TRUE;
  nexor_webhook_receiver_stop (listener->receiver);
  nexor_cli_printerr (ngettext ("Waiting for %u event being forwarded (Ctrl+C again to quit now)\n",
                                "Waiting for %u events being forwarded (Ctrl+C again to quit now)\n",
                                listener->forwards_in_flight),
                      listener->forwards_in_flight);
  return G_SOURCE_CONTINUE;
}

static char *
lead_summary (NexorLead *lead)
{
  g_autofree char *name = NULL;

  if (lead == NULL)
    return NULL;
  name = nexor_cli_format_lead_name (lead);
  /* TRANSLATORS: a lead in a webhook event's line: its name, then its id. */
  return g_strdup_printf (_("lead %s (%s)"), name, nexor_lead_get_id (lead));
}

static char *
status_name (NexorWorkflowStatus *status)
{
  const char *key;

  if (status == NULL)
    return g_strdup ("?");
  key = nexor_workflow_status_get_key (status);
  return g_strdup (key != NULL ? key : "?");
}

/* What the event is about, in words: the lead and what happened to it. */
static char *
event_summary (NexorWebhookEvent *event)
{
  NexorWebhookMeetingData *meeting_data = nexor_webhook_event_get_meeting_data (event);
  NexorWebhookStatusChangeData *change = nexor_webhook_event_get_status_change_data (event);
  g_autofree char *lead = lead_summary (nexor_webhook_event_get_lead (event));
  g_autofree char *what = NULL;

  if (change != NULL)
    {
      g_autofree char *from = status_name (nexor_webhook_status_change_data_get_from_status (change));
      g_autofree char *to = status_name (nexor_webhook_status_change_data_get_to_status (change));

      what = g_strdup_printf ("%s → %s", from, to);
    }
  else if (meeting_data != NULL)
    {
      NexorMeeting *meeting = nexor_webhook_meeting_data_get_meeting (meeting_data);

      if (meeting != NULL)
        {
          g_autofree char *starts = nexor_cli_format_datetime (nexor_meeting_get_starts_at (meeting));
          const char *title = nexor_meeting_get_title (meeting);

          /* TRANSLATORS: a meeting in a webhook event's line: its title and
           * when it starts. */
          what = g_strdup_printf (_("meeting “%s” at %s"), title != NULL ? title : "",
                                  starts != NULL ? starts : "?");
        }
    }

  if (lead != NULL && what != NULL)
    return g_strdup_printf ("%s: %s", lead, what);
  return g_strdup (lead != NULL ? lead : what);
}

static void
print_event_line (NexorWebhookEvent *event)
{
  g_autofree char *summary = event_summary (event);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *safe = NULL;

  g_string_append_printf (line, "%s  %s", nexor_webhook_event_get_event_type_string (event),
                          nexor_webhook_event_get_event_id (event));
  if (summary != NULL)
    g_string_append_printf (line, "  %s", summary);
  if (nexor_webhook_event_get_test (event))
    g_string_append_printf (line, "  %s", _("(test)"));

  /* Every part came over the network. */
  safe = nexor_cli_sanitize (line->str);
  nexor_cli_print (safe);
  nexor_cli_print ("\n");
}

static void
print_event_json (NexorWebhookEvent *event)
{
  g_autoptr(JsonObject) object = nexor_webhook_event_dup_json (event);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = nexor_json_writer_to_string (node, FALSE, NULL);

  /* One event a line (JSON Lines), whatever the body's own layout. */
  nexor_cli_print_utf8 (text);
  nexor_cli_print_utf8 ("\n");
}

static void
forwarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SoupSession *session = SOUP_SESSION (source);
  Listener *listener = user_data;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message = soup_session_get_async_result_message (session, result);

  answer = soup_session_send_and_read_finish (session, result, &error);
  if (answer == NULL)
    {
      g_autofree char *why = nexor_cli_sanitize (error->message);

      nexor_cli_printerr (_("Could not forward the event to %s: %s\n"), listener->forward_to, why);
    }
  else
    {
      nexor_cli_printerr (_("Forwarded to %s: HTTP %u\n"), listener->forward_to,
                          soup_message_get_status (message));
    }

  listener->forwards_in_flight--;
  if (listener->quitting && listener->forwards_in_flight == 0)
    g_main_loop_quit (listener->loop);
}

/* The delivery as it came: the same bytes and the same signature, so that
 * the program it goes to checks it as it would Nexor's. */
static void
forward (Listener           *listener,
         NexorWebhookEvent  *event,
         SoupMessageHeaders *headers)
{
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, listener->forward_to);
  SoupMessageHeaders *request_headers = soup_message_get_request_headers (message);
  const char *signature = soup_message_headers_get_one (headers, NEXOR_WEBHOOK_SIGNATURE_HEADER);

  soup_message_set_request_body_from_bytes (message, "application/json",
                                            nexor_webhook_event_get_body (event));
  if (signature != NULL)
    soup_message_headers_replace (request_headers, NEXOR_WEBHOOK_SIGNATURE_HEADER, signature);

  listener->forwards_in_flight++;
  soup_session_send_and_read_async (listener->session, message, G_PRIORITY_DEFAULT, NULL,
                                    forwarded_cb, listener);
}

static void
on_event_received (NexorWebhookReceiver *receiver,
                   NexorWebhookEvent    *event,
                   SoupMessageHeaders   *headers,
                   Listener             *listener)
{
  if (listener->as_json)
    print_event_json (event);
  else
    print_event_line (event);
  fflush (stdout);

  if (listener->forward_to != NULL)
    forward (listener, event, headers);
}

static void
on_delivery_refused (NexorWebhookReceiver *receiver,
                     guint                 status,
                     const GError         *error,
                     Listener             *listener)
{
  g_autofree char *why = nexor_cli_sanitize (error->message);

  nexor_cli_printerr (_("Refused a delivery (HTTP %u): %s\n"), status, why);
}

int
nexor_cli_webhooks_listen (NexorCli               *cli,
                           const NexorCliCommand  *command,
                           char                 ***argv)
{
  g_autoptr(NexorWebhookReceiver) receiver = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *address = NULL;
  g_autofree char *forward_to = NULL;
  g_autofree char *url = NULL;
  gboolean as_json = FALSE;
  int port = 0;
  int status;
  Listener listener = { 0, };
  guint sigint_id, sigterm_id;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      N_("Listen on this TCP port (default: one the system chooses, shown at start)"), N_("PORT") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address,
      N_("Listen on this IP address, such as 0.0.0.0 (default: loopback only)"), N_("ADDRESS") },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret,
      N_("The webhook's signing secret (default: $NEXOR_WEBHOOK_SECRET)"), N_("SECRET") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print each event as one line of JSON, as it was received"), NULL },
    { "forward-to", 0, 0, G_OPTION_ARG_STRING, &forward_to,
      N_("Also POST each event, unchanged and with its signature, to this URL"), N_("URL") },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  if (secret == NULL)
    secret = g_strdup (g_getenv ("NEXOR_WEBHOOK_SECRET"));
  if (secret == NULL || *secret == '\0')
    return nexor_cli_usage_error (cli, "%s",
                                  _("no webhook secret: set NEXOR_WEBHOOK_SECRET, or pass --secret SECRET"));
  nexor_cli_output_add_secret (secret);

  if (port < 0 || port > G_MAXUINT16)
    return nexor_cli_usage_error (cli, _("--port must be between 0 and 65535, not %d"), port);

  if (forward_to != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (forward_to, G_URI_FLAGS_NONE, NULL);
      const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

      if (uri == NULL || g_uri_get_host (uri) == NULL ||
          (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
        {
          g_autofree char *shown = nexor_cli_sanitize (forward_to);

          return nexor_cli_usage_error (cli, _("--forward-to needs an http or https URL, not “%s”"),
                                        shown);
        }
    }

  receiver = nexor_webhook_receiver_new (secret);
  if (!nexor_webhook_receiver_listen (receiver, address, (guint) port, &error))
    {
      if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT))
        return nexor_cli_usage_error (cli, "%s", error->message);
      return nexor_cli_report_error (cli, error);
    }

  listener.as_json = as_json;
  listener.forward_to = forward_to;
  listener.loop = g_main_loop_new (NULL, FALSE);
  listener.receiver = receiver;
  /* A forward that hangs must not keep a stopping listener waiting forever. */
  if (forward_to != NULL)
    listener.session = soup_session_new_with_options ("user-agent", "nexor-cli/" NEXOR_CLI_VERSION,
                                                      "timeout", 30, NULL);

  g_signal_connect (receiver, "event-received", G_CALLBACK (on_event_received), &listener);
  g_signal_connect (receiver, "delivery-refused", G_CALLBACK (on_delivery_refused), &listener);
  sigint_id = g_unix_signal_add (SIGINT, on_quit_signal, &listener);
  sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal, &listener);

  url = nexor_webhook_receiver_dup_url (receiver);
  nexor_cli_printerr (_("Ready: listening for webhook deliveries on %s (Ctrl+C to stop)\n"), url);
  if (forward_to != NULL)
    nexor_cli_printerr (_("Forwarding each event to %s\n"), forward_to);

  g_main_loop_run (listener.loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  g_signal_handlers_disconnect_by_data (receiver, &listener);
  nexor_webhook_receiver_stop (receiver);
  /* Quit without waiting: the forwards still out end now, each with its
   * line, before the listener they point to goes away. */
  if (listener.forwards_in_flight > 0)
    {
      soup_session_abort (listener.session);
      while (listener.forwards_in_flight > 0)
        g_main_context_iteration (NULL, TRUE);
    }
  g_clear_object (&listener.session);
  g_main_loop_unref (listener.loop);

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_webhooks_commands[] = {
  { "listen", NULL, N_("Receive webhook deliveries locally, print them, and forward them"),
    nexor_cli_webhooks_listen, NULL },
  { NULL, NULL, NULL, NULL, NULL },
};
