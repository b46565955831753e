/* nexor-cli.h: shared declarations of the nexor command-line client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <nexor-glib.h>

#include "nexor-cli-fields.h"

G_BEGIN_DECLS

/* Exit statuses: documented in `nexor --help` and docs/cli.md; keep them stable. */
typedef enum {
  NEXOR_CLI_EXIT_OK               = 0,
  NEXOR_CLI_EXIT_FAILED           = 1,
  NEXOR_CLI_EXIT_USAGE            = 2,
  NEXOR_CLI_EXIT_AUTH             = 3,
  NEXOR_CLI_EXIT_NOT_FOUND        = 4,
  NEXOR_CLI_EXIT_NETWORK          = 5,
  NEXOR_CLI_EXIT_INVALID_RESPONSE = 6,
  NEXOR_CLI_EXIT_CONFLICT         = 7,
  /* Only `lead paused --exit-status`: the answer is "not paused". */
  NEXOR_CLI_EXIT_NOT_PAUSED       = 8,
  /* A write not safe to repeat was sent and may have been applied. */
  NEXOR_CLI_EXIT_OUTCOME_UNKNOWN  = 9,
  /* The server at the base URL answered, but it is not the Nexor API. */
  NEXOR_CLI_EXIT_SETUP            = 10,
} NexorCliExit;

/* Errors raised by the CLI itself; the code is the NexorCliExit to exit with. */
#define NEXOR_CLI_ERROR (nexor_cli_error_quark ())
GQuark nexor_cli_error_quark (void);

typedef struct _NexorCli        NexorCli;
typedef struct _NexorCliCommand NexorCliCommand;

/*
 * NexorCliRunFunc:
 * @cli: the invocation state
 * @command: the table entry being run
 * @argv: (inout): the arguments after the command name, with argv[0] being the
 *   command path ("nexor lead get"); owned by the caller, a NULL-terminated
 *   vector that nexor_cli_parse_options() edits in place
 *
 * Runs one leaf command and returns its exit status.
 */
typedef int (*NexorCliRunFunc) (NexorCli               *cli,
                                const NexorCliCommand  *command,
                                char                 ***argv);

/*
 * NexorCliCommand:
 *
 * One entry of a command table. A leaf has @run; a group (such as `lead`) has
 * @subcommands instead, a table ended by an entry whose @name is NULL.
 * Adding a command is one entry here plus its run function.
 */
struct _NexorCliCommand
{
  const char            *name;
  const char            *parameters;  /* positional arguments for the usage line, e.g. "ID" */
  const char            *summary;     /* one line, shown in command lists */
  NexorCliRunFunc        run;
  const NexorCliCommand *subcommands;
  const NexorCliKind    *prints;      /* resources it prints: it takes --ids and --fields */
  /* A write that is not safe to repeat, so that it may exit
   * NEXOR_CLI_EXIT_OUTCOME_UNKNOWN: "" always, or (N_()) when, such as
   * "--add"; NULL for every other command. `nexor --help` lists them. */
  const char            *not_repeatable;
};

/* Command tables, one per group (nexor-cli-lead.c, nexor-cli-tags.c). */
extern const NexorCliCommand nexor_cli_lead_commands[];
extern const NexorCliCommand nexor_cli_tags_commands[];
extern const NexorCliCommand nexor_cli_processors_commands[];
extern const NexorCliCommand nexor_cli_rules_commands[];

