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

G_END_DECLS
