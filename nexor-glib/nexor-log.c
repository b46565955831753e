/* nexor-log.c: debug logging of the traffic, with the API key redacted
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "nexor-log-private.h"

#define REDACTED "[REDACTED]"

char *
_nexor_redact (const char *text,
               const char *secret)
{
  GString *out;
  const char *p;
  gsize len;

  if (text == NULL || secret == NULL || *secret == '\0' || strstr (text, secret) == NULL)
    return g_strdup (text);

  out = g_string_new (NULL);
  len = strlen (secret);
  for (p = text; *p != '\0';)
    {
      const char *hit = strstr (p, secret);

      if (hit == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, hit - p);
      g_string_append (out, REDACTED);
      p = hit + len;
    }

  return g_string_free (out, FALSE);
}

static void
log_printer (SoupLogger         *logger,
             SoupLoggerLogLevel  level,
             char                direction,
             const char         *data,
             gpointer            user_data)
{
  const char *secret = user_data;
  g_autofree char *line = NULL;

  if (g_ascii_strncasecmp (data, "X-API-Key:", strlen ("X-API-Key:")) == 0)
    line = g_strdup ("X-API-Key: " REDACTED);
  else
    line = _nexor_redact (data, secret);

  g_debug ("%c %s", direction, line);
}

void
_nexor_log_attach (SoupSession *session,
                   const char  *api_key)
{
  const char *env = g_getenv ("NEXOR_DEBUG");
  SoupLoggerLogLevel level;
  g_autoptr(SoupLogger) logger = NULL;
  guint64 value = 0;

  if (env == NULL || !g_ascii_string_to_unsigned (env, 10, 0, 3, &value, NULL) || value == 0)
    return;

  level = value == 1 ? SOUP_LOGGER_LOG_MINIMAL :
          value == 2 ? SOUP_LOGGER_LOG_HEADERS : SOUP_LOGGER_LOG_BODY;
  logger = soup_logger_new (level);
  soup_logger_set_max_body_size (logger, 64 * 1024);
  soup_logger_set_printer (logger, log_printer, g_strdup (api_key), g_free);
  soup_session_add_feature (session, SOUP_SESSION_FEATURE (logger));
}
