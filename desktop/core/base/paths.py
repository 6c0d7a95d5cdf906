"""Where SelfCheck keeps the user's data (the history, the key record, drafts) and its cache."""

import os
import sys
from pathlib import Path

from desktop.core.base.folders import private_folder

APP = "SelfCheck"


def data_home() -> Path:
    """`SELFCHECK_HOME`, or the platform's per-user data folder; created private (0700)."""
    override = os.environ.get("SELFCHECK_HOME")
    home = Path(override) if override else _user_folder("XDG_DATA_HOME", "~/.local/share")
    return private_folder(home)


def cache_home() -> Path:
    """The platform's per-user cache folder (what can be rebuilt: the parsed checklists).

    Not under `SELFCHECK_HOME`: a cache entry only stands for the checklists it was made
    from, whichever data folder is in use."""
    return _user_folder("XDG_CACHE_HOME", "~/.cache")


def _user_folder(variable: str, default: str) -> Path:
    """platformdirs' answer for SelfCheck. On Linux and the BSDs the common case (an
    absolute XDG variable, or an absolute HOME) is the XDG Base Directory rule itself,
    answered here: both are needed before the start screen is ready, and platformdirs
    costs ~12 ms to import there. tests/test_paths.py holds the two answers equal."""
    if sys.platform not in ("win32", "darwin", "ios", "android", "emscripten", "wasi"):
        configured = os.environ.get(variable, "")
        if os.path.isabs(configured):
            return Path(configured, APP)
        home = os.environ.get("HOME", "")
        if os.path.isabs(home):
            return Path(home.rstrip("/") + default[1:], APP)
    import platformdirs  # the other platforms, and the odd cases (no HOME, a relative one)

    if variable == "XDG_DATA_HOME":
        return Path(platformdirs.user_data_dir(APP, appauthor=False))
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))
