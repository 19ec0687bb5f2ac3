"""Council writes and their refusals: kaders, spending, questions, reports, following."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zwerm.council import selectors, services
from zwerm.council.models import Frame, Question, Report, Spending


def test_a_council_member_sets_a_budget_frame_with_its_source(process, member, set_frame):
    frame = set_frame(process, budget="125000.50", source_reference="Raadsbesluit 2026-31")
    assert frame.budget == pytest.approx(125000.50)
    assert frame.author == member and frame.source_reference == "Raadsbesluit 2026-31"
    assert list(selectors.frame_list(process=process)) == [frame]


def test_a_negative_budget_is_refused_with_a_clear_message(process, set_frame):
    with pytest.raises(ValidationError, match="niet negatief") as error:
        set_frame(process, budget="-1")
    assert "budget" in error.value.message_dict
    assert not Frame.objects.exists()


def test_a_budget_frame_needs_a_budget_and_a_deadline_frame_a_deadline(process, set_frame):
    with pytest.raises(ValidationError, match="Vul het budget in"):
        set_frame(process, budget=None)
    with pytest.raises(ValidationError, match="Vul de deadline in"):
        set_frame(process, kind=Frame.Kind.DEADLINE, deadline=None)


def test_a_deadline_in_the_past_and_a_decision_date_in_the_future_are_refused(process, set_frame):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="verleden"):
        set_frame(process, kind=Frame.Kind.DEADLINE, deadline=today - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="toekomst"):
        set_frame(process, source_date=today + datetime.timedelta(days=1))


def test_a_frame_needs_text_and_a_source(process, set_frame):
    with pytest.raises(ValidationError) as error:
        set_frame(process, description="  ", source_reference="")
    assert {"description", "source_reference"} <= set(error.value.message_dict)


def test_a_change_is_a_new_frame_and_the_old_one_is_kept(process, set_frame):
    old = set_frame(process, budget="10000")
    new = set_frame(process, budget="12000", replaces=old, source_reference="Raadsbesluit 2026-40")
    assert list(selectors.frame_list(process=process)) == [new]
    history = {f.pk: f.is_replaced for f in selectors.frame_history(process=process)}
    assert history == {old.pk: True, new.pk: False}
    old.refresh_from_db()
    assert old.budget == 10000  # history never rewritten


def test_a_replaced_frame_cannot_be_replaced_again(process, set_frame):
    old = set_frame(process)
    set_frame(process, replaces=old)
    with pytest.raises(ValidationError, match="al vervangen"):
        set_frame(process, replaces=old)


def test_a_change_keeps_the_kind(process, set_frame):
    old = set_frame(process)
    with pytest.raises(ValidationError, match="dezelfde soort"):
        set_frame(process, kind=Frame.Kind.SCOPE, budget=None, replaces=old)


def test_a_frame_of_another_process_cannot_be_replaced(process, municipality, lead, set_frame):
    from .builders import make_process

    other = make_process(municipality, lead)
    foreign = set_frame(other)
    with pytest.raises(ValidationError, match="hoort niet bij"):
        set_frame(process, replaces=foreign)


def test_spending_adds_up_and_a_correction_cannot_go_below_zero(process, lead):
    services.spending_record(process=process, actor=lead, amount="2500", description="Ontwerpbureau")
    services.spending_record(process=process, actor=lead, amount="-500", description="Correctie factuur")
    assert selectors.spending_total(process=process) == 2000
    with pytest.raises(ValidationError, match="correctie"):
        services.spending_record(process=process, actor=lead, amount="-2000.01", description="Te veel")
    with pytest.raises(ValidationError, match="niet 0"):
        services.spending_record(process=process, actor=lead, amount="0", description="Niets")
    assert Spending.objects.count() == 2


def test_a_question_is_answered_once_and_the_answer_is_final(process, member, lead):
    question = services.question_ask(process=process, asker=member, text="Hoe staat het met het budget?")
    services.question_answer(question=question, actor=lead, answer="Binnen de kaders.")
    with pytest.raises(ValidationError, match="al beantwoord"):
        services.question_answer(question=question, actor=lead, answer="Toch anders.")
    stale = Question.objects.get(pk=question.pk)
    stale.answered_at = None  # a stale copy cannot sneak a second answer past the lock
    with pytest.raises(ValidationError, match="al beantwoord"):
        services.question_answer(question=stale, actor=lead, answer="Toch anders.")
    question.refresh_from_db()
    assert question.answer == "Binnen de kaders." and question.answered_by == lead


def test_a_question_must_have_text(process, member):
    with pytest.raises(ValidationError, match="Vul de vraag in"):
        services.question_ask(process=process, asker=member, text=" ")


def test_a_sent_report_is_frozen_and_kept(full_process, lead, set_frame):
    report = services.report_generate(process=full_process, actor=lead)
    services.report_send(report=report, actor=lead)
    content = Report.objects.get(pk=report.pk).content
    set_frame(full_process, description="Nieuw kader na versturen.")
    with pytest.raises(ValidationError, match="ligt vast"):
        services.report_refresh(report=report, actor=lead)
    with pytest.raises(ValidationError, match="ligt vast"):
        services.report_send(report=report, actor=lead)
    stored = Report.objects.get(pk=report.pk)
    assert stored.content == content and stored.is_frozen
    # A new report is a new row; the sent one stays as it was.
    newer = services.report_generate(process=full_process, actor=lead)
    assert newer.pk != report.pk
    assert "Nieuw kader na versturen." in str(newer.content) and "Nieuw kader na versturen." not in str(content)
    assert list(selectors.report_list(process=full_process)) == [newer, stored]


def test_an_unsent_report_can_be_brought_up_to_date(full_process, lead, set_frame):
    report = services.report_generate(process=full_process, actor=lead)
    set_frame(full_process, description="Later kader.")
    services.report_refresh(report=report, actor=lead)
    assert "Later kader." in str(Report.objects.get(pk=report.pk).content)


def test_a_frozen_report_refused_even_from_a_stale_copy(full_process, lead):
    report = services.report_generate(process=full_process, actor=lead)
    stale = Report.objects.get(pk=report.pk)
    services.report_send(report=report, actor=lead)
    with pytest.raises(ValidationError, match="ligt vast"):
        services.report_send(report=stale, actor=lead)


def test_following_twice_is_harmless_and_unfollowing_removes_it(process, member):
    services.council_follow(process=process, member=member)
    services.council_follow(process=process, member=member)
    assert selectors.council_follow_exists(process=process, member=member)
    services.council_unfollow(process=process, member=member)
    assert not selectors.council_follow_exists(process=process, member=member)
