"""Reviewing a unit's folder: 10,000 signed bundles from 1,000 people.

Times `selfcheck review`'s engine over the folder against a bare loop over the same
bytes (read the two files, check the SSHSIG Ed25519 signature, parse the JSON), measured
in the same run, and prints the throughput ratio (goal: the review at least 0.8 times as
fast as the bare loop). The two are timed in turn, five times, and the best time of each
is compared, in the CPU time of this process and in wall time: on a machine shared with
other work, whatever else runs meanwhile stretches the wall time of either by a third or
more, and the CPU time much less. Memory: the review's peak (tracemalloc) over a fifth of
the folder and over all of it (goal: flat as the folder grows). Run:
    .venv/bin/python bench/review.py [PEOPLE] [PER_PERSON]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project, not bench/, first on the path: bench/typing.py would shadow the stdlib.
sys.path[0] = str(ROOT)

import json  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date  # noqa: E402

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from msgspec.structs import replace  # noqa: E402

from desktop.core.records import bundle as bundles  # noqa: E402
from desktop.core.records import summary as summary_json  # noqa: E402
from desktop.core.records.summary_shape import Signer  # noqa: E402
from desktop.core.review.roster import load_roster  # noqa: E402
from desktop.core.review.scan import review  # noqa: E402
from desktop.core.signing import sshsig  # noqa: E402
from desktop.core.signing.allowed_signers import NAMESPACE_SUMMARY, signer_for  # noqa: E402
from desktop.core.signing.sshsig import PublicKey  # noqa: E402


def template() -> summary_json.Summary:
    from desktop.core.assessment.answers import load_answers
    from desktop.core.assessment.engine import assess
    from desktop.core.signing.pack_policy import load_active_policy

    # The built-in checklists as the app records them: a signed pack (a reviewer flags
    # any other, and the chains would not count as sound).
    policy = load_active_policy(None, None)
    result = assess(policy, load_answers(ROOT / "examples" / "annual.toml", policy))
    return summary_json.build(result, fingerprint="SHA256:" + "A" * 43, seq=1, prev=None)


def generate(folder: Path, people: int, per_person: int) -> Path:
    """Bundles written plainly (no fsync: this is a benchmark's input, not a save)."""
    base = template()
    lines = []
    for number in range(people):
        staff_id = f"BNG-{number:05d}"
        key = Ed25519PrivateKey.generate()
        public = PublicKey.of(key)
        lines.append(signer_for(staff_id, public).line())
        person = replace(base.person, staff_id=staff_id)
        doc = replace(base, person=person, signer=Signer(fingerprint=public.fingerprint))
        prev = None
        for seq in range(1, per_person + 1):
            issued_at = f"{2016 + seq}-11-20T08:00:00Z"
            data = summary_json.encode(replace(doc, seq=seq, prev=prev, issued_at=issued_at))
            prev = summary_json.sha256(data)
            made = bundles.make(data, key, staff_id)
            out = folder / f"unit-{number % 20:02d}" / f"{staff_id}-{seq:02d}"
            out.mkdir(parents=True)
            (out / bundles.SUMMARY).write_bytes(made.summary)
            (out / bundles.SIGNATURE).write_bytes(made.signature)
            (out / bundles.SIGNERS).write_bytes(made.signers or b"")
    roster = folder.parent / "roster.toml"
    roster.write_text('[roster]\nsigners = "allowed_signers"\n', "utf-8")
    (folder.parent / "allowed_signers").write_text("\n".join(lines) + "\n", "utf-8")
    return roster


def bare_loop(folder: Path) -> int:
    count = 0
    for summary_path in sorted(folder.glob("*/*/" + bundles.SUMMARY)):
        data = summary_path.read_bytes()
        signature = (summary_path.parent / bundles.SIGNATURE).read_bytes()
        sshsig.verify(data, signature, NAMESPACE_SUMMARY)
        json.loads(data)
        count += 1
    return count


def run_review(folder: Path, roster_path: Path) -> tuple[int, int]:
    """The bundles reviewed and the review's peak memory (tracemalloc)."""
    roster = load_roster(roster_path)
    tracemalloc.start()
    report = review(folder, roster, {}, date(2026, 11, 23))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not report.unreadable, "every bundle should verify"
    assert all(r.sound for r in report.rows), "every chain should be sound"
    return report.bundles, peak


ROUNDS = 5


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Seconds of CPU time (this process, user and system) and of wall time."""
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    return time.process_time() - cpu, time.perf_counter() - wall


def _ratio(bare: list[float], ours: list[float]) -> str:
    rounds = ", ".join(f"{b / r:.2f}" for b, r in zip(bare, ours, strict=True))
    return f"{min(bare) / min(ours):.2f} (rounds: {rounds})"


def main() -> None:
    people = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    per_person = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    work = Path(tempfile.mkdtemp(prefix="bench-review-"))
    try:
        small = work / "small" / "inbox"
        large = work / "large" / "inbox"
        started = time.perf_counter()
        small_roster = generate(small, people // 5, per_person)
        large_roster = generate(large, people, per_person)
        print(
            f"generated {people * per_person} + {people // 5 * per_person} bundles in "
            f"{time.perf_counter() - started:.0f} s"
        )
        bare_count = bare_loop(large)  # warms the file cache for both
        count, peak_large = run_review(large, large_roster)
        small_count, peak_small = run_review(small, small_roster)
        # tracemalloc slows the review: timed again without, for the ratio.
        roster = load_roster(large_roster)
        bare_times, review_times = [], []
        for _round in range(ROUNDS):
            bare_times.append(_timed(lambda: bare_loop(large)))
            review_times.append(_timed(lambda: review(large, roster, {}, date(2026, 11, 23))))
        bare_cpu, bare_wall = [t[0] for t in bare_times], [t[1] for t in bare_times]
        ours_cpu, ours_wall = [t[0] for t in review_times], [t[1] for t in review_times]
        for name, number, cpu, wall in (
            (
                "bare loop (read, SSHSIG Ed25519 verify, JSON parse)",
                bare_count,
                bare_cpu,
                bare_wall,
            ),
            ("selfcheck review", count, ours_cpu, ours_wall),
        ):
            print(
                f"{name}: {number} in {min(cpu):.2f} s of CPU = {number / min(cpu):.0f}/s"
                f" ({min(wall):.2f} s of wall time = {number / min(wall):.0f}/s)"
            )
        print(f"throughput ratio review/bare, CPU time: {_ratio(bare_cpu, ours_cpu)} (goal >= 0.8)")
        print(f"throughput ratio review/bare, wall time: {_ratio(bare_wall, ours_wall)}")
        print(
            f"peak memory: {peak_small / 1e6:.1f} MB for {small_count} bundles, "
            f"{peak_large / 1e6:.1f} MB for {count} (ratio {peak_large / peak_small:.2f}; "
            f"bundles x{count / small_count:.0f})"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
