/* nexor-transport.c: the request core: sends a NexorRequest with the retry
 * policy and the deadline, reads the body with a cap, maps failures to errors
 * and hands the body to the request's parser
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <string.h>

#include "nexor-client-private.h"
#include "nexor-deadline-private.h"
#include "nexor-error-private.h"
#include "nexor-json-private.h"
#include "nexor-json-source-private.h"
#include "nexor-log-private.h"
#include "nexor-text-private.h"

#define MAX_RETRY_AFTER_MS (60 * 1000)

/* An error body is only read for the server's message: its start is enough. */
#define MAX_ERROR_BODY_SIZE (64 * 1024)
#define READ_CHUNK_SIZE (64 * 1024)

typedef struct {
  NexorClient *client;               /* unowned: the task or the caller holds it */
  NexorRequest *request;
  GCancellable *cancellable;         /* ours: the caller's cancel or the deadline */
  GCancellable *caller_cancellable;
  gulong caller_handler;
  NexorDeadline *deadline;
  guint timeout_s;
  guint max_retries;
  guint attempt;                     /* requests sent so far */
  gint64 started_us;
  gint64 virtual_us;                 /* waits the test hooks skipped */

  /* The attempt in flight */
  SoupMessage *message;
  gulong wrote_body_handler;
  gboolean request_sent;             /* all written: a failure from here on is ambiguous */
  /* A write not safe to repeat, on a connection it may not trust (see
   * on_starting()): its own cancellable, to stop it before a byte is
   * written, and what it learnt of the connection. */
  GCancellable *attempt_cancellable;
  gulong attempt_cancel_handler;
  gulong starting_handler;
  gulong network_event_handler;
  gboolean new_connection;           /* the attempt's connection was made for it */
  gboolean refused_connection;       /* stopped before writing: the connection had idled too long */
  gboolean force_new_connection;     /* the next attempt opens a connection of its own */
  GInputStream *stream;              /* the response body, being read */
  GByteArray *body;                  /* what was read of it */
  gsize body_limit;
  gsize read_offset;                 /* where the read in flight writes */
  goffset content_length;            /* as announced, or -1 */
  gboolean success;                  /* a 2xx: the body is the result */

  GSource *wait_source;              /* the backoff timer between attempts */
  GSource *wait_cancel_source;
} SendState;

static void
forward_cancel (GCancellable *caller,
                gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
clear_wait (SendState *state)
{
  if (state->wait_source != NULL)
    {
      g_source_destroy (state->wait_source);
      g_clear_pointer (&state->wait_source, g_source_unref);
    }
  if (state->wait_cancel_source != NULL)
    {
      g_source_destroy (state->wait_cancel_source);
      g_clear_pointer (&state->wait_cancel_source, g_source_unref);
    }
}

static SendState *
send_state_new (NexorClient  *self,
                NexorRequest *request,
                GCancellable *cancellable)
{
  SendState *state = g_new0 (SendState, 1);

  state->client = self;
  state->request = request;
  state->cancellable = g_cancellable_new ();
  state->timeout_s = nexor_client_get_timeout (self);
  state->max_retries = nexor_client_get_max_retries (self);
  state->started_us = _nexor_request_get_call_start (request);
  if (state->started_us == 0)
    state->started_us = g_get_monotonic_time ();
  if (cancellable != NULL)
    {
      state->caller_cancellable = g_object_ref (cancellable);
      state->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                                     g_object_ref (state->cancellable),
                                                     g_object_unref);
    }
  state->deadline = _nexor_deadline_start (state->cancellable,
                                           state->timeout_s > 0
                                           ? state->started_us + (gint64) state->timeout_s * G_USEC_PER_SEC
                                           : 0);
  return state;
}

static void
on_wrote_body (SoupMessage *message,
               gpointer     user_data)
{
  SendState *state = user_data;

  state->request_sent = TRUE;
}

static void
on_network_event (SoupMessage        *message,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  SendState *state = user_data;

  state->new_connection = TRUE;
}

/* Emitted once the message has its connection, just before libsoup writes
 * anything on it. A write not safe to repeat keeps a reused connection only
 * if one of this client's requests left it idle less than the warm bound
 * ago; otherwise the server may be closing it for being idle at this very
 * moment, and a write caught in that crossing could neither be repeated
 * nor known to have arrived. Cancelling here stops the attempt before a
 * byte is written (libsoup checks the cancellable before its first write),
 * and libsoup then closes that connection: it no longer counts as
 * reusable once a message started on it. */
static void
on_starting (SoupMessage *message,
             gpointer     user_data)
{
  SendState *state = user_data;

  if (state->new_connection ||
      _nexor_client_connection_is_warm (state->client, soup_message_get_connection_id (message)))
    return;

  state->refused_connection = TRUE;
  g_cancellable_cancel (state->attempt_cancellable);
}

/* Takes @message. Returns the cancellable to send it with. */
static GCancellable *
attempt_start (SendState   *state,
               SoupMessage *message)
{
  state->message = message;
  state->request_sent = FALSE;
  state->new_connection = FALSE;
  state->refused_connection = FALSE;
  state->wrote_body_handler = g_signal_connect (message, "wrote-body",
                                                G_CALLBACK (on_wrote_body), state);
  state->attempt++;

  if (soup_message_query_flags (message, SOUP_MESSAGE_NEW_CONNECTION) ||
      _nexor_request_get_idempotent (state->request))
    return state->cancellable;

  state->attempt_cancellable = g_cancellable_new ();
  state->attempt_cancel_handler = g_cancellable_connect (state->cancellable, G_CALLBACK (forward_cancel),
                                                         g_object_ref (state->attempt_cancellable),
                                                         g_object_unref);
  state->starting_handler = g_signal_connect (message, "starting", G_CALLBACK (on_starting), state);
  state->network_event_handler = g_signal_connect (message, "network-event",
                                                   G_CALLBACK (on_network_event), state);
  return state->attempt_cancellable;
}

