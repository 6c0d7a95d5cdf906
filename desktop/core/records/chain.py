"""The hash chain of one computer's declarations: what a link is and how the chain is
checked (content, signature, order, continuity, and the head remembered outside the
database). Kept apart from the database that stores the links."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from desktop.core.base.errors import SelfCheckError

Heads = dict[str, tuple[int, str]]  # signer -> (seq, sha256) of its latest link
# How far this computer's clock may have been off between two declarations (a clock set
# right by the network moves by seconds, a daylight-saving slip by an hour): less is not
# flagged. A summary records UTC, so a time zone change is no skew at all.
CLOCK_SKEW = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Declaration:
    signer: str
    seq: int
    sha256: str
    prev: str | None
    programme: str
    verdict: str
    issued_at: str
    public_key: str
    summary: bytes
    signature: bytes


@dataclass(slots=True)
class ChainReport:
    declarations: int = 0
    problems: list[str] = field(default_factory=list)
    # The problems of each link, by (signer, seq): empty for a sound one.
    links: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    # Doubts that do not break the chain (it stays intact and signing goes on), but that
    # `selfcheck history` and the history window show: dates out of order or in the
    # future, and a key other than the enrolled one. Also in `links`, by link.
    flags: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    def flag(self, declaration: Declaration, doubt: str) -> None:
        text = f"declaration {declaration.seq} of {declaration.signer}: {doubt}"
        self.flags.append(text)
        self.links.setdefault((declaration.signer, declaration.seq), []).append(text)


def heads_of(declarations: list[Declaration]) -> Heads:
    """The latest link of each signer; `declarations` ordered by signer, then seq."""
    return {d.signer: (d.seq, d.sha256) for d in declarations}


def check_chain(
    declarations: list[Declaration], head: Heads | None, *, damaged_head: str | None = None
) -> ChainReport:
    """Every link checked, then the chain's ends against the head remembered beside it
    (None: no head file; `damaged_head`: the head file could not be read, and why)."""
    report = ChainReport()
    by_signer: dict[str, list[Declaration]] = {}
    for declaration in declarations:
        by_signer.setdefault(declaration.signer, []).append(declaration)
    for chain in by_signer.values():
        previous: Declaration | None = None
        for expected_seq, declaration in enumerate(chain, 1):
            report.declarations += 1
            found = _link_problems(declaration, previous, expected_seq)
            report.links[(declaration.signer, declaration.seq)] = found
            report.problems += found
            previous = declaration
    if damaged_head is not None:
        report.problems.append(damaged_head)
        return report
    actual = heads_of(declarations)
    if head is None:
        if actual:
            report.problems.append("the history's head record is missing")
        return report
    for signer, (seq, sha) in head.items():
        now = actual.get(signer)
        problem = None
        if now is None or now[0] < seq:
            problem = (
                f"declaration {seq} of {signer} is missing: the history was restored "
                "from an older copy or declarations were removed"
            )
        elif now[0] == seq and now[1] != sha:
            problem = f"declaration {seq} of {signer} was replaced"
        elif now[0] > seq and _sha_at(by_signer.get(signer, []), seq) != sha:
            # The head may lag (a crash after the commit), never disagree.
            problem = f"declaration {seq} of {signer} was replaced"
        if problem is not None:
            report.problems.append(problem)
            if now is not None:  # the signer's latest link is the one in doubt
                report.links.setdefault((signer, now[0]), []).append(problem)
    return report


def _sha_at(chain: list[Declaration], seq: int) -> str | None:
    return next((d.sha256 for d in chain if d.seq == seq), None)


def _link_problems(
    declaration: Declaration, previous: Declaration | None, expected_seq: int
) -> list[str]:
    # Summaries and signatures (cryptography) load only when there is a link to check: an
    # empty history, a new official's, opens without them (the desktop app's start-up).
    from desktop.core.records import summary_codec as summary_json
    from desktop.core.signing import sshsig
    from desktop.core.signing.allowed_signers import NAMESPACE_SUMMARY
    from desktop.core.signing.sshsig import PublicKey

    where = f"declaration {declaration.seq} of {declaration.signer}"
    problems = []
    if declaration.seq != expected_seq:
        problems.append(f"{where}: expected number {expected_seq} (one is missing or reordered)")
    if summary_json.sha256(declaration.summary) != declaration.sha256:
        problems.append(f"{where}: the stored summary does not match its hash")
    expected_prev = previous.sha256 if previous is not None else None
    if declaration.prev != expected_prev:
        problems.append(f"{where}: does not continue from the declaration before it")
    try:
        key = PublicKey.from_openssh(declaration.public_key)
        signer = sshsig.verify(declaration.summary, declaration.signature, NAMESPACE_SUMMARY)
        doc = summary_json.decode(declaration.summary)
    except SelfCheckError as exc:
        return [*problems, f"{where}: {exc}"]
    if signer != key or key.fingerprint != declaration.signer:
        problems.append(f"{where}: signed by another key")
    if doc.seq != declaration.seq or doc.prev != declaration.prev:
        problems.append(f"{where}: its summary names another place in the chain")
    return problems


def _when(issued_at: str) -> datetime | None:
    try:
        return datetime.fromisoformat(issued_at.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None  # the link's own checks say the summary is damaged


def check_dates_and_key(
    report: ChainReport,
    declarations: list[Declaration],
    enrolled: tuple[str, datetime] | None,
    now: datetime,
) -> None:
    """Flag a declaration dated before the one it follows (same key) or after `now`, each
    beyond CLOCK_SKEW, and one signed by a key other than `enrolled` (its fingerprint, and
    when it was made) at a time that key was already in use."""
    previous: dict[str, datetime] = {}
    for declaration in declarations:  # ordered by signer, then seq
        when = _when(declaration.issued_at)
        if when is None:
            continue
        before = previous.get(declaration.signer)
        if before is not None and when < before - CLOCK_SKEW:
            report.flag(declaration, "dated before the declaration it follows")
        if when > now + CLOCK_SKEW:
            report.flag(declaration, f"dated in the future ({declaration.issued_at})")
        previous[declaration.signer] = when
        if enrolled is not None:
            fingerprint, made = enrolled
            if declaration.signer != fingerprint and when >= made:
                report.flag(
                    declaration,
                    f"signed by another key than the one enrolled on this computer "
                    f"({fingerprint}, made {made:%Y-%m-%d %H:%M} UTC)",
                )
