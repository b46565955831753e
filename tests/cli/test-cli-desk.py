#!/usr/bin/python3
# test-cli-desk.py: the lead-desk commands of the nexor client against
# nexor-emulator, and the request bodies they send to a stand-in server
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-desk.py NEXOR NEXOR_EMULATOR
#
# Starts `nexor-emulator --port 0`, runs every `nexor lead …`, `nexor tags …`
# and `nexor team` command against it, reads the emulator's state back with
# `nexor lead get --json`, runs the desk scenario as a shell script, and
# prints TAP. Only the Python standard library is used.

import importlib.util
import http.server
import json
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("test_cli", os.path.join(HERE, "test-cli.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

API_KEY = base.API_KEY
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_AUTH = 0, 1, 2, 3
EXIT_NOT_FOUND, EXIT_NETWORK, EXIT_INVALID, EXIT_CONFLICT, EXIT_NOT_PAUSED = 4, 5, 6, 7, 8
EXIT_OUTCOME_UNKNOWN = 9

# Seed data of the emulator (tools/nexor-emulator/README.md).
SEED_LEAD = "123e4567-e89b-12d3-a456-426614174000"      # Carlos: long history, meetings
TAKEOVER_LEAD = "499596e2-f464-458a-ac61-601ac9e73455"  # Diego: human takeover
NO_RUN_LEAD = "a27f4786-b9dd-4177-a4d3-bfe4c2411b9b"    # Lucía: in no workflow
WF_SALES = "4aca1485-3259-4b0d-a4d0-51cff048729e"
WF_DEMO = "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
WF_PAUSED = "9d6f3b2a-5c1e-4f7a-8e0b-3a2c4d5e6f70"        # Premium Outreach, paused
TAG_HOT = "40018446-5928-4f8d-8c39-4abc460f126c"
TAG_ENTERPRISE = "417e46d0-629a-4b69-a270-0b7f4e7f9a03"
UNKNOWN = "00000000-0000-4000-8000-00000000dead"

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:10])


def parse_json(result):
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def card_line(stdout, label):
    return base.card_line(stdout, label)


def get_lead(t, lead_id):
    r = t.run("lead", "get", lead_id, "--json")
    data = parse_json(r) if r.returncode == 0 else None
    return (data or {}).get("lead") or {}


def active_run(lead):
    return lead.get("active_workflow_run") or lead.get("activeWorkflowRun") or {}


def create_lead(t, *args):
    r = t.run("lead", "create", *args, "--json")
    data = parse_json(r) or {}
    return (data.get("lead") or {}).get("id"), r


# ---------------------------------------------------------------------------
# A stand-in server that records what the client sends.


