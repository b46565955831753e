/* nexor-emulator-fault.c: injected faults, from their text form to the wire
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A fault is a ';'-separated list of items. What is answered, at most one of:
 *
 *   status=CODE       answer CODE (400–599) with a JSON error body
 *   html              answer 200 with an HTML page instead of JSON
 *   truncated         answer normally, but with the body cut in half
 *   huge[=MIB]        answer normally, after MIB (default 40) MiB of JSON
 *                     whitespace: a valid document, only too large
 *   body=BASE64       answer 200 with these bytes (standard base64) as
 *                     application/json: any answer a test needs that the
 *                     service would never give, such as deep nesting
 *
 * How it is answered, in any combination unless said otherwise:
 *
 *   retry-after=SECS       with status=: a Retry-After header in seconds
 *   retry-after-date=SECS  with status=: the same as an HTTP date
 *   content-type=TYPE      replace the Content-Type (html;content-type=
 *                          application/json is a page that claims to be JSON)
 *   delay=MS               hold the status line back for MS milliseconds
 *   trickle=MS             send the body a few bytes at a time, MS apart
 *   chunk=BYTES            with trickle=: that many bytes at a time (16)
 *   chunked                chunked transfer encoding, no Content-Length
 *   reset                  send the headers and part of the body, then
 *                          reset the connection (not with trickle= or chunked)
 *   keep-alive-timeout=SECS  the answer states "Keep-Alive: timeout=SECS", as
 *                          Apache and Node.js do (the emulator does not close
 *                          the connection for it: combine with close-idle=)
 *   close-idle[=MS]        answer normally, then shut the connection down MS
 *                          (default 0) milliseconds after it went idle,
 *                          without a "Connection: close": a keep-alive
 *                          timeout as the client meets it
 *   drop                   read the request, neither act on it nor answer,
 *                          and close the connection (with reset: reset it):
 *                          a server that closed the connection as the
 *                          request arrived; only with delay= and reset
 *   no-close-notify        with drop or reset, over TLS: end the TCP
 *                          connection under the TLS session, with no TLS
 *                          close_notify alert before it (a server process
 *                          that died, a middlebox); the client reads a TLS
 *                          end-of-file error or a reset, where over plain
 *                          http it reads an end of file or a reset
 */

#include "nexor-emulator-fault.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-json-writer.h"
#include "nexor-emulator-json.h"

#ifdef G_OS_UNIX
# include <sys/socket.h>
#endif

/* Large enough for any test, small enough that a typo cannot wedge a run. */
#define MAX_DELAY_MS      (10 * 60 * 1000)
#define MAX_RETRY_AFTER_S (24 * 60 * 60)
#define MAX_HUGE_MIB      1024
#define DEFAULT_HUGE_MIB  40
#define DEFAULT_CHUNK     16
#define MAX_CHUNK         (64 * 1024)
/* A fault travels in a header or a control request: a few pages at most. */
#define MAX_BODY_BASE64   (256 * 1024)

/* A reset sends at most this much of the body: enough to be mid-body, never
 * so much that the blocking write could stall the server's thread. */
#define MAX_RESET_BODY    (16 * 1024)
/* How long the partial answer is given to reach the client before the reset,
 * so that the client sees the headers and then the failure mid-body. */
#define RESET_AFTER_MS    30

