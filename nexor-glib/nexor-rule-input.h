/* nexor-rule-input.h: what to write to a routing rule
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
#include "nexor-condition-input.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_RULE_INPUT (nexor_rule_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorRuleInput, nexor_rule_input, NEXOR, RULE_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorRuleInput *nexor_rule_input_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_rule_input_is_set (NexorRuleInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_rule_input_is_null (NexorRuleInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_rule_input_unset (NexorRuleInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_rule_input_get_name (NexorRuleInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_rule_input_set_name (NexorRuleInput *self, const char *name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_rule_input_get_workflow_id (NexorRuleInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_rule_input_set_workflow_id (NexorRuleInput *self, const char *workflow_id);
NEXOR_AVAILABLE_IN_0_1
int nexor_rule_input_get_position (NexorRuleInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_rule_input_set_position (NexorRuleInput *self, int position);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_rule_input_get_is_active (NexorRuleInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_rule_input_set_is_active (NexorRuleInput *self, gboolean is_active);
NEXOR_AVAILABLE_IN_0_1
void nexor_rule_input_add_condition (NexorRuleInput *self, NexorConditionInput *condition);
NEXOR_AVAILABLE_IN_0_1
void nexor_rule_input_clear_conditions (NexorRuleInput *self);
NEXOR_AVAILABLE_IN_0_1
guint nexor_rule_input_get_n_conditions (NexorRuleInput *self);

G_END_DECLS
