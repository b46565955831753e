/* nexor-client-team.c: the team endpoint of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-client-team.h"
#include "nexor-client-private.h"
#include "nexor-json-private.h"
#include "nexor-team-member-private.h"

static GListModel *
parse_team (JsonNode           *root,
            NexorJsonDocument  *document,
            GError            **error)
{
  return _nexor_json_unwrap_list (root, "team", "team", NEXOR_TYPE_TEAM_MEMBER,
                                  (NexorResourceParseFunc) _nexor_team_member_new_from_json,
                                  document, error);
}

static NexorRequest *
list_team_members_request (void)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) parse_team);

  _nexor_request_add_segment (request, "team");
  return request;
}

/**
 * nexor_client_list_team_members_async:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the team
 * @user_data: (closure): data for @callback
 *
 * Lists the account's active team members (`GET /team`): the people who can
 * own leads and host meetings.
 *
 * Since: 0.1
 */
void
nexor_client_list_team_members_async (NexorClient         *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, list_team_members_request (), cancellable, callback, user_data,
                            nexor_client_list_team_members_async);
}

/**
 * nexor_client_list_team_members_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_team_members_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.TeamMember], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_team_members_finish (NexorClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_team_members_async, error);
}

/**
 * nexor_client_list_team_members:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists the account's active team members, blocking the calling thread; see
 * [method@Nexor.Client.list_team_members_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.TeamMember], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_team_members (NexorClient   *self,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, list_team_members_request (), cancellable, error);
}
