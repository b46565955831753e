/* nexor-workflow-status.h: a status of a lead in a workflow
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

#define NEXOR_TYPE_WORKFLOW_STATUS (nexor_workflow_status_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWorkflowStatus, nexor_workflow_status, NEXOR, WORKFLOW_STATUS, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_status_get_id (NexorWorkflowStatus *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_status_get_key (NexorWorkflowStatus *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_status_get_label (NexorWorkflowStatus *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_status_get_category (NexorWorkflowStatus *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_workflow_status_get_color (NexorWorkflowStatus *self);
NEXOR_AVAILABLE_IN_0_1
gboolean    nexor_workflow_status_get_is_initial (NexorWorkflowStatus *self);
NEXOR_AVAILABLE_IN_0_1
gboolean    nexor_workflow_status_get_is_terminal (NexorWorkflowStatus *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_workflow_status_dup_json (NexorWorkflowStatus *self);

G_END_DECLS
