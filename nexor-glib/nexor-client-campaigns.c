/* nexor-client-campaigns.c: the campaign endpoint of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The API refers to GET /campaigns ("Use GET /campaigns to list available
 * campaigns") without documenting its answer: this reads
 * {"success", "campaigns": [{id, name}, …]} (also bare, or under "data").
 */

#include "config.h"

#include "nexor-client-campaigns.h"
#include "nexor-client-private.h"
#include "nexor-json-private.h"
#include "nexor-campaign-private.h"

static GListModel *
parse_campaigns (JsonNode           *root,
                 NexorJsonDocument  *document,
                 GError            **error)
{
  return _nexor_json_unwrap_list (root, "campaigns", "campaigns", NEXOR_TYPE_CAMPAIGN,
                                  (NexorResourceParseFunc) _nexor_campaign_new_from_json,
                                  document, error);
}

static NexorRequest *
list_campaigns_request (void)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) parse_campaigns);

  _nexor_request_add_segment (request, "campaigns");
  return request;
}

/**
 * nexor_client_list_campaigns_async:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the campaigns
 * @user_data: (closure): data for @callback
 *
 * Lists the account's campaigns (`GET /campaigns`), whose ids a lead input's
 * [property@Nexor.LeadInput:campaign-id] takes.
 *
 * Experimental: the API refers to this endpoint but does not document its
 * answer. The library reads each campaign as the `{id, name}` a lead embeds
 * and keeps any other member in [method@Nexor.Campaign.dup_json]. Safe to
 * repeat: a failed call is retried.
 *
 * Since: 0.1
 */
void
nexor_client_list_campaigns_async (NexorClient         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, list_campaigns_request (), cancellable, callback, user_data,
                            nexor_client_list_campaigns_async);
}

/**
 * nexor_client_list_campaigns_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_campaigns_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Campaign], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_campaigns_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_campaigns_async, error);
}

/**
 * nexor_client_list_campaigns:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists the account's campaigns, blocking the calling thread; see
 * [method@Nexor.Client.list_campaigns_async]. Experimental.
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Campaign], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_campaigns (NexorClient   *self,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, list_campaigns_request (), cancellable, error);
}
