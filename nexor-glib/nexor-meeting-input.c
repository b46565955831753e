/* nexor-meeting-input.c: a meeting to log
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <string.h>

#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"
#include "nexor-request-private.h"
#include "nexor-meeting-input-private.h"

/**
 * NexorMeetingInput:
 *
 * A meeting booked outside Nexor, to log against an existing lead with
 * [method@Nexor.Client.create_meeting] (`POST /meetings`). Only the
 * properties that were set are sent; one set to %NULL is sent as JSON null,
 * and [method@Nexor.MeetingInput.unset] leaves it out again.
 *
 * The lead is named by [property@Nexor.MeetingInput:lead-id] or
 * [property@Nexor.MeetingInput:lead-email]; [property@Nexor.MeetingInput:title]
 * and [property@Nexor.MeetingInput:starts-at] are required, with
 * [property@Nexor.MeetingInput:ends-at] or
 * [property@Nexor.MeetingInput:duration-minutes]. With both
 * [property@Nexor.MeetingInput:external-calendar-provider] and
 * [property@Nexor.MeetingInput:external-event-id] logging the same event
 * again updates its meeting, and the library repeats the call after a
 * failure; without them it never does.
 *
 * ```python
 * meeting = client.create_meeting(Nexor.MeetingInput(
 *     lead_email="ana@example.com", title="Demo",
 *     starts_at=GLib.DateTime.new(GLib.TimeZone.new_identifier("America/Santiago"), 2026, 12, 10, 10, 0, 0),
 *     timezone="America/Santiago", duration_minutes=30,
 *     external_calendar_provider="google", external_event_id="evt-42"))
 * ```
 *
 * Since: 0.1
 */

struct _NexorMeetingInput
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_LEAD_ID,
  PROP_LEAD_EMAIL,
  PROP_TITLE,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_DURATION_MINUTES,
  PROP_TIMEZONE,
  PROP_MEETING_URL,
  PROP_LOCATION_TYPE,
  PROP_LOCATION_DETAILS,
  PROP_DESCRIPTION,
  PROP_HOST_EMAIL,
  PROP_MEETING_TYPE_ID,
  PROP_ATTENDEE_NAME,
  PROP_ATTENDEE_EMAIL,
  PROP_ATTENDEE_PHONE,
  PROP_ADDITIONAL_ATTENDEES,
  PROP_EXTERNAL_CALENDAR_PROVIDER,
  PROP_EXTERNAL_EVENT_ID,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_datetime_type (void)
{
  return G_TYPE_DATE_TIME;
}

static GType
get_int_type (void)
{
  return G_TYPE_INT;
}

static GType
get_node_type (void)
{
  return JSON_TYPE_NODE;
}

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

