/* test-client-redirects.c: the API key never follows a redirect
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two servers of the test's own on one thread: the "API" on 127.0.0.1,
 * which answers every request with a redirect, and a "thief" on 127.0.0.2,
 * another origin, which records whatever reaches it. The client must refuse
 * every redirect with NEXOR_ERROR_INVALID_RESPONSE naming the Location, and
 * send nothing to the thief nor to a same-origin target, sync and async,
 * for a GET and for a write, with its own session and with an injected one.
 */

#include <string.h>

#include <libsoup/soup.h>
#include <nexor-glib.h>
#include "client-fixture.h"

#define SEED_LEAD_ID "123e4567-e89b-12d3-a456-426614174000"
#define KEY          "nxr_live_redirect_test_key"

typedef struct {
  GMutex lock;
  GCond cond;
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *api;
  SoupServer *thief;
  guint api_port;
  guint thief_port;
  gboolean ready;
  GError *error;

  /* Under lock: what reached the servers. */
  guint thief_requests;
  char *thief_key;
  guint api_requests;
  guint target_requests;    /* same-origin targets, which must never be asked for */
} Servers;

static void
thief_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Servers *servers = user_data;
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                  "X-API-Key");

  g_mutex_lock (&servers->lock);
  servers->thief_requests++;
  if (key != NULL && servers->thief_key == NULL)
    servers->thief_key = g_strdup (key);
  g_mutex_unlock (&servers->lock);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
}

/* /cross/…: 302 to the thief; /same301/… and /same307/…: to /target/… on
 * this very origin; /odd/…: a Location no message should quote as it is. */
static void
api_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Servers *servers = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *location = NULL;
  guint status = SOUP_STATUS_FOUND;

  g_mutex_lock (&servers->lock);
  if (g_str_has_prefix (path, "/target/"))
    servers->target_requests++;
  else
    servers->api_requests++;
  g_mutex_unlock (&servers->lock);

  if (g_str_has_prefix (path, "/cross/"))
    location = g_strdup_printf ("http://127.0.0.2:%u/steal", servers->thief_port);
  else if (g_str_has_prefix (path, "/same301/"))
    {
      status = SOUP_STATUS_MOVED_PERMANENTLY;
      location = g_strdup_printf ("http://127.0.0.1:%u/target/%s", servers->api_port, path + strlen ("/same301/"));
    }
  else if (g_str_has_prefix (path, "/same307/"))
    {
      status = SOUP_STATUS_TEMPORARY_REDIRECT;
      location = g_strdup_printf ("http://127.0.0.1:%u/target/%s", servers->api_port, path + strlen ("/same307/"));
    }
  else if (g_str_has_prefix (path, "/odd/"))
    {
      GString *odd = g_string_new ("http://127.0.0.2/");

      /* Not UTF-8, a control character, the key itself, and far too long. */
      g_string_append (odd, "\xff\xfe\x01" KEY "/");
      for (guint i = 0; i < 500; i++)
        g_string_append_c (odd, 'a');
      location = g_string_free (odd, FALSE);
    }
  else if (g_str_has_prefix (path, "/target/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
      return;
    }

  soup_server_message_set_status (msg, status, NULL);
  if (location != NULL)
    soup_message_headers_replace (headers, "Location", location);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "moved", 5);
}

static gpointer
servers_thread (gpointer user_data)
{
  Servers *servers = user_data;
  g_autoptr(GInetAddress) thief_address = g_inet_address_new_from_string ("127.0.0.2");
  g_autoptr(GSocketAddress) thief_socket = g_inet_socket_address_new (thief_address, 0);
  GError *error = NULL;

  g_main_context_push_thread_default (servers->context);

  servers->api = soup_server_new (NULL, NULL);
  servers->thief = soup_server_new (NULL, NULL);
  soup_server_add_handler (servers->api, NULL, api_handler, servers, NULL);
  soup_server_add_handler (servers->thief, NULL, thief_handler, servers, NULL);

  if (soup_server_listen_local (servers->api, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error) &&
      soup_server_listen (servers->thief, thief_socket, 0, &error))
    {
      servers->api_port = nexor_test_server_get_port (servers->api);
      servers->thief_port = nexor_test_server_get_port (servers->thief);
    }

  g_mutex_lock (&servers->lock);
  servers->error = error;
  servers->ready = TRUE;
  g_cond_signal (&servers->cond);
  g_mutex_unlock (&servers->lock);

  if (error == NULL)
    g_main_loop_run (servers->loop);

  soup_server_disconnect (servers->api);
  soup_server_disconnect (servers->thief);
  g_clear_object (&servers->api);
  g_clear_object (&servers->thief);
  while (g_main_context_iteration (servers->context, FALSE))
    ;
  g_main_context_pop_thread_default (servers->context);
  return NULL;
}

