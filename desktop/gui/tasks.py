"""Slow work off the GUI thread, one way: `run_task(func, on_done, receiver=...)`.

`func` runs on the app's thread pool; its outcome (value or exception) reaches `on_done` on
the GUI thread, and only if `receiver` still exists by then: a window closed meanwhile is
not called back. Picard's `run_task` is the model (picard/util/thread.py), KeePassXC's
rule the guard. Tests swap the pool for one that runs each task at once.
"""

import atexit
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal, Slot

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a task came to: the value it returned, or the exception it raised."""

    value: T | None = None
    error: BaseException | None = None

    def get(self) -> T:
        """The value; the task's exception raised again, on the GUI thread, if it failed."""
        if self.error is not None:
            raise self.error
        return cast(T, self.value)


class Pool(Protocol):
    def start(self, runnable: QRunnable, priority: int = ...) -> None: ...


class _Courier(QObject):
    """Lives on the GUI thread, for the life of the app. A signal emitted to it from a pool
    thread is queued to the GUI thread; emitted on the GUI thread it is delivered at once.
    Results go through it rather than through the receiver, so that no thread ever emits
    on an object the GUI thread may be deleting at that moment."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._deliver)

    @Slot(object)
    def _deliver(self, delivery: Callable[[], None]) -> None:
        delivery()


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], done: Callable[[Outcome[Any]], None]) -> None:
        super().__init__()
        self.func = func
        self.done = done

    def run(self) -> None:
        try:
            outcome: Outcome[Any] = Outcome(value=self.func())
        except BaseException as exc:  # whatever it was, the GUI is told: never left busy
            outcome = Outcome(error=exc)
        self.done(outcome)


_pool: Pool | None = None  # made on first use; tests put one that runs tasks at once
FINISH_AT_EXIT_MS = 60_000
_courier: _Courier | None = None


def _the_pool() -> Pool:
    global _pool
    if _pool is None:
        # The app's own pool rather than Qt's global one: its tasks write files and the
        # history, and nothing of Qt's should wait behind them (nor they behind Qt's).
        _pool = QThreadPool()
    return _pool


@atexit.register
def _finish() -> None:
    """When the app ends with a task still running (the window closed during a save), the
    task is let finish rather than cut off as the interpreter ends; a keychain still
    waiting for its password is not waited for beyond a minute."""
    if isinstance(_pool, QThreadPool):
        _pool.waitForDone(FINISH_AT_EXIT_MS)


def _the_courier() -> _Courier:
    global _courier
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        raise RuntimeError("run_task and relay belong on the GUI thread")
    if _courier is None:
        _courier = _Courier()
    return _courier


def relay(on_value: Callable[[T], None], *, receiver: QObject) -> Callable[[T], None]:
    """A function a task may call on its own thread as often as it likes (progress): each
    value reaches `on_value` on the GUI thread while `receiver` exists. Made on the GUI
    thread."""
    courier = _the_courier()

    def send(value: T) -> None:
        def deliver() -> None:
            if shiboken6.isValid(receiver):
                on_value(value)

        courier.arrived.emit(deliver)

    return send


def run_task(
    func: Callable[[], T], on_done: Callable[[Outcome[T]], None], *, receiver: QObject
) -> None:
    """Run `func` on the pool; `on_done` gets its Outcome on the GUI thread, unless
    `receiver` was deleted by then. Called on the GUI thread. While it runs, the screen
    fitter's application-wide filter is off (gui.screen_fit.pause says why)."""
    from desktop.gui import screen_fit

    courier = _the_courier()

    def done(outcome: Outcome[T]) -> None:
        def deliver() -> None:
            screen_fit.resume()  # whether or not the receiver is still there
            if shiboken6.isValid(receiver):
                on_done(outcome)

        courier.arrived.emit(deliver)

    screen_fit.pause()
    try:
        _the_pool().start(_Task(func, done))
    except BaseException:
        screen_fit.resume()  # never started: nothing will deliver
        raise
