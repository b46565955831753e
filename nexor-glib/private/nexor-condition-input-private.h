/* nexor-condition-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-condition-input.h"

G_BEGIN_DECLS

gboolean  _nexor_condition_input_check   (NexorConditionInput  *self,
                                          GError              **error);
JsonNode *_nexor_condition_input_to_json (NexorConditionInput  *self);

G_END_DECLS
