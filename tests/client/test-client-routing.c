/* test-client-routing.c: the routing endpoints (processors, rules, routed
 * leads) against an in-process nexor-emulator — what goes on the wire, and
 * what comes back
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "client-fixture.h"

#define BASE_PATH    "/api/public"
#define UNKNOWN_ID   "00000000-0000-4000-8000-000000000000"

/* Seed workflows (tools/nexor-emulator/README.md). */
#define SALES        "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define DEMO         "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
#define MORTGAGE     "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"

typedef ClientFixture Fixture;

/* ---------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* The last request the emulator saw: method, path below the base path, no
 * query, and the JSON body (NULL: none), compared as JSON. */
static void
assert_wire (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *body)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);
  g_autofree char *full_path = g_strconcat (BASE_PATH, path, NULL);
  JsonNode *sent_body;

  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, method);
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, full_path);
  g_assert_true (json_object_get_null_member (request, "query"));

  sent_body = json_object_get_member (request, "body");
  if (body == NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (sent_body));
      return;
    }

  g_assert_true (JSON_NODE_HOLDS_VALUE (sent_body));
  {
    g_autoptr(JsonNode) expected = parse_json (body);
    g_autoptr(JsonNode) actual = parse_json (json_node_get_string (sent_body));

    if (!json_node_equal (actual, expected))
      g_error ("%s %s: sent body %s, expected %s", method, path, json_node_get_string (sent_body), body);
  }
}

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;  /* still owned by the list */
}

static NexorProcessor *
create_processor (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(NexorProcessorInput) input = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, "name", name,
                                                       "default-workflow-id", SALES, NULL);
  g_autoptr(GError) error = NULL;
  NexorProcessor *processor = nexor_client_create_processor (fixture->client, input, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (processor);
  return processor;
}

/* A rule of one condition `field op value` (value: JSON text or NULL). */
static NexorRule *
create_rule (Fixture                *fixture,
             NexorProcessor         *processor,
             const char             *name,
             const char             *workflow_id,
             const char             *field,
             NexorConditionOperator  op,
             const char             *value)
{
  g_autoptr(NexorRuleInput) input = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", name,
                                                  "workflow-id", workflow_id, NULL);
  g_autoptr(NexorConditionInput) condition = nexor_condition_input_new (field, op);
  g_autoptr(GError) error = NULL;
  NexorRule *rule;

  if (value != NULL)
    {
      g_autoptr(JsonNode) node = parse_json (value);

      nexor_condition_input_set_value (condition, node);
    }
  nexor_rule_input_add_condition (input, condition);

  rule = nexor_client_create_processor_rule (fixture->client, nexor_processor_get_id (processor), input,
                                             NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rule);
  return rule;
}

static NexorLeadInput *
lead_input (const char *first_name,
            const char *phone,
            const char *language)
{
  g_autoptr(JsonObject) metadata = json_object_new ();
  NexorLeadInput *input = g_object_new (NEXOR_TYPE_LEAD_INPUT, "first-name", first_name, "phone", phone, NULL);

  if (language != NULL)
    {
      json_object_set_string_member (metadata, "language", language);
      nexor_lead_input_set_metadata (input, metadata);
    }

  return input;
}

/* ---------------------------------------------------------------------------
 * Processors
 * ------------------------------------------------------------------------- */

static void
test_processor (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NexorProcessorInput) input = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT,
                                                       "name", "Language Router",
                                                       "description", "By language",
                                                       "default-workflow-id", SALES, NULL);
  g_autoptr(NexorProcessorInput) change = nexor_processor_input_new ();
  g_autoptr(NexorProcessor) created = NULL;
  g_autoptr(NexorProcessor) fetched = NULL;
  g_autoptr(NexorProcessor) updated = NULL;
  g_autoptr(NexorProcessor) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *id;

  created = nexor_client_create_processor (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/processors",
               "{\"name\":\"Language Router\",\"description\":\"By language\","
               "\"default_workflow_id\":\"" SALES "\"}");
  id = nexor_processor_get_id (created);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (nexor_processor_get_name (created), ==, "Language Router");
  g_assert_cmpstr (nexor_processor_get_description (created), ==, "By language");
  g_assert_cmpstr (nexor_processor_get_default_workflow_id (created), ==, SALES);
  g_assert_true (nexor_processor_get_is_active (created));
  g_assert_nonnull (nexor_processor_get_created_at (created));
  g_assert_nonnull (nexor_processor_get_updated_at (created));
  /* The create answer carries neither the rules nor the workflow's name. */
  g_assert_cmpuint (g_list_model_get_n_items (nexor_processor_get_rules (created)), ==, 0);
  g_assert_null (nexor_processor_get_default_workflow (created));

  path = g_strconcat ("/processors/", id, NULL);
  fetched = nexor_client_get_processor (fixture->client, id, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", path, NULL);
  g_assert_cmpstr (nexor_workflow_get_id (nexor_processor_get_default_workflow (fetched)), ==, SALES);
  g_assert_cmpstr (nexor_workflow_get_name (nexor_processor_get_default_workflow (fetched)), ==, "Sales Pipeline");
  g_assert_cmpuint (g_list_model_get_n_items (nexor_processor_get_rules (fetched)), ==, 0);
  g_assert_true (g_list_model_get_item_type (nexor_processor_get_rules (fetched)) == NEXOR_TYPE_RULE);

  /* Only what was set goes out; a null description clears it. */
  nexor_processor_input_set_name (change, "Router 2");
  nexor_processor_input_set_description (change, NULL);
  nexor_processor_input_set_default_workflow_id (change, DEMO);
  nexor_processor_input_set_is_active (change, TRUE);
  nexor_processor_input_unset (change, "is_active");
  g_assert_false (nexor_processor_input_is_set (change, "is-active"));
  g_assert_true (nexor_processor_input_is_null (change, "description"));
  updated = nexor_client_update_processor (fixture->client, id, change, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "PATCH", path,
               "{\"name\":\"Router 2\",\"description\":null,\"default_workflow_id\":\"" DEMO "\"}");
  g_assert_cmpstr (nexor_processor_get_name (updated), ==, "Router 2");
  g_assert_null (nexor_processor_get_description (updated));
  g_assert_cmpstr (nexor_processor_get_default_workflow_id (updated), ==, DEMO);

  g_assert_true (nexor_client_delete_processor (fixture->client, id, NULL, &error));
  g_assert_no_error (error);
  assert_wire (fixture, "DELETE", path, NULL);
  deleted = nexor_client_get_processor (fixture->client, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (nexor_processor_get_is_active (deleted));

  /* is-active false is sent as false, and brings nothing back by itself. */
  {
    g_autoptr(NexorProcessorInput) revive = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, "is-active", TRUE, NULL);
    g_autoptr(NexorProcessor) revived = nexor_client_update_processor (fixture->client, id, revive, NULL, &error);

    g_assert_no_error (error);
    assert_wire (fixture, "PATCH", path, "{\"is_active\":true}");
    g_assert_true (nexor_processor_get_is_active (revived));
  }
}

