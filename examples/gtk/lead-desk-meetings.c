/* lead-desk-meetings.c: a lead's meetings, booking one, and how it went
 *
 * The list is GET /leads/{id}/meetings, loaded again after every change.
 * Booking logs an externally booked meeting (POST /meetings) under this
 * app's calendar key with an event id made when the form opens: if the
 * answer is lost, booking again replays the same event, which the API
 * updates instead of duplicating (and the library may repeat on its own).
 * An open meeting's menu cancels it, marks it a no-show or completes it;
 * completing can also attach the meeting's notes (POST /meeting-notes,
 * resolved by the meeting's own id). Every change is reported with "changed", after
 * which the card reloads the history, where the server logged it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lead-desk-meetings.h"

/* The calendar key of the meetings this app logs. */
#define CALENDAR_PROVIDER "nexor-lead-desk"

typedef enum {
  OUTCOME_COMPLETE,
  OUTCOME_NO_SHOW,
  OUTCOME_CANCEL,
} Outcome;

struct _LeadDeskMeetings
{
  GtkWidget parent_instance;

  NexorClient *client;
  NexorLead *lead;
  GCancellable *cancellable;
  char *event_id;          /* the booking form's external event id */
  char *note_text;         /* notes to attach once a completion is in */
  char *note_meeting_id;
  Outcome outcome_kind;    /* of the outcome call in flight */
  GtkWindow *dialog;       /* the outcome dialog open, if any */

  guint list_pending : 1;
  guint book_pending : 1;
  guint outcome_pending : 1;
  guint note_pending : 1;
  guint list_again : 1;    /* reload asked for while the list was loading */
  guint list_reload : 1;   /* the list in flight was asked for by a reload */
  char *reload_error;      /* the last error of a reload, told once */
  GListModel *shown;       /* the meetings listed */

  AdwPreferencesGroup *list_group;
  GtkSpinner *spinner;
  GtkButton *book_button;
  GtkListBox *meetings_list;
  GtkLabel *result_label;
  AdwPreferencesGroup *form_group;
  AdwEntryRow *title_row;
  AdwEntryRow *starts_row;
  AdwEntryRow *duration_row;
  AdwComboRow *location_row;
  AdwEntryRow *url_row;
  AdwEntryRow *details_row;
  GtkButton *save_button;
};

G_DEFINE_FINAL_TYPE (LeadDeskMeetings, lead_desk_meetings, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_ERROR,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_list (LeadDeskMeetings *self);

gboolean
lead_desk_meetings_get_busy (LeadDeskMeetings *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_MEETINGS (self), FALSE);

  return self->list_pending || self->book_pending || self->outcome_pending || self->note_pending;
}

#define SET_PENDING(self, flag, value) \
  G_STMT_START { \
    gboolean was_busy = lead_desk_meetings_get_busy (self); \
    (self)->flag = (value); \
    gtk_spinner_set_spinning ((self)->spinner, lead_desk_meetings_get_busy (self)); \
    if (was_busy != lead_desk_meetings_get_busy (self)) \
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]); \
  } G_STMT_END

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static GtkWidget *
placeholder_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
show_result (LeadDeskMeetings *self,
             const char       *text,
             gboolean          is_error)
{
  gtk_label_set_text (self->result_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), text != NULL && *text != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
}

static void
forget_dialog (LeadDeskMeetings *self)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = NULL;
}

static void
close_dialog (LeadDeskMeetings *self)
{
  GtkWindow *dialog = self->dialog;

  forget_dialog (self);
  if (dialog != NULL)
    gtk_window_destroy (dialog);
}

