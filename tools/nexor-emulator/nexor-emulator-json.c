/* nexor-emulator-json.c: JSON helpers shared by the emulator's parts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "nexor-emulator-json.h"

/* json_node_copy() shares objects and arrays by reference. The emulator hands
 * copies to other threads and will mutate its stored state later, so every
 * copy that leaves its owner must be a real one. */
JsonNode *
nexor_emulator_json_node_deep_copy (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonNode *copy = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (copy, nexor_emulator_json_object_deep_copy (object));
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        JsonArray *copy_array = json_array_sized_new (n);
        JsonNode *copy = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < n; i++)
          json_array_add_element (copy_array,
                                  nexor_emulator_json_node_deep_copy (json_array_get_element (array, i)));

        json_node_take_array (copy, copy_array);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
nexor_emulator_json_object_deep_copy (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonObject *copy;

  g_return_val_if_fail (object != NULL, NULL);

  copy = json_object_new ();

  /* The iterator keeps insertion order, so copies serialize like the source. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, nexor_emulator_json_node_deep_copy (member));

  return copy;
}

/* Returns the member if it is an object, NULL if it is missing, null or of
 * another type: seed and state files are data, not code, so a wrong type must
 * never turn into a critical warning. */
JsonObject *
nexor_emulator_json_object_get_object_or_null (JsonObject *object,
                                               const char *member)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}
