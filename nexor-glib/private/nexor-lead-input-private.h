/* nexor-lead-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-lead-input.h"

G_BEGIN_DECLS

typedef enum {
  NEXOR_LEAD_INPUT_CREATE,
  NEXOR_LEAD_INPUT_UPDATE,
} NexorLeadInputPurpose;

/* The client-side checks of a create or an update; no request on failure. */
gboolean  _nexor_lead_input_check   (NexorLeadInput         *self,
                                     NexorLeadInputPurpose   purpose,
                                     GError                **error);
/* The request body: the members that are set, in property order. */
JsonNode *_nexor_lead_input_to_json (NexorLeadInput         *self);

G_END_DECLS
