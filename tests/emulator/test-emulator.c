/* test-emulator.c: the emulator's HTTP behaviour, driven by a plain SoupSession
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Most tests run the emulator on its own thread (NexorEmulatorThread) and
 * talk to it from the main thread; the ones about main-context behaviour run
 * it in-process on the test's own main context.
 */

#include <string.h>

#ifdef __linux__
# include <arpa/inet.h>
# include <linux/inet_diag.h>
# include <linux/netlink.h>
# include <linux/sock_diag.h>
# include <netinet/in.h>
# include <sys/socket.h>
# include <unistd.h>
#endif

#include <gio/gio.h>

#include "emulator-fixture.h"
#include "nexor-emulator-fault.h"
#include "nexor-emulator-json.h"
#include "nexor-emulator-store.h"

#define KEY NEXOR_EMULATOR_DEFAULT_API_KEY

#define SEED_LEAD_ID      "123e4567-e89b-12d3-a456-426614174000"
#define NULLS_LEAD_ID     "3430cf98-7b04-4d40-8f4d-02428acf28ba"
#define LEGACY_LEAD_ID    "2f552d00-1a7b-471a-81f0-1d52dc1406b3"
#define TAKEOVER_LEAD_ID  "499596e2-f464-458a-ac61-601ac9e73455"
#define CHEN_LEAD_ID      "ed798fc4-92d4-4f19-9c90-19426829d6df"
#define GONZALEZ_LEAD_ID  "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
#define HERRERA_LEAD_ID   "a27f4786-b9dd-4177-a4d3-bfe4c2411b9b"
#define UNKNOWN_LEAD_ID   "00000000-0000-4000-8000-000000000000"

#define MISSING_KEY_BODY \
  "{\"error\": \"Missing API key\", \"message\": \"Please provide your API key in the X-API-Key header\"}"
#define INVALID_KEY_BODY \
  "{\"error\": \"Invalid API key\", \"message\": \"The provided API key is not valid\"}"
#define LEAD_NOT_FOUND_BODY \
  "{\"error\":\"Not found\",\"message\":\"Lead not found or does not belong to your account\"}"
#define ROUTE_NOT_FOUND_BODY \
  "{\"error\":\"Not found\",\"message\":\"Route not found\"}"
#define METHOD_NOT_ALLOWED_BODY \
  "{\"error\":\"Method not allowed\"}"

/* Client side helpers */

typedef struct {
  SoupMessage *msg;
  GBytes *body;
  GError *error;
  gboolean done;
  gint64 finished_at;
} Response;

static void
response_free (Response *response)
{
  g_clear_object (&response->msg);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_error (&response->error);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Response *response = user_data;

  response->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                      &response->error);
  response->finished_at = g_get_monotonic_time ();
  response->done = TRUE;
}

static Response *
start_request (SoupSession  *session,
               const char   *method,
               const char   *url,
               const char   *api_key,
               const char   *body,
               GCancellable *cancellable)
{
  Response *response = g_new0 (Response, 1);

  response->msg = soup_message_new (method, url);
  g_assert_nonnull (response->msg);

  if (api_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (response->msg),
                                  "X-API-Key", api_key);

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (response->msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (session, response->msg, G_PRIORITY_DEFAULT,
                                    cancellable, send_cb, response);
  return response;
}

static void
wait_for (Response *response)
{
  while (!response->done)
    g_main_context_iteration (NULL, TRUE);
}

static Response *
request (SoupSession *session,
         const char  *method,
         const char  *url,
         const char  *api_key,
         const char  *body)
{
  Response *response = start_request (session, method, url, api_key, body, NULL);

  wait_for (response);
  g_assert_no_error (response->error);

  return response;
}

static guint
response_status (Response *response)
{
  return soup_message_get_status (response->msg);
}

static const char *
response_header (Response   *response,
                 const char *name)
{
  return soup_message_headers_get_one (soup_message_get_response_headers (response->msg), name);
}

static JsonNode *
response_json (Response *response)
{
  gsize length;
  const char *data = g_bytes_get_data (response->body, &length);

  g_assert_cmpstr (response_header (response, "Content-Type"), ==, "application/json");

  return emulator_test_parse_json (data, (gssize) length);
}

static void
assert_json_equal (JsonNode   *actual,
                   const char *expected_text)
{
  g_autoptr(JsonNode) expected = emulator_test_parse_json (expected_text, -1);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *text = json_to_string (actual, FALSE);
      g_test_message ("expected %s, got %s", expected_text, text);
      g_test_fail ();
    }
}

static void
assert_response (Response   *response,
                 guint       status,
                 const char *expected_body)
{
  g_autoptr(JsonNode) body = NULL;

  g_assert_cmpuint (response_status (response), ==, status);
  body = response_json (response);
  assert_json_equal (body, expected_body);
}

static char *
data_file_path (const char *name)
{
  const char *dir = g_getenv ("NEXOR_TEST_DATA_DIR");

  if (dir != NULL)
    return g_build_filename (dir, name, NULL);

  if (g_getenv ("G_TEST_SRCDIR") != NULL)
    return g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_build_filename (NEXOR_TEST_DATA_DIR_DEFAULT, name, NULL);
}

static JsonNode *
load_data_file (const char *name)
{
  g_autofree char *path = data_file_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return emulator_test_parse_json (contents, (gssize) length);
}

/* The member names of an object, sorted, joined with ','. */
static char *
member_names (JsonObject *object)
{
  g_autoptr(GList) names = json_object_get_members (object);
  g_autoptr(GString) joined = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? "," : "", (char *) l->data);

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
assert_same_members (JsonObject *actual,
                     JsonObject *expected)
{
  g_autofree char *actual_names = member_names (actual);
  g_autofree char *expected_names = member_names (expected);

  g_assert_cmpstr (actual_names, ==, expected_names);
}

/* Lets the main context run for @ms, without blocking it. */
static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Fixture: the emulator on its own thread */

typedef EmulatorFixture Fixture;

static char *
url_for (Fixture    *fixture,
         const char *path)
{
  return g_strconcat (fixture->base_url, path, NULL);
}

static Response *
get (Fixture    *fixture,
     const char *path,
     const char *api_key)
{
  g_autofree char *url = url_for (fixture, path);

  return request (fixture->session, "GET", url, api_key, NULL);
}

/* Get Lead */

