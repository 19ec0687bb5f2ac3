"""Staff add photos and PDF documents to budget projects; the budget's page shows them with their
descriptions; only the budget's managers may add or remove; a staff member's uploads stay at erasure."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from tests.attachments.pictures import PDF, phone_photo, upload
from zwerm.attachments.models import Attachment
from zwerm.budgets import services

from ..foundation.builders import staff_login
from .conftest import make_projects

HOST = "testdam.localhost"


@pytest.fixture
def project(budget, lead, resident):
    (first,) = make_projects(budget, lead, resident, ["3000"])
    return first


def test_the_lead_adds_a_photo_and_a_pdf_on_the_staff_page_and_the_public_sees_them(budget, project, lead):
    staff = staff_login(Client(), lead)
    url = f"/buurtbudget/{budget.pk}/projecten/{project.pk}/bijlagen"
    assert staff.get(url, HTTP_HOST=HOST).status_code == 200
    response = staff.post(
        url, {"file": upload(phone_photo()), "alt_text": "Het speelveld zoals het nu is"}, HTTP_HOST=HOST
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = staff.post(
        url,
        {"file": upload(PDF, name="tekening.pdf", content_type="application/pdf"), "alt_text": "Tekening van het plan"},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    photo, document = Attachment.objects.order_by("pk")
    assert (photo.kind, document.kind) == ("image", "document")
    html = Client().get(f"/buurtbudget/{budget.pk}", HTTP_HOST=HOST).content.decode()
    assert f"/bijlagen/{photo.pk}/kaart" in html and 'alt="Het speelveld zoals het nu is"' in html
    assert f'href="/bijlagen/{document.pk}"' in html and "Tekening van het plan" in html
    served = Client().get(f"/bijlagen/{document.pk}", HTTP_HOST=HOST)
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("attachment;")
    assert b"".join(served.streaming_content) == PDF


def test_the_manage_page_links_to_each_projects_files(budget, project, lead):
    html = staff_login(Client(), lead).get(f"/buurtbudget/{budget.pk}/beheer", HTTP_HOST=HOST).content.decode()
    assert f"/buurtbudget/{budget.pk}/projecten/{project.pk}/bijlagen" in html


def test_only_the_managers_add_or_remove(
    budget, project, other_lead, resident, lead, django_capture_on_commit_callbacks
):
    with pytest.raises(PermissionDenied):
        services.project_attachment_add(project=project, actor=other_lead, upload=upload(phone_photo()), alt_text="X")
    with pytest.raises(PermissionDenied):
        services.project_attachment_add(project=project, actor=resident, upload=upload(phone_photo()), alt_text="X")
    photo = services.project_attachment_add(project=project, actor=lead, upload=upload(phone_photo()), alt_text="Veld")
    with pytest.raises(PermissionDenied):
        services.project_attachment_remove(project=project, actor=other_lead, attachment_id=photo.pk)
    staff = staff_login(Client(), lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/buurtbudget/{budget.pk}/projecten/{project.pk}/bijlagen/{photo.pk}/verwijderen", HTTP_HOST=HOST
        )
    assert response.status_code == 302
    assert not Attachment.objects.exists()


def test_a_staff_upload_stays_when_the_staff_account_is_erased(project, lead):
    from zwerm.core.personal_data import Erasure, registry

    photo = services.project_attachment_add(project=project, actor=lead, upload=upload(phone_photo()), alt_text="Veld")
    provider = next(p for p in registry.providers() if p.key == "attachments")
    placeholder = registry.placeholder()
    counts = provider.erase(Erasure(user=lead, placeholder=placeholder, mode_for=lambda *a: "remove"))
    assert counts == {"bijlagen_verwijderd": 0, "bijlagen_losgekoppeld": 1}
    photo.refresh_from_db()
    assert photo.uploader_id == placeholder.pk
