"""Secrets stay secret: the support log and its filter, the crash paths of the command line
and the desktop app, the password field and the clipboard, and a pasted canary password
looked for everywhere a run could have left it."""

import logging
import os
import pickle
import secrets
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import cli
from desktop.core.assessment.flow import StepKind
from desktop.core.base import logs
from desktop.core.base.logs import WITHHELD, Secret
from desktop.core.records import bundle
from desktop.gui.app import crash_report
from desktop.gui.language import LanguageSwitch
from desktop.gui.main_window import MainWindow
from desktop.gui.password_field import PasswordEdit, forget_pasted_passwords
from tests.gui_driver import add_account, answer_items, choose, files_under, go_next, type_text
from tests.token_helpers import Token, needs_token

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
CLIPBOARD = QClipboard.Mode.Clipboard
SELECTION = QClipboard.Mode.Selection
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def canary(prefix: str = "Mật-khẩu-Canary") -> tuple[str, list[bytes]]:
    """A password no file can hold by chance, and the bytes to look for: the whole of it
    and its random tail, in UTF-8 and UTF-16 both ways."""
    tail = secrets.token_hex(6)
    text = f"{prefix}-{tail}!"
    return text, [s.encode(e) for s in (text, tail) for e in ENCODINGS]


def assert_absent(needles: list[bytes], paths: list[Path]) -> None:
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:  # gone meanwhile, or a socket: nothing to read
            continue
        for needle in needles:
            assert needle not in data, f"canary found in {path}"


def clipboard_modes() -> list[QClipboard.Mode]:
    clipboard = QApplication.clipboard()
    return [CLIPBOARD, SELECTION] if clipboard.supportsSelection() else [CLIPBOARD]


def assert_clipboard_free_of(needles: list[bytes]) -> None:
    clipboard = QApplication.clipboard()
    for mode in clipboard_modes():
        data = clipboard.mimeData(mode)
        held = [clipboard.text(mode).encode(e) for e in ENCODINGS]
        if data is not None:
            held += [bytes(data.data(f).data()) for f in data.formats()]
        for blob in held:
            for needle in needles:
                assert needle not in blob, f"canary on the clipboard ({mode.name})"


# -- the support log -------------------------------------------------------------------------


def test_the_log_filter_withholds_password_fields_and_secrets(private_home: Path) -> None:
    password, needles = canary()
    path = logs.configure()
    assert path == private_home / "logs" / "selfcheck.log"
    log = logging.getLogger("selfcheck.test")
    log.warning(
        "sign-in for %(account)s with password %(password)s",
        {"account": "facebook-an", "password": password},
    )
    log.warning("measured", extra={"platform": "zalo-an", "mat_khau": password})
    log.warning("password=%s account=%s", password, "tiktok-an")
    log.warning("key file of %s opened with %s", "unit-an", Secret(password))
    log.warning(f"retry-an: passphrase={password!r}")  # formatted before logging saw it
    try:
        raise ValueError(f"the key file refused {Secret(password)}")
    except ValueError:
        log.exception("opening %s failed", "keyfile-an")

    text = path.read_text("utf-8")
    assert_absent(needles, [path])
    # What is not secret is still there: the filter does not just drop everything.
    for shown in ("facebook-an", "zalo-an", "tiktok-an", "unit-an", "retry-an", "keyfile-an"):
        assert shown in text
    assert "Traceback" in text
    assert "ValueError: the key file refused [withheld]" in text
    assert text.count(WITHHELD) >= 6
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "message",
    [
        "passphrase=một cụm mật khẩu dài {secret} cho tệp khóa",  # spaces: the GUI's passphrase
        "{{'password': 'it\\'s \"{secret}\" ok', 'user': 'an'}}",  # both quotes, escaped
        "{{'password': b\"c'{secret}'}}",  # a quote that never closes
        "the password is {secret} again",
        "mật khẩu: {secret} và tiếp",
    ],
)
def test_a_secret_with_spaces_or_quotes_is_withheld_whole(private_home: Path, message: str) -> None:
    password, needles = canary()
    path = logs.configure()
    assert path is not None
    logging.getLogger("selfcheck.test").warning(message.format(secret=password))
    assert WITHHELD in path.read_text("utf-8")
    assert_absent(needles, [path])