/* In the order of the PROP_ ids, which is also the order of the body. */
static const NexorInputField nexor_meeting_input_fields[] = {
  { "lead-id", "lead_id", get_string_type },
  { "lead-email", "lead_email", get_string_type },
  { "title", "title", get_string_type },
  { "starts-at", "starts_at", get_datetime_type },
  { "ends-at", "ends_at", get_datetime_type },
  { "duration-minutes", "duration_minutes", get_int_type },
  { "timezone", "timezone", get_string_type },
  { "meeting-url", "meeting_url", get_string_type },
  { "location-type", "location_type", get_string_type },
  { "location-details", "location_details", get_string_type },
  { "description", "description", get_string_type },
  { "host-email", "host_email", get_string_type },
  { "meeting-type-id", "meeting_type_id", get_string_type },
  { "attendee-name", "attendee_name", get_string_type },
  { "attendee-email", "attendee_email", get_string_type },
  { "attendee-phone", "attendee_phone", get_string_type },
  { "additional-attendees", "additional_attendees", get_node_type },
  { "external-calendar-provider", "external_calendar_provider", get_string_type },
  { "external-event-id", "external_event_id", get_string_type },
  { "status", "status", get_string_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_meeting_input_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorMeetingInput, nexor_meeting_input, G_TYPE_OBJECT)

/**
 * NexorMeetingInput:lead-id:
 *
 * The id of the lead, a UUID; it bypasses matching by [property@Nexor.MeetingInput:lead-email]. One of the two is required.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:lead-email:
 *
 * The lead's email, matched within the account (of several leads with it, the most recently updated). Required unless [property@Nexor.MeetingInput:lead-id] is set.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:title:
 *
 * The meeting's title. Required.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:starts-at:
 *
 * When the meeting starts. Required; sent in UTC, so the zone of the [struct@GLib.DateTime] only matters through [method@Nexor.MeetingInput.set_time_zone].
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:ends-at:
 *
 * When the meeting ends. Required unless [property@Nexor.MeetingInput:duration-minutes] is set.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:duration-minutes:
 *
 * How long the meeting lasts, in minutes. Required unless [property@Nexor.MeetingInput:ends-at] is set.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:timezone:
 *
 * The IANA time zone the meeting is booked in, such as `America/Santiago`; unset, `UTC`. [method@Nexor.MeetingInput.set_time_zone] sets it from a [struct@GLib.TimeZone].
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:meeting-url:
 *
 * The link to join the meeting.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:location-type:
 *
 * Where the meeting happens: `video` (unset), `phone` or `in_person`.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:location-details:
 *
 * Details of the location, such as an address.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:description:
 *
 * A description of the meeting.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:host-email:
 *
 * The email of the host; it must be an active user of the account (see [method@Nexor.Client.list_team_members]).
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:meeting-type-id:
 *
 * The id of the meeting type, a UUID.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:attendee-name:
 *
 * The attendee's name; unset, the lead's.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:attendee-email:
 *
 * The attendee's email; unset, the lead's.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:attendee-phone:
 *
 * The attendee's phone; unset, the lead's.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:additional-attendees:
 *
 * Other attendees, a JSON array of `{name, email}` objects.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:external-calendar-provider:
 *
 * The calendar the meeting was booked in, such as `google`, `calendly` or `ghl`. With [property@Nexor.MeetingInput:external-event-id] it identifies the meeting: logging it again updates it, and the call is safe to repeat.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:external-event-id:
 *
 * The event's id in [property@Nexor.MeetingInput:external-calendar-provider].
 *
 * Since: 0.1
 */
/**
 * NexorMeetingInput:status:
 *
 * `scheduled` (unset) or `confirmed`.
 *
 * Since: 0.1
 */

static void
nexor_meeting_input_finalize (GObject *object)
{
  NexorMeetingInput *self = NEXOR_MEETING_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_meeting_input_parent_class)->finalize (object);
}

static void
nexor_meeting_input_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NexorMeetingInput *self = NEXOR_MEETING_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_meeting_input_fields[prop_id - 1], value);
}

static void
nexor_meeting_input_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  NexorMeetingInput *self = NEXOR_MEETING_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_meeting_input_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
nexor_meeting_input_class_init (NexorMeetingInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_meeting_input_finalize;
  object_class->get_property = nexor_meeting_input_get_property;
  object_class->set_property = nexor_meeting_input_set_property;

  _nexor_input_install_properties (object_class, nexor_meeting_input_fields, N_PROPS - 1, props);
}

