"""Step 1: which programme, what happens to the data, which language."""

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QRadioButton

from desktop.core.assessment.flow import Step
from desktop.gui.pages.base import WizardPage
from desktop.gui.session import Session


class ProgrammePage(WizardPage):
    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.descriptions: dict[str, QLabel] = {}
        for programme in session.policy.programmes.values():
            button = QRadioButton()
            button.setObjectName(f"programme-{programme.id}")
            description = QLabel(wordWrap=True)
            description.setIndent(24)
            self.group.addButton(button)
            self.buttons[programme.id] = button
            self.descriptions[programme.id] = description
            self.content.addWidget(button)
            self.content.addWidget(description)
        self.group.buttonToggled.connect(self._chosen)
        self.privacy = QLabel(wordWrap=True)
        self.privacy.setObjectName("privacyStatement")
        self.content.addSpacing(12)
        self.content.addWidget(self.privacy)
        self.language_label = QLabel()
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        self.language_box.addItem("Tiếng Việt", "vi")
        self.language_box.addItem("English", "en")
        self.language_label.setBuddy(self.language_box)
        self.language_box.currentIndexChanged.connect(self._language)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language_box)
        row.addStretch(1)
        self.content.addLayout(row)
        self.content.addStretch(1)
        self.retranslate()

    def enter(self) -> None:
        draft = self.session.flow.draft if self.session.flow else None
        if draft is not None and draft.programme in self.buttons:
            self.buttons[draft.programme].setChecked(True)

    def _chosen(self, button: QRadioButton, checked: bool) -> None:
        if checked and self.session.flow is not None:
            programme = next(p for p, b in self.buttons.items() if b is button)
            self.session.flow.draft.programme = programme
            self.changed.emit()

    def _language(self, index: int) -> None:
        code = self.language_box.itemData(index)
        if code != self.session.language.language:
            if self.session.flow is not None:
                self.session.flow.draft.language = code
            self.session.language.set_language(code)
            self.changed.emit()  # the draft's language is saved with it

    def retranslate(self) -> None:
        language = self.session.language.language
        self.set_heading(self.tr("Programme and privacy"))
        for programme in self.session.policy.programmes.values():
            self.buttons[programme.id].setText(programme.title.get(language))
            self.descriptions[programme.id].setText(programme.description.get(language))
        self.privacy.setText(
            self.tr(
                "Nothing leaves this computer unless you export it yourself. Passwords you "
                "type are measured here, in memory, and never stored, not even in drafts."
            )
        )
        self.language_label.setText(self.tr("&Language:"))
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.language_box.blockSignals(False)
