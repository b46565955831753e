/* nexor-workflow-status.c: a status of a lead in a workflow
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-workflow-status-private.h"
#include "nexor-resource-private.h"

/**
 * NexorWorkflowStatus:
 *
 * A status a lead can be in within a workflow, such as “Contacted”.
 *
 * Since: 0.1
 */

struct _NexorWorkflowStatus
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *key;
  char *label;
  char *category;
  char *color;
  gboolean is_initial;
  gboolean is_terminal;
};

/**
 * NexorWorkflowStatus:id:
 *
 * The status's id. %NULL in the `from_status` and `to_status` of a webhook
 * event ([class@Nexor.WebhookStatusChangeData]), which name a status by its
 * [property@Nexor.WorkflowStatus:key].
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowStatus:key:
 *
 * The machine key of the status, such as `contacted`.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowStatus:label:
 *
 * The human-readable label of the status.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowStatus:category:
 *
 * The category of the status, such as `active`, `won` or `lost`; values the library does not know are kept as sent.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowStatus:color:
 *
 * The display color of the status as a hex string such as `#3b82f6`, when the server sends one.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowStatus:is-initial:
 *
 * Whether a lead enrolled in the workflow starts in this status. %FALSE in
 * the status a lead's run embeds.
 *
 * Experimental: read from the undocumented `GET /workflows` answer.
 *
 * Since: 0.1
 */
/**
 * NexorWorkflowStatus:is-terminal:
 *
 * Whether this status ends the lead's run (such as `won` or `lost`). %FALSE
 * in the status a lead's run embeds.
 *
 * Experimental: read from the undocumented `GET /workflows` answer.
 *
 * Since: 0.1
 */
/* A status is named by its id everywhere but in webhook events, which
 * carry `{key, label, category}` alone: there the key is what is required. */
#define WORKFLOW_STATUS_FIELDS(id_required) \
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING, \
    G_STRUCT_OFFSET (NexorWorkflowStatus, id), id_required, 0.0, NULL, NULL }, \
  { "key", NEXOR_FIELD_NAMES ("key"), NEXOR_FIELD_STRING, \
    G_STRUCT_OFFSET (NexorWorkflowStatus, key), !id_required, 0.0, NULL, NULL }, \
  { "label", NEXOR_FIELD_NAMES ("label"), NEXOR_FIELD_STRING, \
    G_STRUCT_OFFSET (NexorWorkflowStatus, label), FALSE, 0.0, NULL, NULL }, \
  { "category", NEXOR_FIELD_NAMES ("category"), NEXOR_FIELD_STRING, \
    G_STRUCT_OFFSET (NexorWorkflowStatus, category), FALSE, 0.0, NULL, NULL }, \
  { "color", NEXOR_FIELD_NAMES ("color"), NEXOR_FIELD_STRING, \
    G_STRUCT_OFFSET (NexorWorkflowStatus, color), FALSE, 0.0, NULL, NULL }, \
  { "is-initial", NEXOR_FIELD_NAMES ("is_initial", "isInitial"), NEXOR_FIELD_BOOLEAN, \
    G_STRUCT_OFFSET (NexorWorkflowStatus, is_initial), FALSE, 0.0, NULL, NULL }, \
  { "is-terminal", NEXOR_FIELD_NAMES ("is_terminal", "isTerminal"), NEXOR_FIELD_BOOLEAN, \
    G_STRUCT_OFFSET (NexorWorkflowStatus, is_terminal), FALSE, 0.0, NULL, NULL },

static const NexorField nexor_workflow_status_fields[] = {
  WORKFLOW_STATUS_FIELDS (TRUE)
};

static const NexorField nexor_workflow_status_keyed_fields[] = {
  WORKFLOW_STATUS_FIELDS (FALSE)
};

NEXOR_DEFINE_RESOURCE (NexorWorkflowStatus, nexor_workflow_status, nexor_workflow_status_fields)

NexorWorkflowStatus *
_nexor_workflow_status_new_from_json (JsonObject         *object,
                                      NexorJsonDocument  *document,
                                      GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_WORKFLOW_STATUS, "workflow status", nexor_workflow_status_fields,
                                        G_N_ELEMENTS (nexor_workflow_status_fields), object, document, error);
}

NexorWorkflowStatus *
_nexor_workflow_status_new_from_keyed_json (JsonObject         *object,
                                            NexorJsonDocument  *document,
                                            GError            **error)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (nexor_workflow_status_keyed_fields) ==
                   G_N_ELEMENTS (nexor_workflow_status_fields));

  return _nexor_resource_new_from_json (NEXOR_TYPE_WORKFLOW_STATUS, "workflow status",
                                        nexor_workflow_status_keyed_fields,
                                        G_N_ELEMENTS (nexor_workflow_status_keyed_fields),
                                        object, document, error);
}

/**
 * nexor_workflow_status_dup_json:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the JSON object this workflow status was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_workflow_status_get_id:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the [property@Nexor.WorkflowStatus:id] property: the status's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_workflow_status_get_id (NexorWorkflowStatus *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_STATUS (self), NULL);

  return self->id;
}

/**
 * nexor_workflow_status_get_key:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the [property@Nexor.WorkflowStatus:key] property: the machine key of the status, such as `contacted`.
 *
 * Returns: (nullable): the key
 *
 * Since: 0.1
 */
const char *
nexor_workflow_status_get_key (NexorWorkflowStatus *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_STATUS (self), NULL);

  return self->key;
}

/**
 * nexor_workflow_status_get_label:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the [property@Nexor.WorkflowStatus:label] property: the human-readable label of the status.
 *
 * Returns: (nullable): the label
 *
 * Since: 0.1
 */
const char *
nexor_workflow_status_get_label (NexorWorkflowStatus *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_STATUS (self), NULL);

  return self->label;
}

/**
 * nexor_workflow_status_get_category:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the [property@Nexor.WorkflowStatus:category] property: the category of the status, such as `active`, `won` or `lost`; values the library does not know are kept as sent.
 *
 * Returns: (nullable): the category
 *
 * Since: 0.1
 */
const char *
nexor_workflow_status_get_category (NexorWorkflowStatus *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_STATUS (self), NULL);

  return self->category;
}

/**
 * nexor_workflow_status_get_color:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the [property@Nexor.WorkflowStatus:color] property: the display color of the status as a hex string such as `#3b82f6`, when the server sends one.
 *
 * Returns: (nullable): the color
 *
 * Since: 0.1
 */
const char *
nexor_workflow_status_get_color (NexorWorkflowStatus *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_STATUS (self), NULL);

  return self->color;
}

/**
 * nexor_workflow_status_get_is_initial:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the [property@Nexor.WorkflowStatus:is-initial] property.
 *
 * Returns: %TRUE if a new run starts in this status
 *
 * Since: 0.1
 */
gboolean
nexor_workflow_status_get_is_initial (NexorWorkflowStatus *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_STATUS (self), FALSE);

  return self->is_initial;
}

/**
 * nexor_workflow_status_get_is_terminal:
 * @self: a [class@Nexor.WorkflowStatus]
 *
 * Gets the [property@Nexor.WorkflowStatus:is-terminal] property.
 *
 * Returns: %TRUE if entering this status ends the run
 *
 * Since: 0.1
 */
gboolean
nexor_workflow_status_get_is_terminal (NexorWorkflowStatus *self)
{
  g_return_val_if_fail (NEXOR_IS_WORKFLOW_STATUS (self), FALSE);

  return self->is_terminal;
}
