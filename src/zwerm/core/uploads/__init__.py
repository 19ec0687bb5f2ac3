"""Uploads: one check for every file a person or a system sends to Zwerm (ADR 0028).

- `upload_limit(limit)` on the view: the size limit holds before the file is read (limits.py).
- `upload_check(file=..., kind=IMAGE | DOCUMENT | ATTACHMENT | CSV | SHAPES)` before anything is stored: size, type from
  the content (sniffing.py), then the virus scanner plug-in (scanners.py; ClamAV in clamav.py) when
  ZWERM_VIRUS_SCANNER names one (checks.py).
"""

from . import clamav  # noqa: F401  (registers the "clamav" scanner)
from .checks import (
    ATTACHMENT,
    CSV,
    DOCUMENT,
    IMAGE,
    IMAGE_TYPES,
    SHAPES,
    CheckedUpload,
    UploadKind,
    upload_check,
    upload_max_bytes,
    upload_scan,
)
from .limits import (
    declared_too_large,
    limit_uploads,
    refuse_with_message,
    too_large_message,
    upload_limit,
    upload_too_large,
)
from .scanners import ScannerUnavailable, ScanResult, VirusScanner, scanner_register, virus_scanner

__all__ = [
    "ATTACHMENT",
    "CSV",
    "DOCUMENT",
    "IMAGE",
    "IMAGE_TYPES",
    "SHAPES",
    "CheckedUpload",
    "ScanResult",
    "ScannerUnavailable",
    "UploadKind",
    "VirusScanner",
    "declared_too_large",
    "limit_uploads",
    "refuse_with_message",
    "scanner_register",
    "too_large_message",
    "upload_check",
    "upload_limit",
    "upload_max_bytes",
    "upload_scan",
    "upload_too_large",
    "virus_scanner",
]
