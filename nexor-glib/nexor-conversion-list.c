/* nexor-conversion-list.c: conversions, fetched page by page
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-private.h"
#include "nexor-conversion-list-private.h"
#include "nexor-conversion-private.h"
#include "nexor-conversion-query-private.h"
#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-pager-private.h"

/**
 * NexorConversionList:
 *
 * Conversions, newest first, as a [iface@Gio.ListModel] of
 * [class@Nexor.Conversion] that fetches its pages (`GET /conversions`) as
 * they are needed. [method@Nexor.Client.list_conversions_async] gives a list
 * with its first page loaded.
 *
 * It pages as [class@Nexor.HistoryList] does — the same implementation:
 * asking for one of the last few items with [method@Gio.ListModel.get_item]
 * fetches the next page in the background,
 * [method@Nexor.ConversionList.load_more_async] fetches it on demand,
 * [method@Nexor.ConversionList.load_all_async] fetches every page left and
 * fails rather than stop short, a server that answers with a page the list
 * already has fails it with %NEXOR_ERROR_INVALID_RESPONSE, and a cancel
 * affects its own caller only (see the history list for the details).
 * [property@Nexor.ConversionList:has-more] comes from the answer's `total`,
 * the count of every match, which [property@Nexor.ConversionList:total]
 * also gives.
 *
 * A list belongs to the thread it was created in: use it there, and iterate
 * that thread's thread-default main context.
 *
 * Since: 0.1
 */

struct _NexorConversionPage
{
  GObject parent_instance;

  GListModel *items;
  gint64 total;
};

G_DEFINE_FINAL_TYPE (NexorConversionPage, _nexor_conversion_page, G_TYPE_OBJECT)

struct _NexorConversionList
{
  GObject parent_instance;

  NexorClient *client;
  NexorConversionQuery *query;   /* a copy; never NULL once constructed */
  guint page_size;
  GCancellable *cancellable;     /* given at creation; may be NULL */

  NexorPager *pager;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_QUERY,
  PROP_PAGE_SIZE,
  PROP_CANCELLABLE,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_HAS_MORE,
  PROP_ERROR,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void nexor_conversion_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NexorConversionList, nexor_conversion_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nexor_conversion_list_model_init))

/* ---------------------------------------------------------------------------
 * A page
 * ------------------------------------------------------------------------- */

static void
_nexor_conversion_page_finalize (GObject *object)
{
  NexorConversionPage *self = NEXOR_CONVERSION_PAGE (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (_nexor_conversion_page_parent_class)->finalize (object);
}

static void
_nexor_conversion_page_class_init (NexorConversionPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = _nexor_conversion_page_finalize;
}

static void
_nexor_conversion_page_init (NexorConversionPage *self)
{
  self->total = -1;
}

NexorConversionPage *
_nexor_conversion_page_new_from_response (JsonNode           *root,
                                          NexorJsonDocument  *document,
                                          GError            **error)
{
  g_autoptr(NexorConversionPage) self = g_object_new (NEXOR_TYPE_CONVERSION_PAGE, NULL);
  JsonNode *total;

  self->items = _nexor_json_unwrap_list (root, "conversion_events", "conversions", NEXOR_TYPE_CONVERSION,
                                         (NexorResourceParseFunc) _nexor_conversion_new_from_json,
                                         document, error);
  if (self->items == NULL)
    return NULL;

  /* A bare array of events is all there is. */
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return g_steal_pointer (&self);

  total = _nexor_json_lookup1 (json_node_get_object (root), "total");
  if (total != NULL)
    {
      if (JSON_NODE_HOLDS_VALUE (total) && json_node_get_value_type (total) == G_TYPE_INT64 &&
          json_node_get_int (total) >= 0)
        self->total = json_node_get_int (total);
      else
        {
          g_autoptr(GError) why = g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                                               _("it should be a whole number, not %s"),
                                               _nexor_json_node_type_name (total));

          /* Unknown, as if it were missing: the page size tells instead. */
          _nexor_json_skip_member ("conversions", "total", why);
        }
    }

  return g_steal_pointer (&self);
}

GListModel *
_nexor_conversion_page_get_items (NexorConversionPage *self)
{
  return self->items;
}

gint64
_nexor_conversion_page_get_total (NexorConversionPage *self)
{
  return self->total;
}

/* ---------------------------------------------------------------------------
 * The list model
 * ------------------------------------------------------------------------- */

static GType
nexor_conversion_list_model_get_item_type (GListModel *model)
{
  return NEXOR_TYPE_CONVERSION;
}

static guint
nexor_conversion_list_model_get_n_items (GListModel *model)
{
  return _nexor_pager_get_n_items (NEXOR_CONVERSION_LIST (model)->pager);
}

