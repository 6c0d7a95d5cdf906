"""Crash safety: the save path killed with SIGKILL at random points loses nothing.

SQLite's own crash tests kill a writer and check the database afterwards; this does the
same to SelfCheck's whole save path (tests/crash_child.py: draft, sign, stage the bundle,
record the declaration, publish the bundle). After every kill, and before the next run
continues the same history:
- `PRAGMA integrity_check` is ok;
- every declaration the child reported saved is in the history, and the chain verifies
  (hashes, signatures, order, continuity, head record) with no problem at all;
- every bundle in the output folder is whole and verifies, and is one of the history's
  declarations; only hidden staging folders may be left behind;
- the draft reads back whole, either an older or a newer one.

`make test` kills 30 times; `make test-long` sets SELFCHECK_CRASH_KILLS=250.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from desktop.core import bundle as bundles
from desktop.core.history import DATABASE, History
from tests.conftest import ROOT

KILLS = int(os.environ.get("SELFCHECK_CRASH_KILLS", "30"))
MAX_DELAY_S = 0.3  # long enough for several rounds, so kills land in every step


class Child:
    """The save loop in a child process; its output lines collected on a thread."""

    def __init__(self, home: Path, out: Path, seed: Path) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_child", str(home), str(out), str(seed)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.strip() == "ready":
                self.ready.set()
            else:
                self.lines.append(line.strip())
        self.ready.set()  # the child ended (or died) before being ready: stop waiting

    def kill_after(self, delay: float) -> tuple[int, str]:
        assert self.ready.wait(120), "the child never became ready"
        time.sleep(delay)  # the random point of the kill: this harness's whole purpose
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(60)
        self._reader.join(60)
        assert self.process.stderr is not None
        return self.process.returncode, self.process.stderr.read()


def _check_after_crash(home: Path, out: Path, reported: dict[str, str]) -> int:
    """Everything the harness promises, after one kill; returns hidden leftovers."""
    with sqlite3.connect(home / DATABASE) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with History(home) as history:
        report = history.verify_chain()
        assert report.problems == [], report.problems
        stored = {d.sha256 for d in history.declarations()}
        draft = history.load_draft("crash-draft")
    missing = set(reported) - stored
    assert not missing, f"reported saved but not in the history: {missing}"
    assert draft is None or (draft.startswith(b"draft ") and len(set(draft.split(b" "))) <= 3)
    leftovers = 0
    for entry in out.iterdir():
        if entry.name.startswith("."):
            leftovers += 1  # a staging folder the kill interrupted: never shown as a bundle
            continue
        bundle = bundles.read(entry)
        bundles.verify(bundle)  # whole and signed, or this raises
        assert bundles.summary_json.sha256(bundle.summary) in stored
    for name in reported.values():
        assert (out / name).is_dir(), f"reported bundle {name} is gone"
    return leftovers


def test_sigkill_at_random_points_loses_nothing_reported_saved(tmp_path: Path) -> None:
    home, out, seed = tmp_path / "home", tmp_path / "out", tmp_path / "seed"
    out.mkdir()
    seed.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    )
    seed_value = int(os.environ.get("SELFCHECK_CRASH_SEED", "722"))
    rng = random.Random(seed_value)  # noqa: S311 (when to kill, not a secret)
    reported: dict[str, str] = {}  # sha256 -> bundle name
    for _ in range(KILLS):
        child = Child(home, out, seed)
        code, errors = child.kill_after(rng.uniform(0, MAX_DELAY_S))
        assert code == -signal.SIGKILL, errors  # it was running, not failing
        for line in child.lines:
            _, _seq, sha, name = line.split()
            reported[sha] = name
        _check_after_crash(home, out, reported)
    with History(home) as history:
        saved = len(history.declarations())
    print(f"\ncrash loop: {KILLS} kills survived, {saved} declarations, {len(reported)} reported")
    assert saved >= len(reported) > KILLS // 4  # the kills did land during the work
