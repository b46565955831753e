/* nexor-emulator-connections.h: closes connections their clients closed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _NexorEmulatorConnections NexorEmulatorConnections;

NexorEmulatorConnections *nexor_emulator_connections_new        (SoupServer               *server);
void                      nexor_emulator_connections_free       (NexorEmulatorConnections *self);
guint                     nexor_emulator_connections_get_closed (NexorEmulatorConnections *self);
guint                     nexor_emulator_connections_get_serial (NexorEmulatorConnections *self,
                                                                 GSocket                  *socket);
guint                     nexor_emulator_connections_get_count  (NexorEmulatorConnections *self);
void                      nexor_emulator_connections_close_when_idle (NexorEmulatorConnections *self,
                                                                      GSocket                  *socket,
                                                                      guint                     delay_ms);
guint                     nexor_emulator_connections_get_closed_idle (NexorEmulatorConnections *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorEmulatorConnections, nexor_emulator_connections_free)

G_END_DECLS