static gboolean
is_open (NexorMeeting *meeting)
{
  const char *status = nexor_meeting_get_status (meeting);

  return g_strcmp0 (status, "scheduled") == 0 || g_strcmp0 (status, "confirmed") == 0;
}

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  NexorMeeting *meeting = item;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GDateTime *starts_at = nexor_meeting_get_starts_at (meeting);
  const char *status = nexor_meeting_get_status (meeting);
  const char *said = nexor_meeting_get_outcome_notes (meeting);
  g_autofree char *shown_status = NULL;
  GtkWidget *row;
  GtkWidget *chip;

  if (starts_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (starts_at);
      /* TRANSLATORS: when a meeting starts, a g_date_time_format() format:
       * order and words as your language writes a date.
       * xgettext:no-c-format */
      g_autofree char *when = g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));

      g_string_append (subtitle, when);
    }
  if (nexor_meeting_get_duration_minutes (meeting) > 0)
    g_string_append_printf (subtitle, _("%s%d min"), subtitle->len ? " · " : "",
                            nexor_meeting_get_duration_minutes (meeting));
  if (nexor_meeting_get_meeting_type (meeting) != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                            nexor_meeting_get_meeting_type (meeting));
  if (nexor_meeting_get_host_name (meeting) != NULL)
    /* TRANSLATORS: the first %s is a separator, the second the meeting's host */
    g_string_append_printf (subtitle, _("%swith %s"), subtitle->len ? " · " : "",
                            nexor_meeting_get_host_name (meeting));
  if (said == NULL)
    said = nexor_meeting_get_cancellation_reason (meeting);
  if (said == NULL)
    said = nexor_meeting_get_no_show_reason (meeting);
  if (said != NULL)
    g_string_append_printf (subtitle, "\n%s", said);

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "name", "meeting-row",
                      "use-markup", FALSE,
                      "title", or_dash (nexor_meeting_get_title (meeting)),
                      "subtitle", subtitle->str,
                      "icon-name", "x-office-calendar-symbolic",
                      NULL);
  g_object_set_data_full (G_OBJECT (row), "meeting-id", g_strdup (nexor_meeting_get_id (meeting)), g_free);
  g_object_set_data_full (G_OBJECT (row), "meeting-status", g_strdup (status), g_free);

  shown_status = g_strdelimit (g_strdup (status != NULL ? status : _("unknown")), "_", ' ');
  chip = gtk_label_new (shown_status);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (chip, "status-chip");
  if (is_open (meeting))
    gtk_widget_add_css_class (chip, "active");
  else if (g_strcmp0 (status, "completed") == 0)
    gtk_widget_add_css_class (chip, "won");
  else if (g_strcmp0 (status, "cancelled") == 0 || g_strcmp0 (status, "no_show") == 0)
    gtk_widget_add_css_class (chip, "lost");
  else
    gtk_widget_add_css_class (chip, "other");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);

  /* How it went, for a meeting still to happen. */
  if (is_open (meeting) && nexor_meeting_get_id (meeting) != NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      GVariant *id = g_variant_new_string (nexor_meeting_get_id (meeting));
      GtkWidget *button = gtk_menu_button_new ();
      g_autoptr(GMenuItem) complete = g_menu_item_new (_("Mark _Completed…"), NULL);
      g_autoptr(GMenuItem) no_show = g_menu_item_new (_("Mark _No-Show…"), NULL);
      g_autoptr(GMenuItem) cancel = g_menu_item_new (_("C_ancel Meeting…"), NULL);

      g_variant_ref_sink (id);
      g_menu_item_set_action_and_target_value (complete, "meetings.complete", id);
      g_menu_item_set_action_and_target_value (no_show, "meetings.no-show", id);
      g_menu_item_set_action_and_target_value (cancel, "meetings.cancel", id);
      g_variant_unref (id);
      g_menu_append_item (menu, complete);
      g_menu_append_item (menu, no_show);
      g_menu_append_item (menu, cancel);

      gtk_widget_set_name (button, "meeting-menu");
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("How the meeting went"));
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* The list */

static gboolean
same_meeting (NexorMeeting *a,
              NexorMeeting *b)
{
  GDateTime *a_start = nexor_meeting_get_starts_at (a);
  GDateTime *b_start = nexor_meeting_get_starts_at (b);

  return g_strcmp0 (nexor_meeting_get_id (a), nexor_meeting_get_id (b)) == 0 &&
         g_strcmp0 (nexor_meeting_get_status (a), nexor_meeting_get_status (b)) == 0 &&
         g_strcmp0 (nexor_meeting_get_title (a), nexor_meeting_get_title (b)) == 0 &&
         g_strcmp0 (nexor_meeting_get_host_name (a), nexor_meeting_get_host_name (b)) == 0 &&
         g_strcmp0 (nexor_meeting_get_outcome_notes (a), nexor_meeting_get_outcome_notes (b)) == 0 &&
         nexor_meeting_get_duration_minutes (a) == nexor_meeting_get_duration_minutes (b) &&
         (a_start == NULL ? b_start == NULL : b_start != NULL && g_date_time_equal (a_start, b_start));
}