/* Closing a body that was not read to its end drops the connection rather
 * than draining it: an oversized or endless body costs nothing more. */
static void
attempt_clear (SendState *state,
               gboolean   async)
{
  if (state->stream != NULL)
    {
      if (async)
        g_input_stream_close_async (state->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      else
        g_input_stream_close (state->stream, NULL, NULL);
      g_clear_object (&state->stream);
    }
  g_clear_pointer (&state->body, g_byte_array_unref);
  if (state->message != NULL)
    {
      g_clear_signal_handler (&state->wrote_body_handler, state->message);
      g_clear_signal_handler (&state->starting_handler, state->message);
      g_clear_signal_handler (&state->network_event_handler, state->message);
      g_clear_object (&state->message);
    }
  if (state->attempt_cancellable != NULL)
    {
      g_cancellable_disconnect (state->cancellable, state->attempt_cancel_handler);
      state->attempt_cancel_handler = 0;
      g_clear_object (&state->attempt_cancellable);
    }
}

static void
send_state_free (SendState *state)
{
  clear_wait (state);
  attempt_clear (state, FALSE);
  _nexor_deadline_stop (state->deadline);
  if (state->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (state->caller_cancellable, state->caller_handler);
      g_object_unref (state->caller_cancellable);
    }
  g_clear_object (&state->cancellable);
  _nexor_request_free (state->request);
  g_free (state);
}

/* The call's clock: real time plus the waits the test hooks skipped. */
static gint64
state_now_us (SendState *state)
{
  return g_get_monotonic_time () + state->virtual_us;
}

/* The call was cancelled, by its caller or by its deadline. @ambiguous: an
 * attempt not safe to repeat was in flight with its request written, so the
 * server may have acted on it. A caller's own cancel is always reported as
 * such: the caller chose to stop, and knows what it had asked for. */
static GError *
interrupted_error (SendState *state,
                   gboolean   ambiguous)
{
  if (_nexor_deadline_has_fired (state->deadline) && ambiguous)
    return g_error_new (NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN,
                        _("The request was sent but its answer did not come within %u s "
                        "(attempt %u): it may have been applied; check before repeating it"),
                        state->timeout_s, state->attempt);
  if (_nexor_deadline_has_fired (state->deadline))
    return g_error_new (NEXOR_ERROR, NEXOR_ERROR_TIMEOUT,
                        _("The request did not finish within %u s (attempt %u)"),
                        state->timeout_s, state->attempt);

  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
}

/* ---------------------------------------------------------------------------
 * Certificates: libsoup reports only G_TLS_ERROR_BAD_CERTIFICATE; the
 * reasons come from the handshake, through the message.
 * ------------------------------------------------------------------------- */

static GQuark
certificate_errors_quark (void)
{
  return g_quark_from_static_string ("nexor-certificate-errors");
}

/* Declines, so that the handshake fails (or a handler of the caller's own
 * session decides): it only notes why the certificate was refused. */
static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  g_object_set_qdata (G_OBJECT (message), certificate_errors_quark (), GUINT_TO_POINTER (errors));
  return FALSE;
}

/* Takes @failure; a refused certificate comes back with the same domain and
 * code, transport errors passing through as such, and a message that says
 * why in words. */
static GError *
explain_certificate_error (SoupMessage *message,
                           GError      *failure)
{
  GTlsCertificateFlags flags;
  GUri *uri = soup_message_get_uri (message);
  g_autofree char *host = NULL;
  GString *why;
  GError *explained;

  if (!g_error_matches (failure, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return failure;

  flags = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (message), certificate_errors_quark ()));
  host = g_uri_get_port (uri) > 0
    ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
    : g_strdup (g_uri_get_host (uri));
  why = g_string_new (NULL);

#define REASON(flag, text) \
  if (flags & (flag)) \
    g_string_append_printf (why, "%s%s", why->len > 0 ? "; " : "", _(text))

  REASON (G_TLS_CERTIFICATE_UNKNOWN_CA,
          N_("it is not signed by a certificate authority this client trusts "
          "(a private or self-signed certificate, such as nexor-emulator's, "
          "must be trusted with NexorClient:tls-database or NEXOR_CA_FILE)"));
  REASON (G_TLS_CERTIFICATE_BAD_IDENTITY, N_("it was not issued for this host name"));
  REASON (G_TLS_CERTIFICATE_NOT_ACTIVATED, N_("it is not valid yet (check this computer's clock)"));
  REASON (G_TLS_CERTIFICATE_EXPIRED, N_("it has expired"));
  REASON (G_TLS_CERTIFICATE_REVOKED, N_("it has been revoked"));
  REASON (G_TLS_CERTIFICATE_INSECURE, N_("it uses an insecure algorithm"));
  REASON (G_TLS_CERTIFICATE_GENERIC_ERROR,
          N_("it could not be verified against the trusted certificates (a signature that "
          "does not match, or a malformed certificate)"));
#undef REASON

  if (why->len == 0)
    g_string_append (why, failure->message);

  explained = g_error_new (failure->domain, failure->code,
                           "The TLS certificate of %s was refused, and nothing was sent: %s",
                           host, why->str);
  g_string_free (why, TRUE);
  g_error_free (failure);
  return explained;
}

