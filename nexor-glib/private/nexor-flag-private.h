/* nexor-flag-private.h: a boolean answer, as the object the request core passes on
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NEXOR_TYPE_FLAG (_nexor_flag_get_type ())

G_DECLARE_FINAL_TYPE (NexorFlag, _nexor_flag, NEXOR, FLAG, GObject)

/* Parses {"success": true}: an answer that says only that it worked. */
NexorFlag *_nexor_flag_new_from_success (JsonNode      *root,
                                         const char    *what,
                                         GError       **error);

/* Unwraps the result of a request whose parser made a flag: FALSE with
 * @error set when the request failed. */
gboolean   _nexor_flag_take_value       (NexorFlag     *flag);

G_END_DECLS
