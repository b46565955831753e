/* nexor-meeting-type-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-meeting-type.h"

G_BEGIN_DECLS

NexorMeetingType *_nexor_meeting_type_new_from_json (JsonObject         *object,
                                                    NexorJsonDocument  *document,
                                                    GError            **error);

G_END_DECLS
