/* test-json-document.c: conformance of the strict JSON reader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every response goes through _nexor_json_document_parse(), which replaced
 * json-glib's JsonParser. What it accepts must give the tree json-glib gives
 * wherever json-glib reads JSON right (and otherwise the value RFC 8259
 * means); what it refuses must fail with NEXOR_ERROR_INVALID_RESPONSE and a
 * message that says where. The accepted and refused texts follow the "y_"
 * and "n_" cases of the usual JSON conformance suites.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test-util.h"
#include "nexor-json-document-private.h"
#include "../../fuzz/json-identical.h"


static void
assert_identical (JsonNode *ours,
                  JsonNode *expected)
{
  if (!nodes_identical (ours, expected))
    {
      g_autofree char *ours_text = json_to_string (ours, FALSE);
      g_autofree char *expected_text = json_to_string (expected, FALSE);

      g_error ("the trees differ:\n  ours:     %s\n  expected: %s", ours_text, expected_text);
    }
}

static NexorJsonDocument *
parse_ok (const char *text,
          gsize       size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, size);
  g_autoptr(GError) error = NULL;
  NexorJsonDocument *document = _nexor_json_document_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_nonnull (_nexor_json_document_get_root (document));
  return document;
}

/* json-glib's reading of @text, which it must accept. */
static JsonNode *
parse_json_glib (const char *text,
                 gsize       size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, (gssize) size, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  return json_node_copy (root);
}

/* The error is the reader's, in UTF-8, and says where; with @line not 0,
 * it says exactly @line and @column. */
static void
assert_where (const GError *error,
              guint         line,
              guint         column)
{
  const char *at;
  guint got_line = 0, got_column = 0;

  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  at = strstr (error->message, "line ");
  if (at == NULL || sscanf (at, "line %u, column %u", &got_line, &got_column) != 2)
    g_error ("error message “%s” does not say “line L, column C”", error->message);
  g_assert_cmpuint (got_line, >=, 1);
  g_assert_cmpuint (got_column, >=, 1);

  if (line != 0)
    {
      if (got_line != line || got_column != column)
        g_error ("error message “%s” should point at line %u, column %u",
                 error->message, line, column);
    }
}

/* Refused by the reader, by the entry point responses take, and as a span
 * of a bigger buffer. */
static void
assert_refused (const char *text,
                gsize       size,
                guint       line,
                guint       column)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (bytes, &error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) padded = NULL;
  g_autoptr(JsonNode) span = NULL;
  g_autoptr(GString) buffer = g_string_new ("[1]");

  g_assert_null (document);
  assert_where (error, line, column);
  g_clear_error (&error);

  root = _nexor_json_parse_bytes (bytes, &error);
  g_assert_null (root);
  assert_where (error, line, column);
  g_clear_error (&error);

  /* Whatever is around a span must not leak into it. */
  g_string_append_len (buffer, text, (gssize) size);
  g_string_append (buffer, "[2]");
  padded = g_string_free_to_bytes (g_steal_pointer (&buffer));
  span = _nexor_json_parse_span (padded, 3, size, &error);
  g_assert_null (span);
  assert_where (error, line, column);
}

/* Accepted texts. */

typedef struct
{
  const char *name;
  const char *text;
  gsize size;
  const char *string;  /* when not NULL: the text is a string with this value */
} Accepted;

#define Y(name, text)         { name, text, sizeof text - 1, NULL }
#define YS(name, text, value) { name, text, sizeof text - 1, value }

