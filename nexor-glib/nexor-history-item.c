/* nexor-history-item.c: one entry of a lead's timeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-json-private.h"

#include "nexor-enum-types.h"
#include "nexor-history-item-private.h"
#include "nexor-resource-private.h"

/**
 * NexorHistoryItem:
 *
 * One entry of a lead's timeline, as listed by [class@Nexor.HistoryList]: a
 * message, a call, a missed call or an activity, told apart by
 * [property@Nexor.HistoryItem:item-type].
 *
 * Each kind fills the properties that apply to it and leaves the others
 * unset. Entries of a kind this version of the library does not know are kept,
 * as %NEXOR_HISTORY_ITEM_TYPE_UNKNOWN with the server's word in
 * [property@Nexor.HistoryItem:type-string] and every member in
 * [method@Nexor.HistoryItem.dup_json].
 *
 * Since: 0.1
 */

struct _NexorHistoryItem
{
  GObject parent_instance;
  NexorJsonSource json;

  char *type_string;
  char *id;
  char *channel;
  GDateTime *timestamp;
  char *direction;
  char *content;
  char *message_type;
  char *status;
  char *title;
  char *description;
  char *activity_type;
  char *actor_type;
  int duration_seconds;
  char *call_status;
  gboolean call_successful;
  char *summary;
  char *recording_url;
  char *disconnection_reason;
  char *provider_message_id;
  char *provider_call_id;
  char *media_url;
  GDateTime *sent_at;
  GDateTime *delivered_at;
  GDateTime *read_at;
  char *reaction;
  JsonNode *buttons;
  JsonNode *attachments;

  NexorHistoryItemType item_type;
};

/**
 * NexorHistoryItem:type-string:
 *
 * The item's `type` as the server sent it, such as `message` or `call_missed`; kept even when [property@Nexor.HistoryItem:item-type] is %NEXOR_HISTORY_ITEM_TYPE_UNKNOWN.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:id:
 *
 * The id of the message or call; activities have none.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:channel:
 *
 * The channel: `system` for activities, `whatsapp`, `email` or `call`; values the library does not know are kept as sent.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:timestamp:
 *
 * When it happened; the timeline is ordered by it, oldest first.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:direction:
 *
 * For messages: `inbound` (from the lead) or `outbound` (to the lead).
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:content:
 *
 * For messages, the text; for missed calls, a short description.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:message-type:
 *
 * For messages: `text` or `template`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:status:
 *
 * For messages, the delivery status, such as `delivered` or `read`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:title:
 *
 * For activities, a one-line title such as `Assigned to Sales Outreach`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:description:
 *
 * For activities, a longer description.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:activity-type:
 *
 * For activities, what happened, such as `workflow_assigned`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:actor-type:
 *
 * For activities, who did it, such as `system`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:duration-seconds:
 *
 * For calls, how long the call lasted in seconds; 0 if not given.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:call-status:
 *
 * For calls and missed calls, the call's status, such as `ended` or `not_connected`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:call-successful:
 *
 * For calls, whether the call reached its goal.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:summary:
 *
 * For calls, a summary of the conversation.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:recording-url:
 *
 * For calls, where the recording is.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:disconnection-reason:
 *
 * For missed calls, why the call did not connect, such as `dial_no_answer`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:provider-message-id:
 *
 * For messages, the provider's id of the message (for WhatsApp, a `wamid.…`).
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:provider-call-id:
 *
 * For calls, the provider's id of the call.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:media-url:
 *
 * For messages, the attached media.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:sent-at:
 *
 * For messages, when it was sent.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:delivered-at:
 *
 * For messages, when it was delivered.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:read-at:
 *
 * For messages, when it was read.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:reaction:
 *
 * For messages, the reaction the lead left on it, such as an emoji.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:buttons:
 *
 * For template messages, the buttons, as sent: an array of objects with `type`, `text` and `url`.
 *
 * Since: 0.1
 */
/**
 * NexorHistoryItem:attachments:
 *
 * For messages, the attachments, as sent.
 *
 * Since: 0.1
 */
