/* lead-desk-conversions.h: a lead's conversions, and the form that records one
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <nexor-glib.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_CONVERSIONS (lead_desk_conversions_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskConversions, lead_desk_conversions, LEAD_DESK, CONVERSIONS, GtkWidget)

void     lead_desk_conversions_set_lead (LeadDeskConversions *self,
                                         NexorClient         *client,
                                         const char          *lead_id,
                                         GCancellable        *cancellable);
void     lead_desk_conversions_clear    (LeadDeskConversions *self);
gboolean lead_desk_conversions_get_busy (LeadDeskConversions *self);

G_END_DECLS