static const Accepted accepted_cases[] = {
  Y ("empty-object", "{}"),
  Y ("empty-array", "[]"),
  Y ("nested-empty-arrays", "[[[[[]]]]]"),
  Y ("nested-empty-objects", "{\"a\":{\"b\":{\"c\":{}}}}"),
  Y ("empty-object-in-array", "[{}, {}, [{}]]"),
  Y ("empty-array-in-object", "{\"a\":[],\"b\":[[]]}"),
  Y ("mixed", "{\"a\":[1,\"x\",true,false,null,{\"b\":-2.5}],\"c\":{}}"),
  YS ("escapes", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t"),
  YS ("escapes-between-text", "\"a\\nb\\tc\\\\d\"", "a\nb\tc\\d"),
  YS ("u-escape-ascii", "\"\\u0041\\u007a\"", "Az"),
  YS ("u-escape-two-bytes", "\"\\u00e9\\u00C9\\u0080\\u07ff\"", "éÉ\xc2\x80\xdf\xbf"),
  YS ("u-escape-three-bytes", "\"\\u0800\\u20ac\\uFFFD\"", "\xe0\xa0\x80€\xef\xbf\xbd"),
  YS ("u-escape-controls", "\"\\u0001\\u001f\\u007f\"", "\x01\x1f\x7f"),
  YS ("surrogate-pair", "\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80"),
  YS ("surrogate-pair-upper", "\"\\uD834\\uDD1E\"", "\xf0\x9d\x84\x9e"),
  YS ("surrogate-pair-first", "\"\\ud800\\udc00\"", "\xf0\x90\x80\x80"),
  YS ("surrogate-pair-last", "\"\\udbff\\udfff\"", "\xf4\x8f\xbf\xbf"),
  YS ("utf8-raw", "\"é€😀\xf4\x8f\xbf\xbf\"", "é€😀\xf4\x8f\xbf\xbf"),
  YS ("utf8-raw-and-escaped", "\"😀\\ud83d\\ude00é\\u00e9\"", "😀😀éé"),
  YS ("del-raw", "\"\x7f\"", "\x7f"),
  YS ("empty-string", "\"\"", ""),
  Y ("whitespace-everywhere",
     " \t\r\n[ \t\r\n1 \t\r\n, \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\nnull \t\r\n, \t\r\n"
     "\"b\"\t:\r[ ]\n} \t\r\n, \t\r\n[ \t\r\n] \t\r\n] \t\r\n"),
  Y ("minus-zero", "-0"),
  Y ("minus-zero-double", "-0.0"),
  Y ("zero-exponent-plus", "0e+1"),
  Y ("upper-exponent-minus", "1E-2"),
  Y ("exponent-no-sign", "1e5"),
  Y ("fraction-and-exponent", "123.456e-7"),
  Y ("upper-exponent-plus", "2.5E+3"),
  Y ("big-exponent", "1e308"),
  Y ("big-negative", "-1.7976931348623157e308"),
  Y ("small-exponent", "1e-300"),
  Y ("small-negative", "-1.5e-300"),
  Y ("underflow-to-zero", "1e-400"),
  Y ("numbers-in-array", "[0,-1,1.5,-0.5,1e2,1E+2,1e-2,123456789012345678]"),
  Y ("top-level-int", "1"),
  Y ("top-level-negative", "-42"),
  Y ("top-level-double", "-1.5"),
  Y ("top-level-string", "\"s\""),
  Y ("top-level-true", "true"),
  Y ("top-level-false", "false"),
  Y ("top-level-null", "null"),
  Y ("top-level-padded", "  \n 7 \r\n\t"),
  Y ("duplicate-keys", "{\"a\":1,\"b\":2,\"a\":3}"),
  Y ("duplicate-keys-objects", "{\"a\":{\"x\":1},\"a\":{\"y\":2}}"),
  Y ("duplicate-keys-types", "{\"a\":[1,2],\"a\":\"s\",\"a\":null}"),
  Y ("empty-key", "{\"\":0}"),
  Y ("empty-key-and-value", "{\"\":\"\",\"a\":{\"\":[]}}"),
  Y ("escaped-keys", "{\"\\u00e9\\n\":1,\"\\ud83d\\ude00\":2}"),
  Y ("bom", "\xef\xbb\xbf{\"a\":1}"),
  Y ("bom-then-whitespace", "\xef\xbb\xbf \n[1]"),
  Y ("bom-scalar", "\xef\xbb\xbf\"x\""),
};

static void
test_accepted (gconstpointer data)
{
  const Accepted *test = data;
  g_autoptr(NexorJsonDocument) document = parse_ok (test->text, test->size);
  g_autoptr(JsonNode) theirs = parse_json_glib (test->text, test->size);
  JsonNode *root = _nexor_json_document_get_root (document);

  assert_identical (root, theirs);

  if (test->string != NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_VALUE (root));
      g_assert_cmpstr (json_node_get_string (root), ==, test->string);
    }
}

