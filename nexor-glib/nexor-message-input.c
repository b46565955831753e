/* nexor-message-input.c: what to send to a lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-enum-types.h"
#include "nexor-error.h"
#include "nexor-i18n-private.h"
#include "nexor-input-private.h"
#include "nexor-message-input-private.h"
#include "nexor-request-private.h"

/**
 * NexorMessageInput:
 *
 * What to send to a lead with [method@Nexor.Client.send_message]: the
 * channel, the lead, the workflow that sends, and per channel the text, a
 * WhatsApp template with its parameters, an email's subject and HTML, or a
 * call's greeting.
 *
 * Only the properties that were set are sent; setting one to %NULL sends JSON
 * `null`. [method@Nexor.MessageInput.unset] makes a property unset again.
 *
 * ```python
 * message = Nexor.MessageInput(channel=Nexor.MessageChannel.WHATSAPP,
 *                              lead_id=lead_id, workflow_id=workflow_id,
 *                              template_id=template.props.id)
 * message.set_template_parameters(["Ana", "Premium"])
 * ```
 *
 * Since: 0.1
 */

struct _NexorMessageInput
{
  GObject parent_instance;

  NexorMessageChannel channel;
  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_LEAD_ID,
  PROP_WORKFLOW_ID,
  PROP_CONTENT,
  PROP_HTML,
  PROP_SUBJECT,
  PROP_TEMPLATE_ID,
  PROP_COMPONENTS,
  PROP_BEGIN_MESSAGE,
  PROP_CHANNEL,
  N_PROPS
};

#define N_FIELDS (PROP_CHANNEL - 1)

static GParamSpec *props[N_PROPS];

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

static GType
get_node_type (void)
{
  return JSON_TYPE_NODE;
}

/* In the order of the PROP_ ids, which is also the order of the body; the
 * channel is kept apart, as an enum. */
static const NexorInputField nexor_message_input_fields[] = {
  { "lead-id", "lead_id", get_string_type },
  { "workflow-id", "workflow_id", get_string_type },
  { "content", "content", get_string_type },
  { "html", "html", get_string_type },
  { "subject", "subject", get_string_type },
  { "template-id", "template_id", get_string_type },
  { "components", "components", get_node_type },
  { "begin-message", "begin_message", get_string_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_message_input_fields) == N_FIELDS);

G_DEFINE_FINAL_TYPE (NexorMessageInput, nexor_message_input, G_TYPE_OBJECT)

static void
nexor_message_input_finalize (GObject *object)
{
  NexorMessageInput *self = NEXOR_MESSAGE_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_message_input_parent_class)->finalize (object);
}

