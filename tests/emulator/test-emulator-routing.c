/* test-emulator-routing.c: the emulator's processors, rules and routing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Requests go straight to nexor_emulator_routes_dispatch() over a freshly
 * seeded store: the HTTP layer is the same for every route and is tested
 * elsewhere. The table test routes one lead through a processor with a
 * single one-condition rule per row, so each row checks the evaluation the
 * way a client sees it: which rule (if any) the lead landed by.
 */

#include <string.h>

#include <gio/gio.h>

#include "nexor-emulator-routes.h"
#include "nexor-emulator-store.h"

#define SALES_WORKFLOW    "6a0f3c4e-1b2d-4e5f-8a9b-0c1d2e3f4a01"
#define DEMO_WORKFLOW     "6a0f3c4e-1b2d-4e5f-8a9b-0c1d2e3f4a02"
#define MORTGAGE_WORKFLOW "6a0f3c4e-1b2d-4e5f-8a9b-0c1d2e3f4a03"
#define UNKNOWN_ID        "00000000-0000-4000-8000-000000000000"
#define CALLS_WORKFLOW    "6a0f3c4e-1b2d-4e5f-8a9b-0c1d2e3f4a04"
#define WEBINAR_CAMPAIGN  "6a0f3c4e-1b2d-4e5f-8a9b-0c1d2e3f4b01"

/* Workflows without call steps, so that leads without a phone may be
 * routed into them (§3.27). */
#define WORKFLOW(id, name) \
  "{'id':'" id "','name':'" name "','steps':['whatsapp','email']," \
  "'statuses':[{'id':'" id "-s','key':'new','label':'New','is_initial':true}]}"

static const char data_set[] =
  "{'workflows':[" WORKFLOW (SALES_WORKFLOW, "Sales Pipeline") ","
                   WORKFLOW (DEMO_WORKFLOW, "Demo Booking") ","
                   WORKFLOW (MORTGAGE_WORKFLOW, "Mortgage Qualification") ","
                   "{'id':'" CALLS_WORKFLOW "','name':'Calls','steps':['call','email'],"
                   "'statuses':[{'id':'" CALLS_WORKFLOW "-s','key':'new','label':'New','is_initial':true}]}],"
  " 'campaigns':[{'id':'" WEBINAR_CAMPAIGN "','name':'Webinar'}]}";

#define PROCESSOR_NOT_FOUND \
  "{'error':'Not found','message':'Processor not found or does not belong to your account'}"
#define RULE_NOT_FOUND "{'error':'Not found','message':'Rule not found'}"

typedef struct {
  NexorEmulatorStore *store;
} Fixture;

