"""Demo data for the council: kaders for every demo process (one budget nearly spent), questions with
and without an answer, a report that has been sent (frozen), and a sent district report once sensing
has data. Built through the services only."""

import datetime
from decimal import Decimal

from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.processes.selectors import process_can_manage

from . import services
from .models import Frame

BUDGETS = [Decimal("150000.00"), Decimal("40000.00"), Decimal("25000.00")]


def _lead(process, staff):
    lead = process.lead
    return lead if process_can_manage(process=process, user=lead) else staff[Role.ADMIN]


def build_demo_council(*, municipality, staff: dict, processes: list) -> None:
    """Kaders, spending, questions and a sent report for the demo processes (the first one nearly over budget)."""
    member = staff.get(Role.COUNCIL_MEMBER) or staff[Role.ADMIN]
    today = timezone.localdate()
    for i, process in enumerate(processes):
        lead = _lead(process, staff)
        budget = BUDGETS[i % len(BUDGETS)]
        decided = today - datetime.timedelta(days=90 - i * 10)
        services.frame_set(
            process=process,
            actor=member,
            kind=Frame.Kind.BUDGET,
            description="Budget voor het hele traject, inclusief uitvoering.",
            budget=budget,
            set_by=Frame.SetBy.COUNCIL,
            source_reference=f"Raadsbesluit {decided.year}-{31 + i}, begrotingswijziging",
            source_date=decided,
        )
        services.frame_set(
            process=process,
            actor=member,
            kind=Frame.Kind.SCOPE,
            description="Open voor inspraak: inrichting, gebruik en beheer. Niet open: de locatie en het budget.",
            set_by=Frame.SetBy.EXECUTIVE,
            source_reference=f"Collegebesluit Z-{decided.year}-{118 + i}",
            source_date=decided,
        )
        services.frame_set(
            process=process,
            actor=member,
            kind=Frame.Kind.DEADLINE,
            description="Het eindvoorstel ligt uiterlijk op deze datum bij de raad.",
            deadline=today + datetime.timedelta(days=10 if i == 1 else 120),
            set_by=Frame.SetBy.COUNCIL,
            source_reference=f"Motie M-{decided.year}-{7 + i} 'Samen beslissen'",
            source_date=decided,
        )
        # The first process has spent 93 % of its budget: the dashboard warns.
        share = Decimal("0.93") if i == 0 else Decimal("0.40")
        services.spending_record(
            process=process,
            actor=lead,
            amount=(budget * share * Decimal("0.6")).quantize(Decimal("0.01")),
            description="Ontwerpbureau en bewonersavonden",
        )
        services.spending_record(
            process=process,
            actor=lead,
            amount=(budget * share * Decimal("0.4")).quantize(Decimal("0.01")),
            description="Materialen en uitvoering eerste deel",
        )
    if not processes:
        return
    first = processes[0]
    lead = _lead(first, staff)
    answered = services.question_ask(
        process=first, asker=member, text="Hoe voorkomt u dat het budget wordt overschreden nu 93% is besteed?"
    )
    services.question_answer(
        question=answered,
        actor=lead,
        answer="De resterende onderdelen zijn vastgeprijsd; een eventueel tekort dekken we uit het onderhoudsbudget "
        "na een besluit van het college. We rapporteren dat in de volgende voortgangsrapportage.",
    )
    services.question_ask(
        process=first, asker=member, text="Hoeveel inwoners uit de buurt zelf hebben meegedaan aan de dialoog?"
    )
    report = services.report_generate(process=first, actor=lead)
    services.report_send(report=report, actor=lead)


def build_demo_district_report(*, municipality, staff: dict, weeks: int = 12) -> None:
    """A district report over every wijk for the last `weeks` weeks, sent to the council. Call it after the
    sensing demo, so that it has themes and trends to count."""
    lead = staff.get(Role.PROCESS_LEAD) or staff[Role.ADMIN]
    report = services.district_report_generate(municipality=municipality, actor=lead, weeks=weeks)
    services.district_report_send(report=report, actor=lead)
