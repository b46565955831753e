/* nexor-bulk-item-result.h: the outcome for one lead of a bulk create
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-version-macros.h"
#include "nexor-lead.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_BULK_ITEM_RESULT (nexor_bulk_item_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorBulkItemResult, nexor_bulk_item_result, NEXOR, BULK_ITEM_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
int nexor_bulk_item_result_get_index (NexorBulkItemResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_bulk_item_result_get_success (NexorBulkItemResult *self);
NEXOR_AVAILABLE_IN_0_1
NexorLead *nexor_bulk_item_result_get_lead (NexorBulkItemResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_bulk_item_result_get_existed (NexorBulkItemResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_bulk_item_result_get_error_message (NexorBulkItemResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_bulk_item_result_dup_json (NexorBulkItemResult *self);

G_END_DECLS
