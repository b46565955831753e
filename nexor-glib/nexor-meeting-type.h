/* nexor-meeting-type.h: a kind of meeting the account offers
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

#define NEXOR_TYPE_MEETING_TYPE (nexor_meeting_type_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorMeetingType, nexor_meeting_type, NEXOR, MEETING_TYPE, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_type_get_id (NexorMeetingType *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_meeting_type_get_name (NexorMeetingType *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_meeting_type_dup_json (NexorMeetingType *self);

G_END_DECLS
