"""Demo data for participation: a verordening, a promise for every demo process (every level on the ladder,
one below the minimum with its reason), decisions citing the input they weighed, an evaluation of the closed
process, and two challenges (one granted with an agreement, one refused with reasons). Services only."""

import datetime
from decimal import Decimal

from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.processes import selectors as processes
from zwerm.processes import services as process_services
from zwerm.values.selectors import value_list

from . import services
from .demo_history import build_demo_history, build_demo_resident_survey

VERORDENING = """Artikel 1. Begrippen
In deze verordening wordt verstaan onder participatie: het betrekken van inwoners, maatschappelijke
organisaties en bedrijven bij de voorbereiding, uitvoering en evaluatie van gemeentelijk beleid.

Artikel 2. Participatiebelofte
Bij elk traject maakt het college vooraf bekend wat vastligt, wat open is, wie besluit en wanneer, en hoe
inwoners horen wat er met hun inbreng is gedaan.

Artikel 3. Uitdaagrecht
Inwoners kunnen als groep of organisatie het college uitdagen een taak over te nemen. Het college beoordeelt
de uitdaging aan de hand van de criteria in deze verordening.

Artikel 4. Evaluatie
Het college evalueert elk traject na afronding en stuurt jaarlijks een verslag over participatie aan de raad."""

RULES = [
    services.RuleInput(name="Ruimtelijke plannen", minimum_level="advise", phases=("preparation", "execution")),
    services.RuleInput(name="Buurtbudget", minimum_level="codecide", phases=("preparation", "execution")),
    services.RuleInput(name="Beleid en verordeningen", minimum_level="consult", phases=("preparation", "evaluation")),
    services.RuleInput(name="Beheer van de openbare ruimte", minimum_level="coproduce", phases=("execution",)),
]

# (rule name, level, below-minimum reason) per demo process, in the order build_demo_processes made them
PROMISES = [
    (
        "Ruimtelijke plannen",
        "consult",
        "Kabels, leidingen en de markt bepalen het meeste van het ontwerp; we vragen jullie mening over de inrichting.",
    ),
    ("Buurtbudget", "codecide", ""),
]


def _bylaw(municipality, admin):
    return services.bylaw_record(
        municipality=municipality,
        actor=admin,
        title="Participatieverordening Zwermstad 2027",
        text=VERORDENING,
        valid_from=datetime.date(2027, 1, 1),
        weighing="Alle inbreng wordt gelezen en gewogen tegen de kaders van de raad en de waarden van de gemeente. "
        "Elk besluit noemt de inbreng die het woog en wat ermee is gedaan.",
        challenge_criteria="1. Jullie kunnen de taak minstens zo goed doen als de gemeente.\n"
        "2. Het kost de gemeente niet meer dan nu.\n"
        "3. De buurt is betrokken en iedereen kan meedoen.\n"
        "4. Jullie zijn een groep of organisatie met minstens twee contactpersonen.",
        deadlines=services.Deadlines(
            response_days=21,
            challenge_receipt_days=5,
            challenge_complete_days=28,
            challenge_decision_days=84,
            evaluation_days=90,
        ),
        rules=RULES,
    )


def _weighings(municipality):
    return [
        process_services.Weighing(value_id=v.pk, weighed=True, explanation="Meegewogen in het besluit.")
        for v in value_list(municipality=municipality)
    ]


def _challenge(municipality, resident, lead, *, task, name, plan, granted: bool, days_ago: int):
    """A challenge submitted `days_ago`, each step recorded at the moment it happened (the refused one's
    receipt came late: the register shows that)."""
    submitted = timezone.now() - datetime.timedelta(days=days_ago)

    def at(days: int) -> datetime.datetime:
        return submitted + datetime.timedelta(days=days)

    challenge = services.challenge_submit(
        municipality=municipality,
        resident=resident,
        task=task,
        plan=plan,
        involvement="Werkochtenden voor iedereen, een buurtapp en een jaarlijkse buurtavond.",
        cost=Decimal("6500") if granted else Decimal("30000"),
        municipality_cost=Decimal("11000") if granted else Decimal("18000"),
        challenger_kind="group" if granted else "organisation",
        challenger_name=name,
        contacts=[
            services.ContactInput(name=f"{resident.display_name}", email=resident.email),
            services.ContactInput(name="Tweede contactpersoon", email="contact@zwermstad.example"),
        ],
        at=submitted,
    )
    services.challenge_confirm_receipt(
        challenge=challenge, actor=lead, note="Dank voor jullie uitdaging.", at=at(3 if granted else 8)
    )
    challenge = services.challenge_check(challenge=challenge, actor=lead, complete=True, note="", at=at(20))
    services.challenge_conversation(
        challenge=challenge,
        actor=lead,
        note="Gesprek met de indieners over het plan, de kosten en de buurt.",
        at=at(40),
    )
    assert challenge.process is not None  # made by the completeness check
    decision = process_services.decision_record(
        process=challenge.process,
        actor=lead,
        decided_on=timezone.localdate(at(70)),
        decided_by="executive",
        title="De buurtgroep neemt het onderhoud over" if granted else "De gemeente houdt het beheer zelf",
        reasons="Het plan is haalbaar, goedkoper en de buurt doet mee."
        if granted
        else "Het plan kost meer dan de gemeente nu uitgeeft en de veiligheid is niet geregeld.",
        weighings=_weighings(municipality),
    )
    challenge = services.challenge_decide(
        challenge=challenge, actor=lead, decision=decision, granted=granted, at=at(70)
    )
    services.challenge_inform_council(
        challenge=challenge, actor=lead, note="Raadsinformatiebrief over het besluit.", at=at(75)
    )
    if granted:
        services.challenge_agree(
            challenge=challenge,
            actor=lead,
            conditions="Jaarlijks een kort verslag; de gemeente blijft eigenaar; na een jaar evalueren we samen.",
            evaluate_on=timezone.localdate(at(80)) + datetime.timedelta(days=365),
            at=at(80),
        )
    return challenge


