/* nexor-history-list.c: a lead's timeline, fetched page by page
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-history-item-private.h"
#include "nexor-history-list-private.h"
#include "nexor-json-private.h"
#include "nexor-lead-private.h"

/**
 * NexorHistoryList:
 *
 * A lead's timeline — messages, calls, missed calls and activities, oldest
 * first — as a [iface@Gio.ListModel] of [class@Nexor.HistoryItem] that
 * fetches its pages (`GET /leads/{id}/history`) as they are needed.
 *
 * [method@Nexor.Client.list_lead_history_async] gives a list with its first
 * page loaded. After that, asking for one of the last few items with
 * [method@Gio.ListModel.get_item] fetches the next page in the background, so
 * a `GtkListView` scrolls through the whole history without further code;
 * [method@Nexor.HistoryList.load_more_async] fetches the next page on demand.
 * Getting an item never blocks: it returns what is loaded, and new items
 * arrive through [signal@Gio.ListModel::items-changed].
 *
 * ## All of it
 *
 * A list holds only the pages fetched so far: going through its
 * [property@Nexor.HistoryList:n-items] entries is not the whole history while
 * [property@Nexor.HistoryList:has-more] is %TRUE.
 * [method@Nexor.HistoryList.load_all_async] (or the blocking
 * [method@Nexor.HistoryList.load_all]) fetches the pages that are left, until
 * the server says there are no more, and fails rather than stop short;
 * [method@Nexor.Client.list_all_lead_history_async] gives a list with every
 * page loaded in one call. An iterator that fetches as it goes, as the
 * language bindings build, reads the entries up to
 * [property@Nexor.HistoryList:n-items] and, while
 * [property@Nexor.HistoryList:has-more] is %TRUE, calls
 * [method@Nexor.HistoryList.load_more]: each call that succeeds adds entries
 * or ends the list. A server that answers with entries the list already has
 * (it ignores the offset) fails the page with %NEXOR_ERROR_INVALID_RESPONSE
 * instead of making the list grow for ever.
 *
 * ## State
 *
 * [property@Nexor.HistoryList:loading] is %TRUE while a page is being
 * fetched and [property@Nexor.HistoryList:has-more] says whether there is
 * more to fetch. A page that fails is kept in
 * [property@Nexor.HistoryList:error] (and has-more stays %TRUE); nothing more
 * is fetched in the background until a load succeeds, which clears it.
 *
 * ## Cancelling
 *
 * A cancel affects its own caller only:
 *
 * - Cancelling the cancellable given to
 *   [method@Nexor.HistoryList.load_more_async] or
 *   [method@Nexor.HistoryList.load_all_async] fails that call at once. Other
 *   callers waiting for the same page still get it. When every caller
 *   waiting for a page has cancelled, its request is cancelled too and the
 *   list is left as it was before: loading goes back to %FALSE, has-more
 *   and the entries are unchanged, and error is not set, so the next load
 *   asks for the page again. A page fetched in the background goes on.
 * - The cancellable given to [method@Nexor.Client.list_lead_history_async]
 *   cancels that call, the first page, and nothing after it.
 * - The list itself: [method@Nexor.HistoryList.cancel] cancels the page
 *   being fetched for everyone, and
 *   [property@Nexor.HistoryList:cancellable], when a list is made with one,
 *   cancels every fetch of the list's life. Their waiters fail with
 *   %G_IO_ERROR_CANCELLED, which also becomes the list's error, so that
 *   nothing is fetched in the background until the next load. Dropping the
 *   last reference to a list cancels a page it was fetching in the
 *   background.
 *
 * A list belongs to the thread it was created in: use it there, and iterate
 * that thread's thread-default main context.
 *
 * Since: 0.1
 */

/* Asking for one of the last PREFETCH_DISTANCE items fetches the next page. */
#define PREFETCH_DISTANCE 5

struct _NexorHistoryPage
{
  GObject parent_instance;

  GListModel *items;
  NexorLead *lead;
  int has_more;
};

G_DEFINE_FINAL_TYPE (NexorHistoryPage, _nexor_history_page, G_TYPE_OBJECT)

/* A caller of load_more_async() waiting for the page in flight. */
typedef struct {
  GTask *task;
  GSource *cancel_source;        /* the caller's own cancellable; NULL without one */
} Waiter;

