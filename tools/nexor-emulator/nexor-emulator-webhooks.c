/* nexor-emulator-webhooks.c: webhook subscriptions and signed deliveries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each event a route raised goes to every subscription whose filter takes
 * it, as an HTTP POST of the §6 envelope signed with the hex HMAC-SHA256
 * of the raw body in X-Nexor-Signature. Deliveries are asynchronous, on a
 * SoupSession in the server's main context: a request that raised an event
 * is answered without waiting for any receiver. They are at least once:
 * a network error, 429 or 5xx is retried after 1, 5 and 30 minutes (times a
 * scale, for tests), any other answer is final. Every attempt has a fresh
 * delivery_id and the event's own event_id and timestamp, and ends up in a
 * bounded log the admin routes read.
 *
 * Everything here runs in the server's thread.
 */

#include "nexor-emulator-webhooks.h"

#include <math.h>
#include <string.h>

#include <libsoup/soup.h>

#include "nexor-emulator-json.h"
#include "nexor-emulator-routes.h"
#include "nexor-json-writer.h"

#ifndef NEXOR_EMULATOR_VERSION
# define NEXOR_EMULATOR_VERSION "0"
#endif

/* §6: "retries up to 3 times with backoff 1 min, 5 min, 30 min". */
static const guint retry_delays_ms[] = { 60 * 1000, 5 * 60 * 1000, 30 * 60 * 1000 };
#define MAX_ATTEMPTS (G_N_ELEMENTS (retry_delays_ms) + 1)

/* A receiver that neither answers nor fails is given up on after this
 * long, which counts as a network error. */
#define ATTEMPT_TIMEOUT_S 30

typedef struct {
  gatomicrefcount ref_count;
  char *id;
  char *url;
  GUri *uri;
  char *secret;
  GStrv events;           /* NULL: every event */
  char *created_at;
  gboolean persistent;    /* registered at runtime: kept in the state file */
} Subscription;

typedef struct {
  NexorEmulatorWebhooks *owner;   /* NULL once the owner is gone */
  Subscription *subscription;
  char *event_type;
  char *event_id;
  char *timestamp;
  JsonObject *data;
  gboolean test;
  guint attempt;                  /* 1 for the first */
  char *delivery_id;              /* of the current attempt */
  char *sent_at;
  SoupMessage *msg;
  GCancellable *cancellable;
  GSource *retry_source;
} Delivery;

struct _NexorEmulatorWebhooks
{
  GMainContext *context;
  SoupSession *session;           /* made in the server's context on first use */
  GPtrArray *subscriptions;       /* Subscription, oldest first */
  GPtrArray *deliveries;          /* Delivery in flight or waiting to retry */
  GQueue log;                     /* JsonObject, oldest first */
  double retry_scale;
  gboolean print;
  GTlsDatabase *tls_database;     /* NULL: the system's trust store */
  gboolean changed;               /* a persistent subscription came or went */
};

static Subscription *
subscription_ref (Subscription *subscription)
{
  g_atomic_ref_count_inc (&subscription->ref_count);
  return subscription;
}

static void
subscription_unref (Subscription *subscription)
{
  if (!g_atomic_ref_count_dec (&subscription->ref_count))
    return;

  g_free (subscription->id);
  g_free (subscription->url);
  g_uri_unref (subscription->uri);
  g_free (subscription->secret);
  g_strfreev (subscription->events);
  g_free (subscription->created_at);
  g_free (subscription);
}

static void
delivery_free (Delivery *delivery)
{
  if (delivery->retry_source != NULL)
    {
      g_source_destroy (delivery->retry_source);
      g_clear_pointer (&delivery->retry_source, g_source_unref);
    }
  g_clear_object (&delivery->cancellable);
  g_clear_object (&delivery->msg);
  g_clear_pointer (&delivery->subscription, subscription_unref);
  g_free (delivery->event_type);
  g_free (delivery->event_id);
  g_free (delivery->timestamp);
  g_clear_pointer (&delivery->data, json_object_unref);
  g_free (delivery->delivery_id);
  g_free (delivery->sent_at);
  g_free (delivery);
}

NexorEmulatorWebhooks *
nexor_emulator_webhooks_new (void)
{
  NexorEmulatorWebhooks *self = g_new0 (NexorEmulatorWebhooks, 1);

  self->subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) subscription_unref);
  self->deliveries = g_ptr_array_new ();
  g_queue_init (&self->log);
  self->retry_scale = 1.0;

  return self;
}

/* A delivery whose attempt is in flight is freed by its callback, which
 * the cancellation brings; one waiting for a retry is freed here. */
static void
delivery_abandon (Delivery *delivery)
{
  delivery->owner = NULL;

  if (delivery->msg != NULL)
    g_cancellable_cancel (delivery->cancellable);
  else
    delivery_free (delivery);
}

