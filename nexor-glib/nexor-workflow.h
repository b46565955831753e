/* nexor-workflow.h: a summary of a workflow
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

G_BEGIN_DECLS

#define NEXOR_TYPE_WORKFLOW (nexor_workflow_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWorkflow, nexor_workflow, NEXOR, WORKFLOW, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_get_id (NexorWorkflow *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_get_name (NexorWorkflow *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_get_goal_type (NexorWorkflow *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_workflow_dup_json (NexorWorkflow *self);

G_END_DECLS
