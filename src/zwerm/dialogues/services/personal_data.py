"""Erasing and retaining the personal data in dialogues (called through `dialogues.personal_data`).

A participant's statements follow the process's setting (anonymise or remove); their votes follow the
dialogue's own setting `keep_votes_on_erase`: they stay as the votes of an anonymous participant (the
opinion groups do not shift), or they are removed and the dialogue is analysed again. Where a dialogue
promises anonymous votes, the participant is found by its pseudonym, which erasure then clears: from then
on nothing, not even the server's key, leads from the account to those votes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from zwerm.core.personal_data import Erasure, ErasureMode, Retention
from zwerm.sensing.services.personal_data import text_forget

from ..anonymity import day, participant_pseudonym, statement_author_key
from ..models import STATEMENT_MAX, Dialogue, Participant, Statement, Vote
from .analysis import analysis_request
from .checks import require_dialogue_staff


def dialogue_set_keep_votes(
    *, dialogue: Dialogue, actor, keep_votes_on_erase: bool, anonymous_votes: bool | None = None
) -> Dialogue:
    """Staff choose whether votes stay (anonymous) when a participant deletes their account, and may
    promise anonymous votes (`dialogue_make_votes_anonymous`); a promise once made is not withdrawn."""
    require_dialogue_staff(user=actor, municipality=dialogue.municipality)
    if anonymous_votes is False and dialogue.anonymous_votes:
        raise ValidationError(
            {"anonymous_votes": [_("Deze dialoog belooft anonieme stemmen; die belofte kan niet worden ingetrokken.")]}
        )
    with transaction.atomic():
        Dialogue.objects.filter(pk=dialogue.pk).update(keep_votes_on_erase=bool(keep_votes_on_erase))
        dialogue.keep_votes_on_erase = bool(keep_votes_on_erase)
        if anonymous_votes and not dialogue.anonymous_votes:
            dialogue_make_votes_anonymous(dialogue=dialogue, actor=actor)
    return dialogue


def dialogue_make_votes_anonymous(*, dialogue: Dialogue, actor) -> Dialogue:
    """Keep the votes of an existing dialogue anonymously from now on: every participant's account or cookie
    becomes its pseudonym, statements lose their author participant (an author key instead), and the times
    of participants, votes and statements are cut to the day. Participants keep their ids (the votes and the
    stored analyses refer to them), so their order still shows who joined earlier: a dialogue that promises
    anonymity from the start gives random ids as well (docs/adr/0029)."""
    require_dialogue_staff(user=actor, municipality=dialogue.municipality)
    with transaction.atomic():
        Dialogue.objects.filter(pk=dialogue.pk).update(anonymous_votes=True)
        dialogue.anonymous_votes = True
        for participant in Participant.objects.select_for_update().filter(dialogue=dialogue):
            pseudonym = None
            if participant.user_id is not None or participant.anonymous_key is not None:
                pseudonym = participant_pseudonym(
                    dialogue_id=dialogue.pk, user_id=participant.user_id, anonymous_key=participant.anonymous_key
                )
                Statement.objects.filter(author=participant).update(
                    author=None, author_key=statement_author_key(dialogue_id=dialogue.pk, pseudonym=pseudonym)
                )
            Statement.objects.filter(author=participant).update(author=None)
            Participant.objects.filter(pk=participant.pk).update(
                user=None, anonymous_key=None, pseudonym=pseudonym, created_at=day(participant.created_at)
            )
        votes = list(Vote.objects.filter(statement__dialogue=dialogue).only("pk", "updated_at"))
        for vote in votes:
            vote.updated_at = day(vote.updated_at)
        Vote.objects.bulk_update(votes, ["updated_at"], batch_size=1000)
        statements = list(Statement.objects.filter(dialogue=dialogue).only("pk", "created_at"))
        for statement in statements:
            statement.created_at = day(statement.created_at)
        Statement.objects.bulk_update(statements, ["created_at"], batch_size=1000)
    return dialogue


def participants_of(*, user) -> QuerySet[Participant]:
    """Every participant row of this account: by the account, and by its pseudonym in each dialogue that
    promises anonymous votes (one hash per such dialogue; the database holds no other way from the one to
    the other)."""
    pseudonyms = [
        participant_pseudonym(dialogue_id=pk, user_id=user.pk)
        for pk in Dialogue.objects.filter(anonymous_votes=True).values_list("pk", flat=True)
    ]
    return Participant.objects.filter(Q(user=user) | Q(pseudonym__in=pseudonyms))


def statements_of(*, participant: Participant) -> QuerySet[Statement]:
    """The statements this participant wrote (by author key where votes are anonymous)."""
    if participant.pseudonym:
        key = statement_author_key(dialogue_id=participant.dialogue_id, pseudonym=participant.pseudonym)
        return Statement.objects.filter(dialogue_id=participant.dialogue_id, author_key=key)
    return Statement.objects.filter(author=participant)


def dialogues_personal_data_erase(*, erasure: Erasure) -> dict[str, int]:
    counts = dict.fromkeys(
        ("stellingen_geanonimiseerd", "stellingen_verwijderd", "stemmen_anoniem", "stemmen_verwijderd"), 0
    )
    with transaction.atomic():
        for participant in participants_of(user=erasure.user).select_for_update().select_related("dialogue"):
            dialogue = participant.dialogue
            statements = statements_of(participant=participant)
            changed = False
            if erasure.mode_for(dialogue.municipality_id, "dialogue", dialogue.pk) == ErasureMode.REMOVE:
                ids = list(statements.values_list("pk", flat=True))
                text_forget(municipality_id=dialogue.municipality_id, channel="statement", source_ids=ids)
                statements.delete()  # with the votes of others on them
                counts["stellingen_verwijderd"] += len(ids)
                changed = changed or bool(ids)
            else:
                for statement in statements.only("pk", "public_text"):  # the original as written goes
                    Statement.objects.filter(pk=statement.pk).update(
                        text=statement.public_text[:STATEMENT_MAX], author_key=""
                    )
                    counts["stellingen_geanonimiseerd"] += 1
            votes = Vote.objects.filter(participant=participant).count()
            if dialogue.keep_votes_on_erase:
                Participant.objects.filter(pk=participant.pk).update(user=None, anonymous_key=None, pseudonym=None)
                counts["stemmen_anoniem"] += votes
            else:
                participant.delete()  # its votes go with it; its statements (if kept) lose their author
                counts["stemmen_verwijderd"] += votes
                changed = changed or bool(votes)
            if changed:
                analysis_request(dialogue_id=dialogue.pk)
    return counts


def dialogues_personal_data_retain(*, retention: Retention) -> dict[str, int]:
    """Participants of dialogues in the closed process become anonymous; their votes keep counting."""
    ids = retention.object_ids("dialogue")
    with transaction.atomic():
        participants = Participant.objects.filter(
            dialogue__municipality_id=retention.municipality_id, dialogue_id__in=ids
        ).exclude(user__isnull=True, anonymous_key__isnull=True, pseudonym__isnull=True)
        Statement.objects.filter(
            dialogue__municipality_id=retention.municipality_id, dialogue_id__in=ids, author_key__gt=""
        ).update(author_key="")
        return {"deelnemers": participants.update(user=None, anonymous_key=None, pseudonym=None)}
