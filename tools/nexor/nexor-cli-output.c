/* nexor-cli-output.c: terminal output helpers of the nexor command-line client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include <glib/gi18n.h>

#include "nexor-cli-output.h"

/* Secrets shorter than this are not searched for: replacing every "abc" in
 * the output would mangle it without protecting anything real. */
#define MIN_SECRET_LENGTH 6
#define REDACTED "[REDACTED]"

static gboolean use_color;
static gboolean progress_on_stderr;
/* The progress line may be drawn from the thread that shows a request is
 * waiting: whatever prints takes this lock and erases the line first. */
static GMutex progress_lock;
static gboolean progress_shown;
static gboolean utf8_locale = TRUE;
static GPtrArray *secrets;

static void
erase_progress_locked (void)
{
  if (!progress_shown)
    return;

  g_printerr ("\r\033[K");
  progress_shown = FALSE;
}

/* Every log message (the library's debug output included) goes to stderr,
 * never stdout, and never shows a secret. */
static GLogWriterOutput
nexor_cli_log_writer (GLogLevelFlags   log_level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         user_data)
{
  g_autofree char *domain = NULL;
  g_autofree char *line = NULL;
  g_autofree char *redacted = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].value != NULL)
        {
          domain = fields[i].length < 0 ? g_strdup (fields[i].value)
                                        : g_strndup (fields[i].value, fields[i].length);
          break;
        }
    }

  if (g_log_writer_default_would_drop (log_level, domain))
    return G_LOG_WRITER_HANDLED;

  line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);
  redacted = nexor_cli_redact (line);
  if (redacted == NULL)
    return G_LOG_WRITER_UNHANDLED;
  g_mutex_lock (&progress_lock);
  erase_progress_locked ();
  fputs (redacted, stderr);
  fputc ('\n', stderr);
  fflush (stderr);
  g_mutex_unlock (&progress_lock);

  return G_LOG_WRITER_HANDLED;
}

void
nexor_cli_output_init (void)
{
  const char *no_color = g_getenv ("NO_COLOR");

  /* https://no-color.org: a non-empty NO_COLOR turns colors off. */
  use_color = isatty (STDOUT_FILENO) &&
              (no_color == NULL || no_color[0] == '\0') &&
              g_strcmp0 (g_getenv ("TERM"), "dumb") != 0;
  utf8_locale = g_get_charset (NULL);
  progress_on_stderr = isatty (STDERR_FILENO) && g_strcmp0 (g_getenv ("TERM"), "dumb") != 0;

  g_log_set_writer_func (nexor_cli_log_writer, NULL, NULL);
}

void
nexor_cli_output_add_secret (const char *secret)
{
  if (secret == NULL || strlen (secret) < MIN_SECRET_LENGTH)
    return;

  if (secrets == NULL)
    secrets = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (secrets, g_strdup (secret));
}

void
nexor_cli_output_clear_secrets (void)
{
  if (secrets == NULL)
    return;

  for (guint i = 0; i < secrets->len; i++)
    {
      char *secret = g_ptr_array_index (secrets, i);
      memset (secret, 0, strlen (secret));
    }
  g_clear_pointer (&secrets, g_ptr_array_unref);
}

gboolean
nexor_cli_output_finish (GError **error)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot write to standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

const char *
nexor_cli_style_begin (NexorCliStyle style)
{
  if (!use_color)
    return "";

  switch (style)
    {
    case NEXOR_CLI_STYLE_BOLD:
      return "\033[1m";
    case NEXOR_CLI_STYLE_DIM:
      return "\033[2m";
    case NEXOR_CLI_STYLE_WARNING:
      return "\033[1;33m";
    case NEXOR_CLI_STYLE_NONE:
    default:
      return "";
    }
}

const char *
nexor_cli_style_end (NexorCliStyle style)
{
  return use_color && style != NEXOR_CLI_STYLE_NONE ? "\033[0m" : "";
}

const char *
nexor_cli_placeholder (void)
{
  return utf8_locale ? "—" : "-";
}

