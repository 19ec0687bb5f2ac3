"""Components hosted by a process: placing them in phases, and the meeting and survey this app brings."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.redaction import redact
from zwerm.core.text import clean_text
from zwerm.sensing.services import text_ingest_later

from ..models import Meeting, Phase, Placement, Process, Survey, SurveyResponse
from ..registry import components
from ..selectors import placement_for, placement_is_active
from ..text_sources import CHANNEL as SURVEY_CHANNEL
from ..text_sources import survey_answer_source_id
from .checks import cleaned, require_manager, require_not_closed

ANSWER_MAX = 2000
QUESTION_MAX = 300


def _check_phases(*, process: Process, phases) -> list[Phase]:
    phases = list(phases)
    if any(p.process_id != process.pk for p in phases):
        raise ValidationError({"active_phases": [_("Kies alleen fasen van dit traject.")]})
    closed = [p.title for p in phases if p.closed_at is not None]
    if closed:
        raise ValidationError(
            {
                "active_phases": [
                    _("Een onderdeel kan niet actief worden in een afgesloten fase: %(phases)s.")
                    % {"phases": ", ".join(closed)}
                ]
            }
        )
    return phases


def placement_create(*, process: Process, actor, kind: str, object_id: int, title: str, active_phases=()) -> Placement:
    """Host a component of a registered kind in the process, active in the chosen (open) phases."""
    require_manager(process=process, user=actor)
    require_not_closed(process)
    if kind not in components:
        raise ValidationError({"kind": [_("Dit soort onderdeel kent Zwerm niet.")]})
    if not components.get(kind).belongs_to(object_id, process.municipality):
        raise ValidationError({"object_id": [_("Dat onderdeel bestaat niet in deze gemeente.")]})
    title = cleaned((("title", _("de titel"), title, 200, True),))["title"]
    phases = _check_phases(process=process, phases=active_phases)
    try:
        with transaction.atomic():
            placement = Placement.objects.create(process=process, kind=kind, object_id=object_id, title=title)
            placement.active_phases.set(phases)
    except IntegrityError:
        raise ValidationError(_("Dit onderdeel hoort al bij een traject.")) from None
    return placement


def placement_set_phases(*, placement: Placement, actor, active_phases) -> Placement:
    """Change in which phases a component is active; closed phases cannot be added, and a closed
    phase the component was active in stays part of its history."""
    process = placement.process
    require_manager(process=process, user=actor)
    require_not_closed(process)
    wanted = list(active_phases)
    current = set(placement.active_phases.all())
    _check_phases(process=process, phases=[p for p in wanted if p not in current])
    kept_closed = [p for p in current if p.closed_at is not None]
    with transaction.atomic():
        placement.active_phases.set(set(wanted) | set(kept_closed))
    return placement


# --- meetings ----------------------------------------------------------------------------------------


def _meeting_texts(*, title: str, place: str, minutes: str) -> dict:
    return cleaned(
        (
            ("title", _("de titel"), title, 200, True),
            ("place", _("de plaats"), place, 300, True),
            ("minutes", _("het verslag"), minutes, 20000, False),
        )
    )


def meeting_create(
    *,
    process: Process,
    actor,
    title: str,
    starts_at: datetime.datetime,
    place: str,
    active_phases=(),
    minutes: str = "",
    attendance: int = 0,
) -> Meeting:
    """Plan a meeting as a component of the process."""
    require_manager(process=process, user=actor)
    require_not_closed(process)
    values = _meeting_texts(title=title, place=place, minutes=minutes)
    if attendance < 0:
        raise ValidationError({"attendance": [_("Het aantal aanwezigen kan niet negatief zijn.")]})
    with transaction.atomic():
        meeting = Meeting.objects.create(
            municipality=process.municipality, starts_at=starts_at, attendance=attendance, **values
        )
        placement_create(
            process=process,
            actor=actor,
            kind="meeting",
            object_id=meeting.pk,
            title=values["title"],
            active_phases=active_phases,
        )
    return meeting


def meeting_update(
    *,
    meeting: Meeting,
    actor,
    title: str,
    starts_at: datetime.datetime,
    place: str,
    minutes: str = "",
    attendance: int = 0,
) -> Meeting:
    """Change a meeting or add its minutes and attendance afterwards."""
    placement = placement_for(kind="meeting", object_id=meeting.pk)
    if placement is None:
        raise ValidationError(_("Deze bijeenkomst hoort niet bij een traject."))
    require_manager(process=placement.process, user=actor)
    require_not_closed(placement.process)
    values = _meeting_texts(title=title, place=place, minutes=minutes)
    if attendance < 0:
        raise ValidationError({"attendance": [_("Het aantal aanwezigen kan niet negatief zijn.")]})
    with transaction.atomic():
        for name, value in values.items():
            setattr(meeting, name, value)
        meeting.starts_at, meeting.attendance = starts_at, attendance
        meeting.save()
        Placement.objects.filter(pk=placement.pk).update(title=values["title"])
    return meeting


# --- surveys -----------------------------------------------------------------------------------------


def survey_create(*, process: Process, actor, title: str, questions: list[str], active_phases=()) -> Survey:
    """A short survey with open questions, hosted by the process."""
    require_manager(process=process, user=actor)
    require_not_closed(process)
    title = cleaned((("title", _("de titel"), title, 200, True),))["title"]
    cleaned_questions = []
    for question in questions:
        if (question or "").strip():
            try:
                cleaned_questions.append(clean_text(question, field_label=_("een vraag"), max_length=QUESTION_MAX))
            except ValidationError as error:
                raise ValidationError({"questions": error.messages}) from None
    if not cleaned_questions:
        raise ValidationError({"questions": [_("Stel minstens één vraag.")]})
    with transaction.atomic():
        survey = Survey.objects.create(municipality=process.municipality, title=title, questions=cleaned_questions)
        placement_create(
            process=process, actor=actor, kind="survey", object_id=survey.pk, title=title, active_phases=active_phases
        )
    return survey


def survey_respond(*, survey: Survey, resident, answers: list[str]) -> SurveyResponse:
    """A resident answers once, while the survey is active; personal data is masked in the public answers."""
    municipality = survey.municipality
    if not (resident.is_authenticated and user_has_role(user=resident, municipality=municipality, roles=Role.RESIDENT)):
        raise PermissionDenied(_("Meld je aan als inwoner van %(name)s om mee te doen.") % {"name": municipality.name})
    placement = placement_for(kind="survey", object_id=survey.pk)
    if placement is None or not placement_is_active(placement):
        raise ValidationError(_("Deze vragenlijst staat nu niet open; je kunt de antwoorden wel lezen."))
    if len(answers) != len(survey.questions):
        raise ValidationError(_("Beantwoord de vragen van deze vragenlijst."))
    cleaned_answers, errors = [], {}
    for i, answer in enumerate(answers):
        try:
            cleaned_answers.append(
                clean_text(answer, field_label=_("je antwoord"), max_length=ANSWER_MAX, required=False)
            )
        except ValidationError as error:
            errors[f"answer_{i}"] = error.messages
    if errors:
        raise ValidationError(errors)
    if not any(cleaned_answers):
        raise ValidationError(_("Beantwoord minstens één vraag."))
    public = [redact(a).text for a in cleaned_answers]
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey, respondent=resident, answers=cleaned_answers, public_answers=public
            )
            # Every open answer that says something goes to sensing, like initiatives and comments do.
            for i, answer in enumerate(cleaned_answers):
                if answer.strip():
                    text_ingest_later(
                        channel=SURVEY_CHANNEL,
                        source_id=survey_answer_source_id(response.pk, i),
                        municipality_id=municipality.pk,
                    )
    except IntegrityError:
        raise ValidationError(_("Je hebt deze vragenlijst al ingevuld.")) from None
    return response
