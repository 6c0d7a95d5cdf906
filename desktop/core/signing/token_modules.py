"""Where the USB tokens' PKCS#11 modules are usually installed, kept as data
(assets/tokens/pkcs11-modules.toml), with the agency's or the person's own list in the
data folder taking precedence."""

import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.core.base import os_reasons, reading
from desktop.core.base.errors import LocatedError
from desktop.core.base.fields import Fields, parse_toml
from desktop.core.base.resources import assets_dir

FILE_NAME = "pkcs11-modules.toml"
MAX_BYTES = 256 * 1024


class ModuleListError(LocatedError):
    """A list of PKCS#11 modules cannot be read."""


@dataclass(frozen=True, slots=True)
class KnownModule:
    name: str
    path: Path


def shipped_list() -> Path:
    return assets_dir() / "tokens" / FILE_NAME


def load(path: Path, platform: str = sys.platform) -> list[KnownModule]:
    """The modules a list names for this platform (`linux` or `windows` paths)."""
    name = str(path)
    try:
        raw = reading.read_bounded(path, MAX_BYTES, follow=True)
    except FileNotFoundError:
        return []
    except reading.RefusedFileError as exc:
        raise ModuleListError(name, exc.text) from None
    except OSError as exc:
        raise ModuleListError(name, os_reasons.unreadable(exc)) from None
    doc = Fields(
        parse_toml(raw, name, ModuleListError, MAX_BYTES), file=name, error=ModuleListError
    )
    key = "windows" if platform == "win32" else "linux"
    found: list[KnownModule] = []
    for table in doc.tables("module"):
        label = table.required("name", max_length=200)
        table.with_item(label)
        paths = {"linux": table.string_list("linux", optional=True) or ()}
        paths["windows"] = table.string_list("windows", optional=True) or ()
        table.done()
        found.extend(KnownModule(label, Path(p)) for p in paths[key])
    doc.done()
    return found


def known_modules(own_list: Path | None, platform: str = sys.platform) -> list[KnownModule]:
    """Every module the lists name for this platform: the person's own list first."""
    lists = ([own_list] if own_list is not None else []) + [shipped_list()]
    seen: set[Path] = set()
    out: list[KnownModule] = []
    for path in lists:
        for module in load(path, platform):
            if module.path not in seen:
                seen.add(module.path)
                out.append(module)
    return out


def installed_modules(own_list: Path | None) -> list[KnownModule]:
    """The known modules present on this computer, to offer first (each file once)."""
    seen: set[Path] = set()
    out: list[KnownModule] = []
    for module in known_modules(own_list):
        if module.path.is_file() and (real := module.path.resolve()) not in seen:
            seen.add(real)
            out.append(module)
    return out
