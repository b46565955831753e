/* nexor-emulator-thread.h: run a NexorEmulator on its own thread
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "nexor-emulator.h"

G_BEGIN_DECLS

typedef struct _NexorEmulatorThread NexorEmulatorThread;

NexorEmulatorThread *nexor_emulator_thread_start        (GError              **error);
NexorEmulatorThread *nexor_emulator_thread_start_full   (gboolean              tls,
                                                         GTlsCertificate      *certificate,
                                                         GError              **error);
NexorEmulator       *nexor_emulator_thread_get_emulator (NexorEmulatorThread  *self);
const char          *nexor_emulator_thread_get_base_url (NexorEmulatorThread  *self);
GTlsCertificate     *nexor_emulator_thread_get_tls_certificate (NexorEmulatorThread *self);
const char          *nexor_emulator_thread_get_ca_file  (NexorEmulatorThread  *self);
void                 nexor_emulator_thread_stop         (NexorEmulatorThread  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorEmulatorThread, nexor_emulator_thread_stop)

G_END_DECLS