void
nexor_emulator_webhooks_free (NexorEmulatorWebhooks *self)
{
  if (self == NULL)
    return;

  while (self->deliveries->len > 0)
    delivery_abandon (g_ptr_array_steal_index_fast (self->deliveries, self->deliveries->len - 1));

  g_ptr_array_unref (self->deliveries);
  g_ptr_array_unref (self->subscriptions);
  g_queue_clear_full (&self->log, (GDestroyNotify) json_object_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->tls_database);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self);
}

/* The context deliveries run in: the server's. */
void
nexor_emulator_webhooks_set_context (NexorEmulatorWebhooks *self,
                                     GMainContext          *context)
{
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = context != NULL ? g_main_context_ref (context) : NULL;
}

/* Every retry delay is multiplied by @scale: 0.001 turns 1, 5 and 30
 * minutes into 60, 300 and 1,800 ms. */
void
nexor_emulator_webhooks_set_retry_scale (NexorEmulatorWebhooks *self,
                                         double                 scale)
{
  g_return_if_fail (scale >= 0 && isfinite (scale));

  self->retry_scale = scale;
}

/* The certificates https receivers are checked against, instead of the
 * system's: a local receiver usually has a certificate of its own making. */
void
nexor_emulator_webhooks_set_tls_database (NexorEmulatorWebhooks *self,
                                          GTlsDatabase          *database)
{
  g_set_object (&self->tls_database, database);
  if (self->session != NULL)
    soup_session_set_tls_database (self->session, database);
}

void
nexor_emulator_webhooks_set_print (NexorEmulatorWebhooks *self,
                                   gboolean               print)
{
  self->print = print;
}

guint
nexor_emulator_webhooks_get_pending (NexorEmulatorWebhooks *self)
{
  return self->deliveries->len;
}

/* Subscriptions */

static JsonObject *
render_subscription (Subscription *subscription)
{
  JsonObject *out = json_object_new ();
  JsonArray *events = json_array_new ();
  const char * const *types = subscription->events != NULL
                              ? (const char * const *) subscription->events
                              : nexor_emulator_event_types;

  for (guint i = 0; types[i] != NULL; i++)
    json_array_add_string_element (events, types[i]);

  json_object_set_string_member (out, "id", subscription->id);
  json_object_set_string_member (out, "url", subscription->url);
  json_object_set_string_member (out, "secret", subscription->secret);
  json_object_set_array_member (out, "events", events);
  json_object_set_string_member (out, "created_at", subscription->created_at);

  return out;
}

/**
 * nexor_emulator_webhook_check_url:
 * @url: a receiver's URL
 * @out_uri: (out) (optional): the parsed URL
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @url is an absolute http or https URL with a host
 */
gboolean
nexor_emulator_webhook_check_url (const char  *url,
                                  GUri       **out_uri,
                                  GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *shown = nexor_emulator_quote (url, -1, NEXOR_EMULATOR_QUOTE_CHARS);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The webhook URL “%s” is not an absolute http or https URL", shown);
      return FALSE;
    }

  if (out_uri != NULL)
    *out_uri = g_steal_pointer (&uri);
  return TRUE;
}

/**
 * nexor_emulator_webhook_check_events:
 * @events: (nullable) (array zero-terminated=1): an event filter
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @events is %NULL (every event) or a non-empty list of
 *   known event types
 */
gboolean
nexor_emulator_webhook_check_events (const char * const  *events,
                                     GError             **error)
{
  if (events == NULL)
    return TRUE;

  if (events[0] == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "The event filter is empty: give at least one event type, or none for all");
      return FALSE;
    }

  for (guint i = 0; events[i] != NULL; i++)
    if (!nexor_emulator_event_type_is_known (events[i]))
      {
        g_autofree char *shown = nexor_emulator_quote (events[i], -1, NEXOR_EMULATOR_QUOTE_CHARS);
        g_autofree char *known = g_strjoinv (", ", (char **) nexor_emulator_event_types);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "Unknown event type “%s”; the event types are %s", shown, known);
        return FALSE;
      }

  return TRUE;
}

/**
 * nexor_emulator_webhooks_add:
 * @self: the webhooks
 * @url: an absolute http or https URL
 * @secret: (nullable): the signing secret, %NULL for
 *   %NEXOR_EMULATOR_DEFAULT_WEBHOOK_SECRET
 * @events: (nullable) (array zero-terminated=1): the event types to
 *   deliver, %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the subscription as the admin routes
 *   show it, or %NULL with @error set
 */
