/* nexor-client-campaigns.h: the campaign endpoint of NexorClient
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
#include "nexor-campaign.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void        nexor_client_list_campaigns_async  (NexorClient          *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_client_list_campaigns_finish (NexorClient          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel *nexor_client_list_campaigns        (NexorClient          *self,
                                                GCancellable         *cancellable,
                                                GError              **error);

G_END_DECLS
