/* nexor-json-source.c: where a resource's raw JSON comes back from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "nexor-json-private.h"
#include "nexor-json-source-private.h"

void
_nexor_json_source_init (NexorJsonSource   *source,
                         JsonObject        *object,
                         NexorJsonDocument *document)
{
  gsize offset = 0;
  gsize length = 0;

  g_return_if_fail (source != NULL);
  g_return_if_fail (object != NULL);

  memset (source, 0, sizeof *source);

  /* The document refuses bodies over 4 GiB, so a span fits in 32 bits. */
  if (document != NULL &&
      (source->text = _nexor_json_document_dup_text (document, object, &offset, &length)) != NULL)
    {
      source->offset = (guint32) offset;
      source->length = (guint32) length;
      return;
    }

  /* The object is shared with whoever built it: sealed, neither side can
   * change what the other sees. */
  json_object_seal (object);
  source->object = json_object_ref (object);
}

JsonObject *
_nexor_json_source_dup (NexorJsonSource *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_return_val_if_fail (source != NULL, NULL);

  /* A copy: json-glib lets a holder change even a sealed object, and the
   * resource must not change with it. */
  if (source->object != NULL)
    return _nexor_json_object_deep_copy (source->object);

  g_return_val_if_fail (source->text != NULL, NULL);

  node = _nexor_json_text_parse (source->text, source->offset, source->length, &error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* These bytes were read as this very object when the resource was
       * built, so this cannot happen; but dup_json() promises an object, and
       * bindings would not expect NULL. */
      g_critical ("Cannot read a resource's JSON back: %s",
                  error != NULL ? error->message : "not an object");
      object = json_object_new ();
      json_object_seal (object);
      return object;
    }

  object = json_object_ref (json_node_get_object (node));
  json_object_seal (object);
  return object;
}

void
_nexor_json_source_clear (NexorJsonSource *source)
{
  g_clear_pointer (&source->object, json_object_unref);
  g_clear_pointer (&source->text, _nexor_json_text_unref);
  source->offset = 0;
  source->length = 0;
}
