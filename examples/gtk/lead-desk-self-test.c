/* lead-desk-self-test.c: drives the real window for the GUI test
 *
 * `nexor-lead-desk --self-test [--screenshot FILE] [--search TEXT] [LEAD-ID]`
 * opens the lead in the window a user would see (with --search: types TEXT
 * in the search box, prints the leads found and clicks the lead's row), then reads back what the widgets
 * show (not what the library returned) and prints it, one "key: value" per
 * line, for the test to compare with the server's data. It records a
 * conversion through the card's form (type picker, amount, the type's own
 * fields) and prints the list again, then flips the takeover switch the way a click does, waits for the answer, saves a
 * screenshot, prints "waiting" and reads a line from standard input (the
 * test checks the server in between), hands the lead back, and quits: 0 if
 * every step worked, 1 with a "FAIL:" line if not.
 *
 * With --action (repeatable) it does, instead of the conversion and the
 * takeover, what a person does from the lead card, in the order given:
 * writes a WhatsApp (free text, or the template NAME with its blanks
 * filled), an email, starts the AI call, books a meeting, or marks the
 * meeting booked under KEY completed (with notes), cancelled or a no-show.
 * Each is answered in its confirmation dialog as a click does; after each
 * the self-test waits for the card, then prints the history rows the view
 * shows (it scrolls to the new entry by itself) and the meetings listed.
 * Every text it writes carries --tag, for the test to find it again. An
 * action ending in "!" must fail, as the card shows it; "pause" prints
 * "waiting" and goes on after a line on standard input, so that the test
 * can queue a fault for the next request, which is the action's.
 *
 * When the app asks for the API key (the connection dialog), the self-test
 * prints "connection-dialog: shown" and types the key in
 * $LEAD_DESK_SELF_TEST_KEY, or fails without it. With --only-open it quits
 * once the lead's card is shown (the keyring tests need no more).
 *
 * Changes made elsewhere: the action "watch" prints "watching", then a
 * "live: update" block (status, takeover, history, meetings, whether the
 * window polls) each time the window settles after a refresh it made by
 * itself, and every desktop notification the app makes, until a line on
 * standard input; the test changes the lead from outside meanwhile.
 * "hide" and "show" hide the window and present it again, and print
 * "polling: on|off" once nothing is in flight.
 *
 * Every wait follows the window's "busy" property; a deadline turns a hang
 * into a failure (re-armed at each action).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <gio/gunixinputstream.h>

#include "lead-desk-self-test.h"
#include "lead-desk-connection-dialog.h"
#include "lead-desk-history-row.h"
#include "lead-desk-recent-lead.h"

#define SEED_LEAD_ID "123e4567-e89b-12d3-a456-426614174000"
#define DEADLINE_S 60

typedef enum {
  STAGE_SEARCHING,
  STAGE_LOADING,
  STAGE_MORE_HISTORY,
  STAGE_RECORDING,
  STAGE_TAKING_OVER,
  STAGE_WAITING_FOR_TEST,
  STAGE_HANDING_BACK,
  STAGE_SAVING_KEY,
  STAGE_ACTING,
  STAGE_SETTLING,
  STAGE_WATCHING,
  STAGE_VISIBILITY,
  STAGE_DONE,
} Stage;

typedef struct {
  LeadDeskApplication *application;
  LeadDeskWindow *window;
  char *lead_id;
  char *search;
  char *screenshot_path;
  gboolean only_open;
  GListModel *toplevels;
  guint dialog_id;
  Stage stage;
  guint check_id;
  guint deadline_id;
  guint history_before;
  GDataInputStream *input;
  GCancellable *cancellable;
  GStrv actions;
  guint next_action;
  char *tag;
  guint settle_tries;
  gpointer last_history;  /* the history model the last live block saw, compared only */
  gpointer last_meeting_row;  /* its first meeting row, compared only */
} SelfTest;

static void check_stage (SelfTest *test);
static gboolean on_deadline (gpointer user_data);
static void watch (SelfTest *test);
static gboolean save_screenshot (GtkWidget   *widget,
                                 const char  *path,
                                 GError     **error);

static void
run_check (gpointer user_data)
{
  SelfTest *test = user_data;

  test->check_id = 0;
  check_stage (test);
}

