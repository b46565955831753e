/* test-emulator-meetings.c: meetings, their outcomes and notes in the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each test runs a fresh emulator on its own thread and talks to it with a
 * blocking SoupSession. Bodies are written with ' for " to keep them
 * readable. Bad requests are checked against a full dump of the state taken
 * before and after (nexor_emulator_dup_state()).
 */

#include <string.h>

#include <gio/gio.h>

#include "emulator-fixture.h"
#include "nexor-emulator-json.h"
#include "nexor-emulator-routes.h"

#define KEY NEXOR_EMULATOR_DEFAULT_API_KEY

#define CARLOS        "123e4567-e89b-12d3-a456-426614174000"
#define CHEN          "ed798fc4-92d4-4f19-9c90-19426829d6df"
#define GONZALEZ      "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
#define NULLS_LEAD    "3430cf98-7b04-4d40-8f4d-02428acf28ba"
#define UNKNOWN_ID    "00000000-0000-4000-8000-000000000000"
#define CARLOS_DONE   "0d8a4c1e-3b2f-4a6d-9c8e-1f2a3b4c5d6e"   /* completed, google gcal-carlos-1 */
#define CHEN_DEMO     "5cdf916d-8a7e-4fb2-a1d3-6e7f8091a2b3"   /* calendly: provider-owned */

#define MEETING_NOT_FOUND "{'error':'Not found','message':'Meeting not found or not owned by your account'}"
#define LEAD_NOT_FOUND    "{'error':'Not found','message':'Lead not found or does not belong to your account'}"

#define NO_RUN         "{'error':'No active workflow run found for this lead and workflow'}"

typedef EmulatorFixture Fixture;

/* JSON helpers */

/* 'a' → "a": JSON in C strings without a wall of backslashes. */
static char *
quotes (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\'')
      *p = '"';

  return copy;
}

static JsonNode *
json (const char *text)
{
  g_autofree char *real = quotes (text);

  return emulator_test_parse_json (real, -1);
}

/* The node at a path like "lead.tags[0].slug", or NULL. */
static JsonNode *
at (JsonNode   *root,
    const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      char *name = parts[i];
      char *bracket = strchr (name, '[');
      int index = -1;

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }

      if (*name != '\0')
        {
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return NULL;
          node = json_object_get_member (json_node_get_object (node), name);
        }

      if (node != NULL && index >= 0)
        {
          if (!JSON_NODE_HOLDS_ARRAY (node) || (guint) index >= json_array_get_length (json_node_get_array (node)))
            return NULL;
          node = json_array_get_element (json_node_get_array (node), (guint) index);
        }
    }

  return node;
}

static const char *
str_at (JsonNode   *root,
        const char *path)
{
  JsonNode *node = at (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
int_at (JsonNode   *root,
        const char *path)
{
  JsonNode *node = at (root, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64);

  return json_node_get_int (node);
}

static gboolean
bool_at (JsonNode   *root,
         const char *path)
{
  JsonNode *node = at (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_test_message ("%s is not a boolean", path);
      g_test_fail ();
      return FALSE;
    }

  return json_node_get_boolean (node);
}

static gboolean
null_at (JsonNode   *root,
         const char *path)
{
  JsonNode *node = at (root, path);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

static guint
len_at (JsonNode   *root,
        const char *path)
{
  JsonNode *node = at (root, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_array_get_length (json_node_get_array (node));
}

static void
assert_json (JsonNode   *actual,
             const char *expected_text)
{
  g_autoptr(JsonNode) expected = json (expected_text);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *text = json_to_string (actual, FALSE);
      g_autofree char *want = json_to_string (expected, FALSE);

      g_error ("expected %s, got %s", want, text);
    }
}

/* HTTP */

typedef struct {
  guint status;
  JsonNode *body;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

static Reply
send_raw (Fixture    *fixture,
          const char *method,
          const char *path,
          const char *body,
          gsize       length)
{
  g_autofree char *url = g_strconcat (fixture->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  Reply reply = { 0, NULL };
  gsize size;
  const char *data;

  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-API-Key", KEY);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  response = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);

  reply.status = soup_message_get_status (msg);
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                   ==, "application/json");
  data = g_bytes_get_data (response, &size);
  reply.body = emulator_test_parse_json (data, (gssize) size);

  return reply;
}

/* A request with a body written with ' for ". */
static Reply
send (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *body)
{
  g_autofree char *real = body != NULL ? quotes (body) : NULL;

  return send_raw (fixture, method, path, real, real != NULL ? strlen (real) : 0);
}

static Reply
get (Fixture    *fixture,
     const char *path)
{
  return send (fixture, "GET", path, NULL);
}

static void
expect (Reply      *reply,
        guint       status,
        const char *body)
{
  if (reply->status != status)
    {
      g_autofree char *text = json_to_string (reply->body, FALSE);
      g_error ("expected status %u, got %u: %s", status, reply->status, text);
    }

  if (body != NULL)
    assert_json (reply->body, body);
}

static JsonNode *
state (Fixture *fixture)
{
  return nexor_emulator_dup_state (fixture->emulator);
}

/* The stored entry of a lead in a state dump. */
static JsonObject *
entry_of (JsonNode   *dump,
          const char *lead_id)
{
  JsonArray *leads = json_node_get_array (at (dump, "leads"));

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (entry, "lead"), "id"), lead_id) == 0)
        return entry;
    }
  g_assert_not_reached ();
}

