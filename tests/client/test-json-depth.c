/* test-json-depth.c: deep JSON on a small stack
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A response nested as deeply as the strict reader accepts goes through
 * json-glib functions that recurse once per level (sealing, freeing, and in
 * the CLI writing it out). NEXOR_JSON_MAX_DEPTH is chosen so that all of it
 * fits in a 128 KiB thread stack, musl's default and what Python's
 * threading.stack_size(128*1024) gives. This test measures what each of those
 * steps costs a level (run with --verbose, or -p /json-depth/measure, to see
 * the table docs/reliability.md quotes) and runs a blocking get_lead on such
 * a thread with the deepest accepted answer and one level deeper.
 */

#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_include)
# if __has_include(<valgrind/memcheck.h>)
#  include <valgrind/memcheck.h>
#  define HAVE_MEMCHECK_H 1
# endif
#endif

#include "client-fixture.h"
#include "nexor-emulator-json.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"
#include "nexor-json-document-private.h"
#include "nexor-json-writer.h"

#define LEAD_ID "123e4567-e89b-12d3-a456-426614174000"

/* Sanitizers put red zones around every frame: the same code needs several
 * times the stack, so the small-stack runs get proportionally more. */
#if defined(__SANITIZE_ADDRESS__)
# define STACK_SCALE 4
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define STACK_SCALE 4
# endif
#endif
#ifndef STACK_SCALE
# define STACK_SCALE 1
#endif

#define SMALL_STACK (128 * 1024 * STACK_SCALE)
#define MEASURE_STACK (8 * 1024 * 1024)
#define PAINT 0xa5

/* Stack use */

typedef void (*StepFunc) (gpointer data);

typedef struct {
  StepFunc func;
  gpointer data;
} Job;

static void *
run_job (void *user_data)
{
  Job *job = user_data;

  job->func (job->data);
  return NULL;
}

/* Runs @func on a thread of its own whose stack was painted first, and
 * returns how many bytes of that stack it touched. */
static gsize
stack_used (StepFunc func,
            gpointer data)
{
  Job job = { func, data };
  pthread_attr_t attr;
  pthread_t thread;
  guint8 *stack = NULL;
  gsize untouched = 0;

  g_assert_cmpint (posix_memalign ((void **) &stack, 65536, MEASURE_STACK), ==, 0);
  memset (stack, PAINT, MEASURE_STACK);

  pthread_attr_init (&attr);
  g_assert_cmpint (pthread_attr_setstack (&attr, stack, MEASURE_STACK), ==, 0);
  g_assert_cmpint (pthread_create (&thread, &attr, run_job, &job), ==, 0);
  g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
  pthread_attr_destroy (&attr);

#ifdef HAVE_MEMCHECK_H
  /* Memcheck marks what a thread's stack held once it is done with it; the
   * paint is what is looked for there. */
  VALGRIND_MAKE_MEM_DEFINED (stack, MEASURE_STACK);
#endif

  /* The stack grows down: what was never touched is at the bottom. */
  while (untouched < MEASURE_STACK && stack[untouched] == PAINT)
    untouched++;
  free (stack);

  return MEASURE_STACK - untouched;
}

/* Runs @func on a thread with a stack of @size bytes. */
static void
run_on_small_stack (StepFunc func,
                    gpointer data,
                    gsize    size)
{
  Job job = { func, data };
  pthread_attr_t attr;
  pthread_t thread;

  pthread_attr_init (&attr);
  g_assert_cmpint (pthread_attr_setstacksize (&attr, size), ==, 0);
  g_assert_cmpint (pthread_create (&thread, &attr, run_job, &job), ==, 0);
  g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
  pthread_attr_destroy (&attr);
}

/* Deep documents */

/* @depth arrays or objects inside each other: "[[[]]]" or {"a":{"a":{}}}. */
static char *
nested_text (guint    depth,
             gboolean objects)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i < depth; i++)
    g_string_append (text, objects ? "{\"a\":" : "[");
  g_string_append (text, objects ? "{}" : "[]");
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, objects ? '}' : ']');

  return g_string_free (text, FALSE);
}

static JsonNode *
nested_tree (guint    depth,
             gboolean objects)
{
  g_autofree char *text = nested_text (depth, objects);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_node_ref (json_parser_get_root (parser));
}

/* A Get Lead answer whose whole document is @depth levels deep: the
 * envelope, the lead and its metadata are three, the rest arrays or objects
 * (which cost json-glib more a level). */
static char *
deep_lead_body (guint    depth,
                gboolean objects)
{
  g_autofree char *inner = nested_text (depth - 3, objects);

  return g_strdup_printf ("{\"success\": true, \"lead\": {\"id\": \"" LEAD_ID "\", "
                          "\"first_name\": \"Deep\", \"metadata\": {\"deep\": %s}}}", inner);
}

static void
push_body (NexorEmulator *emulator,
           const char    *body)
{
  g_autofree char *base64 = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", base64, NULL);

  nexor_emulator_push_fault (emulator, fault);
}

/* The steps */