static Subscription *
add_subscription (NexorEmulatorWebhooks  *self,
                  const char             *id,
                  const char             *url,
                  const char             *secret,
                  const char * const     *events,
                  const char             *created_at,
                  gboolean                persistent,
                  GError                **error)
{
  Subscription *subscription;
  g_autoptr(GUri) uri = NULL;

  if (!nexor_emulator_webhook_check_url (url, &uri, error) || !nexor_emulator_webhook_check_events (events, error))
    return NULL;

  if (secret != NULL && *secret == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "The webhook secret must not be empty");
      return NULL;
    }

  subscription = g_new0 (Subscription, 1);
  g_atomic_ref_count_init (&subscription->ref_count);
  subscription->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  subscription->url = g_strdup (url);
  subscription->uri = g_steal_pointer (&uri);
  subscription->secret = g_strdup (secret != NULL ? secret : NEXOR_EMULATOR_DEFAULT_WEBHOOK_SECRET);
  subscription->events = events != NULL ? g_strdupv ((char **) events) : NULL;
  subscription->created_at = created_at != NULL ? g_strdup (created_at) : nexor_emulator_now_millis ();
  subscription->persistent = persistent;
  g_ptr_array_add (self->subscriptions, subscription);

  if (persistent)
    self->changed = TRUE;

  return subscription;
}

/**
 * nexor_emulator_webhooks_add:
 * @self: the webhooks
 * @url: an absolute http or https URL
 * @secret: (nullable): the signing secret, %NULL for
 *   %NEXOR_EMULATOR_DEFAULT_WEBHOOK_SECRET
 * @events: (nullable) (array zero-terminated=1): the event types to
 *   deliver, %NULL for all
 * @persistent: whether the state file keeps it (the admin route's), or
 *   it lasts as long as the process (`--webhook`'s)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the subscription as the admin routes
 *   show it, or %NULL with @error set
 */
JsonObject *
nexor_emulator_webhooks_add (NexorEmulatorWebhooks  *self,
                             const char             *url,
                             const char             *secret,
                             const char * const     *events,
                             gboolean                persistent,
                             GError                **error)
{
  Subscription *subscription;

  g_return_val_if_fail (url != NULL, NULL);

  subscription = add_subscription (self, NULL, url, secret, events, NULL, persistent, error);
  return subscription != NULL ? render_subscription (subscription) : NULL;
}

/**
 * nexor_emulator_webhooks_restore:
 * @self: the webhooks
 * @records: the subscriptions a state file kept
 *   (nexor_emulator_store_dup_webhooks())
 * @error: return location for a #GError
 *
 * Adds the subscriptions of a state file, with their ids and times.
 *
 * Returns: %TRUE on success
 */
gboolean
nexor_emulator_webhooks_restore (NexorEmulatorWebhooks  *self,
                                 JsonArray              *records,
                                 GError                **error)
{
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      JsonArray *list = json_object_get_array_member (record, "events");
      g_autoptr(GPtrArray) events = g_ptr_array_new ();
      g_autoptr(GError) local_error = NULL;

      for (guint j = 0; j < json_array_get_length (list); j++)
        g_ptr_array_add (events, (gpointer) json_array_get_string_element (list, j));
      g_ptr_array_add (events, NULL);

      if (add_subscription (self, json_object_get_string_member (record, "id"),
                            json_object_get_string_member (record, "url"),
                            json_object_get_string_member (record, "secret"),
                            (const char * const *) events->pdata,
                            json_object_get_string_member (record, "created_at"),
                            TRUE, &local_error) == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "webhooks[%u]: %s", i, local_error->message);
          return FALSE;
        }
    }

  /* What was just read needs no saving. */
  self->changed = FALSE;
  return TRUE;
}

/* Returns whether a persistent subscription came or went since the last
 * call, and the ones to keep. */
gboolean
nexor_emulator_webhooks_take_changed (NexorEmulatorWebhooks  *self,
                                      JsonArray             **out_records)
{
  JsonArray *records;

  if (!self->changed)
    return FALSE;

  records = json_array_new ();
  for (guint i = 0; i < self->subscriptions->len; i++)
    {
      Subscription *subscription = g_ptr_array_index (self->subscriptions, i);

      if (subscription->persistent)
        json_array_add_object_element (records, render_subscription (subscription));
    }

  self->changed = FALSE;
  *out_records = records;
  return TRUE;
}

static Subscription *
find_subscription (NexorEmulatorWebhooks *self,
                   const char            *id,
                   guint                 *out_index)
{
  for (guint i = 0; i < self->subscriptions->len; i++)
    {
      Subscription *subscription = g_ptr_array_index (self->subscriptions, i);

      if (g_ascii_strcasecmp (subscription->id, id) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return subscription;
        }
    }

  return NULL;
}