static void
test_processor_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(NexorProcessorInput) nameless = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT,
                                                          "default-workflow-id", SALES, NULL);
  g_autoptr(NexorProcessorInput) no_workflow = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, "name", "R", NULL);
  g_autoptr(NexorProcessorInput) null_name = nexor_processor_input_new ();
  g_autoptr(NexorProcessorInput) unknown_workflow = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, "name", "R",
                                                                  "default-workflow-id", UNKNOWN_ID, NULL);
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  nexor_processor_input_set_name (null_name, NULL);

  g_assert_null (nexor_client_create_processor (fixture->client, nameless, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  g_assert_null (nexor_client_create_processor (fixture->client, no_workflow, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "default-workflow-id"));
  g_clear_error (&error);
  g_assert_null (nexor_client_update_processor (fixture->client, UNKNOWN_ID, null_name, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_client_get_processor (fixture->client, "../leads", NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (nexor_client_delete_processor (fixture->client, NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* The server's 400 and 404, in its words. */
  g_assert_null (nexor_client_create_processor (fixture->client, unknown_workflow, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "default_workflow_id not found"));
  g_clear_error (&error);

  g_assert_null (nexor_client_get_processor (fixture->client, UNKNOWN_ID, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Processor not found"));
  g_clear_error (&error);
  g_assert_false (nexor_client_delete_processor (fixture->client, UNKNOWN_ID, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* ---------------------------------------------------------------------------
 * Rules
 * ------------------------------------------------------------------------- */

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NexorProcessor) processor = create_processor (fixture, "Rules");
  const char *pid = nexor_processor_get_id (processor);
  g_autofree char *rules_path = g_strdup_printf ("/processors/%s/rules", pid);
  g_autoptr(NexorRuleInput) input = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", "Everything",
                                                  "workflow-id", DEMO, "position", 3, "is-active", TRUE, NULL);
  static const char * const languages[] = { "EN", "en", NULL };
  static const double tiers[] = { 1, 2.5 };
  g_autoptr(NexorConditionInput) in = nexor_condition_input_new ("metadata.language", NEXOR_CONDITION_OPERATOR_IN);
  g_autoptr(NexorConditionInput) gte = nexor_condition_input_new ("metadata.budget", NEXOR_CONDITION_OPERATOR_GTE);
  g_autoptr(NexorConditionInput) lt = nexor_condition_input_new ("metadata.score", NEXOR_CONDITION_OPERATOR_LT);
  g_autoptr(NexorConditionInput) eq = nexor_condition_input_new ("metadata.vip", NEXOR_CONDITION_OPERATOR_EQ);
  g_autoptr(NexorConditionInput) contains = nexor_condition_input_new ("email", NEXOR_CONDITION_OPERATOR_CONTAINS);
  g_autoptr(NexorConditionInput) not_in = nexor_condition_input_new ("metadata.tier", NEXOR_CONDITION_OPERATOR_NOT_IN);
  g_autoptr(NexorConditionInput) exists = nexor_condition_input_new ("phone", NEXOR_CONDITION_OPERATOR_EXISTS);
  g_autoptr(NexorConditionInput) regex = nexor_condition_input_new ("phone", NEXOR_CONDITION_OPERATOR_REGEX);
  g_autoptr(NexorRule) rule = NULL;
  g_autoptr(NexorRule) updated = NULL;
  g_autoptr(NexorProcessor) fetched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rule_path = NULL;
  GListModel *conditions;
  NexorCondition *condition;

  nexor_condition_input_set_string_list_value (in, languages);
  nexor_condition_input_set_number_value (gte, 1000);
  nexor_condition_input_set_number_value (lt, 2.5);
  nexor_condition_input_set_boolean_value (eq, TRUE);
  nexor_condition_input_set_string_value (contains, "@acme.");
  nexor_condition_input_set_number_list_value (not_in, tiers, G_N_ELEMENTS (tiers));
  nexor_condition_input_set_string_value (regex, "^\\+56");
  g_assert_false (nexor_condition_input_has_value (exists));
  for (NexorConditionInput **c = (NexorConditionInput *[]) { in, gte, lt, eq, contains, not_in, exists, regex, NULL };
       *c != NULL; c++)
    nexor_rule_input_add_condition (input, *c);
  g_assert_cmpuint (nexor_rule_input_get_n_conditions (input), ==, 8);
  g_assert_true (nexor_rule_input_is_set (input, "conditions"));

  rule = nexor_client_create_processor_rule (fixture->client, pid, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", rules_path,
               "{\"name\":\"Everything\",\"workflow_id\":\"" DEMO "\",\"position\":3,\"is_active\":true,"
               "\"conditions\":["
               "{\"field\":\"metadata.language\",\"operator\":\"in\",\"value\":[\"EN\",\"en\"]},"
               "{\"field\":\"metadata.budget\",\"operator\":\"gte\",\"value\":1000},"
               "{\"field\":\"metadata.score\",\"operator\":\"lt\",\"value\":2.5},"
               "{\"field\":\"metadata.vip\",\"operator\":\"eq\",\"value\":true},"
               "{\"field\":\"email\",\"operator\":\"contains\",\"value\":\"@acme.\"},"
               "{\"field\":\"metadata.tier\",\"operator\":\"not_in\",\"value\":[1,2.5]},"
               "{\"field\":\"phone\",\"operator\":\"exists\"},"
               "{\"field\":\"phone\",\"operator\":\"regex\",\"value\":\"^\\\\+56\"}]}");
  g_assert_true (g_uuid_string_is_valid (nexor_rule_get_id (rule)));
  g_assert_cmpstr (nexor_rule_get_processor_id (rule), ==, pid);
  g_assert_cmpstr (nexor_rule_get_name (rule), ==, "Everything");
  g_assert_cmpstr (nexor_rule_get_workflow_id (rule), ==, DEMO);
  g_assert_cmpint (nexor_rule_get_position (rule), ==, 3);
  g_assert_true (nexor_rule_get_is_active (rule));
  g_assert_nonnull (nexor_rule_get_created_at (rule));

  conditions = nexor_rule_get_conditions (rule);
  g_assert_cmpuint (g_list_model_get_n_items (conditions), ==, 8);
  condition = item_at (conditions, 0);
  g_assert_cmpstr (nexor_condition_get_field (condition), ==, "metadata.language");
  g_assert_cmpint (nexor_condition_get_operator (condition), ==, NEXOR_CONDITION_OPERATOR_IN);
  g_assert_cmpstr (nexor_condition_get_operator_name (condition), ==, "in");
  {
    g_autoptr(JsonNode) value = nexor_condition_dup_value (condition);
    g_autoptr(JsonNode) expected = parse_json ("[\"EN\",\"en\"]");

    g_assert_true (json_node_equal (value, expected));
  }
  condition = item_at (conditions, 1);
  {
    g_autoptr(JsonNode) value = nexor_condition_dup_value (condition);

    g_assert_cmpint (json_node_get_int (value), ==, 1000);
  }
  condition = item_at (conditions, 6);
  g_assert_cmpint (nexor_condition_get_operator (condition), ==, NEXOR_CONDITION_OPERATOR_EXISTS);
  g_assert_null (nexor_condition_dup_value (condition));

  /* Get Processor: the rule with its workflow's name. */
  fetched = nexor_client_get_processor (fixture->client, pid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_processor_get_rules (fetched)), ==, 1);
  {
    NexorRule *listed = item_at (nexor_processor_get_rules (fetched), 0);

    g_assert_cmpstr (nexor_rule_get_id (listed), ==, nexor_rule_get_id (rule));
    g_assert_cmpstr (nexor_workflow_get_name (nexor_rule_get_workflow (listed)), ==, "Demo Booking");
    g_assert_cmpuint (g_list_model_get_n_items (nexor_rule_get_conditions (listed)), ==, 8);
  }

  /* Update: cleared conditions are sent as []; the rest as set. */
  rule_path = g_strdup_printf ("/processors/%s/rules/%s", pid, nexor_rule_get_id (rule));
  {
    g_autoptr(NexorRuleInput) change = g_object_new (NEXOR_TYPE_RULE_INPUT, "is-active", FALSE, NULL);

    nexor_rule_input_add_condition (change, in);
    nexor_rule_input_clear_conditions (change);
    updated = nexor_client_update_processor_rule (fixture->client, pid, nexor_rule_get_id (rule), change,
                                                  NULL, &error);
    g_assert_no_error (error);
    assert_wire (fixture, "PATCH", rule_path, "{\"is_active\":false,\"conditions\":[]}");
    g_assert_false (nexor_rule_get_is_active (updated));
    g_assert_cmpuint (g_list_model_get_n_items (nexor_rule_get_conditions (updated)), ==, 0);
  }

  /* An unset list is not sent at all. */
  {
    g_autoptr(NexorRuleInput) rename = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", "Renamed", NULL);
    g_autoptr(NexorRule) renamed = NULL;

    nexor_rule_input_add_condition (rename, in);
    nexor_rule_input_unset (rename, "conditions");
    g_assert_false (nexor_rule_input_is_set (rename, "conditions"));
    renamed = nexor_client_update_processor_rule (fixture->client, pid, nexor_rule_get_id (rule), rename,
                                                  NULL, &error);
    g_assert_no_error (error);
    assert_wire (fixture, "PATCH", rule_path, "{\"name\":\"Renamed\"}");
    g_assert_cmpstr (nexor_rule_get_name (renamed), ==, "Renamed");
  }

  g_assert_true (nexor_client_delete_processor_rule (fixture->client, pid, nexor_rule_get_id (rule), NULL, &error));
  g_assert_no_error (error);
  assert_wire (fixture, "DELETE", rule_path, NULL);
  g_assert_false (nexor_client_delete_processor_rule (fixture->client, pid, nexor_rule_get_id (rule), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Rule not found"));
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(NexorProcessor) processor = create_processor (fixture, "Order");
  const char *pid = nexor_processor_get_id (processor);
  g_autoptr(NexorRule) first = create_rule (fixture, processor, "First", DEMO, "email",
                                            NEXOR_CONDITION_OPERATOR_EXISTS, NULL);
  g_autoptr(NexorRule) second = create_rule (fixture, processor, "Second", MORTGAGE, "phone",
                                             NEXOR_CONDITION_OPERATOR_EXISTS, NULL);
  g_autoptr(NexorRule) third = create_rule (fixture, processor, "Third", MORTGAGE, "company",
                                            NEXOR_CONDITION_OPERATOR_EXISTS, NULL);
  const char *ids[] = { nexor_rule_get_id (third), nexor_rule_get_id (first), NULL };
  g_autofree char *path = g_strdup_printf ("/processors/%s/rules/reorder", pid);
  g_autofree char *body = g_strdup_printf ("{\"rule_ids\":[\"%s\",\"%s\"]}", ids[0], ids[1]);
  g_autoptr(GListModel) rules = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const none[] = { NULL };
  static const char * const bad[] = { "not-a-uuid", NULL };
  guint before;

  rules = nexor_client_reorder_processor_rules (fixture->client, pid, ids, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "PUT", path, body);
  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, 3);
  g_assert_cmpstr (nexor_rule_get_name (item_at (rules, 0)), ==, "Third");
  g_assert_cmpint (nexor_rule_get_position (item_at (rules, 0)), ==, 1);
  g_assert_cmpstr (nexor_rule_get_id (item_at (rules, 1)), ==, nexor_rule_get_id (first));
  /* The one left out follows. */
  g_assert_cmpstr (nexor_rule_get_id (item_at (rules, 2)), ==, nexor_rule_get_id (second));
  g_assert_cmpint (nexor_rule_get_position (item_at (rules, 2)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (nexor_rule_get_conditions (item_at (rules, 2))), ==, 0);

  before = sent (fixture);
  g_assert_null (nexor_client_reorder_processor_rules (fixture->client, pid, none, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_client_reorder_processor_rules (fixture->client, pid, bad, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* A rule of no processor of ours is the server's 400. */
  {
    const char *unknown[] = { UNKNOWN_ID, NULL };

    g_assert_null (nexor_client_reorder_processor_rules (fixture->client, pid, unknown, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_null (nexor_client_reorder_processor_rules (fixture->client, UNKNOWN_ID, unknown, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  }
}

static void
test_rules_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NexorProcessor) processor = create_processor (fixture, "Refusals");
  const char *pid = nexor_processor_get_id (processor);
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);
  struct {
    const char *what;
    const char *field;
    NexorConditionOperator op;
    const char *value;
    gboolean add;
    gboolean name;
    const char *message;
  } cases[] = {
    { "no name", "email", NEXOR_CONDITION_OPERATOR_EXISTS, NULL, TRUE, FALSE, "name" },
    { "no conditions", "email", NEXOR_CONDITION_OPERATOR_EXISTS, NULL, FALSE, TRUE, "conditions" },
    { "no field", NULL, NEXOR_CONDITION_OPERATOR_EXISTS, NULL, TRUE, TRUE, "Condition 0: " },
    { "unknown operator", "email", NEXOR_CONDITION_OPERATOR_UNKNOWN, "\"x\"", TRUE, TRUE, "operator" },
    { "no value", "email", NEXOR_CONDITION_OPERATOR_EQ, NULL, TRUE, TRUE, "needs a value" },
    { "in without a list", "metadata.language", NEXOR_CONDITION_OPERATOR_IN, "\"EN\"", TRUE, TRUE, "list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NexorRuleInput) input = g_object_new (NEXOR_TYPE_RULE_INPUT, "workflow-id", DEMO, NULL);
      g_autoptr(NexorConditionInput) condition = nexor_condition_input_new (cases[i].field, cases[i].op);

      g_test_message ("%s", cases[i].what);
      if (cases[i].name)
        nexor_rule_input_set_name (input, "R");
      if (cases[i].value != NULL)
        {
          g_autoptr(JsonNode) value = parse_json (cases[i].value);

          nexor_condition_input_set_value (condition, value);
        }
      if (cases[i].add)
        nexor_rule_input_add_condition (input, condition);

      g_assert_null (nexor_client_create_processor_rule (fixture->client, pid, input, NULL, &error));
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);
    }
  g_assert_cmpuint (sent (fixture), ==, before);

  /* What only the server checks: the field, the regex, the value's type. */
  {
    static const struct {
      const char *field;
      NexorConditionOperator op;
      const char *value;
      const char *message;
    } server[] = {
      { "age", NEXOR_CONDITION_OPERATOR_EQ, "35", "is not supported" },
      { "phone", NEXOR_CONDITION_OPERATOR_REGEX, "\"((\"", "not a valid regular expression" },
      { "metadata.age", NEXOR_CONDITION_OPERATOR_GT, "\"35\"", "must be a number" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (server); i++)
      {
        g_autoptr(NexorRuleInput) input = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", "R", "workflow-id", DEMO, NULL);
        g_autoptr(NexorConditionInput) condition = nexor_condition_input_new (server[i].field, server[i].op);
        g_autoptr(JsonNode) value = parse_json (server[i].value);

        nexor_condition_input_set_value (condition, value);
        nexor_rule_input_add_condition (input, condition);
        g_assert_null (nexor_client_create_processor_rule (fixture->client, pid, input, NULL, &error));
        g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
        g_assert_nonnull (strstr (error->message, server[i].message));
        g_clear_error (&error);
      }
  }

  /* 404s name what was missing. */
  {
    g_autoptr(NexorRuleInput) input = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", "R", NULL);

    g_assert_null (nexor_client_update_processor_rule (fixture->client, pid, UNKNOWN_ID, input, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Rule not found"));
    g_clear_error (&error);
    g_assert_null (nexor_client_update_processor_rule (fixture->client, UNKNOWN_ID, UNKNOWN_ID, input, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Processor not found"));
    g_clear_error (&error);

    before = sent (fixture);
    g_assert_null (nexor_client_update_processor_rule (fixture->client, pid, NULL, input, NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_false (nexor_client_delete_processor_rule (fixture->client, pid, "a/b", NULL, &error));
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

/* ---------------------------------------------------------------------------
 * Routing
 * ------------------------------------------------------------------------- */

static void
test_route (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NexorProcessor) processor = create_processor (fixture, "Language Router");
  const char *pid = nexor_processor_get_id (processor);
  g_autoptr(NexorRule) english = create_rule (fixture, processor, "English", DEMO, "metadata.language",
                                              NEXOR_CONDITION_OPERATOR_IN, "[\"EN\",\"en\"]");
  g_autofree char *path = g_strdup_printf ("/processors/%s/leads", pid);
  g_autoptr(NexorLeadInput) ana = lead_input ("Ana", "+56911110001", "en");
  g_autoptr(NexorLeadInput) bruno = lead_input ("Bruno", "+56911110002", "es");
  g_autoptr(NexorLeadInput) bad = lead_input ("Carla", "not a phone", "en");
  g_autoptr(GListStore) batch = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(NexorRouteResult) result = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  NexorRouteResult *item;

  result = nexor_client_route_lead (fixture->client, pid, ana, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", path,
               "{\"first_name\":\"Ana\",\"phone\":\"+56911110001\",\"metadata\":{\"language\":\"en\"}}");
  g_assert_true (nexor_route_result_get_success (result));
  g_assert_cmpint (nexor_route_result_get_index (result), ==, -1);
  g_assert_null (nexor_route_result_get_error_message (result));
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_route_result_get_lead (result)), ==, "Ana");
  g_assert_false (nexor_route_result_get_existed (result));
  g_assert_cmpstr (nexor_rule_get_id (nexor_route_result_get_rule (result)), ==, nexor_rule_get_id (english));
  g_assert_cmpstr (nexor_rule_get_name (nexor_route_result_get_rule (result)), ==, "English");
  g_assert_cmpstr (nexor_workflow_get_id (nexor_route_result_get_workflow (result)), ==, DEMO);
  g_assert_cmpstr (nexor_workflow_get_name (nexor_route_result_get_workflow (result)), ==, "Demo Booking");
  g_assert_cmpstr (nexor_workflow_get_id (nexor_workflow_run_summary_get_workflow (nexor_route_result_get_workflow_run (result))),
                   ==, DEMO);

  /* A batch: each lead on its own, the bad one alone fails. */
  g_list_store_append (batch, bruno);
  g_list_store_append (batch, bad);
  g_list_store_append (batch, ana);
  results = nexor_client_route_leads (fixture->client, pid, G_LIST_MODEL (batch), NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", path,
               "[{\"first_name\":\"Bruno\",\"phone\":\"+56911110002\",\"metadata\":{\"language\":\"es\"}},"
               " {\"first_name\":\"Carla\",\"phone\":\"not a phone\",\"metadata\":{\"language\":\"en\"}},"
               " {\"first_name\":\"Ana\",\"phone\":\"+56911110001\",\"metadata\":{\"language\":\"en\"}}]");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  g_assert_true (g_list_model_get_item_type (results) == NEXOR_TYPE_ROUTE_RESULT);

  item = item_at (results, 0);
  g_assert_true (nexor_route_result_get_success (item));
  g_assert_cmpint (nexor_route_result_get_index (item), ==, 0);
  g_assert_null (nexor_route_result_get_rule (item));
  g_assert_cmpstr (nexor_workflow_get_id (nexor_route_result_get_workflow (item)), ==, SALES);

  item = item_at (results, 1);
  g_assert_false (nexor_route_result_get_success (item));
  g_assert_cmpint (nexor_route_result_get_index (item), ==, 1);
  g_assert_nonnull (strstr (nexor_route_result_get_error_message (item), "not a valid phone number"));
  g_assert_null (nexor_route_result_get_lead (item));

  item = item_at (results, 2);
  g_assert_true (nexor_route_result_get_success (item));
  g_assert_true (nexor_route_result_get_existed (item));
  g_assert_cmpstr (nexor_rule_get_name (nexor_route_result_get_rule (item)), ==, "English");
}

static void
test_route_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NexorProcessor) processor = create_processor (fixture, "Refusals");
  const char *pid = nexor_processor_get_id (processor);
  g_autoptr(NexorLeadInput) with_workflow = g_object_new (NEXOR_TYPE_LEAD_INPUT, "first-name", "Ana",
                                                          "workflow-id", DEMO, NULL);
  g_autoptr(NexorLeadInput) nameless = g_object_new (NEXOR_TYPE_LEAD_INPUT, "phone", "+56911110003", NULL);
  g_autoptr(NexorLeadInput) ok = lead_input ("Ana", "+56911110004", NULL);
  g_autoptr(GListStore) empty = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GListStore) many = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GListStore) second_bad = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(GError) error = NULL;
  guint before = sent (fixture);

  g_assert_null (nexor_client_route_lead (fixture->client, pid, with_workflow, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "workflow"));
  g_clear_error (&error);
  g_assert_null (nexor_client_route_lead (fixture->client, pid, nameless, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_client_route_leads (fixture->client, pid, G_LIST_MODEL (empty), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  for (guint i = 0; i < 1001; i++)
    g_list_store_append (many, ok);
  g_assert_null (nexor_client_route_leads (fixture->client, pid, G_LIST_MODEL (many), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "1001"));
  g_clear_error (&error);
  g_list_store_append (second_bad, ok);
  g_list_store_append (second_bad, with_workflow);
  g_assert_null (nexor_client_route_leads (fixture->client, pid, G_LIST_MODEL (second_bad), NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_str_has_prefix (error->message, "Lead 1: "));
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before);

  /* A deactivated processor routes nothing. */
  g_assert_true (nexor_client_delete_processor (fixture->client, pid, NULL, &error));
  g_assert_null (nexor_client_route_lead (fixture->client, pid, ok, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Processor not found"));
}

/* An operator the library does not know is kept as the server's word; a
 * rule in the reorder answer has only what that answer carries. */
static void
test_unknown_operator (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *body = "{\"success\":true,\"processor\":{\"id\":\"" UNKNOWN_ID "\",\"name\":\"P\","
                     "\"default_workflow_id\":\"" SALES "\",\"is_active\":true,\"rules\":[{\"id\":\"r1\","
                     "\"name\":\"Dates\",\"position\":1,\"is_active\":true,\"workflow_id\":\"" DEMO "\","
                     "\"conditions\":[{\"field\":\"metadata.d\",\"operator\":\"between\",\"value\":[1,2],"
                     "\"unit\":\"days\"}]}]}}";
  g_autofree char *encoded = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", encoded, NULL);
  g_autoptr(NexorProcessor) processor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) raw = NULL;
  NexorCondition *condition;

  nexor_emulator_push_fault (fixture->emulator, fault);
  processor = nexor_client_get_processor (fixture->client, UNKNOWN_ID, NULL, &error);
  g_assert_no_error (error);
  condition = item_at (nexor_rule_get_conditions (item_at (nexor_processor_get_rules (processor), 0)), 0);
  g_assert_cmpint (nexor_condition_get_operator (condition), ==, NEXOR_CONDITION_OPERATOR_UNKNOWN);
  g_assert_cmpstr (nexor_condition_get_operator_name (condition), ==, "between");
  raw = nexor_condition_dup_json (condition);
  g_assert_cmpstr (json_object_get_string_member (raw, "unit"), ==, "days");

  g_assert_cmpstr (nexor_condition_operator_to_string (NEXOR_CONDITION_OPERATOR_NOT_CONTAINS), ==, "not_contains");
  g_assert_null (nexor_condition_operator_to_string (NEXOR_CONDITION_OPERATOR_UNKNOWN));
  g_assert_cmpint (nexor_condition_operator_from_string ("regex"), ==, NEXOR_CONDITION_OPERATOR_REGEX);
  g_assert_cmpint (nexor_condition_operator_from_string ("REGEX"), ==, NEXOR_CONDITION_OPERATOR_UNKNOWN);
  g_assert_cmpint (nexor_condition_operator_from_string (NULL), ==, NEXOR_CONDITION_OPERATOR_UNKNOWN);
}

/* ---------------------------------------------------------------------------
 * Retries
 * ------------------------------------------------------------------------- */

/* After a 503, the updates, reorder, reads and deletes are sent again; the
 * creates and routing never are: their outcome is unknown. */
static void
test_retry_policy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NexorProcessor) processor = create_processor (fixture, "Retries");
  const char *pid = nexor_processor_get_id (processor);
  g_autoptr(NexorRule) rule = create_rule (fixture, processor, "R", DEMO, "email",
                                           NEXOR_CONDITION_OPERATOR_EXISTS, NULL);
  g_autoptr(NexorProcessorInput) change = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, "name", "Retried", NULL);
  g_autoptr(NexorProcessorInput) create = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, "name", "Once",
                                                        "default-workflow-id", SALES, NULL);
  g_autoptr(NexorRuleInput) rename = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", "Retried", NULL);
  g_autoptr(NexorRuleInput) new_rule = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", "Once", "workflow-id", DEMO, NULL);
  g_autoptr(NexorConditionInput) condition = nexor_condition_input_new ("phone", NEXOR_CONDITION_OPERATOR_EXISTS);
  g_autoptr(NexorLeadInput) lead = lead_input ("Ana", "+56911110005", NULL);
  g_autoptr(GListStore) batch = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  const char *ids[] = { nexor_rule_get_id (rule), NULL };
  g_autoptr(GError) error = NULL;
  guint before;

  nexor_rule_input_add_condition (new_rule, condition);
  g_list_store_append (batch, lead);
  nexor_client_set_max_retries (fixture->client, 1);

#define EXPECT_RETRIED(call)                                                     \
  G_STMT_START {                                                                 \
    g_autoptr(GObject) _result = NULL;                                           \
    before = sent (fixture);                                                     \
    nexor_emulator_push_fault (fixture->emulator, "status=503");                 \
    _result = (GObject *) (call);                                                \
    g_assert_no_error (error);                                                   \
    g_assert_nonnull (_result);                                                  \
    g_assert_cmpuint (sent (fixture), ==, before + 2);                           \
  } G_STMT_END

#define EXPECT_NOT_RETRIED(call)                                                 \
  G_STMT_START {                                                                 \
    g_autoptr(GObject) _result = NULL;                                           \
    before = sent (fixture);                                                     \
    nexor_emulator_push_fault (fixture->emulator, "status=503");                 \
    _result = (GObject *) (call);                                                \
    g_assert_null (_result);                                                     \
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);            \
    g_clear_error (&error);                                                      \
    g_assert_cmpuint (sent (fixture), ==, before + 1);                           \
  } G_STMT_END

  EXPECT_RETRIED (nexor_client_get_processor (fixture->client, pid, NULL, &error));
  EXPECT_RETRIED (nexor_client_update_processor (fixture->client, pid, change, NULL, &error));
  EXPECT_RETRIED (nexor_client_update_processor_rule (fixture->client, pid, ids[0], rename, NULL, &error));
  EXPECT_RETRIED (nexor_client_reorder_processor_rules (fixture->client, pid, ids, NULL, &error));

  EXPECT_NOT_RETRIED (nexor_client_create_processor (fixture->client, create, NULL, &error));
  EXPECT_NOT_RETRIED (nexor_client_create_processor_rule (fixture->client, pid, new_rule, NULL, &error));
  EXPECT_NOT_RETRIED (nexor_client_route_lead (fixture->client, pid, lead, NULL, &error));
  EXPECT_NOT_RETRIED (nexor_client_route_leads (fixture->client, pid, G_LIST_MODEL (batch), NULL, &error));

#undef EXPECT_RETRIED
#undef EXPECT_NOT_RETRIED

  /* A connection reset once the request was sent: routing is not repeated
   * either, and the lead was not created twice. */
  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "reset");
  g_assert_null (nexor_client_route_lead (fixture->client, pid, lead, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN);
  g_clear_error (&error);
  g_assert_cmpuint (sent (fixture), ==, before + 1);

  before = sent (fixture);
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  g_assert_true (nexor_client_delete_processor_rule (fixture->client, pid, ids[0], NULL, &error));
  g_assert_no_error (error);
  nexor_emulator_push_fault (fixture->emulator, "status=503");
  g_assert_true (nexor_client_delete_processor (fixture->client, pid, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent (fixture), ==, before + 4);
}

/* ---------------------------------------------------------------------------
 * Async
 * ------------------------------------------------------------------------- */

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NexorProcessorInput) input = g_object_new (NEXOR_TYPE_PROCESSOR_INPUT, "name", "Async",
                                                       "default-workflow-id", SALES, NULL);
  g_autoptr(NexorRuleInput) rule_input = g_object_new (NEXOR_TYPE_RULE_INPUT, "name", "R", "workflow-id", DEMO, NULL);
  g_autoptr(NexorConditionInput) condition = nexor_condition_input_new ("metadata.language", NEXOR_CONDITION_OPERATOR_EQ);
  g_autoptr(NexorLeadInput) lead = lead_input ("Ana", "+56911110006", "EN");
  g_autoptr(GListStore) batch = g_list_store_new (NEXOR_TYPE_LEAD_INPUT);
  g_autoptr(NexorProcessor) processor = NULL;
  g_autoptr(NexorRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  NexorClient *client = fixture->client;
  const char *ids[2] = { NULL, NULL };
  const char *pid;

  nexor_condition_input_set_string_value (condition, "EN");
  nexor_rule_input_add_condition (rule_input, condition);
  g_list_store_append (batch, lead);

#define RUN(start, finish_call, out)                                             \
  G_STMT_START {                                                                 \
    g_autoptr(GAsyncResult) result = NULL;                                       \
    start;                                                                       \
    nexor_test_wait_for_result (&result);                                        \
    out = (finish_call);                                                         \
    g_assert_no_error (error);                                                   \
  } G_STMT_END

  RUN (nexor_client_create_processor_async (client, input, NULL, nexor_test_on_result, &result),
       nexor_client_create_processor_finish (client, result, &error), processor);
  pid = nexor_processor_get_id (processor);
  RUN (nexor_client_create_processor_rule_async (client, pid, rule_input, NULL, nexor_test_on_result, &result),
       nexor_client_create_processor_rule_finish (client, result, &error), rule);
  ids[0] = nexor_rule_get_id (rule);
  {
    g_autoptr(NexorProcessor) fetched = NULL;
    g_autoptr(NexorProcessor) updated = NULL;
    g_autoptr(NexorRule) changed = NULL;
    g_autoptr(GListModel) order = NULL;
    g_autoptr(NexorRouteResult) routed = NULL;
    g_autoptr(GListModel) routed_all = NULL;
    gboolean deleted = FALSE;

    RUN (nexor_client_get_processor_async (client, pid, NULL, nexor_test_on_result, &result),
         nexor_client_get_processor_finish (client, result, &error), fetched);
    g_assert_cmpuint (g_list_model_get_n_items (nexor_processor_get_rules (fetched)), ==, 1);
    RUN (nexor_client_update_processor_async (client, pid, input, NULL, nexor_test_on_result, &result),
         nexor_client_update_processor_finish (client, result, &error), updated);
    g_assert_nonnull (updated);
    RUN (nexor_client_update_processor_rule_async (client, pid, ids[0], rule_input, NULL, nexor_test_on_result, &result),
         nexor_client_update_processor_rule_finish (client, result, &error), changed);
    g_assert_nonnull (changed);
    RUN (nexor_client_reorder_processor_rules_async (client, pid, ids, NULL, nexor_test_on_result, &result),
         nexor_client_reorder_processor_rules_finish (client, result, &error), order);
    g_assert_cmpuint (g_list_model_get_n_items (order), ==, 1);
    RUN (nexor_client_route_lead_async (client, pid, lead, NULL, nexor_test_on_result, &result),
         nexor_client_route_lead_finish (client, result, &error), routed);
    g_assert_cmpstr (nexor_rule_get_id (nexor_route_result_get_rule (routed)), ==, ids[0]);
    RUN (nexor_client_route_leads_async (client, pid, G_LIST_MODEL (batch), NULL, nexor_test_on_result, &result),
         nexor_client_route_leads_finish (client, result, &error), routed_all);
    g_assert_cmpuint (g_list_model_get_n_items (routed_all), ==, 1);
    RUN (nexor_client_delete_processor_rule_async (client, pid, ids[0], NULL, nexor_test_on_result, &result),
         nexor_client_delete_processor_rule_finish (client, result, &error), deleted);
    g_assert_true (deleted);
    deleted = FALSE;
    RUN (nexor_client_delete_processor_async (client, pid, NULL, nexor_test_on_result, &result),
         nexor_client_delete_processor_finish (client, result, &error), deleted);
    g_assert_true (deleted);
  }

#undef RUN

  /* Pre-cancelled: nothing is sent. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(NexorRouteResult) routed = NULL;
    guint before = sent (fixture);

    g_cancellable_cancel (cancellable);
    nexor_client_route_lead_async (client, pid, lead, cancellable, nexor_test_on_result, &result);
    routed = nexor_client_route_lead_finish (client, nexor_test_wait_for_result (&result), &error);
    g_assert_null (routed);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (sent (fixture), ==, before);
  }
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef struct {
  NexorClient *client;
  const char *processor_id;
  NexorLeadInput *lead;
  NexorRouteResult *result;
  GError *error;
} ThreadCall;

/* A blocking call from a worker thread with its own thread-default context. */
static gpointer
route_in_thread (gpointer data)
{
  ThreadCall *call = data;
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  call->result = nexor_client_route_lead (call->client, call->processor_id, call->lead, NULL, &call->error);
  g_main_context_pop_thread_default (context);

  return NULL;
}

/* Routing cancelled while the answer is awaited: cancelled, not repeated;
 * and routing from another thread. */
static void
test_route_cancel_and_thread (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(NexorProcessor) processor = create_processor (fixture, "Cancel");
  const char *pid = nexor_processor_get_id (processor);
  g_autoptr(NexorLeadInput) lead = lead_input ("Ana", "+56911110007", "EN");
  g_autoptr(NexorLeadInput) other = lead_input ("Bea", "+56911110008", "ES");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ThreadCall call = { fixture->client, pid, other, NULL, NULL };
  GThread *thread;
  guint before = sent (fixture);
  guint wake;

  wake = g_timeout_add (10, wake_cb, NULL);
  nexor_emulator_set_response_delay (fixture->emulator, 600000);
  nexor_client_route_lead_async (fixture->client, pid, lead, cancellable, nexor_test_on_result, &result);
  while (nexor_emulator_get_held_count (fixture->emulator) < 1)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_null (nexor_client_route_lead_finish (fixture->client, nexor_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  nexor_emulator_set_response_delay (fixture->emulator, 0);
  nexor_emulator_release_held (fixture->emulator);
  g_source_remove (wake);
  g_assert_cmpuint (sent (fixture), ==, before + 1);

  thread = g_thread_new ("route", route_in_thread, &call);
  g_thread_join (thread);
  g_assert_no_error (call.error);
  g_assert_nonnull (call.result);
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_route_result_get_lead (call.result)), ==, "Bea");
  g_clear_object (&call.result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/routing/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("processor", test_processor);
  ADD ("processor/refused", test_processor_refused);
  ADD ("rules", test_rules);
  ADD ("rules/reorder", test_reorder);
  ADD ("rules/refused", test_rules_refused);
  ADD ("route", test_route);
  ADD ("route/refused", test_route_refused);
  ADD ("unknown-operator", test_unknown_operator);
  ADD ("retry-policy", test_retry_policy);
  ADD ("async", test_async);
  ADD ("async/cancel-and-thread", test_route_cancel_and_thread);

#undef ADD

  return g_test_run ();
}
