/* nexor-cadence-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-cadence.h"

G_BEGIN_DECLS

NexorCadence *_nexor_cadence_new_from_json (JsonObject  *object,
                                           GError     **error);

G_END_DECLS