static gboolean
parse_number (const char  *key,
              const char  *value,
              guint64      min,
              guint64      max,
              guint64     *out,
              GError     **error)
{
  /* Fault items come from request headers and files: quoted, never raw. */
  g_autofree char *shown_key = nexor_emulator_quote (key, -1, NEXOR_EMULATOR_QUOTE_CHARS);

  if (value == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” needs a value", shown_key);
      return FALSE;
    }

  /* GLib's own message would quote the value whole. */
  if (!g_ascii_string_to_unsigned (value, 10, min, max, out, NULL))
    {
      g_autofree char *shown_value = nexor_emulator_quote (value, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid value for “%s”: “%s” is not a whole number from %" G_GUINT64_FORMAT
                   " to %" G_GUINT64_FORMAT, shown_key, shown_value, min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
no_value (const char  *key,
          const char  *value,
          GError     **error)
{
  if (value == NULL)
    return TRUE;

  {
    g_autofree char *shown = nexor_emulator_quote (key, -1, NEXOR_EMULATOR_QUOTE_CHARS);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 "“%s” takes no value", shown);
    return FALSE;
  }
}

/* A header value must not smuggle in a line break or another header. */
static gboolean
is_media_type (const char *value)
{
  if (value == NULL || *value == '\0' || strlen (value) > 128)
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    if (*p < ' ' || *p >= 0x7f)
      return FALSE;

  return strchr (value, '/') != NULL;
}

/* g_base64_decode() skips what is not base64 without a word: a typo would
 * become a different body instead of an error. */
static gboolean
parse_base64 (const char  *value,
              GBytes     **out,
              GError     **error)
{
  gsize len = value != NULL ? strlen (value) : 0;
  gsize pad = 0;
  guchar *data;
  gsize size = 0;

  if (len == 0 || len % 4 != 0 || len > MAX_BODY_BASE64)
    goto invalid;

  for (gsize i = 0; i < len; i++)
    {
      char c = value[i];

      if (c == '=')
        pad++;
      else if (pad > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        goto invalid;
    }
  if (pad > 2)
    goto invalid;

  data = g_base64_decode (value, &size);
  *out = g_bytes_new_take (data, size);
  return TRUE;

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "“body” needs standard base64 of at most %u characters", MAX_BODY_BASE64);
  return FALSE;
}

NexorEmulatorFault *
nexor_emulator_fault_parse (const char  *spec,
                            GError     **error)
{
  g_autoptr(NexorEmulatorFault) fault = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) items = NULL;
  gboolean empty = TRUE;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fault = g_new0 (NexorEmulatorFault, 1);
  fault->kind = NEXOR_EMULATOR_FAULT_NONE;
  fault->retry_after = -1;
  fault->retry_after_date = -1;
  fault->close_idle_ms = -1;
  fault->keep_alive_timeout = -1;
  fault->chunk_size = DEFAULT_CHUNK;
  fault->spec = g_strdup (spec);

  if (!g_utf8_validate (spec, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "The fault is not valid UTF-8");
      return NULL;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  items = g_strsplit (spec, ";", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *value = NULL;
      char *eq;
      guint64 number;

      if (*item == '\0')
        continue;
      empty = FALSE;

      eq = strchr (item, '=');
      if (eq != NULL)
        {
          *eq = '\0';
          value = g_strstrip (eq + 1);
          g_strchomp (item);
        }

      if (!g_hash_table_add (seen, g_strdup (item)))
        {
          g_autofree char *shown = nexor_emulator_quote (item, -1, NEXOR_EMULATOR_QUOTE_CHARS);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "“%s” given twice", shown);
          return NULL;
        }

      if (g_str_equal (item, "status") || g_str_equal (item, "html") ||
          g_str_equal (item, "truncated") || g_str_equal (item, "huge") ||
          g_str_equal (item, "body"))
        {
          if (fault->kind != NEXOR_EMULATOR_FAULT_NONE)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Only one of status=, html, truncated, huge and body= is allowed");
              return NULL;
            }

          if (g_str_equal (item, "body"))
            {
              if (!parse_base64 (value, &fault->body, error))
                return NULL;
              fault->kind = NEXOR_EMULATOR_FAULT_BODY;
            }
          else if (g_str_equal (item, "status"))
            {
              if (!parse_number (item, value, 400, 599, &number, error))
                return NULL;
              fault->kind = NEXOR_EMULATOR_FAULT_STATUS;
              fault->status = (guint) number;
            }
          else if (g_str_equal (item, "huge"))
            {
              number = DEFAULT_HUGE_MIB;
              if (value != NULL && !parse_number (item, value, 1, MAX_HUGE_MIB, &number, error))
                return NULL;
              fault->kind = NEXOR_EMULATOR_FAULT_HUGE;
              fault->huge_mib = (guint) number;
            }
          else
            {
              if (!no_value (item, value, error))
                return NULL;
              fault->kind = g_str_equal (item, "html") ? NEXOR_EMULATOR_FAULT_HTML
                                                       : NEXOR_EMULATOR_FAULT_TRUNCATED;
            }
        }
      else if (g_str_equal (item, "retry-after") || g_str_equal (item, "retry-after-date"))
        {
          if (!parse_number (item, value, 0, MAX_RETRY_AFTER_S, &number, error))
            return NULL;
          if (g_str_equal (item, "retry-after"))
            fault->retry_after = (gint) number;
          else
            fault->retry_after_date = (gint) number;
        }
      else if (g_str_equal (item, "delay"))
        {
          if (!parse_number (item, value, 0, MAX_DELAY_MS, &number, error))
            return NULL;
          fault->delay_ms = (guint) number;
        }
      else if (g_str_equal (item, "trickle"))
        {
          if (!parse_number (item, value, 1, MAX_DELAY_MS, &number, error))
            return NULL;
          fault->trickle_ms = (guint) number;
        }
      else if (g_str_equal (item, "chunk"))
        {
          if (!parse_number (item, value, 1, MAX_CHUNK, &number, error))
            return NULL;
          fault->chunk_size = (guint) number;
        }
      else if (g_str_equal (item, "close-idle"))
        {
          number = 0;
          if (value != NULL && !parse_number (item, value, 0, MAX_DELAY_MS, &number, error))
            return NULL;
          fault->close_idle_ms = (gint) number;
        }
      else if (g_str_equal (item, "keep-alive-timeout"))
        {
          if (!parse_number (item, value, 0, MAX_RETRY_AFTER_S, &number, error))
            return NULL;
          fault->keep_alive_timeout = (gint) number;
        }
      else if (g_str_equal (item, "drop"))
        {
          if (!no_value (item, value, error))
            return NULL;
          fault->drop = TRUE;
        }
      else if (g_str_equal (item, "no-close-notify"))
        {
          if (!no_value (item, value, error))
            return NULL;
          fault->no_close_notify = TRUE;
        }
      else if (g_str_equal (item, "chunked") || g_str_equal (item, "reset"))
        {
          if (!no_value (item, value, error))
            return NULL;
          if (g_str_equal (item, "chunked"))
            fault->chunked = TRUE;
          else
            fault->reset = TRUE;
        }
      else if (g_str_equal (item, "if-body"))
        {
          if (value == NULL || *value == '\0')
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "“if-body” needs the text a request body must contain");
              return NULL;
            }
          fault->if_body = g_strdup (value);
        }
      else if (g_str_equal (item, "content-type"))
        {
          if (!is_media_type (value))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "“content-type” needs a media type such as text/html");
              return NULL;
            }
          fault->content_type = g_strdup (value);
        }
      else
        {
          g_autofree char *shown = nexor_emulator_quote (item, -1, NEXOR_EMULATOR_QUOTE_CHARS);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Unknown fault item “%s”", shown);
          return NULL;
        }
    }

  if (empty)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Empty fault");
      return NULL;
    }

  /* Items that would silently mean nothing are refused. */
  if ((fault->retry_after >= 0 || fault->retry_after_date >= 0) &&
      fault->kind != NEXOR_EMULATOR_FAULT_STATUS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“retry-after” and “retry-after-date” need “status=”");
      return NULL;
    }
  if (fault->retry_after >= 0 && fault->retry_after_date >= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Only one of “retry-after” and “retry-after-date” is allowed");
      return NULL;
    }
  if (g_hash_table_contains (seen, "chunk") && fault->trickle_ms == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“chunk” needs “trickle=”");
      return NULL;
    }
  if (fault->drop && (fault->kind != NEXOR_EMULATOR_FAULT_NONE || fault->trickle_ms > 0 ||
                      fault->chunked || fault->content_type != NULL || fault->close_idle_ms >= 0 ||
                      fault->keep_alive_timeout >= 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“drop” combines only with “delay=”, “reset” and “no-close-notify”");
      return NULL;
    }
  if (fault->no_close_notify && !fault->drop && !fault->reset)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“no-close-notify” needs “drop” or “reset”");
      return NULL;
    }
  if (fault->close_idle_ms >= 0 && fault->reset)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“close-idle” does not combine with “reset”");
      return NULL;
    }
  if (fault->reset && (fault->trickle_ms > 0 || fault->chunked))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“reset” does not combine with “trickle=” or “chunked”");
      return NULL;
    }

  return g_steal_pointer (&fault);
}

