/* nexor-emulator-store.c: the emulator's in-memory account data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One data format serves the compiled-in seed, the --data state file and
 * the state dumps the tests compare:
 *
 *   {
 *     "workflows": [ {id, name, goal_type, paused, steps: [channel…],
 *                     max_attempts, statuses: [{id, key, label, category,
 *                     color, is_initial, is_terminal}]} ],
 *     "campaigns": [ {id, name} ],
 *     "tags":      [ {id, name, slug, description, created_at, updated_at} ],
 *     "team":      [ {id, name, email, external_id, active} ],
 *     "processors": [ {id, name, description, default_workflow_id, is_active,
 *                      created_at, updated_at,
 *                      rules: [ {id, name, workflow_id, conditions, position,
 *                                is_active, created_at, updated_at} ]} ],
 *     "conversion_types": [ {id, name, description, category, currency,
 *                     fields: [{key, label, type}], workflow_id,
 *                     master_workflow_id, active, created_at} ],
 *     "conversions": [ {id, conversion_type_id, lead_id, amount, currency,
 *                     workflow_id, master_workflow_id, workflow_run_id,
 *                     metadata, notes, converted_at, created_at} ],
 *     "templates": [ {id, name, language, category, status, components: [Meta
 *                     components], variables: [{name, position, component}] | null} ],
 *     "leads": [
 *       {
 *         "shape": "current" | "legacy",
 *         "lead": {id, first_name, last_name, email, phone, source, company,
 *                  title, external_id, metadata, created_at, updated_at},
 *         "campaign_id": …, "tag_ids": […],
 *         "runs": [ {id, job_id, workflow_id, status_id, is_active,
 *                    human_takeover, cadence_state, run_status, step_index,
 *                    channel, attempt_number, pending_tasks, reason,
 *                    actor_id, created_at, ended_at} ],
 *         "variables": {…}, "assigned_user": {…} | null,
 *         "history": [ item… ], "meetings": [ meeting… ]
 *       }
 *     ]
 *   }
 *
 * Relations are stored by id, never copied, so a renamed tag or a new status
 * shows everywhere at once; Get Lead and the other bodies are rendered from
 * the records on every request. Loading checks every member's type and every
 * reference and fills in what is missing, so the rest of the code can read
 * records without checking them again. Other top-level members are ignored,
 * so a file can carry notes.
 */

#include "nexor-emulator-store-private.h"

#include <string.h>

#include <gio/gio.h>

#include "nexor-emulator-json.h"
#include "nexor-emulator-resources.h"
#include "nexor-emulator-routing.h"
#include "nexor-emulator-webhooks.h"
#include "nexor-json-writer.h"

#define SEED_RESOURCE_PATH "/ai/getnexor/NexorEmulator/seed.json"

G_DEFINE_FINAL_TYPE (NexorEmulatorStore, nexor_emulator_store, G_TYPE_OBJECT)

static void
lead_free (NexorEmulatorLead *lead)
{
  g_free (lead->id);
  g_clear_pointer (&lead->entry, json_object_unref);
  g_free (lead);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorEmulatorLead, lead_free)

static GPtrArray *
object_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
}

static void
nexor_emulator_store_finalize (GObject *object)
{
  NexorEmulatorStore *self = NEXOR_EMULATOR_STORE (object);

  g_clear_pointer (&self->email_index, g_hash_table_unref);
  g_clear_pointer (&self->phone_index, g_hash_table_unref);
  g_clear_pointer (&self->lead_index, g_hash_table_unref);
  g_clear_pointer (&self->leads, g_ptr_array_unref);
  g_clear_pointer (&self->workflows, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->team, g_ptr_array_unref);
  g_clear_pointer (&self->processors, g_ptr_array_unref);
  g_clear_pointer (&self->conversion_types, g_ptr_array_unref);
  g_clear_pointer (&self->conversions, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->webhooks, g_ptr_array_unref);
  g_clear_pointer (&self->data_file, g_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);

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
  self->leads = g_ptr_array_new_with_free_func ((GDestroyNotify) lead_free);
  self->lead_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->email_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->phone_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->workflows = object_array_new ();
  self->campaigns = object_array_new ();
  self->tags = object_array_new ();
  self->team = object_array_new ();
  self->processors = object_array_new ();
  self->conversion_types = object_array_new ();
  self->conversions = object_array_new ();
  self->templates = object_array_new ();
  self->webhooks = object_array_new ();
}

NexorEmulatorStore *
nexor_emulator_store_new (void)
{
  return g_object_new (NEXOR_EMULATOR_TYPE_STORE, NULL);
}

/* Helpers */

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

/* The member as a string, or NULL when it is missing, null or not a string. */
const char *
nexor_emulator_json_string (JsonObject *object,
                            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
nexor_emulator_json_boolean (JsonObject *object,
                             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  return json_node_get_boolean (node);
}

gint64
nexor_emulator_json_int (JsonObject *object,
                         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

/* Ids are UUIDs compared without case; the Get Lead page's placeholders
 * ("uuid") compare the same way. */
gboolean
nexor_emulator_id_equal (const char *a,
                         const char *b)
{
  return a != NULL && b != NULL && g_ascii_strcasecmp (a, b) == 0;
}

/* The API writes UTC times without fractions: 2026-02-10T12:00:00Z. */
char *
nexor_emulator_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
nexor_emulator_new_id (void)
{
  return g_uuid_string_random ();
}

/* "VIP" → "vip", "VIP Client" → "vip-client", "Información" → "informacion":
 * letters and digits in lower case, accents dropped, every other run of
 * characters one '-'. Returns "" when nothing is left. */
char *
nexor_emulator_slugify (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  GString *slug = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  if (decomposed == NULL)
    return g_string_free (slug, FALSE);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;

      if (g_unichar_isalnum (c))
        {
          if (pending_dash && slug->len > 0)
            g_string_append_c (slug, '-');
          pending_dash = FALSE;
          g_string_append_unichar (slug, g_unichar_tolower (c));
        }
      else
        {
          pending_dash = TRUE;
        }
    }

  return g_string_free (slug, FALSE);
}

/* Phones match on their digits only: "+56 9 1234 5678" is "56912345678".
 * Returns NULL when there are none. */
char *
nexor_emulator_phone_digits (const char *phone)
{
  GString *digits;

  if (phone == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }

  return g_string_free (digits, FALSE);
}

/* Emails match without case. Returns NULL for an empty one. */
char *
nexor_emulator_email_key (const char *email)
{
  g_autofree char *trimmed = NULL;

  if (email == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (email));
  if (*trimmed == '\0')
    return NULL;

  return g_utf8_casefold (trimmed, -1);
}

/* Loading: checks and defaults */

typedef enum {
  MEMBER_STRING,
  MEMBER_STRING_OR_NULL,
  MEMBER_BOOLEAN,
  MEMBER_COUNT,            /* an integer ≥ 0 */
  MEMBER_OBJECT,
  MEMBER_OBJECT_OR_NULL,
  MEMBER_ARRAY,
} MemberType;

static gboolean
node_has_type (JsonNode   *node,
               MemberType  type)
{
  switch (type)
    {
    case MEMBER_STRING_OR_NULL:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case MEMBER_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case MEMBER_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
    case MEMBER_COUNT:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
             json_node_get_int (node) >= 0 && json_node_get_int (node) <= G_MAXINT32;
    case MEMBER_OBJECT_OR_NULL:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case MEMBER_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case MEMBER_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    default:
      g_assert_not_reached ();
    }
}

static const char *
member_type_name (MemberType type)
{
  switch (type)
    {
    case MEMBER_STRING: return "a string";
    case MEMBER_STRING_OR_NULL: return "a string or null";
    case MEMBER_BOOLEAN: return "true or false";
    case MEMBER_COUNT: return "a whole number ≥ 0";
    case MEMBER_OBJECT: return "an object";
    case MEMBER_OBJECT_OR_NULL: return "an object or null";
    case MEMBER_ARRAY: return "an array";
    default: g_assert_not_reached ();
    }
}

/* Checks @name's type. A missing member is an error when @required, else it
 * is added with its type's empty value (null, false, 0, {}, []) or, for
 * MEMBER_STRING and MEMBER_COUNT, with @fallback. */
static gboolean
check_member (JsonObject  *object,
              const char  *where,
              const char  *name,
              MemberType   type,
              gboolean     required,
              const char  *fallback,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      if (required)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s.%s is missing", where, name);
          return FALSE;
        }

      switch (type)
        {
        case MEMBER_STRING:
          json_object_set_string_member (object, name, fallback != NULL ? fallback : "");
          break;
        case MEMBER_STRING_OR_NULL:
        case MEMBER_OBJECT_OR_NULL:
          json_object_set_null_member (object, name);
          break;
        case MEMBER_BOOLEAN:
          json_object_set_boolean_member (object, name, fallback != NULL);
          break;
        case MEMBER_COUNT:
          json_object_set_int_member (object, name, fallback != NULL ? g_ascii_strtoll (fallback, NULL, 10) : 0);
          break;
        case MEMBER_OBJECT:
          json_object_set_object_member (object, name, json_object_new ());
          break;
        case MEMBER_ARRAY:
          json_object_set_array_member (object, name, json_array_new ());
          break;
        default:
          g_assert_not_reached ();
        }
      return TRUE;
    }

  if (!node_has_type (node, type))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s.%s must be %s", where, name, member_type_name (type));
      return FALSE;
    }

  return TRUE;
}

/* A null member is read as a missing one, to be given its default. */
static void
remove_if_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    json_object_remove_member (object, name);
}

/* Refuses members the format does not know, so a typo in a hand-edited file
 * is reported instead of silently ignored. */
