/* nexor-client-conversions.h: the conversion endpoints of NexorClient
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
#include "nexor-conversion.h"
#include "nexor-conversion-field.h"
#include "nexor-conversion-input.h"
#include "nexor-conversion-list.h"
#include "nexor-conversion-query.h"
#include "nexor-conversion-type.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void                 nexor_client_create_conversion_async      (NexorClient           *self,
                                                                NexorConversionInput  *input,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
NEXOR_AVAILABLE_IN_0_1
NexorConversion     *nexor_client_create_conversion_finish     (NexorClient           *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
NEXOR_AVAILABLE_IN_0_1
NexorConversion     *nexor_client_create_conversion            (NexorClient           *self,
                                                                NexorConversionInput  *input,
                                                                GCancellable          *cancellable,
                                                                GError               **error);

NEXOR_AVAILABLE_IN_0_1
void                 nexor_client_list_conversions_async       (NexorClient           *self,
                                                                NexorConversionQuery  *query,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
NEXOR_AVAILABLE_IN_0_1
NexorConversionList *nexor_client_list_conversions_finish      (NexorClient           *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
NEXOR_AVAILABLE_IN_0_1
NexorConversionList *nexor_client_list_conversions             (NexorClient           *self,
                                                                NexorConversionQuery  *query,
                                                                GCancellable          *cancellable,
                                                                GError               **error);

NEXOR_AVAILABLE_IN_0_1
void                 nexor_client_list_conversion_types_async  (NexorClient           *self,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel          *nexor_client_list_conversion_types_finish (NexorClient           *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
NEXOR_AVAILABLE_IN_0_1
GListModel          *nexor_client_list_conversion_types        (NexorClient           *self,
                                                                GCancellable          *cancellable,
                                                                GError               **error);

G_END_DECLS
