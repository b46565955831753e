/* lead-desk-application.h: the Nexor Lead Desk application
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>
#include <nexor-glib.h>

#include "lead-desk-settings.h"

G_BEGIN_DECLS

#define LEAD_DESK_APPLICATION_ID "ai.getnexor.LeadDesk"

#define LEAD_DESK_TYPE_APPLICATION (lead_desk_application_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskApplication, lead_desk_application, LEAD_DESK, APPLICATION, AdwApplication)

LeadDeskApplication *lead_desk_application_new             (void);
NexorClient         *lead_desk_application_get_client      (LeadDeskApplication *self);
LeadDeskSettings    *lead_desk_application_get_settings    (LeadDeskApplication *self);
int                  lead_desk_application_get_exit_status (LeadDeskApplication *self);
gboolean             lead_desk_application_get_saving_key  (LeadDeskApplication *self);
const char          *lead_desk_application_get_key_save_error (LeadDeskApplication *self);
void                 lead_desk_application_request_key     (LeadDeskApplication *self);
gboolean             lead_desk_application_get_push_active (LeadDeskApplication *self);
void                 lead_desk_application_quit_with_status (LeadDeskApplication *self,
                                                             int                  status);

G_END_DECLS
