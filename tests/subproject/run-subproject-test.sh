#!/usr/bin/env bash
# Embeds nexor-glib in a fresh app as a meson subproject, as a GNOME app
# developer would, and checks what the app gets (issue 11):
#
#   run-subproject-test.sh SOURCE_DIR
#
# - the app (tests/subproject/app) finds nexor-glib through a wrap file that
#   provides nexor-glib-1, and configures with only the library: none of
#   nexor-glib's tools, tests, docs, examples, fuzzers or benchmarks;
# - it builds in a few dozen ninja steps (at most $NEXOR_SUBPROJECT_MAX_STEPS,
#   default 60), its GIR including Nexor-1 from the subproject's build tree;
# - `meson test` lists and runs the app's tests only;
# - `meson install --destdir` installs the app and the library's
#   development files, and nothing else (an exact list of patterns).
#
# Prints TAP. Needs meson and ninja; builds in a temporary directory.
set -euo pipefail

source_dir=$(cd "$1" && pwd)
meson=${MESON:-meson}
# The library's own sources, one step each, and a fixed overhead (enum types,
# GIR, typelib, VAPI, links, the app): what grows with the API is the former.
lib_sources=$(find "$source_dir/nexor-glib" -maxdepth 1 -name '*.c' | wc -l)
max_steps=${NEXOR_SUBPROJECT_MAX_STEPS:-$((lib_sources + 20))}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/nexor-glib-subproject.XXXXXX")
trap 'rm -rf "$work"' EXIT

app=$work/app
build=$work/build
cp -r "$here/app" "$app"
mkdir "$app/subprojects"
# The checkout a wrap would have made; meson uses an existing directory as is.
ln -s "$source_dir" "$app/subprojects/nexor-glib"
cat >"$app/subprojects/nexor-glib.wrap" <<'WRAP'
[wrap-file]
directory = nexor-glib

[provide]
dependency_names = nexor-glib-1
WRAP

n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() {
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift
  [[ $# -eq 0 ]] || printf '# %s\n' "$@"
}

echo "1..7"

introspection=true
python3 -c 'import sys' 2>/dev/null
pkg-config --exists gobject-introspection-1.0 || introspection=false

# 1. configure
if "$meson" setup "$build" "$app" -Dintrospection=$introspection >"$work/setup.log" 2>&1; then
  ok "the app configures with dependency('nexor-glib-1') through the wrap"
else
  not_ok "the app does not configure" "$(tail -20 "$work/setup.log")"
  exit 1
fi

# 2. only the library: no target of nexor-glib's but the library's own.
targets=$("$meson" introspect --targets "$build" | /usr/bin/python3 -c '
import json, os, sys
for t in json.load(sys.stdin):
    if t.get("subproject") == "nexor-glib":
        print(t["name"])
' | sort)
# The library, its generated enum header and source, its GIR/typelib and VAPI,
# and its translations (an app that embeds the library shows its messages).
unexpected=$(grep -v -x -E 'nexor-glib-1|nexor-enum-types\.(c|h)|nexor-enum-types_(c|h)|Nexor-1\.(gir|typelib)|nexor-glib-1(\.vapi)?|nexor-glib-1-vapi|nexor-glib-1-([A-Za-z_@]+\.mo|gmo|pot|update-po)' <<<"$targets" || true)
if [[ -z $unexpected ]] && grep -q -x 'nexor-glib-1' <<<"$targets"; then
  ok "nexor-glib builds only the library ($(wc -l <<<"$targets") targets: $(tr '\n' ' ' <<<"$targets"))"
else
  not_ok "nexor-glib builds more than the library as a subproject" $unexpected
fi

# 3. a few dozen ninja steps
steps=$(ninja -C "$build" -n | sed -n 's/^\[[0-9]*\/\([0-9]*\)\].*/\1/p' | tail -1)
if ninja -C "$build" >"$work/build.log" 2>&1; then
  if [[ -n $steps && $steps -le $max_steps ]]; then
    ok "the app builds in $steps ninja steps (at most $max_steps: $lib_sources library sources + 20)"
  else
    not_ok "the app builds in ${steps:-?} ninja steps, more than $max_steps"
  fi
else
  not_ok "the app does not build" "$(grep -E 'error|FAILED' "$work/build.log" | head -20)"
  exit 1
fi

# 4. the app's GIR includes Nexor-1 from the subproject's build tree
if [[ $introspection == true ]]; then
  gir=$build/LeadCounter-1.0.gir
  if [[ -f $gir ]] && grep -q '<include name="Nexor" version="1"/>' "$gir" &&
     grep -q 'type name="Nexor.Client"' "$gir"; then
    ok "the app's GIR includes Nexor-1 and uses Nexor.Client"
  else
    not_ok "the app's GIR does not include Nexor-1 ($gir)"
  fi
else
  ok "# SKIP no gobject-introspection"
fi

# 5. meson test lists and runs the app's tests only
listed=$("$meson" test -C "$build" --no-rebuild --list 2>/dev/null)
if [[ $listed == "lead-counter" || $listed == "lead-counter:lead-counter" ]]; then
  ok "meson test lists the app's test only"
else
  not_ok "meson test lists tests that are not the app's:" $listed
fi

# 6. and they pass
if "$meson" test -C "$build" >"$work/test.log" 2>&1; then
  ok "the app's meson test passes"
else
  not_ok "the app's meson test fails" "$(cat "$build/meson-logs/testlog.txt" | tail -20)"
fi

# 7. meson install installs the app and the library's development files only
dest=$work/dest
"$meson" install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$work/install.log" 2>&1 ||
  { not_ok "meson install fails" "$(tail -20 "$work/install.log")"; exit 1; }
installed=$(cd "$dest" && find . -type f -o -type l | sed 's|^\./|/|' | sort)
allowed='^/usr/local/bin/lead-counter$'
allowed+='|^/usr/local/lib/([^/]+/)?libnexor-glib-1\.(so(\.0(\.0\.0)?)?|a)$'
allowed+='|^/usr/local/lib/([^/]+/)?pkgconfig/nexor-glib-1\.pc$'
allowed+='|^/usr/local/lib/([^/]+/)?girepository-1\.0/Nexor-1\.typelib$'
allowed+='|^/usr/local/share/gir-1\.0/Nexor-1\.gir$'
allowed+='|^/usr/local/share/vala/vapi/nexor-glib-1\.(vapi|deps)$'
allowed+='|^/usr/local/include/nexor-glib-1/nexor-[a-z0-9-]+\.h$'
# The bindings' helpers go with the typelib: PyGObject overrides, the GJS module.
allowed+='|^/usr/local/lib/python3[^/]*/(dist|site)-packages/gi/overrides/Nexor\.py$'
allowed+='|^/usr/local/share/gjs-1\.0/nexor/promises\.js$'
allowed+='|^/usr/local/share/locale/[A-Za-z_@]+/LC_MESSAGES/nexor-glib-1\.mo$'
stray=$(grep -v -E "$allowed" <<<"$installed" || true)
private=$(grep -E -- '-private\.h$|/config\.h$' <<<"$installed" || true)
if [[ -z $stray && -z $private ]] && grep -q 'bin/lead-counter$' <<<"$installed"; then
  ok "meson install puts in the app and the library's files only ($(wc -l <<<"$installed") files)"
else
  not_ok "meson install puts in more than the app and the library:" $stray $private
fi

[[ $failed -eq 0 ]]
