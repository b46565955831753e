/* nexor-version.c: the version of the library a program runs with
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-version.h"

/**
 * nexor_get_major_version:
 *
 * The major version of the nexor-glib library the program runs with, which
 * may differ from %NEXOR_MAJOR_VERSION, the one it was compiled against.
 *
 * Returns: the major version, e.g. 0 for 0.1.0
 *
 * Since: 0.1
 */
guint
nexor_get_major_version (void)
{
  return NEXOR_MAJOR_VERSION;
}

/**
 * nexor_get_minor_version:
 *
 * The minor version of the nexor-glib library the program runs with, which
 * may differ from %NEXOR_MINOR_VERSION, the one it was compiled against.
 *
 * Returns: the minor version, e.g. 1 for 0.1.0
 *
 * Since: 0.1
 */
guint
nexor_get_minor_version (void)
{
  return NEXOR_MINOR_VERSION;
}

/**
 * nexor_get_micro_version:
 *
 * The micro version of the nexor-glib library the program runs with, which
 * may differ from %NEXOR_MICRO_VERSION, the one it was compiled against.
 *
 * Returns: the micro version, e.g. 0 for 0.1.0
 *
 * Since: 0.1
 */
guint
nexor_get_micro_version (void)
{
  return NEXOR_MICRO_VERSION;
}

/**
 * nexor_check_version:
 * @major: the required major version
 * @minor: the required minor version
 * @micro: the required micro version
 *
 * Checks that the nexor-glib library the program runs with is compatible
 * with version @major.@minor.@micro: same major version, and at least that
 * minor and micro version. Unlike %NEXOR_CHECK_VERSION, which looks at the
 * headers at compile time, this asks the library loaded at run time (a
 * program that loads nexor-glib through introspection has no headers).
 *
 * Returns: (nullable): %NULL if the library is compatible, else a message
 *   saying why not, owned by nexor-glib
 *
 * Since: 0.1
 */
const char *
nexor_check_version (guint major,
                     guint minor,
                     guint micro)
{
  guint lib_major = nexor_get_major_version ();
  guint lib_minor = nexor_get_minor_version ();
  guint lib_micro = nexor_get_micro_version ();

  if (major > lib_major)
    return "nexor-glib version too old (major mismatch)";
  if (major < lib_major)
    return "nexor-glib version too new (major mismatch)";
  if (minor > lib_minor)
    return "nexor-glib version too old (minor mismatch)";
  if (minor == lib_minor && micro > lib_micro)
    return "nexor-glib version too old (micro mismatch)";
  return NULL;
}
