/* test-emulator-webhooks.c: the emulator's webhook deliveries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Everything runs in this thread's default main context: the emulator, a
 * SoupServer receiver whose answers each test scripts, and an async
 * SoupSession for the API and admin calls. The tests wait for conditions
 * by iterating the context (with a generous guard against hangs), never
 * for a time, and the retry schedule is scaled down by 1,000 (60, 300 and
 * 1,800 ms). Signatures are checked against an HMAC-SHA256 the test
 * computes itself with GHmac over the raw body it received.
 */

#include <string.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

#include <glib/gstdio.h>

#include "emulator-fixture.h"
#include "nexor-emulator.h"
#include "nexor-emulator-tls.h"

#define KEY    NEXOR_EMULATOR_DEFAULT_API_KEY
#define SECRET "t0p-s3cret"
#define CARLOS "123e4567-e89b-12d3-a456-426614174000"
#define CHEN   "ed798fc4-92d4-4f19-9c90-19426829d6df"
#define SALES_PIPELINE "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define CLIENT_ID "c1e0a7d2-5b3f-4e8a-9d6c-2f4b8a1e7c30"

/* Nothing here takes long; this only turns a hang into a failure. */
#define WAIT_GUARD_US (60 * G_USEC_PER_SEC)

/* The receiver */

typedef struct {
  char *body;
  gsize length;
  char *signature;
  char *content_type;
} Received;

typedef struct {
  SoupServer *server;
  char *url;
  GPtrArray *received;      /* Received, in arrival order */
  GQueue script;            /* char *: "200", "500", "drop", "hold", … per request; then 200 */
  GPtrArray *held;          /* SoupServerMessage paused by "hold" */
} Receiver;

static void
received_free (Received *received)
{
  g_free (received->body);
  g_free (received->signature);
  g_free (received->content_type);
  g_free (received);
}

static void
receiver_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Receiver *receiver = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *action = g_queue_pop_head (&receiver->script);
  Received *received = g_new0 (Received, 1);

  received->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  received->length = g_bytes_get_size (body);
  received->signature = g_strdup (soup_message_headers_get_one (headers, "X-Nexor-Signature"));
  received->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  g_ptr_array_add (receiver->received, received);

  if (action == NULL)
    action = g_strdup ("200");

  if (g_str_equal (action, "drop"))
    {
      /* No answer at all: the connection closes under the request. */
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      return;
    }

  /* "hold" or "hold:STATUS": answered once the test releases it. */
  if (g_str_has_prefix (action, "hold"))
    {
      soup_server_message_set_status (msg, action[4] == ':' ? (guint) g_ascii_strtoull (action + 5, NULL, 10)
                                                            : SOUP_STATUS_OK, NULL);
      soup_server_message_pause (msg);
      g_ptr_array_add (receiver->held, g_object_ref (msg));
      return;
    }

  soup_server_message_set_status (msg, (guint) g_ascii_strtoull (action, NULL, 10), NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

/* @certificate: (nullable): serve https with it */
static Receiver *
receiver_new_full (GTlsCertificate *certificate)
{
  Receiver *receiver = g_new0 (Receiver, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  receiver->received = g_ptr_array_new_with_free_func ((GDestroyNotify) received_free);
  receiver->held = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&receiver->script);

  receiver->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (receiver->server, "/hook", receiver_cb, receiver, NULL);
  soup_server_listen_local (receiver->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (receiver->server);
  g_assert_nonnull (uris);
  receiver->url = g_strdup_printf ("%s://127.0.0.1:%d/hook", certificate != NULL ? "https" : "http",
                                   g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return receiver;
}

static Receiver *
receiver_new (void)
{
  return receiver_new_full (NULL);
}

static void
receiver_script (Receiver   *receiver,
                 const char *actions)
{
  g_auto(GStrv) list = g_strsplit (actions, ",", -1);

  for (guint i = 0; list[i] != NULL; i++)
    g_queue_push_tail (&receiver->script, g_strdup (list[i]));
}

static void
receiver_release_held (Receiver *receiver)
{
  for (guint i = 0; i < receiver->held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (receiver->held, i));
  g_ptr_array_set_size (receiver->held, 0);
}

static void
receiver_free (Receiver *receiver)
{
  receiver_release_held (receiver);
  soup_server_disconnect (receiver->server);
  g_object_unref (receiver->server);
  g_ptr_array_unref (receiver->received);
  g_ptr_array_unref (receiver->held);
  g_queue_clear_full (&receiver->script, g_free);
  g_free (receiver->url);
  g_free (receiver);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Receiver, receiver_free)

/* The fixture */

typedef struct {
  NexorEmulator *emulator;
  char *root;               /* http://127.0.0.1:PORT */
  SoupSession *session;
  guint wakeup_id;
} Fixture;

/* Wakes the waits below now and then, so that a delivery that never comes
 * fails the test at the guard instead of blocking it for ever. */
static gboolean
wakeup_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = nexor_emulator_new (NULL);
  nexor_emulator_set_webhook_retry_scale (fixture->emulator, 0.001);
  nexor_emulator_listen_local (fixture->emulator, 0, &error);
  g_assert_no_error (error);
  fixture->root = g_strdup_printf ("http://127.0.0.1:%u", nexor_emulator_get_port (fixture->emulator));
  fixture->session = emulator_test_new_session ();
  fixture->wakeup_id = g_timeout_add (250, wakeup_cb, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_handle_id (&fixture->wakeup_id, g_source_remove);
  g_clear_object (&fixture->session);
  emulator_test_drain_main_context ();
  g_clear_object (&fixture->emulator);
  emulator_test_drain_main_context ();
  g_free (fixture->root);
}

typedef struct {
  gboolean done;
  GBytes *body;
  GError *error;
} Call;

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;

  call->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &call->error);
  call->done = TRUE;
}

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_GUARD_US;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Starts a request; @path below the root; @body with ' for ". */
static SoupMessage *
start_call (Fixture    *fixture,
            const char *method,
            const char *path,
            const char *body,
            Call       *call)
{
  g_autofree char *url = g_strconcat (fixture->root, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  if (g_str_has_prefix (path, "/api/public/"))
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-API-Key", KEY);
  if (body != NULL)
    {
      g_autofree char *real = g_strdup (body);
      g_autoptr(GBytes) bytes = NULL;

      for (char *p = real; *p != '\0'; p++)
        if (*p == '\'')
          *p = '"';
      bytes = g_bytes_new_take (g_steal_pointer (&real), strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  memset (call, 0, sizeof *call);
  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, call_done_cb, call);
  return msg;
}

/* Answers the call's JSON body and checks its status. */
static JsonNode *
finish_call (SoupMessage *msg,
             Call        *call,
             guint        expected_status)
{
  JsonNode *answer;

  wait_for (&call->done);
  g_assert_no_error (call->error);
  if (soup_message_get_status (msg) != expected_status)
    g_error ("%s %s answered %u, not %u: %.*s", soup_message_get_method (msg),
             g_uri_get_path (soup_message_get_uri (msg)), soup_message_get_status (msg), expected_status,
             (int) g_bytes_get_size (call->body), (const char *) g_bytes_get_data (call->body, NULL));
  answer = emulator_test_parse_json (g_bytes_get_data (call->body, NULL), (gssize) g_bytes_get_size (call->body));
  g_bytes_unref (call->body);
  return answer;
}

static JsonNode *
call (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *body,
      guint       expected_status)
{
  Call state;
  g_autoptr(SoupMessage) msg = start_call (fixture, method, path, body, &state);

  return finish_call (msg, &state, expected_status);
}

static void
call_ok (Fixture    *fixture,
         const char *method,
         const char *path,
         const char *body,
         guint       expected_status)
{
  g_autoptr(JsonNode) answer = call (fixture, method, path, body, expected_status);
}

/* Subscribes @url; returns the webhook id. */
static char *
subscribe (Fixture    *fixture,
           const char *url,
           const char *events_json)
{
  g_autofree char *body = g_strdup_printf ("{'url': '%s', 'secret': '" SECRET "'%s%s}", url,
                                           events_json != NULL ? ", 'events': " : "",
                                           events_json != NULL ? events_json : "");
  g_autoptr(JsonNode) answer = call (fixture, "POST", "/_emulator/webhooks", body, 201);
  JsonObject *webhook = json_object_get_object_member (json_node_get_object (answer), "webhook");

  g_assert_cmpstr (json_object_get_string_member (webhook, "url"), ==, url);
  return g_strdup (json_object_get_string_member (webhook, "id"));
}

/* The delivery log, once nothing is pending any more. */
static JsonNode *
settled_log (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_GUARD_US;

  for (;;)
    {
      JsonNode *log = call (fixture, "GET", "/_emulator/webhooks/deliveries", NULL, 200);

      if (json_object_get_int_member (json_node_get_object (log), "pending") == 0)
        return log;
      json_node_unref (log);

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      /* Let a retry timer or a receiver run before asking again. */
      g_main_context_iteration (NULL, TRUE);
    }
}

static JsonArray *
log_entries (JsonNode *log)
{
  return json_object_get_array_member (json_node_get_object (log), "deliveries");
}

static void
wait_received (Receiver *receiver,
               guint     count)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_GUARD_US;

  while (receiver->received->len < count)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Checks a received delivery: signature, envelope; returns the parsed body. */
static JsonNode *
check_delivery (Received   *received,
                const char *webhook_id,
                const char *event_type,
                gboolean    test)
{
  g_autofree char *expected = NULL;
  g_autoptr(GRegex) millis = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$", 0, 0, NULL);
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) SECRET, strlen (SECRET));
  JsonNode *root;
  JsonObject *envelope;

  g_hmac_update (hmac, (const guchar *) received->body, (gssize) received->length);
  expected = g_strdup (g_hmac_get_string (hmac));
  g_assert_cmpstr (received->signature, ==, expected);
  g_assert_cmpstr (received->content_type, ==, "application/json");

  root = emulator_test_parse_json (received->body, (gssize) received->length);
  envelope = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (envelope), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (envelope, "event_type"), ==, event_type);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (envelope, "event_id")));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (envelope, "delivery_id")));
  g_assert_cmpstr (json_object_get_string_member (envelope, "webhook_id"), ==, webhook_id);
  g_assert_true (g_regex_match (millis, json_object_get_string_member (envelope, "timestamp"), 0, NULL));
  g_assert_cmpstr (json_object_get_string_member (envelope, "client_id"), ==, CLIENT_ID);
  g_assert_true (json_object_get_boolean_member (envelope, "test") == test);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (envelope, "data")));

  return root;
}

