"""Erasure: a resident's photos go with their account (rows and files), whatever happens to their texts;
the download of their data lists them."""

import pytest
from django.core.files.storage import storages

from zwerm.attachments.models import Attachment
from zwerm.core.personal_data import registry
from zwerm.initiatives import services as initiatives
from zwerm.privacy.services import privacy_settings_set

from ..foundation.builders import make_initiative
from .pictures import phone_photo, upload


@pytest.mark.parametrize("mode", ["anonymise", "remove"])
def test_erasing_an_account_removes_the_persons_photos_and_files(
    client, municipality, resident, neighbourhood, make_staff, django_capture_on_commit_callbacks, mode
):
    from zwerm.accounts.roles import Role

    admin = make_staff(Role.ADMIN)
    privacy_settings_set(municipality=municipality, actor=admin, contributions_on_erase=mode)
    initiative = make_initiative(municipality, resident, neighbourhood)
    photo = initiatives.initiative_photo_add(
        initiative=initiative, editor=resident, photo=upload(phone_photo()), alt_text="Mijn voortuin"
    )
    names = [photo.file_name, photo.card_name]
    storage = storages["attachments"]
    assert all(storage.exists(name) for name in names)
    export = next(p for p in registry.providers() if p.key == "attachments").export(resident)
    assert [row["beschrijving"] for row in export["bijlagen"]] == ["Mijn voortuin"]
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/privacy/account-verwijderen", {"confirm": "on"}, HTTP_HOST="testdam.localhost")
    assert response.status_code == 302
    assert not Attachment.objects.filter(pk=photo.pk).exists()
    assert not any(storage.exists(name) for name in names)
