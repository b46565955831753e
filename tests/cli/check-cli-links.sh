#!/usr/bin/env bash
# The nexor CLI must use the library the system has, not a copy of its own:
# it loads libnexor-glib-1.so.0, and defines none of the library's symbols
# (public, from nexor-glib.symbols, or private, _nexor_*).
#
#   check-cli-links.sh NEXOR_BINARY SYMBOLS_FILE
set -euo pipefail

nexor=$1 symbols=$2
status=0

# ldd's whole output first: with pipefail, `ldd | grep -q` fails at random
# when grep exits at the match and ldd is killed by SIGPIPE.
libraries=$(ldd "$nexor")
if grep -q 'libnexor-glib-1\.so\.0 => ' <<<"$libraries"; then
  echo "ok: $nexor loads libnexor-glib-1.so.0"
else
  echo "FAIL: $nexor does not load libnexor-glib-1.so.0:" >&2
  printf '%s\n' "$libraries" >&2
  status=1
fi

# Every symbol the binary itself defines, local ones included.
defined=$(nm --defined-only "$nexor" | awk '{ print $3 }' | sort -u)
copied=$(comm -12 <(printf '%s\n' "$defined") <(sort -u "$symbols"))
private=$(printf '%s\n' "$defined" | grep '^_nexor_' || true)
if [[ -n $copied || -n $private ]]; then
  echo "FAIL: $nexor carries its own copy of library code:" >&2
  printf '  %s\n' $copied $private | head -20 >&2
  status=1
else
  echo "ok: $nexor defines none of the library's $(wc -l <"$symbols") exported or any private symbol"
fi

undefined=$(nm -D --undefined-only "$nexor" | awk '{ print $2 }' | grep -c '^nexor_' || true)
echo "ok: $nexor imports $undefined nexor_* symbols from the shared library"
exit "$status"