/* A few trees checked member by member, not only against json-glib. */
static void
test_accepted_values (void)
{
  {
    g_autoptr(NexorJsonDocument) document = parse_ok ("{\"a\":1,\"b\":2,\"a\":3}", 19);
    JsonObject *object = json_node_get_object (_nexor_json_document_get_root (document));

    g_assert_cmpuint (json_object_get_size (object), ==, 2);
    g_assert_cmpint (json_object_get_int_member (object, "a"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (object, "b"), ==, 2);
  }

  {
    g_autoptr(NexorJsonDocument) document = parse_ok ("{\"\":\"e\"}", 8);
    JsonObject *object = json_node_get_object (_nexor_json_document_get_root (document));

    g_assert_true (json_object_has_member (object, ""));
    g_assert_cmpstr (json_object_get_string_member (object, ""), ==, "e");
  }

  {
    static const char text[] = "\xef\xbb\xbf{\"a\":[true,false,null]}";
    g_autoptr(NexorJsonDocument) document = parse_ok (text, sizeof text - 1);
    JsonObject *object = json_node_get_object (_nexor_json_document_get_root (document));
    JsonArray *array = json_object_get_array_member (object, "a");

    g_assert_cmpuint (json_array_get_length (array), ==, 3);
    g_assert_true (json_array_get_boolean_element (array, 0));
    g_assert_false (json_array_get_boolean_element (array, 1));
    g_assert_true (json_array_get_null_element (array, 2));
  }

  {
    /* The tree is left for the caller to seal. */
    g_autoptr(NexorJsonDocument) document = parse_ok ("[1]", 3);

    g_assert_false (json_node_is_immutable (_nexor_json_document_get_root (document)));
  }
}

/* Numbers: which type, which value. */

typedef struct
{
  const char *text;
  GType type;
  gint64 integer;
  double real;
  gboolean json_glib_right;  /* json-glib 1.6 reads it right too */
} Number;

static const Number number_cases[] = {
  { "0", G_TYPE_INT64, 0, 0, TRUE },
  { "-0", G_TYPE_INT64, 0, 0, TRUE },
  { "7", G_TYPE_INT64, 7, 0, TRUE },
  { "-7", G_TYPE_INT64, -7, 0, TRUE },
  { "999999999999999999", G_TYPE_INT64, G_GINT64_CONSTANT (999999999999999999), 0, TRUE },
  { "123456789012345678", G_TYPE_INT64, G_GINT64_CONSTANT (123456789012345678), 0, TRUE },
  { "-123456789012345678", G_TYPE_INT64, G_GINT64_CONSTANT (-123456789012345678), 0, TRUE },
  { "1234567890123456789", G_TYPE_INT64, G_GINT64_CONSTANT (1234567890123456789), 0, TRUE },
  { "-1234567890123456789", G_TYPE_INT64, G_GINT64_CONSTANT (-1234567890123456789), 0, TRUE },
  { "1000000000000000000", G_TYPE_INT64, G_GINT64_CONSTANT (1000000000000000000), 0, TRUE },
  { "9223372036854775807", G_TYPE_INT64, G_MAXINT64, 0, TRUE },
  { "-9223372036854775807", G_TYPE_INT64, -G_MAXINT64, 0, TRUE },
  { "-9223372036854775808", G_TYPE_INT64, G_MININT64, 0, TRUE },
  /* Past gint64, json-glib wraps around; the reader keeps the magnitude. */
  { "9223372036854775808", G_TYPE_DOUBLE, 0, 9223372036854775808.0, FALSE },
  { "-9223372036854775809", G_TYPE_DOUBLE, 0, -9223372036854775809.0, FALSE },
  { "18446744073709551616", G_TYPE_DOUBLE, 0, 18446744073709551616.0, FALSE },
  { "12345678901234567890123", G_TYPE_DOUBLE, 0, 12345678901234567890123.0, FALSE },
  { "-100000000000000000000000000000", G_TYPE_DOUBLE, 0, -1e29, FALSE },
  { "1.0", G_TYPE_DOUBLE, 0, 1.0, TRUE },
  { "-0.0", G_TYPE_DOUBLE, 0, -0.0, TRUE },
  { "1e2", G_TYPE_DOUBLE, 0, 100.0, TRUE },
  { "1E2", G_TYPE_DOUBLE, 0, 100.0, TRUE },
  { "1e+2", G_TYPE_DOUBLE, 0, 100.0, TRUE },
  { "0e+1", G_TYPE_DOUBLE, 0, 0.0, TRUE },
  { "1E-2", G_TYPE_DOUBLE, 0, 0.01, TRUE },
  { "12345678901234567890.5", G_TYPE_DOUBLE, 0, 12345678901234567890.5, TRUE },
  { "0.12345678901234567890123", G_TYPE_DOUBLE, 0, 0.12345678901234567890123, TRUE },
  { "1.7976931348623157e308", G_TYPE_DOUBLE, 0, 1.7976931348623157e308, TRUE },
  { "4.9e-324", G_TYPE_DOUBLE, 0, 4.9e-324, TRUE },
  { "1e-400", G_TYPE_DOUBLE, 0, 0.0, TRUE },
  { "-2.5e-3", G_TYPE_DOUBLE, 0, -2.5e-3, TRUE },
};

static void
check_number (const Number *test,
              JsonNode     *node)
{
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  if (json_node_get_value_type (node) != test->type)
    g_error ("%s read as %s, not %s", test->text,
             g_type_name (json_node_get_value_type (node)), g_type_name (test->type));

  if (test->type == G_TYPE_INT64)
    g_assert_cmpint (json_node_get_int (node), ==, test->integer);
  else
    {
      g_assert_cmpfloat (json_node_get_double (node), ==, test->real);
      g_assert_true (signbit (json_node_get_double (node)) == signbit (test->real));
    }
}

static void
test_numbers (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      const Number *test = &number_cases[i];
      gsize len = strlen (test->text);
      g_autoptr(NexorJsonDocument) document = parse_ok (test->text, len);
      g_autofree char *in_array = g_strdup_printf ("[%s, %s]", test->text, test->text);
      g_autofree char *in_object = g_strdup_printf ("{\"n\":%s}", test->text);
      g_autoptr(NexorJsonDocument) array_document = parse_ok (in_array, strlen (in_array));
      g_autoptr(NexorJsonDocument) object_document = parse_ok (in_object, strlen (in_object));
      JsonArray *array = json_node_get_array (_nexor_json_document_get_root (array_document));
      JsonObject *object = json_node_get_object (_nexor_json_document_get_root (object_document));

      /* A number ends where the body does as well as before a delimiter. */
      check_number (test, _nexor_json_document_get_root (document));
      check_number (test, json_array_get_element (array, 0));
      check_number (test, json_array_get_element (array, 1));
      check_number (test, json_object_get_member (object, "n"));

      if (test->json_glib_right)
        {
          g_autoptr(JsonNode) theirs = parse_json_glib (in_array, strlen (in_array));

          assert_identical (_nexor_json_document_get_root (array_document), theirs);
        }
    }
}

/* Refused texts. */

typedef struct
{
  const char *name;
  const char *text;
  gsize size;
  guint line;    /* where the error must point, when not 0 */
  guint column;
} Refused;

#define N(name, text)          { name, text, sizeof text - 1, 0, 0 }
#define NAT(name, text, l, c)  { name, text, sizeof text - 1, l, c }