static void
nexor_meeting_input_init (NexorMeetingInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_meeting_input_new:
 *
 * Creates an empty meeting input: every property unset.
 *
 * Returns: (transfer full): a new [class@Nexor.MeetingInput]
 *
 * Since: 0.1
 */
NexorMeetingInput *
nexor_meeting_input_new (void)
{
  return g_object_new (NEXOR_TYPE_MEETING_INPUT, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_meeting_input_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_meeting_input_is_set:
 * @self: a [class@Nexor.MeetingInput]
 * @property_name: the name of a property, such as `lead-id` (`lead_id` works too)
 *
 * Whether the property has been set, to a value or to %NULL.
 *
 * Returns: %TRUE if it is set
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_input_is_set (NexorMeetingInput *self,
                            const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_meeting_input_is_null:
 * @self: a [class@Nexor.MeetingInput]
 * @property_name: the name of a property
 *
 * Whether the property has been set to %NULL, which sends a JSON null.
 *
 * Returns: %TRUE if it is set to %NULL
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_input_is_null (NexorMeetingInput *self,
                             const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_meeting_input_unset:
 * @self: a [class@Nexor.MeetingInput]
 * @property_name: the name of a property
 *
 * Unsets the property: it is left out again.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_unset (NexorMeetingInput *self,
                           const char *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_meeting_input_fields + 1]);
}

static gboolean
check_uuid (JsonObject            *values,
            const NexorInputField *field,
            GError               **error)
{
  const char *id = _nexor_input_get_string (values, field);

  if (id == NULL || _nexor_is_uuid (id))
    return TRUE;

  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
               _("Invalid meeting input: “%s” is not a UUID"), field->property);
  return FALSE;
}

static gboolean
has_text (JsonObject            *values,
          const NexorInputField *field)
{
  const char *text = _nexor_input_get_string (values, field);

  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

/**
 * nexor_meeting_input_set_time_zone:
 * @self: a [class@Nexor.MeetingInput]
 * @time_zone: (nullable): the zone the meeting is booked in; %NULL sends a JSON null
 *
 * Sets [property@Nexor.MeetingInput:timezone] to the identifier of
 * @time_zone, such as `America/Santiago`. The API takes IANA names: a zone
 * made from an offset or from the local time has no such name, and the call
 * will fail with %NEXOR_ERROR_INVALID_ARGUMENT before a request is sent.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_time_zone (NexorMeetingInput *self,
                                   GTimeZone         *time_zone)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  nexor_meeting_input_set_timezone (self, time_zone != NULL ? g_time_zone_get_identifier (time_zone) : NULL);
}

/**
 * nexor_meeting_input_dup_time_zone:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets [property@Nexor.MeetingInput:timezone] as a [struct@GLib.TimeZone].
 *
 * Returns: (nullable) (transfer full): the zone, or %NULL when unset, null or
 *   not a zone this system knows
 *
 * Since: 0.1
 */
GTimeZone *
nexor_meeting_input_dup_time_zone (NexorMeetingInput *self)
{
  const char *name;

  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  name = nexor_meeting_input_get_timezone (self);
  return name != NULL ? g_time_zone_new_identifier (name) : NULL;
}

/* What the API refuses for sure is refused here, without a request. */
gboolean
_nexor_meeting_input_check (NexorMeetingInput  *self,
                            GError            **error)
{
  const NexorInputField *fields = nexor_meeting_input_fields;
  const char *timezone;
  gboolean by_email;

  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), FALSE);

  by_email = has_text (self->values, &fields[PROP_LEAD_EMAIL - 1]);
  if (!_nexor_input_check_utf8 (self->values, fields, N_PROPS - 1, "meeting input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_LEAD_ID - 1], !by_email, "meeting input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_TITLE - 1], TRUE, "meeting input", error) ||
      !check_uuid (self->values, &fields[PROP_LEAD_ID - 1], error) ||
      !check_uuid (self->values, &fields[PROP_MEETING_TYPE_ID - 1], error))
    return FALSE;

  {
      g_autoptr(GDateTime) starts = _nexor_input_dup_datetime (self->values, &fields[PROP_STARTS_AT - 1]);
      g_autoptr(GDateTime) ends = _nexor_input_dup_datetime (self->values, &fields[PROP_ENDS_AT - 1]);
      gboolean has_duration = _nexor_input_is_set (self->values, "duration_minutes") &&
                              !_nexor_input_is_null (self->values, "duration_minutes");

      if (starts == NULL)
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid %s: “%s” is required"), "meeting input", "starts-at");
          return FALSE;
        }

      if (ends == NULL && !has_duration)
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid meeting input: “ends-at” or “duration-minutes” is required"));
          return FALSE;
        }
      if (ends != NULL && g_date_time_compare (ends, starts) <= 0)
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid meeting input: the meeting must end after it starts"));
          return FALSE;
        }
      if (has_duration && _nexor_input_get_int (self->values, &fields[PROP_DURATION_MINUTES - 1]) < 1)
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid meeting input: the duration must be at least one minute"));
          return FALSE;
        }
    }

  timezone = _nexor_input_get_string (self->values, &fields[PROP_TIMEZONE - 1]);
  if (timezone != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (timezone);

      /* GLib also takes offsets such as "+03:00" as identifiers; the API
       * takes IANA names only. */
      if (zone == NULL || timezone[0] == '+' || timezone[0] == '-' || g_ascii_isdigit (timezone[0]))
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid meeting input: “%s” is not an IANA time zone"), timezone);
          return FALSE;
        }
    }

  return TRUE;
}

