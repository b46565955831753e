/* nexor-client-processors.c: the routing endpoints of NexorClient:
 * processors, their rules, and routing leads through them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-processors.h"
#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-flag-private.h"
#include "nexor-json-private.h"
#include "nexor-lead-input-private.h"
#include "nexor-processor-input-private.h"
#include "nexor-processor-private.h"
#include "nexor-route-result-private.h"
#include "nexor-rule-input-private.h"
#include "nexor-rule-private.h"

/* The documented limit of one routing call, as for bulk create. */
#define MAX_ROUTED_LEADS 1000

static NexorProcessor *
parse_processor (JsonNode           *root,
                 NexorJsonDocument  *document,
                 GError            **error)
{
  JsonObject *object = _nexor_json_unwrap_envelope (root, "processor", "processor", error);

  if (object == NULL)
    return NULL;

  return _nexor_processor_new_from_json (object, document, error);
}

static NexorRule *
parse_rule (JsonNode           *root,
            NexorJsonDocument  *document,
            GError            **error)
{
  JsonObject *object = _nexor_json_unwrap_envelope (root, "rule", "rule", error);

  if (object == NULL)
    return NULL;

  return _nexor_rule_new_from_json (object, document, error);
}

static GListModel *
parse_rules (JsonNode           *root,
             NexorJsonDocument  *document,
             GError            **error)
{
  return _nexor_json_unwrap_list (root, "rules", "rules", NEXOR_TYPE_RULE,
                                  (NexorResourceParseFunc) _nexor_rule_new_from_json, document, error);
}

static gpointer
parse_deleted (JsonNode           *root,
               NexorJsonDocument  *document,
               GError            **error)
{
  return _nexor_flag_new_from_success (root, "deletion", error);
}

/* The route answer is the emulator's shape (undocumented): one lead is
 * the Create Lead answer plus `rule` and `workflow` at the top level. */
static NexorRouteResult *
parse_route_result (JsonNode           *root,
                    NexorJsonDocument  *document,
                    GError            **error)
{
  JsonObject *object = _nexor_json_get_root_object (root, "route result", error);

  if (object == NULL)
    return NULL;

  return _nexor_route_result_new_from_json (object, document, error);
}

static GListModel *
parse_route_results (JsonNode           *root,
                     NexorJsonDocument  *document,
                     GError            **error)
{
  return _nexor_json_unwrap_list (root, "results", "route results", NEXOR_TYPE_ROUTE_RESULT,
                                  (NexorResourceParseFunc) _nexor_route_result_new_from_json, document, error);
}

/* /processors/{id}, then @rest's segments. */
static NexorRequest *
processor_request (const char          *method,
                   NexorResponseParser  parse,
                   const char          *processor_id)
{
  NexorRequest *request = _nexor_request_new (method, parse);

  _nexor_request_add_segment (request, "processors");
  _nexor_request_add_id_segment (request, "processor", processor_id);
  return request;
}

