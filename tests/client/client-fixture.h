/* client-fixture.h: the in-process emulator, the client of it, and the
 * async and request helpers the client tests share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <nexor-glib.h>

#include "nexor-emulator-thread.h"

G_BEGIN_DECLS

/* A fresh emulator for every test, so that no test sees another's leads,
 * faults or request log. */
typedef struct {
  NexorEmulatorThread *server;
  NexorEmulator *emulator;
  NexorClient *client;
  gboolean tls;                /* the emulator serves https */
  GTlsDatabase *tls_database;  /* with tls: trusts the emulator's certificate */
} ClientFixture;

/* The test data that makes client_fixture_set_up() run the emulator over
 * https, with a client that trusts its certificate; NULL means plain http. */
extern const char client_fixture_tls[];
#define CLIENT_FIXTURE_TLS ((gconstpointer) client_fixture_tls)

/* Starts the emulator (over https when @fixture->tls is set); leaves
 * @fixture->client for the caller to make. */
void          client_fixture_start_emulator (ClientFixture  *fixture);

/* A new client of the fixture's emulator with @api_key, trusting its
 * certificate when it serves https. */
NexorClient  *client_fixture_new_client     (ClientFixture  *fixture,
                                             const char     *api_key);

/* nexor_client_new_for_url() of a base URL and key the test knows to be
 * usable: a failure to build it fails the test. */
NexorClient  *nexor_test_client_new         (const char     *base_url,
                                             const char     *api_key);

/* A GTest set-up and tear-down: the emulator and a client of it with the
 * emulator's demo API key, over https when @data is CLIENT_FIXTURE_TLS. The
 * tear-down also suits a fixture set up with
 * client_fixture_start_emulator(). */
void          client_fixture_set_up         (ClientFixture  *fixture,
                                             gconstpointer   data);
void          client_fixture_tear_down      (ClientFixture  *fixture,
                                             gconstpointer   data);

/* A GAsyncReadyCallback that stores a reference to the result in the
 * GAsyncResult * that @user_data points to; it must be called once only. */
void          nexor_test_on_result          (GObject        *source,
                                             GAsyncResult   *result,
                                             gpointer        user_data);

/* Iterates the global default main context until nexor_test_on_result() has
 * filled @slot, and returns the result (still owned by @slot). */
GAsyncResult *nexor_test_wait_for_result    (GAsyncResult  **slot);

/* Dispatches what is pending in @context without blocking, so that sources
 * a client left behind go before the context does. */
void          nexor_test_drain_context      (GMainContext   *context);

/* The value of the header @name (compared without case) in the "headers"
 * object of a request the emulator recorded, or NULL. */
const char   *nexor_test_request_header     (JsonObject     *headers,
                                             const char     *name);

/* The port a test's own server listens on, read from its first listening
 * socket: libsoup 3.2's soup_server_get_uris() leaks a GSocketAddress per
 * call, which the valgrind stage would count. */
guint         nexor_test_server_get_port    (SoupServer     *server);

G_END_DECLS
