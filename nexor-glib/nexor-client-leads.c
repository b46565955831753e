/* nexor-client-leads.c: the lead endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-leads.h"
#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-assign-result-private.h"
#include "nexor-automation-result-private.h"
#include "nexor-bulk-create-result-private.h"
#include "nexor-create-lead-result-private.h"
#include "nexor-flag-private.h"
#include "nexor-json-private.h"
#include "nexor-lead-input-private.h"
#include "nexor-lead-list-private.h"
#include "nexor-lead-private.h"
#include "nexor-meeting-private.h"
#include "nexor-pause-state-private.h"
#include "nexor-status-change-private.h"
#include "nexor-text-private.h"

/* The documented limit of one bulk create. */
#define MAX_BULK_LEADS 1000

static NexorRequest *
lead_request (const char          *method,
              NexorResponseParser  parse,
              const char          *lead_id,
              const char          *action)
{
  NexorRequest *request = _nexor_request_new (method, parse);

  _nexor_request_add_segment (request, "leads");
  _nexor_request_add_id_segment (request, "lead", lead_id);
  if (action != NULL)
    {
      g_auto(GStrv) segments = g_strsplit (action, "/", -1);

      for (guint i = 0; segments[i] != NULL; i++)
        _nexor_request_add_segment (request, segments[i]);
    }

  return request;
}

static void
take_object_body (NexorRequest *request,
                  JsonObject   *body)
{
  _nexor_request_take_body (request, json_node_init_object (json_node_alloc (), body));
}

/* ---------------------------------------------------------------------------
 * Get one lead
 * ------------------------------------------------------------------------- */

static NexorRequest *
get_lead_request (const char *lead_id)
{
  return lead_request ("GET", (NexorResponseParser) _nexor_lead_new_from_response, lead_id, NULL);
}

/**
 * nexor_client_get_lead_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the lead is fetched or the call failed
 * @user_data: (closure): data for @callback
 *
 * Fetches a lead, with its campaign, active workflow run, status, tags and
 * collected variables (`GET /leads/{id}`).
 *
 * An @lead_id that is not a UUID fails with %NEXOR_ERROR_INVALID_ARGUMENT without
 * sending a request. @callback runs in the thread-default main context of the
 * calling thread; call [method@Nexor.Client.get_lead_finish] there.
 *
 * Since: 0.1
 */
void
nexor_client_get_lead_async (NexorClient         *self,
                             const char          *lead_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, get_lead_request (lead_id), cancellable, callback, user_data,
                            nexor_client_get_lead_async);
}

/**
 * nexor_client_get_lead_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.get_lead_async].
 *
 * Returns: (transfer full): the lead, or %NULL with @error set: in the
 *   [error@Nexor.Error] domain (for example %NEXOR_ERROR_NOT_FOUND), a
 *   transport error, or %G_IO_ERROR_CANCELLED
 *
 * Since: 0.1
 */
NexorLead *
nexor_client_get_lead_finish (NexorClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_get_lead_async, error);
}

/**
 * nexor_client_get_lead:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Fetches a lead, blocking the calling thread; see
 * [method@Nexor.Client.get_lead_async].
 *
 * Returns: (transfer full): the lead, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorLead *
nexor_client_get_lead (NexorClient   *self,
                       const char    *lead_id,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, get_lead_request (lead_id), cancellable, error);
}

/* ---------------------------------------------------------------------------
 * Create one lead
 * ------------------------------------------------------------------------- */

static NexorRequest *
create_lead_request (NexorLeadInput *input)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) _nexor_create_lead_result_new_from_response);
  GError *error = NULL;

  _nexor_request_add_segment (request, "leads");
  /* Repeating a create may enroll the lead twice. */
  _nexor_request_set_idempotent (request, FALSE);

  if (_nexor_lead_input_check (input, NEXOR_LEAD_INPUT_CREATE, &error))
    _nexor_request_take_body (request, _nexor_lead_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

/**
 * nexor_client_create_lead_async:
 * @self: a [class@Nexor.Client]
 * @input: the lead; [property@Nexor.LeadInput:first-name] is required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the lead is stored or the call failed
 * @user_data: (closure): data for @callback
 *
 * Creates a lead (`POST /leads`), and enrolls it in the workflow named by
 * [property@Nexor.LeadInput:workflow-id] if there is one.
 *
 * The API upserts: a lead whose email, or else phone, matches an existing
 * lead updates that lead (non-empty fields overwrite, metadata is merged) and
 * [property@Nexor.CreateLeadResult:existed] says so. Members that are not lead
 * fields are moved into the lead's metadata by the server.
 *
 * An input without a first name fails with %NEXOR_ERROR_INVALID_ARGUMENT
 * without sending a request. Creating is retried only when the server says
 * it did not process the request (HTTP 408, 425, 429); after a server error
 * or a connection lost once the request was sent it fails with
 * %NEXOR_ERROR_OUTCOME_UNKNOWN, since the lead may have been created anyway.
 *
 * Since: 0.1
 */
void
nexor_client_create_lead_async (NexorClient         *self,
                                NexorLeadInput      *input,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, create_lead_request (input), cancellable, callback, user_data,
                            nexor_client_create_lead_async);
}

/**
 * nexor_client_create_lead_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_lead_async].
 *
 * Returns: (transfer full): the stored lead, with its workflow run when it
 *   was enrolled, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorCreateLeadResult *
nexor_client_create_lead_finish (NexorClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_lead_async, error);
}

/**
 * nexor_client_create_lead:
 * @self: a [class@Nexor.Client]
 * @input: the lead; [property@Nexor.LeadInput:first-name] is required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Creates a lead, blocking the calling thread; see
 * [method@Nexor.Client.create_lead_async].
 *
 * Returns: (transfer full): the stored lead, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorCreateLeadResult *
nexor_client_create_lead (NexorClient     *self,
                          NexorLeadInput  *input,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, create_lead_request (input), cancellable, error);
}

/* ---------------------------------------------------------------------------
 * Create leads in bulk
 * ------------------------------------------------------------------------- */

