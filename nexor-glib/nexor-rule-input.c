/* nexor-rule-input.c: what to write to a routing rule
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"
#include "nexor-rule-input-private.h"
#include "nexor-condition-input-private.h"

/**
 * NexorRuleInput:
 *
 * What to write to a routing rule: the input of
 * [method@Nexor.Client.create_processor_rule] and
 * [method@Nexor.Client.update_processor_rule].
 *
 * Only the properties that were set are sent. The conditions are added one
 * by one with [method@Nexor.RuleInput.add_condition]; once any is added, or
 * [method@Nexor.RuleInput.clear_conditions] was called, the whole list is
 * sent, and an update replaces the rule's conditions with it.
 *
 * ```python
 * rule = Nexor.RuleInput(name="English leads", workflow_id=english_workflow_id)
 * cond = Nexor.ConditionInput.new("metadata.language", Nexor.ConditionOperator.IN)
 * cond.set_string_list_value(["EN", "en"])
 * rule.add_condition(cond)
 * ```
 *
 * Since: 0.1
 */

struct _NexorRuleInput
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
  GPtrArray  *conditions;  /* NexorConditionInput; NULL: unset */
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_WORKFLOW_ID,
  PROP_POSITION,
  PROP_IS_ACTIVE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

static G_GNUC_UNUSED GType
get_boolean_type (void)
{
  return G_TYPE_BOOLEAN;
}

static G_GNUC_UNUSED GType
get_int_type (void)
{
  return G_TYPE_INT;
}

/* In the order of the PROP_ ids, which is also the order of the body. */
static const NexorInputField nexor_rule_input_fields[] = {
  { "name", "name", get_string_type },
  { "workflow-id", "workflow_id", get_string_type },
  { "position", "position", get_int_type },
  { "is-active", "is_active", get_boolean_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_rule_input_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorRuleInput, nexor_rule_input, G_TYPE_OBJECT)

static void
nexor_rule_input_finalize (GObject *object)
{
  NexorRuleInput *self = NEXOR_RULE_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);

  G_OBJECT_CLASS (nexor_rule_input_parent_class)->finalize (object);
}

static void
nexor_rule_input_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NexorRuleInput *self = NEXOR_RULE_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_rule_input_fields[prop_id - 1], value);
}

static void
nexor_rule_input_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NexorRuleInput *self = NEXOR_RULE_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_rule_input_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

/**
 * NexorRuleInput:name:
 *
 * The rule's display name; required to create one.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.RuleInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorRuleInput:workflow-id:
 *
 * The workflow a lead the rule matches is enrolled in; required to create a
 * rule.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.RuleInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorRuleInput:position:
 *
 * Where the rule is evaluated, lower first; a new rule without one goes
 * after the others.
 *
 * Unset until set; see [method@Nexor.RuleInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorRuleInput:is-active:
 *
 * Whether the rule takes part in routing; a new rule is active unless this
 * is set to %FALSE.
 *
 * Unset until set; see [method@Nexor.RuleInput.unset].
 *
 * Since: 0.1
 */
static void
nexor_rule_input_class_init (NexorRuleInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_rule_input_finalize;
  object_class->get_property = nexor_rule_input_get_property;
  object_class->set_property = nexor_rule_input_set_property;

  _nexor_input_install_properties (object_class, nexor_rule_input_fields, N_PROPS - 1, props);
}

