/* nexor-bulk-create-result.h: the answer to creating leads in bulk
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
#include "nexor-bulk-item-result.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_BULK_CREATE_RESULT (nexor_bulk_create_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorBulkCreateResult, nexor_bulk_create_result, NEXOR, BULK_CREATE_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
int nexor_bulk_create_result_get_created (NexorBulkCreateResult *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_bulk_create_result_get_failed (NexorBulkCreateResult *self);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_bulk_create_result_get_results (NexorBulkCreateResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_bulk_create_result_dup_json (NexorBulkCreateResult *self);

G_END_DECLS
