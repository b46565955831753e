/* test-json-source.c: resources built from a document keep its bytes, not its tree
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every resource built in a document's scope must hand out, from
 * dup_json(), the same sealed JSON object json-glib's own JsonParser reads
 * from the fixture, long after the document and its tree are gone; so must
 * the JSON values it exposes (metadata, variable values). Resources built
 * outside a scope keep the object they were given.
 */

#include "test-util.h"
#include "nexor-history-list-private.h"
#include "nexor-json-document-private.h"
#include "nexor-json-source-private.h"
#include "nexor-resource-private.h"

static const char * const lead_fixtures[] = {
  "get-lead-page.json",
  "get-lead-legacy.json",
  "lead-id-only.json",
  "lead-nested-nulls.json",
  "lead-nulls.json",
  "lead-same-current.json",
  "lead-same-legacy.json",
  "lead-unknown-fields.json",
  "desk-update-lead.json",
};

/* The fixture as json-glib reads it, independently of the library. */
static JsonNode *
reference_json (const char *name)
{
  g_autofree char *path = nexor_test_data_path (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

/* The first of @a and @b that is a member of @object holding an object. */
static JsonObject *
object_member (JsonObject *object,
               const char *a,
               const char *b)
{
  const char *names[] = { a, b };

  if (object == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = names[i] != NULL ? json_object_get_member (object, names[i]) : NULL;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        return json_node_get_object (node);
    }

  return NULL;
}

/* @resource was built from a document: it holds bytes and a span, no tree. */
static void
assert_from_span (gpointer resource)
{
  NexorJsonSource *source = &((NexorResource *) resource)->json;

  g_assert_null (source->object);
  g_assert_nonnull (source->text);
  g_assert_cmpuint (source->length, >=, 2);
}

/* @resource was built outside a document: it holds the object itself. */
static void
assert_from_object (gpointer resource)
{
  NexorJsonSource *source = &((NexorResource *) resource)->json;

  g_assert_nonnull (source->object);
  g_assert_null (source->text);
}

static void
assert_object_equal (JsonObject *actual,
                     JsonObject *expected)
{
  g_assert_nonnull (actual);
  g_assert_nonnull (expected);

  if (!json_object_equal (actual, expected))
    {
      g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), actual);
      g_autoptr(JsonNode) e = json_node_init_object (json_node_alloc (), expected);
      g_autofree char *a_text = json_to_string (a, FALSE);
      g_autofree char *e_text = json_to_string (e, FALSE);

      g_error ("JSON differs:\n  got      %s\n  expected %s", a_text, e_text);
    }
}

typedef JsonObject *(*DupJsonFunc) (gpointer resource);

/* dup_json() of @resource is @expected, sealed, and a fresh read each time
 * when it comes from the bytes. */
static void
assert_dup_json (gpointer     resource,
                 DupJsonFunc  dup_json,
                 JsonObject  *expected)
{
  g_autoptr(JsonObject) first = dup_json (resource);
  g_autoptr(JsonObject) second = dup_json (resource);

  assert_object_equal (first, expected);
  assert_object_equal (second, expected);
}

