/* test-load.c: 1,000 concurrent calls on one NexorClient against nexor-emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   test-load EMULATOR [N]
 *
 * Starts the emulator binary on a free loopback port, then, on one client:
 *   1. writes: N concurrent nexor_client_create_lead_async() of distinct
 *      leads, every answer checked (a new lead, not an upsert) and every id
 *      distinct;
 *   2. reads: N concurrent nexor_client_get_lead_async() of exactly the leads
 *      just created, each result checked field by field, so a lost or
 *      mixed-up write fails here;
 *   3. the reads twice more, to see whether memory keeps growing;
 *   4. the client dropped: the process's open descriptors must come back to
 *      their count before the client existed.
 * It prints wall time, requests/s, VmRSS/VmHWM and descriptor counts, and
 * fails if any result is wrong or a bound is crossed. Everything is on
 * 127.0.0.1 and bounded in time (see LOAD_DEADLINE_S).
 */

#include <nexor-glib.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>

#define KEY              "nxr_live_load_test_key"
#define SEED_LEAD_ID     "123e4567-e89b-12d3-a456-426614174000"
#define DEFAULT_N        1000
#define READ_ROUNDS      3
/* Whole-phase limit: far above the few seconds a phase takes, so only a hang trips it. */
#define LOAD_DEADLINE_S  90
/* Bounds.  The peak of one round of N in-flight calls is a few MiB; these
 * catch per-request leaks (N × a response is already over 1 MiB per round)
 * without failing on allocator noise. */
#define MAX_CLIENT_GROWTH_KIB   (96 * 1024)  /* VmHWM over the start's VmRSS */
#define MAX_ROUND_GROWTH_KIB    (8 * 1024)   /* VmRSS, last round over the first */
#define MAX_EMULATOR_HWM_KIB    (256 * 1024)

typedef struct {
  guint pending;
  guint ok;
  guint failed;
  GString *first_errors;   /* the first few failures, for the log */
  gboolean timed_out;
} Batch;

typedef struct {
  Batch *batch;
  char *id;                /* expected, for reads */
  char *first_name;
  char *last_name;
  char *email;
} Call;

static void
call_free (Call *call)
{
  g_free (call->id);
  g_free (call->first_name);
  g_free (call->last_name);
  g_free (call->email);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static void
batch_fail (Batch      *batch,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
batch_fail (Batch      *batch,
            const char *format,
            ...)
{
  va_list args;

  batch->failed++;
  if (batch->failed > 5)
    return;
  va_start (args, format);
  g_string_append_vprintf (batch->first_errors, format, args);
  va_end (args);
  g_string_append_c (batch->first_errors, '\n');
}

static guint
count_fds (GPid pid)
{
  g_autofree char *path = pid == 0 ? g_strdup ("/proc/self/fd")
                                   : g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  /* GDir's own descriptor. */
  return pid == 0 ? n - 1 : n;
}

/* Names what each descriptor is, to say what stayed open. */
static void
print_fds (GPid        pid,
           const char *who)
{
  g_autofree char *path = pid == 0 ? g_strdup ("/proc/self/fd")
                                   : g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename (path, name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);
      char *bracket;

      if (target == NULL)
        continue;
      /* "socket:[1234]" → "socket" */
      if ((bracket = strchr (target, '[')) != NULL)
        *bracket = '\0';
      g_hash_table_insert (kinds, g_strdup (target),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (kinds, target)) + 1));
    }
  g_hash_table_iter_init (&iter, kinds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    printf ("# %s fd: %u × %s\n", who, GPOINTER_TO_UINT (value), (const char *) key);
}

