/* nexor-meeting-note-input.c: note-taker output to attach to a meeting
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
#include "nexor-meeting-note-input-private.h"

/**
 * NexorMeetingNoteInput:
 *
 * Note-taker output to attach to an existing meeting with
 * [method@Nexor.Client.create_meeting_note] (`POST /meeting-notes`). Only the
 * properties that were set are sent; one set to %NULL is sent as JSON null,
 * and [method@Nexor.MeetingNoteInput.unset] leaves it out again.
 *
 * The meeting is found by the first of these that names one, in this
 * order: [property@Nexor.MeetingNoteInput:calendar-event-id]; the calendar
 * keys [property@Nexor.MeetingNoteInput:external-calendar-provider] and
 * [property@Nexor.MeetingNoteInput:external-calendar-event-id];
 * [property@Nexor.MeetingNoteInput:meeting-url];
 * [property@Nexor.MeetingNoteInput:lead-email] with
 * [property@Nexor.MeetingNoteInput:meeting-date] (within an hour); the
 * lead's email alone (its latest past meeting). There are no notes without
 * a meeting. At least one of the notes, transcript, summaries or action
 * items must be non-empty. With both [property@Nexor.MeetingNoteInput:provider]
 * and [property@Nexor.MeetingNoteInput:external-meeting-id] sending the note
 * again updates it, and the library repeats the call after a failure.
 *
 * Since: 0.1
 */

struct _NexorMeetingNoteInput
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_CALENDAR_EVENT_ID,
  PROP_EXTERNAL_CALENDAR_PROVIDER,
  PROP_EXTERNAL_CALENDAR_EVENT_ID,
  PROP_MEETING_URL,
  PROP_LEAD_EMAIL,
  PROP_MEETING_DATE,
  PROP_PROVIDER,
  PROP_EXTERNAL_MEETING_ID,
  PROP_NOTES,
  PROP_TRANSCRIPT_TEXT,
  PROP_SUMMARY,
  PROP_MANUAL_AI_SUMMARY,
  PROP_ACTION_ITEMS,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_datetime_type (void)
{
  return G_TYPE_DATE_TIME;
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
static const NexorInputField nexor_meeting_note_input_fields[] = {
  { "calendar-event-id", "calendar_event_id", get_string_type },
  { "external-calendar-provider", "external_calendar_provider", get_string_type },
  { "external-calendar-event-id", "external_calendar_event_id", get_string_type },
  { "meeting-url", "meeting_url", get_string_type },
  { "lead-email", "lead_email", get_string_type },
  { "meeting-date", "meeting_date", get_datetime_type },
  { "provider", "provider", get_string_type },
  { "external-meeting-id", "external_meeting_id", get_string_type },
  { "notes", "notes", get_string_type },
  { "transcript-text", "transcript_text", get_string_type },
  { "summary", "summary", get_string_type },
  { "manual-ai-summary", "manual_ai_summary", get_string_type },
  { "action-items", "action_items", get_node_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_meeting_note_input_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorMeetingNoteInput, nexor_meeting_note_input, G_TYPE_OBJECT)

/**
 * NexorMeetingNoteInput:calendar-event-id:
 *
 * The id of the meeting ([property@Nexor.Meeting:id]), a UUID: the first resolver tried.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:external-calendar-provider:
 *
 * With [property@Nexor.MeetingNoteInput:external-calendar-event-id], the calendar keys the meeting was logged with: the second resolver.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:external-calendar-event-id:
 *
 * The event id in [property@Nexor.MeetingNoteInput:external-calendar-provider].
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:meeting-url:
 *
 * The meeting's link, matched exactly: the third resolver.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:lead-email:
 *
 * The lead's email: with [property@Nexor.MeetingNoteInput:meeting-date] the lead's meeting within an hour of it, alone the lead's most recent past meeting.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:meeting-date:
 *
 * When the meeting took place, with [property@Nexor.MeetingNoteInput:lead-email].
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:provider:
 *
 * The note-taker, such as `otter`; unset, `manual`. 1 to 64 of `a-z`, `0-9`, `_`, `-`; `fireflies`, `diio`, `gemini` and `retell` are reserved for their own integrations.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:external-meeting-id:
 *
 * The note-taker's id for the meeting. With [property@Nexor.MeetingNoteInput:provider] it identifies the note: sending it again updates it, and the call is safe to repeat.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:notes:
 *
 * Free-form notes.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:transcript-text:
 *
 * The transcript.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:summary:
 *
 * The note-taker's summary.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:manual-ai-summary:
 *
 * A summary written by a person or another AI.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteInput:action-items:
 *
 * The action items: a JSON array of strings (or objects), or one string.
 *
 * Since: 0.1
 */

static void
nexor_meeting_note_input_finalize (GObject *object)
{
  NexorMeetingNoteInput *self = NEXOR_MEETING_NOTE_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_meeting_note_input_parent_class)->finalize (object);
}

static void
nexor_meeting_note_input_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NexorMeetingNoteInput *self = NEXOR_MEETING_NOTE_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_meeting_note_input_fields[prop_id - 1], value);
}

