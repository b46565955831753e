/* nexor-conversion-type.h: a kind of conversion an account records
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
#include "nexor-conversion-field.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_CONVERSION_TYPE (nexor_conversion_type_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorConversionType, nexor_conversion_type, NEXOR, CONVERSION_TYPE, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_type_get_id (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_type_get_name (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_type_get_description (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_type_get_category (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_type_get_currency (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_conversion_type_get_fields (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_type_get_workflow_id (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_type_get_master_workflow_id (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_conversion_type_get_created_at (NexorConversionType *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_conversion_type_dup_json (NexorConversionType *self);

G_END_DECLS
