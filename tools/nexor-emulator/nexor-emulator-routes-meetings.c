/* nexor-emulator-routes-meetings.c: meetings, their outcomes and notes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A meeting lives in its lead's "meetings" array. Beside the members GET
 * /leads/{id}/meetings shows, the record keeps what the other answers need:
 * lead-independent data (description, attendee_phone, additional_attendees,
 * host_email, meeting_type_id), the dedup keys of POST /meetings
 * (external_calendar_provider + external_event_id), outcome_at,
 * managed_externally (a meeting the calendar provider owns, which the API
 * may not cancel) and the note-taker output attached to it ("notes").
 * The choices the docs leave open are listed in docs/emulator.md.
 */

#include "nexor-emulator-routes-private.h"

#include <string.h>

#include <libsoup/soup.h>

#include "nexor-emulator-json.h"

/* What GET /leads/{id}/meetings shows of a meeting (§3.11). */
static const char * const listed_members[] = {
  "id", "title", "starts_at", "ends_at", "duration_minutes", "timezone", "status", "meeting_url",
  "location_type", "location_details", "host_name", "meeting_type", "attendee_name",
  "attendee_email", "confirmed_by_lead", "cancelled_at", "cancellation_reason", "no_show_reason",
  "outcome_notes", "created_at", NULL
};

/* What POST /meetings adds to them in its answer. */
static const char * const created_members[] = {
  "description", "attendee_phone", "additional_attendees", "external_calendar_provider",
  "external_event_id", "outcome_at", "source", NULL
};

/* Providers whose note-takers write through their own integrations: the
 * API refuses them (§3.37). */
static const char * const reserved_providers[] = { "fireflies", "diio", "gemini", "retell", NULL };

/* Calendars the account only reads from: their meetings are cancelled
 * there, not through the API (§3.34 "managed_externally_inbound_only"). */
static const char * const inbound_only_providers[] = { "calendly", NULL };

static JsonNode *
reply_meeting_not_found (NexorEmulatorRequest *request)
{
  return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found",
                                     "Meeting not found or not owned by your account");
}

static void
copy_members (JsonObject         *to,
              JsonObject         *from,
              const char * const *members)
{
  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (from, members[i]);

      json_object_set_member (to, members[i], node != NULL ? json_node_copy (node)
                                                           : json_node_new (JSON_NODE_NULL));
    }
}

JsonObject *
nexor_emulator_render_meeting_listed (JsonObject *meeting)
{
  JsonObject *out = json_object_new ();

  copy_members (out, meeting, listed_members);
  return out;
}

static JsonObject *
render_meeting_full (NexorEmulatorLead *lead,
                     JsonObject        *meeting)
{
  JsonObject *out = nexor_emulator_render_meeting_listed (meeting);

  json_object_set_string_member (out, "lead_id", lead->id);
  copy_members (out, meeting, created_members);
  return out;
}

/* Finds a meeting by id in every lead. */
static JsonObject *
find_meeting (NexorEmulatorStore  *store,
              const char          *id,
              NexorEmulatorLead  **out_lead)
{
  g_autofree char *wanted = nexor_emulator_normalize_uuid (id);

  if (wanted == NULL)
    return NULL;

  for (guint i = 0; i < store->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (store->leads, i);
      JsonArray *meetings = nexor_emulator_lead_meetings (lead);

      for (guint j = 0; j < json_array_get_length (meetings); j++)
        {
          JsonObject *meeting = json_array_get_object_element (meetings, j);

          if (nexor_emulator_id_equal (nexor_emulator_json_string (meeting, "id"), wanted))
            {
              *out_lead = lead;
              return meeting;
            }
        }
    }

  return NULL;
}

/* The meeting a calendar event was logged as, by its dedup keys. */
static JsonObject *
find_meeting_by_event (NexorEmulatorStore  *store,
                       const char          *provider,
                       const char          *event_id,
                       NexorEmulatorLead  **out_lead)
{
  for (guint i = 0; i < store->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (store->leads, i);
      JsonArray *meetings = nexor_emulator_lead_meetings (lead);

      for (guint j = 0; j < json_array_get_length (meetings); j++)
        {
          JsonObject *meeting = json_array_get_object_element (meetings, j);

          if (g_strcmp0 (nexor_emulator_json_string (meeting, "external_calendar_provider"), provider) == 0 &&
              g_strcmp0 (nexor_emulator_json_string (meeting, "external_event_id"), event_id) == 0)
            {
              *out_lead = lead;
              return meeting;
            }
        }
    }

  return NULL;
}

