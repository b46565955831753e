/* nexor-webhook-signature.h: checking the signature of a webhook delivery
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <glib.h>

#include "nexor-version-macros.h"

G_BEGIN_DECLS

/**
 * NEXOR_WEBHOOK_SIGNATURE_HEADER:
 *
 * The HTTP header a webhook delivery carries its signature in,
 * `X-Nexor-Signature`.
 *
 * Since: 0.1
 */
#define NEXOR_WEBHOOK_SIGNATURE_HEADER "X-Nexor-Signature"

/**
 * NexorWebhookSignatureScheme:
 * @NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX: the HMAC-SHA256 of the raw
 *   request body, keyed with the webhook's signing secret, written as 64
 *   hexadecimal digits (either case), optionally after `sha256=`
 *
 * How a webhook delivery is signed.
 *
 * Nexor documents that deliveries are signed with HMAC-SHA256 in the
 * `X-Nexor-Signature` header, but not the exact string that is signed nor
 * how the signature is written. The library implements what the API notes
 * recommend, the only scheme so far; should Nexor document another (a
 * timestamp in the signed string, base64), it becomes a new value here and
 * the receiver's [property@Nexor.WebhookReceiver:signature-scheme].
 *
 * Since: 0.1
 */
typedef enum {
  /* A lone value: without a nick, glib-mkenums would call it "hex". */
  NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX, /*< nick=hmac-sha256-hex >*/
} NexorWebhookSignatureScheme;

NEXOR_AVAILABLE_IN_0_1
gboolean  nexor_webhook_verify_signature             (GBytes                       *body,
                                                      const char                   *signature,
                                                      const char                   *secret,
                                                      GError                      **error);
NEXOR_AVAILABLE_IN_0_1
gboolean  nexor_webhook_verify_signature_with_scheme (NexorWebhookSignatureScheme   scheme,
                                                      GBytes                       *body,
                                                      const char                   *signature,
                                                      const char                   *secret,
                                                      GError                      **error);
NEXOR_AVAILABLE_IN_0_1
char     *nexor_webhook_compute_signature            (NexorWebhookSignatureScheme   scheme,
                                                      GBytes                       *body,
                                                      const char                   *secret);

G_END_DECLS
