/* lead-counter-helpers.c: the app's own introspected API over nexor-glib
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "lead-counter-helpers.h"

/**
 * lead_counter_describe_client:
 * @client: a client
 *
 * Returns: (transfer full): the URL @client talks to
 */
char *
lead_counter_describe_client (NexorClient *client)
{
  return g_strdup (nexor_client_get_base_url (client));
}
