/* nexor-meeting-note-result.c: the answer to attaching notes to a meeting
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-meeting-note-result-private.h"
#include "nexor-resource-private.h"

/**
 * NexorMeetingNoteResult:
 *
 * The note [method@Nexor.Client.create_meeting_note] attached, with the
 * meeting it was attached to. The API's reference does not show this
 * answer: the members are read from a `note` object (or the answer itself)
 * and any may be missing; [method@Nexor.MeetingNoteResult.dup_json] keeps
 * what was sent.
 *
 * Since: 0.1
 */

struct _NexorMeetingNoteResult
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *meeting_id;
  char *lead_id;
  char *provider;
  char *external_meeting_id;
  char *notes;
  char *transcript_text;
  char *summary;
  char *manual_ai_summary;
  JsonNode *action_items;
  GDateTime *created_at;
  GDateTime *updated_at;
  gboolean created;
};

/**
 * NexorMeetingNoteResult:id:
 *
 * The note's id.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:meeting-id:
 *
 * The id of the meeting the note was attached to.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:lead-id:
 *
 * The id of the meeting's lead.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:provider:
 *
 * The note-taker, such as `manual`.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:external-meeting-id:
 *
 * The note-taker's id for the meeting.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:notes:
 *
 * The free-form notes.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:transcript-text:
 *
 * The transcript.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:summary:
 *
 * The note-taker's summary.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:manual-ai-summary:
 *
 * The summary written by a person or another AI.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:action-items:
 *
 * The action items as sent: a JSON array or a string.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:created-at:
 *
 * When the note was first attached.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:updated-at:
 *
 * When the note last changed.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingNoteResult:created:
 *
 * Whether the note is new; %FALSE when [property@Nexor.MeetingNoteInput:provider]
 * and [property@Nexor.MeetingNoteInput:external-meeting-id] named a note that
 * was updated (and the lead's timeline did not change).
 *
 * Since: 0.1
 */
