"""The API's contract: the committed OpenAPI document matches the code, and the published values of
choice fields match the apps' models (a new value in an app is a decision for the API too)."""

import json
from pathlib import Path

import pytest
from django.utils import translation

from zwerm.api import choices
from zwerm.api.management.commands.api_schema import schema_text
from zwerm.budgets.models import Budget, Project
from zwerm.council.models import Frame
from zwerm.initiatives.models import Kind, Status
from zwerm.participation.models import Challenge, ChallengeEvent
from zwerm.participation.selectors.challenges import LATE, MET, MISSED, OPEN
from zwerm.processes.models import Decision, PhaseChange, Process
from zwerm.sensing.models import Alert

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"
REGENERATE = ".venv/bin/zwerm api_schema --file docs/api/openapi.json"


def test_the_committed_openapi_document_matches_the_code():
    assert COMMITTED.exists(), f"docs/api/openapi.json is missing; make it with: {REGENERATE}"
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "The API changed but docs/api/openapi.json did not. Check the change, then regenerate the document "
        f"with: {REGENERATE}  (and commit it)."
    )


def test_the_document_does_not_depend_on_the_visitors_language():
    with translation.override("en"):
        assert schema_text() == COMMITTED.read_text(encoding="utf-8")


def test_the_served_document_is_the_committed_one(api, municipality):
    assert api.get("openapi.json").json() == json.loads(COMMITTED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("published", "model_values"),
    [
        (choices.INITIATIVE_KINDS, Kind.values),
        (choices.INITIATIVE_STATUSES, Status.values),
        (choices.PROCESS_PUBLIC_STATUSES, [s for s in Process.Status.values if s != "draft"]),
        (choices.PHASE_CHANGE_ACTIONS, PhaseChange.Action.values),
        (choices.DECIDED_BY, Decision.DecidedBy.values),
        (choices.FRAME_KINDS, Frame.Kind.values),
        (choices.FRAME_SET_BY, Frame.SetBy.values),
        (choices.BUDGET_STATUSES, Budget.Status.values),
        (choices.BUDGET_RULES, Budget.Rule.values),
        (choices.BALLOT_TYPES, Budget.BallotType.values),
        (choices.PROJECT_FEASIBILITY, Project.Feasibility.values),
        (choices.SENSING_ALERT_KINDS, Alert.Kind.values),
        (choices.CHALLENGE_STATES, Challenge.State.values),
        (choices.CHALLENGE_STEPS, ChallengeEvent.Step.values),
        (choices.CHALLENGER_KINDS, Challenge.ChallengerKind.values),
        (choices.DEADLINE_STATES, (MET, LATE, MISSED, OPEN)),
    ],
)
def test_published_choices_match_the_models(published, model_values):
    assert list(published) == list(model_values)
