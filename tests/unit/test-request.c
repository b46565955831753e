/* test-request.c: request paths, id checks and query escaping
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"
#include "nexor-client-private.h"
#include "nexor-request-private.h"

#define LEAD_ID "123e4567-e89b-12d3-a456-426614174000"

/* 9. A valid id gives /leads/<uuid>. */
static void
test_id_segment_valid (void)
{
  g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
  g_autoptr(NexorRequest) upper = _nexor_request_new ("GET", NULL);
  g_autoptr(NexorRequest) history = _nexor_request_new ("GET", NULL);
  g_autofree char *path = NULL;
  g_autofree char *upper_path = NULL;
  g_autofree char *history_path = NULL;

  _nexor_request_add_segment (request, "leads");
  g_assert_true (_nexor_request_add_id_segment (request, "lead", LEAD_ID));
  g_assert_null (_nexor_request_get_error (request));
  path = _nexor_request_build_path (request);
  g_assert_cmpstr (path, ==, "/leads/" LEAD_ID);

  _nexor_request_add_segment (upper, "leads");
  g_assert_true (_nexor_request_add_id_segment (upper, "lead", "123E4567-E89B-12D3-A456-426614174000"));
  g_assert_null (_nexor_request_get_error (upper));
  upper_path = _nexor_request_build_path (upper);
  g_assert_cmpstr (upper_path, ==, "/leads/123E4567-E89B-12D3-A456-426614174000");

  _nexor_request_add_segment (history, "leads");
  g_assert_true (_nexor_request_add_id_segment (history, "lead", LEAD_ID));
  _nexor_request_add_segment (history, "history");
  _nexor_request_add_query (history, "limit", "50");
  history_path = _nexor_request_build_path (history);
  g_assert_cmpstr (history_path, ==, "/leads/" LEAD_ID "/history?limit=50");
}

/* A bad id sets the request's error; the path does not grow. */
static const char * const bad_ids[] = {
  "", "..", ".", "a/b", "uuid", "../../tags", "%2e%2e", "abc-123-uuid",
  LEAD_ID "/..", LEAD_ID "?x=1", LEAD_ID " ", " " LEAD_ID,
  "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g",
  "123e4567-e89b-12d3-a456-42661417400\xc3\xa9",
};

static void
assert_bad_id (const char *id,
               const char *needle)
{
  g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
  g_autofree char *path = NULL;
  const GError *error;

  _nexor_request_add_segment (request, "leads");
  g_assert_false (_nexor_request_add_id_segment (request, "lead", id));
  error = _nexor_request_get_error (request);
  g_assert_error ((GError *) error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  nexor_test_assert_message_has (error, "lead");
  if (needle != NULL)
    nexor_test_assert_message_has (error, needle);

  path = _nexor_request_build_path (request);
  g_assert_cmpstr (path, ==, "/leads");
}

static void
test_id_segment_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad_ids[i]);

      assert_bad_id (bad_ids[i], quoted);
    }

  assert_bad_id (NULL, "(not UTF-8 or missing)");
}

