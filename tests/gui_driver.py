"""Driving the wizard as a person would: clicks, keys, and Vietnamese typed through the
input method (qtbot.keyClicks aborts on non-ASCII text)."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from desktop.core.policy import Status
from desktop.gui.item_widget import ItemWidget
from desktop.gui.main_window import MainWindow


def type_text(widget: QLineEdit, text: str) -> None:
    """Type `text` as an input method commits it (how Vietnamese keyboards send text)."""
    widget.setFocus()
    widget.selectAll()
    widget.del_()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(combo: QComboBox, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def next_button(window: MainWindow) -> QPushButton:
    return window.wizard.next


def go_next(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.wizard.next.isEnabled(), timeout=10_000)
    qtbot.mouseClick(window.wizard.next, Qt.MouseButton.LeftButton)


def answer_items(qtbot: QtBot, window: MainWindow, platform_methods: tuple[str, ...] = ()) -> None:
    """Pick a passing choice for every visible item on the current page."""
    for widget in window.wizard.page.findChildren(ItemWidget):
        if not widget.isVisibleTo(window.wizard.page):
            continue
        wanted = None
        for choice in widget.item.answer.choices:
            if choice.status == Status.PASS:
                wanted = choice.id
                break
            if choice.status is None and choice.id in (platform_methods or ("security_key",)):
                wanted = choice.id
                break
        if wanted is None:  # an interpreted item: take the strongest the platform offers
            wanted = widget.item.answer.choices[0].id
        button: QRadioButton = widget.buttons[wanted]
        button.setChecked(True)


def add_account(
    qtbot: QtBot,
    window: MainWindow,
    platform: str,
    handle: str,
    display_name: str,
    email: str,
    kind: str = "personal",
) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        choose(dialog.findChild(QComboBox, "account-platform"), platform)
        choose(dialog.findChild(QComboBox, "account-kind"), kind)
        type_text(dialog.findChild(QLineEdit, "account-handle"), handle)
        type_text(dialog.findChild(QLineEdit, "account-display_name"), display_name)
        type_text(dialog.findChild(QLineEdit, "account-registration_email"), email)
        type_text(dialog.findChild(QLineEdit, "account-recovery_email"), "khoiphuc@gmail.com")
        type_text(dialog.findChild(QLineEdit, "account-phone"), "0912 345 678")
        dialog.accept()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(
        window.wizard.page.findChild(QPushButton, "addAccount"), Qt.MouseButton.LeftButton
    )


def files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]
