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
import select
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
}

SMOKE = {
    "parse": {"iterations": 50, "batches": 2},
    "sequential": {"requests": 20, "batches": 2, "warmup": 5},
    "python_sequential": {"requests": 10, "batches": 2, "warmup": 5},
    "concurrent": {"requests": 300, "in_flight": 64, "batches": 1, "warmup": 0},
    "memory": {"held": 1000},
    "callgrind": {"small": 2, "large": 6, "warmup": 2, "parse_small": 5, "parse_large": 15},
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
        self.samples = []        # dicts from the result lines
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
    def __init__(self, exe):
        self.proc = subprocess.Popen([exe, "--body", BODY], stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http://"):
            raise RuntimeError("bench-responder did not start")
        self.base = self.url + "/api/public"

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
            before = responder.stats() if (c.network and responder) else None
            try:
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
    print(f"  {'':<48} {unit:>11} {'x floor':>8} {'IQR':>13} {'user µs':>8} {'wall µs':>9} {'server µs':>10}")
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
              f"{fmt(r.get('server_cpu_us_per_request')):>10}")
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
    if "memory" in sections:
        rows = sections["memory"]["rows"]
        nexor = get(rows, "nexor", "rss_bytes_per_item")
        py = get(rows, "python-dicts", "rss_bytes_per_item")
        if nexor is not None and py:
            add("memory", "NexorLead bytes / Python dict bytes", nexor / py, "< 1", nexor < py)
    return targets


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
        out.append(f"| | {sec['unit']} | × floor | IQR | user µs | wall µs | server µs/req |")
        out.append("|---|---:|---:|---:|---:|---:|---:|")
        for r in sec["rows"]:
            if r.get("cpu_us") is None:
                out.append(f"| {r['label'].strip()} | {r.get('skipped') or 'failed'} | | | | | |")
                continue
            out.append(f"| {r['label'].strip()} | {r['cpu_us']:.1f} | {fmt(r.get('ratio'), '{:.2f}')} | "
                       f"{r['cpu_us_q1']:.0f}–{r['cpu_us_q3']:.0f} | {fmt(r.get('user_us'))} | "
                       f"{fmt(r.get('wall_us'))} | {fmt(r.get('server_cpu_us_per_request'))} |")
    out.append("")
    out.append("| target | measured | limit | |")
    out.append("|---|---:|---:|---|")
    for t in results.get("targets", []):
        if t.get("diagnostic"):
            state, limit = "(not a target)", ""
        else:
            state = "n/a" if t["met"] is None else ("met" if t["met"] else "**missed**")
            limit = t["limit"]
        out.append(f"| {t['section']}: {t['target']} | {fmt(t['value'], '{:.2f}')} | {limit} | {state} |")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description="nexor-glib benchmarks against the peers")
    parser.add_argument("--builddir")
    parser.add_argument("--smoke", action="store_true", help="a few operations each: check, not measure")
    parser.add_argument("--batches", type=int,
                        help="measured batches per contender in every section (default: 30 parse, "
                             "24 sequential, 3 concurrent)")
    parser.add_argument("--json", help="where to write the results (default BUILDDIR/bench-results.json)")
    parser.add_argument("--only", nargs="+",
                        choices=["parse", "sequential-sync", "sequential-async", "concurrent",
                                 "memory", "callgrind"])
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
    wanted = set(args.only or ["parse", "sequential-sync", "sequential-async", "concurrent",
                               "memory", "callgrind"])
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

    responder = Responder(tool(b, "bench-responder"))
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

        for key, title, unit, floor, contenders, note, batches in plan:
            run_driven(contenders, batches, responder, timeout)
            rows = [summarize(c) for c in contenders]
            add_ratios(rows, floor)
            results["sections"].append({"key": key, "title": title, "unit": unit, "floor": floor,
                                        "note": note, "rows": rows})
            print_section(title, unit, rows, note)

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
    finally:
        responder.stop()

    results["load_average_end"] = load_average()
    results["targets"] = evaluate(results)
    print()
    print("targets" + (" (smoke mode: the figures mean nothing)" if args.smoke else ""))
    for t in results["targets"]:
        if t.get("diagnostic"):
            print(f"  {t['section']:<17} {t['target']:<38} {fmt(t['value'], '{:.2f}'):>7} (not a target)")
            continue
        state = "n/a" if t["met"] is None else ("met" if t["met"] else "MISSED")
        print(f"  {t['section']:<17} {t['target']:<38} {fmt(t['value'], '{:.2f}'):>7} "
              f"(target {t['limit']}): {state}")
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
            has = any(r.get(k) is not None for k in ("cpu_us", "rss_bytes_per_item", "instructions"))
            if not has:
                missing.append(f"{s['key']}: {r['label']}")
    if missing:
        print("no figures from: " + ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
