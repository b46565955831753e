/* nexor-pause-state-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-pause-state.h"

G_BEGIN_DECLS

NexorPauseState *_nexor_pause_state_new_from_response (JsonNode           *root,
                                                       NexorJsonDocument  *document,
                                                       GError            **error);

G_END_DECLS
