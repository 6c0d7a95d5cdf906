"""The wizard: a list of steps beside the current page, Back and Next below.

The flow (desktop.core.assessment.flow) decides the steps, whether a page is complete and
which pages can be reached; this view only shows pages, asks the flow before moving or
enabling Next, and saves the draft on every change (desktop.gui.draft_saver) and every move.
"""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assessment.flow import Progress, Step, StepKind
from desktop.gui.draft_saver import DraftSaver
from desktop.gui.pages.about_page import AboutPage
from desktop.gui.pages.account_page import AccountPage
from desktop.gui.pages.accounts_page import AccountsPage
from desktop.gui.pages.base import WizardPage
from desktop.gui.pages.items_page import ItemsPage
from desktop.gui.pages.programme_page import ProgrammePage
from desktop.gui.pages.review_page import ReviewPage
from desktop.gui.pages.sign_page import SignPage
from desktop.gui.session import Session

PAGES: dict[StepKind, type[WizardPage]] = {
    StepKind.PROGRAMME: ProgrammePage,
    StepKind.ABOUT: AboutPage,
    StepKind.ACCOUNTS: AccountsPage,
    StepKind.ACCOUNT: AccountPage,
    StepKind.PLEDGES: ItemsPage,
    StepKind.PROGRAMME_ITEMS: ItemsPage,
    StepKind.REVIEW: ReviewPage,
    StepKind.SIGN: SignPage,
}


_ITEM_PAGES = (StepKind.ACCOUNT, StepKind.PLEDGES, StepKind.PROGRAMME_ITEMS)


