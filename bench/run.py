"""Runs every benchmark comparison side by side and prints one table.

    /usr/bin/python3 bench/run.py --builddir DIR [--smoke] [--batches N]
                                  [--json FILE] [--only SECTION ...] [--no-callgrind]

bench/run.sh builds DIR first and calls this; see docs/performance.md.

Every network comparison talks to the same canned responder
(bench-responder), started once. Each contender runs in its own process,
started once per section and warmed up; the runner then drives all of a
section's processes batch by batch over their stdin (A1 B1 C1, then C2 B2 A2,
…), one at a time, so that drift on a shared machine hits every contender
alike and no two contenders ever compete for the CPU. A row's figure is the
median over its batches of the client's CPU time (user + system, every thread
of the process) per operation; wall time is shown beside it. The responder's
own CPU per request is measured around each batch from its /_bench/stats
answer.

--smoke runs every contender for a few requests only: a check that everything
builds, runs and produces numbers (what CI does), not a measurement. It exits
non-zero if any contender produced no figure.
"""

import argparse
import json
import os
import platform
import re
import resource
import select
import signal
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BODY = os.path.join(REPO, "tests", "data", "get-lead-page.json")
CREATE_BODY = os.path.join(HERE, "data", "create-lead.json")
HISTORY_BODY = os.path.join(HERE, "data", "history-page-200.json")
LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

# n: operations per batch; batches: measured batches per contender, which the
# runner interleaves across the section's contenders.
FULL = {
    "parse": {"iterations": 2000, "batches": 30},
    "sequential": {"requests": 500, "batches": 24, "warmup": 200},
    "python_sequential": {"requests": 250, "batches": 24, "warmup": 100},
    "concurrent": {"requests": 20000, "in_flight": 256, "batches": 3, "warmup": 2000},
    "memory": {"held": 100000},
    "callgrind": {"small": 20, "large": 220, "warmup": 20, "parse_small": 50, "parse_large": 550},
    "tls_get": {"requests": 300, "python_requests": 100, "batches": 12, "warmup": 50, "batch_warmup": 1},
    "tls_create": {"requests": 100, "python_requests": 50, "batches": 8, "warmup": 20, "batch_warmup": 1},
    "card": {"cards": 10, "batches": 5, "warmup": 4, "rtt_ms": 50},
    "import": {"leads": 10000, "rtt_ms": 25, "per_lead_sample": 200, "repeats": 2},
    "cold": {"runs": 15},
    "paged": {"items": 100000},
}

SMOKE = {
    "parse": {"iterations": 50, "batches": 2},
    "sequential": {"requests": 20, "batches": 2, "warmup": 5},
    "python_sequential": {"requests": 10, "batches": 2, "warmup": 5},
    "concurrent": {"requests": 300, "in_flight": 64, "batches": 1, "warmup": 0},
    "memory": {"held": 1000},
    "callgrind": {"small": 2, "large": 6, "warmup": 2, "parse_small": 5, "parse_large": 15},
    "tls_get": {"requests": 10, "python_requests": 5, "batches": 2, "warmup": 2, "batch_warmup": 1},
    "tls_create": {"requests": 5, "python_requests": 5, "batches": 2, "warmup": 2, "batch_warmup": 1},
    "card": {"cards": 1, "batches": 1, "warmup": 1, "rtt_ms": 50},
    "import": {"leads": 2000, "rtt_ms": 25, "per_lead_sample": 10, "repeats": 1},
    "cold": {"runs": 1},
    "paged": {"items": 2000},
}

TARGETS_TEXT = {
    "parse": "typed parse <= 1.3x the json-glib JsonParser floor",
    "sequential-sync": "client CPU <= 1.1x hand-written libsoup, below librest, >= 5x below Python requests",
    "sequential-async": "client CPU <= 1.1x hand-written libsoup, below librest, >= 5x below Python requests",
    "concurrent": "client CPU <= 1.1x hand-written libsoup, below librest, >= 5x below Python requests",
    "memory": "bytes per retained lead below the Python dict of the same JSON",
}


class Contender:
    def __init__(self, key, label, argv, env=None, network=False, unavailable=None, batch=None):
        self.key = key
        self.label = label
        self.argv = argv
        self.env = env
        self.network = network
        self.unavailable = unavailable
        self.batch = batch       # operations per batch, when the runner drives it
        # Untimed operations right before each timed batch: the other
        # contenders ran in between, so this process sat idle for a second or
        # more, and a client may (rightly) open a new connection after such a
        # pause. The sections that measure steady-state keep-alive calls give
        # every contender the same warm-up call, so none is timed reconnecting.
        self.batch_warmup = 0
        self.samples = []        # dicts from the result lines
        self.conns = []          # connections the server accepted per 1,000 requests, per batch
        self.server_us = []      # responder CPU per request, one per batch or process
        self.errors = []
        self.proc = None


# --------------------------------------------------------------------------
# Plumbing

def child_env(extra=None):
    env = dict(os.environ)
    # Debug output or a developer's key and server must not change the figures.
    for name in ("NEXOR_DEBUG", "NEXOR_API_KEY", "NEXOR_BASE_URL", "G_MESSAGES_DEBUG",
                 "G_DEBUG", "G_SLICE", "MALLOC_CHECK_", "MALLOC_PERTURB_"):
        env.pop(name, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if extra:
        env.update(extra)
    return env


def run_child(argv, env, timeout):
    proc = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=timeout, check=False)
    lines = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                lines.append(json.loads(line))
            except ValueError:
                pass
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])}… exited {proc.returncode}: {proc.stderr.strip()[-400:]}")
    return lines


class Responder:
    def __init__(self, exe, tls=None):
        argv = [exe, "--body", BODY, "--create-body", CREATE_BODY, "--history-body", HISTORY_BODY]
        if tls:
            argv += ["--tls-cert", tls.cert, "--tls-key", tls.key]
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http://"):
            raise RuntimeError("bench-responder did not start")
        self.base = self.url + "/api/public"
        self.tls_base = None
        if tls:
            tls_url = self.proc.stdout.readline().strip()
            if not tls_url.startswith("https://"):
                raise RuntimeError("bench-responder did not start its https port")
            self.tls_base = tls_url + "/api/public"

    def stats(self):
        with urllib.request.urlopen(self.url + "/_bench/stats", timeout=10) as r:
            return json.loads(r.read())

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def run_contender(c, responder, timeout):
    if c.unavailable:
        return
    before = responder.stats() if (c.network and responder) else None
    try:
        lines = run_child(c.argv, child_env(c.env), timeout)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        c.errors.append(str(e))
        return
    c.samples.extend(lines)
    if before is not None:
        after = responder.stats()
        served = after["requests"] - before["requests"]
        cpu = (after["user_us"] + after["sys_us"]) - (before["user_us"] + before["sys_us"])
        if served > 0:
            c.server_us.append(cpu / served)


class Driven:
    """A contender's process, fed one batch size per line on stdin."""

    def __init__(self, c, timeout):
        self.c = c
        self.timeout = timeout
        self.err = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(c.argv + ["--stdin"], env=child_env(c.env),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.err)
        self.buf = b""

    def _line(self):
        deadline = time.monotonic() + self.timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError("no answer within %d s" % self.timeout)
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise RuntimeError("exited %s: %s" % (self.proc.wait(), self.stderr()))
                self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode("utf-8", "replace").strip()

    def _result(self):
        while True:
            line = self._line()
            if line.startswith("{"):
                try:
                    return json.loads(line)
                except ValueError:
                    pass

    def stderr(self):
        self.err.seek(0)
        return self.err.read().strip()[-400:]

    def wait_ready(self):
        if not self._result().get("ready"):
            raise RuntimeError("no ready line")

    def batch(self, n):
        self.proc.stdin.write(b"%d\n" % n)
        self.proc.stdin.flush()
        return self._result()

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.err.close()


