/* test-client-async.c: the async calls of messages, templates, meetings,
 * meeting notes and lead search, each run the ways DESIGN.md asks of every
 * async call: completed, cancelled before it starts, cancelled while the
 * emulator holds its answer back, and from a worker thread with a main
 * context of its own
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "client-fixture.h"

/* Seed data (tools/nexor-emulator/README.md). */
#define CARLOS       "123e4567-e89b-12d3-a456-426614174000"
#define MATIAS       "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
#define EMILY        "ed798fc4-92d4-4f19-9c90-19426829d6df"
#define SALES        "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define CARLOS_DONE  "0d8a4c1e-3b2f-4a6d-9c8e-1f2a3b4c5d6e"   /* completed; google gcal-carlos-1 */

typedef ClientFixture Fixture;

/* One async call: what it needs, made with blocking calls in the thread
 * that will make it (a lead list belongs to its thread's context); how to
 * start it; and its finish, which returns a new reference or NULL. */
typedef struct {
  const char *name;
  gpointer (*prepare) (NexorClient *client);
  void     (*start)   (NexorClient         *client,
                       gpointer             arg,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data);
  gpointer (*finish)  (NexorClient   *client,
                       gpointer       arg,
                       GAsyncResult  *result,
                       GError       **error);
} Call;

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

/* send_message */

static gpointer
prepare_message (NexorClient *client)
{
  NexorMessageInput *input = nexor_message_input_new (NEXOR_MESSAGE_CHANNEL_CALL);

  nexor_message_input_set_lead_id (input, EMILY);
  nexor_message_input_set_workflow_id (input, SALES);
  g_object_set (input, "begin-message", "Hi Emily", NULL);
  return input;
}

static void
start_send_message (NexorClient *client, gpointer arg, GCancellable *cancellable,
                    GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_send_message_async (client, arg, cancellable, callback, user_data);
}

static gpointer
finish_send_message (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_send_message_finish (client, result, error);
}

/* list_templates */

static void
start_list_templates (NexorClient *client, gpointer arg, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_list_templates_async (client, NULL, NULL, cancellable, callback, user_data);
}

static gpointer
finish_list_templates (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_list_templates_finish (client, result, error);
}

/* create_meeting: with its dedup key, so that the runs replay one meeting */

static gpointer
prepare_meeting (NexorClient *client)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Santiago");
  g_autoptr(GDateTime) starts = g_date_time_new (zone, 2026, 12, 10, 10, 0, 0);
  NexorMeetingInput *input = nexor_meeting_input_new ();

  nexor_meeting_input_set_lead_id (input, MATIAS);
  nexor_meeting_input_set_title (input, "Mortgage review");
  nexor_meeting_input_set_starts_at (input, starts);
  nexor_meeting_input_set_duration_minutes (input, 45);
  nexor_meeting_input_set_time_zone (input, zone);
  nexor_meeting_input_set_external_calendar_provider (input, "google");
  nexor_meeting_input_set_external_event_id (input, "evt-async");
  return input;
}

static void
start_create_meeting (NexorClient *client, gpointer arg, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_create_meeting_async (client, arg, cancellable, callback, user_data);
}

static gpointer
finish_create_meeting (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_create_meeting_finish (client, result, error);
}

/* The outcomes, on a seeded meeting: each may follow any other. */

static void
start_cancel_meeting (NexorClient *client, gpointer arg, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_cancel_meeting_async (client, CARLOS_DONE, "moved", cancellable, callback, user_data);
}

static gpointer
finish_cancel_meeting (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_cancel_meeting_finish (client, result, error);
}

static void
start_no_show (NexorClient *client, gpointer arg, GCancellable *cancellable,
               GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_mark_meeting_no_show_async (client, CARLOS_DONE, "lead_did_not_join", NULL,
                                           cancellable, callback, user_data);
}

static gpointer
finish_no_show (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_mark_meeting_no_show_finish (client, result, error);
}

static void
start_complete_meeting (NexorClient *client, gpointer arg, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_complete_meeting_async (client, CARLOS_DONE, "Went well", cancellable, callback, user_data);
}

static gpointer
finish_complete_meeting (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_complete_meeting_finish (client, result, error);
}

/* create_meeting_note: keyed, so that the runs update one note */

static gpointer
prepare_note (NexorClient *client)
{
  return g_object_new (NEXOR_TYPE_MEETING_NOTE_INPUT,
                       "calendar-event-id", CARLOS_DONE, "notes", "Signed",
                       "provider", "otter", "external-meeting-id", "ot-async", NULL);
}

static void
start_create_note (NexorClient *client, gpointer arg, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_create_meeting_note_async (client, arg, cancellable, callback, user_data);
}

static gpointer
finish_create_note (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_create_meeting_note_finish (client, result, error);
}

/* search_leads */

static void
start_search_leads (NexorClient *client, gpointer arg, GCancellable *cancellable,
                    GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_search_leads_async (client, "+569", 1, cancellable, callback, user_data);
}

static gpointer
finish_search_leads (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_search_leads_finish (client, result, error);
}

/* A search's next page: the list is the call's object, made (with its
 * first page) where the call runs. */

