"""Saves a PNG of every screen in Vietnamese and English, for a person to look at.

Run through `make screenshots` (under Xvfb). It first signs two annual declarations of
the example official, dated 2024 and 2025, so the start screen shows an overdue reminder
and the review, the history window and the PDF show changes; then it walks the wizard
over the annual declaration carried over from the 2025 one (as the start screen's button
starts it), typing a password on the first account page. Output:
<dir>/<nn>-<page>-<language>.png, <dir>/11-history-<language>.png, Qt's own dialogs as the
app shows them (17-filedialog, 18-messagebox, 19-contextmenu) and
<dir>/pdf-<language>-<page>.png (the PDF's pages, through pdftoppm).

With `--size 1024x600` or `--size 1366x768@150` (run under an X server of that size; the
part after @ is the scaling, set as QT_SCALE_FACTOR), the windows take the size the app
gives them on such a screen and each name carries the size:
<dir>/03-accounts-1024x600-vi.png, <dir>/03-accounts-1366x768@150-en.png; no PDF pages.
"""

import argparse
import copy
import os
import subprocess
import sys
import tempfile
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this tree's app, whatever tree an editable install names
SIZE = ""  # "-1024x600" in each name when a screen size is given


def main(out: Path, size: str = "") -> None:
    global SIZE
    SIZE = f"-{size}" if size else ""
    if "@" in size:  # before Qt starts
        os.environ["QT_SCALE_FACTOR"] = str(int(size.split("@")[1]) / 100)
    os.environ["SELFCHECK_HOME"] = tempfile.mkdtemp(prefix="selfcheck-shots-")
    from datetime import date

    from desktop.core.assessment.draft import Draft
    from desktop.core.records.carry import next_draft
    from desktop.gui.main_window import MainWindow
    from desktop.gui.session import open_session

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    latest = _declare_two_years(Path(os.environ["SELFCHECK_HOME"]))
    session = open_session()
    window = MainWindow(session)  # as large as the screen allows, up to 1024x700
    window.show()
    doc = tomllib.loads((ROOT / "examples" / "annual.toml").read_text("utf-8"))
    for language in ("vi", "en"):
        session.language.set_language(language)
        app.processEvents()
        window.show_start()
        app.processEvents()
        window.grab().save(str(out / f"00-start{SIZE}-{language}.png"))
        _history_and_pdf(app, window, session, latest, language, out)
        _qt_dialogs(app, window, language, out)
        draft = next_draft(session.history, session.policy, language, date.today(), "annual")
        session.start(draft)
        window.wizard.open()
        window.stack.setCurrentWidget(window.wizard)
        handles = {a["id"]: a.get("handle") for a in draft.accounts}
        for index, step in enumerate(window.wizard.steps, 1):
            window.wizard.show_step(index - 1)
            if step.kind == "account" and step.account_id == draft.accounts[0]["id"]:
                window.wizard.page.password.setText("Nguyen Van An 1978")
                deadline = 200
                while not window.wizard.page.meter_text.text() and deadline:
                    app.processEvents()
                    QApplication.instance().thread().msleep(10)
                    deadline -= 1
            app.processEvents()
            key = step.key  # an account by its handle: carried-over ids are new each time
            if step.account_id is not None:
                key = f"account-{handles[step.account_id]}".replace("@", "").replace(".", "-")
            name = f"{index:02d}-{key}{SIZE}-{language}.png"
            window.grab().save(str(out / name))
            print(out / name)
        window.wizard.page.leave()
    for language in ("vi", "en"):
        session.language.set_language(language)
        _sign_and_end(app, window, session, Draft(dict(doc), f"end-{language}"), language, out)


def _wait(app: QApplication, done: Any, steps: int = 3000) -> None:
    while not done() and steps:
        app.processEvents()
        QApplication.instance().thread().msleep(10)
        steps -= 1