static NexorRequest *
create_leads_request (GListModel *leads)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) _nexor_bulk_create_result_new_from_response);
  guint n = g_list_model_get_n_items (leads);
  GError *error = NULL;
  JsonNode *body;

  _nexor_request_add_segment (request, "leads");
  _nexor_request_set_idempotent (request, FALSE);

  if (n == 0 || n > MAX_BULK_LEADS)
    {
      _nexor_request_take_error (request, g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                       _("Cannot create %u leads in one call: the API "
                                                       "takes from 1 to %u"), n, MAX_BULK_LEADS));
      return request;
    }

  body = _nexor_lead_inputs_to_json (leads, NEXOR_LEAD_INPUT_CREATE, &error);
  if (body != NULL)
    _nexor_request_take_body (request, body);
  else
    _nexor_request_take_error (request, error);
  return request;
}

/**
 * nexor_client_create_leads_async:
 * @self: a [class@Nexor.Client]
 * @leads: a [iface@Gio.ListModel] of 1 to 1000 [class@Nexor.LeadInput]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the leads are stored or the call failed
 * @user_data: (closure): data for @callback
 *
 * Creates up to 1000 leads in one call (`POST /leads` with an array), with
 * the same upsert and enrollment rules as
 * [method@Nexor.Client.create_lead_async].
 *
 * Valid leads are stored even when others fail: the call succeeds, and each
 * input's outcome is in [property@Nexor.BulkCreateResult:results]. An empty
 * list, more than 1000 leads, an item that is not a [class@Nexor.LeadInput]
 * or an input without a first name fails the whole call with
 * %NEXOR_ERROR_INVALID_ARGUMENT before anything is sent; the message names
 * the position of the bad input.
 *
 * Since: 0.1
 */
void
nexor_client_create_leads_async (NexorClient         *self,
                                 GListModel          *leads,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (leads));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, create_leads_request (leads), cancellable, callback, user_data,
                            nexor_client_create_leads_async);
}

/**
 * nexor_client_create_leads_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_leads_async].
 *
 * Returns: (transfer full): the outcome of every input, or %NULL with @error
 *   set
 *
 * Since: 0.1
 */
NexorBulkCreateResult *
nexor_client_create_leads_finish (NexorClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_leads_async, error);
}

/**
 * nexor_client_create_leads:
 * @self: a [class@Nexor.Client]
 * @leads: a [iface@Gio.ListModel] of 1 to 1000 [class@Nexor.LeadInput]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Creates up to 1000 leads, blocking the calling thread; see
 * [method@Nexor.Client.create_leads_async].
 *
 * Returns: (transfer full): the outcome of every input, or %NULL with @error
 *   set
 *
 * Since: 0.1
 */
NexorBulkCreateResult *
nexor_client_create_leads (NexorClient   *self,
                           GListModel    *leads,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (leads), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, create_leads_request (leads), cancellable, error);
}

/* ---------------------------------------------------------------------------
 * Update a lead
 * ------------------------------------------------------------------------- */

static NexorRequest *
update_lead_request (const char     *lead_id,
                     NexorLeadInput *input)
{
  NexorRequest *request = lead_request ("PATCH", (NexorResponseParser) _nexor_lead_new_from_response, lead_id, NULL);
  GError *error = NULL;

  /* The API documents updates as idempotent: the same body, the same lead. */
  _nexor_request_set_idempotent (request, TRUE);

  if (_nexor_lead_input_check (input, NEXOR_LEAD_INPUT_UPDATE, &error))
    _nexor_request_take_body (request, _nexor_lead_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

/**
 * nexor_client_update_lead_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @input: the fields to change
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the lead is updated or the call failed
 * @user_data: (closure): data for @callback
 *
 * Changes a lead's fields (`PATCH /leads/{id}`; the API documents `PUT` as
 * behaving identically, so only `PATCH` is offered).
 *
 * Only the properties set on @input are sent: an unset property leaves the
 * field as it is, one set to %NULL clears it (for example
 * [property@Nexor.LeadInput:campaign-id] takes the lead out of its campaign).
 * [property@Nexor.LeadInput:metadata] is merged one level deep into the
 * lead's metadata. [property@Nexor.LeadInput:workflow-id] and
 * [property@Nexor.LeadInput:force-first-message] apply only when creating a
 * lead and fail with %NEXOR_ERROR_INVALID_ARGUMENT here, as does a null first
 * name; nothing is sent then.
 *
 * Since: 0.1
 */
void
nexor_client_update_lead_async (NexorClient         *self,
                                const char          *lead_id,
                                NexorLeadInput      *input,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, update_lead_request (lead_id, input), cancellable, callback, user_data,
                            nexor_client_update_lead_async);
}

/**
 * nexor_client_update_lead_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.update_lead_async].
 *
 * Returns: (transfer full): the lead as the update left it, or %NULL with
 *   @error set. The update answer is shorter than Get Lead's: it has the
 *   lead's fields and [property@Nexor.Lead:campaign-id], but no workflow run,
 *   tags or variables.
 *
 * Since: 0.1
 */
NexorLead *
nexor_client_update_lead_finish (NexorClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_update_lead_async, error);
}

