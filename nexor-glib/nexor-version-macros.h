/* nexor-version-macros.h: symbol visibility for the public API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <glib.h>

/* Every public symbol carries NEXOR_AVAILABLE_IN_ALL; everything else is
 * hidden (-fvisibility=hidden), so private helpers never become ABI. */
#if defined(_WIN32) && !defined(NEXOR_STATIC_COMPILATION)
# ifdef NEXOR_COMPILATION
#  define _NEXOR_EXPORT __declspec(dllexport)
# else
#  define _NEXOR_EXPORT __declspec(dllimport)
# endif
#elif defined(__GNUC__)
# define _NEXOR_EXPORT __attribute__((visibility("default")))
#else
# define _NEXOR_EXPORT
#endif

#define _NEXOR_EXTERN _NEXOR_EXPORT extern

#define NEXOR_AVAILABLE_IN_ALL _NEXOR_EXTERN
