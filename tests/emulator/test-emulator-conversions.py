#!/usr/bin/python3
# test-emulator-conversions.py: POST /conversions, GET /conversions and
# GET /conversion-types of nexor-emulator, over HTTP
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
MATIAS = "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"
MATIAS_RUN = "2e9bc435-2424-4094-9896-dce65030b3bb"
MARIANA_RUN = "b87f6ead-b76e-4547-98d8-15e810415cec"
DIEGO = "499596e2-f464-458a-ac61-601ac9e73455"
RESERVA = "123e4567-e89b-12d3-a456-426614174100"
DEMO_BOOKED = "5b0e7c1a-3f2d-4e8b-9a6c-1d2e3f4a5b60"
CLOSED_WON = "8e4f2a6b-7c1d-4b3e-a5f9-0c2d4e6f8a10"
RETIRED = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e60"
MORTGAGE = "dc4e5c57-2185-4ce5-a9cb-84e5cbe5da02"
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

    def all_conversions(self):
        status, body = self.call("GET", "/conversions?limit=200")
        assert status == 200, (status, body)
        return body


def test_conversion_types():
    with Emulator() as emulator:
        status, body = emulator.call("GET", "/conversion-types")
        assert status == 200, status
        assert body["success"] is True
        names = [t["name"] for t in body["conversion_types"]]
        # Active types only: the retired Escritura is left out.
        assert names == ["Reserva", "Demo Booked", "Closed Won"], names
        reserva = body["conversion_types"][0]
        assert reserva == {
            "id": RESERVA, "name": "Reserva", "description": "Initial reservation deposit",
            "category": "intermediary", "currency": "USD",
            "fields": [{"key": "property_unit", "label": "Property / Unit", "type": "text"},
                       {"key": "broker", "label": "Broker", "type": "text"},
                       {"key": "commission", "label": "Commission", "type": "number"}],
            "workflow_id": MORTGAGE, "master_workflow_id": None,
            "created_at": "2026-01-10T08:00:00Z"}, reserva
        # Every type's workflow is a seeded workflow.
        for t in body["conversion_types"]:
            assert t["workflow_id"] in (MORTGAGE, "c3c0efb2-99dc-4f2f-bb33-ea2894911065",
                                        "4aca1485-3259-4b0d-a4d0-51cff048729e"), t


def test_list_seed_newest_first():
    with Emulator() as emulator:
        body = emulator.all_conversions()
        assert body["success"] is True
        assert body["total"] == 4, body["total"]
        times = [c["converted_at"] for c in body["conversion_events"]]
        assert times == sorted(times, reverse=True), times
        first = body["conversion_events"][1]
        assert first["id"] == "6d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f40"
        matias = [c for c in body["conversion_events"] if c["conversion_type_id"] == RESERVA][0]
        assert matias["amount"] == 85000 and matias["currency"] == "USD"
        assert matias["metadata"] == {"property_unit": "Apt 302", "broker": "Andrea Soto", "commission": 2550}
        # The embedded type is one object despite its plural name; the list
        # carries its category.
        assert matias["conversion_types"]["name"] == "Reserva"
        assert matias["conversion_types"]["category"] == "intermediary"
        assert len(matias["conversion_types"]["fields"]) == 3
        assert list(matias) == ["id", "conversion_type_id", "lead_id", "workflow_id",
                                "master_workflow_id", "workflow_run_id", "amount", "currency",
                                "metadata", "notes", "converted_at", "created_at",
                                "conversion_types"], list(matias)


