/* nexor-emulator.c: a local, faithful emulator of the Nexor REST API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "nexor-emulator.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "nexor-emulator-connections.h"
#include "nexor-emulator-fault.h"
#include "nexor-emulator-json.h"
#include "nexor-json-writer.h"
#include "nexor-emulator-store.h"
#include "nexor-emulator-routes.h"
#include "nexor-emulator-webhooks.h"

#ifndef NEXOR_EMULATOR_VERSION
# define NEXOR_EMULATOR_VERSION "0"
#endif

#define BASE_PATH "/api/public"

/**
 * NexorEmulator:
 *
 * A `SoupServer` that answers like the Nexor public API, from in-memory data
 * seeded with the documented examples.
 *
 * The server runs in the thread-default main context that is current when
 * nexor_emulator_listen_local() is called. The test hooks
 * (nexor_emulator_set_response_delay(), nexor_emulator_push_fault(),
 * nexor_emulator_set_faults_enabled(), nexor_emulator_get_request_count(),
 * nexor_emulator_dup_last_request(), nexor_emulator_dup_state())
 * may be called from any thread; everything else belongs to the thread that
 * runs the server. The account data lives there too: every request that
 * reads or changes it is handled in that context, one at a time.
 */

typedef struct _PendingResponse PendingResponse;

struct _NexorEmulator
{
  GObject parent_instance;

  SoupServer *server;
  NexorEmulatorConnections *connections;
  NexorEmulatorStore *store;
  GHashTable *api_keys;     /* set of accepted keys; never changes after construction */
  GMainContext *context;    /* the context the server was started in */
  guint port;
  GTlsCertificate *tls_certificate;  /* NULL: plain http */
  GPtrArray *pending;       /* PendingResponse; server thread only */
  gint held_count;          /* atomic: pending->len, readable from any thread */

  gint delay_ms;            /* atomic */
  gint request_count;       /* atomic */
  gint faults_enabled;      /* atomic: X-Nexor-Fault and /_emulator/faults */
  GPtrArray *deliveries;    /* NexorEmulatorDelivery; server thread only */
  NexorEmulatorWebhooks *webhooks;  /* server thread only, once listening */

  GMutex mutex;             /* guards the members below */
  JsonObject *last_request;
  GQueue faults;            /* NexorEmulatorFault */
};

enum {
  PROP_0,
  PROP_API_KEYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (NexorEmulator, nexor_emulator, G_TYPE_OBJECT)

/* Responses held back by a delay. The message stays paused in the server
 * until the timer fires; if the exchange ends first (the client went away,
 * the server shut down) the timer is dropped instead. */
struct _PendingResponse
{
  NexorEmulator *self;      /* unowned: dispose drops every pending response */
  SoupServerMessage *msg;
  GSource *source;
  gulong finished_id;
};

static void
pending_response_free (PendingResponse *pending)
{
  g_clear_signal_handler (&pending->finished_id, pending->msg);

  if (pending->source != NULL)
    {
      g_source_destroy (pending->source);
      g_clear_pointer (&pending->source, g_source_unref);
    }

  g_clear_object (&pending->msg);
  g_free (pending);
}

static gboolean
pending_response_timeout_cb (gpointer user_data)
{
  PendingResponse *pending = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (pending->msg);

  NexorEmulator *self = pending->self;

  g_ptr_array_remove_fast (self->pending, pending);
  g_atomic_int_set (&self->held_count, (gint) self->pending->len);
  soup_server_message_unpause (msg);

  return G_SOURCE_REMOVE;
}

static void
pending_response_finished_cb (SoupServerMessage *msg,
                              PendingResponse   *pending)
{
  NexorEmulator *self = pending->self;

  g_ptr_array_remove_fast (self->pending, pending);
  g_atomic_int_set (&self->held_count, (gint) self->pending->len);
}

static void
delay_response (NexorEmulator     *self,
                SoupServerMessage *msg,
                guint              delay_ms)
{
  PendingResponse *pending;

  pending = g_new0 (PendingResponse, 1);
  pending->self = self;
  pending->msg = g_object_ref (msg);
  pending->finished_id = g_signal_connect (msg, "finished",
                                           G_CALLBACK (pending_response_finished_cb),
                                           pending);

  /* A timer in the server's own context, never a sleep: other requests keep
   * being served while this one waits. */
  pending->source = g_timeout_source_new (delay_ms);
  g_source_set_name (pending->source, "[nexor-emulator] delayed response");
  g_source_set_callback (pending->source, pending_response_timeout_cb, pending, NULL);
  g_source_attach (pending->source, self->context);

  g_ptr_array_add (self->pending, pending);
  g_atomic_int_set (&self->held_count, (gint) self->pending->len);
  soup_server_message_pause (msg);
}

/* Responses */

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              JsonNode          *body)
{
  char *data;
  gsize length;

  data = nexor_json_writer_to_string (body, FALSE, &length);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);
}

/* @message may be NULL: several documented errors carry only `error`. */
static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *error,
               const char        *message)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "error", error);
  if (message != NULL)
    json_object_set_string_member (body, "message", message);

  json_node_take_object (node, body);
  respond_json (msg, status, node);
}

