/* main.c: the nexor-emulator command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Exit status: 0 after SIGINT/SIGTERM, --help or --version; 1 if the server
 * cannot start (a busy port, a --data file that does not load, a --tls-cert
 * or --tls-key that does not load, a --tls-ca-out that cannot be written); 2
 * for a bad command line.
 */

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "nexor-emulator.h"
#include "nexor-emulator-fault.h"
#include "nexor-emulator-tls.h"
#include "nexor-emulator-json.h"
#include "nexor-emulator-webhooks.h"

#define DEFAULT_PORT 8765

#define EXIT_USAGE 2

static guint opt_port = DEFAULT_PORT;
static guint opt_delay_ms = 0;
static char **opt_api_keys = NULL;
static char *opt_data_file = NULL;
static gboolean opt_faults = FALSE;
static char *opt_fault_script = NULL;
static gboolean opt_version = FALSE;
static gboolean opt_tls = FALSE;
static char *opt_tls_cert = NULL;
static char *opt_tls_key = NULL;
static char *opt_tls_ca_out = NULL;
static char **opt_webhooks = NULL;
static double opt_webhook_retry_scale = 1.0;
static gboolean opt_webhook_log = FALSE;
static char *opt_webhook_ca_file = NULL;

static gboolean
parse_unsigned_option (const char  *option_name,
                       const char  *value,
                       guint64      max,
                       guint       *out,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, 0, max, &number, &local_error))
    {
      g_autofree char *shown = nexor_emulator_quote (value, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "Invalid value “%s” for %s: expected a whole number from 0 to %" G_GUINT64_FORMAT,
                   shown, option_name, max);
      return FALSE;
    }

  *out = (guint) number;
  return TRUE;
}

static gboolean
parse_port_cb (const char  *option_name,
               const char  *value,
               gpointer     data,
               GError     **error)
{
  return parse_unsigned_option (option_name, value, G_MAXUINT16, &opt_port, error);
}

static gboolean
parse_delay_cb (const char  *option_name,
                const char  *value,
                gpointer     data,
                GError     **error)
{
  /* Ten minutes: longer than any test could want to wait. */
  return parse_unsigned_option (option_name, value, 10 * 60 * 1000, &opt_delay_ms, error);
}

static gboolean
parse_retry_scale_cb (const char  *option_name,
                      const char  *value,
                      gpointer     data,
                      GError     **error)
{
  char *end = NULL;
  double scale = g_ascii_strtod (value, &end);

  /* Up to 10: a day and a half between the last two attempts is already
   * longer than anyone waits. */
  if (end == value || *end != '\0' || !(scale >= 0 && scale <= 10))
    {
      g_autofree char *shown = nexor_emulator_quote (value, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "Invalid value “%s” for %s: expected a number from 0 to 10, such as 0.001",
                   shown, option_name);
      return FALSE;
    }

  opt_webhook_retry_scale = scale;
  return TRUE;
}

