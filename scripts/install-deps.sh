#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build nexor-glib, its tools, docs,
# examples and every test suite. Does nothing (quickly) when all are installed.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libsoup-3.0-dev libjson-glib-dev
  # the emulator's --tls certificate (GnuTLS) and TLS in GIO at all
  # (glib-networking: without it every https request fails)
  libgnutls28-dev glib-networking
  # introspection, VAPI and docs
  gobject-introspection libgirepository1.0-dev
  gir1.2-glib-2.0 gir1.2-soup-3.0 gir1.2-json-1.0
  valac gi-docgen
  # bindings tests and examples
  gjs python3 python3-gi python3-pytest
  # the GTK 4 app (examples/gtk) and its real-window tests (tests/gui): Xvfb
  # is the display, the fonts and icons are what the window draws with, and
  # ImageMagick's import takes the Python window's screenshot
  libgtk-4-dev libadwaita-1-dev libsecret-1-dev gir1.2-gtk-4.0 gir1.2-adw-1
  xvfb fonts-dejavu-core adwaita-icon-theme imagemagick
  # the app's key in a real Secret Service (tests/gui/test_lead_desk_keyring.py):
  # a private bus (dbus-daemon), gnome-keyring-daemon on it, secret-tool to
  # read and write the keyring, gdbus (libglib2.0-bin) to lock it
  dbus-daemon gnome-keyring libsecret-tools libglib2.0-bin
  # install test: `pkg-config --static --libs libsoup-3.0` names the Kerberos
  # libraries, whose link-time .so files only libkrb5-dev ships
  libkrb5-dev
  # the CLI's bash completion is installed in bash-completion's completionsdir
  # (its pkg-config file), and tests/cli drives it with bash
  bash-completion
  # translations (msgfmt, xgettext) and every locale compiled, so that the
  # Spanish tests' LANG=es_CL.UTF-8 works on a fresh machine
  gettext locales-all
  # test tools (ldd, from libc-bin, is always there)
  valgrind clang
  # libFuzzer and the clang sanitizer runtimes (scripts/fuzz.sh), and
  # llvm-symbolizer so that clang's sanitizer reports name source lines
  libclang-rt-14-dev llvm-14
  # benchmarks (bench/run.sh): the peers nexor-glib is compared with
  librest-dev libcurl4-openssl-dev libjson-c-dev python3-requests python3-httpx
  # the canned responder's https port (OpenSSL) and the run's certificate
  # (openssl req); the CLI cold start's peer is curl piped into jq
  libssl-dev openssl curl jq
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [[ $status == installed ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: not root and no sudo; install these packages: ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${packages[@]}"