/* Request handling */

/* Splits a percent-encoded path below BASE_PATH into decoded segments, or
 * returns NULL if the path is not below BASE_PATH. A segment that does not
 * decode cleanly (a bad escape, an encoded '/' or NUL) is kept as sent: with
 * its '%' it can match no literal and no id, so it ends as a clean 404. */
static GStrv
split_api_path (const char *path)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) raw = NULL;

  if (!g_str_has_prefix (path, BASE_PATH "/"))
    return NULL;

  raw = g_strsplit (path + strlen (BASE_PATH "/"), "/", -1);
  builder = g_strv_builder_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *decoded = g_uri_unescape_segment (raw[i], NULL, "/");

      g_strv_builder_add (builder, decoded != NULL ? decoded : raw[i]);
    }

  return g_strv_builder_end (builder);
}

static void
handle_api_request (NexorEmulator     *self,
                    SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  const char *api_key;
  g_autoptr(GPtrArray) allowed = g_ptr_array_new ();
  g_auto(GStrv) segments = NULL;

  /* Authentication comes before routing, as on the real service: without a
   * valid key even an unknown path answers 401. */
  api_key = soup_message_headers_get_one (headers, "X-API-Key");
  if (api_key == NULL || *api_key == '\0')
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "Missing API key",
                     "Please provide your API key in the X-API-Key header");
      return;
    }

  if (!g_hash_table_contains (self->api_keys, api_key))
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "Invalid API key",
                     "The provided API key is not valid");
      return;
    }

  segments = split_api_path (path);
  if (segments == NULL)
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "Not found", "Route not found");
      return;
    }

  /* Every route (nexor-emulator-routes.c) works on the store. */
  {
    g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
    g_autoptr(JsonNode) response = NULL;
    guint status;

    gboolean routed;

    routed = nexor_emulator_routes_dispatch (self->store, method, (const char * const *) segments,
                                             g_uri_get_query (soup_server_message_get_uri (msg)),
                                             body, allowed, &status, &response);

    /* Deliveries only start here; they go out once this handler returned,
     * and nothing waits for them. */
    {
      g_autoptr(GPtrArray) events = nexor_emulator_store_take_events (self->store);

      for (guint i = 0; i < events->len; i++)
        nexor_emulator_webhooks_deliver (self->webhooks, g_ptr_array_index (events, i));
    }

    if (routed)
      {
        respond_json (msg, status, response);
        return;
      }
  }

  if (allowed->len > 0)
    {
      g_autofree char *allow = NULL;

      g_ptr_array_add (allowed, NULL);
      allow = g_strjoinv (", ", (char **) allowed->pdata);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", allow);
      respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed", NULL);
      return;
    }

  respond_error (msg, SOUP_STATUS_NOT_FOUND, "Not found", "Route not found");
}

/* Webhook admin routes: like /_emulator/faults, outside the API, with no
 * key, not counted and taking no fault; always on, since they only act on
 * subscriptions the user makes. */
static gboolean
handle_webhook_control (NexorEmulator     *self,
                        SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *allow = NULL;
  guint status;

  if (!nexor_emulator_webhooks_handle (self->webhooks, self->store, soup_server_message_get_method (msg),
                                       g_uri_get_path (uri), g_uri_get_query (uri), body,
                                       &status, &answer, &allow))
    return FALSE;

  /* Subscriptions made here are kept with the state (--data), like the
   * account's own records, and saved before the answer. */
  if (nexor_emulator_webhooks_take_changed (self->webhooks, &records))
    {
      nexor_emulator_store_set_webhooks (self->store, records);
      if (!nexor_emulator_store_save_if_changed (self->store, &error))
        {
          g_autofree char *message = g_strdup_printf ("Could not save the state: %s", error->message);

          respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Internal server error", message);
          return TRUE;
        }
    }

  if (allow != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  respond_json (msg, status, answer);
  return TRUE;
}

/* Faults */

#define FAULT_HEADER       "X-Nexor-Fault"
#define FAULT_CONTROL_PATH "/_emulator/faults"

/* The first queued fault for @msg: one with if-body= waits for its request,
 * so that a test can fault one of several requests sent at once whatever
 * order they arrive in. */
static NexorEmulatorFault *
pop_fault (NexorEmulator     *self,
           SoupServerMessage *msg)
{
  NexorEmulatorFault *fault = NULL;
  g_autoptr(GBytes) body = NULL;

  g_mutex_lock (&self->mutex);
  for (GList *l = self->faults.head; l != NULL; l = l->next)
    {
      NexorEmulatorFault *candidate = l->data;

      if (candidate->if_body != NULL)
        {
          if (body == NULL)
            body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
          if (g_bytes_get_size (body) == 0 ||
              g_strstr_len (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body),
                            candidate->if_body) == NULL)
            continue;
        }
      fault = candidate;
      g_queue_delete_link (&self->faults, l);
      break;
    }
  g_mutex_unlock (&self->mutex);

  return fault;
}

/* With faults enabled a request may name its own fault in a header, which
 * leaves the queue alone; a header that does not parse is the client's
 * mistake and answered as such. */
