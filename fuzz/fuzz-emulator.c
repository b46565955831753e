/* fuzz-emulator.c: libFuzzer target over the emulator's request handling
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input is one request to nexor_emulator_routes_dispatch(), the function
 * the emulator's server callback hands every lead-desk request to (body
 * parsing with the depth limit, query parsing, validation, the handler and
 * the store changes), or one state file for nexor_emulator_store_load_data()
 * (`--data FILE`). Requests share one seeded store, replaced by a fresh one
 * every STORE_RUNS inputs: loading the seed costs about as much as a hundred
 * requests. An input that crashes on its own reproduces with
 * `fuzz-emulator FILE`; one that needed earlier writes reproduces with the
 * corpus it was found with (`fuzz-emulator -runs=N CORPUS...`).
 *
 * Input format: the first byte picks a row of `requests` below ('a' is the
 * first row, 'b' the second, ... DEL, then 0x80 and on; any byte works,
 * modulo the row count). For
 * a row whose path has a {} parameter, the bytes up to the first newline are
 * that parameter; the rest is the body (for GET rows, the query string).
 * Rows are only ever appended, so that the seeds in fuzz/corpus/emulator keep
 * their meaning. Seeds name the seed lead, 123e4567-e89b-12d3-a456-426614174000,
 * or the processor every store gets, FUZZ_PROCESSOR.
 *
 * A run fails on a crash, a sanitizer report, a g_warning/g_critical, a 5xx
 * answer, an answer that is not a JSON object, or a state file refused with a
 * message that is not one line of UTF-8 of bounded length. A new row needs
 * a seed in fuzz/corpus/emulator that it answers with a 2xx (or, for the
 * state file row, that loads): the unit suite fails while a row has none
 * (nexor_fuzz_dup_unreached()).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gprintf.h>
#include <libsoup/soup.h>

#include "nexor-emulator-events.h"
#include "nexor-emulator-routes.h"
#include "nexor-emulator-store.h"

typedef struct {
  const char *method;  /* NULL: the input is a state file */
  const char *path;    /* below /api/public; {} is the parameter */
} Request;

static const Request requests[] = {
  { "POST",   "leads" },                          /* a */
  { "PUT",    "leads/tags" },                     /* b */
  { "POST",   "leads/tags" },                     /* c */
  { "PUT",    "leads/{}" },                       /* d */
  { "PATCH",  "leads/{}" },                       /* e */
  { "POST",   "leads/{}/assign-workflow" },       /* f */
  { "POST",   "leads/{}/status" },                /* g */
  { "POST",   "leads/{}/automation/stop" },       /* h */
  { "POST",   "leads/{}/automation/resume" },     /* i */
  { "GET",    "leads/{}/is_paused" },             /* j */
  { "GET",    "leads/{}/history" },               /* k */
  { "GET",    "leads/{}/meetings" },              /* l */
  { "GET",    "leads/{}/tags" },                  /* m */
  { "POST",   "leads/{}/tags" },                  /* n */
  { "GET",    "tags" },                           /* o */
  { "POST",   "tags" },                           /* p */
  { "PUT",    "tags/{}" },                        /* q */
  { "DELETE", "tags/{}" },                        /* r */
  { "GET",    "team" },                           /* s */
  { NULL,     NULL },                             /* t: a state file */
  { "GET",    "leads/{}" },                       /* u */
  { "POST",   "processors" },                     /* v */
  { "GET",    "processors/{}" },                  /* w */
  { "PATCH",  "processors/{}" },                  /* x */
  { "DELETE", "processors/{}" },                  /* y */
  { "POST",   "processors/{}/rules" },            /* z */
  { "PUT",    "processors/{}/rules/reorder" },    /* { */
  { "POST",   "processors/{}/leads" },            /* | */
  { "POST",   "conversions" },                    /* } */
  { "GET",    "conversions" },                    /* ~ */
  { "GET",    "conversion-types" },               /* DEL (0x7f) */
  { "POST",   "messages" },                       /* 0x80 */
  { "GET",    "templates" },                      /* 0x81 */
  { "POST",   "meetings" },                       /* 0x82 */
  { "POST",   "meetings/{}/cancel" },             /* 0x83 */
  { "POST",   "meetings/{}/no-show" },            /* 0x84 */
  { "POST",   "meetings/{}/complete" },           /* 0x85 */
  { "POST",   "meeting-notes" },                  /* 0x86 */
  { "GET",    "leads" },                          /* 0x87: the lead search */
};

/* A processor with a rule, in every fresh store, so that the processor rows
 * reach their checks and the routing (seeds name it by this id). */
#define FUZZ_PROCESSOR "f0f0f0f0-0000-4000-8000-000000000001"
#define FUZZ_PROCESSORS \
  "[{\"id\":\"" FUZZ_PROCESSOR "\",\"name\":\"Fuzz router\"," \
  "\"default_workflow_id\":\"4aca1485-3259-4b0d-a4d0-51cff048729e\"," \
  "\"rules\":[{\"id\":\"f0f0f0f0-0000-4000-8000-000000000002\",\"name\":\"English\"," \
  "\"workflow_id\":\"c3c0efb2-99dc-4f2f-bb33-ea2894911065\",\"position\":1," \
  "\"conditions\":[{\"field\":\"metadata.language\",\"operator\":\"in\",\"value\":[\"EN\",\"en\"]}]}]}]"

/* Enough requests for state to matter (creates, then updates of them),
 * few enough that the store stays small and fast. */
#define STORE_RUNS 1000

/* How many inputs each row answered with a 2xx (the state file row: loaded). */
static guint succeeded[G_N_ELEMENTS (requests)];

static NexorEmulatorStore *shared_store;
static guint store_runs;

