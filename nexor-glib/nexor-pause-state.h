/* nexor-pause-state.h: the answer to asking whether a lead is taken over
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

#define NEXOR_TYPE_PAUSE_STATE (nexor_pause_state_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorPauseState, nexor_pause_state, NEXOR, PAUSE_STATE, GObject)

NEXOR_AVAILABLE_IN_0_1
gboolean nexor_pause_state_get_paused (NexorPauseState *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_pause_state_dup_json (NexorPauseState *self);

G_END_DECLS
