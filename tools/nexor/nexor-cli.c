/* nexor-cli.c: the nexor command-line client: options, dispatch, errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-output.h"
#include "nexor-cli-recent.h"

/* An API key is one HTTP header value: visible ASCII, and not a novel. */
#define MAX_API_KEY_LENGTH 4096

/* A deadline longer than a day is a typo, not a wish. */
#define MAX_TIMEOUT_S (24 * 60 * 60)

struct _NexorCli
{
  /* Global options; given before or after the command, the last one wins. */
  char        *api_key;
  char        *api_key_file;
  char        *base_url;
  char        *ca_file;
  guint        timeout_s;         /* --timeout; 0 when not given */
  gboolean     help;
  gboolean     version;

  char        *path;              /* the command being run, e.g. "nexor lead get" */
  const NexorCliCommand *command; /* and its table entry, once it is a leaf */
  char        *display_base_url;  /* the base URL without user information, for messages */
  gboolean     loopback;          /* the base URL's host is this machine */
  gboolean     own_ca_file;       /* --ca-file or NEXOR_CA_FILE was given */
  NexorClient *client;
  char        *check_command;     /* shows whether a write was applied: "nexor lead get ID" */
  char        *check_advice;      /* or what to do when no command can */
  GPtrArray   *option_names;      /* long options of the context being parsed, for hints */

  /* `nexor __complete`: a command's run function, asked for its options,
   * leaves them here instead of parsing anything. */
  gboolean     completing;
  GArray      *completion_entries;  /* of GOptionEntry, strings not owned */
};

static int nexor_cli_help_command (NexorCli               *cli,
                                   const NexorCliCommand  *command,
                                   char                 ***argv);
static int nexor_cli_complete_command (NexorCli               *cli,
                                       const NexorCliCommand  *command,
                                       char                 ***argv);

static const NexorCliCommand nexor_cli_root_commands[] = {
  { "lead", N_("COMMAND"), N_("Work with leads"), NULL, nexor_cli_lead_commands },
  { "tags", N_("COMMAND"), N_("Manage the account's tags"), NULL, nexor_cli_tags_commands },
  { "team", NULL, N_("List the active team members"), nexor_cli_team, NULL,
    &nexor_cli_kind_team_member },
  { "meeting", N_("COMMAND"), N_("Log meetings, record how they went, attach notes"), NULL,
    nexor_cli_meeting_commands },
  { "conversions", N_("COMMAND"), N_("Record and list conversions (revenue)"), NULL,
    nexor_cli_conversions_commands },
  { "conversion-types", NULL, N_("List the conversion types and their custom fields"),
    nexor_cli_conversion_types, NULL, &nexor_cli_kind_conversion_type },
  { "message", N_("COMMAND"), N_("Send a lead a WhatsApp message or email, or have the AI agent call"), NULL,
    nexor_cli_message_commands },
  { "templates", NULL, N_("List the WhatsApp templates and their variables"), nexor_cli_templates, NULL,
    &nexor_cli_kind_template },
  { "workflows", N_("[list | get ID]"), N_("List the workflows with their statuses, or show one"),
    nexor_cli_workflows, NULL, &nexor_cli_kind_workflow },
  { "campaigns", NULL, N_("List the campaigns"), nexor_cli_campaigns, NULL, &nexor_cli_kind_campaign },
  { "processors", N_("COMMAND"), N_("Manage routing processors (by ID: the API cannot list them)"), NULL,
    nexor_cli_processors_commands },
  { "rules", N_("COMMAND"), N_("Manage a routing processor's rules"), NULL, nexor_cli_rules_commands },
  { "route", N_("PROCESSOR_ID"), N_("Send leads through a routing processor, from a JSON file"), nexor_cli_route,
    NULL, &nexor_cli_kind_route_result, "" },
  { "webhooks", N_("COMMAND"), N_("Receive Nexor's webhook deliveries locally"), NULL,
    nexor_cli_webhooks_commands },
  { "help", N_("[COMMAND…]"), N_("Show help for a command"), nexor_cli_help_command, NULL },
  /* Hidden (names starting with "__" are): what the bash completion calls. */
  { "__complete", "WORD…", "Print the completions of a command line", nexor_cli_complete_command,
    NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static const NexorCliCommand nexor_cli_root = {
  "nexor", N_("COMMAND [ARGUMENT…]"), N_("A command-line client for the Nexor sales-lead API."),
  NULL, nexor_cli_root_commands,
};

/* The root command's help after the options: the environment (%s is the
 * default base URL), the exit statuses (exit_statuses below), examples. */
#define NEXOR_CLI_ENVIRONMENT \
  N_("Environment:\n" \
     "  NEXOR_API_KEY    API key, used when neither --api-key nor --api-key-file is given\n" \
     "  NEXOR_BASE_URL   API base URL, used when --base-url is not given\n" \
     "                   (default %s)\n" \
     "  NEXOR_CA_FILE    PEM file of the certificate authorities to trust for https instead\n" \
     "                   of the system's, used when --ca-file is not given (for example the\n" \
     "                   file “nexor-emulator --tls --tls-ca-out FILE” writes)\n" \
     "  NEXOR_TIMEOUT    seconds to wait for each request, retries included, used when\n" \
     "                   --timeout is not given (default 90)\n" \
     "  NEXOR_DEBUG      1, 2 or 3: log requests, headers, bodies (with G_MESSAGES_DEBUG=Nexor);\n" \
     "                   the API key is never shown\n" \
     "  NEXOR_WEBHOOK_SECRET  the webhook signing secret “webhooks listen” checks deliveries\n" \
     "                   with, used when --secret is not given\n" \
     "  NO_COLOR         when set and not empty, never use colors\n" \
     "  XDG_CACHE_HOME   where the ids used lately are kept for completion\n" \
     "                   ($XDG_CACHE_HOME/nexor/recent-ids, default ~/.cache)\n")

#define NEXOR_CLI_EXAMPLES \
  N_("Examples:\n" \
     "  NEXOR_API_KEY=nxr_live_… nexor lead get 123e4567-e89b-12d3-a456-426614174000\n" \
     "  nexor lead create --first-name Ana --email ana@example.com --json\n" \
     "  nexor lead takeover ID && nexor lead paused ID")

/* Every NexorCliExit, in order: `nexor --help` is made from this table, and
 * tests/cli/test-cli-exit-statuses.py compares it with the enum and with
 * docs/cli.md. */
static const struct {
  NexorCliExit status;
  const char  *meaning;
} exit_statuses[] = {
  { NEXOR_CLI_EXIT_OK, N_("success") },
  { NEXOR_CLI_EXIT_FAILED,
    N_("any other error; also “lead create --from-file” and “route” when some leads failed, "
       "and a message not sent because its confirmation was declined") },
  { NEXOR_CLI_EXIT_USAGE,
    N_("usage error: unknown command or option, missing or bad argument, an id that is not a "
       "UUID, an invalid base URL or CA file, or a request the server refused (400)") },
  { NEXOR_CLI_EXIT_AUTH, N_("authentication: no API key, or the server rejected it (401, 403)") },
  { NEXOR_CLI_EXIT_NOT_FOUND,
    N_("not found (404); also no approved template with the name given to “message whatsapp "
       "--template”") },
  { NEXOR_CLI_EXIT_NETWORK,
    N_("network: server unreachable, timed out, rate limited, or failed (5xx), or its TLS "
       "certificate was refused (nothing was sent)") },
  { NEXOR_CLI_EXIT_INVALID_RESPONSE,
    N_("invalid response from the server (also a server that sends a page of a list again)") },
  { NEXOR_CLI_EXIT_CONFLICT, N_("conflict (409), such as a tag slug that is taken") },
  { NEXOR_CLI_EXIT_NOT_PAUSED, N_("“lead paused --exit-status” only: automation is not paused") },
  /* The help adds the list of those writes. */
  { NEXOR_CLI_EXIT_OUTCOME_UNKNOWN,
    N_("outcome unknown: a write that is not safe to repeat was sent, and then the connection "
       "broke, the time ran out or the server failed (5xx): it may have been applied; check (the "
       "hint names how) before running it again.") },
  { NEXOR_CLI_EXIT_SETUP,
    N_("setup: the server at the base URL is not the Nexor API (it has no such endpoint: HTTP "
       "404 without one of the API's not-found answers)") },
};
/* A new status gets its line in the table (and is the last one here). */
G_STATIC_ASSERT (G_N_ELEMENTS (exit_statuses) == NEXOR_CLI_EXIT_SETUP + 1);

/* The writes that may exit NEXOR_CLI_EXIT_OUTCOME_UNKNOWN, as "lead create,
 * lead tags --add, …", in the order of the command tables. */
static void
append_not_repeatable (GString               *out,
                       const NexorCliCommand *commands,
                       const char            *prefix)
{
  for (const NexorCliCommand *c = commands; c != NULL && c->name != NULL; c++)
    {
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, " ", c->name, NULL) : g_strdup (c->name);

      if (c->subcommands != NULL)
        append_not_repeatable (out, c->subcommands, path);
      if (c->not_repeatable == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, path);
      if (c->not_repeatable[0] != '\0')
        g_string_append_printf (out, " %s", _(c->not_repeatable));
    }
}

/* @text wrapped at @width characters (not bytes: translations are UTF-8),
 * its first line after @first, the others indented by @indent spaces. */
static void
append_wrapped (GString    *out,
                const char *first,
                const char *text,
                guint       indent,
                guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = g_utf8_strlen (first, -1);
  gboolean line_start = TRUE;

  g_string_append (out, first);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = g_utf8_strlen (words[i], -1);

      if (*words[i] == '\0')
        continue;
      if (!line_start && column + 1 + length > width)
        {
          g_string_append_c (out, '\n');
          g_string_append_printf (out, "%*s", (int) indent, "");
          column = indent;
          line_start = TRUE;
        }
      if (!line_start)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += length;
      line_start = FALSE;
    }
  g_string_append_c (out, '\n');
}