static void
test_get_lead_seed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  g_autoptr(JsonNode) expected = load_data_file ("get-lead-page.json");
  g_autoptr(JsonNode) body = NULL;

  g_assert_cmpuint (response_status (response), ==, 200);
  body = response_json (response);
  g_assert_true (json_node_equal (body, expected));

  /* Numbers are written the way the service writes them, not json-glib's
   * seventeen digits. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (response->body, NULL),
                                  (gssize) g_bytes_get_size (response->body),
                                  "\"confidence\":0.95,"));
}

static void
test_get_lead_legacy (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Response) response = get (fixture, "/leads/" LEGACY_LEAD_ID, KEY);
  g_autoptr(JsonNode) reference = load_data_file ("get-lead-legacy.json");
  g_autoptr(JsonNode) body = NULL;
  JsonObject *lead;
  JsonObject *expected;

  g_assert_cmpuint (response_status (response), ==, 200);
  body = response_json (response);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (body));

  lead = json_node_get_object (body);
  expected = json_node_get_object (reference);

  /* The bare legacy object: no envelope, no variables, no tags. */
  assert_same_members (lead, expected);
  g_assert_false (json_object_has_member (lead, "success"));
  g_assert_false (json_object_has_member (lead, "variables"));
  g_assert_cmpstr (json_object_get_string_member (lead, "id"), ==, LEGACY_LEAD_ID);

  assert_same_members (json_object_get_object_member (lead, "activeWorkflowRun"),
                       json_object_get_object_member (expected, "activeWorkflowRun"));
  assert_same_members (json_object_get_object_member (lead, "workflow"),
                       json_object_get_object_member (expected, "workflow"));
  assert_same_members (json_object_get_object_member (lead, "currentStatus"),
                       json_object_get_object_member (expected, "currentStatus"));
  assert_same_members (json_object_get_object_member (lead, "assigned_user"),
                       json_object_get_object_member (expected, "assigned_user"));
  assert_same_members (json_object_get_object_member (lead, "campaign"),
                       json_object_get_object_member (expected, "campaign"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (
                   json_object_get_object_member (lead, "currentStatus"), "color"), "#"));
}

static void
test_get_lead_id_case (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *upper = g_ascii_strup (SEED_LEAD_ID, -1);
  g_autofree char *path = g_strconcat ("/leads/", upper, NULL);
  g_autoptr(Response) response = get (fixture, path, KEY);
  g_autoptr(JsonNode) body = NULL;

  g_assert_cmpuint (response_status (response), ==, 200);
  body = response_json (response);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_node_get_object (body), "lead"), "id"),
                   ==, SEED_LEAD_ID);
}

static JsonObject *
get_current_lead (Fixture    *fixture,
                  const char *id,
                  JsonNode  **out_body)
{
  g_autofree char *path = g_strconcat ("/leads/", id, NULL);
  g_autoptr(Response) response = get (fixture, path, KEY);
  JsonObject *root;

  g_assert_cmpuint (response_status (response), ==, 200);
  *out_body = response_json (response);
  root = json_node_get_object (*out_body);
  g_assert_true (json_object_get_boolean_member (root, "success"));
  g_assert_true (json_object_has_member (root, "variables"));

  return json_object_get_object_member (root, "lead");
}

static void
test_get_lead_seed_variety (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const nullable[] = { "last_name", "email", "phone", "company",
                                           "title", "campaign", "active_workflow_run" };
  static const char * const ordinary[] = { CHEN_LEAD_ID, GONZALEZ_LEAD_ID, HERRERA_LEAD_ID };
  g_autoptr(JsonNode) body = NULL;
  JsonObject *lead;
  JsonObject *run;
  gboolean saw_string = FALSE, saw_number = FALSE, saw_boolean = FALSE, saw_tag = FALSE;

  /* Nulls everywhere. */
  lead = get_current_lead (fixture, NULLS_LEAD_ID, &body);
  for (guint i = 0; i < G_N_ELEMENTS (nullable); i++)
    g_assert_true (json_object_get_null_member (lead, nullable[i]));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (lead, "metadata")), ==, 0);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (
                      json_node_get_object (body), "variables")), ==, 0);
  g_clear_pointer (&body, json_node_unref);

  /* Human takeover. */
  lead = get_current_lead (fixture, TAKEOVER_LEAD_ID, &body);
  run = json_object_get_object_member (lead, "active_workflow_run");
  g_assert_true (json_object_get_boolean_member (run, "human_takeover"));
  g_assert_cmpstr (json_object_get_string_member (run, "cadence_state"), ==, "paused");
  g_clear_pointer (&body, json_node_unref);

  /* Ordinary leads: tags {id,name,slug}, variables of several JSON types. */
  for (guint i = 0; i < G_N_ELEMENTS (ordinary); i++)
    {
      JsonArray *tags;
      JsonObject *variables;
      g_autoptr(GList) values = NULL;

      lead = get_current_lead (fixture, ordinary[i], &body);
      tags = json_object_get_array_member (lead, "tags");
      for (guint t = 0; t < json_array_get_length (tags); t++)
        {
          g_autofree char *names = member_names (json_array_get_object_element (tags, t));
          g_assert_cmpstr (names, ==, "id,name,slug");
          saw_tag = TRUE;
        }

      variables = json_object_get_object_member (json_node_get_object (body), "variables");
      values = json_object_get_values (variables);
      for (GList *l = values; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (json_node_get_object (l->data), "value");
          GType type = json_node_get_value_type (value);

          saw_string |= type == G_TYPE_STRING;
          saw_number |= type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
          saw_boolean |= type == G_TYPE_BOOLEAN;
        }

      g_clear_pointer (&body, json_node_unref);
    }

  g_assert_true (saw_tag);
  g_assert_true (saw_string);
  g_assert_true (saw_number);
  g_assert_true (saw_boolean);
}

/* Authentication */

static void
test_auth_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID, NULL);

  assert_response (response, 401, MISSING_KEY_BODY);
}

static void
test_auth_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID, "");

  assert_response (response, 401, MISSING_KEY_BODY);
}

static void
test_auth_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID, "nxr_live_not_a_key");

  assert_response (response, 401, INVALID_KEY_BODY);
}

static void
test_auth_before_routing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Response) unknown = get (fixture, "/no/such/route", NULL);
  g_autoptr(Response) wrong_method = NULL;
  g_autofree char *url = url_for (fixture, "/leads/" SEED_LEAD_ID);

  assert_response (unknown, 401, MISSING_KEY_BODY);

  wrong_method = request (fixture->session, "DELETE", url, "nxr_live_wrong", NULL);
  assert_response (wrong_method, 401, INVALID_KEY_BODY);
}

static void
test_auth_custom_keys (void)
{
  static const char * const keys[] = { "nxr_live_first", "nxr_live_second", NULL };
  g_autoptr(NexorEmulator) emulator = nexor_emulator_new (keys);
  g_autoptr(SoupSession) session = emulator_test_new_session ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;

  nexor_emulator_listen_local (emulator, 0, &error);
  g_assert_no_error (error);
  base_url = nexor_emulator_dup_base_url (emulator);
  url = g_strconcat (base_url, "/leads/" SEED_LEAD_ID, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(Response) response = request (session, "GET", url, keys[i], NULL);
      g_assert_cmpuint (response_status (response), ==, 200);
    }

  {
    g_autoptr(Response) response = request (session, "GET", url, KEY, NULL);
    assert_response (response, 401, INVALID_KEY_BODY);
  }

  g_clear_object (&session);
  g_clear_object (&emulator);
  emulator_test_drain_main_context ();
}

