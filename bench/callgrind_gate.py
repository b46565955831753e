"""The regression gate: instructions per operation against a committed baseline.

    /usr/bin/python3 bench/callgrind_gate.py --builddir DIR [--baseline FILE]
                                            [--update] [--tolerance PCT] [--json FILE]

Counts, under valgrind's callgrind, the instructions nexor-glib spends on one
operation of each kind (get_lead, get_lead_async, create_lead over plain
http to the canned responder; the parse of a Get Lead body and of a 200-item
history page), prints a table

    op    baseline    now    delta %

and exits 1 when any operation costs more than --tolerance percent (3) above
bench/callgrind-baseline.json. Cheaper is fine: the table shows it, and
rewriting the baseline keeps the gain.

Each figure is the difference of two runs of the same program, one with more
operations than the other, divided by the difference in operations, so that
start-up, warm-up and the exit cancel out; every thread of the client is
counted, the responder runs natively. Instruction counts are not times: they
do not move with the load of the machine (between two runs they differ by
less than 0.5 %; docs/performance.md shows runs), so a 3 % limit is safe on a
shared 2-core CI machine.

Updating the baseline is deliberate, and the commit is the review:

    bash bench/update-baseline.sh        # = this script with --update

rewrites bench/callgrind-baseline.json with the counts of this tree (and the
versions and build type they were measured with); commit it with the change
that moved them and say why in the message. The counts depend on the
compiler, the build type and the versions of GLib, libsoup and json-glib:
when those differ from the baseline's, the table says so, and the figures
are compared all the same (a new toolchain is a reason to update the
baseline, in a commit of its own).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BASELINE = os.path.join(HERE, "callgrind-baseline.json")
LEAD_BODY = os.path.join(REPO, "tests", "data", "get-lead-page.json")
CREATE_BODY = os.path.join(HERE, "data", "create-lead.json")
HISTORY_BODY = os.path.join(HERE, "data", "history-page-200.json")
REPEATS = 3          # runs per size of the network operations; the median is kept


def ops(builddir, url):
    client = os.path.join(builddir, "bench", "bench-client")
    parse = os.path.join(builddir, "bench", "bench-parse")

    def client_argv(mode, extra=()):
        return lambda n: [client, "--impl", "nexor", "--mode", mode, "--url", url, "--requests", str(n),
                          "--batches", "1", "--warmup", "20", *extra]

    def parse_argv(impl, body):
        return lambda n: [parse, "--impl", impl, "--body", body, "--iterations", str(n), "--batches", "1"]

    # name, what it is, argv(n), small n, large n
    return [
        # A round trip's count moves from run to run: the order of
        # allocations follows the main loop's timing (whether an answer is
        # already there when the loop polls), and with it the probing of
        # GObject's global signal-handler table on every finalize
        # (g_signal_handlers_destroy -> g_hash_table_lookup). The drift does
        # not grow in step with the number of calls, so the async path, where
        # it is largest, is measured over 1,000 calls instead of 200 (three
        # runs of each length apart: 0.24 % per call against 0.77 %). Each
        # size runs REPEATS times; the median is kept.
        ("get_lead", "get_lead, blocking, keep-alive (plain http)", client_argv("sync"), 20, 220),
        ("get_lead_async", "get_lead_async, one in flight", client_argv("async"), 20, 1020),
        ("create_lead", "create_lead, blocking (plain http)", client_argv("sync", ["--op", "create"]), 20, 220),
        ("parse_lead", "parse: Get Lead body -> NexorLead", parse_argv("nexor", LEAD_BODY), 50, 550),
        ("parse_history_page", "parse: 200-item history page -> items", parse_argv("nexor-history", HISTORY_BODY),
         10, 60),
    ]


def callgrind_total(argv, workdir):
    out = os.path.join(workdir, f"callgrind.{len(os.listdir(workdir))}.out")
    env = dict(os.environ)
    for name in ("NEXOR_DEBUG", "NEXOR_API_KEY", "NEXOR_BASE_URL", "G_MESSAGES_DEBUG", "G_DEBUG",
                 "G_SLICE", "MALLOC_CHECK_", "MALLOC_PERTURB_"):
        env.pop(name, None)
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          timeout=600, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{os.path.basename(argv[0])} under callgrind exited {proc.returncode}: "
                           f"{proc.stderr.strip()[-300:]}")
    with open(out) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError("no totals in callgrind output")


def environment(builddir):
    versions = {}
    for module in ("glib-2.0", "libsoup-3.0", "json-glib-1.0"):
        r = subprocess.run(["pkg-config", "--modversion", module], capture_output=True, text=True, check=False)
        versions[module] = r.stdout.strip() or None
    r = subprocess.run(["cc", "--version"], capture_output=True, text=True, check=False)
    versions["cc"] = r.stdout.splitlines()[0] if r.returncode == 0 else None
    r = subprocess.run(["valgrind", "--version"], capture_output=True, text=True, check=False)
    versions["valgrind"] = r.stdout.strip() or None
    buildtype = None
    r = subprocess.run(["meson", "introspect", builddir, "--buildoptions"], capture_output=True, text=True,
                       check=False)
    if r.returncode == 0:
        for o in json.loads(r.stdout):
            if o["name"] in ("buildtype",):
                buildtype = o["value"]
    return {"versions": versions, "buildtype": buildtype, "arch": platform.machine()}


def start_responder(builddir):
    exe = os.path.join(builddir, "bench", "bench-responder")
    proc = subprocess.Popen([exe, "--body", LEAD_BODY, "--create-body", CREATE_BODY], stdout=subprocess.PIPE,
                            text=True)
    url = proc.stdout.readline().strip()
    if not url.startswith("http://"):
        proc.kill()
        raise RuntimeError("bench-responder did not start")
    return proc, url + "/api/public"


def measure(builddir, only=None):
    proc, url = start_responder(builddir)
    counts, errors = {}, {}
    try:
        with tempfile.TemporaryDirectory(prefix="nexor-gate.") as workdir:
            for name, _, argv, small, large in ops(builddir, url):
                if only and name not in only:
                    continue
                repeats = 1 if name.startswith("parse_") else REPEATS
                try:
                    t_small = statistics.median(callgrind_total(argv(small), workdir) for _ in range(repeats))
                    t_large = statistics.median(callgrind_total(argv(large), workdir) for _ in range(repeats))
                    counts[name] = round((t_large - t_small) / (large - small))
                except (RuntimeError, subprocess.TimeoutExpired) as e:
                    errors[name] = str(e)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return counts, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builddir", required=True)
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--update", action="store_true",
                        help="rewrite the baseline with this tree's counts (commit it: the commit is the review)")
    parser.add_argument("--tolerance", type=float, default=3.0, help="percent above baseline that fails (3)")
    parser.add_argument("--only", nargs="+", help="measure only these operations")
    parser.add_argument("--json", help="also write this run's counts here")
    args = parser.parse_args()

    if shutil.which("valgrind") is None:
        print("callgrind gate: valgrind is not installed", file=sys.stderr)
        return 2
    builddir = os.path.abspath(args.builddir)
    env = environment(builddir)
    started = time.monotonic()
    counts, errors = measure(builddir, args.only)
    took = time.monotonic() - started

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"counts": counts, "errors": errors, **env}, f, indent=2)

    if args.update:
        if errors:
            for name, e in errors.items():
                print(f"{name}: {e}", file=sys.stderr)
            print("callgrind gate: not updating the baseline, some operations failed", file=sys.stderr)
            return 1
        baseline = {"comment": "Instructions per operation under callgrind (bench/callgrind_gate.py). "
                               "Rewritten only by bench/update-baseline.sh; the commit that changes it "
                               "says why.",
                    "ops": counts, **env}
        if args.only and os.path.exists(args.baseline):
            with open(args.baseline) as f:
                old = json.load(f)
            baseline["ops"] = {**old.get("ops", {}), **counts}
        with open(args.baseline, "w") as f:
            json.dump(baseline, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"callgrind gate: wrote {os.path.relpath(args.baseline, REPO)} ({took:.0f} s)")
        for name, value in sorted(baseline["ops"].items()):
            print(f"  {name:<22} {value:>12,}")
        return 0

    try:
        with open(args.baseline) as f:
            baseline = json.load(f)
    except (OSError, ValueError) as e:
        print(f"callgrind gate: no usable baseline ({e}); make one with bench/update-baseline.sh",
              file=sys.stderr)
        return 2

    failed = []
    print(f"callgrind gate: instructions per operation, limit +{args.tolerance:g} % ({took:.0f} s)")
    print(f"  {'op':<22} {'baseline':>12} {'now':>12} {'delta %':>8}")
    for name, _, _, _, _ in ops(builddir, "http://unused"):
        if args.only and name not in args.only:
            continue
        base = baseline.get("ops", {}).get(name)
        now = counts.get(name)
        if now is None:
            print(f"  {name:<22} {fmt(base):>12} {'FAILED':>12}   {errors.get(name, '')[:120]}")
            failed.append(name)
            continue
        if base is None:
            print(f"  {name:<22} {'(none)':>12} {now:>12,} {'new':>8}")
            continue
        delta = 100.0 * (now - base) / base
        over = delta > args.tolerance
        print(f"  {name:<22} {base:>12,} {now:>12,} {delta:>+8.2f}" + ("  MISS" if over else ""))
        if over:
            failed.append(name)
    for key in ("buildtype", "arch"):
        if baseline.get(key) != env.get(key):
            print(f"  note: {key} is {env.get(key)}, the baseline's {baseline.get(key)}")
    for module, version in env["versions"].items():
        if baseline.get("versions", {}).get(module) != version:
            print(f"  note: {module} is {version}, the baseline's {baseline.get('versions', {}).get(module)}")
    if failed:
        print(f"callgrind gate: FAILED ({', '.join(failed)}); if the cost is intended, update the "
              "baseline with bash bench/update-baseline.sh and commit it with the reason")
        return 1
    print("callgrind gate: passed")
    return 0


def fmt(value):
    return "-" if value is None else f"{value:,}"


if __name__ == "__main__":
    sys.exit(main())
