/* nexor-workflow-run-summary-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-workflow-run-summary.h"

G_BEGIN_DECLS

NexorWorkflowRunSummary *_nexor_workflow_run_summary_new_from_json (JsonObject         *object,
                                                                    NexorJsonDocument  *document,
                                                                    GError            **error);

G_END_DECLS