/* Routing */

static void
test_not_found_unknown_id (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(Response) response = get (fixture, "/leads/" UNKNOWN_LEAD_ID, KEY);

  assert_response (response, 404, LEAD_NOT_FOUND_BODY);
}

static void
test_not_found_malformed_id (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const ids[] = {
    "not-a-uuid",
    "%2F",                                          /* an encoded '/' is not a separator */
    "a%2Fb",
    "%2E%2E%2F" SEED_LEAD_ID,
    "%00",
    "%2541",                                        /* decoded once only: "%41" */
    SEED_LEAD_ID "%00",
    SEED_LEAD_ID "0",
    "%7B" SEED_LEAD_ID "%7D",
    "%C3%28",                                       /* not UTF-8 */
    "123e4567-e89b-12d3-a456_426614174000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *path = g_strconcat ("/leads/", ids[i], NULL);
      g_autoptr(Response) response = get (fixture, path, KEY);

      g_test_message ("id %s", ids[i]);
      assert_response (response, 404, LEAD_NOT_FOUND_BODY);
    }
}

static void
test_not_found_dot_segments (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Dot segments, plain or encoded, are resolved before routing (RFC 3986
   * §5.2.4): "leads/.." is the base path itself, which is no route. */
  static const char * const paths[] = { "/leads/..", "/leads/%2E%2E", "/leads/.", "/leads/../.." };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Response) response = get (fixture, paths[i], KEY);
      g_autoptr(JsonNode) body = NULL;

      g_test_message ("path %s", paths[i]);
      g_assert_cmpuint (response_status (response), ==, 404);
      body = response_json (response);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "error"),
                       ==, "Not found");
    }
}

static void
test_not_found_route (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const paths[] = {
    "", "/", "/leads/", "/lead/" SEED_LEAD_ID, "/leads/" SEED_LEAD_ID "/",
    "/leads/" SEED_LEAD_ID "/nope", "/leads//" SEED_LEAD_ID, "/%6Ceads%2F" SEED_LEAD_ID,
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Response) response = get (fixture, paths[i], KEY);

      g_test_message ("path %s", paths[i]);
      assert_response (response, 404, ROUTE_NOT_FOUND_BODY);
    }

  /* Outside the base path altogether. */
  {
    g_autofree char *origin = g_strndup (fixture->base_url,
                                         strlen (fixture->base_url) - strlen ("/api/public"));
    g_autofree char *url = g_strconcat (origin, "/api/private/leads/" SEED_LEAD_ID, NULL);
    g_autoptr(Response) response = request (fixture->session, "GET", url, KEY, NULL);

    assert_response (response, 404, ROUTE_NOT_FOUND_BODY);
  }
}

static void
test_method_not_allowed (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const methods[] = { "POST", "DELETE", "OPTIONS" };
  g_autofree char *url = url_for (fixture, "/leads/" SEED_LEAD_ID);

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(Response) response = request (fixture->session, methods[i], url, KEY,
                                              "{\"first_name\":\"Ana\"}");

      g_test_message ("method %s", methods[i]);
      assert_response (response, 405, METHOD_NOT_ALLOWED_BODY);
      g_assert_cmpstr (response_header (response, "Allow"), ==, "GET, PUT, PATCH");
    }

  /* Routes of the lead desk list their own methods. */
  {
    g_autofree char *tags = url_for (fixture, "/tags/" UNKNOWN_LEAD_ID);
    g_autoptr(Response) response = request (fixture->session, "GET", tags, KEY, NULL);

    assert_response (response, 405, METHOD_NOT_ALLOWED_BODY);
    g_assert_cmpstr (response_header (response, "Allow"), ==, "PUT, DELETE");
  }

  /* Even for an id that does not exist: the route exists. */
  {
    g_autofree char *other = url_for (fixture, "/leads/" UNKNOWN_LEAD_ID);
    g_autoptr(Response) response = request (fixture->session, "DELETE", other, KEY, NULL);

    assert_response (response, 405, METHOD_NOT_ALLOWED_BODY);
  }
}

/* Delays */

/* Waits, without measuring time, until the emulator holds @count responses
 * back; the test's own timeout ends it if that never happens. */
static void
wait_for_held (Fixture *fixture,
               guint    count)
{
  while (nexor_emulator_get_held_count (fixture->emulator) < count)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
test_delay_parallel (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "/leads/" SEED_LEAD_ID);
  g_autoptr(Response) first = NULL;
  g_autoptr(Response) second = NULL;
  g_autoptr(Response) timed = NULL;
  guint wake;
  gint64 start;

  /* Served side by side, not one after the other: with a delay longer than
   * any test, both responses are held back at once, and only released by
   * the test. (Timing the pair instead failed on a slow machine, where a
   * second TLS handshake alone can outlast the delay.) The emulator may run
   * in another thread: a timer keeps this context waking up to look. */
  wake = g_timeout_add (10, wake_cb, NULL);
  nexor_emulator_set_response_delay (fixture->emulator, 600000);
  first = start_request (fixture->session, "GET", url, KEY, NULL, NULL);
  second = start_request (fixture->session, "GET", url, KEY, NULL, NULL);
  wait_for_held (fixture, 2);
  g_assert_false (first->done);
  g_assert_false (second->done);

  nexor_emulator_set_response_delay (fixture->emulator, 0);
  nexor_emulator_release_held (fixture->emulator);
  wait_for (first);
  wait_for (second);
  g_source_remove (wake);
  g_assert_no_error (first->error);
  g_assert_no_error (second->error);
  g_assert_cmpuint (response_status (first), ==, 200);
  g_assert_cmpuint (response_status (second), ==, 200);
  g_assert_cmpuint (nexor_emulator_get_held_count (fixture->emulator), ==, 0);

  /* The delay is a lower bound, which a busy machine only lengthens. */
  nexor_emulator_set_response_delay (fixture->emulator, 300);
  start = g_get_monotonic_time ();
  timed = start_request (fixture->session, "GET", url, KEY, NULL, NULL);
  wait_for (timed);
  g_assert_no_error (timed->error);
  g_assert_cmpint ((timed->finished_at - start) / 1000, >=, 290);

  nexor_emulator_set_response_delay (fixture->emulator, 0);
  {
    g_autoptr(Response) fast = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
    g_assert_cmpuint (response_status (fast), ==, 200);
  }
}

