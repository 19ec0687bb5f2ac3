"""The rules of processes, each guarded by one test on the services."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from zwerm.core import disclosure
from zwerm.core.models import AppendOnlyError
from zwerm.processes import selectors, services
from zwerm.processes.models import Advice, Decision, Phase, PhaseChange, Process, ProcessFollow, ValueAssessment
from zwerm.processes.tasks import process_digest_send
from zwerm.values import services as value_services
from zwerm.values.selectors import value_list

from ..foundation.builders import make_resident
from .conftest import record_decision, tomorrow, weighings_for

# --- the process itself ---------------------------------------------------------------------------------


def test_a_new_process_is_a_draft_led_by_its_creator(draft, lead):
    assert draft.status == Process.Status.DRAFT
    assert draft.lead == lead
    assert draft.slug == "groen-plein"


def test_slugs_stay_unique_per_municipality(municipality, lead, draft):
    second = services.process_create(
        actor=lead, municipality=municipality, title="Groen plein", question="Vraag?", description="Nog een."
    )
    assert second.slug == "groen-plein-2"


def test_a_process_needs_a_question(municipality, lead):
    with pytest.raises(ValidationError) as error:
        services.process_create(actor=lead, municipality=municipality, title="T", question=" ", description="B")
    assert "question" in error.value.message_dict
    assert not Process.objects.exists()


def test_a_resident_cannot_start_a_process(municipality, resident):
    with pytest.raises(PermissionDenied):
        services.process_create(actor=resident, municipality=municipality, title="T", question="V", description="B")


def test_the_lead_must_be_a_process_lead_here(municipality, admin, specialist):
    with pytest.raises(ValidationError, match="procesambtenaar"):
        services.process_create(
            actor=admin, municipality=municipality, title="T", question="V", description="B", lead=specialist
        )


def test_opening_needs_a_phase(draft, lead):
    with pytest.raises(ValidationError, match="fase"):
        services.process_open(process=draft, actor=lead)
    draft.refresh_from_db()
    assert draft.status == Process.Status.DRAFT


def test_another_process_lead_cannot_change_the_process(process, other_lead):
    with pytest.raises(PermissionDenied):
        services.process_update(process=process, actor=other_lead, title="X", question="Y", description="Z")


def test_an_admin_may_change_any_process(process, admin):
    services.process_update(process=process, actor=admin, title="Nieuw", question="Vraag?", description="Tekst")
    process.refresh_from_db()
    assert process.title == "Nieuw" and process.slug == "groen-plein"


def test_closing_closes_open_phases_with_the_outcome_and_tells_followers(
    process, lead, resident, django_capture_on_commit_callbacks
):
    services.process_follow(process=process, user=resident)
    with django_capture_on_commit_callbacks(execute=True):
        update = services.process_close(process=process, actor=lead, outcome="Er komen twaalf bomen.")
    process.refresh_from_db()
    assert process.status == Process.Status.CLOSED and process.closed_at
    assert not Phase.objects.filter(process=process, closed_at__isnull=True).exists()
    assert PhaseChange.objects.filter(process=process, action="close", reason="Er komen twaalf bomen.").count() == 2
    assert update.body == "Er komen twaalf bomen."
    assert [m.to for m in mail.outbox] == [[resident.email]]


def test_a_closed_process_cannot_be_changed(process, lead):
    services.process_close(process=process, actor=lead, outcome="Klaar.")
    with pytest.raises(ValidationError, match="afgerond"):
        services.phase_add(process=process, actor=lead, title="Nog een", reason="Vergeten.")
    with pytest.raises(ValidationError, match="afgerond"):
        services.process_update(process=process, actor=lead, title="X", question="Y", description="Z")


# --- phases ---------------------------------------------------------------------------------------------


def test_each_phase_change_is_recorded_with_its_reason(process, lead, phases):
    services.phase_change(phase=phases[0], actor=lead, title="Ophalen en luisteren", reason="Duidelijker.")
    services.phase_reorder(process=process, actor=lead, order=[phases[1].pk, phases[0].pk], reason="Eerst kiezen.")
    services.phase_close(phase=phases[1], actor=lead, reason="Gekozen.")
    actions = list(PhaseChange.objects.filter(process=process).values_list("action", "reason"))
    assert actions == [
        ("add", "We beginnen met luisteren."),
        ("add", "Daarna kiezen we samen."),
        ("change", "Duidelijker."),
        ("reorder", "Eerst kiezen."),
        ("reorder", "Eerst kiezen."),
        ("close", "Gekozen."),
    ]
    change = PhaseChange.objects.get(action="change")
    assert change.snapshot["title"] == "Ophalen en luisteren"
    assert [p.title for p in selectors.phase_list(process=process)] == ["Kiezen", "Ophalen en luisteren"]


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_phase_change_needs_a_reason(process, lead, phases, reason):
    with pytest.raises(ValidationError) as error:
        services.phase_change(phase=phases[0], actor=lead, title="Nieuw", reason=reason)
    assert "reason" in error.value.message_dict
    phases[0].refresh_from_db()
    assert phases[0].title == "Ophalen"
    assert PhaseChange.objects.filter(action="change").count() == 0


def test_phase_history_is_append_only(process, lead):
    change = PhaseChange.objects.filter(process=process).first()
    change.reason = "Herschreven"
    with pytest.raises(AppendOnlyError):
        change.save()
    with pytest.raises(AppendOnlyError):
        change.delete()


def test_reorder_must_name_every_phase_once(process, lead, phases):
    with pytest.raises(ValidationError, match="precies één plaats"):
        services.phase_reorder(process=process, actor=lead, order=[phases[0].pk], reason="Half.")


def test_a_closed_phase_cannot_be_changed_or_closed_again(process, lead, phases):
    services.phase_close(phase=phases[0], actor=lead, reason="Klaar met ophalen.")
    with pytest.raises(ValidationError, match="afgesloten"):
        services.phase_change(phase=phases[0], actor=lead, title="Anders", reason="Toch.")
    with pytest.raises(ValidationError, match="al afgesloten"):
        services.phase_close(phase=phases[0], actor=lead, reason="Nog eens.")


def test_the_current_phase_is_the_first_open_one(process, lead, phases):
    assert selectors.process_record(process=process).current_phase == phases[0]
    services.phase_close(phase=phases[0], actor=lead, reason="Klaar.")
    record = selectors.process_record(process=process)
    assert record.current_phase == phases[1]
    assert [(p.is_closed, p.is_current) for p in record.phases] == [(True, False), (False, True)]


def test_a_phase_cannot_end_before_it_starts(process, lead):
    with pytest.raises(ValidationError) as error:
        services.phase_add(
            process=process,
            actor=lead,
            title="Terug in de tijd",
            reason="Test.",
            starts_on=datetime.date(2026, 5, 1),
            ends_on=datetime.date(2026, 4, 1),
        )
    assert "ends_on" in error.value.message_dict


# --- components -----------------------------------------------------------------------------------------


def test_a_component_cannot_become_active_in_a_closed_phase(process, lead, phases):
    services.phase_close(phase=phases[0], actor=lead, reason="Klaar.")
    with pytest.raises(ValidationError, match="afgesloten fase: Ophalen"):
        services.meeting_create(
            process=process,
            actor=lead,
            title="Avond",
            starts_at=timezone.now(),
            place="Buurthuis",
            active_phases=[phases[0]],
        )
    # nothing half-saved: no meeting without its placement
    from zwerm.processes.models import Meeting, Placement

    assert not Meeting.objects.exists() and not Placement.objects.exists()


def test_placement_needs_a_registered_kind(process, lead):
    with pytest.raises(ValidationError, match="kent Zwerm niet"):
        services.placement_create(process=process, actor=lead, kind="poll", object_id=1, title="Peiling")


def test_phases_of_another_process_are_refused(process, lead, municipality):
    other = services.process_create(
        actor=lead, municipality=municipality, title="Ander", question="V?", description="B"
    )
    foreign = services.phase_add(process=other, actor=lead, title="Elders", reason="Test.")
    with pytest.raises(ValidationError, match="dit traject"):
        services.survey_create(process=process, actor=lead, title="V", questions=["Wat?"], active_phases=[foreign])


def test_the_meeting_summary_counts_attendance_and_minutes(process, lead, phases):
    meeting = services.meeting_create(
        process=process, actor=lead, title="Avond", starts_at=timezone.now(), place="Buurthuis", active_phases=phases
    )
    services.meeting_update(
        meeting=meeting,
        actor=lead,
        title="Avond",
        starts_at=meeting.starts_at,
        place="Buurthuis",
        minutes="We spraken over bomen.",
        attendance=23,
    )
    placement = selectors.process_record(process=process).placements[0]
    assert placement.kind_label == "Bijeenkomst"
    assert placement.summary == {"participants": 23, "has_minutes": True}
    assert placement.is_active


def test_a_resident_answers_a_survey_once_with_personal_data_masked(process, lead, phases, resident):
    survey = services.survey_create(
        process=process, actor=lead, title="Wensen", questions=["Wat wil je?", "Waarom?"], active_phases=[phases[0]]
    )
    response = services.survey_respond(
        survey=survey, resident=resident, answers=["Bomen. Bel me op 0612345678", "Schaduw"]
    )
    assert response.answers[0].endswith("0612345678")
    assert "0612345678" not in response.public_answers[0] and "[telefoonnummer]" in response.public_answers[0]
    with pytest.raises(ValidationError, match="al ingevuld"):
        services.survey_respond(survey=survey, resident=resident, answers=["Nog eens", ""])
    assert selectors.survey_public_answers(survey=survey)[1] == ["Schaduw"]


def test_a_survey_is_read_only_outside_its_active_phases(process, lead, phases, resident):
    survey = services.survey_create(
        process=process, actor=lead, title="Keuze", questions=["Welke?"], active_phases=[phases[1]]
    )
    with pytest.raises(ValidationError, match="niet open"):
        services.survey_respond(survey=survey, resident=resident, answers=["Deze"])
    services.phase_close(phase=phases[0], actor=lead, reason="Door naar kiezen.")
    services.survey_respond(survey=survey, resident=resident, answers=["Deze"])


def test_a_resident_of_another_municipality_cannot_answer_a_survey(process, lead, phases, other_municipality):
    survey = services.survey_create(process=process, actor=lead, title="V", questions=["Wat?"], active_phases=phases)
    with pytest.raises(PermissionDenied):
        services.survey_respond(survey=survey, resident=make_resident(other_municipality), answers=["Iets"])


def test_public_counts_below_five_are_not_exact():
    assert disclosure.people(4).display == "minder dan 5"
    assert disclosure.people(0).display == "minder dan 5"
    assert disclosure.people(5).display == "5"


# --- stakeholders ---------------------------------------------------------------------------------------


def test_stakeholders_are_counted_per_kind_without_contacts_in_the_record(process, lead):
    school = services.stakeholder_add(
        process=process, actor=lead, name="De Regenboog", kind="organisation", role="school", contact="info@school.nl"
    )
    services.stakeholder_add(
        process=process, actor=lead, name="Buurtgroep", kind="group", role="initiatiefnemer", related_to=[school]
    )
    record = selectors.process_record(process=process)
    assert record.stakeholder_counts == {"resident": 0, "group": 1, "organisation": 1, "colleague": 0}
    assert "info@school.nl" not in repr(record.stakeholder_counts)
    assert list(school.related_to.values_list("name", flat=True)) == ["Buurtgroep"]


def test_a_stakeholder_kind_must_be_known(process, lead):
    with pytest.raises(ValidationError) as error:
        services.stakeholder_add(process=process, actor=lead, name="X", kind="alien", role="r")
    assert "kind" in error.value.message_dict


def test_stakeholder_update_changes_role_and_relations(process, lead):
    a = services.stakeholder_add(process=process, actor=lead, name="A", kind="resident", role="buur")
    b = services.stakeholder_add(process=process, actor=lead, name="B", kind="colleague", role="groen")
    services.stakeholder_update(stakeholder=a, actor=lead, name="A", kind="resident", role="trekker", related_to=[b])
    a.refresh_from_db()
    assert a.role == "trekker" and list(a.related_to.all()) == [b]
    with pytest.raises(ValidationError, match="zichzelf"):
        services.stakeholder_update(stakeholder=a, actor=lead, name="A", kind="resident", role="x", related_to=[a])


# --- advice ---------------------------------------------------------------------------------------------


def test_a_deadline_in_the_past_is_refused(process, lead, specialist):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.advice_request_create(
            process=process, actor=lead, specialist=specialist, question="Mag dit?", deadline=yesterday
        )
    assert "verleden" in error.value.message_dict["deadline"][0]


def test_advice_is_asked_of_a_specialist(process, lead, council_member):
    with pytest.raises(ValidationError) as error:
        services.advice_request_create(
            process=process, actor=lead, specialist=council_member, question="Mag dit?", deadline=tomorrow()
        )
    assert "specialist" in error.value.message_dict


def test_the_specialist_is_told_and_the_lead_hears_the_answer(
    process, lead, specialist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.advice_request_create(
            process=process, actor=lead, specialist=specialist, question="Mag hier een boom?", deadline=tomorrow()
        )
    assert mail.outbox[-1].to == [specialist.email] and "Mag hier een boom?" in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.advice_give(request=request, actor=specialist, text="Ja.", basis="APV")
    assert mail.outbox[-1].to == [lead.email]


def test_only_the_addressed_specialist_or_an_admin_gives_advice(advice_request, make_staff, admin):
    from zwerm.accounts.roles import Role

    colleague = make_staff(Role.SPECIALIST)
    with pytest.raises(PermissionDenied):
        services.advice_give(request=advice_request, actor=colleague, text="Nee.", basis="Gevoel")
    services.advice_give(request=advice_request, actor=admin, text="Ja.", basis="APV")
    assert advice_request.advice.count() == 1


def test_a_new_advice_version_is_added_and_the_old_one_stays(advice, advice_request, specialist):
    second = services.advice_give(
        request=advice_request, actor=specialist, text="Ja, maar niet in het broedseizoen.", basis="Wet natuur"
    )
    assert (advice.version, second.version) == (1, 2)
    advice.refresh_from_db()
    assert advice.text == "Ja, met vergunning."
    request = selectors.advice_request_get(municipality=advice_request.process.municipality, pk=advice_request.pk)
    assert selectors.advice_latest(request) == second


def test_given_advice_cannot_be_edited(advice):
    advice.text = "Anders"
    with pytest.raises(AppendOnlyError):
        advice.save()


def test_advice_requests_are_open_late_or_answered(process, lead, specialist, advice_request, municipality):
    late = services.advice_request_create(
        process=process, actor=lead, specialist=specialist, question="Te laat?", deadline=tomorrow()
    )
    type(late).objects.filter(pk=late.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=3))
    answered = services.advice_request_create(
        process=process, actor=lead, specialist=specialist, question="Klaar?", deadline=tomorrow()
    )
    services.advice_give(request=answered, actor=specialist, text="Ja.", basis="APV")
    states = {r.pk: r.state for r in selectors.advice_request_list(municipality=municipality)}
    assert states == {advice_request.pk: "open", late.pk: "late", answered.pk: "answered"}
    assert [r.pk for r in selectors.advice_request_list(municipality=municipality, state="late")] == [late.pk]
    mine = selectors.advice_request_list(municipality=municipality, specialist=specialist, state="answered")
    assert [r.pk for r in mine] == [answered.pk]


# --- decisions ------------------------------------------------------------------------------------------


def test_a_decision_records_every_value_and_the_advice(process, lead, values, advice):
    decision = record_decision(process, lead, values, advice=[advice], alternatives="Niets doen.")
    assert decision.assessments.count() == len(values)
    assert list(decision.advice.all()) == [advice]
    record = selectors.process_record(process=process)
    entry = record.decisions[0]
    assert [a.value.name for a in entry.assessments] == [v.name for v in values]
    assert entry.advice == (advice,)


def test_a_decision_must_weigh_every_value(process, lead, values):
    with pytest.raises(ValidationError, match="Open"):
        record_decision(process, lead, values, weighings=weighings_for(values[:3]))
    assert not Decision.objects.exists() and not ValueAssessment.objects.exists()


def test_each_weighing_needs_an_explanation(process, lead, values):
    weighings = weighings_for(values)
    weighings[0] = services.Weighing(value_id=values[0].pk, weighed=False, explanation="")
    with pytest.raises(ValidationError, match="toelichting bij Samen"):
        record_decision(process, lead, values, weighings=weighings)


def test_a_retired_value_is_no_longer_weighed(process, lead, values, admin):
    value_services.value_retire(value=values[-1], actor=admin)
    decision = record_decision(process, lead, values, weighings=weighings_for(values[:3]))
    assert decision.assessments.count() == 3


def test_a_decision_cannot_rest_on_advice_from_another_process(process, lead, values, municipality, specialist, advice):
    other = services.process_create(
        actor=lead, municipality=municipality, title="Ander", question="V?", description="B"
    )
    services.phase_add(process=other, actor=lead, title="Fase", reason="Start.")
    services.process_open(process=other, actor=lead)
    with pytest.raises(ValidationError) as error:
        record_decision(other, lead, values, advice=[advice])
    assert "binnen dit traject" in error.value.message_dict["advice"][0]
    assert not Decision.objects.exists()


def test_a_decision_cannot_be_in_the_future(process, lead, values):
    with pytest.raises(ValidationError) as error:
        record_decision(process, lead, values, decided_on=timezone.localdate() + datetime.timedelta(days=2))
    assert "decided_on" in error.value.message_dict


def test_a_decision_on_behalf_of_the_council(process, lead, values):
    decision = record_decision(process, lead, values, decided_by="council")
    assert decision.get_decided_by_display() == "raad"


def test_a_correction_is_a_new_entry_pointing_at_the_old(process, lead, values):
    first = record_decision(process, lead, values)
    correction = record_decision(process, lead, values, title="We planten tien bomen", corrects=first)
    first.refresh_from_db()
    assert first.title == "We planten bomen"
    entries = selectors.process_record(process=process).decisions
    assert entries[0].corrected_by == (correction,) and entries[1].corrects == first
    with pytest.raises(AppendOnlyError):
        first.save()


def test_a_correction_must_be_in_the_same_process(process, lead, values, municipality):
    other = services.process_create(
        actor=lead, municipality=municipality, title="Ander", question="V?", description="B"
    )
    services.phase_add(process=other, actor=lead, title="Fase", reason="Start.")
    services.process_open(process=other, actor=lead)
    elsewhere = record_decision(other, lead, values)
    with pytest.raises(ValidationError) as error:
        record_decision(process, lead, values, corrects=elsewhere)
    assert "corrects" in error.value.message_dict


# --- updates, following and the digest ------------------------------------------------------------------


def test_followers_get_an_update_right_away_unless_they_chose_the_digest(
    process, lead, resident, municipality, neighbourhood, django_capture_on_commit_callbacks
):
    weekly = make_resident(municipality, neighbourhood)
    services.process_follow(process=process, user=resident)
    services.process_follow(process=process, user=weekly, digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_post(process=process, actor=lead, title="Plan klaar", body="Het plan ligt er.")
    assert [m.to for m in mail.outbox] == [[resident.email]]
    assert "Het plan ligt er." in mail.outbox[0].body


def test_the_weekly_digest_collects_updates_once(process, lead, resident, django_capture_on_commit_callbacks):
    services.process_follow(process=process, user=resident, digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_post(process=process, actor=lead, title="Eerste", body="Een.")
        services.update_post(process=process, actor=lead, title="Tweede", body="Twee.")
    assert mail.outbox == []
    call_command("process_digest")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Eerste" in body and "Tweede" in body and process.title in body
    assert ProcessFollow.objects.get(user=resident).last_digest_at is not None
    process_digest_send.enqueue()
    assert len(mail.outbox) == 1  # nothing new since the last digest


def test_following_again_changes_the_digest_choice(process, resident):
    services.process_follow(process=process, user=resident)
    services.process_follow(process=process, user=resident, digest=True)
    assert ProcessFollow.objects.get(process=process, user=resident).digest is True
    services.process_unfollow(process=process, user=resident)
    with pytest.raises(ValidationError):
        services.process_unfollow(process=process, user=resident)


def test_a_draft_cannot_be_followed_or_updated(draft, resident, lead):
    with pytest.raises(ValidationError):
        services.process_follow(process=draft, user=resident)
    with pytest.raises(ValidationError):
        services.update_post(process=draft, actor=lead, title="T", body="B")


def test_updates_are_append_only(process, lead):
    update = services.update_post(process=process, actor=lead, title="T", body="B")
    with pytest.raises(AppendOnlyError):
        update.delete()


# --- values ---------------------------------------------------------------------------------------------


def test_values_are_named_by_an_admin_only(municipality, admin, lead):
    with pytest.raises(PermissionDenied):
        value_services.value_create(municipality=municipality, actor=lead, name="Zorg", description="Zorgzaam.")
    value = value_services.value_create(municipality=municipality, actor=admin, name="Zorg", description="Zorgzaam.")
    with pytest.raises(ValidationError, match="al een waarde"):
        value_services.value_create(municipality=municipality, actor=admin, name="Zorg", description="Nog eens.")
    value_services.value_update(value=value, actor=admin, name="Zorgzaam", description="Voor elkaar.")
    value_services.value_retire(value=value, actor=admin)
    assert list(value_list(municipality=municipality)) == []
    assert list(value_list(municipality=municipality, include_retired=True)) == [value]
    with pytest.raises(ValidationError):
        value_services.value_retire(value=value, actor=admin)


# --- the record ------------------------------------------------------------------------------------------


def test_the_record_holds_the_whole_chain(process, lead, values, advice, resident, phases):
    services.process_follow(process=process, user=resident)
    services.meeting_create(
        process=process,
        actor=lead,
        title="Avond",
        starts_at=timezone.now(),
        place="Buurthuis",
        active_phases=phases,
        attendance=7,
    )
    record_decision(process, lead, values, advice=[advice])
    services.update_post(process=process, actor=lead, title="Nieuws", body="Tekst.")
    record = selectors.process_record(process=process)
    assert [p.phase.title for p in record.phases] == ["Ophalen", "Kiezen"]
    assert len(record.phases[0].changes) == 1
    assert record.advice_requests[0].state == "answered" and record.advice_requests[0].latest_advice == advice
    assert record.participation.followers == 1
    assert record.participation.participants == 7
    assert record.participation.decisions == 1 and record.participation.advice_answered == 1
    assert record.updates[0].title == "Nieuws"


def test_council_list_and_public_list(process, draft, municipality, other_lead, lead):
    hidden = services.process_create(
        actor=lead, municipality=municipality, title="Nog geheim", question="V?", description="B"
    )
    public = selectors.process_list(municipality=municipality)
    assert list(public) == [process]
    assert hidden in selectors.process_list(municipality=municipality, user=other_lead)
    council = list(selectors.process_list_for_council(municipality=municipality))
    assert set(council) == {process, hidden}
    assert {p.pk: p.phase_count for p in council} == {process.pk: 2, hidden.pk: 0}
    assert selectors.process_get(municipality=municipality, slug="groen-plein") == process


def test_selectors_are_scoped_by_municipality(process, other_municipality):
    assert selectors.process_get(municipality=other_municipality, slug=process.slug) is None
    assert not selectors.process_list_for_council(municipality=other_municipality).exists()
    assert not selectors.advice_request_list(municipality=other_municipality).exists()
    assert not value_list(municipality=other_municipality).exists()


def test_advice_versions_unique_per_request(advice):
    with pytest.raises(Exception):  # noqa: B017  the database guards it too
        Advice.objects.create(request=advice.request, version=1, text="X", basis="Y", author=advice.author)


def test_the_record_takes_the_same_number_of_queries_for_more_decisions(
    process, lead, values, advice, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    record_decision(process, lead, values, advice=[advice])
    with CaptureQueriesContext(connection) as one:
        selectors.process_record(process=process)
    for _ in range(3):
        record_decision(process, lead, values, advice=[advice])
    with django_assert_max_num_queries(len(one.captured_queries)):
        record = selectors.process_record(process=process)
    assert len(record.decisions) == 4


def test_residents_who_took_part_hear_the_update_too(
    process, lead, phases, resident, django_capture_on_commit_callbacks
):
    survey = services.survey_create(process=process, actor=lead, title="V", questions=["Wat?"], active_phases=phases)
    services.survey_respond(survey=survey, resident=resident, answers=["Bomen"])
    with django_capture_on_commit_callbacks(execute=True):
        services.update_post(process=process, actor=lead, title="Wat we met je antwoord deden", body="Bomen komen.")
    assert [m.to for m in mail.outbox] == [[resident.email]]
