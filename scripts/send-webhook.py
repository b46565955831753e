#!/usr/bin/python3
"""Sends signed webhook deliveries, as Nexor does, to a local receiver.

    scripts/send-webhook.py [--secret SECRET] [--tamper] URL EVENT...

Each EVENT is `workflow_run.status_changed`, one of the meeting events
(`meeting.scheduled`, `meeting.confirmed`, `meeting.cancelled`,
`meeting.completed`, `meeting.no_show`), or a JSON file with a whole event.
The built-in events are the documented examples (section 6 of the API
notes) about the emulator's seed lead, Carlos Lopez, with fresh ids and the
current time. Each is POSTed with `X-Nexor-Signature: sha256=<hex
HMAC-SHA256 of the body>` keyed with SECRET ($NEXOR_WEBHOOK_SECRET when
--secret is not given); with --tamper the body is changed after signing,
which a receiver must refuse.

Waits up to 30 s for the receiver to accept connections, sends the events in
order, one at a time, and reports each answer on standard error. Exits 0 when
every delivery was answered (whatever the status), 1 otherwise. Only the
Python standard library is used: the signature is computed independently of
nexor-glib.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import argparse
import datetime
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

LEAD = {
    "id": "123e4567-e89b-12d3-a456-426614174000",
    "first_name": "Carlos",
    "last_name": "Lopez",
    "email": "carlos.lopez@starkindustries.com",
    "phone": "+56912345678",
}
WORKFLOW = {"id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "name": "Agendamiento"}
MEETING_EVENTS = ("meeting.scheduled", "meeting.confirmed", "meeting.cancelled",
                  "meeting.completed", "meeting.no_show")


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def envelope(event_type, data):
    return {
        "event_type": event_type,
        "event_id": str(uuid.uuid4()),
        "webhook_id": "0b7e3f52-4c1d-4f4e-9a57-6f3c2b1a9d10",
        "delivery_id": str(uuid.uuid4()),
        "timestamp": now(),
        "client_id": "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
        "test": False,
        "data": data,
    }


def status_changed():
    return envelope("workflow_run.status_changed", {
        "from_status": {"key": "new", "label": "New", "category": "active"},
        "to_status": {"key": "contacted", "label": "Contacted", "category": "active"},
        "trigger_type": "agent",
        "actor_type": "system",
        "lead": dict(LEAD, metadata={"edad": 35, "broker_asociado": "Ana"}),
        "workflow": WORKFLOW,
        "workflow_run": {"id": str(uuid.uuid4())},
    })


def meeting(event_type):
    status = {"meeting.scheduled": "scheduled", "meeting.confirmed": "confirmed",
              "meeting.cancelled": "cancelled", "meeting.completed": "completed",
              "meeting.no_show": "no_show"}[event_type]
    return envelope(event_type, {
        "meeting": {
            "id": str(uuid.uuid4()), "title": "Demo with Carlos Lopez",
            "starts_at": "2026-12-10T14:00:00.000Z", "ends_at": "2026-12-10T14:30:00.000Z",
            "duration_minutes": 30, "timezone": "America/Santiago", "location_type": "video",
            "location_details": None, "meeting_url": "https://meet.google.com/abc-defg-hij",
            "status": status, "source": "ai_agent", "attendee_name": "Carlos Lopez",
            "attendee_email": LEAD["email"], "attendee_phone": "56912345678",
            "confirmed_by_lead": event_type == "meeting.confirmed", "cancelled_at": None,
            "cancellation_reason": None, "outcome_notes": None, "outcome_at": None,
            "no_show_reason": None,
        },
        "lead": dict(LEAD, company="Stark Industries", source="api"),
        "host": {"id": "6a1f7d2e-8b3c-4d5e-9f60-7a8b9c0d1e2f", "first_name": "Antonia",
                 "last_name": "Stark", "email": "antonia@capitaria.com"},
        "meeting_type": {"id": "d4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a", "name": "Discovery Call"},
        "workflow": WORKFLOW,
    })


def event_body(name):
    if name == "workflow_run.status_changed":
        return json.dumps(status_changed()).encode()
    if name in MEETING_EVENTS:
        return json.dumps(meeting(name)).encode()
    with open(name, "rb") as f:
        return f.read()


def deliver(url, body, signature, deadline):
    while True:
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json", "X-Nexor-Signature": signature,
            "User-Agent": "send-webhook.py"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code
        except (ConnectionError, urllib.error.URLError):
            # The receiver may still be starting.
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--secret", default=os.environ.get("NEXOR_WEBHOOK_SECRET"))
    parser.add_argument("--tamper", action="store_true", help="change the body after signing")
    parser.add_argument("url")
    parser.add_argument("events", nargs="+", metavar="EVENT")
    args = parser.parse_args()
    if not args.secret:
        parser.error("no secret: pass --secret or set NEXOR_WEBHOOK_SECRET")

    deadline = time.monotonic() + 30
    for name in args.events:
        body = event_body(name)
        signature = "sha256=" + hmac.new(args.secret.encode(), body, hashlib.sha256).hexdigest()
        if args.tamper:
            body = body.replace(b"Carlos", b"Karl", 1) if b"Carlos" in body else body + b" "
        try:
            status = deliver(args.url, body, signature, deadline)
        except (ConnectionError, urllib.error.URLError) as e:
            print("send-webhook.py: %s: %s" % (args.url, e), file=sys.stderr)
            return 1
        print("send-webhook.py: %s: HTTP %d" % (name, status), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
