/* nexor-meeting-input.h: a meeting to log
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

#define NEXOR_TYPE_MEETING_INPUT (nexor_meeting_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMeetingInput, nexor_meeting_input, NEXOR, MEETING_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorMeetingInput *nexor_meeting_input_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_input_is_set (NexorMeetingInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_meeting_input_is_null (NexorMeetingInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_unset (NexorMeetingInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_lead_id (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_lead_id (NexorMeetingInput *self, const char *lead_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_lead_email (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_lead_email (NexorMeetingInput *self, const char *lead_email);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_title (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_title (NexorMeetingInput *self, const char *title);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_input_dup_starts_at (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_starts_at (NexorMeetingInput *self, GDateTime *starts_at);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_meeting_input_dup_ends_at (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_ends_at (NexorMeetingInput *self, GDateTime *ends_at);
NEXOR_AVAILABLE_IN_0_1
int nexor_meeting_input_get_duration_minutes (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_duration_minutes (NexorMeetingInput *self, int duration_minutes);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_timezone (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_timezone (NexorMeetingInput *self, const char *timezone);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_meeting_url (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_meeting_url (NexorMeetingInput *self, const char *meeting_url);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_location_type (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_location_type (NexorMeetingInput *self, const char *location_type);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_location_details (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_location_details (NexorMeetingInput *self, const char *location_details);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_description (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_description (NexorMeetingInput *self, const char *description);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_host_email (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_host_email (NexorMeetingInput *self, const char *host_email);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_meeting_type_id (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_meeting_type_id (NexorMeetingInput *self, const char *meeting_type_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_attendee_name (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_attendee_name (NexorMeetingInput *self, const char *attendee_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_attendee_email (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_attendee_email (NexorMeetingInput *self, const char *attendee_email);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_attendee_phone (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_attendee_phone (NexorMeetingInput *self, const char *attendee_phone);
NEXOR_AVAILABLE_IN_0_1
JsonNode *nexor_meeting_input_dup_additional_attendees (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_additional_attendees (NexorMeetingInput *self, JsonNode *additional_attendees);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_external_calendar_provider (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_external_calendar_provider (NexorMeetingInput *self, const char *external_calendar_provider);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_external_event_id (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_external_event_id (NexorMeetingInput *self, const char *external_event_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_input_get_status (NexorMeetingInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_status (NexorMeetingInput *self, const char *status);
NEXOR_AVAILABLE_IN_0_1
void nexor_meeting_input_set_time_zone (NexorMeetingInput *self, GTimeZone *time_zone);
NEXOR_AVAILABLE_IN_0_1
GTimeZone *nexor_meeting_input_dup_time_zone (NexorMeetingInput *self);

G_END_DECLS
