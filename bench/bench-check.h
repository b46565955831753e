/* bench-check.h: what every peer does with a Get Lead body
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A hand-written client parses the body into its JSON library's tree and reads
 * the members it needs; the benchmarks read the lead's first name and check
 * it, so no implementation can skip the parse.
 *
 * json-c and json-glib both export json_object_get_type() and friends, so they
 * can never share a process: a file built with BENCH_JSON_C defined gets
 * bench_check_body() over json-c, any other over json-glib.
 */

#pragma once

#include <gio/gio.h>

#ifdef BENCH_JSON_C
#include <json-c/json.h>
#else
#include <json-glib/json-glib.h>
#endif

#include "bench-common.h"

G_BEGIN_DECLS

static inline gboolean
bench_check_first_name (const char  *first_name,
                        GError     **error)
{
  if (g_strcmp0 (first_name, BENCH_FIRST_NAME) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Unexpected answer: first name %s", first_name ? first_name : "(none)");
      return FALSE;
    }
  return TRUE;
}

static inline gboolean
bench_check_status (guint    status,
                    GError **error)
{
  /* 201 is what a create answers */
  if (status != 200 && status != 201)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "HTTP %u", status);
      return FALSE;
    }
  return TRUE;
}

#ifdef BENCH_JSON_C

#define BENCH_JSON_LIBRARY "json-c"

static inline gboolean
bench_check_body (const char  *data,
                  gsize        size,
                  GError     **error)
{
  struct json_tokener *tokener = json_tokener_new ();
  struct json_object *root = json_tokener_parse_ex (tokener, data, (int) size);
  struct json_object *lead = NULL;
  struct json_object *first_name = NULL;
  gboolean ok;

  json_tokener_free (tokener);
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "json-c: not JSON");
      return FALSE;
    }
  ok = json_object_object_get_ex (root, "lead", &lead) &&
       json_object_object_get_ex (lead, "first_name", &first_name) &&
       bench_check_first_name (json_object_get_string (first_name), error);
  json_object_put (root);
  if (!ok && error != NULL && *error == NULL)
    bench_check_first_name (NULL, error);
  return ok;
}

#else

#define BENCH_JSON_LIBRARY "json-glib"

static inline gboolean
bench_check_body (const char  *data,
                  gsize        size,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *lead;

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (lead = json_object_get_member (json_node_get_object (root), "lead")) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (lead))
    return bench_check_first_name (NULL, error);

  return bench_check_first_name (json_object_get_string_member_with_default (json_node_get_object (lead),
                                                                             "first_name", NULL),
                                 error);
}

#endif

G_END_DECLS
