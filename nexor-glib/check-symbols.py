#!/usr/bin/python3
"""Checks the symbols libnexor-glib-1.so exports against the committed list.

    check-symbols.py LIBRARY SYMBOLS_FILE            # check (a meson test)
    check-symbols.py --update LIBRARY SYMBOLS_FILE   # rewrite the list

The list (nexor-glib/nexor-glib.symbols) is the ABI: one exported symbol a
line, sorted, as `nm -D --defined-only` names them. A symbol that disappears
breaks every program linked against it, so removing one must be deliberate;
adding one without the list is caught too, so that the list stays complete.
After a deliberate change: meson compile -C _build update-symbols

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import difflib
import subprocess
import sys


def exported(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    symbols = set()
    for line in out.splitlines():
        parts = line.split()
        # Code and data; not the linker's own absolute symbols (A).
        if len(parts) == 3 and parts[1] in "TDBRVWGSi":
            symbols.add(parts[2].split("@")[0])
    return sorted(symbols)


def main(argv):
    update = "--update" in argv
    args = [a for a in argv[1:] if a != "--update"]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    library, symbols_file = args
    actual = exported(library)
    if not actual:
        print(f"{library} exports no symbols: is it built with visibility?", file=sys.stderr)
        return 1

    if update:
        with open(symbols_file, "w", encoding="utf-8") as f:
            f.write("".join(s + "\n" for s in actual))
        print(f"{symbols_file}: {len(actual)} symbols")
        return 0

    with open(symbols_file, encoding="utf-8") as f:
        expected = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    if expected == actual:
        print(f"ok: {len(actual)} exported symbols, as listed in {symbols_file}")
        return 0

    removed = sorted(set(expected) - set(actual))
    added = sorted(set(actual) - set(expected))
    print(f"The exported symbols of {library} differ from {symbols_file}:")
    for s in removed:
        print(f"  removed: {s}  (programs linked against it no longer run)")
    for s in added:
        print(f"  added, not in the list: {s}")
    if not removed and not added:
        print("  (the list is not sorted or has duplicates)")
    sys.stdout.writelines(difflib.unified_diff([s + "\n" for s in expected],
                                               [s + "\n" for s in actual],
                                               symbols_file, "exported"))
    print("If the change is deliberate, update the list and commit it:\n"
          "  meson compile -C _build update-symbols")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
