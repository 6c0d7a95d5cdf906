"""What the windows share during one run: the policy, the history, the key store, the
language, and the passwords typed so far (as measurements only)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.assessment.checks.password import PasswordSession
from desktop.core.assessment.draft import Draft
from desktop.core.assessment.flow import Flow
from desktop.core.base.errors import AnswersError
from desktop.core.policy.model import Policy
from desktop.core.records.history import History
from desktop.gui.language import LanguageSwitch
from desktop.gui.measurer import Measurer

if TYPE_CHECKING:
    from desktop.core.records.summary_shape import Summary
    from desktop.core.signing.keys import KeyStore


@dataclass
class Session:
    policy: Policy
    home: Path
    language: LanguageSwitch
    history: History | None  # None when the history could not be opened (reported at start)
    measurer: Measurer = field(default_factory=Measurer)
    flow: Flow | None = None
    passwords: PasswordSession | None = None
    # Account ids whose password the person chose not to type (the item is declared).
    declined: set[str] = field(default_factory=set)
    signed: bool = False  # the flow ended in a signature: its draft is gone for good
    # What went wrong opening the history (moved aside, unreadable), told once at start.
    startup_warning: str | None = None
    _keys: "KeyStore | None" = None

    @property
    def keys(self) -> "KeyStore":
        """The key store, loaded when signing comes near: keyring is slow to import."""
        if self._keys is None:
            from desktop.core.signing.keys import KeyStore

            self._keys = KeyStore(self.home)
        return self._keys

    def start(self, draft: Draft) -> Flow:
        self.flow = Flow(self.policy, draft)
        self.passwords = None
        self.declined.clear()
        self.signed = False
        return self.flow

    def password_session(self) -> PasswordSession | None:
        """The measurements of this run, made once the person and accounts are known."""
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
        """The latest signed declaration (decoded), what the review compares with."""
        if self.history is None:
            return None
        from desktop.core.records.declare import last_declared

        return last_declared(self.history)

    def close(self) -> None:
        self.measurer.close()
        if self.history is not None:
            self.history.close()
