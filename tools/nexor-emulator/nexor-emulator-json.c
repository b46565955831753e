/* nexor-emulator-json.c: JSON helpers shared by the emulator's parts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "nexor-emulator-json.h"

#include <string.h>

#include <gio/gio.h>

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

/* A node that takes @object: the shape of every answer and event. */
JsonNode *
nexor_emulator_json_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* The API writes a missing optional text as null, never leaves it out. */
void
nexor_emulator_json_set_string_or_null (JsonObject *object,
                                        const char *member,
                                        const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/**
 * nexor_emulator_quote:
 * @text: (nullable): untrusted text: an id, a member name, a token, a file's
 *   contents, or another library's message that quotes them
 * @length: its length in bytes, or -1 if nul-terminated
 * @max_chars: how many characters to keep
 *
 * The one way the emulator puts text it did not write into an error message,
 * an answer or its log. Messages end up in JSON answers, state files and
 * terminals, so the result is valid UTF-8 (invalid bytes become U+FFFD),
 * holds no control characters (they become `\u00XX`, so a message stays one
 * line and cannot drive a terminal) and is cut after @max_chars characters,
 * never inside one, with “…” to show the cut.
 *
 * Returns: (transfer full): the text to quote; "" for %NULL
 */
char *
nexor_emulator_quote (const char *text,
                      gssize      length,
                      guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, length);
  out = g_string_sized_new (MIN (strlen (valid), (gsize) max_chars * 4) + 4);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* Checks what json-glib 1.6 would get wrong without a word: nesting deeper
 * than @max_depth (it parses recursively and would overflow the stack), the
 * escape \u0000 (it cuts the string there) and integers beyond 64 bits (it
 * wraps them). Malformed numbers are left to the parser to refuse. */
static gboolean
json_text_is_sane (const char  *data,
                   gsize        size,
                   guint        max_depth,
                   GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (i + 5 < size && data[i + 1] == 'u' && strncmp (data + i + 2, "0000", 4) == 0)
                {
                  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                       "strings may not hold the character U+0000");
                  return FALSE;
                }
              i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
            }
          continue;
        }

      if (c == '"')
        {
          in_string = TRUE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize end = i + 1;
          gboolean integer = TRUE;

          while (end < size && (g_ascii_isdigit (data[end]) || strchr (".eE+-", data[end]) != NULL))
            {
              integer &= g_ascii_isdigit (data[end]);
              end++;
            }

          /* json-glib wraps integers that do not fit in 64 bits. */
          if (integer)
            {
              g_autofree char *token = g_strndup (data + i, end - i);

              if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, NULL, NULL) &&
                  strlen (token) > 18)
                {
                  g_autofree char *shown = nexor_emulator_quote (token, -1, NEXOR_EMULATOR_QUOTE_CHARS);

                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "the integer %s does not fit in 64 bits", shown);
                  return FALSE;
                }
            }

          i = end - 1;
        }
      else if ((c == '[' || c == '{') && ++depth > max_depth)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "JSON nested more than %u levels deep", max_depth);
          return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          depth--;
        }
    }

  return TRUE;
}

/* json-glib 1.6 decodes an unpaired surrogate escape (\ud800) into bytes
 * that are not UTF-8; kept, they would make the state file unreadable. */
static gboolean
json_strings_are_utf8 (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !json_strings_are_utf8 (member))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!json_strings_are_utf8 (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_utf8_validate (json_node_get_string (node), -1, NULL);
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/**
 * nexor_emulator_json_parse_text:
 * @data: JSON text
 * @length: its length
 * @max_depth: how deeply arrays and objects may nest
 * @error: return location for a #GError
 *
 * Parses @data after checking that it is UTF-8, nests no deeper than
 * @max_depth and holds nothing json-glib would quietly mangle, so whatever
 * is parsed can be written out and read back unchanged.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL on error
 */
JsonNode *
nexor_emulator_json_parse_text (const char  *data,
                                gsize        length,
                                guint        max_depth,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the text is not valid UTF-8");
      return NULL;
    }

  if (!json_text_is_sane (data, length, max_depth, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* json-glib quotes the bad token cut at a byte count, inside a
       * character if need be, and decodes escapes such as \u0001 into it. */
      g_autofree char *reason = nexor_emulator_quote (local_error->message, -1, 4 * NEXOR_EMULATOR_QUOTE_CHARS);

      g_set_error_literal (error, local_error->domain, local_error->code, reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the text holds no JSON value");
      return NULL;
    }

  if (!json_strings_are_utf8 (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "a string escapes half of a UTF-16 surrogate pair");
      return NULL;
    }

  return json_node_ref (root);
}