static JsonObject *
data_of (JsonNode *delivery)
{
  return json_object_get_object_member (json_node_get_object (delivery), "data");
}

static const char *
string_at (JsonObject *object,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i + 1] != NULL; i++)
    {
      g_assert_true (json_object_has_member (object, parts[i]));
      object = json_object_get_object_member (object, parts[i]);
      g_assert_nonnull (object);
    }

  g_assert_true (json_object_has_member (object, parts[g_strv_length (parts) - 1]));
  return json_object_get_string_member_with_default (object, parts[g_strv_length (parts) - 1], NULL);
}

static void
check_status_changed (JsonNode   *delivery,
                      const char *from_key,
                      const char *to_key,
                      const char *trigger_type,
                      gboolean    human_takeover)
{
  JsonObject *data = data_of (delivery);
  JsonObject *run = json_object_get_object_member (data, "workflow_run");
  JsonObject *lead = json_object_get_object_member (data, "lead");

  if (from_key != NULL)
    g_assert_cmpstr (string_at (data, "from_status.key"), ==, from_key);
  else
    g_assert_true (json_object_get_null_member (data, "from_status"));
  g_assert_cmpstr (string_at (data, "to_status.key"), ==, to_key);
  g_assert_nonnull (string_at (data, "to_status.label"));
  g_assert_nonnull (string_at (data, "to_status.category"));
  g_assert_cmpstr (string_at (data, "trigger_type"), ==, trigger_type);
  g_assert_cmpstr (string_at (data, "actor_type"), ==, "api");
  g_assert_cmpstr (json_object_get_string_member (lead, "id"), ==, CARLOS);
  g_assert_cmpstr (json_object_get_string_member (lead, "first_name"), ==, "Carlos");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (lead, "metadata")));
  g_assert_nonnull (string_at (data, "workflow.id"));
  g_assert_nonnull (string_at (data, "workflow.name"));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (run, "id")) ||
                 g_str_equal (json_object_get_string_member (run, "id"), "uuid"));
  g_assert_true (json_object_get_boolean_member (run, "human_takeover") == human_takeover);
}