static NexorEmulatorFault *
take_fault (NexorEmulator      *self,
            SoupServerMessage  *msg,
            GError            **error)
{
  if (g_atomic_int_get (&self->faults_enabled))
    {
      const char *spec = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                       FAULT_HEADER);

      if (spec != NULL)
        return nexor_emulator_fault_parse (spec, error);
    }

  return pop_fault (self, msg);
}

static JsonNode *
fault_queue_state (NexorEmulator *self)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *pending = json_array_new ();

  g_mutex_lock (&self->mutex);
  for (GList *l = self->faults.head; l != NULL; l = l->next)
    json_array_add_string_element (pending, ((NexorEmulatorFault *) l->data)->spec);
  g_mutex_unlock (&self->mutex);

  json_object_set_array_member (object, "pending", pending);
  /* So that a test can tell how many requests a client sent. */
  json_object_set_int_member (object, "requests", g_atomic_int_get (&self->request_count));
  json_node_take_object (node, object);
  return g_steal_pointer (&node);
}

/* POST {"faults": ["status=503", …]} queues faults, all or none; GET lists
 * the queue; DELETE empties it. Only with faults enabled, and outside the
 * API: it needs no key, is not counted and takes no fault itself. */
static gboolean
handle_fault_control (NexorEmulator     *self,
                      SoupServerMessage *msg)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(JsonNode) state = NULL;

  if (!g_atomic_int_get (&self->faults_enabled) ||
      !g_str_equal (g_uri_get_path (soup_server_message_get_uri (msg)), FAULT_CONTROL_PATH))
    return FALSE;

  if (g_str_equal (method, "POST"))
    {
      g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) nexor_emulator_fault_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonNode *list = NULL;

      /* The guarded parser: a body nested deep enough would otherwise
       * overflow json-glib's recursion. */
      root = nexor_emulator_json_parse_text (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                             NEXOR_EMULATOR_MAX_BODY_DEPTH, NULL);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        list = json_object_get_member (json_node_get_object (root), "faults");
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        {
          respond_error (msg, SOUP_STATUS_BAD_REQUEST, "Invalid request",
                         "Expected a JSON object such as {\"faults\": [\"status=503\"]}");
          return TRUE;
        }

      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (list), i);
          NexorEmulatorFault *fault = NULL;

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            fault = nexor_emulator_fault_parse (json_node_get_string (item), &error);
          else
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not a string");

          if (fault == NULL)
            {
              g_autofree char *text = g_strdup_printf ("Fault %u: %s", i, error->message);

              respond_error (msg, SOUP_STATUS_BAD_REQUEST, "Invalid fault", text);
              return TRUE;
            }
          g_ptr_array_add (parsed, fault);
        }

      g_mutex_lock (&self->mutex);
      while (parsed->len > 0)
        g_queue_push_tail (&self->faults, g_ptr_array_steal_index (parsed, 0));
      g_mutex_unlock (&self->mutex);
    }
  else if (g_str_equal (method, "DELETE"))
    {
      g_mutex_lock (&self->mutex);
      g_queue_clear_full (&self->faults, (GDestroyNotify) nexor_emulator_fault_free);
      g_mutex_unlock (&self->mutex);
    }
  else if (!g_str_equal (method, "GET"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET, POST, DELETE");
      respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed", NULL);
      return TRUE;
    }

  state = fault_queue_state (self);
  respond_json (msg, SOUP_STATUS_OK, state);
  return TRUE;
}

/* Request log */

static char *
dup_valid_utf8 (const char *data,
                gssize      length)
{
  return g_utf8_make_valid (data, length);
}

