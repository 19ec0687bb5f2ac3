"""Pol.is open data in and out: import an export as a dialogue, export any dialogue in the same format."""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ..models import Dialogue, Participant, Statement, Vote
from ..polis_io import PolisComment, PolisVote, read_export, write_export
from ..selectors import dialogue_latest_snapshot
from .analysis import dialogue_analyse
from .checks import require_dialogue_staff
from .dialogue import _statement


def dialogue_import_polis(*, folder: Path, municipality, author, title: str = "", question: str = "") -> Dialogue:
    """Bring a Pol.is export in as a (closed) dialogue; raises PolisFormatError naming file and line."""
    require_dialogue_staff(user=author, municipality=municipality)
    export = read_export(folder)
    summary = export.summary
    with transaction.atomic():
        dialogue = Dialogue.objects.create(
            municipality=municipality,
            created_by=author,
            imported_from=str(Path(folder).name)[:200],
            title=(title or summary.get("topic") or Path(folder).name)[:200],
            question=(question or summary.get("conversation-description") or summary.get("topic") or "")[:500]
            or Path(folder).name,
            moderation=Dialogue.Moderation.BEFORE,
            closes_at=timezone.now(),
        )
        statements = {}
        for comment in export.comments:
            status = Statement.Status.REJECTED if comment.moderated == -1 else Statement.Status.APPROVED
            statements[comment.id] = _statement(
                dialogue=dialogue,
                author=None,
                text=comment.body[:280],
                status=status,
                is_seed=comment.is_seed,
                is_meta=comment.is_meta,
                external_id=comment.id,
            )
        participants = {pid: Participant(dialogue=dialogue, external_id=pid) for pid in export.participant_ids}
        Participant.objects.bulk_create(participants.values(), batch_size=2000)
        Vote.objects.bulk_create(
            (
                Vote(participant=participants[v.participant_id], statement=statements[v.comment_id], value=v.vote)
                for v in export.votes
            ),
            batch_size=5000,
        )
    dialogue_analyse(dialogue=dialogue)
    return dialogue


def dialogue_export_polis(*, dialogue: Dialogue, folder: Path) -> Path:
    """Write comments.csv, votes.csv, participants-votes.csv (with group-id) and summary.csv.

    Participants are numbered afresh (no user ids leave the platform); pending and hidden statements
    are marked moderated -1 and their text is not exported. Times are cut to the day (UTC midnight): a
    vote's exact moment could be linked to log-in records; the order of the votes is kept."""
    numbers: dict[int, int] = {}
    statements = list(dialogue.statements.order_by("pk"))
    comment_ids = {s.pk: i for i, s in enumerate(statements)}
    comments = [
        PolisComment(
            id=comment_ids[s.pk],
            body=s.shown_text if s.status == Statement.Status.APPROVED else "",
            author_id=numbers.setdefault(s.author_id, len(numbers)) if s.author_id else None,
            timestamp=_day(s.created_at),
            moderated=1 if s.status == Statement.Status.APPROVED else -1,
            is_meta=s.is_meta,
            is_seed=s.is_seed,
        )
        for s in statements
    ]
    votes = [
        PolisVote(
            participant_id=numbers.setdefault(participant_id, len(numbers)),
            comment_id=comment_ids[sid],
            vote=value,
            timestamp=_day(at),
        )
        for participant_id, sid, value, at in Vote.objects.filter(statement__dialogue=dialogue)
        .order_by("updated_at", "pk")
        .values_list("participant_id", "statement_id", "value", "updated_at")
    ]
    snapshot = dialogue_latest_snapshot(dialogue=dialogue)
    groups = snapshot.result.get("participants", {}) if snapshot else {}
    group_ids = {numbers[int(pk)]: g for pk, g in groups.items() if int(pk) in numbers}
    summary = {"topic": dialogue.title, "url": "", "conversation-description": dialogue.question}
    return write_export(folder, comments=comments, votes=votes, group_ids=group_ids, summary=summary)


def _day(moment: datetime.datetime) -> int:
    """Milliseconds since 1970 of the start of the moment's day in UTC (the Pol.is time unit)."""
    day = moment.astimezone(datetime.UTC).date()
    return int(datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC).timestamp() * 1000)
