/* nexor-request.c: what an endpoint asks of the request core
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <string.h>

#include "nexor-error.h"
#include "nexor-request-private.h"
#include "nexor-text-private.h"

struct _NexorRequest
{
  char *method;
  GPtrArray *segments;   /* percent-encoded path segments */
  GString *query;        /* "a=1&b=2", encoded; NULL when empty */
  GBytes *body;          /* JSON; NULL when none */
  gboolean idempotent;
  NexorResponseParser parse;
  GError *error;         /* a client-side check failed: send nothing */
  /* What this operation's documented 404s can name ("lead", "tag", …):
   * static strings, a handful at most. */
  const char *missing[4];
  /* When the caller's call began, if this request is not its first: one
   * deadline covers every request of a call. 0: it begins with this one. */
  gint64 call_started_us;
};

NexorRequest *
_nexor_request_new (const char          *method,
                    NexorResponseParser  parse)
{
  NexorRequest *self = g_new0 (NexorRequest, 1);

  self->method = g_strdup (method);
  self->segments = g_ptr_array_new_with_free_func (g_free);
  self->parse = parse;
  /* HTTP's safe and idempotent methods; endpoints opt other calls in. */
  self->idempotent = g_str_equal (method, "GET") || g_str_equal (method, "PUT") ||
                     g_str_equal (method, "DELETE") || g_str_equal (method, "HEAD");
  return self;
}

void
_nexor_request_free (NexorRequest *self)
{
  if (self == NULL)
    return;

  g_free (self->method);
  g_ptr_array_unref (self->segments);
  if (self->query != NULL)
    g_string_free (self->query, TRUE);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_error (&self->error);
  g_free (self);
}

void
_nexor_request_add_segment (NexorRequest *self,
                            const char   *segment)
{
  g_ptr_array_add (self->segments, g_uri_escape_string (segment, NULL, FALSE));
}

gboolean
_nexor_is_uuid (const char *str)
{
  static const guint8 dashes[] = { 8, 13, 18, 23 };
  guint d = 0;

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      if (str[i] == '\0')
        return FALSE;
      if (d < G_N_ELEMENTS (dashes) && i == dashes[d])
        {
          if (str[i] != '-')
            return FALSE;
          d++;
        }
      else if (!g_ascii_isxdigit (str[i]))
        return FALSE;
    }

  return str[36] == '\0';
}

/* Ids go into the path: anything but a UUID could walk the path (“..”, “a/b”)
 * or reach another endpoint, so it is refused before a request exists. */
gboolean
_nexor_request_add_id_segment (NexorRequest *self,
                               const char   *what,
                               const char   *id)
{
  if (!_nexor_is_uuid (id))
    {
      g_autofree char *shown = NULL;

      if (id != NULL && g_utf8_validate (id, -1, NULL))
        {
          g_autofree char *quoted = _nexor_quote (id, -1, NEXOR_QUOTE_CHARS);

          shown = g_strdup_printf ("“%s”", quoted);
        }

      _nexor_request_take_error (self, g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                    _("Invalid %s id %s: expected a UUID such as "
                                                    "123e4567-e89b-12d3-a456-426614174000"),
                                                    what, shown != NULL ? shown : _("(not UTF-8 or missing)")));
      return FALSE;
    }

  /* An id in the path names a resource the API may not find. */
  _nexor_request_add_not_found (self, what);
  _nexor_request_add_segment (self, id);
  return TRUE;
}

void
_nexor_request_add_not_found (NexorRequest *self,
                              const char   *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->missing); i++)
    {
      if (self->missing[i] != NULL && g_str_equal (self->missing[i], what))
        return;
      if (self->missing[i] == NULL)
        {
          self->missing[i] = what;
          return;
        }
    }

  g_assert_not_reached ();
}

/* @word, in any case, not inside a longer word: "lead" is in "Lead not
 * found" and not in "Cannot GET /leads". */
static gboolean
contains_word (const char *text,
               const char *word)
{
  gsize length = strlen (word);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_strncasecmp (p, word, length) == 0 &&
          (p == text || !g_ascii_isalnum (p[-1])) &&
          !g_ascii_isalnum (p[length]))
        return TRUE;
    }

  return FALSE;
}

gboolean
_nexor_request_is_documented_not_found (NexorRequest *self,
                                        const char   *text)
{
  /* Every documented not-found answer says so in words: "… not found …",
   * "… does not exist …", "No active workflow run found …". */
  if (text == NULL || !(contains_word (text, "found") || contains_word (text, "exist")))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (self->missing) && self->missing[i] != NULL; i++)
    {
      if (contains_word (text, self->missing[i]))
        return TRUE;
    }

  return FALSE;
}