/* Several leads may share an email: the most recently updated one is
 * meant (§3.33); of two updated at the same second, the later created. */
static NexorEmulatorLead *
find_lead_by_email_latest (NexorEmulatorStore *store,
                           const char         *email)
{
  g_autofree char *key = nexor_emulator_email_key (email);
  NexorEmulatorLead *best = NULL;
  const char *best_updated = NULL;

  if (key == NULL)
    return NULL;

  for (guint i = 0; i < store->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (store->leads, i);
      JsonObject *core = nexor_emulator_lead_core (lead);
      const char *lead_email = nexor_emulator_json_string (core, "email");
      g_autofree char *lead_key = NULL;
      const char *updated;

      if (lead_email == NULL)
        continue;
      lead_key = nexor_emulator_email_key (lead_email);
      if (g_strcmp0 (lead_key, key) != 0)
        continue;

      updated = nexor_emulator_json_string (core, "updated_at");
      if (best == NULL || g_strcmp0 (updated, best_updated) >= 0)
        {
          best = lead;
          best_updated = updated;
        }
    }

  return best;
}

static char *
format_utc (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* A member that must be absent, null or a string. */
#define CHECK_STRING(name, out) \
  ((message = nexor_emulator_check_string (body, name, TRUE, &present, out)) != NULL)

static char *
check_attendees (JsonNode   *node,
                 JsonArray **out)
{
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("additional_attendees must be an array of {name, email} objects");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *attendee;
      const char *email = NULL;
      const char *name = NULL;
      gboolean present;
      char *message;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return g_strdup_printf ("additional_attendees[%u] must be an object", i);
      attendee = json_node_get_object (item);
      if ((message = nexor_emulator_check_string (attendee, "name", TRUE, &present, &name)) != NULL ||
          (message = nexor_emulator_check_string (attendee, "email", TRUE, &present, &email)) != NULL)
        {
          g_autofree char *inner = message;

          return g_strdup_printf ("additional_attendees[%u].%s", i, inner);
        }
      if (email == NULL || strchr (email, '@') == NULL)
        return g_strdup_printf ("additional_attendees[%u].email must be an email address", i);
    }

  *out = array;
  return NULL;
}

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/* POST /meetings */

