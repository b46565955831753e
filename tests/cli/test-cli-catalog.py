#!/usr/bin/python3
# test-cli-catalog.py: `nexor workflows [list | get ID]`, `nexor campaigns` and
# `nexor lead search TEXT`
# against nexor-emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-catalog.py NEXOR NEXOR_EMULATOR
#
# Compares what the commands print with what the emulator answers to the
# same GETs, read here with urllib. Prints TAP; standard library only.

import importlib.util
import json
import os
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("test_cli", os.path.join(HERE, "test-cli.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

EXIT_OK, EXIT_USAGE, EXIT_NOT_FOUND = 0, 2, 4

WF_SALES = "4aca1485-3259-4b0d-a4d0-51cff048729e"
WF_PAYMENT = "5f0c2e7a-8b1d-4c3e-9a6f-2d4b8e1c7a90"   # no call steps
UNKNOWN = "00000000-0000-4000-8000-00000000dead"


def raw(t, path):
    request = urllib.request.Request(t.base_url + path, headers={"X-API-Key": base.API_KEY})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def parse_json(result):
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def test_workflows(t):
    served = raw(t, "/workflows")["workflows"]

    r = t.run("workflows")
    t.check_exit("workflows", r, EXIT_OK)
    lines = r.stdout.splitlines()
    t.check("workflows: a header and one line per workflow",
            lines[:1] and lines[0].split() == ["NAME", "GOAL", "PAUSED", "CALLS", "STATUSES", "ID"] and
            len(lines) == len(served) + 1, r)
    for workflow in served:
        row = [line for line in lines if line.rstrip().endswith("  " + workflow["id"])]
        keys = ", ".join(s["key"] for s in workflow["statuses"])
        calls = "yes" if workflow["has_call_steps"] else "no"
        t.check("workflows: the row of %s shows its calls and status keys" % workflow["name"],
                len(row) == 1 and workflow["name"] in row[0] and keys in row[0] and
                ("  %s  " % calls) in row[0], r)
    t.check("workflows: one without call steps says so",
            any(line.startswith("Payment Link Sent") and line.split()[5] == "no" for line in lines), r)

    r2 = t.run("workflows", "list")
    t.check("workflows list prints what workflows prints", r2.returncode == 0 and r2.stdout == r.stdout, r2)

    r = t.run("workflows", "--json")
    t.check_exit("workflows --json", r, EXIT_OK)
    t.check("workflows --json: the workflows as the server sent them", parse_json(r) == served, r)

    r = t.run("workflows", "list", "--ids")
    t.check("workflows list --ids: one id per line",
            r.returncode == 0 and r.stdout.splitlines() == [w["id"] for w in served], r)
    r = t.run("workflows", "--fields", "name,has_call_steps,paused")
    t.check("workflows --fields: the fields, tab-separated",
            r.returncode == 0 and r.stdout.splitlines() ==
            ["%s\t%s\t%s" % (w["name"], json.dumps(w["has_call_steps"]), json.dumps(w["paused"]))
             for w in served], r)


def test_workflow_get(t):
    served = raw(t, "/workflows/" + WF_SALES)["workflow"]

    r = t.run("workflows", "get", WF_SALES)
    t.check_exit("workflows get", r, EXIT_OK)
    lines = r.stdout.splitlines()
    t.check("workflows get: the name as heading", lines[:1] == ["Sales Pipeline"], r)
    t.check("workflows get: calls, so a phone is needed",
            base.card_line(r.stdout, "Calls") == "yes: its leads need a phone", r)
    t.check("workflows get: the id", base.card_line(r.stdout, "ID") == WF_SALES, r)
    header = [i for i, line in enumerate(lines) if line.split()[:2] == ["STATUS", "LABEL"]]
    t.check("workflows get: a status table", len(header) == 1, r)
    rows = lines[header[0] + 1:] if header else []
    t.check("workflows get: one row per status, in order, with its id",
            len(rows) == len(served["statuses"]) and
            all(row.split()[0] == s["key"] and row.rstrip().endswith(s["id"])
                for row, s in zip(rows, served["statuses"])), r)
    t.check("workflows get: the initial and terminal statuses are marked",
            rows and "initial" in rows[0] and "terminal" in rows[-1], r)

    r = t.run("workflows", "get", WF_PAYMENT)
    t.check("workflows get: a workflow without call steps",
            r.returncode == 0 and base.card_line(r.stdout, "Calls") == "no", r)

    r = t.run("workflows", "get", WF_SALES, "--json")
    t.check("workflows get --json: the workflow as the server sent it", parse_json(r) == served, r)
    r = t.run("workflows", "get", WF_SALES, "--fields", "id,name")
    t.check("workflows get --fields", r.returncode == 0 and r.stdout == "%s\tSales Pipeline\n" % WF_SALES, r)

    r = t.run("workflows", "get", UNKNOWN)
    t.check_exit("workflows get of an unknown workflow", r, EXIT_NOT_FOUND)
    t.check("workflows get of an unknown workflow: the server's words",
            "Workflow not found" in r.stderr and r.stdout == "", r)

    down = base.closed_port_url()
    for description, args in (
            ("get without an id", ["get"]),
            ("get of an id that is not a UUID", ["get", "uuid"]),
            ("get of a path", ["get", "../leads"]),
            ("get with two ids", ["get", WF_SALES, WF_PAYMENT]),
            ("an unknown action", ["delete", WF_SALES]),
            ("list with an argument", ["list", "extra"]),
            ("an unknown field", ["--fields", "owner"]),
            ("--ids with --json", ["--ids", "--json"])):
        r = t.run("workflows", *args, env=t.env(base_url=down))
        t.check_exit("workflows: %s, before any request" % description, r, EXIT_USAGE)
        t.check("workflows: %s: one message, nothing on stdout" % description,
                r.stderr.startswith("nexor: ") and r.stdout == "", r)


def test_campaigns(t):
    served = raw(t, "/campaigns")["campaigns"]

    r = t.run("campaigns")
    t.check_exit("campaigns", r, EXIT_OK)
    lines = r.stdout.splitlines()
    t.check("campaigns: a header and one line per campaign",
            lines[:1] and lines[0].split() == ["NAME", "ID"] and len(lines) == len(served) + 1 and
            all(line.startswith(c["name"]) and line.endswith(c["id"]) for line, c in zip(lines[1:], served)), r)
    t.check("campaigns: the seed's", [c["name"] for c in served] ==
            ["Q1 Campaign", "Q2 Webinar Leads", "Meta Ads - Santiago"], r)

    r = t.run("campaigns", "--json")
    t.check("campaigns --json: as the server sent them", r.returncode == 0 and parse_json(r) == served, r)
    r = t.run("campaigns", "--ids")
    t.check("campaigns --ids", r.returncode == 0 and r.stdout.splitlines() == [c["id"] for c in served], r)
    r = t.run("campaigns", "--fields", "name")
    t.check("campaigns --fields name",
            r.returncode == 0 and r.stdout.splitlines() == [c["name"] for c in served], r)

    r = t.run("campaigns", "extra")
    t.check_exit("campaigns with an argument", r, EXIT_USAGE)

    r = t.run("campaigns", env=t.env(key="nxr_live_wrong"))
    t.check_exit("campaigns with a key the server does not take", r, 3)


def test_lead_search(t):
    served = raw(t, "/leads?search=%2B569")["leads"]
    t.check("lead search: the emulator finds three +569 leads", len(served) == 3)

    r = t.run("lead", "search", "+569")
    t.check_exit("lead search", r, EXIT_OK)
    lines = r.stdout.splitlines()
    t.check("lead search: a header and one line per lead found",
            lines[:1] and lines[0].split() == ["NAME", "EMAIL", "PHONE", "COMPANY", "ID"] and
            len(lines) == len(served) + 1, r)
    for lead in served:
        row = [line for line in lines if line.rstrip().endswith("  " + lead["id"])]
        t.check("lead search: the row of %s shows its email and phone" % lead["first_name"],
                len(row) == 1 and lead["email"] in row[0] and lead["phone"] in row[0], r)

    r = t.run("lead", "search", "mariana ROJAS", "--ids")
    t.check("lead search --ids: the lead by its full name, any case",
            r.returncode == 0 and r.stdout == "2f552d00-1a7b-471a-81f0-1d52dc1406b3\n", r)

    r = t.run("lead", "search", "+569", "--limit", "2", "--fields", "id,email")
    t.check("lead search --limit --fields: the first two, tab-separated",
            r.returncode == 0 and
            r.stdout.splitlines() == ["%s\t%s" % (l["id"], l["email"]) for l in served[:2]], r)

    r = t.run("lead", "search", "+569", "--limit", "2")
    lines = r.stdout.splitlines()
    t.check("lead search --limit 2: two rows and how many there are",
            r.returncode == 0 and len(lines) == 4 and served[1]["id"] in lines[2] and
            lines[3] == "(the first 2 of 3 leads found; --all shows every one)", r)

    r = t.run("lead", "search", "+569", "--all", "--page-size", "1", "--ids")
    t.check("lead search --all --page-size 1: every lead, page after page, in order",
            r.returncode == 0 and r.stdout.splitlines() == [l["id"] for l in served], r)

    r = t.run("lead", "search", "+569", "--limit", "3", "--page-size", "2", "--json")
    t.check("lead search --limit 3 --page-size 2: two pages make the three",
            r.returncode == 0 and parse_json(r) == served, r)

    r = t.run("lead", "search", "carlos@example", "--json")
    found = parse_json(r)
    t.check("lead search --json: the leads as the server sent them",
            r.returncode == 0 and found == raw(t, "/leads?search=carlos%40example")["leads"], r)

    r = t.run("lead", "search", "nobody is called this")
    t.check("lead search: nothing found says so",
            r.returncode == 0 and r.stdout == "No lead matches.\n", r)

    for args in (["   "], [], ["x", "--limit", "0"], ["x", "--page-size", "101"],
                 ["x", "--all", "--limit", "2"], ["a", "b"]):
        r = t.run("lead", "search", *args)
        t.check("lead search %r: a usage error, nothing printed" % (args,),
                r.returncode == EXIT_USAGE and r.stdout == "" and r.stderr.startswith("nexor: "), r)


def test_help(t):
    r = t.run("help", "workflows")
    t.check("help workflows: the usage names list and get",
            r.returncode == 0 and "nexor workflows [OPTION…] [list | get ID]" in r.stdout and "--fields" in r.stdout, r)
    r = t.run("--help")
    t.check("--help lists workflows and campaigns",
            r.returncode == 0 and "workflows" in r.stdout and "campaigns" in r.stdout, r)


def main():
    if len(sys.argv) != 3:
        print("usage: %s NEXOR NEXOR_EMULATOR" % sys.argv[0], file=sys.stderr)
        return 2

    nexor, emulator = sys.argv[1], sys.argv[2]
    proc = None
    t = None
    try:
        proc, url = base.start_emulator(emulator)
        print("# emulator at %s" % url)
        t = base.Runner(nexor, url)
        for test in (test_workflows, test_workflow_get, test_campaigns, test_lead_search, test_help, base.test_no_secrets):
            try:
                test(t)
            except Exception as e:  # report and go on with the next group
                t.check("%s ran to the end (%s: %s)" % (getattr(test, "__name__", "test"),
                                                        type(e).__name__, e), False)
    except Exception as e:
        print("not ok 1 - setup: %s" % e)
        print("1..1")
        return 1
    finally:
        base.stop_emulator(proc)

    print("1..%d" % t.count)
    print("# %d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
