/* no-private-headers.c: what dependency('nexor-glib-1') puts on the app's
 * include path is nexor-glib's public headers only
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <nexor-glib.h>

/* The app has no config.h of its own: one found here would be nexor-glib's. */
#if __has_include ("config.h") || __has_include (<config.h>)
# error "a config.h is on the include path: nexor-glib exports its private config.h"
#endif
#if __has_include ("nexor-client-private.h") || __has_include ("nexor-json-document-private.h")
# error "nexor-glib's private headers are on the include path"
#endif

int lead_counter_no_private_headers (void);

int
lead_counter_no_private_headers (void)
{
  return NEXOR_MAJOR_VERSION;
}
