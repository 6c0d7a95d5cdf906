"""Step 2: the person, and the agency whose code applies to them. Each field is checked as
it is typed, the reason shown beside it."""

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assessment.answers import person_problems
from desktop.core.assessment.flow import Step
from desktop.core.policy.audience import Category
from desktop.gui.accessible import name as accessible_name
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
)
ABROAD_ONLY = ("destination", "mission", "departure_date")


# What the date box holds while no date is chosen: shown as "--/--/----", never recorded.
NO_DATE = QDate(2000, 1, 1)


def _date_box() -> QDateEdit:
    """A date as Vietnamese officials write it, dd/mm/yyyy, typed or picked from a calendar."""
    box = QDateEdit()
    box.setObjectName("field-departure_date")
    box.setCalendarPopup(True)
    box.setDisplayFormat("dd/MM/yyyy")
    box.setMinimumDate(NO_DATE)
    box.setSpecialValueText("--/--/----")
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return box


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
        # Each label above its field, and the field the page's whole width: agencies' names
        # run long in Vietnamese, and beside the labels they were cut off on a small screen.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        # Made in the order they are read, so that Tab goes down the form: the agency first
        # (it decides the code, the categories and the programmes offered).
        self.profile = QComboBox()
        self.profile.setObjectName("field-profile")
        _fit_to_form(self.profile)
        self.profile.addItem("", "")
        for profile in session.policy.profiles.values():
            self.profile.addItem("", profile.id)
        self.profile.currentIndexChanged.connect(self._profile)
        self._add_row("profile", self.profile)
        self.category = QComboBox()
        self.category.setObjectName("field-category")
        _fit_to_form(self.category)
        self.category.currentIndexChanged.connect(self._category)
        self.departure = _date_box()
        self.departure.dateChanged.connect(self._departure)
        # The calendar opens on this month, not on the empty box's year 2000.
        self.departure.calendarWidget().installEventFilter(self)
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field-{name}")
            edit.textChanged.connect(lambda text, n=name: self._edited(n, text))
            self.edits[name] = edit
            self._add_row(name, edit)
            if name == "position":
                self._add_row("category", self.category)
            if name == "mission":
                self._add_row("departure_date", self.departure)
        self.content.addLayout(self.form)
        self.content.addStretch(1)
        self.carried = CarriedNote(self, "person")
        self.retranslate()

    def _add_row(self, name: str, editor: QWidget) -> None:
        label = QLabel()
        problem = QLabel()
        problem.setObjectName(f"problem-{name}")
        problem.setStyleSheet("color: #b00020")
        problem.setWordWrap(True)  # a long reason never widens the page past the window
        row = QWidget()
        line = QVBoxLayout(row)  # the reason under the field: the field keeps its width
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(0)
        line.addWidget(editor)
        line.addWidget(problem)
        label.setBuddy(editor)
        self.labels[name], self.problems[name], self.rows[name] = label, problem, row
        self.form.addRow(label, row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and self.departure.date() == NO_DATE:
            today = QDate.currentDate()
            self.departure.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

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
        self.departure.blockSignals(True)
        self.departure.setDate(_as_qdate(draft.person.get("departure_date")))
        self.departure.blockSignals(False)
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

    def _departure(self, day: QDate) -> None:
        if self.session.flow is None:
            return
        person = self.session.flow.draft.person
        if day == NO_DATE:
            person.pop("departure_date", None)
        else:
            person["departure_date"] = day.toString(Qt.DateFormat.ISODate)  # 2027-01-15
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
        problems = person_problems(draft.person, draft.programme, self.session.policy, date.today())
        for name, label in self.problems.items():
            problem = problems.get(name)
            label.setText("" if problem is None else self._explain(name, problem))
            label.setVisible(problem is not None)  # no gap under a field that is fine

    def _explain(self, name: str, problem: str) -> str:
        if problem == "missing":
            return self.tr("required")
        if problem == "past":
            return self.tr("already past: the check is made before leaving")
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
            "departure_date": self.tr("a date as dd/mm/yyyy"),
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
            "departure_date": self.tr("De&parture date (dd/mm/yyyy):"),
        }
        editors: dict[str, QWidget] = {
            **self.edits,
            "profile": self.profile,
            "category": self.category,
            "departure_date": self.departure,
        }
        for name, text in names.items():
            self.labels[name].setText(text)
            accessible_name(editors[name], text)  # the label is not its sibling
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


def _as_qdate(value: object) -> QDate:
    """A draft's ISO date; the empty box for none, or for text that is not a date (the
    problem beside it says so)."""
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return NO_DATE
    return QDate(day.year, day.month, day.day)
