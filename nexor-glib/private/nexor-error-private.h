/* nexor-error-private.h: what the request core adds to an error
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-error.h"

G_BEGIN_DECLS

GError *_nexor_error_take_retry_after (GError *error,
                                       guint   seconds);

G_END_DECLS