/* Whether @meetings would show as the rows already do. */
static gboolean
same_as_shown (LeadDeskMeetings *self,
               GListModel       *meetings)
{
  guint n = g_list_model_get_n_items (meetings);

  if (self->shown == NULL || g_list_model_get_n_items (self->shown) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorMeeting) a = g_list_model_get_item (self->shown, i);
      g_autoptr(NexorMeeting) b = g_list_model_get_item (meetings, i);

      if (!same_meeting (a, b))
        return FALSE;
    }
  return TRUE;
}

static void
on_list_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LeadDeskMeetings) self = user_data;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reload;

  meetings = nexor_client_list_lead_meetings_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another lead is shown by now; its own request is on its way */

  reload = self->list_reload;
  self->list_reload = FALSE;

  SET_PENDING (self, list_pending, FALSE);
  if (self->list_again)
    {
      /* This answer may predate the change announced meanwhile. */
      self->list_again = FALSE;
      start_list (self);
      self->list_reload = TRUE;
      if (meetings == NULL)
        return;
    }

  if (meetings == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The meetings could not be loaded: %s"),
                                               error->message);

      /* A reload comes with every poll: the rows it could not replace stay,
       * and the same failure is told once. */
      if (!reload)
        gtk_list_box_set_placeholder (self->meetings_list, placeholder_label (text));
      if (!reload || g_strcmp0 (self->reload_error, error->message) != 0)
        g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not load the meetings"), error);
      if (reload)
        {
          g_free (self->reload_error);
          self->reload_error = g_strdup (error->message);
        }
      return;
    }

  if (reload)
    g_clear_pointer (&self->reload_error, g_free);

  /* Rebuilt rows would close a meeting's menu the user has open: a reload
   * that found nothing new leaves them. */
  if (reload && same_as_shown (self, meetings))
    return;

  g_set_object (&self->shown, meetings);
  gtk_list_box_bind_model (self->meetings_list, meetings, create_meeting_row, NULL, NULL);
  gtk_list_box_set_placeholder (self->meetings_list, placeholder_label (_("No meetings")));
}

static void
start_list (LeadDeskMeetings *self)
{
  /* The rows stay until the new list is in: the list does not jump. */
  SET_PENDING (self, list_pending, TRUE);
  nexor_client_list_lead_meetings_async (self->client, nexor_lead_get_id (self->lead), NULL,
                                         self->cancellable, on_list_ready, g_object_ref (self));
}

