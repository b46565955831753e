/* nexor-client-tags.h: the tag endpoints of NexorClient
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
#include "nexor-tag.h"
#include "nexor-tag-input.h"
#include "nexor-tag-sync-result.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_sync_lead_tags_async    (NexorClient          *self,
                                                          const char           *lead_id,
                                                          const char           *email,
                                                          const char * const   *tags,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorTagSyncResult *nexor_client_sync_lead_tags_finish   (NexorClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorTagSyncResult *nexor_client_sync_lead_tags          (NexorClient          *self,
                                                          const char           *lead_id,
                                                          const char           *email,
                                                          const char * const   *tags,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_list_lead_tags_async    (NexorClient          *self,
                                                          const char           *lead_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_list_lead_tags_finish   (NexorClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_list_lead_tags          (NexorClient          *self,
                                                          const char           *lead_id,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_assign_lead_tags_async  (NexorClient          *self,
                                                          const char           *lead_id,
                                                          const char * const   *tag_ids,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_assign_lead_tags_finish (NexorClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_assign_lead_tags        (NexorClient          *self,
                                                          const char           *lead_id,
                                                          const char * const   *tag_ids,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_list_tags_async         (NexorClient          *self,
                                                          const char           *search,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_list_tags_finish        (NexorClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel         *nexor_client_list_tags               (NexorClient          *self,
                                                          const char           *search,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_create_tag_async        (NexorClient          *self,
                                                          NexorTagInput        *input,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorTag           *nexor_client_create_tag_finish       (NexorClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorTag           *nexor_client_create_tag              (NexorClient          *self,
                                                          NexorTagInput        *input,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_update_tag_async        (NexorClient          *self,
                                                          const char           *tag_id,
                                                          NexorTagInput        *input,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorTag           *nexor_client_update_tag_finish       (NexorClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorTag           *nexor_client_update_tag              (NexorClient          *self,
                                                          const char           *tag_id,
                                                          NexorTagInput        *input,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                nexor_client_delete_tag_async        (NexorClient          *self,
                                                          const char           *tag_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_client_delete_tag_finish       (NexorClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_client_delete_tag              (NexorClient          *self,
                                                          const char           *tag_id,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

G_END_DECLS
