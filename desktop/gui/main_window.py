"""The main window: the start screen, the wizard, the language menu and the about box."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget

from desktop import __version__
from desktop.core.errors import SelfCheckError
from desktop.core.flow import Draft, load_draft
from desktop.gui.session import Session
from desktop.gui.start_screen import StartScreen

if TYPE_CHECKING:
    from desktop.gui.wizard import WizardView


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        from desktop.gui.app import app_icon

        self.setWindowIcon(app_icon())
        self.resize(1024, 700)
        self.start = StartScreen(session)
        self._wizard: WizardView | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.setCentralWidget(self.stack)
        self.start.new_assessment.connect(self.new_assessment)
        self.start.resume.connect(self.resume)

        self.language_menu = self.menuBar().addMenu("")
        self.vietnamese = QAction("Tiếng Việt", self)
        self.english = QAction("English", self)
        self.vietnamese.setObjectName("actionVietnamese")
        self.english.setObjectName("actionEnglish")
        self.vietnamese.triggered.connect(lambda: self.set_language("vi"))
        self.english.triggered.connect(lambda: self.set_language("en"))
        self.language_menu.addActions([self.vietnamese, self.english])
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setObjectName("actionAbout")
        self.about_action.triggered.connect(self.about)
        self.help_menu.addAction(self.about_action)
        self.retranslate()

    @property
    def wizard(self) -> "WizardView":
        """The wizard, built on first use: the start screen paints without waiting for it."""
        if self._wizard is None:
            from desktop.gui.wizard import WizardView

            self._wizard = WizardView(self.session)
            self._wizard.retranslate()
            self.stack.addWidget(self._wizard)
            self._wizard.closed.connect(self.show_start)
            self._wizard.finished.connect(lambda _path: self.start.refresh())
        return self._wizard

    def set_language(self, code: str) -> None:
        if self.session.flow is not None:
            self.session.flow.draft.language = code  # type: ignore[assignment]
        self.session.language.set_language(code)  # type: ignore[arg-type]

    def new_assessment(self) -> None:
        self.session.start(Draft.new("onboarding", self.session.language.language))
        self.wizard.open()
        self.stack.setCurrentWidget(self.wizard)

    def resume(self, draft_id: str) -> None:
        store = self.session.history
        data = store.load_draft(draft_id) if store is not None else None
        if data is None:
            return
        try:
            draft = load_draft(data, draft_id)
        except SelfCheckError as exc:
            QMessageBox.warning(self, "SelfCheck", str(exc))
            return
        self.session.start(draft)
        if draft.language != self.session.language.language:
            self.session.language.set_language(draft.language)
        self.wizard.open(start_at=draft.doc.get("step"))
        self.stack.setCurrentWidget(self.wizard)

    def show_start(self) -> None:
        self.start.refresh()
        self.stack.setCurrentWidget(self.start)

    def about(self) -> None:
        QMessageBox.about(  # the about box shows the application icon beside the text
            self,
            self.tr("About SelfCheck"),
            self.tr(
                "SelfCheck %1\n\nSelf-assessment of social-network accounts for Vietnamese "
                "public officials. Everything stays on this computer."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if (
            self._wizard is not None
            and self.stack.currentWidget() is self._wizard
            and (self._wizard.pages)
        ):
            self.wizard.page.leave()  # closing never keeps a typed password
            self.session.save_draft()  # ... and never loses the work
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
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About SelfCheck"))
