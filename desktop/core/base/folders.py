"""Private folders: each folder SelfCheck creates is 0700, its missing parents too."""

import os
from pathlib import Path

PRIVATE = 0o700


def private_folder(path: Path) -> Path:
    """Make `path` a folder, creating it and each missing parent 0700; return it.

    `Path.mkdir(parents=True, mode=...)` gives the parents the default mode (0755 under
    the usual umask), so a bundle written to `--out a/b/c` sat in folders anyone could
    list. A folder that already exists is left as it is: it is the user's (the Desktop,
    a shared drive), not ours to change."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE)
        except FileExistsError:  # made meanwhile by another process, or not a folder
            if not folder.is_dir():
                raise
            continue
        os.chmod(folder, PRIVATE)  # whatever the umask took away or left
    return path