static void
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  g_printerr ("\n");
  abort ();
}

/* Whether the state file loaded. */
static gboolean
run_state_file (const uint8_t *data,
                size_t         size)
{
  g_autoptr(NexorEmulatorStore) store = nexor_emulator_store_new ();
  g_autoptr(GError) error = NULL;

  if (!nexor_emulator_store_load_data (store, (const char *) data, (gssize) size, &error))
    {
      if (error == NULL)
        fail ("load_data failed without an error");
      if (!g_utf8_validate (error->message, -1, NULL))
        fail ("load_data: the error message is not UTF-8");
      /* Quoted text is cut (nexor_emulator_quote()): one line, bounded. */
      if (strlen (error->message) > 2048)
        fail ("load_data: the error message is %zu bytes long", strlen (error->message));
      for (const char *p = error->message; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)))
          fail ("load_data: the error message holds a control character");
      return FALSE;
    }

  /* What was loaded must serialize again. */
  {
    g_autoptr(JsonNode) state = nexor_emulator_store_dup_state (store);
    g_autofree char *text = json_to_string (state, FALSE);

    if (text == NULL)
      fail ("load_data: the state does not serialize");
  }

  return TRUE;
}

static void
add_fuzz_processor (NexorEmulatorStore *store)
{
  g_autoptr(JsonNode) state = nexor_emulator_store_dup_state (store);
  g_autoptr(JsonNode) processors = json_from_string (FUZZ_PROCESSORS, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_object_set_member (json_node_get_object (state), "processors", json_node_copy (processors));
  text = json_to_string (state, FALSE);
  if (!nexor_emulator_store_load_data (store, text, -1, &error))
    fail ("the fuzz processor does not load: %s", error->message);
}

/* Whether the request was answered with a 2xx. */
static gboolean
run_request (const Request *request,
             const uint8_t *data,
             size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) allowed = g_ptr_array_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *param = NULL;
  g_autofree char *query = NULL;
  g_auto(GStrv) segments = NULL;
  gboolean is_get = g_str_equal (request->method, "GET");
  guint status = 0;

  if (shared_store == NULL || ++store_runs >= STORE_RUNS)
    {
      g_clear_object (&shared_store);
      shared_store = nexor_emulator_store_new ();
      store_runs = 0;
      if (!nexor_emulator_store_load_seed (shared_store, &error))
        fail ("the seed does not load: %s", error->message);
      add_fuzz_processor (shared_store);
      /* As the server does: the webhook events are built too. */
      nexor_emulator_store_collect_events (shared_store, TRUE);
    }

  if (strstr (request->path, "{}") != NULL)
    {
      const uint8_t *newline = memchr (data, '\n', size);
      size_t length = newline != NULL ? (size_t) (newline - data) : size;

      /* Path segments come out of the URI decoder as C strings. */
      param = g_strndup ((const char *) data, length);
      data += newline != NULL ? length + 1 : length;
      size -= newline != NULL ? length + 1 : length;
    }

  segments = g_strsplit (request->path, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], "{}"))
      {
        g_free (segments[i]);
        segments[i] = g_strdup (param);
      }

  if (is_get)
    query = g_strndup ((const char *) data, size);
  else
    body = g_bytes_new (data, size);

  if (!nexor_emulator_routes_dispatch (shared_store, request->method, (const char * const *) segments,
                                       query, body, allowed, &status, &answer))
    return FALSE;  /* no route for this parameter (an empty segment, say): a 404 upstream */

  if (status < 200 || status >= 500)
    fail ("%s /%s answered %u", request->method, request->path, status);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    fail ("%s /%s answered %u without a JSON object", request->method, request->path, status);

  {
    g_autofree char *text = json_to_string (answer, FALSE);

    if (text == NULL || !g_utf8_validate (text, -1, NULL))
      fail ("%s /%s answered a body that is not UTF-8", request->method, request->path);
  }

  {
    g_autoptr(GPtrArray) events = nexor_emulator_store_take_events (shared_store);

    if (events->len > 0 && status >= 400)
      fail ("%s /%s answered %u and raised an event", request->method, request->path, status);

    for (guint i = 0; i < events->len; i++)
      {
        NexorEmulatorEvent *event = g_ptr_array_index (events, i);
        g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
        g_autofree char *text = NULL;

        json_node_set_object (node, event->data);
        text = json_to_string (node, FALSE);
        if (!nexor_emulator_event_type_is_known (event->event_type) || text == NULL ||
            !g_utf8_validate (text, -1, NULL))
          fail ("%s /%s raised a bad %s event", request->method, request->path, event->event_type);
      }
  }

  return status < 300;
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_setenv ("G_DEBUG", "fatal-warnings", TRUE);
  g_type_ensure (NEXOR_EMULATOR_TYPE_STORE);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint row;
  gboolean ok;

  if (size == 0)
    return 0;

  row = (guint8) (data[0] - 'a') % G_N_ELEMENTS (requests);
  if (requests[row].method == NULL)
    ok = run_state_file (data + 1, size - 1);
  else
    ok = run_request (&requests[row], data + 1, size - 1);
  if (ok)
    succeeded[row]++;

  return 0;
}

char *nexor_fuzz_dup_unreached (void);

char *
nexor_fuzz_dup_unreached (void)
{
  g_autoptr(GString) unreached = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    if (succeeded[i] == 0)
      g_string_append_printf (unreached, "%s%s %s", unreached->len > 0 ? ", " : "",
                              requests[i].method != NULL ? requests[i].method : "state",
                              requests[i].path != NULL ? requests[i].path : "file");

  return unreached->len > 0 ? g_string_free (g_steal_pointer (&unreached), FALSE) : NULL;
}
