/* lead-desk-application.c: the Nexor Lead Desk application
 *
 * Owns the one NexorClient every window uses. Where its key comes from, in
 * order: NEXOR_API_KEY, the keyring entry for the server, the connection
 * dialog (whose key then goes to the keyring). The server is --base-url,
 * else NEXOR_BASE_URL, else the one saved in the settings, else production.
 * Replacing the client (a new key or server) makes every window load its
 * lead again.
 *
 * Changes made elsewhere reach the windows by push when a webhook address
 * is configured (LEAD_DESK_WEBHOOK_PORT, _ADDRESS, _SECRET): a
 * NexorWebhookReceiver in this process's main context hands each event to
 * every window, which refreshes the lead if it is the one shown. Until the
 * first delivery arrives (none may ever: the server may not reach this
 * desktop) the windows poll instead; see lead-desk-window.c.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>
#include "lead-desk-application.h"
#include "lead-desk-connection-dialog.h"
#include "lead-desk-key-store.h"
#include "lead-desk-self-test.h"
#include "lead-desk-window.h"

struct _LeadDeskApplication
{
  AdwApplication parent_instance;

  LeadDeskSettings *settings;
  NexorClient *client;
  char *base_url_option;
  GCancellable *cancellable;
  GtkWidget *connection_dialog;
  int exit_status;

  gboolean looking_up_key;
  gboolean saving_key;
  char *key_save_error;  /* why the last key could not be kept, NULL if it was */

  NexorWebhookReceiver *receiver;
  gboolean push_active;  /* a delivery arrived: the server reaches us */
};

G_DEFINE_FINAL_TYPE (LeadDeskApplication, lead_desk_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SAVING_KEY,
  PROP_PUSH_ACTIVE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_NOTIFICATION_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "base-url", 'u', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The Nexor API base URL (default: $NEXOR_BASE_URL, the saved one, or production)"), N_("URL") },
  { "self-test", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open the lead, check what the window shows, take the lead over and hand it back, "
       "print what was seen and quit (for tests)"), NULL },
  { "screenshot", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("With --self-test: save a PNG of the window here while the lead is taken over"), N_("FILE") },
  { "only-open", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --self-test: quit once the lead is shown"), NULL },
  { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --self-test: find the lead by typing TEXT in the search box and open it from the results"),
    N_("TEXT") },
  { "action", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --self-test: instead of the takeover, do ACTION from the lead card (whatsapp-text, "
       "whatsapp-template=NAME, email, call, book=KEY, complete=KEY, cancel=KEY, no-show=KEY; "
       "pause, watch: print what the window shows as it changes by itself, until a line on "
       "standard input; hide, show: the window); repeat it for more, in order"), N_("ACTION") },
  { "tag", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --action: a word put in every text the actions write, to find them again"), N_("TEXT") },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
    NULL, N_("[LEAD-ID]") },
  { NULL }
};

static const char *
getenv_nonempty (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static const char *
effective_base_url (LeadDeskApplication *self)
{
  if (self->base_url_option != NULL)
    return self->base_url_option;
  if (getenv_nonempty ("NEXOR_BASE_URL") != NULL)
    return getenv_nonempty ("NEXOR_BASE_URL");
  if (lead_desk_settings_get_base_url (self->settings) != NULL)
    return lead_desk_settings_get_base_url (self->settings);
  return NEXOR_DEFAULT_BASE_URL;
}

static void
set_client (LeadDeskApplication *self,
            NexorClient         *client)
{
  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLIENT]);
}

static LeadDeskWindow *
get_window (LeadDeskApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (lead_desk_window_new (self));
      g_object_bind_property (self, "client", window, "client", G_BINDING_DEFAULT);
    }

  return LEAD_DESK_WINDOW (window);
}

static void
toast (LeadDeskApplication *self,
       const char          *text)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LEAD_DESK_IS_WINDOW (window))
    lead_desk_window_add_toast (LEAD_DESK_WINDOW (window), text);
}

/* Connecting */

static void
on_key_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LeadDeskApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = lead_desk_key_store_save_finish (result, &error);

  g_clear_pointer (&self->key_save_error, g_free);
  if (!saved)
    self->key_save_error = g_strdup (error->message);
  self->saving_key = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SAVING_KEY]);

  /* Never written anywhere else: a key the keyring refused (locked, or no
   * Secret Service) lives in this process until it quits. */
  if (!saved && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("The key could not be kept in the keyring (%s): "
                                                 "it is used until you quit"), error->message);
      toast (self, text);
    }
}

