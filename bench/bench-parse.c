/* bench-parse.c: Get Lead body to objects, and what holding them costs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-parse --body FILE --impl IMPL [--iterations N] [--batches B]
 *   bench-parse --body FILE --impl IMPL --memory N
 *
 * Built twice: bench-parse, and bench-parse-jsonc with BENCH_JSON_C defined
 * and only the jsonc implementation (json-c and json-glib cannot share a
 * process). IMPL:
 *
 *   nexor               the library's own path: the strict JSON reader and
 *                       the typed parser in the document's scope, body to
 *                       NexorLead with every nested object and variable
 *                       (what get_lead does after the status check)
 *   jsonglib            the floor: a JsonParser alone on the same bytes
 *   jsonglib-immutable  the same with json_parser_new_immutable(), which
 *                       seals the tree as it builds it
 *   jsonc               json-c's tokener on the same bytes
 *   raw                 (--memory only) a GBytes copy of the body
 *
 * The parse mode prints one result line per batch of N parses (CPU and wall
 * time, see bench-common.h). The memory mode parses a copy of the body N
 * times, holds every result, and prints how much the process grew per
 * result: resident set size and malloc's bytes in use.
 */

#include <malloc.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>

#ifdef BENCH_JSON_C
#include <json-c/json.h>
#else
#include <json-glib/json-glib.h>
#include "nexor-json-private.h"
#include "nexor-json-source-private.h"
#include "nexor-history-list-private.h"
#include "nexor-lead-private.h"
#endif

#include "bench-common.h"

typedef gpointer (*ParseFunc) (GBytes *body, GError **error);
typedef void (*FreeFunc) (gpointer value);

#ifndef BENCH_JSON_C

static gpointer
parse_nexor (GBytes  *body,
             GError **error)
{
  g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (body, error);

  if (document == NULL)
    return NULL;

  /* As the request core does: the lead keeps the body and its spans, not
   * the tree. */
  return _nexor_lead_new_from_response (_nexor_json_document_get_root (document), document, error);
}

/* A history page (--body bench/data/history-page-200.json) into its typed
 * items, as NexorHistoryList does with every page it loads. */
