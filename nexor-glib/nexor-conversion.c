/* nexor-conversion.c: a recorded conversion event
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-conversion-private.h"
#include "nexor-resource-private.h"
#include "nexor-conversion-type-private.h"

/**
 * NexorConversion:
 *
 * A conversion event: revenue recorded against a lead — an amount in a
 * currency, of a [class@Nexor.ConversionType], attributed to the type's
 * workflow and, when given, to one of the lead's workflow runs.
 *
 * [method@Nexor.Client.create_conversion] records one and
 * [method@Nexor.Client.list_conversions] lists them, newest first.
 *
 * Since: 0.1
 */

struct _NexorConversion
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *conversion_type_id;
  char *lead_id;
  char *workflow_id;
  char *master_workflow_id;
  char *workflow_run_id;
  double amount;
  char *currency;
  JsonObject *metadata;
  char *notes;
  GDateTime *converted_at;
  GDateTime *created_at;
  NexorConversionType *conversion_type;
};

/**
 * NexorConversion:id:
 *
 * The conversion's id.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:conversion-type-id:
 *
 * The id of the conversion's type; %NULL for a conversion recorded without one.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:lead-id:
 *
 * The id of the lead the conversion is for.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:workflow-id:
 *
 * The workflow the conversion is attributed to, inherited from its type.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:master-workflow-id:
 *
 * The master workflow the conversion is attributed to, inherited from its type.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:workflow-run-id:
 *
 * The lead's workflow run the conversion is attributed to, if one was given.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:amount:
 *
 * The amount, in [property@Nexor.Conversion:currency]; 0 when the answer did not carry one.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:currency:
 *
 * The ISO 4217 code of the amount, such as `USD`.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:metadata:
 *
 * The values of the type's custom fields, by key, and any other keys recorded with it.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:notes:
 *
 * Notes recorded with the conversion, if any.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:converted-at:
 *
 * When the conversion happened.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:created-at:
 *
 * When the conversion was recorded.
 *
 * Since: 0.1
 */
/**
 * NexorConversion:conversion-type:
 *
 * The conversion's type as the answer embeds it (the API names the member `conversion_types`, although it is one object): its name, fields and, in lists, its category, without an id.
 *
 * Since: 0.1
 */
