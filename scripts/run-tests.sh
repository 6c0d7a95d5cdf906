#!/usr/bin/env bash
# Runs the test suite the way CI does: in scripts/in-session.sh's private session (Xvfb,
# gnome-keyring on a private D-Bus, scratch XDG folders).
set -euo pipefail

python=${PYTHON:-.venv/bin/python}
# The tests read this to know they run against the real keychain, not a fallback.
export SELFCHECK_TEST_KEYCHAIN=gnome-keyring
# Every program a test runs is installed (scripts/system-packages.sh test): a missing
# one fails its test instead of skipping it (tests/tools.py).
export SELFCHECK_TEST_TOOLS=required
exec "$(dirname "$0")/in-session.sh" "$python" -m pytest "$@"
