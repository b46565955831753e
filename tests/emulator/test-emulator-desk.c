/* test-emulator-desk.c: the emulator's lead-desk endpoints and their state
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each test runs a fresh emulator on its own thread and talks to it with a
 * blocking SoupSession. Bodies are written with ' for " to keep them
 * readable. Bad requests are checked against a full dump of the state taken
 * before and after (nexor_emulator_dup_state()).
 */

#include <string.h>

#include <gio/gio.h>

#include "emulator-fixture.h"
#include "nexor-emulator-json.h"

#define KEY NEXOR_EMULATOR_DEFAULT_API_KEY

#define PAGE_LEAD      "123e4567-e89b-12d3-a456-426614174000"
#define NULLS_LEAD     "3430cf98-7b04-4d40-8f4d-02428acf28ba"
#define LEGACY_LEAD    "2f552d00-1a7b-471a-81f0-1d52dc1406b3"
#define TAKEOVER_LEAD  "499596e2-f464-458a-ac61-601ac9e73455"
#define CHEN_LEAD      "ed798fc4-92d4-4f19-9c90-19426829d6df"
#define GONZALEZ_LEAD  "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
#define HERRERA_LEAD   "a27f4786-b9dd-4177-a4d3-bfe4c2411b9b"
#define UNKNOWN_ID     "00000000-0000-4000-8000-000000000000"

#define PAGE_WORKFLOW     "uuid"
#define SALES_WORKFLOW    "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define DEMO_WORKFLOW     "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
#define MORTGAGE_WORKFLOW "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"
#define PREMIUM_WORKFLOW  "9d6f3b2a-5c1e-4f7a-8e0b-3a2c4d5e6f70"
#define PAYMENT_WORKFLOW  "5f0c2e7a-8b1d-4c3e-9a6f-2d4b8e1c7a90"
#define PAGO_WORKFLOW     "8e3d1b6c-4a2f-4e7b-b5c9-0f6a3d2e1b84"

#define HOT_TAG        "40018446-5928-4f8d-8c39-4abc460f126c"
#define ENTERPRISE_TAG "417e46d0-629a-4b69-a270-0b7f4e7f9a03"
#define REFERRAL_TAG   "3fb2d57d-4349-4a7d-a474-418a7cd2a17c"
#define VIP_CLIENT_TAG "5b0e7c1d-2f3a-4b8c-9d6e-7f8a9b0c1d2e"

#define WEBINAR_CAMPAIGN "ad9fb3a6-0828-4286-b920-fda7592b21a9"

#define NEEDS_PHONE "{'error':'Validation error','message':'phone is required if the target workflow has call steps'}"

#define LEAD_NOT_FOUND "{'error':'Not found','message':'Lead not found or does not belong to your account'}"
#define TAG_NOT_FOUND  "{'error':'Not found','message':'Tag not found or does not belong to your account'}"
#define NO_RUN         "{'error':'No active workflow run found for this lead and workflow'}"

typedef EmulatorFixture Fixture;

/* JSON helpers */

/* 'a' → "a": JSON in C strings without a wall of backslashes. */
static char *
quotes (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\'')
      *p = '"';

  return copy;
}

static JsonNode *
json (const char *text)
{
  g_autofree char *real = quotes (text);

  return emulator_test_parse_json (real, -1);
}

/* The node at a path like "lead.tags[0].slug", or NULL. */
static JsonNode *
at (JsonNode   *root,
    const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      char *name = parts[i];
      char *bracket = strchr (name, '[');
      int index = -1;

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }

      if (*name != '\0')
        {
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return NULL;
          node = json_object_get_member (json_node_get_object (node), name);
        }

      if (node != NULL && index >= 0)
        {
          if (!JSON_NODE_HOLDS_ARRAY (node) || (guint) index >= json_array_get_length (json_node_get_array (node)))
            return NULL;
          node = json_array_get_element (json_node_get_array (node), (guint) index);
        }
    }

  return node;
}

static const char *
str_at (JsonNode   *root,
        const char *path)
{
  JsonNode *node = at (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
int_at (JsonNode   *root,
        const char *path)
{
  JsonNode *node = at (root, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64);

  return json_node_get_int (node);
}

static gboolean
bool_at (JsonNode   *root,
         const char *path)
{
  JsonNode *node = at (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_test_message ("%s is not a boolean", path);
      g_test_fail ();
      return FALSE;
    }

  return json_node_get_boolean (node);
}

static gboolean
null_at (JsonNode   *root,
         const char *path)
{
  JsonNode *node = at (root, path);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

static guint
len_at (JsonNode   *root,
        const char *path)
{
  JsonNode *node = at (root, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_array_get_length (json_node_get_array (node));
}

static void
assert_json (JsonNode   *actual,
             const char *expected_text)
{
  g_autoptr(JsonNode) expected = json (expected_text);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *text = json_to_string (actual, FALSE);
      g_autofree char *want = json_to_string (expected, FALSE);

      g_error ("expected %s, got %s", want, text);
    }
}

/* HTTP */

typedef struct {
  guint status;
  JsonNode *body;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

static Reply
send_raw (Fixture    *fixture,
          const char *method,
          const char *path,
          const char *body,
          gsize       length)
{
  g_autofree char *url = g_strconcat (fixture->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  Reply reply = { 0, NULL };
  gsize size;
  const char *data;

  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-API-Key", KEY);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  response = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);

  reply.status = soup_message_get_status (msg);
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                   ==, "application/json");
  data = g_bytes_get_data (response, &size);
  reply.body = emulator_test_parse_json (data, (gssize) size);

  return reply;
}

/* A request with a body written with ' for ". */
static Reply
send (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *body)
{
  g_autofree char *real = body != NULL ? quotes (body) : NULL;

  return send_raw (fixture, method, path, real, real != NULL ? strlen (real) : 0);
}

static Reply
get (Fixture    *fixture,
     const char *path)
{
  return send (fixture, "GET", path, NULL);
}

static void
expect (Reply      *reply,
        guint       status,
        const char *body)
{
  if (reply->status != status)
    {
      g_autofree char *text = json_to_string (reply->body, FALSE);
      g_error ("expected status %u, got %u: %s", status, reply->status, text);
    }

  if (body != NULL)
    assert_json (reply->body, body);
}

/* The `lead` of Get Lead. */
static JsonNode *
get_lead (Fixture    *fixture,
          const char *id)
{
  g_autofree char *path = g_strconcat ("/leads/", id, NULL);
  g_auto(Reply) reply = get (fixture, path);
  JsonNode *lead;

  expect (&reply, 200, NULL);
  lead = at (reply.body, "lead");
  g_assert_nonnull (lead);

  return json_node_copy (lead);
}

static JsonNode *
state (Fixture *fixture)
{
  return nexor_emulator_dup_state (fixture->emulator);
}

static guint
n_leads (Fixture *fixture)
{
  g_autoptr(JsonNode) dump = state (fixture);

  return len_at (dump, "leads");
}

/* The last history item of a lead. */
static JsonNode *
last_history (Fixture    *fixture,
              const char *id)
{
  g_autofree char *path = g_strdup_printf ("/leads/%s/history?limit=200", id);
  g_auto(Reply) first = get (fixture, path);
  g_autofree char *next = NULL;
  gint64 total;

  expect (&first, 200, NULL);
  total = int_at (first.body, "pagination.total");
  next = g_strdup_printf ("/leads/%s/history?limit=1&offset=%" G_GINT64_FORMAT, id, total - 1);
  {
    g_auto(Reply) last = get (fixture, next);

    expect (&last, 200, NULL);
    return json_node_copy (at (last.body, "history[0]"));
  }
}

/* Create Lead */

static void
test_create_single (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Reply) reply = send (fixture, "POST", "/leads",
                              "{'first_name':'Tony','last_name':'Stark','email':'tony@stark.example',"
                              "'edad':35,'broker':'Tony','metadata':{'broker':'Pepper','plan':'gold'}}");
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) item = NULL;
  const char *id;

  expect (&reply, 201, NULL);
  g_assert_true (bool_at (reply.body, "success"));
  g_assert_false (bool_at (reply.body, "existed"));
  g_assert_null (at (reply.body, "workflow_run"));

  /* Extra top-level members went into metadata; explicit metadata wins. */
  assert_json (at (reply.body, "lead.metadata"), "{'edad':35,'broker':'Pepper','plan':'gold'}");
  g_assert_cmpstr (str_at (reply.body, "lead.source"), ==, "api");
  g_assert_true (null_at (reply.body, "lead.company"));
  g_assert_nonnull (str_at (reply.body, "lead.created_at"));
  g_assert_null (at (reply.body, "lead.edad"));

  id = str_at (reply.body, "lead.id");
  lead = get_lead (fixture, id);
  g_assert_cmpstr (str_at (lead, "first_name"), ==, "Tony");
  g_assert_cmpstr (str_at (lead, "email"), ==, "tony@stark.example");
  g_assert_true (null_at (lead, "active_workflow_run"));
  g_assert_cmpuint (len_at (lead, "tags"), ==, 0);

  item = last_history (fixture, id);
  g_assert_cmpstr (str_at (item, "activity_type"), ==, "lead_created");
  g_assert_cmpuint (n_leads (fixture), ==, 8);
}

static void
test_create_upsert_email (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autofree char *id = NULL;

  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'Ana','email':'ana@example.org','company':'Acme',"
                                "'metadata':{'a':1,'nested':{'x':1,'y':2}}}");
    expect (&reply, 201, NULL);
    id = g_strdup (str_at (reply.body, "lead.id"));
  }
  before = get_lead (fixture, id);

  {
    /* Same email in another case: the same lead. Non-empty fields
     * overwrite, empty ones and nulls do not, metadata merges shallowly. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'Ana María','email':'ANA@Example.org','company':'',"
                                "'title':null,'phone':'+56 9 8765 4321','metadata':{'b':2,'nested':{'z':3}}}");
    expect (&reply, 201, NULL);
    g_assert_true (bool_at (reply.body, "existed"));
    g_assert_cmpstr (str_at (reply.body, "lead.id"), ==, id);
  }

  lead = get_lead (fixture, id);
  g_assert_cmpstr (str_at (lead, "first_name"), ==, "Ana María");
  g_assert_cmpstr (str_at (lead, "company"), ==, "Acme");
  g_assert_cmpstr (str_at (lead, "phone"), ==, "+56 9 8765 4321");
  assert_json (at (lead, "metadata"), "{'a':1,'nested':{'z':3},'b':2}");
  g_assert_cmpstr (str_at (lead, "created_at"), ==, str_at (before, "created_at"));
  g_assert_cmpuint (n_leads (fixture), ==, 8);

  /* A seed lead matches too, by email. */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads", "{'first_name':'Carlos','email':'CARLOS@example.com'}");
    expect (&reply, 201, NULL);
    g_assert_true (bool_at (reply.body, "existed"));
    g_assert_cmpstr (str_at (reply.body, "lead.id"), ==, PAGE_LEAD);
  }
}

