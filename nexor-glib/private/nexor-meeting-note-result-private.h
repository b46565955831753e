/* nexor-meeting-note-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"
#include "nexor-meeting-note-result.h"

G_BEGIN_DECLS

NexorMeetingNoteResult *_nexor_meeting_note_result_new_from_response (JsonNode           *root,
                                                                     NexorJsonDocument  *document,
                                                                     GError            **error);

G_END_DECLS
