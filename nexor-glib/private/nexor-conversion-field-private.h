/* nexor-conversion-field-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-conversion-field.h"

G_BEGIN_DECLS

NexorConversionField *_nexor_conversion_field_new_from_json (JsonObject         *object,
                                                            NexorJsonDocument  *document,
                                                            GError            **error);

G_END_DECLS
