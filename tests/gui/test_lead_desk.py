# The Nexor Lead Desk (examples/gtk) in a real window: `--self-test` opens a
# lead, reads back what its widgets show and flips the takeover switch; this
# test compares all of it with the emulator's own state.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import select
import subprocess
import time

import pytest

from conftest import SEED_LEAD_ID, expected_card, png_size

LEAD_DESK = os.environ.get("NEXOR_LEAD_DESK", "")
OTHER_LEAD_ID = "3430cf98-7b04-4d40-8f4d-02428acf28ba"  # in the seed, not in any workflow
MISSING_LEAD_ID = "00000000-0000-4000-8000-000000000000"


class Desk:
    """A running `nexor-lead-desk --self-test`, read line by line."""

    def __init__(self, args, tmp_path, env_overrides=None):
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
        env.update(env_overrides or {})
        # Standard error goes to a file: it never fills a pipe, and it is
        # there to read whenever the app dies.
        self.stderr_path = tmp_path / f"stderr-{len(list(tmp_path.glob('stderr-*')))}.txt"
        self.stderr_file = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen([LEAD_DESK, "--self-test"] + args, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr_file)
        self.lines = []

    def stderr(self):
        self.stderr_file.flush()
        return self.stderr_path.read_text(errors="replace")

    def __repr__(self):
        return f"printed {self.lines}, status {self.proc.poll()}, stderr:\n{self.stderr()}"

    def read_until(self, last, timeout=60):
        """Lines up to and including `last` (or up to the end of output)."""
        deadline = time.monotonic() + timeout
        buffer = b""
        fd = self.proc.stdout.fileno()
        while True:
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
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
                if buffer:
                    self.lines.append(buffer.decode())
                return self.lines
            buffer += chunk

    def values(self, key):
        prefix = key + ": "
        return [line[len(prefix):] for line in self.lines if line.startswith(prefix)]

    def value(self, key):
        found = self.values(key)
        assert found, f"the app printed no '{key}:' line: {self.lines}"
        return found[-1]

    def finish(self, timeout=30):
        try:
            self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            pytest.fail(f"the app did not quit in {timeout} s")
        return self.proc.returncode, self.stderr()


@pytest.fixture
def desk_factory(tmp_path):
    desks = []

    def make(args, env_overrides=None):
        desks.append(Desk(args, tmp_path, env_overrides))
        return desks[-1]

    yield make
    for desk in desks:
        if desk.proc.poll() is None:
            desk.proc.kill()
            desk.proc.wait()
        desk.stderr_file.close()


