/* nexor-webhook-meeting-data.h: the data of a meeting's webhook event
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

#include "nexor-lead.h"
#include "nexor-meeting.h"
#include "nexor-meeting-type.h"
#include "nexor-team-member.h"
#include "nexor-workflow.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_WEBHOOK_MEETING_DATA (nexor_webhook_meeting_data_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWebhookMeetingData, nexor_webhook_meeting_data, NEXOR, WEBHOOK_MEETING_DATA, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorMeeting *nexor_webhook_meeting_data_get_meeting (NexorWebhookMeetingData *self);
NEXOR_AVAILABLE_IN_0_1
NexorLead *nexor_webhook_meeting_data_get_lead (NexorWebhookMeetingData *self);
NEXOR_AVAILABLE_IN_0_1
NexorTeamMember *nexor_webhook_meeting_data_get_host (NexorWebhookMeetingData *self);
NEXOR_AVAILABLE_IN_0_1
NexorMeetingType *nexor_webhook_meeting_data_get_meeting_type (NexorWebhookMeetingData *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_webhook_meeting_data_get_workflow (NexorWebhookMeetingData *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_webhook_meeting_data_dup_json (NexorWebhookMeetingData *self);

G_END_DECLS
