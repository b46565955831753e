/* lead-desk-outreach.c: writing to a lead, and the AI call
 *
 * One form per channel (WhatsApp, email, AI call), sent from the lead's own
 * workflow, which owns the WhatsApp number, the email sender and the voice
 * agent. A message reaches a person, so the form asks before it sends,
 * sends what the confirmation showed and nothing else, once: the button is
 * off while the call is in flight and a failure is never retried. When the
 * outcome is unknown the history is reloaded for the user to see, and the
 * next confirmation says so.
 *
 * WhatsApp allows free text only within 24 hours of the lead's last
 * message (API reference §3.31); outside it only an approved template. The
 * form knows which from the lead's WhatsApp history (the newest inbound
 * message), and also takes the server's refusal of free text as the hint
 * to offer a template: its wording is not documented, so the refusal itself
 * is shown as it came.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lead-desk-outreach.h"

#define WINDOW_HOURS 24

typedef enum {
  WINDOW_CHECKING,
  WINDOW_UNKNOWN,
  WINDOW_OPEN,
  WINDOW_CLOSED,
} WindowState;

struct _LeadDeskOutreach
{
  GtkWidget parent_instance;

  NexorClient *client;
  NexorLead *lead;
  GCancellable *cancellable;
  GListModel *templates;
  GPtrArray *variable_rows;      /* AdwEntryRow per template variable, by position */
  NexorMessageInput *confirming; /* what the open confirmation would send */
  AdwMessageDialog *dialog;
  WindowState window;
  NexorMessageChannel sending;   /* the channel of the send in flight */
  gboolean outcome_unknown;      /* the last send may have gone out */
  gboolean result_shown;         /* the label says how a send went */

  guint templates_pending : 1;
  guint window_pending : 1;
  guint send_pending : 1;

  AdwPreferencesGroup *group;
  GtkSpinner *spinner;
  GtkStack *stack;
  GtkLabel *window_label;
  AdwActionRow *template_switch_row;
  GtkSwitch *template_switch;
  AdwComboRow *template_row;
  GtkListBox *variables_list;
  GtkLabel *preview_label;
  GtkFrame *whatsapp_frame;
  GtkTextView *whatsapp_text;
  AdwEntryRow *subject_row;
  GtkSwitch *html_switch;
  GtkTextView *email_text;
  AdwEntryRow *greeting_row;
  GtkLabel *result_label;
  GtkButton *send_button;
};

G_DEFINE_FINAL_TYPE (LeadDeskOutreach, lead_desk_outreach, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_ERROR,
  SIGNAL_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_form_changed (LeadDeskOutreach *self);

gboolean
lead_desk_outreach_get_busy (LeadDeskOutreach *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_OUTREACH (self), FALSE);

  return self->templates_pending || self->window_pending || self->send_pending;
}

#define SET_PENDING(self, flag, value) \
  G_STMT_START { \
    gboolean was_busy = lead_desk_outreach_get_busy (self); \
    (self)->flag = (value); \
    gtk_spinner_set_spinning ((self)->spinner, lead_desk_outreach_get_busy (self)); \
    if (was_busy != lead_desk_outreach_get_busy (self)) \
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

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
lead_name (NexorLead *lead)
{
  g_autofree char *name = g_strjoin (" ",
                                     nexor_lead_get_first_name (lead) ? nexor_lead_get_first_name (lead) : "",
                                     nexor_lead_get_last_name (lead) ? nexor_lead_get_last_name (lead) : "",
                                     NULL);

  g_strstrip (name);
  return *name != '\0' ? g_steal_pointer (&name) : g_strdup (_("the lead"));
}

static const char *
workflow_id (LeadDeskOutreach *self)
{
  NexorWorkflowRun *run = self->lead ? nexor_lead_get_active_workflow_run (self->lead) : NULL;

  return run != NULL ? nexor_workflow_run_get_workflow_id (run) : NULL;
}

static void
forget_dialog (LeadDeskOutreach *self)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = NULL;
}

