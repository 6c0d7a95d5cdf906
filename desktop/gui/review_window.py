"""The reviewer's window: a folder of bundles checked against the unit's roster.

The review runs as a background task (a unit's folder can hold thousands of bundles) and
relays its progress to the GUI thread, as the exports write theirs; the rows are filtered
here, the export and the reviewer's memory of accepted declarations are the core's.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assessment.findings import VerdictKind
from desktop.core.base.atomic import write_atomic
from desktop.core.review.desk import load_desk
from desktop.core.review.roster import load_accepted, load_roster, save_accepted
from desktop.core.review.rows import POLICY_NOT_ACCEPTED_VERDICT
from desktop.core.review.scan import Report, Row, csv_bytes, review, to_accept
from desktop.gui import review_table
from desktop.gui.labels import verdict_label
from desktop.gui.messages import describe, show_plain
from desktop.gui.review_actions import ReviewerActions
from desktop.gui.screen_fit import fit_columns
from desktop.gui.session import Session
from desktop.gui.tasks import Outcome, relay, run_task


class ReviewWindow(ReviewerActions):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.session = session
        self.resize(1000, 560)  # fits a 1024x600 screen
        self.report: Report | None = None
        self.saving = False  # an export is being written
        self.reviewed_roster = Path()
        self.desk = load_desk(session.home)  # the roster and folder used last time
        self.roster = QLineEdit(self.desk.roster)
        self.roster.setObjectName("rosterFile")
        self.folder = QLineEdit(self.desk.folder)
        self.folder.setObjectName("bundleFolder")
        self.browse_roster = QPushButton()
        self.browse_roster.clicked.connect(self._choose_roster)
        self.new_roster = QPushButton()
        self.new_roster.setObjectName("newRoster")
        self.new_roster.clicked.connect(lambda: self.edit_roster(new=True))
        self.edit_roster_button = QPushButton()
        self.edit_roster_button.setObjectName("editRoster")
        self.edit_roster_button.clicked.connect(lambda: self.edit_roster(new=False))
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("enrolKey")
        self.enrol_button.clicked.connect(self.enrol)
        self.browse_folder = QPushButton()
        self.browse_folder.clicked.connect(self._choose_folder)
        self.run_button = QPushButton()
        self.run_button.setObjectName("runReview")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.progress = QProgressBar()
        self.progress.setObjectName("reviewProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("reviewStatus")
        self.unit = QComboBox()
        self.unit.setObjectName("filterUnit")
        self.verdict = QComboBox()
        self.verdict.setObjectName("filterVerdict")
        self.problems_only = QCheckBox()
        self.problems_only.setObjectName("filterProblems")
        for control in (self.unit, self.verdict):
            control.currentIndexChanged.connect(self._show)
        self.problems_only.toggled.connect(self._show)
        self.rows = QTreeWidget()
        self.rows.setObjectName("reviewRows")
        self.rows.setColumnCount(8)
        self.rows.setRootIsDecorated(False)
        self.rows.itemActivated.connect(lambda _item, _column: self.show_findings())
        self.rows.currentItemChanged.connect(lambda *_: self._enable())
        self.export_csv = QPushButton()
        self.export_csv.setObjectName("exportCsv")
        self.export_csv.clicked.connect(lambda: self.save_csv())
        self.export_pdf = QPushButton()
        self.export_pdf.setObjectName("exportUnitPdf")
        self.export_pdf.clicked.connect(lambda: self.save_pdf())
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("acceptSound")
        self.accept_button.clicked.connect(self.accept_sound)
        self.countersign_button = QPushButton()
        self.countersign_button.setObjectName("countersign")
        self.countersign_button.clicked.connect(self.countersign)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)

        form = QFormLayout()
        self.roster_label, self.folder_label = QLabel(), QLabel()
        for label, edit, choices in (
            (
                self.roster_label,
                self.roster,
                (self.browse_roster, self.new_roster, self.edit_roster_button, self.enrol_button),
            ),
            (self.folder_label, self.folder, (self.browse_folder,)),
        ):
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            for choice in choices:
                line.addWidget(choice)
            label.setBuddy(edit)
            form.addRow(label, line)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        filters = QHBoxLayout()
        self.filter_label = QLabel()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.unit, 1)
        filters.addWidget(self.verdict, 1)
        filters.addWidget(self.problems_only)
        buttons = QHBoxLayout()
        for button in (
            self.export_csv,
            self.export_pdf,
            self.accept_button,
            self.countersign_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addLayout(filters)
        layout.addWidget(self.rows, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._enable()

    # -- running ------------------------------------------------------------------------------

    def _choose_roster(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The unit's roster"), self.roster.text(), "TOML (*.toml)"
        )
        if chosen:
            self.roster.setText(chosen)
            self._remember()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("The folder of bundles"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            self._remember()

    def run(self) -> None:
        roster, folder = Path(self.roster.text().strip()), Path(self.folder.text().strip())
        if not roster.is_file() or not folder.is_dir():
            self.status.setText(self.tr("Choose the roster file and the folder of bundles."))
            return
        self.run_button.setEnabled(False)
        self.report = None  # nothing is exported or accepted while a new review runs
        self.reviewed_roster = roster
        self._remember()
        self._show()
        self.progress.show()
        self.status.setText(self.tr("Checking…"))
        tell = relay(self._progressed, receiver=self)
        today = date.today()

        def work() -> Report:
            opened = load_roster(roster)
            return review(
                folder,
                opened,
                load_accepted(opened),
                today,
                lambda n, _path: tell(n) if n % 25 == 0 else None,  # a bar, not a flood
            )

        run_task(work, self._reviewed, receiver=self)

    def _progressed(self, count: int) -> None:
        self.status.setText(self.tr("Checking… %n file(s)", "", count))

    def _reviewed(self, outcome: Outcome[Report]) -> None:
        if outcome.error is not None:  # a roster that cannot be read, a folder that went away
            self._failed(outcome.error)
        else:
            self._finished(outcome.get())

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.run_button.setEnabled(True)
        show_plain(self.status, describe(exc))

    def _finished(self, report: Report) -> None:
        self.progress.hide()
        self.run_button.setEnabled(True)
        self.report = report
        settled = sum(1 for r in report.rows if review_table.settled(r))
        self.status.setText(
            self.tr(
                "Files checked: %1 · people: %2 · compliant without problems: %3 · "
                "to follow up: %4 · files unusable: %5."
            )
            .replace("%1", str(report.bundles))
            .replace("%2", str(len(report.rows)))
            .replace("%3", str(settled))
            .replace("%4", str(len(report.rows) - settled))
            .replace("%5", str(len(report.unreadable)))
        )
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), "")
        for unit in sorted({r.unit for r in report.rows if r.unit}):
            self.unit.addItem(unit, unit)
        self.unit.setCurrentIndex(max(self.unit.findData(current or ""), 0))
        self.unit.blockSignals(False)
        self._show()

    # -- showing ------------------------------------------------------------------------------

    def _wanted(self, row: Row) -> bool:
        unit, verdict = self.unit.currentData(), self.verdict.currentData()
        if unit and row.unit != unit:
            return False
        if verdict and (row.latest is None or row.latest.shown_verdict != verdict):
            return False
        return not self.problems_only.isChecked() or review_table.needs_attention(row)

    def _show(self) -> None:
        self.rows.clear()
        self._enable()
        if self.report is not None:
            language = self.session.language.language
            review_table.fill(self.rows, self.report, self._wanted, language)

    def _enable(self) -> None:
        ready = self.report is not None and not self.saving
        for button in (self.export_csv, self.export_pdf, self.accept_button):
            button.setEnabled(ready)
        self.countersign_button.setEnabled(ready and self.current_row() is not None)

    # -- exporting ----------------------------------------------------------------------------

    def save_csv(self, path: Path | None = None) -> None:
        report = self.report
        if report is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the table"),
                str(Path.home() / f"review-{date.today().isoformat()}.csv"),
                "CSV (*.csv)",
            )
            if not chosen:
                return
            path = Path(chosen)
        self._write(path, lambda: csv_bytes(report))

    def save_pdf(self, path: Path | None = None) -> None:
        report = self.report
        if report is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the unit report"),
                str(Path.home() / f"review-{date.today().isoformat()}.pdf"),
                "PDF (*.pdf)",
            )
            if not chosen:
                return
            path = Path(chosen)
        from desktop.report.unit import unit_pdf

        policy, language = self.session.policy, self.session.language.language
        self._write(path, lambda: unit_pdf(report, policy, language, date.today()))

    def _write(self, path: Path, make: Callable[[], bytes]) -> None:
        """Make the file's bytes and write them as a task: a PDF takes a while to lay out,
        and the write waits for the disk."""

        def work() -> Path:
            write_atomic(path, make())
            return path

        self.saving = True
        self._enable()
        run_task(work, self._written, receiver=self)

    def _written(self, outcome: Outcome[Path]) -> None:
        self.saving = False
        self._enable()
        if isinstance(outcome.error, OSError):
            show_plain(self.status, describe(outcome.error))
            return
        path = outcome.get()  # anything else is a fault: the crash report tells it
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

    def accept_sound(self) -> None:
        """Remember each sound latest declaration: a history rewritten later is caught."""
        if self.report is None:
            return
        try:
            roster = load_roster(self.reviewed_roster)  # the roster this report was made with
            accepted = load_accepted(roster)
            taken = to_accept(self.report, accepted)  # never older than accepted before
            accepted.update(taken)
            save_accepted(roster, accepted)
        except Exception as exc:  # the roster moved or became unreadable since the review
            show_plain(self.status, describe(exc))
            return
        self.status.setText(
            self.tr("Accepted: the latest declaration of %1 people.").replace("%1", str(len(taken)))
        )

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SelfCheck: review a unit's declarations"))
        self.rows.setAccessibleName(self.tr("Declarations in the folder"))
        self.roster_label.setText(self.tr("&Roster:"))
        self.folder_label.setText(self.tr("&Folder of bundles:"))
        self.browse_roster.setText(self.tr("Choose…"))
        self.browse_folder.setText(self.tr("Choose…"))
        self.run_button.setText(self.tr("&Check the folder"))
        self.filter_label.setText(self.tr("Show:"))
        self.problems_only.setText(self.tr("Only those to follow up"))
        current = self.verdict.currentIndex()
        self.verdict.blockSignals(True)
        self.verdict.clear()
        self.verdict.addItem(self.tr("Any verdict"), "")
        for verdict in (*(kind.value for kind in VerdictKind), POLICY_NOT_ACCEPTED_VERDICT):
            self.verdict.addItem(verdict_label(verdict), verdict)
        self.verdict.setCurrentIndex(max(current, 0))
        self.verdict.blockSignals(False)
        if self.unit.count() == 0:
            self.unit.addItem(self.tr("All units"), "")
        else:
            self.unit.setItemText(0, self.tr("All units"))
        self.rows.setHeaderLabels(review_table.headers())
        fit_columns(self.rows)  # no heading cut off, even before a review
        self.export_csv.setText(self.tr("Export &CSV…"))
        self.export_pdf.setText(self.tr("Export &PDF report…"))
        self.accept_button.setText(self.tr("&Accept the sound declarations"))
        self.countersign_button.setText(self.tr("Countersi&gn…"))
        self.new_roster.setText(self.tr("&New…"))
        self.edit_roster_button.setText(self.tr("Edi&t…"))
        self.enrol_button.setText(self.tr("Enrol a &key…"))
        self.close_button.setText(self.tr("Close"))