static const NexorField nexor_conversion_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, id), TRUE, 0.0, NULL, NULL },
  { "conversion-type-id", NEXOR_FIELD_NAMES ("conversion_type_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, conversion_type_id), FALSE, 0.0, NULL, NULL },
  { "lead-id", NEXOR_FIELD_NAMES ("lead_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, lead_id), FALSE, 0.0, NULL, NULL },
  { "workflow-id", NEXOR_FIELD_NAMES ("workflow_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, workflow_id), FALSE, 0.0, NULL, NULL },
  { "master-workflow-id", NEXOR_FIELD_NAMES ("master_workflow_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, master_workflow_id), FALSE, 0.0, NULL, NULL },
  { "workflow-run-id", NEXOR_FIELD_NAMES ("workflow_run_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, workflow_run_id), FALSE, 0.0, NULL, NULL },
  { "amount", NEXOR_FIELD_NAMES ("amount"), NEXOR_FIELD_DOUBLE,
    G_STRUCT_OFFSET (NexorConversion, amount), FALSE, 0.0, NULL, NULL },
  { "currency", NEXOR_FIELD_NAMES ("currency"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, currency), FALSE, 0.0, NULL, NULL },
  { "metadata", NEXOR_FIELD_NAMES ("metadata"), NEXOR_FIELD_JSON_OBJECT,
    G_STRUCT_OFFSET (NexorConversion, metadata), FALSE, 0.0, NULL, NULL },
  { "notes", NEXOR_FIELD_NAMES ("notes"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorConversion, notes), FALSE, 0.0, NULL, NULL },
  { "converted-at", NEXOR_FIELD_NAMES ("converted_at"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorConversion, converted_at), FALSE, 0.0, NULL, NULL },
  { "created-at", NEXOR_FIELD_NAMES ("created_at"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorConversion, created_at), FALSE, 0.0, NULL, NULL },
  { "conversion-type", NEXOR_FIELD_NAMES ("conversion_types", "conversion_type"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorConversion, conversion_type), FALSE, 0.0, nexor_conversion_type_get_type, (NexorResourceParseFunc) _nexor_conversion_type_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorConversion, nexor_conversion, nexor_conversion_fields)

NexorConversion *
_nexor_conversion_new_from_json (JsonObject         *object,
                                 NexorJsonDocument  *document,
                                 GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_CONVERSION, "conversion", nexor_conversion_fields,
                                        G_N_ELEMENTS (nexor_conversion_fields), object, document, error);
}

/**
 * nexor_conversion_dup_json:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the JSON object this conversion was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_conversion_get_id:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:id] property: the conversion's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_id (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->id;
}

/**
 * nexor_conversion_get_conversion_type_id:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:conversion-type-id] property: the id of the conversion's type.
 *
 * Returns: (nullable): the conversion type id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_conversion_type_id (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->conversion_type_id;
}

/**
 * nexor_conversion_get_lead_id:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:lead-id] property: the id of the lead the conversion is for.
 *
 * Returns: (nullable): the lead id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_lead_id (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->lead_id;
}

/**
 * nexor_conversion_get_workflow_id:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:workflow-id] property: the workflow the conversion is attributed to, inherited from its type.
 *
 * Returns: (nullable): the workflow id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_workflow_id (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->workflow_id;
}

/**
 * nexor_conversion_get_master_workflow_id:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:master-workflow-id] property: the master workflow the conversion is attributed to, inherited from its type.
 *
 * Returns: (nullable): the master workflow id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_master_workflow_id (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->master_workflow_id;
}

/**
 * nexor_conversion_get_workflow_run_id:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:workflow-run-id] property: the lead's workflow run the conversion is attributed to, if one was given.
 *
 * Returns: (nullable): the workflow run id
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_workflow_run_id (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->workflow_run_id;
}

/**
 * nexor_conversion_get_amount:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:amount] property: the amount, in [property@Nexor.
 *
 * Returns: the amount
 *
 * Since: 0.1
 */
double
nexor_conversion_get_amount (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), 0.0);

  return self->amount;
}

/**
 * nexor_conversion_get_currency:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:currency] property: the ISO 4217 code of the amount, such as `USD`.
 *
 * Returns: (nullable): the currency
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_currency (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->currency;
}

/**
 * nexor_conversion_dup_metadata:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets a copy of the [property@Nexor.Conversion:metadata] property: the
 * values of the type's custom fields, by key. The conversion is immutable:
 * changing the returned value does not change it.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL
 *   when there is none
 *
 * Since: 0.1
 */
JsonObject *
nexor_conversion_dup_metadata (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->metadata != NULL ? _nexor_json_object_deep_copy (self->metadata) : NULL;
}

/**
 * nexor_conversion_get_notes:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:notes] property: notes recorded with the conversion, if any.
 *
 * Returns: (nullable): the notes
 *
 * Since: 0.1
 */
const char *
nexor_conversion_get_notes (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->notes;
}

/**
 * nexor_conversion_get_converted_at:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:converted-at] property: when the conversion happened.
 *
 * Returns: (nullable) (transfer none): the converted at
 *
 * Since: 0.1
 */
GDateTime *
nexor_conversion_get_converted_at (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return _nexor_field_get_datetime (&self->converted_at);
}

/**
 * nexor_conversion_get_created_at:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:created-at] property: when the conversion was recorded.
 *
 * Returns: (nullable) (transfer none): the created at
 *
 * Since: 0.1
 */
GDateTime *
nexor_conversion_get_created_at (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}

/**
 * nexor_conversion_get_conversion_type:
 * @self: a [class@Nexor.Conversion]
 *
 * Gets the [property@Nexor.Conversion:conversion-type] property: the conversion's type as the answer embeds it (the API names the member `conversion_types`, although it is one object): its name, fields and, in lists, its category, without an id.
 *
 * Returns: (nullable) (transfer none): the conversion type
 *
 * Since: 0.1
 */
NexorConversionType *
nexor_conversion_get_conversion_type (NexorConversion *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION (self), NULL);

  return self->conversion_type;
}
