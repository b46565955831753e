/* nexor-webhook-receiver.c: an HTTP server that receives webhook deliveries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "nexor-i18n-private.h"

#include "nexor-enum-types.h"
#include "nexor-error.h"
#include "nexor-idle-connections-private.h"
#include "nexor-webhook-receiver.h"
#include "nexor-webhook-signature.h"

/**
 * NexorWebhookReceiver:
 *
 * A ready webhook endpoint: a `SoupServer` that receives Nexor's
 * deliveries, checks their signatures, reads their events, drops the ones
 * it has already handed over, and emits
 * [signal@Nexor.WebhookReceiver::event-received] once for each event.
 *
 * ```c
 * receiver = nexor_webhook_receiver_new (g_getenv ("NEXOR_WEBHOOK_SECRET"));
 * g_signal_connect (receiver, "event-received", G_CALLBACK (on_event), NULL);
 * if (!nexor_webhook_receiver_listen (receiver, NULL, 8000, &error))
 *   …
 * ```
 *
 * Each delivery gets the answer Nexor's retries expect:
 *
 * - 200 once the event was handed over: the signal was emitted and its
 *   handlers returned;
 * - 200 as well for an event it has handed over before (the same
 *   `event_id`, a retry), without a second emission, so that the sender
 *   stops retrying;
 * - 401 for a missing, malformed or mismatched signature
 *   ([func@Nexor.webhook_verify_signature]);
 * - 400 for a body that is not an event
 *   ([ctor@Nexor.WebhookEvent.new_from_bytes]);
 * - 413 for a body over [property@Nexor.WebhookReceiver:max-body-size],
 *   which is refused as soon as its size is known and never held whole;
 * - 405 for anything but `POST`.
 *
 * [signal@Nexor.WebhookReceiver::delivery-refused] tells about each
 * refusal. Any path is accepted.
 *
 * Duplicates are recognized by [property@Nexor.WebhookEvent:event-id] among
 * the last [property@Nexor.WebhookReceiver:dedup-capacity] events, so memory
 * stays bounded however long the receiver runs. The memory is the
 * receiver's own: a new receiver (or a program restarted) hands over again
 * an event that is retried to it.
 *
 * The receiver never blocks its main loop: it reads requests with
 * `SoupServer`'s asynchronous I/O and emits its signals from the
 * thread-default main context of the thread that called
 * [method@Nexor.WebhookReceiver.listen]; a handler that has slow work to do
 * should start it asynchronously and return.
 *
 * It speaks plain HTTP. Nexor delivers to `https://` URLs only: put it
 * behind the HTTPS server or tunnel that gives it a public address. The
 * secret is never logged.
 *
 * Since: 0.1
 */

/* GSocket's default backlog is 10: a burst of deliveries, each on a new
 * connection, overflows it, and Linux then resets connections (measured on
 * the emulator, docs/reliability.md). The kernel caps it at somaxconn. */
#define LISTEN_BACKLOG 4096

struct _NexorWebhookReceiver
{
  GObject parent_instance;

  SoupServer *server;
  NexorIdleConnections *idle_connections;
  char *secret;
  NexorWebhookSignatureScheme signature_scheme;
  guint max_body_size;
  guint dedup_capacity;

  /* The event ids handed over, most recent first, and each one's link. */
  GQueue seen;
  GHashTable *seen_links;
};

