/* nexor-client-conversions.c: the conversion endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-client-conversions.h"

#include "nexor-client-private.h"
#include "nexor-conversion-input-private.h"
#include "nexor-conversion-private.h"
#include "nexor-conversion-type-private.h"
#include "nexor-json-private.h"
#include "nexor-pager-private.h"

static NexorConversion *
parse_conversion (JsonNode           *root,
                  NexorJsonDocument  *document,
                  GError            **error)
{
  JsonObject *object = _nexor_json_unwrap_envelope (root, "conversion_event", "conversion", error);

  if (object == NULL)
    return NULL;

  return _nexor_conversion_new_from_json (object, document, error);
}

static GListModel *
parse_conversion_types (JsonNode           *root,
                        NexorJsonDocument  *document,
                        GError            **error)
{
  return _nexor_json_unwrap_list (root, "conversion_types", "conversion types", NEXOR_TYPE_CONVERSION_TYPE,
                                  (NexorResourceParseFunc) _nexor_conversion_type_new_from_json,
                                  document, error);
}

static NexorRequest *
create_conversion_request (NexorConversionInput *input)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) parse_conversion);
  GError *error = NULL;

  _nexor_request_add_segment (request, "conversions");
  /* Revenue recorded twice is counted twice: never repeated once it may
   * have reached the server. */
  _nexor_request_set_idempotent (request, FALSE);
  _nexor_request_add_not_found (request, "lead");
  _nexor_request_add_not_found (request, "conversion type");

  if (_nexor_conversion_input_check (input, &error))
    _nexor_request_take_body (request, _nexor_conversion_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

/**
 * nexor_client_create_conversion_async:
 * @self: a [class@Nexor.Client]
 * @input: the conversion; [property@Nexor.ConversionInput:conversion-type-id],
 *   [property@Nexor.ConversionInput:lead-id] and
 *   [property@Nexor.ConversionInput:amount] are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the conversion is recorded or the
 *   call failed
 * @user_data: (closure): data for @callback
 *
 * Records a conversion (`POST /conversions`): revenue of a type, for a
 * lead. The type's workflow and, unless @input sets one, its currency are
 * the conversion's. A lead or type the account does not have fails with
 * %NEXOR_ERROR_NOT_FOUND; a missing lead, type or amount, an id that is not
 * a UUID or an amount that is not finite fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT, without a request.
 *
 * It is never sent twice: after a failure once the request may have
 * reached the server (a 5xx, a dropped connection) the call fails with
 * %NEXOR_ERROR_OUTCOME_UNKNOWN and nothing is retried, since the conversion
 * may have been recorded; [method@Nexor.Client.list_conversions_async] with
 * the lead's id tells.
 *
 * Since: 0.1
 */
void
nexor_client_create_conversion_async (NexorClient          *self,
                                      NexorConversionInput *input,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_CONVERSION_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, create_conversion_request (input), cancellable, callback, user_data,
                            nexor_client_create_conversion_async);
}

/**
 * nexor_client_create_conversion_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_conversion_async].
 *
 * Returns: (transfer full): the recorded conversion, or %NULL with @error
 *   set
 *
 * Since: 0.1
 */
NexorConversion *
nexor_client_create_conversion_finish (NexorClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_conversion_async, error);
}

/**
 * nexor_client_create_conversion:
 * @self: a [class@Nexor.Client]
 * @input: the conversion; type, lead and amount are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Records a conversion, blocking the calling thread; see
 * [method@Nexor.Client.create_conversion_async]. Never sent twice.
 *
 * Returns: (transfer full): the recorded conversion, or %NULL with @error
 *   set
 *
 * Since: 0.1
 */
NexorConversion *
nexor_client_create_conversion (NexorClient           *self,
                                NexorConversionInput  *input,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_CONVERSION_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, create_conversion_request (input), cancellable, error);
}

/**
 * nexor_client_list_conversions_async:
 * @self: a [class@Nexor.Client]
 * @query: (nullable): the filters (lead, workflow, master workflow, workflow
 *   run, type); %NULL lists every conversion
 * @cancellable: (nullable): a [class@Gio.Cancellable]; it cancels this call,
 *   the first page, and not the list's later fetches
 * @callback: (scope async): called when the first page has arrived or the
 *   call failed
 * @user_data: (closure): data for @callback
 *
 * Lists conversions, newest first (`GET /conversions`), as a
 * [class@Nexor.ConversionList] whose first page is loaded. The list fetches
 * further pages as they are needed and knows how many match
 * ([property@Nexor.ConversionList:total]);
 * [method@Nexor.ConversionList.load_all_async] fetches the rest. A filter
 * that is not a UUID fails with %NEXOR_ERROR_INVALID_ARGUMENT, without a
 * request; a lead with no conversions gives an empty list.
 *
 * Since: 0.1
 */
void
nexor_client_list_conversions_async (NexorClient          *self,
                                     NexorConversionQuery *query,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(NexorConversionList) list = NULL;
  GTask *task;

  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (query == NULL || NEXOR_IS_CONVERSION_QUERY (query));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nexor_client_list_conversions_async);

  list = nexor_conversion_list_new (self, query, NULL);
  nexor_conversion_list_load_more_async (list, cancellable, _nexor_pager_return_list, task);
}

/**
 * nexor_client_list_conversions_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_conversions_async].
 *
 * Returns: (transfer full): the conversions, with the first page loaded,
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
NexorConversionList *
nexor_client_list_conversions_finish (NexorClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, nexor_client_list_conversions_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nexor_client_list_conversions:
 * @self: a [class@Nexor.Client]
 * @query: (nullable): the filters; %NULL lists every conversion
 * @cancellable: (nullable): a [class@Gio.Cancellable]; it cancels this call
 *   and the first page
 * @error: return location for an error
 *
 * Lists conversions, blocking the calling thread until the first page has
 * arrived; see [method@Nexor.Client.list_conversions_async]. The list
 * belongs to the calling thread; only its first page is loaded:
 * [method@Nexor.ConversionList.load_all] fetches the rest.
 *
 * Returns: (transfer full): the conversions, with the first page loaded,
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
NexorConversionList *
nexor_client_list_conversions (NexorClient           *self,
                               NexorConversionQuery  *query,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_autoptr(NexorConversionList) list = NULL;

  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (query == NULL || NEXOR_IS_CONVERSION_QUERY (query), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = nexor_conversion_list_new (self, query, NULL);
  if (!nexor_conversion_list_load_more (list, cancellable, error))
    return NULL;

  return g_steal_pointer (&list);
}

static NexorRequest *
list_conversion_types_request (void)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) parse_conversion_types);

  _nexor_request_add_segment (request, "conversion-types");
  return request;
}

/**
 * nexor_client_list_conversion_types_async:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the types
 * @user_data: (closure): data for @callback
 *
 * Lists the account's active conversion types with their custom fields
 * (`GET /conversion-types`), the types
 * [method@Nexor.Client.create_conversion_async] takes.
 *
 * Since: 0.1
 */
void
nexor_client_list_conversion_types_async (NexorClient         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, list_conversion_types_request (), cancellable, callback, user_data,
                            nexor_client_list_conversion_types_async);
}

/**
 * nexor_client_list_conversion_types_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_conversion_types_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.ConversionType], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_conversion_types_finish (NexorClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_conversion_types_async, error);
}

/**
 * nexor_client_list_conversion_types:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists the active conversion types, blocking the calling thread; see
 * [method@Nexor.Client.list_conversion_types_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.ConversionType], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_conversion_types (NexorClient   *self,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, list_conversion_types_request (), cancellable, error);
}
