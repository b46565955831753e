/* nexor-meeting.c: a meeting with a lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-meeting-private.h"
#include "nexor-json-private.h"
#include "nexor-resource-private.h"

/**
 * NexorMeeting:
 *
 * A meeting (calendar event) with a lead, as listed by
 * [method@Nexor.Client.list_lead_meetings]. Times are in UTC;
 * [property@Nexor.Meeting:timezone] is the zone the meeting was booked in.
 * [property@Nexor.Meeting:status] and [property@Nexor.Meeting:location-type] are kept
 * as the server sends them, so values added later are not lost.
 *
 * The same class is the answer of [method@Nexor.Client.create_meeting] and,
 * inside a [class@Nexor.MeetingOutcome], of the outcome calls
 * ([method@Nexor.Client.cancel_meeting], [method@Nexor.Client.mark_meeting_no_show],
 * [method@Nexor.Client.complete_meeting]), which carry only some members
 * (the id, [property@Nexor.Meeting:lead-id], the status and the outcome's)
 * and [property@Nexor.Meeting:idempotent] on a repeat.
 *
 * Since: 0.1
 */

struct _NexorMeeting
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *title;
  GDateTime *starts_at;
  GDateTime *ends_at;
  int duration_minutes;
  char *timezone;
  char *status;
  char *meeting_url;
  char *location_type;
  char *location_details;
  char *host_name;
  char *meeting_type;
  char *attendee_name;
  char *attendee_email;
  char *attendee_phone;
  gboolean confirmed_by_lead;
  GDateTime *cancelled_at;
  char *cancellation_reason;
  char *no_show_reason;
  char *outcome_notes;
  GDateTime *outcome_at;
  char *lead_id;
  char *source;
  GDateTime *created_at;
  char *description;
  JsonNode *additional_attendees;
  char *external_calendar_provider;
  char *external_event_id;
  gboolean idempotent;
};

/**
 * NexorMeeting:id:
 *
 * The meeting's id.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:title:
 *
 * The meeting's title.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:starts-at:
 *
 * When the meeting starts.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:ends-at:
 *
 * When the meeting ends.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:duration-minutes:
 *
 * How long the meeting lasts, in minutes.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:timezone:
 *
 * The IANA time zone the meeting was booked in, such as `America/Santiago`.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:status:
 *
 * The meeting's status: `scheduled`, `confirmed`, `completed`, `cancelled` or
 * `no_show`.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:meeting-url:
 *
 * The link to join a video meeting.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:location-type:
 *
 * Where the meeting happens: `video`, `phone` or `in_person`.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:location-details:
 *
 * Details of the location, such as an address.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:host-name:
 *
 * The name of the team member who hosts the meeting.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:meeting-type:
 *
 * The name of the kind of meeting, such as `Google Meet`.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:attendee-name:
 *
 * The attendee's name.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:attendee-email:
 *
 * The attendee's email address.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:attendee-phone:
 *
 * The attendee's phone number, when the answer carries it.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:confirmed-by-lead:
 *
 * Whether the lead confirmed attendance.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:cancelled-at:
 *
 * When the meeting was cancelled.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:cancellation-reason:
 *
 * Why the meeting was cancelled.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:no-show-reason:
 *
 * Why the meeting was marked as a no-show.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:outcome-notes:
 *
 * Notes on the meeting's outcome.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:outcome-at:
 *
 * When the outcome was recorded, when the answer carries it.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:lead-id:
 *
 * The id of the lead, when the answer carries it.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:source:
 *
 * Who booked the meeting, such as `ai_agent`, when the answer carries it.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:created-at:
 *
 * When the meeting was booked.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:description:
 *
 * The meeting's description, when the answer carries it.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:additional-attendees:
 *
 * The other attendees, a JSON array of `{name, email}` objects, when the
 * answer carries them.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:external-calendar-provider:
 *
 * The calendar the meeting was logged from, such as `google`, when the
 * answer carries it.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:external-event-id:
 *
 * The event's id in [property@Nexor.Meeting:external-calendar-provider], when
 * the answer carries it.
 *
 * Since: 0.1
 */
