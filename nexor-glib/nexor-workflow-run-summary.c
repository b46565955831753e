/* nexor-workflow-run-summary.c: the workflow run a new lead was enrolled in
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-workflow-run-summary-private.h"
#include "nexor-cadence-private.h"
#include "nexor-workflow-private.h"
#include "nexor-resource-private.h"

/**
 * NexorWorkflowRunSummary:
 *
 * The workflow run a lead was enrolled in when it was created with a workflow id: see
 * [property@Nexor.CreateLeadResult:workflow-run]. It names the job that starts the
 * run's cadence and where the cadence stands.
 *
 * Since: 0.1
 */

struct _NexorWorkflowRunSummary
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *job_id;
  NexorWorkflow *workflow;
  NexorCadence *cadence;
};

/**
 * NexorWorkflowRunSummary:id:
 *
 * The run's id.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRunSummary:job-id:
 *
 * The id of the job that runs the cadence; not a UUID.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRunSummary:workflow:
 *
 * The workflow of the run.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowRunSummary:cadence:
 *
 * Where the run stands in its cadence.
 *
 * Since: 0.1
 */
static const NexorField nexor_workflow_run_summary_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflowRunSummary, id), TRUE, 0.0, NULL, NULL },
  { "job-id", NEXOR_FIELD_NAMES ("job_id", "jobId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorWorkflowRunSummary, job_id), FALSE, 0.0, NULL, NULL },
  { "workflow", NEXOR_FIELD_NAMES ("workflow"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWorkflowRunSummary, workflow), FALSE, 0.0, nexor_workflow_get_type, (NexorResourceParseFunc) _nexor_workflow_new_from_json },
  { "cadence", NEXOR_FIELD_NAMES ("cadence"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorWorkflowRunSummary, cadence), FALSE, 0.0, nexor_cadence_get_type, (NexorResourceParseFunc) _nexor_cadence_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorWorkflowRunSummary, nexor_workflow_run_summary, nexor_workflow_run_summary_fields)

NexorWorkflowRunSummary *
_nexor_workflow_run_summary_new_from_json (JsonObject         *object,
                                           NexorJsonDocument  *document,
                                           GError            **error)
{
  g_autoptr(NexorWorkflowRunSummary) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_WORKFLOW_RUN_SUMMARY, "workflow run",
                                        nexor_workflow_run_summary_fields, G_N_ELEMENTS (nexor_workflow_run_summary_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * nexor_workflow_run_summary_dup_json:
 * @self: a [class@Nexor.WorkflowRunSummary]
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
 * nexor_workflow_run_summary_get_id:
 * @self: a [class@Nexor.WorkflowRunSummary]
 *
 * Gets the [property@Nexor.WorkflowRunSummary:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_workflow_run_summary_get_id (NexorWorkflowRunSummary *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN_SUMMARY (self), NULL);

  return self->id;
}

/**
 * nexor_workflow_run_summary_get_job_id:
 * @self: a [class@Nexor.WorkflowRunSummary]
 *
 * Gets the [property@Nexor.WorkflowRunSummary:job-id] property.
 *
 * Returns: (nullable): the job id
 *
 * Since: 0.1
 */
const char *
nexor_workflow_run_summary_get_job_id (NexorWorkflowRunSummary *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN_SUMMARY (self), NULL);

  return self->job_id;
}

/**
 * nexor_workflow_run_summary_get_workflow:
 * @self: a [class@Nexor.WorkflowRunSummary]
 *
 * Gets the [property@Nexor.WorkflowRunSummary:workflow] property.
 *
 * Returns: (nullable) (transfer none): the workflow
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_workflow_run_summary_get_workflow (NexorWorkflowRunSummary *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN_SUMMARY (self), NULL);

  return self->workflow;
}

/**
 * nexor_workflow_run_summary_get_cadence:
 * @self: a [class@Nexor.WorkflowRunSummary]
 *
 * Gets the [property@Nexor.WorkflowRunSummary:cadence] property.
 *
 * Returns: (nullable) (transfer none): the cadence
 *
 * Since: 0.1
 */
NexorCadence *
nexor_workflow_run_summary_get_cadence (NexorWorkflowRunSummary *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_RUN_SUMMARY (self), NULL);

  return self->cadence;
}
