/* nexor-text-private.h: untrusted text in messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many characters of an id, a name or a token a message quotes. */
#define NEXOR_QUOTE_CHARS 64
/* How many characters of the server's own error text a message keeps. */
#define NEXOR_QUOTE_SERVER_TEXT_CHARS 512

char *_nexor_quote (const char *text,
                    gssize      length,
                    guint       max_chars);

G_END_DECLS
