"""Start-up: process start to the first painted start screen, against a bare PySide6 window.

Both are measured in the same run, each as a fresh process, several times; the script
prints the medians and the ratio (goal: at most 1.5x). Run under a display, e.g.
    xvfb-run -a .venv/bin/python bench/startup.py
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 7

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.setCentralWidget(QLabel("hello")); window.resize(1024, 700)
window.show()
QTimer.singleShot(0, lambda: (print(time.perf_counter()), sys.stdout.flush(), app.quit()))
app.exec()
"""

SELFCHECK = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from desktop.gui.app import open_session
from desktop.gui.main_window import MainWindow
window = MainWindow(open_session())
window.show()
QTimer.singleShot(0, lambda: (print(time.perf_counter()), sys.stdout.flush(), os._exit(0)))
app.exec()
"""


def measure(code: str) -> float:
    """Seconds from spawning the interpreter to the first event-loop turn after show()."""
    env = {**os.environ, "SELFCHECK_HOME": tempfile.mkdtemp(prefix="bench-")}
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    painted = float(out.strip().splitlines()[-1])
    return painted - started


def main() -> None:
    bare = [measure(BARE) for _ in range(RUNS)]
    ours = [measure(SELFCHECK) for _ in range(RUNS)]
    b, s = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window: {b * 1000:.0f} ms (median of {RUNS})")
    print(f"SelfCheck start screen: {s * 1000:.0f} ms (median of {RUNS})")
    print(f"ratio: {s / b:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