static guint
n_history (Fixture    *fixture,
           const char *lead_id)
{
  g_autoptr(JsonNode) dump = state (fixture);

  return json_array_get_length (json_object_get_array_member (entry_of (dump, lead_id), "history"));
}

/* The last history item of a lead, as GET /leads/{id}/history shows it. */
static char *
last_activity (Fixture    *fixture,
               const char *lead_id)
{
  g_autofree char *path = g_strdup_printf ("/leads/%s/history?limit=1&offset=%u", lead_id,
                                           n_history (fixture, lead_id) - 1);
  g_auto(Reply) reply = get (fixture, path);

  expect (&reply, 200, NULL);
  return g_strdup (str_at (reply.body, "history[0].activity_type"));
}

static guint
n_meetings (Fixture    *fixture,
            const char *lead_id)
{
  g_autofree char *path = g_strdup_printf ("/leads/%s/meetings", lead_id);
  g_auto(Reply) reply = get (fixture, path);

  expect (&reply, 200, NULL);
  return len_at (reply.body, "meetings");
}

/* POST /meetings */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  guint before = n_meetings (fixture, GONZALEZ);
  guint history = n_history (fixture, GONZALEZ);
  g_auto(Reply) reply = send (fixture, "POST", "/meetings",
                              "{'lead_id':'" GONZALEZ "','title':'Mortgage review',"
                              "'starts_at':'2026-12-10T10:00:00','timezone':'America/Santiago',"
                              "'duration_minutes':45,'location_type':'in_person','location_details':'Office 3',"
                              "'host_email':'ANA.TORRES@example.com',"
                              "'additional_attendees':[{'name':'Sofía','email':'sofia@example.com'}]}");
  g_autofree char *activity = NULL;

  expect (&reply, 201, NULL);
  g_assert_true (bool_at (reply.body, "success"));
  /* No offset: 10:00 in Santiago (UTC−3 in December) is 13:00 UTC. */
  g_assert_cmpstr (str_at (reply.body, "meeting.starts_at"), ==, "2026-12-10T13:00:00Z");
  g_assert_cmpstr (str_at (reply.body, "meeting.ends_at"), ==, "2026-12-10T13:45:00Z");
  g_assert_cmpint (int_at (reply.body, "meeting.duration_minutes"), ==, 45);
  g_assert_cmpstr (str_at (reply.body, "meeting.timezone"), ==, "America/Santiago");
  g_assert_cmpstr (str_at (reply.body, "meeting.status"), ==, "scheduled");
  g_assert_cmpstr (str_at (reply.body, "meeting.lead_id"), ==, GONZALEZ);
  g_assert_cmpstr (str_at (reply.body, "meeting.host_name"), ==, "Ana Torres");
  g_assert_cmpstr (str_at (reply.body, "meeting.location_type"), ==, "in_person");
  g_assert_cmpstr (str_at (reply.body, "meeting.attendee_name"), ==, "Matías González");
  g_assert_cmpstr (str_at (reply.body, "meeting.attendee_email"), ==, "matias.gonzalez@example.com");
  g_assert_cmpstr (str_at (reply.body, "meeting.additional_attendees[0].email"), ==, "sofia@example.com");
  g_assert_false (bool_at (reply.body, "meeting.confirmed_by_lead"));
  g_assert_true (null_at (reply.body, "meeting.external_event_id"));

  g_assert_cmpuint (n_meetings (fixture, GONZALEZ), ==, before + 1);
  g_assert_cmpuint (n_history (fixture, GONZALEZ), ==, history + 1);
  activity = last_activity (fixture, GONZALEZ);
  g_assert_cmpstr (activity, ==, "meeting_scheduled");

  /* Without external ids nothing deduplicates: a second post is a second meeting. */
  {
    g_auto(Reply) again = send (fixture, "POST", "/meetings",
                                "{'lead_id':'" GONZALEZ "','title':'Mortgage review',"
                                "'starts_at':'2026-12-10T10:00:00','timezone':'America/Santiago','duration_minutes':45}");
    expect (&again, 201, NULL);
    g_assert_cmpstr (str_at (again.body, "meeting.id"), !=, str_at (reply.body, "meeting.id"));
  }
  /* An offset wins over the zone; ends_at gives the duration. */
  {
    g_auto(Reply) other = send (fixture, "POST", "/meetings",
                                "{'lead_email':'MATIAS.gonzalez@example.com','title':'Call',"
                                "'starts_at':'2026-12-11T09:00:00+01:00','ends_at':'2026-12-11T09:20:00+01:00',"
                                "'timezone':'Asia/Tokyo','status':'confirmed'}");
    expect (&other, 201, NULL);
    g_assert_cmpstr (str_at (other.body, "meeting.starts_at"), ==, "2026-12-11T08:00:00Z");
    g_assert_cmpint (int_at (other.body, "meeting.duration_minutes"), ==, 20);
    g_assert_cmpstr (str_at (other.body, "meeting.lead_id"), ==, GONZALEZ);
    g_assert_true (bool_at (other.body, "meeting.confirmed_by_lead"));
  }
}

