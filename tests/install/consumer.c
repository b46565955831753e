/* consumer.c: a program built against an installed nexor-glib
 *
 * Compiled by run-install-test.sh with `pkg-config nexor-glib-1`, shared and
 * static. It needs no network: a lead id that is not a UUID is refused before
 * any request is sent.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>

#include <nexor-glib.h>

#if !NEXOR_CHECK_VERSION (0, 1, 0)
# error "nexor-glib 0.1.0 or later is needed"
#endif

#if NEXOR_CHECK_VERSION (NEXOR_MAJOR_VERSION + 1, 0, 0)
# error "NEXOR_CHECK_VERSION accepts a later major version"
#endif

int
main (void)
{
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  GEnumClass *enum_class;
  gboolean known;

  /* Nothing listens on port 1: a request would fail with a transport error. */
  client = nexor_client_new_for_url ("http://127.0.0.1:1/api/public", "nxr_live_consumer_test", &error);
  if (!NEXOR_IS_CLIENT (client))
    {
      fprintf (stderr, "nexor_client_new_for_url did not return a NexorClient: %s\n",
               error != NULL ? error->message : "no error");
      return 1;
    }

  lead = nexor_client_get_lead (client, "not-a-uuid", NULL, &error);
  if (lead != NULL || !g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT))
    {
      fprintf (stderr, "expected NEXOR_ERROR_INVALID_ARGUMENT, got %s\n",
               error != NULL ? error->message : "a lead");
      return 1;
    }

  enum_class = g_type_class_ref (NEXOR_TYPE_ERROR);
  known = g_enum_get_value (enum_class, NEXOR_ERROR_NOT_FOUND) != NULL;
  g_type_class_unref (enum_class);
  if (!known)
    {
      fprintf (stderr, "the NexorError GType has no NOT_FOUND value\n");
      return 1;
    }

  printf ("nexor-glib %s: %s\n", NEXOR_VERSION_S, error->message);
  return 0;
}
