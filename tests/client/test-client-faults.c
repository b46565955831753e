/* test-client-faults.c: the transport policy against every fault the
 * emulator can inject, each sync and async
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Links the internal static library, for the request core's test hooks:
 * with them the backoff waits are recorded and skipped (virtual time), so
 * the waits are asserted exactly. A few tests use real time on purpose, to
 * measure cancellation and the deadline; they print their figures as TAP
 * comments (“# cancel latency …”).
 */

#include <string.h>

#include "client-fixture.h"
#include "nexor-client-private.h"

#define SEED_LEAD_ID "123e4567-e89b-12d3-a456-426614174000"
#define KEY          NEXOR_EMULATOR_DEFAULT_API_KEY

/* No call may take longer than this: a hang fails instead of wedging. */
#define CALL_DEADLINE_S 20

typedef struct {
  guint attempt;
  guint delay_ms;
  GError *error;
  GThread *thread;
} Retry;

typedef struct {
  ClientFixture base;    /* the client has the test hooks */
  gboolean async;

  double random_value;   /* the jitter draw the hooks return */
  GArray *waits;         /* guint: waits the core asked for, in ms */
  GArray *retries;       /* Retry: NexorClient::retry-scheduled emissions */
} Fixture;

static void
retry_clear (Retry *retry)
{
  g_clear_error (&retry->error);
}

static double
test_random (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->random_value;
}

static void
test_wait (guint    delay_ms,
           gpointer user_data)
{
  Fixture *fixture = user_data;

  g_array_append_val (fixture->waits, delay_ms);
}

static void
on_retry_scheduled (NexorClient  *client,
                    guint         attempt,
                    guint         delay_ms,
                    const GError *error,
                    Fixture      *fixture)
{
  Retry retry = { attempt, delay_ms, g_error_copy (error), g_thread_self () };

  g_array_append_val (fixture->retries, retry);
}

static NexorClient *
fixture_new_client (Fixture     *fixture,
                    const char  *base_url,
                    SoupSession *session)
{
  NexorClient *client = g_object_new (NEXOR_TYPE_CLIENT,
                                      "base-url", base_url,
                                      "api-key", KEY,
                                      "session", session,
                                      "timeout", CALL_DEADLINE_S,
                                      NULL);

  _nexor_client_set_test_hooks (client, test_random, test_wait, fixture);
  g_signal_connect (client, "retry-scheduled", G_CALLBACK (on_retry_scheduled), fixture);
  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->async = GPOINTER_TO_INT (data);
  client_fixture_start_emulator (&fixture->base);
  fixture->random_value = 0.5;
  fixture->waits = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->retries = g_array_new (FALSE, TRUE, sizeof (Retry));
  g_array_set_clear_func (fixture->retries, (GDestroyNotify) retry_clear);
  fixture->base.client = fixture_new_client (fixture,
                                             nexor_emulator_thread_get_base_url (fixture->base.server),
                                             NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  client_fixture_tear_down (&fixture->base, data);
  g_array_unref (fixture->waits);
  g_array_unref (fixture->retries);
  /* Let the client's sources go before the next test. */
  nexor_test_drain_context (NULL);
}

/* Calls, the same way sync and async */

static NexorLead *
get_lead (Fixture       *fixture,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (!fixture->async)
    return nexor_client_get_lead (fixture->base.client, SEED_LEAD_ID, cancellable, error);

  nexor_client_get_lead_async (fixture->base.client, SEED_LEAD_ID, cancellable, nexor_test_on_result, &result);
  return nexor_client_get_lead_finish (fixture->base.client, nexor_test_wait_for_result (&result), error);
}

static NexorCreateLeadResult *
create_lead_with (Fixture       *fixture,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *email = g_strdup_printf ("fault-%u@example.com", g_random_int ());

  nexor_lead_input_set_first_name (input, "Ana");
  nexor_lead_input_set_email (input, email);

  if (!fixture->async)
    return nexor_client_create_lead (fixture->base.client, input, cancellable, error);

  nexor_client_create_lead_async (fixture->base.client, input, cancellable, nexor_test_on_result, &result);
  return nexor_client_create_lead_finish (fixture->base.client, nexor_test_wait_for_result (&result), error);
}

static NexorCreateLeadResult *
create_lead (Fixture  *fixture,
             GError  **error)
{
  return create_lead_with (fixture, NULL, error);
}

/* A bulk create of @n new leads. */
static NexorBulkCreateResult *
create_leads (Fixture  *fixture,
              guint     n,
              GError  **error)
{
  g_autoptr(GListStore) leads = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GAsyncResult) result = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
      g_autofree char *email = g_strdup_printf ("bulk-%u-%u@example.com", i, g_random_int ());

      nexor_lead_input_set_first_name (input, "Bea");
      nexor_lead_input_set_email (input, email);
      g_list_store_append (leads, input);
    }

  if (!fixture->async)
    return nexor_client_create_leads (fixture->base.client, G_LIST_MODEL (leads), NULL, error);

  nexor_client_create_leads_async (fixture->base.client, G_LIST_MODEL (leads), NULL, nexor_test_on_result, &result);
  return nexor_client_create_leads_finish (fixture->base.client, nexor_test_wait_for_result (&result), error);
}

/* A POST built directly on the request core, as any endpoint that is not
 * safe to repeat builds it: what the core does, whatever the endpoint. */
static gpointer
parse_anything (JsonNode           *root,
                NexorJsonDocument  *document,
                GError            **error)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static NexorRequest *
