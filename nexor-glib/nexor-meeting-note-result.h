/* nexor-meeting-note-result.h: the answer to attaching notes to a meeting
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-version-macros.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_MEETING_NOTE_RESULT (nexor_meeting_note_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMeetingNoteResult, nexor_meeting_note_result, NEXOR, MEETING_NOTE_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_id (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_meeting_id (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_lead_id (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_provider (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_external_meeting_id (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_notes (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_transcript_text (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_summary (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_result_get_manual_ai_summary (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonNode *nexor_meeting_note_result_dup_action_items (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_note_result_get_created_at (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_note_result_get_updated_at (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_note_result_get_created (NexorMeetingNoteResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_meeting_note_result_dup_json (NexorMeetingNoteResult *self);

G_END_DECLS
