/* lead-desk-conversions.c: a lead's conversions, and the form that records one
 *
 * The list is the library's NexorConversionList for the lead, bound to a
 * GtkListBox as it is: rows appear as its pages arrive. The form's type
 * picker is an AdwComboRow over the account's conversion types, and the
 * chosen type's custom fields become entry rows of their own, whose values
 * go into the conversion's metadata under the fields' keys.
 *
 * Every call uses the cancellable the card gives for its lead, so showing
 * another lead cancels whatever this one still had in flight.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "lead-desk-conversions.h"

/* The form's fixed rows before the type's own fields: type, amount, currency. */
#define FIRST_FIELD_ROW 3

struct _LeadDeskConversions
{
  GtkWidget parent_instance;

  NexorClient *client;
  char *lead_id;
  GCancellable *cancellable;
  NexorConversionList *conversions;
  GListModel *types;
  GPtrArray *field_rows;  /* AdwEntryRow of the selected type's fields */

  guint list_pending : 1;
  guint list_loading : 1;
  guint types_pending : 1;
  guint record_pending : 1;

  AdwPreferencesGroup *list_group;
  GtkSpinner *spinner;
  GtkButton *record_button;
  GtkListBox *conversions_list;
  AdwPreferencesGroup *form_group;
  GtkListBox *form_list;
  AdwComboRow *type_row;
  AdwEntryRow *amount_row;
  AdwEntryRow *currency_row;
  AdwEntryRow *notes_row;
  GtkButton *save_button;
};

G_DEFINE_FINAL_TYPE (LeadDeskConversions, lead_desk_conversions, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_list (LeadDeskConversions *self);

gboolean
lead_desk_conversions_get_busy (LeadDeskConversions *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_CONVERSIONS (self), FALSE);

  return self->list_pending || self->list_loading || self->types_pending || self->record_pending;
}

/* Every change of a pending flag goes through here so that "busy" is
 * notified exactly when it changes. */
#define SET_PENDING(self, flag, value) \
  G_STMT_START { \
    gboolean was_busy = lead_desk_conversions_get_busy (self); \
    (self)->flag = (value); \
    gtk_spinner_set_spinning ((self)->spinner, lead_desk_conversions_get_busy (self)); \
    if (was_busy != lead_desk_conversions_get_busy (self)) \
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]); \
  } G_STMT_END

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

/* A number as people type it: "85000", "1500.50" or "1500,50". FALSE for
 * anything else, so that a typo is never sent as another amount. */
static gboolean
parse_number (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  char *comma;

  if (copy[0] == '\0' || (strchr (copy, '.') != NULL && strchr (copy, ',') != NULL))
    return FALSE;
  comma = strchr (copy, ',');
  if (comma != NULL)
    *comma = '.';

  *out = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*out);
}

static char *
format_amount (double      amount,
               const char *currency)
{
  /* TRANSLATORS: an amount of money in the locale's digits, and its ISO 4217 currency code */
  return g_strdup_printf (_("%'.2f %s"), amount, currency != NULL ? currency : "");
}

