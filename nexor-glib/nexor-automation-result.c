/* nexor-automation-result.c: the answer to stopping or resuming automation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-automation-result-private.h"
#include "nexor-json-private.h"
#include "nexor-resource-private.h"

/**
 * NexorAutomationResult:
 *
 * The answer to [method@Nexor.Client.stop_lead_automation] and
 * [method@Nexor.Client.resume_lead_automation]. Both are idempotent: stopping a stopped run
 * sets [property@Nexor.AutomationResult:already-stopped] and resuming a running one
 * [property@Nexor.AutomationResult:already-running], instead of failing.
 *
 * Since: 0.1
 */

struct _NexorAutomationResult
{
  GObject parent_instance;
  NexorJsonSource json;

  char *workflow_run_id;
  char *workflow_id;
  gboolean cadence_paused;
  int tasks_cancelled;
  gboolean already_stopped;
  gboolean cadence_resumed;
  gboolean already_running;
};

/**
 * NexorAutomationResult:workflow-run-id:
 *
 * The id of the workflow run that was stopped or resumed.
 *
 * Since: 0.1
 */
/**
 * NexorAutomationResult:workflow-id:
 *
 * The id of the workflow whose run was stopped or resumed: the one the call
 * named, or, when it named none, the workflow of the lead's active run that
 * the library looked up. The API does not send it; the library fills it in.
 *
 * Since: 0.1
 */
/**
 * NexorAutomationResult:cadence-paused:
 *
 * Whether stopping paused the run's follow-up cadence.
 *
 * Since: 0.1
 */
/**
 * NexorAutomationResult:tasks-cancelled:
 *
 * How many pending tasks stopping cancelled.
 *
 * Since: 0.1
 */
/**
 * NexorAutomationResult:already-stopped:
 *
 * Whether the automation was already stopped, so stopping changed nothing.
 *
 * Since: 0.1
 */
/**
 * NexorAutomationResult:cadence-resumed:
 *
 * Whether resuming also resumed the follow-up cadence.
 *
 * Since: 0.1
 */
/**
 * NexorAutomationResult:already-running:
 *
 * Whether the automation was already running, so resuming changed nothing.
 *
 * Since: 0.1
 */
