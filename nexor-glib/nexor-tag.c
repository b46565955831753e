/* nexor-tag.c: a tag on a lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-tag-private.h"
#include "nexor-resource-private.h"

/**
 * NexorTag:
 *
 * A tag that labels leads: an id, a display name and a slug that is unique
 * per account.
 *
 * Tags embedded in a lead, and those of the lead tag endpoints, carry only
 * these three; the account's tag list ([method@Nexor.Client.list_tags]) and
 * the tag create and update calls add a description and timestamps.
 *
 * Since: 0.1
 */

struct _NexorTag
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
  char *slug;
  char *description;
  GDateTime *created_at;
  GDateTime *updated_at;
};

/**
 * NexorTag:id:
 *
 * The tag's id.
 *
 * Since: 0.1
 */
/**
 * NexorTag:name:
 *
 * The display name of the tag.
 *
 * Since: 0.1
 */
/**
 * NexorTag:slug:
 *
 * The slug of the tag, unique per account.
 *
 * Since: 0.1
 */
/**
 * NexorTag:description:
 *
 * What the tag is for; %NULL when it has none or the answer did not carry it.
 *
 * Since: 0.1
 */
/**
 * NexorTag:created-at:
 *
 * When the tag was created, if the answer carried it.
 *
 * Since: 0.1
 */
/**
 * NexorTag:updated-at:
 *
 * When the tag was last changed, if the answer carried it.
 *
 * Since: 0.1
 */
static const NexorField nexor_tag_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTag, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTag, name), FALSE, 0.0, NULL, NULL },
  { "slug", NEXOR_FIELD_NAMES ("slug"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTag, slug), FALSE, 0.0, NULL, NULL },
  { "description", NEXOR_FIELD_NAMES ("description"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTag, description), FALSE, 0.0, NULL, NULL },
  { "created-at", NEXOR_FIELD_NAMES ("created_at", "createdAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorTag, created_at), FALSE, 0.0, NULL, NULL },
  { "updated-at", NEXOR_FIELD_NAMES ("updated_at", "updatedAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorTag, updated_at), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorTag, nexor_tag, nexor_tag_fields)

NexorTag *
_nexor_tag_new_from_json (JsonObject         *object,
                          NexorJsonDocument  *document,
                          GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_TAG, "tag", nexor_tag_fields,
                                        G_N_ELEMENTS (nexor_tag_fields), object, document, error);
}

/**
 * nexor_tag_dup_json:
 * @self: a [class@Nexor.Tag]
 *
 * Gets the JSON object this tag was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_tag_get_id:
 * @self: a [class@Nexor.Tag]
 *
 * Gets the [property@Nexor.Tag:id] property: the tag's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_tag_get_id (NexorTag *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG (self), NULL);

  return self->id;
}

/**
 * nexor_tag_get_name:
 * @self: a [class@Nexor.Tag]
 *
 * Gets the [property@Nexor.Tag:name] property: the display name of the tag.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_tag_get_name (NexorTag *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG (self), NULL);

  return self->name;
}

/**
 * nexor_tag_get_slug:
 * @self: a [class@Nexor.Tag]
 *
 * Gets the [property@Nexor.Tag:slug] property: the slug of the tag, unique per account.
 *
 * Returns: (nullable): the slug
 *
 * Since: 0.1
 */
const char *
nexor_tag_get_slug (NexorTag *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG (self), NULL);

  return self->slug;
}

/**
 * nexor_tag_get_description:
 * @self: a [class@Nexor.Tag]
 *
 * Gets the [property@Nexor.Tag:description] property: what the tag is for.
 *
 * Returns: (nullable): the description
 *
 * Since: 0.1
 */
const char *
nexor_tag_get_description (NexorTag *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG (self), NULL);

  return self->description;
}

/**
 * nexor_tag_get_created_at:
 * @self: a [class@Nexor.Tag]
 *
 * Gets the [property@Nexor.Tag:created-at] property: when the tag was created.
 *
 * Returns: (nullable) (transfer none): the creation time
 *
 * Since: 0.1
 */
GDateTime *
nexor_tag_get_created_at (NexorTag *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}

/**
 * nexor_tag_get_updated_at:
 * @self: a [class@Nexor.Tag]
 *
 * Gets the [property@Nexor.Tag:updated-at] property: when the tag was last changed.
 *
 * Returns: (nullable) (transfer none): the time of the last change
 *
 * Since: 0.1
 */
GDateTime *
nexor_tag_get_updated_at (NexorTag *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG (self), NULL);

  return _nexor_field_get_datetime (&self->updated_at);
}
