/* lead-desk-lead-card.c: everything about one lead, and the takeover switch
 *
 * The card shows a NexorLead snapshot and owns the calls made on its behalf:
 * the meetings, the paged history, the conversions, the messages and the
 * takeover switch. They all share
 * one GCancellable per lead, so showing another lead (or destroying the
 * card) cancels whatever the previous one still had in flight, and a late
 * answer can never land on the wrong lead.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lead-desk-lead-card.h"
#include "lead-desk-conversions.h"
#include "lead-desk-history-row.h"
#include "lead-desk-meetings.h"
#include "lead-desk-outreach.h"

struct _LeadDeskLeadCard
{
  GtkWidget parent_instance;

  NexorClient *client;
  NexorLead *lead;
  GCancellable *cancellable;
  GCancellable *history_cancellable;  /* the history load in flight */
  NexorHistoryList *history;
  char *takeover_result;
  int paused;  /* what is_lead_paused or the last takeover said; -1 until known */

  guint takeover_pending : 1;
  guint refresh_pending : 1;
  guint history_pending : 1;
  guint history_busy : 1;
  guint paused_pending : 1;
  guint refresh_again : 1;    /* a change was announced while a refresh ran */
  guint refresh_live : 1;     /* the refresh in flight was not asked for by a click */
  guint history_quiet : 1;    /* the history load in flight replaces the list only if it grew */

  char *live_error;  /* the last error of a live refresh, told once */

  AdwAvatar *avatar;
  GtkLabel *name_label;
  GtkLabel *subtitle_label;
  GtkLabel *status_label;
  GtkLabel *takeover_chip;
  AdwActionRow *takeover_row;
  GtkSpinner *takeover_spinner;
  GtkSwitch *takeover_switch;
  AdwActionRow *resume_cadence_row;
  GtkSwitch *resume_cadence_switch;
  LeadDeskConversions *conversions;
  LeadDeskOutreach *outreach;
  LeadDeskMeetings *meetings;
  GtkListBox *variables_list;
  AdwActionRow *email_row;
  AdwActionRow *phone_row;
  AdwActionRow *source_row;
  AdwActionRow *campaign_row;
  AdwActionRow *workflow_row;
  AdwActionRow *run_row;
  GtkFlowBox *tags_box;
  GtkLabel *no_tags_label;
  GtkLabel *history_count_label;
  GtkSpinner *history_spinner;
  GtkStack *history_stack;
  GtkScrolledWindow *history_scroller;
  GtkListView *history_view;
  AdwStatusPage *history_error_page;
};

G_DEFINE_FINAL_TYPE (LeadDeskLeadCard, lead_desk_lead_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LEAD,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_ERROR,
  SIGNAL_LEAD_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_history (LeadDeskLeadCard *self,
                           gboolean          whole,
                           gboolean          keep_shown);

gboolean
lead_desk_lead_card_get_busy (LeadDeskLeadCard *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_LEAD_CARD (self), FALSE);

  return self->takeover_pending || self->paused_pending ||
         self->refresh_pending || self->history_pending || self->history_busy ||
         (self->conversions != NULL && lead_desk_conversions_get_busy (self->conversions)) ||
         (self->outreach != NULL && lead_desk_outreach_get_busy (self->outreach)) ||
         (self->meetings != NULL && lead_desk_meetings_get_busy (self->meetings));
}

/* Every change of a pending flag goes through here so that "busy" is
 * notified exactly when it changes. */
#define SET_PENDING(self, flag, value) \
  G_STMT_START { \
    gboolean was_busy = lead_desk_lead_card_get_busy (self); \
    (self)->flag = (value); \
    if (was_busy != lead_desk_lead_card_get_busy (self)) \
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]); \
  } G_STMT_END

static void
emit_error (LeadDeskLeadCard *self,
            const char       *what_failed,
            const GError     *error)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, what_failed, error);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static char *
