/* nexor-history-list.h: a lead's timeline, fetched page by page
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
#include "nexor-history-item.h"
#include "nexor-lead.h"

G_BEGIN_DECLS

/**
 * NEXOR_HISTORY_LIST_DEFAULT_PAGE_SIZE:
 *
 * How many entries [class@Nexor.HistoryList] asks for per page unless told
 * otherwise; the API's own default.
 *
 * Since: 0.1
 */
#define NEXOR_HISTORY_LIST_DEFAULT_PAGE_SIZE 50

/**
 * NEXOR_HISTORY_LIST_MAX_PAGE_SIZE:
 *
 * The largest page the API serves.
 *
 * Since: 0.1
 */
#define NEXOR_HISTORY_LIST_MAX_PAGE_SIZE 200

#define NEXOR_TYPE_HISTORY_LIST (nexor_history_list_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorHistoryList, nexor_history_list, NEXOR, HISTORY_LIST, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorHistoryList   *nexor_history_list_new              (NexorClient          *client,
                                                         const char           *lead_id,
                                                         const char * const   *channels,
                                                         GCancellable         *cancellable);

NEXOR_AVAILABLE_IN_0_1
NexorClient        *nexor_history_list_get_client       (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
const char         *nexor_history_list_get_lead_id      (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
const char * const *nexor_history_list_get_channels     (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
guint               nexor_history_list_get_page_size    (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
guint               nexor_history_list_get_n_items      (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_history_list_get_loading      (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_history_list_get_has_more     (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
const GError       *nexor_history_list_get_error        (NexorHistoryList     *self);
NEXOR_AVAILABLE_IN_0_1
NexorLead          *nexor_history_list_get_lead         (NexorHistoryList     *self);

NEXOR_AVAILABLE_IN_0_1
void                nexor_history_list_load_more_async  (NexorHistoryList     *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_history_list_load_more_finish (NexorHistoryList     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_history_list_load_more        (NexorHistoryList     *self,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
NEXOR_AVAILABLE_IN_0_1
void                nexor_history_list_load_all_async   (NexorHistoryList     *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_history_list_load_all_finish  (NexorHistoryList     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
NEXOR_AVAILABLE_IN_0_1
gboolean            nexor_history_list_load_all         (NexorHistoryList     *self,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
NEXOR_AVAILABLE_IN_0_1
void                nexor_history_list_cancel           (NexorHistoryList     *self);

G_END_DECLS
