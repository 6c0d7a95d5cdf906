"""How much of a declaration is answered, page by page and in total (the wizard's list)."""

from desktop.core.assessment.draft import Draft
from desktop.core.assessment.flow import Flow, Step, StepKind
from desktop.core.policy.model import ItemKind, Policy
from tests.test_flow import _example_draft


def test_each_item_page_counts_its_answers_and_the_total_adds_them(policy: Policy) -> None:
    draft = _example_draft()
    flow = Flow(policy, draft)
    progress = flow.progress()
    pledges = Step(StepKind.PLEDGES)
    asked = len(flow.items(ItemKind.PLEDGE))
    assert progress.tally[pledges.key] == (asked, asked)  # the example answers them all
    facebook = Step(StepKind.ACCOUNT, "fb")
    answered, account_asked = progress.tally[facebook.key]
    assert account_asked == len(flow.account_items("fb"))
    # The password items wait for the password to be typed (or declined and declared).
    assert answered == account_asked - len(flow.missing(facebook)) < account_asked
    assert set(progress.tally) == {
        s.key for s in flow.steps() if s.kind in ("account", "pledges", "programme-items")
    }
    assert progress.answered() == (
        sum(a for a, _ in progress.tally.values()),
        sum(t for _, t in progress.tally.values()),
    )
    first = flow.items(ItemKind.PLEDGE)[0]
    draft.set_answer(first.id, None)
    assert flow.progress().tally[pledges.key] == (asked - 1, asked)
    assert flow.progress().answered()[0] == progress.answered()[0] - 1


def test_answers_are_counted_before_the_draft_can_be_assessed(policy: Policy) -> None:
    draft = _example_draft()
    draft.person["full_name"] = ""  # the About page is not complete: no assessment yet
    flow = Flow(policy, draft)
    assert flow.assessment() is None
    pledges = flow.items(ItemKind.PLEDGE)
    assert flow.progress().tally["pledges"] == (len(pledges), len(pledges))
    draft.set_answer(pledges[0].id, None)
    assert flow.progress().tally["pledges"] == (len(pledges) - 1, len(pledges))


def test_a_new_draft_has_nothing_to_count_until_the_person_is_known(policy: Policy) -> None:
    flow = Flow(policy, Draft.new("annual"))
    assert flow.progress().answered() == (0, 0)