/**
 * nexor_client_update_lead:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @input: the fields to change
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Changes a lead's fields, blocking the calling thread; see
 * [method@Nexor.Client.update_lead_async].
 *
 * Returns: (transfer full): the lead as the update left it, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
NexorLead *
nexor_client_update_lead (NexorClient     *self,
                          const char      *lead_id,
                          NexorLeadInput  *input,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, update_lead_request (lead_id, input), cancellable, error);
}

/* ---------------------------------------------------------------------------
 * Assign a workflow
 * ------------------------------------------------------------------------- */

static NexorRequest *
assign_lead_workflow_request (const char *lead_id,
                              const char *workflow_id,
                              const char *reason,
                              const char *actor_id)
{
  NexorRequest *request = lead_request ("POST", (NexorResponseParser) _nexor_assign_result_new_from_response,
                                        lead_id, "assign-workflow");
  g_autoptr(JsonObject) body = json_object_new ();

  /* Each call ends the active run and starts another: never repeat it. */
  _nexor_request_set_idempotent (request, FALSE);
  _nexor_request_add_not_found (request, "workflow");

  /* Only path ids must be UUIDs (they could walk the path); an id in the
   * body is the server's to judge. */
  if (!_nexor_request_check_text (request, "workflow id", workflow_id) ||
      (reason != NULL && !_nexor_request_check_text (request, "reason", reason)) ||
      (actor_id != NULL && !_nexor_request_check_text (request, "actor id", actor_id)))
    return request;

  /* This endpoint, alone, speaks camelCase. */
  json_object_set_string_member (body, "workflowId", workflow_id);
  if (reason != NULL)
    json_object_set_string_member (body, "reason", reason);
  if (actor_id != NULL)
    json_object_set_string_member (body, "actorId", actor_id);
  take_object_body (request, body);

  return request;
}

/**
 * nexor_client_assign_lead_workflow_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: the id of the workflow
 * @reason: (nullable): why, stored on the run that is ended when the lead is
 *   moved from another workflow
 * @actor_id: (nullable): who made the change, for the audit trail (any
 *   string, not necessarily a UUID)
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the lead is assigned or the call failed
 * @user_data: (closure): data for @callback
 *
 * Enrolls a lead in a workflow, or moves it there from the workflow it is in
 * (`POST /leads/{id}/assign-workflow`). The new run's cadence starts at once
 * unless the workflow is paused.
 *
 * An @lead_id that is not a UUID, and a @workflow_id, @reason or @actor_id that is
 * empty or not UTF-8, fail with %NEXOR_ERROR_INVALID_ARGUMENT without a
 * request; a workflow the account does not have is the server's error. The
 * call is never sent twice once it was sent, since each one replaces the
 * lead's active run: a failure after that is %NEXOR_ERROR_OUTCOME_UNKNOWN.
 *
 * Since: 0.1
 */
void
nexor_client_assign_lead_workflow_async (NexorClient         *self,
                                         const char          *lead_id,
                                         const char          *workflow_id,
                                         const char          *reason,
                                         const char          *actor_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, assign_lead_workflow_request (lead_id, workflow_id, reason, actor_id),
                            cancellable, callback, user_data, nexor_client_assign_lead_workflow_async);
}

/**
 * nexor_client_assign_lead_workflow_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.assign_lead_workflow_async].
 *
 * Returns: (transfer full): the new run and how the lead was moved, or %NULL
 *   with @error set
 *
 * Since: 0.1
 */
NexorAssignResult *
nexor_client_assign_lead_workflow_finish (NexorClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_assign_lead_workflow_async, error);
}

/**
 * nexor_client_assign_lead_workflow:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: the id of the workflow
 * @reason: (nullable): why, stored on the run that is ended
 * @actor_id: (nullable): who made the change, for the audit trail
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Enrolls a lead in a workflow or moves it there, blocking the calling
 * thread; see [method@Nexor.Client.assign_lead_workflow_async].
 *
 * Returns: (transfer full): the new run and how the lead was moved, or %NULL
 *   with @error set
 *
 * Since: 0.1
 */
NexorAssignResult *
nexor_client_assign_lead_workflow (NexorClient   *self,
                                   const char    *lead_id,
                                   const char    *workflow_id,
                                   const char    *reason,
                                   const char    *actor_id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, assign_lead_workflow_request (lead_id, workflow_id, reason, actor_id),
                             cancellable, error);
}

/* ---------------------------------------------------------------------------
 * Set a lead's status
 * ------------------------------------------------------------------------- */

static NexorRequest *
set_lead_status_request (const char *lead_id,
                         const char *status_key,
                         const char *reason,
                         const char *workflow_id)
{
  NexorRequest *request = lead_request ("POST", (NexorResponseParser) _nexor_status_change_new_from_response,
                                        lead_id, "status");
  g_autoptr(JsonObject) body = json_object_new ();

  /* Setting the status it already has answers "changed": false. */
  _nexor_request_set_idempotent (request, TRUE);
  _nexor_request_add_not_found (request, "workflow run");

  if (!_nexor_request_check_text (request, "status key", status_key) ||
      (reason != NULL && !_nexor_request_check_text (request, "reason", reason)) ||
      (workflow_id != NULL && !_nexor_request_check_text (request, "workflow id", workflow_id)))
    return request;

  json_object_set_string_member (body, "status_key", status_key);
  if (reason != NULL)
    json_object_set_string_member (body, "reason", reason);
  if (workflow_id != NULL)
    json_object_set_string_member (body, "workflow_id", workflow_id);
  take_object_body (request, body);

  return request;
}

