"""Open survey answers as a text source for sensing (registered with `zwerm.core.text_sources`).

One text per non-empty open answer, known by the source id "<response>-<question>" (0-based question
number). This app does not call sensing on erasure, so the source tells which texts an erasure removes
(`erased`, the hosting process's setting) and which answers are gone (`existing`), so the result is the
same whichever app erases first."""

from __future__ import annotations

from collections.abc import Sequence

from django.urls import reverse

from zwerm.accounts.selectors import membership_get
from zwerm.core.models import Municipality
from zwerm.core.personal_data import Erasure, ErasureMode
from zwerm.core.text_sources import SourceText, TextSource

from .selectors import (
    placement_for,
    survey_respondent_ids,
    survey_response_get,
    survey_responses_existing,
    survey_responses_of,
)

CHANNEL = "survey"


def survey_answer_source_id(response_id: int, index: int) -> str:
    """The source id of answer `index` (0-based question number) of one response."""
    return f"{int(response_id)}-{int(index)}"


def survey_answer_parse(source_id) -> tuple[int, int] | None:
    """(response id, question index) from a source id, or None when it is not one."""
    response, _sep, index = str(source_id).partition("-")
    if not (response.isdecimal() and index.isdecimal()):
        return None
    return int(response), int(index)


def survey_answer_read(municipality: Municipality, source_id: str) -> SourceText | None:
    """One answer, with the buurt the resident gave for this municipality (their membership), when known."""
    parsed = survey_answer_parse(source_id)
    if parsed is None:
        return None
    response_id, index = parsed
    response = survey_response_get(municipality=municipality, pk=response_id)
    if response is None or index >= len(response.answers or []):
        return None
    hood = None
    if response.respondent is not None:
        membership = membership_get(user=response.respondent, municipality=municipality)
        hood = membership.neighbourhood if membership is not None else None
    placement = placement_for(kind="survey", object_id=response.survey_id)
    url = reverse("processes:survey", args=[placement.process.slug, response.survey_id]) if placement else ""
    district = hood.district if hood is not None else None
    return SourceText(str(response.answers[index] or ""), response.created_at, hood, district, url)


def survey_answer_authors(municipality: Municipality, source_ids: Sequence[str]) -> dict[str, str]:
    by_response: dict[int, list[str]] = {}
    for source_id in source_ids:
        parsed = survey_answer_parse(source_id)
        if parsed is not None:
            by_response.setdefault(parsed[0], []).append(str(source_id))
    found = survey_respondent_ids(municipality=municipality, response_ids=list(by_response))
    return {
        source_id: f"user:{user_id}"
        for response_id, user_id in found.items()
        if user_id is not None
        for source_id in by_response.get(response_id, ())
    }


def survey_answers_erased(erasure: Erasure) -> dict[int, list[str]]:
    """The answers of this person that the erasure removes (per the hosting process's setting)."""
    rows = survey_responses_of(user=erasure.user).values_list("pk", "survey_id", "survey__municipality_id", "answers")
    removed: dict[int, list[str]] = {}
    for pk, survey_id, municipality_id, answers in rows:
        if erasure.mode_for(municipality_id, "survey", survey_id) == ErasureMode.REMOVE:
            ids = [survey_answer_source_id(pk, i) for i in range(len(answers or []))]
            removed.setdefault(municipality_id, []).extend(ids)
    return removed


def survey_answers_existing(source_ids: Sequence[str]) -> set[str]:
    parsed = {str(s): survey_answer_parse(s) for s in source_ids}
    existing = survey_responses_existing(response_ids={p[0] for p in parsed.values() if p is not None})
    return {s for s, p in parsed.items() if p is not None and p[0] in existing}


TEXT_SOURCE = TextSource(
    channel=CHANNEL,
    read=survey_answer_read,
    authors=survey_answer_authors,
    erased=survey_answers_erased,
    existing=survey_answers_existing,
)
