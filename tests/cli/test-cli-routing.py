#!/usr/bin/python3
# test-cli-routing.py: `nexor processors …`, `nexor rules …` and `nexor route`
# against nexor-emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-routing.py NEXOR NEXOR_EMULATOR
#
# Builds a language router with the CLI, checks what the emulator stored
# (read back with --json), routes leads from files, and prints TAP. Only the
# Python standard library is used.

import importlib.util
import json
import os
import re
import sys
import tempfile
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("test_cli", os.path.join(HERE, "test-cli.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_OUTCOME_UNKNOWN = 0, 1, 2, 4, 9

# Seed workflows (tools/nexor-emulator/README.md).
WF_SALES = "4aca1485-3259-4b0d-a4d0-51cff048729e"
WF_DEMO = "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
WF_MORTGAGE = "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"
UNKNOWN = "00000000-0000-4000-8000-00000000dead"

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TMP = tempfile.mkdtemp(prefix="nexor-cli-routing-")


def parse_json(result):
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def write_file(name, data):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data if isinstance(data, str) else json.dumps(data))
    return path


def phone():
    # Every seed workflow has call steps: a routed lead needs a phone.
    return "+1555%07d" % (uuid.uuid4().int % 10000000)


def hint_of(result):
    lines = [line for line in result.stderr.splitlines() if line.startswith("hint: ")]
    return lines[0][len("hint: "):] if len(lines) == 1 else None


def create_processor(t, name="Router"):
    r = t.run("processors", "create", name, "--default-workflow", WF_SALES, "--ids")
    return r.stdout.strip(), r


def rules_of(t, processor_id):
    r = t.run("rules", "list", processor_id, "--json")
    return parse_json(r) or []


def test_processors(t):
    r = t.run("processors", "create", "Language Router", "--default-workflow", WF_SALES,
              "--description", "By language", "--json")
    t.check_exit("processors create --json", r, EXIT_OK)
    data = parse_json(r) or {}
    pid = data.get("id") or UNKNOWN
    t.check("processors create: the processor as the server sent it",
            UUID_RE.match(pid) is not None and data.get("name") == "Language Router" and
            data.get("description") == "By language" and data.get("default_workflow_id") == WF_SALES and
            data.get("is_active") is True and "success" not in data, r)

    r = t.run("processors", "get", pid)
    t.check_exit("processors get", r, EXIT_OK)
    t.check("processors get: card with the default workflow's name and no rules",
            "Processor Language Router" in r.stdout and
            base.card_line(r.stdout, "Default workflow") == "Sales Pipeline (%s)" % WF_SALES and
            base.card_line(r.stdout, "Active") == "yes" and "No rules" in r.stdout, r)

    r = t.run("processors", "get", pid, "--fields", "name,default_workflow.name,is_active")
    t.check("processors get --fields", r.returncode == 0 and
            r.stdout == "Language Router\tSales Pipeline\ttrue\n", r)

    r = t.run("processors", "update", pid, "--name", "Router 2", "--clear", "description",
              "--default-workflow", WF_DEMO, "--json")
    data = parse_json(r) or {}
    t.check("processors update: name, cleared description, default workflow",
            r.returncode == 0 and data.get("name") == "Router 2" and data.get("description") is None and
            data.get("default_workflow_id") == WF_DEMO, r)

    r = t.run("processors", "update", pid)
    t.check_exit("processors update with nothing to change", r, EXIT_USAGE)
    r = t.run("processors", "update", pid, "--active", "maybe")
    t.check_exit("processors update --active maybe", r, EXIT_USAGE)

    r = t.run("processors", "delete", pid)
    t.check_exit("processors delete", r, EXIT_OK)
    t.check("processors delete: says it is deactivated", "Deactivated processor " + pid in r.stdout, r)
    r = t.run("processors", "get", pid, "--json")
    t.check("processors get after delete: still there, inactive",
            r.returncode == 0 and (parse_json(r) or {}).get("is_active") is False, r)
    r = t.run("processors", "update", pid, "--active", "true", "--json")
    t.check("processors update --active true: reactivated",
            r.returncode == 0 and (parse_json(r) or {}).get("is_active") is True, r)

    r = t.run("processors", "delete", pid, "--json")
    t.check("processors delete --json", parse_json(r) == {"id": pid, "deleted": True}, r)

    r = t.run("processors", "get", UNKNOWN)
    t.check_exit("processors get of an unknown id", r, EXIT_NOT_FOUND)
    t.check("processors get of an unknown id: the server's words",
            "Processor not found" in r.stderr, r)
    r = t.run("processors", "get", "not-a-uuid")
    t.check_exit("processors get of a bad id", r, EXIT_USAGE)
    r = t.run("processors", "create", "R")
    t.check_exit("processors create without --default-workflow", r, EXIT_USAGE)
    r = t.run("processors", "create", "R", "--default-workflow", UNKNOWN)
    t.check("processors create with an unknown workflow: the server's 400",
            r.returncode != 0 and "default_workflow_id not found" in r.stderr, r)
    # There is no list endpoint, so there is no list command.
    r = t.run("processors", "list")
    t.check_exit("processors list does not exist", r, EXIT_USAGE)


def test_rules(t):
    pid, r = create_processor(t)
    t.check("rules: processor created", UUID_RE.match(pid or "") is not None, r)

    r = t.run("rules", "add", pid, "English", "--workflow", WF_DEMO,
              "--when", "metadata.language in EN,en",
              "--when", "metadata.budget gte 1000",
              "--when", "phone exists",
              "--when", "email contains @ACME.",
              "--when", "metadata.code eq \"35\"",
              "--when", "metadata.vip eq true",
              "--when", "metadata.tier not_in [1, 2.5]",
              "--when", "phone regex ^\\+1 5",
              "--json")
    t.check_exit("rules add with every kind of --when", r, EXIT_OK)
    rule = parse_json(r) or {}
    t.check("rules add: each --when became the condition it says",
            rule.get("conditions") == [
                {"field": "metadata.language", "operator": "in", "value": ["EN", "en"]},
                {"field": "metadata.budget", "operator": "gte", "value": 1000},
                {"field": "phone", "operator": "exists"},
                {"field": "email", "operator": "contains", "value": "@ACME."},
                {"field": "metadata.code", "operator": "eq", "value": "35"},
                {"field": "metadata.vip", "operator": "eq", "value": True},
                {"field": "metadata.tier", "operator": "not_in", "value": [1, 2.5]},
                {"field": "phone", "operator": "regex", "value": "^\\+1 5"},
            ] and rule.get("position") == 1 and rule.get("workflow_id") == WF_DEMO, r)
    english = rule.get("id") or UNKNOWN

    conditions = write_file("conditions.json", [
        {"field": "metadata.language", "operator": "eq", "value": "es"},
        {"field": "source", "operator": "neq", "value": "import"},
    ])
    r = t.run("rules", "add", pid, "Spanish", "--workflow", WF_MORTGAGE, "--conditions-file", conditions,
              "--position", "5", "--ids")
    spanish = r.stdout.strip()
    t.check("rules add --conditions-file --position", r.returncode == 0 and UUID_RE.match(spanish), r)

    r = t.run("rules", "add", pid, "Off", "--workflow", WF_DEMO, "--when", "email exists", "--inactive")
    t.check("rules add --inactive: card says not active",
            r.returncode == 0 and base.card_line(r.stdout, "Active") == "no" and
            "Added rule Off" in r.stdout, r)
    off = base.card_line(r.stdout, "ID") or UNKNOWN

    listed = rules_of(t, pid)
    t.check("rules list --json: by position, with the workflow's name",
            [x.get("name") for x in listed] == ["English", "Spanish", "Off"] and
            (listed[1].get("workflow") or {}).get("name") == "Mortgage Qualification" and
            listed[1].get("conditions") == [
                {"field": "metadata.language", "operator": "eq", "value": "es"},
                {"field": "source", "operator": "neq", "value": "import"}], listed)
    r = t.run("rules", "list", pid)
    t.check("rules list: a table with the conditions",
            r.returncode == 0 and "metadata.language eq \"es\"; source neq \"import\"" in r.stdout, r)

    # Conditions the docs refuse are refused here, before anything is sent.
    for when, reason in (("metadata.language like es", "unknown operator"),
                         ("phone exists yes", "takes no value"),
                         ("metadata.age gt old", "compares numbers"),
                         ("metadata.language in", "needs a value"),
                         ("metadata.language", "expected FIELD OPERATOR"),
                         ("metadata.language in [1,", "not a JSON array")):
        r = t.run("rules", "add", pid, "Bad", "--workflow", WF_DEMO, "--when", when)
        t.check_exit("rules add --when '%s'" % when, r, EXIT_USAGE)
        t.check("rules add --when '%s': says why" % when, reason in r.stderr, r)
    r = t.run("rules", "add", pid, "Bad", "--workflow", WF_DEMO)
    t.check_exit("rules add without conditions", r, EXIT_USAGE)
    r = t.run("rules", "add", pid, "Bad", "--when", "phone exists")
    t.check_exit("rules add without --workflow", r, EXIT_USAGE)
    bad_file = write_file("bad-conditions.json", [{"field": "email", "operator": "like", "value": "x"}])
    r = t.run("rules", "add", pid, "Bad", "--workflow", WF_DEMO, "--conditions-file", bad_file)
    t.check_exit("rules add --conditions-file with an unknown operator", r, EXIT_USAGE)
    r = t.run("rules", "add", pid, "Bad", "--workflow", WF_DEMO, "--when", "phone regex ((")
    t.check("rules add with a regex the server cannot compile: its 400",
            r.returncode != 0 and "not a valid regular expression" in r.stderr, r)
    r = t.run("rules", "add", pid, "Bad", "--workflow", WF_DEMO, "--when", "age eq 3")
    t.check("rules add with a field the API does not take: its 400",
            r.returncode != 0 and "is not supported" in r.stderr, r)
    t.check("the refused rules were not stored", len(rules_of(t, pid)) == 3)

    r = t.run("rules", "update", pid, english, "--when", "metadata.language eq EN", "--active", "false",
              "--name", "English only", "--json")
    data = parse_json(r) or {}
    t.check("rules update: --when replaces the conditions, --active false disables",
            r.returncode == 0 and data.get("name") == "English only" and data.get("is_active") is False and
            data.get("conditions") == [{"field": "metadata.language", "operator": "eq", "value": "EN"}], r)
    r = t.run("rules", "update", pid, english)
    t.check_exit("rules update with nothing to change", r, EXIT_USAGE)
    r = t.run("rules", "update", pid, UNKNOWN, "--name", "x")
    t.check_exit("rules update of an unknown rule", r, EXIT_NOT_FOUND)
    t.check("rules update of an unknown rule: the server's words", "Rule not found" in r.stderr, r)

    r = t.run("rules", "reorder", pid, off, spanish, "--json")
    data = parse_json(r) or []
    t.check("rules reorder: listed first, the one left out after",
            r.returncode == 0 and [(x.get("id"), x.get("position")) for x in data] ==
            [(off, 1), (spanish, 2), (english, 3)], r)
    r = t.run("rules", "reorder", pid)
    t.check_exit("rules reorder without rule ids", r, EXIT_USAGE)

    r = t.run("rules", "delete", pid, off)
    t.check("rules delete", r.returncode == 0 and "Deleted rule " + off in r.stdout, r)
    r = t.run("rules", "delete", pid, off)
    t.check_exit("rules delete again: not found", r, EXIT_NOT_FOUND)
    t.check("rules delete: the others keep their positions",
            [(x.get("name"), x.get("position")) for x in rules_of(t, pid)] ==
            [("Spanish", 2), ("English only", 3)])


def test_route(t):
    pid, r = create_processor(t, "Language Router")
    t.run("rules", "add", pid, "English", "--workflow", WF_DEMO, "--when", "metadata.language in EN,en")
    t.run("rules", "add", pid, "Spanish", "--workflow", WF_MORTGAGE, "--when", "metadata.language eq es")
    ana, bruno, carla = phone(), phone(), phone()
    leads = write_file("leads.json", [
        {"first_name": "Ana", "phone": ana, "language": "en"},
        {"first_name": "Bruno", "phone": bruno, "metadata": {"language": "es"}},
        {"first_name": "Carla", "phone": carla, "metadata": {"language": "pt"}},
    ])

    r = t.run("route", pid, "--from-file", leads)
    t.check_exit("route --from-file", r, EXIT_OK)
    t.check("route: a table of where each lead went",
            re.search(r"^0\s+created\s+English\s+Demo Booking\s", r.stdout, re.M) and
            re.search(r"^1\s+created\s+Spanish\s+Mortgage Qualification\s", r.stdout, re.M) and
            re.search(r"^2\s+created\s+\(default workflow\)\s+Sales Pipeline\s", r.stdout, re.M) and
            "3 created, 0 updated, 0 failed" in r.stdout, r)

    r = t.run("route", pid, "--from-file", leads, "--json")
    data = parse_json(r) or []
    t.check("route --json: one result per lead, the upserts say existed",
            r.returncode == 0 and [x.get("index") for x in data] == [0, 1, 2] and
            all(x.get("existed") is True for x in data) and
            [(x.get("rule") or {}).get("name") for x in data] == ["English", "Spanish", None] and
            [(x.get("workflow") or {}).get("id") for x in data] == [WF_DEMO, WF_MORTGAGE, WF_SALES], r)
    lead_id = ((data[0] if data else {}).get("lead") or {}).get("id") or UNKNOWN
    r = t.run("lead", "get", lead_id, "--json")
    lead = (parse_json(r) or {}).get("lead") or {}
    t.check("route: the lead is enrolled in the rule's workflow",
            (lead.get("active_workflow_run") or {}).get("workflow_id") == WF_DEMO, r)

    single = write_file("one.json", {"first_name": "Dora", "phone": phone(), "language": "EN"})
    r = t.run("route", pid, "--from-file", single, "--json")
    data = parse_json(r) or {}
    t.check("route of one lead object --json: the answer without success",
            r.returncode == 0 and (data.get("rule") or {}).get("name") == "English" and
            (data.get("lead") or {}).get("first_name") == "Dora" and "success" not in data, r)

    r = t.run("route", pid, "--from-file", single, "--fields", "rule.name,workflow.name,lead.first_name")
    t.check("route --fields", r.returncode == 0 and r.stdout == "English\tDemo Booking\tDora\n", r)

    r = t.run("route", pid, "--from-file", "-", stdin=json.dumps([{"first_name": "Eva", "phone": phone()}]).encode())
    t.check("route --from-file -", r.returncode == 0 and "(default workflow)" in r.stdout, r)

    mixed = write_file("mixed.json", [{"first_name": "Fede", "phone": phone()},
                                      {"first_name": "Gil", "phone": "not a phone"}])
    r = t.run("route", pid, "--from-file", mixed)
    t.check_exit("route with a lead the server refuses: the others are routed", r, EXIT_FAILED)
    t.check("route with a refused lead: its reason, and the counts",
            "not a valid phone number" in r.stdout and "1 created, 0 updated, 1 failed" in r.stdout, r)

    with_workflow = write_file("workflow.json", [{"first_name": "Hugo", "phone": phone(),
                                                  "workflow_id": WF_DEMO}])
    r = t.run("route", pid, "--from-file", with_workflow)
    t.check_exit("route of a lead with a workflow_id", r, EXIT_USAGE)
    t.check("route of a lead with a workflow_id: says the rules choose it", "rules choose" in r.stderr, r)
    r = t.run("route", pid)
    t.check_exit("route without --from-file", r, EXIT_USAGE)
    r = t.run("route", pid, "--from-file", write_file("empty.json", "[]"))
    t.check_exit("route of an empty array", r, EXIT_USAGE)

    # Never sent twice: a reset after the server read it is an unknown outcome.
    base.push_faults(t.base_url, "reset")
    r = t.run("route", pid, "--from-file", single)
    t.check_exit("route, reset after the server read it: outcome unknown", r, EXIT_OUTCOME_UNKNOWN)
    t.check("route, reset: the hint says what to check", "dashboard" in (hint_of(r) or ""), r)

    t.run("processors", "delete", pid)
    r = t.run("route", pid, "--from-file", single)
    t.check_exit("route through a deactivated processor", r, EXIT_NOT_FOUND)


def test_help(t):
    r = t.run("--help")
    t.check("--help lists processors, rules and route",
            all(re.search(r"^\s+%s\s" % c, r.stdout, re.M) for c in ("processors", "rules", "route")), r)
    r = t.run("help", "rules")
    t.check("help rules lists its commands",
            all(re.search(r"^\s+%s\b" % c, r.stdout, re.M)
                for c in ("list", "add", "update", "delete", "reorder")), r)
    for args in (["rules", "add", "--help"], ["route", "--help"], ["processors", "get", "-h"]):
        r = t.run(*args)
        t.check(" ".join(args) + ": usage and --json", r.returncode == 0 and "--json" in r.stdout, r)


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
        for test in (test_processors, test_rules, test_route, test_help, base.test_no_secrets):
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