class Recorder(http.server.BaseHTTPRequestHandler):
    requests = []

    def log_message(self, *args):
        pass

    def record(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        url = urllib.parse.urlsplit(self.path)
        entry = {"method": self.command, "path": url.path,
                 "query": urllib.parse.parse_qs(url.query), "body": body}
        Recorder.requests.append(entry)
        return entry

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def lead(self, lead_id):
        return {"id": lead_id, "first_name": "Stand", "source": "api", "metadata": {},
                "created_at": "2026-02-10T12:00:00Z"}

    def handle_any(self):
        entry = self.record()
        path = entry["path"].split("/")[3:]  # after /api/public
        if self.headers.get("X-API-Key") != API_KEY:
            self.answer(401, {"error": "Invalid API key", "message": "The provided API key is not valid"})
            return
        method = entry["method"]
        if path == ["leads"] and method == "POST":
            body = entry["body"]
            if isinstance(body, list):
                results = [{"index": i, "success": True, "existed": False,
                            "lead": self.lead(str(uuid.uuid4()))} for i in range(len(body))]
                self.answer(201, {"success": True, "created": len(body), "failed": 0, "results": results})
            else:
                self.answer(201, {"success": True, "lead": self.lead(str(uuid.uuid4()))})
        elif len(path) == 2 and path[0] == "leads" and method == "PATCH":
            self.answer(200, {"success": True, "lead": self.lead(path[1])})
        elif len(path) == 2 and path[0] == "leads" and method == "GET":
            lead = self.lead(path[1])
            lead["active_workflow_run"] = {"id": "r1", "workflow_id": WF_DEMO, "is_active": True,
                                           "human_takeover": False}
            self.answer(200, {"success": True, "lead": lead, "variables": {}})
        elif path[-1:] == ["assign-workflow"]:
            self.answer(201, {"workflowRunId": "r2", "workflowId": entry["body"]["workflowId"],
                              "workflowName": "Demo", "movementType": "teleport", "paused": False})
        elif path[-2:] == ["automation", "stop"]:
            self.answer(200, {"success": True, "workflow_run_id": "r1", "cadence_paused": True,
                              "tasks_cancelled": 2})
        elif path[-2:] == ["automation", "resume"]:
            self.answer(200, {"success": True, "workflow_run_id": "r1", "cadence_resumed": True})
        elif path[-1:] == ["history"]:
            # Always the same full page: a server that ignores offset.
            limit = int(entry["query"].get("limit", ["50"])[0])
            items = [{"type": "activity", "id": "00000000-0000-4000-8000-%012d" % i,
                      "channel": "system", "title": "Entry %d" % i,
                      "timestamp": "2026-01-10T08:00:00Z"} for i in range(limit)]
            self.answer(200, {"success": True, "history": items, "pagination": {"has_more": True}})
        elif path == ["leads", "tags"]:
            self.answer(200, {"success": True, "lead_id": entry["body"].get("lead_id"), "tags": [],
                              "added": [], "removed": []})
        elif path[-1:] == ["tags"] and method == "POST":
            self.answer(201, {"data": []})
        else:
            self.answer(404, {"error": "Not found", "message": "Route not found"})

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any


def start_recorder():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/api/public" % server.server_address[1]


# ---------------------------------------------------------------------------
# Tests against the emulator


def test_create(t):
    email = unique("ana") + "@example.com"
    r = t.run("lead", "create", "--first-name", "Ana", "--last-name", "Torres", "--email", email,
              "--company", "Acme", "--metadata", "plan=gold", "--metadata", "edad:=35",
              "--metadata", "score:=0.95", "--metadata", 'nested:={"a":[1,2]}')
    t.check_exit("lead create", r, EXIT_OK)
    t.check("lead create: the heading names the lead", r.stdout.startswith("Created Ana Torres\n"), r)
    lead_id = card_line(r.stdout, "ID") or ""
    t.check("lead create: the card shows the new ID", UUID_RE.match(lead_id) is not None, r)
    t.check("lead create: nothing on stderr", r.stderr == "", r)

    lead = get_lead(t, lead_id)
    t.check("lead create: the emulator stored the fields",
            (lead.get("first_name"), lead.get("last_name"), lead.get("email"), lead.get("company"),
             lead.get("source")) == ("Ana", "Torres", email, "Acme", "api"), r)
    t.check("lead create: metadata keeps the JSON types",
            lead.get("metadata") == {"plan": "gold", "edad": 35, "score": 0.95, "nested": {"a": [1, 2]}},
            r)
    t.check("lead create: not enrolled without --workflow", not active_run(lead), r)

    # The same email again: the API upserts.
    r = t.run("lead", "create", "--first-name", "Ana", "--email", email, "--title", "CFO", "--json")
    t.check_exit("lead create with a known email", r, EXIT_OK)
    data = parse_json(r) or {}
    t.check("lead create --json: the answer without its success member",
            "success" not in data and data.get("existed") is True and
            (data.get("lead") or {}).get("id") == lead_id, r)
    t.check("lead create --json: numbers as the server writes them", "0.95" in r.stdout and
            "0.9499" not in r.stdout, r)
    r = t.run("lead", "create", "--first-name", "Ana", "--email", email)
    t.check("lead create with a known email says it updated",
            r.stdout.startswith("Updated the existing lead Ana Torres"), r)
    t.check("lead create upsert: the title was stored", get_lead(t, lead_id).get("title") == "CFO")

    # Demo Booking has a call step: its leads need a phone.
    r = t.run("lead", "create", "--first-name", "Wf", "--email", unique("wf") + "@example.com",
              "--phone", "+5693%07d" % (uuid.uuid4().int % 10**7), "--workflow", WF_DEMO)
    t.check_exit("lead create --workflow", r, EXIT_OK)
    t.check("lead create --workflow: the card names the workflow",
            card_line(r.stdout, "Workflow") == "Demo Booking" and
            UUID_RE.match(card_line(r.stdout, "Run") or "") is not None, r)
    run = active_run(get_lead(t, card_line(r.stdout, "ID") or UNKNOWN))
    t.check("lead create --workflow: the lead is enrolled",
            run.get("workflow_id") == WF_DEMO and run.get("is_active") is True, r)

    r = t.run("lead", "create", "--first-name", "X", "--workflow", UNKNOWN)
    t.check("lead create in an unknown workflow is refused by the server",
            r.returncode in (EXIT_USAGE, EXIT_NOT_FOUND) and r.stderr.startswith("nexor: "), r)

    down = base.closed_port_url()
    for description, args in (
            ("no first name", []),
            ("an empty first name", ["--first-name", ""]),
            ("a blank first name", ["--first-name", "   "]),
            ("a workflow that is not a UUID", ["--first-name", "A", "--workflow", "sales"]),
            ("a campaign that is not a UUID", ["--first-name", "A", "--campaign", "../x"]),
            ("--metadata without =", ["--first-name", "A", "--metadata", "plan"]),
            ("--metadata with an empty key", ["--first-name", "A", "--metadata", "=x"]),
            ("--metadata with bad JSON", ["--first-name", "A", "--metadata", "k:={bad"]),
            ("--metadata nested too deep", ["--first-name", "A", "--metadata", "k:=" + "[" * 100000]),
            ("--clear is not an option of create", ["--first-name", "A", "--clear", "title"]),
            ("a positional argument", ["--first-name", "A", "extra"]),
            ("--from-file with --email", ["--from-file", "x.json", "--email", "a@b.c"])):
        r = t.run("lead", "create", *args, env=t.env(base_url=down))
        t.check_exit("lead create: %s, before any request" % description, r, EXIT_USAGE)
        t.check("lead create: %s: one message, nothing on stdout" % description,
                r.stderr.startswith("nexor: ") and r.stdout == "" and len(r.stderr) < 600, r)


def test_bulk(t):
    known = unique("bulk-known") + "@example.com"
    known_id, _ = create_lead(t, "--first-name", "Known", "--email", known)
    leads = [
        {"first_name": "Uno", "email": unique("uno") + "@example.com", "edad": 30,
         "phone": "+5693%07d" % (uuid.uuid4().int % 10**7), "metadata": {"plan": "a", "edad": 31}},
        {"first_name": "Dos", "email": "not-an-email"},
        {"first_name": "Known", "email": known, "company": "Bulk Co",
         "phone": "+5693%07d" % (uuid.uuid4().int % 10**7)},
        {"first_name": "Tres", "phone": "+5693%07d" % (uuid.uuid4().int % 10**7),
         "workflow_id": WF_SALES},
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(leads, f)
        f.flush()
        r = t.run("lead", "create", "--from-file", f.name, "--workflow", WF_DEMO)
        t.check_exit("lead create --from-file with one bad lead", r, EXIT_FAILED)
        rows = {}
        for line in r.stdout.splitlines():
            m = re.match(r"^\s*(\d+)\s+(created|updated|failed)\s+(\S+)\s+(.*)$", line)
            if m:
                rows[int(m.group(1))] = m.groups()[1:]
        t.check("bulk: one row per lead with its result",
                [rows.get(i, (None,))[0] for i in range(4)] == ["created", "failed", "updated", "created"], r)
        t.check("bulk: the failed row says why", "email" in (rows.get(1) or ("", "", ""))[2], r)
        t.check("bulk: the updated row is the known lead", (rows.get(2) or ("", ""))[1] == known_id, r)
        t.check("bulk: the counts", "2 created, 1 updated, 1 failed" in r.stdout, r)

        first = get_lead(t, (rows.get(0) or ("", UNKNOWN))[1])
        t.check("bulk: members that are not lead fields went into metadata, explicit metadata wins",
                first.get("metadata") == {"plan": "a", "edad": 31}, r)
        t.check("bulk: --workflow applies to leads without a workflow_id",
                active_run(first).get("workflow_id") == WF_DEMO, r)
        third = get_lead(t, (rows.get(3) or ("", UNKNOWN))[1])
        t.check("bulk: a lead's own workflow_id wins over --workflow",
                active_run(third).get("workflow_id") == WF_SALES, r)
        t.check("bulk: the known lead was updated", get_lead(t, known_id).get("company") == "Bulk Co", r)

        r = t.run("lead", "create", "--from-file", "-", "--json", stdin=json.dumps(leads[:1]).encode())
        t.check_exit("lead create --from-file - --json", r, EXIT_OK)
        data = parse_json(r) or {}
        results = data.get("results") or [{}]
        t.check("bulk --json: the answer without success, with per-lead results",
                "success" not in data and isinstance(data.get("results"), list) and
                results[0].get("success") is True and results[0].get("index") == 0, r)

    down = base.closed_port_url()
    cases = [
        ("an object instead of an array", '{"first_name": "A"}'),
        ("an empty array", "[]"),
        ("not JSON", "[{"),
        ("not UTF-8", b'[{"first_name": "\xff"}]'),
        ("a NUL byte", b'[{"first_name": "A"}]\x00'),
        ("a lead that is not an object", '[{"first_name": "A"}, 42]'),
        ("a lead without first_name", '[{"last_name": "B"}]'),
        ("a first_name that is not a string", '[{"first_name": ["A"]}]'),
        ("a workflow_id that is not a UUID", '[{"first_name": "A", "workflow_id": "x"}]'),
        ("metadata that is not an object", '[{"first_name": "A", "metadata": [1]}]'),
        ("force_first_message without a workflow",
         '[{"first_name": "A", "force_first_message": {"channel": "whatsapp", "content": "hi"}}]'),
        ("a stored lead's id", '[{"first_name": "A", "id": "%s"}]' % SEED_LEAD),
        ("tags, which only lead tags sets", '[{"first_name": "A", "tags": ["vip"]}]'),
        ("JSON nested too deep", "[" * 100000),
    ]
    for description, text in cases:
        data = text if isinstance(text, bytes) else text.encode()
        r = t.run("lead", "create", "--from-file", "-", stdin=data, env=t.env(base_url=down))
        t.check_exit("bulk file with %s: refused before any request" % description, r, EXIT_USAGE)
        t.check("bulk file with %s: one short message" % description,
                r.stderr.startswith("nexor: ") and r.stdout == "" and len(r.stderr) < 600, r)

    r = t.run("lead", "create", "--from-file", "/nonexistent/leads.json")
    t.check_exit("bulk: a missing file", r, EXIT_USAGE)
    r = t.run("lead", "create", "--from-file", "/")
    t.check_exit("bulk: a directory", r, EXIT_USAGE)
    r = t.run("lead", "create", "--from-file", "-", "--api-key-file", "-", env=t.env(key=None),
              stdin=b"[]")
    t.check_exit("bulk: --from-file - and --api-key-file - together", r, EXIT_USAGE)


def fault_state(t):
    root = t.base_url[:-len("/api/public")]
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(urllib.request.Request(root + "/_emulator/faults"), timeout=10) as response:
        return json.loads(response.read())


def table_rows(stdout):
    rows = []
    for line in stdout.splitlines():
        m = re.match(r"^\s*(\d+)\s+(created|updated|failed)(\s|$)", line)
        if m:
            rows.append((int(m.group(1)), m.group(2)))
    return rows


# A file larger than the API takes in one call goes in batches of 1,000, a
# few at a time, and is reported as one: every lead by its index in the file.
# A batch whose outcome is unknown is named by its range and never sent again.
def test_bulk_batches(t):
    tag = unique("Batch")
    marker = tag + "-second"
    leads = [{"first_name": "%s-%d" % (tag, i)} for i in range(2500)]
    leads[1000]["first_name"] = marker  # in the second batch, for if-body=
    leads[1700] = {"first_name": "Bad", "email": "not-an-email"}

    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(leads, f)
        f.flush()

        before = fault_state(t)["requests"]
        r = t.run("lead", "create", "--from-file", f.name, timeout=120)
        t.check_exit("2,500 leads with one bad: one lead failed", r, EXIT_FAILED)
        rows = table_rows(r.stdout)
        t.check("2,500 leads: one row per lead, in the file's order",
                [i for i, _ in rows] == list(range(2500)), r)
        t.check("2,500 leads: the bad lead failed by its index in the file",
                [i for i, what in rows if what == "failed"] == [1700], r)
        t.check("2,500 leads: the counts of all batches", "2,499 created, 0 updated, 1 failed" in r.stdout
                or "2499 created, 0 updated, 1 failed" in r.stdout, r)
        t.check("2,500 leads: exactly 3 requests, one per batch of 1,000",
                fault_state(t)["requests"] - before == 3, r)

        r = t.run("lead", "create", "--from-file", f.name, "--json", timeout=120)
        t.check_exit("2,500 leads --json", r, EXIT_FAILED)
        data = parse_json(r) or {}
        results = data.get("results") or []
        t.check("2,500 leads --json: one answer, the counts added up",
                data.get("created") == 2499 and data.get("failed") == 1 and "success" not in data, r)
        t.check("2,500 leads --json: the results in order, indexed in the file",
                [x.get("index") for x in results] == list(range(2500)) and
                results[1700].get("success") is False and results[2499].get("success") is True and
                (results[2499].get("lead") or {}).get("first_name") == "%s-2499" % tag, r)

        for fault, what in (("status=503", "a 503"), ("drop", "a dropped connection")):
            clear_faults(t)
            base.push_faults(t.base_url, "%s;if-body=%s" % (fault, marker))
            before = fault_state(t)["requests"]
            r = t.run("lead", "create", "--from-file", f.name, timeout=120)
            t.check_exit("batches, %s on the second: outcome unknown" % what, r, EXIT_OUTCOME_UNKNOWN)
            rows = table_rows(r.stdout)
            t.check("batches, %s on the second: the other batches reported, in order" % what,
                    [i for i, _ in rows] == list(range(1000)) + list(range(2000, 2500)), r)
            t.check("batches, %s on the second: its range named as maybe applied" % what,
                    "leads 1000 to 1999 of the file" in r.stderr and "may have been applied" in r.stderr
                    and "leads 0 to" not in r.stderr and "leads 2000 to" not in r.stderr, r)
            state = fault_state(t)
            t.check("batches, %s on the second: the fault was met, nothing sent again" % what,
                    state["pending"] == [] and state["requests"] - before == 3, r)
        clear_faults(t)

    bad = [{"first_name": "B%d" % i} for i in range(1500)]
    bad[1200] = 42
    bad[1300] = {"last_name": "no first name"}
    before = fault_state(t)["requests"]
    r = t.run("lead", "create", "--from-file", "-", stdin=json.dumps(bad).encode())
    t.check_exit("a large file with bad leads: refused before any request", r, EXIT_USAGE)
    t.check("a large file with bad leads: the first named by its index in the file",
            "[1200]" in r.stderr and r.stdout == "" and fault_state(t)["requests"] == before, r)


def test_update(t):
    lead_id, r = create_lead(t, "--first-name", "Upd", "--email", unique("upd") + "@example.com",
                             "--title", "CTO", "--phone", "+56912340000", "--metadata", "keep=1",
                             "--metadata", "change=old")
    t.check("update: a lead to update", lead_id is not None, r)
    lead_id = lead_id or UNKNOWN

    r = t.run("lead", "update", lead_id, "--company", "New Co", "--clear", "title,phone",
              "--metadata", "change=new", "--metadata", "added:=true")
    t.check_exit("lead update", r, EXIT_OK)
    t.check("lead update: the heading", r.stdout.startswith("Updated Upd\n"), r)
    t.check("lead update: the card", card_line(r.stdout, "Company") == "New Co" and
            card_line(r.stdout, "Title") == "\u2014", r)
    lead = get_lead(t, lead_id)
    t.check("lead update: fields replaced and cleared in the emulator",
            lead.get("company") == "New Co" and lead.get("title") is None and lead.get("phone") is None, r)
    t.check("lead update: metadata merged one level deep",
            lead.get("metadata") == {"keep": "1", "change": "new", "added": True}, r)

    r = t.run("lead", "update", lead_id, "--last-name", "Dated", "--json")
    t.check_exit("lead update --json", r, EXIT_OK)
    data = parse_json(r) or {}
    t.check("lead update --json: {\"lead\": …}",
            list(data) == ["lead"] and data["lead"].get("last_name") == "Dated", r)

    r = t.run("lead", "update", UNKNOWN, "--company", "X")
    t.check_exit("lead update of an unknown lead", r, EXIT_NOT_FOUND)

    down = base.closed_port_url()
    for description, args, hint in (
            ("nothing to change", [lead_id], "nothing to change"),
            ("an empty value", [lead_id, "--title", ""], "--clear title"),
            ("a field both set and cleared", [lead_id, "--title", "X", "--clear", "title"], "together"),
            ("clearing the first name", [lead_id, "--clear", "first-name"], "can be cleared"),
            ("clearing an unknown field", [lead_id, "--clear", "bogus"], "can be cleared"),
            ("a bad lead ID", ["..", "--company", "X"], "not a valid lead ID"),
            ("no lead ID", ["--company", "X"], "missing"),
            ("--workflow", [lead_id, "--workflow", WF_SALES], "Unknown option")):
        r = t.run("lead", "update", *args, env=t.env(base_url=down))
        t.check_exit("lead update: %s" % description, r, EXIT_USAGE)
        t.check("lead update: %s: the message helps" % description, hint in r.stderr, r)
    t.check("lead update: refused updates changed nothing",
            get_lead(t, lead_id).get("company") == "New Co")


def test_assign_and_status(t):
    lead_id, _ = create_lead(t, "--first-name", "Mover", "--email", unique("mv") + "@example.com")
    lead_id = lead_id or UNKNOWN

    r = t.run("lead", "assign", lead_id, WF_DEMO, "--reason", "first contact", "--actor", "user-7")
    t.check_exit("lead assign: enrollment", r, EXIT_OK)
    t.check("lead assign: enrollment heading",
            r.stdout.startswith("Enrolled the lead in Demo Booking") and
            card_line(r.stdout, "Movement") == "enrollment" and
            card_line(r.stdout, "Cadence") == "started", r)
    first_run = card_line(r.stdout, "Run")
    run = active_run(get_lead(t, lead_id))
    t.check("lead assign: the lead's run is in the workflow",
            run.get("workflow_id") == WF_DEMO and run.get("id") == first_run, r)

    r = t.run("lead", "assign", lead_id, WF_SALES, "--json")
    t.check_exit("lead assign --json: reassignment", r, EXIT_OK)
    data = parse_json(r) or {}
    t.check("lead assign --json: the camelCase answer as sent",
            data.get("movementType") == "reassignment" and data.get("workflowId") == WF_SALES and
            data.get("workflowName") == "Sales Pipeline" and data.get("paused") is False and
            UUID_RE.match(data.get("workflowRunId") or "") is not None, r)
    run = active_run(get_lead(t, lead_id))
    t.check("lead assign: the old run was replaced",
            run.get("workflow_id") == WF_SALES and run.get("id") != first_run, r)

    r = t.run("lead", "assign", lead_id, WF_PAUSED)
    t.check("lead assign to a paused workflow says the cadence waits",
            r.returncode == 0 and "paused" in (card_line(r.stdout, "Cadence") or ""), r)
    t.run("lead", "assign", lead_id, WF_SALES)

    r = t.run("lead", "status", lead_id, "qualified", "--reason", "budget confirmed")
    t.check_exit("lead status", r, EXIT_OK)
    t.check("lead status: from and to", re.match(r"^Status changed: \S+ \u2192 qualified$",
                                                  r.stdout.splitlines()[0] if r.stdout else "") is not None, r)
    status = active_run(get_lead(t, lead_id)).get("current_status") or {}
    t.check("lead status: the emulator's run has the status", status.get("key") == "qualified", r)

    r = t.run("lead", "status", lead_id, "qualified", "--json")
    t.check_exit("lead status again", r, EXIT_OK)
    data = parse_json(r) or {}
    t.check("lead status --json: changed false, no success member",
            data.get("changed") is False and data.get("new_status") == "qualified" and
            "success" not in data, r)
    r = t.run("lead", "status", lead_id, "qualified")
    t.check("lead status again: says nothing changed", "nothing changed" in r.stdout, r)

    r = t.run("lead", "status", lead_id, "no-such-status")
    t.check_exit("lead status with an unknown key (HTTP 400)", r, EXIT_USAGE)
    t.check("lead status with an unknown key: the server's message", "no-such-status" in r.stderr, r)
    r = t.run("lead", "status", NO_RUN_LEAD, "qualified")
    t.check_exit("lead status of a lead in no workflow", r, EXIT_NOT_FOUND)
    r = t.run("lead", "assign", lead_id, UNKNOWN)
    t.check_exit("lead assign to an unknown workflow", r, EXIT_NOT_FOUND)
    t.check("lead assign to an unknown workflow changed nothing",
            active_run(get_lead(t, lead_id)).get("workflow_id") == WF_SALES)

    down = base.closed_port_url()
    for description, args in (
            ("assign without a workflow", ["assign", lead_id]),
            ("assign with a bad workflow", ["assign", lead_id, "sales"]),
            ("assign with an extra argument", ["assign", lead_id, WF_SALES, "x"]),
            ("assign with an empty reason", ["assign", lead_id, WF_SALES, "--reason", ""]),
            ("status without a key", ["status", lead_id]),
            ("status with an empty key", ["status", lead_id, ""]),
            ("status with a bad --workflow", ["status", lead_id, "won", "--workflow", "a/b"]),
            ("status with a key that is not UTF-8", ["status", lead_id, b"\xff\xfe"])):
        r = t.run("lead", *args, env=t.env(base_url=down))
        t.check_exit("lead %s" % description, r, EXIT_USAGE)


def test_automation(t):
    lead_id, _ = create_lead(t, "--first-name", "Desk", "--email", unique("desk") + "@example.com",
                             "--phone", "+5693%07d" % (uuid.uuid4().int % 10**7), "--workflow", WF_SALES)
    lead_id = lead_id or UNKNOWN

    r = t.run("lead", "paused", lead_id)
    t.check("lead paused before the takeover", r.returncode == 0 and r.stdout == "not paused\n", r)
    r = t.run("lead", "paused", lead_id, "--exit-status")
    t.check_exit("lead paused --exit-status when not paused", r, EXIT_NOT_PAUSED)

    r = t.run("lead", "takeover", lead_id)
    t.check_exit("lead takeover (workflow from the active run)", r, EXIT_OK)
    t.check("lead takeover: what happened",
            r.stdout.startswith("Took the lead over") and card_line(r.stdout, "Cadence") == "paused" and
            card_line(r.stdout, "Workflow") == WF_SALES, r)
    run = active_run(get_lead(t, lead_id))
    t.check("lead takeover: Get Lead shows the human takeover",
            run.get("human_takeover") is True and run.get("cadence_state") == "paused", r)

    r = t.run("lead", "paused", lead_id)
    t.check("lead paused after the takeover", r.returncode == 0 and r.stdout == "paused\n", r)
    r = t.run("lead", "paused", lead_id, "--exit-status", "--workflow", WF_SALES)
    t.check_exit("lead paused --exit-status --workflow when paused", r, EXIT_OK)
    r = t.run("lead", "paused", lead_id, "--json")
    t.check("lead paused --json", r.returncode == 0 and parse_json(r) == {"paused": True}, r)

    r = t.run("lead", "takeover", lead_id, "--workflow", WF_SALES, "--json")
    t.check_exit("lead takeover again", r, EXIT_OK)
    data = parse_json(r) or {}
    t.check("lead takeover again --json: already_stopped",
            data.get("already_stopped") is True and "success" not in data, r)
    r = t.run("lead", "takeover", lead_id)
    t.check("lead takeover again: says nothing changed", "already stopped" in r.stdout, r)

    r = t.run("lead", "resume", lead_id)
    t.check_exit("lead resume", r, EXIT_OK)
    t.check("lead resume: the cadence stays paused without --cadence",
            r.stdout.startswith("Handed the lead back") and
            (card_line(r.stdout, "Cadence") or "").startswith("still paused"), r)
    run = active_run(get_lead(t, lead_id))
    t.check("lead resume: Get Lead shows the AI in control", run.get("human_takeover") is False, r)
    r = t.run("lead", "paused", lead_id, "--exit-status")
    t.check_exit("lead paused --exit-status after resume", r, EXIT_NOT_PAUSED)

    r = t.run("lead", "resume", lead_id, "--json")
    data = parse_json(r) or {}
    t.check("lead resume again --json: already_running", r.returncode == 0 and
            data.get("already_running") is True, r)

    t.run("lead", "takeover", lead_id)
    r = t.run("lead", "resume", lead_id, "--cadence", "--json")
    data = parse_json(r) or {}
    t.check("lead resume --cadence", r.returncode == 0 and data.get("cadence_resumed") is True, r)
    t.check("lead resume --cadence: the cadence runs again",
            active_run(get_lead(t, lead_id)).get("cadence_state") in ("active", "waiting"), r)

    r = t.run("lead", "takeover", NO_RUN_LEAD)
    t.check_exit("lead takeover of a lead in no workflow", r, EXIT_NOT_FOUND)
    t.check("lead takeover of a lead in no workflow: says so and how to fix it",
            "no workflow" in r.stderr and "--workflow" in r.stderr, r)
    r = t.run("lead", "takeover", lead_id, "--workflow", WF_DEMO)
    t.check_exit("lead takeover in a workflow the lead is not in", r, EXIT_NOT_FOUND)
    # The Get Lead page's lead: its run names the workflow "uuid", which goes
    # back to the server as given.
    r = t.run("lead", "takeover", SEED_LEAD)
    t.check_exit("lead takeover of the Get Lead page's lead (workflow \"uuid\")", r, EXIT_OK)
    r = t.run("lead", "resume", SEED_LEAD)
    t.check_exit("lead resume of the Get Lead page's lead", r, EXIT_OK)
    r = t.run("lead", "paused", TAKEOVER_LEAD, "--exit-status")
    t.check_exit("lead paused of the seeded takeover", r, EXIT_OK)
    r = t.run("lead", "paused", UNKNOWN)
    t.check_exit("lead paused of an unknown lead", r, EXIT_NOT_FOUND)

    down = base.closed_port_url()
    for args in (["takeover"], ["takeover", ".."], ["takeover", lead_id, "--workflow", ""],
                 ["resume", lead_id, "extra"], ["resume", lead_id, "--cadence", "--workflow"],
                 ["paused", lead_id, "--workflow", "x"]):
        r = t.run("lead", *args, env=t.env(base_url=down))
        t.check_exit("lead %s" % " ".join(args[:1] + args[2:]), r, EXIT_USAGE)


def history_json(t, lead_id, *args):
    r = t.run("lead", "history", lead_id, "--json", *args)
    data = parse_json(r)
    return (data if isinstance(data, list) else None), r


def test_history(t):
    full, r = history_json(t, SEED_LEAD)
    t.check_exit("lead history --json", r, EXIT_OK)
    full = full or []
    t.check("lead history: more than one page of the API's default size", len(full) > 50, r)
    t.check("lead history: oldest first",
            [i.get("timestamp") for i in full] == sorted(i.get("timestamp") for i in full), r)

    small, r = history_json(t, SEED_LEAD, "--page-size", "7")
    t.check("lead history --page-size 7 pages through the same entries", small == full, r)

    some, r = history_json(t, SEED_LEAD, "--limit", "3", "--page-size", "2")
    t.check("lead history --limit 3", some == full[:3], r)

    wa, r = history_json(t, SEED_LEAD, "--channel", "whatsapp")
    t.check("lead history --channel whatsapp: only WhatsApp entries",
            bool(wa) and all(i.get("channel") == "whatsapp" for i in wa), r)
    both, r = history_json(t, SEED_LEAD, "--channel", "whatsapp,call", "--channel", "email")
    t.check("lead history --channel lists: no system activities",
            bool(both) and all(i.get("channel") in ("whatsapp", "call", "email") for i in both) and
            len(both) > len(wa or []), r)

    r = t.run("lead", "history", SEED_LEAD)
    t.check_exit("lead history", r, EXIT_OK)
    lines = r.stdout.splitlines()
    t.check("lead history: a header and one line per entry",
            lines[:1] and lines[0].split() == ["WHEN", "WHAT", "DETAILS"] and len(lines) == len(full) + 1, r)
    t.check("lead history: messages show channel and direction",
            re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d UTC  whatsapp (in|out)\s", r.stdout, re.M) is not None, r)
    t.check("lead history: no progress on stderr when it is not a terminal", r.stderr == "", r)

    r = t.run("lead", "history", SEED_LEAD, "--limit", "2")
    t.check("lead history --limit: says there is more", "there are more" in r.stdout, r)

    # With stderr on a terminal, the progress shows there and only there.
    master, slave = pty.openpty()
    proc = subprocess.Popen([t.nexor, "lead", "history", SEED_LEAD, "--page-size", "20"],
                            env=t.env(), stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    out, _ = proc.communicate(timeout=30)
    tty = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        tty += chunk
    os.close(master)
    result = base.Result(["nexor", "lead", "history"], proc.returncode, out.decode("utf-8", "replace"),
                         tty.decode("utf-8", "replace"))
    t.outputs.append((result.args, result))
    t.check("lead history on a terminal: progress on stderr",
            proc.returncode == 0 and b"Fetching the history" in tty, result)
    t.check("lead history on a terminal: the progress line is cleared at the end",
            tty.endswith(b"\r\x1b[K"), result)
    t.check("lead history on a terminal: nothing of it on stdout",
            b"Fetching" not in out and out.decode().count("\n") == len(full) + 1, result)

    lead_id, _ = create_lead(t, "--first-name", "Empty", "--email", unique("e") + "@example.com")
    r = t.run("lead", "history", lead_id or UNKNOWN, "--channel", "call")
    t.check("lead history with nothing to show", r.returncode == 0 and "No history" in r.stdout, r)
    r = t.run("lead", "history", UNKNOWN)
    t.check_exit("lead history of an unknown lead", r, EXIT_NOT_FOUND)

    down = base.closed_port_url()
    for args in (["--channel", "sms,whatsap"], ["--channel", ""], ["--channel", ","],
                 ["--limit", "0"], ["--limit", "-5"], ["--limit", "many"],
                 ["--page-size", "0"], ["--page-size", "201"], ["--limit", "99999999999999"]):
        r = t.run("lead", "history", SEED_LEAD, *args, env=t.env(base_url=down))
        t.check_exit("lead history %s" % " ".join(args), r, EXIT_USAGE)


def test_meetings(t):
    r = t.run("lead", "meetings", SEED_LEAD, "--json")
    t.check_exit("lead meetings --json", r, EXIT_OK)
    meetings = parse_json(r) or []
    t.check("lead meetings --json: an array of meetings", isinstance(meetings, list) and len(meetings) > 1, r)
    starts = [m.get("starts_at") for m in meetings]
    t.check("lead meetings: most recent first", starts == sorted(starts, reverse=True), r)

    r = t.run("lead", "meetings", SEED_LEAD, "--status", "scheduled,confirmed", "--json")
    some = parse_json(r) or []
    t.check("lead meetings --status: only those statuses",
            r.returncode == 0 and bool(some) and len(some) < len(meetings) and
            all(m.get("status") in ("scheduled", "confirmed") for m in some), r)

    r = t.run("lead", "meetings", SEED_LEAD)
    t.check_exit("lead meetings", r, EXIT_OK)
    lines = r.stdout.splitlines()
    t.check("lead meetings: a header and one line per meeting",
            lines[:1] and lines[0].split() == ["STARTS", "STATUS", "TITLE", "HOST", "WHERE"] and
            len(lines) == len(meetings) + 1, r)
    r = t.run("lead", "meetings", NO_RUN_LEAD)
    t.check("lead meetings: none", r.returncode == 0 and r.stdout == "No meetings.\n", r)
    for args in (["--status", "done"], ["--status", ""]):
        r = t.run("lead", "meetings", SEED_LEAD, *args)
        t.check_exit("lead meetings %s" % " ".join(args), r, EXIT_USAGE)


def lead_tag_names(t, lead_id):
    return sorted(tag.get("name") for tag in get_lead(t, lead_id).get("tags") or [])


def test_tags(t):
    name = unique("Warm")
    slug = name.lower()
    r = t.run("tags", "create", name, slug, "--description", "Answered once")
    t.check_exit("tags create", r, EXIT_OK)
    tag_id = card_line(r.stdout, "ID") or UNKNOWN
    t.check("tags create: the card", r.stdout.startswith("Created tag %s\n" % name) and
            card_line(r.stdout, "Slug") == slug and UUID_RE.match(tag_id) is not None, r)

    r = t.run("tags", "create", "Other name", slug)
    t.check_exit("tags create with a slug that is taken (409)", r, EXIT_CONFLICT)
    t.check("tags create with a slug that is taken: the server's message", "slug" in r.stderr, r)

    r = t.run("tags", "list", "--json")
    tags = parse_json(r) or []
    t.check("tags list --json has the new tag with its description",
            any(x.get("id") == tag_id and x.get("description") == "Answered once" for x in tags), r)
    r = t.run("tags", "list", "--search", slug)
    t.check("tags list --search", r.returncode == 0 and len(r.stdout.splitlines()) == 2 and
            name in r.stdout, r)
    r = t.run("tags", "list", "--search", unique("nothing"))
    t.check("tags list --search without a match", r.returncode == 0 and r.stdout == "No tags match.\n", r)

    r = t.run("tags", "update", tag_id, "--name", name + " 2", "--clear", "description", "--json")
    t.check_exit("tags update", r, EXIT_OK)
    data = parse_json(r) or {}
    t.check("tags update --json: the tag as the server sent it",
            data.get("name") == name + " 2" and data.get("description") is None and
            data.get("slug") == slug, r)
    r = t.run("tags", "update", tag_id, "--slug", "hot-lead")
    t.check_exit("tags update to a slug that is taken", r, EXIT_CONFLICT)
    r = t.run("tags", "update", UNKNOWN, "--name", "X")
    t.check_exit("tags update of an unknown tag", r, EXIT_NOT_FOUND)

    lead_id, _ = create_lead(t, "--first-name", "Tagged", "--email", unique("tag") + "@example.com")
    lead_id = lead_id or UNKNOWN
    r = t.run("lead", "tags", lead_id)
    t.check("lead tags: none yet", r.returncode == 0 and r.stdout == "The lead has no tags.\n", r)

    fresh = unique("Brand New")
    r = t.run("lead", "tags", lead_id, "--set", "VIP Client, %s" % fresh)
    t.check_exit("lead tags --set", r, EXIT_OK)
    t.check("lead tags --set: the new set and the counts",
            "VIP Client" in r.stdout and fresh in r.stdout and "2 added, 0 removed" in r.stdout, r)
    t.check("lead tags --set: Get Lead shows the set", lead_tag_names(t, lead_id) == sorted(["VIP Client", fresh]))
    r = t.run("tags", "list", "--search", fresh.lower(), "--json")
    t.check("lead tags --set created the unknown tag", len(parse_json(r) or []) == 1, r)

    r = t.run("lead", "tags", lead_id, "--add", TAG_HOT, "--add", "%s,%s" % (TAG_ENTERPRISE, tag_id))
    t.check_exit("lead tags --add", r, EXIT_OK)
    t.check("lead tags --add keeps the others",
            lead_tag_names(t, lead_id) == sorted(["VIP Client", fresh, "Hot lead", "Enterprise", name + " 2"]))
    r = t.run("lead", "tags", lead_id, "--json")
    listed = parse_json(r) or []
    t.check("lead tags --json: an array of the lead's tags",
            sorted(x.get("name") for x in listed) == lead_tag_names(t, lead_id), r)

    r = t.run("tags", "delete", tag_id)
    t.check_exit("tags delete", r, EXIT_OK)
    t.check("tags delete cascades off the lead", (name + " 2") not in lead_tag_names(t, lead_id), r)
    r = t.run("tags", "delete", tag_id, "--json")
    t.check_exit("tags delete again", r, EXIT_NOT_FOUND)
    r = t.run("tags", "create", unique("J"), unique("j"), "--json")
    created = parse_json(r) or {}
    r = t.run("tags", "delete", created.get("id") or UNKNOWN, "--json")
    t.check("tags delete --json", r.returncode == 0 and
            parse_json(r) == {"id": created.get("id"), "deleted": True}, r)

    r = t.run("lead", "tags", lead_id, "--set", "", "--json")
    data = parse_json(r) or {}
    t.check("lead tags --set '' removes every tag",
            r.returncode == 0 and data.get("tags") == [] and len(data.get("removed") or []) == 4 and
            lead_tag_names(t, lead_id) == [], r)

    down = base.closed_port_url()
    for args in (["tags", "create", "Name"], ["tags", "create", "", "slug"], ["tags", "create", "N", " "],
                 ["tags", "create", b"\xff", "s"], ["tags", "update", tag_id],
                 ["tags", "update", tag_id, "--description", ""],
                 ["tags", "update", tag_id, "--clear", "name"], ["tags", "update", "x", "--name", "y"],
                 ["tags", "delete"], ["tags", "delete", "a/b"], ["tags", "list", "extra"],
                 ["lead", "tags", lead_id, "--set", "a", "--add", TAG_HOT],
                 ["lead", "tags", lead_id, "--add", "hot-lead"], ["lead", "tags", lead_id, "--add", ""],
                 ["lead", "tags", "..", "--set", "a"]):
        r = t.run(*args, env=t.env(base_url=down))
        t.check_exit(" ".join(a if isinstance(a, str) else repr(a) for a in args[:2] + args[3:]),
                     r, EXIT_USAGE)


def hint_of(result):
    lines = [line for line in result.stderr.splitlines() if line.startswith("hint: ")]
    return lines[0][len("hint: "):] if len(lines) == 1 else None


# A write that is not safe to repeat, sent, and then the connection reset
# (the emulator did the work) or a 5xx: its own exit status, and a hint that
# names a real command which then shows the write did happen, once.
def test_outcome_unknown(t):
    email = unique("reset") + "@example.com"
    base.push_faults(t.base_url, "reset")
    r = t.run("lead", "create", "--first-name", "Rita", "--email", email)
    t.check_exit("lead create, reset after the server read it: outcome unknown", r,
                 EXIT_OUTCOME_UNKNOWN)
    t.check("lead create, reset: the cause and what it means",
            "may have been applied" in r.stderr and r.stdout == "", r)
    hint = hint_of(r) or ""
    t.check("lead create, reset: the hint says there is no lookup and what to check",
            "no command that finds a lead" in hint and "dashboard" in hint, r)
    lead_id, r = create_lead(t, "--first-name", "Rita", "--email", email)
    data = parse_json(r) or {}
    t.check("lead create, reset: the first one went through, once (the same email answers existed)",
            data.get("existed") is True and UUID_RE.match(lead_id or "") is not None, r)

    name = unique("Reset")
    slug = name.lower()
    base.push_faults(t.base_url, "reset")
    r = t.run("tags", "create", name, slug)
    t.check_exit("tags create, reset: outcome unknown", r, EXIT_OUTCOME_UNKNOWN)
    t.check("tags create, reset: the hint names the check",
            hint_of(r) == "it may have been applied; check with: nexor tags list --search " + slug, r)
    r = t.run("tags", "list", "--search", slug, "--json")
    tags = parse_json(r) or []
    t.check("tags create, reset: the named check shows the one tag",
            r.returncode == 0 and [x.get("slug") for x in tags] == [slug], r)

    base.push_faults(t.base_url, "status=503", "status=503", "status=503")
    r = t.run("lead", "tags", lead_id or UNKNOWN, "--add", TAG_HOT)
    t.check_exit("lead tags --add, 503: outcome unknown, not retried", r, EXIT_OUTCOME_UNKNOWN)
    t.check("lead tags --add, 503: the cause is kept and the hint names the check",
            "HTTP 503" in r.stderr and
            hint_of(r) == "it may have been applied; check with: nexor lead tags %s" % lead_id, r)
    r = t.run("lead", "tags", lead_id or UNKNOWN)
    t.check("lead tags --add, 503: the named check runs", r.returncode == 0, r)
    clear_faults(t)

    base.push_faults(t.base_url, "reset")
    r = t.run("lead", "assign", lead_id or UNKNOWN, WF_SALES)
    t.check_exit("lead assign, reset: outcome unknown", r, EXIT_OUTCOME_UNKNOWN)
    t.check("lead assign, reset: the hint names the check",
            hint_of(r) == "it may have been applied; check with: nexor lead get %s" % lead_id, r)
    lead = get_lead(t, lead_id or UNKNOWN)
    t.check("lead assign, reset: the named check shows the run",
            (active_run(lead).get("workflow") or {}).get("id") == WF_SALES or
            active_run(lead).get("workflow_id") == WF_SALES, r)

    # A wait longer than the client makes by itself: when to come back.
    base.push_faults(t.base_url, "status=429;retry-after=3600")
    r = t.run("lead", "get", SEED_LEAD)
    t.check_exit("lead get, 429 for an hour: network", r, EXIT_NETWORK)
    t.check("lead get, 429 for an hour: the hint says when",
            hint_of(r) == "the server asked to slow down; retry in 3600 s", r)

    # 429 is retried for a write too: one lead, no error.
    email = unique("limited") + "@example.com"
    base.push_faults(t.base_url, "status=429;retry-after=1")
    lead_id, r = create_lead(t, "--first-name", "Lia", "--email", email)
    t.check_exit("lead create after a 429 with Retry-After: 1: retried", r, EXIT_OK)
    t.check("lead create after a 429: created, not matched to an earlier copy",
            (parse_json(r) or {}).get("existed") in (False, None) and lead_id is not None, r)


def clear_faults(t):
    root = t.base_url[:-len("/api/public")]
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    opener.open(urllib.request.Request(root + "/_emulator/faults", method="DELETE"),
                timeout=10).read()


def test_team(t):
    r = t.run("team", "--json")
    t.check_exit("team --json", r, EXIT_OK)
    team = parse_json(r) or []
    t.check("team --json: an array of members with the documented members",
            isinstance(team, list) and bool(team) and
            all(set(("id", "name", "email", "external_id")) <= set(m) for m in team), r)
    t.check("team: inactive members are left out", "Tomás Rivera" not in [m.get("name") for m in team], r)
    r = t.run("team")
    lines = r.stdout.splitlines()
    t.check("team: a header and one line per member",
            r.returncode == 0 and lines[:1] and lines[0].split() == ["NAME", "EMAIL", "EXTERNAL", "ID", "ID"] and
            len(lines) == len(team) + 1, r)
    r = t.run("team", "extra")
    t.check_exit("team with an argument", r, EXIT_USAGE)


DESK_SCRIPT = r'''
set -eu
fail() { echo "desk: $*" >&2; exit 1; }
id=$("$NEXOR" lead create --first-name Sofia --email "$EMAIL" | sed -n 's/^  ID  *//p')
[ -n "$id" ] || fail "no id"
"$NEXOR" lead assign "$id" "$WORKFLOW" --reason "inbound form" >/dev/null
"$NEXOR" lead takeover "$id" >/dev/null
if "$NEXOR" lead paused "$id" --exit-status >/dev/null; then :; else fail "not paused after takeover"; fi
[ "$("$NEXOR" lead paused "$id")" = paused ] || fail "paused does not say paused"
"$NEXOR" lead resume "$id" --cadence >/dev/null
set +e
"$NEXOR" lead paused "$id" --exit-status >/dev/null
status=$?
set -e
[ "$status" -eq 8 ] || fail "paused --exit-status after resume gave $status"
"$NEXOR" lead history "$id" > "$OUT"
echo "$id"
'''


def test_desk_scenario(t):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "history.txt")
        env = t.env(extra={"NEXOR": t.nexor, "EMAIL": unique("sofia") + "@example.com",
                           "WORKFLOW": WF_SALES, "OUT": out})
        proc = subprocess.run(["/bin/sh", "-c", DESK_SCRIPT], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60)
        result = base.Result(["sh", "desk"], proc.returncode, proc.stdout.decode("utf-8", "replace"),
                             proc.stderr.decode("utf-8", "replace"))
        t.outputs.append((result.args, result))
        t.check("desk scenario from the shell: create, assign, takeover, paused, resume",
                proc.returncode == 0, result)
        history = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    lead_id = result.stdout.strip()
    order = [m.group(1) for m in re.finditer(r"activity  (Assigned to Sales Pipeline|AI automation stopped|"
                                             r"AI automation resumed)", history)]
    t.check("desk scenario: history shows the assignment, the takeover and the handback in order",
            order == ["Assigned to Sales Pipeline", "AI automation stopped", "AI automation resumed"],
            base.Result([], 0, history, ""))
    items, r = history_json(t, lead_id)
    kinds = [i.get("activity_type") for i in items or [] if i.get("type") == "activity"]
    t.check("desk scenario: history --json has the activities",
            all(k in kinds for k in ("workflow_assigned", "automation_stopped", "automation_resumed")), r)
    run = active_run(get_lead(t, lead_id))
    t.check("desk scenario: Get Lead agrees at the end",
            run.get("workflow_id") == WF_SALES and run.get("human_takeover") is False, r)


def test_help(t):
    r = t.run("help", "lead")
    for command in ("create", "update", "assign", "status", "takeover", "resume", "paused",
                    "history", "meetings", "tags"):
        t.check("help lead lists %s" % command,
                re.search(r"^\s+%s\b" % command, r.stdout, re.M) is not None, r)
    r = t.run("--help")
    t.check("--help lists tags and team and the new exit statuses",
            "tags create NAME SLUG" in r.stdout and re.search(r"^\s+team\s", r.stdout, re.M) and
            re.search(r"^\s+7\s+conflict", r.stdout, re.M) and re.search(r"^\s+8\s", r.stdout, re.M), r)
    for args in (["help", "tags", "create"], ["lead", "paused", "--help"], ["team", "-h"]):
        r = t.run(*args)
        t.check_exit(" ".join(args), r, EXIT_OK)
        t.check(" ".join(args) + ": usage and --json", "Usage:" in r.stdout and "--json" in r.stdout, r)
    r = t.run("tags")
    t.check_exit("tags without a command", r, EXIT_USAGE)
    r = t.run("tags", "bogus")
    t.check_exit("tags bogus", r, EXIT_USAGE)


# ---------------------------------------------------------------------------
# What goes on the wire (stand-in server)


def last_request(before, method=None, suffix=None):
    for entry in reversed(Recorder.requests[before:]):
        if (method is None or entry["method"] == method) and \
           (suffix is None or entry["path"].endswith(suffix)):
            return entry
    return {}


def test_wire(t, url):
    env = t.env(base_url=url)
    lead = "00000000-0000-4000-8000-000000000042"

    n = len(Recorder.requests)
    r = t.run("lead", "update", lead, "--clear", "title", "--company", "X", "--metadata", "a=1",
              "--metadata", "b:=2", "--metadata", "c:=null", env=env)
    body = last_request(n, "PATCH").get("body")
    t.check("wire: update sends null for --clear and typed metadata",
            r.returncode == 0 and body == {"company": "X", "title": None,
                                           "metadata": {"a": "1", "b": 2, "c": None}}, r)

    n = len(Recorder.requests)
    r = t.run("lead", "create", "--first-name", "Ana", "--workflow", WF_DEMO, "--metadata", "k=v", env=env)
    body = last_request(n, "POST").get("body")
    t.check("wire: create sends exactly the fields given",
            r.returncode == 0 and body == {"first_name": "Ana", "workflow_id": WF_DEMO, "metadata": {"k": "v"}}, r)

    n = len(Recorder.requests)
    leads = [{"first_name": "A", "extra": 1, "metadata": {"extra": 2, "m": 3}},
             {"first_name": "B", "source": "web", "workflow_id": None}]
    r = t.run("lead", "create", "--from-file", "-", "--source", "cli", "--workflow", WF_SALES,
              stdin=json.dumps(leads).encode(), env=env)
    body = last_request(n, "POST").get("body")
    t.check("wire: bulk sends an array; extras go into metadata; options fill what a lead lacks",
            r.returncode == 0 and body == [
                {"first_name": "A", "source": "cli", "workflow_id": WF_SALES,
                 "metadata": {"extra": 2, "m": 3}},
                {"first_name": "B", "source": "web", "workflow_id": None}], r)

    n = len(Recorder.requests)
    r = t.run("lead", "assign", lead, WF_SALES, "--reason", "why", "--actor", "user-1", env=env)
    body = last_request(n, "POST").get("body")
    t.check("wire: assign speaks camelCase", body == {"workflowId": WF_SALES, "reason": "why",
                                                      "actorId": "user-1"}, r)
    t.check("wire: an unknown movement type is shown as sent",
            r.returncode == 0 and card_line(r.stdout, "Movement") == "teleport", r)

    n = len(Recorder.requests)
    r = t.run("lead", "takeover", lead, env=env)
    t.check("wire: takeover without --workflow reads the lead first, then stops its workflow",
            r.returncode == 0 and last_request(n, "GET").get("path", "").endswith("/leads/" + lead) and
            last_request(n, "POST").get("body") == {"workflow_id": WF_DEMO}, r)

    n = len(Recorder.requests)
    r = t.run("lead", "resume", lead, "--workflow", WF_SALES, "--cadence", env=env)
    t.check("wire: resume --cadence",
            r.returncode == 0 and len(Recorder.requests) == n + 1 and
            last_request(n, "POST").get("body") == {"workflow_id": WF_SALES, "resume_cadence": True}, r)

    n = len(Recorder.requests)
    r = t.run("lead", "tags", lead, "--set", "VIP, Hot lead ,,", env=env)
    t.check("wire: tags --set sends the names",
            last_request(n, "PUT").get("body") == {"lead_id": lead, "tags": ["VIP", "Hot lead"]}, r)
    n = len(Recorder.requests)
    t.run("lead", "tags", lead, "--add", TAG_HOT, env=env)
    one = last_request(n, "POST").get("body")
    n = len(Recorder.requests)
    t.run("lead", "tags", lead, "--add", TAG_HOT + "," + TAG_ENTERPRISE, env=env)
    two = last_request(n, "POST").get("body")
    t.check("wire: tags --add sends tagId for one and tagIds for more",
            one == {"tagId": TAG_HOT} and two == {"tagIds": [TAG_HOT, TAG_ENTERPRISE]})

    n = len(Recorder.requests)
    r = t.run("lead", "history", lead, "--channel", "call,whatsapp", "--page-size", "5", env=env)
    t.check_exit("history against a server that ignores offset", r, EXIT_INVALID)
    t.check("history against a server that ignores offset: stops after the repeated page",
            len(Recorder.requests) == n + 2 and "same page" in r.stderr, r)
    # The list's own guard stops it (the CLI has none of its own): its
    # message names the offset asked for and the one answered.
    t.check("history against a server that ignores offset: the list's error",
            "asked for offset 5, it answered with the entries from offset 0" in r.stderr, r)
    query = last_request(n, "GET").get("query", {})
    t.check("wire: history query", query.get("channel") == ["call,whatsapp"] and
            query.get("limit") == ["5"] and query.get("offset") == ["5"],
            base.Result([], 0, json.dumps(query), ""))


def main():
    if len(sys.argv) != 3:
        print("usage: %s NEXOR NEXOR_EMULATOR" % sys.argv[0], file=sys.stderr)
        return 2

    nexor, emulator = sys.argv[1], sys.argv[2]
    proc = None
    recorder = None
    t = None
    try:
        proc, url = base.start_emulator(emulator)
        recorder, recorder_url = start_recorder()
        print("# emulator at %s" % url)
        t = base.Runner(nexor, url)
        for test in (test_create, test_bulk, test_bulk_batches, test_update, test_assign_and_status, test_automation,
                     test_history, test_meetings, test_tags, test_outcome_unknown, test_team,
                     test_desk_scenario, test_help,
                     lambda t: test_wire(t, recorder_url), base.test_no_secrets):
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
        if recorder is not None:
            recorder.shutdown()
            recorder.server_close()

    print("1..%d" % t.count)
    print("# %d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
