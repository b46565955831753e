#!/usr/bin/env bash
# A `meson test --wrap` wrapper that runs the C programs of a test under
# valgrind memcheck:
#
#   meson test -C BUILD --suite unit --suite client --suite emulator --suite cli \
#     --wrap="$PWD/tests/valgrind-wrap.sh VALGRIND-OPTION..."
#
# Every argument that starts with "-" before the test's command is a valgrind
# option. A C test runs as `valgrind OPTIONS TEST ARGS`. A Python driver
# (the cli and emulator-binary tests, which are given the programs to run as
# arguments) runs without valgrind, and each argument that is an ELF program
# is replaced by a shim that starts it under valgrind: valgrind on the
# interpreter would check CPython instead of our code and take minutes.
#
# NEXOR_VALGRIND_EVERY=N checks only every Nth program a driver starts (the
# first, then N+1, ...; the others run natively): the CLI suites start
# hundreds of short processes, and each costs seconds under valgrind.
set -euo pipefail

every=${NEXOR_VALGRIND_EVERY:-1}

options=()
while [[ $# -gt 0 && $1 == -* ]]; do
  options+=("$1")
  shift
done
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [VALGRIND-OPTION...] COMMAND [ARG...]" >&2
  exit 2
fi

case $(basename "$1") in
  python*|bash) ;;
  *) exec valgrind "${options[@]}" "$@" ;;
esac

shims=$(mktemp -d "${TMPDIR:-/tmp}/nexor-valgrind.XXXXXX")
trap 'rm -rf "$shims"' EXIT

args=("$1")
shift
for arg in "$@"; do
  if [[ -f $arg && -x $arg && $(head -c 4 "$arg" | od -An -c | tr -d ' ') == 177ELF ]]; then
    real=$(realpath "$arg")
    shim=$shims/$(basename "$arg")
    {
      echo '#!/bin/sh'
      # A racy count is fine: it only spreads the checked processes out.
      printf 'n=$(( $(cat %q 2>/dev/null || echo 0) + 1 )); echo "$n" >%q\n' \
        "$shims/count" "$shims/count"
      printf 'if [ $(( (n - 1) %% %d )) -eq 0 ]; then exec valgrind' "$every"
      printf ' %q' "${options[@]}" "$real"
      echo ' "$@"; fi'
      printf 'exec %q "$@"\n' "$real"
    } >"$shim"
    chmod +x "$shim"
    args+=("$shim")
  else
    args+=("$arg")
  fi
done

status=0
"${args[@]}" || status=$?
exit "$status"