static NexorRequest *
create_processor_request (NexorProcessorInput *input)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) parse_processor);
  GError *error = NULL;

  _nexor_request_add_segment (request, "processors");
  _nexor_request_set_idempotent (request, FALSE);

  if (_nexor_processor_input_check (input, TRUE, &error))
    _nexor_request_take_body (request, _nexor_processor_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

static NexorRequest *
get_processor_request (const char *processor_id)
{
  return processor_request ("GET", (NexorResponseParser) parse_processor, processor_id);
}

static NexorRequest *
update_processor_request (const char          *processor_id,
                          NexorProcessorInput *input)
{
  NexorRequest *request = processor_request ("PATCH", (NexorResponseParser) parse_processor, processor_id);
  GError *error = NULL;

  /* The same fields written twice leave the same processor. */
  _nexor_request_set_idempotent (request, TRUE);

  if (_nexor_processor_input_check (input, FALSE, &error))
    _nexor_request_take_body (request, _nexor_processor_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

static NexorRequest *
delete_processor_request (const char *processor_id)
{
  NexorRequest *request = processor_request ("DELETE", (NexorResponseParser) parse_deleted, processor_id);

  /* Deactivating twice leaves it inactive. */
  _nexor_request_set_idempotent (request, TRUE);
  return request;
}

static NexorRequest *
rules_request (const char          *method,
               NexorResponseParser  parse,
               const char          *processor_id,
               const char          *rule_id)
{
  NexorRequest *request = processor_request (method, parse, processor_id);

  _nexor_request_add_segment (request, "rules");
  if (rule_id != NULL)
    _nexor_request_add_id_segment (request, "rule", rule_id);
  return request;
}

static NexorRequest *
create_processor_rule_request (const char     *processor_id,
                               NexorRuleInput *input)
{
  NexorRequest *request = rules_request ("POST", (NexorResponseParser) parse_rule, processor_id, NULL);
  GError *error = NULL;

  _nexor_request_set_idempotent (request, FALSE);
  /* The workflow is named in the body; the API answers 400 for it, but a
   * 404 naming it is the API's own too. */
  _nexor_request_add_not_found (request, "workflow");

  if (_nexor_rule_input_check (input, TRUE, &error))
    _nexor_request_take_body (request, _nexor_rule_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

static NexorRequest *
update_processor_rule_request (const char     *processor_id,
                               const char     *rule_id,
                               NexorRuleInput *input)
{
  NexorRequest *request;
  GError *error = NULL;

  /* A rule_id of NULL is refused here, not taken for the rule list. */
  if (rule_id == NULL)
    rule_id = "";

  request = rules_request ("PATCH", (NexorResponseParser) parse_rule, processor_id, rule_id);
  _nexor_request_set_idempotent (request, TRUE);
  _nexor_request_add_not_found (request, "workflow");

  if (_nexor_rule_input_check (input, FALSE, &error))
    _nexor_request_take_body (request, _nexor_rule_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

static NexorRequest *
delete_processor_rule_request (const char *processor_id,
                               const char *rule_id)
{
  NexorRequest *request = rules_request ("DELETE", (NexorResponseParser) parse_deleted, processor_id,
                                         rule_id != NULL ? rule_id : "");

  _nexor_request_set_idempotent (request, TRUE);
  return request;
}

static NexorRequest *
reorder_processor_rules_request (const char         *processor_id,
                                 const char * const *rule_ids)
{
  NexorRequest *request = rules_request ("PUT", (NexorResponseParser) parse_rules, processor_id, NULL);
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *ids;

  _nexor_request_add_segment (request, "reorder");
  /* Setting the same order twice leaves the same order. */
  _nexor_request_set_idempotent (request, TRUE);

  if (rule_ids[0] == NULL)
    {
      _nexor_request_take_error (request, g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                               _("Cannot reorder rules: the list of rule ids is empty")));
      return request;
    }

  ids = json_array_new ();
  json_object_set_array_member (body, "rule_ids", ids);
  for (guint i = 0; rule_ids[i] != NULL; i++)
    {
      if (!_nexor_is_uuid (rule_ids[i]))
        {
          _nexor_request_take_error (request, g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                           _("Cannot reorder rules: rule id %u is not a UUID"), i));
          return request;
        }
      json_array_add_string_element (ids, rule_ids[i]);
    }

  _nexor_request_take_body (request, json_node_init_object (json_node_alloc (), body));
  return request;
}

static NexorRequest *
route_request (const char          *processor_id,
               NexorResponseParser  parse)
{
  NexorRequest *request = processor_request ("POST", parse, processor_id);

  _nexor_request_add_segment (request, "leads");
  /* A routed lead is enrolled, and a workflow may contact the person. */
  _nexor_request_set_idempotent (request, FALSE);
  return request;
}

static NexorRequest *
route_lead_request (const char     *processor_id,
                    NexorLeadInput *lead)
{
  NexorRequest *request = route_request (processor_id, (NexorResponseParser) parse_route_result);
  GError *error = NULL;

  if (_nexor_lead_input_check (lead, NEXOR_LEAD_INPUT_ROUTE, &error))
    _nexor_request_take_body (request, _nexor_lead_input_to_json (lead));
  else
    _nexor_request_take_error (request, error);

  return request;
}

static NexorRequest *
route_leads_request (const char *processor_id,
                     GListModel *leads)
{
  NexorRequest *request = route_request (processor_id, (NexorResponseParser) parse_route_results);
  guint n = g_list_model_get_n_items (leads);
  GError *error = NULL;
  JsonNode *body;

  if (n == 0 || n > MAX_ROUTED_LEADS)
    {
      _nexor_request_take_error (request, g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                       _("Cannot route %u leads in one call: the API "
                                                         "takes from 1 to %u"), n, MAX_ROUTED_LEADS));
      return request;
    }

  body = _nexor_lead_inputs_to_json (leads, NEXOR_LEAD_INPUT_ROUTE, &error);
  if (body != NULL)
    _nexor_request_take_body (request, body);
  else
    _nexor_request_take_error (request, error);
  return request;
}

/**
 * nexor_client_create_processor_async:
 * @self: a [class@Nexor.Client]
 * @input: the processor; [property@Nexor.ProcessorInput:name] and
 *   [property@Nexor.ProcessorInput:default-workflow-id] are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the processor is created or the call failed
 * @user_data: (closure): data for @callback
 *
 * Creates a routing processor (`POST /processors`). It has no rules yet:
 * add them with [method@Nexor.Client.create_processor_rule].
 *
 * An input without a name or default workflow fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request; a default workflow the
 * account does not have fails with %NEXOR_ERROR_INVALID_ARGUMENT from the
 * server. Creating is never sent twice: after a server error or a
 * connection lost once the request was sent it fails with
 * %NEXOR_ERROR_OUTCOME_UNKNOWN.
 *
 * Since: 0.1
 */
void
nexor_client_create_processor_async (NexorClient         *self,
                                     NexorProcessorInput *input,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_PROCESSOR_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, create_processor_request (input), cancellable, callback, user_data,
                            nexor_client_create_processor_async);
}

/**
 * nexor_client_create_processor_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_processor_async].
 *
 * Returns: (transfer full): the new processor, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorProcessor *
nexor_client_create_processor_finish (NexorClient  *self,
                                      GAsyncResult *result,
                                      GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_processor_async, error);
}

/**
 * nexor_client_create_processor:
 * @self: a [class@Nexor.Client]
 * @input: the processor; [property@Nexor.ProcessorInput:name] and
 *   [property@Nexor.ProcessorInput:default-workflow-id] are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Creates a routing processor, blocking the calling thread; see
 * [method@Nexor.Client.create_processor_async].
 *
 * Returns: (transfer full): the new processor, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorProcessor *
nexor_client_create_processor (NexorClient         *self,
                               NexorProcessorInput *input,
                               GCancellable        *cancellable,
                               GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, create_processor_request (input), cancellable, error);
}

/**
 * nexor_client_get_processor_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the processor
 * @user_data: (closure): data for @callback
 *
 * Gets a routing processor with its default workflow and its rules, in the
 * order they are evaluated (`GET /processors/{id}`). A deleted processor is
 * still found, inactive; one that does not exist, or belongs to another
 * account, fails with %NEXOR_ERROR_NOT_FOUND.
 *
 * Since: 0.1
 */
void
nexor_client_get_processor_async (NexorClient         *self,
                                  const char          *processor_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, get_processor_request (processor_id), cancellable, callback, user_data,
                            nexor_client_get_processor_async);
}

/**
 * nexor_client_get_processor_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.get_processor_async].
 *
 * Returns: (transfer full): the processor, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorProcessor *
nexor_client_get_processor_finish (NexorClient  *self,
                                   GAsyncResult *result,
                                   GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_get_processor_async, error);
}

/**
 * nexor_client_get_processor:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Gets a routing processor, blocking the calling thread; see
 * [method@Nexor.Client.get_processor_async].
 *
 * Returns: (transfer full): the processor, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorProcessor *
nexor_client_get_processor (NexorClient  *self,
                            const char   *processor_id,
                            GCancellable *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, get_processor_request (processor_id), cancellable, error);
}

/**
 * nexor_client_update_processor_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @input: the fields to change; the others are kept
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the processor is updated or the call failed
 * @user_data: (closure): data for @callback
 *
 * Changes a routing processor (`PATCH /processors/{id}`). Only the
 * properties set on @input are sent; a null or empty name or default
 * workflow fails with %NEXOR_ERROR_INVALID_ARGUMENT without a request.
 * Setting [property@Nexor.ProcessorInput:is-active] to %TRUE reactivates a
 * deleted processor. The update is safe to repeat and is retried.
 *
 * Since: 0.1
 */
void
nexor_client_update_processor_async (NexorClient         *self,
                                     const char          *processor_id,
                                     NexorProcessorInput *input,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_PROCESSOR_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, update_processor_request (processor_id, input), cancellable, callback, user_data,
                            nexor_client_update_processor_async);
}

/**
 * nexor_client_update_processor_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.update_processor_async].
 *
 * Returns: (transfer full): the processor as the update left it (without its
 *   rules), or %NULL with @error set
 *
 * Since: 0.1
 */
NexorProcessor *
nexor_client_update_processor_finish (NexorClient  *self,
                                      GAsyncResult *result,
                                      GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_update_processor_async, error);
}