static GtkWidget *
create_conversion_row (gpointer item,
                       gpointer user_data)
{
  NexorConversion *conversion = item;
  NexorConversionType *type = nexor_conversion_get_conversion_type (conversion);
  GDateTime *converted_at = nexor_conversion_get_converted_at (conversion);
  const char *notes = nexor_conversion_get_notes (conversion);
  g_autofree char *amount = format_amount (nexor_conversion_get_amount (conversion),
                                           nexor_conversion_get_currency (conversion));
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, "conversion-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (type != NULL && nexor_conversion_type_get_name (type) != NULL)
    /* TRANSLATORS: a conversion's type and its amount */
    title = g_strdup_printf (_("%s — %s"), nexor_conversion_type_get_name (type), amount);
  else
    title = g_strdup (amount);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (converted_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (converted_at);

      /* TRANSLATORS: when a conversion happened, a g_date_time_format()
       * format, not a printf one.
       * xgettext:no-c-format */
      when = g_date_time_format (local, _("%-d %b %Y"));
    }
  if (when != NULL && notes != NULL && notes[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", when, notes);
  else
    subtitle = g_strdup (when != NULL ? when : notes);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* The list */

static void
update_list_description (LeadDeskConversions *self)
{
  gint64 total = self->conversions != NULL ? nexor_conversion_list_get_total (self->conversions) : -1;
  g_autofree char *text = NULL;

  if (total > 0)
    text = g_strdup_printf (ngettext ("%'u conversion", "%'u conversions", (gulong) total),
                            (guint) MIN (total, G_MAXUINT));
  adw_preferences_group_set_description (self->list_group, text);
}

static void
on_list_loading_changed (LeadDeskConversions *self)
{
  /* A page fetched because the list box asked for the last rows keeps the
   * card busy too. */
  SET_PENDING (self, list_loading, nexor_conversion_list_get_loading (self->conversions));
}

static void
on_list_error_changed (LeadDeskConversions *self)
{
  const GError *error = nexor_conversion_list_get_error (self->conversions);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not load more conversions"), error);
}

static void
stop_list (LeadDeskConversions *self)
{
  if (self->conversions != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conversions, self);
      nexor_conversion_list_cancel (self->conversions);
    }
  gtk_list_box_bind_model (self->conversions_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->conversions);
  adw_preferences_group_set_description (self->list_group, NULL);
  SET_PENDING (self, list_loading, FALSE);
  SET_PENDING (self, list_pending, FALSE);
}

static void
on_list_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LeadDeskConversions) self = user_data;
  g_autoptr(NexorConversionList) conversions = NULL;
  g_autoptr(GError) error = NULL;

  conversions = nexor_client_list_conversions_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another lead is shown by now */

  SET_PENDING (self, list_pending, FALSE);
  if (conversions == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The conversions could not be loaded: %s"), error->message);

      gtk_list_box_set_placeholder (self->conversions_list, placeholder_label (text));
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not load the conversions"), error);
      return;
    }

  self->conversions = g_steal_pointer (&conversions);
  gtk_list_box_set_placeholder (self->conversions_list, placeholder_label (_("No conversions yet")));
  gtk_list_box_bind_model (self->conversions_list, G_LIST_MODEL (self->conversions),
                           create_conversion_row, NULL, NULL);
  g_signal_connect_swapped (self->conversions, "notify::total",
                            G_CALLBACK (update_list_description), self);
  g_signal_connect_swapped (self->conversions, "notify::loading",
                            G_CALLBACK (on_list_loading_changed), self);
  g_signal_connect_swapped (self->conversions, "notify::error",
                            G_CALLBACK (on_list_error_changed), self);
  update_list_description (self);
  on_list_loading_changed (self);
}

static void
start_list (LeadDeskConversions *self)
{
  g_autoptr(NexorConversionQuery) query = nexor_conversion_query_new ();

  stop_list (self);
  gtk_list_box_set_placeholder (self->conversions_list, placeholder_label (_("Loading…")));
  SET_PENDING (self, list_pending, TRUE);

  nexor_conversion_query_set_lead_id (query, self->lead_id);
  nexor_client_list_conversions_async (self->client, query, self->cancellable, on_list_ready,
                                       g_object_ref (self));
}

/* The form */

static NexorConversionType *
selected_type (LeadDeskConversions *self)
{
  gpointer item = adw_combo_row_get_selected_item (self->type_row);

  return NEXOR_IS_CONVERSION_TYPE (item) ? item : NULL;
}

static gboolean
field_is_number (AdwEntryRow *row)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (row), "field-type"), "number") == 0;
}

/* Marks a row whose text cannot be sent; TRUE if it can. */
static gboolean
check_number_row (AdwEntryRow *row,
                  gboolean     required)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  double value;
  gboolean empty = text == NULL || text[0] == '\0';
  gboolean ok = empty ? !required : parse_number (text, &value);

  if (ok || empty)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");

  return ok;
}

