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
  NEXOR_LEAD_INPUT_ROUTE,    /* a create whose workflow a processor chooses */
} NexorLeadInputPurpose;

/* The client-side checks of a create or an update; no request on failure. */
gboolean  _nexor_lead_input_check   (NexorLeadInput         *self,
                                     NexorLeadInputPurpose   purpose,
                                     GError                **error);
/* The request body: the members that are set, in property order. */
JsonNode *_nexor_lead_input_to_json (NexorLeadInput         *self);
/* The body of a batch: every item of @leads checked for @purpose and
 * serialized into one array; NULL with an error naming the first bad item. */
JsonNode *_nexor_lead_inputs_to_json (GListModel            *leads,
                                      NexorLeadInputPurpose  purpose,
                                      GError               **error);

G_END_DECLS
