"""What a redaction returns."""

from __future__ import annotations

from dataclasses import dataclass

from .patterns import Finding


@dataclass(frozen=True)
class RedactionResult:
    text: str
    findings: tuple[Finding, ...]

    @property
    def kinds(self) -> list[str]:
        """The distinct kinds found, in a stable order."""
        return sorted({f.kind for f in self.findings})