core_post_request (void)
{
  NexorRequest *request = _nexor_request_new ("POST", parse_anything);
  g_autoptr(JsonNode) body = json_from_string ("{\"first_name\": \"Ana\"}", NULL);

  _nexor_request_add_segment (request, "leads");
  _nexor_request_take_body (request, g_steal_pointer (&body));
  return request;
}

static gpointer
core_post (Fixture       *fixture,
           NexorClient   *client,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (!fixture->async)
    return _nexor_client_send (client, core_post_request (), NULL, error);

  _nexor_client_send_async (client, core_post_request (), NULL, nexor_test_on_result, &result, core_post);
  return _nexor_client_send_finish (client, nexor_test_wait_for_result (&result), core_post, error);
}

static guint
requests (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->base.emulator);
}

static guint
stored_leads (Fixture *fixture)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->base.emulator);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (state), "leads"));
}

static void
assert_waits (Fixture     *fixture,
              const guint *expected,
              guint        n_expected)
{
  g_assert_cmpuint (fixture->waits->len, ==, n_expected);
  g_assert_cmpuint (fixture->retries->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      Retry *retry = &g_array_index (fixture->retries, Retry, i);

      g_assert_cmpuint (g_array_index (fixture->waits, guint, i), ==, expected[i]);
      g_assert_cmpuint (retry->delay_ms, ==, expected[i]);
      g_assert_cmpuint (retry->attempt, ==, i + 2);
      g_assert_nonnull (retry->error);
      /* Emitted where the call was made, sync and async alike. */
      g_assert_true (retry->thread == g_thread_self ());
    }
}

static const char *
mode (Fixture *fixture)
{
  return fixture->async ? "async" : "sync";
}

/* Whether this run is under valgrind, where time is ten times slower. */
static gboolean
slow_run (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");

  return preload != NULL && strstr (preload, "vgpreload") != NULL;
}

/* Retries of HTTP statuses */

static void
test_retry_statuses (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *fault;
    int code;
  } faults[] = {
    { "status=408", NEXOR_ERROR_TIMEOUT },
    { "status=425", NEXOR_ERROR_FAILED },
    { "status=429", NEXOR_ERROR_RATE_LIMITED },
    { "status=500", NEXOR_ERROR_SERVER },
    { "status=502", NEXOR_ERROR_SERVER },
    { "status=503", NEXOR_ERROR_SERVER },
    { "status=504", NEXOR_ERROR_TIMEOUT },
  };
  static const guint expected[] = { 375 };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      guint before = requests (fixture);
      Retry *retry;

      g_test_message ("%s, then success (%s)", faults[i].fault, mode (fixture));
      g_array_set_size (fixture->waits, 0);
      g_array_set_size (fixture->retries, 0);

      nexor_emulator_push_fault (fixture->base.emulator, faults[i].fault);
      lead = get_lead (fixture, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (nexor_lead_get_id (lead), ==, SEED_LEAD_ID);
      g_assert_cmpuint (requests (fixture), ==, before + 2);

      /* 0.5 s × (0.5 + 0.5 × 0.5) */
      assert_waits (fixture, expected, G_N_ELEMENTS (expected));
      retry = &g_array_index (fixture->retries, Retry, 0);
      g_assert_error (retry->error, NEXOR_ERROR, faults[i].code);
    }
}

/* Statuses that are not worth repeating fail at once. */
static void
test_no_retry_statuses (Fixture       *fixture,
                        gconstpointer  data)
{
  static const guint statuses[] = { 400, 401, 403, 404, 409, 422, 501, 505 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      g_autofree char *fault = g_strdup_printf ("status=%u", statuses[i]);
      g_autofree char *text = g_strdup_printf ("%u", statuses[i]);
      guint before = requests (fixture);

      nexor_emulator_push_fault (fixture->base.emulator, fault);
      lead = get_lead (fixture, NULL, &error);
      g_assert_null (lead);
      g_assert_true (error->domain == NEXOR_ERROR);
      g_assert_nonnull (strstr (error->message, text));
      g_assert_cmpuint (requests (fixture), ==, before + 1);
      g_assert_cmpuint (fixture->retries->len, ==, 0);
    }
}

static void
test_retries_exhausted (Fixture       *fixture,
                        gconstpointer  data)
{
  static const guint expected[] = { 375, 750 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  for (guint i = 0; i < 4; i++)
    nexor_emulator_push_fault (fixture->base.emulator, "status=503");

  lead = get_lead (fixture, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "503"));
  g_assert_cmpuint (requests (fixture), ==, 3);  /* max-retries 2 */
  assert_waits (fixture, expected, G_N_ELEMENTS (expected));
}