static void
record_request (NexorEmulator     *self,
                SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  g_autoptr(GBytes) body = NULL;
  GSocketAddress *remote;
  JsonObject *request;
  JsonObject *headers;

  request = json_object_new ();
  json_object_set_string_member (request, "method", soup_server_message_get_method (msg));
  json_object_set_string_member (request, "path", g_uri_get_path (uri));
  json_object_set_int_member (request, "connection",
                              nexor_emulator_connections_get_serial (self->connections,
                                                                     soup_server_message_get_socket (msg)));
  remote = soup_server_message_get_remote_address (msg);
  json_object_set_int_member (request, "client_port",
                              G_IS_INET_SOCKET_ADDRESS (remote)
                              ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (remote)) : 0);

  if (g_uri_get_query (uri) != NULL)
    {
      g_autofree char *query = dup_valid_utf8 (g_uri_get_query (uri), -1);
      json_object_set_string_member (request, "query", query);
    }
  else
    {
      json_object_set_null_member (request, "query");
    }

  headers = json_object_new ();
  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_autofree char *valid_name = dup_valid_utf8 (name, -1);
      g_autofree char *valid_value = dup_valid_utf8 (value, -1);
      const char *previous = json_object_get_string_member_with_default (headers, valid_name, NULL);

      /* Repeated headers are folded the way HTTP defines it. */
      if (previous != NULL)
        {
          g_autofree char *joined = g_strdup_printf ("%s, %s", previous, valid_value);
          json_object_set_string_member (headers, valid_name, joined);
        }
      else
        {
          json_object_set_string_member (headers, valid_name, valid_value);
        }
    }
  json_object_set_object_member (request, "headers", headers);

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > 0)
    {
      g_autofree char *text = dup_valid_utf8 (g_bytes_get_data (body, NULL),
                                              (gssize) g_bytes_get_size (body));
      json_object_set_string_member (request, "body", text);
    }
  else
    {
      json_object_set_null_member (request, "body");
    }

  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->last_request, json_object_unref);
  self->last_request = request;
  g_mutex_unlock (&self->mutex);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  NexorEmulator *self = NEXOR_EMULATOR (user_data);
  g_autoptr(NexorEmulatorFault) fault = NULL;
  g_autoptr(GError) fault_error = NULL;
  guint delay_ms;

  g_debug ("%s %s", soup_server_message_get_method (msg),
           g_uri_get_path (soup_server_message_get_uri (msg)));

  if (handle_fault_control (self, msg) || handle_webhook_control (self, msg))
    return;

  record_request (self, msg);
  g_atomic_int_inc (&self->request_count);

  /* Faults act like a proxy in front of the service: a status or HTML fault
   * answers before authentication, the others change the normal answer. */
  fault = take_fault (self, msg, &fault_error);

  if (fault != NULL && fault->close_idle_ms >= 0 && soup_server_message_get_socket (msg) != NULL)
    nexor_emulator_connections_close_when_idle (self->connections, soup_server_message_get_socket (msg),
                                                (guint) fault->close_idle_ms);

  if (fault_error != NULL)
    respond_error (msg, SOUP_STATUS_BAD_REQUEST, "Invalid fault", fault_error->message);
  else if (fault != NULL && fault->drop)
    ;  /* neither acted on nor answered: the delivery closes the connection */
  else if (fault != NULL && nexor_emulator_fault_answers (fault))
    nexor_emulator_fault_respond (fault, msg);
  else
    handle_api_request (self, msg);

  if (fault != NULL && fault->keep_alive_timeout >= 0)
    {
      g_autofree char *value = g_strdup_printf ("timeout=%d", fault->keep_alive_timeout);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Keep-Alive", value);
    }

  if (fault != NULL)
    nexor_emulator_fault_shape (fault, msg);

  delay_ms = (guint) g_atomic_int_get (&self->delay_ms);
  if (fault != NULL)
    delay_ms = MIN ((guint64) delay_ms + fault->delay_ms, G_MAXINT);

  if (fault != NULL && nexor_emulator_fault_deliver (fault, msg, self->context, delay_ms,
                                                     self->deliveries))
    return;

  if (delay_ms > 0)
    delay_response (self, msg, delay_ms);
}

/* GObject */

static void
nexor_emulator_set_api_keys (NexorEmulator      *self,
                             const char * const *api_keys)
{
  g_hash_table_remove_all (self->api_keys);

  if (api_keys != NULL)
    {
      for (guint i = 0; api_keys[i] != NULL; i++)
        if (*api_keys[i] != '\0')
          g_hash_table_add (self->api_keys, g_strdup (api_keys[i]));
    }

  /* An emulator that accepts nothing would be useless: no keys means the
   * documented demo key. */
  if (g_hash_table_size (self->api_keys) == 0)
    g_hash_table_add (self->api_keys, g_strdup (NEXOR_EMULATOR_DEFAULT_API_KEY));
}

static void
nexor_emulator_dispose (GObject *object)
{
  NexorEmulator *self = NEXOR_EMULATOR (object);

  /* Timers first, so none fires on a message of a server that is gone. */
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->deliveries, g_ptr_array_unref);
  g_clear_pointer (&self->webhooks, nexor_emulator_webhooks_free);

  g_clear_pointer (&self->connections, nexor_emulator_connections_free);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }

  G_OBJECT_CLASS (nexor_emulator_parent_class)->dispose (object);
}

static void
nexor_emulator_finalize (GObject *object)
{
  NexorEmulator *self = NEXOR_EMULATOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->tls_certificate);
  g_clear_pointer (&self->api_keys, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->last_request, json_object_unref);
  g_queue_clear_full (&self->faults, (GDestroyNotify) nexor_emulator_fault_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (nexor_emulator_parent_class)->finalize (object);
}