static void
test_create_upsert_phone (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  {
    g_auto(Reply) a = send (fixture, "POST", "/leads", "{'first_name':'A','email':'a@x.example','phone':'+1 (555) 0100'}");
    g_auto(Reply) b = send (fixture, "POST", "/leads", "{'first_name':'B','email':'b@x.example','phone':'+1 555 0200'}");

    expect (&a, 201, NULL);
    expect (&b, 201, NULL);
    first = g_strdup (str_at (a.body, "lead.id"));
    second = g_strdup (str_at (b.body, "lead.id"));
  }

  {
    /* Digits only: the same phone written another way. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads", "{'first_name':'A2','phone':'15550100'}");
    expect (&reply, 201, NULL);
    g_assert_true (bool_at (reply.body, "existed"));
    g_assert_cmpstr (str_at (reply.body, "lead.id"), ==, first);
  }

  {
    /* Email first, then phone: B's email beats A's phone. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'B2','email':'b@x.example','phone':'+15550100'}");
    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "lead.id"), ==, second);
  }

  {
    /* An unknown email with a known phone: the phone matches. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'A3','email':'new@x.example','phone':'1-555-0100'}");
    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "lead.id"), ==, first);
    g_assert_cmpstr (str_at (reply.body, "lead.email"), ==, "new@x.example");
  }

  g_assert_cmpuint (n_leads (fixture), ==, 9);
}

static void
test_create_workflow (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) item = NULL;
  const char *id;

  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'John','phone':'+1234567890','workflow_id':'" SALES_WORKFLOW "'}");

    expect (&reply, 201, NULL);
    g_assert_nonnull (str_at (reply.body, "workflow_run.id"));
    g_assert_nonnull (str_at (reply.body, "workflow_run.job_id"));
    assert_json (at (reply.body, "workflow_run.workflow"), "{'id':'" SALES_WORKFLOW "','name':'Sales Pipeline'}");
    assert_json (at (reply.body, "workflow_run.cadence"),
                 "{'stepIndex':0,'channel':'call','attemptNumber':1,'maxAttempts':3,'totalSteps':5}");

    id = str_at (reply.body, "lead.id");
    lead = get_lead (fixture, id);
    g_assert_cmpstr (str_at (lead, "active_workflow_run.id"), ==, str_at (reply.body, "workflow_run.id"));
    g_assert_cmpstr (str_at (lead, "active_workflow_run.workflow_id"), ==, SALES_WORKFLOW);
    g_assert_cmpstr (str_at (lead, "active_workflow_run.current_status.key"), ==, "new");
    g_assert_cmpstr (str_at (lead, "active_workflow_run.cadence_state"), ==, "active");
    g_assert_false (bool_at (lead, "active_workflow_run.human_takeover"));
    item = last_history (fixture, id);
    g_assert_cmpstr (str_at (item, "activity_type"), ==, "workflow_assigned");
  }

  {
    /* A forced first message takes the first touchpoint. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'Eve','email':'eve@example.org','phone':'+15550100123','workflow_id':'" DEMO_WORKFLOW "',"
                                "'force_first_message':{'channel':'email','subject':'Hi','content':'Hello Eve'}}");
    g_autoptr(JsonNode) message = NULL;

    expect (&reply, 201, NULL);
    g_assert_cmpint (int_at (reply.body, "workflow_run.cadence.stepIndex"), ==, 1);
    g_assert_cmpstr (str_at (reply.body, "workflow_run.cadence.channel"), ==, "email");
    message = last_history (fixture, str_at (reply.body, "lead.id"));
    g_assert_cmpstr (str_at (message, "type"), ==, "message");
    g_assert_cmpstr (str_at (message, "channel"), ==, "email");
    g_assert_cmpstr (str_at (message, "content"), ==, "Hello Eve");
  }

  {
    /* A paused workflow enrolls, its cadence waits. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'Pat','phone':'+15550100124','workflow_id':'" PREMIUM_WORKFLOW "','force_first_channel':'sms'}");
    g_autoptr(JsonNode) paused = NULL;

    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "workflow_run.cadence.channel"), ==, "sms");
    paused = get_lead (fixture, str_at (reply.body, "lead.id"));
    g_assert_cmpstr (str_at (paused, "active_workflow_run.cadence_state"), ==, "waiting");
  }

  {
    /* Creating again into the same workflow keeps the run. */
    g_auto(Reply) again = send (fixture, "POST", "/leads",
                                "{'first_name':'John','phone':'+1234567890','workflow_id':'" SALES_WORKFLOW "'}");
    expect (&again, 201, NULL);
    g_assert_true (bool_at (again.body, "existed"));
    g_assert_cmpstr (str_at (again.body, "workflow_run.id"), ==, str_at (lead, "active_workflow_run.id"));
  }
}

static void
test_create_bulk (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Reply) reply = send (fixture, "POST", "/leads",
                              "[{'first_name':'One','email':'one@bulk.example'},"
                              " {'last_name':'No first name'},"
                              " 42,"
                              " {'first_name':'One again','email':'ONE@bulk.example','title':'CEO'},"
                              " {'first_name':'Two','email':'not an email'},"
                              " {'first_name':'Three','phone':'+15550100125','workflow_id':'" MORTGAGE_WORKFLOW "'}]");
  g_autoptr(JsonNode) lead = NULL;

  expect (&reply, 201, NULL);
  g_assert_true (bool_at (reply.body, "success"));
  g_assert_cmpint (int_at (reply.body, "created"), ==, 3);
  g_assert_cmpint (int_at (reply.body, "failed"), ==, 3);
  g_assert_cmpuint (len_at (reply.body, "results"), ==, 6);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *path = g_strdup_printf ("results[%u].index", i);
      g_assert_cmpint (int_at (reply.body, path), ==, i);
    }

  assert_json (at (reply.body, "results[1]"), "{'index':1,'success':false,'error':'first_name is required'}");
  g_assert_false (bool_at (reply.body, "results[2].success"));
  g_assert_false (bool_at (reply.body, "results[4].success"));
  g_assert_nonnull (strstr (str_at (reply.body, "results[4].error"), "email"));

  /* The duplicate collapsed into the first one's lead. */
  g_assert_false (bool_at (reply.body, "results[0].existed"));
  g_assert_true (bool_at (reply.body, "results[3].existed"));
  g_assert_cmpstr (str_at (reply.body, "results[3].lead.id"), ==, str_at (reply.body, "results[0].lead.id"));
  g_assert_nonnull (str_at (reply.body, "results[5].workflow_run.id"));

  lead = get_lead (fixture, str_at (reply.body, "results[0].lead.id"));
  g_assert_cmpstr (str_at (lead, "title"), ==, "CEO");
  g_assert_cmpuint (n_leads (fixture), ==, 7 + 2);
}

static char *
bulk_body (guint n)
{
  GString *body = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, "%s{\"first_name\":\"Lead %u\",\"email\":\"lead%u@bulk.example\"}",
                            i > 0 ? "," : "", i, i);
  g_string_append_c (body, ']');

  return g_string_free (body, FALSE);
}

static void
test_create_bulk_limit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) before = state (fixture);
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *too_many = bulk_body (1001);
  g_autofree char *most = bulk_body (1000);

  {
    g_auto(Reply) reply = send_raw (fixture, "POST", "/leads", too_many, strlen (too_many));
    expect (&reply, 400, "{'error':'Validation error','message':'A bulk request takes at most 1,000 leads; this one has 1001'}");
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads", "[]");
    expect (&reply, 400, "{'error':'Validation error','message':'The array of leads is empty'}");
  }

  after = state (fixture);
  g_assert_true (json_node_equal (before, after));

  {
    g_auto(Reply) reply = send_raw (fixture, "POST", "/leads", most, strlen (most));
    expect (&reply, 201, NULL);
    g_assert_cmpint (int_at (reply.body, "created"), ==, 1000);
    g_assert_cmpint (int_at (reply.body, "failed"), ==, 0);
  }
  g_assert_cmpuint (n_leads (fixture), ==, 1007);
}

/* Update Lead */

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const methods[] = { "PATCH", "PUT" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(JsonNode) lead = NULL;
      g_autoptr(JsonNode) item = NULL;
      g_autofree char *stamp = NULL;

      /* Each method on its own lead, so both start from the seed. */
      const char *id = i == 0 ? CHEN_LEAD : GONZALEZ_LEAD;
      g_autofree char *path = g_strconcat ("/leads/", id, NULL);
      g_autoptr(JsonNode) before = get_lead (fixture, id);
      g_auto(Reply) reply = send (fixture, methods[i], path,
                                  "{'last_name':null,'title':'COO','source':'website',"
                                  "'campaign_id':null,'metadata':{'industry':'fintech','extra':{'k':1}}}");

      g_test_message ("method %s", methods[i]);
      expect (&reply, 200, NULL);
      g_assert_true (bool_at (reply.body, "success"));
      g_assert_true (null_at (reply.body, "lead.last_name"));
      g_assert_true (null_at (reply.body, "lead.campaign_id"));
      g_assert_null (at (reply.body, "lead.campaign"));
      g_assert_null (at (reply.body, "lead.tags"));

      lead = get_lead (fixture, id);
      g_assert_true (null_at (lead, "last_name"));
      g_assert_true (null_at (lead, "campaign"));
      g_assert_cmpstr (str_at (lead, "title"), ==, "COO");
      g_assert_cmpstr (str_at (lead, "first_name"), ==, str_at (before, "first_name"));
      g_assert_cmpstr (str_at (lead, "updated_at"), !=, str_at (before, "updated_at"));
      /* Shallow: kept keys stay, same keys are replaced. */
      assert_json (at (lead, "metadata.industry"), "'fintech'");
      assert_json (at (lead, "metadata.extra"), "{'k':1}");
      g_assert_cmpuint (json_object_get_size (json_node_get_object (at (lead, "metadata"))), ==,
                        json_object_get_size (json_node_get_object (at (before, "metadata"))) + (i == 0 ? 1 : 2));

      item = last_history (fixture, id);
      g_assert_cmpstr (str_at (item, "activity_type"), ==, "lead_updated");

      /* The campaign back. */
      {
        g_auto(Reply) again = send (fixture, methods[i], path, "{'campaign_id':'" WEBINAR_CAMPAIGN "'}");
        g_autoptr(JsonNode) updated = NULL;

        expect (&again, 200, NULL);
        g_assert_cmpstr (str_at (again.body, "lead.campaign_id"), ==, WEBINAR_CAMPAIGN);
        updated = get_lead (fixture, id);
        assert_json (at (updated, "campaign"), "{'id':'" WEBINAR_CAMPAIGN "','name':'Q2 Webinar Leads'}");
      }

      /* Nothing to change: no write, no new updated_at. */
      stamp = g_strdup (str_at (lead, "updated_at"));
      {
        g_autoptr(JsonNode) dump = state (fixture);
        g_auto(Reply) same = send (fixture, methods[i], path, "{'title':'COO'}");
        g_autoptr(JsonNode) dump_after = state (fixture);

        expect (&same, 200, NULL);
        g_assert_true (json_node_equal (dump, dump_after));
      }
    }

  {
    g_auto(Reply) reply = send (fixture, "PATCH", "/leads/" UNKNOWN_ID, "{'title':'x'}");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
}

