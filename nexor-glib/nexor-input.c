/* nexor-input.c: the storage shared by the input objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <string.h>

#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"

void
_nexor_input_install_properties (GObjectClass           *klass,
                                 const NexorInputField  *fields,
                                 guint                   n_fields,
                                 GParamSpec            **pspecs)
{
  /* Not G_PARAM_CONSTRUCT: a construct property would be set, to its
   * default, on every new object, and "unset" would mean nothing. */
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  for (guint i = 0; i < n_fields; i++)
    {
      const NexorInputField *field = &fields[i];
      GType type = field->get_type ();

      if (type == G_TYPE_STRING)
        pspecs[i + 1] = g_param_spec_string (field->property, NULL, NULL, NULL, flags);
      else if (type == G_TYPE_DOUBLE)
        pspecs[i + 1] = g_param_spec_double (field->property, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
      else if (type == G_TYPE_BOOLEAN)
        pspecs[i + 1] = g_param_spec_boolean (field->property, NULL, NULL, FALSE, flags);
      else if (type == G_TYPE_INT)
        pspecs[i + 1] = g_param_spec_int (field->property, NULL, NULL, 0, G_MAXINT, 0, flags);
      else
        pspecs[i + 1] = g_param_spec_boxed (field->property, NULL, NULL, type, flags);
    }

  g_object_class_install_properties (klass, n_fields + 1, pspecs);
}

const NexorInputField *
_nexor_input_find_field (const NexorInputField *fields,
                         guint                  n_fields,
                         const char            *property)
{
  if (property == NULL)
    return NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      /* Accept the C spelling too: "first_name" is "first-name". */
      const char *a = fields[i].property;
      const char *b = property;

      while (*a != '\0' && (*a == *b || (*a == '-' && *b == '_')))
        a++, b++;
      if (*a == '\0' && *b == '\0')
        return &fields[i];
    }

  return NULL;
}

static gboolean
set_member (JsonObject *values,
            const char *name,
            JsonNode   *node)
{
  JsonNode *old = json_object_get_member (values, name);

  if (old != NULL && json_node_equal (old, node))
    {
      json_node_unref (node);
      return FALSE;
    }

  json_object_set_member (values, name, node);
  return TRUE;
}

gboolean
_nexor_input_set_string (JsonObject            *values,
                         const NexorInputField *field,
                         const char            *value)
{
  JsonNode *node = json_node_new (value != NULL ? JSON_NODE_VALUE : JSON_NODE_NULL);

  if (value != NULL)
    json_node_set_string (node, value);

  return set_member (values, field->json_name, node);
}

gboolean
_nexor_input_set_object (JsonObject            *values,
                         const NexorInputField *field,
                         JsonObject            *value)
{
  JsonNode *node;

  if (value == NULL)
    return set_member (values, field->json_name, json_node_new (JSON_NODE_NULL));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, _nexor_json_object_deep_copy (value));
  return set_member (values, field->json_name, node);
}

gboolean
_nexor_input_set_double (JsonObject            *values,
                         const NexorInputField *field,
                         double                 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_double (node, value);
  return set_member (values, field->json_name, node);
}

/* Kept as the text the body carries, in UTC: what is sent is what was set,
 * to the second. */
gboolean
_nexor_input_set_datetime (JsonObject            *values,
                           const NexorInputField *field,
                           GDateTime             *value)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (value == NULL)
    return set_member (values, field->json_name, json_node_new (JSON_NODE_NULL));

  utc = g_date_time_to_utc (value);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return _nexor_input_set_string (values, field, text);
}

gboolean
_nexor_input_set_boolean (JsonObject            *values,
                          const NexorInputField *field,
                          gboolean               value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return set_member (values, field->json_name, node);
}

gboolean
_nexor_input_set_int (JsonObject            *values,
                      const NexorInputField *field,
                      int                    value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return set_member (values, field->json_name, node);
}

/* Any JSON value; NULL is JSON null. */
gboolean
_nexor_input_set_node (JsonObject            *values,
                       const NexorInputField *field,
                       JsonNode              *value)
{
  if (value == NULL)
    return set_member (values, field->json_name, json_node_new (JSON_NODE_NULL));

  return set_member (values, field->json_name, _nexor_json_node_deep_copy (value));
}

