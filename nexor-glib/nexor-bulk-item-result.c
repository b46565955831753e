/* nexor-bulk-item-result.c: the outcome for one lead of a bulk create
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-bulk-item-result-private.h"
#include "nexor-json-private.h"
#include "nexor-lead-private.h"
#include "nexor-resource-private.h"

/**
 * NexorBulkItemResult:
 *
 * The outcome of [method@Nexor.Client.create_leads] for one of its inputs: the position
 * of the input, and either the lead or why it failed. Valid leads are created even when
 * others in the same call fail.
 *
 * Since: 0.1
 */

struct _NexorBulkItemResult
{
  GObject parent_instance;
  NexorJsonSource json;

  int index;
  gboolean success;
  NexorLead *lead;
  gboolean existed;
  char *error_message;
};

/**
 * NexorBulkItemResult:index:
 *
 * The position of the input this outcome belongs to, counting from 0; -1 if the server
 * did not say.
 *
 * Since: 0.1
 */
/**
 * NexorBulkItemResult:success:
 *
 * Whether this lead was created or updated.
 *
 * Since: 0.1
 */
/**
 * NexorBulkItemResult:lead:
 *
 * The lead as stored; %NULL when this input failed.
 *
 * Since: 0.1
 */
/**
 * NexorBulkItemResult:existed:
 *
 * Whether the lead already existed and was updated instead of created.
 *
 * Since: 0.1
 */
/**
 * NexorBulkItemResult:error-message:
 *
 * Why this input failed, in the server's words; %NULL when it succeeded.
 *
 * Since: 0.1
 */
/* Leads inside results carry no variables map. */
static NexorLead *
parse_lead (JsonObject         *object,
            NexorJsonDocument  *document,
            GError            **error)
{
  return _nexor_lead_new_from_json (object, NULL, document, error);
}

static const NexorField nexor_bulk_item_result_fields[] = {
  { "index", NEXOR_FIELD_NAMES ("index"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorBulkItemResult, index), FALSE, -1.0, NULL, NULL },
  { "success", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorBulkItemResult, success), FALSE, 0.0, NULL, NULL },
  { "lead", NEXOR_FIELD_NAMES ("lead"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorBulkItemResult, lead), FALSE, 0.0, nexor_lead_get_type, (NexorResourceParseFunc) parse_lead },
  { "existed", NEXOR_FIELD_NAMES ("existed"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorBulkItemResult, existed), FALSE, 0.0, NULL, NULL },
  { "error-message", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorBulkItemResult, error_message), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorBulkItemResult, nexor_bulk_item_result, nexor_bulk_item_result_fields)

/* Both members are optional: "success" follows from "error" when it is
 * missing or not a boolean, and an "error" that is no message is left
 * unset. Shared with the other per-item outcomes (routing a batch). */
void
_nexor_bulk_item_read_outcome (JsonObject  *object,
                               const char  *what,
                               gboolean    *out_success,
                               char       **out_error_message)
{
  g_autoptr(GError) why = NULL;

  JsonNode *node = _nexor_json_lookup1 (object, "error");

  *out_error_message = NULL;

  /* The error is a message, or an {"error"|"message": …} object. */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *inner = json_node_get_object (node);

      node = _nexor_json_lookup1 (inner, "message");
      if (node == NULL)
        node = _nexor_json_lookup1 (inner, "error");
    }
  if (node != NULL)
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        *out_error_message = g_utf8_make_valid (json_node_get_string (node), -1);
      else
        {
          why = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                             _("it should be a message, not %s"), _nexor_json_node_type_name (node));
          _nexor_json_skip_member (what, "error", why);
          g_clear_error (&why);
        }
    }

  node = _nexor_json_lookup1 (object, "success");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out_success = json_node_get_boolean (node);
      return;
    }
  if (node != NULL)
    {
      why = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                         _("it should be a boolean, not %s"), _nexor_json_node_type_name (node));
      _nexor_json_skip_member (what, "success", why);
    }
  *out_success = *out_error_message == NULL;
}

NexorBulkItemResult *
_nexor_bulk_item_result_new_from_json (JsonObject         *object,
                                       NexorJsonDocument  *document,
                                       GError            **error)
{
  g_autoptr(NexorBulkItemResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_BULK_ITEM_RESULT, "bulk create item",
                                        nexor_bulk_item_result_fields, G_N_ELEMENTS (nexor_bulk_item_result_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  _nexor_bulk_item_read_outcome (object, "bulk create item", &self->success, &self->error_message);

  return g_steal_pointer (&self);
}

/**
 * nexor_bulk_item_result_dup_json:
 * @self: a [class@Nexor.BulkItemResult]
 *
 * Gets the JSON object this bulk create item was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_bulk_item_result_get_index:
 * @self: a [class@Nexor.BulkItemResult]
 *
 * Gets the [property@Nexor.BulkItemResult:index] property.
 *
 * Returns: the position of the input
 *
 * Since: 0.1
 */
int
nexor_bulk_item_result_get_index (NexorBulkItemResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_ITEM_RESULT (self), 0);

  return self->index;
}

/**
 * nexor_bulk_item_result_get_success:
 * @self: a [class@Nexor.BulkItemResult]
 *
 * Gets the [property@Nexor.BulkItemResult:success] property.
 *
 * Returns: whether the lead was stored
 *
 * Since: 0.1
 */
gboolean
nexor_bulk_item_result_get_success (NexorBulkItemResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_ITEM_RESULT (self), FALSE);

  return self->success;
}

/**
 * nexor_bulk_item_result_get_lead:
 * @self: a [class@Nexor.BulkItemResult]
 *
 * Gets the [property@Nexor.BulkItemResult:lead] property.
 *
 * Returns: (nullable) (transfer none): the lead
 *
 * Since: 0.1
 */
NexorLead *
nexor_bulk_item_result_get_lead (NexorBulkItemResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_ITEM_RESULT (self), NULL);

  return self->lead;
}

/**
 * nexor_bulk_item_result_get_existed:
 * @self: a [class@Nexor.BulkItemResult]
 *
 * Gets the [property@Nexor.BulkItemResult:existed] property.
 *
 * Returns: whether the lead already existed
 *
 * Since: 0.1
 */
gboolean
nexor_bulk_item_result_get_existed (NexorBulkItemResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_ITEM_RESULT (self), FALSE);

  return self->existed;
}

/**
 * nexor_bulk_item_result_get_error_message:
 * @self: a [class@Nexor.BulkItemResult]
 *
 * Gets the [property@Nexor.BulkItemResult:error-message] property.
 *
 * Returns: (nullable): the error message
 *
 * Since: 0.1
 */
const char *
nexor_bulk_item_result_get_error_message (NexorBulkItemResult *self)
{
  g_return_val_if_fail (NEXOR_IS_BULK_ITEM_RESULT (self), NULL);

  return self->error_message;
}