static gpointer
nexor_conversion_list_model_get_item (GListModel *model,
                                      guint       position)
{
  return _nexor_pager_get_item (NEXOR_CONVERSION_LIST (model)->pager, position);
}

static void
nexor_conversion_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nexor_conversion_list_model_get_item_type;
  iface->get_n_items = nexor_conversion_list_model_get_n_items;
  iface->get_item = nexor_conversion_list_model_get_item;
}

/* ---------------------------------------------------------------------------
 * Its pages
 * ------------------------------------------------------------------------- */

static NexorRequest *
page_request (GObject *owner,
              guint    offset,
              guint    limit)
{
  NexorConversionList *self = NEXOR_CONVERSION_LIST (owner);
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) _nexor_conversion_page_new_from_response);
  char number[16];

  _nexor_request_add_segment (request, "conversions");
  _nexor_conversion_query_add_to_request (self->query, request);
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
  contents->items = _nexor_conversion_page_get_items (page);
  contents->total = _nexor_conversion_page_get_total (page);
}

static void
page_applied (GObject  *owner,
              gpointer  page)
{
  if (_nexor_conversion_page_get_total (page) >= 0)
    g_object_notify_by_pspec (owner, props[PROP_TOTAL]);
}

static GError *
repeated_page_error (guint offset,
                     guint from)
{
  return g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                      _("The server sent the same page of conversions again: asked "
                        "for offset %u, it answered with the conversions from offset "
                        "%u; it seems to ignore the offset"),
                      offset, from);
}

static GError *
pending_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PENDING,
                              _("A page of these conversions is already being fetched"));
}

static const NexorPagerClass conversion_pager_class = {
  page_request,
  read_page,
  page_applied,
  (const char *(*) (gpointer)) nexor_conversion_get_id,
  (JsonObject *(*) (gpointer)) nexor_conversion_dup_json,
  repeated_page_error,
  pending_error,
  "[nexor] conversions prefetch",
  "[nexor] conversions waiter cancelled",
};

