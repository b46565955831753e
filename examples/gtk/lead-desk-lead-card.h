/* lead-desk-lead-card.h: everything about one lead, and the takeover switch
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <nexor-glib.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_LEAD_CARD (lead_desk_lead_card_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskLeadCard, lead_desk_lead_card, LEAD_DESK, LEAD_CARD, GtkWidget)

GtkWidget   *lead_desk_lead_card_new        (void);
NexorClient *lead_desk_lead_card_get_client (LeadDeskLeadCard *self);
NexorLead   *lead_desk_lead_card_get_lead   (LeadDeskLeadCard *self);
void         lead_desk_lead_card_set_lead   (LeadDeskLeadCard *self,
                                             NexorClient      *client,
                                             NexorLead        *lead);
void         lead_desk_lead_card_clear      (LeadDeskLeadCard *self);
gboolean     lead_desk_lead_card_get_busy   (LeadDeskLeadCard *self);
void         lead_desk_lead_card_refresh    (LeadDeskLeadCard *self);

G_END_DECLS
