#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages SelfCheck needs when they are missing.
#   scripts/system-packages.sh run   the libraries Qt needs to open a window
#   scripts/system-packages.sh test  those, plus a virtual X server, a real keychain
#                                    and the tools the tests check our output with
#   scripts/system-packages.sh venv  Debian's split-out venv module, when `python3 -m venv` fails
# Installs nothing when everything is present; uses apt-get as root, or sudo -n.
set -euo pipefail

profile=${1:-test}

runtime=(
  libegl1 libgl1 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libfreetype6 libdbus-1-3 libglib2.0-0 libgssapi-krb5-2 libbrotli1 libzstd1 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
)
testing=(
  xvfb xauth dbus gnome-keyring openssh-client poppler-utils
)

case "$profile" in
  run) wanted=("${runtime[@]}") ;;
  test) wanted=("${runtime[@]}" "${testing[@]}") ;;
  venv) wanted=(python3-venv) ;;
  *) echo "usage: $0 run|test|venv" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-packages: not a Debian/Ubuntu system; make sure these are installed: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "system-packages: missing ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "system-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
