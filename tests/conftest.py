"""Fixtures shared by every test package: paths to the repository and its test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def repo() -> Path:
    """The repository's root (where the shipped claims.yaml lives)."""
    return REPO


@pytest.fixture
def data_dir() -> Path:
    """tests/data: small HTML, PDF and YAML files."""
    return DATA


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data and cache folders (the run history, the HTTP cache),
    and no FACTCHECK_* setting of the developer's environment."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    for name in [n for n in os.environ if n.startswith("FACTCHECK_")]:
        monkeypatch.delenv(name)
