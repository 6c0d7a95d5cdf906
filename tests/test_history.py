"""The local history: append-only, hash-chained, and honest about damage."""

import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.records import summary as summary_json
from desktop.core.records.declare import HistoryNotIntact
from desktop.core.records.history import History, HistoryDamaged, HistoryError
from desktop.core.signing.sshsig import PublicKey
from tests.signing_helpers import MemoryKeyring, declare_example


@pytest.fixture
def keychain() -> MemoryKeyring:
    return MemoryKeyring()


def _two(home: Path, keychain: MemoryKeyring) -> None:
    declare_example(home, "onboarding", keychain)
    declare_example(home, "annual", keychain)


def _tamper(home: Path, *statements: str) -> None:
    """What someone editing the database file by hand could do: drop the guards, then edit."""
    db = sqlite3.connect(home / "history.db")
    db.execute("DROP TRIGGER declarations_append_only_update")
    db.execute("DROP TRIGGER declarations_append_only_delete")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def _problems(home: Path) -> list[str]:
    with History(home) as history:
        return history.verify_chain().problems


def test_two_declarations_are_chained(tmp_path: Path, keychain: MemoryKeyring) -> None:
    first = declare_example(tmp_path, "onboarding", keychain)
    second = declare_example(tmp_path, "annual", keychain)
    assert (first.summary.seq, first.summary.prev) == (1, None)
    assert second.summary.seq == 2
    assert second.summary.prev == summary_json.sha256(first.bundle.summary)
    with History(tmp_path) as history:
        report = history.verify_chain()
        assert report.intact and report.declarations == 2
        assert [d.summary for d in history.declarations()] == [
            first.bundle.summary,
            second.bundle.summary,
        ]


