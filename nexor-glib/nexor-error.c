/* nexor-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"

/**
 * nexor_error_quark:
 *
 * The quark of the [error@Nexor.Error] domain, `NEXOR_ERROR`.
 *
 * Returns: the error quark
 */
G_DEFINE_QUARK (nexor-error-quark, nexor_error)