/* The confirmation is about this lead's message: it goes with the lead. */
static void
close_dialog (LeadDeskOutreach *self)
{
  AdwMessageDialog *dialog = self->dialog;

  forget_dialog (self);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_result (LeadDeskOutreach *self,
             const char       *text,
             gboolean          is_error)
{
  gtk_label_set_text (self->result_label, text != NULL ? text : "");
  self->result_shown = text != NULL;
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
}

/* Templates */

static NexorTemplate *
selected_template (LeadDeskOutreach *self)
{
  gpointer item = adw_combo_row_get_selected_item (self->template_row);

  return NEXOR_IS_TEMPLATE (item) ? item : NULL;
}

/* The text of the template's BODY component, where its {{n}} are. */
static char *
dup_template_body (NexorTemplate *template)
{
  g_autoptr(JsonNode) components = nexor_template_dup_components (template);
  JsonArray *array;

  if (components == NULL || !JSON_NODE_HOLDS_ARRAY (components))
    return NULL;

  array = json_node_get_array (components);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *component;
      JsonNode *type;
      JsonNode *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      component = json_node_get_object (node);
      type = json_object_get_member (component, "type");
      text = json_object_get_member (component, "text");
      if (type != NULL && json_node_get_value_type (type) == G_TYPE_STRING &&
          g_ascii_strcasecmp (json_node_get_string (type), "BODY") == 0 &&
          text != NULL && json_node_get_value_type (text) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (text));
    }

  return NULL;
}

/* The parameters in position order ({{1}} first), as typed. */
static GStrv
dup_template_parameters (LeadDeskOutreach *self,
                         gboolean         *complete)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  *complete = TRUE;
  for (guint i = 0; i < self->variable_rows->len; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->variable_rows, i)));

      if (!has_text (text))
        *complete = FALSE;
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/* The body with the parameters typed so far in place of their {{n}}. */
static char *
fill_template (LeadDeskOutreach *self,
               const char       *body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean complete;
  g_auto(GStrv) parameters = dup_template_parameters (self, &complete);
  const char *p = body;

  while (*p != '\0')
    {
      const char *end;
      guint64 n;
      char *after = NULL;

      if (p[0] == '{' && p[1] == '{')
        {
          n = g_ascii_strtoull (p + 2, &after, 10);
          end = after;
          if (after != p + 2 && g_str_has_prefix (end, "}}") && n >= 1 &&
              n <= g_strv_length (parameters) && has_text (parameters[n - 1]))
            {
              g_string_append (text, parameters[n - 1]);
              p = end + 2;
              continue;
            }
        }
      g_string_append_c (text, *p);
      p++;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_preview (LeadDeskOutreach *self)
{
  NexorTemplate *template = selected_template (self);
  g_autofree char *body = template != NULL ? dup_template_body (template) : NULL;
  g_autofree char *filled = body != NULL ? fill_template (self, body) : NULL;

  gtk_label_set_text (self->preview_label, filled != NULL ? filled : "");
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  NexorTemplateVariable *left = *(NexorTemplateVariable **) a;
  NexorTemplateVariable *right = *(NexorTemplateVariable **) b;

  return nexor_template_variable_get_position (left) - nexor_template_variable_get_position (right);
}

/* The chosen template's variables become entry rows, in position order. */
static void
on_template_selected (LeadDeskOutreach *self)
{
  NexorTemplate *template = selected_template (self);
  g_autoptr(GPtrArray) variables = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  for (guint i = 0; i < self->variable_rows->len; i++)
    gtk_list_box_remove (self->variables_list, g_ptr_array_index (self->variable_rows, i));
  g_ptr_array_set_size (self->variable_rows, 0);

  model = template != NULL ? nexor_template_get_variables (template) : NULL;
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (variables, g_list_model_get_item (model, i));
  g_ptr_array_sort (variables, compare_positions);

  for (guint i = 0; i < variables->len; i++)
    {
      NexorTemplateVariable *variable = g_ptr_array_index (variables, i);
      const char *name = nexor_template_variable_get_name (variable);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_entry_row_new ();

      /* TRANSLATORS: a template's blank: its name and its {{number}} in the text */
      title = g_strdup_printf (_("%s ({{%d}})"), name != NULL ? name : "",
                               nexor_template_variable_get_position (variable));
      gtk_widget_set_name (row, "template-variable-row");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data_full (G_OBJECT (row), "variable-name", g_strdup (name), g_free);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_form_changed), self);
      gtk_list_box_append (self->variables_list, row);
      g_ptr_array_add (self->variable_rows, row);
    }

  on_form_changed (self);
}

