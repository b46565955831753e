/* nexor-json-private.h: NULL-safe JSON readers and table-driven resource parsing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The kinds of value a resource field holds.  A JSON null or a missing member
 * leaves a field unset; any other type mismatch is NEXOR_ERROR_INVALID_RESPONSE. */
typedef enum {
  NEXOR_FIELD_STRING,      /* char * */
  NEXOR_FIELD_BOOLEAN,     /* gboolean */
  NEXOR_FIELD_DOUBLE,      /* double, from any JSON number */
  NEXOR_FIELD_DATETIME,    /* GDateTime *, from an ISO 8601 string */
  NEXOR_FIELD_JSON_OBJECT, /* JsonObject * (sealed; that object, not the tree around it) */
  NEXOR_FIELD_JSON_NODE,   /* JsonNode * of any type (sealed; a copy without a parent) */
  NEXOR_FIELD_RESOURCE,    /* GObject * built by @parse from a JSON object */
  NEXOR_FIELD_LIST,        /* GListModel * of objects built by @parse from a JSON array */
  NEXOR_FIELD_INT,         /* int, from a JSON number without a fractional part */
} NexorFieldKind;

typedef gpointer (*NexorResourceParseFunc) (JsonObject  *object,
                                            GError     **error);

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
gboolean  _nexor_fields_parse              (gpointer           instance,
                                            const char        *what,
                                            const NexorField  *fields,
                                            guint              n_fields,
                                            JsonObject        *object,
                                            GError           **error);

/* Finds the first of @names that is present and not null, and which it was;
 * NULL otherwise. */
JsonNode *_nexor_json_lookup               (JsonObject        *object,
                                            const char * const *names,
                                            const char       **found_name);
JsonNode *_nexor_json_lookup1              (JsonObject        *object,
                                            const char        *name);

gboolean  _nexor_json_get_object           (JsonObject        *object,
                                            const char        *what,
                                            const char        *name,
                                            JsonObject       **out,
                                            GError           **error);

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
GListModel *_nexor_json_unwrap_list        (JsonNode          *root,
                                            const char        *member,
                                            const char        *what,
                                            GType              item_type,
                                            NexorResourceParseFunc parse,
                                            GError           **error);

const char *_nexor_json_node_type_name     (JsonNode          *node);

gboolean  _nexor_is_uuid                   (const char        *str);

G_END_DECLS
