/* nexor-processor-input.c: what to write to a routing processor
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"
#include "nexor-processor-input-private.h"

/**
 * NexorProcessorInput:
 *
 * What to write to a routing processor: the input of
 * [method@Nexor.Client.create_processor] and
 * [method@Nexor.Client.update_processor].
 *
 * Only the properties that were set are sent; setting a text property to
 * %NULL sends JSON `null`. [method@Nexor.ProcessorInput.unset] makes a
 * property unset again.
 *
 * ```python
 * router = Nexor.ProcessorInput(name="Language Router",
 *                               default_workflow_id=spanish_workflow_id)
 * ```
 *
 * Since: 0.1
 */

struct _NexorProcessorInput
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_DEFAULT_WORKFLOW_ID,
  PROP_IS_ACTIVE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

static G_GNUC_UNUSED GType
get_boolean_type (void)
{
  return G_TYPE_BOOLEAN;
}

static G_GNUC_UNUSED GType
get_int_type (void)
{
  return G_TYPE_INT;
}

/* In the order of the PROP_ ids, which is also the order of the body. */
static const NexorInputField nexor_processor_input_fields[] = {
  { "name", "name", get_string_type },
  { "description", "description", get_string_type },
  { "default-workflow-id", "default_workflow_id", get_string_type },
  { "is-active", "is_active", get_boolean_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_processor_input_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorProcessorInput, nexor_processor_input, G_TYPE_OBJECT)

static void
nexor_processor_input_finalize (GObject *object)
{
  NexorProcessorInput *self = NEXOR_PROCESSOR_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_processor_input_parent_class)->finalize (object);
}

static void
nexor_processor_input_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NexorProcessorInput *self = NEXOR_PROCESSOR_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_processor_input_fields[prop_id - 1], value);
}

static void
nexor_processor_input_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  NexorProcessorInput *self = NEXOR_PROCESSOR_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_processor_input_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

/**
 * NexorProcessorInput:name:
 *
 * The processor's display name; required to create one.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.ProcessorInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorProcessorInput:description:
 *
 * What the processor is for.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.ProcessorInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorProcessorInput:default-workflow-id:
 *
 * The workflow a lead no rule matches is enrolled in; required to create a
 * processor.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.ProcessorInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorProcessorInput:is-active:
 *
 * Whether the processor routes leads; %FALSE deactivates it, as
 * [method@Nexor.Client.delete_processor] does, and %TRUE brings it back.
 *
 * Unset until set; see [method@Nexor.ProcessorInput.unset].
 *
 * Since: 0.1
 */
static void
nexor_processor_input_class_init (NexorProcessorInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_processor_input_finalize;
  object_class->get_property = nexor_processor_input_get_property;
  object_class->set_property = nexor_processor_input_set_property;

  _nexor_input_install_properties (object_class, nexor_processor_input_fields, N_PROPS - 1, props);
}

static void
nexor_processor_input_init (NexorProcessorInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_processor_input_new:
 *
 * Creates an input with no property set.
 *
 * Returns: (transfer full): a new [class@Nexor.ProcessorInput]
 *
 * Since: 0.1
 */
NexorProcessorInput *
nexor_processor_input_new (void)
{
  return g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_processor_input_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_processor_input_is_set:
 * @self: a [class@Nexor.ProcessorInput]
 * @property_name: the name of a property, such as `name`; the spelling with
 *   underscores works too
 *
 * Checks whether a property is set, to a value or to null, and so will be
 * sent.
 *
 * Returns: whether the property is set
 *
 * Since: 0.1
 */
gboolean
nexor_processor_input_is_set (NexorProcessorInput *self,
                             const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_processor_input_is_null:
 * @self: a [class@Nexor.ProcessorInput]
 * @property_name: the name of a property, such as `name`; the spelling with
 *   underscores works too
 *
 * Checks whether a property is set to null, and so will be sent as JSON
 * `null`. A property that is unset is not null.
 *
 * Returns: whether the property is set to null
 *
 * Since: 0.1
 */
gboolean
nexor_processor_input_is_null (NexorProcessorInput *self,
                              const char *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  if (field == NULL)
    return FALSE;

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_processor_input_unset:
 * @self: a [class@Nexor.ProcessorInput]
 * @property_name: the name of a property, such as `name`; the spelling with
 *   underscores works too
 *
 * Makes a property unset again, so it is not sent at all. Compare setting it
 * to %NULL, which sends JSON `null`.
 *
 * Since: 0.1
 */
void
nexor_processor_input_unset (NexorProcessorInput *self,
                            const char *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_PROCESSOR_INPUT (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_processor_input_fields + 1]);
}

gboolean
_nexor_processor_input_check (NexorProcessorInput  *self,
                              gboolean              creating,
                              GError              **error)
{
  const NexorInputField *fields = nexor_processor_input_fields;

  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), FALSE);

  /* The name and the default workflow may never be null or empty. */
  return _nexor_input_check_utf8 (self->values, fields, N_PROPS - 1, "processor input", error) &&
         _nexor_input_require_text (self->values, &fields[PROP_NAME - 1], creating, "processor input", error) &&
         _nexor_input_require_text (self->values, &fields[PROP_DEFAULT_WORKFLOW_ID - 1], creating,
                                    "processor input", error);
}

JsonNode *
_nexor_processor_input_to_json (NexorProcessorInput *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), NULL);

  return _nexor_input_to_json (self->values, nexor_processor_input_fields, N_PROPS - 1);
}

