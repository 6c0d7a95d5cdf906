"""The interface's wording in either language: English plurals ("1 day", "2 days", not
"day(s)": assets/translations/selfcheck_en.ts), no HTML entities in visible text, and the
reviewer's problems in the person's language."""

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.assessment.checks.password import crack_time_words
from desktop.core.records import reminder
from desktop.core.records.due import NextDue
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session


def _due_in(days: int, monkeypatch: pytest.MonkeyPatch) -> None:
    due = NextDue("annual", date.today() + timedelta(days=days), follow_up=False)
    monkeypatch.setattr(
        reminder, "upcoming", lambda _summaries, _today: reminder.Reminder(due, days, first=False)
    )


@pytest.mark.parametrize(
    ("days", "english", "vietnamese"),
    [
        (1, "(in 1 day).", "(còn 1 ngày)."),
        (2, "(in 2 days).", "(còn 2 ngày)."),
        (-1, ": 1 day overdue.", "đã quá hạn 1 ngày."),
        (-3, ": 3 days overdue.", "đã quá hạn 3 ngày."),
    ],
)
def test_the_due_notice_counts_days_in_proper_english_and_vietnamese(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    days: int,
    english: str,
    vietnamese: str,
) -> None:
    _due_in(days, monkeypatch)
    due = window.start.findChild(QLabel, "dueNotice")
    window.set_language("en")
    window.start.refresh()
    assert english in due.text()
    assert "(s)" not in due.text()
    window.set_language("vi")
    window.start.refresh()
    assert vietnamese in due.text()


def test_every_english_count_has_a_singular_and_a_plural(qtbot: QtBot, window: MainWindow) -> None:
    """Every %n message of the app reads without "(s)" in English, for one and for many."""
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QCoreApplication

    from desktop.gui.language import translations_dir

    window.set_language("en")
    root = ET.parse(translations_dir() / "selfcheck_en.ts")  # noqa: S314 (our own file)
    counted = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            assert message.get("numerus") == "yes"  # the file holds only counts
            source = message.findtext("source") or ""
            one = QCoreApplication.translate(name, source, "", 1)
            many = QCoreApplication.translate(name, source, "", 2)
            assert "(s)" not in one + many, source
            assert "1" in one and "2" in many and one != many.replace("2", "1"), source
            counted += 1
    assert counted >= 7


@pytest.mark.parametrize(
    ("seconds", "english"),
    [(60, "1 minute"), (150, "2 minutes"), (86400, "1 day"), (2 * 86400, "2 days")],
)
def test_the_crack_time_reads_one_minute_and_two_minutes(seconds: int, english: str) -> None:
    assert crack_time_words(seconds, "en") == english


def test_the_pdf_counts_items_to_fix_in_proper_english() -> None:
    from desktop.report.words import word

    assert word("open_items", "en", n=1) == "1 item to fix"
    assert word("open_items", "en", n=2) == "2 items to fix"
    assert word("open_items", "vi", n=1) == "1 mục cần khắc phục"


# -- no HTML entities in what a person sees or hears ------------------------------------------

ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);")


def _shown(text: str) -> str:
    """What a label or tooltip shows of `text`: rich text rendered, plain text as it is."""
    if QtGui.Qt.mightBeRichText(text):  # type: ignore[attr-defined]
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _label_shown(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return _shown(label.text())


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every text of `root` and its children a person sees or a screen reader says."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        yield where, widget.windowTitle()
        yield where + " tooltip", _shown(widget.toolTip())
        yield where + " accessible name", widget.accessibleName()
        yield where + " accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel):
            yield where, _label_shown(widget)
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QLineEdit):
            yield where, widget.text() + " " + widget.placeholderText()
        elif isinstance(widget, QTextEdit):
            yield where, widget.toPlainText()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTreeWidget):
            items = [widget.headerItem(), *widget.findItems("", Qt.MatchFlag.MatchContains)]
            for item in items:
                for column in range(widget.columnCount()):
                    yield where, item.text(column)
                    yield where + " tooltip", _shown(item.toolTip(column))


def _entities(root: QWidget) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in _texts(root) if ENTITY.search(text)})


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_html_entity_reaches_the_screen_or_the_screen_reader(
    window: MainWindow, session: Session, language: str
) -> None:
    from tests.test_gui_forms import _open, _pages

    window.set_language(language)
    found = _entities(window.start)
    walked = 0
    for programme in ("onboarding", "annual", "predeployment"):
        _open(window, session, programme)
        for page in _pages(window):
            found += [f"{page.step.key}: {text}" for text in _entities(window)]
            walked += 1
    assert walked > 10
    from desktop.gui.history_window import HistoryWindow
    from desktop.gui.pages.accounts_page import AccountDialog
    from desktop.gui.review_window import ReviewWindow

    account = session.flow.draft.accounts[0] if session.flow else {}
    for other in (
        AccountDialog(session.policy, dict(account), window, language),
        HistoryWindow(session, window),
        ReviewWindow(session, window),
    ):
        other.show()
        found += [f"{other.objectName()}: {text}" for text in _entities(other)]
        other.close()
    assert found == [], "\n".join(found)


