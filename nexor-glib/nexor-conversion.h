/* nexor-conversion.h: a recorded conversion event
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
#include "nexor-conversion-type.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_CONVERSION (nexor_conversion_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorConversion, nexor_conversion, NEXOR, CONVERSION, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_id (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_conversion_type_id (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_lead_id (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_workflow_id (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_master_workflow_id (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_workflow_run_id (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
double nexor_conversion_get_amount (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_currency (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_conversion_dup_metadata (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_get_notes (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_conversion_get_converted_at (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_conversion_get_created_at (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
NexorConversionType *nexor_conversion_get_conversion_type (NexorConversion *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_conversion_dup_json (NexorConversion *self);

G_END_DECLS
