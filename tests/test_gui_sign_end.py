"""The end of a declaration in the app: the key file's passphrase, the PDF's language chosen
at signing, and the end screen (what was saved and where, Open folder, Open PDF, Done)."""

import stat
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.records import bundle
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.gui_driver import type_text
from tests.test_gui_tasks import _to_sign
from tests.tools import needs

VI_TITLE = "Bản khai tự kiểm tra tài khoản mạng xã hội"
EN_TITLE = "Social-network account self-check declaration"


class Opened(QObject):
    """Takes the file URLs the app asks the desktop to open (QDesktopServices.openUrl)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[Opened]:
    catcher = Opened()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


def _pdf_text(path: Path) -> str:
    """The PDF's words, one space apart (a long title wraps)."""
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def _sign(qtbot: QtBot, sign: QWidget) -> None:
    with qtbot.waitSignal(sign.signed, timeout=30_000):
        sign.findChild(QPushButton, "signButton").click()


# -- the end screen ---------------------------------------------------------------------------


@needs("pdftotext")
def test_the_end_screen_says_what_was_saved_where_and_opens_it(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    tmp_path: Path,
    private_home: Path,
    opened: Opened,
) -> None:
    session.language.set_language("en")  # the PDF is in Vietnamese unless chosen otherwise
    sign = _to_sign(window, session, tmp_path / "out")
    assert sign.findChild(QComboBox, "pdfLanguage").currentData() == "vi"
    _sign(qtbot, sign)

    end = window.findChild(QWidget, "endScreen")
    assert window.stack.currentWidget() is end
    (made,) = list((tmp_path / "out").iterdir())
    details = end.findChild(QLabel, "endDetails").text()
    assert str(made) in details and str(made / "summary.pdf") in details
    assert "(Vietnamese)" in details
    assert str(private_home / "history.db") in details
    assert "Declaration no. 1 is signed" in end.findChild(QLabel, "endHeading").text()
    assert VI_TITLE in _pdf_text(made / "summary.pdf")

    end.findChild(QPushButton, "openFolder").click()
    end.findChild(QPushButton, "openPdf").click()
    assert [Path(u.toLocalFile()) for u in opened.urls] == [made, made / "summary.pdf"]

    session.language.set_language("vi")  # the screen follows the language
    assert "Bản khai số 1 đã được ký" in end.findChild(QLabel, "endHeading").text()
    assert "(tiếng Việt)" in end.findChild(QLabel, "endDetails").text()

    end.findChild(QPushButton, "endDone").click()
    assert window.stack.currentWidget() is window.start
    assert window.start.findChild(QWidget, "historyList").topLevelItemCount() == 1


@needs("pdftotext")
def test_a_zipped_bundle_s_pdf_in_english_opens_from_a_private_copy(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, opened: Opened
) -> None:
    sign = _to_sign(window, session, tmp_path / "usb")
    sign.findChild(QCheckBox, "asZip").setChecked(True)
    languages = sign.findChild(QComboBox, "pdfLanguage")
    languages.setCurrentIndex(languages.findData("en"))
    _sign(qtbot, sign)

    (made,) = list((tmp_path / "usb").iterdir())
    assert made.suffix == ".zip"
    bundle.verify_path(made)
    end = window.findChild(QWidget, "endScreen")
    details = end.findChild(QLabel, "endDetails").text()
    assert str(made) in details and "(tiếng Anh)" in details and "summary.pdf" in details

    end.findChild(QPushButton, "openFolder").click()
    end.findChild(QPushButton, "openPdf").click()
    folder, pdf = (Path(u.toLocalFile()) for u in opened.urls)
    assert folder == tmp_path / "usb"
    with zipfile.ZipFile(made) as zipped:
        assert pdf.read_bytes() == zipped.read(f"{made.stem}/summary.pdf")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert stat.S_IMODE(pdf.parent.stat().st_mode) == 0o700
    assert EN_TITLE in _pdf_text(pdf)


def test_a_bundle_not_written_is_told_on_the_end_screen_with_nothing_to_open(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: Opened,
) -> None:
    from desktop.core.records import bundle as bundles

    def pulled(_staged: bundles.Staged) -> Path:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(bundles.Staged, "publish", pulled)
    sign = _to_sign(window, session, tmp_path / "usb")
    _sign(qtbot, sign)
    end = window.findChild(QWidget, "endScreen")
    assert window.stack.currentWidget() is end
    details = end.findChild(QLabel, "endDetails").text()
    assert "Xuất gói bản khai từ cửa sổ Lịch sử" in details and str(tmp_path / "usb") in details
    assert not end.findChild(QPushButton, "openFolder").isEnabled()
    assert not end.findChild(QPushButton, "openPdf").isEnabled()
    assert opened.urls == []