static SoupMessage *
build_message (NexorClient   *self,
               NexorRequest  *request,
               gboolean       new_connection,
               GError       **error)
{
  g_autofree char *path = _nexor_request_build_path (request);
  g_autofree char *url = g_strconcat (nexor_client_get_base_url (self), path, NULL);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *message;
  GBytes *body;

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Cannot build the request URL: %s"), local_error->message);
      return NULL;
    }

  message = soup_message_new_from_uri (_nexor_request_get_method (request), uri);
  g_signal_connect (message, "accept-certificate", G_CALLBACK (on_accept_certificate), NULL);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "X-API-Key", _nexor_client_get_api_key (self));
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (!_nexor_client_owns_session (self))
    soup_message_headers_replace (headers, "User-Agent", nexor_client_get_user_agent (self));

  body = _nexor_request_get_body (request);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", body);

  /* The key goes to the base URL's origin only, and the API documents no
   * redirect: a 3xx is returned to the core, which refuses it, instead of
   * libsoup following it with the X-API-Key header to wherever it points
   * (libsoup strips only Authorization on a cross-origin redirect). A flag
   * on the message, so that it holds for an injected session too. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  /* Without the flag libsoup sends every POST and PATCH on a new
   * connection: a TCP and, over https, a TLS handshake per write. The flag
   * only lets the connection manager pick an idle keep-alive connection;
   * whether libsoup re-sends a request by itself goes by its method alone
   * (see _nexor_request_may_reuse_connection()), so a write not safe to
   * repeat still goes out once, and a failure after it was written is
   * judged by judge_attempt() like any other. Such a write is also kept
   * off a connection that idled too long (on_starting()).
   *
   * Such a write asks for a new connection outright when no connection is
   * warm: it could not take an idle one anyway, and libsoup 3.2 makes a
   * message that may reuse a connection wait for any connection still
   * being set up to that host (in case it turns out to be HTTP/2), so that
   * writes started together on a cold client would open their connections
   * one after the other, a TCP and a TLS handshake each. */
  if (_nexor_request_may_reuse_connection (request) && !new_connection &&
      (_nexor_request_get_idempotent (request) || _nexor_client_has_warm_connection (self)))
    soup_message_add_flags (message, SOUP_MESSAGE_IDEMPOTENT);
  else
    soup_message_add_flags (message, SOUP_MESSAGE_NEW_CONNECTION);

  return message;
}

static gboolean
is_connect_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE);
}

/* A connection that broke, stalled or spoke garbage; not a refusal such as
 * a bad certificate, an unknown host or a body over the limit.
 *
 * Over https the same broken connection can come back as a G_TLS_ERROR:
 * G_TLS_ERROR_EOF is the peer ending an established session without a
 * close_notify (the handshake's own end of file is G_TLS_ERROR_NOT_TLS), a
 * server that closed a keep-alive connection as the request arrived, as an
 * end of file is over plain http. libsoup re-sends nothing after an error
 * of that domain, so the core must: the error itself says nothing about
 * whether the request was read, and the wrote-body rule decides as for
 * plain http. The other TLS errors (certificate, handshake, a missing
 * client certificate) are refusals. A reset or a broken pipe under TLS
 * already arrives as the G_IO_ERROR of the socket. */
static gboolean
is_transient_io_error (const GError *error)
{
  return g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_EOF) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED) ||
         g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING);
}

/* Until the whole request is written the server cannot have acted on it,
 * so any request may go again; after that only one that is safe to repeat,
 * since the server may have done the work and lost only the answer. */
gboolean
_nexor_transport_error_is_retryable (const GError *error,
                                     gboolean      request_sent,
                                     gboolean      idempotent)
{
  if (is_connect_error (error))
    return TRUE;

  return is_transient_io_error (error) && (!request_sent || idempotent);
}

/* The server says it did not act on the request: repeating it is safe
 * whatever the operation. */
static gboolean
is_unprocessed_status (guint status)
{
  return status == 408 || status == 425 || status == 429;
}

/* A failure that may have come after the work was done: repeated only for
 * an operation that is safe to repeat. */
static gboolean
is_ambiguous_status (guint status)
{
  return status == 500 || status == 502 || status == 503 || status == 504;
}

static int
error_code_for_status (guint status)
{
  switch (status)
    {
    case 400: case 422:
      return NEXOR_ERROR_INVALID_ARGUMENT;
    case 401:
      return NEXOR_ERROR_UNAUTHORIZED;
    case 403:
      return NEXOR_ERROR_FORBIDDEN;
    case 404:
      return NEXOR_ERROR_NOT_FOUND;
    case 408: case 504:
      return NEXOR_ERROR_TIMEOUT;
    case 409:
      return NEXOR_ERROR_CONFLICT;
    case 429:
      return NEXOR_ERROR_RATE_LIMITED;
    default:
      return status >= 500 ? NEXOR_ERROR_SERVER : NEXOR_ERROR_FAILED;
    }
}

/* The server's own words: {"error": "<title>", "message": "<detail>"} in
 * any combination, or else the first line of a short text body. */