/* An id that is not UTF-8 never reaches the message as raw bytes. */
static void
test_id_segment_not_utf8 (void)
{
  static const char * const ids[] = {
    "\xff\xfe",
    "123e4567-e89b-12d3-a456-42661417\xff\xfe\xfd\xfc",
    "\xc3\x28/../tags",
    "caf\xe9",  /* Latin-1 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
      const GError *error;

      g_assert_false (_nexor_request_add_id_segment (request, "lead", ids[i]));
      error = _nexor_request_get_error (request);
      g_assert_error ((GError *) error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\xff'));
      nexor_test_assert_message_has (error, "(not UTF-8 or missing)");
    }
}

/* A long id is shortened in the message. */
static void
test_id_segment_long (void)
{
  g_autofree char *ascii = g_strnfill (100, 'a');
  g_autofree char *prefix = g_strnfill (64, 'a');
  g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
  const GError *error;

  g_assert_false (_nexor_request_add_id_segment (request, "lead", ascii));
  error = _nexor_request_get_error (request);
  g_assert_error ((GError *) error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  nexor_test_assert_message_has (error, prefix);
  nexor_test_assert_message_has (error, "…");
  g_assert_null (strstr (error->message, ascii));
}

/* Shortening a long UTF-8 id must not cut a character in two. */
static void
test_id_segment_long_utf8 (void)
{
  g_autoptr(GString) id = g_string_new ("a");
  g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
  const GError *error;

  /* 100 characters, 199 bytes: a cut by bytes at 64 would split an é. */
  for (guint i = 0; i < 99; i++)
    g_string_append (id, "\xc3\xa9");
  g_assert_true (g_utf8_validate (id->str, -1, NULL));

  g_assert_false (_nexor_request_add_id_segment (request, "lead", id->str));
  error = _nexor_request_get_error (request);
  g_assert_error ((GError *) error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);

  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      g_test_message ("message: %s", escaped);
      g_test_fail_printf ("%s", "regression: _nexor_request_add_id_segment() shortens the id with "
                         "%.64s, which counts bytes and cuts a UTF-8 character in two");
      return;
    }

  nexor_test_assert_message_has (error, "…");
}

/* The first failed check is the one reported. */
static void
test_first_error_wins (void)
{
  g_autoptr(NexorRequest) request = _nexor_request_new ("POST", NULL);
  const GError *error;

  _nexor_request_add_segment (request, "leads");
  g_assert_false (_nexor_request_add_id_segment (request, "lead", "first"));
  g_assert_false (_nexor_request_add_id_segment (request, "workflow", "second"));
  g_assert_true (_nexor_request_add_id_segment (request, "workflow", LEAD_ID));
  error = _nexor_request_get_error (request);
  nexor_test_assert_message_has (error, "“first”");
  g_assert_null (strstr (error->message, "second"));

  _nexor_request_take_error (request, g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_FAILED, "later"));
  g_assert_error ((GError *) _nexor_request_get_error (request), NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
}

/* Query names and values are percent-encoded. */
static void
test_query_escaping (void)
{
  static const struct {
    const char *name;
    const char *value;
    const char *encoded;
  } cases[] = {
    { "q", "plain", "q=plain" },
    { "q", "a b", "q=a%20b" },
    { "q", "a&b", "q=a%26b" },
    { "q", "a=b", "q=a%3Db" },
    { "q", "a+b", "q=a%2Bb" },
    { "q", "a/b?c#d%e", "q=a%2Fb%3Fc%23d%25e" },
    { "q", "Jos\xc3\xa9 \xc3\xb1", "q=Jos%C3%A9%20%C3%B1" },
    { "q", "\xf0\x9f\x98\x80", "q=%F0%9F%98%80" },
    { "q", "", "q=" },
    { "a b&c=d", "x", "a%20b%26c%3Dd=x" },
    { "status[]", "a", "status%5B%5D=a" },
    { "q", "line\nbreak\r\t", "q=line%0Abreak%0D%09" },
    { "q", "-_.~", "q=-_.~" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
      g_autofree char *path = NULL;
      g_autofree char *expected = g_strdup_printf ("/leads?%s", cases[i].encoded);

      _nexor_request_add_segment (request, "leads");
      _nexor_request_add_query (request, cases[i].name, cases[i].value);
      path = _nexor_request_build_path (request);
      g_assert_cmpstr (path, ==, expected);
    }

  {
    g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
    g_autofree char *path = NULL;

    _nexor_request_add_segment (request, "conversions");
    _nexor_request_add_query (request, "limit", "10");
    _nexor_request_add_query (request, "q", "x&y=z");
    _nexor_request_add_query (request, "limit", "20");
    path = _nexor_request_build_path (request);
    g_assert_cmpstr (path, ==, "/conversions?limit=10&q=x%26y%3Dz&limit=20");
  }
}

/* Plain segments are escaped too: they cannot add path levels. */
static void
test_segment_escaping (void)
{
  g_autoptr(NexorRequest) request = _nexor_request_new ("GET", NULL);
  g_autofree char *path = NULL;

  _nexor_request_add_segment (request, "a/b c");
  _nexor_request_add_segment (request, "..");
  _nexor_request_add_segment (request, "\xc3\xa9?#");
  path = _nexor_request_build_path (request);
  g_assert_cmpstr (path, ==, "/a%2Fb%20c/../%C3%A9%3F%23");
}

static void
test_method_and_body (void)
{
  g_autoptr(NexorRequest) get = _nexor_request_new ("GET", NULL);
  g_autoptr(NexorRequest) post = _nexor_request_new ("POST", NULL);
  g_autoptr(NexorRequest) put = _nexor_request_new ("PUT", NULL);
  g_autoptr(NexorRequest) patch = _nexor_request_new ("PATCH", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GBytes *body;
  gsize size = 0;
  const char *data;

  g_assert_cmpstr (_nexor_request_get_method (get), ==, "GET");
  g_assert_true (_nexor_request_get_idempotent (get));
  g_assert_true (_nexor_request_get_idempotent (put));
  g_assert_false (_nexor_request_get_idempotent (post));
  g_assert_false (_nexor_request_get_idempotent (patch));
  _nexor_request_set_idempotent (post, TRUE);
  g_assert_true (_nexor_request_get_idempotent (post));

  g_assert_null (_nexor_request_get_body (get));
  g_assert_true (json_parser_load_from_data (parser, "{\"first_name\":\"Jos\\u00e9\",\"n\":1}", -1, NULL));
  _nexor_request_take_body (post, json_node_copy (json_parser_get_root (parser)));
  body = _nexor_request_get_body (post);
  g_assert_nonnull (body);
  data = g_bytes_get_data (body, &size);
  g_assert_cmpmem (data, size, "{\"first_name\":\"Jos\xc3\xa9\",\"n\":1}", strlen ("{\"first_name\":\"Jos\xc3\xa9\",\"n\":1}"));

  /* A second body replaces the first. */
  g_assert_true (json_parser_load_from_data (parser, "[]", -1, NULL));
  _nexor_request_take_body (post, json_node_copy (json_parser_get_root (parser)));
  data = g_bytes_get_data (_nexor_request_get_body (post), &size);
  g_assert_cmpmem (data, size, "[]", 2);
}

/* Which requests may go on an idle keep-alive connection: all but a
 * request not safe to repeat whose method libsoup would send again by
 * itself when the reused connection fails. */
static void
test_connection_reuse (void)
{
  static const struct {
    const char *method;
    gboolean safe_to_repeat;
    gboolean may_reuse;
  } cases[] = {
    { "GET", TRUE, TRUE },
    { "POST", FALSE, TRUE },     /* create_lead, send_message: never re-sent by libsoup */
    { "POST", TRUE, TRUE },
    { "PATCH", FALSE, TRUE },
    { "PATCH", TRUE, TRUE },
    { "PUT", TRUE, TRUE },
    { "DELETE", TRUE, TRUE },
    { "PUT", FALSE, FALSE },     /* libsoup would re-send it itself */
    { "DELETE", FALSE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NexorRequest) request = _nexor_request_new (cases[i].method, NULL);

      _nexor_request_set_idempotent (request, cases[i].safe_to_repeat);
      g_assert_cmpint (_nexor_request_may_reuse_connection (request), ==, cases[i].may_reuse);
    }
}

/* The request hands the response to its parser. */
static void
test_parse (void)
{
  g_autoptr(NexorRequest) request = _nexor_request_new ("GET", (NexorResponseParser) _nexor_lead_new_from_response);
  g_autoptr(JsonNode) root = nexor_test_load_json ("get-lead-page.json");
  g_autoptr(JsonNode) bad = nexor_test_parse_string ("[]");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = _nexor_request_parse (request, root, NULL, &error);
  gpointer nothing;

  g_assert_no_error (error);
  g_assert_true (NEXOR_IS_LEAD (lead));
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, LEAD_ID);

  nothing = _nexor_request_parse (request, bad, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
}

/* Which transport failures of an attempt lead to another. Over https a
 * server that closed the connection under a request can surface as
 * G_TLS_ERROR_EOF (the session ended without close_notify): the same
 * failure as an end of file over plain http, and judged the same way. The
 * other TLS errors are refusals that no retry changes. */
static void
test_transport_failures (void)
{
  static const struct {
    GQuark (*domain) (void);
    int code;
    gboolean transient;
  } cases[] = {
    { g_io_error_quark, G_IO_ERROR_CONNECTION_CLOSED, TRUE },
    { g_io_error_quark, G_IO_ERROR_BROKEN_PIPE, TRUE },
    { g_io_error_quark, G_IO_ERROR_PARTIAL_INPUT, TRUE },
    { g_io_error_quark, G_IO_ERROR_TIMED_OUT, TRUE },
    { g_tls_error_quark, G_TLS_ERROR_EOF, TRUE },
    { g_tls_error_quark, G_TLS_ERROR_BAD_CERTIFICATE, FALSE },
    { g_tls_error_quark, G_TLS_ERROR_NOT_TLS, FALSE },
    { g_tls_error_quark, G_TLS_ERROR_HANDSHAKE, FALSE },
    { g_tls_error_quark, G_TLS_ERROR_CERTIFICATE_REQUIRED, FALSE },
    { g_tls_error_quark, G_TLS_ERROR_INAPPROPRIATE_FALLBACK, FALSE },
    { g_tls_error_quark, G_TLS_ERROR_MISC, FALSE },
    { g_tls_error_quark, G_TLS_ERROR_UNAVAILABLE, FALSE },
    { g_io_error_quark, G_IO_ERROR_NOT_FOUND, FALSE },
    { g_resolver_error_quark, G_RESOLVER_ERROR_NOT_FOUND, FALSE },
  };
  g_autoptr(GError) refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "refused");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain (), cases[i].code, "failure");

      g_test_message ("%s %d", g_quark_to_string (error->domain), error->code);
      /* Not written whole: the server cannot have acted on it. */
      g_assert_true (_nexor_transport_error_is_retryable (error, FALSE, FALSE) == cases[i].transient);
      g_assert_true (_nexor_transport_error_is_retryable (error, FALSE, TRUE) == cases[i].transient);
      /* Written: only an operation safe to repeat goes again. */
      g_assert_true (_nexor_transport_error_is_retryable (error, TRUE, TRUE) == cases[i].transient);
      g_assert_false (_nexor_transport_error_is_retryable (error, TRUE, FALSE));
    }

  /* A refused connection never carried the request. */
  g_assert_true (_nexor_transport_error_is_retryable (refused, TRUE, FALSE));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/request/id-segment/valid", test_id_segment_valid);
  g_test_add_func ("/request/id-segment/invalid", test_id_segment_invalid);
  g_test_add_func ("/request/id-segment/not-utf8", test_id_segment_not_utf8);
  g_test_add_func ("/request/id-segment/long", test_id_segment_long);
  g_test_add_func ("/request/id-segment/long-utf8", test_id_segment_long_utf8);
  g_test_add_func ("/request/first-error-wins", test_first_error_wins);
  g_test_add_func ("/request/query-escaping", test_query_escaping);
  g_test_add_func ("/request/segment-escaping", test_segment_escaping);
  g_test_add_func ("/request/method-and-body", test_method_and_body);
  g_test_add_func ("/request/connection-reuse", test_connection_reuse);
  g_test_add_func ("/request/transport-failures", test_transport_failures);
  g_test_add_func ("/request/parse", test_parse);

  return g_test_run ();
}
