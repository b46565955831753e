/* test-json.c: the JSON entry point, envelopes, readers and _nexor_is_uuid()
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"
#include "nexor-request-private.h"

#ifdef G_OS_UNIX
# include <sys/resource.h>
#endif

#define LEAD_ID "123e4567-e89b-12d3-a456-426614174000"

/* Parses @data (@size bytes) and, when that works, the Get Lead parser on the
 * result.  Either may fail, but only with NEXOR_ERROR_INVALID_RESPONSE and a
 * UTF-8 message, and never with a warning (fatal in these tests). */
static void
parse_anything (const void *data,
                gsize       size,
                gboolean   *json_ok,
                gboolean   *lead_ok)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _nexor_json_parse_bytes (bytes, &error);
  g_autoptr(NexorLead) lead = NULL;

  if (json_ok)
    *json_ok = root != NULL;
  if (lead_ok)
    *lead_ok = FALSE;

  if (root == NULL)
    {
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert_no_error (error);
  g_assert_true (json_node_is_immutable (root));

  lead = _nexor_lead_new_from_response (root, NULL, &error);
  if (lead == NULL)
    {
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (nexor_lead_get_id (lead));
  g_assert_nonnull (nexor_lead_get_tags (lead));
  g_assert_nonnull (nexor_lead_get_variables (lead));
  if (lead_ok)
    *lead_ok = TRUE;
}

static void
test_parse_valid (void)
{
  g_autoptr(GBytes) bytes = nexor_test_load_bytes ("get-lead-page.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _nexor_json_parse_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  /* Sealed: resources share the tree. */
  g_assert_true (json_node_is_immutable (root));
  g_assert_true (json_object_is_immutable (json_node_get_object (root)));
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "success"));
}

/* 7. Garbage: an error or a clean result, never a crash. */
typedef struct {
  const char *name;
  const char *data;
  gssize size;          /* -1: strlen */
  gboolean json_ok;     /* it is JSON that the reader accepts */
} GarbageCase;

/* A valid object followed by a NUL byte, which is part of the body. */
#define NUL_INSIDE_OBJECT "{\"id\":\"" LEAD_ID "\"}\0"

static const GarbageCase garbage_cases[] = {
  { "empty", "", 0, FALSE },
  { "whitespace", "  \n\t ", -1, FALSE },
  { "open-brace", "{", -1, FALSE },
  { "close-brace", "}", -1, FALSE },
  { "open-bracket", "[", -1, FALSE },
  { "nul-byte", "nul\0byte", 8, FALSE },
  { "only-nul", "\0", 1, FALSE },
  { "nul-inside-object", NUL_INSIDE_OBJECT, sizeof (NUL_INSIDE_OBJECT) - 1, FALSE },
  { "invalid-utf8", "\xff\xfe\xfd", -1, FALSE },
  { "invalid-utf8-in-string", "{\"id\":\"" LEAD_ID "\",\"first_name\":\"\xc3\x28\"}", -1, FALSE },
  { "overlong-utf8", "{\"id\":\"\xc0\xaf\"}", -1, FALSE },
  { "utf16-bom", "\xff\xfe{\0}\0", 6, FALSE },
  { "unterminated-string", "{\"id\":\"abc", -1, FALSE },
  { "trailing-garbage", "{\"id\":\"" LEAD_ID "\"} x", -1, FALSE },
  { "trailing-comma", "{\"id\":\"" LEAD_ID "\",}", -1, FALSE },
  { "nan", "{\"id\":\"" LEAD_ID "\",\"score\":NaN}", -1, FALSE },
  { "html", "<html><body>502 Bad Gateway</body></html>", -1, FALSE },
  { "text", "Internal Server Error", -1, FALSE },
  { "short-unicode-escape", "{\"id\":\"\\u12\"}", -1, FALSE },
  /* json-glib 1.6 cut this string short at the NUL without a word; a
   * json-glib string cannot hold U+0000, so it is refused. */
  { "nul-escape", "{\"id\":\"" LEAD_ID "\",\"first_name\":\"a\\u0000b\"}", -1, FALSE },
  /* json-glib 1.6 made this infinity. */
  { "huge-exponent", "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\"},"
    "\"variables\":{\"x\":{\"confidence\":1e999}}}", -1, FALSE },
  { "lone-high-surrogate", "{\"id\":\"\\ud800\"}", -1, FALSE },
  { "lone-low-surrogate", "{\"id\":\"\\udc00x\"}", -1, FALSE },
  { "comment", "{\"id\":\"" LEAD_ID "\" /* c */}", -1, FALSE },
  { "single-quotes", "{'id':'" LEAD_ID "'}", -1, FALSE },
  { "leading-zero", "{\"n\":012}", -1, FALSE },
  { "raw-tab-in-string", "{\"id\":\"a\tb\"}", -1, FALSE },
  { "bare-word", "{\"id\":undefined}", -1, FALSE },
  { "utf8-bom", "\xef\xbb\xbf{\"id\":\"" LEAD_ID "\"}", -1, TRUE },
  /* Beyond gint64: kept as a double, not wrapped around. */
  { "huge-integer", "{\"id\":\"" LEAD_ID "\",\"metadata\":{\"n\":99999999999999999999999}}", -1, TRUE },
  { "tiny-exponent", "{\"n\":1e-999}", -1, TRUE },
  { "surrogate-pair", "{\"id\":\"\\ud83d\\ude00\"}", -1, TRUE },
  { "bare-null", "null", -1, TRUE },
  { "bare-number", "-0.0e0", -1, TRUE },
};

