/* nexor-condition.c: one condition of a routing rule
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-condition-private.h"
#include "nexor-enum-types.h"
#include "nexor-json-private.h"
#include "nexor-resource-private.h"

/**
 * NexorCondition:
 *
 * One condition of a routing rule ([class@Nexor.Rule]): a lead field, an
 * operator and the value it is compared with. A rule matches a lead when all
 * its conditions hold.
 *
 * [property@Nexor.Condition:field] is a lead column (`first_name`,
 * `last_name`, `email`, `phone`, `source`, `company`, `title`,
 * `campaign_id`) or a key of the lead's metadata as `metadata.<key>`.
 * An operator this version of the library does not know reads as
 * %NEXOR_CONDITION_OPERATOR_UNKNOWN, with the server's word in
 * [property@Nexor.Condition:operator-name].
 *
 * Since: 0.1
 */

struct _NexorCondition
{
  GObject parent_instance;
  NexorJsonSource json;

  char *field;
  char *operator_name;
  JsonNode *value;

  NexorConditionOperator operator;
};

/**
 * NexorCondition:field:
 *
 * The lead field the condition reads, such as `email` or `metadata.language`.
 *
 * Since: 0.1
 */
/**
 * NexorCondition:operator-name:
 *
 * The operator as the server sent it, such as `in`; kept even when
 * [property@Nexor.Condition:operator] is %NEXOR_CONDITION_OPERATOR_UNKNOWN.
 *
 * Since: 0.1
 */
/**
 * NexorCondition:value:
 *
 * The value the field is compared with: a string, number or boolean, or an
 * array of them for `in` and `not_in`; %NULL when there is none (`exists`,
 * `not_exists`).
 *
 * Since: 0.1
 */
static const NexorField nexor_condition_fields[] = {
  { "field", NEXOR_FIELD_NAMES ("field"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorCondition, field), FALSE, 0.0, NULL, NULL },
  { "operator-name", NEXOR_FIELD_NAMES ("operator"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorCondition, operator_name), FALSE, 0.0, NULL, NULL },
  { "value", NEXOR_FIELD_NAMES ("value"), NEXOR_FIELD_JSON_NODE,
    G_STRUCT_OFFSET (NexorCondition, value), FALSE, 0.0, NULL, NULL },
};

#define N_FIELDS G_N_ELEMENTS (nexor_condition_fields)

enum {
  PROP_OPERATOR = N_FIELDS + 1,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (NexorCondition, nexor_condition, G_TYPE_OBJECT)

static const char * const operator_names[] = {
  [NEXOR_CONDITION_OPERATOR_EQ] = "eq",
  [NEXOR_CONDITION_OPERATOR_NEQ] = "neq",
  [NEXOR_CONDITION_OPERATOR_GT] = "gt",
  [NEXOR_CONDITION_OPERATOR_GTE] = "gte",
  [NEXOR_CONDITION_OPERATOR_LT] = "lt",
  [NEXOR_CONDITION_OPERATOR_LTE] = "lte",
  [NEXOR_CONDITION_OPERATOR_CONTAINS] = "contains",
  [NEXOR_CONDITION_OPERATOR_NOT_CONTAINS] = "not_contains",
  [NEXOR_CONDITION_OPERATOR_IN] = "in",
  [NEXOR_CONDITION_OPERATOR_NOT_IN] = "not_in",
  [NEXOR_CONDITION_OPERATOR_EXISTS] = "exists",
  [NEXOR_CONDITION_OPERATOR_NOT_EXISTS] = "not_exists",
  [NEXOR_CONDITION_OPERATOR_REGEX] = "regex",
};

/**
 * nexor_condition_operator_to_string:
 * @op: an operator
 *
 * Gets the word the API uses for @op, such as `not_in`.
 *
 * Returns: (nullable): the word, or %NULL for
 *   %NEXOR_CONDITION_OPERATOR_UNKNOWN and values outside the enumeration
 *
 * Since: 0.1
 */
const char *
nexor_condition_operator_to_string (NexorConditionOperator op)
{
  if ((guint) op >= G_N_ELEMENTS (operator_names))
    return NULL;

  return operator_names[op];
}

/**
 * nexor_condition_operator_from_string:
 * @str: (nullable): a word of the API, such as `contains`
 *
 * Finds the operator the API calls @str. The comparison is exact: the API's
 * words are lower case.
 *
 * Returns: the operator, or %NEXOR_CONDITION_OPERATOR_UNKNOWN
 *
 * Since: 0.1
 */
NexorConditionOperator
nexor_condition_operator_from_string (const char *str)
{
  for (guint i = 1; i < G_N_ELEMENTS (operator_names); i++)
    if (g_strcmp0 (str, operator_names[i]) == 0)
      return (NexorConditionOperator) i;

  return NEXOR_CONDITION_OPERATOR_UNKNOWN;
}

static void
nexor_condition_finalize (GObject *object)
{
  NexorCondition *self = NEXOR_CONDITION (object);

  _nexor_fields_clear (self, nexor_condition_fields, N_FIELDS);
  _nexor_json_source_clear (&self->json);

  G_OBJECT_CLASS (nexor_condition_parent_class)->finalize (object);
}

static void
nexor_condition_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NexorCondition *self = NEXOR_CONDITION (object);