/**
 * nexor_client_set_lead_status_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @status_key: the key of a status of the lead's workflow, such as
 *   `qualified` or `lost`
 * @reason: (nullable): why, stored on the run and in its status history
 * @workflow_id: (nullable): the workflow whose run to change; needed only when
 *   the lead is active in several workflows
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the status is set or the call failed
 * @user_data: (closure): data for @callback
 *
 * Forces a lead's status in its active workflow run
 * (`POST /leads/{id}/status`), without the workflow's usual guards. Entering a
 * terminal status has the workflow's side effects, such as cancelling pending
 * follow-ups.
 *
 * Setting the status the lead already has is not an error:
 * [property@Nexor.StatusChange:changed] is %FALSE. An empty @status_key or
 * @workflow_id, or an @lead_id that is not a UUID, fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request.
 *
 * Since: 0.1
 */
void
nexor_client_set_lead_status_async (NexorClient         *self,
                                    const char          *lead_id,
                                    const char          *status_key,
                                    const char          *reason,
                                    const char          *workflow_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, set_lead_status_request (lead_id, status_key, reason, workflow_id),
                            cancellable, callback, user_data, nexor_client_set_lead_status_async);
}

/**
 * nexor_client_set_lead_status_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.set_lead_status_async].
 *
 * Returns: (transfer full): what changed, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorStatusChange *
nexor_client_set_lead_status_finish (NexorClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_set_lead_status_async, error);
}

/**
 * nexor_client_set_lead_status:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @status_key: the key of a status of the lead's workflow
 * @reason: (nullable): why, stored on the run and in its status history
 * @workflow_id: (nullable): the workflow whose run to change
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Forces a lead's status, blocking the calling thread; see
 * [method@Nexor.Client.set_lead_status_async].
 *
 * Returns: (transfer full): what changed, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorStatusChange *
nexor_client_set_lead_status (NexorClient   *self,
                              const char    *lead_id,
                              const char    *status_key,
                              const char    *reason,
                              const char    *workflow_id,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, set_lead_status_request (lead_id, status_key, reason, workflow_id),
                             cancellable, error);
}

/* ---------------------------------------------------------------------------
 * Stop and resume automation
 * ------------------------------------------------------------------------- */

static NexorRequest *
automation_request (const char *lead_id,
                    const char *action,
                    const char *workflow_id,
                    gboolean    resume,
                    gboolean    resume_cadence)
{
  NexorRequest *request = lead_request ("POST", (NexorResponseParser) _nexor_automation_result_new_from_response,
                                        lead_id, action);
  g_autoptr(JsonObject) body = json_object_new ();

  /* Documented as idempotent: a second stop answers "already_stopped". */
  _nexor_request_set_idempotent (request, TRUE);
  /* "No active workflow run found for this lead and workflow" */
  _nexor_request_add_not_found (request, "workflow run");

  if (!_nexor_request_check_text (request, "workflow id", workflow_id))
    return request;

  json_object_set_string_member (body, "workflow_id", workflow_id);
  if (resume)
    json_object_set_boolean_member (body, "resume_cadence", resume_cadence);
  take_object_body (request, body);

  return request;
}

/* The workflow of the lead's active run, for a stop or resume that named
 * none; NULL with the error the API itself gives when there is no run. */
static const char *
active_run_workflow_id (NexorLead   *lead,
                        gboolean     resume,
                        GError     **error)
{
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);
  const char *workflow_id = NULL;

  if (run != NULL)
    {
      workflow_id = nexor_workflow_run_get_workflow_id (run);
      if ((workflow_id == NULL || *workflow_id == '\0') && nexor_workflow_run_get_workflow (run) != NULL)
        workflow_id = nexor_workflow_get_id (nexor_workflow_run_get_workflow (run));
    }

  if (workflow_id == NULL || *workflow_id == '\0')
    {
      if (resume)
        g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND,
                             _("No active workflow run found for this lead: it is in no workflow, so "
                               "there is no automation to resume; enroll it in a workflow, or name "
                               "the workflow"));
      else
        g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND,
                             _("No active workflow run found for this lead: it is in no workflow, so "
                               "there is no automation to stop; enroll it in a workflow, or name "
                               "the workflow"));
      return NULL;
    }

  /* The server's own id goes back to it in the body, as it was given: a
   * placeholder such as the Get Lead page's "uuid" is the server's to judge,
   * exactly as an id the caller names. */
  return workflow_id;
}

typedef struct {
  char *lead_id;
  char *workflow_id;         /* as given, or found on the lead */
  gboolean resume;
  gboolean resume_cadence;
  gint64 started_us;         /* the lookup and the action share one deadline */
} AutomationCall;

static void
automation_call_free (AutomationCall *call)
{
  g_free (call->lead_id);
  g_free (call->workflow_id);
  g_free (call);
}

static NexorAutomationResult *
change_automation (NexorClient   *self,
                   const char    *lead_id,
                   const char    *workflow_id,
                   gboolean       resume,
                   gboolean       resume_cadence,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(NexorLead) lead = NULL;
  NexorAutomationResult *result;
  NexorRequest *request;
  gint64 started_us = g_get_monotonic_time ();

  if (workflow_id == NULL)
    {
      lead = _nexor_client_send (self, get_lead_request (lead_id), cancellable, error);
      if (lead == NULL)
        return NULL;
      workflow_id = active_run_workflow_id (lead, resume, error);
      if (workflow_id == NULL)
        return NULL;
    }

  request = automation_request (lead_id, resume ? "automation/resume" : "automation/stop",
                                workflow_id, resume, resume_cadence);
  /* The lookup and the action are one call: one deadline. */
  _nexor_request_set_call_start (request, started_us);
  result = _nexor_client_send (self, request, cancellable, error);
  if (result != NULL)
    _nexor_automation_result_set_workflow_id (result, workflow_id);
  return result;
}

static void
on_automation_changed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AutomationCall *call = g_task_get_task_data (task);
  GError *error = NULL;
  NexorAutomationResult *value;

  value = _nexor_client_send_finish (NEXOR_CLIENT (source), result, on_automation_changed, &error);
  if (value == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _nexor_automation_result_set_workflow_id (value, call->workflow_id);
  g_task_return_pointer (task, value, g_object_unref);
}

