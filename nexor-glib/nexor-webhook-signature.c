/* nexor-webhook-signature.c: checking the signature of a webhook delivery
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-webhook-signature-private.h"

#define HMAC_SHA256_LENGTH 32
#define HMAC_SHA256_PREFIX "sha256="

gboolean
_nexor_constant_time_equal (const guint8 *a,
                            const guint8 *b,
                            gsize         length)
{
  volatile guint8 difference = 0;

  for (gsize i = 0; i < length; i++)
    difference |= a[i] ^ b[i];

  return difference == 0;
}

static void
hmac_sha256 (GBytes     *body,
             const char *secret,
             guint8      digest[HMAC_SHA256_LENGTH])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (body, &size);
  gsize digest_length = HMAC_SHA256_LENGTH;

  if (size > 0)
    g_hmac_update (hmac, data, size);
  g_hmac_get_digest (hmac, digest, &digest_length);
  g_assert (digest_length == HMAC_SHA256_LENGTH);
}

/* The signature as the digest it writes, or FALSE when it is not 64
 * hexadecimal digits (optionally after "sha256="). The branches here depend
 * on the received text only, which its sender knows anyway. */
static gboolean
parse_hmac_sha256_hex (const char *signature,
                       guint8      digest[HMAC_SHA256_LENGTH])
{
  if (g_ascii_strncasecmp (signature, HMAC_SHA256_PREFIX, strlen (HMAC_SHA256_PREFIX)) == 0)
    signature += strlen (HMAC_SHA256_PREFIX);

  if (strlen (signature) != 2 * HMAC_SHA256_LENGTH)
    return FALSE;

  for (guint i = 0; i < HMAC_SHA256_LENGTH; i++)
    {
      int high = g_ascii_xdigit_value (signature[2 * i]);
      int low = g_ascii_xdigit_value (signature[2 * i + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      digest[i] = (guint8) (high << 4 | low);
    }

  return TRUE;
}

/**
 * nexor_webhook_compute_signature:
 * @scheme: how to sign
 * @body: the raw request body, exactly as it is sent
 * @secret: the webhook's signing secret
 *
 * Signs @body as Nexor does under @scheme: what a delivery's
 * [const@Nexor.WEBHOOK_SIGNATURE_HEADER] holds. A receiver does not need
 * this (it calls [func@Nexor.webhook_verify_signature]); it is for programs
 * that send deliveries of their own, such as tests and local tools.
 *
 * For [enum@Nexor.WebhookSignatureScheme.HMAC_SHA256_HEX] the result is
 * 64 lowercase hexadecimal digits, without a prefix.
 *
 * Returns: (transfer full): the signature
 *
 * Since: 0.1
 */
char *
nexor_webhook_compute_signature (NexorWebhookSignatureScheme  scheme,
                                 GBytes                      *body,
                                 const char                  *secret)
{
  guint8 digest[HMAC_SHA256_LENGTH];
  GString *hex;

  g_return_val_if_fail (scheme == NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  hmac_sha256 (body, secret, digest);
  hex = g_string_sized_new (2 * HMAC_SHA256_LENGTH);
  for (guint i = 0; i < HMAC_SHA256_LENGTH; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

/**
 * nexor_webhook_verify_signature_with_scheme:
 * @scheme: how the delivery is signed
 * @body: the raw request body, exactly as it was received (before any JSON
 *   parsing, which would change its bytes)
 * @signature: (nullable): the value of the delivery's
 *   [const@Nexor.WEBHOOK_SIGNATURE_HEADER] header, or %NULL when it has none
 * @secret: the webhook's signing secret
 * @error: return location for a [error@Nexor.Error]
 *
 * Checks that @signature is the signature of @body with @secret under
 * @scheme. The signatures are compared in constant time, so that how long a
 * refusal takes tells a forger nothing. See
 * [func@Nexor.webhook_verify_signature] for the errors.
 *
 * Returns: %TRUE if the delivery is authentic
 *
 * Since: 0.1
 */
gboolean
nexor_webhook_verify_signature_with_scheme (NexorWebhookSignatureScheme   scheme,
                                            GBytes                       *body,
                                            const char                   *signature,
                                            const char                   *secret,
                                            GError                      **error)
{
  guint8 expected[HMAC_SHA256_LENGTH];
  guint8 received[HMAC_SHA256_LENGTH];
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (scheme == NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An empty key is a valid HMAC key that anyone can sign with. */
  if (*secret == '\0')
    {
      g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                           _("The webhook signing secret is empty"));
      return FALSE;
    }

  if (signature != NULL)
    trimmed = g_strstrip (g_strdup (signature));
  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_SIGNATURE_MISSING,
                   _("The webhook delivery is not signed: it has no %s header"),
                   NEXOR_WEBHOOK_SIGNATURE_HEADER);
      return FALSE;
    }

  if (!parse_hmac_sha256_hex (trimmed, received))
    {
      /* Not quoted: whatever a header holds stays out of logs. */
      g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_SIGNATURE_MALFORMED,
                           _("The webhook delivery's signature is not an HMAC-SHA256 in "
                             "hexadecimal (64 digits, optionally after “sha256=”)"));
      return FALSE;
    }

  hmac_sha256 (body, secret, expected);
  if (!_nexor_constant_time_equal (expected, received, HMAC_SHA256_LENGTH))
    {
      g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_SIGNATURE_MISMATCH,
                           _("The webhook delivery's signature does not match its body: "
                             "the body was changed, or it was signed with another secret"));
      return FALSE;
    }

  return TRUE;
}

/**
 * nexor_webhook_verify_signature:
 * @body: the raw request body, exactly as it was received (before any JSON
 *   parsing, which would change its bytes)
 * @signature: (nullable): the value of the delivery's
 *   [const@Nexor.WEBHOOK_SIGNATURE_HEADER] header, or %NULL when it has none
 * @secret: the webhook's signing secret (Settings → Integrations → Webhooks)
 * @error: return location for a [error@Nexor.Error]
 *
 * Checks that a webhook delivery comes from Nexor: that @signature is the
 * hexadecimal HMAC-SHA256 of @body keyed with @secret
 * ([enum@Nexor.WebhookSignatureScheme.HMAC_SHA256_HEX]). A `sha256=` prefix
 * and either case of the hexadecimal digits are accepted. The comparison
 * takes the same time wherever the signatures differ.
 *
 * Then read the event with [ctor@Nexor.WebhookEvent.new_from_bytes]:
 *
 * ```c
 * if (!nexor_webhook_verify_signature (body, header, secret, &error))
 *   return respond (401);
 * event = nexor_webhook_event_new_from_bytes (body, &error);
 * ```
 *
 * The errors: `NEXOR_ERROR_SIGNATURE_MISSING` when @signature is %NULL or
 * blank, `NEXOR_ERROR_SIGNATURE_MALFORMED` when it is not 64 hexadecimal
 * digits, `NEXOR_ERROR_SIGNATURE_MISMATCH` when it does not match, and
 * `NEXOR_ERROR_INVALID_ARGUMENT` for an empty @secret. Answer all of them
 * with HTTP 401.
 *
 * Returns: %TRUE if the delivery is authentic
 *
 * Since: 0.1
 */
gboolean
nexor_webhook_verify_signature (GBytes      *body,
                                const char  *signature,
                                const char  *secret,
                                GError     **error)
{
  return nexor_webhook_verify_signature_with_scheme (NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX,
                                                     body, signature, secret, error);
}
