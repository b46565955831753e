/* nexor-deadline-private.h: a whole-call deadline that cancels a cancellable
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _NexorDeadline NexorDeadline;

/* Cancels @cancellable at @expiry_us, in g_get_monotonic_time()'s µs (never
 * with 0; at once if it has passed), unless stopped first. Safe from any
 * thread. */
NexorDeadline *_nexor_deadline_start     (GCancellable  *cancellable,
                                          gint64         expiry_us);
/* Disarms and frees @deadline. */
void           _nexor_deadline_stop      (NexorDeadline *deadline);
/* Whether it ran out and cancelled (as opposed to the caller cancelling). */
gboolean       _nexor_deadline_has_fired (NexorDeadline *deadline);

G_END_DECLS
