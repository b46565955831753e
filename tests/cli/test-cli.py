#!/usr/bin/python3
# test-cli.py: the nexor command-line client against nexor-emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli.py NEXOR NEXOR_EMULATOR
#
# Starts `nexor-emulator --port 0`, runs `nexor` against it (and against a
# closed port), then the main paths again against `nexor-emulator --tls`
# and the certificates the CLI must refuse, and prints TAP. Only the Python
# standard library is used (and tests/emulator/nexor-test-certificate).

import atexit
import http.server
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.request

SEED_ID = "123e4567-e89b-12d3-a456-426614174000"
MISSING_ID = "123e4567-e89b-12d3-a456-42661417ffff"
# A key only this test uses, so that finding it in any output is meaningful.
API_KEY = "nxr_live_clitest_6f1d2c9a8b7e4d3c"
WRONG_KEY = "nxr_live_clitest_wrong_0a1b2c3d4e"
SECRETS = (API_KEY, WRONG_KEY)

(EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_NETWORK, EXIT_INVALID,
 EXIT_CONFLICT, EXIT_NOT_PAUSED) = range(9)
EXIT_SETUP = 10

# The Get Lead page's example, which the emulator's seed reproduces.
PAGE_LEAD = {
    "id": SEED_ID,
    "first_name": "Carlos",
    "last_name": "Lopez",
    "email": "carlos@example.com",
    "phone": "+56912345678",
    "source": "api",
    "company": "Stark Industries",
    "title": None,
    "metadata": {"estado_lead": "calificado"},
    "tags": [],
    "created_at": "2026-02-10T12:00:00Z",
    "updated_at": "2026-02-10T12:00:00Z",
}
PAGE_RUN = {
    "is_active": True,
    "human_takeover": False,
    "cadence_state": "active",
    "run_status": "running",
}
PAGE_VARIABLES = {
    "edad": {"value": 35, "value_text": "35", "confidence": 0.95,
             "updated_at": "2026-02-10T13:00:00Z"},
    "broker_asociado": {"value": "Juan Perez", "value_text": "Juan Perez", "confidence": 0.9,
                        "updated_at": "2026-02-10T13:05:00Z"},
}


# A stand-in server for what the emulator does not serve: other response
# shapes, odd data and broken answers. Each lead id picks a canned answer.
FAKE_TAKEOVER = "00000000-0000-4000-8000-000000000001"
FAKE_LEGACY = "00000000-0000-4000-8000-000000000002"
FAKE_NOT_JSON = "00000000-0000-4000-8000-000000000003"
FAKE_500 = "00000000-0000-4000-8000-000000000004"
FAKE_403 = "00000000-0000-4000-8000-000000000005"
FAKE_400 = "00000000-0000-4000-8000-000000000006"
FAKE_ARRAY = "00000000-0000-4000-8000-000000000007"
FAKE_WRONG_TYPE = "00000000-0000-4000-8000-000000000008"
FAKE_409 = "00000000-0000-4000-8000-000000000009"

FAKE_ANSWERS = {
    FAKE_TAKEOVER: (200, {
        "success": True,
        "lead": {
            "id": FAKE_TAKEOVER, "first_name": "王", "last_name": "小明",
            "email": None, "phone": "", "source": "website",
            "company": "Evil\u001b[31mCorp\nInc\u202e", "title": "Jefa de Compras",
            "metadata": {"nested": {"a": [1, 2]}, "flag": True, "nothing": None},
            "tags": [{"id": "t1", "name": "vip", "slug": "vip"},
                     {"id": "t2", "name": "hot-lead", "slug": "hot-lead"}],
            "campaign": None,
            "active_workflow_run": {
                "id": "r1", "workflow_id": "w1", "is_active": True, "human_takeover": True,
                "cadence_state": "paused", "run_status": "running",
                "workflow": {"id": "w1", "name": "Citas", "goal_type": "appointment"},
                "current_status": {"id": "s1", "key": "negotiating", "label": "Negociando",
                                   "category": "active"},
            },
            "assigned_user": {"id": "u1", "name": "Ana", "email": "ana@co.com"},
            "created_at": "2026-02-10T09:00:00-03:00",
            "unknown_member": {"kept": True},
        },
        "variables": {
            "年齢": {"value": 41, "value_text": "41", "confidence": 0.5},
            "edad": {"value": 35, "value_text": "35", "confidence": 0.95},
            "sin_confianza": {"value": {"x": 1}},
        },
    }),
    FAKE_LEGACY: (200, {
        "id": FAKE_LEGACY, "first_name": "Carlos", "last_name": "Lopez",
        "email": "carlos@example.com", "source": "api", "company": "Acme Corp", "title": None,
        "metadata": {"edad": 35},
        "campaign": {"id": "c1", "name": "Q1 Campaign"},
        "activeWorkflowRun": {"id": "r1", "workflow_id": "w1", "is_active": True,
                              "run_status": "running"},
        "workflow": {"id": "w1", "name": "Sales Pipeline", "goal_type": "appointment"},
        "currentStatus": {"id": "s1", "key": "contacted", "label": "Contacted",
                          "category": "active"},
        "assigned_user": {"id": "u1", "name": "Ana", "email": "ana@co.com"},
        "created_at": "2026-02-10T12:00:00Z",
    }),
    FAKE_NOT_JSON: (200, "<html>not json</html>"),
    FAKE_500: (500, {"error": "Internal server error"}),
    FAKE_403: (403, {"error": "Forbidden", "message": "This key may not read leads"}),
    FAKE_400: (400, {"error": "Bad request", "message": "Invalid lead id"}),
    FAKE_ARRAY: (200, []),
    FAKE_WRONG_TYPE: (200, {"success": True, "lead": {"id": 123, "first_name": ["x"]}}),
    FAKE_409: (409, {"error": "Conflict", "message": "Conflict"}),
}


