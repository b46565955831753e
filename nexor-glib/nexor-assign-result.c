/* nexor-assign-result.c: the answer to assigning a lead to a workflow
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-assign-result-private.h"
#include "nexor-enum-types.h"
#include "nexor-json-private.h"
#include "nexor-resource-private.h"

/**
 * NexorAssignResult:
 *
 * The answer to [method@Nexor.Client.assign_lead_workflow]: the new workflow run,
 * its workflow, whether the lead was enrolled or moved from another run, and
 * whether the cadence waits because the workflow is paused.
 *
 * This is the one answer of the API in camelCase (`workflowRunId`,
 * `movementType`, …); the properties have the usual names.
 *
 * Since: 0.1
 */

struct _NexorAssignResult
{
  GObject parent_instance;
  NexorJsonSource json;

  char *workflow_run_id;
  char *workflow_id;
  char *workflow_name;
  char *movement_type_string;
  gboolean paused;

  NexorMovementType movement_type;
};

/**
 * NexorAssignResult:workflow-run-id:
 *
 * The id of the workflow run the lead is now in.
 *
 * Since: 0.1
 */
/**
 * NexorAssignResult:workflow-id:
 *
 * The id of the workflow the lead was assigned to.
 *
 * Since: 0.1
 */
/**
 * NexorAssignResult:workflow-name:
 *
 * The name of that workflow.
 *
 * Since: 0.1
 */
/**
 * NexorAssignResult:movement-type-string:
 *
 * The movement as the server named it, such as `enrollment`; kept even when
 * [property@Nexor.AssignResult:movement-type] is
 * %NEXOR_MOVEMENT_TYPE_UNKNOWN.
 *
 * Since: 0.1
 */
/**
 * NexorAssignResult:paused:
 *
 * Whether the workflow is paused, so the run's cadence waits until it is
 * resumed.
 *
 * Since: 0.1
 */