static void
nexor_meeting_note_input_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  NexorMeetingNoteInput *self = NEXOR_MEETING_NOTE_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_meeting_note_input_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
nexor_meeting_note_input_class_init (NexorMeetingNoteInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_meeting_note_input_finalize;
  object_class->get_property = nexor_meeting_note_input_get_property;
  object_class->set_property = nexor_meeting_note_input_set_property;

  _nexor_input_install_properties (object_class, nexor_meeting_note_input_fields, N_PROPS - 1, props);
}

static void
nexor_meeting_note_input_init (NexorMeetingNoteInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_meeting_note_input_new:
 *
 * Creates an empty meeting note input: every property unset.
 *
 * Returns: (transfer full): a new [class@Nexor.MeetingNoteInput]
 *
 * Since: 0.1
 */
NexorMeetingNoteInput *
nexor_meeting_note_input_new (void)
{
  return g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_meeting_note_input_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_meeting_note_input_is_set:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @property_name: the name of a property, such as `calendar-event-id` (`calendar_event_id` works too)
 *
 * Whether the property has been set, to a value or to %NULL.
 *
 * Returns: %TRUE if it is set
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_note_input_is_set (NexorMeetingNoteInput *self,
                                 const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_meeting_note_input_is_null:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @property_name: the name of a property
 *
 * Whether the property has been set to %NULL, which sends a JSON null.
 *
 * Returns: %TRUE if it is set to %NULL
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_note_input_is_null (NexorMeetingNoteInput *self,
                                  const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_meeting_note_input_unset:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @property_name: the name of a property
 *
 * Unsets the property: it is left out again.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_unset (NexorMeetingNoteInput *self,
                                const char *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_meeting_note_input_fields + 1]);
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

/* What the API refuses for sure is refused here, without a request: a
 * note must find its meeting, carry something and come from a provider the
 * API takes. */
gboolean
_nexor_meeting_note_input_check (NexorMeetingNoteInput  *self,
                                 GError                **error)
{
  static const char * const reserved[] = { "fireflies", "diio", "gemini", "retell", NULL };
  const NexorInputField *fields = nexor_meeting_note_input_fields;
  const char *event_id;
  const char *provider;
  gboolean content = FALSE;

  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), FALSE);

  if (!_nexor_input_check_utf8 (self->values, fields, N_PROPS - 1, "meeting note input", error))
    return FALSE;

  event_id = _nexor_input_get_string (self->values, &fields[PROP_CALENDAR_EVENT_ID - 1]);
  if (event_id != NULL && !_nexor_is_uuid (event_id))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid meeting note input: “%s” is not a UUID"), "calendar-event-id");
      return FALSE;
    }

  if (event_id == NULL &&
      !(has_text (self->values, &fields[PROP_EXTERNAL_CALENDAR_PROVIDER - 1]) &&
        has_text (self->values, &fields[PROP_EXTERNAL_CALENDAR_EVENT_ID - 1])) &&
      !has_text (self->values, &fields[PROP_MEETING_URL - 1]) &&
      !has_text (self->values, &fields[PROP_LEAD_EMAIL - 1]))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid meeting note input: name the meeting by its id, its calendar event, its link or the lead’s email"));
      return FALSE;
    }

  for (guint i = PROP_NOTES; i <= PROP_MANUAL_AI_SUMMARY && !content; i++)
    content = has_text (self->values, &fields[i - 1]);
  if (!content)
    {
      g_autoptr(JsonNode) items = _nexor_input_dup_node (self->values, &fields[PROP_ACTION_ITEMS - 1]);

      if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
        content = json_array_get_length (json_node_get_array (items)) > 0;
      else if (items != NULL && JSON_NODE_HOLDS_VALUE (items) && json_node_get_value_type (items) == G_TYPE_STRING)
        {
          g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (items)));

          content = *text != '\0';
        }
    }
  if (!content)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid meeting note input: set notes, a transcript, a summary or action items"));
      return FALSE;
    }

  provider = _nexor_input_get_string (self->values, &fields[PROP_PROVIDER - 1]);
  if (provider != NULL && (!is_provider_name (provider) || g_strv_contains (reserved, provider)))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   g_strv_contains (reserved, provider)
                   ? _("Invalid meeting note input: the provider “%s” is reserved for its own integration")
                   : _("Invalid meeting note input: the provider “%s” must be 1 to 64 of a-z, 0-9, _ and -"),
                   provider);
      return FALSE;
    }

  return TRUE;
}

