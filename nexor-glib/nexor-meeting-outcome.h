/* nexor-meeting-outcome.h: the answer to cancelling, marking no-show or completing a meeting
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
#include "nexor-meeting.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_MEETING_OUTCOME (nexor_meeting_outcome_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMeetingOutcome, nexor_meeting_outcome, NEXOR, MEETING_OUTCOME, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorMeeting *nexor_meeting_outcome_get_meeting (NexorMeetingOutcome *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_outcome_get_skipped (NexorMeetingOutcome *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_outcome_get_reason (NexorMeetingOutcome *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_outcome_get_message (NexorMeetingOutcome *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_outcome_get_idempotent (NexorMeetingOutcome *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_meeting_outcome_dup_json (NexorMeetingOutcome *self);

G_END_DECLS
