"""Erasing and retaining the personal data in initiatives (called through `initiatives.personal_data`).

Initiatives and comments cannot be deleted outright: their status history and moderation record point at
them (append-only). "Remove" therefore empties the text and takes the initiative off the public pages;
"anonymise" keeps only the public (masked) text — the original as written is overwritten with it — and
shows "Verwijderde deelnemer" as its author. Nothing keeps pointing at the person's own account row:
status changes they made point at the shared placeholder (their own reasons masked), support and joining
rows go (the public counters stay), handled reports go and open ones move to the placeholder, masked."""

from django.db import transaction
from django.db.models import F

from zwerm.core.personal_data import Erasure, ErasureMode, Retention
from zwerm.core.redaction import redact
from zwerm.sensing.services.personal_data import text_forget

from ..models import (
    LOCATION_MAX,
    TITLE_MAX,
    Comment,
    Flag,
    Follow,
    Initiative,
    ModerationAction,
    Participation,
    StatusChange,
    Support,
)

REMOVED_TITLE = "Verwijderd initiatief"
REMOVED_TEXT = "De indiener heeft het account opgeheven; de tekst is verwijderd."
REMOVED_REASON = "Verwijderd op verzoek van de indiener."
REMOVED_COMMENT = "Deze reactie is verwijderd omdat de schrijver het account heeft opgeheven."


def _remove_initiative(initiative: Initiative, placeholder) -> None:
    Initiative.objects.filter(pk=initiative.pk).update(
        author=placeholder,
        title=REMOVED_TITLE,
        body=REMOVED_TEXT,
        location_description="",
        public_title=REMOVED_TITLE,
        public_body=REMOVED_TEXT,
        public_location="",
        masked_kinds=[],
        hidden_reason=REMOVED_REASON,
    )
    text_forget(municipality_id=initiative.municipality_id, channel="initiative", source_ids=[initiative.pk])


def _remove_comment(comment: Comment, placeholder) -> None:
    in_record = comment.replies.exists() or ModerationAction.objects.filter(comment=comment).exists()
    if in_record:  # replies of others and the moderation record keep it: empty it instead
        Comment.objects.filter(pk=comment.pk).update(
            author=placeholder, body=REMOVED_COMMENT, public_body=REMOVED_COMMENT, masked_kinds=[]
        )
    else:
        comment.delete()
        Initiative.objects.filter(pk=comment.initiative_id, comment_count__gt=0).update(
            comment_count=F("comment_count") - 1
        )
    text_forget(municipality_id=comment.municipality_id, channel="comment", source_ids=[comment.pk])


def initiatives_personal_data_erase(*, erasure: Erasure) -> dict[str, int]:
    """The user's initiatives, comments and engagement, each by the setting of the process it belongs to."""
    user, placeholder = erasure.user, erasure.placeholder
    counts = dict.fromkeys(("geanonimiseerd", "verwijderd", "steun_ingetrokken", "volgen_gestopt"), 0)
    with transaction.atomic():
        for initiative in Initiative.objects.select_for_update().filter(author=user):
            if erasure.mode_for(initiative.municipality_id, "initiative", initiative.pk) == ErasureMode.REMOVE:
                _remove_initiative(initiative, placeholder)
                counts["verwijderd"] += 1
            else:
                Initiative.objects.filter(pk=initiative.pk).update(
                    author=placeholder,
                    title=initiative.public_title[:TITLE_MAX],
                    body=initiative.public_body,
                    location_description=initiative.public_location[:LOCATION_MAX],
                )
                counts["geanonimiseerd"] += 1
        for comment in Comment.objects.select_for_update().filter(author=user).order_by("-pk"):
            if erasure.mode_for(comment.municipality_id, "initiative", comment.initiative_id) == ErasureMode.REMOVE:
                _remove_comment(comment, placeholder)
                counts["verwijderd"] += 1
            else:
                Comment.objects.filter(pk=comment.pk).update(author=placeholder, body=comment.public_body)
                counts["geanonimiseerd"] += 1
        # Support and joining: the row (who) goes; the public counter stays, or goes down with "remove".
        for model, counter in ((Support, "support_count"), (Participation, None)):
            for row in model.objects.filter(resident=user).select_related("initiative"):
                initiative = row.initiative
                row.delete()
                if erasure.mode_for(initiative.municipality_id, "initiative", initiative.pk) == ErasureMode.REMOVE:
                    if counter:
                        Initiative.objects.filter(pk=initiative.pk, **{f"{counter}__gt": 0}).update(
                            **{counter: F(counter) - 1}
                        )
                    counts["steun_ingetrokken"] += 1
        counts["volgen_gestopt"] = Follow.objects.filter(user=user).delete()[0]
        counts.update(_history_forget(erasure))
    return counts


def _history_forget(erasure: Erasure) -> dict[str, int]:
    """Status changes and reports no longer point at the person (queryset updates: the erasure is the one
    change the append-only history allows). A report follows the setting for the initiative it is about."""
    user, placeholder = erasure.user, erasure.placeholder
    own = StatusChange.objects.filter(actor=user, initiative__author=placeholder)
    for change in own.only("pk", "reason"):  # the resident's own reasons (withdrawing): masked
        StatusChange.objects.filter(pk=change.pk).update(reason=redact(change.reason, names=True).text)
    moved = StatusChange.objects.filter(actor=user).update(actor=placeholder)
    removed = Flag.objects.filter(reporter=user, resolved_at__isnull=False).delete()[0]
    kept = 0
    for flag in Flag.objects.filter(reporter=user).select_related("initiative"):
        initiative = flag.initiative
        if erasure.mode_for(initiative.municipality_id, "initiative", initiative.pk) == ErasureMode.REMOVE:
            flag.delete()
            removed += 1
        else:
            Flag.objects.filter(pk=flag.pk).update(reporter=placeholder, reason=redact(flag.reason, names=True).text)
            kept += 1
    return {"statuswijzigingen_losgekoppeld": moved, "meldingen_verwijderd": removed, "meldingen_losgekoppeld": kept}


def initiatives_personal_data_retain(*, retention: Retention) -> dict[str, int]:
    """Contributions to a closed process past its retention period lose the people behind them."""
    ids = retention.object_ids("initiative")
    placeholder = retention.placeholder
    with transaction.atomic():
        initiatives = Initiative.objects.filter(municipality_id=retention.municipality_id, pk__in=ids)
        counts = {
            "initiatieven": initiatives.exclude(author=placeholder).update(author=placeholder),
            "reacties": Comment.objects.filter(initiative__in=initiatives)
            .exclude(author=placeholder)
            .update(author=placeholder),
            # The counters on the initiative stay as the public figure; who was behind them goes.
            "steun": Support.objects.filter(initiative__in=initiatives).delete()[0],
            "meedoen": Participation.objects.filter(initiative__in=initiatives).delete()[0],
            "volgen": Follow.objects.filter(initiative__in=initiatives).delete()[0],
            "meldingen": Flag.objects.filter(initiative__in=initiatives, resolved_at__isnull=False).delete()[0],
        }
    return counts
