/* nexor-json.c: NULL-safe JSON readers and table-driven resource parsing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <stdlib.h>
#include <string.h>

#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-text-private.h"
#include "nexor-json-document-private.h"
#include "nexor-frozen-list-private.h"
#include "nexor-resource-private.h"

#define FIELD_PTR(instance, field) ((gpointer) (((guint8 *) (instance)) + (field)->offset))

const char *
_nexor_json_node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("a boolean");
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return _("a number");
        default:
          return _("a value");
        }
    case JSON_NODE_NULL:
    default:
      return "null";
    }
}

JsonNode *
_nexor_json_lookup1 (JsonObject *object,
                     const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

JsonNode *
_nexor_json_lookup (JsonObject         *object,
                    const char * const *names,
                    const char        **found_name)
{
  for (guint i = 0; i < 3 && names[i] != NULL; i++)
    {
      JsonNode *node = _nexor_json_lookup1 (object, names[i]);

      if (node != NULL)
        {
          if (found_name != NULL)
            *found_name = names[i];
          return node;
        }
    }

  return NULL;
}

static gboolean
type_error (const char  *what,
            const char  *name,
            const char  *expected,
            JsonNode    *node,
            GError     **error)
{
  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
               _("Invalid %s in response: member “%s” should be %s, not %s"),
               what, name, expected, _nexor_json_node_type_name (node));
  return FALSE;
}

void
_nexor_json_skip_member (const char   *what,
                         const char   *name,
                         const GError *why)
{
  g_autofree char *shown = _nexor_quote (name, -1, NEXOR_QUOTE_CHARS);

  /* Debug, never a warning: the data is the server's, and the member is
   * still in dup_json() for whoever wants it. */
  g_debug ("Optional member “%s” of a %s left unset: %s", shown, what, why->message);
}

JsonObject *
_nexor_json_get_optional_object (JsonObject *object,
                                 const char *what,
                                 const char *name)
{
  JsonNode *node = _nexor_json_lookup1 (object, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GError) why = NULL;

      type_error (what, name, "an object", node, &why);
      _nexor_json_skip_member (what, name, why);
      return NULL;
    }

  return json_node_get_object (node);
}

gpointer
_nexor_json_parse_optional (NexorResourceParseFunc  parse,
                            JsonObject             *object,
                            NexorJsonDocument      *document,
                            const char             *what,
                            const char             *name)
{
  g_autoptr(GError) why = NULL;
  gpointer result;

  if (object == NULL)
    return NULL;

  result = parse (object, document, &why);
  if (result == NULL)
    _nexor_json_skip_member (what, name, why);
  return result;
}

/* json-glib copies object and array nodes by reference, and lets anyone
 * change an object or array, sealed or not: what an input keeps and what a
 * resource or an input hands out are deep copies. */
JsonObject *
_nexor_json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, _nexor_json_node_deep_copy (member));

  return copy;
}

/* Not json_node_copy(), whose copy of a sealed node is sealed too. Out of
 * line: the GValue would otherwise sit in every frame of the recursion. */
static G_GNUC_NO_INLINE JsonNode *
copy_value_node (JsonNode *node)
{
  g_auto(GValue) value = G_VALUE_INIT;
  JsonNode *result = json_node_new (JSON_NODE_VALUE);

  json_node_get_value (node, &value);
  json_node_set_value (result, &value);
  return result;
}

JsonNode *
_nexor_json_node_deep_copy (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonNode *result = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (result, _nexor_json_object_deep_copy (json_node_get_object (node)));
        return result;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        JsonArray *copy = json_array_sized_new (n);
        JsonNode *result = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < n; i++)
          json_array_add_element (copy, _nexor_json_node_deep_copy (json_array_get_element (array, i)));

        json_node_take_array (result, copy);
        return result;
      }

    case JSON_NODE_VALUE:
      return copy_value_node (node);

    case JSON_NODE_NULL:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

