"""Driving the wizard as a person would: clicks, keys, and Vietnamese typed through the
input method (qtbot.keyClicks aborts on non-ASCII text)."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.assessment.flow import StepKind
from desktop.core.policy.model import Status
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


def go_next(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.wizard.next.isEnabled(), timeout=10_000)
    qtbot.mouseClick(window.wizard.next, Qt.MouseButton.LeftButton)


def answer_items(qtbot: QtBot, window: MainWindow) -> None:
    """Pick a passing choice for every visible item on the current page: the first passing
    one, or for an item its check judges (a second factor), the first one offered, which
    is the strongest the account's platform offers."""
    flow = window.session.flow
    assert flow is not None
    for widget in window.wizard.page.findChildren(ItemWidget):
        if not widget.isVisibleTo(window.wizard.page) or widget.answer_box.isHidden():
            continue  # hidden, or measured by the app: no question to answer
        offered = [
            choice_id for choice_id, _label in flow.answer_choices(widget.item, widget.account_id)
        ]
        passing = [
            c.id for c in widget.item.answer.choices if c.status == Status.PASS and c.id in offered
        ]
        wanted = passing[0] if passing else offered[0]
        button: QRadioButton = widget.buttons[wanted]
        assert button.isVisibleTo(widget), wanted
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


# -- keyboard only ---------------------------------------------------------------------------
# These send key events to whatever has the focus, as a person at the keyboard does: a
# control that Tab never reaches, or that ignores Space, Return or the arrows, fails them.


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def tab_to(name: str, limit: int = 300) -> QWidget:
    """Press Tab until the control named `name` has the focus."""
    for _ in range(limit):
        if focused().objectName() == name:
            return focused()
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r}")


def type_keys(text: str) -> None:
    """Type ASCII text key by key into the focused control, replacing what it holds."""
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Delete)
    QTest.keyClicks(focused(), text)


def pick_with_arrows(combo_name: str, data: str) -> None:
    """Move a combo box to the entry whose data is `data` with the Down and Up keys."""
    combo = tab_to(combo_name)
    assert isinstance(combo, QComboBox)
    target = combo.findData(data)
    assert target >= 0, (combo_name, data)
    while combo.currentIndex() != target:
        press(Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def answer_with_keys(window: MainWindow, limit: int = 600) -> None:
    """Tab through the page; Space on the first choice of every item not yet answered."""
    for _ in range(limit):
        if window.wizard.next.isEnabled():
            return
        widget = focused()
        if isinstance(widget, QRadioButton):
            group = widget.group()
            if group is not None and group.checkedButton() is None:
                press(Qt.Key.Key_Space)
                continue
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"the page {window.wizard.page.step.key} never became complete")


def declare_every_password(window: MainWindow) -> None:
    """On each account page, decline to type the password and declare it strong, unique."""
    for index, step in enumerate(window.wizard.steps):
        if step.kind != StepKind.ACCOUNT:
            continue
        window.wizard.show_step(index)
        page = window.wizard.page
        page.findChild(QCheckBox, "declinePassword").setChecked(True)
        for item, choice in (
            ("acct-password-strength", "declared-strong"),
            ("acct-password-unique", "unique"),
        ):
            widget = page.findChild(QWidget, f"item-{item}-{step.account_id}")
            if widget is not None:
                widget.buttons[choice].click()
