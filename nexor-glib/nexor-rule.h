/* nexor-rule.h: a routing rule of a processor
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
#include "nexor-workflow.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_RULE (nexor_rule_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorRule, nexor_rule, NEXOR, RULE, GObject)

NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_rule_dup_json (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_rule_get_id (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_rule_get_processor_id (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_rule_get_name (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_rule_get_workflow_id (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_rule_get_workflow (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_rule_get_conditions (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_rule_get_position (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_rule_get_is_active (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_rule_get_created_at (NexorRule *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_rule_get_updated_at (NexorRule *self);

G_END_DECLS
