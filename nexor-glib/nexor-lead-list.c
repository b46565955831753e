/* nexor-lead-list.c: the leads a search finds, fetched page by page
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-lead-list-private.h"
#include "nexor-lead-private.h"
#include "nexor-pager-private.h"

/**
 * NexorLeadList:
 *
 * The leads whose name, email or phone contain a text, oldest created
 * first, as a [iface@Gio.ListModel] of [class@Nexor.Lead] that fetches its
 * pages (`GET /leads?search=`, with `limit` and `offset`) as they are
 * needed. [method@Nexor.Client.search_leads_async] gives a list with its
 * first page loaded.
 *
 * It pages as [class@Nexor.HistoryList] does — the same implementation:
 * asking for one of the last few items with [method@Gio.ListModel.get_item]
 * fetches the next page in the background,
 * [method@Nexor.LeadList.load_more_async] fetches it on demand,
 * [method@Nexor.LeadList.load_all_async] fetches every page left and fails
 * rather than stop short, a server that answers with a page the list
 * already has (one that ignores `offset`) fails it with
 * %NEXOR_ERROR_INVALID_RESPONSE, and a cancel affects its own caller only.
 * [property@Nexor.LeadList:has-more] comes from the answer's `total`, the
 * count of every match, or else from a page shorter than asked for.
 *
 * Experimental: API clients call this endpoint but it has no documentation
 * page; the list reads the shape the nexor-emulator serves (see the
 * emulator guide).
 *
 * A list belongs to the thread it was created in: use it there, and iterate
 * that thread's thread-default main context.
 *
 * Since: 0.1
 */

struct _NexorLeadPage
{
  GObject parent_instance;

  GListModel *items;
  gint64 total;
};

G_DEFINE_FINAL_TYPE (NexorLeadPage, _nexor_lead_page, G_TYPE_OBJECT)

struct _NexorLeadList
{
  GObject parent_instance;

  NexorClient *client;
  char *search;                  /* never NULL once constructed */
  guint page_size;
  GCancellable *cancellable;     /* given at creation; may be NULL */

  NexorPager *pager;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SEARCH,
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

static void nexor_lead_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NexorLeadList, nexor_lead_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nexor_lead_list_model_init))

/* ---------------------------------------------------------------------------
 * A page
 * ------------------------------------------------------------------------- */

static void
_nexor_lead_page_finalize (GObject *object)
{
  NexorLeadPage *self = NEXOR_LEAD_PAGE (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (_nexor_lead_page_parent_class)->finalize (object);
}

static void
_nexor_lead_page_class_init (NexorLeadPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = _nexor_lead_page_finalize;
}

static void
_nexor_lead_page_init (NexorLeadPage *self)
{
  self->total = -1;
}

static gpointer
parse_found_lead (JsonObject         *object,
                  NexorJsonDocument  *document,
                  GError            **error)
{
  /* A found lead's variables are inside it, if the server sends them. */
  return _nexor_lead_new_from_json (object,
                                    _nexor_json_get_optional_object (object, "lead", "variables"),
                                    document, error);
}

NexorLeadPage *
_nexor_lead_page_new_from_response (JsonNode           *root,
                                          NexorJsonDocument  *document,
                                          GError            **error)
{
  g_autoptr(NexorLeadPage) self = g_object_new (NEXOR_TYPE_LEAD_PAGE, NULL);
  JsonNode *total;

  self->items = _nexor_json_unwrap_list (root, "leads", "leads", NEXOR_TYPE_LEAD,
                                         parse_found_lead, document, error);
  if (self->items == NULL)
    return NULL;

  /* A bare array of leads is all there is. */
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
          _nexor_json_skip_member ("leads", "total", why);
        }
    }

  return g_steal_pointer (&self);
}

GListModel *
_nexor_lead_page_get_items (NexorLeadPage *self)
{
  return self->items;
}

gint64
_nexor_lead_page_get_total (NexorLeadPage *self)
{
  return self->total;
}

/* ---------------------------------------------------------------------------
 * The list model
 * ------------------------------------------------------------------------- */

static GType
nexor_lead_list_model_get_item_type (GListModel *model)
{
  return NEXOR_TYPE_LEAD;
}

static guint
nexor_lead_list_model_get_n_items (GListModel *model)
{
  return _nexor_pager_get_n_items (NEXOR_LEAD_LIST (model)->pager);
}

static gpointer
nexor_lead_list_model_get_item (GListModel *model,
                                      guint       position)
{
  return _nexor_pager_get_item (NEXOR_LEAD_LIST (model)->pager, position);
}

