#!/usr/bin/env bash
# Runs the test suite the way CI does: under a real X server (Xvfb) and with a real
# keychain (gnome-keyring's Secret Service in a private D-Bus session), with every
# XDG directory pointed at a scratch folder so no test touches the user's own data.
set -euo pipefail

python=${PYTHON:-.venv/bin/python}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/selfcheck-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch"/{data,config,cache,runtime}
chmod 700 "$scratch/runtime"
export XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config
export XDG_CACHE_HOME=$scratch/cache XDG_RUNTIME_DIR=$scratch/runtime
# The tests read this to know they run against the real keychain, not a fallback.
export SELFCHECK_TEST_KEYCHAIN=gnome-keyring
unset QT_QPA_PLATFORM

# The login keyring's password only guards this throw-away keyring.
exec xvfb-run --auto-servernum --server-args="-screen 0 1280x1024x24 -nolisten tcp" \
  dbus-run-session -- sh -c '
    printf %s selfcheck-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
      && exec "$0" -m pytest "$@"' "$python" "$@"
