# The Nexor Lead Desk follows changes made elsewhere, in a real window:
# `--self-test --action watch` opens a lead and prints what the window
# shows each time it refreshes by itself, while this test changes the lead
# with the `nexor` CLI, as another person at another desk would.
#
# Each test runs an emulator of its own (not the suite's shared one): the
# push test starts it with --webhook pointing at the app's receiver, the
# polling test reads its request log (G_MESSAGES_DEBUG=NexorEmulator
# prints one "GET /…" line per request on standard error).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from test_lead_desk import Desk

EMULATOR = os.environ.get("NEXOR_EMULATOR", "")
NEXOR = os.environ.get("NEXOR_CLI", "")
API_KEY = "nxr_live_emulator_demo_key"
EMILY_ID = "ed798fc4-92d4-4f19-9c90-19426829d6df"  # in Demo Booking, not taken over
MATIAS_ID = "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"  # in a workflow too
SECRET = "live-test-secret-8c1f"
HERE = os.path.dirname(os.path.abspath(__file__))
WAIT_S = 60  # for a change to show: generous, the condition ends it early


class LiveDesk(Desk):
    """A desk whose output is read without losing what follows a line
    waited for: a watching desk prints its blocks in bursts."""

    def __init__(self, *args):
        super().__init__(*args)
        self.buffer = b""

    def read_until(self, last, timeout=60):
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                self.lines.append(line.decode())
                if self.lines[-1] == last or self.lines[-1].startswith("FAIL:"):
                    return self.lines
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.proc.kill()
                pytest.fail(f"no '{last}' from the app in {timeout} s; it {self!r}")
            ready, _, _ = select.select([fd], [], [], remaining)
            chunk = os.read(fd, 4096) if ready else b""
            if ready and not chunk:
                return self.lines
            self.buffer += chunk

    def tell(self, line):
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={runtime}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class NotificationServer:
    """A private session bus with a notification server that prints what it
    is sent (tests/gui/notification_server.py)."""

    def __init__(self, tmp_path):
        runtime = tmp_path / "runtime"
        runtime.mkdir(mode=0o700)
        config = tmp_path / "bus.conf"
        config.write_text(BUS_CONFIG.format(runtime=runtime))
        self.bus = subprocess.Popen([shutil.which("dbus-daemon"), "--nofork", "--print-address=1",
                                     "--config-file=" + str(config)],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL)
        self.address = self.bus.stdout.readline().decode().strip()
        assert self.address.startswith("unix:"), self.address
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address)
        self.server = subprocess.Popen([sys.executable, os.path.join(HERE, "notification_server.py")],
                                       env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        assert self.server.stdout.readline() == b"ready\n", "the notification server did not start"

    def next(self, timeout=WAIT_S):
        ready, _, _ = select.select([self.server.stdout], [], [], timeout)
        assert ready, f"no notification in {timeout} s"
        return json.loads(self.server.stdout.readline())

    def stop(self):
        for proc in (self.server, self.bus):
            proc.terminate()
            proc.wait(timeout=10)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnEmulator:
    def __init__(self, tmp_path, args):
        self.log_path = tmp_path / "emulator-log.txt"
        self.log = open(self.log_path, "wb")
        env = dict(os.environ, G_MESSAGES_DEBUG="NexorEmulator")
        self.proc = subprocess.Popen([EMULATOR, "--port", "0"] + args, env=env,
                                     stdout=subprocess.PIPE, stderr=self.log,
                                     stdin=subprocess.DEVNULL)
        self.url = self.proc.stdout.readline().decode().strip()
        assert self.url.startswith("http://"), self.url
        self.origin = self.url.split("/api/")[0]

    def admin(self, path):
        with urllib.request.urlopen(self.origin + path, timeout=10) as response:
            return json.load(response)

    def get(self, path):
        request = urllib.request.Request(self.url + path, headers={"X-API-Key": API_KEY})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def requests_for(self, lead_id):
        """How many requests about the lead the emulator has logged so far."""
        self.log.flush()
        text = self.log_path.read_text(errors="replace")
        return sum(1 for line in text.splitlines()
                   if "NexorEmulator-DEBUG" in line and f"/leads/{lead_id}" in line)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log.close()


@pytest.fixture
def tools():
    if not os.access(EMULATOR, os.X_OK) or not os.access(NEXOR, os.X_OK):
        pytest.fail(f"NEXOR_EMULATOR={EMULATOR!r} and NEXOR_CLI={NEXOR!r} must be programs")


@pytest.fixture
def started(tmp_path, tools):
    things = []
    yield things
    for thing in things:
        if isinstance(thing, LiveDesk):
            if thing.proc.poll() is None:
                thing.proc.kill()
                thing.proc.wait()
            thing.stderr_file.close()
        else:
            thing.stop()


def cli(emulator, *args):
    env = dict(os.environ, NEXOR_BASE_URL=emulator.url, NEXOR_API_KEY=API_KEY)
    done = subprocess.run([NEXOR] + list(args), env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout


class Watch:
    """The "live: update" blocks a watching desk prints."""

    def __init__(self, desk):
        self.desk = desk
        self.seen = 0

    def blocks(self):
        blocks, current = [], None
        for line in self.desk.lines:
            if line == "live: update":
                current = []
            elif line == "live: end" and current is not None:
                blocks.append(current)
                current = None
            elif current is not None:
                current.append(line)
        return blocks

    def until(self, condition, what):
        """Reads until a block satisfies `condition`; returns that block."""
        deadline = time.monotonic() + WAIT_S
        while True:
            for block in self.blocks()[self.seen:]:
                self.seen += 1
                if condition(block):
                    return block
            assert time.monotonic() < deadline, f"the window never showed {what}: it {self.desk!r}"
            self.desk.read_until("live: end", timeout=max(1, deadline - time.monotonic()))
            assert self.desk.proc.poll() is None or self.desk.lines[-1] == "live: end", \
                f"the app quit while watching: it {self.desk!r}"


def status_label(emulator, lead_id):
    body = emulator.get(f"/leads/{lead_id}")
    lead = body.get("lead", body)
    return lead["active_workflow_run"]["current_status"]["label"]


def value(block, key):
    found = [line[len(key) + 2:] for line in block if line.startswith(key + ": ")]
    return found[-1] if found else None


def values(block, key):
    return [line[len(key) + 2:] for line in block if line.startswith(key + ": ")]


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")
def test_pushed_changes_show_without_a_refresh(tmp_path, started):
    notifications = NotificationServer(tmp_path)
    started.append(notifications)
    port = free_port()
    emulator = OwnEmulator(tmp_path, ["--webhook", f"http://127.0.0.1:{port}/hook;secret={SECRET}"])
    started.append(emulator)
    # Polling far too slow to explain anything this test sees: what shows,
    # shows because it was pushed.
    desk = LiveDesk(["--action", "watch", EMILY_ID], tmp_path,
                    {"NEXOR_BASE_URL": emulator.url, "NEXOR_API_KEY": API_KEY,
                     "LEAD_DESK_WEBHOOK_PORT": str(port), "LEAD_DESK_WEBHOOK_SECRET": SECRET,
                     "LEAD_DESK_POLL_INTERVAL": "3600",
                     "DBUS_SESSION_BUS_ADDRESS": notifications.address,
                     # Every debug message too: none may carry the secret.
                     "G_MESSAGES_DEBUG": "all", "NEXOR_DEBUG": "3"})
    started.append(desk)
    desk.read_until("watching")
    watch = Watch(desk)
    first = watch.until(lambda b: True, "the lead")
    assert value(first, "live-takeover") == "off"
    assert value(first, "live-status") == status_label(emulator, EMILY_ID)
    assert value(first, "live-status") != "Demo scheduled"
    meetings_before = values(first, "live-meeting")
    # Configured, but no delivery seen yet: the server may not reach the
    # desktop, so the window polls (here every hour) until one arrives.
    assert value(first, "live-polling") == "on"

    # Another person takes the lead over.
    cli(emulator, "lead", "takeover", EMILY_ID)
    block = watch.until(lambda b: value(b, "live-takeover") == "on", "the takeover")
    assert int(value(block, "live-history-items")) == len(emulator.get(f"/leads/{EMILY_ID}/history?limit=200")["history"])
    assert value(block, "live-polling") == "off"  # a delivery arrived
    # The meetings did not change: their rows (and a menu open on one) stay.
    assert meetings_before and value(block, "live-meetings-replaced") == "no", block

    assert "Emily Chen | Initech" in values(block, "live-recent")

    # A status change, after a new name (which raises no event of its own):
    # the event carries the whole lead, and the recent leads take its name.
    cli(emulator, "lead", "update", EMILY_ID, "--first-name", "Emilia")
    cli(emulator, "lead", "status", EMILY_ID, "demo_scheduled", "--reason", "booked by phone")
    assert status_label(emulator, EMILY_ID) == "Demo scheduled"
    block = watch.until(lambda b: value(b, "live-status") == "Demo scheduled", "the status change")
    assert value(block, "live-takeover") == "on"
    # Renamed in the list when the event came, before the card's refresh ended.
    assert values(block, "live-recent") == ["Emilia Chen | Initech"]

    # A meeting booked elsewhere: it is listed, and the desktop is told.
    title = "Live test demo " + str(port)
    cli(emulator, "meeting", "create", "--lead-id", EMILY_ID, "--title", title,
        "--starts-at", "2030-05-06T15:00:00Z", "--duration", "30")
    assert not any(title in m for m in meetings_before)
    block = watch.until(lambda b: f"{title} | scheduled" in values(b, "live-meeting"), "the meeting")
    history = emulator.get(f"/leads/{EMILY_ID}/history?limit=200")["history"]
    assert int(value(block, "live-history-items")) == len(history)
    notes = desk.values("notification")
    assert len(notes) == 1, desk.lines
    note_id, note_title, note_body, sent = notes[0].split(" | ")
    assert note_id == f"meeting-booked-{EMILY_ID}"
    assert note_title == "Meeting booked with Emilia Chen"
    assert title in note_body
    assert sent == "sent"
    # What the desktop got, through GNotification and the session bus.
    shown = notifications.next()
    assert shown["summary"] == "Meeting booked with Emilia Chen", shown
    assert title in shown["body"], shown
    # Push was seen: the window does not poll.
    assert value(block, "live-polling") == "off"

    desk.tell("done")
    lines = desk.read_until("ok")
    status, stderr = desk.finish()
    assert lines[-1] == "ok" and status == 0, f"the app {desk!r}"
    assert "WARNING" not in stderr and "CRITICAL" not in stderr, stderr
    # GLib prints debug messages on standard output: they are in desk.lines.
    assert any("-DEBUG: " in line for line in desk.lines), "no debug output to check"
    assert SECRET not in stderr and SECRET not in "\n".join(desk.lines)

    # Every delivery reached the app and was answered 2xx the first time.
    deliveries = emulator.admin("/_emulator/webhooks/deliveries")["deliveries"]
    types = sorted(d["event_type"] for d in deliveries)
    assert "meeting.scheduled" in types and "workflow_run.status_changed" in types, deliveries
    assert all(200 <= d["status"] < 300 and d["attempt"] == 1 for d in deliveries), deliveries


def test_polls_while_shown_and_stops_while_hidden(tmp_path, started):
    emulator = OwnEmulator(tmp_path, [])
    started.append(emulator)
    desk = LiveDesk(["--action", "watch", "--action", "hide", "--action", "pause",
                     "--action", "show", "--action", "watch", MATIAS_ID], tmp_path,
                    {"NEXOR_BASE_URL": emulator.url, "NEXOR_API_KEY": API_KEY,
                     "LEAD_DESK_POLL_INTERVAL": "1"})
    started.append(desk)
    desk.read_until("watching")
    watch = Watch(desk)
    first = watch.until(lambda b: True, "the lead")
    assert value(first, "live-takeover") == "off"
    assert value(first, "live-polling") == "on"

    # Polls that find nothing new leave the history list as it is.
    for _ in range(2):
        block = watch.until(lambda b: True, "a poll")
        assert value(block, "live-history-replaced") == "no", block

    # No webhook: the change shows after a poll.
    cli(emulator, "lead", "takeover", MATIAS_ID)
    block = watch.until(lambda b: value(b, "live-takeover") == "on", "the takeover")
    assert int(value(block, "live-history-items")) == len(emulator.get(f"/leads/{MATIAS_ID}/history?limit=200")["history"])

    # Hidden, the window stops polling: nothing about the lead is asked for
    # over a span of several poll intervals.
    desk.tell("next")
    lines = desk.read_until("waiting")
    assert "window: hidden" in lines and desk.value("polling") == "off", f"the app {desk!r}"
    before = emulator.requests_for(MATIAS_ID)
    cli(emulator, "lead", "resume", MATIAS_ID)  # a change it would otherwise poll for
    after_cli = emulator.requests_for(MATIAS_ID)
    time.sleep(5)  # five poll intervals
    assert emulator.requests_for(MATIAS_ID) == after_cli, "the hidden window polled"
    assert after_cli > before  # the log does count requests: the CLI's

    # Shown again, it polls again and catches up.
    desk.tell("next")
    desk.read_until("watching")
    assert "window: shown" in desk.lines and desk.value("polling") == "on", f"the app {desk!r}"
    watch.until(lambda b: value(b, "live-takeover") == "off", "the hand-back")

    desk.tell("done")
    lines = desk.read_until("ok")
    status, stderr = desk.finish()
    assert lines[-1] == "ok" and status == 0, f"the app {desk!r}"
    assert "WARNING" not in stderr and "CRITICAL" not in stderr, stderr


@pytest.mark.parametrize("env, reason", [
    ({"LEAD_DESK_WEBHOOK_PORT": "99999", "LEAD_DESK_WEBHOOK_SECRET": SECRET}, "LEAD_DESK_WEBHOOK_PORT"),
    ({"LEAD_DESK_WEBHOOK_PORT": "8"}, "LEAD_DESK_WEBHOOK_SECRET is not set"),
])
def test_a_bad_webhook_setting_is_told_and_the_desk_polls(tmp_path, started, env, reason):
    emulator = OwnEmulator(tmp_path, [])
    started.append(emulator)
    desk = LiveDesk(["--action", "watch", MATIAS_ID], tmp_path,
                    dict(env, NEXOR_BASE_URL=emulator.url, NEXOR_API_KEY=API_KEY,
                         LEAD_DESK_POLL_INTERVAL="1"))
    started.append(desk)
    desk.read_until("watching")
    watch = Watch(desk)
    assert value(watch.until(lambda b: True, "the lead"), "live-polling") == "on"
    desk.tell("done")
    lines = desk.read_until("ok")
    status, stderr = desk.finish()
    assert lines[-1] == "ok" and status == 0, f"the app {desk!r}"
    assert "Webhooks are not received: " in stderr and reason in stderr, stderr
    assert SECRET not in stderr
    assert "WARNING" not in stderr and "CRITICAL" not in stderr, stderr