/* Both calendar keys: the API updates the meeting they name instead of
 * logging another. */
gboolean
_nexor_meeting_input_is_idempotent (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), FALSE);

  return has_text (self->values, &nexor_meeting_input_fields[PROP_EXTERNAL_CALENDAR_PROVIDER - 1]) &&
         has_text (self->values, &nexor_meeting_input_fields[PROP_EXTERNAL_EVENT_ID - 1]);
}

JsonNode *
_nexor_meeting_input_to_json (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_to_json (self->values, nexor_meeting_input_fields, N_PROPS - 1);
}

/**
 * nexor_meeting_input_get_lead_id:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:lead-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_lead_id (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_LEAD_ID - 1]);
}

/**
 * nexor_meeting_input_set_lead_id:
 * @self: a [class@Nexor.MeetingInput]
 * @lead_id: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:lead-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_lead_id (NexorMeetingInput *self,
                                const char *lead_id)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_LEAD_ID - 1], lead_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_ID]);
}

/**
 * nexor_meeting_input_get_lead_email:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:lead-email] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_lead_email (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_LEAD_EMAIL - 1]);
}

/**
 * nexor_meeting_input_set_lead_email:
 * @self: a [class@Nexor.MeetingInput]
 * @lead_email: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:lead-email] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_lead_email (NexorMeetingInput *self,
                                   const char *lead_email)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_LEAD_EMAIL - 1], lead_email))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_EMAIL]);
}

/**
 * nexor_meeting_input_get_title:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:title] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_title (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_TITLE - 1]);
}

/**
 * nexor_meeting_input_set_title:
 * @self: a [class@Nexor.MeetingInput]
 * @title: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:title] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_title (NexorMeetingInput *self,
                              const char *title)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_TITLE - 1], title))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TITLE]);
}

/**
 * nexor_meeting_input_dup_starts_at:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:starts-at] property.
 *
 * Returns: (nullable) (transfer full): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_input_dup_starts_at (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_dup_datetime (self->values, &nexor_meeting_input_fields[PROP_STARTS_AT - 1]);
}

/**
 * nexor_meeting_input_set_starts_at:
 * @self: a [class@Nexor.MeetingInput]
 * @starts_at: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:starts-at] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_starts_at (NexorMeetingInput *self,
                                  GDateTime *starts_at)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_datetime (self->values, &nexor_meeting_input_fields[PROP_STARTS_AT - 1], starts_at))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STARTS_AT]);
}

/**
 * nexor_meeting_input_dup_ends_at:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:ends-at] property.
 *
 * Returns: (nullable) (transfer full): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_input_dup_ends_at (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_dup_datetime (self->values, &nexor_meeting_input_fields[PROP_ENDS_AT - 1]);
}

/**
 * nexor_meeting_input_set_ends_at:
 * @self: a [class@Nexor.MeetingInput]
 * @ends_at: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:ends-at] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_ends_at (NexorMeetingInput *self,
                                GDateTime *ends_at)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_datetime (self->values, &nexor_meeting_input_fields[PROP_ENDS_AT - 1], ends_at))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ENDS_AT]);
}

/**
 * nexor_meeting_input_get_duration_minutes:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:duration-minutes] property.
 *
 * Returns: the value, or 0 when unset
 *
 * Since: 0.1
 */