static void
nexor_lead_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nexor_lead_list_model_get_item_type;
  iface->get_n_items = nexor_lead_list_model_get_n_items;
  iface->get_item = nexor_lead_list_model_get_item;
}

/* ---------------------------------------------------------------------------
 * Its pages
 * ------------------------------------------------------------------------- */

static NexorRequest *
page_request (GObject *owner,
              guint    offset,
              guint    limit)
{
  NexorLeadList *self = NEXOR_LEAD_LIST (owner);
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) _nexor_lead_page_new_from_response);
  char number[16];

  _nexor_request_add_segment (request, "leads");
  if (!_nexor_request_check_text (request, "search text", self->search))
    return request;
  _nexor_request_add_query (request, "search", self->search);
  g_snprintf (number, sizeof number, "%u", limit);
  _nexor_request_add_query (request, "limit", number);
  /* The first page asks just what API clients are seen to ask
   * (search and limit): a server that knows no offset still answers it. */
  if (offset > 0)
    {
      g_snprintf (number, sizeof number, "%u", offset);
      _nexor_request_add_query (request, "offset", number);
    }
  return request;
}

static void
read_page (gpointer           page,
           NexorPageContents *contents)
{
  contents->items = _nexor_lead_page_get_items (page);
  contents->total = _nexor_lead_page_get_total (page);
}

static void
page_applied (GObject  *owner,
              gpointer  page)
{
  if (_nexor_lead_page_get_total (page) >= 0)
    g_object_notify_by_pspec (owner, props[PROP_TOTAL]);
}

static GError *
repeated_page_error (guint offset,
                     guint from)
{
  return g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                      _("The server sent the same page of leads again: asked "
                        "for offset %u, it answered with the leads from offset "
                        "%u; it seems to ignore the offset"),
                      offset, from);
}

static GError *
pending_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PENDING,
                              _("A page of these leads is already being fetched"));
}

static const NexorPagerClass lead_pager_class = {
  page_request,
  read_page,
  page_applied,
  (const char *(*) (gpointer)) nexor_lead_get_id,
  (JsonObject *(*) (gpointer)) nexor_lead_dup_json,
  repeated_page_error,
  pending_error,
  "[nexor] lead search prefetch",
  "[nexor] lead search waiter cancelled",
};

/* ---------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
nexor_lead_list_constructed (GObject *object)
{
  NexorLeadList *self = NEXOR_LEAD_LIST (object);
  GParamSpec *pager_props[NEXOR_PAGER_N_PROPS] = {
    [NEXOR_PAGER_PROP_N_ITEMS] = props[PROP_N_ITEMS],
    [NEXOR_PAGER_PROP_LOADING] = props[PROP_LOADING],
    [NEXOR_PAGER_PROP_HAS_MORE] = props[PROP_HAS_MORE],
    [NEXOR_PAGER_PROP_ERROR] = props[PROP_ERROR],
  };

  G_OBJECT_CLASS (nexor_lead_list_parent_class)->constructed (object);

  if (self->search == NULL)
    self->search = g_strdup ("");
  self->pager = _nexor_pager_new (object, &lead_pager_class, pager_props,
                                  self->client, self->page_size, self->cancellable);
}

static void
nexor_lead_list_dispose (GObject *object)
{
  NexorLeadList *self = NEXOR_LEAD_LIST (object);

  if (self->pager != NULL)
    _nexor_pager_dispose (self->pager);

  G_OBJECT_CLASS (nexor_lead_list_parent_class)->dispose (object);
}

static void
nexor_lead_list_finalize (GObject *object)
{
  NexorLeadList *self = NEXOR_LEAD_LIST (object);

  g_clear_pointer (&self->pager, _nexor_pager_free);
  g_clear_object (&self->client);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (nexor_lead_list_parent_class)->finalize (object);
}

static void
nexor_lead_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NexorLeadList *self = NEXOR_LEAD_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
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
nexor_lead_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  NexorLeadList *self = NEXOR_LEAD_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      self->search = g_value_dup_string (value);
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
nexor_lead_list_class_init (NexorLeadListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = nexor_lead_list_constructed;
  object_class->dispose = nexor_lead_list_dispose;
  object_class->finalize = nexor_lead_list_finalize;
  object_class->get_property = nexor_lead_list_get_property;
  object_class->set_property = nexor_lead_list_set_property;

  /**
   * NexorLeadList:client:
   *
   * The client pages are fetched with.
   *
   * Since: 0.1
   */
  props[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, NEXOR_TYPE_CLIENT, construct_only);

  /**
   * NexorLeadList:search:
   *
   * The text to find in the leads' names, emails and phones, ignoring case.
   * A blank text makes every fetch fail with %NEXOR_ERROR_INVALID_ARGUMENT,
   * without a request.
   *
   * Since: 0.1
   */
  props[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, construct_only);

  /**
   * NexorLeadList:page-size:
   *
   * How many leads to ask for per page, from 1 to
   * [const@Nexor.LEAD_LIST_MAX_PAGE_SIZE].
   *
   * Since: 0.1
   */
  props[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, NEXOR_LEAD_LIST_MAX_PAGE_SIZE,
                       NEXOR_LEAD_LIST_DEFAULT_PAGE_SIZE, construct_only);

  /**
   * NexorLeadList:cancellable:
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
   * NexorLeadList:n-items:
   *
   * How many leads have been fetched so far.
   *
   * Since: 0.1
   */
  props[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, readable);

  /**
   * NexorLeadList:loading:
   *
   * Whether a page is being fetched.
   *
   * Since: 0.1
   */
  props[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);

  /**
   * NexorLeadList:has-more:
   *
   * Whether there may be more leads to fetch: %TRUE until the list
   * holds as many as the last page's `total` (or, from a server that does
   * not say, until a page is shorter than
   * [property@Nexor.LeadList:page-size]). A page with nothing in it
   * ends the list.
   *
   * Since: 0.1
   */
  props[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, TRUE, readable);

  /**
   * NexorLeadList:error:
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
   * NexorLeadList:total:
   *
   * How many leads match on the server, as the last page said: more
   * than [property@Nexor.LeadList:n-items] while there are pages left.
   * -1 before a page that says has arrived.
   *
   * Since: 0.1
   */
  props[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, readable);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
