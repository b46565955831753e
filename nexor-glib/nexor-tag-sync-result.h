/* nexor-tag-sync-result.h: the answer to syncing a lead's tags
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
#include "nexor-tag.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_TAG_SYNC_RESULT (nexor_tag_sync_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorTagSyncResult, nexor_tag_sync_result, NEXOR, TAG_SYNC_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
const char         *nexor_tag_sync_result_get_lead_id (NexorTagSyncResult *self);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_tag_sync_result_get_tags    (NexorTagSyncResult *self);
NEXOR_AVAILABLE_IN_0_1
const char * const *nexor_tag_sync_result_get_added   (NexorTagSyncResult *self);
NEXOR_AVAILABLE_IN_0_1
const char * const *nexor_tag_sync_result_get_removed (NexorTagSyncResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject         *nexor_tag_sync_result_dup_json    (NexorTagSyncResult *self);

G_END_DECLS
