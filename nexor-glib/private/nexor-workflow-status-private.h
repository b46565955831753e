/* nexor-workflow-status-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-workflow-status.h"

G_BEGIN_DECLS

NexorWorkflowStatus *_nexor_workflow_status_new_from_json (JsonObject         *object,
                                                           NexorJsonDocument  *document,
                                                           GError            **error);

/* A status that may come without an id but must have a key, as in the
 * from_status and to_status of a webhook event. */
NexorWorkflowStatus *_nexor_workflow_status_new_from_keyed_json (JsonObject         *object,
                                                                 NexorJsonDocument  *document,
                                                                 GError            **error);

G_END_DECLS
