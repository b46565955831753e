/* nexor-client-workflows.c: the workflow endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The API refers to GET /workflows and GET /workflows/{id} without
 * documenting their answers: these read {"success", "workflows": […]} and
 * {"success", "workflow": {…}} (also bare, or under "data"), each workflow
 * the summary a lead's run embeds plus what the service adds; see
 * docs/emulator.md.
 */

#include "config.h"

#include "nexor-client-workflows.h"
#include "nexor-client-private.h"
#include "nexor-json-private.h"
#include "nexor-workflow-private.h"

static GListModel *
parse_workflows (JsonNode           *root,
                 NexorJsonDocument  *document,
                 GError            **error)
{
  return _nexor_json_unwrap_list (root, "workflows", "workflows", NEXOR_TYPE_WORKFLOW,
                                  (NexorResourceParseFunc) _nexor_workflow_new_from_json,
                                  document, error);
}

static NexorWorkflow *
parse_workflow (JsonNode           *root,
                NexorJsonDocument  *document,
                GError            **error)
{
  JsonObject *object = _nexor_json_unwrap_envelope (root, "workflow", "workflow", error);

  if (object == NULL)
    return NULL;

  return _nexor_workflow_new_from_json (object, document, error);
}

static NexorRequest *
list_workflows_request (void)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) parse_workflows);

  _nexor_request_add_segment (request, "workflows");
  return request;
}

static NexorRequest *
get_workflow_request (const char *workflow_id)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) parse_workflow);

  _nexor_request_add_segment (request, "workflows");
  _nexor_request_add_id_segment (request, "workflow", workflow_id);
  return request;
}

/**
 * nexor_client_list_workflows_async:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the workflows
 * @user_data: (closure): data for @callback
 *
 * Lists the account's workflows (`GET /workflows`), each with its statuses
 * (the keys [method@Nexor.Client.set_lead_status] takes), whether it is
 * paused and whether its cadence calls (a lead needs a phone to enter it).
 *
 * Experimental: the API refers to this endpoint but does not document its
 * answer. The library reads the shape the nexor-emulator serves (see the
 * emulator guide); members it does not know are kept in each workflow's
 * [method@Nexor.Workflow.dup_json], and a workflow without them still reads
 * (with its statuses empty). Safe to repeat: a failed call is retried.
 *
 * Since: 0.1
 */
void
nexor_client_list_workflows_async (NexorClient         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, list_workflows_request (), cancellable, callback, user_data,
                            nexor_client_list_workflows_async);
}

/**
 * nexor_client_list_workflows_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_workflows_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Workflow], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_workflows_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_workflows_async, error);
}

/**
 * nexor_client_list_workflows:
 * @self: a [class@Nexor.Client]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists the account's workflows, blocking the calling thread; see
 * [method@Nexor.Client.list_workflows_async]. Experimental.
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Workflow], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_workflows (NexorClient   *self,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, list_workflows_request (), cancellable, error);
}

/**
 * nexor_client_get_workflow_async:
 * @self: a [class@Nexor.Client]
 * @workflow_id: the workflow's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the workflow
 * @user_data: (closure): data for @callback
 *
 * Fetches one workflow with its statuses (`GET /workflows/{id}`; the API's
 * set-status page: "List valid keys via GET /workflows/{id}").
 *
 * A @workflow_id that is not a UUID fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without sending a request; one the account
 * does not have is %NEXOR_ERROR_NOT_FOUND.
 *
 * Experimental: the API does not document the answer; see
 * [method@Nexor.Client.list_workflows_async]. Safe to repeat.
 *
 * Since: 0.1
 */
void
nexor_client_get_workflow_async (NexorClient         *self,
                                 const char          *workflow_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, get_workflow_request (workflow_id), cancellable, callback, user_data,
                            nexor_client_get_workflow_async);
}

/**
 * nexor_client_get_workflow_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.get_workflow_async].
 *
 * Returns: (transfer full): the workflow, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_client_get_workflow_finish (NexorClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_get_workflow_async, error);
}

/**
 * nexor_client_get_workflow:
 * @self: a [class@Nexor.Client]
 * @workflow_id: the workflow's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Fetches one workflow, blocking the calling thread; see
 * [method@Nexor.Client.get_workflow_async]. Experimental.
 *
 * Returns: (transfer full): the workflow, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorWorkflow *
nexor_client_get_workflow (NexorClient   *self,
                           const char    *workflow_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, get_workflow_request (workflow_id), cancellable, error);
}
