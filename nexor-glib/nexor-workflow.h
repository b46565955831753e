/* nexor-workflow.h: a workflow, in full or as a summary
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
gboolean    nexor_workflow_get_paused (NexorWorkflow *self);
NEXOR_AVAILABLE_IN_0_1
gboolean    nexor_workflow_get_has_call_steps (NexorWorkflow *self);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_workflow_get_statuses (NexorWorkflow *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_workflow_dup_json (NexorWorkflow *self);

G_END_DECLS
