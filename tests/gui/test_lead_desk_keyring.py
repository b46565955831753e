# The Lead Desk's API key in a real Secret Service: a private D-Bus session
# bus with a gnome-keyring-daemon of the test's own, unlocked with a password
# it is given, in a home and XDG directories of the test's own. The app runs
# without NEXOR_API_KEY, so the key comes from the keyring or the connection
# dialog, which the self-test answers with $LEAD_DESK_SELF_TEST_KEY.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import select
import shutil
import subprocess
import tempfile
import time

import pytest

from conftest import SEED_LEAD_ID
from test_lead_desk import Desk, LEAD_DESK

KEYRING_DAEMON = shutil.which("gnome-keyring-daemon")
DBUS_DAEMON = shutil.which("dbus-daemon")
SECRET_TOOL = shutil.which("secret-tool")
GDBUS = shutil.which("gdbus")

pytestmark = pytest.mark.skipif(
    not (KEYRING_DAEMON and DBUS_DAEMON and SECRET_TOOL and GDBUS),
    reason="needs gnome-keyring-daemon (gnome-keyring), dbus-daemon, secret-tool "
           "(libsecret-tools) and gdbus (libglib2.0-bin)")

# Generous: the machine may be busy; every wait polls for what it waits for.
DEADLINE_S = 60

# Only services the test starts itself: no prompter can be activated, so a
# locked keyring answers at once instead of waiting for a password dialog.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={runtime}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def read_line(stream, what, timeout=DEADLINE_S):
    deadline = time.monotonic() + timeout
    data = b""
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([stream], [], [], max(0, remaining))
        chunk = os.read(stream.fileno(), 1) if ready else b""
        if not chunk:
            pytest.fail(f"{what}: nothing in {timeout} s")
        data += chunk
    return data.decode().strip()


class Session:
    """A D-Bus session of the test's own, and optionally a keyring on it."""

    def __init__(self, tmp_path, emulator):
        # Sockets live here: a short path, far from the 108-byte limit.
        self.runtime = tempfile.mkdtemp(prefix="nxk-")
        os.chmod(self.runtime, 0o700)
        self.tmp_path = tmp_path
        self.home = tmp_path / "home"
        self.dirs = {
            "HOME": self.home,
            "XDG_CONFIG_HOME": self.home / "config",
            "XDG_DATA_HOME": self.home / "data",
            "XDG_CACHE_HOME": self.home / "cache",
            "XDG_STATE_HOME": self.home / "state",
        }
        for path in self.dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        services = tmp_path / "no-services"
        services.mkdir()
        config = tmp_path / "bus.conf"
        config.write_text(BUS_CONFIG.format(runtime=self.runtime, services=services))
        self.bus = subprocess.Popen([DBUS_DAEMON, "--nofork", "--print-address=1",
                                     "--config-file=" + str(config)],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL)
        self.address = read_line(self.bus.stdout, "dbus-daemon's address")
        self.keyring = None
        self.env = dict(os.environ)
        # Empty is unset for the app, and overrides the key of the test's own
        # environment when Desk merges this into it.
        self.env["NEXOR_API_KEY"] = ""
        self.env.update({name: str(path) for name, path in self.dirs.items()})
        self.env.update({
            "DBUS_SESSION_BUS_ADDRESS": self.address,
            "XDG_RUNTIME_DIR": self.runtime,
            "NEXOR_BASE_URL": emulator.url,
        })
        self.server = emulator.url

    def run(self, *args, check=True, input=None):
        return subprocess.run(args, env=self.env, input=input, capture_output=True,
                              timeout=DEADLINE_S, check=check)

    def start_keyring(self, password=b"nexor test password"):
        self.keyring_log = open(self.tmp_path / "keyring.log", "wb")
        self.keyring = subprocess.Popen([KEYRING_DAEMON, "--foreground", "--unlock",
                                         "--components=secrets"],
                                        env=self.env, stdin=subprocess.PIPE,
                                        stdout=self.keyring_log, stderr=self.keyring_log)
        # --unlock reads the password up to the end of standard input.
        self.keyring.stdin.write(password)
        self.keyring.stdin.close()
        deadline = time.monotonic() + DEADLINE_S
        while self.default_collection() is None:
            if self.keyring.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gnome-keyring-daemon did not serve a default collection: "
                            + (self.tmp_path / "keyring.log").read_text(errors="replace"))
            time.sleep(0.1)

    def default_collection(self):
        r = self.run(GDBUS, "call", "--session", "--dest", "org.freedesktop.secrets",
                     "--object-path", "/org/freedesktop/secrets",
                     "--method", "org.freedesktop.Secret.Service.ReadAlias", "default",
                     check=False)
        path = r.stdout.decode().strip()   # (objectpath '/org/…/login',)
        if r.returncode != 0 or "'/'" in path or "'" not in path:
            return None
        return path.split("'")[1]

    def lock(self):
        self.run(GDBUS, "call", "--session", "--dest", "org.freedesktop.secrets",
                 "--object-path", "/org/freedesktop/secrets",
                 "--method", "org.freedesktop.Secret.Service.Lock",
                 "['%s']" % self.default_collection())

    def stored_key(self):
        """The key the keyring holds for the emulator's URL, None if none."""
        r = self.run(SECRET_TOOL, "lookup", "server", self.server, check=False)
        return r.stdout.decode() if r.returncode == 0 and r.stdout else None

    def files_containing(self, secret):
        found = []
        for top in [self.home, self.runtime]:
            for root, _, files in os.walk(top):
                for name in files:
                    path = os.path.join(root, name)
                    try:
                        with open(path, "rb") as f:
                            if secret.encode() in f.read():
                                found.append(path)
                    except OSError:
                        pass   # sockets
        return found

    def close(self):
        if self.keyring is not None:
            self.keyring.terminate()
            try:
                self.keyring.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.keyring.kill()
                self.keyring.wait()
            self.keyring_log.close()
        self.bus.terminate()
        try:
            self.bus.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.bus.kill()
            self.bus.wait()
        shutil.rmtree(self.runtime, ignore_errors=True)


