/* bench-client.c: Get Lead round trips through nexor-glib and its C peers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-client --impl IMPL --mode MODE --url BASE_URL
 *                [--requests N] [--batches B] [--warmup W] [--in-flight K]
 *
 * IMPL and the modes each supports:
 *
 *   nexor   sync, async, concurrent   NexorClient, typed NexorLead
 *   soup    sync, async, concurrent   hand-written SoupSession + JsonParser loop
 *   rest    sync, async               librest RestProxyCall + JsonParser
 *
 * (libcurl is in bench-curl.c, built once with json-c and once with json-glib.)
 *
 * "async" is sequential: one request in flight, the next started from the
 * completion of the previous one. "concurrent" keeps K requests in flight
 * (--in-flight, default 256) on one client until N have completed.
 *
 * Every request is a keep-alive GET of /leads/{id} with an X-API-Key header,
 * whose JSON body is parsed and checked (the lead's first name), so that no
 * implementation can skip work the others do. After W warm-up requests, B
 * batches of N requests are measured and each prints one result line (see
 * bench-common.h).
 */

#include <string.h>
#include <libsoup/soup.h>
#include <nexor-glib.h>
#include <rest/rest-proxy.h>

#include "bench-check.h"

typedef struct _Driver Driver;

/* Runs asynchronous requests from a main loop, K at a time, until N are done. */
struct _Driver {
  GMainLoop *loop;
  guint target;
  guint started;
  guint completed;
  guint in_flight;
  GError *error;
  void (*start) (Driver *driver);
};

static struct {
  const char *impl;
  const char *mode;
  const char *base_url;
  char *lead_url;
  guint requests;
  guint batches;
  guint warmup;
  guint in_flight;
} opt = { NULL, NULL, NULL, NULL, 500, 10, 100, 256 };

static NexorClient *nexor_client;
static SoupSession *soup_session;
static RestProxy *rest_proxy;

static void
driver_start_one (Driver *driver)
{
  driver->started++;
  driver->start (driver);
}

/* Called once per finished request; takes @error. */
static void
driver_complete (Driver *driver,
                 GError *error)
{
  driver->completed++;
  if (error != NULL)
    {
      if (driver->error == NULL)
        driver->error = error;
      else
        g_error_free (error);
    }

  if (driver->error == NULL && driver->started < driver->target)
    driver_start_one (driver);
  else if (driver->completed == driver->started)
    g_main_loop_quit (driver->loop);
}

static gboolean
driver_run (Driver  *driver,
            guint    n,
            GError **error)
{
  driver->target = n;
  driver->started = driver->completed = 0;
  while (driver->started < MIN (n, driver->in_flight))
    driver_start_one (driver);
  g_main_loop_run (driver->loop);

  if (driver->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&driver->error));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * nexor-glib
 * ------------------------------------------------------------------------- */

static gboolean
nexor_sync (GError **error)
{
  g_autoptr(NexorLead) lead = nexor_client_get_lead (nexor_client, BENCH_LEAD_ID, NULL, error);

  return lead != NULL && bench_check_first_name (nexor_lead_get_first_name (lead), error);
}

static void
nexor_got_lead (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(NexorLead) lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &error);

  if (lead != NULL)
    bench_check_first_name (nexor_lead_get_first_name (lead), &error);
  driver_complete (user_data, error);
}

static void
nexor_start (Driver *driver)
{
  nexor_client_get_lead_async (nexor_client, BENCH_LEAD_ID, NULL, nexor_got_lead, driver);
}

/* ---------------------------------------------------------------------------
 * Hand-written libsoup + json-glib: the floor for this stack
 * ------------------------------------------------------------------------- */

