#!/usr/bin/python3
# test-cli-meetings.py: `nexor meeting create|cancel|no-show|complete|notes`
# against nexor-emulator
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


CARLOS_DONE = "0d8a4c1e-3b2f-4a6d-9c8e-1f2a3b4c5d6e"
CHEN_DEMO = "5cdf916d-8a7e-4fb2-a1d3-6e7f8091a2b3"


def lead_meetings(t, lead_id):
    r = t.run("lead", "meetings", lead_id, "--json")
    return parse_json(r) or []


def test_create(t):
    args = ("meeting", "create", "--lead-email", "MATIAS.gonzalez@example.com", "--title", "Mortgage review",
            "--starts-at", "2026-12-10T10:00:00", "--timezone", "America/Santiago", "--duration", "45",
            "--calendar-provider", "google", "--event-id", "evt-cli", "--attendee", "Sofía=sofia@example.com",
            "--location-type", "in_person", "--host-email", "ana.torres@example.com")
    r = t.run(*args, "--json")
    t.check_exit("meeting create --json", r, EXIT_OK)
    m = parse_json(r) or {}
    t.check("meeting create: a wall-clock time in --timezone, sent in UTC; the lead found by email",
            m.get("starts_at") == "2026-12-10T13:00:00Z" and m.get("ends_at") == "2026-12-10T13:45:00Z" and
            m.get("lead_id") == MATIAS and m.get("timezone") == "America/Santiago" and
            m.get("host_name") == "Ana Torres" and m.get("location_type") == "in_person" and
            m.get("additional_attendees") == [{"name": "Sofía", "email": "sofia@example.com"}], r)
    before = len(lead_meetings(t, MATIAS))
    r = t.run(*args)
    t.check("meeting create again with the same calendar event: the same meeting, updated",
            r.returncode == 0 and m.get("id", "?") in r.stdout and "Logged meeting" in r.stdout and
            "2026-12-10 10:00 (America/Santiago)" in r.stdout and len(lead_meetings(t, MATIAS)) == before, r)
    r = t.run("meeting", "create", "--lead-id", MATIAS, "--title", "Call", "--starts-at", "2026-12-11T09:00:00+01:00",
              "--ends-at", "2026-12-11T09:20:00+01:00", "--json")
    m2 = parse_json(r) or {}
    t.check("meeting create --ends-at: an offset wins, the duration follows",
            r.returncode == 0 and m2.get("starts_at") == "2026-12-11T08:00:00Z" and m2.get("duration_minutes") == 20, r)

    for starts, expected in (("2026-12-12T09:30", "2026-12-12T12:30:00Z"),
                             ("2026-12-12T09:30+01:00", "2026-12-12T08:30:00Z"),
                             ("2026-12-12 09:30Z", "2026-12-12T09:30:00Z")):
        r = t.run("meeting", "create", "--lead-id", MATIAS, "--title", "Short", "--starts-at", starts,
                  "--timezone", "America/Santiago", "--duration", "15", "--json")
        t.check("meeting create --starts-at %s: a time without seconds is read as hh:mm:00" % starts,
                r.returncode == 0 and (parse_json(r) or {}).get("starts_at") == expected, r)

    for case, extra in (("no lead", ("--title", "T", "--starts-at", "2026-12-10T10:00:00Z", "--duration", "30")),
                        ("no title", ("--lead-id", MATIAS, "--starts-at", "2026-12-10T10:00:00Z", "--duration", "30")),
                        ("no end", ("--lead-id", MATIAS, "--title", "T", "--starts-at", "2026-12-10T10:00:00Z")),
                        ("bad time", ("--lead-id", MATIAS, "--title", "T", "--starts-at", "soon", "--duration", "30")),
                        ("bad minutes", ("--lead-id", MATIAS, "--title", "T", "--starts-at", "2026-12-10T10:61",
                                         "--duration", "30")),
                        ("short time", ("--lead-id", MATIAS, "--title", "T", "--starts-at", "2026-12-10T10:0",
                                        "--duration", "30")),
                        ("bad zone", ("--lead-id", MATIAS, "--title", "T", "--starts-at", "2026-12-10T10:00:00",
                                      "--duration", "30", "--timezone", "Mars/Olympus")),
                        ("bad lead id", ("--lead-id", "../x", "--title", "T", "--starts-at", "2026-12-10T10:00:00Z",
                                         "--duration", "30")),
                        ("bad attendee", ("--lead-id", MATIAS, "--title", "T", "--starts-at", "2026-12-10T10:00:00Z",
                                          "--duration", "30", "--attendee", "nobody"))):
        r = t.run("meeting", "create", *extra)
        t.check_exit("meeting create, %s: a usage error" % case, r, EXIT_USAGE)
    r = t.run("meeting", "create", "--lead-email", "nobody@example.com", "--title", "T",
              "--starts-at", "2026-12-10T10:00:00Z", "--duration", "30")
    t.check_exit("meeting create, no lead with the email", r, EXIT_NOT_FOUND)
    t.check("meetings after the bad ones: none added", len(lead_meetings(t, MATIAS)) == before + 4)


