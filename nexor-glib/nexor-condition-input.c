/* nexor-condition-input.c: one condition of a routing rule to write
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <math.h>

#include "nexor-condition-input-private.h"
#include "nexor-enum-types.h"
#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"

/**
 * NexorConditionInput:
 *
 * One condition of a routing rule to write, added to a
 * [class@Nexor.RuleInput] with [method@Nexor.RuleInput.add_condition]: a lead
 * field, an operator and, for every operator but `exists` and `not_exists`,
 * a value.
 *
 * The value is any JSON value. The typed setters build it without writing
 * JSON, from every language:
 *
 * ```python
 * cond = Nexor.ConditionInput.new("metadata.language", Nexor.ConditionOperator.IN)
 * cond.set_string_list_value(["EN", "en"])
 * big = Nexor.ConditionInput.new("metadata.budget", Nexor.ConditionOperator.GTE)
 * big.set_number_value(10000)
 * ```
 *
 * ```js
 * const cond = Nexor.ConditionInput.new('email', Nexor.ConditionOperator.CONTAINS);
 * cond.set_string_value('@acme.com');
 * ```
 *
 * [method@Nexor.ConditionInput.set_value] takes any [struct@Json.Node] for the
 * rest.
 *
 * Since: 0.1
 */

struct _NexorConditionInput
{
  GObject parent_instance;

  JsonObject *values;   /* field and value, by body member */
  NexorConditionOperator operator;
};

enum {
  PROP_0,
  PROP_FIELD,
  PROP_VALUE,
  PROP_OPERATOR,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

static GType
get_node_type (void)
{
  return JSON_TYPE_NODE;
}

/* In the order of the PROP_ ids; the operator is kept apart, as an enum. */
static const NexorInputField nexor_condition_input_fields[] = {
  { "field", "field", get_string_type },
  { "value", "value", get_node_type },
};

#define N_FIELDS G_N_ELEMENTS (nexor_condition_input_fields)

G_DEFINE_FINAL_TYPE (NexorConditionInput, nexor_condition_input, G_TYPE_OBJECT)

static void
nexor_condition_input_finalize (GObject *object)
{
  NexorConditionInput *self = NEXOR_CONDITION_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_condition_input_parent_class)->finalize (object);
}

static void
nexor_condition_input_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NexorConditionInput *self = NEXOR_CONDITION_INPUT (object);

  if (prop_id == PROP_OPERATOR)
    g_value_set_enum (value, self->operator);
  else if (prop_id > 0 && prop_id <= N_FIELDS)
    _nexor_input_get_value (self->values, &nexor_condition_input_fields[prop_id - 1], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nexor_condition_input_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  NexorConditionInput *self = NEXOR_CONDITION_INPUT (object);

  if (prop_id == PROP_OPERATOR)
    nexor_condition_input_set_operator (self, g_value_get_enum (value));
  else if (prop_id > 0 && prop_id <= N_FIELDS)
    {
      if (_nexor_input_set_value (self->values, &nexor_condition_input_fields[prop_id - 1], value))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/**
 * NexorConditionInput:field:
 *
 * The lead field the condition reads: `first_name`, `last_name`, `email`,
 * `phone`, `source`, `company`, `title`, `campaign_id`, or a metadata key as
 * `metadata.<key>`. Required.
 *
 * Since: 0.1
 */
/**
 * NexorConditionInput:value:
 *
 * The value the field is compared with, any JSON value: a string, number or
 * boolean, or an array of strings or numbers for `in` and `not_in`. Unset
 * for `exists` and `not_exists`; setting it to %NULL sends JSON `null`.
 *
 * Since: 0.1
 */
static void
nexor_condition_input_class_init (NexorConditionInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_condition_input_finalize;
  object_class->get_property = nexor_condition_input_get_property;
  object_class->set_property = nexor_condition_input_set_property;

  /* Installs PROP_FIELD and PROP_VALUE (props[1], props[2]). */
  _nexor_input_install_properties (object_class, nexor_condition_input_fields, N_FIELDS, props);

  /**
   * NexorConditionInput:operator:
   *
   * How the field is compared with the value. Required:
   * %NEXOR_CONDITION_OPERATOR_UNKNOWN cannot be sent.
   *
   * Since: 0.1
   */
  props[PROP_OPERATOR] =
    g_param_spec_enum ("operator", NULL, NULL,
                       NEXOR_TYPE_CONDITION_OPERATOR, NEXOR_CONDITION_OPERATOR_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_OPERATOR, props[PROP_OPERATOR]);
}

static void
nexor_condition_input_init (NexorConditionInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_condition_input_new:
 * @field: (nullable): the lead field, such as `metadata.language`
 * @op: the operator
 *
 * Creates a condition without a value; set one with the setters unless @op
 * is %NEXOR_CONDITION_OPERATOR_EXISTS or
 * %NEXOR_CONDITION_OPERATOR_NOT_EXISTS.
 *
 * Returns: (transfer full): a new [class@Nexor.ConditionInput]
 *
 * Since: 0.1
 */
NexorConditionInput *
nexor_condition_input_new (const char             *field,
                           NexorConditionOperator  op)
{
  return g_object_new (NEXOR_TYPE_CONDITION_INPUT, "field", field, "operator", op, NULL);
}

/**
 * nexor_condition_input_get_field:
 * @self: a [class@Nexor.ConditionInput]
 *
 * Gets the [property@Nexor.ConditionInput:field] property.
 *
 * Returns: (nullable): the field
 *
 * Since: 0.1
 */
const char *
nexor_condition_input_get_field (NexorConditionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_condition_input_fields[PROP_FIELD - 1]);
}

/**
 * nexor_condition_input_set_field:
 * @self: a [class@Nexor.ConditionInput]
 * @field: (nullable): the lead field
 *
 * Sets the [property@Nexor.ConditionInput:field] property.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_field (NexorConditionInput *self,
                                 const char          *field)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_condition_input_fields[PROP_FIELD - 1], field))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_FIELD]);
}

/**
 * nexor_condition_input_get_operator:
 * @self: a [class@Nexor.ConditionInput]
 *
 * Gets the [property@Nexor.ConditionInput:operator] property.
 *
 * Returns: the operator
 *
 * Since: 0.1
 */
NexorConditionOperator
nexor_condition_input_get_operator (NexorConditionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION_INPUT (self), NEXOR_CONDITION_OPERATOR_UNKNOWN);

  return self->operator;
}

/**
 * nexor_condition_input_set_operator:
 * @self: a [class@Nexor.ConditionInput]
 * @op: the operator
 *
 * Sets the [property@Nexor.ConditionInput:operator] property.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_operator (NexorConditionInput    *self,
                                    NexorConditionOperator  op)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));

  if (self->operator == op)
    return;

  self->operator = op;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_OPERATOR]);
}

/**
 * nexor_condition_input_dup_value:
 * @self: a [class@Nexor.ConditionInput]
 *
 * Gets a copy of the [property@Nexor.ConditionInput:value] property.
 *
 * Returns: (nullable) (transfer full): the value (a JSON null node when it
 *   was set to null), or %NULL when it is unset
 *
 * Since: 0.1
 */
JsonNode *
nexor_condition_input_dup_value (NexorConditionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION_INPUT (self), NULL);

  return _nexor_input_dup_node (self->values, &nexor_condition_input_fields[PROP_VALUE - 1]);
}