/* 'a' → "a" */
static char *
quotes (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\'')
      *p = '"';

  return copy;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = quotes (data_set);

  fixture->store = nexor_emulator_store_new ();
  nexor_emulator_store_load_data (fixture->store, text, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static JsonNode *
json (const char *text)
{
  g_autofree char *real = quotes (text);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (real, &error);

  g_assert_no_error (error);
  return node;
}

/* The node at a path like "processor.rules[0].id", or NULL. */
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

/* A request with a body written with ' for "; @path below /api/public. */
static Reply
send (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *body)
{
  g_autofree char *real = body != NULL ? quotes (body) : NULL;
  g_autoptr(GBytes) bytes = real != NULL ? g_bytes_new (real, strlen (real)) : NULL;
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  Reply reply = { 0, NULL };

  g_assert_true (nexor_emulator_routes_dispatch (fixture->store, method, (const char * const *) segments,
                                                 NULL, bytes, NULL, &reply.status, &reply.body));
  return reply;
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

static JsonNode *
state (Fixture *fixture)
{
  return nexor_emulator_store_dup_state (fixture->store);
}

/* Sends a request that must fail with @status and @body and change nothing. */
static void
expect_refused (Fixture    *fixture,
                const char *method,
                const char *path,
                const char *request_body,
                guint       status,
                const char *body)
{
  g_autoptr(JsonNode) before = state (fixture);
  g_autoptr(JsonNode) after = NULL;
  g_auto(Reply) reply = send (fixture, method, path, request_body);

  expect (&reply, status, body);
  after = state (fixture);
  g_assert_true (json_node_equal (before, after));
}

static char *
create_processor (Fixture    *fixture,
                  const char *default_workflow)
{
  g_autofree char *body = g_strdup_printf ("{'name':'Router','default_workflow_id':'%s'}", default_workflow);
  g_auto(Reply) reply = send (fixture, "POST", "/processors", body);

  expect (&reply, 201, NULL);
  return g_strdup (str_at (reply.body, "processor.id"));
}

static char *
create_rule (Fixture    *fixture,
             const char *processor_id,
             const char *body)
{
  g_autofree char *path = g_strdup_printf ("/processors/%s/rules", processor_id);
  g_auto(Reply) reply = send (fixture, "POST", path, body);

  expect (&reply, 201, NULL);
  return g_strdup (str_at (reply.body, "rule.id"));
}

/* Processors */

static void
test_processor_crud (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  const char *created_at;

  {
    g_auto(Reply) reply = send (fixture, "POST", "/processors",
                                "{'name':'Language Router','description':'By language',"
                                "'default_workflow_id':'" SALES_WORKFLOW "'}");

    expect (&reply, 201, NULL);
    g_assert_true (json_node_get_boolean (at (reply.body, "success")));
    id = g_strdup (str_at (reply.body, "processor.id"));
    created_at = str_at (reply.body, "processor.created_at");
    g_assert_nonnull (created_at);
    expected = g_strdup_printf ("{'id':'%s','name':'Language Router','description':'By language',"
                                "'default_workflow_id':'" SALES_WORKFLOW "','is_active':true,"
                                "'created_at':'%s','updated_at':'%s'}", id, created_at, created_at);
    assert_json (at (reply.body, "processor"), expected);
  }

  path = g_strdup_printf ("/processors/%s", id);
  {
    g_auto(Reply) reply = send (fixture, "GET", path, NULL);

    expect (&reply, 200, NULL);
    assert_json (at (reply.body, "processor.default_workflow"),
                 "{'id':'" SALES_WORKFLOW "','name':'Sales Pipeline'}");
    assert_json (at (reply.body, "processor.rules"), "[]");
  }

  {
    g_auto(Reply) reply = send (fixture, "PATCH", path,
                                "{'name':'Router 2','description':null,'default_workflow_id':'" DEMO_WORKFLOW "'}");

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "processor.name"), ==, "Router 2");
    g_assert_true (JSON_NODE_HOLDS_NULL (at (reply.body, "processor.description")));
    g_assert_cmpstr (str_at (reply.body, "processor.default_workflow_id"), ==, DEMO_WORKFLOW);
    g_assert_null (at (reply.body, "processor.rules"));
  }

  /* Documented bodies of the refusals; none changes anything. */
  expect_refused (fixture, "POST", "/processors", "{'default_workflow_id':'" SALES_WORKFLOW "'}",
                  400, "{'error':'Validation error','message':'name is required'}");
  expect_refused (fixture, "POST", "/processors", "{'name':'  ','default_workflow_id':'" SALES_WORKFLOW "'}",
                  400, "{'error':'Validation error','message':'name is required'}");
  expect_refused (fixture, "POST", "/processors", "{'name':'X'}",
                  400, "{'error':'Validation error','message':'default_workflow_id is required'}");
  expect_refused (fixture, "POST", "/processors", "{'name':'X','default_workflow_id':'" UNKNOWN_ID "'}",
                  400, "{'error':'Validation error','message':"
                       "'default_workflow_id not found or does not belong to your account'}");
  expect_refused (fixture, "POST", "/processors", "[1]", 400, NULL);
  expect_refused (fixture, "POST", "/processors", "{'name':7,'default_workflow_id':'" SALES_WORKFLOW "'}",
                  400, NULL);
  expect_refused (fixture, "PATCH", path, "{'default_workflow_id':'" UNKNOWN_ID "'}",
                  400, "{'error':'Validation error','message':"
                       "'default_workflow_id not found or does not belong to your account'}");
  expect_refused (fixture, "PATCH", path, "{'name':'ok','is_active':'yes'}", 400, NULL);
  expect_refused (fixture, "GET", "/processors/" UNKNOWN_ID, NULL, 404, PROCESSOR_NOT_FOUND);
  expect_refused (fixture, "GET", "/processors/not-a-uuid", NULL, 404, PROCESSOR_NOT_FOUND);
  expect_refused (fixture, "PATCH", "/processors/" UNKNOWN_ID, "{'name':'x'}", 404, PROCESSOR_NOT_FOUND);
  expect_refused (fixture, "DELETE", "/processors/" UNKNOWN_ID, NULL, 404, PROCESSOR_NOT_FOUND);

  /* Soft delete: still there, inactive; a second delete answers the same. */
  for (guint i = 0; i < 2; i++)
    {
      g_auto(Reply) reply = send (fixture, "DELETE", path, NULL);

      expect (&reply, 200, "{'success':true,'message':'Processor deactivated'}");
    }
  {
    g_auto(Reply) reply = send (fixture, "GET", path, NULL);

    expect (&reply, 200, NULL);
    g_assert_false (json_node_get_boolean (at (reply.body, "processor.is_active")));
  }
}