/* Something changed on the server: the list and the history show it. */
static void
changed (LeadDeskMeetings *self)
{
  start_list (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Booking */

static GDateTime *
parse_start (const char *text)
{
  int year, month, day, hour, minute;
  char separator;
  char extra;

  if (text == NULL ||
      sscanf (text, " %d-%d-%d%c%d:%d %c", &year, &month, &day, &separator, &hour, &minute, &extra) != 6 ||
      (separator != ' ' && separator != 'T'))
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static int
parse_minutes (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 minutes;

  if (!g_ascii_string_to_unsigned (copy, 10, 1, 24 * 60, &minutes, NULL))
    return 0;
  return (int) minutes;
}

static void
mark_row (AdwEntryRow *row,
          gboolean     ok)
{
  if (ok || !has_text (gtk_editable_get_text (GTK_EDITABLE (row))))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
on_form_changed (LeadDeskMeetings *self)
{
  g_autoptr(GDateTime) starts = parse_start (gtk_editable_get_text (GTK_EDITABLE (self->starts_row)));
  int minutes = parse_minutes (gtk_editable_get_text (GTK_EDITABLE (self->duration_row)));

  mark_row (self->starts_row, starts != NULL);
  mark_row (self->duration_row, minutes > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            starts != NULL && minutes > 0 && !self->book_pending &&
                            has_text (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

static void
reset_form (LeadDeskMeetings *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *start = g_strdup_printf ("%04d-%02d-%02d 10:00", g_date_time_get_year (tomorrow),
                                            g_date_time_get_month (tomorrow),
                                            g_date_time_get_day_of_month (tomorrow));
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->lead != NULL)
    {
      name = g_strjoin (" ",
                        nexor_lead_get_first_name (self->lead) ? nexor_lead_get_first_name (self->lead) : "",
                        nexor_lead_get_last_name (self->lead) ? nexor_lead_get_last_name (self->lead) : "",
                        NULL);
      /* TRANSLATORS: a new meeting's suggested title; %s is the lead's name */
      title = g_strdup_printf (_("Meeting with %s"), g_strstrip (name));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->starts_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), "30");
  adw_combo_row_set_selected (self->location_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->details_row), "");
  g_clear_pointer (&self->event_id, g_free);
  on_form_changed (self);
}

static void
on_book_clicked (LeadDeskMeetings *self)
{
  if (self->lead == NULL)
    return;
  if (!gtk_widget_get_visible (GTK_WIDGET (self->form_group)))
    reset_form (self);
  /* One event per form: booking again after a lost answer replays it. */
  if (self->event_id == NULL)
    self->event_id = g_uuid_string_random ();
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
on_cancel_clicked (LeadDeskMeetings *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), FALSE);
  g_clear_pointer (&self->event_id, g_free);
}

static void
on_booked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LeadDeskMeetings) self = user_data;
  g_autoptr(NexorMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  meeting = nexor_client_create_meeting_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  SET_PENDING (self, book_pending, FALSE);
  if (meeting == NULL)
    {
      /* The form and its event id stay: booking again replays the same
       * event, which cannot make a second meeting. */
      text = g_strdup_printf (_("Not booked: %s"), error->message);
      show_result (self, text, TRUE);
      on_form_changed (self);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not book the meeting"), error);
      if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN))
        changed (self);
      return;
    }

  /* TRANSLATORS: %s is the meeting's title */
  text = g_strdup_printf (_("Booked: %s"), or_dash (nexor_meeting_get_title (meeting)));
  show_result (self, text, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), FALSE);
  g_clear_pointer (&self->event_id, g_free);
  changed (self);
}

/* The local zone's IANA name, when the system has one: the API takes no
 * other. The start is sent in UTC whatever this says. */
static GTimeZone *
local_iana_zone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *name = g_time_zone_get_identifier (local);

  if (name == NULL || !g_ascii_isalpha (name[0]) || strchr (name, '/') == NULL)
    return NULL;
  return g_steal_pointer (&local);
}

static void
on_save_clicked (LeadDeskMeetings *self)
{
  static const char * const location_types[] = { "video", "phone", "in_person" };
  g_autoptr(GDateTime) starts = parse_start (gtk_editable_get_text (GTK_EDITABLE (self->starts_row)));
  int minutes = parse_minutes (gtk_editable_get_text (GTK_EDITABLE (self->duration_row)));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *details = gtk_editable_get_text (GTK_EDITABLE (self->details_row));
  guint location = adw_combo_row_get_selected (self->location_row);
  g_autoptr(NexorMeetingInput) input = NULL;
  g_autoptr(GTimeZone) zone = local_iana_zone ();

  if (starts == NULL || minutes <= 0 || !has_text (title) || self->book_pending || self->client == NULL)
    return;
  if (self->event_id == NULL)
    self->event_id = g_uuid_string_random ();

  input = nexor_meeting_input_new ();
  nexor_meeting_input_set_lead_id (input, nexor_lead_get_id (self->lead));
  nexor_meeting_input_set_title (input, title);
  nexor_meeting_input_set_starts_at (input, starts);
  nexor_meeting_input_set_duration_minutes (input, minutes);
  if (zone != NULL)
    nexor_meeting_input_set_time_zone (input, zone);
  nexor_meeting_input_set_location_type (input, location_types[MIN (location, G_N_ELEMENTS (location_types) - 1)]);
  if (has_text (url))
    nexor_meeting_input_set_meeting_url (input, url);
  if (has_text (details))
    nexor_meeting_input_set_location_details (input, details);
  nexor_meeting_input_set_external_calendar_provider (input, CALENDAR_PROVIDER);
  nexor_meeting_input_set_external_event_id (input, self->event_id);

  SET_PENDING (self, book_pending, TRUE);
  show_result (self, _("Booking…"), FALSE);
  on_form_changed (self);
  nexor_client_create_meeting_async (self->client, input, self->cancellable, on_booked, g_object_ref (self));
}

