/* nexor-conversion-input.h: what to record as a conversion
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

#define NEXOR_TYPE_CONVERSION_INPUT (nexor_conversion_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorConversionInput, nexor_conversion_input, NEXOR, CONVERSION_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorConversionInput *nexor_conversion_input_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_conversion_input_is_set (NexorConversionInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_conversion_input_is_null (NexorConversionInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_unset (NexorConversionInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_input_get_conversion_type_id (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_conversion_type_id (NexorConversionInput *self, const char *conversion_type_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_input_get_lead_id (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_lead_id (NexorConversionInput *self, const char *lead_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_input_get_lead_email (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_lead_email (NexorConversionInput *self, const char *lead_email);
NEXOR_AVAILABLE_IN_0_1
double nexor_conversion_input_get_amount (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_amount (NexorConversionInput *self, double amount);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_input_get_currency (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_currency (NexorConversionInput *self, const char *currency);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_input_get_workflow_run_id (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_workflow_run_id (NexorConversionInput *self, const char *workflow_run_id);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_conversion_input_dup_converted_at (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_converted_at (NexorConversionInput *self, GDateTime *converted_at);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_conversion_input_dup_metadata (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_metadata (NexorConversionInput *self, JsonObject *metadata);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_input_get_notes (NexorConversionInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_input_set_notes (NexorConversionInput *self, const char *notes);

G_END_DECLS