static const GOptionEntry entries[] = {
  { "port", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_CALLBACK, parse_port_cb,
    "TCP port on 127.0.0.1, 0 for any free port (default 8765)", "N" },
  { "api-key", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &opt_api_keys,
    "Accept this API key; repeat for more (default " NEXOR_EMULATOR_DEFAULT_API_KEY ")", "KEY" },
  { "delay-ms", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_CALLBACK, parse_delay_cb,
    "Delay every response by MS milliseconds", "MS" },
  { "data", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &opt_data_file,
    "Keep the state in FILE across restarts (created from the seed data if missing)", "FILE" },
  { "faults", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &opt_faults,
    "Let clients ask for faults: the X-Nexor-Fault header and /_emulator/faults", NULL },
  { "fault-script", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &opt_fault_script,
    "Queue the faults in FILE, one per line, for the first requests (needs --faults)", "FILE" },
  { "tls", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &opt_tls,
    "Serve https, with a self-signed certificate made at start for localhost, "
    "127.0.0.1 and ::1 (unless --tls-cert is given)", NULL },
  { "tls-cert", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &opt_tls_cert,
    "Serve https with the PEM certificate (and chain) in FILE; needs --tls-key", "FILE" },
  { "tls-key", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &opt_tls_key,
    "The PEM private key of --tls-cert", "FILE" },
  { "tls-ca-out", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &opt_tls_ca_out,
    "Write the certificate clients must trust to FILE (PEM), for NEXOR_CA_FILE "
    "or --ca-file; by default a temporary file named on standard error", "FILE" },
  { "webhook", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &opt_webhooks,
    "Deliver webhook events as SPEC says: URL[;secret=SECRET][;events=TYPE,…] (default secret "
    NEXOR_EMULATOR_DEFAULT_WEBHOOK_SECRET ", every event); repeat for more",
    "SPEC" },
  { "webhook-retry-scale", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_CALLBACK, parse_retry_scale_cb,
    "Multiply the webhook retry delays (1, 5 and 30 minutes) by FACTOR, e.g. 0.001 for tests", "FACTOR" },
  { "webhook-ca-file", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &opt_webhook_ca_file,
    "Check https webhook receivers against the PEM certificates in FILE instead of the system's", "FILE" },
  { "webhook-log", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &opt_webhook_log,
    "Print every webhook delivery attempt on standard error", NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &opt_version,
    "Print the version and exit", NULL },
  { NULL }
};

/* One fault per line, as for X-Nexor-Fault; blank lines and lines starting
 * with '#' are skipped. All are checked before any is queued. */
static guint
load_fault_script (NexorEmulator  *emulator,
                   const char     *path,
                   GError        **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) specs = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *display = g_filename_display_name (path);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(NexorEmulatorFault) fault = NULL;
      g_autoptr(GError) local_error = NULL;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;

      fault = nexor_emulator_fault_parse (line, &local_error);
      if (fault == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "%s:%u: %s", display, i + 1, local_error->message);
          return 0;
        }
      g_ptr_array_add (specs, line);
    }

  for (guint i = 0; i < specs->len; i++)
    nexor_emulator_push_fault (emulator, g_ptr_array_index (specs, i));

  return specs->len;
}

/* The certificate to serve with, from the files or made now. */
static GTlsCertificate *
load_tls_certificate (GError **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) local_error = NULL;

  if (opt_tls_cert == NULL)
    return nexor_emulator_tls_generate (error);

  certificate = g_tls_certificate_new_from_files (opt_tls_cert, opt_tls_key, &local_error);
  if (certificate == NULL)
    {
      g_autofree char *cert = g_filename_display_name (opt_tls_cert);
      g_autofree char *key = g_filename_display_name (opt_tls_key);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s with key %s: %s", cert, key, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&certificate);
}

