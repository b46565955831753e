/* nexor-json-document.c: the strict JSON reader behind every response
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * json-glib 1.6's JsonParser reads through GScanner, one character at a time,
 * and was most of what a typed parse cost; it also accepts what is not JSON
 * (comments, several documents in a row, a truncating \u0000, integers that
 * overflow silently) and recurses without a limit. This reader builds the
 * same json-glib tree with json-glib's public API, in one pass over the
 * bytes, and refuses all of those with a message that says where.
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <errno.h>
#include <string.h>

#include "nexor-error.h"
#include "nexor-json-text.h"
#include "nexor-json-document-private.h"
#include "nexor-text-private.h"

struct _NexorJsonDocument
{
  gatomicrefcount ref_count;
  GBytes *bytes;
  JsonNode *root;
  GArray *span_list;  /* of Span, in the order the objects closed */
  GHashTable *spans;  /* JsonObject * -> 1 + its index in span_list */

  /* The last span copied out for a resource: the resources nested in it are
   * built next and share its copy. */
  NexorJsonText *chunk;
  guint32 chunk_offset;
  guint32 chunk_length;
};

struct _NexorJsonText
{
  gatomicrefcount ref_count;
  guint32 size;
  char data[];
};

typedef struct
{
  JsonObject *object;
  guint32 offset;
  guint32 length;
} Span;

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GHashTable *spans;  /* NULL when spans are not wanted */
  GArray *span_list;
  gboolean spans_lost;  /* a duplicate member may have freed a recorded object */
  gboolean too_deep;
  const char *error_at;
  char *error_reason;
  GString *scratch;   /* unescaped strings too long for the stack buffer */
} Reader;

#define STACK_STRING 256

static gboolean
fail (Reader     *r,
      const char *at,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *r,
      const char *at,
      const char *format,
      ...)
{
  va_list args;

  if (r->error_reason != NULL)
    return FALSE;

  va_start (args, format);
  r->error_reason = g_strdup_vprintf (format, args);
  va_end (args);
  r->error_at = at;
  return FALSE;
}

static inline void
skip_whitespace (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
fail_unexpected (Reader     *r,
                 const char *expected)
{
  if (r->p >= r->end)
    return fail (r, r->p, _("the text ends where %s was expected"), expected);

  if ((guchar) *r->p >= 0x20 && (guchar) *r->p < 0x7f)
    return fail (r, r->p, _("unexpected “%c” where %s was expected"), *r->p, expected);

  return fail (r, r->p, _("unexpected byte 0x%02x where %s was expected"), (guchar) *r->p, expected);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader  *r,
           gunichar *out)
{
  gunichar value = 0;

  if (r->end - r->p < 4)
    return fail (r, r->p, _("a \\u escape needs four hexadecimal digits"));

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (r->p[i]);

      if (digit < 0)
        return fail (r, r->p, _("a \\u escape needs four hexadecimal digits"));
      value = (value << 4) | (gunichar) digit;
    }

  r->p += 4;
  *out = value;
  return TRUE;
}

/* Appends @len bytes to the string being built in @buf (@used of @cap bytes,
 * on the stack) or, once it no longer fits, in r->scratch. */
static inline void
append (Reader     *r,
        char       *buf,
        gsize      *used,
        gboolean   *spilled,
        const char *bytes,
        gsize       len)
{
  if (!*spilled && *used + len < STACK_STRING)
    {
      memcpy (buf + *used, bytes, len);
      *used += len;
      return;
    }

  if (!*spilled)
    {
      g_string_truncate (r->scratch, 0);
      g_string_append_len (r->scratch, buf, (gssize) *used);
      *spilled = TRUE;
    }
  g_string_append_len (r->scratch, bytes, (gssize) len);
}

/* Reads a string whose opening quote is at r->p. On success *out points at
 * a NUL-terminated copy in @buf or in r->scratch, valid until the next read. */