static void
check_meeting_event (JsonNode   *delivery,
                     const char *meeting_id,
                     const char *status)
{
  static const char * const members[] = {
    "id", "title", "starts_at", "ends_at", "duration_minutes", "timezone", "location_type",
    "location_details", "meeting_url", "status", "source", "attendee_name", "attendee_email",
    "attendee_phone", "confirmed_by_lead", "cancelled_at", "cancellation_reason", "outcome_notes",
    "outcome_at", "no_show_reason", NULL
  };
  JsonObject *data = data_of (delivery);
  JsonObject *meeting = json_object_get_object_member (data, "meeting");

  for (guint i = 0; members[i] != NULL; i++)
    g_assert_true (json_object_has_member (meeting, members[i]));
  g_assert_cmpuint (json_object_get_size (meeting), ==, g_strv_length ((char **) members));
  g_assert_cmpstr (json_object_get_string_member (meeting, "id"), ==, meeting_id);
  g_assert_cmpstr (json_object_get_string_member (meeting, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (meeting, "starts_at"), ==, "2026-12-10T10:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (meeting, "ends_at"), ==, "2026-12-10T10:30:00.000Z");
  g_assert_cmpstr (string_at (data, "lead.id"), ==, CARLOS);
  g_assert_cmpstr (string_at (data, "lead.email"), ==, "carlos@example.com");
  g_assert_cmpstr (string_at (data, "host.first_name"), ==, "Pepper");
  g_assert_cmpstr (string_at (data, "host.last_name"), ==, "Potts");
  g_assert_cmpstr (string_at (data, "host.email"), ==, "pepper@starkindustries.com");
  g_assert_true (json_object_get_null_member (data, "meeting_type"));
  g_assert_cmpstr (string_at (data, "workflow.id"), ==, "uuid");
}

static char *
book_meeting (Fixture    *fixture,
              const char *event_id,
              const char *status,
              guint       expected_status)
{
  g_autofree char *body = g_strdup_printf ("{'lead_id': '" CARLOS "', 'title': 'Demo', "
                                           "'starts_at': '2026-12-10T10:00:00Z', 'duration_minutes': 30, "
                                           "'host_email': 'pepper@starkindustries.com', "
                                           "'external_calendar_provider': 'google', 'external_event_id': '%s', "
                                           "'status': '%s'}", event_id, status);
  g_autoptr(JsonNode) answer = call (fixture, "POST", "/api/public/meetings", body, expected_status);

  return g_strdup (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer),
                                                                                 "meeting"), "id"));
}

/* Every change that raises an event, one at a time; each delivery is
 * checked as it arrives. Repeats that change nothing raise none. */
static void
test_every_event (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *webhook_id = subscribe (fixture, receiver->url, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GHashTable) delivery_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) log = NULL;
  guint n = 0;

#define NEXT(type) \
  (wait_received (receiver, n + 1), \
   check_delivery (g_ptr_array_index (receiver->received, n++), webhook_id, type, FALSE))

  /* Human takeover and back: the status stays, the run changes. */
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/automation/stop", "{'workflow_id': 'uuid'}", 200);
  {
    g_autoptr(JsonNode) delivery = NEXT ("workflow_run.status_changed");

    check_status_changed (delivery, "contacted", "contacted", "automation_stopped", TRUE);
  }
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/automation/stop", "{'workflow_id': 'uuid'}", 200);
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/automation/resume", "{'workflow_id': 'uuid'}", 200);
  {
    g_autoptr(JsonNode) delivery = NEXT ("workflow_run.status_changed");

    check_status_changed (delivery, "contacted", "contacted", "automation_resumed", FALSE);
  }

  /* A status set; the same status again changes nothing. */
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'qualified', 'reason': 'budget ok'}", 200);
  {
    g_autoptr(JsonNode) delivery = NEXT ("workflow_run.status_changed");

    check_status_changed (delivery, "contacted", "qualified", "status_set", FALSE);
    g_assert_cmpstr (string_at (data_of (delivery), "reason"), ==, "budget ok");
    g_assert_cmpstr (string_at (data_of (delivery), "to_status.label"), ==, "Qualified");
  }
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'qualified'}", 200);

  /* Meetings: booked, confirmed by a replay, then the outcomes. */
  first = book_meeting (fixture, "wh-1", "scheduled", 201);
  {
    g_autoptr(JsonNode) delivery = NEXT ("meeting.scheduled");

    check_meeting_event (delivery, first, "scheduled");
  }
  g_free (book_meeting (fixture, "wh-1", "confirmed", 200));
  {
    g_autoptr(JsonNode) delivery = NEXT ("meeting.confirmed");

    check_meeting_event (delivery, first, "confirmed");
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (data_of (delivery), "meeting"),
                                                   "confirmed_by_lead"));
  }
  /* A replay that leaves the status alone is no event. */
  g_free (book_meeting (fixture, "wh-1", "confirmed", 200));

  {
    g_autofree char *path = g_strdup_printf ("/api/public/meetings/%s/complete", first);

    call_ok (fixture, "POST", path, "{'notes': 'went well'}", 200);
    {
      g_autoptr(JsonNode) delivery = NEXT ("meeting.completed");

      check_meeting_event (delivery, first, "completed");
      g_assert_cmpstr (string_at (data_of (delivery), "meeting.outcome_notes"), ==, "went well");
      g_assert_true (g_str_has_suffix (string_at (data_of (delivery), "meeting.outcome_at"), "Z"));
    }
    call_ok (fixture, "POST", path, "{}", 200);
  }

  second = book_meeting (fixture, "wh-2", "scheduled", 201);
  {
    g_autoptr(JsonNode) delivery = NEXT ("meeting.scheduled");
    g_autofree char *path = g_strdup_printf ("/api/public/meetings/%s/no-show", second);

    call_ok (fixture, "POST", path, "{'reason': 'lead_did_not_join'}", 200);
  }
  {
    g_autoptr(JsonNode) delivery = NEXT ("meeting.no_show");

    check_meeting_event (delivery, second, "no_show");
    g_assert_cmpstr (string_at (data_of (delivery), "meeting.no_show_reason"), ==, "lead_did_not_join");
  }

  /* Booked confirmed: both events (in flight together, so in either
   * order), each with the meeting as it is now. */
  third = book_meeting (fixture, "wh-3", "confirmed", 201);
  {
    g_autofree char *path = g_strdup_printf ("/api/public/meetings/%s/cancel", third);
    gboolean seen_scheduled = FALSE;
    gboolean seen_confirmed = FALSE;

    wait_received (receiver, n + 2);
    for (guint i = 0; i < 2; i++)
      {
        Received *received = g_ptr_array_index (receiver->received, n + i);
        g_autoptr(JsonNode) peek = emulator_test_parse_json (received->body, (gssize) received->length);
        const char *type = json_object_get_string_member (json_node_get_object (peek), "event_type");
        g_autoptr(JsonNode) delivery = check_delivery (received, webhook_id, type, FALSE);

        check_meeting_event (delivery, third, "confirmed");
        if (g_str_equal (type, "meeting.scheduled"))
          seen_scheduled = TRUE;
        else if (g_str_equal (type, "meeting.confirmed"))
          seen_confirmed = TRUE;
      }
    n += 2;
    g_assert_true (seen_scheduled && seen_confirmed);
    call_ok (fixture, "POST", path, "{'reason': 'client asked'}", 200);
  }
  {
    g_autoptr(JsonNode) delivery = NEXT ("meeting.cancelled");

    check_meeting_event (delivery, third, "cancelled");
    g_assert_cmpstr (string_at (data_of (delivery), "meeting.cancellation_reason"), ==, "client asked");
  }

  /* A reassignment ends one run and starts another. */
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/assign-workflow",
           "{'workflowId': '" SALES_PIPELINE "', 'reason': 'moved'}", 201);
  {
    g_autoptr(JsonNode) ended = NULL;
    g_autoptr(JsonNode) started = NULL;

    wait_received (receiver, n + 2);
    ended = check_delivery (g_ptr_array_index (receiver->received, n), webhook_id, "workflow_run.status_changed", FALSE);
    started = check_delivery (g_ptr_array_index (receiver->received, n + 1), webhook_id, "workflow_run.status_changed", FALSE);
    n += 2;

    /* Both are in flight together and may arrive in either order. */
    if (json_object_get_null_member (data_of (ended), "from_status"))
      {
        JsonNode *swap = ended;

        ended = started;
        started = swap;
      }
    check_status_changed (ended, "qualified", "qualified", "reassignment", FALSE);
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (data_of (ended), "workflow_run"),
                                                    "is_active"));
    g_assert_cmpstr (string_at (data_of (ended), "workflow_run.run_status"), ==, "transferred");
    check_status_changed (started, NULL, "new", "reassignment", FALSE);
    g_assert_cmpstr (string_at (data_of (started), "workflow.id"), ==, SALES_PIPELINE);
  }

  /* A lead created into a workflow is an enrollment. */
  call_ok (fixture, "POST", "/api/public/leads",
           "{'first_name': 'Nuevo', 'email': 'nuevo@example.com', 'phone': '+56911112222', 'workflow_id': '" SALES_PIPELINE "'}", 201);
  {
    g_autoptr(JsonNode) delivery = NEXT ("workflow_run.status_changed");
    JsonObject *event_data = data_of (delivery);

    g_assert_true (json_object_get_null_member (event_data, "from_status"));
    g_assert_cmpstr (string_at (event_data, "to_status.key"), ==, "new");
    g_assert_cmpstr (string_at (event_data, "trigger_type"), ==, "enrollment");
    g_assert_cmpstr (string_at (event_data, "lead.first_name"), ==, "Nuevo");
  }