/* One page request in flight. Its callback owns it; the list points to it
 * only while it waits for the answer, so a list that stops waiting (every
 * waiter gave up, or the list went away) just lets it go. */
typedef struct {
  NexorHistoryList *list;        /* NULL once the list no longer waits for it */
  GCancellable *cancellable;
  GCancellable *lifetime;        /* the list's own cancellable, forwarded here */
  gulong lifetime_handler;
  guint offset;
  guint requested;
  gboolean background;           /* a prefetch: waiters leaving do not cancel it */
  gboolean stopped;              /* nexor_history_list_cancel() */
} Fetch;

struct _NexorHistoryList
{
  GObject parent_instance;

  NexorClient *client;
  char *lead_id;
  GStrv channels;
  guint page_size;
  GCancellable *cancellable;     /* given at creation; may be NULL */
  GMainContext *context;         /* where background fetches run */

  GPtrArray *items;              /* NexorHistoryItem */
  GHashTable *positions;         /* id (owned by its item) → position of the item */
  guint last_page_start;
  guint last_page_len;
  NexorLead *lead;
  gboolean has_more;
  GError *error;

  gboolean loading;
  Fetch *fetch;                  /* the page in flight, if any */
  GPtrArray *waiters;            /* Waiter */
  GSource *prefetch_source;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LEAD_ID,
  PROP_CHANNELS,
  PROP_PAGE_SIZE,
  PROP_CANCELLABLE,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_HAS_MORE,
  PROP_ERROR,
  PROP_LEAD,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void nexor_history_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NexorHistoryList, nexor_history_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nexor_history_list_model_init))

/* ---------------------------------------------------------------------------
 * A page
 * ------------------------------------------------------------------------- */

static void
_nexor_history_page_finalize (GObject *object)
{
  NexorHistoryPage *self = NEXOR_HISTORY_PAGE (object);

  g_clear_object (&self->items);
  g_clear_object (&self->lead);

  G_OBJECT_CLASS (_nexor_history_page_parent_class)->finalize (object);
}

static void
_nexor_history_page_class_init (NexorHistoryPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = _nexor_history_page_finalize;
}

static void
_nexor_history_page_init (NexorHistoryPage *self)
{
  self->has_more = -1;
}

static void
read_has_more (JsonObject  *object,
               int         *has_more)
{
  static const char * const names[] = { "has_more", "hasMore", NULL };
  const char *name = NULL;
  JsonNode *node = _nexor_json_lookup (object, names, &name);

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autoptr(GError) why = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                                           _("it should be a boolean, not %s"),
                                           _nexor_json_node_type_name (node));

      /* Unknown, as if it were missing: the page size tells instead. */
      _nexor_json_skip_member ("lead history", name, why);
      return;
    }

  *has_more = json_node_get_boolean (node);
}

NexorHistoryPage *
_nexor_history_page_new_from_response (JsonNode           *root,
                                       NexorJsonDocument  *document,
                                       GError            **error)
{
  g_autoptr(NexorHistoryPage) self = g_object_new (NEXOR_TYPE_HISTORY_PAGE, NULL);
  JsonObject *object;
  JsonObject *member = NULL;

  self->items = _nexor_json_unwrap_list (root, "history", "lead history", NEXOR_TYPE_HISTORY_ITEM,
                                         (NexorResourceParseFunc) _nexor_history_item_new_from_json,
                                         document,
                                         error);
  if (self->items == NULL)
    return NULL;

  /* A bare array of items is all there is. */
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return g_steal_pointer (&self);
  object = json_node_get_object (root);

  member = _nexor_json_get_optional_object (object, "lead history", "lead");
  if (member != NULL)
    {
      g_autoptr(GError) why = NULL;

      self->lead = _nexor_lead_new_from_json (member, NULL, document, &why);
      if (self->lead == NULL)
        _nexor_json_skip_member ("lead history", "lead", why);
    }

  member = _nexor_json_get_optional_object (object, "lead history", "pagination");
  read_has_more (member != NULL ? member : object, &self->has_more);

  return g_steal_pointer (&self);
}

GListModel *
_nexor_history_page_get_items (NexorHistoryPage *self)
{
  return self->items;
}

NexorLead *
_nexor_history_page_get_lead (NexorHistoryPage *self)
{
  return self->lead;
}

