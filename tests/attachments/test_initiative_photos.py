"""A resident adds a photo to an initiative through the form (no JavaScript needed); it shows on the card
and the page with its description; what is stored carries no GPS; moderators hide and restore it."""

import io

import pytest
from django.core.files.storage import storages
from PIL import ExifTags, Image

from zwerm.accounts.roles import Role
from zwerm.attachments import services as attachments
from zwerm.attachments.models import Attachment, AttachmentModeration
from zwerm.initiatives import services as initiatives
from zwerm.initiatives.models import Initiative

from ..foundation.builders import make_initiative, staff_login
from .pictures import CAMERA, phone_photo, upload

HOST = "testdam.localhost"


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


def _form(**extra):
    return {"kind": "idea", "title": "Bankje bij de vijver", "body": "Een bankje om uit te rusten.", **extra}


@pytest.fixture
def neighbourhood_id(neighbourhood):
    return neighbourhood.pk


def _stored_bytes(attachment: Attachment, card: bool = False) -> bytes:
    with storages["attachments"].open(attachment.card_name if card else attachment.file_name, "rb") as handle:
        return handle.read()


def test_a_resident_adds_a_photo_when_submitting_and_the_stored_file_has_no_gps(resident_client, neighbourhood_id):
    response = post(
        resident_client,
        "/initiatieven/nieuw",
        _form(neighbourhood=neighbourhood_id, photo=upload(phone_photo()), photo_alt="Het lege grasveld bij de vijver"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    photo = Attachment.objects.get()
    assert photo.target_kind == "initiative" and photo.alt_text == "Het lege grasveld bij de vijver"
    for card in (False, True):
        data = _stored_bytes(photo, card=card)
        stored = Image.open(io.BytesIO(data))
        assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not stored.getexif() and CAMERA.encode() not in data
    assert "IMG_2026" not in photo.file_name  # the phone's file name is not kept
    # The author sees it on the page of the (still submitted) initiative, with its description.
    html = get(resident_client, response["Location"]).content.decode()
    assert f'src="/bijlagen/{photo.pk}"' in html and 'alt="Het lege grasveld bij de vijver"' in html
    served = get(resident_client, f"/bijlagen/{photo.pk}")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert b"".join(served.streaming_content) == _stored_bytes(photo)


def test_a_photo_needs_a_description(resident_client, neighbourhood_id):
    response = post(
        resident_client, "/initiatieven/nieuw", _form(neighbourhood=neighbourhood_id, photo=upload(phone_photo()))
    )
    assert response.status_code == 200
    assert "Beschrijf wat er op de foto staat." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_that_is_not_an_image_refuses_the_submission_with_a_message(resident_client, neighbourhood_id):
    fake = upload(b"MZ\x90\x00 dit is een programma", name="foto.jpg")
    response = post(
        resident_client, "/initiatieven/nieuw", _form(neighbourhood=neighbourhood_id, photo=fake, photo_alt="Een foto")
    )
    assert response.status_code == 200
    assert "geen foto of afbeelding" in response.content.decode()
    assert not Attachment.objects.exists()
    assert not resident_client.get("/initiatieven/mijn", HTTP_HOST=HOST).content.decode().count("Bankje bij de vijver")


def test_a_photo_over_the_size_limit_is_refused_before_it_is_stored(settings, resident_client, neighbourhood_id):
    settings.ZWERM_IMAGE_MAX_BYTES = 1000
    response = post(
        resident_client,
        "/initiatieven/nieuw",
        _form(neighbourhood=neighbourhood_id, photo=upload(phone_photo()), photo_alt="Grasveld"),
        follow=True,
    )
    assert "te groot" in response.content.decode()
    assert not Attachment.objects.exists() and not Initiative.objects.exists()


def test_the_service_refuses_a_photo_over_the_limit_on_its_counted_size(
    settings, municipality, resident, neighbourhood
):
    from django.core.exceptions import ValidationError

    settings.ZWERM_IMAGE_MAX_BYTES = 1000
    initiative = make_initiative(municipality, resident, neighbourhood)
    with pytest.raises(ValidationError) as refused:
        initiatives.initiative_photo_add(
            initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld"
        )
    assert "photo" in refused.value.message_dict and not Attachment.objects.exists()


def test_the_author_removes_a_photo_while_editing_and_its_files_go(
    resident_client, municipality, resident, neighbourhood, django_capture_on_commit_callbacks
):
    initiative = make_initiative(municipality, resident, neighbourhood)
    photo = initiatives.initiative_photo_add(
        initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld"
    )
    names = [photo.file_name, photo.card_name]
    storage = storages["attachments"]
    assert all(storage.exists(name) for name in names)
    html = get(resident_client, f"/initiatieven/{initiative.pk}/bewerken").content.decode()
    assert "Grasveld" in html and 'enctype="multipart/form-data"' in html
    data = _form(neighbourhood=neighbourhood.pk, photos_remove=[photo.pk])
    with django_capture_on_commit_callbacks(execute=True):  # the files go once the removal is committed
        response = post(resident_client, f"/initiatieven/{initiative.pk}/bewerken", data)
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not any(storage.exists(name) for name in names)


def test_cards_show_the_first_photo_and_the_public_sees_it_once_published(
    client, municipality, resident, neighbourhood, moderator
):
    initiative = make_initiative(municipality, resident, neighbourhood)
    photo = initiatives.initiative_photo_add(
        initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld met bomen"
    )
    assert get(client, f"/bijlagen/{photo.pk}").status_code == 404  # submitted: not public yet
    initiatives.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="Ok.")
    html = get(client, "/initiatieven/").content.decode()
    assert f'src="/bijlagen/{photo.pk}/kaart"' in html and 'alt="Grasveld met bomen"' in html
    assert 'width="640" height="360"' in html
    card = get(client, f"/bijlagen/{photo.pk}/kaart")
    assert card.status_code == 200 and Image.open(io.BytesIO(b"".join(card.streaming_content))).size == (640, 360)
    assert get(client, "/").content.decode().count(f"/bijlagen/{photo.pk}/kaart") >= 1


def test_a_published_initiative_takes_no_new_photos(municipality, resident, neighbourhood, moderator):
    from django.core.exceptions import ValidationError

    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    with pytest.raises(ValidationError, match="gepubliceerd"):
        initiatives.initiative_photo_add(
            initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld"
        )


def test_a_moderator_hides_and_restores_a_photo_with_a_reason(
    client, municipality, resident, neighbourhood, moderator, make_staff
):
    initiative = make_initiative(municipality, resident, neighbourhood)
    photo = initiatives.initiative_photo_add(
        initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld"
    )
    initiatives.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="Ok.")
    staff = staff_login(client.__class__(), moderator)
    html = get(staff, f"/initiatieven/{initiative.pk}").content.decode()
    assert f'action="/bijlagen/{photo.pk}/verbergen"' in html
    response = post(staff, f"/bijlagen/{photo.pk}/verbergen", {"reason": "Er staat een kenteken op."})
    assert response.status_code == 302 and response["Location"] == f"/initiatieven/{initiative.pk}"
    photo.refresh_from_db()
    assert photo.hidden_reason == "Er staat een kenteken op."
    assert get(client, f"/bijlagen/{photo.pk}").status_code == 404
    assert f"/bijlagen/{photo.pk}" not in get(client, f"/initiatieven/{initiative.pk}").content.decode()
    assert f"/bijlagen/{photo.pk}" not in get(client, "/initiatieven/").content.decode()
    assert get(staff, f"/bijlagen/{photo.pk}").status_code == 200  # the moderator still sees what was hidden
    author = client.__class__()
    author.force_login(resident)
    assert "Er staat een kenteken op." in get(author, f"/initiatieven/{initiative.pk}").content.decode()
    post(staff, f"/bijlagen/{photo.pk}/terugzetten", {"reason": "Kenteken is onleesbaar."})
    assert get(client, f"/bijlagen/{photo.pk}").status_code == 200
    assert list(AttachmentModeration.objects.values_list("action", flat=True)) == ["hide", "restore"]
    # Only moderators may.
    process_lead = staff_login(client.__class__(), make_staff(Role.PROCESS_LEAD))
    assert post(process_lead, f"/bijlagen/{photo.pk}/verbergen", {"reason": "X"}).status_code == 403
    with pytest.raises(Exception, match="moderator"):
        attachments.attachment_hide(moderator=resident, attachment=photo, reason="Weg ermee.")