static char *
root_description (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) writes = g_string_new (NULL);

  append_not_repeatable (writes, nexor_cli_root_commands, NULL);

  g_string_append_printf (out, _(NEXOR_CLI_ENVIRONMENT), NEXOR_DEFAULT_BASE_URL);
  g_string_append_printf (out, "\n%s\n", _("Exit status:"));
  for (guint i = 0; i < G_N_ELEMENTS (exit_statuses); i++)
    {
      g_autofree char *first = g_strdup_printf ("  %-2d ", exit_statuses[i].status);
      g_autofree char *meaning = NULL;

      if (exit_statuses[i].status == NEXOR_CLI_EXIT_OUTCOME_UNKNOWN)
        {
          /* TRANSLATORS: %s is the list of commands, such as "lead create, lead tags --add" */
          g_autofree char *which = g_strdup_printf (_("Those writes: %s"), writes->str);

          meaning = g_strconcat (_(exit_statuses[i].meaning), " ", which, NULL);
        }
      else
        meaning = g_strdup (_(exit_statuses[i].meaning));
      append_wrapped (out, first, meaning, 5, 88);
    }
  g_string_append_printf (out, "\n%s", _(NEXOR_CLI_EXAMPLES));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What every command that talks to the server reads: its help says so, since
 * a variable left set in a shell is the usual surprise. */
#define NEXOR_CLI_SUB_DESCRIPTION \
  N_("Environment:\n" \
     "  NEXOR_API_KEY    API key, used when neither --api-key nor --api-key-file is given\n" \
     "  NEXOR_BASE_URL   API base URL, used when --base-url is not given\n" \
     "  NEXOR_CA_FILE    certificate authorities to trust, used when --ca-file is not given\n" \
     "  NEXOR_TIMEOUT    seconds to wait for each request, used when --timeout is not given\n" \
     "  NEXOR_DEBUG      1, 2 or 3: log requests, headers, bodies (with G_MESSAGES_DEBUG=Nexor)\n" \
     "  NO_COLOR         when set and not empty, never use colors\n" \
     "  XDG_CACHE_HOME   where the ids used lately are kept for completion\n" \
     "                   ($XDG_CACHE_HOME/nexor/recent-ids, default ~/.cache)\n" \
     "\n" \
     "Run “nexor help” for the exit statuses.")

/* `webhooks listen` talks to no server: it reads only its secret. */
#define NEXOR_CLI_WEBHOOKS_DESCRIPTION \
  N_("Environment:\n" \
     "  NEXOR_WEBHOOK_SECRET  the webhook's signing secret, used when --secret is not given\n" \
     "  NO_COLOR              when set and not empty, never use colors\n" \
     "\n" \
     "Each verified event is printed on one line: its type, its id, and the lead\n" \
     "and what happened to it. A delivery that is not signed with the secret, or\n" \
     "not an event, is refused (HTTP 401 or 400) and reported on standard error.\n" \
     "An event delivered again (same event id) is acknowledged but not printed again.\n" \
     "\n" \
     "Run “nexor help” for the exit statuses.")

#define NEXOR_CLI_HELP_DESCRIPTION \
  N_("Environment: none is read.")

/* Option callbacks: strings are replaced, never leaked, and a key is
 * registered as a secret the moment it is seen. */

static void
nexor_cli_free_secret (char *secret)
{
  if (secret == NULL)
    return;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static gboolean
option_api_key_cb (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  NexorCli *cli = data;

  nexor_cli_output_add_secret (value);
  g_clear_pointer (&cli->api_key, nexor_cli_free_secret);
  cli->api_key = g_strdup (value);

  return TRUE;
}

static gboolean
option_api_key_file_cb (const char  *option_name,
                        const char  *value,
                        gpointer     data,
                        GError     **error)
{
  NexorCli *cli = data;

  g_free (cli->api_key_file);
  cli->api_key_file = g_strdup (value);

  return TRUE;
}

static gboolean
option_base_url_cb (const char  *option_name,
                    const char  *value,
                    gpointer     data,
                    GError     **error)
{
  NexorCli *cli = data;

  g_free (cli->base_url);
  cli->base_url = g_strdup (value);

  return TRUE;
}

static gboolean
option_ca_file_cb (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  NexorCli *cli = data;

  g_free (cli->ca_file);
  cli->ca_file = g_strdup (value);

  return TRUE;
}

/* Whole seconds from 1 to a day: 0 would mean "no deadline" to the library,
 * which is not what anyone typing a number asks for. */
static gboolean
parse_timeout (const char  *value,
               const char  *source,
               guint       *timeout_s,
               GError     **error)
{
  guint64 n = 0;

  if (value == NULL || !g_utf8_validate (value, -1, NULL) ||
      !g_ascii_string_to_unsigned (value, 10, 1, MAX_TIMEOUT_S, &n, NULL))
    {
      g_autofree char *shown = value != NULL && g_utf8_validate (value, -1, NULL)
                               ? nexor_cli_ellipsize (value, 40) : g_strdup (_("(not UTF-8)"));

      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("invalid timeout “%s” (from %s): expected a whole number of seconds "
                     "from 1 to %u"), shown, source, MAX_TIMEOUT_S);
      return FALSE;
    }

  *timeout_s = (guint) n;
  return TRUE;
}

