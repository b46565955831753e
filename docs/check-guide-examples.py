#!/usr/bin/python3
"""Runs the complete programs of the getting-started guides against the emulator,
with the guides' own commands.

    check-guide-examples.py SOURCE_DIR BUILD_DIR GUIDE.md...

A guide marks a program with an HTML comment before its code block,
`<!-- example: desk.c -->`, what it prints with `<!-- output: desk.c -->`
before another, and the shell commands that build and run it from an
uninstalled build tree with `<!-- build-tree: desk.c -->` before a `sh`
block. Those commands are run exactly as written, with `bash -e`, in a
directory laid out as the guides assume (the program, `_build` for BUILD_DIR,
and the source tree's `nexor-glib`, `bindings` and `scripts`), with no library, typelib
or pkg-config path of the test's own in the environment: what the guide says
is all they get. The program must exit 0 and print the documented lines; a
documented line ending in "…" matches any line that starts with the text
before it. Prints TAP.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import os
import re
import subprocess
import sys
import tempfile

BLOCK = re.compile(r"<!-- (example|output|build-tree): (\S+) -->\n```[a-z]*\n(.*?)```", re.S)
# The guides' commands must not lean on these from the test's environment.
SCRUBBED = ("LD_LIBRARY_PATH", "GI_TYPELIB_PATH", "PKG_CONFIG_PATH", "NEXOR_BASE_URL",
            "NEXOR_API_KEY", "PYTHONPATH", "GJS_PATH")


def run_guide_commands(name, parts, workdir, source_dir, build_dir):
    """Runs the guide's build-tree block in a fresh project-like directory."""
    root = os.path.join(workdir, os.path.splitext(name)[0] + "-" + name.rsplit(".", 1)[1])
    os.makedirs(root)
    os.symlink(os.path.abspath(build_dir), os.path.join(root, "_build"))
    for entry in ("nexor-glib", "bindings", "scripts"):
        os.symlink(os.path.join(source_dir, entry), os.path.join(root, entry))
    with open(os.path.join(root, name), "w", encoding="utf-8") as f:
        f.write(parts["example"])
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    # A UTF-8 locale, as on a desktop: g_print() converts to the locale's
    # charset, and the seed data is Spanish.
    env["LC_ALL"] = "C.UTF-8"
    return subprocess.run(["bash", "-e", "-c", parts["build-tree"]], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


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
    source_dir, build_dir, guides = os.path.abspath(argv[1]), argv[2], argv[3:]
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
            if set(parts) != {"example", "output", "build-tree"}:
                print(f"not ok {number} - {title}: needs an example, an output and a "
                      "build-tree block")
                failed += 1
                continue
            try:
                run = run_guide_commands(name, parts, workdir, source_dir, build_dir)
            except subprocess.TimeoutExpired as e:
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
