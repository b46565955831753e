"""Python peers of the benchmarks: json.loads, requests, httpx, and nexor-glib
through PyGObject.

    bench_py.py parse  --body FILE --impl loads|objects [--iterations N] [--batches B] [--stdin]
    bench_py.py client --url BASE --impl requests|httpx|nexor --mode sync|async
                       [--requests N] [--batches B] [--warmup W] [--stdin]
                       [--op get|create] [--ca-file PEM]
    bench_py.py memory --body FILE --memory N
    bench_py.py card   --url BASE [--ca-file PEM] [--requests CARDS] [--batches B] [--warmup W]
    bench_py.py import --url BASE [--ca-file PEM] --body LEADS.json --impl per-lead|bulk
                       [--requests N]
    bench_py.py history-memory --body PAGE.json --memory ITEMS

Prints the same result lines as the C benchmarks (bench/bench-common.h): one
JSON object per measured batch, with the process's user and system CPU time
from getrusage(RUSAGE_SELF) and the wall time.

Run it with Debian's interpreter (/usr/bin/python3), where python3-gi,
python3-requests and python3-httpx live.
"""

import argparse
import datetime
import json
import os
import resource
import sys
import time

LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"
API_KEY = "nxr_live_bench_key"
FIRST_NAME = "Carlos"
HEADERS = {"X-API-Key": API_KEY, "Accept": "application/json"}