/* A deleted subscription gets nothing more, retries included. */
static void
remove_subscription (NexorEmulatorWebhooks *self,
                     guint                  index)
{
  Subscription *subscription = g_ptr_array_index (self->subscriptions, index);

  for (guint i = self->deliveries->len; i > 0; i--)
    {
      Delivery *delivery = g_ptr_array_index (self->deliveries, i - 1);

      if (delivery->subscription == subscription)
        delivery_abandon (g_ptr_array_steal_index (self->deliveries, i - 1));
    }

  if (subscription->persistent)
    self->changed = TRUE;
  g_ptr_array_remove_index (self->subscriptions, index);
}

/* Deliveries */

static void delivery_attempt (Delivery *delivery);

static char *
delivery_body (Delivery *delivery,
               gsize    *out_length)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *envelope = json_object_new ();

  json_object_set_string_member (envelope, "event_type", delivery->event_type);
  json_object_set_string_member (envelope, "event_id", delivery->event_id);
  json_object_set_string_member (envelope, "webhook_id", delivery->subscription->id);
  json_object_set_string_member (envelope, "delivery_id", delivery->delivery_id);
  json_object_set_string_member (envelope, "timestamp", delivery->timestamp);
  json_object_set_string_member (envelope, "client_id", NEXOR_EMULATOR_CLIENT_ID);
  json_object_set_boolean_member (envelope, "test", delivery->test);
  json_object_set_object_member (envelope, "data", json_object_ref (delivery->data));
  json_node_take_object (node, envelope);

  return nexor_json_writer_to_string (node, FALSE, out_length);
}

static gboolean
delivery_retry_cb (gpointer user_data)
{
  Delivery *delivery = user_data;

  g_clear_pointer (&delivery->retry_source, g_source_unref);
  delivery_attempt (delivery);

  return G_SOURCE_REMOVE;
}

static void
delivery_finish (Delivery *delivery)
{
  g_ptr_array_remove_fast (delivery->owner->deliveries, delivery);
  delivery_free (delivery);
}

static void
log_attempt (NexorEmulatorWebhooks *self,
             Delivery              *delivery,
             guint                  status,
             const char            *error_message,
             const char            *outcome,
             gint64                 retry_in_ms)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "delivery_id", delivery->delivery_id);
  json_object_set_string_member (entry, "event_id", delivery->event_id);
  json_object_set_string_member (entry, "event_type", delivery->event_type);
  json_object_set_string_member (entry, "webhook_id", delivery->subscription->id);
  json_object_set_string_member (entry, "url", delivery->subscription->url);
  json_object_set_int_member (entry, "attempt", delivery->attempt);
  json_object_set_boolean_member (entry, "test", delivery->test);
  json_object_set_string_member (entry, "time", delivery->sent_at);
  if (status != 0)
    json_object_set_int_member (entry, "status", status);
  else
    json_object_set_null_member (entry, "status");
  if (error_message != NULL)
    json_object_set_string_member (entry, "error", error_message);
  else
    json_object_set_null_member (entry, "error");
  json_object_set_string_member (entry, "outcome", outcome);
  if (retry_in_ms >= 0)
    json_object_set_int_member (entry, "retry_in_ms", retry_in_ms);
  else
    json_object_set_null_member (entry, "retry_in_ms");

  g_queue_push_tail (&self->log, entry);
  while (self->log.length > NEXOR_EMULATOR_WEBHOOK_LOG_MAX)
    json_object_unref (g_queue_pop_head (&self->log));

  {
    g_autofree char *result = status != 0 ? g_strdup_printf ("HTTP %u", status) : g_strdup (error_message);
    g_autofree char *retry = retry_in_ms >= 0 ? g_strdup_printf (" in %" G_GINT64_FORMAT " ms", retry_in_ms)
                                              : g_strdup ("");

    if (self->print)
      g_printerr ("nexor-emulator: webhook %s%s (event %s, delivery %s, attempt %u) to %s: %s, %s%s\n",
                  delivery->event_type, delivery->test ? " test" : "", delivery->event_id,
                  delivery->delivery_id, delivery->attempt, delivery->subscription->url,
                  result, outcome, retry);
    else
      g_debug ("Webhook %s (event %s, delivery %s, attempt %u) to %s: %s, %s%s",
               delivery->event_type, delivery->event_id, delivery->delivery_id, delivery->attempt,
               delivery->subscription->url, result, outcome, retry);
  }
}

static const char *
describe_error (GError *error)
{
  return error != NULL ? error->message : "No answer";
}

