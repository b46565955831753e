/* nexor-emulator-store.c: the emulator's in-memory account data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Leads are kept in the current Get Lead shape, one record per lead, keyed by
 * their lower-case UUID. Responses are always built from deep copies, so the
 * write endpoints can change records in place without touching bodies that
 * were already handed out.
 *
 * The data format, shared by the compiled-in seed and (later) the --data
 * state file:
 *
 *   {
 *     "leads": [
 *       {
 *         "shape": "current" | "legacy",   optional, default "current"
 *         "lead": { …current Get Lead "lead" object… },
 *         "variables": { key: Variable, … },   optional
 *         "assigned_user": { … } | null        optional, legacy shape only
 *       }, …
 *     ]
 *   }
 *
 * Other top-level members are ignored, so the file can carry notes.
 */

#include "nexor-emulator-store.h"

#include <gio/gio.h>

#include "nexor-emulator-json.h"
#include "nexor-emulator-resources.h"

#define SEED_RESOURCE_PATH "/ai/getnexor/NexorEmulator/seed.json"

typedef enum {
  LEAD_SHAPE_CURRENT,
  LEAD_SHAPE_LEGACY,
} LeadShape;

typedef struct {
  LeadShape   shape;
  JsonObject *lead;
  JsonObject *variables;
  JsonObject *assigned_user;  /* nullable */
} LeadRecord;

struct _NexorEmulatorStore
{
  GObject parent_instance;

  GHashTable *leads;  /* normalized id → LeadRecord */
};

G_DEFINE_FINAL_TYPE (NexorEmulatorStore, nexor_emulator_store, G_TYPE_OBJECT)

static void
lead_record_free (LeadRecord *record)
{
  g_clear_pointer (&record->lead, json_object_unref);
  g_clear_pointer (&record->variables, json_object_unref);
  g_clear_pointer (&record->assigned_user, json_object_unref);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LeadRecord, lead_record_free)

static GHashTable *
lead_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal,
                                g_free, (GDestroyNotify) lead_record_free);
}

static void
nexor_emulator_store_finalize (GObject *object)
{
  NexorEmulatorStore *self = NEXOR_EMULATOR_STORE (object);

  g_clear_pointer (&self->leads, g_hash_table_unref);

  G_OBJECT_CLASS (nexor_emulator_store_parent_class)->finalize (object);
}

static void
nexor_emulator_store_class_init (NexorEmulatorStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_emulator_store_finalize;
}

static void
nexor_emulator_store_init (NexorEmulatorStore *self)
{
  self->leads = lead_table_new ();
}

NexorEmulatorStore *
nexor_emulator_store_new (void)
{
  return g_object_new (NEXOR_EMULATOR_TYPE_STORE, NULL);
}

/**
 * nexor_emulator_normalize_uuid:
 * @text: a candidate id, as decoded from a path
 *
 * Returns: (transfer full) (nullable): @text in lower case if it is a UUID in
 *   the 8-4-4-4-12 hex form, %NULL otherwise. The API's ids are Postgres
 *   UUIDs, which compare case-insensitively.
 */
char *
nexor_emulator_normalize_uuid (const char *text)
{
  static const guint dashes[] = { 8, 13, 18, 23 };
  guint next_dash = 0;
  gsize i;

  g_return_val_if_fail (text != NULL, NULL);

  for (i = 0; text[i] != '\0'; i++)
    {
      if (i >= 36)
        return NULL;

      if (next_dash < G_N_ELEMENTS (dashes) && i == dashes[next_dash])
        {
          if (text[i] != '-')
            return NULL;
          next_dash++;
        }
      else if (!g_ascii_isxdigit (text[i]))
        {
          return NULL;
        }
    }

  if (i != 36)
    return NULL;

  return g_ascii_strdown (text, -1);
}