static gboolean
node_is_number (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
digits (const char *str,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (str[i]))
      return FALSE;
  return TRUE;
}

GDateTime *
_nexor_json_parse_datetime (const char *str)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *dt;
  gsize len;

  /* The API sends UTC with a Z; a date-time without an offset is read as UTC. */
  dt = g_date_time_new_from_iso8601 (str, utc);
  if (dt != NULL)
    return dt;

  len = strlen (str);

  /* What other servers send for a date-time that GLib's ISO 8601 reader
   * does not take: a date alone ("2024-01-15", midnight UTC) ... */
  if (len == 10 && digits (str, 4) && str[4] == '-' && digits (str + 5, 2) && str[7] == '-' &&
      digits (str + 8, 2))
    return g_date_time_new_utc (atoi (str), atoi (str + 5), atoi (str + 8), 0, 0, 0);

  /* ... and a time without seconds ("2024-01-15T10:30", with or without an
   * offset). */
  if (len >= 16 && len < 64 && (str[10] == 'T' || str[10] == ' ') && digits (str + 11, 2) &&
      str[13] == ':' && digits (str + 14, 2) && (len == 16 || str[16] != ':'))
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", str, str + 16);

      return g_date_time_new_from_iso8601 (with_seconds, utc);
    }

  return NULL;
}

/* A date-time field holds a GDateTime or, for one in UTC (what the API
 * sends), its microseconds since 0001-01-01 shifted left with the low bit
 * set, which no GDateTime pointer has: a resource in a long list then costs
 * no GDateTime per date until a getter asks for it. 64-bit only: a 32-bit
 * pointer cannot hold the microseconds. */
#define DATETIME_IS_PACKED(p) ((GPOINTER_TO_SIZE (p) & 1) != 0)
#define UNIX_EPOCH_FROM_YEAR_1 G_GINT64_CONSTANT (62135596800)

static gpointer
pack_datetime (GDateTime *dt)
{
#if GLIB_SIZEOF_VOID_P == 8
  if (g_date_time_get_utc_offset (dt) == 0 &&
      g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (dt)), "UTC") == 0)
    {
      guint64 usec = (guint64) (g_date_time_to_unix (dt) + UNIX_EPOCH_FROM_YEAR_1) * G_USEC_PER_SEC +
                     (guint64) g_date_time_get_microsecond (dt);

      g_date_time_unref (dt);
      return GSIZE_TO_POINTER ((gsize) (usec << 1) | 1);
    }
#endif
  return dt;
}

GDateTime *
_nexor_field_get_datetime (GDateTime **slot)
{
  gpointer value = g_atomic_pointer_get (slot);
  guint64 usec;
  GDateTime *seconds;
  GDateTime *dt;

  if (!DATETIME_IS_PACKED (value))
    return value;

  usec = (guint64) GPOINTER_TO_SIZE (value) >> 1;
  seconds = g_date_time_new_from_unix_utc ((gint64) (usec / G_USEC_PER_SEC) - UNIX_EPOCH_FROM_YEAR_1);
  dt = g_date_time_add (seconds, (GTimeSpan) (usec % G_USEC_PER_SEC));
  g_date_time_unref (seconds);

  /* Immutable resources are read from any thread: the first to build the
   * GDateTime keeps it, the others use that one. */
  if (g_atomic_pointer_compare_and_exchange (slot, value, dt))
    return dt;

  g_date_time_unref (dt);
  return g_atomic_pointer_get (slot);
}

/* With @lenient (a list that is an optional member of a resource), an item
 * that cannot be read is left out, and said so at debug level; otherwise
 * (the list is the answer) it fails the whole list. */
