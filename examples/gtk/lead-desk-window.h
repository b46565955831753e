/* lead-desk-window.h: the main window: recent leads and the lead card
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>
#include <nexor-glib.h>

#include "lead-desk-application.h"
#include "lead-desk-lead-card.h"

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_WINDOW (lead_desk_window_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskWindow, lead_desk_window, LEAD_DESK, WINDOW, AdwApplicationWindow)

LeadDeskWindow   *lead_desk_window_new              (LeadDeskApplication *application);
void              lead_desk_window_set_client       (LeadDeskWindow      *self,
                                                     NexorClient         *client);
void              lead_desk_window_open_lead        (LeadDeskWindow      *self,
                                                     const char          *id);
GListModel       *lead_desk_window_get_found_leads (LeadDeskWindow  *self,
                                                   const char     **text);
const char       *lead_desk_window_get_lead_id      (LeadDeskWindow      *self);
gboolean          lead_desk_window_get_busy         (LeadDeskWindow      *self);
const char       *lead_desk_window_get_page         (LeadDeskWindow      *self);
LeadDeskLeadCard *lead_desk_window_get_lead_card    (LeadDeskWindow      *self);
void              lead_desk_window_show_banner      (LeadDeskWindow      *self,
                                                     const char          *text);
void              lead_desk_window_hide_banner      (LeadDeskWindow      *self);
void              lead_desk_window_add_toast        (LeadDeskWindow      *self,
                                                     const char          *text);
gboolean          lead_desk_window_lead_changed     (LeadDeskWindow      *self,
                                                     const char          *lead_id);
gboolean          lead_desk_window_get_polling      (LeadDeskWindow      *self);

G_END_DECLS
