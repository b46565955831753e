/* nexor-text.c: untrusted text in messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-text-private.h"

#include <string.h>

/*
 * _nexor_quote:
 * @text: (nullable): text the library did not write: a server's message or
 *   reason phrase, a member name, an id the caller passed, a JSON token
 * @length: its length in bytes, or -1 if nul-terminated
 * @max_chars: how many characters to keep
 *
 * The one way the library puts such text into a #GError message. Messages
 * are shown in terminals and GTK labels, logged and handed to Python and
 * JavaScript as strings, so the result is valid UTF-8 (invalid bytes become
 * U+FFFD), holds no control characters (they become `\u00XX`: a message stays
 * one line and cannot drive a terminal) and is cut after @max_chars
 * characters, never inside one, with “…” to show the cut.
 *
 * Returns: (transfer full): the text to quote; "" for %NULL
 */
char *
_nexor_quote (const char *text,
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