static gboolean
option_timeout_cb (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  NexorCli *cli = data;
  g_autoptr(GError) local_error = NULL;

  if (!parse_timeout (value, "--timeout", &cli->timeout_s, &local_error))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The summary of a group: its commands, and those of its subgroups. */
static void
add_command_rows (NexorCliTable         *table,
                  const NexorCliCommand *commands,
                  const char            *prefix)
{
  for (const NexorCliCommand *c = commands; c->name != NULL; c++)
    {
      g_autofree char *name = prefix != NULL ? g_strconcat (prefix, " ", c->name, NULL)
                                             : g_strdup (c->name);

      if (g_str_has_prefix (c->name, "__"))
        continue;

      if (c->subcommands != NULL)
        {
          add_command_rows (table, c->subcommands, name);
        }
      else
        {
          g_autofree char *usage = c->parameters != NULL
            ? g_strconcat (name, " ", _(c->parameters), NULL)
            : g_strdup (name);

          nexor_cli_table_add_row (table, usage, _(c->summary));
        }
    }
}

static char *
command_summary (const NexorCliCommand *command)
{
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (2);
  GString *summary = g_string_new (_(command->summary));

  if (command->subcommands != NULL)
    {
      add_command_rows (table, command->subcommands, NULL);
      g_string_append_printf (summary, "\n\n%s\n", _("Commands:"));
      nexor_cli_table_render (table, "  ", summary);
      /* GOption adds its own line break after the summary. */
      if (summary->len > 0 && summary->str[summary->len - 1] == '\n')
        g_string_truncate (summary, summary->len - 1);
    }

  return g_string_free (summary, FALSE);
}

static GOptionContext *
nexor_cli_option_context_new (NexorCli              *cli,
                              const NexorCliCommand *command,
                              const GOptionEntry    *entries)
{
  gboolean is_root = command == &nexor_cli_root;
  const GOptionEntry global_entries[] = {
    { "api-key", 0, 0, G_OPTION_ARG_CALLBACK, option_api_key_cb,
      N_("API key (default: $NEXOR_API_KEY)"), N_("KEY") },
    { "api-key-file", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, option_api_key_file_cb,
      N_("Read the API key from FILE (“-” for standard input)"), N_("FILE") },
    { "base-url", 0, 0, G_OPTION_ARG_CALLBACK, option_base_url_cb,
      N_("API base URL (default: $NEXOR_BASE_URL, or the production API)"), N_("URL") },
    { "ca-file", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, option_ca_file_cb,
      N_("Trust the certificate authorities in FILE (PEM) instead of the system's "
         "(default: $NEXOR_CA_FILE)"), N_("FILE") },
    { "timeout", 0, 0, G_OPTION_ARG_CALLBACK, option_timeout_cb,
      N_("Give up on a request after SECONDS, retries included (default: $NEXOR_TIMEOUT, "
         "or 90)"), N_("SECONDS") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &cli->help,
      N_("Show this help and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli->version,
      N_("Show the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *summary = command_summary (command);
  g_autofree char *description = NULL;
  GOptionContext *context;
  GOptionGroup *group;

  context = g_option_context_new (command->parameters != NULL ? _(command->parameters) : NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  if (is_root)
    description = root_description ();
  else if (command->run == nexor_cli_help_command)
    description = g_strdup (_(NEXOR_CLI_HELP_DESCRIPTION));
  else if (command->run == nexor_cli_webhooks_listen)
    description = g_strdup (_(NEXOR_CLI_WEBHOOKS_DESCRIPTION));
  else
    description = g_strdup (_(NEXOR_CLI_SUB_DESCRIPTION));
  g_option_context_set_description (context, description);

  /* One group, the command's own options first; the group carries @cli for
   * the callbacks. */
  group = g_option_group_new ("nexor", _("Options:"), _("Show the options"), cli, NULL);
  /* The entries' descriptions are N_() strings of this domain. */
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_clear_pointer (&cli->option_names, g_ptr_array_unref);
  cli->option_names = g_ptr_array_new ();
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    g_ptr_array_add (cli->option_names, (gpointer) entries[i].long_name);
  for (guint i = 0; global_entries[i].long_name != NULL; i++)
    g_ptr_array_add (cli->option_names, (gpointer) global_entries[i].long_name);

  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  nexor_cli_fields_add_entries (group, command->prints, cli->option_names);
  g_option_group_add_entries (group, global_entries);

  if (cli->completing)
    {
      const GOptionEntry field_entries[] = {
        { "ids", 0, 0, G_OPTION_ARG_NONE, NULL, NULL, NULL },
        { "fields", 0, 0, G_OPTION_ARG_STRING, NULL, NULL, "LIST" },
      };

      g_clear_pointer (&cli->completion_entries, g_array_unref);
      cli->completion_entries = g_array_new (FALSE, FALSE, sizeof (GOptionEntry));
      for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
        g_array_append_val (cli->completion_entries, entries[i]);
      if (command->prints != NULL)
        g_array_append_vals (cli->completion_entries, field_entries, G_N_ELEMENTS (field_entries));
      for (guint i = 0; global_entries[i].long_name != NULL; i++)
        g_array_append_val (cli->completion_entries, global_entries[i]);
    }
  g_option_context_set_main_group (context, group);

  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, command->subcommands != NULL);

  return context;
}

static void
nexor_cli_print_help (NexorCli       *cli,
                      GOptionContext *context,
                      gboolean        to_stderr)
{
  g_autofree char *help = NULL;

  /* GOption names the program in the usage line: name the command instead. */
  g_set_prgname (cli->path);
  help = g_option_context_get_help (context, TRUE, NULL);
  g_set_prgname ("nexor");

  if (to_stderr)
    nexor_cli_printerr ("%s", help);
  else
    nexor_cli_print (help);
}

/* "Did you mean": the optimal string alignment distance (Levenshtein with
 * transpositions, so "taem" is one edit from "team"), as git and most CLIs
 * use. Longer words than any name are not worth the quadratic cost. */
#define MAX_SUGGEST_LENGTH 64

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint d[MAX_SUGGEST_LENGTH + 1][MAX_SUGGEST_LENGTH + 1];

  g_assert (la <= MAX_SUGGEST_LENGTH && lb <= MAX_SUGGEST_LENGTH);

  for (gsize i = 0; i <= la; i++)
    d[i][0] = i;
  for (gsize j = 0; j <= lb; j++)
    d[0][j] = j;

  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
        guint best = MIN (d[i - 1][j] + 1, d[i][j - 1] + 1);

        best = MIN (best, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, d[i - 2][j - 2] + 1);
        d[i][j] = best;
      }

  return d[la][lb];
}

/* How alike @typed is to @name: 0 for the start of it ("hist" for
 * "history"), else the edit distance when small enough for a slip of the
 * fingers, else G_MAXUINT. */
static guint
suggestion_score (const char *typed,
                  const char *name)
{
  gsize len = strlen (typed);
  guint distance;

  if (len == 0 || len > MAX_SUGGEST_LENGTH || strlen (name) > MAX_SUGGEST_LENGTH)
    return G_MAXUINT;
  if (len >= 2 && g_ascii_strncasecmp (typed, name, len) == 0)
    return 0;

  distance = edit_distance (typed, name);
  if (distance <= MAX (1, MIN (2, len / 3)))
    return distance;

  return G_MAXUINT;
}

/* Adds @candidate to @best when it scores as well as the best so far. */
static void
consider_suggestion (GPtrArray  *best,
                     guint      *best_score,
                     guint       score,
                     const char *candidate)
{
  if (score == G_MAXUINT || score > *best_score)
    return;
  if (score < *best_score)
    g_ptr_array_set_size (best, 0);
  *best_score = score;
  g_ptr_array_add (best, g_strdup (candidate));
}

/* “a”, “a” or “b”, “a”, “b” or “c”: the suggestions for a hint. */
static char *
format_suggestions (GPtrArray *suggestions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len && i < 3; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separators in a list of suggestions: “a”, “b” or “c” */
        g_string_append (out, i + 1 == MIN (suggestions->len, 3) ? _(" or ") : _(", "));
      /* TRANSLATORS: a suggested command or option, quoted */
      g_string_append_printf (out, _("“%s”"), (const char *) g_ptr_array_index (suggestions, i));
    }

  return g_string_free (out, FALSE);
}

/* The commands of @group like @typed, as full paths ("nexor lead get");
 * failing those, the commands of its subgroups ("nexor get" → "nexor lead
 * get"). Names starting with "__" are internal and never suggested. */
static char *
suggest_command (const NexorCliCommand *group,
                 const char            *group_path,
                 const char            *typed)
{
  g_autoptr(GPtrArray) best = g_ptr_array_new_with_free_func (g_free);
  guint best_score = G_MAXUINT;
  g_autofree char *list = NULL;

  for (const NexorCliCommand *c = group->subcommands; c != NULL && c->name != NULL; c++)
    {
      g_autofree char *path = g_strconcat (group_path, " ", c->name, NULL);

      if (!g_str_has_prefix (c->name, "__"))
        consider_suggestion (best, &best_score, suggestion_score (typed, c->name), path);
    }

  for (const NexorCliCommand *c = group->subcommands;
       best->len == 0 && c != NULL && c->name != NULL; c++)
    {
      for (const NexorCliCommand *sub = c->subcommands; sub != NULL && sub->name != NULL; sub++)
        {
          g_autofree char *path = g_strconcat (group_path, " ", c->name, " ", sub->name, NULL);

          if (!g_str_has_prefix (sub->name, "__"))
            consider_suggestion (best, &best_score, suggestion_score (typed, sub->name), path);
        }
    }

  if (best->len == 0)
    return NULL;

  list = format_suggestions (best);
  return g_strdup_printf (_("did you mean %s?"), list);
}

static int
unknown_command_error (NexorCli              *cli,
                       const NexorCliCommand *group,
                       const char            *group_path,
                       const char            *typed)
{
  g_autofree char *shown = nexor_cli_ellipsize (typed, 40);
  g_autofree char *hint = g_utf8_validate (typed, -1, NULL)
                          ? suggest_command (group, group_path, typed) : NULL;

  if (hint != NULL)
    return nexor_cli_usage_error (cli, _("unknown command “%s”\nhint: %s"), shown, hint);
  return nexor_cli_usage_error (cli, _("unknown command “%s”"), shown);
}

/* The long options of the context being parsed like the unknown @option. */
static char *
suggest_option (NexorCli   *cli,
                const char *option)
{
  g_autoptr(GPtrArray) best = g_ptr_array_new_with_free_func (g_free);
  guint best_score = G_MAXUINT;
  g_autofree char *list = NULL;

  if (!g_str_has_prefix (option, "--") || cli->option_names == NULL)
    return NULL;

  for (guint i = 0; i < cli->option_names->len; i++)
    {
      const char *name = g_ptr_array_index (cli->option_names, i);
      g_autofree char *dashed = g_strconcat ("--", name, NULL);

      consider_suggestion (best, &best_score, suggestion_score (option + 2, name), dashed);
    }

  if (best->len == 0)
    return NULL;

  list = format_suggestions (best);
  return g_strdup_printf (_("did you mean %s?"), list);
}

/* GOption quotes an unknown option whole: cut "--api-kye=SECRET" at "=". */
static char *
option_error_message (NexorCli     *cli,
                      const GError *error)
{
  g_autofree char *message = NULL;

  /* GOption converts values from the locale's character set. */
  if (error->domain == G_CONVERT_ERROR)
    return g_strdup (_("an option value is not valid text in the current locale"));

  message = g_strdup (error->message);
  if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
    {
      char *equals = strchr (message, '=');
      const char *option;
      g_autofree char *hint = NULL;

      if (equals != NULL)
        *equals = '\0';

      /* GOption's message is "Unknown option --name" (translated where
       * GLib is): the option is its last word. */
      option = strrchr (message, ' ');
      if (option != NULL && g_utf8_validate (option + 1, -1, NULL))
        hint = suggest_option (cli, option + 1);
      if (hint != NULL)
        {
          g_autofree char *clean = nexor_cli_sanitize (message);

          return g_strdup_printf (_("%s\nhint: %s"), clean, hint);
        }
    }

  return nexor_cli_sanitize (message);
}

static gboolean
nexor_cli_parse (NexorCli        *cli,
                 GOptionContext  *context,
                 char          ***argv,
                 int             *exit_status)
{
  g_autoptr(GError) error = NULL;

  /* The options were recorded when the context was made: run no further. */
  if (cli->completing)
    {
      *exit_status = NEXOR_CLI_EXIT_OK;
      return FALSE;
    }

  cli->help = FALSE;
  if (!g_option_context_parse_strv (context, argv, &error))
    {
      g_autofree char *message = option_error_message (cli, error);

      *exit_status = nexor_cli_usage_error (cli, "%s", message);
      return FALSE;
    }

  if (cli->help)
    {
      nexor_cli_print_help (cli, context, FALSE);
      *exit_status = NEXOR_CLI_EXIT_OK;
      return FALSE;
    }

  /* At every level, so that "nexor lead get --version" needs no rewrite. */
  if (cli->version)
    {
      g_autofree char *version = g_strdup_printf ("nexor %s (nexor-glib %s)\n",
                                                  NEXOR_CLI_VERSION, NEXOR_VERSION_S);

      nexor_cli_print (version);
      *exit_status = NEXOR_CLI_EXIT_OK;
      return FALSE;
    }

  return TRUE;
}

/**
 * nexor_cli_parse_options:
 * @cli: the invocation
 * @command: the command being run
 * @entries: (nullable): the command's own options, ended by G_OPTION_ENTRY_NULL
 * @argv: (inout): the command's arguments; options are removed, leaving
 *   argv[0] and the positional arguments
 * @exit_status: (out): set when this returns %FALSE
 *
 * Parses a leaf command's options together with the global ones, and handles
 * `--help`.
 *
 * Returns: %TRUE to go on; %FALSE when the command is done (help was shown
 *   or a usage error reported), with @exit_status set
 */
gboolean
nexor_cli_parse_options (NexorCli               *cli,
                         const NexorCliCommand  *command,
                         const GOptionEntry     *entries,
                         char                 ***argv,
                         int                    *exit_status)
{
  g_autoptr(GOptionContext) context = nexor_cli_option_context_new (cli, command, entries);
  g_autoptr(GError) error = NULL;
  gboolean as_json = FALSE;

  if (!nexor_cli_parse (cli, context, argv, exit_status))
    return FALSE;

  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    {
      if (strcmp (entries[i].long_name, "json") == 0 && entries[i].arg == G_OPTION_ARG_NONE)
        as_json = *(gboolean *) entries[i].arg_data;
    }
  if (!nexor_cli_fields_check (command->prints, as_json, &error))
    {
      *exit_status = nexor_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }

  /* GOption may leave a "--" that ended the options: drop it. */
  if ((*argv)[0] != NULL && g_strcmp0 ((*argv)[1], "--") == 0)
    {
      guint n = g_strv_length (*argv);

      g_free ((*argv)[1]);
      memmove (&(*argv)[1], &(*argv)[2], sizeof (char *) * (n - 1));
    }

  return TRUE;
}

int
nexor_cli_usage_error (NexorCli   *cli,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  nexor_cli_printerr (_("nexor: %s\nTry “%s --help” for more information.\n"),
                      message, cli->path);

  return NEXOR_CLI_EXIT_USAGE;
}

static gboolean
is_uuid (const char *id)
{
  static const int dashes[] = { 8, 13, 18, 23 };
  guint d = 0;

  if (strlen (id) != 36)
    return FALSE;

  for (int i = 0; i < 36; i++)
    {
      if (d < G_N_ELEMENTS (dashes) && i == dashes[d])
        {
          if (id[i] != '-')
            return FALSE;
          d++;
        }
      else if (!g_ascii_isxdigit (id[i]))
        {
          return FALSE;
        }
    }

  return TRUE;
}

/* Usage errors come before any need for a key or a server: an id that cannot
 * be one is refused here, without a request. */
gboolean
nexor_cli_check_uuid (const char  *id,
                      const char  *what,
                      GError     **error)
{
  g_autofree char *shown = NULL;

  if (id == NULL || id[0] == '\0')
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE, _("the %s is empty"), what);
      return FALSE;
    }

  if (!g_utf8_validate (id, -1, NULL))
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("the %s is not valid UTF-8"), what);
      return FALSE;
    }

  if (!is_uuid (id))
    {
      shown = nexor_cli_ellipsize (id, 40);
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("“%s” is not a valid %s (expected a UUID such as "
                   "123e4567-e89b-12d3-a456-426614174000)"), shown, what);
      return FALSE;
    }

  /* For completion; kept only if the command succeeds (see main()). */
  if (g_strcmp0 (what, "lead ID") == 0)
    nexor_cli_recent_note (NEXOR_CLI_RECENT_LEAD, id);
  else if (g_strcmp0 (what, "tag ID") == 0)
    nexor_cli_recent_note (NEXOR_CLI_RECENT_TAG, id);

  return TRUE;
}

