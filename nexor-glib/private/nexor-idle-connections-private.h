/* nexor-idle-connections-private.h: closes server connections their clients closed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _NexorIdleConnections NexorIdleConnections;

/* Watches @server's connections between requests, in the thread-default
 * main context of the thread that handles them; free it before @server. */
NexorIdleConnections *_nexor_idle_connections_new        (SoupServer           *server);
void                  _nexor_idle_connections_free       (NexorIdleConnections *self);
guint                 _nexor_idle_connections_get_closed (NexorIdleConnections *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorIdleConnections, _nexor_idle_connections_free)

G_END_DECLS
