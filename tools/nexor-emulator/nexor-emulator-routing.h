/* nexor-emulator-routing.h: routing rules' conditions, checked and evaluated
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Checks a rule's `conditions` member as POST/PATCH …/rules and the state
 * file take it. Returns the 400 message (to free), or NULL if it is valid. */
char     *nexor_emulator_conditions_check   (JsonNode   *conditions);

/* The value a condition's @field has on a lead that is being routed: @item
 * is the lead object as sent, @metadata its metadata after the automatic
 * mapping. NULL when the lead has no such value (a blank column counts as
 * none, as the lead stores it as null). */
JsonNode *nexor_emulator_routing_value      (JsonObject *item,
                                             JsonObject *metadata,
                                             const char *field);

/* Whether one checked condition holds for the lead. */
gboolean  nexor_emulator_condition_matches  (JsonObject *condition,
                                             JsonObject *item,
                                             JsonObject *metadata);

/* Whether every condition of a checked array holds (an empty array holds). */
gboolean  nexor_emulator_conditions_match   (JsonArray  *conditions,
                                             JsonObject *item,
                                             JsonObject *metadata);

G_END_DECLS
