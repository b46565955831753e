/* nexor-cadence.h: where a new workflow run stands in its cadence
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-version-macros.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_CADENCE (nexor_cadence_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorCadence, nexor_cadence, NEXOR, CADENCE, GObject)

NEXOR_AVAILABLE_IN_0_1
int nexor_cadence_get_step_index (NexorCadence *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_cadence_get_channel (NexorCadence *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_cadence_get_attempt_number (NexorCadence *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_cadence_get_max_attempts (NexorCadence *self);
NEXOR_AVAILABLE_IN_0_1
int nexor_cadence_get_total_steps (NexorCadence *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_cadence_dup_json (NexorCadence *self);

G_END_DECLS
