/* nexor-conversion-field.c: a custom field of a conversion type
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-conversion-field-private.h"
#include "nexor-resource-private.h"

/**
 * NexorConversionField:
 *
 * A custom field of a [class@Nexor.ConversionType]: the key a conversion
 * keeps its value under in its metadata
 * ([property@Nexor.ConversionInput:metadata] when recording one), the label
 * to show, and the kind of value, `text` or `number`.
 *
 * Since: 0.1
 */

struct _NexorConversionField
{
  GObject parent_instance;
  NexorJsonSource json;

  char *key;
  char *label;
  char *field_type;
};

/**
 * NexorConversionField:key:
 *
 * The key of the field in a conversion's metadata.
 *
 * Since: 0.1
 */
/**
 * NexorConversionField:label:
 *
 * The label to show for the field.
 *
 * Since: 0.1
 */
/**
 * NexorConversionField:field-type:
 *
 * The kind of value the field takes, `text` or `number` as documented; another value the server sends is kept as it is. The JSON member is `type`.
 *
 * Since: 0.1
 */
static const NexorField nexor_conversion_field_fields[] = {
  { "key", NEXOR_FIELD_NAMES ("key"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionField, key), TRUE, 0.0, NULL, NULL },
  { "label", NEXOR_FIELD_NAMES ("label"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionField, label), FALSE, 0.0, NULL, NULL },
  { "field-type", NEXOR_FIELD_NAMES ("type"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversionField, field_type), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorConversionField, nexor_conversion_field, nexor_conversion_field_fields)

NexorConversionField *
_nexor_conversion_field_new_from_json (JsonObject         *object,
                                       NexorJsonDocument  *document,
                                       GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_CONVERSION_FIELD, "conversion field", nexor_conversion_field_fields,
                                        G_N_ELEMENTS (nexor_conversion_field_fields), object, document, error);
}

/**
 * nexor_conversion_field_dup_json:
 * @self: a [class@Nexor.ConversionField]
 *
 * Gets the JSON object this conversion field was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_conversion_field_get_key:
 * @self: a [class@Nexor.ConversionField]
 *
 * Gets the [property@Nexor.ConversionField:key] property: the key of the field in a conversion's metadata.
 *
 * Returns: (nullable): the key
 *
 * Since: 0.1
 */
const char *
nexor_conversion_field_get_key (NexorConversionField *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_FIELD (self), NULL);

  return self->key;
}

/**
 * nexor_conversion_field_get_label:
 * @self: a [class@Nexor.ConversionField]
 *
 * Gets the [property@Nexor.ConversionField:label] property: the label to show for the field.
 *
 * Returns: (nullable): the label
 *
 * Since: 0.1
 */
const char *
nexor_conversion_field_get_label (NexorConversionField *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_FIELD (self), NULL);

  return self->label;
}

/**
 * nexor_conversion_field_get_field_type:
 * @self: a [class@Nexor.ConversionField]
 *
 * Gets the [property@Nexor.ConversionField:field-type] property: the kind of value the field takes, `text` or `number` as documented.
 *
 * Returns: (nullable): the field type
 *
 * Since: 0.1
 */
const char *
nexor_conversion_field_get_field_type (NexorConversionField *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_FIELD (self), NULL);

  return self->field_type;
}
