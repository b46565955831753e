/* test-client-warm.c: writes on warm keep-alive connections, and never twice
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Writes that are not safe to repeat (create_lead, send_message) go on idle
 * keep-alive connections like reads do. Each case checks the emulator's
 * connection log (which connection carried a request, how many there were)
 * and its request count and store: a write is on the wire once, whatever
 * the server does to the connection.
 */

#include <string.h>

#include "client-fixture.h"
#include "nexor-client-private.h"

#define MARIANA "2f552d00-1a7b-471a-81f0-1d52dc1406b3"
#define SALES   "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define CARLOS  "123e4567-e89b-12d3-a456-426614174000"

typedef ClientFixture Fixture;

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

/* The connection that carried the last request, numbered by the emulator. */
static guint
last_connection (Fixture *fixture)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);

  g_assert_nonnull (request);
  return (guint) json_object_get_int_member (request, "connection");
}

/* How many leads the emulator's store holds with @email. */
static guint
n_leads_with_email (Fixture    *fixture,
                    const char *email)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *leads = json_object_get_array_member (json_node_get_object (state), "leads");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *lead = json_object_get_object_member (json_array_get_object_element (leads, i), "lead");
      JsonNode *value = json_object_get_member (lead, "email");

      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
          g_strcmp0 (json_node_get_string (value), email) == 0)
        n++;
    }
  return n;
}

static guint
n_history (Fixture    *fixture,
           const char *lead_id)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *leads = json_object_get_array_member (json_node_get_object (state), "leads");

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);
      JsonObject *lead = json_object_get_object_member (entry, "lead");

      if (g_ascii_strcasecmp (json_object_get_string_member (lead, "id"), lead_id) == 0)
        return json_array_get_length (json_object_get_array_member (entry, "history"));
    }
  g_assert_not_reached ();
}

static NexorLeadInput *
new_lead (const char *email)
{
  NexorLeadInput *input = nexor_lead_input_new ();

  nexor_lead_input_set_first_name (input, "Warm");
  nexor_lead_input_set_email (input, email);
  return input;
}

/* create_lead, blocking or async on the default main context. */
static NexorCreateLeadResult *
create_lead (Fixture     *fixture,
             const char  *email,
             gboolean     async,
             GError     **error)
{
  g_autoptr(NexorLeadInput) input = new_lead (email);
  g_autoptr(GAsyncResult) result = NULL;

  if (!async)
    return nexor_client_create_lead (fixture->client, input, NULL, error);

  nexor_client_create_lead_async (fixture->client, input, NULL, nexor_test_on_result, &result);
  return nexor_client_create_lead_finish (fixture->client, nexor_test_wait_for_result (&result), error);
}

static NexorMessageResult *
send_email (Fixture     *fixture,
            gboolean     async,
            GError     **error)
{
  g_autoptr(NexorMessageInput) input = nexor_message_input_new (NEXOR_MESSAGE_CHANNEL_EMAIL);
  g_autoptr(GAsyncResult) result = NULL;

  nexor_message_input_set_lead_id (input, MARIANA);
  nexor_message_input_set_workflow_id (input, SALES);
  nexor_message_input_set_content (input, "Hola");
  if (!async)
    return nexor_client_send_message (fixture->client, input, NULL, error);

  nexor_client_send_message_async (fixture->client, input, NULL, nexor_test_on_result, &result);
  return nexor_client_send_message_finish (fixture->client, nexor_test_wait_for_result (&result), error);
}

/* The tests of what happens on a warm connection make the warm bound an
 * hour, so that a stall of the machine between two calls cannot make the
 * write take a new connection instead; and the stale connection is then
 * noticed by libsoup's own check, not by the bound. */
static void
trust_warm_connections (Fixture *fixture)
{
  _nexor_client_set_warm_idle_bound (fixture->client, (gint64) 3600 * G_USEC_PER_SEC);
}

/* A read that leaves one warm connection in the client's pool. */
static void
warm_up (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = nexor_client_get_lead (fixture->client, CARLOS, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lead);
  /* Lets an async call's connection go back to the pool. */
  nexor_test_drain_context (NULL);
}

/* Whether the client's socket of the connection that carried the last
 * request (from its port to 127.0.0.1:@port) is still ESTABLISHED. */
