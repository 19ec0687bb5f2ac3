"""One municipality with something on every page, built through the real services (about a second).

Each flow test builds it once and walks through it as residents and staff. The rich parts (a dialogue
with enough voters for opinion groups, two processes with decisions, kaders and a sent council report,
a counted and published buurtbudget) come from the apps' own demo builders, which use the services too.
"""

from dataclasses import dataclass
from decimal import Decimal

from tests.foundation.builders import make_initiative, make_resident
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.budgets.demo import build_demo_budget
from zwerm.council import selectors as council
from zwerm.council.demo import build_demo_council
from zwerm.dialogues.demo import build_demo_dialogue
from zwerm.initiatives import services as initiatives
from zwerm.places.selectors import neighbourhood_list
from zwerm.processes.demo import build_demo_processes

STAFF_ROLES = (Role.ADMIN, Role.MODERATOR, Role.PROCESS_LEAD, Role.SPECIALIST, Role.COUNCIL_MEMBER)
VOTERS = 30  # enough for opinion groups in the dialogue and for public figures (never below 5)
BALLOT_PROJECTS = [
    ("Watertappunt in het park", "Een kraan met drinkwater voor wandelaars en sporters.", "3000"),
    ("Jeu-de-boulesbaan", "Een baan bij het buurthuis, voor jong en oud.", "4000"),
    ("Bloembakken in de winkelstraat", "Twintig grote bakken met vaste planten.", "2500"),
    ("Buitenfitness", "Vijf toestellen langs het rondje door de wijk.", "6000"),
]


@dataclass
class World:
    municipality: object
    staff: dict
    residents: list
    initiative: object  # published, by another resident: to support and comment on
    submitted: object  # waiting for a moderator to publish it
    flagged: object  # published and reported by a resident: in the moderation queue
    dialogue: object
    processes: list
    report: object  # a council report that has been sent
    voting_budget: object  # voting open, approval ballot, at most two projects
    result_budget: object  # counted and published

    @property
    def lead(self):
        return self.staff[Role.PROCESS_LEAD]


def build_world(municipality, make_staff) -> World:
    staff = {role: make_staff(role) for role in STAFF_ROLES}
    hoods = list(neighbourhood_list(municipality=municipality))
    residents = [make_resident(municipality, hoods[i % len(hoods)]) for i in range(VOTERS)]
    author, reporter = residents[0], residents[1]
    moderator = staff[Role.MODERATOR]

    initiative = make_initiative(
        municipality,
        author,
        hoods[0],
        publish_by=moderator,
        title="Bankjes bij de vijver",
        body="Bij de vijver kun je nergens zitten. Vier bankjes zouden helpen.",
    )
    initiatives.initiative_support(initiative=initiative, resident=reporter)
    initiatives.comment_create(initiative=initiative, author=reporter, body="Goed plan, ik help mee.")
    submitted = make_initiative(municipality, author, hoods[1], title="Moestuin op het plein")
    flagged = make_initiative(
        municipality,
        author,
        hoods[1],
        publish_by=moderator,
        title="Die buurman deugt niet",
        body="Iedereen moet weten dat de man op nummer 5 niet te vertrouwen is.",
    )
    initiatives.flag_create(reporter=reporter, initiative=flagged, reason="Dit beschuldigt een buurman zonder bewijs.")

    dialogue = build_demo_dialogue(municipality=municipality, author=staff[Role.PROCESS_LEAD], residents=residents)
    processes = build_demo_processes(municipality=municipality, staff=staff, residents=residents[:12])
    build_demo_council(municipality=municipality, staff=staff, processes=processes)
    result_budget = build_demo_budget(municipality=municipality, staff=staff, residents=residents, process=processes[0])
    open_budget = voting_budget(processes[0], staff[Role.PROCESS_LEAD], author)
    report = council.report_list(process=processes[0]).first()
    return World(
        municipality=municipality,
        staff=staff,
        residents=residents,
        initiative=initiative,
        submitted=submitted,
        flagged=flagged,
        dialogue=dialogue,
        processes=processes,
        report=report,
        voting_budget=open_budget,
        result_budget=result_budget,
    )


def voting_budget(process, lead, proposer):
    budget = budgets.budget_create(
        process=process,
        actor=lead,
        title="Buurtbudget Groen 2027",
        description="€ 10.000 voor groen en ontmoeten. Kies hoogstens twee projecten.",
        total_amount=Decimal("10000"),
        max_projects=2,
        active_phases=[p for p in process.phases.all() if p.closed_at is None],
    )
    for title, description, cost in BALLOT_PROJECTS:
        project = budgets.project_propose(budget=budget, resident=proposer, title=title, description=description)
        budgets.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
    budgets.budget_set_status(budget=budget, actor=lead, to_status="review")
    return budgets.budget_set_status(budget=budget, actor=lead, to_status="voting")
