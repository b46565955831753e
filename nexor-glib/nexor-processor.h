/* nexor-processor.h: a routing processor
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
#include "nexor-rule.h"
#include "nexor-workflow.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_PROCESSOR (nexor_processor_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorProcessor, nexor_processor, NEXOR, PROCESSOR, GObject)

NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_processor_dup_json (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_processor_get_id (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_processor_get_name (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_processor_get_description (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_processor_get_default_workflow_id (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_processor_get_default_workflow (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_processor_get_is_active (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_processor_get_rules (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_processor_get_created_at (NexorProcessor *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_processor_get_updated_at (NexorProcessor *self);

G_END_DECLS
