"""The app's save path in a loop, for tests/test_crash.py to kill with SIGKILL.

    python -m tests.crash_child HOME OUT SEED_FILE

Each round saves a draft, then declares: signs, stages the bundle, records it in the
history and publishes the bundle, exactly as `selfcheck assess` does. Only after all of
that does it print `saved SEQ SHA256 NAME`: what the user would be told was saved. The
key is given ready (as the GUI's key opener gives it), so no keychain is involved.
"""

import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core import bundle as bundles
from desktop.core.answers_file import load_answers
from desktop.core.assessment import assess
from desktop.core.declare import declare
from desktop.core.history import History
from desktop.core.policy_loader import load_policy
from tests.conftest import CHECKLISTS, EXAMPLES

DRAFT = "crash-draft"


def main(home: Path, out: Path, seed_file: Path) -> None:
    policy = load_policy(CHECKLISTS)
    result = assess(policy, load_answers(EXAMPLES / "annual.toml", policy))
    key = Ed25519PrivateKey.from_private_bytes(seed_file.read_bytes())
    with History(home) as history:
        print("ready", flush=True)
        round_ = 0
        while True:
            round_ += 1
            history.save_draft(DRAFT, "annual", b"draft %d " % round_ * 200)
            staged: list[bundles.Staged] = []

            def stage(
                bundle: bundles.Bundle, name: str, into: list[bundles.Staged] = staged
            ) -> None:
                into.append(bundles.stage(bundle, out, name))

            signed = declare(
                result,
                None,  # type: ignore[arg-type]  # not used when the key is given
                history,
                key=key,
                before_saving=stage,
            )
            published = staged[0].publish()
            print(
                f"saved {signed.declaration.seq} {signed.declaration.sha256} {published.name}",
                flush=True,
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
