/* nexor-history-item.h: one entry of a lead's timeline
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
 * NexorHistoryItemType:
 * @NEXOR_HISTORY_ITEM_TYPE_UNKNOWN: a kind of entry this version of the library
 *   does not know; [property@Nexor.HistoryItem:type-string] has the server's word
 * @NEXOR_HISTORY_ITEM_TYPE_MESSAGE: a WhatsApp or email message, either way
 * @NEXOR_HISTORY_ITEM_TYPE_CALL: a call that connected
 * @NEXOR_HISTORY_ITEM_TYPE_CALL_MISSED: a call that did not connect
 * @NEXOR_HISTORY_ITEM_TYPE_ACTIVITY: something that happened to the lead, such
 *   as being assigned to a workflow
 *
 * The kinds of entry in a lead's timeline.
 *
 * Since: 0.1
 */
typedef enum {
  NEXOR_HISTORY_ITEM_TYPE_UNKNOWN,
  NEXOR_HISTORY_ITEM_TYPE_MESSAGE,
  NEXOR_HISTORY_ITEM_TYPE_CALL,
  NEXOR_HISTORY_ITEM_TYPE_CALL_MISSED,
  NEXOR_HISTORY_ITEM_TYPE_ACTIVITY,
} NexorHistoryItemType;

#define NEXOR_TYPE_HISTORY_ITEM (nexor_history_item_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorHistoryItem, nexor_history_item, NEXOR, HISTORY_ITEM, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorHistoryItemType  nexor_history_item_get_item_type            (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_type_string          (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_id                   (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_channel              (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime            *nexor_history_item_get_timestamp            (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_direction            (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_content              (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_message_type         (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_status               (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_title                (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_description          (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_activity_type        (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_actor_type           (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
int                   nexor_history_item_get_duration_seconds     (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_call_status          (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
gboolean              nexor_history_item_get_call_successful      (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_summary              (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_recording_url        (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_disconnection_reason (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_provider_message_id  (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_provider_call_id     (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_media_url            (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime            *nexor_history_item_get_sent_at              (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime            *nexor_history_item_get_delivered_at         (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime            *nexor_history_item_get_read_at              (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
const char           *nexor_history_item_get_reaction             (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
JsonNode             *nexor_history_item_dup_buttons              (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
JsonNode             *nexor_history_item_dup_attachments          (NexorHistoryItem *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject           *nexor_history_item_dup_json                 (NexorHistoryItem *self);

G_END_DECLS