static gboolean
read_string (Reader      *r,
             char         buf[STACK_STRING],
             const char **out)
{
  const char *quote = r->p;
  const char *run;
  gsize used = 0;
  gboolean spilled = FALSE;

  r->p++;
  run = r->p;

  for (;;)
    {
      guchar c;

      /* Plain bytes go through in runs; only quotes, escapes and control
       * characters stop the scan. */
      while (r->p < r->end)
        {
          c = (guchar) *r->p;
          if (c == '"' || c == '\\' || c < 0x20)
            break;
          r->p++;
        }

      if (r->p >= r->end)
        return fail (r, quote, _("a string is not closed"));

      if (r->p > run)
        {
          const char *invalid;

          if (!g_utf8_validate (run, r->p - run, &invalid))
            return fail (r, invalid, _("a string is not valid UTF-8"));
          append (r, buf, &used, &spilled, run, (gsize) (r->p - run));
        }

      c = (guchar) *r->p;
      if (c == '"')
        {
          r->p++;
          break;
        }

      if (c < 0x20)
        return fail (r, r->p, _("a string holds the control character 0x%02x unescaped"), c);

      /* a backslash */
      if (r->end - r->p < 2)
        return fail (r, r->p, _("a string is not closed"));
      r->p++;
      switch (*r->p++)
        {
        case '"':  append (r, buf, &used, &spilled, "\"", 1); break;
        case '\\': append (r, buf, &used, &spilled, "\\", 1); break;
        case '/':  append (r, buf, &used, &spilled, "/", 1); break;
        case 'b':  append (r, buf, &used, &spilled, "\b", 1); break;
        case 'f':  append (r, buf, &used, &spilled, "\f", 1); break;
        case 'n':  append (r, buf, &used, &spilled, "\n", 1); break;
        case 'r':  append (r, buf, &used, &spilled, "\r", 1); break;
        case 't':  append (r, buf, &used, &spilled, "\t", 1); break;
        case 'u':
          {
            const char *escape = r->p - 2;
            gunichar ch;
            char utf8[6];
            gsize len;

            if (!read_hex4 (r, &ch))
              return FALSE;

            if (ch >= 0xd800 && ch <= 0xdbff)
              {
                gunichar low;

                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  return fail (r, escape, _("a \\u escape is half of a surrogate pair"));
                r->p += 2;
                if (!read_hex4 (r, &low))
                  return FALSE;
                if (low < 0xdc00 || low > 0xdfff)
                  return fail (r, escape, _("a \\u escape is half of a surrogate pair"));
                ch = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (ch >= 0xdc00 && ch <= 0xdfff)
              return fail (r, escape, _("a \\u escape is half of a surrogate pair"));
            else if (ch == 0)
              /* json-glib strings are NUL-terminated: it would cut the
               * string short without a word. */
              return fail (r, escape, _("a string holds U+0000, which is not supported"));

            len = (gsize) g_unichar_to_utf8 (ch, utf8);
            append (r, buf, &used, &spilled, utf8, len);
          }
          break;
        default:
          return fail (r, r->p - 2, _("a string holds an invalid escape"));
        }

      run = r->p;
    }

  if (spilled)
    *out = r->scratch->str;
  else
    {
      buf[used] = '\0';
      *out = buf;
    }

  return TRUE;
}

static inline gboolean
is_digit (const char *p,
          const char *end)
{
  return p < end && *p >= '0' && *p <= '9';
}

static gboolean
read_number (Reader   *r,
             JsonNode *node)
{
  const char *start = r->p;
  const char *p = r->p;
  gboolean integral = TRUE;
  char buf[64];
  g_autofree char *heap = NULL;
  char *text;
  gsize len;

  if (p < r->end && *p == '-')
    p++;
  if (!is_digit (p, r->end))
    {
      r->p = p;
      return fail_unexpected (r, _("a digit"));
    }
  if (*p == '0')
    p++;
  else
    while (is_digit (p, r->end))
      p++;

  if (p < r->end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (!is_digit (p, r->end))
        {
          r->p = p;
          return fail_unexpected (r, _("a digit after the decimal point"));
        }
      while (is_digit (p, r->end))
        p++;
    }

  if (p < r->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < r->end && (*p == '+' || *p == '-'))
        p++;
      if (!is_digit (p, r->end))
        {
          r->p = p;
          return fail_unexpected (r, _("a digit in the exponent"));
        }
      while (is_digit (p, r->end))
        p++;
    }

  r->p = p;
  len = (gsize) (p - start);

  if (integral && len <= 18 + (*start == '-'))
    {
      /* At most 18 digits cannot overflow a gint64. */
      gint64 value = 0;
      const char *q = start + (*start == '-');

      for (; q < p; q++)
        value = value * 10 + (*q - '0');
      json_node_init_int (node, *start == '-' ? -value : value);
      return TRUE;
    }

  if (len < sizeof buf)
    text = buf;
  else
    text = heap = g_malloc (len + 1);
  memcpy (text, start, len);
  text[len] = '\0';

  if (integral)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          json_node_init_int (node, value);
          return TRUE;
        }
      /* Too big for gint64: keep its magnitude as a double. */
    }

  {
    double value;

    errno = 0;
    value = g_ascii_strtod (text, NULL);
    if (errno == ERANGE && (value > 1.0 || value < -1.0))
      {
        g_autofree char *shown = _nexor_quote (text, -1, NEXOR_QUOTE_CHARS);

        return fail (r, start, _("the number %s is out of range"), shown);
      }
    json_node_init_double (node, value);
  }

  return TRUE;
}