static char *
describe_error_body (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autoptr(JsonNode) root = NULL;

  if (size == 0)
    return NULL;

  /* The one JSON entry point, with its guards, even on the error path. */
  root = _nexor_json_parse_bytes (body, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *error_node = _nexor_json_lookup1 (object, "error");
      JsonNode *message_node = _nexor_json_lookup1 (object, "message");
      const char *title = NULL;
      const char *message = NULL;

      if (error_node && JSON_NODE_HOLDS_VALUE (error_node) &&
          json_node_get_value_type (error_node) == G_TYPE_STRING)
        title = json_node_get_string (error_node);
      else if (error_node && JSON_NODE_HOLDS_OBJECT (error_node))
        {
          JsonNode *inner = _nexor_json_lookup1 (json_node_get_object (error_node), "message");

          if (inner && JSON_NODE_HOLDS_VALUE (inner) && json_node_get_value_type (inner) == G_TYPE_STRING)
            title = json_node_get_string (inner);
        }
      if (message_node && JSON_NODE_HOLDS_VALUE (message_node) &&
          json_node_get_value_type (message_node) == G_TYPE_STRING)
        message = json_node_get_string (message_node);

      if (title != NULL && message != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s: %s", title, message);

          return _nexor_quote (both, -1, NEXOR_QUOTE_SERVER_TEXT_CHARS);
        }
      if (title != NULL || message != NULL)
        return _nexor_quote (title != NULL ? title : message, -1, NEXOR_QUOTE_SERVER_TEXT_CHARS);
      return NULL;
    }

  /* Not JSON (an HTML error page, a proxy's text): its first printable line. */
  {
    GString *line = g_string_new (NULL);

    for (gsize i = 0; i < size && line->len < 160; i++)
      {
        char c = data[i];

        if (c == '\n' || c == '\r')
          {
            if (line->len > 0)
              break;
            continue;
          }
        g_string_append_c (line, g_ascii_isprint (c) ? c : '?');
      }

    if (line->len == 0)
      {
        g_string_free (line, TRUE);
        return NULL;
      }
    return g_string_free (line, FALSE);
  }
}

/* Text from the server, fit to quote in a message: valid UTF-8, no control
 * characters, at most @max_chars characters, and never the key. */
static char *
quote_untrusted (NexorClient *self,
                 const char  *text,
                 guint        max_chars)
{
  /* Redacted before it is cut, so that no part of the key survives a cut. */
  g_autofree char *redacted = _nexor_redact (text, _nexor_client_get_api_key (self));

  return _nexor_quote (redacted, -1, max_chars);
}

/* The "error" and "message" of the API's JSON error envelope, joined, or
 * NULL when the body is not one: an HTML page, plain text, nothing. */
static char *
envelope_text (GBytes *body)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *error_node;
  JsonNode *message_node;

  if (body == NULL || g_bytes_get_size (body) == 0)
    return NULL;

  root = _nexor_json_parse_bytes (body, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  error_node = _nexor_json_lookup1 (object, "error");
  message_node = _nexor_json_lookup1 (object, "message");
  if (error_node == NULL || !JSON_NODE_HOLDS_VALUE (error_node) ||
      json_node_get_value_type (error_node) != G_TYPE_STRING)
    return NULL;

  if (message_node != NULL && JSON_NODE_HOLDS_VALUE (message_node) &&
      json_node_get_value_type (message_node) == G_TYPE_STRING)
    return g_strconcat (json_node_get_string (error_node), " ", json_node_get_string (message_node), NULL);

  return g_strdup (json_node_get_string (error_node));
}

/* The base URL as shown in a message: without user information, which
 * could hold a password. */
static char *
shown_base_url (NexorClient *self)
{
  const char *base_url = nexor_client_get_base_url (self);
  g_autoptr(GUri) uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL);

  if (uri == NULL)
    return g_strdup (base_url);
  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
}

static GError *
http_error (NexorClient  *self,
            NexorRequest *request,
            SoupMessage  *message,
            GBytes       *body)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);
  g_autofree char *detail = describe_error_body (body);
  g_autofree char *shown_reason = NULL;
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);
  /* A reason phrase may hold any byte from 0x80 up (obs-text). */
  shown_reason = quote_untrusted (self, reason, NEXOR_QUOTE_CHARS);

  if (detail != NULL)
    text = g_strdup_printf ("HTTP %u: %s", status, detail);
  else
    text = g_strdup_printf ("HTTP %u %s", status, shown_reason);

  /* A 404 is the API's "not found" only when the operation documents one
   * and the answer is the API's envelope naming what is missing; anything
   * else (a web server's page, an unknown route, a 404 from an endpoint
   * that has none) says that nothing at this URL is that endpoint. */
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_autofree char *envelope = envelope_text (body);

      if (!_nexor_request_is_documented_not_found (request, envelope))
        {
          g_autofree char *base_url = shown_base_url (self);
          g_autofree char *path = _nexor_request_build_path (request);
          g_autofree char *where = NULL;
          g_autofree char *setup = NULL;

          /* Only the path: a query may hold search text. */
          if (strchr (path, '?') != NULL)
            *strchr (path, '?') = '\0';
          where = quote_untrusted (self, base_url, 200);
          /* TRANSLATORS: the server's own text, the base URL, an HTTP method, a path, the
           * production base URL */
          setup = g_strdup_printf (_("%s; the server at %s has no endpoint %s %s: the base URL is "
                                     "probably wrong (the Nexor API's ends in /api/public, as in %s)"),
                                   text, where, _nexor_request_get_method (request), path,
                                   NEXOR_DEFAULT_BASE_URL);
          safe = _nexor_redact (setup, _nexor_client_get_api_key (self));
          return g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_ENDPOINT_NOT_FOUND, safe);
        }
    }

  safe = _nexor_redact (text, _nexor_client_get_api_key (self));
  return g_error_new_literal (NEXOR_ERROR, error_code_for_status (status), safe);
}

