"""What the reviewer's window remembers between runs: the roster and the folder of bundles
last used, and the reviewer's id. One small JSON in the data folder (0700), written
atomically; a damaged or hostile file is ignored, never trusted: the window starts empty."""

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.base import reading
from desktop.core.base.atomic import write_atomic

FILE = "reviewer.json"
MAX_BYTES = 64 * 1024
MAX_PATH = 4096


@dataclass(frozen=True, slots=True)
class Desk:
    roster: str = ""
    folder: str = ""
    reviewer: str = ""  # the reviewer's id, as they last countersigned


def load_desk(home: Path) -> Desk:
    try:
        raw = reading.read_bounded(home / FILE, MAX_BYTES, follow=False)
        data = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return Desk()
    if not isinstance(data, dict):
        return Desk()
    return Desk(*(_path(data.get(key)) for key in ("roster", "folder", "reviewer")))


def _path(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_PATH or not value.isprintable():
        return ""
    return value


def save_desk(home: Path, desk: Desk) -> None:
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = {"roster": desk.roster, "folder": desk.folder, "reviewer": desk.reviewer}
    write_atomic(home / FILE, json.dumps(data, ensure_ascii=False).encode("utf-8"))