static const Refused refused_cases[] = {
  /* Structure. */
  NAT ("trailing-comma-array", "[1,]", 1, 4),
  NAT ("trailing-comma-object", "{\"a\":1,}", 1, 8),
  NAT ("trailing-comma-multiline", "[1,\n  2,\n  ]", 3, 3),
  N ("leading-comma", "[,1]"),
  N ("double-comma", "[1,,2]"),
  N ("comma-only-object", "{,}"),
  N ("missing-comma-array", "[1 2]"),
  N ("missing-comma-object", "{\"a\":1 \"b\":2}"),
  N ("missing-colon", "{\"a\" 1}"),
  N ("missing-value", "{\"a\":}"),
  N ("colon-in-array", "[1:2]"),
  N ("comma-in-place-of-colon", "{\"a\",1}"),
  N ("unclosed-array", "[1,2"),
  N ("unclosed-object", "{\"a\":1"),
  N ("unclosed-string", "\"abc"),
  N ("unclosed-escape", "\"abc\\"),
  N ("open-bracket", "["),
  N ("open-brace", "{"),
  N ("close-bracket", "]"),
  N ("close-brace", "}"),
  N ("mismatched-close", "[1}"),
  N ("mismatched-close-object", "{\"a\":1]"),
  NAT ("two-values", "[1] [2]", 1, 5),
  N ("two-objects", "{}{}"),
  N ("two-numbers", "1 2"),
  N ("value-then-comma", "1,"),
  N ("value-then-garbage", "{\"a\":1}x"),
  /* Numbers. */
  NAT ("leading-zero", "01", 1, 2),
  N ("leading-zeros-array", "[00]"),
  N ("negative-leading-zero", "-01"),
  N ("plus", "+1"),
  N ("dot-first", ".5"),
  N ("minus-dot", "-.5"),
  N ("dot-last", "1."),
  N ("dot-exponent", "1.e5"),
  N ("exponent-empty", "1e"),
  N ("exponent-plus-empty", "1e+"),
  N ("exponent-minus-empty", "1E-"),
  N ("exponent-signs", "[1.5e+-1]"),
  N ("exponent-fraction", "[1e1.5]"),
  N ("minus-alone", "-"),
  N ("minus-in-array", "[-]"),
  N ("double-minus", "[--1]"),
  N ("hex", "0x10"),
  N ("hex-array", "[0xFF]"),
  N ("nan", "NaN"),
  N ("infinity", "Infinity"),
  N ("minus-infinity", "-Infinity"),
  N ("nan-in-array", "[NaN]"),
  NAT ("overflow", "1e999", 1, 1),
  NAT ("negative-overflow", "[-1e999]", 1, 2),
  N ("overflow-long-integer",
     "1000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
  /* Literals. */
  N ("true-cut", "[tru]"),
  N ("null-cut", "nul"),
  N ("true-capital", "True"),
  N ("null-capital", "NULL"),
  N ("true-longer", "truex"),
  N ("undefined", "undefined"),
  /* Not JSON but what JavaScript or json-glib take. */
  N ("single-quotes", "'a'"),
  N ("single-quoted-key", "{'a':1}"),
  NAT ("unquoted-key", "{a:1}", 1, 2),
  N ("number-key", "{1:1}"),
  N ("line-comment", "[1]//c"),
  N ("block-comment", "/*c*/[1]"),
  N ("block-comment-inside", "[1 /*c*/]"),
  N ("hash-comment", "# c\n[]"),
  N ("form-feed-whitespace", "\f[]"),
  N ("vertical-tab-whitespace", "[\v]"),
  N ("no-break-space-whitespace", "\xc2\xa0[]"),
  N ("nul-after-value", "[1]\0"),
  N ("nul-alone", "\0"),
  /* Strings: control characters and escapes. */
  NAT ("raw-tab", "\"a\tb\"", 1, 3),
  N ("raw-newline", "\"a\nb\""),
  N ("raw-carriage-return", "\"a\rb\""),
  N ("raw-0x01", "\"\x01\""),
  N ("raw-0x1f", "\"\x1f\""),
  N ("raw-nul", "\"a\0b\""),
  NAT ("raw-control-after-utf8", "\"é\x01\"", 1, 3),
  NAT ("escape-x", "\"\\x41\"", 1, 2),
  N ("escape-a", "\"\\a\""),
  N ("escape-single-quote", "\"\\'\""),
  N ("escape-zero", "\"\\0\""),
  N ("escape-capital-u", "\"\\U0041\""),
  N ("escape-u-short", "\"\\u12\""),
  N ("escape-u-short-at-end", "\"\\u12"),
  N ("escape-u-not-hex", "\"\\u12g4\""),
  N ("escape-u-not-hex-first", "\"\\uz123\""),
  N ("escape-u-signed", "\"\\u-123\""),
  /* Surrogates and U+0000. */
  N ("lone-high-surrogate", "\"\\ud800\""),
  N ("lone-high-surrogate-at-end", "\"\\ud83d"),
  N ("lone-low-surrogate", "\"\\udc00\""),
  N ("lone-low-surrogate-upper", "\"\\uDFFF\""),
  N ("surrogates-misordered", "\"\\ude00\\ud83d\""),
  N ("high-then-letter", "\"\\ud83dx\""),
  N ("high-then-bmp-escape", "\"\\ud83d\\u0041\""),
  N ("high-then-high", "\"\\ud83d\\ud83d\""),
  N ("high-then-other-escape", "\"\\ud83d\\n\""),
  N ("high-then-short-escape", "\"\\ud83d\\udc0\""),
  N ("nul-escape", "\"\\u0000\""),
  N ("nul-escape-after-text", "\"a\\u0000b\""),
  N ("nul-escape-in-key", "{\"\\u0000\":1}"),
  /* Invalid UTF-8 in strings. */
  N ("overlong-slash", "\"\xc0\xaf\""),
  N ("overlong-c1", "\"\xc1\xbf\""),
  N ("overlong-three-bytes", "\"\xe0\x80\xaf\""),
  N ("overlong-four-bytes", "\"\xf0\x80\x80\xaf\""),
  N ("utf8-surrogate-high", "\"\xed\xa0\x80\""),
  N ("utf8-surrogate-low", "\"\xed\xbf\xbf\""),
  N ("utf8-surrogate-pair", "\"\xed\xa0\xbd\xed\xb8\x80\""),
  N ("utf8-past-max", "\"\xf4\x90\x80\x80\""),
  N ("utf8-five-bytes", "\"\xf8\x88\x80\x80\x80\""),
  N ("truncated-two-bytes", "\"\xc3\""),
  N ("truncated-three-bytes", "\"\xe2\x82\""),
  N ("truncated-four-bytes", "\"\xf0\x9f\x98\""),
  N ("truncated-before-escape", "\"\xc3\\n\""),
  N ("truncated-at-end", "\"\xe2\x82"),
  NAT ("byte-ff", "\"ab\xff\"", 1, 4),
  N ("byte-fe", "\"\xfe\""),
  N ("lone-continuation", "\"\x80\""),
  N ("invalid-utf8-in-key", "{\"\xff\":1}"),
  /* Invalid UTF-8 or non-ASCII outside strings. */
  NAT ("byte-ff-outside", "[\xff]", 1, 2),
  N ("byte-ff-first", "\xff[]"),
  N ("byte-ff-after", "[]\xff"),
  N ("utf8-outside", "\xc3\xa9"),
  N ("truncated-utf8-outside", "[\xe2\x82]"),
  N ("bom-alone", "\xef\xbb\xbf"),
  N ("bom-partial", "\xef\xbb[]"),
  N ("bom-twice", "\xef\xbb\xbf\xef\xbb\xbf[]"),
  N ("bom-after-whitespace", " \xef\xbb\xbf[]"),
  N ("utf16-bom", "\xfe\xff\0[\0]"),
  /* Empty. */
  NAT ("whitespace-only", "  \n  ", 2, 3),
  N ("whitespace-only-all-kinds", " \t\r\n"),
  NAT ("error-column-counts-characters", "{\"é€😀\": tru}", 1, 9),
  NAT ("error-line-after-newlines", "{\n\"a\": tru}", 2, 6),
};

static void
test_refused (gconstpointer data)
{
  const Refused *test = data;

  assert_refused (test->text, test->size, test->line, test->column);
}

/* The empty body has nothing to point at. */
static void
test_refused_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) no_data = g_bytes_new (NULL, 0);
  GBytes *bodies[] = { empty, no_data };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (bodies[i], &error);
      g_autoptr(JsonNode) root = NULL;

      g_assert_null (document);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);

      root = _nexor_json_parse_bytes (bodies[i], &error);
      g_assert_null (root);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    }
}

