/* nexor-request-private.h: what an endpoint asks of the request core
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-json-document-private.h"

G_BEGIN_DECLS

/* Turns a successful response body into the operation's result (a GObject). */
typedef gpointer (*NexorResponseParser) (JsonNode           *root,
                                         NexorJsonDocument  *document,
                                         GError            **error);

typedef struct _NexorRequest NexorRequest;

NexorRequest *_nexor_request_new            (const char           *method,
                                             NexorResponseParser   parse);
void          _nexor_request_free           (NexorRequest         *self);
void          _nexor_request_add_segment    (NexorRequest         *self,
                                             const char           *segment);
void          _nexor_request_add_query      (NexorRequest         *self,
                                             const char           *name,
                                             const char           *value);
/* Adds "name=a,b" for a filter the API takes as a comma list; NULL or an
 * empty list adds nothing. Items must be non-empty, without commas. */
gboolean      _nexor_request_add_list_query (NexorRequest         *self,
                                             const char           *name,
                                             const char * const   *values);
void          _nexor_request_take_body      (NexorRequest         *self,
                                             JsonNode             *body);
void          _nexor_request_set_idempotent (NexorRequest         *self,
                                             gboolean              idempotent);
void          _nexor_request_take_error     (NexorRequest         *self,
                                             GError               *error);

/* Path ids are checked here and only here: everything but a UUID is refused
 * (it could walk the path, "..", or reach another endpoint, "a/b"), and the
 * request keeps the error and is never sent. */
gboolean      _nexor_is_uuid                (const char           *str);
gboolean      _nexor_request_add_id_segment (NexorRequest         *self,
                                             const char           *what,
                                             const char           *id);
/* A 404 is the API's "not found" only for an operation that documents one,
 * and only when the API's JSON error envelope names what was missing; any
 * other 404 (an HTML page, an unknown route) means the base URL is not the
 * API's. An id added with _nexor_request_add_id_segment() declares its
 * resource itself; ids in a body are declared here. @what is a static
 * string, a word of the documented answer ("tag", "workflow run"). */
void          _nexor_request_add_not_found  (NexorRequest         *self,
                                             const char           *what);
gboolean      _nexor_request_is_documented_not_found (NexorRequest *self,
                                                      const char   *text);
/* Checks a required text argument (not NULL, not blank, valid UTF-8); on
 * failure the request keeps the error and is never sent. */
gboolean      _nexor_request_check_text     (NexorRequest         *self,
                                             const char           *what,
                                             const char           *text);

const char   *_nexor_request_get_method     (NexorRequest         *self);
/* For a call made of several requests (a lookup, then the action): the
 * monotonic time the call began, so that its one deadline counts from there. */
void          _nexor_request_set_call_start (NexorRequest         *self,
                                             gint64                started_us);
gint64        _nexor_request_get_call_start (NexorRequest         *self);
gboolean      _nexor_request_get_idempotent (NexorRequest         *self);
/* Whether the request may go on an idle keep-alive connection: every
 * request but one not safe to repeat whose method libsoup would re-send by
 * itself after a reused connection failed (PUT, DELETE, …). */
gboolean      _nexor_request_may_reuse_connection (NexorRequest   *self);
char         *_nexor_request_build_path     (NexorRequest         *self);
GBytes       *_nexor_request_get_body       (NexorRequest         *self);
const GError *_nexor_request_get_error      (NexorRequest         *self);
gpointer      _nexor_request_parse          (NexorRequest       *self,
                                             JsonNode           *root,
                                             NexorJsonDocument  *document,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorRequest, _nexor_request_free)

G_END_DECLS
