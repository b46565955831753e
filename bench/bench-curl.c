/* bench-curl.c: Get Lead round trips through libcurl
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-curl-jsonc    --mode MODE --url BASE_URL [--requests N] [--batches B]
 *   bench-curl-jsonglib     [--warmup W] [--in-flight K] [--op get|create] [--ca-file PEM]
 *
 * Built twice from this file: with json-c (BENCH_JSON_C) and with json-glib,
 * which cannot share a process. The modes are those of bench-client:
 *
 *   sync        one easy handle, reused, so the connection is kept alive
 *   async       a multi handle with one transfer in flight, the next added
 *               when the previous one is done
 *   concurrent  a multi handle with K transfers in flight until N are done,
 *               with nexor-glib's connection limits (32 per host)
 *
 * Every answer's status is checked and its body parsed and checked. --op
 * create POSTs a small JSON lead to /leads instead (sync mode), its body
 * formatted per call; --ca-file is the certificate to trust over https.
 */

#include <curl/curl.h>

#include "bench-check.h"

typedef struct {
  CURL *easy;
  GByteArray *body;
} Transfer;

static struct {
  char *lead_url;
  char *leads_url;
  char *ca_file;
  gboolean create;
  guint serial;
  struct curl_slist *headers;
} opt;

static size_t
on_write (char   *data,
          size_t  size,
          size_t  nmemb,
          void   *user_data)
{
  g_byte_array_append (user_data, (const guint8 *) data, (guint) (size * nmemb));
  return size * nmemb;
}

