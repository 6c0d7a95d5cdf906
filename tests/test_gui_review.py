"""The reviewer's whole job in the app (menu Rà soát / Reviewer): make a roster, enrol keys
by their fingerprint, review, open a declaration's findings, countersign; the window
remembers its roster and folder."""

import json
import stat
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTextBrowser,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.policy.loader import load_policy
from desktop.core.review.roster import enrol, load_roster, new_roster
from desktop.core.signing.sshsig import PublicKey
from desktop.gui.main_window import MainWindow
from desktop.gui.review_window import ReviewWindow
from desktop.gui.session import Session
from desktop.report.pdf import render_pdf
from tests.conftest import CHECKLISTS
from tests.gui_driver import type_text
from tests.signing_helpers import SSH_KEYGEN, MemoryKeyring, declare_example
from tests.test_review import Official


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("template")
    return json.loads(declare_example(home, "annual", MemoryKeyring()).bundle.summary)


def open_review(window: MainWindow) -> ReviewWindow:
    window.findChild(QAction, "actionReview").trigger()
    review = window.findChild(ReviewWindow, "reviewWindow")
    assert review is not None
    return review


def click(widget: Any, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    button.click()


def unit(tmp_path: Path, template: dict[str, Any]) -> tuple[Path, Path, Official, Official]:
    """A roster with two enrolled officials, and their declarations in an inbox: An's
    compliant, Bình's (as the example answers) action required."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    roster = new_roster(tmp_path / "roster.toml")
    an = Official("BNG-1", "Nguyễn Văn An", template)
    binh = Official("BNG-2", "Trần Bình", template)
    for official in (an, binh):
        roster = enrol(roster, official.staff_id, PublicKey.of(official.key))
    an.declare(inbox, verdict="compliant")
    binh.declare(inbox)
    return roster.path, inbox, an, binh


def run_review(review: ReviewWindow, roster: Path, inbox: Path) -> QTreeWidget:
    type_text(review.findChild(QLineEdit, "rosterFile"), str(roster))
    type_text(review.findChild(QLineEdit, "bundleFolder"), str(inbox))
    click(review, "runReview")
    assert review.report is not None  # the review ran as a task, at once here
    return review.findChild(QTreeWidget, "reviewRows")


def row_of(rows: QTreeWidget, staff_id: str) -> Any:
    for i in range(rows.topLevelItemCount()):
        if rows.topLevelItem(i).text(0) == staff_id:
            return rows.topLevelItem(i)
    raise AssertionError(staff_id)


def test_a_declaration_that_requires_action_is_never_ticked(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, template: dict[str, Any]
) -> None:
    session.language.set_language("en")
    roster, inbox, _an, _binh = unit(tmp_path, template)
    review = open_review(window)
    rows = run_review(review, roster, inbox)
    assert row_of(rows, "BNG-1").text(6) == "✔"  # sound and compliant
    assert row_of(rows, "BNG-2").text(3) == "action required"
    assert "✔" not in row_of(rows, "BNG-2").text(6)
    status = review.findChild(QLabel, "reviewStatus").text()
    assert "compliant without problems: 1 · to follow up: 1" in status
    review.findChild(QComboBox, "filterUnit")  # the filter of those to follow up keeps Bình
    review.problems_only.setChecked(True)
    assert [rows.topLevelItem(i).text(0) for i in range(rows.topLevelItemCount())] == ["BNG-2"]


def test_a_roster_is_made_in_the_app_and_read_as_the_command_line_reads_it(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    from desktop.gui.roster_dialog import RosterDialog

    session.language.set_language("en")
    review = open_review(window)
    click(review, "newRoster")
    dialog = review.findChild(RosterDialog, "rosterDialog")
    path = tmp_path / "new unit" / "roster.toml"
    type_text(dialog.findChild(QLineEdit, "rosterPath"), str(path))
    type_text(dialog.findChild(QLineEdit, "rosterTitle"), "Vụ Thông tin Báo chí")
    table = dialog.findChild(QTableWidget, "rosterStaff")
    for row, values in enumerate(
        [("BNG-1", "Nguyễn Văn An", "Phòng 1", "annual"), ("BNG-2", 'Trần "Bình"', "", "")]
    ):
        if row >= table.rowCount():
            click(dialog, "addStaff")
        for column, value in enumerate(values):
            table.item(row, column).setText(value)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    roster = load_roster(path)
    assert roster.title == "Vụ Thông tin Báo chí"
    assert roster.staff["BNG-1"].programme == "annual" and roster.staff["BNG-1"].unit == "Phòng 1"
    assert roster.staff["BNG-2"].name == 'Trần "Bình"' and roster.staff["BNG-2"].unit is None
    assert (path.parent / "allowed_signers").read_bytes() == b""
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert review.findChild(QLineEdit, "rosterFile").text() == str(path)

    # A new roster never replaces one already there.
    click(review, "newRoster")
    fresh = [d for d in review.findChildren(RosterDialog) if d.isVisible()][-1]
    assert fresh.findChild(QLineEdit, "rosterPath").text() == str(path)
    assert fresh.findChild(QLineEdit, "rosterTitle").text() == ""
    before = path.read_bytes()
    fresh.save()
    assert "already there" in fresh.findChild(QLabel, "rosterMessage").text()
    assert path.read_bytes() == before
    fresh.reject()

    # Edited again: a bad staff id is one line, and the file is left as it was.
    before = path.read_bytes()
    click(review, "editRoster")
    dialog = [d for d in review.findChildren(RosterDialog) if d.isVisible()][-1]
    table = dialog.findChild(QTableWidget, "rosterStaff")
    assert table.item(1, 1).text() == 'Trần "Bình"'
    click(dialog, "addStaff")
    table.item(2, 0).setText("../etc")
    dialog.save()
    message = dialog.findChild(QLabel, "rosterMessage").text()
    assert "../etc" in message and "staff.id" in message
    assert path.read_bytes() == before
    dialog.reject()


def enrol_dialog(review: ReviewWindow) -> Any:
    from desktop.gui.enrol_dialog import EnrolDialog

    click(review, "enrolKey")
    return [d for d in review.findChildren(EnrolDialog) if d.isVisible()][-1]


def test_a_key_is_enrolled_only_with_the_fingerprint_on_the_officials_pdf(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, template: dict[str, Any]
) -> None:
    session.language.set_language("en")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    roster = new_roster(tmp_path / "roster.toml")
    an = Official("BNG-1", "Nguyễn Văn An", template)
    bundle = an.declare(inbox)
    fingerprint = PublicKey.of(an.key).fingerprint
    review = open_review(window)
    type_text(review.findChild(QLineEdit, "rosterFile"), str(roster.path))
    dialog = enrol_dialog(review)
    message = dialog.findChild(QLabel, "enrolMessage")
    dialog.staff.setCurrentText("BNG-1")
    type_text(dialog.findChild(QLineEdit, "enrolBundle"), str(bundle))

    # Typed wrong: refused, nothing enrolled.
    other = PublicKey.of(Official("X", "X", template).key).fingerprint
    type_text(dialog.findChild(QLineEdit, "enrolFingerprint"), other)
    click(dialog, "enrolButton")
    assert message.text().startswith("Nothing was enrolled: the key's fingerprint is")
    assert "\n" not in message.text()
    assert load_roster(roster.path).signers == ()

    # Read from the QR code of the official's PDF: enrolled.
    pdf = tmp_path / "an.pdf"
    pdf.write_bytes(render_pdf((bundle / "summary.json").read_bytes(), load_policy(CHECKLISTS)))
    dialog.read_from_pdf(pdf)
    assert dialog.findChild(QLineEdit, "enrolFingerprint").text() == fingerprint
    assert "QR code" in message.text()
    with qtbot.waitSignal(dialog.enrolled):
        click(dialog, "enrolButton")
    (signer,) = load_roster(roster.path).signers
    assert signer.principals == ("BNG-1",) and signer.key.fingerprint == fingerprint

    # A file that is not a PDF, or a PDF with no code: told, the field unchanged.
    (tmp_path / "not.pdf").write_bytes(b"%PDF-1.4 nonsense")
    dialog.read_from_pdf(tmp_path / "not.pdf")
    assert message.text() == "No SelfCheck QR code or key fingerprint was found in that PDF."


def test_a_malformed_key_is_refused_with_one_line(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, template: dict[str, Any]
) -> None:
    session.language.set_language("en")
    roster = new_roster(tmp_path / "roster.toml")
    review = open_review(window)
    type_text(review.findChild(QLineEdit, "rosterFile"), str(roster.path))
    dialog = enrol_dialog(review)
    message = dialog.findChild(QLabel, "enrolMessage")
    key = dialog.findChild(QPlainTextEdit, "enrolPublicKey")
    dialog.staff.setCurrentText("BNG-7")
    for bad in ("ssh-rsa AAAAB3NzaC1yc2E", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI!!", "hello"):
        key.setPlainText(bad)
        click(dialog, "enrolButton")
        assert message.text().startswith("Nothing was enrolled: the key is not an ssh-ed25519")
        assert "\n" not in message.text()
    assert load_roster(roster.path).signers == ()

    # A good key, wrapped over lines as a mail wraps it, with its comment: enrolled.
    official = Official("BNG-7", "Lê Văn Bảy", template)
    public = PublicKey.of(official.key)
    text = public.openssh
    key.setPlainText(f"{text[:40]}\n{text[40:]} bảy@máy")
    type_text(dialog.findChild(QLineEdit, "enrolFingerprint"), f" {public.fingerprint}\n")
    with qtbot.waitSignal(dialog.enrolled):
        click(dialog, "enrolButton")
    assert load_roster(roster.path).signers[0].key == public

    # A keys file damaged meanwhile: one line naming it, and it is left as it is.
    roster.signers_path.write_text("BNG-7 not-a-key\n")
    click(dialog, "enrolButton")
    assert message.text().startswith("Nothing was enrolled. The roster cannot be read")
    assert "allowed_signers" in message.text() and "\n" not in message.text()
    assert roster.signers_path.read_text() == "BNG-7 not-a-key\n"


def _enrol_bundle(window: MainWindow, tmp_path: Path, bundle: Path) -> tuple[Any, QLabel]:
    """BNG-1 enrolled from `bundle` in the review's enrol dialog, on a new roster: the
    roster and the dialog's message."""
    roster = new_roster(tmp_path / "roster.toml")
    review = open_review(window)
    type_text(review.findChild(QLineEdit, "rosterFile"), str(roster.path))
    dialog = enrol_dialog(review)
    dialog.staff.setCurrentText("BNG-1")
    type_text(dialog.findChild(QLineEdit, "enrolBundle"), str(bundle))
    click(dialog, "enrolButton")
    return roster, dialog.findChild(QLabel, "enrolMessage")


def test_a_bundle_that_does_not_verify_is_told_with_its_reason_in_vietnamese(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    session.language.set_language("vi")
    cut = tmp_path / "BNG-1-annual.zip"
    cut.write_bytes(b"PK\x03\x04 and then nothing")
    roster, message = _enrol_bundle(window, tmp_path, cut)
    # The lead, then why, in Vietnamese, on one line: no English sentence of the core.
    assert message.text().startswith("Chưa đăng ký khóa nào. Gói bản khai không đầy đủ")
    assert "(tệp zip bị cắt cụt hoặc hư hỏng)" in message.text(), message.text()
    assert "\n" not in message.text() and "truncated" not in message.text()
    assert load_roster(roster.path).signers == ()
    session.language.set_language("en")


def test_a_hostile_bundle_s_own_words_are_never_shown_as_rich_text(
    window: MainWindow, session: Session, tmp_path: Path, template: dict[str, Any]
) -> None:
    """zipfile's English names a member's local header as the bundle wrote it: in one line
    of an automatic-format label it was drawn as a heading ("OK!"), not as text."""
    session.language.set_language("en")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    made = Official("BNG-1", "Nguyễn Văn An", template).declare(inbox)
    hostile = tmp_path / "BNG-1-annual.zip"
    with zipfile.ZipFile(hostile, "w") as archive:
        for member in sorted(made.iterdir()):
            archive.write(member, member.name)
    data = hostile.read_bytes()  # the first "summary.json" is its local header's name
    hostile.write_bytes(data.replace(b"summary.json", b"<h1>OK!</h1>", 1))
    roster, message = _enrol_bundle(window, tmp_path, hostile)
    assert "<h1>OK!</h1>" in message.text(), message.text()
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert load_roster(roster.path).signers == ()


def test_double_clicking_a_row_shows_its_findings_in_either_language(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, template: dict[str, Any]
) -> None:
    from desktop.gui.findings_dialog import FindingsDialog

    roster, inbox, _an, _binh = unit(tmp_path, template)
    review = open_review(window)
    rows = run_review(review, roster, inbox)
    item = row_of(rows, "BNG-2")
    rows.setCurrentItem(item)
    rect = rows.visualItemRect(item)
    # A real double-click: a click, then the double-click event.
    qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(rows.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = review.findChild(FindingsDialog, "findingsDialog")
    assert dialog is not None and dialog.isVisible()
    view = dialog.findChild(QTextBrowser, "findingsView")
    policy = session.policy
    text = view.toPlainText()
    assert "Trần Bình" in text and "Kế hoạch khắc phục" in text and "Cần khắc phục" in text
    open_item = next(f for f in template["findings"] if f["status"] in ("fail", "unknown"))
    assert policy.items[open_item["item"]].title.vi in text
    assert policy.items[open_item["item"]].fix.vi[0] in text  # the fix-it steps
    session.language.set_language("en")
    text = view.toPlainText()
    assert "Fix-it plan" in text and policy.items[open_item["item"]].fix.en[0] in text
    dialog.reject()

    # Keyboard: Enter on a row opens it too.
    rows.setFocus()
    rows.setCurrentItem(row_of(rows, "BNG-1"))
    qtbot.keyClick(rows, Qt.Key.Key_Return)
    assert len([d for d in review.findChildren(FindingsDialog) if d.isVisible()]) == 1


def test_a_declaration_is_countersigned_from_the_window(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, template: dict[str, Any]
) -> None:
    from desktop.core.review.countersign import NAMESPACE_REVIEW
    from desktop.core.signing.keys import KeyStore
    from desktop.gui.countersign_dialog import CountersignDialog

    session.language.set_language("en")
    session._keys = KeyStore(session.home, MemoryKeyring())
    roster, inbox, _an, _binh = unit(tmp_path, template)
    review = open_review(window)
    rows = run_review(review, roster, inbox)
    assert not review.findChild(QPushButton, "countersign").isEnabled()  # no row chosen
    rows.setCurrentItem(row_of(rows, "BNG-2"))
    click(review, "countersign")
    dialog = review.findChild(CountersignDialog, "countersignDialog")
    type_text(dialog.findChild(QLineEdit, "reviewerId"), "../x")
    click(dialog, "countersignButton")
    assert "reviewer id" in dialog.findChild(QLabel, "countersignMessage").text()
    type_text(dialog.findChild(QLineEdit, "reviewerId"), "TTR-01")
    decision = dialog.findChild(QComboBox, "decision")
    decision.setCurrentIndex(decision.findData("returned"))
    with qtbot.waitSignal(dialog.countersigned):
        click(dialog, "countersignButton")
    bundle = inbox / "BNG-2-1"
    statement = bundle.with_name(bundle.name + ".review.json")
    signed = json.loads(statement.read_bytes())
    assert signed["decision"] == "returned" and signed["official"] == "BNG-2"
    if SSH_KEYGEN is not None:  # the same check an inspectorate runs
        signature = bundle.with_name(bundle.name + ".review.json.sig")
        signers = bundle.with_name(bundle.name + ".review.allowed_signers")
        command = [SSH_KEYGEN, "-Y", "verify", "-f", str(signers), "-I", "TTR-01"]
        command += ["-n", NAMESPACE_REVIEW, "-s", str(signature)]
        with open(statement, "rb") as stdin:
            check = subprocess.run(command, stdin=stdin, capture_output=True, check=False)
        assert check.returncode == 0, check.stderr
    assert "Countersigned" in review.findChild(QLabel, "reviewStatus").text()
    assert json.loads((session.home / "reviewer.json").read_text())["reviewer"] == "TTR-01"


def test_the_window_remembers_its_roster_and_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, template: dict[str, Any]
) -> None:
    roster, inbox, _an, _binh = unit(tmp_path, template)
    review = open_review(window)
    run_review(review, roster, inbox)
    review.close()
    remembered = window.session.home / "reviewer.json"
    assert stat.S_IMODE(remembered.stat().st_mode) == 0o600
    again = ReviewWindow(window.session, window)
    qtbot.addWidget(again)
    assert again.findChild(QLineEdit, "rosterFile").text() == str(roster)
    assert again.findChild(QLineEdit, "bundleFolder").text() == str(inbox)

    remembered.write_text('{"roster": ["not", "a", "path"], "folder": "\\u202e"}')
    damaged = ReviewWindow(window.session, window)
    qtbot.addWidget(damaged)
    assert damaged.findChild(QLineEdit, "rosterFile").text() == ""
    assert damaged.findChild(QLineEdit, "bundleFolder").text() == ""
    QApplication.processEvents()


def test_a_roster_is_made_and_a_key_enrolled_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, template: dict[str, Any]
) -> None:
    from desktop.gui.enrol_dialog import EnrolDialog
    from desktop.gui.roster_dialog import RosterDialog
    from tests.gui_driver import focused, press, tab_to, type_keys

    session.language.set_language("en")
    review = open_review(window)
    review.activateWindow()
    qtbot.waitUntil(lambda: review.isAncestorOf(QApplication.focusWidget()))
    tab_to("newRoster")
    press(Qt.Key.Key_Space)
    dialog = review.findChild(RosterDialog, "rosterDialog")
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    path = tmp_path / "roster.toml"
    tab_to("rosterPath")
    type_keys(str(path))
    table = tab_to("rosterStaff")
    assert isinstance(table, QTableWidget)
    for text in ("BNG-7", "Le Van Bay"):
        QTest_keys(text[0])  # typing starts editing the current cell
        QTest_keys(text[1:])  # in its editor
        press(Qt.Key.Key_Return)  # the editor closes from the event loop
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
        press(Qt.Key.Key_Right)
    tab_to("rosterPath")
    with qtbot.waitSignal(dialog.saved):
        press(Qt.Key.Key_Return)  # the default button: Save
    assert load_roster(path).staff["BNG-7"].name == "Le Van Bay"

    official = Official("BNG-7", "Lê Văn Bảy", template)
    public = PublicKey.of(official.key)
    review.activateWindow()  # the roster dialog closed
    qtbot.waitUntil(lambda: review.isAncestorOf(QApplication.focusWidget()))
    tab_to("enrolKey")
    press(Qt.Key.Key_Space)
    enrol = review.findChild(EnrolDialog, "enrolDialog")
    qtbot.waitUntil(lambda: enrol.isAncestorOf(QApplication.focusWidget()))
    assert focused() is enrol.staff.lineEdit() or focused() is enrol.staff
    type_keys("BNG-7")
    tab_to("enrolPublicKey")
    QTest_keys(public.openssh)
    tab_to("enrolFingerprint")
    type_keys(public.fingerprint)
    with qtbot.waitSignal(enrol.enrolled):
        press(Qt.Key.Key_Return)  # the default button: Enrol
    assert load_roster(path).signers[0].key == public


def QTest_keys(text: str) -> None:  # noqa: N802 (named after QTest.keyClicks)
    from PySide6.QtTest import QTest

    from tests.gui_driver import focused

    QTest.keyClicks(focused(), text)


def test_the_packs_the_unit_accepts_are_chosen_in_the_roster(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    from desktop.core.review.roster import AcceptedPack
    from desktop.gui.roster_dialog import RosterDialog

    origin = session.policy.origin
    assert origin is not None and origin.signed  # the built-in checklists: the reference pack
    session.language.set_language("en")
    review = open_review(window)
    click(review, "newRoster")
    dialog = review.findChild(RosterDialog, "rosterDialog")
    path = tmp_path / "roster.toml"
    type_text(dialog.findChild(QLineEdit, "rosterPath"), str(path))
    dialog.findChild(QTableWidget, "rosterStaff").item(0, 0).setText("BNG-1")
    click(dialog, "addPackInUse")
    click(dialog, "addPack")
    packs = dialog.findChild(QTableWidget, "rosterPacks")
    for column, value in enumerate(("other-agency", "SHA256:" + "B" * 43, "two")):
        packs.item(1, column).setText(value)
    dialog.save()  # "two" is no version: one line, nothing written
    assert "other-agency" in dialog.findChild(QLabel, "rosterMessage").text()
    assert not path.exists()
    packs.item(1, 2).setText("2")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    in_use = AcceptedPack(origin.pack, origin.signer, origin.version)  # type: ignore[arg-type]
    other = AcceptedPack("other-agency", "SHA256:" + "B" * 43, 2)
    assert load_roster(path).packs == (in_use, other)

    click(review, "editRoster")  # shown again, and one removed
    dialog = [d for d in review.findChildren(RosterDialog) if d.isVisible()][-1]
    packs = dialog.findChild(QTableWidget, "rosterPacks")
    assert packs.rowCount() == 2 and packs.item(1, 0).text() == "other-agency"
    packs.selectRow(1)
    click(dialog, "removePack")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert load_roster(path).packs == (in_use,)


def test_the_verdict_filter_offers_the_policy_not_accepted_verdict(
    window: MainWindow, session: Session
) -> None:
    """A row shown "not accepted (policy)" can be picked out like the others."""
    from desktop.core.review.rows import POLICY_NOT_ACCEPTED_VERDICT

    review = open_review(window)
    offered = [review.verdict.itemData(i) for i in range(review.verdict.count())]
    assert POLICY_NOT_ACCEPTED_VERDICT in offered
