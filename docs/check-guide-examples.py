#!/usr/bin/python3
"""Runs the complete programs of the getting-started guides against the emulator.

    check-guide-examples.py BUILD_DIR GUIDE.md...

A guide marks a program with an HTML comment before its code block,
`<!-- example: desk.c -->`, and what it prints with `<!-- output: desk.c -->`
before another. Each program is built (C with pkg-config from meson's
uninstalled directory, Vala against the VAPI in BUILD_DIR), run under
scripts/with-emulator.sh against a fresh emulator, and must exit 0 and print
the documented lines; a documented line ending in "…" matches any line that
starts with the text before it. Prints TAP.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

BLOCK = re.compile(r"<!-- (example|output): (\S+) -->\n```[a-z]*\n(.*?)```", re.S)
HERE = os.path.dirname(os.path.abspath(__file__))
WITH_EMULATOR = os.path.join(HERE, "..", "scripts", "with-emulator.sh")


def build(name, source, workdir, build_dir):
    """Returns the command that runs the program, or raises with why not."""
    path = os.path.join(workdir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    lib_dir = os.path.join(build_dir, "nexor-glib")
    src_dir = os.path.join(HERE, "..", "nexor-glib")
    binary = os.path.join(workdir, os.path.splitext(name)[0] + "-" + name.rsplit(".", 1)[1])

    if name.endswith(".py"):
        return ["/usr/bin/python3", path]
    if name.endswith(".js"):
        return [shutil.which("gjs") or "gjs", "-m", path]
    if name.endswith(".c"):
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(build_dir, "meson-uninstalled"))
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "nexor-glib-1"], env=env,
                               check=True, capture_output=True, text=True).stdout
        subprocess.run(["cc", "-Wall", "-Werror", path, "-o", binary] + shlex.split(flags),
                       check=True, capture_output=True, text=True)
        return [binary]
    if name.endswith(".vala"):
        subprocess.run(["valac", "--vapidir", lib_dir, "--pkg", "nexor-glib-1",
                        "--pkg", "gio-2.0", "--pkg", "libsoup-3.0", "--pkg", "json-glib-1.0",
                        "-X", "-I" + lib_dir, "-X", "-I" + src_dir, "-X", "-L" + lib_dir,
                        "-X", "-lnexor-glib-1", "-X", "-w", path, "-o", binary],
                       check=True, capture_output=True, text=True, cwd=workdir)
        return [binary]
    raise ValueError(f"no way to run {name}")


def matches(expected, actual):
    missing = []
    lines = iter(actual)
    for want in expected:
        prefix = want[:-1].rstrip() if want.endswith("…") else None
        for line in lines:
            if line == want or (prefix is not None and line.startswith(prefix)):
                break
        else:
            missing.append(want)
            break
    return missing


def main(argv):
    build_dir, guides = argv[1], argv[2:]
    programs = []
    for guide in guides:
        with open(guide, encoding="utf-8") as f:
            text = f.read()
        blocks = {}
        for kind, name, body in BLOCK.findall(text):
            blocks.setdefault(name, {})[kind] = body
        for name, parts in sorted(blocks.items()):
            programs.append((os.path.basename(guide), name, parts))

    print(f"1..{len(programs)}")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="nexor-guides-") as workdir:
        for number, (guide, name, parts) in enumerate(programs, 1):
            title = f"{guide}: {name}"
            if "example" not in parts or "output" not in parts:
                print(f"not ok {number} - {title}: needs both an example and an output block")
                failed += 1
                continue
            try:
                command = build(name, parts["example"], workdir, build_dir)
                # A UTF-8 locale, as on a desktop: g_print() converts to the
                # locale's charset, and the seed data is Spanish.
                run = subprocess.run([WITH_EMULATOR] + command, capture_output=True, text=True,
                                     timeout=60, env=dict(os.environ, LC_ALL="C.UTF-8"))
            except subprocess.CalledProcessError as e:
                print(f"not ok {number} - {title}: does not build")
                print("# " + (e.stderr or e.stdout or "").replace("\n", "\n# "))
                failed += 1
                continue
            except (subprocess.TimeoutExpired, ValueError) as e:
                print(f"not ok {number} - {title}: {e}")
                failed += 1
                continue

            missing = matches(parts["output"].strip().splitlines(), run.stdout.splitlines())
            if run.returncode != 0 or missing:
                why = f"exit status {run.returncode}" if run.returncode else f"no line '{missing[0]}'"
                print(f"not ok {number} - {title}: {why}")
                print("# stdout:\n# " + run.stdout.replace("\n", "\n# "))
                print("# stderr:\n# " + run.stderr.replace("\n", "\n# "))
                failed += 1
            else:
                print(f"ok {number} - {title}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
