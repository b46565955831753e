# The Nexor Lead Desk's actions from the lead card, in a real window
# against the emulator: `--self-test --search NAME --action …` finds the
# lead by name in the search box, then writes a WhatsApp (free text inside
# the 24-hour window, a template outside it), an email, starts the AI call,
# books meetings and marks how they went, each confirmed in its dialog as a
# click does. After each action the app prints the history rows its view
# shows; the test checks each entry there, and in the emulator's own
# history (plain HTTP), exactly once.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import subprocess
import urllib.request
import uuid

import pytest

from conftest import Emulator
from test_lead_desk import Desk  # the same driver as the other window tests

OPEN_WINDOW_LEAD_ID = "2f552d00-1a7b-471a-81f0-1d52dc1406b3"    # Mariana Rojas: wrote 2 h ago
CLOSED_WINDOW_LEAD_ID = "499596e2-f464-458a-ac61-601ac9e73455"  # Diego Fernández: wrote in February


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


def run_actions(desk_factory, search, lead_id, tag, actions):
    args = ["--search", search, "--tag", tag]
    for action in actions:
        args += ["--action", action]
    desk = desk_factory(args + [lead_id])
    lines = desk.read_until("ok", timeout=150)
    status, stderr = desk.finish()
    assert lines[-1] == "ok", f"the app {desk!r}"
    assert status == 0, stderr
    assert "WARNING" not in stderr and "CRITICAL" not in stderr, stderr
    return desk


