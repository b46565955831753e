/* test-util.c: fixture loading and assertions shared by the unit tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"

char *
nexor_test_data_path (const char *name)
{
  const char *dir = g_getenv ("NEXOR_TEST_DATA_DIR");

  if (dir == NULL || *dir == '\0')
    dir = NEXOR_TEST_DATA_DIR_DEFAULT;

  return g_build_filename (dir, name, NULL);
}

GBytes *
nexor_test_load_bytes (const char *name)
{
  g_autofree char *path = nexor_test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("cannot read fixture %s: %s", path, error->message);

  return g_bytes_new_take (contents, length);
}

JsonNode *
nexor_test_parse_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  JsonNode *root = _nexor_json_parse_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

JsonNode *
nexor_test_load_json (const char *name)
{
  g_autoptr(GBytes) bytes = nexor_test_load_bytes (name);
  g_autoptr(GError) error = NULL;
  JsonNode *root = _nexor_json_parse_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

NexorLead *
nexor_test_load_lead (const char *name)
{
  g_autoptr(JsonNode) root = nexor_test_load_json (name);
  g_autoptr(GError) error = NULL;
  NexorLead *lead = _nexor_lead_new_from_response (root, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (NEXOR_IS_LEAD (lead));
  return lead;
}

NexorLead *
nexor_test_lead_from_string (const char  *json,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(JsonNode) root = _nexor_json_parse_bytes (bytes, error);

  if (root == NULL)
    return NULL;

  return _nexor_lead_new_from_response (root, NULL, error);
}

void
nexor_test_assert_datetime (GDateTime  *dt,
                            const char *expected)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) want = g_date_time_new_from_iso8601 (expected, utc);

  g_assert_nonnull (want);
  g_assert_nonnull (dt);
  if (!g_date_time_equal (dt, want))
    {
      g_autofree char *got = g_date_time_format_iso8601 (dt);

      g_error ("date-time %s is not %s", got, expected);
    }
}

/* Reads every readable property of @object, so a property whose getter
 * misbehaves warns (fatal here) even when no assertion below names it. */
static void
read_all_properties (GObject *object)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      /* Resources are immutable snapshots. */
      g_assert_false (pspecs[i]->flags & G_PARAM_WRITABLE);
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }
}

#define ASSERT_STR_PROP(object, prop, getter)                                    \
  G_STMT_START {                                                                 \
    g_autofree char *value_ = NULL;                                              \
    g_object_get ((object), (prop), &value_, NULL);                              \
    g_assert_cmpstr (value_, ==, getter (object));                               \
  } G_STMT_END

#define ASSERT_BOOL_PROP(object, prop, getter)                                   \
  G_STMT_START {                                                                 \
    gboolean value_ = !getter (object);                                          \
    g_object_get ((object), (prop), &value_, NULL);                              \
    g_assert_cmpint (value_, ==, getter (object));                               \
  } G_STMT_END

/* Objects and boxed values are shared: a boxed GDateTime or JsonObject copy is
 * a new reference to the same instance. */
#define ASSERT_OBJECT_PROP(object, prop, getter)                                 \
  G_STMT_START {                                                                 \
    g_autoptr(GObject) value_ = NULL;                                            \
    g_object_get ((object), (prop), &value_, NULL);                              \
    g_assert_true ((gpointer) value_ == (gpointer) getter (object));             \
  } G_STMT_END

static void
assert_datetime_prop (GObject    *object,
                      const char *prop,
                      GDateTime  *expected)
{
  g_autoptr(GDateTime) value = NULL;

  g_object_get (object, prop, &value, NULL);
  if (expected == NULL)
    g_assert_null (value);
  else
    g_assert_true (value != NULL && g_date_time_equal (value, expected));
}

static void
assert_tag_properties (NexorTag *tag)
{
  read_all_properties (G_OBJECT (tag));
  ASSERT_STR_PROP (tag, "id", nexor_tag_get_id);
  ASSERT_STR_PROP (tag, "name", nexor_tag_get_name);
  ASSERT_STR_PROP (tag, "slug", nexor_tag_get_slug);
}

static void
assert_variable_properties (NexorVariable *variable)
{
  g_autoptr(JsonNode) value = NULL;
  double confidence = 12345.0;

  read_all_properties (G_OBJECT (variable));
  ASSERT_STR_PROP (variable, "name", nexor_variable_get_name);
  ASSERT_STR_PROP (variable, "value-text", nexor_variable_get_value_text);
  g_object_get (variable, "value", &value, "confidence", &confidence, NULL);
  {
    g_autoptr(JsonNode) copy = nexor_variable_dup_value (variable);

    if (copy == NULL)
      g_assert_null (value);
    else
      g_assert_true (value != NULL && value != copy && json_node_equal (value, copy));
  }
  g_assert_cmpfloat (confidence, ==, nexor_variable_get_confidence (variable));
  assert_datetime_prop (G_OBJECT (variable), "updated-at", nexor_variable_get_updated_at (variable));
}

