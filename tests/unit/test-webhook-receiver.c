/* test-webhook-receiver.c: NexorWebhookReceiver against an asynchronous
 * client in the same process and main context
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libsoup/soup.h>
#include <nexor-glib.h>

#define SECRET "whsec_receiver_test"
#define MAX_BODY 4096

typedef struct {
  NexorWebhookReceiver *receiver;
  SoupSession *session;
  char *url;
  GHashTable *emitted;        /* event id → times handed over */
  GArray *refused;            /* HTTP status of each delivery-refused */
  guint pending;
  guint ticks_during_burst;
  gint64 last_tick;
  gint64 longest_gap;         /* between ticks, µs: a figure, not asserted */
  GHashTable *statuses;       /* HTTP status → count */
  guint duplicates_answered;
} Fixture;

static void
on_event_received (NexorWebhookReceiver *receiver,
                   NexorWebhookEvent    *event,
                   SoupMessageHeaders   *headers,
                   Fixture              *fixture)
{
  const char *id = nexor_webhook_event_get_event_id (event);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->emitted, id));

  /* Handed over with the headers it came with. */
  g_assert_nonnull (soup_message_headers_get_one (headers, NEXOR_WEBHOOK_SIGNATURE_HEADER));
  g_hash_table_insert (fixture->emitted, g_strdup (id), GUINT_TO_POINTER (count + 1));
}

static void
on_delivery_refused (NexorWebhookReceiver *receiver,
                     guint                 status,
                     const GError         *error,
                     Fixture              *fixture)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, SECRET));
  g_array_append_val (fixture->refused, status);
}

/* A sender to loopback: no proxy lookup (libproxy's thread outlives the
 * test), and 16 connections at once. */
static SoupSession *
new_session (void)
{
  return soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 16,
                                        "proxy-resolver", NULL, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->receiver = nexor_webhook_receiver_new (SECRET);
  nexor_webhook_receiver_set_max_body_size (fixture->receiver, MAX_BODY);
  g_assert_true (nexor_webhook_receiver_listen (fixture->receiver, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nexor_webhook_receiver_get_port (fixture->receiver), >, 0);
  fixture->url = nexor_webhook_receiver_dup_url (fixture->receiver);
  g_assert_true (g_str_has_prefix (fixture->url, "http://"));

  fixture->session = new_session ();
  fixture->emitted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->refused = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->statuses = g_hash_table_new (NULL, NULL);
  g_signal_connect (fixture->receiver, "event-received", G_CALLBACK (on_event_received), fixture);
  g_signal_connect (fixture->receiver, "delivery-refused", G_CALLBACK (on_delivery_refused), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->receiver);
  g_clear_pointer (&fixture->url, g_free);
  g_clear_pointer (&fixture->emitted, g_hash_table_unref);
  g_clear_pointer (&fixture->refused, g_array_unref);
  g_clear_pointer (&fixture->statuses, g_hash_table_unref);
}

static char *
event_body (const char *event_id,
            const char *delivery_id)
{
  return g_strdup_printf ("{\"event_type\":\"workflow_run.status_changed\",\"event_id\":\"%s\","
                          "\"delivery_id\":\"%s\",\"timestamp\":\"2026-04-17T16:30:00.000Z\","
                          "\"test\":false,\"data\":{\"from_status\":{\"key\":\"new\"},"
                          "\"to_status\":{\"key\":\"contacted\"},"
                          "\"lead\":{\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}}}",
                          event_id, delivery_id);
}

/* GLib's HMAC, not the library's code: what a sender computes. */
static char *
sign (const char *body,
      gsize       length,
      const char *secret)
{
  return g_compute_hmac_for_data (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret),
                                  (const guchar *) body, length);
}

static void
count_status (Fixture *fixture,
              guint    status)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->statuses, GUINT_TO_POINTER (status)));

  g_hash_table_insert (fixture->statuses, GUINT_TO_POINTER (status), GUINT_TO_POINTER (count + 1));
}

