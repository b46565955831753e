/* test-client-meetings.c: meetings, their outcomes and notes against an
 * in-process nexor-emulator — what goes on the wire, what comes back, the
 * replays and the retry policy that depends on the body
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "client-fixture.h"

#define BASE_PATH    "/api/public"

/* Seed data (tools/nexor-emulator/README.md). */
#define CARLOS       "123e4567-e89b-12d3-a456-426614174000"
#define MATIAS       "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
#define CARLOS_DONE  "0d8a4c1e-3b2f-4a6d-9c8e-1f2a3b4c5d6e"   /* completed; google gcal-carlos-1 */
#define CHEN_DEMO    "5cdf916d-8a7e-4fb2-a1d3-6e7f8091a2b3"   /* owned by calendly */
#define UNKNOWN_ID   "00000000-0000-4000-8000-000000000000"

typedef ClientFixture Fixture;

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* The last request the emulator saw: method, path below the base path, raw
 * query (NULL: none) and JSON body (NULL: none), compared as JSON. */
static void
assert_wire (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *query,
             const char *body)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);
  g_autofree char *full_path = g_strconcat (BASE_PATH, path, NULL);
  JsonNode *sent_body;

  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, method);
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, full_path);
  if (query == NULL)
    g_assert_true (json_object_get_null_member (request, "query"));
  else
    g_assert_cmpstr (json_object_get_string_member (request, "query"), ==, query);

  sent_body = json_object_get_member (request, "body");
  if (body == NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (sent_body));
      return;
    }
  {
    g_autoptr(JsonNode) expected = parse_json (body);
    g_autoptr(JsonNode) actual = parse_json (json_node_get_string (sent_body));

    if (!json_node_equal (actual, expected))
      g_error ("%s %s: sent body %s, expected %s", method, path, json_node_get_string (sent_body), body);
  }
}

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;  /* still owned by the list */
}

/* The next answer is @body, with status 200. */
static void
push_body (Fixture    *fixture,
           const char *body)
{
  g_autofree char *encoded = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", encoded, NULL);

  nexor_emulator_push_fault (fixture->emulator, fault);
}

static JsonObject *
lead_entry (JsonNode   *state,
            const char *lead_id)
{
  JsonArray *leads = json_object_get_array_member (json_node_get_object (state), "leads");

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (entry, "lead"), "id"), lead_id) == 0)
        return entry;
    }
  g_assert_not_reached ();
}

static guint
n_stored_meetings (Fixture    *fixture,
                   const char *lead_id)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);

  return json_array_get_length (json_object_get_array_member (lead_entry (state, lead_id), "meetings"));
}

static guint
n_stored_notes (Fixture    *fixture,
                const char *lead_id,
                const char *meeting_id)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *meetings = json_object_get_array_member (lead_entry (state, lead_id), "meetings");

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);

      if (g_strcmp0 (json_object_get_string_member (meeting, "id"), meeting_id) == 0)
        return json_object_has_member (meeting, "notes")
               ? json_array_get_length (json_object_get_array_member (meeting, "notes")) : 0;
    }
  g_assert_not_reached ();
}

static GDateTime *
santiago (int day,
          int hour,
          int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Santiago");

  g_assert_nonnull (zone);
  return g_date_time_new (zone, 2026, 12, day, hour, minute, 0);
}

