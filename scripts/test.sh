#!/usr/bin/env bash
# Builds nexor-glib from scratch and runs every test suite.
#
#   bash scripts/test.sh [extra meson setup options...]
#
# Installs the Debian packages it needs, configures a fresh build directory
# ($NEXOR_BUILD_DIR, else a new temporary one that is removed when everything
# passes), builds, runs `meson test --print-errorlogs` over all suites with
# G_DEBUG=fatal-warnings, then the stages named in $NEXOR_TEST_STAGES
# (default "all sanitize valgrind fuzz bench"; see docs/reliability.md):
#   sanitize  the C suites (unit, client, emulator, cli) again in a second
#             build with -Db_sanitize=address,undefined and LeakSanitizer
#   valgrind  the C suites under valgrind memcheck, children traced
#   fuzz      scripts/fuzz.sh: a short run of every libFuzzer target (clang)
#   bench     bench/run.sh --smoke: builds the benchmarks and runs every
#             comparison for a few requests, checking each produces numbers
#             (not a timing; see docs/performance.md); then the regression
#             gate, bench/callgrind_gate.py: instructions per operation
#             against bench/callgrind-baseline.json, failing above +3 %
# It prints one "N passed, M failed[, K skipped]" line per stage from meson's
# testlog.json files, then their sum. Exits non-zero if anything fails.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

bash scripts/install-deps.sh

if [[ -n ${NEXOR_BUILD_DIR:-} ]]; then
  builddir=$NEXOR_BUILD_DIR
  keep_builddir=true
  # Start from scratch, but only ever delete an earlier meson build directory.
  if [[ -e $builddir ]]; then
    if [[ -f $builddir/meson-private/coredata.dat ]]; then
      rm -rf "$builddir"
    elif [[ -n $(ls -A "$builddir") ]]; then
      echo "NEXOR_BUILD_DIR=$builddir is not empty and not a meson build directory" >&2
      exit 1
    fi
  fi
else
  builddir=$(mktemp -d "${TMPDIR:-/tmp}/nexor-glib-test.XXXXXX")
  keep_builddir=false
fi

trap 'rc=$?; [[ $rc -eq 0 ]] || echo "== failed ($rc); logs in $builddir/meson-logs" >&2' EXIT

# The project's own settings only: keys and URLs from the caller's shell must
# not reach the tests.
unset NEXOR_API_KEY NEXOR_BASE_URL NEXOR_DEBUG

start=$(date +%s)
# A packager's prefix, so that the install test checks the FHS places.
echo "== meson setup $builddir --prefix=/usr"
meson setup "$builddir" --prefix=/usr "$@"
echo "== meson compile"
meson compile -C "$builddir"

# Results of every stage, summed for the final line.
total_passed=0 total_failed=0 total_skipped=0
stage_lines=()

