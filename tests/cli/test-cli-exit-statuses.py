#!/usr/bin/python3
# test-cli-exit-statuses.py: `nexor --help`, the NexorCliExit enum and the
# exit status table of docs/cli.md say the same thing
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-exit-statuses.py NEXOR tools/nexor/nexor-cli.h docs/cli.md
#
# The help lists every status of the enum, in order and once; its "outcome
# unknown" entry names the writes that are not safe to repeat (from the
# command tables), each one a real command; the documentation's table has
# the same statuses and names the same writes. Prints TAP.

import os
import re
import subprocess
import sys

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def enum_statuses(header):
    text = open(header, encoding="utf-8").read()
    body = re.search(r"typedef enum \{(.*?)\} NexorCliExit;", text, re.S).group(1)
    return {name: int(value) for name, value in re.findall(r"NEXOR_CLI_EXIT_(\w+)\s*=\s*(\d+)", body)}


def help_statuses(nexor):
    env = dict(os.environ, LC_ALL="C", LANGUAGE="", NO_COLOR="1")
    env.pop("NEXOR_API_KEY", None)
    out = subprocess.run([nexor, "--help"], env=env, capture_output=True, text=True, check=True).stdout
    section = out.split("\nExit status:\n", 1)[1].split("\n\n", 1)[0]
    entries = []
    for line in section.splitlines():
        m = re.match(r"^  (\d+)\s+(.*)$", line)
        if m:
            entries.append([int(m.group(1)), m.group(2)])
        elif line.startswith("     ") and entries:
            entries[-1][1] += " " + line.strip()
        else:
            entries.append([None, line])
    return entries


def command_path(item):
    """The command words of an item such as "meeting create without --event-id"."""
    words = []
    for word in item.split():
        if word.startswith("-") or word == "without":
            break
        words.append(word)
    return " ".join(words)


def docs_rows(doc):
    text = open(doc, encoding="utf-8").read()
    section = text.split("\n## Errors and exit statuses\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        m = re.match(r"^\| (\d+) \| (.*) \|$", line)
        if m:
            rows.setdefault(int(m.group(1)), []).append(m.group(2))
    return rows


def main():
    nexor, header, doc = sys.argv[1:4]
    enum = enum_statuses(header)
    codes = sorted(enum.values())
    check("the enum's statuses run from 0 without a gap", codes == list(range(len(codes))), codes)

    entries = help_statuses(nexor)
    shown = [code for code, _ in entries]
    check("--help lists every status of the enum, in order, once", shown == codes,
          "help %s, enum %s" % (shown, codes))

    meaning = {code: text for code, text in entries}
    unknown = meaning.get(enum["OUTCOME_UNKNOWN"], "")
    m = re.search(r"Those writes: (.*)$", unknown)
    check("--help names the writes that may end with an unknown outcome", m, unknown)
    items = [item.strip() for item in m.group(1).split(",")] if m else []
    check("the writes include the message, meeting, conversion and routing ones",
          all(w in items for w in ("message whatsapp", "message email", "message call", "conversions create",
                                   "processors create", "rules add", "route", "lead create", "lead assign",
                                   "tags create", "lead tags --add"))
          and any(i.startswith("meeting create without") for i in items)
          and any(i.startswith("meeting notes without") for i in items), items)
    for item in items:
        r = subprocess.run([nexor, "help"] + command_path(item).split(), capture_output=True, text=True,
                           env=dict(os.environ, LC_ALL="C", LANGUAGE=""))
        check("“%s” is a command" % command_path(item), r.returncode == 0, r.stderr)

    rows = docs_rows(doc)
    check("docs/cli.md has one row per status of the enum",
          sorted(rows) == codes and all(len(r) == 1 for r in rows.values()), sorted(rows))
    row = rows.get(enum["OUTCOME_UNKNOWN"], [""])[0].replace("`", "")
    for item in items:
        check("docs/cli.md names “%s” among the writes that are not safe to repeat" % item, item in row, row)
    roots = {command_path(item).split()[0] for item in items}
    documented = re.findall(r"`([a-z][a-z -]*[a-z])`", rows.get(enum["OUTCOME_UNKNOWN"], [""])[0])
    paths = {command_path(item) for item in items}
    for name in documented:
        if name.split()[0] in roots:
            check("“%s” in docs/cli.md is one of the writes --help names" % name,
                  any(name == p or name.startswith(p + " ") for p in paths), sorted(paths))

    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            print("#   %s" % (detail,))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