static void
self_test_free (SelfTest *test)
{
  g_clear_handle_id (&test->check_id, g_source_remove);
  g_clear_handle_id (&test->deadline_id, g_source_remove);
  g_clear_handle_id (&test->dialog_id, g_source_remove);
  g_cancellable_cancel (test->cancellable);
  g_clear_object (&test->cancellable);
  g_clear_object (&test->input);
  g_signal_handlers_disconnect_by_data (test->window, test);
  g_signal_handlers_disconnect_by_data (test->application, test);
  if (test->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (test->toplevels, test);
  g_clear_object (&test->window);
  g_clear_object (&test->application);
  g_free (test->lead_id);
  g_free (test->search);
  g_free (test->screenshot_path);
  g_strfreev (test->actions);
  g_free (test->tag);
  g_free (test);
}

static void
finish (SelfTest *test,
        int       status)
{
  LeadDeskApplication *application = g_object_ref (test->application);

  test->stage = STAGE_DONE;
  if (status == 0)
    g_print ("ok\n");
  fflush (stdout);
  self_test_free (test);

  lead_desk_application_quit_with_status (application, status);
  g_object_unref (application);
}

G_GNUC_PRINTF (2, 3)
static void
fail (SelfTest   *test,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("FAIL: %s\n", message);

  /* The window as it was when the test failed, for whoever reads the log. */
  if (test->screenshot_path != NULL && test->stage != STAGE_DONE)
    {
      g_autoptr(GError) error = NULL;

      if (save_screenshot (GTK_WIDGET (test->window), test->screenshot_path, &error))
        g_print ("screenshot: %s\n", test->screenshot_path);
    }

  finish (test, 1);
}

/* Reading the widget tree */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The text of a label the user can see; NULL if it is hidden or missing. */
static const char *
shown_label (SelfTest   *test,
             const char *name)
{
  GtkWidget *label = find_named (GTK_WIDGET (test->window), name);

  if (!GTK_IS_LABEL (label) || !gtk_widget_get_mapped (label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkSwitch *
takeover_switch (SelfTest *test)
{
  GtkWidget *widget = find_named (GTK_WIDGET (test->window), "takeover-switch");

  return GTK_IS_SWITCH (widget) ? GTK_SWITCH (widget) : NULL;
}

static const char *
takeover_subtitle (SelfTest *test)
{
  GtkWidget *row = find_named (GTK_WIDGET (test->window), "takeover-row");

  return ADW_IS_ACTION_ROW (row) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

static GListModel *
history_model (SelfTest *test)
{
  GtkWidget *view = find_named (GTK_WIDGET (test->window), "history-view");

  return GTK_IS_LIST_VIEW (view) ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))) : NULL;
}

/* The library's list under the view's selection model: whether it has more
 * is what the count label shows, whatever the server holds by now. */
static gboolean
history_has_more (SelfTest *test)
{
  GListModel *model = history_model (test);

  while (model != NULL && !NEXOR_IS_HISTORY_LIST (model))
    {
      if (GTK_IS_NO_SELECTION (model))
        model = gtk_no_selection_get_model (GTK_NO_SELECTION (model));
      else if (GTK_IS_SINGLE_SELECTION (model))
        model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      else
        model = NULL;
    }

  return model != NULL && nexor_history_list_get_has_more (NEXOR_HISTORY_LIST (model));
}

static gboolean
print_card (SelfTest *test)
{
  static const char * const status_classes[] = { "active", "won", "lost", "deferred", "other" };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *status;
  GtkSwitch *toggle = takeover_switch (test);
  GListModel *history = history_model (test);
  const char *name = shown_label (test, "lead-name");
  const char *status_text = shown_label (test, "lead-status");
  const char *subtitle = shown_label (test, "lead-subtitle");

  if (name == NULL || *name == '\0')
    {
      fail (test, "the lead's name is not shown");
      return FALSE;
    }
  if (status_text == NULL || *status_text == '\0')
    {
      fail (test, "the lead's status is not shown");
      return FALSE;
    }
  if (toggle == NULL || !gtk_widget_get_mapped (GTK_WIDGET (toggle)))
    {
      fail (test, "the takeover switch is not shown");
      return FALSE;
    }

  g_print ("name: %s\n", name);
  g_print ("subtitle: %s\n", subtitle != NULL ? subtitle : "");
  g_print ("status: %s\n", status_text);

  status = find_named (GTK_WIDGET (test->window), "lead-status");
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    if (gtk_widget_has_css_class (status, status_classes[i]))
      g_print ("status-class: %s\n", status_classes[i]);

  collect_named (GTK_WIDGET (test->window), "variable-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      GtkWidget *confidence = find_named (row, "variable-confidence");

      if (!gtk_widget_get_mapped (row) || !GTK_IS_LABEL (confidence))
        {
          fail (test, "variable row %u is not shown completely", i);
          return FALSE;
        }

      g_print ("variable: %s = %s (%s)\n",
               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
               adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
               gtk_label_get_text (GTK_LABEL (confidence)));
    }

  g_print ("takeover: %s\n", gtk_switch_get_state (toggle) ? "on" : "off");
  g_print ("history-items: %u\n", history != NULL ? g_list_model_get_n_items (history) : 0);
  g_print ("history-has-more: %s\n", history_has_more (test) ? "yes" : "no");
  /* Text of the app's own, not the server's: what a translation changes. */
  g_print ("takeover-title: %s\n",
           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_named (GTK_WIDGET (test->window),
                                                                         "takeover-row"))));
  g_print ("history-count: %s\n", shown_label (test, "history-count") != NULL
                                   ? shown_label (test, "history-count") : "");
  g_print ("window-title: %s\n", gtk_window_get_title (GTK_WINDOW (test->window)));
  {
    GtkWidget *note = find_named (GTK_WIDGET (test->window), "outreach-result");
    GtkWidget *send = find_named (GTK_WIDGET (test->window), "outreach-send");

    g_print ("outreach-note: %s\n", GTK_IS_LABEL (note) ? gtk_label_get_text (GTK_LABEL (note)) : "");
    g_print ("outreach-send: %s\n", send != NULL && gtk_widget_is_sensitive (send) ? "enabled" : "disabled");
  }
  fflush (stdout);

  return TRUE;
}

/* The conversions the card lists, as their rows show them. */
static guint
print_conversions (SelfTest   *test,
                   const char *key)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint shown = 0;

  collect_named (GTK_WIDGET (test->window), "conversion-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];

      if (!gtk_widget_get_mapped (row))
        continue;
      g_print ("%s-row: %s\n", key, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      shown++;
    }
  g_print ("%s: %u\n", key, shown);
  fflush (stdout);

  return shown;
}

/* Fills the form as a user would: picks the type named @type_name, types
 * the amount and a value in each of the type's own fields, and clicks the
 * button. */
