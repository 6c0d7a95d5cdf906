"""Which provisions the checklists cite, and which they should but do not, overall and for
each agency profile (whose people are asked only the items citing their own code)."""

from dataclasses import dataclass

from desktop.core.policy.model import COVERED_KINDS, Policy, Profile, Provision


@dataclass(frozen=True, slots=True)
class ProvisionCoverage:
    provision: Provision
    items: tuple[str, ...]  # ids of the items citing it

    @property
    def required(self) -> bool:
        return self.provision.kind in COVERED_KINDS

    @property
    def missing(self) -> bool:
        return self.required and not self.items


@dataclass(frozen=True, slots=True)
class ProfileCoverage:
    profile: Profile
    provisions: tuple[ProvisionCoverage, ...]  # those of the profile's own sources
    items_per_programme: dict[str, int]  # programme id -> items that can be asked in it

    @property
    def required(self) -> int:
        return sum(1 for row in self.provisions if row.required)

    @property
    def missing(self) -> tuple[ProvisionCoverage, ...]:
        return tuple(row for row in self.provisions if row.missing)


def coverage(policy: Policy) -> list[ProvisionCoverage]:
    cited: dict[str, list[str]] = {pid: [] for pid in policy.provisions}
    for item in policy.items.values():
        for pid in item.provisions:
            cited.setdefault(pid, []).append(item.id)
    return [
        ProvisionCoverage(provision, tuple(cited[provision.id]))
        for provision in policy.provisions.values()
    ]


def profile_coverage(policy: Policy) -> list[ProfileCoverage]:
    """For each profile, its code's provisions as cited by the items its people are really
    asked: in a programme it runs, for a category it covers."""
    out = []
    for profile in policy.profiles.values():
        asked: dict[str, set[str]] = {}
        for programme in profile.programmes:
            admitted = [c for c in profile.categories if policy.programmes[programme].admits(c)]
            asked[programme] = {
                item.id for c in admitted for item in policy.items_for(programme, c, profile)
            }
        reached = set().union(*asked.values())
        cited: dict[str, list[str]] = {}
        for item_id in sorted(reached, key=list(policy.items).index):
            for pid in policy.cited(policy.items[item_id], profile):
                cited.setdefault(pid, []).append(item_id)
        own = tuple(
            ProvisionCoverage(provision, tuple(cited.get(provision.id, ())))
            for provision in policy.provisions.values()
            if provision.source in profile.sources
        )
        counts = {programme: len(ids) for programme, ids in asked.items()}
        out.append(ProfileCoverage(profile, own, counts))
    return out


def unreachable_items(policy: Policy) -> list[str]:
    """Items no profile's people are ever asked (they cite no code any profile applies)."""
    return [
        item.id
        for item in policy.items.values()
        if not any(policy.cited(item, profile) for profile in policy.profiles.values())
    ]