static void
test_create_replay (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *body = "{'lead_id':'" GONZALEZ "','title':'Demo','starts_at':'2026-12-10T15:00:00Z',"
                     "'duration_minutes':30,'external_calendar_provider':'google','external_event_id':'evt-1'}";
  g_auto(Reply) first = send (fixture, "POST", "/meetings", body);
  guint meetings;
  guint history;

  expect (&first, 201, NULL);
  meetings = n_meetings (fixture, GONZALEZ);
  history = n_history (fixture, GONZALEZ);

  /* A replay updates the same meeting instead of adding one. */
  {
    g_auto(Reply) replay = send (fixture, "POST", "/meetings",
                                 "{'lead_id':'" GONZALEZ "','title':'Demo (moved)','starts_at':'2026-12-10T16:00:00Z',"
                                 "'duration_minutes':60,'external_calendar_provider':'google','external_event_id':'evt-1'}");
    g_autofree char *activity = NULL;

    expect (&replay, 200, NULL);
    g_assert_cmpstr (str_at (replay.body, "meeting.id"), ==, str_at (first.body, "meeting.id"));
    g_assert_cmpstr (str_at (replay.body, "meeting.title"), ==, "Demo (moved)");
    g_assert_cmpstr (str_at (replay.body, "meeting.ends_at"), ==, "2026-12-10T17:00:00Z");
    g_assert_cmpstr (str_at (replay.body, "meeting.created_at"), ==, str_at (first.body, "meeting.created_at"));
    g_assert_cmpuint (n_meetings (fixture, GONZALEZ), ==, meetings);
    g_assert_cmpuint (n_history (fixture, GONZALEZ), ==, history + 1);
    activity = last_activity (fixture, GONZALEZ);
    g_assert_cmpstr (activity, ==, "meeting_updated");
  }
  /* Another provider with the same event id is another event. */
  {
    g_auto(Reply) other = send (fixture, "POST", "/meetings",
                                "{'lead_id':'" GONZALEZ "','title':'Demo','starts_at':'2026-12-10T15:00:00Z',"
                                "'duration_minutes':30,'external_calendar_provider':'calendly','external_event_id':'evt-1'}");
    expect (&other, 201, NULL);
    g_assert_cmpuint (n_meetings (fixture, GONZALEZ), ==, meetings + 1);
  }
  /* A seeded meeting replays too. */
  {
    g_auto(Reply) seeded = send (fixture, "POST", "/meetings",
                                 "{'lead_id':'" CARLOS "','title':'Investment Advisory - Carlos Lopez',"
                                 "'starts_at':'2026-02-19T12:00:00','timezone':'America/Santiago','duration_minutes':30,"
                                 "'external_calendar_provider':'google','external_event_id':'gcal-carlos-1'}");
    expect (&seeded, 200, NULL);
    g_assert_cmpstr (str_at (seeded.body, "meeting.id"), ==, CARLOS_DONE);
    g_assert_cmpstr (str_at (seeded.body, "meeting.status"), ==, "completed");
    g_assert_cmpstr (str_at (seeded.body, "meeting.starts_at"), ==, "2026-02-19T15:00:00Z");
  }
}