static guint
status_count (Fixture *fixture,
              guint    status)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->statuses, GUINT_TO_POINTER (status)));
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  g_assert_no_error (error);
  count_status (fixture, soup_message_get_status (message));
  if (g_strstr_len (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), "\"duplicate\":true"))
    fixture->duplicates_answered++;
  fixture->pending--;
}

/* POSTs @body, signed with @signature unless it is NULL; with @chunked, as
 * a stream of unknown length (Transfer-Encoding: chunked). */
static void
post (Fixture    *fixture,
      const char *body,
      gsize       length,
      const char *signature,
      gboolean    chunked)
{
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, fixture->url);
  g_autoptr(GBytes) bytes = g_bytes_new (body, length);

  if (chunked)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

      soup_message_set_request_body (message, "application/json", stream, -1);
    }
  else
    soup_message_set_request_body_from_bytes (message, "application/json", bytes);
  if (signature != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  NEXOR_WEBHOOK_SIGNATURE_HEADER, signature);

  fixture->pending++;
  soup_session_send_and_read_async (fixture->session, message, G_PRIORITY_DEFAULT, NULL, sent_cb, fixture);
}

static void
post_event (Fixture    *fixture,
            const char *event_id,
            const char *delivery_id)
{
  g_autofree char *body = event_body (event_id, delivery_id);
  g_autofree char *signature = sign (body, strlen (body), SECRET);

  post (fixture, body, strlen (body), signature, FALSE);
}

