/* nexor-pause-state.c: the answer to asking whether a lead is taken over
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-pause-state-private.h"
#include "nexor-json-private.h"
#include "nexor-resource-private.h"

/**
 * NexorPauseState:
 *
 * The answer to [method@Nexor.Client.is_lead_paused]
 * (`GET /leads/{id}/is_paused`): whether a human has taken the lead over.
 *
 * It is an object rather than a bare boolean so that "not paused" can never
 * be mistaken for a failed call in any language: a call that fails returns
 * no state and an error (an exception in Python and JavaScript), a call that
 * succeeds returns a state whose [property@Nexor.PauseState:paused] is the
 * answer.
 *
 * Since: 0.1
 */

struct _NexorPauseState
{
  GObject parent_instance;
  NexorJsonSource json;

  gboolean paused;
};

/**
 * NexorPauseState:paused:
 *
 * Whether any of the lead's active runs (or its run in the workflow the call
 * named) has its automation stopped by a human takeover.
 *
 * Since: 0.1
 */
static const NexorField nexor_pause_state_fields[] = {
  { "paused", NEXOR_FIELD_NAMES ("paused"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorPauseState, paused), TRUE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorPauseState, nexor_pause_state, nexor_pause_state_fields)

NexorPauseState *
_nexor_pause_state_new_from_response (JsonNode           *root,
                                      NexorJsonDocument  *document,
                                      GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "pause state", error);

  if (object == NULL)
    return NULL;

  return _nexor_resource_new_from_json (NEXOR_TYPE_PAUSE_STATE, "pause state",
                                        nexor_pause_state_fields, G_N_ELEMENTS (nexor_pause_state_fields),
                                        object, document, error);
}

/**
 * nexor_pause_state_dup_json:
 * @self: a [class@Nexor.PauseState]
 *
 * Gets the JSON object this pause state was built from, as the server sent
 * it, including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_pause_state_get_paused:
 * @self: a [class@Nexor.PauseState]
 *
 * Gets the [property@Nexor.PauseState:paused] property.
 *
 * Returns: whether the lead's automation is paused
 *
 * Since: 0.1
 */
gboolean
nexor_pause_state_get_paused (NexorPauseState *self)
{
  g_return_val_if_fail (NEXOR_IS_PAUSE_STATE (self), FALSE);

  return self->paused;
}