/* The documented API never redirects: a 3xx comes from something else at
 * the base URL (a moved server, a proxy, a portal), and following it would
 * send the key there. Reported like any answer that is not the API's. */
static GError *
redirect_error (NexorClient *self,
                SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "Location");
  const char *reason = soup_status_get_phrase (status);
  g_autofree char *shown = location != NULL ? quote_untrusted (self, location, 200) : NULL;

  if (shown == NULL)
    return g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                        _("HTTP %u %s: a redirect, without a Location; redirects are not followed "
                        "(the Nexor API sends none): check the base URL"),
                        status, reason ? reason : "");

  return g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                      _("HTTP %u %s: the server redirects to “%s”; redirects are not followed "
                      "(the Nexor API sends none): check the base URL"),
                      status, reason ? reason : "", shown);
}

/* The failure of a request not safe to repeat, once it was sent and no
 * answer settled what became of it. Keeps the cause's words. */
static GError *
outcome_unknown_error (const GError *cause)
{
  return g_error_new (NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN,
                      _("%s; the request was sent and may have been applied: check before "
                      "repeating it"), cause->message);
}

/* Puts the wait the server asked for, if any, on the error that ends the
 * call: it belongs to this call alone. */
static GError *
take_retry_after (GError *error,
                  gint64  retry_after_ms)
{
  if (retry_after_ms <= 0 || error->domain != NEXOR_ERROR)
    return error;

  return _nexor_error_take_retry_after (error, (guint) MIN ((retry_after_ms + 999) / 1000, G_MAXUINT));
}

/* Milliseconds the server asked us to wait, or -1 when it named no usable
 * wait. An HTTP date is measured from the response's own Date header, when
 * there is one, so that a skewed local clock does not matter. */
static gint64
parse_retry_after (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  g_autofree char *trimmed = NULL;
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;

  trimmed = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (gint64) seconds * 1000;

  /* Not in the RFC, but sent by some servers: “1.5”. */
  if (g_ascii_isdigit (trimmed[0]) && strspn (trimmed, "0123456789.") == strlen (trimmed))
    {
      char *end = NULL;
      double fractional = g_ascii_strtod (trimmed, &end);

      if (end != NULL && *end == '\0' && fractional >= 0 && fractional <= G_MAXUINT32)
        return (gint64) (fractional * 1000);
      return -1;
    }

  date = soup_date_time_new_from_http_string (trimmed);
  if (date != NULL)
    {
      const char *now_text = soup_message_headers_get_one (headers, "Date");
      g_autoptr(GDateTime) now = now_text ? soup_date_time_new_from_http_string (now_text) : NULL;

      if (now == NULL)
        now = g_date_time_new_now_utc ();
      return MAX (g_date_time_difference (date, now) / 1000, 0);
    }

  return -1;
}

/* min(8 s, 0.5 s × 2^(retry-1)), times a random 50–100 %. */
static guint
backoff_ms (NexorClient *self,
            guint        retry)
{
  double nominal = MIN (8000.0, 500.0 * (double) (1u << MIN (retry - 1, 16u)));
  double draw;

  if (_nexor_client_get_test_hooks (self)->random != NULL)
    draw = CLAMP (_nexor_client_get_test_hooks (self)->random (_nexor_client_get_test_hooks (self)->data), 0.0, 1.0);
  else
    draw = g_random_double ();

  return (guint) (nominal * (0.5 + 0.5 * draw));
}

/* The server asked for a wait the client will not make: the caller gets
 * the status's own error at once, with the wait, and can reschedule. */
static GError *
refuse_wait (guint         status,
             const GError *failure,
             gint64        wait_ms,
             const char   *why)
{
  return take_retry_after (g_error_new (NEXOR_ERROR, error_code_for_status (status),
                                        _("%s: the server asks for a wait %s"),
                                        failure->message, why),
                           wait_ms);
}

/* Annotates a body that would not parse with its Content-Type, the first
 * clue to a proxy or portal page answering in the API's place. */
static GError *
describe_unparsable (SoupMessage *message,
                     GError      *error)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                             NULL);
  GError *annotated;
  GString *shown;

  if (type == NULL || !g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE))
    return error;

  shown = g_string_new (NULL);
  for (const char *p = type; *p != '\0' && shown->len < 64; p++)
    g_string_append_c (shown, g_ascii_isprint (*p) ? *p : '?');

  annotated = g_error_new (error->domain, error->code, "%s (Content-Type: %s)",
                           error->message, shown->str);
  g_string_free (shown, TRUE);
  g_error_free (error);
  return annotated;
}

/* Judges one attempt. Returns TRUE to try again after *delay_ms, having
 * emitted NexorClient::retry-scheduled; otherwise FALSE with either *result
 * or *error set. Takes @failure, the attempt's transport error if any.
 *
 * What may go again: a request that never reached the server, and one the
 * server said it did not process (408, 425, 429), whatever the operation;
 * one that failed after it was sent (500, 502, 503, 504, a connection lost)
 * only if the operation is safe to repeat, and otherwise the caller learns
 * that the outcome is unknown. */
