"""Issue 16, item 2, as an attacker tries it: replayed declarations, two keys where there
should be one, one key for two people, a signed name that is not the roster's, and a
history whose dates or key do not hold. Each test failed before the fix it names."""

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.signing.keys import KEY_FILE, RECORD, KeyStore
from tests.conftest import ROOT

RACES = 4  # rounds of two processes; before the lock, nearly every round made two keys


def _race(home: Path, kind: str) -> list[str]:
    """Two processes released at the same moment to get the signing key under `home`."""
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.key_race_child", str(home), kind],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    fingerprints = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        fingerprints.append(out.strip())
    return fingerprints


@pytest.mark.parametrize("kind", ["keychain", "file"])
def test_two_first_declarations_at_once_make_one_key(tmp_path: Path, kind: str) -> None:
    for round_ in range(RACES):
        home = tmp_path / str(round_) / "home"
        first, second = _race(home, kind)
        record = KeyStore(home).record()
        assert record is not None
        assert first == second == record.fingerprint, f"round {round_}: two keys"
        assert not [p.name for p in home.iterdir() if ".replaced-" in p.name]
        assert (home / RECORD).exists()
        assert (home / KEY_FILE).exists() == (kind == "file")
        lock = home / "signing-key.lock"
        assert lock.stat().st_mode & 0o777 == 0o600
        assert home.stat().st_mode & 0o777 == 0o700