enum {
  PROP_0,
  PROP_SECRET,
  PROP_SIGNATURE_SCHEME,
  PROP_MAX_BODY_SIZE,
  PROP_DEDUP_CAPACITY,
  PROP_PORT,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  EVENT_RECEIVED,
  DELIVERY_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (NexorWebhookReceiver, nexor_webhook_receiver, G_TYPE_OBJECT)

/* Marks a message refused before its body was read, so that the body is
 * neither kept nor looked at. */
#define REFUSED_EARLY "nexor-webhook-refused"

static void
forget_oldest (NexorWebhookReceiver *self)
{
  while (self->seen.length > self->dedup_capacity)
    {
      char *event_id = g_queue_pop_tail (&self->seen);

      g_hash_table_remove (self->seen_links, event_id);
      g_free (event_id);
    }
}

/* Whether @event_id was handed over among the last dedup-capacity events;
 * either way it becomes the most recent. */
static gboolean
remember (NexorWebhookReceiver *self,
          const char           *event_id)
{
  GList *link = g_hash_table_lookup (self->seen_links, event_id);

  if (link != NULL)
    {
      g_queue_unlink (&self->seen, link);
      g_queue_push_head_link (&self->seen, link);
      return TRUE;
    }

  g_queue_push_head (&self->seen, g_strdup (event_id));
  g_hash_table_insert (self->seen_links, self->seen.head->data, self->seen.head);
  forget_oldest (self);
  return FALSE;
}

/* Answers with a small JSON body. The words are the wire's, not the user's:
 * they are never translated. */
static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
refuse (NexorWebhookReceiver *self,
        SoupServerMessage    *msg,
        guint                 status,
        const char           *json,
        const GError         *error)
{
  g_debug ("Refused a webhook delivery with HTTP %u: %s", status, error->message);
  respond (msg, status, json);
  g_signal_emit (self, signals[DELIVERY_REFUSED], 0, status, error);
}

/* Stops keeping the body of a message that is refused, and closes the
 * connection after the answer rather than reading another request from
 * a client that may still be sending this one's body. */
static void
refuse_early (NexorWebhookReceiver *self,
              SoupServerMessage    *msg,
              guint                 status,
              const char           *json,
              const GError         *error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  g_object_set_data (G_OBJECT (msg), REFUSED_EARLY, GINT_TO_POINTER (TRUE));
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  refuse (self, msg, status, json, error);
}

static void
refuse_too_large (NexorWebhookReceiver *self,
                  SoupServerMessage    *msg)
{
  g_autoptr(GError) error = NULL;

  g_set_error (&error, NEXOR_ERROR, NEXOR_ERROR_INVALID_EVENT,
               _("Invalid webhook delivery: the body is larger than %u bytes"),
               self->max_body_size);
  refuse_early (self, msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                "{\"error\":\"body too large\"}", error);
}

/* A chunked body has no declared size: it is counted as it comes. */
static void
on_got_chunk (SoupServerMessage    *msg,
              GBytes               *chunk,
              NexorWebhookReceiver *self)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (g_object_get_data (G_OBJECT (msg), REFUSED_EARLY) != NULL)
    return;
  if (body->length > (goffset) self->max_body_size)
    refuse_too_large (self, msg);
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  NexorWebhookReceiver *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    {
      g_autoptr(GError) error = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                             _("A webhook delivery must be a POST request, not %s"),
                                             soup_server_message_get_method (msg));

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "POST");
      refuse_early (self, msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                    "{\"error\":\"method not allowed\"}", error);
      return;
    }

  if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->max_body_size)
    {
      refuse_too_large (self, msg);
      return;
    }

  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (on_got_chunk), self, G_CONNECT_DEFAULT);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  NexorWebhookReceiver *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(NexorWebhookEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  const char *signature = soup_message_headers_get_one (headers, NEXOR_WEBHOOK_SIGNATURE_HEADER);

  /* The secret was checked when the receiver started listening. */
  if (!nexor_webhook_verify_signature_with_scheme (self->signature_scheme, body, signature,
                                                   self->secret, &error))
    {
      refuse (self, msg, SOUP_STATUS_UNAUTHORIZED,
              g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_SIGNATURE_MISSING)
              ? "{\"error\":\"missing signature\"}"
              : g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_SIGNATURE_MALFORMED)
              ? "{\"error\":\"malformed signature\"}"
              : "{\"error\":\"invalid signature\"}",
              error);
      return;
    }

  event = nexor_webhook_event_new_from_bytes (body, &error);
  if (event == NULL)
    {
      refuse (self, msg, SOUP_STATUS_BAD_REQUEST, "{\"error\":\"not an event\"}", error);
      return;
    }

  /* Remembered before the emission: a handler that spins the main loop
   * must not see a retry of the same event handed over again. */
  if (remember (self, nexor_webhook_event_get_event_id (event)))
    {
      respond (msg, SOUP_STATUS_OK, "{\"received\":true,\"duplicate\":true}");
      return;
    }

  g_signal_emit (self, signals[EVENT_RECEIVED], 0, event, headers);
  respond (msg, SOUP_STATUS_OK, "{\"received\":true}");
}

