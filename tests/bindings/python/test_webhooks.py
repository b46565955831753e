# Webhooks from Python: signatures checked against Python's own hmac, every
# documented payload read typed, and a NexorWebhookReceiver fed by a sender
# thread while the GLib main loop runs.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import hashlib
import hmac
import json
import os
import threading
import urllib.error
import urllib.request

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import GLib, Nexor  # noqa: E402

SECRET = "whsec_python_test"
DATA_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "data")


def python_signature(body, secret=SECRET):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def fixture(name):
    with open(os.path.join(DATA_DIR, name), "rb") as f:
        return f.read()


BODIES = [
    b"",
    b'{"event_type":"meeting.scheduled","event_id":"e1"}',
    "{\"title\":\"Reunión\"}\n".encode(),
    bytes(range(256)),
    fixture("webhook-meeting-scheduled.json"),
]


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("secret", [SECRET, "k", "ñandú secret"])
def test_verify_against_python_hmac(body, secret):
    hex_digest = python_signature(body, secret)
    assert Nexor.webhook_compute_signature(
        Nexor.WebhookSignatureScheme.HMAC_SHA256_HEX, body, secret) == hex_digest
    for header in (hex_digest, hex_digest.upper(), "sha256=" + hex_digest, "SHA256=" + hex_digest.upper()):
        assert Nexor.webhook_verify_signature(body, header, secret)
        assert Nexor.webhook_verify_signature(GLib.Bytes.new(body), header, secret)


def test_verify_refusals():
    body = fixture("webhook-status-changed.json")
    good = python_signature(body)
    with pytest.raises(Nexor.SignatureMismatchError):
        Nexor.webhook_verify_signature(body.replace(b"contacted", b"qualified"), good, SECRET)
    with pytest.raises(Nexor.SignatureMismatchError):
        Nexor.webhook_verify_signature(body, python_signature(body, "other"), SECRET)
    flipped = ("0" if good[-1] != "0" else "1")
    with pytest.raises(Nexor.SignatureMismatchError):
        Nexor.webhook_verify_signature(body, good[:-1] + flipped, SECRET)
    with pytest.raises(Nexor.SignatureMissingError):
        Nexor.webhook_verify_signature(body, None, SECRET)
    with pytest.raises(Nexor.SignatureMalformedError):
        Nexor.webhook_verify_signature(body, "sha1=" + good, SECRET)
    with pytest.raises(Nexor.SignatureMalformedError):
        Nexor.webhook_verify_signature(body, good[:-2], SECRET)
    # All of them are Nexor errors, and the secret is in none.
    try:
        Nexor.webhook_verify_signature(body, good, "s3cr3t-0ther")
    except Nexor.NexorError as e:
        assert "s3cr3t-0ther" not in e.message
        assert e.code == Nexor.Error.SIGNATURE_MISMATCH


@pytest.mark.parametrize("event_type,kind", [
    ("meeting.scheduled", Nexor.WebhookEventType.MEETING_SCHEDULED),
    ("meeting.confirmed", Nexor.WebhookEventType.MEETING_CONFIRMED),
    ("meeting.cancelled", Nexor.WebhookEventType.MEETING_CANCELLED),
    ("meeting.completed", Nexor.WebhookEventType.MEETING_COMPLETED),
    ("meeting.no_show", Nexor.WebhookEventType.MEETING_NO_SHOW),
])
def test_meeting_events(event_type, kind):
    body = fixture("webhook-meeting-scheduled.json").replace(
        b'"meeting.scheduled"', json.dumps(event_type).encode())
    event = Nexor.WebhookEvent.new_from_bytes(body)
    assert event.props.event_type == kind
    assert event.props.event_type_string == event_type
    assert event.props.event_id == "550e8400-e29b-41d4-a716-446655440000"
    assert event.props.timestamp.get_microsecond() == 123000
    assert event.props.test is False
    assert event.get_status_change_data() is None
    data = event.get_meeting_data()
    assert data.props.meeting.props.attendee_phone == "56994357854"
    assert data.props.meeting.props.source == "ai_agent"
    assert data.props.lead.props.first_name == "Tony"
    assert data.props.host.props.last_name == "Stark"
    assert data.props.meeting_type.props.name == "Discovery Call"
    assert data.props.workflow.props.name == "Agendamiento"
    assert event.dup_json()["data"]["meeting"]["title"] == "Meeting with Tony Stark"
    assert bytes(event.get_body().get_data()) == body
    assert "event_type=" in repr(event)


def test_status_changed():
    event = Nexor.WebhookEvent.new_from_bytes(fixture("webhook-status-changed.json"))
    assert event.props.event_type == Nexor.WebhookEventType.WORKFLOW_RUN_STATUS_CHANGED
    assert event.props.test is True
    change = event.props.status_change_data
    assert change.props.from_status.props.key == "new"
    assert change.props.to_status.props.label == "Contacted"
    assert change.props.to_status.props.id is None
    assert change.props.trigger_type == "agent"
    assert change.props.actor_type == "system"
    assert change.props.lead.dup_metadata() == {"edad": 35, "broker_asociado": "Ana"}
    assert change.props.workflow_run.props.id == "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"


