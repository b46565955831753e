/* nexor-conversion-type.c: a kind of conversion an account records
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-conversion-type-private.h"
#include "nexor-resource-private.h"
#include "nexor-conversion-field-private.h"

/**
 * NexorConversionType:
 *
 * A kind of conversion the account records — a reservation, a signed
 * contract — with the custom fields its conversions carry
 * ([method@Nexor.Client.list_conversion_types]).
 *
 * A conversion embeds its type in the member the API names
 * `conversion_types` although it holds one object; that embedded form has
 * only the name, the fields and (in lists) the category, so its
 * [property@Nexor.ConversionType:id] is %NULL: the conversion's
 * [property@Nexor.Conversion:conversion-type-id] has it.
 *
 * Since: 0.1
 */

struct _NexorConversionType
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
  char *description;
  char *category;
  char *currency;
  GListModel *fields;
  char *workflow_id;
  char *master_workflow_id;
  GDateTime *created_at;
};

/**
 * NexorConversionType:id:
 *
 * The type's id; %NULL in the form a conversion embeds.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:name:
 *
 * The name of the type, such as `Reserva`.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:description:
 *
 * What the type is for, if it says.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:category:
 *
 * The category of the type, `intermediary` or `final` as documented; another value is kept as it is.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:currency:
 *
 * The ISO 4217 code the type's conversions are in unless they say otherwise.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:fields:
 *
 * The type's custom fields, a [iface@Gio.ListModel] of [class@Nexor.ConversionField], in the order to show them; empty when it has none.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:workflow-id:
 *
 * The workflow the type belongs to, if any; its conversions inherit it.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:master-workflow-id:
 *
 * The master workflow the type belongs to, if any; its conversions inherit it.
 *
 * Since: 0.1
 */
/**
 * NexorConversionType:created-at:
 *
 * When the type was created, if the answer carried it.
 *
 * Since: 0.1
 */
static const NexorField nexor_conversion_type_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionType, id), FALSE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionType, name), FALSE, 0.0, NULL, NULL },
  { "description", NEXOR_FIELD_NAMES ("description"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionType, description), FALSE, 0.0, NULL, NULL },
  { "category", NEXOR_FIELD_NAMES ("category"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionType, category), FALSE, 0.0, NULL, NULL },
  { "currency", NEXOR_FIELD_NAMES ("currency"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionType, currency), FALSE, 0.0, NULL, NULL },
  { "fields", NEXOR_FIELD_NAMES ("fields"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorConversionType, fields), FALSE, 0.0, nexor_conversion_field_get_type, (NexorResourceParseFunc) _nexor_conversion_field_new_from_json },
  { "workflow-id", NEXOR_FIELD_NAMES ("workflow_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionType, workflow_id), FALSE, 0.0, NULL, NULL },
  { "master-workflow-id", NEXOR_FIELD_NAMES ("master_workflow_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionType, master_workflow_id), FALSE, 0.0, NULL, NULL },
  { "created-at", NEXOR_FIELD_NAMES ("created_at"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorConversionType, created_at), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorConversionType, nexor_conversion_type, nexor_conversion_type_fields)

NexorConversionType *
_nexor_conversion_type_new_from_json (JsonObject         *object,
                                      NexorJsonDocument  *document,
                                      GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_CONVERSION_TYPE, "conversion type", nexor_conversion_type_fields,
                                        G_N_ELEMENTS (nexor_conversion_type_fields), object, document, error);
}

/**
 * nexor_conversion_type_dup_json:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the JSON object this conversion type was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_conversion_type_get_id:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:id] property: the type's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_type_get_id (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->id;
}

/**
 * nexor_conversion_type_get_name:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:name] property: the name of the type, such as `Reserva`.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_conversion_type_get_name (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->name;
}

/**
 * nexor_conversion_type_get_description:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:description] property: what the type is for, if it says.
 *
 * Returns: (nullable): the description
 *
 * Since: 0.1
 */
const char *
nexor_conversion_type_get_description (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->description;
}

/**
 * nexor_conversion_type_get_category:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:category] property: the category of the type, `intermediary` or `final` as documented.
 *
 * Returns: (nullable): the category
 *
 * Since: 0.1
 */
const char *
nexor_conversion_type_get_category (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->category;
}

/**
 * nexor_conversion_type_get_currency:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:currency] property: the ISO 4217 code the type's conversions are in unless they say otherwise.
 *
 * Returns: (nullable): the currency
 *
 * Since: 0.1
 */
const char *
nexor_conversion_type_get_currency (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->currency;
}

/**
 * nexor_conversion_type_get_fields:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:fields] property: the type's custom fields, a [iface@Gio.
 *
 * Returns: (transfer none): the fields
 *
 * Since: 0.1
 */
GListModel *
nexor_conversion_type_get_fields (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->fields;
}

/**
 * nexor_conversion_type_get_workflow_id:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:workflow-id] property: the workflow the type belongs to, if any.
 *
 * Returns: (nullable): the workflow id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_type_get_workflow_id (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->workflow_id;
}

/**
 * nexor_conversion_type_get_master_workflow_id:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:master-workflow-id] property: the master workflow the type belongs to, if any.
 *
 * Returns: (nullable): the master workflow id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_type_get_master_workflow_id (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return self->master_workflow_id;
}

/**
 * nexor_conversion_type_get_created_at:
 * @self: a [class@Nexor.ConversionType]
 *
 * Gets the [property@Nexor.ConversionType:created-at] property: when the type was created, if the answer carried it.
 *
 * Returns: (nullable) (transfer none): the created at
 *
 * Since: 0.1
 */
GDateTime *
nexor_conversion_type_get_created_at (NexorConversionType *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_TYPE (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}
