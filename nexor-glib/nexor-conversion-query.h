/* nexor-conversion-query.h: which conversions to list
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

#define NEXOR_TYPE_CONVERSION_QUERY (nexor_conversion_query_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorConversionQuery, nexor_conversion_query, NEXOR, CONVERSION_QUERY, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorConversionQuery *nexor_conversion_query_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_conversion_query_is_set (NexorConversionQuery *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_conversion_query_is_null (NexorConversionQuery *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_query_unset (NexorConversionQuery *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_query_get_lead_id (NexorConversionQuery *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_query_set_lead_id (NexorConversionQuery *self, const char *lead_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_query_get_workflow_id (NexorConversionQuery *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_query_set_workflow_id (NexorConversionQuery *self, const char *workflow_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_query_get_master_workflow_id (NexorConversionQuery *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_query_set_master_workflow_id (NexorConversionQuery *self, const char *master_workflow_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_query_get_workflow_run_id (NexorConversionQuery *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_query_set_workflow_run_id (NexorConversionQuery *self, const char *workflow_run_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_conversion_query_get_conversion_type_id (NexorConversionQuery *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_conversion_query_set_conversion_type_id (NexorConversionQuery *self, const char *conversion_type_id);

G_END_DECLS
