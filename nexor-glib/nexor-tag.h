/* nexor-tag.h: a tag on a lead
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

#define NEXOR_TYPE_TAG (nexor_tag_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorTag, nexor_tag, NEXOR, TAG, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_tag_get_id (NexorTag *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_tag_get_name (NexorTag *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_tag_get_slug (NexorTag *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_tag_get_description (NexorTag *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_tag_get_created_at (NexorTag *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime *nexor_tag_get_updated_at (NexorTag *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_tag_dup_json (NexorTag *self);

G_END_DECLS