typedef struct {
  guint depth;
  gboolean objects;
  char *text;
  JsonNode *tree;
  JsonNode *other;
  gpointer result;
} StepData;

static void
step_reader (gpointer user_data)
{
  StepData *d = user_data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (d->text, strlen (d->text));
  g_autoptr(GError) error = NULL;

  d->result = _nexor_json_document_parse (bytes, &error);
  g_assert_no_error (error);
}

static void
step_seal (gpointer user_data)
{
  json_node_seal (((StepData *) user_data)->tree);
}

static void
step_free (gpointer user_data)
{
  g_clear_pointer (&((StepData *) user_data)->tree, json_node_unref);
}

static void
step_equal (gpointer user_data)
{
  StepData *d = user_data;

  g_assert_true (json_node_equal (d->tree, d->other));
}

static void
step_generator (gpointer user_data)
{
  StepData *d = user_data;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, d->tree);
  d->result = json_generator_to_data (generator, NULL);
}

static void
step_writer (gpointer user_data)
{
  StepData *d = user_data;

  d->result = nexor_json_writer_to_string (d->tree, TRUE, NULL);
}

static void
step_input_copy (gpointer user_data)
{
  StepData *d = user_data;

  d->result = _nexor_json_node_deep_copy (d->tree);
}

static void
step_json_parser (gpointer user_data)
{
  StepData *d = user_data;
  JsonParser *parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, d->text, -1, NULL));
  d->result = parser;
}

static void
step_emulator_parse (gpointer user_data)
{
  StepData *d = user_data;

  d->result = nexor_emulator_json_parse_text (d->text, strlen (d->text), G_MAXUINT, NULL);
  g_assert_nonnull (d->result);
}

static void
step_emulator_copy (gpointer user_data)
{
  StepData *d = user_data;

  d->result = nexor_emulator_json_node_deep_copy (d->tree);
}

typedef struct {
  const char *name;
  StepFunc func;
  gboolean needs_tree;
  gboolean needs_other;
  GDestroyNotify free_result;
} Step;

static const Step steps[] = {
  { "strict reader (nexor-json-document.c)", step_reader, FALSE, FALSE, (GDestroyNotify) _nexor_json_document_unref },
  { "json_node_seal", step_seal, TRUE, FALSE, NULL },
  { "json_node_unref (freeing a tree)", step_free, TRUE, FALSE, NULL },
  { "json_node_equal", step_equal, TRUE, TRUE, NULL },
  { "JsonGenerator", step_generator, TRUE, FALSE, g_free },
  { "nexor_json_writer_to_string (CLI --json)", step_writer, TRUE, FALSE, g_free },
  { "_nexor_json_node_deep_copy (inputs)", step_input_copy, TRUE, FALSE, (GDestroyNotify) json_node_unref },
  { "JsonParser (emulator bodies)", step_json_parser, FALSE, FALSE, g_object_unref },
  { "nexor_emulator_json_parse_text", step_emulator_parse, FALSE, FALSE, (GDestroyNotify) json_node_unref },
  { "nexor_emulator_json_node_deep_copy", step_emulator_copy, TRUE, FALSE, (GDestroyNotify) json_node_unref },
};

static gsize
measure_step (const Step *step,
              guint       depth,
              gboolean    objects)
{
  StepData d = { depth, objects, NULL, NULL, NULL, NULL };
  gsize used;

  d.text = nested_text (depth, objects);
  if (step->needs_tree)
    d.tree = nested_tree (depth, objects);
  if (step->needs_other)
    d.other = nested_tree (depth, objects);

  used = stack_used (step->func, &d);

  if (d.result != NULL)
    step->free_result (d.result);
  g_clear_pointer (&d.tree, json_node_unref);
  g_clear_pointer (&d.other, json_node_unref);
  g_free (d.text);
  return used;
}

/* The whole pipeline through the library */

typedef struct {
  NexorClient *client;
  gboolean objects;
  gboolean cli_json;   /* also write the lead out as `nexor lead get --json` does */
  GError *error;
  gboolean got_lead;
} GetLeadData;

static void
get_lead_and_drop (gpointer user_data)
{
  GetLeadData *d = user_data;
  g_autoptr(NexorLead) lead = NULL;

  lead = nexor_client_get_lead (d->client, LEAD_ID, NULL, &d->error);
  if (lead == NULL)
    return;

  d->got_lead = TRUE;
  {
    g_autoptr(JsonObject) json = nexor_lead_dup_json (lead);
    g_autoptr(JsonObject) metadata = nexor_lead_dup_metadata (lead);

    g_assert_true (json_object_has_member (json, "metadata"));
    g_assert_nonnull (metadata);
    g_assert_true (json_object_has_member (metadata, "deep"));
    g_assert_true (d->objects ? JSON_NODE_HOLDS_OBJECT (json_object_get_member (metadata, "deep"))
                              : JSON_NODE_HOLDS_ARRAY (json_object_get_member (metadata, "deep")));

    if (d->cli_json)
      {
        g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), json);
        g_autofree char *text = nexor_json_writer_to_string (node, TRUE, NULL);

        g_assert_nonnull (text);
      }
  }
  /* Dropping the lead frees its metadata tree here, on this thread. */
}

