/* nexor-create-lead-result.c: the answer to creating one lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-create-lead-result-private.h"
#include "nexor-json-private.h"
#include "nexor-lead-private.h"
#include "nexor-workflow-run-summary-private.h"
#include "nexor-resource-private.h"

/**
 * NexorCreateLeadResult:
 *
 * The answer to [method@Nexor.Client.create_lead]: the lead, whether it already existed
 * (the API upserts by email, then phone) and, when the lead was created in a workflow,
 * the run it was enrolled in.
 *
 * Since: 0.1
 */

struct _NexorCreateLeadResult
{
  GObject parent_instance;
  NexorJsonSource json;

  NexorLead *lead;
  NexorWorkflowRunSummary *workflow_run;
  gboolean existed;
};

/**
 * NexorCreateLeadResult:lead:
 *
 * The lead as stored: new, or an existing lead the input was merged into.
 *
 * Since: 0.1
 */
/**
 * NexorCreateLeadResult:workflow-run:
 *
 * The workflow run the lead was enrolled in; %NULL unless the input named a workflow.
 *
 * Since: 0.1
 */
/**
 * NexorCreateLeadResult:existed:
 *
 * Whether the lead already existed (matched by email, then phone) and was updated
 * instead of created.
 *
 * Since: 0.1
 */
/* Leads inside results carry no variables map. */
static NexorLead *
parse_lead (JsonObject         *object,
            NexorJsonDocument  *document,
            GError            **error)
{
  return _nexor_lead_new_from_json (object, NULL, document, error);
}

static const NexorField nexor_create_lead_result_fields[] = {
  { "lead", NEXOR_FIELD_NAMES ("lead"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorCreateLeadResult, lead), TRUE, 0.0, nexor_lead_get_type, (NexorResourceParseFunc) parse_lead },
  { "workflow-run", NEXOR_FIELD_NAMES ("workflow_run", "workflowRun"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorCreateLeadResult, workflow_run), FALSE, 0.0, nexor_workflow_run_summary_get_type, (NexorResourceParseFunc) _nexor_workflow_run_summary_new_from_json },
  { "existed", NEXOR_FIELD_NAMES ("existed"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorCreateLeadResult, existed), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorCreateLeadResult, nexor_create_lead_result, nexor_create_lead_result_fields)

NexorCreateLeadResult *
_nexor_create_lead_result_new_from_json (JsonObject         *object,
                                         NexorJsonDocument  *document,
                                         GError            **error)
{
  g_autoptr(NexorCreateLeadResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_CREATE_LEAD_RESULT, "create lead result",
                                        nexor_create_lead_result_fields, G_N_ELEMENTS (nexor_create_lead_result_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

NexorCreateLeadResult *
_nexor_create_lead_result_new_from_response (JsonNode           *root,
                                             NexorJsonDocument  *document,
                                             GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "created lead", error);

  if (object == NULL)
    return NULL;

  return _nexor_create_lead_result_new_from_json (object, document, error);
}

/**
 * nexor_create_lead_result_dup_json:
 * @self: a [class@Nexor.CreateLeadResult]
 *
 * Gets the JSON object this create lead result was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_create_lead_result_get_lead:
 * @self: a [class@Nexor.CreateLeadResult]
 *
 * Gets the [property@Nexor.CreateLeadResult:lead] property.
 *
 * Returns: (nullable) (transfer none): the lead
 *
 * Since: 0.1
 */
NexorLead *
nexor_create_lead_result_get_lead (NexorCreateLeadResult *self)
{
  g_return_val_if_fail (NEXOR_IS_CREATE_LEAD_RESULT (self), NULL);

  return self->lead;
}

/**
 * nexor_create_lead_result_get_workflow_run:
 * @self: a [class@Nexor.CreateLeadResult]
 *
 * Gets the [property@Nexor.CreateLeadResult:workflow-run] property.
 *
 * Returns: (nullable) (transfer none): the workflow run
 *
 * Since: 0.1
 */
NexorWorkflowRunSummary *
nexor_create_lead_result_get_workflow_run (NexorCreateLeadResult *self)
{
  g_return_val_if_fail (NEXOR_IS_CREATE_LEAD_RESULT (self), NULL);

  return self->workflow_run;
}

/**
 * nexor_create_lead_result_get_existed:
 * @self: a [class@Nexor.CreateLeadResult]
 *
 * Gets the [property@Nexor.CreateLeadResult:existed] property.
 *
 * Returns: whether the lead already existed
 *
 * Since: 0.1
 */
gboolean
nexor_create_lead_result_get_existed (NexorCreateLeadResult *self)
{
  g_return_val_if_fail (NEXOR_IS_CREATE_LEAD_RESULT (self), FALSE);

  return self->existed;
}
