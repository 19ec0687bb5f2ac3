"""`upload_check`: the one check every uploaded file passes before anything is stored.

In this order, each cheaper than the next: the size (from the upload's size, nothing read), the type (from the
first bytes, never from the name), then the virus scanner when one is configured (the whole file, streamed).
A refusal is a ValidationError with a Dutch message for the person who uploaded, so a form or a service passes
it on as is; the file is left at its start for whoever stores it."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import sniffing
from .limits import too_large_message
from .scanners import ScannerUnavailable, virus_scanner

logger = logging.getLogger(__name__)

SCAN_CHUNK_BYTES = 256 * 1024


@dataclass(frozen=True)
class UploadKind:
    """What a file field takes: the types (as `sniffing` names them), how to name them to a person, and
    whether the virus scanner sees it (files that are served to people again: yes)."""

    types: frozenset[str]
    accepted: str | Promise  # "foto (JPEG, PNG, WebP of GIF)": completes "Dit bestand is geen ..."
    scan: bool = True

    @property
    def accept(self) -> str:
        """For the HTML input's accept attribute (a hint for the file chooser; the check is `upload_check`)."""
        return ",".join(sorted(self.types))


IMAGE_TYPES = frozenset({sniffing.JPEG, sniffing.PNG, sniffing.WEBP, sniffing.GIF})

IMAGE = UploadKind(types=IMAGE_TYPES, accepted=gettext_lazy("foto (JPEG, PNG, WebP of GIF)"))
DOCUMENT = UploadKind(types=frozenset({sniffing.PDF}), accepted=gettext_lazy("PDF-bestand"))
ATTACHMENT = UploadKind(
    types=IMAGE_TYPES | {sniffing.PDF}, accepted=gettext_lazy("foto (JPEG, PNG, WebP of GIF) of PDF-bestand")
)
# A CSV import is read as rows and the file is then deleted; nobody downloads it again, so it is not scanned
# (and a 50 MB export would pass clamd's default StreamMaxLength of 25 MB).
CSV = UploadKind(types=frozenset({sniffing.TEXT}), accepted=gettext_lazy("CSV-bestand (tekst)"), scan=False)
# The CBS wijk- en buurtkaart: GeoJSON (text) or GeoPackage (SQLite). Like a CSV import it is read and then
# deleted, never served again, so not scanned (and a large kaart would pass clamd's StreamMaxLength).
SHAPES = UploadKind(
    types=frozenset({sniffing.TEXT, sniffing.GEOPACKAGE}),
    accepted=gettext_lazy("GeoJSON- of GeoPackage-bestand"),
    scan=False,
)


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str  # as sniffed from the content
    size: int

    @property
    def extension(self) -> str:
        """A file name extension from the content (".jpg"), for a stored name that does not come from the uploader."""
        return sniffing.EXTENSIONS[self.content_type]


def upload_max_bytes() -> int:
    """The installation's limit for images and documents (ZWERM_UPLOAD_MAX_MB)."""
    return int(settings.ZWERM_UPLOAD_MAX_MB) * 2**20


def upload_check(*, file: File, kind: UploadKind, max_bytes: int | None = None) -> CheckedUpload:
    """Refuse (ValidationError, code "too_large", "empty", "type", "infected" or "scanner") or describe the file.

    `max_bytes` defaults to ZWERM_UPLOAD_MAX_MB. Pair it with `upload_limit` on the view, so that a file larger
    than the limit never reaches the disk in full."""
    limit = upload_max_bytes() if max_bytes is None else max_bytes
    size = file.size
    if size is None or size > limit:
        raise ValidationError(too_large_message(limit), code="too_large")
    if size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    file.seek(0)
    content_type = sniffing.sniff_type(file.read(sniffing.HEAD_BYTES))
    file.seek(0)
    if content_type not in kind.types:
        raise ValidationError(
            _("Dit bestand is geen %(accepted)s. Kies een ander bestand.") % {"accepted": kind.accepted}, code="type"
        )
    if kind.scan:
        upload_scan(file=file)
    return CheckedUpload(content_type=content_type, size=size)


def upload_scan(*, file: File) -> None:
    """Only the virus scanner's part of `upload_check`, for a caller that checks size and type itself (check
    the size first: the whole file is streamed to the scanner). Nothing happens when no scanner is configured;
    raises ValidationError with code "infected" or "scanner"; leaves the file at its start."""
    scanner = virus_scanner()
    if scanner is None:
        return
    try:
        result = scanner.scan(file.chunks(SCAN_CHUNK_BYTES))
    except ScannerUnavailable as error:
        logger.error("virus scanner %s gave no verdict, upload refused: %s", scanner.name, error)
        raise ValidationError(
            _("We kunnen het bestand nu niet op virussen controleren. Probeer het later nog eens."), code="scanner"
        ) from None
    finally:
        file.seek(0)
    if result.infected:
        # The signature and the size only: the file's name may hold personal data.
        logger.warning("virus scanner %s refused an upload: %s (%d bytes)", scanner.name, result.signature, file.size)
        raise ValidationError(
            _("In dit bestand zit een virus of iets anders dat schadelijk is. We hebben het niet bewaard."),
            code="infected",
        )