gboolean
_nexor_input_set_value (JsonObject            *values,
                        const NexorInputField *field,
                        const GValue          *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return _nexor_input_set_string (values, field, g_value_get_string (value));
  if (G_VALUE_HOLDS_DOUBLE (value))
    return _nexor_input_set_double (values, field, g_value_get_double (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return _nexor_input_set_boolean (values, field, g_value_get_boolean (value));
  if (G_VALUE_HOLDS_INT (value))
    return _nexor_input_set_int (values, field, g_value_get_int (value));
  if (G_VALUE_HOLDS (value, G_TYPE_DATE_TIME))
    return _nexor_input_set_datetime (values, field, g_value_get_boxed (value));
  if (G_VALUE_HOLDS (value, JSON_TYPE_NODE))
    return _nexor_input_set_node (values, field, g_value_get_boxed (value));

  return _nexor_input_set_object (values, field, g_value_get_boxed (value));
}

gboolean
_nexor_input_unset (JsonObject            *values,
                    const NexorInputField *field)
{
  if (!json_object_has_member (values, field->json_name))
    return FALSE;

  json_object_remove_member (values, field->json_name);
  return TRUE;
}

const char *
_nexor_input_get_string (JsonObject            *values,
                         const NexorInputField *field)
{
  JsonNode *node = json_object_get_member (values, field->json_name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return json_node_get_string (node);
}

/* A copy, not the input's own object: json-glib lets anyone change an
 * object, sealed or not, and the input promises it changes only through its
 * setters. */
JsonObject *
_nexor_input_dup_object (JsonObject            *values,
                         const NexorInputField *field)
{
  JsonNode *node = json_object_get_member (values, field->json_name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return _nexor_json_object_deep_copy (json_node_get_object (node));
}

double
_nexor_input_get_double (JsonObject            *values,
                         const NexorInputField *field)
{
  JsonNode *node = json_object_get_member (values, field->json_name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0.0;

  return json_node_get_double (node);
}

gboolean
_nexor_input_get_boolean (JsonObject            *values,
                          const NexorInputField *field)
{
  JsonNode *node = json_object_get_member (values, field->json_name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node);
}

int
_nexor_input_get_int (JsonObject            *values,
                      const NexorInputField *field)
{
  JsonNode *node = json_object_get_member (values, field->json_name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  return (int) json_node_get_int (node);
}

/* A copy, for the reason given above; NULL when unset. */
JsonNode *
_nexor_input_dup_node (JsonObject            *values,
                       const NexorInputField *field)
{
  JsonNode *node = json_object_get_member (values, field->json_name);

  return node != NULL ? _nexor_json_node_deep_copy (node) : NULL;
}

GDateTime *
_nexor_input_dup_datetime (JsonObject            *values,
                           const NexorInputField *field)
{
  const char *text = _nexor_input_get_string (values, field);

  return text != NULL ? _nexor_json_parse_datetime (text) : NULL;
}

void
_nexor_input_get_value (JsonObject            *values,
                        const NexorInputField *field,
                        GValue                *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    g_value_set_string (value, _nexor_input_get_string (values, field));
  else if (G_VALUE_HOLDS_DOUBLE (value))
    g_value_set_double (value, _nexor_input_get_double (values, field));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    g_value_set_boolean (value, _nexor_input_get_boolean (values, field));
  else if (G_VALUE_HOLDS_INT (value))
    g_value_set_int (value, _nexor_input_get_int (values, field));
  else if (G_VALUE_HOLDS (value, G_TYPE_DATE_TIME))
    g_value_take_boxed (value, _nexor_input_dup_datetime (values, field));
  else if (G_VALUE_HOLDS (value, JSON_TYPE_NODE))
    g_value_take_boxed (value, _nexor_input_dup_node (values, field));
  else
    g_value_take_boxed (value, _nexor_input_dup_object (values, field));
}

gboolean
_nexor_input_is_set (JsonObject *values,
                     const char *json_name)
{
  return json_object_has_member (values, json_name);
}

gboolean
_nexor_input_is_null (JsonObject *values,
                      const char *json_name)
{
  JsonNode *node = json_object_get_member (values, json_name);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

gboolean
_nexor_input_check_utf8 (JsonObject             *values,
                         const NexorInputField  *fields,
                         guint                   n_fields,
                         const char             *what,
                         GError                **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *str;

      if (fields[i].get_type () != G_TYPE_STRING)
        continue;

      str = _nexor_input_get_string (values, &fields[i]);
      if (str != NULL && !g_utf8_validate (str, -1, NULL))
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Invalid %s: “%s” is not valid UTF-8"), what, fields[i].property);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_nexor_input_require_text (JsonObject             *values,
                           const NexorInputField  *field,
                           gboolean                required,
                           const char             *what,
                           GError                **error)
{
  const char *str;

  if (!_nexor_input_is_set (values, field->json_name))
    {
      if (!required)
        return TRUE;

      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid %s: “%s” is required"), what, field->property);
      return FALSE;
    }

  str = _nexor_input_get_string (values, field);
  if (str == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid %s: “%s” cannot be null"), what, field->property);
      return FALSE;
    }

  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return TRUE;

  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
               _("Invalid %s: “%s” cannot be empty"), what, field->property);
  return FALSE;
}

JsonNode *
_nexor_input_to_json (JsonObject            *values,
                      const NexorInputField *fields,
                      guint                  n_fields)
{
  JsonObject *body = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *member = json_object_get_member (values, fields[i].json_name);

      if (member != NULL)
        json_object_set_member (body, fields[i].json_name, json_node_copy (member));
    }

  json_node_take_object (node, body);
  return node;
}