static void
test_delay_does_not_block (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "/leads/" SEED_LEAD_ID);
  g_autoptr(Response) slow = NULL;
  g_autoptr(Response) fast = NULL;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  /* Held back until the test releases it, however slow the machine. */
  nexor_emulator_push_fault (fixture->emulator, "delay=600000");
  slow = start_request (fixture->session, "GET", url, KEY, NULL, NULL);
  wait_for_held (fixture, 1);

  fast = start_request (fixture->session, "GET", url, KEY, NULL, NULL);
  wait_for (fast);
  g_assert_no_error (fast->error);
  g_assert_false (slow->done);
  g_assert_cmpuint (response_status (fast), ==, 200);

  nexor_emulator_release_held (fixture->emulator);
  wait_for (slow);
  g_source_remove (wake);
  g_assert_no_error (slow->error);
  g_assert_cmpuint (response_status (slow), ==, 200);
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* With the emulator in the test's own main context, a blocking sleep would
 * freeze everything else in it; a timer does not. */
static void
test_delay_in_process (void)
{
  g_autoptr(NexorEmulator) emulator = nexor_emulator_new (NULL);
  g_autoptr(SoupSession) session = emulator_test_new_session ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Response) response = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;
  gboolean ticked = FALSE;
  gint64 start;

  nexor_emulator_listen_local (emulator, 0, &error);
  g_assert_no_error (error);
  base_url = nexor_emulator_dup_base_url (emulator);
  url = g_strconcat (base_url, "/leads/" SEED_LEAD_ID, NULL);

  nexor_emulator_set_response_delay (emulator, 300);
  start = g_get_monotonic_time ();
  response = start_request (session, "GET", url, KEY, NULL, NULL);
  g_timeout_add (50, flag_cb, &ticked);

  /* The emulator's own context is this one: the timer must fire while the
   * response is still held back. */
  while (!ticked)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (response->done);

  g_assert_true (ticked);
  wait_for (response);
  g_assert_no_error (response->error);
  g_assert_cmpuint (response_status (response), ==, 200);
  g_assert_cmpint (response->finished_at - start, >=, 290 * 1000);

  g_clear_object (&session);
  g_clear_object (&emulator);
  emulator_test_drain_main_context ();
}

static void
test_delay_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "/leads/" SEED_LEAD_ID);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(Response) cancelled = NULL;
  g_autoptr(Response) after = NULL;

  nexor_emulator_set_response_delay (fixture->emulator, 300);
  cancelled = start_request (fixture->session, "GET", url, KEY, NULL, cancellable);

  while (nexor_emulator_get_request_count (fixture->emulator) < 1)
    g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  wait_for (cancelled);
  g_assert_error (cancelled->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The timer of the abandoned response fires into a closed connection. */
  spin_for (400);

  nexor_emulator_set_response_delay (fixture->emulator, 0);
  after = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  g_assert_cmpuint (response_status (after), ==, 200);
  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 2);
}

/* Disposing of the emulator while a response is held back. */
static void
test_delay_dispose_pending (void)
{
  g_autoptr(NexorEmulator) emulator = nexor_emulator_new (NULL);
  g_autoptr(SoupSession) session = emulator_test_new_session ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Response) response = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;

  nexor_emulator_listen_local (emulator, 0, &error);
  g_assert_no_error (error);
  base_url = nexor_emulator_dup_base_url (emulator);
  url = g_strconcat (base_url, "/leads/" SEED_LEAD_ID, NULL);

  nexor_emulator_set_response_delay (emulator, 5000);
  response = start_request (session, "GET", url, KEY, NULL, NULL);
  while (nexor_emulator_get_request_count (emulator) < 1)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&emulator);
  wait_for (response);
  g_assert_nonnull (response->error);

  g_clear_object (&session);
  emulator_test_drain_main_context ();
}

/* Request log */

static void
test_request_log (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) last = NULL;
  JsonObject *headers;

  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 0);
  g_assert_null (nexor_emulator_dup_last_request (fixture->emulator));

  {
    g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID "?verbose=true", KEY);
    g_assert_cmpuint (response_status (response), ==, 200);
  }

  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 1);
  last = nexor_emulator_dup_last_request (fixture->emulator);
  g_assert_nonnull (last);
  g_assert_cmpstr (json_object_get_string_member (last, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (last, "path"), ==,
                   "/api/public/leads/" SEED_LEAD_ID);
  g_assert_cmpstr (json_object_get_string_member (last, "query"), ==, "verbose=true");
  g_assert_true (json_object_get_null_member (last, "body"));
  headers = json_object_get_object_member (last, "headers");
  g_assert_cmpstr (json_object_get_string_member (headers, "X-API-Key"), ==, KEY);
  g_assert_true (json_object_has_member (headers, "Host"));
  g_clear_pointer (&last, json_object_unref);

  /* Rejected requests count too, and bodies are kept. */
  {
    g_autoptr(Response) missing = get (fixture, "/nowhere", NULL);
    g_autofree char *url = url_for (fixture, "/leads/" SEED_LEAD_ID);
    g_autoptr(Response) posted = request (fixture->session, "POST", url, KEY,
                                          "{\"first_name\":\"Ana\",\"note\":\"ñandú\"}");

    g_assert_cmpuint (response_status (missing), ==, 401);
    g_assert_cmpuint (response_status (posted), ==, 405);
  }

  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 3);
  last = nexor_emulator_dup_last_request (fixture->emulator);
  g_assert_cmpstr (json_object_get_string_member (last, "method"), ==, "POST");
  g_assert_true (json_object_get_null_member (last, "query"));
  g_assert_cmpstr (json_object_get_string_member (last, "body"), ==,
                   "{\"first_name\":\"Ana\",\"note\":\"ñandú\"}");
  headers = json_object_get_object_member (last, "headers");
  g_assert_cmpstr (json_object_get_string_member (headers, "Content-Type"), ==,
                   "application/json");

  /* A copy: changing it changes nothing in the emulator. */
  json_object_set_string_member (last, "method", "CHANGED");
  {
    g_autoptr(JsonObject) again = nexor_emulator_dup_last_request (fixture->emulator);
    g_assert_cmpstr (json_object_get_string_member (again, "method"), ==, "POST");
  }
}

/* Faults */

static void
test_fault_status (Fixture       *fixture,
                   gconstpointer  data)
{
  nexor_emulator_push_fault (fixture->emulator, "status=500");
  nexor_emulator_push_fault (fixture->emulator, "status=503");

  {
    g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
    assert_response (response, 500, "{\"error\":\"Internal server error\"}");
    g_assert_null (response_header (response, "Retry-After"));
  }
  {
    g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
    assert_response (response, 503, "{\"error\":\"Service unavailable\"}");
  }
  {
    /* The queue is empty again. */
    g_autoptr(Response) response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
    g_assert_cmpuint (response_status (response), ==, 200);
  }
}

static void
test_fault_rate_limited (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(Response) response = NULL;

  nexor_emulator_push_fault (fixture->emulator, "status=429;retry-after=2");
  response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  assert_response (response, 429, "{\"error\":\"Too many requests\"}");
  g_assert_cmpstr (response_header (response, "Retry-After"), ==, "2");
}

