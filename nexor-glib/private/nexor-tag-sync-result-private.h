/* nexor-tag-sync-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-tag-sync-result.h"

G_BEGIN_DECLS

NexorTagSyncResult *_nexor_tag_sync_result_new_from_json     (JsonObject         *object,
                                                              NexorJsonDocument  *document,
                                                              GError            **error);
NexorTagSyncResult *_nexor_tag_sync_result_new_from_response (JsonNode           *root,
                                                              NexorJsonDocument  *document,
                                                              GError            **error);

G_END_DECLS
