/* nexor-json-writer.h: JSON text as the Nexor service writes it
 *
 * json-glib 1.6 writes doubles with 17 digits (0.95 becomes
 * 0.94999999999999996); the emulator and the CLI write the shortest text that
 * reads back as the same number, as the service and JavaScript do.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *nexor_json_writer_to_string (JsonNode *node,
                                   gboolean  pretty,
                                   gsize    *length);

G_END_DECLS