int
_nexor_history_page_get_has_more (NexorHistoryPage *self)
{
  return self->has_more;
}

/* ---------------------------------------------------------------------------
 * The list model
 * ------------------------------------------------------------------------- */

static GType
nexor_history_list_model_get_item_type (GListModel *model)
{
  return NEXOR_TYPE_HISTORY_ITEM;
}

static guint
nexor_history_list_model_get_n_items (GListModel *model)
{
  return NEXOR_HISTORY_LIST (model)->items->len;
}

static void start_fetch (NexorHistoryList *self,
                         gboolean          background);

static void
clear_prefetch (NexorHistoryList *self)
{
  if (self->prefetch_source != NULL)
    {
      g_source_destroy (self->prefetch_source);
      g_clear_pointer (&self->prefetch_source, g_source_unref);
    }
}

static gboolean
prefetch_cb (gpointer user_data)
{
  NexorHistoryList *self = user_data;

  g_clear_pointer (&self->prefetch_source, g_source_unref);
  if (!self->loading && self->has_more && self->error == NULL)
    start_fetch (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
maybe_prefetch (NexorHistoryList *self,
                guint             position)
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
  g_source_set_static_name (self->prefetch_source, "[nexor] history prefetch");
  g_source_set_callback (self->prefetch_source, prefetch_cb, self, NULL);
  g_source_attach (self->prefetch_source, self->context);
}

static gpointer
nexor_history_list_model_get_item (GListModel *model,
                                   guint       position)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (model);

  if (position >= self->items->len)
    return NULL;

  maybe_prefetch (self, position);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
nexor_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nexor_history_list_model_get_item_type;
  iface->get_n_items = nexor_history_list_model_get_n_items;
  iface->get_item = nexor_history_list_model_get_item;
}

/* ---------------------------------------------------------------------------
 * Fetching
 * ------------------------------------------------------------------------- */

static void
forward_cancel (GCancellable *from,
                gpointer      to)
{
  g_cancellable_cancel (G_CANCELLABLE (to));
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

static Fetch *
fetch_new (NexorHistoryList *self,
           gboolean          background)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->list = self;
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

static NexorRequest *
page_request (NexorHistoryList *self,
              Fetch            *fetch)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) _nexor_history_page_new_from_response);
  char number[16];

  _nexor_request_add_segment (request, "leads");
  _nexor_request_add_id_segment (request, "lead", self->lead_id);
  _nexor_request_add_segment (request, "history");
  _nexor_request_add_list_query (request, "channel", (const char * const *) self->channels);
  g_snprintf (number, sizeof number, "%u", fetch->requested);
  _nexor_request_add_query (request, "limit", number);
  g_snprintf (number, sizeof number, "%u", fetch->offset);
  _nexor_request_add_query (request, "offset", number);
  return request;
}

static Fetch *
begin_fetch (NexorHistoryList *self,
             gboolean          background)
{
  g_assert (!self->loading && self->fetch == NULL);

  clear_prefetch (self);
  self->loading = TRUE;
  self->fetch = fetch_new (self, background);

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
  return self->fetch;
}

/* The list stops waiting for the page in flight and cancels it; its answer,
 * if one still comes, is dropped. Nothing else changes: has-more and error
 * stay as they were, so a later load_more_async() asks again. */
static void
abandon_fetch (NexorHistoryList *self,
               gboolean          notify)
{
  Fetch *fetch = g_steal_pointer (&self->fetch);

  fetch->list = NULL;
  g_cancellable_cancel (fetch->cancellable);
  self->loading = FALSE;

  if (notify)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

static gboolean
same_item (NexorHistoryItem *a,
           NexorHistoryItem *b)
{
  g_autoptr(JsonObject) a_json = nexor_history_item_dup_json (a);
  g_autoptr(JsonObject) b_json = nexor_history_item_dup_json (b);

  return json_object_equal (a_json, b_json);
}

/* Whether @items brings nothing the list does not have: every entry with an
 * id is one the list holds already, every entry without one is the same as
 * its counterpart on the page before. That is a server that ignores the
 * offset, or serves a page it sent before (the last one again, past the
 * end); appending would only grow the list with copies, for ever. Sets
 * @from to where the list has the first of them. */
static gboolean
page_repeats (NexorHistoryList *self,
              GListModel       *items,
              guint            *from)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorHistoryItem) item = g_list_model_get_item (items, i);
      const char *id = nexor_history_item_get_id (item);
      gpointer position = NULL;

      if (id != NULL)
        {
          if (!g_hash_table_lookup_extended (self->positions, id, NULL, &position))
            return FALSE;
        }
      else
        {
          if (i >= self->last_page_len ||
              !same_item (item, g_ptr_array_index (self->items, self->last_page_start + i)))
            return FALSE;
          position = GUINT_TO_POINTER (self->last_page_start + i);
        }

      if (i == 0)
        *from = GPOINTER_TO_UINT (position);
    }

  return n > 0;
}

