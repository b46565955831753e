/* nexor-workflow-run.c: a lead's run through a workflow
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-workflow-run-private.h"
#include "nexor-workflow-private.h"
#include "nexor-workflow-status-private.h"
#include "nexor-resource-private.h"

/**
 * NexorWorkflowRun:
 *
 * A lead's run through a workflow: whether it is active, whether a human has
 * taken over from the AI agent, the state of its cadence and the lead's current
 * status in the workflow.
 *
 * Since: 0.1
 */

struct _NexorWorkflowRun
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *workflow_id;
  gboolean is_active;
  gboolean human_takeover;
  char *cadence_state;
  char *run_status;
  NexorWorkflow *workflow;
  NexorWorkflowStatus *current_status;
};

/**
 * NexorWorkflowRun:id:
 *
 * The run's id.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRun:workflow-id:
 *
 * The id of the workflow this run belongs to.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRun:is-active:
 *
 * Whether the run is active.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRun:human-takeover:
 *
 * Whether a human has taken over the conversation from the AI agent (the lead's automation is paused).
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRun:cadence-state:
 *
 * The state of the run's follow-up cadence, such as `active` or `paused`; values the library does not know are kept as sent.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRun:run-status:
 *
 * The status of the run, such as `running`; values the library does not know are kept as sent.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRun:workflow:
 *
 * The workflow of the run.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRun:current-status:
 *
 * The lead's current status in the workflow.
 *
 * Since: 0.1
 */
static const NexorField nexor_workflow_run_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflowRun, id), TRUE, 0.0, NULL, NULL },
  { "workflow-id", NEXOR_FIELD_NAMES ("workflow_id", "workflowId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflowRun, workflow_id), FALSE, 0.0, NULL, NULL },
  { "is-active", NEXOR_FIELD_NAMES ("is_active", "isActive"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorWorkflowRun, is_active), FALSE, 0.0, NULL, NULL },
  { "human-takeover", NEXOR_FIELD_NAMES ("human_takeover", "humanTakeover"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorWorkflowRun, human_takeover), FALSE, 0.0, NULL, NULL },
  { "cadence-state", NEXOR_FIELD_NAMES ("cadence_state", "cadenceState"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflowRun, cadence_state), FALSE, 0.0, NULL, NULL },
  { "run-status", NEXOR_FIELD_NAMES ("run_status", "runStatus"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflowRun, run_status), FALSE, 0.0, NULL, NULL },
  { "workflow", NEXOR_FIELD_NAMES ("workflow"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWorkflowRun, workflow), FALSE, 0.0, nexor_workflow_get_type, (NexorResourceParseFunc) _nexor_workflow_new_from_json },
  { "current-status", NEXOR_FIELD_NAMES ("current_status", "currentStatus"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWorkflowRun, current_status), FALSE, 0.0, nexor_workflow_status_get_type, (NexorResourceParseFunc) _nexor_workflow_status_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorWorkflowRun, nexor_workflow_run, nexor_workflow_run_fields)

NexorWorkflowRun *
_nexor_workflow_run_new_from_json (JsonObject         *object,
                                   NexorJsonDocument  *document,
                                   GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_WORKFLOW_RUN, "workflow run", nexor_workflow_run_fields,
                                        G_N_ELEMENTS (nexor_workflow_run_fields), object, document, error);
}

/**
 * nexor_workflow_run_dup_json:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the JSON object this workflow run was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_workflow_run_get_id:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:id] property: the run's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_workflow_run_get_id (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), NULL);

  return self->id;
}

/**
 * nexor_workflow_run_get_workflow_id:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:workflow-id] property: the id of the workflow this run belongs to.
 *
 * Returns: (nullable): the workflow id
 *
 * Since: 0.1
 */
const char *
nexor_workflow_run_get_workflow_id (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), NULL);

  return self->workflow_id;
}

/**
 * nexor_workflow_run_get_is_active:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:is-active] property: whether the run is active.
 *
 * Returns: whether the run is active
 *
 * Since: 0.1
 */
gboolean
nexor_workflow_run_get_is_active (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), FALSE);

  return self->is_active;
}

/**
 * nexor_workflow_run_get_human_takeover:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:human-takeover] property: whether a human has taken over the conversation from the AI agent (the lead's automation is paused).
 *
 * Returns: whether a human has taken over
 *
 * Since: 0.1
 */
gboolean
nexor_workflow_run_get_human_takeover (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), FALSE);

  return self->human_takeover;
}

/**
 * nexor_workflow_run_get_cadence_state:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:cadence-state] property: the state of the run's follow-up cadence, such as `active` or `paused`; values the library does not know are kept as sent.
 *
 * Returns: (nullable): the cadence state
 *
 * Since: 0.1
 */
const char *
nexor_workflow_run_get_cadence_state (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), NULL);

  return self->cadence_state;
}

/**
 * nexor_workflow_run_get_run_status:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:run-status] property: the status of the run, such as `running`; values the library does not know are kept as sent.
 *
 * Returns: (nullable): the run status
 *
 * Since: 0.1
 */
const char *
nexor_workflow_run_get_run_status (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), NULL);

  return self->run_status;
}

/**
 * nexor_workflow_run_get_workflow:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:workflow] property: the workflow of the run.
 *
 * Returns: (nullable) (transfer none): the workflow
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_workflow_run_get_workflow (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), NULL);

  return self->workflow;
}

/**
 * nexor_workflow_run_get_current_status:
 * @self: a [class@Nexor.WorkflowRun]
 *
 * Gets the [property@Nexor.WorkflowRun:current-status] property: the lead's current status in the workflow.
 *
 * Returns: (nullable) (transfer none): the current status
 *
 * Since: 0.1
 */
NexorWorkflowStatus *
nexor_workflow_run_get_current_status (NexorWorkflowRun *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN (self), NULL);

  return self->current_status;
}

/* The legacy Get Lead shape hoists the run's workflow and status to the lead;
 * put them back where the current shape has them. */
void
_nexor_workflow_run_adopt_legacy (NexorWorkflowRun    *self,
                                  NexorWorkflow       *workflow,
                                  NexorWorkflowStatus *current_status)
{
  if (self->workflow == NULL && workflow != NULL)
    self->workflow = g_object_ref (workflow);
  if (self->current_status == NULL && current_status != NULL)
    self->current_status = g_object_ref (current_status);
}
