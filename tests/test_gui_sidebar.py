"""The wizard's list of steps tells the truth: ✔ only on what is done, where the person
is, how many items are answered; a click either moves or changes nothing."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.gui.end_screen import Receipt
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.gui_driver import declare_every_password
from tests.test_gui import _open_example


def rows(window: MainWindow) -> dict[str, str]:
    steps = window.wizard.steps
    return {s.key: window.wizard.step_list.item(i).text() for i, s in enumerate(steps)}


def click_row(qtbot: QtBot, window: MainWindow, key: str) -> None:
    steps = [s.key for s in window.wizard.steps]
    listed = window.wizard.step_list
    where = listed.visualItemRect(listed.item(steps.index(key))).center()
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_only_steps_that_are_done_are_ticked_and_the_current_one_is_marked(
    window: MainWindow, session: Session
) -> None:
    _open_example(window, session)  # answered, but the passwords are not typed again
    shown = rows(window)
    assert shown["programme"].startswith("▶ ✔")  # where the person is, and done
    for key in ("about", "accounts", "pledges", "programme-items"):
        assert shown[key].startswith("    ✔"), key
    for key in ("account:fb", "review", "sign"):  # waiting for a password; not reached
        assert shown[key].startswith("    ○"), key
    assert window.wizard.step_list.item(0).font().bold()
    assert window.wizard.step_list.currentRow() == 0


def test_the_list_counts_the_items_answered_out_of_those_asked(
    window: MainWindow, session: Session
) -> None:
    _open_example(window, session)
    assert session.flow is not None
    progress = session.flow.progress(session.passwords)
    answered, asked = progress.answered()
    assert 0 < answered < asked
    count = window.wizard.findChild(QLabel, "answeredCount").text()
    assert f"{answered}" in count and f"{asked}" in count and f"{asked - answered}" in count
    assert "({}/{})".format(*progress.tally["pledges"]) in rows(window)["pledges"]
    before = answered
    declare_every_password(window)
    answered, _ = session.flow.progress(session.passwords).answered()
    assert answered > before
    assert f"{answered}" in window.wizard.findChild(QLabel, "answeredCount").text()


def test_clicking_a_step_out_of_reach_changes_nothing_and_a_reachable_one_goes_there(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open_example(window, session)
    before = rows(window)
    review = [s.key for s in window.wizard.steps].index("review")
    assert not window.wizard.step_list.item(review).flags() & Qt.ItemFlag.ItemIsEnabled
    click_row(qtbot, window, "review")
    assert window.wizard.index == 0
    assert window.wizard.step_list.currentRow() == 0
    assert window.wizard.step_list.selectedItems() == [window.wizard.step_list.item(0)]
    assert rows(window) == before
    click_row(qtbot, window, "accounts")
    assert window.wizard.page.step.key == "accounts"
    assert window.wizard.step_list.currentRow() == 2
    assert rows(window)["accounts"].startswith("▶ ✔")


def test_review_is_ticked_once_looked_at_and_sign_once_signed(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    _open_example(window, session)
    declare_every_password(window)
    keys = [s.key for s in window.wizard.steps]
    assert rows(window)["review"].startswith("    ○")  # reachable, not yet looked at
    window.wizard.show_step(keys.index("review"))
    window.wizard.show_step(keys.index("sign"))
    assert rows(window)["review"].startswith("    ✔")
    assert rows(window)["sign"].startswith("▶ ○")
    receipt = Receipt(1, tmp_path / "history.db", tmp_path, None, None, "vi")
    window.wizard.page.signed.emit(receipt)  # what the Sign page says once signed
    assert rows(window)["sign"].startswith("▶ ✔")


def test_a_new_assessment_ticks_only_what_is_done_and_counts_nothing_not_yet_known(
    window: MainWindow,
) -> None:
    """Before the About page says who the person is, no item is known: no "(0/0)", no
    "0 of 0", and the empty list of accounts is not ticked as if declared."""
    window.start.start_button.click()
    shown = rows(window)
    assert shown["programme"].startswith("▶ ✔")
    for key in ("about", "accounts", "pledges", "programme-items", "review", "sign"):
        assert shown[key].startswith("    ○"), (key, shown[key])
        assert "(0/0)" not in shown[key]
    assert window.wizard.findChild(QLabel, "answeredCount").text() == ""