class FakeHandler(http.server.BaseHTTPRequestHandler):
    requests = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        FakeHandler.requests.append(self.path)
        if self.headers.get("X-API-Key") != API_KEY:
            self.answer(401, {"error": "Invalid API key",
                              "message": "The provided API key is not valid"})
            return
        lead_id = self.path.rsplit("/", 1)[-1]
        status, body = FAKE_ANSWERS.get(lead_id, (404, {
            "error": "Not found",
            "message": "Lead not found or does not belong to your account"}))
        self.answer(status, body)

    def answer(self, status, body):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class HtmlNotFoundHandler(http.server.BaseHTTPRequestHandler):
    """A plain web server: a 404 page for every path."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        data = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def start_fake_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/api/public" % server.server_address[1]


def display_width(text):
    width = 0
    for c in text:
        if unicodedata.combining(c):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


class Result:
    def __init__(self, args, returncode, stdout, stderr):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __str__(self):
        return "rc=%s\n--- stdout\n%s\n--- stderr\n%s" % (self.returncode, self.stdout, self.stderr)


# The recent-ids cache of completion goes here, never to the user's own.
CACHE_HOME = tempfile.mkdtemp(prefix="nexor-cli-test-cache-")
atexit.register(shutil.rmtree, CACHE_HOME, True)


class Runner:
    def __init__(self, nexor, base_url):
        self.nexor = os.path.abspath(nexor)
        self.base_url = base_url
        self.passed = 0
        self.failed = 0
        self.count = 0
        self.outputs = []  # every stdout/stderr, checked for secrets at the end
        self.ca_file = None  # NEXOR_CA_FILE for every run, for an https emulator
        self.prefix = ""

    def env(self, key=API_KEY, base_url=None, extra=None):
        env = dict(os.environ)
        for name in ("NEXOR_API_KEY", "NEXOR_BASE_URL", "NEXOR_DEBUG", "NO_COLOR", "NEXOR_CA_FILE"):
            env.pop(name, None)
        if self.ca_file is not None:
            env["NEXOR_CA_FILE"] = self.ca_file
        env["LC_ALL"] = "C.UTF-8"
        env["XDG_CACHE_HOME"] = CACHE_HOME
        env.pop("NEXOR_TIMEOUT", None)
        env.setdefault("G_DEBUG", "gc-friendly,fatal-warnings")
        if key is not None:
            env["NEXOR_API_KEY"] = key
        env["NEXOR_BASE_URL"] = base_url if base_url is not None else self.base_url
        if extra:
            env.update(extra)
        return env

    def run(self, *args, env=None, stdin=None, timeout=20, cwd=None):
        argv = [self.nexor] + list(args)
        proc = subprocess.run(argv, env=env if env is not None else self.env(),
                              input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, cwd=cwd)
        result = Result(argv, proc.returncode,
                        proc.stdout.decode("utf-8", "replace"),
                        proc.stderr.decode("utf-8", "replace"))
        self.outputs.append((argv, result))
        return result

    def check(self, description, condition, result=None):
        description = self.prefix + description
        self.count += 1
        if condition:
            self.passed += 1
            print("ok %d - %s" % (self.count, description))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.count, description))
            if result is not None:
                for line in str(result).splitlines():
                    print("# " + line)
        sys.stdout.flush()

    def check_exit(self, description, result, status):
        # A negative status is a signal: a crash is never acceptable.
        self.check("%s (exit %d)" % (description, status),
                   result.returncode == status, result)


def start_emulator(emulator, *extra):
    proc = subprocess.Popen([emulator, "--port", "0", "--api-key", API_KEY, "--faults", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    line = b""
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or proc.poll() is not None:
            raise RuntimeError("nexor-emulator did not print its URL")
        ready, _, _ = select.select([proc.stdout], [], [], remaining)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 1)
            if not chunk:
                raise RuntimeError("nexor-emulator closed its output")
            line += chunk
    url = line.decode().strip()
    if not re.match(r"^https?://127\.0\.0\.1:\d+/api/public$", url):
        raise RuntimeError("unexpected first line from nexor-emulator: %r" % url)

    # Keep draining its output so it never blocks on a full pipe.
    for stream in (proc.stdout, proc.stderr):
        threading.Thread(target=lambda s=stream: s.read(), daemon=True).start()
    return proc, url


def stop_emulator(proc):
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def closed_port_url():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return "http://127.0.0.1:%d/api/public" % port


def card_line(stdout, label):
    for line in stdout.splitlines():
        m = re.match(r"^  %s\s{2,}(.*)$" % re.escape(label), line)
        if m:
            return m.group(1)
    return None


def test_card(t):
    r = t.run("lead", "get", SEED_ID)
    t.check_exit("lead get prints the card", r, EXIT_OK)
    lines = r.stdout.splitlines()
    t.check("card starts with the name", bool(lines) and lines[0] == "Carlos Lopez", r)
    for label, value in (("Company", "Stark Industries"),
                         ("Title", "\u2014"),
                         ("Email", "carlos@example.com"),
                         ("Phone", "+56912345678"),
                         ("Source", "api"),
                         ("Campaign", "Q1 Campaign"),
                         ("Workflow", "Sales Pipeline (goal: appointment)"),
                         ("Status", "Contacted [contacted \u00b7 active]"),
                         ("Run", "running \u00b7 cadence active \u00b7 AI in control"),
                         ("Tags", "\u2014"),
                         ("Created", "2026-02-10 12:00 UTC"),
                         ("ID", SEED_ID)):
        t.check("card shows %s: %s" % (label, value), card_line(r.stdout, label) == value, r)
    t.check("card shows variable edad 35 95%",
            re.search(r"^  edad\s+35\s+95%$", r.stdout, re.M) is not None, r)
    t.check("card shows variable broker_asociado Juan Perez 90%",
            re.search(r"^  broker_asociado\s+Juan Perez\s+90%$", r.stdout, re.M) is not None, r)
    t.check("card shows metadata estado_lead",
            re.search(r"^  estado_lead\s+calificado$", r.stdout, re.M) is not None, r)
    t.check("card columns are aligned",
            r.stdout.find("  Company      Stark") >= 0 or r.stdout.find("  Company   Stark") >= 0, r)
    t.check("card has no colors when stdout is not a terminal", "\033[" not in r.stdout, r)
    t.check("nothing on stderr on success", r.stderr == "", r)

    r = t.run("lead", "get", SEED_ID, env=t.env(extra={"LC_ALL": "C", "LANG": "C"}))
    t.check_exit("lead get in the C locale", r, EXIT_OK)
    t.check("C locale card is ASCII with the name",
            r.stdout.startswith("Carlos Lopez") and r.stdout.isascii(), r)


def test_json(t):
    r = t.run("lead", "get", SEED_ID, "--json")
    t.check_exit("lead get --json", r, EXIT_OK)
    try:
        data = json.loads(r.stdout)
    except ValueError:
        data = None
    t.check("--json prints valid JSON", isinstance(data, dict), r)
    t.check("--json writes numbers as the server does",
            '"confidence": 0.95,' in r.stdout and "0.9499" not in r.stdout, r)
    if not isinstance(data, dict):
        return
    lead = data.get("lead", {})
    for key, value in PAGE_LEAD.items():
        t.check("JSON lead.%s is as on the page" % key, lead.get(key) == value, r)
    t.check("JSON campaign name", (lead.get("campaign") or {}).get("name") == "Q1 Campaign", r)
    run = lead.get("active_workflow_run") or lead.get("activeWorkflowRun") or {}
    for key, value in PAGE_RUN.items():
        t.check("JSON run.%s is as on the page" % key, run.get(key) == value, r)
    t.check("JSON workflow",
            (run.get("workflow") or {}).get("name") == "Sales Pipeline" and
            (run.get("workflow") or {}).get("goal_type") == "appointment", r)
    status = run.get("current_status") or run.get("currentStatus") or {}
    t.check("JSON current status",
            (status.get("key"), status.get("label"), status.get("category")) ==
            ("contacted", "Contacted", "active"), r)
    variables = data.get("variables", {})
    for name, expected in PAGE_VARIABLES.items():
        got = variables.get(name, {})
        t.check("JSON variable %s is as on the page" % name,
                all(got.get(k) == v for k, v in expected.items()), r)
    t.check("nothing on stderr with --json", r.stderr == "", r)

    r = t.run("--json", "lead", "get", SEED_ID)
    t.check_exit("--json before the command is not a global option", r, EXIT_USAGE)


def test_keys(t):
    r = t.run("lead", "get", SEED_ID, env=t.env(key=API_KEY))
    t.check_exit("key from NEXOR_API_KEY", r, EXIT_OK)

    r = t.run("--api-key", API_KEY, "lead", "get", SEED_ID, env=t.env(key=WRONG_KEY))
    t.check_exit("--api-key before the command wins over NEXOR_API_KEY", r, EXIT_OK)

    r = t.run("lead", "get", SEED_ID, "--api-key", API_KEY, env=t.env(key=None))
    t.check_exit("--api-key after the command", r, EXIT_OK)

    r = t.run("lead", "get", SEED_ID, "--api-key=" + WRONG_KEY, env=t.env(key=API_KEY))
    t.check_exit("a wrong --api-key wins over a right NEXOR_API_KEY", r, EXIT_AUTH)

    with tempfile.NamedTemporaryFile("w", suffix=".key") as f:
        f.write(API_KEY + "\n")
        f.flush()
        r = t.run("lead", "get", SEED_ID, "--api-key-file", f.name, env=t.env(key=None))
        t.check_exit("--api-key-file FILE", r, EXIT_OK)
        r = t.run("lead", "get", SEED_ID, "--api-key-file", f.name, "--api-key", API_KEY)
        t.check_exit("--api-key-file with --api-key", r, EXIT_USAGE)

    r = t.run("lead", "get", SEED_ID, "--api-key-file", "-", env=t.env(key=None),
              stdin=(API_KEY + "\n").encode())
    t.check_exit("--api-key-file - reads standard input", r, EXIT_OK)

    r = t.run("lead", "get", SEED_ID, "--api-key-file", "/nonexistent/nexor.key",
              env=t.env(key=None))
    t.check_exit("--api-key-file with a missing file", r, EXIT_AUTH)

    r = t.run("lead", "get", SEED_ID, env=t.env(key=None))
    t.check_exit("no API key", r, EXIT_AUTH)
    t.check("no API key: the message says how to give one",
            r.stderr.startswith("nexor: ") and "NEXOR_API_KEY" in r.stderr and
            "--api-key" in r.stderr and r.stdout == "", r)

    r = t.run("lead", "get", SEED_ID, env=t.env(key=""))
    t.check_exit("an empty NEXOR_API_KEY is no key", r, EXIT_AUTH)

    r = t.run("lead", "get", SEED_ID, env=t.env(key=WRONG_KEY))
    t.check_exit("wrong API key", r, EXIT_AUTH)
    t.check("wrong API key: one error line and a hint",
            r.stderr.startswith("nexor: ") and "hint:" in r.stderr and r.stdout == "", r)

    r = t.run("lead", "get", SEED_ID, "--api-key", "bad key\nwith lines")
    t.check_exit("an API key with spaces and newlines", r, EXIT_AUTH)


def test_errors(t):
    r = t.run("lead", "get", MISSING_ID)
    t.check_exit("unknown lead", r, EXIT_NOT_FOUND)
    t.check("unknown lead: the server's message", r.stderr.startswith("nexor: ") and
            "404" in r.stderr and r.stdout == "", r)

    # A bad id is a usage error found before any request: against a closed
    # port it still exits 2, not 5.
    down = closed_port_url()
    for bad in ("..", "a/b", "", "%2e%2e", "123e4567-e89b-12d3-a456-42661417400g",
                " " + SEED_ID, SEED_ID + "/../x", "x" * 100000):
        shown = bad if len(bad) < 50 else bad[:10] + "…(%d chars)" % len(bad)
        r = t.run("lead", "get", bad)
        t.check_exit("bad id %r" % shown, r, EXIT_USAGE)
        r = t.run("lead", "get", bad, env=t.env(base_url=down))
        t.check_exit("bad id %r sends no request" % shown, r, EXIT_USAGE)
    t.check("a very long id is shortened in the message", len(r.stderr) < 400, r)

    for raw in (b"\xff\xfe..", b"123e4567-e89b-12d3-a456-42661417\xc3\x28", b"\x1b[31mred"):
        r = t.run("lead", "get", raw)
        t.check_exit("bad id bytes %r" % raw, r, EXIT_USAGE)
        t.check("bad id bytes %r: no escape sequence echoed" % raw, "\x1b" not in r.stderr, r)

    r = t.run("lead", "get", SEED_ID, env=t.env(base_url=down))
    t.check_exit("server down", r, EXIT_NETWORK)
    t.check("server down: a hint names the URL",
            "hint: is the server running at %s?" % down in r.stderr and r.stdout == "", r)

    r = t.run("lead", "get", SEED_ID, "--base-url", "http://example.com/api/public")
    t.check_exit("plain http:// to a remote host is refused", r, EXIT_USAGE)
    r = t.run("lead", "get", SEED_ID, "--base-url", "http://%1b[2J" + "h" * 5000 + ".example/api/public")
    t.check_exit("plain http:// to a long, escaped remote host is refused", r, EXIT_USAGE)
    t.check("the refused host is shortened, its escape not echoed",
            len(r.stderr) < 400 and "\x1b" not in r.stderr, r)
    r = t.run("lead", "get", SEED_ID, env=t.env(base_url="http://127.0.0.1:9/" + "p" * 5000))
    t.check("a hint shortens a long base URL", "hint: " in r.stderr and len(r.stderr) < 600, r)
    for url in ("not a url", "ftp://127.0.0.1/", "http://", "\xe9"):
        r = t.run("lead", "get", SEED_ID, "--base-url", url)
        t.check_exit("bad base URL %r" % url, r, EXIT_USAGE)
    r = t.run("lead", "get", SEED_ID, "--base-url", t.base_url + "/", env=t.env(base_url=down))
    t.check_exit("--base-url wins over NEXOR_BASE_URL, a trailing slash is fine", r, EXIT_OK)

    # A wrong base URL is a setup error, not a missing lead: the emulator's
    # answer for an unknown route, a plain web server's 404 page.
    root = t.base_url[:-len("/api/public")]
    for url in (root + "/", root + "/api", t.base_url + "/v1"):
        r = t.run("lead", "get", SEED_ID, "--base-url", url)
        t.check_exit("wrong base URL %s" % url, r, EXIT_SETUP)
        t.check("wrong base URL %s: a hint shows it and the right ending" % url,
                r.stdout == "" and "hint: the base URL used was %s;" % url in r.stderr and
                "/api/public" in r.stderr.split("hint:")[1] and API_KEY not in r.stderr, r)
    r = t.run("tags", "list", "--base-url", root + "/")
    t.check_exit("wrong base URL for a command that names no resource", r, EXIT_SETUP)
    html = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HtmlNotFoundHandler)
    html.daemon_threads = True
    threading.Thread(target=html.serve_forever, daemon=True).start()
    try:
        url = "http://127.0.0.1:%d/api/public" % html.server_address[1]
        r = t.run("lead", "get", SEED_ID, "--base-url", url)
        t.check_exit("a plain web server's 404 page", r, EXIT_SETUP)
        t.check("a plain web server's 404 page: the hint shows the base URL",
                "hint: the base URL used was %s;" % url in r.stderr, r)
    finally:
        html.shutdown()
        html.server_close()
    r = t.run("lead", "get", MISSING_ID)
    t.check_exit("a missing lead at the right base URL is still not found", r, EXIT_NOT_FOUND)


def make_certificate(directory, *args):
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    subprocess.run([os.environ["NEXOR_TEST_CERTIFICATE"], cert, key, *args],
                   check=True, capture_output=True, timeout=20)
    return cert, key


# A write and a read of the history, the paths beyond lead get that the
# https pass runs (the http ones are in test-cli-desk.py).
def test_write_and_history(t):
    email = "tls-%d-%d@example.com" % (os.getpid(), t.count)
    r = t.run("lead", "create", "--first-name", "Tls", "--email", email, "--json")
    t.check_exit("lead create", r, EXIT_OK)
    try:
        lead_id = json.loads(r.stdout)["lead"]["id"]
    except (ValueError, KeyError, TypeError):
        lead_id = None
    t.check("lead create: the new lead's id", lead_id is not None, r)
    r = t.run("lead", "get", lead_id or SEED_ID, "--json")
    t.check_exit("lead get of the new lead", r, EXIT_OK)
    t.check("lead get: the stored email", email in r.stdout, r)
    r = t.run("lead", "history", SEED_ID, "--json")
    t.check_exit("lead history", r, EXIT_OK)


# Certificates the CLI must refuse, each explained in words with a hint,
# exit 5; and CA files it cannot use, exit 2. @t runs against an https
# emulator whose certificate is in t.ca_file.
def test_tls(t, emulator):
    ca_file, t.ca_file = t.ca_file, None
    try:
        r = t.run("lead", "get", SEED_ID)
        t.check_exit("emulator certificate, system trust store", r, EXIT_NETWORK)
        t.check("unknown CA: says why and that nothing was sent",
                "not signed by a certificate authority" in r.stderr and
                "nothing was sent" in r.stderr and r.stdout == "", r)
        t.check("unknown CA: hint names --ca-file and NEXOR_CA_FILE",
                "hint: for a local nexor-emulator --tls, trust its certificate: --ca-file FILE or "
                "NEXOR_CA_FILE=FILE" in r.stderr, r)

        r = t.run("lead", "get", SEED_ID, "--ca-file", ca_file)
        t.check_exit("--ca-file trusts the emulator", r, EXIT_OK)
        t.check("--ca-file: the card", r.stdout.startswith("Carlos Lopez"), r)

        with tempfile.TemporaryDirectory() as tmp:
            empty = os.path.join(tmp, "empty.pem")
            open(empty, "w").close()
            missing = os.path.join(tmp, "missing.pem")
            r = t.run("lead", "get", SEED_ID, "--ca-file", ca_file,
                      env=t.env(extra={"NEXOR_CA_FILE": missing}))
            t.check_exit("--ca-file wins over NEXOR_CA_FILE", r, EXIT_OK)
            for what, args, extra, source in (
                    ("a missing --ca-file", ("--ca-file", missing), None, "--ca-file"),
                    ("an empty NEXOR_CA_FILE", (), {"NEXOR_CA_FILE": empty}, "NEXOR_CA_FILE"),
                    ("a directory as --ca-file", ("--ca-file", tmp), None, "--ca-file")):
                r = t.run("lead", "get", SEED_ID, *args, env=t.env(extra=extra))
                t.check_exit(what, r, EXIT_USAGE)
                t.check("%s: says which file and where it came from" % what,
                        r.stderr.startswith("nexor: cannot use the CA file") and
                        "(from %s)" % source in r.stderr, r)

            other, _ = make_certificate(tmp)
            r = t.run("lead", "get", SEED_ID, "--ca-file", other)
            t.check_exit("another emulator's certificate", r, EXIT_NETWORK)
            t.check("another emulator's certificate: hint says which file to trust",
                    "not signed by a certificate authority" in r.stderr and
                    "hint: for nexor-emulator, trust the FILE it names on this start" in r.stderr, r)

            # glib-networking takes only absolute paths; the CLI resolves one.
            shutil.copy(ca_file, os.path.join(tmp, "relative.pem"))
            r = t.run("lead", "get", SEED_ID, "--ca-file", "relative.pem", cwd=tmp)
            t.check_exit("a relative --ca-file", r, EXIT_OK)
            t.check("a relative --ca-file: no warning", r.stderr == "", r)
            r = t.run("lead", "get", SEED_ID, cwd=tmp,
                      env=t.env(extra={"NEXOR_CA_FILE": "relative.pem"}))
            t.check_exit("a relative NEXOR_CA_FILE", r, EXIT_OK)

        for what, args, reason in (
                ("expired", ("--from-days", "-3", "--to-days", "-1"), "it has expired"),
                ("not yet valid", ("--from-days", "2", "--to-days", "3"), "it is not valid yet"),
                ("wrong host", ("--host", "api.example.com"), "it was not issued for this host name")):
            with tempfile.TemporaryDirectory() as tmp:
                cert, key = make_certificate(tmp, *args)
                proc = None
                try:
                    proc, url = start_emulator(emulator, "--tls-cert", cert, "--tls-key", key)
                    r = t.run("lead", "get", SEED_ID, "--ca-file", cert, env=t.env(base_url=url))
                finally:
                    stop_emulator(proc)
                t.check_exit("%s certificate" % what, r, EXIT_NETWORK)
                t.check("%s certificate: explained" % what, reason in r.stderr and
                        "nothing was sent" in r.stderr and "hint: " in r.stderr and
                        r.stdout == "", r)
    finally:
        t.ca_file = ca_file


def test_usage(t):
    cases = [
        ("bad flag", ["lead", "get", SEED_ID, "--bogus"]),
        ("bad global flag", ["--bogus", "lead", "get", SEED_ID]),
        ("unknown command", ["bogus"]),
        ("unknown lead command", ["lead", "bogus"]),
        ("no command", []),
        ("no lead command", ["lead"]),
        ("missing id", ["lead", "get"]),
        ("too many ids", ["lead", "get", SEED_ID, SEED_ID]),
        ("missing option value", ["lead", "get", SEED_ID, "--api-key"]),
        ("help for an unknown command", ["help", "bogus"]),
    ]
    for description, args in cases:
        r = t.run(*args)
        t.check_exit(description, r, EXIT_USAGE)
        t.check(description + ": message on stderr only",
                "nexor: " in r.stderr and r.stdout == "", r)

    r = t.run("lead", "get", "--api-kye=" + API_KEY + "x", SEED_ID)
    t.check_exit("misspelt option with a value", r, EXIT_USAGE)

    r = t.run("--version")
    t.check_exit("--version", r, EXIT_OK)
    t.check("--version names both versions",
            re.match(r"^nexor \d+\.\d+\.\d+ \(nexor-glib \d+\.\d+\.\d+\)$", r.stdout.strip())
            is not None, r)

    for args in (["--help"], ["-h"], ["help"]):
        r = t.run(*args)
        t.check_exit(" ".join(args), r, EXIT_OK)
        t.check(" ".join(args) + " lists commands and exit statuses",
                "lead get ID" in r.stdout and "Exit status" in r.stdout and
                "NEXOR_API_KEY" in r.stdout, r)

    for args in (["help", "lead", "get"], ["lead", "get", "--help"], ["lead", "get", "-h"]):
        r = t.run(*args)
        t.check_exit(" ".join(args), r, EXIT_OK)
        t.check(" ".join(args) + " shows the command's usage",
                "nexor lead get" in r.stdout and "--json" in r.stdout, r)

    r = t.run("help", "lead")
    t.check_exit("help lead", r, EXIT_OK)
    t.check("help lead lists get", re.search(r"^\s+get ID\s", r.stdout, re.M) is not None, r)


def test_debug_output(t):
    debug = {"NEXOR_DEBUG": "3", "G_MESSAGES_DEBUG": "all"}
    r = t.run("lead", "get", SEED_ID, env=t.env(extra=debug))
    t.check_exit("card with debug logging", r, EXIT_OK)
    t.check("debug logging goes to stderr, not stdout", r.stdout.startswith("Carlos Lopez"), r)
    r = t.run("lead", "get", SEED_ID, "--json", env=t.env(extra=debug))
    t.check_exit("JSON with debug logging", r, EXIT_OK)
    r = t.run("lead", "get", SEED_ID, "--api-key", API_KEY, env=t.env(key=None, extra=debug))
    t.check_exit("--api-key with debug logging", r, EXIT_OK)
    r = t.run("lead", "get", MISSING_ID, env=t.env(extra=debug))
    t.check_exit("unknown lead with debug logging", r, EXIT_NOT_FOUND)
    r = t.run("lead", "get", SEED_ID, env=t.env(key=WRONG_KEY, extra=debug))
    t.check_exit("wrong key with debug logging", r, EXIT_AUTH)
    r = t.run("lead", "get", SEED_ID, env=t.env(base_url=closed_port_url(), extra=debug))
    t.check_exit("server down with debug logging", r, EXIT_NETWORK)


def test_fake_server(t, fake_url):
    env = t.env(base_url=fake_url)
    r = t.run("lead", "get", FAKE_TAKEOVER, env=env)
    t.check_exit("odd lead from the stand-in server", r, EXIT_OK)
    t.check("odd lead: wide-character name", r.stdout.startswith("王 小明\n"), r)
    t.check("odd lead: HUMAN TAKEOVER",
            card_line(r.stdout, "Run") == "running \u00b7 cadence paused \u00b7 HUMAN TAKEOVER", r)
    t.check("odd lead: assigned user", card_line(r.stdout, "Assigned to") == "Ana <ana@co.com>", r)
    t.check("odd lead: tags", card_line(r.stdout, "Tags") == "vip, hot-lead", r)
    t.check("odd lead: missing and empty values show as a dash",
            card_line(r.stdout, "Email") == "\u2014" and card_line(r.stdout, "Phone") == "\u2014" and
            card_line(r.stdout, "Campaign") == "\u2014", r)
    t.check("odd lead: dates in UTC", card_line(r.stdout, "Created") == "2026-02-10 12:00 UTC", r)
    company = card_line(r.stdout, "Company") or ""
    t.check("odd lead: control characters never reach the terminal",
            "\x1b" not in r.stdout and "\u202e" not in r.stdout and
            company.startswith("Evil") and company.endswith("Inc\ufffd"), r)
    t.check("odd lead: unknown confidence shows as a dash, object value as JSON",
            re.search(r'^  sin_confianza\s+\{"x":1\}\s+\u2014$', r.stdout, re.M) is not None, r)
    var_lines = [l for l in r.stdout.splitlines()
                 if l.startswith("  年齢") or l.startswith("  edad ")]
    columns = set()
    for line in var_lines:
        m = re.match(r"^(  \S+\s+)\S", line)
        columns.add(display_width(m.group(1)) if m else -1)
    t.check("odd lead: columns aligned by display width", len(var_lines) == 2 and len(columns) == 1, r)
    t.check("odd lead: nested metadata as compact JSON",
            re.search(r'^  nested\s+\{"a":\[1,2\]\}$', r.stdout, re.M) is not None, r)

    r = t.run("lead", "get", FAKE_TAKEOVER, "--json", env=env)
    t.check_exit("odd lead --json", r, EXIT_OK)
    try:
        data = json.loads(r.stdout)
    except ValueError:
        data = {}
    t.check("odd lead --json keeps unknown members and escapes",
            data.get("lead", {}).get("unknown_member") == {"kept": True} and
            data.get("lead", {}).get("company") == "Evil\u001b[31mCorp\nInc\u202e" and
            list(data.get("variables", {})) == ["年齢", "edad", "sin_confianza"], r)

    r = t.run("lead", "get", FAKE_LEGACY, env=env)
    t.check_exit("legacy response shape", r, EXIT_OK)
    t.check("legacy shape: workflow, status and assigned user",
            card_line(r.stdout, "Workflow") == "Sales Pipeline (goal: appointment)" and
            card_line(r.stdout, "Status") == "Contacted [contacted \u00b7 active]" and
            card_line(r.stdout, "Assigned to") == "Ana <ana@co.com>", r)
    r = t.run("lead", "get", FAKE_LEGACY, "--json", env=env)
    try:
        data = json.loads(r.stdout)
    except ValueError:
        data = {}
    t.check("legacy shape --json has the same top-level shape",
            sorted(data) == ["lead", "variables"] and
            data["lead"].get("company") == "Acme Corp" and data["variables"] == {}, r)

    for lead_id, status, description in (
            (FAKE_NOT_JSON, EXIT_INVALID, "a body that is not JSON"),
            (FAKE_ARRAY, EXIT_INVALID, "a JSON array instead of a lead"),
            (FAKE_WRONG_TYPE, EXIT_INVALID, "members of the wrong type"),
            (FAKE_500, EXIT_NETWORK, "HTTP 500"),
            (FAKE_403, EXIT_AUTH, "HTTP 403"),
            (FAKE_400, EXIT_USAGE, "HTTP 400"),
            (FAKE_409, EXIT_CONFLICT, "HTTP 409")):
        r = t.run("lead", "get", lead_id, env=env)
        t.check_exit(description, r, status)
        t.check(description + ": one message on stderr, nothing on stdout",
                r.stderr.startswith("nexor: ") and r.stdout == "", r)

    before = len(FakeHandler.requests)
    for bad in ("..", "a/b", "", "../leads/" + SEED_ID):
        r = t.run("lead", "get", bad, env=env)
        t.check_exit("bad id %r against the stand-in" % bad, r, EXIT_USAGE)
    t.check("no request was sent for bad ids", len(FakeHandler.requests) == before,
            Result([], 0, repr(FakeHandler.requests[before:]), ""))


def push_faults(base_url, *specs):
    root = base_url[:-len("/api/public")]
    body = json.dumps({"faults": list(specs)}).encode()
    request = urllib.request.Request(root + "/_emulator/faults", data=body, method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=10) as response:
        response.read()


# Every fault the emulator can inject, with every debug level on: the CLI
# ends with a result or one clean error, and (test_no_secrets) no key shows.
def test_fault_paths(t):
    debug = {"NEXOR_DEBUG": "3", "G_MESSAGES_DEBUG": "all"}
    recovered = ("status=503;retry-after=0", "status=429;retry-after=0", "reset",
                 "trickle=1;chunk=200", "content-type=text/html")
    refused = ("status=500;retry-after=0", "status=429;retry-after=3600",
               "status=429;retry-after-date=7200", "truncated", "html",
               "html;content-type=application/json", "huge", "status=401")
    # The key from the environment for every fault, from --api-key for a few:
    # each run is a process, slow under valgrind.
    with_option = ("reset", "status=500;retry-after=0", "status=429;retry-after=3600")
    for spec in recovered + refused:
        for how in ("env", "option") if spec in with_option else ("env",):
            if spec in recovered:
                push_faults(t.base_url, spec)
            else:
                # Enough for the first attempt and every retry.
                push_faults(t.base_url, spec, spec, spec)
            if how == "env":
                r = t.run("lead", "get", SEED_ID, env=t.env(extra=debug))
            else:
                r = t.run("lead", "get", SEED_ID, "--api-key", API_KEY,
                          env=t.env(key=None, extra=debug))
            if spec in recovered:
                t.check_exit("fault %s (key from %s): retried to a result" % (spec, how), r, EXIT_OK)
            else:
                errors = [line for line in r.stderr.splitlines() if line.startswith("nexor: ")]
                t.check("fault %s (key from %s): one clean error" % (spec, how),
                        r.returncode > 0 and r.stdout == "" and len(errors) == 1, r)
            # What the retries did not use must not leak into the next case.
            root = t.base_url[:-len("/api/public")]
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            opener.open(urllib.request.Request(root + "/_emulator/faults", method="DELETE"),
                        timeout=10).read()


# Answers nested as deeply as the library accepts, and one level deeper (the
# emulator's body= fault): the first printed as JSON, the second one clean
# error. The stack this takes is measured and bounded by the json-depth test.
def test_deep_answers(t):
    import base64
    limit = 256  # NEXOR_JSON_MAX_DEPTH, docs/reliability.md
    for depth in (limit, limit + 1):
        inner = "[" * (depth - 3) + "]" * (depth - 3)
        body = ('{"success": true, "lead": {"id": "%s", "first_name": "Deep", '
                '"metadata": {"deep": %s}}}' % (SEED_ID, inner))
        push_faults(t.base_url, "body=" + base64.b64encode(body.encode()).decode())
        r = t.run("lead", "get", SEED_ID, "--json")
        if depth == limit:
            ok = r.returncode == EXIT_OK
            if ok:
                printed = json.loads(r.stdout)["lead"]["metadata"]["deep"]
                for _ in range(depth - 4):
                    ok = ok and isinstance(printed, list) and len(printed) == 1
                    printed = printed[0] if ok else None
                ok = ok and printed == []
            t.check("lead get --json: an answer %d levels deep is printed whole" % depth, ok, r)
        else:
            errors = [line for line in r.stderr.splitlines() if line.startswith("nexor: ")]
            t.check("lead get --json: %d levels deep is one clean error naming the limit" % depth,
                    r.returncode > 0 and r.stdout == "" and len(errors) == 1
                    and "more than %d levels deep" % limit in r.stderr, r)


# Issue 12, item 9: the CLI explains itself.

VERSION_RE = r"^nexor \d+\.\d+\.\d+ \(nexor-glib \d+\.\d+\.\d+\)$"


# --version answers at every level, before or after the other arguments, with
# no key and no server needed.
def test_version_everywhere(t):
    for args in (["--version"], ["lead", "--version"], ["lead", "get", "--version"],
                 ["lead", "get", SEED_ID, "--version"], ["tags", "list", "--version"],
                 ["team", "--version"], ["help", "--version"]):
        r = t.run(*args, env=t.env(key=None, base_url=closed_port_url()))
        t.check_exit("nexor %s" % " ".join(args), r, EXIT_OK)
        t.check("nexor %s prints the versions" % " ".join(args),
                re.match(VERSION_RE, r.stdout.strip()) is not None and r.stderr == "", r)


def clear_faults(base_url):
    root = base_url[:-len("/api/public")]
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    opener.open(urllib.request.Request(root + "/_emulator/faults", method="DELETE"),
                timeout=10).read()


# --timeout and NEXOR_TIMEOUT: the whole-call deadline. A bad value is a usage
# error naming it, before any key or server is needed; a server that holds its
# answer ends the call with the network exit status and a message naming the
# deadline. The subprocess timeout is only a guard against a hang.
def test_timeout(t):
    no_server = t.env(key=None, base_url=closed_port_url())
    for value in ("0", "-1", "abc", "1.5", "", "99999999999999999999", "86401", "5s"):
        r = t.run("lead", "get", SEED_ID, "--timeout", value, env=no_server)
        t.check_exit("--timeout %r is a usage error" % value, r, EXIT_USAGE)
        t.check("--timeout %r: the message names the value" % value,
                "invalid timeout \u201c%s\u201d (from --timeout)" % value in r.stderr
                and r.stdout == "", r)
    for value in ("0", "never"):
        r = t.run("team", env=t.env(extra={"NEXOR_TIMEOUT": value}))
        t.check_exit("NEXOR_TIMEOUT=%s is a usage error" % value, r, EXIT_USAGE)
        t.check("NEXOR_TIMEOUT=%s: the message names the value and the variable" % value,
                "invalid timeout \u201c%s\u201d (from NEXOR_TIMEOUT)" % value in r.stderr, r)
    r = t.run("lead", "get", SEED_ID, env=t.env(extra={"NEXOR_TIMEOUT": ""}))
    t.check_exit("an empty NEXOR_TIMEOUT counts as unset", r, EXIT_OK)
    r = t.run("lead", "get", SEED_ID, "--timeout", "30")
    t.check_exit("--timeout 30 against a server that answers", r, EXIT_OK)
    r = t.run("lead", "get", "--help")
    t.check("lead get --help lists --timeout SECONDS", "--timeout=SECONDS" in r.stdout, r)

    for how, args, extra, seconds in (("--timeout 5", ["--timeout", "5"], None, 5),
                                      ("NEXOR_TIMEOUT=3", [], {"NEXOR_TIMEOUT": "3"}, 3),
                                      ("--timeout 2 over NEXOR_TIMEOUT=600", ["--timeout", "2"],
                                       {"NEXOR_TIMEOUT": "600"}, 2)):
        push_faults(t.base_url, "delay=120000")
        try:
            r = t.run("lead", "get", SEED_ID, *args, env=t.env(extra=extra), timeout=60)
        finally:
            clear_faults(t.base_url)
        t.check_exit("%s against a server that holds its answer" % how, r, EXIT_NETWORK)
        t.check("%s: the message names the %d s deadline and the hint --timeout" % (how, seconds),
                "did not finish within %d s" % seconds in r.stderr
                and "--timeout SECONDS" in r.stderr and r.stdout == "", r)


# Every command (and group) that talks to the server, for the tests that go
# through all of them.
SERVER_COMMANDS = (
    ["lead"], ["lead", "get"], ["lead", "create"], ["lead", "update"], ["lead", "assign"],
    ["lead", "status"], ["lead", "takeover"], ["lead", "resume"], ["lead", "paused"],
    ["lead", "history"], ["lead", "meetings"], ["lead", "tags"],
    ["tags"], ["tags", "list"], ["tags", "create"], ["tags", "update"], ["tags", "delete"],
    ["team"],
)
ENVIRONMENT = ("NEXOR_API_KEY", "NEXOR_BASE_URL", "NEXOR_CA_FILE", "NEXOR_TIMEOUT", "NEXOR_DEBUG",
               "NO_COLOR", "XDG_CACHE_HOME")


# The help of each command names the environment variables it reads.
def test_help_environment(t):
    for path in SERVER_COMMANDS:
        for args in (path + ["--help"], ["help"] + path):
            r = t.run(*args)
            missing = [name for name in ENVIRONMENT if name not in r.stdout]
            t.check("nexor %s names the variables it reads" % " ".join(args),
                    r.returncode == EXIT_OK and "Environment:" in r.stdout and not missing, r)
    r = t.run("help", "help")
    t.check("nexor help help says it reads no variable",
            r.returncode == EXIT_OK and "Environment: none" in r.stdout
            and "NEXOR_API_KEY    " not in r.stdout, r)
    r = t.run("--help")
    t.check("nexor --help names NEXOR_TIMEOUT too", "NEXOR_TIMEOUT" in r.stdout, r)


# A mistyped command, subcommand or option is a usage error with a hint that
# names what was probably meant (as git does); a word like nothing gets none.
def test_did_you_mean(t):
    no_server = t.env(key=None, base_url=closed_port_url())
    cases = (
        (["taem"], "\u201cnexor team\u201d"),
        (["laed", "get", SEED_ID], "\u201cnexor lead\u201d"),
        (["lead", "gte", SEED_ID], "\u201cnexor lead get\u201d"),
        (["lead", "histroy", SEED_ID], "\u201cnexor lead history\u201d"),
        (["lead", "hist", SEED_ID], "\u201cnexor lead history\u201d"),
        (["tags", "lsit"], "\u201cnexor tags list\u201d"),
        (["tag", "list"], "\u201cnexor tags\u201d"),
        (["get", SEED_ID], "\u201cnexor lead get\u201d"),
        (["help", "lead", "craete"], "\u201cnexor lead create\u201d"),
        (["lead", "get", SEED_ID, "--jsno"], "\u201c--json\u201d"),
        (["lead", "get", SEED_ID, "--base-ulr", "x"], "\u201c--base-url\u201d"),
        (["--timout", "5", "team"], "\u201c--timeout\u201d"),
        (["team", "--api-kye=" + API_KEY], "\u201c--api-key\u201d"),
    )
    for args, suggestion in cases:
        r = t.run(*args, env=no_server)
        t.check_exit("nexor %s" % " ".join(args), r, EXIT_USAGE)
        t.check("nexor %s: did you mean %s?" % (" ".join(args), suggestion),
                "hint: did you mean %s?" % suggestion in r.stderr and r.stdout == "", r)
    for args in (["xyzzy"], ["lead", "frobnicate"], ["lead", "get", SEED_ID, "--zzz"]):
        r = t.run(*args, env=no_server)
        t.check("nexor %s: a usage error without a far-fetched hint" % " ".join(args),
                r.returncode == EXIT_USAGE and "did you mean" not in r.stderr, r)


# Runs nexor with its standard error on a pseudo-terminal (standard output
# stays a pipe): returns the Result, stderr being all the terminal received.
def run_on_terminal(t, args, env, timeout=60):
    import pty
    master, slave = pty.openpty()
    argv = [t.nexor] + list(args)
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=slave)
    os.close(slave)
    received = []

    def read_terminal():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the last writer closed it
                break
            if not data:
                break
            received.append(data)

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    try:
        stdout, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, _ = proc.communicate()
    reader.join(timeout=10)
    os.close(master)
    result = Result(argv, proc.returncode, stdout.decode("utf-8", "replace"),
                    b"".join(received).decode("utf-8", "replace"))
    t.outputs.append((argv, result))
    return result


# On a terminal, nexor shows that it waits (after a second) and that it will
# retry, on one line of standard error that it erases before it prints; on a
# pipe it never does. The server holds its answer far longer than the second,
# and the test asserts what was shown, never how long anything took.
def test_progress_on_terminal(t):
    env = t.env(extra={"TERM": "xterm"})
    push_faults(t.base_url, "delay=4000")
    try:
        r = run_on_terminal(t, ["lead", "get", SEED_ID, "--json"], env)
    finally:
        clear_faults(t.base_url)
    t.check_exit("lead get --json, stderr a terminal, slow server", r, EXIT_OK)
    t.check("the terminal shows \u201cWaiting for %s\u2026\u201d" % t.base_url,
            ("Waiting for %s\u2026 (" % t.base_url) in r.stderr, r)
    t.check("the status line is erased at the end and nothing else is on the terminal",
            r.stderr.endswith("\r\x1b[K")
            and all(line == "" or "Waiting for" in line
                    for line in r.stderr.replace("\x1b[K", "").split("\r")), r)
    try:
        printed = json.loads(r.stdout)
    except ValueError:
        printed = None
    t.check("stdout is the JSON alone", printed is not None and "\x1b" not in r.stdout
            and "Waiting" not in r.stdout, r)

    push_faults(t.base_url, "status=503;retry-after=2")
    try:
        r = run_on_terminal(t, ["lead", "get", SEED_ID], env)
    finally:
        clear_faults(t.base_url)
    t.check_exit("lead get on a terminal, a 503 then an answer", r, EXIT_OK)
    t.check("the terminal shows the retry and its attempt",
            re.search(r"Waiting for \S+\u2026 \(retrying in [12] s, attempt 2 of 3\)", r.stderr)
            is not None and r.stderr.endswith("\r\x1b[K"), r)
    t.check("the card follows on stdout, untouched",
            r.stdout.startswith("Carlos Lopez\n") and "Waiting" not in r.stdout, r)

    push_faults(t.base_url, "delay=2500", "status=503;retry-after=1")
    try:
        r = t.run("lead", "get", SEED_ID, env=env)
        r2 = t.run("lead", "get", SEED_ID, env=env)
    finally:
        clear_faults(t.base_url)
    t.check("no status line when stderr is not a terminal",
            r.returncode == EXIT_OK and r.stderr == "" and r2.returncode == EXIT_OK
            and r2.stderr == "", r if r.stderr else r2)


UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def json_field(item, path):
    for segment in path.split("."):
        if isinstance(item, dict):
            item = item.get(segment)
        elif isinstance(item, list) and segment.isdigit() and int(segment) < len(item):
            item = item[int(segment)]
        else:
            return ""
    if item is None:
        return ""
    if isinstance(item, str):
        return (item.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                .replace("\r", "\\r"))
    return json.dumps(item, separators=(",", ":"), ensure_ascii=False)


# --ids and --fields: what a script needs, on every command that prints
# resources, checked against the same command's --json; a field that is not
# documented is a usage error naming the valid ones, before anything is sent.
def test_fields(t):
    # A locale with a decimal comma and Spanish messages: the values must not
    # follow it (scripts/install-deps.sh installs every locale).
    extra = ({"LC_ALL": "es_CL.UTF-8", "LANG": "es_CL.UTF-8", "LANGUAGE": ""}
             if "es_CL.utf8" in os.popen("locale -a").read().split() else None)
    t.check("the es_CL.UTF-8 locale exists for the --fields checks", extra is not None)
    r = t.run("lead", "get", SEED_ID, "--ids")
    t.check("lead get --ids prints the id alone", r.returncode == EXIT_OK
            and r.stdout == SEED_ID + "\n" and r.stderr == "", r)
    fields = "id,email,first_name,campaign.name,variables.edad.value,variables.edad.confidence," \
             "metadata.estado_lead,title,tags,active_workflow_run.current_status.key"
    r = t.run("lead", "get", SEED_ID, "--fields", fields, env=t.env(extra=extra))
    expected = "\t".join((SEED_ID, "carlos@example.com", "Carlos", "Q1 Campaign", "35", "0.95",
                          "calificado", "", "[]", "contacted")) + "\n"
    t.check("lead get --fields: tab-separated values, nested by dotted paths, numbers as JSON",
            r.returncode == EXIT_OK and r.stdout == expected, r)

    listings = (
        (["lead", "history", SEED_ID], "type,id,channel,timestamp,direction,content"),
        (["lead", "meetings", SEED_ID], "id,starts_at,status,duration_minutes,meeting_url"),
        (["lead", "tags", SEED_ID], "id,name,slug"),
        (["tags", "list"], "id,slug,name,description,created_at"),
        (["team"], "id,name,email"),
    )
    for args, fields in listings:
        r_json = t.run(*args, "--json")
        r_fields = t.run(*args, "--fields", fields, env=t.env(extra=extra))
        r_ids = t.run(*args, "--ids")
        try:
            items = json.loads(r_json.stdout)
        except ValueError:
            items = None
        ok = items is not None and r_fields.returncode == EXIT_OK
        expected = "".join("\t".join(json_field(item, f) for f in fields.split(",")) + "\n"
                           for item in items or [])
        t.check("%s --fields %s: one line per item, as in --json" % (" ".join(args[:2]), fields),
                ok and r_fields.stdout == expected and r_fields.stderr == "", r_fields)
        ids = [item["id"] for item in items or [] if item.get("id")]
        t.check("%s --ids: the ids, one per line" % " ".join(args[:2]),
                r_ids.returncode == EXIT_OK and r_ids.stdout.splitlines() == ids
                and all(re.match(UUID_RE, i) for i in ids), r_ids)
    t.check("the listings above are not empty", all(
        t.run(*args, "--ids").stdout for args, _ in listings if args[0] != "lead" or
        args[1] != "tags"))

    # Writes: the new or changed resource's fields.
    email = "fields-%d@example.com" % os.getpid()
    r = t.run("lead", "create", "--first-name", "Tab\tName", "--email", email, "--ids")
    new_id = r.stdout.strip()
    t.check("lead create --ids prints the new lead's id",
            r.returncode == EXIT_OK and re.match(UUID_RE, new_id) is not None, r)
    r = t.run("lead", "update", new_id or SEED_ID, "--company", "Acme", "--fields",
              "id,first_name,company")
    t.check("lead update --fields: a tab in a value is escaped as \\t",
            r.returncode == EXIT_OK and r.stdout == "%s\tTab\\tName\tAcme\n" % new_id, r)
    slug = "fields-%d" % os.getpid()
    r = t.run("tags", "create", "Fields", slug, "--fields", "slug,name")
    t.check("tags create --fields", r.returncode == EXIT_OK and r.stdout == slug + "\tFields\n", r)
    r = t.run("tags", "list", "--search", slug, "--ids")
    tag_id = r.stdout.strip()
    r = t.run("tags", "update", tag_id or SEED_ID, "--name", "Fields 2", "--ids")
    t.check("tags update --ids", r.returncode == EXIT_OK and r.stdout == tag_id + "\n", r)
    path = os.path.join(tempfile.gettempdir(), "nexor-fields-%d.json" % os.getpid())
    with open(path, "w") as f:
        json.dump([{"first_name": "Bulk", "email": "bulk1-%d@example.com" % os.getpid()},
                   {"first_name": "Bulk", "email": "bulk2-%d@example.com" % os.getpid()}], f)
    try:
        r = t.run("lead", "create", "--from-file", path, "--fields", "id,email")
    finally:
        os.unlink(path)
    lines = r.stdout.splitlines()
    t.check("lead create --from-file --fields: a line per lead, in the file's order",
            r.returncode == EXIT_OK and len(lines) == 2
            and lines[0].endswith("\tbulk1-%d@example.com" % os.getpid())
            and lines[1].endswith("\tbulk2-%d@example.com" % os.getpid()), r)

    # Usage errors, with nothing sent (the port is closed).
    no_server = t.env(key=None, base_url=closed_port_url())
    for args, needle in (
            (["lead", "get", SEED_ID, "--fields", "id,emial"],
             "unknown field \u201cemial\u201d; valid fields: id, first_name, "),
            (["team", "--fields", "id,phone"],
             "unknown field \u201cphone\u201d; valid fields: id, name, email, external_id ("),
            (["lead", "history", SEED_ID, "--fields", ""], "--fields: no field given"),
            (["tags", "list", "--fields", "id", "--json"], "--json cannot be used together"),
            (["lead", "get", SEED_ID, "--ids", "--fields", "id"], "cannot be used together"),
            (["lead", "get", SEED_ID, "--fields", "campaign..name"], "unknown field")):
        r = t.run(*args, env=no_server)
        t.check_exit("nexor %s" % " ".join(args[:4]), r, EXIT_USAGE)
        t.check("nexor %s: %s" % (" ".join(args), needle), needle in r.stderr and r.stdout == "", r)

    printing = (["lead", "get"], ["lead", "create"], ["lead", "update"], ["lead", "history"],
                ["lead", "meetings"], ["lead", "tags"], ["tags", "list"], ["tags", "create"],
                ["tags", "update"], ["team"])
    for path in printing:
        r = t.run(*path, "--help")
        t.check("nexor %s --help lists --ids and --fields" % " ".join(path),
                "--ids" in r.stdout and "--fields=LIST" in r.stdout, r)


def test_no_secrets(t):
    leaks = []
    for argv, result in t.outputs:
        for secret in SECRETS:
            if secret in result.stdout or secret in result.stderr:
                leaks.append((argv, secret))
    t.check("no output of %d runs contains an API key" % len(t.outputs), not leaks)
    for argv, secret in leaks[:5]:
        print("# key %s...%s shown by %r" % (secret[:12], secret[-2:], argv[1:4]))
    crashed = [argv for argv, result in t.outputs if result.returncode < 0]
    t.check("no run ended with a signal", not crashed)
    for argv in crashed[:5]:
        print("# crashed: %r" % (argv[1:4],))


def test_broken_pipe(t):
    """A reader that stops early (`nexor … | head -1`) is not an error to
    report: nothing on standard error, exit 1 as documented, no crash."""
    for args in (("lead", "history", SEED_ID, "--ids"), ("lead", "get", SEED_ID, "--json")):
        read_end, write_end = os.pipe()
        os.close(read_end)  # every write fails with EPIPE
        try:
            proc = subprocess.run([t.nexor] + list(args), env=t.env(), stdout=write_end,
                                  stderr=subprocess.PIPE, timeout=20)
        finally:
            os.close(write_end)
        result = Result(args, proc.returncode, "", proc.stderr.decode("utf-8", "replace"))
        t.outputs.append((args, result))
        t.check_exit("%s into a closed pipe" % " ".join(args[:2]), result, EXIT_FAILED)
        t.check("%s into a closed pipe says nothing" % " ".join(args[:2]), result.stderr == "", result)


def main():
    if len(sys.argv) != 3:
        print("usage: %s NEXOR NEXOR_EMULATOR" % sys.argv[0], file=sys.stderr)
        return 2

    nexor, emulator = sys.argv[1], sys.argv[2]
    proc = None
    tls_proc = None
    fake = None
    t = None
    tls_dir = tempfile.TemporaryDirectory()
    try:
        proc, url = start_emulator(emulator)
        fake, fake_url = start_fake_server()
        print("# emulator at %s" % url)
        t = Runner(nexor, url)
        for test in (test_card, test_json, test_keys, test_errors, test_usage,
                     test_debug_output, lambda t: test_fake_server(t, fake_url),
                     test_fault_paths, test_deep_answers,
                     test_version_everywhere, test_timeout, test_help_environment,
                     test_did_you_mean, test_progress_on_terminal, test_fields,
                     test_broken_pipe, test_no_secrets):
            try:
                test(t)
            except Exception as e:  # report and go on with the next group
                t.check("%s ran to the end (%s: %s)" % (test.__name__, type(e).__name__, e),
                        False)

        # The main paths again, over https, trusting the emulator's
        # certificate through NEXOR_CA_FILE.
        ca_file = os.path.join(tls_dir.name, "ca.pem")
        tls_proc, tls_url = start_emulator(emulator, "--tls", "--tls-ca-out", ca_file)
        print("# https emulator at %s" % tls_url)
        t.base_url, t.ca_file, t.prefix = tls_url, ca_file, "https: "
        for test in (test_card, test_json, test_write_and_history, test_errors,
                     lambda t: test_tls(t, emulator),
                     test_no_secrets):
            try:
                test(t)
            except Exception as e:
                t.check("%s ran to the end (%s: %s)" % (test.__name__, type(e).__name__, e),
                        False)
    except Exception as e:
        print("not ok 1 - setup: %s" % e)
        print("1..1")
        return 1
    finally:
        stop_emulator(proc)
        stop_emulator(tls_proc)
        tls_dir.cleanup()
        if fake is not None:
            fake.shutdown()
            fake.server_close()

    print("1..%d" % t.count)
    print("# %d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