static void show_connection_dialog (LeadDeskApplication *self,
                                    const char          *reason);

/* A URL or key the library cannot use is refused when the client is built:
 * the user gets the dialog back with the reason instead of a window that
 * fails at its first call. */
static gboolean
connect_with (LeadDeskApplication *self,
              const char          *base_url,
              const char          *api_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorClient) client = nexor_client_new_for_url (base_url, api_key, &error);

  if (client == NULL)
    {
      show_connection_dialog (self, error->message);
      return FALSE;
    }

  set_client (self, client);
  return TRUE;
}

static void
on_connection_response (LeadDeskApplication      *self,
                        const char               *response,
                        LeadDeskConnectionDialog *dialog)
{
  g_autofree char *base_url = NULL;
  g_autofree char *api_key = NULL;
  g_autoptr(GError) error = NULL;

  self->connection_dialog = NULL;

  if (g_strcmp0 (response, "connect") != 0)
    return;

  base_url = g_strstrip (g_strdup (lead_desk_connection_dialog_get_base_url (dialog)));
  api_key = g_strstrip (g_strdup (lead_desk_connection_dialog_get_api_key (dialog)));

  /* What the user typed wins over --base-url and NEXOR_BASE_URL for the
   * rest of this run, and is saved for the next. */
  g_free (self->base_url_option);
  self->base_url_option = g_strdup (base_url);
  lead_desk_settings_set_base_url (self->settings, base_url);
  if (!lead_desk_settings_save (self->settings, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The server URL could not be saved: %s"),
                                               error->message);
      toast (self, text);
    }

  if (!connect_with (self, base_url, api_key))
    return;

  self->saving_key = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SAVING_KEY]);
  lead_desk_key_store_save_async (base_url, api_key, self->cancellable,
                                  on_key_saved, g_object_ref (self));
}

static void
show_connection_dialog (LeadDeskApplication *self,
                        const char          *reason)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->connection_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->connection_dialog));
      return;
    }

  self->connection_dialog = lead_desk_connection_dialog_new (parent, effective_base_url (self), reason);
  g_signal_connect_object (self->connection_dialog, "response",
                           G_CALLBACK (on_connection_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->connection_dialog));
}

static void
on_key_looked_up (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LeadDeskApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *api_key = NULL;

  api_key = lead_desk_key_store_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->looking_up_key = FALSE;

  if (api_key != NULL)
    {
      connect_with (self, effective_base_url (self), api_key);
      return;
    }

  /* No keyring at all is not an error for the user: the dialog's key is
   * then used for this run only, and the toast after it says so. */
  if (error != NULL)
    g_debug ("No key from the keyring: %s", error->message);

  show_connection_dialog (self, NULL);
}

static void
connect_to_server (LeadDeskApplication *self)
{
  const char *api_key = getenv_nonempty ("NEXOR_API_KEY");

  if (api_key != NULL)
    {
      connect_with (self, effective_base_url (self), api_key);
      return;
    }

  self->looking_up_key = TRUE;
  lead_desk_key_store_lookup_async (effective_base_url (self), self->cancellable,
                                    on_key_looked_up, g_object_ref (self));
}

/* Webhooks */

static char *
lead_name (NexorLead *lead)
{
  g_autofree char *name = g_strjoin (" ",
                                     nexor_lead_get_first_name (lead) ? nexor_lead_get_first_name (lead) : "",
                                     nexor_lead_get_last_name (lead) ? nexor_lead_get_last_name (lead) : "",
                                     NULL);

  g_strstrip (name);
  return *name != '\0' ? g_steal_pointer (&name) : g_strdup (nexor_lead_get_id (lead));
}

/* A meeting booked on a lead a window shows: the user is looking at that
 * lead, or was, and wants to know even with the window in the background. */
