/* nexor-emulator-routes.c: every API route (leads, tags, team, workflows,
 * campaigns, conversions, processors, meetings)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * No HTTP here: the server hands over the method, the decoded path segments,
 * the raw query and body, and sends back whatever status and body come out.
 * That keeps every endpoint callable, and fuzzable, without a socket.
 */

#include "nexor-emulator-routes-private.h"

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "nexor-emulator-json.h"

typedef struct {
  const char             *method;
  const char             *pattern;   /* segments below /api/public; "{}" is one non-empty segment */
  NexorEmulatorRouteFunc  func;
} Route;

/* First match wins: literal segments (`leads/tags`, `rules/reorder`) come before the
 * parameters they overlap with (`leads/{}`). The service takes POST for the
 * tag sync as well as the documented PUT. */
static const Route routes[] = {
  { "POST",   "leads",                        nexor_emulator_route_create_leads },
  { "GET",    "leads",                        nexor_emulator_route_search_leads },
  { "PUT",    "leads/tags",                   nexor_emulator_route_sync_lead_tags },
  { "POST",   "leads/tags",                   nexor_emulator_route_sync_lead_tags },
  { "GET",    "leads/{}",                     nexor_emulator_route_get_lead },
  { "PUT",    "leads/{}",                     nexor_emulator_route_update_lead },
  { "PATCH",  "leads/{}",                     nexor_emulator_route_update_lead },
  { "POST",   "leads/{}/assign-workflow",     nexor_emulator_route_assign_lead_workflow },
  { "POST",   "leads/{}/status",              nexor_emulator_route_set_status },
  { "POST",   "leads/{}/automation/stop",     nexor_emulator_route_stop_lead_automation },
  { "POST",   "leads/{}/automation/resume",   nexor_emulator_route_resume_lead_automation },
  { "GET",    "leads/{}/is_paused",           nexor_emulator_route_is_lead_paused },
  { "GET",    "leads/{}/history",             nexor_emulator_route_history },
  { "GET",    "leads/{}/meetings",            nexor_emulator_route_meetings },
  { "GET",    "leads/{}/tags",                nexor_emulator_route_list_lead_tags },
  { "POST",   "leads/{}/tags",                nexor_emulator_route_assign_lead_tags },
  { "GET",    "tags",                         nexor_emulator_route_list_tags },
  { "POST",   "tags",                         nexor_emulator_route_create_tag },
  { "PUT",    "tags/{}",                      nexor_emulator_route_update_tag },
  { "DELETE", "tags/{}",                      nexor_emulator_route_delete_tag },
  { "GET",    "team",                         nexor_emulator_route_list_team_members },
  { "POST",   "conversions",                  nexor_emulator_route_create_conversion },
  { "GET",    "conversions",                  nexor_emulator_route_list_conversions },
  { "GET",    "conversion-types",             nexor_emulator_route_list_conversion_types },
  { "POST",   "messages",                     nexor_emulator_route_send_message },
  { "GET",    "templates",                    nexor_emulator_route_list_templates },
  { "GET",    "workflows",                    nexor_emulator_route_list_workflows },
  { "GET",    "workflows/{}",                 nexor_emulator_route_get_workflow },
  { "GET",    "campaigns",                    nexor_emulator_route_list_campaigns },
  { "POST",   "processors",                   nexor_emulator_route_create_processor },
  { "GET",    "processors/{}",                nexor_emulator_route_get_processor },
  { "PATCH",  "processors/{}",                nexor_emulator_route_update_processor },
  { "DELETE", "processors/{}",                nexor_emulator_route_delete_processor },
  { "POST",   "processors/{}/rules",          nexor_emulator_route_create_processor_rule },
  { "PUT",    "processors/{}/rules/reorder",  nexor_emulator_route_reorder_processor_rules },
  { "PATCH",  "processors/{}/rules/{}",       nexor_emulator_route_update_processor_rule },
  { "DELETE", "processors/{}/rules/{}",       nexor_emulator_route_delete_processor_rule },
  { "POST",   "processors/{}/leads",          nexor_emulator_route_route_leads },
  { "POST",   "meetings",                     nexor_emulator_route_create_meeting },
  { "POST",   "meetings/{}/cancel",           nexor_emulator_route_cancel_meeting },
  { "POST",   "meetings/{}/no-show",          nexor_emulator_route_mark_meeting_no_show },
  { "POST",   "meetings/{}/complete",         nexor_emulator_route_complete_meeting },
  { "POST",   "meeting-notes",                nexor_emulator_route_create_meeting_note },
};

