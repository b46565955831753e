/* nexor-route-result.h: where a processor routed one lead
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
#include "nexor-rule.h"
#include "nexor-workflow.h"
#include "nexor-workflow-run-summary.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_ROUTE_RESULT (nexor_route_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorRouteResult, nexor_route_result, NEXOR, ROUTE_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_route_result_dup_json (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_route_result_get_index (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_route_result_get_success (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_route_result_get_error_message (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
NexorLead *nexor_route_result_get_lead (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_route_result_get_existed (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflowRunSummary *nexor_route_result_get_workflow_run (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
NexorRule *nexor_route_result_get_rule (NexorRouteResult *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_route_result_get_workflow (NexorRouteResult *self);

G_END_DECLS
