/* nexor-webhook-status-change-data.c: the data of a workflow_run.status_changed webhook event
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-webhook-status-change-data-private.h"
#include "nexor-lead-private.h"
#include "nexor-workflow-private.h"
#include "nexor-workflow-run-private.h"
#include "nexor-workflow-status-private.h"
#include "nexor-resource-private.h"

/**
 * NexorWebhookStatusChangeData:
 *
 * The `data` of a `workflow_run.status_changed` event: a lead's status
 * changed within a workflow, from one status to another, by some trigger and
 * actor. Get it with [method@Nexor.WebhookEvent.get_status_change_data].
 *
 * Nexor has not published this event's page: the shape read here is the
 * one its webhook filters imply (`from_status.key`, `to_status.category`,
 * `trigger_type`, `actor_type`), with the lead (metadata included), the
 * workflow and the run beside them, and `actor_id` and `reason` when they
 * come. Each member is optional: one that is
 * missing or cannot be read is %NULL, and every member the event carries
 * stays in [method@Nexor.WebhookStatusChangeData.dup_json].
 *
 * Since: 0.1
 */

struct _NexorWebhookStatusChangeData
{
  GObject parent_instance;
  NexorJsonSource json;

  NexorWorkflowStatus *from_status;
  NexorWorkflowStatus *to_status;
  char *trigger_type;
  char *actor_type;
  char *actor_id;
  char *reason;
  NexorLead *lead;
  NexorWorkflow *workflow;
  NexorWorkflowRun *workflow_run;
};

/**
 * NexorWebhookStatusChangeData:from-status:
 *
 * The status the lead had: its key, label and category (the event
 * may not carry its id).
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:to-status:
 *
 * The status the lead has now.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:trigger-type:
 *
 * What caused the change, as Nexor names it, such as `agent` (the
 * emulator says `status_set`, `automation_stopped`, `automation_resumed`,
 * `enrollment` or `reassignment`).
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:actor-type:
 *
 * Who made the change, as Nexor names it, such as `system`, `api` or
 * `user`.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:actor-id:
 *
 * The id of the actor who made the change, when Nexor names one (a
 * team member when [property@Nexor.WebhookStatusChangeData:actor-type] is
 * `user`).
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:reason:
 *
 * Why the status was changed, when the change was given a reason.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:lead:
 *
 * The lead, with its metadata ([method@Nexor.Lead.dup_metadata]); the
 * values the agent collected are not included.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:workflow:
 *
 * The workflow (AI agent) the status belongs to.
 *
 * Since: 0.1
 */
/**
 * NexorWebhookStatusChangeData:workflow-run:
 *
 * The lead's run of the workflow.
 *
 * Since: 0.1
 */
