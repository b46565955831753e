/* nexor-webhook-event.h: an event Nexor delivers to a webhook
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
#include "nexor-webhook-meeting-data.h"
#include "nexor-webhook-status-change-data.h"

G_BEGIN_DECLS

/**
 * NexorWebhookEventType:
 * @NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN: an event this version of the library does
 *   not know; [property@Nexor.WebhookEvent:event-type-string] has its name and
 *   [method@Nexor.WebhookEvent.dup_data] its data
 * @NEXOR_WEBHOOK_EVENT_TYPE_WORKFLOW_RUN_STATUS_CHANGED: `workflow_run.status_changed`:
 *   a lead's status changed within a workflow
 * @NEXOR_WEBHOOK_EVENT_TYPE_MEETING_SCHEDULED: `meeting.scheduled`: a meeting was
 *   booked (by the AI agent, the lead, or by hand)
 * @NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CONFIRMED: `meeting.confirmed`: the lead
 *   confirmed attendance
 * @NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CANCELLED: `meeting.cancelled`: the meeting
 *   was cancelled
 * @NEXOR_WEBHOOK_EVENT_TYPE_MEETING_COMPLETED: `meeting.completed`: the meeting
 *   was marked done
 * @NEXOR_WEBHOOK_EVENT_TYPE_MEETING_NO_SHOW: `meeting.no_show`: the lead did not
 *   attend
 *
 * The events Nexor documents for webhooks.
 *
 * Since: 0.1
 */
typedef enum {
  NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN,
  NEXOR_WEBHOOK_EVENT_TYPE_WORKFLOW_RUN_STATUS_CHANGED,
  NEXOR_WEBHOOK_EVENT_TYPE_MEETING_SCHEDULED,
  NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CONFIRMED,
  NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CANCELLED,
  NEXOR_WEBHOOK_EVENT_TYPE_MEETING_COMPLETED,
  NEXOR_WEBHOOK_EVENT_TYPE_MEETING_NO_SHOW,
} NexorWebhookEventType;

#define NEXOR_TYPE_WEBHOOK_EVENT (nexor_webhook_event_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWebhookEvent, nexor_webhook_event, NEXOR, WEBHOOK_EVENT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorWebhookEvent            *nexor_webhook_event_new_from_bytes         (GBytes             *body,
                                                                          GError            **error);

NEXOR_AVAILABLE_IN_0_1
NexorWebhookEventType         nexor_webhook_event_get_event_type         (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
const char                   *nexor_webhook_event_get_event_type_string  (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
const char                   *nexor_webhook_event_get_event_id           (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
const char                   *nexor_webhook_event_get_webhook_id         (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
const char                   *nexor_webhook_event_get_delivery_id        (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime                    *nexor_webhook_event_get_timestamp          (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
const char                   *nexor_webhook_event_get_client_id          (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
gboolean                      nexor_webhook_event_get_test               (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject                   *nexor_webhook_event_dup_data               (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
NexorWebhookMeetingData      *nexor_webhook_event_get_meeting_data       (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
NexorWebhookStatusChangeData *nexor_webhook_event_get_status_change_data (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
NexorLead                    *nexor_webhook_event_get_lead               (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
GBytes                       *nexor_webhook_event_get_body               (NexorWebhookEvent  *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject                   *nexor_webhook_event_dup_json               (NexorWebhookEvent  *self);

G_END_DECLS
