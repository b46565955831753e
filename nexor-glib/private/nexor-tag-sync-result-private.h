/* nexor-tag-sync-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-tag-sync-result.h"

G_BEGIN_DECLS

NexorTagSyncResult *_nexor_tag_sync_result_new_from_json     (JsonObject  *object,
                                                             GError     **error);
NexorTagSyncResult *_nexor_tag_sync_result_new_from_response (JsonNode    *root,
                                                             GError     **error);

G_END_DECLS
