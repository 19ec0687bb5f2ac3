"""Demo processes for `zwerm demo_data`: two processes in different phases, with the whole chain.

Everything is built through the services, as a process lead, specialist and admin would do it."""

import datetime

from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.core.models import Municipality
from zwerm.values.selectors import value_list
from zwerm.values.services import value_create

from . import services
from .models import AdviceRequest, Process

DEMO_VALUES = (
    ("Samen", "We zoeken oplossingen met de mensen om wie het gaat, niet over hun hoofden heen."),
    ("Duurzaam", "Wat we nu besluiten, moet ook goed zijn voor wie hier over dertig jaar woont."),
    ("Eerlijk", "Iedere buurt en iedere stem telt even zwaar; we letten op wie minder snel gehoord wordt."),
    ("Open", "We leggen uit wat we doen en waarom, ook als het anders loopt dan gehoopt."),
)


# Six residents' answers to the two questions about the designs: each in their own words.
SURVEY_ANSWERS = (
    ("Mooi, veel schaduw onder de bomen.", "De middenstrook lijkt me te smal voor de markt."),
    ("Er blijft te weinig plek over voor de marktkramen.", "Gezellig, vooral als er bankjes in het groen komen."),
    ("Goed, maar zorg dat de bomen groot genoeg zijn.", "Liever niet: dan kun je het plein niet oversteken."),
    ("Ik mis een plek om te spelen voor de kinderen.", "Mooi, zolang de fietsenstalling blijft."),
    ("Prima ontwerp, als de bomen genoeg water krijgen.", "Dit vind ik het mooiste: groen in het midden."),
    ("Bomen rondom houden het plein open. Goed idee!", "Te druk met al die plantenbakken."),
)


def _values(*, municipality: Municipality, admin):
    existing = list(value_list(municipality=municipality))
    if existing:
        return existing
    return [
        value_create(municipality=municipality, actor=admin, name=name, description=description)
        for name, description in DEMO_VALUES
    ]


def _weighings(values, explanations: dict[str, tuple[bool, str]]):
    return [
        services.Weighing(
            value_id=v.pk,
            weighed=explanations.get(v.name, (True, ""))[0],
            explanation=explanations.get(v.name, (True, "Meegewogen in de afweging."))[1]
            or "Meegewogen in de afweging.",
        )
        for v in values
    ]


def build_demo_processes(*, municipality: Municipality, staff: dict, residents: list) -> list[Process]:
    """Create the demo processes; `staff` maps role to user (admin, process_lead, specialist at least)."""
    admin = staff[Role.ADMIN]
    lead = staff.get(Role.PROCESS_LEAD, admin)
    specialist = staff.get(Role.SPECIALIST, admin)
    values = _values(municipality=municipality, admin=admin)
    today = timezone.localdate()
    return [
        _green_square(municipality, lead, specialist, residents, values, today),
        _playground(municipality, lead, specialist, residents, values, today),
    ]


