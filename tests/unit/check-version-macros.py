#!/usr/bin/python3
"""Compiles small programs against <nexor-glib.h> to check the version macros
do what docs/overview.md says: the MIN_REQUIRED/MAX_ALLOWED checks refuse
what they must, deprecated API warns unless NEXOR_DISABLE_DEPRECATION_WARNINGS,
and NEXOR_UNAVAILABLE warns. Prints TAP.

    check-version-macros.py CC [CFLAG...]

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import os
import subprocess
import sys
import tempfile

PROGRAM = """
#include <nexor-glib.h>
NEXOR_DEPRECATED_IN_0_1_FOR (nexor_get_major_version) guint old_call (void);
NEXOR_UNAVAILABLE (9, 9) guint future_call (void);
int main (void) {
#ifdef USE_OLD
  return (int) old_call ();
#elif defined USE_FUTURE
  return (int) future_call ();
#else
  return (int) nexor_get_major_version ();
#endif
}
"""

CASES = [
    # name, defines, expect success, text expected in the diagnostics
    ("defaults compile", [], True, None),
    ("MIN_REQUIRED = MAX_ALLOWED = 0.1 compiles",
     ["-DNEXOR_VERSION_MIN_REQUIRED=NEXOR_VERSION_0_1",
      "-DNEXOR_VERSION_MAX_ALLOWED=NEXOR_VERSION_0_1"], True, None),
    ("MAX_ALLOWED older than MIN_REQUIRED is refused",
     ["-DNEXOR_VERSION_MIN_REQUIRED=G_ENCODE_VERSION(0,2)",
      "-DNEXOR_VERSION_MAX_ALLOWED=NEXOR_VERSION_0_1"], False,
     "NEXOR_VERSION_MAX_ALLOWED must be >= NEXOR_VERSION_MIN_REQUIRED"),
    ("MIN_REQUIRED before the first release is refused",
     ["-DNEXOR_VERSION_MIN_REQUIRED=G_ENCODE_VERSION(0,0)"], False,
     "NEXOR_VERSION_MIN_REQUIRED must be >= NEXOR_VERSION_0_1"),
    ("API deprecated in 0.1 warns", ["-DUSE_OLD"], False, "nexor_get_major_version"),
    ("NEXOR_DISABLE_DEPRECATION_WARNINGS silences it",
     ["-DUSE_OLD", "-DNEXOR_DISABLE_DEPRECATION_WARNINGS"], True, None),
    ("NEXOR_UNAVAILABLE warns", ["-DUSE_FUTURE"], False, "9.9"),
]


def main(argv):
    cc, cflags = argv[1], argv[2:]
    print(f"1..{len(CASES)}")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="nexor-version-macros-") as work:
        source = os.path.join(work, "program.c")
        with open(source, "w", encoding="utf-8") as f:
            f.write(PROGRAM)
        for number, (name, defines, succeed, text) in enumerate(CASES, 1):
            run = subprocess.run([cc, "-fsyntax-only", "-Werror=deprecated-declarations"]
                                 + defines + cflags + [source],
                                 capture_output=True, text=True)
            ok = (run.returncode == 0) == succeed and (text is None or text in run.stderr)
            print(f"{'ok' if ok else 'not ok'} {number} - {name}")
            if not ok:
                failed += 1
                print("# " + run.stderr.replace("\n", "\n# "))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
