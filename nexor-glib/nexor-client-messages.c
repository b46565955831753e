/* nexor-client-messages.c: the message and template endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-client-messages.h"

#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-i18n-private.h"
#include "nexor-json-private.h"
#include "nexor-message-input-private.h"
#include "nexor-message-result-private.h"
#include "nexor-template-private.h"

static NexorMessageResult *
parse_message_result (JsonNode           *root,
                      NexorJsonDocument  *document,
                      GError            **error)
{
  /* The one answer of the family without a wrapper member: the result's
   * members sit beside "success". */
  JsonObject *object = _nexor_json_get_root_object (root, "message result", error);

  if (object == NULL)
    return NULL;

  return _nexor_message_result_new_from_json (object, document, error);
}

static GListModel *
parse_templates (JsonNode           *root,
                 NexorJsonDocument  *document,
                 GError            **error)
{
  return _nexor_json_unwrap_list (root, "templates", "templates", NEXOR_TYPE_TEMPLATE,
                                  (NexorResourceParseFunc) _nexor_template_new_from_json,
                                  document, error);
}

static NexorRequest *
send_message_request (NexorMessageInput *input)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) parse_message_result);
  GError *error = NULL;

  _nexor_request_add_segment (request, "messages");
  /* A message reaches a person: once it may have reached the server it is
   * never sent again, whatever the failure. */
  _nexor_request_set_idempotent (request, FALSE);
  _nexor_request_add_not_found (request, "lead");
  _nexor_request_add_not_found (request, "workflow");
  _nexor_request_add_not_found (request, "template");

  if (_nexor_message_input_check (input, &error))
    _nexor_request_take_body (request, _nexor_message_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

/**
 * nexor_client_send_message_async:
 * @self: a [class@Nexor.Client]
 * @input: what to send: [property@Nexor.MessageInput:channel],
 *   [property@Nexor.MessageInput:lead-id] and
 *   [property@Nexor.MessageInput:workflow-id] are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the message is sent or the call
 *   failed
 * @user_data: (closure): data for @callback
 *
 * Sends a message to a lead (`POST /messages`): a WhatsApp text or
 * template, an email (text or HTML, with a subject), or a call by the AI
 * voice agent, from the workflow's number, sender or agent. The answer
 * carries the channel's ids ([class@Nexor.MessageResult]); the message then
 * shows in the lead's history.
 *
 * WhatsApp allows free-form text only within 24 hours of the lead's last
 * message; otherwise the server refuses it (%NEXOR_ERROR_INVALID_ARGUMENT)
 * and a template ([property@Nexor.MessageInput:template-id]) must be sent.
 * A lead without a phone (WhatsApp, call) or email (email) is refused the
 * same way; a lead, workflow or template the account does not have fails
 * with %NEXOR_ERROR_NOT_FOUND. An input that is refused for sure (no
 * channel, lead or workflow, an id that is not a UUID, a WhatsApp message
 * without text or template, an email without content or HTML) fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request.
 *
 * It is never sent twice: a message reaches a person. After a failure once
 * the request may have reached the server (a 5xx, a dropped connection, a
 * timeout) the call fails with %NEXOR_ERROR_OUTCOME_UNKNOWN and nothing is
 * retried, since the message may have gone out; the lead's history
 * ([method@Nexor.Client.list_lead_history_async]) tells. Only failures
 * before the request was sent, and answers saying the server did not take
 * it (408, 425, 429), are retried.
 *
 * Since: 0.1
 */
void
nexor_client_send_message_async (NexorClient         *self,
                                 NexorMessageInput   *input,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_MESSAGE_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, send_message_request (input), cancellable, callback, user_data,
                            nexor_client_send_message_async);
}

/**
 * nexor_client_send_message_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.send_message_async].
 *
 * Returns: (transfer full): the channel's answer, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMessageResult *
nexor_client_send_message_finish (NexorClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_send_message_async, error);
}

/**
 * nexor_client_send_message:
 * @self: a [class@Nexor.Client]
 * @input: what to send; channel, lead and workflow are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Sends a message to a lead, blocking the calling thread; see
 * [method@Nexor.Client.send_message_async]. Never sent twice.
 *
 * Returns: (transfer full): the channel's answer, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMessageResult *
nexor_client_send_message (NexorClient        *self,
                           NexorMessageInput  *input,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_MESSAGE_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, send_message_request (input), cancellable, error);
}

static gboolean
check_filter (NexorRequest       *request,
              const char         *name,
              const char         *value,
              const char * const *known)
{
  if (value == NULL)
    return TRUE;

  if (!g_strv_contains (known, value))
    {
      _nexor_request_take_error (request,
                                 g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                              _("Invalid template filter: “%s” must be one of %s"),
                                              name, name[0] == 's' ? "APPROVED, PENDING, REJECTED"
                                                                   : "MARKETING, UTILITY, AUTHENTICATION"));
      return FALSE;
    }

  _nexor_request_add_query (request, name, value);
  return TRUE;
}

static NexorRequest *
list_templates_request (const char *status,
                        const char *category)
{
  static const char * const statuses[] = { "APPROVED", "PENDING", "REJECTED", NULL };
  static const char * const categories[] = { "MARKETING", "UTILITY", "AUTHENTICATION", NULL };
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) parse_templates);

  _nexor_request_add_segment (request, "templates");
  if (check_filter (request, "status", status, statuses))
    check_filter (request, "category", category, categories);

  return request;
}

/**
 * nexor_client_list_templates_async:
 * @self: a [class@Nexor.Client]
 * @status: (nullable): only templates with this status: `APPROVED`,
 *   `PENDING` or `REJECTED`; %NULL for all
 * @category: (nullable): only templates of this category: `MARKETING`,
 *   `UTILITY` or `AUTHENTICATION`; %NULL for all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the templates
 * @user_data: (closure): data for @callback
 *
 * Lists the account's WhatsApp templates with their components and
 * variables (`GET /templates`): what
 * [property@Nexor.MessageInput:template-id] takes. Another @status or
 * @category fails with %NEXOR_ERROR_INVALID_ARGUMENT, without a request.
 *
 * Since: 0.1
 */
void
nexor_client_list_templates_async (NexorClient         *self,
                                   const char          *status,
                                   const char          *category,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, list_templates_request (status, category), cancellable, callback, user_data,
                            nexor_client_list_templates_async);
}

/**
 * nexor_client_list_templates_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_templates_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Template], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_templates_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_templates_async, error);
}

/**
 * nexor_client_list_templates:
 * @self: a [class@Nexor.Client]
 * @status: (nullable): only templates with this status; %NULL for all
 * @category: (nullable): only templates of this category; %NULL for all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists the account's WhatsApp templates, blocking the calling thread; see
 * [method@Nexor.Client.list_templates_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Nexor.Template], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_templates (NexorClient   *self,
                             const char    *status,
                             const char    *category,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, list_templates_request (status, category), cancellable, error);
}
