"""Start-up in instructions: bench/startup.py's programs counted by valgrind's callgrind.

Wall-clock and CPU times on a shared machine swing by tens of percent; the number of
instructions a process executes does not. This runs, each as a fresh process under
`valgrind --tool=callgrind` (whole process, from exec to the mark):
    the bare PySide6 window of bench/startup.py, up to its first paint,
    SelfCheck as bench/startup.py starts it, up to the first paint of the start screen,
    the same, up to "ready for use",
and prints the instruction counts (Ir) and the ratios to the bare window. Timers that fire after
"ready" at full speed are put off (see SLOW_TIMERS). Each process
ends with os._exit at its mark, so nothing after it is counted. Run under a display:
    xvfb-run -a .venv/bin/python bench/startup_instructions.py [--keep DIR] [--runs N]
`--keep DIR` keeps the callgrind.out files for callgrind_annotate. Another tree's
`desktop` (an A/B against an older commit) is measured with PYTHONPATH=/that/tree.

The script compiles `desktop` first (python -m compileall): a missing __pycache__ would
count the bytecode compiler too. Hash seeds are fixed, so two runs agree within ~0.1 %.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import startup  # bench/startup.py, beside this one

EXIT = "lambda: os._exit(0)"


def _replace_once(code: str, old: str, new: str) -> str:
    assert code.count(old) == 1, f"bench/startup.py changed: {old!r}"
    return code.replace(old, new)


# The programs of bench/startup.py, ended at their mark.
BARE = _replace_once(
    _replace_once(startup.BARE, "import sys, time", "import os, sys, time"),
    "FirstPaint(then=app.quit)",
    f"FirstPaint(then={EXIT})",
)
# Under valgrind the process runs some 50 times slower, but Qt's timers keep real time:
# the main window's fallback (open the session if no paint came within 300 ms) and the
# screen fitter's second fit (300 ms after a window is shown) would fire before the first
# paint, which they never do at full speed. Both are put off, once main_window is loaded
# (right after the step that stops PySide6's import hook reading sources, as the app does).
SLOW_TIMERS = """
import desktop.gui.app
def _timers_off(scan=desktop.gui.app.skip_pyside_source_scan):
    scan()
    import desktop.gui.main_window
    desktop.gui.main_window.OPEN_WITHOUT_PAINT_MS = 10**8
    fit = sys.modules.get("desktop.gui.screen_fit")  # (none before the issue 16-18 merges)
    if fit is not None:
        fit._FRAMED_AFTER_MS = 10**8
desktop.gui.app.skip_pyside_source_scan = _timers_off
"""
READY = _replace_once(
    startup.SELFCHECK,
    "from desktop.gui.app import open_main_window",
    SLOW_TIMERS + "from desktop.gui.app import open_main_window",
)
PAINT = _replace_once(READY, "probe = FirstPaint()", f"probe = FirstPaint(then={EXIT})")
PROGRAMS = {"bare": BARE, "paint": PAINT, "ready": READY}


def instructions(name: str, code: str, env: dict[str, str], out: Path) -> int:
    """Instructions (Ir) of one process running `code`, counted by callgrind."""
    file = out / f"callgrind.out.{name}"
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={file}",
            sys.executable,
            "-c",
            code,
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=900,
    )
    for line in file.read_text().splitlines():
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    raise RuntimeError(f"no totals in {file}")


def compile_desktop(env: dict[str, str]) -> None:
    where = subprocess.run(
        [sys.executable, "-c", "import desktop, os; print(os.path.dirname(desktop.__file__))"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], env=env, check=True)


def main() -> None:
    args = sys.argv[1:]
    keep = Path(args[args.index("--keep") + 1]) if "--keep" in args else None
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 1
    cache, home = tempfile.mkdtemp(prefix="bench-cache-"), tempfile.mkdtemp(prefix="bench-")
    env = {**os.environ, "SELFCHECK_HOME": home, "XDG_CACHE_HOME": cache, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compile_desktop(env)
    startup.run(startup.WARM_UP, cache, home)  # the cache and history an earlier start made
    out = keep or Path(tempfile.mkdtemp(prefix="bench-callgrind-"))
    out.mkdir(parents=True, exist_ok=True)
    for run in range(runs):
        counts = {
            name: instructions(f"{name}.{run}", code, env, out) for name, code in PROGRAMS.items()
        }
        bare = counts["bare"]
        print(f"run {run + 1}: instructions (Ir), whole process to the mark")
        print(f"  bare PySide6 window, first paint:     {bare / 1e6:8.1f} M")
        print(
            f"  SelfCheck start screen, first paint:  {counts['paint'] / 1e6:8.1f} M"
            f"  {counts['paint'] / bare:.3f}x (goal <= 1.2x)"
        )
        print(
            f"  SelfCheck start screen, ready:        {counts['ready'] / 1e6:8.1f} M"
            f"  {counts['ready'] / bare:.3f}x (goal <= 1.5x)"
        )
    if keep:
        print(f"callgrind files in {out}")


if __name__ == "__main__":
    main()
