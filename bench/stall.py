"""Signing and exporting: the longest stall of the GUI event loop while they run.

A 1 ms heartbeat timer runs on the GUI thread; the longest gap between two beats from the
click until the result is shown is the worst stall a person would feel (goal: no stall
over 50 ms). Measured for signing an assessment (the key kept in an encrypted key file,
so its scrypt runs too), then for exporting the bundle and the PDF from the history
window, each a few times, against the bare heartbeat's own longest gap with nothing
running, in the same run. Run under a display, e.g.
    xvfb-run -a .venv/bin/python bench/stall.py [ROUNDS] [--gc-freeze]

A full garbage collection holds the interpreter lock for 50-140 ms wherever it runs, a
pool thread included; --gc-freeze calls gc.freeze() once the session and the window are
open, as the app does once its checklists are checked (desktop/gui/app.py), so that such a
collection does not walk every object the app keeps for its whole life.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project, not bench/, first on the path: bench/typing.py would shadow the stdlib.
sys.path[0] = str(ROOT)

import gc  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import tomllib  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

os.environ["SELFCHECK_HOME"] = tempfile.mkdtemp(prefix="bench-stall-")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

GOAL_MS = 50
PASSPHRASE = "a passphrase for the benchmark's key file"


@dataclass(frozen=True)
class Gap:
    """One gap between beats, and where the GUI thread's time went meanwhile (Linux's
    /proc schedstat): running (the app's own work on it), runnable but waiting for a CPU
    (other programs, or the app's other threads, had the cores), or blocked (waiting
    for the interpreter lock or another lock a worker held)."""

    ms: int = 0
    running: int = 0
    waiting: int = 0

    @property
    def blocked(self) -> int:
        return max(self.ms - self.running - self.waiting, 0)

    def __str__(self) -> str:
        if not SCHEDSTAT:
            return f"{self.ms} ms"
        return (
            f"{self.ms} ms (running {self.running}, waiting for a CPU {self.waiting}, "
            f"blocked {self.blocked})"
        )


SCHEDSTAT = f"/proc/self/task/{threading.get_native_id()}/schedstat"  # this, the GUI thread
if not os.path.exists(SCHEDSTAT):
    SCHEDSTAT = ""


def _schedstat() -> tuple[float, float]:
    """(ms on a CPU, ms runnable but waiting for one) of the GUI thread so far."""
    if not SCHEDSTAT:
        return 0.0, 0.0
    with open(SCHEDSTAT) as stat:
        running, waiting, _slices = stat.read().split()
    return int(running) / 1e6, int(waiting) / 1e6


class Heart:
    """The 1 ms heartbeat: the longest gap since `reset`."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.stat = _schedstat()
        self.worst = Gap()
        self.ending: QEventLoop | None = None  # quit at the next beat
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        now, stat = self.clock.elapsed(), _schedstat()
        if now - self.last > self.worst.ms:
            running, waiting = (round(b - a) for a, b in zip(self.stat, stat, strict=True))
            self.worst = Gap(now - self.last, running, waiting)
        self.last, self.stat = now, stat
        if self.ending is not None:
            self.ending.quit()
            self.ending = None

    def reset(self) -> None:
        self.last, self.stat = self.clock.elapsed(), _schedstat()
        self.worst = Gap()

    def measure(self, start: Callable[[], None], finished: Any) -> Gap:
        """The longest gap from calling `start` until the first beat after `finished` (a
        signal) fires: the work done around the signal counts too. With no signal to wait
        for (the commits before run_task exported on the GUI thread), until `start`
        returns and the next beat comes."""
        loop = QEventLoop()

        def end(*_args: object) -> None:
            self.ending = loop

        if finished is not None:
            finished.connect(end)
            QTimer.singleShot(60_000, loop.quit)
        else:
            QTimer.singleShot(0, end)
        self.reset()
        start()
        loop.exec()
        if finished is not None:
            finished.disconnect(end)
        return self.worst

    def idle(self, ms: int) -> Gap:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        self.reset()
        loop.exec()
        return self.worst


def to_sign_page(window: Any, session: Any, out: Path) -> Any:
    """A fresh assessment of the annual example, every password declared, on its Sign page."""
    from desktop.core.assessment.draft import Draft
    from tests.gui_driver import declare_every_password

    session.start(Draft(tomllib.loads((ROOT / "examples/annual.toml").read_text("utf-8"))))
    window.wizard.open()
    window.stack.setCurrentWidget(window.wizard)
    declare_every_password(window)  # the same walk as the GUI tests
    window.wizard.show_step(len(window.wizard.steps) - 1)
    sign = window.wizard.page
    sign.folder.setText(str(out))
    sign.passphrase.field.setText(PASSPHRASE)
    sign.passphrase.again.setText(PASSPHRASE)  # asked for when the key file is new
    return sign


def main() -> None:
    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    rounds = int(numbers[0]) if numbers else 3
    _app = QApplication(sys.argv[:1])  # kept alive for the whole run
    from keyring.backends import fail

    from desktop.core.signing.keys import KeyStore
    from desktop.gui.history_window import HistoryWindow
    from desktop.gui.main_window import MainWindow
    from desktop.gui.session import open_session

    session = open_session()
    session._keys = KeyStore(session.home, fail.Keyring())  # no keychain: the key file
    window = MainWindow(session)
    window.show()
    if "--gc-freeze" in sys.argv:
        gc.freeze()
        print(f"gc.freeze(): {gc.get_freeze_count()} objects left out of collections")
    heart = Heart()
    out = Path(tempfile.mkdtemp(prefix="bench-stall-out-"))
    heart.idle(500)  # the window's first paint is not the baseline
    bare = max((heart.idle(1000) for _ in range(3)), key=lambda g: g.ms)
    print(f"bare heartbeat, longest gap over 3 x 1 s idle: {bare}")

    signing = []
    for n in range(rounds):
        sign = to_sign_page(window, session, out / f"sign-{n}")
        # The pages of the round before are deleted, and the new ones laid out and
        # painted, by the event loop: not part of signing.
        heart.idle(500)
        signing.append(heart.measure(sign.sign_button.click, sign.signed))
        assert session.signed, sign.result.text()
    print("signing (the first makes the key), longest gap per round:")
    for gap in signing:
        print(f"  {gap}")

    window.show_start()
    history = HistoryWindow(session, window)
    history.show()
    heart.idle(500)
    exported = getattr(history, "exported", None)
    bundles, pdfs = [], []
    for n in range(rounds):
        folder = out / f"export-{n}"
        folder.mkdir()
        bundles.append(heart.measure(lambda f=folder: history.export_bundle_to(f), exported))
        pdfs.append(
            heart.measure(lambda f=folder: history.export_pdf_to(f / "summary.pdf"), exported)
        )
    for name, gaps in (("exporting the bundle", bundles), ("exporting the PDF", pdfs)):
        print(f"{name}, longest gap per round:")
        for gap in gaps:
            print(f"  {gap}")
    every = signing + bundles + pdfs
    worst = max(g.ms for g in every)
    verdict = "met" if worst <= GOAL_MS else "NOT met"
    print(f"worst: {worst} ms against a bare {bare.ms} ms (goal: at most {GOAL_MS} ms): {verdict}")
    if SCHEDSTAT:
        own = max(g.ms - g.waiting for g in every)
        print(f"worst less the time the GUI thread waited for a free CPU: {own} ms")
    sys.stdout.flush()
    os._exit(0)  # the windows and the helper process need no orderly end here


if __name__ == "__main__":
    main()