static void
nexor_webhook_receiver_dispose (GObject *object)
{
  NexorWebhookReceiver *self = NEXOR_WEBHOOK_RECEIVER (object);

  g_clear_pointer (&self->idle_connections, _nexor_idle_connections_free);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }

  G_OBJECT_CLASS (nexor_webhook_receiver_parent_class)->dispose (object);
}

static void
nexor_webhook_receiver_finalize (GObject *object)
{
  NexorWebhookReceiver *self = NEXOR_WEBHOOK_RECEIVER (object);

  if (self->secret != NULL)
    {
      /* Not left behind in freed memory. */
      volatile char *p = self->secret;

      while (*p != '\0')
        *p++ = '\0';
      g_free (self->secret);
    }
  g_queue_clear_full (&self->seen, g_free);
  g_hash_table_unref (self->seen_links);

  G_OBJECT_CLASS (nexor_webhook_receiver_parent_class)->finalize (object);
}

static void
nexor_webhook_receiver_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NexorWebhookReceiver *self = NEXOR_WEBHOOK_RECEIVER (object);

  switch (prop_id)
    {
    case PROP_SIGNATURE_SCHEME:
      g_value_set_enum (value, self->signature_scheme);
      break;
    case PROP_MAX_BODY_SIZE:
      g_value_set_uint (value, self->max_body_size);
      break;
    case PROP_DEDUP_CAPACITY:
      g_value_set_uint (value, self->dedup_capacity);
      break;
    case PROP_PORT:
      g_value_set_uint (value, nexor_webhook_receiver_get_port (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_webhook_receiver_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NexorWebhookReceiver *self = NEXOR_WEBHOOK_RECEIVER (object);

  switch (prop_id)
    {
    case PROP_SECRET:
      g_free (self->secret);
      self->secret = g_value_dup_string (value);
      break;
    case PROP_SIGNATURE_SCHEME:
      self->signature_scheme = g_value_get_enum (value);
      break;
    case PROP_MAX_BODY_SIZE:
      nexor_webhook_receiver_set_max_body_size (self, g_value_get_uint (value));
      break;
    case PROP_DEDUP_CAPACITY:
      nexor_webhook_receiver_set_dedup_capacity (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_webhook_receiver_class_init (NexorWebhookReceiverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nexor_webhook_receiver_dispose;
  object_class->finalize = nexor_webhook_receiver_finalize;
  object_class->get_property = nexor_webhook_receiver_get_property;
  object_class->set_property = nexor_webhook_receiver_set_property;

  /**
   * NexorWebhookReceiver:secret:
   *
   * The webhook's signing secret, which every delivery's signature is
   * checked with. Write-only: it cannot be read back, and is never logged.
   *
   * Since: 0.1
   */
  props[PROP_SECRET] =
    g_param_spec_string ("secret", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorWebhookReceiver:signature-scheme:
   *
   * How deliveries are signed.
   *
   * Since: 0.1
   */
  props[PROP_SIGNATURE_SCHEME] =
    g_param_spec_enum ("signature-scheme", NULL, NULL,
                       NEXOR_TYPE_WEBHOOK_SIGNATURE_SCHEME,
                       NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorWebhookReceiver:max-body-size:
   *
   * The largest body accepted, in bytes; a larger one is answered with
   * HTTP 413 without being kept. Nexor's events are a few KiB.
   *
   * Since: 0.1
   */
  props[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint ("max-body-size", NULL, NULL, 1, G_MAXUINT32,
                       NEXOR_WEBHOOK_RECEIVER_DEFAULT_MAX_BODY_SIZE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * NexorWebhookReceiver:dedup-capacity:
   *
   * How many of the most recent event ids are remembered to recognize a
   * retried event. Lowering it forgets the oldest at once.
   *
   * Since: 0.1
   */
  props[PROP_DEDUP_CAPACITY] =
    g_param_spec_uint ("dedup-capacity", NULL, NULL, 1, G_MAXUINT32,
                       NEXOR_WEBHOOK_RECEIVER_DEFAULT_DEDUP_CAPACITY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * NexorWebhookReceiver:port:
   *
   * The TCP port the receiver listens on, once it does (0 before): the
   * one the system chose when [method@Nexor.WebhookReceiver.listen] was
   * given 0.
   *
   * Since: 0.1
   */
  props[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * NexorWebhookReceiver::event-received:
   * @self: the receiver
   * @event: the event, read from a delivery whose signature was checked
   * @headers: the delivery's request headers, to read (such as
   *   [const@Nexor.WEBHOOK_SIGNATURE_HEADER], to pass the delivery on)
   *
   * Emitted once for each event, the first time a delivery of it arrives.
   * The sender is answered HTTP 200 after the handlers return.
   *
   * Since: 0.1
   */
  signals[EVENT_RECEIVED] =
    g_signal_new ("event-received",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  NEXOR_TYPE_WEBHOOK_EVENT,
                  SOUP_TYPE_MESSAGE_HEADERS);

  /**
   * NexorWebhookReceiver::delivery-refused:
   * @self: the receiver
   * @status: the HTTP status it was answered with: 401, 400, 413 or 405
   * @error: why, in the [error@Nexor.Error] domain: a signature error, or
   *   `NEXOR_ERROR_INVALID_EVENT`, or `NEXOR_ERROR_INVALID_ARGUMENT` for a
   *   request that is not a `POST`
   *
   * Emitted for each request that was not a valid, signed event, to log it.
   *
   * Since: 0.1
   */
  signals[DELIVERY_REFUSED] =
    g_signal_new ("delivery-refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_UINT,
                  G_TYPE_ERROR);
}

static void
nexor_webhook_receiver_init (NexorWebhookReceiver *self)
{
  g_autofree char *server_header = g_strdup_printf ("nexor-glib/%s", PACKAGE_VERSION);

  self->max_body_size = NEXOR_WEBHOOK_RECEIVER_DEFAULT_MAX_BODY_SIZE;
  self->dedup_capacity = NEXOR_WEBHOOK_RECEIVER_DEFAULT_DEDUP_CAPACITY;
  g_queue_init (&self->seen);
  self->seen_links = g_hash_table_new (g_str_hash, g_str_equal);

  self->server = soup_server_new ("server-header", server_header, NULL);
  soup_server_add_early_handler (self->server, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  self->idle_connections = _nexor_idle_connections_new (self->server);
}

/**
 * nexor_webhook_receiver_new:
 * @secret: the webhook's signing secret
 *
 * Creates a receiver that checks deliveries with @secret under the default
 * signature scheme. It listens once told where, with
 * [method@Nexor.WebhookReceiver.listen].
 *
 * Returns: (transfer full): a new receiver
 *
 * Since: 0.1
 */
NexorWebhookReceiver *
nexor_webhook_receiver_new (const char *secret)
{
  g_return_val_if_fail (secret != NULL, NULL);

  return g_object_new (NEXOR_TYPE_WEBHOOK_RECEIVER, "secret", secret, NULL);
}

/* A listening socket of our own rather than soup_server_listen(), for its
 * backlog. @out_port: (optional): the port it was bound to. */
static gboolean
listen_on (NexorWebhookReceiver  *self,
           GInetAddress          *address,
           guint                  port,
           guint                 *out_port,
           GError               **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, (guint16) port);
  g_autoptr(GSocketAddress) bound = NULL;

  socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, socket_address, TRUE, error) ||
      !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->server, socket, 0, error))
    return FALSE;

  if (out_port != NULL)
    {
      bound = g_socket_get_local_address (socket, error);
      if (bound == NULL)
        return FALSE;
      *out_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
    }
  return TRUE;
}

/**
 * nexor_webhook_receiver_listen:
 * @self: a [class@Nexor.WebhookReceiver]
 * @address: (nullable): the IP address to listen on, such as `0.0.0.0`
 *   for every IPv4 interface; %NULL for the loopback interfaces only
 *   (127.0.0.1 and ::1), where a local HTTPS proxy or tunnel reaches it
 * @port: the TCP port, or 0 for one the system chooses (then read
 *   [property@Nexor.WebhookReceiver:port])
 * @error: return location for a #GError
 *
 * Starts receiving deliveries. The receiver's signals are emitted from
 * the thread-default main context of the calling thread, which must run.
 *
 * Fails with `NEXOR_ERROR_INVALID_ARGUMENT` when the receiver has no
 * secret or @address is not an IP address, and with the `G_IO_ERROR` of
 * the socket (such as `G_IO_ERROR_ADDRESS_IN_USE`) when it cannot listen.
 *
 * Returns: %TRUE if it listens
 *
 * Since: 0.1
 */
gboolean
nexor_webhook_receiver_listen (NexorWebhookReceiver  *self,
                               const char            *address,
                               guint                  port,
                               GError               **error)
{
  g_autoptr(GInetAddress) inet_address = NULL;

  g_return_val_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->secret == NULL || *self->secret == '\0')
    {
      g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                           _("The webhook receiver has no signing secret to check deliveries with"));
      return FALSE;
    }

  if (address == NULL)
    {
      g_autoptr(GInetAddress) loopback6 = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV6);

      inet_address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      if (!listen_on (self, inet_address, port, &port, error))
        return FALSE;
      /* IPv6 too where the system has it, on the same port; without it,
       * 127.0.0.1 is enough. */
      listen_on (self, loopback6, port, NULL, NULL);
    }
  else
    {
      inet_address = g_inet_address_new_from_string (address);
      if (inet_address == NULL)
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not an IP address to listen on"), address);
          return FALSE;
        }
      if (!listen_on (self, inet_address, port, NULL, error))
        return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PORT]);
  return TRUE;
}

/**
 * nexor_webhook_receiver_stop:
 * @self: a [class@Nexor.WebhookReceiver]
 *
 * Stops listening and closes every connection. Dropping the last
 * reference to the receiver does the same.
 *
 * (Not `disconnect`, as `SoupServer` has it: in Python and GJS that name
 * would hide the `disconnect (handler_id)` of signals.)
 *
 * Since: 0.1
 */
void
nexor_webhook_receiver_stop (NexorWebhookReceiver *self)
{
  g_return_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self));

  soup_server_disconnect (self->server);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PORT]);
}