static gboolean
judge_attempt (NexorClient  *self,
               SendState    *state,
               GBytes       *body,
               GError       *failure_in,
               gpointer     *result,
               GError      **error,
               guint        *delay_ms)
{
  SoupMessage *message = state->message;
  gboolean retries_left = state->attempt <= state->max_retries;
  gboolean idempotent = _nexor_request_get_idempotent (state->request);
  g_autoptr(GError) failure = failure_in;
  gint64 retry_after_ms = -1;
  gint64 wait_ms;
  guint status = 0;

  /* Stopped by on_starting() before a byte was written, on a connection
   * that had idled too long: sent again at once on a connection of its
   * own, as the same attempt (the caller skips the wait). */
  if (failure != NULL && state->refused_connection && !state->request_sent &&
      !g_cancellable_is_cancelled (state->cancellable))
    {
      g_debug ("%s %s: not sent on a connection idle for longer than %" G_GINT64_FORMAT " ms; "
               "sending it on a new one", _nexor_request_get_method (state->request),
               g_uri_get_path (soup_message_get_uri (message)),
               _nexor_client_get_test_hooks (self)->warm_idle_us / 1000);
      state->force_new_connection = TRUE;
      state->attempt--;
      *delay_ms = 0;
      return TRUE;
    }

  if (failure != NULL)
    {
      guint answered = soup_message_get_status (message);
      /* An answer proves the request arrived, whatever the signals said. */
      gboolean sent = state->request_sent || answered != SOUP_STATUS_NONE;
      /* Whether the server may have acted on it: a 4xx status line already
       * said it did not, whatever became of the rest of the answer. */
      gboolean ambiguous = sent && !idempotent && !(answered >= 400 && answered < 500);

      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          *error = interrupted_error (state, ambiguous);
          return FALSE;
        }

      g_debug ("%s %s: attempt %u failed%s: %s", _nexor_request_get_method (state->request),
               g_uri_get_path (soup_message_get_uri (message)), state->attempt,
               sent ? " after the request was sent" : "", failure->message);

      /* A 408, 425 or 429 whose body broke off still said "not processed". */
      if (!retries_left ||
          !_nexor_transport_error_is_retryable (failure, sent && !is_unprocessed_status (answered), idempotent))
        {
          /* The library's own refusals (a body over the limit) are not
           * about the server's side. */
          if (ambiguous && failure->domain != NEXOR_ERROR)
            *error = outcome_unknown_error (failure);
          else
            *error = explain_certificate_error (message, g_steal_pointer (&failure));
          return FALSE;
        }
    }
  else
    {
      status = soup_message_get_status (message);
      /* GLib 2.74 formats a message before its writer drops it: on every
       * response, that was a noticeable part of the request core's cost. */
      if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
        g_debug ("%s %s -> %u (attempt %u, %.1f ms)", _nexor_request_get_method (state->request),
                 g_uri_get_path (soup_message_get_uri (message)), status, state->attempt,
                 (g_get_monotonic_time () - state->started_us) / 1000.0);

      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          GError *parse_error = NULL;
          g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (body, &parse_error);

          if (document != NULL)
            {
              /* Resources built from the document keep a copy of their
               * span of the body instead of the tree, which goes with the
               * document: the tree is most of what a held resource cost. */
              *result = _nexor_request_parse (state->request, _nexor_json_document_get_root (document),
                                              document, error);
            }
          else
            *error = describe_unparsable (message, parse_error);
          return FALSE;
        }

      if (SOUP_STATUS_IS_REDIRECTION (status))
        {
          *error = redirect_error (self, message);
          return FALSE;
        }

      failure = http_error (self, state->request, message, body);
      retry_after_ms = parse_retry_after (message);

      if (is_ambiguous_status (status) && !idempotent)
        *error = take_retry_after (outcome_unknown_error (failure), retry_after_ms);
      else if (!is_unprocessed_status (status) && !is_ambiguous_status (status))
        *error = take_retry_after (g_steal_pointer (&failure), retry_after_ms);
      else if (retry_after_ms > MAX_RETRY_AFTER_MS)
        *error = refuse_wait (status, failure, retry_after_ms, _("longer than 60 s"));
      else if (!retries_left)
        *error = take_retry_after (g_steal_pointer (&failure), retry_after_ms);

      if (*error != NULL)
        return FALSE;
    }

  wait_ms = retry_after_ms >= 0 ? retry_after_ms : backoff_ms (self, state->attempt);

  if (state->timeout_s > 0 &&
      state_now_us (state) + wait_ms * 1000 > state->started_us + (gint64) state->timeout_s * G_USEC_PER_SEC)
    {
      if (retry_after_ms >= 0)
        {
          /* The server's own wait does not fit: let the caller reschedule. */
          *error = refuse_wait (status, failure, retry_after_ms,
                                _("longer than the call's deadline allows"));
        }
      else
        {
          *error = g_error_new (NEXOR_ERROR, NEXOR_ERROR_TIMEOUT,
                                _("The request did not finish within %u s: %s"),
                                state->timeout_s, failure->message);
        }
      return FALSE;
    }

  *delay_ms = (guint) wait_ms;
  g_debug ("retrying in %u ms", *delay_ms);
  _nexor_client_emit_retry_scheduled (self, state->attempt + 1, *delay_ms, failure);
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Reading a response body, with a cap: shared by the blocking and the
 * asynchronous paths, which differ only in how they wait for bytes.
 * ------------------------------------------------------------------------- */

typedef enum {
  BODY_MORE,
  BODY_DONE,
  BODY_FAILED,
} BodyProgress;

/* Called once the status and headers are in: refuses a body announced over
 * the limit before a byte of it is read. */