static const NexorField nexor_meeting_note_result_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id", "note_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, id), FALSE, 0.0, NULL, NULL },
  { "meeting-id", NEXOR_FIELD_NAMES ("meeting_id", "calendar_event_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, meeting_id), FALSE, 0.0, NULL, NULL },
  { "lead-id", NEXOR_FIELD_NAMES ("lead_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, lead_id), FALSE, 0.0, NULL, NULL },
  { "provider", NEXOR_FIELD_NAMES ("provider"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, provider), FALSE, 0.0, NULL, NULL },
  { "external-meeting-id", NEXOR_FIELD_NAMES ("external_meeting_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, external_meeting_id), FALSE, 0.0, NULL, NULL },
  { "notes", NEXOR_FIELD_NAMES ("notes"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, notes), FALSE, 0.0, NULL, NULL },
  { "transcript-text", NEXOR_FIELD_NAMES ("transcript_text"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, transcript_text), FALSE, 0.0, NULL, NULL },
  { "summary", NEXOR_FIELD_NAMES ("summary"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, summary), FALSE, 0.0, NULL, NULL },
  { "manual-ai-summary", NEXOR_FIELD_NAMES ("manual_ai_summary"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, manual_ai_summary), FALSE, 0.0, NULL, NULL },
  { "action-items", NEXOR_FIELD_NAMES ("action_items"), NEXOR_FIELD_JSON_NODE,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, action_items), FALSE, 0.0, NULL, NULL },
  { "created-at", NEXOR_FIELD_NAMES ("created_at"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, created_at), FALSE, 0.0, NULL, NULL },
  { "updated-at", NEXOR_FIELD_NAMES ("updated_at"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, updated_at), FALSE, 0.0, NULL, NULL },
  { "created", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorMeetingNoteResult, created), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorMeetingNoteResult, nexor_meeting_note_result, nexor_meeting_note_result_fields)

NexorMeetingNoteResult *
_nexor_meeting_note_result_new_from_response (JsonNode           *root,
                                              NexorJsonDocument  *document,
                                              GError            **error)
{
  g_autoptr(NexorMeetingNoteResult) self = NULL;
  JsonObject *object = _nexor_json_get_root_object (root, "meeting note", error);
  JsonObject *note;
  JsonNode *created;

  if (object == NULL)
    return NULL;

  note = _nexor_json_get_optional_object (object, "meeting note", "note");
  self = _nexor_resource_new_from_json (NEXOR_TYPE_MEETING_NOTE_RESULT, "meeting note",
                                        nexor_meeting_note_result_fields,
                                        G_N_ELEMENTS (nexor_meeting_note_result_fields),
                                        note != NULL ? note : object, document, error);
  if (self == NULL)
    return NULL;

  /* Beside the note, not in it; an answer without it made a new note. */
  created = json_object_get_member (object, "created");
  self->created = created == NULL || !JSON_NODE_HOLDS_VALUE (created) ||
                  json_node_get_value_type (created) != G_TYPE_BOOLEAN || json_node_get_boolean (created);

  return g_steal_pointer (&self);
}

/**
 * nexor_meeting_note_result_dup_json:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the JSON object this note was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_meeting_note_result_get_id:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_id (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->id;
}

/**
 * nexor_meeting_note_result_get_meeting_id:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:meeting-id] property.
 *
 * Returns: (nullable): the meeting id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_meeting_id (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->meeting_id;
}

/**
 * nexor_meeting_note_result_get_lead_id:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:lead-id] property.
 *
 * Returns: (nullable): the lead id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_lead_id (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->lead_id;
}

/**
 * nexor_meeting_note_result_get_provider:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:provider] property.
 *
 * Returns: (nullable): the provider
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_provider (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->provider;
}

/**
 * nexor_meeting_note_result_get_external_meeting_id:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:external-meeting-id] property.
 *
 * Returns: (nullable): the external meeting id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_external_meeting_id (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->external_meeting_id;
}

/**
 * nexor_meeting_note_result_get_notes:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:notes] property.
 *
 * Returns: (nullable): the notes
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_notes (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->notes;
}

/**
 * nexor_meeting_note_result_get_transcript_text:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:transcript-text] property.
 *
 * Returns: (nullable): the transcript
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_transcript_text (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->transcript_text;
}

/**
 * nexor_meeting_note_result_get_summary:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:summary] property.
 *
 * Returns: (nullable): the summary
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_summary (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->summary;
}

/**
 * nexor_meeting_note_result_get_manual_ai_summary:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:manual-ai-summary] property.
 *
 * Returns: (nullable): the summary
 *
 * Since: 0.1
 */
const char *
nexor_meeting_note_result_get_manual_ai_summary (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->manual_ai_summary;
}

/**
 * nexor_meeting_note_result_dup_action_items:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:action-items] property.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL when there is none
 *
 * Since: 0.1
 */
JsonNode *
nexor_meeting_note_result_dup_action_items (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return self->action_items != NULL ? _nexor_json_node_deep_copy (self->action_items) : NULL;
}

/**
 * nexor_meeting_note_result_get_created_at:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:created-at] property.
 *
 * Returns: (nullable) (transfer none): the time
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_note_result_get_created_at (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}

/**
 * nexor_meeting_note_result_get_updated_at:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:updated-at] property.
 *
 * Returns: (nullable) (transfer none): the time
 *
 * Since: 0.1
 */
GDateTime *
nexor_meeting_note_result_get_updated_at (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), NULL);

  return _nexor_field_get_datetime (&self->updated_at);
}

/**
 * nexor_meeting_note_result_get_created:
 * @self: a [class@Nexor.MeetingNoteResult]
 *
 * Gets the [property@Nexor.MeetingNoteResult:created] property.
 *
 * Returns: whether the note is new
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_note_result_get_created (NexorMeetingNoteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_RESULT (self), FALSE);

  return self->created;
}
