/* nexor-emulator-connections.c: closes connections their clients closed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libsoup 3.2's server never closes a keep-alive connection that its client
 * closed while it was idle between requests (fixed in libsoup 3.3): the
 * socket stays open for as long as the server runs. Every `nexor` command
 * and every client that drops its pool leaves one behind, so a long-running
 * emulator would run out of file descriptors after about a thousand of them.
 *
 * This watches the connections that are idle between requests and closes
 * those whose client has gone: a socket that polls readable but has nothing
 * to read is at end of file.
 *
 * It also numbers the connections, so that the request log can say which
 * one carried a request, and closes a connection once it is idle when a
 * fault asks for it (close-idle): what a server whose keep-alive timeout
 * ran out does, without a "Connection: close" to warn the client.
 */

#include "nexor-emulator-connections.h"

#include <errno.h>
#include <sys/socket.h>

/* How often idle connections are checked while there are any. */
#define SWEEP_INTERVAL_MS 250

struct _NexorEmulatorConnections
{
  SoupServer *server;        /* unowned: the emulator owns both */
  GHashTable *idle;          /* GSocket (ref) -> the same, between requests */
  GSource *sweep;            /* NULL while nothing is idle */
  guint closed;
  gint n_connections;        /* atomic: connections numbered so far */
  gint n_closed_idle;        /* atomic: connections closed for close-idle */
  GHashTable *close_when_idle;  /* GSocket (ref) -> delay in ms + 1 */
  GPtrArray *closers;        /* GSource: close-idle timers */
  gulong started_id;
  gulong finished_id;
  gulong aborted_id;
};

static gboolean sweep_cb (gpointer user_data);

static GQuark
serial_quark (void)
{
  return g_quark_from_static_string ("nexor-emulator-connection-serial");
}

static void
schedule_sweep (NexorEmulatorConnections *self)
{
  if (self->sweep != NULL || g_hash_table_size (self->idle) == 0)
    return;

  self->sweep = g_timeout_source_new (SWEEP_INTERVAL_MS);
  g_source_set_callback (self->sweep, sweep_cb, self, NULL);
  g_source_set_static_name (self->sweep, "[nexor-emulator] idle connections");
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
  NexorEmulatorConnections *self = user_data;
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
  NexorEmulatorConnections *self = user_data;
  GSocket *socket = soup_server_message_get_socket (message);

  if (socket == NULL)
    return;

  g_hash_table_remove (self->idle, socket);
  if (g_object_get_qdata (G_OBJECT (socket), serial_quark ()) == NULL)
    g_object_set_qdata (G_OBJECT (socket), serial_quark (),
                        GINT_TO_POINTER (g_atomic_int_add (&self->n_connections, 1) + 1));
}

typedef struct {
  NexorEmulatorConnections *self;
  GSocket *socket;
  GSource *source;
} Closer;

static void
closer_free (Closer *closer)
{
  g_source_destroy (closer->source);
  g_source_unref (closer->source);
  g_object_unref (closer->socket);
  g_free (closer);
}

/* A shutdown rather than a close: the client sees end of file (FIN), and
 * the server, reading end of file too, closes the connection its own way. */
static gboolean
close_idle_cb (gpointer user_data)
{
  Closer *closer = user_data;
  NexorEmulatorConnections *self = closer->self;

  if (!g_socket_is_closed (closer->socket))
    {
      /* Errors on a socket whose peer went first change nothing. */
      g_socket_shutdown (closer->socket, TRUE, TRUE, NULL);
      g_atomic_int_inc (&self->n_closed_idle);
    }
  g_ptr_array_remove_fast (self->closers, closer);
  return G_SOURCE_REMOVE;
}

