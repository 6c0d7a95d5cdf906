"""Background tasks on real pool threads: the outcome comes back on the GUI thread, to a
receiver that still exists, and never to one deleted meanwhile."""

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.gui import tasks


class Receiver(QObject):
    got = Signal(object)


@pytest.fixture
def receiver(qtbot: QtBot) -> Receiver:
    return Receiver()


def test_the_task_runs_on_a_pool_thread_and_its_value_comes_back_on_the_gui_thread(
    qtbot: QtBot, receiver: Receiver
) -> None:
    gui = QThread.currentThread()
    ran_on: list[QThread] = []
    done_on: list[QThread] = []

    def work() -> int:
        ran_on.append(QThread.currentThread())
        return 42

    def done(outcome: tasks.Outcome[int]) -> None:
        done_on.append(QThread.currentThread())
        receiver.got.emit(outcome.get())

    with qtbot.waitSignal(receiver.got, timeout=10_000) as blocker:
        tasks.run_task(work, done, receiver=receiver)
    assert blocker.args == [42]
    assert ran_on and ran_on[0] != gui
    assert done_on == [gui]


def test_an_exception_comes_back_as_the_outcome_never_a_traceback(
    qtbot: QtBot, receiver: Receiver
) -> None:
    def work() -> None:
        raise OSError(28, "No space left on device")

    with qtbot.waitSignal(receiver.got, timeout=10_000) as blocker:
        tasks.run_task(work, receiver.got.emit, receiver=receiver)
    (outcome,) = blocker.args
    assert isinstance(outcome.error, OSError) and outcome.value is None
    with pytest.raises(OSError, match="No space"):
        outcome.get()


def test_a_receiver_deleted_meanwhile_is_not_called_back(qtbot: QtBot, receiver: Receiver) -> None:
    gone = Receiver()
    release = threading.Event()
    called: list[object] = []
    tasks.run_task(lambda: release.wait(10), called.append, receiver=gone)
    shiboken6.delete(gone)  # the window closed while its task ran
    release.set()
    # Outcomes come back in order: once the second arrives, the first was handled.
    with qtbot.waitSignal(receiver.got, timeout=10_000):
        tasks.run_task(lambda: None, receiver.got.emit, receiver=receiver)
    QApplication.processEvents()
    assert called == []


def test_progress_relayed_from_the_task_arrives_in_order_before_the_outcome(
    qtbot: QtBot, receiver: Receiver
) -> None:
    seen: list[object] = []
    tell = tasks.relay(seen.append, receiver=receiver)

    def work() -> str:
        for n in range(5):
            tell(n)
        return "done"

    with qtbot.waitSignal(receiver.got, timeout=10_000):
        tasks.run_task(work, lambda o: receiver.got.emit(seen.append(o.get())), receiver=receiver)
    assert seen == [0, 1, 2, 3, 4, "done"]
