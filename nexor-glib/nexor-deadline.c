/* nexor-deadline.c: one timer thread cancels calls that run out of time, for
 * the blocking calls (which have no main context) and the async ones alike
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-deadline-private.h"

/* The timer thread sleeps until the earliest deadline it knows of, and a new
 * deadline wakes it only when it is earlier than that, which with one timeout
 * per client almost never happens: starting and stopping a call's deadline is
 * a mutex and a list link. (A GSource per call woke the thread twice per call,
 * a fifth of a keep-alive round trip's CPU; see docs/performance.md.) */
struct _NexorDeadline {
  GCancellable *cancellable;
  gint64 expiry;            /* monotonic µs; 0 for no deadline */
  GList link;               /* in the queue while armed */
  gboolean queued;
  gint fired;
};

static GMutex deadlines_lock;
static GCond deadlines_cond;
static GQueue deadlines = G_QUEUE_INIT;   /* sorted by expiry */
static gint64 timer_wakes_at = G_MAXINT64;

static void
deadline_clear (gpointer data)
{
  NexorDeadline *deadline = data;

  g_object_unref (deadline->cancellable);
}

static void
deadline_unref (NexorDeadline *deadline)
{
  g_atomic_rc_box_release_full (deadline, deadline_clear);
}

static gpointer
timer_thread_main (gpointer data)
{
  g_mutex_lock (&deadlines_lock);
  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      NexorDeadline *head;

      while ((head = g_queue_peek_head (&deadlines)) != NULL && head->expiry <= now)
        {
          g_queue_unlink (&deadlines, &head->link);
          head->queued = FALSE;
          g_atomic_int_set (&head->fired, TRUE);
          g_atomic_rc_box_acquire (head);
          g_mutex_unlock (&deadlines_lock);
          g_cancellable_cancel (head->cancellable);
          deadline_unref (head);
          g_mutex_lock (&deadlines_lock);
        }

      timer_wakes_at = head != NULL ? head->expiry : G_MAXINT64;
      if (head != NULL)
        g_cond_wait_until (&deadlines_cond, &deadlines_lock, timer_wakes_at);
      else
        g_cond_wait (&deadlines_cond, &deadlines_lock);
    }

  return NULL;
}

static void
ensure_timer_thread (void)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("nexor-timer", timer_thread_main, NULL));
      g_once_init_leave (&started, 1);
    }
}

NexorDeadline *
_nexor_deadline_start (GCancellable *cancellable,
                       gint64        expiry_us)
{
  NexorDeadline *deadline = g_atomic_rc_box_new0 (NexorDeadline);
  GList *after;

  deadline->cancellable = g_object_ref (cancellable);
  deadline->link.data = deadline;
  if (expiry_us == 0)
    return deadline;

  ensure_timer_thread ();
  deadline->expiry = expiry_us;

  g_mutex_lock (&deadlines_lock);
  /* Usually the latest: insert from the tail. */
  for (after = deadlines.tail; after != NULL && ((NexorDeadline *) after->data)->expiry > deadline->expiry;
       after = after->prev)
    ;
  if (after != NULL)
    g_queue_insert_after_link (&deadlines, after, &deadline->link);
  else
    g_queue_push_head_link (&deadlines, &deadline->link);
  deadline->queued = TRUE;
  if (deadline->expiry < timer_wakes_at)
    {
      timer_wakes_at = deadline->expiry;
      g_cond_signal (&deadlines_cond);
    }
  g_mutex_unlock (&deadlines_lock);

  return deadline;
}

void
_nexor_deadline_stop (NexorDeadline *deadline)
{
  if (deadline->expiry != 0)
    {
      g_mutex_lock (&deadlines_lock);
      if (deadline->queued)
        {
          g_queue_unlink (&deadlines, &deadline->link);
          deadline->queued = FALSE;
        }
      g_mutex_unlock (&deadlines_lock);
    }
  deadline_unref (deadline);
}


gboolean
_nexor_deadline_has_fired (NexorDeadline *deadline)
{
  return g_atomic_int_get (&deadline->fired);
}