static void
nexor_message_input_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NexorMessageInput *self = NEXOR_MESSAGE_INPUT (object);

  if (prop_id == PROP_CHANNEL)
    g_value_set_enum (value, self->channel);
  else if (prop_id >= 1 && prop_id <= N_FIELDS)
    _nexor_input_get_value (self->values, &nexor_message_input_fields[prop_id - 1], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nexor_message_input_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NexorMessageInput *self = NEXOR_MESSAGE_INPUT (object);

  if (prop_id == PROP_CHANNEL)
    nexor_message_input_set_channel (self, g_value_get_enum (value));
  else if (prop_id >= 1 && prop_id <= N_FIELDS)
    {
      if (_nexor_input_set_value (self->values, &nexor_message_input_fields[prop_id - 1], value))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/**
 * NexorMessageInput:lead-id:
 *
 * The lead to write to or call; required.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorMessageInput:workflow-id:
 *
 * The workflow whose WhatsApp number, email sender or voice agent sends the message; required.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorMessageInput:content:
 *
 * The text: of a free-form WhatsApp message (required unless [property@Nexor.MessageInput:template-id] is set) or of an email (this or [property@Nexor.MessageInput:html] is required). `\n` breaks lines.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorMessageInput:html:
 *
 * An email's HTML, sent as it is; the alternative to [property@Nexor.MessageInput:content].
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorMessageInput:subject:
 *
 * An email's subject; the server's default is "Message from your advisor".
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorMessageInput:template-id:
 *
 * The WhatsApp template to send ([property@Nexor.Template:id]), with its parameters in [property@Nexor.MessageInput:components]. Outside the 24-hour window after the lead last wrote, only a template can be sent.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorMessageInput:components:
 *
 * The template's parameters in Meta's format, an array such as `[{"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}]`; [method@Nexor.MessageInput.set_template_parameters] builds it from texts. Goes with [property@Nexor.MessageInput:template-id].
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorMessageInput:begin-message:
 *
 * For a call, what the AI agent says first, instead of the workflow's greeting.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.MessageInput.unset].
 *
 * Since: 0.1
 */
static void
nexor_message_input_class_init (NexorMessageInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_message_input_finalize;
  object_class->get_property = nexor_message_input_get_property;
  object_class->set_property = nexor_message_input_set_property;

  _nexor_input_install_properties (object_class, nexor_message_input_fields, N_FIELDS, props);

  /**
   * NexorMessageInput:channel:
   *
   * The channel to send on; required (%NEXOR_MESSAGE_CHANNEL_UNKNOWN, the
   * default, is refused without a request).
   *
   * Since: 0.1
   */
  props[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       NEXOR_TYPE_MESSAGE_CHANNEL, NEXOR_MESSAGE_CHANNEL_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_CHANNEL, props[PROP_CHANNEL]);
}

static void
nexor_message_input_init (NexorMessageInput *self)
{
  self->channel = NEXOR_MESSAGE_CHANNEL_UNKNOWN;
  self->values = json_object_new ();
}

/**
 * nexor_message_input_new:
 * @channel: the channel to send on
 *
 * Creates an input for @channel with no other property set.
 *
 * Returns: (transfer full): a new [class@Nexor.MessageInput]
 *
 * Since: 0.1
 */
NexorMessageInput *
nexor_message_input_new (NexorMessageChannel channel)
{
  return g_object_new (NEXOR_TYPE_MESSAGE_INPUT, "channel", channel, NULL);
}

/**
 * nexor_message_input_get_channel:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:channel] property.
 *
 * Returns: the channel
 *
 * Since: 0.1
 */
NexorMessageChannel
nexor_message_input_get_channel (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NEXOR_MESSAGE_CHANNEL_UNKNOWN);

  return self->channel;
}

/**
 * nexor_message_input_set_channel:
 * @self: a [class@Nexor.MessageInput]
 * @channel: the channel to send on
 *
 * Sets the [property@Nexor.MessageInput:channel] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_channel (NexorMessageInput   *self,
                                 NexorMessageChannel  channel)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (nexor_message_channel_to_string (channel) == NULL)
    channel = NEXOR_MESSAGE_CHANNEL_UNKNOWN;
  if (self->channel == channel)
    return;

  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CHANNEL]);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_message_input_fields, N_FIELDS, property_name);
}

/**
 * nexor_message_input_is_set:
 * @self: a [class@Nexor.MessageInput]
 * @property_name: the name of a property, such as `content`; the spelling
 *   with underscores works too
 *
 * Checks whether a property is set, to a value or to null, and so will be
 * sent. The channel is not one of these properties: it is always sent.
 *
 * Returns: whether the property is set
 *
 * Since: 0.1
 */
gboolean
nexor_message_input_is_set (NexorMessageInput *self,
                            const char        *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_message_input_is_null:
 * @self: a [class@Nexor.MessageInput]
 * @property_name: the name of a property, such as `content`; the spelling
 *   with underscores works too
 *
 * Checks whether a property is set to null, and so will be sent as JSON
 * `null`. A property that is unset is not null.
 *
 * Returns: whether the property is set to null
 *
 * Since: 0.1
 */
gboolean
nexor_message_input_is_null (NexorMessageInput *self,
                             const char        *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_message_input_unset:
 * @self: a [class@Nexor.MessageInput]
 * @property_name: the name of a property, such as `content`; the spelling
 *   with underscores works too
 *
 * Makes a property unset again, so it is not sent at all. Compare setting it
 * to %NULL, which sends JSON `null`.
 *
 * Since: 0.1
 */
void
nexor_message_input_unset (NexorMessageInput *self,
                           const char        *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_message_input_fields + 1]);
}

/**
 * nexor_message_input_set_template_parameters:
 * @self: a [class@Nexor.MessageInput]
 * @parameters: (array zero-terminated=1): the texts of the template's body
 *   variables, in position order (`{{1}}` first)
 *
 * Sets [property@Nexor.MessageInput:components] to the Meta components that
 * fill a template's body with @parameters:
 * `[{"type": "body", "parameters": [{"type": "text", "text": …}, …]}]`.
 * An empty @parameters sets an empty array, for a template without
 * variables.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_template_parameters (NexorMessageInput  *self,
                                             const char * const *parameters)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *components = json_array_new ();

  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));
  g_return_if_fail (parameters != NULL);

  if (parameters[0] != NULL)
    {
      JsonObject *body = json_object_new ();
      JsonArray *list = json_array_new ();

      for (guint i = 0; parameters[i] != NULL; i++)
        {
          JsonObject *parameter = json_object_new ();

          json_object_set_string_member (parameter, "type", "text");
          json_object_set_string_member (parameter, "text", parameters[i]);
          json_array_add_object_element (list, parameter);
        }
      json_object_set_string_member (body, "type", "body");
      json_object_set_array_member (body, "parameters", list);
      json_array_add_object_element (components, body);
    }

  json_node_take_array (node, components);
  nexor_message_input_set_components (self, node);
}

static gboolean
check_uuid (JsonObject            *values,
            const NexorInputField *field,
            GError               **error)
{
  const char *id = _nexor_input_get_string (values, field);

  if (id == NULL || _nexor_is_uuid (id))
    return TRUE;

  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
               _("Invalid message input: “%s” is not a UUID"), field->property);
  return FALSE;
}

static gboolean
has_text (JsonObject            *values,
          const NexorInputField *field)
{
  const char *text = _nexor_input_get_string (values, field);

  if (text == NULL)
    return FALSE;
  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

/* What the API refuses for sure is refused here, without a request: a
 * message that is refused after it left could not be told from one that was
 * sent, and is never repeated. */
gboolean
_nexor_message_input_check (NexorMessageInput  *self,
                            GError            **error)
{
  const NexorInputField *fields = nexor_message_input_fields;
  gboolean whatsapp = self->channel == NEXOR_MESSAGE_CHANNEL_WHATSAPP;
  gboolean by_template;
  JsonNode *components;

  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), FALSE);

  if (self->channel == NEXOR_MESSAGE_CHANNEL_UNKNOWN)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid %s: “%s” is required"), "message input", "channel");
      return FALSE;
    }

  if (!_nexor_input_check_utf8 (self->values, fields, N_FIELDS, "message input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_LEAD_ID - 1], TRUE, "message input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_WORKFLOW_ID - 1], TRUE, "message input", error) ||
      !check_uuid (self->values, &fields[PROP_LEAD_ID - 1], error) ||
      !check_uuid (self->values, &fields[PROP_WORKFLOW_ID - 1], error) ||
      !check_uuid (self->values, &fields[PROP_TEMPLATE_ID - 1], error))
    return FALSE;

  by_template = _nexor_input_get_string (self->values, &fields[PROP_TEMPLATE_ID - 1]) != NULL;
  if (by_template && !whatsapp)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid message input: a template is sent only on WhatsApp"));
      return FALSE;
    }

  components = json_object_get_member (self->values, "components");
  if (components != NULL && !JSON_NODE_HOLDS_NULL (components))
    {
      if (!by_template)
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid message input: “components” go with “template-id”"));
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_ARRAY (components))
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid message input: “components” must be an array"));
          return FALSE;
        }
    }

  if (whatsapp && !by_template && !has_text (self->values, &fields[PROP_CONTENT - 1]))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid message input: a WhatsApp message needs “content” or “template-id”"));
      return FALSE;
    }

  if (self->channel == NEXOR_MESSAGE_CHANNEL_EMAIL &&
      !has_text (self->values, &fields[PROP_CONTENT - 1]) && !has_text (self->values, &fields[PROP_HTML - 1]))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid message input: an email needs “content” or “html”"));
      return FALSE;
    }

  return TRUE;
}