static void
notify_meeting_booked (LeadDeskApplication *self,
                       NexorWebhookEvent   *event)
{
  NexorWebhookMeetingData *data = nexor_webhook_event_get_meeting_data (event);
  NexorMeeting *meeting = data != NULL ? nexor_webhook_meeting_data_get_meeting (data) : NULL;
  NexorLead *lead = nexor_webhook_event_get_lead (event);
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  gboolean sent;

  if (lead == NULL || nexor_lead_get_id (lead) == NULL)
    return;

  name = lead_name (lead);
  title = g_strdup_printf (_("Meeting booked with %s"), name);
  if (meeting != NULL && nexor_meeting_get_title (meeting) != NULL)
    g_string_append (body, nexor_meeting_get_title (meeting));
  if (meeting != NULL && nexor_meeting_get_starts_at (meeting) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (nexor_meeting_get_starts_at (meeting));
      /* TRANSLATORS: when a meeting starts, a g_date_time_format() format:
       * order and words as your language writes a date.
       * xgettext:no-c-format */
      g_autofree char *when = g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));

      g_string_append_printf (body, "%s%s", body->len > 0 ? "\n" : "", when);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->len > 0 ? body->str : NULL);
  g_notification_set_default_action_and_target (notification, "app.open-lead", "s",
                                                nexor_lead_get_id (lead));
  /* One per lead: a second booking replaces the first notice. */
  id = g_strconcat ("meeting-booked-", nexor_lead_get_id (lead), NULL);

  /* Without a session bus there is no notification server to talk to, and
   * GLib's backends would complain on every event. */
  sent = g_application_get_dbus_connection (G_APPLICATION (self)) != NULL;
  if (sent)
    g_application_send_notification (G_APPLICATION (self), id, notification);
  g_signal_emit (self, signals[SIGNAL_NOTIFICATION_SENT], 0, id, title, body->str, sent);
}

static void
on_webhook_event (LeadDeskApplication  *self,
                  NexorWebhookEvent    *event,
                  SoupMessageHeaders   *headers,
                  NexorWebhookReceiver *receiver)
{
  NexorLead *lead = nexor_webhook_event_get_lead (event);
  gboolean shown = FALSE;

  if (!self->push_active)
    {
      self->push_active = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PUSH_ACTIVE]);
    }

  if (lead == NULL || nexor_lead_get_id (lead) == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LEAD_DESK_IS_WINDOW (l->data) &&
        lead_desk_window_lead_changed (LEAD_DESK_WINDOW (l->data), nexor_lead_get_id (lead)))
      shown = TRUE;

  if (shown && nexor_webhook_event_get_event_type (event) == NEXOR_WEBHOOK_EVENT_TYPE_MEETING_SCHEDULED)
    notify_meeting_booked (self, event);

  /* The recent leads show a name and a company: a status change carries
   * the whole lead, so a renamed lead is listed by its new name. Only when
   * the event has a name: a meeting's lead may be a summary. */
  if (nexor_lead_get_first_name (lead) != NULL || nexor_lead_get_last_name (lead) != NULL)
    {
      g_autofree char *name = lead_name (lead);

      if (lead_desk_settings_update_recent_lead (self->settings, nexor_lead_get_id (lead), name,
                                                 nexor_lead_get_company (lead)))
        {
          g_autoptr(GError) error = NULL;

          if (!lead_desk_settings_save (self->settings, &error))
            g_debug ("The recent leads could not be saved: %s", error->message);
        }
    }
}

static void
on_webhook_refused (LeadDeskApplication  *self,
                    guint                 status,
                    const GError         *error,
                    NexorWebhookReceiver *receiver)
{
  /* Someone else's traffic, or a wrong secret: nothing the user does at
   * the desk changes it. The reason never contains the secret. */
  g_debug ("Webhook delivery refused with %u: %s", status, error->message);
}

/* LEAD_DESK_WEBHOOK_PORT (and _ADDRESS, default loopback, and _SECRET): the
 * address the server's webhook deliveries reach this desktop at. */
