"""The app's session and main window as pytest fixtures, for every GUI test module
(registered in tests/conftest.py)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

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


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
