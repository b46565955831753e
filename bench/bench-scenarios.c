/* bench-scenarios.c: what users feel, through nexor-glib's public API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-scenarios card    --url BASE [--ca-file PEM] [--cards N] [--batches B]
 *                           [--warmup W] [--sequential]
 *   bench-scenarios import  --url BASE [--ca-file PEM] --file LEADS.json
 *                           [--batch-size 1000] [--in-flight K] [--per-lead N]
 *   bench-scenarios history --url BASE [--items 100000] [--page-size 200]
 *
 * card     Fills a lead card as the Lead Desk does: Get Lead, the first
 *          history page, the lead's meetings, its tags and is_paused, all
 *          five calls started together (--sequential: one after the other,
 *          blocking). After W unmeasured cards (which warm up as many
 *          connections as the calls need), each batch of N cards prints one
 *          result line; wall_us / n is the time from the first call to the
 *          last result of one card.
 *
 * import   Creates every lead of a JSON array file with create_leads, in
 *          batches of --batch-size (the API takes at most 1,000), K batches
 *          in flight at a time (1: a plain loop). One result line for the
 *          whole import; n is the number of leads. --per-lead N: a loop of
 *          blocking create_lead calls over the first N leads instead.
 *
 * history  Loads --items history entries into one NexorHistoryList (pages
 *          of --page-size from a responder that answers the same page with
 *          has_more true), and measures the heap it holds per item; then
 *          keeps one item of every page, drops the list, and measures what
 *          the kept items still hold. One result line.
 *
 * Result lines are those of bench-common.h.
 */

#include <malloc.h>
#include <stdlib.h>
#include <nexor-glib.h>

#include "bench-common.h"

static struct {
  char *url;
  char *ca_file;
  char *file;
  int cards;
  int batches;
  int warmup;
  gboolean sequential;
  int batch_size;
  int in_flight;
  int items;
  int page_size;
  int per_lead;
} opt = { NULL, NULL, NULL, 20, 5, 2, FALSE, 1000, 1, 100000, 200, 0 };

static NexorClient *client;

/* ---------------------------------------------------------------------------
 * card
 * ------------------------------------------------------------------------- */

typedef struct {
  GMainLoop *loop;
  guint pending;
  GError *error;
} Card;

static void
card_done (Card   *card,
           GError *error)
{
  if (error != NULL && card->error == NULL)
    card->error = error;
  else if (error != NULL)
    g_error_free (error);
  if (--card->pending == 0)
    g_main_loop_quit (card->loop);
}

static void
got_lead (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(NexorLead) lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &error);

  card_done (user_data, error);
}

static void
got_history (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(NexorHistoryList) history = nexor_client_list_lead_history_finish (NEXOR_CLIENT (source), result, &error);

  if (history != NULL && nexor_history_list_get_n_items (history) == 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "empty history");
  card_done (user_data, error);
}

static void
got_meetings (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(GListModel) meetings = nexor_client_list_lead_meetings_finish (NEXOR_CLIENT (source), result, &error);

  card_done (user_data, error);
}

static void
got_tags (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(GListModel) tags = nexor_client_list_lead_tags_finish (NEXOR_CLIENT (source), result, &error);

  card_done (user_data, error);
}

static void
got_paused (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(NexorPauseState) state = nexor_client_is_lead_paused_finish (NEXOR_CLIENT (source), result, &error);

  card_done (user_data, error);
}

