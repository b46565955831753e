/* main.c: Nexor Lead Desk, a GTK 4 app built on nexor-glib
 *
 *   nexor-lead-desk [--base-url URL] [LEAD-ID]
 *
 * Run it against a local emulator:
 *   scripts/with-emulator.sh _build/examples/gtk/nexor-lead-desk \
 *       123e4567-e89b-12d3-a456-426614174000
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>
#include <glib/gi18n.h>

#include "lead-desk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LeadDeskApplication) app = NULL;
  const char *localedir;
  int status;

  /* The program owns the locale and the default domain; nexor-glib binds
   * its own domain (nexor-glib-1) for the messages it returns.
   * LEAD_DESK_LOCALEDIR runs the app from the build tree (the gui tests). */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("LEAD_DESK_LOCALEDIR");
  if (localedir == NULL || !g_path_is_absolute (localedir))
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Nexor Lead Desk"));

  app = lead_desk_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : lead_desk_application_get_exit_status (app);
}