static GListModel *
parse_array (const char              *what,
             const char              *member,
             GType                    item_type,
             NexorResourceParseFunc   parse,
             JsonArray               *array,
             gboolean                 lenient,
             NexorJsonDocument       *document,
             GError                 **error)
{
  guint n = json_array_get_length (array);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(GObject) object = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        g_set_error (&local_error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                     _("Invalid %s in response: item %u of “%s” should be an object, not %s"),
                     what, i, member, _nexor_json_node_type_name (item));
      else
        object = parse (json_node_get_object (item), document, &local_error);

      if (object == NULL)
        {
          if (!lenient)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_debug ("Item %u of “%s” in a %s left out: %s", i, member, what, local_error->message);
          continue;
        }

      g_ptr_array_add (items, g_steal_pointer (&object));
    }

  return _nexor_frozen_list_new (item_type, g_steal_pointer (&items));
}

static gboolean
parse_int (const char  *what,
           const char  *name,
           JsonNode    *node,
           int         *out,
           GError     **error)
{
  double value;

  if (!node_is_number (node))
    return type_error (what, name, _("an integer"), node, error);

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 i = json_node_get_int (node);

      if (i >= G_MININT && i <= G_MAXINT)
        {
          *out = (int) i;
          return TRUE;
        }
      value = (double) i;
    }
  else
    {
      value = json_node_get_double (node);
      /* 3.0 is an integer; 2.5 and 1e300 are not. */
      if (value >= G_MININT && value <= G_MAXINT && value == (double) (int) value)
        {
          *out = (int) value;
          return TRUE;
        }
    }

  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
               _("Invalid %s in response: member “%s” should be an integer, not %g"),
               what, name, value);
  return FALSE;
}

static void
init_field (gpointer          instance,
            const NexorField *field)
{
  gpointer slot = FIELD_PTR (instance, field);

  if (field->kind == NEXOR_FIELD_DOUBLE)
    *(double *) slot = field->default_double;
  else if (field->kind == NEXOR_FIELD_INT)
    *(int *) slot = (int) field->default_double;
  else if (field->kind == NEXOR_FIELD_BOOLEAN)
    *(gboolean *) slot = FALSE;
  else if (field->kind == NEXOR_FIELD_LIST)
    /* An absent list reads as empty, so bindings can always iterate it. */
    *(GListModel **) slot = _nexor_frozen_list_new (field->get_type (), NULL);
}

static void
clear_field (gpointer          instance,
             const NexorField *field)
{
  gpointer slot = FIELD_PTR (instance, field);

  switch (field->kind)
    {
    case NEXOR_FIELD_STRING:
      {
        NexorJsonText *text = ((NexorResource *) instance)->json.text;

        /* A string read from the resource's own text goes with the text. */
        if (text != NULL && *(char **) slot != NULL && _nexor_json_text_holds (text, *(char **) slot))
          *(char **) slot = NULL;
        else
          g_clear_pointer ((char **) slot, g_free);
      }
      break;
    case NEXOR_FIELD_DATETIME:
      if (!DATETIME_IS_PACKED (*(gpointer *) slot))
        g_clear_pointer ((GDateTime **) slot, g_date_time_unref);
      *(gpointer *) slot = NULL;
      break;
    case NEXOR_FIELD_JSON_OBJECT:
      g_clear_pointer ((JsonObject **) slot, json_object_unref);
      break;
    case NEXOR_FIELD_JSON_NODE:
      g_clear_pointer ((JsonNode **) slot, json_node_unref);
      break;
    case NEXOR_FIELD_RESOURCE:
    case NEXOR_FIELD_LIST:
      g_clear_object ((GObject **) slot);
      break;
    case NEXOR_FIELD_BOOLEAN:
    case NEXOR_FIELD_DOUBLE:
    case NEXOR_FIELD_INT:
    default:
      break;
    }
}

