/* nexor-pager.c: the page-fetching core every paged list shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-pager-private.h"

/* One implementation of an offset-paged list — fetching, waiters and their
 * cancels, background prefetch, the repeated-page guard, has-more from the
 * page's flag, the total or the page size — that each public list
 * (NexorHistoryList, NexorConversionList) embeds, keeping its own GType,
 * properties and documentation. What differs per list is its request, its
 * page parser and the words of its errors: a NexorPagerClass. */

/* Asking for one of the last PREFETCH_DISTANCE items fetches the next page. */
#define PREFETCH_DISTANCE 5

/* A caller of load_more_async() waiting for the page in flight. */
typedef struct {
  NexorPager *pager;
  GTask *task;
  GSource *cancel_source;        /* the caller's own cancellable; NULL without one */
} Waiter;

/* One page request in flight. Its callback owns it; the pager points to it
 * only while it waits for the answer, so a pager that stops waiting (every
 * waiter gave up, or the list went away) just lets it go. */
typedef struct {
  NexorPager *pager;             /* NULL once the pager no longer waits for it */
  GCancellable *cancellable;
  GCancellable *lifetime;        /* the list's own cancellable, forwarded here */
  gulong lifetime_handler;
  guint offset;
  guint requested;
  gboolean background;           /* a prefetch: waiters leaving do not cancel it */
  gboolean stopped;              /* _nexor_pager_cancel() */
} Fetch;

struct _NexorPager
{
  GObject *owner;
  const NexorPagerClass *klass;
  GParamSpec *pspecs[NEXOR_PAGER_N_PROPS];

  NexorClient *client;
  guint page_size;
  GCancellable *cancellable;     /* the list's; may be NULL */
  GMainContext *context;         /* where background fetches run */

  GPtrArray *items;
  GHashTable *positions;         /* id (owned by its item) → position of the item */
  guint last_page_start;
  guint last_page_len;
  gboolean has_more;
  gint64 total;
  GError *error;

  gboolean loading;
  Fetch *fetch;                  /* the page in flight, if any */
  GPtrArray *waiters;            /* Waiter */
  GSource *prefetch_source;
};

static void start_fetch (NexorPager *self,
                         gboolean    background);

static void
notify (NexorPager     *self,
        NexorPagerProp  prop)
{
  g_object_notify_by_pspec (self->owner, self->pspecs[prop]);
}

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancel_source != NULL)
    {
      g_source_destroy (waiter->cancel_source);
      g_source_unref (waiter->cancel_source);
    }
  g_object_unref (waiter->task);
  g_free (waiter);
}

NexorPager *
_nexor_pager_new (GObject               *owner,
                  const NexorPagerClass *klass,
                  GParamSpec * const    *pspecs,
                  NexorClient           *client,
                  guint                  page_size,
                  GCancellable          *cancellable)
{
  NexorPager *self = g_new0 (NexorPager, 1);

  self->owner = owner;
  self->klass = klass;
  for (guint i = 0; i < NEXOR_PAGER_N_PROPS; i++)
    self->pspecs[i] = pspecs[i];
  self->client = client != NULL ? g_object_ref (client) : NULL;
  self->page_size = page_size;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->context = g_main_context_ref_thread_default ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  self->has_more = TRUE;
  self->total = -1;
  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);

  return self;
}

static void
clear_prefetch (NexorPager *self)
{
  if (self->prefetch_source != NULL)
    {
      g_source_destroy (self->prefetch_source);
      g_clear_pointer (&self->prefetch_source, g_source_unref);
    }
}

static void
forward_cancel (GCancellable *from,
                gpointer      to)
{
  g_cancellable_cancel (G_CANCELLABLE (to));
}

static Fetch *
fetch_new (NexorPager *self,
           gboolean    background)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->pager = self;
  fetch->cancellable = g_cancellable_new ();
  fetch->offset = self->items->len;
  fetch->requested = self->page_size;
  fetch->background = background;

  /* Thread-safe: the list's cancellable may be cancelled from anywhere. */
  if (self->cancellable != NULL)
    {
      fetch->lifetime = g_object_ref (self->cancellable);
      fetch->lifetime_handler = g_cancellable_connect (fetch->lifetime, G_CALLBACK (forward_cancel),
                                                       g_object_ref (fetch->cancellable),
                                                       g_object_unref);
    }

  return fetch;
}

static void
fetch_free (Fetch *fetch)
{
  if (fetch->lifetime != NULL)
    {
      g_cancellable_disconnect (fetch->lifetime, fetch->lifetime_handler);
      g_object_unref (fetch->lifetime);
    }
  g_object_unref (fetch->cancellable);
  g_free (fetch);
}

