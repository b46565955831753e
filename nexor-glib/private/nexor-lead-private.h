/* nexor-lead-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-lead.h"

G_BEGIN_DECLS

NexorLead *_nexor_lead_new_from_json     (JsonObject         *lead,
                                          JsonObject         *variables,
                                          NexorJsonDocument  *document,
                                          GError            **error);
/* A lead inside another object (a webhook event's data): no variables. */
NexorLead *_nexor_lead_new_from_embedded (JsonObject         *lead,
                                          NexorJsonDocument  *document,
                                          GError            **error);
NexorLead *_nexor_lead_new_from_response (JsonNode           *root,
                                          NexorJsonDocument  *document,
                                          GError            **error);

G_END_DECLS
