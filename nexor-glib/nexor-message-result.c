/* nexor-message-result.c: the answer to sending a message
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-enum-types.h"
#include "nexor-message-result-private.h"
#include "nexor-resource-private.h"

/**
 * NexorMessageResult:
 *
 * The answer to [method@Nexor.Client.send_message]: the channel the message
 * went out on and the ids that channel gives it. Members of the other
 * channels are unset: a WhatsApp message has
 * [property@Nexor.MessageResult:message-type],
 * [property@Nexor.MessageResult:message-id] and
 * [property@Nexor.MessageResult:provider-message-id]; an email
 * [property@Nexor.MessageResult:message-id] and
 * [property@Nexor.MessageResult:activity-id]; a call
 * [property@Nexor.MessageResult:call-id] and
 * [property@Nexor.MessageResult:call-status].
 *
 * Since: 0.1
 */

struct _NexorMessageResult
{
  GObject parent_instance;
  NexorJsonSource json;
  char *channel_string;
  char *message_type;
  char *message_id;
  char *provider_message_id;
  char *activity_id;
  char *call_id;
  char *call_status;

  NexorMessageChannel channel;
};

/**
 * NexorMessageResult:channel-string:
 *
 * The channel as the server named it, such as `whatsapp`; kept even when [property@Nexor.MessageResult:channel] is %NEXOR_MESSAGE_CHANNEL_UNKNOWN. The JSON member is `channel`.
 *
 * Since: 0.1
 */
/**
 * NexorMessageResult:message-type:
 *
 * For WhatsApp, whether the message was free-form `text` or a `template`; unset on the other channels. The JSON member is `type`.
 *
 * Since: 0.1
 */
/**
 * NexorMessageResult:message-id:
 *
 * The message's id in the lead's history (`message_id`); unset for a call.
 *
 * Since: 0.1
 */
/**
 * NexorMessageResult:provider-message-id:
 *
 * For WhatsApp, Meta's message id (`wamid.…`).
 *
 * Since: 0.1
 */
/**
 * NexorMessageResult:activity-id:
 *
 * For an email, the id its opens and clicks are tracked under.
 *
 * Since: 0.1
 */
/**
 * NexorMessageResult:call-id:
 *
 * For a call, its id; the call's entry in the lead's history has it.
 *
 * Since: 0.1
 */
/**
 * NexorMessageResult:call-status:
 *
 * For a call, its status when the answer was given: `registered` (it has not been placed yet). Later statuses show in the lead's history ([method@Nexor.Client.list_lead_history_async]).
 *
 * Since: 0.1
 */
