"""Starting the desktop app: check the display first, then Qt, then the main window."""

import sys

from desktop.core.errors import SelfCheckError
from desktop.gui.display import display_problem

EXIT_NO_DISPLAY = 2


def run_gui() -> int:
    problem = display_problem()
    if problem is not None:
        print(f"selfcheck: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY

    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.core.policy_loader import load_policy
    from desktop.gui.language import LanguageSwitch
    from desktop.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("SelfCheck")
    app.setOrganizationName("SelfCheck")
    language = LanguageSwitch(app)
    language.set_language("vi")
    try:
        policy = load_policy()
    except (SelfCheckError, OSError) as exc:
        QMessageBox.critical(None, "SelfCheck", str(exc))
        print(f"selfcheck: {exc}", file=sys.stderr)
        return 2
    window = MainWindow(policy, language)
    window.show()
    return app.exec()
