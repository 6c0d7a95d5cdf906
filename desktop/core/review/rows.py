"""What a review says about each person: the problems a row can have, in both languages,
and the few fields kept of each verified bundle."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from desktop.core.base.i18n import Language, Text
from desktop.core.policy.model import Severity
from desktop.core.records.bundle import Failure
from desktop.core.review.policy import PolicyProblem


class Problem(StrEnum):
    NOT_A_BUNDLE = "not a bundle"
    MALFORMED = "malformed"
    TRUNCATED = "truncated"
    BAD_SIGNATURE = "bad signature"
    UNKNOWN_SIGNER = "unknown signer"
    DUPLICATE = "duplicate"
    FORK = "forked history"
    GAP = "gap"
    BROKEN_CHAIN = "chain does not continue"
    REWRITTEN = "rewritten since accepted"
    ROLLED_BACK = "older than accepted"
    NO_DECLARATION = "no declaration"
    SHARED_KEY = "one key for two people"
    REPLACED_KEY = "signed by a replaced key"
    NAME_MISMATCH = "name differs from the roster"
    UNIT_MISMATCH = "unit differs from the roster"
    # The policy it was assessed against: review.policy's words, defined there.
    UNSIGNED_POLICY = PolicyProblem.UNSIGNED.value
    POLICY_NOT_ACCEPTED = PolicyProblem.NOT_ACCEPTED.value
    MODIFIED_POLICY = PolicyProblem.MODIFIED.value
    EXPIRED_POLICY = PolicyProblem.EXPIRED.value


# Shown instead of "compliant" for a declaration assessed against a policy not accepted.
POLICY_NOT_ACCEPTED_VERDICT = "policy-not-accepted"


# Each problem as the unit report names it; a problem missing here is shown by its value.
PROBLEM_WORDS: dict[Problem, Text] = {
    Problem.NOT_A_BUNDLE: Text("không phải gói bản khai", "not a bundle"),
    Problem.MALFORMED: Text("sai định dạng", "malformed"),
    Problem.TRUNCATED: Text("bị cắt cụt", "truncated"),
    Problem.BAD_SIGNATURE: Text("chữ ký không hợp lệ", "bad signature"),
    Problem.UNKNOWN_SIGNER: Text("người ký không có trong danh sách", "unknown signer"),
    Problem.DUPLICATE: Text("trùng lặp", "duplicate"),
    Problem.FORK: Text("lịch sử rẽ nhánh", "forked history"),
    Problem.GAP: Text("thiếu bản khai", "gap"),
    Problem.BROKEN_CHAIN: Text("chuỗi không liền mạch", "chain does not continue"),
    Problem.REWRITTEN: Text("bị viết lại sau khi đã chấp nhận", "rewritten since accepted"),
    Problem.ROLLED_BACK: Text("cũ hơn bản đã chấp nhận", "older than accepted"),
    Problem.NO_DECLARATION: Text("chưa nộp bản khai", "no declaration"),
    Problem.SHARED_KEY: Text("một khóa ký cho hai người", "one key for two people"),
    Problem.REPLACED_KEY: Text("ký bằng khóa đã được thay", "signed by a replaced key"),
    Problem.NAME_MISMATCH: Text("họ tên khác danh sách", "name differs from the roster"),
    Problem.UNIT_MISMATCH: Text("đơn vị khác danh sách", "unit differs from the roster"),
    Problem.UNSIGNED_POLICY: Text("bộ tiêu chí chưa được ký", "unsigned policy"),
    Problem.POLICY_NOT_ACCEPTED: Text(
        "bộ tiêu chí không được đơn vị chấp nhận", "policy not accepted"
    ),
    Problem.MODIFIED_POLICY: Text("bộ tiêu chí đã bị sửa đổi", "modified policy"),
    Problem.EXPIRED_POLICY: Text("bộ tiêu chí đã hết hạn", "expired policy"),
}


# Why a bundle did not verify, as the review row names it: every Failure is here (a test
# checks), so a new one is never shown as another.
FAILURE_PROBLEMS: dict[Failure, Problem] = {
    Failure.MALFORMED: Problem.MALFORMED,
    Failure.TRUNCATED: Problem.TRUNCATED,
    Failure.BAD_SIGNATURE: Problem.BAD_SIGNATURE,
    Failure.UNKNOWN_SIGNER: Problem.UNKNOWN_SIGNER,
}


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    detail: str  # English, as the command line and the CSV show it
    path: Path | None = None
    text: Text | None = None  # the detail in both languages, where it has them

    def shown(self, language: Language) -> str:
        """`problem: detail` in `language`, for the unit report."""
        words = PROBLEM_WORDS.get(self.problem)
        label = words.get(language) if words else self.problem.value
        detail = self.text.get(language) if self.text else self.detail
        return f"{label}: {detail}"


class Link(NamedTuple):
    """What the review keeps of every verified bundle: enough to follow a chain.

    Declarations are numbered per key (a new key starts again at 1), so chains are
    followed per (person, key)."""

    key: str  # the signer's fingerprint
    seq: int
    sha256: str
    prev: str | None
    issued_at: str
    path: str


@dataclass(slots=True)
class Declared:
    """What the review keeps of each person's latest bundle, for their row."""

    path: Path
    key: str  # the signer's fingerprint
    seq: int
    sha256: str
    prev: str | None
    programme: str
    verdict: str
    issued_at: str
    name: str
    unit: str
    open_by_severity: dict[Severity, int]
    next_due: date | None
    # What is wrong with the policy it was assessed against (review.policy): never compliant.
    policy_problems: list[Finding] = field(default_factory=list)

    @property
    def shown_verdict(self) -> str:
        """The verdict as a review shows it: a declaration assessed against a policy the
        unit does not accept is never shown as compliant."""
        if self.policy_problems and self.verdict == "compliant":
            return POLICY_NOT_ACCEPTED_VERDICT
        return self.verdict


@dataclass(slots=True)
class Row:
    staff_id: str
    name: str
    unit: str
    latest: Declared | None = None
    problems: list[Finding] = field(default_factory=list)
    overdue: bool = False

    @property
    def sound(self) -> bool:
        return not self.problems and self.latest is not None


@dataclass(slots=True)
class Report:
    rows: list[Row]
    unreadable: list[Finding]  # files that could not be tied to a person
    bundles: int = 0