def run_driven(contenders, batches, responder, timeout):
    """Starts every contender, then runs their batches interleaved."""
    live = []
    for c in contenders:
        if c.unavailable:
            continue
        try:
            d = Driven(c, timeout)
        except OSError as e:
            c.errors.append(str(e))
            continue
        try:
            d.wait_ready()
            live.append(d)
        except (RuntimeError, OSError) as e:
            c.errors.append(f"{e} {d.stderr()}".strip())
            d.close()
    restarted = set()
    for cycle in range(batches):
        order = live if cycle % 2 == 0 else list(reversed(live))
        for d in list(order):
            c = d.c
            try:
                if c.batch_warmup:
                    d.batch(c.batch_warmup)
                before = responder.stats() if (c.network and responder) else None
                sample = d.batch(c.batch)
            except (RuntimeError, OSError) as e:
                # Reported on the row; one fresh process gets to finish the batches.
                c.errors.append(f"batch {cycle + 1}: {e} {d.stderr()}".strip())
                index = live.index(d)
                live.remove(d)
                d.close()
                if c.key not in restarted:
                    restarted.add(c.key)
                    try:
                        fresh = Driven(c, timeout)
                        fresh.wait_ready()
                        live.insert(index, fresh)
                    except (RuntimeError, OSError) as e2:
                        c.errors.append(f"restart: {e2}")
                continue
            c.samples.append(sample)
            if before is not None:
                after = responder.stats()
                served = after["requests"] - before["requests"]
                cpu = (after["user_us"] + after["sys_us"]) - (before["user_us"] + before["sys_us"])
                if served > 0:
                    c.server_us.append(cpu / served)
                    # The runner's own /_bench/stats requests come over plain http.
                    field = "tls_connections" if any(a.startswith("https://") for a in c.argv) else "connections"
                    c.conns.append(1000.0 * (after.get(field, 0) - before.get(field, 0)) / served)
    for d in live:
        d.close()


def quartiles(values):
    if not values:
        return None, None, None
    if len(values) == 1:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def summarize(c):
    cpu = [(s["user_us"] + s["sys_us"]) / s["n"] for s in c.samples if s.get("n")]
    wall = [s["wall_us"] / s["n"] for s in c.samples if s.get("n")]
    user = [s["user_us"] / s["n"] for s in c.samples if s.get("n")]
    q1, med, q3 = quartiles(cpu)
    row = {
        "cpu_us_series": cpu,
        "key": c.key,
        "label": c.label,
        "samples": len(cpu),
        "cpu_us": med,
        "cpu_us_q1": q1,
        "cpu_us_q3": q3,
        "user_us": statistics.median(user) if user else None,
        "wall_us": statistics.median(wall) if wall else None,
        "server_cpu_us_per_request": statistics.median(c.server_us) if c.server_us else None,
    }
    if c.samples and "rss_bytes_per_item" in c.samples[0]:
        row["rss_bytes_per_item"] = statistics.median(s["rss_bytes_per_item"] for s in c.samples)
        if "malloc_bytes_per_item" in c.samples[0]:
            row["malloc_bytes_per_item"] = statistics.median(s["malloc_bytes_per_item"] for s in c.samples)
    if c.conns:
        row["connections_per_1000"] = statistics.median(c.conns)
    if c.unavailable:
        row["skipped"] = c.unavailable
    if c.errors:
        row["errors"] = c.errors
    return row


def tool(builddir, name):
    return os.path.join(builddir, "bench", name)


# --------------------------------------------------------------------------
# Sections

def parse_contenders(b, cfg):
    n = cfg["parse"]["iterations"]
    common = ["--body", BODY]
    py = [PYTHON, "-B", os.path.join(HERE, "bench_py.py"), "parse", "--body", BODY]
    rows = [
        Contender("jsonglib", "json-glib JsonParser alone (floor)",
                  [tool(b, "bench-parse"), "--impl", "jsonglib"] + common),
        Contender("nexor", "nexor-glib: body -> typed NexorLead",
                  [tool(b, "bench-parse"), "--impl", "nexor"] + common),
        Contender("jsonglib-immutable", "json-glib immutable JsonParser",
                  [tool(b, "bench-parse"), "--impl", "jsonglib-immutable"] + common),
        Contender("jsonc", "json-c tokener",
                  [tool(b, "bench-parse-jsonc"), "--impl", "jsonc"] + common),
        Contender("python-loads", "Python json.loads",
                  py + ["--impl", "loads"]),
        Contender("python-objects", "Python json.loads + plain objects",
                  py + ["--impl", "objects"]),
    ]
    for c in rows:
        c.batch = n
    return rows


def client_argv(b, url, impl, mode, s, in_flight=None, extra=None):
    if impl.startswith("curl-"):
        exe = tool(b, "bench-curl-jsonc" if impl.endswith("jsonc") else "bench-curl-jsonglib")
        argv = [exe]
    else:
        argv = [tool(b, "bench-client"), "--impl", impl]
    argv += ["--mode", mode, "--url", url, "--requests", str(s["requests"]),
             "--batches", str(s.get("batches", 1)), "--warmup", str(s["warmup"])]
    if in_flight:
        argv += ["--in-flight", str(in_flight)]
    return argv + (extra or [])


def py_client_argv(url, impl, mode, s):
    return [PYTHON, "-B", os.path.join(HERE, "bench_py.py"), "client", "--url", url,
            "--impl", impl, "--mode", mode, "--warmup", str(s["warmup"])]


def gi_env(b):
    libdir = os.path.join(b, "nexor-glib")
    if not os.path.exists(os.path.join(libdir, "Nexor-1.typelib")):
        return None, "no Nexor-1.typelib in the build (introspection off)"
    env = {"GI_TYPELIB_PATH": libdir + ":" + os.environ.get("GI_TYPELIB_PATH", ""),
           "LD_LIBRARY_PATH": libdir + ":" + os.environ.get("LD_LIBRARY_PATH", "")}
    return env, None


def python_module_missing(module):
    r = subprocess.run([PYTHON, "-c", f"import {module}"], capture_output=True, check=False)
    return None if r.returncode == 0 else f"{PYTHON} cannot import {module}"


def sequential_contenders(b, url, cfg, mode):
    s = cfg["sequential"]
    ps = cfg["python_sequential"]
    env, gi_missing = gi_env(b)
    rows = [
        Contender("soup", "hand-written libsoup + json-glib (floor)",
                  client_argv(b, url, "soup", mode, s), network=True),
        Contender("nexor", "nexor-glib get_lead" + ("" if mode == "sync" else "_async"),
                  client_argv(b, url, "nexor", mode, s), network=True),
        Contender("rest", "librest + json-glib",
                  client_argv(b, url, "rest", mode, s), network=True),
        Contender("nexor-no-deadline", "  (diagnostic) nexor-glib, timeout 0: no deadline",
                  client_argv(b, url, "nexor", mode, s, extra=["--nexor-timeout", "0"]), network=True),
    ]
    if mode == "sync":
        rows += [
            Contender("curl-jsonc", "libcurl easy + json-c",
                      client_argv(b, url, "curl-jsonc", "sync", s), network=True),
            Contender("curl-jsonglib", "libcurl easy + json-glib",
                      client_argv(b, url, "curl-jsonglib", "sync", s), network=True),
            Contender("python-requests", "Python requests (Session)",
                      py_client_argv(url, "requests", "sync", ps), network=True,
                      unavailable=python_module_missing("requests")),
            Contender("python-httpx", "Python httpx.Client",
                      py_client_argv(url, "httpx", "sync", ps), network=True,
                      unavailable=python_module_missing("httpx")),
            Contender("python-nexor", "nexor-glib from PyGObject",
                      py_client_argv(url, "nexor", "sync", ps), env=env, network=True,
                      unavailable=gi_missing or python_module_missing("gi")),
        ]
    else:
        rows += [
            Contender("curl-jsonc", "curl multi, 1 in flight + json-c",
                      client_argv(b, url, "curl-jsonc", "async", s), network=True),
            Contender("curl-jsonglib", "curl multi, 1 in flight + json-glib",
                      client_argv(b, url, "curl-jsonglib", "async", s), network=True),
            Contender("python-httpx", "Python httpx.AsyncClient (asyncio)",
                      py_client_argv(url, "httpx", "async", ps), network=True,
                      unavailable=python_module_missing("httpx")),
            Contender("python-nexor", "nexor-glib from PyGObject (callbacks)",
                      py_client_argv(url, "nexor", "async", ps), env=env, network=True,
                      unavailable=gi_missing or python_module_missing("gi")),
        ]
    for c in rows:
        c.batch = ps["requests"] if c.key.startswith("python-") else s["requests"]
    return rows