/* Rules */

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *id = create_processor (fixture, SALES_WORKFLOW);
  g_autofree char *rules_path = g_strdup_printf ("/processors/%s/rules", id);
  g_autofree char *get_path = g_strdup_printf ("/processors/%s", id);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *first_path = NULL;

  first = create_rule (fixture, id, "{'name':'English','workflow_id':'" DEMO_WORKFLOW "',"
                                    "'conditions':[{'field':'metadata.language','operator':'eq','value':'EN'}]}");
  second = create_rule (fixture, id, "{'name':'Spanish','workflow_id':'" MORTGAGE_WORKFLOW "',"
                                     "'conditions':[{'field':'metadata.language','operator':'exists'}]}");
  third = create_rule (fixture, id, "{'name':'Off','workflow_id':'" DEMO_WORKFLOW "','is_active':false,"
                                    "'conditions':[]}");

  {
    g_auto(Reply) reply = send (fixture, "GET", get_path, NULL);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "processor.rules[0].id"), ==, first);
    g_assert_cmpint (int_at (reply.body, "processor.rules[0].position"), ==, 1);
    g_assert_cmpint (int_at (reply.body, "processor.rules[1].position"), ==, 2);
    g_assert_cmpint (int_at (reply.body, "processor.rules[2].position"), ==, 3);
    assert_json (at (reply.body, "processor.rules[0].workflow"),
                 "{'id':'" DEMO_WORKFLOW "','name':'Demo Booking'}");
    assert_json (at (reply.body, "processor.rules[1].conditions"),
                 "[{'field':'metadata.language','operator':'exists'}]");
  }

  /* PATCH replaces the conditions whole and answers the documented shape. */
  first_path = g_strdup_printf ("/processors/%s/rules/%s", id, first);
  {
    g_auto(Reply) reply = send (fixture, "PATCH", first_path,
                                "{'name':'English (updated)','conditions':"
                                "[{'field':'metadata.language','operator':'in','value':['EN','en','english']}]}");

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "rule.processor_id"), ==, id);
    g_assert_cmpstr (str_at (reply.body, "rule.name"), ==, "English (updated)");
    assert_json (at (reply.body, "rule.conditions"),
                 "[{'field':'metadata.language','operator':'in','value':['EN','en','english']}]");
    g_assert_cmpint (int_at (reply.body, "rule.position"), ==, 1);
  }

  /* Rules the docs would refuse are refused, and change nothing. */
  {
    static const struct {
      const char *body;
      const char *message;
    } bad[] = {
      { "{'workflow_id':'" DEMO_WORKFLOW "','conditions':[]}", "name is required" },
      { "{'name':'x','conditions':[]}", "workflow_id is required" },
      { "{'name':'x','workflow_id':'" UNKNOWN_ID "','conditions':[]}",
        "workflow_id not found or does not belong to your account" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "'}", "conditions is required" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':{}}", "conditions must be an array" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'operator':'eq','value':1}]}",
        "conditions[0].field is required" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'age','operator':'eq','value':1}]}",
        NULL },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'metadata.','operator':'eq','value':1}]}",
        NULL },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','value':'a'}]}",
        "conditions[0].operator is required" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'like','value':'a'}]}",
        NULL },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'eq'}]}",
        "conditions[0].value must be a string, number or boolean for eq" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'eq','value':[1]}]}",
        "conditions[0].value must be a string, number or boolean for eq" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'metadata.age','operator':'gt','value':'5'}]}",
        "conditions[0].value must be a number for gt" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'contains','value':5}]}",
        "conditions[0].value must be a string for contains" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'in','value':'EN'}]}",
        "conditions[0].value must be a non-empty list for in" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'not_in','value':[]}]}",
        "conditions[0].value must be a non-empty list for not_in" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'in','value':[{}]}]}",
        "conditions[0].value[0] must be a string or a number" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'regex','value':'(('}]}",
        NULL },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[{'field':'email','operator':'regex','value':1}]}",
        "conditions[0].value must be a string (a regular expression) for regex" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[],'position':-1}",
        "position must be a whole number ≥ 0" },
      { "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[],'is_active':1}", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *expected = NULL;

        if (bad[i].message != NULL)
          expected = g_strdup_printf ("{'error':'Validation error','message':'%s'}", bad[i].message);
        g_test_message ("bad rule %u: %s", i, bad[i].body);
        expect_refused (fixture, "POST", rules_path, bad[i].body, 400, expected);
        /* PATCH takes every member as optional: only a bad one is refused. */
        if (bad[i].message == NULL || !g_str_has_suffix (bad[i].message, " is required") ||
            g_str_has_prefix (bad[i].message, "conditions["))
          expect_refused (fixture, "PATCH", first_path, bad[i].body, 400, NULL);
      }
  }

  {
    g_autofree char *unknown_rule = g_strdup_printf ("/processors/%s/rules/" UNKNOWN_ID, id);

    expect_refused (fixture, "PATCH", unknown_rule, "{'name':'x'}", 404, RULE_NOT_FOUND);
    expect_refused (fixture, "DELETE", unknown_rule, NULL, 404, RULE_NOT_FOUND);
    expect_refused (fixture, "POST", "/processors/" UNKNOWN_ID "/rules",
                    "{'name':'x','workflow_id':'" DEMO_WORKFLOW "','conditions':[]}", 404, PROCESSOR_NOT_FOUND);
    expect_refused (fixture, "PATCH", "/processors/" UNKNOWN_ID "/rules/" UNKNOWN_ID, "{}", 404,
                    PROCESSOR_NOT_FOUND);
  }

  /* Reorder: listed first, omitted active ones after, inactive ones last. */
  {
    g_autofree char *reorder = g_strdup_printf ("/processors/%s/rules/reorder", id);
    g_autofree char *body = g_strdup_printf ("{'rule_ids':['%s']}", second);
    g_autofree char *expected = g_strdup_printf ("{'success':true,'rules':["
                                                 "{'id':'%s','name':'Spanish','position':1},"
                                                 "{'id':'%s','name':'English (updated)','position':2},"
                                                 "{'id':'%s','name':'Off','position':3}]}",
                                                 second, first, third);
    g_autofree char *unknown = g_strdup_printf ("{'rule_ids':['%s','" UNKNOWN_ID "']}", second);
    g_autofree char *twice = g_strdup_printf ("{'rule_ids':['%s','%s']}", second, second);
    g_auto(Reply) reply = send (fixture, "PUT", reorder, body);

    expect (&reply, 200, expected);

    expect_refused (fixture, "PUT", reorder, "{'rule_ids':[]}", 400,
                    "{'error':'Validation error','message':'rule_ids must be a non-empty array'}");
    expect_refused (fixture, "PUT", reorder, "{}", 400,
                    "{'error':'Validation error','message':'rule_ids must be a non-empty array'}");
    expect_refused (fixture, "PUT", reorder, unknown, 400, NULL);
    expect_refused (fixture, "PUT", reorder, twice, 400, NULL);
    expect_refused (fixture, "PUT", "/processors/" UNKNOWN_ID "/rules/reorder", body, 404, PROCESSOR_NOT_FOUND);
  }

  /* Delete: the others keep their positions. */
  {
    g_auto(Reply) reply = send (fixture, "DELETE", first_path, NULL);
    g_auto(Reply) after = send (fixture, "GET", get_path, NULL);

    expect (&reply, 200, "{'success':true,'message':'Rule deleted'}");
    expect (&after, 200, NULL);
    g_assert_cmpstr (str_at (after.body, "processor.rules[0].id"), ==, second);
    g_assert_cmpint (int_at (after.body, "processor.rules[0].position"), ==, 1);
    g_assert_cmpint (int_at (after.body, "processor.rules[1].position"), ==, 3);
    g_assert_null (at (after.body, "processor.rules[2]"));
  }
}

