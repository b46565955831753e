/* nexor-conversion-list.h: conversions, fetched page by page
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
#include "nexor-conversion-query.h"

G_BEGIN_DECLS

/**
 * NEXOR_CONVERSION_LIST_DEFAULT_PAGE_SIZE:
 *
 * How many conversions [class@Nexor.ConversionList] asks for per page
 * unless told otherwise; the API's own default.
 *
 * Since: 0.1
 */
#define NEXOR_CONVERSION_LIST_DEFAULT_PAGE_SIZE 50

/**
 * NEXOR_CONVERSION_LIST_MAX_PAGE_SIZE:
 *
 * The largest page of conversions the API serves.
 *
 * Since: 0.1
 */
#define NEXOR_CONVERSION_LIST_MAX_PAGE_SIZE 200

#define NEXOR_TYPE_CONVERSION_LIST (nexor_conversion_list_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorConversionList, nexor_conversion_list, NEXOR, CONVERSION_LIST, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorConversionList  *nexor_conversion_list_new              (NexorClient          *client,
                                                              NexorConversionQuery *query,
                                                              GCancellable         *cancellable);

NEXOR_AVAILABLE_IN_0_1
NexorClient          *nexor_conversion_list_get_client       (NexorConversionList  *self);
NEXOR_AVAILABLE_IN_0_1
NexorConversionQuery *nexor_conversion_list_get_query        (NexorConversionList  *self);
NEXOR_AVAILABLE_IN_0_1
guint                 nexor_conversion_list_get_page_size    (NexorConversionList  *self);
NEXOR_AVAILABLE_IN_0_1
guint                 nexor_conversion_list_get_n_items      (NexorConversionList  *self);
NEXOR_AVAILABLE_IN_0_1
gboolean              nexor_conversion_list_get_loading      (NexorConversionList  *self);
NEXOR_AVAILABLE_IN_0_1
gboolean              nexor_conversion_list_get_has_more     (NexorConversionList  *self);
NEXOR_AVAILABLE_IN_0_1
const GError         *nexor_conversion_list_get_error        (NexorConversionList  *self);
NEXOR_AVAILABLE_IN_0_1
gint64                nexor_conversion_list_get_total        (NexorConversionList  *self);

NEXOR_AVAILABLE_IN_0_1
void                  nexor_conversion_list_load_more_async  (NexorConversionList  *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean              nexor_conversion_list_load_more_finish (NexorConversionList  *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
NEXOR_AVAILABLE_IN_0_1
gboolean              nexor_conversion_list_load_more        (NexorConversionList  *self,
                                                              GCancellable         *cancellable,
                                                              GError              **error);
NEXOR_AVAILABLE_IN_0_1
void                  nexor_conversion_list_load_all_async   (NexorConversionList  *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean              nexor_conversion_list_load_all_finish  (NexorConversionList  *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
NEXOR_AVAILABLE_IN_0_1
gboolean              nexor_conversion_list_load_all         (NexorConversionList  *self,
                                                              GCancellable         *cancellable,
                                                              GError              **error);
NEXOR_AVAILABLE_IN_0_1
void                  nexor_conversion_list_cancel           (NexorConversionList  *self);

G_END_DECLS