def concurrent_contenders(b, url, cfg):
    s = cfg["concurrent"]
    k = s["in_flight"]
    rows = [
        Contender("soup", "hand-written libsoup async + json-glib (floor)",
                  client_argv(b, url, "soup", "concurrent", s, k), network=True),
        Contender("nexor", "nexor-glib get_lead_async",
                  client_argv(b, url, "nexor", "concurrent", s, k), network=True),
        Contender("nexor-no-deadline", "  (diagnostic) nexor-glib, timeout 0: no deadline",
                  client_argv(b, url, "nexor", "concurrent", s, k, extra=["--nexor-timeout", "0"]),
                  network=True),
        Contender("curl-jsonc", "curl multi + json-c",
                  client_argv(b, url, "curl-jsonc", "concurrent", s, k), network=True),
        Contender("curl-jsonglib", "curl multi + json-glib",
                  client_argv(b, url, "curl-jsonglib", "concurrent", s, k), network=True),
    ]
    for c in rows:
        c.batch = s["requests"]
    return rows


def memory_contenders(b, cfg):
    n = str(cfg["memory"]["held"])
    return [
        Contender("python-dicts", "Python dicts from json.loads",
                  [PYTHON, "-B", os.path.join(HERE, "bench_py.py"), "memory", "--body", BODY,
                   "--memory", n]),
        Contender("nexor", "nexor-glib NexorLead",
                  [tool(b, "bench-parse"), "--impl", "nexor", "--body", BODY, "--memory", n]),
        Contender("jsonglib", "json-glib tree alone",
                  [tool(b, "bench-parse"), "--impl", "jsonglib", "--body", BODY, "--memory", n]),
        Contender("jsonc", "json-c tree alone",
                  [tool(b, "bench-parse-jsonc"), "--impl", "jsonc", "--body", BODY, "--memory", n]),
        Contender("raw", "raw bytes (GBytes copy of the body)",
                  [tool(b, "bench-parse"), "--impl", "raw", "--body", BODY, "--memory", n]),
    ]


# --------------------------------------------------------------------------
# Callgrind: instructions per operation, from the difference of two runs of
# different lengths (so start-up and warm-up cancel out). Every thread of the
# client is counted; the responder runs natively.

def callgrind_total(argv, env, workdir, timeout):
    out = os.path.join(workdir, f"callgrind.{len(os.listdir(workdir))}.out")
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv
    proc = subprocess.run(cmd, env=child_env(env), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"callgrind exited {proc.returncode}: {proc.stderr.strip()[-400:]}")
    total = None
    with open(out) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    if total is None:
        raise RuntimeError("no totals in callgrind output")
    return total


def callgrind_rows(b, url, cfg, timeout, smoke=False):
    c = cfg["callgrind"]
    rows = []
    if shutil.which("valgrind") is None:
        return [{"key": "callgrind", "label": "valgrind not installed", "skipped": "no valgrind"}]

    def client(impl, mode, extra=None):
        def argv(n):
            base = dict(requests=n, batches=1, warmup=c["warmup"])
            return client_argv(b, url, impl, mode, base, extra=extra)
        return argv

    def parse(impl):
        def argv(n):
            exe = tool(b, "bench-parse-jsonc" if impl == "jsonc" else "bench-parse")
            return [exe, "--impl", impl, "--body", BODY, "--iterations", str(n), "--batches", "1"]
        return argv

    plan = [
        ("nexor-sync", "nexor-glib get_lead (blocking)", client("nexor", "sync"), "small", "large"),
        ("soup-sync", "hand-written libsoup + json-glib (blocking)", client("soup", "sync"), "small", "large"),
        ("nexor-sync-no-deadline", "  (diagnostic) the same, timeout 0: no deadline",
         client("nexor", "sync", ["--nexor-timeout", "0"]), "small", "large"),
        ("nexor-async", "nexor-glib get_lead_async", client("nexor", "async"), "small", "large"),
        ("soup-async", "hand-written libsoup async + json-glib", client("soup", "async"), "small", "large"),
        ("rest-sync", "librest + json-glib (blocking)", client("rest", "sync"), "small", "large"),
        ("curl-jsonc-sync", "libcurl easy + json-c", client("curl-jsonc", "sync"), "small", "large"),
        ("parse-nexor", "parse: body -> NexorLead", parse("nexor"), "parse_small", "parse_large"),
        ("parse-jsonglib", "parse: json-glib JsonParser alone", parse("jsonglib"), "parse_small", "parse_large"),
        ("parse-jsonc", "parse: json-c", parse("jsonc"), "parse_small", "parse_large"),
    ]
    if smoke:
        # Valgrind starts slowly: check the machinery on one row of each kind.
        plan = [p for p in plan if p[0] in ("nexor-sync", "parse-nexor")]
    with tempfile.TemporaryDirectory(prefix="nexor-bench-cg.") as workdir:
        for key, label, argv, small, large in plan:
            row = {"key": key, "label": label}
            try:
                t_small = callgrind_total(argv(c[small]), None, workdir, timeout)
                t_large = callgrind_total(argv(c[large]), None, workdir, timeout)
                row["instructions"] = (t_large - t_small) / (c[large] - c[small])
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                row["errors"] = [str(e)]
            rows.append(row)
    return rows


# --------------------------------------------------------------------------
# What users feel: TLS, round trips, imports, the CLI's start, paged memory.
#
# Every https server of these sections uses one certificate (ECDSA P-256,
# made for the run) and lets its clients negotiate one thing only: TLS 1.3,
# TLS_AES_128_GCM_SHA256, X25519. The canned responder pins it with OpenSSL
# (bench-responder.c); the emulator's GnuTLS through glib-networking's
# G_TLS_GNUTLS_PRIORITY (below). Clients keep their defaults.

TLS_TEXT = "TLS 1.3, TLS_AES_128_GCM_SHA256, X25519, ECDSA P-256 certificate"
GNUTLS_PRIORITY = "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-GCM:-GROUP-ALL:+GROUP-X25519"


class Tls:
    """A certificate and key for 127.0.0.1, made for one run, that every
    client trusts as its own anchor (a CA certificate: GnuTLS wants one)."""

    def __init__(self, workdir):
        self.cert = os.path.join(workdir, "bench-cert.pem")
        self.key = os.path.join(workdir, "bench-key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", self.key,
                        "-out", self.cert, "-days", "2", "-subj", "/CN=nexor-glib bench",
                        "-addext", "subjectAltName=IP:127.0.0.1",
                        "-addext", "basicConstraints=critical,CA:TRUE",
                        "-addext", "keyUsage=critical,keyCertSign,digitalSignature"],
                       check=True, capture_output=True)