/* Every prefix of a real body is refused, but for the ones that hold the
 * whole value and lack only trailing whitespace. */
static void
test_truncated (void)
{
  g_autoptr(GBytes) bytes = nexor_test_load_bytes ("get-lead-page.json");
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(NexorJsonDocument) full = parse_ok (data, size);
  gsize value_end = size;
  guint refused = 0;

  while (value_end > 0 && strchr (" \t\r\n", data[value_end - 1]) != NULL)
    value_end--;
  g_assert_cmpuint (value_end, >, 100);

  for (gsize len = 0; len <= size; len++)
    {
      g_autoptr(GBytes) prefix = g_bytes_new (data, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (prefix, &error);

      if (len < value_end)
        {
          if (document != NULL)
            g_error ("the first %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                     " bytes of get-lead-page.json were accepted", len, size);
          if (len == 0)
            g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
          else
            assert_where (error, 0, 0);
          refused++;
        }
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (document);
          assert_identical (_nexor_json_document_get_root (document),
                            _nexor_json_document_get_root (full));
        }
    }

  g_assert_cmpuint (refused, ==, value_end);
}

/* Nesting. */

static char *
nested_arrays (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

static char *
nested_objects (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "{\"a\":");
  g_string_append (text, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static guint
depth_of (JsonNode *node)
{
  guint depth = 0;

  for (;;)
    {
      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
        node = json_array_get_element (json_node_get_array (node), 0);
      else if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "a"))
        node = json_object_get_member (json_node_get_object (node), "a");
      else
        return depth + (JSON_NODE_HOLDS_ARRAY (node) ? 1 : 0);
      depth++;
    }
}

static void
test_depth (void)
{
  char *(*builders[]) (guint) = { nested_arrays, nested_objects };

  for (gsize i = 0; i < G_N_ELEMENTS (builders); i++)
    {
      g_autofree char *deepest = builders[i] (NEXOR_JSON_MAX_DEPTH);
      g_autofree char *too_deep = builders[i] (NEXOR_JSON_MAX_DEPTH + 1);
      g_autoptr(NexorJsonDocument) document = parse_ok (deepest, strlen (deepest));
      g_autoptr(GBytes) bytes = g_bytes_new (too_deep, strlen (too_deep));
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorJsonDocument) refused = _nexor_json_document_parse (bytes, &error);

      g_assert_cmpuint (depth_of (_nexor_json_document_get_root (document)), ==, NEXOR_JSON_MAX_DEPTH);
      g_assert_null (refused);
      /* It points at the opening that goes one level too deep, and names
       * the limit. */
      assert_where (error, 1, i == 0 ? NEXOR_JSON_MAX_DEPTH + 1 : 5 * NEXOR_JSON_MAX_DEPTH + 1);
      {
        g_autofree char *limit = g_strdup_printf ("more than %u levels deep", NEXOR_JSON_MAX_DEPTH);

        g_assert_nonnull (strstr (error->message, limit));
        g_assert_nonnull (strstr (error->message, "nests too deep"));
      }
    }

  {
    /* Mixed, and deep inside a wide document. */
    GString *text = g_string_new ("[1,{\"b\":[2,3]},");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorJsonDocument) refused = NULL;

    for (guint i = 0; i < NEXOR_JSON_MAX_DEPTH; i++)
      g_string_append (text, i % 2 ? "[" : "{\"k\":");
    bytes = g_string_free_to_bytes (text);
    refused = _nexor_json_document_parse (bytes, &error);
    g_assert_null (refused);
    assert_where (error, 0, 0);
    g_assert_nonnull (strstr (error->message, "deep"));
  }
}