/* GLib's ISO 8601 reader wants seconds; people type "2026-12-10T10:00"
 * (hh:mm is ISO 8601 too), so such a time is read as hh:mm:00. */
GDateTime *
nexor_cli_parse_date_time (const char *text,
                           GTimeZone  *zone)
{
  GDateTime *when = g_date_time_new_from_iso8601 (text, zone);
  gsize length = strlen (text);

  if (when == NULL && length >= 16 && strchr ("Tt ", text[10]) != NULL &&
      g_ascii_isdigit (text[11]) && g_ascii_isdigit (text[12]) && text[13] == ':' &&
      g_ascii_isdigit (text[14]) && g_ascii_isdigit (text[15]) &&
      (text[16] == '\0' || strchr ("Zz+-", text[16]) != NULL))
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", text, text + 16);

      when = g_date_time_new_from_iso8601 (with_seconds, zone);
    }

  return when;
}

gboolean
nexor_cli_check_text (const char  *text,
                      const char  *what,
                      GError     **error)
{
  if (text == NULL)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE, _("the %s is missing"), what);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("the %s is not valid UTF-8"), what);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return TRUE;
    }

  g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE, _("the %s is empty"), what);
  return FALSE;
}

gboolean
nexor_cli_check_positionals (NexorCli           *cli,
                             char              **argv,
                             const char * const *names,
                             guint               n_names,
                             int                *exit_status)
{
  guint n = argv[0] != NULL ? g_strv_length (argv) - 1 : 0;

  if (n < n_names)
    {
      *exit_status = nexor_cli_usage_error (cli, _("missing %s"), _(names[n]));
      return FALSE;
    }

  if (n > n_names)
    {
      g_autofree char *shown = nexor_cli_ellipsize (argv[n_names + 1], 40);

      *exit_status = nexor_cli_usage_error (cli, _("unexpected argument “%s”"),
                                            shown != NULL ? shown : "");
      return FALSE;
    }

  return TRUE;
}