JsonNode *
_nexor_message_input_to_json (NexorMessageInput *self)
{
  JsonNode *node;

  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  node = _nexor_input_to_json (self->values, nexor_message_input_fields, N_FIELDS);
  json_object_set_string_member (json_node_get_object (node), "channel",
                                 nexor_message_channel_to_string (self->channel));
  return node;
}

/**
 * nexor_message_input_get_lead_id:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:lead-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_message_input_get_lead_id (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_message_input_fields[PROP_LEAD_ID - 1]);
}

/**
 * nexor_message_input_set_lead_id:
 * @self: a [class@Nexor.MessageInput]
 * @lead_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.MessageInput:lead-id] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_lead_id (NexorMessageInput *self,
                             const char        *lead_id)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_message_input_fields[PROP_LEAD_ID - 1], lead_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_ID]);
}

/**
 * nexor_message_input_get_workflow_id:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:workflow-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_message_input_get_workflow_id (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_message_input_fields[PROP_WORKFLOW_ID - 1]);
}

/**
 * nexor_message_input_set_workflow_id:
 * @self: a [class@Nexor.MessageInput]
 * @workflow_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.MessageInput:workflow-id] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_workflow_id (NexorMessageInput *self,
                             const char        *workflow_id)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_message_input_fields[PROP_WORKFLOW_ID - 1], workflow_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WORKFLOW_ID]);
}

/**
 * nexor_message_input_get_content:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:content] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_message_input_get_content (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_message_input_fields[PROP_CONTENT - 1]);
}

/**
 * nexor_message_input_set_content:
 * @self: a [class@Nexor.MessageInput]
 * @content: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.MessageInput:content] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_content (NexorMessageInput *self,
                             const char        *content)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_message_input_fields[PROP_CONTENT - 1], content))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CONTENT]);
}

/**
 * nexor_message_input_get_html:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:html] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_message_input_get_html (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_message_input_fields[PROP_HTML - 1]);
}

/**
 * nexor_message_input_set_html:
 * @self: a [class@Nexor.MessageInput]
 * @html: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.MessageInput:html] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_html (NexorMessageInput *self,
                             const char        *html)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_message_input_fields[PROP_HTML - 1], html))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_HTML]);
}

/**
 * nexor_message_input_get_subject:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:subject] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_message_input_get_subject (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_message_input_fields[PROP_SUBJECT - 1]);
}

/**
 * nexor_message_input_set_subject:
 * @self: a [class@Nexor.MessageInput]
 * @subject: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.MessageInput:subject] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_subject (NexorMessageInput *self,
                             const char        *subject)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_message_input_fields[PROP_SUBJECT - 1], subject))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SUBJECT]);
}

/**
 * nexor_message_input_get_template_id:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:template-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_message_input_get_template_id (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_message_input_fields[PROP_TEMPLATE_ID - 1]);
}

/**
 * nexor_message_input_set_template_id:
 * @self: a [class@Nexor.MessageInput]
 * @template_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.MessageInput:template-id] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_template_id (NexorMessageInput *self,
                             const char        *template_id)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_message_input_fields[PROP_TEMPLATE_ID - 1], template_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEMPLATE_ID]);
}

/**
 * nexor_message_input_dup_components:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets a copy of the [property@Nexor.MessageInput:components] property.
 *
 * Returns: (nullable) (transfer full): the components (a JSON null node when
 *   set to null), or %NULL when unset
 *
 * Since: 0.1
 */
