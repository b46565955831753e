/* nexor-cli-recent.h: the ids a user worked with lately, for completion
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Kinds of id the cache keeps. */
#define NEXOR_CLI_RECENT_LEAD "lead"
#define NEXOR_CLI_RECENT_TAG  "tag"

/* Remembers @id (a UUID; anything else is ignored) for nexor_cli_recent_save(). */
void  nexor_cli_recent_note   (const char *kind,
                               const char *id);
/* Drops @id from the cache at nexor_cli_recent_save() (a deleted tag). */
void  nexor_cli_recent_forget (const char *kind,
                               const char *id);
/* Writes what was noted to $XDG_CACHE_HOME/nexor/recent-ids (mode 0600, at
 * most 50 ids of each kind); failures are ignored. */
void  nexor_cli_recent_save   (void);
/* The ids of @kind in the cache, most recent first; never NULL. */
GStrv nexor_cli_recent_load   (const char *kind);
void  nexor_cli_recent_clear  (void);

G_END_DECLS
