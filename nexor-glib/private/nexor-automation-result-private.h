/* nexor-automation-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-automation-result.h"

G_BEGIN_DECLS

NexorAutomationResult *_nexor_automation_result_new_from_json (JsonObject  *object,
                                                              GError     **error);
NexorAutomationResult *_nexor_automation_result_new_from_response (JsonNode  *root,
                                                                  GError   **error);

G_END_DECLS
