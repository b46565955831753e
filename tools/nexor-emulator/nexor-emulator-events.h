/* nexor-emulator-events.h: the webhook events the routes raise
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "nexor-emulator-store.h"

G_BEGIN_DECLS

/* One event: what happened, once. Every delivery of it (to each
 * subscription, each attempt) carries the same event_id and timestamp. */
typedef struct {
  char       *event_type;
  char       *event_id;
  char       *timestamp;   /* when it happened: UTC, with milliseconds */
  JsonObject *data;
} NexorEmulatorEvent;

/* The event types of §6, in the order the docs list them. */
extern const char * const nexor_emulator_event_types[];

NexorEmulatorEvent *nexor_emulator_event_new       (const char          *event_type,
                                                    JsonObject          *data);
void                nexor_emulator_event_free      (NexorEmulatorEvent  *event);
gboolean            nexor_emulator_event_type_is_known (const char      *event_type);

char               *nexor_emulator_now_millis      (void);

void                nexor_emulator_store_collect_events (NexorEmulatorStore *store,
                                                         gboolean            collect);
GPtrArray          *nexor_emulator_store_take_events    (NexorEmulatorStore *store);
JsonObject         *nexor_emulator_store_sample_event_data (NexorEmulatorStore *store,
                                                            const char         *event_type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorEmulatorEvent, nexor_emulator_event_free)

G_END_DECLS
