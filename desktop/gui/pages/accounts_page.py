"""Step 3: the inventory of accounts the person holds or administers."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.assessment.flow import Step
from desktop.core.base.i18n import Language
from desktop.core.policy.audience import AccountKind
from desktop.core.policy.checks import INVENTORY_NONE_HELD
from desktop.core.policy.model import Policy
from desktop.gui.carried import CarriedNote
from desktop.gui.pages.base import WizardPage
from desktop.gui.session import Session

TEXT = ("handle", "display_name", "registration_email", "recovery_email", "phone")
# The office details a profile shows are asked once, on the account's own page (its item
# on the agency's logo, address and phone); older drafts recorded them here, as flags,
# and an edit lets the page ask instead.
FLAGS = ("office_phone_on_profile", "office_address_on_profile", "official_logo_on_profile")


def kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if kind == AccountKind.OFFICIAL_PAGE:
        return QCoreApplication.translate("labels", "Official page I administer")
    return QCoreApplication.translate("labels", "Personal account")


class AccountDialog(QDialog):
    """Add or edit one account; only what the person types is kept."""

    def __init__(
        self,
        policy: Policy,
        account: dict[str, Any],
        parent: QWidget | None,
        language: Language = "vi",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("Account"))
        self.platform = QComboBox()
        self.platform.setObjectName("account-platform")
        for platform in policy.platforms.values():
            self.platform.addItem(platform.name.get(language), platform.id)
        self.kind = QComboBox()
        self.kind.setObjectName("account-kind")
        for kind in AccountKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.edits = {name: QLineEdit() for name in TEXT}
        for name, edit in self.edits.items():
            edit.setObjectName(f"account-{name}")
            edit.setText(str(account.get(name) or ""))
        self.platform.setCurrentIndex(max(self.platform.findData(account.get("platform")), 0))
        self.kind.setCurrentIndex(max(self.kind.findData(account.get("kind")), 0))
        form = QFormLayout(self)
        form.addRow(self.tr("&Platform:"), self.platform)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Handle or address:"), self.edits["handle"])
        form.addRow(self.tr("&Display name:"), self.edits["display_name"])
        form.addRow(self.tr("&Registration e-mail:"), self.edits["registration_email"])
        form.addRow(self.tr("Re&covery e-mail:"), self.edits["recovery_email"])
        form.addRow(self.tr("Phone that &authenticates it:"), self.edits["phone"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("accountButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.edits["handle"].textChanged.connect(
            lambda text: self.ok.setEnabled(bool(text.strip()))
        )
        self.ok.setEnabled(bool(self.edits["handle"].text().strip()))
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "platform": self.platform.currentData(),
            "kind": self.kind.currentData(),
        }
        for name, edit in self.edits.items():
            if edit.text().strip():
                out[name] = edit.text().strip()
        return out


class AccountsPage(WizardPage):
    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        self.intro = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("accountTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.edit_selected())  # Enter or double-click
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAccount")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editAccount")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeAccount")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        # An empty list passes only by the person's own word (never a silent all-clear).
        self.holds_none = QCheckBox()
        self.holds_none.setObjectName("holdsNoAccounts")
        self.holds_none.toggled.connect(self._holds_none)
        self.content.addWidget(self.intro)
        self.content.addWidget(self.table, 1)
        self.content.addLayout(row)
        self.content.addWidget(self.holds_none)
        self.dialog_factory = AccountDialog  # tests drive the dialog themselves
        self.carried = CarriedNote(self, "accounts")
        self.retranslate()

    def enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        accounts = self.session.flow.draft.accounts if self.session.flow else []
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            platform = self.session.policy.platforms.get(str(account.get("platform")))
            cells = (
                platform.name.get(self.language) if platform else str(account.get("platform")),
                kind_label(str(account.get("kind"))),
                str(account.get("handle") or ""),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, account.get("id"))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()  # Vietnamese kinds run long: show them whole
        has = bool(accounts)
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        flow = self.session.flow
        inventory = flow.inventory_item() if flow is not None else None
        self.holds_none.setVisible(inventory is not None)
        # Offered while nothing is listed; still open to withdraw if a file said both.
        self.holds_none.setEnabled(not has or (flow is not None and flow.holds_no_accounts))
        self.holds_none.blockSignals(True)
        self.holds_none.setChecked(flow is not None and flow.holds_no_accounts)
        self.holds_none.blockSignals(False)
        if inventory is not None:
            # Its own words even while accounts are listed (the flow then offers it not).
            choices = {c.id: c.label for c in inventory.answer.choices}
            label = choices.get(INVENTORY_NONE_HELD)
            self.holds_none.setText(label.get(self.language) if label else "")

    def _selected_id(self) -> str | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return None if cell is None else str(cell.data(Qt.ItemDataRole.UserRole))

    def add(self) -> None:
        dialog = self.dialog_factory(self.session.policy, {}, self, self.language)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.session.flow is not None:
            self.session.flow.add_account(dialog.values())
            self._changed()

    def edit_selected(self) -> None:
        account_id = self._selected_id()
        if account_id is None or self.session.flow is None:
            return
        account = self.session.flow.draft.account(account_id)
        dialog = self.dialog_factory(self.session.policy, account, self, self.language)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            # Only what the dialog shows changes; answers, recovery checks and the rest stay.
            for name in (*TEXT, *FLAGS):
                account.pop(name, None)
            account.update(dialog.values())
            self._changed()

    def remove_selected(self) -> None:
        account_id = self._selected_id()
        if account_id is not None and self.session.flow is not None:
            self.session.flow.draft.remove_account(account_id)
            self.session.declined.discard(account_id)
            self._changed()

    def _holds_none(self, on: bool) -> None:
        if self.session.flow is not None:
            self.session.flow.declare_no_accounts(on)
            self.changed.emit()

    def _changed(self) -> None:
        self.session.passwords = None  # the context words changed: measure afresh
        self.refresh()
        self.changed.emit()

    def retranslate(self) -> None:
        self.set_heading(self.tr("Your accounts"))
        self.intro.setText(
            self.tr(
                "List every social-network account you hold and every official page you "
                "administer. No password is asked here."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Platform"), self.tr("Kind"), self.tr("Handle or address")]
        )
        self.table.setAccessibleName(self.tr("Your accounts"))
        self.add_button.setText(self.tr("&Add account…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.refresh()
