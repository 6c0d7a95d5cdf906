"""The app's session and main window as pytest fixtures, for every GUI test module
(registered in tests/conftest.py)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from pytestqt.qtbot import QtBot

from desktop.gui import tasks
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session, open_session


@pytest.fixture
def session(private_home: Path) -> Iterator[Session]:
    session = open_session()
    yield session
    session.language.set_language("en")  # translators are application-wide
    session.language.deleteLater()
    session.history = None  # windows still open until qtbot closes them must not use it
    session.measurer.close()  # its helper process, not left for the next test


class AtOnce:
    """A pool that runs each task as it is started, on the calling (GUI) thread: its
    outcome is delivered before `run_task` returns (Picard's FakeThreadPool)."""

    def start(self, runnable: QRunnable, priority: int = 0) -> None:
        runnable.run()


@pytest.fixture
def tasks_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Background tasks finish within the click that starts them: nothing to wait for."""
    monkeypatch.setattr(tasks, "_pool", AtOnce())


@pytest.fixture
def real_tasks(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Real pool threads again, for a test that watches the GUI while they run; none is
    left running into the next test."""
    pool = QThreadPool()
    monkeypatch.setattr(tasks, "_pool", pool)
    yield
    pool.waitForDone()


@pytest.fixture
def window(qtbot: QtBot, session: Session, tasks_at_once: None) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def app_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's cache folder (the policy cache), private to the test."""
    from desktop.core.base.paths import cache_home

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return cache_home()


@pytest.fixture
def starting_window(qtbot: QtBot, private_home: Path, app_cache: Path) -> Iterator[MainWindow]:
    """The window as `make run` makes it: no session yet, it opens one after painting."""
    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    win.language.set_language("en")  # translators are application-wide
    win.language.deleteLater()
    if win.session is not None:
        win.session.close()
        win.session.history = None
