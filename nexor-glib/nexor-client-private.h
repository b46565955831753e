/* nexor-client-private.h: the request core shared by every endpoint
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-client.h"
#include "nexor-request-private.h"

G_BEGIN_DECLS

void      _nexor_client_send_async  (NexorClient          *self,
                                     NexorRequest         *request,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data,
                                     gpointer              source_tag);
gpointer  _nexor_client_send_finish (NexorClient          *self,
                                     GAsyncResult         *result,
                                     gpointer              source_tag,
                                     GError              **error);
gpointer  _nexor_client_send        (NexorClient          *self,
                                     NexorRequest         *request,
                                     GCancellable         *cancellable,
                                     GError              **error);

G_END_DECLS