static gboolean
route_matches (const Route        *route,
               const char * const *segments,
               GPtrArray          *params)
{
  g_auto(GStrv) pattern = g_strsplit (route->pattern, "/", -1);
  guint i;

  g_ptr_array_set_size (params, 0);

  for (i = 0; pattern[i] != NULL; i++)
    {
      const char *segment = segments[i];

      if (segment == NULL || *segment == '\0')
        return FALSE;

      if (g_str_equal (pattern[i], "{}"))
        g_ptr_array_add (params, (gpointer) segment);
      else if (!g_str_equal (pattern[i], segment))
        return FALSE;
    }

  return segments[i] == NULL;
}

/* Replies */

JsonNode *
nexor_emulator_reply (NexorEmulatorRequest *request,
                      guint                 status,
                      JsonObject           *body)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, body);
  request->status = status;

  return node;
}

/* @message may be NULL: several documented errors carry only `error`. */
JsonNode *
nexor_emulator_reply_error (NexorEmulatorRequest *request,
                            guint                 status,
                            const char           *error,
                            const char           *message)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "error", error);
  if (message != NULL)
    json_object_set_string_member (body, "message", message);

  return nexor_emulator_reply (request, status, body);
}

/* The processors pages' validation body, used wherever the docs show none. */
JsonNode *
nexor_emulator_reply_invalid (NexorEmulatorRequest *request,
                              const char           *format,
                              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return nexor_emulator_reply_error (request, SOUP_STATUS_BAD_REQUEST, "Validation error", message);
}

JsonNode *
nexor_emulator_reply_lead_not_found (NexorEmulatorRequest *request)
{
  return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found",
                                     "Lead not found or does not belong to your account");
}

JsonNode *
nexor_emulator_reply_workflow_not_found (NexorEmulatorRequest *request)
{
  return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found",
                                     "Workflow not found or does not belong to your account");
}

/* The body as an object, or NULL if it is another kind of JSON. */
JsonObject *
nexor_emulator_request_body_object (NexorEmulatorRequest *request)
{
  if (!JSON_NODE_HOLDS_OBJECT (request->body))
    return NULL;

  return json_node_get_object (request->body);
}

static const char *
json_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return "an object";
    case JSON_NODE_ARRAY: return "an array";
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return "a string";
        case G_TYPE_BOOLEAN: return "a boolean";
        default: return "a number";
        }
    }
}

char *
nexor_emulator_check_string (JsonObject  *body,
                             const char  *name,
                             gboolean     nullable,
                             gboolean    *out_present,
                             const char **out_value)
{
  JsonNode *node = json_object_get_member (body, name);

  *out_present = node != NULL;
  *out_value = NULL;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        return NULL;
      return g_strdup_printf ("%s must be a string, not null", name);
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return g_strdup_printf ("%s must be a string%s, not %s", name,
                            nullable ? " or null" : "", json_kind (node));

  *out_value = json_node_get_string (node);
  return NULL;
}

char *
nexor_emulator_check_boolean (JsonObject *body,
                              const char *name,
                              gboolean   *out_present,
                              gboolean   *out_value)
{
  JsonNode *node = json_object_get_member (body, name);

  *out_present = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  *out_value = FALSE;

  if (!*out_present)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return g_strdup_printf ("%s must be true or false, not %s", name, json_kind (node));

  *out_value = json_node_get_boolean (node);
  return NULL;
}

/* Checks a tags member: an array of names, each with a usable slug. */
char *
nexor_emulator_parse_tag_names (JsonNode   *node,
                                GPtrArray **out_names,
                                GPtrArray **out_slugs)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) slugs = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("tags must be an array of tag names");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *name = NULL;
      g_autofree char *slug = NULL;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return g_strdup_printf ("tags[%u] must be a tag name (a string)", i);

      name = g_strstrip (g_strdup (json_node_get_string (element)));
      slug = nexor_emulator_slugify (name);
      if (*slug == '\0')
        {
          g_autofree char *shown = nexor_emulator_quote (name, -1, NEXOR_EMULATOR_QUOTE_CHARS);

          return g_strdup_printf ("tags[%u] “%s” has no letters or digits to make a slug of", i, shown);
        }

      /* The same tag named twice is one tag. */
      if (g_ptr_array_find_with_equal_func (slugs, slug, g_str_equal, NULL))
        continue;

      g_ptr_array_add (names, g_steal_pointer (&name));
      g_ptr_array_add (slugs, g_steal_pointer (&slug));
    }

  *out_names = g_steal_pointer (&names);
  *out_slugs = g_steal_pointer (&slugs);
  return NULL;
}

