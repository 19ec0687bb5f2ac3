"""Process records for council tests, built with the processes models directly (tests only).

The council app itself reads processes through `zwerm.processes.selectors`; these builders only make
the data those selectors return, independent of the processes services' exact signatures."""

import datetime
import itertools

from django.utils import timezone

from zwerm.processes.models import (
    Advice,
    AdviceRequest,
    Decision,
    Meeting,
    Phase,
    PhaseChange,
    Placement,
    Process,
    ProcessFollow,
    Stakeholder,
    Update,
    ValueAssessment,
)
from zwerm.values.models import Value

_counter = itertools.count(1)

RESIDENT_NAME = "Henk Jansen-Bakker"
RESIDENT_CONTACT = "henk.jansen@example.org, 06-12345678"


def make_process(municipality, lead, *, slug=None, title="Buurtpark Noord", status=Process.Status.ACTIVE):
    n = next(_counter)
    return Process.objects.create(
        municipality=municipality,
        slug=slug or f"buurtpark-noord-{n}",
        title=title,
        question="Hoe richten we het buurtpark samen in?",
        description="Samen met bewoners een nieuw park ontwerpen.",
        lead=lead,
        status=status,
    )


def make_full_record(process, *, lead, specialist, resident=None):
    """Phases with a change, a meeting, a resident stakeholder with contact details, advice (one
    answered, one late), a decision resting on the advice and weighed against two values, an update."""
    municipality = process.municipality
    today = timezone.localdate()
    start = Phase.objects.create(process=process, title="Verkennen", position=0, closed_at=timezone.now())
    design = Phase.objects.create(process=process, title="Ontwerpen met bewoners", position=1)
    PhaseChange.objects.create(
        process=process, phase=start, action=PhaseChange.Action.CLOSE, reason="Verkenning klaar.", actor=lead
    )
    PhaseChange.objects.create(
        process=process,
        phase=design,
        action=PhaseChange.Action.ADD,
        reason="Bewoners vroegen om een extra ontwerpronde.",
        actor=lead,
    )
    meeting = Meeting.objects.create(
        municipality=municipality,
        title="Bewonersavond",
        starts_at=timezone.now(),
        place="Buurthuis De Zwerm",
        attendance=12,
    )
    placement = Placement.objects.create(process=process, kind="meeting", object_id=meeting.pk, title="Bewonersavond")
    placement.active_phases.add(design)
    Stakeholder.objects.create(
        process=process,
        name=RESIDENT_NAME,
        kind=Stakeholder.Kind.RESIDENT,
        role="Buurtbewoner",
        contact=RESIDENT_CONTACT,
    )
    Stakeholder.objects.create(
        process=process,
        name="Speeltuinvereniging",
        kind=Stakeholder.Kind.GROUP,
        role="Beheer",
        contact="info@speel.example",
    )
    if resident is not None:
        ProcessFollow.objects.create(process=process, user=resident)
    answered = AdviceRequest.objects.create(
        process=process,
        specialist=specialist,
        team="Team Groen",
        question="Mogen de populieren weg?",
        deadline=today + datetime.timedelta(days=5),
        requested_by=lead,
    )
    advice = Advice.objects.create(
        request=answered,
        text="Kap is mogelijk met compensatie.",
        basis="Bomenverordening artikel 4",
        conditions="Vergunning voor het kappen van bomen nodig.",
        author=specialist,
    )
    AdviceRequest.objects.create(
        process=process,
        specialist=specialist,
        team="Team Verkeer",
        question="Kan de straat autoluw?",
        deadline=today - datetime.timedelta(days=3),
        requested_by=lead,
    )
    values = [
        Value.objects.create(
            municipality=municipality, name=name, description=f"Wat {name.lower()} betekent.", position=i
        )
        for i, name in enumerate(("Rechtvaardigheid", "Duurzaamheid"))
    ]
    decision = Decision.objects.create(
        process=process,
        decided_on=today,
        decided_by=Decision.DecidedBy.PROCESS_LEAD,
        title="Populieren vervangen door linden",
        alternatives="Bomen laten staan.",
        reasons="Veiligheid en meer schaduw op termijn.",
        author=lead,
    )
    decision.advice.add(advice)
    ValueAssessment.objects.create(
        decision=decision, value=values[0], weighed=True, explanation="Iedereen kon meedenken."
    )
    ValueAssessment.objects.create(
        decision=decision, value=values[1], weighed=True, explanation="Meer bomen dan ervoor."
    )
    Update.objects.create(process=process, title="Ontwerp klaar", body="Het ontwerp is klaar.", author=lead)
    return {"design": design, "decision": decision, "advice": advice, "values": values}


def make_outside_scope_decision(process, *, lead, title="Extra speeltoestel buiten budget"):
    return Decision.objects.create(
        process=process,
        decided_on=timezone.localdate(),
        decided_by=Decision.DecidedBy.PROCESS_LEAD,
        title=title,
        reasons="Grote wens van kinderen.",
        outside_scope=True,
        author=lead,
    )
