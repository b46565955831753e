/* lead-desk-window.c: the main window: recent leads and the lead card
 *
 * The window loads the lead itself (one get_lead call, with its own
 * GCancellable: opening another lead or closing the window cancels it) and
 * hands the result to the LeadDeskLeadCard, which makes the calls that
 * belong to one lead. Errors end up here: a failed load replaces the card
 * with a status page that says what to do, a failed action inside the card
 * becomes a toast, and a key the server refuses raises a banner over
 * everything until the key is changed.
 *
 * The search box is the way in: what is typed is looked up by name, email
 * or phone with search_leads (a call of its own, cancelled by the next
 * keystroke), and a lead's id pasted there opens that lead.
 *
 * The lead shown follows changes made elsewhere. A webhook event about it
 * (lead_desk_window_lead_changed(), from the application's receiver)
 * refreshes the card. Without deliveries, because none is configured or
 * none has arrived yet, the window polls the lead it shows every
 * LEAD_DESK_POLL_INTERVAL seconds (default 20: four small GETs, so 0.2
 * requests a second per desk, and a change shows in 10 s on average)
 * while the window is on screen, never while it is hidden or minimized,
 * never with nothing open, and never while a call for the lead is still
 * in flight, so polls do not overlap each other or the user's actions.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib/gi18n.h>
#include "lead-desk-window.h"
#include "lead-desk-errors.h"
#include "lead-desk-recent-lead.h"
#include "lead-desk-settings.h"

struct _LeadDeskWindow
{
  AdwApplicationWindow parent_instance;

  NexorClient *client;
  char *lead_id;
  GCancellable *cancellable;
  gboolean loading;
  gboolean busy;

  guint poll_id;
  guint poll_interval;      /* seconds */
  GdkSurface *surface;      /* whose state says minimized */

  GCancellable *search_cancellable;
  gboolean searching;
  char *search_text;        /* what the search shown was for */
  gboolean open_first;      /* Enter came before the answer */
  GListModel *found_leads;  /* its answer, NULL until it came */

  AdwLeaflet *leaflet;
  GtkWidget *content;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListBox *recent_list;
  GtkLabel *results_label;
  GtkSpinner *search_spinner;
  GtkListBox *results_list;
  GtkSpinner *header_spinner;
  AdwWindowTitle *window_title;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_page;
  GtkButton *error_button;
  LeadDeskLeadCard *lead_card;
};

G_DEFINE_FINAL_TYPE (LeadDeskWindow, lead_desk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LEAD_ID,
  PROP_BUSY,
  PROP_POLLING,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
update_busy (LeadDeskWindow *self)
{
  gboolean busy = self->loading || self->searching || lead_desk_lead_card_get_busy (self->lead_card);

  gtk_spinner_set_spinning (self->header_spinner, busy);

  if (busy == self->busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
}

static void
set_loading (LeadDeskWindow *self,
             gboolean        loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  update_busy (self);
}

static void
on_busy_changed (LeadDeskWindow *self)
{
  update_busy (self);
}

static const char *
remedy_action (LeadDeskErrorRemedy remedy)
{
  switch (remedy)
    {
    case LEAD_DESK_ERROR_REMEDY_RETRY:
    case LEAD_DESK_ERROR_REMEDY_CHECK:
      return "win.reload";
    case LEAD_DESK_ERROR_REMEDY_CONNECTION:
      return "app.connection";
    case LEAD_DESK_ERROR_REMEDY_NONE:
    default:
      return NULL;
    }
}

static void
note_auth_failure (LeadDeskWindow *self,
                   const GError   *error)
{
  if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_UNAUTHORIZED))
    lead_desk_window_show_banner (self, _("Nexor refused the API key, so nothing can be loaded. "
                                          "Check your API key."));
}

