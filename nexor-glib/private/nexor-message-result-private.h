/* nexor-message-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"
#include "nexor-message-result.h"

G_BEGIN_DECLS

NexorMessageResult *_nexor_message_result_new_from_json (JsonObject         *object,
                                                         NexorJsonDocument  *document,
                                                         GError            **error);

G_END_DECLS