static void
on_templates_ready (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LeadDeskOutreach) self = user_data;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GError) error = NULL;

  templates = nexor_client_list_templates_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  SET_PENDING (self, templates_pending, FALSE);
  if (templates == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not load the WhatsApp templates"), error);
      on_form_changed (self);
      return;
    }

  g_set_object (&self->templates, templates);
  adw_combo_row_set_model (self->template_row, self->templates);
  on_template_selected (self);
}

/* The 24-hour window */

static void
on_window_checked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LeadDeskOutreach) self = user_data;
  g_autoptr(NexorHistoryList) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) latest = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  history = nexor_client_list_all_lead_history_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  SET_PENDING (self, window_pending, FALSE);
  if (history == NULL)
    {
      self->window = WINDOW_UNKNOWN;
      gtk_label_set_text (self->window_label,
                          _("Whether the lead wrote in the last 24 hours could not be checked: "
                            "free text may be refused"));
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not check the WhatsApp window"), error);
      on_form_changed (self);
      return;
    }

  /* The newest message the lead sent, wherever it is in the list. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (history)); i++)
    {
      g_autoptr(NexorHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (history), i);
      GDateTime *when = nexor_history_item_get_timestamp (item);

      if (nexor_history_item_get_item_type (item) != NEXOR_HISTORY_ITEM_TYPE_MESSAGE ||
          g_strcmp0 (nexor_history_item_get_direction (item), "inbound") != 0 || when == NULL)
        continue;
      if (latest == NULL || g_date_time_compare (when, latest) > 0)
        {
          g_clear_pointer (&latest, g_date_time_unref);
          latest = g_date_time_ref (when);
        }
    }

  now = g_date_time_new_now_utc ();
  if (latest != NULL && g_date_time_difference (now, latest) < (GTimeSpan) WINDOW_HOURS * G_TIME_SPAN_HOUR)
    {
      g_autoptr(GDateTime) until = g_date_time_add_hours (latest, WINDOW_HOURS);
      g_autoptr(GDateTime) local = g_date_time_to_local (until);
      /* TRANSLATORS: until when free text can be sent, a g_date_time_format() format.
       * xgettext:no-c-format */
      g_autofree char *when = g_date_time_format (local, _("%-d %b, %H:%M"));

      self->window = WINDOW_OPEN;
      text = g_strdup_printf (_("The lead wrote on WhatsApp in the last 24 hours: free text can be sent until %s"),
                              when);
    }
  else if (latest != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (latest);
      /* TRANSLATORS: when the lead last wrote, a g_date_time_format() format.
       * xgettext:no-c-format */
      g_autofree char *when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));

      self->window = WINDOW_CLOSED;
      text = g_strdup_printf (_("The 24-hour window is closed (the lead last wrote on %s): "
                                "only an approved template can be sent"), when);
    }
  else
    {
      self->window = WINDOW_CLOSED;
      text = g_strdup (_("The lead has not written on WhatsApp: only an approved template can be sent"));
    }

  gtk_label_set_text (self->window_label, text);
  if (self->window == WINDOW_CLOSED)
    gtk_switch_set_active (self->template_switch, TRUE);
  on_form_changed (self);
}

/* The form */

