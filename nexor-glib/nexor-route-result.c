/* nexor-route-result.c: where a processor routed one lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-route-result-private.h"
#include "nexor-bulk-item-result-private.h"
#include "nexor-lead-private.h"
#include "nexor-rule-private.h"
#include "nexor-workflow-private.h"
#include "nexor-workflow-run-summary-private.h"
#include "nexor-resource-private.h"

/**
 * NexorRouteResult:
 *
 * Where [method@Nexor.Client.route_lead] or
 * [method@Nexor.Client.route_leads] sent one lead: the lead as stored, the
 * rule it matched (none when it went to the default workflow) and the
 * workflow it was enrolled in.
 *
 * The API does not document this answer. The library reads the shape
 * nexor-emulator answers (the Create Lead answer plus `rule` and `workflow`,
 * see the emulator's guide): it is **experimental** and may change when the
 * service documents its own. The full answer is always in
 * [method@Nexor.RouteResult.dup_json].
 *
 * Since: 0.1
 */

struct _NexorRouteResult
{
  GObject parent_instance;
  NexorJsonSource json;

  int index;
  gboolean success;
  char *error_message;
  NexorLead *lead;
  gboolean existed;
  NexorWorkflowRunSummary *workflow_run;
  NexorRule *rule;
  NexorWorkflow *workflow;
};

/**
 * NexorRouteResult:index:
 *
 * The position of the lead in the batch it was sent in, counting from 0; -1
 * for a single lead or when the server did not say.
 *
 * Since: 0.1
 */
/**
 * NexorRouteResult:success:
 *
 * Whether the lead was routed (created or updated, and enrolled).
 *
 * Since: 0.1
 */
/**
 * NexorRouteResult:error-message:
 *
 * Why this lead of a batch was not routed, in the server's words; %NULL when
 * it was.
 *
 * Since: 0.1
 */
/**
 * NexorRouteResult:lead:
 *
 * The lead as stored; %NULL when it was not routed.
 *
 * Since: 0.1
 */
/**
 * NexorRouteResult:existed:
 *
 * Whether the lead already existed (matched by email, then phone) and was
 * updated.
 *
 * Since: 0.1
 */
/**
 * NexorRouteResult:workflow-run:
 *
 * The run the lead was enrolled in, if the answer carried it.
 *
 * Since: 0.1
 */
/**
 * NexorRouteResult:rule:
 *
 * The rule the lead matched, with its id and name; %NULL when no rule
 * matched and the lead went to the processor's default workflow.
 *
 * Since: 0.1
 */
/**
 * NexorRouteResult:workflow:
 *
 * The workflow the lead was routed to: the rule's, or the processor's
 * default.
 *
 * Since: 0.1
 */
/* Leads inside route answers carry no variables map. */
static NexorLead *
parse_lead (JsonObject         *object,
            NexorJsonDocument  *document,
            GError            **error)
{
  return _nexor_lead_new_from_json (object, NULL, document, error);
}

static const NexorField nexor_route_result_fields[] = {
  { "index", NEXOR_FIELD_NAMES ("index"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorRouteResult, index), FALSE, -1.0, NULL, NULL },
  { "success", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorRouteResult, success), FALSE, 0.0, NULL, NULL },
  { "error-message", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorRouteResult, error_message), FALSE, 0.0, NULL, NULL },
  { "lead", NEXOR_FIELD_NAMES ("lead"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorRouteResult, lead), FALSE, 0.0, nexor_lead_get_type, (NexorResourceParseFunc) parse_lead },
  { "existed", NEXOR_FIELD_NAMES ("existed"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorRouteResult, existed), FALSE, 0.0, NULL, NULL },
  { "workflow-run", NEXOR_FIELD_NAMES ("workflow_run", "workflowRun"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorRouteResult, workflow_run), FALSE, 0.0, nexor_workflow_run_summary_get_type, (NexorResourceParseFunc) _nexor_workflow_run_summary_new_from_json },
  { "rule", NEXOR_FIELD_NAMES ("rule", "matched_rule"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorRouteResult, rule), FALSE, 0.0, nexor_rule_get_type, (NexorResourceParseFunc) _nexor_rule_new_from_json },
  { "workflow", NEXOR_FIELD_NAMES ("workflow", "matched_workflow"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorRouteResult, workflow), FALSE, 0.0, nexor_workflow_get_type, (NexorResourceParseFunc) _nexor_workflow_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorRouteResult, nexor_route_result, nexor_route_result_fields)

NexorRouteResult *
_nexor_route_result_new_from_json (JsonObject         *object,
                                   NexorJsonDocument  *document,
                                   GError            **error)
{
  g_autoptr(NexorRouteResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_ROUTE_RESULT, "route result", nexor_route_result_fields,
                                        G_N_ELEMENTS (nexor_route_result_fields), object, document, error);
  if (self == NULL)
    return NULL;

  _nexor_bulk_item_read_outcome (object, "route result", &self->success, &self->error_message);
  return g_steal_pointer (&self);
}

/**
 * nexor_route_result_dup_json:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the JSON object this route result was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_route_result_get_index:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:index] property.
 *
 * Returns: the index
 *
 * Since: 0.1
 */
int
nexor_route_result_get_index (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), -1);

  return self->index;
}

/**
 * nexor_route_result_get_success:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:success] property.
 *
 * Returns: whether the lead was routed
 *
 * Since: 0.1
 */
gboolean
nexor_route_result_get_success (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), FALSE);

  return self->success;
}

/**
 * nexor_route_result_get_error_message:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:error-message] property.
 *
 * Returns: (nullable): the message
 *
 * Since: 0.1
 */
const char *
nexor_route_result_get_error_message (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), NULL);

  return self->error_message;
}

/**
 * nexor_route_result_get_lead:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:lead] property.
 *
 * Returns: (nullable) (transfer none): the lead
 *
 * Since: 0.1
 */
NexorLead *
nexor_route_result_get_lead (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), NULL);

  return self->lead;
}

/**
 * nexor_route_result_get_existed:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:existed] property.
 *
 * Returns: whether the lead existed
 *
 * Since: 0.1
 */
gboolean
nexor_route_result_get_existed (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), FALSE);

  return self->existed;
}

/**
 * nexor_route_result_get_workflow_run:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:workflow-run] property.
 *
 * Returns: (nullable) (transfer none): the run
 *
 * Since: 0.1
 */
NexorWorkflowRunSummary *
nexor_route_result_get_workflow_run (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), NULL);

  return self->workflow_run;
}

/**
 * nexor_route_result_get_rule:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:rule] property.
 *
 * Returns: (nullable) (transfer none): the rule
 *
 * Since: 0.1
 */
NexorRule *
nexor_route_result_get_rule (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), NULL);

  return self->rule;
}

/**
 * nexor_route_result_get_workflow:
 * @self: a [class@Nexor.RouteResult]
 *
 * Gets the [property@Nexor.RouteResult:workflow] property.
 *
 * Returns: (nullable) (transfer none): the workflow
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_route_result_get_workflow (NexorRouteResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ROUTE_RESULT (self), NULL);

  return self->workflow;
}
