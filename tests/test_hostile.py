"""The hostile corpus (tests/hostile.py) through the real command line, as a user runs it.

Each input goes to `selfcheck lint-checklists DIR` or `selfcheck verify PATH` in a child
process limited to 256 MiB of address space and 10 s of CPU, in a scratch "world" that
is its home, data, temporary and working folder. Each must end with one line naming the
file and the field, no traceback, no internal error, and nothing written anywhere in the
world (a zip that climbs folders must not have been extracted anywhere).
"""

import os
import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.base.text import printable
from desktop.core.signing.sshsig import PublicKey
from tests.conftest import ROOT
from tests.hostile import BUNDLE_CASES, CHECKLIST_CASES, BundleCase, ChecklistCase, copy_checklists
from tests.signing_helpers import write_folder, write_zip

MEMORY_LIMIT = 256 * 1024 * 1024  # address space: a bare run of the CLI needs about 60 MiB
CPU_SECONDS = 10
LONGEST_LINE = 600  # a huge field must not make a huge message


@dataclass(frozen=True)
class World:
    root: Path
    inputs: Path
    cwd: Path
    env: dict[str, str]


@pytest.fixture
def world(tmp_path: Path) -> World:
    root = tmp_path / "world"
    folders = {name: root / name for name in ("in", "home", "data", "tmp", "cwd", "config")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SELFCHECK_")}
    env.update(
        HOME=str(folders["home"]),
        SELFCHECK_HOME=str(folders["data"]),
        TMPDIR=str(folders["tmp"]),
        XDG_CONFIG_HOME=str(folders["config"]),
        XDG_CACHE_HOME=str(folders["home"] / ".cache"),
        XDG_DATA_HOME=str(folders["home"] / ".local" / "share"),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
    )
    return World(root, folders["in"], folders["cwd"], env)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def selfcheck(world: World, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=world.cwd,
        env=world.env,
        preexec_fn=_limits,
        capture_output=True,
        text=True,
        timeout=60,  # wall clock, on top of the CPU limit: a blocked read shows here
    )


def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every path under `root` with its type, size and modification time."""
    seen = {}
    for path in root.rglob("*"):
        info = path.lstat()
        seen[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return seen


def one_clear_line(output: str, prefix: str, words: tuple[str, ...]) -> str:
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    lines = output.splitlines()
    assert len(lines) == 1, output[-2000:]
    (line,) = lines
    assert line.startswith(prefix), line[:LONGEST_LINE]
    assert len(line) <= LONGEST_LINE, f"{len(line)} characters: {line[:200]}…"
    for word in words:
        assert word in line, f"{word!r} not in {line!r}"
    return line


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def test_the_corpus_is_as_large_as_docs_security_md_says() -> None:
    # The issue asked for at least 30 of each; the document quotes the exact counts.
    text = " ".join((ROOT / "docs" / "security.md").read_text("utf-8").split())
    stated = re.search(
        r"(\d+) malformed checklist files and (\d+) malformed or hostile bundles", text
    )
    assert stated is not None, "docs/security.md no longer states the corpus sizes"
    assert (len(CHECKLIST_CASES), len(BUNDLE_CASES)) == tuple(map(int, stated.groups()))
    total = len(CHECKLIST_CASES) + len(BUNDLE_CASES)
    assert f"**{total} malformed inputs tried, {total} refused cleanly**" in text
    assert f"`selfcheck review` over all {len(BUNDLE_CASES)} reports each" in text
    assert min(len(CHECKLIST_CASES), len(BUNDLE_CASES)) >= 30


@pytest.mark.parametrize("case", CHECKLIST_CASES, ids=lambda case: case.name)
def test_malformed_checklist_gives_one_line_naming_file_and_field(
    world: World, case: ChecklistCase
) -> None:
    folder = copy_checklists(world.inputs)
    bad = case.make(folder)
    before = snapshot(world.root)
    result = selfcheck(world, "lint-checklists", "--quiet", str(folder))
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stdout == ""
    one_clear_line(result.stderr, printable(f"selfcheck: {bad}: "), case.words)
    assert snapshot(world.root) == before


@pytest.mark.parametrize("case", BUNDLE_CASES, ids=lambda case: case.name)
def test_hostile_bundle_gives_one_line_naming_file_and_field(
    world: World, key: Ed25519PrivateKey, case: BundleCase
) -> None:
    path = case.make(world.inputs, key)
    before = snapshot(world.root)
    result = selfcheck(world, "verify", str(path))
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stderr == ""
    one_clear_line(result.stdout, printable(f"INVALID {path}: "), case.words)
    assert snapshot(world.root) == before
    assert not Path("/escaped").exists()


def test_a_good_bundle_still_verifies_in_the_same_limits(
    world: World, key: Ed25519PrivateKey
) -> None:
    # The control: the limits and the world leave a sound bundle verifiable.
    from desktop.core.records import summary as summary_json
    from tests.signing_helpers import minimal_summary, signed_bundle

    doc = minimal_summary(PublicKey.of(key).fingerprint)
    made = signed_bundle(key, summary_json.encode(doc))
    for path in (
        write_folder(made, world.inputs, "good"),
        write_zip(made, world.inputs, "good"),
    ):
        result = selfcheck(world, "verify", str(path))
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith(f"OK      {path}: Lê Văn Tám (X1)")


def test_a_review_of_the_whole_corpus_reports_every_file_and_writes_only_its_report(
    world: World, key: Ed25519PrivateKey
) -> None:
    from desktop.core.review.roster import enrol, new_roster

    inbox = world.inputs / "inbox"
    made = []
    for number, case in enumerate(BUNDLE_CASES):
        scratch = inbox / f"{number:02}"
        scratch.mkdir(parents=True)
        made.append(case.make(scratch, key))
    reviewer = world.root / "reviewer"
    reviewer.mkdir()
    enrol(new_roster(reviewer / "roster.toml"), "X1", PublicKey.of(key))
    out = world.root / "out"
    out.mkdir()
    before = snapshot(world.root)
    result = selfcheck(
        world, "review", str(inbox), "--roster", str(reviewer / "roster.toml"), "--csv",
        str(out / "review.csv"),
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "Traceback" not in output and "internal error" not in output
    assert max(len(line) for line in output.splitlines()) <= LONGEST_LINE
    # The review checks against the roster, never a bundle's own allowed_signers: bundles
    # broken only there are sound declarations to it (repeats of the one declaration). An
    # empty folder is no file at all.
    sound_to_a_reviewer = {
        "empty folder",
        "no signer line",
        "1 MiB signer line",
        "signer line not UTF-8",
        "signer line of garbage",
    }
    for case, path in zip(BUNDLE_CASES, made, strict=True):
        if case.name not in sound_to_a_reviewer:
            assert printable(str(path)) in output, f"{case.name}: {path} is not reported"
    assert "; 1 person, 0 without problems," in output
    after = snapshot(world.root)
    assert set(after) - set(before) == {"out/review.csv"}
    before.pop("out")  # the folder chosen for the report: its time changes, as it should
    assert {k: v for k, v in after.items() if k in before} == before
