/* nexor-variable.h: a value collected from a lead
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

#define NEXOR_TYPE_VARIABLE (nexor_variable_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorVariable, nexor_variable, NEXOR, VARIABLE, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_variable_get_name (NexorVariable *self);
NEXOR_AVAILABLE_IN_0_1
JsonNode *nexor_variable_dup_value (NexorVariable *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_variable_get_value_text (NexorVariable *self);
NEXOR_AVAILABLE_IN_0_1
double nexor_variable_get_confidence (NexorVariable *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_variable_get_updated_at (NexorVariable *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_variable_dup_json (NexorVariable *self);

G_END_DECLS