static gpointer
prepare_search_page (NexorClient *client)
{
  g_autoptr(GError) error = NULL;
  GListModel *leads = nexor_client_search_leads (client, "+569", 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
  g_assert_true (nexor_lead_list_get_has_more (NEXOR_LEAD_LIST (leads)));
  return leads;
}

static void
start_search_page (NexorClient *client, gpointer arg, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_lead_list_load_more_async (arg, cancellable, callback, user_data);
}

static gpointer
finish_search_page (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  if (!nexor_lead_list_load_more_finish (arg, result, error))
    return NULL;
  g_assert_cmpuint (g_list_model_get_n_items (arg), ==, 2);
  return g_object_ref (arg);
}

/* list_lead_meetings */

static void
start_lead_meetings (NexorClient *client, gpointer arg, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  nexor_client_list_lead_meetings_async (client, CARLOS, NULL, cancellable, callback, user_data);
}

static gpointer
finish_lead_meetings (NexorClient *client, gpointer arg, GAsyncResult *result, GError **error)
{
  return nexor_client_list_lead_meetings_finish (client, result, error);
}

static const Call calls[] = {
  { "send-message", prepare_message, start_send_message, finish_send_message },
  { "list-templates", NULL, start_list_templates, finish_list_templates },
  { "create-meeting", prepare_meeting, start_create_meeting, finish_create_meeting },
  { "cancel-meeting", NULL, start_cancel_meeting, finish_cancel_meeting },
  { "mark-meeting-no-show", NULL, start_no_show, finish_no_show },
  { "complete-meeting", NULL, start_complete_meeting, finish_complete_meeting },
  { "create-meeting-note", prepare_note, start_create_note, finish_create_note },
  { "search-leads", NULL, start_search_leads, finish_search_leads },
  { "search-leads-page", prepare_search_page, start_search_page, finish_search_page },
  { "list-lead-meetings", NULL, start_lead_meetings, finish_lead_meetings },
};

static gpointer
prepare (const Call  *call,
         NexorClient *client)
{
  return call->prepare != NULL ? call->prepare (client) : NULL;
}

static void
test_normal (Fixture       *fixture,
             gconstpointer  data)
{
  const Call *call = data;
  g_autoptr(GObject) arg = prepare (call, fixture->client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GObject) value = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  call->start (fixture->client, arg, NULL, nexor_test_on_result, &result);
  value = call->finish (fixture->client, arg, nexor_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_cmpuint (sent (fixture), ==, before + 1);
}

/* Cancelled before it starts: fails through the callback, sends nothing. */
static void
test_pre_cancelled (Fixture       *fixture,
                    gconstpointer  data)
{
  const Call *call = data;
  g_autoptr(GObject) arg = prepare (call, fixture->client);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GObject) value = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  g_cancellable_cancel (cancellable);
  call->start (fixture->client, arg, cancellable, nexor_test_on_result, &result);
  value = call->finish (fixture->client, arg, nexor_test_wait_for_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (value);
  g_assert_cmpuint (sent (fixture), ==, before);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Cancelled while the emulator holds the answer back (for ten minutes, so
 * that only the cancel can end the call): the caller's cancel, even of a
 * write that was sent. */
static void
test_mid_flight (Fixture       *fixture,
                 gconstpointer  data)
{
  const Call *call = data;
  g_autoptr(GObject) arg = prepare (call, fixture->client);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GObject) value = NULL;
  g_autoptr(GError) error = NULL;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  nexor_emulator_set_response_delay (fixture->emulator, 600000);
  call->start (fixture->client, arg, cancellable, nexor_test_on_result, &result);
  while (nexor_emulator_get_held_count (fixture->emulator) < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (result);
  g_cancellable_cancel (cancellable);
  value = call->finish (fixture->client, arg, nexor_test_wait_for_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (value);

  nexor_emulator_set_response_delay (fixture->emulator, 0);
  nexor_emulator_release_held (fixture->emulator);
  g_source_remove (wake);
}

typedef struct {
  const Call *call;
  NexorClient *client;
  GMainContext *context;
  GThread *thread;
  gboolean callback_in_context;
  GAsyncResult *result;
  GObject *value;
  GError *error;
} Worker;

static void
on_worker_result (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Worker *worker = user_data;

  worker->callback_in_context = g_thread_self () == worker->thread &&
                                g_main_context_get_thread_default () == worker->context;
  worker->result = g_object_ref (result);
}

static gpointer
worker_main (gpointer user_data)
{
  Worker *worker = user_data;
  g_autoptr(GObject) arg = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (worker->context);
  arg = prepare (worker->call, worker->client);
  worker->call->start (worker->client, arg, NULL, on_worker_result, worker);
  while (worker->result == NULL)
    g_main_context_iteration (worker->context, TRUE);
  result = g_steal_pointer (&worker->result);
  worker->value = worker->call->finish (worker->client, arg, result, &worker->error);
  g_clear_object (&arg);
  nexor_test_drain_context (worker->context);
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

/* From a worker thread whose own main context runs: the callback comes
 * there, and the main thread's context is never needed. */
static void
test_worker_thread (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  Worker worker = { data, fixture->client, context };

  worker.thread = g_thread_new ("async-worker", worker_main, &worker);
  g_thread_join (worker.thread);

  g_assert_no_error (worker.error);
  g_assert_nonnull (worker.value);
  g_assert_true (worker.callback_in_context);
  g_clear_object (&worker.value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      static const struct {
        const char *way;
        void (*func) (Fixture *, gconstpointer);
      } ways[] = {
        { "normal", test_normal },
        { "pre-cancelled", test_pre_cancelled },
        { "mid-flight", test_mid_flight },
        { "worker-thread", test_worker_thread },
      };

      for (gsize w = 0; w < G_N_ELEMENTS (ways); w++)
        {
          g_autofree char *path = g_strdup_printf ("/async/%s/%s", calls[i].name, ways[w].way);

          g_test_add (path, Fixture, &calls[i], client_fixture_set_up, ways[w].func, client_fixture_tear_down);
        }
    }

  return g_test_run ();
}
