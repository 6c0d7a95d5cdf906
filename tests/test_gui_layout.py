"""Every window on a small office laptop: 1024x600, and 1366x768 at 150 % (910x512 in Qt's
pixels), each less a task bar. Windows open inside the available area, their button rows
are in sight and not cut, and no column heading is clipped."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.assessment.draft import Draft
from desktop.gui import screen_fit
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.conftest import EXAMPLES
from tests.screen_checks import clipped, misfits
from tests.signing_helpers import MemoryKeyring, declare_example
from tests.tools import needs

# The available area (the screen less a 40-pixel task bar), in Qt's pixels.
SCREENS = {
    "1024x600": QRect(0, 0, 1024, 560),
    "1366x768@150": QRect(0, 0, 910, 485),
}


@pytest.fixture(params=sorted(SCREENS))
def area(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    rect = SCREENS[request.param]
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(rect))
    return rect


@pytest.fixture(scope="module")
def declared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A signed summary to hand in, as tests/test_gui_review.py makes its declarations."""
    home = tmp_path_factory.mktemp("declared")
    return json.loads(declare_example(home, "annual", MemoryKeyring()).bundle.summary)


@pytest.fixture
def small_window(qtbot: QtBot, area: QRect, session: Session, tasks_at_once: None) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_fits(window: QWidget, area: QRect) -> None:
    """The window inside the area, its buttons in sight, its headings whole."""
    assert misfits(window, area) == []


def test_every_wizard_page_fits_with_back_and_next_in_sight(
    small_window: MainWindow, session: Session, area: QRect
) -> None:
    window = small_window
    doc = tomllib.loads((EXAMPLES / "annual.toml").read_text("utf-8"))
    for language in ("vi", "en"):
        session.language.set_language(language)
        window.show_start()
        assert_fits(window, area)
        session.start(Draft(dict(doc)))
        window.wizard.open()
        window.stack.setCurrentWidget(window.wizard)
        for index in range(len(window.wizard.steps)):
            window.wizard.show_step(index)
            assert_fits(window, area)
            assert clipped(window) == [], (language, window.wizard.page.step.key)
            for button in (window.wizard.back, window.wizard.next):
                assert button.isVisible()
        window.wizard.page.leave()


def test_a_window_moved_off_the_screen_comes_back_when_shown(
    qtbot: QtBot, small_window: MainWindow, area: QRect
) -> None:
    small_window.hide()
    small_window.resize(1400, 900)
    small_window.move(area.right() - 50, area.bottom() - 50)
    small_window.show()
    qtbot.waitExposed(small_window)
    assert_fits(small_window, area)


def test_a_starting_window_is_fitted_once_its_start_screen_is_ready(
    qtbot: QtBot, starting_window: MainWindow, area: QRect
) -> None:
    """The fitter is set up when the start screen is ready, not before the first paint
    (screen_fit.keep_windows_on_screen): the window shown before then is fitted then."""
    app = QApplication.instance()
    for fitter in app.findChildren(screen_fit.ScreenFit):  # an earlier test's window's
        app.removeEventFilter(fitter)
        fitter.deleteLater()
    screen_fit._fitter = None
    starting_window.move(area.right() - 50, area.bottom() - 50)
    with qtbot.waitSignal(starting_window.ready, timeout=20_000):
        starting_window.show()
    assert app.findChild(screen_fit.ScreenFit) is not None
    assert_fits(starting_window, area)


def test_the_history_window_fits(
    qtbot: QtBot, small_window: MainWindow, session: Session, area: QRect
) -> None:
    from desktop.gui.history_window import HistoryWindow

    for language in ("vi", "en"):
        session.language.set_language(language)
        history = HistoryWindow(session, small_window)
        qtbot.addWidget(history)
        history.show()
        qtbot.waitExposed(history)
        assert_fits(history, area)
        history.close()