static void
nexor_emulator_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NexorEmulator *self = NEXOR_EMULATOR (object);

  switch (prop_id)
    {
    case PROP_API_KEYS:
      nexor_emulator_set_api_keys (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_emulator_class_init (NexorEmulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nexor_emulator_dispose;
  object_class->finalize = nexor_emulator_finalize;
  object_class->set_property = nexor_emulator_set_property;

  /**
   * NexorEmulator:api-keys:
   *
   * The API keys the emulator accepts. %NULL or empty means only
   * %NEXOR_EMULATOR_DEFAULT_API_KEY.
   */
  properties[PROP_API_KEYS] =
    g_param_spec_boxed ("api-keys", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_WRITABLE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nexor_emulator_init (NexorEmulator *self)
{
  g_autoptr(GError) error = NULL;

  g_mutex_init (&self->mutex);
  g_queue_init (&self->faults);

  self->api_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_response_free);
  self->deliveries = g_ptr_array_new_with_free_func ((GDestroyNotify) nexor_emulator_delivery_free);

  self->store = nexor_emulator_store_new ();
  if (!nexor_emulator_store_load_seed (self->store, &error))
    g_critical ("The compiled-in seed data is broken: %s", error->message);
  nexor_emulator_store_collect_events (self->store, TRUE);
  self->webhooks = nexor_emulator_webhooks_new ();

  /* raw-paths: by default SoupServer decodes the path before handlers see
   * it, which makes `a%2Fb` look like two segments and `%2541` decode
   * twice. The router decodes segment by segment instead. */
  self->server = soup_server_new ("server-header", "nexor-emulator/" NEXOR_EMULATOR_VERSION " ",
                                  "raw-paths", TRUE,
                                  NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  self->connections = nexor_emulator_connections_new (self->server);
}

/**
 * nexor_emulator_new:
 * @api_keys: (nullable) (array zero-terminated=1): the accepted API keys, or
 *   %NULL for only %NEXOR_EMULATOR_DEFAULT_API_KEY
 *
 * Creates an emulator loaded with the seed data. It does not listen yet.
 *
 * Returns: (transfer full): a new #NexorEmulator
 */
NexorEmulator *
nexor_emulator_new (const char * const *api_keys)
{
  return g_object_new (NEXOR_TYPE_EMULATOR,
                       "api-keys", api_keys,
                       NULL);
}

/**
 * nexor_emulator_listen_local:
 * @self: a #NexorEmulator
 * @port: the TCP port, or 0 for any free port
 * @error: return location for a #GError
 *
 * Starts serving on 127.0.0.1 only, in the calling thread's thread-default
 * main context. Can succeed only once.
 *
 * Returns: %TRUE on success
 */
gboolean
nexor_emulator_listen_local (NexorEmulator  *self,
                             guint           port,
                             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  SoupServerListenOptions options = 0;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (self->port == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->tls_certificate != NULL)
    {
      soup_server_set_tls_certificate (self->server, self->tls_certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  /* Not soup_server_listen_local(): it listens with GSocket's default
   * backlog of 10. A client opens up to 32 connections to a host at once
   * (one per write), so on a busy machine the queue overflowed, the kernel
   * answered further connects with SYN cookies, and a request that reached
   * the listener in two segments before its connection was accepted failed
   * the cookie check and was reset ("Connection reset by peer"). The kernel
   * caps the backlog at net.core.somaxconn. */
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, (guint16) port);
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &local_error);
  if (socket != NULL)
    g_socket_set_listen_backlog (socket, NEXOR_EMULATOR_LISTEN_BACKLOG);

  if (socket == NULL ||
      !g_socket_bind (socket, address, TRUE, &local_error) ||
      !g_socket_listen (socket, &local_error) ||
      !soup_server_listen_socket (self->server, socket, options, &local_error))
    {
      /* The GIO message repeats the address in its own words; the reason
       * alone reads better after ours. */
      const char *reason = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE)
                           ? g_strerror (EADDRINUSE) : local_error->message;

      g_set_error (error, local_error->domain, local_error->code,
                   "Cannot listen on 127.0.0.1:%u: %s", port, reason);
      return FALSE;
    }

  /* From the socket itself: libsoup 3.2's soup_server_get_uris() leaks a
   * GSocketAddress per listener. */
  {
    g_autoptr(GSocketAddress) bound = g_socket_get_local_address (socket, &local_error);

    if (bound == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
    self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  }

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  nexor_emulator_webhooks_set_context (self->webhooks, self->context);

  return TRUE;
}

/**
 * nexor_emulator_get_port:
 * @self: a #NexorEmulator
 *
 * Returns: the port the emulator listens on, or 0 before
 *   nexor_emulator_listen_local() succeeded
 */
guint
nexor_emulator_get_port (NexorEmulator *self)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), 0);

  return self->port;
}

/**
 * nexor_emulator_dup_base_url:
 * @self: a #NexorEmulator
 *
 * Returns: (transfer full) (nullable): the base URL to give a client, like
 *   `http://127.0.0.1:8765/api/public` (`https://` in TLS mode), or %NULL
 *   if the emulator does not listen yet
 */
char *
nexor_emulator_dup_base_url (NexorEmulator *self)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), NULL);

  if (self->port == 0)
    return NULL;

  return g_strdup_printf ("%s://127.0.0.1:%u" BASE_PATH,
                          self->tls_certificate != NULL ? "https" : "http", self->port);
}

/**
 * nexor_emulator_set_tls_certificate:
 * @self: a #NexorEmulator
 * @certificate: (nullable): a certificate with its private key, or %NULL
 *   for plain http
 *
 * Makes the emulator serve https with @certificate. Call it before
 * nexor_emulator_listen_local().
 */
void
nexor_emulator_set_tls_certificate (NexorEmulator   *self,
                                    GTlsCertificate *certificate)
{
  g_return_if_fail (NEXOR_IS_EMULATOR (self));
  g_return_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate));
  g_return_if_fail (self->port == 0);

  g_set_object (&self->tls_certificate, certificate);
}