static void
test_fault_html (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Response) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  nexor_emulator_push_fault (fixture->emulator, "html");
  response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);

  g_assert_cmpuint (response_status (response), ==, 200);
  g_assert_true (g_str_has_prefix (response_header (response, "Content-Type"), "text/html"));
  text = g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>"));
  g_assert_false (json_parser_load_from_data (parser, text, -1, NULL));
}

static void
test_fault_truncated (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Response) full = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  g_autoptr(Response) cut = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize full_length;
  gsize cut_length;
  const char *full_data = g_bytes_get_data (full->body, &full_length);
  const char *cut_data;

  nexor_emulator_push_fault (fixture->emulator, "truncated");
  cut = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  cut_data = g_bytes_get_data (cut->body, &cut_length);

  g_assert_cmpuint (response_status (cut), ==, 200);
  g_assert_cmpstr (response_header (cut, "Content-Type"), ==, "application/json");
  g_assert_cmpuint (cut_length, ==, full_length / 2);
  g_assert_cmpint (memcmp (cut_data, full_data, cut_length), ==, 0);
  g_assert_cmpint (cut_data[0], ==, '{');

  g_assert_false (json_parser_load_from_data (parser, cut_data, (gssize) cut_length, &error));
  g_assert_nonnull (error);
}

static void
test_fault_delay (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Response) response = NULL;
  gint64 start;

  nexor_emulator_push_fault (fixture->emulator, "delay=300");
  start = g_get_monotonic_time ();
  response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  g_assert_cmpuint (response_status (response), ==, 200);
  g_assert_cmpint (response->finished_at - start, >=, 290 * 1000);

  /* Combined with a status. */
  nexor_emulator_push_fault (fixture->emulator, "status=503; delay=200");
  start = g_get_monotonic_time ();
  g_clear_pointer (&response, response_free);
  response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  g_assert_cmpuint (response_status (response), ==, 503);
  g_assert_cmpint (response->finished_at - start, >=, 190 * 1000);
}

static void
test_fault_invalid_ignored (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const invalid[] = {
    "", "bogus", "status", "status=", "status=abc", "status=200", "status=700",
    "status=500;status=503", "retry-after=2", "html;retry-after=2", "html=1",
    "delay=-1", "delay=1e3", "html;truncated", "status=500;bogus=1",
  };
  g_autoptr(Response) response = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    nexor_emulator_push_fault (fixture->emulator, invalid[i]);

  response = get (fixture, "/leads/" SEED_LEAD_ID, KEY);
  g_assert_cmpuint (response_status (response), ==, 200);
}

static void
test_fault_before_auth (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Response) response = NULL;

  /* Like a proxy in front of the service: it answers whatever the key. */
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  response = get (fixture, "/leads/" SEED_LEAD_ID, NULL);
  assert_response (response, 503, "{\"error\":\"Service unavailable\"}");
  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, 1);
}

static void
test_fault_parser (void)
{
  struct {
    const char *spec;
    NexorEmulatorFaultKind kind;
    guint status;
    gint retry_after;
    guint delay_ms;
  } valid[] = {
    { "status=500", NEXOR_EMULATOR_FAULT_STATUS, 500, -1, 0 },
    { "status=429;retry-after=2", NEXOR_EMULATOR_FAULT_STATUS, 429, 2, 0 },
    { " retry-after = 0 ; status = 429 ", NEXOR_EMULATOR_FAULT_STATUS, 429, 0, 0 },
    { "html", NEXOR_EMULATOR_FAULT_HTML, 0, -1, 0 },
    { "truncated;delay=10", NEXOR_EMULATOR_FAULT_TRUNCATED, 0, -1, 10 },
    { "delay=250", NEXOR_EMULATOR_FAULT_NONE, 0, -1, 250 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorEmulatorFault) fault = nexor_emulator_fault_parse (valid[i].spec, &error);

      g_test_message ("fault %s", valid[i].spec);
      g_assert_no_error (error);
      g_assert_cmpint (fault->kind, ==, valid[i].kind);
      g_assert_cmpuint (fault->status, ==, valid[i].status);
      g_assert_cmpint (fault->retry_after, ==, valid[i].retry_after);
      g_assert_cmpuint (fault->delay_ms, ==, valid[i].delay_ms);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorEmulatorFault) fault = nexor_emulator_fault_parse ("status=5xx", &error);

    g_assert_null (fault);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

/* The transport faults: how an answer travels, not what it says. */
static void
test_fault_parser_transport (void)
{
  static const char * const invalid[] = {
    "huge=0", "huge=1025", "huge;truncated", "trickle=0", "chunk=10", "trickle=5;chunk=0",
    "reset;trickle=5", "reset;chunked", "reset=1", "chunked=yes", "content-type=",
    "content-type=nothing", "content-type=text/html\r\nX-Evil: 1", "retry-after-date=5",
    "status=429;retry-after=1;retry-after-date=1", "delay=1;delay=2", "\xff",
    "body", "body=", "body=e30", "body=e30=x", "body=e3!=", "body=====", "body=e30=;html",
    "status=503;body=e30=",
    "drop=1", "drop;status=500", "drop;html", "drop;trickle=5", "drop;chunked", "drop;close-idle",
    "drop;content-type=text/html", "close-idle=x", "close-idle=-1", "close-idle=600001",
    "close-idle;reset", "close-idle;close-idle=5",
    "keep-alive-timeout", "keep-alive-timeout=x", "keep-alive-timeout=-1", "keep-alive-timeout=86401",
    "drop;keep-alive-timeout=5",
    "no-close-notify", "no-close-notify=1", "status=500;no-close-notify", "close-idle;no-close-notify",
  };
  g_autoptr(NexorEmulatorFault) huge = NULL;
  g_autoptr(NexorEmulatorFault) body = NULL;
  g_autoptr(NexorEmulatorFault) all = NULL;
  g_autoptr(NexorEmulatorFault) dated = NULL;
  g_autoptr(GError) error = NULL;

  huge = nexor_emulator_fault_parse ("huge", &error);
  g_assert_no_error (error);
  g_assert_cmpint (huge->kind, ==, NEXOR_EMULATOR_FAULT_HUGE);
  g_assert_cmpuint (huge->huge_mib, ==, 40);

  all = nexor_emulator_fault_parse ("huge=2; trickle=5; chunk=100; chunked; content-type=text/html; delay=7",
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->huge_mib, ==, 2);
  g_assert_cmpuint (all->trickle_ms, ==, 5);
  g_assert_cmpuint (all->chunk_size, ==, 100);
  g_assert_true (all->chunked);
  g_assert_false (all->reset);
  g_assert_cmpstr (all->content_type, ==, "text/html");
  g_assert_cmpuint (all->delay_ms, ==, 7);

  /* Whatever bytes a test needs, answered exactly. */
  body = nexor_emulator_fault_parse ("body=eyJhIjpbXX0=;delay=3", &error);
  g_assert_no_error (error);
  g_assert_cmpint (body->kind, ==, NEXOR_EMULATOR_FAULT_BODY);
  g_assert_true (nexor_emulator_fault_answers (body));
  g_assert_cmpmem (g_bytes_get_data (body->body, NULL), g_bytes_get_size (body->body), "{\"a\":[]}", 8);
  g_assert_cmpuint (body->delay_ms, ==, 3);

  dated = nexor_emulator_fault_parse ("status=503;retry-after-date=30;reset", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dated->retry_after, ==, -1);
  g_assert_cmpint (dated->retry_after_date, ==, 30);
  g_assert_true (dated->reset);
  g_assert_cmpstr (dated->spec, ==, "status=503;retry-after-date=30;reset");

  /* The connection faults of the keep-alive tests. */
  {
    g_autoptr(NexorEmulatorFault) plain = nexor_emulator_fault_parse ("status=503", &error);
    g_autoptr(NexorEmulatorFault) idle = nexor_emulator_fault_parse ("close-idle", &error);
    g_autoptr(NexorEmulatorFault) later = nexor_emulator_fault_parse ("status=500;close-idle=250", &error);
    g_autoptr(NexorEmulatorFault) drop = nexor_emulator_fault_parse ("drop;reset;delay=4", &error);
    g_autoptr(NexorEmulatorFault) unclean = nexor_emulator_fault_parse ("drop;no-close-notify", &error);
    g_autoptr(NexorEmulatorFault) cut = nexor_emulator_fault_parse ("reset;no-close-notify", &error);

    g_assert_no_error (error);
    g_assert_cmpint (plain->close_idle_ms, ==, -1);
    g_assert_false (plain->drop);
    g_assert_cmpint (idle->close_idle_ms, ==, 0);
    g_assert_cmpint (idle->kind, ==, NEXOR_EMULATOR_FAULT_NONE);
    g_assert_cmpint (later->close_idle_ms, ==, 250);
    g_assert_true (drop->drop);
    g_assert_true (drop->reset);
    g_assert_cmpuint (drop->delay_ms, ==, 4);
    g_assert_false (nexor_emulator_fault_answers (drop));
    g_assert_false (drop->no_close_notify);
    g_assert_true (unclean->drop);
    g_assert_false (unclean->reset);
    g_assert_true (unclean->no_close_notify);
    g_assert_true (cut->reset);
    g_assert_true (cut->no_close_notify);
  }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(NexorEmulatorFault) fault = nexor_emulator_fault_parse (invalid[i], &error);
      g_autofree char *shown = g_strescape (invalid[i], NULL);

      /* Escaped: a TAP line must stay valid UTF-8. */
      g_test_message ("invalid fault %s", shown);
      g_assert_null (fault);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }
}

