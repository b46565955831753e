/* nexor-emulator-routes-tags.c: account tags, a lead's tags, the team
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Tag endpoints answer in {"data": …} with no "success", as documented;
 * slugs are unique in the account.
 */

#include "nexor-emulator-json.h"
#include "nexor-emulator-routes-private.h"

#include <string.h>

#include <libsoup/soup.h>

#define SLUG_TAKEN_ERROR "A tag with this slug already exists"

static JsonNode *
reply_tag_not_found (NexorEmulatorRequest *request)
{
  return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found",
                                     "Tag not found or does not belong to your account");
}

static JsonNode *
reply_data (NexorEmulatorRequest *request,
            guint                 status,
            JsonNode             *data)
{
  JsonObject *body = json_object_new ();

  json_object_set_member (body, "data", data);
  return nexor_emulator_reply (request, status, body);
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static gboolean
lead_has_tag (NexorEmulatorLead *lead,
              const char        *tag_id)
{
  JsonArray *tag_ids = nexor_emulator_lead_tag_ids (lead);

  for (guint i = 0; i < json_array_get_length (tag_ids); i++)
    if (nexor_emulator_id_equal (json_array_get_string_element (tag_ids, i), tag_id))
      return TRUE;

  return FALSE;
}

static char *
tag_names_text (GPtrArray *tags)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < tags->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            nexor_emulator_json_string (g_ptr_array_index (tags, i), "name"));

  return g_string_free (text, FALSE);
}

/* PUT (and POST) /leads/tags */

typedef struct {
  JsonNode *lead_id;
  JsonNode *email;
  JsonNode *tags;
} SyncMembers;

/* "The fields may be nested anywhere inside the request body": a breadth
 * first walk, so the shallowest occurrence of each name wins. The body's
 * depth is bounded when it is parsed. */
static void
find_sync_members (JsonNode    *root,
                   SyncMembers *found)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);

  while (!g_queue_is_empty (queue) &&
         (found->lead_id == NULL || found->email == NULL || found->tags == NULL))
    {
      JsonNode *node = g_queue_pop_head (queue);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;

          json_object_iter_init_ordered (&iter, json_node_get_object (node));
          while (json_object_iter_next_ordered (&iter, &name, &member))
            {
              if (found->lead_id == NULL && g_str_equal (name, "lead_id"))
                found->lead_id = member;
              else if (found->email == NULL && g_str_equal (name, "email"))
                found->email = member;
              else if (found->tags == NULL && g_str_equal (name, "tags"))
                found->tags = member;
              else if (JSON_NODE_HOLDS_OBJECT (member) || JSON_NODE_HOLDS_ARRAY (member))
                g_queue_push_tail (queue, member);
            }
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (element) || JSON_NODE_HOLDS_ARRAY (element))
                g_queue_push_tail (queue, element);
            }
        }
    }
}

