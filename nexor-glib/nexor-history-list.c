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
#include "nexor-pager-private.h"

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

struct _NexorHistoryPage
{
  GObject parent_instance;

  GListModel *items;
  NexorLead *lead;
  int has_more;
};

G_DEFINE_FINAL_TYPE (NexorHistoryPage, _nexor_history_page, G_TYPE_OBJECT)

struct _NexorHistoryList
{
  GObject parent_instance;

  NexorClient *client;
  char *lead_id;
  GStrv channels;
  guint page_size;
  GCancellable *cancellable;     /* given at creation; may be NULL */

  NexorPager *pager;
  NexorLead *lead;
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
  return _nexor_pager_get_n_items (NEXOR_HISTORY_LIST (model)->pager);
}

static gpointer
nexor_history_list_model_get_item (GListModel *model,
                                   guint       position)
{
  return _nexor_pager_get_item (NEXOR_HISTORY_LIST (model)->pager, position);
}

static void
nexor_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nexor_history_list_model_get_item_type;
  iface->get_n_items = nexor_history_list_model_get_n_items;
  iface->get_item = nexor_history_list_model_get_item;
}

/* ---------------------------------------------------------------------------
 * Its pages
 * ------------------------------------------------------------------------- */

static NexorRequest *
page_request (GObject *owner,
              guint    offset,
              guint    limit)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (owner);
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) _nexor_history_page_new_from_response);
  char number[16];

  _nexor_request_add_segment (request, "leads");
  _nexor_request_add_id_segment (request, "lead", self->lead_id);
  _nexor_request_add_segment (request, "history");
  _nexor_request_add_list_query (request, "channel", (const char * const *) self->channels);
  g_snprintf (number, sizeof number, "%u", limit);
  _nexor_request_add_query (request, "limit", number);
  g_snprintf (number, sizeof number, "%u", offset);
  _nexor_request_add_query (request, "offset", number);
  return request;
}

static void
read_page (gpointer           page,
           NexorPageContents *contents)
{
  contents->items = _nexor_history_page_get_items (page);
  contents->has_more = _nexor_history_page_get_has_more (page);
}

static void
page_applied (GObject  *owner,
              gpointer  page)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (owner);

  if (self->lead == NULL && _nexor_history_page_get_lead (page) != NULL)
    {
      self->lead = g_object_ref (_nexor_history_page_get_lead (page));
      g_object_notify_by_pspec (owner, props[PROP_LEAD]);
    }
}

static GError *
repeated_page_error (guint offset,
                     guint from)
{
  return g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                      _("The server sent the same page of history again: asked "
                        "for offset %u, it answered with the entries from offset "
                        "%u; it seems to ignore the offset"),
                      offset, from);
}

static GError *
pending_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PENDING,
                              _("A page of this history is already being fetched"));
}

static const NexorPagerClass history_pager_class = {
  page_request,
  read_page,
  page_applied,
  (const char *(*) (gpointer)) nexor_history_item_get_id,
  (JsonObject *(*) (gpointer)) nexor_history_item_dup_json,
  repeated_page_error,
  pending_error,
  "[nexor] history prefetch",
  "[nexor] history waiter cancelled",
};

/* ---------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
nexor_history_list_constructed (GObject *object)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);
  GParamSpec *pager_props[NEXOR_PAGER_N_PROPS] = {
    [NEXOR_PAGER_PROP_N_ITEMS] = props[PROP_N_ITEMS],
    [NEXOR_PAGER_PROP_LOADING] = props[PROP_LOADING],
    [NEXOR_PAGER_PROP_HAS_MORE] = props[PROP_HAS_MORE],
    [NEXOR_PAGER_PROP_ERROR] = props[PROP_ERROR],
  };

  G_OBJECT_CLASS (nexor_history_list_parent_class)->constructed (object);

  self->pager = _nexor_pager_new (object, &history_pager_class, pager_props,
                                  self->client, self->page_size, self->cancellable);
}

static void
nexor_history_list_dispose (GObject *object)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  if (self->pager != NULL)
    _nexor_pager_dispose (self->pager);

  G_OBJECT_CLASS (nexor_history_list_parent_class)->dispose (object);
}

static void
nexor_history_list_finalize (GObject *object)
{
  NexorHistoryList *self = NEXOR_HISTORY_LIST (object);

  g_clear_pointer (&self->pager, _nexor_pager_free);
  g_clear_object (&self->client);
  g_free (self->lead_id);
  g_strfreev (self->channels);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lead);

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
      g_value_set_uint (value, _nexor_pager_get_n_items (self->pager));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, _nexor_pager_get_loading (self->pager));
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, _nexor_pager_get_has_more (self->pager));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, _nexor_pager_get_error (self->pager));
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
  g_return_if_fail (NEXOR_IS_HISTORY_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_pager_load_more_async (self->pager, cancellable, callback, user_data,
                                nexor_history_list_load_more_async);
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

  return _nexor_pager_finish (G_OBJECT (self), result, nexor_history_list_load_more_async, error);
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
  g_return_val_if_fail (NEXOR_IS_HISTORY_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_pager_load_more (self->pager, cancellable, error);
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
  g_return_if_fail (NEXOR_IS_HISTORY_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_pager_load_all_async (self->pager, cancellable, callback, user_data,
                               nexor_history_list_load_all_async);
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

  return _nexor_pager_finish (G_OBJECT (self), result, nexor_history_list_load_all_async, error);
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

  return _nexor_pager_load_all (self->pager, cancellable, error);
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

  _nexor_pager_cancel (self->pager);
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

  return _nexor_pager_get_n_items (self->pager);
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

  return _nexor_pager_get_loading (self->pager);
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

  return _nexor_pager_get_has_more (self->pager);
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

  return _nexor_pager_get_error (self->pager);
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
