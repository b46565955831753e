#!/usr/bin/env bash
# Builds nexor-glib and shows it working against a local nexor-emulator:
# the `nexor` CLI and the Python example fetch the Get Lead page's example lead.
#
#   bash scripts/demo.sh
#
# NEXOR_DEMO_BUILD_DIR=DIR runs the demo on a tree already built in DIR
# (no install, no build): the examples test suite does, so that the demo's
# own commands keep working.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
builddir=${NEXOR_DEMO_BUILD_DIR:-_build}
lead_id=123e4567-e89b-12d3-a456-426614174000

if [[ -z ${NEXOR_DEMO_BUILD_DIR:-} ]]; then
  bash scripts/install-deps.sh

  echo "== meson setup $builddir"
  if [[ -f $builddir/meson-private/coredata.dat ]]; then
    meson setup --reconfigure "$builddir"
  else
    meson setup "$builddir"
  fi
  echo "== meson compile"
  meson compile -C "$builddir"
fi

emulator=$builddir/tools/nexor-emulator/nexor-emulator
nexor=$builddir/tools/nexor/nexor

# Start the emulator on a free port; its first line of output is its URL.
emulator_pid=
stop_emulator() {
  if [[ -n $emulator_pid ]]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
}
trap stop_emulator EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

coproc EMULATOR { exec "$emulator" --port 0 2>/dev/null; }
emulator_pid=$EMULATOR_PID
exec {emulator_out}<&"${EMULATOR[0]}"
if ! IFS= read -r -t 30 url <&"$emulator_out"; then
  echo "demo: nexor-emulator did not start" >&2
  exit 1
fi
cat <&"$emulator_out" >/dev/null &

export NEXOR_BASE_URL=$url
export NEXOR_API_KEY=nxr_live_emulator_demo_key
echo "== nexor-emulator is listening on $NEXOR_BASE_URL"

echo
echo "== nexor lead get $lead_id"
"$nexor" lead get "$lead_id"

echo
echo "== python3 examples/python/get_lead.py $lead_id"
# The typelib and library of the build tree, and the PyGObject overrides of
# the source tree (installed next to PyGObject's own by meson install).
GI_TYPELIB_PATH=$builddir/nexor-glib${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH} \
LD_LIBRARY_PATH=$builddir/nexor-glib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
PYTHONPATH=$repo/bindings/python${PYTHONPATH:+:$PYTHONPATH} \
  /usr/bin/python3 examples/python/get_lead.py "$lead_id"

echo
echo "== done; the emulator is stopped"