/* Reads @node, the member @name, into the field's slot. */
static gboolean
read_field (gpointer            instance,
            const char         *what,
            const NexorField   *field,
            const char         *name,
            JsonNode           *node,
            NexorJsonDocument  *document,
            GError            **error)
{
  gpointer slot = FIELD_PTR (instance, field);

  switch (field->kind)
    {
    case NEXOR_FIELD_STRING:
      if (!node_is_type (node, G_TYPE_STRING))
        return type_error (what, name, _("a string"), node, error);
      if (field->required && *json_node_get_string (node) == '\0')
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                       _("Invalid %s in response: member “%s” is empty"), what, name);
          return FALSE;
        }
      /* json-glib lets a lone surrogate escape through as invalid
       * UTF-8; string properties and bindings need valid UTF-8. */
      if (G_LIKELY (g_utf8_validate (json_node_get_string (node), -1, NULL)))
        {
          NexorJsonSource *source = &((NexorResource *) instance)->json;
          const char *kept = NULL;

          /* The text the resource keeps for dup_json() holds most strings
           * as they are: pointing there saves a copy and an allocation. */
          if (source->text != NULL)
            kept = _nexor_json_text_take_string (source->text, source->offset, source->length,
                                                 json_node_get_string (node));
          *(char **) slot = kept != NULL ? (char *) kept : json_node_dup_string (node);
        }
      else
        *(char **) slot = g_utf8_make_valid (json_node_get_string (node), -1);
      return TRUE;

    case NEXOR_FIELD_BOOLEAN:
      if (!node_is_type (node, G_TYPE_BOOLEAN))
        return type_error (what, name, _("a boolean"), node, error);
      *(gboolean *) slot = json_node_get_boolean (node);
      return TRUE;

    case NEXOR_FIELD_DOUBLE:
      if (!node_is_number (node))
        return type_error (what, name, _("a number"), node, error);
      *(double *) slot = json_node_get_double (node);
      return TRUE;

    case NEXOR_FIELD_INT:
      return parse_int (what, name, node, (int *) slot, error);

    case NEXOR_FIELD_DATETIME:
      {
        GDateTime *dt;

        if (!node_is_type (node, G_TYPE_STRING))
          return type_error (what, name, "an ISO 8601 date-time string", node, error);
        dt = _nexor_json_parse_datetime (json_node_get_string (node));
        if (dt == NULL)
          {
            g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                         _("Invalid %s in response: member “%s” is not an ISO 8601 date-time"),
                         what, name);
            return FALSE;
          }
        *(gpointer *) slot = pack_datetime (dt);
      }
      return TRUE;

    case NEXOR_FIELD_JSON_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return type_error (what, name, _("an object"), node, error);
      /* A JsonObject does not point to its parent: keeping just it leaves
       * the rest of the response's tree free to go. Sealed, as the
       * getters promise, whether or not the tree was. */
      json_object_seal (json_node_get_object (node));
      *(JsonObject **) slot = json_object_ref (json_node_get_object (node));
      return TRUE;

    case NEXOR_FIELD_JSON_NODE:
      /* A JsonNode may point to its parent, which dies with the tree: a
       * copy has none, and shares the value, object or array it holds. */
      *(JsonNode **) slot = json_node_copy (node);
      json_node_seal (*(JsonNode **) slot);
      return TRUE;

    case NEXOR_FIELD_RESOURCE:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return type_error (what, name, _("an object"), node, error);
      *(gpointer *) slot = field->parse (json_node_get_object (node), document, error);
      return *(gpointer *) slot != NULL;

    case NEXOR_FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return type_error (what, name, _("an array"), node, error);
      /* The empty list made at init already says it: no second store. */
      if (json_array_get_length (json_node_get_array (node)) == 0)
        return TRUE;
      g_clear_object ((GListModel **) slot);
      *(GListModel **) slot = parse_array (what, field->json_names[0], field->get_type (), field->parse,
                                           json_node_get_array (node), !field->required, document, error);
      return *(gpointer *) slot != NULL;

    default:
      g_assert_not_reached ();
    }
}