static void
test_garbage_case (gconstpointer data)
{
  const GarbageCase *garbage = data;
  gsize size = garbage->size < 0 ? strlen (garbage->data) : (gsize) garbage->size;
  gboolean json_ok = FALSE;

  parse_anything (garbage->data, size, &json_ok, NULL);
  g_assert_cmpint (json_ok, ==, garbage->json_ok);
}

/* json-glib 1.6 accepted several top-level values (kept the first, leaked
 * the others); two concatenated responses are not one response. */
static void
test_multiple_top_level_values (void)
{
  static const char multiple[] = "{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\"}}"
                                 "{\"success\":true,\"lead\":{\"id\":\"other\"}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (multiple, strlen (multiple));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _nexor_json_parse_bytes (bytes, &error);
  g_autoptr(NexorLead) lead = NULL;

  parse_anything ("{}{}", 4, NULL, NULL);
  parse_anything ("[1][2]", 6, NULL, NULL);

  g_assert_null (root);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "more after the JSON value"));
  g_assert_null (lead);
}

/* Deterministic random buffers: seeded, so a failure can be replayed. */
static void
test_random_bytes (void)
{
  const guint32 seed = 0x6e65786f;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_test_message ("seed %u", seed);
  for (guint i = 0; i < 2000; i++)
    {
      gsize size = g_rand_int_range (rand, 1, 256);
      g_autofree guint8 *buffer = g_malloc (size);

      for (gsize j = 0; j < size; j++)
        buffer[j] = g_rand_int_range (rand, 0, 256);
      parse_anything (buffer, size, NULL, NULL);
    }
}

/* Random JSON-ish text: reaches the parser's deeper states. */
static void
test_random_json_tokens (void)
{
  static const char * const tokens[] = {
    "{", "}", "[", "]", ",", ":", "\"id\"", "\"" LEAD_ID "\"", "\"lead\"", "\"variables\"",
    "\"success\"", "\"tags\"", "\"active_workflow_run\"", "\"activeWorkflowRun\"", "\"created_at\"",
    "\"2026-02-10T12:00:00Z\"", "true", "false", "null", "0", "-1.5e3", "\"\\u00e9\"", " ",
  };
  const guint32 seed = 0x6c656164;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint parsed = 0;

  g_test_message ("seed %u", seed);
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) text = g_string_new ("{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\",");
      guint n = g_rand_int_range (rand, 1, 24);
      gboolean json_ok = FALSE;

      for (guint j = 0; j < n; j++)
        g_string_append (text, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
      g_string_append (text, "}}");
      parse_anything (text->str, text->len, &json_ok, NULL);
      parsed += json_ok;
    }
  g_test_message ("%u of 3000 were JSON", parsed);
}

/* Every prefix of a real response, and every single-byte corruption of it. */
static void
test_truncated_and_mutated (void)
{
  g_autoptr(GBytes) bytes = nexor_test_load_bytes ("get-lead-page.json");
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);
  static const guint8 replacements[] = { '{', '}', '[', ']', '"', ',', ':', '0', 'n', 't', '\\', 0x00, 0xff, 0xc3 };
  gboolean lead_ok = FALSE;
  guint leads = 0;

  for (gsize cut = 0; cut <= size; cut++)
    parse_anything (data, cut, NULL, NULL);

  parse_anything (data, size, NULL, &lead_ok);
  g_assert_true (lead_ok);

  for (gsize at = 0; at < size; at++)
    for (guint r = 0; r < G_N_ELEMENTS (replacements); r += 1 + (at % 3))
      {
        copy[at] = replacements[r];
        parse_anything (copy, size, NULL, &lead_ok);
        leads += lead_ok;
        copy[at] = data[at];
      }
  g_test_message ("%u corrupted copies still parsed as a lead", leads);
}

