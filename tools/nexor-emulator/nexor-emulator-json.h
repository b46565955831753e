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

G_END_DECLS