# Adds one testlog.json to the totals; $3 counts extra failed checks that are
# not meson tests (a leak found in a valgrind log).
record_stage() {
  local name=$1 testlog=$2 extra_failed=${3:-0} counts
  if [[ ! -s $testlog ]]; then
    echo "no test results in $testlog" >&2
    counts="0 1 0"
  else
    counts=$(/usr/bin/python3 - "$testlog" <<'PY'
import json, sys

passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    result = json.loads(line)["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:  # FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS, INTERRUPT
        failed += 1
if passed == 0:
    failed += 1
print(passed, failed, skipped)
PY
)
  fi
  local passed failed skipped
  read -r passed failed skipped <<<"$counts"
  failed=$((failed + extra_failed))
  local text="$passed passed, $failed failed"
  [[ $skipped -eq 0 ]] || text+=", $skipped skipped"
  stage_lines+=("$(printf '%-10s %s' "$name:" "$text")")
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
  [[ $failed -eq 0 ]] || status=1
}

stages=${NEXOR_TEST_STAGES:-all sanitize valgrind fuzz bench}
c_suites=(--suite unit --suite client --suite emulator --suite cli)
status=0

echo "== stage all: meson test (every suite)"
G_DEBUG=fatal-warnings meson test -C "$builddir" --print-errorlogs || status=$?
record_stage all "$builddir/meson-logs/testlog.json"

if [[ " $stages " == *" sanitize "* ]]; then
  # AddressSanitizer + UBSan + LeakSanitizer over the C suites. UBSan stops
  # at the first report so that a report fails the test. The slow unwinder
  # is needed for the suppressions to see GLib's frames (Debian's GLib has no
  # frame pointers); 12 frames are enough to name the leaking call.
  sanitize_dir=$builddir/sanitize
  echo "== stage sanitize: meson setup $sanitize_dir (address,undefined)"
  meson setup "$sanitize_dir" -Db_sanitize=address,undefined \
    -Dintrospection=disabled -Dvapi=disabled -Ddocs=disabled >"$builddir/sanitize-setup.log" 2>&1 \
    || { cat "$builddir/sanitize-setup.log" >&2; exit 1; }
  meson compile -C "$sanitize_dir" >"$builddir/sanitize-compile.log" 2>&1 \
    || { grep -E -A5 'error|FAILED' "$builddir/sanitize-compile.log" >&2; exit 1; }
  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=12:abort_on_error=0 \
  LSAN_OPTIONS=suppressions=$repo/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  G_DEBUG=fatal-warnings \
    meson test -C "$sanitize_dir" --print-errorlogs --timeout-multiplier 3 "${c_suites[@]}" || status=1
  record_stage sanitize "$sanitize_dir/meson-logs/testlog.json"
fi

if [[ " $stages " == *" valgrind "* ]]; then
  # Memcheck over the same C suites, on the first stage's build. The wrapper
  # runs the Python drivers of the cli and emulator-binary tests natively and
  # the nexor and nexor-emulator processes they start under valgrind. Every
  # process writes its own log, scanned below, because a driver does not
  # always look at a child's exit status.
  vg_logs=$builddir/valgrind-logs
  rm -rf "$vg_logs" && mkdir -p "$vg_logs"
  echo "== stage valgrind: meson test --wrap=tests/valgrind-wrap.sh (logs in $vg_logs)"
  # The cli suite starts hundreds of short nexor processes, seconds each
  # under valgrind: every 4th is checked, which keeps the stage near 5
  # minutes on 2 cores (all of them: NEXOR_VALGRIND_EVERY=1).
  vg_wrap="$repo/tests/valgrind-wrap.sh --trace-children=yes --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 --num-callers=30 --suppressions=$repo/tests/valgrind.supp --log-file=$vg_logs/%p.log"
  G_SLICE=always-malloc G_DEBUG=fatal-warnings \
    meson test -C "$builddir" --print-errorlogs --suite unit --suite client --suite emulator \
      --timeout-multiplier 10 --num-processes "$(nproc)" --logbase vg-main \
      --wrap="$vg_wrap" || status=1
  G_SLICE=always-malloc G_DEBUG=fatal-warnings NEXOR_VALGRIND_EVERY=${NEXOR_VALGRIND_EVERY:-4} \
    meson test -C "$builddir" --print-errorlogs --suite cli \
      --timeout-multiplier 10 --num-processes "$(nproc)" --logbase vg-cli \
      --wrap="$vg_wrap" || status=1
  vg_bad=0
  vg_checked=$(grep -l 'ERROR SUMMARY' "$vg_logs"/*.log | wc -l)
  vg_definite=$(sed -n 's/.*definitely lost: [0-9,]* bytes in \([0-9,]*\) blocks.*/\1/p' "$vg_logs"/*.log \
                | tr -d , | awk '{ n += $1 } END { print n + 0 }')
  for log in "$vg_logs"/*.log; do
    if grep -q 'definitely lost: [1-9]\|ERROR SUMMARY: [1-9]' "$log"; then
      echo "== valgrind found a problem in $log:" >&2
      sed -n '/Command:/p;/ERROR SUMMARY/p' "$log" >&2
      vg_bad=1
    fi
  done
  echo "== valgrind: $vg_checked processes checked, $vg_definite definitely lost blocks"
  # meson appends the wrapper's name to --logbase.
  record_stage valgrind "$(ls "$builddir"/meson-logs/vg-main*.json)" "$vg_bad"
  record_stage vg-cli "$(ls "$builddir"/meson-logs/vg-cli*.json)"
fi

if [[ " $stages " == *" fuzz "* ]]; then
  echo "== stage fuzz: scripts/fuzz.sh (short run of every target)"
  fuzz_dir=$builddir/fuzz-build
  fuzz_status=0
  NEXOR_FUZZ_BUILD_DIR=$fuzz_dir bash scripts/fuzz.sh || fuzz_status=1
  [[ $fuzz_status -eq 0 ]] || status=1
  record_stage fuzz "$fuzz_dir/meson-logs/testlog.json"
fi

if [[ " $stages " == *" bench "* ]]; then
  # Adds -Dbench=true to the first stage's build and builds only what the
  # benchmarks run. Two checks: every comparison produced a figure (smoke),
  # and no operation costs more than 3 % above its committed baseline
  # (the gate prints its table; about a minute under callgrind).
  echo "== stage bench: bench/run.sh --smoke, then bench/callgrind_gate.py"
  bench_passed=0 bench_failed=0
  if NEXOR_BENCH_BUILD_DIR=$builddir bash bench/run.sh --smoke --json "$builddir/bench-smoke.json"; then
    bench_passed=$((bench_passed + 1))
  else
    bench_failed=$((bench_failed + 1))
  fi
  if /usr/bin/python3 -B bench/callgrind_gate.py --builddir "$builddir" --json "$builddir/bench-gate.json"; then
    bench_passed=$((bench_passed + 1))
  else
    bench_failed=$((bench_failed + 1))
  fi
  stage_lines+=("$(printf '%-10s %s' "bench:" "$bench_passed passed, $bench_failed failed")")
  total_passed=$((total_passed + bench_passed))
  total_failed=$((total_failed + bench_failed))
  [[ $bench_failed -eq 0 ]] || status=1
fi

echo "== $(( $(date +%s) - start )) s from setup to results"
if [[ $status -eq 0 && $keep_builddir == false ]]; then
  rm -rf "$builddir"
fi
printf '%s\n' "${stage_lines[@]}"
summary="$total_passed passed, $total_failed failed"
[[ $total_skipped -eq 0 ]] || summary+=", $total_skipped skipped"
echo "$summary"
exit "$status"