static gboolean
parse_lead_record (JsonNode    *node,
                   guint        index,
                   char       **out_id,
                   LeadRecord **out_record,
                   GError     **error)
{
  g_autoptr(LeadRecord) record = NULL;
  g_autofree char *id = NULL;
  JsonObject *entry;
  JsonObject *lead;
  JsonObject *variables;
  JsonObject *assigned_user;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "leads[%u] is not an object", index);
      return FALSE;
    }
  entry = json_node_get_object (node);

  lead = nexor_emulator_json_object_get_object_or_null (entry, "lead");
  if (lead == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "leads[%u] has no “lead” object", index);
      return FALSE;
    }

  member = json_object_get_member (lead, "id");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
      json_node_get_value_type (member) == G_TYPE_STRING)
    id = nexor_emulator_normalize_uuid (json_node_get_string (member));
  if (id == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "leads[%u].lead.id is not a UUID string", index);
      return FALSE;
    }

  record = g_new0 (LeadRecord, 1);
  record->shape = LEAD_SHAPE_CURRENT;

  member = json_object_get_member (entry, "shape");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      const char *shape = NULL;

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        shape = json_node_get_string (member);

      if (g_strcmp0 (shape, "legacy") == 0)
        record->shape = LEAD_SHAPE_LEGACY;
      else if (g_strcmp0 (shape, "current") != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "leads[%u].shape must be “current” or “legacy”", index);
          return FALSE;
        }
    }

  member = json_object_get_member (entry, "variables");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member) && !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "leads[%u].variables is not an object", index);
      return FALSE;
    }

  member = json_object_get_member (entry, "assigned_user");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member) && !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "leads[%u].assigned_user is not an object", index);
      return FALSE;
    }

  record->lead = nexor_emulator_json_object_deep_copy (lead);

  variables = nexor_emulator_json_object_get_object_or_null (entry, "variables");
  record->variables = variables != NULL ? nexor_emulator_json_object_deep_copy (variables)
                                        : json_object_new ();

  assigned_user = nexor_emulator_json_object_get_object_or_null (entry, "assigned_user");
  if (assigned_user != NULL)
    record->assigned_user = nexor_emulator_json_object_deep_copy (assigned_user);

  *out_id = g_steal_pointer (&id);
  *out_record = g_steal_pointer (&record);

  return TRUE;
}

/**
 * nexor_emulator_store_load_data:
 * @self: a #NexorEmulatorStore
 * @data: the JSON text
 * @length: its length, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Replaces the whole content of @self with @data. On error @self is left
 * unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
nexor_emulator_store_load_data (NexorEmulatorStore  *self,
                                const char          *data,
                                gssize               length,
                                GError             **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) leads = NULL;
  JsonNode *root;
  JsonNode *leads_node;
  JsonArray *array;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The data is not a JSON object");
      return FALSE;
    }

  leads = lead_table_new ();

  leads_node = json_object_get_member (json_node_get_object (root), "leads");
  if (leads_node != NULL && !JSON_NODE_HOLDS_NULL (leads_node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (leads_node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“leads” is not an array");
          return FALSE;
        }

      array = json_node_get_array (leads_node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          LeadRecord *record = NULL;
          char *id = NULL;

          if (!parse_lead_record (json_array_get_element (array, i), i, &id, &record, error))
            return FALSE;

          if (g_hash_table_contains (leads, id))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "leads[%u]: duplicate id %s", i, id);
              g_free (id);
              lead_record_free (record);
              return FALSE;
            }

          g_hash_table_insert (leads, id, record);
        }
    }

  g_clear_pointer (&self->leads, g_hash_table_unref);
  self->leads = g_steal_pointer (&leads);

  return TRUE;
}

/**
 * nexor_emulator_store_load_seed:
 * @self: a #NexorEmulatorStore
 * @error: return location for a #GError
 *
 * Replaces the content of @self with the data set compiled into the program.
 *
 * Returns: %TRUE on success
 */
gboolean
nexor_emulator_store_load_seed (NexorEmulatorStore  *self,
                                GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Going through the generated getter, not the global resource registry,
   * keeps the resource object file from being dropped when this code is
   * linked from a static library. */
  bytes = g_resource_lookup_data (nexor_emulator_get_resource (), SEED_RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  return nexor_emulator_store_load_data (self, data, (gssize) length, error);
}

guint
nexor_emulator_store_get_n_leads (NexorEmulatorStore *self)
{
  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), 0);

  return g_hash_table_size (self->leads);
}