static const NexorField nexor_message_result_fields[] = {
  { "channel-string", NEXOR_FIELD_NAMES ("channel"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMessageResult, channel_string), TRUE, 0.0, NULL, NULL },
  { "message-type", NEXOR_FIELD_NAMES ("type"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMessageResult, message_type), FALSE, 0.0, NULL, NULL },
  { "message-id", NEXOR_FIELD_NAMES ("message_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMessageResult, message_id), FALSE, 0.0, NULL, NULL },
  { "provider-message-id", NEXOR_FIELD_NAMES ("provider_message_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMessageResult, provider_message_id), FALSE, 0.0, NULL, NULL },
  { "activity-id", NEXOR_FIELD_NAMES ("activity_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMessageResult, activity_id), FALSE, 0.0, NULL, NULL },
  { "call-id", NEXOR_FIELD_NAMES ("call_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMessageResult, call_id), FALSE, 0.0, NULL, NULL },
  { "call-status", NEXOR_FIELD_NAMES ("call_status"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMessageResult, call_status), FALSE, 0.0, NULL, NULL },
};

#define N_FIELDS G_N_ELEMENTS (nexor_message_result_fields)

enum {
  PROP_CHANNEL = N_FIELDS + 1,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (NexorMessageResult, nexor_message_result, G_TYPE_OBJECT)

static void
nexor_message_result_finalize (GObject *object)
{
  NexorMessageResult *self = NEXOR_MESSAGE_RESULT (object);

  _nexor_fields_clear (self, nexor_message_result_fields, N_FIELDS);
  _nexor_json_source_clear (&self->json);

  G_OBJECT_CLASS (nexor_message_result_parent_class)->finalize (object);
}

static void
nexor_message_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NexorMessageResult *self = NEXOR_MESSAGE_RESULT (object);

  if (prop_id <= N_FIELDS)
    {
      _nexor_fields_get_property (self, nexor_message_result_fields, N_FIELDS, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_message_result_class_init (NexorMessageResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_message_result_finalize;
  object_class->get_property = nexor_message_result_get_property;

  _nexor_fields_install_properties (object_class, nexor_message_result_fields, N_FIELDS, props);

  /**
   * NexorMessageResult:channel:
   *
   * The channel the message went out on.
   *
   * Since: 0.1
   */
  props[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       NEXOR_TYPE_MESSAGE_CHANNEL, NEXOR_MESSAGE_CHANNEL_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_CHANNEL, props[PROP_CHANNEL]);
}

static void
nexor_message_result_init (NexorMessageResult *self)
{
  _nexor_fields_init (self, nexor_message_result_fields, N_FIELDS);
}

/**
 * nexor_message_channel_to_string:
 * @channel: a [enum@Nexor.MessageChannel]
 *
 * Gets the word the API uses for @channel: `whatsapp`, `email` or `call`.
 *
 * Returns: (nullable): the word, or %NULL for
 *   %NEXOR_MESSAGE_CHANNEL_UNKNOWN and values that are no channel
 *
 * Since: 0.1
 */
const char *
nexor_message_channel_to_string (NexorMessageChannel channel)
{
  switch (channel)
    {
    case NEXOR_MESSAGE_CHANNEL_WHATSAPP:
      return "whatsapp";
    case NEXOR_MESSAGE_CHANNEL_EMAIL:
      return "email";
    case NEXOR_MESSAGE_CHANNEL_CALL:
      return "call";
    case NEXOR_MESSAGE_CHANNEL_UNKNOWN:
    default:
      return NULL;
    }
}

static NexorMessageChannel
channel_from_string (const char *str)
{
  for (NexorMessageChannel c = NEXOR_MESSAGE_CHANNEL_WHATSAPP; c <= NEXOR_MESSAGE_CHANNEL_CALL; c++)
    if (g_strcmp0 (str, nexor_message_channel_to_string (c)) == 0)
      return c;
  return NEXOR_MESSAGE_CHANNEL_UNKNOWN;
}

NexorMessageResult *
_nexor_message_result_new_from_json (JsonObject         *object,
                                     NexorJsonDocument  *document,
                                     GError            **error)
{
  g_autoptr(NexorMessageResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_MESSAGE_RESULT, "message result",
                                        nexor_message_result_fields, N_FIELDS,
                                        object, document, error);
  if (self == NULL)
    return NULL;

  self->channel = channel_from_string (self->channel_string);
  return g_steal_pointer (&self);
}

/**
 * nexor_message_result_dup_json:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the JSON object this result was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the result.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */
JsonObject *
nexor_message_result_dup_json (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return _nexor_json_source_dup (&self->json);
}

/**
 * nexor_message_result_get_channel:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:channel] property.
 *
 * Returns: the channel the message went out on
 *
 * Since: 0.1
 */
NexorMessageChannel
nexor_message_result_get_channel (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NEXOR_MESSAGE_CHANNEL_UNKNOWN);

  return self->channel;
}

/**
 * nexor_message_result_get_channel_string:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:channel-string] property.
 *
 * Returns: (nullable): the channel's name, or %NULL when the answer has none
 *
 * Since: 0.1
 */
const char *
nexor_message_result_get_channel_string (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return self->channel_string;
}

/**
 * nexor_message_result_get_message_type:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:message-type] property.
 *
 * Returns: (nullable): the message type, or %NULL when the answer has none
 *
 * Since: 0.1
 */
const char *
nexor_message_result_get_message_type (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return self->message_type;
}

/**
 * nexor_message_result_get_message_id:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:message-id] property.
 *
 * Returns: (nullable): the message id, or %NULL when the answer has none
 *
 * Since: 0.1
 */
const char *
nexor_message_result_get_message_id (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return self->message_id;
}

/**
 * nexor_message_result_get_provider_message_id:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:provider-message-id] property.
 *
 * Returns: (nullable): the provider's message id, or %NULL when the answer has none
 *
 * Since: 0.1
 */
const char *
nexor_message_result_get_provider_message_id (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return self->provider_message_id;
}

/**
 * nexor_message_result_get_activity_id:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:activity-id] property.
 *
 * Returns: (nullable): the activity id, or %NULL when the answer has none
 *
 * Since: 0.1
 */
const char *
nexor_message_result_get_activity_id (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return self->activity_id;
}

/**
 * nexor_message_result_get_call_id:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:call-id] property.
 *
 * Returns: (nullable): the call id, or %NULL when the answer has none
 *
 * Since: 0.1
 */
const char *
nexor_message_result_get_call_id (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return self->call_id;
}

/**
 * nexor_message_result_get_call_status:
 * @self: a [class@Nexor.MessageResult]
 *
 * Gets the [property@Nexor.MessageResult:call-status] property.
 *
 * Returns: (nullable): the call status, or %NULL when the answer has none
 *
 * Since: 0.1
 */
const char *
nexor_message_result_get_call_status (NexorMessageResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_RESULT (self), NULL);

  return self->call_status;
}
