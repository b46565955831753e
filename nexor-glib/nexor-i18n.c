/* nexor-i18n.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <libintl.h>

#include "nexor-i18n-private.h"

/* Bound on the first translated message, not at load time, so that a
 * program that never fails pays nothing. NEXOR_LOCALEDIR points the domain
 * at another tree: the build tree's po/ for the test suites, or a relocated
 * bundle. */
static void
ensure_domain_bound (void)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      const char *dir = g_getenv ("NEXOR_LOCALEDIR");

      if (dir == NULL || !g_path_is_absolute (dir))
        dir = LOCALEDIR;
      bindtextdomain (GETTEXT_PACKAGE, dir);
      /* Error messages are UTF-8 whatever the program's codeset. */
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
}

const char *
_nexor_gettext (const char *msgid)
{
  ensure_domain_bound ();
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
_nexor_pgettext (const char *msgctxt_id,
                 gsize       msgid_offset)
{
  ensure_domain_bound ();
  return g_dpgettext (GETTEXT_PACKAGE, msgctxt_id, msgid_offset);
}
