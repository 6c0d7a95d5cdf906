"""What a page shows of a draft carried over from the last declaration (core:
desktop.core.assessment.carryover): a note on the pages whose fields were filled in, and
on the pledges page the one step that re-affirms them, with what changed in them."""

from html import escape

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.assessment import carryover
from desktop.core.assessment.draft import Draft
from desktop.core.base.i18n import show_date
from desktop.core.policy.model import Item, ItemKind
from desktop.gui.item_widget import ItemWidget
from desktop.gui.pages.base import WizardPage

NOTE_STYLE = "color: #1a5fb4"
# A field still as carried over: shaded, and saying so to the mouse and to a screen reader.
FIELD_STYLE = "background-color: #e8f0fb"
PERSON_EDITORS = "field-{}"  # the About page's editors, by field name
ACCOUNT_EDITORS = "detail-{}"  # the account page's details


class CarriedNote(QLabel):
    """ "As in your last declaration: confirm or change", at the top of a page, while
    anything on it is still as carried over. `part` is "person", "accounts" or "account"."""

    def __init__(self, page: WizardPage, part: str, account_id: str | None = None) -> None:
        super().__init__()
        self.page = page
        self.part = part
        self.account_id = account_id
        self.setObjectName(f"carriedNote-{part}")
        self.setWordWrap(True)
        self.setStyleSheet(NOTE_STYLE)
        self.hide()
        page.content.insertWidget(0, self)
        page.changed.connect(self.refresh)
        page.installEventFilter(self)

    def refresh(self) -> None:
        flow = self.page.session.flow
        origin = carryover.origin(flow.draft) if flow is not None else None
        if flow is None or origin is None or self.page.retired:
            self.hide()
            return
        draft = flow.draft
        when = show_date(origin.issued_at)
        if self.part == "person":
            shown = bool(carryover.carried_person_fields(draft))
            text = self.tr(
                "↺ Filled in as in your last declaration (%1): confirm or change each field."
            )
        elif self.part == "accounts":
            shown = bool(draft.accounts)
            text = self.tr(
                "↺ Your accounts as in your last declaration (%1): confirm or change them, add "
                "any new account and remove any you closed."
            )
        else:
            assert self.account_id is not None
            shown = bool(carryover.carried_account_fields(draft, self.account_id))
            text = self.tr(
                "↺ Details and answers as in your last declaration (%1): confirm or change "
                "them. The password is never kept: type it again to measure it."
            )
        self.setText(text.replace("%1", when))
        self.setVisible(shown)
        self._mark_fields(draft)

    def _mark_fields(self, draft: Draft) -> None:
        """Shade each field still as in the last declaration, with a tooltip saying so."""
        if self.part == "person":
            carried, pattern = set(carryover.carried_person_fields(draft)), PERSON_EDITORS
            names: tuple[str, ...] = carryover.PERSON_FIELDS + carryover.OVERSEAS_FIELDS
        elif self.part == "account" and self.account_id is not None:
            carried = set(carryover.carried_account_fields(draft, self.account_id))
            pattern, names = ACCOUNT_EDITORS, carryover.ACCOUNT_FIELDS
        else:
            return
        hint = self.tr("As in your last declaration: confirm or change.")
        for name in names:
            editor = self.page.findChild(QWidget, pattern.format(name))
            if editor is None:
                continue
            on = name in carried
            editor.setStyleSheet(FIELD_STYLE if on else "")
            editor.setToolTip(hint if on else "")
            editor.setAccessibleDescription(hint if on else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.page and event.type() == QEvent.Type.Show:
            self.refresh()  # each time the page is shown: the draft may have changed
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


class ReaffirmBox(QFrame):
    """The pledges, re-affirmed in one step, after the list of what changed in them since
    the last declaration (or, when that cannot be told, a request to read them again)."""

    def __init__(self, page: WizardPage, reload: list[ItemWidget]) -> None:
        super().__init__()
        self.page = page
        self.reload = reload  # the pledges' widgets, shown again once re-affirmed
        self.setObjectName("reaffirmBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.changes = QLabel(wordWrap=True)
        self.changes.setObjectName("pledgeChanges")
        self.button = QPushButton()
        self.button.setObjectName("reaffirmPledges")
        self.button.clicked.connect(self.reaffirm)
        self.done = QLabel(wordWrap=True)
        self.done.setObjectName("reaffirmed")
        self.done.setStyleSheet(NOTE_STYLE)
        self.done.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.changes)
        layout.addWidget(self.button)
        layout.addWidget(self.done)
        page.content.insertWidget(0, self)
        self.left: list[str] | None = None
        self.refresh()

    def _asked(self) -> list[Item]:
        flow = self.page.session.flow
        return flow.items(ItemKind.PLEDGE) if flow is not None else []

    def refresh(self) -> None:
        flow = self.page.session.flow
        draft = flow.draft if flow is not None else None
        if flow is None or draft is None or not carryover.carried_pledges(draft):
            self.hide()
            return
        self.show()
        language = self.page.language
        changes = carryover.pledge_changes(
            self.page.session.policy, draft, self._asked(), flow.profile
        )
        origin = carryover.origin(draft)
        when = show_date(origin.issued_at) if origin is not None else ""
        lines = [
            "<b>"
            + escape(self.tr("Your pledges, as in your last declaration (%1)").replace("%1", when))
            + "</b>"
        ]
        if not changes.comparable:
            lines.append(
                escape(
                    self.tr(
                        "The pledges' wording then cannot be compared with today's: read them "
                        "again below before you re-affirm them."
                    )
                )
            )
        elif changes.none:
            lines.append(escape(self.tr("Nothing in them changed since then.")))
        else:
            lines.append(escape(self.tr("What changed since then:")))
        entries = [
            (self.tr("New:"), [i.title.get(language) for i in changes.new]),
            (self.tr("Worded differently:"), [i.title.get(language) for i in changes.changed]),
            (self.tr("No longer asked:"), [t.get(language) for t in changes.removed]),
        ]
        items = [
            f"<li>{escape(head)} {escape(name)}</li>" for head, names in entries for name in names
        ]
        text = "<br>".join(lines) + (f"<ul>{''.join(items)}</ul>" if items else "")
        self.changes.setText(text)
        self.button.setText(self.tr("&Re-affirm all my pledges as in my last declaration"))
        if self.left is not None:
            self.done.setText(
                self.tr("Re-affirmed. New pledges still to answer below: %1.").replace(
                    "%1", str(len(self.left))
                )
                if self.left
                else self.tr("Re-affirmed: every pledge is answered as last time.")
            )
            self.done.show()

    def reaffirm(self) -> None:
        flow = self.page.session.flow
        if flow is None:
            return
        self.left = carryover.reaffirm_pledges(flow.draft, self._asked())
        for widget in self.reload:
            widget.load()
        self.refresh()
        self.page.changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