int
nexor_meeting_input_get_duration_minutes (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), 0);

  return _nexor_input_get_int (self->values, &nexor_meeting_input_fields[PROP_DURATION_MINUTES - 1]);
}

/**
 * nexor_meeting_input_set_duration_minutes:
 * @self: a [class@Nexor.MeetingInput]
 * @duration_minutes: the value
 *
 * Sets the [property@Nexor.MeetingInput:duration-minutes] property.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_duration_minutes (NexorMeetingInput *self,
                                         int duration_minutes)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_int (self->values, &nexor_meeting_input_fields[PROP_DURATION_MINUTES - 1], duration_minutes))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DURATION_MINUTES]);
}

/**
 * nexor_meeting_input_get_timezone:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:timezone] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_timezone (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_TIMEZONE - 1]);
}

/**
 * nexor_meeting_input_set_timezone:
 * @self: a [class@Nexor.MeetingInput]
 * @timezone: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:timezone] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_timezone (NexorMeetingInput *self,
                                 const char *timezone)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_TIMEZONE - 1], timezone))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TIMEZONE]);
}

/**
 * nexor_meeting_input_get_meeting_url:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:meeting-url] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_meeting_url (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_MEETING_URL - 1]);
}

/**
 * nexor_meeting_input_set_meeting_url:
 * @self: a [class@Nexor.MeetingInput]
 * @meeting_url: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:meeting-url] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_meeting_url (NexorMeetingInput *self,
                                    const char *meeting_url)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_MEETING_URL - 1], meeting_url))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MEETING_URL]);
}

/**
 * nexor_meeting_input_get_location_type:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:location-type] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_location_type (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_LOCATION_TYPE - 1]);
}

/**
 * nexor_meeting_input_set_location_type:
 * @self: a [class@Nexor.MeetingInput]
 * @location_type: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:location-type] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_location_type (NexorMeetingInput *self,
                                      const char *location_type)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_LOCATION_TYPE - 1], location_type))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOCATION_TYPE]);
}

/**
 * nexor_meeting_input_get_location_details:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:location-details] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_location_details (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_LOCATION_DETAILS - 1]);
}

/**
 * nexor_meeting_input_set_location_details:
 * @self: a [class@Nexor.MeetingInput]
 * @location_details: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:location-details] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_location_details (NexorMeetingInput *self,
                                         const char *location_details)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_LOCATION_DETAILS - 1], location_details))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOCATION_DETAILS]);
}

/**
 * nexor_meeting_input_get_description:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:description] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_description (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_DESCRIPTION - 1]);
}

/**
 * nexor_meeting_input_set_description:
 * @self: a [class@Nexor.MeetingInput]
 * @description: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:description] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_description (NexorMeetingInput *self,
                                    const char *description)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_DESCRIPTION - 1], description))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DESCRIPTION]);
}

/**
 * nexor_meeting_input_get_host_email:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:host-email] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_host_email (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_HOST_EMAIL - 1]);
}

/**
 * nexor_meeting_input_set_host_email:
 * @self: a [class@Nexor.MeetingInput]
 * @host_email: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:host-email] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_host_email (NexorMeetingInput *self,
                                   const char *host_email)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_HOST_EMAIL - 1], host_email))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_HOST_EMAIL]);
}

/**
 * nexor_meeting_input_get_meeting_type_id:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:meeting-type-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_meeting_type_id (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_MEETING_TYPE_ID - 1]);
}

/**
 * nexor_meeting_input_set_meeting_type_id:
 * @self: a [class@Nexor.MeetingInput]
 * @meeting_type_id: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:meeting-type-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_meeting_type_id (NexorMeetingInput *self,
                                        const char *meeting_type_id)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_MEETING_TYPE_ID - 1], meeting_type_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MEETING_TYPE_ID]);
}

/**
 * nexor_meeting_input_get_attendee_name:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:attendee-name] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_attendee_name (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_ATTENDEE_NAME - 1]);
}

/**
 * nexor_meeting_input_set_attendee_name:
 * @self: a [class@Nexor.MeetingInput]
 * @attendee_name: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:attendee-name] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_attendee_name (NexorMeetingInput *self,
                                      const char *attendee_name)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_ATTENDEE_NAME - 1], attendee_name))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ATTENDEE_NAME]);
}

/**
 * nexor_meeting_input_get_attendee_email:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:attendee-email] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_attendee_email (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_ATTENDEE_EMAIL - 1]);
}

/**
 * nexor_meeting_input_set_attendee_email:
 * @self: a [class@Nexor.MeetingInput]
 * @attendee_email: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:attendee-email] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_attendee_email (NexorMeetingInput *self,
                                       const char *attendee_email)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_ATTENDEE_EMAIL - 1], attendee_email))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ATTENDEE_EMAIL]);
}

/**
 * nexor_meeting_input_get_attendee_phone:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:attendee-phone] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_attendee_phone (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_ATTENDEE_PHONE - 1]);
}

/**
 * nexor_meeting_input_set_attendee_phone:
 * @self: a [class@Nexor.MeetingInput]
 * @attendee_phone: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:attendee-phone] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_attendee_phone (NexorMeetingInput *self,
                                       const char *attendee_phone)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_ATTENDEE_PHONE - 1], attendee_phone))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ATTENDEE_PHONE]);
}

/**
 * nexor_meeting_input_dup_additional_attendees:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:additional-attendees] property.
 *
 * Returns: (nullable) (transfer full): a copy of the value, or %NULL when unset (a JSON null when set to null)
 *
 * Since: 0.1
 */
