/* nexor-workflow.c: a summary of a workflow
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-workflow-private.h"
#include "nexor-workflow-status-private.h"
#include "nexor-resource-private.h"

/**
 * NexorWorkflow:
 *
 * A workflow (an AI agent configuration, “Agente” in the Spanish product), as
 * summarized inside a workflow run, or in full as
 * [method@Nexor.Client.list_workflows] and [method@Nexor.Client.get_workflow]
 * read it.
 *
 * A summary has only [property@Nexor.Workflow:id],
 * [property@Nexor.Workflow:name] and [property@Nexor.Workflow:goal-type]; the
 * other properties come from the full workflow, whose shape the API does not
 * document (they are experimental: see
 * [method@Nexor.Client.list_workflows]).
 *
 * Since: 0.1
 */

struct _NexorWorkflow
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
  char *goal_type;
  gboolean paused;
  gboolean has_call_steps;
  GListModel *statuses;
};

/**
 * NexorWorkflow:id:
 *
 * The workflow's id.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflow:name:
 *
 * The name of the workflow.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflow:goal-type:
 *
 * The goal of the workflow, such as `appointment` or `sale`; values the library does not know are kept as sent.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflow:paused:
 *
 * Whether the workflow is paused: a lead enrolled in it waits, its cadence
 * starts when the workflow is unpaused. %FALSE in a summary.
 *
 * Experimental: read from the undocumented `GET /workflows` answer.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflow:has-call-steps:
 *
 * Whether a step of the workflow's cadence is a phone call: such a workflow
 * takes only leads with a phone (creating or routing a lead into it without
 * one fails with %NEXOR_ERROR_INVALID_ARGUMENT). %FALSE in a summary.
 *
 * Experimental: read from the undocumented `GET /workflows` answer.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflow:statuses:
 *
 * The statuses a lead can be in within the workflow, a [iface@Gio.ListModel]
 * of [class@Nexor.WorkflowStatus] in the workflow's order; their keys are the
 * ones [method@Nexor.Client.set_lead_status] takes. Empty in a summary.
 *
 * Experimental: read from the undocumented `GET /workflows` answer.
 *
 * Since: 0.1
 */
static const NexorField nexor_workflow_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflow, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflow, name), FALSE, 0.0, NULL, NULL },
  { "goal-type", NEXOR_FIELD_NAMES ("goal_type", "goalType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflow, goal_type), FALSE, 0.0, NULL, NULL },
  { "paused", NEXOR_FIELD_NAMES ("paused"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorWorkflow, paused), FALSE, 0.0, NULL, NULL },
  { "has-call-steps", NEXOR_FIELD_NAMES ("has_call_steps", "hasCallSteps"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorWorkflow, has_call_steps), FALSE, 0.0, NULL, NULL },
  { "statuses", NEXOR_FIELD_NAMES ("statuses"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorWorkflow, statuses), FALSE, 0.0,
    nexor_workflow_status_get_type, (NexorResourceParseFunc) _nexor_workflow_status_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorWorkflow, nexor_workflow, nexor_workflow_fields)

NexorWorkflow *
_nexor_workflow_new_from_json (JsonObject         *object,
                               NexorJsonDocument  *document,
                               GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_WORKFLOW, "workflow", nexor_workflow_fields,
                                        G_N_ELEMENTS (nexor_workflow_fields), object, document, error);
}

/**
 * nexor_workflow_dup_json:
 * @self: a [class@Nexor.Workflow]
 *
 * Gets the JSON object this workflow was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_workflow_get_id:
 * @self: a [class@Nexor.Workflow]
 *
 * Gets the [property@Nexor.Workflow:id] property: the workflow's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_workflow_get_id (NexorWorkflow *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW (self), NULL);

  return self->id;
}

/**
 * nexor_workflow_get_name:
 * @self: a [class@Nexor.Workflow]
 *
 * Gets the [property@Nexor.Workflow:name] property: the name of the workflow.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_workflow_get_name (NexorWorkflow *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW (self), NULL);

  return self->name;
}

/**
 * nexor_workflow_get_goal_type:
 * @self: a [class@Nexor.Workflow]
 *
 * Gets the [property@Nexor.Workflow:goal-type] property: the goal of the workflow, such as `appointment` or `sale`; values the library does not know are kept as sent.
 *
 * Returns: (nullable): the goal type
 *
 * Since: 0.1
 */
const char *
nexor_workflow_get_goal_type (NexorWorkflow *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW (self), NULL);

  return self->goal_type;
}

/**
 * nexor_workflow_get_paused:
 * @self: a [class@Nexor.Workflow]
 *
 * Gets the [property@Nexor.Workflow:paused] property: whether the workflow is
 * paused.
 *
 * Returns: %TRUE if the workflow is paused
 *
 * Since: 0.1
 */
gboolean
nexor_workflow_get_paused (NexorWorkflow *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW (self), FALSE);

  return self->paused;
}

/**
 * nexor_workflow_get_has_call_steps:
 * @self: a [class@Nexor.Workflow]
 *
 * Gets the [property@Nexor.Workflow:has-call-steps] property: whether the
 * workflow's cadence calls its leads, so that they need a phone.
 *
 * Returns: %TRUE if a step of the workflow is a call
 *
 * Since: 0.1
 */
gboolean
nexor_workflow_get_has_call_steps (NexorWorkflow *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW (self), FALSE);

  return self->has_call_steps;
}

/**
 * nexor_workflow_get_statuses:
 * @self: a [class@Nexor.Workflow]
 *
 * Gets the [property@Nexor.Workflow:statuses] property.
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of
 *   [class@Nexor.WorkflowStatus], empty for a workflow summary
 *
 * Since: 0.1
 */
GListModel *
nexor_workflow_get_statuses (NexorWorkflow *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW (self), NULL);

  return self->statuses;
}
