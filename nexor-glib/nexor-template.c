/* nexor-template.c: a WhatsApp message template
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-template-private.h"
#include "nexor-resource-private.h"
#include "nexor-template-variable-private.h"

/**
 * NexorTemplate:
 *
 * A WhatsApp message template approved (or not yet, or refused) by Meta:
 * what [method@Nexor.Client.list_templates] lists. Outside the 24-hour window
 * after a lead last wrote, a WhatsApp message must be a template:
 * [property@Nexor.MessageInput:template-id] names it, with its
 * [property@Nexor.Template:variables] filled in through
 * [method@Nexor.MessageInput.set_template_parameters].
 *
 * Since: 0.1
 */

struct _NexorTemplate
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
  char *language;
  char *category;
  char *status;
  JsonNode *components;
  GListModel *variables;
};

/**
 * NexorTemplate:id:
 *
 * The template's id, for [property@Nexor.MessageInput:template-id].
 *
 * Since: 0.1
 */
/**
 * NexorTemplate:name:
 *
 * The template's name, such as `meeting_global_with_name`.
 *
 * Since: 0.1
 */
/**
 * NexorTemplate:language:
 *
 * The template's language code, such as `es`.
 *
 * Since: 0.1
 */
/**
 * NexorTemplate:category:
 *
 * `MARKETING`, `UTILITY` or `AUTHENTICATION`, as documented; another value the server sends is kept as it is.
 *
 * Since: 0.1
 */
/**
 * NexorTemplate:status:
 *
 * `APPROVED`, `PENDING` or `REJECTED`, as documented; only an approved template can be sent.
 *
 * Since: 0.1
 */
/**
 * NexorTemplate:components:
 *
 * The template's components in Meta's format, as sent: an array of objects with `type` (`HEADER`, `BODY`, `FOOTER`, `BUTTONS`), `text` and, for a body, an `example`.
 *
 * Since: 0.1
 */
/**
 * NexorTemplate:variables:
 *
 * The template's variables, a [iface@Gio.ListModel] of [class@Nexor.TemplateVariable] in the order sent; empty when the server sent `null`.
 *
 * Since: 0.1
 */
static const NexorField nexor_template_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTemplate, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTemplate, name), FALSE, 0.0, NULL, NULL },
  { "language", NEXOR_FIELD_NAMES ("language"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTemplate, language), FALSE, 0.0, NULL, NULL },
  { "category", NEXOR_FIELD_NAMES ("category"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTemplate, category), FALSE, 0.0, NULL, NULL },
  { "status", NEXOR_FIELD_NAMES ("status"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTemplate, status), FALSE, 0.0, NULL, NULL },
  { "components", NEXOR_FIELD_NAMES ("components"), NEXOR_FIELD_JSON_NODE,
    G_STRUCT_OFFSET (NexorTemplate, components), FALSE, 0.0, NULL, NULL },
  { "variables", NEXOR_FIELD_NAMES ("variables"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorTemplate, variables), FALSE, 0.0, nexor_template_variable_get_type, (NexorResourceParseFunc) _nexor_template_variable_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorTemplate, nexor_template, nexor_template_fields)

NexorTemplate *
_nexor_template_new_from_json (JsonObject         *object,
                        NexorJsonDocument  *document,
                        GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_TEMPLATE, "template", nexor_template_fields,
                                        G_N_ELEMENTS (nexor_template_fields), object, document, error);
}

/**
 * nexor_template_dup_json:
 * @self: a [class@Nexor.Template]
 *
 * Gets the JSON object this template was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_template_get_id:
 * @self: a [class@Nexor.Template]
 *
 * Gets the [property@Nexor.Template:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_template_get_id (NexorTemplate *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE (self), NULL);

  return self->id;
}

/**
 * nexor_template_get_name:
 * @self: a [class@Nexor.Template]
 *
 * Gets the [property@Nexor.Template:name] property.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_template_get_name (NexorTemplate *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE (self), NULL);

  return self->name;
}

/**
 * nexor_template_get_language:
 * @self: a [class@Nexor.Template]
 *
 * Gets the [property@Nexor.Template:language] property.
 *
 * Returns: (nullable): the language
 *
 * Since: 0.1
 */
const char *
nexor_template_get_language (NexorTemplate *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE (self), NULL);

  return self->language;
}

/**
 * nexor_template_get_category:
 * @self: a [class@Nexor.Template]
 *
 * Gets the [property@Nexor.Template:category] property.
 *
 * Returns: (nullable): the category
 *
 * Since: 0.1
 */
const char *
nexor_template_get_category (NexorTemplate *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE (self), NULL);

  return self->category;
}

/**
 * nexor_template_get_status:
 * @self: a [class@Nexor.Template]
 *
 * Gets the [property@Nexor.Template:status] property.
 *
 * Returns: (nullable): the status
 *
 * Since: 0.1
 */
const char *
nexor_template_get_status (NexorTemplate *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE (self), NULL);

  return self->status;
}

/**
 * nexor_template_dup_components:
 * @self: a [class@Nexor.Template]
 *
 * Gets a copy of the [property@Nexor.Template:components] property.
 *
 * Returns: (transfer full) (nullable): the components, or %NULL when the answer had none
 *
 * Since: 0.1
 */
JsonNode *
nexor_template_dup_components (NexorTemplate *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE (self), NULL);

  return self->components != NULL ? json_node_copy (self->components) : NULL;
}

/**
 * nexor_template_get_variables:
 * @self: a [class@Nexor.Template]
 *
 * Gets the [property@Nexor.Template:variables] property.
 *
 * Returns: (transfer none): the variables
 *
 * Since: 0.1
 */
GListModel *
nexor_template_get_variables (NexorTemplate *self)
{
  g_return_val_if_fail (NEXOR_IS_TEMPLATE (self), NULL);

  return self->variables;
}
