/* nexor-status-change.c: the answer to setting a lead's status
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-status-change-private.h"
#include "nexor-json-private.h"
#include "nexor-resource-private.h"

/**
 * NexorStatusChange:
 *
 * The answer to [method@Nexor.Client.set_lead_status]: whether the status changed, from
 * what to what, and in which workflow run. Setting the status a lead already has is not
 * an error: [property@Nexor.StatusChange:changed] is then %FALSE.
 *
 * Since: 0.1
 */

struct _NexorStatusChange
{
  GObject parent_instance;
  NexorJsonSource json;

  gboolean changed;
  char *previous_status;
  char *new_status;
  char *workflow_run_id;
  char *workflow_id;
  char *note;
};

/**
 * NexorStatusChange:changed:
 *
 * Whether the status changed; %FALSE when the lead already had it, or a concurrent
 * change got there first.
 *
 * Since: 0.1
 */
/**
 * NexorStatusChange:previous-status:
 *
 * The key of the status the lead had before.
 *
 * Since: 0.1
 */
/**
 * NexorStatusChange:new-status:
 *
 * The key of the status the lead has now.
 *
 * Since: 0.1
 */
/**
 * NexorStatusChange:workflow-run-id:
 *
 * The id of the workflow run whose status was set (the answer's `workflow_run.id`).
 *
 * Since: 0.1
 */
/**
 * NexorStatusChange:workflow-id:
 *
 * The id of the workflow of that run (the answer's `workflow_run.workflow_id`).
 *
 * Since: 0.1
 */
/**
 * NexorStatusChange:note:
 *
 * The server's explanation of a change that did not happen; usually %NULL.
 *
 * Since: 0.1
 */
static const NexorField nexor_status_change_fields[] = {
  { "changed", NEXOR_FIELD_NAMES ("changed"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorStatusChange, changed), FALSE, 0.0, NULL, NULL },
  { "previous-status", NEXOR_FIELD_NAMES ("previous_status", "previousStatus"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorStatusChange, previous_status), FALSE, 0.0, NULL, NULL },
  { "new-status", NEXOR_FIELD_NAMES ("new_status", "newStatus"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorStatusChange, new_status), FALSE, 0.0, NULL, NULL },
  { "workflow-run-id", NEXOR_FIELD_NAMES ("workflow_run_id", "workflowRunId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorStatusChange, workflow_run_id), FALSE, 0.0, NULL, NULL },
  { "workflow-id", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorStatusChange, workflow_id), FALSE, 0.0, NULL, NULL },
  { "note", NEXOR_FIELD_NAMES ("note"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorStatusChange, note), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorStatusChange, nexor_status_change, nexor_status_change_fields)

/* The run's ids, both optional: one that is not a string is left unset. */
static char *
run_id (JsonObject *run,
        const char *name)
{
  JsonNode *node = _nexor_json_lookup1 (run, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autoptr(GError) why = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                                           _("it should be a string, not %s"),
                                           _nexor_json_node_type_name (node));

      _nexor_json_skip_member ("status change's workflow_run", name, why);
      return NULL;
    }

  return g_utf8_make_valid (json_node_get_string (node), -1);
}

static void
adopt_run (NexorStatusChange *self,
           JsonObject        *object)
{
  JsonObject *run = _nexor_json_get_optional_object (object, "status change", "workflow_run");

  if (run == NULL)
    return;

  if (self->workflow_run_id == NULL)
    self->workflow_run_id = run_id (run, "id");
  self->workflow_id = run_id (run, "workflow_id");
}

NexorStatusChange *
_nexor_status_change_new_from_json (JsonObject         *object,
                                    NexorJsonDocument  *document,
                                    GError            **error)
{
  g_autoptr(NexorStatusChange) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_STATUS_CHANGE, "status change",
                                        nexor_status_change_fields, G_N_ELEMENTS (nexor_status_change_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  adopt_run (self, object);

  return g_steal_pointer (&self);
}

NexorStatusChange *
_nexor_status_change_new_from_response (JsonNode           *root,
                                        NexorJsonDocument  *document,
                                        GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "status change", error);

  if (object == NULL)
    return NULL;

  return _nexor_status_change_new_from_json (object, document, error);
}

/**
 * nexor_status_change_dup_json:
 * @self: a [class@Nexor.StatusChange]
 *
 * Gets the JSON object this status change was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_status_change_get_changed:
 * @self: a [class@Nexor.StatusChange]
 *
 * Gets the [property@Nexor.StatusChange:changed] property.
 *
 * Returns: whether the status changed
 *
 * Since: 0.1
 */
gboolean
nexor_status_change_get_changed (NexorStatusChange *self)
{
  g_return_val_if_fail (NEXOR_IS_STATUS_CHANGE (self), FALSE);

  return self->changed;
}

/**
 * nexor_status_change_get_previous_status:
 * @self: a [class@Nexor.StatusChange]
 *
 * Gets the [property@Nexor.StatusChange:previous-status] property.
 *
 * Returns: (nullable): the previous status key
 *
 * Since: 0.1
 */
const char *
nexor_status_change_get_previous_status (NexorStatusChange *self)
{
  g_return_val_if_fail (NEXOR_IS_STATUS_CHANGE (self), NULL);

  return self->previous_status;
}

/**
 * nexor_status_change_get_new_status:
 * @self: a [class@Nexor.StatusChange]
 *
 * Gets the [property@Nexor.StatusChange:new-status] property.
 *
 * Returns: (nullable): the new status key
 *
 * Since: 0.1
 */
const char *
nexor_status_change_get_new_status (NexorStatusChange *self)
{
  g_return_val_if_fail (NEXOR_IS_STATUS_CHANGE (self), NULL);

  return self->new_status;
}

/**
 * nexor_status_change_get_workflow_run_id:
 * @self: a [class@Nexor.StatusChange]
 *
 * Gets the [property@Nexor.StatusChange:workflow-run-id] property.
 *
 * Returns: (nullable): the run id
 *
 * Since: 0.1
 */
const char *
nexor_status_change_get_workflow_run_id (NexorStatusChange *self)
{
  g_return_val_if_fail (NEXOR_IS_STATUS_CHANGE (self), NULL);

  return self->workflow_run_id;
}

/**
 * nexor_status_change_get_workflow_id:
 * @self: a [class@Nexor.StatusChange]
 *
 * Gets the [property@Nexor.StatusChange:workflow-id] property.
 *
 * Returns: (nullable): the workflow id
 *
 * Since: 0.1
 */
const char *
nexor_status_change_get_workflow_id (NexorStatusChange *self)
{
  g_return_val_if_fail (NEXOR_IS_STATUS_CHANGE (self), NULL);

  return self->workflow_id;
}

/**
 * nexor_status_change_get_note:
 * @self: a [class@Nexor.StatusChange]
 *
 * Gets the [property@Nexor.StatusChange:note] property.
 *
 * Returns: (nullable): the note
 *
 * Since: 0.1
 */
const char *
nexor_status_change_get_note (NexorStatusChange *self)
{
  g_return_val_if_fail (NEXOR_IS_STATUS_CHANGE (self), NULL);

  return self->note;
}
