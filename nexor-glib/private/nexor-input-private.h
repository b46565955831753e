/* nexor-input-private.h: the storage shared by the input objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One writable property of an input object and the body member it becomes.
 * @type is G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_BOOLEAN, G_TYPE_INT (0 to
 * G_MAXINT), G_TYPE_DATE_TIME (sent as ISO 8601 in UTC), JSON_TYPE_OBJECT or
 * JSON_TYPE_NODE (any JSON value). */
typedef struct {
  const char *property;   /* "first-name" */
  const char *json_name;  /* "first_name" */
  GType (*get_type) (void);
} NexorInputField;

/* The values of an input object live in a JsonObject keyed by body member: a
 * member that is absent is unset, a null member is an explicit null. */

void                   _nexor_input_install_properties (GObjectClass           *klass,
                                                        const NexorInputField  *fields,
                                                        guint                   n_fields,
                                                        GParamSpec            **pspecs);
const NexorInputField *_nexor_input_find_field         (const NexorInputField  *fields,
                                                        guint                   n_fields,
                                                        const char             *property);
/* Returns whether the value changed. */
gboolean               _nexor_input_set_value          (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        const GValue           *value);
gboolean               _nexor_input_set_string         (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        const char             *value);
gboolean               _nexor_input_set_object         (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        JsonObject             *value);
gboolean               _nexor_input_set_double         (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        double                  value);
gboolean               _nexor_input_set_datetime       (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        GDateTime              *value);
gboolean               _nexor_input_set_boolean        (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        gboolean                value);
gboolean               _nexor_input_set_int            (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        int                     value);
gboolean               _nexor_input_set_node           (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        JsonNode               *value);
gboolean               _nexor_input_get_boolean        (JsonObject             *values,
                                                        const NexorInputField  *field);
int                    _nexor_input_get_int            (JsonObject             *values,
                                                        const NexorInputField  *field);
JsonNode              *_nexor_input_dup_node           (JsonObject             *values,
                                                        const NexorInputField  *field);
double                 _nexor_input_get_double         (JsonObject             *values,
                                                        const NexorInputField  *field);
GDateTime             *_nexor_input_dup_datetime       (JsonObject             *values,
                                                        const NexorInputField  *field);
gboolean               _nexor_input_unset              (JsonObject             *values,
                                                        const NexorInputField  *field);
void                   _nexor_input_get_value          (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        GValue                 *value);
const char            *_nexor_input_get_string         (JsonObject             *values,
                                                        const NexorInputField  *field);
JsonObject            *_nexor_input_dup_object         (JsonObject             *values,
                                                        const NexorInputField  *field);

/* Whether the member is set, and to JSON null. */
gboolean               _nexor_input_is_set             (JsonObject             *values,
                                                        const char             *json_name);
gboolean               _nexor_input_is_null            (JsonObject             *values,
                                                        const char             *json_name);

/* Client-side checks shared by the inputs; @what names the input in errors. */
gboolean               _nexor_input_check_utf8         (JsonObject             *values,
                                                        const NexorInputField  *fields,
                                                        guint                   n_fields,
                                                        const char             *what,
                                                        GError                **error);
gboolean               _nexor_input_require_text       (JsonObject             *values,
                                                        const NexorInputField  *field,
                                                        gboolean                required,
                                                        const char             *what,
                                                        GError                **error);

/* The set members, in the order of @fields, as a new JSON object node. */
JsonNode              *_nexor_input_to_json            (JsonObject             *values,
                                                        const NexorInputField  *fields,
                                                        guint                   n_fields);

G_END_DECLS