static gboolean
client_side_established (guint client_port,
                         guint port)
{
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *local = g_strdup_printf ("0100007F:%04X", client_port);
  g_autofree char *remote = g_strdup_printf ("0100007F:%04X", port);

  g_assert_true (g_file_get_contents ("/proc/net/tcp", &table, NULL, NULL));
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      const char *columns[4] = { NULL };
      guint f = 0;

      for (guint j = 0; fields[j] != NULL && f < 4; j++)
        if (*fields[j] != '\0')
          columns[f++] = fields[j];
      /* sl local_address rem_address st; 01 is ESTABLISHED */
      if (f == 4 && g_str_equal (columns[1], local) && g_str_equal (columns[2], remote))
        return g_str_equal (columns[3], "01");
    }
  return FALSE;
}

/* Waits until the emulator has shut down @n connections for close-idle and
 * the client's kernel has taken the end of file of the last request's
 * connection (its socket left ESTABLISHED for CLOSE_WAIT): what a
 * keep-alive timeout leaves in the client's pool. A wait for a state, not
 * for a time: it holds on a loaded machine. */
static void
wait_idle_closed (Fixture *fixture,
                  guint    n)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);
  guint client_port = (guint) json_object_get_int_member (request, "client_port");
  guint port = nexor_emulator_get_port (fixture->emulator);
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_cmpuint (client_port, >, 0);
  while (nexor_emulator_get_closed_idle_count (fixture->emulator) < n ||
         client_side_established (client_port, port))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_usleep (2000);
    }
}

/* ---------------------------------------------------------------------------
 * (a) many writes, few connections
 * ------------------------------------------------------------------------- */

#define N_CREATES 300

/* 300 creates in a row, blocking and async in turn, over one client: they
 * share its warm connections. Before writes could reuse connections, each
 * create opened its own: 300 connections. */
static void
test_creates_reuse (Fixture       *fixture,
                    gconstpointer  data)
{
  warm_up (fixture);

  for (guint i = 0; i < N_CREATES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *email = g_strdup_printf ("warm-%u@example.com", i);
      g_autoptr(NexorCreateLeadResult) created = create_lead (fixture, email, i % 2 == 1, &error);

      g_assert_no_error (error);
      g_assert_false (nexor_create_lead_result_get_existed (created));
      nexor_test_drain_context (NULL);
    }

  g_assert_cmpuint (sent (fixture), ==, N_CREATES + 1);
  g_test_message ("%u creates after a read: %u connections in all", N_CREATES,
                  nexor_emulator_get_connection_count (fixture->emulator));
  /* One connection does it. A few more are allowed, with the client's own
   * warm bound: a machine stalled for a second between two calls (under
   * valgrind, say) makes a write take a new connection, by design. */
  if (nexor_emulator_get_connection_count (fixture->emulator) > 10)
    g_error ("%u creates opened %u connections", N_CREATES,
             nexor_emulator_get_connection_count (fixture->emulator));
}

/* Every write not safe to repeat takes the same way through the request
 * core: a bulk create, a tag, a message and a lead, each on the connection
 * the read warmed up. Before, each opened its own. */
static void
test_every_write (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) leads = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(NexorLeadInput) a = new_lead ("bulk-a@example.com");
  g_autoptr(NexorLeadInput) b = new_lead ("bulk-b@example.com");
  g_autoptr(NexorTagInput) tag_input = nexor_tag_input_new ();
  g_autoptr(NexorBulkCreateResult) bulk = NULL;
  g_autoptr(NexorTag) tag = NULL;
  g_autoptr(NexorMessageResult) message = NULL;
  g_autoptr(NexorCreateLeadResult) created = NULL;
  guint connections;
  guint warm;

  trust_warm_connections (fixture);
  warm_up (fixture);
  warm = last_connection (fixture);
  connections = nexor_emulator_get_connection_count (fixture->emulator);

  g_list_store_append (leads, a);
  g_list_store_append (leads, b);
  bulk = nexor_client_create_leads (fixture->client, G_LIST_MODEL (leads), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last_connection (fixture), ==, warm);

  nexor_tag_input_set_name (tag_input, "Warm");
  nexor_tag_input_set_slug (tag_input, "warm");
  tag = nexor_client_create_tag (fixture->client, tag_input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last_connection (fixture), ==, warm);

  message = send_email (fixture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last_connection (fixture), ==, warm);

  created = create_lead (fixture, "single@example.com", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last_connection (fixture), ==, warm);

  g_assert_cmpuint (nexor_emulator_get_connection_count (fixture->emulator), ==, connections);
  g_assert_cmpuint (n_leads_with_email (fixture, "bulk-a@example.com"), ==, 1);
  g_assert_cmpuint (n_leads_with_email (fixture, "single@example.com"), ==, 1);
}