/* Outcomes */

static void
on_note_attached (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LeadDeskMeetings) self = user_data;
  g_autoptr(NexorMeetingNoteResult) note = NULL;
  g_autoptr(GError) error = NULL;

  note = nexor_client_create_meeting_note_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  SET_PENDING (self, note_pending, FALSE);
  if (note == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Completed, but the notes were not attached: %s"),
                                               error->message);

      show_result (self, text, TRUE);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not attach the meeting notes"), error);
    }
  else
    show_result (self, _("Completed, with the notes attached"), FALSE);
  changed (self);
}

static void
on_outcome (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LeadDeskMeetings) self = user_data;
  g_autoptr(NexorMeetingOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  Outcome kind = self->outcome_kind;
  g_autofree char *note_text = g_steal_pointer (&self->note_text);
  g_autofree char *note_meeting_id = g_steal_pointer (&self->note_meeting_id);
  const char *text;

  if (kind == OUTCOME_CANCEL)
    outcome = nexor_client_cancel_meeting_finish (NEXOR_CLIENT (source), result, &error);
  else if (kind == OUTCOME_NO_SHOW)
    outcome = nexor_client_mark_meeting_no_show_finish (NEXOR_CLIENT (source), result, &error);
  else
    outcome = nexor_client_complete_meeting_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  SET_PENDING (self, outcome_pending, FALSE);
  if (outcome == NULL)
    {
      g_autofree char *shown = g_strdup_printf (_("Not changed: %s"), error->message);

      show_result (self, shown, TRUE);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0,
                     kind == OUTCOME_CANCEL ? _("Could not cancel the meeting") :
                     kind == OUTCOME_NO_SHOW ? _("Could not mark the meeting a no-show")
                                             : _("Could not mark the meeting completed"),
                     error);
      return;
    }

  if (nexor_meeting_outcome_get_skipped (outcome))
    {
      g_autofree char *shown = g_strdup_printf (_("Left as it is: %s"),
                                                or_dash (nexor_meeting_outcome_get_message (outcome)));

      show_result (self, shown, TRUE);
      changed (self);
      return;
    }

  if (nexor_meeting_outcome_get_idempotent (outcome))
    text = _("It already was: nothing changed");
  else if (kind == OUTCOME_CANCEL)
    text = _("Meeting cancelled");
  else if (kind == OUTCOME_NO_SHOW)
    text = _("Meeting marked a no-show");
  else
    text = _("Meeting completed");
  show_result (self, text, FALSE);

  if (kind == OUTCOME_COMPLETE && note_text != NULL && self->client != NULL)
    {
      g_autoptr(NexorMeetingNoteInput) input = nexor_meeting_note_input_new ();

      nexor_meeting_note_input_set_calendar_event_id (input, note_meeting_id);
      nexor_meeting_note_input_set_notes (input, note_text);
      SET_PENDING (self, note_pending, TRUE);
      nexor_client_create_meeting_note_async (self->client, input, self->cancellable,
                                              on_note_attached, g_object_ref (self));
      return;
    }

  changed (self);
}

static const char *
entry_text (AdwMessageDialog *dialog,
            const char       *key)
{
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), key);
  const char *text = row != NULL ? gtk_editable_get_text (row) : NULL;

  return has_text (text) ? text : NULL;
}