static void
start_recording (SelfTest   *test,
                 const char *type_name)
{
  GtkWidget *record = find_named (GTK_WIDGET (test->window), "record-conversion-button");
  GtkWidget *type_row = find_named (GTK_WIDGET (test->window), "conversion-type-row");
  GtkWidget *amount_row = find_named (GTK_WIDGET (test->window), "conversion-amount-row");
  GtkWidget *save = find_named (GTK_WIDGET (test->window), "record-conversion-save");
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GListModel *types;
  guint chosen = GTK_INVALID_LIST_POSITION;

  print_conversions (test, "conversions");

  if (!GTK_IS_BUTTON (record) || !gtk_widget_get_sensitive (record))
    {
      fail (test, "the button to record a conversion is missing or disabled");
      return;
    }
  g_signal_emit_by_name (record, "clicked");

  types = ADW_IS_COMBO_ROW (type_row) ? adw_combo_row_get_model (ADW_COMBO_ROW (type_row)) : NULL;
  for (guint i = 0; types != NULL && i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(NexorConversionType) type = g_list_model_get_item (types, i);

      if (g_strcmp0 (nexor_conversion_type_get_name (type), type_name) == 0)
        chosen = i;
    }
  if (chosen == GTK_INVALID_LIST_POSITION || !gtk_widget_get_mapped (type_row))
    {
      fail (test, "the type picker does not offer “%s”", type_name);
      return;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), chosen);
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "85000");

  collect_named (GTK_WIDGET (test->window), "conversion-field-row", fields);
  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *row = fields->pdata[i];
      const char *kind = g_object_get_data (G_OBJECT (row), "field-type");

      g_print ("conversion-field: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      gtk_editable_set_text (GTK_EDITABLE (row), g_strcmp0 (kind, "number") == 0 ? "2550" : "Self-test unit");
    }

  if (!gtk_widget_get_sensitive (save))
    {
      fail (test, "the form does not let the conversion be recorded");
      return;
    }
  test->stage = STAGE_RECORDING;
  g_signal_emit_by_name (save, "clicked");
  check_stage (test);
}

/* Screenshot */

static gboolean
save_screenshot (GtkWidget   *widget,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window has nothing to render");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}


/* Actions from the lead card */

static void run_next_action (SelfTest *test);

/* The texts of the labels a history row shows, in order. */
static void
append_shown_labels (GtkWidget *widget,
                     GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        g_string_append_printf (text, "%s%s", text->len > 0 ? " | " : "", gtk_label_get_text (GTK_LABEL (child)));
      append_shown_labels (child, text);
    }
}

static char *
row_text (GtkWidget *row)
{
  GString *text = g_string_new (NULL);

  append_shown_labels (row, text);
  return g_string_free (text, FALSE);
}

/* The history rows on screen, found by type (the list view's own
 * children hold them); NULL until the newest entry is among them (the
 * card scrolls there after an action). */
static GPtrArray *
shown_history_rows (SelfTest *test)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *model = history_model (test);
  g_autoptr(GObject) last = NULL;
  GtkWidget *view = find_named (GTK_WIDGET (test->window), "history-view");
  gboolean last_shown = FALSE;
  graphene_rect_t bounds;

  if (model == NULL || g_list_model_get_n_items (model) == 0 || view == NULL)
    return NULL;
  last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (!LEAD_DESK_IS_HISTORY_ROW (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (row, view, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= gtk_widget_get_height (view))
        continue;
      g_ptr_array_add (rows, row);
      if ((GObject *) lead_desk_history_row_get_item (LEAD_DESK_HISTORY_ROW (row)) == last)
        last_shown = TRUE;
    }

  return last_shown ? g_steal_pointer (&rows) : NULL;
}

static void
print_after_action (SelfTest   *test,
                    GPtrArray  *rows,
                    const char *action)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  GListModel *model = history_model (test);
  guint calls = 0;

  g_print ("action: %s\n", action);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = row_text (g_ptr_array_index (rows, i));

      g_print ("history-shown: %s\n", text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NexorHistoryItem) item = g_list_model_get_item (model, i);

      if (nexor_history_item_get_item_type (item) == NEXOR_HISTORY_ITEM_TYPE_CALL)
        calls++;
    }
  g_print ("history-items: %u\n", g_list_model_get_n_items (model));
  g_print ("history-calls: %u\n", calls);

  collect_named (GTK_WIDGET (test->window), "meeting-row", meetings);
  for (guint i = 0; i < meetings->len; i++)
    g_print ("meeting: %s | %s\n",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (meetings, i))),
             (const char *) g_object_get_data (G_OBJECT (g_ptr_array_index (meetings, i)), "meeting-status"));
  fflush (stdout);
}

