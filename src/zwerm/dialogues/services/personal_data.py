"""Erasing and retaining the personal data in dialogues (called through `dialogues.personal_data`).

A participant's statements follow the process's setting (anonymise or remove); their votes follow the
dialogue's own setting `keep_votes_on_erase`: they stay as the votes of an anonymous participant (the
opinion groups do not shift), or they are removed and the dialogue is analysed again."""

from django.db import transaction

from zwerm.core.personal_data import Erasure, ErasureMode, Retention
from zwerm.sensing.services.personal_data import text_forget

from ..models import STATEMENT_MAX, Dialogue, Participant, Statement, Vote
from .analysis import analysis_request
from .checks import require_dialogue_staff


def dialogue_set_keep_votes(*, dialogue: Dialogue, actor, keep_votes_on_erase: bool) -> Dialogue:
    """Staff choose whether votes stay (anonymous) when a participant deletes their account."""
    require_dialogue_staff(user=actor, municipality=dialogue.municipality)
    Dialogue.objects.filter(pk=dialogue.pk).update(keep_votes_on_erase=bool(keep_votes_on_erase))
    dialogue.keep_votes_on_erase = bool(keep_votes_on_erase)
    return dialogue


def dialogues_personal_data_erase(*, erasure: Erasure) -> dict[str, int]:
    counts = dict.fromkeys(
        ("stellingen_geanonimiseerd", "stellingen_verwijderd", "stemmen_anoniem", "stemmen_verwijderd"), 0
    )
    with transaction.atomic():
        for participant in Participant.objects.select_for_update().filter(user=erasure.user).select_related("dialogue"):
            dialogue = participant.dialogue
            statements = Statement.objects.filter(author=participant)
            changed = False
            if erasure.mode_for(dialogue.municipality_id, "dialogue", dialogue.pk) == ErasureMode.REMOVE:
                ids = list(statements.values_list("pk", flat=True))
                text_forget(municipality_id=dialogue.municipality_id, channel="statement", source_ids=ids)
                statements.delete()  # with the votes of others on them
                counts["stellingen_verwijderd"] += len(ids)
                changed = changed or bool(ids)
            else:
                for statement in statements.only("pk", "public_text"):  # the original as written goes
                    Statement.objects.filter(pk=statement.pk).update(text=statement.public_text[:STATEMENT_MAX])
                    counts["stellingen_geanonimiseerd"] += 1
            votes = Vote.objects.filter(participant=participant).count()
            if dialogue.keep_votes_on_erase:
                Participant.objects.filter(pk=participant.pk).update(user=None, anonymous_key=None)
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
        ).exclude(user__isnull=True, anonymous_key__isnull=True)
        return {"deelnemers": participants.update(user=None, anonymous_key=None)}
