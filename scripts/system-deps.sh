#!/bin/sh
# Checks (and, as root on Debian/Ubuntu, installs) the system libraries Qt and the tests need.
# Usage: scripts/system-deps.sh run|test|dev
set -eu
profile="${1:-run}"

# Qt's xcb/offscreen platforms, fonts, and what PySide6-Essentials links against.
RUN_PKGS="libglib2.0-0 libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 \
libxcb-shape0 libxcb-util1 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 libxrender1 libsm6 libice6 \
fonts-dejavu-core"
# The bundle test strips binaries (binutils) and checks the bundled app's self-test.
TEST_PKGS="$RUN_PKGS binutils"
# Looking at what we build: a real window under Xvfb, documents rendered to PNG.
DEV_PKGS="$TEST_PKGS xvfb xauth imagemagick libreoffice-writer poppler-utils"

case "$profile" in
  run) pkgs="$RUN_PKGS" ;;
  test) pkgs="$TEST_PKGS" ;;
  dev) pkgs="$DEV_PKGS" ;;
  *) echo "usage: $0 run|test|dev" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not Debian/Ubuntu: Qt's wheels bundle what they need on Windows and macOS; elsewhere we cannot check.
  exit 0
fi

missing=""
for pkg in $pkgs; do
  status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
  case "$status" in
    ii*) ;;
    *) missing="$missing $pkg" ;;
  esac
done
[ -z "$missing" ] && exit 0

line="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system libraries:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086 - word splitting of the package list is intended
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Interface Desktop needs these system libraries, which only an administrator can install:" >&2
  echo "  sudo $line" >&2
  echo "Run that line (or ask your IT team to), then run make again." >&2
  exit 1
fi
