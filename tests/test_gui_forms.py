"""Forms as Vietnamese officials expect them, nothing lost, and accessible (issue 17):
dates dd/mm/yyyy with a calendar, a past departure refused, Tab in reading order, the
Language menu ticking the language in use, the user guide under Help, drafts deleted from
the start screen, exports named with staff id and date, the draft saved on every change,
and an accessible name on every control of every page and window."""

import time
import tomllib
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.assessment.draft import Draft
from desktop.core.assessment.flow import StepKind
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.conftest import EXAMPLES
from tests.gui_driver import go_next, type_text

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
)


def _example(programme: str) -> Draft:
    doc = tomllib.loads((EXAMPLES / f"{programme}.toml").read_text("utf-8"))
    if "departure_date" in doc["person"]:  # always ahead, whatever day the test runs
        doc["person"]["departure_date"] = (date.today() + timedelta(days=60)).isoformat()
    return Draft(doc)


def _open(window: MainWindow, session: Session, programme: str) -> None:
    session.start(_example(programme))
    window.wizard.open()
    window.stack.setCurrentWidget(window.wizard)


def _pages(window: MainWindow) -> Iterator[QWidget]:
    for index in range(len(window.wizard.steps)):
        window.wizard.show_step(index)
        yield window.wizard.page


def _controls(root: QWidget) -> list[QWidget]:
    """The controls a person reaches in `root` (Qt's own parts left out: a combo box's
    line edit, a view's headers and scroll bars are named through their owner)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue
        found.append(widget)
    return found


def _unnamed(root: QWidget) -> list[str]:
    """Controls a screen reader has no name for (accessibleName, or what Qt reads: the
    button's text, the buddy label's)."""
    missing = []
    for widget in _controls(root):
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not (widget.accessibleName() or name).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


# -- accessible ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_control_of_every_page_and_window_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, session: Session, language: str, tmp_path: Path
) -> None:
    from desktop.gui.end_screen import EndScreen
    from desktop.gui.enrol_dialog import EnrolDialog
    from desktop.gui.guide_dialog import GuideDialog
    from desktop.gui.history_window import HistoryWindow
    from desktop.gui.pages.accounts_page import AccountDialog
    from desktop.gui.review_window import ReviewWindow
    from desktop.gui.roster_dialog import RosterDialog

    window.set_language(language)
    unnamed = [("start", name) for name in _unnamed(window.start)]
    for programme in ("onboarding", "annual", "predeployment"):
        _open(window, session, programme)
        for page in _pages(window):
            unnamed += [(page.step.key, name) for name in _unnamed(page)]
        unnamed += [("wizard", name) for name in _unnamed(window.wizard)]
    account = session.flow.draft.accounts[0] if session.flow else {}
    others: list[QWidget] = [
        AccountDialog(session.policy, dict(account), window, language),
        AccountDialog(session.policy, {}, window, language),
        HistoryWindow(session, window),
        ReviewWindow(session, window),
        RosterDialog(session, str(tmp_path / "roster.toml"), window, new=True),
        GuideDialog(language, window),
        EnrolDialog(tmp_path / "roster.toml", window),
        EndScreen(),
    ]
    for other in others:
        other.show()
        unnamed += [(other.objectName(), name) for name in _unnamed(other)]
        other.close()
    assert sorted(set(unnamed)) == [], "\n".join(map(str, sorted(set(unnamed))))


def test_the_whole_walk_is_checked_on_real_controls(window: MainWindow, session: Session) -> None:
    """The walk above sees the controls it must: a page with none would pass by itself."""
    _open(window, session, "predeployment")
    window.wizard.go_to_key("about")
    names = {w.objectName() for w in _controls(window.wizard.page)}
    assert {"field-full_name", "field-profile", "field-departure_date"} <= names


# -- tab order --------------------------------------------------------------------------------


def _tab_chain(page: QWidget) -> list[QWidget]:
    """The page's controls in the order Tab visits them."""
    controls = set(_controls(page))
    chain, widget = [], page.nextInFocusChain()
    for _ in range(5000):
        if widget is page:
            break
        tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if widget in controls and widget.isEnabled() and tab:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _reads_before(page: QWidget, first: QWidget, second: QWidget) -> bool:
    """Whether `first` comes before `second` as the page is read: above it, or on the same
    line and to its left."""
    a = first.mapTo(page, first.rect().topLeft())
    b = second.mapTo(page, second.rect().topLeft())
    a_bottom, b_bottom = a.y() + first.height(), b.y() + second.height()
    same_line = a.y() < b_bottom and b.y() < a_bottom
    return a.x() < b.x() if same_line else a.y() < b.y()


