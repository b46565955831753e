/* nexor-condition.h: one condition of a routing rule
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

/**
 * NexorConditionOperator:
 * @NEXOR_CONDITION_OPERATOR_UNKNOWN: an operator this version of the library
 *   does not know; [property@Nexor.Condition:operator-name] has the server's word
 * @NEXOR_CONDITION_OPERATOR_EQ: `eq`, equal to a string, number or boolean
 * @NEXOR_CONDITION_OPERATOR_NEQ: `neq`, not equal
 * @NEXOR_CONDITION_OPERATOR_GT: `gt`, a number greater than the value
 * @NEXOR_CONDITION_OPERATOR_GTE: `gte`, greater than or equal
 * @NEXOR_CONDITION_OPERATOR_LT: `lt`, less than
 * @NEXOR_CONDITION_OPERATOR_LTE: `lte`, less than or equal
 * @NEXOR_CONDITION_OPERATOR_CONTAINS: `contains`, a string containing the
 *   value, ignoring case
 * @NEXOR_CONDITION_OPERATOR_NOT_CONTAINS: `not_contains`, a string not
 *   containing it
 * @NEXOR_CONDITION_OPERATOR_IN: `in`, one of a list of strings or numbers
 * @NEXOR_CONDITION_OPERATOR_NOT_IN: `not_in`, none of the list
 * @NEXOR_CONDITION_OPERATOR_EXISTS: `exists`, present and not null; takes no
 *   value
 * @NEXOR_CONDITION_OPERATOR_NOT_EXISTS: `not_exists`, absent or null; takes
 *   no value
 * @NEXOR_CONDITION_OPERATOR_REGEX: `regex`, a string matching a regular
 *   expression
 *
 * How a routing condition compares a lead's field with its value.
 *
 * Since: 0.1
 */
typedef enum {
  NEXOR_CONDITION_OPERATOR_UNKNOWN,
  NEXOR_CONDITION_OPERATOR_EQ,
  NEXOR_CONDITION_OPERATOR_NEQ,
  NEXOR_CONDITION_OPERATOR_GT,
  NEXOR_CONDITION_OPERATOR_GTE,
  NEXOR_CONDITION_OPERATOR_LT,
  NEXOR_CONDITION_OPERATOR_LTE,
  NEXOR_CONDITION_OPERATOR_CONTAINS,
  NEXOR_CONDITION_OPERATOR_NOT_CONTAINS,
  NEXOR_CONDITION_OPERATOR_IN,
  NEXOR_CONDITION_OPERATOR_NOT_IN,
  NEXOR_CONDITION_OPERATOR_EXISTS,
  NEXOR_CONDITION_OPERATOR_NOT_EXISTS,
  NEXOR_CONDITION_OPERATOR_REGEX,
} NexorConditionOperator;

NEXOR_AVAILABLE_IN_0_1
const char             *nexor_condition_operator_to_string   (NexorConditionOperator  op);
NEXOR_AVAILABLE_IN_0_1
NexorConditionOperator  nexor_condition_operator_from_string (const char             *str);

#define NEXOR_TYPE_CONDITION (nexor_condition_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorCondition, nexor_condition, NEXOR, CONDITION, GObject)

NEXOR_AVAILABLE_IN_0_1
JsonObject             *nexor_condition_dup_json          (NexorCondition *self);
NEXOR_AVAILABLE_IN_0_1
const char             *nexor_condition_get_field         (NexorCondition *self);
NEXOR_AVAILABLE_IN_0_1
NexorConditionOperator  nexor_condition_get_operator      (NexorCondition *self);
NEXOR_AVAILABLE_IN_0_1
const char             *nexor_condition_get_operator_name (NexorCondition *self);
NEXOR_AVAILABLE_IN_0_1
JsonNode               *nexor_condition_dup_value         (NexorCondition *self);

G_END_DECLS