def test_database_refuses_update_and_delete(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    db = sqlite3.connect(tmp_path / "history.db")
    for statement in (
        "UPDATE declarations SET verdict = 'compliant'",
        "DELETE FROM declarations WHERE seq = 1",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
    db.close()


def test_files_are_private_and_durable(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    for name in ("history.db", "history-head.json"):
        assert oct((tmp_path / name).stat().st_mode & 0o777) == "0o600", name
    with History(tmp_path) as history:
        assert history.db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert history.db.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL


def test_deleted_declaration_is_reported(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    declare_example(tmp_path, "annual", keychain)
    _tamper(tmp_path, "DELETE FROM declarations WHERE seq = 2")
    problems = _problems(tmp_path)
    assert any("expected number 2" in p for p in problems)
    assert any("does not continue" in p for p in problems)


def test_deleted_latest_declaration_is_reported(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    _tamper(tmp_path, "DELETE FROM declarations WHERE seq = 2")
    assert any("declaration 2" in p and "missing" in p for p in _problems(tmp_path))


def test_reordered_declarations_are_reported(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    _tamper(
        tmp_path,
        "UPDATE declarations SET seq = 3 WHERE seq = 1",
        "UPDATE declarations SET seq = 1 WHERE seq = 2",
        "UPDATE declarations SET seq = 2 WHERE seq = 3",
    )
    problems = _problems(tmp_path)
    assert any("names another place in the chain" in p for p in problems)
    assert any("does not continue" in p for p in problems)


def test_duplicated_declaration_is_reported(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    _tamper(
        tmp_path,
        "INSERT INTO declarations SELECT signer, 3, sha256, prev, programme, "
        "verdict, issued_at, public_key, summary, signature FROM declarations WHERE seq = 2",
    )
    problems = _problems(tmp_path)
    assert any("declaration 3" in p and "names another place" in p for p in problems)


def test_history_restored_from_an_older_copy_is_reported(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    declare_example(tmp_path, "onboarding", keychain)
    backup = tmp_path / "backup"
    backup.mkdir()
    for name in ("history.db", "history.db-wal"):
        if (tmp_path / name).exists():
            shutil.copy2(tmp_path / name, backup / name)
    declare_example(tmp_path, "annual", keychain)
    for name in ("history.db", "history.db-wal", "history.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
        if (backup / name).exists():
            shutil.copy2(backup / name, tmp_path / name)
    problems = _problems(tmp_path)
    assert any("restored from an older copy" in p for p in problems)
    # The link now last is the one in doubt: the history window will not export it.
    with History(tmp_path) as history:
        (doubt,) = [key for key, found in history.verify_chain().links.items() if found]
    assert doubt[1] == 1


def test_replaced_summary_bytes_are_reported(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    _tamper(
        tmp_path,
        "UPDATE declarations SET summary = CAST(REPLACE(CAST(summary AS TEXT), "
        "'action-required', 'compliant') AS BLOB) WHERE seq = 1",
    )
    problems = _problems(tmp_path)
    assert any("does not match its hash" in p for p in problems)
    assert any("signature does not match" in p for p in problems)


def test_damaged_database_is_set_aside_and_reported(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    _two(tmp_path, keychain)
    path = tmp_path / "history.db"
    data = bytearray(path.read_bytes())
    data[0:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    with pytest.raises(HistoryDamaged, match="kept as"):
        History(tmp_path)
    kept = list(tmp_path.glob("history.db.damaged-*"))
    assert kept and kept[0].read_bytes()[:16] == b"garbage garbage!"
    # The next start begins a fresh database, and the head still reports what was lost...
    assert any("missing" in p for p in _problems(tmp_path))
    # ...until the person knowingly starts a new chain (which a reviewer will see as such).
    with History(tmp_path) as history:
        history.start_new_chain()
    assert _problems(tmp_path) == []
    assert list(tmp_path.glob("history-head.json.replaced-*"))


def test_append_refuses_a_summary_that_does_not_continue_the_chain(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    first = declare_example(tmp_path, "onboarding", keychain)
    key = PublicKey.from_openssh(first.declaration.public_key)
    with History(tmp_path) as history, pytest.raises(HistoryError, match="saved meanwhile"):
        history.append(first.bundle.summary, first.bundle.signature, key)


def test_drafts_are_saved_updated_and_removed(tmp_path: Path) -> None:
    with History(tmp_path) as history:
        history.save_draft("d1", "annual", b'{"a": 1}')
        history.save_draft("d1", "annual", b'{"a": 2}')
        history.save_draft("d2", "onboarding", b"{}")
        assert history.load_draft("d1") == b'{"a": 2}'
        assert {d[0] for d in history.drafts()} == {"d1", "d2"}
        history.delete_draft("d1")
        assert history.load_draft("d1") is None


def test_another_connection_writes_from_another_thread_and_the_first_sees_it(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    """The GUI signs on a pool thread, while the session's connection is the GUI thread's."""
    from desktop.core.assessment.answers import load_answers
    from desktop.core.assessment.engine import assess
    from desktop.core.policy.loader import load_policy
    from desktop.core.records.declare import declare
    from desktop.core.signing.keys import KeyStore
    from tests.conftest import CHECKLISTS, EXAMPLES

    policy = load_policy(CHECKLISTS)
    result = assess(policy, load_answers(EXAMPLES / "annual.toml", policy))
    with History(tmp_path) as history:
        history.save_draft("d1", "annual", b"{}")
        # Why another connection: this one refuses to be used on any other thread.
        assert isinstance(_raised_on_a_thread(history.declarations), sqlite3.ProgrammingError)

        def sign_elsewhere() -> None:
            with history.another_connection() as here:
                declare(result, KeyStore(tmp_path, keychain), here)

        assert _raised_on_a_thread(sign_elsewhere) is None
        assert len(history.declarations()) == 1
        assert history.verify_chain().intact
        assert history.load_draft("d1") == b"{}"  # the first connection still works


def _raised_on_a_thread(call: Callable[[], object]) -> BaseException | None:
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:  # handed to the test thread
            raised.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return raised[0] if raised else None


def test_a_busy_database_is_not_mistaken_for_damage(
    tmp_path: Path, keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two(tmp_path, keychain)
    monkeypatch.setattr(History, "busy_timeout", 0.2)
    other = sqlite3.connect(tmp_path / "history.db", isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(HistoryError) as caught:
            History(tmp_path).close()
        assert not isinstance(caught.value, HistoryDamaged)
        assert str(caught.value) == "the history database cannot be used now (database is locked)"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(tmp_path.glob("history.db.damaged-*"))
    assert _problems(tmp_path) == []
    # Said in Vietnamese as another program holding it (by SQLite's code), not a locked disk.
    said = caught.value.text
    assert (
        said is not None and "một chương trình khác giữ" in said.vi and "(SQLITE_BUSY)" in said.vi
    )


def test_corrupt_pages_are_caught_by_the_integrity_check(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    _two(tmp_path, keychain)
    path = tmp_path / "history.db"
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page : page + 12] = b"\x0d\xff\xff\x7f\xff" + b"\xee" * 7  # page 2's b-tree header
    path.write_bytes(bytes(data))
    with pytest.raises(HistoryDamaged):
        History(tmp_path)
    assert list(tmp_path.glob("history.db.damaged-*"))


def test_a_table_of_the_wrong_shape_is_damage(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "history.db")
    db.execute("CREATE TABLE declarations (seq INTEGER, summary BLOB)")
    db.commit()
    db.close()
    with pytest.raises(HistoryDamaged, match="expected columns"):
        History(tmp_path)


def test_a_new_history_knows_it_is_empty(tmp_path: Path) -> None:
    with History(tmp_path) as history:
        assert history.verify_chain().intact
    assert (tmp_path / "history-head.json").read_text().strip() == "{}"


def test_a_damaged_head_record_is_reported(tmp_path: Path, keychain: MemoryKeyring) -> None:
    _two(tmp_path, keychain)
    (tmp_path / "history-head.json").write_text("garbage")
    assert _problems(tmp_path) == ["the history's head record is damaged"]


def test_starting_a_new_chain_on_an_empty_history_names_no_file(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    with History(tmp_path / "x") as history:
        (tmp_path / "x" / "history-head.json").unlink()
        assert history.start_new_chain() is None


def test_hand_edited_values_are_reported_not_crashed_on(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    _two(tmp_path, keychain)
    _tamper(
        tmp_path,
        "UPDATE declarations SET signature = 'text, not bytes' WHERE seq = 1",
        "UPDATE declarations SET seq = 'two' WHERE seq = 2",
    )
    problems = _problems(tmp_path)
    assert problems
    assert any("signature" in p or "SSH" in p for p in problems)


def test_declare_itself_refuses_a_broken_chain(tmp_path: Path, keychain: MemoryKeyring) -> None:
    """Whoever calls the core (the wizard, `selfcheck assess`, a script), no new link is
    signed onto a chain with a declaration removed."""
    _two(tmp_path, keychain)
    _tamper(tmp_path, "DELETE FROM declarations WHERE seq = 2")
    staged: list[str] = []
    with pytest.raises(HistoryNotIntact) as caught:
        declare_example(
            tmp_path, "annual", keychain, before_saving=lambda _b, name: staged.append(name)
        )
    assert any("is missing" in problem for problem in caught.value.problems)
    assert staged == []  # nothing signed, so no bundle staged
    with History(tmp_path) as history:
        assert len(history.declarations()) == 1


def test_a_bundle_that_cannot_be_put_in_place_leaves_the_declaration_standing(
    tmp_path: Path, keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the history holds the declaration, a folder that refuses the bundle (a USB disk
    pulled) is "signed, bundle not written", never "not signed": signing again would make a
    second declaration. Nothing half-written is left in the folder."""
    from desktop.core.assessment.answers import load_answers
    from desktop.core.assessment.engine import assess
    from desktop.core.policy.loader import load_policy
    from desktop.core.records import bundle as bundles
    from desktop.core.records.declare import BundleNotWritten, Destination, sign_and_save
    from desktop.core.signing.keys import KeyStore
    from tests.conftest import CHECKLISTS, EXAMPLES

    policy = load_policy(CHECKLISTS)
    result = assess(policy, load_answers(EXAMPLES / "annual.toml", policy))
    out = tmp_path / "out"
    out.mkdir()

    def pulled(_staged: bundles.Staged) -> Path:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(bundles.Staged, "publish", pulled)
    with History(tmp_path) as history, pytest.raises(BundleNotWritten) as caught:
        sign_and_save(result, KeyStore(tmp_path, keychain), history, Destination(out))
    assert caught.value.folder == out
    assert list(out.iterdir()) == []
    with History(tmp_path) as history:
        (declaration,) = history.declarations()
        assert declaration.sha256 == caught.value.signed.declaration.sha256
        assert history.verify_chain().intact