void
nexor_emulator_fault_free (NexorEmulatorFault *fault)
{
  if (fault == NULL)
    return;

  g_free (fault->content_type);
  g_free (fault->if_body);
  g_clear_pointer (&fault->body, g_bytes_unref);
  g_free (fault->spec);
  g_free (fault);
}

/* Answers */

gboolean
nexor_emulator_fault_answers (const NexorEmulatorFault *fault)
{
  return fault->kind == NEXOR_EMULATOR_FAULT_STATUS || fault->kind == NEXOR_EMULATOR_FAULT_HTML ||
         fault->kind == NEXOR_EMULATOR_FAULT_BODY;
}

static const char *
fault_error_text (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_INTERNAL_SERVER_ERROR:
      return "Internal server error";
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      return "Service unavailable";
    case 429:  /* no SOUP_STATUS_ name in libsoup 3.2 */
      return "Too many requests";
    default:
      return soup_status_get_phrase (status);
    }
}

static void
respond_status (const NexorEmulatorFault *fault,
                SoupServerMessage        *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  gsize length = 0;
  char *data;

  json_object_set_string_member (object, "error", fault_error_text (fault->status));
  json_node_take_object (root, object);
  data = nexor_json_writer_to_string (root, FALSE, &length);

  /* libsoup 3.2 has no phrase for 429 and would send “Unknown Error”. */
  soup_server_message_set_status (msg, fault->status, fault->status == 429 ? "Too Many Requests" : NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);

  if (fault->retry_after >= 0)
    {
      g_autofree char *value = g_strdup_printf ("%d", fault->retry_after);

      soup_message_headers_replace (headers, "Retry-After", value);
    }
  else if (fault->retry_after_date >= 0)
    {
      /* Both dates from one clock reading, so a client that measures from
       * the Date header finds exactly the wait that was asked for. */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, fault->retry_after_date);
      g_autofree char *now_text = soup_date_time_to_string (now, SOUP_DATE_HTTP);
      g_autofree char *then_text = soup_date_time_to_string (then, SOUP_DATE_HTTP);

      soup_message_headers_replace (headers, "Date", now_text);
      soup_message_headers_replace (headers, "Retry-After", then_text);
    }
}