static AdwMessageDialog *
find_dialog (SelfTest   *test,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (test->toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (test->toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window) &&
          g_strcmp0 (gtk_widget_get_name (window), name) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Answers the dialog a click opened, as a click on @response does. */
static gboolean
answer (SelfTest   *test,
        const char *name,
        const char *response,
        const char *first_row,
        const char *first_text,
        const char *second_row,
        const char *second_text)
{
  AdwMessageDialog *dialog = find_dialog (test, name);
  GtkWidget *row;

  if (dialog == NULL)
    {
      fail (test, "no %s was shown", name);
      return FALSE;
    }
  g_print ("dialog: %s\n", adw_message_dialog_get_heading (dialog));
  {
    g_autofree char *body = g_strdup (adw_message_dialog_get_body (dialog));

    g_print ("dialog-body: %s\n", g_strdelimit (body, "\n", ' '));
  }
  if (first_row != NULL && (row = find_named (GTK_WIDGET (dialog), first_row)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), first_text);
  if (second_row != NULL && (row = find_named (GTK_WIDGET (dialog), second_row)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), second_text);

  test->stage = STAGE_ACTING;
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
click (SelfTest   *test,
       const char *name)
{
  GtkWidget *button = find_named (GTK_WIDGET (test->window), name);

  if (!GTK_IS_BUTTON (button) || !gtk_widget_is_sensitive (button) || !gtk_widget_get_mapped (button))
    {
      fail (test, "the button %s is missing, hidden or disabled", name);
      return FALSE;
    }
  g_signal_emit_by_name (button, "clicked");
  return TRUE;
}

static gboolean
type_in (SelfTest   *test,
         const char *name,
         const char *text)
{
  GtkWidget *widget = find_named (GTK_WIDGET (test->window), name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    {
      fail (test, "there is no %s to type in", name);
      return FALSE;
    }
  return TRUE;
}

static void
show_channel (SelfTest   *test,
              const char *page)
{
  GtkWidget *stack = find_named (GTK_WIDGET (test->window), "outreach-stack");

  /* What a click on the channel's tab does. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), page);
}

static void
print_whatsapp_window (SelfTest *test)
{
  GtkWidget *label = find_named (GTK_WIDGET (test->window), "whatsapp-window");
  GtkWidget *toggle = find_named (GTK_WIDGET (test->window), "whatsapp-template-switch");

  g_print ("whatsapp-window: %s\n", gtk_label_get_text (GTK_LABEL (label)));
  g_print ("whatsapp-free-text: %s\n",
           gtk_widget_is_sensitive (toggle) ? "allowed" : "not allowed");
}

static gboolean
whatsapp_template (SelfTest   *test,
                   const char *name)
{
  GtkWidget *picker = find_named (GTK_WIDGET (test->window), "whatsapp-template-row");
  GtkWidget *toggle = find_named (GTK_WIDGET (test->window), "whatsapp-template-switch");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *templates;
  guint chosen = GTK_INVALID_LIST_POSITION;

  show_channel (test, "whatsapp");
  print_whatsapp_window (test);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  templates = adw_combo_row_get_model (ADW_COMBO_ROW (picker));
  for (guint i = 0; templates != NULL && i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(NexorTemplate) template = g_list_model_get_item (templates, i);

      g_print ("template-offered: %s\n", nexor_template_get_name (template));
      if (g_strcmp0 (nexor_template_get_name (template), name) == 0)
        chosen = i;
    }
  if (chosen == GTK_INVALID_LIST_POSITION || !gtk_widget_get_mapped (picker))
    {
      fail (test, "the template picker does not offer “%s”", name);
      return FALSE;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (picker), chosen);

  collect_named (GTK_WIDGET (test->window), "template-variable-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *value = g_strdup_printf ("%s-%s", test->tag,
                                                (const char *) g_object_get_data (G_OBJECT (row), "variable-name"));

      g_print ("template-variable: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      gtk_editable_set_text (GTK_EDITABLE (row), value);
    }
  g_print ("whatsapp-preview: %s\n",
           gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (test->window), "whatsapp-preview"))));

  return click (test, "outreach-send") &&
         answer (test, "confirm-send-dialog", "send", NULL, NULL, NULL, NULL);
}

static GtkWidget *
find_meeting_row (SelfTest   *test,
                  const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (GTK_WIDGET (test->window), "meeting-row", rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, i))), title) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static gboolean
meeting_outcome (SelfTest   *test,
                 const char *action,
                 const char *key)
{
  g_autofree char *title = g_strdup_printf ("Self-test meeting %s %s", test->tag, key);
  g_autofree char *notes = g_strdup_printf ("Outcome %s %s", test->tag, key);
  g_autofree char *attached = g_strdup_printf ("Notes %s %s", test->tag, key);
  g_autofree char *reason = g_strdup_printf ("Reason %s %s", test->tag, key);
  g_autofree char *action_name = g_strconcat ("meetings.", action, NULL);
  GtkWidget *row = find_meeting_row (test, title);

  if (row == NULL)
    {
      fail (test, "the meeting “%s” is not listed", title);
      return FALSE;
    }
  /* What the row's menu item does. */
  if (!gtk_widget_activate_action (row, action_name, "s", g_object_get_data (G_OBJECT (row), "meeting-id")))
    {
      fail (test, "the meeting “%s” offers no %s", title, action);
      return FALSE;
    }
  if (g_str_equal (action, "complete"))
    return answer (test, "meeting-outcome-dialog", "confirm", "outcome-notes-row", notes,
                   "meeting-notes-row", attached);
  return answer (test, "meeting-outcome-dialog", "confirm", "outcome-reason-row", reason,
                 "outcome-notes-row", notes);
}

static void
on_pause_line_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SelfTest *test = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  run_next_action (test);
}

/* "pause": the test changes the server (queues a fault) while the window
 * waits, idle, for a line on standard input. */
static void
pause_for_test (SelfTest *test)
{
  test->stage = STAGE_WAITING_FOR_TEST;
  g_print ("waiting\n");
  fflush (stdout);

  if (test->input == NULL)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

      test->input = g_data_input_stream_new (in);
    }
  g_data_input_stream_read_line_async (test->input, G_PRIORITY_DEFAULT, test->cancellable,
                                       on_pause_line_read, test);
}

/* An action ending in "!" is expected to fail, as the card shows it. */
static gboolean
expects_failure (const char *action)
{
  return g_str_has_suffix (action, "!");
}

static gboolean
do_action (SelfTest   *test,
           const char *full_action)
{
  g_autofree char *action = g_strdup (full_action);
  g_auto(GStrv) parts = NULL;
  const char *name;
  const char *argument;
  g_autofree char *text = NULL;

  if (expects_failure (action))
    action[strlen (action) - 1] = '\0';
  parts = g_strsplit (action, "=", 2);
  name = parts[0];
  argument = parts[1] != NULL ? parts[1] : "";

  if (g_str_equal (name, "whatsapp-text"))
    {
      GtkWidget *toggle = find_named (GTK_WIDGET (test->window), "whatsapp-template-switch");

      show_channel (test, "whatsapp");
      print_whatsapp_window (test);
      gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
      text = g_strdup_printf ("Self-test WhatsApp %s", test->tag);
      return type_in (test, "whatsapp-text", text) && click (test, "outreach-send") &&
             answer (test, "confirm-send-dialog", "send", NULL, NULL, NULL, NULL);
    }
  if (g_str_equal (name, "whatsapp-template"))
    return whatsapp_template (test, argument);
  if (g_str_equal (name, "email"))
    {
      g_autofree char *subject = g_strdup_printf ("Self-test email %s", test->tag);

      show_channel (test, "email");
      text = g_strdup_printf ("Hello from the self-test %s", test->tag);
      return type_in (test, "email-subject-row", subject) && type_in (test, "email-text", text) &&
             click (test, "outreach-send") &&
             answer (test, "confirm-send-dialog", "send", NULL, NULL, NULL, NULL);
    }
  if (g_str_equal (name, "call"))
    {
      show_channel (test, "call");
      text = g_strdup_printf ("Self-test call %s", test->tag);
      return type_in (test, "call-greeting-row", text) && click (test, "outreach-send") &&
             answer (test, "confirm-send-dialog", "send", NULL, NULL, NULL, NULL);
    }
  if (g_str_equal (name, "book"))
    {
      text = g_strdup_printf ("Self-test meeting %s %s", test->tag, argument);
      if (!click (test, "book-meeting-button") || !type_in (test, "meeting-title-row", text))
        return FALSE;
      test->stage = STAGE_ACTING;
      return click (test, "book-meeting-save");
    }
  if (g_str_equal (name, "complete") || g_str_equal (name, "cancel") || g_str_equal (name, "no-show"))
    return meeting_outcome (test, name, argument);

  fail (test, "unknown action “%s”", action);
  return FALSE;
}

static void
settle (gpointer user_data)
{
  SelfTest *test = user_data;

  test->check_id = 0;
  check_stage (test);
}

/* The action is done: its result is shown without an error, and the
 * history is at its end. */
static void
action_settled (SelfTest *test)
{
  const char *action = test->actions[test->next_action - 1];
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *result = find_named (GTK_WIDGET (test->window),
                                  g_str_has_prefix (action, "whatsapp") || g_str_has_prefix (action, "email") ||
                                  g_str_has_prefix (action, "call") ? "outreach-result" : "meetings-result");

  if (GTK_IS_LABEL (result) && gtk_widget_has_css_class (result, "error") != expects_failure (action))
    {
      fail (test, "%s %s: %s", action, expects_failure (action) ? "did not fail" : "failed",
            gtk_label_get_text (GTK_LABEL (result)));
      return;
    }

  rows = shown_history_rows (test);
  if (rows == NULL)
    {
      if (++test->settle_tries > 100)
        {
          fail (test, "after %s the history view does not show its newest entry", action);
          return;
        }
      test->check_id = g_timeout_add_once (50, settle, test);
      return;
    }

  print_after_action (test, rows, action);
  if (GTK_IS_LABEL (result))
    g_print ("action-result: %s\n", gtk_label_get_text (GTK_LABEL (result)));
  run_next_action (test);
}

static void
on_after_last_action_paint (GdkFrameClock *clock,
                            SelfTest      *test)
{
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_after_last_action_paint, test);
  if (!save_screenshot (GTK_WIDGET (test->window), test->screenshot_path, &error))
    {
      fail (test, "screenshot: %s", error->message);
      return;
    }
  g_print ("screenshot: %s\n", test->screenshot_path);
  finish (test, 0);
}

static void
run_next_action (SelfTest *test)
{
  const char *action;

  if (test->actions == NULL || test->actions[test->next_action] == NULL)
    {
      g_print ("actions: done\n");
      if (test->screenshot_path != NULL)
        {
          GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (test->window));

          /* The window after the last action, once it is drawn. */
          g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_last_action_paint), test);
          gtk_widget_queue_draw (GTK_WIDGET (test->window));
          return;
        }
      finish (test, 0);
      return;
    }

  action = test->actions[test->next_action++];
  test->settle_tries = 0;
  /* Each action has the whole deadline: watching waits for the test. */
  g_clear_handle_id (&test->deadline_id, g_source_remove);
  test->deadline_id = g_timeout_add_seconds (DEADLINE_S, on_deadline, test);
  if (g_str_equal (action, "pause"))
    {
      pause_for_test (test);
      return;
    }
  if (g_str_equal (action, "watch"))
    {
      watch (test);
      return;
    }
  if (g_str_equal (action, "hide") || g_str_equal (action, "show"))
    {
      if (g_str_equal (action, "hide"))
        gtk_widget_set_visible (GTK_WIDGET (test->window), FALSE);
      else
        gtk_window_present (GTK_WINDOW (test->window));
      g_print ("window: %s\n", gtk_widget_get_mapped (GTK_WIDGET (test->window)) ? "shown" : "hidden");
      test->stage = STAGE_VISIBILITY;
      check_stage (test);
      return;
    }
  if (!do_action (test, action))
    return;
  test->stage = STAGE_ACTING;
  check_stage (test);
}

