/* lead-desk-meetings.h: a lead's meetings, booking one, and how it went
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <nexor-glib.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_MEETINGS (lead_desk_meetings_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskMeetings, lead_desk_meetings, LEAD_DESK, MEETINGS, GtkWidget)

void     lead_desk_meetings_set_lead (LeadDeskMeetings *self,
                                      NexorClient      *client,
                                      NexorLead        *lead,
                                      GCancellable     *cancellable);
void     lead_desk_meetings_clear    (LeadDeskMeetings *self);
gboolean lead_desk_meetings_get_busy (LeadDeskMeetings *self);
void     lead_desk_meetings_reload   (LeadDeskMeetings *self);

G_END_DECLS
