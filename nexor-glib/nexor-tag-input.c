/* nexor-tag-input.c: what to write to a tag
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"
#include "nexor-tag-input-private.h"

/**
 * NexorTagInput:
 *
 * What to write to a tag: the input of [method@Nexor.Client.create_tag] and
 * [method@Nexor.Client.update_tag].
 *
 * Only the properties that were set are sent; setting one to %NULL sends JSON
 * `null`. [method@Nexor.TagInput.unset] makes a property unset again.
 *
 * ```python
 * tag = Nexor.TagInput(name="VIP Client", slug="vip-client")
 * ```
 *
 * Since: 0.1
 */

struct _NexorTagInput
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_SLUG,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

/* In the order of the PROP_ ids, which is also the order of the body. */
static const NexorInputField nexor_tag_input_fields[] = {
  { "name", "name", get_string_type },
  { "slug", "slug", get_string_type },
  { "description", "description", get_string_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_tag_input_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorTagInput, nexor_tag_input, G_TYPE_OBJECT)

static void
nexor_tag_input_finalize (GObject *object)
{
  NexorTagInput *self = NEXOR_TAG_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_tag_input_parent_class)->finalize (object);
}

static void
nexor_tag_input_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NexorTagInput *self = NEXOR_TAG_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_tag_input_fields[prop_id - 1], value);
}

static void
nexor_tag_input_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NexorTagInput *self = NEXOR_TAG_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_tag_input_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

/**
 * NexorTagInput:name:
 *
 * The tag's display name; required to create a tag.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.TagInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorTagInput:slug:
 *
 * The tag's slug, unique per account, such as `vip-client`; required to create a tag.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.TagInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorTagInput:description:
 *
 * What the tag is for.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.TagInput.unset].
 *
 * Since: 0.1
 */
static void
nexor_tag_input_class_init (NexorTagInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_tag_input_finalize;
  object_class->get_property = nexor_tag_input_get_property;
  object_class->set_property = nexor_tag_input_set_property;

  _nexor_input_install_properties (object_class, nexor_tag_input_fields, N_PROPS - 1, props);
}

static void
nexor_tag_input_init (NexorTagInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_tag_input_new:
 *
 * Creates an input with no property set.
 *
 * Returns: (transfer full): a new [class@Nexor.TagInput]
 *
 * Since: 0.1
 */
NexorTagInput *
nexor_tag_input_new (void)
{
  return g_object_new (NEXOR_TYPE_TAG_INPUT, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_tag_input_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_tag_input_is_set:
 * @self: a [class@Nexor.TagInput]
 * @property_name: the name of a property, such as `slug`; the spelling with
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
nexor_tag_input_is_set (NexorTagInput *self,
                        const char    *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_tag_input_is_null:
 * @self: a [class@Nexor.TagInput]
 * @property_name: the name of a property, such as `slug`; the spelling with
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
nexor_tag_input_is_null (NexorTagInput *self,
                         const char    *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_tag_input_unset:
 * @self: a [class@Nexor.TagInput]
 * @property_name: the name of a property, such as `slug`; the spelling with
 *   underscores works too
 *
 * Makes a property unset again, so it is not sent at all. Compare setting it
 * to %NULL, which sends JSON `null`.
 *
 * Since: 0.1
 */
void
nexor_tag_input_unset (NexorTagInput *self,
                       const char    *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_TAG_INPUT (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_tag_input_fields + 1]);
}

gboolean
_nexor_tag_input_check (NexorTagInput         *self,
                        NexorTagInputPurpose   purpose,
                        GError               **error)
{
  const NexorInputField *fields = nexor_tag_input_fields;
  gboolean creating = purpose == NEXOR_TAG_INPUT_CREATE;

  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (self), FALSE);

  /* Name and slug are required on create and may never be null or empty. */
  return _nexor_input_check_utf8 (self->values, fields, N_PROPS - 1, "tag input", error) &&
         _nexor_input_require_text (self->values, &fields[PROP_NAME - 1], creating, "tag input", error) &&
         _nexor_input_require_text (self->values, &fields[PROP_SLUG - 1], creating, "tag input", error);
}

JsonNode *
_nexor_tag_input_to_json (NexorTagInput *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (self), NULL);

  return _nexor_input_to_json (self->values, nexor_tag_input_fields, N_PROPS - 1);
}

/**
 * nexor_tag_input_get_name:
 * @self: a [class@Nexor.TagInput]
 *
 * Gets the [property@Nexor.TagInput:name] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_tag_input_get_name (NexorTagInput *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_tag_input_fields[PROP_NAME - 1]);
}

/**
 * nexor_tag_input_set_name:
 * @self: a [class@Nexor.TagInput]
 * @name: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.TagInput:name] property.
 *
 * Since: 0.1
 */
void
nexor_tag_input_set_name (NexorTagInput *self,
                          const char    *name)
{
  g_return_if_fail (NEXOR_IS_TAG_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_tag_input_fields[PROP_NAME - 1], name))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NAME]);
}

/**
 * nexor_tag_input_get_slug:
 * @self: a [class@Nexor.TagInput]
 *
 * Gets the [property@Nexor.TagInput:slug] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_tag_input_get_slug (NexorTagInput *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_tag_input_fields[PROP_SLUG - 1]);
}

/**
 * nexor_tag_input_set_slug:
 * @self: a [class@Nexor.TagInput]
 * @slug: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.TagInput:slug] property.
 *
 * Since: 0.1
 */
void
nexor_tag_input_set_slug (NexorTagInput *self,
                          const char    *slug)
{
  g_return_if_fail (NEXOR_IS_TAG_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_tag_input_fields[PROP_SLUG - 1], slug))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SLUG]);
}

/**
 * nexor_tag_input_get_description:
 * @self: a [class@Nexor.TagInput]
 *
 * Gets the [property@Nexor.TagInput:description] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_tag_input_get_description (NexorTagInput *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_tag_input_fields[PROP_DESCRIPTION - 1]);
}

/**
 * nexor_tag_input_set_description:
 * @self: a [class@Nexor.TagInput]
 * @description: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.TagInput:description] property.
 *
 * Since: 0.1
 */
void
nexor_tag_input_set_description (NexorTagInput *self,
                                 const char    *description)
{
  g_return_if_fail (NEXOR_IS_TAG_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_tag_input_fields[PROP_DESCRIPTION - 1], description))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DESCRIPTION]);
}
