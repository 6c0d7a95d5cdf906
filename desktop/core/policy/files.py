"""The checklist folder read as bytes: what a policy is made of, before any parsing.

Reading is apart from parsing (desktop.core.policy.loader) so that the desktop app can
read the files and look for a cached policy of exactly these bytes without loading the
parser (desktop.core.policy.cache).
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from desktop.core.base import reading
from desktop.core.base.errors import PolicyError
from desktop.core.base.i18n import Text
from desktop.core.base.resources import checklists_dir

MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Checklists:
    """The checklist files as read from the folder: the exact bytes a policy is made of."""

    root: Path
    files: tuple[tuple[Path, bytes], ...]  # sorted by path

    def digest(self) -> str:
        """SHA-256 over every file's path (relative to the folder) and bytes."""
        digest = hashlib.sha256()
        for path, raw in self.files:
            name = path.relative_to(self.root).as_posix().encode()
            digest.update(b"%d:%s%d:" % (len(name), name, len(raw)))
            digest.update(raw)
        return digest.hexdigest()


def read_checklists(directory: Path | None = None) -> Checklists:
    """Every `*.toml` under `directory` (default: the shipped checklists), read, not parsed."""
    root = directory if directory is not None else checklists_dir()
    if not root.is_dir():
        raise PolicyError(
            root,
            Text("không phải thư mục chứa danh mục kiểm tra", "is not a folder of checklists"),
        )
    # Everything named *.toml, FIFOs and links included: each is refused by name. A linked
    # folder would be skipped without a word by rglob, so it is refused here.
    for entry in root.rglob("*"):
        if entry.is_symlink() and entry.is_dir():
            raise PolicyError(
                entry,
                Text(
                    "là liên kết tượng trưng tới một thư mục; hãy đặt chính thư mục đó vào đây",
                    "is a symbolic link to a folder; put the folder itself here",
                ),
            )
    paths = sorted(root.rglob("*.toml"))
    if not paths:
        raise PolicyError(
            root,
            Text(
                "không có tệp danh mục kiểm tra nào (*.toml)", "holds no checklist files (*.toml)"
            ),
        )
    return Checklists(root, tuple((path, _read_bytes(path)) for path in paths))


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        return reading.read_bounded(path, MAX_FILE_BYTES, follow=False)
    except reading.SymbolicLinkError:
        raise PolicyError(
            name,
            Text(
                "là liên kết tượng trưng; hãy đặt chính tệp đó vào thư mục",
                "is a symbolic link; put the file itself in the folder",
            ),
        ) from None
    except reading.RefusedFileError as exc:
        raise PolicyError(name, exc.text) from None
