/* nexor-meeting-note-input.h: note-taker output to attach to a meeting
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

#define NEXOR_TYPE_MEETING_NOTE_INPUT (nexor_meeting_note_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMeetingNoteInput, nexor_meeting_note_input, NEXOR, MEETING_NOTE_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorMeetingNoteInput *nexor_meeting_note_input_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_note_input_is_set (NexorMeetingNoteInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_note_input_is_null (NexorMeetingNoteInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_unset (NexorMeetingNoteInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_calendar_event_id (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_calendar_event_id (NexorMeetingNoteInput *self, const char *calendar_event_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_external_calendar_provider (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_external_calendar_provider (NexorMeetingNoteInput *self, const char *external_calendar_provider);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_external_calendar_event_id (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_external_calendar_event_id (NexorMeetingNoteInput *self, const char *external_calendar_event_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_meeting_url (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_meeting_url (NexorMeetingNoteInput *self, const char *meeting_url);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_lead_email (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_lead_email (NexorMeetingNoteInput *self, const char *lead_email);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_note_input_dup_meeting_date (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_meeting_date (NexorMeetingNoteInput *self, GDateTime *meeting_date);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_provider (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_provider (NexorMeetingNoteInput *self, const char *provider);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_external_meeting_id (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_external_meeting_id (NexorMeetingNoteInput *self, const char *external_meeting_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_notes (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_notes (NexorMeetingNoteInput *self, const char *notes);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_transcript_text (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_transcript_text (NexorMeetingNoteInput *self, const char *transcript_text);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_summary (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_summary (NexorMeetingNoteInput *self, const char *summary);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_note_input_get_manual_ai_summary (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_manual_ai_summary (NexorMeetingNoteInput *self, const char *manual_ai_summary);
NEXOR_AVAILABLE_IN_0_1
JsonNode *nexor_meeting_note_input_dup_action_items (NexorMeetingNoteInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_note_input_set_action_items (NexorMeetingNoteInput *self, JsonNode *action_items);

G_END_DECLS
