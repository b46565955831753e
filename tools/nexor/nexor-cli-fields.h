/* nexor-cli-fields.h: --ids and --fields, the output for scripts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-cli-json.h"

G_BEGIN_DECLS

/* What a command prints: the documented members a --fields path may start
 * with (NULL-terminated). */
typedef struct {
  const char * const *fields;
} NexorCliKind;

extern const NexorCliKind nexor_cli_kind_lead;
/* A lead as `lead get` prints it: with its "variables". */
extern const NexorCliKind nexor_cli_kind_lead_card;
extern const NexorCliKind nexor_cli_kind_history_item;
extern const NexorCliKind nexor_cli_kind_meeting;
extern const NexorCliKind nexor_cli_kind_tag;
extern const NexorCliKind nexor_cli_kind_team_member;
extern const NexorCliKind nexor_cli_kind_conversion;
extern const NexorCliKind nexor_cli_kind_conversion_type;
extern const NexorCliKind nexor_cli_kind_message_result;
extern const NexorCliKind nexor_cli_kind_template;
/* Workflows and campaigns: the members the emulator's shape has (the API
 * documents none; docs/emulator.md). */
extern const NexorCliKind nexor_cli_kind_workflow;
extern const NexorCliKind nexor_cli_kind_campaign;
extern const NexorCliKind nexor_cli_kind_processor;
extern const NexorCliKind nexor_cli_kind_rule;
extern const NexorCliKind nexor_cli_kind_route_result;

/* Adds --ids and --fields LIST to @group (and their names to @option_names). */
void     nexor_cli_fields_add_entries  (GOptionGroup        *group,
                                        const NexorCliKind  *kind,
                                        GPtrArray           *option_names);
/* After parsing: checks the options against @kind; a usage error otherwise. */
gboolean nexor_cli_fields_check        (const NexorCliKind  *kind,
                                        gboolean             as_json,
                                        GError             **error);
/* Whether --ids or --fields was given: print with the functions below. */
gboolean nexor_cli_fields_selected     (void);
/* One line: the selected fields of @item, tab-separated, UTF-8. */
void     nexor_cli_fields_print_object (JsonObject          *item);
void     nexor_cli_fields_print_list   (GListModel          *items,
                                        NexorCliDupJsonFunc  dup_json,
                                        guint                max);
void     nexor_cli_fields_clear        (void);

G_END_DECLS