@pytest.fixture
def session(tmp_path, emulator):
    s = Session(tmp_path, emulator)
    yield s
    s.close()


def open_lead(session, desk_tmp, key=None):
    """Runs the app until the seed lead is shown; returns its printout."""
    env = dict(session.env)
    if key is not None:
        env["LEAD_DESK_SELF_TEST_KEY"] = key
    desk = Desk(["--only-open", SEED_LEAD_ID], desk_tmp, env)
    try:
        lines = desk.read_until("ok", timeout=DEADLINE_S)
        status, stderr = desk.finish()
        assert lines and lines[-1] == "ok", f"the app {desk!r}"
        assert status == 0, stderr
        assert "CRITICAL" not in stderr and "WARNING" not in stderr, stderr
    finally:
        if desk.proc.poll() is None:
            desk.proc.kill()
            desk.proc.wait()
        desk.stderr_file.close()
    return desk


def desk_dir(session, name):
    path = session.tmp_path / name
    path.mkdir()
    return path


def test_first_run_keeps_the_key_in_the_keyring_and_the_next_reads_it(session, emulator):
    assert os.access(LEAD_DESK, os.X_OK), f"NEXOR_LEAD_DESK={LEAD_DESK!r} is not a program"
    key = emulator.api_key
    session.start_keyring()
    assert session.stored_key() is None

    # First run: nothing stored, so the app asks; the key goes to the keyring.
    first = open_lead(session, desk_dir(session, "first"), key)
    assert first.values("connection-dialog") == ["shown"]
    assert first.value("key-save-error") == "none"
    assert first.value("page") == "lead"
    assert session.stored_key() == key

    # Next start: read from the keyring, nothing asked (the self-test fails
    # if the dialog appears without a key to type).
    second = open_lead(session, desk_dir(session, "second"))
    assert second.values("connection-dialog") == []
    assert second.value("page") == "lead"

    assert session.files_containing(key) == []


def test_a_locked_keyring_falls_back_to_asking(session, emulator):
    key = emulator.api_key
    session.start_keyring()
    session.run(SECRET_TOOL, "store", "--label", "Nexor API key", "server", session.server,
                input=key.encode())
    assert session.stored_key() == key
    session.lock()
    assert session.stored_key() is None

    desk = open_lead(session, desk_dir(session, "locked"), key)
    assert desk.values("connection-dialog") == ["shown"]
    assert desk.value("page") == "lead"
    # The keyring refused the key (it is locked): it is not kept anywhere else.
    assert desk.value("key-save-error") != "none"
    assert session.files_containing(key) == []


def test_no_secret_service_falls_back_to_asking(session, emulator):
    key = emulator.api_key
    # The bus has no org.freedesktop.secrets at all.
    desk = open_lead(session, desk_dir(session, "absent"), key)
    assert desk.values("connection-dialog") == ["shown"]
    assert desk.value("page") == "lead"
    assert desk.value("key-save-error") != "none"
    assert session.files_containing(key) == []