/* Routing */

typedef struct {
  const char *condition;   /* the rule's one condition */
  const char *lead;        /* the lead routed */
  gboolean    matches;
} Row;

static const Row rows[] = {
  /* eq / neq: strings exactly, numbers as numbers, booleans; no coercion */
  { "{'field':'metadata.language','operator':'eq','value':'EN'}", "{'first_name':'A','language':'EN'}", TRUE },
  { "{'field':'metadata.language','operator':'eq','value':'EN'}", "{'first_name':'A','language':'en'}", FALSE },
  { "{'field':'metadata.age','operator':'eq','value':35}", "{'first_name':'A','metadata':{'age':35.0}}", TRUE },
  { "{'field':'metadata.age','operator':'eq','value':35}", "{'first_name':'A','metadata':{'age':'35'}}", FALSE },
  { "{'field':'metadata.vip','operator':'eq','value':true}", "{'first_name':'A','metadata':{'vip':true}}", TRUE },
  { "{'field':'metadata.vip','operator':'eq','value':true}", "{'first_name':'A','metadata':{'vip':false}}", FALSE },
  { "{'field':'first_name','operator':'eq','value':'Ana'}", "{'first_name':'Ana'}", TRUE },
  { "{'field':'metadata.language','operator':'neq','value':'EN'}", "{'first_name':'A','language':'ES'}", TRUE },
  { "{'field':'metadata.language','operator':'neq','value':'EN'}", "{'first_name':'A','language':'EN'}", FALSE },
  { "{'field':'metadata.age','operator':'neq','value':35}", "{'first_name':'A','metadata':{'age':'36'}}", FALSE },
  { "{'field':'metadata.language','operator':'neq','value':'EN'}", "{'first_name':'A'}", FALSE },
  { "{'field':'metadata.language','operator':'neq','value':'EN'}", "{'first_name':'A','language':null}", FALSE },
  /* gt, gte, lt, lte: numbers only */
  { "{'field':'metadata.budget','operator':'gt','value':1000}", "{'first_name':'A','budget':1500}", TRUE },
  { "{'field':'metadata.budget','operator':'gt','value':1000}", "{'first_name':'A','budget':1000}", FALSE },
  { "{'field':'metadata.budget','operator':'gt','value':1000}", "{'first_name':'A','budget':'1500'}", FALSE },
  { "{'field':'metadata.budget','operator':'gt','value':1000}", "{'first_name':'A','budget':true}", FALSE },
  { "{'field':'metadata.budget','operator':'gt','value':1000}", "{'first_name':'A'}", FALSE },
  { "{'field':'metadata.budget','operator':'gte','value':1000}", "{'first_name':'A','budget':1000}", TRUE },
  { "{'field':'metadata.budget','operator':'gte','value':1000.5}", "{'first_name':'A','budget':1000}", FALSE },
  { "{'field':'metadata.budget','operator':'lt','value':10}", "{'first_name':'A','budget':9.99}", TRUE },
  { "{'field':'metadata.budget','operator':'lt','value':10}", "{'first_name':'A','budget':10}", FALSE },
  { "{'field':'metadata.budget','operator':'lte','value':10}", "{'first_name':'A','budget':10}", TRUE },
  { "{'field':'metadata.budget','operator':'lte','value':10}", "{'first_name':'A','budget':11}", FALSE },
  { "{'field':'metadata.budget','operator':'lte','value':10}", "{'first_name':'A','budget':null}", FALSE },
  /* contains / not_contains: case-insensitive, strings only */
  { "{'field':'email','operator':'contains','value':'@ACME.'}", "{'first_name':'A','email':'ana@acme.example'}", TRUE },
  { "{'field':'email','operator':'contains','value':'@acme.'}", "{'first_name':'A','email':'ana@other.example'}", FALSE },
  { "{'field':'company','operator':'contains','value':'ñandú'}", "{'first_name':'A','company':'El ÑANDÚ SA'}", TRUE },
  { "{'field':'metadata.code','operator':'contains','value':'12'}", "{'first_name':'A','code':123}", FALSE },
  { "{'field':'email','operator':'contains','value':'@'}", "{'first_name':'A'}", FALSE },
  { "{'field':'email','operator':'not_contains','value':'GMAIL'}", "{'first_name':'A','email':'a@acme.example'}", TRUE },
  { "{'field':'email','operator':'not_contains','value':'GMAIL'}", "{'first_name':'A','email':'a@gmail.com'}", FALSE },
  { "{'field':'metadata.code','operator':'not_contains','value':'9'}", "{'first_name':'A','code':123}", FALSE },
  { "{'field':'email','operator':'not_contains','value':'gmail'}", "{'first_name':'A'}", FALSE },
  /* in / not_in: a list of strings and numbers */
  { "{'field':'metadata.language','operator':'in','value':['EN','en']}", "{'first_name':'A','language':'en'}", TRUE },
  { "{'field':'metadata.language','operator':'in','value':['EN','en']}", "{'first_name':'A','language':'En'}", FALSE },
  { "{'field':'metadata.tier','operator':'in','value':[1,2]}", "{'first_name':'A','tier':2}", TRUE },
  { "{'field':'metadata.tier','operator':'in','value':[1,2]}", "{'first_name':'A','tier':'2'}", FALSE },
  { "{'field':'metadata.tier','operator':'in','value':[1,2]}", "{'first_name':'A','tier':[1]}", FALSE },
  { "{'field':'metadata.language','operator':'in','value':['EN']}", "{'first_name':'A'}", FALSE },
  { "{'field':'metadata.language','operator':'not_in','value':['EN','en']}", "{'first_name':'A','language':'es'}", TRUE },
  { "{'field':'metadata.language','operator':'not_in','value':['EN','en']}", "{'first_name':'A','language':'EN'}", FALSE },
  { "{'field':'metadata.language','operator':'not_in','value':['EN']}", "{'first_name':'A','language':true}", FALSE },
  { "{'field':'metadata.language','operator':'not_in','value':['EN']}", "{'first_name':'A'}", FALSE },
  /* exists / not_exists: present and non-null; a blank column is null */
  { "{'field':'phone','operator':'exists'}", "{'first_name':'A','phone':'+15550100'}", TRUE },
  { "{'field':'phone','operator':'exists'}", "{'first_name':'A'}", FALSE },
  { "{'field':'phone','operator':'exists'}", "{'first_name':'A','phone':null}", FALSE },
  { "{'field':'phone','operator':'exists'}", "{'first_name':'A','phone':''}", FALSE },
  { "{'field':'metadata.x','operator':'exists','value':'ignored'}", "{'first_name':'A','x':0}", TRUE },
  { "{'field':'metadata.x','operator':'exists'}", "{'first_name':'A','metadata':{'x':null}}", FALSE },
  { "{'field':'metadata.x','operator':'not_exists'}", "{'first_name':'A','metadata':{'x':null}}", TRUE },
  { "{'field':'metadata.x','operator':'not_exists'}", "{'first_name':'A'}", TRUE },
  { "{'field':'metadata.x','operator':'not_exists'}", "{'first_name':'A','x':false}", FALSE },
  { "{'field':'campaign_id','operator':'exists'}", "{'first_name':'A','campaign_id':'" WEBINAR_CAMPAIGN "'}", TRUE },
  { "{'field':'campaign_id','operator':'not_exists'}", "{'first_name':'A','campaign_id':'" WEBINAR_CAMPAIGN "'}", FALSE },
  /* regex: GRegex over strings */
  { "{'field':'phone','operator':'regex','value':'^\\\\+56'}", "{'first_name':'A','phone':'+56912345678'}", TRUE },
  { "{'field':'phone','operator':'regex','value':'^\\\\+56'}", "{'first_name':'A','phone':'+15550100'}", FALSE },
  { "{'field':'metadata.code','operator':'regex','value':'^1'}", "{'first_name':'A','code':123}", FALSE },
  { "{'field':'metadata.code','operator':'regex','value':'.*'}", "{'first_name':'A'}", FALSE },
  /* top-level columns and source */
  { "{'field':'source','operator':'eq','value':'meta_ads'}", "{'first_name':'A','source':'meta_ads'}", TRUE },
  { "{'field':'title','operator':'eq','value':'CTO'}", "{'first_name':'A','metadata':{'title':'CTO'}}", FALSE },
  { "{'field':'metadata.title','operator':'eq','value':'CTO'}", "{'first_name':'A','title':'CTO'}", FALSE },
};

