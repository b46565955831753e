/* nexor-history-list-private.h: one page of a lead's history
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-history-list.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_HISTORY_PAGE (_nexor_history_page_get_type ())

G_DECLARE_FINAL_TYPE (NexorHistoryPage, _nexor_history_page, NEXOR, HISTORY_PAGE, GObject)

/* Parses {"success": true, "lead": {…}, "history": […], "pagination": {…}}. */
NexorHistoryPage *_nexor_history_page_new_from_response (JsonNode           *root,
                                                         NexorJsonDocument  *document,
                                                         GError            **error);
/* A GListModel of NexorHistoryItem. */
GListModel       *_nexor_history_page_get_items         (NexorHistoryPage  *self);
NexorLead        *_nexor_history_page_get_lead          (NexorHistoryPage  *self);
/* 1 or 0 as the server said, -1 if it did not. */
int               _nexor_history_page_get_has_more      (NexorHistoryPage  *self);

G_END_DECLS
