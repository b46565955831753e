/* nexor-bulk-create-result.c: the answer to creating leads in bulk
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-bulk-create-result-private.h"
#include "nexor-json-private.h"
#include "nexor-bulk-item-result-private.h"
#include "nexor-resource-private.h"

/**
 * NexorBulkCreateResult:
 *
 * The answer to [method@Nexor.Client.create_leads]: how many inputs were stored and how
 * many failed, and the outcome of each in [property@Nexor.BulkCreateResult:results].
 *
 * Since: 0.1
 */

struct _NexorBulkCreateResult
{
  GObject parent_instance;
  NexorJsonSource json;

  int created;
  int failed;
  GListModel *results;
};

/**
 * NexorBulkCreateResult:created:
 *
 * How many inputs were stored, new or merged into an existing lead.
 *
 * Since: 0.1
 */
/**
 * NexorBulkCreateResult:failed:
 *
 * How many inputs failed.
 *
 * Since: 0.1
 */
/**
 * NexorBulkCreateResult:results:
 *
 * The outcome of each input, a [iface@Gio.ListModel] of [class@Nexor.BulkItemResult] in
 * the order the server sent them.
 *
 * Since: 0.1
 */
static const NexorField nexor_bulk_create_result_fields[] = {
  { "created", NEXOR_FIELD_NAMES ("created"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorBulkCreateResult, created), FALSE, -1.0, NULL, NULL },
  { "failed", NEXOR_FIELD_NAMES ("failed"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorBulkCreateResult, failed), FALSE, -1.0, NULL, NULL },
  { "results", NEXOR_FIELD_NAMES ("results"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorBulkCreateResult, results), FALSE, 0.0, nexor_bulk_item_result_get_type, (NexorResourceParseFunc) _nexor_bulk_item_result_new_from_json },
};

NEXOR_DEFINE_RESOURCE (NexorBulkCreateResult, nexor_bulk_create_result, nexor_bulk_create_result_fields)

/* Counts the server left out are counted from the outcomes. */
static gboolean
finish_counts (NexorBulkCreateResult  *self,
               JsonObject             *object,
               GError                **error)
{
  guint n = g_list_model_get_n_items (self->results);
  int succeeded = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorBulkItemResult) item = g_list_model_get_item (self->results, i);

      if (nexor_bulk_item_result_get_success (item))
        succeeded++;
    }

  if (self->created < 0)
    self->created = succeeded;
  if (self->failed < 0)
    self->failed = (int) n - succeeded;

  return TRUE;
}

NexorBulkCreateResult *
_nexor_bulk_create_result_new_from_json (JsonObject         *object,
                                         NexorJsonDocument  *document,
                                         GError            **error)
{
  g_autoptr(NexorBulkCreateResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_BULK_CREATE_RESULT, "bulk create result",
                                        nexor_bulk_create_result_fields, G_N_ELEMENTS (nexor_bulk_create_result_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  if (!finish_counts (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

NexorBulkCreateResult *
_nexor_bulk_create_result_new_from_response (JsonNode           *root,
                                             NexorJsonDocument  *document,
                                             GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "bulk create result", error);

  if (object == NULL)
    return NULL;

  return _nexor_bulk_create_result_new_from_json (object, document, error);
}

/**
 * nexor_bulk_create_result_dup_json:
 * @self: a [class@Nexor.BulkCreateResult]
 *
 * Gets the JSON object this bulk create result was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_bulk_create_result_get_created:
 * @self: a [class@Nexor.BulkCreateResult]
 *
 * Gets the [property@Nexor.BulkCreateResult:created] property.
 *
 * Returns: how many inputs were stored
 *
 * Since: 0.1
 */
int
nexor_bulk_create_result_get_created (NexorBulkCreateResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_CREATE_RESULT (self), 0);

  return self->created;
}

/**
 * nexor_bulk_create_result_get_failed:
 * @self: a [class@Nexor.BulkCreateResult]
 *
 * Gets the [property@Nexor.BulkCreateResult:failed] property.
 *
 * Returns: how many inputs failed
 *
 * Since: 0.1
 */
int
nexor_bulk_create_result_get_failed (NexorBulkCreateResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_CREATE_RESULT (self), 0);

  return self->failed;
}

/**
 * nexor_bulk_create_result_get_results:
 * @self: a [class@Nexor.BulkCreateResult]
 *
 * Gets the [property@Nexor.BulkCreateResult:results] property.
 *
 * Returns: (transfer none): a read-only list model of [class@Nexor.BulkItemResult]: it implements only
 *   [iface@Gio.ListModel] (no way to add or remove items) and never changes
 *
 * Since: 0.1
 */
GListModel *
nexor_bulk_create_result_get_results (NexorBulkCreateResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_CREATE_RESULT (self), NULL);

  return self->results;
}
