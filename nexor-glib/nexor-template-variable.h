/* nexor-template-variable.h: a variable of a WhatsApp template
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-version-macros.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_TEMPLATE_VARIABLE (nexor_template_variable_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorTemplateVariable, nexor_template_variable, NEXOR, TEMPLATE_VARIABLE, GObject)

NEXOR_AVAILABLE_IN_0_1
const char * nexor_template_variable_get_name (NexorTemplateVariable *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_template_variable_get_position (NexorTemplateVariable *self);
NEXOR_AVAILABLE_IN_0_1
const char * nexor_template_variable_get_component (NexorTemplateVariable *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_template_variable_dup_json (NexorTemplateVariable *self);

G_END_DECLS