static gboolean
read_literal (Reader     *r,
              const char *word,
              gsize       len)
{
  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail_unexpected (r, _("a value"));

  r->p += len;
  return TRUE;
}

/* One open object or array: what the next value goes into. */
typedef struct
{
  JsonNode *node;      /* owns the container; attached to its parent once closed */
  char *key;           /* an object's member whose value comes next */
  const char *open;    /* its '{' or '[' */
  guint n_members;
} Level;

/* Reads the member name at r->p and the ':' after it, leaving r->p at the
 * value, as a copy (the value may need the buffers the name was read into). */
static char *
read_member_name (Reader *r)
{
  char key_buf[STACK_STRING];
  const char *key;

  if (r->p >= r->end || *r->p != '"')
    {
      fail_unexpected (r, _("a member name in quotes"));
      return NULL;
    }
  if (!read_string (r, key_buf, &key))
    return NULL;

  skip_whitespace (r);
  if (r->p >= r->end || *r->p != ':')
    {
      fail_unexpected (r, _("“:”"));
      return NULL;
    }
  r->p++;
  skip_whitespace (r);

  return g_strdup (key);
}

/* A scalar at r->p, or NULL after fail(). */
static JsonNode *
read_scalar (Reader *r)
{
  JsonNode *node;

  if (r->p >= r->end)
    {
      fail_unexpected (r, _("a value"));
      return NULL;
    }

  switch (*r->p)
    {
    case '"':
      {
        char buf[STACK_STRING];
        const char *str;

        if (!read_string (r, buf, &str))
          return NULL;
        node = json_node_alloc ();
        json_node_init_string (node, str);
        return node;
      }

    case 't':
      if (!read_literal (r, "true", 4))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), TRUE);

    case 'f':
      if (!read_literal (r, "false", 5))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), FALSE);

    case 'n':
      if (!read_literal (r, "null", 4))
        return NULL;
      return json_node_init_null (json_node_alloc ());

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      node = json_node_alloc ();
      if (!read_number (r, node))
        {
          /* An allocated node that was never initialized is freed as such. */
          json_node_init_null (node);
          json_node_unref (node);
          return NULL;
        }
      return node;

    default:
      fail_unexpected (r, _("a value"));
      return NULL;
    }
}

