/* nexor-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "nexor-error-private.h"

/* What an error of the domain carries besides its message: the wait the
 * server asked for travels with the call that failed, never in the client
 * that other calls share. */
typedef struct {
  gboolean has_retry_after;   /* FALSE in an error rebuilt from domain, code and message */
  guint retry_after;          /* seconds */
} NexorErrorPrivate;

/* Where GLib puts an extended error's private data (G_DEFINE_EXTENDED_ERROR
 * computes it the same way); written out so that the domain keeps its
 * quark string, "nexor-error-quark", which the macro would rename. */
static NexorErrorPrivate *
nexor_error_get_private (const GError *error)
{
  const gsize sa = 2 * sizeof (gsize);
  const gsize as = (sizeof (NexorErrorPrivate) + (sa - 1)) & -sa;

  return (NexorErrorPrivate *) (((guint8 *) error) - as);
}

static void
nexor_error_private_init (GError *error)
{
  NexorErrorPrivate *priv = nexor_error_get_private (error);

  priv->has_retry_after = FALSE;
  priv->retry_after = 0;
}

static void
nexor_error_private_copy (const GError *src,
                          GError       *dest)
{
  *nexor_error_get_private (dest) = *nexor_error_get_private (src);
}

static void
nexor_error_private_clear (GError *error)
{
}

/**
 * nexor_error_quark:
 *
 * The quark of the [error@Nexor.Error] domain, `NEXOR_ERROR`.
 *
 * Returns: the error quark
 *
 * Since: 0.1
 */
GQuark
nexor_error_quark (void)
{
  static GQuark quark;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      quark = g_error_domain_register_static ("nexor-error-quark", sizeof (NexorErrorPrivate),
                                              nexor_error_private_init,
                                              nexor_error_private_copy,
                                              nexor_error_private_clear);
      g_once_init_leave (&initialized, 1);
    }

  return quark;
}

/* GLib frees an error of a registered domain as if it had private data: an
 * error made with the domain's name before the domain was registered (a
 * binding can build one from the string alone) would be freed at the wrong
 * address. Registering when the library is loaded closes that window. */
#if defined (__GNUC__)
__attribute__ ((constructor)) static void
nexor_error_register (void)
{
  nexor_error_quark ();
}
#endif

#define RETRY_AFTER_PREFIX " (retry after "
#define RETRY_AFTER_SUFFIX " s)"

/* The fixed form at the end of the message: " (retry after N s)". */
static guint
retry_after_from_message (const char *message)
{
  const char *start = message != NULL ? g_strrstr (message, RETRY_AFTER_PREFIX) : NULL;
  const char *digits;
  const char *end;
  guint64 value = 0;

  if (start == NULL)
    return 0;

  digits = start + strlen (RETRY_AFTER_PREFIX);
  for (end = digits; g_ascii_isdigit (*end); end++)
    ;
  if (end == digits || end - digits > 10 || strcmp (end, RETRY_AFTER_SUFFIX) != 0)
    return 0;

  for (const char *p = digits; p < end; p++)
    value = value * 10 + (guint64) (*p - '0');
  return (guint) MIN (value, G_MAXUINT);
}

/**
 * nexor_error_get_retry_after:
 * @error: an error returned by a [class@Nexor.Client] call
 *
 * Gets how long, in seconds, the server asked the caller to wait (with
 * `Retry-After`) before trying again, in the answer that ended the call with
 * @error.
 *
 * The client itself waits when the server asks for up to 60 seconds and the
 * call's deadline allows it; a longer wait ends the call at once, typically
 * with %NEXOR_ERROR_RATE_LIMITED, so that the application can reschedule the
 * work:
 *
 * ```c
 * if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED))
 *   schedule_again (nexor_error_get_retry_after (error));
 * ```
 *
 * The wait belongs to @error alone: calls that run at the same time each get
 * their own. It is also written at the end of the message, as
 * ` (retry after N s)`; an error rebuilt from its domain, code and message
 * (as PyGObject does when it hands a `GLib.Error` back to C) is read from
 * there. In Python: `Nexor.error_get_retry_after(e)` on a caught
 * `GLib.Error`; in GJS: `Nexor.error_get_retry_after(e)`.
 *
 * Returns: the wait in seconds, or 0 if @error names none (or is not in the
 *   [error@Nexor.Error] domain)
 *
 * Since: 0.1
 */
guint
nexor_error_get_retry_after (const GError *error)
{
  const NexorErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != NEXOR_ERROR)
    return 0;

  priv = nexor_error_get_private (error);
  if (priv->has_retry_after)
    return priv->retry_after;

  return retry_after_from_message (error->message);
}

/*
 * _nexor_error_take_retry_after:
 * @error: (transfer full): an error of the NEXOR_ERROR domain
 * @seconds: the wait the server asked for; 0 for none
 *
 * Returns: (transfer full): @error, or a new error in its place whose
 *   message ends with the wait in its fixed form and that carries it
 */
GError *
_nexor_error_take_retry_after (GError *error,
                               guint   seconds)
{
  GError *with_wait;

  g_return_val_if_fail (error != NULL && error->domain == NEXOR_ERROR, error);

  if (seconds == 0)
    return error;

  with_wait = g_error_new (error->domain, error->code, "%s" RETRY_AFTER_PREFIX "%u" RETRY_AFTER_SUFFIX,
                           error->message, seconds);
  nexor_error_get_private (with_wait)->has_retry_after = TRUE;
  nexor_error_get_private (with_wait)->retry_after = seconds;
  g_error_free (error);
  return with_wait;
}
