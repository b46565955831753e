/* nexor-emulator-routes-conversions.c: conversions and conversion types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * POST /conversions takes the documented body (conversion_type_id, lead_id,
 * amount, …) and the other body the service's own recipes post (lead_email,
 * amount, currency, description, metadata; no type): a conversion without a
 * type has a null conversion_type_id and null conversion_types. The choices
 * the docs leave open are listed in docs/emulator.md.
 */

#include "nexor-emulator-routes-private.h"

#include <math.h>
#include <string.h>

#include <libsoup/soup.h>

#include "nexor-emulator-json.h"

static JsonNode *
reply_type_not_found (NexorEmulatorRequest *request)
{
  return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found",
                                     "Conversion type not found or does not belong to your account");
}

static gboolean
is_currency_code (const char *text)
{
  if (strlen (text) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

/* A member that is absent or null is unset; one of another type is an
 * error. Returns the error message (to free) or NULL. */
static char *
check_uuid_member (JsonObject  *body,
                   const char  *name,
                   char       **out)
{
  const char *text = NULL;
  gboolean present;
  char *message = nexor_emulator_check_string (body, name, TRUE, &present, &text);

  *out = NULL;
  if (message != NULL || text == NULL)
    return message;

  *out = nexor_emulator_normalize_uuid (text);
  if (*out == NULL)
    return g_strdup_printf ("%s must be a UUID", name);

  return NULL;
}

/* The type's fields, as the two answers embed them: create without the
 * category, the list with it (§5 of the API notes). */
static JsonNode *
render_type_brief (JsonObject *type,
                   gboolean    with_category)
{
  JsonObject *brief;
  JsonNode *node;

  if (type == NULL)
    return json_node_new (JSON_NODE_NULL);

  brief = json_object_new ();
  json_object_set_string_member (brief, "name", nexor_emulator_json_string (type, "name"));
  if (with_category)
    json_object_set_string_member (brief, "category", nexor_emulator_json_string (type, "category"));
  json_object_set_member (brief, "fields",
                          json_node_copy (json_object_get_member (type, "fields")));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, brief);
  return node;
}

static JsonObject *
render_conversion (NexorEmulatorStore *store,
                   JsonObject         *conversion,
                   gboolean            listed)
{
  static const char * const members[] = {
    "id", "conversion_type_id", "lead_id", "workflow_id", "master_workflow_id", "workflow_run_id",
    "amount", "currency", "metadata", "notes", "converted_at", "created_at", NULL
  };
  JsonObject *type = nexor_emulator_store_find_conversion_type (
    store, nexor_emulator_json_string (conversion, "conversion_type_id"));
  JsonObject *out = json_object_new ();

  for (guint i = 0; members[i] != NULL; i++)
    json_object_set_member (out, members[i], json_node_copy (json_object_get_member (conversion, members[i])));
  json_object_set_member (out, "conversion_types", render_type_brief (type, listed));

  return out;
}

static JsonObject *
render_type (JsonObject *type)
{
  static const char * const members[] = {
    "id", "name", "description", "category", "currency", "fields", "workflow_id",
    "master_workflow_id", "created_at", NULL
  };
  JsonObject *out = json_object_new ();

  for (guint i = 0; members[i] != NULL; i++)
    json_object_set_member (out, members[i], json_node_copy (json_object_get_member (type, members[i])));

  return out;
}

/* POST /conversions */

JsonNode *
nexor_emulator_route_create_conversion (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *message = NULL;
  g_autofree char *type_id = NULL;
  g_autofree char *lead_id = NULL;
  g_autofree char *run_id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *converted_at = NULL;
  const char *lead_email = NULL;
  const char *currency = NULL;
  const char *converted_text = NULL;
  const char *notes = NULL;
  const char *description = NULL;
  gboolean has_notes = FALSE;
  gboolean present = FALSE;
  NexorEmulatorLead *lead = NULL;
  JsonObject *type = NULL;
  JsonObject *metadata = NULL;
  JsonObject *conversion;
  JsonObject *answer;
  JsonNode *amount;
  double amount_value;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The body must be a JSON object");

  /* Every member is checked before anything is looked up or changed. */
  if ((message = check_uuid_member (body, "conversion_type_id", &type_id)) != NULL ||
      (message = check_uuid_member (body, "lead_id", &lead_id)) != NULL ||
      (message = check_uuid_member (body, "workflow_run_id", &run_id)) != NULL ||
      (message = nexor_emulator_check_string (body, "lead_email", TRUE, &present, &lead_email)) != NULL ||
      (message = nexor_emulator_check_string (body, "currency", TRUE, &present, &currency)) != NULL ||
      (message = nexor_emulator_check_string (body, "converted_at", TRUE, &present, &converted_text)) != NULL ||
      (message = nexor_emulator_check_string (body, "notes", TRUE, &has_notes, &notes)) != NULL ||
      (message = nexor_emulator_check_string (body, "description", TRUE, &present, &description)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", message);

  if (lead_id == NULL && lead_email == NULL)
    return nexor_emulator_reply_invalid (request, "lead_id is required");
  /* The documented body names its type; only the recipe's, which finds the
   * lead by email, goes without one. */
  if (type_id == NULL && lead_email == NULL)
    return nexor_emulator_reply_invalid (request, "conversion_type_id is required");

  amount = json_object_get_member (body, "amount");
  if (amount == NULL || JSON_NODE_HOLDS_NULL (amount))
    return nexor_emulator_reply_invalid (request, "amount is required");
  if (!JSON_NODE_HOLDS_VALUE (amount) ||
      (json_node_get_value_type (amount) != G_TYPE_INT64 && json_node_get_value_type (amount) != G_TYPE_DOUBLE))
    return nexor_emulator_reply_invalid (request, "amount must be a number");
  amount_value = json_node_get_value_type (amount) == G_TYPE_INT64 ? (double) json_node_get_int (amount)
                                                                    : json_node_get_double (amount);
  if (!isfinite (amount_value) || amount_value < 0)
    return nexor_emulator_reply_invalid (request, "amount must be 0 or more");

  if (currency != NULL && !is_currency_code (currency))
    return nexor_emulator_reply_invalid (request, "currency must be a three-letter ISO 4217 code in capitals, such as USD");

  if (converted_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (converted_text, utc);
      g_autoptr(GDateTime) when_utc = NULL;

      if (when == NULL)
        return nexor_emulator_reply_invalid (request, "converted_at must be an ISO 8601 date and time");
      when_utc = g_date_time_to_utc (when);
      converted_at = g_date_time_format (when_utc, "%Y-%m-%dT%H:%M:%SZ");
    }

  if (json_object_has_member (body, "metadata") && !JSON_NODE_HOLDS_NULL (json_object_get_member (body, "metadata")))
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "metadata")))
        return nexor_emulator_reply_invalid (request, "metadata must be an object");
      metadata = json_object_get_object_member (body, "metadata");
    }

  /* Now the references: the lead, then the type, then the run. */
  if (lead_id != NULL)
    lead = nexor_emulator_store_find_lead (request->store, lead_id);
  else
    lead = nexor_emulator_store_find_by_email (request->store, lead_email);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);
  if (lead_id != NULL && lead_email != NULL &&
      lead != nexor_emulator_store_find_by_email (request->store, lead_email))
    return nexor_emulator_reply_invalid (request, "lead_email is not the email of the lead lead_id names");

  if (type_id != NULL)
    {
      type = nexor_emulator_store_find_conversion_type (request->store, type_id);
      if (type == NULL || !nexor_emulator_json_boolean (type, "active"))
        return reply_type_not_found (request);
    }

  if (run_id != NULL)
    {
      JsonArray *runs = nexor_emulator_lead_runs (lead);
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (runs) && !found; i++)
        found = nexor_emulator_id_equal (nexor_emulator_json_string (json_array_get_object_element (runs, i), "id"),
                                         run_id);
      if (!found)
        return nexor_emulator_reply_invalid (request, "workflow_run_id is not a workflow run of this lead");
    }

  /* The type's number fields take numbers; other keys are free. */
  if (type != NULL && metadata != NULL)
    {
      JsonArray *fields = json_object_get_array_member (type, "fields");

      for (guint i = 0; i < json_array_get_length (fields); i++)
        {
          JsonObject *field = json_array_get_object_element (fields, i);
          const char *key = nexor_emulator_json_string (field, "key");
          JsonNode *value = json_object_get_member (metadata, key);

          if (value != NULL && !JSON_NODE_HOLDS_NULL (value) &&
              g_str_equal (nexor_emulator_json_string (field, "type"), "number") &&
              (!JSON_NODE_HOLDS_VALUE (value) ||
               (json_node_get_value_type (value) != G_TYPE_INT64 &&
                json_node_get_value_type (value) != G_TYPE_DOUBLE)))
            return nexor_emulator_reply_invalid (request, "metadata.%s must be a number", key);
        }
    }

  now = nexor_emulator_now ();
  conversion = json_object_new ();
  {
    g_autofree char *id = nexor_emulator_new_id ();

    json_object_set_string_member (conversion, "id", id);
  }
  if (type != NULL)
    json_object_set_string_member (conversion, "conversion_type_id", nexor_emulator_json_string (type, "id"));
  else
    json_object_set_null_member (conversion, "conversion_type_id");
  json_object_set_string_member (conversion, "lead_id",
                                 nexor_emulator_json_string (nexor_emulator_lead_core (lead), "id"));
  json_object_set_member (conversion, "amount", json_node_copy (amount));
  json_object_set_string_member (conversion, "currency",
                                 currency != NULL ? currency :
                                 type != NULL ? nexor_emulator_json_string (type, "currency") : "USD");
  /* Inherited from the type, never sent. */
  json_object_set_member (conversion, "workflow_id",
                          type != NULL ? json_node_copy (json_object_get_member (type, "workflow_id"))
                                       : json_node_new (JSON_NODE_NULL));
  json_object_set_member (conversion, "master_workflow_id",
                          type != NULL ? json_node_copy (json_object_get_member (type, "master_workflow_id"))
                                       : json_node_new (JSON_NODE_NULL));
  if (run_id != NULL)
    json_object_set_string_member (conversion, "workflow_run_id", run_id);
  else
    json_object_set_null_member (conversion, "workflow_run_id");
  json_object_set_object_member (conversion, "metadata",
                                 metadata != NULL ? nexor_emulator_json_object_deep_copy (metadata) : json_object_new ());
  /* The recipe's description is the documented notes. */
  if (notes != NULL || (!has_notes && description != NULL))
    json_object_set_string_member (conversion, "notes", notes != NULL ? notes : description);
  else
    json_object_set_null_member (conversion, "notes");
  json_object_set_string_member (conversion, "converted_at", converted_at != NULL ? converted_at : now);
  json_object_set_string_member (conversion, "created_at", now);

  nexor_emulator_store_add_conversion (request->store, conversion);

  answer = json_object_new ();
  json_object_set_boolean_member (answer, "success", TRUE);
  json_object_set_object_member (answer, "conversion_event", render_conversion (request->store, conversion, FALSE));

  return nexor_emulator_reply (request, SOUP_STATUS_CREATED, answer);
}