/* Records where the object of @level was, once it is closed at r->p. */
static void
close_object (Reader *r,
              Level  *level)
{
  JsonObject *object = json_node_get_object (level->node);

  if (r->spans == NULL)
    return;

  /* A duplicate member freed the value it replaced; if that was an object,
   * its span would outlive it and could be found again under a new object
   * at the same address. Duplicates are rare enough to give up spans for
   * the whole document, which then keeps trees as a document without spans
   * does. */
  if (json_object_get_size (object) != level->n_members)
    r->spans_lost = TRUE;

  {
    Span span = { object, (guint32) (level->open - r->start), (guint32) (r->p - level->open) };

    g_array_append_val (r->span_list, span);
    g_hash_table_insert (r->spans, object, GUINT_TO_POINTER (r->span_list->len));
  }
}

/* Reads one JSON value at r->p with an explicit stack of the open objects
 * and arrays instead of recursion, so that the reader's own stack use is the
 * same at any depth; NEXOR_JSON_MAX_DEPTH bounds what the recursive
 * json-glib functions that walk the tree afterwards need. */
static JsonNode *
read_value (Reader *r)
{
  g_autoptr(GArray) levels = g_array_sized_new (FALSE, FALSE, sizeof (Level), 16);
  JsonNode *value = NULL;

  for (;;)
    {
      Level *top;

      /* A value starts at r->p. */
      if (r->p < r->end && (*r->p == '{' || *r->p == '['))
        {
          Level level = { NULL, NULL, r->p, 0 };
          gboolean is_object = *r->p == '{';

          if (levels->len >= NEXOR_JSON_MAX_DEPTH)
            {
              fail (r, r->p, _("JSON nested more than %u levels deep, the most accepted"),
                    NEXOR_JSON_MAX_DEPTH);
              r->too_deep = TRUE;
              goto error;
            }

          level.node = json_node_alloc ();
          if (is_object)
            {
              JsonObject *object = json_object_new ();

              json_node_init_object (level.node, object);
              json_object_unref (object);
            }
          else
            {
              JsonArray *array = json_array_new ();

              json_node_init_array (level.node, array);
              json_array_unref (array);
            }
          g_array_append_val (levels, level);

          r->p++;
          skip_whitespace (r);

          if (r->p < r->end && *r->p == (is_object ? '}' : ']'))
            {
              top = &g_array_index (levels, Level, levels->len - 1);
              r->p++;
              if (is_object)
                close_object (r, top);
              value = top->node;
              g_array_set_size (levels, levels->len - 1);
            }
          else
            {
              if (is_object)
                {
                  top = &g_array_index (levels, Level, levels->len - 1);
                  top->key = read_member_name (r);
                  if (top->key == NULL)
                    goto error;
                }
              continue;
            }
        }
      else
        {
          value = read_scalar (r);
          if (value == NULL)
            goto error;
        }

      /* A value is complete: it goes into the innermost open container,
       * which may then close, and so on outwards. */
      for (;;)
        {
          gboolean is_object;

          if (levels->len == 0)
            return value;

          top = &g_array_index (levels, Level, levels->len - 1);
          is_object = JSON_NODE_HOLDS_OBJECT (top->node);
          if (is_object)
            {
              json_object_set_member (json_node_get_object (top->node), top->key, value);
              g_clear_pointer (&top->key, g_free);
              top->n_members++;
            }
          else
            json_array_add_element (json_node_get_array (top->node), value);
          value = NULL;

          skip_whitespace (r);
          if (r->p < r->end && *r->p == ',')
            {
              r->p++;
              skip_whitespace (r);
              if (is_object)
                {
                  top->key = read_member_name (r);
                  if (top->key == NULL)
                    goto error;
                }
              break;
            }
          if (r->p < r->end && *r->p == (is_object ? '}' : ']'))
            {
              r->p++;
              if (is_object)
                close_object (r, top);
              value = top->node;
              g_array_set_size (levels, levels->len - 1);
              continue;
            }
          fail_unexpected (r, is_object ? _("“,” or “}”") : _("“,” or “]”"));
          goto error;
        }
    }

error:
  /* Each open container holds only values that are complete, none deeper
   * than the limit: freeing them, innermost first, stays bounded too. */
  for (guint i = levels->len; i > 0; i--)
    {
      Level *level = &g_array_index (levels, Level, i - 1);

      g_free (level->key);
      json_node_unref (level->node);
    }
  return NULL;
}

