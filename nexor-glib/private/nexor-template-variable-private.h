/* nexor-template-variable-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"
#include "nexor-template-variable.h"

G_BEGIN_DECLS

NexorTemplateVariable *_nexor_template_variable_new_from_json (JsonObject         *object,
                                   NexorJsonDocument  *document,
                                   GError            **error);

G_END_DECLS