/* ---------------------------------------------------------------------------
 * (b) a connection the server closed while it was idle
 * ------------------------------------------------------------------------- */

/* The server's keep-alive timeout ran out and it closed the idle
 * connection before the write: libsoup finds it closed before it writes a
 * byte on it, and the create goes once, on a new connection. */
static void
test_stale_idle (Fixture       *fixture,
                 gconstpointer  data)
{
  trust_warm_connections (fixture);

  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorCreateLeadResult) first = NULL;
      g_autoptr(NexorCreateLeadResult) second = NULL;
      g_autofree char *email1 = g_strdup_printf ("stale-a-%u@example.com", async);
      g_autofree char *email2 = g_strdup_printf ("stale-b-%u@example.com", async);
      guint before;
      guint connection;

      nexor_emulator_push_fault (fixture->emulator, "close-idle");
      first = create_lead (fixture, email1, async, &error);
      g_assert_no_error (error);
      nexor_test_drain_context (NULL);
      connection = last_connection (fixture);
      wait_idle_closed (fixture, async + 1);

      before = sent (fixture);
      second = create_lead (fixture, email2, async, &error);
      g_assert_no_error (error);
      g_assert_nonnull (second);
      g_assert_cmpuint (sent (fixture), ==, before + 1);
      g_assert_cmpuint (last_connection (fixture), !=, connection);
      g_assert_cmpuint (n_leads_with_email (fixture, email1), ==, 1);
      g_assert_cmpuint (n_leads_with_email (fixture, email2), ==, 1);
      nexor_test_drain_context (NULL);
    }
}

/* The server closed the warm connection as the write arrived, without
 * acting on it (or reset it): nothing tells the client whether the request
 * was taken, so it is not sent again and the outcome is unknown. libsoup
 * does not re-send it either, though the connection had been used. */
static void
test_closed_under_write (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *faults[] = { "drop", "drop;reset" };

  trust_warm_connections (fixture);

  nexor_client_set_max_retries (fixture->client, 3);

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    for (guint async = 0; async <= 1; async++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NexorCreateLeadResult) created = NULL;
        g_autofree char *email = g_strdup_printf ("dropped-%u-%u@example.com", f, async);
        guint before;
        guint warm;

        warm_up (fixture);
        warm = last_connection (fixture);
        before = sent (fixture);
        nexor_emulator_push_fault (fixture->emulator, faults[f]);
        created = create_lead (fixture, email, async, &error);
        g_assert_null (created);
        if (!g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN))
          g_error ("%s: %s", faults[f], error != NULL ? error->message : "no error");
        g_assert_cmpuint (sent (fixture), ==, before + 1);
        /* It went on the warm connection: the case that needs the proof. */
        g_assert_cmpuint (last_connection (fixture), ==, warm);
        g_assert_cmpuint (n_leads_with_email (fixture, email), ==, 0);
        nexor_test_drain_context (NULL);
      }
}

/* A connection idle for longer than the warm bound is not trusted with a
 * write not safe to repeat: the write is stopped before a byte goes out,
 * and sent once on a new connection; the old one is closed. Reads keep
 * using warm connections whatever their age. The bound is made 0 here, so
 * that no connection is young enough, without waiting for one to age. */
static void
test_idle_bound (Fixture       *fixture,
                 gconstpointer  data)
{
  _nexor_client_set_warm_idle_bound (fixture->client, 0);

  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorCreateLeadResult) created = NULL;
      g_autofree char *email = g_strdup_printf ("aged-%u@example.com", async);
      guint connections;
      guint before;
      guint warm;

      warm_up (fixture);
      warm = last_connection (fixture);
      connections = nexor_emulator_get_connection_count (fixture->emulator);
      before = sent (fixture);
      created = create_lead (fixture, email, async, &error);
      g_assert_no_error (error);
      g_assert_nonnull (created);
      g_assert_cmpuint (sent (fixture), ==, before + 1);
      g_assert_cmpuint (last_connection (fixture), !=, warm);
      g_assert_cmpuint (nexor_emulator_get_connection_count (fixture->emulator), ==, connections + 1);
      g_assert_cmpuint (n_leads_with_email (fixture, email), ==, 1);
      nexor_test_drain_context (NULL);

      /* The read after it finds the write's connection and uses it. */
      warm_up (fixture);
      g_assert_cmpuint (nexor_emulator_get_connection_count (fixture->emulator), ==, connections + 1);
    }
}

