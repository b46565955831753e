/* nexor-cli.h: shared declarations of the nexor command-line client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <nexor-glib.h>

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
};

/* Command tables, one per group (nexor-cli-lead.c, …). */
extern const NexorCliCommand nexor_cli_lead_commands[];

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

/* The client, created on first use from the options and the environment. */
NexorClient *nexor_cli_get_client         (NexorCli              *cli,
                                           GError               **error);

/* Prints `nexor: message` (and a hint) on stderr and returns the exit status. */
int          nexor_cli_report_error       (NexorCli              *cli,
                                           const GError          *error);
int          nexor_cli_exit_status_for_error (const GError       *error);

G_END_DECLS