const char *
nexor_cli_separator (void)
{
  return utf8_locale ? " · " : " / ";
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

/* One line of valid UTF-8 with no control characters, so server data can
 * neither break the layout nor send escape sequences to the terminal. */
char *
nexor_cli_sanitize (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c) || is_bidi_control (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

char *
nexor_cli_redact (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (text);
  for (guint i = 0; secrets != NULL && i < secrets->len; i++)
    g_string_replace (out, g_ptr_array_index (secrets, i), REDACTED, 0);

  return g_string_free (out, FALSE);
}

char *
nexor_cli_ellipsize (const char *text,
                     guint       max_chars)
{
  g_autofree char *clean = nexor_cli_sanitize (text);
  const char *end;

  if (clean == NULL)
    return NULL;
  if (g_utf8_strlen (clean, -1) <= (glong) max_chars)
    return g_steal_pointer (&clean);

  end = g_utf8_offset_to_pointer (clean, max_chars);
  return g_strdup_printf ("%.*s%s", (int) (end - clean), clean, utf8_locale ? "…" : "...");
}

/* Terminal columns: wide (CJK, emoji) characters take two, combining marks none. */
guint
nexor_cli_display_width (const char *text)
{
  guint width = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text != NULL ? (guint) strlen (text) : 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

char *
nexor_cli_format_datetime (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  if (datetime == NULL)
    return NULL;

  utc = g_date_time_to_utc (datetime);
  /* Human output only (--json keeps the server's ISO 8601): month names
   * from the locale, the order the translation's.
   * TRANSLATORS: a g_date_time_format() pattern for a date and time in UTC.
   * xgettext:no-c-format */
  return utc != NULL ? g_date_time_format (utc, _("%Y-%m-%d %H:%M UTC")) : NULL;
}

/* A JSON value as a person would write it: strings bare, null as missing,
 * anything else as compact JSON. */
char *
nexor_cli_format_json_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return json_to_string (node, FALSE);
}

void
nexor_cli_append_heading (GString    *out,
                          const char *text)
{
  g_autofree char *clean = nexor_cli_sanitize (text);

  g_string_append_printf (out, "%s%s%s\n",
                          nexor_cli_style_begin (NEXOR_CLI_STYLE_BOLD),
                          clean != NULL ? clean : "",
                          nexor_cli_style_end (NEXOR_CLI_STYLE_BOLD));
}

void
nexor_cli_progress (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (!progress_on_stderr)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Back to the start of the line, the message, then erase what is left of
   * a longer earlier one. */
  g_mutex_lock (&progress_lock);
  g_printerr ("\r%s\033[K", message);
  progress_shown = TRUE;
  g_mutex_unlock (&progress_lock);
}

void
nexor_cli_progress_clear (void)
{
  g_mutex_lock (&progress_lock);
  erase_progress_locked ();
  g_mutex_unlock (&progress_lock);
}

gboolean
nexor_cli_progress_enabled (void)
{
  return progress_on_stderr;
}

gboolean
nexor_cli_output_is_utf8 (void)
{
  return utf8_locale;
}

/* Text for a person: converted to the locale's character set by GLib. */
void
nexor_cli_print (const char *text)
{
  g_autofree char *redacted = nexor_cli_redact (text);

  if (redacted == NULL)
    return;

  g_mutex_lock (&progress_lock);
  erase_progress_locked ();
  g_print ("%s", redacted);
  g_mutex_unlock (&progress_lock);
}

/* Data for a program (JSON): always UTF-8, whatever the locale. */
void
nexor_cli_print_utf8 (const char *text)
{
  g_autofree char *redacted = nexor_cli_redact (text);

  if (redacted == NULL)
    return;

  g_mutex_lock (&progress_lock);
  erase_progress_locked ();
  fputs (redacted, stdout);
  g_mutex_unlock (&progress_lock);
}

void
nexor_cli_printerr (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *redacted = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  redacted = nexor_cli_redact (message);
  g_mutex_lock (&progress_lock);
  erase_progress_locked ();
  g_printerr ("%s", redacted);
  g_mutex_unlock (&progress_lock);
}

/* Tables */

typedef struct {
  char          **cells;
  NexorCliStyle  *styles;
} NexorCliRow;

struct _NexorCliTable
{
  guint           n_columns;
  GPtrArray      *rows;
  NexorCliStyle  *column_styles;
  gboolean       *right_aligned;
};

static void
nexor_cli_row_free (gpointer data)
{
  NexorCliRow *row = data;

  g_strfreev (row->cells);
  g_free (row->styles);
  g_free (row);
}

NexorCliTable *
nexor_cli_table_new (guint n_columns)
{
  NexorCliTable *self;

  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_new0 (NexorCliTable, 1);
  self->n_columns = n_columns;
  self->rows = g_ptr_array_new_with_free_func (nexor_cli_row_free);
  self->column_styles = g_new0 (NexorCliStyle, n_columns);
  self->right_aligned = g_new0 (gboolean, n_columns);

  return self;
}

void
nexor_cli_table_free (NexorCliTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_free (self->column_styles);
  g_free (self->right_aligned);
  g_free (self);
}

void
nexor_cli_table_set_column_style (NexorCliTable *self,
                                  guint          column,
                                  NexorCliStyle  style)
{
  g_return_if_fail (self != NULL && column < self->n_columns);

  self->column_styles[column] = style;
}

void
nexor_cli_table_set_right_aligned (NexorCliTable *self,
                                   guint          column,
                                   gboolean       right_aligned)
{
  g_return_if_fail (self != NULL && column < self->n_columns);

  self->right_aligned[column] = right_aligned;
}

static void
table_add_row_va (NexorCliTable *self,
                  gboolean       header,
                  va_list        args)
{
  NexorCliRow *row = g_new0 (NexorCliRow, 1);

  row->cells = g_new0 (char *, self->n_columns + 1);
  row->styles = g_memdup2 (self->column_styles, sizeof (NexorCliStyle) * self->n_columns);

  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      if (cell == NULL || cell[0] == '\0')
        row->cells[i] = g_strdup (header ? "" : nexor_cli_placeholder ());
      else
        row->cells[i] = nexor_cli_sanitize (cell);
      if (header)
        row->styles[i] = NEXOR_CLI_STYLE_BOLD;
    }

  g_ptr_array_add (self->rows, row);
}

/* Takes exactly n_columns (const char *) cells; NULL or "" shows the placeholder. */
void
nexor_cli_table_add_row (NexorCliTable *self,
                         ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, self);
  table_add_row_va (self, FALSE, args);
  va_end (args);
}