/* Leads sharing an email, with updated_at as given, in a store of their
 * own: the answer must not depend on which second the test runs in. */
static char *
meeting_lead_by_email (Fixture    *fixture,
                       const char *nulls_updated,
                       const char *chen_updated)
{
  g_autoptr(JsonNode) dump = state (fixture);
  g_autoptr(NexorEmulatorStore) store = nexor_emulator_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *request = quotes ("{'lead_email':'SHARED@example.com','title':'T',"
                                     "'starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}");
  const char * const segments[] = { "meetings", NULL };
  JsonObject *nulls = json_object_get_object_member (entry_of (dump, NULLS_LEAD), "lead");
  JsonObject *chen = json_object_get_object_member (entry_of (dump, CHEN), "lead");
  guint status = 0;

  json_object_set_string_member (nulls, "email", "shared@example.com");
  json_object_set_string_member (nulls, "updated_at", nulls_updated);
  json_object_set_string_member (chen, "email", "Shared@Example.com");
  json_object_set_string_member (chen, "updated_at", chen_updated);
  text = json_to_string (dump, FALSE);
  g_assert_true (nexor_emulator_store_load_data (store, text, -1, &error));
  g_assert_no_error (error);

  body = g_bytes_new (request, strlen (request));
  g_assert_true (nexor_emulator_routes_dispatch (store, "POST", segments, NULL, body, NULL, &status, &answer));
  g_assert_cmpuint (status, ==, 201);

  return g_strdup (str_at (answer, "meeting.lead_id"));
}

static void
test_create_lead_by_email (Fixture       *fixture,
                           gconstpointer  data)
{
  /* Several leads with the email: the most recently updated one, whichever was created first. */
  {
    g_autofree char *lead = meeting_lead_by_email (fixture, "2026-11-01T00:00:00Z", "2026-10-01T00:00:00Z");
    g_assert_cmpstr (lead, ==, NULLS_LEAD);
  }
  {
    g_autofree char *lead = meeting_lead_by_email (fixture, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z");
    g_assert_cmpstr (lead, ==, CHEN);
  }
  /* One lead: its email in any case. */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/meetings",
                                "{'lead_email':'Emily.Chen@example.com','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}");
    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "meeting.lead_id"), ==, CHEN);
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/meetings",
                                "{'lead_email':'nobody@example.com','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/meetings",
                                "{'lead_id':'" UNKNOWN_ID "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
}