#undef NEXT

  /* Nothing else came, and the log has one delivered attempt for each. */
  log = settled_log (fixture);
  g_assert_cmpuint (receiver->received->len, ==, n);
  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_array_get_object_element (log_entries (log), i);

      g_assert_cmpstr (json_object_get_string_member (entry, "outcome"), ==, "delivered");
      g_assert_cmpint (json_object_get_int_member (entry, "status"), ==, 200);
      g_assert_cmpint (json_object_get_int_member (entry, "attempt"), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (entry, "url"), ==, receiver->url);
      g_assert_true (json_object_get_null_member (entry, "error"));
      g_assert_false (g_hash_table_contains (delivery_ids, json_object_get_string_member (entry, "delivery_id")));
      g_hash_table_add (delivery_ids, (gpointer) json_object_get_string_member (entry, "delivery_id"));
    }
  for (guint i = 0; i < n; i++)
    {
      Received *received = g_ptr_array_index (receiver->received, i);
      g_autoptr(JsonNode) root = emulator_test_parse_json (received->body, (gssize) received->length);

      g_assert_true (g_hash_table_contains (delivery_ids,
                                            json_object_get_string_member (json_node_get_object (root), "delivery_id")));
    }
}

/* A subscription gets only the events of its filter; one event sent to
 * two subscriptions keeps its event_id and has a webhook_id each. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Receiver) everything = receiver_new ();
  g_autoptr(Receiver) cancels = receiver_new ();
  g_autofree char *all_id = subscribe (fixture, everything->url, NULL);
  g_autofree char *cancel_id = subscribe (fixture, cancels->url, "['meeting.cancelled', 'meeting.no_show']");
  g_autofree char *meeting = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  meeting = book_meeting (fixture, "filter-1", "scheduled", 201);
  path = g_strdup_printf ("/api/public/meetings/%s/cancel", meeting);
  call_ok (fixture, "POST", path, "{}", 200);

  log = settled_log (fixture);
  g_assert_cmpuint (everything->received->len, ==, 3);
  g_assert_cmpuint (cancels->received->len, ==, 1);
  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, 4);

  b = check_delivery (g_ptr_array_index (cancels->received, 0), cancel_id, "meeting.cancelled", FALSE);
  for (guint i = 0; i < everything->received->len && a == NULL; i++)
    {
      g_autoptr(JsonNode) candidate = emulator_test_parse_json (((Received *) g_ptr_array_index (everything->received, i))->body, -1);

      if (g_str_equal (json_object_get_string_member (json_node_get_object (candidate), "event_type"), "meeting.cancelled"))
        a = check_delivery (g_ptr_array_index (everything->received, i), all_id, "meeting.cancelled", FALSE);
    }
  g_assert_nonnull (a);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "event_id"), ==,
                   json_object_get_string_member (json_node_get_object (b), "event_id"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "delivery_id"), !=,
                   json_object_get_string_member (json_node_get_object (b), "delivery_id"));

  /* The log filters by subscription. */
  {
    g_autofree char *query = g_strdup_printf ("/_emulator/webhooks/deliveries?webhook_id=%s", cancel_id);
    g_autoptr(JsonNode) filtered = call (fixture, "GET", query, NULL, 200);

    g_assert_cmpuint (json_array_get_length (log_entries (filtered)), ==, 1);
  }
}

