/* nexor-conversion-input.c: what to record as a conversion
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <math.h>

#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"
#include "nexor-request-private.h"
#include "nexor-conversion-input-private.h"

/**
 * NexorConversionInput:
 *
 * A conversion to record with [method@Nexor.Client.create_conversion]
 * (`POST /conversions`). Only the properties that were set are sent; one set
 * to %NULL is sent as JSON null, and [method@Nexor.ConversionInput.unset]
 * leaves it out again.
 *
 * The documented body needs [property@Nexor.ConversionInput:conversion-type-id],
 * [property@Nexor.ConversionInput:lead-id] and
 * [property@Nexor.ConversionInput:amount]; the type's custom fields
 * ([property@Nexor.ConversionType:fields]) go in
 * [property@Nexor.ConversionInput:metadata] by key. The currency, when not
 * set, is the type's. The service also takes a body that names the lead by
 * [property@Nexor.ConversionInput:lead-email] and has no type (experimental:
 * seen in the service's own recipes, not on its reference pages).
 *
 * ```python
 * conversion = client.create_conversion(Nexor.ConversionInput(
 *     conversion_type_id=reserva.get_id(), lead_id=lead_id, amount=85000,
 *     metadata={"property_unit": "Apt 302"}))
 * ```
 *
 * Since: 0.1
 */

struct _NexorConversionInput
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_CONVERSION_TYPE_ID,
  PROP_LEAD_ID,
  PROP_LEAD_EMAIL,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_WORKFLOW_RUN_ID,
  PROP_CONVERTED_AT,
  PROP_METADATA,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_datetime_type (void)
{
  return G_TYPE_DATE_TIME;
}

static GType
get_double_type (void)
{
  return G_TYPE_DOUBLE;
}

static GType
get_object_type (void)
{
  return JSON_TYPE_OBJECT;
}

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

/* In the order of the PROP_ ids, which is also the order of the body. */
static const NexorInputField nexor_conversion_input_fields[] = {
  { "conversion-type-id", "conversion_type_id", get_string_type },
  { "lead-id", "lead_id", get_string_type },
  { "lead-email", "lead_email", get_string_type },
  { "amount", "amount", get_double_type },
  { "currency", "currency", get_string_type },
  { "workflow-run-id", "workflow_run_id", get_string_type },
  { "converted-at", "converted_at", get_datetime_type },
  { "metadata", "metadata", get_object_type },
  { "notes", "notes", get_string_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_conversion_input_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorConversionInput, nexor_conversion_input, G_TYPE_OBJECT)

/**
 * NexorConversionInput:conversion-type-id:
 *
 * The id of the conversion type, a UUID (see [method@Nexor.Client.list_conversion_types]). Required unless [property@Nexor.ConversionInput:lead-email] names the lead.
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:lead-id:
 *
 * The id of the lead that converted, a UUID. Required unless [property@Nexor.ConversionInput:lead-email] names the lead.
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:lead-email:
 *
 * The email of the lead that converted, for the body without a type (experimental).
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:amount:
 *
 * The amount, such as 85000. Required; a finite number.
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:currency:
 *
 * The ISO 4217 code of the amount, such as `USD`; unset, the type's.
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:workflow-run-id:
 *
 * The lead's workflow run to attribute the conversion to, a UUID; %NULL or unset for none.
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:converted-at:
 *
 * When the conversion happened, sent in UTC to the second; unset, now.
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:metadata:
 *
 * The values of the type's custom fields, by their keys; other keys are allowed.
 *
 * Since: 0.1
 */
/**
 * NexorConversionInput:notes:
 *
 * Notes to keep with the conversion.
 *
 * Since: 0.1
 */

static void
nexor_conversion_input_finalize (GObject *object)
{
  NexorConversionInput *self = NEXOR_CONVERSION_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_conversion_input_parent_class)->finalize (object);
}

static void
nexor_conversion_input_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NexorConversionInput *self = NEXOR_CONVERSION_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_conversion_input_fields[prop_id - 1], value);
}

static void
nexor_conversion_input_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  NexorConversionInput *self = NEXOR_CONVERSION_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_conversion_input_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
nexor_conversion_input_class_init (NexorConversionInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_conversion_input_finalize;
  object_class->get_property = nexor_conversion_input_get_property;
  object_class->set_property = nexor_conversion_input_set_property;

  _nexor_input_install_properties (object_class, nexor_conversion_input_fields, N_PROPS - 1, props);
}