static void
delivery_sent_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Delivery *delivery = user_data;
  NexorEmulatorWebhooks *self = delivery->owner;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  guint status = 0;
  gboolean retryable;

  answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  /* Deleted subscription or a server going away: nothing to record. */
  if (self == NULL)
    {
      delivery_free (delivery);
      return;
    }

  /* A status that came with a body that broke off still is the answer:
   * a 503 whose connection was then reset is a 503. */
  if (soup_message_get_status (delivery->msg) >= 100)
    status = soup_message_get_status (delivery->msg);
  g_clear_object (&delivery->msg);

  if (status >= 200 && status < 300)
    {
      log_attempt (self, delivery, status, NULL, "delivered", -1);
      delivery_finish (delivery);
      return;
    }

  retryable = status == 0 || status == 429 || status >= 500;
  if (!retryable)
    {
      log_attempt (self, delivery, status, NULL, "rejected", -1);
      delivery_finish (delivery);
      return;
    }

  if (delivery->attempt >= MAX_ATTEMPTS)
    {
      log_attempt (self, delivery, status, status == 0 ? describe_error (error) : NULL, "given_up", -1);
      delivery_finish (delivery);
      return;
    }

  {
    double scaled = retry_delays_ms[delivery->attempt - 1] * self->retry_scale;
    guint delay_ms = (guint) MIN (scaled + 0.5, (double) G_MAXUINT);

    log_attempt (self, delivery, status, status == 0 ? describe_error (error) : NULL, "retrying", delay_ms);

    delivery->retry_source = g_timeout_source_new (delay_ms);
    g_source_set_static_name (delivery->retry_source, "[nexor-emulator] webhook retry");
    g_source_set_callback (delivery->retry_source, delivery_retry_cb, delivery, NULL);
    g_source_attach (delivery->retry_source, self->context);
  }
}

static SoupSession *
ensure_session (NexorEmulatorWebhooks *self)
{
  if (self->session == NULL)
    {
      /* No proxy, whatever the environment says: receivers are usually on
       * this machine, and a proxy lookup needs GSettings schemas. */
      self->session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                     "timeout", ATTEMPT_TIMEOUT_S,
                                                     "max-conns-per-host", 8,
                                                     "user-agent", "nexor-emulator/" NEXOR_EMULATOR_VERSION " webhooks",
                                                     NULL);
      if (self->tls_database != NULL)
        soup_session_set_tls_database (self->session, self->tls_database);
    }

  return self->session;
}

static void
delivery_attempt (Delivery *delivery)
{
  NexorEmulatorWebhooks *self = delivery->owner;
  g_autofree char *body = NULL;
  g_autofree char *signature = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  delivery->attempt++;
  g_free (delivery->delivery_id);
  delivery->delivery_id = g_uuid_string_random ();
  g_free (delivery->sent_at);
  delivery->sent_at = nexor_emulator_now_millis ();

  body = delivery_body (delivery, &length);
  signature = g_compute_hmac_for_data (G_CHECKSUM_SHA256,
                                       (const guchar *) delivery->subscription->secret,
                                       strlen (delivery->subscription->secret),
                                       (const guchar *) body, length);
  bytes = g_bytes_new_take (g_steal_pointer (&body), length);

  delivery->msg = soup_message_new_from_uri (SOUP_METHOD_POST, delivery->subscription->uri);
  /* A receiver answers; it does not send the event elsewhere. */
  soup_message_add_flags (delivery->msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (delivery->msg),
                                "X-Nexor-Signature", signature);
  soup_message_set_request_body_from_bytes (delivery->msg, "application/json", bytes);

  g_clear_object (&delivery->cancellable);
  delivery->cancellable = g_cancellable_new ();

  /* The server's context is the thread-default one while it dispatches a
   * request, but not necessarily while it runs a retry timer. */
  g_main_context_push_thread_default (self->context);
  soup_session_send_and_read_async (ensure_session (self), delivery->msg, G_PRIORITY_DEFAULT,
                                    delivery->cancellable, delivery_sent_cb, delivery);
  g_main_context_pop_thread_default (self->context);
}

static void
delivery_start (NexorEmulatorWebhooks *self,
                Subscription          *subscription,
                NexorEmulatorEvent    *event,
                gboolean               test)
{
  Delivery *delivery = g_new0 (Delivery, 1);

  delivery->owner = self;
  delivery->subscription = subscription_ref (subscription);
  delivery->event_type = g_strdup (event->event_type);
  delivery->event_id = g_strdup (event->event_id);
  delivery->timestamp = g_strdup (event->timestamp);
  delivery->data = json_object_ref (event->data);
  delivery->test = test;
  g_ptr_array_add (self->deliveries, delivery);

  delivery_attempt (delivery);
}

/**
 * nexor_emulator_webhooks_deliver:
 * @self: the webhooks
 * @event: an event a route raised
 *
 * Starts delivering @event to every subscription that takes it. Returns
 * at once; must be called in the server's context.
 */
void
nexor_emulator_webhooks_deliver (NexorEmulatorWebhooks *self,
                                 NexorEmulatorEvent    *event)
{
  g_return_if_fail (self->context != NULL);

  for (guint i = 0; i < self->subscriptions->len; i++)
    {
      Subscription *subscription = g_ptr_array_index (self->subscriptions, i);

      if (subscription->events == NULL ||
          g_strv_contains ((const char * const *) subscription->events, event->event_type))
        delivery_start (self, subscription, event, FALSE);
    }
}

