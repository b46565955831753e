#!/usr/bin/env python3
# Every `const char * const *` parameter of the GIR must reach the VAPI with
# its C type (`[CCode (type = "const char* const*")]`), or the C that valac
# writes passes a gchar** where the library takes a const array: a warning
# with GCC 12, an error from GCC 14 on. vapigen 0.56 drops that type, so
# nexor-glib/Nexor-1-custom.vala declares those methods by hand: this check
# also makes sure each hand-written declaration still has the parameters
# of the C function, in order.
#
#   check-vapi-const-arrays.py Nexor-1.gir nexor-glib-1.vapi
#
# Prints TAP.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import re
import sys
import xml.etree.ElementTree as ET

CORE = "{http://www.gtk.org/introspection/core/1.0}"
C = "{http://www.gtk.org/introspection/c/1.0}"


def const_array_parameters(gir_path):
    """(class, method, vala name, [parameter names], parameter, C type) per const array parameter."""
    root = ET.parse(gir_path).getroot()
    for cls in root.iter(CORE + "class"):
        for kind in ("method", "constructor", "function"):
            for fn in cls.findall(CORE + kind):
                params = fn.find(CORE + "parameters")
                if params is None:
                    continue
                names = []
                found = []
                for p in params.findall(CORE + "parameter"):
                    name = p.get("name")
                    array = p.find(CORE + "array")
                    # Vala hides the callback and its data of an async method.
                    if p.get("scope") == "async" or name == "user_data":
                        continue
                    names.append(name)
                    ctype = array.get(C + "type") if array is not None else None
                    if ctype and ctype.startswith("const") and ctype.endswith("const*"):
                        found.append((name, ctype))
                for name, ctype in found:
                    yield cls.get("name"), fn.get("name"), kind, names, name, ctype


def vapi_classes(vapi_path):
    """Class name -> the text of its body in the VAPI."""
    text = open(vapi_path, encoding="utf-8").read()
    classes = {}
    for m in re.finditer(r"^\tpublic (?:sealed |abstract )?class (\w+)\b[^\n]*\{\n(.*?)^\t\}", text,
                         re.S | re.M):
        classes[m.group(1)] = m.group(2)
    return classes


def declaration(body, cls, method, kind):
    if kind == "constructor":
        pattern = r"^\t\tpublic %s \((.*)\);$" % re.escape(cls) if method == "new" else \
            r"^\t\tpublic %s\.%s \((.*)\);$" % (re.escape(cls), re.escape(method))
    else:
        pattern = r"^\t\tpublic (?:static )?(?:async )?[\w.?\[\]]+ %s \((.*)\)(?: throws [\w.]+)?;$" % re.escape(method)
    found = re.findall(pattern, body, re.M)
    return found


def parameter_names(signature):
    # Drop the attributes, whose strings hold commas, then split.
    bare = re.sub(r"\[CCode \([^]]*\)\]", "", signature)
    names = []
    for part in bare.split(","):
        part = part.split("=")[0].strip()
        if part:
            names.append(part.split()[-1])
    return names


def main(gir_path, vapi_path):
    classes = vapi_classes(vapi_path)
    checks = list(const_array_parameters(gir_path))
    failures = 0
    print("1..%d" % len(checks))
    for i, (cls, method, kind, names, param, ctype) in enumerate(checks, 1):
        what = "%s.%s %s" % (cls, method, param)
        problem = None
        found = declaration(classes.get(cls, ""), cls, method, kind)
        if len(found) != 1:
            problem = "%d declarations in the VAPI" % len(found)
        else:
            signature = found[0]
            if parameter_names(signature) != names:
                problem = "parameters %s in the VAPI, %s in the GIR" % (parameter_names(signature), names)
            else:
                m = re.search(r"\[CCode \(([^]]*)\)\] [\w.?\[\]]+ %s\b" % re.escape(param), signature)
                if m is None or 'type = "%s"' % ctype not in m.group(1):
                    problem = 'no [CCode (type = "%s")] on the parameter' % ctype
        if problem:
            failures += 1
            print("not ok %d - %s: %s" % (i, what, problem))
        else:
            print("ok %d - %s" % (i, what))
    return 1 if failures or not checks else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: %s GIR VAPI" % sys.argv[0], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
