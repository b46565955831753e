/* nexor-emulator-routes-processors.c: processors, their rules, and routing
 * leads through them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A processor is stored with its rules inside it (see the store's format).
 * A deleted processor is only made inactive: it still answers GET and
 * PATCH, and its rules can still be changed, but it routes nothing (404).
 * The route answer is undocumented; its shape is the emulator's choice,
 * described in docs/emulator.md.
 */

#include "nexor-emulator-routes-private.h"

#include <libsoup/soup.h>

#include "nexor-emulator-json.h"
#include "nexor-emulator-routing.h"

static JsonNode *
reply_processor_not_found (NexorEmulatorRequest *request)
{
  return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found",
                                     "Processor not found or does not belong to your account");
}

static JsonNode *
reply_rule_not_found (NexorEmulatorRequest *request)
{
  return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found", "Rule not found");
}

static JsonArray *
processor_rules (JsonObject *processor)
{
  return json_object_get_array_member (processor, "rules");
}

static JsonObject *
find_rule (JsonObject *processor,
           const char *id,
           guint      *out_index)
{
  JsonArray *rules = processor_rules (processor);

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);

      if (nexor_emulator_id_equal (nexor_emulator_json_string (rule, "id"), id))
        {
          if (out_index != NULL)
            *out_index = i;
          return rule;
        }
    }

  return NULL;
}

static gint
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  JsonObject *rule_a = *(JsonObject **) a;
  JsonObject *rule_b = *(JsonObject **) b;
  gint64 position_a = nexor_emulator_json_int (rule_a, "position");
  gint64 position_b = nexor_emulator_json_int (rule_b, "position");

  return position_a < position_b ? -1 : position_a > position_b;
}

/* The rules by position; equal positions keep the order they were added in
 * (g_ptr_array_sort is a stable merge sort). */
static GPtrArray *
rules_in_order (JsonObject *processor)
{
  JsonArray *rules = processor_rules (processor);
  GPtrArray *ordered = g_ptr_array_sized_new (json_array_get_length (rules));

  for (guint i = 0; i < json_array_get_length (rules); i++)
    g_ptr_array_add (ordered, json_array_get_object_element (rules, i));

  g_ptr_array_sort (ordered, compare_positions);
  return ordered;
}

/* Rendering */

static JsonObject *
render_workflow_brief (NexorEmulatorStore *store,
                       const char         *id)
{
  JsonObject *workflow = nexor_emulator_store_find_workflow (store, id);
  JsonObject *brief = json_object_new ();

  json_object_set_string_member (brief, "id", id);
  if (workflow != NULL)
    json_object_set_string_member (brief, "name", nexor_emulator_json_string (workflow, "name"));
  else
    json_object_set_null_member (brief, "name");

  return brief;
}

/* POST and PATCH /processors answer this shape; GET adds to it. */
static JsonObject *
render_processor (JsonObject *processor)
{
  static const char * const members[] = {
    "id", "name", "description", "default_workflow_id", "is_active", "created_at", "updated_at", NULL
  };
  JsonObject *body = json_object_new ();

  for (guint i = 0; members[i] != NULL; i++)
    json_object_set_member (body, members[i],
                            json_node_copy (json_object_get_member (processor, members[i])));

  return body;
}

/* A rule as PATCH …/rules/{ruleId} shows it (and POST …/rules, by analogy). */
static JsonObject *
render_rule (JsonObject *processor,
             JsonObject *rule)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "id", nexor_emulator_json_string (rule, "id"));
  json_object_set_string_member (body, "processor_id", nexor_emulator_json_string (processor, "id"));
  json_object_set_string_member (body, "name", nexor_emulator_json_string (rule, "name"));
  json_object_set_string_member (body, "workflow_id", nexor_emulator_json_string (rule, "workflow_id"));
  json_object_set_member (body, "conditions",
                          nexor_emulator_json_node_deep_copy (json_object_get_member (rule, "conditions")));
  json_object_set_int_member (body, "position", nexor_emulator_json_int (rule, "position"));
  json_object_set_boolean_member (body, "is_active", nexor_emulator_json_boolean (rule, "is_active"));
  json_object_set_string_member (body, "created_at", nexor_emulator_json_string (rule, "created_at"));
  json_object_set_string_member (body, "updated_at", nexor_emulator_json_string (rule, "updated_at"));

  return body;
}

