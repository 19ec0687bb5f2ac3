"""The demo shows every capability in the states a visitor wants to try (issue 12 items 10 and 11)."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from zwerm.accounts.models import User
from zwerm.budgets.models import Ballot, Budget
from zwerm.budgets.selectors import has_voted
from zwerm.dialogues import selectors as dialogues
from zwerm.initiatives.models import Flag, Initiative
from zwerm.processes.models import Process, SurveyResponse
from zwerm.sensing.demo import agreeing_pairs
from zwerm.sensing.engine.synthetic import THEMES

HOST = "127.0.0.1"


@pytest.mark.django_db(transaction=True)  # as in the real demo, the residents' texts reach sensing after commit
def test_the_demo_has_each_capability_in_each_state():
    call_command("demo_data", stdout=io.StringIO())
    anouk = User.objects.get(email="anouk@zwermstad.example")

    # an open dialogue, open to people without an account, with statements anouk has not voted on
    dialogue = dialogues.dialogue_list(municipality=anouk.memberships.get().municipality).get()
    assert dialogue.is_open() and dialogue.allow_anonymous
    participant = dialogues.participant_find(dialogue=dialogue, user=anouk)
    assert dialogues.statement_next(dialogue=dialogue, participant=participant) is not None
    assert dialogue.statements.filter(status="pending").count() == 2

    # one budget open for voting that anouk can still vote in, one counted and published
    statuses = set(Budget.objects.values_list("status", flat=True))
    assert {Budget.Status.VOTING, Budget.Status.RESULT} <= statuses
    voting = Budget.objects.get(status=Budget.Status.VOTING)
    assert voting.voting_is_open() and not has_voted(budget=voting, user=anouk)
    assert Ballot.objects.filter(budget=voting).count() >= 5
    client = Client()
    client.force_login(anouk)
    page = client.get(f"/buurtbudget/{voting.pk}/stemmen", HTTP_HOST=HOST).content.decode()
    assert 'name="project"' in page and "al gestemd" not in page

    # a process in preparation, running and finished
    assert set(Process.objects.values_list("status", flat=True)) == {"draft", "active", "closed"}

    # the defamatory text is hidden and waits nowhere public; the queue has an open flag to work on
    defamatory = Initiative.objects.get(title="Die buurman is een oplichter")
    assert defamatory.is_hidden
    home = Client().get("/", HTTP_HOST=HOST).content.decode()
    assert "oplichter" not in home
    assert Flag.objects.filter(resolved_at__isnull=True).count() == 1

    # the demo's spike of waste is made of people too, so it reaches "Wat opvalt" on the public page
    signals = Client().get("/signalen/", HTTP_HOST=HOST).content.decode()
    assert "Wat opvalt" in signals and "inwoners" in signals.split("Wat opvalt", 1)[1]

    # residents answer in their own words
    answers = [tuple(r.answers) for r in SurveyResponse.objects.all()]
    assert answers and len(set(answers)) == len(answers)


def test_generated_reports_never_pair_a_plural_subject_with_a_singular_verb():
    for theme in THEMES:
        pairs = agreeing_pairs(theme)
        assert pairs, theme
        assert ("de auto's", "rijdt veel te hard") not in pairs
        assert all(not (s.startswith("de bomen") and p.startswith("is ")) for s, p in pairs)
