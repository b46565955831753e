/* nexor-client-messages.h: the message and template endpoints of NexorClient
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
#include "nexor-message-input.h"
#include "nexor-message-result.h"
#include "nexor-template.h"
#include "nexor-template-variable.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_send_message_async    (NexorClient          *self,
                                                        NexorMessageInput    *input,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorMessageResult *nexor_client_send_message_finish   (NexorClient          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorMessageResult *nexor_client_send_message          (NexorClient          *self,
                                                        NexorMessageInput    *input,
                                                        GCancellable         *cancellable,
                                                        GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_list_templates_async  (NexorClient          *self,
                                                        const char           *status,
                                                        const char           *category,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_list_templates_finish (NexorClient          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_list_templates        (NexorClient          *self,
                                                        const char           *status,
                                                        const char           *category,
                                                        GCancellable         *cancellable,
                                                        GError              **error);

G_END_DECLS