def test_outcomes(t):
    r = t.run("meeting", "create", "--lead-id", MATIAS, "--title", "Demo", "--starts-at", "2026-11-10T15:00:00Z",
              "--duration", "30", "--json")
    meeting_id = (parse_json(r) or {}).get("id", UNKNOWN)
    r = t.run("meeting", "complete", meeting_id, "--notes", "Went well")
    t.check("meeting complete", r.returncode == 0 and r.stdout == "Meeting %s is now completed.\n" % meeting_id, r)
    r = t.run("meeting", "complete", meeting_id, "--json")
    t.check("meeting complete again --json: idempotent, as the server said",
            r.returncode == 0 and (parse_json(r) or {}).get("meeting", {}).get("idempotent") is True, r)
    r = t.run("meeting", "complete", meeting_id)
    t.check("meeting complete again: says nothing changed", r.returncode == 0 and "nothing changed" in r.stdout, r)
    r = t.run("meeting", "no-show", meeting_id, "--reason", "lead_did_not_join", "--notes", "Waited", "--json")
    m = (parse_json(r) or {}).get("meeting", {})
    t.check("meeting no-show --json", r.returncode == 0 and m.get("status") == "no_show" and
            m.get("no_show_reason") == "lead_did_not_join" and m.get("outcome_notes") == "Waited", r)
    r = t.run("meeting", "cancel", meeting_id, "--reason", "moved")
    t.check("meeting cancel", r.returncode == 0 and "is now cancelled" in r.stdout, r)
    listed = [x for x in lead_meetings(t, MATIAS) if x.get("id") == meeting_id]
    t.check("the listing shows the outcome", listed and listed[0].get("cancellation_reason") == "moved")
    r = t.run("meeting", "cancel", CHEN_DEMO)
    t.check("meeting cancel of a provider-owned meeting: skipped, not an error",
            r.returncode == 0 and r.stdout.startswith("Skipped: ") and "managed_externally_inbound_only" in r.stdout, r)
    r = t.run("meeting", "cancel", UNKNOWN)
    t.check_exit("meeting cancel of an unknown meeting", r, EXIT_NOT_FOUND)
    r = t.run("meeting", "complete", "../leads")
    t.check_exit("meeting complete of a bad id", r, EXIT_USAGE)
    r = t.run("meeting", "complete")
    t.check_exit("meeting complete without an id", r, EXIT_USAGE)
    r = t.run("meeting", "complete", meeting_id, "--reason", "x")
    t.check_exit("meeting complete takes no --reason", r, EXIT_USAGE)
    r = t.run("lead", "history", MATIAS, "--json")
    kinds = [x.get("activity_type") for x in (parse_json(r) or [])]
    t.check("each step is in the lead's history",
            all(k in kinds for k in ("meeting_scheduled", "meeting_completed", "meeting_no_show", "meeting_cancelled")), r)


def test_notes(t):
    r = t.run("meeting", "notes", "--calendar-provider", "google", "--calendar-event-id", "gcal-carlos-1",
              "--provider", "otter", "--external-meeting-id", "ot-1", "--summary", "Prefers Plan Patrimonio",
              "--action-item", "Send the offer", "--action-item", "Call back", "--json")
    n = parse_json(r) or {}
    t.check("meeting notes --json: found by the calendar keys",
            r.returncode == 0 and n.get("meeting_id") == CARLOS_DONE and n.get("lead_id") == CARLOS and
            n.get("action_items") == ["Send the offer", "Call back"] and n.get("provider") == "otter", r)
    r = t.run("meeting", "notes", "--meeting-id", CARLOS_DONE, "--provider", "otter", "--external-meeting-id", "ot-1",
              "--summary", "Signed")
    t.check("meeting notes again with the same provider and id: updated",
            r.returncode == 0 and r.stdout == "Updated note %s of meeting %s.\n" % (n.get("id"), CARLOS_DONE), r)
    r = t.run("meeting", "notes", "--lead-email", "carlos@example.com", "--notes", "Plain")
    t.check("meeting notes by the lead's email alone", r.returncode == 0 and r.stdout.startswith("Attached note "), r)
    for case, extra in (("no resolver", ("--notes", "x")),
                        ("no content", ("--meeting-id", CARLOS_DONE)),
                        ("reserved provider", ("--meeting-id", CARLOS_DONE, "--notes", "x", "--provider", "fireflies")),
                        ("bad date", ("--lead-email", "carlos@example.com", "--meeting-date", "yesterday", "--notes", "x"))):
        r = t.run("meeting", "notes", *extra)
        t.check_exit("meeting notes, %s: a usage error" % case, r, EXIT_USAGE)
    r = t.run("meeting", "notes", "--meeting-id", UNKNOWN, "--notes", "x")
    t.check_exit("meeting notes of no meeting: not found", r, EXIT_NOT_FOUND)


def test_retry_policy(t):
    # A 503 on a create without calendar keys: never sent twice.
    before = len(lead_meetings(t, MATIAS))
    base.push_faults(t.base_url, "status=503")
    r = t.run("meeting", "create", "--lead-id", MATIAS, "--title", "T", "--starts-at", "2026-12-10T10:00:00Z",
              "--duration", "30")
    t.check_exit("meeting create without calendar keys after a 503: outcome unknown", r, EXIT_OUTCOME_UNKNOWN)
    t.check("  with the command that tells", hint_of(r) is not None and ("lead meetings " + MATIAS) in hint_of(r), r)
    base.push_faults(t.base_url, "status=503")
    r = t.run("meeting", "create", "--lead-id", MATIAS, "--title", "T", "--starts-at", "2026-12-10T10:00:00Z",
              "--duration", "30", "--calendar-provider", "google", "--event-id", "evt-retry")
    t.check_exit("meeting create with calendar keys after a 503: retried", r, EXIT_OK)
    t.check("  one meeting added in all", len(lead_meetings(t, MATIAS)) == before + 1)
    base.push_faults(t.base_url, "status=503")
    r = t.run("meeting", "complete", CARLOS_DONE)
    t.check_exit("meeting complete after a 503: retried", r, EXIT_OK)


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
        for test in (test_create, test_outcomes, test_notes, test_retry_policy, base.test_no_secrets):
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