class WizardView(QWidget):
    finished = Signal(object)  # the declaration is signed: a gui.end_screen.Receipt
    closed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizard")
        self.session = session
        self.saver = DraftSaver(session, self)
        self.index = 0
        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setMaximumWidth(260)
        # A long account name wraps rather than run under the edge.
        self.step_list.setWordWrap(True)
        self.step_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.currentRowChanged.connect(self._jump)
        self.answered = QLabel(wordWrap=True)
        self.answered.setObjectName("answeredCount")
        self.answered.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self.back = QPushButton()
        self.back.setObjectName("backButton")
        self.next = QPushButton()
        self.next.setObjectName("nextButton")
        self.next.setDefault(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeWizard")
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.close_button.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        # Said plainly when the checklists are no signed policy pack: the summary records it,
        # and a reviewer will not take the declaration as compliant.
        self.policy_notice = QLabel()
        self.policy_notice.setObjectName("policyNotice")
        self.policy_notice.setWordWrap(True)
        self.policy_notice.setStyleSheet("background:#fff3cd;color:#5c4400;padding:6px;")
        self.policy_notice.hide()
        right = QVBoxLayout()
        right.addWidget(self.policy_notice)
        right.addWidget(self.stack, 1)
        right.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(self.step_list, 1)
        left.addWidget(self.answered)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.pages: dict[str, WizardPage] = {}
        self.steps: list[Step] = []
        self.built_for: tuple[object, ...] = ()
        self.held = False  # the Sign page is opening the key: no moving, no closing
        self.seen: set[str] = set()  # the steps shown since the draft was opened
        # Signed: the run is over. Its pages would now describe a declaration already made
        # (compared with itself, its passwords forgotten): no moving back into them.
        self.ended = False

    # -- building ---------------------------------------------------------------------------

    def open(self, start_at: str | None = None) -> None:
        self._show_policy_notice()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.retire()
        self.pages.clear()
        self.seen.clear()
        self.ended = False
        self.step_list.setEnabled(True)
        self.rebuild()
        keys = [s.key for s in self.steps]
        self.show_step(keys.index(start_at) if start_at in keys else 0)

    def rebuild(self) -> None:
        """Match the pages to the steps (account pages come and go with the inventory)."""
        assert self.session.flow is not None
        draft = self.session.flow.draft
        built_for = (draft.programme, draft.person.get("category"), draft.person.get("profile"))
        if built_for != self.built_for:
            # Which items a page asks depends on the programme, the person's category and
            # their agency's code.
            for key in [k for k, p in self.pages.items() if p.step.kind in _ITEM_PAGES]:
                page = self.pages.pop(key)
                self.stack.removeWidget(page)
                page.retire()
            self.built_for = built_for
        self.steps = self.session.flow.steps()
        wanted = {s.key for s in self.steps}
        for key, page in self.pages.items():
            # An account whose platform or kind changed asks other items: a new page.
            if isinstance(page, AccountPage) and key in wanted and not page.still_fits():
                wanted.discard(key)
        for key in [k for k in self.pages if k not in wanted]:
            page = self.pages.pop(key)
            self.stack.removeWidget(page)
            page.retire()
        for step in self.steps:
            if step.key not in self.pages or self.pages[step.key].step != step:
                page = PAGES[step.kind](self.session, step)
                page.changed.connect(self._changed)
                if isinstance(page, ReviewPage):
                    page.go_to.connect(self.go_to_key)
                if isinstance(page, SignPage):
                    page.signed.connect(self._signed)
                    page.busy.connect(self._hold)
                self.pages[step.key] = page
                self.stack.addWidget(page)
        self.refresh_steps()

    # -- moving -----------------------------------------------------------------------------

    @property
    def page(self) -> WizardPage:
        return self.pages[self.steps[self.index].key]

    def go(self, index: int) -> None:
        if self.held or self.ended or not 0 <= index < len(self.steps):
            return
        if self._progress().can_go(self._current(), self.steps[index]):
            self.show_step(index)

    def go_to_key(self, key: str, item_id: str = "") -> None:
        """Show the step `key` and, if given, the item where it is answered."""
        keys = [s.key for s in self.steps]
        if key in keys:
            self.show_step(keys.index(key))
            if item_id:
                self.page.show_item(item_id)

    def show_step(self, index: int) -> None:
        if self.pages and 0 <= self.index < len(self.steps):
            current = self.pages.get(self.steps[self.index].key)
            if current is not None:
                current.leave()
        self.rebuild()
        self.index = min(index, len(self.steps) - 1)
        assert self.session.flow is not None
        self.session.flow.draft.doc["step"] = self.steps[self.index].key
        self.seen.add(self.steps[self.index].key)
        self.saver.save_now()  # every move keeps the work, and where it stopped
        page = self.page
        page.enter()
        self.stack.setCurrentWidget(page)
        self.refresh_steps()
        page.setFocus()

    def _jump(self, row: int) -> None:
        if row != self.index and row >= 0:
            self.go(row)
            if self.step_list.currentRow() != self.index:
                self.step_list.blockSignals(True)
                self.step_list.setCurrentRow(self.index)
                self.step_list.blockSignals(False)

    def _current(self) -> Step | None:
        return self.steps[self.index] if 0 <= self.index < len(self.steps) else None

    def _progress(self) -> Progress:
        assert self.session.flow is not None
        return self.session.flow.progress(self.session.passwords)

    def _changed(self) -> None:
        self.saver.changed()  # saved within the second, typing or not
        if self.page.step.kind == StepKind.ACCOUNTS:
            self.rebuild()  # accounts came, went or changed: so do their pages
        else:
            self.refresh_steps()

    def refresh_steps(self) -> None:
        """The list of steps as it is: ✔ only on a step that is done, the current step
        marked, each item page's answered items; a step that cannot be reached from here
        is greyed and cannot be chosen, so a click on it changes nothing."""
        titles = self.step_titles()
        progress = self._progress()
        current = self._current()
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for step in self.steps:
            done = self._done(progress, step)
            here = step == current
            text = ("▶ " if here else "    ") + ("✔ " if done else "○ ")
            text += titles.get(step.key, step.key)
            if progress.tally.get(step.key, (0, 0))[1]:  # none counted before About is done
                text += " ({}/{})".format(*progress.tally[step.key])
            row = QListWidgetItem(text)
            state = [self.tr("current step")] if here else []
            state.append(self.tr("done") if done else self.tr("not done"))
            if not here and not progress.can_go(current, step):
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                state.append(self.tr("not yet open: complete the steps before it"))
            if here:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
            row.setToolTip(f"{titles.get(step.key, step.key)}: {', '.join(state)}")
            row.setData(Qt.ItemDataRole.AccessibleDescriptionRole, ", ".join(state))
            self.step_list.addItem(row)
        self.step_list.setCurrentRow(self.index)
        self.step_list.blockSignals(False)
        answered, asked = progress.answered()
        self.answered.setText(
            self.tr("Items answered: %1 of %2 (left: %3)")
            .replace("%1", str(answered))
            .replace("%2", str(asked))
            .replace("%3", str(asked - answered))
            if asked
            else ""  # what is asked depends on the About page: no "0 of 0" before it
        )
        following = progress.next_step(current)
        moving = not self.held and not self.ended
        self.next.setEnabled(following is not None and moving)
        self.back.setEnabled(self.index > 0 and moving)

    def _done(self, progress: Progress, step: Step) -> bool:
        """Review is done once everything before it is and it was looked at; Sign once the
        draft is signed; any other step once it is complete."""
        if step.kind == StepKind.REVIEW:
            return step.key in self.seen and progress.can_reach(step)
        if step.kind == StepKind.SIGN:
            return self.ended
        return progress.complete(step)

    def step_titles(self) -> dict[str, str]:
        titles = {
            "programme": self.tr("Programme"),
            "about": self.tr("About you"),
            "accounts": self.tr("Your accounts"),
            "pledges": self.tr("Pledges"),
            "programme-items": self.tr("Programme items"),
            "review": self.tr("Review"),
            "sign": self.tr("Sign"),
        }
        flow = self.session.flow
        for step in self.steps:
            if step.kind == StepKind.ACCOUNT and flow is not None and step.account_id:
                account = flow.draft.account(step.account_id)
                platform = self.session.policy.platforms.get(str(account.get("platform")))
                name = (
                    platform.name.get(self.session.language.language)
                    if platform
                    else str(account.get("platform"))
                )
                titles[step.key] = f"{name}: {account.get('handle')}"
        return titles

    def _hold(self, busy: bool) -> None:
        """Stay on the Sign page while its key is being opened: what is signed is fixed."""
        self.held = busy
        self.step_list.setEnabled(not busy and not self.ended)
        self.close_button.setEnabled(not busy)
        self.refresh_steps()

    def _signed(self, receipt: object) -> None:
        self.ended = True
        self.step_list.setEnabled(False)
        self.refresh_steps()
        self.finished.emit(receipt)

    def _close(self) -> None:
        if self.pages and self.index < len(self.steps):
            self.page.leave()
        self.saver.save_now()
        self.closed.emit()

    def _show_policy_notice(self) -> None:
        origin = self.session.policy.origin
        unsigned = origin is not None and not origin.signed
        self.policy_notice.setVisible(unsigned)
        if unsigned:
            self.policy_notice.setText(
                self.tr(
                    "Warning: these checklists are not a signed policy pack. Your summary "
                    "will record that, and a reviewer will not accept it as compliant."
                )
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back.setText(self.tr("< &Back"))
        self.next.setText(self.tr("&Next >"))
        self.close_button.setText(self.tr("Save and &close"))
        self.step_list.setAccessibleName(self.tr("Steps"))
        self._show_policy_notice()
        if self.steps:
            self.refresh_steps()