/* min(8 s, 0.5 s × 2^(n-1)) × (0.5 + 0.5 × draw), exactly. */
static void
test_backoff_formula (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    double draw;
    guint waits[10];
  } cases[] = {
    { 0.0, { 250, 500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000 } },
    { 0.5, { 375, 750, 1500, 3000, 6000, 6000, 6000, 6000, 6000, 6000 } },
    { 1.0, { 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000 } },
  };

  /* Ten retries of 8 s fit in no deadline of 20 s: lift it for this one. */
  nexor_client_set_timeout (fixture->base.client, 0);
  nexor_client_set_max_retries (fixture->base.client, 10);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      g_autoptr(GString) shown = g_string_new (NULL);

      g_array_set_size (fixture->waits, 0);
      g_array_set_size (fixture->retries, 0);
      fixture->random_value = cases[c].draw;

      for (guint i = 0; i < 11; i++)
        nexor_emulator_push_fault (fixture->base.emulator, "status=502");
      lead = get_lead (fixture, NULL, &error);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_SERVER);
      assert_waits (fixture, cases[c].waits, G_N_ELEMENTS (cases[c].waits));

      for (guint i = 0; i < fixture->waits->len; i++)
        g_string_append_printf (shown, " %u", g_array_index (fixture->waits, guint, i));
      g_test_message ("retry waits (%s), jitter draw %.1f, virtual clock, ms:%s",
                      mode (fixture), cases[c].draw, shown->str);
    }

  /* Without the hook the draw is random, but always within 50–100 %. */
  _nexor_client_set_test_hooks (fixture->base.client, NULL, test_wait, fixture);
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;

      g_array_set_size (fixture->waits, 0);
      g_array_set_size (fixture->retries, 0);
      nexor_client_set_max_retries (fixture->base.client, 4);
      for (guint i = 0; i < 5; i++)
        nexor_emulator_push_fault (fixture->base.emulator, "status=500");
      lead = get_lead (fixture, NULL, &error);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_SERVER);
      g_assert_cmpuint (fixture->waits->len, ==, 4);
      for (guint i = 0; i < 4; i++)
        {
          guint nominal = 500u << i;

          g_assert_cmpuint (g_array_index (fixture->waits, guint, i), >=, nominal / 2);
          g_assert_cmpuint (g_array_index (fixture->waits, guint, i), <=, nominal);
        }
    }
}

/* Retry-After */

static void
test_retry_after (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *fault;
    guint wait_ms;
  } cases[] = {
    { "status=429;retry-after=2", 2000 },
    { "status=429;retry-after-date=3", 3000 },
    { "status=503;retry-after=0", 0 },
    { "status=503;retry-after=60", 60000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;

      g_test_message ("%s (%s)", cases[i].fault, mode (fixture));
      g_array_set_size (fixture->waits, 0);
      g_array_set_size (fixture->retries, 0);
      /* Room for the 60 s wait (in virtual time). */
      nexor_client_set_timeout (fixture->base.client, 90);

      nexor_emulator_push_fault (fixture->base.emulator, cases[i].fault);
      lead = get_lead (fixture, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (lead);
      assert_waits (fixture, &cases[i].wait_ms, 1);
    }
}

static void
test_retry_after_too_long (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct {
    const char *fault;
    guint timeout_s;
    guint seconds;
    const char *why;
  } cases[] = {
    { "status=429;retry-after=61", CALL_DEADLINE_S, 61, "longer than 60 s" },
    { "status=429;retry-after=3600", CALL_DEADLINE_S, 3600, "longer than 60 s" },
    { "status=429;retry-after-date=7200", CALL_DEADLINE_S, 7200, "longer than 60 s" },
    /* Within 60 s, but not within what is left of the deadline. */
    { "status=429;retry-after=30", 10, 30, "deadline" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      guint before = requests (fixture);
      g_autofree char *seconds = g_strdup_printf (" (retry after %u s)", cases[i].seconds);
      gint64 start;

      g_test_message ("%s (%s)", cases[i].fault, mode (fixture));
      nexor_client_set_timeout (fixture->base.client, cases[i].timeout_s);
      nexor_emulator_push_fault (fixture->base.emulator, cases[i].fault);
      start = g_get_monotonic_time ();
      lead = get_lead (fixture, NULL, &error);

      g_assert_null (lead);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);
      g_assert_true (g_str_has_suffix (error->message, seconds));
      g_assert_nonnull (strstr (error->message, cases[i].why));
      g_assert_cmpuint (requests (fixture), ==, before + 1);
      g_assert_cmpuint (fixture->waits->len, ==, 0);
      g_assert_cmpuint (fixture->retries->len, ==, 0);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

      /* The wait travels with the call's error. */
      g_assert_cmpuint (nexor_error_get_retry_after (error), ==, cases[i].seconds);
    }

  /* A 429 without Retry-After, once the retries are spent: 0, no wait named. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    nexor_client_set_timeout (fixture->base.client, CALL_DEADLINE_S);
    for (guint i = 0; i < 3; i++)
      nexor_emulator_push_fault (fixture->base.emulator, "status=429");
    lead = get_lead (fixture, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);
    g_assert_cmpuint (nexor_error_get_retry_after (error), ==, 0);
  }

  /* Retries spent on 429s that each asked for 1 s: the last wait. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    for (guint i = 0; i < 3; i++)
      nexor_emulator_push_fault (fixture->base.emulator, "status=429;retry-after=1");
    lead = get_lead (fixture, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);
    g_assert_cmpuint (nexor_error_get_retry_after (error), ==, 1);
  }
}

/* The deadline counts the waits: with virtual time, exactly. */
static void
test_deadline_counts_waits (Fixture       *fixture,
                            gconstpointer  data)
{
  static const guint expected[] = { 375, 750, 1500 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  /* 375 + 750 + 1500 ms fit in 5 s; the next 3000 would not. */
  nexor_client_set_timeout (fixture->base.client, 5);
  nexor_client_set_max_retries (fixture->base.client, 10);
  for (guint i = 0; i < 11; i++)
    nexor_emulator_push_fault (fixture->base.emulator, "status=503");

  lead = get_lead (fixture, NULL, &error);
  g_assert_null (lead);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "5 s"));
  g_assert_nonnull (strstr (error->message, "503"));
  g_assert_cmpuint (requests (fixture), ==, 4);
  assert_waits (fixture, expected, G_N_ELEMENTS (expected));
}

/* In real time: how close to its deadline a call ends. */
static void
test_deadline_precision (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 worst = 0;

  nexor_client_set_timeout (fixture->base.client, 1);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      gint64 start;
      gint64 late;

      nexor_emulator_push_fault (fixture->base.emulator, "delay=4000");
      start = g_get_monotonic_time ();
      lead = get_lead (fixture, NULL, &error);
      late = g_get_monotonic_time () - start - G_USEC_PER_SEC;

      g_assert_null (lead);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_TIMEOUT);
      g_assert_cmpint (late, >=, 0);
      worst = MAX (worst, late);
    }

  g_test_message ("deadline precision (%s): a 1 s deadline ends the call at most %.1f ms late",
                  mode (fixture), worst / 1000.0);
  /* Ended by the deadline, not by the 4 s delay; how late it is, is a
   * figure for the benchmarks, not a bound for a test on a busy machine. */
  g_assert_cmpint (worst, <, 2 * G_USEC_PER_SEC);
}

