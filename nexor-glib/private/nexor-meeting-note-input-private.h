/* nexor-meeting-note-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-request-private.h"
#include "nexor-meeting-note-input.h"

G_BEGIN_DECLS

/* Refuses, with NEXOR_ERROR_INVALID_ARGUMENT, what would never be accepted. */
gboolean  _nexor_meeting_note_input_check   (NexorMeetingNoteInput  *self,
                                    GError **error);
/* Whether the request carries its own dedup key, so a repeat is harmless. */
gboolean  _nexor_meeting_note_input_is_idempotent (NexorMeetingNoteInput *self);
/* The set members, as the request body. */
JsonNode *_nexor_meeting_note_input_to_json (NexorMeetingNoteInput *self);

G_END_DECLS
