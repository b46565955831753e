/* nexor-client-tags.c: the tag endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-tags.h"
#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-flag-private.h"
#include "nexor-json-private.h"
#include "nexor-tag-input-private.h"
#include "nexor-tag-private.h"
#include "nexor-tag-sync-result-private.h"

static GListModel *
parse_tags (JsonNode           *root,
            NexorJsonDocument  *document,
            GError            **error)
{
  /* Tag endpoints answer {"data": […]}, without "success". */
  return _nexor_json_unwrap_list (root, "tags", "tags", NEXOR_TYPE_TAG,
                                  (NexorResourceParseFunc) _nexor_tag_new_from_json, document, error);
}

static NexorTag *
parse_tag (JsonNode           *root,
           NexorJsonDocument  *document,
           GError            **error)
{
  JsonObject *object = _nexor_json_unwrap_envelope (root, "tag", "tag", error);

  if (object == NULL)
    return NULL;

  return _nexor_tag_new_from_json (object, document, error);
}

static void
take_object_body (NexorRequest *request,
                  JsonObject   *body)
{
  _nexor_request_take_body (request, json_node_init_object (json_node_alloc (), body));
}

/* Checks each of @values with @check; FALSE, with the error kept by
 * @request, at the first bad one. */
static gboolean
check_all (NexorRequest        *request,
           const char          *what,
           const char * const  *values,
           gboolean           (*check) (NexorRequest *, const char *, const char *))
{
  for (guint i = 0; values[i] != NULL; i++)
    if (!check (request, what, values[i]))
      return FALSE;

  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Sync a lead's tags by name
 * ------------------------------------------------------------------------- */

static NexorRequest *
sync_lead_tags_request (const char         *lead_id,
                        const char         *email,
                        const char * const *tags)
{
  NexorRequest *request = _nexor_request_new ("PUT", (NexorResponseParser) _nexor_tag_sync_result_new_from_response);
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *names;

  _nexor_request_add_segment (request, "leads");
  _nexor_request_add_segment (request, "tags");
  /* It sets the whole tag set: doing it twice leaves the same set. */
  _nexor_request_set_idempotent (request, TRUE);
  /* The lead is named in the body, by id or email. */
  _nexor_request_add_not_found (request, "lead");

  if (lead_id == NULL && email == NULL)
    {
      _nexor_request_take_error (request, g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                               _("Cannot sync tags: give the lead's id or email")));
      return request;
    }
  if (tags == NULL)
    {
      /* Never read as "no tags": that would clear them all. */
      _nexor_request_take_error (request, g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                               _("Cannot sync tags: the tag names are missing; "
                                                               "pass an empty list to remove every tag")));
      return request;
    }
  if ((lead_id != NULL && !_nexor_request_check_text (request, "lead id", lead_id)) ||
      (email != NULL && !_nexor_request_check_text (request, "email", email)) ||
      !check_all (request, "tag name", tags, _nexor_request_check_text))
    return request;

  if (lead_id != NULL)
    json_object_set_string_member (body, "lead_id", lead_id);
  if (email != NULL)
    json_object_set_string_member (body, "email", email);
  names = json_array_new ();
  for (guint i = 0; tags[i] != NULL; i++)
    json_array_add_string_element (names, tags[i]);
  json_object_set_array_member (body, "tags", names);
  take_object_body (request, body);

  return request;
}

/**
 * nexor_client_sync_lead_tags_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: (nullable): the lead's id
 * @email: (nullable): the lead's email address, matched without regard to
 *   case; used when @lead_id is %NULL
 * @tags: (array zero-terminated=1): the names of every tag the lead should
 *   have; empty to remove them all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the tags are synced or the call failed
 * @user_data: (closure): data for @callback
 *
 * Sets a lead's complete tag set by tag name (`PUT /leads/tags`): tags the
 * account does not have yet are created, tags not named are taken off the
 * lead. The lead is found by @lead_id, or by @email; one of them is required
 * (the server prefers the id when both are given).
 *
 * A missing id and email, or an empty id, email or tag name, fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request.
 *
 * Since: 0.1
 */
void
nexor_client_sync_lead_tags_async (NexorClient         *self,
                                   const char          *lead_id,
                                   const char          *email,
                                   const char * const  *tags,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, sync_lead_tags_request (lead_id, email, tags), cancellable,
                            callback, user_data, nexor_client_sync_lead_tags_async);
}