static void
on_request_done (SoupServer        *server,
                 SoupServerMessage *message,
                 gpointer           user_data)
{
  NexorEmulatorConnections *self = user_data;
  GSocket *socket = soup_server_message_get_socket (message);

  gpointer delay;

  if (socket == NULL || g_socket_is_closed (socket))
    return;

  if (g_hash_table_steal_extended (self->close_when_idle, socket, NULL, &delay))
    {
      Closer *closer = g_new0 (Closer, 1);

      closer->self = self;
      closer->socket = socket;  /* the reference the table held */
      closer->source = g_timeout_source_new (GPOINTER_TO_UINT (delay) - 1);
      g_source_set_callback (closer->source, close_idle_cb, closer, NULL);
      g_source_set_static_name (closer->source, "[nexor-emulator] close-idle");
      g_source_attach (closer->source, g_main_context_get_thread_default ());
      g_ptr_array_add (self->closers, closer);
      return;
    }

  g_hash_table_add (self->idle, g_object_ref (socket));
  schedule_sweep (self);
}

/**
 * nexor_emulator_connections_new:
 * @server: the server whose connections to watch
 *
 * Starts watching @server's connections. Idle ones are checked in the
 * thread-default main context of the thread that handles the requests.
 *
 * Returns: (transfer full): the watcher; free it before @server goes
 */
NexorEmulatorConnections *
nexor_emulator_connections_new (SoupServer *server)
{
  NexorEmulatorConnections *self;

  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);

  self = g_new0 (NexorEmulatorConnections, 1);
  self->server = server;
  self->idle = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->close_when_idle = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->closers = g_ptr_array_new_with_free_func ((GDestroyNotify) closer_free);
  self->started_id = g_signal_connect (server, "request-started", G_CALLBACK (on_request_started), self);
  self->finished_id = g_signal_connect (server, "request-finished", G_CALLBACK (on_request_done), self);
  self->aborted_id = g_signal_connect (server, "request-aborted", G_CALLBACK (on_request_done), self);

  return self;
}

void
nexor_emulator_connections_free (NexorEmulatorConnections *self)
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
  g_ptr_array_unref (self->closers);
  g_hash_table_unref (self->close_when_idle);
  g_free (self);
}

/**
 * nexor_emulator_connections_get_closed:
 * @self: the watcher
 *
 * Returns: how many connections were closed because their client had gone
 */
guint
nexor_emulator_connections_get_closed (NexorEmulatorConnections *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->closed;
}

/**
 * nexor_emulator_connections_get_serial:
 * @self: the watcher
 * @socket: a connection's socket
 *
 * Returns: the number of @socket's connection, counting from 1 in the
 *   order their first requests came, or 0 if it carried none yet
 */
guint
nexor_emulator_connections_get_serial (NexorEmulatorConnections *self,
                                       GSocket                  *socket)
{
  g_return_val_if_fail (self != NULL, 0);

  if (socket == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (socket), serial_quark ()));
}

/**
 * nexor_emulator_connections_get_count:
 * @self: the watcher
 *
 * Returns: how many connections carried a request so far. Thread-safe.
 */
guint
nexor_emulator_connections_get_count (NexorEmulatorConnections *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) g_atomic_int_get (&self->n_connections);
}

/**
 * nexor_emulator_connections_close_when_idle:
 * @self: the watcher
 * @socket: the socket of a connection with a request in progress
 * @delay_ms: how long after the answer was sent
 *
 * Shuts @socket's connection down @delay_ms after the current request's
 * answer went out, with no "Connection: close" before: a keep-alive
 * timeout as the client meets it.
 */
void
nexor_emulator_connections_close_when_idle (NexorEmulatorConnections *self,
                                            GSocket                  *socket,
                                            guint                     delay_ms)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_SOCKET (socket));

  g_hash_table_replace (self->close_when_idle, g_object_ref (socket),
                        GUINT_TO_POINTER (MIN (delay_ms, G_MAXUINT - 1) + 1));
}

/**
 * nexor_emulator_connections_get_closed_idle:
 * @self: the watcher
 *
 * Returns: how many connections were shut down for close-idle so far.
 *   Thread-safe.
 */
guint
nexor_emulator_connections_get_closed_idle (NexorEmulatorConnections *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) g_atomic_int_get (&self->n_closed_idle);
}