/* Assign workflow */

static void
test_assign_lead_workflow (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) dump = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) item = NULL;
  g_autofree char *first_run = NULL;

  {
    /* No run yet: an enrollment. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" HERRERA_LEAD "/assign-workflow",
                                "{'workflowId':'" DEMO_WORKFLOW "','actorId':'user-abc-123'}");

    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "movementType"), ==, "enrollment");
    g_assert_cmpstr (str_at (reply.body, "workflowId"), ==, DEMO_WORKFLOW);
    g_assert_cmpstr (str_at (reply.body, "workflowName"), ==, "Demo Booking");
    g_assert_false (bool_at (reply.body, "paused"));
    g_assert_null (at (reply.body, "success"));
    first_run = g_strdup (str_at (reply.body, "workflowRunId"));
    item = last_history (fixture, HERRERA_LEAD);
    g_assert_cmpstr (str_at (item, "activity_type"), ==, "workflow_assigned");
    g_assert_cmpstr (str_at (item, "actor_id"), ==, "user-abc-123");
  }

  {
    /* A run: a reassignment that ends it, keeping the reason on it. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" HERRERA_LEAD "/assign-workflow",
                                "{'workflowId':'" PREMIUM_WORKFLOW "','reason':'Upsell'}");

    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "movementType"), ==, "reassignment");
    g_assert_true (bool_at (reply.body, "paused"));
    g_assert_cmpstr (str_at (reply.body, "workflowRunId"), !=, first_run);

    lead = get_lead (fixture, HERRERA_LEAD);
    g_assert_cmpstr (str_at (lead, "active_workflow_run.id"), ==, str_at (reply.body, "workflowRunId"));
    g_assert_cmpstr (str_at (lead, "active_workflow_run.workflow.name"), ==, "Premium Outreach");
  }

  dump = state (fixture);
  for (guint i = 0; i < len_at (dump, "leads"); i++)
    {
      g_autofree char *path = g_strdup_printf ("leads[%u].lead.id", i);
      g_autofree char *runs = g_strdup_printf ("leads[%u].runs", i);

      if (g_strcmp0 (str_at (dump, path), HERRERA_LEAD) != 0)
        continue;

      {
        JsonNode *list = at (dump, runs);
        JsonNode *old = json_array_get_element (json_node_get_array (list), 0);
        JsonNode *current = json_array_get_element (json_node_get_array (list), 1);

        g_assert_cmpuint (len_at (dump, runs), ==, 2);
        g_assert_cmpstr (str_at (old, "id"), ==, first_run);
        g_assert_false (bool_at (old, "is_active"));
        g_assert_cmpstr (str_at (old, "reason"), ==, "Upsell");
        g_assert_cmpint (int_at (old, "pending_tasks"), ==, 0);
        g_assert_true (bool_at (current, "is_active"));
      }
    }

  g_clear_pointer (&item, json_node_unref);
  item = last_history (fixture, HERRERA_LEAD);
  g_assert_cmpstr (str_at (item, "activity_type"), ==, "workflow_reassigned");

  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" HERRERA_LEAD "/assign-workflow", "{'workflowId':'" UNKNOWN_ID "'}");
    expect (&reply, 404, "{'error':'Not found','message':'Workflow not found or does not belong to your account'}");
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" HERRERA_LEAD "/assign-workflow", "{'workflow_id':'" DEMO_WORKFLOW "'}");
    expect (&reply, 400, NULL);
    g_assert_cmpstr (str_at (reply.body, "error"), ==, "Validation error");
    g_assert_true (g_str_has_prefix (str_at (reply.body, "message"), "workflowId is required"));
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" UNKNOWN_ID "/assign-workflow", "{'workflowId':'" DEMO_WORKFLOW "'}");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
}

/* Set status */

static void
test_set_status (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) item = NULL;

  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'qualified','reason':'Budget confirmed'}");

    expect (&reply, 200, "{'success':true,'changed':true,'previous_status':'contacted','new_status':'qualified',"
                         "'workflow_run':{'id':'uuid','workflow_id':'uuid'}}");
  }

  lead = get_lead (fixture, PAGE_LEAD);
  g_assert_cmpstr (str_at (lead, "active_workflow_run.current_status.key"), ==, "qualified");
  g_assert_cmpstr (str_at (lead, "active_workflow_run.current_status.label"), ==, "Qualified");
  g_assert_cmpstr (str_at (lead, "updated_at"), !=, "2026-02-10T12:00:00Z");
  item = last_history (fixture, PAGE_LEAD);
  g_assert_cmpstr (str_at (item, "activity_type"), ==, "status_changed");
  g_assert_cmpstr (str_at (item, "from_status"), ==, "contacted");
  g_assert_cmpstr (str_at (item, "to_status"), ==, "qualified");
  g_assert_cmpstr (str_at (item, "description"), ==, "Budget confirmed");

  {
    g_autoptr(JsonNode) before = state (fixture);
    g_autoptr(JsonNode) after = NULL;
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'qualified'}");

    expect (&reply, 200, NULL);
    g_assert_false (bool_at (reply.body, "changed"));
    g_assert_cmpstr (str_at (reply.body, "previous_status"), ==, "qualified");
    after = state (fixture);
    g_assert_true (json_node_equal (before, after));
  }

  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'bogus'}");
    expect (&reply, 400, NULL);
    g_assert_nonnull (strstr (str_at (reply.body, "message"), "contacted, engaged"));
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", "{'reason':'x'}");
    expect (&reply, 400, "{'error':'Validation error','message':'status_key is required'}");
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'won','workflow_id':'" DEMO_WORKFLOW "'}");
    expect (&reply, 404, NO_RUN);
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" HERRERA_LEAD "/status", "{'status_key':'won'}");
    expect (&reply, 404, NO_RUN);
  }

  /* A terminal status ends the run: no automation to stop any more, and
   * Get Lead shows the ended run. */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'won'}");
    g_auto(Reply) stop = send (fixture, "POST", "/leads/" PAGE_LEAD "/automation/stop", "{'workflow_id':'uuid'}");
    g_auto(Reply) paused = get (fixture, "/leads/" PAGE_LEAD "/is_paused");
    g_autoptr(JsonNode) ended = get_lead (fixture, PAGE_LEAD);

    expect (&reply, 200, NULL);
    g_assert_true (bool_at (reply.body, "changed"));
    expect (&stop, 404, NO_RUN);
    expect (&paused, 200, "{'success':true,'paused':false}");
    g_assert_false (bool_at (ended, "active_workflow_run.is_active"));
    g_assert_cmpstr (str_at (ended, "active_workflow_run.run_status"), ==, "completed");
    g_assert_cmpstr (str_at (ended, "active_workflow_run.current_status.key"), ==, "won");
  }

  /* No downgrade guard: a forced status takes it back out. */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'engaged'}");
    g_autoptr(JsonNode) reopened = get_lead (fixture, PAGE_LEAD);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "previous_status"), ==, "won");
    g_assert_true (bool_at (reopened, "active_workflow_run.is_active"));
    g_assert_cmpstr (str_at (reopened, "active_workflow_run.run_status"), ==, "running");
  }
}

/* Human takeover */

static gint64
pending_tasks (Fixture    *fixture,
               const char *lead_id)
{
  g_autoptr(JsonNode) dump = state (fixture);

  for (guint i = 0; i < len_at (dump, "leads"); i++)
    {
      g_autofree char *path = g_strdup_printf ("leads[%u].lead.id", i);

      if (g_strcmp0 (str_at (dump, path), lead_id) == 0)
        {
          g_autofree char *runs = g_strdup_printf ("leads[%u].runs", i);
          guint n = len_at (dump, runs);
          g_autofree char *pending = g_strdup_printf ("leads[%u].runs[%u].pending_tasks", i, n - 1);

          return int_at (dump, pending);
        }
    }

  g_assert_not_reached ();
}

static void
assert_paused (Fixture    *fixture,
               const char *lead_id,
               gboolean    paused)
{
  g_autofree char *path = g_strdup_printf ("/leads/%s/is_paused", lead_id);
  g_auto(Reply) reply = get (fixture, path);
  g_autoptr(JsonNode) lead = get_lead (fixture, lead_id);

  expect (&reply, 200, NULL);
  g_assert_true (bool_at (reply.body, "success"));
  g_assert_cmpint (bool_at (reply.body, "paused"), ==, paused);
  /* Get Lead agrees. */
  g_assert_cmpint (bool_at (lead, "active_workflow_run.human_takeover"), ==, paused);
  g_assert_cmpstr (str_at (lead, "active_workflow_run.cadence_state"), ==, paused ? "paused" : "active");
}

