"""Reads for the residents' evaluation survey: results only from 5 respondents (zwerm.core.disclosure)."""

from django.utils import timezone

from zwerm.core import disclosure

from ..models import ResidentSurvey, ResidentSurveyComment, ResidentSurveyRespondent, ResidentSurveyTally
from ..survey_questions import QUESTIONS, SCALE


def resident_survey_get(*, process) -> ResidentSurvey | None:
    return ResidentSurvey.objects.filter(process=process).first()


def resident_survey_is_open(survey: ResidentSurvey | None) -> bool:
    return survey is not None and timezone.localdate() <= survey.closes_on


def resident_survey_has_answered(*, survey: ResidentSurvey, user) -> bool:
    return user.is_authenticated and ResidentSurveyRespondent.objects.filter(survey=survey, user=user).exists()


def resident_survey_results(*, survey: ResidentSurvey | None) -> dict:
    """Per question the share of each answer (and for a scale the average and the share that agrees), and the
    texts with personal data masked, in no particular order; nothing at all below 5 respondents."""
    respondents = ResidentSurveyRespondent.objects.filter(survey=survey).count() if survey else 0
    if not disclosure.is_public(respondents):
        return {"respondents": None, "questions": [], "comments": []}
    tallies: dict[str, dict[str, int]] = {}
    for row in ResidentSurveyTally.objects.filter(survey=survey):
        tallies.setdefault(row.question, {})[row.answer] = row.count
    questions = []
    for q in QUESTIONS:
        counts = tallies.get(q.key, {})
        whole = sum(counts.values())
        entry: dict[str, object] = {
            "key": q.key,
            "question": str(q.text),
            "kind": q.kind,
            "answers": [
                {"answer": value, "label": label, "share": disclosure.share(counts.get(value, 0), whole)}
                for value, label in q.labels().items()
            ],
        }
        if q.kind == SCALE:
            agree = counts.get("4", 0) + counts.get("5", 0)
            entry["agreeShare"] = disclosure.share(agree, whole)
            entry["average"] = (
                round(sum(int(v) * n for v, n in counts.items()) / whole, 1) if disclosure.is_public(whole) else None
            )
        questions.append(entry)
    comments = [c.public_text for c in ResidentSurveyComment.objects.filter(survey=survey).order_by("id")]
    return {"respondents": respondents, "questions": questions, "comments": comments}
