#!/usr/bin/env bash
# Builds the benchmarks and runs every comparison side by side.
#
#   bash bench/run.sh [--smoke] [--batches N] [--json FILE] [--only SECTION...] [--no-callgrind]
#                     [--markdown FILE]
#
# Installs the Debian packages it needs (scripts/install-deps.sh), configures
# $NEXOR_BENCH_BUILD_DIR (default _build-bench/ in the clone) with
# -Dbench=true, builds the library, its typelib and the benchmark programs,
# then runs bench/run.py, which prints one table of medians and ratios and
# writes it as JSON (BUILDDIR/bench-results.json unless --json says where).
# A full run (every section, then the regression gate's table,
# bench/callgrind_gate.py) takes about ten minutes; --smoke takes under a
# minute and only checks that every comparison produces numbers (CI runs it,
# then the gate: scripts/test.sh). See docs/performance.md.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

bash scripts/install-deps.sh >&2

builddir=${NEXOR_BENCH_BUILD_DIR:-$repo/_build-bench}
if [[ -f $builddir/meson-private/coredata.dat ]]; then
  meson configure "$builddir" -Dbench=true >/dev/null
else
  meson setup "$builddir" -Dbench=true >/dev/null
fi

# Only what the benchmarks run: the rest of the tree (docs, tests) is not needed.
# The user-facing sections also run the CLI and the emulator.
targets=(bench/bench-responder bench/bench-client bench/bench-curl-jsonc bench/bench-curl-jsonglib
         bench/bench-parse bench/bench-parse-jsonc bench/bench-scenarios
         tools/nexor/nexor tools/nexor-emulator/nexor-emulator)
if [[ -n $(meson introspect "$builddir" --targets | /usr/bin/python3 -c \
    'import json, sys; print(any(t["name"] == "Nexor-1.typelib" for t in json.load(sys.stdin)) or "")') ]]; then
  targets+=(nexor-glib/Nexor-1.typelib)
fi
ninja -C "$builddir" "${targets[@]}" >/dev/null

status=0
/usr/bin/python3 -B bench/run.py --builddir "$builddir" "$@" || status=$?

# The full run ends with the regression gate's table (CI runs the gate
# itself after --smoke; a run of some sections only skips it).
gate=true
for arg in "$@"; do
  [[ $arg == --smoke || $arg == --only || $arg == --no-callgrind ]] && gate=false
done
if $gate; then
  echo
  /usr/bin/python3 -B bench/callgrind_gate.py --builddir "$builddir" || status=1
fi
exit "$status"