/**
 * nexor_client_update_processor:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @input: the fields to change; the others are kept
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Changes a routing processor, blocking the calling thread; see
 * [method@Nexor.Client.update_processor_async].
 *
 * Returns: (transfer full): the processor as the update left it (without its
 *   rules), or %NULL with @error set
 *
 * Since: 0.1
 */
NexorProcessor *
nexor_client_update_processor (NexorClient         *self,
                               const char          *processor_id,
                               NexorProcessorInput *input,
                               GCancellable        *cancellable,
                               GError              **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_PROCESSOR_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, update_processor_request (processor_id, input), cancellable, error);
}

/**
 * nexor_client_delete_processor_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the processor is deactivated or the call failed
 * @user_data: (closure): data for @callback
 *
 * Deactivates a routing processor (`DELETE /processors/{id}`): it is kept
 * with its rules, and [method@Nexor.Client.get_processor] still finds it,
 * but routing through it then fails with %NEXOR_ERROR_NOT_FOUND. Leads it
 * already routed are not affected.
 *
 * Since: 0.1
 */
void
nexor_client_delete_processor_async (NexorClient         *self,
                                     const char          *processor_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, delete_processor_request (processor_id), cancellable, callback, user_data,
                            nexor_client_delete_processor_async);
}

/**
 * nexor_client_delete_processor_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.delete_processor_async].
 *
 * Returns: %TRUE if the processor was deactivated; %FALSE with @error set
 *   otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_client_delete_processor_finish (NexorClient  *self,
                                      GAsyncResult *result,
                                      GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), FALSE);

  return _nexor_flag_take_value (_nexor_client_send_finish (self, result, nexor_client_delete_processor_async, error));
}

/**
 * nexor_client_delete_processor:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Deactivates a routing processor, blocking the calling thread; see
 * [method@Nexor.Client.delete_processor_async].
 *
 * Returns: %TRUE if the processor was deactivated; %FALSE with @error set
 *   otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_client_delete_processor (NexorClient  *self,
                               const char   *processor_id,
                               GCancellable *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_flag_take_value (_nexor_client_send (self, delete_processor_request (processor_id), cancellable, error));
}

/**
 * nexor_client_create_processor_rule_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @input: the rule; [property@Nexor.RuleInput:name],
 *   [property@Nexor.RuleInput:workflow-id] and the conditions are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the rule is created or the call failed
 * @user_data: (closure): data for @callback
 *
 * Adds a rule to a routing processor (`POST /processors/{id}/rules`).
 * Without [property@Nexor.RuleInput:position] it goes after the others.
 *
 * An input without a name, workflow or conditions (none added and
 * [method@Nexor.RuleInput.clear_conditions] not called), or with a condition
 * that lacks its field, operator or needed value, fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request; the server refuses
 * other bad conditions with the same code. Creating is never sent twice:
 * after a server error or a connection lost once the request was sent it
 * fails with %NEXOR_ERROR_OUTCOME_UNKNOWN.
 *
 * Since: 0.1
 */
