/* json-identical.h: tree equality that tells integers from doubles
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shared by the fuzz-json harness and the JSON reader's unit tests.
 */

#pragma once

#include <json-glib/json-glib.h>

/* Like json_node_equal(), which compares numbers by value only and so takes
 * the integer 1 and the double 1.0 for the same, but the value types must
 * match too. */
static inline gboolean
nodes_identical (JsonNode *a,
                 JsonNode *b)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object_a = json_node_get_object (a);
        JsonObject *object_b = json_node_get_object (b);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (json_object_get_size (object_a) != json_object_get_size (object_b))
          return FALSE;
        json_object_iter_init (&iter, object_a);
        while (json_object_iter_next (&iter, &name, &member))
          {
            JsonNode *other = json_object_get_member (object_b, name);

            if (other == NULL || !nodes_identical (member, other))
              return FALSE;
          }
        return json_node_equal (a, b);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array_a = json_node_get_array (a);
        JsonArray *array_b = json_node_get_array (b);
        guint n = json_array_get_length (array_a);

        if (json_array_get_length (array_b) != n)
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!nodes_identical (json_array_get_element (array_a, i),
                                json_array_get_element (array_b, i)))
            return FALSE;
        return json_node_equal (a, b);
      }

    case JSON_NODE_VALUE:
      return json_node_get_value_type (a) == json_node_get_value_type (b) &&
             json_node_equal (a, b);

    case JSON_NODE_NULL:
      return TRUE;

    default:
      return FALSE;
    }
}