static NexorMeetingInput *
demo_input (gboolean with_keys)
{
  g_autoptr(GDateTime) starts = santiago (10, 10, 0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Santiago");
  NexorMeetingInput *input = nexor_meeting_input_new ();

  nexor_meeting_input_set_lead_id (input, MATIAS);
  nexor_meeting_input_set_title (input, "Mortgage review");
  nexor_meeting_input_set_starts_at (input, starts);
  nexor_meeting_input_set_duration_minutes (input, 45);
  nexor_meeting_input_set_time_zone (input, zone);
  if (with_keys)
    {
      nexor_meeting_input_set_external_calendar_provider (input, "google");
      nexor_meeting_input_set_external_event_id (input, "evt-42");
    }
  return input;
}

/* ---------------------------------------------------------------------------
 * POST /meetings
 * ------------------------------------------------------------------------- */

static void
test_create_meeting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NexorMeetingInput) input = demo_input (TRUE);
  g_autoptr(JsonNode) attendees = json_from_string ("[{\"name\":\"Sofía\",\"email\":\"sofia@example.com\"}]", NULL);
  g_autoptr(NexorMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(JsonNode) got_attendees = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;

  nexor_meeting_input_set_location_type (input, "in_person");
  nexor_meeting_input_set_host_email (input, "ana.torres@example.com");
  nexor_meeting_input_set_additional_attendees (input, attendees);
  /* Null is sent as null, unset is left out. */
  nexor_meeting_input_set_meeting_url (input, NULL);
  nexor_meeting_input_set_description (input, "Bring the documents");
  nexor_meeting_input_unset (input, "description");

  meeting = nexor_client_create_meeting (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  /* The time goes in UTC; the zone travels by name. */
  assert_wire (fixture, "POST", "/meetings", NULL,
               "{\"lead_id\":\"" MATIAS "\",\"title\":\"Mortgage review\",\"starts_at\":\"2026-12-10T13:00:00Z\","
               "\"duration_minutes\":45,\"timezone\":\"America/Santiago\",\"meeting_url\":null,"
               "\"location_type\":\"in_person\",\"host_email\":\"ana.torres@example.com\","
               "\"additional_attendees\":[{\"name\":\"Sofía\",\"email\":\"sofia@example.com\"}],"
               "\"external_calendar_provider\":\"google\",\"external_event_id\":\"evt-42\"}");

  g_assert_nonnull (nexor_meeting_get_id (meeting));
  g_assert_cmpstr (nexor_meeting_get_lead_id (meeting), ==, MATIAS);
  g_assert_cmpstr (nexor_meeting_get_title (meeting), ==, "Mortgage review");
  g_assert_cmpstr (nexor_meeting_get_status (meeting), ==, "scheduled");
  g_assert_cmpstr (nexor_meeting_get_location_type (meeting), ==, "in_person");
  g_assert_cmpstr (nexor_meeting_get_host_name (meeting), ==, "Ana Torres");
  g_assert_cmpstr (nexor_meeting_get_attendee_name (meeting), ==, "Matías González");
  g_assert_cmpstr (nexor_meeting_get_external_calendar_provider (meeting), ==, "google");
  g_assert_cmpstr (nexor_meeting_get_external_event_id (meeting), ==, "evt-42");
  g_assert_cmpstr (nexor_meeting_get_source (meeting), ==, "api");
  g_assert_null (nexor_meeting_get_meeting_url (meeting));
  g_assert_null (nexor_meeting_get_description (meeting));
  g_assert_false (nexor_meeting_get_idempotent (meeting));
  g_assert_cmpint (nexor_meeting_get_duration_minutes (meeting), ==, 45);
  starts = g_date_time_format_iso8601 (nexor_meeting_get_starts_at (meeting));
  ends = g_date_time_format_iso8601 (nexor_meeting_get_ends_at (meeting));
  g_assert_cmpstr (starts, ==, "2026-12-10T13:00:00Z");
  g_assert_cmpstr (ends, ==, "2026-12-10T13:45:00Z");
  got_attendees = nexor_meeting_dup_additional_attendees (meeting);
  g_assert_true (json_node_equal (got_attendees, attendees));

  zone = nexor_meeting_dup_time_zone (meeting);
  g_assert_nonnull (zone);
  {
    g_autoptr(GDateTime) local = g_date_time_to_timezone (nexor_meeting_get_starts_at (meeting), zone);
    g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
  }

  /* The listing has it. */
  {
    g_autoptr(GListModel) meetings = nexor_client_list_lead_meetings (fixture->client, MATIAS, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
    g_assert_cmpstr (nexor_meeting_get_id (item_at (meetings, 0)), ==, nexor_meeting_get_id (meeting));
  }
}

static void
test_create_meeting_by_email_and_end (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(NexorMeetingInput) input = nexor_meeting_input_new ();
  g_autoptr(GDateTime) starts = santiago (11, 9, 0);
  g_autoptr(GDateTime) ends = santiago (11, 9, 20);
  g_autoptr(NexorMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (input, "lead-email", "MATIAS.gonzalez@example.com", "title", "Call",
                "starts-at", starts, "ends-at", ends, "status", "confirmed", NULL);
  meeting = nexor_client_create_meeting (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/meetings", NULL,
               "{\"lead_email\":\"MATIAS.gonzalez@example.com\",\"title\":\"Call\","
               "\"starts_at\":\"2026-12-11T12:00:00Z\",\"ends_at\":\"2026-12-11T12:20:00Z\",\"status\":\"confirmed\"}");
  g_assert_cmpstr (nexor_meeting_get_lead_id (meeting), ==, MATIAS);
  g_assert_cmpint (nexor_meeting_get_duration_minutes (meeting), ==, 20);
  g_assert_cmpstr (nexor_meeting_get_timezone (meeting), ==, "UTC");
  g_assert_true (nexor_meeting_get_confirmed_by_lead (meeting));

  /* No lead with that email. */
  g_object_set (input, "lead-email", "nobody@example.com", NULL);
  g_clear_object (&meeting);
  meeting = nexor_client_create_meeting (fixture->client, input, NULL, &error);
  g_assert_null (meeting);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
}

static void
test_create_meeting_replay (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(NexorMeetingInput) input = demo_input (TRUE);
  g_autoptr(NexorMeeting) first = NULL;
  g_autoptr(NexorMeeting) again = NULL;
  g_autoptr(GDateTime) moved = santiago (10, 11, 0);
  g_autoptr(GError) error = NULL;

  first = nexor_client_create_meeting (fixture->client, input, NULL, &error);
  g_assert_no_error (error);

  /* The calendar moved the event: logging it again updates the meeting. */
  nexor_meeting_input_set_starts_at (input, moved);
  again = nexor_client_create_meeting (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_meeting_get_id (again), ==, nexor_meeting_get_id (first));
  g_assert_cmpint (g_date_time_difference (nexor_meeting_get_starts_at (again), nexor_meeting_get_starts_at (first)),
                   ==, G_TIME_SPAN_HOUR);
  g_assert_cmpuint (n_stored_meetings (fixture, MATIAS), ==, 1);
}

static void
test_create_meeting_retry_policy (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char * const faults[] = { "status=500", "status=503", "reset", NULL };
  g_autoptr(NexorMeetingInput) plain = demo_input (FALSE);
  g_autoptr(NexorMeetingInput) keyed = demo_input (TRUE);
  g_autoptr(NexorMeetingInput) half = demo_input (FALSE);
  g_autoptr(GError) error = NULL;
  guint meetings = 0;

  nexor_client_set_max_retries (fixture->client, 2);
  /* One key alone deduplicates nothing: not safe either. */
  nexor_meeting_input_set_external_event_id (half, "evt-half");

  for (guint i = 0; faults[i] != NULL; i++)
    {
      NexorMeetingInput *unsafe[] = { plain, half };

      for (guint u = 0; u < G_N_ELEMENTS (unsafe); u++)
        {
          g_autoptr(NexorMeeting) meeting = NULL;
          guint before = sent (fixture);

          g_test_message ("%s, unsafe body %u", faults[i], u);
          nexor_emulator_push_fault (fixture->emulator, faults[i]);
          meeting = nexor_client_create_meeting (fixture->client, unsafe[u], NULL, &error);
          g_assert_null (meeting);
          g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
          g_clear_error (&error);
          g_assert_cmpuint (sent (fixture), ==, before + 1);
          /* A reset comes after the server logged it: one meeting, not two. */
          if (g_str_equal (faults[i], "reset"))
            meetings++;
          g_assert_cmpuint (n_stored_meetings (fixture, MATIAS), ==, meetings);
        }

      /* With both keys it is sent again, and a replay is an update. */
      {
        g_autoptr(NexorMeeting) meeting = NULL;
        guint before = sent (fixture);

        nexor_emulator_push_fault (fixture->emulator, faults[i]);
        meeting = nexor_client_create_meeting (fixture->client, keyed, NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (meeting);
        g_assert_cmpuint (sent (fixture), ==, before + 2);
        if (i == 0)
          meetings++;
        g_assert_cmpuint (n_stored_meetings (fixture, MATIAS), ==, meetings);
      }
    }
}

static void
test_create_meeting_invalid (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);
  struct {
    const char *property;
    const char *value;   /* NULL: unset it */
  } cases[] = {
    { "title", NULL },
    { "title", "   " },
    { "lead-id", NULL },
    { "lead-id", "../leads" },
    { "meeting-type-id", "x" },
    { "timezone", "Mars/Olympus" },
    { "timezone", "+03:00" },
    { "duration-minutes", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NexorMeetingInput) input = demo_input (TRUE);
      g_autoptr(NexorMeeting) meeting = NULL;

      g_test_message ("case %u", i);
      if (cases[i].value == NULL)
        nexor_meeting_input_unset (input, cases[i].property);
      else
        g_object_set (input, cases[i].property, cases[i].value, NULL);
      meeting = nexor_client_create_meeting (fixture->client, input, NULL, &error);
      g_assert_null (meeting);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  {
    g_autoptr(NexorMeetingInput) input = demo_input (TRUE);
    g_autoptr(GDateTime) before_start = santiago (10, 9, 0);
    g_autoptr(NexorMeeting) meeting = NULL;

    nexor_meeting_input_set_ends_at (input, before_start);
    meeting = nexor_client_create_meeting (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }
  g_assert_cmpuint (sent (fixture), ==, before);
}

/* ---------------------------------------------------------------------------
 * Outcomes
 * ------------------------------------------------------------------------- */

static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(NexorMeetingInput) input = demo_input (FALSE);
  g_autoptr(NexorMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *id;

  meeting = nexor_client_create_meeting (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  id = nexor_meeting_get_id (meeting);

  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_complete_meeting (fixture->client, id, "Went well", NULL, &error);
    NexorMeeting *after;

    g_assert_no_error (error);
    path = g_strdup_printf ("/meetings/%s/complete", id);
    assert_wire (fixture, "POST", path, NULL, "{\"notes\":\"Went well\"}");
    g_assert_false (nexor_meeting_outcome_get_skipped (outcome));
    g_assert_false (nexor_meeting_outcome_get_idempotent (outcome));
    after = nexor_meeting_outcome_get_meeting (outcome);
    g_assert_cmpstr (nexor_meeting_get_id (after), ==, id);
    g_assert_cmpstr (nexor_meeting_get_lead_id (after), ==, MATIAS);
    g_assert_cmpstr (nexor_meeting_get_status (after), ==, "completed");
    g_assert_cmpstr (nexor_meeting_get_outcome_notes (after), ==, "Went well");
    g_assert_nonnull (nexor_meeting_get_outcome_at (after));
  }
  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_complete_meeting (fixture->client, id, NULL, NULL, &error);

    g_assert_no_error (error);
    assert_wire (fixture, "POST", path, NULL, "{}");
    g_assert_true (nexor_meeting_outcome_get_idempotent (outcome));
    g_assert_true (nexor_meeting_get_idempotent (nexor_meeting_outcome_get_meeting (outcome)));
  }
  {
    g_autoptr(NexorMeetingOutcome) outcome =
      nexor_client_mark_meeting_no_show (fixture->client, id, "lead_did_not_join", "Waited 15 min", NULL, &error);
    g_autofree char *no_show = g_strdup_printf ("/meetings/%s/no-show", id);

    g_assert_no_error (error);
    assert_wire (fixture, "POST", no_show, NULL, "{\"reason\":\"lead_did_not_join\",\"notes\":\"Waited 15 min\"}");
    g_assert_cmpstr (nexor_meeting_get_status (nexor_meeting_outcome_get_meeting (outcome)), ==, "no_show");
    g_assert_cmpstr (nexor_meeting_get_no_show_reason (nexor_meeting_outcome_get_meeting (outcome)), ==, "lead_did_not_join");
  }
  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_cancel_meeting (fixture->client, id, "client asked", NULL, &error);
    g_autofree char *cancel = g_strdup_printf ("/meetings/%s/cancel", id);
    NexorMeeting *after;

    g_assert_no_error (error);
    assert_wire (fixture, "POST", cancel, NULL, "{\"reason\":\"client asked\"}");
    after = nexor_meeting_outcome_get_meeting (outcome);
    g_assert_cmpstr (nexor_meeting_get_status (after), ==, "cancelled");
    g_assert_cmpstr (nexor_meeting_get_cancellation_reason (after), ==, "client asked");
    g_assert_nonnull (nexor_meeting_get_cancelled_at (after));
  }
  /* A provider-owned meeting: skipped, not an error. */
  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_cancel_meeting (fixture->client, CHEN_DEMO, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (nexor_meeting_outcome_get_skipped (outcome));
    g_assert_null (nexor_meeting_outcome_get_meeting (outcome));
    g_assert_false (nexor_meeting_outcome_get_idempotent (outcome));
    g_assert_cmpstr (nexor_meeting_outcome_get_reason (outcome), ==, "managed_externally_inbound_only");
    g_assert_nonnull (nexor_meeting_outcome_get_message (outcome));
  }
  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_cancel_meeting (fixture->client, UNKNOWN_ID, NULL, NULL, &error);

    g_assert_null (outcome);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    guint before = sent (fixture);
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_complete_meeting (fixture->client, "../leads", NULL, NULL, &error);

    g_assert_null (outcome);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

static void
test_outcomes_retried (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMeetingOutcome) first = NULL;
  g_autoptr(NexorMeetingOutcome) second = NULL;
  guint before;

  nexor_client_set_max_retries (fixture->client, 2);

  /* A 503 the server answered instead of acting: sent again, acted once. */
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  first = nexor_client_mark_meeting_no_show (fixture->client, CARLOS_DONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  g_assert_false (nexor_meeting_outcome_get_idempotent (first));
  g_assert_cmpstr (nexor_meeting_get_no_show_reason (nexor_meeting_outcome_get_meeting (first)), ==, "api_marked");

  /* A reset after the server acted: the repeat finds it done and says so. */
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "reset");
  second = nexor_client_complete_meeting (fixture->client, CARLOS_DONE, "Signed", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  g_assert_true (nexor_meeting_outcome_get_idempotent (second));
  g_assert_cmpstr (nexor_meeting_get_status (nexor_meeting_outcome_get_meeting (second)), ==, "completed");
}

static void
test_outcome_async (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMeetingOutcome) outcome = NULL;

  nexor_client_cancel_meeting_async (fixture->client, CARLOS_DONE, "moved", NULL, nexor_test_on_result, &result);
  outcome = nexor_client_cancel_meeting_finish (fixture->client, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_meeting_get_status (nexor_meeting_outcome_get_meeting (outcome)), ==, "cancelled");
}

static void
test_outcome_bad_answers (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Neither a meeting nor a skip: the answer says nothing. */
  push_body (fixture, "{\"success\":true}");
  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_complete_meeting (fixture->client, CARLOS_DONE, NULL, NULL, &error);
    g_assert_null (outcome);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
  }
  /* A meeting without its id is not a meeting. */
  push_body (fixture, "{\"success\":true,\"meeting\":{\"status\":\"completed\"}}");
  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_complete_meeting (fixture->client, CARLOS_DONE, NULL, NULL, &error);
    g_assert_null (outcome);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
  }
  /* Unknown members are kept, a wrongly typed optional one is left unset. */
  push_body (fixture, "{\"success\":true,\"meeting\":{\"id\":\"" CARLOS_DONE "\",\"status\":\"completed\","
                      "\"idempotent\":\"yes\",\"extra\":1}}");
  {
    g_autoptr(NexorMeetingOutcome) outcome = nexor_client_complete_meeting (fixture->client, CARLOS_DONE, NULL, NULL, &error);
    g_autoptr(JsonObject) raw = NULL;

    g_assert_no_error (error);
    g_assert_false (nexor_meeting_outcome_get_idempotent (outcome));
    raw = nexor_meeting_dup_json (nexor_meeting_outcome_get_meeting (outcome));
    g_assert_true (json_object_has_member (raw, "extra"));
  }
}

/* ---------------------------------------------------------------------------
 * POST /meeting-notes
 * ------------------------------------------------------------------------- */

static void
test_create_note (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NexorMeetingNoteInput) input = nexor_meeting_note_input_new ();
  g_autoptr(JsonNode) items = json_from_string ("[\"Send the offer\",\"Call back Friday\"]", NULL);
  g_autoptr(NexorMeetingNoteResult) note = NULL;
  g_autoptr(NexorMeetingNoteResult) again = NULL;
  g_autoptr(JsonNode) got_items = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (input, "external-calendar-provider", "google", "external-calendar-event-id", "gcal-carlos-1",
                "provider", "otter", "external-meeting-id", "ot-1",
                "transcript-text", "Hola", "summary", "Prefers Plan Patrimonio", NULL);
  nexor_meeting_note_input_set_action_items (input, items);
  note = nexor_client_create_meeting_note (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/meeting-notes", NULL,
               "{\"external_calendar_provider\":\"google\",\"external_calendar_event_id\":\"gcal-carlos-1\","
               "\"provider\":\"otter\",\"external_meeting_id\":\"ot-1\",\"transcript_text\":\"Hola\","
               "\"summary\":\"Prefers Plan Patrimonio\",\"action_items\":[\"Send the offer\",\"Call back Friday\"]}");
  g_assert_nonnull (nexor_meeting_note_result_get_id (note));
  g_assert_cmpstr (nexor_meeting_note_result_get_meeting_id (note), ==, CARLOS_DONE);
  g_assert_cmpstr (nexor_meeting_note_result_get_lead_id (note), ==, CARLOS);
  g_assert_cmpstr (nexor_meeting_note_result_get_provider (note), ==, "otter");
  g_assert_cmpstr (nexor_meeting_note_result_get_external_meeting_id (note), ==, "ot-1");
  g_assert_cmpstr (nexor_meeting_note_result_get_transcript_text (note), ==, "Hola");
  g_assert_cmpstr (nexor_meeting_note_result_get_summary (note), ==, "Prefers Plan Patrimonio");
  g_assert_null (nexor_meeting_note_result_get_notes (note));
  g_assert_nonnull (nexor_meeting_note_result_get_created_at (note));
  g_assert_true (nexor_meeting_note_result_get_created (note));
  got_items = nexor_meeting_note_result_dup_action_items (note);
  g_assert_true (json_node_equal (got_items, items));

  /* Sent again: the same note, updated. */
  nexor_meeting_note_input_set_summary (input, "Signed");
  again = nexor_client_create_meeting_note (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_meeting_note_result_get_id (again), ==, nexor_meeting_note_result_get_id (note));
  g_assert_false (nexor_meeting_note_result_get_created (again));
  g_assert_cmpstr (nexor_meeting_note_result_get_summary (again), ==, "Signed");
  g_assert_cmpuint (n_stored_notes (fixture, CARLOS, CARLOS_DONE), ==, 1);

  /* No meeting found: no orphan note. */
  {
    g_autoptr(NexorMeetingNoteInput) orphan = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT,
                                                            "calendar-event-id", UNKNOWN_ID, "notes", "n", NULL);
    g_autoptr(NexorMeetingNoteResult) none = nexor_client_create_meeting_note (fixture->client, orphan, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  }
}