/* Transport faults */

static void
test_slow_first_byte (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  gint64 start = g_get_monotonic_time ();

  nexor_emulator_push_fault (fixture->base.emulator, "delay=400");
  lead = get_lead (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 390 * 1000);
  g_assert_cmpuint (requests (fixture), ==, 1);
  g_assert_cmpuint (fixture->retries->len, ==, 0);
}

static void
test_slow_trickle (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const faults[] = {
    "trickle=2;chunk=97",
    "trickle=2;chunk=61;chunked",
    "delay=100;trickle=1;chunk=512",
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      gint64 start = g_get_monotonic_time ();

      nexor_emulator_push_fault (fixture->base.emulator, faults[i]);
      lead = get_lead (fixture, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Lopez");
      g_assert_cmpuint (nexor_lead_get_variables (lead) ? g_list_model_get_n_items (nexor_lead_get_variables (lead)) : 0, ==, 2);
      g_test_message ("%s (%s): the lead in %.0f ms", faults[i], mode (fixture),
                      (g_get_monotonic_time () - start) / 1000.0);
    }
  g_assert_cmpuint (fixture->retries->len, ==, 0);
}

/* A GET is safe to repeat: a connection reset mid-body is retried. */
static void
test_reset_get (Fixture       *fixture,
                gconstpointer  data)
{
  static const guint expected[] = { 375 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  Retry *retry;

  nexor_emulator_push_fault (fixture->base.emulator, "reset");
  lead = get_lead (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, SEED_LEAD_ID);
  g_assert_cmpuint (requests (fixture), ==, 2);
  assert_waits (fixture, expected, G_N_ELEMENTS (expected));
  retry = &g_array_index (fixture->retries, Retry, 0);
  g_assert_true (retry->error->domain == G_IO_ERROR);
  g_test_message ("reset mid-body (%s): %s", mode (fixture), retry->error->message);

  /* Every attempt reset: the transport error itself, after the retries. */
  g_clear_object (&lead);
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    nexor_emulator_push_fault (fixture->base.emulator, "reset");
  lead = get_lead (fixture, NULL, &error);
  g_assert_null (lead);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_assert_cmpuint (requests (fixture), ==, 5);
}

/* Writes that are not safe to repeat are sent once when they may have been
 * applied, and the caller learns that the outcome is unknown, with the
 * cause: the emulator's reset comes after it did the work. */
static void
test_post_not_repeated (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const faults[] = {
    "status=500", "status=502", "status=503", "status=504", "status=503;retry-after=1", "reset",
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorCreateLeadResult) created = NULL;
      g_autoptr(GObject) object = NULL;
      guint before = requests (fixture);
      guint leads = stored_leads (fixture);

      g_test_message ("create-lead after %s (%s)", faults[i], mode (fixture));
      nexor_emulator_push_fault (fixture->base.emulator, faults[i]);
      created = create_lead (fixture, &error);
      g_assert_null (created);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
      g_assert_nonnull (strstr (error->message, "may have been applied"));
      if (g_str_has_prefix (faults[i], "status="))
        g_assert_true (g_str_has_prefix (error->message, "HTTP 5"));
      g_test_message ("  %s", error->message);
      g_assert_cmpuint (requests (fixture), ==, before + 1);
      g_assert_cmpuint (fixture->retries->len, ==, 0);
      /* A reset comes after the server did the work: one lead, never two. */
      g_assert_cmpuint (stored_leads (fixture), ==, leads + (g_str_equal (faults[i], "reset") ? 1 : 0));
      g_clear_error (&error);

      /* The same through the bare core. */
      before = requests (fixture);
      nexor_emulator_push_fault (fixture->base.emulator, faults[i]);
      object = core_post (fixture, fixture->base.client, &error);
      g_assert_null (object);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
      g_assert_cmpuint (requests (fixture), ==, before + 1);
      g_assert_cmpuint (fixture->retries->len, ==, 0);
    }

  /* The same 503 to a GET is a server error, after its retries. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    for (guint i = 0; i < 3; i++)
      nexor_emulator_push_fault (fixture->base.emulator, "status=503");
    lead = get_lead (fixture, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_SERVER);
    g_array_set_size (fixture->waits, 0);
    g_array_set_size (fixture->retries, 0);
  }

  /* Without a fault the same call works: the faults made the difference. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorCreateLeadResult) created = create_lead (fixture, &error);

    g_assert_no_error (error);
    g_assert_nonnull (created);
  }
}

/* 408, 425 and 429 say the server did not process the request: every
 * operation goes again, a create and a bulk create too, within the same
 * retry budget and deadline; the store ends with one copy of each lead. */
static void
test_writes_unprocessed (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct {
    const char *fault;
    guint wait_ms;
  } cases[] = {
    { "status=429;retry-after=1", 1000 },
    { "status=429", 375 },
    { "status=408", 375 },
    { "status=425", 375 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorCreateLeadResult) created = NULL;
      g_autoptr(NexorBulkCreateResult) bulk = NULL;
      guint before = requests (fixture);
      guint leads = stored_leads (fixture);

      g_test_message ("create-lead and create-leads after %s (%s)", cases[i].fault, mode (fixture));
      g_array_set_size (fixture->waits, 0);
      g_array_set_size (fixture->retries, 0);
      nexor_emulator_push_fault (fixture->base.emulator, cases[i].fault);
      created = create_lead (fixture, &error);
      g_assert_no_error (error);
      g_assert_nonnull (created);
      g_assert_cmpuint (requests (fixture), ==, before + 2);
      g_assert_cmpuint (stored_leads (fixture), ==, leads + 1);
      assert_waits (fixture, &cases[i].wait_ms, 1);

      g_array_set_size (fixture->waits, 0);
      g_array_set_size (fixture->retries, 0);
      nexor_emulator_push_fault (fixture->base.emulator, cases[i].fault);
      bulk = create_leads (fixture, 3, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bulk);
      g_assert_cmpint (nexor_bulk_create_result_get_created (bulk), ==, 3);
      g_assert_cmpuint (requests (fixture), ==, before + 4);
      g_assert_cmpuint (stored_leads (fixture), ==, leads + 4);
      assert_waits (fixture, &cases[i].wait_ms, 1);
    }

  /* The same retry budget: 429 three times, then the error, nothing stored. */
  {
    static const guint expected[] = { 1000, 1000 };
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorBulkCreateResult) bulk = NULL;
    guint before = requests (fixture);
    guint leads = stored_leads (fixture);

    g_array_set_size (fixture->waits, 0);
    g_array_set_size (fixture->retries, 0);
    for (guint i = 0; i < 3; i++)
      nexor_emulator_push_fault (fixture->base.emulator, "status=429;retry-after=1");
    bulk = create_leads (fixture, 2, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);
    g_assert_cmpuint (nexor_error_get_retry_after (error), ==, 1);
    g_assert_cmpuint (requests (fixture), ==, before + 3);
    g_assert_cmpuint (stored_leads (fixture), ==, leads);
    assert_waits (fixture, expected, G_N_ELEMENTS (expected));
  }

  /* And the same deadline: a wait that does not fit ends the call. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorCreateLeadResult) created = NULL;

    nexor_client_set_timeout (fixture->base.client, 5);
    nexor_emulator_push_fault (fixture->base.emulator, "status=429;retry-after=10");
    created = create_lead (fixture, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED);
    g_assert_nonnull (strstr (error->message, "deadline"));
    g_assert_cmpuint (nexor_error_get_retry_after (error), ==, 10);
  }
}

/* A tag update sets the same fields again: safe to repeat, so a 503 is
 * retried; a tag create is not. */
static void
test_tag_writes (Fixture       *fixture,
                 gconstpointer  data)
{
  static const guint expected[] = { 375 };
  g_autoptr(NexorTagInput) input = nexor_tag_input_new ();
  g_autoptr(NexorTagInput) change = nexor_tag_input_new ();
  g_autoptr(NexorTag) tag = NULL;
  g_autoptr(NexorTag) updated = NULL;
  g_autoptr(NexorTag) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = g_strdup_printf ("retry-%u", g_random_int ());
  guint before;

  nexor_tag_input_set_name (input, "Retry");
  nexor_tag_input_set_slug (input, slug);
  tag = nexor_client_create_tag (fixture->base.client, input, NULL, &error);
  g_assert_no_error (error);

  nexor_tag_input_set_name (change, "Retried");
  before = requests (fixture);
  nexor_emulator_push_fault (fixture->base.emulator, "status=503");
  if (!fixture->async)
    updated = nexor_client_update_tag (fixture->base.client, nexor_tag_get_id (tag), change, NULL, &error);
  else
    {
      g_autoptr(GAsyncResult) result = NULL;

      nexor_client_update_tag_async (fixture->base.client, nexor_tag_get_id (tag), change, NULL,
                                     nexor_test_on_result, &result);
      updated = nexor_client_update_tag_finish (fixture->base.client, nexor_test_wait_for_result (&result), &error);
    }
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_tag_get_name (updated), ==, "Retried");
  g_assert_cmpuint (requests (fixture), ==, before + 2);
  assert_waits (fixture, expected, G_N_ELEMENTS (expected));

  nexor_tag_input_set_slug (input, "retry-other");
  before = requests (fixture);
  nexor_emulator_push_fault (fixture->base.emulator, "status=503");
  again = nexor_client_create_tag (fixture->base.client, input, NULL, &error);
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (requests (fixture), ==, before + 1);
}

static gpointer
cancel_soon (gpointer cancellable)
{
  g_usleep (200 * 1000);  /* the test's own thread, standing in for a user */
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* The deadline passing while a create waits for its answer: it may have
 * been applied. A GET in the same place is a plain timeout, and a cancel by
 * the caller stays a cancel. Real time: 2 s each. */
static void
test_outcome_unknown_deadline (Fixture       *fixture,
                               gconstpointer  data)
{
  /* The deadline must pass after the request is written: two seconds are
   * plenty on loopback, even on a busy machine; more under valgrind. */
  guint deadline_s = slow_run () ? 5 : 2;
  g_autofree char *delay = g_strdup_printf ("delay=%u", deadline_s * 4000);
  g_autofree char *within = g_strdup_printf ("within %u s", deadline_s);

  nexor_client_set_timeout (fixture->base.client, deadline_s);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorCreateLeadResult) created = NULL;
    guint before = requests (fixture);

    nexor_emulator_push_fault (fixture->base.emulator, delay);
    created = create_lead (fixture, &error);
    g_assert_null (created);
    g_test_message ("create-lead past its deadline (%s): %s", mode (fixture), error->message);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
    g_assert_nonnull (strstr (error->message, within));
    g_assert_cmpuint (requests (fixture), ==, before + 1);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    nexor_emulator_push_fault (fixture->base.emulator, delay);
    lead = get_lead (fixture, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_TIMEOUT);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorCreateLeadResult) created = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    nexor_client_set_timeout (fixture->base.client, CALL_DEADLINE_S);
    nexor_emulator_push_fault (fixture->base.emulator, "delay=4000");
    GThread *thread = g_thread_new ("canceller", cancel_soon, cancellable);

    created = create_lead_with (fixture, cancellable, &error);
    g_thread_join (thread);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

/* A refused connection never reached the server: even a POST goes again. */
static void
test_connect_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const guint expected[] = { 375, 750 };
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  g_autofree char *base_url = NULL;

  /* A port that was free a moment ago, and is closed. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  base_url = g_strdup_printf ("http://127.0.0.1:%u/api/public",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  client = fixture_new_client (fixture, base_url, NULL);
  object = core_post (fixture, client, &error);
  g_assert_null (object);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  assert_waits (fixture, expected, G_N_ELEMENTS (expected));
}

static void
test_invalid_bodies (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *fault;
    const char *in_message;
  } cases[] = {
    { "truncated", "not JSON" },
    { "html", "Content-Type: text/html" },
    { "html;content-type=application/json", "not JSON" },
    { "truncated;chunked", "not JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      guint before = requests (fixture);

      g_test_message ("%s (%s)", cases[i].fault, mode (fixture));
      nexor_emulator_push_fault (fixture->base.emulator, cases[i].fault);
      lead = get_lead (fixture, NULL, &error);
      g_assert_null (lead);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* Not a transport failure: the same answer would come again. */
      g_assert_cmpuint (requests (fixture), ==, before + 1);
    }
  g_assert_cmpuint (fixture->retries->len, ==, 0);
}

