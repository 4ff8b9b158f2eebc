#!/usr/bin/env bash
# Set up HIS Console from this checkout on Debian/Ubuntu (or any Linux with Python >= 3.11):
# system libraries Qt needs (when run as root or with sudo), then a virtual environment in .venv.
#   packaging/install.sh          the app
#   packaging/install.sh --test   the app plus what the test suite needs (Xvfb, poppler, PostgreSQL, CUPS with cups-pdf)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

packages=(
  python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libcups2
)
if [ "$want_test" = 1 ]; then
  packages+=(xvfb xauth poppler-utils zbar-tools postgresql desktop-file-utils appstream
    cups cups-client printer-driver-cups-pdf)
fi

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="skip"; fi
  fi
  if [ "$sudo" = skip ]; then
    echo "install.sh: not root and no sudo: skipping system packages (${packages[*]})" >&2
  else
    missing=()
    for p in "${packages[@]}"; do
      dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
      echo "install.sh: installing system packages: ${missing[*]}"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
  fi
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "install.sh: HIS Console needs Python 3.11 or newer ($python is $("$python" --version))" >&2
  exit 1
}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
else
  .venv/bin/python -m pip install --quiet -e .
fi
echo "install.sh: ready. Start with .venv/bin/hisconsole"
