/* lead-counter.c: the subproject consumer's program
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <nexor-glib.h>

int
main (void)
{
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  const char *mismatch = nexor_check_version (NEXOR_MAJOR_VERSION, NEXOR_MINOR_VERSION, 0);

  if (mismatch != NULL)
    {
      g_printerr ("%s\n", mismatch);
      return 1;
    }

  /* No network: an invalid id is refused before any request. */
  client = nexor_client_new_for_url ("http://127.0.0.1:1/api/public", "nxr_live_subproject_test", &error);
  if (client == NULL)
    {
      g_printerr ("cannot build the client: %s\n", error->message);
      return 1;
    }
  lead = nexor_client_get_lead (client, "..", NULL, &error);
  if (lead != NULL || !g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT))
    {
      g_printerr ("expected an invalid-argument error, got %s\n",
                  error != NULL ? error->message : "a lead");
      return 1;
    }

  g_print ("nexor-glib %u.%u.%u\n", nexor_get_major_version (),
           nexor_get_minor_version (), nexor_get_micro_version ());
  return 0;
}