GStrv
nexor_cli_split_list (const char * const *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) items = g_strsplit (values[i], ",", -1);

      for (guint j = 0; items[j] != NULL; j++)
        {
          g_strstrip (items[j]);
          if (items[j][0] != '\0')
            g_strv_builder_add (builder, items[j]);
        }
    }

  return g_strv_builder_end (builder);
}

gboolean
nexor_cli_key_reads_stdin (NexorCli *cli)
{
  return cli->api_key == NULL && g_strcmp0 (cli->api_key_file, "-") == 0;
}

/* The client */

static char *
read_api_key_file (const char  *filename,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (filename);
  g_autoptr(GString) contents = g_string_new (NULL);
  gboolean is_stdin = strcmp (filename, "-") == 0;
  char buffer[1024];
  FILE *file;
  size_t n;

  file = is_stdin ? stdin : fopen (filename, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_AUTH,
                   _("cannot read the API key file “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  while ((n = fread (buffer, 1, sizeof buffer, file)) > 0)
    {
      g_string_append_len (contents, buffer, n);
      if (contents->len > MAX_API_KEY_LENGTH + 2)
        break;
    }
  memset (buffer, 0, sizeof buffer);

  if (ferror (file))
    {
      int saved_errno = errno;

      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_AUTH,
                   _("cannot read the API key file “%s”: %s"), display, g_strerror (saved_errno));
      if (!is_stdin)
        fclose (file);
      return NULL;
    }
  if (!is_stdin)
    fclose (file);

  if (memchr (contents->str, '\0', contents->len) != NULL)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_AUTH,
                   _("the API key file “%s” does not hold an API key"), display);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&contents), FALSE);
}

static gboolean
api_key_is_valid (const char *key)
{
  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p < 0x21 || *p > 0x7e)
        return FALSE;
    }

  return strlen (key) <= MAX_API_KEY_LENGTH;
}

static char *
resolve_api_key (NexorCli  *cli,
                 GError   **error)
{
  g_autofree char *source = NULL;
  char *key = NULL;

  if (cli->api_key != NULL && cli->api_key_file != NULL)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("--api-key and --api-key-file cannot be used together"));
      return NULL;
    }

  if (cli->api_key != NULL)
    {
      key = g_strdup (cli->api_key);
      source = g_strdup ("--api-key");
    }
  else if (cli->api_key_file != NULL)
    {
      g_autofree char *display = g_filename_display_name (cli->api_key_file);

      key = read_api_key_file (cli->api_key_file, error);
      if (key == NULL)
        return NULL;
      source = g_strdup_printf (_("the file “%s”"), display);
    }
  else
    {
      const char *env = g_getenv ("NEXOR_API_KEY");

      if (env != NULL && env[0] != '\0')
        {
          key = g_strdup (env);
          source = g_strdup ("NEXOR_API_KEY");
        }
    }

  if (key == NULL)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_AUTH,
                           _("no API key: set NEXOR_API_KEY, or pass --api-key KEY "
                           "or --api-key-file FILE"));
      return NULL;
    }

  g_strstrip (key);
  nexor_cli_output_add_secret (key);

  if (key[0] == '\0')
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_AUTH,
                   _("the API key from %s is empty"), source);
      nexor_cli_free_secret (key);
      return NULL;
    }

  if (!api_key_is_valid (key))
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_AUTH,
                   _("the API key from %s is not valid: an API key is one word of "
                   "printable ASCII characters"), source);
      nexor_cli_free_secret (key);
      return NULL;
    }

  return key;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static char *
resolve_base_url (NexorCli  *cli,
                  GError   **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *shown = NULL;
  const char *env = g_getenv ("NEXOR_BASE_URL");
  const char *source = "--base-url";
  const char *scheme;
  const char *host;
  gsize len;

  if (cli->base_url != NULL)
    url = g_strdup (cli->base_url);
  else if (env != NULL && env[0] != '\0')
    url = g_strdup (env), source = "NEXOR_BASE_URL";
  else
    url = g_strdup (NEXOR_DEFAULT_BASE_URL), source = _("the default");

  if (!g_utf8_validate (url, -1, NULL))
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("the base URL from %s is not valid UTF-8"), source);
      return NULL;
    }

  g_strstrip (url);
  shown = nexor_cli_ellipsize (url, 80);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("invalid base URL “%s” (from %s): expected an address such as "
                   "%s"), shown, source, NEXOR_DEFAULT_BASE_URL);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if ((g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      host == NULL || host[0] == '\0')
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("invalid base URL “%s” (from %s): expected an http:// or https:// "
                   "address such as %s"), shown, source, NEXOR_DEFAULT_BASE_URL);
      return NULL;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_loopback (host))
    {
      /* The host is percent-decoded: it may hold anything. */
      g_autofree char *shown_host = nexor_cli_ellipsize (host, 80);

      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("refusing to send the API key over plain http:// to “%s”: use https:// "
                   "(http:// is only allowed for localhost)"), shown_host);
      return NULL;
    }

  g_free (cli->display_base_url);
  cli->display_base_url = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
  cli->loopback = host_is_loopback (host);

  /* The library appends "/leads/…": avoid a doubled slash. */
  len = strlen (url);
  while (len > 0 && url[len - 1] == '/' && !g_str_has_suffix (url, "://"))
    url[--len] = '\0';

  return g_steal_pointer (&url);
}

static gboolean
has_writable_property (GObjectClass *klass,
                       const char   *name)
{
  GParamSpec *pspec = g_object_class_find_property (klass, name);

  return pspec != NULL && (pspec->flags & G_PARAM_WRITABLE) != 0;
}

