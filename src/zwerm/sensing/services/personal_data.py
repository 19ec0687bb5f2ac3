"""Forgetting texts whose source was removed at its author's request (AVG erasure).

Texts in sensing are redacted and carry no author, so an anonymised contribution can stay; a removed
one must not live on here."""

from django.db import transaction

from zwerm.core.personal_data import Erasure, ErasureMode
from zwerm.processes.selectors import survey_responses_existing

from ..models import Channel, Text
from ..survey_answers import (
    survey_answer_parse,
    survey_answer_source_id,
    survey_answers_of,
)


def text_forget(*, municipality_id: int, channel: str, source_ids) -> int:
    """Delete the sensing texts read from these sources; returns how many were deleted."""
    ids = [str(source_id) for source_id in source_ids]
    if not ids:
        return 0
    with transaction.atomic():
        deleted, _rows = Text.objects.filter(
            municipality_id=municipality_id, channel=channel, source_id__in=ids
        ).delete()
    return deleted


def survey_texts_forget(*, erasure: Erasure) -> int:
    """Forget the texts of the survey answers that this erasure removes (the hosting process's setting),
    and every survey text whose answer no longer exists, so the result is the same whichever app erases
    first. Anonymised answers stay: the text has no author, and the answer no longer has one either."""
    deleted = 0
    for municipality_id, survey_id, response_id, answers in survey_answers_of(user=erasure.user):
        if erasure.mode_for(municipality_id, "survey", survey_id) == ErasureMode.REMOVE:
            deleted += text_forget(
                municipality_id=municipality_id,
                channel=Channel.SURVEY,
                source_ids=[survey_answer_source_id(response_id, i) for i in range(answers)],
            )
    return deleted + survey_texts_orphaned_forget()


def survey_texts_orphaned_forget() -> int:
    """Delete survey texts whose answer was removed (its response, or its whole survey, is gone)."""
    texts: dict[int, list[int]] = {}
    for pk, source_id in Text.objects.filter(channel=Channel.SURVEY).values_list("pk", "source_id"):
        parsed = survey_answer_parse(source_id)
        texts.setdefault(parsed[0] if parsed else -1, []).append(pk)
    existing = survey_responses_existing(response_ids=[r for r in texts if r >= 0])
    gone = [pk for response_id, pks in texts.items() if response_id not in existing for pk in pks]
    if not gone:
        return 0
    with transaction.atomic():
        return Text.objects.filter(pk__in=gone).delete()[0]
