"""Finding 8: the meldingen CSV import refuses an oversized upload before reading it, streams the file and imports
it in a background task whose progress the staff member sees."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.sensing import services
from zwerm.sensing.models import ReportImport, ReportImportChunk, Text

HOST = "testdam.localhost"
URL = "/signalen/beheer/import"


class UnreadableBody:
    """A request body that must not be read at all."""

    def read(self, *args):
        raise AssertionError("the upload was read")

    readline = read


@pytest.fixture
def staff_client(client, make_staff):
    return staff_login(client, make_staff(Role.PROCESS_LEAD))


def _csv(rows: int, text: str = "Container vol bij de school") -> bytes:
    return ("id;tekst\n" + "".join(f"{n};{text} {n}\n" for n in range(1, rows + 1))).encode()


def test_an_upload_that_says_it_is_too_large_is_refused_unread(staff_client):
    response = staff_client.post(
        URL,
        {"text": "tekst"},
        HTTP_HOST=HOST,
        CONTENT_LENGTH=str(120 * 2**20),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 302 and response["Location"] == URL
    assert "te groot (hoogstens 50 MB)" in staff_client.get(URL, HTTP_HOST=HOST).content.decode()
    assert not ReportImport.objects.exists()


def test_an_upload_past_the_limit_is_stopped_while_it_streams(staff_client, monkeypatch):
    monkeypatch.setattr(services, "MAX_IMPORT_BYTES", 100 * 1024)  # the body says less than limit + form
    upload = SimpleUploadedFile("groot.csv", _csv(4000))
    assert 100 * 1024 < upload.size < 160 * 1024
    response = staff_client.post(URL, {"file": upload, "text": "tekst"}, HTTP_HOST=HOST, follow=True)
    assert "te groot" in response.content.decode()
    assert not ReportImport.objects.exists() and not ReportImportChunk.objects.exists()


def test_the_import_runs_in_the_background_and_shows_its_progress(
    staff_client, municipality, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "CHUNK_BYTES", 1024)
    upload = SimpleUploadedFile("meldingen.csv", _csv(120))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = staff_client.post(URL, {"file": upload, "text": "tekst", "id": "id"}, HTTP_HOST=HOST)
    record = ReportImport.objects.get()
    assert response["Location"] == f"/signalen/beheer/import/{record.pk}"
    assert record.status == "queued" and record.size == upload.size and Text.objects.count() == 0
    assert record.chunks.count() == -(-upload.size // 1024)  # stored in pieces, not as one value
    page = staff_client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert "in de wachtrij" in page and 'hx-trigger="every 2s"' in page

    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()
    record.refresh_from_db()
    assert record.status == "done" and record.read == record.processed == record.accepted == 120
    assert Text.objects.filter(report_import=record).count() == 120
    assert not ReportImportChunk.objects.exists()  # the raw file (personal data) is not kept
    page = staff_client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert "120 rijen gelezen: 120 opgenomen, 0 geweigerd." in page and "every 2s" not in page


def test_progress_is_written_while_the_rows_are_imported(municipality, monkeypatch):
    seen = []
    original = services.imports._progress

    def spy(record, **values):
        seen.append(values["processed"])
        original(record, **values)

    monkeypatch.setattr(services.imports, "_progress", spy)
    record = services.report_import_csv(
        municipality=municipality,
        actor=None,
        data=_csv(250),
        filename="m.csv",
        mapping=services.ColumnMapping(text="tekst", id="id"),
    )
    assert seen == [100, 200, 250] and record.processed == 250
