"""The Sign page's USB token: the module, the PIN, the certificate read from a real
SoftHSM2 token, and summary.pdf signed on it (PAdES) with the declaration."""

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from desktop.core.signing.pades_check import PdfSignatureState, check_pdf
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.gui_driver import choose, declare_every_password, files_under, type_text
from tests.screen_checks import clipped
from tests.test_gui import _open_example
from tests.token_helpers import Token, needs_token, pdfsig

pytestmark = needs_token
SHOTS = os.environ.get("SELFCHECK_TOKEN_SCREENSHOTS")  # a folder: the page as a PNG per language


def _sign_page(window: MainWindow, session: Session, private_home: Path) -> QGroupBox:
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore

    session._keys = KeyStore(private_home, fail.Keyring(), cost=14)  # no keychain: a key file
    _open_example(window, session)
    declare_every_password(window)
    window.wizard.show_step(len(window.wizard.steps) - 1)
    page = window.wizard.page
    for name in ("passphrase", "passphraseAgain"):  # a new key file: typed twice
        type_text(page.findChild(QLineEdit, name), "một cụm mật khẩu dài cho tệp khóa")
    box = page.findChild(QGroupBox, "tokenBox")
    assert box is not None and not box.isChecked()  # optional, off until asked for
    return box


def _read_token(qtbot: QtBot, box: QGroupBox, token: Token, pin: str) -> None:
    box.setChecked(True)
    box.findChild(QComboBox, "tokenModule").setEditText(str(token.module))
    qtbot.keyClicks(box.findChild(QLineEdit, "tokenPin"), pin)
    box.findChild(QPushButton, "readCertificates").click()


def test_the_pdf_is_signed_on_the_token_from_the_sign_page(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    private_home: Path,
    tmp_path: Path,
    token: Token,
    nss_db: str,
) -> None:
    box = _sign_page(window, session, private_home)
    page = window.wizard.page
    modules = box.findChild(QComboBox, "tokenModule")
    assert modules.findData(str(token.module)) >= 0  # found from the known list
    _read_token(qtbot, box, token, "0000")
    state = box.findChild(QLabel, "tokenState")
    assert "nhiều USB token" in state.text()  # no PIN is tried on a token not chosen
    box.findChild(QComboBox, "tokenLabel").setCurrentText(token.label)
    box.findChild(QPushButton, "readCertificates").click()
    assert "mã PIN của USB token không đúng" in state.text()
    box.findChild(QLineEdit, "tokenPin").clear()
    _read_token(qtbot, box, token, token.pin)
    certificates = box.findChild(QComboBox, "tokenCertificate")
    assert certificates.count() == 4, state.text()
    choose(certificates, "official")
    assert "Nguyễn Văn An — hiệu lực" in certificates.currentText()
    window.set_language("en")  # the list and the state follow the interface's language
    assert "Nguyễn Văn An — valid" in certificates.currentText()
    assert state.text() == "4 certificates on the token."  # selfcheck_en.ts: the plural
    window.set_language("vi")
    assert certificates.currentData() == "official"
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        meter = page.findChild(QLabel, "passphraseMeter")
        qtbot.waitUntil(lambda: meter.text() != "", timeout=10_000)  # measured on a thread
        for language in ("vi", "en"):
            window.set_language(language)
            # The layouts follow the new words once their posted requests are handled: a
            # grab before that caught "Type it again:" cut to the width of "Nhập lại:".
            QApplication.processEvents()
            assert clipped(window) == [], language
            window.grab().save(str(Path(SHOTS) / f"sign-token-{language}.png"))
        window.set_language("vi")
    pin = box.findChild(QLineEdit, "tokenPin")
    type_text(page.findChild(QLineEdit, "outputFolder"), str(tmp_path / "out"))
    with qtbot.waitSignal(page.signed, timeout=60_000):
        page.findChild(QPushButton, "signButton").click()
    assert pin.text() == ""  # not kept in the field once used
    (pdf,) = [p for p in files_under(tmp_path / "out") if p.name == "summary.pdf"]
    said = pdfsig(nss_db, pdf)
    assert "Signature is Valid." in said and "Certificate is Trusted." in said, said
    folder = pdf.parent
    summary, signature = (folder / "summary.json").read_bytes(), (folder / "summary.json.sig")
    check = check_pdf(
        pdf.read_bytes(), summary, signature.read_bytes(), [token.authority.cert], "Nguyen Van An"
    )
    assert check.state == PdfSignatureState.VALID, check.detail


def test_a_certificate_of_someone_else_signs_nothing_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    private_home: Path,
    tmp_path: Path,
    token: Token,
) -> None:
    box = _sign_page(window, session, private_home)
    page = window.wizard.page
    box.findChild(QComboBox, "tokenLabel").addItem(token.label)
    _read_token(qtbot, box, token, token.pin)
    choose(box.findChild(QComboBox, "tokenCertificate"), "someone-else")
    type_text(page.findChild(QLineEdit, "outputFolder"), str(tmp_path / "out"))
    page.findChild(QPushButton, "signButton").click()
    result = page.findChild(QLabel, "signResult")
    qtbot.waitUntil(lambda: result.text().startswith("Chưa ký."), timeout=30_000)
    assert "cấp cho Trần Thị Bình, không phải cho Nguyễn Văn An" in result.text()
    assert session.history is not None and session.history.declarations() == []
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