lead_display_name (NexorLead *lead)
{
  const char *first = nexor_lead_get_first_name (lead);
  const char *last = nexor_lead_get_last_name (lead);

  if (first != NULL && last != NULL)
    return g_strdup_printf ("%s %s", first, last);
  if (first != NULL || last != NULL)
    return g_strdup (first != NULL ? first : last);
  return g_strdup (_("Unnamed lead"));
}

/* The status categories the API documents; anything else gets the neutral
 * chip rather than a class named after server data. */
static const char *
status_category_class (const char *category)
{
  static const char * const known[] = { "active", "won", "lost", "deferred" };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_strcmp0 (category, known[i]) == 0)
      return known[i];

  return "other";
}

static GtkWidget *
create_variable_row (gpointer item,
                     gpointer user_data)
{
  NexorVariable *variable = item;
  double confidence = CLAMP (nexor_variable_get_confidence (variable), 0.0, 1.0);
  g_autofree char *percent = g_strdup_printf ("%.0f %%", confidence * 100.0);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *level;
  GtkWidget *label;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "name", "variable-row",
                      "use-markup", FALSE,
                      "title", nexor_variable_get_name (variable),
                      "subtitle", or_dash (nexor_variable_get_value_text (variable)),
                      NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (box, _("How sure the AI agent is of this value"));

  level = gtk_level_bar_new_for_interval (0.0, 1.0);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), confidence);
  gtk_widget_set_size_request (level, 96, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), level);

  label = gtk_label_new (percent);
  gtk_widget_set_name (label, "variable-confidence");
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