/* What a captive portal or a misconfigured proxy sends back: a 200 that is
 * not JSON at all. */
static void
respond_html (SoupServerMessage *msg)
{
  static const char page[] =
    "<!DOCTYPE html>\n"
    "<html>\n"
    "<head><title>Service Temporarily Unavailable</title></head>\n"
    "<body>\n"
    "<h1>Service Temporarily Unavailable</h1>\n"
    "<p>The server is temporarily unable to service your request.</p>\n"
    "</body>\n"
    "</html>\n";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8",
                                    SOUP_MEMORY_STATIC, page, strlen (page));
}

void
nexor_emulator_fault_respond (const NexorEmulatorFault *fault,
                              SoupServerMessage        *msg)
{
  if (fault->kind == NEXOR_EMULATOR_FAULT_STATUS)
    respond_status (fault, msg);
  else if (fault->kind == NEXOR_EMULATOR_FAULT_HTML)
    respond_html (msg);
  else if (fault->kind == NEXOR_EMULATOR_FAULT_BODY)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (fault->body, NULL),
                                        g_bytes_get_size (fault->body));
    }
}

/* One MiB of spaces, shared by every huge answer. */
static const char *
whitespace_mib (void)
{
  static char *block;

  if (g_once_init_enter (&block))
    {
      char *new_block = g_malloc (1024 * 1024);

      memset (new_block, ' ', 1024 * 1024);
      g_once_init_leave (&block, new_block);
    }

  return block;
}

void
nexor_emulator_fault_shape (const NexorEmulatorFault *fault,
                            SoupServerMessage        *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (fault->kind == NEXOR_EMULATOR_FAULT_TRUNCATED)
    {
      /* Keeps the first half, so a client sees a well-formed start and then
       * an unexpected end of the document. */
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      gsize length = g_bytes_get_size (bytes);

      soup_message_body_truncate (body);
      soup_message_body_append (body, SOUP_MEMORY_COPY, g_bytes_get_data (bytes, NULL), length / 2);
    }
  else if (fault->kind == NEXOR_EMULATOR_FAULT_HUGE)
    {
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

      soup_message_body_truncate (body);
      for (guint i = 0; i < fault->huge_mib; i++)
        soup_message_body_append (body, SOUP_MEMORY_STATIC, whitespace_mib (), 1024 * 1024);
      soup_message_body_append_bytes (body, bytes);
    }

  if (fault->content_type != NULL)
    soup_message_headers_replace (headers, "Content-Type", fault->content_type);

  if (fault->chunked)
    {
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      /* Without this the server waits for more chunks; a trickle completes
       * the body itself once it has handed all of it out. */
      if (fault->trickle_ms == 0)
        soup_message_body_complete (body);
    }
}

