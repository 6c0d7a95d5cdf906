"""The checklists parsed in full once the start screen is up, off the GUI thread.

The window opens on a cached policy (desktop.core.policy.cache) when one matches the
checklist bytes read at start. Anyone who can write the user's files could have edited
that entry, so it only ever fills in the start screen: the checklists are parsed again as
a task of the app's pool (gui.tasks), and an assessment, a review or the history window
uses the policy that parse gives (`Session.settle_policy` waits for it). The same task
writes the cache for the next start.
"""

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop.core.policy.files import Checklists
    from desktop.core.policy.model import Policy


class PolicyCheck:
    """`shown` is the policy the session opened with: parsed now (`parsed`) or cached."""

    def __init__(
        self, checklists: "Checklists", shown: "Policy", *, parsed: bool, cache: Path
    ) -> None:
        self.checklists = checklists
        self.shown = shown
        self.parsed = parsed
        self.cache = cache
        self._fresh: Policy | None = shown if parsed else None
        self._error: BaseException | None = None
        self._started = False
        self._finished = threading.Event()  # the task's end, which `result` waits for
        self._done = False

    def start(self, done: Callable[[], None], *, receiver: "QObject") -> None:
        """Parse (and keep the cache) as a task of the app's pool (gui.tasks); `done` is
        called on the GUI thread, while `receiver` exists."""
        from desktop.gui.tasks import run_task

        if self._started or self._done:
            return
        self._started = True

        def work() -> None:
            try:
                self._run()
            finally:
                self._finished.set()

        run_task(work, lambda _outcome: done(), receiver=receiver)

    def _run(self) -> None:
        try:
            self._check()
        finally:
            self._done = True

    def _check(self) -> None:
        from desktop.core.policy.cache import store_policy

        if self._fresh is None:
            from desktop.core.policy.loader import policy_from

            try:
                self._fresh = policy_from(self.checklists)
            except Exception as exc:  # a cache entry for checklists that do not load
                self._error = exc
                return
        if self.parsed or self._fresh != self.shown:  # a new entry, or a wrong one replaced
            with contextlib.suppress(OSError):  # no cache: the next start parses, that is all
                store_policy(self.checklists, self._fresh, self.cache)

    def result(self) -> "Policy":
        """The policy parsed from the checklists; waits for the thread, raises its error."""
        if not self._started:  # not started (no window yet): parse here
            if not self._done:
                self._run()
        else:
            self._finished.wait()
        if self._error is not None:
            raise self._error
        assert self._fresh is not None
        return self._fresh

    def wait(self, timeout: float) -> None:
        """Let a cache write in progress finish (at exit)."""
        if self._started:
            self._finished.wait(timeout)
