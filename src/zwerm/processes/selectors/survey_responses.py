"""Survey responses as other apps read them (sensing counts and reads open answers; never the public copy)."""

from __future__ import annotations

from django.db.models import QuerySet

from zwerm.core.models import Municipality

from ..models import SurveyResponse


def survey_response_get(*, municipality: Municipality, pk: int) -> SurveyResponse | None:
    """One response of this municipality, with its survey and respondent, or None."""
    return (
        SurveyResponse.objects.filter(pk=pk, survey__municipality=municipality)
        .select_related("survey", "respondent")
        .first()
    )


def survey_respondent_ids(*, municipality: Municipality, response_ids) -> dict[int, int | None]:
    """Response id -> its respondent's user id (None once the answer was anonymised)."""
    rows = SurveyResponse.objects.filter(survey__municipality=municipality, pk__in=list(response_ids))
    return dict(rows.values_list("pk", "respondent_id"))


def survey_responses_of(*, user) -> QuerySet[SurveyResponse]:
    """Every response `user` gave, oldest first."""
    return SurveyResponse.objects.filter(respondent=user).order_by("pk")


def survey_responses_existing(*, response_ids) -> set[int]:
    """The ids among `response_ids` whose response still exists."""
    return set(SurveyResponse.objects.filter(pk__in=list(response_ids)).values_list("pk", flat=True))
