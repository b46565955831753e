#!/usr/bin/python3
# test-emulator-messages.py: POST /messages and GET /templates of
# nexor-emulator, over HTTP: the history records each sent message once, the
# 24-hour WhatsApp window, a call's statuses, every error changing nothing
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-emulator-conversions.py PATH-TO-nexor-emulator. Prints TAP.

import json
import os
import subprocess
import sys
import tempfile
import traceback
import urllib.error
import urllib.request

DEMO_KEY = "nxr_live_emulator_demo_key"
TIMEOUT = 10

CARLOS = "123e4567-e89b-12d3-a456-426614174000"
MARIANA = "2f552d00-1a7b-471a-81f0-1d52dc1406b3"   # wrote on WhatsApp 2 hours ago: window open
EMILY = "ed798fc4-92d4-4f19-9c90-19426829d6df"     # wrote in February: window closed
VALENTINA = "3430cf98-7b04-4d40-8f4d-02428acf28ba"  # no phone, no email
SALES = "4aca1485-3259-4b0d-a4d0-51cff048729e"
MEETING_TEMPLATE = "36668f64-be99-4f8d-a3a0-ebb4052b1607"   # APPROVED UTILITY, 5 body variables
REENGAGE_TEMPLATE = "8d2b6c1e-5f3a-4e7b-9c0d-1a2b3c4d5e6f"  # APPROVED MARKETING, 2
PENDING_TEMPLATE = "c4e7a9b2-3d1f-4a6e-8b5c-7f0e2d9a1b3c"
UNKNOWN = "00000000-0000-4000-8000-000000000000"

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Emulator:
    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.argv[1], "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.base_url = self.proc.stdout.readline().decode().strip()
        assert self.base_url.startswith("http://127.0.0.1:"), self.base_url

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(TIMEOUT)
        self.proc.stdout.close()
        self.proc.stderr.close()

    def call(self, method, path, body=None, api_key=DEMO_KEY, raw=False):
        data = None
        if body is not None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        if api_key is not None:
            request.add_header("X-API-Key", api_key)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with OPENER.open(request, timeout=TIMEOUT) as response:
                text = response.read()
                return response.status, text.decode() if raw else json.loads(text)
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def history(self, lead_id):
        status, body = self.call("GET", "/leads/%s/history?limit=200" % lead_id)
        assert status == 200, (status, body)
        return body["history"]


def body_params(*texts):
    return [{"type": "body", "parameters": [{"type": "text", "text": t} for t in texts]}]


def test_list_templates_and_filters():
    with Emulator() as emulator:
        status, body = emulator.call("GET", "/templates")
        assert status == 200, body
        assert body["success"] is True
        names = [t["name"] for t in body["templates"]]
        assert names == ["meeting_global_with_name", "follow_up_reengage", "login_code", "welcome_plain"], names
        first = body["templates"][0]
        assert set(first) == {"id", "name", "language", "category", "status", "components", "variables"}
        assert first["variables"][0] == {"name": "nombre", "position": 1, "component": "BODY"}
        assert first["components"][0]["type"] == "BODY"
        assert body["templates"][3]["variables"] is None

        status, body = emulator.call("GET", "/templates?status=APPROVED")
        assert [t["name"] for t in body["templates"]] == ["meeting_global_with_name", "follow_up_reengage"]
        status, body = emulator.call("GET", "/templates?status=APPROVED&category=MARKETING")
        assert [t["name"] for t in body["templates"]] == ["follow_up_reengage"]
        status, body = emulator.call("GET", "/templates?category=AUTHENTICATION")
        assert [t["name"] for t in body["templates"]] == ["login_code"]

        assert emulator.call("GET", "/templates?status=approved") == (
            400, {"error": "Validation error", "message": "status must be APPROVED, PENDING or REJECTED"})
        assert emulator.call("GET", "/templates?category=OTHER") == (
            400, {"error": "Validation error", "message": "category must be MARKETING, UTILITY or AUTHENTICATION"})


def test_whatsapp_text_inside_window():
    with Emulator() as emulator:
        before = emulator.history(MARIANA)
        status, body = emulator.call("POST", "/messages", {"lead_id": MARIANA, "workflow_id": SALES,
                                                           "channel": "whatsapp", "content": "Hola\nMariana"})
        assert status == 200, body
        assert body["success"] is True and body["channel"] == "whatsapp" and body["type"] == "text"
        assert body["provider_message_id"].startswith("wamid.")
        assert body["activity_id"] is None and body["call_id"] is None and body["call_status"] is None
        after = emulator.history(MARIANA)
        assert len(after) == len(before) + 1
        item = after[-1]
        assert item["type"] == "message" and item["channel"] == "whatsapp"
        assert item["direction"] == "outbound" and item["message_type"] == "text"
        assert item["status"] == "sent" and item["content"] == "Hola\nMariana"
        assert item["id"] == body["message_id"]
        assert item["provider_message_id"] == body["provider_message_id"]


