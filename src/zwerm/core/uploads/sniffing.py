"""What a file is, from its first bytes: never from its name or the Content-Type the browser sent.

Only the types Zwerm takes are recognised; anything else is `None` (and refused by `upload_check`). An SVG or
an HTML page is text, never an image, so it cannot pass as one and run a script when it is shown."""

JPEG = "image/jpeg"
PNG = "image/png"
GIF = "image/gif"
WEBP = "image/webp"
PDF = "application/pdf"
TEXT = "text/plain"  # a CSV export is text; its columns are checked by the import that reads it
# An SQLite database, as a GeoPackage is; whether it holds the tables of one is up to the import that reads it.
GEOPACKAGE = "application/geopackage+sqlite3"

HEAD_BYTES = 8192  # how much of the start `sniff_type` needs to see

EXTENSIONS = {JPEG: ".jpg", PNG: ".png", GIF: ".gif", WEBP: ".webp", PDF: ".pdf", TEXT: ".csv", GEOPACKAGE: ".gpkg"}

# Control characters that do not occur in text (tab, line feed, form feed and carriage return do).
_BINARY = frozenset(range(0, 9)) | {11} | frozenset(range(14, 32)) | {127}


def sniff_type(head: bytes) -> str | None:
    """The type of a file whose first bytes (up to HEAD_BYTES) are `head`, or None when it is none we take."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"SQLite format 3\x00"):
        return GEOPACKAGE
    if head and _is_text(head):
        return TEXT
    return None


def _is_text(head: bytes) -> bool:
    """UTF-8 (a character cut off at the end of `head` is fine) or a one-byte encoding such as Windows-1252,
    without the control characters that mark a binary file."""
    if any(byte in _BINARY for byte in head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data":  # that is only a character cut off at the end of `head`
            return _is_single_byte_text(head)
    return True


def _is_single_byte_text(head: bytes) -> bool:
    try:
        head.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