def test_a_record_that_cannot_be_made_safe_is_dropped_silently(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = logs.configure()
    assert path is not None
    log = logging.getLogger("selfcheck.test")
    log.warning("password %d", "not a number")  # cannot be formatted: cannot be checked
    log.warning("still logging")
    assert path.read_text("utf-8").count("\n") == 1
    assert capsys.readouterr() == ("", "")  # and logging's own error report stays quiet


def test_a_secret_never_shows_itself() -> None:
    password, _ = canary()
    hidden = Secret(password)
    for shown in (str(hidden), repr(hidden), f"{hidden}", f"{hidden!r}", f"{hidden:>40}"):
        assert shown == WITHHELD
    assert repr([hidden]) == f"[{WITHHELD}]"
    assert hidden.reveal() == password
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(hidden)


def test_rotated_log_files_are_private_too(private_home: Path) -> None:
    path = logs.configure()
    assert path is not None
    log = logging.getLogger("selfcheck.test")
    line = "x" * 1000
    for _ in range(logs.MAX_BYTES // 1000 + 10):
        log.warning(line)
    rotated = path.with_name(path.name + ".1")
    assert rotated.is_file()
    for made in (path, rotated):
        assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_an_unwritable_log_folder_means_no_log_and_no_noise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "home"
    not_a_folder.write_text("a file where the data folder should be")
    monkeypatch.setenv("SELFCHECK_HOME", str(not_a_folder))
    assert logs.configure() is None
    logging.getLogger("selfcheck.test").error("nowhere to go")
    assert capsys.readouterr() == ("", "")


# -- crash paths ------------------------------------------------------------------------------


def test_an_internal_error_of_the_command_line_goes_to_the_log(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    password, needles = canary()

    def broken_command(_args: object) -> int:
        raise RuntimeError(f"stuck while measuring password={password}")

    monkeypatch.setattr(cli, "_handler", lambda _command: broken_command)
    monkeypatch.delenv("SELFCHECK_DEBUG", raising=False)
    assert cli.main(["history"]) == 70
    out, err = capsys.readouterr()
    path = private_home / "logs" / "selfcheck.log"
    assert out == ""
    assert err == f"selfcheck: internal error (RuntimeError); details in {path}\n"
    text = path.read_text("utf-8")
    assert "Traceback" in text
    assert "in broken_command" in text
    assert "RuntimeError: stuck while measuring password=[withheld]" in text
    assert_absent(needles, [path])

    monkeypatch.setenv("SELFCHECK_DEBUG", "1")  # developers still get the traceback
    assert cli.main(["history"]) == 70
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert err.splitlines()[-1].endswith(f"details in {path}")


@pytest.fixture
def language() -> Iterator[LanguageSwitch]:
    switch = LanguageSwitch(QCoreApplication.instance())
    yield switch
    switch.set_language("en")  # translators are application-wide
    switch.deleteLater()


def crash_messages() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "crashReport" and w.isVisible()
    ]


@pytest.mark.parametrize(
    ("lang", "lead"),
    [("vi", "SelfCheck đã gặp lỗi."), ("en", "Something went wrong in SelfCheck.")],
)
def test_an_unhandled_error_in_the_app_is_logged_and_told_plainly(
    qtbot: QtBot,
    private_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    language: LanguageSwitch,
    lang: str,
    lead: str,
) -> None:
    language.set_language(lang)  # type: ignore[arg-type]
    monkeypatch.delenv("SELFCHECK_DEBUG", raising=False)
    password, needles = canary()
    hook = crash_report()
    for _ in range(3):  # a burst of errors: one message, every one logged
        try:
            raise KeyError(f"pin: {password}")
        except KeyError:
            hook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(crash_messages()) == 1)
    (box,) = crash_messages()
    path = private_home / "logs" / "selfcheck.log"
    shown = f"{box.text()}\n{box.informativeText()}"
    assert box.text().startswith(lead)
    assert str(path) in box.informativeText()
    assert "Traceback" not in shown
    assert "KeyError" not in shown
    assert_absent(needles, [path])
    assert path.read_text("utf-8").count("Traceback") == 3
    err = capsys.readouterr().err
    assert err.count(f"selfcheck: internal error (KeyError); details in {path}\n") == 3
    assert "Traceback" not in err
    shots = os.environ.get("SELFCHECK_SHOTS")  # a folder: look at the message as shown
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        box.grab().save(str(Path(shots) / f"crash-report-{lang}.png"))
    with qtbot.waitSignal(box.finished):
        box.accept()


# -- the password field and the clipboard -----------------------------------------------------


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[PasswordEdit]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    edit = PasswordEdit()
    plain = QLineEdit()  # the control: an ordinary field, to show the test can fail
    plain.setObjectName("plain")
    layout.addWidget(edit)
    layout.addWidget(plain)
    holder.show()
    qtbot.waitExposed(holder)
    edit.setFocus()
    yield edit
    forget_pasted_passwords()
    QApplication.clipboard().clear(CLIPBOARD)
    if QApplication.clipboard().supportsSelection():
        QApplication.clipboard().clear(SELECTION)


def put_on_clipboard(text: str, modes: list[QClipboard.Mode] | None = None) -> None:
    for mode in modes or clipboard_modes():
        QApplication.clipboard().setText(text, mode)


def clipboard_texts() -> list[str]:
    return [QApplication.clipboard().text(mode) for mode in clipboard_modes()]


def select_with_the_mouse(qtbot: QtBot, edit: QLineEdit) -> None:
    """Press at the left end, drag to the right end, release: on X11 an ordinary line edit
    puts what is selected so on the selection clipboard."""
    left, right = QPoint(2, edit.height() // 2), QPoint(edit.width() - 2, edit.height() // 2)
    QTest.mousePress(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, left)
    QTest.mouseMove(edit, right)
    QTest.mouseRelease(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, right)
    qtbot.mouseDClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClick(edit, Qt.Key.Key_Home, SHIFT)


def test_the_password_field_refuses_copy_cut_drag_and_the_selection(
    qtbot: QtBot, field: PasswordEdit
) -> None:
    password = f"Canary-ascii-{secrets.token_hex(6)}"  # keyClicks takes ASCII only
    put_on_clipboard("sentinel")
    qtbot.keyClicks(field, password)
    assert field.text() == password
    for key, modifier in (
        (Qt.Key.Key_C, CTRL),
        (Qt.Key.Key_X, CTRL),
        (Qt.Key.Key_Insert, CTRL),
        (Qt.Key.Key_Delete, SHIFT),
    ):
        qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
        assert field.selectedText() == password
        qtbot.keyClick(field, key, modifier)
        assert field.text() == password, key
        assert clipboard_texts() == ["sentinel"] * len(clipboard_modes()), key
    assert not field.dragEnabled()
    assert not field.acceptDrops()
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    select_with_the_mouse(qtbot, field)
    assert field.hasSelectedText()
    assert clipboard_texts() == ["sentinel"] * len(clipboard_modes())

    if QApplication.clipboard().supportsSelection():
        plain = field.parentWidget().findChild(QLineEdit, "plain")
        plain.setText("ordinary text")
        select_with_the_mouse(qtbot, plain)  # the same gestures do reach the selection
        assert QApplication.clipboard().text(SELECTION) == "ordinary text"


def test_a_pasted_password_leaves_the_clipboard_when_the_field_is_cleared(
    qtbot: QtBot, field: PasswordEdit
) -> None:
    password, needles = canary()
    put_on_clipboard(password, [CLIPBOARD])
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    assert field.text() == password
    field.clear()
    assert QApplication.clipboard().text(CLIPBOARD) == ""
    assert_clipboard_free_of(needles)

    put_on_clipboard(password, [CLIPBOARD])
    qtbot.keyClick(field, Qt.Key.Key_Insert, SHIFT)
    assert field.text() == password
    field.clear()
    assert_clipboard_free_of(needles)

    if QApplication.clipboard().supportsSelection():  # X11: middle-click pastes the selection
        put_on_clipboard(password, [SELECTION])
        qtbot.mouseClick(field, Qt.MouseButton.MiddleButton)
        assert field.text() == password
        field.clear()
        assert QApplication.clipboard().text(SELECTION) == ""
        assert_clipboard_free_of(needles)


def test_what_was_copied_after_the_paste_is_left_alone(qtbot: QtBot, field: PasswordEdit) -> None:
    password, _ = canary()
    put_on_clipboard(password)
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    if QApplication.clipboard().supportsSelection():
        qtbot.mouseClick(field, Qt.MouseButton.MiddleButton)
    assert password in field.text()
    put_on_clipboard("copied later")
    field.clear()
    assert clipboard_texts() == ["copied later"] * len(clipboard_modes())


def test_a_pasted_password_still_on_the_clipboard_goes_when_the_app_quits(
    qtbot: QtBot, field: PasswordEdit
) -> None:
    password, needles = canary()
    put_on_clipboard(password, [CLIPBOARD])
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    assert field.text() == password
    forget_pasted_passwords()  # what run_gui connects to QApplication.aboutToQuit
    assert_clipboard_free_of(needles)


# -- a pasted canary, through the whole wizard ------------------------------------------------


@pytest.fixture
def temp_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """A temporary folder for this test alone (TMPDIR, which Python and Qt both read), so
    that everything the run puts there can be searched; and the system's, as it was."""
    system = Path(tempfile.gettempdir())
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    assert tempfile.gettempdir() == str(private)
    yield private, system
    tempfile.tempdir = None


def _entries(folder: Path) -> dict[Path, int]:
    """The top level of `folder`, each with its modification time."""
    out = {}
    for entry in os.scandir(folder):
        try:
            out[Path(entry.path)] = entry.stat(follow_symlinks=False).st_mtime_ns
        except OSError:
            continue
    return out


def _written_since(started: float, *folders: Path) -> list[Path]:
    return [p for p in files_under(*folders) if _mtime(p) >= started]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _crash_while_holding(qtbot: QtBot, window: MainWindow, field: QLineEdit) -> None:
    """A bug strikes while the field holds the password, and its message names it: the
    support log gets the traceback, the person a message; the password reaches neither."""
    hook = crash_report(window)
    try:
        raise RuntimeError(f"the meter broke on password={field.text()}")
    except RuntimeError:
        hook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(crash_messages()) == 1)
    (box,) = crash_messages()
    assert field.text() not in f"{box.text()} {box.informativeText()}"
    with qtbot.waitSignal(box.finished):
        box.accept()


def _walk_pasting(qtbot: QtBot, window: MainWindow, output: Path, password: str) -> None:
    """tests/test_gui.py's walk to a signed bundle, but the password is pasted: with Ctrl+V
    for the first account, with a middle click (X11's selection) for the second."""
    qtbot.mouseClick(window.findChild(QPushButton, "newAssessment"), Qt.MouseButton.LeftButton)
    window.wizard.page.findChild(QAbstractButton, "programme-annual").click()
    go_next(qtbot, window)
    about = window.wizard.page
    type_text(about.findChild(QLineEdit, "field-full_name"), "Nguyễn Thị Hồng Đào")
    type_text(about.findChild(QLineEdit, "field-staff_id"), "BNG-20001")
    type_text(about.findChild(QLineEdit, "field-unit"), "Vụ Lễ tân Nhà nước")
    type_text(about.findChild(QLineEdit, "field-position"), "Chuyên viên chính")
    choose(about.findChild(QComboBox, "field-profile"), "bng")
    choose(about.findChild(QComboBox, "field-category"), "official")
    go_next(qtbot, window)
    add_account(qtbot, window, "facebook", "hongdao.nguyen", "Hồng Đào Nguyễn", "hongdao@gmail.com")
    add_account(qtbot, window, "zalo", "0912345678", "Đào Nguyễn", "dao.nt@gmail.com")
    go_next(qtbot, window)

    selection = QApplication.clipboard().supportsSelection()
    for account in range(2):
        page = window.wizard.page
        assert page.step.kind == StepKind.ACCOUNT
        field = page.findChild(QLineEdit, "password")
        assert isinstance(field, PasswordEdit)
        if account == 1 and selection:
            put_on_clipboard(password, [SELECTION])
            qtbot.mouseClick(field, Qt.MouseButton.MiddleButton)
        else:
            put_on_clipboard(password, [CLIPBOARD])
            field.setFocus()
            qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
        assert field.text() == password  # the paste did happen
        if account == 0:
            _crash_while_holding(qtbot, window, field)
        qtbot.waitUntil(
            lambda p=page: p.findChild(QLabel, "passwordMeter").text() != "", timeout=10_000
        )
        answer_items(qtbot, window)
        go_next(qtbot, window)
        assert field.text() == ""
        assert password not in clipboard_texts()  # gone from the clipboard with the page

    answer_items(qtbot, window)  # pledges
    go_next(qtbot, window)
    answer_items(qtbot, window)  # programme items
    go_next(qtbot, window)
    assert window.wizard.page.step.kind == StepKind.REVIEW
    go_next(qtbot, window)
    sign = window.wizard.page
    type_text(sign.findChild(QLineEdit, "outputFolder"), str(output))
    passphrase = sign.findChild(QLineEdit, "passphrase")
    if not passphrase.isHidden():
        type_text(passphrase, "một cụm mật khẩu dài cho tệp khóa")
        type_text(sign.findChild(QLineEdit, "passphraseAgain"), "một cụm mật khẩu dài cho tệp khóa")
    with qtbot.waitSignal(sign.signed, timeout=30_000):
        qtbot.mouseClick(sign.findChild(QPushButton, "signButton"), Qt.MouseButton.LeftButton)


def test_a_pasted_canary_password_is_found_nowhere_afterwards(
    qtbot: QtBot,
    temp_folders: tuple[Path, Path],
    window: MainWindow,
    tmp_path: Path,
    private_home: Path,
) -> None:
    private_tmp, system_tmp = temp_folders
    password, needles = canary("Mật-khẩu-dán")
    started = time.time() - 1  # file times are coarse on some file systems
    before = _entries(system_tmp)
    _walk_pasting(qtbot, window, tmp_path / "bundles", password)
    window.wizard.close_button.click()

    (made,) = list((tmp_path / "bundles").iterdir())
    summary = msgspec.to_builtins(bundle.verify_path(made).summary)
    findings = {(f["item"], f["account"]): f["status"] for f in summary["findings"]}
    for account in summary["accounts"]:  # the pasted text was measured: the same twice
        assert findings[("acct-password-unique", account["id"])] == "fail"

    searched = _everything_written(started, before, system_tmp, private_home, tmp_path, private_tmp)
    assert {"summary.json", "selfcheck.log"} <= {p.name for p in searched}
    assert_absent(needles, searched)
    assert_clipboard_free_of(needles)


def _everything_written(
    started: float, before: dict[Path, int], system_tmp: Path, *ours: Path
) -> list[Path]:
    """Every file the run could have written to: ours, the log, the settings, the XDG
    folders and the system's temporary folder (what changed there since `before`)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    settings = [Path(QSettings().fileName()), Path(QSettings("SelfCheck", "SelfCheck").fileName())]
    new_in_tmp = [p for p, mtime in _entries(system_tmp).items() if before.get(p) != mtime]
    return [
        *files_under(*ours, logs.log_path().parent),
        *[p for p in settings if p.is_file()],
        *_written_since(started, *{s.parent for s in settings}, config, cache, data),
        *[p for p in new_in_tmp if p.is_file()],
        *_written_since(started, *[p for p in new_in_tmp if p.is_dir()]),
    ]


# -- the key file's passphrase ----------------------------------------------------------------


def test_a_key_file_passphrase_lives_in_memory_only(
    qtbot: QtBot,
    temp_folders: tuple[Path, Path],
    window: MainWindow,
    tmp_path: Path,
    private_home: Path,
) -> None:
    """Typed twice for a new key file (and measured, in the measurer's helper process),
    then a wrong one typed for that file: neither is found in any file afterwards, nor on
    the clipboard, nor left in a field once the key is open or the page left."""
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore
    from tests.gui_driver import declare_every_password
    from tests.test_gui import _open_example

    private_tmp, system_tmp = temp_folders
    chosen, needles = canary("Cụm-mật-khẩu-Canary")
    wrong, wrong_needles = canary("Cụm-sai-Canary")
    started = time.time() - 1
    before = _entries(system_tmp)
    session = window.session
    assert session is not None
    session._keys = KeyStore(private_home, fail.Keyring(), cost=14)  # no keychain: a key file

    def to_sign() -> QWidget:
        _open_example(window, session)
        declare_every_password(window)
        window.wizard.show_step(len(window.wizard.steps) - 1)
        page = window.wizard.page
        type_text(page.findChild(QLineEdit, "outputFolder"), str(tmp_path / "bundles"))
        return page

    sign = to_sign()
    field, again = (sign.findChild(QLineEdit, n) for n in ("passphrase", "passphraseAgain"))
    assert isinstance(field, PasswordEdit) and isinstance(again, PasswordEdit)
    type_text(field, chosen)
    qtbot.waitUntil(lambda: sign.findChild(QLabel, "passphraseMeter").text() != "", timeout=10_000)
    type_text(again, chosen + "x")
    sign.findChild(QPushButton, "signButton").click()  # refused: the two differ
    assert field.text() == chosen and session.history is not None
    assert session.history.declarations() == []
    type_text(again, chosen)
    with qtbot.waitSignal(sign.signed, timeout=30_000):
        sign.findChild(QPushButton, "signButton").click()
    assert field.text() == "" and again.text() == ""  # the key is open: forgotten

    sign = to_sign()  # a second declaration: the key file now exists
    field = sign.findChild(QLineEdit, "passphrase")
    type_text(field, wrong)
    sign.findChild(QPushButton, "signButton").click()
    assert field.text() == wrong  # kept to be corrected...
    window.wizard.close_button.click()
    assert field.text() == ""  # ... until the page is left

    searched = _everything_written(started, before, system_tmp, private_home, tmp_path, private_tmp)
    assert {"summary.json", "signing-key.enc", "history.db"} <= {p.name for p in searched}
    assert_absent(needles + wrong_needles, searched)
    assert_clipboard_free_of(needles + wrong_needles)


@needs_token
def test_the_usb_tokens_pin_is_found_nowhere_after_signing_the_pdf(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, private_home: Path, token: Token
) -> None:
    """The token's PIN (a canary: tests/token_helpers.py) typed on the Sign page, used to
    read the certificates and to sign summary.pdf, then looked for everywhere."""
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore
    from tests.gui_driver import declare_every_password
    from tests.test_gui import _open_example

    session = window.session
    session._keys = KeyStore(private_home, fail.Keyring(), cost=14)
    _open_example(window, session)
    declare_every_password(window)
    window.wizard.show_step(len(window.wizard.steps) - 1)
    sign = window.wizard.page
    for name in ("passphrase", "passphraseAgain"):  # a new key file: typed twice
        type_text(sign.findChild(QLineEdit, name), "một cụm mật khẩu dài cho tệp khóa")
    type_text(sign.findChild(QLineEdit, "outputFolder"), str(tmp_path / "bundles"))
    box = sign.findChild(QWidget, "tokenBox")
    box.setChecked(True)
    box.findChild(QComboBox, "tokenModule").setEditText(str(token.module))
    box.findChild(QComboBox, "tokenLabel").addItem(token.label)
    qtbot.keyClicks(box.findChild(QLineEdit, "tokenPin"), token.pin)
    box.findChild(QPushButton, "readCertificates").click()
    choose(box.findChild(QComboBox, "tokenCertificate"), "official")
    with qtbot.waitSignal(sign.signed, timeout=60_000):
        sign.findChild(QPushButton, "signButton").click()
    window.wizard.close_button.click()
    needles = [token.pin.encode(e) for e in ENCODINGS]
    settings = [Path(QSettings().fileName()), Path(QSettings("SelfCheck", "SelfCheck").fileName())]
    searched = [
        *files_under(private_home, logs.log_path().parent, tmp_path),
        *[p for p in settings if p.is_file()],
    ]
    assert "summary.pdf" in {p.name for p in searched}
    assert_absent(needles, searched)
    assert_clipboard_free_of(needles)