  if (prop_id <= N_FIELDS)
    {
      _nexor_fields_get_property (self, nexor_condition_fields, N_FIELDS, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_OPERATOR:
      g_value_set_enum (value, self->operator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_condition_class_init (NexorConditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_condition_finalize;
  object_class->get_property = nexor_condition_get_property;

  _nexor_fields_install_properties (object_class, nexor_condition_fields, N_FIELDS, props);

  /**
   * NexorCondition:operator:
   *
   * How the field is compared with the value.
   *
   * Since: 0.1
   */
  props[PROP_OPERATOR] =
    g_param_spec_enum ("operator", NULL, NULL,
                       NEXOR_TYPE_CONDITION_OPERATOR, NEXOR_CONDITION_OPERATOR_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_OPERATOR, props[PROP_OPERATOR]);
}

static void
nexor_condition_init (NexorCondition *self)
{
  _nexor_fields_init (self, nexor_condition_fields, N_FIELDS);
}

NexorCondition *
_nexor_condition_new_from_json (JsonObject         *object,
                                NexorJsonDocument  *document,
                                GError            **error)
{
  g_autoptr(NexorCondition) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_CONDITION, "condition", nexor_condition_fields,
                                        N_FIELDS, object, document, error);
  if (self == NULL)
    return NULL;

  self->operator = nexor_condition_operator_from_string (self->operator_name);
  return g_steal_pointer (&self);
}

/**
 * nexor_condition_dup_json:
 * @self: a [class@Nexor.Condition]
 *
 * Gets the JSON object this condition was built from, as the server sent
 * it, including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */
JsonObject *
nexor_condition_dup_json (NexorCondition *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION (self), NULL);

  return _nexor_json_source_dup (&self->json);
}

/**
 * nexor_condition_get_field:
 * @self: a [class@Nexor.Condition]
 *
 * Gets the [property@Nexor.Condition:field] property.
 *
 * Returns: (nullable): the field, such as `metadata.language`
 *
 * Since: 0.1
 */
const char *
nexor_condition_get_field (NexorCondition *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION (self), NULL);

  return self->field;
}

/**
 * nexor_condition_get_operator:
 * @self: a [class@Nexor.Condition]
 *
 * Gets the [property@Nexor.Condition:operator] property.
 *
 * Returns: the operator
 *
 * Since: 0.1
 */
NexorConditionOperator
nexor_condition_get_operator (NexorCondition *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION (self), NEXOR_CONDITION_OPERATOR_UNKNOWN);

  return self->operator;
}

/**
 * nexor_condition_get_operator_name:
 * @self: a [class@Nexor.Condition]
 *
 * Gets the [property@Nexor.Condition:operator-name] property.
 *
 * Returns: (nullable): the operator as the server sent it
 *
 * Since: 0.1
 */
const char *
nexor_condition_get_operator_name (NexorCondition *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION (self), NULL);

  return self->operator_name;
}

/**
 * nexor_condition_dup_value:
 * @self: a [class@Nexor.Condition]
 *
 * Gets a copy of the [property@Nexor.Condition:value] property. The
 * condition is immutable: changing the returned value does not change it.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL
 *   when the condition has none
 *
 * Since: 0.1
 */
JsonNode *
nexor_condition_dup_value (NexorCondition *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION (self), NULL);

  return self->value != NULL ? _nexor_json_node_deep_copy (self->value) : NULL;
}