def test_whatsapp_window_closed_refuses_text_accepts_template():
    with Emulator() as emulator:
        before = emulator.history(EMILY)
        got = emulator.call("POST", "/messages", {"lead_id": EMILY, "workflow_id": SALES,
                                                  "channel": "whatsapp", "content": "Hi Emily"})
        assert got[0] == 400 and "24-hour" in got[1]["message"], got
        assert emulator.history(EMILY) == before

        status, body = emulator.call("POST", "/messages", {
            "lead_id": EMILY, "workflow_id": SALES, "channel": "whatsapp", "template_id": REENGAGE_TEMPLATE,
            "components": body_params("Emily", "the Premium plan")})
        assert status == 200, body
        assert body["type"] == "template"
        after = emulator.history(EMILY)
        assert len(after) == len(before) + 1
        assert after[-1]["message_type"] == "template"
        assert after[-1]["content"] == ("Hola Emily, ¿sigues interesado en the Premium plan? "
                                        "Responde a este mensaje y te ayudamos.")


def test_inbound_whatsapp_opens_window():
    # Carlos's latest inbound WhatsApp is months old in the seed: closed.
    with Emulator() as emulator:
        got = emulator.call("POST", "/messages", {"lead_id": CARLOS, "workflow_id": SALES,
                                                  "channel": "whatsapp", "content": "Hola"})
        assert got[0] == 400, got
    # The same lead, written to from a state where he wrote an hour ago.
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "state.json")
        with Emulator("--data", data):
            pass
        with open(data) as f:
            state = json.load(f)
        for entry in state["leads"]:
            if entry["lead"]["id"] == EMILY:
                entry["history"].append({"type": "message", "channel": "whatsapp", "direction": "inbound",
                                         "content": "Hello?", "message_type": "text", "timestamp": "now-1h"})
        with open(data, "w") as f:
            json.dump(state, f)
        with Emulator("--data", data) as emulator:
            status, body = emulator.call("POST", "/messages", {"lead_id": EMILY, "workflow_id": SALES,
                                                               "channel": "whatsapp", "content": "Hi Emily"})
            assert status == 200, body


def test_email_text_and_html():
    with Emulator() as emulator:
        before = len(emulator.history(EMILY))
        status, body = emulator.call("POST", "/messages", {"lead_id": EMILY, "workflow_id": SALES,
                                                           "channel": "email", "content": "Plain"})
        assert status == 200, body
        assert body["channel"] == "email" and body["activity_id"] and "type" not in body
        status, body2 = emulator.call("POST", "/messages", {"lead_id": EMILY, "workflow_id": SALES,
                                                            "channel": "email", "html": "<p>Rich</p>",
                                                            "subject": "Your quote"})
        assert status == 200, body2
        history = emulator.history(EMILY)
        assert len(history) == before + 2
        assert history[-2]["subject"] == "Message from your advisor" and history[-2]["content"] == "Plain"
        assert history[-2]["activity_id"] == body["activity_id"]
        assert history[-1]["subject"] == "Your quote" and history[-1]["html"] == "<p>Rich</p>"
        assert history[-1]["channel"] == "email" and history[-1]["status"] == "sent"


def test_call_moves_through_statuses():
    with Emulator() as emulator:
        status, body = emulator.call("POST", "/messages", {"lead_id": EMILY, "workflow_id": SALES,
                                                           "channel": "call", "begin_message": "Hi Emily!"})
        assert status == 200, body
        assert body["channel"] == "call" and body["call_status"] == "registered" and body["call_id"]
        assert body["message_id"] is None
        seen = []
        for _ in range(4):
            item = [h for h in emulator.history(EMILY) if h.get("id") == body["call_id"]]
            assert len(item) == 1
            seen.append(item[0]["call_status"])
        assert seen == ["registered", "ongoing", "ended", "ended"], seen
        assert item[0]["begin_message"] == "Hi Emily!"
        assert item[0]["duration_seconds"] == 60 and item[0]["call_successful"] is True


