/* nexor-emulator-thread.c: run a NexorEmulator on its own thread
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * With the server on a thread of its own, a test can make blocking calls
 * from its main thread, or drive its own main context, without ever having
 * to iterate the server's.
 */

#include "nexor-emulator-thread.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "nexor-emulator-tls.h"

struct _NexorEmulatorThread
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;

  /* Owned by the server thread; valid from start until stop. */
  NexorEmulator *emulator;
  char *base_url;
  GTlsCertificate *tls_certificate;  /* NULL: plain http */
  char *ca_file;                     /* its certificate, PEM, removed at stop */

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
  nexor_emulator_set_tls_certificate (emulator, self->tls_certificate);
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
  g_clear_object (&self->tls_certificate);
  if (self->ca_file != NULL)
    g_unlink (self->ca_file);
  g_clear_pointer (&self->ca_file, g_free);
  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

static gboolean
write_ca_file (NexorEmulatorThread  *self,
               GError              **error)
{
  g_autofree char *pem = NULL;
  int fd;

  g_object_get (self->tls_certificate, "certificate-pem", &pem, NULL);
  fd = g_file_open_tmp ("nexor-test-ca-XXXXXX.pem", &self->ca_file, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  return g_file_set_contents (self->ca_file, pem, -1, error);
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
  return nexor_emulator_thread_start_full (FALSE, NULL, error);
}

/**
 * nexor_emulator_thread_start_full:
 * @tls: whether to serve https
 * @certificate: (nullable): with @tls, the certificate (and key) to serve,
 *   or %NULL for one made now for localhost, 127.0.0.1 and ::1
 * @error: return location for a #GError
 *
 * Like nexor_emulator_thread_start(), over https when @tls is set. The
 * certificate is then also written to a temporary file, for
 * #GTlsFileDatabase and `NEXOR_CA_FILE`: see
 * nexor_emulator_thread_get_ca_file().
 *
 * Returns: (transfer full) (nullable): the running thread, or %NULL on error
 */
NexorEmulatorThread *
nexor_emulator_thread_start_full (gboolean          tls,
                                  GTlsCertificate  *certificate,
                                  GError          **error)
{
  NexorEmulatorThread *self;

  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (NexorEmulatorThread, 1);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);

  if (tls)
    {
      self->tls_certificate = certificate != NULL ? g_object_ref (certificate)
                                                  : nexor_emulator_tls_generate (error);
      if (self->tls_certificate == NULL || !write_ca_file (self, error))
        {
          nexor_emulator_thread_free (self);
          return NULL;
        }
    }

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
 * nexor_emulator_thread_get_tls_certificate:
 * @self: a #NexorEmulatorThread
 *
 * Returns: (transfer none) (nullable): the certificate the emulator serves
 *   https with, or %NULL for plain http
 */
GTlsCertificate *
nexor_emulator_thread_get_tls_certificate (NexorEmulatorThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tls_certificate;
}

/**
 * nexor_emulator_thread_get_ca_file:
 * @self: a #NexorEmulatorThread
 *
 * Returns: (type filename) (nullable): a PEM file with the certificate
 *   clients must trust, removed when the thread stops; %NULL for plain http
 */
const char *
nexor_emulator_thread_get_ca_file (NexorEmulatorThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ca_file;
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
