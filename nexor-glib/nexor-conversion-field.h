/* nexor-conversion-field.h: a custom field of a conversion type
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

#define NEXOR_TYPE_CONVERSION_FIELD (nexor_conversion_field_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorConversionField, nexor_conversion_field, NEXOR, CONVERSION_FIELD, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_field_get_key (NexorConversionField *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_field_get_label (NexorConversionField *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_field_get_field_type (NexorConversionField *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_conversion_field_dup_json (NexorConversionField *self);

G_END_DECLS
