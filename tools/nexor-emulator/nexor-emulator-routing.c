/* nexor-emulator-routing.c: routing rules' conditions, checked and evaluated
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * §3.23 of the API reference gives the operators and the value types each
 * takes; what it leaves open is decided here, and written down in
 * docs/emulator.md:
 *
 * - A lead with no value for the field (absent, null, or a blank column)
 *   matches only `not_exists`: every comparison, the negative ones (`neq`,
 *   `not_contains`, `not_in`) included, needs a value to compare.
 * - A value of another type than the operator compares (`gt` on a string,
 *   `contains` on a number, `eq` of the string "35" with the number 35)
 *   matches nothing, the negative operators included: no coercion.
 * - `eq`/`neq`/`in`/`not_in` compare strings exactly (case matters: the
 *   docs' own example lists "EN", "en"); only `contains`/`not_contains`
 *   ignore case.
 * - Numbers compare as numbers whether written 35 or 35.0.
 */

#include "nexor-emulator-routing.h"

#include <string.h>

#include "nexor-emulator-json.h"

/* The lead columns a condition may name; anything else must be
 * `metadata.<key>`. */
static const char * const routing_columns[] = {
  "first_name", "last_name", "email", "phone", "source", "company", "title", "campaign_id", NULL
};

typedef enum {
  VALUE_NONE,          /* exists, not_exists: any value or none */
  VALUE_SCALAR,        /* eq, neq: string, number or boolean */
  VALUE_NUMBER,        /* gt, gte, lt, lte */
  VALUE_STRING,        /* contains, not_contains */
  VALUE_LIST,          /* in, not_in: a non-empty array of strings and numbers */
  VALUE_REGEX,         /* a string GRegex compiles */
} ValueKind;

static const struct {
  const char *name;
  ValueKind   kind;
} operators[] = {
  { "eq", VALUE_SCALAR },
  { "neq", VALUE_SCALAR },
  { "gt", VALUE_NUMBER },
  { "gte", VALUE_NUMBER },
  { "lt", VALUE_NUMBER },
  { "lte", VALUE_NUMBER },
  { "contains", VALUE_STRING },
  { "not_contains", VALUE_STRING },
  { "in", VALUE_LIST },
  { "not_in", VALUE_LIST },
  { "exists", VALUE_NONE },
  { "not_exists", VALUE_NONE },
  { "regex", VALUE_REGEX },
};

static gboolean
find_operator (const char *name,
               ValueKind  *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    if (g_str_equal (operators[i].name, name))
      {
        *out_kind = operators[i].kind;
        return TRUE;
      }

  return FALSE;
}

static gboolean
is_type (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
is_number (JsonNode *node)
{
  return is_type (node, G_TYPE_INT64) || is_type (node, G_TYPE_DOUBLE);
}

static gboolean
is_string (JsonNode *node)
{
  return is_type (node, G_TYPE_STRING);
}

static char *
check_condition (JsonNode *node,
                 guint     index)
{
  JsonObject *condition;
  JsonNode *field_node;
  JsonNode *operator_node;
  JsonNode *value;
  const char *field;
  const char *operator;
  ValueKind kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup_printf ("conditions[%u] must be an object with field, operator and value", index);

  condition = json_node_get_object (node);
  field_node = json_object_get_member (condition, "field");
  operator_node = json_object_get_member (condition, "operator");
  value = json_object_get_member (condition, "value");

  if (field_node == NULL || JSON_NODE_HOLDS_NULL (field_node))
    return g_strdup_printf ("conditions[%u].field is required", index);
  if (!is_string (field_node))
    return g_strdup_printf ("conditions[%u].field must be a string", index);

  field = json_node_get_string (field_node);
  if (!g_strv_contains (routing_columns, field) &&
      !(g_str_has_prefix (field, "metadata.") && field[strlen ("metadata.")] != '\0'))
    {
      g_autofree char *shown = nexor_emulator_quote (field, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return g_strdup_printf ("conditions[%u].field “%s” is not supported: use first_name, last_name, "
                              "email, phone, source, company, title, campaign_id or metadata.<key>",
                              index, shown);
    }

  if (operator_node == NULL || JSON_NODE_HOLDS_NULL (operator_node))
    return g_strdup_printf ("conditions[%u].operator is required", index);
  if (!is_string (operator_node))
    return g_strdup_printf ("conditions[%u].operator must be a string", index);

  operator = json_node_get_string (operator_node);
  if (!find_operator (operator, &kind))
    {
      g_autofree char *shown = nexor_emulator_quote (operator, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return g_strdup_printf ("conditions[%u].operator “%s” is not supported: use eq, neq, gt, gte, lt, "
                              "lte, contains, not_contains, in, not_in, exists, not_exists or regex",
                              index, shown);
    }

  switch (kind)
    {
    case VALUE_NONE:
      return NULL;

    case VALUE_SCALAR:
      if (!is_string (value) && !is_number (value) && !is_type (value, G_TYPE_BOOLEAN))
        return g_strdup_printf ("conditions[%u].value must be a string, number or boolean for %s",
                                index, operator);
      return NULL;

    case VALUE_NUMBER:
      if (!is_number (value))
        return g_strdup_printf ("conditions[%u].value must be a number for %s", index, operator);
      return NULL;

    case VALUE_STRING:
      if (!is_string (value))
        return g_strdup_printf ("conditions[%u].value must be a string for %s", index, operator);
      return NULL;

    case VALUE_LIST:
      {
        JsonArray *list;

        if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value) ||
            json_array_get_length (json_node_get_array (value)) == 0)
          return g_strdup_printf ("conditions[%u].value must be a non-empty list for %s", index, operator);

        list = json_node_get_array (value);
        for (guint i = 0; i < json_array_get_length (list); i++)
          {
            JsonNode *element = json_array_get_element (list, i);

            if (!is_string (element) && !is_number (element))
              return g_strdup_printf ("conditions[%u].value[%u] must be a string or a number", index, i);
          }
        return NULL;
      }

    case VALUE_REGEX:
      {
        g_autoptr(GRegex) regex = NULL;
        g_autoptr(GError) error = NULL;

        if (!is_string (value))
          return g_strdup_printf ("conditions[%u].value must be a string (a regular expression) for regex",
                                  index);

        regex = g_regex_new (json_node_get_string (value), 0, 0, &error);
        if (regex == NULL)
          return g_strdup_printf ("conditions[%u].value is not a valid regular expression: %s",
                                  index, error->message);
        return NULL;
      }

    default:
      g_assert_not_reached ();
    }
}

char *
nexor_emulator_conditions_check (JsonNode *conditions)
{
  JsonArray *array;

  if (conditions == NULL)
    return g_strdup ("conditions is required");

  if (JSON_NODE_HOLDS_NULL (conditions))
    return g_strdup ("conditions must be an array, not null");

  if (!JSON_NODE_HOLDS_ARRAY (conditions))
    return g_strdup ("conditions must be an array");

  array = json_node_get_array (conditions);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      char *problem = check_condition (json_array_get_element (array, i), i);

      if (problem != NULL)
        return problem;
    }

  return NULL;
}

