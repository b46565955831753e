/* nexor-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"

G_DEFINE_QUARK (nexor-error-quark, nexor_error)
