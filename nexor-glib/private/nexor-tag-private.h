/* nexor-tag-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-tag.h"

G_BEGIN_DECLS

NexorTag *_nexor_tag_new_from_json (JsonObject  *object,
                                    GError     **error);

G_END_DECLS
