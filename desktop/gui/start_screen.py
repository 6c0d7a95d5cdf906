"""The start screen: begin an assessment, resume a draft, see the signed declarations."""

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__

if TYPE_CHECKING:
    from desktop.gui.session import Session


class StartScreen(QWidget):
    new_assessment = Signal()
    resume = Signal(str)  # draft id

    def __init__(self, session: "Session | None", parent: QWidget | None = None) -> None:
        """`session` is None while the checklists and the history are still being opened
        (see MainWindow): the screen paints at once and fills in on `attach`."""
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.session = session
        self.title = QLabel()
        self.title.setObjectName("startTitle")
        self.privacy = QLabel(wordWrap=True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("newAssessment")
        self.start_button.clicked.connect(self.new_assessment)
        self.drafts_label = QLabel()
        self.drafts = QListWidget()
        self.drafts.setObjectName("draftList")
        self.drafts.itemActivated.connect(self._resume_item)
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resumeDraft")
        self.resume_button.clicked.connect(self._resume_selected)
        self.history_label = QLabel()
        self.history = QTreeWidget()
        self.history.setObjectName("historyList")
        self.history.setColumnCount(4)
        self.history.setRootIsDecorated(False)
        self.chain = QLabel(wordWrap=True)
        self.chain.setObjectName("chainStatus")
        # No Qt.AlignmentFlag and no item data roles here: PySide6 builds the whole `Qt`
        # namespace on first use (~22 ms), and this screen paints before anything else.
        self._draft_ids: list[str] = []  # by row of the draft list
        resume_column = QVBoxLayout()
        resume_column.addWidget(self.resume_button)
        resume_column.addStretch(1)
        drafts_row = QHBoxLayout()
        drafts_row.addWidget(self.drafts, 1)
        drafts_row.addLayout(resume_column)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.privacy)
        layout.addLayout(start_row)
        layout.addWidget(self.drafts_label)
        layout.addLayout(drafts_row)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.chain)
        self.retranslate()

    def attach(self, session: "Session") -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        self.drafts.clear()
        self._draft_ids.clear()
        self.history.clear()
        ready = self.session is not None
        self.start_button.setEnabled(ready)
        self.resume_button.setEnabled(False)
        if self.session is None:
            self.chain.setText(self.tr("Opening the checklists and the history…"))
            return
        store = self.session.history
        if store is None:
            self.chain.setText(
                self.tr(
                    "The local history could not be opened (see the "
                    "message shown at start): nothing in it is shown."
                )
            )
            return
        programmes = self.session.policy.programmes
        language = self.session.language.language
        for draft_id, programme, saved_at in store.drafts():
            name = (
                programmes[programme].title.get(language) if programme in programmes else programme
            )
            self.drafts.addItem(QListWidgetItem(f"{name} · {saved_at[:16].replace('T', ' ')}"))
            self._draft_ids.append(draft_id)
        if self.drafts.count():
            self.drafts.setCurrentRow(0)
        self.resume_button.setEnabled(self.drafts.count() > 0)
        report = store.verify_chain()
        verdicts = {
            "compliant": self.tr("compliant"),
            "action-required": self.tr("action required"),
        }
        for declaration in store.declarations():
            name = (
                programmes[declaration.programme].title.get(language)
                if declaration.programme in programmes
                else declaration.programme
            )
            QTreeWidgetItem(
                self.history,
                [
                    str(declaration.seq),
                    declaration.issued_at[:10],
                    name,
                    verdicts.get(declaration.verdict, declaration.verdict),
                ],
            )
        if report.intact:
            self.chain.setText(
                self.tr("History intact: %n declaration(s).", "", report.declarations)
            )
        else:
            self.chain.setText(self.tr("History NOT intact:") + " " + "; ".join(report.problems))

    def _resume_item(self, item: QListWidgetItem) -> None:
        self.resume.emit(self._draft_ids[self.drafts.row(item)])

    def _resume_selected(self) -> None:
        item = self.drafts.currentItem()
        if item is not None:
            self._resume_item(item)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(
            "<h1>" + escape(self.tr("SelfCheck %1").replace("%1", __version__)) + "</h1>"
        )
        self.privacy.setText(
            self.tr(
                "Check the security and conduct settings of your social-network accounts against "
                "the codes of conduct, and sign a summary. Nothing leaves this computer unless you "
                "export it; passwords are never stored."
            )
        )
        self.start_button.setText(self.tr("&Start a new assessment"))
        self.drafts_label.setText("<b>" + escape(self.tr("Drafts")) + "</b>")
        self.resume_button.setText(self.tr("&Resume"))
        self.history_label.setText("<b>" + escape(self.tr("Signed declarations")) + "</b>")
        self.history.setHeaderLabels(
            ["#", self.tr("Date"), self.tr("Programme"), self.tr("Verdict")]
        )
        self.refresh()