static void
transfer_init (Transfer *transfer)
{
  transfer->body = g_byte_array_new ();
  transfer->easy = curl_easy_init ();
  curl_easy_setopt (transfer->easy, CURLOPT_URL, opt.lead_url);
  curl_easy_setopt (transfer->easy, CURLOPT_HTTPHEADER, opt.headers);
  curl_easy_setopt (transfer->easy, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt (transfer->easy, CURLOPT_WRITEDATA, transfer->body);
  curl_easy_setopt (transfer->easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (transfer->easy, CURLOPT_PRIVATE, transfer);
  if (opt.ca_file != NULL)
    curl_easy_setopt (transfer->easy, CURLOPT_CAINFO, opt.ca_file);
  if (opt.create)
    curl_easy_setopt (transfer->easy, CURLOPT_URL, opt.leads_url);
}

/* The create body, as a C user of libcurl would format it. */
static void
transfer_set_create_body (Transfer *transfer)
{
  char body[256];

  snprintf (body, sizeof body,
            "{\"first_name\":\"Carlos\",\"email\":\"carlos.lopez@example.com\","
            "\"company\":\"Stark Industries\",\"source\":\"bench\",\"external_id\":\"bench-%u\"}",
            ++opt.serial);
  curl_easy_setopt (transfer->easy, CURLOPT_COPYPOSTFIELDS, body);
}

static void
transfer_clear (Transfer *transfer)
{
  curl_easy_cleanup (transfer->easy);
  g_byte_array_unref (transfer->body);
}

static gboolean
transfer_check (Transfer  *transfer,
                CURLcode   code,
                GError   **error)
{
  long status = 0;

  if (code != CURLE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "curl: %s", curl_easy_strerror (code));
      return FALSE;
    }
  curl_easy_getinfo (transfer->easy, CURLINFO_RESPONSE_CODE, &status);
  if (!bench_check_status ((guint) status, error))
    return FALSE;

  return bench_check_body ((const char *) transfer->body->data, transfer->body->len, error);
}

static gboolean
run_sync (Transfer  *transfer,
          guint      n,
          GError   **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_byte_array_set_size (transfer->body, 0);
      if (opt.create)
        transfer_set_create_body (transfer);
      if (!transfer_check (transfer, curl_easy_perform (transfer->easy), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_multi (CURLM     *multi,
           Transfer  *transfers,
           guint      n_transfers,
           guint      n,
           GError   **error)
{
  guint started = 0;
  guint completed = 0;

  for (guint i = 0; i < MIN (n, n_transfers); i++)
    {
      g_byte_array_set_size (transfers[i].body, 0);
      curl_multi_add_handle (multi, transfers[i].easy);
      started++;
    }

  while (completed < started)
    {
      CURLMsg *msg;
      int running = 0;
      int queued = 0;

      curl_multi_perform (multi, &running);
      while ((msg = curl_multi_info_read (multi, &queued)) != NULL)
        {
          Transfer *transfer = NULL;
          CURLcode code;

          if (msg->msg != CURLMSG_DONE)
            continue;
          code = msg->data.result;
          curl_easy_getinfo (msg->easy_handle, CURLINFO_PRIVATE, (char **) &transfer);
          curl_multi_remove_handle (multi, transfer->easy);
          if (!transfer_check (transfer, code, error))
            return FALSE;
          completed++;
          if (started < n)
            {
              g_byte_array_set_size (transfer->body, 0);
              curl_multi_add_handle (multi, transfer->easy);
              started++;
            }
        }
      if (completed < started)
        curl_multi_poll (multi, NULL, 0, 1000, NULL);
    }

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *url = NULL;
  g_autofree char *impl = NULL;
  g_autofree char *op = NULL;
  int requests = 500, batches = 10, warmup = 100, in_flight = 256;
  gboolean use_stdin = FALSE;
  guint next = 0;
  gboolean sync;
  guint n_transfers;
  Transfer *transfers;
  CURLM *multi = NULL;
  const GOptionEntry entries[] = {
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, "sync, async or concurrent", "MODE" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "Base URL, such as http://127.0.0.1:PORT/api/public", "URL" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &requests, "Requests per batch", "N" },
    { "batches", 0, 0, G_OPTION_ARG_INT, &batches, "Measured batches", "B" },
    { "warmup", 0, 0, G_OPTION_ARG_INT, &warmup, "Unmeasured requests first", "W" },
    { "in-flight", 0, 0, G_OPTION_ARG_INT, &in_flight, "Requests in flight (concurrent)", "K" },
    { "op", 0, 0, G_OPTION_ARG_STRING, &op, "get (default) or create (sync only)", "OP" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &opt.ca_file, "PEM certificate to trust (https)", "FILE" },
    { "stdin", 0, 0, G_OPTION_ARG_NONE, &use_stdin, "Read the size of each batch from stdin", NULL },
    { NULL }
  };

  context = g_option_context_new ("- Get Lead round trips with libcurl and " BENCH_JSON_LIBRARY);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (url == NULL || mode == NULL || requests <= 0 || batches < 0 || warmup < 0 || in_flight <= 0 ||
      !(g_str_equal (mode, "sync") || g_str_equal (mode, "async") || g_str_equal (mode, "concurrent")) ||
      (op != NULL && !g_str_equal (op, "get") && !(g_str_equal (op, "create") && g_str_equal (mode, "sync"))))
    {
      g_printerr ("bench-curl: unsupported --mode or missing --url\n");
      return 2;
    }

  sync = g_str_equal (mode, "sync");
  n_transfers = g_str_equal (mode, "concurrent") ? (guint) in_flight : 1;
  impl = g_strdup (sync ? "curl-" BENCH_JSON_LIBRARY : "curl-multi-" BENCH_JSON_LIBRARY);

  curl_global_init (CURL_GLOBAL_DEFAULT);
  opt.lead_url = g_strconcat (url, "/leads/" BENCH_LEAD_ID, NULL);
  opt.leads_url = g_strconcat (url, "/leads", NULL);
  opt.create = op != NULL && g_str_equal (op, "create");
  if (opt.create)
    opt.headers = curl_slist_append (opt.headers, "Content-Type: application/json");
  opt.headers = curl_slist_append (opt.headers, "X-API-Key: " BENCH_API_KEY);
  opt.headers = curl_slist_append (opt.headers, "Accept: application/json");

  transfers = g_new0 (Transfer, n_transfers);
  for (guint i = 0; i < n_transfers; i++)
    transfer_init (&transfers[i]);
  if (!sync)
    {
      multi = curl_multi_init ();
      curl_multi_setopt (multi, CURLMOPT_MAX_HOST_CONNECTIONS, 32L);
      curl_multi_setopt (multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 64L);
    }

  if (warmup > 0 && !(sync ? run_sync (&transfers[0], (guint) warmup, &error)
                            : run_multi (multi, transfers, n_transfers, (guint) warmup, &error)))
    {
      g_printerr ("bench-curl %s %s: %s\n", impl, mode, error->message);
      return 1;
    }

  if (use_stdin)
    bench_ready ();
  next = (guint) requests;
  for (int b = 0; use_stdin ? bench_next_batch (&next) : b < batches; b++)
    {
      g_autofree char *extra = g_strdup_printf ("\"in_flight\":%u", n_transfers);
      BenchClock start, end;
      gboolean ok;

      bench_clock_now (&start);
      ok = sync ? run_sync (&transfers[0], next, &error)
                : run_multi (multi, transfers, n_transfers, next, &error);
      bench_clock_now (&end);
      if (!ok)
        {
          g_printerr ("bench-curl %s %s: %s\n", impl, mode, error->message);
          return 1;
        }
      bench_report ("client", impl, opt.create ? "create" : mode, next, &start, &end, extra);
    }

  for (guint i = 0; i < n_transfers; i++)
    transfer_clear (&transfers[i]);
  g_free (transfers);
  if (multi != NULL)
    curl_multi_cleanup (multi);
  curl_slist_free_all (opt.headers);
  g_free (opt.lead_url);
  g_free (opt.leads_url);
  g_free (opt.ca_file);
  curl_global_cleanup ();
  return 0;
}
