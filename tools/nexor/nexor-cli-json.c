/* nexor-cli-json.c: JSON in and out of the nexor command-line client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <nexor-glib.h>

#include "nexor-json-writer.h"
#include <glib/gi18n.h>

#include "nexor-cli-json.h"
#include "nexor-cli-output.h"

void
nexor_cli_print_json (JsonNode *node)
{
  g_autofree char *text = nexor_json_writer_to_string (node, TRUE, NULL);

  nexor_cli_print_utf8 (text);
  nexor_cli_print_utf8 ("\n");
}

void
nexor_cli_print_json_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  nexor_cli_print_json (node);
}

void
nexor_cli_print_json_list (GListModel          *items,
                           NexorCliDupJsonFunc  dup_json,
                           guint                max)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n && i < max; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      json_array_add_object_element (array, dup_json (item));
    }

  node = json_node_init_array (json_node_alloc (), array);
  nexor_cli_print_json (node);
}

JsonObject *
nexor_cli_json_unwrap (JsonObject *response)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = NULL;

  if (response == NULL)
    return copy;

  members = json_object_get_members (response);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (strcmp (l->data, "success") == 0)
        continue;
      json_object_set_member (copy, l->data,
                              json_node_copy (json_object_get_member (response, l->data)));
    }

  return copy;
}

JsonNode *
nexor_cli_json_parse (const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  JsonNode *root;

  /* The library's strict reader, so that what the CLI sends is JSON by the
   * same rules as what it reads back. */
  root = nexor_parse_json (data, len, &local_error);
  if (root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("not valid JSON (%s)"), local_error->message);
      return NULL;
    }

  return root;
}

const char *
nexor_cli_json_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return "a string";
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return "a boolean";

  return "a number";
}
