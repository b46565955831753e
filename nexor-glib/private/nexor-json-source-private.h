/* nexor-json-source-private.h: where a resource's raw JSON comes back from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-json-document-private.h"

G_BEGIN_DECLS

/* What a resource keeps so that its dup_json() can hand out the JSON object
 * it was built from.
 *
 * A json-glib tree costs about eight times the text it was read from, and a
 * resource is usually held long after the response: one built from a
 * document keeps a copy of its object's text (shared with the resources
 * nested in it, whose spans are within it) and reads the object back when
 * asked (@object is NULL). Not the response's bytes: an item kept from a
 * list would keep the whole page. One built from an object outside a
 * document keeps that object, sealed (@text is NULL). */
typedef struct {
  JsonObject    *object;
  NexorJsonText *text;
  guint32        offset;
  guint32        length;
} NexorJsonSource;

/* Remembers where @object came from: its span when @document (nullable)
 * holds it, else @object itself, sealed. */
void        _nexor_json_source_init    (NexorJsonSource   *source,
                                        JsonObject        *object,
                                        NexorJsonDocument *document);

/* (transfer full): a new object for each call, read back from the bytes or
 * copied from the kept object, sharing nothing with the resource. */
JsonObject *_nexor_json_source_dup     (NexorJsonSource   *source);

void        _nexor_json_source_clear   (NexorJsonSource   *source);

G_END_DECLS
