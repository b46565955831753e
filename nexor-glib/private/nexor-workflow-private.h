/* nexor-workflow-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-workflow.h"

G_BEGIN_DECLS

NexorWorkflow *_nexor_workflow_new_from_json (JsonObject  *object,
                                              GError     **error);

G_END_DECLS
