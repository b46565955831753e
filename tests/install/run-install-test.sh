#!/usr/bin/env bash
# Installs the build into a staging directory and checks what a consumer gets:
# the files, the pkg-config module, and a program built against it both
# shared and static.
#
#   run-install-test.sh BUILDDIR CONSUMER_C LIBRARY_KIND HAVE_GIR HAVE_VAPI VERSION \
#                       EXPECTED_FILES HAVE_DOCS HAVE_CLI HAVE_EMULATOR HAVE_NLS \
#                       HAVE_BINDINGS PYGOBJECT_OVERRIDE_DIR
#
# LIBRARY_KIND is meson's default_library (both, shared, static); the HAVE_
# arguments are true/false. PYGOBJECT_OVERRIDE_DIR is the absolute directory
# gi/overrides/Nexor.py is installed in (empty: not installed).
# EXPECTED_FILES lists every file the install puts
# in the prefix (see tests/install/expected-files.txt); the installed files
# must be exactly those. With a packager's --prefix=/usr (as scripts/test.sh
# sets up) that means /usr/bin, /usr/include/nexor-glib-1, /usr/lib/<triplet>,
# /usr/share/gir-1.0, /usr/share/vala/vapi, /usr/share/doc/nexor-glib-1 and
# /usr/share/locale (the library's translations).
# $MESON is the meson command (default: meson).
set -euo pipefail

builddir=$1 consumer_c=$2 library_kind=$3 have_gir=$4 have_vapi=$5 version=$6
expected_files=$7 have_docs=$8 have_cli=$9 have_emulator=${10} have_nls=${11}
have_bindings=${12} pygobject_override_dir=${13}
meson=${MESON:-meson}
cc=${CC:-cc}

