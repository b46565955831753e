/* nexor-workflow-run.h: a lead's run through a workflow
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
#include "nexor-workflow.h"
#include "nexor-workflow-status.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_WORKFLOW_RUN (nexor_workflow_run_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWorkflowRun, nexor_workflow_run, NEXOR, WORKFLOW_RUN, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_run_get_id (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_run_get_workflow_id (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_workflow_run_get_is_active (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_workflow_run_get_human_takeover (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_run_get_cadence_state (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_run_get_run_status (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_workflow_run_get_workflow (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflowStatus *nexor_workflow_run_get_current_status (NexorWorkflowRun *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_workflow_run_dup_json (NexorWorkflowRun *self);

G_END_DECLS