def _sign_and_end(
    app: QApplication, window: Any, session: Any, draft: Any, language: str, out: Path
) -> None:
    """The Sign page as it asks a new key file's passphrase (typed twice, its strength
    shown), then the end screen after signing with the existing key file."""
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore

    home = Path(os.environ["SELFCHECK_HOME"])
    session.start(draft)
    window.wizard.open()
    window.stack.setCurrentWidget(window.wizard)
    for index, step in enumerate(window.wizard.steps):
        if step.kind == "account":  # declared, not typed: the shots are of the end
            window.wizard.show_step(index)
            page = window.wizard.page
            page.decline.setChecked(True)
            for item, choice in (
                ("acct-password-strength", "declared-strong"),
                ("acct-password-unique", "unique"),
            ):
                widget = page.findChild(QWidget, f"item-{item}-{step.account_id}")
                if widget is not None:
                    widget.buttons[choice].click()
    session._keys = KeyStore(Path(tempfile.mkdtemp()), fail.Keyring(), cost=14)  # no key yet
    window.wizard.show_step(len(window.wizard.steps) - 1)
    sign = window.wizard.page
    sign.folder.setText(tempfile.mkdtemp(prefix="bundles-"))
    phrase = "ba con mèo tam thể ngủ trên mái nhà"
    sign.passphrase.field.setText(phrase)
    sign.passphrase.again.setText(phrase)
    _wait(app, lambda: sign.passphrase.meter_text.text())
    name = f"10-sign-new-key-file{SIZE}-{language}.png"
    window.grab().save(str(out / name))
    print(out / name)
    session._keys = KeyStore(home, fail.Keyring(), cost=14)  # the key of the two years
    sign.enter()
    sign.passphrase.field.setText("screenshots only")
    sign.sign()
    _wait(app, lambda: window.stack.currentWidget() is not window.wizard)
    name = f"17-end{SIZE}-{language}.png"
    window.grab().save(str(out / name))
    print(out / name)
    window.show_start()


def _declare_two_years(home: Path) -> bytes:
    """Two signed annual declarations (2024 with weaker answers, then 2025); the 2025
    summary.json. The key goes into an encrypted file: no keychain is asked."""
    from keyring.backends import fail

    from desktop.core.assessment.answers import submission_from
    from desktop.core.assessment.engine import assess
    from desktop.core.policy.loader import load_policy
    from desktop.core.records.declare import declare
    from desktop.core.records.history import History
    from desktop.core.signing.keys import KeyStore

    policy = load_policy()
    doc = tomllib.loads((ROOT / "examples" / "annual.toml").read_text("utf-8"))
    older: dict[str, Any] = copy.deepcopy(doc)
    older["accounts"][0]["answers"]["acct-two-factor"] = "sms"
    older["answers"]["prog-training"] = "registered"
    keys = KeyStore(home, fail.Keyring(), cost=14)
    summary = b""
    with History(home) as history:
        for answers, when in (
            (older, datetime(2024, 11, 5, 3, tzinfo=UTC)),
            (doc, datetime(2025, 11, 10, 3, tzinfo=UTC)),
        ):
            result = assess(policy, submission_from(answers, "example", policy))
            signed = declare(result, keys, history, lambda _new: "screenshots only", when)
            summary = signed.bundle.summary
    return summary


def _history_and_pdf(
    app: QApplication, window: Any, session: Any, summary: bytes, language: str, out: Path
) -> None:
    from desktop.gui.history_window import HistoryWindow
    from desktop.report.pdf import render_pdf

    history = HistoryWindow(session, window)
    history.show()  # fitted to the screen as it is shown
    app.processEvents()
    history.grab().save(str(out / f"11-history{SIZE}-{language}.png"))
    print(out / f"11-history{SIZE}-{language}.png")
    history.close()
    _review_window(app, window, session, language, out)
    if SIZE:
        return
    pdf = Path(tempfile.mkdtemp()) / "summary.pdf"
    pdf.write_bytes(render_pdf(summary, session.policy, language))  # type: ignore[arg-type]
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(pdf), str(out / f"pdf-{language}")], check=True
    )


