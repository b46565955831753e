/* lead-desk-connection-dialog.c: asks for the API key and the server URL
 *
 * Shown on the first run (no NEXOR_API_KEY, nothing in the keyring), when
 * the server refuses the key, and from the menu. The URL is there so that
 * the same app runs against a local nexor-emulator.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "lead-desk-connection-dialog.h"

struct _LeadDeskConnectionDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *url_row;
  AdwEntryRow *key_row;
};

G_DEFINE_FINAL_TYPE (LeadDeskConnectionDialog, lead_desk_connection_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_changed (LeadDeskConnectionDialog *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "connect",
                                           *url != '\0' && *key != '\0');
}

static void
on_key_activated (LeadDeskConnectionDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "connect"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "connect");
}

static void
lead_desk_connection_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LEAD_DESK_TYPE_CONNECTION_DIALOG);

  G_OBJECT_CLASS (lead_desk_connection_dialog_parent_class)->dispose (object);
}

static void
lead_desk_connection_dialog_class_init (LeadDeskConnectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lead_desk_connection_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ai/getnexor/LeadDesk/lead-desk-connection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConnectionDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, LeadDeskConnectionDialog, key_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_key_activated);
}

static void
lead_desk_connection_dialog_init (LeadDeskConnectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lead_desk_connection_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @base_url: the server URL to start from
 * @reason: (nullable): why the dialog is shown, e.g. the key was refused
 *
 * Returns: (transfer floating): a new dialog; connect to
 *   [signal@Adw.MessageDialog::response] and present it
 */
GtkWidget *
lead_desk_connection_dialog_new (GtkWindow  *parent,
                                 const char *base_url,
                                 const char *reason)
{
  LeadDeskConnectionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (LEAD_DESK_TYPE_CONNECTION_DIALOG,
                       "transient-for", parent,
                       NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), base_url);
  if (reason != NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", reason,
                                               adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (self)));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->key_row));

  return GTK_WIDGET (self);
}

const char *
lead_desk_connection_dialog_get_base_url (LeadDeskConnectionDialog *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_CONNECTION_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

const char *
lead_desk_connection_dialog_get_api_key (LeadDeskConnectionDialog *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_CONNECTION_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->key_row));
}