/* Checks that @receiver got @count attempts of one event, each signed,
 * with a delivery_id of its own, and that the log agrees. */
static void
check_attempts (Fixture            *fixture,
                Receiver           *receiver,
                const char         *webhook_id,
                const char * const *outcomes,
                const gint         *statuses)
{
  guint count = g_strv_length ((char **) outcomes);
  g_autoptr(JsonNode) log = settled_log (fixture);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  const char *event_id;
  const char *timestamp;
  static const gint64 retry_in[] = { 60, 300, 1800 };

  g_assert_cmpuint (receiver->received->len, ==, count);
  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, count);

  for (guint i = 0; i < count; i++)
    g_ptr_array_add (bodies, check_delivery (g_ptr_array_index (receiver->received, i), webhook_id,
                                             "workflow_run.status_changed", FALSE));

  event_id = json_object_get_string_member (json_node_get_object (bodies->pdata[0]), "event_id");
  timestamp = json_object_get_string_member (json_node_get_object (bodies->pdata[0]), "timestamp");
  for (guint i = 0; i < count; i++)
    {
      JsonObject *envelope = json_node_get_object (bodies->pdata[i]);
      JsonObject *entry = json_array_get_object_element (log_entries (log), i);

      g_assert_cmpstr (json_object_get_string_member (envelope, "event_id"), ==, event_id);
      g_assert_cmpstr (json_object_get_string_member (envelope, "timestamp"), ==, timestamp);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (json_object_get_string_member (envelope, "delivery_id"), !=,
                         json_object_get_string_member (json_node_get_object (bodies->pdata[j]), "delivery_id"));

      g_assert_cmpstr (json_object_get_string_member (entry, "delivery_id"), ==,
                       json_object_get_string_member (envelope, "delivery_id"));
      g_assert_cmpstr (json_object_get_string_member (entry, "event_id"), ==, event_id);
      g_assert_cmpstr (json_object_get_string_member (entry, "event_type"), ==, "workflow_run.status_changed");
      g_assert_cmpint (json_object_get_int_member (entry, "attempt"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (entry, "outcome"), ==, outcomes[i]);
      if (statuses[i] != 0)
        {
          g_assert_cmpint (json_object_get_int_member (entry, "status"), ==, statuses[i]);
          g_assert_true (json_object_get_null_member (entry, "error"));
        }
      else
        {
          g_assert_true (json_object_get_null_member (entry, "status"));
          g_assert_nonnull (json_object_get_string_member (entry, "error"));
        }
      if (g_str_equal (outcomes[i], "retrying"))
        g_assert_cmpint (json_object_get_int_member (entry, "retry_in_ms"), ==, retry_in[i]);
      else
        g_assert_true (json_object_get_null_member (entry, "retry_in_ms"));
    }
}

static void
test_retry_500_then_drop (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *webhook_id = subscribe (fixture, receiver->url, NULL);
  const char * const outcomes[] = { "retrying", "retrying", "delivered", NULL };
  const gint statuses[] = { 500, 0, 200 };

  receiver_script (receiver, "500,drop,200");
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  check_attempts (fixture, receiver, webhook_id, outcomes, statuses);
}

static void
test_retry_429_and_503 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *webhook_id = subscribe (fixture, receiver->url, NULL);
  const char * const outcomes[] = { "retrying", "retrying", "delivered", NULL };
  const gint statuses[] = { 429, 503, 204 };

  receiver_script (receiver, "429,503,204");
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  check_attempts (fixture, receiver, webhook_id, outcomes, statuses);
}

/* Any other 4xx is the receiver's final word. */
static void
test_no_retry_4xx (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *codes[] = { "400", "401", "404", "410" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(Receiver) receiver = receiver_new ();
      g_autofree char *webhook_id = subscribe (fixture, receiver->url, NULL);
      g_autofree char *path = g_strdup_printf ("/_emulator/webhooks/%s", webhook_id);
      const char * const outcomes[] = { "rejected", NULL };
      const gint statuses[] = { (gint) g_ascii_strtoll (codes[i], NULL, 10) };

      receiver_script (receiver, codes[i]);
      call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status",
               i % 2 == 0 ? "{'status_key': 'engaged'}" : "{'status_key': 'qualified'}", 200);
      check_attempts (fixture, receiver, webhook_id, outcomes, statuses);

      call_ok (fixture, "DELETE", path, NULL, 200);
      call_ok (fixture, "DELETE", "/_emulator/webhooks/deliveries", NULL, 200);
    }
}

/* Nothing listens: four attempts on the schedule, then given up. */
static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *webhook_id = NULL;
  g_autofree char *url = NULL;
  g_autoptr(JsonNode) log = NULL;

  /* A port bound but not listening refuses connections, and stays this
   * test's while the socket lives. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/hook", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  webhook_id = subscribe (fixture, url, NULL);

  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  log = settled_log (fixture);

  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *entry = json_array_get_object_element (log_entries (log), i);
      static const gint64 retry_in[] = { 60, 300, 1800 };

      g_assert_cmpint (json_object_get_int_member (entry, "attempt"), ==, i + 1);
      g_assert_true (json_object_get_null_member (entry, "status"));
      g_assert_nonnull (json_object_get_string_member (entry, "error"));
      g_assert_cmpstr (json_object_get_string_member (entry, "outcome"), ==, i < 3 ? "retrying" : "given_up");
      if (i < 3)
        g_assert_cmpint (json_object_get_int_member (entry, "retry_in_ms"), ==, retry_in[i]);
      g_assert_cmpstr (json_object_get_string_member (entry, "webhook_id"), ==, webhook_id);
      g_assert_cmpstr (json_object_get_string_member (entry, "event_id"), ==,
                       json_object_get_string_member (json_array_get_object_element (log_entries (log), 0), "event_id"));
    }
}

/* The dashboard's "Test" button: a test delivery whatever the filter. */
static void
test_test_route (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *webhook_id = subscribe (fixture, receiver->url, "['meeting.cancelled']");
  g_autofree char *path = g_strdup_printf ("/_emulator/webhooks/%s/test", webhook_id);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) log = NULL;

  answer = call (fixture, "POST", path, NULL, 202);
  wait_received (receiver, 1);
  first = check_delivery (g_ptr_array_index (receiver->received, 0), webhook_id, "workflow_run.status_changed", TRUE);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "event_id"), ==,
                   json_object_get_string_member (json_node_get_object (first), "event_id"));
  g_assert_cmpstr (string_at (data_of (first), "lead.id"), ==, CARLOS);
  g_assert_cmpstr (string_at (data_of (first), "to_status.key"), ==, "contacted");
  g_assert_cmpstr (string_at (data_of (first), "trigger_type"), ==, "test");
  g_clear_pointer (&answer, json_node_unref);

  answer = call (fixture, "POST", path, "{'event_type': 'meeting.no_show'}", 202);
  wait_received (receiver, 2);
  second = check_delivery (g_ptr_array_index (receiver->received, 1), webhook_id, "meeting.no_show", TRUE);
  g_assert_true (g_uuid_string_is_valid (string_at (data_of (second), "meeting.id")));
  g_assert_cmpstr (string_at (data_of (second), "lead.id"), ==, CARLOS);

  log = settled_log (fixture);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (log_entries (log), 0), "test"));

  /* Bad requests. */
