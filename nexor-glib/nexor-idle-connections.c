/* nexor-idle-connections.c: closes server connections their clients closed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libsoup 3.2's server never closes a keep-alive connection that its client
 * closed while it was idle between requests (fixed in libsoup 3.3): the
 * socket stays open for as long as the server runs. Every sender that drops
 * its connection between deliveries leaves one behind, so a long-running
 * webhook receiver would run out of file descriptors after about a thousand
 * of them.
 *
 * The emulator, which does not link the library, has its own copy of this
 * (tools/nexor-emulator/nexor-emulator-connections.c); see
 * docs/reliability.md.
 *
 * This watches the connections that are idle between requests and closes
 * those whose client has gone: a socket that polls readable but has nothing
 * to read is at end of file.
 */

#include "config.h"

#include "nexor-idle-connections-private.h"

#include <errno.h>
#include <sys/socket.h>

/* How often idle connections are checked while there are any. */
#define SWEEP_INTERVAL_MS 250

struct _NexorIdleConnections
{
  SoupServer *server;        /* unowned: its owner owns both */
  GHashTable *idle;          /* GSocket (ref) -> the same, between requests */
  GSource *sweep;            /* NULL while nothing is idle */
  guint closed;
  gulong started_id;
  gulong finished_id;
  gulong aborted_id;
};

static gboolean sweep_cb (gpointer user_data);

static void
schedule_sweep (NexorIdleConnections *self)
{
  if (self->sweep != NULL || g_hash_table_size (self->idle) == 0)
    return;

  self->sweep = g_timeout_source_new (SWEEP_INTERVAL_MS);
  g_source_set_callback (self->sweep, sweep_cb, self, NULL);
  g_source_set_static_name (self->sweep, "[nexor-glib] idle connections");
  g_source_attach (self->sweep, g_main_context_get_thread_default ());
}

/* TRUE if the peer has closed @socket: it is readable, and reading would
 * return end of file (or fail) rather than a byte of a next request. */
static gboolean
peer_has_closed (GSocket *socket)
{
  GIOCondition condition = g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR);
  char byte;
  ssize_t n;

  if (condition == 0)
    return FALSE;
  if (condition & (G_IO_HUP | G_IO_ERR))
    return TRUE;

  /* MSG_PEEK leaves a next request's first byte where libsoup will read it. */
  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n > 0)
    return FALSE;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return FALSE;

  return TRUE;
}

static gboolean
sweep_cb (gpointer user_data)
{
  NexorIdleConnections *self = user_data;
  GHashTableIter iter;
  GSocket *socket;

  g_hash_table_iter_init (&iter, self->idle);
  while (g_hash_table_iter_next (&iter, (gpointer *) &socket, NULL))
    {
      if (g_socket_is_closed (socket))
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }

      if (!peer_has_closed (socket))
        continue;

      /* Errors closing a socket whose peer is gone change nothing. */
      g_socket_close (socket, NULL);
      self->closed++;
      g_hash_table_iter_remove (&iter);
    }

  if (g_hash_table_size (self->idle) > 0)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->sweep, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *message,
                    gpointer           user_data)
{
  NexorIdleConnections *self = user_data;
  GSocket *socket = soup_server_message_get_socket (message);

  if (socket != NULL)
    g_hash_table_remove (self->idle, socket);
}

static void
on_request_done (SoupServer        *server,
                 SoupServerMessage *message,
                 gpointer           user_data)
{
  NexorIdleConnections *self = user_data;
  GSocket *socket = soup_server_message_get_socket (message);

  if (socket == NULL || g_socket_is_closed (socket))
    return;

  g_hash_table_add (self->idle, g_object_ref (socket));
  schedule_sweep (self);
}

/* _nexor_idle_connections_new:
 * @server: the server whose connections to watch
 *
 * Starts watching @server's connections. Idle ones are checked in the
 * thread-default main context of the thread that handles the requests.
 *
 * Returns: (transfer full): the watcher; free it before @server goes
 */
NexorIdleConnections *
_nexor_idle_connections_new (SoupServer *server)
{
  NexorIdleConnections *self;

  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);

  self = g_new0 (NexorIdleConnections, 1);
  self->server = server;
  self->idle = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->started_id = g_signal_connect (server, "request-started", G_CALLBACK (on_request_started), self);
  self->finished_id = g_signal_connect (server, "request-finished", G_CALLBACK (on_request_done), self);
  self->aborted_id = g_signal_connect (server, "request-aborted", G_CALLBACK (on_request_done), self);

  return self;
}

void
_nexor_idle_connections_free (NexorIdleConnections *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->started_id, self->server);
  g_clear_signal_handler (&self->finished_id, self->server);
  g_clear_signal_handler (&self->aborted_id, self->server);
  if (self->sweep != NULL)
    {
      g_source_destroy (self->sweep);
      g_clear_pointer (&self->sweep, g_source_unref);
    }
  g_hash_table_unref (self->idle);
  g_free (self);
}

/* _nexor_idle_connections_get_closed:
 * @self: the watcher
 *
 * Returns: how many connections were closed because their client had gone
 */
guint
_nexor_idle_connections_get_closed (NexorIdleConnections *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->closed;
}