/* Writes the certificate, never the key, where clients can pick it up. */
static char *
write_tls_ca (GTlsCertificate  *certificate,
              gboolean         *temporary,
              GError          **error)
{
  g_autofree char *pem = NULL;
  g_autofree char *path = NULL;
  int fd;

  g_object_get (certificate, "certificate-pem", &pem, NULL);

  if (opt_tls_ca_out != NULL)
    {
      if (!g_file_set_contents (opt_tls_ca_out, pem, -1, error))
        return NULL;
      *temporary = FALSE;
      return g_strdup (opt_tls_ca_out);
    }

  fd = g_file_open_tmp ("nexor-emulator-ca-XXXXXX.pem", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);
  if (!g_file_set_contents (path, pem, -1, error))
    {
      g_unlink (path);
      return NULL;
    }
  *temporary = TRUE;
  return g_steal_pointer (&path);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(NexorEmulator) emulator = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr(GTlsCertificate) tls_certificate = NULL;
  g_autofree char *tls_ca_path = NULL;
  gboolean tls_ca_temporary = FALSE;
  guint sigint_id;
  guint sigterm_id;
  guint n_scripted = 0;

  setlocale (LC_ALL, "");
  g_set_prgname ("nexor-emulator");

  /* GLib prints debug and info messages on stdout by default; stdout is
   * reserved for the base URL. */
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Serve a local emulation of the Nexor public API on 127.0.0.1.\n"
                                "Prints the base URL on the first line of standard output.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("nexor-emulator: %s\n", error->message);
      g_printerr ("Try “nexor-emulator --help” for more information.\n");
      return EXIT_USAGE;
    }

  if (argc > 1)
    {
      g_autofree char *shown = nexor_emulator_quote (argv[1], -1, NEXOR_EMULATOR_QUOTE_CHARS);

      g_printerr ("nexor-emulator: unexpected argument “%s”\n", shown);
      g_printerr ("Try “nexor-emulator --help” for more information.\n");
      return EXIT_USAGE;
    }

  for (guint i = 0; opt_api_keys != NULL && opt_api_keys[i] != NULL; i++)
    {
      if (*opt_api_keys[i] == '\0')
        {
          g_printerr ("nexor-emulator: --api-key needs a non-empty key\n");
          return EXIT_USAGE;
        }
    }

  if (opt_version)
    {
      g_print ("nexor-emulator %s\n", NEXOR_EMULATOR_VERSION);
      return EXIT_SUCCESS;
    }

  if (opt_fault_script != NULL && !opt_faults)
    {
      g_printerr ("nexor-emulator: --fault-script needs --faults\n");
      return EXIT_USAGE;
    }

  if ((opt_tls_cert != NULL) != (opt_tls_key != NULL))
    {
      g_printerr ("nexor-emulator: --tls-cert and --tls-key go together\n");
      return EXIT_USAGE;
    }
  if (opt_tls_cert != NULL)
    opt_tls = TRUE;
  if (opt_tls_ca_out != NULL && !opt_tls)
    {
      g_printerr ("nexor-emulator: --tls-ca-out needs --tls\n");
      return EXIT_USAGE;
    }

  if (opt_tls)
    {
      tls_certificate = load_tls_certificate (&error);
      if (tls_certificate == NULL)
        {
          g_printerr ("nexor-emulator: cannot use the TLS certificate: %s\n", error->message);
          return EXIT_FAILURE;
        }
      tls_ca_path = write_tls_ca (tls_certificate, &tls_ca_temporary, &error);
      if (tls_ca_path == NULL)
        {
          g_printerr ("nexor-emulator: cannot write the certificate clients must trust: %s\n",
                      error->message);
          return EXIT_FAILURE;
        }
    }

  emulator = nexor_emulator_new ((const char * const *) opt_api_keys);
  nexor_emulator_set_tls_certificate (emulator, tls_certificate);
  nexor_emulator_set_response_delay (emulator, opt_delay_ms);
  nexor_emulator_set_faults_enabled (emulator, opt_faults);
  nexor_emulator_set_webhook_retry_scale (emulator, opt_webhook_retry_scale);
  nexor_emulator_set_webhook_log_printing (emulator, opt_webhook_log);
  if (opt_webhook_ca_file != NULL)
    {
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (opt_webhook_ca_file, &error);

      if (database == NULL)
        {
          g_autofree char *shown = g_filename_display_name (opt_webhook_ca_file);

          g_printerr ("nexor-emulator: cannot use the webhook CA file %s: %s\n", shown, error->message);
          return EXIT_FAILURE;
        }
      nexor_emulator_set_webhook_tls_database (emulator, database);
    }

  for (guint i = 0; opt_webhooks != NULL && opt_webhooks[i] != NULL; i++)
    {
      g_autofree char *url = NULL;
      g_autofree char *secret = NULL;
      g_auto(GStrv) events = NULL;
      g_autofree char *id = NULL;

      if (!nexor_emulator_webhook_spec_parse (opt_webhooks[i], &url, &secret, &events, &error) ||
          (id = nexor_emulator_add_webhook (emulator, url, secret, (const char * const *) events, &error)) == NULL)
        {
          g_printerr ("nexor-emulator: --webhook: %s\n", error->message);
          return EXIT_USAGE;
        }
      g_printerr ("nexor-emulator: webhook %s delivers to %s\n", id, url);
    }

  if (opt_fault_script != NULL)
    {
      n_scripted = load_fault_script (emulator, opt_fault_script, &error);
      if (error != NULL)
        {
          g_printerr ("nexor-emulator: cannot use the fault script: %s\n", error->message);
          return EXIT_USAGE;
        }
    }

  /* A state file that does not load is never replaced by the seed: that
   * would throw away whatever it held. */
  if (opt_data_file != NULL && !nexor_emulator_open_data_file (emulator, opt_data_file, &error))
    {
      g_printerr ("nexor-emulator: cannot use the data file: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!nexor_emulator_listen_local (emulator, opt_port, &error))
    {
      /* GIO words it as “Error binding to address …”; say it once, plainly. */
      const char *reason = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE)
                           ? g_strerror (EADDRINUSE) : error->message;

      g_printerr ("nexor-emulator: cannot listen on 127.0.0.1:%u: %s\n", opt_port, reason);
      if (tls_ca_temporary)
        g_unlink (tls_ca_path);
      return EXIT_FAILURE;
    }

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);

  /* Scripts read this one line to find the server; keep stdout to it. */
  base_url = nexor_emulator_dup_base_url (emulator);
  printf ("%s\n", base_url);
  fflush (stdout);

  if (opt_api_keys == NULL)
    g_printerr ("nexor-emulator: accepting the demo API key %s\n", NEXOR_EMULATOR_DEFAULT_API_KEY);
  else
    g_printerr ("nexor-emulator: accepting %u API key(s)\n", g_strv_length (opt_api_keys));
  if (opt_delay_ms > 0)
    g_printerr ("nexor-emulator: delaying every response by %u ms\n", opt_delay_ms);
  if (opt_data_file != NULL)
    g_printerr ("nexor-emulator: keeping the state in %s\n", opt_data_file);
  if (opt_faults)
    g_printerr ("nexor-emulator: fault injection on: X-Nexor-Fault headers and "
                "%s://127.0.0.1:%u/_emulator/faults; %u fault(s) queued\n",
                opt_tls ? "https" : "http", nexor_emulator_get_port (emulator), n_scripted);
  if (opt_tls)
    {
      g_autoptr(GDateTime) expiry = NULL;

      g_object_get (tls_certificate, "not-valid-after", &expiry, NULL);
      g_printerr ("nexor-emulator: serving https; clients must trust the certificate in %s\n"
                  "nexor-emulator:   export NEXOR_CA_FILE=%s   (or nexor --ca-file %s)\n",
                  tls_ca_path, tls_ca_path, tls_ca_path);
      if (expiry != NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autofree char *shown = g_date_time_format_iso8601 (expiry);

          g_printerr ("nexor-emulator: the certificate %s %s\n",
                      g_date_time_compare (expiry, now) < 0 ? "EXPIRED on" : "is valid until",
                      shown);
        }
    }
  g_printerr ("nexor-emulator: press Ctrl+C to stop\n");

  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  g_clear_object (&emulator);
  if (tls_ca_temporary)
    g_unlink (tls_ca_path);
  g_clear_pointer (&opt_api_keys, g_strfreev);
  g_clear_pointer (&opt_tls_cert, g_free);
  g_clear_pointer (&opt_tls_key, g_free);
  g_clear_pointer (&opt_tls_ca_out, g_free);
  g_clear_pointer (&opt_data_file, g_free);
  g_clear_pointer (&opt_fault_script, g_free);
  g_clear_pointer (&opt_webhooks, g_strfreev);
  g_clear_pointer (&opt_webhook_ca_file, g_free);

  return EXIT_SUCCESS;
}
