"""Writes for the short evaluation survey residents answer after a process closes (anonymous by construction)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.text import clean_text
from zwerm.processes.services.checks import require_manager

from ..models import ResidentSurvey, ResidentSurveyComment, ResidentSurveyRespondent, ResidentSurveyTally
from ..selectors.bylaw import bylaw_current
from ..survey_questions import COMMENT_MAX, QUESTIONS

DEFAULT_DAYS = 28
MAX_DAYS = 365


def resident_survey_open(*, process, actor, closes_on: datetime.date | None = None) -> ResidentSurvey:
    """The process's lead opens the evaluation survey for residents, once, after the process closed. It stays
    open until `closes_on` (by default the verordening's evaluation term after closing, or 4 weeks)."""
    require_manager(process=process, user=actor)
    if process.status != "closed":
        raise ValidationError(_("De evaluatievragenlijst gaat open nadat het traject is afgerond."))
    today = timezone.localdate()
    if closes_on is None:
        bylaw = bylaw_current(municipality=process.municipality)
        closed = timezone.localdate(process.closed_at) if process.closed_at else today
        closes_on = closed + datetime.timedelta(days=bylaw.evaluation_days if bylaw else DEFAULT_DAYS)
        closes_on = max(closes_on, today + datetime.timedelta(days=7))
    if not today <= closes_on <= today + datetime.timedelta(days=MAX_DAYS):
        raise ValidationError({"closes_on": [_("Kies een einddatum vanaf vandaag en binnen een jaar.")]})
    try:
        with transaction.atomic():
            return ResidentSurvey.objects.create(process=process, opened_by=actor, closes_on=closes_on)
    except IntegrityError:
        raise ValidationError(_("De evaluatievragenlijst van dit traject is al geopend.")) from None


def resident_survey_answer(*, survey: ResidentSurvey, resident, answers: dict[str, str], comment: str = "") -> None:
    """A resident answers once. The choices become tallies, the text a row without person or time; a separate
    row says only that this resident answered."""
    municipality = survey.process.municipality
    if not (resident.is_authenticated and user_has_role(user=resident, municipality=municipality, roles=Role.RESIDENT)):
        raise PermissionDenied(_("Meld je aan als inwoner van %(name)s om mee te doen.") % {"name": municipality.name})
    if timezone.localdate() > survey.closes_on:
        raise ValidationError(_("De evaluatievragenlijst is gesloten."))
    errors = {q.key: [_("Kies een antwoord.")] for q in QUESTIONS if answers.get(q.key) not in dict(q.choices)}
    if errors:
        raise ValidationError(errors)
    try:
        text = clean_text(comment, field_label=_("je toelichting"), max_length=COMMENT_MAX, required=False)
    except ValidationError as error:
        raise ValidationError({"comment": error.messages}) from None
    try:
        with transaction.atomic():
            ResidentSurveyRespondent.objects.create(survey=survey, user=resident)
            for q in QUESTIONS:
                tally, _created = ResidentSurveyTally.objects.select_for_update().get_or_create(
                    survey=survey, question=q.key, answer=answers[q.key]
                )
                ResidentSurveyTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
            if text:
                ResidentSurveyComment.objects.create(survey=survey, text=text)
    except IntegrityError:
        raise ValidationError(_("Je hebt deze vragenlijst al ingevuld. Dank je wel!")) from None
