/* nexor-cli-output.h: terminal output helpers of the nexor command-line client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  NEXOR_CLI_STYLE_NONE,
  NEXOR_CLI_STYLE_BOLD,
  NEXOR_CLI_STYLE_DIM,
  NEXOR_CLI_STYLE_WARNING,
} NexorCliStyle;

/* Call first thing in main(): decides colors and installs the log writer. */
void        nexor_cli_output_init           (void);
void        nexor_cli_output_add_secret     (const char    *secret);
void        nexor_cli_output_clear_secrets  (void);
gboolean    nexor_cli_output_finish         (GError       **error);

const char *nexor_cli_style_begin           (NexorCliStyle  style);
const char *nexor_cli_style_end             (NexorCliStyle  style);
const char *nexor_cli_placeholder           (void);
const char *nexor_cli_separator             (void);

char       *nexor_cli_sanitize              (const char    *text);
char       *nexor_cli_redact                (const char    *text);
char       *nexor_cli_ellipsize             (const char    *text,
                                             guint          max_chars);
guint       nexor_cli_display_width         (const char    *text);
char       *nexor_cli_format_datetime       (GDateTime     *datetime);
char       *nexor_cli_format_json_value     (JsonNode      *node);

void        nexor_cli_append_heading        (GString       *out,
                                             const char    *text);

/* A one-line progress report on stderr, shown only when stderr is a
 * terminal; each call replaces the previous one, _clear() removes it. */
void        nexor_cli_progress              (const char    *format,
                                             ...) G_GNUC_PRINTF (1, 2);
void        nexor_cli_progress_clear        (void);
gboolean    nexor_cli_progress_enabled      (void);
gboolean    nexor_cli_output_is_utf8        (void);

void        nexor_cli_print                 (const char    *text);
void        nexor_cli_print_utf8            (const char    *text);
void        nexor_cli_printerr              (const char    *format,
                                             ...) G_GNUC_PRINTF (1, 2);

/* Aligned columns; a NULL or empty cell shows the placeholder. */
typedef struct _NexorCliTable NexorCliTable;

NexorCliTable *nexor_cli_table_new               (guint           n_columns);
void           nexor_cli_table_free              (NexorCliTable  *self);
void           nexor_cli_table_set_column_style  (NexorCliTable  *self,
                                                  guint           column,
                                                  NexorCliStyle   style);
void           nexor_cli_table_set_right_aligned (NexorCliTable  *self,
                                                  guint           column,
                                                  gboolean        right_aligned);
void           nexor_cli_table_add_row           (NexorCliTable  *self,
                                                  ...);
/* A row of column titles: bold when colors are on. */
void           nexor_cli_table_add_header        (NexorCliTable  *self,
                                                  ...);
void           nexor_cli_table_set_cell_style    (NexorCliTable  *self,
                                                  guint           column,
                                                  NexorCliStyle   style);
guint          nexor_cli_table_get_n_rows        (NexorCliTable  *self);
void           nexor_cli_table_render            (NexorCliTable  *self,
                                                  const char     *indent,
                                                  GString        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorCliTable, nexor_cli_table_free)

G_END_DECLS