/* A whole number a double holds exactly (|v| < 2^53), without libm: the
 * library does not link it. */
static gboolean
is_whole (double value)
{
  return value > -9007199254740992.0 && value < 9007199254740992.0 && value == (double) (gint64) value;
}

static void
take_value (NexorConditionInput *self,
            JsonNode            *value)
{
  if (_nexor_input_set_node (self->values, &nexor_condition_input_fields[PROP_VALUE - 1], value))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_VALUE]);

  if (value != NULL)
    json_node_unref (value);
}

/**
 * nexor_condition_input_set_value:
 * @self: a [class@Nexor.ConditionInput]
 * @value: (nullable): the value, any JSON value; %NULL sends JSON `null`
 *
 * Sets the [property@Nexor.ConditionInput:value] property to a copy of
 * @value.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_value (NexorConditionInput *self,
                                 JsonNode            *value)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));

  take_value (self, value != NULL ? json_node_copy (value) : NULL);
}

/**
 * nexor_condition_input_set_string_value:
 * @self: a [class@Nexor.ConditionInput]
 * @value: the string to compare with
 *
 * Sets the value to a JSON string, for `eq`, `neq`, `contains`,
 * `not_contains` and `regex`.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_string_value (NexorConditionInput *self,
                                        const char          *value)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));
  g_return_if_fail (value != NULL);

  take_value (self, json_node_init_string (json_node_alloc (), value));
}

/**
 * nexor_condition_input_set_number_value:
 * @self: a [class@Nexor.ConditionInput]
 * @value: the number to compare with, finite
 *
 * Sets the value to a JSON number, for `eq`, `neq`, `gt`, `gte`, `lt` and
 * `lte`. A whole number is sent without a fraction (`35`, not `35.0`).
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_number_value (NexorConditionInput *self,
                                        double               value)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));
  g_return_if_fail (isfinite (value));

  /* Python and GJS numbers arrive here: 35 should read as 35 on the wire. */
  if (is_whole (value))
    take_value (self, json_node_init_int (json_node_alloc (), (gint64) value));
  else
    take_value (self, json_node_init_double (json_node_alloc (), value));
}