def _green_square(municipality, lead, specialist, residents, values, today) -> Process:
    """Further along: the first phase is closed, choosing is under way, decisions are in the log."""
    process = services.process_create(
        actor=lead,
        municipality=municipality,
        title="Een groen Marktplein",
        question="Hoe maken we van het stenige Marktplein een groene plek waar iedereen graag komt?",
        description="Het Marktplein is heet in de zomer en leeg in de winter. Samen met bewoners, "
        "ondernemers en de school zoeken we naar een plein met meer groen en meer ontmoeting.",
    )
    collect = services.phase_add(
        process=process, actor=lead, title="Ideeën ophalen", reason="We beginnen met luisteren naar de buurt."
    )
    choose = services.phase_add(
        process=process, actor=lead, title="Samen kiezen", reason="Uit de ideeën kiezen we samen een ontwerp."
    )
    services.phase_add(process=process, actor=lead, title="Uitvoeren", reason="Het gekozen ontwerp wordt aangelegd.")
    services.process_open(process=process, actor=lead)
    services.phase_change(
        phase=choose,
        actor=lead,
        title="Samen kiezen",
        description="Twee ontwerpen liggen ter keuze; de bewonersavond en de vragenlijst helpen kiezen.",
        reason="Het ontwerpbureau leverde twee ontwerpen in plaats van één.",
    )

    school = services.stakeholder_add(
        process=process,
        actor=lead,
        name="Basisschool De Regenboog",
        kind="organisation",
        role="wil een groen schoolplein aan het plein",
        contact="directie@deregenboog.example",
    )
    group = services.stakeholder_add(
        process=process,
        actor=lead,
        name="Bewonersgroep Marktplein",
        kind="group",
        role="initiatiefnemer, denkt mee over het ontwerp",
        contact="groen@marktplein.example",
        related_to=[school],
    )
    traders = services.stakeholder_add(
        process=process,
        actor=lead,
        name="Ondernemersvereniging Centrum",
        kind="organisation",
        role="zorgt dat de markt kan blijven",
        related_to=[group],
    )
    services.stakeholder_add(
        process=process,
        actor=lead,
        name="Team Groen en Water",
        kind="colleague",
        role="beheer van bomen en beplanting",
        related_to=[traders],
    )
    if residents:
        services.stakeholder_add(
            process=process, actor=lead, name=residents[0].display_name, kind="resident", role="buurtbewoner"
        )

    meeting = services.meeting_create(
        process=process,
        actor=lead,
        title="Bewonersavond over het Marktplein",
        starts_at=timezone.now() - datetime.timedelta(days=20),
        place="Buurthuis De Schakel",
        active_phases=[collect],
    )
    services.meeting_update(
        meeting=meeting,
        actor=lead,
        title=meeting.title,
        starts_at=meeting.starts_at,
        place=meeting.place,
        minutes="Ruim dertig bewoners kwamen. Veel wensen voor schaduw, bankjes en een waterspeelplek. "
        "De markt op zaterdag moet kunnen blijven.",
        attendance=34,
    )
    survey = services.survey_create(
        process=process,
        actor=lead,
        title="Welk ontwerp spreekt je aan?",
        questions=["Wat vind je van ontwerp A (bomen rondom)?", "Wat vind je van ontwerp B (groene middenstrook)?"],
        active_phases=[choose],
    )

    felling = services.advice_request_create(
        process=process,
        actor=lead,
        specialist=specialist,
        team="Vergunningen",
        question="Welke vergunningen zijn nodig om bomen te planten op het plein, en moet er iets gekapt worden?",
        deadline=today + datetime.timedelta(days=1),
    )
    advice = services.advice_give(
        request=felling,
        actor=specialist,
        text="Planten kan zonder vergunning. De twee zieke esdoorns aan de noordkant moeten weg; daarvoor "
        "is een omgevingsvergunning voor het kappen nodig.",
        basis="Omgevingsplan, regels over het vellen van houtopstand; Bomenverordening artikel 3",
        conditions="Een kapvergunning voor twee bomen; herplant binnen één jaar.",
    )
    late = services.advice_request_create(
        process=process,
        actor=lead,
        specialist=specialist,
        team="Verkeer",
        question="Kan de laad- en losplek voor de markt naar de oostkant zonder gevaar voor fietsers?",
        deadline=today + datetime.timedelta(days=1),
    )
    # The service refuses deadlines in the past; the demo needs one late request, so its date is moved back.
    AdviceRequest.objects.filter(pk=late.pk).update(deadline=today - datetime.timedelta(days=5))

    phase_decision = services.decision_record(
        process=process,
        actor=lead,
        decided_on=today - datetime.timedelta(days=10),
        decided_by="process_lead",
        title="Twee ontwerpen gaan naar de buurt",
        alternatives="Eén ontwerp van de gemeente; een open prijsvraag.",
        reasons="De bewonersavond liet twee duidelijke richtingen zien. Met twee ontwerpen kiest de buurt echt.",
        advice=[advice],
        weighings=_weighings(
            values,
            {
                "Samen": (True, "De ontwerpen komen uit de wensen van de bewonersavond."),
                "Duurzaam": (True, "Beide ontwerpen halveren de verharding en vangen regenwater op."),
                "Eerlijk": (True, "De vragenlijst is ook op papier in het buurthuis in te vullen."),
                "Open": (True, "Beide ontwerpen en de kosten staan op deze pagina."),
            },
        ),
    )
    services.decision_record(
        process=process,
        actor=lead,
        decided_on=today - datetime.timedelta(days=8),
        decided_by="executive",
        title="Twee ontwerpen gaan naar de buurt; de markt blijft op zaterdag",
        reasons="Het college voegde toe dat de zaterdagmarkt in beide ontwerpen moet passen.",
        corrects=phase_decision,
        weighings=_weighings(
            values,
            {
                "Samen": (True, "De ondernemers zijn gehoord."),
                "Duurzaam": (True, "Ongewijzigd."),
                "Eerlijk": (True, "Ongewijzigd."),
                "Open": (True, "De correctie staat naast het oorspronkelijke besluit."),
            },
        ),
    )
    services.phase_close(phase=collect, actor=lead, reason="De ideeën zijn opgehaald; 34 mensen op de bewonersavond.")
    for i, resident in enumerate(residents[:6]):
        services.process_follow(process=process, user=resident, digest=bool(i % 2))
        services.survey_respond(survey=survey, resident=resident, answers=list(SURVEY_ANSWERS[i]))
    services.update_post(
        process=process,
        actor=lead,
        title="Twee ontwerpen: kies mee",
        body="Dank voor alle ideeën op de bewonersavond. Er liggen nu twee ontwerpen. Vul de vragenlijst in!",
    )
    return process