static void
show_load_error (LeadDeskWindow *self,
                 const GError   *error)
{
  LeadDeskErrorRemedy remedy;
  g_autofree char *advice = lead_desk_error_advice (error, &remedy, NULL);
  g_autofree char *markup = g_markup_escape_text (advice, -1);
  const char *label = lead_desk_error_remedy_label (remedy);

  adw_status_page_set_title (self->error_page,
                             g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND)
                             ? _("Lead Not Found") : _("Could Not Open the Lead"));
  adw_status_page_set_description (self->error_page, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->error_button), label != NULL);
  if (label != NULL)
    {
      gtk_button_set_label (self->error_button, label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_button), remedy_action (remedy));
    }

  gtk_stack_set_visible_child_name (self->stack, "error");
  adw_window_title_set_title (self->window_title, _("Nexor Lead Desk"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  note_auth_failure (self, error);
}

static void
on_card_error (LeadDeskWindow *self,
               const char     *what_failed,
               const GError   *error,
               gpointer        card)
{
  LeadDeskErrorRemedy remedy;
  const char *hint;
  g_autofree char *advice = lead_desk_error_advice (error, &remedy, &hint);
  g_autofree char *text = g_strdup_printf ("%s. %s", what_failed, hint);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  /* A toast has room for one line: the card shows the cause where it
   * happened, the toast what to do. */
  g_debug ("%s: %s", what_failed, advice);

  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (lead_desk_error_remedy_label (remedy) != NULL)
    {
      adw_toast_set_button_label (toast, remedy == LEAD_DESK_ERROR_REMEDY_RETRY
                                         ? _("_Reload") : lead_desk_error_remedy_label (remedy));
      adw_toast_set_action_name (toast, remedy_action (remedy));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  note_auth_failure (self, error);
}

static void
show_lead_title (LeadDeskWindow *self,
                 NexorLead      *lead)
{
  g_autofree char *name = g_strjoin (" ",
                                     nexor_lead_get_first_name (lead) ? nexor_lead_get_first_name (lead) : "",
                                     nexor_lead_get_last_name (lead) ? nexor_lead_get_last_name (lead) : "",
                                     NULL);

  adw_window_title_set_title (self->window_title, g_strstrip (name));
  adw_window_title_set_subtitle (self->window_title, nexor_lead_get_company (lead));
}

static void
remember_lead (LeadDeskWindow *self,
               NexorLead      *lead)
{
  LeadDeskApplication *app = LEAD_DESK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  LeadDeskSettings *settings;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (app == NULL)
    return;

  settings = lead_desk_application_get_settings (app);
  name = g_strjoin (" ",
                    nexor_lead_get_first_name (lead) ? nexor_lead_get_first_name (lead) : "",
                    nexor_lead_get_last_name (lead) ? nexor_lead_get_last_name (lead) : "",
                    NULL);
  lead_desk_settings_add_recent_lead (settings, nexor_lead_get_id (lead), g_strstrip (name),
                                      nexor_lead_get_company (lead));

  if (!lead_desk_settings_save (settings, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The recent leads could not be saved: %s"),
                                               error->message);
      lead_desk_window_add_toast (self, text);
    }
}

static void
on_card_lead_updated (LeadDeskWindow *self,
                      NexorLead      *lead)
{
  show_lead_title (self, lead);
}

static void
on_lead_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LeadDeskWindow) self = user_data;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;

  lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &error);

  /* Cancelled: the user opened another lead, which has its own call, or
   * closed the window. Either way this answer is no longer wanted. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);

  if (lead == NULL)
    {
      show_load_error (self, error);
      return;
    }

  lead_desk_window_hide_banner (self);
  lead_desk_lead_card_set_lead (self->lead_card, NEXOR_CLIENT (source), lead);
  gtk_stack_set_visible_child_name (self->stack, "lead");
  show_lead_title (self, lead);
  remember_lead (self, lead);
}

static void
load_lead (LeadDeskWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  lead_desk_lead_card_clear (self->lead_card);

  if (self->lead_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      return;
    }

  if (self->client == NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      /* No key yet: the lead opens once the keyring or the connection
       * dialog gave one (set_client loads it). */
      if (LEAD_DESK_IS_APPLICATION (app))
        lead_desk_application_request_key (LEAD_DESK_APPLICATION (app));
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  adw_window_title_set_title (self->window_title, _("Loading…"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  set_loading (self, TRUE);

  nexor_client_get_lead_async (self->client, self->lead_id, self->cancellable,
                               on_lead_loaded, g_object_ref (self));
}

/* A lead's id as the API writes them: such a text is opened, not searched. */
static gboolean
is_lead_id (const char *text)
{
  if (strlen (text) != 36)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

static char *
dup_search_text (LeadDeskWindow *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
set_searching (LeadDeskWindow *self,
               gboolean        searching)
{
  self->searching = searching;
  gtk_spinner_set_spinning (self->search_spinner, searching);
  update_busy (self);
}

static void
cancel_search (LeadDeskWindow *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->found_leads);
  g_clear_pointer (&self->search_text, g_free);
  self->open_first = FALSE;
  gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
  set_searching (self, FALSE);
}

static char *
lead_display_name (NexorLead *lead)
{
  g_autofree char *name = g_strjoin (" ",
                                     nexor_lead_get_first_name (lead) ? nexor_lead_get_first_name (lead) : "",
                                     nexor_lead_get_last_name (lead) ? nexor_lead_get_last_name (lead) : "",
                                     NULL);

  g_strstrip (name);
  return *name != '\0' ? g_steal_pointer (&name) : g_strdup (nexor_lead_get_id (lead));
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  NexorLead *lead = item;
  g_autofree char *name = lead_display_name (lead);
  const char *contact[] = { nexor_lead_get_email (lead), nexor_lead_get_phone (lead),
                            nexor_lead_get_company (lead) };
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;
  g_autofree char *details = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle;

  for (guint i = 0; i < G_N_ELEMENTS (contact); i++)
    if (contact[i] != NULL && *contact[i] != '\0')
      g_strv_builder_add (parts, contact[i]);
  shown = g_strv_builder_end (parts);
  /* What matched is in one of these, so the user sees why the lead is here. */
  details = g_strjoinv (" · ", shown);
  subtitle = gtk_label_new (*details != '\0' ? details : nexor_lead_get_id (lead));

  gtk_widget_set_name (row, "search-result");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, nexor_lead_get_id (lead));

  g_object_set_data_full (G_OBJECT (row), "lead-id", g_strdup (nexor_lead_get_id (lead)), g_free);

  return row;
}

static void
on_leads_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LeadDeskWindow) self = user_data;
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  leads = nexor_client_search_leads_finish (NEXOR_CLIENT (source), result, &error);

  /* Cancelled: the user typed on, and that search has its own call. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_searching (self, FALSE);

  if (leads == NULL)
    {
      LeadDeskErrorRemedy remedy;
      g_autofree char *advice = lead_desk_error_advice (error, &remedy, NULL);

      gtk_label_set_text (self->results_label, advice);
      note_auth_failure (self, error);
      return;
    }

  g_set_object (&self->found_leads, leads);
  gtk_list_box_bind_model (self->results_list, leads, create_result_row, NULL, NULL);

  n = g_list_model_get_n_items (leads);
  if (n == 0)
    text = g_strdup_printf (_("No lead matches “%s”"), self->search_text);
  else
    text = g_strdup_printf (ngettext ("%u lead found", "%u leads found", n), n);
  gtk_label_set_text (self->results_label, text);

  if (self->open_first && n > 0)
    gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (self->results_list, 0)));
  self->open_first = FALSE;
}

static void
on_search_changed (LeadDeskWindow *self)
{
  g_autofree char *text = dup_search_text (self);

  cancel_search (self);

  if (*text == '\0')
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "recent");
      return;
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
  if (is_lead_id (text))
    {
      gtk_label_set_text (self->results_label, _("A lead's id: press Enter to open it"));
      return;
    }
  if (self->client == NULL)
    {
      gtk_label_set_text (self->results_label, _("Set an API key to search (Connection… in the menu)"));
      return;
    }

  self->search_text = g_steal_pointer (&text);
  self->search_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->results_label, _("Searching…"));
  set_searching (self, TRUE);
  nexor_client_search_leads_async (self->client, self->search_text, 0, self->search_cancellable,
                                   on_leads_found, g_object_ref (self));
}

static void
on_search_activate (LeadDeskWindow *self)
{
  g_autofree char *text = dup_search_text (self);
  GtkListBoxRow *first;

  if (is_lead_id (text))
    {
      lead_desk_window_open_lead (self, text);
      return;
    }
  if (*text == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }

  /* Enter before the box searched, or before the answer: the first lead
   * found opens when it comes. */
  if (g_strcmp0 (self->search_text, text) != 0)
    on_search_changed (self);
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (self->searching)
    self->open_first = TRUE;
  else if (first != NULL && self->search_text != NULL)
    gtk_widget_activate (GTK_WIDGET (first));
  else
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

