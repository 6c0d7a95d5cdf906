"""Pledges, and programme items: the once-per-assessment items, grouped."""

from html import escape

from PySide6.QtWidgets import QLabel

from desktop.core.assessment.flow import Step, StepKind
from desktop.core.policy.model import ItemKind
from desktop.gui.carried import ReaffirmBox
from desktop.gui.item_widget import ItemWidget
from desktop.gui.pages.base import WizardPage
from desktop.gui.session import Session


class ItemsPage(WizardPage):
    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        assert session.flow is not None
        kind = ItemKind.PLEDGE if step.kind == StepKind.PLEDGES else ItemKind.PROGRAMME
        self.group_labels: dict[str, QLabel] = {}
        self.items: list[ItemWidget] = []
        if step.kind == StepKind.PLEDGES:  # carried over: re-affirmed in one step, first
            self.reaffirm = ReaffirmBox(self, self.items)  # (the items are added below)
        for item in session.flow.items(kind):
            if item.group not in self.group_labels:
                label = QLabel()
                label.setObjectName(f"group-{item.group}")
                self.group_labels[item.group] = label
                self.content.addWidget(label)
            widget = ItemWidget(session, item)
            widget.changed.connect(self.changed)
            self.items.append(widget)
            self.content.addWidget(widget)
        self.content.addStretch(1)
        self.retranslate()

    def enter(self) -> None:
        for widget in self.items:
            widget.load()

    def retranslate(self) -> None:
        pledges = self.step.kind == StepKind.PLEDGES
        title = self.tr("Pledges") if pledges else self.tr("Programme items")
        self.heading.setText(f"<h2>{escape(title)}</h2>")
        for group, label in self.group_labels.items():
            title = self.session.policy.groups[group].title.get(self.language)
            label.setText(f"<h3>{escape(title)}</h3>")