/* A server that states its keep-alive timeout ("Keep-Alive: timeout=N")
 * sets the bound itself, N less a margin of one second, in both directions:
 * with the client's own bound made 0, a write still goes on the read's
 * connection when its server keeps it 60 s ... */
static void
test_keep_alive_long (Fixture       *fixture,
                      gconstpointer  data)
{
  _nexor_client_set_warm_idle_bound (fixture->client, 0);

  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorCreateLeadResult) created = NULL;
      g_autofree char *email = g_strdup_printf ("kept-%u@example.com", async);
      guint connections;
      guint before;
      guint warm;

      nexor_emulator_push_fault (fixture->emulator, "keep-alive-timeout=60");
      warm_up (fixture);
      warm = last_connection (fixture);
      connections = nexor_emulator_get_connection_count (fixture->emulator);
      before = sent (fixture);
      created = create_lead (fixture, email, async, &error);
      g_assert_no_error (error);
      g_assert_nonnull (created);
      g_assert_cmpuint (sent (fixture), ==, before + 1);
      g_assert_cmpuint (last_connection (fixture), ==, warm);
      g_assert_cmpuint (nexor_emulator_get_connection_count (fixture->emulator), ==, connections);
      g_assert_cmpuint (n_leads_with_email (fixture, email), ==, 1);
      nexor_test_drain_context (NULL);
    }
}

/* ... and one whose server keeps it only 1 s leaves no margin: the write
 * takes a new connection at once, under the client's own 1 s bound. (A
 * stalled machine would take a new connection too.) */
static void
test_keep_alive_short (Fixture       *fixture,
                       gconstpointer  data)
{
  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorCreateLeadResult) created = NULL;
      g_autofree char *email = g_strdup_printf ("brief-%u@example.com", async);
      guint connections;
      guint before;
      guint warm;

      nexor_emulator_push_fault (fixture->emulator, "keep-alive-timeout=1");
      warm_up (fixture);
      warm = last_connection (fixture);
      connections = nexor_emulator_get_connection_count (fixture->emulator);
      before = sent (fixture);
      created = create_lead (fixture, email, async, &error);
      g_assert_no_error (error);
      g_assert_nonnull (created);
      g_assert_cmpuint (sent (fixture), ==, before + 1);
      g_assert_cmpuint (last_connection (fixture), !=, warm);
      g_assert_cmpuint (nexor_emulator_get_connection_count (fixture->emulator), ==, connections + 1);
      g_assert_cmpuint (n_leads_with_email (fixture, email), ==, 1);
      nexor_test_drain_context (NULL);
    }
}

/* ---------------------------------------------------------------------------
 * (c), (d) failures after the write was sent, on a warm connection
 * ------------------------------------------------------------------------- */

static const struct {
  const char *fault;
  gboolean applied;   /* the emulator acted on the request before the fault */
} after_sent[] = {
  { "reset", TRUE },         /* the answer cut by a TCP reset */
  { "status=500", FALSE },
  { "status=503", FALSE },
  { "status=503;retry-after=0", FALSE },
  { "delay=6000", TRUE },    /* no answer within the call's 2 s deadline */
};

static void
test_after_sent (Fixture       *fixture,
                 gconstpointer  data)
{
  nexor_client_set_max_retries (fixture->client, 3);
  nexor_client_set_timeout (fixture->client, 2);

  trust_warm_connections (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (after_sent); i++)
    for (guint async = 0; async <= 1; async++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NexorCreateLeadResult) created = NULL;
        g_autofree char *email = g_strdup_printf ("after-%u-%u@example.com", i, async);
        guint before;
        guint warm;

        warm_up (fixture);
        warm = last_connection (fixture);
        before = sent (fixture);
        nexor_emulator_push_fault (fixture->emulator, after_sent[i].fault);
        created = create_lead (fixture, email, async, &error);
        g_assert_null (created);
        if (!g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN))
          g_error ("%s: %s", after_sent[i].fault, error != NULL ? error->message : "no error");
        g_assert_cmpuint (sent (fixture), ==, before + 1);
        g_assert_cmpuint (last_connection (fixture), ==, warm);
        g_assert_cmpuint (n_leads_with_email (fixture, email), ==, after_sent[i].applied ? 1 : 0);
        nexor_test_drain_context (NULL);
      }
}

