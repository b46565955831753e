/* lead-desk-outreach.h: writing to a lead, and the AI call
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <nexor-glib.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_OUTREACH (lead_desk_outreach_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskOutreach, lead_desk_outreach, LEAD_DESK, OUTREACH, GtkWidget)

void     lead_desk_outreach_set_lead (LeadDeskOutreach *self,
                                      NexorClient      *client,
                                      NexorLead        *lead,
                                      GCancellable     *cancellable);
void     lead_desk_outreach_update_lead (LeadDeskOutreach *self,
                                         NexorLead        *lead);
void     lead_desk_outreach_clear    (LeadDeskOutreach *self);
gboolean lead_desk_outreach_get_busy (LeadDeskOutreach *self);

G_END_DECLS