static JsonNode *
read_document (const char  *data,
               gsize        size,
               GHashTable  *spans,
               GArray      *span_list,
               gboolean    *too_deep,
               GError     **error)
{
  Reader r = { NULL, };
  JsonNode *root = NULL;

  /* Before any pointer arithmetic: an empty GBytes may have no data at all. */
  if (size == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("empty"));
      return NULL;
    }

  r.start = r.p = data;
  r.end = data + size;
  r.spans = spans;
  r.span_list = span_list;

  /* Spans count from the start of @data: they are used to cut it. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r.p += 3;

  r.scratch = g_string_new (NULL);
  skip_whitespace (&r);
  root = read_value (&r);
  if (root != NULL)
    {
      skip_whitespace (&r);
      if (r.p < r.end)
        {
          fail (&r, r.p, _("there is more after the JSON value"));
          g_clear_pointer (&root, json_node_unref);
        }
    }
  g_string_free (r.scratch, TRUE);

  if (r.spans_lost)
    {
      g_hash_table_remove_all (spans);
      g_array_set_size (span_list, 0);
    }

  if (root == NULL)
    {
      guint line = 1, column = 1;

      for (const char *q = data; q < r.error_at; q++)
        {
          if (*q == '\n')
            {
              line++;
              column = 1;
            }
          else if (((guchar) *q & 0xc0) != 0x80)
            column++;
        }

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("line %u, column %u: %s"), line, column, r.error_reason);
      if (too_deep != NULL)
        *too_deep = r.too_deep;
      g_free (r.error_reason);
      return NULL;
    }

  return root;
}

/* The reader's own words, for a response or, with @delivery, for the body
 * of a webhook delivery, which is no answer to anything the client asked. */
static JsonNode *
read_body (const char  *data,
           gsize        size,
           gboolean     delivery,
           GHashTable  *spans,
           GArray      *span_list,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean too_deep = FALSE;
  JsonNode *root = read_document (data, size, spans, span_list, &too_deep, &local_error);
  int code = delivery ? NEXOR_ERROR_INVALID_EVENT : NEXOR_ERROR_INVALID_RESPONSE;

  if (root != NULL)
    return root;

  if (size == 0)
    g_set_error_literal (error, NEXOR_ERROR, code,
                         delivery ? _("Invalid webhook delivery: the body is empty, expected JSON")
                                  : _("Invalid response: the body is empty, expected JSON"));
  else if (too_deep)
    g_set_error (error, NEXOR_ERROR, code,
                 delivery ? _("Invalid webhook delivery: the body nests too deep (%s)")
                          : _("Invalid response: the body nests too deep (%s)"),
                 local_error->message);
  else
    g_set_error (error, NEXOR_ERROR, code,
                 delivery ? _("Invalid webhook delivery: the body is not JSON (%s)")
                          : _("Invalid response: the body is not JSON (%s)"),
                 local_error->message);
  return NULL;
}

