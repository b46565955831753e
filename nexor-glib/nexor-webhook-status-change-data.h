/* nexor-webhook-status-change-data.h: the data of a workflow_run.status_changed webhook event
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
#include "nexor-workflow.h"
#include "nexor-workflow-run.h"
#include "nexor-workflow-status.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_WEBHOOK_STATUS_CHANGE_DATA (nexor_webhook_status_change_data_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWebhookStatusChangeData, nexor_webhook_status_change_data, NEXOR, WEBHOOK_STATUS_CHANGE_DATA, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorWorkflowStatus *nexor_webhook_status_change_data_get_from_status (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflowStatus *nexor_webhook_status_change_data_get_to_status (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_webhook_status_change_data_get_trigger_type (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_webhook_status_change_data_get_actor_type (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_webhook_status_change_data_get_actor_id (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_webhook_status_change_data_get_reason (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
NexorLead *nexor_webhook_status_change_data_get_lead (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_webhook_status_change_data_get_workflow (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflowRun *nexor_webhook_status_change_data_get_workflow_run (NexorWebhookStatusChangeData *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_webhook_status_change_data_dup_json (NexorWebhookStatusChangeData *self);

G_END_DECLS
