/* nexor-log-private.h: debug logging of the traffic, with the API key redacted
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* (transfer full): @text with every occurrence of @secret replaced. */
char *_nexor_redact     (const char  *text,
                         const char  *secret);

/* With NEXOR_DEBUG=1..3, logs @session's traffic at debug level (requests,
 * headers, bodies), never showing @api_key. */
void  _nexor_log_attach (SoupSession *session,
                         const char  *api_key);

G_END_DECLS