/* VmRSS or VmHWM of @pid (0: this process), in KiB. */
static guint64
read_status_kib (GPid        pid,
                 const char *field)
{
  g_autofree char *path = pid == 0 ? g_strdup ("/proc/self/status")
                                   : g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *contents = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  line = strstr (contents, key);
  g_assert_nonnull (line);

  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Batch *batch = user_data;

  batch->timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the default main context until every call of @batch has answered. */
static void
batch_wait (Batch *batch)
{
  guint deadline_id = g_timeout_add_seconds (LOAD_DEADLINE_S, deadline_cb, batch);

  while (batch->pending > 0 && !batch->timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (batch->timed_out)
    g_error ("%u calls still pending after %d s", batch->pending, LOAD_DEADLINE_S);
  g_source_remove (deadline_id);
}

static void
batch_clear (Batch *batch)
{
  if (batch->first_errors != NULL)
    g_string_free (batch->first_errors, TRUE);
  memset (batch, 0, sizeof *batch);
}

/* --- the emulator process ----------------------------------------------- */

typedef struct {
  GSubprocess *process;
  GPid pid;
  char *base_url;
} Emulator;

/* A failed assertion aborts this process: the emulator must not outlive it. */
static void
emulator_child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
emulator_start (Emulator   *emulator,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  const char *pid_text;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, emulator_child_setup, NULL, NULL);
  emulator->process = g_subprocess_launcher_spawn (launcher, &error,
                                                   path, "--port", "0", "--api-key", KEY, NULL);
  g_assert_no_error (error);
  pid_text = g_subprocess_get_identifier (emulator->process);
  g_assert_nonnull (pid_text);
  emulator->pid = (GPid) g_ascii_strtoll (pid_text, NULL, 10);

  /* Its first line is the base URL; nothing else is written on stdout. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (emulator->process));
  emulator->base_url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (emulator->base_url);
  g_assert_true (g_str_has_prefix (emulator->base_url, "http://127.0.0.1:"));
}

static void
emulator_stop (Emulator *emulator)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (emulator->process, SIGTERM);
  g_subprocess_wait (emulator->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (emulator->process));
  g_assert_cmpint (g_subprocess_get_exit_status (emulator->process), ==, 0);
  g_clear_object (&emulator->process);
  g_clear_pointer (&emulator->base_url, g_free);
}

/* --- writes -------------------------------------------------------------- */

/* Keeps each created lead's call for the reads, in creation order. */
typedef struct {
  Call *call;
  GPtrArray *created;
} Create;

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(Call) call = create->call;
  GPtrArray *created = create->created;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorCreateLeadResult) answer = NULL;
  NexorLead *lead;

  g_free (create);
  answer = nexor_client_create_lead_finish (NEXOR_CLIENT (source), result, &error);
  call->batch->pending--;
  if (answer == NULL)
    {
      batch_fail (call->batch, "create %s: %s", call->email, error->message);
      return;
    }

  lead = nexor_create_lead_result_get_lead (answer);
  if (lead == NULL || nexor_lead_get_id (lead) == NULL ||
      nexor_create_lead_result_get_existed (answer) ||
      g_strcmp0 (nexor_lead_get_email (lead), call->email) != 0 ||
      g_strcmp0 (nexor_lead_get_first_name (lead), call->first_name) != 0)
    {
      batch_fail (call->batch, "create %s: the answer is not the new lead", call->email);
      return;
    }

  call->id = g_strdup (nexor_lead_get_id (lead));
  call->batch->ok++;
  g_ptr_array_add (created, g_steal_pointer (&call));
}

/* --- reads --------------------------------------------------------------- */

static void
get_lead_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &error);

  call->batch->pending--;
  if (lead == NULL)
    batch_fail (call->batch, "get %s: %s", call->id, error->message);
  else if (g_strcmp0 (nexor_lead_get_id (lead), call->id) != 0 ||
           g_strcmp0 (nexor_lead_get_first_name (lead), call->first_name) != 0 ||
           g_strcmp0 (nexor_lead_get_last_name (lead), call->last_name) != 0 ||
           g_strcmp0 (nexor_lead_get_email (lead), call->email) != 0)
    batch_fail (call->batch, "get %s: got lead %s (%s %s, %s)", call->id,
                nexor_lead_get_id (lead), nexor_lead_get_first_name (lead),
                nexor_lead_get_last_name (lead), nexor_lead_get_email (lead));
  else
    call->batch->ok++;
}

