/* nexor-conversion-query.c: which conversions to list
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
#include "nexor-conversion-query-private.h"

/**
 * NexorConversionQuery:
 *
 * The filters of [method@Nexor.Client.list_conversions]
 * (`GET /conversions`): every filter that is set must match, and one that is
 * unset or %NULL matches everything. Each is an id, a UUID.
 *
 * ```python
 * conversions = client.list_conversions(Nexor.ConversionQuery(lead_id=lead_id))
 * ```
 *
 * ```js
 * const conversions = await client.list_conversions_async(
 *     new Nexor.ConversionQuery({lead_id: leadId}), null);
 * ```
 *
 * Since: 0.1
 */

struct _NexorConversionQuery
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_LEAD_ID,
  PROP_WORKFLOW_ID,
  PROP_MASTER_WORKFLOW_ID,
  PROP_WORKFLOW_RUN_ID,
  PROP_CONVERSION_TYPE_ID,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

/* In the order of the PROP_ ids, which is also the order of the body. */
static const NexorInputField nexor_conversion_query_fields[] = {
  { "lead-id", "lead_id", get_string_type },
  { "workflow-id", "workflow_id", get_string_type },
  { "master-workflow-id", "master_workflow_id", get_string_type },
  { "workflow-run-id", "workflow_run_id", get_string_type },
  { "conversion-type-id", "conversion_type_id", get_string_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_conversion_query_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorConversionQuery, nexor_conversion_query, G_TYPE_OBJECT)

/**
 * NexorConversionQuery:lead-id:
 *
 * Only the conversions of this lead.
 *
 * Since: 0.1
 */
/**
 * NexorConversionQuery:workflow-id:
 *
 * Only the conversions attributed to this workflow.
 *
 * Since: 0.1
 */
/**
 * NexorConversionQuery:master-workflow-id:
 *
 * Only the conversions attributed to this master workflow.
 *
 * Since: 0.1
 */
/**
 * NexorConversionQuery:workflow-run-id:
 *
 * Only the conversions attributed to this workflow run.
 *
 * Since: 0.1
 */
/**
 * NexorConversionQuery:conversion-type-id:
 *
 * Only the conversions of this type.
 *
 * Since: 0.1
 */

static void
nexor_conversion_query_finalize (GObject *object)
{
  NexorConversionQuery *self = NEXOR_CONVERSION_QUERY (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_conversion_query_parent_class)->finalize (object);
}

static void
nexor_conversion_query_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NexorConversionQuery *self = NEXOR_CONVERSION_QUERY (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_conversion_query_fields[prop_id - 1], value);
}