/**
 * nexor_emulator_get_tls_certificate:
 * @self: a #NexorEmulator
 *
 * Returns: (transfer none) (nullable): the certificate the emulator serves
 *   https with, or %NULL for plain http
 */
GTlsCertificate *
nexor_emulator_get_tls_certificate (NexorEmulator *self)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), NULL);

  return self->tls_certificate;
}

/**
 * nexor_emulator_set_response_delay:
 * @self: a #NexorEmulator
 * @delay_ms: the delay in milliseconds, 0 for none
 *
 * Holds every following response back for @delay_ms, with a timer: other
 * requests are still served meanwhile. Thread-safe.
 */
void
nexor_emulator_set_response_delay (NexorEmulator *self,
                                   guint          delay_ms)
{
  g_return_if_fail (NEXOR_IS_EMULATOR (self));

  g_atomic_int_set (&self->delay_ms, (gint) MIN (delay_ms, G_MAXINT));
}

/**
 * nexor_emulator_get_held_count:
 * @self: a #NexorEmulator
 *
 * Returns: how many responses a delay holds back right now. With a long
 *   delay and nexor_emulator_release_held(), a test can see requests served
 *   side by side without measuring time. Thread-safe.
 */
guint
nexor_emulator_get_held_count (NexorEmulator *self)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), 0);

  return (guint) g_atomic_int_get (&self->held_count);
}

static gboolean
release_held_cb (gpointer user_data)
{
  NexorEmulator *self = user_data;

  /* Each timeout callback takes its response out of the array. */
  while (self->pending->len > 0)
    pending_response_timeout_cb (g_ptr_array_index (self->pending, self->pending->len - 1));

  return G_SOURCE_REMOVE;
}

/**
 * nexor_emulator_release_held:
 * @self: a #NexorEmulator
 *
 * Sends every response a delay holds back now, in the server's own main
 * context. Thread-safe.
 */
void
nexor_emulator_release_held (NexorEmulator *self)
{
  g_return_if_fail (NEXOR_IS_EMULATOR (self));

  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, release_held_cb,
                              g_object_ref (self), g_object_unref);
}

/**
 * nexor_emulator_get_request_count:
 * @self: a #NexorEmulator
 *
 * Returns: the number of requests received so far, rejected ones included.
 *   Thread-safe.
 */
guint
nexor_emulator_get_request_count (NexorEmulator *self)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), 0);

  return (guint) g_atomic_int_get (&self->request_count);
}

/**
 * nexor_emulator_get_connection_count:
 * @self: a #NexorEmulator
 *
 * Returns: the number of connections that carried a request so far; they
 *   are numbered from 1 in that order. Thread-safe.
 */
guint
nexor_emulator_get_connection_count (NexorEmulator *self)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), 0);

  return self->connections != NULL ? nexor_emulator_connections_get_count (self->connections) : 0;
}

/**
 * nexor_emulator_get_closed_idle_count:
 * @self: a #NexorEmulator
 *
 * Returns: the number of connections shut down by a `close-idle` fault so
 *   far. Thread-safe.
 */
guint
nexor_emulator_get_closed_idle_count (NexorEmulator *self)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), 0);

  return self->connections != NULL ? nexor_emulator_connections_get_closed_idle (self->connections) : 0;
}

/**
 * nexor_emulator_dup_last_request:
 * @self: a #NexorEmulator
 *
 * Returns the last request received, as `{"method", "path", "query",
 * "headers": {name: value, …}, "body", "connection"}`; `path` and `query`
 * are as sent (percent-encoded), `query` and `body` are null when absent,
 * `connection` is the number of the connection that carried it (see
 * nexor_emulator_get_connection_count()) and `client_port` the port the
 * client sent it from. Thread-safe.
 *
 * Returns: (transfer full) (nullable): a copy of the last request, or %NULL
 *   if there was none
 */
JsonObject *
nexor_emulator_dup_last_request (NexorEmulator *self)
{
  JsonObject *copy = NULL;

  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), NULL);

  g_mutex_lock (&self->mutex);
  if (self->last_request != NULL)
    copy = nexor_emulator_json_object_deep_copy (self->last_request);
  g_mutex_unlock (&self->mutex);

  return copy;
}

/**
 * nexor_emulator_push_fault:
 * @self: a #NexorEmulator
 * @fault: a fault, like `status=503` or `status=429;retry-after=2`
 *
 * Queues a fault; each request takes the oldest one. Items combine with
 * `;`: `status=CODE` (400–599, JSON error body), `retry-after=SECS` or
 * `retry-after-date=SECS` (with `status=`), `html` (an HTML page with status
 * 200), `truncated` (the normal response with its body cut in half),
 * `huge[=MIB]` (the normal response after 40 or MIB MiB of whitespace),
 * `body=BASE64` (status 200 with exactly these bytes as application/json),
 * `content-type=TYPE`, `delay=MS` (before the status line), `trickle=MS`
 * with an optional `chunk=BYTES` (the body a few bytes at a time),
 * `chunked`, `reset` (part of the body, then a TCP reset), `close-idle[=MS]`
 * (the connection shut down once idle), `drop` (the request neither
 * acted on nor answered, the connection closed) and `no-close-notify`
 * (with `drop` or `reset`: over TLS, no close_notify before the TCP end); see
 * nexor-emulator-fault.c. A fault that does not parse is ignored.
 * Thread-safe.
 *
 * The queue is a test hook and works whether or not
 * nexor_emulator_set_faults_enabled() was called.
 */
