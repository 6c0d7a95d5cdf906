"""The desktop app through pytest-qt: start screen, the whole wizard, drafts, languages."""

import shutil
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.assessment.flow import StepKind
from desktop.core.base.i18n import show_date
from desktop.core.records import bundle
from desktop.gui.language import translations_dir
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.conftest import CHECKLISTS
from tests.gui_driver import (
    add_account,
    answer_items,
    choose,
    declare_every_password,
    files_under,
    go_next,
    type_text,
)
from tests.screen_checks import (
    TS,
    english_sources,
    shown_texts,
    visible_texts,
    wording_problems,
)
from tests.tools import needs

CANARY = "Canary-pw-GUI-8c1f2e"


def test_vietnamese_translation_is_built_and_complete() -> None:
    assert (translations_dir() / "selfcheck_vi.qm").is_file(), "run `make translations`"
    assert 'type="unfinished"' not in TS.read_text("utf-8")


def test_opens_on_the_start_screen_in_vietnamese(window: MainWindow) -> None:
    assert window.windowTitle().startswith("SelfCheck ")
    assert "tự kiểm tra tài khoản mạng xã hội" in window.windowTitle()
    assert window.stack.currentWidget() is window.start
    assert window.findChild(QPushButton, "newAssessment").text() == "&Bắt đầu lần tự đánh giá mới"


def test_start_screen_paints_first_then_opens_the_checklists_and_history(
    qtbot: QtBot, starting_window: MainWindow
) -> None:
    start = starting_window.findChild(QPushButton, "newAssessment")
    assert start.text() == "&Bắt đầu lần tự đánh giá mới"  # already in Vietnamese
    assert not start.isEnabled()  # nothing to start with until the checklists are read
    with qtbot.waitSignal(starting_window.ready, timeout=10_000):
        starting_window.show()
    assert starting_window.session is not None
    assert start.isEnabled()
    chain = starting_window.findChild(QLabel, "chainStatus").text()
    assert chain.startswith("Lịch sử nguyên vẹn")