/* Changes made elsewhere */

static void
print_live (SelfTest *test)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = shown_history_rows (test);
  GListModel *history = history_model (test);
  GtkSwitch *toggle = takeover_switch (test);

  g_print ("live: update\n");
  g_print ("live-status: %s\n", shown_label (test, "lead-status") ? shown_label (test, "lead-status") : "");
  g_print ("live-takeover: %s\n", toggle != NULL && gtk_switch_get_state (toggle) ? "on" : "off");
  g_print ("live-history-items: %u\n", history != NULL ? g_list_model_get_n_items (history) : 0);
  /* A refresh that found nothing new leaves the list, and where the user
   * scrolled it, alone. */
  g_print ("live-history-replaced: %s\n", history != test->last_history ? "yes" : "no");
  test->last_history = history;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      g_autofree char *text = row_text (g_ptr_array_index (rows, i));

      g_print ("live-history-shown: %s\n", text);
    }
  collect_named (GTK_WIDGET (test->window), "meeting-row", meetings);
  g_print ("live-meetings-replaced: %s\n",
           (meetings->len > 0 ? meetings->pdata[0] : NULL) != test->last_meeting_row ? "yes" : "no");
  test->last_meeting_row = meetings->len > 0 ? meetings->pdata[0] : NULL;
  for (guint i = 0; i < meetings->len; i++)
    g_print ("live-meeting: %s | %s\n",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (meetings, i))),
             (const char *) g_object_get_data (G_OBJECT (g_ptr_array_index (meetings, i)), "meeting-status"));
  {
    GListModel *recent = lead_desk_settings_get_recent_leads (lead_desk_application_get_settings (test->application));

    for (guint i = 0; i < g_list_model_get_n_items (recent); i++)
      {
        g_autoptr(LeadDeskRecentLead) lead = g_list_model_get_item (recent, i);

        g_print ("live-recent: %s | %s\n", lead_desk_recent_lead_get_name (lead),
                 lead_desk_recent_lead_get_company (lead) ? lead_desk_recent_lead_get_company (lead) : "");
      }
  }
  g_print ("live-polling: %s\n", lead_desk_window_get_polling (test->window) ? "on" : "off");
  g_print ("live: end\n");
  fflush (stdout);
}

