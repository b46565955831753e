/* nexor-webhook-receiver.h: an HTTP server that receives webhook deliveries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "nexor-version-macros.h"
#include "nexor-webhook-event.h"
#include "nexor-webhook-signature.h"

G_BEGIN_DECLS

/**
 * NEXOR_WEBHOOK_RECEIVER_DEFAULT_MAX_BODY_SIZE:
 *
 * The default of [property@Nexor.WebhookReceiver:max-body-size], 1 MiB.
 *
 * Since: 0.1
 */
#define NEXOR_WEBHOOK_RECEIVER_DEFAULT_MAX_BODY_SIZE (1024 * 1024)

/**
 * NEXOR_WEBHOOK_RECEIVER_DEFAULT_DEDUP_CAPACITY:
 *
 * The default of [property@Nexor.WebhookReceiver:dedup-capacity].
 *
 * Since: 0.1
 */
#define NEXOR_WEBHOOK_RECEIVER_DEFAULT_DEDUP_CAPACITY 10000

#define NEXOR_TYPE_WEBHOOK_RECEIVER (nexor_webhook_receiver_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorWebhookReceiver, nexor_webhook_receiver, NEXOR, WEBHOOK_RECEIVER, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorWebhookReceiver        *nexor_webhook_receiver_new                  (const char            *secret);

NEXOR_AVAILABLE_IN_0_1
gboolean                     nexor_webhook_receiver_listen               (NexorWebhookReceiver  *self,
                                                                          const char            *address,
                                                                          guint                  port,
                                                                          GError               **error);
NEXOR_AVAILABLE_IN_0_1
void                         nexor_webhook_receiver_stop           (NexorWebhookReceiver  *self);

NEXOR_AVAILABLE_IN_0_1
guint                        nexor_webhook_receiver_get_port             (NexorWebhookReceiver  *self);
NEXOR_AVAILABLE_IN_0_1
char                        *nexor_webhook_receiver_dup_url              (NexorWebhookReceiver  *self);

NEXOR_AVAILABLE_IN_0_1
NexorWebhookSignatureScheme  nexor_webhook_receiver_get_signature_scheme (NexorWebhookReceiver  *self);

NEXOR_AVAILABLE_IN_0_1
guint                        nexor_webhook_receiver_get_max_body_size    (NexorWebhookReceiver  *self);
NEXOR_AVAILABLE_IN_0_1
void                         nexor_webhook_receiver_set_max_body_size    (NexorWebhookReceiver  *self,
                                                                          guint                  max_body_size);

NEXOR_AVAILABLE_IN_0_1
guint                        nexor_webhook_receiver_get_dedup_capacity   (NexorWebhookReceiver  *self);
NEXOR_AVAILABLE_IN_0_1
void                         nexor_webhook_receiver_set_dedup_capacity   (NexorWebhookReceiver  *self,
                                                                          guint                  dedup_capacity);

G_END_DECLS
