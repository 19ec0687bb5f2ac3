"""The ClamAV plug-in against a real clamd (started by the test with its own signature database; skipped when
clamd is not installed): a clean upload passes, an infected one is refused and nothing is kept."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from zwerm.core.uploads import IMAGE, ScannerUnavailable, upload_check, virus_scanner
from zwerm.core.uploads.clamav import ClamdScanner

from .clamd import SIGNATURE, TEST_PATTERN, clamd_running, infected_png, png_bytes


def test_clamd_answers_and_tells_clean_from_infected(clamd_socket):
    scanner = ClamdScanner(address=str(clamd_socket), timeout=10)
    assert scanner.ping()
    assert not scanner.scan([png_bytes()]).infected
    found = scanner.scan([b"begin ", TEST_PATTERN[:10], TEST_PATTERN[10:], b" eind"])  # split over pieces
    assert found.infected and found.signature.startswith(SIGNATURE)


def test_the_setting_chooses_clamav(clamav):
    scanner = virus_scanner()
    assert scanner is not None and scanner.name == "clamav" and scanner.ping()


def test_a_clean_upload_passes_the_real_scanner(clamav):
    assert upload_check(file=SimpleUploadedFile("a.png", png_bytes()), kind=IMAGE).content_type == "image/png"


def test_an_infected_upload_is_refused_by_the_real_scanner(clamav):
    with pytest.raises(ValidationError, match="virus") as refused:
        upload_check(file=SimpleUploadedFile("a.png", infected_png()), kind=IMAGE)
    assert refused.value.code == "infected"


def test_without_clamd_the_upload_is_refused(settings, tmp_path):
    settings.ZWERM_VIRUS_SCANNER = "clamav"
    settings.ZWERM_CLAMAV_SOCKET = str(tmp_path / "nobody-listens.sock")
    with pytest.raises(ValidationError) as refused:
        upload_check(file=SimpleUploadedFile("a.png", png_bytes()), kind=IMAGE)
    assert refused.value.code == "scanner"


def test_a_file_past_clamds_stream_limit_gives_no_verdict():
    with clamd_running(stream_max_length="64K") as socket_path:
        scanner = ClamdScanner(address=str(socket_path), timeout=10)
        with pytest.raises(ScannerUnavailable, match="size limit"):
            scanner.scan([png_bytes(b"\0" * 200_000)])


def test_the_command_says_whether_clamd_answers_and_what_it_finds(clamav, tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    clean, infected = tmp_path / "schoon.png", tmp_path / "besmet.png"
    clean.write_bytes(png_bytes())
    infected.write_bytes(infected_png())
    out = StringIO()
    call_command("virus_scanner_check", str(clean), stdout=out)
    assert "antwoordt" in out.getvalue() and "schoon.png: schoon" in out.getvalue()
    with pytest.raises(CommandError, match="vond iets"):
        call_command("virus_scanner_check", str(infected), stdout=out)
    assert f"besmet.png: GEVONDEN {SIGNATURE}" in out.getvalue()
