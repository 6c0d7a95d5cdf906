"""The wizard's Review page: every reason readable in full, each finding's fix-it steps
(the platform's own among them) beneath it, and a double-click leads to the question."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.assessment.reasons import describe
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.gui_driver import declare_every_password
from tests.test_gui import _open_example


def open_review(window: MainWindow, session: Session, language: str = "en") -> QTreeWidget:
    session.language.set_language(language)
    _open_example(window, session)
    declare_every_password(window)
    window.wizard.show_step([s.key for s in window.wizard.steps].index("review"))
    tree = window.wizard.page.findChild(QTreeWidget, "findings")
    assert tree is not None
    return tree


def top_rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_every_reason_is_shown_whole_wrapped_and_on_hover(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    tree = open_review(window, session)
    window.resize(800, 500)  # a narrow window: the reasons must wrap
    qtbot.waitUntil(lambda: tree.header().sectionSize(2) < 300)
    assert session.flow is not None
    result = session.flow.assessment(session.passwords)
    assert result is not None
    reasons = {describe(f, session.policy, "en") for f in result.findings}
    metrics = tree.fontMetrics()

    def needed(row: QTreeWidgetItem, column: int) -> int:
        width = tree.header().sectionSize(column) - 16
        flags = Qt.TextFlag.TextWordWrap
        return metrics.boundingRect(QRect(0, 0, width, 10_000), flags, row.text(column)).height()

    def all_shown() -> bool:
        return all(
            tree.visualItemRect(row).height() >= max(needed(row, 1), needed(row, 2))
            for row in top_rows(tree)
        )

    qtbot.waitUntil(all_shown)  # laid out again at the new width
    for row in top_rows(tree):
        assert row.text(2) in reasons
        assert row.toolTip(2) == row.text(2) and row.toolTip(1) == row.text(1)
    # Some reasons do run over more than one line here.
    assert any(needed(row, 2) > metrics.lineSpacing() * 1.5 for row in top_rows(tree))


def test_each_finding_to_fix_has_its_steps_and_the_platform_s_beneath_it(
    window: MainWindow, session: Session
) -> None:
    tree = open_review(window, session, "vi")
    assert session.flow is not None
    result = session.flow.assessment(session.passwords)
    assert result is not None
    to_fix = result.verdict.to_fix
    rows = top_rows(tree)[: len(to_fix)]  # what needs action comes first
    platform_steps = 0
    for finding, row in zip(to_fix, rows, strict=True):
        shown = [row.child(i).text(0) for i in range(row.childCount())]
        steps = finding.fix.get("vi")
        assert shown == ["Cách khắc phục:", *(f"{n}. {s}" for n, s in enumerate(steps, 1))]
        assert row.isExpanded()
        item = session.policy.items[finding.item_id]
        if finding.account_id is not None:
            account = session.flow.draft.account(finding.account_id)
            guide = session.policy.platforms[str(account["platform"])].guide(item.guide)
            for step in guide.get("vi"):
                assert any(text.endswith(step) for text in shown)
                platform_steps += 1
    assert platform_steps  # the steps on the platform's own screens, not only the PDF's
    # Passed findings have nothing to fix beneath them.
    assert all(row.childCount() == 0 for row in top_rows(tree)[len(to_fix) :])


def _double_click(qtbot: QtBot, tree: QTreeWidget, row: QTreeWidgetItem) -> None:
    tree.scrollToItem(row)
    where = tree.visualItemRect(row).center()
    # A real double-click: a click, then the double-click event.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_double_clicking_a_finding_or_its_step_goes_to_the_question_itself(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    tree = open_review(window, session)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    assert session.flow is not None
    result = session.flow.assessment(session.passwords)
    assert result is not None
    on_account = next(f for f in result.verdict.to_fix if f.account_id == "x")
    row = next(
        r
        for r in top_rows(tree)
        if r.data(0, Qt.ItemDataRole.UserRole + 1) == on_account.item_id
        and r.text(1).endswith("(@annguyen_vn)")
    )
    _double_click(qtbot, tree, row.child(2))  # a step of it: the same question
    page = window.wizard.page
    assert page.step.key == "account:x"
    question = page.findChild(QWidget, f"item-{on_account.item_id}-x")
    assert question is not None
    qtbot.waitUntil(lambda: not question.visibleRegion().isEmpty())
    focused = window.focusWidget()  # not the app's: an earlier test's dialog may be active
    assert focused is not None and question.isAncestorOf(focused)
    # Back to the Review, then a pledge: the Pledges page, at that pledge.
    window.wizard.show_step([s.key for s in window.wizard.steps].index("review"))
    tree = window.wizard.page.findChild(QTreeWidget, "findings")
    pledges = [s for s in session.policy.items.values() if s.kind == "pledge"]
    last = next(
        r
        for r in reversed(top_rows(tree))
        if r.data(0, Qt.ItemDataRole.UserRole + 1) in {p.id for p in pledges}
    )
    pledge = last.data(0, Qt.ItemDataRole.UserRole + 1)
    _double_click(qtbot, tree, last)
    assert window.wizard.page.step.key == "pledges"
    question = window.wizard.page.findChild(QWidget, f"item-{pledge}")
    qtbot.waitUntil(lambda: not question.visibleRegion().isEmpty())
    focused = window.focusWidget()
    assert focused is not None and question.isAncestorOf(focused)