/* --webhook 'URL;secret=S;events=a,b' */

/**
 * nexor_emulator_webhook_spec_parse:
 * @spec: `URL`, optionally followed by `;secret=SECRET` and
 *   `;events=TYPE,TYPE…`, in any order
 * @out_url: (out): the URL
 * @out_secret: (out) (nullable): the secret, or %NULL if not given
 * @out_events: (out) (nullable): the event types, or %NULL if not given
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @spec is a valid subscription
 */
gboolean
nexor_emulator_webhook_spec_parse (const char  *spec,
                                   char       **out_url,
                                   char       **out_secret,
                                   GStrv       *out_events,
                                   GError     **error)
{
  g_auto(GStrv) items = g_strsplit (spec, ";", -1);
  g_autofree char *secret = NULL;
  g_auto(GStrv) events = NULL;
  g_autoptr(GUri) uri = NULL;

  if (items[0] == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A webhook needs a URL: URL;secret=SECRET;events=TYPE,TYPE");
      return FALSE;
    }

  if (!nexor_emulator_webhook_check_url (items[0], &uri, error))
    return FALSE;

  for (guint i = 1; items[i] != NULL; i++)
    {
      g_autofree char *shown = nexor_emulator_quote (items[i], -1, NEXOR_EMULATOR_QUOTE_CHARS);

      if (g_str_has_prefix (items[i], "secret=") && secret == NULL)
        {
          secret = g_strdup (items[i] + strlen ("secret="));
          if (*secret == '\0')
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                   "The webhook secret must not be empty");
              return FALSE;
            }
        }
      else if (g_str_has_prefix (items[i], "events=") && events == NULL)
        {
          events = g_strsplit (items[i] + strlen ("events="), ",", -1);
          for (guint j = 0; events[j] != NULL; j++)
            g_strstrip (events[j]);
          if (events[0] == NULL || (events[0][0] == '\0' && events[1] == NULL))
            g_clear_pointer (&events[0], g_free);
          if (!nexor_emulator_webhook_check_events ((const char * const *) events, error))
            return FALSE;
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Unexpected “%s” in a webhook; expected URL;secret=SECRET;events=TYPE,TYPE", shown);
          return FALSE;
        }
    }

  *out_url = g_strdup (items[0]);
  *out_secret = g_steal_pointer (&secret);
  *out_events = g_steal_pointer (&events);
  return TRUE;
}

/* Admin routes */

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
error_node (const char *error,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static JsonNode *
error_node (const char *error,
            const char *format,
            ...)
{
  JsonObject *body = json_object_new ();
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_string_member (body, "error", error);
  json_object_set_string_member (body, "message", message);
  return object_node (body);
}

/* The body as an object; an empty body is an empty object when @empty_ok. */
static JsonObject *
parse_object (GBytes   *body,
              gboolean  empty_ok,
              char    **out_message)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = body != NULL ? g_bytes_get_size (body) : 0;

  if (length == 0 && empty_ok)
    return json_object_new ();

  root = nexor_emulator_json_parse_text (length > 0 ? g_bytes_get_data (body, NULL) : "", length,
                                         NEXOR_EMULATOR_MAX_BODY_DEPTH, &error);
  if (root == NULL)
    {
      *out_message = g_strdup_printf ("The body is not JSON: %s", error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      *out_message = g_strdup ("The body must be a JSON object");
      return NULL;
    }

  return json_node_dup_object (root);
}

static char *
check_members (JsonObject         *object,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *shown = nexor_emulator_quote (l->data, -1, NEXOR_EMULATOR_QUOTE_CHARS);
        g_autofree char *expected = g_strjoinv (", ", (char **) known);

        return g_strdup_printf ("Unknown member “%s”; expected %s", shown, expected);
      }

  return NULL;
}

static JsonNode *
create_subscription (NexorEmulatorWebhooks *self,
                     GBytes                *body,
                     guint                 *out_status)
{
  static const char * const known[] = { "url", "secret", "events", NULL };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  JsonObject *created;
  JsonObject *answer;
  JsonNode *node;
  const char *url = NULL;
  const char *secret = NULL;

  *out_status = SOUP_STATUS_BAD_REQUEST;

  object = parse_object (body, FALSE, &message);
  if (object == NULL || (message = check_members (object, known)) != NULL)
    return error_node ("Invalid request", "%s", message);

  node = json_object_get_member (object, "url");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return error_node ("Invalid request", "url is required and must be a string");
  url = json_node_get_string (node);

  node = json_object_get_member (object, "secret");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return error_node ("Invalid request", "secret must be a string");
      secret = json_node_get_string (node);
    }

  node = json_object_get_member (object, "events");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return error_node ("Invalid request", "events must be an array of event types");
      array = json_node_get_array (node);
      events = g_ptr_array_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            return error_node ("Invalid request", "events[%u] must be a string", i);
          g_ptr_array_add (events, (gpointer) json_node_get_string (item));
        }
      g_ptr_array_add (events, NULL);
    }

  created = nexor_emulator_webhooks_add (self, url, secret,
                                         events != NULL ? (const char * const *) events->pdata : NULL,
                                         TRUE, &error);
  if (created == NULL)
    return error_node ("Invalid request", "%s", error->message);

  answer = json_object_new ();
  json_object_set_object_member (answer, "webhook", created);
  *out_status = SOUP_STATUS_CREATED;
  return object_node (answer);
}