static void
append_items (NexorHistoryList *self,
              GListModel       *items)
{
  guint n = g_list_model_get_n_items (items);

  self->last_page_start = self->items->len;
  self->last_page_len = n;

  for (guint i = 0; i < n; i++)
    {
      NexorHistoryItem *item = g_list_model_get_item (items, i);
      const char *id = nexor_history_item_get_id (item);

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
 * A cancel that came from the list (nexor_history_list_cancel(), its
 * cancellable) is the list's error until the next page; one that came from
 * the blocking caller's own cancellable is that caller's only. */
static GError *
end_fetch (NexorHistoryList *self,
           Fetch            *fetch,
           NexorHistoryPage *page,
           GError           *error)
{
  g_autoptr(NexorHistoryList) keep = g_object_ref (self);
  g_autoptr(NexorHistoryPage) owned_page = page;
  g_autoptr(GError) owned_error = error;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);
  gboolean had_more = self->has_more;
  gboolean had_error = self->error != NULL;
  gboolean error_changed = FALSE;
  gboolean new_lead = FALSE;
  guint n_before = self->items->len;
  guint n_new = 0;

  g_assert (self->fetch == fetch);

  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  self->fetch = NULL;
  self->loading = FALSE;

  if (page != NULL)
    {
      GListModel *items = _nexor_history_page_get_items (page);
      guint from = 0;

      if (page_repeats (self, items, &from))
        owned_error = error = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                                           _("The server sent the same page of history again: asked "
                                             "for offset %u, it answered with the entries from offset "
                                             "%u; it seems to ignore the offset"),
                                           fetch->offset, from);
    }

  if (error == NULL)
    {
      GListModel *items = _nexor_history_page_get_items (page);
      int has_more = _nexor_history_page_get_has_more (page);

      n_new = g_list_model_get_n_items (items);
      append_items (self, items);

      /* Without pagination.has_more, a full page means there may be more.
       * A page with nothing in it ends the list whatever it says: asking
       * again at the same offset would never end. */
      self->has_more = n_new > 0 && (has_more >= 0 ? has_more != 0 : n_new >= fetch->requested);
      error_changed = had_error;
      g_clear_error (&self->error);

      if (self->lead == NULL && _nexor_history_page_get_lead (page) != NULL)
        {
          self->lead = g_object_ref (_nexor_history_page_get_lead (page));
          new_lead = TRUE;
        }
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           fetch->stopped ||
           (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable)))
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      error_changed = TRUE;
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (n_new > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, n_new);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
  if (had_more != self->has_more)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_HAS_MORE]);
  if (error_changed)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ERROR]);
  if (new_lead)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD]);

  g_object_thaw_notify (G_OBJECT (self));

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

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  GError *error = NULL;
  NexorHistoryPage *page;

  page = _nexor_client_send_finish (NEXOR_CLIENT (source), result, start_fetch, &error);
  if (fetch->list != NULL)
    {
      GError *outcome = end_fetch (fetch->list, fetch, page, error);

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
start_fetch (NexorHistoryList *self,
             gboolean          background)
{
  Fetch *fetch = begin_fetch (self, background);

  _nexor_client_send_async (self->client, page_request (self, fetch), fetch->cancellable,
                            on_page, fetch, start_fetch);
}

/* A waiter's own cancellable was cancelled: it alone fails, at once. The
 * page it waited for is cancelled only when no one waits for it any more,
 * and then the list is as if it had never been asked for. */
static gboolean
on_waiter_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;
  NexorHistoryList *self = g_task_get_source_object (task);
  g_autoptr(GTask) owned = g_object_ref (task);

  for (guint i = 0; i < self->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (self->waiters, i);

      if (waiter->task == task)
        {
          g_ptr_array_remove_index (self->waiters, i);
          break;
        }
    }

  if (self->waiters->len == 0 && self->fetch != NULL && !self->fetch->background)
    abandon_fetch (self, TRUE);

  g_task_return_error_if_cancelled (owned);
  return G_SOURCE_REMOVE;
}

