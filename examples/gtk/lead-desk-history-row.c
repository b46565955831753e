/* lead-desk-history-row.c: one entry of a lead's timeline
 *
 * A row of the history GtkListView. The list view recycles rows as it
 * scrolls, so everything shown is recomputed in set_item() and nothing
 * about a previous item may stay behind.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>
#include "lead-desk-history-row.h"

struct _LeadDeskHistoryRow
{
  GtkWidget parent_instance;

  NexorHistoryItem *item;

  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *time_label;
  GtkLabel *body_label;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (LeadDeskHistoryRow, lead_desk_history_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static const char *
channel_name (const char *channel)
{
  if (g_strcmp0 (channel, "whatsapp") == 0)
    return "WhatsApp";
  if (g_strcmp0 (channel, "email") == 0)
    return C_("channel", "Email");
  if (g_strcmp0 (channel, "call") == 0)
    return C_("channel", "Phone");
  if (g_strcmp0 (channel, "system") == 0)
    return "Nexor";
  return channel;
}

static char *
format_duration (int seconds)
{
  if (seconds < 60)
    /* TRANSLATORS: a call's duration in seconds */
    return g_strdup_printf (_("%d s"), seconds);
  /* TRANSLATORS: a call's duration in minutes and seconds */
  return g_strdup_printf (_("%d min %02d s"), seconds / 60, seconds % 60);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update (LeadDeskHistoryRow *self)
{
  NexorHistoryItem *item = self->item;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *time = NULL;
  const char *icon_name = "dialog-question-symbolic";
  const char *body = NULL;
  const char *channel;
  GDateTime *timestamp;

  if (item == NULL)
    {
      set_label (self->title_label, NULL);
      set_label (self->time_label, NULL);
      set_label (self->body_label, NULL);
      set_label (self->detail_label, NULL);
      return;
    }

  channel = channel_name (nexor_history_item_get_channel (item));

  switch (nexor_history_item_get_item_type (item))
    {
    case NEXOR_HISTORY_ITEM_TYPE_MESSAGE:
      {
        gboolean inbound = g_strcmp0 (nexor_history_item_get_direction (item), "inbound") == 0;

        icon_name = inbound ? "mail-unread-symbolic" : "mail-send-symbolic";
        /* Whole sentences, so that a translation can order its words. */
        if (channel != NULL)
          /* TRANSLATORS: %s is a channel: WhatsApp, Email, Phone… */
          title = g_strdup_printf (inbound ? _("%s message received") : _("%s message sent"), channel);
        else
          title = g_strdup (inbound ? _("Message received") : _("Message sent"));
        body = nexor_history_item_get_content (item);
        if (nexor_history_item_get_status (item) != NULL)
          detail = g_strdup_printf ("%s%s%s", nexor_history_item_get_status (item),
                                    nexor_history_item_get_reaction (item) ? " · " : "",
                                    nexor_history_item_get_reaction (item) ? nexor_history_item_get_reaction (item) : "");
      }
      break;

    case NEXOR_HISTORY_ITEM_TYPE_CALL:
      {
        g_autofree char *duration = format_duration (nexor_history_item_get_duration_seconds (item));

        icon_name = "call-start-symbolic";
        /* TRANSLATORS: %s is the call's duration */
        title = g_strdup_printf (_("Call, %s"), duration);
        body = nexor_history_item_get_summary (item);
        if (body == NULL)
          body = nexor_history_item_get_content (item);
        detail = g_strdup (nexor_history_item_get_call_successful (item)
                           ? _("successful") : nexor_history_item_get_call_status (item));
      }
      break;

    case NEXOR_HISTORY_ITEM_TYPE_CALL_MISSED:
      icon_name = "call-missed-symbolic";
      title = g_strdup (_("Missed call"));
      body = nexor_history_item_get_content (item);
      detail = g_strdup (nexor_history_item_get_disconnection_reason (item));
      break;

    case NEXOR_HISTORY_ITEM_TYPE_ACTIVITY:
      icon_name = "emblem-system-symbolic";
      title = g_strdup (nexor_history_item_get_title (item));
      if (title == NULL)
        title = g_strdup (nexor_history_item_get_activity_type (item));
      body = nexor_history_item_get_description (item);
      if (nexor_history_item_get_actor_type (item) != NULL)
        /* TRANSLATORS: %s is who did it, as the server names it (agent, user…) */
        detail = g_strdup_printf (_("by %s"), nexor_history_item_get_actor_type (item));
      break;

    case NEXOR_HISTORY_ITEM_TYPE_UNKNOWN:
    default:
      /* A kind this build does not know yet: show what the server called
       * it and any text it carries rather than hiding it. */
      title = g_strdup (nexor_history_item_get_type_string (item));
      body = nexor_history_item_get_content (item);
      break;
    }

  timestamp = nexor_history_item_get_timestamp (item);
  if (timestamp != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (timestamp);

      /* TRANSLATORS: when a history item happened, a g_date_time_format()
       * format: order and words as your language writes a date.
       * xgettext:no-c-format */
      time = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
    }

  gtk_image_set_from_icon_name (self->icon, icon_name);
  set_label (self->title_label, title ? title : _("Event"));
  set_label (self->time_label, time);
  set_label (self->body_label, body);
  set_label (self->detail_label, detail);
}

static void
lead_desk_history_row_dispose (GObject *object)
{
  LeadDeskHistoryRow *self = LEAD_DESK_HISTORY_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LEAD_DESK_TYPE_HISTORY_ROW);
  /* The template's top-level box is a plain child of this widget, not a
   * bound template child: it has to be unparented by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (lead_desk_history_row_parent_class)->dispose (object);
}

static void
lead_desk_history_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LeadDeskHistoryRow *self = LEAD_DESK_HISTORY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_history_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LeadDeskHistoryRow *self = LEAD_DESK_HISTORY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      lead_desk_history_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_history_row_class_init (LeadDeskHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lead_desk_history_row_dispose;
  object_class->get_property = lead_desk_history_row_get_property;
  object_class->set_property = lead_desk_history_row_set_property;

  props[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, NEXOR_TYPE_HISTORY_ITEM,
                         G_PARAM_READWRITE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, props);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ai/getnexor/LeadDesk/lead-desk-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LeadDeskHistoryRow, icon);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskHistoryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskHistoryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskHistoryRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskHistoryRow, detail_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historyrow");
}

static void
lead_desk_history_row_init (LeadDeskHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NexorHistoryItem *
lead_desk_history_row_get_item (LeadDeskHistoryRow *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_HISTORY_ROW (self), NULL);

  return self->item;
}

/**
 * lead_desk_history_row_set_item:
 * @item: (nullable): the entry to show
 */
void
lead_desk_history_row_set_item (LeadDeskHistoryRow *self,
                                NexorHistoryItem   *item)
{
  g_return_if_fail (LEAD_DESK_IS_HISTORY_ROW (self));
  g_return_if_fail (item == NULL || NEXOR_IS_HISTORY_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ITEM]);
}
