/* test-public-api.c: the version API and nexor_parse_json(), through the
 * public header and the shared library only, as a program outside the tree
 * sees them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* What a program that needs 0.1 and uses nothing newer writes; the build
 * fails if the macros reject it. */
#define NEXOR_VERSION_MIN_REQUIRED NEXOR_VERSION_0_1
#define NEXOR_VERSION_MAX_ALLOWED NEXOR_VERSION_0_1

#include <nexor-glib.h>

#include <string.h>

#if !NEXOR_CHECK_VERSION (0, 1, 0)
# error "NEXOR_CHECK_VERSION (0, 1, 0) is false for the 0.1 headers"
#endif
#if NEXOR_CHECK_VERSION (0, 2, 0) || NEXOR_CHECK_VERSION (1, 0, 0)
# error "NEXOR_CHECK_VERSION is true for a newer version"
#endif
#if NEXOR_VERSION_CUR_STABLE != NEXOR_VERSION_0_1 || NEXOR_VERSION_0_1 != G_ENCODE_VERSION (0, 1)
# error "NEXOR_VERSION_CUR_STABLE is not 0.1"
#endif

static void
test_version_runtime (void)
{
  g_autofree char *joined = NULL;

  g_assert_cmpuint (nexor_get_major_version (), ==, NEXOR_MAJOR_VERSION);
  g_assert_cmpuint (nexor_get_minor_version (), ==, NEXOR_MINOR_VERSION);
  g_assert_cmpuint (nexor_get_micro_version (), ==, NEXOR_MICRO_VERSION);

  joined = g_strdup_printf ("%u.%u.%u", nexor_get_major_version (),
                            nexor_get_minor_version (), nexor_get_micro_version ());
  g_assert_cmpstr (joined, ==, NEXOR_VERSION_S);
}

static void
test_version_check (void)
{
  guint major = nexor_get_major_version ();
  guint minor = nexor_get_minor_version ();
  guint micro = nexor_get_micro_version ();

  g_assert_null (nexor_check_version (major, minor, micro));
  g_assert_null (nexor_check_version (major, minor, 0));
  if (minor > 0)
    g_assert_null (nexor_check_version (major, minor - 1, micro + 5));

  g_assert_cmpstr (nexor_check_version (major, minor, micro + 1), ==,
                   "nexor-glib version too old (micro mismatch)");
  g_assert_cmpstr (nexor_check_version (major, minor + 1, 0), ==,
                   "nexor-glib version too old (minor mismatch)");
  g_assert_cmpstr (nexor_check_version (major + 1, 0, 0), ==,
                   "nexor-glib version too old (major mismatch)");
  if (major > 0)
    g_assert_cmpstr (nexor_check_version (major - 1, 0, 0), ==,
                     "nexor-glib version too new (major mismatch)");
}

static void
test_parse_json_ok (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) sized = NULL;
  JsonObject *object;
  const char text[] = "\xef\xbb\xbf{\"id\": 9007199254740993, \"n\": 1.5, \"id\": 2, \"s\": \"\\u00e9\"}";

  root = nexor_parse_json (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  /* The last of duplicate members wins; integers stay exact. */
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (object, "n"), ==, 1.5);
  g_assert_cmpstr (json_object_get_string_member (object, "s"), ==, "\xc3\xa9");

  /* An explicit length stops before what follows. */
  sized = nexor_parse_json ("[1,2]garbage", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sized)), ==, 2);
}

static void
test_parse_json_refused (void)
{
  const struct { const char *text; gssize length; const char *message; } cases[] = {
    { "", -1, "empty" },
    { "   ", -1, NULL },
    { "{\"a\": 1} {}", -1, "line 1, column 10: " },
    { "[1, /* comment */ 2]", -1, "line 1, column 5: " },
    { "{\"a\":\n  01}", -1, "line 2, column 4: " },
    { "\"\\ud800\"", -1, NULL },
    { "[1\0]", 4, NULL },
    { "\"\xff\"", -1, NULL },
  };
  g_autofree char *deep = NULL;
  g_autoptr(GError) deep_error = NULL;
  JsonNode *none;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      none = nexor_parse_json (cases[i].text, cases[i].length, &error);
      g_assert_null (none);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (cases[i].message != NULL)
        g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }

  /* Deeper than the documented 256 levels. */
  deep = g_strnfill (257, '[');
  none = nexor_parse_json (deep, -1, &deep_error);
  g_assert_null (none);
  g_assert_error (deep_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/public/version/runtime", test_version_runtime);
  g_test_add_func ("/public/version/check", test_version_check);
  g_test_add_func ("/public/parse-json/ok", test_parse_json_ok);
  g_test_add_func ("/public/parse-json/refused", test_parse_json_refused);

  return g_test_run ();
}