void
nexor_client_create_processor_rule_async (NexorClient         *self,
                                          const char          *processor_id,
                                          NexorRuleInput      *input,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_RULE_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, create_processor_rule_request (processor_id, input), cancellable, callback, user_data,
                            nexor_client_create_processor_rule_async);
}

/**
 * nexor_client_create_processor_rule_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_processor_rule_async].
 *
 * Returns: (transfer full): the new rule, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorRule *
nexor_client_create_processor_rule_finish (NexorClient  *self,
                                           GAsyncResult *result,
                                           GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_processor_rule_async, error);
}

/**
 * nexor_client_create_processor_rule:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @input: the rule; [property@Nexor.RuleInput:name],
 *   [property@Nexor.RuleInput:workflow-id] and the conditions are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Adds a rule to a routing processor, blocking the calling thread; see
 * [method@Nexor.Client.create_processor_rule_async].
 *
 * Returns: (transfer full): the new rule, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorRule *
nexor_client_create_processor_rule (NexorClient    *self,
                                    const char     *processor_id,
                                    NexorRuleInput *input,
                                    GCancellable   *cancellable,
                                    GError         **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, create_processor_rule_request (processor_id, input), cancellable, error);
}

/**
 * nexor_client_update_processor_rule_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @rule_id: the rule's id, a UUID
 * @input: the fields to change; conditions, when set, replace the
 *   rule's
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the rule is updated or the call failed
 * @user_data: (closure): data for @callback
 *
 * Changes a rule (`PATCH /processors/{id}/rules/{ruleId}`). Only the
 * properties set on @input are sent; conditions, once added or cleared,
 * replace the rule's whole list. Setting
 * [property@Nexor.RuleInput:is-active] to %FALSE disables the rule without
 * deleting it. The update is safe to repeat and is retried.
 *
 * Since: 0.1
 */
