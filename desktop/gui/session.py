"""What the windows share during one run: the policy, the history, the key store, the
language, and the passwords typed so far (as measurements only)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.gui.language import LanguageSwitch
from desktop.gui.measurer import Measurer

# Types only: the session is opened right after the first paint, and what is not needed
# to show the start screen (the flow, the password checks, the summaries) loads on use.
if TYPE_CHECKING:
    from desktop.core.assessment.checks.password import PasswordSession
    from desktop.core.assessment.draft import Draft
    from desktop.core.assessment.flow import Flow
    from desktop.core.policy.model import Policy
    from desktop.core.records.history import History
    from desktop.core.records.summary_shape import Summary
    from desktop.core.signing.keys import KeyStore
    from desktop.gui.policy_check import PolicyCheck


@dataclass
class Session:
    policy: "Policy"
    home: Path
    language: LanguageSwitch
    history: "History | None"  # None when the history could not be opened (reported at start)
    measurer: Measurer = field(default_factory=Measurer)
    flow: "Flow | None" = None
    passwords: "PasswordSession | None" = None
    # Account ids whose password the person chose not to type (the item is declared).
    declined: set[str] = field(default_factory=set)
    signed: bool = False  # the flow ended in a signature: its draft is gone for good
    # What went wrong opening the history (moved aside, unreadable), told once at start.
    startup_warning: str | None = None
    # Set when the policy came from the cache, or the cache is still to be written.
    policy_check: "PolicyCheck | None" = None
    _keys: "KeyStore | None" = None
    # The latest declaration when this run began: what its review compares with, never
    # the declaration the run itself signs.
    _before_run: "Summary | None" = None

    @property
    def keys(self) -> "KeyStore":
        """The key store, loaded when signing comes near: keyring is slow to import."""
        if self._keys is None:
            from desktop.core.signing.keys import KeyStore

            self._keys = KeyStore(self.home)
        return self._keys

    def settle_policy(self) -> bool:
        """Make `policy` the one parsed from the checklists now, with its origin (signed
        or not), waiting for the parse if it is still running; True if the policy shown
        until then was not that one (a wrong cache entry). Raises what loading the
        checklists raises. Called before the policy is used for what is recorded."""
        if self.policy_check is None:
            return False
        check = self.policy_check
        self.policy = check.result()
        self.policy_check = None
        return check.stale

    def start(self, draft: "Draft") -> "Flow":
        from desktop.core.assessment.flow import Flow

        self.settle_policy()
        self.flow = Flow(self.policy, draft)
        self._before_run = self._read_last_declared()
        self.passwords = None
        self.declined.clear()
        self.signed = False
        return self.flow

    def password_session(self) -> "PasswordSession | None":
        """The measurements of this run, made once the person and accounts are known."""
        from desktop.core.assessment.checks.password import PasswordSession
        from desktop.core.base.errors import AnswersError

        if self.flow is None:
            return None
        if self.passwords is None:
            try:
                submission = self.flow.submission()
            except AnswersError:  # incomplete draft: nothing can be measured yet
                return None
            self.passwords = PasswordSession(submission.person, submission.accounts)
        return self.passwords

    def save_draft(self) -> None:
        if self.flow is not None and self.history is not None and not self.signed:
            draft = self.flow.draft
            self.history.save_draft(draft.id, draft.programme, draft.dump())

    def last_declared(self) -> "Summary | None":
        """The latest declaration signed before this run began (decoded), what the review
        compares with; outside a run, the latest there is."""
        if self.flow is not None:
            return self._before_run
        return self._read_last_declared()

    def _read_last_declared(self) -> "Summary | None":
        if self.history is None:
            return None
        from desktop.core.records.declare import last_declared

        return last_declared(self.history)

    def close(self) -> None:
        if self.policy_check is not None:
            self.policy_check.wait(timeout=5)
        self.measurer.close()
        if self.history is not None:
            self.history.close()


def open_session(language: LanguageSwitch | None = None, *, cache: Path | None = None) -> Session:
    """The policy, the history and the key store of this computer; Vietnamese unless a
    language switch already set up by the window is given.

    With a `cache` folder, the policy may come from there (desktop.core.policy.cache);
    `policy_check` then holds what is still to do: the parse that confirms it.

    Raises SelfCheckError or OSError when the checklists cannot be read. A damaged or
    unreadable history does not stop the app: it is reported in `startup_warning`."""
    from PySide6.QtCore import QCoreApplication

    from desktop.core.base.paths import data_home
    from desktop.core.records.history import History, HistoryDamaged, HistoryError

    if language is None:
        language = LanguageSwitch(QCoreApplication.instance())
        language.set_language("vi")
    home = data_home()
    policy, check = _open_policy(cache, home)
    warning = None
    try:
        history: History | None = History(home)
    except HistoryDamaged as exc:
        from desktop.gui.messages import describe  # only now: it loads every error kind

        warning = describe(exc)
        history = History(home)  # a fresh one; its chain reports what was lost
    except HistoryError as exc:
        from desktop.gui.messages import describe

        warning = describe(exc)
        history = None
    return Session(policy, home, language, history, startup_warning=warning, policy_check=check)


def _open_policy(cache: Path | None, home: Path) -> "tuple[Policy, PolicyCheck | None]":
    """The policy of the active pack (desktop.core.signing.pack_policy). With a cache
    folder: cached or parsed now, its origin (whether the pack is signed, which loads and
    checks signatures) left to the check that runs once the start screen is ready (see
    PolicyCheck); the start screen shows no part of it. Without one: parsed, with its
    origin."""
    if cache is None:
        from desktop.core.signing.pack_policy import load_active_policy

        return load_active_policy(None, home), None
    from desktop.core.policy.cache import cached_policy
    from desktop.core.policy.files import read_checklists
    from desktop.core.signing.pack_pointer import named_folder
    from desktop.gui.policy_check import PolicyCheck

    if named_folder(home) is None:  # no pack installed: nothing to verify to choose
        from desktop.core.base.resources import checklists_dir

        folder = checklists_dir()
    else:
        from desktop.core.signing.pack_policy import active_folder

        folder = active_folder(home)
    checklists = read_checklists(folder)
    policy = cached_policy(checklists, cache)
    parsed = policy is None
    if policy is None:
        from desktop.core.policy.loader import policy_from

        policy = policy_from(checklists)
    return policy, PolicyCheck(checklists, policy, parsed=parsed, cache=cache, home=home)
