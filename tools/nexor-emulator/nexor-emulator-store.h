/* nexor-emulator-store.h: the emulator's in-memory account data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NEXOR_EMULATOR_TYPE_STORE (nexor_emulator_store_get_type ())

G_DECLARE_FINAL_TYPE (NexorEmulatorStore, nexor_emulator_store, NEXOR_EMULATOR, STORE, GObject)

NexorEmulatorStore *nexor_emulator_store_new               (void);
gboolean            nexor_emulator_store_load_data         (NexorEmulatorStore  *self,
                                                            const char          *data,
                                                            gssize               length,
                                                            GError             **error);
gboolean            nexor_emulator_store_load_seed         (NexorEmulatorStore  *self,
                                                            GError             **error);
gboolean            nexor_emulator_store_open_data_file    (NexorEmulatorStore  *self,
                                                            const char          *path,
                                                            GError             **error);
const char         *nexor_emulator_store_get_data_file     (NexorEmulatorStore  *self);
gboolean            nexor_emulator_store_save_if_changed   (NexorEmulatorStore  *self,
                                                            GError             **error);
JsonNode           *nexor_emulator_store_dup_state         (NexorEmulatorStore  *self);
guint               nexor_emulator_store_get_n_leads       (NexorEmulatorStore  *self);
gboolean            nexor_emulator_store_has_lead          (NexorEmulatorStore  *self,
                                                            const char          *id);
JsonNode           *nexor_emulator_store_dup_lead_response (NexorEmulatorStore  *self,
                                                            const char          *id);
JsonArray          *nexor_emulator_store_dup_webhooks      (NexorEmulatorStore  *self);
void                nexor_emulator_store_set_webhooks      (NexorEmulatorStore  *self,
                                                            JsonArray           *webhooks);

char               *nexor_emulator_normalize_uuid          (const char          *text);

G_END_DECLS
