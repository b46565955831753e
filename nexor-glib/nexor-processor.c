/* nexor-processor.c: a routing processor
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-processor-private.h"
#include "nexor-rule-private.h"
#include "nexor-workflow-private.h"
#include "nexor-resource-private.h"

/**
 * NexorProcessor:
 *
 * A routing processor: it sends each lead given to it
 * ([method@Nexor.Client.route_lead]) to the workflow of the first of its
 * rules the lead matches, or to its default workflow.
 *
 * [method@Nexor.Client.get_processor] fills in the default workflow's name
 * and the ordered rules; the create and update answers carry neither.
 *
 * Since: 0.1
 */

struct _NexorProcessor
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
  char *description;
  char *default_workflow_id;
  NexorWorkflow *default_workflow;
  gboolean is_active;
  GListModel *rules;
  GDateTime *created_at;
  GDateTime *updated_at;
};

/**
 * NexorProcessor:id:
 *
 * The processor's id.
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:name:
 *
 * The processor's display name.
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:description:
 *
 * What the processor is for; %NULL when it has none.
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:default-workflow-id:
 *
 * The workflow a lead no rule matches is enrolled in.
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:default-workflow:
 *
 * The default workflow, with its name, when the answer carried it (Get
 * Processor does).
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:is-active:
 *
 * Whether the processor routes leads; a deleted processor is kept, inactive.
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:rules:
 *
 * The rules, a [iface@Gio.ListModel] of [class@Nexor.Rule] in the order the
 * server gives, which is by position; empty when the answer did not carry
 * them (only Get Processor does).
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:created-at:
 *
 * When the processor was created.
 *
 * Since: 0.1
 */
/**
 * NexorProcessor:updated-at:
 *
 * When the processor was last changed.
 *
 * Since: 0.1
 */
static const NexorField nexor_processor_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorProcessor, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorProcessor, name), FALSE, 0.0, NULL, NULL },
  { "description", NEXOR_FIELD_NAMES ("description"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorProcessor, description), FALSE, 0.0, NULL, NULL },
  { "default-workflow-id", NEXOR_FIELD_NAMES ("default_workflow_id", "defaultWorkflowId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorProcessor, default_workflow_id), FALSE, 0.0, NULL, NULL },
  { "default-workflow", NEXOR_FIELD_NAMES ("default_workflow", "defaultWorkflow"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorProcessor, default_workflow), FALSE, 0.0, nexor_workflow_get_type, (NexorResourceParseFunc) _nexor_workflow_new_from_json },
  { "is-active", NEXOR_FIELD_NAMES ("is_active", "isActive"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorProcessor, is_active), FALSE, 0.0, NULL, NULL },
  { "rules", NEXOR_FIELD_NAMES ("rules"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorProcessor, rules), FALSE, 0.0, nexor_rule_get_type, (NexorResourceParseFunc) _nexor_rule_new_from_json },
  { "created-at", NEXOR_FIELD_NAMES ("created_at", "createdAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorProcessor, created_at), FALSE, 0.0, NULL, NULL },
  { "updated-at", NEXOR_FIELD_NAMES ("updated_at", "updatedAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorProcessor, updated_at), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorProcessor, nexor_processor, nexor_processor_fields)

NexorProcessor *
_nexor_processor_new_from_json (JsonObject         *object,
                              NexorJsonDocument  *document,
                              GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_PROCESSOR, "processor", nexor_processor_fields,
                                        G_N_ELEMENTS (nexor_processor_fields), object, document, error);
}

/**
 * nexor_processor_dup_json:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the JSON object this processor was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_processor_get_id:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_processor_get_id (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return self->id;
}

/**
 * nexor_processor_get_name:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:name] property.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_processor_get_name (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return self->name;
}

/**
 * nexor_processor_get_description:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:description] property.
 *
 * Returns: (nullable): the description
 *
 * Since: 0.1
 */
const char *
nexor_processor_get_description (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return self->description;
}

/**
 * nexor_processor_get_default_workflow_id:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:default-workflow-id] property.
 *
 * Returns: (nullable): the default workflow id
 *
 * Since: 0.1
 */
const char *
nexor_processor_get_default_workflow_id (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return self->default_workflow_id;
}

/**
 * nexor_processor_get_default_workflow:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:default-workflow] property.
 *
 * Returns: (nullable) (transfer none): the default workflow
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_processor_get_default_workflow (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return self->default_workflow;
}

/**
 * nexor_processor_get_is_active:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:is-active] property.
 *
 * Returns: whether the processor is active
 *
 * Since: 0.1
 */
gboolean
nexor_processor_get_is_active (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), FALSE);

  return self->is_active;
}

/**
 * nexor_processor_get_rules:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:rules] property.
 *
 * Returns: (transfer none): the rules
 *
 * Since: 0.1
 */
GListModel *
nexor_processor_get_rules (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return self->rules;
}

/**
 * nexor_processor_get_created_at:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:created-at] property.
 *
 * Returns: (nullable) (transfer none): the creation time
 *
 * Since: 0.1
 */
GDateTime *
nexor_processor_get_created_at (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}

/**
 * nexor_processor_get_updated_at:
 * @self: a [class@Nexor.Processor]
 *
 * Gets the [property@Nexor.Processor:updated-at] property.
 *
 * Returns: (nullable) (transfer none): the time of the last change
 *
 * Since: 0.1
 */
GDateTime *
nexor_processor_get_updated_at (NexorProcessor *self)
{
  g_return_val_if_fail (NEXOR_IS_PROCESSOR (self), NULL);

  return _nexor_field_get_datetime (&self->updated_at);
}
