/* nexor-version-macros.h: symbol visibility and versioning of the public API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The numbers come from the generated nexor-version.h, which includes this
 * file again once they are defined: so the guard is set only below. */
#ifndef NEXOR_MAJOR_VERSION
# include "nexor-version.h"
#endif

#ifndef __NEXOR_VERSION_MACROS_H__
#define __NEXOR_VERSION_MACROS_H__

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <glib.h>

/* Every public symbol carries a NEXOR_AVAILABLE_IN_x_y (or deprecation)
 * macro; everything else is hidden (-fvisibility=hidden), so private helpers
 * never become ABI. */
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

/**
 * NEXOR_VERSION_0_1:
 *
 * The version of nexor-glib 0.1, encoded with G_ENCODE_VERSION(), for
 * %NEXOR_VERSION_MIN_REQUIRED and %NEXOR_VERSION_MAX_ALLOWED.
 *
 * Since: 0.1
 */
#define NEXOR_VERSION_0_1 (G_ENCODE_VERSION (0, 1))

/* nexor-glib has no odd-numbered development series: every minor release
 * is a stable one. */

/**
 * NEXOR_VERSION_CUR_STABLE:
 *
 * The current stable version of nexor-glib, encoded with G_ENCODE_VERSION().
 *
 * Since: 0.1
 */
#define NEXOR_VERSION_CUR_STABLE (G_ENCODE_VERSION (NEXOR_MAJOR_VERSION, NEXOR_MINOR_VERSION))

/**
 * NEXOR_VERSION_PREV_STABLE:
 *
 * The stable version of nexor-glib before the current one, encoded with
 * G_ENCODE_VERSION().
 *
 * Since: 0.1
 */
#if NEXOR_MINOR_VERSION > 0
# define NEXOR_VERSION_PREV_STABLE (G_ENCODE_VERSION (NEXOR_MAJOR_VERSION, NEXOR_MINOR_VERSION - 1))
#else
# define NEXOR_VERSION_PREV_STABLE (G_ENCODE_VERSION (NEXOR_MAJOR_VERSION, NEXOR_MINOR_VERSION))
#endif

/**
 * NEXOR_VERSION_MIN_REQUIRED:
 *
 * Defined by a program before it includes <nexor-glib.h>, to the oldest
 * nexor-glib it supports (e.g. %NEXOR_VERSION_0_1): API deprecated in a later
 * version then gives no deprecation warning. The default is
 * %NEXOR_VERSION_CUR_STABLE.
 *
 * Since: 0.1
 */
#ifndef NEXOR_VERSION_MIN_REQUIRED
# define NEXOR_VERSION_MIN_REQUIRED (NEXOR_VERSION_CUR_STABLE)
#endif

/**
 * NEXOR_VERSION_MAX_ALLOWED:
 *
 * Defined by a program before it includes <nexor-glib.h>, to the newest
 * nexor-glib whose API it may use: using anything added after it warns. The
 * default is %NEXOR_VERSION_CUR_STABLE (or %NEXOR_VERSION_MIN_REQUIRED if that
 * is newer).
 *
 * Since: 0.1
 */
#ifndef NEXOR_VERSION_MAX_ALLOWED
# if NEXOR_VERSION_MIN_REQUIRED > NEXOR_VERSION_CUR_STABLE
#  define NEXOR_VERSION_MAX_ALLOWED (NEXOR_VERSION_MIN_REQUIRED)
# else
#  define NEXOR_VERSION_MAX_ALLOWED (NEXOR_VERSION_CUR_STABLE)
# endif
#endif

#if NEXOR_VERSION_MAX_ALLOWED < NEXOR_VERSION_MIN_REQUIRED
# error "NEXOR_VERSION_MAX_ALLOWED must be >= NEXOR_VERSION_MIN_REQUIRED"
#endif
#if NEXOR_VERSION_MIN_REQUIRED < NEXOR_VERSION_0_1
# error "NEXOR_VERSION_MIN_REQUIRED must be >= NEXOR_VERSION_0_1, the first release"
#endif

/**
 * NEXOR_DEPRECATED:
 *
 * Marks a declaration deprecated. Defining
 * `NEXOR_DISABLE_DEPRECATION_WARNINGS` before including <nexor-glib.h>
 * silences these warnings, as `GLIB_DISABLE_DEPRECATION_WARNINGS` does GLib's.
 *
 * Since: 0.1
 */
/**
 * NEXOR_DEPRECATED_FOR:
 * @f: the replacement
 *
 * Marks a declaration deprecated in favour of @f.
 *
 * Since: 0.1
 */
/**
 * NEXOR_UNAVAILABLE:
 * @maj: the major version the declaration came in
 * @min: the minor version the declaration came in
 *
 * Marks a declaration newer than %NEXOR_VERSION_MAX_ALLOWED.
 *
 * Since: 0.1
 */
#ifdef NEXOR_DISABLE_DEPRECATION_WARNINGS
# define NEXOR_DEPRECATED _NEXOR_EXTERN
# define NEXOR_DEPRECATED_FOR(f) _NEXOR_EXTERN
# define NEXOR_UNAVAILABLE(maj,min) _NEXOR_EXTERN
#else
# define NEXOR_DEPRECATED G_DEPRECATED _NEXOR_EXTERN
# define NEXOR_DEPRECATED_FOR(f) G_DEPRECATED_FOR(f) _NEXOR_EXTERN
# define NEXOR_UNAVAILABLE(maj,min) G_UNAVAILABLE(maj,min) _NEXOR_EXTERN
#endif

/**
 * NEXOR_AVAILABLE_IN_ALL:
 *
 * Exports a declaration whatever %NEXOR_VERSION_MAX_ALLOWED says. No public
 * symbol uses it: each names the version it came in.
 *
 * Since: 0.1
 */
#define NEXOR_AVAILABLE_IN_ALL _NEXOR_EXTERN

/* One block a release: the next one copies it with its own numbers. */

/**
 * NEXOR_DEPRECATED_IN_0_1:
 *
 * Marks a declaration deprecated in nexor-glib 0.1: a warning unless
 * %NEXOR_VERSION_MIN_REQUIRED is older than 0.1.
 *
 * Since: 0.1
 */
/**
 * NEXOR_DEPRECATED_IN_0_1_FOR:
 * @f: the replacement
 *
 * Marks a declaration deprecated in nexor-glib 0.1 in favour of @f.
 *
 * Since: 0.1
 */
/**
 * NEXOR_AVAILABLE_IN_0_1:
 *
 * Marks a declaration added in nexor-glib 0.1: a warning if
 * %NEXOR_VERSION_MAX_ALLOWED is older than 0.1.
 *
 * Since: 0.1
 */
#if NEXOR_VERSION_MIN_REQUIRED >= NEXOR_VERSION_0_1
# define NEXOR_DEPRECATED_IN_0_1 NEXOR_DEPRECATED
# define NEXOR_DEPRECATED_IN_0_1_FOR(f) NEXOR_DEPRECATED_FOR(f)
#else
# define NEXOR_DEPRECATED_IN_0_1 _NEXOR_EXTERN
# define NEXOR_DEPRECATED_IN_0_1_FOR(f) _NEXOR_EXTERN
#endif

#if NEXOR_VERSION_MAX_ALLOWED < NEXOR_VERSION_0_1
# define NEXOR_AVAILABLE_IN_0_1 NEXOR_UNAVAILABLE(0, 1)
#else
# define NEXOR_AVAILABLE_IN_0_1 _NEXOR_EXTERN
#endif

#endif /* __NEXOR_VERSION_MACROS_H__ */