static void
nexor_conversion_query_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  NexorConversionQuery *self = NEXOR_CONVERSION_QUERY (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_conversion_query_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
nexor_conversion_query_class_init (NexorConversionQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_conversion_query_finalize;
  object_class->get_property = nexor_conversion_query_get_property;
  object_class->set_property = nexor_conversion_query_set_property;

  _nexor_input_install_properties (object_class, nexor_conversion_query_fields, N_PROPS - 1, props);
}

static void
nexor_conversion_query_init (NexorConversionQuery *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_conversion_query_new:
 *
 * Creates an empty conversion query: every property unset.
 *
 * Returns: (transfer full): a new [class@Nexor.ConversionQuery]
 *
 * Since: 0.1
 */
NexorConversionQuery *
nexor_conversion_query_new (void)
{
  return g_object_new (NEXOR_TYPE_CONVERSION_QUERY, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_conversion_query_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_conversion_query_is_set:
 * @self: a [class@Nexor.ConversionQuery]
 * @property_name: the name of a property, such as `lead-id` (`lead_id` works too)
 *
 * Whether the property has been set, to a value or to %NULL.
 *
 * Returns: %TRUE if it is set
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_query_is_set (NexorConversionQuery *self,
                               const char           *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_CONVERSION_QUERY (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_conversion_query_is_null:
 * @self: a [class@Nexor.ConversionQuery]
 * @property_name: the name of a property
 *
 * Whether the property has been set to %NULL, which sends a JSON null.
 *
 * Returns: %TRUE if it is set to %NULL
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_query_is_null (NexorConversionQuery *self,
                                const char           *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_CONVERSION_QUERY (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_conversion_query_unset:
 * @self: a [class@Nexor.ConversionQuery]
 * @property_name: the name of a property
 *
 * Unsets the property: it is left out again.
 *
 * Since: 0.1
 */
void
nexor_conversion_query_unset (NexorConversionQuery *self,
                              const char           *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_CONVERSION_QUERY (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_conversion_query_fields + 1]);
}

/* Every filter is an id the API takes as a UUID: anything else is refused
 * here, kept by @request, which is then never sent. A filter set to %NULL
 * is no filter. */
void
_nexor_conversion_query_add_to_request (NexorConversionQuery *self,
                                        NexorRequest         *request)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_PROPS - 1; i++)
    {
      const NexorInputField *field = &nexor_conversion_query_fields[i];
      const char *id = _nexor_input_get_string (self->values, field);

      if (id == NULL)
        continue;
      if (!_nexor_is_uuid (id))
        {
          _nexor_request_take_error (request,
                                     g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                  _("Invalid conversion query: “%s” is not a UUID"),
                                                  field->property));
          return;
        }
      _nexor_request_add_query (request, field->json_name, id);
    }
}

NexorConversionQuery *
_nexor_conversion_query_copy (NexorConversionQuery *self)
{
  NexorConversionQuery *copy = nexor_conversion_query_new ();

  if (self != NULL)
    {
      json_object_unref (copy->values);
      copy->values = _nexor_json_object_deep_copy (self->values);
    }

  return copy;
}

/**
 * nexor_conversion_query_get_lead_id:
 * @self: a [class@Nexor.ConversionQuery]
 *
 * Gets the [property@Nexor.ConversionQuery:lead-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_query_get_lead_id (NexorConversionQuery *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_QUERY (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_query_fields[PROP_LEAD_ID - 1]);
}

/**
 * nexor_conversion_query_set_lead_id:
 * @self: a [class@Nexor.ConversionQuery]
 * @lead_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionQuery:lead-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_query_set_lead_id (NexorConversionQuery *self,
                                    const char           *lead_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_QUERY (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_query_fields[PROP_LEAD_ID - 1], lead_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD_ID]);
}

/**
 * nexor_conversion_query_get_workflow_id:
 * @self: a [class@Nexor.ConversionQuery]
 *
 * Gets the [property@Nexor.ConversionQuery:workflow-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_query_get_workflow_id (NexorConversionQuery *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_QUERY (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_query_fields[PROP_WORKFLOW_ID - 1]);
}

/**
 * nexor_conversion_query_set_workflow_id:
 * @self: a [class@Nexor.ConversionQuery]
 * @workflow_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionQuery:workflow-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_query_set_workflow_id (NexorConversionQuery *self,
                                        const char           *workflow_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_QUERY (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_query_fields[PROP_WORKFLOW_ID - 1], workflow_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WORKFLOW_ID]);
}

/**
 * nexor_conversion_query_get_master_workflow_id:
 * @self: a [class@Nexor.ConversionQuery]
 *
 * Gets the [property@Nexor.ConversionQuery:master-workflow-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_query_get_master_workflow_id (NexorConversionQuery *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_QUERY (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_query_fields[PROP_MASTER_WORKFLOW_ID - 1]);
}

/**
 * nexor_conversion_query_set_master_workflow_id:
 * @self: a [class@Nexor.ConversionQuery]
 * @master_workflow_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionQuery:master-workflow-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_query_set_master_workflow_id (NexorConversionQuery *self,
                                               const char           *master_workflow_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_QUERY (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_query_fields[PROP_MASTER_WORKFLOW_ID - 1], master_workflow_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MASTER_WORKFLOW_ID]);
}

/**
 * nexor_conversion_query_get_workflow_run_id:
 * @self: a [class@Nexor.ConversionQuery]
 *
 * Gets the [property@Nexor.ConversionQuery:workflow-run-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_query_get_workflow_run_id (NexorConversionQuery *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_QUERY (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_query_fields[PROP_WORKFLOW_RUN_ID - 1]);
}

/**
 * nexor_conversion_query_set_workflow_run_id:
 * @self: a [class@Nexor.ConversionQuery]
 * @workflow_run_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionQuery:workflow-run-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_query_set_workflow_run_id (NexorConversionQuery *self,
                                            const char           *workflow_run_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_QUERY (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_query_fields[PROP_WORKFLOW_RUN_ID - 1], workflow_run_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WORKFLOW_RUN_ID]);
}

/**
 * nexor_conversion_query_get_conversion_type_id:
 * @self: a [class@Nexor.ConversionQuery]
 *
 * Gets the [property@Nexor.ConversionQuery:conversion-type-id] property.
 *
 * Returns: (nullable): the value, or %NULL when unset or null
 *
 * Since: 0.1
 */
const char *
nexor_conversion_query_get_conversion_type_id (NexorConversionQuery *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_QUERY (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_conversion_query_fields[PROP_CONVERSION_TYPE_ID - 1]);
}

/**
 * nexor_conversion_query_set_conversion_type_id:
 * @self: a [class@Nexor.ConversionQuery]
 * @conversion_type_id: (nullable): the value
 *
 * Sets the [property@Nexor.ConversionQuery:conversion-type-id] property; %NULL sends a JSON null.
 *
 * Since: 0.1
 */
void
nexor_conversion_query_set_conversion_type_id (NexorConversionQuery *self,
                                               const char           *conversion_type_id)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_QUERY (self));

  if (_nexor_input_set_string (self->values, &nexor_conversion_query_fields[PROP_CONVERSION_TYPE_ID - 1], conversion_type_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CONVERSION_TYPE_ID]);
}