/* Why nothing can be sent on the visible channel, or NULL. */
static const char *
blocked_reason (LeadDeskOutreach *self,
                const char       *page)
{
  if (self->lead == NULL || self->client == NULL)
    return _("Open a lead first");
  if (workflow_id (self) == NULL)
    return _("The lead is in no workflow: messages and calls go out from a workflow’s "
             "number, sender and agent");
  if (g_strcmp0 (page, "email") == 0)
    return has_text (nexor_lead_get_email (self->lead)) ? NULL : _("The lead has no email address");
  return has_text (nexor_lead_get_phone (self->lead)) ? NULL : _("The lead has no phone number");
}

static void
on_form_changed (LeadDeskOutreach *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean use_template = gtk_switch_get_active (self->template_switch);
  const char *blocked = blocked_reason (self, page);
  gboolean ok = blocked == NULL && !self->send_pending && self->confirming == NULL;

  /* Outside the window free text cannot be chosen at all. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_switch_row), self->window != WINDOW_CLOSED);
  gtk_widget_set_visible (GTK_WIDGET (self->template_row), use_template);
  gtk_widget_set_visible (GTK_WIDGET (self->variables_list), use_template && self->variable_rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_label), use_template);
  gtk_widget_set_visible (GTK_WIDGET (self->whatsapp_frame), !use_template);
  if (use_template)
    update_preview (self);

  if (g_strcmp0 (page, "whatsapp") == 0)
    {
      gtk_button_set_label (self->send_button, _("_Send WhatsApp…"));
      if (use_template)
        {
          gboolean complete;
          g_auto(GStrv) parameters = dup_template_parameters (self, &complete);

          ok = ok && selected_template (self) != NULL && complete;
        }
      else
        {
          g_autofree char *text = dup_view_text (self->whatsapp_text);

          ok = ok && self->window != WINDOW_CLOSED && self->window != WINDOW_CHECKING && has_text (text);
        }
    }
  else if (g_strcmp0 (page, "email") == 0)
    {
      g_autofree char *text = dup_view_text (self->email_text);

      gtk_button_set_label (self->send_button, _("_Send Email…"));
      ok = ok && has_text (text);
    }
  else
    gtk_button_set_label (self->send_button, _("_Call Now…"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), ok);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button), blocked);
  /* Why the button is off, unless the label has a send's result to tell. */
  if (!self->result_shown)
    gtk_label_set_text (self->result_label, blocked != NULL ? blocked : "");
}

static void
reset_form (LeadDeskOutreach *self)
{
  set_view_text (self->whatsapp_text, "");
  set_view_text (self->email_text, "");
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->greeting_row), "");
  for (guint i = 0; i < self->variable_rows->len; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->variable_rows, i)), "");
  on_form_changed (self);
}

/* Builds what the visible form would send, and a description of it for
 * the confirmation. NULL if the form is not complete. */
