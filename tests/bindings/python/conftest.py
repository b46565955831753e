# Fixtures for the PyGObject tests: a nexor-emulator of their own.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import ctypes
import os
import select
import signal
import subprocess
import threading
import time

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import Nexor  # noqa: E402

DEMO_API_KEY = "nxr_live_emulator_demo_key"


def _die_with_parent():
    # If the test process dies without cleaning up, take the emulator along.
    PR_SET_PDEATHSIG = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _read_first_line(proc, timeout):
    fd = proc.stdout.fileno()
    deadline = time.monotonic() + timeout
    line = b""
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("nexor-emulator did not print its URL in time")
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1)
        if not chunk:
            raise RuntimeError(
                "nexor-emulator exited before printing its URL (status %s)" % proc.wait()
            )
        line += chunk
    return line.decode().strip()


def _drain(stream):
    # Keep the pipe from filling up if the emulator prints more.
    for _ in iter(lambda: stream.read(4096), b""):
        pass


def _run_emulator(*args):
    path = os.environ.get("NEXOR_EMULATOR")
    if not path:
        pytest.fail("NEXOR_EMULATOR must point at the nexor-emulator binary")

    proc = subprocess.Popen(
        [path, "--port", "0", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        bufsize=0,
        preexec_fn=_die_with_parent,
    )
    try:
        url = _read_first_line(proc, timeout=30)
        assert url.startswith("http://127.0.0.1:"), url
        assert url.endswith("/api/public"), url
        threading.Thread(target=_drain, args=(proc.stdout,), daemon=True).start()
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def emulator_url():
    """Starts `nexor-emulator --port 0`, yields its base URL, stops it."""
    yield from _run_emulator()


@pytest.fixture(scope="session")
def faults_emulator_url():
    """The same with `--faults`: POST /_emulator/faults queues faults."""
    yield from _run_emulator("--faults")


@pytest.fixture
def client(emulator_url):
    return Nexor.Client.new_for_url(emulator_url, DEMO_API_KEY)
