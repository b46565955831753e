/* nexor-create-lead-result.h: the answer to creating one lead
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
#include "nexor-workflow-run-summary.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_CREATE_LEAD_RESULT (nexor_create_lead_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorCreateLeadResult, nexor_create_lead_result, NEXOR, CREATE_LEAD_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorLead *nexor_create_lead_result_get_lead (NexorCreateLeadResult *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflowRunSummary *nexor_create_lead_result_get_workflow_run (NexorCreateLeadResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_create_lead_result_get_existed (NexorCreateLeadResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_create_lead_result_dup_json (NexorCreateLeadResult *self);

G_END_DECLS