static gboolean
tick (gpointer user_data)
{
  Fixture *fixture = user_data;

  gint64 now = g_get_monotonic_time ();

  if (fixture->pending > 0)
    {
      fixture->ticks_during_burst++;
      if (fixture->last_tick != 0)
        fixture->longest_gap = MAX (fixture->longest_gap, now - fixture->last_tick);
    }
  fixture->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
wait_for_answers (Fixture *fixture)
{
  while (fixture->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static guint
count_descriptors (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits until the process has at most @count descriptors open, or 20 s. */
static guint
wait_for_descriptors (guint count)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint id = g_timeout_add (50, wake_up, NULL);
  guint now;

  while ((now = count_descriptors ()) > count && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  return now;
}

/* The count once connections stop closing: unchanged for a second. */
static guint
settle_descriptors (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 stable_since = g_get_monotonic_time ();
  guint id = g_timeout_add (50, wake_up, NULL);
  guint count = count_descriptors ();

  while (g_get_monotonic_time () - stable_since < G_USEC_PER_SEC && g_get_monotonic_time () < deadline)
    {
      guint now;

      g_main_context_iteration (NULL, TRUE);
      now = count_descriptors ();
      if (now != count)
        {
          count = now;
          stable_since = g_get_monotonic_time ();
        }
    }
  g_source_remove (id);
  return count;
}

#define BURST 1000

/* 1000 deliveries at once: 600 distinct events, 100 retries of them (a
 * new delivery id, the same event id), 100 signed bodies that are not
 * events, 100 oversized ones, 50 unsigned and 50 with a wrong signature.
 * Every event is handed over exactly once, every retry is acknowledged
 * without a second hand-over, everything else is refused with its status,
 * and the main loop keeps running other sources meanwhile. */
static void
test_burst (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *oversized = g_strnfill (MAX_BODY + 1000, ' ');
  guint distinct = 0;
  guint timeout_id;
  guint descriptors;
  guint after;
  gint64 started;

  /* GIO opens some descriptors once per process, at the first connection:
   * the baseline is taken after one delivery from a sender that is gone. */
  post_event (fixture, "warm-up", "warm-up");
  wait_for_answers (fixture);
  g_clear_object (&fixture->session);
  descriptors = settle_descriptors ();
  g_hash_table_remove_all (fixture->emitted);
  g_hash_table_remove_all (fixture->statuses);
  fixture->session = new_session ();

  timeout_id = g_timeout_add (1, tick, fixture);
  started = g_get_monotonic_time ();

  for (guint i = 0; i < BURST; i++)
    {
      g_autofree char *event_id = NULL;
      g_autofree char *delivery_id = g_strdup_printf ("delivery-%u", i);

      switch (i % 10)
        {
        case 0: case 1: case 2: case 3: case 4: case 5:
          event_id = g_strdup_printf ("event-%u", distinct++);
          post_event (fixture, event_id, delivery_id);
          break;
        case 6:
          /* A retry of an event of this burst; it may overtake the first. */
          event_id = g_strdup_printf ("event-%u", g_random_int_range (0, distinct));
          post_event (fixture, event_id, delivery_id);
          break;
        case 7:
          {
            const char *garbage = i % 20 == 7 ? "{\"event_type\":\"x\"" : "[\"not\", \"an event\"]";
            g_autofree char *signature = sign (garbage, strlen (garbage), SECRET);

            post (fixture, garbage, strlen (garbage), signature, FALSE);
          }
          break;
        case 8:
          {
            g_autofree char *signature = sign (oversized, strlen (oversized), SECRET);

            post (fixture, oversized, strlen (oversized), signature, i % 20 == 8);
          }
          break;
        case 9:
          {
            g_autofree char *body = NULL;
            g_autofree char *wrong = NULL;

            event_id = g_strdup_printf ("refused-%u", i);
            body = event_body (event_id, delivery_id);
            wrong = sign (body, strlen (body), "another secret");
            post (fixture, body, strlen (body), i % 20 == 9 ? NULL : wrong, FALSE);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  wait_for_answers (fixture);
  g_source_remove (timeout_id);
  /* A figure for docs/reliability.md, never an assertion. */
  g_test_message ("%u deliveries answered in %.2f s", BURST,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (distinct, ==, 600);
  g_test_message ("answers: 200=%u 400=%u 413=%u 401=%u, %u of them duplicates; %u events handed over",
                  status_count (fixture, 200), status_count (fixture, 400), status_count (fixture, 413),
                  status_count (fixture, 401), fixture->duplicates_answered,
                  g_hash_table_size (fixture->emitted));
  g_assert_cmpuint (status_count (fixture, SOUP_STATUS_OK), ==, 700);
  g_assert_cmpuint (fixture->duplicates_answered, ==, 100);
  g_assert_cmpuint (status_count (fixture, SOUP_STATUS_BAD_REQUEST), ==, 100);
  g_assert_cmpuint (status_count (fixture, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE), ==, 100);
  g_assert_cmpuint (status_count (fixture, SOUP_STATUS_UNAUTHORIZED), ==, 100);
  g_assert_cmpuint (g_hash_table_size (fixture->statuses), ==, 4);

  /* Nothing lost, nothing handed over twice, nothing refused handed over. */
  g_assert_cmpuint (g_hash_table_size (fixture->emitted), ==, 600);
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *event_id = g_strdup_printf ("event-%u", i);

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->emitted, event_id)), ==, 1);
    }
  g_assert_cmpuint (fixture->refused->len, ==, 300);

  /* Other sources ran while the deliveries were being answered. */
  g_assert_cmpuint (fixture->ticks_during_burst, >, 0);
  g_test_message ("the 1 ms timeout fired %u times during the burst, at most %.1f ms apart",
                  fixture->ticks_during_burst, fixture->longest_gap / 1000.0);

  /* Every POST came on a connection of its own (libsoup's rule for a
   * request that is not idempotent). Once the sender has gone, the
   * receiver holds none of them: libsoup 3.2's server alone would keep
   * each one open for as long as it runs. */
  g_clear_object (&fixture->session);
  after = wait_for_descriptors (descriptors);
  g_test_message ("descriptors: %u before the burst, %u after", descriptors, after);
  g_assert_cmpuint (after, <=, descriptors);
}

/* Only the most recent dedup-capacity event ids are remembered. */
static void
test_dedup_capacity (Fixture       *fixture,
                     gconstpointer  data)
{
  nexor_webhook_receiver_set_dedup_capacity (fixture->receiver, 2);
  g_assert_cmpuint (nexor_webhook_receiver_get_dedup_capacity (fixture->receiver), ==, 2);

  post_event (fixture, "a", "1");
  wait_for_answers (fixture);
  post_event (fixture, "b", "2");
  wait_for_answers (fixture);
  post_event (fixture, "a", "3");     /* a retry: a becomes the most recent */
  wait_for_answers (fixture);
  post_event (fixture, "c", "4");     /* b is forgotten */
  wait_for_answers (fixture);
  post_event (fixture, "a", "5");     /* still remembered */
  wait_for_answers (fixture);
  post_event (fixture, "b", "6");     /* handed over again */
  wait_for_answers (fixture);

  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->emitted, "a")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->emitted, "b")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->emitted, "c")), ==, 1);
  g_assert_cmpuint (fixture->duplicates_answered, ==, 2);
  g_assert_cmpuint (status_count (fixture, SOUP_STATUS_OK), ==, 6);

  /* Lowering the capacity forgets at once: only b (the latest) is left. */
  nexor_webhook_receiver_set_dedup_capacity (fixture->receiver, 1);
  post_event (fixture, "a", "7");
  wait_for_answers (fixture);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->emitted, "a")), ==, 2);
}

