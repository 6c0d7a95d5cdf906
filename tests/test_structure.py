"""The code-shape check of `make lint` finds what it is there to find."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from check_structure import cycles, long_modules


def _package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_cycle_through_a_function_level_import_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package(
        tmp_path,
        {
            "loopy/__init__.py": "",
            "loopy/app.py": "from loopy import window\n",
            "loopy/window.py": "def later():\n    from loopy import app\n",
            "loopy/alone.py": "from loopy import app\n",
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert cycles("loopy") == [["loopy.app", "loopy.window"]]


def test_a_long_module_is_named(tmp_path: Path) -> None:
    _package(tmp_path, {"short.py": "x = 1\n" * 400, "long.py": "x = 1\n" * 401})
    assert long_modules(tmp_path) == [(tmp_path / "long.py", 401)]