static GtkWidget *
create_tag_chip (gpointer item,
                 gpointer user_data)
{
  NexorTag *tag = item;
  const char *name = nexor_tag_get_name (tag);
  GtkWidget *label = gtk_label_new (name != NULL ? name : nexor_tag_get_slug (tag));

  gtk_widget_add_css_class (label, "tag");
  if (nexor_tag_get_description (tag) != NULL)
    gtk_widget_set_tooltip_text (label, nexor_tag_get_description (tag));

  return label;
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

/* The legacy Get Lead shape has no human_takeover: the lead's flag is only
 * a first guess until is_lead_paused, or a takeover, has answered. */
static gboolean
is_taken_over (LeadDeskLeadCard *self)
{
  NexorWorkflowRun *run = self->lead ? nexor_lead_get_active_workflow_run (self->lead) : NULL;

  if (run == NULL)
    return FALSE;
  if (self->paused >= 0)
    return self->paused;
  return nexor_workflow_run_get_human_takeover (run);
}

static void
update_takeover_row (LeadDeskLeadCard *self)
{
  NexorWorkflowRun *run = self->lead ? nexor_lead_get_active_workflow_run (self->lead) : NULL;
  gboolean taken_over = is_taken_over (self);
  const char *subtitle;

  if (run == NULL || nexor_workflow_run_get_workflow_id (run) == NULL)
    subtitle = _("The lead is in no workflow: there is no AI to take over from");
  else if (self->takeover_result != NULL)
    subtitle = self->takeover_result;
  else if (taken_over)
    subtitle = _("You are handling this lead: the AI does not reply and the cadence is paused");
  else
    subtitle = _("The AI agent replies and follows up. Turn on to take over");

  adw_action_row_set_subtitle (self->takeover_row, subtitle);
}

static void
set_switch_quietly (LeadDeskLeadCard *self,
                    gboolean          state)
{
  g_signal_handlers_block_matched (self->takeover_switch, G_SIGNAL_MATCH_DATA,
                                   0, 0, NULL, NULL, self);
  gtk_switch_set_active (self->takeover_switch, state);
  gtk_switch_set_state (self->takeover_switch, state);
  g_signal_handlers_unblock_matched (self->takeover_switch, G_SIGNAL_MATCH_DATA,
                                     0, 0, NULL, NULL, self);
}

static void
update_from_lead (LeadDeskLeadCard *self)
{
  NexorLead *lead = self->lead;
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);
  NexorWorkflowStatus *status = run ? nexor_workflow_run_get_current_status (run) : NULL;
  NexorWorkflow *workflow = run ? nexor_workflow_run_get_workflow (run) : NULL;
  NexorCampaign *campaign = nexor_lead_get_campaign (lead);
  GListModel *tags = nexor_lead_get_tags (lead);
  g_autofree char *name = lead_display_name (lead);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean taken_over = is_taken_over (self);
  const char *chip_classes[] = { "status-chip", NULL, NULL };

  gtk_label_set_text (self->name_label, name);
  adw_avatar_set_text (self->avatar, name);

  if (nexor_lead_get_title (lead) != NULL)
    g_string_append (subtitle, nexor_lead_get_title (lead));
  if (nexor_lead_get_company (lead) != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? ", " : "",
                            nexor_lead_get_company (lead));
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);

  if (status != NULL)
    {
      const char *label = nexor_workflow_status_get_label (status);

      gtk_label_set_text (self->status_label,
                          label != NULL ? label : or_dash (nexor_workflow_status_get_key (status)));
      chip_classes[1] = status_category_class (nexor_workflow_status_get_category (status));
    }
  else
    {
      gtk_label_set_text (self->status_label, run != NULL ? _("No status") : _("Not in a workflow"));
      chip_classes[1] = "other";
    }
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), chip_classes);
  gtk_widget_set_visible (GTK_WIDGET (self->takeover_chip), taken_over);

  set_switch_quietly (self, taken_over);
  gtk_widget_set_sensitive (GTK_WIDGET (self->takeover_switch),
                            run != NULL && nexor_workflow_run_get_workflow_id (run) != NULL &&
                            !self->takeover_pending);
  gtk_widget_set_visible (GTK_WIDGET (self->resume_cadence_row), taken_over);
  update_takeover_row (self);

  gtk_list_box_bind_model (self->variables_list, nexor_lead_get_variables (lead),
                           create_variable_row, NULL, NULL);

  gtk_flow_box_bind_model (self->tags_box, tags, create_tag_chip, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), g_list_model_get_n_items (tags) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_tags_label), g_list_model_get_n_items (tags) == 0);

  adw_action_row_set_subtitle (self->email_row, or_dash (nexor_lead_get_email (lead)));
  adw_action_row_set_subtitle (self->phone_row, or_dash (nexor_lead_get_phone (lead)));
  adw_action_row_set_subtitle (self->source_row, or_dash (nexor_lead_get_source (lead)));
  adw_action_row_set_subtitle (self->campaign_row,
                               campaign ? or_dash (nexor_campaign_get_name (campaign)) : _("None"));
  if (workflow != NULL && nexor_workflow_get_goal_type (workflow) != NULL)
    {
      /* TRANSLATORS: a workflow's name and its goal type, as the server names it */
      g_autofree char *text = g_strdup_printf (_("%s (goal: %s)"),
                                               or_dash (nexor_workflow_get_name (workflow)),
                                               nexor_workflow_get_goal_type (workflow));
      adw_action_row_set_subtitle (self->workflow_row, text);
    }
  else
    adw_action_row_set_subtitle (self->workflow_row,
                                 workflow ? or_dash (nexor_workflow_get_name (workflow)) : _("None"));

  if (run != NULL)
    {
      /* TRANSLATORS: a run's status and its cadence state, as the server names them */
      g_autofree char *text = g_strdup_printf (_("%s, cadence %s"),
                                               or_dash (nexor_workflow_run_get_run_status (run)),
                                               or_dash (nexor_workflow_run_get_cadence_state (run)));
      adw_action_row_set_subtitle (self->run_row, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->run_row), run != NULL);
}

/* The sections' own calls: conversions, messages, meetings */

static void
on_conversions_error (LeadDeskLeadCard *self,
                      const char       *what_failed,
                      const GError     *error)
{
  emit_error (self, what_failed, error);
}

static void
on_conversions_busy_changed (LeadDeskLeadCard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
}

/* Messages, calls and meetings: what they did is logged in the history,
 * at its end (it is oldest first). The whole history is loaded again and
 * shown from its end, where the new entry is. */
