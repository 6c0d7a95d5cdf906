"""The main window: the start screen, the wizard, the language menu and the about box."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from desktop import __version__
from desktop.core.base.errors import SelfCheckError
from desktop.gui.icon import app_icon
from desktop.gui.language import LanguageSwitch
from desktop.gui.screen_fit import PREFERRED_SIZE, fit_to_screen, keep_windows_on_screen
from desktop.gui.start_screen import StartScreen

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent  # ~4 ms to load, and only a type here

    from desktop.gui.end_screen import EndScreen, Receipt
    from desktop.gui.session import Session
    from desktop.gui.wizard import WizardView

# If no paint arrives (a hidden or minimised start), open the session anyway after this.
OPEN_WITHOUT_PAINT_MS = 300


class MainWindow(QMainWindow):
    """The main window. Given no session, it paints the start screen first and then opens
    the checklists and the history (about as long again as Qt itself takes to start), so
    the person sees the app at once; `ready` or `failed` tells how that went."""

    ready = Signal()
    failed = Signal(str)  # the checklists could not be read: the app cannot work
    policy_checked = Signal()  # the checklists were parsed after `ready` (gui.policy_check)

    def __init__(self, session: "Session | None" = None) -> None:
        if session is not None:
            language = session.language
        else:  # before any widget exists: each is built in the right language
            language = LanguageSwitch(QCoreApplication.instance())
            language.set_language("vi", file_dialogs=False)  # chosen once the screen is ready
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.language = language
        self._opening_tried = session is not None
        self.setWindowIcon(app_icon())
        fit_to_screen(self, PREFERRED_SIZE)
        if session is not None:  # else once the start screen is ready (see there)
            keep_windows_on_screen()  # this window, its dialogs and message boxes
        self.start = StartScreen(session)
        if session is None:
            self.start.installEventFilter(self)
            QTimer.singleShot(OPEN_WITHOUT_PAINT_MS, self, self._open_session)
        self._wizard: WizardView | None = None
        self._end: EndScreen | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.setCentralWidget(self.stack)
        self.start.new_assessment.connect(self.new_assessment)
        self.start.resume.connect(self.resume)
        self.policy_checked.connect(self._policy_checked)

        self.language_menu = self.menuBar().addMenu("")
        self.vietnamese = QAction("Tiếng Việt", self)
        self.english = QAction("English", self)
        self.vietnamese.setObjectName("actionVietnamese")
        self.english.setObjectName("actionEnglish")
        self.vietnamese.triggered.connect(lambda: self.set_language("vi"))
        self.english.triggered.connect(lambda: self.set_language("en"))
        # The current language is ticked: one of the two, whichever way it was chosen.
        self.languages = QActionGroup(self)
        self.languages.setExclusive(True)
        for action in (self.vietnamese, self.english):
            action.setCheckable(True)
            self.languages.addAction(action)
        self.language_menu.addActions([self.vietnamese, self.english])
        self.language.changed.connect(self._tick_language)  # however it was switched
        self._tick_language(self.language.language)
        self.reviewer_menu = self.menuBar().addMenu("")
        self.review_action = QAction(self)
        self.review_action.setObjectName("actionReview")
        self.review_action.triggered.connect(self.open_review)
        self.reviewer_menu.addAction(self.review_action)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setObjectName("actionAbout")
        self.about_action.triggered.connect(self.about)
        self.pack_action = QAction(self)
        self.pack_action.setObjectName("actionInstallPack")
        self.pack_action.triggered.connect(self.install_pack)
        self.guide_action = QAction(self)
        self.guide_action.setObjectName("actionGuide")
        # setShortcuts, not setShortcut: the latter's overloads take Qt.Key, and PySide6
        # builds its whole `Qt` namespace to check (~40 ms before the first paint).
        self.guide_action.setShortcuts([QKeySequence("F1")])
        self.guide_action.triggered.connect(self.open_guide)
        self.help_menu.addActions([self.guide_action, self.pack_action, self.about_action])
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.start and event.type() == QEvent.Type.Paint:
            self.start.removeEventFilter(self)
            # Queued: runs once this paint has reached the screen.
            QTimer.singleShot(0, self, self._open_session)
        return super().eventFilter(watched, event)

    def _open_session(self) -> None:
        if self._opening_tried:  # the first paint and the fallback timer both ask
            return
        self._opening_tried = True
        from desktop.core.base.paths import cache_home
        from desktop.gui.session import open_session

        try:
            session = open_session(self.language, cache=cache_home())
        except Exception as exc:  # whatever it is, say so: never a start screen stuck loading
            from desktop.gui.messages import describe, show_plain

            told = describe(exc)  # once: each telling goes to the support log
            show_plain(self.start.chain, told)
            keep_windows_on_screen()  # the message box saying so among them
            self.failed.emit(told)
            return
        self.session = session
        self.start.attach(session)
        keep_windows_on_screen()  # before anything else can be shown (screen_fit says why)
        self.ready.emit()
        # After `ready`, and after the filled-in screen is painted: the parse holds the
        # interpreter lock most of its time.
        QTimer.singleShot(0, self, self._check_policy)
        if session.startup_warning:
            from desktop.gui.messages import plain_box

            box = plain_box(None, session.startup_warning)  # it names files, SQLite's words
            box.setObjectName("startupWarning")
            box.setParent(self, box.windowFlags())
            box.open()  # not exec(): the start screen stays live behind it

    def _check_policy(self) -> None:
        self.language.choose_file_dialogs()  # before anything can open one (set_language)
        if self.session is not None and self.session.policy_check is not None:
            self.session.policy_check.start(self.policy_checked.emit, receiver=self)

    def _policy_checked(self) -> None:
        if self.session is not None and self.session.policy_check is not None:
            self._settled()

    def _settled(self) -> bool:
        """Whether the session's policy is the one parsed from the checklists now (it is
        waited for): checked before an assessment or a review uses it."""
        assert self.session is not None
        try:
            if self.session.settle_policy():
                self.start.refresh()  # a cache entry that was wrong: show what is right
        except Exception as exc:  # a cache entry for checklists that do not load
            from desktop.gui.messages import describe, show_plain

            self.session.close()
            self.session = None
            self.start.session = None
            self.start.refresh()
            told = describe(exc)
            show_plain(self.start.chain, told)
            self.failed.emit(told)
            return False
        return True

    @property
    def wizard(self) -> "WizardView":
        """The wizard, built on first use: the start screen paints without waiting for it."""
        if self._wizard is None:
            from desktop.gui.wizard import WizardView

            assert self.session is not None  # Start and Resume are off until it is open
            self._wizard = WizardView(self.session)
            self._wizard.retranslate()
            self.stack.addWidget(self._wizard)
            self._wizard.closed.connect(self.show_start)
            self._wizard.finished.connect(self.show_end)
        return self._wizard

    def _tick_language(self, code: str) -> None:
        (self.vietnamese if code == "vi" else self.english).setChecked(True)

    def show_end(self, receipt: "Receipt") -> None:
        """After signing: what was saved and where; Done leads back to the start screen."""
        if self._end is None:
            from desktop.gui.end_screen import EndScreen

            self._end = EndScreen()
            self._end.done.connect(self.show_start)
            self.stack.addWidget(self._end)
        self.start.refresh()  # the new declaration is listed behind it already
        self._end.show_receipt(receipt)
        self.stack.setCurrentWidget(self._end)
        self._end.done_button.setFocus()  # Return or Space ends it, from the keyboard too

    def set_language(self, code: str) -> None:
        if self.session is not None and self.session.flow is not None:
            self.session.flow.draft.language = code  # type: ignore[assignment]
        self.language.set_language(code)  # type: ignore[arg-type]

    def new_assessment(self) -> None:
        from datetime import date

        from desktop.core.records.carry import next_draft

        assert self.session is not None  # the button is off until the session is open
        if not self._settled():
            return
        # From the last signed declaration, in the programme that is due (onboarding and
        # empty for a person who never declared).
        draft = next_draft(
            self.session.history, self.session.policy, self.session.language.language, date.today()
        )
        self.session.start(draft)
        self.wizard.open()
        self.stack.setCurrentWidget(self.wizard)

    def resume(self, draft_id: str) -> None:
        from desktop.core.assessment.draft import load_draft

        assert self.session is not None  # the list is empty until the session is open
        if not self._settled():
            return
        store = self.session.history
        data = store.load_draft(draft_id) if store is not None else None
        if data is None:
            return
        try:
            draft = load_draft(data, draft_id)
        except SelfCheckError as exc:
            from desktop.gui.messages import describe, warn

            warn(self, describe(exc))
            return
        self.session.start(draft)
        if draft.language != self.session.language.language:
            self.session.language.set_language(draft.language)
        self.wizard.open(start_at=draft.doc.get("step"))
        self.stack.setCurrentWidget(self.wizard)

    def show_start(self) -> None:
        self.start.refresh()
        self.stack.setCurrentWidget(self.start)

    def open_review(self) -> None:
        """The reviewer's window (heads of units, the inspectorate)."""
        if self.session is None or not self._settled():
            return
        from desktop.gui.review_window import ReviewWindow

        window = ReviewWindow(self.session, self)
        window.show()

    def open_guide(self) -> None:
        """The short user guide shipped with the app, in the interface's language."""
        from desktop.gui.guide_dialog import GuideDialog

        dialog = GuideDialog(self.language.language, self)
        dialog.show()

    def install_pack(self) -> None:
        """Install a signed policy pack (the agency's checklists) from a file."""
        if self.session is None or not self._settled():
            return
        from desktop.gui.pack_install import install_pack_dialog

        if install_pack_dialog(self, self.session):
            self.start.refresh()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(  # the about box shows the application icon beside the text
            self,
            self.tr("About SelfCheck"),
            self.tr(
                "SelfCheck %1\n\nSelf-assessment of social-network accounts for Vietnamese "
                "public officials. Everything stays on this computer."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event: "QCloseEvent") -> None:  # noqa: N802 (Qt's name)
        if (
            self._wizard is not None
            and self.stack.currentWidget() is self._wizard
            and self._wizard.pages
            and self.session is not None
        ):
            self.wizard.page.leave()  # closing never keeps a typed password
            self.wizard.saver.save_now()  # ... and never loses the work
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("SelfCheck %1: social-network account self-assessment").replace(
                "%1", __version__
            )
        )
        self.language_menu.setTitle(self.tr("&Language"))
        self.reviewer_menu.setTitle(self.tr("&Reviewer"))
        self.review_action.setText(self.tr("&Review a unit's declarations…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About SelfCheck"))
        self.guide_action.setText(self.tr("User &guide"))
        self.pack_action.setText(self.tr("&Install a policy pack…"))