def _playground(municipality, lead, specialist, residents, values, today) -> Process:
    """Just started: the first phase is open, advice has been asked."""
    process = services.process_create(
        actor=lead,
        municipality=municipality,
        title="Speelplek Havenkwartier",
        question="Waar en hoe komt er een speelplek voor de kinderen in het Havenkwartier?",
        description="In het nieuwe Havenkwartier wonen steeds meer gezinnen, maar er is nog geen speelplek.",
    )
    start = services.phase_add(
        process=process, actor=lead, title="Verkennen", reason="Eerst kijken we samen welke plekken er zijn."
    )
    services.phase_add(process=process, actor=lead, title="Ontwerpen", reason="Daarna ontwerpen we met de kinderen.")
    services.process_open(process=process, actor=lead)
    parents = services.stakeholder_add(
        process=process, actor=lead, name="Ouders Havenkwartier", kind="group", role="brengen plekken in"
    )
    services.stakeholder_add(
        process=process,
        actor=lead,
        name="Woningcorporatie Haven",
        kind="organisation",
        role="eigenaar van twee mogelijke plekken",
        contact="projecten@haven.example",
        related_to=[parents],
    )
    services.meeting_create(
        process=process,
        actor=lead,
        title="Speurtocht langs mogelijke plekken",
        starts_at=timezone.now() + datetime.timedelta(days=10),
        place="Start bij de brug over de haven",
        active_phases=[start],
    )
    services.advice_request_create(
        process=process,
        actor=lead,
        specialist=specialist,
        team="Ruimtelijke ordening",
        question="Staat het omgevingsplan een speelplek toe op het braakliggende terrein aan de kade?",
        deadline=today + datetime.timedelta(days=14),
    )
    services.decision_record(
        process=process,
        actor=lead,
        decided_on=today,
        decided_by="process_lead",
        title="Kinderen denken mee in de verkenning",
        reasons="Kinderen weten het best waar ze willen spelen.",
        weighings=_weighings(values, {"Duurzaam": (False, "Speelt in deze stap nog geen rol.")}),
    )
    for resident in residents[2:5]:
        services.process_follow(process=process, user=resident)
    services.update_post(
        process=process,
        actor=lead,
        title="We zijn begonnen",
        body="Doe mee met de speurtocht langs mogelijke plekken voor de speelplek.",
    )
    return process


def build_demo_process_states(*, municipality: Municipality, staff: dict, residents: list) -> list[Process]:
    """Two more processes, so the demo has one in every state: one in preparation (only staff see it) and
    one that is finished, with its outcome."""
    admin = staff[Role.ADMIN]
    lead = staff.get(Role.PROCESS_LEAD, admin)
    values = _values(municipality=municipality, admin=admin)
    today = timezone.localdate()
    draft = services.process_create(
        actor=lead,
        municipality=municipality,
        title="Veilige schoolroutes",
        question="Hoe komen kinderen veilig op de fiets en te voet naar school?",
        description="Ouders maken zich zorgen over drukke kruisingen op weg naar school. Dit traject wordt "
        "voorbereid: we zoeken de scholen en ouders die willen meedenken.",
    )
    services.phase_add(process=draft, actor=lead, title="Routes in kaart", reason="Eerst weten waar het knelt.")
    services.phase_add(process=draft, actor=lead, title="Maatregelen kiezen", reason="Daarna kiezen we samen.")

    done = services.process_create(
        actor=lead,
        municipality=municipality,
        title="Hondenlosloopveld Noorderpark",
        question="Waar in het Noorderpark mogen honden loslopen?",
        description="Hondenbezitters vroegen om een plek waar hun hond vrij kan rennen; andere parkbezoekers "
        "wilden rust. Samen zochten we een plek die voor iedereen werkt.",
    )
    listen = services.phase_add(
        process=done, actor=lead, title="Wensen ophalen", reason="We vroegen alle parkbezoekers wat zij willen."
    )
    services.phase_add(process=done, actor=lead, title="Plek kiezen", reason="Met de wensen kozen we een plek.")
    services.process_open(process=done, actor=lead)
    services.phase_close(phase=listen, actor=lead, reason="Tachtig reacties van hondenbezitters en wandelaars.")
    services.decision_record(
        process=done,
        actor=lead,
        decided_on=today - datetime.timedelta(days=30),
        decided_by="executive",
        title="Losloopveld aan de noordkant, met een hek",
        alternatives="Het hele park op vaste tijden; geen losloopveld.",
        reasons="De noordkant ligt ver van de speeltuin en het hek geeft wandelaars en kinderen rust.",
        weighings=_weighings(
            values,
            {
                "Samen": (True, "Hondenbezitters en wandelaars kozen de plek samen op de parkavond."),
                "Eerlijk": (True, "De rest van het park blijft voor wie geen hond heeft."),
            },
        ),
    )
    for resident in residents[5:8]:
        services.process_follow(process=done, user=resident)
    services.process_close(
        process=done,
        actor=lead,
        outcome="Het losloopveld aan de noordkant is open. Het hek staat er en de borden hangen.",
    )
    return [draft, done]