static gboolean
fill_card (GMainLoop  *loop,
           GError    **error)
{
  Card card = { loop, 5, NULL };

  if (opt.sequential)
    {
      g_autoptr(NexorLead) lead = NULL;
      g_autoptr(NexorHistoryList) history = NULL;
      g_autoptr(GListModel) meetings = NULL;
      g_autoptr(GListModel) tags = NULL;
      g_autoptr(NexorPauseState) state = NULL;

      return (lead = nexor_client_get_lead (client, BENCH_LEAD_ID, NULL, error)) != NULL &&
             (history = nexor_client_list_lead_history (client, BENCH_LEAD_ID, NULL, NULL, error)) != NULL &&
             (meetings = nexor_client_list_lead_meetings (client, BENCH_LEAD_ID, NULL, NULL, error)) != NULL &&
             (tags = nexor_client_list_lead_tags (client, BENCH_LEAD_ID, NULL, error)) != NULL &&
             (state = nexor_client_is_lead_paused (client, BENCH_LEAD_ID, NULL, NULL, error)) != NULL;
    }

  nexor_client_get_lead_async (client, BENCH_LEAD_ID, NULL, got_lead, &card);
  nexor_client_list_lead_history_async (client, BENCH_LEAD_ID, NULL, NULL, got_history, &card);
  nexor_client_list_lead_meetings_async (client, BENCH_LEAD_ID, NULL, NULL, got_meetings, &card);
  nexor_client_list_lead_tags_async (client, BENCH_LEAD_ID, NULL, got_tags, &card);
  nexor_client_is_lead_paused_async (client, BENCH_LEAD_ID, NULL, NULL, got_paused, &card);
  g_main_loop_run (loop);
  if (card.error != NULL)
    {
      g_propagate_error (error, card.error);
      return FALSE;
    }
  return TRUE;
}

static int
run_card (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < opt.warmup; i++)
    if (!fill_card (loop, &error))
      goto failed;

  for (int b = 0; b < opt.batches; b++)
    {
      BenchClock start, end;
      gint64 slowest = 0;

      bench_clock_now (&start);
      for (int i = 0; i < opt.cards; i++)
        {
          gint64 t0 = g_get_monotonic_time ();

          if (!fill_card (loop, &error))
            goto failed;
          slowest = MAX (slowest, g_get_monotonic_time () - t0);
        }
      bench_clock_now (&end);
      {
        g_autofree char *extra = g_strdup_printf ("\"slowest_card_us\":%" G_GINT64_FORMAT, slowest);

        bench_report ("card", "nexor", opt.sequential ? "sequential" : "async", (guint) opt.cards,
                      &start, &end, extra);
      }
    }
  return 0;

failed:
  g_printerr ("bench-scenarios card: %s\n", error->message);
  return 1;
}

/* ---------------------------------------------------------------------------
 * import
 * ------------------------------------------------------------------------- */

typedef struct {
  GMainLoop *loop;
  GPtrArray *batches;     /* GListModel of NexorLeadInput */
  guint next;
  guint running;
  guint created;
  GError *error;
} Import;

static void import_start_next (Import *import);

static void
created_batch (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Import *import = user_data;
  GError *error = NULL;
  g_autoptr(NexorBulkCreateResult) bulk = nexor_client_create_leads_finish (NEXOR_CLIENT (source), result, &error);

  import->running--;
  if (bulk != NULL)
    import->created += (guint) nexor_bulk_create_result_get_created (bulk);
  if (error != NULL && import->error == NULL)
    import->error = error;
  else if (error != NULL)
    g_error_free (error);
  if (import->error == NULL)
    import_start_next (import);
  if (import->running == 0)
    g_main_loop_quit (import->loop);
}

static void
import_start_next (Import *import)
{
  while (import->next < import->batches->len && import->running < (guint) opt.in_flight)
    {
      GListModel *batch = g_ptr_array_index (import->batches, import->next++);

      import->running++;
      nexor_client_create_leads_async (client, batch, NULL, created_batch, import);
    }
}

static NexorLeadInput *
lead_input_from_json (JsonObject *object)
{
  NexorLeadInput *input = nexor_lead_input_new ();

  nexor_lead_input_set_first_name (input, json_object_get_string_member_with_default (object, "first_name", NULL));
  if (json_object_has_member (object, "last_name"))
    nexor_lead_input_set_last_name (input, json_object_get_string_member (object, "last_name"));
  if (json_object_has_member (object, "email"))
    nexor_lead_input_set_email (input, json_object_get_string_member (object, "email"));
  if (json_object_has_member (object, "phone"))
    nexor_lead_input_set_phone (input, json_object_get_string_member (object, "phone"));
  if (json_object_has_member (object, "company"))
    nexor_lead_input_set_company (input, json_object_get_string_member (object, "company"));
  if (json_object_has_member (object, "source"))
    nexor_lead_input_set_source (input, json_object_get_string_member (object, "source"));
  return input;
}

