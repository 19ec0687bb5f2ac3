"""The open datasets, in the order the open-data page lists them."""

from __future__ import annotations

from . import budgets, challenges, decisions, initiatives, processes, sensing
from .base import Column, Context, Dataset

DATASETS: tuple[Dataset, ...] = (
    initiatives.DATASET,
    processes.PROCESSES,
    processes.PHASES,
    decisions.DECISIONS,
    decisions.ASSESSMENTS,
    sensing.DATASET,
    budgets.DATASET,
    challenges.DATASET,
)
_BY_KEY = {d.key: d for d in DATASETS}

__all__ = ["DATASETS", "Column", "Context", "Dataset", "dataset_by_key"]


def dataset_by_key(key: str) -> Dataset | None:
    return _BY_KEY.get(key)
