"""Where SelfCheck keeps the user's data (the history, the key record, drafts) and its cache."""

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir


def data_home() -> Path:
    """`SELFCHECK_HOME`, or the platform's per-user data folder; created private (0700)."""
    override = os.environ.get("SELFCHECK_HOME")
    home = Path(override) if override else Path(user_data_dir("SelfCheck", appauthor=False))
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home


def cache_home() -> Path:
    """The platform's per-user cache folder (what can be rebuilt: the parsed checklists).

    Not under `SELFCHECK_HOME`: a cache entry only stands for the checklists it was made
    from, whichever data folder is in use."""
    return Path(user_cache_dir("SelfCheck", appauthor=False))
