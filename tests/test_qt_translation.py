"""Qt's own dialogs in Vietnamese (assets/translations/qtbase_vi.ts): file dialogs, dialog
buttons, context menus. Qt ships no Vietnamese catalogue, so the app carries its own."""

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.gui.language import LanguageSwitch, system_speaks, translations_dir
from desktop.gui.main_window import MainWindow
from desktop.gui.review_window import ReviewWindow
from tests.test_glossary import _breaches

TS = translations_dir() / "qtbase_vi.ts"
Key = tuple[str, str, str]  # context, source, disambiguation

# Qt's strings for another platform's dialogs: not in the Linux libraries the tests run on.
OTHER_PLATFORMS = {
    ("QFileSystemModel", "My Computer", ""),  # Windows
    ("QFileSystemModel", "Kind", "Match OS X Finder"),  # macOS
    ("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"),
    ("QAbstractFileIconProvider", "Alias", "macOS Finder"),
}
# Key names in shortcuts ("Ctrl+C" in a context menu) stay as printed on the keyboard; a
# plugin Qt fails to load (QLibrary) is told in Qt's debug output, never in a window.
UNTRANSLATED_CONTEXTS = {"QShortcut", "QLibrary"}


def messages() -> dict[Key, str]:
    out = {}
    for context in ET.parse(TS).iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            assert key not in out, f"twice: {key}"
            translation = message.find("translation")
            assert translation is not None, key
            assert translation.get("type") is None, f"{translation.get('type')}: {key}"
            assert message.get("numerus") != "yes", f"Vietnamese has no plural: {key}"
            out[key] = translation.text or ""
    return out


def accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def test_every_message_is_translated_keeping_placeholders_accelerators_and_lines() -> None:
    found = messages()
    assert len(found) > 100
    for (context, source, _), translation in found.items():
        where = f"{context}: {source!r} -> {translation!r}"
        assert translation.strip(), where
        assert sorted(re.findall(r"%\d", translation)) == sorted(re.findall(r"%\d", source)), where
        assert accelerators(translation) == accelerators(source), where
        if accelerators(source):  # Alt+letter: a letter the keyboard has without Telex
            letter = translation.replace("&&", "")[translation.replace("&&", "").index("&") + 1]
            assert letter.isascii() and letter.isalpha(), where
        assert translation.count("\n") == source.count("\n"), where
        assert translation[-1:].isspace() == source[-1:].isspace(), where


def test_the_vietnamese_follows_the_glossary() -> None:
    texts = ((f"qtbase {key[1]!r}", text) for key, text in messages().items())
    assert _breaches(texts) == []
    # Its section on buttons, files and folders.
    for text in messages().values():
        assert "tập tin" not in text.lower() and not re.search(r"\bOK\b", text), text