/* Sends @message from the main loop the receiver runs in (a blocking
 * send would wait for an answer the loop could never give). */
static void
send_and_wait (Fixture     *fixture,
               SoupMessage *message)
{
  fixture->pending++;
  soup_session_send_and_read_async (fixture->session, message, G_PRIORITY_DEFAULT, NULL, sent_cb, fixture);
  wait_for_answers (fixture);
}

static void
test_methods_and_prefix (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SoupMessage) get = soup_message_new (SOUP_METHOD_GET, fixture->url);
  g_autofree char *body = event_body ("prefixed", "d1");
  g_autofree char *hex = sign (body, strlen (body), SECRET);
  g_autofree char *upper = g_ascii_strup (hex, -1);
  g_autofree char *prefixed = g_strconcat ("sha256=", upper, NULL);
  g_autofree char *other_path = g_strconcat (fixture->url, "hooks/nexor", NULL);
  g_autoptr(SoupMessage) post_elsewhere = soup_message_new (SOUP_METHOD_POST, other_path);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  send_and_wait (fixture, get);
  g_assert_cmpuint (soup_message_get_status (get), ==, SOUP_STATUS_METHOD_NOT_ALLOWED);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (get), "Allow"), ==, "POST");

  /* The prefix and capital hex digits are accepted, on any path. */
  soup_message_set_request_body_from_bytes (post_elsewhere, "application/json", bytes);
  soup_message_headers_replace (soup_message_get_request_headers (post_elsewhere),
                                NEXOR_WEBHOOK_SIGNATURE_HEADER, prefixed);
  send_and_wait (fixture, post_elsewhere);
  g_assert_cmpuint (soup_message_get_status (post_elsewhere), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->emitted, "prefixed")), ==, 1);
  g_assert_cmpuint (fixture->refused->len, ==, 1);
}

/* A receiver that listens from a worker thread with a main context of its
 * own emits there, while the deliveries come from the main thread. */
typedef struct {
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  char *url;
  GMutex lock;
  GCond cond;
  gint emitted;
  gint elsewhere;
} Worker;