/**
 * nexor_client_sync_lead_tags_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.sync_lead_tags_async].
 *
 * Returns: (transfer full): the lead's tags after the sync and what changed,
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
NexorTagSyncResult *
nexor_client_sync_lead_tags_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_sync_lead_tags_async, error);
}

/**
 * nexor_client_sync_lead_tags:
 * @self: a [class@Nexor.Client]
 * @lead_id: (nullable): the lead's id
 * @email: (nullable): the lead's email address; used when @lead_id is %NULL
 * @tags: (array zero-terminated=1): the names of every tag the lead should
 *   have; empty to remove them all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Sets a lead's complete tag set by name, blocking the calling thread; see
 * [method@Nexor.Client.sync_lead_tags_async].
 *
 * Returns: (transfer full): the lead's tags after the sync and what changed,
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
NexorTagSyncResult *
nexor_client_sync_lead_tags (NexorClient         *self,
                             const char          *lead_id,
                             const char          *email,
                             const char * const  *tags,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, sync_lead_tags_request (lead_id, email, tags), cancellable, error);
}

/* ---------------------------------------------------------------------------
 * A lead's tags
 * ------------------------------------------------------------------------- */

static NexorRequest *
lead_tags_request (const char *method,
                   const char *lead_id)
{
  NexorRequest *request = _nexor_request_new (method, (NexorResponseParser) parse_tags);

  _nexor_request_add_segment (request, "leads");
  _nexor_request_add_id_segment (request, "lead", lead_id);
  _nexor_request_add_segment (request, "tags");
  return request;
}

/**
 * nexor_client_list_lead_tags_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the tags
 * @user_data: (closure): data for @callback
 *
 * Lists the tags on a lead (`GET /leads/{id}/tags`).
 *
 * Since: 0.1
 */
void
nexor_client_list_lead_tags_async (NexorClient         *self,
                                   const char          *lead_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, lead_tags_request ("GET", lead_id), cancellable, callback, user_data,
                            nexor_client_list_lead_tags_async);
}

/**
 * nexor_client_list_lead_tags_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_lead_tags_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of [class@Nexor.Tag], or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_lead_tags_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_lead_tags_async, error);
}

/**
 * nexor_client_list_lead_tags:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists the tags on a lead, blocking the calling thread; see
 * [method@Nexor.Client.list_lead_tags_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of [class@Nexor.Tag], or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_lead_tags (NexorClient   *self,
                             const char    *lead_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, lead_tags_request ("GET", lead_id), cancellable, error);
}

static NexorRequest *
assign_lead_tags_request (const char         *lead_id,
                          const char * const *tag_ids)
{
  NexorRequest *request = lead_tags_request ("POST", lead_id);
  g_autoptr(JsonObject) body = json_object_new ();

  _nexor_request_set_idempotent (request, FALSE);
  _nexor_request_add_not_found (request, "tag");

  if (tag_ids == NULL || tag_ids[0] == NULL)
    {
      _nexor_request_take_error (request, g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                               _("Cannot assign tags: no tag ids given")));
      return request;
    }
  if (!check_all (request, "tag id", tag_ids, _nexor_request_check_text))
    return request;

  /* The API takes "tagId" or "tagIds", not both. */
  if (tag_ids[1] == NULL)
    {
      json_object_set_string_member (body, "tagId", tag_ids[0]);
    }
  else
    {
      JsonArray *ids = json_array_new ();

      for (guint i = 0; tag_ids[i] != NULL; i++)
        json_array_add_string_element (ids, tag_ids[i]);
      json_object_set_array_member (body, "tagIds", ids);
    }
  take_object_body (request, body);

  return request;
}

/**
 * nexor_client_assign_lead_tags_async:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @tag_ids: (array zero-terminated=1): the ids of the tags to put on the lead
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the tags are assigned or the call failed
 * @user_data: (closure): data for @callback
 *
 * Puts tags on a lead by id (`POST /leads/{id}/tags`), keeping the tags it
 * has; tags it already has are skipped. Unlike
 * [method@Nexor.Client.sync_lead_tags_async] this never removes a tag.
 *
 * A @lead_id that is not a UUID, no tag ids or an empty one fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT without a request.
 *
 * Since: 0.1
 */
void
nexor_client_assign_lead_tags_async (NexorClient         *self,
                                     const char          *lead_id,
                                     const char * const  *tag_ids,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, assign_lead_tags_request (lead_id, tag_ids), cancellable,
                            callback, user_data, nexor_client_assign_lead_tags_async);
}