/* The trust store from --ca-file or NEXOR_CA_FILE, or NULL for the
 * system's. A file that does not load stops the command: carrying on with
 * the system's store would only fail later, and further from the cause. */
static gboolean
resolve_tls_database (NexorCli      *cli,
                      GTlsDatabase **database,
                      GError       **error)
{
  const char *env = g_getenv ("NEXOR_CA_FILE");
  const char *path = cli->ca_file;
  const char *source = "--ca-file";
  g_autofree char *shown = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GError) local_error = NULL;
  GList *certificates;

  *database = NULL;
  if (path == NULL && env != NULL && env[0] != '\0')
    path = env, source = "NEXOR_CA_FILE";
  if (path == NULL)
    return TRUE;
  cli->own_ca_file = TRUE;

  shown = g_filename_display_name (path);
  /* GTlsFileDatabase wants an absolute path (glib-networking warns and
   * trusts nothing otherwise), and loads a file without a certificate in it
   * and then trusts nothing: say so here instead. */
  absolute = g_canonicalize_filename (path, NULL);
  certificates = g_tls_certificate_list_new_from_file (absolute, &local_error);
  if (local_error == NULL && certificates == NULL)
    g_set_error_literal (&local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                         _("it holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
  g_list_free_full (certificates, g_object_unref);

  if (local_error == NULL)
    *database = g_tls_file_database_new (absolute, &local_error);
  if (*database == NULL)
    {
      g_autofree char *reason = nexor_cli_sanitize (local_error->message);

      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("cannot use the CA file “%s” (from %s): %s"), shown, source, reason);
      return FALSE;
    }

  /* libsoup 3.2 sets a connection's trust store only after creating it, and
   * glib-networking's client connection looks up the default store as it is
   * created: the system's CA bundle, parsed for nothing (8.5 ms, 60 % of a
   * cold `lead get`'s instructions). This process trusts this file only, so
   * it is the default here too, as curl --cacert reads that one file. */
  g_tls_backend_set_default_database (g_tls_backend_get_default (), *database);

  return TRUE;
}

static NexorClient *
nexor_cli_client_new (const char    *base_url,
                      const char    *api_key,
                      GTlsDatabase  *tls_database,
                      GError       **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (NEXOR_TYPE_CLIENT);
  g_autofree char *user_agent = g_strdup_printf ("nexor-cli/%s nexor-glib/%s",
                                                 NEXOR_CLI_VERSION, NEXOR_VERSION_S);

  if (has_writable_property (G_OBJECT_CLASS (klass), "base-url") &&
      has_writable_property (G_OBJECT_CLASS (klass), "api-key") &&
      has_writable_property (G_OBJECT_CLASS (klass), "user-agent"))
    return g_initable_new (NEXOR_TYPE_CLIENT, NULL, error,
                           "base-url", base_url,
                           "api-key", api_key,
                           "user-agent", user_agent,
                           "tls-database", tls_database,
                           NULL);

  return nexor_client_new_for_url (base_url, api_key, error);
}

/**
 * nexor_cli_get_client:
 * @cli: the invocation
 * @error: return location for an error whose exit status is usage (bad base
 *   URL) or authentication (no usable API key)
 *
 * Gets the client, created on first use from --base-url / NEXOR_BASE_URL,
 * --api-key / --api-key-file / NEXOR_API_KEY and --timeout / NEXOR_TIMEOUT.
 *
 * Returns: (transfer none) (nullable): the client
 */
NexorClient *
nexor_cli_get_client (NexorCli  *cli,
                      GError   **error)
{
  g_autofree char *base_url = NULL;
  g_autoptr(GTlsDatabase) tls_database = NULL;
  const char *env_timeout = g_getenv ("NEXOR_TIMEOUT");
  guint timeout_s = cli->timeout_s;
  char *api_key;

  if (cli->client != NULL)
    return cli->client;

  /* An empty value counts as unset, as for the other variables. */
  if (timeout_s == 0 && env_timeout != NULL && env_timeout[0] != '\0' &&
      !parse_timeout (env_timeout, "NEXOR_TIMEOUT", &timeout_s, error))
    return NULL;

  base_url = resolve_base_url (cli, error);
  if (base_url == NULL)
    return NULL;

  if (!resolve_tls_database (cli, &tls_database, error))
    return NULL;

  api_key = resolve_api_key (cli, error);
  if (api_key == NULL)
    return NULL;

  /* The library refuses an unusable URL or key here, at construction. */
  cli->client = nexor_cli_client_new (base_url, api_key, tls_database, error);
  nexor_cli_free_secret (api_key);
  if (timeout_s > 0)
    nexor_client_set_timeout (cli->client, timeout_s);
  nexor_cli_waiting_watch (cli->client, cli->display_base_url);

  return cli->client;
}

/* Errors */

static char *
hint_for_error (NexorCli     *cli,
                const GError *error)
{
  g_autofree char *shown_url = nexor_cli_ellipsize (cli->display_base_url, 80);
  const char *url = shown_url != NULL ? shown_url : _("the base URL");

  if (error->domain == NEXOR_ERROR)
    {
      switch ((NexorError) error->code)
        {
        case NEXOR_ERROR_UNAUTHORIZED:
          return g_strdup (_("check the API key given with --api-key, --api-key-file or "
                           "NEXOR_API_KEY"));
        case NEXOR_ERROR_FORBIDDEN:
          return g_strdup (_("this API key is not allowed to do this"));
        case NEXOR_ERROR_TIMEOUT:
          return g_strdup_printf (_("the server at %s did not answer in time; try again later, "
                                    "or allow more time with --timeout SECONDS"), url);
        case NEXOR_ERROR_SERVER:
          return g_strdup_printf (_("the server at %s failed; try again later"), url);
        case NEXOR_ERROR_RATE_LIMITED:
          if (nexor_error_get_retry_after (error) > 0)
            return g_strdup_printf (_("the server asked to slow down; retry in %u s"),
                                    nexor_error_get_retry_after (error));
          return g_strdup (_("the server asked to slow down; try again later"));
        case NEXOR_ERROR_OUTCOME_UNKNOWN:
          if (cli->check_command != NULL)
            return g_strdup_printf (_("it may have been applied; check with: %s"), cli->check_command);
          if (cli->check_advice != NULL)
            return g_strdup (cli->check_advice);
          return g_strdup (_("it may have been applied; check before running it again"));
        case NEXOR_ERROR_INVALID_RESPONSE:
          return g_strdup_printf (_("is %s the address of a Nexor API server?"), url);
        case NEXOR_ERROR_ENDPOINT_NOT_FOUND:
          /* TRANSLATORS: the base URL used, then the production base URL */
          return g_strdup_printf (_("the base URL used was %s; the Nexor API's ends in /api/public, "
                                    "such as %s or a local nexor-emulator's "
                                    "http://127.0.0.1:PORT/api/public (set it with --base-url or "
                                    "NEXOR_BASE_URL)"), url, NEXOR_DEFAULT_BASE_URL);
        case NEXOR_ERROR_FAILED:
        case NEXOR_ERROR_INVALID_ARGUMENT:
        case NEXOR_ERROR_NOT_FOUND:
        case NEXOR_ERROR_CONFLICT:
        default:
          return NULL;
        }
    }

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    {
      /* The message says what is wrong with the certificate; this says what
       * to do about it, the emulator first, since that is where it mostly
       * happens. */
      if (cli->loopback && !cli->own_ca_file)
        return g_strdup (_("for a local nexor-emulator --tls, trust its certificate: "
                         "--ca-file FILE or NEXOR_CA_FILE=FILE, with the FILE it names "
                         "on start (or its --tls-ca-out FILE)"));
      if (cli->loopback)
        return g_strdup (_("for nexor-emulator, trust the FILE it names on this start (it makes a "
                         "new certificate each time unless given --tls-cert), and check the "
                         "certificate's dates it prints"));
      if (cli->own_ca_file)
        return g_strdup_printf (_("check the base URL (%s), the CA file (--ca-file, "
                                "NEXOR_CA_FILE) and this computer's date and time"), url);
      return g_strdup_printf (_("check the base URL (%s) and this computer's date and time; "
                              "behind a TLS-inspecting proxy, trust its authority with "
                              "--ca-file FILE or NEXOR_CA_FILE=FILE"), url);
    }
  return nexor_cli_transport_hint (error, url);
}

