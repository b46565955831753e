/* nexor-assign-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-assign-result.h"

G_BEGIN_DECLS

NexorAssignResult *_nexor_assign_result_new_from_json     (JsonObject         *object,
                                                           NexorJsonDocument  *document,
                                                           GError            **error);
NexorAssignResult *_nexor_assign_result_new_from_response (JsonNode           *root,
                                                           NexorJsonDocument  *document,
                                                           GError            **error);

G_END_DECLS
