/* nexor-automation-result.h: the answer to stopping or resuming automation
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

#define NEXOR_TYPE_AUTOMATION_RESULT (nexor_automation_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorAutomationResult, nexor_automation_result, NEXOR, AUTOMATION_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_automation_result_get_workflow_run_id (NexorAutomationResult *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_automation_result_get_workflow_id (NexorAutomationResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_automation_result_get_cadence_paused (NexorAutomationResult *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_automation_result_get_tasks_cancelled (NexorAutomationResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_automation_result_get_already_stopped (NexorAutomationResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_automation_result_get_cadence_resumed (NexorAutomationResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_automation_result_get_already_running (NexorAutomationResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_automation_result_dup_json (NexorAutomationResult *self);

G_END_DECLS