JsonNode *
nexor_emulator_route_create_meeting (NexorEmulatorRequest *request)
{
  static const char * const location_types[] = { "video", "phone", "in_person", NULL };
  static const char * const statuses[] = { "scheduled", "confirmed", NULL };
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *message = NULL;
  g_autofree char *lead_id = NULL;
  g_autofree char *meeting_type_id = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  const char *lead_email = NULL, *lead_id_text = NULL, *title = NULL, *starts_text = NULL;
  const char *ends_text = NULL, *timezone = NULL, *meeting_url = NULL, *location_type = NULL;
  const char *location_details = NULL, *description = NULL, *host_email = NULL;
  const char *meeting_type_text = NULL, *attendee_name = NULL, *attendee_email = NULL;
  const char *attendee_phone = NULL, *provider = NULL, *event_id = NULL, *status = NULL;
  gboolean present = FALSE;
  JsonArray *attendees = NULL;
  JsonNode *duration_node;
  gint64 duration = -1;
  JsonObject *host = NULL;
  NexorEmulatorLead *lead;
  NexorEmulatorLead *old_lead = NULL;
  JsonObject *meeting = NULL;
  JsonObject *core;
  JsonObject *answer;
  gboolean replay;
  g_autofree char *previous_status = NULL;
  const char *current_status;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The body must be a JSON object");

  /* Every member is checked before anything is looked up or changed. */
  if (CHECK_STRING ("lead_email", &lead_email) || CHECK_STRING ("lead_id", &lead_id_text) ||
      CHECK_STRING ("title", &title) || CHECK_STRING ("starts_at", &starts_text) ||
      CHECK_STRING ("ends_at", &ends_text) || CHECK_STRING ("timezone", &timezone) ||
      CHECK_STRING ("meeting_url", &meeting_url) || CHECK_STRING ("location_type", &location_type) ||
      CHECK_STRING ("location_details", &location_details) ||
      CHECK_STRING ("description", &description) || CHECK_STRING ("host_email", &host_email) ||
      CHECK_STRING ("meeting_type_id", &meeting_type_text) ||
      CHECK_STRING ("attendee_name", &attendee_name) ||
      CHECK_STRING ("attendee_email", &attendee_email) ||
      CHECK_STRING ("attendee_phone", &attendee_phone) ||
      CHECK_STRING ("external_calendar_provider", &provider) ||
      CHECK_STRING ("external_event_id", &event_id) || CHECK_STRING ("status", &status) ||
      (message = check_attendees (json_object_get_member (body, "additional_attendees"), &attendees)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", message);

  if (lead_id_text != NULL && (lead_id = nexor_emulator_normalize_uuid (lead_id_text)) == NULL)
    return nexor_emulator_reply_invalid (request, "lead_id must be a UUID");
  if (lead_id == NULL && (lead_email == NULL || *lead_email == '\0'))
    return nexor_emulator_reply_invalid (request, "lead_email or lead_id is required");
  if (meeting_type_text != NULL && (meeting_type_id = nexor_emulator_normalize_uuid (meeting_type_text)) == NULL)
    return nexor_emulator_reply_invalid (request, "meeting_type_id must be a UUID");
  if (title == NULL || *title == '\0')
    return nexor_emulator_reply_invalid (request, "title is required");
  if (starts_text == NULL)
    return nexor_emulator_reply_invalid (request, "starts_at is required");
  if (location_type != NULL && !g_strv_contains (location_types, location_type))
    return nexor_emulator_reply_invalid (request, "location_type must be video, phone or in_person");
  if (status != NULL && !g_strv_contains (statuses, status))
    return nexor_emulator_reply_invalid (request, "status must be scheduled or confirmed");
  if ((provider != NULL && *provider == '\0') || (event_id != NULL && *event_id == '\0'))
    return nexor_emulator_reply_invalid (request, "external_calendar_provider and external_event_id must not be empty");

  zone = g_time_zone_new_identifier (timezone != NULL ? timezone : "UTC");
  if (zone == NULL)
    {
      g_autofree char *shown = nexor_emulator_quote (timezone, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return nexor_emulator_reply_invalid (request, "timezone “%s” is not an IANA time zone", shown);
    }

  /* A time without an offset is a wall-clock time in the meeting's zone. */
  start = g_date_time_new_from_iso8601 (starts_text, zone);
  if (start == NULL)
    return nexor_emulator_reply_invalid (request, "starts_at must be an ISO 8601 date and time");

  duration_node = json_object_get_member (body, "duration_minutes");
  if (duration_node != NULL && !JSON_NODE_HOLDS_NULL (duration_node))
    {
      if (!JSON_NODE_HOLDS_VALUE (duration_node) || json_node_get_value_type (duration_node) != G_TYPE_INT64 ||
          json_node_get_int (duration_node) < 1 || json_node_get_int (duration_node) > 24 * 60)
        return nexor_emulator_reply_invalid (request, "duration_minutes must be a whole number from 1 to 1440");
      duration = json_node_get_int (duration_node);
    }

  if (ends_text != NULL)
    {
      GTimeSpan span;

      end = g_date_time_new_from_iso8601 (ends_text, zone);
      if (end == NULL)
        return nexor_emulator_reply_invalid (request, "ends_at must be an ISO 8601 date and time");
      span = g_date_time_difference (end, start);
      if (span <= 0)
        return nexor_emulator_reply_invalid (request, "ends_at must be after starts_at");
      if (duration >= 0 && span != duration * G_TIME_SPAN_MINUTE)
        return nexor_emulator_reply_invalid (request, "ends_at and duration_minutes disagree");
      duration = span / G_TIME_SPAN_MINUTE;
    }
  else if (duration >= 0)
    end = g_date_time_add_minutes (start, (gint) duration);
  else
    return nexor_emulator_reply_invalid (request, "ends_at or duration_minutes is required");

  if (host_email != NULL)
    {
      g_autofree char *key = nexor_emulator_email_key (host_email);

      for (guint i = 0; i < request->store->team->len && host == NULL; i++)
        {
          JsonObject *member = g_ptr_array_index (request->store->team, i);
          const char *email = nexor_emulator_json_string (member, "email");
          g_autofree char *member_key = email != NULL ? nexor_emulator_email_key (email) : NULL;

          if (nexor_emulator_json_boolean (member, "active") && g_strcmp0 (member_key, key) == 0)
            host = member;
        }
      if (host == NULL)
        return nexor_emulator_reply_invalid (request, "host_email must be the email of an active user of the account");
    }

  /* Now the references. */
  if (lead_id != NULL)
    lead = nexor_emulator_store_find_lead (request->store, lead_id);
  else
    lead = find_lead_by_email_latest (request->store, lead_email);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  now = nexor_emulator_now ();
  starts_at = format_utc (start);
  ends_at = format_utc (end);
  core = nexor_emulator_lead_core (lead);

  if (provider != NULL && event_id != NULL)
    meeting = find_meeting_by_event (request->store, provider, event_id, &old_lead);
  replay = meeting != NULL;

  previous_status = replay ? g_strdup (nexor_emulator_json_string (meeting, "status")) : NULL;

  if (!replay)
    {
      g_autofree char *id = nexor_emulator_new_id ();

      meeting = json_object_new ();
      json_object_set_string_member (meeting, "id", id);
      json_object_set_string_member (meeting, "created_at", now);
      json_object_set_null_member (meeting, "cancelled_at");
      json_object_set_null_member (meeting, "cancellation_reason");
      json_object_set_null_member (meeting, "no_show_reason");
      json_object_set_null_member (meeting, "outcome_notes");
      json_object_set_null_member (meeting, "outcome_at");
      json_object_set_string_member (meeting, "source", "api");
      json_object_set_array_member (meeting, "notes", json_array_new ());
      json_object_set_string_member (meeting, "status", status != NULL ? status : "scheduled");
      json_array_add_object_element (nexor_emulator_lead_meetings (lead), meeting);
    }
  else
    {
      if (status != NULL)
        json_object_set_string_member (meeting, "status", status);
      /* The event moved to another lead: the meeting follows it. */
      if (old_lead != lead)
        {
          JsonArray *from = nexor_emulator_lead_meetings (old_lead);

          json_array_add_object_element (nexor_emulator_lead_meetings (lead), json_object_ref (meeting));
          for (guint i = 0; i < json_array_get_length (from); i++)
            if (json_array_get_object_element (from, i) == meeting)
              {
                json_array_remove_element (from, i);
                break;
              }
          nexor_emulator_lead_touch (old_lead, now);
        }
    }

  json_object_set_string_member (meeting, "title", title);
  json_object_set_string_member (meeting, "starts_at", starts_at);
  json_object_set_string_member (meeting, "ends_at", ends_at);
  json_object_set_int_member (meeting, "duration_minutes", duration);
  json_object_set_string_member (meeting, "timezone", g_time_zone_get_identifier (zone));
  set_string_or_null (meeting, "meeting_url", meeting_url);
  json_object_set_string_member (meeting, "location_type", location_type != NULL ? location_type : "video");
  set_string_or_null (meeting, "location_details", location_details);
  set_string_or_null (meeting, "description", description);
  set_string_or_null (meeting, "host_email", host != NULL ? nexor_emulator_json_string (host, "email") : NULL);
  set_string_or_null (meeting, "host_name",
                      host == NULL ? NULL :
                      nexor_emulator_json_string (host, "name") != NULL ? nexor_emulator_json_string (host, "name")
                                                                          : nexor_emulator_json_string (host, "email"));
  set_string_or_null (meeting, "meeting_type_id", meeting_type_id);
  if (!json_object_has_member (meeting, "meeting_type"))
    json_object_set_null_member (meeting, "meeting_type");
  {
    const char *first = nexor_emulator_json_string (core, "first_name");
    const char *last = nexor_emulator_json_string (core, "last_name");
    g_autofree char *full = g_strstrip (g_strdup_printf ("%s %s", first != NULL ? first : "",
                                                         last != NULL ? last : ""));

    set_string_or_null (meeting, "attendee_name", attendee_name != NULL ? attendee_name :
                                                  *full != '\0' ? full : NULL);
  }
  set_string_or_null (meeting, "attendee_email", attendee_email != NULL ? attendee_email :
                                                 nexor_emulator_json_string (core, "email"));
  set_string_or_null (meeting, "attendee_phone", attendee_phone != NULL ? attendee_phone :
                                                 nexor_emulator_json_string (core, "phone"));
  if (attendees != NULL)
    json_object_set_member (meeting, "additional_attendees",
                            nexor_emulator_json_node_deep_copy (json_object_get_member (body, "additional_attendees")));
  else
    json_object_set_array_member (meeting, "additional_attendees", json_array_new ());
  json_object_set_boolean_member (meeting, "confirmed_by_lead",
                                  g_strcmp0 (nexor_emulator_json_string (meeting, "status"), "confirmed") == 0);
  set_string_or_null (meeting, "external_calendar_provider", provider);
  set_string_or_null (meeting, "external_event_id", event_id);
  json_object_set_boolean_member (meeting, "managed_externally",
                                  provider != NULL && g_strv_contains (inbound_only_providers, provider));

  {
    g_autofree char *activity = g_strdup_printf (replay ? "Meeting updated: %s" : "Meeting scheduled: %s", title);

    nexor_emulator_lead_add_activity (lead, replay ? "meeting_updated" : "meeting_scheduled",
                                      activity, starts_at, "api", now);
  }
  nexor_emulator_lead_touch (lead, now);
  nexor_emulator_store_mark_changed (request->store);

  /* A booking is meeting.scheduled, whatever status it was booked in; a
   * meeting that enters "confirmed" (booked so, or a replay that says so)
   * is meeting.confirmed; a replay that takes it back to "scheduled" (a
   * cancelled meeting booked again) is meeting.scheduled. A replay that
   * leaves the status alone is no event: §6 has none for a reschedule. */
  current_status = nexor_emulator_json_string (meeting, "status");
  if (!replay)
    nexor_emulator_raise_meeting_event (request->store, lead, meeting, "meeting.scheduled");
  else if (g_strcmp0 (previous_status, current_status) != 0 && g_strcmp0 (current_status, "scheduled") == 0)
    nexor_emulator_raise_meeting_event (request->store, lead, meeting, "meeting.scheduled");
  if (g_strcmp0 (previous_status, current_status) != 0 && g_strcmp0 (current_status, "confirmed") == 0)
    nexor_emulator_raise_meeting_event (request->store, lead, meeting, "meeting.confirmed");

  answer = json_object_new ();
  json_object_set_boolean_member (answer, "success", TRUE);
  json_object_set_object_member (answer, "meeting", render_meeting_full (lead, meeting));

  return nexor_emulator_reply (request, replay ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, answer);
}

/* POST /meetings/{id}/cancel, /no-show, /complete */

typedef enum {
  OUTCOME_CANCEL,
  OUTCOME_NO_SHOW,
  OUTCOME_COMPLETE,
} Outcome;

static JsonNode *
record_outcome (NexorEmulatorRequest *request,
                Outcome               outcome)
{
  static const char * const new_status[] = { "cancelled", "no_show", "completed" };
  static const char * const activity_type[] = { "meeting_cancelled", "meeting_no_show", "meeting_completed" };
  static const char * const event_type[] = { "meeting.cancelled", "meeting.no_show", "meeting.completed" };
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *message = NULL;
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  const char *reason = NULL;
  const char *notes = NULL;
  gboolean present = FALSE;
  NexorEmulatorLead *lead = NULL;
  JsonObject *meeting;
  JsonObject *shown;
  JsonObject *answer;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The body must be a JSON object");
  if ((outcome != OUTCOME_COMPLETE && CHECK_STRING ("reason", &reason)) ||
      (outcome != OUTCOME_CANCEL && CHECK_STRING ("notes", &notes)))
    return nexor_emulator_reply_invalid (request, "%s", message);

  meeting = find_meeting (request->store, request->params[0], &lead);
  if (meeting == NULL)
    return reply_meeting_not_found (request);

  answer = json_object_new ();
  json_object_set_boolean_member (answer, "success", TRUE);

  if (outcome == OUTCOME_CANCEL && nexor_emulator_json_boolean (meeting, "managed_externally"))
    {
      json_object_set_boolean_member (answer, "skipped", TRUE);
      json_object_set_string_member (answer, "reason", "managed_externally_inbound_only");
      json_object_set_string_member (answer, "message",
                                     "Meeting is owned by an external provider and cannot be cancelled via the API");
      return nexor_emulator_reply (request, SOUP_STATUS_OK, answer);
    }

  shown = json_object_new ();
  json_object_set_string_member (shown, "id", nexor_emulator_json_string (meeting, "id"));
  json_object_set_string_member (shown, "lead_id", lead->id);
  json_object_set_string_member (shown, "status", new_status[outcome]);

  /* A repeat changes nothing and notifies no one. */
  if (g_strcmp0 (nexor_emulator_json_string (meeting, "status"), new_status[outcome]) == 0)
    {
      json_object_set_boolean_member (shown, "idempotent", TRUE);
      json_object_set_object_member (answer, "meeting", shown);
      return nexor_emulator_reply (request, SOUP_STATUS_OK, answer);
    }

  now = nexor_emulator_now ();
  json_object_set_string_member (meeting, "status", new_status[outcome]);
  switch (outcome)
    {
    case OUTCOME_CANCEL:
      json_object_set_string_member (meeting, "cancelled_at", now);
      set_string_or_null (meeting, "cancellation_reason", reason);
      copy_members (shown, meeting, (const char * const[]) { "cancelled_at", "cancellation_reason", NULL });
      break;
    case OUTCOME_NO_SHOW:
      json_object_set_string_member (meeting, "no_show_reason", reason != NULL ? reason : "api_marked");
      json_object_set_string_member (meeting, "outcome_at", now);
      set_string_or_null (meeting, "outcome_notes", notes);
      copy_members (shown, meeting, (const char * const[]) { "no_show_reason", "outcome_at", "outcome_notes", NULL });
      break;
    case OUTCOME_COMPLETE:
    default:
      json_object_set_string_member (meeting, "outcome_at", now);
      set_string_or_null (meeting, "outcome_notes", notes);
      copy_members (shown, meeting, (const char * const[]) { "outcome_at", "outcome_notes", NULL });
      break;
    }

  title = g_strdup_printf ("%s: %s",
                           outcome == OUTCOME_CANCEL ? "Meeting cancelled" :
                           outcome == OUTCOME_NO_SHOW ? "Meeting marked no-show" : "Meeting completed",
                           nexor_emulator_json_string (meeting, "title"));
  nexor_emulator_lead_add_activity (lead, activity_type[outcome], title,
                                    outcome == OUTCOME_COMPLETE ? notes : reason, "api", now);
  nexor_emulator_lead_touch (lead, now);
  nexor_emulator_store_mark_changed (request->store);
  nexor_emulator_raise_meeting_event (request->store, lead, meeting, event_type[outcome]);

  json_object_set_object_member (answer, "meeting", shown);
  return nexor_emulator_reply (request, SOUP_STATUS_OK, answer);
}

JsonNode *
nexor_emulator_route_cancel_meeting (NexorEmulatorRequest *request)
{
  return record_outcome (request, OUTCOME_CANCEL);
}

JsonNode *
nexor_emulator_route_mark_meeting_no_show (NexorEmulatorRequest *request)
{
  return record_outcome (request, OUTCOME_NO_SHOW);
}

JsonNode *
nexor_emulator_route_complete_meeting (NexorEmulatorRequest *request)
{
  return record_outcome (request, OUTCOME_COMPLETE);
}

/* POST /meeting-notes */

static const char * const note_contents[] = {
  "notes", "transcript_text", "summary", "manual_ai_summary", "action_items", NULL
};

static gboolean
is_provider_name (const char *text)
{
  gsize length = strlen (text);

  if (length < 1 || length > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!(g_ascii_islower (text[i]) || g_ascii_isdigit (text[i]) || text[i] == '_' || text[i] == '-'))
      return FALSE;
  return TRUE;
}

/* Whether a content member carries something: a non-blank string, or an
 * array with at least one item. Sets an error for any other type. */
static gboolean
content_present (JsonNode    *node,
                 const char  *name,
                 char       **out_message)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *copy = g_strstrip (g_strdup (json_node_get_string (node)));

      return *copy != '\0';
    }
  if (g_str_equal (name, "action_items") && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *items = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *item = json_array_get_element (items, i);

          if (!JSON_NODE_HOLDS_OBJECT (item) &&
              !(JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING))
            {
              *out_message = g_strdup_printf ("action_items[%u] must be a string or an object", i);
              return FALSE;
            }
        }
      return json_array_get_length (items) > 0;
    }

  *out_message = g_strdup_printf (g_str_equal (name, "action_items")
                                  ? "%s must be a string or an array" : "%s must be a string", name);
  return FALSE;
}

