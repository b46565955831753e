/* nexor-client.h: the entry point to the Nexor API
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

G_BEGIN_DECLS

/**
 * NEXOR_DEFAULT_BASE_URL:
 *
 * The base URL of the production Nexor public API.
 *
 * Since: 0.1
 */
#define NEXOR_DEFAULT_BASE_URL "https://api.getnexor.ai/api/public"

#define NEXOR_TYPE_CLIENT (nexor_client_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorClient, nexor_client, NEXOR, CLIENT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorClient *nexor_client_new                  (const char           *api_key,
                                                GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorClient *nexor_client_new_for_url          (const char           *base_url,
                                                const char           *api_key,
                                                GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorClient *nexor_client_new_from_environment (GError              **error);

NEXOR_AVAILABLE_IN_0_1
const char  *nexor_client_get_base_url         (NexorClient          *self);
NEXOR_AVAILABLE_IN_0_1
const char  *nexor_client_get_user_agent       (NexorClient          *self);
NEXOR_AVAILABLE_IN_0_1
guint        nexor_client_get_timeout          (NexorClient          *self);
NEXOR_AVAILABLE_IN_0_1
void         nexor_client_set_timeout          (NexorClient          *self,
                                                guint                 timeout);
NEXOR_AVAILABLE_IN_0_1
guint        nexor_client_get_max_retries      (NexorClient          *self);
NEXOR_AVAILABLE_IN_0_1
void         nexor_client_set_max_retries      (NexorClient          *self,
                                                guint                 max_retries);
NEXOR_AVAILABLE_IN_0_1
SoupSession *nexor_client_get_session          (NexorClient          *self);
NEXOR_AVAILABLE_IN_0_1
GTlsDatabase *nexor_client_get_tls_database    (NexorClient          *self);

G_END_DECLS