static void
test_takeover (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 pending = pending_tasks (fixture, CHEN_LEAD);

  g_assert_cmpint (pending, >, 0);
  assert_paused (fixture, CHEN_LEAD, FALSE);

  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/stop", "{'workflow_id':'" DEMO_WORKFLOW "'}");
    g_autofree char *expected = g_strdup_printf ("{'success':true,'workflow_run_id':'7fd4fdb4-578f-4425-a771-1b48af38172b',"
                                                 "'cadence_paused':true,'tasks_cancelled':%" G_GINT64_FORMAT "}", pending);
    expect (&reply, 200, expected);
  }
  g_assert_cmpint (pending_tasks (fixture, CHEN_LEAD), ==, 0);
  assert_paused (fixture, CHEN_LEAD, TRUE);

  {
    g_autoptr(JsonNode) before = state (fixture);
    g_autoptr(JsonNode) after = NULL;
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/stop", "{'workflow_id':'" DEMO_WORKFLOW "'}");

    expect (&reply, 200, "{'success':true,'already_stopped':true,'workflow_run_id':'7fd4fdb4-578f-4425-a771-1b48af38172b'}");
    after = state (fixture);
    g_assert_true (json_node_equal (before, after));
  }

  {
    g_auto(Reply) other = get (fixture, "/leads/" CHEN_LEAD "/is_paused?workflow_id=" SALES_WORKFLOW);
    g_auto(Reply) same = get (fixture, "/leads/" CHEN_LEAD "/is_paused?workflow_id=" DEMO_WORKFLOW);
    expect (&other, 200, "{'success':true,'paused':false}");
    expect (&same, 200, "{'success':true,'paused':true}");
  }

  {
    g_autoptr(JsonNode) item = last_history (fixture, CHEN_LEAD);
    g_assert_cmpstr (str_at (item, "activity_type"), ==, "automation_stopped");
  }

  /* Resume without the cadence: the AI answers, the cadence stays paused. */
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/resume", "{'workflow_id':'" DEMO_WORKFLOW "'}");
    g_autoptr(JsonNode) lead = get_lead (fixture, CHEN_LEAD);
    g_auto(Reply) paused = get (fixture, "/leads/" CHEN_LEAD "/is_paused");

    expect (&reply, 200, "{'success':true,'workflow_run_id':'7fd4fdb4-578f-4425-a771-1b48af38172b','cadence_resumed':false}");
    g_assert_false (bool_at (lead, "active_workflow_run.human_takeover"));
    g_assert_cmpstr (str_at (lead, "active_workflow_run.cadence_state"), ==, "paused");
    expect (&paused, 200, "{'success':true,'paused':false}");
    g_assert_cmpint (pending_tasks (fixture, CHEN_LEAD), ==, 0);
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/resume", "{'workflow_id':'" DEMO_WORKFLOW "'}");
    expect (&reply, 200, "{'success':true,'already_running':true,'workflow_run_id':'7fd4fdb4-578f-4425-a771-1b48af38172b'}");
  }

  /* Stop and resume with the cadence: tasks scheduled again. */
  {
    g_auto(Reply) stop = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/stop", "{'workflow_id':'" DEMO_WORKFLOW "'}");
    g_auto(Reply) resume = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/resume",
                                 "{'workflow_id':'" DEMO_WORKFLOW "','resume_cadence':true}");

    expect (&stop, 200, NULL);
    g_assert_cmpint (int_at (stop.body, "tasks_cancelled"), ==, 0);
    expect (&resume, 200, NULL);
    g_assert_true (bool_at (resume.body, "cadence_resumed"));
    g_assert_cmpint (pending_tasks (fixture, CHEN_LEAD), ==, pending);
    assert_paused (fixture, CHEN_LEAD, FALSE);
  }

  /* The seed's taken-over lead. */
  assert_paused (fixture, TAKEOVER_LEAD, TRUE);

  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/stop", "{}");
    expect (&reply, 400, "{'error':'workflow_id is required'}");
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/resume", "{'workflow_id':''}");
    expect (&reply, 400, "{'error':'workflow_id is required'}");
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/automation/stop", "{'workflow_id':'" SALES_WORKFLOW "'}");
    expect (&reply, 404, NO_RUN);
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" HERRERA_LEAD "/automation/resume", "{'workflow_id':'" SALES_WORKFLOW "'}");
    expect (&reply, 404, NO_RUN);
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" UNKNOWN_ID "/is_paused");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" HERRERA_LEAD "/is_paused");
    expect (&reply, 200, "{'success':true,'paused':false}");
  }
}

/* History */

static void
test_history_paging (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *previous = g_strdup ("");
  gint64 total = -1;
  guint offset = 0;
  guint pages = 0;
  gboolean has_more = TRUE;

  while (has_more)
    {
      g_autofree char *path = g_strdup_printf ("/leads/" PAGE_LEAD "/history?offset=%u", offset);
      g_auto(Reply) reply = get (fixture, path);
      guint n;

      expect (&reply, 200, NULL);
      g_assert_cmpstr (str_at (reply.body, "lead.id"), ==, PAGE_LEAD);
      g_assert_cmpstr (str_at (reply.body, "lead.first_name"), ==, "Carlos");
      g_assert_cmpint (int_at (reply.body, "pagination.limit"), ==, 50);
      g_assert_cmpint (int_at (reply.body, "pagination.offset"), ==, offset);
      total = int_at (reply.body, "pagination.total");
      has_more = bool_at (reply.body, "pagination.has_more");

      n = len_at (reply.body, "history");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *at_path = g_strdup_printf ("history[%u].timestamp", i);
          g_autofree char *id_path = g_strdup_printf ("history[%u].id", i);
          const char *timestamp = str_at (reply.body, at_path);

          /* Oldest first. */
          g_assert_cmpstr (previous, <=, timestamp);
          g_free (previous);
          previous = g_strdup (timestamp);
          g_ptr_array_add (seen, g_strdup (str_at (reply.body, id_path)));
        }

      offset += n;
      pages++;
      g_assert_cmpuint (pages, <, 10);
    }

  g_assert_cmpint (total, >=, 120);
  g_assert_cmpuint (seen->len, ==, total);
  g_assert_cmpuint (pages, ==, (total + 49) / 50);

  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/history?limit=200");
    g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) directions = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < len_at (reply.body, "history"); i++)
      {
        g_autofree char *type_path = g_strdup_printf ("history[%u].type", i);
        g_autofree char *dir_path = g_strdup_printf ("history[%u].direction", i);
        g_autofree char *channel_path = g_strdup_printf ("history[%u].channel", i);

        g_hash_table_add (types, (gpointer) str_at (reply.body, type_path));
        if (g_strcmp0 (str_at (reply.body, channel_path), "whatsapp") == 0)
          g_hash_table_add (directions, (gpointer) str_at (reply.body, dir_path));
      }

    g_assert_true (g_hash_table_contains (types, "message"));
    g_assert_true (g_hash_table_contains (types, "call"));
    g_assert_true (g_hash_table_contains (types, "call_missed"));
    g_assert_true (g_hash_table_contains (types, "activity"));
    g_assert_true (g_hash_table_contains (directions, "inbound"));
    g_assert_true (g_hash_table_contains (directions, "outbound"));
  }
}

/* GET /leads?search= in pages: stable (oldest created first, so an update
 * between pages moves nothing), disjoint, and `total` the same on each. */
static void
test_search_paging (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paged = g_ptr_array_new_with_free_func (g_free);

  {
    g_auto(Reply) reply = get (fixture, "/leads?search=%2B569&limit=100");

    expect (&reply, 200, NULL);
    g_assert_cmpint (int_at (reply.body, "total"), ==, 3);
    for (guint i = 0; i < len_at (reply.body, "leads"); i++)
      {
        g_autofree char *id_path = g_strdup_printf ("leads[%u].id", i);

        g_ptr_array_add (all, g_strdup (str_at (reply.body, id_path)));
      }
    g_assert_cmpuint (all->len, ==, 3);
  }

  for (guint offset = 0; offset <= 3; offset += 2)
    {
      g_autofree char *path = g_strdup_printf ("/leads?search=%%2B569&limit=2&offset=%u", offset);
      g_auto(Reply) reply = get (fixture, path);

      expect (&reply, 200, NULL);
      g_assert_cmpint (int_at (reply.body, "total"), ==, 3);
      g_assert_cmpuint (len_at (reply.body, "leads"), ==, offset == 0 ? 2 : 1);
      for (guint i = 0; i < len_at (reply.body, "leads"); i++)
        {
          g_autofree char *id_path = g_strdup_printf ("leads[%u].id", i);

          g_ptr_array_add (paged, g_strdup (str_at (reply.body, id_path)));
        }

      /* The newest update between the pages changes no lead's place. */
      if (offset == 0)
        {
          g_autofree char *update = g_strdup_printf ("/leads/%s", (char *) g_ptr_array_index (all, 0));
          g_auto(Reply) updated = send (fixture, "PATCH", update, "{'title':'Moved to the top?'}");

          expect (&updated, 200, NULL);
        }
    }

  g_assert_cmpuint (paged->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (g_ptr_array_index (paged, i), ==, g_ptr_array_index (all, i));

  {
    g_auto(Reply) past = get (fixture, "/leads?search=%2B569&limit=2&offset=3");
    g_auto(Reply) negative = get (fixture, "/leads?search=%2B569&offset=-1");

    expect (&past, 200, "{'success':true,'leads':[],'total':3}");
    expect (&negative, 400, NULL);
  }
}

static void
test_history_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const bad[] = {
    "limit=0", "limit=201", "limit=abc", "limit=-1", "limit=1.5", "offset=-1", "offset=x",
    "channel=fax", "channel=whatsapp,carrier-pigeon",
  };
  gint64 all;
  gint64 whatsapp;
  gint64 calls;

  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/history?limit=1");
    expect (&reply, 200, NULL);
    all = int_at (reply.body, "pagination.total");
    g_assert_cmpuint (len_at (reply.body, "history"), ==, 1);
    g_assert_true (bool_at (reply.body, "pagination.has_more"));
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/history?channel=whatsapp&limit=200");
    expect (&reply, 200, NULL);
    whatsapp = int_at (reply.body, "pagination.total");
    for (guint i = 0; i < len_at (reply.body, "history"); i++)
      {
        g_autofree char *path = g_strdup_printf ("history[%u].channel", i);
        g_assert_cmpstr (str_at (reply.body, path), ==, "whatsapp");
      }
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/history?channel=call");
    expect (&reply, 200, NULL);
    calls = int_at (reply.body, "pagination.total");
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/history?channel=whatsapp,%20call");
    expect (&reply, 200, NULL);
    g_assert_cmpint (int_at (reply.body, "pagination.total"), ==, whatsapp + calls);
    g_assert_cmpint (whatsapp + calls, <, all);
    g_assert_cmpint (calls, >, 0);
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/history?offset=1000");
    expect (&reply, 200, NULL);
    g_assert_cmpuint (len_at (reply.body, "history"), ==, 0);
    g_assert_false (bool_at (reply.body, "pagination.has_more"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/leads/" PAGE_LEAD "/history?%s", bad[i]);
      g_auto(Reply) reply = get (fixture, path);

      g_test_message ("query %s", bad[i]);
      expect (&reply, 400, NULL);
      g_assert_cmpstr (str_at (reply.body, "error"), ==, "Validation error");
    }

  {
    g_auto(Reply) reply = get (fixture, "/leads/" UNKNOWN_ID "/history");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
}

/* Every action leaves its mark at the end of the history. */
static void
test_history_appended (Fixture       *fixture,
                       gconstpointer  data)
{
  struct {
    const char *method;
    const char *path;
    const char *body;
    const char *activity_type;
  } actions[] = {
    { "PATCH", "/leads/" CHEN_LEAD, "{'title':'CTO'}", "lead_updated" },
    { "POST", "/leads/" CHEN_LEAD "/status", "{'status_key':'engaged'}", "status_changed" },
    { "POST", "/leads/" CHEN_LEAD "/automation/stop", "{'workflow_id':'" DEMO_WORKFLOW "'}", "automation_stopped" },
    { "POST", "/leads/" CHEN_LEAD "/automation/resume", "{'workflow_id':'" DEMO_WORKFLOW "'}", "automation_resumed" },
    { "POST", "/leads/" CHEN_LEAD "/assign-workflow", "{'workflowId':'" SALES_WORKFLOW "'}", "workflow_reassigned" },
    { "PUT", "/leads/tags", "{'lead_id':'" CHEN_LEAD "','tags':['VIP']}", "tags_changed" },
    { "POST", "/leads/" CHEN_LEAD "/tags", "{'tagId':'" HOT_TAG "'}", "tags_changed" },
    { "DELETE", "/tags/" HOT_TAG, NULL, "tags_changed" },
  };
  gint64 total;

  {
    g_auto(Reply) reply = get (fixture, "/leads/" CHEN_LEAD "/history");
    total = int_at (reply.body, "pagination.total");
  }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(Reply) reply = send (fixture, actions[i].method, actions[i].path, actions[i].body);
      g_autoptr(JsonNode) item = NULL;

      g_test_message ("%s %s", actions[i].method, actions[i].path);
      g_assert_cmpuint (reply.status, <, 300);
      item = last_history (fixture, CHEN_LEAD);
      g_assert_cmpstr (str_at (item, "type"), ==, "activity");
      g_assert_cmpstr (str_at (item, "channel"), ==, "system");
      g_assert_cmpstr (str_at (item, "activity_type"), ==, actions[i].activity_type);
      g_assert_nonnull (str_at (item, "title"));
      g_assert_nonnull (str_at (item, "timestamp"));
    }

  {
    g_auto(Reply) reply = get (fixture, "/leads/" CHEN_LEAD "/history?channel=system");
    g_assert_cmpint (int_at (reply.body, "pagination.total"), >=, G_N_ELEMENTS (actions));
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" CHEN_LEAD "/history");
    g_assert_cmpint (int_at (reply.body, "pagination.total"), ==, total + G_N_ELEMENTS (actions));
  }
}

/* Meetings */

static void
test_meetings (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const fields[] = {
    "id", "title", "starts_at", "ends_at", "duration_minutes", "timezone", "status", "meeting_url",
    "location_type", "location_details", "host_name", "meeting_type", "attendee_name", "attendee_email",
    "confirmed_by_lead", "cancelled_at", "cancellation_reason", "no_show_reason", "outcome_notes", "created_at",
  };
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Reply) all = get (fixture, "/leads/" PAGE_LEAD "/meetings");
  guint n;

  expect (&all, 200, NULL);
  g_assert_true (bool_at (all.body, "success"));
  n = len_at (all.body, "meetings");
  g_assert_cmpuint (n, >=, 4);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *meeting = json_node_get_object (json_array_get_element (json_node_get_array (at (all.body, "meetings")), i));

      g_assert_cmpuint (json_object_get_size (meeting), ==, G_N_ELEMENTS (fields));
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_assert_true (json_object_has_member (meeting, fields[f]));
      g_hash_table_add (statuses, (gpointer) json_object_get_string_member (meeting, "status"));

      /* Most recent first. */
      if (i > 0)
        {
          g_autofree char *now = g_strdup_printf ("meetings[%u].starts_at", i);
          g_autofree char *before = g_strdup_printf ("meetings[%u].starts_at", i - 1);
          g_assert_cmpstr (str_at (all.body, before), >=, str_at (all.body, now));
        }
    }
  g_assert_cmpuint (g_hash_table_size (statuses), >=, 4);

  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/meetings?status=cancelled,no_show");
    expect (&reply, 200, NULL);
    g_assert_cmpuint (len_at (reply.body, "meetings"), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *path = g_strdup_printf ("meetings[%u].status", i);
        const char *status = str_at (reply.body, path);
        g_assert_true (g_str_equal (status, "cancelled") || g_str_equal (status, "no_show"));
      }
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/meetings?status=completed");
    expect (&reply, 200, NULL);
    g_assert_cmpuint (len_at (reply.body, "meetings"), ==, 1);
    g_assert_nonnull (str_at (reply.body, "meetings[0].outcome_notes"));
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" NULLS_LEAD "/meetings");
    expect (&reply, 200, "{'success':true,'meetings':[]}");
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" PAGE_LEAD "/meetings?status=rescheduled");
    expect (&reply, 400, NULL);
  }
  {
    g_auto(Reply) reply = get (fixture, "/leads/" UNKNOWN_ID "/meetings");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
}

