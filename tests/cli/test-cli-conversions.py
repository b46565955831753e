#!/usr/bin/python3
# test-cli-conversions.py: `nexor conversions create|list` and
# `nexor conversion-types` against nexor-emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-conversions.py NEXOR NEXOR_EMULATOR. Prints TAP.

import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("test_cli", os.path.join(HERE, "test-cli.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

EXIT_OK, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_INVALID, EXIT_OUTCOME_UNKNOWN = 0, 2, 4, 6, 9

CARLOS = "123e4567-e89b-12d3-a456-426614174000"
MATIAS = "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
MATIAS_RUN = "2e9bc435-2424-4094-9896-dce65030b3bb"
DIEGO = "499596e2-f464-458a-ac61-601ac9e73455"
RESERVA = "123e4567-e89b-12d3-a456-426614174100"
CLOSED_WON = "8e4f2a6b-7c1d-4b3e-a5f9-0c2d4e6f8a10"
MORTGAGE = "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"
UNKNOWN = "00000000-0000-4000-8000-00000000dead"


def parse_json(result):
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def hint_of(result):
    lines = [line for line in result.stderr.splitlines() if line.startswith("hint: ")]
    return lines[0][len("hint: "):] if len(lines) == 1 else None


def test_types(t):
    r = t.run("conversion-types", "--json")
    t.check_exit("conversion-types --json", r, EXIT_OK)
    types = parse_json(r) or []
    t.check("conversion-types --json: the active types as the server sent them",
            [x.get("name") for x in types] == ["Reserva", "Demo Booked", "Closed Won"] and
            types[0].get("fields", [{}])[2] == {"key": "commission", "label": "Commission", "type": "number"}, r)
    r = t.run("conversion-types")
    lines = r.stdout.splitlines()
    t.check("conversion-types: a header and a line per type, with the fields",
            r.returncode == 0 and lines[0].split() == ["NAME", "CATEGORY", "CURRENCY", "FIELDS", "ID"] and
            len(lines) == 4 and "commission (number)" in lines[1] and RESERVA in lines[1], r)
    r = t.run("conversion-types", "--ids")
    t.check("conversion-types --ids", r.stdout.split() == [x.get("id") for x in types], r)
    r = t.run("conversion-types", "--fields", "name,fields.0.key")
    t.check("conversion-types --fields name,fields.0.key",
            r.stdout.splitlines()[:1] == ["Reserva\tproperty_unit"], r)
    r = t.run("conversion-types", "extra")
    t.check_exit("conversion-types with an argument", r, EXIT_USAGE)


def test_create(t):
    r = t.run("conversions", "create", "--conversion-type-id", RESERVA, "--lead-id", CARLOS,
              "--amount", "85000", "--metadata", "property_unit=Apt 302", "--metadata", "commission:=2550",
              "--converted-at", "2026-03-01T12:30:00-03:00", "--notes", "At the office", "--json")
    t.check_exit("conversions create --json", r, EXIT_OK)
    event = parse_json(r) or {}
    t.check("conversions create --json: the server's conversion, type and workflow inherited",
            event.get("lead_id") == CARLOS and event.get("amount") == 85000 and
            event.get("currency") == "USD" and event.get("workflow_id") == MORTGAGE and
            event.get("converted_at") == "2026-03-01T15:30:00Z" and
            event.get("metadata") == {"property_unit": "Apt 302", "commission": 2550} and
            event.get("notes") == "At the office" and
            (event.get("conversion_types") or {}).get("name") == "Reserva", r)
    t.check("conversions create --json: amounts written as JavaScript does (85000, not 8.5e+04)",
            '"amount": 85000,' in r.stdout or '"amount":85000,' in r.stdout, r)

    r = t.run("conversions", "create", "--conversion-type-id", CLOSED_WON, "--lead-id", MATIAS,
              "--amount", "1500.50", "--currency", "EUR", "--workflow-run-id", MATIAS_RUN)
    t.check_exit("conversions create (a card)", r, EXIT_OK)
    t.check("conversions create: the card names the amount, type and lead",
            "Recorded conversion 1500.50 EUR" in r.stdout and "Closed Won" in r.stdout and
            MATIAS in r.stdout and MATIAS_RUN in r.stdout, r)

    r = t.run("conversions", "create", "--conversion-type-id", CLOSED_WON, "--lead-id", DIEGO,
              "--amount", "10", "--ids")
    t.check("conversions create --ids: the new id", r.returncode == 0 and len(r.stdout.strip()) == 36, r)

    for args, what, status in [
            (["--lead-id", CARLOS, "--amount", "1"], "--conversion-type-id is required", EXIT_USAGE),
            (["--conversion-type-id", RESERVA, "--amount", "1"], "--lead-id is required", EXIT_USAGE),
            (["--conversion-type-id", RESERVA, "--lead-id", CARLOS], "--amount is required", EXIT_USAGE),
            (["--conversion-type-id", RESERVA, "--lead-id", CARLOS, "--amount", "1,5"], "with a dot", EXIT_USAGE),
            (["--conversion-type-id", RESERVA, "--lead-id", CARLOS, "--amount", "nan"], "not a number", EXIT_USAGE),
            (["--conversion-type-id", "x", "--lead-id", CARLOS, "--amount", "1"], "conversion type ID", EXIT_USAGE),
            (["--conversion-type-id", RESERVA, "--lead-id", CARLOS, "--amount", "1", "--converted-at", "today"],
             "ISO 8601", EXIT_USAGE),
            (["--conversion-type-id", RESERVA, "--lead-id", CARLOS, "--amount", "1", "--metadata", "x"],
             "KEY=TEXT", EXIT_USAGE),
            (["--conversion-type-id", RESERVA, "--lead-id", UNKNOWN, "--amount", "1"], "Lead not found",
             EXIT_NOT_FOUND),
            (["--conversion-type-id", UNKNOWN, "--lead-id", CARLOS, "--amount", "1"], "Conversion type not found",
             EXIT_NOT_FOUND)]:
        r = t.run("conversions", "create", *args)
        t.check("conversions create %s: exit %d, “%s”" % (" ".join(args), status, what),
                r.returncode == status and what in r.stderr and r.stdout == "", r)

    # Never sent twice: a reset after the server recorded it is an unknown
    # outcome, and the hint's command shows it there, once.
    before = parse_json(t.run("conversions", "list", "--lead-id", DIEGO, "--json")) or []
    base.push_faults(t.base_url, "reset")
    r = t.run("conversions", "create", "--conversion-type-id", CLOSED_WON, "--lead-id", DIEGO, "--amount", "777")
    t.check_exit("conversions create, reset: outcome unknown", r, EXIT_OUTCOME_UNKNOWN)
    t.check("conversions create, reset: the hint names the check",
            hint_of(r) == "it may have been applied; check with: nexor conversions list --lead-id " + DIEGO, r)
    after = parse_json(t.run("conversions", "list", "--lead-id", DIEGO, "--json")) or []
    t.check("conversions create, reset: recorded once",
            len(after) == len(before) + 1 and after[0].get("amount") == 777, after)


def test_list(t):
    r = t.run("conversions", "list", "--json")
    t.check_exit("conversions list --json", r, EXIT_OK)
    every = parse_json(r) or []
    times = [c.get("converted_at") for c in every]
    t.check("conversions list --json: every conversion, newest first",
            len(every) >= 7 and times == sorted(times, reverse=True), r)

    # Paged: pages of 2 give the same list.
    r = t.run("conversions", "list", "--page-size", "2", "--ids")
    t.check("conversions list --page-size 2: the same conversions, in the same order",
            r.stdout.split() == [c["id"] for c in every], r)
    r = t.run("conversions", "list", "--limit", "3", "--page-size", "2")
    t.check("conversions list --limit 3: three rows and how many there are",
            r.returncode == 0 and len(r.stdout.splitlines()) == 5 and
            "(the newest 3 of %d conversions)" % len(every) in r.stdout, r)

    for option, value, check in [
            ("--lead-id", MATIAS, lambda c: c["lead_id"] == MATIAS),
            ("--workflow-id", MORTGAGE, lambda c: c["workflow_id"] == MORTGAGE),
            ("--master-workflow-id", UNKNOWN, lambda c: False),
            ("--workflow-run-id", MATIAS_RUN, lambda c: c["workflow_run_id"] == MATIAS_RUN),
            ("--conversion-type-id", CLOSED_WON, lambda c: c["conversion_type_id"] == CLOSED_WON)]:
        r = t.run("conversions", "list", option, value, "--json")
        got = parse_json(r)
        t.check("conversions list %s: exactly the matching conversions" % option,
                r.returncode == 0 and got == [c for c in every if check(c)], r)

    r = t.run("conversions", "list", "--lead-id", MATIAS, "--conversion-type-id", RESERVA,
              "--fields", "amount,currency,conversion_types.name")
    t.check("conversions list with two filters and --fields",
            r.returncode == 0 and r.stdout.splitlines()[-1] == "85000\tUSD\tReserva", r)
    r = t.run("conversions", "list", "--master-workflow-id", UNKNOWN)
    t.check("conversions list: nothing matches", r.returncode == 0 and r.stdout == "No conversions match.\n", r)
    r = t.run("conversions", "list")
    t.check("conversions list: a table, newest first",
            r.returncode == 0 and r.stdout.splitlines()[0].split() == ["CONVERTED", "TYPE", "AMOUNT", "LEAD", "ID"], r)

    for args, what in [(["--lead-id", "x"], "lead ID"), (["--limit", "0"], "--limit"),
                       (["--page-size", "201"], "--page-size"), (["extra"], "")]:
        r = t.run("conversions", "list", *args)
        t.check_exit("conversions list %s" % " ".join(args), r, EXIT_USAGE)

    base.push_faults(t.base_url, "status=503")
    r = t.run("conversions", "list", "--ids")
    t.check("conversions list, 503: retried, a safe read", r.returncode == 0 and len(r.stdout.split()) == len(every), r)


def main():
    if len(sys.argv) != 3:
        print("usage: %s NEXOR NEXOR_EMULATOR" % sys.argv[0], file=sys.stderr)
        return 2
    proc = None
    t = None
    try:
        proc, url = base.start_emulator(sys.argv[2])
        print("# emulator at %s" % url)
        t = base.Runner(sys.argv[1], url)
        for test in (test_types, test_create, test_list, base.test_no_secrets):
            try:
                test(t)
            except Exception as e:
                t.check("%s ran to the end (%s: %s)" % (test.__name__, type(e).__name__, e), False)
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
