import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from zwerm.accounts.roles import Role
from zwerm.initiatives import selectors, services
from zwerm.initiatives.models import ModerationAction


def test_a_flag_waits_in_the_queue_until_a_moderator_hides(
    published, other_resident, moderator, municipality, resident, django_capture_on_commit_callbacks
):
    services.flag_create(reporter=other_resident, initiative=published, reason="Beledigend")
    assert selectors.moderation_queue(municipality=municipality).count() == 1
    with pytest.raises(ValidationError, match="al gemeld"):
        services.flag_create(reporter=other_resident, initiative=published, reason="Nog eens")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.moderation_hide(moderator=moderator, initiative=published, reason="Beledigend voor de buren")
    published.refresh_from_db()
    assert published.hidden_reason == "Beledigend voor de buren"
    assert not published.is_public
    assert selectors.moderation_queue(municipality=municipality).count() == 0
    assert mail.outbox[0].to == [resident.email]
    assert "Beledigend voor de buren" in mail.outbox[0].body


def test_a_hidden_initiative_is_gone_from_the_public_but_the_author_sees_why(
    published, moderator, resident, other_resident, municipality
):
    services.moderation_hide(moderator=moderator, initiative=published, reason="Spelregels")
    filters = selectors.InitiativeFilters()
    assert published not in selectors.initiative_list(municipality=municipality, filters=filters)
    assert selectors.initiative_get_for_user(municipality=municipality, pk=published.pk, user=other_resident) is None
    assert selectors.initiative_get_for_user(municipality=municipality, pk=published.pk, user=resident) == published


def test_restore_makes_it_public_again_and_both_steps_are_on_record(published, moderator):
    services.moderation_hide(moderator=moderator, initiative=published, reason="Even checken")
    services.moderation_restore(moderator=moderator, initiative=published, reason="Toch in orde")
    published.refresh_from_db()
    assert published.is_public
    actions = list(ModerationAction.objects.filter(initiative=published).values_list("action", "reason"))
    assert actions == [("hide", "Even checken"), ("restore", "Toch in orde")]


def test_a_comment_can_be_hidden_on_its_own(published, other_resident, moderator):
    comment = services.comment_create(initiative=published, author=other_resident, body="Scheldwoord")
    services.moderation_hide(moderator=moderator, initiative=published, comment=comment, reason="Taalgebruik")
    comment.refresh_from_db()
    published.refresh_from_db()
    assert comment.hidden_reason == "Taalgebruik"
    assert published.is_public


def test_dismissing_a_flag_keeps_the_item_visible(published, other_resident, moderator, municipality):
    flag = services.flag_create(reporter=other_resident, initiative=published, reason="Weet niet")
    services.flag_dismiss(moderator=moderator, flag=flag, reason="Niets mis mee")
    published.refresh_from_db()
    assert published.is_public
    assert selectors.moderation_queue(municipality=municipality).count() == 0


@pytest.mark.parametrize("role", [Role.PROCESS_LEAD, Role.SPECIALIST, Role.COUNCIL_MEMBER])
def test_only_moderators_and_admins_moderate(published, make_staff, role):
    with pytest.raises(PermissionDenied):
        services.moderation_hide(moderator=make_staff(role), initiative=published, reason="Nee")


def test_a_reason_is_required(published, moderator):
    with pytest.raises(ValidationError, match="Vul de reden in"):
        services.moderation_hide(moderator=moderator, initiative=published, reason="  ")
    published.refresh_from_db()
    assert published.is_public