static const NexorField nexor_webhook_status_change_data_fields[] = {
  { "from-status", NEXOR_FIELD_NAMES ("from_status", "fromStatus"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, from_status), FALSE, 0.0,
    nexor_workflow_status_get_type, (NexorResourceParseFunc) _nexor_workflow_status_new_from_keyed_json },
  { "to-status", NEXOR_FIELD_NAMES ("to_status", "toStatus"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, to_status), FALSE, 0.0,
    nexor_workflow_status_get_type, (NexorResourceParseFunc) _nexor_workflow_status_new_from_keyed_json },
  { "trigger-type", NEXOR_FIELD_NAMES ("trigger_type", "triggerType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, trigger_type), FALSE, 0.0,
    NULL, NULL },
  { "actor-type", NEXOR_FIELD_NAMES ("actor_type", "actorType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, actor_type), FALSE, 0.0,
    NULL, NULL },
  { "actor-id", NEXOR_FIELD_NAMES ("actor_id", "actorId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, actor_id), FALSE, 0.0,
    NULL, NULL },
  { "reason", NEXOR_FIELD_NAMES ("reason"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, reason), FALSE, 0.0,
    NULL, NULL },
  { "lead", NEXOR_FIELD_NAMES ("lead"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, lead), FALSE, 0.0,
    nexor_lead_get_type, (NexorResourceParseFunc) _nexor_lead_new_from_embedded },
  { "workflow", NEXOR_FIELD_NAMES ("workflow"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, workflow), FALSE, 0.0,
    nexor_workflow_get_type, (NexorResourceParseFunc) _nexor_workflow_new_from_json },
  { "workflow-run", NEXOR_FIELD_NAMES ("workflow_run", "workflowRun"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWebhookStatusChangeData, workflow_run), FALSE, 0.0,
    nexor_workflow_run_get_type, (NexorResourceParseFunc) _nexor_workflow_run_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorWebhookStatusChangeData, nexor_webhook_status_change_data, nexor_webhook_status_change_data_fields)

NexorWebhookStatusChangeData *
_nexor_webhook_status_change_data_new_from_json (JsonObject         *object,
                                                   NexorJsonDocument  *document,
                                                   GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_WEBHOOK_STATUS_CHANGE_DATA, "status change event's data", nexor_webhook_status_change_data_fields,
                                        G_N_ELEMENTS (nexor_webhook_status_change_data_fields), object, document, error);
}

/**
 * nexor_webhook_status_change_data_dup_json:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the JSON object this status change event's data was built from, as it was received,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_webhook_status_change_data_get_from_status:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:from-status] property.
 *
 * Returns: (nullable) (transfer none): the previous status
 *
 * Since: 0.1
 */
NexorWorkflowStatus *
nexor_webhook_status_change_data_get_from_status (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->from_status;
}

/**
 * nexor_webhook_status_change_data_get_to_status:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:to-status] property.
 *
 * Returns: (nullable) (transfer none): the new status
 *
 * Since: 0.1
 */
NexorWorkflowStatus *
nexor_webhook_status_change_data_get_to_status (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->to_status;
}

/**
 * nexor_webhook_status_change_data_get_trigger_type:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:trigger-type] property.
 *
 * Returns: (nullable): the trigger
 *
 * Since: 0.1
 */
const char *
nexor_webhook_status_change_data_get_trigger_type (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->trigger_type;
}

/**
 * nexor_webhook_status_change_data_get_actor_type:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:actor-type] property.
 *
 * Returns: (nullable): the actor
 *
 * Since: 0.1
 */
const char *
nexor_webhook_status_change_data_get_actor_type (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->actor_type;
}

/**
 * nexor_webhook_status_change_data_get_actor_id:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:actor-id] property.
 *
 * Returns: (nullable): the actor's id
 *
 * Since: 0.1
 */
const char *
nexor_webhook_status_change_data_get_actor_id (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->actor_id;
}

/**
 * nexor_webhook_status_change_data_get_reason:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:reason] property.
 *
 * Returns: (nullable): the reason
 *
 * Since: 0.1
 */
const char *
nexor_webhook_status_change_data_get_reason (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->reason;
}

/**
 * nexor_webhook_status_change_data_get_lead:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:lead] property.
 *
 * Returns: (nullable) (transfer none): the lead
 *
 * Since: 0.1
 */
NexorLead *
nexor_webhook_status_change_data_get_lead (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->lead;
}

/**
 * nexor_webhook_status_change_data_get_workflow:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:workflow] property.
 *
 * Returns: (nullable) (transfer none): the workflow
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_webhook_status_change_data_get_workflow (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->workflow;
}

/**
 * nexor_webhook_status_change_data_get_workflow_run:
 * @self: a [class@Nexor.WebhookStatusChangeData]
 *
 * Gets the [property@Nexor.WebhookStatusChangeData:workflow-run] property.
 *
 * Returns: (nullable) (transfer none): the workflow run
 *
 * Since: 0.1
 */
NexorWorkflowRun *
nexor_webhook_status_change_data_get_workflow_run (NexorWebhookStatusChangeData *self)
{
  g_return_val_if_fail (NEXOR_IS_WEBHOOK_STATUS_CHANGE_DATA (self), NULL);

  return self->workflow_run;
}