gboolean
_nexor_fields_parse (gpointer            instance,
                     const char         *what,
                     const NexorField   *fields,
                     guint               n_fields,
                     JsonObject         *object,
                     NexorJsonDocument  *document,
                     GError            **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const NexorField *field = &fields[i];
      const char *name = field->json_names[0];
      /* Errors name the spelling the server actually sent. */
      JsonNode *node = _nexor_json_lookup (object, field->json_names, &name);
      g_autoptr(GError) local_error = NULL;

      if (node == NULL)
        {
          if (field->required)
            {
              g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                           _("Invalid %s in response: required member “%s” is missing"),
                           what, name);
              return FALSE;
            }
          continue;
        }

      if (read_field (instance, what, field, name, node, document, &local_error))
        continue;

      /* A required member makes the answer unusable without it; an optional
       * one that cannot be read is left as if it were not there. */
      if (field->required)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      _nexor_json_skip_member (what, name, local_error);
      clear_field (instance, field);
      init_field (instance, field);
    }

  return TRUE;
}

void
_nexor_fields_init (gpointer          instance,
                    const NexorField *fields,
                    guint             n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    init_field (instance, &fields[i]);
}

void
_nexor_fields_clear (gpointer          instance,
                     const NexorField *fields,
                     guint             n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    clear_field (instance, &fields[i]);
}

void
_nexor_fields_install_properties (GObjectClass      *klass,
                                  const NexorField  *fields,
                                  guint              n_fields,
                                  GParamSpec       **pspecs)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  /* pspecs[0] stays NULL: property ids start at 1. */
  for (guint i = 0; i < n_fields; i++)
    {
      const NexorField *field = &fields[i];
      const char *name = field->property;
      GParamSpec *pspec = NULL;

      switch (field->kind)
        {
        case NEXOR_FIELD_STRING:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case NEXOR_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case NEXOR_FIELD_DOUBLE:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                       field->default_double, flags);
          break;
        case NEXOR_FIELD_INT:
          pspec = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT,
                                    (int) field->default_double, flags);
          break;
        case NEXOR_FIELD_DATETIME:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME, flags);
          break;
        case NEXOR_FIELD_JSON_OBJECT:
          pspec = g_param_spec_boxed (name, NULL, NULL, JSON_TYPE_OBJECT, flags);
          break;
        case NEXOR_FIELD_JSON_NODE:
          pspec = g_param_spec_boxed (name, NULL, NULL, JSON_TYPE_NODE, flags);
          break;
        case NEXOR_FIELD_RESOURCE:
          pspec = g_param_spec_object (name, NULL, NULL, field->get_type (), flags);
          break;
        case NEXOR_FIELD_LIST:
          pspec = g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      pspecs[i + 1] = pspec;
    }

  g_object_class_install_properties (klass, n_fields + 1, pspecs);
}

void
_nexor_fields_get_property (gpointer          instance,
                            const NexorField *fields,
                            guint             n_fields,
                            guint             prop_id,
                            GValue           *value,
                            GParamSpec       *pspec)
{
  const NexorField *field;
  gpointer slot;

  if (prop_id == 0 || prop_id > n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (instance, prop_id, pspec);
      return;
    }

  field = &fields[prop_id - 1];
  slot = FIELD_PTR (instance, field);

  switch (field->kind)
    {
    case NEXOR_FIELD_STRING:
      g_value_set_string (value, *(char **) slot);
      break;
    case NEXOR_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) slot);
      break;
    case NEXOR_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) slot);
      break;
    case NEXOR_FIELD_INT:
      g_value_set_int (value, *(int *) slot);
      break;
    case NEXOR_FIELD_DATETIME:
      g_value_set_boxed (value, _nexor_field_get_datetime ((GDateTime **) slot));
      break;
    case NEXOR_FIELD_JSON_OBJECT:
      if (*(JsonObject **) slot != NULL)
        g_value_take_boxed (value, _nexor_json_object_deep_copy (*(JsonObject **) slot));
      break;
    case NEXOR_FIELD_JSON_NODE:
      if (*(JsonNode **) slot != NULL)
        g_value_take_boxed (value, _nexor_json_node_deep_copy (*(JsonNode **) slot));
      break;
    case NEXOR_FIELD_RESOURCE:
    case NEXOR_FIELD_LIST:
      g_value_set_object (value, *(gpointer *) slot);
      break;
    default:
      g_assert_not_reached ();
    }
}