static void
on_action_done (LeadDeskLeadCard *self)
{
  if (self->lead != NULL && self->client != NULL)
    start_history (self, TRUE, FALSE);
}

/* History */

static void
update_history_state (LeadDeskLeadCard *self)
{
  g_autofree char *count = NULL;
  guint n_items;

  if (self->history == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  if (n_items == 0)
    count = g_strdup ("");
  else if (nexor_history_list_get_has_more (self->history))
    /* Counts in the locale's digit grouping (%'u). */
    count = g_strdup_printf (ngettext ("%'u loaded, scroll for more", "%'u loaded, scroll for more", n_items), n_items);
  else
    count = g_strdup_printf ("%'u", n_items);
  gtk_label_set_text (self->history_count_label, count);

  gtk_stack_set_visible_child_name (self->history_stack, n_items > 0 ? "list" : "empty");
}

static void
on_history_loading_changed (LeadDeskLeadCard *self)
{
  gboolean was_busy = self->history_busy;

  /* A page fetched in the background, because the list view asked for the
   * last rows, keeps the card busy too. */
  self->history_busy = nexor_history_list_get_loading (self->history);
  if (was_busy != self->history_busy)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
}

static void
on_history_error_changed (LeadDeskLeadCard *self)
{
  const GError *error = nexor_history_list_get_error (self->history);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    emit_error (self, _("Could not load more history"), error);
}

static void
stop_history (LeadDeskLeadCard *self)
{
  gboolean was_busy = lead_desk_lead_card_get_busy (self);

  if (self->history != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->history, self);
      nexor_history_list_cancel (self->history);
    }

  gtk_list_view_set_model (self->history_view, NULL);
  g_clear_object (&self->history);
  gtk_spinner_stop (self->history_spinner);
  gtk_label_set_text (self->history_count_label, "");
  self->history_busy = FALSE;
  self->history_pending = FALSE;
  if (was_busy != lead_desk_lead_card_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
}

static void
on_history_ready (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LeadDeskLeadCard) self = user_data;
  g_autoptr(NexorHistoryList) history = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GError) error = NULL;
  gboolean whole = g_async_result_is_tagged (result, nexor_client_list_all_lead_history_async);

  if (whole)
    history = nexor_client_list_all_lead_history_finish (NEXOR_CLIENT (source), result, &error);
  else
    history = nexor_client_list_lead_history_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Nothing new: the view stays where the user left it, not at the top
   * or the end of a list swapped for an equal one. */
  if (self->history_quiet && history != NULL && self->history != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (history)) == g_list_model_get_n_items (G_LIST_MODEL (self->history)) &&
      nexor_history_list_get_has_more (history) == nexor_history_list_get_has_more (self->history))
    {
      gtk_spinner_set_spinning (self->history_spinner, nexor_history_list_get_loading (self->history));
      SET_PENDING (self, history_pending, FALSE);
      return;
    }

  /* A reload kept the old list on screen until now. */
  stop_history (self);
  gtk_spinner_stop (self->history_spinner);

  if (history == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->history_error_page, markup);
      gtk_stack_set_visible_child_name (self->history_stack, "error");
      SET_PENDING (self, history_pending, FALSE);
      return;
    }

  self->history = g_steal_pointer (&history);

  /* The library's list is the view's model: GTK asks it for the rows it
   * shows, and asking for the last ones fetches the next page, which
   * arrives as items-changed. Nothing else is needed to scroll through
   * the whole history. */
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));

  g_object_bind_property (self->history, "loading", self->history_spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->history, "items-changed",
                            G_CALLBACK (update_history_state), self);
  g_signal_connect_swapped (self->history, "notify::has-more",
                            G_CALLBACK (update_history_state), self);
  g_signal_connect_swapped (self->history, "notify::loading",
                            G_CALLBACK (on_history_loading_changed), self);
  g_signal_connect_swapped (self->history, "notify::error",
                            G_CALLBACK (on_history_error_changed), self);

  update_history_state (self);
  /* The entry an action added is the last: show it. The list view's own
   * action anchors the view on the item, whatever the rows' heights turn
   * out to be once they are laid out (setting the adjustment before that
   * can point past the list). */
  if (whole && g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->history_view), "list.scroll-to-item", "u",
                                g_list_model_get_n_items (G_LIST_MODEL (self->history)) - 1);
  SET_PENDING (self, history_pending, FALSE);
}

