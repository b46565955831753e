/* nexor-tag-sync-result.c: the answer to syncing a lead's tags
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-tag-private.h"
#include "nexor-tag-sync-result-private.h"
#include "nexor-resource-private.h"

/**
 * NexorTagSyncResult:
 *
 * The answer to [method@Nexor.Client.sync_lead_tags]: the lead's complete tag
 * set after the sync, and the ids of the tags the sync added and removed.
 *
 * Since: 0.1
 */

struct _NexorTagSyncResult
{
  GObject parent_instance;
  NexorJsonSource json;

  char *lead_id;
  GListModel *tags;

  GStrv added;
  GStrv removed;
};

/**
 * NexorTagSyncResult:lead-id:
 *
 * The id of the lead whose tags were synced.
 *
 * Since: 0.1
 */
/**
 * NexorTagSyncResult:tags:
 *
 * The lead's tags after the sync, a [iface@Gio.ListModel] of [class@Nexor.Tag].
 *
 * Since: 0.1
 */
static const NexorField nexor_tag_sync_result_fields[] = {
  { "lead-id", NEXOR_FIELD_NAMES ("lead_id", "leadId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTagSyncResult, lead_id), FALSE, 0.0, NULL, NULL },
  { "tags", NEXOR_FIELD_NAMES ("tags"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorTagSyncResult, tags), FALSE, 0.0,
    nexor_tag_get_type, (NexorResourceParseFunc) _nexor_tag_new_from_json },
};

#define N_FIELDS G_N_ELEMENTS (nexor_tag_sync_result_fields)

enum {
  PROP_ADDED = N_FIELDS + 1,
  PROP_REMOVED,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (NexorTagSyncResult, nexor_tag_sync_result, G_TYPE_OBJECT)

static void
nexor_tag_sync_result_finalize (GObject *object)
{
  NexorTagSyncResult *self = NEXOR_TAG_SYNC_RESULT (object);

  _nexor_fields_clear (self, nexor_tag_sync_result_fields, N_FIELDS);
  _nexor_json_source_clear (&self->json);
  g_clear_pointer (&self->added, g_strfreev);
  g_clear_pointer (&self->removed, g_strfreev);

  G_OBJECT_CLASS (nexor_tag_sync_result_parent_class)->finalize (object);
}

static void
nexor_tag_sync_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NexorTagSyncResult *self = NEXOR_TAG_SYNC_RESULT (object);

  if (prop_id <= N_FIELDS)
    {
      _nexor_fields_get_property (self, nexor_tag_sync_result_fields, N_FIELDS, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_ADDED:
      g_value_set_boxed (value, self->added);
      break;
    case PROP_REMOVED:
      g_value_set_boxed (value, self->removed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_tag_sync_result_class_init (NexorTagSyncResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_tag_sync_result_finalize;
  object_class->get_property = nexor_tag_sync_result_get_property;

  _nexor_fields_install_properties (object_class, nexor_tag_sync_result_fields, N_FIELDS, props);

  /**
   * NexorTagSyncResult:added:
   *
   * The ids of the tags the sync put on the lead; empty when none.
   *
   * Since: 0.1
   */
  props[PROP_ADDED] =
    g_param_spec_boxed ("added", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * NexorTagSyncResult:removed:
   *
   * The ids of the tags the sync took off the lead; empty when none.
   *
   * Since: 0.1
   */
  props[PROP_REMOVED] =
    g_param_spec_boxed ("removed", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_property (object_class, PROP_ADDED, props[PROP_ADDED]);
  g_object_class_install_property (object_class, PROP_REMOVED, props[PROP_REMOVED]);
}

static void
nexor_tag_sync_result_init (NexorTagSyncResult *self)
{
  _nexor_fields_init (self, nexor_tag_sync_result_fields, N_FIELDS);
}

/* A missing or null array reads as empty, so bindings can always iterate it;
 * so does one that is not an array, and ids that are not strings are left
 * out (both said at debug level). */
static GStrv
parse_ids (JsonObject *object,
           const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = _nexor_json_lookup1 (object, name);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return g_strv_builder_end (builder);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GError) why = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                                           _("it should be an array, not %s"),
                                           _nexor_json_node_type_name (node));

      _nexor_json_skip_member ("tag sync result", name, why);
      return g_strv_builder_end (builder);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *id = NULL;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_debug ("Item %u of “%s” in a tag sync result left out: it should be a string, not %s",
                   i, name, _nexor_json_node_type_name (item));
          continue;
        }

      id = g_utf8_make_valid (json_node_get_string (item), -1);
      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

NexorTagSyncResult *
_nexor_tag_sync_result_new_from_json (JsonObject         *object,
                                      NexorJsonDocument  *document,
                                      GError            **error)
{
  g_autoptr(NexorTagSyncResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_TAG_SYNC_RESULT, "tag sync result",
                                        nexor_tag_sync_result_fields, N_FIELDS,
                                        object, document, error);
  if (self == NULL)
    return NULL;

  self->added = parse_ids (object, "added");
  self->removed = parse_ids (object, "removed");

  return g_steal_pointer (&self);
}

NexorTagSyncResult *
_nexor_tag_sync_result_new_from_response (JsonNode           *root,
                                          NexorJsonDocument  *document,
                                          GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "tag sync result", error);

  if (object == NULL)
    return NULL;

  return _nexor_tag_sync_result_new_from_json (object, document, error);
}

/**
 * nexor_tag_sync_result_dup_json:
 * @self: a [class@Nexor.TagSyncResult]
 *
 * Gets the JSON object this result was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */
JsonObject *
nexor_tag_sync_result_dup_json (NexorTagSyncResult *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_SYNC_RESULT (self), NULL);

  return _nexor_json_source_dup (&self->json);
}

/**
 * nexor_tag_sync_result_get_lead_id:
 * @self: a [class@Nexor.TagSyncResult]
 *
 * Gets the [property@Nexor.TagSyncResult:lead-id] property.
 *
 * Returns: (nullable): the lead id
 *
 * Since: 0.1
 */
const char *
nexor_tag_sync_result_get_lead_id (NexorTagSyncResult *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_SYNC_RESULT (self), NULL);

  return self->lead_id;
}

/**
 * nexor_tag_sync_result_get_tags:
 * @self: a [class@Nexor.TagSyncResult]
 *
 * Gets the [property@Nexor.TagSyncResult:tags] property.
 *
 * Returns: (transfer none): a read-only list model of [class@Nexor.Tag]: it implements only
 *   [iface@Gio.ListModel] (no way to add or remove items) and never changes
 *
 * Since: 0.1
 */
GListModel *
nexor_tag_sync_result_get_tags (NexorTagSyncResult *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_SYNC_RESULT (self), NULL);

  return self->tags;
}

/**
 * nexor_tag_sync_result_get_added:
 * @self: a [class@Nexor.TagSyncResult]
 *
 * Gets the [property@Nexor.TagSyncResult:added] property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the added tags
 *
 * Since: 0.1
 */
const char * const *
nexor_tag_sync_result_get_added (NexorTagSyncResult *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_SYNC_RESULT (self), NULL);

  return (const char * const *) self->added;
}

/**
 * nexor_tag_sync_result_get_removed:
 * @self: a [class@Nexor.TagSyncResult]
 *
 * Gets the [property@Nexor.TagSyncResult:removed] property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the removed tags
 *
 * Since: 0.1
 */
const char * const *
nexor_tag_sync_result_get_removed (NexorTagSyncResult *self)
{
  g_return_val_if_fail (NEXOR_IS_TAG_SYNC_RESULT (self), NULL);

  return (const char * const *) self->removed;
}