def test_accelerators_do_not_clash_within_a_dialog() -> None:
    found = messages()

    def letter(key: Key) -> str:
        text = found[key].replace("&&", "")
        return text[text.index("&") + 1].lower()

    file_dialog = [
        ("QFileDialog", source, "")
        for source in ("&Look in:", "File &name:", "Files of &type:", "&Open", "&Save", "&Choose")
    ]
    save_dialog = [key for key in file_dialog if key[1] not in ("&Open", "&Choose")]
    buttons = [("QPlatformTheme", s, "") for s in ("&Yes", "Yes to &All", "&No", "N&o to All")]
    edit_menu = [("QLineEdit", s, "") for s in ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste")]
    for group in (save_dialog, buttons, edit_menu):
        letters = [letter(key) for key in group]
        assert len(set(letters)) == len(letters), [found[key] for key in group]


def _qt_libraries() -> bytes:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    names = ("libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6")
    if not all((folder / name).is_file() for name in names):
        pytest.skip(f"Qt's libraries are not where Linux keeps them ({folder})")
    return b"".join((folder / name).read_bytes() for name in names)


def test_every_message_is_one_the_running_qt_has() -> None:
    """Qt looks a message up by its exact source text: one that differs by a single `&` (Qt 6
    added some) is never used. Each source is a string in Qt's own libraries."""
    libraries = _qt_libraries()
    missing = [
        key
        for key in messages()
        if key not in OTHER_PLATFORMS
        and key[1].encode() + b"\0" not in libraries
        and key[1].encode("utf-16-le") not in libraries  # QStringLiteral (accessible actions)
    ]
    assert missing == []


# -- what Qt asks for while the app shows its dialogs ----------------------------------------


class Recorder(QTranslator):
    """Notes every message Qt looks up, and translates none (the next translator is asked)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[Key] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> None:
        self.asked.add((context, source, disambiguation or ""))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    recorder = Recorder()
    QCoreApplication.installTranslator(recorder)
    yield recorder
    QCoreApplication.removeTranslator(recorder)


def inside_popup(read: Callable[[QWidget], object], out: list[object]) -> None:
    """Read the context menu or dialog that Qt is about to run modally, then close it."""

    def look() -> None:
        shown = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if shown is None or not shown.isVisible():
            QTimer.singleShot(10, look)  # not shown yet: look again soon
            return
        try:
            out.append(read(shown))
        finally:
            shown.close()

    QTimer.singleShot(0, look)


def menu_texts(menu: QWidget) -> list[str]:
    assert isinstance(menu, QMenu)
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def right_click(qtbot: QtBot, widget: QWidget) -> list[str]:
    texts: list[object] = []
    inside_popup(menu_texts, texts)
    point = QPoint(5, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)  # some menus run modally, others pop up and return
    qtbot.waitUntil(lambda: bool(texts))
    (shown,) = texts
    assert isinstance(shown, list)
    return shown


STANDARD_BUTTONS = (
    *("Ok", "Save", "SaveAll", "Open", "Yes", "YesToAll", "No", "NoToAll", "Abort", "Retry"),
    *("Ignore", "Close", "Cancel", "Discard", "Help", "Apply", "Reset", "RestoreDefaults"),
)


def show_every_qt_dialog_the_app_uses(qtbot: QtBot, folder: Path) -> None:
    (folder / "bản khai.pdf").write_bytes(b"%PDF-")
    (folder / "con").mkdir()
    for mode in (QFileDialog.FileMode.ExistingFile, QFileDialog.FileMode.Directory, None):
        dialog = QFileDialog(None, "SelfCheck", str(folder), "PDF (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        if mode is None:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        else:
            dialog.setFileMode(mode)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        files = dialog.findChild(QWidget, "treeView")
        qtbot.waitUntil(lambda d=dialog: d.findChild(QWidget, "treeView").model().rowCount() > 0)  # type: ignore[misc]
        right_click(qtbot, files.viewport())  # type: ignore[attr-defined]
        right_click(qtbot, dialog.findChild(QWidget, "sidebar").viewport())  # type: ignore[attr-defined]
        dialog.reject()
    box = QMessageBox(QMessageBox.Icon.Warning, "SelfCheck", "?")
    qtbot.addWidget(box)
    for name in STANDARD_BUTTONS:  # every one a QMessageBox or QDialogButtonBox can show
        box.addButton(getattr(QMessageBox.StandardButton, name))
    box.setDetailedText("…")
    box.show()
    box.close()
    for widget in (QLineEdit("x"), QTextBrowser(), QPlainTextEdit("x"), QDateEdit(), QScrollBar()):
        qtbot.addWidget(widget)
        widget.show()
        scrolled = isinstance(widget, QTextBrowser | QPlainTextEdit)
        right_click(qtbot, widget.viewport() if scrolled else widget)  # type: ignore[attr-defined]


def test_the_catalogue_has_every_message_qt_shows_in_the_app_s_dialogs(
    qtbot: QtBot, recorder: Recorder, tmp_path: Path
) -> None:
    """What the running Qt asks for, not a list copied from an older Qt: a new or changed
    message in a Qt upgrade fails here instead of showing up in English."""
    show_every_qt_dialog_the_app_uses(qtbot, tmp_path)
    # Windows an earlier test left open retranslate too when the recorder is installed:
    # the app's own sources (PySide6 may ask them under a Qt base class's context) are not
    # Qt's messages.
    own = {
        message.findtext("source")
        for message in ET.parse(translations_dir() / "selfcheck_vi.ts").iter("message")  # noqa: S314
    }
    asked = {key for key in recorder.asked if key[0].startswith("Q") and key[1] not in own}
    assert ("QFileDialog", "File &name:", "") in asked  # the recorder saw the dialogs
    assert ("QPlatformTheme", "Restore Defaults", "") in asked
    have = set(messages())
    missing = {key for key in asked - have if key[0] not in UNTRANSLATED_CONTEXTS}
    assert missing == set()


# -- the app in Vietnamese, then in English ---------------------------------------------------


def look_at_file_dialog(dialog: QWidget) -> dict[str, object]:
    assert isinstance(dialog, QFileDialog)
    assert dialog.isVisible()  # Qt's own dialog: a native one leaves the QFileDialog hidden
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    header = dialog.findChild(QHeaderView)
    return {
        "title": dialog.windowTitle(),
        "look in": dialog.findChild(QLabel, "lookInLabel").text(),
        "file name": dialog.findChild(QLabel, "fileNameLabel").text(),
        "type": dialog.findChild(QLabel, "fileTypeLabel").text(),
        "buttons": [b.text().replace("&", "") for b in buttons.buttons()],
        "columns": [header.model().headerData(i, Qt.Orientation.Horizontal) for i in range(4)],
    }


def open_roster_dialog(review: ReviewWindow) -> dict[str, object]:
    seen: list[object] = []
    inside_popup(look_at_file_dialog, seen)
    review.browse_roster.click()  # QFileDialog.getOpenFileName: returns once it is closed
    (shown,) = seen
    assert isinstance(shown, dict)
    return shown


def test_the_app_s_file_dialog_speaks_the_app_s_language_and_switches_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs) == (
        not system_speaks("vi")
    )
    window.findChild(QAction, "actionReview").trigger()
    review = window.findChild(ReviewWindow, "reviewWindow")
    shown = open_roster_dialog(review)
    assert shown["look in"] == "&Tìm trong:"
    assert shown["file name"] == "Tê&n tệp:"
    assert shown["type"] == "L&oại tệp:"
    assert shown["buttons"] == ["Mở", "Hủy"]
    assert shown["columns"] == ["Tên", "Kích thước", "Loại", "Ngày sửa đổi"]
    assert right_click(qtbot, review.roster) == [
        "&Hoàn tác",
        "&Làm lại",
        "&Cắt",
        "&Sao chép",
        "&Dán",
        "Xóa",
        "Chọn tất cả",
    ]

    window.set_language("en")
    shown = open_roster_dialog(review)
    assert (shown["look in"], shown["file name"], shown["type"]) == (
        "&Look in:",
        "File &name:",
        "Files of &type:",
    )
    assert shown["buttons"] == ["Open", "Cancel"]
    assert shown["columns"] == ["Name", "Size", "Type", "Date Modified"]
    assert right_click(qtbot, review.roster)[:2] == ["&Undo", "&Redo"]


def test_an_open_file_dialog_and_message_box_switch_language_at_once(qtbot: QtBot) -> None:
    language = LanguageSwitch()
    try:
        language.set_language("vi")
        dialog = QFileDialog(None, "SelfCheck")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        box = QMessageBox(QMessageBox.Icon.Question, "SelfCheck", "?")
        qtbot.addWidget(box)
        box.setStandardButtons(
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Ok
            | QMessageBox.StandardButton.Cancel
        )
        box.setDetailedText("…")
        dialog.show()
        box.show()
        qtbot.waitExposed(box)

        def texts() -> tuple[list[str], list[str]]:
            return (
                [b.text().replace("&", "") for b in box.buttons()],
                [
                    dialog.findChild(QLabel, "fileNameLabel").text(),
                    *(
                        b.text().replace("&", "")
                        for b in dialog.findChild(QDialogButtonBox).buttons()
                    ),
                ],
            )

        buttons, file_dialog = texts()
        assert sorted(buttons) == sorted(["Có", "Không", "Đồng ý", "Hủy", "Xem chi tiết..."])
        assert file_dialog == ["Tê&n tệp:", "Lưu", "Hủy"]
        language.set_language("en")
        buttons, file_dialog = texts()
        assert sorted(buttons) == sorted(["Yes", "No", "OK", "Cancel", "Show Details..."])
        assert file_dialog == ["File &name:", "Save", "Cancel"]
    finally:
        language.set_language("en")  # translators are application-wide
        language.deleteLater()


def test_the_self_test_fails_without_qt_s_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that left qtbase_vi.qm out would show English file dialogs: its self-test says so."""
    import shutil

    from desktop.commands import selftest
    from desktop.commands.selftest import Status
    from desktop.gui import language

    shutil.copy(translations_dir() / "selfcheck_vi.qm", tmp_path)
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    check = selftest._translations()
    assert check.status == Status.FAIL
    assert "qtbase_vi.qm" in check.detail
    shutil.copy(translations_dir() / "qtbase_vi.qm", tmp_path)
    check = selftest._translations()
    assert check.status == Status.FAIL  # English would say "1 day(s)"
    assert "selfcheck_en.qm" in check.detail
    shutil.copy(translations_dir() / "selfcheck_en.qm", tmp_path)
    assert selftest._translations().status == Status.OK