static Fetch *
begin_fetch (NexorPager *self,
             gboolean    background)
{
  g_assert (!self->loading && self->fetch == NULL);

  clear_prefetch (self);
  self->loading = TRUE;
  self->fetch = fetch_new (self, background);

  notify (self, NEXOR_PAGER_PROP_LOADING);
  return self->fetch;
}

/* The pager stops waiting for the page in flight and cancels it; its
 * answer, if one still comes, is dropped. Nothing else changes: has-more
 * and error stay as they were, so a later load asks again. */
static void
abandon_fetch (NexorPager *self,
               gboolean    notify_loading)
{
  Fetch *fetch = g_steal_pointer (&self->fetch);

  fetch->pager = NULL;
  g_cancellable_cancel (fetch->cancellable);
  self->loading = FALSE;

  if (notify_loading)
    notify (self, NEXOR_PAGER_PROP_LOADING);
}

void
_nexor_pager_dispose (NexorPager *self)
{
  clear_prefetch (self);

  /* A page fetched in the background for a list no one holds any more is
   * of no use: waiters hold the list, so only such a page can be left. */
  if (self->fetch != NULL)
    abandon_fetch (self, FALSE);
}

void
_nexor_pager_free (NexorPager *self)
{
  if (self == NULL)
    return;

  _nexor_pager_dispose (self);
  g_assert (self->fetch == NULL);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_hash_table_unref (self->positions);
  g_ptr_array_unref (self->items);
  g_clear_error (&self->error);
  g_ptr_array_unref (self->waiters);
  g_free (self);
}

/* ---------------------------------------------------------------------------
 * The list model
 * ------------------------------------------------------------------------- */

guint
_nexor_pager_get_n_items (NexorPager *self)
{
  return self->items->len;
}

static gboolean
prefetch_cb (gpointer user_data)
{
  NexorPager *self = user_data;

  g_clear_pointer (&self->prefetch_source, g_source_unref);
  if (!self->loading && self->has_more && self->error == NULL)
    start_fetch (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
maybe_prefetch (NexorPager *self,
                guint       position)
{
  if (self->loading || !self->has_more || self->error != NULL || self->prefetch_source != NULL)
    return;
  if (position + PREFETCH_DISTANCE < self->items->len)
    return;
  if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    return;

  /* Never from inside get_item: a view may be in the middle of something,
   * and the fetch's signals must not reach it there. */
  self->prefetch_source = g_idle_source_new ();
  g_source_set_static_name (self->prefetch_source, self->klass->prefetch_source_name);
  g_source_set_callback (self->prefetch_source, prefetch_cb, self, NULL);
  g_source_attach (self->prefetch_source, self->context);
}

gpointer
_nexor_pager_get_item (NexorPager *self,
                       guint       position)
{
  if (position >= self->items->len)
    return NULL;

  maybe_prefetch (self, position);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

gboolean
_nexor_pager_get_loading (NexorPager *self)
{
  return self->loading;
}

gboolean
_nexor_pager_get_has_more (NexorPager *self)
{
  return self->has_more;
}

const GError *
_nexor_pager_get_error (NexorPager *self)
{
  return self->error;
}

gint64
_nexor_pager_get_total (NexorPager *self)
{
  return self->total;
}

/* ---------------------------------------------------------------------------
 * Applying a page
 * ------------------------------------------------------------------------- */

static gboolean
same_item (NexorPager *self,
           gpointer    a,
           gpointer    b)
{
  g_autoptr(JsonObject) a_json = self->klass->item_dup_json (a);
  g_autoptr(JsonObject) b_json = self->klass->item_dup_json (b);

  return json_object_equal (a_json, b_json);
}

/* Whether @items brings nothing the list does not have: every entry with an
 * id is one the list holds already, every entry without one is the same as
 * its counterpart on the page before. That is a server that ignores the
 * offset, or serves a page it sent before (the last one again, past the
 * end); appending would only grow the list with copies, for ever. Sets
 * @from to where the list has the first of them. */
static gboolean
page_repeats (NexorPager *self,
              GListModel *items,
              guint      *from)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      const char *id = self->klass->item_get_id (item);
      gpointer position = NULL;

      if (id != NULL)
        {
          if (!g_hash_table_lookup_extended (self->positions, id, NULL, &position))
            return FALSE;
        }
      else
        {
          if (i >= self->last_page_len ||
              !same_item (self, item, g_ptr_array_index (self->items, self->last_page_start + i)))
            return FALSE;
          position = GUINT_TO_POINTER (self->last_page_start + i);
        }

      if (i == 0)
        *from = GPOINTER_TO_UINT (position);
    }

  return n > 0;
}

static void
append_items (NexorPager *self,
              GListModel *items)
{
  guint n = g_list_model_get_n_items (items);

  self->last_page_start = self->items->len;
  self->last_page_len = n;

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (items, i);
      const char *id = self->klass->item_get_id (item);

      /* The first position of an id counts, should a server list one twice. */
      if (id != NULL && !g_hash_table_contains (self->positions, id))
        g_hash_table_insert (self->positions, (gpointer) id, GUINT_TO_POINTER (self->items->len));
      g_ptr_array_add (self->items, item);
    }
}

