/* nexor-webhook-event.c: an event Nexor delivers to a webhook
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-enum-types.h"
#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-resource-private.h"
#include "nexor-webhook-event.h"
#include "nexor-webhook-meeting-data-private.h"
#include "nexor-webhook-status-change-data-private.h"

/**
 * NexorWebhookEvent:
 *
 * An event Nexor delivered to a webhook: the envelope every event shares
 * (its type, ids, time and whether it is a test) and its `data`, typed for
 * the events Nexor documents.
 *
 * Read one from the raw body of a delivery with
 * [ctor@Nexor.WebhookEvent.new_from_bytes], after checking its signature with
 * [func@Nexor.webhook_verify_signature]; or let a [class@Nexor.WebhookReceiver]
 * do both and hand it over.
 *
 * [property@Nexor.WebhookEvent:event-type] names the event; for the meeting
 * events [method@Nexor.WebhookEvent.get_meeting_data] is set, for
 * `workflow_run.status_changed` [method@Nexor.WebhookEvent.get_status_change_data].
 * An event this version of the library does not know is still an event:
 * its type is [enum@Nexor.WebhookEventType.UNKNOWN], its name is in
 * [property@Nexor.WebhookEvent:event-type-string] and its data in
 * [method@Nexor.WebhookEvent.dup_data]. Members of the envelope or the data
 * the library does not model are kept in [method@Nexor.WebhookEvent.dup_json].
 *
 * Deliveries are at least once, and retried: the same event can arrive more
 * than once, each time with a new [property@Nexor.WebhookEvent:delivery-id]
 * and the same [property@Nexor.WebhookEvent:event-id]. Handle each
 * `event-id` once.
 *
 * Since: 0.1
 */

struct _NexorWebhookEvent
{
  GObject parent_instance;
  NexorJsonSource json;

  char *event_type_string;
  char *event_id;
  char *webhook_id;
  char *delivery_id;
  GDateTime *timestamp;
  char *client_id;
  gboolean test;

  NexorWebhookEventType event_type;
  NexorWebhookMeetingData *meeting_data;
  NexorWebhookStatusChangeData *status_change_data;
  GBytes *body;
};

/**
 * NexorWebhookEvent:event-type-string:
 *
 * The event's name as Nexor sent it (`event_type`), such as
 * `meeting.scheduled`; kept for events the library does not know.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookEvent:event-id:
 *
 * The event's id: the same in every delivery of the event, retries
 * included. Never %NULL in an event that was read.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookEvent:webhook-id:
 *
 * The id of the webhook (the subscription) the event was delivered to.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookEvent:delivery-id:
 *
 * The id of this delivery attempt: a retry of the same event has a new one.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookEvent:timestamp:
 *
 * When the event happened, with milliseconds.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookEvent:client-id:
 *
 * The id of the Nexor account the event belongs to.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookEvent:test:
 *
 * Whether this is a test delivery (the dashboard's "Test" button), whose
 * data is an example rather than a change of the account's data.
 *
 * Since: 0.1
 */