def test_back_after_signing_never_compares_the_declaration_with_itself(
    qtbot: QtBot, window: MainWindow, session: Session, private_home: Path, tmp_path: Path
) -> None:
    """It used to: Back from the Sign page led to a Review comparing the new declaration
    with itself, its passwords already forgotten."""
    from desktop.core.signing.keys import KeyStore
    from tests.signing_helpers import MemoryKeyring, declare_example

    keyring = MemoryKeyring()
    declare_example(private_home, "onboarding", keyring)
    session._keys = KeyStore(private_home, keyring)  # the key that signed the first one
    sign = _to_sign(window, session, tmp_path / "out")
    review = [s.key for s in window.wizard.steps].index("review")
    _sign(qtbot, sign)
    assert session.history is not None and len(session.history.declarations()) == 2

    assert not window.wizard.back.isEnabled() and not window.wizard.step_list.isEnabled()
    assert window.stack.currentWidget() is window.findChild(QWidget, "endScreen")
    window.wizard.back.click()
    window.wizard.go(review)
    assert window.wizard.page is sign  # no way back into the run
    window.wizard.show_step(review)  # and were the page shown, it compares with the one before
    text = window.wizard.page.findChild(QLabel, "changesSinceLast").text()
    assert "Thay đổi kể từ bản khai số 1" in text and "số 2" not in text


# -- the key file's passphrase --------------------------------------------------------------


def test_a_new_key_file_s_passphrase_shows_its_strength(
    qtbot: QtBot, window: MainWindow, session: Session, private_home: Path, tmp_path: Path
) -> None:
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore

    session._keys = KeyStore(private_home, fail.Keyring(), cost=14)
    sign = _to_sign(window, session, tmp_path / "out")
    meter = sign.findChild(QLabel, "passphraseMeter")
    passphrase = sign.findChild(QLineEdit, "passphrase")
    type_text(passphrase, "matkhau123")
    qtbot.waitUntil(lambda: meter.text() != "", timeout=10_000)
    assert meter.text().startswith("Độ mạnh 0/4") or meter.text().startswith("Độ mạnh 1/4")
    assert "⚠ Yếu" in meter.text()
    type_text(passphrase, "ba con mèo tam thể ngủ trên mái nhà")
    qtbot.waitUntil(lambda: "Độ mạnh 4/4" in meter.text(), timeout=10_000)
    assert "⚠" not in meter.text()


def test_a_wrong_passphrase_stays_in_the_field_to_be_corrected(
    qtbot: QtBot, window: MainWindow, session: Session, private_home: Path, tmp_path: Path
) -> None:
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore

    keys = KeyStore(private_home, fail.Keyring(), cost=14)
    keys.create(lambda _new: "the right passphrase")
    session._keys = keys
    sign = _to_sign(window, session, tmp_path / "out")
    passphrase = sign.findChild(QLineEdit, "passphrase")
    # The key file exists: its passphrase is typed once, and not measured.
    assert passphrase.isVisibleTo(sign)
    assert not sign.findChild(QLineEdit, "passphraseAgain").isVisibleTo(sign)
    assert not sign.findChild(QLabel, "passphraseMeter").isVisibleTo(sign)
    type_text(passphrase, "the wrong passphrase")
    sign.findChild(QPushButton, "signButton").click()  # tasks run at once in these tests
    result = sign.findChild(QLabel, "signResult").text()
    assert result.startswith("Chưa ký. Cụm mật khẩu không đúng"), result
    assert passphrase.text() == "the wrong passphrase" and passphrase.hasSelectedText()
    assert passphrase.isEnabled() and sign.findChild(QPushButton, "signButton").isEnabled()
    assert session.history is not None and session.history.declarations() == []

    type_text(passphrase, "the right passphrase")
    _sign(qtbot, sign)
    assert len(session.history.declarations()) == 1
    assert passphrase.text() == ""


def test_a_keychain_that_refuses_the_new_key_asks_for_a_key_file_passphrase(
    qtbot: QtBot, window: MainWindow, session: Session, private_home: Path, tmp_path: Path
) -> None:
    """The keychain looked usable, so no passphrase was asked; it then refused to keep the
    key. It used to end in "the passphrase is too short" with no field to type one in."""
    from desktop.core.signing.keys import KeyStore
    from tests.test_keys import RefusingKeyring

    session._keys = KeyStore(private_home, RefusingKeyring(), cost=14)
    sign = _to_sign(window, session, tmp_path / "out")
    passphrase = sign.findChild(QLineEdit, "passphrase")
    assert passphrase.isHidden()
    sign.findChild(QPushButton, "signButton").click()
    assert "không nhận giữ khóa ký" in sign.findChild(QLabel, "signResult").text()
    assert passphrase.isVisibleTo(sign)
    assert sign.findChild(QLineEdit, "passphraseAgain").isVisibleTo(sign)
    type_text(passphrase, "a long enough passphrase")
    type_text(sign.findChild(QLineEdit, "passphraseAgain"), "a long enough passphrase")
    _sign(qtbot, sign)
    assert (private_home / "signing-key.enc").exists()