/* GET /processors/{id}: the processor, its default workflow and its rules
 * in order, each with its workflow. */
static JsonObject *
render_processor_full (NexorEmulatorStore *store,
                       JsonObject         *processor)
{
  JsonObject *body = render_processor (processor);
  g_autoptr(GPtrArray) ordered = rules_in_order (processor);
  JsonArray *rules = json_array_sized_new (ordered->len);

  json_object_set_object_member (body, "default_workflow",
                                 render_workflow_brief (store,
                                                        nexor_emulator_json_string (processor, "default_workflow_id")));

  for (guint i = 0; i < ordered->len; i++)
    {
      JsonObject *rule = g_ptr_array_index (ordered, i);
      JsonObject *item = json_object_new ();
      const char *workflow_id = nexor_emulator_json_string (rule, "workflow_id");

      json_object_set_string_member (item, "id", nexor_emulator_json_string (rule, "id"));
      json_object_set_string_member (item, "name", nexor_emulator_json_string (rule, "name"));
      json_object_set_int_member (item, "position", nexor_emulator_json_int (rule, "position"));
      json_object_set_boolean_member (item, "is_active", nexor_emulator_json_boolean (rule, "is_active"));
      json_object_set_member (item, "conditions",
                              nexor_emulator_json_node_deep_copy (json_object_get_member (rule, "conditions")));
      json_object_set_string_member (item, "workflow_id", workflow_id);
      json_object_set_object_member (item, "workflow", render_workflow_brief (store, workflow_id));
      json_array_add_object_element (rules, item);
    }
  json_object_set_array_member (body, "rules", rules);

  return body;
}

static JsonNode *
reply_success (NexorEmulatorRequest *request,
               guint                 status,
               const char           *member,
               JsonObject           *value)
{
  JsonObject *body = json_object_new ();

  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_object_member (body, member, value);

  return nexor_emulator_reply (request, status, body);
}

/* Body checks */

/* A name member: a non-blank string. */
static char *
check_name (JsonObject  *body,
            gboolean     required,
            const char **out_name)
{
  gboolean present;
  char *problem;
  const char *p;

  if ((problem = nexor_emulator_check_string (body, "name", FALSE, &present, out_name)) != NULL)
    return problem;

  if (!present)
    return required ? g_strdup ("name is required") : NULL;

  for (p = *out_name; g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    return g_strdup ("name is required");

  return NULL;
}

/* A workflow member (@name): the account's workflow, or NULL when absent. */
static char *
check_workflow (NexorEmulatorStore  *store,
                JsonObject          *body,
                const char          *name,
                gboolean             required,
                JsonObject         **out_workflow)
{
  const char *id;
  gboolean present;
  char *problem;

  *out_workflow = NULL;

  if ((problem = nexor_emulator_check_string (body, name, FALSE, &present, &id)) != NULL)
    return problem;

  if (!present)
    return required ? g_strdup_printf ("%s is required", name) : NULL;

  *out_workflow = nexor_emulator_store_find_workflow (store, id);
  if (*out_workflow == NULL)
    return g_strdup_printf ("%s not found or does not belong to your account", name);

  return NULL;
}

static char *
check_position (JsonObject *body,
                gboolean   *out_present,
                gint64     *out_position)
{
  JsonNode *node = json_object_get_member (body, "position");

  *out_present = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  if (!*out_present)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT32)
    return g_strdup ("position must be a whole number ≥ 0");

  *out_position = json_node_get_int (node);
  return NULL;
}