def test_unreadable_checklists_stop_the_app_naming_the_file(
    qtbot: QtBot, private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "checklists"
    shutil.copytree(CHECKLISTS, broken)
    (broken / "programmes.toml").write_text("[programme.onboarding\n", "utf-8")
    monkeypatch.setenv("SELFCHECK_CHECKLISTS", str(broken))
    win = MainWindow()
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(win.failed, timeout=10_000) as failed:
            win.show()
        assert "programmes.toml" in failed.args[0]
        with qtbot.assertNotEmitted(win.failed):  # told once, not again by the fallback
            win._open_session()
        assert win.session is None
        assert not win.findChild(QPushButton, "newAssessment").isEnabled()
    finally:
        win.language.set_language("en")
        win.language.deleteLater()


def test_a_damaged_history_is_set_aside_and_told_at_start(
    qtbot: QtBot, starting_window: MainWindow, private_home: Path
) -> None:
    (private_home / "history.db").write_bytes(b"not a database, " * 512)
    with qtbot.waitSignal(starting_window.ready, timeout=10_000):
        starting_window.show()
    qtbot.waitUntil(lambda: starting_window.findChild(QMessageBox, "startupWarning") is not None)
    warning = starting_window.findChild(QMessageBox, "startupWarning")
    assert "history.db.damaged-" in warning.text()
    assert list(private_home.glob("history.db.damaged-*"))
    assert starting_window.findChild(QPushButton, "newAssessment").isEnabled()
    warning.accept()


def test_failures_are_told_in_vietnamese_with_the_detail_kept(session: Session) -> None:
    import errno

    from desktop.core.signing.keyfile import WrongPassphrase
    from desktop.gui.messages import describe

    told = describe(WrongPassphrase("wrong passphrase, or the key file has been altered"))
    assert told.startswith("Cụm mật khẩu không đúng")
    assert "wrong passphrase" not in told  # the sentence says it all: no English after it
    full = describe(OSError(errno.ENOSPC, "No space left on device", "/data/history.db"))
    assert full.startswith("Ổ đĩa đã đầy")
    assert "/data/history.db" in full
    session.language.set_language("en")
    assert describe(WrongPassphrase("x")).startswith("The passphrase is wrong")


def _walk_to_sign(qtbot: QtBot, window: MainWindow, programme: str, tmp_path: Path) -> None:
    """From the start screen to a signed bundle, as a person would."""
    qtbot.mouseClick(window.findChild(QPushButton, "newAssessment"), Qt.MouseButton.LeftButton)
    page = window.wizard.page
    page.findChild(QAbstractButton, f"programme-{programme}").click()
    go_next(qtbot, window)

    assert window.wizard.page.step.kind == StepKind.ABOUT
    assert not window.wizard.next.isEnabled()  # nothing typed yet: Next stays off
    about = window.wizard.page
    type_text(about.findChild(QLineEdit, "field-full_name"), "Nguyễn Thị Hồng Đào")
    type_text(about.findChild(QLineEdit, "field-staff_id"), "../bad")
    assert about.findChild(QLabel, "problem-staff_id").text() != ""  # the reason shows at once
    type_text(about.findChild(QLineEdit, "field-staff_id"), "BNG-20001")
    assert about.findChild(QLabel, "problem-staff_id").text() == ""
    type_text(about.findChild(QLineEdit, "field-unit"), "Vụ Lễ tân Nhà nước")
    type_text(about.findChild(QLineEdit, "field-position"), "Chuyên viên chính")
    category = "mission_member" if programme == "predeployment" else "official"
    choose(about.findChild(QComboBox, "field-profile"), "bng")
    choose(about.findChild(QComboBox, "field-category"), category)
    if programme == "predeployment":
        assert not window.wizard.next.isEnabled()
        type_text(about.findChild(QLineEdit, "field-destination"), "Nhật Bản")
        departure = about.findChild(QDateEdit, "field-departure_date")
        departure.setDate(QDate.currentDate().addDays(90))  # a date picker, dd/mm/yyyy
    go_next(qtbot, window)

    add_account(qtbot, window, "facebook", "hongdao.nguyen", "Hồng Đào Nguyễn", "hongdao@gmail.com")
    add_account(qtbot, window, "zalo", "0912345678", "Đào Nguyễn", "dao.nt@mofa.gov.vn")
    go_next(qtbot, window)

    for _account in range(2):
        page = window.wizard.page
        assert page.step.kind == StepKind.ACCOUNT
        assert not window.wizard.next.isEnabled()
        password = page.findChild(QLineEdit, "password")
        qtbot.keyClicks(password, CANARY)
        qtbot.waitUntil(
            lambda p=page: p.findChild(QLabel, "passwordMeter").text() != "", timeout=10_000
        )
        answer_items(qtbot, window)
        go_next(qtbot, window)
        assert password.text() == ""  # the typed password goes with the page

    answer_items(qtbot, window)  # pledges
    go_next(qtbot, window)
    answer_items(qtbot, window)  # programme items
    go_next(qtbot, window)
    review = window.wizard.page
    assert review.step.kind == StepKind.REVIEW
    verdict = review.findChild(QLabel, "verdict").text()
    assert "Kết luận" in verdict
    go_next(qtbot, window)
    sign = window.wizard.page
    type_text(sign.findChild(QLineEdit, "outputFolder"), str(tmp_path / "bundles"))
    passphrase = sign.findChild(QLineEdit, "passphrase")
    if not passphrase.isHidden():
        type_text(passphrase, "một cụm mật khẩu dài cho tệp khóa")
        type_text(sign.findChild(QLineEdit, "passphraseAgain"), "một cụm mật khẩu dài cho tệp khóa")
    with qtbot.waitSignal(sign.signed, timeout=30_000):
        qtbot.mouseClick(sign.findChild(QPushButton, "signButton"), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("programme", ["onboarding", "annual", "predeployment"])
def test_each_programme_from_start_screen_to_a_signed_bundle(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, private_home: Path, programme: str
) -> None:
    _walk_to_sign(qtbot, window, programme, tmp_path)
    (made,) = list((tmp_path / "bundles").iterdir())
    assert (made / "summary.pdf").read_bytes().startswith(b"%PDF-")
    verified = bundle.verify_path(made)
    summary = msgspec.to_builtins(verified.summary)
    assert summary["programme"] == programme
    assert summary["person"]["full_name"] == "Nguyễn Thị Hồng Đào"
    findings = {(f["item"], f["account"]): f for f in summary["findings"]}
    facebook, zalo = (a["id"] for a in summary["accounts"])
    # The Zalo account is registered with an official address: measured, and failed.
    official = findings[("acct-no-official-email", zalo)]
    assert (official["status"], official["evidence"]) == ("fail", "measured")
    assert findings[("acct-password-unique", facebook)]["status"] == "fail"  # same password
    # The declaration is in the history and the start screen shows it.
    window.wizard.close_button.click()
    assert window.start.findChild(QWidget, "historyList").topLevelItemCount() == 1
    # The password typed appears in no file afterwards.
    for path in files_under(private_home, tmp_path):
        data = path.read_bytes()
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert CANARY.encode(encoding) not in data, path


def test_a_draft_survives_closing_and_reopening_the_window(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    first = MainWindow(session)
    qtbot.addWidget(first)
    first.show()
    qtbot.mouseClick(first.findChild(QPushButton, "newAssessment"), Qt.MouseButton.LeftButton)
    first.wizard.page.findChild(QAbstractButton, "programme-annual").click()
    go_next(qtbot, first)
    type_text(first.wizard.page.findChild(QLineEdit, "field-full_name"), "Trần Văn Bình")
    type_text(first.wizard.page.findChild(QLineEdit, "field-staff_id"), "QN-1")
    first.close()  # closing keeps the work

    second = MainWindow(session)
    qtbot.addWidget(second)
    second.show()
    drafts = second.start.findChild(QWidget, "draftList")
    assert drafts.count() == 1
    qtbot.mouseClick(second.findChild(QPushButton, "resumeDraft"), Qt.MouseButton.LeftButton)
    page = second.wizard.page
    assert page.step.kind == StepKind.ABOUT  # where it stopped
    assert page.findChild(QLineEdit, "field-full_name").text() == "Trần Văn Bình"
    assert page.findChild(QLineEdit, "field-staff_id").text() == "QN-1"


def test_no_visible_string_is_left_in_english_on_any_page(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    import tomllib

    from desktop.core.assessment.draft import Draft
    from tests.conftest import EXAMPLES

    session.language.set_language("en")
    doc = tomllib.loads((EXAMPLES / "annual.toml").read_text("utf-8"))
    session.start(Draft(doc))
    window.wizard.open()
    window.stack.setCurrentWidget(window.wizard)
    window.findChild(QWidget, "wizard")
    # Switch to Vietnamese while the wizard is open: it takes effect at once.
    window.set_language("vi")
    english = english_sources()
    for index in range(len(window.wizard.steps)):
        window.wizard.show_step(index)
        left = [t for t in visible_texts(window) if t in english]
        assert left == [], (window.wizard.steps[index].key, left)
        # Nor an English word, an HTML entity, "(s)" or an ISO date anywhere shown.
        assert wording_problems(shown_texts(window), "vi") == [], window.wizard.steps[index].key
    window.wizard.close_button.click()
    assert [t for t in visible_texts(window) if t in english] == []


def test_window_names_the_app_with_its_version_and_icon(window: MainWindow) -> None:
    from desktop import __version__

    assert __version__ in window.windowTitle()
    assert not window.windowIcon().isNull()
    assert window.windowIcon().pixmap(64, 64).width() == 64  # the SVG renders
    assert __version__ in window.start.findChild(QLabel, "startTitle").text()


def test_every_control_of_every_page_is_reachable_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    import tomllib

    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    from desktop.core.assessment.draft import Draft
    from tests.conftest import EXAMPLES

    doc = tomllib.loads((EXAMPLES / "predeployment.toml").read_text("utf-8"))
    doc["person"]["departure_date"] = doc["person"]["departure_date"].isoformat()
    session.start(Draft(doc))
    window.wizard.open()
    window.stack.setCurrentWidget(window.wizard)
    interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    for index in range(len(window.wizard.steps)):
        window.wizard.show_step(index)
        page = window.wizard.page
        controls = [
            w
            for w in page.findChildren(QWidget)
            if isinstance(w, interactive)
            and not isinstance(w, QHeaderView)  # headers never take focus in any Qt view
            and not w.objectName().startswith("qt_")  # Qt's own parts, e.g. corner buttons
            and w.isVisibleTo(page)
            and w.isEnabled()
        ]
        assert controls
        chain, widget = set(), page.nextInFocusChain()
        for _ in range(5000):
            chain.add(widget)
            widget = widget.nextInFocusChain()
            if widget is page:
                break
        for control in controls:
            assert control in chain, (page.step.key, control.objectName())
            assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, (
                page.step.key,
                control.objectName(),
            )
    for button in (window.wizard.next, window.wizard.back, window.wizard.close_button):
        assert "&" in button.text()  # Alt+letter works from anywhere on the page


def _open_example(window: MainWindow, session: Session, programme: str = "annual") -> None:
    import tomllib

    from desktop.core.assessment.draft import Draft
    from tests.conftest import EXAMPLES

    doc = tomllib.loads((EXAMPLES / f"{programme}.toml").read_text("utf-8"))
    if "departure_date" in doc["person"]:
        doc["person"]["departure_date"] = doc["person"]["departure_date"].isoformat()
    session.start(Draft(doc))
    window.wizard.open()
    window.stack.setCurrentWidget(window.wizard)


def test_editing_or_removing_accounts_rebuilds_their_pages(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open_example(window, session)
    keys = [s.key for s in window.wizard.steps]
    window.wizard.show_step(keys.index("account:x"))
    assert window.wizard.page.findChild(QWidget, "item-acct-no-official-marks-x") is not None
    window.wizard.show_step(keys.index("accounts"))
    assert session.flow is not None
    account = session.flow.draft.account("x")
    account["kind"] = "official_page"  # what the edit dialog does
    window.wizard.page.changed.emit()
    window.wizard.show_step(keys.index("account:x"))
    page = window.wizard.page
    assert page.findChild(QWidget, "item-acct-page-admins-x") is not None
    assert page.findChild(QWidget, "item-acct-no-official-marks-x") is None
    window.wizard.show_step(keys.index("accounts"))
    session.flow.draft.remove_account("x")
    window.wizard.page.changed.emit()  # used to raise: the step titles named a removed account
    assert "account:x" not in [s.key for s in window.wizard.steps]
    assert window.wizard.step_list.count() == len(window.wizard.steps)


def test_next_stays_off_until_every_earlier_page_is_complete(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open_example(window, session)  # passwords are never saved: account pages need them again
    review = [s.key for s in window.wizard.steps].index("review")
    window.wizard.show_step(review)
    assert not window.wizard.next.isEnabled()
    sign = window.wizard.steps[-1]
    window.wizard.show_step(len(window.wizard.steps) - 1)
    assert window.wizard.page.step == sign
    window.wizard.page.findChild(QPushButton, "signButton").click()
    assert "chưa ký gì" in window.wizard.page.findChild(QLabel, "signResult").text()
    assert session.history is not None and session.history.declarations() == []


def test_declining_a_password_forgets_its_measurement_and_back(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open_example(window, session)
    window.wizard.show_step([s.key for s in window.wizard.steps].index("account:fb"))
    page = window.wizard.page
    qtbot.keyClicks(page.findChild(QLineEdit, "password"), "mot cau mat khau rat dai 2026")
    qtbot.waitUntil(
        lambda: session.passwords is not None and session.passwords.measured("fb"), timeout=10_000
    )
    page.findChild(QCheckBox, "declinePassword").setChecked(True)
    assert session.passwords is not None and not session.passwords.measured("fb")
    page.findChild(QWidget, "item-acct-password-strength-fb").buttons["declared-strong"].click()
    assert session.flow is not None
    assert session.flow.draft.answer("acct-password-strength", "fb") == "declared-strong"
    page.findChild(QCheckBox, "declinePassword").setChecked(False)
    assert session.flow.draft.answer("acct-password-strength", "fb") is None


def test_signing_with_a_key_file_opens_the_key_off_the_gui_thread(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    private_home: Path,
    tmp_path: Path,
    real_tasks: None,
) -> None:
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore

    session._keys = KeyStore(private_home, fail.Keyring(), cost=14)  # no keychain: a key file
    _open_example(window, session)
    declare_every_password(window)
    window.wizard.show_step(len(window.wizard.steps) - 1)
    sign = window.wizard.page
    passphrase = sign.findChild(QLineEdit, "passphrase")
    again = sign.findChild(QLineEdit, "passphraseAgain")
    assert passphrase.isVisibleTo(sign) and again.isVisibleTo(sign)  # a new key: typed twice
    type_text(sign.findChild(QLineEdit, "outputFolder"), str(tmp_path / "out"))
    result = sign.findChild(QLabel, "signResult")
    button = sign.findChild(QPushButton, "signButton")

    qtbot.keyClicks(passphrase, "short")
    button.click()  # refused before any key is opened: nothing to wait for
    assert result.text().startswith("Chưa ký. Cụm mật khẩu cần ít nhất 8 ký tự"), result.text()
    assert passphrase.text() == "short" and button.isEnabled()

    qtbot.keyClicks(passphrase, " but long enough")
    qtbot.keyClicks(again, "short but long enougH")
    assert "khác nhau" in sign.findChild(QLabel, "passphraseMatch").text()
    button.click()
    assert "khác nhau" in result.text() and button.isEnabled()
    assert session.history is not None and session.history.declarations() == []

    again.clear()
    qtbot.keyClicks(again, "short but long enough")
    assert "khớp" in sign.findChild(QLabel, "passphraseMatch").text()
    with qtbot.waitSignal(sign.signed, timeout=30_000):
        button.click()
        # While the key is opened the page holds: nothing can change what is being signed.
        assert not window.wizard.back.isEnabled() and not window.wizard.close_button.isEnabled()
        assert not button.isEnabled() and not passphrase.isEnabled()
        window.set_language("en")  # retranslating the wizard must not release the hold
        assert not window.wizard.back.isEnabled() and not window.wizard.next.isEnabled()
        window.set_language("vi")
    assert len(session.history.declarations()) == 1
    assert (private_home / "signing-key.enc").exists()  # the key went into the file
    assert not button.isEnabled()  # one declaration only
    assert passphrase.text() == "" and again.text() == ""  # the key is open: forgotten


def test_the_whole_wizard_works_from_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.gui_driver import (
        answer_with_keys,
        focused,
        pick_with_arrows,
        press,
        tab_to,
        type_keys,
    )

    def next_page() -> None:
        qtbot.waitUntil(window.wizard.next.isEnabled, timeout=10_000)
        tab_to("nextButton")
        press(Qt.Key.Key_Space)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    tab_to("newAssessment")
    press(Qt.Key.Key_Space)
    tab_to("programme-onboarding")
    press(Qt.Key.Key_Space)
    next_page()

    for field, text in (
        ("field-full_name", "Nguyen Van An"),
        ("field-staff_id", "BNG-30001"),
        ("field-unit", "Vu Le tan"),
        ("field-position", "Chuyen vien"),
    ):
        tab_to(field)
        type_keys(text)
    pick_with_arrows("field-profile", "bng")
    pick_with_arrows("field-category", "official")
    next_page()

    def fill_dialog() -> None:  # the dialog runs its own event loop: fill it from inside
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or not dialog.isAncestorOf(focus):
            QTimer.singleShot(10, fill_dialog)  # not shown and focused yet: look again soon
            return
        try:
            fill_dialog_fields()
        finally:  # a failure above must not leave the test waiting on an open dialog
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    def fill_dialog_fields() -> None:
        pick_with_arrows("account-platform", "facebook")
        pick_with_arrows("account-kind", "personal")
        for field, text in (
            ("account-handle", "an.nguyenvan"),
            ("account-display_name", "Nguyen Van An"),
            ("account-registration_email", "an.nguyenvan@gmail.com"),
            ("account-recovery_email", "an.family@gmail.com"),
            ("account-phone", "0912 345 678"),
        ):
            tab_to(field)
            type_keys(text)
        press(Qt.Key.Key_Return)  # OK is the default button

    QTimer.singleShot(0, fill_dialog)
    tab_to("addAccount")
    press(Qt.Key.Key_Space)
    assert window.session.flow is not None and len(window.session.flow.draft.accounts) == 1
    # Xvfb has no window manager to hand the activation back when the dialog closes.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    next_page()

    tab_to("password")
    type_keys("ba con meo tam nang tren mai nha 2026")
    qtbot.waitUntil(lambda: window.wizard.page.meter_text.text() != "", timeout=10_000)
    answer_with_keys(window)
    next_page()
    answer_with_keys(window)  # pledges
    next_page()
    answer_with_keys(window)  # programme items
    next_page()
    assert window.wizard.page.step.kind == StepKind.REVIEW
    next_page()

    tab_to("outputFolder")
    type_keys(str(tmp_path / "keyboard"))
    sign = window.wizard.page
    if not sign.findChild(QLineEdit, "passphrase").isHidden():
        tab_to("passphrase")
        type_keys("a long passphrase for the key file")
        tab_to("passphraseAgain")
        type_keys("a long passphrase for the key file")
    with qtbot.waitSignal(sign.signed, timeout=30_000):
        tab_to("signButton")
        press(Qt.Key.Key_Space)
    (made,) = list((tmp_path / "keyboard").iterdir())
    assert bundle.verify_path(made).summary.person.full_name == "Nguyen Van An"
    assert focused().objectName() == "endDone"  # the end screen, Done at hand
    press(Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.start


def test_review_lists_what_changed_since_the_last_declaration(
    qtbot: QtBot, window: MainWindow, session: Session, private_home: Path
) -> None:
    from tests.signing_helpers import MemoryKeyring, declare_example

    declare_example(private_home, "onboarding", MemoryKeyring())
    _open_example(window, session, "annual")
    window.wizard.show_step([s.key for s in window.wizard.steps].index("review"))
    text = window.wizard.page.findChild(QLabel, "changesSinceLast").text()
    assert "Thay đổi kể từ bản khai số 1" in text
    assert "tài khoản mới" in text and "tài khoản đã bỏ" in text
    # Item by item, with the statuses before and after.
    assert "Tập huấn kỹ năng số và bảo mật: đạt một phần → đạt" in text


def test_start_screen_tells_what_is_due_and_saves_a_calendar_reminder(
    qtbot: QtBot,
    window: MainWindow,
    private_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import date

    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog

    from tests.signing_helpers import MemoryKeyring, declare_example

    due = window.start.findChild(QLabel, "dueNotice")
    assert "Máy này chưa có bản khai nào" in due.text()  # onboarding, due now
    signed = declare_example(private_home, "annual", MemoryKeyring())
    window.start.refresh()
    when = signed.summary.next_due.date
    assert f"hạn ngày {show_date(when)}" in due.text()  # dd/mm/yyyy
    assert "Tiếp theo: Tự kê khai hằng năm" in due.text()

    chosen = tmp_path / "nhắc lịch.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    qtbot.mouseClick(window.start.findChild(QPushButton, "saveReminder"), Qt.MouseButton.LeftButton)
    (event,) = Calendar.from_ical(chosen.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == date.fromisoformat(when)
    assert "Tự kê khai hằng năm" in str(event["summary"])


@needs("ssh-keygen", "pdftotext")
def test_history_window_reads_and_re_exports_a_declaration(
    qtbot: QtBot,
    window: MainWindow,
    private_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3
    import subprocess

    from PySide6.QtWidgets import QFileDialog, QTextBrowser, QTreeWidget

    from desktop.gui.history_window import HistoryWindow
    from tests.signing_helpers import MemoryKeyring, declare_example, ssh_keygen_verify_bundle

    keychain = MemoryKeyring()
    declare_example(private_home, "onboarding", keychain)
    declare_example(private_home, "annual", keychain)
    window.start.refresh()
    qtbot.mouseClick(window.start.findChild(QPushButton, "openHistory"), Qt.MouseButton.LeftButton)
    history = window.start.findChild(HistoryWindow, "historyWindow")
    qtbot.waitExposed(history)
    rows = history.findChild(QTreeWidget, "declarationList")
    assert rows.topLevelItemCount() == 2
    assert all(rows.topLevelItem(i).text(4) == "✔ nguyên vẹn" for i in range(2))
    text = history.findChild(QTextBrowser, "declarationView").toPlainText()
    assert "Nguyễn Văn An" in text and "Kết luận: Cần khắc phục" in text  # the latest

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    qtbot.mouseClick(history.findChild(QPushButton, "exportBundle"), Qt.MouseButton.LeftButton)
    (exported,) = (tmp_path / "out").iterdir()
    assert bundle.verify_path(exported).summary.programme == "annual"
    assert (exported / "summary.pdf").read_bytes().startswith(b"%PDF-")
    check = ssh_keygen_verify_bundle(exported, "BNG-08231")
    assert check.returncode == 0, check.stderr

    pdf = tmp_path / "bản khai.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(history.findChild(QPushButton, "exportPdf"), Qt.MouseButton.LeftButton)
    read = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Nguyễn Văn An" in read.stdout

    # A declaration altered behind the app's back is shown as damaged and never exported.
    db = sqlite3.connect(private_home / "history.db")
    db.execute("DROP TRIGGER declarations_append_only_update")
    db.execute("UPDATE declarations SET summary = replace(summary, 'fail', 'pass') WHERE seq = 2")
    db.commit()
    db.close()
    history.refresh()
    latest = rows.topLevelItem(1)
    assert latest.text(4).startswith("✘ ")
    assert not history.findChild(QPushButton, "exportBundle").isEnabled()
    assert not history.findChild(QPushButton, "exportPdf").isEnabled()
    assert "hỏng" in history.findChild(QTextBrowser, "declarationView").toPlainText()
    history.close()


def test_review_window_checks_a_folder_filters_and_exports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from PySide6.QtWidgets import QFileDialog, QTreeWidget

    from desktop.core.review.roster import enrol, new_roster
    from desktop.core.signing.sshsig import PublicKey
    from desktop.gui.review_window import ReviewWindow
    from tests.signing_helpers import MemoryKeyring, declare_example
    from tests.test_review import Official

    template = json.loads(declare_example(tmp_path / "t", "annual", MemoryKeyring()).bundle.summary)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    roster = new_roster(tmp_path / "roster.toml")
    an, binh = (
        Official("BNG-1", "Nguyễn Văn An", template),
        Official("BNG-2", "Trần Bình", template),
    )
    for official in (an, binh):
        roster = enrol(roster, official.staff_id, PublicKey.of(official.key))
    an.declare(inbox, verdict="compliant")  # ✔ only for sound and compliant
    binh.declare(inbox, issued="2024-01-01T00:00:00Z")
    binh.declare(inbox, seq=3, prev=None)  # a gap
    (inbox / "rác.bin").write_bytes(b"\x00" * 10)

    window.findChild(QAction, "actionReview").trigger()
    review = window.findChild(ReviewWindow, "reviewWindow")
    type_text(review.findChild(QLineEdit, "rosterFile"), str(tmp_path / "roster.toml"))
    type_text(review.findChild(QLineEdit, "bundleFolder"), str(inbox))
    qtbot.mouseClick(review.findChild(QPushButton, "runReview"), Qt.MouseButton.LeftButton)
    assert review.report is not None  # the review ran as a task, at once here
    rows = review.findChild(QTreeWidget, "reviewRows")
    texts = [rows.topLevelItem(i).text(6) for i in range(rows.topLevelItemCount())]
    assert texts[0] == "✔" and texts[1].startswith("thiếu bản khai")  # Vietnamese, not "gap:"
    assert any("rác.bin" in rows.topLevelItem(i).text(1) for i in range(rows.topLevelItemCount()))
    review.findChild(QCheckBox, "filterProblems").setChecked(True)
    assert rows.topLevelItem(0).text(0) == "BNG-2"  # the sound one is filtered out

    out = tmp_path / "đơn vị.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(review.findChild(QPushButton, "exportCsv"), Qt.MouseButton.LeftButton)
    assert "Nguyễn Văn An" in out.read_text("utf-8-sig")
    qtbot.mouseClick(review.findChild(QPushButton, "acceptSound"), Qt.MouseButton.LeftButton)
    accepted = json.loads((tmp_path / "roster.toml.accepted.json").read_text())
    assert list(accepted) == ["BNG-1"]  # only the sound declaration is remembered
    review.close()


def test_the_wizard_asks_the_agency_and_shows_only_its_code(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    from desktop.gui.item_widget import ItemWidget

    _open_example(window, session, "onboarding")  # Trần Thị Thu Hà, Quảng Ninh
    keys = [s.key for s in window.wizard.steps]
    window.wizard.show_step(keys.index("about"))
    about = window.wizard.page
    profile = about.findChild(QComboBox, "field-profile")
    names = [profile.itemText(i) for i in range(profile.count())]
    assert "Các cơ quan, đơn vị của tỉnh Quảng Ninh" in names  # by its full name
    assert profile.currentData() == "quang-ninh"
    categories = about.findChild(QComboBox, "field-category")
    offered = {categories.itemData(i) for i in range(categories.count())}
    assert "mission_member" not in offered and "official" in offered
    seen = 0
    for key in keys:
        if key.startswith(("account:", "pledges", "programme-items")):
            window.wizard.show_step(keys.index(key))
            for widget in window.wizard.page.findChildren(ItemWidget):
                basis = widget.basis.text()
                assert "BNG" not in basis and "QN-" in basis, (key, widget.item.id)
                seen += 1
    assert seen > 30
    # Choosing the Foreign Ministry changes the code, the categories and the items asked.
    window.wizard.show_step(keys.index("about"))
    choose(window.wizard.page.findChild(QComboBox, "field-profile"), "bng")
    assert window.wizard.page.findChild(QLabel, "problem-profile").text() == ""
    window.wizard.show_step(keys.index("pledges"))
    pledges = {w.item.id for w in window.wizard.page.findChildren(ItemWidget)}
    assert "pledge-state-secrets" in pledges and "pledge-child-safety" not in pledges


def test_listing_no_account_needs_the_person_s_own_word(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open_example(window, session, "onboarding")
    assert session.flow is not None
    for account_id in [a["id"] for a in session.flow.draft.accounts]:
        session.flow.draft.remove_account(account_id)
    window.wizard.open("accounts")
    page = window.wizard.page
    holds_none = page.findChild(QCheckBox, "holdsNoAccounts")
    assert holds_none.isVisible() and holds_none.isEnabled() and not holds_none.isChecked()
    assert not window.wizard.next.isEnabled()  # an empty list is not an all-clear
    holds_none.click()
    assert window.wizard.next.isEnabled()
    assert session.flow.holds_no_accounts
    add_account(qtbot, window, "zalo", "0912345678", "Thu Hà", "ha@gmail.com")
    assert not session.flow.holds_no_accounts  # listing one withdraws "I hold none"
    assert not holds_none.isEnabled() and not holds_none.isChecked()
    # The inventory itself can never be marked "does not apply".
    window.wizard.show_step([s.key for s in window.wizard.steps].index("programme-items"))
    inventory = window.wizard.page.findChild(QWidget, "item-prog-inventory-complete")
    assert not inventory.na.isVisibleTo(inventory)
    assert inventory.buttons["complete"].isVisibleTo(inventory)
    assert not inventory.buttons["none-held"].isVisibleTo(inventory)


def test_telegram_s_page_says_it_was_ordered_blocked(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open_example(window, session, "predeployment")
    window.wizard.show_step([s.key for s in window.wizard.steps].index("account:tg"))
    page = window.wizard.page
    notice = page.findChild(QLabel, "platformNotice")
    assert notice.isVisibleTo(page) and "chặn Telegram" in notice.text()
    two_factor = page.findChild(QWidget, "item-acct-two-factor-tg")
    row = two_factor.choice_row
    buttons = [row.itemAt(i).widget() for i in range(row.count())]  # in the order shown
    shown = [b.text() for b in buttons if b.isVisibleTo(two_factor)]
    assert "Xác minh 2 bước" in shown[0]  # its own second factor first
    assert not any("Khóa bảo mật" in text for text in shown)  # Telegram has none
    window.wizard.show_step([s.key for s in window.wizard.steps].index("account:fb"))
    assert not window.wizard.page.findChild(QLabel, "platformNotice").isVisibleTo(
        window.wizard.page
    )


def test_a_damaged_draft_s_person_is_shown_with_its_problems(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    from desktop.core.assessment.draft import Draft

    draft = Draft.new("annual")
    draft.person.update(profile="ha-noi", category="boss")  # neither exists
    session.start(draft)
    window.wizard.open("about")
    about = window.wizard.page
    assert about.findChild(QComboBox, "field-category").currentText() == "boss"
    assert about.findChild(QLabel, "problem-profile").text() != ""
    assert about.findChild(QLabel, "problem-category").text() != ""
