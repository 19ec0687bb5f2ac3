"""Retention per process: N months after a process closes, its contributions lose the people behind them.
Run as scheduled work (`zwerm privacy_retention` queues `privacy.tasks.retention_run`)."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from zwerm.core.personal_data import PLACEHOLDER_NAME
from zwerm.dialogues.models import Participant
from zwerm.initiatives.models import Comment, Support
from zwerm.privacy.models import RetentionRun
from zwerm.privacy.tasks import retention_run
from zwerm.processes import services as processes
from zwerm.processes.models import Process, ProcessFollow, SurveyResponse
from zwerm.processes.selectors import add_months
from zwerm.processes.services.personal_data import process_set_privacy


def close(world, *, months_ago: int, retention: int | None = 6):
    process_set_privacy(
        process=world.process, actor=world.lead, contributions_on_erase="anonymise", retention_months=retention
    )
    processes.stakeholder_add(
        process=world.process,
        actor=world.lead,
        name="Mevrouw Pietersen",
        kind="resident",
        role="buurvrouw",
        contact="06-11112222",
    )
    processes.process_close(process=world.process, actor=world.lead, outcome="Het plein wordt groen.")
    # The clock: the process closed `months_ago` months ago.
    Process.objects.filter(pk=world.process.pk).update(
        closed_at=add_months(timezone.now(), -months_ago) - datetime.timedelta(days=1)
    )


def test_nothing_happens_before_the_period_has_passed(world):
    close(world, months_ago=3)
    result = retention_run.enqueue()  # the immediate backend runs it now
    assert result.return_value == {str(world.process.municipality_id): {}}
    world.initiative.refresh_from_db()
    assert world.initiative.author_id == world.anna.pk
    assert RetentionRun.objects.get().processes == []  # the run itself is on record


def test_a_process_without_a_period_is_kept(world):
    close(world, months_ago=30, retention=None)
    retention_run.enqueue()
    assert SurveyResponse.objects.filter(respondent=world.anna).exists()


def test_after_the_period_people_are_detached_from_the_process(world):
    close(world, months_ago=7)
    result = retention_run.enqueue()
    totals = result.return_value[str(world.process.municipality_id)]
    assert totals["initiatieven"] == 2 and totals["antwoorden"] == 2 and totals["deelnemers"] == 2
    world.initiative.refresh_from_db()
    assert world.initiative.author.display_name == PLACEHOLDER_NAME and world.initiative.is_public
    assert world.initiative.support_count == 1  # the public figure stays
    assert not Support.objects.filter(initiative=world.initiative).exists()  # who was behind it goes
    assert Comment.objects.get(pk=world.comment.pk).author.display_name == PLACEHOLDER_NAME
    assert not Participant.objects.filter(dialogue=world.dialogue, user__isnull=False).exists()
    assert world.dialogue.participants.first().votes.exists()  # votes keep counting
    assert not SurveyResponse.objects.filter(respondent__isnull=False).exists()
    assert not ProcessFollow.objects.filter(process=world.process).exists()
    stakeholder = world.process.stakeholders.get()
    assert stakeholder.contact == "" and "Pietersen" not in stakeholder.name
    world.project.refresh_from_db()
    assert world.project.proposer_id is None
    # Not in the process: untouched.
    world.loose_initiative.refresh_from_db()
    assert world.loose_initiative.author_id == world.anna.pk
    run = RetentionRun.objects.get()
    assert run.trigger == "task" and run.processes[0]["process"] == world.process.pk


def test_running_twice_changes_nothing_more(world):
    close(world, months_ago=7)
    retention_run.enqueue()
    second = retention_run.enqueue().return_value[str(world.process.municipality_id)]
    assert set(second.values()) <= {0}
    assert RetentionRun.objects.count() == 2  # both runs on record


def test_the_command_queues_the_task_or_runs_it_now(world):
    close(world, months_ago=7)
    out = StringIO()
    call_command("privacy_retention", stdout=out)
    assert "queued" in out.getvalue()
    assert RetentionRun.objects.filter(trigger="task").count() == 1  # the immediate backend ran it
    out = StringIO()
    call_command("privacy_retention", "--now", stdout=out)
    assert "1 processes" in out.getvalue()
    assert RetentionRun.objects.filter(trigger="command").count() == 1


def test_the_retention_period_must_be_sensible(world):
    with pytest.raises(ValidationError):
        process_set_privacy(
            process=world.process, actor=world.lead, contributions_on_erase="anonymise", retention_months=0
        )
    with pytest.raises(ValidationError):
        process_set_privacy(
            process=world.process, actor=world.lead, contributions_on_erase="weg", retention_months=None
        )


def test_add_months_keeps_the_day_or_takes_the_last_one():
    moment = datetime.datetime(2025, 8, 31, 12, tzinfo=datetime.UTC)
    assert add_months(moment, 6) == datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)
    assert add_months(moment, -8) == datetime.datetime(2024, 12, 31, 12, tzinfo=datetime.UTC)
