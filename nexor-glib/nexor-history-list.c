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
 * [property@Nexor.HistoryList:loading] is %TRUE while a page is being
 * fetched and [property@Nexor.HistoryList:has-more] says whether there is
 * more to fetch. A page that fails is kept in
 * [property@Nexor.HistoryList:error]; nothing more is fetched in the
 * background until [method@Nexor.HistoryList.load_more_async] succeeds.
 * [method@Nexor.HistoryList.cancel], or cancelling the cancellable the list
 * was created with, stops the page being fetched.
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

typedef struct {
  GCancellable *from;
  gulong handler;
} CancelLink;

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
  NexorLead *lead;
  gboolean has_more;
  GError *error;

  /* The fetch in flight, if any. */
  gboolean loading;
  guint requested;
  GCancellable *fetch_cancellable;
  GArray *links;                 /* CancelLink: cancellables that cancel the fetch */
  GPtrArray *waiters;            /* GTask of load_more_async */
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

static gboolean start_fetch (NexorHistoryList *self);

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
    start_fetch (self);

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

/* Cancelling @from cancels the fetch in flight; thread-safe, as @from may be
 * cancelled from anywhere. */
static void
link_cancellable (NexorHistoryList *self,
                  GCancellable     *from)
{
  CancelLink link = { NULL, 0 };

  if (from == NULL)
    return;

  link.handler = g_cancellable_connect (from, G_CALLBACK (forward_cancel),
                                        g_object_ref (self->fetch_cancellable), g_object_unref);
  if (link.handler != 0)
    {
      link.from = g_object_ref (from);
      g_array_append_val (self->links, link);
    }
}

static void
unlink_cancellables (NexorHistoryList *self)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      CancelLink *link = &g_array_index (self->links, CancelLink, i);

      g_cancellable_disconnect (link->from, link->handler);
      g_object_unref (link->from);
    }
  g_array_set_size (self->links, 0);
}

static NexorRequest *
page_request (NexorHistoryList *self)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) _nexor_history_page_new_from_response);
  char number[16];

  _nexor_request_add_segment (request, "leads");
  _nexor_request_add_id_segment (request, "lead", self->lead_id);
  _nexor_request_add_segment (request, "history");
  _nexor_request_add_list_query (request, "channel", (const char * const *) self->channels);
  g_snprintf (number, sizeof number, "%u", self->page_size);
  _nexor_request_add_query (request, "limit", number);
  g_snprintf (number, sizeof number, "%u", self->items->len);
  _nexor_request_add_query (request, "offset", number);
  return request;
}

static void
begin_fetch (NexorHistoryList *self)
{
  g_assert (!self->loading);

  clear_prefetch (self);
  self->loading = TRUE;
  self->requested = self->page_size;
  self->fetch_cancellable = g_cancellable_new ();
  link_cancellable (self, self->cancellable);

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

/* Takes @page or @error; applies the page, or keeps the error, and then
 * tells everyone: the waiters, items-changed and the property notifications. */
static void
end_fetch (NexorHistoryList *self,
           NexorHistoryPage *page,
           GError           *error)
{
  g_autoptr(NexorHistoryPage) owned_page = page;
  g_autoptr(GError) owned_error = error;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);
  gboolean had_more = self->has_more;
  gboolean had_error = self->error != NULL;
  gboolean new_lead = FALSE;
  guint n_before = self->items->len;
  guint n_new = 0;

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  unlink_cancellables (self);
  g_clear_object (&self->fetch_cancellable);
  self->loading = FALSE;

  if (page != NULL)
    {
      GListModel *items = _nexor_history_page_get_items (page);
      int has_more = _nexor_history_page_get_has_more (page);

      n_new = g_list_model_get_n_items (items);
      for (guint i = 0; i < n_new; i++)
        g_ptr_array_add (self->items, g_list_model_get_item (items, i));

      /* Without pagination.has_more, a full page means there may be more.
       * A page with nothing in it ends the list whatever it says: asking
       * again at the same offset would never end. */
      self->has_more = n_new > 0 && (has_more >= 0 ? has_more != 0 : n_new >= self->requested);
      g_clear_error (&self->error);

      if (self->lead == NULL && _nexor_history_page_get_lead (page) != NULL)
        {
          self->lead = g_object_ref (_nexor_history_page_get_lead (page));
          new_lead = TRUE;
        }
    }
  else
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
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
  if (had_error || self->error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ERROR]);
  if (new_lead)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LEAD]);

  g_object_thaw_notify (G_OBJECT (self));

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (page != NULL)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NexorHistoryList) self = user_data;
  GError *error = NULL;
  NexorHistoryPage *page;

  page = _nexor_client_send_finish (NEXOR_CLIENT (source), result, start_fetch, &error);
  end_fetch (self, page, error);
}

static gboolean
start_fetch (NexorHistoryList *self)
{
  begin_fetch (self);
  _nexor_client_send_async (self->client, page_request (self), self->fetch_cancellable,
                            on_page, g_object_ref (self), start_fetch);
  return TRUE;
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

  G_OBJECT_CLASS (nexor_history_list_parent_class)->dispose (object);
}

static void
nexor_history_list_finalize (GObject *object)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  /* A fetch holds a reference: none can be in flight here. */
  g_assert (self->links->len == 0);

  g_clear_object (&self->client);
  g_free (self->lead_id);
  g_strfreev (self->channels);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->lead);
  g_clear_error (&self->error);
  g_clear_object (&self->fetch_cancellable);
  g_array_unref (self->links);
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
   * Cancelling this cancels the page being fetched and every later fetch.
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
   * arrives.
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
  self->links = g_array_new (FALSE, FALSE, sizeof (CancelLink));
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
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
 *   fetch of the list
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
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it cancels
 *   the page being fetched
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

  if (!self->loading)
    start_fetch (self);

  link_cancellable (self, cancellable);
  g_ptr_array_add (self->waiters, g_steal_pointer (&task));
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
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Fetches the next page, blocking the calling thread, which must be the
 * thread the list belongs to; see [method@Nexor.HistoryList.load_more_async].
 * While a page is being fetched in the background this fails with
 * %G_IO_ERROR_PENDING.
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

  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!self->has_more)
    return TRUE;
  if (self->loading)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("A page of this history is already being fetched"));
      return FALSE;
    }

  begin_fetch (self);
  link_cancellable (self, cancellable);
  page = _nexor_client_send (self->client, page_request (self), self->fetch_cancellable, &local_error);

  end_fetch (self, page, local_error != NULL ? g_error_copy (local_error) : NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * nexor_history_list_cancel:
 * @self: a [class@Nexor.HistoryList]
 *
 * Cancels the page being fetched, if any: its waiters fail with
 * %G_IO_ERROR_CANCELLED, which also becomes
 * [property@Nexor.HistoryList:error], so nothing more is fetched in the
 * background until [method@Nexor.HistoryList.load_more_async] is called.
 *
 * Since: 0.1
 */
void
nexor_history_list_cancel (NexorHistoryList *self)
{
  g_return_if_fail (NEXOR_IS_HISTORY_LIST (self));

  clear_prefetch (self);
  if (self->fetch_cancellable != NULL)
    g_cancellable_cancel (self->fetch_cancellable);
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
