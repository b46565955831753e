/* test-lead-desk-errors.c: what the Lead Desk tells the user about each
 * kind of failure (examples/gtk/lead-desk-errors.c), without a window
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <nexor-glib.h>

#include "lead-desk-errors.h"

/* A write that may have been applied is not offered "Try Again": the user
 * is told to look first, and the button reloads. */
static void
test_outcome_unknown (void)
{
  g_autoptr(GError) error = g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN,
                                                 "Error receiving data: Connection reset by peer; "
                                                 "the request was sent and may have been applied: "
                                                 "check before repeating it");
  LeadDeskErrorRemedy remedy = LEAD_DESK_ERROR_REMEDY_NONE;
  const char *hint = NULL;
  g_autofree char *advice = lead_desk_error_advice (error, &remedy, &hint);

  g_assert_cmpint (remedy, ==, LEAD_DESK_ERROR_REMEDY_CHECK);
  g_assert_cmpstr (lead_desk_error_remedy_label (remedy), ==, "_Reload to Check");
  g_assert_nonnull (strstr (hint, "may have been saved"));
  g_assert_null (strstr (hint, "Try again"));
  /* The cause, then what to do. */
  g_assert_true (g_str_has_prefix (advice, "Error receiving data: Connection reset by peer"));
  g_assert_nonnull (strstr (advice, "reload the lead to check"));
}

/* The other codes keep their remedies; a server failure is still "try
 * again", since a write not safe to repeat never reports one. */
static void
test_other_codes (void)
{
  static const struct {
    int code;
    LeadDeskErrorRemedy remedy;
  } cases[] = {
    { NEXOR_ERROR_SERVER, LEAD_DESK_ERROR_REMEDY_RETRY },
    { NEXOR_ERROR_TIMEOUT, LEAD_DESK_ERROR_REMEDY_RETRY },
    { NEXOR_ERROR_RATE_LIMITED, LEAD_DESK_ERROR_REMEDY_RETRY },
    { NEXOR_ERROR_UNAUTHORIZED, LEAD_DESK_ERROR_REMEDY_CONNECTION },
    { NEXOR_ERROR_INVALID_RESPONSE, LEAD_DESK_ERROR_REMEDY_CONNECTION },
    { NEXOR_ERROR_NOT_FOUND, LEAD_DESK_ERROR_REMEDY_NONE },
    { NEXOR_ERROR_ENDPOINT_NOT_FOUND, LEAD_DESK_ERROR_REMEDY_CONNECTION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (NEXOR_ERROR, cases[i].code, "HTTP 5xx");
      LeadDeskErrorRemedy remedy;
      g_autofree char *advice = lead_desk_error_advice (error, &remedy, NULL);

      g_assert_cmpint (remedy, ==, cases[i].remedy);
      g_assert_nonnull (advice);
    }
}

/* A wait the server named is not contradicted by "a minute". */
static void
test_rate_limited_wait (void)
{
  g_autoptr(GError) error = g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED,
                                                 "HTTP 429: Too many requests: the server asks for "
                                                 "a wait longer than 60 s (retry after 300 s)");
  LeadDeskErrorRemedy remedy;
  g_autofree char *advice = lead_desk_error_advice (error, &remedy, NULL);

  g_assert_nonnull (strstr (advice, "retry after 300 s"));
  g_assert_null (strstr (advice, "a minute"));
}

/* The remedy follows the code, never the message's words, which are
 * translated: the same refusal in English and in Spanish gets the same
 * button. */
static void
test_remedy_ignores_language (void)
{
  static const char * const messages[] = {
    "Invalid base URL “ftp://x”: it must start with http:// or https://",
    "URL base no válida «ftp://x»: debe comenzar con http:// o https://",
    "Invalid lead id “x”: expected a UUID such as 123e4567-e89b-12d3-a456-426614174000",
  };
  LeadDeskErrorRemedy first = LEAD_DESK_ERROR_REMEDY_RETRY;

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                     messages[i]);
      LeadDeskErrorRemedy remedy;
      g_autofree char *advice = lead_desk_error_advice (error, &remedy, NULL);

      if (i == 0)
        first = remedy;
      g_assert_cmpint (remedy, ==, first);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lead-desk/errors/outcome-unknown", test_outcome_unknown);
  g_test_add_func ("/lead-desk/errors/other-codes", test_other_codes);
  g_test_add_func ("/lead-desk/errors/remedy-ignores-language", test_remedy_ignores_language);
  g_test_add_func ("/lead-desk/errors/rate-limited-wait", test_rate_limited_wait);

  return g_test_run ();
}
