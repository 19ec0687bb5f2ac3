"""A year of history for the demo's mirror and yearly report, recorded through the services with the moment
each step happened (`at`, core.moments), never by editing rows afterwards.

Per past quarter (the four before the current one) a process of the lead's, with a survey answered by residents
from more wijken as the year goes on, advice requests of two teams (answered on time more often), decisions
weighing values and citing input more often, and closing at the end of the quarter; the staff's anonymous
self-assessment each quarter; and the residents' evaluation survey of the closed demo process."""

import datetime
import itertools
from collections import defaultdict

from django.utils import timezone

from zwerm.accounts.selectors import member_district_ids
from zwerm.processes import selectors as processes
from zwerm.processes import services as process_services
from zwerm.values.selectors import value_list

from . import services
from .mirror import _bounds, _previous, _quarter_of
from .selectors import mirror_statement_list

TEAMS = ("Team Openbare ruimte", "Team Verkeer")
TOPICS = ("Speelplekken in de wijk", "Bomen langs de singel", "Het marktplein", "Fietsroutes naar school")
# Every resident answers in their own words: a wish and a place, never the same sentence twice.
WISHES = (
    "Meer groen en schaduw",
    "Betere verlichting",
    "Een plek om elkaar te ontmoeten",
    "Veilig oversteken",
    "Bankjes voor ouderen",
    "Ruimte om te spelen",
    "Minder geparkeerde auto's",
    "Een watertappunt",
)
PLACES = ("bij de school", "langs het water", "op het plein", "bij de flats", "aan de rand van het park")


def _answer(n: int) -> str:
    return f"{WISHES[n % len(WISHES)]} {PLACES[(n // len(WISHES)) % len(PLACES)]}."


SURVEY_ANSWERS = (
    {"knew": "4", "heard": "5", "feedback": "4", "how": "meeting", "again": "yes"},
    {"knew": "3", "heard": "4", "feedback": "2", "how": "online", "again": "maybe"},
    {"knew": "5", "heard": "4", "feedback": "4", "how": "both", "again": "yes"},
    {"knew": "2", "heard": "3", "feedback": "3", "how": "online", "again": "yes"},
    {"knew": "4", "heard": "5", "feedback": "5", "how": "meeting", "again": "yes"},
    {"knew": "4", "heard": "2", "feedback": "3", "how": "other", "again": "no"},
)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())


def past_quarters(count: int = 4) -> list[tuple[datetime.date, datetime.date]]:
    """(first day, last day) of the `count` quarters before the current one, oldest first."""
    quarter = _quarter_of(timezone.localdate())
    spans = []
    for _ in range(count):
        quarter = _previous(quarter)
        start, end = _bounds(quarter)
        spans.append((start.date(), end.date() - datetime.timedelta(days=1)))
    return spans[::-1]


def _people_by_wijk(municipality, people) -> list[list]:
    districts = member_district_ids(municipality=municipality, user_ids=[p.pk for p in people])
    groups = defaultdict(list)
    for person in people:
        if districts.get(person.pk) is not None:
            groups[districts[person.pk]].append(person)
    return [groups[d] for d in sorted(groups, key=lambda d: -len(groups[d]))]


def _weighings(values, *, weighed: bool):
    return [
        process_services.Weighing(
            value_id=v.pk,
            weighed=weighed,
            explanation="Meegewogen in het besluit." if weighed else "Niet besproken bij dit besluit.",
        )
        for v in values
    ]


