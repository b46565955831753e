/* nexor-rule.c: a routing rule of a processor
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-rule-private.h"
#include "nexor-condition-private.h"
#include "nexor-workflow-private.h"
#include "nexor-resource-private.h"

/**
 * NexorRule:
 *
 * A rule of a routing processor ([class@Nexor.Processor]): a lead that meets
 * all of its [property@Nexor.Rule:conditions] is enrolled in its workflow.
 * Rules are evaluated by [property@Nexor.Rule:position], lowest first; the
 * first that matches wins.
 *
 * The API answers rules in three shapes, and a rule carries what its answer
 * had: Get Processor's rules have the workflow's name but no processor id,
 * the create and update answers have the processor id and timestamps, and
 * the reorder answer only the id, name and position.
 *
 * Since: 0.1
 */

struct _NexorRule
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *processor_id;
  char *name;
  char *workflow_id;
  NexorWorkflow *workflow;
  GListModel *conditions;
  int position;
  gboolean is_active;
  GDateTime *created_at;
  GDateTime *updated_at;
};

/**
 * NexorRule:id:
 *
 * The rule's id.
 *
 * Since: 0.1
 */
/**
 * NexorRule:processor-id:
 *
 * The id of the processor the rule belongs to, when the answer carried it
 * (rule create and update answers do; Get Processor's rules do not).
 *
 * Since: 0.1
 */
/**
 * NexorRule:name:
 *
 * The rule's display name.
 *
 * Since: 0.1
 */
/**
 * NexorRule:workflow-id:
 *
 * The workflow a lead the rule matches is enrolled in.
 *
 * Since: 0.1
 */
/**
 * NexorRule:workflow:
 *
 * The workflow, with its name, when the answer carried it (Get Processor
 * does).
 *
 * Since: 0.1
 */
/**
 * NexorRule:conditions:
 *
 * The conditions, a [iface@Gio.ListModel] of [class@Nexor.Condition]; a lead
 * matches the rule when all of them hold. Empty when the answer did not
 * carry them (reorder answers).
 *
 * Since: 0.1
 */
/**
 * NexorRule:position:
 *
 * Where the rule is evaluated: lower comes first, from 1; 0 if the answer
 * did not say.
 *
 * Since: 0.1
 */
/**
 * NexorRule:is-active:
 *
 * Whether the rule takes part in routing; %FALSE also when the answer did
 * not say (reorder answers).
 *
 * Since: 0.1
 */
/**
 * NexorRule:created-at:
 *
 * When the rule was created, if the answer carried it.
 *
 * Since: 0.1
 */
/**
 * NexorRule:updated-at:
 *
 * When the rule was last changed, if the answer carried it.
 *
 * Since: 0.1
 */
static const NexorField nexor_rule_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorRule, id), TRUE, 0.0, NULL, NULL },
  { "processor-id", NEXOR_FIELD_NAMES ("processor_id", "processorId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorRule, processor_id), FALSE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorRule, name), FALSE, 0.0, NULL, NULL },
  { "workflow-id", NEXOR_FIELD_NAMES ("workflow_id", "workflowId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorRule, workflow_id), FALSE, 0.0, NULL, NULL },
  { "workflow", NEXOR_FIELD_NAMES ("workflow"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorRule, workflow), FALSE, 0.0, nexor_workflow_get_type, (NexorResourceParseFunc) _nexor_workflow_new_from_json },
  { "conditions", NEXOR_FIELD_NAMES ("conditions"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorRule, conditions), FALSE, 0.0, nexor_condition_get_type, (NexorResourceParseFunc) _nexor_condition_new_from_json },
  { "position", NEXOR_FIELD_NAMES ("position"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorRule, position), FALSE, 0.0, NULL, NULL },
  { "is-active", NEXOR_FIELD_NAMES ("is_active", "isActive"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorRule, is_active), FALSE, 0.0, NULL, NULL },
  { "created-at", NEXOR_FIELD_NAMES ("created_at", "createdAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorRule, created_at), FALSE, 0.0, NULL, NULL },
  { "updated-at", NEXOR_FIELD_NAMES ("updated_at", "updatedAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorRule, updated_at), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorRule, nexor_rule, nexor_rule_fields)

NexorRule *
_nexor_rule_new_from_json (JsonObject         *object,
                         NexorJsonDocument  *document,
                         GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_RULE, "rule", nexor_rule_fields,
                                        G_N_ELEMENTS (nexor_rule_fields), object, document, error);
}

/**
 * nexor_rule_dup_json:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the JSON object this rule was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_rule_get_id:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_rule_get_id (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return self->id;
}

/**
 * nexor_rule_get_processor_id:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:processor-id] property.
 *
 * Returns: (nullable): the processor id
 *
 * Since: 0.1
 */
const char *
nexor_rule_get_processor_id (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return self->processor_id;
}

/**
 * nexor_rule_get_name:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:name] property.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_rule_get_name (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return self->name;
}

/**
 * nexor_rule_get_workflow_id:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:workflow-id] property.
 *
 * Returns: (nullable): the workflow id
 *
 * Since: 0.1
 */
const char *
nexor_rule_get_workflow_id (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return self->workflow_id;
}

/**
 * nexor_rule_get_workflow:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:workflow] property.
 *
 * Returns: (nullable) (transfer none): the workflow
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_rule_get_workflow (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return self->workflow;
}

/**
 * nexor_rule_get_conditions:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:conditions] property.
 *
 * Returns: (transfer none): the conditions
 *
 * Since: 0.1
 */
GListModel *
nexor_rule_get_conditions (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return self->conditions;
}

/**
 * nexor_rule_get_position:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:position] property.
 *
 * Returns: the position
 *
 * Since: 0.1
 */
int
nexor_rule_get_position (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), 0);

  return self->position;
}

/**
 * nexor_rule_get_is_active:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:is-active] property.
 *
 * Returns: whether the rule is active
 *
 * Since: 0.1
 */
gboolean
nexor_rule_get_is_active (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), FALSE);

  return self->is_active;
}

/**
 * nexor_rule_get_created_at:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:created-at] property.
 *
 * Returns: (nullable) (transfer none): the creation time
 *
 * Since: 0.1
 */
GDateTime *
nexor_rule_get_created_at (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}

/**
 * nexor_rule_get_updated_at:
 * @self: a [class@Nexor.Rule]
 *
 * Gets the [property@Nexor.Rule:updated-at] property.
 *
 * Returns: (nullable) (transfer none): the time of the last change
 *
 * Since: 0.1
 */
GDateTime *
nexor_rule_get_updated_at (NexorRule *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE (self), NULL);

  return _nexor_field_get_datetime (&self->updated_at);
}