static void
cancel_history_load (LeadDeskLeadCard *self)
{
  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
}

/* @whole: load every page and show the end, where an action's entry is;
 * the list shown stays until the new one is in, so nothing jumps. With
 * @keep_shown too, and it stays for good if the new one is no longer. */
static void
start_history (LeadDeskLeadCard *self,
               gboolean          whole,
               gboolean          keep_shown)
{
  cancel_history_load (self);
  self->history_cancellable = g_cancellable_new ();
  self->history_quiet = keep_shown;
  if (!whole && !keep_shown)
    stop_history (self);

  if (self->history == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->history)) == 0)
    gtk_stack_set_visible_child_name (self->history_stack, "list");
  gtk_spinner_start (self->history_spinner);
  SET_PENDING (self, history_pending, TRUE);

  if (whole)
    nexor_client_list_all_lead_history_async (self->client, nexor_lead_get_id (self->lead), NULL,
                                              self->history_cancellable, on_history_ready,
                                              g_object_ref (self));
  else
    nexor_client_list_lead_history_async (self->client, nexor_lead_get_id (self->lead), NULL,
                                          self->history_cancellable, on_history_ready,
                                          g_object_ref (self));
}

static void
on_history_retry_clicked (LeadDeskLeadCard *self)
{
  if (self->lead != NULL && self->client != NULL)
    start_history (self, FALSE, FALSE);
}

/* Takeover */

static void
on_paused_checked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LeadDeskLeadCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorPauseState) state = NULL;

  state = nexor_client_is_lead_paused_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (state == NULL)
    emit_error (self, _("Could not check whether the lead is taken over"), error);
  else if (!self->takeover_pending)
    {
      self->paused = nexor_pause_state_get_paused (state);
      update_from_lead (self);
    }

  SET_PENDING (self, paused_pending, FALSE);
}

static void
check_paused (LeadDeskLeadCard *self)
{
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (self->lead);

  if (run == NULL || nexor_workflow_run_get_workflow_id (run) == NULL)
    return;

  /* Without a workflow id the server looks at every active run, which is
   * what "is a human handling this lead" means. */
  SET_PENDING (self, paused_pending, TRUE);
  nexor_client_is_lead_paused_async (self->client, nexor_lead_get_id (self->lead), NULL,
                                     self->cancellable, on_paused_checked, g_object_ref (self));
}

static void
refresh_lead (LeadDeskLeadCard *self);

static void
takeover_finished (LeadDeskLeadCard *self)
{
  gtk_spinner_stop (self->takeover_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->takeover_spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->takeover_switch), TRUE);
  SET_PENDING (self, takeover_pending, FALSE);
}

static void
on_automation_stopped (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(LeadDeskLeadCard) self = user_data;
  g_autoptr(NexorAutomationResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  int tasks;

  answer = nexor_client_stop_lead_automation_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  takeover_finished (self);

  if (answer == NULL)
    {
      set_switch_quietly (self, FALSE);
      g_free (self->takeover_result);
      self->takeover_result = g_strdup_printf (_("Not taken over: %s"), error->message);
      update_takeover_row (self);
      emit_error (self, _("Could not take over the lead"), error);
      return;
    }

  text = g_string_new (NULL);
  if (nexor_automation_result_get_already_stopped (answer))
    g_string_append (text, _("Already taken over: the AI was not working this lead"));
  else
    {
      tasks = nexor_automation_result_get_tasks_cancelled (answer);
      g_string_append (text, _("You have the lead: AI replies stopped"));
      if (nexor_automation_result_get_cadence_paused (answer))
        g_string_append (text, _(", cadence paused"));
      g_string_append_printf (text, ngettext (", %d pending task cancelled",
                                              ", %d pending tasks cancelled", tasks), tasks);
    }

  g_free (self->takeover_result);
  self->takeover_result = g_string_free (g_steal_pointer (&text), FALSE);
  self->paused = TRUE;
  gtk_switch_set_state (self->takeover_switch, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->resume_cadence_row), TRUE);
  update_takeover_row (self);

  refresh_lead (self);
}

