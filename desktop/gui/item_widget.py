"""One checklist item on a page: its question, its choices, "does not apply" with a reason,
and on demand its legal basis and the fix-it steps for the account's platform."""

from html import escape
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.base.i18n import NO_STEPS, Text
from desktop.core.policy.model import Item
from desktop.gui.accessible import name as accessible_name
from desktop.gui.session import Session


class ItemWidget(QFrame):
    """Binds one item to the draft: every change is written to it at once."""

    changed = Signal()

    def __init__(
        self,
        session: Session,
        item: Item,
        account_id: str | None = None,
        platform: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.item = item
        self.account_id = account_id
        self.platform = platform
        suffix = f"{item.id}-{account_id}" if account_id else item.id
        self.setObjectName(f"item-{suffix}")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.title = QLabel(wordWrap=True)
        self.question = QLabel(wordWrap=True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        # What the app measured, shown instead of the question (flow.MEASURED_INSTEAD).
        self.result = QLabel(wordWrap=True)
        self.result.setObjectName(f"measured-{suffix}")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.hide()
        # The answer is still the one of the last declaration (assessment.carryover).
        self.carried = QLabel(wordWrap=True)
        self.carried.setObjectName(f"carried-{suffix}")
        self.carried.setStyleSheet("color: #1a5fb4")
        self.carried.hide()
        self.choices = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.answer_box = QWidget()  # the question's choices and "does not apply"
        self.choice_row = choice_row = QVBoxLayout()
        choice_row.setContentsMargins(0, 0, 0, 0)
        for choice in item.answer.choices:
            button = QRadioButton()
            button.setObjectName(f"choice-{suffix}-{choice.id}")
            self.choices.addButton(button)
            self.buttons[choice.id] = button
            choice_row.addWidget(button)
        self.choices.buttonToggled.connect(self._chosen)

        self.na = QCheckBox()
        self.na.setObjectName(f"na-{suffix}")
        self.na_reason = QLineEdit()
        self.na_reason.setObjectName(f"na-reason-{suffix}")
        self.na.toggled.connect(self._na_toggled)
        self.na_reason.textEdited.connect(self._na_reason_edited)
        na_row = QHBoxLayout()
        na_row.addWidget(self.na)
        na_row.addWidget(self.na_reason, 1)
        if session.flow is not None and not session.flow.may_not_apply(item):
            self.na.hide()
            self.na_reason.hide()

        self.basis_button = QToolButton()
        self.basis_button.setCheckable(True)
        self.basis_button.setObjectName(f"basis-{suffix}")
        self.fix_button = QToolButton()
        self.fix_button.setCheckable(True)
        self.fix_button.setObjectName(f"fix-{suffix}")
        self.basis = QLabel(wordWrap=True)
        self.basis.setObjectName(f"basis-text-{suffix}")
        self.fix = QLabel(wordWrap=True)
        self.fix.setObjectName(f"fix-text-{suffix}")
        self.basis.hide()
        self.fix.hide()
        self.basis_button.toggled.connect(self.basis.setVisible)
        self.fix_button.toggled.connect(self.fix.setVisible)
        tools = QHBoxLayout()
        tools.addWidget(self.basis_button)
        tools.addWidget(self.fix_button)
        tools.addStretch(1)

        answer_layout = QVBoxLayout(self.answer_box)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.addLayout(choice_row)
        answer_layout.addLayout(na_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addWidget(self.result)
        layout.addWidget(self.answer_box)
        layout.addWidget(self.carried)
        layout.addLayout(tools)
        layout.addWidget(self.basis)
        layout.addWidget(self.fix)
        self.load()
        self.retranslate()

    # -- the draft ------------------------------------------------------------------------

    def _offered(self) -> list[tuple[str, Text]]:
        """The answers the flow offers now (they follow the platform, and for the inventory,
        whether any account is listed)."""
        flow = self.session.flow
        if flow is None:
            return [(c.id, c.label) for c in self.item.answer.choices]
        return flow.answer_choices(self.item, self.account_id)

    def _show_choices(self) -> None:
        """Show the offered answers, in the flow's order (a platform's strongest first)."""
        offered = self._offered()
        labels = dict(offered)
        language = self.session.language.language
        for position, (choice_id, _label) in enumerate(offered):
            self.choice_row.removeWidget(self.buttons[choice_id])
            self.choice_row.insertWidget(position, self.buttons[choice_id])
        shown = [self.buttons[choice_id] for choice_id, _label in offered]
        for before, after in pairwise(shown):
            QWidget.setTabOrder(before, after)  # the keyboard follows the new order
        for choice_id, button in self.buttons.items():
            button.setVisible(choice_id in labels)
            if choice_id in labels:
                button.setText(labels[choice_id].get(language))

    def load(self) -> None:
        draft = self.session.flow.draft if self.session.flow else None
        if draft is None:
            return
        self._show_choices()
        if self._show_measured():
            return
        chosen = draft.answer(self.item.id, self.account_id)
        for choice_id, button in self.buttons.items():
            button.setChecked(choice_id == chosen)
        reason = draft.not_applicable(self.item.id, self.account_id)
        self.na.blockSignals(True)
        self.na.setChecked(reason is not None)
        self.na.blockSignals(False)
        self.na_reason.setText(reason or "")
        self.na_reason.setEnabled(reason is not None)
        self._show_carried()

    def _show_measured(self) -> bool:
        """Show the app's result instead of the question, when it has one; True if so."""
        flow = self.session.flow
        assert flow is not None
        finding = flow.measured(self.item, self.account_id)
        self.question.setVisible(finding is None)
        self.answer_box.setVisible(finding is None)
        self.result.setVisible(finding is not None)
        if finding is None:
            self.result.clear()
            return False
        from desktop.core.assessment.reasons import describe
        from desktop.core.policy.model import Status

        mark = {Status.PASS: "✔ ", Status.FAIL: "✘ "}.get(finding.status, "? ")
        self.result.setText(
            mark
            + self.tr("Checked by the app:")
            + " "
            + describe(finding, self.session.policy, self.session.language.language)
        )
        # An answer given before the measurement must not stand beside it, contradicting it.
        if flow.draft.answer(self.item.id, self.account_id) is not None:
            flow.draft.set_answer(self.item.id, None, self.account_id)
        flow.draft.set_not_applicable(self.item.id, None, self.account_id)
        self.carried.hide()
        return True

    def _show_carried(self) -> None:
        from desktop.core.assessment.carryover import is_carried_answer

        flow = self.session.flow
        carried = flow is not None and is_carried_answer(flow.draft, self.item.id, self.account_id)
        self.carried.setVisible(carried)

    def _chosen(self, button: QRadioButton, checked: bool) -> None:
        if not checked or self.session.flow is None:
            return
        choice_id = next(c for c, b in self.buttons.items() if b is button)
        self.session.flow.draft.set_answer(self.item.id, choice_id, self.account_id)
        self.na.setChecked(False)
        self._show_carried()
        self.changed.emit()

    def _na_toggled(self, on: bool) -> None:
        self.na_reason.setEnabled(on)
        if on:
            self.choices.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.choices.setExclusive(True)
            if self.session.flow is not None:
                self.session.flow.draft.set_answer(self.item.id, None, self.account_id)
            self.na_reason.setFocus()
        self._na_reason_edited(self.na_reason.text() if on else "")

    def _na_reason_edited(self, text: str) -> None:
        if self.session.flow is None:
            return
        reason = text if self.na.isChecked() else None
        self.session.flow.draft.set_not_applicable(self.item.id, reason, self.account_id)
        self._show_carried()
        self.changed.emit()

    # -- words ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        language = self.session.language.language
        item = self.item
        self.title.setText(f"<b>{escape(item.title.get(language))}</b>")
        self.question.setText(item.question.get(language))  # plain text: no entities shown
        self._show_choices()
        self.carried.setText(self.tr("↺ As in your last declaration: confirm or change."))
        self.na.setText(self.tr("Does not apply, because:"))
        self.na_reason.setPlaceholderText(self.tr("the reason, for the reviewer"))
        accessible_name(
            self.na_reason,
            self.tr("Why “%1” does not apply").replace("%1", item.title.get(language)),
        )
        self.basis_button.setText(self.tr("Legal basis"))
        self.fix_button.setText(self.tr("How to fix"))
        basis = []
        cited = self.session.flow.cited(item) if self.session.flow else item.provisions
        for provision_id in cited:  # the person's own code only
            provision = self.session.policy.provisions[provision_id]
            text = f"<b>{escape(provision.id)}</b>: {escape(provision.original)}"
            if language == "en":
                text += f"<br><i>{escape(provision.gloss)}</i>"
            basis.append(text)
        self.basis.setText("<br>".join(basis))
        platform = self.session.policy.platforms.get(self.platform or "")
        guide = platform.guide(item.guide) if platform is not None else NO_STEPS
        steps = (item.fix + guide).get(language)
        self.fix.setText("<ol>" + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol>")
