/* nexor-webhook-meeting-data-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-webhook-meeting-data.h"

G_BEGIN_DECLS

NexorWebhookMeetingData *_nexor_webhook_meeting_data_new_from_json (JsonObject         *object,
                                                                   NexorJsonDocument  *document,
                                                                   GError            **error);

G_END_DECLS