static JsonObject *
meeting_by_url (NexorEmulatorStore  *store,
                const char          *url,
                NexorEmulatorLead  **out_lead)
{
  for (guint i = 0; i < store->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (store->leads, i);
      JsonArray *meetings = nexor_emulator_lead_meetings (lead);

      for (guint j = 0; j < json_array_get_length (meetings); j++)
        {
          JsonObject *meeting = json_array_get_object_element (meetings, j);

          if (g_strcmp0 (nexor_emulator_json_string (meeting, "meeting_url"), url) == 0)
            {
              *out_lead = lead;
              return meeting;
            }
        }
    }
  return NULL;
}

/* The lead's meeting starting closest to @when, within an hour either
 * side; with @when NULL, its most recent meeting that has started. */
static JsonObject *
meeting_of_lead_near (NexorEmulatorLead *lead,
                      GDateTime         *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonArray *meetings = nexor_emulator_lead_meetings (lead);
  JsonObject *best = NULL;
  GTimeSpan best_span = G_MAXINT64;

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (nexor_emulator_json_string (meeting, "starts_at"), NULL);
      GTimeSpan span;

      if (start == NULL)
        continue;
      if (when != NULL)
        {
          span = ABS (g_date_time_difference (start, when));
          if (span > 60 * G_TIME_SPAN_MINUTE)
            continue;
        }
      else
        {
          span = g_date_time_difference (now, start);
          if (span < 0)
            continue;
        }
      if (span < best_span)
        {
          best = meeting;
          best_span = span;
        }
    }

  return best;
}

