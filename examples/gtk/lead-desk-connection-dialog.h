/* lead-desk-connection-dialog.h: asks for the API key and the server URL
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_CONNECTION_DIALOG (lead_desk_connection_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskConnectionDialog, lead_desk_connection_dialog,
                      LEAD_DESK, CONNECTION_DIALOG, AdwMessageDialog)

GtkWidget  *lead_desk_connection_dialog_new          (GtkWindow                *parent,
                                                      const char               *base_url,
                                                      const char               *reason);
const char *lead_desk_connection_dialog_get_base_url (LeadDeskConnectionDialog *self);
const char *lead_desk_connection_dialog_get_api_key  (LeadDeskConnectionDialog *self);

G_END_DECLS
