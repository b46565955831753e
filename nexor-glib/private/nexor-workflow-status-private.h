/* nexor-workflow-status-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-workflow-status.h"

G_BEGIN_DECLS

NexorWorkflowStatus *_nexor_workflow_status_new_from_json (JsonObject  *object,
                                                           GError     **error);

G_END_DECLS