static char *
nested (guint       depth,
        const char *open,
        const char *middle,
        const char *close)
{
  GString *text = g_string_sized_new (depth * (strlen (open) + strlen (close)) + strlen (middle));

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, middle);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

static void
test_deep_nesting (void)
{
  g_autofree char *arrays = nested (10000, "[", "", "]");
  g_autofree char *unbalanced = g_strnfill (10000, '[');
  g_autofree char *inner = nested (10000, "{\"a\":", "1", "}");
  g_autofree char *lead = g_strdup_printf ("{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\",\"metadata\":%s},"
                                           "\"variables\":{\"deep\":{\"value\":%s}}}", inner, arrays);
  gboolean json_ok = FALSE, lead_ok = FALSE;

  /* A depth limit may refuse these; if parsed, an array is not a lead. */
  parse_anything (arrays, strlen (arrays), &json_ok, &lead_ok);
  g_test_message ("10000 nested arrays: %s", json_ok ? "parsed" : "refused");
  g_assert_false (lead_ok);

  parse_anything (unbalanced, strlen (unbalanced), &json_ok, NULL);
  g_assert_false (json_ok);

  /* Deep values where the library keeps any JSON: parsed, kept, freed. */
  parse_anything (lead, strlen (lead), &json_ok, &lead_ok);
  g_test_message ("lead with 10000-deep metadata and value: %s", json_ok ? "parsed" : "refused");
  g_assert_true (lead_ok == json_ok);
}

/* A recursive reader without a depth limit (json-glib 1.6's, once used here)
 * overflows the stack on a body of a few hundred kilobytes of '['.  Run it
 * in a child so a crash is reported, not fatal to the whole binary. */
static void
test_deep_nesting_huge (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *arrays = nested (1000000, "[", "", "]");
#ifdef G_OS_UNIX
      struct rlimit no_core = { 0, 0 };

      setrlimit (RLIMIT_CORE, &no_core);
#endif
      parse_anything (arrays, strlen (arrays), NULL, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, 0);
  if (!g_test_trap_has_passed ())
    {
      g_test_fail_printf ("%s", "regression: _nexor_json_parse_bytes() crashes (stack overflow) "
                         "on a response nested 1000000 levels deep");
      return;
    }
  g_test_trap_assert_passed ();
}

static void
test_huge_string (void)
{
  const gsize length = 1024 * 1024;
  g_autofree char *big = g_strnfill (length, 'x');
  g_autofree char *json = g_strdup_printf ("{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\",\"first_name\":\"%s\"}}", big);
  g_autofree char *as_root = g_strdup_printf ("\"%s\"", big);
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = nexor_test_lead_from_string (json, &error);
  gboolean json_ok = FALSE, lead_ok = TRUE;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (nexor_lead_get_first_name (lead)), ==, length);

  parse_anything (as_root, strlen (as_root), &json_ok, &lead_ok);
  g_assert_true (json_ok);
  g_assert_false (lead_ok);

  /* A huge member name, and a huge id. */
  {
    g_autofree char *name = g_strdup_printf ("{\"%s\":1,\"id\":\"%s\"}", big, big);

    parse_anything (name, strlen (name), &json_ok, &lead_ok);
    g_assert_true (json_ok);
    g_assert_true (lead_ok);
  }
}

/* Many members and many array items. */
static void
test_wide (void)
{
  g_autoptr(GString) text = g_string_new ("{\"success\":true,\"lead\":{\"id\":\"" LEAD_ID "\",\"tags\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%s{\"id\":\"t%u\",\"slug\":\"s%u\"}", i ? "," : "", i, i);
  g_string_append (text, "]},\"variables\":{");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%s\"v%u\":{\"value\":%u}", i ? "," : "", i, i);
  g_string_append (text, "}}");

  lead = nexor_test_lead_from_string (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_tags (lead)), ==, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_lead_get_variables (lead)), ==, 5000);
  {
    g_autoptr(JsonNode) value = nexor_variable_dup_value (nexor_lead_get_variable (lead, "v4999"));

    g_assert_cmpint (json_node_get_int (value), ==, 4999);
  }
}

