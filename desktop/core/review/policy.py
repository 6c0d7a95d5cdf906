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

    def problems(self, summary: Summary) -> list[tuple[PolicyProblem, str]]:
        """What is wrong with the summary's policy; empty when it counts."""
        policy = summary.policy
        if not isinstance(policy, PolicyRecord):
            detail = f"no policy pack recorded (summary version {summary.version})"
            return [(PolicyProblem.NOT_ACCEPTED, detail)]
        if not policy.signed:
            detail = f"assessed with checklists that are not a signed pack ({policy.digest[:12]}…)"
            return [(PolicyProblem.UNSIGNED, detail)]
        assert policy.pack is not None  # check_across: a signed policy names its pack
        assert policy.version is not None
        name = f"pack {policy.pack} version {policy.version} by {policy.signer}"
        out: list[tuple[PolicyProblem, str]] = []
        if not self._accepts(policy, summary.person.profile):
            out.append((PolicyProblem.NOT_ACCEPTED, f"{name} is not accepted by the roster"))
        known = self.known.get((policy.pack, policy.version))
        if known is not None and (
            known.manifest_sha256 != policy.manifest_sha256 or known.digest != policy.digest
        ):
            out.append((PolicyProblem.MODIFIED, f"{name} differs from the signed one"))
        if policy.expires is not None and summary.issued_at[:10] >= policy.expires:
            out.append((PolicyProblem.EXPIRED, f"{name} expired on {policy.expires}"))
        return out

    def _accepts(self, policy: PolicyRecord, profile: object) -> bool:
        version = policy.version or 0
        if self.accepted:
            return any(
                a.id == policy.pack and a.signer == policy.signer and version >= a.min_version
                for a in self.accepted
            )
        profile_id = profile if isinstance(profile, str) else "*"
        return any(
            s.key.fingerprint == policy.signer
            and s.allows(NAMESPACE_POLICY)
            and s.names(profile_id)
            for s in self.trusted
        )