static NexorMessageInput *
build_input (LeadDeskOutreach  *self,
             char             **out_heading,
             char             **out_body)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  g_autoptr(NexorMessageInput) input = NULL;
  g_autofree char *name = lead_name (self->lead);

  if (g_strcmp0 (page, "whatsapp") == 0)
    {
      input = nexor_message_input_new (NEXOR_MESSAGE_CHANNEL_WHATSAPP);
      if (gtk_switch_get_active (self->template_switch))
        {
          NexorTemplate *template = selected_template (self);
          g_autofree char *body = NULL;
          gboolean complete;
          g_auto(GStrv) parameters = dup_template_parameters (self, &complete);

          if (template == NULL || !complete)
            return NULL;
          body = dup_template_body (template);
          nexor_message_input_set_template_id (input, nexor_template_get_id (template));
          if (parameters[0] != NULL)
            nexor_message_input_set_template_parameters (input, (const char * const *) parameters);
          *out_body = body != NULL ? fill_template (self, body) : g_strdup (nexor_template_get_name (template));
          /* TRANSLATORS: %s is the lead's name */
          *out_heading = g_strdup_printf (_("Send this WhatsApp template to %s?"), name);
        }
      else
        {
          g_autofree char *text = dup_view_text (self->whatsapp_text);

          if (!has_text (text))
            return NULL;
          nexor_message_input_set_content (input, text);
          *out_body = g_steal_pointer (&text);
          /* TRANSLATORS: %s is the lead's name */
          *out_heading = g_strdup_printf (_("Send this WhatsApp to %s?"), name);
        }
    }
  else if (g_strcmp0 (page, "email") == 0)
    {
      g_autofree char *text = dup_view_text (self->email_text);
      const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));

      if (!has_text (text))
        return NULL;
      input = nexor_message_input_new (NEXOR_MESSAGE_CHANNEL_EMAIL);
      if (has_text (subject))
        nexor_message_input_set_subject (input, subject);
      if (gtk_switch_get_active (self->html_switch))
        nexor_message_input_set_html (input, text);
      else
        nexor_message_input_set_content (input, text);
      /* TRANSLATORS: an email's subject and its body; the server's default subject is used without one */
      *out_body = g_strdup_printf (_("Subject: %s\n\n%s"),
                                   has_text (subject) ? subject : _("(the server’s default)"), text);
      /* TRANSLATORS: %s is the lead's name */
      *out_heading = g_strdup_printf (_("Send this email to %s?"), name);
    }
  else
    {
      const char *greeting = gtk_editable_get_text (GTK_EDITABLE (self->greeting_row));

      input = nexor_message_input_new (NEXOR_MESSAGE_CHANNEL_CALL);
      if (has_text (greeting))
        {
          nexor_message_input_set_begin_message (input, greeting);
          /* TRANSLATORS: %s is the greeting the AI agent opens the call with */
          *out_body = g_strdup_printf (_("The agent opens with: “%s”"), greeting);
        }
      else
        *out_body = g_strdup (_("The agent opens with its own greeting."));
      /* TRANSLATORS: %s is the lead's name */
      *out_heading = g_strdup_printf (_("Have the AI agent call %s now?"), name);
    }

  nexor_message_input_set_lead_id (input, nexor_lead_get_id (self->lead));
  nexor_message_input_set_workflow_id (input, workflow_id (self));

  return g_steal_pointer (&input);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LeadDeskOutreach) self = user_data;
  g_autoptr(NexorMessageResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  NexorMessageChannel channel = self->sending;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  answer = nexor_client_send_message_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another lead is shown by now */

  SET_PENDING (self, send_pending, FALSE);
  name = self->lead != NULL ? lead_name (self->lead) : g_strdup ("");

  if (answer == NULL)
    {
      if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN))
        {
          /* It may have gone out: show the history, never send it again here. */
          self->outcome_unknown = TRUE;
          text = g_strdup_printf (_("It is not known whether this reached %s: look at the history "
                                    "before you send it again. %s"), name, error->message);
          g_signal_emit (self, signals[SIGNAL_SENT], 0);
        }
      else if (channel == NEXOR_MESSAGE_CHANNEL_WHATSAPP &&
               !gtk_switch_get_active (self->template_switch) &&
               g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT))
        {
          /* Most likely the 24-hour window closed: offer the templates. */
          text = g_strdup_printf (_("Not sent: %s. Outside the 24-hour window only an approved "
                                    "template reaches the lead."), error->message);
          gtk_switch_set_active (self->template_switch, TRUE);
        }
      else
        text = g_strdup_printf (_("Not sent: %s"), error->message);

      show_result (self, text, TRUE);
      on_form_changed (self);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0,
                     channel == NEXOR_MESSAGE_CHANNEL_CALL ? _("Could not start the call")
                                                           : _("Could not send the message"),
                     error);
      return;
    }

  self->outcome_unknown = FALSE;
  switch (nexor_message_result_get_channel (answer))
    {
    case NEXOR_MESSAGE_CHANNEL_CALL:
      /* TRANSLATORS: the lead's name, and the call's status as the server names it */
      text = g_strdup_printf (_("The AI agent is calling %s (%s)"), name,
                              nexor_message_result_get_call_status (answer) != NULL
                              ? nexor_message_result_get_call_status (answer) : "registered");
      break;
    case NEXOR_MESSAGE_CHANNEL_EMAIL:
      text = g_strdup_printf (_("Email sent to %s"), name);
      break;
    case NEXOR_MESSAGE_CHANNEL_WHATSAPP:
    case NEXOR_MESSAGE_CHANNEL_UNKNOWN:
    default:
      text = g_strdup_printf (_("WhatsApp sent to %s"), name);
      break;
    }
  show_result (self, text, FALSE);
  reset_form (self);
  g_signal_emit (self, signals[SIGNAL_SENT], 0);
}