static void
test_routing_table (Fixture       *fixture,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *id = create_processor (fixture, SALES_WORKFLOW);
      g_autofree char *rule_body = g_strdup_printf ("{'name':'Row','workflow_id':'" DEMO_WORKFLOW "',"
                                                    "'conditions':[%s]}", rows[i].condition);
      g_autofree char *rule = create_rule (fixture, id, rule_body);
      g_autofree char *path = g_strdup_printf ("/processors/%s/leads", id);
      g_auto(Reply) reply = send (fixture, "POST", path, rows[i].lead);

      g_test_message ("row %u: %s with %s", i, rows[i].condition, rows[i].lead);
      expect (&reply, 201, NULL);

      if (rows[i].matches)
        {
          g_assert_cmpstr (str_at (reply.body, "rule.id"), ==, rule);
          g_assert_cmpstr (str_at (reply.body, "workflow.id"), ==, DEMO_WORKFLOW);
          g_assert_cmpstr (str_at (reply.body, "workflow_run.workflow.id"), ==, DEMO_WORKFLOW);
        }
      else
        {
          g_assert_true (JSON_NODE_HOLDS_NULL (at (reply.body, "rule")));
          g_assert_cmpstr (str_at (reply.body, "workflow.id"), ==, SALES_WORKFLOW);
          g_assert_cmpstr (str_at (reply.body, "workflow_run.workflow.id"), ==, SALES_WORKFLOW);
        }
    }
}