/* Deliveries */

struct _NexorEmulatorDelivery
{
  GPtrArray *owner;           /* unowned: freeing the array frees this */
  SoupServerMessage *msg;     /* NULL once the connection is stolen */
  gulong finished_id;
  GSource *source;
  GMainContext *context;

  /* trickle= */
  GBytes *body;
  gsize offset;
  guint chunk_size;
  guint interval_ms;

  /* reset, drop */
  gboolean reset;
  gboolean no_close_notify;
  GIOStream *stream;
  GSocket *socket;
};

void
nexor_emulator_delivery_free (NexorEmulatorDelivery *delivery)
{
  if (delivery->source != NULL)
    {
      g_source_destroy (delivery->source);
      g_clear_pointer (&delivery->source, g_source_unref);
    }
  if (delivery->msg != NULL)
    {
      g_clear_signal_handler (&delivery->finished_id, delivery->msg);
      g_clear_object (&delivery->msg);
    }
  if (delivery->stream != NULL)
    g_io_stream_close (delivery->stream, NULL, NULL);
  g_clear_object (&delivery->stream);
  g_clear_object (&delivery->socket);
  g_clear_pointer (&delivery->body, g_bytes_unref);
  g_main_context_unref (delivery->context);
  g_free (delivery);
}

static void
delivery_done (NexorEmulatorDelivery *delivery)
{
  g_ptr_array_remove_fast (delivery->owner, delivery);
}

static void
delivery_schedule (NexorEmulatorDelivery *delivery,
                   guint                  delay_ms,
                   GSourceFunc            func)
{
  if (delivery->source != NULL)
    {
      g_source_destroy (delivery->source);
      g_source_unref (delivery->source);
    }

  delivery->source = g_timeout_source_new (delay_ms);
  g_source_set_static_name (delivery->source, "[nexor-emulator] fault delivery");
  g_source_set_callback (delivery->source, func, delivery, NULL);
  g_source_attach (delivery->source, delivery->context);
}

/* The client went away, or the server shut down: nothing more to send. */
static void
delivery_finished_cb (SoupServerMessage     *msg,
                      NexorEmulatorDelivery *delivery)
{
  delivery_done (delivery);
}