static const NexorField nexor_history_item_fields[] = {
  { "type-string", NEXOR_FIELD_NAMES ("type"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, type_string), FALSE, 0.0, NULL, NULL },
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, id), FALSE, 0.0, NULL, NULL },
  { "channel", NEXOR_FIELD_NAMES ("channel"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, channel), FALSE, 0.0, NULL, NULL },
  { "timestamp", NEXOR_FIELD_NAMES ("timestamp"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorHistoryItem, timestamp), FALSE, 0.0, NULL, NULL },
  { "direction", NEXOR_FIELD_NAMES ("direction"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, direction), FALSE, 0.0, NULL, NULL },
  { "content", NEXOR_FIELD_NAMES ("content"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, content), FALSE, 0.0, NULL, NULL },
  { "message-type", NEXOR_FIELD_NAMES ("message_type", "messageType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, message_type), FALSE, 0.0, NULL, NULL },
  { "status", NEXOR_FIELD_NAMES ("status"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, status), FALSE, 0.0, NULL, NULL },
  { "title", NEXOR_FIELD_NAMES ("title"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, title), FALSE, 0.0, NULL, NULL },
  { "description", NEXOR_FIELD_NAMES ("description"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, description), FALSE, 0.0, NULL, NULL },
  { "activity-type", NEXOR_FIELD_NAMES ("activity_type", "activityType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, activity_type), FALSE, 0.0, NULL, NULL },
  { "actor-type", NEXOR_FIELD_NAMES ("actor_type", "actorType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, actor_type), FALSE, 0.0, NULL, NULL },
  { "duration-seconds", NEXOR_FIELD_NAMES ("duration_seconds", "durationSeconds"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorHistoryItem, duration_seconds), FALSE, 0.0, NULL, NULL },
  { "call-status", NEXOR_FIELD_NAMES ("call_status", "callStatus"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, call_status), FALSE, 0.0, NULL, NULL },
  { "call-successful", NEXOR_FIELD_NAMES ("call_successful", "callSuccessful"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorHistoryItem, call_successful), FALSE, 0.0, NULL, NULL },
  { "summary", NEXOR_FIELD_NAMES ("summary"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, summary), FALSE, 0.0, NULL, NULL },
  { "recording-url", NEXOR_FIELD_NAMES ("recording_url", "recordingUrl"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, recording_url), FALSE, 0.0, NULL, NULL },
  { "disconnection-reason", NEXOR_FIELD_NAMES ("disconnection_reason", "disconnectionReason"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, disconnection_reason), FALSE, 0.0, NULL, NULL },
  { "provider-message-id", NEXOR_FIELD_NAMES ("provider_message_id", "providerMessageId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, provider_message_id), FALSE, 0.0, NULL, NULL },
  { "provider-call-id", NEXOR_FIELD_NAMES ("provider_call_id", "providerCallId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, provider_call_id), FALSE, 0.0, NULL, NULL },
  { "media-url", NEXOR_FIELD_NAMES ("media_url", "mediaUrl"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, media_url), FALSE, 0.0, NULL, NULL },
  { "sent-at", NEXOR_FIELD_NAMES ("sent_at", "sentAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorHistoryItem, sent_at), FALSE, 0.0, NULL, NULL },
  { "delivered-at", NEXOR_FIELD_NAMES ("delivered_at", "deliveredAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorHistoryItem, delivered_at), FALSE, 0.0, NULL, NULL },
  { "read-at", NEXOR_FIELD_NAMES ("read_at", "readAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorHistoryItem, read_at), FALSE, 0.0, NULL, NULL },
  { "reaction", NEXOR_FIELD_NAMES ("reaction"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorHistoryItem, reaction), FALSE, 0.0, NULL, NULL },
  { "buttons", NEXOR_FIELD_NAMES ("buttons"), NEXOR_FIELD_JSON_NODE,
    G_STRUCT_OFFSET (NexorHistoryItem, buttons), FALSE, 0.0, NULL, NULL },
  { "attachments", NEXOR_FIELD_NAMES ("attachments"), NEXOR_FIELD_JSON_NODE,
    G_STRUCT_OFFSET (NexorHistoryItem, attachments), FALSE, 0.0, NULL, NULL },
};

#define N_FIELDS G_N_ELEMENTS (nexor_history_item_fields)

enum {
  PROP_ITEM_TYPE = N_FIELDS + 1,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (NexorHistoryItem, nexor_history_item, G_TYPE_OBJECT)

static void
nexor_history_item_finalize (GObject *object)
{
  NexorHistoryItem *self = NEXOR_HISTORY_ITEM (object);

  _nexor_fields_clear (self, nexor_history_item_fields, N_FIELDS);
  _nexor_json_source_clear (&self->json);

  G_OBJECT_CLASS (nexor_history_item_parent_class)->finalize (object);
}

static void
nexor_history_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NexorHistoryItem *self = NEXOR_HISTORY_ITEM (object);

  if (prop_id <= N_FIELDS)
    {
      _nexor_fields_get_property (self, nexor_history_item_fields, N_FIELDS, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_enum (value, self->item_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_history_item_class_init (NexorHistoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_history_item_finalize;
  object_class->get_property = nexor_history_item_get_property;

  _nexor_fields_install_properties (object_class, nexor_history_item_fields, N_FIELDS, props);

  /**
   * NexorHistoryItem:item-type:
   *
   * What kind of entry this is.
   *
   * Since: 0.1
   */
  props[PROP_ITEM_TYPE] =
    g_param_spec_enum ("item-type", NULL, NULL,
                       NEXOR_TYPE_HISTORY_ITEM_TYPE, NEXOR_HISTORY_ITEM_TYPE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_ITEM_TYPE, props[PROP_ITEM_TYPE]);
}

static void
nexor_history_item_init (NexorHistoryItem *self)
{
  _nexor_fields_init (self, nexor_history_item_fields, N_FIELDS);
}

static NexorHistoryItemType
item_type_from_string (const char *str)
{
  static const struct {
    const char *name;
    NexorHistoryItemType type;
  } types[] = {
    { "message", NEXOR_HISTORY_ITEM_TYPE_MESSAGE },
    { "call", NEXOR_HISTORY_ITEM_TYPE_CALL },
    { "call_missed", NEXOR_HISTORY_ITEM_TYPE_CALL_MISSED },
    { "activity", NEXOR_HISTORY_ITEM_TYPE_ACTIVITY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (str, types[i].name) == 0)
      return types[i].type;

  return NEXOR_HISTORY_ITEM_TYPE_UNKNOWN;
}

NexorHistoryItem *
_nexor_history_item_new_from_json (JsonObject         *object,
                                   NexorJsonDocument  *document,
                                   GError            **error)
{
  g_autoptr(NexorHistoryItem) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_HISTORY_ITEM, "history item",
                                        nexor_history_item_fields, N_FIELDS,
                                        object, document, error);
  if (self == NULL)
    return NULL;

  self->item_type = item_type_from_string (self->type_string);
  return g_steal_pointer (&self);
}

/**
 * nexor_history_item_dup_json:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the JSON object this entry was built from, as the server sent it,
 * including members this version of the library does not model (such as a
 * call's transcript).
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */
JsonObject *
nexor_history_item_dup_json (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return _nexor_json_source_dup (&self->json);
}

/**
 * nexor_history_item_get_item_type:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:item-type] property.
 *
 * Returns: what kind of entry this is
 *
 * Since: 0.1
 */
NexorHistoryItemType
nexor_history_item_get_item_type (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NEXOR_HISTORY_ITEM_TYPE_UNKNOWN);

  return self->item_type;
}

/**
 * nexor_history_item_get_type_string:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:type-string] property.
 *
 * Returns: (nullable): the raw type
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_type_string (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->type_string;
}

/**
 * nexor_history_item_get_id:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_id (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->id;
}

/**
 * nexor_history_item_get_channel:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:channel] property.
 *
 * Returns: (nullable): the channel
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_channel (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->channel;
}

/**
 * nexor_history_item_get_timestamp:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:timestamp] property.
 *
 * Returns: (nullable) (transfer none): the time
 *
 * Since: 0.1
 */
GDateTime *
nexor_history_item_get_timestamp (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return _nexor_field_get_datetime (&self->timestamp);
}

/**
 * nexor_history_item_get_direction:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:direction] property.
 *
 * Returns: (nullable): the direction
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_direction (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->direction;
}

/**
 * nexor_history_item_get_content:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:content] property.
 *
 * Returns: (nullable): the content
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_content (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->content;
}

/**
 * nexor_history_item_get_message_type:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:message-type] property.
 *
 * Returns: (nullable): the message type
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_message_type (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->message_type;
}

/**
 * nexor_history_item_get_status:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:status] property.
 *
 * Returns: (nullable): the delivery status
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_status (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->status;
}

/**
 * nexor_history_item_get_title:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:title] property.
 *
 * Returns: (nullable): the title
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_title (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->title;
}

/**
 * nexor_history_item_get_description:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:description] property.
 *
 * Returns: (nullable): the description
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_description (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->description;
}

/**
 * nexor_history_item_get_activity_type:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:activity-type] property.
 *
 * Returns: (nullable): the activity type
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_activity_type (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->activity_type;
}

/**
 * nexor_history_item_get_actor_type:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:actor-type] property.
 *
 * Returns: (nullable): the actor type
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_actor_type (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->actor_type;
}

/**
 * nexor_history_item_get_duration_seconds:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:duration-seconds] property.
 *
 * Returns: the duration in seconds
 *
 * Since: 0.1
 */
int
nexor_history_item_get_duration_seconds (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), 0);

  return self->duration_seconds;
}

/**
 * nexor_history_item_get_call_status:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:call-status] property.
 *
 * Returns: (nullable): the call status
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_call_status (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->call_status;
}

/**
 * nexor_history_item_get_call_successful:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:call-successful] property.
 *
 * Returns: whether the call was successful
 *
 * Since: 0.1
 */
gboolean
nexor_history_item_get_call_successful (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), FALSE);

  return self->call_successful;
}

/**
 * nexor_history_item_get_summary:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:summary] property.
 *
 * Returns: (nullable): the summary
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_summary (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->summary;
}

/**
 * nexor_history_item_get_recording_url:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:recording-url] property.
 *
 * Returns: (nullable): the recording URL
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_recording_url (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->recording_url;
}

/**
 * nexor_history_item_get_disconnection_reason:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:disconnection-reason] property.
 *
 * Returns: (nullable): the disconnection reason
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_disconnection_reason (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->disconnection_reason;
}

/**
 * nexor_history_item_get_provider_message_id:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:provider-message-id] property.
 *
 * Returns: (nullable): the provider message id
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_provider_message_id (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->provider_message_id;
}

/**
 * nexor_history_item_get_provider_call_id:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:provider-call-id] property.
 *
 * Returns: (nullable): the provider call id
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_provider_call_id (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->provider_call_id;
}

/**
 * nexor_history_item_get_media_url:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:media-url] property.
 *
 * Returns: (nullable): the media URL
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_media_url (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->media_url;
}

/**
 * nexor_history_item_get_sent_at:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:sent-at] property.
 *
 * Returns: (nullable) (transfer none): the time it was sent
 *
 * Since: 0.1
 */
GDateTime *
nexor_history_item_get_sent_at (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return _nexor_field_get_datetime (&self->sent_at);
}

/**
 * nexor_history_item_get_delivered_at:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:delivered-at] property.
 *
 * Returns: (nullable) (transfer none): the time it was delivered
 *
 * Since: 0.1
 */
GDateTime *
nexor_history_item_get_delivered_at (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return _nexor_field_get_datetime (&self->delivered_at);
}

/**
 * nexor_history_item_get_read_at:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:read-at] property.
 *
 * Returns: (nullable) (transfer none): the time it was read
 *
 * Since: 0.1
 */
GDateTime *
nexor_history_item_get_read_at (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return _nexor_field_get_datetime (&self->read_at);
}

/**
 * nexor_history_item_get_reaction:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets the [property@Nexor.HistoryItem:reaction] property.
 *
 * Returns: (nullable): the reaction
 *
 * Since: 0.1
 */
const char *
nexor_history_item_get_reaction (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->reaction;
}

/**
 * nexor_history_item_dup_buttons:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets a copy of the [property@Nexor.HistoryItem:buttons] property. The
 * history item is immutable: changing the returned value does not change it.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL
 *   when there is none
 *
 * Since: 0.1
 */
JsonNode *
nexor_history_item_dup_buttons (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->buttons != NULL ? _nexor_json_node_deep_copy (self->buttons) : NULL;
}

/**
 * nexor_history_item_dup_attachments:
 * @self: a [class@Nexor.HistoryItem]
 *
 * Gets a copy of the [property@Nexor.HistoryItem:attachments] property. The
 * history item is immutable: changing the returned value does not change it.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL
 *   when there is none
 *
 * Since: 0.1
 */
JsonNode *
nexor_history_item_dup_attachments (NexorHistoryItem *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_ITEM (self), NULL);

  return self->attachments != NULL ? _nexor_json_node_deep_copy (self->attachments) : NULL;
}