def test_filters_and_paging():
    with Emulator() as emulator:
        def ids(query):
            status, body = emulator.call("GET", "/conversions?" + query)
            assert status == 200, (query, status, body)
            return body["total"], [c["id"] for c in body["conversion_events"]]

        total, found = ids("lead_id=" + MATIAS)
        assert total == 2 and len(found) == 2, found
        assert ids("lead_id=" + MATIAS.upper())[0] == 2
        assert ids("workflow_id=" + MORTGAGE)[0] == 2
        assert ids("workflow_run_id=" + MATIAS_RUN)[0] == 1
        assert ids("workflow_run_id=" + MARIANA_RUN)[1] == ["6d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f40"]
        assert ids("conversion_type_id=" + CLOSED_WON)[1] == ["9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c60"]
        # The retired type's events are still listed.
        assert ids("conversion_type_id=" + RETIRED)[0] == 1
        assert ids("master_workflow_id=" + UNKNOWN) == (0, [])
        assert ids("lead_id=%s&conversion_type_id=%s" % (MATIAS, RESERVA))[0] == 1
        assert ids("lead_id=" + UNKNOWN) == (0, [])

        # Pages of the whole list: the total stays the count of all matches.
        everything = ids("limit=200")[1]
        pages = []
        for offset in range(0, 5, 2):
            total, page = ids("limit=2&offset=%d" % offset)
            assert total == 4, total
            pages += page
        assert pages == everything, (pages, everything)
        assert ids("offset=10") == (4, [])
        assert len(ids("")[1]) == 4

        for query, message in [("limit=0", "limit must be a whole number from 1 to 200"),
                               ("limit=201", "limit must be a whole number from 1 to 200"),
                               ("limit=x", "limit must be a whole number from 1 to 200"),
                               ("offset=-1", "offset must be a whole number, 0 or more"),
                               ("lead_id=not-a-uuid", "lead_id must be a UUID"),
                               ("workflow_id=1", "workflow_id must be a UUID"),
                               ("conversion_type_id=..", "conversion_type_id must be a UUID")]:
            status, body = emulator.call("GET", "/conversions?" + query)
            assert (status, body) == (400, {"error": "Validation error", "message": message}), (query, body)


def test_create_documented_body():
    with Emulator() as emulator:
        status, body = emulator.call("POST", "/conversions", {
            "conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": 85000,
            "metadata": {"property_unit": "Apt 302", "extra": [1, 2]},
            "converted_at": "2026-03-01T12:30:00-03:00", "notes": "Signed at the office"})
        assert status == 201, (status, body)
        assert body["success"] is True
        event = body["conversion_event"]
        assert event["lead_id"] == CARLOS and event["conversion_type_id"] == RESERVA
        assert event["amount"] == 85000
        assert event["currency"] == "USD"                   # the type's
        assert event["workflow_id"] == MORTGAGE             # the type's
        assert event["master_workflow_id"] is None and event["workflow_run_id"] is None
        assert event["converted_at"] == "2026-03-01T15:30:00Z", event["converted_at"]
        assert event["notes"] == "Signed at the office"
        assert event["metadata"] == {"property_unit": "Apt 302", "extra": [1, 2]}
        # The create answer's type has no category (as documented).
        assert event["conversion_types"] == {
            "name": "Reserva",
            "fields": [{"key": "property_unit", "label": "Property / Unit", "type": "text"},
                       {"key": "broker", "label": "Broker", "type": "text"},
                       {"key": "commission", "label": "Commission", "type": "number"}]}

        status, listed = emulator.call("GET", "/conversions?lead_id=" + CARLOS)
        assert listed["total"] == 1
        assert listed["conversion_events"][0]["id"] == event["id"]
        assert listed["conversion_events"][0]["conversion_types"]["category"] == "intermediary"

        # Attribution to the lead's run, a currency of its own, a double.
        status, body = emulator.call("POST", "/conversions", {
            "conversion_type_id": RESERVA, "lead_id": MATIAS, "amount": 1500.25,
            "currency": "CLP", "workflow_run_id": MATIAS_RUN, "metadata": {"commission": 3.5}})
        assert status == 201, body
        assert body["conversion_event"]["workflow_run_id"] == MATIAS_RUN
        assert body["conversion_event"]["currency"] == "CLP"
        assert body["conversion_event"]["amount"] == 1500.25
        assert emulator.all_conversions()["total"] == 6
        # Newest converted_at first: the one recorded now tops the list.
        assert emulator.all_conversions()["conversion_events"][0]["id"] == body["conversion_event"]["id"]


