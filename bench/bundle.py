"""The frozen app against a bare frozen PySide6 window: size on disk and start-up time.

Both are built in this run from build.spec with the same options (the bare one with
`-- --bare`), then started alternately, several times each. Prints the medians and the
ratios; goals: size at most 1.2x, `--self-test` at most 1.3x the bare window's start.
Run in the test session (a display and a keychain), as `make bench-bundle` does:
    scripts/in-session.sh .venv/bin/python bench/bundle.py
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 9

# The bare app: a QtWidgets window that shows, gets its first event-loop turn, and quits.
BARE = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
label = QLabel("bare")
label.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def freeze(work: Path, *spec_args: str) -> Path:
    started = time.perf_counter()
    subprocess.run(
        [
            *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR"),
            *("--distpath", str(work / "dist"), "--workpath", str(work / "build")),
            *(str(ROOT / "build.spec"), "--", *spec_args),
        ],
        cwd=ROOT,
        check=True,
    )
    name = "bare" if spec_args else "selfcheck"
    print(f"built {name} in {time.perf_counter() - started:.0f} s", flush=True)
    return work / "dist" / name


def size_on_disk(folder: Path) -> int:
    """Bytes of the regular files; a symbolic link (PyInstaller links duplicates) is free."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="selfcheck-bundle-bench-") as scratch:
        work = Path(scratch)
        (work / "bare_window.py").write_text(BARE, encoding="utf-8")
        app = freeze(work / "app")
        bare = freeze(work / "bare", "--bare", str(work / "bare_window.py"))

        app_size, bare_size = size_on_disk(app), size_on_disk(bare)
        print(f"size: selfcheck {app_size / 1e6:.1f} MB, bare {bare_size / 1e6:.1f} MB")

        commands = {
            "bare window": [str(bare / "bare")],
            "selfcheck --self-test": [str(app / "selfcheck"), "--self-test"],
            "selfcheck --version": [str(app / "selfcheck"), "--version"],
        }
        for command in commands.values():  # warm the page cache for all alike
            seconds(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):  # alternate, so drift in machine load hits all alike
            for name, command in commands.items():
                times[name].append(seconds(command))
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, value in medians.items():
            print(f"start: {name}: median {value * 1000:.0f} ms over {RUNS} runs")

        base = medians["bare window"]
        print(f"size ratio:        {app_size / bare_size:.2f}x (goal <= 1.2)")
        print(f"self-test ratio:   {medians['selfcheck --self-test'] / base:.2f}x (goal <= 1.3)")
        print(f"--version ratio:   {medians['selfcheck --version'] / base:.2f}x (no goal)")
        print(f"display: {os.environ.get('DISPLAY') or os.environ.get('QT_QPA_PLATFORM')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
