/* nexor-webhook-meeting-data.c: the data of a meeting's webhook event
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-webhook-meeting-data-private.h"
#include "nexor-lead-private.h"
#include "nexor-meeting-private.h"
#include "nexor-meeting-type-private.h"
#include "nexor-team-member-private.h"
#include "nexor-workflow-private.h"
#include "nexor-resource-private.h"

/**
 * NexorWebhookMeetingData:
 *
 * The `data` of the five meeting events (`meeting.scheduled`,
 * `meeting.confirmed`, `meeting.cancelled`, `meeting.completed`,
 * `meeting.no_show`), which share one shape: the meeting, the lead it is
 * with, its host, its meeting type and the workflow that booked it. Get it
 * with [method@Nexor.WebhookEvent.get_meeting_data].
 *
 * Each member is optional: one that is missing or cannot be read is %NULL,
 * and stays in [method@Nexor.WebhookMeetingData.dup_json] with any member
 * this version of the library does not model.
 *
 * Since: 0.1
 */

struct _NexorWebhookMeetingData
{
  GObject parent_instance;
  NexorJsonSource json;

  NexorMeeting *meeting;
  NexorLead *lead;
  NexorTeamMember *host;
  NexorMeetingType *meeting_type;
  NexorWorkflow *workflow;
};

/**
 * NexorWebhookMeetingData:meeting:
 *
 * The meeting, in its state after the event: for `meeting.cancelled`
 * [property@Nexor.Meeting:status] is `cancelled` and
 * [property@Nexor.Meeting:cancelled-at] is set. Unlike the meetings of
 * [method@Nexor.Client.list_lead_meetings], it carries
 * [property@Nexor.Meeting:source], [property@Nexor.Meeting:attendee-phone] and
 * [property@Nexor.Meeting:outcome-at], and no host or meeting type names: those
 * are [property@Nexor.WebhookMeetingData:host] and
 * [property@Nexor.WebhookMeetingData:meeting-type].
 *
 * Since: 0.1
 */
/**
 * NexorWebhookMeetingData:lead:
 *
 * The lead the meeting is with: id, name, email, phone, company and source.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookMeetingData:host:
 *
 * The team member who hosts the meeting, with
 * [property@Nexor.TeamMember:first-name], [property@Nexor.TeamMember:last-name]
 * and email.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookMeetingData:meeting-type:
 *
 * The kind of meeting, such as `Discovery Call`.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookMeetingData:workflow:
 *
 * The workflow (AI agent) the lead is in.
 *
 * Since: 0.1
 */
static const NexorField nexor_webhook_meeting_data_fields[] = {
  { "meeting", NEXOR_FIELD_NAMES ("meeting"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookMeetingData, meeting), FALSE, 0.0,
    nexor_meeting_get_type, (NexorResourceParseFunc) _nexor_meeting_new_from_json },
  { "lead", NEXOR_FIELD_NAMES ("lead"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookMeetingData, lead), FALSE, 0.0,
    nexor_lead_get_type, (NexorResourceParseFunc) _nexor_lead_new_from_embedded },
  { "host", NEXOR_FIELD_NAMES ("host"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookMeetingData, host), FALSE, 0.0,
    nexor_team_member_get_type, (NexorResourceParseFunc) _nexor_team_member_new_from_json },
  { "meeting-type", NEXOR_FIELD_NAMES ("meeting_type", "meetingType"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookMeetingData, meeting_type), FALSE, 0.0,
    nexor_meeting_type_get_type, (NexorResourceParseFunc) _nexor_meeting_type_new_from_json },
  { "workflow", NEXOR_FIELD_NAMES ("workflow"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookMeetingData, workflow), FALSE, 0.0,
    nexor_workflow_get_type, (NexorResourceParseFunc) _nexor_workflow_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorWebhookMeetingData, nexor_webhook_meeting_data, nexor_webhook_meeting_data_fields)

NexorWebhookMeetingData *
_nexor_webhook_meeting_data_new_from_json (JsonObject         *object,
                                             NexorJsonDocument  *document,
                                             GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_WEBHOOK_MEETING_DATA, "meeting event's data", nexor_webhook_meeting_data_fields,
                                        G_N_ELEMENTS (nexor_webhook_meeting_data_fields), object, document, error);
}

/**
 * nexor_webhook_meeting_data_dup_json:
 * @self: a [class@Nexor.WebhookMeetingData]
 *
 * Gets the JSON object this meeting event's data was built from, as it was received,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_webhook_meeting_data_get_meeting:
 * @self: a [class@Nexor.WebhookMeetingData]
 *
 * Gets the [property@Nexor.WebhookMeetingData:meeting] property.
 *
 * Returns: (nullable) (transfer none): the meeting
 *
 * Since: 0.1
 */
NexorMeeting *
nexor_webhook_meeting_data_get_meeting (NexorWebhookMeetingData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_MEETING_DATA (self), NULL);

  return self->meeting;
}

/**
 * nexor_webhook_meeting_data_get_lead:
 * @self: a [class@Nexor.WebhookMeetingData]
 *
 * Gets the [property@Nexor.WebhookMeetingData:lead] property.
 *
 * Returns: (nullable) (transfer none): the lead
 *
 * Since: 0.1
 */
NexorLead *
nexor_webhook_meeting_data_get_lead (NexorWebhookMeetingData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_MEETING_DATA (self), NULL);

  return self->lead;
}

/**
 * nexor_webhook_meeting_data_get_host:
 * @self: a [class@Nexor.WebhookMeetingData]
 *
 * Gets the [property@Nexor.WebhookMeetingData:host] property.
 *
 * Returns: (nullable) (transfer none): the host
 *
 * Since: 0.1
 */
NexorTeamMember *
nexor_webhook_meeting_data_get_host (NexorWebhookMeetingData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_MEETING_DATA (self), NULL);

  return self->host;
}

/**
 * nexor_webhook_meeting_data_get_meeting_type:
 * @self: a [class@Nexor.WebhookMeetingData]
 *
 * Gets the [property@Nexor.WebhookMeetingData:meeting-type] property.
 *
 * Returns: (nullable) (transfer none): the meeting type
 *
 * Since: 0.1
 */
NexorMeetingType *
nexor_webhook_meeting_data_get_meeting_type (NexorWebhookMeetingData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_MEETING_DATA (self), NULL);

  return self->meeting_type;
}

/**
 * nexor_webhook_meeting_data_get_workflow:
 * @self: a [class@Nexor.WebhookMeetingData]
 *
 * Gets the [property@Nexor.WebhookMeetingData:workflow] property.
 *
 * Returns: (nullable) (transfer none): the workflow
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_webhook_meeting_data_get_workflow (NexorWebhookMeetingData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_MEETING_DATA (self), NULL);

  return self->workflow;
}