static const NexorField nexor_assign_result_fields[] = {
  { "workflow-run-id", NEXOR_FIELD_NAMES ("workflowRunId", "workflow_run_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorAssignResult, workflow_run_id), FALSE, 0.0, NULL, NULL },
  { "workflow-id", NEXOR_FIELD_NAMES ("workflowId", "workflow_id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorAssignResult, workflow_id), FALSE, 0.0, NULL, NULL },
  { "workflow-name", NEXOR_FIELD_NAMES ("workflowName", "workflow_name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorAssignResult, workflow_name), FALSE, 0.0, NULL, NULL },
  { "movement-type-string", NEXOR_FIELD_NAMES ("movementType", "movement_type"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorAssignResult, movement_type_string), FALSE, 0.0, NULL, NULL },
  { "paused", NEXOR_FIELD_NAMES ("paused"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorAssignResult, paused), FALSE, 0.0, NULL, NULL },
};

#define N_FIELDS G_N_ELEMENTS (nexor_assign_result_fields)

enum {
  PROP_MOVEMENT_TYPE = N_FIELDS + 1,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (NexorAssignResult, nexor_assign_result, G_TYPE_OBJECT)

static void
nexor_assign_result_finalize (GObject *object)
{
  NexorAssignResult *self = NEXOR_ASSIGN_RESULT (object);

  _nexor_fields_clear (self, nexor_assign_result_fields, N_FIELDS);
  _nexor_json_source_clear (&self->json);

  G_OBJECT_CLASS (nexor_assign_result_parent_class)->finalize (object);
}

static void
nexor_assign_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NexorAssignResult *self = NEXOR_ASSIGN_RESULT (object);

  if (prop_id <= N_FIELDS)
    {
      _nexor_fields_get_property (self, nexor_assign_result_fields, N_FIELDS, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_MOVEMENT_TYPE:
      g_value_set_enum (value, self->movement_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_assign_result_class_init (NexorAssignResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_assign_result_finalize;
  object_class->get_property = nexor_assign_result_get_property;

  _nexor_fields_install_properties (object_class, nexor_assign_result_fields, N_FIELDS, props);

  /**
   * NexorAssignResult:movement-type:
   *
   * How the lead was moved: enrolled (it had no active run) or reassigned
   * (its active run was ended and replaced).
   *
   * Since: 0.1
   */
  props[PROP_MOVEMENT_TYPE] =
    g_param_spec_enum ("movement-type", NULL, NULL,
                       NEXOR_TYPE_MOVEMENT_TYPE, NEXOR_MOVEMENT_TYPE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_MOVEMENT_TYPE, props[PROP_MOVEMENT_TYPE]);
}

static void
nexor_assign_result_init (NexorAssignResult *self)
{
  _nexor_fields_init (self, nexor_assign_result_fields, N_FIELDS);
}

static NexorMovementType
movement_type_from_string (const char *str)
{
  if (g_strcmp0 (str, "enrollment") == 0)
    return NEXOR_MOVEMENT_TYPE_ENROLLMENT;
  if (g_strcmp0 (str, "reassignment") == 0)
    return NEXOR_MOVEMENT_TYPE_REASSIGNMENT;
  return NEXOR_MOVEMENT_TYPE_UNKNOWN;
}

NexorAssignResult *
_nexor_assign_result_new_from_json (JsonObject         *object,
                                    NexorJsonDocument  *document,
                                    GError            **error)
{
  g_autoptr(NexorAssignResult) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_ASSIGN_RESULT, "workflow assignment",
                                        nexor_assign_result_fields, N_FIELDS,
                                        object, document, error);
  if (self == NULL)
    return NULL;

  self->movement_type = movement_type_from_string (self->movement_type_string);
  return g_steal_pointer (&self);
}

NexorAssignResult *
_nexor_assign_result_new_from_response (JsonNode           *root,
                                        NexorJsonDocument  *document,
                                        GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "workflow assignment", error);

  if (object == NULL)
    return NULL;

  return _nexor_assign_result_new_from_json (object, document, error);
}

/**
 * nexor_assign_result_dup_json:
 * @self: a [class@Nexor.AssignResult]
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
nexor_assign_result_dup_json (NexorAssignResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ASSIGN_RESULT (self), NULL);

  return _nexor_json_source_dup (&self->json);
}

/**
 * nexor_assign_result_get_workflow_run_id:
 * @self: a [class@Nexor.AssignResult]
 *
 * Gets the [property@Nexor.AssignResult:workflow-run-id] property.
 *
 * Returns: (nullable): the id of the new run
 *
 * Since: 0.1
 */
const char *
nexor_assign_result_get_workflow_run_id (NexorAssignResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ASSIGN_RESULT (self), NULL);

  return self->workflow_run_id;
}

/**
 * nexor_assign_result_get_workflow_id:
 * @self: a [class@Nexor.AssignResult]
 *
 * Gets the [property@Nexor.AssignResult:workflow-id] property.
 *
 * Returns: (nullable): the workflow id
 *
 * Since: 0.1
 */
const char *
nexor_assign_result_get_workflow_id (NexorAssignResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ASSIGN_RESULT (self), NULL);

  return self->workflow_id;
}

/**
 * nexor_assign_result_get_workflow_name:
 * @self: a [class@Nexor.AssignResult]
 *
 * Gets the [property@Nexor.AssignResult:workflow-name] property.
 *
 * Returns: (nullable): the workflow name
 *
 * Since: 0.1
 */
const char *
nexor_assign_result_get_workflow_name (NexorAssignResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ASSIGN_RESULT (self), NULL);

  return self->workflow_name;
}

/**
 * nexor_assign_result_get_movement_type:
 * @self: a [class@Nexor.AssignResult]
 *
 * Gets the [property@Nexor.AssignResult:movement-type] property.
 *
 * Returns: how the lead was moved
 *
 * Since: 0.1
 */
NexorMovementType
nexor_assign_result_get_movement_type (NexorAssignResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ASSIGN_RESULT (self), NEXOR_MOVEMENT_TYPE_UNKNOWN);

  return self->movement_type;
}

/**
 * nexor_assign_result_get_movement_type_string:
 * @self: a [class@Nexor.AssignResult]
 *
 * Gets the [property@Nexor.AssignResult:movement-type-string] property.
 *
 * Returns: (nullable): the movement as the server named it
 *
 * Since: 0.1
 */
const char *
nexor_assign_result_get_movement_type_string (NexorAssignResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ASSIGN_RESULT (self), NULL);

  return self->movement_type_string;
}

/**
 * nexor_assign_result_get_paused:
 * @self: a [class@Nexor.AssignResult]
 *
 * Gets the [property@Nexor.AssignResult:paused] property.
 *
 * Returns: whether the workflow is paused
 *
 * Since: 0.1
 */
gboolean
nexor_assign_result_get_paused (NexorAssignResult *self)
{
  g_return_val_if_fail (NEXOR_IS_ASSIGN_RESULT (self), FALSE);

  return self->paused;
}