/* ---------------------------------------------------------------------------
 * (e) messages reach a person: never twice, on warm connections
 * ------------------------------------------------------------------------- */

static void
test_messages (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    const char *fault;
    gboolean delivered;
  } faults[] = {
    { "drop", FALSE },
    { "drop;reset", FALSE },
    { "reset", TRUE },
    { "status=500", FALSE },
    { "status=503", FALSE },
    { "delay=6000", TRUE },
  };

  trust_warm_connections (fixture);

  nexor_client_set_max_retries (fixture->client, 3);
  nexor_client_set_timeout (fixture->client, 2);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    for (guint async = 0; async <= 1; async++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NexorMessageResult) result = NULL;
        guint history = n_history (fixture, MARIANA);
        guint before;
        guint warm;

        warm_up (fixture);
        warm = last_connection (fixture);
        before = sent (fixture);
        nexor_emulator_push_fault (fixture->emulator, faults[i].fault);
        result = send_email (fixture, async, &error);
        g_assert_null (result);
        if (!g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN))
          g_error ("%s: %s", faults[i].fault, error != NULL ? error->message : "no error");
        g_assert_cmpuint (sent (fixture), ==, before + 1);
        g_assert_cmpuint (last_connection (fixture), ==, warm);
        g_assert_cmpuint (n_history (fixture, MARIANA), ==, history + (faults[i].delivered ? 1 : 0));
        nexor_test_drain_context (NULL);
      }

  /* The keep-alive timeout: the message goes once, on a new connection. */
  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorMessageResult) result = NULL;
      guint history = n_history (fixture, MARIANA);
      guint before;
      guint connection;

      nexor_emulator_push_fault (fixture->emulator, "close-idle");
      warm_up (fixture);
      connection = last_connection (fixture);
      wait_idle_closed (fixture, async + 1);
      before = sent (fixture);
      result = send_email (fixture, async, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);
      g_assert_cmpuint (sent (fixture), ==, before + 1);
      g_assert_cmpuint (last_connection (fixture), !=, connection);
      g_assert_cmpuint (n_history (fixture, MARIANA), ==, history + 1);
      nexor_test_drain_context (NULL);
    }

  /* And when nothing goes wrong, one connection carries them all. */
  {
    guint connections = nexor_emulator_get_connection_count (fixture->emulator);

    for (guint i = 0; i < 20; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NexorMessageResult) result = send_email (fixture, i % 2 == 1, &error);

        g_assert_no_error (error);
        nexor_test_drain_context (NULL);
      }
    g_assert_cmpuint (nexor_emulator_get_connection_count (fixture->emulator), <=, connections + 1);
  }
}

/* ---------------------------------------------------------------------------
 * (e) a TLS connection ended under its session as a request arrives
 * ------------------------------------------------------------------------- */

/* libsoup checks that a pooled connection is still open with a
 * non-blocking read just before it reuses it, so a close that reached the
 * client before that check costs nothing. A close that arrives after the
 * check, while the request is on its way, fails the request itself:
 * emulated by the `drop` fault, which closes the connection as the request
 * arrives. Ended without a TLS close_notify (`no-close-notify`: a server
 * process that died, a middlebox), the failure comes through the TLS layer.
 * libsoup 3.2 asks for no close_notify, so GnuTLS reads that as a plain end
 * of file; other TLS stacks (and a connection that requires close_notify)
 * report G_TLS_ERROR_EOF, which libsoup never re-sends by itself. The test
 * makes the client's connections require close_notify to get that error. */
typedef struct {
  guint tls_connections;   /* TLS handshakes the client began */
} TlsWatch;

static void
on_network_event (SoupMessage        *message,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  TlsWatch *watch = user_data;

  if (event != G_SOCKET_CLIENT_TLS_HANDSHAKING)
    return;
  watch->tls_connections++;
  g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (connection), TRUE);
}

static void
on_request_queued (SoupSession *session,
                   SoupMessage *message,
                   gpointer     user_data)
{
  g_signal_connect (message, "network-event", G_CALLBACK (on_network_event), user_data);
}

static void
watch_tls (Fixture  *fixture,
           TlsWatch *watch)
{
  g_autoptr(SoupSession) session = NULL;

  g_object_get (fixture->client, "session", &session, NULL);
  g_signal_connect (session, "request-queued", G_CALLBACK (on_request_queued), watch);
}