/* Takes @page or @error and ends @fetch, which the caller frees: applies the
 * page, or keeps the error, and then tells everyone: items-changed, the
 * property notifications, and the waiters. Returns how the fetch ended for
 * a blocking caller: %NULL for a page, or an error it owns.
 *
 * A cancel that came from the list (_nexor_pager_cancel(), its cancellable)
 * is the list's error until the next page; one that came from the blocking
 * caller's own cancellable is that caller's only. */
static GError *
end_fetch (NexorPager *self,
           Fetch      *fetch,
           GObject    *page,
           GError     *error)
{
  g_autoptr(GObject) keep = g_object_ref (self->owner);
  g_autoptr(GObject) owned_page = page;
  g_autoptr(GError) owned_error = error;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);
  NexorPageContents contents = { NULL, -1, -1 };
  gboolean had_more = self->has_more;
  gboolean had_error = self->error != NULL;
  gboolean error_changed = FALSE;
  guint n_before = self->items->len;
  guint n_new = 0;

  g_assert (self->fetch == fetch);

  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  self->fetch = NULL;
  self->loading = FALSE;

  if (page != NULL)
    {
      guint from = 0;

      self->klass->read_page (page, &contents);
      if (page_repeats (self, contents.items, &from))
        owned_error = error = self->klass->repeated_page_error (fetch->offset, from);
    }

  if (error == NULL)
    {
      n_new = g_list_model_get_n_items (contents.items);
      append_items (self, contents.items);

      /* The total of matches says best whether there is more; without it
       * the page's own flag, and without that a full page means there may
       * be more. A page with nothing in it ends the list whatever it says:
       * asking again at the same offset would never end. */
      if (n_new == 0)
        self->has_more = FALSE;
      else if (contents.total >= 0)
        self->has_more = (gint64) self->items->len < contents.total;
      else if (contents.has_more >= 0)
        self->has_more = contents.has_more != 0;
      else
        self->has_more = n_new >= fetch->requested;
      if (contents.total >= 0)
        self->total = contents.total;
      error_changed = had_error;
      g_clear_error (&self->error);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           fetch->stopped ||
           (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable)))
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      error_changed = TRUE;
    }

  g_object_freeze_notify (self->owner);

  if (n_new > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self->owner), n_before, 0, n_new);
      notify (self, NEXOR_PAGER_PROP_N_ITEMS);
    }
  notify (self, NEXOR_PAGER_PROP_LOADING);
  if (had_more != self->has_more)
    notify (self, NEXOR_PAGER_PROP_HAS_MORE);
  if (error_changed)
    notify (self, NEXOR_PAGER_PROP_ERROR);
  if (error == NULL && self->klass->page_applied != NULL)
    self->klass->page_applied (self->owner, page);

  g_object_thaw_notify (self->owner);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);

      /* Its cancel can no longer come in between. */
      if (waiter->cancel_source != NULL)
        g_source_destroy (waiter->cancel_source);
      if (error == NULL)
        g_task_return_boolean (waiter->task, TRUE);
      else
        g_task_return_error (waiter->task, g_error_copy (error));
    }

  return g_steal_pointer (&owned_error);
}

/* ---------------------------------------------------------------------------
 * Fetching
 * ------------------------------------------------------------------------- */

/* A list made without a client (g_object_new() from a binding, say) has
 * nothing to fetch with: every load fails with this, and is the list's
 * error, rather than reaching the request core with NULL. */
static gboolean
check_client (NexorPager  *self,
              GError     **error)
{
  GError *missing;

  if (self->client != NULL)
    return TRUE;

  missing = g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                 _("Invalid argument: the list has no client to fetch its pages with"));
  if (self->error == NULL)
    {
      self->error = g_error_copy (missing);
      notify (self, NEXOR_PAGER_PROP_ERROR);
    }
  g_propagate_error (error, missing);
  return FALSE;
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  GError *error = NULL;
  GObject *page;

  page = _nexor_client_send_finish (NEXOR_CLIENT (source), result, start_fetch, &error);
  if (fetch->pager != NULL)
    {
      GError *outcome = end_fetch (fetch->pager, fetch, page, error);

      g_clear_error (&outcome);
    }
  else
    {
      g_clear_object (&page);
      g_clear_error (&error);
    }

  fetch_free (fetch);
}

