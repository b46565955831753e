/* nexor-workflow-run-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-workflow-run.h"

G_BEGIN_DECLS

NexorWorkflowRun *_nexor_workflow_run_new_from_json (JsonObject         *object,
                                                     NexorJsonDocument  *document,
                                                     GError            **error);
void _nexor_workflow_run_adopt_legacy (NexorWorkflowRun    *self,
                                      NexorWorkflow       *workflow,
                                      NexorWorkflowStatus *current_status);

G_END_DECLS