/* GET /conversions */

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  JsonObject *first = *(JsonObject **) a;
  JsonObject *second = *(JsonObject **) b;
  int order;

  /* Times are all written the same way, in UTC: text order is time order. */
  order = g_strcmp0 (nexor_emulator_json_string (second, "converted_at"),
                     nexor_emulator_json_string (first, "converted_at"));
  if (order == 0)
    order = g_strcmp0 (nexor_emulator_json_string (second, "created_at"),
                       nexor_emulator_json_string (first, "created_at"));
  return order;
}

JsonNode *
nexor_emulator_route_list_conversions (NexorEmulatorRequest *request)
{
  static const char * const filters[] = {
    "lead_id", "workflow_id", "master_workflow_id", "workflow_run_id", "conversion_type_id", NULL
  };
  char *wanted[G_N_ELEMENTS (filters)] = { NULL, };
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  JsonArray *page;
  JsonObject *body;
  guint64 limit;
  guint64 offset;

  for (guint i = 0; filters[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (request->query, filters[i]);

      if (value == NULL)
        continue;
      wanted[i] = nexor_emulator_normalize_uuid (value);
      if (wanted[i] == NULL)
        {
          for (guint j = 0; j < i; j++)
            g_free (wanted[j]);
          return nexor_emulator_reply_invalid (request, "%s must be a UUID", filters[i]);
        }
    }

  if (!nexor_emulator_parse_count (g_hash_table_lookup (request->query, "limit"), 1, 200, 50, &limit) ||
      !nexor_emulator_parse_count (g_hash_table_lookup (request->query, "offset"), 0, G_MAXINT32, 0, &offset))
    {
      gboolean bad_limit = !nexor_emulator_parse_count (g_hash_table_lookup (request->query, "limit"),
                                                        1, 200, 50, &limit);

      for (guint i = 0; filters[i] != NULL; i++)
        g_free (wanted[i]);
      if (bad_limit)
        return nexor_emulator_reply_invalid (request, "limit must be a whole number from 1 to 200");
      return nexor_emulator_reply_invalid (request, "offset must be a whole number, 0 or more");
    }

  /* Newest recorded first, then a stable sort (GLib's is): of two
   * converted at the same second, the later recorded comes first. */
  for (guint i = request->store->conversions->len; i > 0; i--)
    {
      JsonObject *conversion = g_ptr_array_index (request->store->conversions, i - 1);
      gboolean keep = TRUE;

      for (guint f = 0; filters[f] != NULL && keep; f++)
        keep = wanted[f] == NULL ||
               nexor_emulator_id_equal (nexor_emulator_json_string (conversion, filters[f]), wanted[f]);
      if (keep)
        g_ptr_array_add (matches, conversion);
    }
  g_ptr_array_sort (matches, compare_newest_first);

  page = json_array_new ();
  for (guint64 i = offset; i < matches->len && i < offset + limit; i++)
    json_array_add_object_element (page, render_conversion (request->store, g_ptr_array_index (matches, i), TRUE));

  for (guint i = 0; filters[i] != NULL; i++)
    g_free (wanted[i]);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "conversion_events", page);
  json_object_set_int_member (body, "total", matches->len);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET /conversion-types */

JsonNode *
nexor_emulator_route_list_conversion_types (NexorEmulatorRequest *request)
{
  JsonArray *types = json_array_new ();
  JsonObject *body;

  for (guint i = 0; i < request->store->conversion_types->len; i++)
    {
      JsonObject *type = g_ptr_array_index (request->store->conversion_types, i);

      if (nexor_emulator_json_boolean (type, "active"))
        json_array_add_object_element (types, render_type (type));
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "conversion_types", types);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}
