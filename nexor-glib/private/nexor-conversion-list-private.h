/* nexor-conversion-list-private.h: one page of conversions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-conversion-list.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_CONVERSION_PAGE (_nexor_conversion_page_get_type ())

G_DECLARE_FINAL_TYPE (NexorConversionPage, _nexor_conversion_page, NEXOR, CONVERSION_PAGE, GObject)

/* Parses {"success": true, "conversion_events": […], "total": n}. */
NexorConversionPage *_nexor_conversion_page_new_from_response (JsonNode             *root,
                                                               NexorJsonDocument    *document,
                                                               GError              **error);
/* A GListModel of NexorConversion. */
GListModel          *_nexor_conversion_page_get_items         (NexorConversionPage  *self);
/* Every match on the server, or -1 if the answer did not say. */
gint64               _nexor_conversion_page_get_total         (NexorConversionPage  *self);

G_END_DECLS
