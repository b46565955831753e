/* nexor-cli-errors.c: the exit status and the hint an error gets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include "nexor-cli.h"

G_DEFINE_QUARK (nexor-cli-error-quark, nexor_cli_error)

int
nexor_cli_exit_status_for_error (const GError *error)
{
  if (error->domain == NEXOR_CLI_ERROR)
    return error->code;

  if (error->domain == NEXOR_ERROR)
    {
      switch ((NexorError) error->code)
        {
        case NEXOR_ERROR_INVALID_ARGUMENT:
          return NEXOR_CLI_EXIT_USAGE;
        case NEXOR_ERROR_UNAUTHORIZED:
        case NEXOR_ERROR_FORBIDDEN:
          return NEXOR_CLI_EXIT_AUTH;
        case NEXOR_ERROR_NOT_FOUND:
          return NEXOR_CLI_EXIT_NOT_FOUND;
        case NEXOR_ERROR_RATE_LIMITED:
        case NEXOR_ERROR_SERVER:
        case NEXOR_ERROR_TIMEOUT:
          return NEXOR_CLI_EXIT_NETWORK;
        case NEXOR_ERROR_INVALID_RESPONSE:
          return NEXOR_CLI_EXIT_INVALID_RESPONSE;
        case NEXOR_ERROR_CONFLICT:
          return NEXOR_CLI_EXIT_CONFLICT;
        case NEXOR_ERROR_OUTCOME_UNKNOWN:
          return NEXOR_CLI_EXIT_OUTCOME_UNKNOWN;
        case NEXOR_ERROR_ENDPOINT_NOT_FOUND:
          return NEXOR_CLI_EXIT_SETUP;
        case NEXOR_ERROR_FAILED:
        default:
          return NEXOR_CLI_EXIT_FAILED;
        }
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NEXOR_CLI_EXIT_FAILED;

  if (error->domain == G_IO_ERROR ||
      error->domain == G_RESOLVER_ERROR ||
      error->domain == G_TLS_ERROR)
    return NEXOR_CLI_EXIT_NETWORK;

  return NEXOR_CLI_EXIT_FAILED;
}

/* The hint for an error of the connection itself (not of the API), naming
 * the base URL as @url. Kept apart from the CLI's state so that errors no
 * test server can produce on this machine's TLS stack are still tested. */
char *
nexor_cli_transport_hint (const GError *error,
                          const char   *url)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_strdup_printf (_("is the server running at %s?"), url);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_strdup_printf (_("the server at %s did not answer in time; try again later"), url);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_strdup_printf (_("check the network connection and the base URL (%s)"), url);
  /* The server ended the TLS session without its close_notify, and kept
   * doing so through the retries: a connection lost, not a TLS refusal,
   * so the base URL is not the thing to check. */
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_EOF))
    return g_strdup_printf (_("the server at %s closed the connection; check the network "
                              "connection and try again later"), url);
  if (error->domain == G_TLS_ERROR)
    return g_strdup_printf (_("the secure connection to %s failed; check the base URL"), url);
  if (error->domain == G_IO_ERROR)
    return g_strdup_printf (_("is the server running at %s?"), url);

  return NULL;
}
