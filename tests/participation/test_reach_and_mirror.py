"""Reach per wijk from every channel that can tell who took part, and the mirror's connectedness, per team
and per process lead figures (never below 5 people or items)."""

import datetime
import uuid

from django.utils import timezone

from tests.foundation.builders import make_initiative, make_resident
from tests.processes.conftest import record_decision
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.participation.mirror import _bounds, _quarter_of, mirror_content
from zwerm.participation.selectors.reach import process_reach, reach_public
from zwerm.places.services import district_save, neighbourhood_save
from zwerm.processes import services as processes


def second_wijk(municipality):
    district = district_save(municipality=municipality, code="WK000102", name="Testdam Zuid")
    return district, neighbourhood_save(municipality=municipality, district=district, code="BU00010201", name="Zuid 1")


def survey_answered_by(process, lead, residents):
    survey = processes.survey_create(
        process=process,
        actor=lead,
        title="Wat vind jij?",
        questions=["Wat mist er?"],
        active_phases=process.phases.all(),
    )
    for resident in residents:
        processes.survey_respond(survey=survey, resident=resident, answers=["Meer bomen."])


def initiative_supported_by(process, lead, municipality, neighbourhood, moderator, residents):
    initiative = make_initiative(
        municipality, make_resident(municipality, neighbourhood), neighbourhood, publish_by=moderator
    )
    processes.placement_create(
        process=process, actor=lead, kind="initiative", object_id=initiative.pk, title=initiative.title
    )
    for resident in residents:
        initiatives.initiative_support(initiative=initiative, resident=resident)
    return initiative


def test_reach_counts_survey_respondents_initiative_supporters_and_anonymous_dialogue_participants(
    process, lead, municipality, neighbourhood, moderator
):
    district, zuid = second_wijk(municipality)
    noord = [make_resident(municipality, neighbourhood) for _ in range(5)]
    survey_answered_by(process, lead, noord)
    supporters = [make_resident(municipality, zuid) for _ in range(3)]
    # two of the survey's respondents support too: they count once
    initiative_supported_by(process, lead, municipality, neighbourhood, moderator, supporters + noord[:2])
    dialogue = dialogues.dialogue_create(
        author=lead,
        municipality=municipality,
        title="Het plein",
        question="Wat moet er op het plein?",
        allow_anonymous=True,
    )
    processes.placement_create(process=process, actor=lead, kind="dialogue", object_id=dialogue.pk, title="Dialoog")
    for _ in range(2):
        dialogues.participant_for(dialogue=dialogue, anonymous_key=uuid.uuid4(), district=district)

    reach = process_reach(process=process)
    assert reach.people == 10
    assert reach.per_district == {neighbourhood.district_id: 5, district.pk: 5}
    assert reach.districts_with_enough_people == 2
    shown = reach_public(municipality=municipality, reach=reach)
    assert shown["people"] == 10 and shown["districts_reached"] == 2
    assert {row["wijk"]: row["people"] for row in shown["per_district"]} == {"Testdam Noord": 5, "Testdam Zuid": 5}


def test_a_wijk_under_five_hides_the_split(process, lead, municipality, neighbourhood, moderator):
    _district, zuid = second_wijk(municipality)
    survey_answered_by(
        process,
        lead,
        [make_resident(municipality, neighbourhood) for _ in range(6)] + [make_resident(municipality, zuid)],
    )
    shown = reach_public(municipality=municipality, reach=process_reach(process=process))
    assert shown == {"people": 7, "districts_reached": None, "per_district": []}


def indicator(mirror, key):
    return next(i for i in mirror["indicators"] if i["key"] == key)


def test_the_mirror_counts_processes_with_residents_from_more_than_one_wijk(
    process, lead, municipality, neighbourhood, moderator
):
    _district, zuid = second_wijk(municipality)
    mirror = mirror_content(municipality=municipality)
    assert indicator(mirror, "multi_district_share")["value"] == 0.0
    assert indicator(mirror, "districts_reached")["value"] == 0
    survey_answered_by(process, lead, [make_resident(municipality, neighbourhood) for _ in range(5)])
    initiative = initiative_supported_by(
        process, lead, municipality, neighbourhood, moderator, [make_resident(municipality, zuid) for _ in range(4)]
    )
    mirror = mirror_content(municipality=municipality)
    assert indicator(mirror, "districts_reached")["value"] == 1, "a wijk with 4 people is not reached"
    assert indicator(mirror, "multi_district_share")["value"] == 0.0
    initiatives.initiative_support(initiative=initiative, resident=make_resident(municipality, zuid))
    mirror = mirror_content(municipality=municipality)
    assert indicator(mirror, "districts_reached")["value"] == 2
    assert indicator(mirror, "multi_district_share")["value"] == 100.0


def test_advice_figures_per_team_from_five_requests_with_a_trend(municipality, process, lead, specialist):
    today = timezone.localdate()
    for i in range(5):
        request = processes.advice_request_create(
            process=process,
            actor=lead,
            specialist=specialist,
            question=f"Vraag {i}?",
            deadline=today + datetime.timedelta(days=3),
            team="Team Groen",
        )
        if i < 4:
            processes.advice_give(request=request, actor=specialist, text="Goed plan.", basis="Beleid.")
    processes.advice_request_create(
        process=process, actor=lead, specialist=specialist, question="Eén?", deadline=today, team="Team Verkeer"
    )
    mirror = mirror_content(municipality=municipality)
    (team,) = mirror["perTeam"]
    assert team["team"] == "Team Groen"
    figures = {i["key"]: i for i in team["indicators"]}
    assert figures["advice_on_time_share"]["value"] == 80.0
    assert figures["advice_days_waiting"]["value"] is None, "4 answers are too few for a median"
    assert figures["advice_on_time_share"]["trend"] is None


def test_figures_per_process_lead_need_five_decisions(municipality, process, lead, values):
    for i in range(5):
        record_decision(process, lead, values, title=f"Besluit {i}")
    mirror = mirror_content(municipality=municipality)
    (row,) = mirror["perProcessLead"]
    figures = {i["key"]: i["value"] for i in row["indicators"]}
    assert figures["decisions_with_values_share"] == 100.0
    assert figures["decisions_citing_input_share"] == 0.0
    assert figures["multi_district_share"] is None


def test_quarter_bounds_are_in_the_current_timezone():
    start, end = _bounds(_quarter_of(datetime.date(2026, 5, 1)))
    assert (start.month, end.month) == (4, 7)
