/* nexor-lead-list-private.h: one page of a lead search
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-lead-list.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_LEAD_PAGE (_nexor_lead_page_get_type ())

G_DECLARE_FINAL_TYPE (NexorLeadPage, _nexor_lead_page, NEXOR, LEAD_PAGE, GObject)

/* Parses {"success": true, "leads": […], "total": n}, a bare list or one
 * under "data". */
NexorLeadPage *_nexor_lead_page_new_from_response (JsonNode           *root,
                                                   NexorJsonDocument  *document,
                                                   GError            **error);
/* A GListModel of NexorLead. */
GListModel    *_nexor_lead_page_get_items         (NexorLeadPage      *self);
/* Every match on the server, or -1 if the answer did not say. */
gint64         _nexor_lead_page_get_total         (NexorLeadPage      *self);

G_END_DECLS