static void
nexor_rule_input_init (NexorRuleInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_rule_input_new:
 *
 * Creates an input with no property set.
 *
 * Returns: (transfer full): a new [class@Nexor.RuleInput]
 *
 * Since: 0.1
 */
NexorRuleInput *
nexor_rule_input_new (void)
{
  return g_object_new (NEXOR_TYPE_RULE_INPUT, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_rule_input_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_rule_input_is_set:
 * @self: a [class@Nexor.RuleInput]
 * @property_name: the name of a property, such as `name`; the spelling with
 *   underscores works too
 *
 * Checks whether a property is set, to a value or to null, and so will be
 * sent.
 *
 * Returns: whether the property is set
 *
 * Since: 0.1
 */
gboolean
nexor_rule_input_is_set (NexorRuleInput *self,
                        const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  /* The conditions are no property: they are added one by one. */
  if (g_str_equal (property_name, "conditions"))
    return self->conditions != NULL;

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_rule_input_is_null:
 * @self: a [class@Nexor.RuleInput]
 * @property_name: the name of a property, such as `name`; the spelling with
 *   underscores works too
 *
 * Checks whether a property is set to null, and so will be sent as JSON
 * `null`. A property that is unset is not null.
 *
 * Returns: whether the property is set to null
 *
 * Since: 0.1
 */
gboolean
nexor_rule_input_is_null (NexorRuleInput *self,
                         const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  if (field == NULL)
    return FALSE;

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_rule_input_unset:
 * @self: a [class@Nexor.RuleInput]
 * @property_name: the name of a property, such as `name`; the spelling with
 *   underscores works too
 *
 * Makes a property unset again, so it is not sent at all. Compare setting it
 * to %NULL, which sends JSON `null`.
 *
 * Since: 0.1
 */
void
nexor_rule_input_unset (NexorRuleInput *self,
                       const char *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_RULE_INPUT (self));
  g_return_if_fail (property_name != NULL);

  if (g_str_equal (property_name, "conditions"))
    {
      g_clear_pointer (&self->conditions, g_ptr_array_unref);
      return;
    }

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_rule_input_fields + 1]);
}

/**
 * nexor_rule_input_add_condition:
 * @self: a [class@Nexor.RuleInput]
 * @condition: the condition to add
 *
 * Adds a condition after those already added. The rule matches a lead when
 * all its conditions hold.
 *
 * @condition is kept, not copied: a change made to it before the call that
 * sends @self is sent too.
 *
 * Since: 0.1
 */
void
nexor_rule_input_add_condition (NexorRuleInput      *self,
                                NexorConditionInput *condition)
{
  g_return_if_fail (NEXOR_IS_RULE_INPUT (self));
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (condition));

  if (self->conditions == NULL)
    self->conditions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (self->conditions, g_object_ref (condition));
}

/**
 * nexor_rule_input_clear_conditions:
 * @self: a [class@Nexor.RuleInput]
 *
 * Removes the conditions added so far, and sets the list to empty: an empty
 * list is sent (unless conditions are added again). Use
 * [method@Nexor.RuleInput.unset] with `conditions` to send no list at all.
 *
 * Since: 0.1
 */
void
nexor_rule_input_clear_conditions (NexorRuleInput *self)
{
  g_return_if_fail (NEXOR_IS_RULE_INPUT (self));

  if (self->conditions == NULL)
    self->conditions = g_ptr_array_new_with_free_func (g_object_unref);
  else
    g_ptr_array_set_size (self->conditions, 0);
}

/**
 * nexor_rule_input_get_n_conditions:
 * @self: a [class@Nexor.RuleInput]
 *
 * Gets how many conditions were added.
 *
 * Returns: the number of conditions, 0 when none were added
 *
 * Since: 0.1
 */
guint
nexor_rule_input_get_n_conditions (NexorRuleInput *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), 0);

  return self->conditions != NULL ? self->conditions->len : 0;
}

gboolean
_nexor_rule_input_check (NexorRuleInput  *self,
                         gboolean         creating,
                         GError         **error)
{
  const NexorInputField *fields = nexor_rule_input_fields;

  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), FALSE);

  if (!_nexor_input_check_utf8 (self->values, fields, N_PROPS - 1, "rule input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_NAME - 1], creating, "rule input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_WORKFLOW_ID - 1], creating, "rule input", error))
    return FALSE;

  if (creating && self->conditions == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid %s: “%s” is required"), "rule input", "conditions");
      return FALSE;
    }

  for (guint i = 0; self->conditions != NULL && i < self->conditions->len; i++)
    {
      if (!_nexor_condition_input_check (g_ptr_array_index (self->conditions, i), error))
        {
          g_prefix_error (error, _("Condition %u: "), i);
          return FALSE;
        }
    }

  return TRUE;
}

