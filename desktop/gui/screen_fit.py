"""Every window inside the screen's available area, on a small office laptop too.

A 1024x600 screen, or 1366x768 at 150 % scaling (910x512 in Qt's pixels), is smaller than
the size the windows ask for: each window, dialog and message box is shrunk and moved
into the screen's available area (without the task bar) as it is shown. What is inside
must then shrink with it: page contents scroll, button rows stay outside the scrolling.
"""

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

if TYPE_CHECKING:  # loaded when a file dialog or table is fitted, not before the first paint
    from PySide6.QtWidgets import QFileDialog, QTreeView

# The size the main window asks for on a screen that has room for it.
PREFERRED_SIZE = QSize(1024, 700)
# Windows and dialogs (message boxes and file dialogs among them); not menus, tooltips or
# popups. Told by class, not by windowType(): the first Qt enum PySide6 hands out builds
# its whole `Qt` namespace (~40 ms), and the main window is shown before its first paint.
_FITTED = (QMainWindow, QDialog)
# How long a window manager may take to frame a new window.
_FRAMED_AFTER_MS = 300
# More than any style's title bar: a window this much less high than the area needs no
# room kept for one, nor QStyle before the first paint (PySide6 builds its eleven enums,
# hundreds of members, on import: ~45 M instructions, 7 % of a bare PySide6 window start).
_TITLE_BAR_AT_MOST = 100


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen a window may use (tests put a smaller one here)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Resize `window` to `preferred` (else its size) or less, and move it inside."""
    area = available_area(window)
    size = preferred if preferred is not None else window.size()
    # The title bar and borders: known once the window manager has framed the window;
    # before that (the first show), room for a title bar is kept.
    frame = window.frameGeometry().size() - window.geometry().size()
    # (SelfCheck has no frameless window: no windowFlags(), see above)
    if frame.isEmpty() and size.height() > area.height() - _TITLE_BAR_AT_MOST:
        from PySide6.QtWidgets import QStyle

        frame = QSize(0, window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight))
    width = min(size.width(), area.width() - frame.width())
    height = min(size.height(), area.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 1), max(height, 1))
    outer = window.frameGeometry()
    x = max(area.left(), min(outer.x(), area.right() + 1 - outer.width()))
    y = max(area.top(), min(outer.y(), area.bottom() + 1 - outer.height()))
    if (x, y) != (outer.x(), outer.y()):
        window.move(x, y)


class ScreenFit(QObject):
    """Fits every top-level window (not menus or tooltips) to the screen as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # It sees every event of the application: the class first (no call into Qt),
        # and False rather than QObject's own eventFilter (which says False: a call less).
        if isinstance(watched, _FITTED) and event.type() == QEvent.Type.Show and watched.isWindow():
            fit_shown(watched)
        return False


def fit_shown(window: QWidget) -> None:
    """Fit a window being shown, and again once the window manager has framed it."""
    from PySide6.QtWidgets import QFileDialog

    fit_to_screen(window)
    if isinstance(window, QFileDialog):
        _fit_file_columns(window)
    if window.frameGeometry() == window.geometry():
        # Not framed yet: once the window manager has added its title bar (its height
        # may differ from the room kept for it), fitted again.
        QTimer.singleShot(_FRAMED_AFTER_MS, window, lambda: fit_to_screen(window))


def _fit_file_columns(dialog: "QFileDialog") -> None:
    """Qt's own file dialog: no heading of its list of files cut off ("Kích thước" is
    longer than "Size"), each time a folder is read."""
    from PySide6.QtWidgets import QFileSystemModel, QTreeView

    tree = dialog.findChild(QTreeView, "treeView")
    model = dialog.findChild(QFileSystemModel)
    if tree is None or model is None or dialog.property("columnsFitted"):
        return
    dialog.setProperty("columnsFitted", True)
    model.directoryLoaded.connect(lambda _folder: fit_columns(tree))
    fit_columns(tree)


def keep_windows_on_screen() -> None:
    """Fit every window the application shows from now on (once per application), and
    the main windows and dialogs shown already.

    SelfCheck calls it once its start screen is ready, not before the first paint: an
    application-wide event filter in Python costs a call for each event, and the first
    event it sees for an object of one of Qt's private classes (a list widget's model)
    has PySide6 set up the Python side of every Qt widget class to find its type (~140 M
    instructions, 0.22 times a bare PySide6 window's whole start; bench/startup_instructions.py).
    Nothing else can be shown before then: the start screen is opened in one go."""
    global _fitter
    app = QApplication.instance()
    # Kept here, not looked for with findChild: that wraps each of the application's
    # children for Python, some of Qt's private classes, at the cost the note above says.
    if app is None or (_fitter is not None and shiboken6.isValid(_fitter)):
        return
    _fitter = ScreenFit(app)
    if _pauses == 0:
        app.installEventFilter(_fitter)
        for window in _shown_windows():
            fit_shown(window)


_fitter: ScreenFit | None = None  # the application's, once keep_windows_on_screen ran
_pauses = 0  # background tasks running (gui.tasks)
_seen: set[int] = set()  # while paused: the windows already shown (C++ addresses)
_poll: QTimer | None = None
# While paused, how often windows shown since are looked for (one call into Python).
_POLL_MS = 200


def pause() -> None:
    """Take the filter off while a background task runs (gui.tasks.run_task).

    Each event the GUI thread handles then calls into Python, and each such call waits
    for the interpreter lock while the task's thread holds it: up to the 5 ms switch
    interval each time, several times per event loop turn. With the filter on, exporting
    a bundle stalled the GUI for 20-68 ms (bench/stall.py), 14-25 ms with it off. A
    window shown meanwhile (a task may take minutes: a review, a token waiting for its
    PIN) is fitted by a slow poll instead, within _POLL_MS."""
    global _pauses, _poll
    _pauses += 1
    app = QApplication.instance()
    if _pauses != 1 or app is None or _fitter is None or not shiboken6.isValid(_fitter):
        return
    app.removeEventFilter(_fitter)
    _seen.clear()
    _seen.update(_address(w) for w in _shown_windows())
    if _poll is None:
        _poll = QTimer()
        _poll.timeout.connect(_fit_newly_shown)
    _poll.start(_POLL_MS)


def resume() -> None:
    """The filter back once no task runs; a window shown meanwhile is fitted then, and
    only such a window: one the person moved stays where they put it."""
    global _pauses
    _pauses = max(_pauses - 1, 0)
    app = QApplication.instance()
    if _pauses or app is None or _fitter is None or not shiboken6.isValid(_fitter):
        return
    if _poll is not None:
        _poll.stop()
    _fit_newly_shown()
    _seen.clear()
    app.installEventFilter(_fitter)


def _fit_newly_shown() -> None:
    for window in _shown_windows():
        if _address(window) not in _seen:
            _seen.add(_address(window))
            fit_shown(window)


def _shown_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, _FITTED) and w.isVisible()]


def _address(widget: QWidget) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


def fit_columns(tree: "QTreeView") -> None:
    """Widen each column of `tree` that is narrower than its heading: a wide table scrolls
    sideways rather than cut a heading off."""
    header = tree.header()
    for column in range(header.count()):
        wanted = header.sectionSizeHint(column)
        if not header.isSectionHidden(column) and header.sectionSize(column) < wanted:
            header.resizeSection(column, wanted)
