/* nexor-variable.c: a value collected from a lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-json-private.h"

#include "nexor-variable-private.h"
#include "nexor-resource-private.h"

/**
 * NexorVariable:
 *
 * A value the AI agent collected from a lead during a workflow (a “workflow
 * field”), such as an age or the name of a broker, with how confident the
 * extraction was.
 *
 * Since: 0.1
 */

struct _NexorVariable
{
  GObject parent_instance;
  NexorJsonSource json;

  char *name;
  JsonNode *value;
  char *value_text;
  double confidence;
  GDateTime *updated_at;
};

/**
 * NexorVariable:name:
 *
 * The name (key) of the variable, such as `edad`.
 *
 * Since: 0.1
 */
/**
 * NexorVariable:value:
 *
 * The typed value as JSON: a number, a string, a boolean, or any other JSON value.
 *
 * Since: 0.1
 */
/**
 * NexorVariable:value-text:
 *
 * The value rendered as text, such as `35`.
 *
 * Since: 0.1
 */
/**
 * NexorVariable:confidence:
 *
 * How confident the extraction was, from 0 to 1, or -1 when the server did not say.
 *
 * Since: 0.1
 */
/**
 * NexorVariable:updated-at:
 *
 * When the value was last collected.
 *
 * Since: 0.1
 */
static const NexorField nexor_variable_fields[] = {
  { "name", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorVariable, name), FALSE, 0.0, NULL, NULL },
  { "value", NEXOR_FIELD_NAMES ("value"), NEXOR_FIELD_JSON_NODE,
    G_STRUCT_OFFSET (NexorVariable, value), FALSE, 0.0, NULL, NULL },
  { "value-text", NEXOR_FIELD_NAMES ("value_text", "valueText"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorVariable, value_text), FALSE, 0.0, NULL, NULL },
  { "confidence", NEXOR_FIELD_NAMES ("confidence"), NEXOR_FIELD_DOUBLE,
    G_STRUCT_OFFSET (NexorVariable, confidence), FALSE, -1.0, NULL, NULL },
  { "updated-at", NEXOR_FIELD_NAMES ("updated_at", "updatedAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorVariable, updated_at), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorVariable, nexor_variable, nexor_variable_fields)

/**
 * nexor_variable_dup_json:
 * @self: a [class@Nexor.Variable]
 *
 * Gets the JSON object this variable was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_variable_get_name:
 * @self: a [class@Nexor.Variable]
 *
 * Gets the [property@Nexor.Variable:name] property: the name (key) of the variable, such as `edad`.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_variable_get_name (NexorVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_VARIABLE (self), NULL);

  return self->name;
}

/**
 * nexor_variable_dup_value:
 * @self: a [class@Nexor.Variable]
 *
 * Gets a copy of the [property@Nexor.Variable:value] property: the typed
 * value as JSON: a number, a string, a boolean, or any other JSON value. The
 * variable is immutable: changing the returned value does not change it.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL
 *   when there is none
 *
 * Since: 0.1
 */
JsonNode *
nexor_variable_dup_value (NexorVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_VARIABLE (self), NULL);

  return self->value != NULL ? _nexor_json_node_deep_copy (self->value) : NULL;
}

/**
 * nexor_variable_get_value_text:
 * @self: a [class@Nexor.Variable]
 *
 * Gets the [property@Nexor.Variable:value-text] property: the value rendered as text, such as `35`.
 *
 * Returns: (nullable): the value as text
 *
 * Since: 0.1
 */
const char *
nexor_variable_get_value_text (NexorVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_VARIABLE (self), NULL);

  return self->value_text;
}

/**
 * nexor_variable_get_confidence:
 * @self: a [class@Nexor.Variable]
 *
 * Gets the [property@Nexor.Variable:confidence] property: how confident the extraction was, from 0 to 1, or -1 when the server did not say.
 *
 * Returns: the confidence, or -1 if unknown
 *
 * Since: 0.1
 */
double
nexor_variable_get_confidence (NexorVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_VARIABLE (self), -1.0);

  return self->confidence;
}

/**
 * nexor_variable_get_updated_at:
 * @self: a [class@Nexor.Variable]
 *
 * Gets the [property@Nexor.Variable:updated-at] property: when the value was last collected.
 *
 * Returns: (nullable) (transfer none): when the value was last collected
 *
 * Since: 0.1
 */
GDateTime *
nexor_variable_get_updated_at (NexorVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_VARIABLE (self), NULL);

  return _nexor_field_get_datetime (&self->updated_at);
}

NexorVariable *
_nexor_variable_new_from_json (const char         *name,
                               JsonObject         *object,
                               NexorJsonDocument  *document,
                               GError            **error)
{
  g_autoptr(NexorVariable) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_VARIABLE, "variable", nexor_variable_fields,
                                        G_N_ELEMENTS (nexor_variable_fields), object, document, error);
  if (self == NULL)
    return NULL;

  self->name = g_utf8_validate (name, -1, NULL) ? g_strdup (name) : g_utf8_make_valid (name, -1);
  return g_steal_pointer (&self);
}