static void
start_fetch (NexorPager *self,
             gboolean    background)
{
  Fetch *fetch = begin_fetch (self, background);

  _nexor_client_send_async (self->client,
                            self->klass->page_request (self->owner, fetch->offset, fetch->requested),
                            fetch->cancellable, on_page, fetch, start_fetch);
}

/* A waiter's own cancellable was cancelled: it alone fails, at once. The
 * page it waited for is cancelled only when no one waits for it any more,
 * and then the list is as if it had never been asked for. */
static gboolean
on_waiter_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  NexorPager *self = waiter->pager;
  g_autoptr(GTask) owned = g_object_ref (waiter->task);

  /* Frees @waiter. */
  g_ptr_array_remove (self->waiters, waiter);

  if (self->waiters->len == 0 && self->fetch != NULL && !self->fetch->background)
    abandon_fetch (self, TRUE);

  g_task_return_error_if_cancelled (owned);
  return G_SOURCE_REMOVE;
}

static void
add_waiter (NexorPager *self,
            GTask      *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  Waiter *waiter = g_new0 (Waiter, 1);

  waiter->pager = self;
  waiter->task = task;
  if (cancellable != NULL)
    {
      /* A source in the task's context: the cancel may come from any
       * thread, the answer goes out in this one. */
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (waiter->cancel_source, self->klass->waiter_source_name);
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (on_waiter_cancelled), waiter, NULL);
      g_source_attach (waiter->cancel_source, g_task_get_context (task));
    }

  g_ptr_array_add (self->waiters, waiter);
}

void
_nexor_pager_load_more_async (NexorPager          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data,
                              gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self->owner, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!self->has_more)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!check_client (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->fetch == NULL)
    start_fetch (self, FALSE);

  add_waiter (self, g_steal_pointer (&task));
}

gboolean
_nexor_pager_finish (GObject       *owner,
                     GAsyncResult  *result,
                     gpointer       source_tag,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, owner), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_nexor_pager_return_list (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_return_if_fail (g_task_is_valid (result, source));

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_pointer (task, g_object_ref (source), g_object_unref);
  else
    g_task_return_error (task, error);
}

gboolean
_nexor_pager_load_more (NexorPager    *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GError *local_error = NULL;
  GObject *page;
  Fetch *fetch;
  gulong handler = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!self->has_more)
    return TRUE;
  if (!check_client (self, error))
    return FALSE;

  /* A blocking call cannot wait for an async request; one that only the
   * list's prefetch wants is fetched here instead. */
  if (self->fetch != NULL && self->fetch->background && self->waiters->len == 0)
    abandon_fetch (self, TRUE);
  if (self->loading)
    {
      g_propagate_error (error, self->klass->pending_error ());
      return FALSE;
    }

  fetch = begin_fetch (self, FALSE);
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                     g_object_ref (fetch->cancellable), g_object_unref);
  page = _nexor_client_send (self->client,
                             self->klass->page_request (self->owner, fetch->offset, fetch->requested),
                             fetch->cancellable, &local_error);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  local_error = end_fetch (self, fetch, page, local_error);
  fetch_free (fetch);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static void load_all_next (GTask *task);

static void
on_load_all_page (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!_nexor_pager_finish (source, result, load_all_next, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  load_all_next (task);
}

/* Takes @task. Each page that succeeds while there is more either adds
 * entries or ends the list (a repeated page is an error), so this ends. */
static void
load_all_next (GTask *task)
{
  NexorPager *self = g_task_get_task_data (task);

  if (!self->has_more)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  _nexor_pager_load_more_async (self, g_task_get_cancellable (task), on_load_all_page, task,
                                load_all_next);
}

void
_nexor_pager_load_all_async (NexorPager          *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data,
                             gpointer             source_tag)
{
  GTask *task = g_task_new (self->owner, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* The task holds the owner, which holds the pager. */
  g_task_set_task_data (task, self, NULL);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  load_all_next (task);
}

gboolean
_nexor_pager_load_all (NexorPager    *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  while (self->has_more)
    if (!_nexor_pager_load_more (self, cancellable, error))
      return FALSE;

  return TRUE;
}

void
_nexor_pager_cancel (NexorPager *self)
{
  clear_prefetch (self);
  if (self->fetch != NULL)
    {
      Fetch *fetch = self->fetch;
      GError *error = NULL;
      GError *outcome;

      /* Done now, not when the request reports back: a caller who asks
       * for more after this gets a new fetch, not this cancelled one. The
       * request's callback still owns the fetch and frees it. */
      fetch->pager = NULL;
      fetch->stopped = TRUE;
      g_cancellable_cancel (fetch->cancellable);
      g_cancellable_set_error_if_cancelled (fetch->cancellable, &error);
      outcome = end_fetch (self, fetch, NULL, error);
      g_clear_error (&outcome);
    }
}
