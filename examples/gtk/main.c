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

#include "lead-desk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LeadDeskApplication) app = NULL;
  int status;

  g_set_application_name ("Nexor Lead Desk");

  app = lead_desk_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : lead_desk_application_get_exit_status (app);
}
