/* lead-counter-helpers.h: the app's own introspected API over nexor-glib
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <nexor-glib.h>

G_BEGIN_DECLS

char *lead_counter_describe_client (NexorClient *client);

G_END_DECLS
