"""The one upload check: size before anything is read, the type from the content, the virus-scanner plug-in."""

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from zwerm.core.uploads import (
    ATTACHMENT,
    CSV,
    DOCUMENT,
    IMAGE,
    ScannerUnavailable,
    ScanResult,
    scanner_register,
    upload_check,
)
from zwerm.core.uploads.sniffing import sniff_type

from .clamd import TEST_PATTERN, infected_png, png_bytes

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


class Unreadable(SimpleUploadedFile):
    """An upload whose content must not be read."""

    def read(self, *args):
        raise AssertionError("the file was read")

    def chunks(self, *args):
        raise AssertionError("the file was read")


class RecordingScanner:
    """A scanner for the tests: finds TEST_PATTERN, remembers what it saw, or is down."""

    name = "test"
    seen: list[bytes] = []
    down = False

    def scan(self, chunks):
        if RecordingScanner.down:
            raise ScannerUnavailable("the test scanner is down")
        data = b"".join(chunks)
        RecordingScanner.seen.append(data)
        return ScanResult(infected=TEST_PATTERN in data, signature="Test.Pattern" if TEST_PATTERN in data else "")

    def ping(self):
        return not RecordingScanner.down


scanner_register("test", RecordingScanner)


@pytest.fixture
def test_scanner(settings):
    settings.ZWERM_VIRUS_SCANNER = "test"
    RecordingScanner.seen = []
    RecordingScanner.down = False
    yield RecordingScanner
    RecordingScanner.down = False


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings):
    settings.ZWERM_UPLOAD_MAX_MB = 1
    upload = Unreadable("foto.png", b"x" * (2**20 + 1))
    with pytest.raises(ValidationError, match=r"te groot \(hoogstens 1 MB\)") as refused:
        upload_check(file=upload, kind=IMAGE)
    assert refused.value.code == "too_large"


def test_a_limit_given_by_the_caller_counts_instead_of_the_setting():
    with pytest.raises(ValidationError, match=r"hoogstens 2 kB"):
        upload_check(file=SimpleUploadedFile("a.csv", b"a;b\n" * 1000), kind=CSV, max_bytes=2048)


def test_the_type_comes_from_the_content_not_the_name_or_the_browser():
    disguised = SimpleUploadedFile("foto.jpg", b"<svg onload='alert(1)'></svg>", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="Dit bestand is geen foto") as refused:
        upload_check(file=disguised, kind=IMAGE)
    assert refused.value.code == "type"
    checked = upload_check(file=SimpleUploadedFile("scan.txt", png_bytes(), content_type="text/plain"), kind=IMAGE)
    assert checked.content_type == "image/png" and checked.extension == ".png"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (png_bytes(), "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (PDF, "application/pdf"),
        (b"id;tekst\n1;Stoep kapot bij de bakker\n", "text/plain"),
        ("id;tekst\n1;Café\n".encode("cp1252"), "text/plain"),  # Excel's Windows-1252
        ("é".encode() * 4096 + "é".encode()[:1], "text/plain"),  # UTF-8 cut off inside a character
        (b"MZ\x90\x00\x03\x00\x00\x00", None),  # a Windows program
        (b"PK\x03\x04\x14\x00", None),  # a zip (also .docx)
        (b"SQLite format 3\x00\x10\x00", "application/geopackage+sqlite3"),  # a GeoPackage is SQLite
        (b"", None),
    ],
)
def test_sniffing_knows_the_types_zwerm_takes(content, expected):
    assert sniff_type(content[:8192]) == expected


def test_each_kind_takes_its_own_types():
    pdf, png = SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("a.png", png_bytes())
    assert upload_check(file=pdf, kind=DOCUMENT).extension == ".pdf"
    assert upload_check(file=pdf, kind=ATTACHMENT).content_type == "application/pdf"
    assert upload_check(file=png, kind=ATTACHMENT).content_type == "image/png"
    with pytest.raises(ValidationError, match="geen PDF-bestand"):
        upload_check(file=png, kind=DOCUMENT)
    with pytest.raises(ValidationError, match="geen CSV-bestand"):
        upload_check(file=png, kind=CSV)


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="leeg"):
        upload_check(file=SimpleUploadedFile("a.png", b""), kind=IMAGE)


def test_without_a_scanner_configured_nothing_is_scanned(test_scanner, settings):
    settings.ZWERM_VIRUS_SCANNER = ""
    assert upload_check(file=SimpleUploadedFile("a.png", infected_png()), kind=IMAGE).content_type == "image/png"
    assert test_scanner.seen == []


def test_the_scanner_sees_the_whole_file_and_leaves_it_at_the_start(test_scanner):
    content = png_bytes(b"\0" * 600_000)  # more than one chunk
    upload = SimpleUploadedFile("a.png", content)
    upload_check(file=upload, kind=IMAGE)
    assert test_scanner.seen == [content]
    assert upload.read() == content


def test_an_infected_file_is_refused_with_a_clear_message(test_scanner, caplog):
    with pytest.raises(ValidationError, match="virus of iets anders dat schadelijk is") as refused:
        upload_check(file=SimpleUploadedFile("Piet Jansen.png", infected_png()), kind=IMAGE)
    assert refused.value.code == "infected"
    assert "Test.Pattern" in caplog.text and "Piet Jansen" not in caplog.text  # no file name in the log


def test_a_scanner_that_gives_no_verdict_refuses_the_upload(test_scanner):
    test_scanner.down = True
    with pytest.raises(ValidationError, match="nu niet op virussen controleren") as refused:
        upload_check(file=SimpleUploadedFile("a.png", png_bytes()), kind=IMAGE)
    assert refused.value.code == "scanner"


def test_a_csv_import_is_not_scanned(test_scanner):
    upload_check(file=SimpleUploadedFile("a.csv", b"id;tekst\n1;" + TEST_PATTERN + b"\n"), kind=CSV)
    assert test_scanner.seen == []


def test_an_unknown_scanner_name_stops_the_system_check(settings):
    settings.ZWERM_VIRUS_SCANNER = "clamvа"  # a typo must not mean "no scanner"
    errors = [error for error in run_checks() if error.id == "zwerm.E028"]
    assert errors and "no known virus scanner" in errors[0].msg and "clamav" in errors[0].msg
    settings.ZWERM_VIRUS_SCANNER = "clamav"
    assert not [error for error in run_checks() if error.id == "zwerm.E028"]
