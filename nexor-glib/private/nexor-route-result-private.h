/* nexor-route-result-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-json-document-private.h"

#include "nexor-route-result.h"

G_BEGIN_DECLS

NexorRouteResult *_nexor_route_result_new_from_json (JsonObject         *object,
                                                   NexorJsonDocument  *document,
                                                   GError            **error);
G_END_DECLS
