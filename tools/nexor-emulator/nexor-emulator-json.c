/* nexor-emulator-json.c: JSON helpers shared by the emulator's parts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "nexor-emulator-json.h"

#include <math.h>

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

static void
append_string (GString    *out,
               const char *str)
{
  g_string_append_c (out, '"');

  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }

  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double, the way JavaScript
 * writes numbers: `0.95`, not json-glib 1.6's `0.94999999999999996`. */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* JSON has no spelling for these; JavaScript writes null. */
      g_string_append (out, "null");
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);

      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
}

static void
append_node (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;

            append_string (out, name);
            g_string_append_c (out, ':');
            append_node (out, member);
          }
        g_string_append_c (out, '}');
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
        break;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * nexor_emulator_json_to_string:
 * @node: a JSON tree
 * @length: (out) (optional): return location for the length
 *
 * Writes @node compactly, as the Nexor service does.
 *
 * Returns: (transfer full): the JSON text
 */
char *
nexor_emulator_json_to_string (JsonNode *node,
                               gsize    *length)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_sized_new (256);
  append_node (out, node);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
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
