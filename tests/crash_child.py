"""The app's save path in a loop, for tests/test_crash.py to kill with SIGKILL.

    python -m tests.crash_child HOME OUT SEED_FILE

This process loads everything once (the checklists, an assessment, the key), then waits
for `go` lines on its standard input. For each, it forks a worker that opens the history
and saves in a loop until the harness kills it: a kill costs a fork, not a Python start,
so hundreds of kills fit in `make test`. A worker prints `ready PID` once its history is
open; this process prints `exit STATUS` (os.waitpid's) when the worker is gone.

Each round of the worker saves a draft, then declares: signs, stages the bundle, records
it in the history and publishes the bundle, exactly as `selfcheck assess` does. Only
after all of that does it print `saved SEQ SHA256 NAME`: what the user would be told was
saved. The key is given ready (as the GUI's key opener gives it): no keychain is involved.
"""

import os
import sys
import traceback
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.assessment.answers import load_answers
from desktop.core.assessment.engine import Assessment, assess
from desktop.core.policy.loader import load_policy
from desktop.core.records import bundle as bundles
from desktop.core.records.declare import declare
from desktop.core.records.history import History
from tests.conftest import CHECKLISTS, EXAMPLES

DRAFT = "crash-draft"


def say(line: str) -> None:
    """One line, in one write: the worker and this process share the pipe, and a kill
    between a text and its newline (print() may write them apart) would glue lines."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def save_until_killed(home: Path, out: Path, key: Ed25519PrivateKey, result: Assessment) -> None:
    with History(home) as history:  # opening (and recovering) is part of what is killed
        say(f"ready {os.getpid()}")
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
            say(f"saved {signed.declaration.seq} {signed.declaration.sha256} {published.name}")


def serve(home: Path, out: Path, seed_file: Path) -> None:
    policy = load_policy(CHECKLISTS)
    result = assess(policy, load_answers(EXAMPLES / "annual.toml", policy))
    key = Ed25519PrivateKey.from_private_bytes(seed_file.read_bytes())
    for line in sys.stdin:
        if line.strip() != "go":
            continue
        pid = os.fork()
        if pid == 0:
            try:
                save_until_killed(home, out, key, result)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)  # only a kill should end a worker
        _, status = os.waitpid(pid, 0)
        say(f"exit {status}")


if __name__ == "__main__":
    serve(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