/**
 * nexor_parse_json:
 * @text: JSON text in UTF-8
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Parses @text with the reader nexor-glib reads every response with, so that
 * what a program sends to the API is JSON by the same rules as what it reads
 * back (the `nexor` CLI reads its `--json` input with it).
 *
 * @text must be exactly one RFC 8259 JSON text: valid UTF-8 with an optional
 * byte order mark, no comments, no control characters or U+0000 in strings,
 * no lone surrogates, numbers within range, at most 256 levels of nesting,
 * and nothing after the value but whitespace. Integers that fit in a #gint64
 * become %G_TYPE_INT64 values, other numbers %G_TYPE_DOUBLE; of duplicate
 * members the last one wins.
 *
 * Anything else fails with %G_IO_ERROR_INVALID_DATA and a message that says
 * where: "empty", or "line L, column C: " and what is wrong.
 *
 * Returns: (transfer full): the root of a new, unsealed tree
 *
 * Since: 0.1
 */
JsonNode *
nexor_parse_json (const char  *text,
                  gssize       length,
                  GError     **error)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  return read_document (text, length, NULL, NULL, NULL, error);
}

static NexorJsonDocument *
parse_body (GBytes    *bytes,
            gboolean   delivery,
            GError   **error)
{
  g_autoptr(GHashTable) spans = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) span_list = g_array_new (FALSE, FALSE, sizeof (Span));
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  NexorJsonDocument *document;
  JsonNode *root;

  /* Spans are packed into 32 bits each. */
  if (size > G_MAXUINT32)
    {
      g_set_error_literal (error, NEXOR_ERROR,
                           delivery ? NEXOR_ERROR_INVALID_EVENT : NEXOR_ERROR_INVALID_RESPONSE,
                           delivery ? _("Invalid webhook delivery: the body is too large")
                                    : _("Invalid response: the body is too large"));
      return NULL;
    }

  root = read_body (data, size, delivery, spans, span_list, error);
  if (root == NULL)
    return NULL;

  document = g_new0 (NexorJsonDocument, 1);
  g_atomic_ref_count_init (&document->ref_count);
  document->bytes = g_bytes_ref (bytes);
  document->root = root;
  document->spans = g_steal_pointer (&spans);
  document->span_list = g_steal_pointer (&span_list);

  return document;
}

NexorJsonDocument *
_nexor_json_document_parse (GBytes  *bytes,
                            GError **error)
{
  return parse_body (bytes, FALSE, error);
}

NexorJsonDocument *
_nexor_json_document_parse_delivery (GBytes  *bytes,
                                     GError **error)
{
  return parse_body (bytes, TRUE, error);
}

JsonNode *
_nexor_json_parse_span (GBytes  *bytes,
                        gsize    offset,
                        gsize    length,
                        GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  g_return_val_if_fail (offset <= size && length <= size - offset, NULL);

  /* No arithmetic on the NULL data of an empty GBytes. */
  return read_body (length > 0 ? data + offset : data, length, FALSE, NULL, NULL, error);
}

JsonNode *
_nexor_json_text_parse (NexorJsonText  *text,
                        gsize           offset,
                        gsize           length,
                        GError        **error)
{
  const char *data;
  g_autofree char *restored = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (offset <= text->size && length <= text->size - offset, NULL);

  data = text->data + offset;

  /* JSON text has no NUL byte: every one is a quote that ended a string
   * member handed out from the text (_nexor_json_text_take_string()). */
  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      restored = g_memdup2 (data, length);
      for (char *p = restored; (p = memchr (p, '\0', length - (p - restored))) != NULL; p++)
        *p = '"';
      data = restored;
    }

  return read_body (data, length, FALSE, NULL, NULL, error);
}