static gboolean
body_begin (SendState  *state,
            GError    **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (state->message);

  state->success = SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (state->message));
  state->body_limit = state->success ? NEXOR_MAX_BODY_SIZE : MAX_ERROR_BODY_SIZE;
  state->content_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    state->content_length = soup_message_headers_get_content_length (headers);

  if (state->success && state->content_length > NEXOR_MAX_BODY_SIZE)
    {
      /* The size as text: a translatable format cannot hold G_GOFFSET_FORMAT. */
      g_autofree char *size = g_strdup_printf ("%" G_GOFFSET_FORMAT, state->content_length);

      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("Invalid response: the body is %s bytes, over the limit of %u MiB"),
                   size, NEXOR_MAX_BODY_SIZE / (1024 * 1024));
      return FALSE;
    }

  /* Sized from Content-Length when there is one, so that the usual body is
   * read into one allocation. */
  state->body = g_byte_array_sized_new (state->content_length >= 0
                                        ? (guint) MIN ((gsize) state->content_length, state->body_limit) + 1
                                        : 16 * 1024);
  return TRUE;
}

/* Where the next read goes and how much it may bring: never more than one
 * byte past the limit, so an oversized body is noticed without being held. */
static guint8 *
body_reserve (SendState *state,
              gsize     *count)
{
  gsize offset = state->body->len;
  gsize want;

  if (state->content_length >= 0 && (gsize) state->content_length >= offset)
    want = (gsize) state->content_length - offset + 1;
  else
    want = READ_CHUNK_SIZE;
  want = MIN (want, state->body_limit + 1 - offset);

  g_byte_array_set_size (state->body, (guint) (offset + want));
  state->read_offset = offset;
  *count = want;
  return state->body->data + offset;
}

static BodyProgress
body_advance (SendState  *state,
              gssize      nread,
              GError    **error)
{
  g_byte_array_set_size (state->body, (guint) (state->read_offset + MAX (nread, 0)));

  if (nread < 0)
    return BODY_FAILED;
  if (nread == 0)
    return BODY_DONE;
  if (state->body->len <= state->body_limit)
    return BODY_MORE;

  if (!state->success)
    {
      g_byte_array_set_size (state->body, (guint) state->body_limit);
      return BODY_DONE;
    }

  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
               _("Invalid response: the body is over the limit of %u MiB"),
               NEXOR_MAX_BODY_SIZE / (1024 * 1024));
  return BODY_FAILED;
}

static GBytes *
body_take (SendState *state)
{
  gsize length = state->body->len;
  guint8 *data = g_byte_array_free (g_steal_pointer (&state->body), FALSE);

  /* The array grew in powers of two, or by whole read chunks without a
   * Content-Length: the slack goes back before the body is handed on (a
   * shrinking realloc stays in place). */
  return g_bytes_new_take (g_realloc (data, length), length);
}

/* ---------------------------------------------------------------------------
 * Asynchronous calls
 * ------------------------------------------------------------------------- */

static void send_attempt (GTask *task);