/**
 * nexor_client_assign_lead_tags_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.assign_lead_tags_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of the assigned
 *   [class@Nexor.Tag], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_assign_lead_tags_finish (NexorClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_assign_lead_tags_async, error);
}

/**
 * nexor_client_assign_lead_tags:
 * @self: a [class@Nexor.Client]
 * @lead_id: the lead's id, a UUID
 * @tag_ids: (array zero-terminated=1): the ids of the tags to put on the lead
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Puts tags on a lead by id, blocking the calling thread; see
 * [method@Nexor.Client.assign_lead_tags_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of the assigned
 *   [class@Nexor.Tag], or %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_assign_lead_tags (NexorClient         *self,
                               const char          *lead_id,
                               const char * const  *tag_ids,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, assign_lead_tags_request (lead_id, tag_ids), cancellable, error);
}

/* ---------------------------------------------------------------------------
 * The account's tags
 * ------------------------------------------------------------------------- */

static NexorRequest *
list_tags_request (const char *search)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) parse_tags);

  _nexor_request_add_segment (request, "tags");
  if (search != NULL && *search != '\0' && _nexor_request_check_text (request, "search text", search))
    _nexor_request_add_query (request, "search", search);

  return request;
}

/**
 * nexor_client_list_tags_async:
 * @self: a [class@Nexor.Client]
 * @search: (nullable): only tags whose name, slug or description contains
 *   this; %NULL or empty for all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called with the tags
 * @user_data: (closure): data for @callback
 *
 * Lists the account's tags (`GET /tags`), with their descriptions and
 * timestamps.
 *
 * Since: 0.1
 */
void
nexor_client_list_tags_async (NexorClient         *self,
                              const char          *search,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, list_tags_request (search), cancellable, callback, user_data,
                            nexor_client_list_tags_async);
}

/**
 * nexor_client_list_tags_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.list_tags_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of [class@Nexor.Tag], or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_tags_finish (NexorClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_list_tags_async, error);
}

/**
 * nexor_client_list_tags:
 * @self: a [class@Nexor.Client]
 * @search: (nullable): only tags whose name, slug or description contains
 *   this; %NULL or empty for all
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Lists the account's tags, blocking the calling thread; see
 * [method@Nexor.Client.list_tags_async].
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of [class@Nexor.Tag], or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
GListModel *
nexor_client_list_tags (NexorClient   *self,
                        const char    *search,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, list_tags_request (search), cancellable, error);
}

static NexorRequest *
write_tag_request (const char           *method,
                   const char           *tag_id,
                   NexorTagInput        *input,
                   NexorTagInputPurpose  purpose)
{
  NexorRequest *request = _nexor_request_new (method, (NexorResponseParser) parse_tag);
  GError *error = NULL;

  _nexor_request_add_segment (request, "tags");
  if (purpose == NEXOR_TAG_INPUT_UPDATE)
    _nexor_request_add_id_segment (request, "tag", tag_id);
  /* A second create would make a second tag (or answer 409 after the
   * first one went through); an update sets the same fields again. */
  _nexor_request_set_idempotent (request, purpose == NEXOR_TAG_INPUT_UPDATE);

  if (_nexor_tag_input_check (input, purpose, &error))
    _nexor_request_take_body (request, _nexor_tag_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

/**
 * nexor_client_create_tag_async:
 * @self: a [class@Nexor.Client]
 * @input: the tag; [property@Nexor.TagInput:name] and
 *   [property@Nexor.TagInput:slug] are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the tag is created or the call failed
 * @user_data: (closure): data for @callback
 *
 * Creates a tag (`POST /tags`). A slug the account already uses fails with
 * %NEXOR_ERROR_CONFLICT; a missing name or slug with
 * %NEXOR_ERROR_INVALID_ARGUMENT, without a request.
 *
 * Since: 0.1
 */
void
nexor_client_create_tag_async (NexorClient         *self,
                               NexorTagInput       *input,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_TAG_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, write_tag_request ("POST", NULL, input, NEXOR_TAG_INPUT_CREATE),
                            cancellable, callback, user_data, nexor_client_create_tag_async);
}

