/* bench-common.h: clocks and the result line every C benchmark prints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every benchmark prints one JSON object per measured batch on its own line
 * of stdout; bench/run.py collects them:
 *
 *   {"bench":"client","impl":"nexor","mode":"sync","n":500,
 *    "user_us":…,"sys_us":…,"wall_us":…}
 *
 * CPU is user + system time of the whole process (every thread: libsoup's,
 * the library's timer thread, the resolver's) from getrusage(RUSAGE_SELF),
 * because on a 2-core machine shared with the server, wall time alone
 * mostly measures the scheduler.
 */

#pragma once

#include <glib.h>
#include <stdio.h>
#include <sys/resource.h>

G_BEGIN_DECLS

typedef struct {
  gint64 wall_us;
  gint64 user_us;
  gint64 sys_us;
} BenchClock;

static inline void
bench_clock_now (BenchClock *clock)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  clock->user_us = (gint64) ru.ru_utime.tv_sec * G_USEC_PER_SEC + ru.ru_utime.tv_usec;
  clock->sys_us = (gint64) ru.ru_stime.tv_sec * G_USEC_PER_SEC + ru.ru_stime.tv_usec;
  clock->wall_us = g_get_monotonic_time ();
}

/* Prints one result line; @extra is NULL or more JSON members ("\"k\":1"). */
static inline void
bench_report (const char       *bench,
              const char       *impl,
              const char       *mode,
              guint             n,
              const BenchClock *start,
              const BenchClock *end,
              const char       *extra)
{
  printf ("{\"bench\":\"%s\",\"impl\":\"%s\",\"mode\":\"%s\",\"n\":%u,"
          "\"user_us\":%" G_GINT64_FORMAT ",\"sys_us\":%" G_GINT64_FORMAT ","
          "\"wall_us\":%" G_GINT64_FORMAT "%s%s}\n",
          bench, impl, mode, n,
          end->user_us - start->user_us, end->sys_us - start->sys_us,
          end->wall_us - start->wall_us,
          extra != NULL ? "," : "", extra != NULL ? extra : "");
  fflush (stdout);
}

/* With --stdin the runner drives the batches, so that contenders alternate
 * batch by batch and drift on a shared machine hits them alike: the program
 * prints a ready line after its warm-up, then reads one count per line and
 * answers each with one result line, until end of input. */
static inline void
bench_ready (void)
{
  printf ("{\"ready\":true}\n");
  fflush (stdout);
}

static inline gboolean
bench_next_batch (guint *n)
{
  char line[64];
  guint64 value;

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      if (g_ascii_string_to_unsigned (g_strstrip (line), 10, 1, G_MAXUINT, &value, NULL))
        {
          *n = (guint) value;
          return TRUE;
        }
    }

  return FALSE;
}

/* The Get Lead page's example lead, which the responder answers for any id. */
#define BENCH_LEAD_ID "123e4567-e89b-12d3-a456-426614174000"
#define BENCH_API_KEY "nxr_live_bench_key"
#define BENCH_FIRST_NAME "Carlos"

G_END_DECLS