JsonNode *
_nexor_rule_input_to_json (NexorRuleInput *self)
{
  JsonNode *node;
  JsonArray *conditions;

  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), NULL);

  node = _nexor_input_to_json (self->values, nexor_rule_input_fields, N_PROPS - 1);
  if (self->conditions == NULL)
    return node;

  conditions = json_array_sized_new (self->conditions->len);
  for (guint i = 0; i < self->conditions->len; i++)
    json_array_add_element (conditions, _nexor_condition_input_to_json (g_ptr_array_index (self->conditions, i)));
  json_object_set_array_member (json_node_get_object (node), "conditions", conditions);

  return node;
}

/**
 * nexor_rule_input_get_name:
 * @self: a [class@Nexor.RuleInput]
 *
 * Gets the [property@Nexor.RuleInput:name] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_rule_input_get_name (NexorRuleInput *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_rule_input_fields[PROP_NAME - 1]);
}

/**
 * nexor_rule_input_set_name:
 * @self: a [class@Nexor.RuleInput]
 * @name: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.RuleInput:name] property.
 *
 * Since: 0.1
 */
void
nexor_rule_input_set_name (NexorRuleInput *self,
                          const char *name)
{
  g_return_if_fail (NEXOR_IS_RULE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_rule_input_fields[PROP_NAME - 1], name))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NAME]);
}

/**
 * nexor_rule_input_get_workflow_id:
 * @self: a [class@Nexor.RuleInput]
 *
 * Gets the [property@Nexor.RuleInput:workflow-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_rule_input_get_workflow_id (NexorRuleInput *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_rule_input_fields[PROP_WORKFLOW_ID - 1]);
}

/**
 * nexor_rule_input_set_workflow_id:
 * @self: a [class@Nexor.RuleInput]
 * @workflow_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.RuleInput:workflow-id] property.
 *
 * Since: 0.1
 */
void
nexor_rule_input_set_workflow_id (NexorRuleInput *self,
                                 const char *workflow_id)
{
  g_return_if_fail (NEXOR_IS_RULE_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_rule_input_fields[PROP_WORKFLOW_ID - 1], workflow_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WORKFLOW_ID]);
}

/**
 * nexor_rule_input_get_position:
 * @self: a [class@Nexor.RuleInput]
 *
 * Gets the [property@Nexor.RuleInput:position] property.
 *
 * Returns: the value, 0 when it is unset
 *
 * Since: 0.1
 */
int
nexor_rule_input_get_position (NexorRuleInput *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), 0);

  return _nexor_input_get_int (self->values, &nexor_rule_input_fields[PROP_POSITION - 1]);
}

/**
 * nexor_rule_input_set_position:
 * @self: a [class@Nexor.RuleInput]
 * @position: the new value, 0 or more
 *
 * Sets the [property@Nexor.RuleInput:position] property.
 *
 * Since: 0.1
 */
void
nexor_rule_input_set_position (NexorRuleInput *self,
                              int position)
{
  g_return_if_fail (NEXOR_IS_RULE_INPUT (self));
  g_return_if_fail (position >= 0);

  if (_nexor_input_set_int (self->values, &nexor_rule_input_fields[PROP_POSITION - 1], position))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_POSITION]);
}

/**
 * nexor_rule_input_get_is_active:
 * @self: a [class@Nexor.RuleInput]
 *
 * Gets the [property@Nexor.RuleInput:is-active] property.
 *
 * Returns: the value, %FALSE when it is unset
 *
 * Since: 0.1
 */
gboolean
nexor_rule_input_get_is_active (NexorRuleInput *self)
{
  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (self), FALSE);

  return _nexor_input_get_boolean (self->values, &nexor_rule_input_fields[PROP_IS_ACTIVE - 1]);
}

/**
 * nexor_rule_input_set_is_active:
 * @self: a [class@Nexor.RuleInput]
 * @is_active: the new value
 *
 * Sets the [property@Nexor.RuleInput:is-active] property.
 *
 * Since: 0.1
 */
void
nexor_rule_input_set_is_active (NexorRuleInput *self,
                               gboolean is_active)
{
  g_return_if_fail (NEXOR_IS_RULE_INPUT (self));

  if (_nexor_input_set_boolean (self->values, &nexor_rule_input_fields[PROP_IS_ACTIVE - 1], is_active))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_IS_ACTIVE]);
}