class Emulator:
    def __init__(self, builddir, tls):
        exe = os.path.join(builddir, "tools", "nexor-emulator", "nexor-emulator")
        env = child_env({"G_TLS_GNUTLS_PRIORITY": GNUTLS_PRIORITY})
        self.proc = subprocess.Popen([exe, "--port", "0", "--tls-cert", tls.cert, "--tls-key", tls.key,
                                      "--api-key", API_KEY], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.base = self.proc.stdout.readline().strip()
        if not self.base.startswith("https://"):
            raise RuntimeError("nexor-emulator did not start")
        self.port = int(self.base.split(":")[2].split("/")[0])

    def cpu_s(self):
        """The emulator's own CPU time so far (user + system), in seconds."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Relay:
    """bench/latency_relay.py in front of a server: https://127.0.0.1:PORT/api/public."""

    # (rtt_ms 0 is a relay without delay, for a baseline on the same path.)

    def __init__(self, port, rtt_ms):
        self.rtt_ms = rtt_ms
        self.proc = subprocess.Popen([PYTHON, "-B", os.path.join(HERE, "latency_relay.py"),
                                      "--target", f"127.0.0.1:{port}", "--rtt-ms", str(rtt_ms)],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("relay "):
            raise RuntimeError("latency relay did not start")
        self.base = f"https://{line.split()[1]}/api/public"

    def connections(self):
        """Connections the relay has accepted so far (it answers SIGUSR1)."""
        self.proc.send_signal(signal.SIGUSR1)
        return json.loads(self.proc.stdout.readline())["connections"]

    def stop(self):
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=10)
            return json.loads(out.strip().splitlines()[-1])
        except (subprocess.TimeoutExpired, ValueError, IndexError):
            self.proc.kill()
            return None


API_KEY = "nxr_live_bench_key"


def tls_contenders(b, url, cfg, ca, op):
    s = cfg["tls_" + op]
    ps = dict(s, requests=s["python_requests"], warmup=max(5, s["warmup"] // 2))
    extra = ["--op", op, "--ca-file", ca]
    py_extra = ["--op", op, "--ca-file", ca]
    rows = [
        Contender("soup", "hand-written libsoup + json-glib (floor)",
                  client_argv(b, url, "soup", "sync", s, extra=extra), network=True),
        Contender("nexor", f"nexor-glib {op}_lead", client_argv(b, url, "nexor", "sync", s, extra=extra),
                  network=True),
    ]
    if op == "create":
        # The reference of the create target, paired batch by batch.
        rows.append(Contender("nexor-get", "nexor-glib get_lead (reference)",
                              client_argv(b, url, "nexor", "sync", s, extra=["--ca-file", ca]),
                              network=True))
    rows += [
        Contender("nexor-async", f"nexor-glib {op}_lead_async, 1 in flight",
                  client_argv(b, url, "nexor", "async", s, extra=extra), network=True),
        Contender("curl-jsonc", "libcurl easy + json-c", client_argv(b, url, "curl-jsonc", "sync", s, extra=extra),
                  network=True),
        Contender("curl-jsonglib", "libcurl easy + json-glib",
                  client_argv(b, url, "curl-jsonglib", "sync", s, extra=extra), network=True),
        Contender("python-requests", "Python requests (Session)",
                  py_client_argv(url, "requests", "sync", ps) + py_extra, network=True,
                  unavailable=python_module_missing("requests")),
        Contender("python-httpx", "Python httpx.Client",
                  py_client_argv(url, "httpx", "sync", ps) + py_extra, network=True,
                  unavailable=python_module_missing("httpx")),
    ]
    for c in rows:
        c.batch = s["python_requests"] if c.key.startswith("python-") else s["requests"]
        c.batch_warmup = s.get("batch_warmup", 0)
    return rows


def card_section(b, cfg, emulator, tls, timeout):
    s = cfg["card"]
    relay = Relay(emulator.port, s["rtt_ms"])
    try:
        common = ["--url", relay.base, "--ca-file", tls.cert, "--cards", str(s["cards"]),
                  "--batches", str(s["batches"]), "--warmup", str(s["warmup"])]
        py = [PYTHON, "-B", os.path.join(HERE, "bench_py.py"), "card", "--url", relay.base,
              "--ca-file", tls.cert, "--requests", str(s["cards"]), "--batches", str(s["batches"]),
              "--warmup", str(s["warmup"])]
        contenders = [
            Contender("nexor", "nexor-glib, 5 async calls in flight together",
                      [tool(b, "bench-scenarios"), "card"] + common),
            Contender("nexor-sequential", "nexor-glib, 5 blocking calls one after the other",
                      [tool(b, "bench-scenarios"), "card", "--sequential"] + common),
            Contender("python-requests", "Python requests, one call after the other",
                      py, unavailable=python_module_missing("requests")),
        ]
        for c in contenders:
            run_contender(c, None, timeout)
    finally:
        relay.stop()
    rows = []
    for c in contenders:
        r = summarize(c)
        if r.get("wall_us") is not None:
            r["wall_ms_per_card"] = r["wall_us"] / 1000
            r["rtt_per_card"] = r["wall_us"] / 1000 / s["rtt_ms"]
            r["cpu_ms_per_card"] = r["cpu_us"] / 1000
        rows.append(r)
    return {"key": "card", "title": f"lead card at {s['rtt_ms']} ms RTT (Get Lead, history page, meetings, "
            "tags, is_paused), emulator over https, warm connections", "unit": "ms/card", "rows": rows,
            "rtt_ms": s["rtt_ms"], "note": TLS_TEXT}


def timed_children(argv, env, timeout, shell=False):
    """Runs one process (and its children); wall and CPU of all of them."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    proc = subprocess.run(argv, env=env, shell=shell, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout, check=False)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # Each voluntary switch is a wait: for the server, a lock, another thread.
    timed_children.switches = after.ru_nvcsw - before.ru_nvcsw
    return proc, wall, cpu


def import_section(b, cfg, emulator, tls, timeout, workdir):
    s = cfg["import"]
    n = s["leads"]
    leads = [{"first_name": f"Lead{i}", "last_name": "Import", "email": f"lead{i}@import.example.com",
              "phone": f"+5691{i:07d}", "company": "Acme", "source": "import"} for i in range(n)]
    path = os.path.join(workdir, "leads.json")
    with open(path, "w") as f:
        json.dump(leads, f)
    nexor = os.path.join(b, "tools", "nexor", "nexor")
    sample = s["per_lead_sample"]
    rows = []

    def cli_env(base):
        return child_env({"NEXOR_BASE_URL": base, "NEXOR_API_KEY": API_KEY, "NEXOR_CA_FILE": tls.cert})

    def run_cli(base):
        # One process for the whole file: it sends batches of 1,000, 4 at once.
        proc, wall, cpu = timed_children([nexor, "lead", "create", "--from-file", path, "--json"],
                                         cli_env(base), timeout)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode()[-300:])
        return {"n": n, "wall_us": wall * 1e6, "user_us": cpu * 1e6, "sys_us": 0}

    def run_lines(argv):
        return run_child(argv, child_env(), timeout)[-1]

    scen = [tool(b, "bench-scenarios"), "import", "--ca-file", tls.cert, "--file", path]
    py = [PYTHON, "-B", os.path.join(HERE, "bench_py.py"), "import", "--ca-file", tls.cert, "--body", path]
    plan = [
        ("cli", "nexor lead create --from-file, one file (batches of 1,000, 4 in flight)", n, run_cli),
        ("nexor-loop", "library loop: create_leads per 1,000, one at a time", n,
         lambda base: run_lines(scen + ["--url", base])),
        ("nexor-parallel", "library: create_leads per 1,000, 4 in flight", n,
         lambda base: run_lines(scen + ["--url", base, "--in-flight", "4"])),
        ("nexor-per-lead", f"library loop: create_lead per lead ({sample} measured)", sample,
         lambda base: run_lines(scen + ["--url", base, "--per-lead", str(sample)])),
        ("python-bulk", "Python requests, bulk POST per 1,000", n,
         lambda base: run_lines(py + ["--url", base, "--impl", "bulk"])),
        ("python-per-lead", f"Python requests, POST per lead ({sample} measured)", sample,
         lambda base: run_lines(py + ["--url", base, "--impl", "per-lead", "--requests", str(sample)])),
    ]
    # The 10,000-lead file in one command, as the issue asks for it.
    proc, _, _ = timed_children([nexor, "lead", "create", "--from-file", path, "--json"],
                                cli_env(emulator.base), timeout)
    one_file = {"exit_status": proc.returncode, "stderr": proc.stderr.decode().strip()[-300:]}

    # Every lead exists before the first measurement, so that each contender
    # upserts the same 10,000 leads (a first import creates them: slower).
    run_lines(scen + ["--url", emulator.base, "--in-flight", "4"])
    # "At 0 ms" goes through a relay too, with no delay: the same TCP path
    # (the relay's sockets have TCP_NODELAY; a direct loopback connection
    # can stall on delayed ACKs where a relayed one does not), so that the
    # difference is the round trips alone.
    relay = Relay(emulator.port, s["rtt_ms"])
    relay0 = Relay(emulator.port, 0)
    try:
        for key, label, measured, run in plan:
            row = {"key": key, "label": label, "measured_leads": measured}
            # A single import is one sample on a shared machine: the bulk ones
            # run twice each way and keep their quicker run.
            reps = 1 if measured != n else s["repeats"]
            try:
                # Each way in turn, so that both meet the same load on a
                # shared machine (one after the other, a change of load
                # between them showed as round trips).
                zeros, fars, connections = [], [], 0
                for _ in range(reps):
                    zeros.append(run(relay0.base))
                    before = relay.connections()
                    server_before = emulator.cpu_s()
                    far = run(relay.base)
                    far["server_s"] = emulator.cpu_s() - server_before
                    connections += relay.connections() - before
                    fars.append(far)
                zero = min(zeros, key=lambda r: r["wall_us"])
                far = min(fars, key=lambda r: r["wall_us"])
                row["connections"] = connections / reps
                scale = n / measured
                row["wall_s_at_0"] = zero["wall_us"] / 1e6 * scale
                row["wall_s"] = far["wall_us"] / 1e6 * scale
                row["cpu_s"] = (far["user_us"] + far["sys_us"]) / 1e6 * scale
                row["server_s"] = far["server_s"] * scale
                # What is neither the server's work nor the client's is
                # waiting on the network: that, in round trips.
                row["round_trips"] = (row["wall_s"] - row["server_s"] - row["cpu_s"]) * 1000 / s["rtt_ms"]
                # The same import through the relay without delay holds the
                # same work and the same waiting for a core: what the delay
                # added, in round trips (a diagnostic, not the target).
                row["rtt_beyond_0"] = (row["wall_s"] - row["wall_s_at_0"]) * 1000 / s["rtt_ms"]
                row["extrapolated"] = measured != n
            except (RuntimeError, subprocess.TimeoutExpired, IndexError, ValueError) as e:
                row["errors"] = [str(e)[:300]]
            rows.append(row)
    finally:
        relay.stop()
        relay0.stop()
    return {"key": "import", "title": f"importing {n:,} leads from a JSON file at {s['rtt_ms']} ms RTT, "
            "emulator over https", "unit": "s", "rows": rows, "rtt_ms": s["rtt_ms"],
            "one_file": one_file, "note": TLS_TEXT}


def cold_start_section(b, cfg, emulator, tls, timeout):
    runs = cfg["cold"]["runs"]
    nexor = os.path.join(b, "tools", "nexor", "nexor")
    env = child_env({"NEXOR_BASE_URL": emulator.base, "NEXOR_API_KEY": API_KEY, "NEXOR_CA_FILE": tls.cert})
    url = f"{emulator.base}/leads/{LEAD_ID}"
    shell = (f"curl -sS --fail --cacert '{tls.cert}' -H 'X-API-Key: {API_KEY}' "
             f"-H 'Accept: application/json' '{url}' | jq .")
    samples = {"nexor": [], "curl-jq": []}
    errors = {"nexor": [], "curl-jq": []}
    for i in range(runs + 1):
        order = [("nexor", [nexor, "lead", "get", LEAD_ID, "--json"], False), ("curl-jq", shell, True)]
        for key, argv, is_shell in (order if i % 2 == 0 else list(reversed(order))):
            proc, wall, cpu = timed_children(argv, env, timeout, shell=is_shell)
            if proc.returncode != 0 or b"Carlos" not in proc.stdout:
                errors[key].append(f"exit {proc.returncode}: {proc.stderr.decode()[-200:]}")
            elif i > 0:      # the first pair warms the page cache
                samples[key].append((wall, cpu, timed_children.switches))
    rows = []
    for key, label in (("nexor", "nexor lead get ID --json"), ("curl-jq", "curl … | jq . (two processes and sh)")):
        pts = samples[key]
        row = {"key": key, "label": label, "runs": len(pts)}
        if pts:
            row["wall_ms"] = statistics.median(p[0] for p in pts) * 1000
            row["cpu_ms"] = statistics.median(p[1] for p in pts) * 1000
            row["context_switches"] = statistics.median(p[2] for p in pts)
        if errors[key]:
            row["errors"] = errors[key][:3]
        rows.append(row)
    return {"key": "cold-start", "title": "CLI cold start against the emulator over https (loopback)",
            "unit": "ms", "rows": rows, "note": TLS_TEXT}


def paged_memory_section(b, cfg, responder, timeout):
    n = cfg["paged"]["items"]
    with open(HISTORY_BODY) as f:
        page = json.load(f)
    json_item = statistics.mean(len(json.dumps(i, separators=(",", ":"), ensure_ascii=False).encode())
                                for i in page["history"])
    page_bytes = os.path.getsize(HISTORY_BODY)
    # Without GSlice's magazines, which keep freed blocks as in use (GLib 2.74).
    nexor = Contender("nexor", "nexor-glib NexorHistoryList (pages of 200)",
                      [tool(b, "bench-scenarios"), "history", "--url", responder.base, "--items", str(n)],
                      env={"G_SLICE": "always-malloc"})
    py = Contender("python-dicts", "Python dicts from json.loads of the same pages",
                   [PYTHON, "-B", os.path.join(HERE, "bench_py.py"), "history-memory", "--body",
                    HISTORY_BODY, "--memory", str(n)])
    rows = []
    for c in (nexor, py):
        run_contender(c, None, timeout)
        row = {"key": c.key, "label": c.label}
        if c.samples:
            row.update({k: v for k, v in c.samples[-1].items() if k not in ("bench", "impl")})
        if c.errors:
            row["errors"] = c.errors
        rows.append(row)
    return {"key": "paged-memory", "title": f"memory of a paged list: {n:,} history items loaded",
            "unit": "bytes/item", "rows": rows, "json_bytes_per_item": json_item,
            "page_bytes": page_bytes}


def print_user_section(sec):
    print()
    print(sec["title"])
    if sec.get("note"):
        print("  " + sec["note"])
    key = sec["key"]
    if key == "card":
        print(f"  {'':<52} {'wall ms':>8} {'RTTs':>6} {'CPU ms':>7}")
        for r in sec["rows"]:
            if r.get("skipped") or r.get("wall_us") is None:
                print(f"  {r['label']:<52} {r.get('skipped') or 'FAILED: ' + '; '.join(r.get('errors', []))[:150]}")
                continue
            print(f"  {r['label']:<52} {r['wall_ms_per_card']:>8.1f} {r['rtt_per_card']:>6.2f} "
                  f"{r['cpu_ms_per_card']:>7.2f}")
    elif key == "import":
        print(f"  {'':<56} {'wall s':>7} {'at 0 ms':>8} {'server':>7} {'CPU s':>6} {'RTTs':>7} {'vs 0 ms':>8} "
              f"{'conns':>6}")
        for r in sec["rows"]:
            if r.get("wall_s") is None:
                print(f"  {r['label']:<56} FAILED: {'; '.join(r.get('errors', []))[:150]}")
                continue
            mark = " (extrapolated)" if r.get("extrapolated") else ""
            print(f"  {r['label']:<56} {r['wall_s']:>7.2f} {r['wall_s_at_0']:>8.2f} {r['server_s']:>7.2f} "
                  f"{r['cpu_s']:>6.2f} {r['round_trips']:>7.1f} {r.get('rtt_beyond_0', float('nan')):>8.1f} "
                  f"{r.get('connections', 0):>6.0f}{mark}")
        one = sec["one_file"]
        print(f"  the 10,000-lead file in one `nexor lead create --from-file`: exit {one['exit_status']}"
              + (f" ({one['stderr']})" if one["stderr"] else ""))
    elif key == "cold-start":
        print(f"  {'':<52} {'wall ms':>8} {'CPU ms':>7} {'runs':>5} {'vol. switches':>14}")
        for r in sec["rows"]:
            if r.get("wall_ms") is None:
                print(f"  {r['label']:<52} FAILED: {'; '.join(r.get('errors', []))[:150]}")
                continue
            print(f"  {r['label']:<52} {r['wall_ms']:>8.1f} {r['cpu_ms']:>7.1f} {r['runs']:>5} "
                  f"{r.get('context_switches', 0):>14.0f}")
    elif key == "paged-memory":
        print(f"  JSON: {sec['json_bytes_per_item']:.0f} bytes per item, "
              f"{sec['page_bytes']:,} bytes per 200-item page")
        for r in sec["rows"]:
            if r.get("items") is None:
                print(f"  {r['label']:<52} FAILED: {'; '.join(r.get('errors', []))[:150]}")
                continue
            line = f"  {r['label']:<52} {fmt(r.get('malloc_bytes_per_item'), '{:.0f}'):>6} B/item heap, " \
                   f"{fmt(r.get('rss_bytes_per_item'), '{:.0f}')} B/item RSS"
            if r.get("retained_bytes_per_kept_item") is not None:
                line += (f"; one kept item of each page holds {r['retained_bytes_per_kept_item']:,.0f} B "
                         f"after the list is dropped")
            print(line)


def evaluate_user(sections, add, explain):
    def row(rows, key):
        return next((r for r in rows if r["key"] == key), None)

    if "tls-get" in sections:
        rows = sections["tls-get"]["rows"]
        nexor, soup, req = row(rows, "nexor"), row(rows, "soup"), row(rows, "python-requests")
        r = paired_ratio(nexor, soup) if nexor and soup and nexor.get("cpu_us") else None
        add("tls-get", "nexor / hand-written libsoup, client CPU", r, "<= 1.0", r is not None and r <= 1.0)
        r = paired_ratio(req, nexor) if req and nexor and req.get("cpu_us") and nexor.get("cpu_us") else None
        add("tls-get", "Python requests / nexor, client CPU", r, ">= 5", r is not None and r >= 5)
        if nexor:
            explain("tls-get", "connections opened per 1,000 get_lead", nexor.get("connections_per_1000"))
    if "tls-create" in sections:
        rows = sections["tls-create"]["rows"]
        nexor, get_, req = row(rows, "nexor"), row(rows, "nexor-get"), row(rows, "python-requests")
        r = paired_ratio(nexor, get_) if nexor and get_ and nexor.get("cpu_us") and get_.get("cpu_us") else None
        add("tls-create", "create_lead / get_lead CPU (nexor, TLS)", r, "<= 1.3", r is not None and r <= 1.3)
        conns = nexor.get("connections_per_1000") if nexor else None
        add("tls-create", "connections opened per 1,000 creates", conns, "<= 32 (pool)",
            conns is not None and conns <= 32)
        r = paired_ratio(req, nexor) if req and nexor and req.get("cpu_us") and nexor.get("cpu_us") else None
        add("tls-create", "Python requests POST / nexor create, CPU", r, ">= 4", r is not None and r >= 4)
        soup = row(rows, "soup")
        if soup:
            explain("tls-create", "hand-written libsoup POSTs: connections per 1,000",
                    soup.get("connections_per_1000"))
    if "card" in sections:
        sec = sections["card"]
        nexor, req = row(sec["rows"], "nexor"), row(sec["rows"], "python-requests")
        v = nexor.get("rtt_per_card") if nexor else None
        add("card", "nexor async card, wall in RTTs", v, "<= 1.3", v is not None and v <= 1.3)
        v = req.get("rtt_per_card") if req else None
        add("card", "Python requests card, wall in RTTs", v, ">= 5", v is not None and v >= 5)
    if "import" in sections:
        for r in sections["import"]["rows"]:
            if r["key"] in ("cli", "nexor-loop", "nexor-parallel"):
                v = r.get("round_trips")
                add("import", f"{r['key']}: wall beyond server and client CPU, in RTTs", v, "<= 20",
                    v is not None and v <= 20)
        one = sections["import"]["one_file"]
        add("import", "10,000-lead file in one CLI command (exit status)", one["exit_status"], "== 0",
            one["exit_status"] == 0)
    if "cold-start" in sections:
        rows = sections["cold-start"]["rows"]
        nexor, curl = row(rows, "nexor"), row(rows, "curl-jq")
        for field, what in (("cpu_ms", "CPU"), ("wall_ms", "wall")):
            v = nexor[field] / curl[field] if nexor and curl and nexor.get(field) and curl.get(field) else None
            add("cold-start", f"nexor lead get / curl piped to jq, {what}", v, "<= 1.5", v is not None and v <= 1.5)
    if "paged-memory" in sections:
        sec = sections["paged-memory"]
        nexor = row(sec["rows"], "nexor")
        json_item = sec["json_bytes_per_item"]
        v = nexor.get("malloc_bytes_per_item") / json_item if nexor and nexor.get("malloc_bytes_per_item") else None
        add("paged-memory", "held history item / its JSON size", v, "<= 2", v is not None and v <= 2)
        v = nexor.get("retained_bytes_per_kept_item") / json_item if nexor and nexor.get("items") else None
        add("paged-memory", "one kept item after the drop / its JSON size", v, "<= 2 (no page pinned)",
            v is not None and v <= 2)
        if nexor and nexor.get("items"):
            explain("paged-memory", "one kept item's hold / the page's JSON size",
                    nexor["retained_bytes_per_kept_item"] / sec["page_bytes"])


# --------------------------------------------------------------------------
# Report

def fmt(value, spec="{:.1f}"):
    return "-" if value is None else spec.format(value)


def machine_info():
    info = {"kernel": platform.release(), "python": platform.python_version(),
            "cpus": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            info["cpu"] = m.group(1).strip() if m else None
    except OSError:
        pass
    try:
        with open("/etc/os-release") as f:
            m = re.search(r'PRETTY_NAME="([^"]*)"', f.read())
            info["os"] = m.group(1) if m else None
    except OSError:
        pass
    versions = {}
    for module in ("glib-2.0", "libsoup-3.0", "json-glib-1.0", "rest-1.0", "libcurl", "json-c"):
        r = subprocess.run(["pkg-config", "--modversion", module], capture_output=True, text=True,
                           check=False)
        versions[module] = r.stdout.strip() or None
    r = subprocess.run([PYTHON, "-c", "import requests, httpx, gi; print(requests.__version__, "
                        "httpx.__version__, gi.__version__)"],
                       capture_output=True, text=True, check=False)
    if r.returncode == 0:
        versions["requests"], versions["httpx"], versions["pygobject"] = r.stdout.split()
    info["versions"] = versions
    # Which tree the figures come from (read-only git queries).
    r = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                       text=True, check=False)
    if r.returncode == 0:
        info["commit"] = r.stdout.strip()
        r = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False)
        info["uncommitted_changes"] = len(r.stdout.splitlines())
    return info


def load_average():
    return [round(x, 2) for x in os.getloadavg()]


def paired_ratio(a, b):
    """Median over the cycles of a's batch over b's batch in the same cycle.

    Batches of one cycle run seconds apart, so a load swing on the machine
    hits both sides of each ratio; a ratio of two medians would not cancel it.
    """
    xs = a.get("cpu_us_series") or []
    ys = b.get("cpu_us_series") or []
    pairs = [x / y for x, y in zip(xs, ys) if y]
    return statistics.median(pairs) if pairs else None


def add_ratios(rows, floor_key):
    floor = next((r for r in rows if r["key"] == floor_key), None)
    for r in rows:
        r["ratio"] = paired_ratio(r, floor) if (floor and r.get("cpu_us") is not None) else None


def print_section(title, unit, rows, note=None):
    print()
    print(title)
    if note:
        print("  " + note)
    conns = any(r.get("connections_per_1000") is not None for r in rows)
    print(f"  {'':<48} {unit:>11} {'x floor':>8} {'IQR':>13} {'user µs':>8} {'wall µs':>9} {'server µs':>10}"
          + (f" {'conn/1k':>8}" if conns else ""))
    for r in rows:
        if r.get("skipped"):
            print(f"  {r['label']:<48} skipped: {r['skipped']}")
            continue
        if r.get("cpu_us") is None:
            print(f"  {r['label']:<48} FAILED: {'; '.join(r.get('errors', ['no figures']))[:200]}")
            continue
        iqr = f"{r['cpu_us_q1']:.1f}-{r['cpu_us_q3']:.1f}"
        print(f"  {r['label']:<48} {r['cpu_us']:>11.1f} {fmt(r.get('ratio'), '{:.2f}'):>8} "
              f"{iqr:>13} {fmt(r.get('user_us')):>8} {fmt(r.get('wall_us')):>9} "
              f"{fmt(r.get('server_cpu_us_per_request')):>10}"
              + (f" {fmt(r.get('connections_per_1000'), '{:.0f}'):>8}" if conns else ""))
        for e in r.get("errors", []):
            print(f"  {'':<48} ! {e[:150]}")


def get(rows, key, field="cpu_us"):
    r = next((r for r in rows if r["key"] == key), None)
    return None if r is None else r.get(field)


def evaluate(results):
    targets = []

    def add(section, name, value, limit, ok):
        targets.append({"section": section, "target": name,
                        "value": None if value is None else round(value, 3),
                        "limit": limit, "met": None if value is None else bool(ok)})

    def explain(section, name, value):
        # Not a target: a figure that tells why one was met or missed.
        targets.append({"section": section, "target": name,
                        "value": None if value is None else round(value, 3),
                        "limit": None, "met": None, "diagnostic": True})

    def row(rows, key):
        return next((r for r in rows if r["key"] == key), None)

    sections = {s["key"]: s for s in results["sections"]}
    if "parse" in sections:
        rows = sections["parse"]["rows"]
        ratio = get(rows, "nexor", "ratio")
        add("parse", "typed parse / json-glib parse", ratio, "<= 1.3", ratio is not None and ratio <= 1.3)
    for key in ("sequential-sync", "sequential-async", "concurrent"):
        if key not in sections:
            continue
        rows = sections[key]["rows"]
        nexor = get(rows, "nexor")
        ratio = get(rows, "nexor", "ratio")
        add(key, "nexor / hand-written libsoup", ratio, "<= 1.1", ratio is not None and ratio <= 1.1)
        if row(rows, "rest") is not None and row(rows, "rest").get("cpu_us") is not None and nexor:
            r = paired_ratio(row(rows, "nexor"), row(rows, "rest"))
            add(key, "nexor / librest", r, "< 1", r is not None and r < 1)
        if row(rows, "python-requests") is not None and row(rows, "python-requests").get("cpu_us"):
            r = paired_ratio(row(rows, "python-requests"), row(rows, "nexor"))
            add(key, "Python requests / nexor", r, ">= 5", r is not None and r >= 5)
            # The kernel's share of a GLib round trip swings with the host;
            # Python's cost is nearly all user time.
            explain(key, "Python requests / hand-written libsoup (the floor's own ratio)",
                    paired_ratio(row(rows, "python-requests"), row(rows, "soup")))
            req_user, nexor_user = get(rows, "python-requests", "user_us"), get(rows, "nexor", "user_us")
            if req_user and nexor_user:
                explain(key, "Python requests / nexor, user CPU only", req_user / nexor_user)
        elif "sequential-sync" in sections and nexor:
            # requests has no async API: its blocking figure, from another section.
            requests_cpu = get(sections["sequential-sync"]["rows"], "python-requests")
            if requests_cpu:
                add(key, "Python requests (blocking) / nexor", requests_cpu / nexor, ">= 5",
                    requests_cpu / nexor >= 5)
    evaluate_user(sections, add, explain)
    if "memory" in sections:
        rows = sections["memory"]["rows"]
        nexor = get(rows, "nexor", "rss_bytes_per_item")
        py = get(rows, "python-dicts", "rss_bytes_per_item")
        if nexor is not None and py:
            add("memory", "NexorLead bytes / Python dict bytes", nexor / py, "< 1", nexor < py)
    return targets


def markdown_user_section(sec):
    out = []
    key = sec["key"]
    if key == "card":
        out.append("| | wall ms/card | RTTs | client CPU ms/card |")
        out.append("|---|---:|---:|---:|")
        for r in sec["rows"]:
            if r.get("wall_us") is None:
                out.append(f"| {r['label']} | {r.get('skipped') or 'failed'} | | |")
                continue
            out.append(f"| {r['label']} | {r['wall_ms_per_card']:.1f} | {r['rtt_per_card']:.2f} | "
                       f"{r['cpu_ms_per_card']:.2f} |")
    elif key == "import":
        out.append("| | wall s | wall s at 0 ms | server CPU s | client CPU s | round trips | RTTs beyond 0 ms "
                   "| connections |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in sec["rows"]:
            if r.get("wall_s") is None:
                out.append(f"| {r['label']} | failed | | | | | | |")
                continue
            mark = " (extrapolated)" if r.get("extrapolated") else ""
            out.append(f"| {r['label']}{mark} | {r['wall_s']:.2f} | {r['wall_s_at_0']:.2f} | {r['server_s']:.2f} | "
                       f"{r['cpu_s']:.2f} | {r['round_trips']:.1f} | "
                       + (f"{r['rtt_beyond_0']:.1f}" if r.get("rtt_beyond_0") is not None else "-")
                       + f" | {r.get('connections', 0):.0f} |")
        one = sec["one_file"]
        out.append("")
        out.append(f"The 10,000-lead file in one `nexor lead create --from-file`: exit status "
                   f"{one['exit_status']}" + (f" (`{one['stderr']}`)" if one["stderr"] else "") + ".")
    elif key == "cold-start":
        out.append("| | wall ms | CPU ms (every process) | runs | voluntary context switches |")
        out.append("|---|---:|---:|---:|---:|")
        for r in sec["rows"]:
            if r.get("wall_ms") is None:
                out.append(f"| {r['label']} | failed | | |")
                continue
            out.append(f"| {r['label']} | {r['wall_ms']:.1f} | {r['cpu_ms']:.1f} | {r['runs']} | "
                       f"{r.get('context_switches', 0):.0f} |")
    elif key == "paged-memory":
        out.append(f"JSON: {sec['json_bytes_per_item']:.0f} bytes per item, {sec['page_bytes']:,} bytes "
                   "per 200-item page.")
        out.append("")
        out.append("| | heap B/item | RSS B/item | one kept item of each page, after the drop |")
        out.append("|---|---:|---:|---:|")
        for r in sec["rows"]:
            kept = r.get("retained_bytes_per_kept_item")
            out.append(f"| {r['label']} | {fmt(r.get('malloc_bytes_per_item'), '{:,.0f}')} | "
                       f"{fmt(r.get('rss_bytes_per_item'), '{:,.0f}')} | "
                       f"{'-' if kept is None else f'{kept:,.0f} B'} |")
    return out


def markdown(results):
    """The results as the Markdown tables of docs/performance.md."""
    out = []
    m = results["machine"]
    out.append(f"Measured {results['started']} on {m.get('cpu')}, {m.get('cpus')} CPUs, "
               f"{m.get('os')}, kernel {m.get('kernel')}; tree {m.get('commit', '?')}"
               + (f" with {m['uncommitted_changes']} files changed" if m.get("uncommitted_changes") else "")
               + f"; load average {results['load_average_start'][0]} at the start, "
               f"{results['load_average_end'][0]} at the end.")
    v = m.get("versions", {})
    out.append("Versions: " + ", ".join(f"{k} {val}" for k, val in v.items() if val) + ".")
    if results.get("tls_negotiated"):
        out.append(f"Every https handshake with the canned responder negotiated: {results['tls_negotiated']}.")
    for sec in results["sections"]:
        out.append("")
        out.append(f"**{sec['title']}**" + (f" ({sec['note']})" if sec.get("note") else ""))
        out.append("")
        if sec["key"] == "memory":
            out.append("| | RSS bytes/lead | malloc bytes/lead |")
            out.append("|---|---:|---:|")
            for r in sec["rows"]:
                out.append(f"| {r['label'].strip()} | {fmt(r.get('rss_bytes_per_item'), '{:,.0f}')} | "
                           f"{fmt(r.get('malloc_bytes_per_item'), '{:,.0f}')} |")
            continue
        if sec["key"] == "callgrind":
            out.append("| | instructions per operation |")
            out.append("|---|---:|")
            for r in sec["rows"]:
                out.append(f"| {r['label'].strip()} | {fmt(r.get('instructions'), '{:,.0f}')} |")
            continue
        if sec["key"] in ("card", "import", "cold-start", "paged-memory"):
            out.extend(markdown_user_section(sec))
            continue
        conns = any(r.get("connections_per_1000") is not None for r in sec["rows"])
        out.append(f"| | {sec['unit']} | × floor | IQR | user µs | wall µs | server µs/req |"
                   + (" conn/1k |" if conns else ""))
        out.append("|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if conns else ""))
        for r in sec["rows"]:
            if r.get("cpu_us") is None:
                out.append(f"| {r['label'].strip()} | {r.get('skipped') or 'failed'} | | | | | |"
                           + (" |" if conns else ""))
                continue
            out.append(f"| {r['label'].strip()} | {r['cpu_us']:.1f} | {fmt(r.get('ratio'), '{:.2f}')} | "
                       f"{r['cpu_us_q1']:.0f}–{r['cpu_us_q3']:.0f} | {fmt(r.get('user_us'))} | "
                       f"{fmt(r.get('wall_us'))} | {fmt(r.get('server_cpu_us_per_request'))} |"
                       + (f" {fmt(r.get('connections_per_1000'), '{:.0f}')} |" if conns else ""))
    out.append("")
    out.append("| target | measured | limit | |")
    out.append("|---|---:|---:|---|")
    for t in results.get("targets", []):
        if t.get("diagnostic"):
            state, limit = "(not a target)", ""
        else:
            state = "n/a" if t["met"] is None else ("PASS" if t["met"] else "**MISS**")
            limit = t["limit"]
        out.append(f"| {t['section']}: {t['target']} | {fmt(t['value'], '{:.2f}')} | {limit} | {state} |")
    return "\n".join(out) + "\n"


ALL_SECTIONS = ["parse", "sequential-sync", "sequential-async", "concurrent", "memory", "callgrind", "tls-get", "tls-create", "card", "import", "cold-start", "paged-memory"]


def print_judged(results, key):
    """The targets of one section, judged, right under its table."""
    for t in evaluate(results):
        if t["section"] != key:
            continue
        if t.get("diagnostic"):
            print(f"  = {t['target']}: {fmt(t['value'], '{:.2f}')} (not a target)")
        else:
            state = "n/a" if t["met"] is None else ("PASS" if t["met"] else "MISS")
            print(f"  target {t['target']} {t['limit']}: {fmt(t['value'], '{:.2f}')} {state}")


def main():
    parser = argparse.ArgumentParser(description="nexor-glib benchmarks against the peers")
    parser.add_argument("--builddir")
    parser.add_argument("--smoke", action="store_true", help="a few operations each: check, not measure")
    parser.add_argument("--batches", type=int,
                        help="measured batches per contender in every section (default: 30 parse, "
                             "24 sequential, 3 concurrent)")
    parser.add_argument("--json", help="where to write the results (default BUILDDIR/bench-results.json)")
    parser.add_argument("--only", nargs="+",
                        choices=ALL_SECTIONS)
    parser.add_argument("--no-callgrind", action="store_true")
    parser.add_argument("--markdown", help="also write the results as Markdown tables to this file")
    parser.add_argument("--from-json", help="only render an earlier run's JSON (with --markdown)")
    args = parser.parse_args()

    if args.from_json:
        with open(args.from_json) as f:
            results = json.load(f)
        # Targets are judged again, so that a newer runner's reading applies.
        results["targets"] = evaluate(results)
        text = markdown(results)
        if args.markdown:
            with open(args.markdown, "w") as f:
                f.write(text)
        else:
            sys.stdout.write(text)
        return 0

    if not args.builddir:
        parser.error("--builddir is required unless --from-json is given")

    cfg = json.loads(json.dumps(SMOKE if args.smoke else FULL))
    if args.batches:
        for key in ("parse", "sequential", "python_sequential", "concurrent"):
            cfg[key]["batches"] = args.batches
    b = os.path.abspath(args.builddir)
    wanted = set(args.only or ALL_SECTIONS)
    if args.no_callgrind:
        wanted.discard("callgrind")
    timeout = 120 if args.smoke else 900

    results = {
        "mode": "smoke" if args.smoke else "full",
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine_info(),
        "load_average_start": load_average(),
        "config": cfg,
        "body_bytes": os.path.getsize(BODY),
        "sections": [],
    }
    print(f"nexor-glib benchmarks ({results['mode']}): {results['machine'].get('cpu')}, "
          f"{results['machine']['cpus']} CPUs, load {results['load_average_start']}")
    print(f"Get Lead body: {results['body_bytes']} bytes ({os.path.relpath(BODY, REPO)}); "
          f"tree {results['machine'].get('commit', '?')}"
          + (f" + {results['machine']['uncommitted_changes']} changed files"
             if results['machine'].get('uncommitted_changes') else ""))

    workdir = tempfile.mkdtemp(prefix="nexor-bench.")
    tls = Tls(workdir)
    responder = Responder(tool(b, "bench-responder"), tls)
    emulator = None
    try:
        url = responder.base
        plan = []
        if "parse" in wanted:
            plan.append(("parse", "parse: Get Lead body -> objects", "CPU µs/op", "jsonglib",
                         parse_contenders(b, cfg), None, cfg["parse"]["batches"]))
        if "sequential-sync" in wanted:
            plan.append(("sequential-sync", "sequential get_lead, blocking, keep-alive",
                         "CPU µs/req", "soup", sequential_contenders(b, url, cfg, "sync"), None,
                         cfg["sequential"]["batches"]))
        if "sequential-async" in wanted:
            plan.append(("sequential-async", "sequential get_lead, async, keep-alive",
                         "CPU µs/req", "soup", sequential_contenders(b, url, cfg, "async"), None,
                         cfg["sequential"]["batches"]))
        if "concurrent" in wanted:
            s = cfg["concurrent"]
            plan.append(("concurrent",
                         f"concurrent: {s['requests']} requests, {s['in_flight']} in flight, one client",
                         "CPU µs/req", "soup", concurrent_contenders(b, url, cfg),
                         "every client capped at 32 connections to the host (nexor-glib's default)",
                         s["batches"]))
        for op in ("get", "create"):
            if f"tls-{op}" in wanted:
                plan.append((f"tls-{op}", f"{op}_lead over https, keep-alive, sequential (canned responder)",
                             "CPU µs/req", "soup", tls_contenders(b, responder.tls_base, cfg, tls.cert, op),
                             TLS_TEXT + "; conn/1k: connections the server accepted per 1,000 calls",
                             cfg["tls_" + op]["batches"]))

        for key, title, unit, floor, contenders, note, batches in plan:
            run_driven(contenders, batches, responder, timeout)
            rows = [summarize(c) for c in contenders]
            add_ratios(rows, floor)
            results["sections"].append({"key": key, "title": title, "unit": unit, "floor": floor,
                                        "note": note, "rows": rows})
            print_section(title, unit, rows, note)
            print_judged(results, key)

        if "memory" in wanted:
            contenders = memory_contenders(b, cfg)
            for c in contenders:
                run_contender(c, None, timeout)
            rows = [summarize(c) for c in contenders]
            results["sections"].append({"key": "memory", "title": "memory per retained lead",
                                        "unit": "bytes/lead", "rows": rows})
            print()
            print(f"memory: {cfg['memory']['held']} leads held, growth of the process per lead")
            print(f"  {'':<48} {'RSS B/lead':>11} {'malloc B/lead':>14}")
            for r in rows:
                if r.get("rss_bytes_per_item") is None:
                    print(f"  {r['label']:<48} FAILED: {'; '.join(r.get('errors', ['no figures']))[:200]}")
                    continue
                print(f"  {r['label']:<48} {r['rss_bytes_per_item']:>11.0f} "
                      f"{fmt(r.get('malloc_bytes_per_item'), '{:.0f}'):>14}")

        if wanted & {"card", "import", "cold-start"}:
            emulator = Emulator(b, tls)
        for key in ("card", "import", "cold-start", "paged-memory"):
            if key not in wanted:
                continue
            if key == "card":
                sec = card_section(b, cfg, emulator, tls, timeout)
            elif key == "import":
                sec = import_section(b, cfg, emulator, tls, timeout * 2, workdir)
            elif key == "cold-start":
                sec = cold_start_section(b, cfg, emulator, tls, timeout)
            else:
                sec = paged_memory_section(b, cfg, responder, timeout)
            results["sections"].append(sec)
            print_user_section(sec)
            print_judged(results, key)

        if "callgrind" in wanted:
            rows = callgrind_rows(b, url, cfg, timeout * 4, smoke=args.smoke)
            results["sections"].append({"key": "callgrind", "title": "instructions per operation",
                                        "unit": "instructions", "rows": rows})
            print()
            print("valgrind --tool=callgrind: instructions per operation (client, every thread)")
            for r in rows:
                if r.get("instructions") is None:
                    print(f"  {r['label']:<48} {'; '.join(r.get('errors', [r.get('skipped', '')]))[:200]}")
                else:
                    print(f"  {r['label']:<48} {r['instructions']:>11,.0f}")
        results["tls_negotiated"] = responder.stats().get("tls")
    finally:
        responder.stop()
        if emulator is not None:
            emulator.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    results["load_average_end"] = load_average()
    results["targets"] = evaluate(results)
    print()
    print("targets" + (" (smoke mode: the figures mean nothing)" if args.smoke else ""))
    for t in results["targets"]:
        if t.get("diagnostic"):
            print(f"  {t['section']:<17} {t['target']:<38} {fmt(t['value'], '{:.2f}'):>7} (not a target)")
            continue
        state = "n/a" if t["met"] is None else ("PASS" if t["met"] else "MISS")
        print(f"  {t['section']:<17} {t['target']:<38} {fmt(t['value'], '{:.2f}'):>7} "
              f"(target {t['limit']}): {state}")
    if results.get("tls_negotiated"):
        print(f"every https handshake with the canned responder negotiated: {results['tls_negotiated']}")
    print(f"load average at the end: {results['load_average_end']}")

    out = args.json or os.path.join(b, "bench-results.json")
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
    print(f"results written to {out}")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(markdown(results))
        print(f"Markdown tables written to {args.markdown}")

    # Every contender that could run must have produced a figure.
    missing = []
    for s in results["sections"]:
        for r in s["rows"]:
            if r.get("skipped"):
                continue
            has = any(r.get(k) is not None for k in ("cpu_us", "rss_bytes_per_item", "instructions",
                                                     "wall_s", "wall_ms", "items"))
            if not has:
                missing.append(f"{s['key']}: {r['label']}")
    if missing:
        print("no figures from: " + ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