static double
read_round (NexorClient *client,
            GPtrArray   *expected,
            guint        n)
{
  Batch batch = { 0, };
  gint64 start;
  double seconds;

  batch.first_errors = g_string_new (NULL);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      Call *call = g_ptr_array_index (expected, i % expected->len);

      call->batch = &batch;
      batch.pending++;
      nexor_client_get_lead_async (client, call->id, NULL, get_lead_done_cb, call);
    }
  batch_wait (&batch);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (batch.failed > 0)
    g_printerr ("%s", batch.first_errors->str);
  g_assert_cmpuint (batch.failed, ==, 0);
  g_assert_cmpuint (batch.ok, ==, n);
  batch_clear (&batch);

  return seconds;
}

/* Lets idle connections close on both sides. */
static gboolean
wait_for_fds (GPid  pid,
              guint target,
              guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * (G_USEC_PER_SEC / 1000);

  while (count_fds (pid) > target && g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }

  return count_fds (pid) <= target;
}

int
main (int    argc,
      char **argv)
{
  Emulator emulator = { 0, };
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func ((GDestroyNotify) call_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *run_tag = NULL;
  Batch batch = { 0, };
  guint n = DEFAULT_N;
  guint fds_start, fds_loaded, fds_end;
  guint emulator_fds_start, emulator_fds_loaded, emulator_fds_end;
  guint64 rss_start, rss_after_first, rss_after_last, hwm_client;
  guint64 emulator_rss, emulator_hwm;
  double write_s = 0, first_read_s, slowest_read_s;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: %s EMULATOR [N]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <=, 100000);

  /* A proxy from the environment must not take loopback traffic. */
  g_setenv ("no_proxy", "*", TRUE);
  g_unsetenv ("http_proxy");

  emulator_start (&emulator, argv[1]);
  printf ("# emulator %s (pid %d), %u concurrent calls per phase\n",
          emulator.base_url, (int) emulator.pid, n);

  /* GIO opens a few descriptors once per process on first network use (the
   * worker context's wakeup, the resolver's): one call with a throwaway
   * client first, so the baseline counts them and only growth is measured. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorClient) warm_up = nexor_client_new_for_url (emulator.base_url, KEY, &error);
    g_autoptr(NexorLead) lead = nexor_client_get_lead (warm_up, SEED_LEAD_ID, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (lead);
  }
  wait_for_fds (0, 0, 200);

  fds_start = count_fds (0);
  rss_start = read_status_kib (0, "VmRSS");
  emulator_fds_start = count_fds (emulator.pid);

  /* 1. Writes: distinct leads, all in flight at once, on the client the
   * reads use. */
  client = nexor_client_new_for_url (emulator.base_url, KEY, NULL);
  g_assert_nonnull (client);
  run_tag = g_strdup_printf ("%08x", g_random_int ());
  batch.first_errors = g_string_new (NULL);
  {
    gint64 start = g_get_monotonic_time ();

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
        Create *create = g_new0 (Create, 1);
        Call *call = g_new0 (Call, 1);

        call->batch = &batch;
        call->first_name = g_strdup_printf ("Load%u", i);
        call->last_name = g_strdup_printf ("Run %s", run_tag);
        call->email = g_strdup_printf ("load-%s-%u@example.com", run_tag, i);
        nexor_lead_input_set_first_name (input, call->first_name);
        nexor_lead_input_set_last_name (input, call->last_name);
        nexor_lead_input_set_email (input, call->email);

        create->call = call;
        create->created = created;
        batch.pending++;
        nexor_client_create_lead_async (client, input, NULL, create_done_cb, create);
      }
    batch_wait (&batch);
    write_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  }

  if (batch.failed > 0)
    g_printerr ("%s", batch.first_errors->str);
  g_assert_cmpuint (batch.failed, ==, 0);
  g_assert_cmpuint (batch.ok, ==, n);
  g_assert_cmpuint (created->len, ==, n);
  /* No write lost or merged: n distinct ids, each read back below. */
  for (guint i = 0; i < created->len; i++)
    {
      Call *call = g_ptr_array_index (created, i);

      g_assert_true (g_hash_table_add (ids, call->id));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, n);
  printf ("# writes: %u concurrent create_lead in %.2f s (%.0f req/s), %u distinct ids\n",
          n, write_s, n / write_s, g_hash_table_size (ids));
  batch_clear (&batch);

  /* 2 and 3. Reads of exactly those leads. */
  first_read_s = read_round (client, created, n);
  rss_after_first = read_status_kib (0, "VmRSS");
  slowest_read_s = first_read_s;
  printf ("# reads: %u concurrent get_lead in %.2f s (%.0f req/s), every result checked\n",
          n, first_read_s, n / first_read_s);
  printf ("# emulator fds after round 1: %u\n", count_fds (emulator.pid));
  for (guint round = 1; round < READ_ROUNDS; round++)
    {
      slowest_read_s = MAX (slowest_read_s, read_round (client, created, n));
      printf ("# emulator fds after round %u: %u\n", round + 1, count_fds (emulator.pid));
    }
  rss_after_last = read_status_kib (0, "VmRSS");
  hwm_client = read_status_kib (0, "VmHWM");
  fds_loaded = count_fds (0);
  emulator_fds_loaded = count_fds (emulator.pid);
  emulator_rss = read_status_kib (emulator.pid, "VmRSS");
  emulator_hwm = read_status_kib (emulator.pid, "VmHWM");

  printf ("# client: VmRSS %" G_GUINT64_FORMAT " KiB at start, %" G_GUINT64_FORMAT
          " KiB after round 1, %" G_GUINT64_FORMAT " KiB after round %d, VmHWM %"
          G_GUINT64_FORMAT " KiB\n",
          rss_start, rss_after_first, rss_after_last, READ_ROUNDS, hwm_client);
  printf ("# emulator: VmRSS %" G_GUINT64_FORMAT " KiB, VmHWM %" G_GUINT64_FORMAT " KiB\n",
          emulator_rss, emulator_hwm);

  /* The emulator still answers, and every write is still there.
   *
   * libsoup 3.2 hands an async call's connection back to the pool from this
   * thread's main context, after the call's callback has run. A blocking
   * call made right after a round, before that context ran again, found
   * all 32 connections to the host still busy and waited on a condition
   * only this (blocked) thread could signal: the load test hung. Let the
   * pool take its connections back first. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = nexor_client_get_lead (client, SEED_LEAD_ID, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  }

  /* 4. Descriptors: the client's pooled connections go with it. */
  g_clear_object (&client);
  wait_for_fds (0, fds_start, 5000);
  fds_end = count_fds (0);
  wait_for_fds (emulator.pid, emulator_fds_start, 5000);
  emulator_fds_end = count_fds (emulator.pid);
  printf ("# client fds: %u before, %u under load (idle pool), %u after the client is dropped\n",
          fds_start, fds_loaded, fds_end);
  printf ("# emulator fds: %u before, %u under load, %u after\n",
          emulator_fds_start, emulator_fds_loaded, emulator_fds_end);

  if (fds_end != fds_start)
    print_fds (0, "client");
  if (emulator_fds_end != emulator_fds_start)
    print_fds (emulator.pid, "emulator");
  g_assert_cmpuint (fds_end, ==, fds_start);
  /* SoupServer before libsoup 3.3 never closes a keep-alive connection that
   * its client closed while idle (upstream commit d20c6601); the emulator
   * closes them itself (nexor-emulator-connections.c), so once the client is
   * gone every socket of the run must be too. */
  g_assert_cmpuint (emulator_fds_end, <=, emulator_fds_start);
  g_assert_cmpuint (hwm_client, <, rss_start + MAX_CLIENT_GROWTH_KIB);
  g_assert_cmpuint (rss_after_last, <, rss_after_first + MAX_ROUND_GROWTH_KIB);
  g_assert_cmpuint (emulator_hwm, <, MAX_EMULATOR_HWM_KIB);

  emulator_stop (&emulator);

  printf ("# slowest read round %.2f s\n", slowest_read_s);
  printf ("1..1\nok 1 - %u concurrent creates and %d x %u concurrent get_lead, fds and memory bounded\n",
          n, READ_ROUNDS, n);

  return 0;
}