static const char *
string_or_null (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonNode *
nexor_emulator_route_sync_lead_tags (NexorEmulatorRequest *request)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) slugs = NULL;
  g_autoptr(GPtrArray) final = g_ptr_array_new ();
  g_autofree char *problem = NULL;
  g_autofree char *now = nexor_emulator_now ();
  SyncMembers found = { NULL, };
  NexorEmulatorLead *lead;
  JsonArray *tag_ids;
  JsonArray *new_ids;
  JsonArray *added;
  JsonArray *removed;
  JsonArray *tags;
  JsonObject *body;

  find_sync_members (request->body, &found);

  if (found.lead_id != NULL && !JSON_NODE_HOLDS_NULL (found.lead_id) && string_or_null (found.lead_id) == NULL)
    return nexor_emulator_reply_invalid (request, "lead_id must be a string");
  if (found.email != NULL && !JSON_NODE_HOLDS_NULL (found.email) && string_or_null (found.email) == NULL)
    return nexor_emulator_reply_invalid (request, "email must be a string");

  if (string_or_null (found.lead_id) == NULL && string_or_null (found.email) == NULL)
    return nexor_emulator_reply_invalid (request, "lead_id or email is required");

  if (found.tags == NULL || JSON_NODE_HOLDS_NULL (found.tags))
    return nexor_emulator_reply_invalid (request, "tags is required (an array of tag names; [] removes all)");

  if ((problem = nexor_emulator_parse_tag_names (found.tags, &names, &slugs)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  /* lead_id wins when both are given. */
  if (string_or_null (found.lead_id) != NULL)
    lead = nexor_emulator_store_find_lead (request->store, string_or_null (found.lead_id));
  else
    lead = nexor_emulator_store_find_by_email (request->store, string_or_null (found.email));
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  /* Find or create each tag by slug; the set sent is the lead's new set. */
  for (guint i = 0; i < names->len; i++)
    {
      JsonObject *tag = nexor_emulator_store_find_tag_by_slug (request->store, g_ptr_array_index (slugs, i));

      if (tag == NULL)
        tag = nexor_emulator_store_add_tag (request->store, g_ptr_array_index (names, i),
                                            g_ptr_array_index (slugs, i), NULL);
      g_ptr_array_add (final, tag);
    }

  tag_ids = nexor_emulator_lead_tag_ids (lead);
  new_ids = json_array_new ();
  added = json_array_new ();
  removed = json_array_new ();
  tags = json_array_new ();

  for (guint i = 0; i < final->len; i++)
    {
      JsonObject *tag = g_ptr_array_index (final, i);
      const char *id = nexor_emulator_json_string (tag, "id");

      json_array_add_string_element (new_ids, id);
      json_array_add_object_element (tags, nexor_emulator_render_tag_brief (tag));
      if (!lead_has_tag (lead, id))
        json_array_add_string_element (added, id);
    }

  for (guint i = 0; i < json_array_get_length (tag_ids); i++)
    {
      const char *id = json_array_get_string_element (tag_ids, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < final->len && !kept; j++)
        kept = nexor_emulator_id_equal (id, nexor_emulator_json_string (g_ptr_array_index (final, j), "id"));

      if (!kept)
        json_array_add_string_element (removed, id);
    }

  if (json_array_get_length (added) > 0 || json_array_get_length (removed) > 0)
    {
      g_autofree char *listed = tag_names_text (final);
      g_autofree char *description = g_strdup_printf ("Tags now: %s", *listed != '\0' ? listed : "none");

      nexor_emulator_lead_add_activity (lead, "tags_changed", "Tags replaced", description, "api", now);
      nexor_emulator_lead_touch (lead, now);
      nexor_emulator_store_mark_changed (request->store);
    }

  json_object_set_array_member (lead->entry, "tag_ids", new_ids);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_string_member (body, "lead_id", lead->id);
  json_object_set_array_member (body, "tags", tags);
  json_object_set_array_member (body, "added", added);
  json_object_set_array_member (body, "removed", removed);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET and POST /leads/{leadId}/tags */

JsonNode *
nexor_emulator_route_list_lead_tags (NexorEmulatorRequest *request)
{
  NexorEmulatorLead *lead = nexor_emulator_store_find_lead (request->store, request->params[0]);

  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  return reply_data (request, SOUP_STATUS_OK,
                     array_node (nexor_emulator_render_lead_tags (request->store, lead)));
}

JsonNode *
nexor_emulator_route_assign_lead_tags (NexorEmulatorRequest *request)
{
  g_autoptr(GPtrArray) requested = g_ptr_array_new ();
  g_autoptr(GPtrArray) assigned = g_ptr_array_new ();
  g_autofree char *now = nexor_emulator_now ();
  NexorEmulatorLead *lead;
  JsonObject *body;
  JsonNode *tag_id;
  JsonNode *tag_ids;
  JsonArray *data;
  gboolean have_one;
  gboolean have_many;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  body = nexor_emulator_request_body_object (request);
  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  tag_id = json_object_get_member (body, "tagId");
  tag_ids = json_object_get_member (body, "tagIds");
  have_one = tag_id != NULL && !JSON_NODE_HOLDS_NULL (tag_id);
  have_many = tag_ids != NULL && !JSON_NODE_HOLDS_NULL (tag_ids);

  if (have_one && have_many)
    return nexor_emulator_reply_invalid (request, "Provide either tagId or tagIds, not both");
  if (!have_one && !have_many)
    return nexor_emulator_reply_invalid (request, "tagId or tagIds is required");

  if (have_one)
    {
      JsonObject *tag;

      if (string_or_null (tag_id) == NULL)
        return nexor_emulator_reply_invalid (request, "tagId must be a string");

      tag = nexor_emulator_store_find_tag (request->store, string_or_null (tag_id));
      if (tag == NULL)
        return reply_tag_not_found (request);
      g_ptr_array_add (requested, tag);
    }
  else
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (tag_ids) || json_array_get_length (json_node_get_array (tag_ids)) == 0)
        return nexor_emulator_reply_invalid (request, "tagIds must be a non-empty array of tag ids");

      array = json_node_get_array (tag_ids);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = string_or_null (json_array_get_element (array, i));
          JsonObject *tag;

          if (id == NULL)
            return nexor_emulator_reply_invalid (request, "tagIds[%u] must be a string", i);

          tag = nexor_emulator_store_find_tag (request->store, id);
          if (tag == NULL)
            return reply_tag_not_found (request);

          if (!g_ptr_array_find (requested, tag, NULL))
            g_ptr_array_add (requested, tag);
        }
    }

  /* Tags the lead already has are skipped, and still listed. */
  data = json_array_new ();
  for (guint i = 0; i < requested->len; i++)
    {
      JsonObject *tag = g_ptr_array_index (requested, i);
      const char *id = nexor_emulator_json_string (tag, "id");

      if (!lead_has_tag (lead, id))
        {
          json_array_add_string_element (nexor_emulator_lead_tag_ids (lead), id);
          g_ptr_array_add (assigned, tag);
        }
      json_array_add_object_element (data, nexor_emulator_render_tag_brief (tag));
    }

  if (assigned->len > 0)
    {
      g_autofree char *listed = tag_names_text (assigned);
      g_autofree char *description = g_strdup_printf ("Added: %s", listed);

      nexor_emulator_lead_add_activity (lead, "tags_changed", "Tags added", description, "api", now);
      nexor_emulator_lead_touch (lead, now);
      nexor_emulator_store_mark_changed (request->store);
    }

  return reply_data (request, SOUP_STATUS_CREATED, array_node (data));
}

