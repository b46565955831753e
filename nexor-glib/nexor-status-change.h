/* nexor-status-change.h: the answer to setting a lead's status
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

#define NEXOR_TYPE_STATUS_CHANGE (nexor_status_change_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorStatusChange, nexor_status_change, NEXOR, STATUS_CHANGE, GObject)

NEXOR_AVAILABLE_IN_0_1
gboolean nexor_status_change_get_changed (NexorStatusChange *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_status_change_get_previous_status (NexorStatusChange *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_status_change_get_new_status (NexorStatusChange *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_status_change_get_workflow_run_id (NexorStatusChange *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_status_change_get_workflow_id (NexorStatusChange *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_status_change_get_note (NexorStatusChange *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_status_change_dup_json (NexorStatusChange *self);

G_END_DECLS
