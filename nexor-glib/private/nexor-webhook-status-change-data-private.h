/* nexor-webhook-status-change-data-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-webhook-status-change-data.h"

G_BEGIN_DECLS

NexorWebhookStatusChangeData *_nexor_webhook_status_change_data_new_from_json (JsonObject         *object,
                                                                              NexorJsonDocument  *document,
                                                                              GError            **error);

G_END_DECLS