void
nexor_client_update_processor_rule_async (NexorClient         *self,
                                          const char          *processor_id,
                                          const char          *rule_id,
                                          NexorRuleInput      *input,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_RULE_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, update_processor_rule_request (processor_id, rule_id, input), cancellable, callback, user_data,
                            nexor_client_update_processor_rule_async);
}

/**
 * nexor_client_update_processor_rule_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.update_processor_rule_async].
 *
 * Returns: (transfer full): the rule as the update left it, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
NexorRule *
nexor_client_update_processor_rule_finish (NexorClient  *self,
                                           GAsyncResult *result,
                                           GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_update_processor_rule_async, error);
}

/**
 * nexor_client_update_processor_rule:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @rule_id: the rule's id, a UUID
 * @input: the fields to change; conditions, when set, replace the
 *   rule's
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Changes a rule, blocking the calling thread; see
 * [method@Nexor.Client.update_processor_rule_async].
 *
 * Returns: (transfer full): the rule as the update left it, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
NexorRule *
nexor_client_update_processor_rule (NexorClient    *self,
                                    const char     *processor_id,
                                    const char     *rule_id,
                                    NexorRuleInput *input,
                                    GCancellable   *cancellable,
                                    GError         **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_RULE_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, update_processor_rule_request (processor_id, rule_id, input), cancellable, error);
}

/**
 * nexor_client_delete_processor_rule_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @rule_id: the rule's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the rule is deleted or the call failed
 * @user_data: (closure): data for @callback
 *
 * Deletes a rule for good (`DELETE /processors/{id}/rules/{ruleId}`); the
 * others keep their positions. A rule that does not exist fails with
 * %NEXOR_ERROR_NOT_FOUND, so a delete repeated after a lost answer reports
 * %NEXOR_ERROR_NOT_FOUND although the first one succeeded.
 *
 * Since: 0.1
 */
