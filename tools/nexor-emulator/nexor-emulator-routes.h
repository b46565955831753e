/* nexor-emulator-routes.h: the lead-desk routes (leads, tags, team)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "nexor-emulator-store.h"

G_BEGIN_DECLS

/* Larger request bodies answer 413 without being parsed. */
#define NEXOR_EMULATOR_MAX_BODY_SIZE (8 * 1024 * 1024)

gboolean nexor_emulator_routes_dispatch (NexorEmulatorStore  *store,
                                         const char          *method,
                                         const char * const  *segments,
                                         const char          *query,
                                         GBytes              *body,
                                         GPtrArray           *allowed,
                                         guint               *out_status,
                                         JsonNode           **out_body);

G_END_DECLS