static SoupMessage *
soup_lead_message (void)
{
  SoupMessage *message = soup_message_new ("GET", opt.lead_url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_headers_replace (headers, "X-API-Key", BENCH_API_KEY);
  soup_message_headers_replace (headers, "Accept", "application/json");
  return message;
}

static gboolean
soup_check (SoupMessage  *message,
            GBytes       *body,
            GError      **error)
{
  gsize size = 0;
  const char *data;

  if (body == NULL || !bench_check_status (soup_message_get_status (message), error))
    return FALSE;
  data = g_bytes_get_data (body, &size);
  return bench_check_body (data, size, error);
}

static gboolean
soup_sync (GError **error)
{
  g_autoptr(SoupMessage) message = soup_lead_message ();
  g_autoptr(GBytes) body = soup_session_send_and_read (soup_session, message, NULL, error);

  return soup_check (message, body, error);
}

static void
soup_got_body (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Driver *driver = user_data;
  GError *error = NULL;
  g_autoptr(SoupMessage) message = g_object_ref (soup_session_get_async_result_message (SOUP_SESSION (source), result));
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (body != NULL)
    soup_check (message, body, &error);
  driver_complete (driver, error);
}

static void
soup_start (Driver *driver)
{
  g_autoptr(SoupMessage) message = soup_lead_message ();

  soup_session_send_and_read_async (soup_session, message, G_PRIORITY_DEFAULT, NULL,
                                    soup_got_body, driver);
}

/* ---------------------------------------------------------------------------
 * librest + json-glib
 * ------------------------------------------------------------------------- */

static RestProxyCall *
rest_lead_call (void)
{
  RestProxyCall *call = rest_proxy_new_call (rest_proxy);

  rest_proxy_call_set_method (call, "GET");
  rest_proxy_call_set_function (call, "leads/" BENCH_LEAD_ID);
  rest_proxy_call_add_header (call, "X-API-Key", BENCH_API_KEY);
  rest_proxy_call_add_header (call, "Accept", "application/json");
  return call;
}

static gboolean
rest_check (RestProxyCall  *call,
            GError        **error)
{
  if (!bench_check_status (rest_proxy_call_get_status_code (call), error))
    return FALSE;
  return bench_check_body (rest_proxy_call_get_payload (call),
                         (gsize) rest_proxy_call_get_payload_length (call), error);
}

static gboolean
rest_sync (GError **error)
{
  g_autoptr(RestProxyCall) call = rest_lead_call ();

  return rest_proxy_call_sync (call, error) && rest_check (call, error);
}

static void
rest_invoked (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RestProxyCall *call = REST_PROXY_CALL (source);
  GError *error = NULL;

  if (rest_proxy_call_invoke_finish (call, result, &error))
    rest_check (call, &error);
  g_object_unref (call);
  driver_complete (user_data, error);
}

static void
rest_start (Driver *driver)
{
  rest_proxy_call_invoke_async (rest_lead_call (), NULL, rest_invoked, driver);
}

/* ---------------------------------------------------------------------------
 * Main
 * ------------------------------------------------------------------------- */

typedef struct {
  const char *impl;
  gboolean (*sync) (GError **error);
  void (*start) (Driver *driver);
  gboolean concurrent;
} Impl;

static const Impl impls[] = {
  { "nexor", nexor_sync, nexor_start, TRUE },
  { "soup", soup_sync, soup_start, TRUE },
  { "rest", rest_sync, rest_start, FALSE },
};

static gboolean
run_requests (const Impl  *impl,
              Driver      *driver,
              guint        n,
              GError     **error)
{
  if (g_str_equal (opt.mode, "sync"))
    {
      for (guint i = 0; i < n; i++)
        if (!impl->sync (error))
          return FALSE;
      return TRUE;
    }

  return driver_run (driver, n, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  const Impl *impl = NULL;
  Driver driver = { 0 };
  int requests = opt.requests, batches = opt.batches, warmup = opt.warmup, in_flight = opt.in_flight;
  int nexor_timeout = -1;
  gboolean use_stdin = FALSE;
  guint n = 0;
  char *impl_name = NULL, *mode = NULL, *url = NULL;
  const GOptionEntry entries[] = {
    { "impl", 0, 0, G_OPTION_ARG_STRING, &impl_name, "Implementation", "IMPL" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, "sync, async or concurrent", "MODE" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "Base URL, such as http://127.0.0.1:PORT/api/public", "URL" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &requests, "Requests per batch", "N" },
    { "batches", 0, 0, G_OPTION_ARG_INT, &batches, "Measured batches", "B" },
    { "warmup", 0, 0, G_OPTION_ARG_INT, &warmup, "Unmeasured requests first", "W" },
    { "in-flight", 0, 0, G_OPTION_ARG_INT, &in_flight, "Requests in flight (concurrent)", "K" },
    { "stdin", 0, 0, G_OPTION_ARG_NONE, &use_stdin, "Read the size of each batch from stdin", NULL },
    { "nexor-timeout", 0, 0, G_OPTION_ARG_INT, &nexor_timeout,
      "Profiling: the NexorClient:timeout to use (0 turns the call deadline off)", "S" },
    { NULL }
  };

  context = g_option_context_new ("- Get Lead round trips");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (impls) && impl_name != NULL; i++)
    if (g_str_equal (impls[i].impl, impl_name))
      impl = &impls[i];
  if (impl == NULL || url == NULL || mode == NULL || requests <= 0 || batches < 0 ||
      warmup < 0 || in_flight <= 0 ||
      !(g_str_equal (mode, "sync") || g_str_equal (mode, "async") || g_str_equal (mode, "concurrent")) ||
      (g_str_equal (mode, "concurrent") && !impl->concurrent))
    {
      g_printerr ("bench-client: unsupported --impl/--mode/--url combination\n");
      return 2;
    }

  opt.impl = impl_name;
  opt.mode = mode;
  opt.base_url = url;
  opt.lead_url = g_strconcat (url, "/leads/" BENCH_LEAD_ID, NULL);
  opt.in_flight = g_str_equal (mode, "concurrent") ? (guint) in_flight : 1;

  nexor_client = nexor_client_new_for_url (url, BENCH_API_KEY, &error);
  if (nexor_client == NULL)
    {
      g_printerr ("bench-client: %s\n", error->message);
      return 2;
    }
  if (nexor_timeout >= 0)
    nexor_client_set_timeout (nexor_client, (guint) nexor_timeout);
  /* The hand-written floor gets the connection limits nexor-glib uses. */
  soup_session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 32, NULL);
  rest_proxy = rest_proxy_new (url, FALSE);

  loop = g_main_loop_new (NULL, FALSE);
  driver.loop = loop;
  driver.in_flight = opt.in_flight;
  driver.start = impl->start;

  if (warmup > 0 && !run_requests (impl, &driver, (guint) warmup, &error))
    {
      g_printerr ("bench-client %s %s: %s\n", impl_name, mode, error->message);
      return 1;
    }

  if (use_stdin)
    bench_ready ();
  n = (guint) requests;
  for (int b = 0; use_stdin ? bench_next_batch (&n) : b < batches; b++)
    {
      BenchClock start, end;
      g_autofree char *extra = g_strdup_printf ("\"in_flight\":%u", opt.in_flight);

      bench_clock_now (&start);
      if (!run_requests (impl, &driver, n, &error))
        {
          g_printerr ("bench-client %s %s: %s\n", impl_name, mode, error->message);
          return 1;
        }
      bench_clock_now (&end);
      bench_report ("client", impl_name, mode, n, &start, &end, extra);
    }

  g_clear_object (&nexor_client);
  g_clear_object (&soup_session);
  g_clear_object (&rest_proxy);
  g_free (opt.lead_url);
  return 0;
}