#define CHECK_400(body, needle) G_STMT_START { \
    g_autoptr(JsonNode) bad = call (fixture, "POST", path, body, 400); \
    g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (bad), "message"), needle)); \
  } G_STMT_END
  CHECK_400 ("{'event_type': 'meeting.rescheduled'}", "Unknown event type “meeting.rescheduled”");
  CHECK_400 ("{'event_type': 3}", "event_type must be a string");
  CHECK_400 ("{'type': 'meeting.no_show'}", "Unknown member “type”");
  CHECK_400 ("[]", "must be a JSON object");
  CHECK_400 ("{oops", "not JSON");
#undef CHECK_400
  call_ok (fixture, "POST", "/_emulator/webhooks/00000000-0000-4000-8000-000000000000/test", NULL, 404);
  call_ok (fixture, "GET", path, NULL, 405);

  /* Nothing more was sent. */
  g_clear_pointer (&log, json_node_unref);
  log = settled_log (fixture);
  g_assert_cmpuint (receiver->received->len, ==, 2);
}

/* Register, list, show and delete; bad bodies get a 400 that says why;
 * the routes need no key and are not API requests. */
static void
test_admin_routes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *default_path = NULL;
  guint requests = nexor_emulator_get_request_count (fixture->emulator);
  g_autoptr(JsonNode) state_before = nexor_emulator_dup_state (fixture->emulator);
  g_autoptr(JsonNode) state_after = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) log = NULL;
  JsonObject *webhook;

#define CHECK_400(body, needle) G_STMT_START { \
    g_autoptr(JsonNode) bad = call (fixture, "POST", "/_emulator/webhooks", body, 400); \
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (bad), "error"), ==, "Invalid request"); \
    if (strstr (json_object_get_string_member (json_node_get_object (bad), "message"), needle) == NULL) \
      g_error ("“%s” does not say “%s”", json_object_get_string_member (json_node_get_object (bad), "message"), needle); \
  } G_STMT_END
  CHECK_400 ("", "not JSON");
  CHECK_400 ("{'url': ", "not JSON");
  CHECK_400 ("['http://x']", "must be a JSON object");
  CHECK_400 ("{}", "url is required");
  CHECK_400 ("{'url': 5}", "url is required and must be a string");
  CHECK_400 ("{'url': 'ftp://example.com/hook'}", "not an absolute http or https URL");
  CHECK_400 ("{'url': '/hook'}", "not an absolute http or https URL");
  CHECK_400 ("{'url': 'http:///hook'}", "not an absolute http or https URL");
  CHECK_400 ("{'url': 'http://example.com', 'secret': ''}", "secret must not be empty");
  CHECK_400 ("{'url': 'http://example.com', 'secret': 7}", "secret must be a string");
  CHECK_400 ("{'url': 'http://example.com', 'events': 'meeting.scheduled'}", "events must be an array");
  CHECK_400 ("{'url': 'http://example.com', 'events': [1]}", "events[0] must be a string");
  CHECK_400 ("{'url': 'http://example.com', 'events': []}", "event filter is empty");
  CHECK_400 ("{'url': 'http://example.com', 'events': ['meeting.booked']}", "Unknown event type “meeting.booked”");
  CHECK_400 ("{'url': 'http://example.com', 'filter': {}}", "Unknown member “filter”");
