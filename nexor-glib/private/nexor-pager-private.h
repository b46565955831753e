/* nexor-pager-private.h: the page-fetching core every paged list shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nexor-client.h"
#include "nexor-request-private.h"

G_BEGIN_DECLS

/* What a parsed page holds, as the pager reads it. */
typedef struct {
  GListModel *items;             /* (transfer none) */
  int has_more;                  /* 1 or 0 as the server said, -1 if it did not */
  gint64 total;                  /* every match on the server, -1 if not given */
} NexorPageContents;

/* What a paged list tells the pager about its endpoint and its items. A
 * static table per list type. */
typedef struct {
  /* A request for @limit entries from @offset; its parser makes a page. */
  NexorRequest *(*page_request)        (GObject            *owner,
                                        guint               offset,
                                        guint               limit);
  void          (*read_page)           (gpointer            page,
                                        NexorPageContents  *contents);
  /* Optional: a page was applied; the owner takes what else it carries. It
   * runs while the owner's notifications are frozen. */
  void          (*page_applied)        (GObject            *owner,
                                        gpointer            page);
  const char   *(*item_get_id)         (gpointer            item);
  JsonObject   *(*item_dup_json)       (gpointer            item);
  /* The errors that name the list's contents in their words. */
  GError       *(*repeated_page_error) (guint               offset,
                                        guint               from);
  GError       *(*pending_error)       (void);
  const char     *prefetch_source_name;
  const char     *waiter_source_name;
} NexorPagerClass;

/* The owner's properties the pager notifies. */
typedef enum {
  NEXOR_PAGER_PROP_N_ITEMS,
  NEXOR_PAGER_PROP_LOADING,
  NEXOR_PAGER_PROP_HAS_MORE,
  NEXOR_PAGER_PROP_ERROR,
  NEXOR_PAGER_N_PROPS
} NexorPagerProp;

typedef struct _NexorPager NexorPager;

/* @owner (not referenced: it owns the pager) is the list, the source object
 * of every task; @pspecs are its n-items, loading, has-more and error
 * properties, in NexorPagerProp order. Call from the owner's constructed(),
 * in the thread and thread-default context the list belongs to. */
NexorPager   *_nexor_pager_new              (GObject               *owner,
                                             const NexorPagerClass *klass,
                                             GParamSpec * const    *pspecs,
                                             NexorClient           *client,
                                             guint                  page_size,
                                             GCancellable          *cancellable);
/* From the owner's dispose(): drops a page fetched in the background. */
void          _nexor_pager_dispose          (NexorPager            *self);
void          _nexor_pager_free             (NexorPager            *self);

/* GListModel: get_item() may start a background fetch near the end. */
guint         _nexor_pager_get_n_items      (NexorPager            *self);
gpointer      _nexor_pager_get_item         (NexorPager            *self,
                                             guint                  position);

gboolean      _nexor_pager_get_loading      (NexorPager            *self);
gboolean      _nexor_pager_get_has_more     (NexorPager            *self);
const GError *_nexor_pager_get_error        (NexorPager            *self);
/* The last total the server gave, -1 if none did. */
gint64        _nexor_pager_get_total        (NexorPager            *self);

/* The tasks' source object is the owner and their tag @source_tag, so the
 * owner's public _finish() functions check them as their own. */
void          _nexor_pager_load_more_async  (NexorPager            *self,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data,
                                             gpointer               source_tag);
gboolean      _nexor_pager_load_more        (NexorPager            *self,
                                             GCancellable          *cancellable,
                                             GError               **error);
void          _nexor_pager_load_all_async   (NexorPager            *self,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data,
                                             gpointer               source_tag);
gboolean      _nexor_pager_load_all         (NexorPager            *self,
                                             GCancellable          *cancellable,
                                             GError               **error);
gboolean      _nexor_pager_finish           (GObject               *owner,
                                             GAsyncResult          *result,
                                             gpointer               source_tag,
                                             GError               **error);
void          _nexor_pager_cancel           (NexorPager            *self);

/* The callback of the first load_more_async() of a list a client call
 * made: completes @user_data, that call's GTask, with the list (@source)
 * or the page's error. */
void          _nexor_pager_return_list      (GObject               *source,
                                             GAsyncResult          *result,
                                             gpointer               user_data);

G_END_DECLS
