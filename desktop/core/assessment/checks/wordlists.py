"""Vietnamese words, names, places and agencies for zxcvbn, which knows only English.

The lists ship in `assets/wordlists/` (their sources and licences are in its README): one
lower-case ASCII entry per line, most likely first, as an attacker guessing Vietnamese
passwords would try them. zxcvbn keeps its dictionaries in module globals, so they are
added once per process, in the process that measures (the app's helper, or the command
line), the first time a password is measured.
"""

import threading
from pathlib import Path

from desktop.core.base import reading
from desktop.core.base.resources import assets_dir

MAX_LIST_BYTES = 4 * 1024 * 1024
_PREFIX = "vi_"

_lock = threading.Lock()
_loaded = False


def wordlists_dir() -> Path:
    return assets_dir() / "wordlists"


def read_lists(folder: Path | None = None) -> dict[str, list[str]]:
    """Every `vi_*.txt` of the folder: list name (file stem) -> entries in rank order."""
    folder = folder if folder is not None else wordlists_dir()
    lists: dict[str, list[str]] = {}
    for path in sorted(folder.glob(f"{_PREFIX}*.txt")):
        try:
            raw = reading.read_bounded(path, MAX_LIST_BYTES, follow=False)
        except reading.RefusedFileError as exc:
            raise ValueError(str(exc)) from None
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: is not plain ASCII text (byte {exc.start})") from None
        entries = [line.strip() for line in text.splitlines()]
        lists[path.stem] = list(dict.fromkeys(e for e in entries if e))
    return lists


def ensure_loaded() -> None:
    """Add the Vietnamese lists to zxcvbn's dictionaries, once per process.

    A missing folder leaves zxcvbn as it is: the app still measures, only less well for
    Vietnamese passwords, and `selfcheck --self-test` reports the lists missing.
    """
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        from zxcvbn import matching

        try:
            lists = read_lists()
        except FileNotFoundError:
            lists = {}
        if lists:
            matching.add_frequency_lists(lists)
        _loaded = True


def loaded_counts() -> dict[str, int]:
    """How many entries each shipped list holds; loads nothing into zxcvbn."""
    return {name: len(entries) for name, entries in read_lists().items()}
