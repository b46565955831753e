/* nexor-bulk-item-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-bulk-item-result.h"

G_BEGIN_DECLS

NexorBulkItemResult *_nexor_bulk_item_result_new_from_json (JsonObject         *object,
                                                            NexorJsonDocument  *document,
                                                            GError            **error);
/* Reads an item's "success" and "error" members; @what names the item in
 * debug output. */
void                 _nexor_bulk_item_read_outcome         (JsonObject         *object,
                                                            const char         *what,
                                                            gboolean           *out_success,
                                                            char              **out_error_message);

G_END_DECLS
