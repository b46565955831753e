/* nexor-rule-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-rule-input.h"

G_BEGIN_DECLS

/* Creating needs a name, a workflow and the conditions; every condition is
 * checked too. */
gboolean  _nexor_rule_input_check   (NexorRuleInput  *self,
                                     gboolean         creating,
                                     GError         **error);
JsonNode *_nexor_rule_input_to_json (NexorRuleInput  *self);

G_END_DECLS
