/* nexor-conversion-query-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-request-private.h"

#include "nexor-conversion-query.h"

G_BEGIN_DECLS

/* Adds the filters that are set to @request's query; a bad one becomes
 * the request's error. @self may be NULL: no filters. */
void                  _nexor_conversion_query_add_to_request (NexorConversionQuery *self,
                                                              NexorRequest         *request);
/* A copy that later changes to @self do not reach; @self may be NULL. */
NexorConversionQuery *_nexor_conversion_query_copy           (NexorConversionQuery *self);

G_END_DECLS