/**
 * nexor_client_create_tag_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_tag_async].
 *
 * Returns: (transfer full): the new tag, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorTag *
nexor_client_create_tag_finish (NexorClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_tag_async, error);
}

/**
 * nexor_client_create_tag:
 * @self: a [class@Nexor.Client]
 * @input: the tag; name and slug are required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Creates a tag, blocking the calling thread; see
 * [method@Nexor.Client.create_tag_async].
 *
 * Returns: (transfer full): the new tag, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorTag *
nexor_client_create_tag (NexorClient    *self,
                         NexorTagInput  *input,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, write_tag_request ("POST", NULL, input, NEXOR_TAG_INPUT_CREATE),
                             cancellable, error);
}

/**
 * nexor_client_update_tag_async:
 * @self: a [class@Nexor.Client]
 * @tag_id: the tag's id, a UUID
 * @input: the fields to change; the others are kept
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the tag is updated or the call failed
 * @user_data: (closure): data for @callback
 *
 * Changes a tag (`PUT /tags/{id}`). Only the properties set on @input are
 * sent; a description set to %NULL clears it, while a null name or slug
 * fails with %NEXOR_ERROR_INVALID_ARGUMENT without a request. A slug
 * another tag uses fails with %NEXOR_ERROR_CONFLICT.
 *
 * Since: 0.1
 */
void
nexor_client_update_tag_async (NexorClient         *self,
                               const char          *tag_id,
                               NexorTagInput       *input,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_TAG_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, write_tag_request ("PUT", tag_id, input, NEXOR_TAG_INPUT_UPDATE),
                            cancellable, callback, user_data, nexor_client_update_tag_async);
}

/**
 * nexor_client_update_tag_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.update_tag_async].
 *
 * Returns: (transfer full): the tag as the update left it, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
NexorTag *
nexor_client_update_tag_finish (NexorClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_update_tag_async, error);
}

/**
 * nexor_client_update_tag:
 * @self: a [class@Nexor.Client]
 * @tag_id: the tag's id, a UUID
 * @input: the fields to change; the others are kept
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Changes a tag, blocking the calling thread; see
 * [method@Nexor.Client.update_tag_async].
 *
 * Returns: (transfer full): the tag as the update left it, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
NexorTag *
nexor_client_update_tag (NexorClient    *self,
                         const char     *tag_id,
                         NexorTagInput  *input,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_TAG_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, write_tag_request ("PUT", tag_id, input, NEXOR_TAG_INPUT_UPDATE),
                             cancellable, error);
}

static NexorFlag *
parse_deleted (JsonNode           *root,
               NexorJsonDocument  *document,
               GError            **error)
{
  return _nexor_flag_new_from_success (root, "tag deletion", error);
}

static NexorRequest *
delete_tag_request (const char *tag_id)
{
  NexorRequest *request = _nexor_request_new ("DELETE", (NexorResponseParser) parse_deleted);

  _nexor_request_add_segment (request, "tags");
  _nexor_request_add_id_segment (request, "tag", tag_id);
  /* A repeated delete can only find the tag gone. */
  _nexor_request_set_idempotent (request, TRUE);
  return request;
}

/**
 * nexor_client_delete_tag_async:
 * @self: a [class@Nexor.Client]
 * @tag_id: the tag's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the tag is deleted or the call failed
 * @user_data: (closure): data for @callback
 *
 * Deletes a tag and takes it off every lead (`DELETE /tags/{id}`). A tag that
 * does not exist fails with %NEXOR_ERROR_NOT_FOUND.
 *
 * Since: 0.1
 */
void
nexor_client_delete_tag_async (NexorClient         *self,
                               const char          *tag_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, delete_tag_request (tag_id), cancellable, callback, user_data,
                            nexor_client_delete_tag_async);
}

/**
 * nexor_client_delete_tag_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.delete_tag_async].
 *
 * Returns: %TRUE if the tag was deleted; %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_client_delete_tag_finish (NexorClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), FALSE);

  return _nexor_flag_take_value (_nexor_client_send_finish (self, result, nexor_client_delete_tag_async, error));
}

/**
 * nexor_client_delete_tag:
 * @self: a [class@Nexor.Client]
 * @tag_id: the tag's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Deletes a tag, blocking the calling thread; see
 * [method@Nexor.Client.delete_tag_async].
 *
 * Returns: %TRUE if the tag was deleted; %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
nexor_client_delete_tag (NexorClient   *self,
                         const char    *tag_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _nexor_flag_take_value (_nexor_client_send (self, delete_tag_request (tag_id), cancellable, error));
}