#undef CHECK_400
  {
    /* Over the API's 8 MiB: refused unread. */
    g_autofree char *huge = g_strnfill (9 * 1024 * 1024, ' ');
    g_autoptr(JsonNode) bad = call (fixture, "POST", "/_emulator/webhooks", huge, 413);

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (bad), "error"), ==, "Payload too large");
  }

  answer = call (fixture, "GET", "/_emulator/webhooks", NULL, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (answer), "webhooks")), ==, 0);
  g_clear_pointer (&answer, json_node_unref);

  /* Without a secret or a filter: the default secret, every event. */
  answer = call (fixture, "POST", "/_emulator/webhooks", "{'url': 'http://127.0.0.1:1/none'}", 201);
  webhook = json_object_get_object_member (json_node_get_object (answer), "webhook");
  g_assert_cmpstr (json_object_get_string_member (webhook, "secret"), ==, "nexor_emulator_webhook_secret");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (webhook, "events")), ==, 6);
  default_path = g_strdup_printf ("/_emulator/webhooks/%s", json_object_get_string_member (webhook, "id"));
  g_clear_pointer (&answer, json_node_unref);
  call_ok (fixture, "DELETE", default_path, NULL, 200);

  id = subscribe (fixture, receiver->url, "['workflow_run.status_changed']");
  path = g_strdup_printf ("/_emulator/webhooks/%s", id);

  answer = call (fixture, "GET", "/_emulator/webhooks", NULL, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (answer), "webhooks")), ==, 1);
  g_clear_pointer (&answer, json_node_unref);

  answer = call (fixture, "GET", path, NULL, 200);
  webhook = json_object_get_object_member (json_node_get_object (answer), "webhook");
  g_assert_cmpstr (json_object_get_string_member (webhook, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (webhook, "secret"), ==, SECRET);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (webhook, "events"), 0), ==,
                   "workflow_run.status_changed");
  g_clear_pointer (&answer, json_node_unref);

  call_ok (fixture, "PUT", path, "{}", 405);
  call_ok (fixture, "PATCH", "/_emulator/webhooks", "{}", 405);
  call_ok (fixture, "POST", "/_emulator/webhooks/deliveries", "{}", 405);
  call_ok (fixture, "GET", "/_emulator/webhooks/00000000-0000-4000-8000-000000000000", NULL, 404);
  call_ok (fixture, "DELETE", "/_emulator/webhooks/00000000-0000-4000-8000-000000000000", NULL, 404);
  call_ok (fixture, "GET", "/_emulator/webhooks/a/b/c", NULL, 404);

  /* None of that touched the account; the state keeps the subscription
   * for --data. */
  state_after = nexor_emulator_dup_state (fixture->emulator);
  {
    JsonArray *kept = json_object_get_array_member (json_node_get_object (state_after), "webhooks");

    g_assert_nonnull (kept);
    g_assert_cmpuint (json_array_get_length (kept), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (kept, 0), "id"), ==, id);
    g_assert_false (json_object_has_member (json_node_get_object (state_before), "webhooks"));
    json_object_remove_member (json_node_get_object (state_after), "webhooks");
  }
  g_assert_true (json_node_equal (state_before, state_after));

  /* A subscription deleted while it waits for a retry gets no more. */
  receiver_script (receiver, "500");
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  wait_received (receiver, 1);
  answer = call (fixture, "DELETE", path, NULL, 200);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "deleted"));
  log = settled_log (fixture);
  call_ok (fixture, "GET", path, NULL, 404);
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'qualified'}", 200);
  g_clear_pointer (&log, json_node_unref);
  log = settled_log (fixture);
  g_assert_cmpuint (receiver->received->len, ==, 1);
  g_assert_cmpuint (json_array_get_length (log_entries (log)), <=, 1);

  /* Only the two status calls were API requests. */
  g_assert_cmpuint (nexor_emulator_get_request_count (fixture->emulator), ==, requests + 2);
}

/* A fault that answers in the service's place (before it) raises no
 * event; one that only spoils the answer does, since the change was made. */
static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *webhook_id = subscribe (fixture, receiver->url, NULL);
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) delivery = NULL;
  Call state;
  g_autoptr(SoupMessage) msg = NULL;

  nexor_emulator_push_fault (fixture->emulator, "status=503");
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 503);
  log = settled_log (fixture);
  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, 0);

  nexor_emulator_push_fault (fixture->emulator, "truncated");
  msg = start_call (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'qualified'}", &state);
  wait_for (&state.done);
  g_clear_pointer (&state.body, g_bytes_unref);
  g_clear_error (&state.error);

  wait_received (receiver, 1);
  delivery = check_delivery (g_ptr_array_index (receiver->received, 0), webhook_id, "workflow_run.status_changed", FALSE);
  g_assert_cmpstr (string_at (data_of (delivery), "from_status.key"), ==, "contacted");
  g_assert_cmpstr (string_at (data_of (delivery), "to_status.key"), ==, "qualified");
  g_clear_pointer (&log, json_node_unref);
  log = settled_log (fixture);
  g_assert_cmpuint (receiver->received->len, ==, 1);
}

/* A retry carries the event as it happened, not the lead as it is by
 * then: the first attempt is held until the lead has changed, then fails. */
static void
test_retry_keeps_event_data (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *webhook_id = subscribe (fixture, receiver->url, NULL);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) log = NULL;

  receiver_script (receiver, "hold:503");
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  wait_received (receiver, 1);
  call_ok (fixture, "PATCH", "/api/public/leads/" CARLOS, "{'first_name': 'Karl', 'metadata': {'tier': 'gold'}}", 200);
  receiver_release_held (receiver);

  wait_received (receiver, 2);
  log = settled_log (fixture);
  first = check_delivery (g_ptr_array_index (receiver->received, 0), webhook_id, "workflow_run.status_changed", FALSE);
  second = check_delivery (g_ptr_array_index (receiver->received, 1), webhook_id, "workflow_run.status_changed", FALSE);
  g_assert_cmpstr (string_at (data_of (second), "lead.first_name"), ==, "Carlos");
  g_assert_false (json_object_has_member (json_object_get_object_member (json_object_get_object_member (data_of (second), "lead"),
                                                                         "metadata"), "tier"));
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (first), "data"),
                                  json_object_get_member (json_node_get_object (second), "data")));
}

/* A receiver that does not answer holds up nothing: API calls that raise
 * events are answered while their deliveries wait. Proved by order. */
static void
test_requests_do_not_wait (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(Receiver) receiver = receiver_new ();
  g_autofree char *webhook_id = subscribe (fixture, receiver->url, NULL);
  g_autoptr(JsonNode) log = NULL;

  receiver_script (receiver, "hold,hold,hold");

  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/automation/stop", "{'workflow_id': 'uuid'}", 200);
  /* The first delivery reached the receiver, which holds it unanswered. */
  wait_received (receiver, 1);
  g_assert_cmpuint (receiver->held->len, ==, 1);

  /* More changes and reads are answered all the same. */
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/automation/resume", "{'workflow_id': 'uuid'}", 200);
  call_ok (fixture, "GET", "/api/public/leads/" CARLOS, NULL, 200);
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  {
    g_autoptr(JsonNode) pending = call (fixture, "GET", "/_emulator/webhooks/deliveries", NULL, 200);

    /* Every answer came before any delivery was answered. */
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (pending), "pending"), ==, 3);
    g_assert_cmpuint (json_array_get_length (log_entries (pending)), ==, 0);
  }

  wait_received (receiver, 3);
  g_assert_cmpuint (receiver->held->len, ==, 3);
  receiver_release_held (receiver);

  log = settled_log (fixture);
  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (log_entries (log), i), "outcome"),
                     ==, "delivered");
}

/* The C API from another thread than the emulator's: subscribe, scale
 * the schedule and read the log while it serves on its own thread. */