def test_shows_the_seed_lead_takes_it_over_and_hands_it_back(emulator, desk_factory, output_dir):
    assert os.access(LEAD_DESK, os.X_OK), f"NEXOR_LEAD_DESK={LEAD_DESK!r} is not a program"
    expected = expected_card(emulator, SEED_LEAD_ID)
    assert not expected["human_takeover"], "the seed lead starts taken over; restart the emulator"
    conversions_before = emulator.conversions(SEED_LEAD_ID)
    reserva = emulator.conversion_type("Reserva")
    screenshot = os.path.join(output_dir, "lead-desk.png")
    if os.path.exists(screenshot):
        os.unlink(screenshot)

    # The way in is the search box: the lead is found by its name and opened
    # from the results, as a person at the desk would.
    found = emulator.get("/leads?search=carlos")["leads"]
    desk = desk_factory(["--screenshot", screenshot, "--search", "carlos", SEED_LEAD_ID])
    lines = desk.read_until("waiting")
    assert "waiting" in lines, f"the self-test stopped early: it {desk!r}"

    assert [lead["id"] for lead in found] == [SEED_LEAD_ID]
    assert desk.value("search-results") == "1"
    assert desk.value("search-status") == "1 lead found"
    assert desk.values("search-result") == [
        f"{found[0]['first_name']} {found[0]['last_name']} | "
        f"{found[0]['email']} · {found[0]['phone']} · {found[0]['company']} | {SEED_LEAD_ID}"]

    # What the window showed, read from its widgets, against the emulator.
    assert desk.value("page") == "lead"
    assert desk.value("name") == expected["name"]
    assert expected["company"] in desk.value("subtitle")
    assert desk.value("status") == expected["status"]
    assert desk.value("status-class") == expected["category"]
    shown = {}
    for line in desk.values("variable"):
        name, rest = line.split(" = ", 1)
        value, percent = rest.rsplit(" (", 1)
        shown[name] = (value, percent.rstrip(")"))
    assert shown == {name: (text, f"{round(confidence * 100)} %")
                     for name, (text, confidence) in expected["variables"].items()}
    assert desk.values("takeover")[0] == "off"
    # The timeline shows the first page, and scrolling to its end loads more.
    first_page = int(desk.value("history-items"))
    after_scroll = int(desk.value("history-items-after-scroll"))
    # The takeover below adds entries: the emulator's count can only grow
    # after the window read its first page, so "more" is what the window knew.
    total = emulator.history_length(SEED_LEAD_ID)
    assert 0 < first_page <= total
    if desk.value("history-has-more") == "yes":
        assert first_page < after_scroll <= total, (first_page, after_scroll, total)
    else:
        assert after_scroll == first_page, (first_page, after_scroll, total)

    # The card listed the lead's conversions, recorded one through its form
    # (the type's own fields as rows), and lists it first; the emulator has
    # it, once, with what was typed in each field.
    assert int(desk.value("conversions")) == len(conversions_before)
    assert desk.values("conversion-field") == [f["label"] for f in reserva["fields"]]
    assert int(desk.value("conversions-after-record")) == len(conversions_before) + 1
    assert desk.values("conversions-after-record-row")[0].startswith("Reserva — 85")
    conversions_after = emulator.conversions(SEED_LEAD_ID)
    assert len(conversions_after) == len(conversions_before) + 1
    recorded = conversions_after[0]
    assert recorded["conversion_type_id"] == reserva["id"]
    assert recorded["amount"] == 85000 and recorded["currency"] == reserva["currency"]
    assert recorded["metadata"] == {f["key"]: 2550 if f["type"] == "number" else "Self-test unit"
                                    for f in reserva["fields"]}

    # The switch went on in the window, and the emulator agrees.
    assert desk.values("takeover")[-1] == "on"
    assert desk.value("takeover-result").startswith(("You have the lead", "Already taken over"))
    assert emulator.is_lead_paused(SEED_LEAD_ID) is True
    assert expected_card(emulator, SEED_LEAD_ID)["human_takeover"] is True

    width, height = png_size(screenshot)
    assert width >= 800 and height >= 600, (width, height)

    # Hand it back.
    desk.proc.stdin.write(b"go on\n")
    desk.proc.stdin.flush()
    lines = desk.read_until("ok")
    status, stderr = desk.finish()
    assert lines[-1] == "ok", lines
    assert desk.values("takeover")[-1] == "off"
    assert desk.value("takeover-result").startswith("Handed back to the AI")
    assert status == 0, stderr
    assert emulator.is_lead_paused(SEED_LEAD_ID) is False
    assert expected_card(emulator, SEED_LEAD_ID)["human_takeover"] is False
    # G_DEBUG=fatal-warnings would have aborted the app; nothing else either.
    assert "WARNING" not in stderr and "CRITICAL" not in stderr, stderr


def test_a_refused_key_says_to_check_the_key(desk_factory):
    desk = desk_factory([SEED_LEAD_ID], {"NEXOR_API_KEY": "nxr_live_not_a_valid_key"})
    lines = desk.read_until("ok")
    status, stderr = desk.finish()
    assert status == 1, desk
    failure = [line for line in lines if line.startswith("FAIL:")]
    assert failure and "Could Not Open the Lead" in failure[0], desk
    assert "Check your API key" in failure[0], lines


def test_a_pasted_id_opens_its_lead(emulator, desk_factory):
    """The search box still takes a lead's id: Enter opens it."""
    expected = expected_card(emulator, OTHER_LEAD_ID)
    desk = desk_factory(["--only-open", "--search", OTHER_LEAD_ID, OTHER_LEAD_ID])
    lines = desk.read_until("ok")
    status, stderr = desk.finish()
    assert lines[-1] == "ok", f"the app {desk!r}"
    assert status == 0, stderr
    assert desk.values("search-results") == []   # opened, not searched
    assert desk.value("page") == "lead"
    assert desk.value("name") == expected["name"]


