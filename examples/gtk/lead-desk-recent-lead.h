/* lead-desk-recent-lead.h: a lead the user opened before
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_RECENT_LEAD (lead_desk_recent_lead_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskRecentLead, lead_desk_recent_lead, LEAD_DESK, RECENT_LEAD, GObject)

LeadDeskRecentLead *lead_desk_recent_lead_new         (const char         *id,
                                                       const char         *name,
                                                       const char         *company);
const char         *lead_desk_recent_lead_get_id      (LeadDeskRecentLead *self);
const char         *lead_desk_recent_lead_get_name    (LeadDeskRecentLead *self);
const char         *lead_desk_recent_lead_get_company (LeadDeskRecentLead *self);

G_END_DECLS