static void
servers_set_up (Servers       *servers,
                gconstpointer  data)
{
  g_mutex_init (&servers->lock);
  g_cond_init (&servers->cond);
  servers->context = g_main_context_new ();
  servers->loop = g_main_loop_new (servers->context, FALSE);
  servers->thread = g_thread_new ("redirect-servers", servers_thread, servers);

  g_mutex_lock (&servers->lock);
  while (!servers->ready)
    g_cond_wait (&servers->cond, &servers->lock);
  g_mutex_unlock (&servers->lock);
  g_assert_no_error (servers->error);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
servers_tear_down (Servers       *servers,
                   gconstpointer  data)
{
  g_main_context_invoke (servers->context, quit_loop, servers->loop);
  g_thread_join (servers->thread);
  g_main_loop_unref (servers->loop);
  g_main_context_unref (servers->context);
  g_free (servers->thief_key);
  g_mutex_clear (&servers->lock);
  g_cond_clear (&servers->cond);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

typedef enum {
  CALL_GET,
  CALL_CREATE,
  CALL_UPDATE,
} Call;

/* One call of @call, sync or async; returns its error. */
static GError *
call (NexorClient *client,
      Call         what,
      gboolean     async)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
  g_autoptr(GObject) value = NULL;
  GError *error = NULL;

  nexor_lead_input_set_first_name (input, "Ana");
  nexor_lead_input_set_email (input, "ana@example.com");

  switch (what)
    {
    case CALL_GET:
      if (!async)
        value = G_OBJECT (nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error));
      else
        {
          nexor_client_get_lead_async (client, SEED_LEAD_ID, NULL, on_result, &result);
          value = G_OBJECT (nexor_client_get_lead_finish (client, wait_for (&result), &error));
        }
      break;
    case CALL_CREATE:
      if (!async)
        value = G_OBJECT (nexor_client_create_lead (client, input, NULL, &error));
      else
        {
          nexor_client_create_lead_async (client, input, NULL, on_result, &result);
          value = G_OBJECT (nexor_client_create_lead_finish (client, wait_for (&result), &error));
        }
      break;
    case CALL_UPDATE:
    default:
      if (!async)
        value = G_OBJECT (nexor_client_update_lead (client, SEED_LEAD_ID, input, NULL, &error));
      else
        {
          nexor_client_update_lead_async (client, SEED_LEAD_ID, input, NULL, on_result, &result);
          value = G_OBJECT (nexor_client_update_lead_finish (client, wait_for (&result), &error));
        }
      break;
    }

  g_assert_null (value);
  g_assert_nonnull (error);
  return error;
}

static NexorClient *
client_for (Servers    *servers,
            const char *prefix,
            gboolean    injected_session)
{
  g_autofree char *base_url = g_strdup_printf ("http://127.0.0.1:%u/%s/api/public",
                                               servers->api_port, prefix);
  g_autoptr(SoupSession) session = injected_session ? soup_session_new () : NULL;

  return g_object_new (NEXOR_TYPE_CLIENT, "base-url", base_url, "api-key", KEY,
                       "session", session, "timeout", 20, NULL);
}

/* A redirect to another origin: refused, nothing reaches it. */
static void
test_cross_origin (Servers       *servers,
                   gconstpointer  data)
{
  g_autofree char *location = g_strdup_printf ("“http://127.0.0.2:%u/steal”", servers->thief_port);
  guint calls = 0;

  for (guint injected = 0; injected < 2; injected++)
    for (Call what = CALL_GET; what <= CALL_UPDATE; what++)
      for (guint async = 0; async < 2; async++)
        {
          g_autoptr(NexorClient) client = client_for (servers, "cross", injected);
          g_autoptr(GError) error = call (client, what, async);

          g_test_message ("call %d, %s, %s session: %s", what, async ? "async" : "sync",
                          injected ? "injected" : "own", error->message);
          g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
          g_assert_nonnull (strstr (error->message, "302"));
          g_assert_nonnull (strstr (error->message, location));
          g_assert_nonnull (strstr (error->message, "redirects are not followed"));
          calls++;
        }

  g_mutex_lock (&servers->lock);
  g_assert_cmpuint (servers->thief_requests, ==, 0);
  g_assert_null (servers->thief_key);
  /* One request each, never repeated: a redirect is not worth retrying. */
  g_assert_cmpuint (servers->api_requests, ==, calls);
  g_mutex_unlock (&servers->lock);
}

/* The documented API has no redirect at all: same-origin ones are refused
 * too, 301 and 307 alike. */
static void
test_same_origin (Servers       *servers,
                  gconstpointer  data)
{
  static const struct {
    const char *prefix;
    const char *status;
  } cases[] = {
    { "same301", "301" },
    { "same307", "307" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (Call what = CALL_GET; what <= CALL_CREATE; what++)
      for (guint async = 0; async < 2; async++)
        {
          g_autoptr(NexorClient) client = client_for (servers, cases[i].prefix, FALSE);
          g_autoptr(GError) error = call (client, what, async);
          g_autofree char *target = g_strdup_printf ("“http://127.0.0.1:%u/target/api/public/leads",
                                                     servers->api_port);

          g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
          g_assert_nonnull (strstr (error->message, cases[i].status));
          g_assert_nonnull (strstr (error->message, target));
          g_assert_nonnull (strstr (error->message, "redirects are not followed"));
        }

  g_mutex_lock (&servers->lock);
  g_assert_cmpuint (servers->target_requests, ==, 0);
  g_mutex_unlock (&servers->lock);
}

/* The Location is the server's text: the message keeps it valid UTF-8,
 * printable, short, and without the key. */
static void
test_location_sanitized (Servers       *servers,
                         gconstpointer  data)
{
  for (guint async = 0; async < 2; async++)
    {
      g_autoptr(NexorClient) client = client_for (servers, "odd", FALSE);
      g_autoptr(GError) error = call (client, CALL_GET, async);

      g_test_message ("%s", error->message);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      for (const char *p = error->message; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_true (g_unichar_isprint (g_utf8_get_char (p)));
      g_assert_null (strstr (error->message, KEY));
      g_assert_nonnull (strstr (error->message, "[REDACTED]"));
      g_assert_nonnull (strstr (error->message, "“http://127.0.0.2/"));
      g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 400);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/redirects/cross-origin", Servers, NULL, servers_set_up, test_cross_origin, servers_tear_down);
  g_test_add ("/redirects/same-origin", Servers, NULL, servers_set_up, test_same_origin, servers_tear_down);
  g_test_add ("/redirects/location-sanitized", Servers, NULL, servers_set_up, test_location_sanitized,
              servers_tear_down);

  return g_test_run ();
}
