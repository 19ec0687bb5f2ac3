"""Budget projects residents propose: the corpus never reaches the budget page, the ballot, the API or open
data; with names on, a proposal waits as "wordt gecontroleerd" until its masking task has run."""

from decimal import Decimal

import pytest

from tests.opendata.helpers import body, get
from zwerm.accounts.roles import Role
from zwerm.budgets import services
from zwerm.budgets.models import Project
from zwerm.places.selectors import district_list
from zwerm.processes import services as processes

from .corpus import PATTERN_CASES

HOST = "testdam.localhost"


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def budget(municipality, lead):
    draft = processes.process_create(
        actor=lead, municipality=municipality, title="Buurt aan zet", question="Waaraan?", description="Samen."
    )
    processes.phase_add(process=draft, actor=lead, title="Kiezen", reason="We beginnen.")
    process = processes.process_open(process=draft, actor=lead)
    return services.budget_create(
        process=process,
        actor=lead,
        title="Buurtbudget Noord",
        total_amount=Decimal("10000"),
        ballot_type="approval",
        district=district_list(municipality=municipality).first(),
    )


def test_the_corpus_leaks_on_no_budget_path(client, budget, lead, resident):
    leaks = [leak for _, case_leaks in PATTERN_CASES for leak in case_leaks]
    description = "\n\n".join(text for text, _ in PATTERN_CASES)
    project = services.project_propose(
        budget=budget, resident=resident, title="Bankje bij Kerkstraat 5", description=description
    )
    services.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal("1000"))
    outputs = {
        "page": body(get(client, budget.get_absolute_url(), HOST)).decode(),
        "api": body(get(client, f"/api/v1/budgets/{budget.pk}", HOST)).decode(),
        "open data": body(get(client, "/open-data/buurtbudget-uitslagen.csv", HOST)).decode(),
    }
    found = {name: [leak for leak in leaks if leak in text] for name, text in outputs.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert "Bankje bij [adres]" in outputs["page"] + outputs["api"]
    stored = Project.objects.get(pk=project.pk)
    assert stored.description == description and "[adres]" in stored.public_title


def test_a_proposal_waits_as_wordt_gecontroleerd_until_masked(
    names_on, client, budget, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        project = services.project_propose(
            budget=budget, resident=resident, title="Speeltuin", description="Vraag Maria de Vries, zij regelt het."
        )
    page = body(get(client, budget.get_absolute_url(), HOST)).decode()
    assert "Maria" not in page and "Vries" not in page
    assert Project.objects.get(pk=project.pk).shown_description == "wordt gecontroleerd"
    for callback in callbacks:
        callback()
    assert Project.objects.get(pk=project.pk).public_description == "Vraag [naam], zij regelt het."