static void
test_depth_huge (void)
{
  gsize size = 1000 * 1000;
  char *text = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorJsonDocument) document = NULL;

  memset (text, '[', size);
  bytes = g_bytes_new_take (text, size);
  document = _nexor_json_document_parse (bytes, &error);
  g_assert_null (document);
  assert_where (error, 1, NEXOR_JSON_MAX_DEPTH + 1);
}

/* Strings past the reader's stack buffer. */

static void
check_string_document (const char *json,
                       const char *expected)
{
  g_autoptr(NexorJsonDocument) document = parse_ok (json, strlen (json));
  g_autoptr(JsonNode) theirs = parse_json_glib (json, strlen (json));
  JsonNode *root = _nexor_json_document_get_root (document);
  JsonArray *array = json_node_get_array (root);

  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, expected);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "after");
  assert_identical (root, theirs);
}

static void
test_long_strings (void)
{
  static const gsize lengths[] = { 254, 255, 256, 257, 511, 512, 1000, 100000 };

  for (gsize i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *plain = g_strnfill (lengths[i], 'x');
      g_autofree char *json = g_strdup_printf ("[\"%s\",\"after\"]", plain);

      check_string_document (json, plain);
    }

  /* Escapes of every output length, each starting on every byte around
   * the end of the stack buffer. */
  for (gsize prefix = 240; prefix <= 262; prefix++)
    {
      static const struct { const char *escaped; const char *value; } escapes[] = {
        { "\\n", "\n" },
        { "\\u00e9", "é" },
        { "\\u20ac", "€" },
        { "\\ud83d\\ude00", "😀" },
        { "é", "é" },
        { "😀", "😀" },
      };

      for (gsize e = 0; e < G_N_ELEMENTS (escapes); e++)
        {
          g_autofree char *head = g_strnfill (prefix, 'y');
          g_autofree char *json = g_strdup_printf ("[\"%s%s%s%s\",\"after\"]", head,
                                                   escapes[e].escaped, escapes[e].escaped, "tail");
          g_autofree char *expected = g_strdup_printf ("%s%s%s%s", head, escapes[e].value,
                                                       escapes[e].value, "tail");

          check_string_document (json, expected);
        }
    }

  {
    /* Only escapes, long enough to spill in the middle of a run of them. */
    GString *json = g_string_new ("[\"");
    GString *expected = g_string_new (NULL);

    for (guint i = 0; i < 200; i++)
      {
        g_string_append (json, "\\t\\ud83d\\ude00");
        g_string_append (expected, "\t😀");
      }
    g_string_append (json, "\",\"after\"]");
    check_string_document (json->str, expected->str);
    g_string_free (json, TRUE);
    g_string_free (expected, TRUE);
  }
}

/* A key that does not fit the stack buffer is copied before the value is
 * read; the value may need the same buffer the key was read into. */
