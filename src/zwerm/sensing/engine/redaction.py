"""Personal data redaction for sensing: the platform's one masking (`zwerm.core.redaction`).

Analysis runs the same detectors as public text. Names found by deduce are off unless asked for
(`RedactionPolicy(names=True)`, `ZWERM_SENSING_REDACT_NAMES`): a batch of thousands of meldingen
would otherwise load deduce in every worker of the pipeline; public text always masks names.
"""

from __future__ import annotations

from dataclasses import dataclass

from zwerm.core.redaction import (
    MASKS,
    NAME,
    RedactionResult,
    build_name_cache,
    name_cache_exists,
    name_cache_path,
)
from zwerm.core.redaction import redact as core_redact

__all__ = [
    "DEFAULT_POLICY",
    "NAME",
    "NAME_MASK",
    "RedactionPolicy",
    "build_name_cache",
    "name_cache_exists",
    "name_cache_path",
    "redact",
]

NAME_MASK = MASKS[NAME]


@dataclass(frozen=True)
class RedactionPolicy:
    names: bool = False  # find names with deduce (slow first start; see zwerm.core.redaction.names)


DEFAULT_POLICY = RedactionPolicy()


def redact(text: str, *, policy: RedactionPolicy = DEFAULT_POLICY) -> RedactionResult:
    """`text` with personal data replaced by placeholders such as "[telefoonnummer]" or "[naam]"."""
    return core_redact(text, names=policy.names)
