/* nexor-workflow-run-summary.h: the workflow run a new lead was enrolled in
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
#include "nexor-cadence.h"
#include "nexor-workflow.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_WORKFLOW_RUN_SUMMARY (nexor_workflow_run_summary_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWorkflowRunSummary, nexor_workflow_run_summary, NEXOR, WORKFLOW_RUN_SUMMARY, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_run_summary_get_id (NexorWorkflowRunSummary *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_run_summary_get_job_id (NexorWorkflowRunSummary *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_workflow_run_summary_get_workflow (NexorWorkflowRunSummary *self);
NEXOR_AVAILABLE_IN_0_1
NexorCadence *nexor_workflow_run_summary_get_cadence (NexorWorkflowRunSummary *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_workflow_run_summary_dup_json (NexorWorkflowRunSummary *self);

G_END_DECLS