void
nexor_client_delete_processor_rule_async (NexorClient         *self,
                                          const char          *processor_id,
                                          const char          *rule_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, delete_processor_rule_request (processor_id, rule_id), cancellable, callback, user_data,
                            nexor_client_delete_processor_rule_async);
}

/**
 * nexor_client_delete_processor_rule_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.delete_processor_rule_async].
 *
 * Returns: %TRUE if the rule was deleted; %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_client_delete_processor_rule_finish (NexorClient  *self,
                                           GAsyncResult *result,
                                           GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), FALSE);

  return _nexor_flag_take_value (_nexor_client_send_finish (self, result, nexor_client_delete_processor_rule_async, error));
}

/**
 * nexor_client_delete_processor_rule:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @rule_id: the rule's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Deletes a rule, blocking the calling thread; see
 * [method@Nexor.Client.delete_processor_rule_async].
 *
 * Returns: %TRUE if the rule was deleted; %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_client_delete_processor_rule (NexorClient  *self,
                                    const char   *processor_id,
                                    const char   *rule_id,
                                    GCancellable *cancellable,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_flag_take_value (_nexor_client_send (self, delete_processor_rule_request (processor_id, rule_id), cancellable, error));
}

/**
 * nexor_client_reorder_processor_rules_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @rule_ids: (array zero-terminated=1): the ids of the processor's rules
 *   in their new order
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the rules are reordered or the call failed
 * @user_data: (closure): data for @callback
 *
 * Sets the order the rules of a processor are evaluated in
 * (`PUT /processors/{id}/rules/reorder`): the first id gets position 1, the
 * next 2, and so on; active rules left out follow, in their old order.
 *
 * An empty list, or an id that is not a UUID, fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request. The reorder is safe to
 * repeat and is retried.
 *
 * Since: 0.1
 */
void
nexor_client_reorder_processor_rules_async (NexorClient         *self,
                                            const char          *processor_id,
                                            const char * const  *rule_ids,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (rule_ids != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, reorder_processor_rules_request (processor_id, rule_ids), cancellable, callback, user_data,
                            nexor_client_reorder_processor_rules_async);
}

/**
 * nexor_client_reorder_processor_rules_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.reorder_processor_rules_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Rule] in their new order, each with only its id, name and
 *   position, or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_reorder_processor_rules_finish (NexorClient  *self,
                                             GAsyncResult *result,
                                             GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_reorder_processor_rules_async, error);
}

/**
 * nexor_client_reorder_processor_rules:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @rule_ids: (array zero-terminated=1): the ids of the processor's rules
 *   in their new order
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Sets the order of the rules of a processor, blocking the calling thread; see
 * [method@Nexor.Client.reorder_processor_rules_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Rule] in their new order, each with only its id, name and
 *   position, or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_reorder_processor_rules (NexorClient        *self,
                                      const char         *processor_id,
                                      const char * const *rule_ids,
                                      GCancellable       *cancellable,
                                      GError             **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (rule_ids != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, reorder_processor_rules_request (processor_id, rule_ids), cancellable, error);
}

/**
 * nexor_client_route_lead_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @lead: the lead; [property@Nexor.LeadInput:first-name] is
 *   required and [property@Nexor.LeadInput:workflow-id] must be unset
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the lead is routed or the call failed
 * @user_data: (closure): data for @callback
 *
 * Sends one lead through a routing processor
 * (`POST /processors/{id}/leads`): its rules are evaluated top to bottom and
 * the lead is created (or, matched by email or phone, updated) and enrolled
 * in the workflow of the first rule it matches, or in the processor's
 * default workflow. Rules read the lead's fields and its metadata
 * (`metadata.<key>`).
 *
 * The processor chooses the workflow: a lead with
 * [property@Nexor.LeadInput:workflow-id] set fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request, as one without a first
 * name does. A deleted processor fails with %NEXOR_ERROR_NOT_FOUND.
 *
 * Routing is never sent twice: a lead may reach a person. After a server
 * error or a connection lost once the request was sent it fails with
 * %NEXOR_ERROR_OUTCOME_UNKNOWN.
 *
 * The answer is not documented by the API; the result reads the shape
 * described in [class@Nexor.RouteResult], which is **experimental**.
 *
 * Since: 0.1
 */
