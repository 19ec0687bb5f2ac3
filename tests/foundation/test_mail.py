"""E-mail to people: addresses under .invalid (DigiD accounts without e-mail, erased accounts) get nothing."""

from django.core import mail

from tests.foundation.builders import make_initiative, make_resident
from zwerm.core.mail import deliverable
from zwerm.initiatives import services


def test_reserved_invalid_addresses_are_not_deliverable():
    assert deliverable("anouk@zwermstad.example")
    assert not deliverable("inwoner-1234@digid.invalid")
    assert not deliverable("x@verwijderd.INVALID.")
    assert not deliverable("")


def test_followers_with_an_invalid_address_get_no_mail(
    municipality, neighbourhood, resident, moderator, django_capture_on_commit_callbacks
):
    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    follower = make_resident(municipality, neighbourhood)
    follower.email = "inwoner-77@digid.invalid"
    follower.save()
    services.initiative_follow(initiative=initiative, user=follower)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_status_change(
            initiative=initiative, actor=moderator, to_status="in_progress", reason="We gaan aan de slag"
        )
    recipients = [r for m in mail.outbox for r in m.to]
    assert resident.email in recipients
    assert "inwoner-77@digid.invalid" not in recipients