/* Lifecycle */

static void
test_listen (void)
{
  g_autoptr(NexorEmulator) emulator = nexor_emulator_new (NULL);
  g_autoptr(NexorEmulator) second = nexor_emulator_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *port_text = NULL;
  guint port;

  g_assert_cmpuint (nexor_emulator_get_port (emulator), ==, 0);
  g_assert_null (nexor_emulator_dup_base_url (emulator));

  g_assert_true (nexor_emulator_listen_local (emulator, 0, &error));
  g_assert_no_error (error);
  port = nexor_emulator_get_port (emulator);
  g_assert_cmpuint (port, >, 0);

  base_url = nexor_emulator_dup_base_url (emulator);
  expected = g_strdup_printf ("http://127.0.0.1:%u/api/public", port);
  g_assert_cmpstr (base_url, ==, expected);

  /* The same port again is busy. */
  g_assert_false (nexor_emulator_listen_local (second, port, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE);
  port_text = g_strdup_printf ("127.0.0.1:%u", port);
  g_assert_nonnull (strstr (error->message, port_text));
  g_assert_cmpuint (nexor_emulator_get_port (second), ==, 0);

  g_clear_object (&second);
  g_clear_object (&emulator);
  emulator_test_drain_main_context ();
}

#ifdef __linux__
/* The accept backlog the kernel keeps for the socket listening on
 * 127.0.0.1:@port (what `ss -ltn` shows as Send-Q), read with sock_diag. */
static guint
listen_backlog (guint port)
{
  struct {
    struct nlmsghdr header;
    struct inet_diag_req_v2 request;
  } query = { 0, };
  char buffer[16384];
  int fd;
  gint64 backlog = -1;
  gboolean done = FALSE;

  fd = socket (AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  g_assert_cmpint (fd, >=, 0);

  query.header.nlmsg_len = sizeof query;
  query.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  query.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  query.request.sdiag_family = AF_INET;
  query.request.sdiag_protocol = IPPROTO_TCP;
  query.request.idiag_states = 1 << 10;  /* TCP_LISTEN */
  g_assert_cmpint (send (fd, &query, sizeof query, 0), ==, (ssize_t) sizeof query);

  while (!done)
    {
      ssize_t n = recv (fd, buffer, sizeof buffer, 0);
      struct nlmsghdr *header = (struct nlmsghdr *) buffer;

      g_assert_cmpint (n, >, 0);
      for (; NLMSG_OK (header, (size_t) n); header = NLMSG_NEXT (header, n))
        {
          const struct inet_diag_msg *message = NLMSG_DATA (header);

          g_assert_cmpint (header->nlmsg_type, !=, NLMSG_ERROR);
          if (header->nlmsg_type == NLMSG_DONE)
            {
              done = TRUE;
              break;
            }
          /* For a listening socket, wqueue is the backlog it was given. */
          if (ntohs (message->id.idiag_sport) == port)
            backlog = message->idiag_wqueue;
        }
    }

  close (fd);
  g_assert_cmpint (backlog, >=, 0);
  return (guint) backlog;
}
#endif

/* With GSocket's default backlog of 10, connections a client opened at once
 * overflowed the accept queue of an emulator slowed by a busy machine; the
 * kernel then reset some of them (SYN cookies that a request's second
 * segment fails), so one of 1,000 concurrent creates of the load test got
 * "Connection reset by peer". */
static void
test_listen_backlog (void)
{
#ifdef __linux__
  g_autoptr(NexorEmulator) emulator = nexor_emulator_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 somaxconn = 4096;

  /* The kernel caps every backlog at net.core.somaxconn. */
  if (g_file_get_contents ("/proc/sys/net/core/somaxconn", &text, NULL, NULL))
    somaxconn = g_ascii_strtoull (text, NULL, 10);

  g_assert_true (nexor_emulator_listen_local (emulator, 0, &error));
  g_assert_no_error (error);

  /* Far above the 64 connections one client opens at most. */
  g_assert_cmpuint (listen_backlog (nexor_emulator_get_port (emulator)), >=, MIN (somaxconn, 1024));

  g_clear_object (&emulator);
  emulator_test_drain_main_context ();
#else
  g_test_skip ("sock_diag is Linux only");
#endif
}

static void
test_thread_start_stop (void)
{
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      NexorEmulatorThread *thread = nexor_emulator_thread_start (&error);
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (thread);
      g_assert_nonnull (nexor_emulator_thread_get_emulator (thread));

      expected = g_strdup_printf ("http://127.0.0.1:%u/api/public",
                                  nexor_emulator_get_port (nexor_emulator_thread_get_emulator (thread)));
      g_assert_cmpstr (nexor_emulator_thread_get_base_url (thread), ==, expected);

      /* Stopping right away, and after serving a request. */
      if (i % 2 == 1)
        {
          g_autoptr(SoupSession) session = emulator_test_new_session ();
          g_autofree char *url = g_strconcat (expected, "/leads/" SEED_LEAD_ID, NULL);
          g_autoptr(Response) response = request (session, "GET", url, KEY, NULL);

          g_assert_cmpuint (response_status (response), ==, 200);
        }

      emulator_test_drain_main_context ();
      nexor_emulator_thread_stop (thread);
    }
}

/* Stopping while a response is still held back. */
static void
test_thread_stop_pending (void)
{
  g_autoptr(GError) error = NULL;
  NexorEmulatorThread *thread = nexor_emulator_thread_start (&error);
  g_autoptr(SoupSession) session = emulator_test_new_session ();
  g_autofree char *url = NULL;
  g_autoptr(Response) response = NULL;

  g_assert_no_error (error);
  url = g_strconcat (nexor_emulator_thread_get_base_url (thread), "/leads/" SEED_LEAD_ID, NULL);

  nexor_emulator_set_response_delay (nexor_emulator_thread_get_emulator (thread), 5000);
  response = start_request (session, "GET", url, KEY, NULL, NULL);
  while (nexor_emulator_get_request_count (nexor_emulator_thread_get_emulator (thread)) < 1)
    g_main_context_iteration (NULL, FALSE);

  nexor_emulator_thread_stop (thread);
  wait_for (response);
  g_assert_nonnull (response->error);

  g_clear_object (&session);
  emulator_test_drain_main_context ();
}

/* Store */

/* Whatever a state file holds, the message that refuses it is one line of
 * UTF-8 of a bounded length: it is printed, logged and put in JSON. */
static void
assert_error_message_quotable (const GError *error)
{
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 1024);
  for (const char *p = error->message; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

static void
test_store_load (void)
{
  struct {
    const char *data;
    gboolean valid;
  } cases[] = {
    { "{}", TRUE },
    { "{\"leads\": []}", TRUE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}}]}", TRUE },
    { "[]", FALSE },
    { "{\"leads\": {}}", FALSE },
    { "{\"leads\": [1]}", FALSE },
    { "{\"leads\": [{}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"nope\"}}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": 5}}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"shape\": \"old\"}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"variables\": []}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}},"
                   "{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}}]}", FALSE },
    { "{\"leads\": [", FALSE },
    /* Relations are stored by id and must resolve. */
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"tag_ids\": [\"" UNKNOWN_LEAD_ID "\"]}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"campaign_id\": \"nope\"}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"runs\": [{\"id\": \"r\", \"workflow_id\": \"w\"}]}]}", FALSE },
    { "{\"workflows\": [{\"id\": \"w\", \"name\": \"W\"}],"
      " \"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"runs\": [{\"id\": \"r\", \"workflow_id\": \"W\"}]}]}", TRUE },
    { "{\"workflows\": [{\"id\": \"w\", \"name\": \"W\"}],"
      " \"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"runs\": [{\"id\": \"r\", \"workflow_id\": \"w\"},"
      " {\"id\": \"s\", \"workflow_id\": \"w\"}]}]}", FALSE },
    { "{\"workflows\": [{\"id\": \"w\", \"name\": \"W\"}],"
      " \"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"runs\": [{\"id\": \"r\", \"workflow_id\": \"w\", \"status_id\": \"x\"}]}]}", FALSE },
    { "{\"workflows\": [{\"id\": \"w\", \"name\": \"W\", \"steps\": [\"fax\"]}]}", FALSE },
    { "{\"workflows\": [{\"id\": \"w\", \"name\": \"W\", \"statuses\": [{\"id\": \"a\", \"key\": \"k\", \"label\": \"K\"},"
      " {\"id\": \"b\", \"key\": \"k\", \"label\": \"K\"}]}]}", FALSE },
    { "{\"tags\": [{\"id\": \"" SEED_LEAD_ID "\", \"name\": \"A\", \"slug\": \"a\"},"
      " {\"id\": \"" UNKNOWN_LEAD_ID "\", \"name\": \"B\", \"slug\": \"a\"}]}", FALSE },
    { "{\"tags\": [{\"id\": \"t1\", \"name\": \"A\", \"slug\": \"a\"}]}", FALSE },
    { "{\"team\": [{\"id\": \"u\", \"active\": \"yes\"}]}", FALSE },
    /* A typo is reported, not ignored; so is the Get Lead shape. */
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\", \"frist_name\": \"A\"}}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\", \"tags\": []}}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\", \"first_name\": 5}}]}", FALSE },
    { "{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\"}, \"history\": [{\"type\": \"activity\"}]}]}", FALSE },
  };
  g_autoptr(NexorEmulatorStore) store = nexor_emulator_store_new ();
  g_autoptr(GError) error = NULL;

  nexor_emulator_store_load_seed (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nexor_emulator_store_get_n_leads (store), ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NexorEmulatorStore) other = nexor_emulator_store_new ();
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      g_test_message ("data %s", cases[i].data);
      ok = nexor_emulator_store_load_data (other, cases[i].data, -1, &local_error);
      g_assert_cmpint (ok, ==, cases[i].valid);
      g_assert_true ((local_error == NULL) == cases[i].valid);
      if (local_error != NULL)
        assert_error_message_quotable (local_error);
    }

  /* A failed load leaves the content alone. */
  g_assert_false (nexor_emulator_store_load_data (store, "{\"leads\": [1]}", -1, NULL));
  g_assert_cmpuint (nexor_emulator_store_get_n_leads (store), ==, 7);
  g_assert_true (nexor_emulator_store_has_lead (store, SEED_LEAD_ID));
}

