"""`selfcheck lint-checklists`: validate the policy files and show provision coverage,
overall and for each agency profile."""

import sys
from pathlib import Path
from typing import TextIO

from desktop.commands import EXIT_FINDINGS, EXIT_OK
from desktop.core.policy.coverage import coverage, profile_coverage, unreachable_items
from desktop.core.policy.loader import load_policy


def lint_checklists(directory: Path | None, *, quiet: bool, out: TextIO) -> int:
    policy = load_policy(directory)
    rows = coverage(policy)
    missing = [row for row in rows if row.missing]
    if not quiet:
        for row in rows:
            mark = "MISSING" if row.missing else ("ok" if row.items else "-")
            cited = ", ".join(row.items) if row.items else "(context: help text only)"
            if row.missing:
                cited = "no item cites it"
            print(f"{mark:8} {row.provision.id:12} {row.provision.kind.value:10} {cited}", file=out)
    for row in missing:
        print(
            f"selfcheck: provision {row.provision.id} ({row.provision.kind.value}) "
            "is cited by no item",
            file=sys.stderr,
        )
    unreachable = unreachable_items(policy)
    for item_id in unreachable:
        print(
            f"selfcheck: item '{item_id}' cites no provision of any profile's code: "
            "nobody is asked it",
            file=sys.stderr,
        )
    gaps = []
    for entry in profile_coverage(policy):
        profile = entry.profile
        for row in entry.missing:
            gaps.append(row)
            print(
                f"selfcheck: provision {row.provision.id} ({row.provision.kind.value}) "
                f"is asked of nobody under profile '{profile.id}'",
                file=sys.stderr,
            )
        asked = ", ".join(f"{p} {n}" for p, n in entry.items_per_programme.items())
        print(
            f"profile {profile.id}: {', '.join(profile.sources)}; items asked: {asked}; "
            f"{entry.required - len(entry.missing)}/{entry.required} account, pledge, "
            "programme and review provisions covered",
            file=out,
        )
    required = sum(1 for row in rows if row.required)
    print(
        f"{len(policy.files)} files, {len(policy.items)} items, {len(policy.programmes)} "
        f"programmes, {len(policy.platforms)} platforms, {len(policy.profiles)} profiles; "
        f"{required - len(missing)}/{required} account, pledge, programme and review "
        "provisions covered",
        file=out,
    )
    return EXIT_FINDINGS if missing or unreachable or gaps else EXIT_OK
