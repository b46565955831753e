/* nexor-tag-input.h: what to write to a tag
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

#define NEXOR_TYPE_TAG_INPUT (nexor_tag_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorTagInput, nexor_tag_input, NEXOR, TAG_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorTagInput *nexor_tag_input_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_tag_input_is_set (NexorTagInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_tag_input_is_null (NexorTagInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_tag_input_unset (NexorTagInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_tag_input_get_name (NexorTagInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_tag_input_set_name (NexorTagInput *self, const char *name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_tag_input_get_slug (NexorTagInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_tag_input_set_slug (NexorTagInput *self, const char *slug);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_tag_input_get_description (NexorTagInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_tag_input_set_description (NexorTagInput *self, const char *description);

G_END_DECLS
