"""Start-up: process start to the first painted start screen, against a bare PySide6 window.

Both are measured in the same run, each as a fresh process, several times; the script
prints the medians and the ratios (goals: first paint at most 1.2x, ready at most 1.5x).
Run under a display, e.g.
    xvfb-run -a .venv/bin/python bench/startup.py [--cold]

SelfCheck keeps the parsed checklists in its cache folder (desktop.core.policy.cache) and
its history in its data folder, here private ones for the whole run: one unmeasured start
makes them first, as any earlier start of the app would have (the history holds no
declaration). `--cold` measures first starts instead: new folders for every run, so that
each parses the checklists and creates the history.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("BENCH_RUNS", "9"))

# Both programs print the time of the first Paint event of what the person sees first
# (the label; the start screen), read by an event filter, once that paint is done.
PAINT_PROBE = """
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    def __init__(self, then=None):
        super().__init__()
        self.then = then
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False
    def painted(self):
        print("painted", time.perf_counter(), time.process_time(), flush=True)
        if self.then:
            self.then()
"""

BARE = (
    "import sys, time\n"
    + PAINT_PROBE
    + """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
window = QMainWindow(); label = QLabel("hello"); window.setCentralWidget(label)
window.resize(1024, 700)
probe = FirstPaint(then=app.quit)
label.installEventFilter(probe)
window.show()
app.exec()
"""
)

# SelfCheck as `make run` starts it (the CLI module, then run_gui: the display check and
# open_main_window): the window paints the start screen, then opens the checklists and
# the history; "ready" is when the start screen can be used.
SELFCHECK = (
    "import os, sys, time\n"
    + PAINT_PROBE
    + """
import desktop.cli  # what `selfcheck` and `python -m desktop` import first
from desktop.gui.display import display_problem  # then run_gui's steps, in its order
assert display_problem() is None
from desktop.gui.app import open_main_window
app, window = open_main_window()
probe = FirstPaint()
window.start.installEventFilter(probe)
window.ready.connect(
    lambda: (print("ready", time.perf_counter(), time.process_time(), flush=True), os._exit(0))
)
window.failed.disconnect()  # not the app's message box: say why and stop
window.failed.connect(lambda message: (print(message, file=sys.stderr), os._exit(1)))
window.show()
app.exec()
"""
)

# An earlier start: it runs until the checklists have been parsed and the cache written.
WARM_UP = """
import os, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from desktop.gui.main_window import MainWindow
window = MainWindow()
window.policy_checked.connect(lambda: os._exit(0))
window.failed.connect(lambda message: (print(message, file=sys.stderr), os._exit(1)))
window.show()
app.exec()
"""


def run(code: str, cache: str, home: str) -> str:
    """What `code` prints, run in a fresh interpreter with these cache and data folders."""
    env = {**os.environ, "SELFCHECK_HOME": home, "XDG_CACHE_HOME": cache}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout


def measure(code: str, cache: str, home: str) -> tuple[float, float, float, float]:
    """Seconds from spawning the interpreter to the first paint and to ready, and the
    CPU time the process had used by each (less swayed by other work on the machine)."""
    started = time.perf_counter()
    out = run(code, cache, home)
    marks = {line.split()[0]: line.split()[1:] for line in out.strip().splitlines()}
    painted, ready = marks["painted"], marks.get("ready", marks["painted"])
    return (
        float(painted[0]) - started,
        float(ready[0]) - started,
        float(painted[1]),
        float(ready[1]),
    )


def main() -> None:
    cold = "--cold" in sys.argv[1:]
    cache, home = tempfile.mkdtemp(prefix="bench-cache-"), tempfile.mkdtemp(prefix="bench-")
    if not cold:
        run(WARM_UP, cache, home)
    bare, ours = [], []
    for _ in range(RUNS):  # alternated, so a busy moment of the machine hits both alike
        bare.append(measure(BARE, cache, home))
        if cold:
            cache, home = (tempfile.mkdtemp(prefix=p) for p in ("bench-cache-", "bench-"))
        ours.append(measure(SELFCHECK, cache, home))
    b, p, r = (
        statistics.median(m[i] for m in runs) for runs, i in ((bare, 0), (ours, 0), (ours, 1))
    )
    cb, cp, cr = (
        statistics.median(m[i] for m in runs) for runs, i in ((bare, 2), (ours, 2), (ours, 3))
    )
    print(f"bare PySide6 window, first paint: {b * 1000:.0f} ms (median of {RUNS})")
    print(f"SelfCheck start screen, first paint: {p * 1000:.0f} ms (median of {RUNS})")
    print(f"SelfCheck start screen, ready for use: {r * 1000:.0f} ms (median of {RUNS})")
    print(f"ratio, first paint: {p / b:.2f}x (goal <= 1.2x)")
    print(f"ratio, ready for use: {r / b:.2f}x (goal <= 1.5x)")
    print(
        f"CPU time: bare {cb * 1000:.0f} ms, painted {cp * 1000:.0f} ms ({cp / cb:.2f}x), "
        f"ready {cr * 1000:.0f} ms ({cr / cb:.2f}x)"
    )
    print(
        "cache and data folder: "
        + ("new at every start (--cold)" if cold else "made by an earlier start (no declaration)")
    )


if __name__ == "__main__":
    main()