static void
on_confirm_response (LeadDeskOutreach *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  g_autoptr(NexorMessageInput) input = g_steal_pointer (&self->confirming);

  if (self->dialog == dialog)
    forget_dialog (self);

  /* Exactly what the dialog showed, and only once: a second response, or a
   * click while a send is in flight, finds nothing to send. */
  if (g_strcmp0 (response, "send") != 0 || input == NULL || self->send_pending || self->client == NULL)
    {
      on_form_changed (self);
      return;
    }

  self->sending = nexor_message_input_get_channel (input);
  SET_PENDING (self, send_pending, TRUE);
  show_result (self, nexor_message_input_get_channel (input) == NEXOR_MESSAGE_CHANNEL_CALL
                     ? _("Starting the call…") : _("Sending…"), FALSE);
  on_form_changed (self);
  nexor_client_send_message_async (self->client, input, self->cancellable, on_sent, g_object_ref (self));
}

/* Closed without an answer: nothing is sent, and the form is free again. */
static void
on_confirm_destroyed (LeadDeskOutreach *self)
{
  if (self->confirming == NULL)
    return;
  g_clear_object (&self->confirming);
  on_form_changed (self);
}

static void
on_send_clicked (LeadDeskOutreach *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autoptr(NexorMessageInput) input = NULL;
  GtkRoot *root;
  AdwMessageDialog *dialog;
  gboolean is_call;

  if (self->send_pending || self->confirming != NULL || self->lead == NULL ||
      blocked_reason (self, gtk_stack_get_visible_child_name (self->stack)) != NULL)
    return;

  input = build_input (self, &heading, &body);
  if (input == NULL)
    return;
  is_call = nexor_message_input_get_channel (input) == NEXOR_MESSAGE_CHANNEL_CALL;

  if (self->outcome_unknown)
    {
      char *warned = g_strdup_printf ("%s\n\n%s", body,
                                      _("The last message may have gone out although it failed: "
                                        "check the history first."));

      g_free (body);
      body = warned;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "confirm-send-dialog");
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "send", is_call ? _("_Call") : _("_Send"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_confirm_destroyed), self, G_CONNECT_SWAPPED);

  self->confirming = g_steal_pointer (&input);
  self->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  on_form_changed (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
lead_desk_outreach_dispose (GObject *object)
{
  LeadDeskOutreach *self = LEAD_DESK_OUTREACH (object);
  GtkWidget *child;

  close_dialog (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEAD_DESK_TYPE_OUTREACH);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->confirming);
  g_clear_object (&self->templates);
  g_clear_object (&self->lead);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->variable_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lead_desk_outreach_parent_class)->dispose (object);
}

