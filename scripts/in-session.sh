#!/usr/bin/env bash
# Runs a command the way the tests and benchmarks need it: under a real X server (Xvfb)
# and with a real keychain (gnome-keyring's Secret Service in a private D-Bus session),
# with every XDG directory pointed at a scratch folder so nothing touches the user's data.
#   scripts/in-session.sh COMMAND [ARG...]
set -euo pipefail

scratch=$(mktemp -d "${TMPDIR:-/tmp}/selfcheck-session.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch"/{data,config,cache,runtime}
chmod 700 "$scratch/runtime"
export XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config
export XDG_CACHE_HOME=$scratch/cache XDG_RUNTIME_DIR=$scratch/runtime
unset QT_QPA_PLATFORM

# The login keyring's password only guards this throw-away keyring. Not exec'd: the
# trap above removes the scratch folder afterwards.
xvfb-run --auto-servernum --server-args="-screen 0 1280x1024x24 -nolisten tcp" \
  dbus-run-session -- sh -c '
    printf %s selfcheck-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
      && exec "$@"' sh "$@"
