/* nexor-test-certificate.c: make the certificates TLS tests need
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: nexor-test-certificate CERT-FILE KEY-FILE [--host NAME]...
 *          [--from-days N] [--to-days N]
 *
 * Writes a self-signed certificate made the way `nexor-emulator --tls` makes
 * its own, for the given host names and IP addresses (default localhost,
 * 127.0.0.1 and ::1), valid from N days from now (default -1) to N days
 * from now (default 1): negative numbers give an expired certificate, for
 * `nexor-emulator --tls-cert`. Script tests use it to get certificates a
 * client must refuse without depending on OpenSSL's command line.
 */

#include <stdlib.h>

#include <gio/gio.h>

#include "nexor-emulator-tls.h"

static char **opt_hosts = NULL;
static gint opt_from_days = -1;
static gint opt_to_days = 1;

static const GOptionEntry entries[] = {
  { "host", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_hosts, "A name or address it is for; repeat", "NAME" },
  { "from-days", 0, 0, G_OPTION_ARG_INT, &opt_from_days, "Valid from N days from now", "N" },
  { "to-days", 0, 0, G_OPTION_ARG_INT, &opt_to_days, "Valid until N days from now", "N" },
  G_OPTION_ENTRY_NULL
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CERT-FILE KEY-FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autofree char *certificate_pem = NULL;
  g_autofree char *key_pem = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("usage: nexor-test-certificate CERT-FILE KEY-FILE [--host NAME]... "
                  "[--from-days N] [--to-days N]%s%s\n",
                  error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  not_before = g_date_time_add_days (now, opt_from_days);
  not_after = g_date_time_add_days (now, opt_to_days);
  if (!nexor_emulator_tls_generate_pem ((const char * const *) opt_hosts, not_before, not_after,
                                        &certificate_pem, &key_pem, &error) ||
      !g_file_set_contents (argv[1], certificate_pem, -1, &error) ||
      !g_file_set_contents (argv[2], key_pem, -1, &error))
    {
      g_printerr ("nexor-test-certificate: %s\n", error->message);
      return 1;
    }

  g_strfreev (opt_hosts);
  return 0;
}