/* Takes @task. */
static void
send_automation (NexorClient *self,
                 GTask       *task)
{
  AutomationCall *call = g_task_get_task_data (task);
  NexorRequest *request = automation_request (call->lead_id,
                                              call->resume ? "automation/resume" : "automation/stop",
                                              call->workflow_id, call->resume, call->resume_cadence);

  _nexor_request_set_call_start (request, call->started_us);
  _nexor_client_send_async (self, request, g_task_get_cancellable (task), on_automation_changed, task,
                            on_automation_changed);
}

static void
on_lead_for_automation (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GTask *task = user_data;
  AutomationCall *call = g_task_get_task_data (task);
  g_autoptr(NexorLead) lead = NULL;
  const char *workflow_id;
  GError *error = NULL;

  lead = _nexor_client_send_finish (NEXOR_CLIENT (source), result, on_lead_for_automation, &error);
  workflow_id = lead != NULL ? active_run_workflow_id (lead, call->resume, &error) : NULL;
  if (workflow_id == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  call->workflow_id = g_strdup (workflow_id);
  send_automation (NEXOR_CLIENT (source), task);
}

/* One GET of the lead first when no workflow is named, chained on the main
 * context like the request itself: nothing blocks. */
static void
change_automation_async (NexorClient         *self,
                         const char          *lead_id,
                         const char          *workflow_id,
                         gboolean             resume,
                         gboolean             resume_cadence,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data,
                         gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  AutomationCall *call = g_new0 (AutomationCall, 1);

  g_task_set_source_tag (task, source_tag);
  call->lead_id = g_strdup (lead_id);
  call->workflow_id = g_strdup (workflow_id);
  call->resume = resume;
  call->resume_cadence = resume_cadence;
  call->started_us = g_get_monotonic_time ();
  g_task_set_task_data (task, call, (GDestroyNotify) automation_call_free);

  if (workflow_id == NULL)
    _nexor_client_send_async (self, get_lead_request (lead_id), cancellable, on_lead_for_automation, task,
                              on_lead_for_automation);
  else
    send_automation (self, task);
}

/**
 * nexor_client_stop_lead_automation_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: (nullable): the id of the workflow whose run to stop, or %NULL
 *   for the workflow of the lead's active run
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the automation is stopped or the call
 *   failed
 * @user_data: (closure): data for @callback
 *
 * Hands a lead over to a human (`POST /leads/{id}/automation/stop`): the AI
 * agent stops replying, the follow-up cadence is paused and pending tasks are
 * cancelled. [method@Nexor.Client.is_lead_paused] then reports %TRUE.
 *
 * With @workflow_id %NULL, the library first fetches the lead
 * (`GET /leads/{id}`, one extra request, under the call's one deadline) and
 * stops the run of its active workflow;
 * [property@Nexor.AutomationResult:workflow-id] tells which. A lead
 * in no workflow then fails with %NEXOR_ERROR_NOT_FOUND ("No active workflow
 * run found …") and nothing more is sent.
 *
 * Stopping a stopped run is not an error:
 * [property@Nexor.AutomationResult:already-stopped] is %TRUE. A lead with no
 * active run in the workflow fails with %NEXOR_ERROR_NOT_FOUND.
 *
 * Since: 0.1
 */
void
nexor_client_stop_lead_automation_async (NexorClient         *self,
                                         const char          *lead_id,
                                         const char          *workflow_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  change_automation_async (self, lead_id, workflow_id, FALSE, FALSE, cancellable, callback, user_data,
                           nexor_client_stop_lead_automation_async);
}

/**
 * nexor_client_stop_lead_automation_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.stop_lead_automation_async].
 *
 * Returns: (transfer full): what stopping did, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorAutomationResult *
nexor_client_stop_lead_automation_finish (NexorClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_stop_lead_automation_async, error);
}

/**
 * nexor_client_stop_lead_automation:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: (nullable): the id of the workflow whose run to stop, or %NULL
 *   for the workflow of the lead's active run (one extra request)
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Hands a lead over to a human, blocking the calling thread; see
 * [method@Nexor.Client.stop_lead_automation_async].
 *
 * Returns: (transfer full): what stopping did, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorAutomationResult *
nexor_client_stop_lead_automation (NexorClient   *self,
                                   const char    *lead_id,
                                   const char    *workflow_id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return change_automation (self, lead_id, workflow_id, FALSE, FALSE, cancellable, error);
}

/**
 * nexor_client_resume_lead_automation_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: (nullable): the id of the workflow whose run to resume, or
 *   %NULL for the workflow of the lead's active run
 * @resume_cadence: whether to resume the follow-up cadence too, not only the
 *   AI agent's replies
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the automation is resumed or the call
 *   failed
 * @user_data: (closure): data for @callback
 *
 * Gives a lead back to the AI agent after a human takeover
 * (`POST /leads/{id}/automation/resume`).
 *
 * With @workflow_id %NULL, the library first fetches the lead
 * (`GET /leads/{id}`, one extra request) and resumes the run of its active
 * workflow, as [method@Nexor.Client.stop_lead_automation_async] does.
 *
 * Resuming a running automation is not an error:
 * [property@Nexor.AutomationResult:already-running] is %TRUE. A lead with no
 * active run in the workflow fails with %NEXOR_ERROR_NOT_FOUND.
 *
 * Since: 0.1
 */
void
nexor_client_resume_lead_automation_async (NexorClient         *self,
                                           const char          *lead_id,
                                           const char          *workflow_id,
                                           gboolean             resume_cadence,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  change_automation_async (self, lead_id, workflow_id, TRUE, resume_cadence, cancellable, callback, user_data,
                           nexor_client_resume_lead_automation_async);
}

/**
 * nexor_client_resume_lead_automation_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.resume_lead_automation_async].
 *
 * Returns: (transfer full): what resuming did, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorAutomationResult *
nexor_client_resume_lead_automation_finish (NexorClient   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_resume_lead_automation_async, error);
}

/**
 * nexor_client_resume_lead_automation:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: (nullable): the id of the workflow whose run to resume, or
 *   %NULL for the workflow of the lead's active run (one extra request)
 * @resume_cadence: whether to resume the follow-up cadence too
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Gives a lead back to the AI agent, blocking the calling thread; see
 * [method@Nexor.Client.resume_lead_automation_async].
 *
 * Returns: (transfer full): what resuming did, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorAutomationResult *
nexor_client_resume_lead_automation (NexorClient   *self,
                                     const char    *lead_id,
                                     const char    *workflow_id,
                                     gboolean       resume_cadence,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return change_automation (self, lead_id, workflow_id, TRUE, resume_cadence, cancellable, error);
}

/* ---------------------------------------------------------------------------
 * Is the lead paused?
 * ------------------------------------------------------------------------- */

static NexorRequest *
is_lead_paused_request (const char *lead_id,
                        const char *workflow_id)
{
  NexorRequest *request = lead_request ("GET", (NexorResponseParser) _nexor_pause_state_new_from_response,
                                        lead_id, "is_paused");

  if (workflow_id != NULL && _nexor_request_check_text (request, "workflow id", workflow_id))
    _nexor_request_add_query (request, "workflow_id", workflow_id);

  return request;
}

/**
 * nexor_client_is_lead_paused_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: (nullable): only look at the lead's run in this workflow
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the answer
 * @user_data: (closure): data for @callback
 *
 * Asks whether a human has taken over a lead (`GET /leads/{id}/is_paused`):
 * whether any of its active runs, or its run in @workflow_id, has its
 * automation stopped.
 *
 * The answer is a [class@Nexor.PauseState], not a bare boolean, so that
 * "not paused" and a failed call cannot be told apart wrongly in any
 * language: in C a failure is %NULL with an error, in Python and JavaScript
 * an exception, and the answer is always read as
 * [property@Nexor.PauseState:paused] (`state.props.paused`,
 * `state.paused`).
 *
 * Since: 0.1
 */
void
nexor_client_is_lead_paused_async (NexorClient         *self,
                                   const char          *lead_id,
                                   const char          *workflow_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, is_lead_paused_request (lead_id, workflow_id), cancellable, callback, user_data,
                            nexor_client_is_lead_paused_async);
}