static const NexorField nexor_automation_result_fields[] = {
  { "workflow-run-id", NEXOR_FIELD_NAMES ("workflow_run_id", "workflowRunId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorAutomationResult, workflow_run_id), FALSE, 0.0, NULL, NULL },
  { "workflow-id", NEXOR_FIELD_NAMES ("workflow_id", "workflowId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorAutomationResult, workflow_id), FALSE, 0.0, NULL, NULL },
  { "cadence-paused", NEXOR_FIELD_NAMES ("cadence_paused", "cadencePaused"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorAutomationResult, cadence_paused), FALSE, 0.0, NULL, NULL },
  { "tasks-cancelled", NEXOR_FIELD_NAMES ("tasks_cancelled", "tasksCancelled"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorAutomationResult, tasks_cancelled), FALSE, 0.0, NULL, NULL },
  { "already-stopped", NEXOR_FIELD_NAMES ("already_stopped", "alreadyStopped"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorAutomationResult, already_stopped), FALSE, 0.0, NULL, NULL },
  { "cadence-resumed", NEXOR_FIELD_NAMES ("cadence_resumed", "cadenceResumed"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorAutomationResult, cadence_resumed), FALSE, 0.0, NULL, NULL },
  { "already-running", NEXOR_FIELD_NAMES ("already_running", "alreadyRunning"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorAutomationResult, already_running), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorAutomationResult, nexor_automation_result, nexor_automation_result_fields)

NexorAutomationResult *
_nexor_automation_result_new_from_json (JsonObject         *object,
                                        NexorJsonDocument  *document,
                                        GError            **error)
{
  g_autoptr(NexorAutomationResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_AUTOMATION_RESULT, "automation result",
                                        nexor_automation_result_fields, G_N_ELEMENTS (nexor_automation_result_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

NexorAutomationResult *
_nexor_automation_result_new_from_response (JsonNode           *root,
                                            NexorJsonDocument  *document,
                                            GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "automation result", error);

  if (object == NULL)
    return NULL;

  return _nexor_automation_result_new_from_json (object, document, error);
}

/**
 * nexor_automation_result_dup_json:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the JSON object this automation result was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_automation_result_get_workflow_run_id:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the [property@Nexor.AutomationResult:workflow-run-id] property.
 *
 * Returns: (nullable): the run id
 *
 * Since: 0.1
 */
const char *
nexor_automation_result_get_workflow_run_id (NexorAutomationResult *self)
{
  g_return_val_if_fail (NEXOR_IS_AUTOMATION_RESULT (self), NULL);

  return self->workflow_run_id;
}

/* The answer names the run, not its workflow: the call knows which. */
void
_nexor_automation_result_set_workflow_id (NexorAutomationResult *self,
                                          const char            *workflow_id)
{
  if (self->workflow_id == NULL)
    self->workflow_id = g_strdup (workflow_id);
}

/**
 * nexor_automation_result_get_workflow_id:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the [property@Nexor.AutomationResult:workflow-id] property.
 *
 * Returns: (nullable): the workflow id
 *
 * Since: 0.1
 */
const char *
nexor_automation_result_get_workflow_id (NexorAutomationResult *self)
{
  g_return_val_if_fail (NEXOR_IS_AUTOMATION_RESULT (self), NULL);

  return self->workflow_id;
}

/**
 * nexor_automation_result_get_cadence_paused:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the [property@Nexor.AutomationResult:cadence-paused] property.
 *
 * Returns: whether the cadence was paused
 *
 * Since: 0.1
 */
gboolean
nexor_automation_result_get_cadence_paused (NexorAutomationResult *self)
{
  g_return_val_if_fail (NEXOR_IS_AUTOMATION_RESULT (self), FALSE);

  return self->cadence_paused;
}

/**
 * nexor_automation_result_get_tasks_cancelled:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the [property@Nexor.AutomationResult:tasks-cancelled] property.
 *
 * Returns: how many tasks were cancelled
 *
 * Since: 0.1
 */
int
nexor_automation_result_get_tasks_cancelled (NexorAutomationResult *self)
{
  g_return_val_if_fail (NEXOR_IS_AUTOMATION_RESULT (self), 0);

  return self->tasks_cancelled;
}

/**
 * nexor_automation_result_get_already_stopped:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the [property@Nexor.AutomationResult:already-stopped] property.
 *
 * Returns: whether it was already stopped
 *
 * Since: 0.1
 */
gboolean
nexor_automation_result_get_already_stopped (NexorAutomationResult *self)
{
  g_return_val_if_fail (NEXOR_IS_AUTOMATION_RESULT (self), FALSE);

  return self->already_stopped;
}

/**
 * nexor_automation_result_get_cadence_resumed:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the [property@Nexor.AutomationResult:cadence-resumed] property.
 *
 * Returns: whether the cadence was resumed
 *
 * Since: 0.1
 */
gboolean
nexor_automation_result_get_cadence_resumed (NexorAutomationResult *self)
{
  g_return_val_if_fail (NEXOR_IS_AUTOMATION_RESULT (self), FALSE);

  return self->cadence_resumed;
}

/**
 * nexor_automation_result_get_already_running:
 * @self: a [class@Nexor.AutomationResult]
 *
 * Gets the [property@Nexor.AutomationResult:already-running] property.
 *
 * Returns: whether it was already running
 *
 * Since: 0.1
 */
gboolean
nexor_automation_result_get_already_running (NexorAutomationResult *self)
{
  g_return_val_if_fail (NEXOR_IS_AUTOMATION_RESULT (self), FALSE);

  return self->already_running;
}
