/* nexor-automation-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-automation-result.h"

G_BEGIN_DECLS

NexorAutomationResult *_nexor_automation_result_new_from_json (JsonObject         *object,
                                                               NexorJsonDocument  *document,
                                                               GError            **error);
NexorAutomationResult *_nexor_automation_result_new_from_response (JsonNode           *root,
                                                                   NexorJsonDocument  *document,
                                                                   GError            **error);

void _nexor_automation_result_set_workflow_id (NexorAutomationResult *self,
                                               const char            *workflow_id);

G_END_DECLS
