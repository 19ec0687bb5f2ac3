"""Find and mask personal data in free text: the one masking every part of Zwerm uses.

Pure Python (no Django). Public resident text (initiatives, comments, statements, budget projects,
survey answers), open data, council reports, logs and sensing's analysis all call `redact`, so
nothing public is masked less strictly than anything else. Every finding says what kind of data it
was, so the author can be told why their text changed without repeating the data itself.

Patterns (`patterns.py`) find e-mail addresses (also with spaces around "@"), phone numbers in any
Dutch spelling (dots, spaces, brackets, +31, unassigned ranges), BSNs (11-test), IBANs (checksum),
postcode + house number, street + house number, licence plates and names after a cue ("groet",
"mvg", "ik ben"). With `names=True`, deduce's Dutch name lists find the other names (`names.py`).
"""

from __future__ import annotations

from .names import build_name_cache, name_cache_exists, name_cache_path, names_in
from .patterns import (
    ADDRESS,
    BSN,
    EMAIL,
    IBAN,
    KIND_LABELS,
    LICENCE_PLATE,
    MASKS,
    NAME,
    PHONE,
    STREET_ADDRESS,
    Finding,
    find_personal_data,
    merge_findings,
)
from .result import RedactionResult

__all__ = [
    "ADDRESS",
    "BSN",
    "EMAIL",
    "IBAN",
    "KIND_LABELS",
    "LICENCE_PLATE",
    "MASKS",
    "NAME",
    "PHONE",
    "STREET_ADDRESS",
    "Finding",
    "RedactionResult",
    "build_name_cache",
    "find_personal_data",
    "name_cache_exists",
    "name_cache_path",
    "redact",
]


def redact(text: str, *, names: bool = False) -> RedactionResult:
    """`text` with every piece of personal data replaced by a placeholder naming its kind ("[telefoonnummer]").

    `names=True` also masks the names deduce finds (public resident text does; see `names.py` for the
    cost). Patterns win where they overlap a name: a number is never a name."""
    findings = find_personal_data(text)
    if names:
        merge_findings(findings, names_in(text))
    parts, cursor = [], 0
    for f in findings:
        parts.append(text[cursor : f.start])
        parts.append(MASKS[f.kind])
        cursor = f.end
    parts.append(text[cursor:])
    return RedactionResult(text="".join(parts), findings=tuple(findings))
