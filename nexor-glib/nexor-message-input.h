/* nexor-message-input.h: what to send to a lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-message-result.h"
#include "nexor-version-macros.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_MESSAGE_INPUT (nexor_message_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMessageInput, nexor_message_input, NEXOR, MESSAGE_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorMessageInput   *nexor_message_input_new (NexorMessageChannel channel);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_message_input_is_set (NexorMessageInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_message_input_is_null (NexorMessageInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_unset (NexorMessageInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
NexorMessageChannel nexor_message_input_get_channel (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_channel (NexorMessageInput *self, NexorMessageChannel channel);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_template_parameters (NexorMessageInput *self, const char * const *parameters);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_message_input_get_lead_id (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_lead_id (NexorMessageInput *self, const char *lead_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_message_input_get_workflow_id (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_workflow_id (NexorMessageInput *self, const char *workflow_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_message_input_get_content (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_content (NexorMessageInput *self, const char *content);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_message_input_get_html (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_html (NexorMessageInput *self, const char *html);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_message_input_get_subject (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_subject (NexorMessageInput *self, const char *subject);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_message_input_get_template_id (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_template_id (NexorMessageInput *self, const char *template_id);
NEXOR_AVAILABLE_IN_0_1
JsonNode *nexor_message_input_dup_components (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_components (NexorMessageInput *self, JsonNode *components);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_message_input_get_begin_message (NexorMessageInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_message_input_set_begin_message (NexorMessageInput *self, const char *begin_message);

G_END_DECLS