/* The note's own key: sent again, the API updates the note. */
gboolean
_nexor_meeting_note_input_is_idempotent (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), FALSE);

  return has_text (self->values, &nexor_meeting_note_input_fields[PROP_PROVIDER - 1]) &&
         has_text (self->values, &nexor_meeting_note_input_fields[PROP_EXTERNAL_MEETING_ID - 1]);
}

JsonNode *
_nexor_meeting_note_input_to_json (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_to_json (self->values, nexor_meeting_note_input_fields, N_PROPS - 1);
}

/**
 * nexor_meeting_note_input_get_calendar_event_id:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:calendar-event-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_calendar_event_id (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_CALENDAR_EVENT_ID - 1]);
}

/**
 * nexor_meeting_note_input_set_calendar_event_id:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @calendar_event_id: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:calendar-event-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_calendar_event_id (NexorMeetingNoteInput *self,
                                               const char *calendar_event_id)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_CALENDAR_EVENT_ID - 1], calendar_event_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CALENDAR_EVENT_ID]);
}

/**
 * nexor_meeting_note_input_get_external_calendar_provider:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:external-calendar-provider] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_external_calendar_provider (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_EXTERNAL_CALENDAR_PROVIDER - 1]);
}

/**
 * nexor_meeting_note_input_set_external_calendar_provider:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @external_calendar_provider: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:external-calendar-provider] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_external_calendar_provider (NexorMeetingNoteInput *self,
                                                        const char *external_calendar_provider)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_EXTERNAL_CALENDAR_PROVIDER - 1], external_calendar_provider))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXTERNAL_CALENDAR_PROVIDER]);
}

/**
 * nexor_meeting_note_input_get_external_calendar_event_id:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:external-calendar-event-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_external_calendar_event_id (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_EXTERNAL_CALENDAR_EVENT_ID - 1]);
}

/**
 * nexor_meeting_note_input_set_external_calendar_event_id:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @external_calendar_event_id: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:external-calendar-event-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_external_calendar_event_id (NexorMeetingNoteInput *self,
                                                        const char *external_calendar_event_id)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_EXTERNAL_CALENDAR_EVENT_ID - 1], external_calendar_event_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXTERNAL_CALENDAR_EVENT_ID]);
}

/**
 * nexor_meeting_note_input_get_meeting_url:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:meeting-url] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_meeting_url (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_MEETING_URL - 1]);
}

/**
 * nexor_meeting_note_input_set_meeting_url:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @meeting_url: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:meeting-url] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_meeting_url (NexorMeetingNoteInput *self,
                                         const char *meeting_url)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_MEETING_URL - 1], meeting_url))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MEETING_URL]);
}

/**
 * nexor_meeting_note_input_get_lead_email:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:lead-email] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_lead_email (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_LEAD_EMAIL - 1]);
}

/**
 * nexor_meeting_note_input_set_lead_email:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @lead_email: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:lead-email] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_lead_email (NexorMeetingNoteInput *self,
                                        const char *lead_email)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_LEAD_EMAIL - 1], lead_email))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_EMAIL]);
}

/**
 * nexor_meeting_note_input_dup_meeting_date:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:meeting-date] property.
 *
 * Returns: (nullable) (transfer full): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_note_input_dup_meeting_date (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_dup_datetime (self->values, &nexor_meeting_note_input_fields[PROP_MEETING_DATE - 1]);
}

/**
 * nexor_meeting_note_input_set_meeting_date:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @meeting_date: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:meeting-date] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_meeting_date (NexorMeetingNoteInput *self,
                                          GDateTime *meeting_date)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_datetime (self->values, &nexor_meeting_note_input_fields[PROP_MEETING_DATE - 1], meeting_date))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MEETING_DATE]);
}

/**
 * nexor_meeting_note_input_get_provider:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:provider] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_provider (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_PROVIDER - 1]);
}

/**
 * nexor_meeting_note_input_set_provider:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @provider: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:provider] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_provider (NexorMeetingNoteInput *self,
                                      const char *provider)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_PROVIDER - 1], provider))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PROVIDER]);
}

/**
 * nexor_meeting_note_input_get_external_meeting_id:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:external-meeting-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_external_meeting_id (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_EXTERNAL_MEETING_ID - 1]);
}

/**
 * nexor_meeting_note_input_set_external_meeting_id:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @external_meeting_id: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:external-meeting-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_external_meeting_id (NexorMeetingNoteInput *self,
                                                 const char *external_meeting_id)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_EXTERNAL_MEETING_ID - 1], external_meeting_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXTERNAL_MEETING_ID]);
}

/**
 * nexor_meeting_note_input_get_notes:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:notes] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_notes (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_NOTES - 1]);
}

/**
 * nexor_meeting_note_input_set_notes:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @notes: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:notes] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_notes (NexorMeetingNoteInput *self,
                                   const char *notes)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_NOTES - 1], notes))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NOTES]);
}

/**
 * nexor_meeting_note_input_get_transcript_text:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:transcript-text] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_transcript_text (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_TRANSCRIPT_TEXT - 1]);
}

/**
 * nexor_meeting_note_input_set_transcript_text:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @transcript_text: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:transcript-text] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_transcript_text (NexorMeetingNoteInput *self,
                                             const char *transcript_text)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_TRANSCRIPT_TEXT - 1], transcript_text))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TRANSCRIPT_TEXT]);
}

/**
 * nexor_meeting_note_input_get_summary:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:summary] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_summary (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_SUMMARY - 1]);
}

/**
 * nexor_meeting_note_input_set_summary:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @summary: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:summary] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_summary (NexorMeetingNoteInput *self,
                                     const char *summary)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_SUMMARY - 1], summary))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SUMMARY]);
}

/**
 * nexor_meeting_note_input_get_manual_ai_summary:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:manual-ai-summary] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_input_get_manual_ai_summary (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_meeting_note_input_fields[PROP_MANUAL_AI_SUMMARY - 1]);
}

/**
 * nexor_meeting_note_input_set_manual_ai_summary:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @manual_ai_summary: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:manual-ai-summary] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_manual_ai_summary (NexorMeetingNoteInput *self,
                                               const char *manual_ai_summary)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_meeting_note_input_fields[PROP_MANUAL_AI_SUMMARY - 1], manual_ai_summary))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MANUAL_AI_SUMMARY]);
}

/**
 * nexor_meeting_note_input_dup_action_items:
 * @self: a [class@Nexor.MeetingNoteInput]
 *
 * Gets the [property@Nexor.MeetingNoteInput:action-items] property.
 *
 * Returns: (nullable) (transfer full): a copy of the value, or %NULL when unset (a JSON null when set to null)
 *
 * Since: 0.1
 */
JsonNode *
nexor_meeting_note_input_dup_action_items (NexorMeetingNoteInput *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self), NULL);

  return _nexor_input_dup_node (self->values, &nexor_meeting_note_input_fields[PROP_ACTION_ITEMS - 1]);
}

/**
 * nexor_meeting_note_input_set_action_items:
 * @self: a [class@Nexor.MeetingNoteInput]
 * @action_items: (nullable): the value
 *
 * Sets the [property@Nexor.MeetingNoteInput:action-items] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_meeting_note_input_set_action_items (NexorMeetingNoteInput *self,
                                          JsonNode *action_items)
{
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (self));

  if (_nexor_input_set_node (self->values, &nexor_meeting_note_input_fields[PROP_ACTION_ITEMS - 1], action_items))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ACTION_ITEMS]);
}
