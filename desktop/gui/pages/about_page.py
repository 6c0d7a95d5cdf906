"""Step 2: the person, and the agency whose code applies to them. Each field is checked as
it is typed, the reason shown beside it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from desktop.core.assessment.answers import person_problems
from desktop.core.assessment.flow import Step
from desktop.core.policy.audience import Category
from desktop.gui.carried import CarriedNote
from desktop.gui.labels import category_label
from desktop.gui.pages.base import WizardPage
from desktop.gui.session import Session

TEXT_FIELDS = (
    "full_name",
    "staff_id",
    "unit",
    "position",
    "birth_year",
    "destination",
    "mission",
    "departure_date",
)
ABROAD_ONLY = ("destination", "mission", "departure_date")


def _fit_to_form(combo: QComboBox) -> None:
    """Agencies' and categories' names run long in Vietnamese: the box takes the form's
    width (never more, so no page scrolls sideways), its list shows them whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(20)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class AboutPage(WizardPage):
    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        self.form = QFormLayout()
        # Fields take the page's width: agencies' names and units run long in Vietnamese.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field-{name}")
            edit.textChanged.connect(lambda text, n=name: self._edited(n, text))
            self.edits[name] = edit
            self._add_row(name, edit)
        # The agency first: it decides the code, the categories and the programmes offered.
        self.profile = QComboBox()
        self.profile.setObjectName("field-profile")
        _fit_to_form(self.profile)
        self.profile.addItem("", "")
        for profile in session.policy.profiles.values():
            self.profile.addItem("", profile.id)
        self.profile.currentIndexChanged.connect(self._profile)
        self._add_row("profile", self.profile, first=True)
        self.category = QComboBox()
        self.category.setObjectName("field-category")
        _fit_to_form(self.category)
        self.category.currentIndexChanged.connect(self._category)
        self._add_row("category", self.category, after="position")
        self.content.addLayout(self.form)
        self.content.addStretch(1)
        self.carried = CarriedNote(self, "person")
        self.retranslate()

    def _add_row(
        self, name: str, editor: QWidget, after: str | None = None, first: bool = False
    ) -> None:
        label = QLabel()
        problem = QLabel()
        problem.setObjectName(f"problem-{name}")
        problem.setStyleSheet("color: #b00020")
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(editor, 2)
        line.addWidget(problem, 1)
        label.setBuddy(editor)
        self.labels[name], self.problems[name], self.rows[name] = label, problem, row
        position = 0 if first else -1
        if after is not None:
            found = self.form.getWidgetPosition(self.rows[after])
            position = int(found[0]) + 1  # type: ignore[index]
        self.form.insertRow(position, label, row)

    def enter(self) -> None:
        draft = self.session.flow.draft if self.session.flow else None
        if draft is None:
            return
        abroad = draft.programme == "predeployment"
        for name in ABROAD_ONLY:
            self.form.setRowVisible(self.rows[name], abroad)
        for name, edit in self.edits.items():
            value = draft.person.get(name)
            edit.blockSignals(True)
            edit.setText("" if value is None else str(value))
            edit.blockSignals(False)
        self.profile.blockSignals(True)
        self.profile.setCurrentIndex(max(self.profile.findData(draft.person.get("profile", "")), 0))
        self.profile.blockSignals(False)
        self._fill_categories()
        self._show_problems()

    def _fill_categories(self) -> None:
        """The categories the chosen agency's code covers (all of them until one is chosen)."""
        flow = self.session.flow
        profile = flow.profile if flow is not None else None
        shown = profile.categories if profile is not None else tuple(Category)
        current = flow.draft.person.get("category", "") if flow is not None else ""
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("(choose)"), "")
        for category in shown:
            self.category.addItem(category_label(category), category.value)
        if current and self.category.findData(current) < 0:
            # Kept in the draft, and shown, so the problem beside it can be read (a damaged
            # draft may hold a category that is no category at all).
            known = current in {c.value for c in Category}
            self.category.addItem(category_label(Category(current)) if known else current, current)
        self.category.setCurrentIndex(max(self.category.findData(current), 0))
        self.category.blockSignals(False)

    def _profile(self, index: int) -> None:
        if self.session.flow is None:
            return
        value = self.profile.itemData(index)
        person = self.session.flow.draft.person
        if value:
            person["profile"] = value
        else:
            person.pop("profile", None)
        self._fill_categories()
        self._show_problems()
        self.changed.emit()

    def _edited(self, name: str, text: str) -> None:
        if self.session.flow is None:
            return
        person = self.session.flow.draft.person
        value: object = text.strip()
        if name == "birth_year" and text.strip().isdigit():
            value = int(text.strip())
        if value == "":
            person.pop(name, None)
        else:
            person[name] = value
        self._show_problems()
        self.changed.emit()

    def _category(self, index: int) -> None:
        if self.session.flow is None:
            return
        value = self.category.itemData(index)
        if value:
            self.session.flow.draft.person["category"] = value
        else:
            self.session.flow.draft.person.pop("category", None)
        self._show_problems()
        self.changed.emit()

    def _show_problems(self) -> None:
        if self.session.flow is None:
            return
        draft = self.session.flow.draft
        problems = person_problems(draft.person, draft.programme, self.session.policy)
        for name, label in self.problems.items():
            problem = problems.get(name)
            label.setText("" if problem is None else self._explain(name, problem))

    def _explain(self, name: str, problem: str) -> str:
        if problem == "missing":
            return self.tr("required")
        if problem == "not-covered":
            return self.tr("not covered by this code or programme")
        if name == "profile":
            flow = self.session.flow
            if flow is not None and flow.profile is None:  # a damaged draft's unknown agency
                return self.tr("choose your agency from the list")
            return self.tr("does not run this programme: go back and choose another")
        hints = {
            "staff_id": self.tr("letters, digits, '.', '-' or '_' only"),
            "birth_year": self.tr("a year such as 1985"),
            "departure_date": self.tr("a date as YYYY-MM-DD"),
        }
        return hints.get(name, self.tr("too long"))

    def retranslate(self) -> None:
        self.set_heading(self.tr("About you"))
        names = {
            "profile": self.tr("A&gency (the code that applies):"),
            "full_name": self.tr("Full &name (with diacritics):"),
            "staff_id": self.tr("&Staff id:"),
            "unit": self.tr("&Unit:"),
            "position": self.tr("&Position:"),
            "category": self.tr("Cate&gory:"),
            "birth_year": self.tr("Birth &year (optional, only used here):"),
            "destination": self.tr("&Destination country:"),
            "mission": self.tr("&Mission:"),
            "departure_date": self.tr("De&parture date (YYYY-MM-DD):"),
        }
        for name, text in names.items():
            self.labels[name].setText(text)
        self.profile.setItemText(0, self.tr("(choose)"))
        for index, profile in enumerate(self.session.policy.profiles.values(), 1):
            self.profile.setItemText(index, profile.name.get(self.language))
            self.profile.setItemData(
                index,
                f"{profile.name.get(self.language)}\n{profile.code.get(self.language)}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self._fill_categories()
        self._show_problems()