/* Compares the lead and everything in it with the reference tree @root. */
static void
assert_lead_matches (NexorLead *lead,
                     JsonNode  *root,
                     gboolean   from_document)
{
  JsonObject *root_object = json_node_get_object (root);
  JsonObject *expected = object_member (root_object, "lead", NULL);
  JsonObject *variables;
  JsonObject *run_json;
  JsonNode *tags_json;
  NexorWorkflowRun *run;
  GListModel *model;
  void (*assert_origin) (gpointer) = from_document ? assert_from_span : assert_from_object;

  /* The current shape wraps the lead; the legacy one is the bare lead. */
  if (expected == NULL)
    expected = root_object;

  assert_origin (lead);
  assert_dup_json (lead, (DupJsonFunc) nexor_lead_dup_json, expected);

  /* Metadata: a copy of that object. */
  if (object_member (expected, "metadata", NULL) != NULL)
    {
      g_autoptr(JsonObject) metadata = nexor_lead_dup_metadata (lead);

      assert_object_equal (metadata, object_member (expected, "metadata", NULL));
    }
  else
    g_assert_null (nexor_lead_dup_metadata (lead));

  if (object_member (expected, "campaign", NULL) != NULL)
    {
      assert_origin (nexor_lead_get_campaign (lead));
      assert_dup_json (nexor_lead_get_campaign (lead), (DupJsonFunc) nexor_campaign_dup_json,
                       object_member (expected, "campaign", NULL));
    }
  else
    g_assert_null (nexor_lead_get_campaign (lead));

  if (object_member (expected, "assigned_user", "assignedUser") != NULL)
    {
      assert_origin (nexor_lead_get_assigned_user (lead));
      assert_dup_json (nexor_lead_get_assigned_user (lead), (DupJsonFunc) nexor_user_dup_json,
                       object_member (expected, "assigned_user", "assignedUser"));
    }
  else
    g_assert_null (nexor_lead_get_assigned_user (lead));

  run = nexor_lead_get_active_workflow_run (lead);
  run_json = object_member (expected, "active_workflow_run", "activeWorkflowRun");
  if (run_json != NULL)
    {
      /* The legacy shape puts the run's workflow and status beside it. */
      JsonObject *workflow_json = object_member (run_json, "workflow", NULL);
      JsonObject *status_json = object_member (run_json, "current_status", "currentStatus");

      if (workflow_json == NULL)
        workflow_json = object_member (expected, "workflow", NULL);
      if (status_json == NULL)
        status_json = object_member (expected, "currentStatus", "current_status");

      assert_origin (run);
      assert_dup_json (run, (DupJsonFunc) nexor_workflow_run_dup_json, run_json);

      if (workflow_json != NULL)
        {
          assert_origin (nexor_workflow_run_get_workflow (run));
          assert_dup_json (nexor_workflow_run_get_workflow (run), (DupJsonFunc) nexor_workflow_dup_json,
                           workflow_json);
        }
      else
        g_assert_null (nexor_workflow_run_get_workflow (run));

      if (status_json != NULL)
        {
          assert_origin (nexor_workflow_run_get_current_status (run));
          assert_dup_json (nexor_workflow_run_get_current_status (run),
                           (DupJsonFunc) nexor_workflow_status_dup_json, status_json);
        }
      else
        g_assert_null (nexor_workflow_run_get_current_status (run));
    }
  else
    g_assert_null (run);

  model = nexor_lead_get_tags (lead);
  tags_json = json_object_get_member (expected, "tags");
  if (tags_json != NULL && JSON_NODE_HOLDS_ARRAY (tags_json))
    {
      JsonArray *array = json_node_get_array (tags_json);

      g_assert_cmpuint (g_list_model_get_n_items (model), ==, json_array_get_length (array));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr(NexorTag) tag = g_list_model_get_item (model, i);

          assert_origin (tag);
          assert_dup_json (tag, (DupJsonFunc) nexor_tag_dup_json, json_array_get_object_element (array, i));
        }
    }
  else
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Variables sit beside the lead in the current shape, inside it otherwise. */
  variables = expected != root_object ? object_member (root_object, "variables", NULL) : NULL;
  if (variables == NULL)
    variables = object_member (expected, "variables", NULL);

  model = nexor_lead_get_variables (lead);
  {
    guint n_expected = 0;

    if (variables != NULL)
      {
        g_autoptr(GList) names = json_object_get_members (variables);

        for (GList *l = names; l != NULL; l = l->next)
          if (!JSON_NODE_HOLDS_NULL (json_object_get_member (variables, l->data)))
            n_expected++;
      }
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
  }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (model, i);
      JsonObject *variable_json = object_member (variables, nexor_variable_get_name (variable), NULL);
      JsonNode *expected_value;
      g_autoptr(JsonNode) value = nexor_variable_dup_value (variable);

      g_assert_nonnull (variable_json);
      assert_origin (variable);
      assert_dup_json (variable, (DupJsonFunc) nexor_variable_dup_json, variable_json);

      /* The value: a copy, equal, and not tied to a tree that is gone. */
      expected_value = json_object_get_member (variable_json, "value");
      if (expected_value == NULL || JSON_NODE_HOLDS_NULL (expected_value))
        g_assert_null (value);
      else
        {
          g_assert_nonnull (value);
          g_assert_null (json_node_get_parent (value));
          g_assert_true (json_node_equal (value, expected_value));
        }
    }
}

