"""Fixtures shared by every test package: paths to the repository and its test data."""

from __future__ import annotations

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