def test_create_recipe_body():
    with Emulator() as emulator:
        status, lead = emulator.call("GET", "/leads/" + CARLOS)
        # The lead is found by its email, whatever its case.
        status, body = emulator.call("POST", "/conversions", {
            "lead_email": lead["lead"]["email"].upper(), "amount": 250, "currency": "EUR",
            "description": "Upsell", "metadata": {"source": "crm"}})
        assert status == 201, (status, body)
        event = body["conversion_event"]
        assert event["lead_id"] == CARLOS and event["conversion_type_id"] == RESERVA
        assert event["amount"] == 85000
        assert event["currency"] == "USD"                   # the type's
        assert event["workflow_id"] == MORTGAGE             # the type's
        assert event["master_workflow_id"] is None and event["workflow_run_id"] is None
        assert event["converted_at"] == "2026-03-01T15:30:00Z", event["converted_at"]
        assert event["notes"] == "Signed at the office"
        assert event["metadata"] == {"property_unit": "Apt 302", "extra": [1, 2]}
        # The create answer's type has no category (as documented).
        assert event["conversion_types"] == {
            "name": "Reserva",
            "fields": [{"key": "property_unit", "label": "Property / Unit", "type": "text"},
                       {"key": "broker", "label": "Broker", "type": "text"},
                       {"key": "commission", "label": "Commission", "type": "number"}]}

        status, listed = emulator.call("GET", "/conversions?lead_id=" + CARLOS)
        assert listed["total"] == 1
        assert listed["conversion_events"][0]["id"] == event["id"]
        assert listed["conversion_events"][0]["conversion_types"]["category"] == "intermediary"

        # Attribution to the lead's run, a currency of its own, a double.
        status, body = emulator.call("POST", "/conversions", {
            "conversion_type_id": RESERVA, "lead_id": MATIAS, "amount": 1500.25,
            "currency": "CLP", "workflow_run_id": MATIAS_RUN, "metadata": {"commission": 3.5}})
        assert status == 201, body
        assert body["conversion_event"]["workflow_run_id"] == MATIAS_RUN
        assert body["conversion_event"]["currency"] == "CLP"
        assert body["conversion_event"]["amount"] == 1500.25
        assert emulator.all_conversions()["total"] == 6
        # Newest converted_at first: the one recorded now tops the list.
        assert emulator.all_conversions()["conversion_events"][0]["id"] == body["conversion_event"]["id"]


def test_create_recipe_body():
    with Emulator() as emulator:
        status, body = emulator.call("POST", "/conversions", {
            "lead_email": "CARLOS@STARKINDUSTRIES.COM", "amount": 250, "currency": "EUR",
            "description": "Upsell", "metadata": {"source": "crm"}})
        status_lead, lead = emulator.call("GET", "/leads/" + CARLOS)
        assert status == 201 or lead["lead"]["email"].lower() != "carlos@starkindustries.com", (status, body)
        if status != 201:
            # The seed lead's email, whatever it is.
            status, body = emulator.call("POST", "/conversions", {
                "lead_email": lead["lead"]["email"], "amount": 250, "currency": "EUR",
                "description": "Upsell", "metadata": {"source": "crm"}})
            assert status == 201, (status, body)
        event = body["conversion_event"]
        assert event["lead_id"] == CARLOS
        assert event["conversion_type_id"] is None and event["conversion_types"] is None
        assert event["workflow_id"] is None
        assert event["notes"] == "Upsell" and event["currency"] == "EUR"