/* A word as a shell reads it back: quoted unless it is plainly safe. */
static char *
shell_word (const char *word)
{
  if (*word != '\0' && strspn (word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                      "0123456789@%+=:,./_-") == strlen (word))
    return g_strdup (word);
  return g_shell_quote (word);
}

void
nexor_cli_set_check_command (NexorCli   *cli,
                             const char *first_word,
                             ...)
{
  GString *command = g_string_new ("nexor");
  va_list args;

  va_start (args, first_word);
  for (const char *word = first_word; word != NULL; word = va_arg (args, const char *))
    {
      g_autofree char *quoted = shell_word (word);

      g_string_append_printf (command, " %s", quoted);
    }
  va_end (args);

  g_free (cli->check_command);
  cli->check_command = g_string_free (command, FALSE);
}

void
nexor_cli_set_check_advice (NexorCli   *cli,
                            const char *advice)
{
  g_free (cli->check_advice);
  cli->check_advice = g_strdup (advice);
}

/**
 * nexor_cli_report_error:
 * @cli: the invocation
 * @error: what went wrong
 *
 * Prints `nexor: MESSAGE` on stderr, and a hint on the next line where one
 * helps.
 *
 * Returns: the exit status for @error
 */
int
nexor_cli_report_error (NexorCli     *cli,
                        const GError *error)
{
  g_autofree char *message = nexor_cli_sanitize (error->message);
  g_autofree char *raw_hint = hint_for_error (cli, error);
  g_autofree char *hint = nexor_cli_sanitize (raw_hint);

  int status = nexor_cli_exit_status_for_error (error);

  nexor_cli_printerr ("nexor: %s\n", message);
  if (hint != NULL)
    nexor_cli_printerr (_("hint: %s\n"), hint);

  /* `nexor --help` lists the commands that may end so from their table
   * entries: one that is missing there is a bug (and fails the tests). */
  if (status == NEXOR_CLI_EXIT_OUTCOME_UNKNOWN && cli->command != NULL &&
      cli->command->not_repeatable == NULL)
    g_critical ("%s may not have an unknown outcome: its command table entry says it is safe to repeat",
                cli->path);

  return status;
}

/* Dispatch */

static const NexorCliCommand *
lookup_command (const NexorCliCommand *commands,
                const char            *name)
{
  for (const NexorCliCommand *c = commands; c != NULL && c->name != NULL; c++)
    {
      if (strcmp (c->name, name) == 0)
        return c;
    }

  return NULL;
}

static int nexor_cli_run_group (NexorCli               *cli,
                                const NexorCliCommand  *group,
                                char                 ***argv);

static int
nexor_cli_run_command (NexorCli               *cli,
                       const NexorCliCommand  *command,
                       const char             *path,
                       char                 ***argv)
{
  g_free (cli->path);
  cli->path = g_strdup (path);

  if (command->run != NULL)
    {
      cli->command = command;
      return command->run (cli, command, argv);
    }

  return nexor_cli_run_group (cli, command, argv);
}

static int
nexor_cli_run_group (NexorCli               *cli,
                     const NexorCliCommand  *group,
                     char                 ***argv)
{
  g_autoptr(GOptionContext) context = nexor_cli_option_context_new (cli, group, NULL);
  g_autofree char *path = g_strdup (cli->path);
  g_autofree char *sub_path = NULL;
  g_auto(GStrv) sub_argv = NULL;
  const NexorCliCommand *sub;
  const char *name;
  int status;
  guint n;

  if (!nexor_cli_parse (cli, context, argv, &status))
    return status;

  n = g_strv_length (*argv);
  if (n < 2)
    {
      nexor_cli_print_help (cli, context, TRUE);
      nexor_cli_printerr (_("\nnexor: missing command\n"));
      return NEXOR_CLI_EXIT_USAGE;
    }

  name = (*argv)[1];
  sub = lookup_command (group->subcommands, name);
  if (sub == NULL)
    return unknown_command_error (cli, group, path, name);

  sub_path = g_strconcat (path, " ", sub->name, NULL);
  sub_argv = g_new0 (char *, n);
  sub_argv[0] = g_strdup (sub_path);
  for (guint i = 2; i < n; i++)
    sub_argv[i - 1] = g_strdup ((*argv)[i]);

  return nexor_cli_run_command (cli, sub, sub_path, &sub_argv);
}

/* nexor help [COMMAND…]: the help of the root, a group or a command. */
static int
nexor_cli_help_command (NexorCli               *cli,
                        const NexorCliCommand  *command,
                        char                 ***argv)
{
  const NexorCliCommand *target = &nexor_cli_root;
  g_autoptr(GString) path = g_string_new ("nexor");
  int status;

  if (!nexor_cli_parse_options (cli, command, NULL, argv, &status))
    return status;

  for (guint i = 1; (*argv)[i] != NULL; i++)
    {
      const NexorCliCommand *sub = lookup_command (target->subcommands, (*argv)[i]);

      if (sub == NULL)
        {
          g_autofree char *shown = nexor_cli_ellipsize ((*argv)[i], 40);

          if (target->subcommands == NULL)
            return nexor_cli_usage_error (cli, _("“%s” has no subcommand “%s”"), path->str, shown);
          return unknown_command_error (cli, target, path->str, (*argv)[i]);
        }

      target = sub;
      g_string_append_printf (path, " %s", sub->name);
    }

  g_free (cli->path);
  cli->path = g_strdup (path->str);

  if (target->run != NULL)
    {
      g_auto(GStrv) help_argv = g_new0 (char *, 3);

      help_argv[0] = g_strdup (path->str);
      help_argv[1] = g_strdup ("--help");
      return target->run (cli, target, &help_argv);
    }
  else
    {
      g_autoptr(GOptionContext) context = nexor_cli_option_context_new (cli, target, NULL);

      nexor_cli_print_help (cli, context, FALSE);
      return NEXOR_CLI_EXIT_OK;
    }
}

/* Completion
 *
 * `nexor __complete WORD…` gets the words after "nexor" up to the one being
 * completed (the last, maybe empty) and prints one candidate per line. A
 * first line starting with ":" is for the shell: ":files" to complete file
 * names, ":nospace" not to add a space after the candidate. */

static const GOptionEntry *
completion_find_option (NexorCli   *cli,
                        const char *word)
{
  g_autofree char *name = NULL;
  const char *equals;

  if (cli->completion_entries == NULL || word[0] != '-')
    return NULL;

  for (guint i = 0; i < cli->completion_entries->len; i++)
    {
      const GOptionEntry *entry = &g_array_index (cli->completion_entries, GOptionEntry, i);

      if (word[1] != '-' && word[1] != '\0' && word[2] == '\0' && entry->short_name == word[1])
        return entry;
    }

  if (word[1] != '-')
    return NULL;
  equals = strchr (word, '=');
  name = equals != NULL ? g_strndup (word + 2, equals - word - 2) : g_strdup (word + 2);
  for (guint i = 0; i < cli->completion_entries->len; i++)
    {
      const GOptionEntry *entry = &g_array_index (cli->completion_entries, GOptionEntry, i);

      if (g_strcmp0 (entry->long_name, name) == 0)
        return entry;
    }

  return NULL;
}

static gboolean
option_takes_value (const GOptionEntry *entry)
{
  return entry->arg != G_OPTION_ARG_NONE;
}

static void
complete_print (const char *candidate,
                const char *current)
{
  if (g_str_has_prefix (candidate, current))
    {
      nexor_cli_print_utf8 (candidate);
      nexor_cli_print_utf8 ("\n");
    }
}

