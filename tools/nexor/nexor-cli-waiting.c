/* nexor-cli-waiting.c: shows on a terminal that a request is waiting
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-output.h"

/* A request answered within this goes unremarked: a line that flashes for
 * every quick call is noise. */
#define SHOW_AFTER_US    (1 * G_USEC_PER_SEC)
#define TICK_US          (G_USEC_PER_SEC / 8)

/* The commands make blocking calls, so the line is drawn by a thread of its
 * own; the session's request-queued/-unqueued signals say when a request is
 * in flight, and NexorClient::retry-scheduled when the client waits to try
 * again. Everything below is guarded by @lock. */
static struct {
  GMutex       lock;
  GCond        cond;
  GThread     *thread;
  gboolean     quit;
  char        *url;            /* as shown: no user information, no controls */
  guint        max_attempts;
  guint        in_flight;      /* requests queued and not yet unqueued */
  gint64       since;          /* when this call began (monotonic µs) */
  gint64       show_at;        /* when the line may appear */
  gint64       retry_at;       /* when a scheduled retry is sent, or 0 */
  guint        attempt;        /* the attempt in flight */
  guint        next_attempt;   /* announced by retry-scheduled, or 0 */
  guint        frame;
  gboolean     shown;
} waiting;

static gboolean
waiting_is_active_locked (gint64 now)
{
  return waiting.in_flight > 0 || (waiting.retry_at != 0 && waiting.retry_at > now);
}

static void
waiting_erase_locked (void)
{
  if (waiting.shown)
    nexor_cli_progress_clear ();
  waiting.shown = FALSE;
}

static void
waiting_draw_locked (gint64 now)
{
  static const char * const utf8_frames[] = { "⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏" };
  static const char * const ascii_frames[] = { "|", "/", "-", "\\" };
  gboolean utf8 = nexor_cli_output_is_utf8 ();
  const char *frame = utf8 ? utf8_frames[waiting.frame % G_N_ELEMENTS (utf8_frames)]
                           : ascii_frames[waiting.frame % G_N_ELEMENTS (ascii_frames)];
  const char *dots = utf8 ? "…" : "...";
  g_autofree char *details = NULL;

  waiting.frame++;
  if (waiting.retry_at > now)
    {
      int left_s = (int) ((waiting.retry_at - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

      /* Seconds as int: a translatable format cannot hold G_GINT64_FORMAT. */
      details = g_strdup_printf (_("retrying in %d s, attempt %u of %u"),
                                 (int) MIN (MAX (left_s, 1), G_MAXINT),
                                 waiting.next_attempt, waiting.max_attempts);
    }
  else if (waiting.attempt > 1)
    {
      details = g_strdup_printf (_("%d s, attempt %u of %u"),
                                 (int) MIN ((now - waiting.since) / G_USEC_PER_SEC, G_MAXINT),
                                 waiting.attempt, waiting.max_attempts);
    }
  else
    {
      details = g_strdup_printf (_("%d s"), (int) MIN ((now - waiting.since) / G_USEC_PER_SEC, G_MAXINT));
    }

  /* TRANSLATORS: a spinner frame, the server, an ellipsis, how long or which attempt */
  nexor_cli_progress (_("%s Waiting for %s%s (%s)"), frame, waiting.url, dots, details);
  waiting.shown = TRUE;
}

static gpointer
waiting_thread_main (gpointer data)
{
  g_mutex_lock (&waiting.lock);
  while (!waiting.quit)
    {
      gint64 now = g_get_monotonic_time ();

      if (waiting_is_active_locked (now) && now >= waiting.show_at)
        waiting_draw_locked (now);
      else
        waiting_erase_locked ();

      g_cond_wait_until (&waiting.cond, &waiting.lock, g_get_monotonic_time () + TICK_US);
    }
  waiting_erase_locked ();
  g_mutex_unlock (&waiting.lock);

  return NULL;
}

static void
on_request_queued (SoupSession *session,
                   SoupMessage *message,
                   gpointer     user_data)
{
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&waiting.lock);
  /* A retry goes on with the call's wait, already shown; anything else
   * starts a new one. */
  if (waiting.next_attempt == 0 && !waiting_is_active_locked (now))
    {
      waiting.since = now;
      waiting.show_at = now + SHOW_AFTER_US;
    }
  waiting.attempt = waiting.next_attempt > 0 ? waiting.next_attempt : 1;
  waiting.next_attempt = 0;
  waiting.retry_at = 0;
  waiting.in_flight++;
  g_cond_signal (&waiting.cond);
  g_mutex_unlock (&waiting.lock);
}

static void
on_request_unqueued (SoupSession *session,
                     SoupMessage *message,
                     gpointer     user_data)
{
  g_mutex_lock (&waiting.lock);
  if (waiting.in_flight > 0)
    waiting.in_flight--;
  /* Erased here, in the thread that goes on to print the answer. */
  if (!waiting_is_active_locked (g_get_monotonic_time ()))
    waiting_erase_locked ();
  g_cond_signal (&waiting.cond);
  g_mutex_unlock (&waiting.lock);
}

static void
on_retry_scheduled (NexorClient  *client,
                    guint         attempt,
                    guint         delay_ms,
                    const GError *error,
                    gpointer      user_data)
{
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&waiting.lock);
  if (!waiting_is_active_locked (now))
    waiting.since = now;
  /* A retry is news: shown at once. */
  waiting.show_at = now;
  waiting.next_attempt = attempt;
  waiting.max_attempts = nexor_client_get_max_retries (client) + 1;
  waiting.retry_at = now + (gint64) delay_ms * 1000 + 1;
  g_cond_signal (&waiting.cond);
  g_mutex_unlock (&waiting.lock);
}

/**
 * nexor_cli_waiting_watch:
 * @client: the client whose requests to watch
 * @display_url: the base URL as it may be shown
 *
 * When standard error is a terminal, shows a one-line status there while a
 * request of @client has waited more than a second, or while it waits to
 * retry ("Waiting for URL… (retrying in 3 s, attempt 2 of 3)"), and erases
 * it before anything else is printed. Does nothing otherwise.
 */
void
nexor_cli_waiting_watch (NexorClient *client,
                         const char  *display_url)
{
  g_autoptr(SoupSession) session = NULL;

  if (!nexor_cli_progress_enabled () || waiting.thread != NULL)
    return;

  g_object_get (client, "session", &session, NULL);
  if (session == NULL)
    return;

  {
    g_autofree char *shown = nexor_cli_ellipsize (display_url != NULL ? display_url
                                                                      : _("the server"), 60);

    waiting.url = nexor_cli_sanitize (shown);
  }
  waiting.max_attempts = nexor_client_get_max_retries (client) + 1;
  g_signal_connect (session, "request-queued", G_CALLBACK (on_request_queued), NULL);
  g_signal_connect (session, "request-unqueued", G_CALLBACK (on_request_unqueued), NULL);
  g_signal_connect (client, "retry-scheduled", G_CALLBACK (on_retry_scheduled), NULL);
  waiting.thread = g_thread_new ("nexor-cli-waiting", waiting_thread_main, NULL);
}

/* Stops the thread and erases the line; call before exiting. */
void
nexor_cli_waiting_stop (void)
{
  if (waiting.thread == NULL)
    return;

  g_mutex_lock (&waiting.lock);
  waiting.quit = TRUE;
  g_cond_signal (&waiting.cond);
  g_mutex_unlock (&waiting.lock);
  g_thread_join (g_steal_pointer (&waiting.thread));
  g_clear_pointer (&waiting.url, g_free);
}