stage=$(mktemp -d "${TMPDIR:-/tmp}/nexor-glib-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
step() {
  echo "== $*"
}

step "meson install --destdir $stage"
"$meson" install --no-rebuild --quiet --destdir "$stage" -C "$builddir"

pc=$(find "$stage" -name nexor-glib-1.pc -print -quit)
if [[ -z $pc ]]; then
  echo "FAIL: no nexor-glib-1.pc was installed" >&2
  exit 1
fi
pcdir=$(dirname "$pc")
prefix=$(sed -n 's/^prefix=//p' "$pc")
staged_prefix=$stage$prefix

# pkg-config must see the staged tree, not the prefix the .pc names.
# --define-prefix derives the prefix from where the .pc is, which works for
# lib/pkgconfig but not for a multiarch lib/<triplet>/pkgconfig; then fall back
# to a copy of the .pc with prefix= pointing at the staged prefix.
export PKG_CONFIG_PATH=$pcdir
pkgconfig=(pkg-config)
if [[ $(pkg-config --define-prefix --variable=prefix nexor-glib-1 2>/dev/null) == "$staged_prefix" ]]; then
  pkgconfig=(pkg-config --define-prefix)
  step "pkg-config --define-prefix finds the staged prefix"
else
  mkdir -p "$stage/.pkgconfig"
  sed "s|^prefix=.*|prefix=$staged_prefix|" "$pc" >"$stage/.pkgconfig/nexor-glib-1.pc"
  export PKG_CONFIG_PATH=$stage/.pkgconfig
  step "pkg-config with prefix=$staged_prefix (a rewritten copy of the .pc)"
fi

libdir=$("${pkgconfig[@]}" --variable=libdir nexor-glib-1)
includedir=$("${pkgconfig[@]}" --variable=includedir nexor-glib-1)
[[ $libdir == "$stage"/* ]] || fail "libdir $libdir is not in the staged tree"
[[ $includedir == "$stage"/* ]] || fail "includedir $includedir is not in the staged tree"
modversion=$("${pkgconfig[@]}" --modversion nexor-glib-1)
[[ $modversion == "$version" ]] || fail "pkg-config --modversion says $modversion, expected $version"

step "installed files"
expect_file() {
  if [[ -e $1 ]]; then echo "  ok ${1#"$stage"}"; else fail "missing ${1#"$stage"}"; fi
}
expect_found() { # NAME: somewhere in the staged tree
  local found
  found=$(find "$stage" -name "$1" -print -quit)
  if [[ -n $found ]]; then echo "  ok ${found#"$stage"}"; else fail "missing $1"; fi
}
expect_file "$pc"
expect_file "$includedir/nexor-glib-1/nexor-glib.h"
if [[ $library_kind != shared ]]; then
  expect_file "$libdir/libnexor-glib-1.a"
fi
if [[ $library_kind != static ]]; then
  expect_file "$libdir/libnexor-glib-1.so.0"
  expect_file "$libdir/libnexor-glib-1.so"
fi
if [[ $have_gir == true ]]; then
  expect_found Nexor-1.gir
  expect_found Nexor-1.typelib
fi
if [[ $have_vapi == true ]]; then
  expect_found nexor-glib-1.vapi
  expect_found nexor-glib-1.deps
fi

step "installed files against $(basename "$expected_files")"
options=$("$meson" introspect --buildoptions "$builddir")
option_value() {
  /usr/bin/python3 -c 'import json, sys
print(next(o["value"] for o in json.loads(sys.argv[1]) if o["name"] == sys.argv[2]))' "$options" "$1"
}
install_prefix=$(option_value prefix)
install_libdir=$(option_value libdir)
install_libdir=${install_libdir#"$install_prefix/"}
echo "  prefix $install_prefix, libdir $install_libdir"
declare -A enabled=([cli]=$have_cli [emulator]=$have_emulator [gir]=$have_gir
                    [vapi]=$have_vapi [docs]=$have_docs [nls]=$have_nls
                    [gjs]=$have_bindings
                    [python]=$([[ -n $pygobject_override_dir ]] && echo true || echo false)
                    [shared]=$([[ $library_kind != static ]] && echo true || echo false)
                    [static]=$([[ $library_kind != shared ]] && echo true || echo false))
expected=() globs=()
while read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  if [[ $line =~ ^\[([a-z]+)\]\ (.*)$ ]]; then
    [[ ${enabled[${BASH_REMATCH[1]}]:-false} == true ]] || continue
    line=${BASH_REMATCH[2]}
  fi
  line=${line//@libdir@/$install_libdir}
  line=${line//@pygobject_override_dir@/${pygobject_override_dir#"$install_prefix/"}}
  if [[ $line == */\*\* ]]; then globs+=("${line%/\*\*}/"); else expected+=("$line"); fi
done <"$expected_files"
installed=$(cd "$stage$install_prefix" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort)
outside=$(cd "$stage" && find . \( -type f -o -type l \) | sed 's|^\.||' | grep -v -e "^$install_prefix/" -e '^/\.pkgconfig/' || true)
[[ -z $outside ]] || fail "installed outside the prefix $install_prefix: $outside"
for file in "${expected[@]}"; do
  grep -q -x -F "$file" <<<"$installed" || fail "not installed: $install_prefix/$file"
done
for dir in "${globs[@]}"; do
  grep -q "^$dir" <<<"$installed" || fail "nothing installed in $install_prefix/$dir"
done
unlisted=0
while read -r file; do
  listed=false
  for want in "${expected[@]}"; do [[ $file == "$want" ]] && { listed=true; break; }; done
  for dir in "${globs[@]}"; do [[ $file == "$dir"* ]] && { listed=true; break; }; done
  if [[ $listed == false ]]; then
    fail "installed but not in $(basename "$expected_files"): $install_prefix/$file"
    unlisted=$((unlisted + 1))
  fi
done <<<"$installed"
echo "  $(wc -l <<<"$installed") files installed, ${#expected[@]} listed one by one and ${#globs[@]} directories"

# Every header the umbrella header includes is installed; no private one is.
for header in $(sed -n 's/^#include "\(.*\)"$/\1/p' "$includedir/nexor-glib-1/nexor-glib.h"); do
  [[ -e $includedir/nexor-glib-1/$header ]] || fail "nexor-glib.h includes $header, which is not installed"
done
private=$(find "$stage" -name '*-private.h' -o -name config.h)
[[ -z $private ]] || fail "private headers installed: ${private//$stage/}"

work=$stage/.work
mkdir -p "$work"

if [[ $library_kind != static ]]; then
  step "consumer linked against the shared library"
  # shellcheck disable=SC2046
  "$cc" -o "$work/consumer-shared" "$consumer_c" $("${pkgconfig[@]}" --cflags --libs nexor-glib-1)
  LD_LIBRARY_PATH=$libdir "$work/consumer-shared" || fail "consumer-shared failed"
  resolved=$(LD_LIBRARY_PATH=$libdir ldd "$work/consumer-shared" | grep 'libnexor-glib-1\.so\.0' || true)
  [[ $resolved == *"=> $libdir/libnexor-glib-1.so.0"* ]] ||
    fail "consumer-shared does not load the staged libnexor-glib-1.so.0: ${resolved:-not linked}"
fi

if [[ $library_kind != shared ]]; then
  step "consumer linked against the static library"
  static_libs=$("${pkgconfig[@]}" --static --libs nexor-glib-1)
  static_libs=${static_libs//-lnexor-glib-1/-Wl,-Bstatic -lnexor-glib-1 -Wl,-Bdynamic}
  # shellcheck disable=SC2046,SC2086
  "$cc" -o "$work/consumer-static" "$consumer_c" $("${pkgconfig[@]}" --static --cflags nexor-glib-1) $static_libs
  env -u LD_LIBRARY_PATH "$work/consumer-static" || fail "consumer-static failed"
  if ldd "$work/consumer-static" | grep -q 'libnexor-glib-1'; then
    fail "consumer-static depends on the shared library: $(ldd "$work/consumer-static" | grep libnexor)"
  else
    echo "  ok consumer-static has no libnexor-glib-1.so dependency"
  fi
fi

if [[ $have_gir == true && -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import gi' 2>/dev/null; then
  step "the staged typelib loads"
  typelib=$(find "$stage" -name Nexor-1.typelib -print -quit)
  GI_TYPELIB_PATH=$(dirname "$typelib") LD_LIBRARY_PATH=$libdir /usr/bin/python3 -c '
import gi
gi.require_version("Nexor", "1")
from gi.repository import GLib, Nexor
client = Nexor.Client.new_for_url("http://127.0.0.1:1/api/public", "nxr_live_consumer_test")
try:
    client.get_lead("..", None)
    raise SystemExit("no error for an invalid id")
except GLib.Error as e:
    assert e.matches(Nexor.error_quark(), Nexor.Error.INVALID_ARGUMENT), e.message
print("  ok Nexor-1 loads from the staged typelib")
' || fail "the staged typelib does not load"
fi

if [[ -n $pygobject_override_dir && $have_gir == true ]]; then
  step "the PyGObject overrides are where PyGObject finds them"
  # Debian's Python, the one with PyGObject. If it searches any directory
  # under the prefix, the overrides must be in one of them: gi.overrides
  # extends its __path__ with every gi/overrides directory on sys.path.
  site_dir=$(dirname "$(dirname "$pygobject_override_dir")")
  if /usr/bin/python3 -c '
import os, sys
site, prefix = sys.argv[1], os.path.normpath(sys.argv[2]) + os.sep
searched = [p for p in sys.path if p.startswith(prefix)]
if searched and site not in searched:
    sys.exit("%s is not on sys.path; under %s Python searches %s" % (site, prefix, searched))
print("  ok %s is on sys.path" % site if searched else
      "  (Python searches nothing under %s: PYTHONPATH must name %s)" % (prefix, site))
' "$site_dir" "$install_prefix"; then :; else fail "the overrides are installed where PyGObject does not look"; fi
  typelib=$(find "$stage" -name Nexor-1.typelib -print -quit)
  PYTHONPATH=$stage$site_dir GI_TYPELIB_PATH=$(dirname "$typelib") LD_LIBRARY_PATH=$libdir /usr/bin/python3 -c '
import sys
import gi
gi.require_version("Nexor", "1")
from gi.repository import Nexor
import gi.overrides.Nexor as overrides
assert overrides.__file__.startswith(sys.argv[1]), overrides.__file__
client = Nexor.Client.new_for_url("http://127.0.0.1:1/api/public", "nxr_live_consumer_test")
try:
    client.get_lead("..")
    raise SystemExit("no error for an invalid id")
except Nexor.InvalidArgumentError:
    pass
print("  ok the staged overrides load:", overrides.__file__[len(sys.argv[1]):])
' "$stage" || fail "the staged PyGObject overrides do not load"
fi

if [[ $have_bindings == true ]] && command -v gjs >/dev/null; then
  step "the staged GJS module loads"
  typelib=$(find "$stage" -name Nexor-1.typelib -print -quit)
  echo "import Nexor from 'gi://Nexor?version=1';
imports.nexor.promises.promisifyAll(Nexor);
if (typeof Nexor.HistoryList.prototype[Symbol.asyncIterator] !== 'function')
    throw new Error('promisifyAll did not run');
print('  ok imports.nexor.promises loads from the staged share/gjs-1.0');" >"$work/check.js"
  # GJS searches gjs-1.0 in every XDG data directory.
  XDG_DATA_DIRS=$staged_prefix/share GI_TYPELIB_PATH=$(dirname "$typelib") LD_LIBRARY_PATH=$libdir \
    gjs -m "$work/check.js" || fail "the staged GJS module does not load"
fi

if [[ $have_vapi == true ]] && command -v valac >/dev/null; then
  step "the staged VAPI compiles"
  vapi=$(find "$stage" -name nexor-glib-1.vapi -print -quit)
  cat >"$work/check.vala" <<'VALA'
int main () {
    try {
        var client = new Nexor.Client.for_url ("http://127.0.0.1:1/api/public", "nxr_live_consumer_test");
        client.get_lead ("..", null);
    } catch (Nexor.Error.INVALID_ARGUMENT e) {
        return 0;
    } catch (Error e) {
    }
    return 1;
}
VALA
  (cd "$work" && valac -C --vapidir "$(dirname "$vapi")" --pkg nexor-glib-1 check.vala) ||
    fail "valac cannot compile against the staged nexor-glib-1.vapi"
  echo "  ok valac compiles a program against the staged nexor-glib-1.vapi"
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures install check(s) failed" >&2
  exit 1
fi
echo "all install checks passed"