/* The processor of the path, or NULL after answering 404. */
static JsonObject *
path_processor (NexorEmulatorRequest *request,
                JsonNode            **out_reply)
{
  JsonObject *processor = nexor_emulator_store_find_processor (request->store, request->params[0]);

  if (processor == NULL)
    *out_reply = reply_processor_not_found (request);

  return processor;
}

/* POST /processors */

JsonNode *
nexor_emulator_route_create_processor (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *problem = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  JsonObject *workflow;
  JsonObject *processor;
  const char *name = NULL;
  const char *description = NULL;
  gboolean present;
  gboolean is_active = TRUE;
  gboolean active_present;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  if ((problem = check_name (body, TRUE, &name)) != NULL ||
      (problem = nexor_emulator_check_string (body, "description", TRUE, &present, &description)) != NULL ||
      (problem = check_workflow (request->store, body, "default_workflow_id", TRUE, &workflow)) != NULL ||
      (problem = nexor_emulator_check_boolean (body, "is_active", &active_present, &is_active)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  id = nexor_emulator_new_id ();
  now = nexor_emulator_now ();

  processor = json_object_new ();
  json_object_set_string_member (processor, "id", id);
  json_object_set_string_member (processor, "name", name);
  if (description != NULL)
    json_object_set_string_member (processor, "description", description);
  else
    json_object_set_null_member (processor, "description");
  json_object_set_string_member (processor, "default_workflow_id", nexor_emulator_json_string (workflow, "id"));
  json_object_set_boolean_member (processor, "is_active", active_present ? is_active : TRUE);
  json_object_set_string_member (processor, "created_at", now);
  json_object_set_string_member (processor, "updated_at", now);
  json_object_set_array_member (processor, "rules", json_array_new ());

  g_ptr_array_add (request->store->processors, processor);
  nexor_emulator_store_mark_changed (request->store);

  return reply_success (request, SOUP_STATUS_CREATED, "processor", render_processor (processor));
}

/* GET /processors/{id} */

JsonNode *
nexor_emulator_route_get_processor (NexorEmulatorRequest *request)
{
  JsonNode *reply = NULL;
  JsonObject *processor = path_processor (request, &reply);

  if (processor == NULL)
    return reply;

  return reply_success (request, SOUP_STATUS_OK, "processor",
                        render_processor_full (request->store, processor));
}

/* PATCH /processors/{id} */

JsonNode *
nexor_emulator_route_update_processor (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *problem = NULL;
  JsonNode *reply = NULL;
  JsonObject *processor;
  JsonObject *workflow;
  const char *name = NULL;
  const char *description = NULL;
  gboolean name_present, description_present, active_present;
  gboolean is_active;
  gboolean changed = FALSE;

  processor = path_processor (request, &reply);
  if (processor == NULL)
    return reply;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  if ((problem = check_name (body, FALSE, &name)) != NULL ||
      (problem = nexor_emulator_check_string (body, "description", TRUE, &description_present,
                                              &description)) != NULL ||
      (problem = check_workflow (request->store, body, "default_workflow_id", FALSE, &workflow)) != NULL ||
      (problem = nexor_emulator_check_boolean (body, "is_active", &active_present, &is_active)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  name_present = name != NULL;

  if (name_present && g_strcmp0 (name, nexor_emulator_json_string (processor, "name")) != 0)
    {
      json_object_set_string_member (processor, "name", name);
      changed = TRUE;
    }

  if (description_present && g_strcmp0 (description, nexor_emulator_json_string (processor, "description")) != 0)
    {
      if (description != NULL)
        json_object_set_string_member (processor, "description", description);
      else
        json_object_set_null_member (processor, "description");
      changed = TRUE;
    }

  if (workflow != NULL &&
      !nexor_emulator_id_equal (nexor_emulator_json_string (workflow, "id"),
                                nexor_emulator_json_string (processor, "default_workflow_id")))
    {
      json_object_set_string_member (processor, "default_workflow_id", nexor_emulator_json_string (workflow, "id"));
      changed = TRUE;
    }

  if (active_present && is_active != nexor_emulator_json_boolean (processor, "is_active"))
    {
      json_object_set_boolean_member (processor, "is_active", is_active);
      changed = TRUE;
    }

  if (changed)
    {
      g_autofree char *now = nexor_emulator_now ();

      json_object_set_string_member (processor, "updated_at", now);
      nexor_emulator_store_mark_changed (request->store);
    }

  return reply_success (request, SOUP_STATUS_OK, "processor", render_processor (processor));
}

/* DELETE /processors/{id} */

JsonNode *
nexor_emulator_route_delete_processor (NexorEmulatorRequest *request)
{
  JsonNode *reply = NULL;
  JsonObject *processor = path_processor (request, &reply);
  JsonObject *body;

  if (processor == NULL)
    return reply;

  /* Deleting twice answers as the first time did: the processor is kept,
   * inactive, and still belongs to the account. */
  if (nexor_emulator_json_boolean (processor, "is_active"))
    {
      g_autofree char *now = nexor_emulator_now ();

      json_object_set_boolean_member (processor, "is_active", FALSE);
      json_object_set_string_member (processor, "updated_at", now);
      nexor_emulator_store_mark_changed (request->store);
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_string_member (body, "message", "Processor deactivated");

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* POST /processors/{id}/rules */

static gint64
last_position (JsonObject *processor)
{
  JsonArray *rules = processor_rules (processor);
  gint64 last = 0;

  for (guint i = 0; i < json_array_get_length (rules); i++)
    last = MAX (last, nexor_emulator_json_int (json_array_get_object_element (rules, i), "position"));

  return last;
}

JsonNode *
nexor_emulator_route_create_processor_rule (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *problem = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  JsonNode *reply = NULL;
  JsonObject *processor;
  JsonObject *workflow;
  JsonObject *rule;
  const char *name = NULL;
  gboolean position_present, active_present;
  gboolean is_active = TRUE;
  gint64 position = 0;

  processor = path_processor (request, &reply);
  if (processor == NULL)
    return reply;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  if ((problem = check_name (body, TRUE, &name)) != NULL ||
      (problem = check_workflow (request->store, body, "workflow_id", TRUE, &workflow)) != NULL ||
      (problem = nexor_emulator_conditions_check (json_object_get_member (body, "conditions"))) != NULL ||
      (problem = check_position (body, &position_present, &position)) != NULL ||
      (problem = nexor_emulator_check_boolean (body, "is_active", &active_present, &is_active)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  id = nexor_emulator_new_id ();
  now = nexor_emulator_now ();

  rule = json_object_new ();
  json_object_set_string_member (rule, "id", id);
  json_object_set_string_member (rule, "name", name);
  json_object_set_string_member (rule, "workflow_id", nexor_emulator_json_string (workflow, "id"));
  json_object_set_member (rule, "conditions",
                          nexor_emulator_json_node_deep_copy (json_object_get_member (body, "conditions")));
  json_object_set_int_member (rule, "position", position_present ? position : last_position (processor) + 1);
  json_object_set_boolean_member (rule, "is_active", active_present ? is_active : TRUE);
  json_object_set_string_member (rule, "created_at", now);
  json_object_set_string_member (rule, "updated_at", now);

  json_array_add_object_element (processor_rules (processor), rule);
  nexor_emulator_store_mark_changed (request->store);

  return reply_success (request, SOUP_STATUS_CREATED, "rule", render_rule (processor, rule));
}

/* PATCH /processors/{id}/rules/{ruleId} */

JsonNode *
nexor_emulator_route_update_processor_rule (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *problem = NULL;
  JsonNode *reply = NULL;
  JsonObject *processor;
  JsonObject *workflow;
  JsonObject *rule;
  JsonNode *conditions;
  const char *name = NULL;
  gboolean position_present, active_present;
  gboolean is_active = TRUE;
  gboolean changed = FALSE;
  gint64 position = 0;

  processor = path_processor (request, &reply);
  if (processor == NULL)
    return reply;

  rule = find_rule (processor, request->params[1], NULL);
  if (rule == NULL)
    return reply_rule_not_found (request);

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  conditions = json_object_get_member (body, "conditions");
  if ((problem = check_name (body, FALSE, &name)) != NULL ||
      (problem = check_workflow (request->store, body, "workflow_id", FALSE, &workflow)) != NULL ||
      (conditions != NULL && (problem = nexor_emulator_conditions_check (conditions)) != NULL) ||
      (problem = check_position (body, &position_present, &position)) != NULL ||
      (problem = nexor_emulator_check_boolean (body, "is_active", &active_present, &is_active)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  if (name != NULL && g_strcmp0 (name, nexor_emulator_json_string (rule, "name")) != 0)
    {
      json_object_set_string_member (rule, "name", name);
      changed = TRUE;
    }

  if (workflow != NULL &&
      !nexor_emulator_id_equal (nexor_emulator_json_string (workflow, "id"),
                                nexor_emulator_json_string (rule, "workflow_id")))
    {
      json_object_set_string_member (rule, "workflow_id", nexor_emulator_json_string (workflow, "id"));
      changed = TRUE;
    }

  /* The conditions are replaced as a whole. */
  if (conditions != NULL && !json_node_equal (conditions, json_object_get_member (rule, "conditions")))
    {
      json_object_set_member (rule, "conditions", nexor_emulator_json_node_deep_copy (conditions));
      changed = TRUE;
    }

  if (position_present && position != nexor_emulator_json_int (rule, "position"))
    {
      json_object_set_int_member (rule, "position", position);
      changed = TRUE;
    }

  if (active_present && is_active != nexor_emulator_json_boolean (rule, "is_active"))
    {
      json_object_set_boolean_member (rule, "is_active", is_active);
      changed = TRUE;
    }

  if (changed)
    {
      g_autofree char *now = nexor_emulator_now ();

      json_object_set_string_member (rule, "updated_at", now);
      nexor_emulator_store_mark_changed (request->store);
    }

  return reply_success (request, SOUP_STATUS_OK, "rule", render_rule (processor, rule));
}

/* DELETE /processors/{id}/rules/{ruleId} */

JsonNode *
nexor_emulator_route_delete_processor_rule (NexorEmulatorRequest *request)
{
  JsonNode *reply = NULL;
  JsonObject *processor;
  JsonObject *body;
  guint index;

  processor = path_processor (request, &reply);
  if (processor == NULL)
    return reply;

  /* The others keep their positions, as documented. */
  if (find_rule (processor, request->params[1], &index) == NULL)
    return reply_rule_not_found (request);

  json_array_remove_element (processor_rules (processor), index);
  nexor_emulator_store_mark_changed (request->store);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_string_member (body, "message", "Rule deleted");

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* PUT /processors/{id}/rules/reorder */

JsonNode *
nexor_emulator_route_reorder_processor_rules (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) inactive = g_ptr_array_new ();
  JsonNode *reply = NULL;
  JsonObject *processor;
  JsonArray *ids;
  JsonArray *rules;
  JsonNode *node;
  gint64 position = 0;
  gboolean changed = FALSE;

  processor = path_processor (request, &reply);
  if (processor == NULL)
    return reply;

  node = body != NULL ? json_object_get_member (body, "rule_ids") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return nexor_emulator_reply_invalid (request, "rule_ids must be a non-empty array");

  ids = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *element = json_array_get_element (ids, i);
      JsonObject *rule;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return nexor_emulator_reply_invalid (request, "rule_ids[%u] must be a rule id (a string)", i);

      rule = find_rule (processor, json_node_get_string (element), NULL);
      if (rule == NULL)
        {
          g_autofree char *shown = nexor_emulator_quote (json_node_get_string (element), -1,
                                                         NEXOR_EMULATOR_QUOTE_CHARS);

          return nexor_emulator_reply_invalid (request, "rule_ids[%u] “%s” is not a rule of this processor",
                                               i, shown);
        }

      if (g_ptr_array_find (listed, rule, NULL))
        return nexor_emulator_reply_invalid (request, "rule_ids[%u] names a rule already listed", i);

      g_ptr_array_add (listed, rule);
    }

  /* Active rules left out follow the listed ones in their old order;
   * inactive ones left out come last, so they keep a position too. */
  ordered = rules_in_order (processor);
  for (guint i = 0; i < ordered->len; i++)
    {
      JsonObject *rule = g_ptr_array_index (ordered, i);

      if (g_ptr_array_find (listed, rule, NULL))
        continue;
      if (nexor_emulator_json_boolean (rule, "is_active"))
        g_ptr_array_add (listed, rule);
      else
        g_ptr_array_add (inactive, rule);
    }
  g_ptr_array_extend_and_steal (listed, g_steal_pointer (&inactive));

  rules = json_array_sized_new (listed->len);
  for (guint i = 0; i < listed->len; i++)
    {
      JsonObject *rule = g_ptr_array_index (listed, i);
      JsonObject *item = json_object_new ();

      position++;
      if (nexor_emulator_json_int (rule, "position") != position)
        {
          g_autofree char *now = nexor_emulator_now ();

          json_object_set_int_member (rule, "position", position);
          json_object_set_string_member (rule, "updated_at", now);
          changed = TRUE;
        }

      json_object_set_string_member (item, "id", nexor_emulator_json_string (rule, "id"));
      json_object_set_string_member (item, "name", nexor_emulator_json_string (rule, "name"));
      json_object_set_int_member (item, "position", position);
      json_array_add_object_element (rules, item);
    }

  if (changed)
    nexor_emulator_store_mark_changed (request->store);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "rules", rules);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* POST /processors/{id}/leads */

typedef struct {
  NexorEmulatorStore *store;
  JsonObject         *processor;
  GPtrArray          *rules;       /* in order */
  JsonObject         *matched;     /* the rule the last lead matched, or NULL */
} Routing;

/* §3.23: active rules top to bottom, the first whose conditions all hold
 * wins; no match goes to the default workflow. */
static JsonObject *
choose_workflow (JsonObject *item,
                 JsonObject *metadata,
                 gpointer    user_data)
{
  Routing *routing = user_data;

  routing->matched = NULL;

  for (guint i = 0; i < routing->rules->len; i++)
    {
      JsonObject *rule = g_ptr_array_index (routing->rules, i);

      if (!nexor_emulator_json_boolean (rule, "is_active"))
        continue;

      if (nexor_emulator_conditions_match (json_object_get_array_member (rule, "conditions"), item, metadata))
        {
          routing->matched = rule;
          return nexor_emulator_store_find_workflow (routing->store,
                                                     nexor_emulator_json_string (rule, "workflow_id"));
        }
    }

  return nexor_emulator_store_find_workflow (routing->store,
                                             nexor_emulator_json_string (routing->processor,
                                                                         "default_workflow_id"));
}

/* Routes one lead; fills @result (`lead`, `existed`, `workflow_run`, `rule`,
 * `workflow`) or returns the 400 message. */
static char *
route_one (Routing    *routing,
           JsonObject *item,
           const char *now,
           JsonObject *result)
{
  JsonObject *rule = NULL;
  char *problem;

  problem = nexor_emulator_create_routed_lead (routing->store, item, choose_workflow, routing, now, result);
  if (problem != NULL)
    return problem;

  if (routing->matched != NULL)
    {
      rule = json_object_new ();
      json_object_set_string_member (rule, "id", nexor_emulator_json_string (routing->matched, "id"));
      json_object_set_string_member (rule, "name", nexor_emulator_json_string (routing->matched, "name"));
      json_object_set_object_member (result, "rule", rule);
      json_object_set_object_member (result, "workflow",
                                     render_workflow_brief (routing->store,
                                                            nexor_emulator_json_string (routing->matched,
                                                                                        "workflow_id")));
    }
  else
    {
      json_object_set_null_member (result, "rule");
      json_object_set_object_member (result, "workflow",
                                     render_workflow_brief (routing->store,
                                                            nexor_emulator_json_string (routing->processor,
                                                                                        "default_workflow_id")));
    }

  return NULL;
}

JsonNode *
nexor_emulator_route_route_leads (NexorEmulatorRequest *request)
{
  g_autofree char *now = nexor_emulator_now ();
  g_autoptr(GPtrArray) ordered = NULL;
  JsonObject *processor;
  JsonArray *items;
  JsonArray *results;
  JsonObject *body;
  Routing routing;
  guint created = 0;
  guint failed = 0;

  /* An inactive processor routes nothing, as if it were gone. */
  processor = nexor_emulator_store_find_processor (request->store, request->params[0]);
  if (processor == NULL || !nexor_emulator_json_boolean (processor, "is_active"))
    return reply_processor_not_found (request);

  ordered = rules_in_order (processor);
  routing = (Routing) { request->store, processor, ordered, NULL };

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);

  if (JSON_NODE_HOLDS_OBJECT (request->body))
    {
      g_autofree char *problem = route_one (&routing, json_node_get_object (request->body), now, body);

      if (problem != NULL)
        {
          json_object_unref (body);
          return nexor_emulator_reply_invalid (request, "%s", problem);
        }

      json_object_set_string_member (body, "processor_id", nexor_emulator_json_string (processor, "id"));
      return nexor_emulator_reply (request, SOUP_STATUS_CREATED, body);
    }

  if (!JSON_NODE_HOLDS_ARRAY (request->body))
    {
      json_object_unref (body);
      return nexor_emulator_reply_invalid (request,
                                           "The request body must be a lead object or an array of lead objects");
    }

  items = json_node_get_array (request->body);
  if (json_array_get_length (items) == 0 || json_array_get_length (items) > NEXOR_EMULATOR_MAX_BULK_LEADS)
    {
      guint length = json_array_get_length (items);

      json_object_unref (body);
      if (length == 0)
        return nexor_emulator_reply_invalid (request, "The array of leads is empty");
      return nexor_emulator_reply_invalid (request, "A bulk request takes at most 1,000 leads; this one has %u",
                                           length);
    }

  /* Each lead on its own, in order, as bulk Create Lead takes them. */
  results = json_array_new ();
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      JsonObject *result = json_object_new ();
      g_autofree char *problem = NULL;

      json_object_set_int_member (result, "index", i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        problem = g_strdup ("Each lead must be a JSON object");
      else
        {
          /* The lead's members go after index and success. */
          JsonObject *routed = json_object_new ();

          problem = route_one (&routing, json_node_get_object (item), now, routed);
          if (problem == NULL)
            {
              g_autoptr(GList) names = json_object_get_members (routed);

              json_object_set_boolean_member (result, "success", TRUE);
              for (GList *l = names; l != NULL; l = l->next)
                json_object_set_member (result, l->data,
                                        json_node_copy (json_object_get_member (routed, l->data)));
              created++;
            }
          json_object_unref (routed);
        }

      if (problem != NULL)
        {
          json_object_set_boolean_member (result, "success", FALSE);
          json_object_set_string_member (result, "error", problem);
          failed++;
        }

      json_array_add_object_element (results, result);
    }

  json_object_set_string_member (body, "processor_id", nexor_emulator_json_string (processor, "id"));
  json_object_set_int_member (body, "created", created);
  json_object_set_int_member (body, "failed", failed);
  json_object_set_array_member (body, "results", results);

  return nexor_emulator_reply (request, SOUP_STATUS_CREATED, body);
}
