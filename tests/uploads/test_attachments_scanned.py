"""Every attachment (photos on initiatives and, through the same service, on any other target) passes the virus
scanner before it is stored: through the real web form against a real clamd (skipped without clamd)."""

from zwerm.attachments.models import Attachment
from zwerm.initiatives.models import Initiative

from ..attachments.pictures import phone_photo, upload
from ..attachments.test_initiative_photos import _form, neighbourhood_id, post  # noqa: F401  (a fixture)
from .clamd import TEST_PATTERN

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_a_clean_photo_passes_the_real_scanner(clamav, resident_client, neighbourhood_id):  # noqa: F811
    response = post(
        resident_client,
        "/initiatieven/nieuw",
        _form(neighbourhood=neighbourhood_id, photo=upload(phone_photo()), photo_alt="Het grasveld bij de vijver"),
    )
    assert response.status_code == 302
    assert Attachment.objects.count() == 1 and Initiative.objects.count() == 1


def test_an_infected_photo_is_refused_and_nothing_is_kept(clamav, resident_client, neighbourhood_id):  # noqa: F811
    infected = upload(phone_photo() + b"\n" + TEST_PATTERN + b"\n")
    response = post(
        resident_client,
        "/initiatieven/nieuw",
        _form(neighbourhood=neighbourhood_id, photo=infected, photo_alt="Het grasveld bij de vijver"),
    )
    assert response.status_code == 200
    assert "In dit bestand zit een virus" in response.content.decode()
    assert not Attachment.objects.exists() and not Initiative.objects.exists()


def test_an_infected_pdf_is_refused_by_the_attachment_service(clamav, resident, neighbourhood):
    import pytest
    from django.core.exceptions import ValidationError

    from zwerm.attachments.services import TargetRef, attachment_add

    with pytest.raises(ValidationError) as refused:
        attachment_add(
            municipality=neighbourhood.municipality,
            target=TargetRef("initiative", 1),
            uploader=resident,
            upload=upload(PDF + TEST_PATTERN, name="brief.pdf", content_type="application/pdf"),
            alt_text="De brief van de buurt",
        )
    assert refused.value.error_dict["file"][0].code == "infected"
    assert not Attachment.objects.exists()


def test_a_photo_is_refused_while_the_configured_scanner_does_not_answer(
    settings,
    tmp_path,
    resident_client,
    neighbourhood_id,  # noqa: F811
):
    settings.ZWERM_VIRUS_SCANNER = "clamav"
    settings.ZWERM_CLAMAV_SOCKET = str(tmp_path / "nobody.sock")
    response = post(
        resident_client,
        "/initiatieven/nieuw",
        _form(neighbourhood=neighbourhood_id, photo=upload(phone_photo()), photo_alt="Het grasveld bij de vijver"),
    )
    assert "nu niet op virussen controleren" in response.content.decode()
    assert not Attachment.objects.exists()
