"""Injected failures on the save path: a full disk, a failing fsync, a crash between two
steps. The user gets a clear message, and nothing saved before is lost."""

import errno
import json
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.core.records import bundle as bundles
from desktop.core.records import history as history_module
from desktop.core.records.history import HEAD, History
from tests.signing_helpers import MemoryKeyring, declare_example


@pytest.fixture
def keychain() -> MemoryKeyring:
    return MemoryKeyring()


def _declared(home: Path) -> list[str]:
    with History(home) as history:
        assert history.verify_chain().problems == []
        return [d.sha256 for d in history.declarations()]


def _head(home: Path) -> dict[str, dict[str, object]]:
    return json.loads((home / HEAD).read_text("utf-8"))  # type: ignore[no-any-return]


def test_after_a_save_the_head_record_names_the_latest_declaration(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    declare_example(tmp_path, "onboarding", keychain)
    latest = declare_example(tmp_path, "annual", keychain).declaration
    assert _head(tmp_path) == {latest.signer: {"seq": 2, "sha256": latest.sha256}}


def test_a_head_record_that_cannot_be_written_does_not_undo_a_saved_declaration(
    tmp_path: Path, keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once committed, the declaration is saved: the person must not be told otherwise."""
    first = declare_example(tmp_path, "onboarding", keychain).declaration
    real_write = history_module.write_atomic

    def full_for_the_head(path: Path, data: bytes, mode: int = 0o600) -> None:
        if Path(path).name == HEAD:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data, mode)

    monkeypatch.setattr(history_module, "write_atomic", full_for_the_head)
    second = declare_example(tmp_path, "annual", keychain).declaration  # no error
    monkeypatch.undo()
    assert _declared(tmp_path) == [first.sha256, second.sha256]
    assert _head(tmp_path)[first.signer]["seq"] == 1  # one behind: not a loss
    third = declare_example(tmp_path, "annual", keychain).declaration
    assert _head(tmp_path)[first.signer] == {"seq": 3, "sha256": third.sha256}


def test_a_lagging_head_that_disagrees_with_the_history_is_reported(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    first = declare_example(tmp_path, "onboarding", keychain).declaration
    declare_example(tmp_path, "annual", keychain)
    (tmp_path / HEAD).write_text(
        json.dumps({first.signer: {"seq": 1, "sha256": "0" * 64}}), encoding="utf-8"
    )
    with History(tmp_path) as history:
        assert "declaration 1 of" in " ".join(history.verify_chain().problems)


def test_a_crash_after_the_commit_and_before_the_head_is_not_a_loss(
    tmp_path: Path, keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    declare_example(tmp_path, "onboarding", keychain)

    def die(self: History) -> None:
        raise SystemExit("killed")  # the process ends here, as with SIGKILL

    monkeypatch.setattr(History, "_write_head", die)
    with pytest.raises(SystemExit):
        declare_example(tmp_path, "annual", keychain)
    monkeypatch.undo()
    assert len(_declared(tmp_path)) == 2  # saved, and the chain (head included) is sound
    assert next(iter(_head(tmp_path).values()))["seq"] == 1  # the head lags: not a loss
    declare_example(tmp_path, "annual", keychain)
    assert len(_declared(tmp_path)) == 3


def test_a_failing_fsync_saves_nothing_and_keeps_what_was_saved(
    tmp_path: Path, keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    declare_example(tmp_path, "onboarding", keychain)
    before = _declared(tmp_path)
    out = tmp_path / "out"

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="Input/output error"):
        declare_example(
            tmp_path,
            "annual",
            keychain,
            before_saving=lambda b, name: bundles.stage(b, out, name).publish(),
        )
    monkeypatch.undo()
    assert _declared(tmp_path) == before
    assert not [p for p in out.iterdir() if not p.name.startswith(".")]  # no bundle shown


def test_a_full_disk_when_writing_the_bundle_declares_nothing(
    tmp_path: Path, keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    declare_example(tmp_path, "onboarding", keychain)
    before = _declared(tmp_path)
    out = tmp_path / "out"
    real_replace = os.replace

    def full(src: str | Path, dst: str | Path) -> None:
        if str(dst).startswith(str(out)):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError, match="No space left") as caught:
        declare_example(
            tmp_path,
            "annual",
            keychain,
            before_saving=lambda b, name: bundles.stage(b, out, name),
        )
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert _declared(tmp_path) == before
    assert list(out.iterdir()) == []  # the staging folder was cleaned up


def test_a_full_disk_inside_the_database_keeps_the_history_whole(
    tmp_path: Path, keychain: MemoryKeyring
) -> None:
    """SQLITE_FULL for real: the database may not grow by a single page."""
    declare_example(tmp_path, "onboarding", keychain)
    before = _declared(tmp_path)
    with sqlite3.connect(tmp_path / "history.db") as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    real_init = History.__init__

    def capped(self: History, home: Path) -> None:
        real_init(self, home)
        self.db.execute(f"PRAGMA max_page_count={pages}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(History, "__init__", capped)
        with pytest.raises(OSError, match="No space left") as caught:
            declare_example(tmp_path, "annual", keychain)
        assert caught.value.errno == errno.ENOSPC  # "the disk is full; nothing was saved"
        with (
            History(tmp_path) as history,
            pytest.raises(OSError, match="No space left") as draft_caught,
        ):
            history.save_draft("d", "annual", b"x" * 200_000)
        assert draft_caught.value.errno == errno.ENOSPC
    assert _declared(tmp_path) == before


@pytest.mark.parametrize(
    ("error", "english", "vietnamese"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/x"), "disk is full", "đầy"),
        (OSError(errno.EIO, "Input/output error", "/x"), "Input/output error", "/x"),
    ],
)
def test_the_user_reads_what_went_wrong_in_their_language(
    qapp: object, error: OSError, english: str, vietnamese: str
) -> None:
    from desktop.gui.language import LanguageSwitch
    from desktop.gui.messages import describe

    language = LanguageSwitch()
    language.set_language("en")
    assert english in describe(error)
    language.set_language("vi")
    assert vietnamese in describe(error)
    language.set_language("en")  # translators are application-wide
    language.deleteLater()