void
nexor_client_route_lead_async (NexorClient         *self,
                               const char          *processor_id,
                               NexorLeadInput      *lead,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (lead));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, route_lead_request (processor_id, lead), cancellable, callback, user_data,
                            nexor_client_route_lead_async);
}

/**
 * nexor_client_route_lead_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.route_lead_async].
 *
 * Returns: (transfer full): where the lead went, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorRouteResult *
nexor_client_route_lead_finish (NexorClient  *self,
                                GAsyncResult *result,
                                GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_route_lead_async, error);
}

/**
 * nexor_client_route_lead:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @lead: the lead; [property@Nexor.LeadInput:first-name] is
 *   required and [property@Nexor.LeadInput:workflow-id] must be unset
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Sends one lead through a routing processor, blocking the calling thread; see
 * [method@Nexor.Client.route_lead_async].
 *
 * Returns: (transfer full): where the lead went, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorRouteResult *
nexor_client_route_lead (NexorClient    *self,
                         const char     *processor_id,
                         NexorLeadInput *lead,
                         GCancellable   *cancellable,
                         GError         **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (lead), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, route_lead_request (processor_id, lead), cancellable, error);
}

/**
 * nexor_client_route_leads_async:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @leads: a [iface@Gio.ListModel] of 1 to 1000 [class@Nexor.LeadInput]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the leads are routed or the call failed
 * @user_data: (closure): data for @callback
 *
 * Sends up to 1000 leads through a routing processor in one call
 * (`POST /processors/{id}/leads` with an array); each is evaluated and
 * stored on its own, as [method@Nexor.Client.route_lead_async] does for one.
 *
 * A lead the server refuses fails alone: the call succeeds and that lead's
 * result has [property@Nexor.RouteResult:success] %FALSE and the server's
 * [property@Nexor.RouteResult:error-message]. An empty list, more than 1000
 * leads, an item that is not a [class@Nexor.LeadInput], a lead without a
 * first name or with a workflow fails the whole call with
 * %NEXOR_ERROR_INVALID_ARGUMENT before anything is sent; the message names
 * the position of the bad lead. Never sent twice, as
 * [method@Nexor.Client.route_lead_async].
 *
 * The answer is not documented by the API; see [class@Nexor.RouteResult]
 * (**experimental**).
 *
 * Since: 0.1
 */
void
nexor_client_route_leads_async (NexorClient         *self,
                                const char          *processor_id,
                                GListModel          *leads,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (leads));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, route_leads_request (processor_id, leads), cancellable, callback, user_data,
                            nexor_client_route_leads_async);
}

/**
 * nexor_client_route_leads_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.route_leads_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.RouteResult], one per lead in the order sent, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_route_leads_finish (NexorClient  *self,
                                 GAsyncResult *result,
                                 GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_route_leads_async, error);
}

/**
 * nexor_client_route_leads:
 * @self: a [class@Nexor.Client]
 * @processor_id: the processor's id, a UUID
 * @leads: a [iface@Gio.ListModel] of 1 to 1000 [class@Nexor.LeadInput]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Sends up to 1000 leads through a routing processor, blocking the calling thread; see
 * [method@Nexor.Client.route_leads_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.RouteResult], one per lead in the order sent, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_route_leads (NexorClient  *self,
                          const char   *processor_id,
                          GListModel   *leads,
                          GCancellable *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (leads), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, route_leads_request (processor_id, leads), cancellable, error);
}
