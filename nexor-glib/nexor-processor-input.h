/* nexor-processor-input.h: what to write to a routing processor
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

#define NEXOR_TYPE_PROCESSOR_INPUT (nexor_processor_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorProcessorInput, nexor_processor_input, NEXOR, PROCESSOR_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorProcessorInput *nexor_processor_input_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_processor_input_is_set (NexorProcessorInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_processor_input_is_null (NexorProcessorInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_processor_input_unset (NexorProcessorInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_processor_input_get_name (NexorProcessorInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_processor_input_set_name (NexorProcessorInput *self, const char *name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_processor_input_get_description (NexorProcessorInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_processor_input_set_description (NexorProcessorInput *self, const char *description);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_processor_input_get_default_workflow_id (NexorProcessorInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_processor_input_set_default_workflow_id (NexorProcessorInput *self, const char *default_workflow_id);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_processor_input_get_is_active (NexorProcessorInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_processor_input_set_is_active (NexorProcessorInput *self, gboolean is_active);

G_END_DECLS
