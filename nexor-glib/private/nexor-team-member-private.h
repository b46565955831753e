/* nexor-team-member-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-team-member.h"

G_BEGIN_DECLS

NexorTeamMember *_nexor_team_member_new_from_json (JsonObject         *object,
                                                   NexorJsonDocument  *document,
                                                   GError            **error);

G_END_DECLS