/* Builds the lead in a document's scope, then lets go of the document and
 * of the bytes before anything is compared. */
static NexorLead *
lead_from_document (const char *name)
{
  g_autoptr(GBytes) bytes = nexor_test_load_bytes (name);
  g_autoptr(GError) error = NULL;
  NexorJsonDocument *document = _nexor_json_document_parse (bytes, &error);
  NexorLead *lead;

  g_assert_no_error (error);
  g_assert_nonnull (document);

  lead = _nexor_lead_new_from_response (_nexor_json_document_get_root (document), document, &error);
  _nexor_json_document_unref (document);

  g_assert_no_error (error);
  g_assert_true (NEXOR_IS_LEAD (lead));
  return lead;
}

static void
test_lead_from_document (gconstpointer data)
{
  const char *name = data;
  g_autoptr(NexorLead) lead = lead_from_document (name);
  g_autoptr(JsonNode) root = reference_json (name);

  assert_lead_matches (lead, root, TRUE);
  /* Properties still read as the getters say, without a warning. */
  nexor_test_assert_properties (lead);
}

/* The way the unit tests and other callers build leads: no document. */
static void
test_lead_outside_document (gconstpointer data)
{
  const char *name = data;
  g_autoptr(NexorLead) lead = nexor_test_load_lead (name);
  g_autoptr(JsonNode) root = reference_json (name);

  assert_lead_matches (lead, root, FALSE);
}

/* An object handed in from outside is sealed, and kept as it is. */
static void
test_unsealed_object (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(JsonObject) json = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser,
                              "{\"id\": \"8b8c5a04-3f2a-4e61-9c1f-6a1d1e0c2b7a\", \"metadata\": {\"a\": 1}}",
                              -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_is_immutable (object));

  lead = _nexor_lead_new_from_json (object, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_from_object (lead);
  g_assert_true (json_object_is_immutable (object));

  /* What the lead hands out are copies: changing them changes nothing. */
  {
    g_autoptr(JsonObject) metadata = nexor_lead_dup_metadata (lead);
    g_autoptr(JsonObject) again = NULL;

    json_object_set_int_member (metadata, "a", 2);
    again = nexor_lead_dup_metadata (lead);
    g_assert_cmpint (json_object_get_int_member (again, "a"), ==, 1);
  }

  json = nexor_lead_dup_json (lead);
  g_assert_true (json != object);
  g_assert_true (json_object_equal (json, object));
  json_object_remove_member (json, "metadata");
  g_clear_pointer (&json, json_object_unref);
  json = nexor_lead_dup_json (lead);
  g_assert_true (json_object_has_member (json, "metadata"));
}

