/* nexor-cadence.c: where a new workflow run stands in its cadence
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-cadence-private.h"
#include "nexor-resource-private.h"

/**
 * NexorCadence:
 *
 * Where a workflow run stands in its follow-up cadence, as reported when a lead is
 * created in a workflow: see [property@Nexor.WorkflowRunSummary:cadence].
 *
 * Since: 0.1
 */

struct _NexorCadence
{
  GObject parent_instance;
  NexorJsonSource json;

  int step_index;
  char *channel;
  int attempt_number;
  int max_attempts;
  int total_steps;
};

/**
 * NexorCadence:step-index:
 *
 * The index of the current step of the cadence, counting from 0.
 *
 * Since: 0.1
 */
/**
 * NexorCadence:channel:
 *
 * The channel of the current step, such as `call`, `whatsapp` or `email`; values the
 * library does not know are kept as sent.
 *
 * Since: 0.1
 */
/**
 * NexorCadence:attempt-number:
 *
 * The number of the current attempt at this step, counting from 1.
 *
 * Since: 0.1
 */
/**
 * NexorCadence:max-attempts:
 *
 * How many attempts the current step makes at most.
 *
 * Since: 0.1
 */
/**
 * NexorCadence:total-steps:
 *
 * How many steps the cadence has.
 *
 * Since: 0.1
 */
static const NexorField nexor_cadence_fields[] = {
  { "step-index", NEXOR_FIELD_NAMES ("stepIndex", "step_index"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorCadence, step_index), FALSE, 0.0, NULL, NULL },
  { "channel", NEXOR_FIELD_NAMES ("channel"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorCadence, channel), FALSE, 0.0, NULL, NULL },
  { "attempt-number", NEXOR_FIELD_NAMES ("attemptNumber", "attempt_number"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorCadence, attempt_number), FALSE, 0.0, NULL, NULL },
  { "max-attempts", NEXOR_FIELD_NAMES ("maxAttempts", "max_attempts"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorCadence, max_attempts), FALSE, 0.0, NULL, NULL },
  { "total-steps", NEXOR_FIELD_NAMES ("totalSteps", "total_steps"), NEXOR_FIELD_INT,
    G_STRUCT_OFFSET (NexorCadence, total_steps), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorCadence, nexor_cadence, nexor_cadence_fields)

NexorCadence *
_nexor_cadence_new_from_json (JsonObject         *object,
                              NexorJsonDocument  *document,
                              GError            **error)
{
  g_autoptr(NexorCadence) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_CADENCE, "cadence",
                                        nexor_cadence_fields, G_N_ELEMENTS (nexor_cadence_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * nexor_cadence_dup_json:
 * @self: a [class@Nexor.Cadence]
 *
 * Gets the JSON object this cadence was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_cadence_get_step_index:
 * @self: a [class@Nexor.Cadence]
 *
 * Gets the [property@Nexor.Cadence:step-index] property.
 *
 * Returns: the step index
 *
 * Since: 0.1
 */
int
nexor_cadence_get_step_index (NexorCadence *self)
{
  g_return_val_if_fail (NEXOR_IS_CADENCE (self), 0);

  return self->step_index;
}

/**
 * nexor_cadence_get_channel:
 * @self: a [class@Nexor.Cadence]
 *
 * Gets the [property@Nexor.Cadence:channel] property.
 *
 * Returns: (nullable): the channel
 *
 * Since: 0.1
 */
const char *
nexor_cadence_get_channel (NexorCadence *self)
{
  g_return_val_if_fail (NEXOR_IS_CADENCE (self), NULL);

  return self->channel;
}

/**
 * nexor_cadence_get_attempt_number:
 * @self: a [class@Nexor.Cadence]
 *
 * Gets the [property@Nexor.Cadence:attempt-number] property.
 *
 * Returns: the attempt number
 *
 * Since: 0.1
 */
int
nexor_cadence_get_attempt_number (NexorCadence *self)
{
  g_return_val_if_fail (NEXOR_IS_CADENCE (self), 0);

  return self->attempt_number;
}

/**
 * nexor_cadence_get_max_attempts:
 * @self: a [class@Nexor.Cadence]
 *
 * Gets the [property@Nexor.Cadence:max-attempts] property.
 *
 * Returns: the most attempts of the step
 *
 * Since: 0.1
 */
int
nexor_cadence_get_max_attempts (NexorCadence *self)
{
  g_return_val_if_fail (NEXOR_IS_CADENCE (self), 0);

  return self->max_attempts;
}

/**
 * nexor_cadence_get_total_steps:
 * @self: a [class@Nexor.Cadence]
 *
 * Gets the [property@Nexor.Cadence:total-steps] property.
 *
 * Returns: the number of steps
 *
 * Since: 0.1
 */
int
nexor_cadence_get_total_steps (NexorCadence *self)
{
  g_return_val_if_fail (NEXOR_IS_CADENCE (self), 0);

  return self->total_steps;
}