def _review_window(app: QApplication, window: Any, session: Any, language: str, out: Path) -> None:
    """The reviewer's window over the two declarations, a copy of one and a stray file."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.core.records import bundle as bundles
    from desktop.core.review.roster import Staff, enrol
    from desktop.core.review.roster_file import save_roster
    from desktop.core.signing.sshsig import PublicKey
    from desktop.gui.review_window import ReviewWindow

    work = Path(tempfile.mkdtemp(prefix="selfcheck-review-"))
    inbox = work / "inbox"
    unit = "Vụ Thông tin Báo chí"
    roster = save_roster(  # as the roster editor writes it
        work / "roster.toml",
        unit,
        [
            Staff("BNG-08231", "Nguyễn Văn An", unit, "annual"),
            Staff("BNG-09002", "Trần Thị Bình", unit, "annual"),
        ],
    )
    for declaration in session.history.declarations():
        made = bundles.from_history(
            declaration.summary, declaration.signature, declaration.public_key
        )
        name = f"BNG-08231-{declaration.seq}"
        bundles.stage(made, inbox, name).publish()
        roster = enrol(roster, "BNG-08231", PublicKey.from_openssh(declaration.public_key))
    (inbox / "ghi-chu.docx").write_bytes(b"not a bundle")
    enrol(roster, "BNG-09002", PublicKey.of(Ed25519PrivateKey.generate()))  # never handed in
    review = ReviewWindow(session, window)
    review.roster.setText(str(work / "roster.toml"))
    review.folder.setText(str(inbox))
    review.show()
    review.run()
    for _ in range(500):
        if review.report is not None:
            break
        app.processEvents()
        QApplication.instance().thread().msleep(10)
    app.processEvents()
    review.grab().save(str(out / f"12-review{SIZE}-{language}.png"))
    print(out / f"12-review{SIZE}-{language}.png")
    _reviewer_dialogs(app, review, session, work, language, out)
    review.close()


def _reviewer_dialogs(
    app: QApplication, review: Any, session: Any, work: Path, language: str, out: Path
) -> None:
    """The roster editor, enrolment (the fingerprint read from the official's PDF), one
    declaration's findings, and the countersignature, over the review just made."""
    from desktop.core.review.roster import load_roster
    from desktop.gui.countersign_dialog import CountersignDialog
    from desktop.gui.enrol_dialog import EnrolDialog
    from desktop.gui.findings_dialog import FindingsDialog
    from desktop.gui.roster_dialog import RosterDialog
    from desktop.report.pdf import render_pdf

    def shot(dialog: Any, name: str) -> None:
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / f"{name}{SIZE}-{language}.png"))
        print(out / f"{name}{SIZE}-{language}.png")
        dialog.close()

    shot(RosterDialog(session, str(work / "roster.toml"), review), "13-roster")
    enrol = EnrolDialog(work / "roster.toml", review)
    (row,) = [r for r in review.report.rows if r.latest is not None]
    enrol.staff.setCurrentText(row.staff_id)
    enrol.bundle.setText(str(row.latest.path))
    pdf = work / "an.pdf"
    pdf.write_bytes(render_pdf((row.latest.path / "summary.json").read_bytes(), session.policy))
    enrol.read_from_pdf(pdf)
    for _ in range(500):  # read as a task
        if enrol.fingerprint.text():
            break
        app.processEvents()
        QApplication.instance().thread().msleep(10)
    shot(enrol, "14-enrol")
    roster = load_roster(work / "roster.toml")
    shot(FindingsDialog(session, roster, row.latest.path, review), "15-findings")
    signing = CountersignDialog(session, roster.path, row.latest.path, "TTR-01", review)
    shot(signing, "16-countersign")


def _qt_dialogs(app: QApplication, window: Any, language: str, out: Path) -> None:
    """Qt's own file dialog, message box and context menu (assets/translations/qtbase_vi.ts),
    as the app shows them: saving a PDF over an existing one."""
    from PySide6.QtCore import QCoreApplication, QPoint
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    folder = Path(tempfile.mkdtemp(prefix="selfcheck-files-"))
    (folder / "Gói bản khai").mkdir()
    for name in ("BNG-08231-2025-11-10.pdf", "danh-sach-can-bo.toml", "review.csv"):
        (folder / name).write_bytes(b"x" * 2048)
    title = QCoreApplication.translate("HistoryWindow", "Save the PDF")
    dialog = QFileDialog(window, title, str(folder), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Qt shows on Linux
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.selectFile("BNG-08231-2025-11-10.pdf")
    dialog.resize(800, 460)
    dialog.show()
    for _ in range(500):  # the folder is read on a thread of Qt's
        if dialog.findChild(QWidget, "treeView").model().rowCount() >= 4:
            break
        app.processEvents()
        QApplication.instance().thread().msleep(10)
    app.processEvents()
    dialog.grab().save(str(out / f"17-filedialog{SIZE}-{language}.png"))
    text = QCoreApplication.translate(
        "QFileDialog", "%1 already exists.\nDo you want to replace it?"
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        dialog.windowTitle(),
        text.replace("%1", "BNG-08231-2025-11-10.pdf"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        dialog,
    )
    box.show()
    app.processEvents()
    box.grab().save(str(out / f"18-messagebox{SIZE}-{language}.png"))
    box.close()
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    menu = field.createStandardContextMenu()
    menu.popup(field.mapToGlobal(QPoint(10, 10)))
    app.processEvents()
    menu.grab().save(str(out / f"19-contextmenu{SIZE}-{language}.png"))
    menu.close()
    dialog.close()
    for name in ("17-filedialog", "18-messagebox", "19-contextmenu"):
        print(out / f"{name}{SIZE}-{language}.png")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument(
        "--size", default="", help="the screen, as 1024x600 or 1366x768@150 (150 %% scaling)"
    )
    arguments = parser.parse_args()
    main(arguments.out, arguments.size)