/* Scopes nest, and only the innermost document's objects get a span. */
static void
test_nested_scopes (void)
{
  g_autoptr(GBytes) outer_bytes = nexor_test_load_bytes ("get-lead-page.json");
  g_autoptr(GBytes) inner_bytes = nexor_test_load_bytes ("get-lead-legacy.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorJsonDocument) outer = _nexor_json_document_parse (outer_bytes, &error);
  g_autoptr(NexorJsonDocument) inner = _nexor_json_document_parse (inner_bytes, &error);
  g_autoptr(NexorLead) foreign = NULL;
  g_autoptr(NexorLead) own = NULL;
  g_autoptr(NexorLead) again = NULL;
  g_autoptr(JsonNode) outer_root = reference_json ("get-lead-page.json");
  g_autoptr(JsonNode) inner_root = reference_json ("get-lead-legacy.json");

  g_assert_no_error (error);

  /* An object of the outer document, built with the inner one: the inner
   * document has no span for it, so the object itself is kept. */
  foreign = _nexor_lead_new_from_response (_nexor_json_document_get_root (outer), inner, &error);
  g_assert_no_error (error);
  assert_from_object (foreign);

  own = _nexor_lead_new_from_response (_nexor_json_document_get_root (inner), inner, &error);
  g_assert_no_error (error);
  assert_from_span (own);

  again = _nexor_lead_new_from_response (_nexor_json_document_get_root (outer), outer, &error);
  g_assert_no_error (error);
  assert_from_span (again);

  g_clear_pointer (&outer, _nexor_json_document_unref);
  g_clear_pointer (&inner, _nexor_json_document_unref);

  assert_lead_matches (foreign, outer_root, FALSE);
  assert_lead_matches (own, inner_root, TRUE);
  assert_lead_matches (again, outer_root, TRUE);
}

/* A list response: every item, and the lead beside them, from the bytes. */
static void
test_history_page (void)
{
  g_autoptr(GBytes) bytes = nexor_test_load_bytes ("desk-history.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (bytes, &error);
  g_autoptr(NexorHistoryPage) page = NULL;
  g_autoptr(JsonNode) root = reference_json ("desk-history.json");
  JsonArray *items;
  GListModel *model;

  g_assert_no_error (error);
  page = _nexor_history_page_new_from_response (_nexor_json_document_get_root (document), document, &error);
  g_clear_pointer (&document, _nexor_json_document_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_no_error (error);

  items = json_object_get_array_member (json_node_get_object (root), "history");
  model = _nexor_history_page_get_items (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, json_array_get_length (items));
  g_assert_cmpuint (json_array_get_length (items), >, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(NexorHistoryItem) item = g_list_model_get_item (model, i);
      JsonNode *buttons = json_object_get_member (json_array_get_object_element (items, i), "buttons");

      assert_from_span (item);
      assert_dup_json (item, (DupJsonFunc) nexor_history_item_dup_json,
                       json_array_get_object_element (items, i));

      if (buttons != NULL && !JSON_NODE_HOLDS_NULL (buttons))
        {
          g_autoptr(JsonNode) value = NULL;

          g_object_get (item, "buttons", &value, NULL);
          g_assert_nonnull (value);
          g_assert_null (json_node_get_parent (value));
          g_assert_true (json_node_equal (value, buttons));
        }
    }

  if (json_object_has_member (json_node_get_object (root), "lead"))
    {
      NexorLead *lead = _nexor_history_page_get_lead (page);

      assert_from_span (lead);
      assert_dup_json (lead, (DupJsonFunc) nexor_lead_dup_json,
                       json_object_get_object_member (json_node_get_object (root), "lead"));
    }
}

static void
mark_freed (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* A page of @name read into bytes that set *@freed when they are freed. */
static NexorHistoryPage *
page_from_fixture (const char         *name,
                   char              **contents,
                   gboolean           *freed,
                   NexorJsonDocument **document)
{
  g_autofree char *path = nexor_test_data_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NexorHistoryPage *page;
  gsize length = 0;

  if (!g_file_get_contents (path, contents, &length, &error))
    g_error ("cannot read fixture %s: %s", path, error->message);
  bytes = g_bytes_new_with_free_func (*contents, length, mark_freed, freed);

  *document = _nexor_json_document_parse (bytes, &error);
  g_assert_no_error (error);
  page = _nexor_history_page_new_from_response (_nexor_json_document_get_root (*document),
                                                *document, &error);
  g_assert_no_error (error);
  return page;
}

/* An item kept from a page, once the page and its response are gone, keeps
 * no more than its own JSON: the page's body is freed, and the item still
 * hands out exactly the object it was read from. */
static void
test_kept_item_frees_page (gconstpointer data)
{
  const char *name = data;
  g_autofree char *contents = NULL;
  gboolean freed = FALSE;
  g_autoptr(NexorJsonDocument) document = NULL;
  g_autoptr(NexorHistoryPage) page = page_from_fixture (name, &contents, &freed, &document);
  g_autoptr(JsonNode) root = reference_json (name);
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), "history");
  GListModel *model = _nexor_history_page_get_items (page);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(NexorHistoryItem) first = NULL;
  g_autoptr(NexorHistoryItem) last = NULL;

  g_assert_cmpuint (n, ==, json_array_get_length (items));
  g_assert_cmpuint (n, >=, 2);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, n - 1);

  g_clear_pointer (&document, _nexor_json_document_unref);
  g_clear_object (&page);
  g_assert_true (freed);

  assert_dup_json (first, (DupJsonFunc) nexor_history_item_dup_json,
                   json_array_get_object_element (items, 0));
  assert_dup_json (last, (DupJsonFunc) nexor_history_item_dup_json,
                   json_array_get_object_element (items, n - 1));
}

/* What each item keeps is its own span of the page, byte for byte (escapes,
 * whitespace and nesting as the server sent them), in its own copy. */
static void
test_item_text_is_its_span (gconstpointer data)
{
  const char *name = data;
  g_autofree char *contents = NULL;
  gboolean freed = FALSE;
  g_autoptr(NexorJsonDocument) document = NULL;
  g_autoptr(NexorHistoryPage) page = page_from_fixture (name, &contents, &freed, &document);
  JsonObject *root = json_node_get_object (_nexor_json_document_get_root (document));
  JsonArray *items = json_object_get_array_member (root, "history");
  GListModel *model = _nexor_history_page_get_items (page);
  NexorJsonText *previous = NULL;
  g_autofree char *kept = NULL;
  static const char * const string_members[][2] = {
    { "type", "type-string" }, { "id", "id" }, { "channel", "channel" }, { "content", "content" },
    { "title", "title" }, { "description", "description" }, { "summary", "summary" },
    { "call_status", "call-status" }, { "status", "status" },
  };

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NexorHistoryItem) item = g_list_model_get_item (model, i);
      NexorJsonSource *source = &((NexorResource *) item)->json;
      gsize offset = 0;
      gsize length = 0;

      g_assert_true (_nexor_json_document_get_span (document, json_array_get_object_element (items, i),
                                                    &offset, &length));
      assert_from_span (item);
      g_assert_cmpuint (source->length, ==, length);
      /* String members handed out from the text end in a NUL where the
       * body had their closing quote; nothing else differs. */
      kept = g_memdup2 (_nexor_json_text_get_data (source->text) + source->offset, source->length);
      for (gsize j = 0; j < length; j++)
        {
          if (kept[j] == '\0')
            {
              g_assert_cmpint (contents[offset + j], ==, '"');
              kept[j] = '"';
            }
        }
      g_assert_cmpmem (kept, source->length, contents + offset, length);
      g_clear_pointer (&kept, g_free);

      /* The string members read the same whether they point into the text
       * or were unescaped into a copy. */
      for (guint k = 0; k < G_N_ELEMENTS (string_members); k++)
        {
          JsonObject *expected = json_array_get_object_element (items, i);
          const char *member = string_members[k][0];
          g_autofree char *value = NULL;

          g_object_get (item, string_members[k][1], &value, NULL);
          if (json_object_has_member (expected, member) &&
              !json_object_get_null_member (expected, member))
            g_assert_cmpstr (value, ==, json_object_get_string_member (expected, member));
          else
            g_assert_null (value);
        }
      /* Items do not share a copy: each can outlive the others. */
      g_assert_true (source->text != previous);
      previous = source->text;
    }
}

