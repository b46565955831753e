/* nexor-client-team.h: the team endpoint of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nexor-version-macros.h"
#include "nexor-client.h"
#include "nexor-team-member.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void        nexor_client_list_team_members_async  (NexorClient          *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_client_list_team_members_finish (NexorClient          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_client_list_team_members        (NexorClient          *self,
                                                   GCancellable         *cancellable,
                                                   GError              **error);

G_END_DECLS
