#!/usr/bin/env bash
# Run a command against a fresh nexor-emulator.
#
#   scripts/with-emulator.sh [--tls] COMMAND [ARGS...]
#
# Starts `nexor-emulator --port 0` (the binary in $NEXOR_EMULATOR, else the one
# in _build/, else the one on PATH), reads the base URL it prints as its first
# line, exports it as NEXOR_BASE_URL and the emulator's demo key as
# NEXOR_API_KEY, runs COMMAND and stops the emulator however COMMAND ends.
# With --tls the emulator serves https, and NEXOR_CA_FILE names the file
# with its certificate. NEXOR_EMULATOR_ARGS, split at blanks, is given to the
# emulator as more options (such as `--webhook URL;secret=S`). Exits with
# COMMAND's status.
set -euo pipefail

tls_args=()
ca_dir=
if [[ ${1:-} == --tls ]]; then
  shift
  ca_dir=$(mktemp -d)
  tls_args=(--tls --tls-ca-out "$ca_dir/ca.pem")
fi

if [[ $# -eq 0 ]]; then
  echo "usage: $0 [--tls] COMMAND [ARGS...]" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
emulator=${NEXOR_EMULATOR:-}
if [[ -z $emulator ]]; then
  if [[ -x $here/../_build/tools/nexor-emulator/nexor-emulator ]]; then
    emulator=$here/../_build/tools/nexor-emulator/nexor-emulator
  else
    emulator=$(command -v nexor-emulator || true)
  fi
fi
if [[ -z $emulator || ! -x $emulator ]]; then
  echo "$0: no nexor-emulator found: build it or set NEXOR_EMULATOR" >&2
  exit 1
fi

emulator_pid=
stop_emulator() {
  if [[ -n $emulator_pid ]]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=
  fi
  if [[ -n $ca_dir ]]; then
    rm -rf "$ca_dir"
  fi
}
trap stop_emulator EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The emulator's stdout is a pipe: its first line is the URL; whatever else it
# prints is copied to stderr so the pipe never fills up.
# shellcheck disable=SC2086 # NEXOR_EMULATOR_ARGS is split on purpose
coproc EMULATOR { exec "$emulator" --port 0 "${tls_args[@]}" ${NEXOR_EMULATOR_ARGS-}; }
emulator_pid=$EMULATOR_PID
exec {emulator_out}<&"${EMULATOR[0]}"

url=
if ! IFS= read -r -t 30 url <&"$emulator_out" || [[ $url != http*://* ]]; then
  echo "$0: nexor-emulator did not print its URL (got: '${url}')" >&2
  exit 1
fi
cat <&"$emulator_out" >&2 &

export NEXOR_BASE_URL=$url
export NEXOR_API_KEY=nxr_live_emulator_demo_key
if [[ -n $ca_dir ]]; then
  export NEXOR_CA_FILE=$ca_dir/ca.pem
fi

status=0
"$@" || status=$?
exit "$status"