static void
start_webhook_receiver (LeadDeskApplication *self)
{
  const char *port_text = getenv_nonempty ("LEAD_DESK_WEBHOOK_PORT");
  const char *address = getenv_nonempty ("LEAD_DESK_WEBHOOK_ADDRESS");
  const char *secret = getenv_nonempty ("LEAD_DESK_WEBHOOK_SECRET");
  g_autoptr(NexorWebhookReceiver) receiver = NULL;
  g_autoptr(GError) error = NULL;
  guint64 port;

  if (port_text == NULL)
    return;

  if (!g_ascii_string_to_unsigned (port_text, 10, 1, G_MAXUINT16, &port, &error))
    {
      /* TRANSLATORS: %s says what is wrong with the port number */
      g_autofree char *text = g_strdup_printf (_("Webhooks are not received: LEAD_DESK_WEBHOOK_PORT: %s"),
                                               error->message);

      g_printerr ("%s\n", text);
      return;
    }
  if (secret == NULL)
    {
      g_printerr ("%s\n", _("Webhooks are not received: LEAD_DESK_WEBHOOK_SECRET is not set"));
      return;
    }

  receiver = nexor_webhook_receiver_new (secret);
  if (!nexor_webhook_receiver_listen (receiver, address != NULL ? address : "127.0.0.1",
                                      (guint) port, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Webhooks are not received: %s"), error->message);

      g_printerr ("%s\n", text);
      return;
    }

  g_signal_connect_object (receiver, "event-received", G_CALLBACK (on_webhook_event),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (receiver, "delivery-refused", G_CALLBACK (on_webhook_refused),
                           self, G_CONNECT_SWAPPED);
  self->receiver = g_steal_pointer (&receiver);
}

/* Actions */

static void
connection_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LeadDeskApplication *self = user_data;

  show_connection_dialog (self, self->client == NULL ? NULL : _("Enter a new key, or a new server URL."));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LeadDeskApplication *self = user_data;

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Nexor Lead Desk"),
                         "application-icon", "avatar-default-symbolic",
                         "version", NEXOR_VERSION_S,
                         "developer-name", _("The nexor-glib developers"),
                         "comments", _("Look up sales leads worked by Nexor's AI agents, and take them over"),
                         "license-type", GTK_LICENSE_LGPL_2_1,
                         "website", "https://github.com/nexor-glib/nexor-glib",
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
open_lead_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LeadDeskWindow *window = get_window (LEAD_DESK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  lead_desk_window_open_lead (window, g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "open-lead", open_lead_action, "s", NULL, NULL },
  { "connection", connection_action, NULL, NULL, NULL },
  { "about", about_action, NULL, NULL, NULL },
  { "quit", quit_action, NULL, NULL, NULL },
};

/* GApplication */

static int
lead_desk_application_handle_local_options (GApplication *application,
                                            GVariantDict *options)
{
  /* A self-test must run in this process, never hand itself over to a
   * desk the user already has open. */
  if (g_variant_dict_contains (options, "self-test"))
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
lead_desk_application_startup (GApplication *application)
{
  LeadDeskApplication *self = LEAD_DESK_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (lead_desk_application_parent_class)->startup (application);

  path = g_build_filename (g_get_user_config_dir (), "nexor-lead-desk", "lead-desk.ini", NULL);
  self->settings = lead_desk_settings_new (path);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  start_webhook_receiver (self);
}

static void
lead_desk_application_activate (GApplication *application)
{
  LeadDeskApplication *self = LEAD_DESK_APPLICATION (application);
  LeadDeskWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (self->client == NULL)
    connect_to_server (self);
}

static int
lead_desk_application_command_line (GApplication            *application,
                                    GApplicationCommandLine *command_line)
{
  LeadDeskApplication *self = LEAD_DESK_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *base_url = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *search = NULL;
  g_autofree char *tag = NULL;
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) lead_ids = NULL;
  gboolean self_test = FALSE;
  gboolean only_open = FALSE;
  LeadDeskWindow *window;

  g_variant_dict_lookup (options, "base-url", "s", &base_url);
  g_variant_dict_lookup (options, "self-test", "b", &self_test);
  g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot);
  g_variant_dict_lookup (options, "search", "s", &search);
  g_variant_dict_lookup (options, "only-open", "b", &only_open);
  g_variant_dict_lookup (options, "action", "^as", &actions);
  g_variant_dict_lookup (options, "tag", "s", &tag);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^as", &lead_ids);

  if (lead_ids != NULL && g_strv_length (lead_ids) > 1)
    {
      g_application_command_line_printerr (command_line, "%s\n", _("Give at most one lead id"));
      return 2;
    }
  if (screenshot != NULL && !self_test)
    {
      g_application_command_line_printerr (command_line, "%s\n", _("--screenshot needs --self-test"));
      return 2;
    }
  if ((search != NULL || only_open || actions != NULL || tag != NULL) && !self_test)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("--search, --only-open, --action and --tag need --self-test"));
      return 2;
    }

  if (base_url != NULL && g_strcmp0 (base_url, self->base_url_option) != 0)
    {
      g_free (self->base_url_option);
      self->base_url_option = g_steal_pointer (&base_url);
      set_client (self, NULL);
    }

  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));
  if (self->client == NULL)
    connect_to_server (self);

  if (self_test)
    lead_desk_self_test_start (self, window,
                               lead_ids != NULL ? lead_ids[0] : NULL, search, only_open, screenshot,
                               (const char * const *) actions, tag);
  else if (lead_ids != NULL)
    lead_desk_window_open_lead (window, lead_ids[0]);

  return 0;
}

static void
lead_desk_application_shutdown (GApplication *application)
{
  LeadDeskApplication *self = LEAD_DESK_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  if (self->receiver != NULL)
    nexor_webhook_receiver_stop (self->receiver);

  G_APPLICATION_CLASS (lead_desk_application_parent_class)->shutdown (application);
}