/* Envelopes: {"success","<member>"}, {"data"}, bare, failure. */
static void
test_unwrap_envelope (void)
{
  g_autoptr(JsonNode) wrapped = nexor_test_parse_string ("{\"success\":true,\"lead\":{\"id\":\"a\"}}");
  g_autoptr(JsonNode) data = nexor_test_parse_string ("{\"data\":{\"id\":\"b\"}}");
  g_autoptr(JsonNode) bare = nexor_test_parse_string ("{\"id\":\"c\"}");
  g_autoptr(JsonNode) failed = nexor_test_parse_string ("{\"success\":false,\"error\":\"x\"}");
  g_autoptr(JsonNode) success_string = nexor_test_parse_string ("{\"success\":\"false\"}");
  g_autoptr(JsonNode) array = nexor_test_parse_string ("[]");
  g_autoptr(JsonNode) member_number = nexor_test_parse_string ("{\"lead\":1}");
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  object = _nexor_json_unwrap_envelope (wrapped, "lead", "lead", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "a");

  object = _nexor_json_unwrap_envelope (data, "lead", "lead", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "b");

  object = _nexor_json_unwrap_envelope (bare, "lead", "lead", &error);
  g_assert_no_error (error);
  g_assert_true (object == json_node_get_object (bare));

  /* Not a boolean: not a failure envelope, so the bare form. */
  object = _nexor_json_unwrap_envelope (success_string, "lead", "lead", &error);
  g_assert_no_error (error);
  g_assert_true (object == json_node_get_object (success_string));

  object = _nexor_json_unwrap_envelope (failed, "lead", "lead", &error);
  g_assert_null (object);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  object = _nexor_json_unwrap_envelope (array, "lead", "lead", &error);
  g_assert_null (object);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  nexor_test_assert_message_has (error, "an array");
  g_clear_error (&error);

  object = _nexor_json_unwrap_envelope (member_number, "lead", "lead", &error);
  g_assert_null (object);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  nexor_test_assert_message_has (error, "“lead”");
  nexor_test_assert_message_has (error, "a number");
}

static void
test_node_type_name (void)
{
  g_autoptr(JsonNode) node = nexor_test_parse_string (
    "{\"o\":{},\"a\":[],\"s\":\"\",\"b\":false,\"i\":1,\"d\":1.5,\"n\":null}");
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (_nexor_json_node_type_name (NULL), ==, "null");
  g_assert_cmpstr (_nexor_json_node_type_name (json_object_get_member (object, "o")), ==, "an object");
  g_assert_cmpstr (_nexor_json_node_type_name (json_object_get_member (object, "a")), ==, "an array");
  g_assert_cmpstr (_nexor_json_node_type_name (json_object_get_member (object, "s")), ==, "a string");
  g_assert_cmpstr (_nexor_json_node_type_name (json_object_get_member (object, "b")), ==, "a boolean");
  g_assert_cmpstr (_nexor_json_node_type_name (json_object_get_member (object, "i")), ==, "a number");
  g_assert_cmpstr (_nexor_json_node_type_name (json_object_get_member (object, "d")), ==, "a number");
  g_assert_cmpstr (_nexor_json_node_type_name (json_object_get_member (object, "n")), ==, "null");
}

