/* nexor-webhook-signature-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-webhook-signature.h"

G_BEGIN_DECLS

/* Whether the @length bytes at @a and @b are equal, in a time that depends
 * on @length alone: no early exit and no branch on the bytes, so that how
 * long a refusal takes says nothing about how much of a forged signature
 * was right. */
gboolean _nexor_constant_time_equal (const guint8 *a,
                                     const guint8 *b,
                                     gsize         length);

G_END_DECLS