static void
on_notification_sent (SelfTest   *test,
                      const char *id,
                      const char *title,
                      const char *body,
                      gboolean    sent)
{
  g_autofree char *one_line = g_strdelimit (g_strdup (body), "\n", ' ');

  g_print ("notification: %s | %s | %s | %s\n", id, title, one_line,
           sent ? "sent" : "no session bus");
  fflush (stdout);
}

static void
on_watch_line_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SelfTest *test = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  run_next_action (test);
}

/* "watch": the window is left alone, as a user reading it would; what it
 * shows is printed whenever it settles, until the test has seen enough. */
static void
watch (SelfTest *test)
{
  test->stage = STAGE_WATCHING;
  g_print ("watching\n");
  print_live (test);

  if (test->input == NULL)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

      test->input = g_data_input_stream_new (in);
    }
  g_data_input_stream_read_line_async (test->input, G_PRIORITY_DEFAULT, test->cancellable,
                                       on_watch_line_read, test);
}

/* Stages */

static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SelfTest *test = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GtkSwitch *toggle;

  line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* EOF or a line: either way the test is done looking. */
  toggle = takeover_switch (test);
  test->stage = STAGE_HANDING_BACK;
  gtk_switch_set_active (toggle, FALSE);
  check_stage (test);
}

static void
wait_for_test (SelfTest *test)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

  test->stage = STAGE_WAITING_FOR_TEST;
  g_print ("waiting\n");
  fflush (stdout);

  test->input = g_data_input_stream_new (in);
  g_data_input_stream_read_line_async (test->input, G_PRIORITY_DEFAULT, test->cancellable,
                                       on_line_read, test);
}

static void
on_after_paint (GdkFrameClock *clock,
                SelfTest      *test)
{
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, test);

  if (!save_screenshot (GTK_WIDGET (test->window), test->screenshot_path, &error))
    {
      fail (test, "screenshot: %s", error->message);
      return;
    }

  g_print ("screenshot: %s\n", test->screenshot_path);
  wait_for_test (test);
}

static void
take_screenshot_then_wait (SelfTest *test)
{
  GdkFrameClock *clock;

  if (test->screenshot_path == NULL)
    {
      wait_for_test (test);
      return;
    }

  /* Render what the last frame showed, once everything has been laid out. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (test->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), test);
  gtk_widget_queue_draw (GTK_WIDGET (test->window));
}

static void
start_takeover (SelfTest *test)
{
  GtkSwitch *toggle = takeover_switch (test);

  if (gtk_switch_get_state (toggle))
    {
      fail (test, "the lead is already taken over: hand it back first");
      return;
    }
  if (!gtk_widget_is_sensitive (GTK_WIDGET (toggle)))
    {
      fail (test, "the takeover switch is disabled (the lead has no active workflow run)");
      return;
    }

  test->stage = STAGE_TAKING_OVER;
  gtk_switch_set_active (toggle, TRUE);  /* what a click does */
  check_stage (test);
}

