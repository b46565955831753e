/* nexor-cli-json.h: JSON in and out of the nexor command-line client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON read from the command line or a file nests at most this deep. */

typedef JsonObject *(*NexorCliDupJsonFunc) (gpointer item);

/* Pretty, UTF-8, numbers in their shortest exact form, then a newline. */
void        nexor_cli_print_json         (JsonNode            *node);
void        nexor_cli_print_json_object  (JsonObject          *object);
/* A JSON array of the first @max items of @items (all of them for
 * G_MAXUINT), each as @dup_json gives it. */
void        nexor_cli_print_json_list    (GListModel          *items,
                                          NexorCliDupJsonFunc  dup_json,
                                          guint                max);
/* A copy of a response object without its "success" member. */
JsonObject *nexor_cli_json_unwrap        (JsonObject          *response);

/* Parses text from the user with the library's strict JSON reader (RFC 8259,
 * at most NEXOR_JSON_MAX_DEPTH levels deep). */
JsonNode   *nexor_cli_json_parse         (const char          *data,
                                          gssize               length,
                                          GError             **error);

const char *nexor_cli_json_type_name     (JsonNode            *node);

G_END_DECLS