JsonNode *
nexor_message_input_dup_components (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_dup_node (self->values, &nexor_message_input_fields[PROP_COMPONENTS - 1]);
}

/**
 * nexor_message_input_set_components:
 * @self: a [class@Nexor.MessageInput]
 * @components: (nullable): the components, a JSON array; %NULL sends JSON
 *   `null`
 *
 * Sets the [property@Nexor.MessageInput:components] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_components (NexorMessageInput *self,
                                    JsonNode          *components)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_node (self->values, &nexor_message_input_fields[PROP_COMPONENTS - 1], components))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_COMPONENTS]);
}

/**
 * nexor_message_input_get_begin_message:
 * @self: a [class@Nexor.MessageInput]
 *
 * Gets the [property@Nexor.MessageInput:begin-message] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_message_input_get_begin_message (NexorMessageInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_message_input_fields[PROP_BEGIN_MESSAGE - 1]);
}

/**
 * nexor_message_input_set_begin_message:
 * @self: a [class@Nexor.MessageInput]
 * @begin_message: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.MessageInput:begin-message] property.
 *
 * Since: 0.1
 */
void
nexor_message_input_set_begin_message (NexorMessageInput *self,
                             const char        *begin_message)
{
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_message_input_fields[PROP_BEGIN_MESSAGE - 1], begin_message))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BEGIN_MESSAGE]);
}