def _quarter_process(
    municipality, staff, people_by_wijk, values, rule, k: int, first: datetime.date, last: datetime.date, said
):
    lead, specialist = staff["lead"], staff["specialist"]
    opened = first + datetime.timedelta(days=3)
    process = process_services.process_create(
        actor=lead,
        municipality=municipality,
        title=TOPICS[k % len(TOPICS)],
        question=f"Wat vinden bewoners belangrijk bij '{TOPICS[k % len(TOPICS)].lower()}'?",
        description="Een traject uit het afgelopen jaar: ophalen, kiezen en besluiten.",
        at=_at(opened),
    )
    process_services.phase_add(process=process, actor=lead, title="Ophalen", reason="We beginnen met luisteren.")
    process_services.process_open(process=process, actor=lead)
    if rule is not None:
        services.promise_record(
            process=process,
            actor=lead,
            rule=rule,
            level="advise" if k == 0 else "coproduce",
            fixed="Het budget en de plek.",
            open="Wat er komt en wat eerst gebeurt.",
            decides="De procesambtenaar, binnen de kaders van de raad",
            decides_on=opened + datetime.timedelta(days=70),
            feedback="Een bericht aan iedereen die meedeed.",
            below_minimum_reason="Het ontwerp lag grotendeels vast." if k == 0 else "",
            at=_at(opened, 11),
        )
    phase = processes.phase_list(process=process).first()
    survey = process_services.survey_create(
        process=process,
        actor=lead,
        title="Wat vind jij?",
        questions=["Wat is voor jou belangrijk?"],
        active_phases=[phase],
    )
    # More wijken each quarter: 1, 2, 2, 3 wijken with 5 or more people each.
    for group in people_by_wijk[: (1, 2, 2, 3)[k % 4]]:
        for person in group[:5]:
            process_services.survey_respond(survey=survey, resident=person, answers=[_answer(next(said))])
    placement = processes.placement_for(kind="survey", object_id=survey.pk)

    answered = []
    for t, team in enumerate(TEAMS):
        # the first team answers on time more often every quarter (2, 3, 4, 5 of 5); the second stays at 3
        on_time = (2 + k) if t == 0 else 3
        for i in range(5):
            asked = opened + datetime.timedelta(days=4 + i)
            request = process_services.advice_request_create(
                process=process,
                actor=lead,
                specialist=specialist,
                question=f"Wat vraagt dit van de openbare ruimte? ({i + 1})",
                deadline=asked + datetime.timedelta(days=14),
                team=team,
                at=_at(asked),
            )
            days = 10 if i < on_time else 21
            answered.append(
                process_services.advice_give(
                    request=request,
                    actor=specialist,
                    text="Dit kan, als de onderhoudsploeg er vroeg bij is.",
                    basis="Beleidsplan openbare ruimte.",
                    at=_at(asked + datetime.timedelta(days=days), 15),
                )
            )
    # decisions: 6 a quarter, with values weighed in 3, 4, 5, 6 of them and input cited in 1, 2, 3, 4
    for d in range(6):
        decided_on = opened + datetime.timedelta(days=45 + d * 5)
        decision = process_services.decision_record(
            process=process,
            actor=lead,
            decided_on=decided_on,
            decided_by="process_lead" if d % 2 else "executive",
            title=f"Besluit {d + 1} over {TOPICS[k % len(TOPICS)].lower()}",
            reasons="Wat bewoners inbrachten en het advies van de teams samen gewogen.",
            weighings=_weighings(values, weighed=d < 3 + k),
            advice=answered[d : d + 1] if d % 2 == 0 else [],
        )
        if d < 1 + k and placement is not None:
            services.weighed_input_cite(
                decision=decision, placement=placement, actor=lead, how="De meest genoemde wensen staan in het plan."
            )
    closed = _at(last - datetime.timedelta(days=5), 16)
    process_services.process_close(
        process=process, actor=lead, outcome="Het plan is klaar; de uitvoering staat in de begroting.", at=closed
    )
    services.evaluation_record(
        process=process,
        actor=lead,
        kept=("partly", "partly", "kept", "kept")[k % 4],
        account="Bewoners kozen mee; het besluit noemt wat zij inbrachten.",
        lessons=("Eerder laten weten wat vastligt.", "Meer wijken bereiken.", "Sneller advies vragen.", "Zo doorgaan.")[
            k % 4
        ],
        at=min(closed + datetime.timedelta(days=14 + 30 * (k == 0)), timezone.now() - datetime.timedelta(hours=1)),
    )
    return process


def build_demo_history(*, municipality, staff: dict, people: list, rule=None) -> None:
    """The year of history (see the module's docstring); `rule` is the verordening's kind of decision the
    processes promise against."""
    values = list(value_list(municipality=municipality))
    people_by_wijk = _people_by_wijk(municipality, people)
    said = itertools.count()
    for k, (first, last) in enumerate(past_quarters()):
        _quarter_process(municipality, staff, people_by_wijk, values, rule, k, first, last, said)
        quarter = f"{first.year}-Q{(first.month - 1) // 3 + 1}"
        statements = [s.pk for s in mirror_statement_list(municipality=municipality)]
        for n, member in enumerate(staff["everyone"]):
            scores = {pk: min(5, 2 + (k + n + i) % 3 + (k >= 2)) for i, pk in enumerate(statements)}
            services.mirror_answer(municipality=municipality, actor=member, quarter=quarter, scores=scores)


def build_demo_resident_survey(*, process, lead, people: list) -> None:
    """The closed demo process asks residents how it went; six answer (results show from five)."""
    survey = services.resident_survey_open(process=process, actor=lead)
    comments = ("De parkavond was erg vol.", "", "Fijn dat we echt konden kiezen.", "", "", "")
    for person, answers, comment in zip(people, SURVEY_ANSWERS, comments, strict=False):
        services.resident_survey_answer(survey=survey, resident=person, answers=answers, comment=comment)
