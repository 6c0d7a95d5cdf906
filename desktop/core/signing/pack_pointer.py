"""Where installed policy packs live, and which one the ACTIVE pointer names.

Apart from pack_policy, which verifies what it names: the start screen only needs to know
that no pack is installed (the common case) to read the built-in checklists, and this
module loads neither signatures nor cryptography (bench/startup.py).
"""

from pathlib import Path

from desktop.core.base import os_reasons, reading
from desktop.core.base.errors import refused
from desktop.core.signing.pack_manifest import MAX_MANIFEST_BYTES, PackError

ACTIVE = "ACTIVE"


def packs_dir(home: Path) -> Path:
    return home / "packs"


def named_folder(home: Path | None) -> Path | None:
    """The installed folder ACTIVE names, if it is one under `packs/` (not yet verified),
    else None. Raises PackError when the pointer cannot be read."""
    if home is None:
        return None
    pointer = read_optional(packs_dir(home) / ACTIVE)
    if pointer is None:
        return None
    folder = packs_dir(home) / pointer.decode("ascii", "replace").strip()
    if not folder.is_dir() or folder.resolve().parent.parent != packs_dir(home).resolve():
        return None
    return folder


def read_optional(path: Path) -> bytes | None:
    """A pack's small file (its manifest, signature or pointer); None when absent."""
    try:
        return reading.read_bounded(path, MAX_MANIFEST_BYTES, follow=False)
    except FileNotFoundError:
        return None
    except OSError as exc:
        told = os_reasons.unreadable(exc)
        raise refused(PackError, path.name, told.vi, told.en) from None
