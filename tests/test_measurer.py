"""The password measurer's helper process: reports reach the field that asked, and only it."""

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QSocketNotifier, QTimer
from pytestqt.qtbot import QtBot

from desktop.gui.measurer import Measurer
from desktop.gui.password_field import PasswordMeter


@pytest.fixture
def measurer(qtbot: QtBot) -> Iterator[Measurer]:
    made = Measurer()
    yield made
    made.close()


def _ask(meter: PasswordMeter, password: str) -> None:
    meter.measure(password, ("nguyen", "van", "an"), password.encode())


def test_two_fields_asking_in_turn_each_get_their_own_report(
    qtbot: QtBot, measurer: Measurer
) -> None:
    first, second = PasswordMeter(measurer), PasswordMeter(measurer)
    with qtbot.waitSignals([first.ready, second.ready], timeout=20_000):
        _ask(first, "a" * 9)  # in flight
        _ask(second, "ba con meo tam nang " * 2)  # waits for the first to come back
    assert first.latest[0] is not None and first.latest[0].length == 9
    assert first.latest[1] == b"a" * 9  # with the digest of its own text
    assert second.latest[0] is not None and second.latest[0].length == 40
    assert not first.pending and not second.pending


def test_a_report_for_a_field_gone_never_reaches_the_next_one(
    qtbot: QtBot, measurer: Measurer
) -> None:
    """Matched by the owner's id(), the report of a page closed mid-measure went to whichever
    new field happened to reuse its memory, as that field's first result."""
    gone = PasswordMeter(measurer)
    _ask(gone, "the old page's password")  # in flight when its page closes
    shiboken6.delete(gone)
    new = PasswordMeter(measurer)
    reports: list[int] = []
    new.ready.connect(lambda: reports.append(new.latest[0].length))  # type: ignore[union-attr]
    with qtbot.waitSignal(new.ready, timeout=20_000):
        _ask(new, "short1")
    with qtbot.assertNotEmitted(new.ready, wait=200):  # nothing more comes
        pass
    assert reports == [6]


def test_only_the_newest_text_of_a_field_is_shown(qtbot: QtBot, measurer: Measurer) -> None:
    meter = PasswordMeter(measurer)
    lengths: list[int] = []
    meter.ready.connect(lambda: lengths.append(meter.latest[0].length))  # type: ignore[union-attr]
    _ask(meter, "m")
    _ask(meter, "mo")
    with qtbot.waitSignal(meter.ready, timeout=20_000):
        _ask(meter, "mot")
    assert lengths == [3]


def test_the_pipe_is_watched_by_a_notifier_not_a_timer(qtbot: QtBot, measurer: Measurer) -> None:
    meter = PasswordMeter(measurer)
    with qtbot.waitSignal(meter.ready, timeout=20_000):
        _ask(meter, "correct horse")
    assert measurer.findChildren(QSocketNotifier)
    assert not measurer.findChildren(QTimer)


def test_a_helper_that_dies_is_replaced_at_the_next_request(
    qtbot: QtBot, measurer: Measurer
) -> None:
    meter = PasswordMeter(measurer)
    with qtbot.waitSignal(meter.ready, timeout=20_000):
        _ask(meter, "first one")
    measurer._process.kill()
    measurer._process.join(5)
    qtbot.waitUntil(lambda: measurer._conn is None, timeout=5_000)  # the end is noticed
    with qtbot.waitSignal(meter.ready, timeout=20_000):
        _ask(meter, "second one!")
    assert meter.latest[0] is not None and meter.latest[0].length == 11


def test_without_a_helper_the_password_is_measured_here_after_the_number_is_known(
    qtbot: QtBot, measurer: Measurer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot(*_: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(measurer, "_ensure", cannot)
    meter = PasswordMeter(measurer)
    with qtbot.waitSignal(meter.ready, timeout=5_000):
        _ask(meter, "measured at home")
        assert meter.pending  # not answered before the request returned
    assert meter.latest[0] is not None and meter.latest[0].length == 16
