/* nexor-variable-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-variable.h"

G_BEGIN_DECLS

NexorVariable *_nexor_variable_new_from_json (const char         *name,
                                              JsonObject         *object,
                                              NexorJsonDocument  *document,
                                              GError            **error);

G_END_DECLS