static void
test_long_keys (void)
{
  static const gsize lengths[] = { 255, 256, 257, 300, 1000, 5000 };

  for (gsize i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *key = g_strnfill (lengths[i], 'k');
      g_autofree char *key2 = g_strnfill (lengths[i] + 1, 'K');
      g_autofree char *inner_key = g_strnfill (lengths[i] + 2, 'i');
      g_autofree char *value = g_strnfill (lengths[i] + 40, 'v');
      g_autofree char *value2 = g_strnfill (lengths[i] * 2, 'w');
      g_autofree char *json = g_strdup_printf ("{\"%s\":\"%s\",\"%s\":{\"%s\":\"%s\",\"s\":\"t\"},"
                                               "\"short\":\"%s\",\"e\\u00e9%s\":\"\\u00e9%s\"}",
                                               key, value, key2, inner_key, value2, value, key, value);
      g_autoptr(NexorJsonDocument) document = parse_ok (json, strlen (json));
      g_autoptr(JsonNode) theirs = parse_json_glib (json, strlen (json));
      JsonObject *object = json_node_get_object (_nexor_json_document_get_root (document));
      JsonObject *inner;
      g_autofree char *escaped_key = g_strconcat ("eé", key, NULL);
      g_autofree char *escaped_value = g_strconcat ("é", value, NULL);

      g_assert_cmpuint (json_object_get_size (object), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (object, key), ==, value);
      inner = json_object_get_object_member (object, key2);
      g_assert_nonnull (inner);
      g_assert_cmpuint (json_object_get_size (inner), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (inner, inner_key), ==, value2);
      g_assert_cmpstr (json_object_get_string_member (inner, "s"), ==, "t");
      g_assert_cmpstr (json_object_get_string_member (object, "short"), ==, value);
      g_assert_cmpstr (json_object_get_string_member (object, escaped_key), ==, escaped_value);
      assert_identical (_nexor_json_document_get_root (document), theirs);
    }

  {
    /* Long duplicate keys: the last still wins. */
    g_autofree char *key = g_strnfill (400, 'd');
    g_autofree char *json = g_strdup_printf ("{\"%s\":1,\"%s\":2}", key, key);
    g_autoptr(NexorJsonDocument) document = parse_ok (json, strlen (json));
    JsonObject *object = json_node_get_object (_nexor_json_document_get_root (document));

    g_assert_cmpuint (json_object_get_size (object), ==, 1);
    g_assert_cmpint (json_object_get_int_member (object, key), ==, 2);
  }
}

/* Spans. */

static void
check_spans (NexorJsonDocument *document,
             JsonNode          *node,
             guint             *n_objects)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      GBytes *bytes = _nexor_json_document_get_bytes (document);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) again = NULL;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gsize offset = G_MAXSIZE, length = G_MAXSIZE;

      g_assert_true (_nexor_json_document_get_span (document, object, &offset, &length));
      g_assert_cmpuint (length, >=, 2);
      g_assert_cmpuint (offset, <, size);
      g_assert_cmpuint (length, <=, size - offset);
      g_assert_cmpint (data[offset], ==, '{');
      g_assert_cmpint (data[offset + length - 1], ==, '}');

      again = _nexor_json_parse_span (bytes, offset, length, &error);
      g_assert_no_error (error);
      g_assert_nonnull (again);
      assert_identical (again, node);
      (*n_objects)++;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        check_spans (document, member, n_objects);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_spans (document, json_array_get_element (array, i), n_objects);
    }
}

static void
test_spans_fixtures (void)
{
  g_autofree char *dir_path = nexor_test_data_path (".");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0, n_objects = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(NexorJsonDocument) document = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      bytes = nexor_test_load_bytes (name);
      document = _nexor_json_document_parse (bytes, NULL);
      /* Fixtures of inputs that once crashed need not be JSON. */
      if (document == NULL)
        continue;
      check_spans (document, _nexor_json_document_get_root (document), &n_objects);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 10);
  g_assert_cmpuint (n_objects, >=, 50);
}

static void
test_spans_constructed (void)
{
  static const char *const texts[] = {
    "{}",
    "  {\"a\" : { } }  ",
    "[{\"a\":1},[{\"b\":{\"c\":{}}}],{\"s\":\"}{\\\"}\"}]",
    "{\"k\\u00e9\":{\"\\\"}\":\"{\"}}",
    "\r\n\t{\"é😀\":{\"v\":[1,2,{}]}}\n",
  };
  guint n_objects = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(NexorJsonDocument) document = parse_ok (texts[i], strlen (texts[i]));

      check_spans (document, _nexor_json_document_get_root (document), &n_objects);
    }
  g_assert_cmpuint (n_objects, ==, 13);

  {
    /* Offsets count from the first byte, byte order mark included. */
    static const char text[] = "\xef\xbb\xbf{\"a\":{\"b\":1}}";
    g_autoptr(NexorJsonDocument) document = parse_ok (text, sizeof text - 1);
    JsonObject *root = json_node_get_object (_nexor_json_document_get_root (document));
    JsonObject *inner = json_object_get_object_member (root, "a");
    gsize offset, length;

    g_assert_true (_nexor_json_document_get_span (document, root, &offset, &length));
    g_assert_cmpuint (offset, ==, 3);
    g_assert_cmpuint (length, ==, sizeof text - 1 - 3);
    g_assert_true (_nexor_json_document_get_span (document, inner, &offset, &length));
    g_assert_cmpuint (offset, ==, 8);
    g_assert_cmpuint (length, ==, 7);
    n_objects = 0;
    check_spans (document, _nexor_json_document_get_root (document), &n_objects);
    g_assert_cmpuint (n_objects, ==, 2);
  }

  {
    /* A span is read on its own, whatever surrounds it. */
    static const char text[] = "x[{\"a\":1}, 2]y";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = _nexor_json_parse_span (bytes, 1, 12, &error);
    g_autoptr(JsonNode) expected = parse_json_glib ("[{\"a\":1},2]", 11);

    g_assert_no_error (error);
    assert_identical (node, expected);
    g_clear_pointer (&node, json_node_unref);

    node = _nexor_json_parse_span (bytes, 0, 13, &error);
    g_assert_null (node);
    assert_where (error, 1, 1);
  }
}