JsonNode *
nexor_meeting_input_dup_additional_attendees (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_dup_node (self->values, &nexor_meeting_input_fields[PROP_ADDITIONAL_ATTENDEES - 1]);
}

/**
 * nexor_meeting_input_set_additional_attendees:
 * @self: a [class@Nexor.MeetingInput]
 * @additional_attendees: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:additional-attendees] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_additional_attendees (NexorMeetingInput *self,
                                             JsonNode *additional_attendees)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_node (self->values, &nexor_meeting_input_fields[PROP_ADDITIONAL_ATTENDEES - 1], additional_attendees))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ADDITIONAL_ATTENDEES]);
}

/**
 * nexor_meeting_input_get_external_calendar_provider:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:external-calendar-provider] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_external_calendar_provider (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_EXTERNAL_CALENDAR_PROVIDER - 1]);
}

/**
 * nexor_meeting_input_set_external_calendar_provider:
 * @self: a [class@Nexor.MeetingInput]
 * @external_calendar_provider: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:external-calendar-provider] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_external_calendar_provider (NexorMeetingInput *self,
                                                   const char *external_calendar_provider)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_EXTERNAL_CALENDAR_PROVIDER - 1], external_calendar_provider))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXTERNAL_CALENDAR_PROVIDER]);
}

/**
 * nexor_meeting_input_get_external_event_id:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:external-event-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_external_event_id (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_EXTERNAL_EVENT_ID - 1]);
}

/**
 * nexor_meeting_input_set_external_event_id:
 * @self: a [class@Nexor.MeetingInput]
 * @external_event_id: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:external-event-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_external_event_id (NexorMeetingInput *self,
                                          const char *external_event_id)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_EXTERNAL_EVENT_ID - 1], external_event_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXTERNAL_EVENT_ID]);
}

/**
 * nexor_meeting_input_get_status:
 * @self: a [class@Nexor.MeetingInput]
 *
 * Gets the [property@Nexor.MeetingInput:status] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_input_get_status (NexorMeetingInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_input_fields[PROP_STATUS - 1]);
}

/**
 * nexor_meeting_input_set_status:
 * @self: a [class@Nexor.MeetingInput]
 * @status: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingInput:status] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_input_set_status (NexorMeetingInput *self,
                               const char *status)
{
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_input_fields[PROP_STATUS - 1], status))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATUS]);
}
