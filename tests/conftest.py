"""Shared fixtures: the repository root and a scratch copy of the data to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/*.csv that a test may edit."""
    target = tmp_path / "data"
    target.mkdir()
    for csv in (ROOT / "data").glob("*.csv"):
        shutil.copyfile(csv, target / csv.name)
    return target