/* Tags */

static void
test_tags_sync (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) lead = NULL;
  g_autofree char *vip = NULL;

  {
    /* Nested anywhere: here two levels down, tags beside it. */
    g_auto(Reply) reply = send (fixture, "PUT", "/leads/tags",
                                "{'event':{'payload':{'lead_id':'" HERRERA_LEAD "'}},'tags':['VIP','VIP Client','Referral']}");

    expect (&reply, 200, NULL);
    g_assert_true (bool_at (reply.body, "success"));
    g_assert_cmpstr (str_at (reply.body, "lead_id"), ==, HERRERA_LEAD);
    g_assert_cmpuint (len_at (reply.body, "tags"), ==, 3);
    g_assert_cmpstr (str_at (reply.body, "tags[0].name"), ==, "VIP");
    g_assert_cmpstr (str_at (reply.body, "tags[0].slug"), ==, "vip");
    g_assert_cmpstr (str_at (reply.body, "tags[1].id"), ==, VIP_CLIENT_TAG);
    g_assert_cmpstr (str_at (reply.body, "tags[2].id"), ==, REFERRAL_TAG);
    vip = g_strdup (str_at (reply.body, "tags[0].id"));
    /* Referral was already there. */
    g_assert_cmpuint (len_at (reply.body, "added"), ==, 2);
    g_assert_cmpstr (str_at (reply.body, "added[0]"), ==, vip);
    g_assert_cmpstr (str_at (reply.body, "added[1]"), ==, VIP_CLIENT_TAG);
    g_assert_cmpuint (len_at (reply.body, "removed"), ==, 0);
  }

  lead = get_lead (fixture, HERRERA_LEAD);
  g_assert_cmpuint (len_at (lead, "tags"), ==, 3);
  g_assert_cmpstr (str_at (lead, "tags[0].slug"), ==, "vip");

  {
    /* By email, any case, in an array; POST is taken as well. "vip" finds
     * the tag just made. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads/tags",
                                "[{'contact':{'email':'LUCIA.HERRERA@example.com'}},{'tags':['vip']}]");

    expect (&reply, 200, NULL);
    g_assert_cmpuint (len_at (reply.body, "tags"), ==, 1);
    g_assert_cmpstr (str_at (reply.body, "tags[0].id"), ==, vip);
    g_assert_cmpuint (len_at (reply.body, "added"), ==, 0);
    g_assert_cmpuint (len_at (reply.body, "removed"), ==, 2);
  }

  {
    /* lead_id wins over email; [] clears. */
    g_auto(Reply) reply = send (fixture, "PUT", "/leads/tags",
                                "{'email':'carlos@example.com','lead_id':'" HERRERA_LEAD "','tags':[]}");
    g_autoptr(JsonNode) cleared = get_lead (fixture, HERRERA_LEAD);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "lead_id"), ==, HERRERA_LEAD);
    g_assert_cmpuint (len_at (reply.body, "added"), ==, 0);
    g_assert_cmpuint (len_at (reply.body, "removed"), ==, 1);
    g_assert_cmpstr (str_at (reply.body, "removed[0]"), ==, vip);
    g_assert_cmpuint (len_at (cleared, "tags"), ==, 0);
  }

  {
    g_auto(Reply) reply = send (fixture, "PUT", "/leads/tags", "{'lead_id':'" UNKNOWN_ID "','tags':['x']}");
    expect (&reply, 404, LEAD_NOT_FOUND);
  }
  {
    g_auto(Reply) reply = send (fixture, "PUT", "/leads/tags", "{'lead_id':'" HERRERA_LEAD "'}");
    expect (&reply, 400, NULL);
    g_assert_true (g_str_has_prefix (str_at (reply.body, "message"), "tags is required"));
  }
  {
    g_auto(Reply) reply = send (fixture, "PUT", "/leads/tags", "{'tags':['x']}");
    expect (&reply, 400, "{'error':'Validation error','message':'lead_id or email is required'}");
  }
}

static void
test_lead_tags (Fixture       *fixture,
                gconstpointer  data)
{
  {
    g_auto(Reply) reply = get (fixture, "/leads/" CHEN_LEAD "/tags");
    expect (&reply, 200, "{'data':[{'id':'" ENTERPRISE_TAG "','name':'Enterprise','slug':'enterprise'},"
                         "{'id':'" REFERRAL_TAG "','name':'Referral','slug':'referral'}]}");
  }
  {
    /* Enterprise is there already: skipped, and still listed. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" CHEN_LEAD "/tags",
                                "{'tagIds':['" HOT_TAG "','" ENTERPRISE_TAG "']}");
    g_autoptr(JsonNode) lead = get_lead (fixture, CHEN_LEAD);

    expect (&reply, 201, "{'data':[{'id':'" HOT_TAG "','name':'Hot lead','slug':'hot-lead'},"
                         "{'id':'" ENTERPRISE_TAG "','name':'Enterprise','slug':'enterprise'}]}");
    g_assert_cmpuint (len_at (lead, "tags"), ==, 3);
    g_assert_cmpstr (str_at (lead, "tags[2].id"), ==, HOT_TAG);
  }
  {
    g_auto(Reply) reply = send (fixture, "POST", "/leads/" NULLS_LEAD "/tags", "{'tagId':'" VIP_CLIENT_TAG "'}");
    expect (&reply, 201, "{'data':[{'id':'" VIP_CLIENT_TAG "','name':'VIP Client','slug':'vip-client'}]}");
  }

  {
    g_autoptr(JsonNode) before = state (fixture);
    g_autoptr(JsonNode) after = NULL;
    g_auto(Reply) both = send (fixture, "POST", "/leads/" HERRERA_LEAD "/tags",
                               "{'tagId':'" HOT_TAG "','tagIds':['" HOT_TAG "']}");
    g_auto(Reply) none = send (fixture, "POST", "/leads/" HERRERA_LEAD "/tags", "{}");
    g_auto(Reply) empty = send (fixture, "POST", "/leads/" HERRERA_LEAD "/tags", "{'tagIds':[]}");
    /* One unknown id among good ones: nothing is assigned. */
    g_auto(Reply) unknown = send (fixture, "POST", "/leads/" HERRERA_LEAD "/tags",
                                  "{'tagIds':['" HOT_TAG "','" UNKNOWN_ID "']}");
    g_auto(Reply) no_lead = send (fixture, "POST", "/leads/" UNKNOWN_ID "/tags", "{'tagId':'" HOT_TAG "'}");
    g_auto(Reply) no_lead_get = get (fixture, "/leads/" UNKNOWN_ID "/tags");

    expect (&both, 400, "{'error':'Validation error','message':'Provide either tagId or tagIds, not both'}");
    expect (&none, 400, "{'error':'Validation error','message':'tagId or tagIds is required'}");
    expect (&empty, 400, NULL);
    expect (&unknown, 404, TAG_NOT_FOUND);
    expect (&no_lead, 404, LEAD_NOT_FOUND);
    expect (&no_lead_get, 404, LEAD_NOT_FOUND);

    after = state (fixture);
    g_assert_true (json_node_equal (before, after));
  }
}

