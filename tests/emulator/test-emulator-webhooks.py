#!/usr/bin/python3
# test-emulator-webhooks.py: nexor-emulator's webhook deliveries as the
# command runs them: --webhook, --webhook-retry-scale, --webhook-log, the
# admin routes, and signatures checked with Python's own hmac module
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-emulator-webhooks.py PATH-TO-nexor-emulator. Prints TAP.

import hashlib
import hmac
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request

DEMO_KEY = "nxr_live_emulator_demo_key"
TIMEOUT = 10
# Only a guard against a hang: nothing waits for a time.
WAIT_GUARD = 90

CARLOS = "123e4567-e89b-12d3-a456-426614174000"

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Receiver:
    """A webhook receiver on a thread; answers from a script, then 200."""

    def __init__(self, *script):
        self.received = []
        self.script = list(script)
        self.lock = threading.Condition()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.received.append((body, self.headers.get("X-Nexor-Signature")))
                    code = receiver.script.pop(0) if receiver.script else 200
                    receiver.lock.notify_all()
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/hook" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait(self, count):
        deadline = time.monotonic() + WAIT_GUARD
        with self.lock:
            while len(self.received) < count:
                assert time.monotonic() < deadline, "only %d deliveries" % len(self.received)
                self.lock.wait(1)
            return list(self.received)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Emulator:
    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.argv[1], "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.base_url = self.proc.stdout.readline().decode().strip()
        assert self.base_url.startswith("http://127.0.0.1:"), self.base_url
        self.root = self.base_url[:-len("/api/public")]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """Stops the emulator; returns what it wrote on stderr."""
        if self.proc.returncode is None:
            self.proc.terminate()
        _, err = self.proc.communicate(timeout=TIMEOUT)
        return err.decode()

    def call(self, method, url, body=None, api_key=DEMO_KEY):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method)
        if api_key is not None:
            request.add_header("X-API-Key", api_key)
        try:
            with OPENER.open(request, timeout=TIMEOUT) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def api(self, method, path, body=None):
        return self.call(method, self.base_url + path, body)

    def admin(self, method, path, body=None):
        return self.call(method, self.root + "/_emulator/webhooks" + path, body, api_key=None)

    def settled_log(self):
        deadline = time.monotonic() + WAIT_GUARD
        while True:
            status, log = self.admin("GET", "/deliveries")
            assert status == 200, log
            if log["pending"] == 0:
                return log["deliveries"]
            assert time.monotonic() < deadline, log
            time.sleep(0.05)


def verify(body, header, secret):
    """What a receiver does: hex HMAC-SHA256 of the raw body, compared in
    constant time, with an optional sha256= prefix."""
    if header is None:
        return False
    if header.startswith("sha256="):
        header = header[len("sha256="):]
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.lower())


def test_signed_deliveries_from_the_command_line():
    everything = Receiver()
    meetings = Receiver()
    try:
        with Emulator("--webhook", everything.url + ";secret=py-secret",
                      "--webhook", meetings.url + ";events=meeting.scheduled;secret=other",
                      "--webhook-retry-scale", "0.001", "--webhook-log") as emulator:
            status, body = emulator.api("POST", "/leads/%s/status" % CARLOS, {"status_key": "qualified"})
            assert status == 200 and body["changed"], body
            status, body = emulator.api("POST", "/meetings", {
                "lead_id": CARLOS, "title": "Demo", "starts_at": "2026-12-10T10:00:00Z",
                "duration_minutes": 30})
            assert status == 201, body

            got = everything.wait(2)
            [(meeting_body, meeting_signature)] = meetings.wait(1)
            log = emulator.settled_log()
            err = emulator.stop()

        assert len(everything.received) == 2 and len(meetings.received) == 1
        envelopes = []
        for raw, signature in got:
            assert re.fullmatch(r"[0-9a-f]{64}", signature), signature
            assert verify(raw, signature, "py-secret")
            assert verify(raw, "sha256=" + signature.upper(), "py-secret")
            # Tampered: one byte of the body, or the wrong secret.
            assert not verify(raw.replace(b"Carlos", b"Karlos"), signature, "py-secret")
            assert not verify(raw, signature, "other")
            envelopes.append(json.loads(raw))
        assert verify(meeting_body, meeting_signature, "other")

        by_type = {e["event_type"]: e for e in envelopes}
        changed = by_type["workflow_run.status_changed"]
        assert set(changed) == {"event_type", "event_id", "webhook_id", "delivery_id", "timestamp",
                                "client_id", "test", "data"}, changed
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", changed["timestamp"])
        assert changed["test"] is False
        assert changed["data"]["from_status"]["key"] == "contacted"
        assert changed["data"]["to_status"]["key"] == "qualified"
        assert changed["data"]["lead"]["id"] == CARLOS
        scheduled = by_type["meeting.scheduled"]
        assert scheduled["data"]["meeting"]["starts_at"] == "2026-12-10T10:00:00.000Z"
        assert json.loads(meeting_body)["event_id"] == scheduled["event_id"]
        assert json.loads(meeting_body)["webhook_id"] != scheduled["webhook_id"]

        assert [entry["outcome"] for entry in log] == ["delivered"] * 3, log
        # --webhook-log: one line per attempt, on stderr.
        assert err.count(" delivered") == 3, err
        assert "webhook workflow_run.status_changed" in err, err
    finally:
        everything.close()
        meetings.close()