/* The Content-Type is not trusted either way: JSON labelled as HTML is used. */
static void
test_json_as_html (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  nexor_emulator_push_fault (fixture->base.emulator, "content-type=text/html");
  lead = get_lead (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_lead_get_company (lead), ==, "Stark Industries");
}

static void
test_huge_body (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const faults[] = { "huge", "huge;chunked", "huge=33" };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      guint before = requests (fixture);
      gint64 start;

      nexor_emulator_push_fault (fixture->base.emulator, faults[i]);
      start = g_get_monotonic_time ();
      lead = get_lead (fixture, NULL, &error);
      g_test_message ("time to refuse a %s body (%s): %.1f ms", faults[i], mode (fixture),
                      (g_get_monotonic_time () - start) / 1000.0);
      g_assert_null (lead);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
      g_assert_nonnull (strstr (error->message, "32 MiB"));
      g_assert_cmpuint (requests (fixture), ==, before + 1);
    }

  /* Below the limit the same padding is only whitespace: a valid lead.
   * Parsing 31 MiB takes minutes under valgrind, where 4 MiB make the point. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    nexor_emulator_push_fault (fixture->base.emulator, slow_run () ? "huge=4" : "huge=31");
    lead = get_lead (fixture, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (nexor_lead_get_id (lead), ==, SEED_LEAD_ID);
  }
  g_assert_cmpuint (fixture->retries->len, ==, 0);
}

/* The per-request header, through a session the test owns. */