static LeadRecord *
lookup_lead (NexorEmulatorStore *self,
             const char         *id)
{
  g_autofree char *normalized = nexor_emulator_normalize_uuid (id);

  if (normalized == NULL)
    return NULL;

  return g_hash_table_lookup (self->leads, normalized);
}

gboolean
nexor_emulator_store_has_lead (NexorEmulatorStore *self,
                               const char         *id)
{
  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return lookup_lead (self, id) != NULL;
}

static void
copy_member_or_null (JsonObject *to,
                     JsonObject *from,
                     const char *from_name,
                     const char *to_name)
{
  JsonNode *member = from != NULL ? json_object_get_member (from, from_name) : NULL;

  if (member != NULL)
    json_object_set_member (to, to_name, nexor_emulator_json_node_deep_copy (member));
  else
    json_object_set_null_member (to, to_name);
}

/* The legacy Get Lead page documents a bare object: the run reduced to four
 * fields under camelCase `activeWorkflowRun`, its workflow and status hoisted
 * to the lead (the status with its `color`), plus `assigned_user`; no tags,
 * variables, `updated_at` or envelope. */
static JsonNode *
build_legacy_response (LeadRecord *record)
{
  static const char * const lead_fields[] = {
    "id", "first_name", "last_name", "email", "phone", "source",
    "company", "title", "metadata", "campaign",
  };
  static const char * const run_fields[] = {
    "id", "workflow_id", "is_active", "run_status",
  };
  JsonObject *body = json_object_new ();
  JsonObject *run;
  JsonNode *node;

  for (guint i = 0; i < G_N_ELEMENTS (lead_fields); i++)
    copy_member_or_null (body, record->lead, lead_fields[i], lead_fields[i]);

  run = nexor_emulator_json_object_get_object_or_null (record->lead, "active_workflow_run");
  if (run != NULL)
    {
      JsonObject *legacy_run = json_object_new ();

      for (guint i = 0; i < G_N_ELEMENTS (run_fields); i++)
        copy_member_or_null (legacy_run, run, run_fields[i], run_fields[i]);

      json_object_set_object_member (body, "activeWorkflowRun", legacy_run);
      copy_member_or_null (body, run, "workflow", "workflow");
      copy_member_or_null (body, run, "current_status", "currentStatus");
    }
  else
    {
      json_object_set_null_member (body, "activeWorkflowRun");
      json_object_set_null_member (body, "workflow");
      json_object_set_null_member (body, "currentStatus");
    }

  if (record->assigned_user != NULL)
    json_object_set_object_member (body, "assigned_user",
                                   nexor_emulator_json_object_deep_copy (record->assigned_user));
  else
    json_object_set_null_member (body, "assigned_user");

  copy_member_or_null (body, record->lead, "created_at", "created_at");

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, body);

  return node;
}

static JsonNode *
build_current_response (LeadRecord *record)
{
  JsonObject *body = json_object_new ();
  JsonNode *node;

  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_object_member (body, "lead",
                                 nexor_emulator_json_object_deep_copy (record->lead));
  json_object_set_object_member (body, "variables",
                                 nexor_emulator_json_object_deep_copy (record->variables));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, body);

  return node;
}

/**
 * nexor_emulator_store_dup_lead_response:
 * @self: a #NexorEmulatorStore
 * @id: a lead id, in any case
 *
 * Builds the Get Lead body for @id, in the shape the lead was stored with.
 *
 * Returns: (transfer full) (nullable): the body, or %NULL if there is no
 *   such lead
 */
JsonNode *
nexor_emulator_store_dup_lead_response (NexorEmulatorStore *self,
                                        const char         *id)
{
  LeadRecord *record;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  record = lookup_lead (self, id);
  if (record == NULL)
    return NULL;

  if (record->shape == LEAD_SHAPE_LEGACY)
    return build_legacy_response (record);

  return build_current_response (record);
}
