/* nexor-history-item-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-history-item.h"

G_BEGIN_DECLS

NexorHistoryItem *_nexor_history_item_new_from_json (JsonObject         *object,
                                                     NexorJsonDocument  *document,
                                                     GError            **error);

G_END_DECLS
