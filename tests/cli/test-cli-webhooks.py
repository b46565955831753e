#!/usr/bin/python3
# test-cli-webhooks.py: `nexor webhooks listen`: verified events printed one
# a line (or as JSON), refusals reported, retries printed once, and each
# event forwarded unchanged, with its signature, to a local URL
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-webhooks.py NEXOR [NEXOR_EMULATOR]. Prints TAP. With the
# emulator, also its own signed deliveries, end to end.

import hashlib
import hmac
import http.server
import importlib.util
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
_spec = importlib.util.spec_from_file_location("test_cli", os.path.join(HERE, "test-cli.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

EXIT_OK, EXIT_USAGE = 0, 2
SECRET = "whsec_cli_listen_test_4f1c"


def fixture(name):
    with open(os.path.join(DATA, name), "rb") as f:
        return f.read()


def sign(body, secret=SECRET):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post(url, body, signature):
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    if signature is not None:
        request.add_header("X-Nexor-Signature", signature)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


class ForwardTarget(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        ForwardTarget.received.append((body, self.headers.get("X-Nexor-Signature"),
                                       self.headers.get("Content-Type")))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class Listener:
    """`nexor webhooks listen …` running, its URL read from its first line."""

    def __init__(self, t, *args, env_secret=SECRET):
        env = t.env(extra={"NEXOR_WEBHOOK_SECRET": env_secret} if env_secret else None)
        self.proc = subprocess.Popen([t.nexor, "webhooks", "listen", "--port", "0", *args], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.stderr = b""
        self.pending = b""
        deadline = time.monotonic() + 20
        while b"\n" not in self.stderr:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.proc.poll() is not None:
                raise RuntimeError("nexor webhooks listen did not start: %r" % self.stderr)
            ready, _, _ = select.select([self.proc.stderr], [], [], remaining)
            if ready:
                chunk = os.read(self.proc.stderr.fileno(), 4096)
                if not chunk:
                    raise RuntimeError("nexor webhooks listen closed its stderr")
                self.stderr += chunk
        first = self.stderr.decode().splitlines()[0]
        self.url = next(word for word in first.split() if word.startswith("http://"))

    def read_line(self, timeout=30):
        """The next line of standard output, or None after @timeout s."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    return None
                self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def wait_stderr(self, text, timeout=30):
        """Reads standard error until @text is in it; False after @timeout s."""
        deadline = time.monotonic() + timeout
        while text.encode() not in self.stderr:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            ready, _, _ = select.select([self.proc.stderr], [], [], remaining)
            if ready:
                chunk = os.read(self.proc.stderr.fileno(), 4096)
                if not chunk:
                    return False
                self.stderr += chunk
        return True

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        out, err = self.proc.communicate(timeout=20)
        return self.proc.returncode, (self.pending + out).decode(), (self.stderr + err).decode()


def test_usage(t):
    env = t.env()
    env.pop("NEXOR_WEBHOOK_SECRET", None)
    r = t.run("webhooks", "listen", "--port", "0", env=env)
    t.check_exit("listen without a secret", r, EXIT_USAGE)
    t.check("the message names NEXOR_WEBHOOK_SECRET", "NEXOR_WEBHOOK_SECRET" in r.stderr, r)
    r = t.run("webhooks", "listen", "--secret", "s", "--forward-to", "ftp://example.com/")
    t.check_exit("--forward-to needs http(s)", r, EXIT_USAGE)
    r = t.run("webhooks", "listen", "--secret", "s", "--port", "70000")
    t.check_exit("a port out of range", r, EXIT_USAGE)
    r = t.run("webhooks", "listen", "--secret", "s", "--address", "not-an-address")
    t.check_exit("an address that is no IP address", r, EXIT_USAGE)
    r = t.run("webhooks", "listen", "--help")
    t.check("listen --help lists NEXOR_WEBHOOK_SECRET and the options",
            r.returncode == 0 and "NEXOR_WEBHOOK_SECRET" in r.stdout and "--forward-to" in r.stdout
            and "NEXOR_API_KEY" not in r.stdout.split("Environment:")[-1], r)
    r = t.run("--help")
    t.check("nexor --help lists NEXOR_WEBHOOK_SECRET and the webhooks command",
            "NEXOR_WEBHOOK_SECRET" in r.stdout and "webhooks" in r.stdout, r)
    r = t.run("__complete", "webhooks", "listen", "--")
    t.check("completion offers listen's options",
            all(o in r.stdout.split() for o in ("--port", "--secret", "--json", "--forward-to")), r)


def test_listen_and_forward(t):
    target = http.server.HTTPServer(("127.0.0.1", 0), ForwardTarget)
    threading.Thread(target=target.serve_forever, daemon=True).start()
    forward_url = "http://127.0.0.1:%d/hooks" % target.server_address[1]
    listener = Listener(t, "--forward-to", forward_url)
    try:
        status_body = fixture("webhook-status-changed.json")
        meeting_body = fixture("webhook-meeting-scheduled.json")
        status_signature = sign(status_body)
        meeting_signature = "sha256=" + sign(meeting_body).upper()
        statuses = [
            post(listener.url, status_body, status_signature),
            post(listener.url, status_body, status_signature),          # a retry
            post(listener.url, status_body, None),                       # unsigned
            post(listener.url, status_body.replace(b"Carlos", b"Karl"), status_signature),
            post(listener.url, meeting_body, meeting_signature),
            post(listener.url, b"{}", sign(b"{}")),                      # no event
        ]
        t.check("answers: 200, 200 (retry), 401, 401, 200, 400 (%s)" % statuses,
                statuses == [200, 200, 401, 401, 200, 400])
        deadline = time.monotonic() + 20
        while len(ForwardTarget.received) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        status, out, err = listener.stop()
        target.shutdown()

    t.check("exits 0 on Ctrl+C (%d)" % status, status == EXIT_OK, err)
    lines = out.splitlines()
    t.check("one line per event, the retry not printed again (%d)" % len(lines), len(lines) == 2, out)
    if len(lines) == 2:
        t.check("the status change's line", lines[0] ==
                "workflow_run.status_changed  e3b0c442-98fc-4c14-9afb-f4c8996fb924  "
                "lead Carlos Lopez (123e4567-e89b-12d3-a456-426614174000): new → contacted  (test)",
                out)
        t.check("the meeting's line", lines[1].startswith(
                "meeting.scheduled  550e8400-e29b-41d4-a716-446655440000  "
                "lead Tony Stark (123e4567-e89b-12d3-a456-426614174000): "
                "meeting “Meeting with Tony Stark” at "), out)
    t.check("refusals on stderr", err.count("Refused a delivery (HTTP 401)") == 2
            and err.count("Refused a delivery (HTTP 400)") == 1, err)
    t.check("forwarding reported", err.count("Forwarded to " + forward_url + ": HTTP 204") == 2, err)
    t.check("two events forwarded (%d)" % len(ForwardTarget.received), len(ForwardTarget.received) == 2)
    if len(ForwardTarget.received) == 2:
        t.check("forwarded byte for byte, with the original signatures",
                ForwardTarget.received[0][:2] == (status_body, status_signature)
                and ForwardTarget.received[1][:2] == (meeting_body, meeting_signature))
        t.check("forwarded as JSON", ForwardTarget.received[0][2] == "application/json")
    t.check("the secret is never printed", SECRET not in out and SECRET not in err)


class HeldTarget(http.server.BaseHTTPRequestHandler):
    """Takes a forward and answers it only once released."""
    arrived = threading.Event()
    release = threading.Event()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        HeldTarget.arrived.set()
        HeldTarget.release.wait(60)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_stop_while_forwarding(t):
    target = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HeldTarget)
    threading.Thread(target=target.serve_forever, daemon=True).start()
    forward_url = "http://127.0.0.1:%d/hooks" % target.server_address[1]
    listener = Listener(t, "--forward-to", forward_url)
    try:
        body = fixture("webhook-status-changed.json")
        t.check("the delivery is taken", post(listener.url, body, sign(body)) == 200)
        t.check("its forward reaches the target", HeldTarget.arrived.wait(30))
        # Ctrl+C while the forward waits for its answer: the listener says it
        # waits, and stops taking deliveries ...
        listener.proc.send_signal(signal.SIGINT)
        waiting = listener.wait_stderr("Waiting for 1 event being forwarded")
        t.check("Ctrl+C with a forward out: it says it waits", waiting, listener.stderr.decode())
        t.check("still running while the forward is out", listener.proc.poll() is None)
    finally:
        HeldTarget.release.set()
        # ... and once the answer came, reports it and exits 0 (no second signal).
        out, err = listener.proc.communicate(timeout=30)
        err = (listener.stderr + err).decode()
        target.shutdown()
    t.check("the forward's line is not lost", "Forwarded to %s: HTTP 204" % forward_url in err, err)
    t.check("exits 0 after the forward (%d)" % listener.proc.returncode, listener.proc.returncode == EXIT_OK, err)


def test_json(t):
    listener = Listener(t, "--json", "--secret", SECRET, env_secret="overridden-by-the-option")
    try:
        body = fixture("webhook-unknown.json")
        status = post(listener.url, body, sign(body))
    finally:
        code, out, err = listener.stop()
    t.check("--json: accepted (%d)" % status, status == 200, err)
    lines = out.splitlines()
    t.check("--json: one line, the event as received",
            code == 0 and len(lines) == 1 and json.loads(lines[0]) == json.loads(body), out)


def test_port_in_use(t):
    listener = Listener(t)
    try:
        port = listener.url.rsplit(":", 1)[1].strip("/")
        r = t.run("webhooks", "listen", "--port", port, "--secret", "s")
        t.check("a port in use fails with a message (exit %d)" % r.returncode,
                r.returncode not in (0, EXIT_USAGE) and r.returncode > 0 and "nexor:" in r.stderr, r)
    finally:
        listener.stop()


def test_emulator_deliveries(t, emulator):
    """The emulator's own deliveries, from changes the CLI makes."""
    listener = Listener(t, "--json")
    proc = None
    try:
        proc, url = base.start_emulator(emulator, "--webhook", "%s;secret=%s" % (listener.url, SECRET),
                                        "--webhook-retry-scale", "0.001")
        lead = "123e4567-e89b-12d3-a456-426614174000"
        r = t.run("lead", "takeover", lead, env=t.env(base_url=url))
        t.check_exit("emulator: lead takeover", r, EXIT_OK)
        line = listener.read_line()
        event = json.loads(line) if line else {}
        data = event.get("data", {})
        t.check("emulator: the takeover's status change is printed, verified",
                event.get("event_type") == "workflow_run.status_changed"
                and data.get("trigger_type") == "automation_stopped"
                and data.get("lead", {}).get("id") == lead, line)
        r = t.run("meeting", "create", "--lead-id", lead, "--title", "Demo", "--starts-at",
                  "2026-12-10T14:00:00Z", "--duration", "30", env=t.env(base_url=url))
        t.check_exit("emulator: meeting create", r, EXIT_OK)
        line = listener.read_line()
        event = json.loads(line) if line else {}
        t.check("emulator: the booking is printed, verified",
                event.get("event_type") == "meeting.scheduled"
                and event.get("data", {}).get("meeting", {}).get("title") == "Demo", line)
    finally:
        base.stop_emulator(proc)
        code, out, err = listener.stop()
    t.check("emulator: nothing refused", "Refused" not in err, err)


def main():
    if len(sys.argv) < 2:
        print("usage: %s NEXOR [NEXOR_EMULATOR]" % sys.argv[0], file=sys.stderr)
        return 2
    t = base.Runner(sys.argv[1], "http://127.0.0.1:1/api/public")
    tests = [test_usage, test_listen_and_forward, test_stop_while_forwarding, test_json, test_port_in_use]
    if len(sys.argv) > 2:
        tests.append(lambda t: test_emulator_deliveries(t, sys.argv[2]))
    for test in tests:
        try:
            test(t)
        except Exception as e:
            t.check("%s ran to the end (%s: %s)" % (getattr(test, "__name__", "test"), type(e).__name__, e), False)
    print("1..%d" % t.count)
    print("# %d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
