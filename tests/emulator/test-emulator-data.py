#!/usr/bin/python3
# test-emulator-data.py: nexor-emulator --data FILE, across restarts and kills
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-emulator-data.py PATH-TO-nexor-emulator
# (or NEXOR_EMULATOR set to it). Prints TAP.

import glob
import importlib.util
import json
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("emulator_binary", os.path.join(HERE, "test-emulator-binary.py"))
binary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(binary)

# This test starts the emulator some fifteen times; under valgrind on a busy
# machine one start alone can take over ten seconds.
binary.TIMEOUT = TIMEOUT = 90

Emulator = binary.Emulator
OPENER = binary.OPENER
DEMO_KEY = binary.DEMO_KEY

PAGE_LEAD = "123e4567-e89b-12d3-a456-426614174000"
CHEN_LEAD = "ed798fc4-92d4-4f19-9c90-19426829d6df"
DEMO_WORKFLOW = "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
SALES_WORKFLOW = "4aca1485-3259-4b0d-a4d0-51cff048729e"
HOT_TAG = "40018446-5928-4f8d-8c39-4abc460f126c"


def call(base_url, method, path, body=None, raw=None, timeout=TIMEOUT):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(base_url + path, data=data, method=method)
    request.add_header("X-API-Key", DEMO_KEY)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def start(path):
    emulator = Emulator("--port", "0", "--data", path)
    try:
        return emulator, emulator.read_line().strip()
    except BaseException:
        # Not yet in a with block: never leave it running.
        emulator.close()
        raise


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def load_state(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def lead_ids(state):
    return {entry["lead"]["id"] for entry in state["leads"]}


def test_missing_file_starts_from_seed():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "state.json")
        emulator, base_url = start(path)
        with emulator:
            # Created at once, from the seed.
            state = load_state(path)
            assert len(state["leads"]) == 7, len(state["leads"])
            assert PAGE_LEAD in lead_ids(state)
            status, body = call(base_url, "GET", "/leads/" + PAGE_LEAD)
            assert status == 200, status
            with open(os.path.join(binary.data_dir(), "get-lead-page.json")) as f:
                assert body == json.load(f)
            assert emulator.stop() == 0


def test_round_trip():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "state.json")
        emulator, base_url = start(path)
        with emulator:
            status, created = call(base_url, "POST", "/leads", {
                "first_name": "Round", "last_name": "Trip", "email": "round@trip.example",
                "phone": "+15550100199", "workflow_id": SALES_WORKFLOW, "tags": ["Persisted"], "plan": "gold"})
            assert status == 201, (status, created)
            new_id = created["lead"]["id"]
            # As deep as a request may nest (256 levels): it must load again.
            deep_body = '{"first_name": "Deep", "metadata": {"d": ' + "[" * 254 + "]" * 254 + "}}"
            status, deep = call(base_url, "POST", "/leads", raw=deep_body.encode())
            assert status == 201, (status, deep)
            for method, route, body, expected in [
                ("POST", "/leads/%s/automation/stop" % CHEN_LEAD, {"workflow_id": DEMO_WORKFLOW}, 200),
                ("PATCH", "/leads/" + PAGE_LEAD, {"title": "CFO", "metadata": {"k": [1, 2]}}, 200),
                ("POST", "/leads/%s/status" % new_id, {"status_key": "qualified"}, 200),
                ("PUT", "/tags/" + HOT_TAG, {"name": "Very hot"}, 200),
                ("POST", "/tags", {"name": "Fresh", "slug": "fresh"}, 201),
            ]:
                status, body = call(base_url, method, route, body)
                assert status == expected, (method, route, status, body)

            before = {lead: call(base_url, "GET", "/leads/" + lead)[1]
                      for lead in (new_id, CHEN_LEAD, PAGE_LEAD, deep["lead"]["id"])}
            history_before = call(base_url, "GET", "/leads/%s/history?limit=200" % CHEN_LEAD)[1]
            tags_before = call(base_url, "GET", "/tags")[1]
            saved = read_bytes(path)
            assert emulator.stop() == 0

        emulator, base_url = start(path)
        with emulator:
            for lead, body in before.items():
                assert call(base_url, "GET", "/leads/" + lead)[1] == body, lead
            assert call(base_url, "GET", "/leads/%s/history?limit=200" % CHEN_LEAD)[1] == history_before
            assert call(base_url, "GET", "/tags")[1] == tags_before
            status, paused = call(base_url, "GET", "/leads/%s/is_paused" % CHEN_LEAD)
            assert paused == {"success": True, "paused": True}, paused
            # Loading and saving again writes the very same text.
            assert read_bytes(path) == saved
            assert emulator.stop() == 0


def test_bad_requests_leave_the_file_alone():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "state.json")
        emulator, base_url = start(path)
        with emulator:
            saved = read_bytes(path)
            mtime = os.stat(path).st_mtime_ns
            too_many = json.dumps([{"first_name": "L%d" % i} for i in range(1001)]).encode()
            for method, route, raw, expected in [
                ("POST", "/leads", b"{not json", 400),
                ("POST", "/leads", b'{"first_name": 5}', 400),
                ("POST", "/leads", b"[]", 400),
                ("POST", "/leads", too_many, 400),
                ("POST", "/leads", b'{"first_name":"A","x":"' + b"y" * (9 * 1024 * 1024) + b'"}', 413),
                ("PATCH", "/leads/" + PAGE_LEAD, b'{"first_name": null}', 400),
                ("POST", "/leads/%s/automation/stop" % PAGE_LEAD, b"{}", 400),
                ("POST", "/tags", b'{"name": "Hot", "slug": "hot-lead"}', 409),
                ("GET", "/leads/" + PAGE_LEAD + "/history", None, 200),
                # Idempotent no-ops are not writes either.
                ("POST", "/leads/%s/automation/resume" % PAGE_LEAD, b'{"workflow_id": "uuid"}', 200),
                ("POST", "/leads/%s/status" % PAGE_LEAD, b'{"status_key": "contacted"}', 200),
            ]:
                status, body = call(base_url, method, route, raw=raw)
                assert status == expected, (method, route, status, body)
            assert read_bytes(path) == saved
            assert os.stat(path).st_mtime_ns == mtime
            assert emulator.stop() == 0


