"""Taking part and voting: one vote per statement, the latest counts; recomputed in the background."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.monitoring.metrics import vote_counted

from ..anonymity import day, participant_pseudonym, random_id
from ..models import Dialogue, Participant, Statement, Vote
from .analysis import analysis_request


def participant_for(*, dialogue: Dialogue, user=None, anonymous_key=None, district=None) -> Participant:
    """The participant for a logged-in resident, or for an anonymous cookie where the dialogue allows it.

    Someone who already takes part is found with one query (this sits on the vote path); the role check
    runs when they first join. Where the dialogue promises anonymous votes, the participant is kept under
    a pseudonym of the account or cookie (`zwerm.dialogues.anonymity`), with a random id and the day only.
    A participant by cookie carries `cookie_key`: the value the browser must keep."""
    by_user = user is not None and user.is_authenticated
    if by_user:
        lookup = {"user": user}
    elif anonymous_key is not None and dialogue.allow_anonymous:
        lookup = {"anonymous_key": anonymous_key}
    else:
        raise PermissionDenied(_("Log in om mee te doen aan deze dialoog."))
    extra = {}
    if dialogue.anonymous_votes:
        lookup = {
            "pseudonym": participant_pseudonym(
                dialogue_id=dialogue.pk, user_id=user.pk if by_user else None, anonymous_key=anonymous_key
            )
        }
        extra = {"id": random_id(), "created_at": day()}
    if district is not None and district.municipality_id != dialogue.municipality_id:
        raise ValidationError(_("Kies een wijk in %(name)s.") % {"name": dialogue.municipality.name})
    participant = Participant.objects.filter(dialogue=dialogue, **lookup).first()
    if participant is None:
        if by_user and not user_has_role(user=user, municipality=dialogue.municipality, roles=Role.RESIDENT):
            raise PermissionDenied(
                _("Meld je aan als inwoner van %(name)s om mee te doen.") % {"name": dialogue.municipality.name}
            )
        try:
            with transaction.atomic():
                participant = Participant.objects.create(dialogue=dialogue, district=district, **lookup, **extra)
        except IntegrityError:  # two first votes at once
            participant = Participant.objects.get(dialogue=dialogue, **lookup)
    elif district is not None and participant.district_id != district.pk:
        participant.district = district
        participant.save(update_fields=["district"])
    participant.dialogue = dialogue  # the caller's copy: no second query for it
    participant.cookie_key = None if by_user else anonymous_key  # type: ignore[attr-defined]
    return participant


def vote_cast(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """Agree (1), disagree (-1) or pass (0). Refused on hidden statements and closed dialogues."""
    dialogue = participant.dialogue
    if statement.dialogue_id != dialogue.pk:
        raise ValidationError(_("Deze stelling hoort niet bij deze dialoog."))
    if value not in (-1, 0, 1):
        raise ValidationError(_("Kies eens, oneens of sla over."))
    if not dialogue.is_open():
        raise ValidationError(_("Deze dialoog is gesloten; stemmen kan niet meer."))
    if statement.status != Statement.Status.APPROVED or statement.is_meta or statement.masking_pending:
        raise ValidationError(_("Over deze stelling kun je niet (meer) stemmen."))
    # A random id: the order of ids would be the order of voting. Where votes are anonymous, the day only.
    moment = day() if dialogue.anonymous_votes else timezone.now()
    with transaction.atomic():
        # One upsert (INSERT … ON CONFLICT DO UPDATE): the latest vote counts, and the unique
        # constraint keeps it at one row per participant and statement, also under concurrency.
        (vote,) = Vote.objects.bulk_create(
            [Vote(id=random_id(), participant=participant, statement=statement, value=value, updated_at=moment)],
            update_conflicts=True,
            unique_fields=["participant", "statement"],
            update_fields=["value", "updated_at"],
        )
        analysis_request(dialogue_id=dialogue.pk)
    vote_counted()
    return vote