void
nexor_cli_table_add_header (NexorCliTable *self,
                            ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, self);
  table_add_row_va (self, TRUE, args);
  va_end (args);
}

/* Styles a cell of the row added last. */
void
nexor_cli_table_set_cell_style (NexorCliTable *self,
                                guint          column,
                                NexorCliStyle  style)
{
  NexorCliRow *row;

  g_return_if_fail (self != NULL && column < self->n_columns && self->rows->len > 0);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  row->styles[column] = style;
}

guint
nexor_cli_table_get_n_rows (NexorCliTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

void
nexor_cli_table_render (NexorCliTable *self,
                        const char    *indent,
                        GString       *out)
{
  g_autofree guint *widths = NULL;

  g_return_if_fail (self != NULL && out != NULL);

  widths = g_new0 (guint, self->n_columns);
  for (guint r = 0; r < self->rows->len; r++)
    {
      NexorCliRow *row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < self->n_columns; c++)
        widths[c] = MAX (widths[c], nexor_cli_display_width (row->cells[c]));
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      NexorCliRow *row = g_ptr_array_index (self->rows, r);

      g_string_append (out, indent != NULL ? indent : "");
      for (guint c = 0; c < self->n_columns; c++)
        {
          guint padding = widths[c] - nexor_cli_display_width (row->cells[c]);
          gboolean last = c + 1 == self->n_columns;

          if (c > 0)
            append_spaces (out, 2);
          if (self->right_aligned[c])
            append_spaces (out, padding);
          g_string_append (out, nexor_cli_style_begin (row->styles[c]));
          g_string_append (out, row->cells[c]);
          g_string_append (out, nexor_cli_style_end (row->styles[c]));
          /* No trailing blanks after the last column. */
          if (!self->right_aligned[c] && !last)
            append_spaces (out, padding);
        }
      g_string_append_c (out, '\n');
    }
}