/* Several rules: by position, all conditions, first match, inactive ones
 * skipped; a batch goes lead by lead. */
static void
test_routing_order (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = create_processor (fixture, SALES_WORKFLOW);
  g_autofree char *path = g_strdup_printf ("/processors/%s/leads", id);
  g_autofree char *both = NULL;
  g_autofree char *english = NULL;
  g_autofree char *off = NULL;
  g_autofree char *lead_path = NULL;

  /* Position 5, then one appended after it, then one put before both. */
  both = create_rule (fixture, id, "{'name':'English, big','workflow_id':'" MORTGAGE_WORKFLOW "','position':5,"
                                   "'conditions':[{'field':'metadata.language','operator':'eq','value':'EN'},"
                                   "{'field':'metadata.budget','operator':'gte','value':1000}]}");
  english = create_rule (fixture, id, "{'name':'English','workflow_id':'" DEMO_WORKFLOW "',"
                                      "'conditions':[{'field':'metadata.language','operator':'eq','value':'EN'}]}");
  off = create_rule (fixture, id, "{'name':'Off','workflow_id':'" DEMO_WORKFLOW "','position':1,'is_active':false,"
                                  "'conditions':[]}");

  {
    g_auto(Reply) reply = send (fixture, "POST", path,
                                "[{'first_name':'Big','email':'big@example.com','language':'EN','budget':5000},"
                                " {'first_name':'Small','email':'small@example.com','language':'EN','budget':10},"
                                " {'first_name':'Other','email':'other@example.com','language':'PT'},"
                                " {'last_name':'No first name'},"
                                " 7,"
                                " {'first_name':'W','workflow_id':'" DEMO_WORKFLOW "'}]");

    expect (&reply, 201, NULL);
    g_assert_cmpint (int_at (reply.body, "created"), ==, 3);
    g_assert_cmpint (int_at (reply.body, "failed"), ==, 3);
    g_assert_cmpstr (str_at (reply.body, "processor_id"), ==, id);
    g_assert_cmpstr (str_at (reply.body, "results[0].rule.id"), ==, both);
    g_assert_cmpstr (str_at (reply.body, "results[0].rule.name"), ==, "English, big");
    assert_json (at (reply.body, "results[0].workflow"), "{'id':'" MORTGAGE_WORKFLOW "','name':'Mortgage Qualification'}");
    g_assert_cmpstr (str_at (reply.body, "results[1].rule.id"), ==, english);
    g_assert_true (JSON_NODE_HOLDS_NULL (at (reply.body, "results[2].rule")));
    g_assert_cmpstr (str_at (reply.body, "results[2].workflow.id"), ==, SALES_WORKFLOW);
    assert_json (at (reply.body, "results[3]"), "{'index':3,'success':false,'error':'first_name is required'}");
    assert_json (at (reply.body, "results[4]"), "{'index':4,'success':false,'error':'Each lead must be a JSON object'}");
    assert_json (at (reply.body, "results[5]"),
                 "{'index':5,'success':false,"
                 "'error':'workflow_id cannot be sent to a processor: its rules choose the workflow'}");
    g_assert_false (json_node_get_boolean (at (reply.body, "results[0].existed")));
    lead_path = g_strdup_printf ("/leads/%s", str_at (reply.body, "results[0].lead.id"));
  }

  /* The lead is created and enrolled like Create Lead's. */
  {
    g_auto(Reply) reply = send (fixture, "GET", lead_path, NULL);

    expect (&reply, 200, NULL);
    g_assert_cmpstr (str_at (reply.body, "lead.active_workflow_run.workflow_id"), ==, MORTGAGE_WORKFLOW);
    g_assert_cmpint (int_at (reply.body, "lead.metadata.budget"), ==, 5000);
  }

  /* Routing the same email again upserts: existed, same lead. */
  {
    g_auto(Reply) reply = send (fixture, "POST", path, "{'first_name':'Big','email':'BIG@example.com','language':'PT'}");

    expect (&reply, 201, NULL);
    g_assert_true (json_node_get_boolean (at (reply.body, "existed")));
    g_assert_true (JSON_NODE_HOLDS_NULL (at (reply.body, "rule")));
    g_assert_cmpstr (str_at (reply.body, "workflow.id"), ==, SALES_WORKFLOW);
  }

  (void) off;
}

