/* nexor-emulator-tls.h: self-signed certificates for the emulator's TLS mode
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The names a generated certificate is valid for unless told otherwise. */
#define NEXOR_EMULATOR_TLS_DEFAULT_HOSTS "localhost", "127.0.0.1", "::1"

gboolean         nexor_emulator_tls_generate_pem (const char * const  *hosts,
                                                  GDateTime           *not_before,
                                                  GDateTime           *not_after,
                                                  char               **certificate_pem,
                                                  char               **key_pem,
                                                  GError             **error);
GTlsCertificate *nexor_emulator_tls_generate     (GError             **error);

G_END_DECLS