typedef struct {
  char *spec;   /* sent once, with the next request */
} HeaderFault;

static void
add_fault_header (SoupSession *session,
                  SoupMessage *message,
                  HeaderFault *header)
{
  if (header->spec != NULL)
    {
      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "X-Nexor-Fault", header->spec);
      g_clear_pointer (&header->spec, g_free);
    }
}

static void
test_fault_header (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(NexorClient) client = NULL;
  HeaderFault header = { NULL };
  NexorClient *plain = fixture->base.client;

  g_signal_connect (session, "request-queued", G_CALLBACK (add_fault_header), &header);
  client = fixture_new_client (fixture, nexor_emulator_thread_get_base_url (fixture->base.server), session);
  fixture->base.client = client;

  /* Off by default: the header is ignored. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    header.spec = g_strdup ("status=500");
    lead = get_lead (fixture, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (requests (fixture), ==, 1);
  }

  nexor_emulator_set_faults_enabled (fixture->base.emulator, TRUE);
  {
    static const guint expected[] = { 1000 };
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    header.spec = g_strdup ("status=503;retry-after=1");
    lead = get_lead (fixture, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (lead);
    g_assert_cmpuint (requests (fixture), ==, 3);
    assert_waits (fixture, expected, G_N_ELEMENTS (expected));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    /* A header that does not parse is the client's mistake: 400. */
    header.spec = g_strdup ("status=999");
    lead = get_lead (fixture, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "Invalid fault"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorLead) lead = NULL;

    /* The header wins over the queue, which it leaves alone. */
    nexor_emulator_push_fault (fixture->base.emulator, "html");
    header.spec = g_strdup ("delay=1");
    lead = get_lead (fixture, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&lead);
    lead = get_lead (fixture, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE);
  }
  nexor_emulator_set_faults_enabled (fixture->base.emulator, FALSE);

  fixture->base.client = plain;
}