/**
 * nexor_client_is_lead_paused_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.is_lead_paused_async].
 *
 * Returns: (transfer full): the answer, whose
 *   [property@Nexor.PauseState:paused] says whether the lead is taken over;
 *   %NULL with @error set if the call failed
 *
 * Since: 0.1
 */
NexorPauseState *
nexor_client_is_lead_paused_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_is_lead_paused_async, error);
}

/**
 * nexor_client_is_lead_paused:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @workflow_id: (nullable): only look at the lead's run in this workflow
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Asks whether a human has taken over a lead, blocking the calling thread;
 * see [method@Nexor.Client.is_lead_paused_async].
 *
 * ```c
 * g_autoptr(NexorPauseState) state = nexor_client_is_lead_paused (client, lead_id, NULL, NULL, &error);
 *
 * if (state == NULL)
 *   return fail (error);
 * g_print ("%s\n", nexor_pause_state_get_paused (state) ? "paused" : "not paused");
 * ```
 *
 * Returns: (transfer full): the answer, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorPauseState *
nexor_client_is_lead_paused (NexorClient   *self,
                             const char    *lead_id,
                             const char    *workflow_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, is_lead_paused_request (lead_id, workflow_id), cancellable, error);
}

/* ---------------------------------------------------------------------------
 * History
 * ------------------------------------------------------------------------- */