static void
test_create_bad (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const bodies[] = {
    "[]",
    "{'title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}",
    "{'lead_id':'nope','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}",
    "{'lead_id':'" CARLOS "','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}",
    "{'lead_id':'" CARLOS "','title':'','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}",
    "{'lead_id':'" CARLOS "','title':'T','duration_minutes':30}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'tomorrow','duration_minutes':30}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':0}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':'30'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','ends_at':'2026-12-10T14:00:00Z'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','ends_at':'2026-12-10T15:30:00Z','duration_minutes':45}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00','duration_minutes':30,'timezone':'Mars/Olympus'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'location_type':'zoom'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'status':'completed'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'host_email':'nobody@example.com'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'host_email':'tomas.rivera@example.com'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'additional_attendees':[{'name':'x'}]}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'additional_attendees':'a@b.c'}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'external_event_id':7}",
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30,'meeting_type_id':'x'}",
    /* A bad replay leaves the meeting as it was. */
    "{'lead_id':'" CARLOS "','title':'T','starts_at':'2026-12-10T15:00:00Z','duration_minutes':-5,"
      "'external_calendar_provider':'google','external_event_id':'gcal-carlos-1'}",
  };
  g_autoptr(JsonNode) before = state (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_auto(Reply) reply = send (fixture, "POST", "/meetings", bodies[i]);
      g_autoptr(JsonNode) after = NULL;

      g_test_message ("body %u", i);
      expect (&reply, 400, NULL);
      g_assert_cmpstr (str_at (reply.body, "error"), ==, "Validation error");
      g_assert_nonnull (str_at (reply.body, "message"));
      after = state (fixture);
      g_assert_true (json_node_equal (before, after));
    }
}

/* Outcomes */

static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Reply) created = send (fixture, "POST", "/meetings",
                                "{'lead_id':'" GONZALEZ "','title':'Demo','starts_at':'2026-12-10T15:00:00Z','duration_minutes':30}");
  g_autofree char *id = NULL;
  g_autofree char *base = NULL;

  expect (&created, 201, NULL);
  id = g_strdup (str_at (created.body, "meeting.id"));
  base = g_strdup_printf ("/meetings/%s", id);

  /* complete, twice: the second is a no-op that says so. */
  {
    g_autofree char *path = g_strconcat (base, "/complete", NULL);
    g_auto(Reply) reply = send (fixture, "POST", path, "{'notes':'Went well'}");
    guint history;
    g_autofree char *activity = last_activity (fixture, GONZALEZ);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (activity, ==, "meeting_completed");
    g_assert_cmpstr (str_at (reply.body, "meeting.id"), ==, id);
    g_assert_cmpstr (str_at (reply.body, "meeting.lead_id"), ==, GONZALEZ);
    g_assert_cmpstr (str_at (reply.body, "meeting.status"), ==, "completed");
    g_assert_cmpstr (str_at (reply.body, "meeting.outcome_notes"), ==, "Went well");
    g_assert_nonnull (str_at (reply.body, "meeting.outcome_at"));
    g_assert_null (at (reply.body, "meeting.idempotent"));

    history = n_history (fixture, GONZALEZ);
    {
      g_auto(Reply) again = send (fixture, "POST", path, "{'notes':'Other'}");
      g_autofree char *expected = g_strdup_printf ("{'success':true,'meeting':{'id':'%s','lead_id':'%s',"
                                                   "'status':'completed','idempotent':true}}", id, GONZALEZ);
      expect (&again, 200, expected);
    }
    g_assert_cmpuint (n_history (fixture, GONZALEZ), ==, history);
  }
  /* no-show: the default reason. */
  {
    g_autofree char *path = g_strconcat (base, "/no-show", NULL);
    g_auto(Reply) reply = send (fixture, "POST", path, NULL);
    g_autofree char *activity = last_activity (fixture, GONZALEZ);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (activity, ==, "meeting_no_show");
    g_assert_cmpstr (str_at (reply.body, "meeting.status"), ==, "no_show");
    g_assert_cmpstr (str_at (reply.body, "meeting.no_show_reason"), ==, "api_marked");
    g_assert_true (null_at (reply.body, "meeting.outcome_notes"));
    {
      g_auto(Reply) again = send (fixture, "POST", path, "{'reason':'lead_did_not_join'}");
      expect (&again, 200, NULL);
      g_assert_true (bool_at (again.body, "meeting.idempotent"));
    }
  }
  /* cancel, with its reason, then again. */
  {
    g_autofree char *path = g_strconcat (base, "/cancel", NULL);
    g_auto(Reply) reply = send (fixture, "POST", path, "{'reason':'client requested cancellation'}");
    g_autofree char *activity = last_activity (fixture, GONZALEZ);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (activity, ==, "meeting_cancelled");
    g_assert_cmpstr (str_at (reply.body, "meeting.status"), ==, "cancelled");
    g_assert_cmpstr (str_at (reply.body, "meeting.cancellation_reason"), ==, "client requested cancellation");
    g_assert_nonnull (str_at (reply.body, "meeting.cancelled_at"));
    {
      g_auto(Reply) again = send (fixture, "POST", path, "{}");
      expect (&again, 200, NULL);
      g_assert_true (bool_at (again.body, "meeting.idempotent"));
    }
  }
  /* The listing shows the outcome. */
  {
    g_auto(Reply) reply = get (fixture, "/leads/" GONZALEZ "/meetings?status=cancelled");
    expect (&reply, 200, NULL);
    g_assert_cmpuint (len_at (reply.body, "meetings"), ==, 1);
    g_assert_cmpstr (str_at (reply.body, "meetings[0].cancellation_reason"), ==, "client requested cancellation");
  }
}

