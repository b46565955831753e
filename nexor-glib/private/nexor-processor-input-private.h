/* nexor-processor-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-processor-input.h"

G_BEGIN_DECLS

/* Creating needs a name and a default workflow; neither may be null or
 * empty when set. */
gboolean  _nexor_processor_input_check   (NexorProcessorInput  *self,
                                          gboolean              creating,
                                          GError              **error);
JsonNode *_nexor_processor_input_to_json (NexorProcessorInput  *self);

G_END_DECLS
