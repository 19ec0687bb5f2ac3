"""Who may do what with initiatives and moderation: every role against every action, on the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zwerm.accounts.roles import Role
from zwerm.initiatives import services

from .builders import make_initiative, make_resident

ROLES = ["anonymous", "author", "resident", "foreign_resident", *[r.value for r in Role if r != Role.RESIDENT]]

# action -> roles that may do it (everyone else is refused)
MATRIX = {
    "support": {"resident", "moderator", "process_lead", "specialist", "council_member", "admin"},
    "comment": {"author", "resident", "moderator", "process_lead", "specialist", "council_member", "admin"},
    "flag": {"author", "resident", "moderator", "process_lead", "specialist", "council_member", "admin"},
    "status_in_progress": {"moderator", "process_lead", "admin"},
    "withdraw": {"author", "moderator", "process_lead", "admin"},
    "hide": {"moderator", "admin"},
    "edit": set(),  # published: nobody edits any more
}


@pytest.fixture
def actor_for(db, municipality, neighbourhood, resident, make_staff, other_municipality):
    from django.contrib.auth.models import AnonymousUser

    def actor(role):
        if role == "anonymous":
            return AnonymousUser()
        if role == "author":
            return resident
        if role == "resident":
            return make_resident(municipality, neighbourhood)
        if role == "foreign_resident":
            return make_resident(other_municipality)
        return make_staff(role)

    return actor


def attempt(action, initiative, user, neighbourhood):
    return {
        "support": lambda: services.initiative_support(initiative=initiative, resident=user),
        "comment": lambda: services.comment_create(initiative=initiative, author=user, body="Reactie"),
        "flag": lambda: services.flag_create(reporter=user, initiative=initiative, reason="Reden"),
        "status_in_progress": lambda: services.initiative_status_change(
            initiative=initiative, actor=user, to_status="in_progress", reason="Reden"
        ),
        "withdraw": lambda: services.initiative_status_change(
            initiative=initiative, actor=user, to_status="withdrawn", reason="Reden"
        ),
        "hide": lambda: services.moderation_hide(moderator=user, initiative=initiative, reason="Reden"),
        "edit": lambda: services.initiative_update(
            initiative=initiative, editor=user, kind="idea", title="T", body="B", neighbourhood=neighbourhood
        ),
    }[action]()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_role_action_matrix(action, role, actor_for, municipality, resident, neighbourhood, moderator):
    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    user = actor_for(role)
    allowed = role in MATRIX[action]
    if allowed:
        attempt(action, initiative, user, neighbourhood)
    else:
        with pytest.raises((PermissionDenied, ValidationError, AttributeError, TypeError)):
            attempt(action, initiative, user, neighbourhood)
        initiative.refresh_from_db()
        assert initiative.status == "published" and initiative.is_public
        assert initiative.support_count == 0 and initiative.comments.count() == 0
