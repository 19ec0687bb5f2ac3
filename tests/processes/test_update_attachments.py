"""A process lead adds a photo or a PDF to an update (bericht): shown with its description on the process page,
checked like every upload (the virus scanner against a real clamd; skipped without clamd)."""

from django.test import Client

from tests.uploads.clamd import TEST_PATTERN
from tests.uploads.conftest import clamav, clamd_socket  # noqa: F401  (fixtures)
from zwerm.attachments.models import Attachment
from zwerm.processes.models import Update

from ..attachments.pictures import phone_photo, upload
from .test_pages import get, html, lead_client, post  # noqa: F401  (a fixture)

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_an_update_with_a_photo_shows_it_with_its_description(process, lead_client):  # noqa: F811
    base = f"/trajecten/{process.slug}"
    data = {
        "title": "Het plein is klaar",
        "body": "Kom kijken.",
        "attachment": upload(phone_photo()),
        "attachment_alt": "Het nieuwe plein met bankjes",
    }
    response = post(lead_client, f"{base}/berichten", data)
    assert response.status_code == 302, html(response)[:3000]
    photo = Attachment.objects.get()
    assert photo.target_kind == "process_update" and photo.target_id == Update.objects.get().pk
    page = html(get(Client(), base))
    assert f'src="/bijlagen/{photo.pk}"' in page and 'alt="Het nieuwe plein met bankjes"' in page
    assert get(Client(), f"/bijlagen/{photo.pk}").status_code == 200


def test_an_update_with_a_pdf_links_it_by_name(process, lead_client):  # noqa: F811
    base = f"/trajecten/{process.slug}"
    data = {
        "title": "Het verslag",
        "body": "Hier is het verslag.",
        "attachment": upload(PDF, name="verslag.pdf", content_type="application/pdf"),
        "attachment_alt": "Verslag van de avond",
    }
    assert post(lead_client, f"{base}/berichten", data).status_code == 302
    assert ">Verslag van de avond</a>" in html(get(Client(), base))


def test_a_photo_needs_a_description_and_nothing_is_posted_without(process, lead_client):  # noqa: F811
    data = {"title": "Foto", "body": "Kijk.", "attachment": upload(phone_photo())}
    response = post(lead_client, f"/trajecten/{process.slug}/berichten", data)
    assert response.status_code == 400
    assert not Update.objects.exists() and not Attachment.objects.exists()


def test_an_infected_attachment_is_refused_and_the_update_not_posted(clamav, process, lead_client):  # noqa: F811
    data = {
        "title": "Verslag",
        "body": "Zie bijlage.",
        "attachment": upload(PDF + TEST_PATTERN, name="verslag.pdf", content_type="application/pdf"),
        "attachment_alt": "Verslag",
    }
    response = post(lead_client, f"/trajecten/{process.slug}/berichten", data)
    assert response.status_code == 400 and "In dit bestand zit een virus" in html(response)
    assert not Update.objects.exists() and not Attachment.objects.exists()
