/* nexor-json-text.h: the library's strict JSON reader, for text of one's own
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "nexor-version-macros.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
JsonNode *nexor_parse_json (const char  *text,
                            gssize       length,
                            GError     **error);

G_END_DECLS