static void
on_outcome_response (LeadDeskMeetings *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  Outcome kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "outcome-kind"));
  const char *meeting_id = g_object_get_data (G_OBJECT (dialog), "meeting-id");
  const char *first = entry_text (dialog, "first-row");
  const char *second = entry_text (dialog, "second-row");

  if (self->dialog == GTK_WINDOW (dialog))
    forget_dialog (self);
  if (g_strcmp0 (response, "confirm") != 0 || self->client == NULL || self->lead == NULL ||
      self->outcome_pending || self->note_pending)
    return;

  self->outcome_kind = kind;
  SET_PENDING (self, outcome_pending, TRUE);
  show_result (self, _("Saving…"), FALSE);
  switch (kind)
    {
    case OUTCOME_CANCEL:
      nexor_client_cancel_meeting_async (self->client, meeting_id, first, self->cancellable,
                                         on_outcome, g_object_ref (self));
      break;
    case OUTCOME_NO_SHOW:
      nexor_client_mark_meeting_no_show_async (self->client, meeting_id, first, second, self->cancellable,
                                               on_outcome, g_object_ref (self));
      break;
    case OUTCOME_COMPLETE:
    default:
      g_free (self->note_text);
      self->note_text = g_strdup (second);
      g_free (self->note_meeting_id);
      self->note_meeting_id = g_strdup (meeting_id);
      nexor_client_complete_meeting_async (self->client, meeting_id, first, self->cancellable,
                                           on_outcome, g_object_ref (self));
      break;
    }
}

static GtkWidget *
add_entry (AdwMessageDialog *dialog,
           GtkListBox       *list,
           const char       *key,
           const char       *name,
           const char       *title)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (list, row);
  g_object_set_data (G_OBJECT (dialog), key, row);

  return row;
}

static void
ask_outcome (LeadDeskMeetings *self,
             Outcome           kind,
             const char       *meeting_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *list;
  const char *heading;
  const char *body;
  const char *confirm;

  if (self->lead == NULL || self->outcome_pending || self->note_pending)
    return;

  switch (kind)
    {
    case OUTCOME_CANCEL:
      heading = _("Cancel the Meeting?");
      body = _("The lead and the host are told, and the calendar event is deleted.");
      confirm = _("C_ancel Meeting");
      break;
    case OUTCOME_NO_SHOW:
      heading = _("Mark as a No-Show?");
      body = _("The lead did not come. The workflow may try to engage the lead again.");
      confirm = _("Mark _No-Show");
      break;
    case OUTCOME_COMPLETE:
    default:
      heading = _("Mark as Completed?");
      body = _("The meeting took place. Write how it went and attach the notes if you have them.");
      confirm = _("Mark _Completed");
      break;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "meeting-outcome-dialog");
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  switch (kind)
    {
    case OUTCOME_CANCEL:
      add_entry (dialog, GTK_LIST_BOX (list), "first-row", "outcome-reason-row",
                 _("Reason, told to the lead (optional)"));
      break;
    case OUTCOME_NO_SHOW:
      add_entry (dialog, GTK_LIST_BOX (list), "first-row", "outcome-reason-row", _("Reason (optional)"));
      add_entry (dialog, GTK_LIST_BOX (list), "second-row", "outcome-notes-row", _("Notes (optional)"));
      break;
    case OUTCOME_COMPLETE:
    default:
      add_entry (dialog, GTK_LIST_BOX (list), "first-row", "outcome-notes-row", _("How it went (optional)"));
      add_entry (dialog, GTK_LIST_BOX (list), "second-row", "meeting-notes-row",
                 _("Meeting notes to attach (optional)"));
      break;
    }
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Back"), "confirm", confirm, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              kind == OUTCOME_COMPLETE ? ADW_RESPONSE_SUGGESTED
                                                                       : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "outcome-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "meeting-id", g_strdup (meeting_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_outcome_response), self, G_CONNECT_SWAPPED);
  close_dialog (self);
  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
outcome_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  Outcome kind = g_str_equal (action_name, "meetings.cancel") ? OUTCOME_CANCEL
               : g_str_equal (action_name, "meetings.no-show") ? OUTCOME_NO_SHOW
               : OUTCOME_COMPLETE;

  ask_outcome (LEAD_DESK_MEETINGS (widget), kind, g_variant_get_string (parameter, NULL));
}

/* GObject */