static void
test_spans_foreign (void)
{
  g_autoptr(NexorJsonDocument) document = parse_ok ("{\"a\":{}}", 8);
  g_autoptr(NexorJsonDocument) other = parse_ok ("{\"a\":{}}", 8);
  g_autoptr(JsonObject) fresh = json_object_new ();
  JsonObject *other_root = json_node_get_object (_nexor_json_document_get_root (other));
  gsize offset = 77, length = 77;

  g_assert_false (_nexor_json_document_get_span (document, fresh, &offset, &length));
  g_assert_false (_nexor_json_document_get_span (document, other_root, &offset, &length));
  g_assert_false (_nexor_json_document_get_span (document, json_object_get_object_member (other_root, "a"),
                                                 &offset, &length));
  g_assert_cmpuint (offset, ==, 77);
  g_assert_cmpuint (length, ==, 77);
}

/* Of duplicate members only the last stays in the tree: the objects of
 * the others are freed while the document is read, and an object that
 * takes their memory later is not part of the document either. */
static void
test_spans_replaced (void)
{
  static const char text[] = "{\"a\":{\"b\":{},\"c\":{}},\"d\":[{},{}],\"a\":1,\"d\":2}";
  g_autoptr(NexorJsonDocument) document = parse_ok (text, sizeof text - 1);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonObject *root = json_node_get_object (_nexor_json_document_get_root (document));
  gsize offset, length;

  /* Last wins... */
  g_assert_cmpint (json_object_get_int_member (root, "a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "d"), ==, 2);

  /* ...and the replaced members' objects were freed: their spans could be
   * found again under new objects at the same addresses, so a document with
   * duplicate members records none (resources then keep their trees). */
  g_assert_false (_nexor_json_document_get_span (document, root, &offset, &length));
  for (guint i = 0; i < 64; i++)
    {
      JsonObject *object = json_object_new ();

      g_ptr_array_add (fresh, object);
      g_assert_false (_nexor_json_document_get_span (document, object, &offset, &length));
    }
}

/* Ownership. */

static void
test_refcounting (void)
{
  static const char text[] = "{\"a\":[1,{\"b\":2}]}";
  GBytes *bytes = g_bytes_new (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  NexorJsonDocument *document = _nexor_json_document_parse (bytes, &error);
  g_autoptr(JsonNode) expected = parse_json_glib (text, sizeof text - 1);
  JsonNode *root;
  JsonObject *inner;
  gsize offset, length;

  g_assert_no_error (error);
  g_assert_true (_nexor_json_document_get_bytes (document) == bytes);

  /* The document keeps the bytes alive. */
  g_bytes_unref (bytes);
  bytes = _nexor_json_document_get_bytes (document);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, sizeof text - 1);

  g_assert_true (_nexor_json_document_ref (document) == document);
  _nexor_json_document_unref (document);

  root = _nexor_json_document_get_root (document);
  g_assert_true (_nexor_json_document_get_root (document) == root);
  assert_identical (root, expected);

  /* A ref on the root outlives the document, spans do not need the tree. */
  root = json_node_ref (root);
  inner = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "a"), 1);
  g_assert_true (_nexor_json_document_get_span (document, inner, &offset, &length));
  g_assert_cmpuint (offset, ==, 8);
  g_assert_cmpuint (length, ==, 7);

  _nexor_json_document_ref (document);
  _nexor_json_document_unref (document);
  _nexor_json_document_unref (document);

  assert_identical (root, expected);
  json_node_unref (root);

  {
    /* The entry point responses take seals what it hands out. */
    g_autoptr(GBytes) again = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(JsonNode) sealed = _nexor_json_parse_bytes (again, &error);

    g_assert_no_error (error);
    g_assert_true (json_node_is_immutable (sealed));
    assert_identical (sealed, expected);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (accepted_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-document/accepted/%s", accepted_cases[i].name);

      g_test_add_data_func (path, &accepted_cases[i], test_accepted);
    }
  g_test_add_func ("/json-document/accepted-values", test_accepted_values);
  g_test_add_func ("/json-document/numbers", test_numbers);

  for (gsize i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-document/refused/%s", refused_cases[i].name);

      g_test_add_data_func (path, &refused_cases[i], test_refused);
    }
  g_test_add_func ("/json-document/refused-empty", test_refused_empty);
  g_test_add_func ("/json-document/truncated", test_truncated);
  g_test_add_func ("/json-document/depth", test_depth);
  g_test_add_func ("/json-document/depth-huge", test_depth_huge);
  g_test_add_func ("/json-document/long-strings", test_long_strings);
  g_test_add_func ("/json-document/long-keys", test_long_keys);
  g_test_add_func ("/json-document/spans/fixtures", test_spans_fixtures);
  g_test_add_func ("/json-document/spans/constructed", test_spans_constructed);
  g_test_add_func ("/json-document/spans/foreign", test_spans_foreign);
  g_test_add_func ("/json-document/spans/replaced", test_spans_replaced);
  g_test_add_func ("/json-document/refcounting", test_refcounting);

  return g_test_run ();
}