static int
run_import (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);
  Import import = { loop, batches, 0, 0, 0, NULL };
  BenchClock start, end;
  JsonArray *array;
  GListStore *batch = NULL;
  guint n;

  /* The file's reading counts: it is part of an import. */
  bench_clock_now (&start);
  if (!json_parser_load_from_mapped_file (parser, opt.file, &error))
    goto failed;
  array = json_node_get_array (json_parser_get_root (parser));
  n = json_array_get_length (array);
  if (opt.per_lead > 0)
    {
      n = MIN (n, (guint) opt.per_lead);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NexorLeadInput) input = lead_input_from_json (json_array_get_object_element (array, i));
          g_autoptr(NexorCreateLeadResult) result = nexor_client_create_lead (client, input, NULL, &error);

          if (result == NULL)
            goto failed;
          import.created++;
        }
      bench_clock_now (&end);
      bench_report ("import", "nexor", "per-lead", n, &start, &end, NULL);
      return 0;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorLeadInput) input = lead_input_from_json (json_array_get_object_element (array, i));

      if (batch == NULL)
        {
          batch = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
          g_ptr_array_add (batches, batch);
        }
      g_list_store_append (batch, input);
      if (g_list_model_get_n_items (G_LIST_MODEL (batch)) == (guint) opt.batch_size)
        batch = NULL;
    }

  import_start_next (&import);
  if (import.running > 0)
    g_main_loop_run (loop);
  bench_clock_now (&end);
  if (import.error != NULL)
    {
      g_propagate_error (&error, import.error);
      goto failed;
    }
  {
    g_autofree char *extra = g_strdup_printf ("\"created\":%u,\"batches\":%u,\"in_flight\":%d",
                                              import.created, batches->len, opt.in_flight);

    bench_report ("import", "nexor", opt.in_flight > 1 ? "bulk-parallel" : "bulk-loop", n,
                  &start, &end, extra);
  }
  return 0;

failed:
  g_printerr ("bench-scenarios import: %s\n", error->message);
  return 1;
}

/* ---------------------------------------------------------------------------
 * history
 * ------------------------------------------------------------------------- */

static gint64
malloc_bytes (void)
{
  struct mallinfo2 info;

  malloc_trim (0);
  info = mallinfo2 ();
  return (gint64) (info.uordblks + info.hblkhd);
}

static gint64
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return -1;
  return (gint64) resident * sysconf (_SC_PAGESIZE);
}

static NexorHistoryList *
history_new (void)
{
  return g_object_new (NEXOR_TYPE_HISTORY_LIST, "client", client, "lead-id", BENCH_LEAD_ID,
                       "page-size", opt.page_size, NULL);
}

