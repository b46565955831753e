# The GUI tests' display and the emulator they talk to.
#
# The display is an Xvfb server of this test process's own, started before
# any test module imports GTK (GTK opens the display on import) and stopped
# at the end. The emulator is the one scripts/with-emulator.sh started: its
# URL and key are in NEXOR_BASE_URL and NEXOR_API_KEY.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import select
import subprocess
import time
import urllib.request

import pytest

SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"

_xvfb = None


def pytest_configure(config):
    global _xvfb
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display number itself and writes it, so
    # tests running in parallel never race for one.
    _xvfb = subprocess.Popen(
        [os.environ.get("XVFB", "Xvfb"), "-displayfd", str(write_fd), "-screen", "0",
         "1280x900x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    os.close(write_fd)
    # Xvfb writes the number and the newline separately, and dies if the
    # pipe is closed in between: read up to the newline.
    number = b""
    deadline = time.monotonic() + 30
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_fd], [], [], max(0, deadline - time.monotonic()))
        chunk = os.read(read_fd, 32) if ready else b""
        if not chunk:
            break
        number += chunk
    os.close(read_fd)
    number = number.decode().strip()
    if not number.isdigit():
        _xvfb.kill()
        raise pytest.UsageError("Xvfb did not start (no display number in 30 s)")
    os.environ["DISPLAY"] = ":" + number


def pytest_unconfigure(config):
    if _xvfb is not None:
        _xvfb.terminate()
        _xvfb.wait(timeout=10)


class Emulator:
    """Reads the emulator's state over plain HTTP, independently of nexor-glib."""

    def __init__(self, url, api_key):
        self.url = url
        self.api_key = api_key

    def get(self, path):
        request = urllib.request.Request(self.url + path, headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def lead(self, lead_id):
        body = self.get(f"/leads/{lead_id}")
        return body.get("lead", body), body.get("variables", {})

    def history_length(self, lead_id):
        body = self.get(f"/leads/{lead_id}/history?limit=200")
        return len(body["history"])

    def is_lead_paused(self, lead_id):
        return self.get(f"/leads/{lead_id}/is_paused")["paused"]

    def conversions(self, lead_id):
        """The lead's conversions, newest first (one page: enough for a test)."""
        return self.get(f"/conversions?lead_id={lead_id}&limit=200")["conversion_events"]

    def conversion_type(self, name):
        types = self.get("/conversion-types")["conversion_types"]
        return next(t for t in types if t["name"] == name)


@pytest.fixture(scope="session")
def emulator():
    url = os.environ.get("NEXOR_BASE_URL")
    key = os.environ.get("NEXOR_API_KEY")
    if not url or not key:
        pytest.fail("run under scripts/with-emulator.sh: NEXOR_BASE_URL and NEXOR_API_KEY are unset")
    return Emulator(url, key)


@pytest.fixture(scope="session")
def output_dir():
    path = os.environ.get("NEXOR_GUI_OUTPUT_DIR", ".")
    os.makedirs(path, exist_ok=True)
    return path


def expected_card(emulator, lead_id):
    """What a lead card must show, from the emulator's own answer."""
    lead, variables = emulator.lead(lead_id)
    run = lead.get("active_workflow_run") or {}
    status = run.get("current_status") or {}
    return {
        "name": " ".join(filter(None, [lead.get("first_name"), lead.get("last_name")])),
        "company": lead.get("company"),
        "status": status.get("label") or status.get("key"),
        "category": status.get("category"),
        "variables": {name: (v.get("value_text"), v.get("confidence"))
                      for name, v in variables.items()},
        "human_takeover": bool(run.get("human_takeover")),
    }


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
