/* nexor-tag-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-tag.h"

G_BEGIN_DECLS

NexorTag *_nexor_tag_new_from_json (JsonObject         *object,
                                    NexorJsonDocument  *document,
                                    GError            **error);

G_END_DECLS