static void
test_create_note_retry_policy (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(NexorMeetingNoteInput) plain = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT,
                                                         "calendar-event-id", CARLOS_DONE, "notes", "n", NULL);
  g_autoptr(NexorMeetingNoteInput) keyed = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT,
                                                         "calendar-event-id", CARLOS_DONE, "notes", "n",
                                                         "provider", "otter", "external-meeting-id", "ot-9", NULL);
  g_autoptr(GError) error = NULL;
  guint before;

  nexor_client_set_max_retries (fixture->client, 2);

  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "reset");
  {
    g_autoptr(NexorMeetingNoteResult) note = nexor_client_create_meeting_note (fixture->client, plain, NULL, &error);
    g_assert_null (note);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
    g_clear_error (&error);
  }
  g_assert_cmpuint (sent (fixture), ==, before + 1);
  g_assert_cmpuint (n_stored_notes (fixture, CARLOS, CARLOS_DONE), ==, 1);

  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "reset");
  {
    g_autoptr(NexorMeetingNoteResult) note = nexor_client_create_meeting_note (fixture->client, keyed, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (nexor_meeting_note_result_get_created (note));
  }
  g_assert_cmpuint (sent (fixture), ==, before + 2);
  g_assert_cmpuint (n_stored_notes (fixture, CARLOS, CARLOS_DONE), ==, 2);
}