def test_an_unknown_lead_says_so(desk_factory):
    desk = desk_factory([MISSING_LEAD_ID])
    lines = desk.read_until("ok")
    status, _ = desk.finish()
    assert status == 1, desk
    failure = [line for line in lines if line.startswith("FAIL:")]
    assert failure and "Lead Not Found" in failure[0] and "Check the lead id" in failure[0], lines


def test_a_lead_without_workflow_cannot_be_taken_over(emulator, desk_factory):
    expected = expected_card(emulator, OTHER_LEAD_ID)
    desk = desk_factory([OTHER_LEAD_ID])
    lines = desk.read_until("ok")
    status, _ = desk.finish()
    assert desk.value("name") == expected["name"], desk
    assert desk.value("status") == "Not in a workflow"
    assert status == 1 and "takeover switch is disabled" in lines[-1], lines
    # Nothing can be sent either, and the card says why.
    assert desk.value("outreach-send") == "disabled"
    assert desk.value("outreach-note").startswith("The lead is in no workflow"), lines


SPANISH = {"LC_ALL": "es_CL.UTF-8", "LANG": "es_CL.UTF-8", "LANGUAGE": ""}


def test_speaks_spanish_under_es_cl(emulator, desk_factory, output_dir):
    """LANG=es_CL.UTF-8: the app's own labels in Spanish (the es translation,
    which es_CL falls back to), the server's data unchanged, and a screenshot
    of the Spanish window next to the English one."""
    expected = expected_card(emulator, SEED_LEAD_ID)
    assert not expected["human_takeover"], "the seed lead starts taken over; restart the emulator"
    screenshot = os.path.join(output_dir, "lead-desk-es.png")
    if os.path.exists(screenshot):
        os.unlink(screenshot)

    desk = desk_factory(["--screenshot", screenshot, "--search", "LOPEZ", SEED_LEAD_ID], SPANISH)
    lines = desk.read_until("waiting")
    assert "waiting" in lines, f"the self-test stopped early: it {desk!r}"
    assert desk.value("search-status") == "1 lead encontrado"

    # The app's words are Spanish; the lead's own data is what the server sent.
    assert desk.value("window-title") == "Escritorio de Leads Nexor"
    assert desk.value("takeover-title") == "Control humano"
    assert desk.value("name") == expected["name"]
    assert desk.value("status") == expected["status"]
    first_page = int(desk.value("history-items"))
    if desk.value("history-has-more") == "yes":
        assert desk.value("history-count") == f"{first_page} cargados, desplácese para ver más"
    else:
        assert desk.value("history-count") == f"{first_page}"
    assert desk.value("takeover-result").startswith(("Usted tiene el lead", "Ya tenía el control"))
    width, height = png_size(screenshot)
    assert width >= 800 and height >= 600, (width, height)

    desk.proc.stdin.write(b"go on\n")
    desk.proc.stdin.flush()
    lines = desk.read_until("ok")
    status, stderr = desk.finish()
    assert lines[-1] == "ok", lines
    assert desk.value("takeover-result").startswith("Devuelto a la IA")
    assert status == 0, stderr
    assert emulator.is_lead_paused(SEED_LEAD_ID) is False
    assert "WARNING" not in stderr and "CRITICAL" not in stderr, stderr


def test_a_refused_key_is_explained_in_spanish(desk_factory):
    desk = desk_factory([SEED_LEAD_ID], dict(SPANISH, NEXOR_API_KEY="nxr_live_not_a_valid_key"))
    lines = desk.read_until("ok")
    status, _ = desk.finish()
    assert status == 1, desk
    failure = [line for line in lines if line.startswith("FAIL:")]
    assert failure and "No se pudo abrir el lead" in failure[0], desk
    assert "Revise su clave de API" in failure[0], lines
