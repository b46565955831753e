/* nexor-json-writer.c: JSON text as the Nexor service writes it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "nexor-json-writer.h"

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

  int precision;
  char format[8];
  const char *exponent;
  double magnitude = value < 0 ? -value : value;  /* no libm: fabs() is not always inlined */

  for (precision = 1; precision < 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);

      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_snprintf (format, sizeof format, "%%.%dg", precision);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  /* %g turns to an exponent as soon as the digits run out (85000 is
   * "8.5e+04"); JavaScript keeps plain digits from 1e-6 up to 1e21. The
   * same significant digits then, without the exponent. */
  exponent = strchr (buffer, 'e');
  if (exponent != NULL && magnitude >= 1e-6 && magnitude < 1e21)
    {
      int power = (int) g_ascii_strtoll (exponent + 1, NULL, 10);
      int decimals = MAX (0, precision - 1 - power);

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
    }

  g_string_append (out, buffer);
}

static void
append_newline (GString *out,
                int      indent)
{
  if (indent < 0)
    return;

  g_string_append_c (out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append (out, "  ");
}

/* @indent is the nesting level when pretty-printing, or -1 for compact text. */
static void
append_node (GString  *out,
             JsonNode *node,
             int       indent)
{
  int inner = indent < 0 ? -1 : indent + 1;

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

            append_newline (out, inner);
            append_string (out, name);
            g_string_append (out, indent < 0 ? ":" : ": ");
            append_node (out, member, inner);
          }
        if (!first)
          append_newline (out, indent);
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
            append_newline (out, inner);
            append_node (out, json_array_get_element (array, i), inner);
          }
        if (json_array_get_length (array) > 0)
          append_newline (out, indent);
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
 * nexor_json_writer_to_string:
 * @node: a JSON tree
 * @pretty: whether to indent by two spaces a level, for people
 * @length: (out) (optional): return location for the length
 *
 * Writes @node in member order, with numbers in their shortest exact form.
 *
 * Returns: (transfer full): the JSON text
 */
char *
nexor_json_writer_to_string (JsonNode *node,
                             gboolean  pretty,
                             gsize    *length)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_sized_new (256);
  append_node (out, node, pretty ? 0 : -1);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
