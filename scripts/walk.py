"""Walks the three programmes as a new official would, from the start screen to the end
screen after signing, in Vietnamese and English, and checks every page as it goes.

Run through `make walk` (under an X server of each small size: 1024x600, and 1366x768 at
150 %), or by hand under one:

    xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python scripts/walk.py --size 1024x600
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/walk.py --size 1366x768@150

Each programme starts in a new data folder: the start screen, New assessment, the
programme chosen, the About page filled in (for a posting abroad, a departure date in the
past first: it must be refused), one account added through its dialog, its password
typed and measured, every item answered, the review, the key file's passphrase typed
twice, Sign, and the end screen. On each screen the checks of tests/screen_checks.py run
(windows inside the screen's available area, buttons in sight, nothing cut off, no
English in Vietnamese, no HTML entity, no "(s)", dates as dd/mm/yyyy), and these: Back,
Next and Save and close in sight on every page, Sign in sight on the Sign page without
scrolling, the sidebar's ✔ on every step before the current one and ▶ on the current one,
no page scrolling sideways, no item asked twice. Each screen is saved as
<out>/<nn>-<page>-<programme>-<size>-<language>.png. The problems are printed at the end;
the exit status is 1 if there is any.
"""

import argparse
import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this tree's app and tests (screen_checks, gui_driver)

PROGRAMMES = ("onboarding", "annual", "predeployment")
# The screens in the order walked: each keeps its number whatever the programme.
SCREENS = (
    "start",
    "programme",
    "about-past-departure",
    "about",
    "account-dialog",
    "accounts",
    "account",
    "pledges",
    "programme-items",
    "review",
    "sign",
    "end",
)
PASSWORD = "Nguyen Van An 1978"  # typed on the account page: measured, never stored
PASSPHRASE = "ba con mèo tam thể ngủ trên mái nhà"


class Walk:
    """One programme in one language: its screens, their checks, what went wrong."""

    def __init__(self, out: Path, size: str, programme: str, language: str) -> None:
        self.out, self.size, self.programme, self.language = out, size, programme, language
        self.problems: list[str] = []
        self.asked: dict[tuple[str, str], str] = {}  # (item, account) -> the page asking it

    # -- looking at a screen ------------------------------------------------------------------

    def screen(self, name: str, window: Any) -> None:
        """Save the window as a PNG and check it (and every other window shown)."""
        from PySide6.QtWidgets import QApplication

        from tests.screen_checks import clipped, misfits, shown_texts, wording_problems

        settle()
        where = f"{self.programme}/{self.language}/{name}"
        number = SCREENS.index(name)
        path = self.out / f"{number:02d}-{name}-{self.programme}-{self.size}-{self.language}.png"
        window.grab().save(str(path))
        print(path, flush=True)
        for shown in QApplication.topLevelWidgets():
            if not shown.isVisible() or not shown.isWindow() or shown.inherits("QMenu"):
                continue
            area = shown.screen().availableGeometry()
            found = misfits(shown, area) + clipped(shown)
            found += wording_problems(shown_texts(shown), self.language)
            self.problems += [f"{where}: {p}" for p in found]

    def wizard_page(self, name: str, window: Any) -> None:
        """A wizard page: its own checks, then `screen`."""
        from desktop.gui.item_widget import ItemWidget
        from tests.screen_checks import in_sight

        wizard = window.wizard
        settle()
        where = f"{self.programme}/{self.language}/{name}"
        for button in (wizard.back, wizard.next, wizard.close_button):
            if not in_sight(button, window):
                self.problems.append(f"{where}: {button.objectName()} not in sight")
        page = wizard.page
        if page.scroll_area.horizontalScrollBar().isVisible():
            self.problems.append(f"{where}: the page scrolls sideways")
        for row in range(wizard.step_list.count()):
            text = wizard.step_list.item(row).text()
            if row < wizard.index and "✔" not in text:
                self.problems.append(f"{where}: step {text.strip()!r} done but not ticked")
            if (row == wizard.index) != text.startswith("▶"):
                self.problems.append(f"{where}: step {text.strip()!r} marked wrongly")
        for widget in page.findChildren(ItemWidget):
            if widget.isVisibleTo(page):
                key = (widget.item.id, widget.account_id or "")
                if key in self.asked and self.asked[key] != name:
                    self.problems.append(f"{where}: {key[0]} asked again ({self.asked[key]})")
                self.asked[key] = name
        self.screen(name, window)


