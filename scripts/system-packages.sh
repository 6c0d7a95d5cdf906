#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages SelfCheck needs when they are missing.
#   scripts/system-packages.sh run   the libraries Qt needs to open a window
#   scripts/system-packages.sh test  those, plus a virtual X server, a real keychain
#                                    and the tools the tests check our output with
#   scripts/system-packages.sh build those, plus what PyInstaller needs (binutils)
#   scripts/system-packages.sh venv  Debian's split-out venv module, when `python3 -m venv` fails
# Installs nothing when everything is present; uses apt-get as root, or sudo.
# "a|b" means either package will do (Ubuntu 24.04 and Debian 13 renamed some libraries
# with a t64 suffix); the first one the archive has is installed.
set -euo pipefail

profile=${1:-test}

runtime=(
  libegl1 libgl1 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
  "libfontconfig1|libfontconfig1t64" "libfreetype6|libfreetype6t64" "libdbus-1-3|libdbus-1-3t64"
  "libglib2.0-0|libglib2.0-0t64" "libgssapi-krb5-2|libgssapi-krb5-2t64" libbrotli1 libzstd1
  fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
)
# PyInstaller needs Python's shared library. Debian's and Ubuntu's own python3 keep it in
# a package of its own (libpython3.X), which neither python3 nor python3-venv brings.
building=(binutils)
python=${PYTHON:-python3}
if [[ -x .venv/bin/python ]]; then python=.venv/bin/python; fi
system_python=$("$python" -c 'import sys
if sys.base_prefix == "/usr": print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
if [[ -n $system_python ]]; then
  building+=("libpython${system_python}t64|libpython${system_python}")
fi
# softhsm2 is the PKCS#11 USB token of the PAdES tests; libnss3-tools' certutil makes
# the NSS database in which poppler's pdfsig trusts the test CA.
testing=(
  xvfb xauth dbus gnome-keyring openssh-client poppler-utils zbar-tools
  desktop-file-utils appstream softhsm2 libnss3-tools "${building[@]}"
)

case "$profile" in
  run) wanted=("${runtime[@]}") ;;
  test) wanted=("${runtime[@]}" "${testing[@]}") ;;
  build) wanted=("${runtime[@]}" "${building[@]}") ;;
  venv) wanted=(python3-venv) ;;
  *) echo "usage: $0 run|test|build|venv" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-packages: not a Debian/Ubuntu system; make sure these are installed: ${wanted[*]}" >&2
  exit 0
fi

installed() {
  # db:Status-Abbrev is "ii " once per installed architecture.
  dpkg-query -W -f='${db:Status-Abbrev}\n' "$1" 2>/dev/null | grep -q '^ii'
}

missing=()
for group in "${wanted[@]}"; do
  IFS='|' read -r -a choices <<<"$group"
  found=no
  for pkg in "${choices[@]}"; do
    installed "$pkg" && found=yes && break
  done
  [[ $found == yes ]] || missing+=("$group")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
elif command -v sudo >/dev/null 2>&1 && [[ -t 0 ]]; then
  as_root=(sudo)  # asks for the password at the terminal
else
  echo "system-packages: missing ${missing[*]//|/ or }; install them with sudo apt-get install" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
chosen=()
for group in "${missing[@]}"; do
  IFS='|' read -r -a choices <<<"$group"
  pick=${choices[0]}
  for pkg in "${choices[@]}"; do
    if [[ -n $(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}') ]]; then
      pick=$pkg
      break
    fi
  done
  chosen+=("$pick")
done
echo "system-packages: installing ${chosen[*]}"
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${chosen[@]}" >/dev/null
