#!/usr/bin/python3
"""Fails if a public symbol in the GIR has no version (no `Since:` in its docs).

    check-gir-versions.py Nexor-1.gir

Every class, record, enumeration, function, method, constructor, property,
signal, constant and callback must carry `version=`, which g-ir-scanner takes
from the `Since:` line at the end of the symbol's doc comment.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import sys
import xml.etree.ElementTree as ET

CORE = "{http://www.gtk.org/introspection/core/1.0}"
GLIB = "{http://www.gtk.org/introspection/glib/1.0}"
VERSIONED = {CORE + t for t in ("class", "interface", "record", "enumeration", "bitfield",
                                "function", "method", "constructor", "property",
                                "constant", "callback", "alias", "virtual-method",
                                "function-macro")} | {GLIB + "signal"}


def name_of(element, parents):
    name = element.get("name") or element.get(GLIB + "name") or "?"
    return ".".join([p.get("name") for p in parents if p.get("name")] + [name])


def walk(element, parents, missing, count):
    for child in element:
        if child.tag in VERSIONED:
            # The class structs G_DECLARE_* makes are not API of their own.
            if child.get(GLIB + "is-gtype-struct-for") is None:
                count[0] += 1
                if not child.get("version"):
                    missing.append(f"{child.tag.split('}')[1]} {name_of(child, parents)}")
        walk(child, parents + [child], missing, count)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    tree = ET.parse(argv[1])
    missing, count = [], [0]
    walk(tree.getroot(), [], missing, count)
    if count[0] == 0:
        print(f"no public symbols found in {argv[1]}", file=sys.stderr)
        return 1
    for m in missing:
        print(f"No version for {m}: end its doc comment with 'Since: X.Y'")
    if missing:
        print(f"{len(missing)} of {count[0]} symbols have no version")
        return 1
    print(f"ok: all {count[0]} symbols have a version")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