static void
test_outcomes_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const verbs[] = { "cancel", "no-show", "complete" };
  g_autoptr(JsonNode) before = state (fixture);

  /* A provider-owned meeting is cancelled at the provider. */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/meetings/" CHEN_DEMO "/cancel", "{}");
    expect (&reply, 200, "{'success':true,'skipped':true,'reason':'managed_externally_inbound_only',"
                         "'message':'Meeting is owned by an external provider and cannot be cancelled via the API'}");
  }
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *unknown = g_strdup_printf ("/meetings/" UNKNOWN_ID "/%s", verbs[i]);
      g_autofree char *bad_id = g_strdup_printf ("/meetings/not-a-uuid/%s", verbs[i]);
      g_autofree char *bad_body = g_strdup_printf ("/meetings/" CARLOS_DONE "/%s", verbs[i]);
      g_auto(Reply) a = send (fixture, "POST", unknown, "{}");
      g_auto(Reply) b = send (fixture, "POST", bad_id, "{}");
      g_auto(Reply) c = send (fixture, "POST", bad_body, "[1]");
      g_auto(Reply) d = send (fixture, "POST", bad_body,
                              g_str_equal (verbs[i], "complete") ? "{'notes':5}" : "{'reason':true}");

      expect (&a, 404, MEETING_NOT_FOUND);
      expect (&b, 404, MEETING_NOT_FOUND);
      expect (&c, 400, NULL);
      expect (&d, 400, NULL);
    }
  {
    g_autoptr(JsonNode) after = state (fixture);
    g_assert_true (json_node_equal (before, after));
  }
}

/* POST /meeting-notes */

