/* nexor-json-private.h: NULL-safe JSON readers and table-driven resource parsing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-json-document-private.h"

G_BEGIN_DECLS

/* The kinds of value a resource field holds. A JSON null or a missing member
 * leaves a field unset. A required member that is missing, null or cannot be
 * read is NEXOR_ERROR_INVALID_RESPONSE; an optional one that cannot be read
 * (the wrong type, a date that is no date, 12.5 for an integer) is left unset
 * with a debug line, and stays in the resource's dup_json(). */
typedef enum {
  NEXOR_FIELD_STRING,      /* char * */
  NEXOR_FIELD_BOOLEAN,     /* gboolean */
  NEXOR_FIELD_DOUBLE,      /* double, from any JSON number */
  NEXOR_FIELD_DATETIME,    /* GDateTime *, see _nexor_json_parse_datetime(); read it
                            * only with _nexor_field_get_datetime() */
  NEXOR_FIELD_JSON_OBJECT, /* JsonObject * (sealed; that object, not the tree around it) */
  NEXOR_FIELD_JSON_NODE,   /* JsonNode * of any type (sealed; a copy without a parent) */
  NEXOR_FIELD_RESOURCE,    /* GObject * built by @parse from a JSON object */
  NEXOR_FIELD_LIST,        /* GListModel * of objects built by @parse from a JSON array;
                            * optional: an item that cannot be read is left out */
  NEXOR_FIELD_INT,         /* int, from a JSON number without a fractional part (12, 12.0) */
} NexorFieldKind;

/* @document: (nullable): the response @object was read from, if any: a
 * resource built from it keeps the body and its span instead of the tree. */
typedef gpointer (*NexorResourceParseFunc) (JsonObject         *object,
                                            NexorJsonDocument  *document,
                                            GError            **error);

/* One public, read-only property of a resource and where it comes from. */
typedef struct {
  const char *property;          /* "first-name" */
  const char *json_names[3];     /* "first_name", then accepted alternative spellings */
  NexorFieldKind kind;
  gsize offset;                  /* G_STRUCT_OFFSET of the storage in the instance */
  gboolean required;             /* a missing or null member is an error */
  double default_double;         /* for NEXOR_FIELD_DOUBLE and NEXOR_FIELD_INT */
  GType (*get_type) (void);      /* item or object type, for RESOURCE and LIST */
  NexorResourceParseFunc parse;  /* for RESOURCE and LIST */
} NexorField;

#define NEXOR_FIELD_NAMES(...) { __VA_ARGS__ }

/* (transfer none) (nullable): the value of a NEXOR_FIELD_DATETIME field,
 * built on first use; the resource keeps it. */
GDateTime *_nexor_field_get_datetime       (GDateTime        **slot);

void      _nexor_fields_install_properties (GObjectClass      *klass,
                                            const NexorField  *fields,
                                            guint              n_fields,
                                            GParamSpec       **pspecs);
void      _nexor_fields_init               (gpointer           instance,
                                            const NexorField  *fields,
                                            guint              n_fields);
void      _nexor_fields_get_property       (gpointer           instance,
                                            const NexorField  *fields,
                                            guint              n_fields,
                                            guint              prop_id,
                                            GValue            *value,
                                            GParamSpec        *pspec);
void      _nexor_fields_clear              (gpointer           instance,
                                            const NexorField  *fields,
                                            guint              n_fields);
gboolean  _nexor_fields_parse              (gpointer            instance,
                                            const char         *what,
                                            const NexorField   *fields,
                                            guint               n_fields,
                                            JsonObject         *object,
                                            NexorJsonDocument  *document,
                                            GError            **error);

/* Finds the first of @names that is present and not null, and which it was;
 * NULL otherwise. */
JsonNode *_nexor_json_lookup               (JsonObject        *object,
                                            const char * const *names,
                                            const char       **found_name);
JsonNode *_nexor_json_lookup1              (JsonObject        *object,
                                            const char        *name);

/* An optional member that cannot be read: says so at debug level. */
void      _nexor_json_skip_member          (const char        *what,
                                            const char        *name,
                                            const GError      *why);

/* The optional member @name of @object if it is an object; NULL if it is
 * missing, null or something else (skipped as above). */
JsonObject *_nexor_json_get_optional_object (JsonObject       *object,
                                            const char        *what,
                                            const char        *name);

/* @parse (@object, @document), for an optional member @name: NULL when
 * @object is NULL or cannot be read (skipped as above). */
gpointer  _nexor_json_parse_optional       (NexorResourceParseFunc  parse,
                                            JsonObject             *object,
                                            NexorJsonDocument      *document,
                                            const char             *what,
                                            const char             *name);

/* An ISO 8601 date-time, with UTC for one without an offset; also a date
 * alone (midnight UTC) and a time without seconds. NULL otherwise. */
GDateTime *_nexor_json_parse_datetime      (const char        *str);

JsonNode *_nexor_json_parse_bytes          (GBytes            *bytes,
                                            GError           **error);

/* Unwraps {"success":…,"<member>":…}, {"data":…} and bare objects. */
JsonObject *_nexor_json_unwrap_envelope    (JsonNode          *root,
                                            const char        *member,
                                            const char        *what,
                                            GError           **error);

/* The object of a flat response such as {"success": true, "paused": false},
 * refusing "success": false. */
JsonObject *_nexor_json_get_root_object    (JsonNode          *root,
                                            const char        *what,
                                            GError           **error);

/* A list response: {"success":…,"<member>": […]}, {"data": […]} or a bare
 * array, as a GListModel of @item_type built by @parse. */
GListModel *_nexor_json_unwrap_list        (JsonNode                *root,
                                            const char              *member,
                                            const char              *what,
                                            GType                    item_type,
                                            NexorResourceParseFunc   parse,
                                            NexorJsonDocument       *document,
                                            GError                 **error);

const char *_nexor_json_node_type_name     (JsonNode          *node);

/* (transfer full): copies that share nothing with the original, unsealed. */
JsonObject *_nexor_json_object_deep_copy   (JsonObject        *object);
JsonNode   *_nexor_json_node_deep_copy     (JsonNode          *node);

G_END_DECLS
