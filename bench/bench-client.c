/* bench-client.c: Get Lead round trips through nexor-glib and its C peers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-client --impl IMPL --mode MODE --url BASE_URL
 *                [--requests N] [--batches B] [--warmup W] [--in-flight K]
 *                [--op get|create] [--ca-file PEM]
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
 * Every request is a keep-alive GET of /leads/{id} with an X-API-Key header
 * (--op create: a POST /leads of a small JSON lead, serialized per call),
 * whose JSON body is parsed and checked (the lead's first name), so that no
 * implementation can skip work the others do. With an https URL, --ca-file
 * is the certificate the client trusts (librest has no way to be given one:
 * it is http only). After W warm-up requests, B
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
  gboolean create;
  char *leads_url;
  const char *base_url;
  char *lead_url;
  guint requests;
  guint batches;
  guint warmup;
  guint in_flight;
} opt = { NULL, NULL, FALSE, NULL, NULL, NULL, 500, 10, 100, 256 };

/* What --op create sends: one lead of the size a form produces. */
#define BENCH_CREATE_FIRST_NAME "Carlos"
#define BENCH_CREATE_EMAIL "carlos.lopez@example.com"
#define BENCH_CREATE_COMPANY "Stark Industries"
#define BENCH_CREATE_SOURCE "bench"

static guint create_serial;

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

static NexorLeadInput *
nexor_create_input (void)
{
  NexorLeadInput *input = nexor_lead_input_new ();
  g_autofree char *external_id = g_strdup_printf ("bench-%u", ++create_serial);

  nexor_lead_input_set_first_name (input, BENCH_CREATE_FIRST_NAME);
  nexor_lead_input_set_email (input, BENCH_CREATE_EMAIL);
  nexor_lead_input_set_company (input, BENCH_CREATE_COMPANY);
  nexor_lead_input_set_source (input, BENCH_CREATE_SOURCE);
  nexor_lead_input_set_external_id (input, external_id);
  return input;
}

static gboolean
nexor_create_sync (GError **error)
{
  g_autoptr(NexorLeadInput) input = nexor_create_input ();
  g_autoptr(NexorCreateLeadResult) result = nexor_client_create_lead (nexor_client, input, NULL, error);

  return result != NULL &&
         bench_check_first_name (nexor_lead_get_first_name (nexor_create_lead_result_get_lead (result)),
                                 error);
}

static void
nexor_created (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(NexorCreateLeadResult) result = nexor_client_create_lead_finish (NEXOR_CLIENT (source), res, &error);

  if (result != NULL)
    bench_check_first_name (nexor_lead_get_first_name (nexor_create_lead_result_get_lead (result)), &error);
  driver_complete (user_data, error);
}

static void
nexor_start (Driver *driver)
{
  if (opt.create)
    {
      g_autoptr(NexorLeadInput) input = nexor_create_input ();

      nexor_client_create_lead_async (nexor_client, input, NULL, nexor_created, driver);
      return;
    }
  nexor_client_get_lead_async (nexor_client, BENCH_LEAD_ID, NULL, nexor_got_lead, driver);
}

static gboolean
nexor_any_sync (GError **error)
{
  return opt.create ? nexor_create_sync (error) : nexor_sync (error);
}

/* ---------------------------------------------------------------------------
 * Hand-written libsoup + json-glib: the floor for this stack
 * ------------------------------------------------------------------------- */

/* The create body as a hand-written client builds it: a JsonBuilder tree and
 * a generator, per call. */
static GBytes *
soup_create_body (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *external_id = g_strdup_printf ("bench-%u", ++create_serial);
  gsize length = 0;
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "first_name");
  json_builder_add_string_value (builder, BENCH_CREATE_FIRST_NAME);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, BENCH_CREATE_EMAIL);
  json_builder_set_member_name (builder, "company");
  json_builder_add_string_value (builder, BENCH_CREATE_COMPANY);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, BENCH_CREATE_SOURCE);
  json_builder_set_member_name (builder, "external_id");
  json_builder_add_string_value (builder, external_id);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static SoupMessage *
soup_lead_message (void)
{
  SoupMessage *message = soup_message_new (opt.create ? "POST" : "GET",
                                           opt.create ? opt.leads_url : opt.lead_url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_headers_replace (headers, "X-API-Key", BENCH_API_KEY);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (opt.create)
    {
      g_autoptr(GBytes) body = soup_create_body ();

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }
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
  { "nexor", nexor_any_sync, nexor_start, TRUE },
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
  char *op = NULL, *ca_file = NULL;
  g_autoptr(GTlsDatabase) tls_database = NULL;
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
    { "op", 0, 0, G_OPTION_ARG_STRING, &op, "get (default) or create", "OP" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, "PEM certificate to trust (https)", "FILE" },
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
      (g_str_equal (mode, "concurrent") && !impl->concurrent) ||
      (op != NULL && !g_str_equal (op, "get") && !g_str_equal (op, "create")) ||
      (op != NULL && g_str_equal (op, "create") && g_str_equal (impl_name, "rest")))
    {
      g_printerr ("bench-client: unsupported --impl/--mode/--url combination\n");
      return 2;
    }

  opt.impl = impl_name;
  opt.mode = mode;
  opt.base_url = url;
  opt.lead_url = g_strconcat (url, "/leads/" BENCH_LEAD_ID, NULL);
  opt.leads_url = g_strconcat (url, "/leads", NULL);
  opt.create = op != NULL && g_str_equal (op, "create");
  if (ca_file != NULL)
    {
      tls_database = g_tls_file_database_new (ca_file, &error);
      if (tls_database == NULL)
        {
          g_printerr ("bench-client: %s\n", error->message);
          return 2;
        }
    }
  opt.in_flight = g_str_equal (mode, "concurrent") ? (guint) in_flight : 1;

  nexor_client = g_initable_new (NEXOR_TYPE_CLIENT, NULL, &error, "base-url", url,
                                 "api-key", BENCH_API_KEY, "tls-database", tls_database, NULL);
  if (nexor_client == NULL)
    {
      g_printerr ("bench-client: %s\n", error->message);
      return 2;
    }
  if (nexor_timeout >= 0)
    nexor_client_set_timeout (nexor_client, (guint) nexor_timeout);
  /* The hand-written floor gets the connection limits nexor-glib uses. */
  soup_session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 32,
                                                "tls-database", tls_database, NULL);
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
      bench_report ("client", impl_name, opt.create ? "create" : mode, n, &start, &end, extra);
    }

  g_clear_object (&nexor_client);
  g_clear_object (&soup_session);
  g_clear_object (&rest_proxy);
  g_free (opt.lead_url);
  g_free (opt.leads_url);
  return 0;
}