def test_a_hidden_initiative_hides_its_photos_too(client, municipality, resident, neighbourhood, moderator):
    initiative = make_initiative(municipality, resident, neighbourhood)
    photo = initiatives.initiative_photo_add(
        initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld"
    )
    initiatives.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="Ok.")
    assert get(client, f"/bijlagen/{photo.pk}").status_code == 200
    initiatives.moderation_hide(moderator=moderator, initiative=initiative, reason="Spelregels.")
    assert get(client, f"/bijlagen/{photo.pk}").status_code == 404


def test_another_municipality_never_serves_the_photo(
    client, municipality, resident, neighbourhood, moderator, other_municipality
):
    initiative = make_initiative(municipality, resident, neighbourhood)
    photo = initiatives.initiative_photo_add(
        initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld"
    )
    initiatives.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="Ok.")
    assert client.get(f"/bijlagen/{photo.pk}", HTTP_HOST="andersum.localhost").status_code == 404


def test_at_most_the_configured_number_of_attachments(settings, municipality, resident, neighbourhood):
    from django.core.exceptions import ValidationError

    settings.ZWERM_ATTACHMENTS_PER_ITEM = 1
    initiative = make_initiative(municipality, resident, neighbourhood)
    initiatives.initiative_photo_add(initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="A")
    with pytest.raises(ValidationError, match="hoogstens 1"):
        initiatives.initiative_photo_add(
            initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="B"
        )


def test_the_description_is_masked_for_contact_details(municipality, resident, neighbourhood):
    initiative = make_initiative(municipality, resident, neighbourhood)
    photo = initiatives.initiative_photo_add(
        initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Grasveld, bel 06-12345678"
    )
    assert "12345678" not in photo.alt_text