void
nexor_emulator_push_fault (NexorEmulator *self,
                           const char    *fault)
{
  g_autoptr(GError) error = NULL;
  NexorEmulatorFault *parsed;

  g_return_if_fail (NEXOR_IS_EMULATOR (self));
  g_return_if_fail (fault != NULL);

  parsed = nexor_emulator_fault_parse (fault, &error);
  if (parsed == NULL)
    {
      g_autofree char *shown = nexor_emulator_quote (fault, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      g_debug ("Ignoring fault “%s”: %s", shown, error->message);
      return;
    }

  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->faults, parsed);
  g_mutex_unlock (&self->mutex);
}

/**
 * nexor_emulator_set_faults_enabled:
 * @self: a #NexorEmulator
 * @enabled: whether clients may ask for faults
 *
 * Lets clients ask for faults themselves (the `--faults` option): a request
 * with an `X-Nexor-Fault: SPEC` header gets that fault instead of the next
 * queued one (a SPEC that does not parse answers 400), and
 * `/_emulator/faults` takes `POST {"faults": [SPEC, …]}`, `GET` and `DELETE`
 * on the queue. Off by default, when both are ignored. Thread-safe.
 */
void
nexor_emulator_set_faults_enabled (NexorEmulator *self,
                                   gboolean       enabled)
{
  g_return_if_fail (NEXOR_IS_EMULATOR (self));

  g_atomic_int_set (&self->faults_enabled, !!enabled);
}

/**
 * nexor_emulator_open_data_file:
 * @self: a #NexorEmulator
 * @path: the state file
 * @error: return location for a #GError
 *
 * Loads the state from @path (the seed data if it does not exist) and saves
 * every change there, atomically. Call it before
 * nexor_emulator_listen_local().
 *
 * Returns: %TRUE on success; on error the state is the seed data and
 *   nothing is saved
 */
gboolean
nexor_emulator_open_data_file (NexorEmulator  *self,
                               const char     *path,
                               GError        **error)
{
  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), FALSE);
  g_return_val_if_fail (self->port == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nexor_emulator_store_open_data_file (self->store, path, error))
    return FALSE;

  /* The subscriptions registered through the admin route last time. The
   * store checked them as it loaded the file. */
  {
    g_autoptr(JsonArray) records = nexor_emulator_store_dup_webhooks (self->store);

    return nexor_emulator_webhooks_restore (self->webhooks, records, error);
  }
}

/* Runs @func in the server's thread, between requests, while the caller
 * waits: the state and the webhooks belong to that thread. */
typedef struct {
  GSourceFunc func;
  gpointer data;
  gboolean done;
  GMutex mutex;
  GCond cond;
} ServerCall;

static gboolean
server_call_cb (gpointer user_data)
{
  ServerCall *call = user_data;

  call->func (call->data);

  g_mutex_lock (&call->mutex);
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->mutex);

  return G_SOURCE_REMOVE;
}

static void
run_in_server (NexorEmulator *self,
               GSourceFunc    func,
               gpointer       data)
{
  ServerCall call = { func, data, FALSE, };

  /* Not serving yet, or served by this thread's own context: run it here. */
  if (self->context == NULL || g_main_context_acquire (self->context))
    {
      func (data);
      if (self->context != NULL)
        g_main_context_release (self->context);
      return;
    }

  g_mutex_init (&call.mutex);
  g_cond_init (&call.cond);

  g_main_context_invoke (self->context, server_call_cb, &call);

  g_mutex_lock (&call.mutex);
  while (!call.done)
    g_cond_wait (&call.cond, &call.mutex);
  g_mutex_unlock (&call.mutex);

  g_mutex_clear (&call.mutex);
  g_cond_clear (&call.cond);
}

typedef struct {
  NexorEmulator *self;
  JsonNode *state;
} StateDump;

static gboolean
dump_state_cb (gpointer user_data)
{
  StateDump *dump = user_data;

  dump->state = nexor_emulator_store_dup_state (dump->self->store);
  return G_SOURCE_REMOVE;
}

/**
 * nexor_emulator_dup_state:
 * @self: a #NexorEmulator
 *
 * Returns a copy of the whole state, in the format of the `--data` file.
 * Thread-safe: the state is read in the server's own thread, between
 * requests, while the caller waits.
 *
 * Returns: (transfer full): the state
 */
JsonNode *
nexor_emulator_dup_state (NexorEmulator *self)
{
  StateDump dump = { self, NULL };

  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), NULL);

  run_in_server (self, dump_state_cb, &dump);
  return dump.state;
}

