/* nexor-meeting-outcome-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"
#include "nexor-meeting-outcome.h"

G_BEGIN_DECLS

NexorMeetingOutcome *_nexor_meeting_outcome_new_from_response (JsonNode           *root,
                                                               NexorJsonDocument  *document,
                                                               GError            **error);

G_END_DECLS