static void
test_store_load_error_quotes (void)
{
  g_autofree char *long_name = g_strnfill (100000, 'x');
  g_autofree char *long_number = g_strnfill (100000, '9');
  g_autofree char *long_slug = g_strnfill (100000, 's');
  g_autofree char *long_id = g_strnfill (100000, 'i');
  char *cases[] = {
    /* json-glib quotes the token before the error cut after a fixed number
     * of bytes: here inside the three bytes of “—”. */
    g_strdup ("{\"about\": \"aaaaaaaaaaaaaaaaaaaaaaaaaa\u00e9\u2014bbbb\" x}"),
    /* ... and with the escapes it decoded, control characters included. */
    g_strdup ("{\"about\": \"\\u001b[31m\\u0007\\n\" x}"),
    g_strdup_printf ("{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\", \"%s\": 1}}]}", long_name),
    g_strdup_printf ("{\"leads\": [{\"lead\": {\"id\": \"" SEED_LEAD_ID "\", \"frist_name\\u0007\": 1}}]}"),
    g_strdup_printf ("{\"n\": %s}", long_number),
    g_strdup_printf ("{\"tags\": [{\"id\": \"" SEED_LEAD_ID "\", \"name\": \"A\", \"slug\": \"%s\"},"
                     " {\"id\": \"" UNKNOWN_LEAD_ID "\", \"name\": \"B\", \"slug\": \"%s\"}]}", long_slug, long_slug),
    g_strdup_printf ("{\"team\": [{\"id\": \"%s\"}, {\"id\": \"%s\"}]}", long_id, long_id),
    NULL
  };

  for (guint i = 0; cases[i] != NULL; i++)
    {
      g_autoptr(NexorEmulatorStore) store = nexor_emulator_store_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (nexor_emulator_store_load_data (store, cases[i], -1, &error));
      assert_error_message_quotable (error);
    }

  for (guint i = 0; cases[i] != NULL; i++)
    g_free (cases[i]);
}