/* Cancellation, in real time */

typedef struct {
  GCancellable *cancellable;
  guint after_ms;
  gint64 cancelled_at;
} Canceller;

static gpointer
cancel_later (gpointer user_data)
{
  Canceller *canceller = user_data;

  g_usleep (canceller->after_ms * 1000);  /* the test's own thread, standing in for a user */
  canceller->cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (canceller->cancellable);
  return NULL;
}

static gboolean
cancel_now (gpointer user_data)
{
  Canceller *canceller = user_data;

  canceller->cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (canceller->cancellable);
  return G_SOURCE_REMOVE;
}

/* Cancels @fixture's next call after @after_ms and returns how long the
 * call took to end after the cancel, in µs. */
static gint64
measure_cancel (Fixture *fixture,
                guint    after_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  Canceller canceller = { cancellable, after_ms, 0 };
  GThread *thread = NULL;
  gint64 ended_at;

  if (fixture->async)
    g_timeout_add (after_ms, cancel_now, &canceller);
  else
    thread = g_thread_new ("canceller", cancel_later, &canceller);

  lead = get_lead (fixture, cancellable, &error);
  ended_at = g_get_monotonic_time ();
  if (thread != NULL)
    g_thread_join (thread);

  g_assert_null (lead);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (canceller.cancelled_at, >, 0);
  return ended_at - canceller.cancelled_at;
}

static void
test_cancel_during_request (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 worst = 0;

  for (guint round = 0; round < 5; round++)
    {
      gint64 latency;

      nexor_emulator_push_fault (fixture->base.emulator, "delay=5000");
      latency = measure_cancel (fixture, 50);
      worst = MAX (worst, latency);
    }

  g_test_message ("cancel latency during a request (%s): at most %.2f ms over 5 calls",
                  mode (fixture), worst / 1000.0);
  /* Ended by the cancel, not by the 5 s delay. */
  g_assert_cmpint (worst, <, 2 * G_USEC_PER_SEC);
}

static void
test_cancel_during_wait (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 worst = 0;

  /* Real waits this time. */
  _nexor_client_set_test_hooks (fixture->base.client, NULL, NULL, NULL);

  for (guint round = 0; round < 5; round++)
    {
      guint before = requests (fixture);
      gint64 latency;

      nexor_emulator_push_fault (fixture->base.emulator, "status=503;retry-after=10");
      latency = measure_cancel (fixture, 200);
      worst = MAX (worst, latency);
      /* The wait was under way: one request, and no other after the cancel. */
      g_assert_cmpuint (requests (fixture), ==, before + 1);
    }

  g_test_message ("cancel latency during a backoff wait (%s): at most %.2f ms over 5 calls",
                  mode (fixture), worst / 1000.0);
  /* Ended by the cancel, not by the 10 s wait. */
  g_assert_cmpint (worst, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->retries->len, ==, 5);
}

/* The signal runs where the call's callback runs: a worker's own context. */

typedef struct {
  Fixture *fixture;
  GThread *thread;
  NexorLead *lead;
  GError *error;
  gboolean done;
} Worker;

static void
on_worker_result (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Worker *worker = user_data;

  worker->lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &worker->error);
  worker->done = TRUE;
}