static void
nexor_conversion_input_init (NexorConversionInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_conversion_input_new:
 *
 * Creates an empty conversion input: every property unset.
 *
 * Returns: (transfer full): a new [class@Nexor.ConversionInput]
 *
 * Since: 0.1
 */
NexorConversionInput *
nexor_conversion_input_new (void)
{
  return g_object_new (NEXOR_TYPE_CONVERSION_INPUT, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_conversion_input_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_conversion_input_is_set:
 * @self: a [class@Nexor.ConversionInput]
 * @property_name: the name of a property, such as `conversion-type-id` (`conversion_type_id` works too)
 *
 * Whether the property has been set, to a value or to %NULL.
 *
 * Returns: %TRUE if it is set
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_input_is_set (NexorConversionInput *self,
                               const char           *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_conversion_input_is_null:
 * @self: a [class@Nexor.ConversionInput]
 * @property_name: the name of a property
 *
 * Whether the property has been set to %NULL, which sends a JSON null.
 *
 * Returns: %TRUE if it is set to %NULL
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_input_is_null (NexorConversionInput *self,
                                const char           *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_conversion_input_unset:
 * @self: a [class@Nexor.ConversionInput]
 * @property_name: the name of a property
 *
 * Unsets the property: it is left out again.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_unset (NexorConversionInput *self,
                              const char           *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_conversion_input_fields + 1]);
}

static gboolean
check_uuid (JsonObject            *values,
            const NexorInputField *field,
            GError               **error)
{
  const char *id = _nexor_input_get_string (values, field);

  if (id == NULL || _nexor_is_uuid (id))
    return TRUE;

  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
               _("Invalid conversion input: “%s” is not a UUID"), field->property);
  return FALSE;
}

/* What the API refuses for sure is refused here, without a request: the
 * lead (an id, or an email with the other documented body), the type
 * (which only the email body goes without) and a finite amount. */
gboolean
_nexor_conversion_input_check (NexorConversionInput  *self,
                               GError               **error)
{
  const NexorInputField *fields = nexor_conversion_input_fields;
  gboolean by_email = _nexor_input_get_string (self->values, &fields[PROP_LEAD_EMAIL - 1]) != NULL;
  double amount;

  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), FALSE);

  if (!_nexor_input_check_utf8 (self->values, fields, N_PROPS - 1, "conversion input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_LEAD_ID - 1], !by_email, "conversion input", error) ||
      !_nexor_input_require_text (self->values, &fields[PROP_CONVERSION_TYPE_ID - 1], !by_email, "conversion input", error) ||
      !check_uuid (self->values, &fields[PROP_LEAD_ID - 1], error) ||
      !check_uuid (self->values, &fields[PROP_CONVERSION_TYPE_ID - 1], error) ||
      !check_uuid (self->values, &fields[PROP_WORKFLOW_RUN_ID - 1], error))
    return FALSE;

  if (!_nexor_input_is_set (self->values, "amount") || _nexor_input_is_null (self->values, "amount"))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid %s: “%s” is required"), "conversion input", "amount");
      return FALSE;
    }

  /* JSON has no NaN or infinity. */
  amount = _nexor_input_get_double (self->values, &fields[PROP_AMOUNT - 1]);
  if (!isfinite (amount))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid conversion input: the amount must be a finite number"));
      return FALSE;
    }

  return TRUE;
}

JsonNode *
_nexor_conversion_input_to_json (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_to_json (self->values, nexor_conversion_input_fields, N_PROPS - 1);
}

/**
 * nexor_conversion_input_get_conversion_type_id:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:conversion-type-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_input_get_conversion_type_id (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_input_fields[PROP_CONVERSION_TYPE_ID - 1]);
}

/**
 * nexor_conversion_input_set_conversion_type_id:
 * @self: a [class@Nexor.ConversionInput]
 * @conversion_type_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:conversion-type-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_conversion_type_id (NexorConversionInput *self,
                                               const char           *conversion_type_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_input_fields[PROP_CONVERSION_TYPE_ID - 1], conversion_type_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CONVERSION_TYPE_ID]);
}

/**
 * nexor_conversion_input_get_lead_id:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:lead-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_input_get_lead_id (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_input_fields[PROP_LEAD_ID - 1]);
}

/**
 * nexor_conversion_input_set_lead_id:
 * @self: a [class@Nexor.ConversionInput]
 * @lead_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:lead-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_lead_id (NexorConversionInput *self,
                                    const char           *lead_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_input_fields[PROP_LEAD_ID - 1], lead_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_ID]);
}

/**
 * nexor_conversion_input_get_lead_email:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:lead-email] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_input_get_lead_email (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_input_fields[PROP_LEAD_EMAIL - 1]);
}

/**
 * nexor_conversion_input_set_lead_email:
 * @self: a [class@Nexor.ConversionInput]
 * @lead_email: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:lead-email] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_lead_email (NexorConversionInput *self,
                                       const char           *lead_email)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_input_fields[PROP_LEAD_EMAIL - 1], lead_email))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_EMAIL]);
}

/**
 * nexor_conversion_input_get_amount:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:amount] property.
 *
 * Returns: the value, or 0 when unset
 *
 * Since: 0.1
 */
