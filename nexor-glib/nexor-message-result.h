/* nexor-message-result.h: the answer to sending a message
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

G_BEGIN_DECLS

/**
 * NexorMessageChannel:
 * @NEXOR_MESSAGE_CHANNEL_UNKNOWN: a channel this version of the library does
 *   not know; [property@Nexor.MessageResult:channel-string] has the server's word
 * @NEXOR_MESSAGE_CHANNEL_WHATSAPP: a WhatsApp message, free-form text or a
 *   template
 * @NEXOR_MESSAGE_CHANNEL_EMAIL: an email, text or HTML
 * @NEXOR_MESSAGE_CHANNEL_CALL: a call by the workflow's AI voice agent
 *
 * The channels a message is sent on (`channel` of `POST /messages`).
 *
 * Since: 0.1
 */
typedef enum {
  NEXOR_MESSAGE_CHANNEL_UNKNOWN,
  NEXOR_MESSAGE_CHANNEL_WHATSAPP,
  NEXOR_MESSAGE_CHANNEL_EMAIL,
  NEXOR_MESSAGE_CHANNEL_CALL,
} NexorMessageChannel;

#define NEXOR_TYPE_MESSAGE_RESULT (nexor_message_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMessageResult, nexor_message_result, NEXOR, MESSAGE_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorMessageChannel  nexor_message_result_get_channel             (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_result_get_channel_string      (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_result_get_message_type        (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_result_get_message_id          (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_result_get_provider_message_id (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_result_get_activity_id         (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_result_get_call_id             (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_result_get_call_status         (NexorMessageResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject          *nexor_message_result_dup_json                (NexorMessageResult *self);

NEXOR_AVAILABLE_IN_0_1
const char          *nexor_message_channel_to_string              (NexorMessageChannel channel);

G_END_DECLS
