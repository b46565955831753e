/* nexor-emulator-json.h: JSON helpers shared by the emulator's parts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode   *nexor_emulator_json_node_deep_copy   (JsonNode   *node);
JsonObject *nexor_emulator_json_object_deep_copy (JsonObject *object);
JsonObject *nexor_emulator_json_object_get_object_or_null (JsonObject *object,
                                                           const char *member);
JsonNode   *nexor_emulator_json_object_node      (JsonObject *object);
void        nexor_emulator_json_set_string_or_null (JsonObject *object,
                                                    const char *member,
                                                    const char *value);
/* Request bodies may nest as deeply as the library accepts in responses
 * (NEXOR_JSON_MAX_DEPTH), for the same reason: json-glib's parser, the deep
 * copies, json_node_equal and the writer recurse once per level, at most
 * 176 bytes a level (tests/client/test-json-depth.c), so a body at the limit
 * fits in half of a 128 KiB thread stack. The state file, which holds those
 * bodies' values a few levels further down, somewhat more. */
#define NEXOR_EMULATOR_MAX_BODY_DEPTH 256
#define NEXOR_EMULATOR_MAX_STATE_DEPTH (NEXOR_EMULATOR_MAX_BODY_DEPTH + 32)

/* How many characters of untrusted text a message quotes. */
#define NEXOR_EMULATOR_QUOTE_CHARS 64

char       *nexor_emulator_quote                 (const char  *text,
                                                  gssize       length,
                                                  guint        max_chars);

JsonNode   *nexor_emulator_json_parse_text       (const char  *data,
                                                  gsize        length,
                                                  guint        max_depth,
                                                  GError     **error);

G_END_DECLS