static void
add_waiter (NexorHistoryList *self,
            GTask            *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  Waiter *waiter = g_new0 (Waiter, 1);

  waiter->task = task;
  if (cancellable != NULL)
    {
      /* A source in the task's context: the cancel may come from any
       * thread, the answer goes out in this one. */
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (waiter->cancel_source, "[nexor] history waiter cancelled");
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (on_waiter_cancelled), task, NULL);
      g_source_attach (waiter->cancel_source, g_task_get_context (task));
    }

  g_ptr_array_add (self->waiters, waiter);
}

/* ---------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
nexor_history_list_constructed (GObject *object)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  G_OBJECT_CLASS (nexor_history_list_parent_class)->constructed (object);

  self->context = g_main_context_ref_thread_default ();
}

static void
nexor_history_list_dispose (GObject *object)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  clear_prefetch (self);

  /* A page fetched in the background for a list no one holds any more is
   * of no use: waiters hold the list, so only such a page can be left. */
  if (self->fetch != NULL)
    abandon_fetch (self, FALSE);

  G_OBJECT_CLASS (nexor_history_list_parent_class)->dispose (object);
}

static void
nexor_history_list_finalize (GObject *object)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  g_assert (self->fetch == NULL);

  g_clear_object (&self->client);
  g_free (self->lead_id);
  g_strfreev (self->channels);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_hash_table_unref (self->positions);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->lead);
  g_clear_error (&self->error);
  g_ptr_array_unref (self->waiters);

  G_OBJECT_CLASS (nexor_history_list_parent_class)->finalize (object);
}

