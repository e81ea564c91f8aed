#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine: system packages, a venv, then run or test.
#   bash tools/setup.sh --run    set up, then open Reviewer on the bundled sample
#   bash tools/setup.sh --test   set up, then run the test suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:---run}"
shift || true

# Debian packages Qt needs for the offscreen/xcb platforms, plus CJK fonts.
apt_pkgs=(python3-venv python3-pip fonts-noto-cjk fontconfig libgl1 libegl1 libfontconfig1
          libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 libxcb-cursor0
          libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
          libxcb-render-util0 libxcb-image0)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${apt_pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[dev]"

# The application menu entry, icon and .reviewer file type, for this user (Linux desktops).
# Not for test runs (CI); never fatal: a machine without a desktop still gets the program.
if [ "$mode" != "--test" ] && [ "$(uname -s)" = Linux ]; then
  .venv/bin/reviewer --install-desktop >/dev/null || echo "setup: desktop entry not installed (see above)"
fi

case "$mode" in
  --run)  exec .venv/bin/reviewer "$@" ;;
  --test) export QT_QPA_PLATFORM=offscreen; exec .venv/bin/python -m pytest "$@" ;;
  --none) ;;
  *) echo "usage: bash tools/setup.sh [--run|--test|--none] [args...]" >&2; exit 2 ;;
esac