nexor_lead_list_init (NexorLeadList *self)
{
  self->page_size = NEXOR_LEAD_LIST_DEFAULT_PAGE_SIZE;
}

/* ---------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

/**
 * nexor_lead_list_new:
 * @client: the client to fetch pages with
 * @search: what to look for in the leads' names, emails and phones
 * @cancellable: (nullable): a [class@Gio.Cancellable] that cancels every
 *   fetch of the list's life
 *
 * Creates an empty list of the leads that match @search; nothing is
 * fetched until it is asked for. [method@Nexor.Client.search_leads_async]
 * creates one and fetches its first page.
 *
 * Returns: (transfer full): a new [class@Nexor.LeadList]
 *
 * Since: 0.1
 */
NexorLeadList *
nexor_lead_list_new (NexorClient  *client,
                     const char   *search,
                     GCancellable *cancellable)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (search != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return g_object_new (NEXOR_TYPE_LEAD_LIST,
                       "client", client,
                       "search", search,
                       "cancellable", cancellable,
                       NULL);
}

/**
 * nexor_lead_list_load_more_async:
 * @self: a [class@Nexor.LeadList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @callback: (scope async): called when the page has arrived or failed
 * @user_data: (closure): data for @callback
 *
 * Fetches the next page, or waits for the one being fetched. When there is
 * nothing more to fetch it completes at once, successfully. The new
 * leads are in the list, and [signal@Gio.ListModel::items-changed]
 * has been emitted, by the time @callback runs. Cancelling follows the
 * rules of [method@Nexor.HistoryList.load_more_async].
 *
 * Since: 0.1
 */
void
nexor_lead_list_load_more_async (NexorLeadList *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_LEAD_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_pager_load_more_async (self->pager, cancellable, callback, user_data,
                                nexor_lead_list_load_more_async);
}

/**
 * nexor_lead_list_load_more_finish:
 * @self: a [class@Nexor.LeadList]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.LeadList.load_more_async].
 *
 * Returns: %TRUE if the page arrived or there was nothing more to fetch;
 *   %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_lead_list_load_more_finish (NexorLeadList  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), FALSE);

  return _nexor_pager_finish (G_OBJECT (self), result, nexor_lead_list_load_more_async, error);
}

/**
 * nexor_lead_list_load_more:
 * @self: a [class@Nexor.LeadList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @error: return location for an error
 *
 * Fetches the next page, blocking the calling thread, which must be the
 * thread the list belongs to. While
 * [method@Nexor.LeadList.load_more_async] callers wait for a page this
 * fails with %G_IO_ERROR_PENDING. A call that succeeds while there is more
 * either adds leads or ends the list, so an iterator that calls it
 * never stops short and never spins.
 *
 * Returns: %TRUE if the page arrived or there was nothing more to fetch;
 *   %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_lead_list_load_more (NexorLeadList  *self,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_pager_load_more (self->pager, cancellable, error);
}

/**
 * nexor_lead_list_load_all_async:
 * @self: a [class@Nexor.LeadList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; cancelling it ends
 *   this call only
 * @callback: (scope async): called when every page has arrived, or one
 *   failed
 * @user_data: (closure): data for @callback
 *
 * Fetches page after page until [property@Nexor.LeadList:has-more]
 * is %FALSE. It succeeds only once the server has said there is nothing
 * more, and otherwise fails with the error of the page that failed; the
 * leads of the pages before it stay in the list.
 *
 * Since: 0.1
 */