/* Request parsing */

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* Parses the body; answers 413 or 400 itself when it cannot. A missing body
 * reads as {}, as the service's JSON middleware does, so the documented
 * "… is required" errors come out. */
static JsonNode *
parse_body (NexorEmulatorRequest *request,
            GBytes               *body,
            JsonNode            **out_error)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  JsonNode *node;

  if (length > NEXOR_EMULATOR_MAX_BODY_SIZE)
    {
      *out_error = nexor_emulator_reply_error (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                               "Payload too large",
                                               "Request bodies are limited to 8 MiB");
      return NULL;
    }

  if (data == NULL || is_blank (data, length))
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
      return node;
    }

  node = nexor_emulator_json_parse_text (data, length, NEXOR_EMULATOR_MAX_BODY_DEPTH, &error);
  if (node == NULL)
    {
      *out_error = nexor_emulator_reply_invalid (request, "Cannot read the request body as JSON: %s",
                                                 error->message);
      return NULL;
    }

  return node;
}

/* Values that are not UTF-8 are dropped: no parameter of these routes can
 * hold one, and the handlers then treat it as absent. */
static GHashTable *
parse_query (const char *query)
{
  GHashTable *decoded = NULL;
  GHashTable *valid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer name, value;

  if (query != NULL && *query != '\0')
    decoded = soup_form_decode (query);

  if (decoded == NULL)
    return valid;

  g_hash_table_iter_init (&iter, decoded);
  while (g_hash_table_iter_next (&iter, &name, &value))
    if (g_utf8_validate (name, -1, NULL) && g_utf8_validate (value, -1, NULL))
      g_hash_table_insert (valid, g_strdup (name), g_strdup (value));

  g_hash_table_unref (decoded);
  return valid;
}

/**
 * nexor_emulator_routes_dispatch:
 * @store: the state
 * @method: the request method
 * @segments: the decoded path segments below `/api/public`
 * @query: (nullable): the raw query string
 * @body: (nullable): the request body
 * @allowed: methods of routes that match the path but not @method are added
 *   here, for a 405's `Allow` header
 * @out_status: (out): the status to answer with
 * @out_body: (out) (transfer full): the body to answer with
 *
 * Runs the route for @method and @segments, then saves the state if the
 * request changed it. Must run in the server's thread.
 *
 * Returns: %TRUE if a route took the request, %FALSE if none did (and
 *   @out_status and @out_body are not set)
 */
gboolean
nexor_emulator_routes_dispatch (NexorEmulatorStore  *store,
                                const char          *method,
                                const char * const  *segments,
                                const char          *query,
                                GBytes              *body,
                                GPtrArray           *allowed,
                                guint               *out_status,
                                JsonNode           **out_body)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GHashTable) query_table = NULL;
  g_autoptr(JsonNode) body_node = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  NexorEmulatorRequest request = { NULL, };
  const Route *route = NULL;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (segments != NULL, FALSE);
  g_return_val_if_fail (out_status != NULL, FALSE);
  g_return_val_if_fail (out_body != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!route_matches (&routes[i], segments, params))
        continue;

      if (g_str_equal (routes[i].method, method))
        {
          route = &routes[i];
          break;
        }

      if (allowed != NULL &&
          !g_ptr_array_find_with_equal_func (allowed, routes[i].method, g_str_equal, NULL))
        g_ptr_array_add (allowed, (gpointer) routes[i].method);
    }

  if (route == NULL)
    return FALSE;

  g_ptr_array_add (params, NULL);
  query_table = parse_query (query);

  request.store = store;
  request.params = (const char * const *) params->pdata;
  request.query = query_table;

  /* Reading endpoints ignore a body, as the service does. */
  if (g_str_equal (method, "GET"))
    {
      body_node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (body_node, json_object_new ());
    }
  else
    {
      body_node = parse_body (&request, body, &response);
    }

  if (body_node != NULL)
    {
      request.body = body_node;
      response = route->func (&request);
    }

  if (!nexor_emulator_store_save_if_changed (store, &error))
    {
      /* The change is made in memory; only the file lags behind. Say so
       * rather than pretend it was kept. */
      g_autofree char *message = g_strdup_printf ("Could not save the state: %s", error->message);

      g_clear_pointer (&response, json_node_unref);
      response = nexor_emulator_reply_error (&request, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                             "Internal server error", message);
    }

  *out_status = request.status;
  *out_body = g_steal_pointer (&response);

  return TRUE;
}