JsonNode *
nexor_emulator_routing_value (JsonObject *item,
                              JsonObject *metadata,
                              const char *field)
{
  JsonNode *node;

  if (g_str_has_prefix (field, "metadata."))
    node = metadata != NULL ? json_object_get_member (metadata, field + strlen ("metadata.")) : NULL;
  else
    node = json_object_get_member (item, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  /* A blank column is stored as null: it is no value to route on. */
  if (!g_str_has_prefix (field, "metadata.") && is_string (node))
    {
      const char *text = json_node_get_string (node);

      while (g_ascii_isspace (*text))
        text++;
      if (*text == '\0')
        return NULL;
    }

  return node;
}

static double
number_of (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                         : json_node_get_double (node);
}

/* Equality of two scalars of the same JSON type; -1 when the types differ. */
static int
scalar_equal (JsonNode *a,
              JsonNode *b)
{
  if (is_string (a) && is_string (b))
    return g_str_equal (json_node_get_string (a), json_node_get_string (b));

  if (is_number (a) && is_number (b))
    return number_of (a) == number_of (b);

  if (is_type (a, G_TYPE_BOOLEAN) && is_type (b, G_TYPE_BOOLEAN))
    return !json_node_get_boolean (a) == !json_node_get_boolean (b);

  return -1;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded_haystack = g_utf8_casefold (haystack, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, folded_needle) != NULL;
}

gboolean
nexor_emulator_condition_matches (JsonObject *condition,
                                  JsonObject *item,
                                  JsonObject *metadata)
{
  const char *field = json_object_get_string_member (condition, "field");
  const char *operator = json_object_get_string_member (condition, "operator");
  JsonNode *expected = json_object_get_member (condition, "value");
  JsonNode *actual = nexor_emulator_routing_value (item, metadata, field);

  if (g_str_equal (operator, "exists"))
    return actual != NULL;
  if (g_str_equal (operator, "not_exists"))
    return actual == NULL;

  if (actual == NULL)
    return FALSE;

  if (g_str_equal (operator, "eq") || g_str_equal (operator, "neq"))
    {
      int equal = scalar_equal (actual, expected);

      if (equal < 0)
        return FALSE;
      return g_str_equal (operator, "eq") ? equal : !equal;
    }

  if (g_str_equal (operator, "gt") || g_str_equal (operator, "gte") ||
      g_str_equal (operator, "lt") || g_str_equal (operator, "lte"))
    {
      double a, b;

      if (!is_number (actual))
        return FALSE;

      a = number_of (actual);
      b = number_of (expected);
      if (g_str_equal (operator, "gt"))
        return a > b;
      if (g_str_equal (operator, "gte"))
        return a >= b;
      if (g_str_equal (operator, "lt"))
        return a < b;
      return a <= b;
    }

  if (g_str_equal (operator, "contains") || g_str_equal (operator, "not_contains"))
    {
      gboolean found;

      if (!is_string (actual))
        return FALSE;

      found = contains_folded (json_node_get_string (actual), json_node_get_string (expected));
      return g_str_equal (operator, "contains") ? found : !found;
    }

  if (g_str_equal (operator, "in") || g_str_equal (operator, "not_in"))
    {
      JsonArray *list = json_node_get_array (expected);
      gboolean found = FALSE;

      if (!is_string (actual) && !is_number (actual))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (list) && !found; i++)
        found = scalar_equal (actual, json_array_get_element (list, i)) == 1;

      return g_str_equal (operator, "in") ? found : !found;
    }

  if (g_str_equal (operator, "regex"))
    {
      g_autoptr(GRegex) regex = NULL;

      if (!is_string (actual))
        return FALSE;

      /* Checked when the rule was stored; a pattern that still fails to
       * compile matches nothing. */
      regex = g_regex_new (json_node_get_string (expected), 0, 0, NULL);
      return regex != NULL && g_regex_match (regex, json_node_get_string (actual), 0, NULL);
    }

  return FALSE;
}

gboolean
nexor_emulator_conditions_match (JsonArray  *conditions,
                                 JsonObject *item,
                                 JsonObject *metadata)
{
  for (guint i = 0; i < json_array_get_length (conditions); i++)
    if (!nexor_emulator_condition_matches (json_array_get_object_element (conditions, i), item, metadata))
      return FALSE;

  return TRUE;
}
