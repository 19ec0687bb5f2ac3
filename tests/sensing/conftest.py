"""Shared data for the sensing engine tests: built once per session, engine only (no Django)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zwerm.sensing.engine.pipeline import analyse
from zwerm.sensing.engine.synthetic import synthetic_rows


def pytest_configure(config):
    config.addinivalue_line("markers", "deduce: needs deduce's name cache (built once, ~90 s); skipped without it")


def shared_data_dir() -> Path:
    """../shared/data beside the repository, or ZWERM_SHARED_DATA."""
    explicit = os.environ.get("ZWERM_SHARED_DATA")
    if explicit:
        return Path(explicit)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def synthetic():
    return synthetic_rows(1500, seed=3, weeks=12)


@pytest.fixture(scope="session")
def synthetic_analysis(synthetic):
    return analyse(synthetic.rows)