def settle(rounds: int = 20) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def wait(done: Any, what: str, limit_ms: int = 60_000) -> None:
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    for _ in range(limit_ms // 10):
        if done():
            return
        QApplication.processEvents()
        QThread.msleep(10)
    raise SystemExit(f"walk: waited {limit_ms // 1000} s for {what}")


def walk(walk: Walk, language_switch: Any) -> None:
    """One programme, from the start screen to the end screen."""
    from keyring.backends import fail
    from PySide6.QtCore import QDate, QEvent, QTimer
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QComboBox,
        QDateEdit,
        QLabel,
        QLineEdit,
    )

    from desktop.core.signing.keys import KeyStore
    from desktop.gui.main_window import MainWindow
    from desktop.gui.session import open_session
    from tests.gui_driver import answer_items, choose, type_text
    from tests.screen_checks import in_sight

    home = Path(tempfile.mkdtemp(prefix="selfcheck-walk-"))
    atexit.register(shutil.rmtree, home, True)  # its key file and history: not left behind
    os.environ["SELFCHECK_HOME"] = str(home)
    language_switch.set_language(walk.language)
    session = open_session(language_switch)
    session._keys = KeyStore(home, fail.Keyring(), cost=14)  # a key file: its passphrase asked
    window = MainWindow(session)
    window.show()
    walk.screen("start", window)
    window.start.start_button.click()
    wizard = window.wizard
    wizard.page.findChild(QAbstractButton, f"programme-{walk.programme}").click()
    walk.wizard_page("programme", window)
    wizard.next.click()

    about = wizard.page
    type_text(about.findChild(QLineEdit, "field-full_name"), "Nguyễn Thị Hồng Đào")
    type_text(about.findChild(QLineEdit, "field-staff_id"), "BNG-20001")
    type_text(about.findChild(QLineEdit, "field-unit"), "Vụ Lễ tân Nhà nước")
    type_text(about.findChild(QLineEdit, "field-position"), "Chuyên viên chính")
    choose(about.findChild(QComboBox, "field-profile"), "bng")
    abroad = walk.programme == "predeployment"
    choose(about.findChild(QComboBox, "field-category"), "mission_member" if abroad else "official")
    if abroad:
        type_text(about.findChild(QLineEdit, "field-destination"), "Nhật Bản")
        type_text(about.findChild(QLineEdit, "field-mission"), "Đại sứ quán Việt Nam tại Nhật Bản")
        departure = about.findChild(QDateEdit, "field-departure_date")
        if departure.displayFormat() != "dd/MM/yyyy":
            walk.problems.append(f"{walk.programme}/{walk.language}: departure date not dd/mm/yyyy")
        departure.setDate(QDate.currentDate().addDays(-1))
        refused = about.findChild(QLabel, "problem-departure_date").text()
        if not refused or wizard.next.isEnabled():
            walk.problems.append(f"{walk.programme}/{walk.language}: a past departure date taken")
        about.scroll_area.ensureWidgetVisible(about.problems["departure_date"])
        walk.wizard_page("about-past-departure", window)
        departure.setDate(QDate.currentDate().addDays(90))
    walk.wizard_page("about", window)
    wizard.next.click()

    def fill_account() -> None:
        from PySide6.QtWidgets import QDialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        choose(dialog.findChild(QComboBox, "account-platform"), "facebook")
        choose(dialog.findChild(QComboBox, "account-kind"), "personal")
        for name, text in (
            ("handle", "hongdao.nguyen"),
            ("display_name", "Hồng Đào Nguyễn"),
            ("registration_email", "hongdao@gmail.com"),
            ("recovery_email", "khoiphuc@gmail.com"),
            ("phone", "0912 345 678"),
        ):
            type_text(dialog.findChild(QLineEdit, f"account-{name}"), text)
        walk.screen("account-dialog", dialog)
        dialog.accept()

    QTimer.singleShot(0, fill_account)
    wizard.page.add_button.click()
    walk.wizard_page("accounts", window)
    wizard.next.click()

    account = wizard.page
    account.password.setText(PASSWORD)
    wait(lambda: account.meter_text.text(), "the password's measure")
    answer_items(None, window)  # type: ignore[arg-type]  # (its qtbot is not used)
    walk.wizard_page("account", window)
    wizard.next.click()
    for name in ("pledges", "programme-items"):
        answer_items(None, window)  # type: ignore[arg-type]
        walk.wizard_page(name, window)
        wizard.next.click()
    walk.wizard_page("review", window)
    wizard.next.click()

    sign = wizard.page
    type_text(sign.findChild(QLineEdit, "outputFolder"), str(home / "bundles"))
    if sign.passphrase.field.isHidden():
        walk.problems.append(f"{walk.programme}/{walk.language}: no key file passphrase asked")
    else:
        type_text(sign.passphrase.field, PASSPHRASE)
        type_text(sign.passphrase.again, PASSPHRASE)
        wait(lambda: sign.passphrase.meter_text.text(), "the passphrase's measure")
    if not in_sight(sign.sign_button, window):
        walk.problems.append(f"{walk.programme}/{walk.language}/sign: Sign not in sight")
    walk.wizard_page("sign", window)
    sign.sign_button.click()
    wait(lambda: window.stack.currentWidget() is not wizard, "the signature", 120_000)
    end = window.stack.currentWidget()
    for button in (end.open_folder_button, end.open_pdf_button, end.done_button):
        if not in_sight(button, window) or not button.isEnabled():
            walk.problems.append(f"{walk.programme}/{walk.language}/end: {button.text()!r} off")
    walk.screen("end", window)
    end.done_button.click()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # before the next switch
    session.measurer.close()
    session.close()


def main(out: Path, size: str, programmes: list[str], languages: list[str]) -> int:
    if "@" in size:  # before Qt starts
        os.environ["QT_SCALE_FACTOR"] = str(int(size.split("@")[1]) / 100)
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from desktop.gui.language import LanguageSwitch

    language_switch = LanguageSwitch(app)
    out.mkdir(parents=True, exist_ok=True)
    screen = app.primaryScreen()
    print(
        f"screen {screen.size().width()}x{screen.size().height()} (Qt's pixels), "
        f"available {screen.availableGeometry()}",
        flush=True,
    )
    problems: list[str] = []
    for language in languages:
        for programme in programmes:
            one = Walk(out, size or "default", programme, language)
            walk(one, language_switch)
            problems += one.problems
    count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
    print(f"\n{count} at {size or 'the default size'}:")
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "walk")
    parser.add_argument("--size", default="", help="1024x600 or 1366x768@150 (150 %% scaling)")
    parser.add_argument("--programme", action="append", choices=PROGRAMMES)
    parser.add_argument("--language", action="append", choices=("vi", "en"))
    arguments = parser.parse_args()
    sys.exit(
        main(
            arguments.out,
            arguments.size,
            arguments.programme or list(PROGRAMMES),
            arguments.language or ["vi", "en"],
        )
    )