double
nexor_conversion_input_get_amount (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), 0.0);

  return _nexor_input_get_double (self->values, &nexor_conversion_input_fields[PROP_AMOUNT - 1]);
}

/**
 * nexor_conversion_input_set_amount:
 * @self: a [class@Nexor.ConversionInput]
 * @amount: the value
 *
 * Sets the [property@Nexor.ConversionInput:amount] property.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_amount (NexorConversionInput *self,
                                   double                amount)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_double (self->values, &nexor_conversion_input_fields[PROP_AMOUNT - 1], amount))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_AMOUNT]);
}

/**
 * nexor_conversion_input_get_currency:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:currency] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_input_get_currency (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_input_fields[PROP_CURRENCY - 1]);
}

/**
 * nexor_conversion_input_set_currency:
 * @self: a [class@Nexor.ConversionInput]
 * @currency: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:currency] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_currency (NexorConversionInput *self,
                                     const char           *currency)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_input_fields[PROP_CURRENCY - 1], currency))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CURRENCY]);
}

/**
 * nexor_conversion_input_get_workflow_run_id:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:workflow-run-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_input_get_workflow_run_id (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_input_fields[PROP_WORKFLOW_RUN_ID - 1]);
}

/**
 * nexor_conversion_input_set_workflow_run_id:
 * @self: a [class@Nexor.ConversionInput]
 * @workflow_run_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:workflow-run-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_workflow_run_id (NexorConversionInput *self,
                                            const char           *workflow_run_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_input_fields[PROP_WORKFLOW_RUN_ID - 1], workflow_run_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WORKFLOW_RUN_ID]);
}

/**
 * nexor_conversion_input_dup_converted_at:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:converted-at] property.
 *
 * Returns: (nullable) (transfer full): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
GDateTime *
nexor_conversion_input_dup_converted_at (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_dup_datetime (self->values, &nexor_conversion_input_fields[PROP_CONVERTED_AT - 1]);
}

/**
 * nexor_conversion_input_set_converted_at:
 * @self: a [class@Nexor.ConversionInput]
 * @converted_at: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:converted-at] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_converted_at (NexorConversionInput *self,
                                         GDateTime            *converted_at)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_datetime (self->values, &nexor_conversion_input_fields[PROP_CONVERTED_AT - 1], converted_at))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CONVERTED_AT]);
}

/**
 * nexor_conversion_input_dup_metadata:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:metadata] property.
 *
 * Returns: (nullable) (transfer full): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
JsonObject *
nexor_conversion_input_dup_metadata (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_dup_object (self->values, &nexor_conversion_input_fields[PROP_METADATA - 1]);
}

/**
 * nexor_conversion_input_set_metadata:
 * @self: a [class@Nexor.ConversionInput]
 * @metadata: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:metadata] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_metadata (NexorConversionInput *self,
                                     JsonObject           *metadata)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_object (self->values, &nexor_conversion_input_fields[PROP_METADATA - 1], metadata))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_METADATA]);
}

/**
 * nexor_conversion_input_get_notes:
 * @self: a [class@Nexor.ConversionInput]
 *
 * Gets the [property@Nexor.ConversionInput:notes] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_input_get_notes (NexorConversionInput *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_input_fields[PROP_NOTES - 1]);
}

/**
 * nexor_conversion_input_set_notes:
 * @self: a [class@Nexor.ConversionInput]
 * @notes: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionInput:notes] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_input_set_notes (NexorConversionInput *self,
                                  const char           *notes)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_input_fields[PROP_NOTES - 1], notes))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NOTES]);
}
