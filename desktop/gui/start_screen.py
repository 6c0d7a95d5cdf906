"""The start screen: begin an assessment, resume a draft, see the signed declarations."""

from pathlib import Path
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
    from desktop.core.records.reminder import Reminder
    from desktop.gui.session import Session


def escape(text: str) -> str:
    """Text for a rich-text label (html.escape, whose entity tables and 75 kB of source,
    read by PySide6's import hook, cost ~5 ms before the first paint)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteDraft")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.history_label = QLabel()
        self.history = QTreeWidget()
        self.history.setObjectName("historyList")
        self.history.setColumnCount(4)
        self.history.setRootIsDecorated(False)
        self.chain = QLabel(wordWrap=True)
        self.chain.setObjectName("chainStatus")
        self.due = QLabel(wordWrap=True)
        self.due.setObjectName("dueNotice")
        self.reminder_button = QPushButton()
        self.reminder_button.setObjectName("saveReminder")
        self.reminder_button.clicked.connect(lambda: self.save_reminder())
        self.history_button = QPushButton()
        self.history_button.setObjectName("openHistory")
        self.history_button.clicked.connect(self.open_history)
        self._reminder: Reminder | None = None
        # No Qt.AlignmentFlag and no item data roles here: PySide6 builds the whole `Qt`
        # namespace on first use (~22 ms), and this screen paints before anything else.
        self._draft_ids: list[str] = []  # by row of the draft list
        resume_column = QVBoxLayout()
        resume_column.addWidget(self.resume_button)
        resume_column.addWidget(self.delete_button)
        resume_column.addStretch(1)
        drafts_row = QHBoxLayout()
        drafts_row.addWidget(self.drafts, 1)
        drafts_row.addLayout(resume_column)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due, 1)
        due_row.addWidget(self.reminder_button)
        history_row = QHBoxLayout()
        history_row.addWidget(self.history_label, 1)
        history_row.addWidget(self.history_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.privacy)
        layout.addLayout(due_row)
        layout.addLayout(start_row)
        layout.addWidget(self.drafts_label)
        layout.addLayout(drafts_row)
        layout.addLayout(history_row)
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
        self.delete_button.setEnabled(False)
        self.history_button.setEnabled(
            self.session is not None and self.session.history is not None
        )
        self._show_due()
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
        from desktop.core.base.i18n import show_date, show_local_time  # not before the first paint

        programmes = self.session.policy.programmes
        language = self.session.language.language
        for draft_id, programme, saved_at in store.drafts():
            name = (
                programmes[programme].title.get(language) if programme in programmes else programme
            )
            self.drafts.addItem(QListWidgetItem(f"{name} · {show_local_time(saved_at)}"))
            self._draft_ids.append(draft_id)
        if self.drafts.count():
            self.drafts.setCurrentRow(0)
        self.resume_button.setEnabled(self.drafts.count() > 0)
        self.delete_button.setEnabled(self.drafts.count() > 0)
        report = store.verify_chain()
        declarations = store.declarations()
        if declarations:  # the verdicts' vocabulary: not loaded for a new official
            from desktop.gui.labels import verdict_label
        for declaration in declarations:
            name = (
                programmes[declaration.programme].title.get(language)
                if declaration.programme in programmes
                else declaration.programme
            )
            QTreeWidgetItem(
                self.history,
                [
                    str(declaration.seq),
                    show_date(declaration.issued_at),
                    name,
                    verdict_label(declaration.verdict),
                ],
            )
        for column in range(self.history.columnCount()):
            self.history.resizeColumnToContents(column)  # programme names run long
        if report.intact:
            self.chain.setText(
                self.tr("History intact: %n declaration(s).", "", report.declarations)
            )
        else:
            self.chain.setText(self.tr("History NOT intact:") + " " + "; ".join(report.problems))

    def _show_due(self) -> None:
        store = self.session.history if self.session is not None else None
        self._reminder = None
        if store is not None:
            # Imported here, not at the top: the start screen paints before the core loads.
            from datetime import date

            from desktop.core.records.reminder import upcoming

            summaries = []
            declarations = store.declarations()
            if declarations:  # none yet for a new official: no summary module to load
                from desktop.core.records import summary_codec as summary_json

                for declaration in declarations:
                    try:
                        summaries.append(summary_json.decode(declaration.summary))
                    except summary_json.SummaryError:
                        continue  # the chain status reports it
            self._reminder = upcoming(summaries, date.today())
        self.reminder_button.setVisible(self._reminder is not None)
        self.due.setVisible(self._reminder is not None)
        if self._reminder is None:
            self.due.setText("")
            return
        reminder, name = self._reminder, self._programme_name(self._reminder.due.programme)
        from desktop.core.base.i18n import show_date  # not before the first paint

        when = show_date(reminder.due.date)
        if reminder.first:
            text = self.tr("Nothing has been declared on this computer yet: %1 is due now.")
        elif reminder.overdue:
            text = self.tr("%1 was due on %2: %n day(s) overdue.", "", -reminder.days_left)
        elif reminder.days_left == 0:
            text = self.tr("%1 is due today (%2).")
        else:
            text = self.tr("Next: %1, due on %2 (in %n day(s)).", "", reminder.days_left)
        text = text.replace("%1", name).replace("%2", when)
        if reminder.due.follow_up:
            text += " " + self.tr("It checks that your last declaration's findings were fixed.")
        colour = "#b00020" if reminder.overdue or reminder.first else "#1b5e20"
        self.due.setText(f'<b style="color:{colour}">{escape(text)}</b>')

    def _programme_name(self, programme: str) -> str:
        assert self.session is not None
        known = self.session.policy.programmes.get(programme)
        return known.title.get(self.session.language.language) if known else programme

    def save_reminder(self, path: Path | None = None) -> Path | None:
        """Write the .ics for what is due; asks where unless `path` is given."""
        if self._reminder is None:
            return None
        from PySide6.QtWidgets import QFileDialog

        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save a calendar reminder"),
                str(Path.home() / f"selfcheck-{self._reminder.due.date.isoformat()}.ics"),
                self.tr("Calendar files (*.ics)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from desktop.core.base.atomic import write_atomic
        from desktop.core.records.reminder import calendar_file
        from desktop.gui.messages import describe, warn

        name = self._programme_name(self._reminder.due.programme)
        data = calendar_file(
            self._reminder,
            self.tr("SelfCheck: %1 due").replace("%1", name),
            self.tr(
                "Open SelfCheck, start a new assessment and choose “%1”. Nothing leaves your "
                "computer unless you hand the signed bundle in."
            ).replace("%1", name),
        )
        try:
            write_atomic(path, data, mode=0o644)
        except OSError as exc:
            warn(self, describe(exc))
            return None
        self.due.setToolTip(self.tr("Reminder saved: %1").replace("%1", str(path)))
        return path

    def open_history(self) -> None:
        if self.session is None or self.session.history is None:
            return
        try:  # the history window re-exports declarations: the policy parsed now
            if self.session.settle_policy():
                self.refresh()
        except Exception:  # the main window says why (MainWindow._settled)
            return
        from desktop.gui.history_window import HistoryWindow

        window = HistoryWindow(self.session, self)
        window.show()

    def _resume_item(self, item: QListWidgetItem) -> None:
        self.resume.emit(self._draft_ids[self.drafts.row(item)])

    def _resume_selected(self) -> None:
        item = self.drafts.currentItem()
        if item is not None:
            self._resume_item(item)

    def delete_selected(self, confirm: bool = True) -> bool:
        """Delete the selected draft for good, once the person said yes."""
        row = self.drafts.currentRow()
        store = self.session.history if self.session is not None else None
        if store is None or not 0 <= row < len(self._draft_ids):
            return False
        if confirm:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                self.tr("Delete the draft"),
                self.tr("Delete the draft “%1”? What it holds cannot be recovered.").replace(
                    "%1", self.drafts.currentItem().text()
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,  # Enter keeps the draft
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        store.delete_draft(self._draft_ids[row])
        self.refresh()
        return True

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
        self.drafts.setAccessibleName(self.tr("Drafts"))
        self.history.setAccessibleName(self.tr("Signed declarations"))
        self.resume_button.setText(self.tr("&Resume"))
        self.delete_button.setText(self.tr("&Delete draft…"))
        self.history_label.setText("<b>" + escape(self.tr("Signed declarations")) + "</b>")
        self.reminder_button.setText(self.tr("Save a calendar &reminder…"))
        self.history_button.setText(self.tr("&History…"))
        self.history.setHeaderLabels(
            ["#", self.tr("Date"), self.tr("Programme"), self.tr("Verdict")]
        )
        self.refresh()