static void
assert_run_properties (NexorWorkflowRun *run)
{
  NexorWorkflow *workflow = nexor_workflow_run_get_workflow (run);
  NexorWorkflowStatus *status = nexor_workflow_run_get_current_status (run);

  read_all_properties (G_OBJECT (run));
  ASSERT_STR_PROP (run, "id", nexor_workflow_run_get_id);
  ASSERT_STR_PROP (run, "workflow-id", nexor_workflow_run_get_workflow_id);
  ASSERT_BOOL_PROP (run, "is-active", nexor_workflow_run_get_is_active);
  ASSERT_BOOL_PROP (run, "human-takeover", nexor_workflow_run_get_human_takeover);
  ASSERT_STR_PROP (run, "cadence-state", nexor_workflow_run_get_cadence_state);
  ASSERT_STR_PROP (run, "run-status", nexor_workflow_run_get_run_status);
  ASSERT_OBJECT_PROP (run, "workflow", nexor_workflow_run_get_workflow);
  ASSERT_OBJECT_PROP (run, "current-status", nexor_workflow_run_get_current_status);

  if (workflow != NULL)
    {
      read_all_properties (G_OBJECT (workflow));
      ASSERT_STR_PROP (workflow, "id", nexor_workflow_get_id);
      ASSERT_STR_PROP (workflow, "name", nexor_workflow_get_name);
      ASSERT_STR_PROP (workflow, "goal-type", nexor_workflow_get_goal_type);
    }

  if (status != NULL)
    {
      read_all_properties (G_OBJECT (status));
      ASSERT_STR_PROP (status, "id", nexor_workflow_status_get_id);
      ASSERT_STR_PROP (status, "key", nexor_workflow_status_get_key);
      ASSERT_STR_PROP (status, "label", nexor_workflow_status_get_label);
      ASSERT_STR_PROP (status, "category", nexor_workflow_status_get_category);
      ASSERT_STR_PROP (status, "color", nexor_workflow_status_get_color);
    }
}

void
nexor_test_assert_properties (NexorLead *lead)
{
  NexorCampaign *campaign = nexor_lead_get_campaign (lead);
  NexorUser *user = nexor_lead_get_assigned_user (lead);
  GListModel *tags = nexor_lead_get_tags (lead);
  GListModel *variables = nexor_lead_get_variables (lead);

  read_all_properties (G_OBJECT (lead));
  ASSERT_STR_PROP (lead, "id", nexor_lead_get_id);
  ASSERT_STR_PROP (lead, "first-name", nexor_lead_get_first_name);
  ASSERT_STR_PROP (lead, "last-name", nexor_lead_get_last_name);
  ASSERT_STR_PROP (lead, "email", nexor_lead_get_email);
  ASSERT_STR_PROP (lead, "phone", nexor_lead_get_phone);
  ASSERT_STR_PROP (lead, "source", nexor_lead_get_source);
  ASSERT_STR_PROP (lead, "company", nexor_lead_get_company);
  ASSERT_STR_PROP (lead, "title", nexor_lead_get_title);
  ASSERT_OBJECT_PROP (lead, "tags", nexor_lead_get_tags);
  ASSERT_OBJECT_PROP (lead, "campaign", nexor_lead_get_campaign);
  ASSERT_OBJECT_PROP (lead, "active-workflow-run", nexor_lead_get_active_workflow_run);
  ASSERT_OBJECT_PROP (lead, "assigned-user", nexor_lead_get_assigned_user);
  ASSERT_OBJECT_PROP (lead, "variables", nexor_lead_get_variables);
  assert_datetime_prop (G_OBJECT (lead), "created-at", nexor_lead_get_created_at (lead));
  assert_datetime_prop (G_OBJECT (lead), "updated-at", nexor_lead_get_updated_at (lead));

  {
    g_autoptr(JsonObject) metadata = NULL;

    g_autoptr(JsonObject) copy = nexor_lead_dup_metadata (lead);

    /* The property, like the getter, hands out a copy. */
    g_object_get (lead, "metadata", &metadata, NULL);
    if (copy == NULL)
      g_assert_null (metadata);
    else
      g_assert_true (metadata != NULL && metadata != copy && json_object_equal (metadata, copy));
  }

  /* Lists are never NULL, so bindings can always iterate them. */
  g_assert_true (G_IS_LIST_MODEL (tags));
  g_assert_true (g_list_model_get_item_type (tags) == NEXOR_TYPE_TAG);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(NexorTag) tag = g_list_model_get_item (tags, i);

      g_assert_true (NEXOR_IS_TAG (tag));
      assert_tag_properties (tag);
    }

  g_assert_true (G_IS_LIST_MODEL (variables));
  g_assert_true (g_list_model_get_item_type (variables) == NEXOR_TYPE_VARIABLE);
  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (variables, i);

      g_assert_true (NEXOR_IS_VARIABLE (variable));
      assert_variable_properties (variable);
      g_assert_true (nexor_lead_get_variable (lead, nexor_variable_get_name (variable)) == variable);
    }

  if (campaign != NULL)
    {
      read_all_properties (G_OBJECT (campaign));
      ASSERT_STR_PROP (campaign, "id", nexor_campaign_get_id);
      ASSERT_STR_PROP (campaign, "name", nexor_campaign_get_name);
    }

  if (user != NULL)
    {
      read_all_properties (G_OBJECT (user));
      ASSERT_STR_PROP (user, "id", nexor_user_get_id);
      ASSERT_STR_PROP (user, "name", nexor_user_get_name);
      ASSERT_STR_PROP (user, "email", nexor_user_get_email);
      ASSERT_STR_PROP (user, "avatar-url", nexor_user_get_avatar_url);
    }

  if (nexor_lead_get_active_workflow_run (lead) != NULL)
    assert_run_properties (nexor_lead_get_active_workflow_run (lead));
}

static void
append_debug (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  g_string_append (user_data, message);
  g_string_append_c (user_data, '\n');
}

guint
nexor_test_capture_debug (GString *into)
{
  return g_log_set_handler ("Nexor", G_LOG_LEVEL_DEBUG, append_debug, into);
}