static void
on_form_changed (LeadDeskConversions *self)
{
  gboolean ok = selected_type (self) != NULL && !self->record_pending;

  ok = check_number_row (self->amount_row, TRUE) && ok;
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->field_rows, i);

      if (field_is_number (row))
        ok = check_number_row (row, FALSE) && ok;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
}

static void
clear_field_rows (LeadDeskConversions *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    gtk_list_box_remove (self->form_list, g_ptr_array_index (self->field_rows, i));
  g_ptr_array_set_size (self->field_rows, 0);
}

/* The chosen type's custom fields become rows of the form. */
static void
on_type_selected (LeadDeskConversions *self)
{
  NexorConversionType *type = selected_type (self);
  GListModel *fields;

  clear_field_rows (self);
  if (type == NULL)
    {
      on_form_changed (self);
      return;
    }

  fields = nexor_conversion_type_get_fields (type);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(NexorConversionField) field = g_list_model_get_item (fields, i);
      const char *label = nexor_conversion_field_get_label (field);
      GtkWidget *row = adw_entry_row_new ();

      gtk_widget_set_name (row, "conversion-field-row");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     label != NULL ? label : nexor_conversion_field_get_key (field));
      g_object_set_data_full (G_OBJECT (row), "field-key",
                              g_strdup (nexor_conversion_field_get_key (field)), g_free);
      g_object_set_data_full (G_OBJECT (row), "field-type",
                              g_strdup (nexor_conversion_field_get_field_type (field)), g_free);
      if (field_is_number (ADW_ENTRY_ROW (row)))
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_form_changed), self);

      gtk_list_box_insert (self->form_list, row, FIRST_FIELD_ROW + i);
      g_ptr_array_add (self->field_rows, row);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                         nexor_conversion_type_get_currency (type) != NULL
                         ? nexor_conversion_type_get_currency (type) : "");
  on_form_changed (self);
}

static void
reset_form (LeadDeskConversions *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), "");
  for (guint i = 0; i < self->field_rows->len; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->field_rows, i)), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  on_form_changed (self);
}

static void
on_types_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LeadDeskConversions) self = user_data;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GError) error = NULL;

  types = nexor_client_list_conversion_types_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  SET_PENDING (self, types_pending, FALSE);
  if (types == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), FALSE);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not load the conversion types"), error);
      return;
    }

  g_set_object (&self->types, types);
  adw_combo_row_set_model (self->type_row, self->types);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), g_list_model_get_n_items (types) > 0);
  on_type_selected (self);
}

static void
on_record_clicked (LeadDeskConversions *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
}

static void
on_cancel_clicked (LeadDeskConversions *self)
{
  reset_form (self);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), FALSE);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LeadDeskConversions) self = user_data;
  g_autoptr(NexorConversion) conversion = NULL;
  g_autoptr(GError) error = NULL;

  conversion = nexor_client_create_conversion_finish (NEXOR_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  SET_PENDING (self, record_pending, FALSE);
  if (conversion == NULL)
    {
      /* The form keeps what was typed; an unknown outcome gets the
       * window's "check" remedy, never a silent second try. */
      on_form_changed (self);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, _("Could not record the conversion"), error);
      return;
    }

  reset_form (self);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), FALSE);
  start_list (self);
}

