"""Work off the GUI thread: results come back by signal, to a window that may be gone."""

import contextlib
from typing import Any


def emit_if_alive(signal: Any, value: object) -> None:
    """Emit from a worker thread; the queued signal reaches the GUI thread. If the window
    that owned the emitter was closed meanwhile, there is no one left to tell."""
    with contextlib.suppress(RuntimeError):
        signal.emit(value)