static void
on_first_history_page (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NexorHistoryList *list = NEXOR_HISTORY_LIST (source);
  GError *error = NULL;

  if (nexor_history_list_load_more_finish (list, result, &error))
    g_task_return_pointer (task, g_object_ref (list), g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * nexor_client_list_lead_history_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @channels: (nullable) (array zero-terminated=1): the channels to list, such
 *   as `whatsapp`, `email` and `call`; %NULL for all of them
 * @cancellable: (nullable): a [class@Gio.Cancellable]; it cancels this call,
 *   the first page, and not the list's later fetches
 * @callback: (scope async): called when the first page has arrived or the
 *   call failed
 * @user_data: (closure): data for @callback
 *
 * Lists a lead's timeline — messages, calls, missed calls and activities,
 * oldest first (`GET /leads/{id}/history`) — as a [class@Nexor.HistoryList]
 * whose first page is loaded. The list fetches further pages as they are
 * needed; [method@Nexor.HistoryList.load_all_async] fetches the rest, and
 * [method@Nexor.Client.list_all_lead_history_async] gives the whole history
 * in one call.
 *
 * The list lives on its own once this call is done: stop its later fetches
 * with [method@Nexor.HistoryList.cancel], or by dropping it.
 *
 * Since: 0.1
 */
void
nexor_client_list_lead_history_async (NexorClient         *self,
                                      const char          *lead_id,
                                      const char * const  *channels,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(NexorHistoryList) list = NULL;
  GTask *task;

  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nexor_client_list_lead_history_async);

  list = nexor_history_list_new (self, lead_id, channels, NULL);
  nexor_history_list_load_more_async (list, cancellable, on_first_history_page, task);
}

/**
 * nexor_client_list_lead_history_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_lead_history_async].
 *
 * Returns: (transfer full): the history, with its first page loaded, or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
NexorHistoryList *
nexor_client_list_lead_history_finish (NexorClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, nexor_client_list_lead_history_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nexor_client_list_lead_history:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @channels: (nullable) (array zero-terminated=1): the channels to list; %NULL
 *   for all of them
 * @cancellable: (nullable): a [class@Gio.Cancellable]; it cancels this call,
 *   the first page, and not the list's later fetches
 * @error: return location for an error
 *
 * Lists a lead's timeline, blocking the calling thread until the first page
 * has arrived; see [method@Nexor.Client.list_lead_history_async]. The list
 * belongs to the calling thread.
 *
 * Only the first page is loaded: iterating over the list goes through
 * [property@Nexor.HistoryList:n-items] entries while
 * [property@Nexor.HistoryList:has-more] may still be %TRUE. Call
 * [method@Nexor.HistoryList.load_all], or use
 * [method@Nexor.Client.list_all_lead_history], for all of it.
 *
 * Returns: (transfer full): the history, with its first page loaded, or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
NexorHistoryList *
nexor_client_list_lead_history (NexorClient         *self,
                                const char          *lead_id,
                                const char * const  *channels,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(NexorHistoryList) list = NULL;

  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = nexor_history_list_new (self, lead_id, channels, NULL);
  if (!nexor_history_list_load_more (list, cancellable, error))
    return NULL;

  return g_steal_pointer (&list);
}

/* The whole history costs fewest requests in the largest pages. */
static NexorHistoryList *
new_whole_history_list (NexorClient        *self,
                        const char         *lead_id,
                        const char * const *channels)
{
  return g_object_new (NEXOR_TYPE_HISTORY_LIST,
                       "client", self,
                       "lead-id", lead_id,
                       "channels", channels,
                       "page-size", NEXOR_HISTORY_LIST_MAX_PAGE_SIZE,
                       NULL);
}

static void
on_whole_history (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NexorHistoryList *list = NEXOR_HISTORY_LIST (source);
  GError *error = NULL;

  if (nexor_history_list_load_all_finish (list, result, &error))
    g_task_return_pointer (task, g_object_ref (list), g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * nexor_client_list_all_lead_history_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @channels: (nullable) (array zero-terminated=1): the channels to list, such
 *   as `whatsapp`, `email` and `call`; %NULL for all of them
 * @cancellable: (nullable): a [class@Gio.Cancellable]; it cancels this call
 * @callback: (scope async): called when the whole history has arrived or
 *   the call failed
 * @user_data: (closure): data for @callback
 *
 * Lists a lead's whole timeline (`GET /leads/{id}/history`, page after page
 * until the server says there is no more) as a [class@Nexor.HistoryList]
 * with every entry loaded and [property@Nexor.HistoryList:has-more] %FALSE.
 * It asks for pages of [const@Nexor.HISTORY_LIST_MAX_PAGE_SIZE] entries, the
 * most the API serves, so a history of up to that many entries costs one
 * request; each page has the client's retries and deadline.
 *
 * It fails if any page fails, never with a part of the history; see
 * [method@Nexor.HistoryList.load_all_async] for the errors.
 *
 * Since: 0.1
 */
void
nexor_client_list_all_lead_history_async (NexorClient         *self,
                                          const char          *lead_id,
                                          const char * const  *channels,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(NexorHistoryList) list = NULL;
  GTask *task;

  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nexor_client_list_all_lead_history_async);

  list = new_whole_history_list (self, lead_id, channels);
  nexor_history_list_load_all_async (list, cancellable, on_whole_history, task);
}

/**
 * nexor_client_list_all_lead_history_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_all_lead_history_async].
 *
 * Returns: (transfer full): the whole history, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorHistoryList *
nexor_client_list_all_lead_history_finish (NexorClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, nexor_client_list_all_lead_history_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nexor_client_list_all_lead_history:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @channels: (nullable) (array zero-terminated=1): the channels to list; %NULL
 *   for all of them
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists a lead's whole timeline, blocking the calling thread until every
 * page has arrived; see [method@Nexor.Client.list_all_lead_history_async].
 * The list belongs to the calling thread.
 *
 * Returns: (transfer full): the whole history, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorHistoryList *
nexor_client_list_all_lead_history (NexorClient         *self,
                                    const char          *lead_id,
                                    const char * const  *channels,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(NexorHistoryList) list = NULL;

  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = new_whole_history_list (self, lead_id, channels);
  if (!nexor_history_list_load_all (list, cancellable, error))
    return NULL;

  return g_steal_pointer (&list);
}

/* ---------------------------------------------------------------------------
 * Meetings
 * ------------------------------------------------------------------------- */

static GListModel *
parse_meetings (JsonNode           *root,
                NexorJsonDocument  *document,
                GError            **error)
{
  return _nexor_json_unwrap_list (root, "meetings", "meetings", NEXOR_TYPE_MEETING,
                                  (NexorResourceParseFunc) _nexor_meeting_new_from_json, document, error);
}

static NexorRequest *
list_lead_meetings_request (const char         *lead_id,
                            const char * const *statuses)
{
  NexorRequest *request = lead_request ("GET", (NexorResponseParser) parse_meetings, lead_id, "meetings");

  _nexor_request_add_list_query (request, "status", statuses);
  return request;
}

/**
 * nexor_client_list_lead_meetings_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @statuses: (nullable) (array zero-terminated=1): only meetings with these
 *   statuses, such as `scheduled` and `confirmed`; %NULL for all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the meetings
 * @user_data: (closure): data for @callback
 *
 * Lists a lead's meetings, most recent first (`GET /leads/{id}/meetings`).
 *
 * Since: 0.1
 */
void
nexor_client_list_lead_meetings_async (NexorClient         *self,
                                       const char          *lead_id,
                                       const char * const  *statuses,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, list_lead_meetings_request (lead_id, statuses), cancellable, callback,
                            user_data, nexor_client_list_lead_meetings_async);
}

