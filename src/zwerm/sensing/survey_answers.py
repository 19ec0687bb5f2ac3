"""Survey answers as sensing reads them: one text per non-empty open answer, known by "<response>-<question>"."""

from __future__ import annotations

from django.urls import reverse

from zwerm.accounts.selectors import membership_get
from zwerm.core.models import Municipality
from zwerm.processes import selectors as processes


def survey_answer_source_id(response_id: int, index: int) -> str:
    """The source id of answer `index` (0-based question number) of one response."""
    return f"{int(response_id)}-{int(index)}"


def survey_answer_parse(source_id) -> tuple[int, int] | None:
    """(response id, question index) from a source id, or None when it is not one."""
    response, _sep, index = str(source_id).partition("-")
    if not (response.isdecimal() and index.isdecimal()):
        return None
    return int(response), int(index)


def survey_answer_read(*, municipality: Municipality, source_id):
    """(raw answer, answered at, buurt, survey url) of one answer, or None when the answer is gone.

    The buurt is the one the resident gave for this municipality (their membership), when known."""
    parsed = survey_answer_parse(source_id)
    if parsed is None:
        return None
    response_id, index = parsed
    response = processes.survey_response_get(municipality=municipality, pk=response_id)
    if response is None or index >= len(response.answers or []):
        return None
    hood = None
    if response.respondent_id is not None:
        membership = membership_get(user=response.respondent, municipality=municipality)
        hood = membership.neighbourhood if membership is not None else None
    placement = processes.placement_for(kind="survey", object_id=response.survey_id)
    url = reverse("processes:survey", args=[placement.process.slug, response.survey_id]) if placement else ""
    return str(response.answers[index] or ""), response.created_at, hood, url


def survey_answers_of(*, user) -> list[tuple[int, int, int, int]]:
    """(municipality id, survey id, response id, number of answers) of every survey `user` answered."""
    rows = processes.survey_responses_of(user=user).values_list("pk", "survey_id", "survey__municipality_id", "answers")
    return [(municipality_id, survey_id, pk, len(answers or [])) for pk, survey_id, municipality_id, answers in rows]
