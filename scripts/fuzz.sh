#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (ASan + UBSan + libFuzzer)
# and runs each one briefly over its seed corpus; CI runs it as a stage of
# scripts/test.sh.
#
#   bash scripts/fuzz.sh                       # every target for 20 s
#   NEXOR_FUZZ_SECONDS=300 bash scripts/fuzz.sh
#
# Build directory: $NEXOR_FUZZ_BUILD_DIR, else a new temporary one (removed
# when everything passes). A crash leaves its input in
# BUILD/fuzz/<target>-crashes/; reproduce it with `BUILD/fuzz/<target> FILE`.
#
# Long runs (two jobs, an hour, a corpus kept between runs):
#   bash scripts/fuzz.sh    # once, with NEXOR_FUZZ_BUILD_DIR=~/nexor-fuzz
#   mkdir -p ~/nexor-corpus/fuzz-json
#   ~/nexor-fuzz/fuzz/fuzz-json -max_total_time=3600 -jobs=2 -workers=2 \
#     -timeout=10 -rss_limit_mb=2048 ~/nexor-corpus/fuzz-json tests/data fuzz/corpus/json
# (the same for fuzz-emulator with fuzz/corpus/emulator, -max_len=16384 and
# -detect_leaks=0, as fuzz/meson.build gives it). See docs/reliability.md.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

seconds=${NEXOR_FUZZ_SECONDS:-20}

if [[ -n ${NEXOR_FUZZ_BUILD_DIR:-} ]]; then
  builddir=$NEXOR_FUZZ_BUILD_DIR
  keep_builddir=true
  if [[ -e $builddir && ! -f $builddir/meson-private/coredata.dat && -n $(ls -A "$builddir") ]]; then
    echo "NEXOR_FUZZ_BUILD_DIR=$builddir is not empty and not a meson build directory" >&2
    exit 1
  fi
  rm -rf "$builddir"
else
  builddir=$(mktemp -d "${TMPDIR:-/tmp}/nexor-glib-fuzz.XXXXXX")
  keep_builddir=false
fi

if ! command -v clang >/dev/null; then
  echo "fuzz: clang is missing (bash scripts/install-deps.sh)" >&2
  exit 1
fi

# -Db_lundef=false: the sanitizer runtimes are linked into executables only,
# so a shared library built with them has undefined symbols at link time.
echo "== fuzz: meson setup $builddir (clang, address,undefined, fuzzer)"
CC=clang meson setup "$builddir" \
  -Dfuzzing=true -Dfuzz_seconds="$seconds" \
  -Db_sanitize=address,undefined -Db_lundef=false \
  -Dtests=disabled -Dintrospection=disabled -Dvapi=disabled -Ddocs=disabled \
  >"$builddir.setup.log" 2>&1 || { cat "$builddir.setup.log" >&2; exit 1; }
rm -f "$builddir.setup.log"
meson compile -C "$builddir" >"$builddir/compile.log" 2>&1 \
  || { grep -E -A5 'error|FAILED' "$builddir/compile.log" >&2; exit 1; }

echo "== fuzz: each target for $seconds s"
status=0
meson test -C "$builddir" --suite fuzz --print-errorlogs || status=1

# The figures to compare between runs: executions per second, coverage.
for log in "$builddir"/meson-logs/testlog.txt; do
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)|#[0-9]+ *DONE' "$log" || true
done

for dir in "$builddir"/fuzz/*-crashes; do
  if [[ -n $(ls -A "$dir" 2>/dev/null) ]]; then
    echo "== fuzz: inputs that crashed, in $dir:" >&2
    ls -l "$dir" >&2
    status=1
  fi
done

if [[ $status -eq 0 && $keep_builddir == false ]]; then
  rm -rf "$builddir"
fi
exit "$status"