static gpointer
worker_main (gpointer user_data)
{
  Worker *worker = user_data;
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  nexor_client_get_lead_async (worker->fixture->base.client, SEED_LEAD_ID, NULL, on_worker_result, worker);
  while (!worker->done)
    g_main_context_iteration (context, TRUE);
  nexor_test_drain_context (context);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
test_signal_context (Fixture       *fixture,
                     gconstpointer  data)
{
  Worker worker = { fixture };
  Retry *retry;

  nexor_emulator_push_fault (fixture->base.emulator, "status=502");
  worker.thread = g_thread_new ("worker", worker_main, &worker);
  g_thread_join (worker.thread);

  g_assert_no_error (worker.error);
  g_assert_nonnull (worker.lead);
  g_clear_object (&worker.lead);
  g_assert_cmpuint (fixture->retries->len, ==, 1);
  retry = &g_array_index (fixture->retries, Retry, 0);
  g_assert_true (retry->thread == worker.thread);
  g_assert_error (retry->error, NEXOR_ERROR, NEXOR_ERROR_SERVER);
}

/* Plain HTTP only to this machine */

static void
test_plain_http (void)
{
  static const struct {
    const char *url;
    gboolean accepted;
  } cases[] = {
    { "http://api.getnexor.ai/api/public", FALSE },
    { "http://127.0.0.1.example.com/api/public", FALSE },
    { "http://localhost.example.com/api/public", FALSE },
    { "http://10.0.0.1/api/public", FALSE },
    { "http://[::ffff:8.8.8.8]/api/public", FALSE },
    { "http://127.0.0.1:9/api/public", TRUE },
    { "http://127.1.2.3:9/api/public", TRUE },
    { "http://localhost:9/api/public", TRUE },
    { "http://[::1]:9/api/public", TRUE },
    { "https://api.getnexor.ai/api/public", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorClient) client = nexor_client_new_for_url (cases[i].url, KEY, &error);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(NexorLead) lead = NULL;

      g_test_message ("%s", cases[i].url);
      if (!cases[i].accepted)
        {
          /* Refused when built, before any call. */
          g_assert_null (client);
          g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
          g_assert_nonnull (strstr (error->message, "Refusing plain-HTTP"));
          g_assert_null (strstr (error->message, KEY));
          continue;
        }

      g_assert_no_error (error);
      /* Cancelled up front: a URL that passes never reaches the network. */
      g_cancellable_cancel (cancellable);
      lead = nexor_client_get_lead (client, SEED_LEAD_ID, cancellable, &error);
      g_assert_null (lead);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
}

/* Secrets: with every debug level on, the key appears in no output, on any
 * fault path, sync or async. */
static void
test_redaction (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const faults[] = {
    "status=500", "status=503;retry-after=1", "status=429;retry-after=3600",
    "status=429;retry-after-date=2", "delay=10", "trickle=1;chunk=256", "reset",
    "truncated", "html", "html;content-type=application/json", "huge", "huge;chunked",
    "content-type=text/html", "status=401",
  };

  if (g_test_subprocess ())
    {
      /* Every level of the core's logging, and every debug message of
       * every domain, libsoup's and the emulator's included. */
      g_setenv ("NEXOR_DEBUG", "3", TRUE);
      g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
      g_log_set_debug_enabled (TRUE);
      g_clear_object (&fixture->base.client);
      fixture->base.client = fixture_new_client (fixture,
                                                 nexor_emulator_thread_get_base_url (fixture->base.server),
                                                 NULL);

      for (guint async = 0; async < 2; async++)
        {
          fixture->async = async;
          for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(NexorLead) lead = NULL;
              g_autoptr(NexorCreateLeadResult) created = NULL;

              nexor_emulator_push_fault (fixture->base.emulator, faults[i]);
              lead = get_lead (fixture, NULL, &error);
              g_printerr ("get-lead %s: %s\n", faults[i], error ? error->message : "ok");
              g_clear_error (&error);

              nexor_emulator_push_fault (fixture->base.emulator, faults[i]);
              created = create_lead (fixture, &error);
              g_printerr ("create-lead %s: %s\n", faults[i], error ? error->message : "ok");
            }
        }
      return;
    }

  /* No timeout of its own: under valgrind it takes minutes; meson's applies. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* It did log, headers and bodies included. */
  g_test_trap_assert_stdout ("*X-API-Key: [REDACTED]*");
  g_test_trap_assert_stdout ("*Carlos*");
  g_test_trap_assert_stderr ("*create-lead reset: *");
  g_test_trap_assert_stdout_unmatched ("*" KEY "*");
  g_test_trap_assert_stderr_unmatched ("*" KEY "*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_BOTH(path, func) \
  g_test_add (path "/sync", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, func, fixture_tear_down); \
  g_test_add (path "/async", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, func, fixture_tear_down)

  ADD_BOTH ("/faults/retry/statuses", test_retry_statuses);
  ADD_BOTH ("/faults/retry/not-retried", test_no_retry_statuses);
  ADD_BOTH ("/faults/retry/exhausted", test_retries_exhausted);
  ADD_BOTH ("/faults/retry/backoff", test_backoff_formula);
  ADD_BOTH ("/faults/retry-after/honoured", test_retry_after);
  ADD_BOTH ("/faults/retry-after/too-long", test_retry_after_too_long);
  ADD_BOTH ("/faults/deadline/counts-waits", test_deadline_counts_waits);
  ADD_BOTH ("/faults/deadline/precision", test_deadline_precision);
  ADD_BOTH ("/faults/slow/first-byte", test_slow_first_byte);
  ADD_BOTH ("/faults/slow/trickle", test_slow_trickle);
  ADD_BOTH ("/faults/reset/get", test_reset_get);
  ADD_BOTH ("/faults/reset/post-not-repeated", test_post_not_repeated);
  ADD_BOTH ("/faults/retry/writes-unprocessed", test_writes_unprocessed);
  ADD_BOTH ("/faults/retry/tag-writes", test_tag_writes);
  ADD_BOTH ("/faults/outcome-unknown/deadline", test_outcome_unknown_deadline);
  ADD_BOTH ("/faults/connect-refused", test_connect_refused);
  ADD_BOTH ("/faults/body/invalid", test_invalid_bodies);
  ADD_BOTH ("/faults/body/json-as-html", test_json_as_html);
  ADD_BOTH ("/faults/body/huge", test_huge_body);
  ADD_BOTH ("/faults/header", test_fault_header);
  ADD_BOTH ("/faults/cancel/during-request", test_cancel_during_request);
  ADD_BOTH ("/faults/cancel/during-wait", test_cancel_during_wait);
  ADD_BOTH ("/faults/redaction", test_redaction);
  g_test_add ("/faults/signal-context", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_signal_context, fixture_tear_down);
  g_test_add_func ("/faults/plain-http", test_plain_http);

  return g_test_run ();
}