static void
lead_desk_outreach_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LeadDeskOutreach *self = LEAD_DESK_OUTREACH (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, lead_desk_outreach_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_outreach_class_init (LeadDeskOutreachClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lead_desk_outreach_dispose;
  object_class->get_property = lead_desk_outreach_get_property;

  props[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * LeadDeskOutreach::error:
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
   * LeadDeskOutreach::sent:
   *
   * A message or call went out, or may have: the lead's history has
   * something new to show.
   */
  signals[SIGNAL_SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ai/getnexor/LeadDesk/lead-desk-outreach.ui");
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, group);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, stack);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, window_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, template_switch_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, template_switch);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, template_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, variables_list);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, preview_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, whatsapp_frame);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, whatsapp_text);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, subject_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, html_switch);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, email_text);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, greeting_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, result_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskOutreach, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_send_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lead_desk_outreach_init (LeadDeskOutreach *self)
{
  g_autoptr(GtkExpression) name = NULL;

  self->variable_rows = g_ptr_array_new ();
  self->window = WINDOW_UNKNOWN;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The picker shows each template by its name. */
  name = gtk_property_expression_new (NEXOR_TYPE_TEMPLATE, NULL, "name");
  adw_combo_row_set_expression (self->template_row, name);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->whatsapp_text), "changed",
                            G_CALLBACK (on_form_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->email_text), "changed",
                            G_CALLBACK (on_form_changed), self);
  on_form_changed (self);
}

/**
 * lead_desk_outreach_clear:
 *
 * Forgets the lead. The card cancels the calls, through its cancellable.
 */
void
lead_desk_outreach_clear (LeadDeskOutreach *self)
{
  g_return_if_fail (LEAD_DESK_IS_OUTREACH (self));

  close_dialog (self);
  g_clear_object (&self->confirming);
  SET_PENDING (self, templates_pending, FALSE);
  SET_PENDING (self, window_pending, FALSE);
  SET_PENDING (self, send_pending, FALSE);
  g_clear_object (&self->lead);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  self->window = WINDOW_UNKNOWN;
  self->outcome_unknown = FALSE;
  gtk_switch_set_active (self->template_switch, FALSE);
  gtk_label_set_text (self->window_label, "");
  show_result (self, NULL, FALSE);
  reset_form (self);
}

/**
 * lead_desk_outreach_set_lead:
 * @client: the client of the card
 * @lead: the lead to write to
 * @cancellable: the card's cancellable for this lead
 *
 * Shows the forms for @lead, loads the approved WhatsApp templates and
 * looks in the lead's WhatsApp history whether free text can be sent.
 */
void
lead_desk_outreach_set_lead (LeadDeskOutreach *self,
                             NexorClient      *client,
                             NexorLead        *lead,
                             GCancellable     *cancellable)
{
  static const char * const whatsapp[] = { "whatsapp", NULL };

  g_return_if_fail (LEAD_DESK_IS_OUTREACH (self));
  g_return_if_fail (NEXOR_IS_CLIENT (client));
  g_return_if_fail (NEXOR_IS_LEAD (lead));

  lead_desk_outreach_clear (self);
  self->client = g_object_ref (client);
  self->lead = g_object_ref (lead);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  if (has_text (nexor_lead_get_phone (lead)))
    {
      self->window = WINDOW_CHECKING;
      gtk_label_set_text (self->window_label, _("Checking whether the lead wrote in the last 24 hours…"));
      SET_PENDING (self, window_pending, TRUE);
      nexor_client_list_all_lead_history_async (client, nexor_lead_get_id (lead), whatsapp, self->cancellable,
                                                on_window_checked, g_object_ref (self));
    }
  /* Templates change as Meta approves them: fetched for each lead. */
  SET_PENDING (self, templates_pending, TRUE);
  nexor_client_list_templates_async (client, "APPROVED", NULL, self->cancellable,
                                     on_templates_ready, g_object_ref (self));
  on_form_changed (self);
}

/**
 * lead_desk_outreach_update_lead:
 * @lead: a fresh snapshot of the same lead
 *
 * Takes a reloaded lead (a new workflow, phone or email) without
 * forgetting what is typed.
 */
void
lead_desk_outreach_update_lead (LeadDeskOutreach *self,
                                NexorLead        *lead)
{
  g_return_if_fail (LEAD_DESK_IS_OUTREACH (self));
  g_return_if_fail (NEXOR_IS_LEAD (lead));

  if (self->lead == NULL || g_strcmp0 (nexor_lead_get_id (self->lead), nexor_lead_get_id (lead)) != 0)
    return;
  g_set_object (&self->lead, lead);
  on_form_changed (self);
}