def test_the_review_window_and_its_dialogs_fit(
    qtbot: QtBot,
    small_window: MainWindow,
    session: Session,
    area: QRect,
    tmp_path: Path,
) -> None:
    from desktop.gui.enrol_dialog import EnrolDialog
    from desktop.gui.review_window import ReviewWindow
    from desktop.gui.roster_dialog import RosterDialog

    for language in ("vi", "en"):
        session.language.set_language(language)
        review = ReviewWindow(session, small_window)
        qtbot.addWidget(review)
        review.show()
        qtbot.waitExposed(review)
        assert_fits(review, area)
        roster = RosterDialog(session, str(tmp_path / "roster.toml"), review)
        enrol = EnrolDialog(tmp_path / "roster.toml", review)
        for dialog in (roster, enrol):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert_fits(dialog, area)
            dialog.close()
        review.close()


def test_a_review_with_its_findings_and_countersigning_fits(
    qtbot: QtBot,
    small_window: MainWindow,
    session: Session,
    area: QRect,
    tmp_path: Path,
    declared: dict[str, Any],
) -> None:
    from desktop.gui.countersign_dialog import CountersignDialog
    from desktop.gui.findings_dialog import FindingsDialog
    from tests.test_gui_review import open_review, row_of, run_review, unit

    session.language.set_language("vi")
    roster, inbox, _an, _binh = unit(tmp_path, declared)
    review = open_review(small_window)
    rows = run_review(review, roster, inbox)
    assert_fits(review, area)  # filled in: the headings still whole
    rows.setCurrentItem(row_of(rows, "BNG-2"))
    review.show_findings()
    review.countersign()
    for kind in (FindingsDialog, CountersignDialog):
        dialog = review.findChild(kind)
        assert dialog is not None
        qtbot.waitExposed(dialog)
        assert_fits(dialog, area)
        dialog.close()