static void
on_save_clicked (LeadDeskConversions *self)
{
  NexorConversionType *type = selected_type (self);
  g_autoptr(NexorConversionInput) input = NULL;
  g_autoptr(JsonObject) metadata = json_object_new ();
  const char *currency = gtk_editable_get_text (GTK_EDITABLE (self->currency_row));
  const char *notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  double amount;

  if (type == NULL || self->client == NULL || self->record_pending ||
      !parse_number (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount))
    return;

  for (guint i = 0; i < self->field_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->field_rows, i);
      const char *key = g_object_get_data (G_OBJECT (row), "field-key");
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      double number;

      if (text == NULL || text[0] == '\0')
        continue;
      if (field_is_number (row))
        {
          if (!parse_number (text, &number))
            return;
          json_object_set_double_member (metadata, key, number);
        }
      else
        json_object_set_string_member (metadata, key, text);
    }

  input = nexor_conversion_input_new ();
  nexor_conversion_input_set_conversion_type_id (input, nexor_conversion_type_get_id (type));
  nexor_conversion_input_set_lead_id (input, self->lead_id);
  nexor_conversion_input_set_amount (input, amount);
  if (currency != NULL && currency[0] != '\0')
    nexor_conversion_input_set_currency (input, currency);
  if (notes != NULL && notes[0] != '\0')
    nexor_conversion_input_set_notes (input, notes);
  if (json_object_get_size (metadata) > 0)
    nexor_conversion_input_set_metadata (input, metadata);

  SET_PENDING (self, record_pending, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  nexor_client_create_conversion_async (self->client, input, self->cancellable, on_recorded,
                                        g_object_ref (self));
}

/* GObject */

static void
lead_desk_conversions_dispose (GObject *object)
{
  LeadDeskConversions *self = LEAD_DESK_CONVERSIONS (object);
  GtkWidget *child;

  if (self->conversions != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conversions, self);
      nexor_conversion_list_cancel (self->conversions);
      g_clear_object (&self->conversions);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LEAD_DESK_TYPE_CONVERSIONS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->types);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->lead_id, g_free);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lead_desk_conversions_parent_class)->dispose (object);
}

static void
lead_desk_conversions_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LeadDeskConversions *self = LEAD_DESK_CONVERSIONS (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, lead_desk_conversions_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_conversions_class_init (LeadDeskConversionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lead_desk_conversions_dispose;
  object_class->get_property = lead_desk_conversions_get_property;

  props[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * LeadDeskConversions::error:
   * @what_failed: a short title
   * @error: why
   *
   * A call failed; the card passes it on to the window.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ai/getnexor/LeadDesk/lead-desk-conversions.ui");
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, list_group);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, spinner);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, record_button);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, conversions_list);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, form_group);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, form_list);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, type_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, amount_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, currency_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConversions, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lead_desk_conversions_init (LeadDeskConversions *self)
{
  g_autoptr(GtkExpression) name = NULL;

  self->field_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The picker shows each type by its name. */
  name = gtk_property_expression_new (NEXOR_TYPE_CONVERSION_TYPE, NULL, "name");
  adw_combo_row_set_expression (self->type_row, name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), FALSE);
  gtk_list_box_set_placeholder (self->conversions_list, placeholder_label (_("No conversions yet")));
}

/**
 * lead_desk_conversions_clear:
 *
 * Forgets the lead. The card cancels the calls, through its cancellable.
 */
void
lead_desk_conversions_clear (LeadDeskConversions *self)
{
  g_return_if_fail (LEAD_DESK_IS_CONVERSIONS (self));

  stop_list (self);
  reset_form (self);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), FALSE);
  SET_PENDING (self, types_pending, FALSE);
  SET_PENDING (self, record_pending, FALSE);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->lead_id, g_free);
}

/**
 * lead_desk_conversions_set_lead:
 * @client: the client of the card
 * @lead_id: the lead whose conversions to show and record
 * @cancellable: the card's cancellable for this lead
 *
 * Shows the lead's conversions, and loads the conversion types for the form.
 */
void
lead_desk_conversions_set_lead (LeadDeskConversions *self,
                                NexorClient         *client,
                                const char          *lead_id,
                                GCancellable        *cancellable)
{
  g_return_if_fail (LEAD_DESK_IS_CONVERSIONS (self));
  g_return_if_fail (NEXOR_IS_CLIENT (client));
  g_return_if_fail (lead_id != NULL);

  lead_desk_conversions_clear (self);
  self->client = g_object_ref (client);
  self->lead_id = g_strdup (lead_id);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  start_list (self);
  SET_PENDING (self, types_pending, TRUE);
  nexor_client_list_conversion_types_async (self->client, self->cancellable, on_types_ready,
                                            g_object_ref (self));
}