static void
complete_recent_ids (const char *kind,
                     const char *current)
{
  g_auto(GStrv) ids = nexor_cli_recent_load (kind);

  for (guint i = 0; ids[i] != NULL; i++)
    complete_print (ids[i], current);
}

/* --fields a,b,c: the part after the last comma. */
static void
complete_fields (const NexorCliKind *kind,
                 const char         *current)
{
  const char *comma = strrchr (current, ',');
  g_autofree char *done = comma != NULL ? g_strndup (current, comma - current + 1) : g_strdup ("");

  if (kind == NULL)
    return;

  nexor_cli_print_utf8 (":nospace\n");
  for (guint i = 0; kind->fields[i] != NULL; i++)
    {
      g_autofree char *candidate = g_strconcat (done, kind->fields[i], NULL);

      complete_print (candidate, current);
    }
}

static void
complete_option_value (const NexorCliCommand *command,
                       const GOptionEntry    *entry,
                       const char            *current)
{
  if ((entry->flags & G_OPTION_FLAG_FILENAME) != 0 ||
      g_strcmp0 (entry->arg_description, "FILE") == 0)
    nexor_cli_print_utf8 (":files\n");
  else if (g_strcmp0 (entry->long_name, "fields") == 0)
    complete_fields (command->prints, current);
  else if (g_strcmp0 (entry->long_name, "add") == 0)
    complete_recent_ids (NEXOR_CLI_RECENT_TAG, current);
}

/* The commands of @group, or of the group the words of `nexor help` name. */
static void
complete_command_names (const NexorCliCommand *group,
                        const char            *current)
{
  for (const NexorCliCommand *c = group->subcommands; c != NULL && c->name != NULL; c++)
    {
      if (!g_str_has_prefix (c->name, "__"))
        complete_print (c->name, current);
    }
}

static int
nexor_cli_complete_command (NexorCli               *cli,
                            const NexorCliCommand  *command,
                            char                 ***argv)
{
  char **words = *argv + 1;
  guint n = g_strv_length (words);
  const char *current = n > 0 ? words[n - 1] : "";
  const NexorCliCommand *target = &nexor_cli_root;
  const NexorCliCommand *parent = NULL;
  g_autoptr(GPtrArray) positionals = g_ptr_array_new ();
  const GOptionEntry *pending = NULL;
  gboolean options_ended = FALSE;
  guint i = 0;

  cli->completing = TRUE;

  /* Down the groups named before the word being completed: the options
   * given on the way are global ones. */
  {
    g_autoptr(GOptionContext) context = nexor_cli_option_context_new (cli, target, NULL);
  }
  for (; n > 0 && i < n - 1 && target->subcommands != NULL; i++)
    {
      const NexorCliCommand *sub;

      if (pending != NULL)
        {
          pending = NULL;
          continue;
        }
      if (words[i][0] == '-')
        {
          pending = completion_find_option (cli, words[i]);
          if (pending != NULL && (!option_takes_value (pending) || strchr (words[i], '=') != NULL))
            pending = NULL;
          continue;
        }

      sub = lookup_command (target->subcommands, words[i]);
      if (sub == NULL || g_str_has_prefix (sub->name, "__"))
        return NEXOR_CLI_EXIT_OK;
      parent = target;
      target = sub;

      if (target->run != NULL)
        {
          /* A leaf: its run function records its options and returns. */
          g_auto(GStrv) leaf_argv = g_new0 (char *, 2);

          leaf_argv[0] = g_strdup ("nexor");
          target->run (cli, target, &leaf_argv);
        }
      else
        {
          g_autoptr(GOptionContext) context = nexor_cli_option_context_new (cli, target, NULL);
        }
    }

  /* The leaf's own arguments. */
  for (; n > 0 && i < n - 1; i++)
    {
      if (pending != NULL)
        {
          pending = NULL;
          continue;
        }
      if (!options_ended && strcmp (words[i], "--") == 0)
        {
          options_ended = TRUE;
          continue;
        }
      if (!options_ended && words[i][0] == '-' && words[i][1] != '\0')
        {
          pending = completion_find_option (cli, words[i]);
          if (pending != NULL && (!option_takes_value (pending) || strchr (words[i], '=') != NULL))
            pending = NULL;
          continue;
        }
      g_ptr_array_add (positionals, words[i]);
    }

  if (pending != NULL)
    {
      complete_option_value (target, pending, current);
    }
  else if (!options_ended && current[0] == '-')
    {
      for (guint j = 0; cli->completion_entries != NULL && j < cli->completion_entries->len; j++)
        {
          const GOptionEntry *entry = &g_array_index (cli->completion_entries, GOptionEntry, j);
          g_autofree char *option = g_strconcat ("--", entry->long_name, NULL);

          complete_print (option, current);
        }
    }
  else if (target->subcommands != NULL)
    {
      complete_command_names (target, current);
    }
  else if (target->run == nexor_cli_help_command)
    {
      const NexorCliCommand *group = &nexor_cli_root;

      for (guint j = 0; j < positionals->len && group != NULL; j++)
        group = lookup_command (group->subcommands, positionals->pdata[j]);
      if (group != NULL)
        complete_command_names (group, current);
    }
  else if (target->parameters != NULL)
    {
      g_auto(GStrv) parameters = g_strsplit (target->parameters, " ", -1);
      const char *parameter = positionals->len < g_strv_length (parameters)
                              ? parameters[positionals->len] : NULL;

      /* An ID is a lead's under `lead`, a tag's under `tags`. */
      if (g_strcmp0 (parameter, "ID") == 0)
        complete_recent_ids (parent != NULL && parent->subcommands == nexor_cli_tags_commands
                             ? NEXOR_CLI_RECENT_TAG : NEXOR_CLI_RECENT_LEAD, current);
    }

  return NEXOR_CLI_EXIT_OK;
}

static void
nexor_cli_clear (NexorCli *cli)
{
  g_clear_pointer (&cli->api_key, nexor_cli_free_secret);
  g_clear_pointer (&cli->api_key_file, g_free);
  g_clear_pointer (&cli->base_url, g_free);
  g_clear_pointer (&cli->ca_file, g_free);
  g_clear_pointer (&cli->path, g_free);
  g_clear_pointer (&cli->display_base_url, g_free);
  g_clear_pointer (&cli->check_command, g_free);
  g_clear_pointer (&cli->check_advice, g_free);
  g_clear_pointer (&cli->option_names, g_ptr_array_unref);
  g_clear_pointer (&cli->completion_entries, g_array_unref);
  g_clear_object (&cli->client);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  NexorCli cli = { 0 };
  const char *localedir;
  int status;

  /* As GLib's own tools: the locale from the environment, and the
   * library's domain, which holds the CLI's text too. NEXOR_LOCALEDIR runs
   * it from a build tree (the tests), as the library itself honours it. */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("NEXOR_LOCALEDIR");
  if (localedir == NULL || !g_path_is_absolute (localedir))
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("nexor");
  nexor_cli_output_init ();

  args = g_new0 (char *, MAX (argc, 1) + 1);
  args[0] = g_strdup ("nexor");
  for (int i = 1; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  status = nexor_cli_run_command (&cli, &nexor_cli_root, "nexor", &args);
  nexor_cli_waiting_stop ();
  /* Ids of a failed command may not exist: only a success is remembered. */
  if (status == NEXOR_CLI_EXIT_OK || status == NEXOR_CLI_EXIT_NOT_PAUSED)
    nexor_cli_recent_save ();
  nexor_cli_recent_clear ();

  if (!nexor_cli_output_finish (&error))
    {
      /* A reader that stopped early (`| head -1`) wanted no more: the exit
       * status says the output is incomplete, as with any write error, but
       * there is nothing to tell the user. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
        nexor_cli_printerr ("nexor: %s\n", error->message);
      if (status == NEXOR_CLI_EXIT_OK)
        status = NEXOR_CLI_EXIT_FAILED;
    }

  nexor_cli_clear (&cli);
  nexor_cli_fields_clear ();
  nexor_cli_output_clear_secrets ();

  return status;
}