/* ---------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
nexor_conversion_list_constructed (GObject *object)
{
  NexorConversionList *self = NEXOR_CONVERSION_LIST (object);
  GParamSpec *pager_props[NEXOR_PAGER_N_PROPS] = {
    [NEXOR_PAGER_PROP_N_ITEMS] = props[PROP_N_ITEMS],
    [NEXOR_PAGER_PROP_LOADING] = props[PROP_LOADING],
    [NEXOR_PAGER_PROP_HAS_MORE] = props[PROP_HAS_MORE],
    [NEXOR_PAGER_PROP_ERROR] = props[PROP_ERROR],
  };

  G_OBJECT_CLASS (nexor_conversion_list_parent_class)->constructed (object);

  if (self->query == NULL)
    self->query = nexor_conversion_query_new ();
  self->pager = _nexor_pager_new (object, &conversion_pager_class, pager_props,
                                  self->client, self->page_size, self->cancellable);
}

static void
nexor_conversion_list_dispose (GObject *object)
{
  NexorConversionList *self = NEXOR_CONVERSION_LIST (object);

  if (self->pager != NULL)
    _nexor_pager_dispose (self->pager);

  G_OBJECT_CLASS (nexor_conversion_list_parent_class)->dispose (object);
}

static void
nexor_conversion_list_finalize (GObject *object)
{
  NexorConversionList *self = NEXOR_CONVERSION_LIST (object);

  g_clear_pointer (&self->pager, _nexor_pager_free);
  g_clear_object (&self->client);
  g_clear_object (&self->query);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (nexor_conversion_list_parent_class)->finalize (object);
}

static void
nexor_conversion_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NexorConversionList *self = NEXOR_CONVERSION_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
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
    case PROP_TOTAL:
      g_value_set_int64 (value, _nexor_pager_get_total (self->pager));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_conversion_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  NexorConversionList *self = NEXOR_CONVERSION_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      /* A snapshot: changing the query later does not change the list. */
      self->query = _nexor_conversion_query_copy (g_value_get_object (value));
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
nexor_conversion_list_class_init (NexorConversionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = nexor_conversion_list_constructed;
  object_class->dispose = nexor_conversion_list_dispose;
  object_class->finalize = nexor_conversion_list_finalize;
  object_class->get_property = nexor_conversion_list_get_property;
  object_class->set_property = nexor_conversion_list_set_property;

  /**
   * NexorConversionList:client:
   *
   * The client pages are fetched with.
   *
   * Since: 0.1
   */
  props[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, NEXOR_TYPE_CLIENT, construct_only);

  /**
   * NexorConversionList:query:
   *
   * The filters, a copy of the query the list was made with: changing that
   * query afterwards does not change the list. Never %NULL: a list made
   * without one has an empty query, which lists every conversion. A filter
   * that is not a UUID makes every fetch fail with
   * %NEXOR_ERROR_INVALID_ARGUMENT, without a request.
   *
   * Since: 0.1
   */
  props[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, NEXOR_TYPE_CONVERSION_QUERY, construct_only);

  /**
   * NexorConversionList:page-size:
   *
   * How many conversions to ask for per page, from 1 to
   * [const@Nexor.CONVERSION_LIST_MAX_PAGE_SIZE].
   *
   * Since: 0.1
   */
  props[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, NEXOR_CONVERSION_LIST_MAX_PAGE_SIZE,
                       NEXOR_CONVERSION_LIST_DEFAULT_PAGE_SIZE, construct_only);

  /**
   * NexorConversionList:cancellable:
   *
   * A cancellable for the list's whole life: cancelling it cancels the page
   * being fetched and every later fetch, for every caller, and the list
   * keeps %G_IO_ERROR_CANCELLED as its error. The lists that
   * [class@Nexor.Client] returns have none.
   *
   * Since: 0.1
   */
  props[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE, construct_only);

  /**
   * NexorConversionList:n-items:
   *
   * How many conversions have been fetched so far.
   *
   * Since: 0.1
   */
  props[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, readable);

  /**
   * NexorConversionList:loading:
   *
   * Whether a page is being fetched.
   *
   * Since: 0.1
   */
  props[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);

  /**
   * NexorConversionList:has-more:
   *
   * Whether there may be more conversions to fetch: %TRUE until the list
   * holds as many as the last page's `total` (or, from a server that does
   * not say, until a page is shorter than
   * [property@Nexor.ConversionList:page-size]). A page with nothing in it
   * ends the list.
   *
   * Since: 0.1
   */
  props[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, TRUE, readable);

  /**
   * NexorConversionList:error:
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
   * NexorConversionList:total:
   *
   * How many conversions match on the server, as the last page said: more
   * than [property@Nexor.ConversionList:n-items] while there are pages left.
   * -1 before a page that says has arrived.
   *
   * Since: 0.1
   */
  props[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, readable);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
nexor_conversion_list_init (NexorConversionList *self)
{
  self->page_size = NEXOR_CONVERSION_LIST_DEFAULT_PAGE_SIZE;
}

/* ---------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

/**
 * nexor_conversion_list_new:
 * @client: the client to fetch pages with
 * @query: (nullable): the filters; %NULL lists every conversion. The list
 *   keeps a copy.
 * @cancellable: (nullable): a [class@Gio.Cancellable] that cancels every
 *   fetch of the list's life
 *
 * Creates an empty list of conversions; nothing is fetched until it is
 * asked for. [method@Nexor.Client.list_conversions_async] creates one and
 * fetches its first page.
 *
 * Returns: (transfer full): a new [class@Nexor.ConversionList]
 *
 * Since: 0.1
 */
NexorConversionList *
nexor_conversion_list_new (NexorClient          *client,
                           NexorConversionQuery *query,
                           GCancellable         *cancellable)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (query == NULL || NEXOR_IS_CONVERSION_QUERY (query), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return g_object_new (NEXOR_TYPE_CONVERSION_LIST,
                       "client", client,
                       "query", query,
                       "cancellable", cancellable,
                       NULL);
}

/**
 * nexor_conversion_list_load_more_async:
 * @self: a [class@Nexor.ConversionList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @callback: (scope async): called when the page has arrived or failed
 * @user_data: (closure): data for @callback
 *
 * Fetches the next page, or waits for the one being fetched. When there is
 * nothing more to fetch it completes at once, successfully. The new
 * conversions are in the list, and [signal@Gio.ListModel::items-changed]
 * has been emitted, by the time @callback runs. Cancelling follows the
 * rules of [method@Nexor.HistoryList.load_more_async].
 *
 * Since: 0.1
 */
void
nexor_conversion_list_load_more_async (NexorConversionList *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_pager_load_more_async (self->pager, cancellable, callback, user_data,
                                nexor_conversion_list_load_more_async);
}

/**
 * nexor_conversion_list_load_more_finish:
 * @self: a [class@Nexor.ConversionList]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.ConversionList.load_more_async].
 *
 * Returns: %TRUE if the page arrived or there was nothing more to fetch;
 *   %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_list_load_more_finish (NexorConversionList  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), FALSE);

  return _nexor_pager_finish (G_OBJECT (self), result, nexor_conversion_list_load_more_async, error);
}

/**
 * nexor_conversion_list_load_more:
 * @self: a [class@Nexor.ConversionList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @error: return location for an error
 *
 * Fetches the next page, blocking the calling thread, which must be the
 * thread the list belongs to. While
 * [method@Nexor.ConversionList.load_more_async] callers wait for a page this
 * fails with %G_IO_ERROR_PENDING. A call that succeeds while there is more
 * either adds conversions or ends the list, so an iterator that calls it
 * never stops short and never spins.
 *
 * Returns: %TRUE if the page arrived or there was nothing more to fetch;
 *   %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_list_load_more (NexorConversionList  *self,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_pager_load_more (self->pager, cancellable, error);
}

/**
 * nexor_conversion_list_load_all_async:
 * @self: a [class@Nexor.ConversionList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @callback: (scope async): called when every page has arrived, or one
 *   failed
 * @user_data: (closure): data for @callback
 *
 * Fetches page after page until [property@Nexor.ConversionList:has-more]
 * is %FALSE. It succeeds only once the server has said there is nothing
 * more, and otherwise fails with the error of the page that failed; the
 * conversions of the pages before it stay in the list.
 *
 * Since: 0.1
 */
void
nexor_conversion_list_load_all_async (NexorConversionList *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_pager_load_all_async (self->pager, cancellable, callback, user_data,
                               nexor_conversion_list_load_all_async);
}

/**
 * nexor_conversion_list_load_all_finish:
 * @self: a [class@Nexor.ConversionList]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.ConversionList.load_all_async].
 *
 * Returns: %TRUE if the list holds every matching conversion; %FALSE with
 *   @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_list_load_all_finish (NexorConversionList  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), FALSE);

  return _nexor_pager_finish (G_OBJECT (self), result, nexor_conversion_list_load_all_async, error);
}

/**
 * nexor_conversion_list_load_all:
 * @self: a [class@Nexor.ConversionList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Fetches every page that is left, blocking the calling thread; see
 * [method@Nexor.ConversionList.load_all_async].
 *
 * Returns: %TRUE if the list holds every matching conversion; %FALSE with
 *   @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_list_load_all (NexorConversionList  *self,
                                GCancellable         *cancellable,
                                GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_pager_load_all (self->pager, cancellable, error);
}

/**
 * nexor_conversion_list_cancel:
 * @self: a [class@Nexor.ConversionList]
 *
 * Cancels the page being fetched, if any, for everyone: every caller waiting
 * for it fails with %G_IO_ERROR_CANCELLED, which also becomes
 * [property@Nexor.ConversionList:error]. The conversions loaded so far stay.
 *
 * Since: 0.1
 */
void
nexor_conversion_list_cancel (NexorConversionList *self)
{
  g_return_if_fail (NEXOR_IS_CONVERSION_LIST (self));

  _nexor_pager_cancel (self->pager);
}

/**
 * nexor_conversion_list_get_client:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:client] property.
 *
 * Returns: (transfer none): the client
 *
 * Since: 0.1
 */
NexorClient *
nexor_conversion_list_get_client (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), NULL);

  return self->client;
}

