/* nexor-meeting.h: a meeting with a lead
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

#define NEXOR_TYPE_MEETING (nexor_meeting_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMeeting, nexor_meeting, NEXOR, MEETING, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_id (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_title (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_get_starts_at (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_get_ends_at (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_meeting_get_duration_minutes (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_timezone (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_status (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_meeting_url (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_location_type (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_location_details (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_host_name (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_meeting_type (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_attendee_name (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_attendee_email (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_attendee_phone (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_get_confirmed_by_lead (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_get_cancelled_at (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_cancellation_reason (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_no_show_reason (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_outcome_notes (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_get_outcome_at (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_lead_id (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_source (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_get_created_at (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_description (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
JsonNode *nexor_meeting_dup_additional_attendees (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_external_calendar_provider (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_get_external_event_id (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_get_idempotent (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
GTimeZone *nexor_meeting_dup_time_zone (NexorMeeting *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_meeting_dup_json (NexorMeeting *self);

G_END_DECLS
