"""The real app, driven to a half-filled page, for tests/test_crash_gui.py to kill.

    python -m tests.gui_crash_child type      # SELFCHECK_HOME set by the harness
    python -m tests.gui_crash_child resume

`type` opens the main window as `selfcheck` does (desktop.gui.app.open_main_window),
starts an assessment, goes to the About page and types a name into it, one key every
TYPE_EVERY_MS, as a person types: no pause long enough for the debounce alone to save.
After each key is handled it prints `typed TEXT`, the field's text. It runs until killed.

`resume` opens the app on the same data folder, resumes the draft as the start screen's
Resume button does, and prints `step KEY` and `name TEXT`, what the person finds.
"""

import os
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.gui.app import open_main_window
from desktop.gui.main_window import MainWindow
from tests.gui_driver import type_text

TYPE_EVERY_MS = 40
TYPED = "Nguyễn Thị Minh Khai "  # the diacritics come through the input method
KEYS = "abcdefghijklmnopqrstuvwxyz" * 20


def say(line: str) -> None:
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def start_typing(app: QApplication, window: MainWindow) -> None:
    window.new_assessment()
    QTest.mouseClick(window.wizard.next, Qt.MouseButton.LeftButton)
    assert window.wizard.page.step.key == "about"
    field = window.wizard.page.findChild(QLineEdit, "field-full_name")
    assert isinstance(field, QLineEdit)
    type_text(field, TYPED)
    say(f"typed {field.text()}")
    keys = iter(KEYS)

    def one_key() -> None:
        QTest.keyClick(field, next(keys))
        say(f"typed {field.text()}")

    timer = QTimer(app)
    timer.timeout.connect(one_key)
    timer.start(TYPE_EVERY_MS)


def show_resumed(app: QApplication, window: MainWindow) -> None:
    assert window.session is not None and window.session.history is not None
    drafts = window.session.history.drafts()
    say(f"drafts {len(drafts)}")
    if drafts:
        window.resume(drafts[0][0])
        say(f"step {window.wizard.page.step.key}")
        field = window.wizard.page.findChild(QLineEdit, "field-full_name")
        say(f"name {field.text() if isinstance(field, QLineEdit) else '?'}")
    app.exit(0)


def main(mode: str) -> int:
    app, window = open_main_window()
    sys.excepthook = sys.__excepthook__  # a fault is told on stderr, no dialog waits
    act = start_typing if mode == "type" else show_resumed
    window.ready.connect(lambda: QTimer.singleShot(0, lambda: act(app, window)))
    window.failed.connect(lambda message: (say(f"failed {message}"), app.exit(1)))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