static void
test_tags_crud (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = NULL;

  {
    g_auto(Reply) reply = get (fixture, "/tags");
    expect (&reply, 200, NULL);
    g_assert_null (at (reply.body, "success"));
    g_assert_cmpuint (len_at (reply.body, "data"), ==, 4);
    g_assert_nonnull (at (reply.body, "data[0].updated_at"));
  }
  {
    /* Name, slug or description, without case. */
    g_auto(Reply) by_name = get (fixture, "/tags?search=HOT");
    g_auto(Reply) by_description = get (fixture, "/tags?search=priority");
    g_auto(Reply) nothing = get (fixture, "/tags?search=zzz");

    expect (&by_name, 200, NULL);
    g_assert_cmpuint (len_at (by_name.body, "data"), ==, 1);
    g_assert_cmpstr (str_at (by_name.body, "data[0].id"), ==, HOT_TAG);
    expect (&by_description, 200, NULL);
    g_assert_cmpstr (str_at (by_description.body, "data[0].id"), ==, VIP_CLIENT_TAG);
    expect (&nothing, 200, "{'data':[]}");
  }

  {
    g_auto(Reply) reply = send (fixture, "POST", "/tags", "{'name':'Cold lead','slug':'cold-lead','description':'Went quiet'}");

    expect (&reply, 201, NULL);
    id = g_strdup (str_at (reply.body, "data.id"));
    g_assert_cmpstr (str_at (reply.body, "data.name"), ==, "Cold lead");
    g_assert_cmpstr (str_at (reply.body, "data.slug"), ==, "cold-lead");
    g_assert_cmpstr (str_at (reply.body, "data.description"), ==, "Went quiet");
    g_assert_nonnull (str_at (reply.body, "data.created_at"));
  }

  {
    g_autoptr(JsonNode) before = state (fixture);
    g_autoptr(JsonNode) after = NULL;
    g_auto(Reply) no_name = send (fixture, "POST", "/tags", "{'slug':'x'}");
    g_auto(Reply) empty_name = send (fixture, "POST", "/tags", "{'name':'  ','slug':'x'}");
    g_auto(Reply) no_slug = send (fixture, "POST", "/tags", "{'name':'X'}");
    g_auto(Reply) taken = send (fixture, "POST", "/tags", "{'name':'Hot','slug':'hot-lead'}");
    g_auto(Reply) bad_slug = send (fixture, "POST", "/tags", "{'name':'X','slug':'Has Spaces'}");
    g_auto(Reply) bad_type = send (fixture, "POST", "/tags", "{'name':5,'slug':'five'}");
    g_auto(Reply) rename_taken = send (fixture, "PUT", "/tags/" HOT_TAG, "{'slug':'enterprise'}");
    g_auto(Reply) missing = send (fixture, "PUT", "/tags/" UNKNOWN_ID, "{'name':'x'}");
    g_auto(Reply) missing_delete = send (fixture, "DELETE", "/tags/" UNKNOWN_ID, NULL);
    g_auto(Reply) malformed = send (fixture, "DELETE", "/tags/not-a-uuid", NULL);

    expect (&no_name, 400, "{'error':'Tag name is required'}");
    expect (&empty_name, 400, "{'error':'Tag name is required'}");
    expect (&no_slug, 400, "{'error':'Tag slug is required'}");
    expect (&taken, 409, "{'error':'A tag with this slug already exists'}");
    expect (&bad_slug, 400, NULL);
    expect (&bad_type, 400, NULL);
    expect (&rename_taken, 409, "{'error':'A tag with this slug already exists'}");
    expect (&missing, 404, TAG_NOT_FOUND);
    expect (&missing_delete, 404, TAG_NOT_FOUND);
    expect (&malformed, 404, TAG_NOT_FOUND);

    after = state (fixture);
    g_assert_true (json_node_equal (before, after));
  }

  {
    /* A rename shows on every lead at once. */
    g_auto(Reply) reply = send (fixture, "PUT", "/tags/" HOT_TAG, "{'name':'Hot','slug':'hot','description':null}");
    g_autoptr(JsonNode) lead = get_lead (fixture, TAKEOVER_LEAD);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "data.name"), ==, "Hot");
    g_assert_true (null_at (reply.body, "data.description"));
    g_assert_cmpstr (str_at (reply.body, "data.updated_at"), !=, "2026-01-12T10:00:00Z");
    assert_json (at (lead, "tags"), "[{'id':'" HOT_TAG "','name':'Hot','slug':'hot'}]");
  }
  {
    /* Its own slug again is no conflict. */
    g_auto(Reply) reply = send (fixture, "PUT", "/tags/" HOT_TAG, "{'slug':'hot'}");
    expect (&reply, 200, NULL);
  }

  {
    /* Delete cascades off every lead. */
    g_auto(Reply) reply = send (fixture, "DELETE", "/tags/" HOT_TAG, NULL);
    g_autoptr(JsonNode) diego = get_lead (fixture, TAKEOVER_LEAD);
    g_autoptr(JsonNode) matias = get_lead (fixture, GONZALEZ_LEAD);
    g_auto(Reply) again = send (fixture, "DELETE", "/tags/" HOT_TAG, NULL);
    g_auto(Reply) list = get (fixture, "/tags");

    expect (&reply, 200, "{'success':true}");
    g_assert_cmpuint (len_at (diego, "tags"), ==, 0);
    g_assert_cmpuint (len_at (matias, "tags"), ==, 0);
    expect (&again, 404, TAG_NOT_FOUND);
    g_assert_cmpuint (len_at (list.body, "data"), ==, 4);
  }
}

/* Team */

static void
test_team (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Reply) reply = get (fixture, "/team");
  guint n;

  expect (&reply, 200, NULL);
  g_assert_true (bool_at (reply.body, "success"));
  n = len_at (reply.body, "team");
  g_assert_cmpuint (n, ==, 4);
  assert_json (at (reply.body, "team[1]"),
               "{'id':'7c4b1e2f-9a3d-4e5f-8b6c-1d2e3f4a5b6c','name':'Pepper Potts',"
               "'email':'pepper@starkindustries.com','external_id':'647536392'}");
  g_assert_true (null_at (reply.body, "team[3].name"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("team[%u].name", i);
      g_assert_cmpstr (str_at (reply.body, path), !=, "Tomás Rivera");
    }
}

/* Bad input: each gets 400 or 413 and changes nothing */

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  struct {
    const char *method;
    const char *path;
    const char *body;     /* ' for " */
    guint status;
  } cases[] = {
    { "POST", "/leads", "{not json", 400 },
    { "POST", "/leads", "{'first_name':'A',}", 400 },
    { "POST", "/leads", "'just a string'", 400 },
    { "POST", "/leads", "42", 400 },
    { "POST", "/leads", "null", 400 },
    { "POST", "/leads", "", 400 },
    { "POST", "/leads", "{}", 400 },
    { "POST", "/leads", "{'first_name':''}", 400 },
    { "POST", "/leads", "{'first_name':null}", 400 },
    { "POST", "/leads", "{'first_name':5}", 400 },
    { "POST", "/leads", "{'first_name':['A']}", 400 },
    { "POST", "/leads", "{'first_name':'A','email':7}", 400 },
    { "POST", "/leads", "{'first_name':'A','email':'nope'}", 400 },
    { "POST", "/leads", "{'first_name':'A','phone':'call me'}", 400 },
    { "POST", "/leads", "{'first_name':'A','metadata':[1]}", 400 },
    { "POST", "/leads", "{'first_name':'A','metadata':'x'}", 400 },
    { "POST", "/leads", "{'first_name':'A','tags':'vip'}", 400 },
    { "POST", "/leads", "{'first_name':'A','tags':[1]}", 400 },
    { "POST", "/leads", "{'first_name':'A','tags':['!!!']}", 400 },
    { "POST", "/leads", "{'first_name':'A','workflow_id':'" UNKNOWN_ID "'}", 400 },
    { "POST", "/leads", "{'first_name':'A','workflow_id':5}", 400 },
    { "POST", "/leads", "{'first_name':'A','campaign_id':'" UNKNOWN_ID "'}", 400 },
    { "POST", "/leads", "{'first_name':'A','skip_first_message':'yes'}", 400 },
    { "POST", "/leads", "{'first_name':'A','force_first_channel':'fax','workflow_id':'" DEMO_WORKFLOW "'}", 400 },
    { "POST", "/leads", "{'first_name':'A','force_first_message':{'channel':'whatsapp','content':'hi'}}", 400 },
    { "POST", "/leads", "{'first_name':'A','workflow_id':'" DEMO_WORKFLOW "','force_first_message':{'channel':'email','content':'hi','subject':'s'}}", 400 },
    { "POST", "/leads", "{'first_name':'A','email':'a@b.example','workflow_id':'" DEMO_WORKFLOW "','force_first_message':{'channel':'email','content':'hi'}}", 400 },
    { "POST", "/leads", "{'first_name':'A','workflow_id':'" DEMO_WORKFLOW "','force_first_message':{'channel':'sms','content':'hi'}}", 400 },
    { "POST", "/leads", "[]", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "[]", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "'x'", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{bad", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'first_name':null}", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'first_name':''}", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'source':null}", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'last_name':1}", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'title':'CEO','email':'bad'}", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'title':'CEO','metadata':null}", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'title':'CEO','metadata':[]}", 400 },
    { "PATCH", "/leads/" PAGE_LEAD, "{'title':'CEO','campaign_id':'" UNKNOWN_ID "'}", 400 },
    { "PUT", "/leads/" PAGE_LEAD, "{'title':'CEO','campaign_id':3}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/assign-workflow", "[]", 400 },
    { "POST", "/leads/" PAGE_LEAD "/assign-workflow", "{}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/assign-workflow", "{'workflowId':7}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/assign-workflow", "{'workflowId':'" DEMO_WORKFLOW "','reason':1}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/assign-workflow", "{'workflowId':'" DEMO_WORKFLOW "','actorId':{}}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':1}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'won','reason':[]}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/status", "{'status_key':'won','workflow_id':false}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/automation/stop", "[]", 400 },
    { "POST", "/leads/" PAGE_LEAD "/automation/stop", "{'workflow_id':5}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/automation/stop", "{'workflow_id':null}", 400 },
    { "POST", "/leads/" TAKEOVER_LEAD "/automation/resume", "{'workflow_id':'" SALES_WORKFLOW "','resume_cadence':'yes'}", 400 },
    { "PUT", "/leads/tags", "{'lead_id':5,'tags':['a']}", 400 },
    { "PUT", "/leads/tags", "{'lead_id':'" PAGE_LEAD "','tags':'a'}", 400 },
    { "PUT", "/leads/tags", "{'lead_id':'" PAGE_LEAD "','tags':[null]}", 400 },
    { "PUT", "/leads/tags", "{'lead_id':'" PAGE_LEAD "','tags':['ok','  ']}", 400 },
    { "PUT", "/leads/tags", "{'email':{},'tags':['a']}", 400 },
    { "PUT", "/leads/tags", "7", 400 },
    { "POST", "/leads/" PAGE_LEAD "/tags", "{'tagId':5}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/tags", "{'tagIds':'" HOT_TAG "'}", 400 },
    { "POST", "/leads/" PAGE_LEAD "/tags", "{'tagIds':['" HOT_TAG "',5]}", 400 },
    { "POST", "/tags", "[]", 400 },
    { "POST", "/tags", "{'name':'A','slug':'a','description':5}", 400 },
    { "PUT", "/tags/" HOT_TAG, "{'name':''}", 400 },
    { "PUT", "/tags/" HOT_TAG, "{'slug':''}", 400 },
    { "PUT", "/tags/" HOT_TAG, "{'slug':null}", 400 },
    { "PUT", "/tags/" HOT_TAG, "{'name':'X','slug':'UPPER'}", 400 },
    { "PUT", "/tags/" HOT_TAG, "'x'", 400 },
  };
  g_autoptr(JsonNode) before = state (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Reply) reply = send (fixture, cases[i].method, cases[i].path, cases[i].body);
      g_autoptr(JsonNode) after = NULL;

      g_test_message ("%s %s %s", cases[i].method, cases[i].path, cases[i].body);
      expect (&reply, cases[i].status, NULL);
      g_assert_nonnull (str_at (reply.body, "error"));

      after = state (fixture);
      g_assert_true (json_node_equal (before, after));
    }
}