def build_demo_participation(
    *, municipality, staff: dict, residents: list, processes_made: list, people: list | None = None
) -> None:
    """The framework in the demo; `people` (residents spread over the wijken, by default `residents`) answer
    the surveys of the year of history and the closed process's evaluation survey."""
    admin = staff[Role.ADMIN]
    lead = staff.get(Role.PROCESS_LEAD, admin)
    people = people if people is not None else residents
    bylaw = _bylaw(municipality, admin)
    rules = {rule.name: rule for rule in bylaw.rules.all()}
    for process, (rule, level, reason) in zip(processes_made, PROMISES, strict=False):
        services.promise_record(
            process=process,
            actor=process.lead if processes.process_can_manage(process=process, user=process.lead) else admin,
            rule=rules[rule],
            level=level,
            fixed="Het budget en de kaders van de raad.",
            open="Hoe het eruit komt te zien en wat eerst gebeurt.",
            decides="Het college, binnen de kaders van de raad",
            decides_on=timezone.localdate() + datetime.timedelta(days=60),
            feedback="Een bericht aan iedereen die meedeed en een update op deze pagina bij elk besluit.",
            below_minimum_reason=reason,
        )
    draft = processes.process_get(municipality=municipality, slug="veilige-schoolroutes")
    if draft is not None:
        services.promise_record(
            process=draft,
            actor=lead,
            rule=rules["Beleid en verordeningen"],
            level="advise",
            fixed="De verkeersregels en het budget voor verkeersveiligheid.",
            open="Welke kruisingen eerst worden aangepakt, en hoe.",
            decides="De raad",
            decides_on=None,
            feedback="Een bericht aan de scholen en ouders die meededen.",
        )
    for process in processes_made[:1]:
        placements = list(processes.placement_list(process=process))
        decisions = list(processes.decision_list(process=process))
        if placements and decisions:
            services.weighed_input_cite(
                decision=decisions[0],
                placement=placements[0],
                actor=process.lead,
                how="De meest gesteunde ideeën staan in het ontwerp.",
            )
    for process in processes.process_list(municipality=municipality).filter(status="closed"):
        services.promise_record(
            process=process,
            actor=lead,
            rule=rules["Beheer van de openbare ruimte"],
            level="coproduce",
            fixed="De plek in het park en het budget.",
            open="Waar precies en hoe het veld eruitziet.",
            decides="Het college",
            decides_on=None,
            feedback="Een parkavond en een bericht op deze pagina.",
        )
        build_demo_resident_survey(process=process, lead=lead, people=people)
        services.evaluation_record(
            process=process,
            actor=lead,
            kept="kept",
            account="Hondenbezitters en wandelaars kozen samen de plek; het besluit volgde hun voorkeur.",
            residents_said="Fijn dat we echt konden kiezen; de parkavond was wel erg vol.",
            lessons="Volgende keer ook online kunnen meedoen voor wie niet naar de avond kan komen.",
        )
    _challenge(
        municipality,
        residents[0],
        lead,
        task="Onderhoud van het Wilgenpark",
        name="Buurtgroep Wilgenpark",
        plan="Wij maaien, snoeien en houden het park schoon met vrijwilligers uit de buurt.",
        granted=True,
        days_ago=240,
    )
    _challenge(
        municipality,
        residents[1],
        lead,
        task="Beheer van de sporthal",
        name="Stichting Sport Zwermstad",
        plan="Wij nemen het beheer en de verhuur van de sporthal over.",
        granted=False,
        days_ago=150,
    )
    build_demo_history(
        municipality=municipality,
        staff={
            "lead": lead,
            "specialist": staff.get(Role.SPECIALIST, admin),
            "everyone": list(dict.fromkeys(staff.values())),
        },
        people=people,
        rule=rules["Beheer van de openbare ruimte"],
    )