static void
test_lookup (void)
{
  g_autoptr(JsonNode) node = nexor_test_parse_string (
    "{\"first_name\":null,\"firstName\":\"B\",\"x\":\"X\",\"o\":{\"k\":1},\"s\":\"str\"}");
  JsonObject *object = json_node_get_object (node);
  const char * const first[] = { "first_name", "firstName", NULL };
  const char * const x_first[] = { "x", "firstName", NULL };
  const char * const none[] = { "missing", "also_missing", "first_name" };
  const char * const empty[] = { NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  JsonObject *out = (JsonObject *) 0x1;

  /* A null member counts as absent: the alternative is used. */
  const char *found = NULL;

  g_assert_cmpstr (json_node_get_string (_nexor_json_lookup (object, first, &found)), ==, "B");
  g_assert_cmpstr (found, ==, "firstName");
  g_assert_cmpstr (json_node_get_string (_nexor_json_lookup (object, x_first, &found)), ==, "X");
  g_assert_cmpstr (found, ==, "x");
  g_assert_null (_nexor_json_lookup (object, none, NULL));
  g_assert_null (_nexor_json_lookup (object, empty, NULL));
  g_assert_null (_nexor_json_lookup1 (object, "first_name"));
  g_assert_null (_nexor_json_lookup1 (object, "nope"));

  out = _nexor_json_get_optional_object (object, "thing", "o");
  g_assert_cmpint (json_object_get_int_member (out, "k"), ==, 1);
  g_assert_null (_nexor_json_get_optional_object (object, "thing", "missing"));
  g_assert_null (_nexor_json_get_optional_object (object, "thing", "first_name"));
  /* An optional object that is something else reads as absent. */
  g_assert_null (_nexor_json_get_optional_object (object, "thing", "s"));
  g_assert_no_error (error);
}

/* 8. _nexor_is_uuid() */
typedef struct {
  const char *str;
  gboolean valid;
} UuidCase;

static const UuidCase uuid_cases[] = {
  { "123e4567-e89b-12d3-a456-426614174000", TRUE },
  { "00000000-0000-0000-0000-000000000000", TRUE },
  { "ffffffff-ffff-ffff-ffff-ffffffffffff", TRUE },
  { "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", TRUE },
  { "123E4567-E89B-12D3-A456-426614174000", TRUE },
  { "123e4567-E89B-12d3-A456-426614174000", TRUE },
  { "", FALSE },
  { "..", FALSE },
  { ".", FALSE },
  { "a/b", FALSE },
  { "uuid", FALSE },
  { "abc-123-uuid", FALSE },
  { "123e4567-e89b-12d3-a456-42661417400", FALSE },    /* 35 chars */
  { "123e4567-e89b-12d3-a456-4266141740000", FALSE },  /* 37 chars */
  { "123e4567e89b12d3a456426614174000", FALSE },       /* no dashes */
  { "123e4567e89b-12d3-a456-426614174000-", FALSE },   /* 36, a dash moved to the end */
  { "123e456-7e89b-12d3-a456-426614174000", FALSE },   /* 36, a dash moved left */
  { "123e4567-e89b1-2d3-a456-426614174000", FALSE },   /* 36, a dash moved right */
  { "123e4567-e89b-12d3-a456-42661417400g", FALSE },   /* non-hex */
  { "g23e4567-e89b-12d3-a456-426614174000", FALSE },
  { "123e4567-e89b-12d3-a456-42661417400 ", FALSE },
  { " 123e4567-e89b-12d3-a456-426614174000", FALSE },
  { "123e4567-e89b-12d3-a456-426614174000 ", FALSE },  /* trailing garbage */
  { "123e4567-e89b-12d3-a456-426614174000/..", FALSE },
  { "123e4567-e89b-12d3-a456-426614174000\n", FALSE },
  { "{123e4567-e89b-12d3-a456-426614174000}", FALSE },
  { "123e4567_e89b_12d3_a456_426614174000", FALSE },
  { "------------------------------------", FALSE },
  { "123e4567-e89b-12d3-a456-4266141740\xc3\xa9", FALSE },  /* UTF-8 in place of hex */
  { "123e4567-e89b-12d3-a456-\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4", FALSE },
  { "%2e%2e", FALSE },
  { "123e4567-e89b-12d3-a456-426614174000?x=1", FALSE },
};

static void
test_is_uuid (void)
{
  g_assert_false (_nexor_is_uuid (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (uuid_cases); i++)
    {
      g_autofree char *shown = g_strescape (uuid_cases[i].str, NULL);

      g_test_message ("“%s”", shown);
      g_assert_cmpint (_nexor_is_uuid (uuid_cases[i].str), ==, uuid_cases[i].valid);
    }

  /* A NUL inside stops the check: the C string is what is checked. */
  {
    const char with_nul[] = "123e4567-e89b-12d3\0a456-426614174000";

    g_assert_false (_nexor_is_uuid (with_nul));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/parse-bytes/valid", test_parse_valid);
  for (guint i = 0; i < G_N_ELEMENTS (garbage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/parse-bytes/garbage/%s", garbage_cases[i].name);

      g_test_add_data_func (path, &garbage_cases[i], test_garbage_case);
    }
  g_test_add_func ("/json/parse-bytes/multiple-top-level-values", test_multiple_top_level_values);
  g_test_add_func ("/json/parse-bytes/random-bytes", test_random_bytes);
  g_test_add_func ("/json/parse-bytes/random-json-tokens", test_random_json_tokens);
  g_test_add_func ("/json/parse-bytes/truncated-and-mutated", test_truncated_and_mutated);
  g_test_add_func ("/json/parse-bytes/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json/parse-bytes/deep-nesting-huge", test_deep_nesting_huge);
  g_test_add_func ("/json/parse-bytes/huge-string", test_huge_string);
  g_test_add_func ("/json/parse-bytes/wide", test_wide);
  g_test_add_func ("/json/unwrap-envelope", test_unwrap_envelope);
  g_test_add_func ("/json/node-type-name", test_node_type_name);
  g_test_add_func ("/json/lookup", test_lookup);
  g_test_add_func ("/json/is-uuid", test_is_uuid);

  return g_test_run ();
}