void
nexor_lead_list_load_all_async (NexorLeadList *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_LEAD_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_pager_load_all_async (self->pager, cancellable, callback, user_data,
                               nexor_lead_list_load_all_async);
}

/**
 * nexor_lead_list_load_all_finish:
 * @self: a [class@Nexor.LeadList]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.LeadList.load_all_async].
 *
 * Returns: %TRUE if the list holds every matching lead; %FALSE with
 *   @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_lead_list_load_all_finish (NexorLeadList  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), FALSE);

  return _nexor_pager_finish (G_OBJECT (self), result, nexor_lead_list_load_all_async, error);
}

/**
 * nexor_lead_list_load_all:
 * @self: a [class@Nexor.LeadList]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Fetches every page that is left, blocking the calling thread; see
 * [method@Nexor.LeadList.load_all_async].
 *
 * Returns: %TRUE if the list holds every matching lead; %FALSE with
 *   @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_lead_list_load_all (NexorLeadList  *self,
                                GCancellable         *cancellable,
                                GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_pager_load_all (self->pager, cancellable, error);
}

/**
 * nexor_lead_list_cancel:
 * @self: a [class@Nexor.LeadList]
 *
 * Cancels the page being fetched, if any, for everyone: every caller waiting
 * for it fails with %G_IO_ERROR_CANCELLED, which also becomes
 * [property@Nexor.LeadList:error]. The leads loaded so far stay.
 *
 * Since: 0.1
 */
void
nexor_lead_list_cancel (NexorLeadList *self)
{
  g_return_if_fail (NEXOR_IS_LEAD_LIST (self));

  _nexor_pager_cancel (self->pager);
}

/**
 * nexor_lead_list_get_client:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:client] property.
 *
 * Returns: (transfer none): the client
 *
 * Since: 0.1
 */
NexorClient *
nexor_lead_list_get_client (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), NULL);

  return self->client;
}

/**
 * nexor_lead_list_get_search:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:search] property.
 *
 * Returns: the text the leads are found by
 *
 * Since: 0.1
 */
const char *
nexor_lead_list_get_search (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), NULL);

  return self->search;
}

/**
 * nexor_lead_list_get_page_size:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:page-size] property.
 *
 * Returns: how many leads a page asks for
 *
 * Since: 0.1
 */
guint
nexor_lead_list_get_page_size (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), 0);

  return self->page_size;
}

/**
 * nexor_lead_list_get_n_items:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:n-items] property, the same as
 * [method@Gio.ListModel.get_n_items].
 *
 * Returns: how many leads have been fetched
 *
 * Since: 0.1
 */
guint
nexor_lead_list_get_n_items (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), 0);

  return _nexor_pager_get_n_items (self->pager);
}

/**
 * nexor_lead_list_get_loading:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:loading] property.
 *
 * Returns: whether a page is being fetched
 *
 * Since: 0.1
 */
gboolean
nexor_lead_list_get_loading (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), FALSE);

  return _nexor_pager_get_loading (self->pager);
}

/**
 * nexor_lead_list_get_has_more:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:has-more] property.
 *
 * Returns: whether there may be more leads to fetch
 *
 * Since: 0.1
 */
gboolean
nexor_lead_list_get_has_more (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), FALSE);

  return _nexor_pager_get_has_more (self->pager);
}

/**
 * nexor_lead_list_get_error:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:error] property.
 *
 * Returns: (nullable) (transfer none): why the last fetch failed
 *
 * Since: 0.1
 */
const GError *
nexor_lead_list_get_error (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), NULL);

  return _nexor_pager_get_error (self->pager);
}

/**
 * nexor_lead_list_get_total:
 * @self: a [class@Nexor.LeadList]
 *
 * Gets the [property@Nexor.LeadList:total] property.
 *
 * Returns: how many leads match on the server, or -1 before a page
 *   said
 *
 * Since: 0.1
 */
gint64
nexor_lead_list_get_total (NexorLeadList *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_LIST (self), -1);

  return _nexor_pager_get_total (self->pager);
}
