/* client-fixture.c: the in-process emulator, the client of it, and the
 * async and request helpers the client tests share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "client-fixture.h"

const char client_fixture_tls[] = "tls";

void
client_fixture_start_emulator (ClientFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->server = nexor_emulator_thread_start_full (fixture->tls, NULL, &error);
  g_assert_no_error (error);
  fixture->emulator = nexor_emulator_thread_get_emulator (fixture->server);

  if (fixture->tls)
    {
      /* The file database, as an application would build it: it replaces
       * the system's store, where the emulator's certificate is not. */
      fixture->tls_database = g_tls_file_database_new (nexor_emulator_thread_get_ca_file (fixture->server),
                                                       &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (nexor_emulator_thread_get_base_url (fixture->server), "https://"));
    }
}

NexorClient *
client_fixture_new_client (ClientFixture *fixture,
                           const char    *api_key)
{
  return g_object_new (NEXOR_TYPE_CLIENT,
                       "base-url", nexor_emulator_thread_get_base_url (fixture->server),
                       "api-key", api_key,
                       "tls-database", fixture->tls_database,
                       NULL);
}

NexorClient *
nexor_test_client_new (const char *base_url,
                       const char *api_key)
{
  g_autoptr(GError) error = NULL;
  NexorClient *client = nexor_client_new_for_url (base_url, api_key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

void
client_fixture_set_up (ClientFixture *fixture,
                       gconstpointer  data)
{
  fixture->tls = data == CLIENT_FIXTURE_TLS;
  client_fixture_start_emulator (fixture);
  fixture->client = client_fixture_new_client (fixture, NEXOR_EMULATOR_DEFAULT_API_KEY);
}

void
client_fixture_tear_down (ClientFixture *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->tls_database);
  nexor_emulator_thread_stop (fixture->server);
}

void
nexor_test_on_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);  /* exactly one callback */
  *out = g_object_ref (result);
}

GAsyncResult *
nexor_test_wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

guint
nexor_test_server_get_port (SoupServer *server)
{
  GSList *listeners = soup_server_get_listeners (server);
  g_autoptr(GSocketAddress) address = NULL;

  g_assert_nonnull (listeners);
  address = g_socket_get_local_address (listeners->data, NULL);
  g_slist_free (listeners);
  g_assert_nonnull (address);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
}

void
nexor_test_drain_context (GMainContext *context)
{
  while (g_main_context_iteration (context, FALSE))
    ;
}

const char *
nexor_test_request_header (JsonObject *headers,
                           const char *name)
{
  g_autoptr(GList) names = json_object_get_members (headers);

  for (GList *l = names; l != NULL; l = l->next)
    if (g_ascii_strcasecmp (l->data, name) == 0)
      return json_object_get_string_member (headers, l->data);

  return NULL;
}
