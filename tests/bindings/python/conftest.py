# Fixtures for the PyGObject tests: a nexor-emulator of their own, over
# http and over https (`--tls`).
#
# A test that takes `client` gets a client of the http emulator; mark it
# with @over_http_and_https to run it against both, the https client trusting
# the emulator's certificate through NexorClient:tls-database.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import ctypes
import os
import select
import signal
import subprocess
import threading
import time

import tempfile

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import Gio, Nexor  # noqa: E402

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


def _run_emulator(*extra):
    """Starts `nexor-emulator --port 0 EXTRA…`, yields its base URL, stops it."""
    path = os.environ.get("NEXOR_EMULATOR")
    if not path:
        pytest.fail("NEXOR_EMULATOR must point at the nexor-emulator binary")

    proc = subprocess.Popen(
        [path, "--port", "0", *extra],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        bufsize=0,
        preexec_fn=_die_with_parent,
    )
    try:
        url = _read_first_line(proc, timeout=30)
        scheme = "https" if "--tls" in extra else "http"
        assert url.startswith(scheme + "://127.0.0.1:"), url
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
    """The base URL of a plain-http emulator."""
    yield from _run_emulator()


@pytest.fixture(scope="session")
def tls_emulator():
    """(base URL, CA file) of an emulator serving https with a certificate
    made at start, written to the CA file."""
    with tempfile.TemporaryDirectory() as tmp:
        ca_file = os.path.join(tmp, "ca.pem")
        for url in _run_emulator("--tls", "--tls-ca-out", ca_file):
            yield url, ca_file


def client_for(url, api_key, ca_file=None):
    """A client of @url; with @ca_file, trusting only the certificates in it."""
    if ca_file is None:
        return Nexor.Client.new_for_url(url, api_key)
    return Nexor.Client(base_url=url, api_key=api_key,
                        tls_database=Gio.TlsFileDatabase.new(ca_file))


@pytest.fixture(scope="session")
def faults_emulator_url():
    """A plain-http emulator with `--faults`: POST /_emulator/faults queues faults."""
    yield from _run_emulator("--faults")


over_http_and_https = pytest.mark.parametrize("transport", ["http", "https"], indirect=True)


@pytest.fixture
def transport(request):
    """"http" unless the test is marked @over_http_and_https."""
    return getattr(request, "param", "http")


@pytest.fixture
def server(request, transport):
    """(base URL, CA file or None) of the emulator for this test's transport."""
    if transport == "https":
        return request.getfixturevalue("tls_emulator")
    return request.getfixturevalue("emulator_url"), None


@pytest.fixture
def client(server):
    return client_for(server[0], DEMO_API_KEY, server[1])