static void
unwatch_tls (Fixture  *fixture,
             TlsWatch *watch)
{
  g_autoptr(SoupSession) session = NULL;

  g_object_get (fixture->client, "session", &session, NULL);
  g_signal_handlers_disconnect_by_data (session, watch);
}

static NexorLead *
get_lead (Fixture   *fixture,
          gboolean   async,
          GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (!async)
    return nexor_client_get_lead (fixture->client, CARLOS, NULL, error);

  nexor_client_get_lead_async (fixture->client, CARLOS, NULL, nexor_test_on_result, &result);
  return nexor_client_get_lead_finish (fixture->client, nexor_test_wait_for_result (&result), error);
}

/* A read caught by the close is sent again, on a new connection, and
 * succeeds. Before the fix it failed with G_TLS_ERROR_EOF when the close
 * came without close_notify (the close_notify and the reset cases libsoup
 * already re-sent by itself). */
static void
test_tls_eof_read (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *faults[] = { "drop;no-close-notify", "drop", "drop;reset;no-close-notify" };
  TlsWatch watch = { 0 };

  watch_tls (fixture, &watch);

  /* Closed before the read left: libsoup's check finds it (a TLS end of
   * file instead of "would block") and takes a new connection, once. */
  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = NULL;
      guint before;
      guint warm;

      nexor_emulator_push_fault (fixture->emulator, "close-idle");
      warm_up (fixture);
      warm = last_connection (fixture);
      wait_idle_closed (fixture, async + 1);
      before = sent (fixture);
      lead = get_lead (fixture, async, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sent (fixture), ==, before + 1);
      g_assert_cmpuint (last_connection (fixture), !=, warm);
      nexor_test_drain_context (NULL);
    }

  /* Closed as the read arrived, after that check. */
  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    for (guint async = 0; async <= 1; async++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NexorLead) lead = NULL;
        guint before;
        guint warm;

        warm_up (fixture);
        warm = last_connection (fixture);
        before = sent (fixture);
        nexor_emulator_push_fault (fixture->emulator, faults[f]);
        lead = get_lead (fixture, async, &error);
        if (error != NULL)
          g_error ("%s, %s: %s", faults[f], async ? "async" : "blocking", error->message);
        g_assert_cmpstr (nexor_lead_get_id (lead), ==, CARLOS);
        /* The first went on the warm connection and met the close; the
         * second on a new one. */
        g_assert_cmpuint (sent (fixture), ==, before + 2);
        g_assert_cmpuint (last_connection (fixture), !=, warm);
        nexor_test_drain_context (NULL);
      }
  unwatch_tls (fixture, &watch);
}

/* A write not safe to repeat caught by the same close was written whole:
 * it is never sent again, and the outcome is unknown. */
static void
test_tls_eof_write (Fixture       *fixture,
                    gconstpointer  data)
{
  TlsWatch watch = { 0 };

  trust_warm_connections (fixture);
  nexor_client_set_max_retries (fixture->client, 3);
  watch_tls (fixture, &watch);
  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorCreateLeadResult) created = NULL;
      g_autofree char *email = g_strdup_printf ("tls-eof-%u@example.com", async);
      guint before;
      guint warm;

      warm_up (fixture);
      warm = last_connection (fixture);
      before = sent (fixture);
      nexor_emulator_push_fault (fixture->emulator, "drop;no-close-notify");
      created = create_lead (fixture, email, async, &error);
      g_assert_null (created);
      if (!g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN))
        g_error ("%s: %s", async ? "async" : "blocking", error != NULL ? error->message : "no error");
      g_assert_cmpuint (sent (fixture), ==, before + 1);
      g_assert_cmpuint (last_connection (fixture), ==, warm);
      g_assert_cmpuint (n_leads_with_email (fixture, email), ==, 0);
      nexor_test_drain_context (NULL);
    }
  unwatch_tls (fixture, &watch);
}

static void
on_retry_scheduled (NexorClient *client,
                    guint        attempt,
                    guint        delay_ms,
                    GError      *error,
                    gpointer     user_data)
{
  guint *n = user_data;

  (*n)++;
}

/* A certificate the client does not trust is not a transport failure: no
 * retry, one TLS handshake, and the G_TLS_ERROR as it came. */
