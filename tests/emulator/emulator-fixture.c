/* emulator-fixture.c: the emulator on its own thread and a SoupSession to
 * talk to it, shared by the emulator's GTest programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-fixture.h"

const char emulator_fixture_tls[] = "tls";

void
emulator_fixture_setup (EmulatorFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  gboolean tls = data == EMULATOR_FIXTURE_TLS;

  fixture->thread = nexor_emulator_thread_start_full (tls, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->thread);

  fixture->emulator = nexor_emulator_thread_get_emulator (fixture->thread);
  fixture->base_url = nexor_emulator_thread_get_base_url (fixture->thread);
  fixture->session = emulator_test_new_session ();

  if (tls)
    {
      g_autoptr(GTlsDatabase) database =
        g_tls_file_database_new (nexor_emulator_thread_get_ca_file (fixture->thread), &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (fixture->base_url, "https://127.0.0.1:"));
      soup_session_set_tls_database (fixture->session, database);
    }
}

void
emulator_fixture_teardown (EmulatorFixture *fixture,
                           gconstpointer    data)
{
  g_clear_object (&fixture->session);
  /* The session's async requests leave sources on the main context; they
   * must go before the emulator they talk to. */
  emulator_test_drain_main_context ();
  g_clear_pointer (&fixture->thread, nexor_emulator_thread_stop);
}

/* No proxy, whatever the environment says: the emulator is on loopback,
 * and looking up the system proxy settings needs GSettings schemas. The
 * tests that keep requests in flight together need more than libsoup's
 * default two connections. */
SoupSession *
emulator_test_new_session (void)
{
  return soup_session_new_with_options ("proxy-resolver", NULL,
                                        "max-conns-per-host", 8,
                                        NULL);
}

void
emulator_test_drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

JsonNode *
emulator_test_parse_json (const char *data,
                          gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}
