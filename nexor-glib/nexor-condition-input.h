/* nexor-condition-input.h: one condition of a routing rule to write
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
#include "nexor-condition.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_CONDITION_INPUT (nexor_condition_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorConditionInput, nexor_condition_input, NEXOR, CONDITION_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorConditionInput    *nexor_condition_input_new                   (const char             *field,
                                                                     NexorConditionOperator  op);
NEXOR_AVAILABLE_IN_0_1
const char             *nexor_condition_input_get_field             (NexorConditionInput    *self);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_field             (NexorConditionInput    *self,
                                                                     const char             *field);
NEXOR_AVAILABLE_IN_0_1
NexorConditionOperator  nexor_condition_input_get_operator          (NexorConditionInput    *self);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_operator          (NexorConditionInput    *self,
                                                                     NexorConditionOperator  op);
NEXOR_AVAILABLE_IN_0_1
JsonNode               *nexor_condition_input_dup_value             (NexorConditionInput    *self);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_value             (NexorConditionInput    *self,
                                                                     JsonNode               *value);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_string_value      (NexorConditionInput    *self,
                                                                     const char             *value);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_number_value      (NexorConditionInput    *self,
                                                                     double                  value);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_int_value         (NexorConditionInput    *self,
                                                                     gint64                  value);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_boolean_value     (NexorConditionInput    *self,
                                                                     gboolean                value);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_string_list_value (NexorConditionInput    *self,
                                                                     const char * const     *values);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_set_number_list_value (NexorConditionInput    *self,
                                                                     const double           *values,
                                                                     gsize                   n_values);
NEXOR_AVAILABLE_IN_0_1
gboolean                nexor_condition_input_has_value             (NexorConditionInput    *self);
NEXOR_AVAILABLE_IN_0_1
void                    nexor_condition_input_unset_value           (NexorConditionInput    *self);

G_END_DECLS