static gboolean
trickle_tick_cb (gpointer user_data)
{
  NexorEmulatorDelivery *delivery = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (delivery->msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  gsize size = g_bytes_get_size (delivery->body);
  gsize n = MIN (delivery->chunk_size, size - delivery->offset);

  if (n > 0)
    {
      g_autoptr(GBytes) chunk = g_bytes_new_from_bytes (delivery->body, delivery->offset, n);

      soup_message_body_append_bytes (body, chunk);
      delivery->offset += n;
    }

  if (delivery->offset >= size)
    {
      soup_message_body_complete (body);
      delivery_done (delivery);
    }
  else
    {
      delivery_schedule (delivery, delivery->interval_ms, trickle_tick_cb);
    }

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

/* Over TLS, closing the stolen stream first sends a close_notify alert,
 * which the client reads as a clean end of the session. no-close-notify
 * ends the TCP connection under the session instead (a FIN, or with a zero
 * linger time a reset), as a server process that died does: closing the
 * stream afterwards can no longer put the alert on the wire. */
static void
close_connection (NexorEmulatorDelivery *delivery)
{
  if (delivery->no_close_notify)
    g_socket_close (delivery->socket, NULL);
  g_io_stream_close (delivery->stream, NULL, NULL);
}

static gboolean
reset_now_cb (gpointer user_data)
{
  NexorEmulatorDelivery *delivery = user_data;

#ifdef G_OS_UNIX
  /* A zero linger time makes close() send RST instead of FIN: what a
   * crashing server or a middlebox cutting the connection looks like. */
  {
    struct linger linger = { 1, 0 };

    setsockopt (g_socket_get_fd (delivery->socket), SOL_SOCKET, SO_LINGER,
                &linger, sizeof linger);
  }
#endif
  close_connection (delivery);
  g_clear_object (&delivery->stream);
  delivery_done (delivery);
  return G_SOURCE_REMOVE;
}

/* Takes the connection from the server before a byte of an answer and
 * closes it: end of file for the client, or with reset a TCP reset. */
static gboolean
drop_now_cb (gpointer user_data)
{
  NexorEmulatorDelivery *delivery = user_data;
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&delivery->msg);

  g_clear_signal_handler (&delivery->finished_id, msg);
  delivery->socket = g_object_ref (soup_server_message_get_socket (msg));
  delivery->stream = soup_server_message_steal_connection (msg);
  if (delivery->reset)
    return reset_now_cb (delivery);

  close_connection (delivery);
  g_clear_object (&delivery->stream);
  delivery_done (delivery);
  return G_SOURCE_REMOVE;
}

/* The first @length bytes of @body, without flattening it: a huge body is
 * a list of shared blocks. */
static GBytes *
body_head (SoupMessageBody *body,
           gsize            length)
{
  GByteArray *head = g_byte_array_sized_new ((guint) length);

  while (head->len < length)
    {
      g_autoptr(GBytes) chunk = soup_message_body_get_chunk (body, head->len);
      gsize size = 0;
      const guint8 *data;

      if (chunk == NULL || g_bytes_get_size (chunk) == 0)
        break;
      data = g_bytes_get_data (chunk, &size);
      g_byte_array_append (head, data, (guint) MIN (size, length - head->len));
    }

  return g_byte_array_free_to_bytes (head);
}

/* Writes the answer set on the message by hand, on the stolen connection,
 * with a Content-Length for all of the body and only part of it. */
static gboolean
reset_start_cb (gpointer user_data)
{
  NexorEmulatorDelivery *delivery = user_data;
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&delivery->msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GString) head = g_string_new (NULL);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  GOutputStream *out;
  gsize size = (gsize) body->length;

  g_clear_signal_handler (&delivery->finished_id, msg);
  delivery->socket = g_object_ref (soup_server_message_get_socket (msg));
  delivery->stream = soup_server_message_steal_connection (msg);

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\n", soup_server_message_get_status (msg),
                          soup_status_get_phrase (soup_server_message_get_status (msg)));
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Content-Length") != 0 &&
        g_ascii_strcasecmp (name, "Transfer-Encoding") != 0)
      g_string_append_printf (head, "%s: %s\r\n", name, value);
  g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", size);

  part = body_head (body, MIN (size / 2, MAX_RESET_BODY));
  out = g_io_stream_get_output_stream (delivery->stream);
  if (g_output_stream_write_all (out, head->str, head->len, NULL, NULL, NULL))
    g_output_stream_write_all (out, g_bytes_get_data (part, NULL), g_bytes_get_size (part),
                               NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);

  delivery_schedule (delivery, RESET_AFTER_MS, reset_now_cb);
  return G_SOURCE_REMOVE;
}

gboolean
nexor_emulator_fault_deliver (const NexorEmulatorFault *fault,
                              SoupServerMessage        *msg,
                              GMainContext             *context,
                              guint                     delay_ms,
                              GPtrArray                *deliveries)
{
  NexorEmulatorDelivery *delivery;

  if (fault->trickle_ms == 0 && !fault->reset && !fault->drop)
    return FALSE;

  delivery = g_new0 (NexorEmulatorDelivery, 1);
  delivery->owner = deliveries;
  delivery->msg = g_object_ref (msg);
  delivery->context = g_main_context_ref (context);
  delivery->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (delivery_finished_cb),
                                            delivery);
  g_ptr_array_add (deliveries, delivery);

  if (fault->drop)
    {
      delivery->reset = fault->reset;
      delivery->no_close_notify = fault->no_close_notify;
      delivery_schedule (delivery, delay_ms, drop_now_cb);
    }
  else if (fault->reset)
    {
      delivery->no_close_notify = fault->no_close_notify;
      delivery_schedule (delivery, delay_ms, reset_start_cb);
    }
  else
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      /* The body is taken back and handed out again, chunk by chunk; the
       * headers announce all of it unless it is chunked. */
      delivery->body = soup_message_body_flatten (body);
      delivery->chunk_size = fault->chunk_size;
      delivery->interval_ms = fault->trickle_ms;
      soup_message_body_truncate (body);
      if (!fault->chunked)
        soup_message_headers_set_content_length (headers, (goffset) g_bytes_get_size (delivery->body));

      delivery_schedule (delivery, delay_ms, trickle_tick_cb);
    }

  soup_server_message_pause (msg);
  return TRUE;
}