static void
test_tls_bad_certificate (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(NexorClient) client = nexor_test_client_new (nexor_emulator_thread_get_base_url (fixture->server),
                                                         NEXOR_EMULATOR_DEFAULT_API_KEY);
  NexorClient *trusting = fixture->client;
  TlsWatch watch = { 0 };
  guint retries = 0;

  fixture->client = client;
  nexor_client_set_max_retries (client, 3);
  g_signal_connect (client, "retry-scheduled", G_CALLBACK (on_retry_scheduled), &retries);
  watch_tls (fixture, &watch);
  for (guint async = 0; async <= 1; async++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorLead) lead = get_lead (fixture, async, &error);

      g_assert_null (lead);
      g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
      g_assert_cmpuint (watch.tls_connections, ==, async + 1);
      nexor_test_drain_context (NULL);
    }
  unwatch_tls (fixture, &watch);
  fixture->client = trusting;
  g_assert_cmpuint (retries, ==, 0);
  g_assert_cmpuint (sent (fixture), ==, 0);
}

/* ---------------------------------------------------------------------------
 * (f) writes started together on a cold client open their connections
 * together: libsoup 3.2 makes a message that may reuse a connection wait for
 * one still being set up (it may turn out to be HTTP/2), so without a warm
 * connection a write asks for a new one outright
 * ------------------------------------------------------------------------- */

typedef struct {
  guint started;                 /* connections begun (RESOLVING) */
  guint started_at_first_ready;  /* of those, begun before the first was ready */
  gboolean ready;
} ConnectWatch;

static void
on_connect_event (SoupMessage        *message,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  ConnectWatch *watch = user_data;

  if (event == G_SOCKET_CLIENT_RESOLVING)
    watch->started++;
  else if (event == G_SOCKET_CLIENT_COMPLETE && !watch->ready)
    {
      watch->ready = TRUE;
      watch->started_at_first_ready = watch->started;
    }
}

static void
on_queued_watch_connect (SoupSession *session,
                         SoupMessage *message,
                         gpointer     user_data)
{
  g_signal_connect (message, "network-event", G_CALLBACK (on_connect_event), user_data);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorCreateLeadResult) created =
    nexor_client_create_lead_finish (NEXOR_CLIENT (source), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (created);
  (*pending)--;
}

static void
test_cold_writes_together (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SoupSession) session = NULL;
  ConnectWatch watch = { 0 };
  guint pending = 4;
  guint before = sent (fixture);

  g_object_get (fixture->client, "session", &session, NULL);
  g_signal_connect (session, "request-queued", G_CALLBACK (on_queued_watch_connect), &watch);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *email = g_strdup_printf ("together-%u@example.com", i);
      g_autoptr(NexorLeadInput) input = new_lead (email);

      nexor_client_create_lead_async (fixture->client, input, NULL, on_created, &pending);
    }
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (session, &watch);

  g_assert_cmpuint (watch.started, ==, 4);
  g_assert_cmpuint (watch.started_at_first_ready, ==, 4);
  g_assert_cmpuint (sent (fixture), ==, before + 4);
  nexor_test_drain_context (NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/warm/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down); \
  g_test_add ("/warm/tls/" path, Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("creates-reuse", test_creates_reuse);
  ADD ("every-write", test_every_write);
  ADD ("stale-idle", test_stale_idle);
  ADD ("idle-bound", test_idle_bound);
  ADD ("keep-alive-long", test_keep_alive_long);
  ADD ("keep-alive-short", test_keep_alive_short);
  ADD ("cold-writes-together", test_cold_writes_together);
#undef ADD
  g_test_add ("/warm/closed-under-write", Fixture, NULL, client_fixture_set_up, test_closed_under_write,
              client_fixture_tear_down);
  g_test_add ("/warm/after-sent", Fixture, NULL, client_fixture_set_up, test_after_sent,
              client_fixture_tear_down);
  g_test_add ("/warm/messages", Fixture, NULL, client_fixture_set_up, test_messages,
              client_fixture_tear_down);
  g_test_add ("/warm/tls/eof-read", Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up, test_tls_eof_read,
              client_fixture_tear_down);
  g_test_add ("/warm/tls/eof-write", Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up, test_tls_eof_write,
              client_fixture_tear_down);
  g_test_add ("/warm/tls/bad-certificate", Fixture, CLIENT_FIXTURE_TLS, client_fixture_set_up,
              test_tls_bad_certificate, client_fixture_tear_down);

  return g_test_run ();
}