def test_the_walk_sees_an_escaped_apostrophe_when_there_is_one(qtbot: QtBot) -> None:
    """The check above finds an entity where one shows (a plain label, a spoken name)."""
    root = QWidget()
    qtbot.addWidget(root)
    plain = QLabel("the account&#x27;s name", root)
    plain.setTextFormat(Qt.TextFormat.PlainText)
    rich = QLabel("<b>the account&#x27;s name</b>", root)
    assert len(_entities(root)) == 1
    rich.setAccessibleName("the account&#x27;s name")
    assert len(_entities(root)) == 2


def test_a_rich_text_is_spoken_with_its_entities_read_as_characters() -> None:
    from desktop.gui.accessible import spoken

    assert spoken("<b>The account&#x27;s e-mail &amp; phone</b>") == "The account's e-mail & phone"
    assert spoken("&Name:") == "Name"  # a plain label's mnemonic
    assert spoken("Sign in && security") == "Sign in & security"


# -- the reviewer's problems in the reviewer's language ---------------------------------------


def test_the_review_shows_problems_in_vietnamese_and_again_in_english_on_switching(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    import json

    from desktop.core.review.roster import enrol, new_roster
    from desktop.core.signing.sshsig import PublicKey
    from desktop.gui.review_window import ReviewWindow
    from tests.gui_driver import type_text
    from tests.signing_helpers import MemoryKeyring, declare_example
    from tests.test_review import Official

    template = json.loads(declare_example(tmp_path / "t", "annual", MemoryKeyring()).bundle.summary)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    roster = new_roster(tmp_path / "roster.toml")
    binh = Official("BNG-2", "Trần Bình", template)
    enrol(roster, binh.staff_id, PublicKey.of(binh.key))
    binh.declare(inbox)
    binh.declare(inbox, seq=3, prev=None)  # declaration 2 is missing
    (inbox / "rác.bin").write_bytes(b"\x00" * 10)

    window.set_language("vi")
    review = ReviewWindow(session, window)
    review.show()
    type_text(review.findChild(QLineEdit, "rosterFile"), str(tmp_path / "roster.toml"))
    type_text(review.findChild(QLineEdit, "bundleFolder"), str(inbox))
    review.findChild(QPushButton, "runReview").click()
    rows = review.findChild(QTreeWidget, "reviewRows")

    def column(at: int) -> list[tuple[str, str]]:
        items = [rows.topLevelItem(i) for i in range(rows.topLevelItemCount())]
        return [(item.text(at), item.toolTip(at)) for item in items]

    (gap, gap_tip), (garbage, garbage_tip) = column(6)
    assert gap == gap_tip == "thiếu bản khai: thiếu bản khai số 2"  # no English at all
    # A file the verifier refused: its reason in Vietnamese too, nothing in English.
    reason = "không phải gói bản khai: không phải thư mục hay tệp zip của gói bản khai"
    assert garbage.startswith(reason + " (") and "rác.bin" in garbage
    assert garbage_tip.startswith(reason + "\n") and "rác.bin" in garbage_tip
    assert "not a bundle" not in garbage_tip and "Chi tiết kỹ thuật" not in garbage_tip

    window.set_language("en")  # the table is filled again in the new language
    (gap, gap_tip), (garbage, _tip) = column(6)
    assert gap == "gap: declaration 2 is missing"
    assert "Technical detail" not in gap_tip
    assert garbage.startswith("not a bundle:")
    review.close()


# -- key and history errors: no English detail in Vietnamese ----------------------------------


def test_common_key_and_history_errors_keep_english_out_of_the_vietnamese(
    window: MainWindow, private_home: Path
) -> None:
    from desktop.core.base import logs
    from desktop.core.records import history_errors
    from desktop.core.records.history import HistoryDamaged
    from desktop.core.signing.keyfile import WrongPassphrase
    from desktop.core.signing.keys import KeychainLocked
    from desktop.gui.messages import describe

    wrong = WrongPassphrase("wrong passphrase, or the key file has been altered")
    locked = KeychainLocked("the keychain is locked (org.freedesktop.Secret)")
    damaged = HistoryDamaged(history_errors.damaged("file is not a database", Path("/h/h.db.x")))
    window.set_language("vi")
    assert describe(wrong) == "Cụm mật khẩu không đúng, hoặc tệp khóa đã bị sửa đổi."
    assert "keychain" not in describe(locked) and "(the" not in describe(locked)
    assert "\n" not in describe(locked)
    told = describe(damaged)
    assert "the history" not in told and "not a database" not in told  # no English at all
    lead, detail = told.split("\n")
    assert "damaged" not in lead
    assert detail.startswith("(cơ sở dữ liệu lịch sử bị hỏng; bản cũ được giữ lại tại /h/h.db.x ")
    # What the sentence leaves out is in the support log, for whoever helps.
    log = logs.log_path().read_text("utf-8")
    assert "told WrongPassphrase" in log  # its words are withheld by the log's filter
    assert "told KeychainLocked: the keychain is locked (org.freedesktop.Secret)" in log
    window.set_language("en")  # English keeps the core's words after the sentence
    assert describe(wrong).endswith("(wrong passphrase, or the key file has been altered)")