/**
 * nexor_condition_input_set_int_value:
 * @self: a [class@Nexor.ConditionInput]
 * @value: the whole number to compare with
 *
 * Sets the value to a JSON integer.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_int_value (NexorConditionInput *self,
                                     gint64               value)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));

  take_value (self, json_node_init_int (json_node_alloc (), value));
}

/**
 * nexor_condition_input_set_boolean_value:
 * @self: a [class@Nexor.ConditionInput]
 * @value: the boolean to compare with
 *
 * Sets the value to a JSON boolean, for `eq` and `neq`.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_boolean_value (NexorConditionInput *self,
                                         gboolean             value)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));

  take_value (self, json_node_init_boolean (json_node_alloc (), value));
}

/**
 * nexor_condition_input_set_string_list_value:
 * @self: a [class@Nexor.ConditionInput]
 * @values: (array zero-terminated=1): the strings
 *
 * Sets the value to a JSON array of strings, for `in` and `not_in`.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_string_list_value (NexorConditionInput *self,
                                             const char * const  *values)
{
  JsonArray *array;

  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));
  g_return_if_fail (values != NULL);

  array = json_array_new ();
  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);

  take_value (self, json_node_init_array (json_node_alloc (), array));
  json_array_unref (array);
}

/**
 * nexor_condition_input_set_number_list_value:
 * @self: a [class@Nexor.ConditionInput]
 * @values: (array length=n_values): the numbers, finite
 * @n_values: how many there are
 *
 * Sets the value to a JSON array of numbers, for `in` and `not_in`; whole
 * numbers are sent without a fraction.
 *
 * Since: 0.1
 */
void
nexor_condition_input_set_number_list_value (NexorConditionInput *self,
                                             const double        *values,
                                             gsize                n_values)
{
  JsonArray *array;

  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));
  g_return_if_fail (values != NULL || n_values == 0);

  for (gsize i = 0; i < n_values; i++)
    g_return_if_fail (isfinite (values[i]));

  array = json_array_sized_new (n_values);
  for (gsize i = 0; i < n_values; i++)
    {
      if (is_whole (values[i]))
        json_array_add_int_element (array, (gint64) values[i]);
      else
        json_array_add_double_element (array, values[i]);
    }

  take_value (self, json_node_init_array (json_node_alloc (), array));
  json_array_unref (array);
}

/**
 * nexor_condition_input_has_value:
 * @self: a [class@Nexor.ConditionInput]
 *
 * Checks whether a value is set (JSON `null` included), and so will be sent.
 *
 * Returns: whether the value is set
 *
 * Since: 0.1
 */
gboolean
nexor_condition_input_has_value (NexorConditionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONDITION_INPUT (self), FALSE);

  return _nexor_input_is_set (self->values, "value");
}

/**
 * nexor_condition_input_unset_value:
 * @self: a [class@Nexor.ConditionInput]
 *
 * Makes the value unset again, so that no `value` member is sent, as
 * `exists` and `not_exists` want.
 *
 * Since: 0.1
 */
void
nexor_condition_input_unset_value (NexorConditionInput *self)
{
  g_return_if_fail (NEXOR_IS_CONDITION_INPUT (self));

  if (_nexor_input_unset (self->values, &nexor_condition_input_fields[PROP_VALUE - 1]))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_VALUE]);
}

/* Every string in @node is UTF-8. */
static gboolean
node_is_utf8 (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!node_is_utf8 (json_array_get_element (array, i)))
          return FALSE;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (!g_utf8_validate (name, -1, NULL) || !node_is_utf8 (member))
          return FALSE;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_validate (json_node_get_string (node), -1, NULL);

  return TRUE;
}

gboolean
_nexor_condition_input_check (NexorConditionInput  *self,
                              GError              **error)
{
  const NexorInputField *fields = nexor_condition_input_fields;
  JsonNode *value;

  g_return_val_if_fail (NEXOR_IS_CONDITION_INPUT (self), FALSE);

  if (!_nexor_input_check_utf8 (self->values, fields, N_FIELDS, "condition", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_FIELD - 1], TRUE, "condition", error))
    return FALSE;

  if (nexor_condition_operator_to_string (self->operator) == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid %s: “%s” is required"), "condition", "operator");
      return FALSE;
    }

  value = json_object_get_member (self->values, "value");
  if (value == NULL)
    {
      if (self->operator == NEXOR_CONDITION_OPERATOR_EXISTS ||
          self->operator == NEXOR_CONDITION_OPERATOR_NOT_EXISTS)
        return TRUE;

      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid condition: the operator “%s” needs a value"),
                   nexor_condition_operator_to_string (self->operator));
      return FALSE;
    }

  if ((self->operator == NEXOR_CONDITION_OPERATOR_IN || self->operator == NEXOR_CONDITION_OPERATOR_NOT_IN) &&
      !JSON_NODE_HOLDS_ARRAY (value))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid condition: the operator “%s” needs a list of values"),
                   nexor_condition_operator_to_string (self->operator));
      return FALSE;
    }

  if (!node_is_utf8 (value))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid %s: “%s” is not valid UTF-8"), "condition", "value");
      return FALSE;
    }

  return TRUE;
}

/* {field, operator, value?}, in the order the docs show. */
JsonNode *
_nexor_condition_input_to_json (NexorConditionInput *self)
{
  JsonObject *body;
  JsonNode *node;
  JsonNode *value;

  g_return_val_if_fail (NEXOR_IS_CONDITION_INPUT (self), NULL);

  body = json_object_new ();
  json_object_set_string_member (body, "field", nexor_condition_input_get_field (self));
  json_object_set_string_member (body, "operator", nexor_condition_operator_to_string (self->operator));

  value = json_object_get_member (self->values, "value");
  if (value != NULL)
    json_object_set_member (body, "value", json_node_copy (value));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, body);
  return node;
}
