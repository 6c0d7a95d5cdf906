"""Starting the desktop app: check the display first, then Qt, then the main window."""

import gc
import os
import sys
from typing import TYPE_CHECKING

from desktop import APP_ID, __version__

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import TracebackType

    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from desktop.gui.main_window import MainWindow

    ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

EXIT_NO_DISPLAY = 2
EXIT_CANNOT_START = 2


def run_gui() -> int:
    from desktop.gui.display import display_problem

    problem = display_problem()
    if problem is not None:
        print(f"selfcheck: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    previous_hook = sys.excepthook
    try:
        app, window = open_main_window()
        window.show()
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
        gc.enable()
    if window.session is not None:
        window.session.close()
    return code


def open_main_window() -> "tuple[QApplication, MainWindow]":
    """Qt and the main window, up to `show()`: what bench/startup.py measures. The window
    paints first, then opens the checklists and the history."""
    # Start-up makes some hundred thousand objects that live as long as the app (Qt's
    # types, the modules, the policy): the collector would walk them about 40 times
    # before the start screen is ready and free nothing (~15 ms). Back on once it is.
    gc.disable()
    from desktop.core.base.coredump import forbid_core_dumps

    forbid_core_dumps()  # before anything is typed; a failure shows in --self-test
    from PySide6.QtWidgets import QApplication, QMessageBox

    skip_pyside_source_scan()
    from desktop.gui.icon import app_icon
    from desktop.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("SelfCheck")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SelfCheck")
    app.setDesktopFileName(APP_ID)  # Wayland finds the icon and name through it
    app.setWindowIcon(app_icon())
    window = MainWindow()
    window.ready.connect(_collector_back_on)

    def cannot_start(message: str) -> None:
        gc.enable()
        print(f"selfcheck: {message}", file=sys.stderr)
        from desktop.gui.messages import plain_box

        box = plain_box(window, message)  # it may quote a checklist's own words
        box.setIcon(QMessageBox.Icon.Critical)
        box.exec()
        app.exit(EXIT_CANNOT_START)

    window.failed.connect(cannot_start)
    # What exists once the checklists are checked (Qt, the policy, the modules) lives as
    # long as the app: out of the collector's reach, a full collection, which may run on a
    # pool thread in the middle of signing, no longer holds the GUI thread for 60-140 ms
    # (bench/stall.py).
    # Only while no assessment is open: nothing typed may be kept out of reach.
    window.policy_checked.connect(
        lambda: gc.freeze() if window.session is None or window.session.flow is None else None
    )
    app.aboutToQuit.connect(_forget_pasted_passwords)
    sys.excepthook = crash_report(window)
    return app, window


def _collector_back_on() -> None:
    # What start-up made lives as long as the app, so out of the collector's reach first:
    # else its next collection would walk all of it at once (~12 ms, on the ready path).
    # Nothing typed exists yet: the start screen has no field.
    gc.freeze()
    gc.enable()


def _forget_pasted_passwords() -> None:
    # Not loaded before the first paint (hashlib, Qt's key and clipboard classes, the
    # password checks): a run that never showed a password field has nothing to forget.
    field = sys.modules.get("desktop.gui.password_field")
    if field is not None:
        field.forget_pasted_passwords()


def skip_pyside_source_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    For its `__feature__` switches (snake_case, true_property), PySide6 replaces
    `__import__` with a hook that reads the whole source of each newly imported module to
    look for the word "PySide6" (shibokensupport.feature._mod_uses_pyside): ~20 ms of
    SelfCheck's start-up, for the 90-odd modules it loads after Qt (napari/napari#8584
    measured the same). SelfCheck uses no feature switch, so every module can be marked
    as using none (-1, "ignore this module", what PySide6 gives most modules itself); a
    module that does say `from __feature__ import ...` is still handled by the hook. If a
    PySide6 release no longer has that function, this does nothing."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_feature_switch  # type: ignore[attr-defined]


def _uses_no_feature_switch(_module: object) -> bool:
    return False


def crash_report(parent: "QWidget | None" = None) -> "ExceptHook":
    """A sys.excepthook for the running app: the traceback goes to the support log (secrets
    withheld, desktop.core.base.logs), the person gets a plain message saying where it is,
    never the traceback. One message at a time, however many errors follow."""
    showing: list[QMessageBox] = []
    fallback = sys.excepthook

    def message(path: "Path | None") -> "QMessageBox":
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setObjectName("crashReport")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("SelfCheck")
        box.setText(
            QCoreApplication.translate(
                "CrashReport",
                "Something went wrong in SelfCheck. Your draft is saved at every page, so "
                "little or nothing is lost: carry on, or close SelfCheck and open it again.",
            )
        )
        if path is None:
            details = QCoreApplication.translate(
                "CrashReport", "The details could not be written to a file."
            )
        else:
            details = QCoreApplication.translate(
                "CrashReport", "If it happens again, give your IT officer the details in this file:"
            )
            details += f"\n{path}"
        box.setInformativeText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: showing.clear())
        box.open()  # not exec(): a nested event loop here could fail in turn
        return box

    def report(kind: type[BaseException], value: BaseException, tb: "TracebackType | None") -> None:
        if issubclass(kind, KeyboardInterrupt) or os.environ.get("SELFCHECK_DEBUG"):
            fallback(kind, value, tb)  # Python's own: the traceback, on the terminal
        if issubclass(kind, KeyboardInterrupt):
            return
        try:
            import logging  # loaded when needed: crash_report is set up before the first paint

            from desktop.core.base import logs

            path = logs.configure()
            logging.getLogger(f"{logs.LOGGER}.gui").error(
                "unhandled %s", kind.__name__, exc_info=(kind, value, tb)
            )
            where = f"details in {path}" if path else "no details could be written"
            print(f"selfcheck: internal error ({kind.__name__}); {where}", file=sys.stderr)
            if not showing:
                showing.append(message(path))
        except Exception:  # noqa: S110 (a failing hook would print both tracebacks)
            pass

    return report
