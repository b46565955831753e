/* lead-desk-key-store.c: API keys in the user's keyring
 *
 * One key per server URL, so that the key of a local emulator never replaces
 * the production key. Everything is asynchronous: unlocking a keyring may
 * show a prompt, and there may be no Secret Service at all (a minimal
 * session, a container), which callers treat as "no key stored".
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "lead-desk-key-store.h"

static const SecretSchema *
lead_desk_key_schema (void)
{
  static const SecretSchema schema = {
    "ai.getnexor.ApiKey", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/**
 * lead_desk_key_store_lookup_async:
 * @server: the API base URL the key is for
 *
 * Looks up the key stored for @server.
 */
void
lead_desk_key_store_lookup_async (const char          *server,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (server != NULL);

  secret_password_lookup (lead_desk_key_schema (), cancellable, callback, user_data,
                          "server", server,
                          NULL);
}

/**
 * lead_desk_key_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when none is stored
 *   (@error unset) or the keyring could not be read (@error set)
 */
char *
lead_desk_key_store_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

/**
 * lead_desk_key_store_save_async:
 * @server: the API base URL the key is for
 * @api_key: the key
 *
 * Stores @api_key for @server in the default keyring, replacing any earlier
 * key for that server.
 */
void
lead_desk_key_store_save_async (const char          *server,
                                const char          *api_key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (server != NULL);
  g_return_if_fail (api_key != NULL);

  /* TRANSLATORS: the keyring item's label; %s is the server */
  label = g_strdup_printf (_("Nexor API key for %s"), server);
  secret_password_store (lead_desk_key_schema (), SECRET_COLLECTION_DEFAULT, label, api_key,
                         cancellable, callback, user_data,
                         "server", server,
                         NULL);
}

gboolean
lead_desk_key_store_save_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return secret_password_store_finish (result, error);
}