def after(desk, action):
    """The lines the app printed after `action` was done, up to the next."""
    lines = desk.lines
    start = lines.index(f"action: {action}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("action: ")), len(lines))
    return lines[start:end]


def shown(desk, action):
    return [line[len("history-shown: "):] for line in after(desk, action)
            if line.startswith("history-shown: ")]


def value_after(desk, action, key):
    found = [line[len(key) + 2:] for line in after(desk, action) if line.startswith(key + ": ")]
    assert found, (action, key, desk.lines)
    return found[-1]


def history(emulator, lead_id):
    return emulator.get(f"/leads/{lead_id}/history?limit=200")["history"]


def count(items, **wanted):
    return sum(1 for item in items if all(item.get(k) == v for k, v in wanted.items()))


def once_in_view(desk, action, text):
    rows = [row for row in shown(desk, action) if text in row.split(" | ")]
    assert len(rows) == 1, (text, shown(desk, action))
    return rows[0]


def test_free_text_email_call_and_a_completed_meeting(emulator, desk_factory):
    tag = "T" + uuid.uuid4().hex[:8]
    calls_before = count(history(emulator, OPEN_WINDOW_LEAD_ID), type="call")
    desk = run_actions(desk_factory, "Mariana", OPEN_WINDOW_LEAD_ID, tag,
                       ["whatsapp-text", "email", "call", "book=A", "complete=A"])
    items = history(emulator, OPEN_WINDOW_LEAD_ID)

    # Found by name in the search box.
    assert desk.value("search-status") == "1 lead found"
    assert desk.value("name") == "Mariana Rojas"

    # Inside the window: free text is offered, and goes out once.
    assert desk.values("whatsapp-free-text")[0] == "allowed"
    assert "in the last 24 hours" in desk.values("whatsapp-window")[0]
    text = f"Self-test WhatsApp {tag}"
    assert count(items, type="message", channel="whatsapp", content=text, message_type="text") == 1
    assert once_in_view(desk, "whatsapp-text", text).startswith("WhatsApp message sent")
    assert "dialog: Send this WhatsApp to Mariana Rojas?" in desk.lines

    # The email: its subject and body, once.
    body = f"Hello from the self-test {tag}"
    assert count(items, type="message", channel="email", content=body,
                 subject=f"Self-test email {tag}") == 1
    assert once_in_view(desk, "email", body).startswith("Email message sent")

    # The call with the greeting, once; the view has one call more.
    calls = [item for item in items if item.get("type") == "call"]
    assert len(calls) == calls_before + 1
    assert count(calls, begin_message=f"Self-test call {tag}") == 1
    assert int(value_after(desk, "call", "history-calls")) == calls_before + 1
    assert shown(desk, "call")[-1].startswith("Call, ")
    assert value_after(desk, "call", "action-result").startswith("The AI agent is calling Mariana Rojas")

    # The meeting booked, then completed with notes attached.
    title = f"Self-test meeting {tag} A"
    meetings = emulator.get(f"/leads/{OPEN_WINDOW_LEAD_ID}/meetings")["meetings"]
    assert [m["status"] for m in meetings if m["title"] == title] == ["completed"]
    booked = next(m for m in meetings if m["title"] == title)
    assert booked["outcome_notes"] == f"Outcome {tag} A"
    assert booked["duration_minutes"] == 30
    assert booked.get("external_calendar_provider") in (None, "nexor-lead-desk")
    assert count(items, type="activity", activity_type="meeting_scheduled", title=f"Meeting scheduled: {title}") == 1
    assert once_in_view(desk, "book=A", f"Meeting scheduled: {title}")
    assert f"{title} | scheduled" in [line[len("meeting: "):] for line in after(desk, "book=A")
                                      if line.startswith("meeting: ")]
    assert count(items, type="activity", activity_type="meeting_completed", title=f"Meeting completed: {title}") == 1
    assert count(items, type="activity", activity_type="note_added", title=f"Notes added: {title}") == 1
    assert once_in_view(desk, "complete=A", f"Meeting completed: {title}")
    assert once_in_view(desk, "complete=A", f"Notes added: {title}")
    assert f"{title} | completed" in [line[len("meeting: "):] for line in after(desk, "complete=A")
                                      if line.startswith("meeting: ")]


def test_a_template_outside_the_window_and_meetings_cancelled_and_missed(emulator, desk_factory):
    tag = "T" + uuid.uuid4().hex[:8]
    template = next(t for t in emulator.get("/templates?status=APPROVED")["templates"]
                    if t["name"] == "follow_up_reengage")
    desk = run_actions(desk_factory, "Diego", CLOSED_WINDOW_LEAD_ID, tag,
                       ["whatsapp-template=follow_up_reengage", "book=B", "book=C", "cancel=B", "no-show=C"])
    items = history(emulator, CLOSED_WINDOW_LEAD_ID)

    assert desk.value("name") == "Diego Fernández"
    # Outside the window free text is not offered; only approved templates are.
    assert desk.values("whatsapp-free-text")[0] == "not allowed"
    assert "window is closed" in desk.values("whatsapp-window")[0]
    assert "dialog: Send this WhatsApp template to Diego Fernández?" in desk.lines
    approved = {t["name"] for t in emulator.get("/templates?status=APPROVED")["templates"]}
    assert set(desk.values("template-offered")) == approved
    variables = sorted(template["variables"], key=lambda v: v["position"])
    assert desk.values("template-variable") == [f"{v['name']} ({{{{{v['position']}}}}})" for v in variables]

    body = next(c["text"] for c in template["components"] if c["type"].upper() == "BODY")
    for v in variables:
        body = body.replace("{{%d}}" % v["position"], f"{tag}-{v['name']}")
    assert desk.value("whatsapp-preview") == body
    assert count(items, type="message", channel="whatsapp", content=body, message_type="template",
                 template_id=template["id"]) == 1
    assert once_in_view(desk, "whatsapp-template=follow_up_reengage", body).startswith("WhatsApp message sent")

    meetings = {m["title"]: m for m in emulator.get(f"/leads/{CLOSED_WINDOW_LEAD_ID}/meetings")["meetings"]}
    cancelled = f"Self-test meeting {tag} B"
    missed = f"Self-test meeting {tag} C"
    assert meetings[cancelled]["status"] == "cancelled"
    assert meetings[cancelled]["cancellation_reason"] == f"Reason {tag} B"
    assert meetings[missed]["status"] == "no_show"
    assert meetings[missed]["no_show_reason"] == f"Reason {tag} C"
    for title in (cancelled, missed):
        assert count(items, type="activity", activity_type="meeting_scheduled",
                     title=f"Meeting scheduled: {title}") == 1
    assert count(items, type="activity", activity_type="meeting_cancelled",
                 title=f"Meeting cancelled: {cancelled}") == 1
    assert count(items, type="activity", activity_type="meeting_no_show",
                 title=f"Meeting marked no-show: {missed}") == 1
    assert once_in_view(desk, "cancel=B", f"Meeting cancelled: {cancelled}")
    assert once_in_view(desk, "no-show=C", f"Meeting marked no-show: {missed}")
    listed = [line[len("meeting: "):] for line in after(desk, "no-show=C") if line.startswith("meeting: ")]
    assert f"{cancelled} | cancelled" in listed and f"{missed} | no_show" in listed


@pytest.fixture
def faulty_emulator():
    """An emulator of this test's own that takes queued faults."""
    proc = subprocess.Popen([os.environ["NEXOR_EMULATOR"], "--port", "0", "--faults"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://"), url
        yield Emulator(url, "nxr_live_emulator_demo_key")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def queue_fault(emulator, spec):
    base = emulator.url.split("/api/")[0] if "/api/" in emulator.url else emulator.url.rstrip("/")
    request = urllib.request.Request(base + "/_emulator/faults", method="POST",
                                     data=json.dumps({"faults": [spec]}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.load(response)["pending"] == [spec]


def test_an_unknown_outcome_is_shown_and_nothing_is_sent_twice(faulty_emulator, desk_factory):
    """The connection drops after the server took the WhatsApp: the card says
    it is not known whether it went, sends nothing again, and the history
    shows the one that went. A 503 on the email: not known either, and the
    emulator never got it. The next confirmation warns about the last one."""
    emulator = faulty_emulator
    tag = "T" + uuid.uuid4().hex[:8]
    args = ["--search", "Mariana", "--tag", tag, "--action", "pause", "--action", "whatsapp-text!",
            "--action", "pause", "--action", "email!", OPEN_WINDOW_LEAD_ID]
    desk = desk_factory(args, {"NEXOR_BASE_URL": emulator.url, "NEXOR_API_KEY": emulator.api_key})

    assert desk.read_until("waiting")[-1] == "waiting", f"the app {desk!r}"
    queue_fault(emulator, "reset")
    desk.proc.stdin.write(b"go on\n")
    desk.proc.stdin.flush()
    assert desk.read_until("waiting")[-1] == "waiting", f"the app {desk!r}"
    queue_fault(emulator, "status=503")
    desk.proc.stdin.write(b"go on\n")
    desk.proc.stdin.flush()
    lines = desk.read_until("ok", timeout=120)
    status, stderr = desk.finish()
    assert lines[-1] == "ok", f"the app {desk!r}"
    assert status == 0, stderr
    assert "WARNING" not in stderr and "CRITICAL" not in stderr, stderr

    items = history(emulator, OPEN_WINDOW_LEAD_ID)
    text = f"Self-test WhatsApp {tag}"
    # Taken once by the server, never sent again by the app.
    assert count(items, type="message", channel="whatsapp", content=text) == 1
    result = value_after(desk, "whatsapp-text!", "action-result")
    assert result.startswith("It is not known whether this reached Mariana Rojas"), result
    assert once_in_view(desk, "whatsapp-text!", text).startswith("WhatsApp message sent")

    # The 503 came before the server took it: nothing, and nothing again.
    assert count(items, type="message", channel="email") == 0
    result = value_after(desk, "email!", "action-result")
    assert result.startswith("It is not known whether this reached Mariana Rojas"), result
    assert any("may have gone out" in line for line in desk.values("dialog-body")), desk.lines


def test_a_long_history_shows_the_new_entry_at_its_end(emulator, desk_factory):
    """The example lead's history is longer than a page, oldest first: after
    the action the card loads it all and scrolls to the new entry. (A
    meeting: the example lead's workflow id is the docs' placeholder "uuid",
    from which no message can be sent.)"""
    lead_id = "123e4567-e89b-12d3-a456-426614174000"
    before = len(history(emulator, lead_id))
    assert before > 50, "the seed lead's history fits in one page; this test needs more"
    tag = "T" + uuid.uuid4().hex[:8]
    desk = run_actions(desk_factory, "Carlos", lead_id, tag, ["book=L"])

    assert int(value_after(desk, "book=L", "history-items")) == before + 1
    newest = f"Meeting scheduled: Self-test meeting {tag} L"
    assert count(history(emulator, lead_id), title=newest) == 1
    rows = shown(desk, "book=L")
    assert len(rows) < before, "the view shows every row: it does not scroll"
    assert once_in_view(desk, "book=L", newest) == rows[-1]


def test_the_actions_speak_spanish(emulator, desk_factory):
    """Under es_CL the forms, the dialogs and the results are Spanish; the
    template's text is the server's."""
    tag = "T" + uuid.uuid4().hex[:8]
    args = ["--search", "Diego", "--tag", tag, "--action", "whatsapp-template=follow_up_reengage",
            CLOSED_WINDOW_LEAD_ID]
    desk = desk_factory(args, {"LC_ALL": "es_CL.UTF-8", "LANG": "es_CL.UTF-8", "LANGUAGE": ""})
    lines = desk.read_until("ok", timeout=150)
    status, stderr = desk.finish()
    assert lines[-1] == "ok", f"the app {desk!r}"
    assert status == 0, stderr

    assert desk.value("whatsapp-window").startswith("La ventana de 24 horas está cerrada")
    assert desk.value("template-variable") == "producto ({{2}})"
    assert "dialog: ¿Enviar esta plantilla de WhatsApp a Diego Fernández?" in lines
    assert desk.value("action-result") == "WhatsApp enviado a Diego Fernández"
    assert once_in_view(desk, "whatsapp-template=follow_up_reengage",
                        f"Hola {tag}-nombre, ¿sigues interesado en {tag}-producto? "
                        "Responde a este mensaje y te ayudamos.")
