"""Damaged state on disk: detected, reported in plain words, set aside, never shown as
valid, and the app still starts. (Flipped pages, a garbage header, a damaged head record:
tests/test_history.py; a damaged or altered key file: tests/test_keys.py; a draft from a
newer SelfCheck: tests/test_flow.py.)"""

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.records.history import DATABASE, History, HistoryDamaged
from tests.conftest import ROOT
from tests.signing_helpers import MemoryKeyring, declare_example


def _problems(home: Path) -> list[str]:
    with History(home) as history:
        return history.verify_chain().problems


def test_a_truncated_database_is_set_aside_and_the_loss_reported(tmp_path: Path) -> None:
    keychain = MemoryKeyring()
    for programme in ("onboarding", "annual", "annual"):
        declare_example(tmp_path, programme, keychain)
    path = tmp_path / DATABASE
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(HistoryDamaged, match="kept as"):
        History(tmp_path)
    (aside,) = tmp_path.glob(f"{DATABASE}.damaged-*")
    assert aside.read_bytes() == data[: len(data) // 2]  # kept whole, for the IT officer
    # The next start opens a fresh history, and the head record says what is missing.
    problems = _problems(tmp_path)
    assert any("declaration 3" in p and "missing" in p for p in problems), problems


def test_a_deleted_wal_file_loses_declarations_loudly_not_silently(tmp_path: Path) -> None:
    """Committed declarations can live in history.db-wal until a checkpoint. A process that
    dies leaves them there; deleting that file loses them, and the head record notices."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from tests.signing_helpers import MemoryKeyring, declare_example\n"
        "from desktop.core.records.history import History\n"
        "home = Path(sys.argv[1])\n"
        "keep = History(home)\n"  # held open: its close would checkpoint the WAL
        "keep.db.execute('PRAGMA wal_autocheckpoint=0')\n"
        "keychain = MemoryKeyring()\n"
        "declare_example(home, 'onboarding', keychain)\n"
        "declare_example(home, 'annual', keychain)\n"
        "os._exit(0)\n"  # dies without checkpointing
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, check=True, timeout=120)
    wal = tmp_path / f"{DATABASE}-wal"
    assert wal.exists() and wal.stat().st_size > 0
    wal.unlink()
    (tmp_path / f"{DATABASE}-shm").unlink(missing_ok=True)
    problems = _problems(tmp_path)
    assert any("declaration 2" in p and "missing" in p for p in problems), problems


def test_the_app_starts_with_a_damaged_history_and_says_so(
    qapp: object, private_home: Path
) -> None:
    from desktop.gui.session import open_session

    declare_example(private_home, "onboarding", MemoryKeyring())
    (private_home / DATABASE).write_bytes(b"this is not a database at all" * 100)
    session = open_session()
    try:
        assert session.startup_warning is not None
        # In Vietnamese, where the copy was kept, and no English after the sentence.
        assert "được giữ lại tại" in session.startup_warning
        assert "history.db.damaged-" in session.startup_warning
        assert "kept as" not in session.startup_warning
    finally:
        session.language.set_language("en")  # translators are application-wide
        session.language.deleteLater()
        session.close()
