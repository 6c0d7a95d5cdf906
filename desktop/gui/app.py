"""Starting the desktop app: check the display first, then Qt, then the main window."""

import sys
from typing import TYPE_CHECKING

from desktop import APP_ID, __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from desktop.gui.language import LanguageSwitch
    from desktop.gui.session import Session

EXIT_NO_DISPLAY = 2
EXIT_CANNOT_START = 2


def run_gui() -> int:
    from desktop.gui.display import display_problem

    problem = display_problem()
    if problem is not None:
        print(f"selfcheck: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY

    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("SelfCheck")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SelfCheck")
    app.setDesktopFileName(APP_ID)  # Wayland finds the icon and name through it
    app.setWindowIcon(app_icon())
    window = MainWindow()  # paints first, then opens the checklists and the history

    def cannot_start(message: str) -> None:
        print(f"selfcheck: {message}", file=sys.stderr)
        QMessageBox.critical(window, "SelfCheck", message)
        app.exit(EXIT_CANNOT_START)

    window.failed.connect(cannot_start)
    window.show()
    code = app.exec()
    if window.session is not None:
        window.session.close()
    return code


def app_icon() -> "QIcon":
    """The application icon, from the SVG in assets/icons."""
    from PySide6.QtGui import QIcon

    from desktop.core.resources import assets_dir

    return QIcon(str(assets_dir() / "icons" / "selfcheck.svg"))


def open_session(language: "LanguageSwitch | None" = None) -> "Session":
    """The policy, the history and the key store of this computer; Vietnamese unless a
    language switch already set up by the window is given.

    Raises SelfCheckError or OSError when the checklists cannot be read. A damaged or
    unreadable history does not stop the app: it is reported in `startup_warning`."""
    from PySide6.QtCore import QCoreApplication

    from desktop.core.history import History, HistoryDamaged, HistoryError
    from desktop.core.paths import data_home
    from desktop.core.policy_loader import load_policy
    from desktop.gui.language import LanguageSwitch
    from desktop.gui.messages import describe
    from desktop.gui.session import Session

    if language is None:
        language = LanguageSwitch(QCoreApplication.instance())
        language.set_language("vi")
    policy = load_policy()
    home = data_home()
    warning = None
    try:
        history: History | None = History(home)
    except HistoryDamaged as exc:
        warning = describe(exc)
        history = History(home)  # a fresh one; its chain reports what was lost
    except HistoryError as exc:
        warning = describe(exc)
        history = None
    return Session(policy, home, language, history, startup_warning=warning)