static void
test_routing_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = create_processor (fixture, SALES_WORKFLOW);
  g_autofree char *path = g_strdup_printf ("/processors/%s/leads", id);
  g_autofree char *delete_path = g_strdup_printf ("/processors/%s", id);
  g_autoptr(GString) big = g_string_new ("[");

  expect_refused (fixture, "POST", path, "{'last_name':'x'}", 400,
                  "{'error':'Validation error','message':'first_name is required'}");
  expect_refused (fixture, "POST", path, "{'first_name':'x','workflow_id':'" DEMO_WORKFLOW "'}", 400, NULL);
  expect_refused (fixture, "POST", path, "[]", 400,
                  "{'error':'Validation error','message':'The array of leads is empty'}");
  expect_refused (fixture, "POST", path, "'lead'", 400, NULL);

  for (guint i = 0; i < 1001; i++)
    g_string_append_printf (big, "%s{'first_name':'L%u'}", i > 0 ? "," : "", i);
  g_string_append_c (big, ']');
  expect_refused (fixture, "POST", path, big->str, 400,
                  "{'error':'Validation error','message':'A bulk request takes at most 1,000 leads; this one has 1001'}");

  expect_refused (fixture, "POST", "/processors/" UNKNOWN_ID "/leads", "{'first_name':'x'}", 404,
                  PROCESSOR_NOT_FOUND);

  /* A deactivated processor routes nothing; reactivated, it routes again. */
  {
    g_auto(Reply) reply = send (fixture, "DELETE", delete_path, NULL);

    expect (&reply, 200, NULL);
  }
  expect_refused (fixture, "POST", path, "{'first_name':'x'}", 404, PROCESSOR_NOT_FOUND);
  {
    g_auto(Reply) reply = send (fixture, "PATCH", delete_path, "{'is_active':true}");
    g_auto(Reply) routed = send (fixture, "POST", path, "{'first_name':'x'}");

    expect (&reply, 200, NULL);
    expect (&routed, 201, NULL);
  }
}