static int
run_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorHistoryList) warm = history_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  NexorHistoryList *list;
  gint64 m0, r0, m1, r1, m2, m3;
  guint n;

  /* One page first, so that the connection, TLS and type data are not
   * counted as the list's. */
  if (!nexor_history_list_load_more (warm, NULL, &error))
    goto failed;
  g_clear_object (&warm);

  m0 = malloc_bytes ();
  r0 = resident_bytes ();
  list = history_new ();
  while (nexor_history_list_get_n_items (list) < (guint) opt.items)
    if (!nexor_history_list_load_more (list, NULL, &error))
      {
        g_object_unref (list);
        goto failed;
      }
  n = nexor_history_list_get_n_items (list);
  m1 = malloc_bytes ();
  r1 = resident_bytes ();

  /* One item from the middle of every page outlives the list. */
  for (guint i = (guint) opt.page_size / 2; i < n; i += (guint) opt.page_size)
    g_ptr_array_add (kept, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_object_unref (list);
  m2 = malloc_bytes ();
  g_ptr_array_set_size (kept, 0);
  m3 = malloc_bytes ();

  printf ("{\"bench\":\"history-memory\",\"impl\":\"nexor\",\"items\":%u,\"page_size\":%d,"
          "\"malloc_bytes_per_item\":%.1f,\"rss_bytes_per_item\":%.1f,"
          "\"kept\":%u,\"retained_bytes_per_kept_item\":%.1f,\"residue_bytes\":%" G_GINT64_FORMAT "}\n",
          n, opt.page_size, (double) (m1 - m0) / n, (double) (r1 - r0) / n,
          n / (guint) opt.page_size, (double) (m2 - m3) / MAX (1u, n / (guint) opt.page_size),
          m3 - m0);
  return 0;

failed:
  g_printerr ("bench-scenarios history: %s\n", error->message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) tls_database = NULL;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &opt.url, "Base URL", "URL" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &opt.ca_file, "PEM certificate to trust (https)", "FILE" },
    { "cards", 0, 0, G_OPTION_ARG_INT, &opt.cards, "card: cards per batch", "N" },
    { "batches", 0, 0, G_OPTION_ARG_INT, &opt.batches, "card: measured batches", "B" },
    { "warmup", 0, 0, G_OPTION_ARG_INT, &opt.warmup, "card: unmeasured cards first", "W" },
    { "sequential", 0, 0, G_OPTION_ARG_NONE, &opt.sequential, "card: one blocking call after the other", NULL },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &opt.file, "import: a JSON array of leads", "FILE" },
    { "batch-size", 0, 0, G_OPTION_ARG_INT, &opt.batch_size, "import: leads per create_leads", "N" },
    { "in-flight", 0, 0, G_OPTION_ARG_INT, &opt.in_flight, "import: batches in flight", "K" },
    { "per-lead", 0, 0, G_OPTION_ARG_INT, &opt.per_lead, "import: create_lead for each of the first N leads", "N" },
    { "items", 0, 0, G_OPTION_ARG_INT, &opt.items, "history: items to load", "N" },
    { "page-size", 0, 0, G_OPTION_ARG_INT, &opt.page_size, "history: items per page", "N" },
    { NULL }
  };
  const char *scenario;
  int status;

  context = g_option_context_new ("card|import|history - what users feel");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  scenario = argc == 2 ? argv[1] : "";
  if (opt.url == NULL || opt.cards <= 0 || opt.batches < 0 || opt.warmup < 0 || opt.batch_size <= 0 ||
      opt.batch_size > 1000 || opt.in_flight <= 0 || opt.per_lead < 0 || opt.items <= 0 || opt.page_size <= 0 ||
      opt.page_size > NEXOR_HISTORY_LIST_MAX_PAGE_SIZE ||
      !(g_str_equal (scenario, "card") || g_str_equal (scenario, "history") ||
        (g_str_equal (scenario, "import") && opt.file != NULL)))
    {
      g_printerr ("bench-scenarios: see the usage at the top of bench/bench-scenarios.c\n");
      return 2;
    }

  if (opt.ca_file != NULL && (tls_database = g_tls_file_database_new (opt.ca_file, &error)) == NULL)
    {
      g_printerr ("bench-scenarios: %s\n", error->message);
      return 2;
    }
  client = g_initable_new (NEXOR_TYPE_CLIENT, NULL, &error, "base-url", opt.url,
                           "api-key", g_getenv ("BENCH_API_KEY") ? g_getenv ("BENCH_API_KEY") : BENCH_API_KEY,
                           "tls-database", tls_database, NULL);
  if (client == NULL)
    {
      g_printerr ("bench-scenarios: %s\n", error->message);
      return 2;
    }

  if (g_str_equal (scenario, "card"))
    status = run_card ();
  else if (g_str_equal (scenario, "import"))
    status = run_import ();
  else
    status = run_history ();
  g_clear_object (&client);
  return status;
}