static void
test_quote (void)
{
  struct {
    const char *text;
    gssize length;
    guint max_chars;
    const char *quoted;
  } cases[] = {
    { "plain", -1, 64, "plain" },
    { "abcdef", -1, 3, "abc…" },
    { "abc", -1, 3, "abc" },
    /* Cut by characters, never inside one. */
    { "\xc3\xa9\xc3\xa9\xc3\xa9", -1, 2, "\xc3\xa9\xc3\xa9…" },
    { "a\xe2\x80", -1, 64, "a\xef\xbf\xbd\xef\xbf\xbd" },
    { "a\nb\x1b[0m\x7f", -1, 64, "a\\u000ab\\u001b[0m\\u007f" },
    { "a\0b", 3, 64, "a\xef\xbf\xbd" "b" },
    { NULL, -1, 64, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = nexor_emulator_quote (cases[i].text, cases[i].length, cases[i].max_chars);

      g_assert_cmpstr (quoted, ==, cases[i].quoted);
    }
}

static void
test_normalize_uuid (void)
{
  struct {
    const char *text;
    const char *normalized;
  } cases[] = {
    { SEED_LEAD_ID, SEED_LEAD_ID },
    { "123E4567-E89B-12D3-A456-426614174000", SEED_LEAD_ID },
    { "", NULL },
    { "..", NULL },
    { "123e4567e89b12d3a456426614174000", NULL },
    { "123e4567-e89b-12d3-a456-4266141740000", NULL },
    { "123e4567-e89b-12d3-a456-42661417400", NULL },
    { "g23e4567-e89b-12d3-a456-426614174000", NULL },
    { "123e4567-e89b-12d3-a456-426614174000\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = nexor_emulator_normalize_uuid (cases[i].text);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/emulator/" path, Fixture, NULL, emulator_fixture_setup, func, emulator_fixture_teardown)

  ADD ("get-lead/seed", test_get_lead_seed);
  ADD ("get-lead/legacy", test_get_lead_legacy);
  ADD ("get-lead/id-case", test_get_lead_id_case);
  ADD ("get-lead/seed-variety", test_get_lead_seed_variety);
  ADD ("auth/missing", test_auth_missing);
  ADD ("auth/empty", test_auth_empty);
  ADD ("auth/invalid", test_auth_invalid);
  ADD ("auth/before-routing", test_auth_before_routing);
  g_test_add_func ("/emulator/auth/custom-keys", test_auth_custom_keys);
  ADD ("not-found/unknown-id", test_not_found_unknown_id);
  ADD ("not-found/malformed-id", test_not_found_malformed_id);
  ADD ("not-found/dot-segments", test_not_found_dot_segments);
  ADD ("not-found/route", test_not_found_route);
  ADD ("method-not-allowed", test_method_not_allowed);
  ADD ("delay/parallel", test_delay_parallel);
  ADD ("delay/does-not-block", test_delay_does_not_block);
  g_test_add_func ("/emulator/delay/in-process", test_delay_in_process);
  ADD ("delay/cancelled", test_delay_cancelled);
  g_test_add_func ("/emulator/delay/dispose-pending", test_delay_dispose_pending);
  ADD ("request-log", test_request_log);
  ADD ("fault/status", test_fault_status);
  ADD ("fault/rate-limited", test_fault_rate_limited);
  ADD ("fault/html", test_fault_html);
  ADD ("fault/truncated", test_fault_truncated);
  ADD ("fault/delay", test_fault_delay);
  ADD ("fault/invalid-ignored", test_fault_invalid_ignored);
  ADD ("fault/before-auth", test_fault_before_auth);
  g_test_add_func ("/emulator/fault/parser", test_fault_parser);
  g_test_add_func ("/emulator/fault/parser-transport", test_fault_parser_transport);
  g_test_add_func ("/emulator/listen", test_listen);
  g_test_add_func ("/emulator/listen-backlog", test_listen_backlog);

  /* The same server over https, with the certificate it makes. */
#define ADD_TLS(path, func) \
  g_test_add ("/emulator/tls/" path, Fixture, EMULATOR_FIXTURE_TLS, emulator_fixture_setup, func, \
              emulator_fixture_teardown)

  ADD_TLS ("get-lead/seed", test_get_lead_seed);
  ADD_TLS ("auth/invalid", test_auth_invalid);
  ADD_TLS ("not-found/unknown-id", test_not_found_unknown_id);
  ADD_TLS ("request-log", test_request_log);
  ADD_TLS ("delay/parallel", test_delay_parallel);
  ADD_TLS ("delay/cancelled", test_delay_cancelled);
  ADD_TLS ("fault/status", test_fault_status);
  ADD_TLS ("fault/truncated", test_fault_truncated);
  ADD_TLS ("fault/html", test_fault_html);
#undef ADD_TLS
  g_test_add_func ("/emulator/thread/start-stop", test_thread_start_stop);
  g_test_add_func ("/emulator/thread/stop-pending", test_thread_stop_pending);
  g_test_add_func ("/emulator/store/load", test_store_load);
  g_test_add_func ("/emulator/store/load-error-quotes", test_store_load_error_quotes);
  g_test_add_func ("/emulator/quote", test_quote);
  g_test_add_func ("/emulator/store/normalize-uuid", test_normalize_uuid);

#undef ADD

  return g_test_run ();
}
