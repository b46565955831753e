/* nexor-user.h: a user of the account
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

#define NEXOR_TYPE_USER (nexor_user_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorUser, nexor_user, NEXOR, USER, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_user_get_id (NexorUser *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_user_get_name (NexorUser *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_user_get_email (NexorUser *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_user_get_avatar_url (NexorUser *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_user_dup_json (NexorUser *self);

G_END_DECLS