static void
worker_on_event (NexorWebhookReceiver *receiver,
                 NexorWebhookEvent    *event,
                 SoupMessageHeaders   *headers,
                 Worker               *worker)
{
  if (g_thread_self () != worker->thread ||
      g_main_context_get_thread_default () != worker->context)
    g_atomic_int_inc (&worker->elsewhere);
  g_atomic_int_inc (&worker->emitted);
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;
  g_autoptr(NexorWebhookReceiver) receiver = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (worker->context);
  receiver = nexor_webhook_receiver_new (SECRET);
  g_signal_connect (receiver, "event-received", G_CALLBACK (worker_on_event), worker);
  g_assert_true (nexor_webhook_receiver_listen (receiver, NULL, 0, &error));

  g_mutex_lock (&worker->lock);
  worker->thread = g_thread_self ();
  worker->url = nexor_webhook_receiver_dup_url (receiver);
  g_cond_signal (&worker->cond);
  g_mutex_unlock (&worker->lock);

  g_main_loop_run (worker->loop);

  nexor_webhook_receiver_stop (receiver);
  g_clear_object (&receiver);
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

static void
test_worker_thread (void)
{
  Worker worker = { 0, };
  Fixture fixture = { 0, };
  GThread *thread;

  g_mutex_init (&worker.lock);
  g_cond_init (&worker.cond);
  worker.context = g_main_context_new ();
  worker.loop = g_main_loop_new (worker.context, FALSE);

  thread = g_thread_new ("webhook-receiver", worker_main, &worker);
  g_mutex_lock (&worker.lock);
  while (worker.url == NULL)
    g_cond_wait (&worker.cond, &worker.lock);
  g_mutex_unlock (&worker.lock);

  fixture.url = worker.url;
  fixture.session = new_session ();
  fixture.statuses = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *event_id = g_strdup_printf ("threaded-%u", i % 10);

      post_event (&fixture, event_id, "d");
    }
  wait_for_answers (&fixture);

  g_main_loop_quit (worker.loop);
  g_thread_join (thread);

  g_assert_cmpuint (status_count (&fixture, SOUP_STATUS_OK), ==, 20);
  g_assert_cmpuint (fixture.duplicates_answered, ==, 10);
  g_assert_cmpint (g_atomic_int_get (&worker.emitted), ==, 10);
  g_assert_cmpint (g_atomic_int_get (&worker.elsewhere), ==, 0);

  g_clear_object (&fixture.session);
  g_hash_table_unref (fixture.statuses);
  g_free (worker.url);
  g_main_loop_unref (worker.loop);
  g_main_context_unref (worker.context);
  g_mutex_clear (&worker.lock);
  g_cond_clear (&worker.cond);
}

static void
test_listen_errors (void)
{
  g_autoptr(NexorWebhookReceiver) receiver = nexor_webhook_receiver_new (SECRET);
  g_autoptr(NexorWebhookReceiver) second = nexor_webhook_receiver_new (SECRET);
  g_autoptr(NexorWebhookReceiver) no_secret = g_object_new (NEXOR_TYPE_WEBHOOK_RECEIVER, NULL);
  g_autoptr(GError) error = NULL;
  guint port;

  g_assert_false (nexor_webhook_receiver_listen (receiver, "localhost:80", 0, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (nexor_webhook_receiver_listen (no_secret, NULL, 0, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_cmpuint (nexor_webhook_receiver_get_port (receiver), ==, 0);
  g_assert_null (nexor_webhook_receiver_dup_url (receiver));
  g_assert_true (nexor_webhook_receiver_listen (receiver, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  port = nexor_webhook_receiver_get_port (receiver);
  g_assert_cmpuint (port, >, 0);

  g_assert_false (nexor_webhook_receiver_listen (second, "127.0.0.1", port, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE);

  nexor_webhook_receiver_stop (receiver);
  g_assert_cmpuint (nexor_webhook_receiver_get_port (receiver), ==, 0);
}

/* The secret can be written, never read back. */
static void
test_secret_write_only (void)
{
  g_autoptr(NexorWebhookReceiver) receiver = nexor_webhook_receiver_new (SECRET);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (receiver), "secret");

  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_READABLE);
  g_assert_cmpint (nexor_webhook_receiver_get_signature_scheme (receiver), ==,
                   NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX);
  g_assert_cmpuint (nexor_webhook_receiver_get_max_body_size (receiver), ==,
                    NEXOR_WEBHOOK_RECEIVER_DEFAULT_MAX_BODY_SIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/webhook-receiver/burst", Fixture, NULL, fixture_set_up, test_burst, fixture_tear_down);
  g_test_add ("/webhook-receiver/dedup-capacity", Fixture, NULL, fixture_set_up, test_dedup_capacity,
              fixture_tear_down);
  g_test_add ("/webhook-receiver/methods-and-prefix", Fixture, NULL, fixture_set_up,
              test_methods_and_prefix, fixture_tear_down);
  g_test_add_func ("/webhook-receiver/worker-thread", test_worker_thread);
  g_test_add_func ("/webhook-receiver/listen-errors", test_listen_errors);
  g_test_add_func ("/webhook-receiver/secret-write-only", test_secret_write_only);

  return g_test_run ();
}