/* The rows of the search results, as shown; opens the lead's row. */
static void
open_found_lead (SelfTest *test)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *status = find_named (GTK_WIDGET (test->window), "search-status");
  GtkWidget *wanted = NULL;

  collect_named (GTK_WIDGET (test->window), "search-result", rows);
  g_print ("search-status: %s\n", GTK_IS_LABEL (status) ? gtk_label_get_text (GTK_LABEL (status)) : "");
  g_print ("search-results: %u\n", rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *title = gtk_widget_get_first_child (box);
      GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
      const char *id = g_object_get_data (G_OBJECT (row), "lead-id");

      if (!gtk_widget_get_mapped (row))
        {
          fail (test, "search result %u is not shown", i);
          return;
        }
      g_print ("search-result: %s | %s | %s\n", gtk_label_get_text (GTK_LABEL (title)),
               gtk_label_get_text (GTK_LABEL (subtitle)), id);
      if (g_strcmp0 (id, test->lead_id) == 0)
        wanted = row;
    }

  if (wanted == NULL)
    {
      fail (test, "searching “%s” did not find the lead %s", test->search, test->lead_id);
      return;
    }

  test->stage = STAGE_LOADING;
  gtk_widget_activate (wanted);  /* what a click on the row does */
  if (g_strcmp0 (lead_desk_window_get_lead_id (test->window), test->lead_id) != 0)
    fail (test, "the search result's row did not open its lead");
}

/* --only-open: quit once a key typed in the dialog reached the keyring or
 * was refused by it, and say which. */
static void
finish_when_key_settled (SelfTest *test)
{
  const char *error;

  if (test->stage != STAGE_SAVING_KEY || lead_desk_application_get_saving_key (test->application))
    return;

  error = lead_desk_application_get_key_save_error (test->application);
  g_print ("key-save-error: %s\n", error != NULL ? error : "none");
  finish (test, 0);
}

static void
check_stage (SelfTest *test)
{
  const char *page = lead_desk_window_get_page (test->window);
  GtkSwitch *toggle;
  GListModel *history;

  if (lead_desk_window_get_busy (test->window))
    return;

  switch (test->stage)
    {
    case STAGE_SEARCHING:
      {
        const char *found_for = NULL;

        /* The search box waits for typing to pause before it searches. */
        if (lead_desk_window_get_found_leads (test->window, &found_for) == NULL ||
            g_strcmp0 (found_for, test->search) != 0)
          {
            g_clear_handle_id (&test->check_id, g_source_remove);
            test->check_id = g_timeout_add_once (100, run_check, test);
            return;
          }
        open_found_lead (test);
        return;
      }

    case STAGE_LOADING:
      if (g_strcmp0 (page, "error") == 0)
        {
          GtkWidget *error_page = find_named (GTK_WIDGET (test->window), "error-page");

          fail (test, "the lead did not load: %s: %s",
                adw_status_page_get_title (ADW_STATUS_PAGE (error_page)),
                adw_status_page_get_description (ADW_STATUS_PAGE (error_page)));
          return;
        }
      if (g_strcmp0 (page, "lead") != 0)
        return;

      g_print ("page: %s\n", page);
      if (!print_card (test))
        return;
      if (test->only_open)
        {
          test->stage = STAGE_SAVING_KEY;
          finish_when_key_settled (test);
          return;
        }
      if (test->actions != NULL)
        {
          run_next_action (test);
          return;
        }

      /* Scroll the timeline to its end, as a user would, when there is more. */
      history = history_model (test);
      test->history_before = history ? g_list_model_get_n_items (history) : 0;
      test->stage = STAGE_MORE_HISTORY;
      if (history != NULL && test->history_before > 0)
        {
          GtkWidget *view = find_named (GTK_WIDGET (test->window), "history-view");
          GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        }
      /* A scroll that fetches makes the window busy; give it a frame to start. */
      g_clear_handle_id (&test->check_id, g_source_remove);
      test->check_id = g_timeout_add_once (200, run_check, test);
      return;

    case STAGE_MORE_HISTORY:
      history = history_model (test);
      g_print ("history-items-after-scroll: %u\n", history ? g_list_model_get_n_items (history) : 0);
      start_recording (test, "Reserva");
      return;

    case STAGE_RECORDING:
      if (gtk_widget_get_visible (find_named (GTK_WIDGET (test->window), "record-conversion-group")))
        {
          fail (test, "the conversion was not recorded: the form is still open");
          return;
        }
      print_conversions (test, "conversions-after-record");
      start_takeover (test);
      return;

    case STAGE_TAKING_OVER:
      toggle = takeover_switch (test);
      if (!gtk_switch_get_state (toggle))
        {
          fail (test, "the takeover did not happen: %s", takeover_subtitle (test));
          return;
        }
      g_print ("takeover: on\n");
      g_print ("takeover-result: %s\n", takeover_subtitle (test));
      g_print ("status-after-takeover: %s\n", shown_label (test, "lead-status"));
      take_screenshot_then_wait (test);
      return;

    case STAGE_HANDING_BACK:
      toggle = takeover_switch (test);
      if (gtk_switch_get_state (toggle))
        {
          fail (test, "the hand-back did not happen: %s", takeover_subtitle (test));
          return;
        }
      g_print ("takeover: off\n");
      g_print ("takeover-result: %s\n", takeover_subtitle (test));
      finish (test, 0);
      return;

    case STAGE_ACTING:
      /* Busy went off once the call came back, and the card's reload of
       * the history with it: now look. */
      test->stage = STAGE_SETTLING;
      action_settled (test);
      return;

    case STAGE_SETTLING:
      action_settled (test);
      return;

    case STAGE_WATCHING:
      /* The window refreshed by itself: it is alive, whatever the test
       * takes to change the lead next. */
      g_clear_handle_id (&test->deadline_id, g_source_remove);
      test->deadline_id = g_timeout_add_seconds (DEADLINE_S, on_deadline, test);
      print_live (test);
      return;

    case STAGE_VISIBILITY:
      /* Nothing in flight any more: whatever reaches the server from now
       * on was asked for while the window was as it is now. */
      g_print ("polling: %s\n", lead_desk_window_get_polling (test->window) ? "on" : "off");
      fflush (stdout);
      run_next_action (test);
      return;

    case STAGE_WAITING_FOR_TEST:
    case STAGE_DONE:
    default:
      return;
    }
}