/**
 * nexor_processor_input_get_name:
 * @self: a [class@Nexor.ProcessorInput]
 *
 * Gets the [property@Nexor.ProcessorInput:name] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_processor_input_get_name (NexorProcessorInput *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_processor_input_fields[PROP_NAME - 1]);
}

/**
 * nexor_processor_input_set_name:
 * @self: a [class@Nexor.ProcessorInput]
 * @name: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.ProcessorInput:name] property.
 *
 * Since: 0.1
 */
void
nexor_processor_input_set_name (NexorProcessorInput *self,
                               const char *name)
{
  g_return_if_fail (NEXOR_IS_PROCESSOR_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_processor_input_fields[PROP_NAME - 1], name))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NAME]);
}

/**
 * nexor_processor_input_get_description:
 * @self: a [class@Nexor.ProcessorInput]
 *
 * Gets the [property@Nexor.ProcessorInput:description] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_processor_input_get_description (NexorProcessorInput *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_processor_input_fields[PROP_DESCRIPTION - 1]);
}

/**
 * nexor_processor_input_set_description:
 * @self: a [class@Nexor.ProcessorInput]
 * @description: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.ProcessorInput:description] property.
 *
 * Since: 0.1
 */
void
nexor_processor_input_set_description (NexorProcessorInput *self,
                                      const char *description)
{
  g_return_if_fail (NEXOR_IS_PROCESSOR_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_processor_input_fields[PROP_DESCRIPTION - 1], description))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DESCRIPTION]);
}

/**
 * nexor_processor_input_get_default_workflow_id:
 * @self: a [class@Nexor.ProcessorInput]
 *
 * Gets the [property@Nexor.ProcessorInput:default-workflow-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_processor_input_get_default_workflow_id (NexorProcessorInput *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_processor_input_fields[PROP_DEFAULT_WORKFLOW_ID - 1]);
}

/**
 * nexor_processor_input_set_default_workflow_id:
 * @self: a [class@Nexor.ProcessorInput]
 * @default_workflow_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.ProcessorInput:default-workflow-id] property.
 *
 * Since: 0.1
 */
void
nexor_processor_input_set_default_workflow_id (NexorProcessorInput *self,
                                              const char *default_workflow_id)
{
  g_return_if_fail (NEXOR_IS_PROCESSOR_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_processor_input_fields[PROP_DEFAULT_WORKFLOW_ID - 1], default_workflow_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DEFAULT_WORKFLOW_ID]);
}

/**
 * nexor_processor_input_get_is_active:
 * @self: a [class@Nexor.ProcessorInput]
 *
 * Gets the [property@Nexor.ProcessorInput:is-active] property.
 *
 * Returns: the value, %FALSE when it is unset
 *
 * Since: 0.1
 */
gboolean
nexor_processor_input_get_is_active (NexorProcessorInput *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (self), FALSE);

  return _nexor_input_get_boolean (self->values, &nexor_processor_input_fields[PROP_IS_ACTIVE - 1]);
}

/**
 * nexor_processor_input_set_is_active:
 * @self: a [class@Nexor.ProcessorInput]
 * @is_active: the new value
 *
 * Sets the [property@Nexor.ProcessorInput:is-active] property.
 *
 * Since: 0.1
 */
void
nexor_processor_input_set_is_active (NexorProcessorInput *self,
                                    gboolean is_active)
{
  g_return_if_fail (NEXOR_IS_PROCESSOR_INPUT (self));

  if (_nexor_input_set_boolean (self->values, &nexor_processor_input_fields[PROP_IS_ACTIVE - 1], is_active))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_IS_ACTIVE]);
}
