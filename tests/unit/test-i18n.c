/* test-i18n.c: the library's messages in Spanish, as a program that sets
 * its locale from the environment sees them (the test runs with
 * LC_ALL=es_CL.UTF-8 and NEXOR_LOCALEDIR at the build tree's po/)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <nexor-glib.h>

#include <locale.h>

#define SEED_ID "123e4567-e89b-12d3-a456-426614174000"

/* Checked before any call: nexor-glib never sets the locale itself. */
static gboolean
spanish_locale_set (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || !g_str_has_prefix (messages, "es_CL"))
    {
      g_test_message ("the es_CL.UTF-8 locale is missing (LC_MESSAGES is %s): "
                      "scripts/install-deps.sh installs locales-all",
                      messages != NULL ? messages : "unset");
      g_test_fail ();
      return FALSE;
    }
  return TRUE;
}

/* A client-side check: no request is sent. */
static void
test_invalid_id_message (void)
{
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;

  if (!spanish_locale_set ())
    return;

  client = nexor_client_new_for_url ("http://127.0.0.1:9/", "nxr_test_i18n", NULL);
  g_assert_nonnull (client);
  lead = nexor_client_get_lead (client, "../leads", NULL, &error);
  g_assert_null (lead);
  /* The domain and code do not change with the language. */
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "Id de lead no válido “../leads”: se esperaba un UUID como " SEED_ID);
}

static void
test_empty_argument_message (void)
{
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(NexorAutomationResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!spanish_locale_set ())
    return;

  client = nexor_client_new_for_url ("http://127.0.0.1:9/", "nxr_test_i18n", NULL);
  g_assert_nonnull (client);
  result = nexor_client_stop_lead_automation (client, SEED_ID, "  ", NULL, &error);
  g_assert_null (result);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "Argumento no válido: workflow id está vacío");
}

/* The JSON reader's position and reason, inside a translated message. */
static void
test_json_reader_message (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (!spanish_locale_set ())
    return;

  root = nexor_parse_json ("{\"a\": }", -1, &error);
  g_assert_null (root);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==,
                   "línea 1, columna 7: «}» inesperado donde se esperaba un valor");
}

int
main (int    argc,
      char **argv)
{
  /* As a program does: the locale comes from the environment. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/es/invalid-id", test_invalid_id_message);
  g_test_add_func ("/i18n/es/empty-argument", test_empty_argument_message);
  g_test_add_func ("/i18n/es/json-reader", test_json_reader_message);

  return g_test_run ();
}