static void
on_automation_resumed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(LeadDeskLeadCard) self = user_data;
  g_autoptr(NexorAutomationResult) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = nexor_client_resume_lead_automation_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  takeover_finished (self);

  if (answer == NULL)
    {
      set_switch_quietly (self, TRUE);
      g_free (self->takeover_result);
      self->takeover_result = g_strdup_printf (_("Not handed back: %s"), error->message);
      update_takeover_row (self);
      emit_error (self, _("Could not hand the lead back to the AI"), error);
      return;
    }

  g_free (self->takeover_result);
  if (nexor_automation_result_get_already_running (answer))
    self->takeover_result = g_strdup (_("The AI was already working this lead"));
  else if (nexor_automation_result_get_cadence_resumed (answer))
    self->takeover_result = g_strdup (_("Handed back to the AI: it replies again and the cadence resumed"));
  else
    self->takeover_result = g_strdup (_("Handed back to the AI: it replies again; the cadence stays paused"));

  self->paused = FALSE;
  gtk_switch_set_state (self->takeover_switch, FALSE);
  update_takeover_row (self);

  refresh_lead (self);
}

/* GtkSwitch::state-set: returning TRUE keeps the switch's state where it
 * was until the server has answered, so the switch never claims a takeover
 * that did not happen. */
static gboolean
on_takeover_state_set (GtkSwitch        *widget,
                       gboolean          state,
                       LeadDeskLeadCard *self)
{
  NexorWorkflowRun *run = self->lead ? nexor_lead_get_active_workflow_run (self->lead) : NULL;
  const char *workflow_id = run ? nexor_workflow_run_get_workflow_id (run) : NULL;

  if (workflow_id == NULL || self->client == NULL || self->takeover_pending)
    {
      set_switch_quietly (self, gtk_switch_get_state (widget));
      return TRUE;
    }

  SET_PENDING (self, takeover_pending, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->takeover_switch), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->takeover_spinner), TRUE);
  gtk_spinner_start (self->takeover_spinner);
  adw_action_row_set_subtitle (self->takeover_row,
                               state ? _("Taking over…") : _("Handing back to the AI…"));

  /* Cancelling only stops waiting for the answer: a takeover the server has
   * already applied stays applied, and the next load of the lead shows it. */
  if (state)
    nexor_client_stop_lead_automation_async (self->client, nexor_lead_get_id (self->lead),
                                             workflow_id, self->cancellable,
                                             on_automation_stopped, g_object_ref (self));
  else
    nexor_client_resume_lead_automation_async (self->client, nexor_lead_get_id (self->lead),
                                               workflow_id,
                                               gtk_switch_get_active (self->resume_cadence_switch),
                                               self->cancellable,
                                               on_automation_resumed, g_object_ref (self));

  return TRUE;
}

/* After a takeover the snapshot is stale (run state, cadence, history):
 * fetch the lead again and restart the timeline, which has a new entry.
 * A live refresh (a webhook event, a poll) also reads the pause state and
 * the meetings again: it does not know what changed elsewhere. */
