/* nexor-condition-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-condition.h"

G_BEGIN_DECLS

NexorCondition *_nexor_condition_new_from_json (JsonObject         *object,
                                                NexorJsonDocument  *document,
                                                GError            **error);

G_END_DECLS