/* Dates read the same whether a resource keeps them packed until asked or
 * as built, keep the offset the server sent, and one getter call after
 * another hands out the same GDateTime, through the property too. */
static void
test_item_dates (void)
{
  static const char * const date_members[][2] = {
    { "timestamp", "timestamp" }, { "sent_at", "sent-at" },
    { "delivered_at", "delivered-at" }, { "read_at", "read-at" },
  };
  g_autofree char *contents = NULL;
  gboolean freed = FALSE;
  g_autoptr(NexorJsonDocument) document = NULL;
  g_autoptr(NexorHistoryPage) page = page_from_fixture ("history-page-escapes.json", &contents,
                                                        &freed, &document);
  g_autoptr(JsonNode) root = reference_json ("history-page-escapes.json");
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), "history");
  GListModel *model = _nexor_history_page_get_items (page);
  guint n_dates = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NexorHistoryItem) item = g_list_model_get_item (model, i);
      JsonObject *expected = json_array_get_object_element (items, i);

      for (guint k = 0; k < G_N_ELEMENTS (date_members); k++)
        {
          const char *member = date_members[k][0];
          g_autoptr(GDateTime) from_property = NULL;
          g_autoptr(GDateTime) reference = NULL;
          GDateTime *got;

          g_object_get (item, date_members[k][1], &from_property, NULL);
          if (!json_object_has_member (expected, member))
            {
              g_assert_null (from_property);
              continue;
            }

          reference = _nexor_json_parse_datetime (json_object_get_string_member (expected, member));
          g_assert_nonnull (reference);
          g_assert_nonnull (from_property);
          g_assert_true (g_date_time_equal (from_property, reference));
          g_assert_cmpint (g_date_time_get_utc_offset (from_property), ==,
                           g_date_time_get_utc_offset (reference));
          g_assert_cmpint (g_date_time_get_microsecond (from_property), ==,
                           g_date_time_get_microsecond (reference));
          g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (from_property)), ==,
                           g_time_zone_get_identifier (g_date_time_get_timezone (reference)));

          got = g_str_equal (member, "timestamp") ? nexor_history_item_get_timestamp (item)
              : g_str_equal (member, "sent_at") ? nexor_history_item_get_sent_at (item)
              : g_str_equal (member, "delivered_at") ? nexor_history_item_get_delivered_at (item)
              : nexor_history_item_get_read_at (item);
          g_assert_true (got == from_property);
          n_dates++;
        }
    }

  g_assert_cmpuint (n_dates, ==, 7);
}