/* Run functions of the commands defined outside their group's file. */
int nexor_cli_lead_assign   (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_lead_status   (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_lead_takeover (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_lead_resume   (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_lead_paused   (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_lead_history  (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_lead_meetings (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_lead_tags     (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_team          (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_conversion_types (NexorCli *cli, const NexorCliCommand *command, char ***argv);

/* `nexor meeting …` (nexor-cli-meetings.c). */
extern const NexorCliCommand nexor_cli_meeting_commands[];

/* `nexor message …` and `nexor templates` (nexor-cli-messages.c). */
extern const NexorCliCommand nexor_cli_message_commands[];
int nexor_cli_templates     (NexorCli *cli, const NexorCliCommand *command, char ***argv);

/* `nexor webhooks listen` (nexor-cli-webhooks.c). */
extern const NexorCliCommand nexor_cli_webhooks_commands[];
int nexor_cli_webhooks_listen (NexorCli *cli, const NexorCliCommand *command, char ***argv);

/* `nexor conversions …` (nexor-cli-conversions.c). */
extern const NexorCliCommand nexor_cli_conversions_commands[];

/* --metadata KEY=TEXT and KEY:=JSON options as one object (nexor-cli-lead.c);
 * NULL with a usage error. */
JsonObject  *nexor_cli_parse_metadata_options (char                **items,
                                               GError              **error);

int nexor_cli_workflows     (NexorCli *cli, const NexorCliCommand *command, char ***argv);
int nexor_cli_campaigns     (NexorCli *cli, const NexorCliCommand *command, char ***argv);

int nexor_cli_route         (NexorCli *cli, const NexorCliCommand *command, char ***argv);

/* Leads of a JSON file as `lead create --from-file` reads them
 * (nexor-cli-lead.c): an array of 1 to 1000 lead objects, or one object
 * (then *out_single is TRUE). A usage error names the file and the lead. */
GListModel  *nexor_cli_read_lead_file     (const char            *filename,
                                           gboolean              *out_single,
                                           GError               **error);
char        *nexor_cli_format_lead_name   (NexorLead             *lead);

/* Options and positional arguments. */
gboolean     nexor_cli_parse_options      (NexorCli              *cli,
                                           const NexorCliCommand *command,
                                           const GOptionEntry    *entries,
                                           char                ***argv,
                                           int                   *exit_status);
int          nexor_cli_usage_error        (NexorCli              *cli,
                                           const char            *format,
                                           ...) G_GNUC_PRINTF (2, 3);
gboolean     nexor_cli_check_uuid         (const char            *id,
                                           const char            *what,
                                           GError               **error);
GDateTime   *nexor_cli_parse_date_time    (const char            *text,
                                           GTimeZone             *zone);
gboolean     nexor_cli_check_text         (const char            *text,
                                           const char            *what,
                                           GError               **error);
/* Checks that argv holds exactly the @n_names positional arguments named in
 * @names (for the messages); reports a usage error otherwise. */
gboolean     nexor_cli_check_positionals  (NexorCli              *cli,
                                           char                 **argv,
                                           const char * const    *names,
                                           guint                  n_names,
                                           int                   *exit_status);
/* Every value split at commas, blanks around items removed, empty items
 * dropped; never NULL. */
GStrv        nexor_cli_split_list         (const char * const    *values);
/* Whether an option reads standard input already (--api-key-file -). */
gboolean     nexor_cli_key_reads_stdin    (NexorCli              *cli);

/* The client, created on first use from the options and the environment. */
NexorClient *nexor_cli_get_client         (NexorCli              *cli,
                                           GError               **error);

/* Names the read-only command that shows whether the write about to be
 * sent was applied, for the hint when its outcome is unknown: the words
 * after "nexor", NULL-terminated, each quoted for a shell where needed. */
void         nexor_cli_set_check_command  (NexorCli              *cli,
                                           const char            *first_word,
                                           ...) G_GNUC_NULL_TERMINATED;
/* Or, when no command can show it, what to do instead. */
void         nexor_cli_set_check_advice   (NexorCli              *cli,
                                           const char            *advice);

/* On a terminal, a status line while a request of @client waits or retries. */
void         nexor_cli_waiting_watch      (NexorClient           *client,
                                           const char            *display_url);
void         nexor_cli_waiting_stop       (void);

/* Prints `nexor: message` (and a hint) on stderr and returns the exit status. */
int          nexor_cli_report_error       (NexorCli              *cli,
                                           const GError          *error);
int          nexor_cli_exit_status_for_error (const GError       *error);
char        *nexor_cli_transport_hint     (const GError          *error,
                                           const char            *url);

G_END_DECLS
