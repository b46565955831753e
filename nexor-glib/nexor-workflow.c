/* nexor-workflow.c: a summary of a workflow
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-workflow-private.h"
#include "nexor-resource-private.h"

/**
 * NexorWorkflow:
 *
 * A workflow (an AI agent configuration, “Agente” in the Spanish product), as
 * summarized inside a workflow run.
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
static const NexorField nexor_workflow_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflow, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflow, name), FALSE, 0.0, NULL, NULL },
  { "goal-type", NEXOR_FIELD_NAMES ("goal_type", "goalType"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflow, goal_type), FALSE, 0.0, NULL, NULL },
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