static void
lead_desk_application_finalize (GObject *object)
{
  LeadDeskApplication *self = LEAD_DESK_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->receiver);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_free (self->base_url_option);
  g_free (self->key_save_error);

  G_OBJECT_CLASS (lead_desk_application_parent_class)->finalize (object);
}

static void
lead_desk_application_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LeadDeskApplication *self = LEAD_DESK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_SAVING_KEY:
      g_value_set_boolean (value, self->saving_key);
      break;
    case PROP_PUSH_ACTIVE:
      g_value_set_boolean (value, self->push_active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_application_class_init (LeadDeskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lead_desk_application_finalize;
  object_class->get_property = lead_desk_application_get_property;

  application_class->handle_local_options = lead_desk_application_handle_local_options;
  application_class->startup = lead_desk_application_startup;
  application_class->activate = lead_desk_application_activate;
  application_class->command_line = lead_desk_application_command_line;
  application_class->shutdown = lead_desk_application_shutdown;

  /**
   * LeadDeskApplication:client:
   *
   * The client every window uses; %NULL until there is an API key.
   */
  props[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, NEXOR_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LeadDeskApplication:saving-key:
   *
   * Whether a key from the connection dialog is on its way to the keyring.
   */
  props[PROP_SAVING_KEY] =
    g_param_spec_boolean ("saving-key", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LeadDeskApplication:push-active:
   *
   * Whether a webhook delivery arrived: the server reaches this desktop,
   * and the windows need not poll.
   */
  props[PROP_PUSH_ACTIVE] =
    g_param_spec_boolean ("push-active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * LeadDeskApplication::notification-sent:
   * @id: the notification's id
   * @title: its title
   * @body: its body
   * @sent: whether it went to the notification server (there is none
   *   without a session bus)
   *
   * A desktop notification was made, for the self-test to report.
   */
  signals[SIGNAL_NOTIFICATION_SENT] =
    g_signal_new ("notification-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
lead_desk_application_init (LeadDeskApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Look up a Nexor lead, its history and meetings, "
                                              "and take it over from the AI agent."));
}

LeadDeskApplication *
lead_desk_application_new (void)
{
  return g_object_new (LEAD_DESK_TYPE_APPLICATION,
                       "application-id", LEAD_DESK_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

/**
 * lead_desk_application_get_client:
 *
 * Returns: (transfer none) (nullable): the client, %NULL while there is no key
 */
NexorClient *
lead_desk_application_get_client (LeadDeskApplication *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_APPLICATION (self), NULL);

  return self->client;
}

LeadDeskSettings *
lead_desk_application_get_settings (LeadDeskApplication *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * lead_desk_application_get_exit_status:
 *
 * GApplication reports success for every run whose main loop ran; the
 * self-test's verdict comes from here instead.
 *
 * Returns: the status passed to lead_desk_application_quit_with_status()
 */
gboolean
lead_desk_application_get_saving_key (LeadDeskApplication *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_APPLICATION (self), FALSE);

  return self->saving_key;
}

/**
 * lead_desk_application_get_key_save_error:
 *
 * Returns: (nullable): why the last key from the connection dialog could
 *   not be kept in the keyring, %NULL if it was (or none was saved)
 */
const char *
lead_desk_application_get_key_save_error (LeadDeskApplication *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_APPLICATION (self), NULL);

  return self->key_save_error;
}

/**
 * lead_desk_application_request_key:
 *
 * Asks for the API key with the connection dialog, unless the keyring is
 * still being read: its answer either connects or asks itself, and asking
 * before it would ask a user whose key is stored.
 */
void
lead_desk_application_request_key (LeadDeskApplication *self)
{
  g_return_if_fail (LEAD_DESK_IS_APPLICATION (self));

  if (self->looking_up_key)
    return;
  show_connection_dialog (self, NULL);
}

/**
 * lead_desk_application_get_push_active:
 *
 * Returns: whether a webhook delivery arrived since the app started
 */
gboolean
lead_desk_application_get_push_active (LeadDeskApplication *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_APPLICATION (self), FALSE);

  return self->push_active;
}

int
lead_desk_application_get_exit_status (LeadDeskApplication *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_APPLICATION (self), 1);

  return self->exit_status;
}

void
lead_desk_application_quit_with_status (LeadDeskApplication *self,
                                        int                  status)
{
  g_return_if_fail (LEAD_DESK_IS_APPLICATION (self));

  self->exit_status = status;
  g_application_quit (G_APPLICATION (self));
}