static void
test_bad_bodies (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) before = state (fixture);
  g_autoptr(JsonNode) after = NULL;

  {
    /* Nested far deeper than any document: refused, not parsed. */
    GString *deep = g_string_new ("{\"first_name\":\"A\",\"metadata\":{\"x\":");
    g_autofree char *text = NULL;
    g_auto(Reply) reply = { 0, };

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    text = g_string_free (deep, FALSE);
    reply = send_raw (fixture, "POST", "/leads", text, strlen (text));
    expect (&reply, 400, NULL);
    g_assert_nonnull (strstr (str_at (reply.body, "message"), "levels deep"));
  }
  {
    /* The limit counts the body's own object. */
    for (guint depth = NEXOR_EMULATOR_MAX_BODY_DEPTH; depth <= NEXOR_EMULATOR_MAX_BODY_DEPTH + 1; depth++)
      {
        GString *body = g_string_new ("{\"first_name\":\"Deep\",\"metadata\":{\"d\":");
        g_autofree char *text = NULL;
        g_auto(Reply) reply = { 0, };

        for (guint i = 3; i <= depth; i++)
          g_string_append_c (body, '[');
        for (guint i = 3; i <= depth; i++)
          g_string_append_c (body, ']');
        g_string_append (body, "}}");
        text = g_string_free (body, FALSE);

        reply = send_raw (fixture, "POST", "/leads", text, strlen (text));
        expect (&reply, depth == NEXOR_EMULATOR_MAX_BODY_DEPTH ? 201 : 400, NULL);
      }

    g_clear_pointer (&before, json_node_unref);
    before = state (fixture);
  }
  {
    static const char latin1[] = "{\"first_name\":\"Jos\xe9\"}";
    g_auto(Reply) reply = send_raw (fixture, "POST", "/leads", latin1, strlen (latin1));

    expect (&reply, 400, NULL);
    g_assert_nonnull (strstr (str_at (reply.body, "message"), "UTF-8"));
  }
  {
    /* Valid JSON that json-glib would mangle: refused, since what is kept
     * must be written to the state file and read back unchanged. */
    static const char * const mangled[] = {
      "{\"first_name\":\"A\\u0000B\"}",
      "{\"first_name\":\"A\",\"note\":\"x\\u0000\"}",
      "{\"first_name\":\"Lone \\ud800 high\"}",
      "{\"first_name\":\"Lone \\udc00 low\"}",
      "{\"first_name\":\"A\",\"\\ud800\":1}",
      "{\"first_name\":\"A\",\"n\":92233720368547758070}",
      "{\"first_name\":\"A\",\"n\":-9223372036854775809}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (mangled); i++)
      {
        g_auto(Reply) reply = send_raw (fixture, "POST", "/leads", mangled[i], strlen (mangled[i]));

        g_test_message ("body %s", mangled[i]);
        expect (&reply, 400, NULL);
      }
  }
  {
    /* Escapes that are fine: a backslash before u0000, a surrogate pair. */
    static const char fine[] = "{\"first_name\":\"Pair \\ud83d\\ude00\",\"path\":\"C:\\\\u0000\","
                               "\"max\":9223372036854775807,\"min\":-9223372036854775808,\"big\":1e300,"
                               "\"long\":92233720368547758070.5}";
    g_auto(Reply) reply = send_raw (fixture, "POST", "/leads", fine, strlen (fine));

    expect (&reply, 201, NULL);
    g_assert_cmpstr (str_at (reply.body, "lead.first_name"), ==, "Pair 😀");
    g_assert_cmpstr (str_at (reply.body, "lead.metadata.path"), ==, "C:\\u0000");
    g_assert_cmpint (int_at (reply.body, "lead.metadata.max"), ==, G_MAXINT64);
    g_assert_cmpint (int_at (reply.body, "lead.metadata.min"), ==, G_MININT64);
    g_clear_pointer (&before, json_node_unref);
    before = state (fixture);
  }
  {
    static const char nul[] = "{\"first_name\":\"A\"}\0{}";
    g_auto(Reply) reply = send_raw (fixture, "POST", "/leads", nul, sizeof nul - 1);

    expect (&reply, 400, NULL);
  }
  {
    /* Over 8 MiB: 413, even though it is a valid lead. */
    gsize size = 9 * 1024 * 1024;
    g_autofree char *huge = g_malloc (size);
    g_auto(Reply) reply = { 0, };
    const char *head = "{\"first_name\":\"A\",\"metadata\":{\"blob\":\"";

    memset (huge, 'x', size);
    memcpy (huge, head, strlen (head));
    memcpy (huge + size - 3, "\"}}", 3);
    reply = send_raw (fixture, "POST", "/leads", huge, size);
    expect (&reply, 413, "{'error':'Payload too large','message':'Request bodies are limited to 8 MiB'}");
  }

  after = state (fixture);
  g_assert_true (json_node_equal (before, after));
}

/* Workflows and campaigns (undocumented shapes: the emulator's choice) */

/* The workflow of GET /workflows whose id is @id. */
static JsonNode *
listed_workflow (JsonNode   *list,
                 const char *id)
{
  for (guint i = 0; i < len_at (list, "workflows"); i++)
    {
      g_autofree char *path = g_strdup_printf ("workflows[%u]", i);
      JsonNode *workflow = at (list, path);

      if (g_strcmp0 (str_at (workflow, "id"), id) == 0)
        return workflow;
    }

  return NULL;
}

static void
test_workflows (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Reply) list = get (fixture, "/workflows");
  g_auto(Reply) campaigns = get (fixture, "/campaigns");
  static const char * const leads[] = {
    PAGE_LEAD, LEGACY_LEAD, TAKEOVER_LEAD, CHEN_LEAD, GONZALEZ_LEAD, NULLS_LEAD, HERRERA_LEAD
  };
  JsonNode *workflow;

  expect (&list, 200, NULL);
  g_assert_true (bool_at (list.body, "success"));
  g_assert_cmpuint (len_at (list.body, "workflows"), ==, 7);

  /* The Get Lead page's workflow, its placeholder ids kept. */
  workflow = at (list.body, "workflows[0]");
  g_assert_cmpstr (str_at (workflow, "id"), ==, PAGE_WORKFLOW);
  g_assert_cmpstr (str_at (workflow, "name"), ==, "Sales Pipeline");
  g_assert_cmpstr (str_at (workflow, "goal_type"), ==, "appointment");
  g_assert_false (bool_at (workflow, "paused"));
  g_assert_true (bool_at (workflow, "has_call_steps"));
  assert_json (at (workflow, "steps"), "['call','whatsapp','call','email','whatsapp']");
  g_assert_cmpint (int_at (workflow, "max_attempts"), ==, 3);
  g_assert_cmpuint (len_at (workflow, "statuses"), ==, 8);
  assert_json (at (workflow, "statuses[1]"),
               "{'id':'uuid','key':'contacted','label':'Contacted','category':'active','color':'#3b82f6',"
               "'is_initial':false,'is_terminal':false}");
  g_assert_true (bool_at (workflow, "statuses[0].is_initial"));
  g_assert_true (bool_at (workflow, "statuses[7].is_terminal"));

  workflow = listed_workflow (list.body, PREMIUM_WORKFLOW);
  g_assert_nonnull (workflow);
  g_assert_true (bool_at (workflow, "paused"));
  workflow = listed_workflow (list.body, PAYMENT_WORKFLOW);
  g_assert_nonnull (workflow);
  g_assert_cmpstr (str_at (workflow, "name"), ==, "Payment Link Sent");
  g_assert_false (bool_at (workflow, "has_call_steps"));
  workflow = listed_workflow (list.body, PAGO_WORKFLOW);
  g_assert_nonnull (workflow);
  g_assert_true (bool_at (workflow, "has_call_steps"));

  expect (&campaigns, 200,
          "{'success':true,'campaigns':[{'id':'uuid','name':'Q1 Campaign'},"
          "{'id':'" WEBINAR_CAMPAIGN "','name':'Q2 Webinar Leads'},"
          "{'id':'ab219c8d-f4b0-4def-b8bc-038ce31d8b14','name':'Meta Ads - Santiago'}]}");

  /* Every seed lead's workflow, status and campaign are the listed ones. */
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      g_autofree char *route = g_strconcat ("/leads/", leads[i], NULL);
      g_auto(Reply) reply = get (fixture, route);
      /* The legacy shape is the bare lead, its workflow and status hoisted. */
      gboolean legacy = at (reply.body, "lead") == NULL;
      JsonNode *lead = legacy ? reply.body : at (reply.body, "lead");
      JsonNode *summary = at (lead, legacy ? "workflow" : "active_workflow_run.workflow");
      JsonNode *status = at (lead, legacy ? "currentStatus" : "active_workflow_run.current_status");
      JsonNode *campaign = at (lead, "campaign");
      gboolean found = FALSE;

      if (summary != NULL && !JSON_NODE_HOLDS_NULL (summary))
        {
          workflow = listed_workflow (list.body, str_at (summary, "id"));
          g_assert_nonnull (workflow);
          g_assert_cmpstr (str_at (summary, "name"), ==, str_at (workflow, "name"));
          g_assert_cmpstr (str_at (summary, "goal_type"), ==, str_at (workflow, "goal_type"));

          for (guint j = 0; j < len_at (workflow, "statuses") && !found; j++)
            {
              g_autofree char *path = g_strdup_printf ("statuses[%u]", j);
              JsonNode *listed = at (workflow, path);

              found = g_strcmp0 (str_at (listed, "id"), str_at (status, "id")) == 0 &&
                      g_strcmp0 (str_at (listed, "key"), str_at (status, "key")) == 0 &&
                      g_strcmp0 (str_at (listed, "label"), str_at (status, "label")) == 0 &&
                      g_strcmp0 (str_at (listed, "category"), str_at (status, "category")) == 0;
            }
          g_assert_true (found);
        }

      if (campaign != NULL && !JSON_NODE_HOLDS_NULL (campaign))
        {
          found = FALSE;
          for (guint j = 0; j < len_at (campaigns.body, "campaigns") && !found; j++)
            {
              g_autofree char *path = g_strdup_printf ("campaigns[%u]", j);

              found = json_node_equal (at (campaigns.body, path), campaign);
            }
          g_assert_true (found);
        }
    }

  /* The statuses listed are the keys set_lead_status takes. */
  workflow = listed_workflow (list.body, PAGE_WORKFLOW);
  for (guint j = 0; j < len_at (workflow, "statuses"); j++)
    {
      g_autofree char *path = g_strdup_printf ("statuses[%u].key", j);
      g_autofree char *body = g_strdup_printf ("{'status_key':'%s'}", str_at (workflow, path));
      g_auto(Reply) reply = send (fixture, "POST", "/leads/" PAGE_LEAD "/status", body);

      expect (&reply, 200, NULL);
      g_assert_cmpstr (str_at (reply.body, "new_status"), ==, str_at (workflow, path));
    }
}