def test_qt_s_file_dialog_fits_with_its_headings_whole(
    qtbot: QtBot, small_window: MainWindow, session: Session, area: QRect, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog, QFileSystemModel

    session.language.set_language("vi")  # "Kích thước" is longer than "Size"
    (tmp_path / "BNG-08231-2025-11-10.pdf").write_bytes(b"x" * 2048)
    dialog = QFileDialog(small_window, "SelfCheck", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Qt shows on Linux
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.resize(1400, 900)
    qtbot.addWidget(dialog)
    model = dialog.findChild(QFileSystemModel)
    with qtbot.waitSignal(model.directoryLoaded):
        dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits(dialog, area)


def _check_message_box(area: QRect, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(10, lambda: _check_message_box(area, seen))
        return
    try:
        assert_fits(box, area)
        seen.append(box.text())
    finally:
        box.done(0)


def test_the_about_box_and_message_boxes_fit(
    qtbot: QtBot, small_window: MainWindow, session: Session, area: QRect
) -> None:
    seen: list[str] = []
    session.language.set_language("vi")
    QTimer.singleShot(0, lambda: _check_message_box(area, seen))
    small_window.about()
    QTimer.singleShot(0, lambda: _check_message_box(area, seen))
    QMessageBox.warning(small_window, "SelfCheck", "Một thông báo rất dài. " * 40)
    assert len(seen) == 2


# On a real X server of each small size (its own Xvfb), with Qt's real scaling: the
# main window, on the wizard, and the history window, as the app opens them.
ON_A_REAL_SCREEN = """
import json, sys, tomllib
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.core.assessment.draft import Draft
from desktop.gui.history_window import HistoryWindow
from desktop.gui.main_window import MainWindow
from desktop.gui.session import open_session
session = open_session()
window = MainWindow(session)
window.show()
doc = tomllib.loads(open(sys.argv[1], encoding="utf-8").read())
session.start(Draft(doc))
window.wizard.open()
window.stack.setCurrentWidget(window.wizard)
history = HistoryWindow(session, window)
history.show()
for _ in range(50):
    app.processEvents()

def box(widget):
    corner = widget.mapToGlobal(widget.rect().topLeft())
    return [corner.x(), corner.y(), widget.width(), widget.height()]

area = window.screen().availableGeometry()
print(json.dumps({
    "area": [area.x(), area.y(), area.width(), area.height()],
    "ratio": window.devicePixelRatio(),
    "main": box(window),
    "buttons": [box(b) for b in (window.wizard.back, window.wizard.next, history.close_button)],
    "history": box(history),
}))
session.close()
"""


@pytest.mark.parametrize(("screen", "scale"), [("1024x600", "1"), ("1366x768", "1.5")])
@needs("xvfb-run")
def test_on_a_real_small_screen_the_windows_and_their_buttons_fit(
    tmp_path: Path, screen: str, scale: str
) -> None:
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": scale,
        "SELFCHECK_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "xcb",
    }
    out = subprocess.run(
        [
            "xvfb-run",
            "--auto-servernum",
            f"--server-args=-screen 0 {screen}x24 -nolisten tcp",
            sys.executable,
            "-c",
            ON_A_REAL_SCREEN,
            str(EXAMPLES / "annual.toml"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    shown = json.loads(out.strip().splitlines()[-1])
    width, height = (int(n) for n in screen.split("x"))
    assert shown["ratio"] == float(scale)
    x, y, w, h = shown["area"]
    assert (w, h) == (round(width / float(scale)), round(height / float(scale)))
    area = QRect(x, y, w, h)
    for name in ("main", "history"):
        assert area.contains(QRect(*shown[name])), (name, shown)
    for button in shown["buttons"]:
        assert area.contains(QRect(*button)), shown


def test_sign_is_in_sight_while_a_new_key_file_s_passphrase_is_asked_twice(
    small_window: MainWindow, session: Session, area: QRect, private_home: Path, tmp_path: Path
) -> None:
    """The Sign page asks the most (two passphrase fields, their strength, the folder, the
    PDF's language, the token box): Sign and what it says stay below the scrolling part."""
    from keyring.backends import fail
    from PySide6.QtWidgets import QLabel, QPushButton

    from desktop.core.signing.keys import KeyStore
    from tests.screen_checks import in_sight
    from tests.test_gui_tasks import _to_sign

    session._keys = KeyStore(private_home, fail.Keyring(), cost=14)  # no keychain: a key file
    sign = _to_sign(small_window, session, tmp_path / "out")
    assert not sign.findChild(QWidget, "passphraseAgain").isHidden()
    for language in ("vi", "en"):
        session.language.set_language(language)
        sign.findChild(QLabel, "signResult").setText("Chưa ký. Hai cụm mật khẩu không khớp.")
        assert_fits(small_window, area)
        for name, kind in (("signButton", QPushButton), ("signResult", QLabel)):
            assert in_sight(sign.findChild(kind, name), small_window), (language, name)


def _held_task(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """A background task started and held: its runnable, to run when the test says."""
    from desktop.gui import tasks

    held: list[Any] = []

    class Held:
        def start(self, runnable: Any, priority: int = 0) -> None:
            held.append(runnable)

    monkeypatch.setattr(tasks, "_pool", Held())
    tasks.run_task(lambda: None, lambda _outcome: None, receiver=window)
    return held


def _oversized_dialog(qtbot: QtBot, parent: QWidget, area: QRect) -> QWidget:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog(parent)
    qtbot.addWidget(dialog)
    dialog.resize(area.width() + 400, area.height() + 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_window_shown_while_a_task_runs_is_fitted_once_it_ends(
    qtbot: QtBot, small_window: MainWindow, area: QRect, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a background task runs the fitter's filter is off (each event would wait for
    the interpreter lock the task holds: screen_fit.pause); a window shown meanwhile is
    fitted when the task ends, and a window the person moved is left where it is."""
    monkeypatch.setattr(screen_fit, "_POLL_MS", 60_000)  # not the poll: the end of the task
    small_window.move(area.x() + 30, area.y() + 20)  # the person moved it (inside the area)
    moved = small_window.pos()
    held = _held_task(small_window, monkeypatch)
    dialog = _oversized_dialog(qtbot, small_window, area)
    assert dialog.width() > area.width()  # the filter is off: not fitted yet
    held.pop().run()
    assert_fits(dialog, area)
    assert small_window.pos() == moved


def test_a_window_shown_during_a_long_task_is_fitted_without_waiting_for_its_end(
    qtbot: QtBot, small_window: MainWindow, area: QRect, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review of a large folder, a token waiting for its PIN: a dialog opened meanwhile
    is fitted by the fitter's slow poll (screen_fit._POLL_MS)."""
    held = _held_task(small_window, monkeypatch)
    dialog = _oversized_dialog(qtbot, small_window, area)
    qtbot.waitUntil(lambda: not misfits(dialog, area), timeout=5_000)
    held.pop().run()
