"""The windows while their background tasks run: busy, then told, never a traceback."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.gui import tasks
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.gui_driver import declare_every_password, type_text
from tests.test_gui import _open_example


class HeldPool:
    """Keeps each task until the test lets it run: the window can be seen while it waits."""

    def __init__(self) -> None:
        self.held: list[QRunnable] = []

    def start(self, runnable: QRunnable, priority: int = 0) -> None:
        self.held.append(runnable)

    def run_next(self) -> None:
        self.held.pop(0).run()


@pytest.fixture
def held(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> HeldPool:
    pool = HeldPool()
    monkeypatch.setattr(tasks, "_pool", pool)
    return pool


def _to_sign(window: MainWindow, session: Session, folder: Path) -> QWidget:
    _open_example(window, session)
    declare_every_password(window)
    window.wizard.show_step(len(window.wizard.steps) - 1)
    sign = window.wizard.page
    type_text(sign.findChild(QLineEdit, "outputFolder"), str(folder))
    passphrase = sign.findChild(QLineEdit, "passphrase")
    if not passphrase.isHidden():
        type_text(passphrase, "a long enough passphrase")
        type_text(sign.findChild(QLineEdit, "passphraseAgain"), "a long enough passphrase")
    return sign


def test_a_save_that_fails_is_told_and_the_page_is_free_again(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    (tmp_path / "a file").write_bytes(b"")
    sign = _to_sign(window, session, tmp_path / "a file" / "bundles")  # cannot be made
    sign.findChild(QPushButton, "signButton").click()
    told = sign.findChild(QLabel, "signResult").text()
    assert told.startswith("Chưa ký. ") and "Traceback" not in told
    assert sign.findChild(QPushButton, "signButton").isEnabled()
    assert window.wizard.back.isEnabled() and window.wizard.close_button.isEnabled()
    assert session.history is not None and session.history.declarations() == []
    assert not session.signed
    assert session.flow is not None
    assert session.history.load_draft(session.flow.draft.id) is not None  # the work is kept


def test_a_bundle_the_folder_refuses_after_signing_is_told_as_signed(
    window: MainWindow, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The declaration is in the history when the folder refuses the bundle (a USB disk
    pulled): the person reads that it is signed and where to export it from, the draft is
    gone and Sign stays off, so it is never signed twice."""
    from desktop.core.records import bundle as bundles

    def pulled(_staged: bundles.Staged) -> Path:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(bundles.Staged, "publish", pulled)
    sign = _to_sign(window, session, tmp_path / "usb")
    assert session.flow is not None
    draft_id = session.flow.draft.id
    sign.findChild(QPushButton, "signButton").click()
    told = sign.findChild(QLabel, "signResult").text()
    assert told.startswith("Bản kê khai đã được ký và lưu trong lịch sử"), told
    assert str(tmp_path / "usb") in told
    assert session.signed and not sign.findChild(QPushButton, "signButton").isEnabled()
    assert session.history is not None and len(session.history.declarations()) == 1
    assert session.history.load_draft(draft_id) is None


def test_the_page_holds_until_the_declaration_is_saved(
    window: MainWindow, session: Session, tmp_path: Path, held: HeldPool
) -> None:
    sign = _to_sign(window, session, tmp_path / "out")
    assert session.flow is not None and session.history is not None
    session.save_draft()
    button = sign.findChild(QPushButton, "signButton")
    button.click()
    held.run_next()  # the key opens; the save is now waiting its turn
    assert len(held.held) == 1
    assert not button.isEnabled() and not window.wizard.back.isEnabled()
    assert sign.findChild(QLabel, "signResult").text().startswith("Đang mở khóa ký…")
    assert session.history.declarations() == []
    held.run_next()
    assert len(session.history.declarations()) == 1
    assert session.history.load_draft(session.flow.draft.id) is None  # signed: the draft goes
    assert sign.findChild(QLabel, "signResult").text().startswith("Đã ký và lưu: ")
    # Signed: the run is over, the end screen takes over and there is no way back into it.
    assert not button.isEnabled() and not window.wizard.back.isEnabled()
    assert window.stack.currentWidget().objectName() == "endScreen"


def test_the_history_window_exports_as_a_task_its_buttons_off_meanwhile(
    qtbot: QtBot, window: MainWindow, private_home: Path, tmp_path: Path, held: HeldPool
) -> None:
    from desktop.gui.history_window import HistoryWindow
    from tests.signing_helpers import MemoryKeyring, declare_example

    declare_example(private_home, "annual", MemoryKeyring())
    history = HistoryWindow(window.session, window)
    buttons = [history.findChild(QPushButton, n) for n in ("exportBundle", "exportPdf")]
    assert all(b.isEnabled() for b in buttons)
    history.export_pdf_to(tmp_path / "bản khai.pdf")
    assert not any(b.isEnabled() for b in buttons)  # one export at a time
    history.list.setCurrentItem(history.list.topLevelItem(0))  # choosing again keeps them off
    assert not any(b.isEnabled() for b in buttons)
    with qtbot.waitSignal(history.exported) as done:
        held.run_next()
    assert done.args == [str(tmp_path / "bản khai.pdf")]
    assert (tmp_path / "bản khai.pdf").read_bytes().startswith(b"%PDF-")
    assert all(b.isEnabled() for b in buttons)
    assert history.findChild(QLabel, "exportResult").text().startswith("Đã lưu: ")

    (tmp_path / "a file").write_bytes(b"")
    history.export_bundle_to(tmp_path / "a file" / "not a folder")
    held.run_next()
    told = history.findChild(QLabel, "exportResult").text()
    assert "Traceback" not in told and not told.startswith("Đã lưu")
    assert all(b.isEnabled() for b in buttons)
    history.close()
