"""Background work for dialogues (tasks take ids). The task lives beside the write it runs."""

from .services.analysis import dialogue_recompute
from .services.masking import statement_mask

__all__ = ["dialogue_recompute", "statement_mask"]
