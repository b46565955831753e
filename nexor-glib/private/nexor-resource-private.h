/* nexor-resource-private.h: the shared machinery of immutable resource objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-json-private.h"
#include "nexor-json-source-private.h"

G_BEGIN_DECLS

/* Every resource struct starts with these two members, in this order, so one
 * constructor serves them all. */
typedef struct {
  GObject          parent_instance;
  NexorJsonSource  json;
} NexorResource;

/* @document (nullable) is the response @object was read from: the resource
 * keeps the body and @object's span in it rather than the object. Every
 * parser takes it as an argument and hands it to the resources it builds;
 * NULL (a test, an object built by hand) keeps @object itself, sealed. */
gpointer _nexor_resource_new_from_json (GType               type,
                                        const char         *what,
                                        const NexorField   *fields,
                                        guint               n_fields,
                                        JsonObject         *object,
                                        NexorJsonDocument  *document,
                                        GError            **error);

/* Defines the GType, class and instance set-up, finalize, get_property and
 * the public prefix_dup_json() of a resource whose properties are @fields. */
#define NEXOR_DEFINE_RESOURCE(TypeName, type_name, fields)                        \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT)                        \
                                                                                  \
  static GParamSpec *type_name##_props[G_N_ELEMENTS (fields) + 1];                \
                                                                                  \
  static void                                                                     \
  type_name##_finalize (GObject *object)                                          \
  {                                                                               \
    NexorResource *resource = (NexorResource *) object;                           \
                                                                                  \
    _nexor_fields_clear (object, fields, G_N_ELEMENTS (fields));                  \
    _nexor_json_source_clear (&resource->json);                                   \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);                 \
  }                                                                               \
                                                                                  \
  static void                                                                     \
  type_name##_get_property (GObject    *object,                                   \
                            guint       prop_id,                                  \
                            GValue     *value,                                    \
                            GParamSpec *pspec)                                    \
  {                                                                               \
    _nexor_fields_get_property (object, fields, G_N_ELEMENTS (fields),            \
                                prop_id, value, pspec);                           \
  }                                                                               \
                                                                                  \
  static void                                                                     \
  type_name##_class_init (TypeName##Class *klass)                                 \
  {                                                                               \
    GObjectClass *object_class = G_OBJECT_CLASS (klass);                          \
                                                                                  \
    object_class->finalize = type_name##_finalize;                                \
    object_class->get_property = type_name##_get_property;                        \
    _nexor_fields_install_properties (object_class, fields,                       \
                                      G_N_ELEMENTS (fields), type_name##_props);  \
  }                                                                               \
                                                                                  \
  static void                                                                     \
  type_name##_init (TypeName *self)                                               \
  {                                                                               \
    _nexor_fields_init (self, fields, G_N_ELEMENTS (fields));                     \
  }                                                                               \
                                                                                  \
  JsonObject *                                                                    \
  type_name##_dup_json (TypeName *self)                                           \
  {                                                                               \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), NULL); \
                                                                                  \
    return _nexor_json_source_dup (&((NexorResource *) self)->json);              \
  }

G_END_DECLS