def test_errors_change_nothing():
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "state.json")
        with Emulator("--data", data) as emulator:
            before = emulator.all_conversions()
            with open(data, "rb") as f:
                saved = f.read()
            invalid = lambda message: (400, {"error": "Validation error", "message": message})
            cases = [
                ('[1]', invalid("The body must be a JSON object")),
                ({"lead_id": CARLOS, "amount": 1}, invalid("conversion_type_id is required")),
                ({"conversion_type_id": RESERVA, "amount": 1}, invalid("lead_id is required")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS}, invalid("amount is required")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": None}, invalid("amount is required")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": "85000"},
                 invalid("amount must be a number")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": -1}, invalid("amount must be 0 or more")),
                ({"conversion_type_id": "x", "lead_id": CARLOS, "amount": 1}, invalid("conversion_type_id must be a UUID")),
                ({"conversion_type_id": RESERVA, "lead_id": 7, "amount": 1},
                 invalid("lead_id must be a string or null, not a number")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": 1, "currency": "usd"},
                 invalid("currency must be a three-letter ISO 4217 code in capitals, such as USD")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": 1, "converted_at": "yesterday"},
                 invalid("converted_at must be an ISO 8601 date and time")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": 1, "metadata": []},
                 invalid("metadata must be an object")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": 1, "metadata": {"commission": "2%"}},
                 invalid("metadata.commission must be a number")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": 1, "workflow_run_id": MATIAS_RUN},
                 invalid("workflow_run_id is not a workflow run of this lead")),
                ({"conversion_type_id": RESERVA, "lead_id": CARLOS, "amount": 1, "lead_email": "nobody@example.com"},
                 invalid("lead_email is not the email of the lead lead_id names")),
                ({"amount": 1, "lead_email": "nobody@example.com"},
                 (404, {"error": "Not found", "message": "Lead not found or does not belong to your account"})),
                ({"conversion_type_id": RESERVA, "lead_id": UNKNOWN, "amount": 1},
                 (404, {"error": "Not found", "message": "Lead not found or does not belong to your account"})),
                ({"conversion_type_id": UNKNOWN, "lead_id": CARLOS, "amount": 1},
                 (404, {"error": "Not found", "message": "Conversion type not found or does not belong to your account"})),
                ({"conversion_type_id": RETIRED, "lead_id": CARLOS, "amount": 1},
                 (404, {"error": "Not found", "message": "Conversion type not found or does not belong to your account"})),
            ]
            for body, expected in cases:
                got = emulator.call("POST", "/conversions", body)
                assert got == expected, (body, got)
            got = emulator.call("POST", "/conversions", {"conversion_type_id": RESERVA, "lead_id": CARLOS,
                                                         "amount": 1}, api_key=None)
            assert got == (401, {"error": "Missing API key",
                                 "message": "Please provide your API key in the X-API-Key header"}), got
            assert emulator.all_conversions() == before
            with open(data, "rb") as f:
                assert f.read() == saved

        # A recorded conversion survives a restart from the data file.
        with Emulator("--data", data) as emulator:
            status, body = emulator.call("POST", "/conversions", {"conversion_type_id": DEMO_BOOKED,
                                                                  "lead_id": DIEGO, "amount": 0})
            assert status == 201, body
        with Emulator("--data", data) as emulator:
            assert emulator.all_conversions()["total"] == 5


def test_numbers_written_as_javascript_does():
    # 85000.0 is sent back as 85000 (not 8.5e+04), 0.000015 without an
    # exponent, as JavaScript (and so the service) writes them.
    with Emulator() as emulator:
        for sent, written in [("85000.0", "85000"), ("1500.25", "1500.25"), ("0.000015", "0.000015"),
                              ("1e21", "1e+21"), ("120000000.0", "120000000")]:
            body = ('{"conversion_type_id": "%s", "lead_id": "%s", "amount": %s}' % (RESERVA, CARLOS, sent))
            status, text = emulator.call("POST", "/conversions", body, raw=True)
            assert status == 201, text
            assert '"amount":%s,' % written in text, (sent, text)


TESTS = [
    test_numbers_written_as_javascript_does,
    test_conversion_types,
    test_list_seed_newest_first,
    test_filters_and_paging,
    test_create_documented_body,
    test_create_recipe_body,
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
