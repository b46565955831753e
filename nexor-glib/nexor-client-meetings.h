/* nexor-client-meetings.h: the meeting endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nexor-version-macros.h"
#include "nexor-client.h"
#include "nexor-meeting.h"
#include "nexor-meeting-input.h"
#include "nexor-meeting-note-input.h"
#include "nexor-meeting-note-result.h"
#include "nexor-meeting-outcome.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void nexor_client_create_meeting_async (NexorClient *self, NexorMeetingInput *input, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
NEXOR_AVAILABLE_IN_0_1
NexorMeeting *nexor_client_create_meeting_finish (NexorClient *self, GAsyncResult *result, GError **error);
NEXOR_AVAILABLE_IN_0_1
NexorMeeting *nexor_client_create_meeting (NexorClient *self, NexorMeetingInput *input, GCancellable *cancellable, GError **error);
NEXOR_AVAILABLE_IN_0_1
void nexor_client_cancel_meeting_async (NexorClient *self, const char *meeting_id, const char *reason, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingOutcome *nexor_client_cancel_meeting_finish (NexorClient *self, GAsyncResult *result, GError **error);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingOutcome *nexor_client_cancel_meeting (NexorClient *self, const char *meeting_id, const char *reason, GCancellable *cancellable, GError **error);
NEXOR_AVAILABLE_IN_0_1
void nexor_client_mark_meeting_no_show_async (NexorClient *self, const char *meeting_id, const char *reason, const char *notes, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingOutcome *nexor_client_mark_meeting_no_show_finish (NexorClient *self, GAsyncResult *result, GError **error);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingOutcome *nexor_client_mark_meeting_no_show (NexorClient *self, const char *meeting_id, const char *reason, const char *notes, GCancellable *cancellable, GError **error);
NEXOR_AVAILABLE_IN_0_1
void nexor_client_complete_meeting_async (NexorClient *self, const char *meeting_id, const char *notes, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingOutcome *nexor_client_complete_meeting_finish (NexorClient *self, GAsyncResult *result, GError **error);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingOutcome *nexor_client_complete_meeting (NexorClient *self, const char *meeting_id, const char *notes, GCancellable *cancellable, GError **error);
NEXOR_AVAILABLE_IN_0_1
void nexor_client_create_meeting_note_async (NexorClient *self, NexorMeetingNoteInput *input, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingNoteResult *nexor_client_create_meeting_note_finish (NexorClient *self, GAsyncResult *result, GError **error);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingNoteResult *nexor_client_create_meeting_note (NexorClient *self, NexorMeetingNoteInput *input, GCancellable *cancellable, GError **error);

G_END_DECLS
