"""Starting the desktop app: check the display first, then Qt, then the main window."""

import sys
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.errors import SelfCheckError
from desktop.gui.display import display_problem

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from desktop.gui.session import Session

EXIT_NO_DISPLAY = 2


def run_gui() -> int:
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
    app.setWindowIcon(app_icon())
    try:
        session = open_session()
    except (SelfCheckError, OSError) as exc:
        QMessageBox.critical(None, "SelfCheck", str(exc))
        print(f"selfcheck: {exc}", file=sys.stderr)
        return 2
    warning = getattr(session, "startup_warning", None)
    window = MainWindow(session)
    window.show()
    if warning:
        QMessageBox.warning(window, "SelfCheck", warning)
    code = app.exec()
    session.measurer.close()
    if session.history is not None:
        session.history.close()
    return code


def app_icon() -> "QIcon":
    """The application icon, from the SVG in assets/icons."""
    from PySide6.QtGui import QIcon

    from desktop.core.resources import assets_dir

    return QIcon(str(assets_dir() / "icons" / "selfcheck.svg"))


def open_session() -> "Session":
    """The policy, the history and the key store of this computer, in Vietnamese."""
    from PySide6.QtCore import QCoreApplication

    from desktop.core.history import History, HistoryDamaged, HistoryError
    from desktop.core.paths import data_home
    from desktop.core.policy_loader import load_policy
    from desktop.gui.language import LanguageSwitch
    from desktop.gui.session import Session

    language = LanguageSwitch(QCoreApplication.instance())
    language.set_language("vi")
    policy = load_policy()
    home = data_home()
    warning = None
    try:
        history: History | None = History(home)
    except HistoryDamaged as exc:
        warning = str(exc)
        history = History(home)  # a fresh one; its chain reports what was lost
    except HistoryError as exc:
        warning = str(exc)
        history = None
    session = Session(policy, home, language, history)
    session.startup_warning = warning  # type: ignore[attr-defined]
    return session
