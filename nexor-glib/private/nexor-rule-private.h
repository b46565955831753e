/* nexor-rule-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-rule.h"

G_BEGIN_DECLS

NexorRule *_nexor_rule_new_from_json (JsonObject         *object,
                                    NexorJsonDocument  *document,
                                    GError            **error);
G_END_DECLS