/* /tags */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

JsonNode *
nexor_emulator_route_list_tags (NexorEmulatorRequest *request)
{
  const char *search = g_hash_table_lookup (request->query, "search");
  g_autofree char *needle = NULL;
  JsonArray *data = json_array_new ();

  if (search != NULL && *search != '\0')
    needle = g_utf8_casefold (search, -1);

  for (guint i = 0; i < request->store->tags->len; i++)
    {
      JsonObject *tag = g_ptr_array_index (request->store->tags, i);

      if (needle != NULL &&
          !contains_casefolded (nexor_emulator_json_string (tag, "name"), needle) &&
          !contains_casefolded (nexor_emulator_json_string (tag, "slug"), needle) &&
          !contains_casefolded (nexor_emulator_json_string (tag, "description"), needle))
        continue;

      json_array_add_object_element (data, nexor_emulator_render_tag_full (tag, TRUE));
    }

  return reply_data (request, SOUP_STATUS_OK, array_node (data));
}

/* Slugs are what the tag sync makes of names: lower-case letters and
 * digits, with '-' or '_' between words. */
static gboolean
slug_is_valid (const char *slug)
{
  for (const char *p = slug; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == '_')
        continue;
      if (!g_unichar_isalnum (c) || g_unichar_isupper (c))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Checks name, slug and description of a tag body. @creating requires name
 * and slug. Returns NULL when the body is good; else the answer. */
static JsonNode *
check_tag_body (NexorEmulatorRequest  *request,
                JsonObject            *body,
                gboolean               creating,
                JsonObject            *tag,
                const char           **out_name,
                const char           **out_slug,
                gboolean              *out_has_description,
                const char           **out_description)
{
  g_autofree char *problem = NULL;
  gboolean has_name;
  gboolean has_slug;

  if ((problem = nexor_emulator_check_string (body, "name", TRUE, &has_name, out_name)) != NULL ||
      (problem = nexor_emulator_check_string (body, "slug", TRUE, &has_slug, out_slug)) != NULL ||
      (problem = nexor_emulator_check_string (body, "description", TRUE, out_has_description,
                                              out_description)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  /* The documented bodies for a missing or empty name or slug. */
  if ((creating || has_name) && (*out_name == NULL || is_blank (*out_name)))
    return nexor_emulator_reply_error (request, SOUP_STATUS_BAD_REQUEST, "Tag name is required", NULL);

  if ((creating || has_slug) && (*out_slug == NULL || **out_slug == '\0'))
    return nexor_emulator_reply_error (request, SOUP_STATUS_BAD_REQUEST, "Tag slug is required", NULL);

  if (*out_slug != NULL && !slug_is_valid (*out_slug))
    {
      g_autofree char *shown = nexor_emulator_quote (*out_slug, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return nexor_emulator_reply_invalid (request, "slug “%s” may hold only lower-case letters, digits, "
                                                    "'-' and '_'", shown);
    }

  if (*out_slug != NULL)
    {
      JsonObject *other = nexor_emulator_store_find_tag_by_slug (request->store, *out_slug);

      if (other != NULL && other != tag)
        return nexor_emulator_reply_error (request, SOUP_STATUS_CONFLICT, SLUG_TAKEN_ERROR, NULL);
    }

  return NULL;
}

JsonNode *
nexor_emulator_route_create_tag (NexorEmulatorRequest *request)
{
  g_autofree char *name = NULL;
  JsonObject *body = nexor_emulator_request_body_object (request);
  JsonNode *reply;
  JsonObject *tag;
  const char *raw_name;
  const char *slug;
  const char *description;
  gboolean has_description;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  reply = check_tag_body (request, body, TRUE, NULL, &raw_name, &slug, &has_description, &description);
  if (reply != NULL)
    return reply;

  name = g_strstrip (g_strdup (raw_name));
  tag = nexor_emulator_store_add_tag (request->store, name, slug, description);

  return reply_data (request, SOUP_STATUS_CREATED, nexor_emulator_json_object_node (nexor_emulator_render_tag_full (tag, FALSE)));
}

JsonNode *
nexor_emulator_route_update_tag (NexorEmulatorRequest *request)
{
  JsonObject *tag = nexor_emulator_store_find_tag (request->store, request->params[0]);
  JsonObject *body = nexor_emulator_request_body_object (request);
  JsonNode *reply;
  const char *name;
  const char *slug;
  const char *description;
  gboolean has_description;
  gboolean changed = FALSE;

  if (tag == NULL)
    return reply_tag_not_found (request);

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  reply = check_tag_body (request, body, FALSE, tag, &name, &slug, &has_description, &description);
  if (reply != NULL)
    return reply;

  if (name != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (name));

      changed |= g_strcmp0 (trimmed, nexor_emulator_json_string (tag, "name")) != 0;
      json_object_set_string_member (tag, "name", trimmed);
    }

  if (slug != NULL)
    {
      changed |= g_strcmp0 (slug, nexor_emulator_json_string (tag, "slug")) != 0;
      json_object_set_string_member (tag, "slug", slug);
    }

  if (has_description)
    {
      changed |= g_strcmp0 (description, nexor_emulator_json_string (tag, "description")) != 0;
      if (description != NULL)
        json_object_set_string_member (tag, "description", description);
      else
        json_object_set_null_member (tag, "description");
    }

  if (changed)
    {
      g_autofree char *now = nexor_emulator_now ();

      json_object_set_string_member (tag, "updated_at", now);
      nexor_emulator_store_mark_changed (request->store);
    }

  return reply_data (request, SOUP_STATUS_OK, nexor_emulator_json_object_node (nexor_emulator_render_tag_full (tag, TRUE)));
}

JsonNode *
nexor_emulator_route_delete_tag (NexorEmulatorRequest *request)
{
  JsonObject *tag = nexor_emulator_store_find_tag (request->store, request->params[0]);
  JsonObject *body;

  if (tag == NULL)
    return reply_tag_not_found (request);

  nexor_emulator_store_remove_tag (request->store, tag);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET /team */

JsonNode *
nexor_emulator_route_list_team_members (NexorEmulatorRequest *request)
{
  static const char * const names[] = { "id", "name", "email", "external_id" };
  JsonArray *team = json_array_new ();
  JsonObject *body;

  /* Active members only, as documented. */
  for (guint i = 0; i < request->store->team->len; i++)
    {
      JsonObject *member = g_ptr_array_index (request->store->team, i);
      JsonObject *object;

      if (!nexor_emulator_json_boolean (member, "active"))
        continue;

      object = json_object_new ();
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        json_object_set_member (object, names[j], json_node_copy (json_object_get_member (member, names[j])));
      json_array_add_object_element (team, object);
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "team", team);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}