static void
test_notes_resolution (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Reply) created = send (fixture, "POST", "/meetings",
                                "{'lead_id':'" GONZALEZ "','title':'Past','starts_at':'2026-11-10T15:00:00Z','duration_minutes':30,"
                                "'meeting_url':'https://meet.example.com/past','external_calendar_provider':'google','external_event_id':'ev-past'}");
  g_auto(Reply) future = send (fixture, "POST", "/meetings",
                               "{'lead_id':'" GONZALEZ "','title':'Future','starts_at':'2099-01-10T15:00:00Z','duration_minutes':30}");
  g_auto(Reply) near = send (fixture, "POST", "/meetings",
                             "{'lead_id':'" GONZALEZ "','title':'Near','starts_at':'2026-10-01T15:00:00Z','duration_minutes':30}");
  const char *past = NULL;
  struct {
    const char *resolver;
    const char *meeting;
  } cases[4];

  expect (&created, 201, NULL);
  expect (&future, 201, NULL);
  expect (&near, 201, NULL);
  past = str_at (created.body, "meeting.id");

  /* (1) the meeting id wins over everything else given. */
  cases[0].resolver = "'calendar_event_id':'" CARLOS_DONE "','external_calendar_provider':'google',"
                      "'external_calendar_event_id':'ev-past','lead_email':'matias.gonzalez@example.com'";
  cases[0].meeting = CARLOS_DONE;
  /* (2) the dedup keys of POST /meetings, over the url and the email. */
  cases[1].resolver = "'external_calendar_provider':'google','external_calendar_event_id':'gcal-carlos-1',"
                      "'meeting_url':'https://meet.example.com/past'";
  cases[1].meeting = CARLOS_DONE;
  /* (3) the url, over the email. */
  cases[2].resolver = "'meeting_url':'https://meet.example.com/past','lead_email':'carlos@example.com'";
  cases[2].meeting = past;
  /* (4) email and a date within the hour. */
  cases[3].resolver = "'lead_email':'matias.gonzalez@example.com','meeting_date':'2026-10-01T15:50:00Z'";
  cases[3].meeting = str_at (near.body, "meeting.id");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{%s,'summary':'S %u'}", cases[i].resolver, i);
      g_auto(Reply) reply = send (fixture, "POST", "/meeting-notes", body);

      g_test_message ("case %u", i);
      expect (&reply, 201, NULL);
      g_assert_cmpstr (str_at (reply.body, "note.meeting_id"), ==, cases[i].meeting);
      g_assert_cmpstr (str_at (reply.body, "note.provider"), ==, "manual");
      g_assert_true (bool_at (reply.body, "created"));
    }
  /* (5) the email alone: the most recent meeting that has started, not the future one. */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/meeting-notes",
                                "{'lead_email':'matias.gonzalez@example.com','action_items':['Send the offer']}");
    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "note.meeting_id"), ==, past);
    g_assert_cmpstr (str_at (reply.body, "note.lead_id"), ==, GONZALEZ);
    g_assert_cmpstr (str_at (reply.body, "note.action_items[0]"), ==, "Send the offer");
  }
  /* A resolver that finds nothing hands over to the next; a date outside the hour falls to (5). */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/meeting-notes",
                                "{'calendar_event_id':'" UNKNOWN_ID "','lead_email':'matias.gonzalez@example.com',"
                                "'meeting_date':'2026-10-01T17:00:00Z','notes':'n'}");
    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "note.meeting_id"), ==, past);
  }
}

static void
test_notes_upsert (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *body = "{'calendar_event_id':'" CARLOS_DONE "','provider':'otter','external_meeting_id':'ot-1',"
                     "'transcript_text':'Hola','summary':'First'}";
  guint history = n_history (fixture, CARLOS);
  g_auto(Reply) first = send (fixture, "POST", "/meeting-notes", body);
  g_autofree char *activity = NULL;

  expect (&first, 201, NULL);
  g_assert_cmpuint (n_history (fixture, CARLOS), ==, history + 1);
  activity = last_activity (fixture, CARLOS);
  g_assert_cmpstr (activity, ==, "note_added");

  /* The same provider and id: the note is updated, the timeline is not. */
  {
    g_auto(Reply) again = send (fixture, "POST", "/meeting-notes",
                                "{'calendar_event_id':'" CARLOS_DONE "','provider':'otter','external_meeting_id':'ot-1',"
                                "'summary':'Second'}");
    expect (&again, 200, NULL);
    g_assert_false (bool_at (again.body, "created"));
    g_assert_cmpstr (str_at (again.body, "note.id"), ==, str_at (first.body, "note.id"));
    g_assert_cmpstr (str_at (again.body, "note.summary"), ==, "Second");
    g_assert_cmpstr (str_at (again.body, "note.transcript_text"), ==, "Hola");
    g_assert_cmpuint (n_history (fixture, CARLOS), ==, history + 1);
  }
  /* Without an external id every post is a note of its own. */
  {
    g_auto(Reply) a = send (fixture, "POST", "/meeting-notes", "{'calendar_event_id':'" CARLOS_DONE "','notes':'x'}");
    g_auto(Reply) b = send (fixture, "POST", "/meeting-notes", "{'calendar_event_id':'" CARLOS_DONE "','notes':'x'}");
    expect (&a, 201, NULL);
    expect (&b, 201, NULL);
    g_assert_cmpstr (str_at (a.body, "note.id"), !=, str_at (b.body, "note.id"));
    g_assert_cmpuint (n_history (fixture, CARLOS), ==, history + 3);
  }
}

