/* nexor-error.h: the NEXOR_ERROR domain
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
 * NEXOR_ERROR:
 *
 * The error domain of nexor-glib; codes are in [enum@Nexor.Error].
 *
 * Since: 0.1
 */
#define NEXOR_ERROR (nexor_error_quark ())

/**
 * NexorError:
 * @NEXOR_ERROR_FAILED: anything not covered below, including unexpected HTTP 4xx statuses
 * @NEXOR_ERROR_INVALID_ARGUMENT: a client-side check failed before any request was sent
 *   (for example a lead id that is not a UUID), or the server answered 400
 * @NEXOR_ERROR_UNAUTHORIZED: the API key is missing or not valid (HTTP 401)
 * @NEXOR_ERROR_FORBIDDEN: the key may not do this (HTTP 403)
 * @NEXOR_ERROR_NOT_FOUND: the resource does not exist or does not belong to the account: one
 *   of the API's documented HTTP 404 answers, which names what was not found
 * @NEXOR_ERROR_CONFLICT: the request conflicts with existing data (HTTP 409)
 * @NEXOR_ERROR_RATE_LIMITED: the server asked to slow down (HTTP 429) for longer than the
 *   client is willing to wait; [func@Nexor.Error.get_retry_after] tells how long
 * @NEXOR_ERROR_SERVER: the server failed (HTTP 5xx) an operation that is safe to repeat
 * @NEXOR_ERROR_INVALID_RESPONSE: the response is not JSON, does not have the documented
 *   shape, or is too large; also a redirect (HTTP 3xx), which the API never sends and
 *   the client never follows
 * @NEXOR_ERROR_TIMEOUT: the call did not finish within its deadline
 * @NEXOR_ERROR_OUTCOME_UNKNOWN: an operation that is not safe to repeat (such as
 *   creating a lead) failed after the whole request was sent: the connection broke,
 *   the answer was cut short, the deadline passed while waiting for it, or the server
 *   answered 500, 502, 503 or 504. The request may have been applied: check before
 *   repeating it. The message names the cause. Since: 0.1
 * @NEXOR_ERROR_ENDPOINT_NOT_FOUND: the server has no such endpoint: the base URL is
 *   probably wrong. The server answered HTTP 404 with something other than one of the
 *   API's documented not-found answers (a web server's error page, an unknown route,
 *   a 404 from an operation that documents none); the message shows the base URL used.
 *   Since: 0.1
 * @NEXOR_ERROR_SIGNATURE_MISSING: a webhook delivery carries no signature
 *   (no `X-Nexor-Signature` header, or a blank one). Since: 0.1
 * @NEXOR_ERROR_SIGNATURE_MALFORMED: a webhook delivery's signature is not
 *   what the signature scheme produces (for the default scheme: 64
 *   hexadecimal digits, optionally after `sha256=`). Since: 0.1
 * @NEXOR_ERROR_SIGNATURE_MISMATCH: a webhook delivery's signature is well
 *   formed but does not match its body and the secret: the body was changed,
 *   or it was signed with another secret. Since: 0.1
 * @NEXOR_ERROR_INVALID_EVENT: a webhook delivery's body is not an event: not
 *   JSON, not an object, or without a string `event_type` and `event_id`.
 *   Since: 0.1
 *
 * Error codes of the `NEXOR_ERROR` domain.
 *
 * Errors of the transport itself (`G_IO_ERROR`, `G_TLS_ERROR`, `G_RESOLVER_ERROR`) and
 * cancellation (`G_IO_ERROR_CANCELLED`) are passed through unchanged.
 *
 * The message of an error that comes from an HTTP response starts with the
 * HTTP status and carries the server's own text, for example
 * `HTTP 404 Not found: Lead not found or does not belong to your account`.
 *
 * When the answer asked for a wait with `Retry-After` (HTTP 429, 503) that
 * the client did not make, the error carries it: read it with
 * [func@Nexor.Error.get_retry_after]. The message then ends with the wait in
 * one fixed form, ` (retry after N s)`, so that it survives language
 * bindings that keep only an error's domain, code and message.
 *
 * Since: 0.1
 */
typedef enum {
  NEXOR_ERROR_FAILED,
  NEXOR_ERROR_INVALID_ARGUMENT,
  NEXOR_ERROR_UNAUTHORIZED,
  NEXOR_ERROR_FORBIDDEN,
  NEXOR_ERROR_NOT_FOUND,
  NEXOR_ERROR_CONFLICT,
  NEXOR_ERROR_RATE_LIMITED,
  NEXOR_ERROR_SERVER,
  NEXOR_ERROR_INVALID_RESPONSE,
  NEXOR_ERROR_TIMEOUT,
  NEXOR_ERROR_OUTCOME_UNKNOWN,
  NEXOR_ERROR_ENDPOINT_NOT_FOUND,
  NEXOR_ERROR_SIGNATURE_MISSING,
  NEXOR_ERROR_SIGNATURE_MALFORMED,
  NEXOR_ERROR_SIGNATURE_MISMATCH,
  NEXOR_ERROR_INVALID_EVENT,
} NexorError;

NEXOR_AVAILABLE_IN_0_1
GQuark nexor_error_quark           (void);

NEXOR_AVAILABLE_IN_0_1
guint  nexor_error_get_retry_after (const GError *error);

G_END_DECLS