static const NexorField nexor_webhook_event_fields[] = {
  { "event-type-string", NEXOR_FIELD_NAMES ("event_type", "eventType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookEvent, event_type_string), TRUE, 0.0, NULL, NULL },
  { "event-id", NEXOR_FIELD_NAMES ("event_id", "eventId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookEvent, event_id), TRUE, 0.0, NULL, NULL },
  { "webhook-id", NEXOR_FIELD_NAMES ("webhook_id", "webhookId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookEvent, webhook_id), FALSE, 0.0, NULL, NULL },
  { "delivery-id", NEXOR_FIELD_NAMES ("delivery_id", "deliveryId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookEvent, delivery_id), FALSE, 0.0, NULL, NULL },
  { "timestamp", NEXOR_FIELD_NAMES ("timestamp"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorWebhookEvent, timestamp), FALSE, 0.0, NULL, NULL },
  { "client-id", NEXOR_FIELD_NAMES ("client_id", "clientId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookEvent, client_id), FALSE, 0.0, NULL, NULL },
  { "test", NEXOR_FIELD_NAMES ("test"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorWebhookEvent, test), FALSE, 0.0, NULL, NULL },
};

#define N_FIELDS G_N_ELEMENTS (nexor_webhook_event_fields)

enum {
  PROP_EVENT_TYPE = N_FIELDS + 1,
  PROP_DATA,
  PROP_MEETING_DATA,
  PROP_STATUS_CHANGE_DATA,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (NexorWebhookEvent, nexor_webhook_event, G_TYPE_OBJECT)

static const struct {
  const char *name;
  NexorWebhookEventType type;
} event_types[] = {
  { "workflow_run.status_changed", NEXOR_WEBHOOK_EVENT_TYPE_WORKFLOW_RUN_STATUS_CHANGED },
  { "meeting.scheduled", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_SCHEDULED },
  { "meeting.confirmed", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CONFIRMED },
  { "meeting.cancelled", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CANCELLED },
  { "meeting.completed", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_COMPLETED },
  { "meeting.no_show", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_NO_SHOW },
};

static void
nexor_webhook_event_finalize (GObject *object)
{
  NexorWebhookEvent *self = NEXOR_WEBHOOK_EVENT (object);

  _nexor_fields_clear (self, nexor_webhook_event_fields, N_FIELDS);
  _nexor_json_source_clear (&self->json);
  g_clear_object (&self->meeting_data);
  g_clear_object (&self->status_change_data);
  g_clear_pointer (&self->body, g_bytes_unref);

  G_OBJECT_CLASS (nexor_webhook_event_parent_class)->finalize (object);
}

static void
nexor_webhook_event_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NexorWebhookEvent *self = NEXOR_WEBHOOK_EVENT (object);

  if (prop_id <= N_FIELDS)
    {
      _nexor_fields_get_property (self, nexor_webhook_event_fields, N_FIELDS, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_EVENT_TYPE:
      g_value_set_enum (value, self->event_type);
      break;
    case PROP_DATA:
      g_value_take_boxed (value, nexor_webhook_event_dup_data (self));
      break;
    case PROP_MEETING_DATA:
      g_value_set_object (value, self->meeting_data);
      break;
    case PROP_STATUS_CHANGE_DATA:
      g_value_set_object (value, self->status_change_data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_webhook_event_class_init (NexorWebhookEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = nexor_webhook_event_finalize;
  object_class->get_property = nexor_webhook_event_get_property;

  _nexor_fields_install_properties (object_class, nexor_webhook_event_fields, N_FIELDS, props);

  /**
   * NexorWebhookEvent:event-type:
   *
   * Which event this is; [enum@Nexor.WebhookEventType.UNKNOWN] for one this
   * version of the library does not know.
   *
   * Since: 0.1
   */
  props[PROP_EVENT_TYPE] =
    g_param_spec_enum ("event-type", NULL, NULL,
                       NEXOR_TYPE_WEBHOOK_EVENT_TYPE, NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN, flags);

  /**
   * NexorWebhookEvent:data:
   *
   * The event's `data` object as it was received, a new copy each time
   * it is read; %NULL when the event has none. See
   * [method@Nexor.WebhookEvent.dup_data].
   *
   * Since: 0.1
   */
  props[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, JSON_TYPE_OBJECT, flags);

  /**
   * NexorWebhookEvent:meeting-data:
   *
   * The typed data of a meeting event; %NULL for other events.
   *
   * Since: 0.1
   */
  props[PROP_MEETING_DATA] =
    g_param_spec_object ("meeting-data", NULL, NULL, NEXOR_TYPE_WEBHOOK_MEETING_DATA, flags);

  /**
   * NexorWebhookEvent:status-change-data:
   *
   * The typed data of a `workflow_run.status_changed` event; %NULL for
   * other events.
   *
   * Since: 0.1
   */
  props[PROP_STATUS_CHANGE_DATA] =
    g_param_spec_object ("status-change-data", NULL, NULL, NEXOR_TYPE_WEBHOOK_STATUS_CHANGE_DATA, flags);

  for (guint i = PROP_EVENT_TYPE; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, props[i]);
}

static void
nexor_webhook_event_init (NexorWebhookEvent *self)
{
  _nexor_fields_init (self, nexor_webhook_event_fields, N_FIELDS);
}

/* The envelope's two required members, checked before the resource parser
 * so that the error speaks of a delivery rather than a response. */
static gboolean
check_required (JsonObject  *object,
                GError     **error)
{
  static const char * const required[][3] = {
    { "event_type", "eventType", NULL },
    { "event_id", "eventId", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const char *name = required[i][0];
      JsonNode *node = _nexor_json_lookup (object, required[i], &name);

      if (node == NULL)
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_EVENT,
                       _("Invalid webhook delivery: the required member “%s” is missing"), name);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_EVENT,
                       _("Invalid webhook delivery: the member “%s” should be a non-empty string"),
                       name);
          return FALSE;
        }
    }

  return TRUE;
}

static NexorWebhookEventType
event_type_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_types); i++)
    if (g_strcmp0 (name, event_types[i].name) == 0)
      return event_types[i].type;
  return NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN;
}

/**
 * nexor_webhook_event_new_from_bytes:
 * @body: the raw body of a webhook delivery
 * @error: return location for a [error@Nexor.Error]
 *
 * Reads the event a webhook delivery carries, with the same strict JSON
 * reader the client reads responses with. Check the delivery's signature
 * first, over the same bytes: [func@Nexor.webhook_verify_signature].
 *
 * The body must be a JSON object with a string `event_type` and `event_id`;
 * anything else fails with `NEXOR_ERROR_INVALID_EVENT` (answer it with HTTP
 * 400). Every other member is optional: one that is missing or cannot be
 * read is left unset and kept in [method@Nexor.WebhookEvent.dup_json]. An
 * event type the library does not know is not an error.
 *
 * Returns: (transfer full): the event, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorWebhookEvent *
nexor_webhook_event_new_from_bytes (GBytes  *body,
                                    GError **error)
{
  g_autoptr(NexorJsonDocument) document = NULL;
  g_autoptr(NexorWebhookEvent) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonObject *data;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = _nexor_json_document_parse_delivery (body, error);
  if (document == NULL)
    return NULL;

  root = _nexor_json_document_get_root (document);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_EVENT,
                   _("Invalid webhook delivery: the body should be a JSON object, not %s"),
                   _nexor_json_node_type_name (root));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!check_required (object, error))
    return NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_WEBHOOK_EVENT, "webhook event",
                                        nexor_webhook_event_fields, N_FIELDS,
                                        object, document, &local_error);
  if (self == NULL)
    {
      /* check_required() leaves nothing that can fail it; should that
       * change, the delivery is still refused as a bad event. */
      g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_EVENT, local_error->message);
      return NULL;
    }

  self->body = g_bytes_ref (body);
  self->event_type = event_type_from_string (self->event_type_string);

  data = _nexor_json_get_optional_object (object, "webhook event", "data");
  switch (self->event_type)
    {
    case NEXOR_WEBHOOK_EVENT_TYPE_WORKFLOW_RUN_STATUS_CHANGED:
      self->status_change_data =
        _nexor_json_parse_optional ((NexorResourceParseFunc) _nexor_webhook_status_change_data_new_from_json,
                                    data, document, "webhook event", "data");
      break;
    case NEXOR_WEBHOOK_EVENT_TYPE_MEETING_SCHEDULED:
    case NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CONFIRMED:
    case NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CANCELLED:
    case NEXOR_WEBHOOK_EVENT_TYPE_MEETING_COMPLETED:
    case NEXOR_WEBHOOK_EVENT_TYPE_MEETING_NO_SHOW:
      self->meeting_data =
        _nexor_json_parse_optional ((NexorResourceParseFunc) _nexor_webhook_meeting_data_new_from_json,
                                    data, document, "webhook event", "data");
      break;
    case NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN:
    default:
      break;
    }

  return g_steal_pointer (&self);
}

/**
 * nexor_webhook_event_dup_json:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the event as a JSON object, as it was received, including members
 * this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the event.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */
JsonObject *
nexor_webhook_event_dup_json (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return _nexor_json_source_dup (&self->json);
}

/**
 * nexor_webhook_event_dup_data:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the event's `data` object as it was received, for any event,
 * known or not. Each call returns a new copy.
 *
 * Returns: (nullable) (transfer full): the data, or %NULL when the event
 *   has none or it is not an object
 *
 * Since: 0.1
 */
JsonObject *
nexor_webhook_event_dup_data (NexorWebhookEvent *self)
{
  g_autoptr(JsonObject) json = NULL;
  JsonNode *data;

  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  json = _nexor_json_source_dup (&self->json);
  data = json != NULL ? json_object_get_member (json, "data") : NULL;
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return NULL;

  return json_object_ref (json_node_get_object (data));
}

/**
 * nexor_webhook_event_get_event_type:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:event-type] property.
 *
 * Returns: the event's type
 *
 * Since: 0.1
 */
NexorWebhookEventType
nexor_webhook_event_get_event_type (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN);

  return self->event_type;
}

/**
 * nexor_webhook_event_get_event_type_string:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:event-type-string] property.
 *
 * Returns: (nullable): the event's name as Nexor sent it
 *
 * Since: 0.1
 */
const char *
nexor_webhook_event_get_event_type_string (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->event_type_string;
}

/**
 * nexor_webhook_event_get_event_id:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:event-id] property.
 *
 * Returns: (nullable): the event's id
 *
 * Since: 0.1
 */
const char *
nexor_webhook_event_get_event_id (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->event_id;
}

/**
 * nexor_webhook_event_get_webhook_id:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:webhook-id] property.
 *
 * Returns: (nullable): the webhook's id
 *
 * Since: 0.1
 */
const char *
nexor_webhook_event_get_webhook_id (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->webhook_id;
}

/**
 * nexor_webhook_event_get_delivery_id:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:delivery-id] property.
 *
 * Returns: (nullable): the delivery's id
 *
 * Since: 0.1
 */
const char *
nexor_webhook_event_get_delivery_id (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->delivery_id;
}

/**
 * nexor_webhook_event_get_timestamp:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:timestamp] property.
 *
 * Returns: (nullable) (transfer none): when the event happened
 *
 * Since: 0.1
 */
GDateTime *
nexor_webhook_event_get_timestamp (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return _nexor_field_get_datetime (&self->timestamp);
}

/**
 * nexor_webhook_event_get_client_id:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:client-id] property.
 *
 * Returns: (nullable): the account's id
 *
 * Since: 0.1
 */
const char *
nexor_webhook_event_get_client_id (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->client_id;
}

/**
 * nexor_webhook_event_get_test:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:test] property.
 *
 * Returns: whether this is a test delivery
 *
 * Since: 0.1
 */
gboolean
nexor_webhook_event_get_test (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), FALSE);

  return self->test;
}

/**
 * nexor_webhook_event_get_meeting_data:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:meeting-data] property: the typed
 * data of `meeting.scheduled`, `meeting.confirmed`, `meeting.cancelled`,
 * `meeting.completed` and `meeting.no_show`.
 *
 * Returns: (nullable) (transfer none): the meeting event's data, or %NULL
 *   for another event (or one without a `data` object)
 *
 * Since: 0.1
 */
NexorWebhookMeetingData *
nexor_webhook_event_get_meeting_data (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->meeting_data;
}

/**
 * nexor_webhook_event_get_status_change_data:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the [property@Nexor.WebhookEvent:status-change-data] property: the
 * typed data of `workflow_run.status_changed`.
 *
 * Returns: (nullable) (transfer none): the status change's data, or %NULL
 *   for another event (or one without a `data` object)
 *
 * Since: 0.1
 */
NexorWebhookStatusChangeData *
nexor_webhook_event_get_status_change_data (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->status_change_data;
}

/**
 * nexor_webhook_event_get_lead:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the lead the event is about, whichever documented event it is: the
 * lead of [method@Nexor.WebhookEvent.get_meeting_data] or of
 * [method@Nexor.WebhookEvent.get_status_change_data]. A program that shows
 * leads can refresh the one with this id.
 *
 * Returns: (nullable) (transfer none): the lead, or %NULL for an unknown
 *   event or one whose data has no readable lead
 *
 * Since: 0.1
 */
NexorLead *
nexor_webhook_event_get_lead (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  if (self->meeting_data != NULL)
    return nexor_webhook_meeting_data_get_lead (self->meeting_data);
  if (self->status_change_data != NULL)
    return nexor_webhook_status_change_data_get_lead (self->status_change_data);
  return NULL;
}

/**
 * nexor_webhook_event_get_body:
 * @self: a [class@Nexor.WebhookEvent]
 *
 * Gets the raw body the event was read from, byte for byte: what its
 * signature was computed over, to pass the delivery on unchanged.
 *
 * Returns: (transfer none): the body
 *
 * Since: 0.1
 */
GBytes *
nexor_webhook_event_get_body (NexorWebhookEvent *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_EVENT (self), NULL);

  return self->body;
}