static gpointer
parse_nexor_history (GBytes  *body,
                     GError **error)
{
  g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (body, error);
  NexorHistoryPage *page;

  if (document == NULL)
    return NULL;
  page = _nexor_history_page_new_from_response (_nexor_json_document_get_root (document), document, error);
  if (page != NULL && g_list_model_get_n_items (_nexor_history_page_get_items (page)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no history items");
      g_clear_object (&page);
    }
  return page;
}

static gpointer
parse_jsonglib_with (JsonParser  *parser,
                     GBytes      *body,
                     GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;
  return json_parser_steal_root (parser);
}

static gpointer
parse_jsonglib (GBytes  *body,
                GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  return parse_jsonglib_with (parser, body, error);
}

static gpointer
parse_jsonglib_immutable (GBytes  *body,
                          GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  return parse_jsonglib_with (parser, body, error);
}

#else

static gpointer
parse_jsonc (GBytes  *body,
             GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  struct json_tokener *tokener = json_tokener_new ();
  struct json_object *root = json_tokener_parse_ex (tokener, data, (int) size);

  if (root == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "json-c: %s",
                 json_tokener_error_desc (json_tokener_get_error (tokener)));
  json_tokener_free (tokener);
  return root;
}

#endif

static gpointer
parse_raw (GBytes  *body,
           GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  return g_bytes_new (data, size);
}

#ifdef BENCH_JSON_C
static void
free_jsonc (gpointer value)
{
  json_object_put (value);
}
#endif

static const struct {
  const char *name;
  ParseFunc parse;
  FreeFunc free;
} impls[] = {
#ifdef BENCH_JSON_C
  { "jsonc", parse_jsonc, free_jsonc },
#else
  { "nexor", parse_nexor, g_object_unref },
  { "nexor-history", parse_nexor_history, g_object_unref },
  { "jsonglib", parse_jsonglib, (FreeFunc) json_node_unref },
  { "jsonglib-immutable", parse_jsonglib_immutable, (FreeFunc) json_node_unref },
#endif
  { "raw", parse_raw, (FreeFunc) g_bytes_unref },
};

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

static gint64
malloc_bytes (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *body_path = NULL, *impl_name = NULL;
  int iterations = 2000, batches = 10, memory = 0;
  gboolean use_stdin = FALSE;
  guint n = 0;
  ParseFunc parse = NULL;
  FreeFunc free_func = NULL;
  const GOptionEntry entries[] = {
    { "body", 0, 0, G_OPTION_ARG_FILENAME, &body_path, "The Get Lead response body", "FILE" },
    { "impl", 0, 0, G_OPTION_ARG_STRING, &impl_name, "Implementation", "IMPL" },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &iterations, "Parses per batch", "N" },
    { "batches", 0, 0, G_OPTION_ARG_INT, &batches, "Measured batches", "B" },
    { "memory", 0, 0, G_OPTION_ARG_INT, &memory, "Hold N results and report bytes per result", "N" },
    { "stdin", 0, 0, G_OPTION_ARG_NONE, &use_stdin, "Read the size of each batch from stdin", NULL },
    { NULL }
  };

  context = g_option_context_new ("- Get Lead parse and memory");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (impls) && impl_name != NULL; i++)
    if (g_str_equal (impls[i].name, impl_name))
      {
        parse = impls[i].parse;
        free_func = impls[i].free;
      }
  if (parse == NULL || body_path == NULL || iterations <= 0 || batches < 0 || memory < 0 ||
      (parse == parse_raw && memory == 0))
    {
      g_printerr ("bench-parse: unsupported --impl, or missing --body\n");
      return 2;
    }

  if (!g_file_get_contents (body_path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  body = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* Warm up: types registered, classes initialised, caches filled. */
  for (int i = 0; i < 100; i++)
    {
      gpointer value = parse (body, &error);

      if (value == NULL)
        {
          g_printerr ("bench-parse %s: %s\n", impl_name, error->message);
          return 1;
        }
      free_func (value);
    }

  if (memory > 0)
    {
      g_autoptr(GPtrArray) held = g_ptr_array_new_full ((guint) memory, free_func);
      gint64 rss_before, malloc_before, rss_after, malloc_after;
      BenchClock start, end;
      g_autofree char *extra = NULL;

      /* The array's own storage is allocated before the first reading. */
      malloc_trim (0);
      rss_before = resident_bytes ();
      malloc_before = malloc_bytes ();
      bench_clock_now (&start);
      for (int i = 0; i < memory; i++)
        {
          /* Each response comes in a buffer of its own: whatever a result
           * keeps of it counts against the result, as in a client. */
          g_autoptr(GBytes) response = g_bytes_new (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
          gpointer value = parse (response, &error);

          if (value == NULL)
            {
              g_printerr ("bench-parse %s: %s\n", impl_name, error->message);
              return 1;
            }
          g_ptr_array_add (held, value);
        }
      bench_clock_now (&end);
      rss_after = resident_bytes ();
      malloc_after = malloc_bytes ();

      extra = g_strdup_printf ("\"held\":%d,\"body_bytes\":%" G_GSIZE_FORMAT ","
                               "\"rss_bytes_per_item\":%.1f,\"malloc_bytes_per_item\":%.1f",
                               memory, length,
                               (double) (rss_after - rss_before) / memory,
                               (double) (malloc_after - malloc_before) / memory);
      bench_report ("memory", impl_name, "hold", (guint) memory, &start, &end, extra);
      return 0;
    }

  if (use_stdin)
    bench_ready ();
  n = (guint) iterations;
  for (int b = 0; use_stdin ? bench_next_batch (&n) : b < batches; b++)
    {
      BenchClock start, end;

      bench_clock_now (&start);
      for (guint i = 0; i < n; i++)
        {
          gpointer value = parse (body, &error);

          if (value == NULL)
            {
              g_printerr ("bench-parse %s: %s\n", impl_name, error->message);
              return 1;
            }
          free_func (value);
        }
      bench_clock_now (&end);
      bench_report ("parse", impl_name, "parse", n, &start, &end, NULL);
    }

  return 0;
}
