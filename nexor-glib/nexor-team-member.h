/* nexor-team-member.h: a member of the account's team
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

#define NEXOR_TYPE_TEAM_MEMBER (nexor_team_member_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorTeamMember, nexor_team_member, NEXOR, TEAM_MEMBER, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_team_member_get_id (NexorTeamMember *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_team_member_get_name (NexorTeamMember *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_team_member_get_email (NexorTeamMember *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_team_member_get_external_id (NexorTeamMember *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_team_member_get_first_name (NexorTeamMember *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_team_member_get_last_name (NexorTeamMember *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_team_member_dup_json (NexorTeamMember *self);

G_END_DECLS
