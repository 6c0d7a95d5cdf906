"""Reviewing a unit's folder in instructions: bench/review.py's two loops under callgrind.

bench/review.py times the review against a bare read + SSHSIG verify + JSON parse loop;
on a shared machine the best of its rounds still moves by a fifth from one run to the
next. The instructions a process executes do not move. This writes 300 bundles (30
people x 10), then runs each loop under `valgrind --tool=callgrind` for one pass and for
three, in fresh processes, and prints the instructions of one pass per bundle (the
difference, halved: start-up and imports cancel out) and their ratio. Only user-space
instructions are counted: the system calls of reading (the same files, read once each
by both loops) and what the processor does with its caches are not. `desktop` and
`bench` are compiled first. One difference from bench/review.py: the policy judge
(PolicyJudge.here, which verifies the built-in pack) is made once per process, so the
passes counted leave out that verification and the judge's first answers, a fixed cost
per review that bench/review.py spreads over its 10,000 bundles. About two minutes.
    .venv/bin/python bench/review_instructions.py
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not bench/: bench/typing.py would shadow the stdlib

PEOPLE, PER_PERSON = 30, 10

# Run in the child: PASSES passes of one loop over the folder (bench/review.py's own).
PASS = """
import sys
from datetime import date
from pathlib import Path
sys.path[0] = {root!r}
sys.path.append({bench!r})
import review as bench
from desktop.core.review.policy import PolicyJudge
from desktop.core.review.roster import load_roster
from desktop.core.review.scan import review
folder, roster = Path({folder!r}), load_roster(Path({roster!r}))
judge = PolicyJudge.here(roster.packs, None)  # once per review, not per bundle
for _ in range({passes}):
    if {loop!r} == "review":
        review(folder, roster, {{}}, date(2026, 11, 23), judge=judge)
    else:
        bench.bare_loop(folder)
"""


def instructions(loop: str, passes: int, folder: Path, roster: Path) -> int:
    code = PASS.format(
        root=str(ROOT),
        bench=str(ROOT / "bench"),
        folder=str(folder),
        roster=str(roster),
        passes=passes,
        loop=loop,
    )
    out = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"},
    )
    found = re.search(r"Collected : (\d+)", out.stderr)
    assert found, out.stderr
    return int(found.group(1))


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed (apt-get install valgrind)")
    sys.path.append(str(ROOT / "bench"))
    import review as bench  # bench/review.py

    # Compiled first: else the first child compiles what the next ones load, and the
    # difference of their counts loses the compiler's share.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop")], check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "bench")], check=True)
    work = Path(tempfile.mkdtemp(prefix="bench-review-ir-"))
    try:
        folder = work / "inbox"
        roster = bench.generate(folder, PEOPLE, PER_PERSON)
        bundles = PEOPLE * PER_PERSON
        per_bundle = {}
        for loop in ("bare", "review"):
            one, three = (instructions(loop, n, folder, roster) for n in (1, 3))
            per_bundle[loop] = (three - one) / 2 / bundles
            print(f"{loop}: {per_bundle[loop] / 1e6:.3f} M instructions per bundle")
        ratio = per_bundle["bare"] / per_bundle["review"]
        print(f"ratio bare/review, instructions: {ratio:.3f} (goal >= 0.8 in time)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
