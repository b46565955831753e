/* nexor-create-lead-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-create-lead-result.h"

G_BEGIN_DECLS

NexorCreateLeadResult *_nexor_create_lead_result_new_from_json (JsonObject         *object,
                                                                NexorJsonDocument  *document,
                                                                GError            **error);
NexorCreateLeadResult *_nexor_create_lead_result_new_from_response (JsonNode           *root,
                                                                    NexorJsonDocument  *document,
                                                                    GError            **error);

G_END_DECLS
