"""What a person would see wrong on a screen, read from the widgets: a window past the
screen's edge, a button out of sight, a heading or a label cut off, English left in the
Vietnamese interface, an HTML entity or "(s)" shown as text, a date not as dd/mm/yyyy.

Each function returns the problems it finds, as short lines to print; the tests assert
there are none (tests/test_gui_layout.py, tests/test_gui.py) and scripts/walk.py prints
them for every page of its walk."""

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

from desktop.gui.language import translations_dir

TS = translations_dir() / "selfcheck_vi.ts"

# Words of the app's English (and of Qt's own buttons) that no Vietnamese sentence holds;
# capitalised ones as they start a button or a heading. Not "to" or "No": Vietnamese words.
ENGLISH_WORDS = re.compile(
    r"\b(?:the|and|of|your|you|with|for|this|that|not|is|are|was|has|have|"
    r"Next|Back|Cancel|OK|Yes|Save|Open|Close|Done|Browse|Sign|Signed|Apply|Help|Account|"
    r"Password|Passphrase|Programme|Review|Pledges|Folder|File name|Size|Date Modified)\b"
)
ENTITY = re.compile(r"&(?:#x?[0-9a-fA-F]+|[a-zA-Z]+);")
COUNT_WITH_S = re.compile(r"\w\(s\)")
ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 (?:days|items|accounts|certificates|steps|declarations)\b")
# An ISO date as text (not inside a file or folder name, which may hold one on purpose).
ISO_DATE = re.compile(r"(?<![\w/.\\-])\d{4}-\d{2}-\d{2}(?![\w.-])")


def in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def in_sight(widget: QWidget, window: QWidget) -> bool:
    """Shown whole inside the window, without scrolling."""
    if not widget.isVisible() or widget.visibleRegion().boundingRect() != widget.rect():
        return False
    corner = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(corner, widget.size()))


def misfits(window: QWidget, area: QRect) -> list[str]:
    """The window inside the area; every button outside a scrolling area whole and in
    sight; every column at least as wide as its heading."""
    QApplication.processEvents()
    name = window.objectName()
    found = []
    if not area.contains(window.frameGeometry()):
        found.append(f"{name}: window {window.frameGeometry()} outside the screen's {area}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or in_scroll_area(button, window):
            continue
        label = button.objectName() or button.text()
        if button.visibleRegion().boundingRect() != button.rect():
            found.append(f"{name}: button {label!r} partly hidden")
        where = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
        if not area.contains(where):
            found.append(f"{name}: button {label!r} at {where} outside the screen's {area}")
    views = [
        *((t, t.header()) for t in window.findChildren(QTreeView)),
        *((t, t.horizontalHeader()) for t in window.findChildren(QTableView)),
    ]
    for view, header in views:
        if not view.isVisibleTo(window) or header.isHidden():
            continue
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            shown = header.sectionSize(column)
            if column == header.count() - 1 and header.stretchLastSection():
                shown = max(shown, header.width() - header.sectionPosition(column))
            if shown < header.sectionSizeHint(column):
                found.append(f"{name}: heading {column} of {view.objectName()!r} cut off")
    return found


def clipped(root: QWidget) -> list[str]:
    """Labels and buttons whose text does not fit the room they were given: a one-line
    text wider than its widget, a wrapped one taller."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(
                        f"label {_said(widget.text())!r}: {widget.height()}px tall, needs {needed}"
                    )
            elif widget.sizeHint().width() > widget.width() + 1:
                found.append(
                    f"label {_said(widget.text())!r}: {widget.width()}px wide, "
                    f"needs {widget.sizeHint().width()}"
                )
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            room = _combo_text_room(widget)
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if needed > room + 1:
                found.append(f"choice {_said(widget.currentText())!r}: {room}px, needs {needed}")
        elif (
            isinstance(widget, QPushButton | QCheckBox | QRadioButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + 1
        ):
            found.append(
                f"button {_said(widget.text())!r}: {widget.width()}px wide, "
                f"needs {widget.sizeHint().width()}"
            )
    return found


def _combo_text_room(combo: QComboBox) -> int:
    """The width a combo box has for its current text (its frame and arrow left out)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def _said(text: str) -> str:
    return plain(text)[:60]


def plain(text: str) -> str:
    """The text as it reads on screen: rich text rendered, accelerators' & gone."""
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def english_sources() -> set[str]:
    """The app's English strings that Vietnamese translates (without accelerators)."""
    tree = ET.parse(TS)  # noqa: S314 (our own file)
    sources = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text if translation is not None else ""
        if translation is not None and message.get("numerus") == "yes":
            text = translation.findtext("numerusform")
        if text != source:
            sources.add(source.replace("&", ""))
    return sources


def visible_texts(root: QWidget) -> list[str]:
    """The texts of the labels, buttons, group boxes and placeholders shown."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QCheckBox):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    return [t.replace("&", "") for t in texts if t]


def shown_texts(root: QWidget) -> list[str]:
    """Everything a person reads in the window: `visible_texts` as rendered, and the
    window's title, the lists' rows, the tables' headings, the combo boxes' choices."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(plain(widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append(plain(widget.title()))
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QListWidget):
            texts += [widget.item(row).text() for row in range(widget.count())]
        if isinstance(widget, QTreeView | QTableView):
            model = widget.model()
            across = Qt.Orientation.Horizontal
            texts += [str(model.headerData(c, across) or "") for c in range(model.columnCount())]
    return [t for t in texts if t]


def wording_problems(texts: list[str], language: str) -> list[str]:
    """English in Vietnamese; in either language, an HTML entity, "(s)", "1 days", an
    ISO date."""
    found = []
    english = english_sources() if language == "vi" else set()
    for text in texts:
        line = text.replace("\n", " ")[:80]
        if language == "vi":
            if text in english:
                found.append(f"untranslated: {line!r}")
            elif (word := ENGLISH_WORDS.search(text)) is not None:
                found.append(f"English word {word.group()!r}: {line!r}")
        for pattern, what in (
            (ENTITY, "HTML entity"),
            (COUNT_WITH_S, "'(s)' count"),
            (ONE_PLURAL, "plural after 1"),
            (ISO_DATE, "date not dd/mm/yyyy"),
        ):
            if (match := pattern.search(text)) is not None:
                found.append(f"{what} {match.group()!r}: {line!r}")
    return found
