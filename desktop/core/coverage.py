"""Which provisions the checklists cite, and which they should but do not."""

from dataclasses import dataclass

from desktop.core.policy import COVERED_KINDS, Policy, Provision


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


def coverage(policy: Policy) -> list[ProvisionCoverage]:
    cited: dict[str, list[str]] = {pid: [] for pid in policy.provisions}
    for item in policy.items.values():
        for pid in item.provisions:
            cited.setdefault(pid, []).append(item.id)
    return [
        ProvisionCoverage(provision, tuple(cited[provision.id]))
        for provision in policy.provisions.values()
    ]
