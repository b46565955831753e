/* test-cli-errors.c: the exit status and hint the CLI gives a connection's
 * errors, for the ones no local server makes this machine's TLS stack
 * report (libsoup asks GnuTLS for no close_notify, so the emulator's
 * no-close-notify fault reaches a CLI as a plain end of file)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>

#include "nexor-cli.h"

#define URL "https://api.example.com/api/public"

/* A TLS session the server ended without close_notify, still so after the
 * retries, is a lost connection: a network failure whose hint is not
 * about the base URL. */
static void
test_tls_eof (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_EOF,
                                                 "TLS connection closed unexpectedly");
  g_autofree char *hint = nexor_cli_transport_hint (error, URL);

  g_assert_cmpint (nexor_cli_exit_status_for_error (error), ==, NEXOR_CLI_EXIT_NETWORK);
  g_assert_cmpstr (hint, ==, "the server at " URL " closed the connection; check the network "
                   "connection and try again later");
}

/* The other TLS errors keep theirs. */
static void
test_tls_other (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_NOT_TLS,
                                                 "Peer failed to perform TLS handshake");
  g_autofree char *hint = nexor_cli_transport_hint (error, URL);

  g_assert_cmpint (nexor_cli_exit_status_for_error (error), ==, NEXOR_CLI_EXIT_NETWORK);
  g_assert_cmpstr (hint, ==, "the secure connection to " URL " failed; check the base URL");
}

/* A cancel has no hint and is no network failure. */
static void
test_cancelled (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  g_autofree char *hint = nexor_cli_transport_hint (error, URL);

  g_assert_cmpint (nexor_cli_exit_status_for_error (error), ==, NEXOR_CLI_EXIT_FAILED);
  g_assert_null (hint);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/errors/tls-eof", test_tls_eof);
  g_test_add_func ("/cli/errors/tls-other", test_tls_other);
  g_test_add_func ("/cli/errors/cancelled", test_cancelled);

  return g_test_run ();
}
