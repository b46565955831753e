/* nexor-conversion-type-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-conversion-type.h"

G_BEGIN_DECLS

NexorConversionType *_nexor_conversion_type_new_from_json (JsonObject         *object,
                                                          NexorJsonDocument  *document,
                                                          GError            **error);

G_END_DECLS