static void
nexor_history_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LEAD_ID:
      g_value_set_string (value, self->lead_id);
      break;
    case PROP_CHANNELS:
      g_value_set_boxed (value, self->channels);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    case PROP_CANCELLABLE:
      g_value_set_object (value, self->cancellable);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_LEAD:
      g_value_set_object (value, self->lead);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_history_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_LEAD_ID:
      self->lead_id = g_value_dup_string (value);
      break;
    case PROP_CHANNELS:
      self->channels = g_value_dup_boxed (value);
      break;
    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;
    case PROP_CANCELLABLE:
      self->cancellable = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_history_list_class_init (NexorHistoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = nexor_history_list_constructed;
  object_class->dispose = nexor_history_list_dispose;
  object_class->finalize = nexor_history_list_finalize;
  object_class->get_property = nexor_history_list_get_property;
  object_class->set_property = nexor_history_list_set_property;

  /**
   * NexorHistoryList:client:
   *
   * The client pages are fetched with.
   *
   * Since: 0.1
   */
  props[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, NEXOR_TYPE_CLIENT, construct_only);

  /**
   * NexorHistoryList:lead-id:
   *
   * The id of the lead whose history this is. An id that is not a UUID makes
   * every fetch fail with %NEXOR_ERROR_INVALID_ARGUMENT, without a request.
   *
   * Since: 0.1
   */
  props[PROP_LEAD_ID] =
    g_param_spec_string ("lead-id", NULL, NULL, NULL, construct_only);

  /**
   * NexorHistoryList:channels:
   *
   * The channels to list, such as `whatsapp` and `call`; %NULL or empty for
   * all of them.
   *
   * Since: 0.1
   */
  props[PROP_CHANNELS] =
    g_param_spec_boxed ("channels", NULL, NULL, G_TYPE_STRV, construct_only);

  /**
   * NexorHistoryList:page-size:
   *
   * How many entries to ask for per page, from 1 to
   * [const@Nexor.HISTORY_LIST_MAX_PAGE_SIZE].
   *
   * Since: 0.1
   */
  props[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, NEXOR_HISTORY_LIST_MAX_PAGE_SIZE,
                       NEXOR_HISTORY_LIST_DEFAULT_PAGE_SIZE, construct_only);

  /**
   * NexorHistoryList:cancellable:
   *
   * A cancellable for the list's whole life: cancelling it cancels the page
   * being fetched and every later fetch, for every caller, and the list
   * keeps %G_IO_ERROR_CANCELLED as its error. The lists that
   * [class@Nexor.Client] returns have none; the cancellable of a call is
   * that call's only.
   *
   * Since: 0.1
   */
  props[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE, construct_only);

  /**
   * NexorHistoryList:n-items:
   *
   * How many entries have been fetched so far.
   *
   * Since: 0.1
   */
  props[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, readable);

  /**
   * NexorHistoryList:loading:
   *
   * Whether a page is being fetched.
   *
   * Since: 0.1
   */
  props[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);

  /**
   * NexorHistoryList:has-more:
   *
   * Whether there may be more entries to fetch: %TRUE until a page says
   * there are no more (`pagination.has_more`, or a page shorter than
   * [property@Nexor.HistoryList:page-size] when the server does not say).
   *
   * Since: 0.1
   */
  props[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, TRUE, readable);

  /**
   * NexorHistoryList:error:
   *
   * Why the last fetch failed, or %NULL if it did not. Cleared when a page
   * arrives. A fetch that its callers cancelled did not fail: it leaves this
   * as it was.
   *
   * Since: 0.1
   */
  props[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, readable);

  /**
   * NexorHistoryList:lead:
   *
   * The lead, as summarized by the first page (name, contact details and
   * creation time), or %NULL before it arrives.
   *
   * Since: 0.1
   */
  props[PROP_LEAD] =
    g_param_spec_object ("lead", NULL, NULL, NEXOR_TYPE_LEAD, readable);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
nexor_history_list_init (NexorHistoryList *self)
{
  self->page_size = NEXOR_HISTORY_LIST_DEFAULT_PAGE_SIZE;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->has_more = TRUE;
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
}

/* ---------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

/**
 * nexor_history_list_new:
 * @client: the client to fetch pages with
 * @lead_id: the id of the lead, a UUID
 * @channels: (nullable) (array zero-terminated=1): the channels to list, such
 *   as `whatsapp`, `email` and `call`; %NULL for all of them
 * @cancellable: (nullable): a [class@Gio.Cancellable] that cancels every
 *   fetch of the list, for its whole life; see
 *   [property@Nexor.HistoryList:cancellable]
 *
 * Creates an empty history list; nothing is fetched until
 * [method@Nexor.HistoryList.load_more_async] is called.
 * [method@Nexor.Client.list_lead_history_async] makes one and fetches its
 * first page in one go. To ask for pages of another size, create the list
 * with [ctor@GObject.Object.new] and [property@Nexor.HistoryList:page-size].
 *
 * Returns: (transfer full): a new history list
 *
 * Since: 0.1
 */
NexorHistoryList *
nexor_history_list_new (NexorClient        *client,
                        const char         *lead_id,
                        const char * const *channels,
                        GCancellable       *cancellable)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return g_object_new (NEXOR_TYPE_HISTORY_LIST,
                       "client", client,
                       "lead-id", lead_id,
                       "channels", channels,
                       "cancellable", cancellable,
                       NULL);
}

/**
 * nexor_history_list_load_more_async:
 * @self: a [class@Nexor.HistoryList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @callback: (scope async): called when the page has arrived or failed
 * @user_data: (closure): data for @callback
 *
 * Fetches the next page (the first one, on a new list). When a page is
 * already being fetched, for example in the background, this waits for that
 * page instead of asking for another. When there is nothing more to fetch it
 * completes at once, successfully.
 *
 * The new entries are in the list, and [signal@Gio.ListModel::items-changed]
 * has been emitted, by the time @callback runs.
 *
 * Cancelling @cancellable fails this call at once with
 * %G_IO_ERROR_CANCELLED and nothing else: other callers waiting for the same
 * page still get it. The request itself is cancelled only when every caller
 * waiting for it has cancelled (a page the list fetches in the background
 * goes on), and then the list is as it was before: no
 * [property@Nexor.HistoryList:error], and the next call asks again.
 *
 * Since: 0.1
 */
void
nexor_history_list_load_more_async (NexorHistoryList    *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NEXOR_IS_HISTORY_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nexor_history_list_load_more_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!self->has_more)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->fetch == NULL)
    start_fetch (self, FALSE);

  add_waiter (self, g_steal_pointer (&task));
}

