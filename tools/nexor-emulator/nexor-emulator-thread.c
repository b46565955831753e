/* nexor-emulator-thread.c: run a NexorEmulator on its own thread
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * With the server on a thread of its own, a test can make blocking calls
 * from its main thread, or drive its own main context, without ever having
 * to iterate the server's.
 */

#include "nexor-emulator-thread.h"

struct _NexorEmulatorThread
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;

  /* Owned by the server thread; valid from start until stop. */
  NexorEmulator *emulator;
  char *base_url;

  GMutex mutex;
  GCond cond;
  gboolean ready;
  GError *error;
};

static void
signal_ready (NexorEmulatorThread *self)
{
  g_mutex_lock (&self->mutex);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/* Runs as the loop's first dispatch, so once start() returns a quit can no
 * longer be lost by arriving before g_main_loop_run(). */
static gboolean
loop_running_cb (gpointer user_data)
{
  signal_ready (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
quit_loop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

static gpointer
emulator_thread_func (gpointer user_data)
{
  NexorEmulatorThread *self = user_data;
  g_autoptr(NexorEmulator) emulator = NULL;
  GSource *idle;

  g_main_context_push_thread_default (self->context);

  emulator = nexor_emulator_new (NULL);
  if (!nexor_emulator_listen_local (emulator, 0, &self->error))
    {
      g_clear_object (&emulator);
      g_main_context_pop_thread_default (self->context);
      signal_ready (self);
      return NULL;
    }

  self->emulator = emulator;
  self->base_url = nexor_emulator_dup_base_url (emulator);

  idle = g_idle_source_new ();
  g_source_set_callback (idle, loop_running_cb, self, NULL);
  g_source_attach (idle, self->context);
  g_source_unref (idle);

  g_main_loop_run (self->loop);

  self->emulator = NULL;
  g_clear_object (&emulator);

  /* Let the server's connections finish closing, so nothing is left in the
   * context when it is freed. */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static void
nexor_emulator_thread_free (NexorEmulatorThread *self)
{
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

/**
 * nexor_emulator_thread_start:
 * @error: return location for a #GError
 *
 * Starts a thread with its own main context, creates a #NexorEmulator there
 * that accepts %NEXOR_EMULATOR_DEFAULT_API_KEY, and has it listen on a free
 * loopback port. Returns once the emulator serves requests.
 *
 * Returns: (transfer full) (nullable): the running thread, or %NULL on error
 */
NexorEmulatorThread *
nexor_emulator_thread_start (GError **error)
{
  NexorEmulatorThread *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (NexorEmulatorThread, 1);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);

  self->thread = g_thread_new ("nexor-emulator", emulator_thread_func, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->error != NULL)
    {
      g_thread_join (self->thread);
      g_propagate_error (error, g_steal_pointer (&self->error));
      nexor_emulator_thread_free (self);
      return NULL;
    }

  return self;
}

/**
 * nexor_emulator_thread_get_emulator:
 * @self: a #NexorEmulatorThread
 *
 * Returns the emulator, for its thread-safe test hooks. It lives on the
 * server thread: do not call its other methods from elsewhere.
 *
 * Returns: (transfer none): the emulator
 */
NexorEmulator *
nexor_emulator_thread_get_emulator (NexorEmulatorThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->emulator;
}

/**
 * nexor_emulator_thread_get_base_url:
 * @self: a #NexorEmulatorThread
 *
 * Returns: (transfer none): the emulator's base URL
 */
const char *
nexor_emulator_thread_get_base_url (NexorEmulatorThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->base_url;
}

/**
 * nexor_emulator_thread_stop:
 * @self: (transfer full): a #NexorEmulatorThread
 *
 * Stops the server thread, waits for it and frees @self.
 */
void
nexor_emulator_thread_stop (NexorEmulatorThread *self)
{
  GSource *quit;

  g_return_if_fail (self != NULL);

  quit = g_idle_source_new ();
  g_source_set_callback (quit, quit_loop_cb, self->loop, NULL);
  g_source_attach (quit, self->context);
  g_source_unref (quit);

  g_thread_join (self->thread);
  nexor_emulator_thread_free (self);
}
