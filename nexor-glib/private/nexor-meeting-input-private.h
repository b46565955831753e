/* nexor-meeting-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-request-private.h"
#include "nexor-meeting-input.h"

G_BEGIN_DECLS

/* Refuses, with NEXOR_ERROR_INVALID_ARGUMENT, what would never be accepted. */
gboolean  _nexor_meeting_input_check   (NexorMeetingInput  *self,
                               GError **error);
/* Whether the request carries its own dedup key, so a repeat is harmless. */
gboolean  _nexor_meeting_input_is_idempotent (NexorMeetingInput *self);
/* The set members, as the request body. */
JsonNode *_nexor_meeting_input_to_json (NexorMeetingInput *self);

G_END_DECLS