/**
 * nexor_history_list_load_more_finish:
 * @self: a [class@Nexor.HistoryList]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.HistoryList.load_more_async].
 *
 * Returns: %TRUE if the page arrived or there was nothing more to fetch;
 *   %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_history_list_load_more_finish (NexorHistoryList  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, nexor_history_list_load_more_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nexor_history_list_load_more:
 * @self: a [class@Nexor.HistoryList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @error: return location for an error
 *
 * Fetches the next page, blocking the calling thread, which must be the
 * thread the list belongs to; see [method@Nexor.HistoryList.load_more_async].
 * While [method@Nexor.HistoryList.load_more_async] callers wait for a page
 * this fails with %G_IO_ERROR_PENDING; a page the list was fetching in the
 * background for no one is cancelled and fetched by this call instead.
 *
 * This is the step an iterator over the whole history takes when it has
 * gone through the [property@Nexor.HistoryList:n-items] entries loaded and
 * [property@Nexor.HistoryList:has-more] is still %TRUE; a call that succeeds
 * while there is more either adds entries or ends the list, so such an
 * iterator never stops short and never spins.
 *
 * Returns: %TRUE if the page arrived or there was nothing more to fetch;
 *   %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_history_list_load_more (NexorHistoryList  *self,
                              GCancellable      *cancellable,
                              GError           **error)
{
  GError *local_error = NULL;
  NexorHistoryPage *page;
  Fetch *fetch;
  gulong handler = 0;

  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!self->has_more)
    return TRUE;

  /* A blocking call cannot wait for an async request; one that only the
   * list's prefetch wants is fetched here instead. */
  if (self->fetch != NULL && self->fetch->background && self->waiters->len == 0)
    abandon_fetch (self, TRUE);
  if (self->loading)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("A page of this history is already being fetched"));
      return FALSE;
    }

  fetch = begin_fetch (self, FALSE);
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                     g_object_ref (fetch->cancellable), g_object_unref);
  page = _nexor_client_send (self->client, page_request (self, fetch), fetch->cancellable, &local_error);
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

  if (!nexor_history_list_load_more_finish (NEXOR_HISTORY_LIST (source), result, &error))
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
  NexorHistoryList *self = g_task_get_source_object (task);

  if (!self->has_more)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  nexor_history_list_load_more_async (self, g_task_get_cancellable (task), on_load_all_page, task);
}

/**
 * nexor_history_list_load_all_async:
 * @self: a [class@Nexor.HistoryList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @callback: (scope async): called when every page has arrived, or one
 *   failed
 * @user_data: (closure): data for @callback
 *
 * Fetches page after page, each as [method@Nexor.HistoryList.load_more_async]
 * does, until [property@Nexor.HistoryList:has-more] is %FALSE: the whole
 * history. Each page is of [property@Nexor.HistoryList:page-size] entries and
 * is one call to the server, with the client's retries and deadline
 * ([property@Nexor.Client:timeout]) applying to each page on its own.
 *
 * It never stops short silently: it succeeds only once the server has said
 * there is nothing more, and otherwise fails with the error of the page that
 * failed, which also stays in [property@Nexor.HistoryList:error]; the
 * entries of the pages before it stay in the list. A server that answers
 * with a page the list already has (one that ignores the offset, or sends the
 * last page again past the end) fails it with
 * %NEXOR_ERROR_INVALID_RESPONSE instead of looping for ever; a page with
 * nothing in it ends the list.
 *
 * Cancelling @cancellable fails this call with %G_IO_ERROR_CANCELLED, with
 * the same rules as cancelling [method@Nexor.HistoryList.load_more_async]:
 * the list keeps the pages that arrived and is left without an error.
 *
 * Since: 0.1
 */
void
nexor_history_list_load_all_async (NexorHistoryList    *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (NEXOR_IS_HISTORY_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nexor_history_list_load_all_async);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  load_all_next (task);
}

