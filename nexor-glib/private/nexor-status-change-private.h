/* nexor-status-change-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-status-change.h"

G_BEGIN_DECLS

NexorStatusChange *_nexor_status_change_new_from_json (JsonObject         *object,
                                                       NexorJsonDocument  *document,
                                                       GError            **error);
NexorStatusChange *_nexor_status_change_new_from_response (JsonNode           *root,
                                                           NexorJsonDocument  *document,
                                                           GError            **error);

G_END_DECLS
