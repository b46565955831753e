/* nexor-tag-input-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-tag-input.h"

G_BEGIN_DECLS

typedef enum {
  NEXOR_TAG_INPUT_CREATE,
  NEXOR_TAG_INPUT_UPDATE,
} NexorTagInputPurpose;

gboolean  _nexor_tag_input_check   (NexorTagInput          *self,
                                    NexorTagInputPurpose    purpose,
                                    GError                **error);
JsonNode *_nexor_tag_input_to_json (NexorTagInput          *self);

G_END_DECLS
