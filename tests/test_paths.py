"""The data and cache folders: SelfCheck's own XDG lookup answers what platformdirs does."""

from pathlib import Path

import pytest
from platformdirs import user_cache_dir, user_data_dir

from desktop.core.base.paths import cache_home, data_home

ENVIRONMENTS = [
    {"HOME": "/home/lan"},
    {"HOME": "/home/lan/"},
    {"HOME": "/home/lan", "XDG_DATA_HOME": "/srv/data", "XDG_CACHE_HOME": "/srv/cache"},
    {"HOME": "/home/lan", "XDG_DATA_HOME": "relative/data", "XDG_CACHE_HOME": "relative"},
    {"HOME": "/home/lan", "XDG_DATA_HOME": "", "XDG_CACHE_HOME": "  "},
    {"HOME": "/", "XDG_CACHE_HOME": "/var/c/"},
    {"HOME": "relative-home"},  # platformdirs asks the password database: so does SelfCheck
    {},
]


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_folders_are_platformdirs_folders(
    environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "SELFCHECK_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("pathlib.Path.mkdir", lambda *args, **kwargs: None)  # look, not make
    assert str(cache_home()) == user_cache_dir("SelfCheck", appauthor=False)
    assert str(data_home()) == user_data_dir("SelfCheck", appauthor=False)


def test_selfcheck_home_is_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELFCHECK_HOME", str(tmp_path / "data"))
    assert data_home() == tmp_path / "data"
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700