/**
 * nexor_webhook_receiver_get_port:
 * @self: a [class@Nexor.WebhookReceiver]
 *
 * Gets the [property@Nexor.WebhookReceiver:port] property.
 *
 * Returns: the port it listens on, or 0
 *
 * Since: 0.1
 */
guint
nexor_webhook_receiver_get_port (NexorWebhookReceiver *self)
{
  GSList *listeners;
  g_autoptr(GSocketAddress) address = NULL;

  g_return_val_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self), 0);

  listeners = soup_server_get_listeners (self->server);
  if (listeners != NULL)
    address = g_socket_get_local_address (listeners->data, NULL);
  g_slist_free (listeners);

  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
}

/**
 * nexor_webhook_receiver_dup_url:
 * @self: a [class@Nexor.WebhookReceiver]
 *
 * Gets a URL the receiver can be reached at, such as
 * `http://127.0.0.1:8000/`, to show or to send test deliveries to.
 *
 * Returns: (nullable) (transfer full): the URL, or %NULL when it does not
 *   listen
 *
 * Since: 0.1
 */
char *
nexor_webhook_receiver_dup_url (NexorWebhookReceiver *self)
{
  GSList *listeners;
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *host = NULL;
  GInetAddress *inet_address;

  g_return_val_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self), NULL);

  /* Not soup_server_get_uris(): libsoup 3.2's leaks an address per listener. */
  listeners = soup_server_get_listeners (self->server);
  if (listeners != NULL)
    address = g_socket_get_local_address (listeners->data, NULL);
  g_slist_free (listeners);
  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;

  inet_address = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
  host = g_inet_address_to_string (inet_address);
  if (g_inet_address_get_family (inet_address) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("http://[%s]:%u/", host,
                            g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  return g_strdup_printf ("http://%s:%u/", host,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
}

/**
 * nexor_webhook_receiver_get_signature_scheme:
 * @self: a [class@Nexor.WebhookReceiver]
 *
 * Gets the [property@Nexor.WebhookReceiver:signature-scheme] property.
 *
 * Returns: how deliveries are signed
 *
 * Since: 0.1
 */
NexorWebhookSignatureScheme
nexor_webhook_receiver_get_signature_scheme (NexorWebhookReceiver *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self), NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX);

  return self->signature_scheme;
}