typedef struct {
  NexorEmulator *self;
  const char *url;
  const char *secret;
  const char * const *events;
  double scale;
  gboolean print;
  GTlsDatabase *database;
  JsonObject *created;
  GError *error;
  JsonNode *log;
} WebhookCall;

static gboolean
add_webhook_cb (gpointer user_data)
{
  WebhookCall *call = user_data;

  call->created = nexor_emulator_webhooks_add (call->self->webhooks, call->url, call->secret, call->events,
                                               FALSE, &call->error);
  return G_SOURCE_REMOVE;
}

/**
 * nexor_emulator_add_webhook:
 * @self: a #NexorEmulator
 * @url: the receiver, an absolute http or https URL
 * @secret: (nullable): the signing secret, %NULL for
 *   %NEXOR_EMULATOR_DEFAULT_WEBHOOK_SECRET
 * @events: (nullable) (array zero-terminated=1): the event types to
 *   deliver (§6), %NULL for all
 * @error: return location for a #GError
 *
 * Subscribes @url to the events, as `--webhook` and `POST
 * /_emulator/webhooks` do. Thread-safe.
 *
 * Returns: (transfer full) (nullable): the subscription's id (the
 *   envelopes' webhook_id), or %NULL with @error set
 */
char *
nexor_emulator_add_webhook (NexorEmulator       *self,
                            const char          *url,
                            const char          *secret,
                            const char * const  *events,
                            GError             **error)
{
  WebhookCall call = { self, url, secret, events, };
  g_autoptr(JsonObject) created = NULL;

  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  run_in_server (self, add_webhook_cb, &call);
  if (call.created == NULL)
    {
      g_propagate_error (error, call.error);
      return NULL;
    }

  created = call.created;
  return g_strdup (json_object_get_string_member (created, "id"));
}

static gboolean
set_retry_scale_cb (gpointer user_data)
{
  WebhookCall *call = user_data;

  nexor_emulator_webhooks_set_retry_scale (call->self->webhooks, call->scale);
  return G_SOURCE_REMOVE;
}

/**
 * nexor_emulator_set_webhook_retry_scale:
 * @self: a #NexorEmulator
 * @scale: a factor of at least 0
 *
 * Multiplies the retry schedule of deliveries (1, 5 and 30 minutes) by
 * @scale, for tests: 0.001 retries after 60, 300 and 1,800 ms. Retries
 * already waiting keep their time. Thread-safe.
 */
void
nexor_emulator_set_webhook_retry_scale (NexorEmulator *self,
                                        double         scale)
{
  WebhookCall call = { self, .scale = scale };

  g_return_if_fail (NEXOR_IS_EMULATOR (self));
  g_return_if_fail (scale >= 0);

  run_in_server (self, set_retry_scale_cb, &call);
}

static gboolean
set_log_printing_cb (gpointer user_data)
{
  WebhookCall *call = user_data;

  nexor_emulator_webhooks_set_print (call->self->webhooks, call->print);
  return G_SOURCE_REMOVE;
}

/**
 * nexor_emulator_set_webhook_log_printing:
 * @self: a #NexorEmulator
 * @print: whether to print every delivery attempt on standard error
 *
 * Thread-safe.
 */
void
nexor_emulator_set_webhook_log_printing (NexorEmulator *self,
                                         gboolean       print)
{
  WebhookCall call = { self, .print = print };

  g_return_if_fail (NEXOR_IS_EMULATOR (self));

  run_in_server (self, set_log_printing_cb, &call);
}

static gboolean
set_tls_database_cb (gpointer user_data)
{
  WebhookCall *call = user_data;

  nexor_emulator_webhooks_set_tls_database (call->self->webhooks, call->database);
  return G_SOURCE_REMOVE;
}

/**
 * nexor_emulator_set_webhook_tls_database:
 * @self: a #NexorEmulator
 * @database: (nullable): the trust store for https receivers, %NULL for
 *   the system's
 *
 * Checks the certificates of https receivers against @database instead of
 * the system's trust store (`--webhook-ca-file`). Thread-safe.
 */
void
nexor_emulator_set_webhook_tls_database (NexorEmulator *self,
                                         GTlsDatabase  *database)
{
  WebhookCall call = { self, .database = database };

  g_return_if_fail (NEXOR_IS_EMULATOR (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  run_in_server (self, set_tls_database_cb, &call);
}

static gboolean
dup_webhook_log_cb (gpointer user_data)
{
  WebhookCall *call = user_data;

  call->log = nexor_emulator_webhooks_dup_log (call->self->webhooks);
  return G_SOURCE_REMOVE;
}

/**
 * nexor_emulator_dup_webhook_log:
 * @self: a #NexorEmulator
 *
 * Returns the delivery log as `GET /_emulator/webhooks/deliveries` does:
 * `{"deliveries": [attempt, …], "pending": N}`. Thread-safe.
 *
 * Returns: (transfer full): a copy of the log
 */
JsonNode *
nexor_emulator_dup_webhook_log (NexorEmulator *self)
{
  WebhookCall call = { self, };

  g_return_val_if_fail (NEXOR_IS_EMULATOR (self), NULL);

  run_in_server (self, dup_webhook_log_cb, &call);
  return call.log;
}