JsonNode *
_nexor_json_parse_bytes (GBytes  *bytes,
                         GError **error)
{
  /* The whole body, without the spans only a document's resources use. */
  JsonNode *root = _nexor_json_parse_span (bytes, 0, g_bytes_get_size (bytes), error);

  /* Whoever holds the tree may share its nodes: seal them so that nobody can
   * change them behind the others' backs. */
  if (root != NULL)
    json_node_seal (root);
  return root;
}

JsonObject *
_nexor_json_unwrap_envelope (JsonNode    *root,
                             const char  *member,
                             const char  *what,
                             GError     **error)
{
  JsonObject *object;
  JsonNode *inner;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("Invalid response: expected a JSON object with the %s, got %s"),
                   what, _nexor_json_node_type_name (root));
      return NULL;
    }

  object = json_node_get_object (root);

  {
    JsonNode *success = json_object_get_member (object, "success");

    if (success != NULL && JSON_NODE_HOLDS_VALUE (success) &&
        json_node_get_value_type (success) == G_TYPE_BOOLEAN &&
        !json_node_get_boolean (success))
      {
        g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                     _("Invalid response: the server reported failure (\"success\": false) "
                     "instead of the %s"), what);
        return NULL;
      }
  }

  inner = json_object_get_member (object, member);
  /* A bare resource may well have a member called "data" of its own: only an
   * object without an id is a {"data": …} envelope. */
  if (inner == NULL && !json_object_has_member (object, "id"))
    {
      inner = json_object_get_member (object, "data");
      if (inner != NULL)
        member = "data";
    }

  if (inner == NULL)
    return object;  /* the bare, legacy form */

  if (!JSON_NODE_HOLDS_OBJECT (inner))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("Invalid response: member “%s” should be an object, not %s"),
                   member, _nexor_json_node_type_name (inner));
      return NULL;
    }

  return json_node_get_object (inner);
}

static gboolean
check_success (JsonObject  *object,
               const char  *what,
               GError     **error)
{
  JsonNode *success = json_object_get_member (object, "success");

  if (success != NULL && JSON_NODE_HOLDS_VALUE (success) &&
      json_node_get_value_type (success) == G_TYPE_BOOLEAN &&
      !json_node_get_boolean (success))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("Invalid response: the server reported failure (\"success\": false) "
                   "instead of the %s"), what);
      return FALSE;
    }

  return TRUE;
}

JsonObject *
_nexor_json_get_root_object (JsonNode    *root,
                             const char  *what,
                             GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("Invalid response: expected a JSON object with the %s, got %s"),
                   what, _nexor_json_node_type_name (root));
      return NULL;
    }

  if (!check_success (json_node_get_object (root), what, error))
    return NULL;

  return json_node_get_object (root);
}

GListModel *
_nexor_json_unwrap_list (JsonNode                *root,
                         const char              *member,
                         const char              *what,
                         GType                    item_type,
                         NexorResourceParseFunc   parse,
                         NexorJsonDocument       *document,
                         GError                 **error)
{
  JsonObject *object;
  JsonNode *inner;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return parse_array (what, "(the response)", item_type, parse, json_node_get_array (root), FALSE, document, error);

  object = _nexor_json_get_root_object (root, what, error);
  if (object == NULL)
    return NULL;

  inner = json_object_get_member (object, member);
  if (inner == NULL)
    {
      inner = json_object_get_member (object, "data");
      if (inner != NULL)
        member = "data";
    }

  if (inner == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("Invalid response: the %s (member “%s”) is missing"), what, member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (inner))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("Invalid response: member “%s” should be an array, not %s"),
                   member, _nexor_json_node_type_name (inner));
      return NULL;
    }

  return parse_array (what, member, item_type, parse, json_node_get_array (inner), FALSE, document, error);
}