/**
 * nexor_webhook_receiver_get_max_body_size:
 * @self: a [class@Nexor.WebhookReceiver]
 *
 * Gets the [property@Nexor.WebhookReceiver:max-body-size] property.
 *
 * Returns: the largest body accepted, in bytes
 *
 * Since: 0.1
 */
guint
nexor_webhook_receiver_get_max_body_size (NexorWebhookReceiver *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self), 0);

  return self->max_body_size;
}

/**
 * nexor_webhook_receiver_set_max_body_size:
 * @self: a [class@Nexor.WebhookReceiver]
 * @max_body_size: the largest body to accept, in bytes (at least 1)
 *
 * Sets the [property@Nexor.WebhookReceiver:max-body-size] property.
 *
 * Since: 0.1
 */
void
nexor_webhook_receiver_set_max_body_size (NexorWebhookReceiver *self,
                                          guint                 max_body_size)
{
  g_return_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self));
  g_return_if_fail (max_body_size >= 1);

  if (self->max_body_size == max_body_size)
    return;
  self->max_body_size = max_body_size;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MAX_BODY_SIZE]);
}

/**
 * nexor_webhook_receiver_get_dedup_capacity:
 * @self: a [class@Nexor.WebhookReceiver]
 *
 * Gets the [property@Nexor.WebhookReceiver:dedup-capacity] property.
 *
 * Returns: how many event ids are remembered
 *
 * Since: 0.1
 */
guint
nexor_webhook_receiver_get_dedup_capacity (NexorWebhookReceiver *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self), 0);

  return self->dedup_capacity;
}

/**
 * nexor_webhook_receiver_set_dedup_capacity:
 * @self: a [class@Nexor.WebhookReceiver]
 * @dedup_capacity: how many event ids to remember (at least 1)
 *
 * Sets the [property@Nexor.WebhookReceiver:dedup-capacity] property.
 *
 * Since: 0.1
 */
void
nexor_webhook_receiver_set_dedup_capacity (NexorWebhookReceiver *self,
                                           guint                 dedup_capacity)
{
  g_return_if_fail (NEXOR_IS_WEBHOOK_RECEIVER (self));
  g_return_if_fail (dedup_capacity >= 1);

  if (self->dedup_capacity == dedup_capacity)
    return;
  self->dedup_capacity = dedup_capacity;
  forget_oldest (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DEDUP_CAPACITY]);
}
