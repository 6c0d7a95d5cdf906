"""The checklist browser window, driven through pytest-qt."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTextBrowser, QTreeWidget
from pytestqt.qtbot import QtBot

from desktop.core.policy import Policy
from desktop.gui.language import LanguageSwitch, translations_dir
from desktop.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, policy: Policy) -> Iterator[MainWindow]:
    switch = LanguageSwitch(QApplication.instance())
    switch.set_language("vi")
    win = MainWindow(policy, switch)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Translators are installed application-wide: remove this test's before the next.
    switch.set_language("en")
    switch.deleteLater()


def _select(window: MainWindow, item_id: str) -> None:
    tree = window.findChild(QTreeWidget, "itemTree")
    for group in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(group)
        for index in range(parent.childCount()):
            child = parent.child(index)
            if child.data(0, Qt.ItemDataRole.UserRole) == item_id:
                tree.setCurrentItem(child)
                return
    raise AssertionError(f"{item_id} not shown")


def test_vietnamese_translation_is_built() -> None:
    assert (translations_dir() / "selfcheck_vi.qm").is_file(), "run `make translations`"


def test_opens_in_vietnamese_with_the_programmes(window: MainWindow) -> None:
    assert window.windowTitle() == "SelfCheck: tự kiểm tra tài khoản mạng xã hội"
    titles = [window.programmes.item(i).text() for i in range(window.programmes.count())]
    assert titles == [
        "Tiếp nhận cán bộ mới",
        "Tự kê khai hằng năm",
        "Kiểm tra trước khi đi công tác nhiệm kỳ ở nước ngoài",
    ]


def test_item_shows_its_legal_basis_in_vietnamese(window: MainWindow, policy: Policy) -> None:
    _select(window, "acct-no-official-email")
    text = window.findChild(QTextBrowser, "itemDetails").toPlainText()
    assert "Căn cứ" in text
    assert policy.provisions["BNG-5.6"].original in text


def test_language_switch_takes_effect_at_once_and_keeps_the_place(
    qtbot: QtBot, window: MainWindow, policy: Policy
) -> None:
    _select(window, "acct-two-factor")
    box = window.findChild(QComboBox, "languageBox")
    with qtbot.waitSignal(window.language.changed):
        box.setCurrentIndex(box.findData("en"))
    assert window.windowTitle() == "SelfCheck: social-network account self-assessment"
    text = window.findChild(QTextBrowser, "itemDetails").toPlainText()
    assert "Two-factor authentication" in text and "Legal basis" in text
    # The Vietnamese original stays, with the English gloss beside it.
    assert policy.provisions["BNG-4.3"].original in text
    assert policy.provisions["BNG-4.3"].gloss in text


def test_pre_deployment_lists_its_own_items(window: MainWindow) -> None:
    window.programmes.setCurrentRow(2)
    tree = window.findChild(QTreeWidget, "itemTree")
    shown = {
        tree.topLevelItem(g).child(i).data(0, Qt.ItemDataRole.UserRole)
        for g in range(tree.topLevelItemCount())
        for i in range(tree.topLevelItem(g).childCount())
    }
    assert {"prog-keep-vietnamese-number", "acct-vietnamese-number", "prog-host-country"} <= shown
    window.programmes.setCurrentRow(1)
    assert tree.topLevelItem(2).childCount() < len(shown)


def test_translation_file_has_no_unfinished_strings() -> None:
    ts = (translations_dir() / "selfcheck_vi.ts").read_text("utf-8")
    assert 'type="unfinished"' not in ts


def test_no_gui_module_holds_policy_text() -> None:
    """Visible strings go through tr(); the policy's words come from the checklists."""
    gui = Path(__file__).resolve().parents[1] / "desktop" / "gui"
    for path in gui.glob("*.py"):
        assert "gov.vn" not in path.read_text("utf-8"), path