static void
on_lead_refreshed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LeadDeskLeadCard) self = user_data;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  gboolean live = self->refresh_live;

  lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->refresh_live = FALSE;
  if (lead == NULL)
    {
      SET_PENDING (self, refresh_pending, FALSE);
      /* A poll that fails every 20 s would bury the window in toasts: a
       * live refresh tells each different failure once. */
      if (!live || g_strcmp0 (self->live_error, error->message) != 0)
        emit_error (self, _("Could not reload the lead"), error);
      if (live)
        {
          g_free (self->live_error);
          self->live_error = g_strdup (error->message);
        }
      self->refresh_again = FALSE;
      return;
    }

  if (live)
    g_clear_pointer (&self->live_error, g_free);
  g_set_object (&self->lead, lead);
  update_from_lead (self);
  lead_desk_outreach_update_lead (self->outreach, lead);
  /* New entries are at the end of the history, oldest first. A list read
   * to its end is read again whole, and shown if it grew; one still paged
   * gets them when the user scrolls there, and is left as it is. */
  if (!live)
    start_history (self, FALSE, TRUE);
  else if (self->history == NULL || !nexor_history_list_get_has_more (self->history))
    start_history (self, TRUE, TRUE);
  if (live && !self->takeover_pending && !self->paused_pending)
    check_paused (self);
  if (live)
    lead_desk_meetings_reload (self->meetings);
  SET_PENDING (self, refresh_pending, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD]);
  g_signal_emit (self, signals[SIGNAL_LEAD_UPDATED], 0, lead);

  /* The answer may have left the server before the change announced
   * meanwhile: read once more, now that nothing overlaps. */
  if (self->refresh_again)
    {
      self->refresh_again = FALSE;
      lead_desk_lead_card_refresh (self);
    }
}

static void
refresh_lead (LeadDeskLeadCard *self)
{
  SET_PENDING (self, refresh_pending, TRUE);
  nexor_client_get_lead_async (self->client, nexor_lead_get_id (self->lead), self->cancellable,
                               on_lead_refreshed, g_object_ref (self));
}

/* GObject */

static void
lead_desk_lead_card_dispose (GObject *object)
{
  LeadDeskLeadCard *self = LEAD_DESK_LEAD_CARD (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  cancel_history_load (self);
  stop_history (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEAD_DESK_TYPE_LEAD_CARD);
  /* The template's top-level box is a plain child of this widget, not a
   * bound template child: it has to be unparented by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lead);
  g_clear_object (&self->client);
  g_clear_pointer (&self->takeover_result, g_free);
  g_clear_pointer (&self->live_error, g_free);

  G_OBJECT_CLASS (lead_desk_lead_card_parent_class)->dispose (object);
}

static void
lead_desk_lead_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LeadDeskLeadCard *self = LEAD_DESK_LEAD_CARD (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LEAD:
      g_value_set_object (value, self->lead);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, lead_desk_lead_card_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_lead_card_class_init (LeadDeskLeadCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lead_desk_lead_card_dispose;
  object_class->get_property = lead_desk_lead_card_get_property;

  props[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, NEXOR_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_LEAD] =
    g_param_spec_object ("lead", NULL, NULL, NEXOR_TYPE_LEAD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * LeadDeskLeadCard::error:
   * @what_failed: a short title, such as _("Could not take over the lead")
   * @error: why
   *
   * A call made by the card failed; the window tells the user.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  /**
   * LeadDeskLeadCard::lead-updated:
   * @lead: the fresh snapshot
   *
   * The card fetched the lead again, after a takeover or a hand-back.
   */
  signals[SIGNAL_LEAD_UPDATED] =
    g_signal_new ("lead-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NEXOR_TYPE_LEAD);

  g_type_ensure (LEAD_DESK_TYPE_HISTORY_ROW);
  g_type_ensure (LEAD_DESK_TYPE_CONVERSIONS);
  g_type_ensure (LEAD_DESK_TYPE_OUTREACH);
  g_type_ensure (LEAD_DESK_TYPE_MEETINGS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ai/getnexor/LeadDesk/lead-desk-lead-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, takeover_chip);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, takeover_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, takeover_spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, takeover_switch);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, resume_cadence_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, resume_cadence_switch);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, conversions);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, variables_list);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, email_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, source_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, workflow_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, run_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, tags_box);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, no_tags_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, outreach);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, meetings);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, history_count_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, history_spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, history_stack);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, history_scroller);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, history_view);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskLeadCard, history_error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_takeover_state_set);
  gtk_widget_class_bind_template_callback (widget_class, on_history_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_conversions_error);
  gtk_widget_class_bind_template_callback (widget_class, on_conversions_busy_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_action_done);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "leadcard");
}