static void
test_thread_api (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorEmulatorThread) thread = nexor_emulator_thread_start (&error);
  g_autoptr(Receiver) receiver = receiver_new ();
  const char * const events[] = { "workflow_run.status_changed", NULL };
  const char * const bad_events[] = { "meeting.booked", NULL };
  NexorEmulator *emulator;
  g_autofree char *webhook_id = NULL;
  g_autoptr(JsonNode) log = NULL;
  Fixture fixture = { NULL, };
  guint wakeup_id;
  gint64 deadline = g_get_monotonic_time () + WAIT_GUARD_US;

  g_assert_no_error (error);
  emulator = nexor_emulator_thread_get_emulator (thread);
  wakeup_id = g_timeout_add (250, wakeup_cb, NULL);

  g_assert_null (nexor_emulator_add_webhook (emulator, receiver->url, "", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_emulator_add_webhook (emulator, receiver->url, NULL, bad_events, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  nexor_emulator_set_webhook_retry_scale (emulator, 0.001);
  webhook_id = nexor_emulator_add_webhook (emulator, receiver->url, SECRET, events, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (webhook_id));

  receiver_script (receiver, "503");
  fixture.root = g_strndup (nexor_emulator_thread_get_base_url (thread),
                            strlen (nexor_emulator_thread_get_base_url (thread)) - strlen ("/api/public"));
  fixture.session = emulator_test_new_session ();
  call_ok (&fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);

  wait_received (receiver, 2);
  for (;;)
    {
      log = nexor_emulator_dup_webhook_log (emulator);
      if (json_object_get_int_member (json_node_get_object (log), "pending") == 0)
        break;
      g_clear_pointer (&log, json_node_unref);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (log_entries (log), 1), "outcome"),
                   ==, "delivered");
  {
    g_autoptr(JsonNode) first = check_delivery (g_ptr_array_index (receiver->received, 0), webhook_id,
                                                "workflow_run.status_changed", FALSE);
    g_autoptr(JsonNode) second = check_delivery (g_ptr_array_index (receiver->received, 1), webhook_id,
                                                 "workflow_run.status_changed", FALSE);
  }

  g_clear_object (&fixture.session);
  g_free (fixture.root);
  g_source_remove (wakeup_id);
  emulator_test_drain_main_context ();
}

/* An https receiver with a certificate of its own: refused (a network
 * error, retried and given up) until the emulator trusts it. */
static void
test_https_receiver (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *certificate_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *both = NULL;
  g_autofree char *ca_path = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(Receiver) receiver = NULL;
  g_autofree char *untrusted_id = NULL;
  g_autofree char *trusted_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) delivery = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  nexor_emulator_tls_generate_pem (NULL, NULL, NULL, &certificate_pem, &key_pem, &error);
  g_assert_no_error (error);
  both = g_strconcat (certificate_pem, key_pem, NULL);
  certificate = g_tls_certificate_new_from_pem (both, -1, &error);
  g_assert_no_error (error);
  receiver = receiver_new_full (certificate);

  untrusted_id = subscribe (fixture, receiver->url, NULL);
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'engaged'}", 200);
  log = settled_log (fixture);
  g_assert_cmpuint (receiver->received->len, ==, 0);
  g_assert_cmpuint (json_array_get_length (log_entries (log)), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (log_entries (log), 3), "outcome"),
                   ==, "given_up");
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (log_entries (log), 0), "error"));

  fd = g_file_open_tmp ("webhook-ca-XXXXXX.pem", &ca_path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (ca_path, certificate_pem, -1, &error);
  g_assert_no_error (error);
  database = g_tls_file_database_new (ca_path, &error);
  g_assert_no_error (error);
  nexor_emulator_set_webhook_tls_database (fixture->emulator, database);

  path = g_strdup_printf ("/_emulator/webhooks/%s", untrusted_id);
  call_ok (fixture, "DELETE", path, NULL, 200);
  trusted_id = subscribe (fixture, receiver->url, NULL);
  call_ok (fixture, "POST", "/api/public/leads/" CARLOS "/status", "{'status_key': 'qualified'}", 200);
  wait_received (receiver, 1);
  delivery = check_delivery (g_ptr_array_index (receiver->received, 0), trusted_id, "workflow_run.status_changed", FALSE);
  g_clear_pointer (&log, json_node_unref);
  log = settled_log (fixture);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (log_entries (log), 4), "outcome"),
                   ==, "delivered");

  g_unlink (ca_path);
}

/* --webhook's argument. */
#include "nexor-emulator-webhooks.h"

static void
test_spec_parse (void)
{
  const char *bad[] = {
    "", "example.com/hook", "ftp://example.com", "http://example.com;secret=",
    "http://example.com;events=", "http://example.com;events=meeting.booked",
    "http://example.com;colour=red", "http://example.com;secret=a;secret=b",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *url = NULL;
      g_autofree char *secret = NULL;
      g_auto(GStrv) events = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (nexor_emulator_webhook_spec_parse (bad[i], &url, &secret, &events, &error));
      g_assert_nonnull (error);
    }

  {
    g_autofree char *url = NULL;
    g_autofree char *secret = NULL;
    g_auto(GStrv) events = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (nexor_emulator_webhook_spec_parse ("http://127.0.0.1:9/h?a=1;events=meeting.scheduled, meeting.cancelled;secret=x=y",
                                                      &url, &secret, &events, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (url, ==, "http://127.0.0.1:9/h?a=1");
    g_assert_cmpstr (secret, ==, "x=y");
    g_assert_cmpuint (g_strv_length (events), ==, 2);
    g_assert_cmpstr (events[1], ==, "meeting.cancelled");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/emulator/webhooks/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("every-event", test_every_event);
  ADD ("filter", test_filter);
  ADD ("retry-500-then-drop", test_retry_500_then_drop);
  ADD ("retry-429-and-503", test_retry_429_and_503);
  ADD ("retry-keeps-event-data", test_retry_keeps_event_data);
  ADD ("faults", test_faults);
  ADD ("no-retry-4xx", test_no_retry_4xx);
  ADD ("unreachable", test_unreachable);
  ADD ("test-route", test_test_route);
  ADD ("admin-routes", test_admin_routes);
  ADD ("requests-do-not-wait", test_requests_do_not_wait);
  ADD ("https-receiver", test_https_receiver);
#undef ADD
  g_test_add_func ("/emulator/webhooks/spec-parse", test_spec_parse);
  g_test_add_func ("/emulator/webhooks/thread-api", test_thread_api);

  return g_test_run ();
}