static gsize
measure_get_lead (ClientFixture *fixture,
                  guint          depth,
                  gboolean       cli_json)
{
  g_autofree char *body = deep_lead_body (depth, TRUE);
  GetLeadData d = { fixture->client, TRUE, cli_json, NULL, FALSE };
  gsize used;

  push_body (fixture->emulator, body);
  used = stack_used (get_lead_and_drop, &d);
  g_assert_no_error (d.error);
  g_assert_true (d.got_lead);
  return used;
}

static void
test_measure (ClientFixture *fixture,
              gconstpointer  data)
{
  /* Far enough apart that the few bytes frames differ by cancel out. */
  const guint low = 32, high = NEXOR_JSON_MAX_DEPTH;
  double worst = 0;
  gsize base, at_limit, cli_base, cli_at_limit;

  g_test_message ("per-level stack cost, from depth %u to %u (bytes a level)", low, high);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    for (int objects = 0; objects <= 1; objects++)
      {
        gsize a = measure_step (&steps[i], low, objects);
        gsize b = measure_step (&steps[i], high, objects);
        double per_level = b > a ? (double) (b - a) / (high - low) : 0;

        g_test_message ("  %-42s %-7s %6.1f  (%zu bytes at depth %u)",
                        steps[i].name, objects ? "objects" : "arrays", per_level, b, high);
        worst = MAX (worst, per_level);
      }

  base = measure_get_lead (fixture, 4, FALSE);
  at_limit = measure_get_lead (fixture, NEXOR_JSON_MAX_DEPTH, FALSE);
  cli_base = measure_get_lead (fixture, 4, TRUE);
  cli_at_limit = measure_get_lead (fixture, NEXOR_JSON_MAX_DEPTH, TRUE);
  g_test_message ("blocking get_lead + dup_json + free, nested objects: %zu bytes at depth 4, %zu at %u",
                  base, at_limit, NEXOR_JSON_MAX_DEPTH);
  g_test_message ("the same + the CLI's --json writer: %zu bytes at depth 4, %zu at %u",
                  cli_base, cli_at_limit, NEXOR_JSON_MAX_DEPTH);
  g_test_message ("worst step: %.1f bytes a level, %.0f bytes at depth %u",
                  worst, worst * NEXOR_JSON_MAX_DEPTH, NEXOR_JSON_MAX_DEPTH);

  /* What the limit was derived from, and must stay true: with the worst
   * step at the deepest accepted level on top of what a shallow call
   * needs, at least half of a 128 KiB stack is left to the caller.
   * Sanitizers inflate frames several times, and so does -O0 for the
   * tools' own recursive functions; those builds only print. */
#ifdef __OPTIMIZE__
  if (STACK_SCALE == 1)
    {
      g_assert_cmpfloat (MAX (base, cli_base) + worst * NEXOR_JSON_MAX_DEPTH, <=, 64 * 1024);
      g_assert_cmpuint (at_limit, <=, 64 * 1024);
      g_assert_cmpuint (cli_at_limit, <=, 64 * 1024);
    }
#endif
}

/* 128 KiB */

static void
test_small_stack (ClientFixture *fixture,
                  gconstpointer  data)
{
  const guint depths[] = { NEXOR_JSON_MAX_DEPTH, NEXOR_JSON_MAX_DEPTH + 1 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    for (guint mode = 0; mode < 4; mode++)
      {
        gboolean objects = mode & 1, cli_json = mode & 2;
        g_autofree char *body = deep_lead_body (depths[i], objects);
        GetLeadData d = { fixture->client, objects, cli_json, NULL, FALSE };

        g_test_message ("depth %u of %s%s on a %u KiB stack", depths[i], objects ? "objects" : "arrays",
                        cli_json ? ", written out as the CLI does" : "", SMALL_STACK / 1024);
        push_body (fixture->emulator, body);
        run_on_small_stack (get_lead_and_drop, &d, SMALL_STACK);

        if (depths[i] <= NEXOR_JSON_MAX_DEPTH)
          {
            g_assert_no_error (d.error);
            g_assert_true (d.got_lead);
          }
        else
          {
            g_autofree char *limit = g_strdup_printf ("%u levels", NEXOR_JSON_MAX_DEPTH);

            g_test_message ("%s", d.error != NULL ? d.error->message : "(no error)");
            g_assert_error (d.error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
            g_assert_false (d.got_lead);
            g_assert_nonnull (strstr (d.error->message, "line 1, column "));
            g_assert_nonnull (strstr (d.error->message, limit));
          }
        g_clear_error (&d.error);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-depth/measure", ClientFixture, NULL,
              client_fixture_set_up, test_measure, client_fixture_tear_down);
  g_test_add ("/json-depth/small-stack", ClientFixture, NULL,
              client_fixture_set_up, test_small_stack, client_fixture_tear_down);

  return g_test_run ();
}