/**
 * nexor_client_list_lead_meetings_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_lead_meetings_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of [class@Nexor.Meeting],
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_lead_meetings_finish (NexorClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_lead_meetings_async, error);
}

/**
 * nexor_client_list_lead_meetings:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @statuses: (nullable) (array zero-terminated=1): only meetings with these
 *   statuses; %NULL for all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists a lead's meetings, blocking the calling thread; see
 * [method@Nexor.Client.list_lead_meetings_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of [class@Nexor.Meeting],
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_lead_meetings (NexorClient         *self,
                                 const char          *lead_id,
                                 const char * const  *statuses,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, list_lead_meetings_request (lead_id, statuses), cancellable, error);
}

/* GET /leads?search= is used by API clients but not documented: the pages
 * are read in nexor-lead-list.c; see docs/emulator.md. */

/* The list of @text's matches in pages of @limit, or NULL with @error set
 * when @limit is out of range: the check comes before any request. */
static NexorLeadList *
new_lead_search (NexorClient  *self,
                 const char   *text,
                 guint         limit,
                 GError      **error)
{
  if (limit > NEXOR_LEAD_LIST_MAX_PAGE_SIZE)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Cannot search for %u leads at once: the limit is from 1 to %u"),
                   limit, NEXOR_LEAD_LIST_MAX_PAGE_SIZE);
      return NULL;
    }

  /* A NULL text is refused as a blank one is, when the first page is asked. */
  return g_object_new (NEXOR_TYPE_LEAD_LIST,
                       "client", self,
                       "search", text != NULL ? text : "",
                       "page-size", limit > 0 ? limit : NEXOR_LEAD_LIST_DEFAULT_PAGE_SIZE,
                       NULL);
}

static void
on_first_lead_page (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NexorLeadList *list = NEXOR_LEAD_LIST (source);
  GError *error = NULL;

  if (nexor_lead_list_load_more_finish (list, result, &error))
    g_task_return_pointer (task, g_object_ref (list), g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * nexor_client_search_leads_async:
 * @self: a [class@Nexor.Client]
 * @text: what to look for in the leads' names, emails and phones
 * @limit: how many leads to fetch per page, from 1 to
 *   [const@Nexor.LEAD_LIST_MAX_PAGE_SIZE], or 0 for
 *   [const@Nexor.LEAD_LIST_DEFAULT_PAGE_SIZE]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; it cancels this call,
 *   the first page, and not the list's later fetches
 * @callback: (scope async): called when the first page has arrived or the
 *   call failed
 * @user_data: (closure): data for @callback
 *
 * Finds the leads whose name, email or phone contains @text, ignoring case
 * (`GET /leads?search=`). A phone number is found however it is spaced
 * (`+56 9 1234 5678`). The leads are those Get Lead would give, oldest
 * created first, in a [class@Nexor.LeadList] whose first page (@limit
 * leads) is loaded: the list fetches further pages as they are needed, and
 * [method@Nexor.LeadList.load_all_async] fetches the rest.
 *
 * A blank @text or a @limit over [const@Nexor.LEAD_LIST_MAX_PAGE_SIZE]
 * fails with %NEXOR_ERROR_INVALID_ARGUMENT without sending a request.
 *
 * Experimental: API clients call this endpoint but it has no documentation
 * page. The library reads the shape the nexor-emulator serves (see the
 * emulator guide); members it does not know are kept in each lead's
 * [method@Nexor.Lead.dup_json]. Safe to repeat: a failed call is retried.
 *
 * Since: 0.1
 */
void
nexor_client_search_leads_async (NexorClient         *self,
                                 const char          *text,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(NexorLeadList) list = NULL;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nexor_client_search_leads_async);

  list = new_lead_search (self, text, limit, &error);
  if (list == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  nexor_lead_list_load_more_async (list, cancellable, on_first_lead_page, task);
}

/**
 * nexor_client_search_leads_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.search_leads_async].
 *
 * Returns: (transfer full): a [class@Nexor.LeadList] (a
 *   [iface@Gio.ListModel] of [class@Nexor.Lead]) with its first page,
 *   empty when nothing matched, or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_search_leads_finish (NexorClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, nexor_client_search_leads_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nexor_client_search_leads:
 * @self: a [class@Nexor.Client]
 * @text: what to look for in the leads' names, emails and phones
 * @limit: how many leads to fetch per page, from 1 to
 *   [const@Nexor.LEAD_LIST_MAX_PAGE_SIZE], or 0 for
 *   [const@Nexor.LEAD_LIST_DEFAULT_PAGE_SIZE]
 * @cancellable: (nullable): a [class@Gio.Cancellable]; it cancels the first
 *   page only
 * @error: return location for an error
 *
 * Finds leads by name, email or phone, blocking the calling thread until
 * the first page has arrived; see [method@Nexor.Client.search_leads_async].
 * The list fetches its further pages in the calling thread's
 * thread-default main context. Experimental.
 *
 * Returns: (transfer full): a [class@Nexor.LeadList] (a
 *   [iface@Gio.ListModel] of [class@Nexor.Lead]) with its first page, or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_search_leads (NexorClient   *self,
                           const char    *text,
                           guint          limit,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(NexorLeadList) list = NULL;

  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = new_lead_search (self, text, limit, error);
  if (list == NULL || !nexor_lead_list_load_more (list, cancellable, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}