/**
 * NexorMeeting:idempotent:
 *
 * Whether an outcome call found the meeting already in that state and
 * changed nothing (no notification, no webhook).
 *
 * Since: 0.1
 */
static const NexorField nexor_meeting_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, id), TRUE, 0.0, NULL, NULL },
  { "title", NEXOR_FIELD_NAMES ("title"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, title), FALSE, 0.0, NULL, NULL },
  { "starts-at", NEXOR_FIELD_NAMES ("starts_at", "startsAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorMeeting, starts_at), FALSE, 0.0, NULL, NULL },
  { "ends-at", NEXOR_FIELD_NAMES ("ends_at", "endsAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorMeeting, ends_at), FALSE, 0.0, NULL, NULL },
  { "duration-minutes", NEXOR_FIELD_NAMES ("duration_minutes", "durationMinutes"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorMeeting, duration_minutes), FALSE, 0.0, NULL, NULL },
  { "timezone", NEXOR_FIELD_NAMES ("timezone"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, timezone), FALSE, 0.0, NULL, NULL },
  { "status", NEXOR_FIELD_NAMES ("status"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, status), FALSE, 0.0, NULL, NULL },
  { "meeting-url", NEXOR_FIELD_NAMES ("meeting_url", "meetingUrl"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, meeting_url), FALSE, 0.0, NULL, NULL },
  { "location-type", NEXOR_FIELD_NAMES ("location_type", "locationType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, location_type), FALSE, 0.0, NULL, NULL },
  { "location-details", NEXOR_FIELD_NAMES ("location_details", "locationDetails"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, location_details), FALSE, 0.0, NULL, NULL },
  { "host-name", NEXOR_FIELD_NAMES ("host_name", "hostName"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, host_name), FALSE, 0.0, NULL, NULL },
  { "meeting-type", NEXOR_FIELD_NAMES ("meeting_type", "meetingType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, meeting_type), FALSE, 0.0, NULL, NULL },
  { "attendee-name", NEXOR_FIELD_NAMES ("attendee_name", "attendeeName"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, attendee_name), FALSE, 0.0, NULL, NULL },
  { "attendee-email", NEXOR_FIELD_NAMES ("attendee_email", "attendeeEmail"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, attendee_email), FALSE, 0.0, NULL, NULL },
  { "attendee-phone", NEXOR_FIELD_NAMES ("attendee_phone", "attendeePhone"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, attendee_phone), FALSE, 0.0, NULL, NULL },
  { "confirmed-by-lead", NEXOR_FIELD_NAMES ("confirmed_by_lead", "confirmedByLead"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorMeeting, confirmed_by_lead), FALSE, 0.0, NULL, NULL },
  { "cancelled-at", NEXOR_FIELD_NAMES ("cancelled_at", "cancelledAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorMeeting, cancelled_at), FALSE, 0.0, NULL, NULL },
  { "cancellation-reason", NEXOR_FIELD_NAMES ("cancellation_reason", "cancellationReason"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, cancellation_reason), FALSE, 0.0, NULL, NULL },
  { "no-show-reason", NEXOR_FIELD_NAMES ("no_show_reason", "noShowReason"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, no_show_reason), FALSE, 0.0, NULL, NULL },
  { "outcome-notes", NEXOR_FIELD_NAMES ("outcome_notes", "outcomeNotes"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, outcome_notes), FALSE, 0.0, NULL, NULL },
  { "outcome-at", NEXOR_FIELD_NAMES ("outcome_at", "outcomeAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorMeeting, outcome_at), FALSE, 0.0, NULL, NULL },
  { "lead-id", NEXOR_FIELD_NAMES ("lead_id", "leadId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, lead_id), FALSE, 0.0, NULL, NULL },
  { "source", NEXOR_FIELD_NAMES ("source"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, source), FALSE, 0.0, NULL, NULL },
  { "created-at", NEXOR_FIELD_NAMES ("created_at", "createdAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorMeeting, created_at), FALSE, 0.0, NULL, NULL },
  { "description", NEXOR_FIELD_NAMES ("description"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, description), FALSE, 0.0, NULL, NULL },
  { "additional-attendees", NEXOR_FIELD_NAMES ("additional_attendees", "additionalAttendees"), NEXOR_FIELD_JSON_NODE,
    G_STRUCT_OFFSET (NexorMeeting, additional_attendees), FALSE, 0.0, NULL, NULL },
  { "external-calendar-provider", NEXOR_FIELD_NAMES ("external_calendar_provider", "externalCalendarProvider"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, external_calendar_provider), FALSE, 0.0, NULL, NULL },
  { "external-event-id", NEXOR_FIELD_NAMES ("external_event_id", "externalEventId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeeting, external_event_id), FALSE, 0.0, NULL, NULL },
  { "idempotent", NEXOR_FIELD_NAMES ("idempotent"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorMeeting, idempotent), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorMeeting, nexor_meeting, nexor_meeting_fields)

NexorMeeting *
_nexor_meeting_new_from_json (JsonObject         *object,
                              NexorJsonDocument  *document,
                              GError            **error)
{
  g_autoptr(NexorMeeting) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_MEETING, "meeting",
                                        nexor_meeting_fields, G_N_ELEMENTS (nexor_meeting_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * nexor_meeting_dup_json:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the JSON object this meeting was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_meeting_get_id:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_id (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->id;
}

/**
 * nexor_meeting_get_title:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:title] property.
 *
 * Returns: (nullable): the title
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_title (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->title;
}

/**
 * nexor_meeting_get_starts_at:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:starts-at] property.
 *
 * Returns: (nullable) (transfer none): the start time
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_get_starts_at (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return _nexor_field_get_datetime (&self->starts_at);
}

/**
 * nexor_meeting_get_ends_at:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:ends-at] property.
 *
 * Returns: (nullable) (transfer none): the end time
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_get_ends_at (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return _nexor_field_get_datetime (&self->ends_at);
}

/**
 * nexor_meeting_get_duration_minutes:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:duration-minutes] property.
 *
 * Returns: the duration in minutes
 *
 * Since: 0.1
 */
int
nexor_meeting_get_duration_minutes (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), 0);

  return self->duration_minutes;
}

/**
 * nexor_meeting_get_timezone:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:timezone] property.
 *
 * Returns: (nullable): the time zone
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_timezone (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->timezone;
}

/**
 * nexor_meeting_get_status:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:status] property.
 *
 * Returns: (nullable): the status
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_status (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->status;
}

/**
 * nexor_meeting_get_meeting_url:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:meeting-url] property.
 *
 * Returns: (nullable): the meeting link
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_meeting_url (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->meeting_url;
}

/**
 * nexor_meeting_get_location_type:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:location-type] property.
 *
 * Returns: (nullable): the location type
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_location_type (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->location_type;
}

/**
 * nexor_meeting_get_location_details:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:location-details] property.
 *
 * Returns: (nullable): the location details
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_location_details (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->location_details;
}

/**
 * nexor_meeting_get_host_name:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:host-name] property.
 *
 * Returns: (nullable): the host name
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_host_name (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->host_name;
}

/**
 * nexor_meeting_get_meeting_type:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:meeting-type] property.
 *
 * Returns: (nullable): the meeting type
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_meeting_type (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->meeting_type;
}

/**
 * nexor_meeting_get_attendee_name:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:attendee-name] property.
 *
 * Returns: (nullable): the attendee name
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_attendee_name (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->attendee_name;
}

/**
 * nexor_meeting_get_attendee_email:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:attendee-email] property.
 *
 * Returns: (nullable): the attendee email address
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_attendee_email (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->attendee_email;
}

/**
 * nexor_meeting_get_attendee_phone:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:attendee-phone] property.
 *
 * Returns: (nullable): the attendee phone number
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_attendee_phone (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->attendee_phone;
}

/**
 * nexor_meeting_get_confirmed_by_lead:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:confirmed-by-lead] property.
 *
 * Returns: whether the lead confirmed
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_get_confirmed_by_lead (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), FALSE);

  return self->confirmed_by_lead;
}

/**
 * nexor_meeting_get_cancelled_at:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:cancelled-at] property.
 *
 * Returns: (nullable) (transfer none): the cancellation time
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_get_cancelled_at (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return _nexor_field_get_datetime (&self->cancelled_at);
}

/**
 * nexor_meeting_get_cancellation_reason:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:cancellation-reason] property.
 *
 * Returns: (nullable): the cancellation reason
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_cancellation_reason (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->cancellation_reason;
}

/**
 * nexor_meeting_get_no_show_reason:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:no-show-reason] property.
 *
 * Returns: (nullable): the no-show reason
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_no_show_reason (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->no_show_reason;
}

/**
 * nexor_meeting_get_outcome_notes:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:outcome-notes] property.
 *
 * Returns: (nullable): the outcome notes
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_outcome_notes (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->outcome_notes;
}

/**
 * nexor_meeting_get_outcome_at:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:outcome-at] property.
 *
 * Returns: (nullable) (transfer none): the outcome time
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_get_outcome_at (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return _nexor_field_get_datetime (&self->outcome_at);
}

/**
 * nexor_meeting_get_lead_id:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:lead-id] property.
 *
 * Returns: (nullable): the lead id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_lead_id (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->lead_id;
}

/**
 * nexor_meeting_get_source:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:source] property.
 *
 * Returns: (nullable): the source
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_source (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->source;
}

/**
 * nexor_meeting_get_created_at:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:created-at] property.
 *
 * Returns: (nullable) (transfer none): the creation time
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_get_created_at (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}

/**
 * nexor_meeting_dup_time_zone:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets [property@Nexor.Meeting:timezone] as a [struct@GLib.TimeZone], to show
 * the meeting's times as the people in it see them:
 * `g_date_time_to_timezone (nexor_meeting_get_starts_at (meeting), zone)`.
 *
 * Returns: (nullable) (transfer full): the zone, or %NULL when the meeting
 *   has none or this system does not know it
 *
 * Since: 0.1
 */
GTimeZone *
nexor_meeting_dup_time_zone (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->timezone != NULL ? g_time_zone_new_identifier (self->timezone) : NULL;
}

/**
 * nexor_meeting_get_description:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:description] property.
 *
 * Returns: (nullable): the description
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_description (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->description;
}

/**
 * nexor_meeting_dup_additional_attendees:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets a copy of the [property@Nexor.Meeting:additional-attendees] property.
 * The meeting is immutable: changing the returned value does not change it.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL
 *   when there is none
 *
 * Since: 0.1
 */
JsonNode *
nexor_meeting_dup_additional_attendees (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->additional_attendees != NULL ? _nexor_json_node_deep_copy (self->additional_attendees) : NULL;
}

/**
 * nexor_meeting_get_external_calendar_provider:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:external-calendar-provider] property.
 *
 * Returns: (nullable): the provider
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_external_calendar_provider (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->external_calendar_provider;
}

/**
 * nexor_meeting_get_external_event_id:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:external-event-id] property.
 *
 * Returns: (nullable): the event id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_get_external_event_id (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), NULL);

  return self->external_event_id;
}

/**
 * nexor_meeting_get_idempotent:
 * @self: a [class@Nexor.Meeting]
 *
 * Gets the [property@Nexor.Meeting:idempotent] property.
 *
 * Returns: whether the call changed nothing
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_get_idempotent (NexorMeeting *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING (self), FALSE);

  return self->idempotent;
}
