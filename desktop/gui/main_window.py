"""The main window. Until the wizard exists it shows the loaded checklists, programme by
programme, with each item's question, help and legal basis."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import Language
from desktop.core.model import Category
from desktop.core.policy import Item, ItemKind, Policy
from desktop.gui.labels import category_label
from desktop.gui.language import LanguageSwitch
from desktop.gui.policy_view import item_html

_LANGUAGES: tuple[tuple[Language, str], ...] = (("vi", "Tiếng Việt"), ("en", "English"))


class MainWindow(QMainWindow):
    def __init__(self, policy: Policy, language: LanguageSwitch) -> None:
        super().__init__()
        self.policy = policy
        self.language = language
        self.setObjectName("mainWindow")
        self.resize(1000, 680)

        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.language_label = QLabel()
        self.language_label.setObjectName("languageLabel")
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code, name in _LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_label.setBuddy(self.language_box)
        self.language_box.currentIndexChanged.connect(self._language_chosen)

        self.programmes = QListWidget()
        self.programmes.setObjectName("programmeList")
        self.programmes.setWordWrap(True)
        self.programmes.currentRowChanged.connect(self._show_programme)
        self.items = QTreeWidget()
        self.items.setObjectName("itemTree")
        self.items.setHeaderHidden(True)
        self.items.currentItemChanged.connect(self._show_item)
        self.details = QTextBrowser()
        self.details.setObjectName("itemDetails")
        self.details.setOpenExternalLinks(False)

        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.programmes)
        split.addWidget(self.items)
        split.addWidget(self.details)
        split.setSizes([230, 400, 370])
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setCentralWidget(body)

        language.changed.connect(lambda _code: self.retranslate())
        self.retranslate()
        self.programmes.setCurrentRow(0)

    # -- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self, index: int) -> None:
        code = self.language_box.itemData(index)
        if code != self.language.language:
            self.language.set_language(code)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SelfCheck: social-network account self-assessment"))
        self.intro.setText(
            self.tr(
                "Everything stays on this computer. Passwords are measured here and never "
                "stored. Choose a programme to see what it checks."
            )
        )
        self.language_label.setText(self.tr("&Language:"))
        index = self.language_box.findData(self.language.language)
        if index != self.language_box.currentIndex():
            self.language_box.setCurrentIndex(index)
        row = max(self.programmes.currentRow(), 0)
        selected = self._selected_item_id()
        self.programmes.blockSignals(True)
        self.programmes.clear()
        for programme in self.policy.programmes.values():
            entry = QListWidgetItem(programme.title.get(self.language.language))
            entry.setToolTip(programme.description.get(self.language.language))
            self.programmes.addItem(entry)
        self.programmes.setCurrentRow(row)
        self.programmes.blockSignals(False)
        self._show_programme(row)
        self._select_item(selected)
        self.statusBar().showMessage(
            self.tr("Items loaded from the checklists: %n", "", len(self.policy.items))
            + " · "
            + ", ".join(f"{f.id} {f.version}" for f in self.policy.files[:3])
            + ("…" if len(self.policy.files) > 3 else "")
        )

    # -- content --------------------------------------------------------------------------

    def _show_programme(self, row: int) -> None:
        if row < 0:
            return
        language = self.language.language
        programme = list(self.policy.programmes.values())[row]
        groups = {
            ItemKind.ACCOUNT: self.tr("For each account"),
            ItemKind.PLEDGE: self.tr("Pledges"),
            ItemKind.PROGRAMME: self.tr("Programme items"),
        }
        self.items.clear()
        for kind, heading in groups.items():
            parent = QTreeWidgetItem(self.items, [heading])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for item in self.policy.items.values():
                if item.kind == kind and programme.id in item.programmes:
                    child = QTreeWidgetItem(parent, [item.title.get(language)])
                    child.setToolTip(0, item.title.get(language))
                    child.setData(0, Qt.ItemDataRole.UserRole, item.id)
            parent.setExpanded(True)
        self.details.setHtml(
            f"<h2>{programme.title.get(language)}</h2><p>{programme.description.get(language)}</p>"
        )

    def _selected_item_id(self) -> str | None:
        current = self.items.currentItem()
        return current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None

    def _select_item(self, item_id: str | None) -> None:
        """Keep the reader's place when the language changes."""
        if item_id is None:
            return
        iterator = QTreeWidgetItemIterator(self.items)
        while (entry := iterator.value()) is not None:
            if entry.data(0, Qt.ItemDataRole.UserRole) == item_id:
                self.items.setCurrentItem(entry)
                return
            iterator += 1

    def _show_item(self, current: QTreeWidgetItem | None) -> None:
        item_id = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        if item_id is None:
            return
        item: Item = self.policy.items[item_id]
        labels = {
            "question": self.tr("Question"),
            "help": self.tr("Why and how"),
            "basis": self.tr("Legal basis"),
            "fix": self.tr("How to fix"),
            "who": self.tr("Applies to"),
        }
        categories = ", ".join(
            category_label(c) for c in Category if item.categories is None or c in item.categories
        )
        self.details.setHtml(
            item_html(self.policy, item, self.language.language, labels, categories)
        )