def clock():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (time.monotonic_ns() // 1000, int(usage.ru_utime * 1e6), int(usage.ru_stime * 1e6))


def report(bench, impl, mode, n, start, end, **extra):
    line = {
        "bench": bench, "impl": impl, "mode": mode, "n": n,
        "user_us": end[1] - start[1], "sys_us": end[2] - start[2], "wall_us": end[0] - start[0],
    }
    line.update(extra)
    print(json.dumps(line), flush=True)


def batch_sizes(args, default):
    """The size of each measured batch: from stdin, one per line, when the
    runner drives the batches (--stdin), else --batches times the default."""
    if not args.stdin:
        yield from [default] * args.batches
        return
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if line.isdigit() and int(line) > 0:
            yield int(line)


def check(first_name):
    if first_name != FIRST_NAME:
        raise SystemExit(f"unexpected answer: first name {first_name!r}")


# --- parse -------------------------------------------------------------------
# "Plain objects": what a hand-written Python client builds from the body, the
# same fields the typed NexorLead has, with dates parsed.

def parse_date(value):
    return datetime.datetime.fromisoformat(value) if value is not None else None


class Campaign:
    __slots__ = ("id", "name")

    def __init__(self, d):
        self.id = d.get("id")
        self.name = d.get("name")


class Workflow:
    __slots__ = ("id", "name", "goal_type")

    def __init__(self, d):
        self.id = d.get("id")
        self.name = d.get("name")
        self.goal_type = d.get("goal_type")


class Status:
    __slots__ = ("id", "key", "label", "category")

    def __init__(self, d):
        self.id = d.get("id")
        self.key = d.get("key")
        self.label = d.get("label")
        self.category = d.get("category")


class WorkflowRun:
    __slots__ = ("id", "workflow_id", "is_active", "human_takeover", "cadence_state",
                 "run_status", "workflow", "current_status")

    def __init__(self, d):
        self.id = d.get("id")
        self.workflow_id = d.get("workflow_id")
        self.is_active = d.get("is_active")
        self.human_takeover = d.get("human_takeover")
        self.cadence_state = d.get("cadence_state")
        self.run_status = d.get("run_status")
        w = d.get("workflow")
        self.workflow = Workflow(w) if w is not None else None
        s = d.get("current_status")
        self.current_status = Status(s) if s is not None else None


class Variable:
    __slots__ = ("name", "value", "value_text", "confidence", "updated_at")

    def __init__(self, name, d):
        self.name = name
        self.value = d.get("value")
        self.value_text = d.get("value_text")
        self.confidence = d.get("confidence", -1.0)
        self.updated_at = parse_date(d.get("updated_at"))


class Lead:
    __slots__ = ("id", "first_name", "last_name", "email", "phone", "source", "company",
                 "title", "metadata", "tags", "campaign", "active_workflow_run",
                 "created_at", "updated_at", "variables")

    def __init__(self, d, variables):
        self.id = d["id"]
        self.first_name = d.get("first_name")
        self.last_name = d.get("last_name")
        self.email = d.get("email")
        self.phone = d.get("phone")
        self.source = d.get("source")
        self.company = d.get("company")
        self.title = d.get("title")
        self.metadata = d.get("metadata")
        self.tags = list(d.get("tags") or [])
        c = d.get("campaign")
        self.campaign = Campaign(c) if c is not None else None
        r = d.get("active_workflow_run")
        self.active_workflow_run = WorkflowRun(r) if r is not None else None
        self.created_at = parse_date(d.get("created_at"))
        self.updated_at = parse_date(d.get("updated_at"))
        self.variables = [Variable(k, v) for k, v in (variables or {}).items()]


def parse_objects(body):
    root = json.loads(body)
    return Lead(root["lead"], root.get("variables"))


def run_parse(args):
    with open(args.body, "rb") as f:
        body = f.read()
    if args.impl == "loads":
        parse = json.loads
    elif args.impl == "objects":
        parse = parse_objects
    else:
        raise SystemExit(f"unknown --impl {args.impl}")
    for _ in range(100):
        parse(body)
    for n in batch_sizes(args, args.iterations):
        start = clock()
        for _ in range(n):
            parse(body)
        end = clock()
        report("parse", "python-" + args.impl, "parse", n, start, end)


# --- memory ------------------------------------------------------------------

def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_memory(args):
    with open(args.body, "rb") as f:
        body = f.read()
    held = [None] * args.memory
    for _ in range(100):
        json.loads(body)
    before = resident_bytes()
    start = clock()
    for i in range(args.memory):
        held[i] = json.loads(body)
    end = clock()
    after = resident_bytes()
    report("memory", "python-dicts", "hold", args.memory, start, end,
           held=args.memory, body_bytes=len(body),
           rss_bytes_per_item=round((after - before) / args.memory, 1))
    check(held[-1]["lead"]["first_name"])


# --- clients -----------------------------------------------------------------

def run_batches(args, impl, mode, run):
    if args.warmup:
        run(args.warmup)
    for n in batch_sizes(args, args.requests):
        start = clock()
        run(n)
        end = clock()
        report("client", impl, mode, n, start, end, in_flight=1)


SERIAL = [0]


def create_body():
    # What a script sends to create one lead (the same members as the C peers).
    SERIAL[0] += 1
    return {"first_name": "Carlos", "email": "carlos.lopez@example.com",
            "company": "Stark Industries", "source": "bench", "external_id": f"bench-{SERIAL[0]}"}


def client_requests(args, url):
    import requests

    session = requests.Session()
    # Per call: REQUESTS_CA_BUNDLE in the environment would override Session.verify.
    verify = args.ca_file or True
    leads_url = args.url + "/leads"

    def run(n):
        for _ in range(n):
            if args.op == "create":
                r = session.post(leads_url, headers=HEADERS, json=create_body(), verify=verify)
            else:
                r = session.get(url, headers=HEADERS, verify=verify)
            if r.status_code not in (200, 201):
                raise SystemExit(f"HTTP {r.status_code}")
            check(r.json()["lead"]["first_name"])

    run_batches(args, "python-requests", args.op if args.op == "create" else "sync", run)


def client_httpx(args, url):
    import httpx

    if args.mode == "sync":
        client = httpx.Client(verify=args.ca_file or True)
        leads_url = args.url + "/leads"

        def run(n):
            for _ in range(n):
                if args.op == "create":
                    r = client.post(leads_url, headers=HEADERS, json=create_body())
                else:
                    r = client.get(url, headers=HEADERS)
                if r.status_code not in (200, 201):
                    raise SystemExit(f"HTTP {r.status_code}")
                check(r.json()["lead"]["first_name"])

        run_batches(args, "python-httpx", args.op if args.op == "create" else "sync", run)
        return

    import asyncio

    async def main():
        async with httpx.AsyncClient(verify=args.ca_file or True) as client:
            async def run(n):
                for _ in range(n):
                    r = await client.get(url, headers=HEADERS)
                    if r.status_code != 200:
                        raise SystemExit(f"HTTP {r.status_code}")
                    check(r.json()["lead"]["first_name"])

            if args.warmup:
                await run(args.warmup)
            for n in batch_sizes(args, args.requests):
                start = clock()
                await run(n)
                end = clock()
                report("client", "python-httpx", "async", n, start, end, in_flight=1)

    asyncio.run(main())


def client_nexor(args, base_url):
    import gi
    gi.require_version("Nexor", "1")
    from gi.repository import GLib, Nexor

    client = Nexor.Client.new_for_url(base_url, API_KEY)

    if args.mode == "sync":
        def run(n):
            for _ in range(n):
                check(client.get_lead(LEAD_ID, None).get_first_name())

        run_batches(args, "python-nexor", "sync", run)
        return

    # PyGObject 3.42 has no await: callbacks and a main loop.
    loop = GLib.MainLoop()
    state = {"left": 0, "error": None}

    def on_lead(source, result):
        try:
            check(source.get_lead_finish(result).get_first_name())
        except BaseException as e:  # noqa: BLE001 - re-raised after the loop
            state["error"] = e
            loop.quit()
            return
        state["left"] -= 1
        if state["left"] > 0:
            client.get_lead_async(LEAD_ID, None, on_lead)
        else:
            loop.quit()

    def run(n):
        state["left"] = n
        client.get_lead_async(LEAD_ID, None, on_lead)
        loop.run()
        if state["error"] is not None:
            raise state["error"]

    run_batches(args, "python-nexor", "async", run)


def run_card(args):
    # The lead card as a Python user writes it: requests, one call after the other.
    import requests

    session = requests.Session()
    verify = args.ca_file or True
    base = args.url + "/leads/" + LEAD_ID

    def card():
        lead = session.get(base, headers=HEADERS, verify=verify)
        lead.raise_for_status()
        check(lead.json()["lead"]["first_name"])
        history = session.get(base + "/history", params={"limit": 50}, headers=HEADERS, verify=verify)
        history.raise_for_status()
        meetings = session.get(base + "/meetings", headers=HEADERS, verify=verify)
        meetings.raise_for_status()
        tags = session.get(base + "/tags", headers=HEADERS, verify=verify)
        tags.raise_for_status()
        paused = session.get(base + "/is_paused", headers=HEADERS, verify=verify)
        paused.raise_for_status()
        return history.json()["history"], meetings.json(), tags.json(), paused.json()

    for _ in range(args.warmup):
        card()
    for _ in range(args.batches):
        start = clock()
        slowest = 0
        for _ in range(args.requests):
            t0 = time.monotonic()
            card()
            slowest = max(slowest, time.monotonic() - t0)
        end = clock()
        report("card", "python-requests", "sequential", args.requests, start, end,
               slowest_card_us=int(slowest * 1e6))


def run_import(args):
    # Leads from a JSON file, as a script would send them with requests.
    import requests

    with open(args.body) as f:
        leads = json.load(f)
    session = requests.Session()
    verify = args.ca_file or True
    url = args.url + "/leads"
    start = clock()
    if args.impl == "per-lead":
        leads = leads[:args.requests]
        for lead in leads:
            r = session.post(url, headers=HEADERS, json=lead, verify=verify)
            r.raise_for_status()
    else:
        for i in range(0, len(leads), 1000):   # the API's documented bulk limit
            r = session.post(url, headers=HEADERS, json=leads[i:i + 1000], verify=verify)
            r.raise_for_status()
            if r.json().get("failed"):
                raise SystemExit(f"bulk create: {r.json()['failed']} failed")
    end = clock()
    report("import", "python-requests", args.impl, len(leads), start, end)


def run_history_memory(args):
    # Python dicts of the same history pages, every item kept.
    with open(args.body) as f:
        template = f.read()
    held = []
    import gc
    gc.collect()
    before = resident_bytes()
    page_size = 200
    for offset in range(0, args.memory, page_size):
        page = json.loads(template.replace("@@@@@@", "%06d" % (offset % 1000000)))
        held.extend(page["history"])
    gc.collect()
    after = resident_bytes()
    print(json.dumps({"bench": "history-memory", "impl": "python-dicts", "items": len(held),
                      "rss_bytes_per_item": (after - before) / len(held)}), flush=True)


def run_client(args):
    url = args.url + "/leads/" + LEAD_ID
    if args.impl == "requests" and args.mode == "sync":
        client_requests(args, url)
    elif args.impl == "httpx":
        client_httpx(args, url)
    elif args.impl == "nexor":
        client_nexor(args, args.url)
    else:
        raise SystemExit(f"unsupported --impl {args.impl} --mode {args.mode}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["parse", "client", "memory", "card", "import",
                                         "history-memory"])
    parser.add_argument("--impl", default="objects")
    parser.add_argument("--mode", default="sync", choices=["sync", "async"])
    parser.add_argument("--body")
    parser.add_argument("--url")
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--memory", type=int, default=100000)
    parser.add_argument("--op", default="get", choices=["get", "create"])
    parser.add_argument("--ca-file")
    parser.add_argument("--stdin", action="store_true",
                        help="read the size of each batch from stdin (the runner drives the batches)")
    args = parser.parse_args()

    if args.what == "parse":
        run_parse(args)
    elif args.what == "memory":
        run_memory(args)
    elif args.what == "card":
        run_card(args)
    elif args.what == "import":
        run_import(args)
    elif args.what == "history-memory":
        run_history_memory(args)
    else:
        run_client(args)


if __name__ == "__main__":
    sys.exit(main())