static void
test_create_note_invalid (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const reserved[] = { "fireflies", "diio", "gemini", "retell", "Otter", "" };
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    {
      g_autoptr(NexorMeetingNoteInput) input = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT,
                                                             "calendar-event-id", CARLOS_DONE, "notes", "n",
                                                             "provider", reserved[i], NULL);
      g_autoptr(NexorMeetingNoteResult) note = nexor_client_create_meeting_note (fixture->client, input, NULL, &error);

      g_assert_null (note);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  {
    /* No resolver; no content; blank content; a meeting id that is not a UUID. */
    g_autoptr(NexorMeetingNoteInput) a = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT, "notes", "n",
                                                       "external-calendar-provider", "google", NULL);
    g_autoptr(NexorMeetingNoteInput) b = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT, "lead-email", "carlos@example.com", NULL);
    g_autoptr(NexorMeetingNoteInput) c = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT, "lead-email", "carlos@example.com",
                                                       "summary", "  ", NULL);
    g_autoptr(NexorMeetingNoteInput) d = g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT, "calendar-event-id", "x",
                                                       "notes", "n", NULL);
    NexorMeetingNoteInput *inputs[] = { a, b, c, d };
    g_autoptr(JsonNode) empty = json_from_string ("[]", NULL);

    nexor_meeting_note_input_set_action_items (c, empty);
    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      {
        g_autoptr(NexorMeetingNoteResult) note = nexor_client_create_meeting_note (fixture->client, inputs[i], NULL, &error);

        g_test_message ("input %u", i);
        g_assert_null (note);
        g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
        g_clear_error (&error);
      }
  }
  g_assert_cmpuint (sent (fixture), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/client-meetings/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("create", test_create_meeting);
  ADD ("create/by-email-and-end", test_create_meeting_by_email_and_end);
  ADD ("create/replay", test_create_meeting_replay);
  ADD ("create/retry-policy", test_create_meeting_retry_policy);
  ADD ("create/invalid", test_create_meeting_invalid);
  ADD ("outcomes", test_outcomes);
  ADD ("outcomes/retried", test_outcomes_retried);
  ADD ("outcomes/async", test_outcome_async);
  ADD ("outcomes/bad-answers", test_outcome_bad_answers);
  ADD ("notes", test_create_note);
  ADD ("notes/retry-policy", test_create_note_retry_policy);
  ADD ("notes/invalid", test_create_note_invalid);

#undef ADD

  return g_test_run ();
}