static void
lead_desk_meetings_dispose (GObject *object)
{
  LeadDeskMeetings *self = LEAD_DESK_MEETINGS (object);
  GtkWidget *child;

  close_dialog (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEAD_DESK_TYPE_MEETINGS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->lead);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->note_text, g_free);
  g_clear_pointer (&self->note_meeting_id, g_free);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->reload_error, g_free);

  G_OBJECT_CLASS (lead_desk_meetings_parent_class)->dispose (object);
}

static void
lead_desk_meetings_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LeadDeskMeetings *self = LEAD_DESK_MEETINGS (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, lead_desk_meetings_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_meetings_class_init (LeadDeskMeetingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lead_desk_meetings_dispose;
  object_class->get_property = lead_desk_meetings_get_property;

  props[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * LeadDeskMeetings::error:
   * @what_failed: a short title
   * @error: why
   *
   * A call failed; the card passes it on to the window.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  /**
   * LeadDeskMeetings::changed:
   *
   * A meeting was booked or changed (or may have been): the lead's history
   * has something new.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ai/getnexor/LeadDesk/lead-desk-meetings.ui");
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, list_group);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, book_button);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, result_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, form_group);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, title_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, starts_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, duration_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, location_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, url_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, details_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskMeetings, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_book_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_install_action (widget_class, "meetings.complete", "s", outcome_action);
  gtk_widget_class_install_action (widget_class, "meetings.no-show", "s", outcome_action);
  gtk_widget_class_install_action (widget_class, "meetings.cancel", "s", outcome_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lead_desk_meetings_init (LeadDeskMeetings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->book_button), FALSE);
  gtk_list_box_set_placeholder (self->meetings_list, placeholder_label (_("No meetings")));
}

/**
 * lead_desk_meetings_clear:
 *
 * Forgets the lead. The card cancels the calls, through its cancellable.
 */
void
lead_desk_meetings_clear (LeadDeskMeetings *self)
{
  g_return_if_fail (LEAD_DESK_IS_MEETINGS (self));

  /* A dialog about this lead's meeting must not outlive the lead. */
  close_dialog (self);
  gtk_list_box_bind_model (self->meetings_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->book_button), FALSE);
  show_result (self, NULL, FALSE);
  SET_PENDING (self, list_pending, FALSE);
  SET_PENDING (self, book_pending, FALSE);
  SET_PENDING (self, outcome_pending, FALSE);
  SET_PENDING (self, note_pending, FALSE);
  self->list_again = FALSE;
  self->list_reload = FALSE;
  g_clear_pointer (&self->reload_error, g_free);
  g_clear_object (&self->lead);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->note_text, g_free);
  g_clear_pointer (&self->note_meeting_id, g_free);
}

/**
 * lead_desk_meetings_set_lead:
 * @client: the client of the card
 * @lead: the lead whose meetings to show and book
 * @cancellable: the card's cancellable for this lead
 */
void
lead_desk_meetings_set_lead (LeadDeskMeetings *self,
                             NexorClient      *client,
                             NexorLead        *lead,
                             GCancellable     *cancellable)
{
  g_return_if_fail (LEAD_DESK_IS_MEETINGS (self));
  g_return_if_fail (NEXOR_IS_CLIENT (client));
  g_return_if_fail (NEXOR_IS_LEAD (lead));

  lead_desk_meetings_clear (self);
  self->client = g_object_ref (client);
  self->lead = g_object_ref (lead);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->book_button), TRUE);

  gtk_list_box_set_placeholder (self->meetings_list, placeholder_label (_("Loading…")));
  start_list (self);
}

/**
 * lead_desk_meetings_reload:
 *
 * Loads the list again, because it may have changed elsewhere; the rows
 * shown stay until it is in. Asked while the list is loading, it loads
 * once more after that.
 */
void
lead_desk_meetings_reload (LeadDeskMeetings *self)
{
  g_return_if_fail (LEAD_DESK_IS_MEETINGS (self));

  if (self->lead == NULL || self->client == NULL)
    return;
  if (self->list_pending)
    {
      self->list_again = TRUE;
      return;
    }
  start_list (self);
  self->list_reload = TRUE;
}