@pytest.mark.parametrize("programme", ["onboarding", "annual", "predeployment"])
def test_tab_follows_the_visual_order_on_every_page(
    qtbot: QtBot, window: MainWindow, session: Session, programme: str
) -> None:
    _open(window, session, programme)
    window.resize(1024, 700)
    for page in _pages(window):
        qtbot.waitUntil(lambda p=page: p.isVisible())
        chain = _tab_chain(page)
        assert chain, page.step.key
        wrong = [
            (before.objectName(), after.objectName())
            for before, after in pairwise(chain)
            if not _reads_before(page, before, after)
        ]
        assert wrong == [], (page.step.key, wrong)


def test_tab_follows_the_visual_order_on_the_start_screen_and_windows(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    from desktop.gui.history_window import HistoryWindow
    from desktop.gui.pages.accounts_page import AccountDialog
    from desktop.gui.review_window import ReviewWindow
    from desktop.gui.roster_dialog import RosterDialog

    assert session.history is not None
    session.history.save_draft("d1", "annual", _example("annual").dump())
    window.start.refresh()
    roots: list[QWidget] = [
        window.start,
        AccountDialog(session.policy, {}, window, "vi"),
        HistoryWindow(session, window),
        ReviewWindow(session, window),
        RosterDialog(session, str(tmp_path / "roster.toml"), window, new=True),
    ]
    wrong = []
    for root in roots:
        root.show()
        qtbot.waitExposed(root)
        chain = _tab_chain(root)
        assert chain, root.objectName()
        wrong += [
            (root.objectName(), before.objectName(), after.objectName())
            for before, after in pairwise(chain)
            if not _reads_before(root, before, after)
        ]
        if root is not window.start:
            root.close()
    assert wrong == []


# -- dates ------------------------------------------------------------------------------------


def test_the_departure_date_is_picked_and_shown_dd_mm_yyyy(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    from desktop.core.base.i18n import show_date

    _open(window, session, "predeployment")
    window.wizard.go_to_key("about")
    box = window.wizard.page.findChild(QDateEdit, "field-departure_date")
    assert box.calendarPopup() and box.displayFormat() == "dd/MM/yyyy"
    ahead = date.today() + timedelta(days=60)
    assert box.text() == show_date(ahead)  # as the draft holds it, written the Vietnamese way
    box.setDate(QDate(2031, 1, 15))
    assert session.flow is not None
    assert session.flow.draft.person["departure_date"] == "2031-01-15"  # recorded as ISO
    assert box.text() == "15/01/2031"
    problem = window.wizard.page.findChild(QLabel, "problem-departure_date")
    assert problem.text() == ""


def test_a_departure_date_in_the_past_is_refused_with_a_reason(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open(window, session, "predeployment")
    window.wizard.go_to_key("about")
    page = window.wizard.page
    assert window.wizard.next.isEnabled()
    yesterday = date.today() - timedelta(days=1)
    page.findChild(QDateEdit, "field-departure_date").setDate(
        QDate(yesterday.year, yesterday.month, yesterday.day)
    )
    assert "đã qua" in page.findChild(QLabel, "problem-departure_date").text()
    assert not window.wizard.next.isEnabled()  # refused: the page is not complete
    assert session.flow is not None
    assert session.flow.missing(session.flow.steps()[1]) == ["departure_date"]
    session.language.set_language("en")
    assert "already past" in page.findChild(QLabel, "problem-departure_date").text()
    today = date.today()
    page.findChild(QDateEdit, "field-departure_date").setDate(
        QDate(today.year, today.month, today.day)
    )
    assert window.wizard.next.isEnabled()  # leaving today is still before leaving


def test_no_date_chosen_is_shown_empty_and_asked_for(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    draft = _example("predeployment")
    draft.person.pop("departure_date")
    session.start(draft)
    window.wizard.open("about")
    box = window.wizard.page.findChild(QDateEdit, "field-departure_date")
    assert box.text() == "--/--/----"
    assert window.wizard.page.findChild(QLabel, "problem-departure_date").text() != ""
    assert not window.wizard.next.isEnabled()
    # The calendar opens on this month, not on the year the empty box stands for.
    arrow = QPoint(box.width() - 6, box.height() // 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = box.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.window().close()
    assert session.flow is not None and "departure_date" not in session.flow.draft.person


# -- menus, guide -----------------------------------------------------------------------------


def test_the_language_menu_ticks_the_language_in_use(window: MainWindow, session: Session) -> None:
    assert window.vietnamese.isChecked() and not window.english.isChecked()
    window.english.trigger()
    assert window.english.isChecked() and not window.vietnamese.isChecked()
    session.language.set_language("vi")  # switched elsewhere (the programme page): followed
    assert window.vietnamese.isChecked() and not window.english.isChecked()
    window.vietnamese.trigger()  # choosing the ticked one again leaves it ticked
    assert window.vietnamese.isChecked()


@pytest.mark.parametrize(("language", "title"), [("vi", "Hướng dẫn sử dụng"), ("en", "user guide")])
def test_help_opens_the_user_guide_in_the_interface_language(
    qtbot: QtBot, window: MainWindow, session: Session, language: str, title: str
) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from desktop.gui.guide_dialog import GuideDialog

    window.set_language(language)
    window.guide_action.trigger()
    dialog = window.findChild(GuideDialog, "guideDialog")
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QTextBrowser, "guideText").toPlainText()
    assert title in text
    assert "#" not in text.splitlines()[0]  # rendered, not shown as Markdown source
    assert window.guide_action.shortcut().toString() == "F1"
    dialog.close()


# -- drafts -----------------------------------------------------------------------------------


def test_a_draft_is_deleted_from_the_start_screen_once_confirmed(
    qtbot: QtBot, window: MainWindow, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert session.history is not None
    session.history.save_draft("d1", "annual", _example("annual").dump())
    window.start.refresh()
    drafts = window.start.findChild(QWidget, "draftList")
    delete = window.start.findChild(QPushButton, "deleteDraft")
    assert drafts.count() == 1 and delete.isEnabled()
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def ask(_parent: QWidget, _title: str, text: str, *_a: object) -> object:
            asked.append(text)
            return reply

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Xóa bản nháp" in asked[0]
    assert len(session.history.drafts()) == 1  # "No" keeps it
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert session.history.drafts() == []
    assert drafts.count() == 0 and not delete.isEnabled()


@pytest.fixture
def in_hanoi() -> Iterator[None]:
    """The computer's clock at UTC+7, as in Việt Nam (a POSIX rule: no tz database needed).
    Its own patch: undoing the test's would undo the private data folder's too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "ICT-7")
        time.tzset()
        yield
    time.tzset()


def test_the_draft_list_shows_the_local_time_dd_mm_yyyy(
    window: MainWindow, session: Session, in_hanoi: None
) -> None:
    assert session.history is not None
    session.history.save_draft("d1", "annual", _example("annual").dump())
    window.start.refresh()
    shown = window.start.findChild(QWidget, "draftList").item(0).text()
    saved = session.history.drafts()[0][2]  # ISO in UTC, "2026-11-30T01:30:00+00:00"
    here = datetime.fromisoformat(saved) + timedelta(hours=7)
    assert f"{here.day:02d}/{here.month:02d}/{here.year} {here.hour:02d}:{here.minute:02d}" in shown
    assert saved[:10] not in shown and "UTC" not in shown


# -- saved on every change --------------------------------------------------------------------


def test_every_change_is_saved_within_a_second_without_leaving_the_page(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    from desktop.gui.draft_saver import LONGEST_MS

    assert session.history is not None
    qtbot.mouseClick(window.findChild(QPushButton, "newAssessment"), Qt.MouseButton.LeftButton)
    go_next(qtbot, window)
    field = window.wizard.page.findChild(QLineEdit, "field-full_name")
    type_text(field, "Lê Thị Thu")

    def saved_name() -> object:
        assert session.history is not None and session.flow is not None
        data = session.history.load_draft(session.flow.draft.id)
        if data is None:
            return None
        from desktop.core.assessment.draft import load_draft

        return load_draft(data, session.flow.draft.id).person.get("full_name")

    assert window.wizard.saver.pending
    qtbot.waitUntil(lambda: saved_name() == "Lê Thị Thu", timeout=LONGEST_MS + 500)
    assert window.wizard.page.step.kind == StepKind.ABOUT  # still on the page
    # Typing that never pauses is saved all the same.
    for letter in "ABCDEFGHIJ":
        qtbot.keyClick(field, letter)
        qtbot.wait(60)
    qtbot.waitUntil(lambda: str(saved_name()).startswith("Lê Thị ThuA"), timeout=LONGEST_MS)


def test_a_password_typed_is_never_in_the_draft_saved_while_typing(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    canary = "Canary-pw-debounce-41d7"
    _open(window, session, "annual")
    step = next(s for s in window.wizard.steps if s.kind == StepKind.ACCOUNT)
    window.wizard.go_to_key(step.key)
    page = window.wizard.page
    qtbot.keyClicks(page.findChild(QLineEdit, "password"), canary)
    type_text(page.findChildren(QLineEdit)[-1], "x")  # any other change saves the draft
    window.wizard.saver.save_now()
    assert session.history is not None and session.flow is not None
    data = session.history.load_draft(session.flow.draft.id)
    assert data is not None and canary.encode() not in data
    db = (session.home / "history.db").read_bytes()
    assert canary.encode() not in db


# -- exports ----------------------------------------------------------------------------------


def test_exported_files_are_named_with_staff_id_and_date(
    qtbot: QtBot,
    window: MainWindow,
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop.gui.history_window import HistoryWindow
    from tests.signing_helpers import MemoryKeyring, declare_example

    declare_example(private_home, "annual", MemoryKeyring())
    window.start.refresh()
    history = HistoryWindow(window.session, window)  # type: ignore[arg-type]
    history.show()
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _t, path, _f: (offered.append(path), ("", ""))[1]
    )
    history.export_pdf_to()
    signed = window.session.history.declarations()[-1].issued_at[:10]  # type: ignore[union-attr]
    assert Path(offered[0]).name == f"BNG-08231-annual-{signed}.pdf"
    history.close()


def test_the_reviewer_s_dialogs_name_every_control_too(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    """The findings and countersign dialogs open on a reviewed folder (tests/test_gui_review)."""
    import json

    from desktop.core.signing.keys import KeyStore
    from desktop.gui.countersign_dialog import CountersignDialog
    from desktop.gui.findings_dialog import FindingsDialog
    from tests.signing_helpers import MemoryKeyring, declare_example
    from tests.test_gui_review import click, open_review, row_of, run_review, unit

    template = json.loads(
        declare_example(tmp_path / "template", "annual", MemoryKeyring()).bundle.summary
    )
    session._keys = KeyStore(session.home, MemoryKeyring())
    roster, inbox, _an, _binh = unit(tmp_path, template)
    review = open_review(window)
    rows = run_review(review, roster, inbox)
    assert _unnamed(review) == []
    rows.setCurrentItem(row_of(rows, "BNG-2"))
    review.show_findings()
    findings = review.findChild(FindingsDialog, "findingsDialog")
    assert findings is not None and _unnamed(findings) == []
    findings.reject()
    click(review, "countersign")
    countersign = review.findChild(CountersignDialog, "countersignDialog")
    assert countersign is not None and _unnamed(countersign) == []
    countersign.reject()


def test_a_draft_that_cannot_be_saved_is_told_once_not_at_every_key(
    qtbot: QtBot, window: MainWindow, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from desktop.core.records.history import History

    _open(window, session, "annual")
    window.wizard.go_to_key("about")
    field = window.wizard.page.findChild(QLineEdit, "field-unit")
    real_save = History.save_draft

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(History, "save_draft", full)
    for text in ("Vụ A", "Vụ AB", "Vụ ABC"):
        type_text(field, text)
        window.wizard.saver.save_now()
    boxes = [b for b in window.findChildren(QMessageBox, "draftNotSaved") if b.isVisible()]
    assert len(boxes) == 1  # told once, not at every key
    assert "ENOSPC" in boxes[0].text() or "đầy" in boxes[0].text() or "space" in boxes[0].text()
    assert field.text() == "Vụ ABC"  # what was typed stays on the page
    boxes[0].close()
    monkeypatch.setattr(History, "save_draft", real_save)
    type_text(field, "Vụ ABCD")
    window.wizard.saver.save_now()
    assert not window.wizard.saver.failing
    assert session.history is not None and session.flow is not None
    assert b"ABCD" in (session.history.load_draft(session.flow.draft.id) or b"")