/* Resources nested in a resource share its copy rather than copying their
 * spans again. */
static void
test_nested_share_text (void)
{
  g_autoptr(NexorLead) lead = lead_from_document ("get-lead-page.json");
  NexorResource *outer = (NexorResource *) lead;
  NexorResource *run = (NexorResource *) nexor_lead_get_active_workflow_run (lead);
  NexorResource *campaign = (NexorResource *) nexor_lead_get_campaign (lead);

  g_assert_nonnull (run);
  g_assert_nonnull (campaign);
  g_assert_true (run->json.text == outer->json.text);
  g_assert_true (campaign->json.text == outer->json.text);
  g_assert_cmpuint (run->json.offset, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lead_fixtures); i++)
    {
      g_autofree char *in = g_strdup_printf ("/json-source/document/%s", lead_fixtures[i]);
      g_autofree char *out = g_strdup_printf ("/json-source/no-document/%s", lead_fixtures[i]);

      g_test_add_data_func (in, lead_fixtures[i], test_lead_from_document);
      g_test_add_data_func (out, lead_fixtures[i], test_lead_outside_document);
    }
  g_test_add_func ("/json-source/unsealed-object", test_unsealed_object);
  g_test_add_func ("/json-source/nested-scopes", test_nested_scopes);
  g_test_add_func ("/json-source/history-page", test_history_page);
  g_test_add_data_func ("/json-source/kept-item/desk-history", "desk-history.json",
                        test_kept_item_frees_page);
  g_test_add_data_func ("/json-source/kept-item/escapes", "history-page-escapes.json",
                        test_kept_item_frees_page);
  g_test_add_data_func ("/json-source/item-text/desk-history", "desk-history.json",
                        test_item_text_is_its_span);
  g_test_add_data_func ("/json-source/item-text/escapes", "history-page-escapes.json",
                        test_item_text_is_its_span);
  g_test_add_func ("/json-source/nested-share-text", test_nested_share_text);
  g_test_add_func ("/json-source/item-dates", test_item_dates);

  return g_test_run ();
}