static void
on_stop_search (LeadDeskWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_recent_row_activated (LeadDeskWindow *self,
                         GtkListBoxRow  *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lead-id");

  if (id != NULL)
    lead_desk_window_open_lead (self, id);
}

static void
on_back_clicked (LeadDeskWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
create_recent_row (gpointer item,
                   gpointer user_data)
{
  LeadDeskRecentLead *lead = item;
  const char *name = lead_desk_recent_lead_get_name (lead);
  const char *company = lead_desk_recent_lead_get_company (lead);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name != NULL && *name != '\0' ? name : lead_desk_recent_lead_get_id (lead));
  GtkWidget *subtitle = gtk_label_new (company != NULL ? company : lead_desk_recent_lead_get_id (lead));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, lead_desk_recent_lead_get_id (lead));

  g_object_set_data_full (G_OBJECT (row), "lead-id",
                          g_strdup (lead_desk_recent_lead_get_id (lead)), g_free);

  return row;
}

/* Following changes made elsewhere */

#define DEFAULT_POLL_INTERVAL_S 20

static guint
poll_interval_from_environment (void)
{
  const char *text = g_getenv ("LEAD_DESK_POLL_INTERVAL");
  guint64 seconds;

  if (text == NULL || *text == '\0' ||
      !g_ascii_string_to_unsigned (text, 10, 1, 3600, &seconds, NULL))
    return DEFAULT_POLL_INTERVAL_S;
  return (guint) seconds;
}