/* The connection dialog answered as a user would: the key typed in its
 * row, then Connect. */
static void
answer_dialog (gpointer user_data)
{
  SelfTest *test = user_data;
  const char *key = g_getenv ("LEAD_DESK_SELF_TEST_KEY");

  test->dialog_id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (test->toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (test->toplevels, i);
      GtkWidget *key_row;

      if (!LEAD_DESK_IS_CONNECTION_DIALOG (window) || !gtk_widget_get_visible (window))
        continue;

      g_print ("connection-dialog: shown\n");
      if (key == NULL || *key == '\0')
        {
          fail (test, "the app asked for the API key");
          return;
        }

      key_row = find_named (window, "api-key-row");
      if (!GTK_IS_EDITABLE (key_row))
        {
          fail (test, "the connection dialog has no key row");
          return;
        }
      gtk_editable_set_text (GTK_EDITABLE (key_row), key);
      if (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (window), "connect"))
        {
          fail (test, "the connection dialog cannot connect with the key typed");
          return;
        }
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), "connect");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      SelfTest   *test)
{
  /* Answered after this emission: the answer closes a toplevel. */
  if (added > 0 && test->dialog_id == 0)
    test->dialog_id = g_idle_add_once (answer_dialog, test);
}

static void
on_busy_changed (SelfTest *test)
{
  /* Look once the current signal emission is over: "not busy" is briefly
   * true between the lead arriving and the card starting its own calls. */
  if (test->check_id != 0)
    return;
  test->check_id = g_idle_add_once (run_check, test);
}

static gboolean
on_deadline (gpointer user_data)
{
  SelfTest *test = user_data;

  test->deadline_id = 0;
  fail (test, "nothing happened for %d s (stage %d, page %s)", DEADLINE_S, test->stage,
        lead_desk_window_get_page (test->window));

  return G_SOURCE_REMOVE;
}

/**
 * lead_desk_self_test_start:
 * @lead_id: (nullable): the lead to open, by default the API documentation's
 *   example lead, which the emulator serves
 * @search: (nullable): a text to find the lead with in the search box
 * @only_open: quit once the lead is shown
 * @screenshot_path: (nullable): where to save a PNG of the window
 * @actions: (nullable): what to do from the lead card instead of the takeover
 * @tag: (nullable): a word to put in every text the actions write
 *
 * Runs the self-test in @window; it ends the application when done.
 */
void
lead_desk_self_test_start (LeadDeskApplication *application,
                           LeadDeskWindow      *window,
                           const char          *lead_id,
                           const char          *search,
                           gboolean             only_open,
                           const char          *screenshot_path,
                           const char * const  *actions,
                           const char          *tag)
{
  SelfTest *test = g_new0 (SelfTest, 1);

  test->application = g_object_ref (application);
  test->window = g_object_ref (window);
  test->lead_id = g_strdup (lead_id != NULL ? lead_id : SEED_LEAD_ID);
  test->search = g_strdup (search);
  test->only_open = only_open;
  test->screenshot_path = g_strdup (screenshot_path);
  test->actions = g_strdupv ((char **) actions);
  test->tag = g_strdup (tag != NULL ? tag : "self-test");
  test->cancellable = g_cancellable_new ();
  test->stage = search != NULL ? STAGE_SEARCHING : STAGE_LOADING;
  test->deadline_id = g_timeout_add_seconds (DEADLINE_S, on_deadline, test);

  g_signal_connect_swapped (window, "notify::busy", G_CALLBACK (on_busy_changed), test);
  g_signal_connect_swapped (application, "notify::saving-key", G_CALLBACK (finish_when_key_settled), test);
  g_signal_connect_swapped (application, "notification-sent", G_CALLBACK (on_notification_sent), test);
  test->toplevels = gtk_window_get_toplevels ();
  g_signal_connect (test->toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), test);
  if (search != NULL)
    {
      GtkWidget *entry = find_named (GTK_WIDGET (window), "lead-search");

      if (!GTK_IS_EDITABLE (entry))
        {
          fail (test, "the window has no search box");
          return;
        }
      gtk_editable_set_text (GTK_EDITABLE (entry), search);  /* what typing does */
      /* A lead's id pasted in the box is opened with Enter, not searched. */
      if (g_strcmp0 (search, test->lead_id) == 0)
        {
          test->stage = STAGE_LOADING;
          /* What Enter does: its key binding activates the box's text,
           * which the box passes on as its own "activate". */
          g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
          if (g_strcmp0 (lead_desk_window_get_lead_id (window), test->lead_id) != 0)
            fail (test, "Enter on a pasted id did not open its lead");
          return;
        }
      check_stage (test);
      return;
    }
  lead_desk_window_open_lead (window, test->lead_id);
}
