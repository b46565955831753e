/* nexor-message-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-message-input.h"

G_BEGIN_DECLS

gboolean  _nexor_message_input_check   (NexorMessageInput  *self,
                                        GError            **error);
JsonNode *_nexor_message_input_to_json (NexorMessageInput  *self);

G_END_DECLS
