/* nexor-assign-result.h: the answer to assigning a lead to a workflow
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

/**
 * NexorMovementType:
 * @NEXOR_MOVEMENT_TYPE_UNKNOWN: a movement this version of the library does not
 *   know; [property@Nexor.AssignResult:movement-type-string] has the server's word
 * @NEXOR_MOVEMENT_TYPE_ENROLLMENT: the lead had no active run and was enrolled
 * @NEXOR_MOVEMENT_TYPE_REASSIGNMENT: the lead's active run was ended and replaced
 *
 * How assigning a workflow moved a lead.
 *
 * Since: 0.1
 */
typedef enum {
  NEXOR_MOVEMENT_TYPE_UNKNOWN,
  NEXOR_MOVEMENT_TYPE_ENROLLMENT,
  NEXOR_MOVEMENT_TYPE_REASSIGNMENT,
} NexorMovementType;

#define NEXOR_TYPE_ASSIGN_RESULT (nexor_assign_result_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorAssignResult, nexor_assign_result, NEXOR, ASSIGN_RESULT, GObject)

NEXOR_AVAILABLE_IN_0_1
const char        *nexor_assign_result_get_workflow_run_id      (NexorAssignResult *self);
NEXOR_AVAILABLE_IN_0_1
const char        *nexor_assign_result_get_workflow_id          (NexorAssignResult *self);
NEXOR_AVAILABLE_IN_0_1
const char        *nexor_assign_result_get_workflow_name        (NexorAssignResult *self);
NEXOR_AVAILABLE_IN_0_1
NexorMovementType  nexor_assign_result_get_movement_type        (NexorAssignResult *self);
NEXOR_AVAILABLE_IN_0_1
const char        *nexor_assign_result_get_movement_type_string (NexorAssignResult *self);
NEXOR_AVAILABLE_IN_0_1
gboolean           nexor_assign_result_get_paused               (NexorAssignResult *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject        *nexor_assign_result_dup_json                 (NexorAssignResult *self);

G_END_DECLS