/**
 * nexor_history_list_load_all_finish:
 * @self: a [class@Nexor.HistoryList]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.HistoryList.load_all_async].
 *
 * Returns: %TRUE if the list holds the whole history; %FALSE with @error
 *   set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_history_list_load_all_finish (NexorHistoryList  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, nexor_history_list_load_all_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nexor_history_list_load_all:
 * @self: a [class@Nexor.HistoryList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Fetches every page that is left, blocking the calling thread, which must
 * be the thread the list belongs to; see
 * [method@Nexor.HistoryList.load_all_async]. It is
 * [method@Nexor.HistoryList.load_more] called until
 * [property@Nexor.HistoryList:has-more] is %FALSE, and like it fails with
 * %G_IO_ERROR_PENDING while async callers wait for a page.
 *
 * Returns: %TRUE if the list holds the whole history; %FALSE with @error
 *   set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_history_list_load_all (NexorHistoryList  *self,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  while (self->has_more)
    if (!nexor_history_list_load_more (self, cancellable, error))
      return FALSE;

  return TRUE;
}

/**
 * nexor_history_list_cancel:
 * @self: a [class@Nexor.HistoryList]
 *
 * Cancels the page being fetched, if any, for everyone: every caller waiting
 * for it fails with %G_IO_ERROR_CANCELLED, which also becomes
 * [property@Nexor.HistoryList:error], so nothing more is fetched in the
 * background until [method@Nexor.HistoryList.load_more_async] is called.
 * The entries loaded so far stay. To stop a single call, cancel the
 * cancellable given to it instead.
 *
 * Since: 0.1
 */
void
nexor_history_list_cancel (NexorHistoryList *self)
{
  g_return_if_fail (NEXOR_IS_HISTORY_LIST (self));

  clear_prefetch (self);
  if (self->fetch != NULL)
    {
      Fetch *fetch = self->fetch;
      GError *error = NULL;
      GError *outcome;

      /* Done now, not when the request reports back: a caller who asks
       * for more after this gets a new fetch, not this cancelled one. The
       * request's callback still owns the fetch and frees it. */
      fetch->list = NULL;
      fetch->stopped = TRUE;
      g_cancellable_cancel (fetch->cancellable);
      g_cancellable_set_error_if_cancelled (fetch->cancellable, &error);
      outcome = end_fetch (self, fetch, NULL, error);
      g_clear_error (&outcome);
    }
}

/**
 * nexor_history_list_get_client:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:client] property.
 *
 * Returns: (transfer none): the client
 *
 * Since: 0.1
 */
NexorClient *
nexor_history_list_get_client (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), NULL);

  return self->client;
}

/**
 * nexor_history_list_get_lead_id:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:lead-id] property.
 *
 * Returns: (nullable): the lead id
 *
 * Since: 0.1
 */
const char *
nexor_history_list_get_lead_id (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), NULL);

  return self->lead_id;
}

/**
 * nexor_history_list_get_channels:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:channels] property.
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the channels,
 *   or %NULL for all
 *
 * Since: 0.1
 */
const char * const *
nexor_history_list_get_channels (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), NULL);

  return (const char * const *) self->channels;
}

/**
 * nexor_history_list_get_page_size:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:page-size] property.
 *
 * Returns: how many entries a page asks for
 *
 * Since: 0.1
 */
guint
nexor_history_list_get_page_size (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), 0);

  return self->page_size;
}

/**
 * nexor_history_list_get_n_items:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:n-items] property, the same as
 * [method@Gio.ListModel.get_n_items].
 *
 * Returns: how many entries have been fetched
 *
 * Since: 0.1
 */
guint
nexor_history_list_get_n_items (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), 0);

  return self->items->len;
}

/**
 * nexor_history_list_get_loading:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:loading] property.
 *
 * Returns: whether a page is being fetched
 *
 * Since: 0.1
 */
gboolean
nexor_history_list_get_loading (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);

  return self->loading;
}

/**
 * nexor_history_list_get_has_more:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:has-more] property.
 *
 * Returns: whether there may be more entries to fetch
 *
 * Since: 0.1
 */
gboolean
nexor_history_list_get_has_more (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);

  return self->has_more;
}

/**
 * nexor_history_list_get_error:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:error] property.
 *
 * Returns: (nullable) (transfer none): why the last fetch failed
 *
 * Since: 0.1
 */
const GError *
nexor_history_list_get_error (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), NULL);

  return self->error;
}

/**
 * nexor_history_list_get_lead:
 * @self: a [class@Nexor.HistoryList]
 *
 * Gets the [property@Nexor.HistoryList:lead] property.
 *
 * Returns: (nullable) (transfer none): the lead summary of the first page
 *
 * Since: 0.1
 */
NexorLead *
nexor_history_list_get_lead (NexorHistoryList *self)
{
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), NULL);

  return self->lead;
}