static gboolean
check_no_other_members (JsonObject         *object,
                        const char         *where,
                        const char * const *known,
                        GError            **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      if (!g_strv_contains (known, l->data))
        {
          g_autofree char *shown = nexor_emulator_quote (l->data, -1, NEXOR_EMULATOR_QUOTE_CHARS);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s has an unknown member “%s”", where, shown);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_id_unique (GHashTable  *seen,
                 const char  *where,
                 const char  *id,
                 GError     **error)
{
  g_autofree char *key = g_ascii_strdown (id, -1);

  if (*id == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.id is empty", where);
      return FALSE;
    }

  if (g_hash_table_contains (seen, key))
    {
      g_autofree char *shown = nexor_emulator_quote (id, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: duplicate id %s", where, shown);
      return FALSE;
    }

  g_hash_table_add (seen, g_steal_pointer (&key));
  return TRUE;
}

static const char * const channels[] = { "call", "whatsapp", "email", "sms", NULL };

static gboolean
check_workflow (JsonObject  *workflow,
                const char  *where,
                GError     **error)
{
  static const char * const known[] = {
    "id", "name", "goal_type", "paused", "steps", "max_attempts", "statuses", NULL
  };
  static const char * const status_known[] = {
    "id", "key", "label", "category", "color", "is_initial", "is_terminal", NULL
  };
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *steps;
  JsonArray *statuses;

  if (!check_no_other_members (workflow, where, known, error) ||
      !check_member (workflow, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (workflow, where, "name", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (workflow, where, "goal_type", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (workflow, where, "paused", MEMBER_BOOLEAN, FALSE, NULL, error) ||
      !check_member (workflow, where, "steps", MEMBER_ARRAY, FALSE, NULL, error) ||
      !check_member (workflow, where, "max_attempts", MEMBER_COUNT, FALSE, "3", error) ||
      !check_member (workflow, where, "statuses", MEMBER_ARRAY, FALSE, NULL, error))
    return FALSE;

  steps = json_object_get_array_member (workflow, "steps");
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonNode *step = json_array_get_element (steps, i);

      if (!node_has_type (step, MEMBER_STRING) ||
          !g_strv_contains (channels, json_node_get_string (step)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s.steps[%u] must be one of call, whatsapp, email, sms", where, i);
          return FALSE;
        }
    }

  statuses = json_object_get_array_member (workflow, "statuses");
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      g_autofree char *status_where = g_strdup_printf ("%s.statuses[%u]", where, i);
      JsonNode *node = json_array_get_element (statuses, i);
      JsonObject *status;
      const char *key;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not an object", status_where);
          return FALSE;
        }
      status = json_node_get_object (node);

      if (!check_no_other_members (status, status_where, status_known, error) ||
          !check_member (status, status_where, "id", MEMBER_STRING, TRUE, NULL, error) ||
          !check_member (status, status_where, "key", MEMBER_STRING, TRUE, NULL, error) ||
          !check_member (status, status_where, "label", MEMBER_STRING, TRUE, NULL, error) ||
          !check_member (status, status_where, "category", MEMBER_STRING, FALSE, "active", error) ||
          !check_member (status, status_where, "color", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
          !check_member (status, status_where, "is_initial", MEMBER_BOOLEAN, FALSE, NULL, error) ||
          !check_member (status, status_where, "is_terminal", MEMBER_BOOLEAN, FALSE, NULL, error) ||
          !check_id_unique (ids, status_where, nexor_emulator_json_string (status, "id"), error))
        return FALSE;

      key = nexor_emulator_json_string (status, "key");
      if (*key == '\0' || g_hash_table_contains (keys, key))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s.key is empty or used twice in the workflow", status_where);
          return FALSE;
        }
      g_hash_table_add (keys, g_strdup (key));
    }

  return TRUE;
}

static gboolean
check_campaign (JsonObject  *campaign,
                const char  *where,
                GError     **error)
{
  static const char * const known[] = { "id", "name", NULL };

  return check_no_other_members (campaign, where, known, error) &&
         check_member (campaign, where, "id", MEMBER_STRING, TRUE, NULL, error) &&
         check_member (campaign, where, "name", MEMBER_STRING, TRUE, NULL, error);
}

static gboolean
check_tag (JsonObject  *tag,
           const char  *where,
           GError     **error)
{
  static const char * const known[] = {
    "id", "name", "slug", "description", "created_at", "updated_at", NULL
  };
  g_autofree char *id = NULL;

  if (!check_no_other_members (tag, where, known, error) ||
      !check_member (tag, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (tag, where, "name", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (tag, where, "slug", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (tag, where, "description", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (tag, where, "created_at", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (tag, where, "updated_at", MEMBER_STRING_OR_NULL, FALSE, NULL, error))
    return FALSE;

  /* Tags are addressed by path (/tags/{id}), so their ids must be UUIDs. */
  id = nexor_emulator_normalize_uuid (nexor_emulator_json_string (tag, "id"));
  if (id == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.id is not a UUID", where);
      return FALSE;
    }
  json_object_set_string_member (tag, "id", id);

  return TRUE;
}

static gboolean
check_team_member (JsonObject  *member,
                   const char  *where,
                   GError     **error)
{
  static const char * const known[] = { "id", "name", "email", "external_id", "active", NULL };

  if (!check_no_other_members (member, where, known, error) ||
      !check_member (member, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (member, where, "name", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (member, where, "email", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (member, where, "external_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error))
    return FALSE;

  /* Members are active unless said otherwise. */
  if (!json_object_has_member (member, "active"))
    json_object_set_boolean_member (member, "active", TRUE);

  return check_member (member, where, "active", MEMBER_BOOLEAN, TRUE, NULL, error);
}

static gboolean
check_rule (JsonObject  *rule,
            const char  *where,
            GError     **error)
{
  static const char * const known[] = {
    "id", "name", "workflow_id", "conditions", "position", "is_active", "created_at", "updated_at", NULL
  };
  g_autofree char *problem = NULL;
  g_autofree char *id = NULL;

  if (!json_object_has_member (rule, "is_active"))
    json_object_set_boolean_member (rule, "is_active", TRUE);

  if (!check_no_other_members (rule, where, known, error) ||
      !check_member (rule, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (rule, where, "name", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (rule, where, "workflow_id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (rule, where, "conditions", MEMBER_ARRAY, TRUE, NULL, error) ||
      !check_member (rule, where, "position", MEMBER_COUNT, TRUE, NULL, error) ||
      !check_member (rule, where, "is_active", MEMBER_BOOLEAN, TRUE, NULL, error) ||
      !check_member (rule, where, "created_at", MEMBER_STRING, FALSE, "2026-01-01T00:00:00Z", error) ||
      !check_member (rule, where, "updated_at", MEMBER_STRING, FALSE, "2026-01-01T00:00:00Z", error))
    return FALSE;

  /* The API would refuse these conditions; so does a state file. */
  problem = nexor_emulator_conditions_check (json_object_get_member (rule, "conditions"));
  if (problem != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", where, problem);
      return FALSE;
    }

  /* Rules are addressed by path (…/rules/{ruleId}). */
  id = nexor_emulator_normalize_uuid (nexor_emulator_json_string (rule, "id"));
  if (id == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.id is not a UUID", where);
      return FALSE;
    }
  json_object_set_string_member (rule, "id", id);

  return TRUE;
}

static gboolean
check_processor (JsonObject  *processor,
                 const char  *where,
                 GError     **error)
{
  static const char * const known[] = {
    "id", "name", "description", "default_workflow_id", "is_active", "created_at", "updated_at",
    "rules", NULL
  };
  g_autoptr(GHashTable) rule_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *id = NULL;
  JsonArray *rules;

  if (!json_object_has_member (processor, "is_active"))
    json_object_set_boolean_member (processor, "is_active", TRUE);

  if (!check_no_other_members (processor, where, known, error) ||
      !check_member (processor, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (processor, where, "name", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (processor, where, "description", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (processor, where, "default_workflow_id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (processor, where, "is_active", MEMBER_BOOLEAN, TRUE, NULL, error) ||
      !check_member (processor, where, "created_at", MEMBER_STRING, FALSE, "2026-01-01T00:00:00Z", error) ||
      !check_member (processor, where, "updated_at", MEMBER_STRING, FALSE, "2026-01-01T00:00:00Z", error) ||
      !check_member (processor, where, "rules", MEMBER_ARRAY, FALSE, NULL, error))
    return FALSE;

  id = nexor_emulator_normalize_uuid (nexor_emulator_json_string (processor, "id"));
  if (id == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.id is not a UUID", where);
      return FALSE;
    }
  json_object_set_string_member (processor, "id", id);

  rules = json_object_get_array_member (processor, "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      g_autofree char *rule_where = g_strdup_printf ("%s.rules[%u]", where, i);
      JsonNode *element = json_array_get_element (rules, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not an object", rule_where);
          return FALSE;
        }

      if (!check_rule (json_node_get_object (element), rule_where, error) ||
          !check_id_unique (rule_ids, rule_where,
                            nexor_emulator_json_string (json_node_get_object (element), "id"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_conversion_type (JsonObject  *type,
                       const char  *where,
                       GError     **error)
{
  static const char * const known[] = {
    "id", "name", "description", "category", "currency", "fields", "workflow_id",
    "master_workflow_id", "active", "created_at", NULL
  };
  static const char * const field_known[] = { "key", "label", "type", NULL };
  static const char * const field_types[] = { "text", "number", NULL };
  JsonArray *fields;

  if (!check_no_other_members (type, where, known, error) ||
      !check_member (type, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (type, where, "name", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (type, where, "description", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (type, where, "category", MEMBER_STRING, FALSE, "intermediary", error) ||
      !check_member (type, where, "currency", MEMBER_STRING, FALSE, "USD", error) ||
      !check_member (type, where, "fields", MEMBER_ARRAY, FALSE, NULL, error) ||
      !check_member (type, where, "workflow_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (type, where, "master_workflow_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (type, where, "active", MEMBER_BOOLEAN, FALSE, "yes", error) ||
      !check_member (type, where, "created_at", MEMBER_STRING_OR_NULL, FALSE, NULL, error))
    return FALSE;

  fields = json_object_get_array_member (type, "fields");
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      g_autofree char *field_where = g_strdup_printf ("%s.fields[%u]", where, i);
      JsonNode *node = json_array_get_element (fields, i);
      JsonObject *field;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not an object", field_where);
          return FALSE;
        }
      field = json_node_get_object (node);
      if (!check_no_other_members (field, field_where, field_known, error) ||
          !check_member (field, field_where, "key", MEMBER_STRING, TRUE, NULL, error) ||
          !check_member (field, field_where, "label", MEMBER_STRING, TRUE, NULL, error) ||
          !check_member (field, field_where, "type", MEMBER_STRING, FALSE, "text", error))
        return FALSE;
      if (!g_strv_contains (field_types, nexor_emulator_json_string (field, "type")))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.type must be text or number", field_where);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean check_object_items (JsonArray   *array,
                                    const char  *where,
                                    const char  *required_string,
                                    GError     **error);

static gboolean
check_template (JsonObject  *template,
                const char  *where,
                GError     **error)
{
  static const char * const known[] = {
    "id", "name", "language", "category", "status", "components", "variables", NULL
  };
  static const char * const categories[] = { "MARKETING", "UTILITY", "AUTHENTICATION", NULL };
  static const char * const statuses[] = { "APPROVED", "PENDING", "REJECTED", NULL };
  JsonNode *variables;

  if (!check_no_other_members (template, where, known, error) ||
      !check_member (template, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (template, where, "name", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (template, where, "language", MEMBER_STRING, FALSE, "es", error) ||
      !check_member (template, where, "category", MEMBER_STRING, FALSE, "UTILITY", error) ||
      !check_member (template, where, "status", MEMBER_STRING, FALSE, "APPROVED", error) ||
      !check_member (template, where, "components", MEMBER_ARRAY, FALSE, NULL, error))
    return FALSE;

  if (!g_strv_contains (categories, nexor_emulator_json_string (template, "category")) ||
      !g_strv_contains (statuses, nexor_emulator_json_string (template, "status")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: category must be MARKETING, UTILITY or AUTHENTICATION and status "
                   "APPROVED, PENDING or REJECTED", where);
      return FALSE;
    }

  if (!check_object_items (json_object_get_array_member (template, "components"),
                           where, "type", error))
    return FALSE;

  variables = json_object_get_member (template, "variables");
  if (variables == NULL)
    json_object_set_null_member (template, "variables");
  else if (!JSON_NODE_HOLDS_NULL (variables) &&
           (!JSON_NODE_HOLDS_ARRAY (variables) ||
            !check_object_items (json_node_get_array (variables), where, "name", error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "%s.variables must be an array or null", where);
      return FALSE;
    }

  return TRUE;
}

/* A seed time written "now-2h" or "now-30m" is that long before the moment
 * the data is loaded, so the seed can hold a WhatsApp conversation whose
 * 24-hour window is open whenever the emulator starts. */
static void
resolve_relative_times (JsonArray *history)
{
  static const char * const members[] = { "timestamp", "sent_at", "delivered_at", "read_at", NULL };

  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *item = json_array_get_object_element (history, i);

      for (guint m = 0; members[m] != NULL; m++)
        {
          const char *text = nexor_emulator_json_string (item, members[m]);
          g_autoptr(GDateTime) now = NULL;
          g_autoptr(GDateTime) then = NULL;
          g_autofree char *resolved = NULL;
          guint64 amount;
          char *end = NULL;

          if (text == NULL || !g_str_has_prefix (text, "now-"))
            continue;
          amount = g_ascii_strtoull (text + 4, &end, 10);
          if (end == text + 4 || (g_strcmp0 (end, "h") != 0 && g_strcmp0 (end, "m") != 0) ||
              amount > 24 * 365)
            continue;

          now = g_date_time_new_now_utc ();
          then = g_date_time_add_seconds (now, -(gdouble) amount * (*end == 'h' ? 3600 : 60));
          resolved = g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
          json_object_set_string_member (item, members[m], resolved);
        }
    }
}

static gboolean
check_conversion (JsonObject  *conversion,
                  const char  *where,
                  GError     **error)
{
  static const char * const known[] = {
    "id", "conversion_type_id", "lead_id", "amount", "currency", "workflow_id",
    "master_workflow_id", "workflow_run_id", "metadata", "notes", "converted_at",
    "created_at", NULL
  };
  JsonNode *amount;

  if (!check_no_other_members (conversion, where, known, error) ||
      !check_member (conversion, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (conversion, where, "conversion_type_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (conversion, where, "lead_id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (conversion, where, "currency", MEMBER_STRING, FALSE, "USD", error) ||
      !check_member (conversion, where, "workflow_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (conversion, where, "master_workflow_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (conversion, where, "workflow_run_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (conversion, where, "metadata", MEMBER_OBJECT, FALSE, NULL, error) ||
      !check_member (conversion, where, "notes", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (conversion, where, "converted_at", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (conversion, where, "created_at", MEMBER_STRING, FALSE, NULL, error))
    return FALSE;

  amount = json_object_get_member (conversion, "amount");
  if (amount == NULL || !JSON_NODE_HOLDS_VALUE (amount) ||
      (json_node_get_value_type (amount) != G_TYPE_INT64 && json_node_get_value_type (amount) != G_TYPE_DOUBLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.amount must be a number", where);
      return FALSE;
    }
  if (*nexor_emulator_json_string (conversion, "created_at") == '\0')
    json_object_set_string_member (conversion, "created_at",
                                   nexor_emulator_json_string (conversion, "converted_at"));

  return TRUE;
}

/* A webhook subscription registered at runtime (nexor-emulator-webhooks.c
 * checks its URL and event types when it takes the records over). */
static gboolean
check_webhook (JsonObject  *webhook,
               const char  *where,
               GError     **error)
{
  static const char * const known[] = { "id", "url", "secret", "events", "created_at", NULL };
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonArray *events;

  if (!check_no_other_members (webhook, where, known, error) ||
      !check_member (webhook, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (webhook, where, "url", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (webhook, where, "secret", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (webhook, where, "events", MEMBER_ARRAY, TRUE, NULL, error) ||
      !check_member (webhook, where, "created_at", MEMBER_STRING, TRUE, NULL, error))
    return FALSE;

  events = json_object_get_array_member (webhook, "events");
  types = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *event = json_array_get_element (events, i);

      if (!JSON_NODE_HOLDS_VALUE (event) || json_node_get_value_type (event) != G_TYPE_STRING)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.events[%u] is not a string", where, i);
          return FALSE;
        }
      g_ptr_array_add (types, (gpointer) json_node_get_string (event));
    }
  g_ptr_array_add (types, NULL);

  if (!nexor_emulator_webhook_check_url (nexor_emulator_json_string (webhook, "url"), NULL, &local_error) ||
      !nexor_emulator_webhook_check_events ((const char * const *) types->pdata, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", where, local_error->message);
      return FALSE;
    }
  if (*nexor_emulator_json_string (webhook, "secret") == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.secret is empty", where);
      return FALSE;
    }

  return TRUE;
}

/* The store being loaded, before it replaces the current one. */
typedef struct {
  GPtrArray  *workflows;
  GPtrArray  *campaigns;
  GPtrArray  *tags;
  GPtrArray  *team;
  GPtrArray  *processors;
  GPtrArray  *conversion_types;
  GPtrArray  *conversions;
  GPtrArray  *templates;
  GPtrArray  *webhooks;
  GPtrArray  *leads;
  GHashTable *lead_index;
} Loading;

static void
loading_clear (Loading *loading)
{
  g_clear_pointer (&loading->workflows, g_ptr_array_unref);
  g_clear_pointer (&loading->campaigns, g_ptr_array_unref);
  g_clear_pointer (&loading->tags, g_ptr_array_unref);
  g_clear_pointer (&loading->team, g_ptr_array_unref);
  g_clear_pointer (&loading->processors, g_ptr_array_unref);
  g_clear_pointer (&loading->conversion_types, g_ptr_array_unref);
  g_clear_pointer (&loading->conversions, g_ptr_array_unref);
  g_clear_pointer (&loading->templates, g_ptr_array_unref);
  g_clear_pointer (&loading->webhooks, g_ptr_array_unref);
  g_clear_pointer (&loading->lead_index, g_hash_table_unref);
  g_clear_pointer (&loading->leads, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loading, loading_clear)

static JsonObject *
find_by_id (GPtrArray  *objects,
            const char *id)
{
  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);

      if (nexor_emulator_id_equal (nexor_emulator_json_string (object, "id"), id))
        return object;
    }

  return NULL;
}

/* Every workflow a processor or rule names is one of the account's. */
static gboolean
check_processor_workflows (Loading  *loading,
                           GError  **error)
{
  for (guint i = 0; i < loading->processors->len; i++)
    {
      JsonObject *processor = g_ptr_array_index (loading->processors, i);
      JsonArray *rules = json_object_get_array_member (processor, "rules");

      if (find_by_id (loading->workflows, nexor_emulator_json_string (processor, "default_workflow_id")) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "processors[%u].default_workflow_id is not a workflow of the data", i);
          return FALSE;
        }

      for (guint j = 0; j < json_array_get_length (rules); j++)
        if (find_by_id (loading->workflows,
                        nexor_emulator_json_string (json_array_get_object_element (rules, j), "workflow_id")) == NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "processors[%u].rules[%u].workflow_id is not a workflow of the data", i, j);
            return FALSE;
          }
    }

  return TRUE;
}

static gboolean
check_run (Loading     *loading,
           JsonObject  *run,
           const char  *where,
           GError     **error)
{
  static const char * const known[] = {
    "id", "job_id", "workflow_id", "status_id", "is_active", "human_takeover",
    "cadence_state", "run_status", "step_index", "channel", "attempt_number",
    "pending_tasks", "reason", "actor_id", "created_at", "ended_at", NULL
  };
  JsonObject *workflow;
  const char *status_id;

  if (!check_no_other_members (run, where, known, error) ||
      !check_member (run, where, "id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (run, where, "job_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (run, where, "workflow_id", MEMBER_STRING, TRUE, NULL, error) ||
      !check_member (run, where, "status_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (run, where, "is_active", MEMBER_BOOLEAN, FALSE, "yes", error) ||
      !check_member (run, where, "human_takeover", MEMBER_BOOLEAN, FALSE, NULL, error) ||
      !check_member (run, where, "cadence_state", MEMBER_STRING, FALSE, "active", error) ||
      !check_member (run, where, "run_status", MEMBER_STRING, FALSE, "running", error) ||
      !check_member (run, where, "step_index", MEMBER_COUNT, FALSE, NULL, error) ||
      !check_member (run, where, "channel", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (run, where, "attempt_number", MEMBER_COUNT, FALSE, "1", error) ||
      !check_member (run, where, "pending_tasks", MEMBER_COUNT, FALSE, NULL, error) ||
      !check_member (run, where, "reason", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (run, where, "actor_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (run, where, "created_at", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (run, where, "ended_at", MEMBER_STRING_OR_NULL, FALSE, NULL, error))
    return FALSE;

  workflow = find_by_id (loading->workflows, nexor_emulator_json_string (run, "workflow_id"));
  if (workflow == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s.workflow_id names no workflow", where);
      return FALSE;
    }

  status_id = nexor_emulator_json_string (run, "status_id");
  if (status_id != NULL && nexor_emulator_workflow_find_status (workflow, status_id, TRUE) == NULL)
    {
      g_autofree char *shown = nexor_emulator_quote (nexor_emulator_json_string (workflow, "id"), -1, NEXOR_EMULATOR_QUOTE_CHARS);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s.status_id names no status of workflow %s", where, shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_lead_core (JsonObject  *core,
                 const char  *where,
                 char       **out_id,
                 GError     **error)
{
  static const char * const known[] = {
    "id", "first_name", "last_name", "email", "phone", "source", "company",
    "title", "external_id", "metadata", "created_at", "updated_at", NULL
  };
  static const char * const nullable[] = {
    "first_name", "last_name", "email", "phone", "source", "company", "title",
    "external_id", "created_at", "updated_at",
  };
  g_autofree char *id = NULL;
  const char *text;

  /* The relations of a Get Lead body are stored beside the lead, by id. */
  if (json_object_has_member (core, "tags") || json_object_has_member (core, "campaign") ||
      json_object_has_member (core, "active_workflow_run"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s holds a Get Lead relation (tags, campaign, active_workflow_run): "
                   "store tag_ids, campaign_id and runs beside “lead” instead", where);
      return FALSE;
    }

  if (!check_no_other_members (core, where, known, error))
    return FALSE;

  text = nexor_emulator_json_string (core, "id");
  if (text != NULL)
    id = nexor_emulator_normalize_uuid (text);
  if (id == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.id is not a UUID string", where);
      return FALSE;
    }
  json_object_set_string_member (core, "id", id);

  for (guint i = 0; i < G_N_ELEMENTS (nullable); i++)
    if (!check_member (core, where, nullable[i], MEMBER_STRING_OR_NULL, FALSE, NULL, error))
      return FALSE;

  remove_if_null (core, "metadata");
  if (!check_member (core, where, "metadata", MEMBER_OBJECT, FALSE, NULL, error))
    return FALSE;

  *out_id = g_steal_pointer (&id);
  return TRUE;
}

static gboolean
check_object_items (JsonArray   *array,
                    const char  *where,
                    const char  *required_string,
                    GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          nexor_emulator_json_string (json_node_get_object (node), required_string) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s[%u] must be an object with a string “%s”", where, i, required_string);
          return FALSE;
        }
    }

  return TRUE;
}

static NexorEmulatorLead *
check_lead_entry (Loading     *loading,
                  JsonNode    *node,
                  guint        index,
                  GError     **error)
{
  static const char * const known[] = {
    "shape", "lead", "campaign_id", "tag_ids", "runs", "variables",
    "assigned_user", "history", "meetings", NULL
  };
  g_autofree char *where = g_strdup_printf ("leads[%u]", index);
  g_autofree char *core_where = g_strdup_printf ("leads[%u].lead", index);
  g_autoptr(NexorEmulatorLead) lead = NULL;
  JsonObject *entry;
  const char *shape;
  const char *campaign_id;
  JsonArray *array;
  gboolean have_active = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not an object", where);
      return NULL;
    }

  lead = g_new0 (NexorEmulatorLead, 1);
  lead->entry = nexor_emulator_json_object_deep_copy (json_node_get_object (node));
  entry = lead->entry;

  if (!check_no_other_members (entry, where, known, error))
    return NULL;

  remove_if_null (entry, "shape");
  if (!check_member (entry, where, "shape", MEMBER_STRING, FALSE, "current", error))
    return NULL;
  shape = nexor_emulator_json_string (entry, "shape");
  if (!g_str_equal (shape, "current") && !g_str_equal (shape, "legacy"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s.shape must be “current” or “legacy”", where);
      return NULL;
    }

  remove_if_null (entry, "variables");

  if (!check_member (entry, where, "lead", MEMBER_OBJECT, TRUE, NULL, error) ||
      !check_lead_core (json_object_get_object_member (entry, "lead"), core_where, &lead->id, error) ||
      !check_member (entry, where, "campaign_id", MEMBER_STRING_OR_NULL, FALSE, NULL, error) ||
      !check_member (entry, where, "tag_ids", MEMBER_ARRAY, FALSE, NULL, error) ||
      !check_member (entry, where, "runs", MEMBER_ARRAY, FALSE, NULL, error) ||
      !check_member (entry, where, "variables", MEMBER_OBJECT, FALSE, NULL, error) ||
      !check_member (entry, where, "assigned_user", MEMBER_OBJECT_OR_NULL, FALSE, NULL, error) ||
      !check_member (entry, where, "history", MEMBER_ARRAY, FALSE, NULL, error) ||
      !check_member (entry, where, "meetings", MEMBER_ARRAY, FALSE, NULL, error))
    return NULL;

  campaign_id = nexor_emulator_json_string (entry, "campaign_id");
  if (campaign_id != NULL && find_by_id (loading->campaigns, campaign_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s.campaign_id names no campaign", where);
      return NULL;
    }

  array = json_object_get_array_member (entry, "tag_ids");
  {
    /* Rebuilt rather than edited: parsed value nodes are immutable. */
    g_autoptr(JsonArray) normalized_ids = json_array_new ();

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *tag_id = json_array_get_element (array, i);
        g_autofree char *normalized = NULL;

        if (node_has_type (tag_id, MEMBER_STRING))
          normalized = nexor_emulator_normalize_uuid (json_node_get_string (tag_id));

        if (normalized == NULL || find_by_id (loading->tags, normalized) == NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "%s.tag_ids[%u] names no tag", where, i);
            return NULL;
          }

        for (guint j = 0; j < i; j++)
          if (g_str_equal (json_array_get_string_element (normalized_ids, j), normalized))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s.tag_ids[%u] repeats a tag", where, i);
              return NULL;
            }

        json_array_add_string_element (normalized_ids, normalized);
      }

    json_object_set_array_member (entry, "tag_ids", g_steal_pointer (&normalized_ids));
  }

  array = json_object_get_array_member (entry, "runs");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *run_where = g_strdup_printf ("%s.runs[%u]", where, i);
      JsonNode *run = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (run))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not an object", run_where);
          return NULL;
        }

      if (!check_run (loading, json_node_get_object (run), run_where, error))
        return NULL;

      if (nexor_emulator_json_boolean (json_node_get_object (run), "is_active"))
        {
          /* Get Lead shows one active_workflow_run: a lead is in one
           * workflow at a time, a new enrollment ends the previous run. */
          if (have_active)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s: more than one active run", where);
              return NULL;
            }
          have_active = TRUE;
        }
    }

  {
    g_autofree char *history_where = g_strdup_printf ("%s.history", where);
    g_autofree char *meetings_where = g_strdup_printf ("%s.meetings", where);

    if (!check_object_items (json_object_get_array_member (entry, "history"), history_where,
                             "timestamp", error) ||
        !check_object_items (json_object_get_array_member (entry, "history"), history_where,
                             "type", error) ||
        !check_object_items (json_object_get_array_member (entry, "meetings"), meetings_where,
                             "starts_at", error) ||
        !check_object_items (json_object_get_array_member (entry, "meetings"), meetings_where,
                             "status", error))
      return NULL;
    resolve_relative_times (json_object_get_array_member (entry, "history"));
  }

  if (g_hash_table_contains (loading->lead_index, lead->id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: duplicate id %s", where, lead->id);
      return NULL;
    }

  return g_steal_pointer (&lead);
}

typedef gboolean (*CheckFunc) (JsonObject  *object,
                               const char  *where,
                               GError     **error);

static gboolean
load_objects (JsonObject  *root,
              const char  *name,
              CheckFunc    check,
              GPtrArray   *out,
              GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = json_object_get_member (root, name);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” is not an array", name);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", name, i);
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(JsonObject) copy = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not an object", where);
          return FALSE;
        }

      copy = nexor_emulator_json_object_deep_copy (json_node_get_object (element));
      if (!check (copy, where, error) ||
          !check_id_unique (ids, where, nexor_emulator_json_string (copy, "id"), error))
        return FALSE;

      g_ptr_array_add (out, g_steal_pointer (&copy));
    }

  return TRUE;
}

static void
store_rebuild_contact_index (NexorEmulatorStore *self)
{
  g_hash_table_remove_all (self->email_index);
  g_hash_table_remove_all (self->phone_index);

  for (guint i = 0; i < self->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (self->leads, i);
      JsonObject *core = nexor_emulator_lead_core (lead);
      char *email = nexor_emulator_email_key (nexor_emulator_json_string (core, "email"));
      char *phone = nexor_emulator_phone_digits (nexor_emulator_json_string (core, "phone"));

      /* The first created lead wins a shared email or phone, as the oldest
       * record would on the service. */
      if (email != NULL && !g_hash_table_contains (self->email_index, email))
        g_hash_table_insert (self->email_index, email, lead);
      else
        g_free (email);

      if (phone != NULL && !g_hash_table_contains (self->phone_index, phone))
        g_hash_table_insert (self->phone_index, phone, lead);
      else
        g_free (phone);
    }

  self->contact_index_stale = FALSE;
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
  g_auto(Loading) loading = { NULL, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *leads_node;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = nexor_emulator_json_parse_text (data, length < 0 ? strlen (data) : (gsize) length,
                                         NEXOR_EMULATOR_MAX_STATE_DEPTH, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The data is not a JSON object");
      return FALSE;
    }
  object = json_node_get_object (root);

  loading.workflows = object_array_new ();
  loading.campaigns = object_array_new ();
  loading.tags = object_array_new ();
  loading.team = object_array_new ();
  loading.processors = object_array_new ();
  loading.conversion_types = object_array_new ();
  loading.conversions = object_array_new ();
  loading.templates = object_array_new ();
  loading.webhooks = object_array_new ();
  loading.leads = g_ptr_array_new_with_free_func ((GDestroyNotify) lead_free);
  loading.lead_index = g_hash_table_new (g_str_hash, g_str_equal);

  if (!load_objects (object, "workflows", check_workflow, loading.workflows, error) ||
      !load_objects (object, "campaigns", check_campaign, loading.campaigns, error) ||
      !load_objects (object, "tags", check_tag, loading.tags, error) ||
      !load_objects (object, "team", check_team_member, loading.team, error) ||
      !load_objects (object, "conversion_types", check_conversion_type, loading.conversion_types, error) ||
      !load_objects (object, "conversions", check_conversion, loading.conversions, error) ||
      !load_objects (object, "templates", check_template, loading.templates, error) ||
      !load_objects (object, "webhooks", check_webhook, loading.webhooks, error) ||
      !load_objects (object, "processors", check_processor, loading.processors, error) ||
      !check_processor_workflows (&loading, error))
    return FALSE;

  for (guint i = 0; i < loading.tags->len; i++)
    {
      const char *slug = nexor_emulator_json_string (g_ptr_array_index (loading.tags, i), "slug");

      for (guint j = 0; j < i; j++)
        if (g_str_equal (slug, nexor_emulator_json_string (g_ptr_array_index (loading.tags, j), "slug")))
          {
            g_autofree char *shown = nexor_emulator_quote (slug, -1, NEXOR_EMULATOR_QUOTE_CHARS);

            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "tags[%u]: the slug “%s” is used twice", i, shown);
            return FALSE;
          }
    }

  leads_node = json_object_get_member (object, "leads");
  if (leads_node != NULL && !JSON_NODE_HOLDS_NULL (leads_node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (leads_node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“leads” is not an array");
          return FALSE;
        }

      array = json_node_get_array (leads_node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          NexorEmulatorLead *lead = check_lead_entry (&loading, json_array_get_element (array, i), i, error);

          if (lead == NULL)
            return FALSE;

          g_ptr_array_add (loading.leads, lead);
          g_hash_table_insert (loading.lead_index, lead->id, lead);
        }
    }

  /* A conversion belongs to a lead and, when it has one, to a type. */
  for (guint i = 0; i < loading.conversions->len; i++)
    {
      JsonObject *conversion = g_ptr_array_index (loading.conversions, i);
      const char *type_id = nexor_emulator_json_string (conversion, "conversion_type_id");
      g_autofree char *lead_id = nexor_emulator_normalize_uuid (nexor_emulator_json_string (conversion, "lead_id"));

      if (lead_id == NULL || !g_hash_table_contains (loading.lead_index, lead_id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "conversions[%u].lead_id is not the id of a lead", i);
          return FALSE;
        }
      json_object_set_string_member (conversion, "lead_id", lead_id);
      if (type_id != NULL && find_by_id (loading.conversion_types, type_id) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "conversions[%u].conversion_type_id is not the id of a conversion type", i);
          return FALSE;
        }
    }

  g_clear_pointer (&self->workflows, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->team, g_ptr_array_unref);
  g_clear_pointer (&self->processors, g_ptr_array_unref);
  g_clear_pointer (&self->conversion_types, g_ptr_array_unref);
  g_clear_pointer (&self->conversions, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->webhooks, g_ptr_array_unref);
  g_clear_pointer (&self->lead_index, g_hash_table_unref);
  g_clear_pointer (&self->leads, g_ptr_array_unref);

  self->workflows = g_steal_pointer (&loading.workflows);
  self->campaigns = g_steal_pointer (&loading.campaigns);
  self->tags = g_steal_pointer (&loading.tags);
  self->team = g_steal_pointer (&loading.team);
  self->processors = g_steal_pointer (&loading.processors);
  self->conversion_types = g_steal_pointer (&loading.conversion_types);
  self->conversions = g_steal_pointer (&loading.conversions);
  self->templates = g_steal_pointer (&loading.templates);
  self->webhooks = g_steal_pointer (&loading.webhooks);
  self->leads = g_steal_pointer (&loading.leads);
  self->lead_index = g_steal_pointer (&loading.lead_index);
  store_rebuild_contact_index (self);

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

/* State dump and the data file */

static JsonArray *
copy_objects (GPtrArray *objects)
{
  JsonArray *array = json_array_sized_new (objects->len);

  for (guint i = 0; i < objects->len; i++)
    json_array_add_object_element (array,
                                   nexor_emulator_json_object_deep_copy (g_ptr_array_index (objects, i)));

  return array;
}

/**
 * nexor_emulator_store_dup_state:
 * @self: a #NexorEmulatorStore
 *
 * Returns the whole state in the data format, which
 * nexor_emulator_store_load_data() reads back.
 *
 * Returns: (transfer full): a deep copy of the state
 */
JsonNode *
nexor_emulator_store_dup_state (NexorEmulatorStore *self)
{
  JsonObject *state;
  JsonArray *leads;
  JsonNode *node;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), NULL);

  state = json_object_new ();
  json_object_set_string_member (state, "about",
                                 "nexor-emulator state; the format is described in "
                                 "tools/nexor-emulator/README.md");
  json_object_set_array_member (state, "workflows", copy_objects (self->workflows));
  json_object_set_array_member (state, "campaigns", copy_objects (self->campaigns));
  json_object_set_array_member (state, "tags", copy_objects (self->tags));
  json_object_set_array_member (state, "team", copy_objects (self->team));
  json_object_set_array_member (state, "processors", copy_objects (self->processors));
  json_object_set_array_member (state, "conversion_types", copy_objects (self->conversion_types));
  json_object_set_array_member (state, "conversions", copy_objects (self->conversions));
  json_object_set_array_member (state, "templates", copy_objects (self->templates));
  /* Only when there are some: a state without runtime subscriptions reads
   * as it did before webhooks. */
  if (self->webhooks->len > 0)
    json_object_set_array_member (state, "webhooks", copy_objects (self->webhooks));

  leads = json_array_sized_new (self->leads->len);
  for (guint i = 0; i < self->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (self->leads, i);

      json_array_add_object_element (leads, nexor_emulator_json_object_deep_copy (lead->entry));
    }
  json_object_set_array_member (state, "leads", leads);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, state);

  return node;
}

static gboolean
store_save (NexorEmulatorStore  *self,
            GError             **error)
{
  g_autoptr(JsonNode) state = nexor_emulator_store_dup_state (self);
  g_autofree char *text = NULL;
  gsize length;

  text = nexor_json_writer_to_string (state, TRUE, &length);

  /* CONSISTENT writes a temporary file in the same directory and renames it
   * over the old one; DURABLE fsyncs it first. A kill at any moment leaves
   * either the old file or the new one, never a mix. */
  return g_file_set_contents_full (self->data_file, text, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/**
 * nexor_emulator_store_open_data_file:
 * @self: a #NexorEmulatorStore
 * @path: the state file
 * @error: return location for a #GError
 *
 * Loads @path into @self and saves every later change there. A missing
 * file starts from the seed data and is created at once, so an unwritable
 * place fails here rather than on the first write; a file that does not
 * load is an error and is left alone.
 *
 * Returns: %TRUE on success
 */
gboolean
nexor_emulator_store_open_data_file (NexorEmulatorStore  *self,
                                     const char          *path,
                                     GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!nexor_emulator_store_load_data (self, contents, (gssize) length, &local_error))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s is not a valid state file: %s", display, local_error->message);
          return FALSE;
        }
    }
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_clear_error (&local_error);
      if (!nexor_emulator_store_load_seed (self, error))
        return FALSE;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_free (self->data_file);
  self->data_file = g_strdup (path);

  if (!store_save (self, error))
    {
      g_clear_pointer (&self->data_file, g_free);
      return FALSE;
    }

  self->changed = FALSE;
  return TRUE;
}

const char *
nexor_emulator_store_get_data_file (NexorEmulatorStore *self)
{
  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), NULL);

  return self->data_file;
}

/**
 * nexor_emulator_store_save_if_changed:
 * @self: a #NexorEmulatorStore
 * @error: return location for a #GError
 *
 * Writes the state file if there is one and something changed since the
 * last save.
 *
 * Returns: %TRUE unless the file could not be written
 */
gboolean
nexor_emulator_store_save_if_changed (NexorEmulatorStore  *self,
                                      GError             **error)
{
  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), FALSE);

  if (!self->changed)
    return TRUE;

  self->changed = FALSE;

  if (self->data_file == NULL)
    return TRUE;

  return store_save (self, error);
}

void
nexor_emulator_store_mark_changed (NexorEmulatorStore *self)
{
  self->changed = TRUE;
}

/* Lookups */

guint
nexor_emulator_store_get_n_leads (NexorEmulatorStore *self)
{
  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), 0);

  return self->leads->len;
}

NexorEmulatorLead *
nexor_emulator_store_find_lead (NexorEmulatorStore *self,
                                const char         *id)
{
  g_autofree char *normalized = NULL;

  if (id == NULL)
    return NULL;

  normalized = nexor_emulator_normalize_uuid (id);
  if (normalized == NULL)
    return NULL;

  return g_hash_table_lookup (self->lead_index, normalized);
}

gboolean
nexor_emulator_store_has_lead (NexorEmulatorStore *self,
                               const char         *id)
{
  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return nexor_emulator_store_find_lead (self, id) != NULL;
}

NexorEmulatorLead *
nexor_emulator_store_find_by_email (NexorEmulatorStore *self,
                                    const char         *email)
{
  g_autofree char *key = nexor_emulator_email_key (email);

  if (key == NULL)
    return NULL;

  if (self->contact_index_stale)
    store_rebuild_contact_index (self);

  return g_hash_table_lookup (self->email_index, key);
}

NexorEmulatorLead *
nexor_emulator_store_find_by_phone (NexorEmulatorStore *self,
                                    const char         *phone)
{
  g_autofree char *key = nexor_emulator_phone_digits (phone);

  if (key == NULL)
    return NULL;

  if (self->contact_index_stale)
    store_rebuild_contact_index (self);

  return g_hash_table_lookup (self->phone_index, key);
}

JsonObject *
nexor_emulator_store_find_workflow (NexorEmulatorStore *self,
                                    const char         *id)
{
  return id != NULL ? find_by_id (self->workflows, id) : NULL;
}

JsonObject *
nexor_emulator_store_find_campaign (NexorEmulatorStore *self,
                                    const char         *id)
{
  return id != NULL ? find_by_id (self->campaigns, id) : NULL;
}

JsonObject *
nexor_emulator_store_find_processor (NexorEmulatorStore *self,
                                     const char         *id)
{
  return id != NULL ? find_by_id (self->processors, id) : NULL;
}

JsonObject *
nexor_emulator_store_find_conversion_type (NexorEmulatorStore *self,
                                           const char         *id)
{
  return id != NULL ? find_by_id (self->conversion_types, id) : NULL;
}

JsonObject *
nexor_emulator_store_find_template (NexorEmulatorStore *self,
                                    const char         *id)
{
  return id != NULL ? find_by_id (self->templates, id) : NULL;
}

/* Takes @conversion, complete and checked. */
void
nexor_emulator_store_add_conversion (NexorEmulatorStore *self,
                                     JsonObject         *conversion)
{
  g_ptr_array_add (self->conversions, conversion);
  self->changed = TRUE;
}

JsonObject *
nexor_emulator_store_find_tag (NexorEmulatorStore *self,
                               const char         *id)
{
  return id != NULL ? find_by_id (self->tags, id) : NULL;
}

JsonObject *
nexor_emulator_store_find_tag_by_slug (NexorEmulatorStore *self,
                                       const char         *slug)
{
  for (guint i = 0; i < self->tags->len; i++)
    {
      JsonObject *tag = g_ptr_array_index (self->tags, i);

      if (g_strcmp0 (nexor_emulator_json_string (tag, "slug"), slug) == 0)
        return tag;
    }

  return NULL;
}

JsonObject *
nexor_emulator_workflow_find_status (JsonObject *workflow,
                                     const char *key_or_id,
                                     gboolean    by_id)
{
  JsonArray *statuses = json_object_get_array_member (workflow, "statuses");

  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonObject *status = json_array_get_object_element (statuses, i);

      if (by_id ? nexor_emulator_id_equal (nexor_emulator_json_string (status, "id"), key_or_id)
                : g_strcmp0 (nexor_emulator_json_string (status, "key"), key_or_id) == 0)
        return status;
    }

  return NULL;
}

/* The status a new run starts in: the one marked initial, else the first. */
JsonObject *
nexor_emulator_workflow_initial_status (JsonObject *workflow)
{
  JsonArray *statuses = json_object_get_array_member (workflow, "statuses");

  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonObject *status = json_array_get_object_element (statuses, i);

      if (nexor_emulator_json_boolean (status, "is_initial"))
        return status;
    }

  if (json_array_get_length (statuses) > 0)
    return json_array_get_object_element (statuses, 0);

  return NULL;
}

/* A workflow with a call step calls its leads, so it can only take leads
 * with a phone (nexor-api.md §3.1, §3.27). */
gboolean
nexor_emulator_workflow_has_call_steps (JsonObject *workflow)
{
  JsonArray *steps = json_object_get_array_member (workflow, "steps");

  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (g_strcmp0 (json_array_get_string_element (steps, i), "call") == 0)
      return TRUE;

  return FALSE;
}

/* Lead records */

JsonObject *
nexor_emulator_lead_core (NexorEmulatorLead *lead)
{
  return json_object_get_object_member (lead->entry, "lead");
}

JsonArray *
nexor_emulator_lead_runs (NexorEmulatorLead *lead)
{
  return json_object_get_array_member (lead->entry, "runs");
}

JsonArray *
nexor_emulator_lead_tag_ids (NexorEmulatorLead *lead)
{
  return json_object_get_array_member (lead->entry, "tag_ids");
}

JsonArray *
nexor_emulator_lead_history (NexorEmulatorLead *lead)
{
  return json_object_get_array_member (lead->entry, "history");
}

JsonArray *
nexor_emulator_lead_meetings (NexorEmulatorLead *lead)
{
  return json_object_get_array_member (lead->entry, "meetings");
}

JsonObject *
nexor_emulator_lead_active_run (NexorEmulatorLead *lead)
{
  JsonArray *runs = nexor_emulator_lead_runs (lead);

  for (guint i = json_array_get_length (runs); i > 0; i--)
    {
      JsonObject *run = json_array_get_object_element (runs, i - 1);

      if (nexor_emulator_json_boolean (run, "is_active"))
        return run;
    }

  return NULL;
}

/* The run Get Lead shows: the active one, else the most recent one (ended
 * in a terminal status, with is_active false), else none. */
JsonObject *
nexor_emulator_lead_shown_run (NexorEmulatorLead *lead)
{
  JsonObject *active = nexor_emulator_lead_active_run (lead);
  JsonArray *runs = nexor_emulator_lead_runs (lead);
  guint n = json_array_get_length (runs);

  if (active != NULL)
    return active;

  return n > 0 ? json_array_get_object_element (runs, n - 1) : NULL;
}

NexorEmulatorLead *
nexor_emulator_store_add_lead (NexorEmulatorStore *self,
                               JsonObject         *core)
{
  NexorEmulatorLead *lead = g_new0 (NexorEmulatorLead, 1);
  JsonObject *entry = json_object_new ();
  char *email;
  char *phone;

  lead->id = g_strdup (nexor_emulator_json_string (core, "id"));
  lead->entry = entry;

  json_object_set_string_member (entry, "shape", "current");
  json_object_set_object_member (entry, "lead", json_object_ref (core));
  json_object_set_null_member (entry, "campaign_id");
  json_object_set_array_member (entry, "tag_ids", json_array_new ());
  json_object_set_array_member (entry, "runs", json_array_new ());
  json_object_set_object_member (entry, "variables", json_object_new ());
  json_object_set_null_member (entry, "assigned_user");
  json_object_set_array_member (entry, "history", json_array_new ());
  json_object_set_array_member (entry, "meetings", json_array_new ());

  g_ptr_array_add (self->leads, lead);
  g_hash_table_insert (self->lead_index, lead->id, lead);

  email = nexor_emulator_email_key (nexor_emulator_json_string (core, "email"));
  if (email != NULL && !g_hash_table_contains (self->email_index, email))
    g_hash_table_insert (self->email_index, email, lead);
  else
    g_free (email);

  phone = nexor_emulator_phone_digits (nexor_emulator_json_string (core, "phone"));
  if (phone != NULL && !g_hash_table_contains (self->phone_index, phone))
    g_hash_table_insert (self->phone_index, phone, lead);
  else
    g_free (phone);

  self->changed = TRUE;

  return lead;
}

/* An email or phone of an existing lead changed: the indexes are rebuilt on
 * the next lookup. */
void
nexor_emulator_store_contacts_changed (NexorEmulatorStore *self)
{
  self->contact_index_stale = TRUE;
}

JsonObject *
nexor_emulator_store_add_tag (NexorEmulatorStore *self,
                              const char         *name,
                              const char         *slug,
                              const char         *description)
{
  g_autofree char *id = nexor_emulator_new_id ();
  g_autofree char *now = nexor_emulator_now ();
  JsonObject *tag = json_object_new ();

  json_object_set_string_member (tag, "id", id);
  json_object_set_string_member (tag, "name", name);
  json_object_set_string_member (tag, "slug", slug);
  if (description != NULL)
    json_object_set_string_member (tag, "description", description);
  else
    json_object_set_null_member (tag, "description");
  json_object_set_string_member (tag, "created_at", now);
  json_object_set_string_member (tag, "updated_at", now);

  g_ptr_array_add (self->tags, tag);
  self->changed = TRUE;

  return tag;
}

/* Deletes @tag and takes it off every lead, each of which records it. */
void
nexor_emulator_store_remove_tag (NexorEmulatorStore *self,
                                 JsonObject         *tag)
{
  g_autofree char *now = nexor_emulator_now ();
  g_autofree char *title = g_strdup_printf ("Tag “%s” removed", nexor_emulator_json_string (tag, "name"));
  const char *id = nexor_emulator_json_string (tag, "id");

  for (guint i = 0; i < self->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (self->leads, i);
      JsonArray *tag_ids = nexor_emulator_lead_tag_ids (lead);

      for (guint j = 0; j < json_array_get_length (tag_ids); j++)
        {
          if (nexor_emulator_id_equal (json_array_get_string_element (tag_ids, j), id))
            {
              json_array_remove_element (tag_ids, j);
              nexor_emulator_lead_add_activity (lead, "tags_changed", title,
                                                "The tag was deleted", "api", now);
              nexor_emulator_lead_touch (lead, now);
              break;
            }
        }
    }

  g_ptr_array_remove (self->tags, tag);
  self->changed = TRUE;
}

void
nexor_emulator_lead_touch (NexorEmulatorLead *lead,
                           const char        *now)
{
  json_object_set_string_member (nexor_emulator_lead_core (lead), "updated_at", now);
}

JsonObject *
nexor_emulator_lead_add_activity (NexorEmulatorLead *lead,
                                  const char        *activity_type,
                                  const char        *title,
                                  const char        *description,
                                  const char        *actor_type,
                                  const char        *now)
{
  g_autofree char *id = nexor_emulator_new_id ();
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "type", "activity");
  json_object_set_string_member (item, "id", id);
  json_object_set_string_member (item, "channel", "system");
  json_object_set_string_member (item, "activity_type", activity_type);
  json_object_set_string_member (item, "title", title);
  if (description != NULL)
    json_object_set_string_member (item, "description", description);
  else
    json_object_set_null_member (item, "description");
  json_object_set_string_member (item, "actor_type", actor_type);
  json_object_set_string_member (item, "timestamp", now);

  /* History is kept oldest first; new events are the newest. */
  json_array_add_object_element (nexor_emulator_lead_history (lead), item);

  return item;
}

guint
nexor_emulator_run_remaining_steps (JsonObject *run,
                                    JsonObject *workflow)
{
  guint total = json_array_get_length (json_object_get_array_member (workflow, "steps"));
  gint64 step = nexor_emulator_json_int (run, "step_index");

  return step < total ? total - (guint) step : 0;
}

/* A new active run at @first_step, with a task pending for each step left.
 * @first_channel overrides the step's own channel (force_first_channel). */
JsonObject *
nexor_emulator_lead_start_run (NexorEmulatorLead *lead,
                               JsonObject        *workflow,
                               guint              first_step,
                               const char        *first_channel,
                               const char        *now)
{
  g_autofree char *id = nexor_emulator_new_id ();
  g_autofree char *job_id = NULL;
  JsonArray *steps = json_object_get_array_member (workflow, "steps");
  JsonObject *status = nexor_emulator_workflow_initial_status (workflow);
  JsonObject *run = json_object_new ();
  const char *channel = first_channel;

  job_id = g_strdup_printf ("job-%.8s", id);
  if (channel == NULL && first_step < json_array_get_length (steps))
    channel = json_array_get_string_element (steps, first_step);

  json_object_set_string_member (run, "id", id);
  json_object_set_string_member (run, "job_id", job_id);
  json_object_set_string_member (run, "workflow_id", nexor_emulator_json_string (workflow, "id"));
  if (status != NULL)
    json_object_set_string_member (run, "status_id", nexor_emulator_json_string (status, "id"));
  else
    json_object_set_null_member (run, "status_id");
  json_object_set_boolean_member (run, "is_active", TRUE);
  json_object_set_boolean_member (run, "human_takeover", FALSE);
  /* A paused workflow enrolls, but its cadence waits for the unpause. */
  json_object_set_string_member (run, "cadence_state",
                                 nexor_emulator_json_boolean (workflow, "paused") ? "waiting" : "active");
  json_object_set_string_member (run, "run_status", "running");
  json_object_set_int_member (run, "step_index", first_step);
  if (channel != NULL)
    json_object_set_string_member (run, "channel", channel);
  else
    json_object_set_null_member (run, "channel");
  json_object_set_int_member (run, "attempt_number", 1);
  json_object_set_int_member (run, "pending_tasks", 0);
  json_object_set_null_member (run, "reason");
  json_object_set_null_member (run, "actor_id");
  json_object_set_string_member (run, "created_at", now);
  json_object_set_null_member (run, "ended_at");

  json_object_set_int_member (run, "pending_tasks", nexor_emulator_run_remaining_steps (run, workflow));

  json_array_add_object_element (nexor_emulator_lead_runs (lead), run);

  return run;
}

/* Ends @run: no longer active, its pending tasks cancelled. Returns how many
 * were. */
guint
nexor_emulator_run_end (JsonObject *run,
                        const char *run_status,
                        const char *reason,
                        const char *now)
{
  guint cancelled = (guint) nexor_emulator_json_int (run, "pending_tasks");

  json_object_set_boolean_member (run, "is_active", FALSE);
  json_object_set_string_member (run, "run_status", run_status);
  json_object_set_string_member (run, "cadence_state", "stopped");
  json_object_set_int_member (run, "pending_tasks", 0);
  if (reason != NULL)
    json_object_set_string_member (run, "reason", reason);
  json_object_set_string_member (run, "ended_at", now);

  return cancelled;
}

/* Rendering */

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

static void
copy_members (JsonObject         *to,
              JsonObject         *from,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    copy_member_or_null (to, from, names[i], names[i]);
}

JsonObject *
nexor_emulator_render_tag_brief (JsonObject *tag)
{
  static const char * const names[] = { "id", "name", "slug", NULL };
  JsonObject *object = json_object_new ();

  copy_members (object, tag, names);
  return object;
}

/* GET /workflows and /workflows/{id}: undocumented, so the emulator's own
 * shape: the embedded summary's members, then what set_lead_status and a
 * lead's creation need to know (statuses, steps, has_call_steps). */
JsonObject *
nexor_emulator_render_workflow (JsonObject *workflow)
{
  static const char * const names[] = { "id", "name", "goal_type", "paused", NULL };
  static const char * const status_names[] = {
    "id", "key", "label", "category", "color", "is_initial", "is_terminal", NULL
  };
  JsonArray *statuses = json_object_get_array_member (workflow, "statuses");
  JsonArray *rendered = json_array_new ();
  JsonObject *object = json_object_new ();

  copy_members (object, workflow, names);
  json_object_set_boolean_member (object, "has_call_steps", nexor_emulator_workflow_has_call_steps (workflow));
  copy_member_or_null (object, workflow, "steps", "steps");
  copy_member_or_null (object, workflow, "max_attempts", "max_attempts");

  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonObject *status = json_object_new ();

      copy_members (status, json_array_get_object_element (statuses, i), status_names);
      json_array_add_object_element (rendered, status);
    }
  json_object_set_array_member (object, "statuses", rendered);

  return object;
}

JsonObject *
nexor_emulator_render_campaign (JsonObject *campaign)
{
  static const char * const names[] = { "id", "name", NULL };
  JsonObject *object = json_object_new ();

  copy_members (object, campaign, names);
  return object;
}

JsonObject *
nexor_emulator_render_tag_full (JsonObject *tag,
                                gboolean    with_updated_at)
{
  static const char * const names[] = { "id", "name", "slug", "description", "created_at", NULL };
  JsonObject *object = json_object_new ();

  copy_members (object, tag, names);
  if (with_updated_at)
    copy_member_or_null (object, tag, "updated_at", "updated_at");

  return object;
}

JsonArray *
nexor_emulator_render_lead_tags (NexorEmulatorStore *self,
                                 NexorEmulatorLead  *lead)
{
  JsonArray *tag_ids = nexor_emulator_lead_tag_ids (lead);
  JsonArray *tags = json_array_new ();

  for (guint i = 0; i < json_array_get_length (tag_ids); i++)
    {
      JsonObject *tag = nexor_emulator_store_find_tag (self, json_array_get_string_element (tag_ids, i));

      if (tag != NULL)
        json_array_add_object_element (tags, nexor_emulator_render_tag_brief (tag));
    }

  return tags;
}

static JsonObject *
render_campaign (NexorEmulatorStore *self,
                 NexorEmulatorLead  *lead)
{
  static const char * const names[] = { "id", "name", NULL };
  JsonObject *campaign;
  JsonObject *object;

  campaign = nexor_emulator_store_find_campaign (self, nexor_emulator_json_string (lead->entry, "campaign_id"));
  if (campaign == NULL)
    return NULL;

  object = json_object_new ();
  copy_members (object, campaign, names);
  return object;
}

static JsonObject *
render_workflow_summary (JsonObject *workflow,
                         gboolean    with_goal_type)
{
  JsonObject *object = json_object_new ();

  copy_member_or_null (object, workflow, "id", "id");
  copy_member_or_null (object, workflow, "name", "name");
  if (with_goal_type)
    copy_member_or_null (object, workflow, "goal_type", "goal_type");

  return object;
}

/* The current page's status has no color; the legacy page's has. */
static JsonObject *
render_status (JsonObject *status,
               gboolean    with_color)
{
  JsonObject *object = json_object_new ();

  copy_member_or_null (object, status, "id", "id");
  copy_member_or_null (object, status, "key", "key");
  copy_member_or_null (object, status, "label", "label");
  if (with_color)
    copy_member_or_null (object, status, "color", "color");
  copy_member_or_null (object, status, "category", "category");

  return object;
}

static JsonObject *
run_status_object (NexorEmulatorStore *self,
                   JsonObject         *run,
                   JsonObject        **out_workflow)
{
  JsonObject *workflow = nexor_emulator_store_find_workflow (self, nexor_emulator_json_string (run, "workflow_id"));
  const char *status_id = nexor_emulator_json_string (run, "status_id");

  *out_workflow = workflow;
  if (workflow == NULL || status_id == NULL)
    return NULL;

  return nexor_emulator_workflow_find_status (workflow, status_id, TRUE);
}

static JsonObject *
render_active_run (NexorEmulatorStore *self,
                   JsonObject         *run)
{
  static const char * const names[] = {
    "id", "workflow_id", "is_active", "human_takeover", "cadence_state", "run_status", NULL
  };
  JsonObject *object = json_object_new ();
  JsonObject *workflow;
  JsonObject *status = run_status_object (self, run, &workflow);

  copy_members (object, run, names);
  if (workflow != NULL)
    json_object_set_object_member (object, "workflow", render_workflow_summary (workflow, TRUE));
  else
    json_object_set_null_member (object, "workflow");
  if (status != NULL)
    json_object_set_object_member (object, "current_status", render_status (status, FALSE));
  else
    json_object_set_null_member (object, "current_status");

  return object;
}

/**
 * nexor_emulator_render_lead_current:
 * @self: a #NexorEmulatorStore
 * @lead: a lead
 *
 * Returns: (transfer full): the `lead` of the current Get Lead page
 */
JsonObject *
nexor_emulator_render_lead_current (NexorEmulatorStore *self,
                                    NexorEmulatorLead  *lead)
{
  static const char * const names[] = {
    "id", "first_name", "last_name", "email", "phone", "source", "company", "title", "metadata", NULL
  };
  JsonObject *core = nexor_emulator_lead_core (lead);
  JsonObject *object = json_object_new ();
  JsonObject *campaign;
  JsonObject *run;

  copy_members (object, core, names);
  /* Not on the Get Lead page; shown once a client set one. */
  if (nexor_emulator_json_string (core, "external_id") != NULL)
    copy_member_or_null (object, core, "external_id", "external_id");
  json_object_set_array_member (object, "tags", nexor_emulator_render_lead_tags (self, lead));

  campaign = render_campaign (self, lead);
  if (campaign != NULL)
    json_object_set_object_member (object, "campaign", campaign);
  else
    json_object_set_null_member (object, "campaign");

  run = nexor_emulator_lead_shown_run (lead);
  if (run != NULL)
    json_object_set_object_member (object, "active_workflow_run", render_active_run (self, run));
  else
    json_object_set_null_member (object, "active_workflow_run");

  copy_member_or_null (object, core, "created_at", "created_at");
  copy_member_or_null (object, core, "updated_at", "updated_at");

  return object;
}

/* The legacy Get Lead page documents a bare object: the run reduced to four
 * fields under camelCase `activeWorkflowRun`, its workflow and status hoisted
 * to the lead (the status with its `color`), plus `assigned_user`; no tags,
 * variables, `updated_at` or envelope. */
static JsonNode *
build_legacy_response (NexorEmulatorStore *self,
                       NexorEmulatorLead  *lead)
{
  static const char * const lead_fields[] = {
    "id", "first_name", "last_name", "email", "phone", "source",
    "company", "title", "metadata", NULL
  };
  static const char * const run_fields[] = {
    "id", "workflow_id", "is_active", "run_status", NULL
  };
  JsonObject *core = nexor_emulator_lead_core (lead);
  JsonObject *body = json_object_new ();
  JsonObject *campaign;
  JsonObject *run;
  JsonNode *node;

  copy_members (body, core, lead_fields);

  campaign = render_campaign (self, lead);
  if (campaign != NULL)
    json_object_set_object_member (body, "campaign", campaign);
  else
    json_object_set_null_member (body, "campaign");

  run = nexor_emulator_lead_shown_run (lead);
  if (run != NULL)
    {
      JsonObject *legacy_run = json_object_new ();
      JsonObject *workflow;
      JsonObject *status = run_status_object (self, run, &workflow);

      copy_members (legacy_run, run, run_fields);
      json_object_set_object_member (body, "activeWorkflowRun", legacy_run);

      if (workflow != NULL)
        json_object_set_object_member (body, "workflow", render_workflow_summary (workflow, TRUE));
      else
        json_object_set_null_member (body, "workflow");

      if (status != NULL)
        json_object_set_object_member (body, "currentStatus", render_status (status, TRUE));
      else
        json_object_set_null_member (body, "currentStatus");
    }
  else
    {
      json_object_set_null_member (body, "activeWorkflowRun");
      json_object_set_null_member (body, "workflow");
      json_object_set_null_member (body, "currentStatus");
    }

  copy_member_or_null (body, lead->entry, "assigned_user", "assigned_user");
  copy_member_or_null (body, core, "created_at", "created_at");

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, body);

  return node;
}

static JsonNode *
build_current_response (NexorEmulatorStore *self,
                        NexorEmulatorLead  *lead)
{
  JsonObject *body = json_object_new ();
  JsonNode *node;

  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_object_member (body, "lead", nexor_emulator_render_lead_current (self, lead));
  json_object_set_object_member (body, "variables",
                                 nexor_emulator_json_object_deep_copy (
                                   json_object_get_object_member (lead->entry, "variables")));

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
  NexorEmulatorLead *lead;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  lead = nexor_emulator_store_find_lead (self, id);
  if (lead == NULL)
    return NULL;

  if (g_str_equal (nexor_emulator_json_string (lead->entry, "shape"), "legacy"))
    return build_legacy_response (self, lead);

  return build_current_response (self, lead);
}

/* The lead of a Create Lead answer, as on the page. */
JsonObject *
nexor_emulator_render_lead_created (NexorEmulatorLead *lead)
{
  static const char * const names[] = {
    "id", "first_name", "last_name", "email", "phone", "source", "company", "title",
    "metadata", "created_at", NULL
  };
  JsonObject *object = json_object_new ();

  copy_members (object, nexor_emulator_lead_core (lead), names);
  return object;
}

/* The lead of an Update Lead answer: the flat campaign_id, no relations. */
JsonObject *
nexor_emulator_render_lead_updated (NexorEmulatorLead *lead)
{
  static const char * const names[] = {
    "id", "first_name", "last_name", "email", "phone", "company", "title", "source", NULL
  };
  JsonObject *core = nexor_emulator_lead_core (lead);
  JsonObject *object = json_object_new ();

  copy_members (object, core, names);
  copy_member_or_null (object, lead->entry, "campaign_id", "campaign_id");
  copy_member_or_null (object, core, "metadata", "metadata");
  copy_member_or_null (object, core, "created_at", "created_at");

  return object;
}

/* The lead of a history answer. */
JsonObject *
nexor_emulator_render_lead_summary (NexorEmulatorLead *lead)
{
  static const char * const names[] = {
    "id", "first_name", "last_name", "phone", "email", "source", "created_at", NULL
  };
  JsonObject *object = json_object_new ();

  copy_members (object, nexor_emulator_lead_core (lead), names);
  return object;
}

/* The workflow_run of a Create Lead answer. */
JsonObject *
nexor_emulator_render_run_summary (NexorEmulatorStore *self,
                                   JsonObject         *run)
{
  JsonObject *workflow = nexor_emulator_store_find_workflow (self, nexor_emulator_json_string (run, "workflow_id"));
  JsonObject *object = json_object_new ();
  JsonObject *cadence = json_object_new ();

  copy_member_or_null (object, run, "id", "id");
  copy_member_or_null (object, run, "job_id", "job_id");
  json_object_set_object_member (object, "workflow", render_workflow_summary (workflow, FALSE));

  json_object_set_int_member (cadence, "stepIndex", nexor_emulator_json_int (run, "step_index"));
  copy_member_or_null (cadence, run, "channel", "channel");
  json_object_set_int_member (cadence, "attemptNumber", nexor_emulator_json_int (run, "attempt_number"));
  json_object_set_int_member (cadence, "maxAttempts", nexor_emulator_json_int (workflow, "max_attempts"));
  json_object_set_int_member (cadence, "totalSteps",
                              json_array_get_length (json_object_get_array_member (workflow, "steps")));
  json_object_set_object_member (object, "cadence", cadence);

  return object;
}

/**
 * nexor_emulator_store_dup_webhooks:
 * @self: the state
 *
 * Returns: (transfer full): a copy of the webhook subscriptions kept in the
 *   state (`{id, url, secret, events, created_at}` each)
 */
JsonArray *
nexor_emulator_store_dup_webhooks (NexorEmulatorStore *self)
{
  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (self), NULL);

  return copy_objects (self->webhooks);
}

/**
 * nexor_emulator_store_set_webhooks:
 * @self: the state
 * @webhooks: the subscriptions to keep, in the form
 *   nexor_emulator_store_dup_webhooks() returns
 *
 * Replaces the subscriptions kept in the state and marks it changed; the
 * caller saves it.
 */
void
nexor_emulator_store_set_webhooks (NexorEmulatorStore *self,
                                   JsonArray          *webhooks)
{
  g_return_if_fail (NEXOR_EMULATOR_IS_STORE (self));

  g_ptr_array_set_size (self->webhooks, 0);
  for (guint i = 0; i < json_array_get_length (webhooks); i++)
    g_ptr_array_add (self->webhooks,
                     nexor_emulator_json_object_deep_copy (json_array_get_object_element (webhooks, i)));
  self->changed = TRUE;
}