static void
test_notes_bad (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const reserved[] = { "fireflies", "diio", "gemini", "retell" };
  static const char * const bodies[] = {
    "'x'",
    "{'notes':'n'}",
    "{'calendar_event_id':'" CARLOS_DONE "'}",
    "{'calendar_event_id':'" CARLOS_DONE "','notes':'   ','action_items':[]}",
    "{'calendar_event_id':'" CARLOS_DONE "','notes':5}",
    "{'calendar_event_id':'" CARLOS_DONE "','action_items':[1]}",
    "{'calendar_event_id':'nope','notes':'n'}",
    "{'calendar_event_id':'" CARLOS_DONE "','notes':'n','provider':'Otter'}",
    "{'calendar_event_id':'" CARLOS_DONE "','notes':'n','provider':''}",
    "{'lead_email':'carlos@example.com','meeting_date':'yesterday','notes':'n'}",
    "{'external_calendar_provider':'google','notes':'n'}",
  };
  g_autoptr(JsonNode) before = state (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_auto(Reply) reply = send (fixture, "POST", "/meeting-notes", bodies[i]);

      g_test_message ("body %u", i);
      expect (&reply, 400, NULL);
      g_assert_cmpstr (str_at (reply.body, "error"), ==, "Validation error");
    }
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    {
      g_autofree char *body = g_strdup_printf ("{'calendar_event_id':'" CARLOS_DONE "','notes':'n','provider':'%s'}",
                                               reserved[i]);
      g_auto(Reply) reply = send (fixture, "POST", "/meeting-notes", body);

      expect (&reply, 400, NULL);
      g_assert_nonnull (strstr (str_at (reply.body, "message"), "reserved"));
    }
  /* No orphan notes. */
  {
    g_auto(Reply) a = send (fixture, "POST", "/meeting-notes", "{'calendar_event_id':'" UNKNOWN_ID "','notes':'n'}");
    g_auto(Reply) b = send (fixture, "POST", "/meeting-notes", "{'lead_email':'nobody@example.com','notes':'n'}");
    g_auto(Reply) c = send (fixture, "POST", "/meeting-notes",
                            "{'external_calendar_provider':'google','external_calendar_event_id':'none','notes':'n'}");
    g_auto(Reply) d = send (fixture, "POST", "/meeting-notes", "{'lead_email':'" "emily.chen@example.com" "','notes':'n',"
                            "'meeting_url':'https://nowhere.example.com'}");

    expect (&a, 404, MEETING_NOT_FOUND);
    expect (&b, 404, MEETING_NOT_FOUND);
    expect (&c, 404, MEETING_NOT_FOUND);
    /* Emily's only meeting has started: the email finds it. */
    expect (&d, 201, NULL);
  }
  {
    g_autoptr(JsonNode) dump = state (fixture);
    JsonObject *chen = entry_of (dump, CHEN);
    JsonObject *emily_before = entry_of (before, CHEN);

    /* Only the last, good request changed anything. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (chen, "history")), ==,
                      json_array_get_length (json_object_get_array_member (emily_before, "history")) + 1);
    json_object_remove_member (chen, "history");
    json_object_remove_member (emily_before, "history");
    json_object_remove_member (chen, "meetings");
    json_object_remove_member (emily_before, "meetings");
    json_object_remove_member (chen, "lead");
    json_object_remove_member (emily_before, "lead");
    g_assert_true (json_node_equal (before, dump));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/emulator-meetings/" path, Fixture, NULL, emulator_fixture_setup, func, emulator_fixture_teardown)

  ADD ("create", test_create);
  ADD ("create/replay", test_create_replay);
  ADD ("create/lead-by-email", test_create_lead_by_email);
  ADD ("create/bad", test_create_bad);
  ADD ("outcomes", test_outcomes);
  ADD ("outcomes/errors", test_outcomes_errors);
  ADD ("notes/resolution", test_notes_resolution);
  ADD ("notes/upsert", test_notes_upsert);
  ADD ("notes/bad", test_notes_bad);

#undef ADD

  return g_test_run ();
}
