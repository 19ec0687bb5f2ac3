"""Behaviour of the initiative services, built through the services themselves."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from zwerm.accounts.roles import Role
from zwerm.core.models import AppendOnlyError
from zwerm.initiatives import services
from zwerm.initiatives.models import Initiative, StatusChange, Support

from .builders import make_initiative, make_resident


def test_a_new_initiative_waits_as_submitted_with_its_history(municipality, resident, neighbourhood):
    initiative = make_initiative(municipality, resident, neighbourhood)
    assert initiative.status == "submitted"
    assert not initiative.is_public
    assert [c.to_status for c in initiative.status_changes.all()] == ["submitted"]


def test_personal_data_is_masked_in_public_text_but_kept_for_the_author(municipality, resident, neighbourhood):
    initiative = services.initiative_create(
        author=resident,
        municipality=municipality,
        kind="initiative",
        title="Samen koken",
        body="Bel me op 06-12345678 of mail kok@example.org",
        neighbourhood=neighbourhood,
        location_description="1234 AB 5",
    )
    assert "06-12345678" not in initiative.public_body
    assert "kok@example.org" not in initiative.public_body
    assert "[telefoonnummer]" in initiative.public_body
    assert "1234 AB" not in initiative.public_location
    assert set(initiative.masked_kinds) == {"phone", "email", "postcode_house_number"}
    assert "06-12345678" in initiative.body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Vul de titel in"),
        ("title", "x" * 121, "te lang"),
        ("body", "<script>alert('x')</script>", "HTML of code"),
        ("kind", "petition", "initiatief, idee of zorg"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(municipality, resident, neighbourhood, field, value, message):
    data = {"kind": "idea", "title": "Titel", "body": "Tekst", "neighbourhood": neighbourhood}
    data[field] = value
    with pytest.raises(ValidationError, match=message):
        services.initiative_create(author=resident, municipality=municipality, **data)
    assert Initiative.objects.count() == 0
    assert StatusChange.objects.count() == 0


def test_a_buurt_of_another_municipality_is_refused(municipality, resident, other_municipality):
    from zwerm.places.selectors import neighbourhood_list

    foreign = neighbourhood_list(municipality=other_municipality).first()
    with pytest.raises(ValidationError, match="Kies een buurt in Testdam"):
        services.initiative_create(
            author=resident, municipality=municipality, kind="idea", title="T", body="B", neighbourhood=foreign
        )


def test_the_author_edits_until_published_and_not_after(municipality, resident, neighbourhood, moderator):
    initiative = make_initiative(municipality, resident, neighbourhood)
    services.initiative_update(
        initiative=initiative,
        editor=resident,
        kind="concern",
        title="Nieuw",
        body="Nieuwe tekst",
        neighbourhood=neighbourhood,
    )
    initiative.refresh_from_db()
    assert (initiative.title, initiative.kind) == ("Nieuw", "concern")
    services.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="OK")
    with pytest.raises(ValidationError, match="al gepubliceerd"):
        services.initiative_update(
            initiative=initiative,
            editor=resident,
            kind="idea",
            title="Later",
            body="Later",
            neighbourhood=neighbourhood,
        )
    initiative.refresh_from_db()
    assert initiative.title == "Nieuw"


def test_only_the_author_edits(municipality, resident, other_resident, neighbourhood):
    initiative = make_initiative(municipality, resident, neighbourhood)
    with pytest.raises(PermissionDenied):
        services.initiative_update(
            initiative=initiative, editor=other_resident, kind="idea", title="X", body="Y", neighbourhood=neighbourhood
        )


def test_status_change_needs_a_staff_role(published, other_resident):
    with pytest.raises(PermissionDenied):
        services.initiative_status_change(
            initiative=published, actor=other_resident, to_status="realised", reason="Zomaar"
        )
    published.refresh_from_db()
    assert published.status == "published"


def test_a_status_change_is_kept_in_history_and_mailed_to_author_and_followers(
    published, resident, other_resident, make_staff, django_capture_on_commit_callbacks
):
    services.initiative_follow(initiative=published, user=other_resident)
    lead = make_staff(Role.PROCESS_LEAD)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_status_change(
            initiative=published, actor=lead, to_status="in_progress", reason="We gaan het doen"
        )
    history = [(c.from_status, c.to_status, c.reason) for c in published.status_changes.all()]
    assert history[-1] == ("published", "in_progress", "We gaan het doen")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([resident.email, other_resident.email])
    assert "We gaan het doen" in mail.outbox[0].body


def test_impossible_steps_are_refused(published, moderator):
    services.initiative_status_change(initiative=published, actor=moderator, to_status="realised", reason="Klaar")
    with pytest.raises(ValidationError, match="geen mogelijke stap"):
        services.initiative_status_change(initiative=published, actor=moderator, to_status="published", reason="Terug")


def test_status_history_is_append_only(published):
    change = published.status_changes.first()
    change.reason = "Herschreven"
    with pytest.raises(AppendOnlyError):
        change.save()
    with pytest.raises(AppendOnlyError):
        change.delete()


def test_the_author_may_withdraw(published, resident):
    services.initiative_status_change(
        initiative=published, actor=resident, to_status="withdrawn", reason="Niet meer nodig"
    )
    published.refresh_from_db()
    assert published.status == "withdrawn"


def test_a_resident_supports_once_and_never_their_own(published, resident, other_resident):
    services.initiative_support(initiative=published, resident=other_resident)
    with pytest.raises(ValidationError, match="steunt dit initiatief al"):
        services.initiative_support(initiative=published, resident=other_resident)
    with pytest.raises(ValidationError, match="eigen initiatief"):
        services.initiative_support(initiative=published, resident=resident)
    published.refresh_from_db()
    assert published.support_count == 1
    assert Support.objects.filter(initiative=published).count() == 1


def test_withdrawing_support_lowers_the_count(published, other_resident):
    services.initiative_support(initiative=published, resident=other_resident)
    services.initiative_unsupport(initiative=published, resident=other_resident)
    published.refresh_from_db()
    assert published.support_count == 0


def test_a_submitted_initiative_cannot_be_supported(municipality, resident, other_resident, neighbourhood):
    initiative = make_initiative(municipality, resident, neighbourhood)
    with pytest.raises(ValidationError, match="niet \\(meer\\) open"):
        services.initiative_support(initiative=initiative, resident=other_resident)


def test_a_resident_of_another_municipality_cannot_take_part(published, other_municipality):
    outsider = make_resident(other_municipality)
    for action in (
        lambda: services.initiative_support(initiative=published, resident=outsider),
        lambda: services.initiative_join(initiative=published, resident=outsider),
        lambda: services.comment_create(initiative=published, author=outsider, body="Hoi"),
    ):
        with pytest.raises(PermissionDenied):
            action()
    assert published.supports.count() == 0 and published.comments.count() == 0


def test_joining_also_follows(published, other_resident):
    services.initiative_join(initiative=published, resident=other_resident)
    assert published.followers.filter(user=other_resident).exists()
    with pytest.raises(ValidationError, match="doet al mee"):
        services.initiative_join(initiative=published, resident=other_resident)


def test_replies_stay_one_level_deep(published, resident, other_resident):
    top = services.comment_create(initiative=published, author=other_resident, body="Goed plan")
    reply = services.comment_create(initiative=published, author=resident, body="Dank je", parent=top)
    deeper = services.comment_create(initiative=published, author=other_resident, body="Graag", parent=reply)
    assert reply.parent_id == top.pk
    assert deeper.parent_id == top.pk
    published.refresh_from_db()
    assert published.comment_count == 3


def test_a_comment_tells_the_initiative_author_only_when_nobody_follows(
    published, resident, other_resident, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(initiative=published, author=other_resident, body="Ik help mee")
    assert [m.to for m in mail.outbox] == [[resident.email]]


def test_comments_mask_personal_data(published, other_resident):
    comment = services.comment_create(initiative=published, author=other_resident, body="Bel 06-12345678")
    assert "06-12345678" not in comment.public_body
    assert comment.masked_kinds == ["phone"]


def test_an_unpublished_initiative_cannot_skip_publication(municipality, resident, neighbourhood, moderator):
    initiative = make_initiative(municipality, resident, neighbourhood)
    services.initiative_status_change(
        initiative=initiative, actor=moderator, to_status="not_realised", reason="Past niet"
    )
    with pytest.raises(ValidationError, match="Publiceer dit initiatief eerst"):
        services.initiative_status_change(
            initiative=initiative, actor=moderator, to_status="in_progress", reason="Toch wel"
        )


def test_followers_hear_of_new_comments(
    published, resident, other_resident, municipality, neighbourhood, django_capture_on_commit_callbacks
):
    follower = make_resident(municipality, neighbourhood)
    services.initiative_follow(initiative=published, user=follower)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(initiative=published, author=other_resident, body="Goed idee")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([resident.email, follower.email])