const char *
_nexor_json_text_take_string (NexorJsonText *text,
                              gsize          offset,
                              gsize          length,
                              const char    *value)
{
  gsize value_length = strlen (value);
  const char *start = text->data + offset;
  const char *last;

  g_return_val_if_fail (offset <= text->size && length <= text->size - offset, NULL);

  /* A value with a quote or a backslash is never one run of the text; one
   * without may still match across tokens, which is as good (the bytes are
   * the value), as long as no later quote inside it becomes a NUL. An empty
   * value is not worth a quote. */
  if (value_length == 0 || value_length >= length || strpbrk (value, "\"\\") != NULL)
    return NULL;

  /* The byte after a match is still within the span. */
  last = start + length - value_length;
  for (char *p = (char *) start; p < last && (p = memchr (p, value[0], last - p)) != NULL; p++)
    {
      /* Followed by a quote, or by one that already ended the same value. */
      if (memcmp (p, value, value_length) == 0 && (p[value_length] == '"' || p[value_length] == '\0'))
        {
          p[value_length] = '\0';
          return p;
        }
    }

  return NULL;
}

gboolean
_nexor_json_text_holds (NexorJsonText *text,
                        const char    *pointer)
{
  return pointer >= text->data && pointer < text->data + text->size;
}

NexorJsonText *
_nexor_json_text_ref (NexorJsonText *text)
{
  g_atomic_ref_count_inc (&text->ref_count);
  return text;
}

void
_nexor_json_text_unref (NexorJsonText *text)
{
  if (g_atomic_ref_count_dec (&text->ref_count))
    g_free (text);
}

const char *
_nexor_json_text_get_data (NexorJsonText *text)
{
  return text->data;
}

NexorJsonDocument *
_nexor_json_document_ref (NexorJsonDocument *document)
{
  g_atomic_ref_count_inc (&document->ref_count);
  return document;
}

void
_nexor_json_document_unref (NexorJsonDocument *document)
{
  if (!g_atomic_ref_count_dec (&document->ref_count))
    return;

  g_clear_pointer (&document->chunk, _nexor_json_text_unref);
  g_hash_table_unref (document->spans);
  g_array_unref (document->span_list);
  json_node_unref (document->root);
  g_bytes_unref (document->bytes);
  g_free (document);
}

JsonNode *
_nexor_json_document_get_root (NexorJsonDocument *document)
{
  return document->root;
}

GBytes *
_nexor_json_document_get_bytes (NexorJsonDocument *document)
{
  return document->bytes;
}

gboolean
_nexor_json_document_get_span (NexorJsonDocument *document,
                               JsonObject        *object,
                               gsize             *offset,
                               gsize             *length)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (document->spans, object));
  const Span *span;

  if (index == 0)
    return FALSE;

  span = &g_array_index (document->span_list, Span, index - 1);
  *offset = span->offset;
  *length = span->length;
  return TRUE;
}

NexorJsonText *
_nexor_json_document_dup_text (NexorJsonDocument *document,
                               JsonObject        *object,
                               gsize             *offset,
                               gsize             *length)
{
  gsize span_offset;
  gsize span_length;
  const char *data;
  NexorJsonText *text;

  if (!_nexor_json_document_get_span (document, object, &span_offset, &span_length))
    return NULL;

  /* Parsers build a resource before the resources nested in it, so an
   * object inside the last copy is one of those and shares it. */
  if (document->chunk != NULL &&
      span_offset >= document->chunk_offset &&
      span_offset + span_length <= (gsize) document->chunk_offset + document->chunk_length)
    {
      *offset = span_offset - document->chunk_offset;
      *length = span_length;
      return _nexor_json_text_ref (document->chunk);
    }

  /* A copy of the object's own text, not a reference to the body: an item
   * kept from a page of 200 must not keep the other 199 alive. */
  data = g_bytes_get_data (document->bytes, NULL);
  text = g_malloc (G_STRUCT_OFFSET (NexorJsonText, data) + span_length);
  g_atomic_ref_count_init (&text->ref_count);
  text->size = (guint32) span_length;
  memcpy (text->data, data + span_offset, span_length);

  g_clear_pointer (&document->chunk, _nexor_json_text_unref);
  document->chunk = _nexor_json_text_ref (text);
  document->chunk_offset = (guint32) span_offset;
  document->chunk_length = (guint32) span_length;

  *offset = 0;
  *length = span_length;
  return text;
}