static gboolean
on_screen (LeadDeskWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  if (self->surface != NULL && GDK_IS_TOPLEVEL (self->surface) &&
      (gdk_toplevel_get_state (GDK_TOPLEVEL (self->surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) != 0)
    return FALSE;
  return TRUE;
}

static gboolean
on_poll (gpointer user_data)
{
  LeadDeskWindow *self = user_data;

  /* Whatever is in flight for the lead reads it anyway, or is the user's
   * own change: this tick is skipped, the next one polls. */
  if (!self->busy)
    lead_desk_lead_card_refresh (self->lead_card);

  return G_SOURCE_CONTINUE;
}

static void
update_polling (LeadDeskWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean push = LEAD_DESK_IS_APPLICATION (app) &&
                  lead_desk_application_get_push_active (LEAD_DESK_APPLICATION (app));
  gboolean wanted = !push && self->client != NULL &&
                    lead_desk_lead_card_get_lead (self->lead_card) != NULL && on_screen (self);

  if (wanted == (self->poll_id != 0))
    return;

  if (wanted)
    self->poll_id = g_timeout_add_seconds (self->poll_interval, on_poll, self);
  else
    g_clear_handle_id (&self->poll_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_POLLING]);
}

static void
on_surface_state_changed (LeadDeskWindow *self)
{
  update_polling (self);
}

static void
lead_desk_window_map (GtkWidget *widget)
{
  LeadDeskWindow *self = LEAD_DESK_WINDOW (widget);

  GTK_WIDGET_CLASS (lead_desk_window_parent_class)->map (widget);

  self->surface = gtk_native_get_surface (GTK_NATIVE (self));
  if (self->surface != NULL)
    g_signal_connect_object (self->surface, "notify::state",
                             G_CALLBACK (on_surface_state_changed), self, G_CONNECT_SWAPPED);
  update_polling (self);
}

static void
lead_desk_window_unmap (GtkWidget *widget)
{
  LeadDeskWindow *self = LEAD_DESK_WINDOW (widget);

  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_func (self->surface, on_surface_state_changed, self);
  self->surface = NULL;

  GTK_WIDGET_CLASS (lead_desk_window_parent_class)->unmap (widget);
  update_polling (self);
}

static void
on_card_lead_changed (LeadDeskWindow *self)
{
  update_polling (self);
}

static void
on_push_active_changed (LeadDeskWindow *self)
{
  update_polling (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load_lead (LEAD_DESK_WINDOW (widget));
}

static void
open_lead_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lead_desk_window_open_lead (LEAD_DESK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
focus_entry_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LeadDeskWindow *self = LEAD_DESK_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
lead_desk_window_close_request (GtkWindow *window)
{
  LeadDeskWindow *self = LEAD_DESK_WINDOW (window);

  /* Nothing in flight may outlive the window it would report to. */
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  lead_desk_lead_card_clear (self->lead_card);

  return GTK_WINDOW_CLASS (lead_desk_window_parent_class)->close_request (window);
}

static void
lead_desk_window_dispose (GObject *object)
{
  LeadDeskWindow *self = LEAD_DESK_WINDOW (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEAD_DESK_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->found_leads);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_object (&self->client);
  g_clear_pointer (&self->lead_id, g_free);

  G_OBJECT_CLASS (lead_desk_window_parent_class)->dispose (object);
}

static void
lead_desk_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LeadDeskWindow *self = LEAD_DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LEAD_ID:
      g_value_set_string (value, self->lead_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_POLLING:
      g_value_set_boolean (value, self->poll_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LeadDeskWindow *self = LEAD_DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      lead_desk_window_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_window_class_init (LeadDeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lead_desk_window_dispose;
  object_class->get_property = lead_desk_window_get_property;
  object_class->set_property = lead_desk_window_set_property;
  window_class->close_request = lead_desk_window_close_request;
  widget_class->map = lead_desk_window_map;
  widget_class->unmap = lead_desk_window_unmap;

  props[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, NEXOR_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_LEAD_ID] =
    g_param_spec_string ("lead-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LeadDeskWindow:polling:
   *
   * Whether the window polls the lead it shows for changes made elsewhere.
   */
  props[PROP_POLLING] =
    g_param_spec_boolean ("polling", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, props);

  g_type_ensure (LEAD_DESK_TYPE_LEAD_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ai/getnexor/LeadDesk/lead-desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, content);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, results_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, search_spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, header_spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, error_button);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskWindow, lead_card);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_card_error);
  gtk_widget_class_bind_template_callback (widget_class, on_card_lead_updated);
  gtk_widget_class_bind_template_callback (widget_class, on_busy_changed);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-lead", "s", open_lead_action);
  gtk_widget_class_install_action (widget_class, "win.focus-entry", NULL, focus_entry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
lead_desk_window_init (LeadDeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);

  self->poll_interval = poll_interval_from_environment ();
  g_signal_connect_object (self->lead_card, "notify::lead",
                           G_CALLBACK (on_card_lead_changed), self, G_CONNECT_SWAPPED);
}

LeadDeskWindow *
lead_desk_window_new (LeadDeskApplication *application)
{
  LeadDeskWindow *self;
  LeadDeskSettings *settings;

  g_return_val_if_fail (LEAD_DESK_IS_APPLICATION (application), NULL);

  self = g_object_new (LEAD_DESK_TYPE_WINDOW,
                       "application", application,
                       "client", lead_desk_application_get_client (application),
                       NULL);

  g_signal_connect_object (application, "notify::push-active",
                           G_CALLBACK (on_push_active_changed), self, G_CONNECT_SWAPPED);

  settings = lead_desk_application_get_settings (application);
  gtk_list_box_bind_model (self->recent_list, lead_desk_settings_get_recent_leads (settings),
                           create_recent_row, NULL, NULL);

  return self;
}

/**
 * lead_desk_window_set_client:
 * @client: (nullable): the client to load leads with, %NULL while there is
 *   no API key
 *
 * Uses @client from now on, and loads the lead again with it (a new key
 * or server answers differently).
 */
void
lead_desk_window_set_client (LeadDeskWindow *self,
                             NexorClient    *client)
{
  g_return_if_fail (LEAD_DESK_IS_WINDOW (self));
  g_return_if_fail (client == NULL || NEXOR_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLIENT]);
  update_polling (self);

  /* What is typed is searched again with the new key or server. */
  on_search_changed (self);
  if (client != NULL && self->lead_id != NULL)
    load_lead (self);
}

/**
 * lead_desk_window_open_lead:
 * @id: the lead's id, as the user typed it
 *
 * Shows the lead @id, cancelling whatever was still loading for the lead
 * shown before. A bad id is reported in the window, not here.
 */
void
lead_desk_window_open_lead (LeadDeskWindow *self,
                            const char     *id)
{
  g_return_if_fail (LEAD_DESK_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  g_free (self->lead_id);
  self->lead_id = g_strstrip (g_strdup (id));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_ID]);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", TRUE);
  /* A pasted id is done with; a search stays, to pick another of its leads. */
  {
    g_autofree char *typed = dup_search_text (self);

    if (g_str_equal (typed, self->lead_id))
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  }
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  load_lead (self);
}

/**
 * lead_desk_window_get_found_leads:
 * @text: (out) (optional) (transfer none): what the leads were found for
 *
 * Returns: (nullable) (transfer none): the leads the search box found, or
 *   %NULL while nothing was searched or the answer is still to come
 */
GListModel *
lead_desk_window_get_found_leads (LeadDeskWindow  *self,
                                  const char     **text)
{
  g_return_val_if_fail (LEAD_DESK_IS_WINDOW (self), NULL);

  if (text != NULL)
    *text = self->search_text;
  return self->found_leads;
}

const char *
lead_desk_window_get_lead_id (LeadDeskWindow *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_WINDOW (self), NULL);

  return self->lead_id;
}

/**
 * lead_desk_window_get_busy:
 *
 * Returns: whether a call for the shown lead is still in flight
 */
gboolean
lead_desk_window_get_busy (LeadDeskWindow *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * lead_desk_window_get_page:
 *
 * Returns: what the window shows: "welcome", "loading", "error" or "lead"
 */
const char *
lead_desk_window_get_page (LeadDeskWindow *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

LeadDeskLeadCard *
lead_desk_window_get_lead_card (LeadDeskWindow *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_WINDOW (self), NULL);

  return self->lead_card;
}

void
lead_desk_window_show_banner (LeadDeskWindow *self,
                              const char     *text)
{
  g_return_if_fail (LEAD_DESK_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
lead_desk_window_hide_banner (LeadDeskWindow *self)
{
  g_return_if_fail (LEAD_DESK_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/**
 * lead_desk_window_add_toast:
 * @text: plain text
 *
 * Shows a passing message over the window.
 */
void
lead_desk_window_add_toast (LeadDeskWindow *self,
                            const char     *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (LEAD_DESK_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/**
 * lead_desk_window_lead_changed:
 * @lead_id: the lead a webhook event is about
 *
 * Refreshes the lead shown if it is @lead_id: it changed elsewhere.
 *
 * Returns: whether the window shows @lead_id
 */
gboolean
lead_desk_window_lead_changed (LeadDeskWindow *self,
                               const char     *lead_id)
{
  NexorLead *lead;

  g_return_val_if_fail (LEAD_DESK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (lead_id != NULL, FALSE);

  if (g_strcmp0 (self->lead_id, lead_id) != 0)
    return FALSE;

  lead = lead_desk_lead_card_get_lead (self->lead_card);
  if (lead != NULL && g_strcmp0 (nexor_lead_get_id (lead), lead_id) == 0)
    lead_desk_lead_card_refresh (self->lead_card);
  /* Still loading: the answer on its way may predate the change. */
  else if (self->loading)
    load_lead (self);

  return TRUE;
}

/**
 * lead_desk_window_get_polling:
 *
 * Returns: whether the window polls the lead it shows
 */
gboolean
lead_desk_window_get_polling (LeadDeskWindow *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_WINDOW (self), FALSE);

  return self->poll_id != 0;
}
