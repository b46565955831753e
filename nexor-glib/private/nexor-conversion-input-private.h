/* nexor-conversion-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-request-private.h"

#include "nexor-conversion-input.h"

G_BEGIN_DECLS

/* Refuses, with NEXOR_ERROR_INVALID_ARGUMENT, what would never be accepted. */
gboolean  _nexor_conversion_input_check   (NexorConversionInput  *self,
                                           GError               **error);
/* The set members, as the request body. */
JsonNode *_nexor_conversion_input_to_json (NexorConversionInput  *self);

G_END_DECLS
