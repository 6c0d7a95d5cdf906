"""Making or editing a unit's roster in the app: a title and one row a person (staff id,
name, unit, programme). It is written as `roster.toml` with its keys file beside it, the
files `selfcheck roster`, `review` and `ssh-keygen -Y verify` read; keys already enrolled
are kept; below them, the policy packs the unit accepts (`[[packs]]`)."""

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review.roster import AcceptedPack, Staff, load_roster
from desktop.core.review.roster_file import save_roster
from desktop.gui.messages import describe, show_plain
from desktop.gui.session import Session

FIELDS = ("id", "name", "unit", "programme")
PACK_FIELDS = ("id", "signer", "min_version")


class RosterDialog(QDialog):
    saved = Signal(str)  # the roster file written

    def __init__(
        self, session: Session, path: str = "", parent: QWidget | None = None, *, new: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterDialog")
        self.session = session
        self.new = new  # a new roster never replaces a file already there
        self.resize(900, 520)
        self.file = QLineEdit(path or str(Path.home() / "review" / "roster.toml"))
        self.file.setObjectName("rosterPath")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._choose)
        self.title = QLineEdit()
        self.title.setObjectName("rosterTitle")
        self.table = QTableWidget(0, len(FIELDS))
        self.table.setObjectName("rosterStaff")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addStaff")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeStaff")
        self.remove_button.clicked.connect(self._remove)
        self.packs = QTableWidget(0, len(PACK_FIELDS))
        self.packs.setObjectName("rosterPacks")
        self.packs.setTabKeyNavigation(False)
        self.packs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.packs.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_in_use = QPushButton()
        self.add_in_use.setObjectName("addPackInUse")
        self.add_in_use.clicked.connect(self._add_pack_in_use)
        self.add_pack_button = QPushButton()
        self.add_pack_button.setObjectName("addPack")
        self.add_pack_button.clicked.connect(lambda: self.add_pack())
        self.remove_pack_button = QPushButton()
        self.remove_pack_button.setObjectName("removePack")
        self.remove_pack_button.clicked.connect(self._remove_packs)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("rosterMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.file_label, self.title_label = QLabel(), QLabel()
        line = QHBoxLayout()
        line.addWidget(self.file, 1)
        line.addWidget(self.browse)
        self.file_label.setBuddy(self.file)
        self.title_label.setBuddy(self.title)
        form.addRow(self.file_label, line)
        form.addRow(self.title_label, self.title)
        rows = QHBoxLayout()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.staff_label = QLabel()
        self.staff_label.setBuddy(self.table)
        layout.addWidget(self.staff_label)
        layout.addWidget(self.table, 2)
        layout.addLayout(rows)
        self.packs_label = QLabel(wordWrap=True)
        self.packs_label.setBuddy(self.packs)
        layout.addWidget(self.packs_label)
        layout.addWidget(self.packs, 1)
        pack_rows = QHBoxLayout()
        for button in (self.add_in_use, self.add_pack_button, self.remove_pack_button):
            pack_rows.addWidget(button)
        pack_rows.addStretch(1)
        layout.addLayout(pack_rows)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        if new:
            self.add_row()
        else:
            self._open_existing()

    def _open_existing(self) -> None:
        path = Path(self.file.text().strip())
        if not path.is_file():
            self.add_row()
            return
        try:
            roster = load_roster(path)
        except Exception as exc:  # an unreadable roster is shown, never overwritten blindly
            show_plain(self.message, describe(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        self.title.setText(roster.title or "")
        for staff in roster.staff.values():
            self.add_row(staff)
        for pack in roster.packs:
            self.add_pack(pack)
        if not roster.staff:
            self.add_row()

    def add_row(self, staff: Staff | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(FIELDS):
            value = getattr(staff, field) if staff is not None else None
            self.table.setItem(row, column, QTableWidgetItem(value or ""))
        self.table.setCurrentCell(row, 0)

    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def add_pack(self, pack: AcceptedPack | None = None) -> None:
        row = self.packs.rowCount()
        self.packs.insertRow(row)
        values = (pack.id, pack.signer, str(pack.min_version)) if pack else ("", "", "1")
        for column, value in enumerate(values):
            self.packs.setItem(row, column, QTableWidgetItem(value))
        self.packs.setCurrentCell(row, 0)

    def _add_pack_in_use(self) -> None:
        """The signed pack this computer assesses with, as the unit's to accept."""
        origin = self.session.policy.origin
        if (
            origin is None
            or not origin.signed
            or origin.pack is None
            or origin.signer is None
            or origin.version is None
        ):
            self.message.setText(
                self.tr("The policy in use on this computer is not a signed pack: nothing added.")
            )
            return
        self.add_pack(AcceptedPack(origin.pack, origin.signer, origin.version))

    def _remove_packs(self) -> None:
        for row in sorted({index.row() for index in self.packs.selectedIndexes()}, reverse=True):
            self.packs.removeRow(row)

    def accepted_packs(self) -> list[AcceptedPack] | None:
        """The pack rows typed, blank rows left out; None when a minimum version is not a
        whole number (said in the message line)."""
        out = []
        for row in range(self.packs.rowCount()):
            cells = [self.packs.item(row, c) for c in range(len(PACK_FIELDS))]
            values = [cell.text().strip() if cell is not None else "" for cell in cells]
            if not values[0] and not values[1]:
                continue
            if not values[2].isdigit():
                self.message.setText(
                    self.tr("%1: the minimum version must be a whole number.").replace(
                        "%1", values[0] or "?"
                    )
                )
                return None
            out.append(AcceptedPack(values[0], values[1], int(values[2])))
        return out

    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the roster as"), self.file.text(), "TOML (*.toml)"
        )
        if chosen:
            self.file.setText(chosen)

    def staff(self) -> list[Staff]:
        """The rows typed, blank rows left out."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(len(FIELDS))]
            values = [cell.text().strip() if cell is not None else "" for cell in cells]
            if any(values):
                out.append(Staff(values[0], *(v or None for v in values[1:])))
        return out

    def save(self) -> None:
        text = self.file.text().strip()
        path = Path(text).expanduser()
        if not text or not path.is_absolute() or path.is_dir():
            self.message.setText(self.tr("Choose where to save the roster (a .toml file)."))
            return
        if self.new and (path.exists() or path.is_symlink()):
            self.message.setText(
                self.tr("A file is already there: choose another name, or edit that roster.")
            )
            return
        staff = self.staff()
        programmes = self.session.policy.programmes
        for person in staff:
            if person.programme and person.programme not in programmes:
                self.message.setText(
                    self.tr("%1: the programme must be one of: %2.")
                    .replace("%1", person.id)
                    .replace("%2", ", ".join(sorted(programmes)))
                )
                return
        packs = self.accepted_packs()
        if packs is None:
            return
        try:
            save_roster(path, self.title.text(), staff, packs)
        except Exception as exc:  # a bad row or a folder that cannot be written: one line
            show_plain(self.message, describe(exc))
            return
        self.saved.emit(str(path))
        self.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SelfCheck: the unit's roster"))
        self.file_label.setText(self.tr("Roster &file:"))
        self.title_label.setText(self.tr("&Title:"))
        self.staff_label.setText(self.tr("&Staff (one row a person; the staff id is required):"))
        self.browse.setText(self.tr("Choose…"))
        self.add_button.setText(self.tr("&Add a person"))
        self.remove_button.setText(self.tr("&Remove the selected"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Staff id"), self.tr("Name"), self.tr("Unit"), self.tr("Programme")]
        )
        self.packs_label.setText(
            self.tr(
                "Acce&pted policy packs (none listed: the packs this computer trusts for each "
                "person's profile are accepted):"
            )
        )
        self.packs.setHorizontalHeaderLabels(
            [self.tr("Pack id"), self.tr("Signer key (SHA256:…)"), self.tr("Minimum version")]
        )
        self.add_in_use.setText(self.tr("Add the policy in &use here"))
        self.add_pack_button.setText(self.tr("Add a pac&k"))
        self.remove_pack_button.setText(self.tr("Remo&ve the selected pack"))
        header = self.table.horizontalHeaderItem(3)
        assert header is not None  # set just above
        header.setToolTip(
            self.tr("Optional: %1").replace("%1", ", ".join(sorted(self.session.policy.programmes)))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
