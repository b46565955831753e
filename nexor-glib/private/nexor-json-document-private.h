/* nexor-json-document-private.h: the strict JSON reader behind every response
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A parsed response body: the json-glib tree, the bytes it was read from, and
 * where in those bytes each JSON object of the tree starts and ends.
 *
 * Resources built from a document keep a copy of their own span of the
 * bytes (_nexor_json_document_dup_text()) instead of the tree, which is an
 * order of magnitude bigger than the text, and read the text again only when
 * asked for their JSON. */
typedef struct _NexorJsonDocument NexorJsonDocument;

/* A reference-counted copy of the text of one JSON object of a body (and of
 * the objects nested in it), which a resource keeps instead of the body. */
typedef struct _NexorJsonText NexorJsonText;

/* Nothing deeper is accepted. The reader itself keeps its open levels on the
 * heap, but json-glib recurses once per level wherever a tree goes next:
 * sealing it (metadata, dup_json), freeing it, json_node_equal,
 * JsonGenerator, and the tools' writer. Measured (tests/client/
 * test-json-depth.c, docs/reliability.md): at most 176 bytes a level, and a
 * blocking get_lead with dup_json needs about 15 KiB of its own. 256 levels
 * keep the deepest accepted answer within 64 KiB of stack, half of musl's
 * 128 KiB thread default, leaving the other half to the caller. */
#define NEXOR_JSON_MAX_DEPTH 256

/* Parses @bytes as one RFC 8259 JSON text (UTF-8, an optional byte order
 * mark, nothing after the value but whitespace). Fails with
 * NEXOR_ERROR_INVALID_RESPONSE on anything else: invalid UTF-8, control
 * characters or U+0000 in strings, lone surrogates, numbers out of range,
 * nesting deeper than NEXOR_JSON_MAX_DEPTH. Integers that fit in gint64 become
 * G_TYPE_INT64 values, other numbers G_TYPE_DOUBLE. Of duplicate members the
 * last wins. The tree is not sealed. */
NexorJsonDocument *_nexor_json_document_parse     (GBytes             *bytes,
                                                   GError            **error);

/* Like _nexor_json_document_parse(), for the body of a webhook delivery:
 * the same rules, with NEXOR_ERROR_INVALID_EVENT and words for a delivery. */
NexorJsonDocument *_nexor_json_document_parse_delivery (GBytes        *bytes,
                                                        GError       **error);

/* Like _nexor_json_document_parse(), for the @length bytes at @offset of
 * @bytes, recording no spans. */
JsonNode          *_nexor_json_parse_span         (GBytes             *bytes,
                                                   gsize               offset,
                                                   gsize               length,
                                                   GError            **error);

NexorJsonDocument *_nexor_json_document_ref       (NexorJsonDocument  *document);
void               _nexor_json_document_unref     (NexorJsonDocument  *document);

/* (transfer none) */
JsonNode          *_nexor_json_document_get_root  (NexorJsonDocument  *document);
/* (transfer none) */
GBytes            *_nexor_json_document_get_bytes (NexorJsonDocument  *document);

/* Where @object, a JSON object of this document's tree, was in the bytes:
 * from its '{' to its '}' inclusive. FALSE for an object that is not part of
 * this document's tree, and for every object of a document with a duplicate
 * member anywhere (the objects it replaced were freed, and a span found by
 * address could belong to one of them). */
gboolean           _nexor_json_document_get_span  (NexorJsonDocument *document,
                                                   JsonObject        *object,
                                                   gsize             *offset,
                                                   gsize             *length);

/* (transfer full) (nullable): the text of @object, a JSON object of this
 * document's tree, and where @object is in it; NULL where
 * _nexor_json_document_get_span() is FALSE. The text is a copy of @object's
 * span, or, for an object inside the span this document copied last, that
 * copy: a resource and the resources nested in it share one. */
NexorJsonText     *_nexor_json_document_dup_text  (NexorJsonDocument *document,
                                                   JsonObject        *object,
                                                   gsize             *offset,
                                                   gsize             *length);

NexorJsonText     *_nexor_json_text_ref           (NexorJsonText     *text);
void               _nexor_json_text_unref         (NexorJsonText     *text);
/* (transfer none): not nul-terminated */
const char        *_nexor_json_text_get_data      (NexorJsonText     *text);

/* (nullable): @value, a string member of the object at @offset, @length
 * of @text, as a nul-terminated run of @text, if the text has it verbatim
 * (no escapes): the quote after it becomes a NUL, which
 * _nexor_json_text_parse() turns back into a quote. Valid as long as @text.
 * NULL if the value is not there as it is. Only while @text is being built,
 * before any other thread can see it. */
const char        *_nexor_json_text_take_string   (NexorJsonText     *text,
                                                   gsize              offset,
                                                   gsize              length,
                                                   const char        *value);
/* Whether @pointer points into @text. */
gboolean           _nexor_json_text_holds         (NexorJsonText     *text,
                                                   const char        *pointer);

/* Like _nexor_json_parse_span(), for the @length bytes at @offset of @text,
 * as they were in the body. */
JsonNode          *_nexor_json_text_parse         (NexorJsonText     *text,
                                                   gsize              offset,
                                                   gsize              length,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorJsonDocument, _nexor_json_document_unref)

G_END_DECLS
