/* nexor-cli-json.c: JSON in and out of the nexor command-line client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "nexor-json-writer.h"
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

static gboolean
nesting_is_acceptable (const char *data,
                       gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        {
          in_string = TRUE;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > NEXOR_CLI_JSON_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          depth--;
        }
    }

  return TRUE;
}

JsonNode *
nexor_cli_json_parse (const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  JsonNode *root;

  if (memchr (data, '\0', len) != NULL || !g_utf8_validate (data, len, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "not valid UTF-8 text");
      return NULL;
    }

  if (!nesting_is_acceptable (data, len))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "JSON nested deeper than %d levels", NEXOR_CLI_JSON_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no JSON value");
      return NULL;
    }

  return json_node_copy (root);
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