def test_unknown_event_kept():
    event = Nexor.WebhookEvent.new_from_bytes(fixture("webhook-unknown.json"))
    assert event.props.event_type == Nexor.WebhookEventType.UNKNOWN
    assert event.props.event_type_string == "outreach.failed"
    assert event.dup_data() == {"channel": "whatsapp", "reason": "template rejected", "attempt": 3}
    assert event.dup_json()["api_version"] == "2026-06"
    assert event.get_meeting_data() is None and event.get_status_change_data() is None


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b"{}", b'{"event_id":"e"}',
                                  b'{"event_type":"x","event_id":7}'])
def test_not_an_event(body):
    with pytest.raises(Nexor.InvalidEventError):
        Nexor.WebhookEvent.new_from_bytes(body)


def test_receiver():
    receiver = Nexor.WebhookReceiver.new(SECRET)
    receiver.props.max_body_size = 2048
    received = []
    refused = []
    receiver.connect("event-received", lambda r, event, headers: received.append(
        (event.props.event_id, headers.get_one("X-Nexor-Signature"))))
    receiver.connect("delivery-refused", lambda r, status, error: refused.append((status, error.code)))
    # stop() does not hide GObject's disconnect(handler_id).
    unused = receiver.connect("event-received", lambda *args: pytest.fail("disconnected"))
    receiver.disconnect(unused)
    receiver.listen(None, 0)
    url = receiver.dup_url()
    assert receiver.props.port > 0 and url.endswith(":%d/" % receiver.props.port)

    body = fixture("webhook-status-changed.json")
    signature = "sha256=" + python_signature(body)
    deliveries = [
        (body, signature),                            # 200, handed over
        (body, signature.upper().replace("SHA256=", "sha256=")),  # a retry: 200, not again
        (body, None),                                 # 401
        (body + b" ", signature),                     # 401, tampered
        (b"not json", python_signature(b"not json")),  # 400
        (b" " * 4096, python_signature(b" " * 4096)),  # 413
    ]
    statuses = []

    def send():
        for data, header in deliveries:
            request = urllib.request.Request(url, data=data, method="POST",
                                             headers={"Content-Type": "application/json"})
            if header is not None:
                request.add_header("X-Nexor-Signature", header)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as e:
                statuses.append(e.code)
        GLib.idle_add(loop.quit)

    loop = GLib.MainLoop()
    sender = threading.Thread(target=send)
    sender.start()
    loop.run()
    sender.join()
    receiver.stop()

    assert statuses == [200, 200, 401, 401, 400, 413]
    assert received == [("e3b0c442-98fc-4c14-9afb-f4c8996fb924", signature)]
    assert [status for status, _ in refused] == [401, 401, 400, 413]
    assert refused[0][1] == Nexor.Error.SIGNATURE_MISSING
    assert refused[1][1] == Nexor.Error.SIGNATURE_MISMATCH
    assert refused[2][1] == Nexor.Error.INVALID_EVENT
    # The secret cannot be read back.
    assert not Nexor.WebhookReceiver.find_property("secret").flags & 1


@pytest.fixture(scope="module")
def webhook_emulator():
    """An emulator of this module's own, so that no other test's changes are
    delivered to a receiver that is gone (retries 1,000 times faster)."""
    from conftest import _run_emulator
    yield from _run_emulator("--webhook-retry-scale", "0.001")


def test_emulator_deliveries(webhook_emulator):
    """The emulator's signed deliveries, received and typed: a status set
    through the client, a human takeover and a retry of neither."""
    from conftest import DEMO_API_KEY, client_for

    receiver = Nexor.WebhookReceiver.new(SECRET)
    events = []
    refused = []
    receiver.connect("event-received", lambda r, event, headers: events.append(event))
    receiver.connect("delivery-refused", lambda r, status, error: refused.append(error.message))
    receiver.listen(None, 0)
    admin = webhook_emulator[:-len("/api/public")] + "/_emulator/webhooks"
    request = urllib.request.Request(admin, method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"url": receiver.dup_url(), "secret": SECRET}).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 201

    client = client_for(webhook_emulator, DEMO_API_KEY)
    lead_id = "123e4567-e89b-12d3-a456-426614174000"
    client.set_lead_status(lead_id, "qualified", "budget ok", None, None)
    client.stop_lead_automation(lead_id, None, None)

    context = GLib.MainContext.default()
    deadline = GLib.get_monotonic_time() + 30 * 1000000
    timeout = GLib.timeout_add(50, lambda: True)
    while len(events) < 2 and GLib.get_monotonic_time() < deadline:
        context.iteration(True)
    GLib.source_remove(timeout)
    receiver.stop()

    assert refused == []
    assert len(events) == 2
    by_trigger = {e.get_status_change_data().props.trigger_type: e for e in events}
    status_set = by_trigger["status_set"].get_status_change_data()
    assert status_set.props.from_status.props.key == "contacted"
    assert status_set.props.to_status.props.key == "qualified"
    assert status_set.props.reason == "budget ok"
    assert status_set.props.actor_type == "api"
    takeover = by_trigger["automation_stopped"]
    assert takeover.get_lead().props.id == lead_id
    assert takeover.get_status_change_data().props.workflow_run.props.human_takeover is True
    assert len({e.props.event_id for e in events}) == 2
    assert all(e.props.timestamp is not None and e.props.delivery_id for e in events)
