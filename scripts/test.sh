#!/usr/bin/env bash
# Builds nexor-glib from scratch and runs every test suite.
#
#   bash scripts/test.sh [extra meson setup options...]
#
# Installs the Debian packages it needs, configures a fresh build directory
# ($NEXOR_BUILD_DIR, else a new temporary one that is removed when everything
# passes), builds, runs `meson test --print-errorlogs` over all suites with
# G_DEBUG=fatal-warnings, then prints "N passed, M failed[, K skipped]" from
# meson's testlog.json. Exits non-zero if anything fails.
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
echo "== meson setup $builddir"
meson setup "$builddir" "$@"
echo "== meson compile"
meson compile -C "$builddir"

echo "== meson test"
status=0
G_DEBUG=fatal-warnings meson test -C "$builddir" --print-errorlogs || status=$?

testlog=$builddir/meson-logs/testlog.json
if [[ ! -s $testlog ]]; then
  echo "no test results in $testlog" >&2
  exit 1
fi

summary=$(/usr/bin/python3 - "$testlog" <<'PY'
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
text = f"{passed} passed, {failed} failed"
if skipped:
    text += f", {skipped} skipped"
print(text)
sys.exit(1 if failed or passed == 0 else 0)
PY
) || status=1

echo "== $(( $(date +%s) - start )) s from setup to results"
if [[ $status -eq 0 && $keep_builddir == false ]]; then
  rm -rf "$builddir"
fi
echo "$summary"
exit "$status"
