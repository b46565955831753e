/* lead-desk-settings.h: the server URL and the recent leads, kept in a key file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_SETTINGS (lead_desk_settings_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskSettings, lead_desk_settings, LEAD_DESK, SETTINGS, GObject)

LeadDeskSettings *lead_desk_settings_new              (const char        *path);
const char       *lead_desk_settings_get_path         (LeadDeskSettings  *self);
const char       *lead_desk_settings_get_base_url     (LeadDeskSettings  *self);
void              lead_desk_settings_set_base_url     (LeadDeskSettings  *self,
                                                       const char        *base_url);
GListModel       *lead_desk_settings_get_recent_leads (LeadDeskSettings  *self);
void              lead_desk_settings_add_recent_lead  (LeadDeskSettings  *self,
                                                       const char        *id,
                                                       const char        *name,
                                                       const char        *company);
gboolean          lead_desk_settings_update_recent_lead (LeadDeskSettings *self,
                                                         const char       *id,
                                                         const char       *name,
                                                         const char       *company);
gboolean          lead_desk_settings_save             (LeadDeskSettings  *self,
                                                       GError           **error);

G_END_DECLS
