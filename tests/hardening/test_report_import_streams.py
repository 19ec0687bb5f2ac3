"""Finding 8, the worker's half: the background import streams the stored upload. It reads the stored pieces
one at a time and takes rows in as it goes, so rows are imported (and progress is shown) before the last piece
of the file has been read; it never joins the pieces into one value. Nothing here measures memory or time:
the order of events shows it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.sensing import services
from zwerm.sensing.engine import importer
from zwerm.sensing.models import ReportImport, Text

HOST = "testdam.localhost"
URL = "/signalen/beheer/import"


@pytest.fixture
def staff_client(client, make_staff):
    return staff_login(client, make_staff(Role.PROCESS_LEAD))


def _csv(rows: int) -> bytes:
    # "één" and "ë" in every row: with pieces of 1 KB some of these two-byte characters are cut in two.
    return (
        "id;tekst\n" + "".join(f"{n};Overlast bij de brug, één keer per week: ë {n}\n" for n in range(1, rows + 1))
    ).encode()


def _upload(staff_client, monkeypatch, django_capture_on_commit_callbacks, rows=300):
    monkeypatch.setattr(services, "CHUNK_BYTES", 1024)
    # The delimiter is sniffed from the first 64K characters; a 2K sample makes this small file long enough.
    monkeypatch.setattr(importer, "_SAMPLE", 2048)
    upload = SimpleUploadedFile("meldingen.csv", _csv(rows))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = staff_client.post(URL, {"file": upload, "text": "tekst", "id": "id"}, HTTP_HOST=HOST)
    record = ReportImport.objects.get()
    assert record.chunks.count() > 10  # the file is many pieces
    return record, queued, response["Location"]


def test_rows_are_imported_before_the_last_piece_is_read(staff_client, monkeypatch, django_capture_on_commit_callbacks):
    record, queued, _ = _upload(staff_client, monkeypatch, django_capture_on_commit_callbacks)
    last = record.chunks.count() - 1
    events = []
    read_pieces, write_progress = services.imports.stored_chunks, services.imports._progress

    def pieces(**kwargs):
        for index, piece in zip(kwargs["indexes"], read_pieces(**kwargs), strict=True):
            events.append(("piece", index))
            yield piece

    def progress(record, **values):
        events.append(("progress", values["processed"]))
        write_progress(record, **values)

    monkeypatch.setattr(services.imports, "stored_chunks", pieces)
    monkeypatch.setattr(services.imports, "_progress", progress)
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()
    # Two passes over the pieces: one to find the encoding, one to read the rows.
    second_pass = events[events.index(("piece", last)) + 1 :]
    first_progress = second_pass.index(("progress", 100))
    assert ("piece", last) in second_pass[first_progress:]  # 100 rows were in before the end was read
    record.refresh_from_db()
    assert record.status == "done" and record.read == record.accepted == 300
    # A character cut in two by a piece boundary comes out whole.
    assert Text.objects.filter(report_import=record, text__contains="één keer per week: ë").count() == 300


def test_the_staff_page_shows_how_far_the_file_is_read(staff_client, monkeypatch, django_capture_on_commit_callbacks):
    record, queued, location = _upload(staff_client, monkeypatch, django_capture_on_commit_callbacks)
    pages = []
    write_progress = services.imports._progress

    def progress(record, **values):
        write_progress(record, **values)
        if len(pages) < 1:
            pages.append(staff_client.get(location, HTTP_HOST=HOST).content.decode())

    monkeypatch.setattr(services.imports, "_progress", progress)
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()
    (page,) = pages
    assert "Bezig: 100 rijen verwerkt, 100 opgenomen;" in page
    percent = int(page.split("opgenomen; ")[1].split("%")[0])
    assert 0 < percent < 100
    assert f'<progress max="100" value="{percent}">' in page
