/* nexor-emulator-webhooks.h: webhook subscriptions and signed deliveries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-emulator-events.h"
#include "nexor-emulator-store.h"

G_BEGIN_DECLS

/* The secret a subscription signs with when none is given. */
#define NEXOR_EMULATOR_DEFAULT_WEBHOOK_SECRET "nexor_emulator_webhook_secret"

/* The account id every envelope carries as client_id. */
#define NEXOR_EMULATOR_CLIENT_ID "c1e0a7d2-5b3f-4e8a-9d6c-2f4b8a1e7c30"

/* The log of attempts keeps this many, dropping the oldest. */
#define NEXOR_EMULATOR_WEBHOOK_LOG_MAX 10000

/* Where the admin routes live, beside /_emulator/faults. */
#define NEXOR_EMULATOR_WEBHOOKS_PATH "/_emulator/webhooks"

typedef struct _NexorEmulatorWebhooks NexorEmulatorWebhooks;

NexorEmulatorWebhooks *nexor_emulator_webhooks_new             (void);
void                   nexor_emulator_webhooks_free            (NexorEmulatorWebhooks  *self);
void                   nexor_emulator_webhooks_set_context     (NexorEmulatorWebhooks  *self,
                                                                GMainContext           *context);
void                   nexor_emulator_webhooks_set_retry_scale (NexorEmulatorWebhooks  *self,
                                                                double                  scale);
void                   nexor_emulator_webhooks_set_print       (NexorEmulatorWebhooks  *self,
                                                                gboolean                print);
void                   nexor_emulator_webhooks_set_tls_database (NexorEmulatorWebhooks *self,
                                                                GTlsDatabase           *database);
JsonObject            *nexor_emulator_webhooks_add             (NexorEmulatorWebhooks  *self,
                                                                const char             *url,
                                                                const char             *secret,
                                                                const char * const     *events,
                                                                gboolean                persistent,
                                                                GError                **error);
gboolean               nexor_emulator_webhooks_restore         (NexorEmulatorWebhooks  *self,
                                                                JsonArray              *records,
                                                                GError                **error);
gboolean               nexor_emulator_webhooks_take_changed    (NexorEmulatorWebhooks  *self,
                                                                JsonArray             **out_records);
void                   nexor_emulator_webhooks_deliver         (NexorEmulatorWebhooks  *self,
                                                                NexorEmulatorEvent     *event);
guint                  nexor_emulator_webhooks_get_pending     (NexorEmulatorWebhooks  *self);
JsonNode              *nexor_emulator_webhooks_dup_log         (NexorEmulatorWebhooks  *self);
gboolean               nexor_emulator_webhooks_handle          (NexorEmulatorWebhooks  *self,
                                                                NexorEmulatorStore     *store,
                                                                const char             *method,
                                                                const char             *path,
                                                                const char             *query,
                                                                GBytes                 *body,
                                                                guint                  *out_status,
                                                                JsonNode              **out_body,
                                                                char                  **out_allow);

gboolean               nexor_emulator_webhook_check_url        (const char             *url,
                                                                GUri                  **out_uri,
                                                                GError                **error);
gboolean               nexor_emulator_webhook_check_events     (const char * const     *events,
                                                                GError                **error);
gboolean               nexor_emulator_webhook_spec_parse       (const char             *spec,
                                                                char                  **out_url,
                                                                char                  **out_secret,
                                                                GStrv                  *out_events,
                                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorEmulatorWebhooks, nexor_emulator_webhooks_free)

G_END_DECLS