static gboolean
send_attempt_source_func (gpointer user_data)
{
  send_attempt (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled (GCancellable *cancellable,
                gpointer      user_data)
{
  send_attempt (user_data);  /* finds the cancellable cancelled and returns */
  return G_SOURCE_REMOVE;
}

static void
schedule_wait (GTask *task,
               guint  delay_ms)
{
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  GSource *timer;
  GSource *cancel;

  if (_nexor_client_get_test_hooks (self)->wait != NULL)
    {
      _nexor_client_get_test_hooks (self)->wait (delay_ms, _nexor_client_get_test_hooks (self)->data);
      state->virtual_us += (gint64) delay_ms * 1000;
      delay_ms = 0;
    }

  timer = g_timeout_source_new (delay_ms);
  g_source_set_static_name (timer, "[nexor] retry backoff");
  g_task_attach_source (task, timer, send_attempt_source_func);
  state->wait_source = timer;

  /* A cancel or the deadline ends the wait at once. */
  cancel = g_cancellable_source_new (state->cancellable);
  g_task_attach_source (task, cancel, G_SOURCE_FUNC (wait_cancelled));
  state->wait_cancel_source = cancel;
}

/* Ends an attempt: judges it, then returns the task or schedules the next
 * attempt. Takes @task's reference, @body and @failure. */
static void
attempt_done (GTask  *task,
              GBytes *body,
              GError *failure)
{
  g_autoptr(GTask) owned_task = task;
  g_autoptr(GBytes) owned_body = body;
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer value = NULL;
  guint delay_ms = 0;
  gboolean again;

  again = judge_attempt (self, state, owned_body, failure, &value, &error, &delay_ms);
  attempt_clear (state, TRUE);

  /* A write kept off a stale connection goes again without a wait: it is
   * the same attempt, not a retry. */
  if (again && state->refused_connection)
    send_attempt (task);
  else if (again)
    schedule_wait (task, delay_ms);
  else if (value != NULL)
    g_task_return_pointer (task, value, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void read_body_async (GTask *task);

static void
on_body_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  SendState *state = g_task_get_task_data (task);
  GError *error = NULL;
  gssize nread;

  nread = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);

  switch (body_advance (state, nread, &error))
    {
    case BODY_MORE:
      read_body_async (task);
      break;
    case BODY_DONE:
      _nexor_client_note_connection_idle (state->client, soup_message_get_connection_id (state->message),
                                          soup_message_get_response_headers (state->message));
      attempt_done (task, body_take (state), NULL);
      break;
    case BODY_FAILED:
    default:
      attempt_done (task, NULL, error);
      break;
    }
}

/* Takes a reference on @task, handed on from read to read. */
static void
read_body_async (GTask *task)
{
  SendState *state = g_task_get_task_data (task);
  gsize count = 0;
  guint8 *buffer = body_reserve (state, &count);

  g_input_stream_read_async (state->stream, buffer, count, G_PRIORITY_DEFAULT,
                             state->cancellable, on_body_read, task);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SendState *state = g_task_get_task_data (task);
  GError *error = NULL;

  state->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (state->stream == NULL || !body_begin (state, &error))
    {
      attempt_done (task, NULL, error);
      return;
    }

  read_body_async (task);
}

static void
send_attempt (GTask *task)
{
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  SoupMessage *message;
  GCancellable *cancellable;
  GError *error = NULL;

  clear_wait (state);

  if (g_cancellable_is_cancelled (state->cancellable))
    {
      g_task_return_error (task, interrupted_error (state, FALSE));
      return;
    }

  message = build_message (self, state->request, state->force_new_connection, &error);
  if (message == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = attempt_start (state, message);
  soup_session_send_async (nexor_client_get_session (self), state->message, G_PRIORITY_DEFAULT,
                           cancellable, on_sent, g_object_ref (task));
}

static gboolean
check_request (NexorClient   *self,
               NexorRequest  *request,
               GError       **error)
{
  const GError *request_error = _nexor_request_get_error (request);

  if (request_error != NULL)
    {
      g_propagate_error (error, g_error_copy (request_error));
      return FALSE;
    }
  if (_nexor_client_get_config_error (self) != NULL)
    {
      g_propagate_error (error, g_error_copy (_nexor_client_get_config_error (self)));
      return FALSE;
    }

  return TRUE;
}

/*
 * _nexor_client_send_async:
 * @request: (transfer full): what to send
 *
 * Sends @request, with the retry policy and the deadline, and parses the
 * answer with the request's parser. The task returns exactly once.
 */
void
_nexor_client_send_async (NexorClient         *self,
                          NexorRequest        *request,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data,
                          gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (!check_request (self, request, &error))
    {
      _nexor_request_free (request);
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      _nexor_request_free (request);
      return;
    }

  g_task_set_task_data (task, send_state_new (self, request, cancellable),
                        (GDestroyNotify) send_state_free);
  send_attempt (task);
}

gpointer
_nexor_client_send_finish (NexorClient   *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------------
 * Blocking calls
 * ------------------------------------------------------------------------- */

/* Sleeps for @ms unless @cancellable is cancelled first. */
static void
wait_cancellable (GCancellable *cancellable,
                  guint         ms)
{
  GPollFD pollfd;

  if (g_cancellable_make_pollfd (cancellable, &pollfd))
    {
      g_poll (&pollfd, 1, (int) MIN (ms, G_MAXINT));
      g_cancellable_release_fd (cancellable);
    }
}

static GBytes *
send_and_read (NexorClient   *self,
               SendState     *state,
               GCancellable  *cancellable,
               GError       **error)
{
  state->stream = soup_session_send (nexor_client_get_session (self), state->message, cancellable, error);
  if (state->stream == NULL || !body_begin (state, error))
    return NULL;

  for (;;)
    {
      gsize count = 0;
      guint8 *buffer = body_reserve (state, &count);
      gssize nread = g_input_stream_read (state->stream, buffer, count, state->cancellable, error);

      switch (body_advance (state, nread, error))
        {
        case BODY_MORE:
          break;
        case BODY_DONE:
          _nexor_client_note_connection_idle (self, soup_message_get_connection_id (state->message),
                                              soup_message_get_response_headers (state->message));
          return body_take (state);
        case BODY_FAILED:
        default:
          return NULL;
        }
    }
}

/*
 * _nexor_client_send:
 * @request: (transfer full): what to send
 *
 * The blocking twin of _nexor_client_send_async(): the same policy, with
 * libsoup's own blocking I/O.
 */
gpointer
_nexor_client_send (NexorClient   *self,
                    NexorRequest  *request,
                    GCancellable  *cancellable,
                    GError       **error)
{
  SendState *state;
  gpointer value = NULL;
  GError *local_error = NULL;

  if (!check_request (self, request, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _nexor_request_free (request);
      return NULL;
    }

  state = send_state_new (self, request, cancellable);

  for (;;)
    {
      g_autoptr(GBytes) body = NULL;
      SoupMessage *message;
      GError *failure = NULL;
      guint delay_ms = 0;
      gboolean again;

      if (g_cancellable_is_cancelled (state->cancellable))
        {
          local_error = interrupted_error (state, FALSE);
          break;
        }

      message = build_message (self, state->request, state->force_new_connection, &local_error);
      if (message == NULL)
        break;

      body = send_and_read (self, state, attempt_start (state, message), &failure);
      again = judge_attempt (self, state, body, failure, &value, &local_error, &delay_ms);
      attempt_clear (state, FALSE);
      if (!again)
        break;
      if (state->refused_connection)
        continue;

      if (_nexor_client_get_test_hooks (self)->wait != NULL)
        {
          _nexor_client_get_test_hooks (self)->wait (delay_ms, _nexor_client_get_test_hooks (self)->data);
          state->virtual_us += (gint64) delay_ms * 1000;
        }
      else
        {
          wait_cancellable (state->cancellable, delay_ms);
        }
    }

  send_state_free (state);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return value;
}
