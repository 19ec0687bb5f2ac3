"""Demo buurtbudgets: one counted and published (eight projects, one not feasible with its reason, ballots
from the residents, counted with the Method of Equal Shares) and one open for voting."""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.processes.selectors import process_can_manage

from .models import Budget
from .services import (
    ballot_cast,
    budget_count,
    budget_create,
    budget_publish_result,
    budget_set_status,
    project_propose,
    project_request_review,
    project_review,
)

# (title, description, cost, group that likes it); group "big" is the larger half of the voters.
PROJECTS = [
    (
        "Nieuw kunstgras op het trapveld",
        "Het trapveld ligt er slecht bij. Met kunstgras kan er het hele jaar gespeeld worden.",
        "24000",
        "big",
    ),
    (
        "Verlichting langs het fietspad",
        "Het fietspad langs het park is 's avonds donker en voelt onveilig.",
        "16000",
        "big",
    ),
    (
        "Overkapping bij het buurthuis",
        "Een overdekte plek om elkaar buiten te ontmoeten, ook als het regent.",
        "12000",
        "big",
    ),
    (
        "Geveltuinen in de Lindestraat",
        "Tegels eruit, planten erin: samen met bewoners leggen we geveltuinen aan.",
        "3000",
        "green",
    ),
    ("Bankjes bij de vijver", "Vier bankjes zodat ouderen onderweg kunnen uitrusten.", "2500", "green"),
    (
        "Insectenhotel en bloemenweide",
        "Een stuk gras wordt een bloemenweide met een insectenhotel van de school.",
        "4000",
        "green",
    ),
    ("Buurtbibliotheekkastjes", "Drie kastjes waar iedereen boeken kan ruilen.", "1500", "green"),
    (
        "Parkeergarage onder het plein",
        "Een ondergrondse garage zodat er meer ruimte op het plein komt.",
        "900000",
        "big",
    ),
]
INFEASIBLE_REASON = (
    "Een parkeergarage kost veel meer dan dit buurtbudget en vraagt een besluit van de gemeenteraad. "
    "We nemen het idee mee in het traject over het plein."
)


def build_demo_budget(*, municipality, staff: dict, residents: list, process) -> Budget:
    """Create the demo buurtbudget in `process` (which must be running); `staff` maps role to user."""
    admin = staff[Role.ADMIN]
    lead = staff.get(Role.PROCESS_LEAD, admin)
    if not process_can_manage(process=process, user=lead):
        lead = admin
    specialist = staff.get(Role.SPECIALIST)
    rng = random.Random(11)  # noqa: S311 - demo data, not security
    with transaction.atomic():
        budget = budget_create(
            process=process,
            actor=lead,
            title="Buurtbudget 2027",
            description="€ 50.000 voor ideeën van inwoners. Stel een project voor, en stem daarna op de "
            "projecten die jij wilt. We tellen met de methode van gelijke delen.",
            total_amount=Decimal("50000"),
            ballot_type=Budget.BallotType.APPROVAL,
            rule=Budget.Rule.MES,
            max_projects=4,
            active_phases=[p for p in process.phases.all() if p.closed_at is None],
        )
        projects = []
        for i, (title, description, cost, group) in enumerate(PROJECTS):
            author = residents[i % len(residents)]
            project = project_propose(budget=budget, resident=author, title=title, description=description)
            projects.append((project, cost, group))
        for i, (project, cost, _group) in enumerate(projects):
            if Decimal(cost) > budget.total_amount:
                project_review(
                    project=project, actor=lead, feasibility="infeasible", cost=Decimal(cost), reason=INFEASIBLE_REASON
                )
            elif i == 1 and specialist is not None:
                project_request_review(
                    project=project,
                    actor=lead,
                    specialist=specialist,
                    deadline=timezone.localdate() + datetime.timedelta(days=14),
                )
                project_review(project=project, actor=specialist, feasibility="feasible", cost=Decimal(cost))
            else:
                project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
        budget_set_status(budget=budget, actor=lead, to_status=Budget.Status.REVIEW)
        budget_set_status(budget=budget, actor=lead, to_status=Budget.Status.VOTING)
        big = [p.pk for p, cost, group in projects if group == "big" and Decimal(cost) <= budget.total_amount]
        green = [p.pk for p, _cost, group in projects if group == "green"]
        for n, resident in enumerate(residents):
            liked = big if n % 5 < 3 else green  # three in five voters for the big projects
            chosen = rng.sample(liked, k=min(len(liked), rng.choice((2, 3))))
            if rng.random() < 0.2:
                chosen.append(rng.choice(green if liked is big else big))
            ballot_cast(budget=budget, resident=resident, projects=sorted(set(chosen))[:4])
        budget_set_status(budget=budget, actor=lead, to_status=Budget.Status.COUNTING)
        budget_count(budget=budget, actor=lead)
        budget_publish_result(budget=budget, actor=lead)
    budget.refresh_from_db()
    return budget


OPEN_PROJECTS = [
    ("Waterspeelplek aan de kade", "Een plek waar kinderen in de zomer met water kunnen spelen.", "9000"),
    ("Schaduwdoeken boven de zandbak", "De zandbak ligt de hele dag in de zon; doeken geven schaduw.", "3500"),
    ("Moestuinbakken voor de buurt", "Zes bakken waarin buren samen groente en kruiden kweken.", "2000"),
    ("Pannakooi bij het speelveld", "Een kleine voetbalkooi voor de oudere kinderen.", "11000"),
    ("Picknicktafels aan het water", "Drie tafels waar gezinnen kunnen eten en spelen.", "2800"),
]


def build_demo_open_budget(*, municipality, staff: dict, residents: list, voters: list, process) -> Budget:
    """A second buurtbudget, open for voting: `voters` have voted, the other `residents` can still vote."""
    admin = staff[Role.ADMIN]
    lead = staff.get(Role.PROCESS_LEAD, admin)
    if not process_can_manage(process=process, user=lead):
        lead = admin
    rng = random.Random(5)  # noqa: S311 - demo data, not security
    with transaction.atomic():
        budget = budget_create(
            process=process,
            actor=lead,
            title="Speelbudget Havenkwartier",
            description="€ 20.000 om het Havenkwartier speelser te maken. Stem op de projecten die jij het "
            "belangrijkst vindt; je kunt je keuze tot het einde van de stemming nog veranderen.",
            total_amount=Decimal("20000"),
            ballot_type=Budget.BallotType.APPROVAL,
            rule=Budget.Rule.MES,
            max_projects=3,
            vote_closes_at=timezone.now() + datetime.timedelta(days=21),
            active_phases=[p for p in process.phases.all() if p.closed_at is None],
        )
        projects = []
        for i, (title, description, cost) in enumerate(OPEN_PROJECTS):
            project = project_propose(
                budget=budget, resident=residents[(i + 3) % len(residents)], title=title, description=description
            )
            project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
            projects.append(project.pk)
        budget_set_status(budget=budget, actor=lead, to_status=Budget.Status.REVIEW)
        budget_set_status(budget=budget, actor=lead, to_status=Budget.Status.VOTING)
        for voter in voters:
            ballot_cast(budget=budget, resident=voter, projects=sorted(rng.sample(projects, k=rng.choice((1, 2, 3)))))
    budget.refresh_from_db()
    return budget
