/* nexor-bulk-create-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-bulk-create-result.h"

G_BEGIN_DECLS

NexorBulkCreateResult *_nexor_bulk_create_result_new_from_json (JsonObject         *object,
                                                                NexorJsonDocument  *document,
                                                                GError            **error);
NexorBulkCreateResult *_nexor_bulk_create_result_new_from_response (JsonNode           *root,
                                                                    NexorJsonDocument  *document,
                                                                    GError            **error);

G_END_DECLS