def test_runtime_subscription_retried():
    receiver = Receiver(503, 200)
    try:
        with Emulator("--webhook-retry-scale", "0.001") as emulator:
            status, body = emulator.admin("POST", "", {"url": receiver.url, "secret": "rt",
                                                       "events": ["workflow_run.status_changed"]})
            assert status == 201, body
            webhook_id = body["webhook"]["id"]
            status, body = emulator.api("POST", "/leads/%s/automation/stop" % CARLOS, {"workflow_id": "uuid"})
            assert status == 200, body
            got = receiver.wait(2)
            log = emulator.settled_log()

            first, second = (json.loads(raw) for raw, _ in got)
            assert all(verify(raw, signature, "rt") for raw, signature in got)
            assert first["event_id"] == second["event_id"]
            assert first["delivery_id"] != second["delivery_id"]
            assert first["webhook_id"] == webhook_id
            assert first["data"]["trigger_type"] == "automation_stopped"
            assert first["data"]["workflow_run"]["human_takeover"] is True
            assert [(e["attempt"], e["status"], e["outcome"]) for e in log] == \
                [(1, 503, "retrying"), (2, 200, "delivered")], log

            status, body = emulator.admin("DELETE", "/" + webhook_id)
            assert status == 200 and body["deleted"], body
            status, body = emulator.admin("GET", "")
            assert body == {"webhooks": []}, body
    finally:
        receiver.close()


def test_kept_with_data():
    receiver = Receiver()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            state = os.path.join(tmp, "state.json")
            # An admin-route subscription is kept; a --webhook one is not:
            # it comes back with the option.
            with Emulator("--data", state, "--webhook", "http://127.0.0.1:1/cli") as emulator:
                status, body = emulator.admin("POST", "", {"url": receiver.url, "secret": "kept",
                                                           "events": ["workflow_run.status_changed"]})
                assert status == 201, body
                kept = body["webhook"]
            with open(state, encoding="utf-8") as f:
                assert json.load(f)["webhooks"] == [kept]

            with Emulator("--data", state) as emulator:
                status, body = emulator.admin("GET", "")
                assert body == {"webhooks": [kept]}, body
                status, body = emulator.api("POST", "/leads/%s/status" % CARLOS, {"status_key": "engaged"})
                assert status == 200, body
                [(raw, signature)] = receiver.wait(1)
                assert verify(raw, signature, "kept")
                assert json.loads(raw)["webhook_id"] == kept["id"]
                status, body = emulator.admin("DELETE", "/" + kept["id"])
                assert status == 200, body
            with open(state, encoding="utf-8") as f:
                assert "webhooks" not in json.load(f)

            # A kept subscription that does not check out stops the start.
            with open(state, encoding="utf-8") as f:
                saved = json.load(f)
            saved["webhooks"] = [dict(kept, url="ftp://127.0.0.1/hook")]
            with open(state, "w", encoding="utf-8") as f:
                json.dump(saved, f)
            proc = subprocess.run([sys.argv[1], "--port", "0", "--data", state], capture_output=True,
                                  timeout=TIMEOUT)
            assert proc.returncode == 1, (proc.returncode, proc.stderr)
            assert "cannot use the data file" in proc.stderr.decode(), proc.stderr
            assert "webhooks[0]" in proc.stderr.decode(), proc.stderr
    finally:
        receiver.close()


def test_bad_command_lines():
    for args, needle in [
            (["--webhook", "not a url"], "not an absolute http or https URL"),
            (["--webhook", "http://127.0.0.1:1/h;events=meeting.booked"], "Unknown event type"),
            (["--webhook", "http://127.0.0.1:1/h;secret="], "secret must not be empty"),
            (["--webhook", "http://127.0.0.1:1/h;color=red"], "Unexpected"),
            (["--webhook-retry-scale", "fast"], "expected a number from 0 to 10"),
            (["--webhook-retry-scale", "-1"], "expected a number from 0 to 10"),
    ]:
        proc = subprocess.run([sys.argv[1], "--port", "0", *args], capture_output=True, timeout=TIMEOUT)
        assert proc.returncode == 2, (args, proc.returncode, proc.stderr)
        assert proc.stdout == b"", (args, proc.stdout)
        assert needle in proc.stderr.decode(), (args, proc.stderr)

    proc = subprocess.run([sys.argv[1], "--port", "0", "--webhook-ca-file", "/nonexistent/ca.pem"],
                          capture_output=True, timeout=TIMEOUT)
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "cannot use the webhook CA file /nonexistent/ca.pem" in proc.stderr.decode(), proc.stderr


TESTS = [
    test_signed_deliveries_from_the_command_line,
    test_runtime_subscription_retried,
    test_kept_with_data,
    test_bad_command_lines,
]


def main():
    print("1..%d" % len(TESTS), flush=True)
    failed = 0
    for number, test in enumerate(TESTS, 1):
        try:
            test()
        except Exception:
            failed += 1
            for line in traceback.format_exc().splitlines():
                print("# " + line)
            print("not ok %d - %s" % (number, test.__name__), flush=True)
        else:
            print("ok %d - %s" % (number, test.__name__), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
