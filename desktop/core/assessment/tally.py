"""How much of the declaration is answered: items answered out of items asked, by page.

What the wizard's list of steps shows beside each page that asks items, and in total.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Protocol

from desktop.core.assessment.draft import Draft
from desktop.core.policy.model import Item, ItemKind

# The pages that ask items (by step kind), and the kind of item each asks; an account
# page asks the items of its account.
ITEM_STEPS: Mapping[str, ItemKind | None] = MappingProxyType(
    {"account": None, "pledges": ItemKind.PLEDGE, "programme-items": ItemKind.PROGRAMME}
)


class Asking(Protocol):
    """What asks the items: the wizard's flow (desktop.core.assessment.flow.Flow)."""

    draft: Draft

    def items(self, kind: ItemKind) -> list[Item]: ...

    def account_items(self, account_id: str) -> list[Item]: ...


def page_tally(
    flow: Asking, step_kind: str, account_id: str | None, missing: list[str], assessed: bool
) -> tuple[int, int]:
    """Items answered and items asked on an item page (`missing`: what `Flow.missing`
    says the page lacks). Until the draft can be assessed (the person or the accounts are
    not complete yet) the answers the draft holds are counted."""
    kind = ITEM_STEPS[step_kind]
    if kind is not None:
        asked = flow.items(kind)
    else:
        asked = flow.account_items(account_id) if account_id else []
    ids = {i.id for i in asked}
    if not assessed:
        held = flow.draft.doc if account_id is None else flow.draft.account(account_id)
        answered = {
            i for i in ids if any(i in (held.get(k) or {}) for k in ("answers", "not_applicable"))
        }
        return len(answered), len(ids)
    return len(ids - set(missing)), len(ids)