static JsonNode *
list_subscriptions (NexorEmulatorWebhooks *self)
{
  JsonObject *answer = json_object_new ();
  JsonArray *list = json_array_new ();

  for (guint i = 0; i < self->subscriptions->len; i++)
    json_array_add_object_element (list, render_subscription (g_ptr_array_index (self->subscriptions, i)));

  json_object_set_array_member (answer, "webhooks", list);
  return object_node (answer);
}

static JsonNode *
list_deliveries (NexorEmulatorWebhooks *self,
                 const char            *query)
{
  g_autoptr(GHashTable) filters = query != NULL && *query != '\0' ? soup_form_decode (query) : NULL;
  const char *webhook_id = filters != NULL ? g_hash_table_lookup (filters, "webhook_id") : NULL;
  const char *event_id = filters != NULL ? g_hash_table_lookup (filters, "event_id") : NULL;
  JsonObject *answer = json_object_new ();
  JsonArray *list = json_array_new ();

  for (GList *l = self->log.head; l != NULL; l = l->next)
    {
      JsonObject *entry = l->data;

      if (webhook_id != NULL &&
          g_ascii_strcasecmp (json_object_get_string_member (entry, "webhook_id"), webhook_id) != 0)
        continue;
      if (event_id != NULL &&
          g_ascii_strcasecmp (json_object_get_string_member (entry, "event_id"), event_id) != 0)
        continue;
      json_array_add_object_element (list, json_object_ref (entry));
    }

  json_object_set_array_member (answer, "deliveries", list);
  json_object_set_int_member (answer, "pending", self->deliveries->len);
  return object_node (answer);
}

/* A copy that shares nothing with the log, for another thread. */
JsonNode *
nexor_emulator_webhooks_dup_log (NexorEmulatorWebhooks *self)
{
  g_autoptr(JsonNode) log = list_deliveries (self, NULL);

  return nexor_emulator_json_node_deep_copy (log);
}

static JsonNode *
send_test (NexorEmulatorWebhooks *self,
           NexorEmulatorStore    *store,
           Subscription          *subscription,
           GBytes                *body,
           guint                 *out_status)
{
  static const char * const known[] = { "event_type", NULL };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(NexorEmulatorEvent) event = NULL;
  g_autofree char *message = NULL;
  const char *event_type = "workflow_run.status_changed";
  JsonObject *data;
  JsonObject *answer;
  JsonNode *node;

  *out_status = SOUP_STATUS_BAD_REQUEST;

  object = parse_object (body, TRUE, &message);
  if (object == NULL || (message = check_members (object, known)) != NULL)
    return error_node ("Invalid request", "%s", message);

  node = json_object_get_member (object, "event_type");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return error_node ("Invalid request", "event_type must be a string");
      event_type = json_node_get_string (node);
      if (!nexor_emulator_event_type_is_known (event_type))
        {
          g_autofree char *shown = nexor_emulator_quote (event_type, -1, NEXOR_EMULATOR_QUOTE_CHARS);
          g_autofree char *types = g_strjoinv (", ", (char **) nexor_emulator_event_types);

          return error_node ("Invalid request", "Unknown event type “%s”; the event types are %s", shown, types);
        }
    }

  data = nexor_emulator_store_sample_event_data (store, event_type);
  if (data == NULL)
    {
      *out_status = SOUP_STATUS_CONFLICT;
      return error_node ("Conflict", "The account has no %s to build a sample %s event from",
                         g_str_equal (event_type, "workflow_run.status_changed") ? "lead in a workflow" : "meeting",
                         event_type);
    }

  /* The dashboard's "Test" button: whatever the filter says. */
  event = nexor_emulator_event_new (event_type, data);
  delivery_start (self, subscription, event, TRUE);

  answer = json_object_new ();
  json_object_set_string_member (answer, "webhook_id", subscription->id);
  json_object_set_string_member (answer, "event_id", event->event_id);
  json_object_set_string_member (answer, "event_type", event->event_type);
  *out_status = SOUP_STATUS_ACCEPTED;
  return object_node (answer);
}

