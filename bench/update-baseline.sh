#!/usr/bin/env bash
# Rewrites bench/callgrind-baseline.json with this tree's instruction counts.
#
#   bash bench/update-baseline.sh [--only OP...]
#
# The deliberate way to accept a change in cost: run it on the tree whose
# costs are intended, then commit bench/callgrind-baseline.json with a message
# that says which operations moved and why. The CI bench stage compares with
# the committed file (bench/callgrind_gate.py) and fails above +3 %.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
builddir=${NEXOR_BENCH_BUILD_DIR:-$repo/_build-bench}
if [[ -f $builddir/meson-private/coredata.dat ]]; then
  meson configure "$builddir" -Dbench=true >/dev/null
else
  meson setup "$builddir" -Dbench=true >/dev/null
fi
ninja -C "$builddir" bench/bench-responder bench/bench-client bench/bench-parse >/dev/null
exec /usr/bin/python3 -B bench/callgrind_gate.py --builddir "$builddir" --update "$@"