/* §3.27: a phone is required if the *target* workflow has call steps, so
 * the rules choose the workflow first and the rule is checked against it. */
static void
test_routing_phone (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = create_processor (fixture, CALLS_WORKFLOW);
  g_autofree char *rule = create_rule (fixture, id, "{'name':'Email only','workflow_id':'" DEMO_WORKFLOW "',"
                                                    "'conditions':[{'field':'email','operator':'exists'}]}");
  g_autofree char *path = g_strdup_printf ("/processors/%s/leads", id);

  /* No rule matches: the default workflow calls, and there is no phone. */
  expect_refused (fixture, "POST", path, "{'first_name':'Ana'}", 400,
                  "{'error':'Validation error','message':'phone is required if the target workflow has call steps'}");

  {
    g_auto(Reply) with_phone = send (fixture, "POST", path, "{'first_name':'Ana','phone':'+56911112222'}");
    g_auto(Reply) by_rule = send (fixture, "POST", path, "{'first_name':'Bea','email':'bea@example.com'}");
    g_auto(Reply) batch = send (fixture, "POST", path,
                                "[{'first_name':'Cris'},{'first_name':'Dani','email':'dani@example.com'}]");

    expect (&with_phone, 201, NULL);
    g_assert_cmpstr (str_at (with_phone.body, "workflow.id"), ==, CALLS_WORKFLOW);
    /* The rule's workflow has no calls: no phone needed. */
    expect (&by_rule, 201, NULL);
    g_assert_cmpstr (str_at (by_rule.body, "rule.id"), ==, rule);
    expect (&batch, 201, NULL);
    assert_json (at (batch.body, "results[0]"),
                 "{'index':0,'success':false,'error':'phone is required if the target workflow has call steps'}");
    g_assert_cmpstr (str_at (batch.body, "results[1].workflow.id"), ==, DEMO_WORKFLOW);
  }
}

/* Processors and rules are kept in the state, and read back. */
static void
test_routing_state (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = create_processor (fixture, SALES_WORKFLOW);
  g_autofree char *rule = create_rule (fixture, id, "{'name':'R','workflow_id':'" DEMO_WORKFLOW "',"
                                                    "'conditions':[{'field':'metadata.a','operator':'in','value':['x',1]}]}");
  g_autoptr(JsonNode) dump = state (fixture);
  g_autofree char *text = json_to_string (dump, FALSE);
  g_autoptr(NexorEmulatorStore) copy = nexor_emulator_store_new ();
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (nexor_emulator_store_load_data (copy, text, -1, &error));
  g_assert_no_error (error);
  again = nexor_emulator_store_dup_state (copy);
  g_assert_true (json_node_equal (dump, again));
  g_assert_cmpstr (str_at (again, "processors[0].rules[0].id"), ==, rule);

  /* A state file with a rule the API would refuse is refused too. */
  {
    g_autofree char *bad = NULL;
    g_autoptr(GRegex) regex = g_regex_new ("\"operator\":\"in\"", 0, 0, NULL);

    bad = g_regex_replace_literal (regex, text, -1, 0, "\"operator\":\"like\"", 0, NULL);
    g_assert_false (nexor_emulator_store_load_data (copy, bad, -1, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "processors[0].rules[0]"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/emulator/routing/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("processors", test_processor_crud);
  ADD ("rules", test_rules);
  ADD ("table", test_routing_table);
  ADD ("order", test_routing_order);
  ADD ("refused", test_routing_refused);
  ADD ("phone", test_routing_phone);
  ADD ("state", test_routing_state);

  return g_test_run ();
}