def test_errors_change_nothing():
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "state.json")
        with Emulator("--data", data) as emulator:
            with open(data, "rb") as f:
                saved = f.read()
            invalid = lambda message: (400, {"error": "Validation error", "message": message})
            not_found = lambda thing: (404, {"error": "Not found",
                                             "message": "%s not found or does not belong to your account" % thing})
            w = {"workflow_id": SALES}
            cases = [
                ('[1]', invalid("The body must be a JSON object")),
                ({"workflow_id": SALES, "channel": "email", "content": "x"}, invalid("lead_id is required")),
                ({"lead_id": EMILY, "channel": "email", "content": "x"}, invalid("workflow_id is required")),
                ({"lead_id": EMILY, **w, "content": "x"}, invalid("channel is required")),
                ({"lead_id": EMILY, **w, "channel": "sms", "content": "x"},
                 invalid("channel must be whatsapp, email or call")),
                ({"lead_id": "x", **w, "channel": "email", "content": "x"}, invalid("lead_id must be a UUID")),
                ({"lead_id": EMILY, **w, "channel": "email", "content": 5},
                 invalid("content must be a string or null, not a number")),
                ({"lead_id": MARIANA, **w, "channel": "whatsapp"},
                 invalid("content is required for a WhatsApp message without template_id")),
                ({"lead_id": EMILY, **w, "channel": "email", "subject": "s"},
                 invalid("content or html is required for an email")),
                ({"lead_id": EMILY, **w, "channel": "email", "content": "x", "template_id": REENGAGE_TEMPLATE},
                 invalid("template_id is only for the whatsapp channel")),
                ({"lead_id": MARIANA, **w, "channel": "whatsapp", "content": "x",
                  "components": body_params("a")}, invalid("components go with template_id")),
                ({"lead_id": EMILY, **w, "channel": "whatsapp", "template_id": REENGAGE_TEMPLATE,
                  "components": {"type": "body"}}, invalid("components must be an array")),
                ({"lead_id": EMILY, **w, "channel": "whatsapp", "template_id": REENGAGE_TEMPLATE,
                  "components": [{"type": "body", "parameters": [{"type": "text"}]}]},
                 invalid('components[0].parameters[0] must be {"type": "text", "text": …}')),
                ({"lead_id": EMILY, **w, "channel": "whatsapp", "template_id": REENGAGE_TEMPLATE,
                  "components": body_params("only one")},
                 invalid("The template's body takes 2 parameters, 1 were given")),
                ({"lead_id": EMILY, **w, "channel": "whatsapp", "template_id": PENDING_TEMPLATE,
                  "components": body_params("1")}, invalid("The template is not approved (status PENDING)")),
                ({"lead_id": VALENTINA, **w, "channel": "whatsapp", "template_id": REENGAGE_TEMPLATE,
                  "components": body_params("a", "b")}, invalid("The lead has no phone number")),
                ({"lead_id": VALENTINA, **w, "channel": "call"}, invalid("The lead has no phone number")),
                ({"lead_id": VALENTINA, **w, "channel": "email", "content": "x"},
                 invalid("The lead has no email address")),
                ({"lead_id": UNKNOWN, **w, "channel": "email", "content": "x"}, not_found("Lead")),
                ({"lead_id": EMILY, "workflow_id": UNKNOWN, "channel": "email", "content": "x"}, not_found("Workflow")),
                ({"lead_id": EMILY, **w, "channel": "whatsapp", "template_id": UNKNOWN}, not_found("Template")),
            ]
            histories = {lead: emulator.history(lead) for lead in (EMILY, MARIANA, VALENTINA)}
            for body, expected in cases:
                got = emulator.call("POST", "/messages", body)
                assert got == expected, (body, got)
            got = emulator.call("POST", "/messages", {"lead_id": EMILY, **w, "channel": "email", "content": "x"},
                                api_key=None)
            assert got[0] == 401, got
            for lead, history in histories.items():
                assert emulator.history(lead) == history, lead
            with open(data, "rb") as f:
                assert f.read() == saved

        # A sent message survives a restart from the data file.
        with Emulator("--data", data) as emulator:
            status, body = emulator.call("POST", "/messages", {"lead_id": EMILY, "workflow_id": SALES,
                                                               "channel": "email", "content": "Kept"})
            assert status == 200, body
        with Emulator("--data", data) as emulator:
            assert emulator.history(EMILY)[-1]["content"] == "Kept"


TESTS = [
    test_list_templates_and_filters,
    test_whatsapp_text_inside_window,
    test_whatsapp_window_closed_refuses_text_accepts_template,
    test_inbound_whatsapp_opens_window,
    test_email_text_and_html,
    test_call_moves_through_statuses,
    test_errors_change_nothing,
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
