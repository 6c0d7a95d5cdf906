"""Judging the policy a summary was assessed against (docs/reviewing.md).

A declaration counts only when assessed against a signed pack the unit accepts: one the
roster names (`[[packs]]`: id, signer fingerprint, minimum version), or, when the roster
names none, one signed by a trusted agency key of this computer that may publish the
person's profile. A pack this computer also holds (built-in or installed) in the same
version must have the same manifest and files digest, else the record is not that pack.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop.core.base.i18n import Text, show_date
from desktop.core.policy.files import read_checklists
from desktop.core.records.summary_shape import PolicyRecord, Summary
from desktop.core.review.roster import AcceptedPack
from desktop.core.signing.allowed_signers import AllowedSigner
from desktop.core.signing.pack_manifest import NAMESPACE_POLICY, PackError
from desktop.core.signing.pack_policy import active_folder, verify_folder
from desktop.core.signing.pack_trust import trusted_signers


class PolicyProblem(StrEnum):
    UNSIGNED = "unsigned policy"
    NOT_ACCEPTED = "policy not accepted"
    MODIFIED = "modified policy"
    EXPIRED = "expired policy"


@dataclass(frozen=True, slots=True)
class KnownPack:
    manifest_sha256: str
    digest: str


@dataclass(slots=True)
class PolicyJudge:
    accepted: Sequence[AcceptedPack]
    trusted: Sequence[AllowedSigner] = ()
    known: dict[tuple[str, int], KnownPack] = field(default_factory=dict)
    # A unit's thousands of bundles name a handful of packs: each asked once (the trusted
    # keys' fingerprints are digests, and bench/review.py counts every microsecond).
    _accepted: dict[tuple[str | None, str | None, int, str], bool] = field(default_factory=dict)

    @classmethod
    def here(cls, accepted: Sequence[AcceptedPack], home: Path | None) -> "PolicyJudge":
        """With this computer's trusted agency keys and the packs it holds."""
        try:
            trusted = trusted_signers(home)
        except PackError:
            trusted = []
        known: dict[tuple[str, int], KnownPack] = {}
        for folder in {active_folder(None), active_folder(home)}:
            try:
                signed = verify_folder(read_checklists(folder), trusted)
            except (PackError, OSError, ValueError):
                continue
            manifest = signed.manifest
            known[(manifest.id, manifest.version)] = KnownPack(
                signed.manifest_sha256, manifest.digest
            )
        return cls(accepted, trusted, known)

    def problems(self, summary: Summary) -> list[tuple[PolicyProblem, Text]]:
        """What is wrong with the summary's policy, in both languages; empty when it counts."""
        policy = summary.policy
        if not isinstance(policy, PolicyRecord):
            form = summary.version
            detail = Text(
                f"bản khai không ghi gói bộ tiêu chí (định dạng bản khai phiên bản {form})",
                f"no policy pack recorded (summary version {form})",
            )
            return [(PolicyProblem.NOT_ACCEPTED, detail)]
        if not policy.signed:
            digest = policy.digest[:12]
            detail = Text(
                f"được đánh giá theo bộ tiêu chí không phải gói đã ký ({digest}…)",
                f"assessed with checklists that are not a signed pack ({digest}…)",
            )
            return [(PolicyProblem.UNSIGNED, detail)]
        assert policy.pack is not None  # check_across: a signed policy names its pack
        assert policy.version is not None
        known = self.known.get((policy.pack, policy.version))
        refused = not self._accepts(policy, summary.person.profile)
        changed = known is not None and (
            known.manifest_sha256 != policy.manifest_sha256 or known.digest != policy.digest
        )
        expires = policy.expires
        ended = expires is not None and summary.issued_at[:10] >= expires
        if not (refused or changed or ended):
            return []  # most bundles: no sentence is made
        pack, version, signer = policy.pack, policy.version, policy.signer
        vi = f"gói {pack} phiên bản {version} do khóa {signer} ký"
        en = f"pack {pack} version {version} by {signer}"
        out: list[tuple[PolicyProblem, Text]] = []
        if refused:
            said = Text(
                f"{vi} không được danh sách cán bộ chấp nhận", f"{en} is not accepted by the roster"
            )
            out.append((PolicyProblem.NOT_ACCEPTED, said))
        if changed:
            said = Text(f"{vi} khác với gói đã ký", f"{en} differs from the signed one")
            out.append((PolicyProblem.MODIFIED, said))
        if ended and expires is not None:
            day = expires
            said = Text(f"{vi} đã hết hạn ngày {show_date(day)}", f"{en} expired on {day}")
            out.append((PolicyProblem.EXPIRED, said))
        return out

    def _accepts(self, policy: PolicyRecord, profile: object) -> bool:
        profile_id = profile if isinstance(profile, str) else "*"
        asked = (policy.pack, policy.signer, policy.version or 0, profile_id)
        known = self._accepted.get(asked)
        if known is None:
            known = self._accepted[asked] = self._decide(policy, profile_id)
        return known

    def _decide(self, policy: PolicyRecord, profile_id: str) -> bool:
        version = policy.version or 0
        if self.accepted:
            return any(
                a.id == policy.pack and a.signer == policy.signer and version >= a.min_version
                for a in self.accepted
            )
        return any(
            s.key.fingerprint == policy.signer
            and s.allows(NAMESPACE_POLICY)
            and s.names(profile_id)
            for s in self.trusted
        )