static JsonObject *
render_note (NexorEmulatorLead *lead,
             JsonObject        *meeting,
             JsonObject        *note)
{
  static const char * const members[] = {
    "id", "provider", "external_meeting_id", "notes", "transcript_text", "summary",
    "manual_ai_summary", "action_items", "created_at", "updated_at", NULL
  };
  JsonObject *out = json_object_new ();

  copy_members (out, note, members);
  json_object_set_string_member (out, "meeting_id", nexor_emulator_json_string (meeting, "id"));
  json_object_set_string_member (out, "lead_id", lead->id);
  return out;
}

JsonNode *
nexor_emulator_route_create_meeting_note (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *message = NULL;
  g_autofree char *calendar_event_id = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) meeting_date = NULL;
  const char *event_text = NULL, *provider_cal = NULL, *event_cal = NULL, *meeting_url = NULL;
  const char *lead_email = NULL, *date_text = NULL, *provider = NULL, *external_id = NULL;
  gboolean present = FALSE;
  gboolean has_content = FALSE;
  NexorEmulatorLead *lead = NULL;
  NexorEmulatorLead *email_lead = NULL;
  JsonObject *meeting = NULL;
  JsonObject *note = NULL;
  JsonObject *answer;
  JsonArray *notes;
  gboolean created;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The body must be a JSON object");

  if (CHECK_STRING ("calendar_event_id", &event_text) ||
      CHECK_STRING ("external_calendar_provider", &provider_cal) ||
      CHECK_STRING ("external_calendar_event_id", &event_cal) ||
      CHECK_STRING ("meeting_url", &meeting_url) || CHECK_STRING ("lead_email", &lead_email) ||
      CHECK_STRING ("meeting_date", &date_text) || CHECK_STRING ("provider", &provider) ||
      CHECK_STRING ("external_meeting_id", &external_id))
    return nexor_emulator_reply_invalid (request, "%s", message);

  for (guint i = 0; note_contents[i] != NULL; i++)
    {
      if (content_present (json_object_get_member (body, note_contents[i]), note_contents[i], &message))
        has_content = TRUE;
      if (message != NULL)
        return nexor_emulator_reply_invalid (request, "%s", message);
    }

  if (event_text != NULL && (calendar_event_id = nexor_emulator_normalize_uuid (event_text)) == NULL)
    return nexor_emulator_reply_invalid (request, "calendar_event_id must be a UUID");
  if (date_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      meeting_date = g_date_time_new_from_iso8601 (date_text, utc);
      if (meeting_date == NULL)
        return nexor_emulator_reply_invalid (request, "meeting_date must be an ISO 8601 date and time");
    }
  if (provider != NULL)
    {
      g_autofree char *shown = nexor_emulator_quote (provider, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      if (!is_provider_name (provider))
        return nexor_emulator_reply_invalid (request, "provider “%s” must be 1 to 64 of a-z, 0-9, _ and -", shown);
      if (g_strv_contains (reserved_providers, provider))
        return nexor_emulator_reply_invalid (request, "provider “%s” is reserved for its own integration", shown);
    }
  if (calendar_event_id == NULL && (provider_cal == NULL || event_cal == NULL) &&
      meeting_url == NULL && lead_email == NULL)
    return nexor_emulator_reply_invalid (request, "One of calendar_event_id, external_calendar_provider with "
                                                  "external_calendar_event_id, meeting_url or lead_email is required");
  if (!has_content)
    return nexor_emulator_reply_invalid (request, "One of notes, transcript_text, summary, manual_ai_summary "
                                                  "or action_items must not be empty");

  /* The documented order; a resolver that finds nothing hands over to the
   * next one given. */
  if (calendar_event_id != NULL)
    meeting = find_meeting (request->store, calendar_event_id, &lead);
  if (meeting == NULL && provider_cal != NULL && event_cal != NULL)
    meeting = find_meeting_by_event (request->store, provider_cal, event_cal, &lead);
  if (meeting == NULL && meeting_url != NULL)
    meeting = meeting_by_url (request->store, meeting_url, &lead);
  if (meeting == NULL && lead_email != NULL &&
      (email_lead = find_lead_by_email_latest (request->store, lead_email)) != NULL)
    {
      if (meeting_date != NULL)
        meeting = meeting_of_lead_near (email_lead, meeting_date);
      if (meeting == NULL)
        meeting = meeting_of_lead_near (email_lead, NULL);
      if (meeting != NULL)
        lead = email_lead;
    }
  /* No orphan notes. */
  if (meeting == NULL)
    return reply_meeting_not_found (request);

  if (!json_object_has_member (meeting, "notes") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (meeting, "notes")))
    json_object_set_array_member (meeting, "notes", json_array_new ());
  notes = json_object_get_array_member (meeting, "notes");
  if (provider == NULL)
    provider = "manual";

  /* provider + external_meeting_id is the note's own key: a replay updates. */
  if (external_id != NULL)
    for (guint i = 0; i < json_array_get_length (notes) && note == NULL; i++)
      {
        JsonObject *candidate = json_array_get_object_element (notes, i);

        if (g_strcmp0 (nexor_emulator_json_string (candidate, "provider"), provider) == 0 &&
            g_strcmp0 (nexor_emulator_json_string (candidate, "external_meeting_id"), external_id) == 0)
          note = candidate;
      }

  now = nexor_emulator_now ();
  created = note == NULL;
  if (created)
    {
      g_autofree char *id = nexor_emulator_new_id ();

      note = json_object_new ();
      json_object_set_string_member (note, "id", id);
      json_object_set_string_member (note, "provider", provider);
      set_string_or_null (note, "external_meeting_id", external_id);
      json_object_set_string_member (note, "created_at", now);
      json_array_add_object_element (notes, note);
    }
  for (guint i = 0; note_contents[i] != NULL; i++)
    {
      JsonNode *value = json_object_get_member (body, note_contents[i]);

      /* An update replaces what it sends and keeps the rest. */
      if (value != NULL)
        json_object_set_member (note, note_contents[i], nexor_emulator_json_node_deep_copy (value));
      else if (created)
        json_object_set_null_member (note, note_contents[i]);
    }
  json_object_set_string_member (note, "updated_at", now);

  if (created)
    {
      g_autofree char *title = g_strdup_printf ("Notes added: %s", nexor_emulator_json_string (meeting, "title"));

      nexor_emulator_lead_add_activity (lead, "note_added", title, provider, "api", now);
    }
  nexor_emulator_lead_touch (lead, now);
  nexor_emulator_store_mark_changed (request->store);

  answer = json_object_new ();
  json_object_set_boolean_member (answer, "success", TRUE);
  json_object_set_boolean_member (answer, "created", created);
  json_object_set_object_member (answer, "note", render_note (lead, meeting, note));

  return nexor_emulator_reply (request, created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, answer);
}