static void
test_get_workflow (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Reply) list = get (fixture, "/workflows");
  g_autoptr(JsonNode) before = state (fixture);
  g_autoptr(JsonNode) after = NULL;

  expect (&list, 200, NULL);

  for (guint i = 0; i < len_at (list.body, "workflows"); i++)
    {
      g_autofree char *path = g_strdup_printf ("workflows[%u]", i);
      JsonNode *listed = at (list.body, path);
      g_autofree char *route = g_strconcat ("/workflows/", str_at (listed, "id"), NULL);
      g_auto(Reply) reply = get (fixture, route);

      expect (&reply, 200, NULL);
      g_assert_true (bool_at (reply.body, "success"));
      g_assert_true (json_node_equal (at (reply.body, "workflow"), listed));
    }

  {
    /* Ids compare as UUIDs, case-insensitively. */
    g_auto(Reply) reply = get (fixture, "/workflows/4ACA1485-3259-4B0D-A4D0-51CFF048729E");

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "workflow.id"), ==, SALES_WORKFLOW);
  }

  {
    g_auto(Reply) reply = get (fixture, "/workflows/" UNKNOWN_ID);

    expect (&reply, 404, "{'error':'Not found','message':'Workflow not found or does not belong to your account'}");
  }

  {
    g_auto(Reply) reply = send (fixture, "POST", "/workflows", "{'name':'New'}");

    g_assert_cmpuint (reply.status, ==, 405);
  }

  after = state (fixture);
  g_assert_true (json_node_equal (before, after));
}

/* §3.1: phone is required if the target workflow has call steps. */
static void
test_create_needs_phone (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const refused[] = {
    "{'first_name':'Nora','email':'nora@example.org','workflow_id':'" SALES_WORKFLOW "'}",
    "{'first_name':'Nora','phone':'','workflow_id':'" SALES_WORKFLOW "','tags':['Brand new']}",
    "{'first_name':'Nora','phone':null,'workflow_id':'" PAGO_WORKFLOW "','plan':'gold'}",
    "{'first_name':'Nora','workflow_id':'" PREMIUM_WORKFLOW "',"
    " 'force_first_message':{'channel':'email','subject':'Hi','content':'Hello'},'email':'nora@example.org'}",
  };
  g_autoptr(JsonNode) before = state (fixture);

  /* A bad body changes nothing: no lead, no tag, no run. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Reply) reply = send (fixture, "POST", "/leads", refused[i]);
      g_autoptr(JsonNode) after = NULL;

      expect (&reply, 400, NEEDS_PHONE);
      after = state (fixture);
      g_assert_true (json_node_equal (before, after));
    }

  {
    /* A workflow without call steps takes a lead without a phone. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'Nora','email':'nora@example.org','workflow_id':'" PAYMENT_WORKFLOW "'}");

    expect (&reply, 201, NULL);
    g_assert_false (bool_at (reply.body, "existed"));
    g_assert_cmpstr (str_at (reply.body, "workflow_run.workflow.name"), ==, "Payment Link Sent");
    g_assert_cmpstr (str_at (reply.body, "workflow_run.cadence.channel"), ==, "email");
  }

  {
    /* The upserted lead still has no phone: it cannot move to calls. */
    g_autoptr(JsonNode) saved = state (fixture);
    g_autoptr(JsonNode) after = NULL;
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'Nora','email':'NORA@example.org','workflow_id':'" SALES_WORKFLOW "'}");

    expect (&reply, 400, NEEDS_PHONE);
    after = state (fixture);
    g_assert_true (json_node_equal (saved, after));
  }

  {
    /* Giving it one in the same request is enough. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "{'first_name':'Nora','email':'nora@example.org','phone':'+56 9 5555 0100',"
                                "'workflow_id':'" SALES_WORKFLOW "'}");

    expect (&reply, 201, NULL);
    g_assert_true (bool_at (reply.body, "existed"));
    g_assert_cmpstr (str_at (reply.body, "lead.phone"), ==, "+56 9 5555 0100");
    g_assert_cmpstr (str_at (reply.body, "workflow_run.workflow.id"), ==, SALES_WORKFLOW);
  }

  {
    /* A lead that has a phone already needs none in the request. */
    g_autoptr(JsonNode) chen = get_lead (fixture, CHEN_LEAD);
    g_autofree char *body = g_strdup_printf ("{'first_name':'Emily','email':'%s','workflow_id':'" SALES_WORKFLOW "'}",
                                             str_at (chen, "email"));
    g_auto(Reply) reply = send (fixture, "POST", "/leads", body);

    expect (&reply, 201, NULL);
    g_assert_true (bool_at (reply.body, "existed"));
    g_assert_cmpstr (str_at (reply.body, "lead.id"), ==, CHEN_LEAD);
    g_assert_cmpstr (str_at (reply.body, "workflow_run.workflow.id"), ==, SALES_WORKFLOW);
  }

  {
    /* In a bulk the item without a phone fails alone, and changes nothing. */
    g_auto(Reply) reply = send (fixture, "POST", "/leads",
                                "[{'first_name':'B1','email':'b1@bulk.example','workflow_id':'" DEMO_WORKFLOW "',"
                                "  'tags':['Never made']},"
                                " {'first_name':'B2','phone':'+15550100777','workflow_id':'" DEMO_WORKFLOW "'},"
                                " {'first_name':'B3','email':'b3@bulk.example','workflow_id':'" PAYMENT_WORKFLOW "'}]");
    g_autoptr(JsonNode) dump = NULL;

    expect (&reply, 201, NULL);
    g_assert_cmpint (int_at (reply.body, "created"), ==, 2);
    g_assert_cmpint (int_at (reply.body, "failed"), ==, 1);
    assert_json (at (reply.body, "results[0]"),
                 "{'index':0,'success':false,'error':'phone is required if the target workflow has call steps'}");
    g_assert_true (bool_at (reply.body, "results[1].success"));
    g_assert_true (bool_at (reply.body, "results[2].success"));

    dump = state (fixture);
    for (guint i = 0; i < len_at (dump, "tags"); i++)
      {
        g_autofree char *path = g_strdup_printf ("tags[%u].name", i);
        g_assert_cmpstr (str_at (dump, path), !=, "Never made");
      }
    for (guint i = 0; i < len_at (dump, "leads"); i++)
      {
        g_autofree char *path = g_strdup_printf ("leads[%u].lead.first_name", i);
        g_assert_cmpstr (str_at (dump, path), !=, "B1");
      }
  }
}

/* The state is read on the server's own thread: many reads from here while
 * another thread writes must each see a whole state. */
static void
test_state_dump_thread (Fixture       *fixture,
                        gconstpointer  data)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *body = g_strdup_printf ("{'first_name':'Thread %u'}", i);
      g_auto(Reply) reply = send (fixture, "POST", "/leads", body);
      g_autoptr(JsonNode) dump = state (fixture);

      expect (&reply, 201, NULL);
      g_assert_cmpuint (len_at (dump, "leads"), ==, 8 + i);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/emulator-desk/" path, Fixture, NULL, emulator_fixture_setup, func, emulator_fixture_teardown)

  ADD ("create/single", test_create_single);
  ADD ("create/upsert-email", test_create_upsert_email);
  ADD ("create/upsert-phone", test_create_upsert_phone);
  ADD ("create/workflow", test_create_workflow);
  ADD ("create/bulk", test_create_bulk);
  ADD ("create/bulk-limit", test_create_bulk_limit);
  ADD ("update", test_update);
  ADD ("assign-workflow", test_assign_lead_workflow);
  ADD ("set-status", test_set_status);
  ADD ("takeover", test_takeover);
  ADD ("history/paging", test_history_paging);
  ADD ("history/filter", test_history_filter);
  ADD ("search/paging", test_search_paging);
  ADD ("history/appended", test_history_appended);
  ADD ("meetings", test_meetings);
  ADD ("tags/sync", test_tags_sync);
  ADD ("tags/lead", test_lead_tags);
  ADD ("tags/crud", test_tags_crud);
  ADD ("team", test_team);
  ADD ("workflows", test_workflows);
  ADD ("workflows/get", test_get_workflow);
  ADD ("create/needs-phone", test_create_needs_phone);
  ADD ("bad-input/fields", test_bad_input);
  ADD ("bad-input/bodies", test_bad_bodies);
  ADD ("state-dump/thread", test_state_dump_thread);

#undef ADD

  return g_test_run ();
}
