/* nexor-template.h: a WhatsApp message template
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

#define NEXOR_TYPE_TEMPLATE (nexor_template_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorTemplate, nexor_template, NEXOR, TEMPLATE, GObject)

NEXOR_AVAILABLE_IN_0_1
const char * nexor_template_get_id (NexorTemplate *self);
NEXOR_AVAILABLE_IN_0_1
const char * nexor_template_get_name (NexorTemplate *self);
NEXOR_AVAILABLE_IN_0_1
const char * nexor_template_get_language (NexorTemplate *self);
NEXOR_AVAILABLE_IN_0_1
const char * nexor_template_get_category (NexorTemplate *self);
NEXOR_AVAILABLE_IN_0_1
const char * nexor_template_get_status (NexorTemplate *self);
NEXOR_AVAILABLE_IN_0_1
JsonNode * nexor_template_dup_components (NexorTemplate *self);
NEXOR_AVAILABLE_IN_0_1
GListModel * nexor_template_get_variables (NexorTemplate *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_template_dup_json (NexorTemplate *self);

G_END_DECLS
