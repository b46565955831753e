/* nexor-lead-list.h: the leads a search finds, fetched page by page
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
#include "nexor-lead.h"

G_BEGIN_DECLS

/**
 * NEXOR_LEAD_LIST_DEFAULT_PAGE_SIZE:
 *
 * How many leads [class@Nexor.LeadList] asks for per page unless told
 * otherwise; what the nexor-emulator answers when no `limit` is given.
 *
 * Since: 0.1
 */
#define NEXOR_LEAD_LIST_DEFAULT_PAGE_SIZE 20

/**
 * NEXOR_LEAD_LIST_MAX_PAGE_SIZE:
 *
 * The largest page of a lead search that the library asks for.
 *
 * Since: 0.1
 */
#define NEXOR_LEAD_LIST_MAX_PAGE_SIZE 100

#define NEXOR_TYPE_LEAD_LIST (nexor_lead_list_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorLeadList, nexor_lead_list, NEXOR, LEAD_LIST, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorLeadList *nexor_lead_list_new              (NexorClient         *client,
                                                 const char          *search,
                                                 GCancellable        *cancellable);

NEXOR_AVAILABLE_IN_0_1
NexorClient   *nexor_lead_list_get_client       (NexorLeadList       *self);
NEXOR_AVAILABLE_IN_0_1
const char    *nexor_lead_list_get_search       (NexorLeadList       *self);
NEXOR_AVAILABLE_IN_0_1
guint          nexor_lead_list_get_page_size    (NexorLeadList       *self);
NEXOR_AVAILABLE_IN_0_1
guint          nexor_lead_list_get_n_items      (NexorLeadList       *self);
NEXOR_AVAILABLE_IN_0_1
gboolean       nexor_lead_list_get_loading      (NexorLeadList       *self);
NEXOR_AVAILABLE_IN_0_1
gboolean       nexor_lead_list_get_has_more     (NexorLeadList       *self);
NEXOR_AVAILABLE_IN_0_1
const GError  *nexor_lead_list_get_error        (NexorLeadList       *self);
NEXOR_AVAILABLE_IN_0_1
gint64         nexor_lead_list_get_total        (NexorLeadList       *self);

NEXOR_AVAILABLE_IN_0_1
void           nexor_lead_list_load_more_async  (NexorLeadList       *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean       nexor_lead_list_load_more_finish (NexorLeadList       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
NEXOR_AVAILABLE_IN_0_1
gboolean       nexor_lead_list_load_more        (NexorLeadList       *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
NEXOR_AVAILABLE_IN_0_1
void           nexor_lead_list_load_all_async   (NexorLeadList       *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean       nexor_lead_list_load_all_finish  (NexorLeadList       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
NEXOR_AVAILABLE_IN_0_1
gboolean       nexor_lead_list_load_all         (NexorLeadList       *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
NEXOR_AVAILABLE_IN_0_1
void           nexor_lead_list_cancel           (NexorLeadList       *self);

G_END_DECLS
