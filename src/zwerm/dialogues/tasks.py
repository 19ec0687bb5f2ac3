"""Background work for dialogues (tasks take ids). The task lives beside the write it runs."""

from .services.analysis import dialogue_recompute

__all__ = ["dialogue_recompute"]
