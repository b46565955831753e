/* nexor-resource.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-resource-private.h"

gpointer
_nexor_resource_new_from_json (GType               type,
                               const char         *what,
                               const NexorField   *fields,
                               guint               n_fields,
                               JsonObject         *object,
                               NexorJsonDocument  *document,
                               GError            **error)
{
  g_autoptr(GObject) self = g_object_new (type, NULL);

  _nexor_json_source_init (&((NexorResource *) self)->json, object, document);
  if (!_nexor_fields_parse (self, what, fields, n_fields, object, document, error))
    return NULL;

  return g_steal_pointer (&self);
}