def test_unusable_files_are_refused():
    with tempfile.TemporaryDirectory() as tmp:
        seed_state = None
        emulator, _ = start(os.path.join(tmp, "seed.json"))
        with emulator:
            assert emulator.stop() == 0
        seed_state = load_state(os.path.join(tmp, "seed.json"))

        dangling = json.loads(json.dumps(seed_state))
        dangling["leads"][0]["runs"][0]["workflow_id"] = "no-such-workflow"
        two_slugs = json.loads(json.dumps(seed_state))
        two_slugs["tags"][1]["slug"] = two_slugs["tags"][0]["slug"]

        for name, text in [
            ("truncated.json", json.dumps(seed_state)[:5000]),
            ("empty.json", ""),
            ("array.json", "[]"),
            ("dangling.json", json.dumps(dangling)),
            ("slugs.json", json.dumps(two_slugs)),
            ("latin1.json", None),
        ]:
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(text.encode() if text is not None else b'{"leads": [], "about": "\xe9"}')
            before = read_bytes(path)
            result = binary.run_to_completion("--port", "0", "--data", path)
            assert result.returncode == 1, (name, result.returncode, result.stderr)
            assert result.stdout == "", (name, result.stdout)
            assert result.stderr.startswith("nexor-emulator: cannot use the data file: " + path), \
                (name, result.stderr)
            # Never replaced by the seed.
            assert read_bytes(path) == before, name

        result = binary.run_to_completion("--port", "0", "--data", tmp)
        assert result.returncode == 1, result.stderr
        result = binary.run_to_completion("--port", "0", "--data", os.path.join(tmp, "no", "dir.json"))
        assert result.returncode == 1, result.stderr


def writer(base_url, number, acknowledged, stop):
    """Writes until the emulator goes away; records the leads it was told
    were created."""
    i = 0
    while not stop.is_set():
        i += 1
        try:
            if i % 4 == 0:
                status, body = call(base_url, "PATCH", "/leads/" + PAGE_LEAD,
                                    {"metadata": {"writer_%d" % number: i}}, timeout=TIMEOUT)
            elif i % 4 == 1:
                status, body = call(base_url, "POST", "/leads", [
                    {"first_name": "W%d-%d-%d" % (number, i, k), "email": "w%d.%d.%d@kill.example" % (number, i, k),
                     "workflow_id": SALES_WORKFLOW, "tags": ["burst-%d" % (i % 5)]} for k in range(3)],
                                    timeout=TIMEOUT)
                if status == 201:
                    acknowledged.update(r["lead"]["id"] for r in body["results"] if r["success"])
            else:
                status, body = call(base_url, "POST", "/leads", {
                    "first_name": "W%d-%d" % (number, i), "phone": "+1 555 %04d %04d" % (number, i)},
                                    timeout=TIMEOUT)
                if status == 201:
                    acknowledged.add(body["lead"]["id"])
        except (OSError, urllib.error.URLError, ValueError):
            return


def test_kill_during_writes():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "state.json")
        # Killed once a number of writes went through, so the kill lands in
        # the middle of the burst however fast the build is (sanitizers,
        # valgrind).
        for round_number, wanted in enumerate((1, 8, 24)):
            emulator, base_url = start(path)
            acknowledged = set()
            stop = threading.Event()
            threads = [threading.Thread(target=writer, args=(base_url, n, acknowledged, stop)) for n in range(4)]
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + TIMEOUT
            while len(acknowledged) < wanted and time.monotonic() < deadline:
                time.sleep(0.01)
            emulator.proc.send_signal(signal.SIGKILL)
            emulator.proc.wait(TIMEOUT)
            stop.set()
            for thread in threads:
                thread.join(TIMEOUT)
            emulator.close()

            assert len(acknowledged) >= wanted, "round %d: only %d writes went through in %d s" % (
                round_number, len(acknowledged), TIMEOUT)
            # The file is whole, and holds every write the emulator answered.
            state = load_state(path)
            missing = acknowledged - lead_ids(state)
            assert not missing, "round %d: %d acknowledged leads missing" % (round_number, len(missing))
            print("# round %d: killed after %d leads acknowledged, %d leads in the file"
                  % (round_number, len(acknowledged), len(state["leads"])), flush=True)

            # And it loads: every reference in it holds.
            emulator, base_url = start(path)
            with emulator:
                some = sorted(acknowledged)[0]
                status, body = call(base_url, "GET", "/leads/" + some)
                assert status == 200, (status, body)
                assert emulator.stop() == 0

        # At most the temporary files of interrupted writes are left beside it.
        leftovers = [p for p in glob.glob(os.path.join(tmp, "*")) if p != path]
        assert all(os.path.basename(p).startswith("state.json.") for p in leftovers), leftovers


TESTS = [
    test_missing_file_starts_from_seed,
    test_round_trip,
    test_bad_requests_leave_the_file_alone,
    test_unusable_files_are_refused,
    test_kill_during_writes,
]


def main():
    os.environ["LC_ALL"] = "C"
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