static void
lead_desk_lead_card_init (LeadDeskLeadCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->paused = -1;

  gtk_list_box_set_placeholder (self->variables_list,
                                placeholder_label (_("No variables collected yet")));
}

GtkWidget *
lead_desk_lead_card_new (void)
{
  return g_object_new (LEAD_DESK_TYPE_LEAD_CARD, NULL);
}

NexorClient *
lead_desk_lead_card_get_client (LeadDeskLeadCard *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_LEAD_CARD (self), NULL);

  return self->client;
}

NexorLead *
lead_desk_lead_card_get_lead (LeadDeskLeadCard *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_LEAD_CARD (self), NULL);

  return self->lead;
}

/**
 * lead_desk_lead_card_clear:
 *
 * Forgets the lead and cancels every call still made on its behalf.
 */
void
lead_desk_lead_card_clear (LeadDeskLeadCard *self)
{
  g_return_if_fail (LEAD_DESK_IS_LEAD_CARD (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  stop_history (self);
  if (self->conversions != NULL)
    lead_desk_conversions_clear (self->conversions);
  cancel_history_load (self);
  if (self->outreach != NULL)
    lead_desk_outreach_clear (self->outreach);
  if (self->meetings != NULL)
    lead_desk_meetings_clear (self->meetings);
  if (self->takeover_pending)
    takeover_finished (self);
  SET_PENDING (self, refresh_pending, FALSE);
  SET_PENDING (self, paused_pending, FALSE);
  g_clear_pointer (&self->takeover_result, g_free);
  g_clear_pointer (&self->live_error, g_free);
  self->refresh_again = FALSE;
  self->refresh_live = FALSE;
  self->paused = -1;

  if (self->lead != NULL)
    {
      g_clear_object (&self->lead);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD]);
    }
  if (self->client != NULL)
    {
      g_clear_object (&self->client);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLIENT]);
    }
}

/**
 * lead_desk_lead_card_set_lead:
 * @client: the client the lead came from; the card's own calls use it
 * @lead: the lead to show
 *
 * Shows @lead and starts loading its meetings and history. Whatever the
 * card was still loading for the previous lead is cancelled.
 */
void
lead_desk_lead_card_set_lead (LeadDeskLeadCard *self,
                              NexorClient      *client,
                              NexorLead        *lead)
{
  g_return_if_fail (LEAD_DESK_IS_LEAD_CARD (self));
  g_return_if_fail (NEXOR_IS_CLIENT (client));
  g_return_if_fail (NEXOR_IS_LEAD (lead));

  lead_desk_lead_card_clear (self);

  self->client = g_object_ref (client);
  self->lead = g_object_ref (lead);

  update_from_lead (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->history_scroller), 0);
  check_paused (self);
  start_history (self, FALSE, FALSE);
  lead_desk_meetings_set_lead (self->meetings, client, lead, self->cancellable);
  lead_desk_outreach_set_lead (self->outreach, client, lead, self->cancellable);
  lead_desk_conversions_set_lead (self->conversions, client, nexor_lead_get_id (lead), self->cancellable);

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLIENT]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD]);
}

/**
 * lead_desk_lead_card_refresh:
 *
 * Reads the lead shown again, with its pause state, history and meetings,
 * because it may have changed elsewhere (a webhook event, a poll). The
 * card stays as it is until the answers come. Never two at once: asked
 * while one is in flight, it runs once more after it; asked while a
 * takeover is in flight, it is left to the takeover's own refresh.
 * Failures are told once each, not at every try.
 */
void
lead_desk_lead_card_refresh (LeadDeskLeadCard *self)
{
  g_return_if_fail (LEAD_DESK_IS_LEAD_CARD (self));

  if (self->lead == NULL || self->client == NULL)
    return;

  if (self->refresh_pending || self->takeover_pending)
    {
      self->refresh_again = TRUE;
      return;
    }

  self->refresh_live = TRUE;
  refresh_lead (self);
}
