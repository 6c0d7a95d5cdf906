"""What the reviewer does from the review window besides checking a folder: make or edit
the roster, enrol a key, open a declaration's findings, countersign it; and the window's
memory of the roster and folder it used last (desktop/core/review/desk.py)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTreeWidget

from desktop.core.review.desk import Desk, save_desk
from desktop.core.review.roster import load_roster
from desktop.core.review.scan import Report, Row
from desktop.gui import review_table
from desktop.gui.messages import describe, show_plain
from desktop.gui.session import Session


class ReviewerActions(QDialog):
    """Mixed into ReviewWindow, which makes these widgets. Its texts name their context:
    `self.tr` would look them up under the subclass's name."""

    session: Session
    desk: Desk
    roster: QLineEdit
    folder: QLineEdit
    status: QLabel
    report: Report | None
    reviewed_roster: Path
    rows: QTreeWidget

    def current_row(self) -> Row | None:
        """The person's row selected, if their latest declaration was handed in."""
        item = self.rows.currentItem()
        staff_id = item.data(0, review_table.ROW_ROLE) if item is not None else None
        if self.report is None or not staff_id:
            return None
        for row in self.report.rows:
            if row.staff_id == staff_id and row.latest is not None:
                return row
        return None

    def _remember(self) -> None:
        """The roster and folder in the fields, for the next time the window opens."""
        desk = Desk(self.roster.text().strip(), self.folder.text().strip(), self.desk.reviewer)
        self._keep(desk)

    def _keep(self, desk: Desk) -> None:
        if desk == self.desk:
            return
        try:
            save_desk(self.session.home, desk)
        except OSError as exc:  # the window still works; it only forgets
            show_plain(self.status, describe(exc))
        self.desk = desk

    def edit_roster(self, *, new: bool) -> None:
        from desktop.gui.roster_dialog import RosterDialog

        current = self.roster.text().strip()
        if new:  # beside the current roster, if there is one
            folder = Path(current).parent if current else Path.home() / "review"
            current = str(folder / "roster.toml")
        dialog = RosterDialog(self.session, current, self, new=new)
        dialog.saved.connect(self._roster_saved)
        dialog.open()

    def _roster_saved(self, path: str) -> None:
        self.roster.setText(path)
        self._remember()
        self.status.setText(
            QCoreApplication.translate("ReviewerActions", "Roster saved: %1").replace("%1", path)
        )

    def enrol(self) -> None:
        from desktop.gui.enrol_dialog import EnrolDialog

        path = Path(self.roster.text().strip())
        if not path.is_file():
            self.status.setText(
                QCoreApplication.translate("ReviewerActions", "Choose or create the roster first.")
            )
            return
        dialog = EnrolDialog(path, self)
        dialog.open()

    def show_findings(self) -> None:
        """The findings of the selected person's latest declaration (double-click, Enter)."""
        from desktop.gui.findings_dialog import FindingsDialog

        row = self.current_row()
        if row is None or row.latest is None:
            return
        try:
            roster = load_roster(self.reviewed_roster)
        except Exception as exc:  # the roster moved or changed since the review
            show_plain(self.status, describe(exc))
            return
        dialog = FindingsDialog(self.session, roster, row.latest.path, self)
        dialog.open()

    def countersign(self) -> None:
        from desktop.gui.countersign_dialog import CountersignDialog

        row = self.current_row()
        if row is None or row.latest is None:
            return
        dialog = CountersignDialog(
            self.session, self.reviewed_roster, row.latest.path, self.desk.reviewer, self
        )
        dialog.countersigned.connect(
            lambda written: self._countersigned(dialog.reviewer.text().strip(), written)
        )
        dialog.open()

    def _countersigned(self, reviewer: str, written: str) -> None:
        self._keep(Desk(self.desk.roster, self.desk.folder, reviewer))
        self.status.setText(
            QCoreApplication.translate("ReviewerActions", "Countersigned: %1").replace(
                "%1", written
            )
        )