/**
 * nexor_conversion_list_get_query:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:query] property. Changing it
 * does not change the list.
 *
 * Returns: (transfer none): the filters
 *
 * Since: 0.1
 */
NexorConversionQuery *
nexor_conversion_list_get_query (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), NULL);

  return self->query;
}

/**
 * nexor_conversion_list_get_page_size:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:page-size] property.
 *
 * Returns: how many conversions a page asks for
 *
 * Since: 0.1
 */
guint
nexor_conversion_list_get_page_size (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), 0);

  return self->page_size;
}

/**
 * nexor_conversion_list_get_n_items:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:n-items] property, the same as
 * [method@Gio.ListModel.get_n_items].
 *
 * Returns: how many conversions have been fetched
 *
 * Since: 0.1
 */
guint
nexor_conversion_list_get_n_items (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), 0);

  return _nexor_pager_get_n_items (self->pager);
}

/**
 * nexor_conversion_list_get_loading:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:loading] property.
 *
 * Returns: whether a page is being fetched
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_list_get_loading (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), FALSE);

  return _nexor_pager_get_loading (self->pager);
}

/**
 * nexor_conversion_list_get_has_more:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:has-more] property.
 *
 * Returns: whether there may be more conversions to fetch
 *
 * Since: 0.1
 */
gboolean
nexor_conversion_list_get_has_more (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), FALSE);

  return _nexor_pager_get_has_more (self->pager);
}

/**
 * nexor_conversion_list_get_error:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:error] property.
 *
 * Returns: (nullable) (transfer none): why the last fetch failed
 *
 * Since: 0.1
 */
const GError *
nexor_conversion_list_get_error (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), NULL);

  return _nexor_pager_get_error (self->pager);
}

/**
 * nexor_conversion_list_get_total:
 * @self: a [class@Nexor.ConversionList]
 *
 * Gets the [property@Nexor.ConversionList:total] property.
 *
 * Returns: how many conversions match on the server, or -1 before a page
 *   said
 *
 * Since: 0.1
 */
gint64
nexor_conversion_list_get_total (NexorConversionList *self)
{
  g_return_val_if_fail (NEXOR_IS_CONVERSION_LIST (self), -1);

  return _nexor_pager_get_total (self->pager);
}
