/* lead-desk-key-store.h: API keys in the user's keyring
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      lead_desk_key_store_lookup_async  (const char           *server,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char     *lead_desk_key_store_lookup_finish (GAsyncResult         *result,
                                             GError              **error);
void      lead_desk_key_store_save_async    (const char           *server,
                                             const char           *api_key,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  lead_desk_key_store_save_finish   (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
