/* nexor-template-variable.c: a variable of a WhatsApp template
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-template-variable-private.h"
#include "nexor-resource-private.h"

/**
 * NexorTemplateVariable:
 *
 * A variable of a [class@Nexor.Template]: its name, the `{{n}}` position it
 * fills and the component it is in (`BODY`, `HEADER`, …). The parameters of
 * [method@Nexor.MessageInput.set_template_parameters] are given in position
 * order.
 *
 * Since: 0.1
 */

struct _NexorTemplateVariable
{
  GObject parent_instance;
  NexorJsonSource json;

  char *name;
  int position;
  char *component;
};

/**
 * NexorTemplateVariable:name:
 *
 * The variable's name, such as `nombre`.
 *
 * Since: 0.1
 */
/**
 * NexorTemplateVariable:position:
 *
 * The `{{n}}` placeholder the variable fills, from 1; 0 when the answer had none.
 *
 * Since: 0.1
 */
/**
 * NexorTemplateVariable:component:
 *
 * The template component the placeholder is in, such as `BODY`.
 *
 * Since: 0.1
 */
static const NexorField nexor_template_variable_fields[] = {
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTemplateVariable, name), FALSE, 0.0, NULL, NULL },
  { "position", NEXOR_FIELD_NAMES ("position"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorTemplateVariable, position), FALSE, 0.0, NULL, NULL },
  { "component", NEXOR_FIELD_NAMES ("component"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTemplateVariable, component), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorTemplateVariable, nexor_template_variable, nexor_template_variable_fields)

NexorTemplateVariable *
_nexor_template_variable_new_from_json (JsonObject         *object,
                        NexorJsonDocument  *document,
                        GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_TEMPLATE_VARIABLE, "template variable", nexor_template_variable_fields,
                                        G_N_ELEMENTS (nexor_template_variable_fields), object, document, error);
}

/**
 * nexor_template_variable_dup_json:
 * @self: a [class@Nexor.TemplateVariable]
 *
 * Gets the JSON object this template variable was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_template_variable_get_name:
 * @self: a [class@Nexor.TemplateVariable]
 *
 * Gets the [property@Nexor.TemplateVariable:name] property.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_template_variable_get_name (NexorTemplateVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE_VARIABLE (self), NULL);

  return self->name;
}

/**
 * nexor_template_variable_get_position:
 * @self: a [class@Nexor.TemplateVariable]
 *
 * Gets the [property@Nexor.TemplateVariable:position] property.
 *
 * Returns: the position, or 0
 *
 * Since: 0.1
 */
int
nexor_template_variable_get_position (NexorTemplateVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE_VARIABLE (self), 0);

  return self->position;
}

/**
 * nexor_template_variable_get_component:
 * @self: a [class@Nexor.TemplateVariable]
 *
 * Gets the [property@Nexor.TemplateVariable:component] property.
 *
 * Returns: (nullable): the component
 *
 * Since: 0.1
 */
const char *
nexor_template_variable_get_component (NexorTemplateVariable *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE_VARIABLE (self), NULL);

  return self->component;
}
