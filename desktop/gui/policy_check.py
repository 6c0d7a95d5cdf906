"""The checklists parsed in full once the start screen is up, off the GUI thread.

The window opens on a cached policy (desktop.core.policy.cache) when one matches the
checklist bytes read at start. Anyone who can write the user's files could have edited
that entry, so it only ever fills in the start screen: the checklists are parsed again as
a task of the app's pool (gui.tasks), and an assessment, a review or the history window
uses the policy that parse gives (`Session.settle_policy` waits for it), with its origin:
whether the pack is signed, which the same task finds (pack_policy.origin_of: the
signature checked, ~50 ms that the start screen does not wait for). It also writes the
cache for the next start.
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
        self,
        checklists: "Checklists",
        shown: "Policy",
        *,
        parsed: bool,
        cache: Path,
        home: Path | None,
    ) -> None:
        self.checklists = checklists
        self.shown = shown
        self.parsed = parsed
        self.cache = cache
        self.home = home  # where the trusted keys are (pack_trust.trusted_signers)
        self._fresh: Policy | None = shown if parsed else None
        self._with_origin: Policy | None = None
        self.stale = False  # `shown` was not what the checklists say (known once checked)
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
        from desktop.core.signing.pack_policy import origin_of

        try:
            if self._fresh is None:
                from desktop.core.policy.loader import policy_from

                self._fresh = policy_from(self.checklists)
            self._with_origin = origin_of(self._fresh, self.checklists, self.home)
        except Exception as exc:  # a cache entry for checklists that do not load
            self._error = exc
            return
        self.stale = self._fresh != self.shown
        if self.parsed or self.stale:  # a new entry, or a wrong one replaced
            with contextlib.suppress(OSError):  # no cache: the next start parses, that is all
                store_policy(self.checklists, self._fresh, self.cache)

    def result(self) -> "Policy":
        """The policy parsed from the checklists, with its origin; waits for the thread,
        raises its error."""
        if not self._started:  # not started (no window yet): parse here
            if not self._done:
                self._run()
        else:
            self._finished.wait()
        if self._error is not None:
            raise self._error
        assert self._with_origin is not None
        return self._with_origin

    def wait(self, timeout: float) -> None:
        """Let a cache write in progress finish (at exit)."""
        if self._started:
            self._finished.wait(timeout)