static JsonNode *
not_found (const char *id)
{
  g_autofree char *shown = nexor_emulator_quote (id, -1, NEXOR_EMULATOR_QUOTE_CHARS);

  return error_node ("Not found", "No webhook subscription “%s”", shown);
}

/**
 * nexor_emulator_webhooks_handle:
 * @self: the webhooks
 * @store: the state, for the test route's sample data
 * @method: the request method
 * @path: the request path, percent-encoded
 * @query: (nullable): the raw query
 * @body: (nullable): the request body
 * @out_status: (out): the status to answer with
 * @out_body: (out) (transfer full): the body to answer with
 * @out_allow: (out) (transfer full) (nullable): for a 405, the methods the
 *   path takes
 *
 * Answers the admin routes below %NEXOR_EMULATOR_WEBHOOKS_PATH.
 *
 * Returns: %FALSE if @path is not one of them
 */
gboolean
nexor_emulator_webhooks_handle (NexorEmulatorWebhooks  *self,
                                NexorEmulatorStore     *store,
                                const char             *method,
                                const char             *path,
                                const char             *query,
                                GBytes                 *body,
                                guint                  *out_status,
                                JsonNode              **out_body,
                                char                  **out_allow)
{
  g_auto(GStrv) segments = NULL;
  const char *rest;
  guint n;

  *out_allow = NULL;
  *out_status = SOUP_STATUS_OK;

  if (!g_str_has_prefix (path, NEXOR_EMULATOR_WEBHOOKS_PATH))
    return FALSE;
  rest = path + strlen (NEXOR_EMULATOR_WEBHOOKS_PATH);
  if (*rest != '\0' && *rest != '/')
    return FALSE;
  if (*rest == '/')
    rest++;

  if (body != NULL && g_bytes_get_size (body) > NEXOR_EMULATOR_MAX_BODY_SIZE)
    {
      *out_status = SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
      *out_body = error_node ("Payload too large", "Request bodies are limited to 8 MiB");
      return TRUE;
    }

  segments = *rest != '\0' ? g_strsplit (rest, "/", -1) : g_new0 (char *, 1);
  n = g_strv_length (segments);

  /* /_emulator/webhooks */
  if (n == 0)
    {
      if (g_str_equal (method, "GET"))
        *out_body = list_subscriptions (self);
      else if (g_str_equal (method, "POST"))
        *out_body = create_subscription (self, body, out_status);
      else
        *out_allow = g_strdup ("GET, POST");
    }
  /* /_emulator/webhooks/deliveries: the log, before {id} */
  else if (n == 1 && g_str_equal (segments[0], "deliveries"))
    {
      if (g_str_equal (method, "GET"))
        {
          *out_body = list_deliveries (self, query);
        }
      else if (g_str_equal (method, "DELETE"))
        {
          g_queue_clear_full (&self->log, (GDestroyNotify) json_object_unref);
          *out_body = list_deliveries (self, NULL);
        }
      else
        {
          *out_allow = g_strdup ("GET, DELETE");
        }
    }
  /* /_emulator/webhooks/{id} */
  else if (n == 1 && *segments[0] != '\0')
    {
      guint index;
      Subscription *subscription = find_subscription (self, segments[0], &index);

      if (!g_str_equal (method, "GET") && !g_str_equal (method, "DELETE"))
        {
          *out_allow = g_strdup ("GET, DELETE");
        }
      else if (subscription == NULL)
        {
          *out_status = SOUP_STATUS_NOT_FOUND;
          *out_body = not_found (segments[0]);
        }
      else
        {
          JsonObject *answer = json_object_new ();

          json_object_set_object_member (answer, "webhook", render_subscription (subscription));
          if (g_str_equal (method, "DELETE"))
            {
              json_object_set_boolean_member (answer, "deleted", TRUE);
              remove_subscription (self, index);
            }
          *out_body = object_node (answer);
        }
    }
  /* /_emulator/webhooks/{id}/test: the dashboard's "Test" button */
  else if (n == 2 && *segments[0] != '\0' && g_str_equal (segments[1], "test"))
    {
      Subscription *subscription = find_subscription (self, segments[0], NULL);

      if (!g_str_equal (method, "POST"))
        {
          *out_allow = g_strdup ("POST");
        }
      else if (subscription == NULL)
        {
          *out_status = SOUP_STATUS_NOT_FOUND;
          *out_body = not_found (segments[0]);
        }
      else
        {
          *out_body = send_test (self, store, subscription, body, out_status);
        }
    }
  else
    {
      *out_status = SOUP_STATUS_NOT_FOUND;
      *out_body = error_node ("Not found", "Route not found");
    }

  if (*out_allow != NULL)
    {
      *out_status = SOUP_STATUS_METHOD_NOT_ALLOWED;
      *out_body = error_node ("Method not allowed", "This route takes %s", *out_allow);
    }

  return TRUE;
}