gboolean
_nexor_request_check_text (NexorRequest *self,
                           const char   *what,
                           const char   *text)
{
  g_autofree char *problem = NULL;

  /* Whole sentences, so that a translation can order its words. */
  if (text == NULL)
    problem = g_strdup_printf (_("Invalid argument: the %s is missing"), what);
  else if (!g_utf8_validate (text, -1, NULL))
    problem = g_strdup_printf (_("Invalid argument: the %s is not valid UTF-8"), what);
  else
    {
      const char *p = text;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        problem = g_strdup_printf (_("Invalid argument: the %s is empty"), what);
    }

  if (problem == NULL)
    return TRUE;

  _nexor_request_take_error (self, g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                        problem));
  return FALSE;
}

void
_nexor_request_add_query (NexorRequest *self,
                          const char   *name,
                          const char   *value)
{
  g_autofree char *escaped_name = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *escaped_value = g_uri_escape_string (value, NULL, FALSE);

  if (self->query == NULL)
    self->query = g_string_new (NULL);
  else
    g_string_append_c (self->query, '&');

  g_string_append_printf (self->query, "%s=%s", escaped_name, escaped_value);
}

gboolean
_nexor_request_add_list_query (NexorRequest       *self,
                               const char         *name,
                               const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return TRUE;

  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *value = values[i];

      if (*value == '\0' || strchr (value, ',') != NULL || !g_utf8_validate (value, -1, NULL))
        {
          _nexor_request_take_error (self, g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                        _("Invalid %s filter: item %u is empty, "
                                                        "has a comma or is not valid UTF-8"),
                                                        name, i));
          return FALSE;
        }
    }

  joined = g_strjoinv (",", (char **) values);
  _nexor_request_add_query (self, name, joined);
  return TRUE;
}

void
_nexor_request_take_body (NexorRequest *self,
                          JsonNode     *body)
{
  g_autoptr(JsonNode) owned = body;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *data;

  json_generator_set_root (generator, owned);
  data = json_generator_to_data (generator, &length);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = g_bytes_new_take (data, length);
}

void
_nexor_request_set_idempotent (NexorRequest *self,
                               gboolean      idempotent)
{
  self->idempotent = idempotent;
}

void
_nexor_request_take_error (NexorRequest *self,
                           GError       *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
}

const char *
_nexor_request_get_method (NexorRequest *self)
{
  return self->method;
}

gboolean
_nexor_request_get_idempotent (NexorRequest *self)
{
  return self->idempotent;
}

/* libsoup (3.2 to 3.7 at least) sends a message again by itself, on a new
 * connection, when a reused keep-alive connection fails before the first
 * byte of the answer, but only for these methods: the check is
 * SOUP_METHOD_IS_IDEMPOTENT on the method, never the message's
 * SOUP_MESSAGE_IDEMPOTENT flag. */
static gboolean
libsoup_resends_method (const char *method)
{
  static const char * const methods[] = {
    "GET", "HEAD", "OPTIONS", "PROPFIND", "TRACE", "PUT", "DELETE",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_str_equal (method, methods[i]))
      return TRUE;
  return FALSE;
}

gboolean
_nexor_request_may_reuse_connection (NexorRequest *self)
{
  /* An idle keep-alive connection the server closed is noticed by libsoup
   * before anything is written on it, and then not used; one that dies
   * under the request is the core's to judge, with the rest of the retry
   * policy, unless libsoup would quietly send the request again itself.
   * That it does for a request safe to repeat only. */
  return self->idempotent || !libsoup_resends_method (self->method);
}

char *
_nexor_request_build_path (NexorRequest *self)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < self->segments->len; i++)
    {
      g_string_append_c (path, '/');
      g_string_append (path, g_ptr_array_index (self->segments, i));
    }

  if (self->query != NULL)
    {
      g_string_append_c (path, '?');
      g_string_append_len (path, self->query->str, self->query->len);
    }

  return g_string_free (path, FALSE);
}

GBytes *
_nexor_request_get_body (NexorRequest *self)
{
  return self->body;
}

const GError *
_nexor_request_get_error (NexorRequest *self)
{
  return self->error;
}

gpointer
_nexor_request_parse (NexorRequest       *self,
                      JsonNode           *root,
                      NexorJsonDocument  *document,
                      GError            **error)
{
  return self->parse (root, document, error);
}

void
_nexor_request_set_call_start (NexorRequest *self,
                               gint64        started_us)
{
  self->call_started_us = started_us;
}

gint64
_nexor_request_get_call_start (NexorRequest *self)
{
  return self->call_started_us;
}
