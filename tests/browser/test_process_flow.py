"""A participation process from start to council in a real browser, with axe-core (WCAG 2.1 A/AA) on every page:
the process lead starts a process, adds phases, opens it and moves on to the next phase, asks a specialist for
advice; the specialist gives it; the lead records a decision resting on that advice, weighed against the
municipality's values, and sends a progress report; a council member reads the dashboard and the report and
asks a question.

One test, so the municipality (tests/browser/worlds.py) is built once; screenshots are
test-artifacts/screenshots/{lead,specialist,council}-NN-<step>.png."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from zwerm.council.models import Question, Report
from zwerm.processes.models import Advice, AdviceRequest, Decision, PhaseChange, Process
from zwerm.values.selectors import value_list

TITLE = "Een veilige schoolroute"


class Pages:
    """Numbered axe checks and screenshots per person."""

    def __init__(self, audit):
        self.audit, self.numbers = audit, {}

    def check(self, page, who, name):
        self.numbers[who] = self.numbers.get(who, 0) + 1
        self.audit.check(page, f"{who}-{self.numbers[who]:02d}-{name}")


def test_a_process_from_start_to_council(staff_page, url, audit, world):
    pages = Pages(audit)
    lead = staff_page(world.lead)
    process = start_process(lead, url, pages)
    add_phases_open_and_move_on(lead, process, pages)
    request = ask_for_advice(lead, process, world, pages)

    specialist = staff_page(world.staff["specialist"])
    give_advice(specialist, request, pages)

    record_decision(lead, process, world, pages)
    visit_the_other_workspace_pages(lead, process, world, pages)
    report = send_report(lead, process, pages)

    council = staff_page(world.staff["council_member"])
    read_and_ask(council, url, process, report, pages)
    audit.assert_clean()


def start_process(page, url, pages) -> Process:
    pages.check(page, "lead", "staff-home")
    page.goto(url("/trajecten/werkplek"))
    pages.check(page, "lead", "workspace")
    page.get_by_role("link", name="Nieuw traject starten").click()
    pages.check(page, "lead", "process-form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#form-errors")).to_be_visible()
    pages.check(page, "lead", "process-form-errors")
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Vraag", exact=True).fill("Hoe komen kinderen veilig op school?")
    page.get_by_label("Beschrijving").fill("Met ouders, de school en de wijkagent zoeken we een veilige route.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/trajecten/[\w-]+/beheer$"))
    expect(page.get_by_text("Het traject is aangemaakt.")).to_be_visible()
    pages.check(page, "lead", "process-manage-draft")
    return Process.objects.get(title=TITLE)


def add_phases_open_and_move_on(page, process, pages):
    page.get_by_role("link", name="Fasen", exact=True).click()
    pages.check(page, "lead", "phases-empty")
    page.get_by_role("button", name="Fase toevoegen").click()
    expect(page.locator("#form-errors")).to_be_visible()
    pages.check(page, "lead", "phases-errors")
    for title, reason in (
        ("Luisteren", "We beginnen bij de ervaringen van ouders en kinderen."),
        ("Kiezen", "Daarna kiezen we samen de route."),
    ):
        page.get_by_label("Naam van de fase").fill(title)
        page.get_by_label("Reden", exact=True).fill(reason)
        page.get_by_role("button", name="Fase toevoegen").click()
        expect(page.get_by_text("De fase is toegevoegd.")).to_be_visible()
    pages.check(page, "lead", "phases-added")

    page.get_by_role("link", name="Overzicht").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Traject openen").click()
    assert Process.objects.get(pk=process.pk).status == "active"
    pages.check(page, "lead", "process-manage-active")

    # Moving on: the first phase is closed with a reason, everyone can see why.
    page.get_by_role("link", name="Fasen", exact=True).click()
    page.get_by_role("link", name="Fase 'Luisteren' wijzigen of afsluiten").click()
    pages.check(page, "lead", "phase-edit")
    page.locator("#close-reason").fill("We hebben genoeg gehoord: op naar kiezen.")
    page.get_by_role("button", name="Fase afsluiten").click()
    expect(page.get_by_text("De fase 'Luisteren' is afgesloten.")).to_be_visible()
    pages.check(page, "lead", "phase-closed")
    assert PhaseChange.objects.filter(phase__process=process, action="close").count() == 1


def ask_for_advice(page, process, world, pages) -> AdviceRequest:
    page.get_by_role("link", name="Adviesaanvragen").click()
    pages.check(page, "lead", "advice-requests")
    page.get_by_role("button", name="Advies vragen").click()
    expect(page.locator("#form-errors")).to_be_visible()
    pages.check(page, "lead", "advice-request-errors")
    page.get_by_label("Vakambtenaar").select_option(label=world.staff["specialist"].display_name)
    page.get_by_label("Vraag", exact=True).fill("Mag er een zebrapad bij de Schoolstraat?")
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_label("Uiterste datum").fill(deadline.isoformat())
    page.get_by_role("button", name="Advies vragen").click()
    expect(page.get_by_role("cell", name="Mag er een zebrapad bij de Schoolstraat?")).to_be_visible()
    pages.check(page, "lead", "advice-requested")
    return AdviceRequest.objects.get(process=process)


def give_advice(page, request, pages):
    page.get_by_role("link", name=re.compile("adviesaanvragen", re.I)).first.click()
    page.wait_for_url("**/trajecten/mijn-adviesaanvragen")
    pages.check(page, "specialist", "my-advice-requests")
    page.get_by_role("link", name=request.question).click()
    pages.check(page, "specialist", "advice-form")
    page.get_by_role("button", name="Advies vastleggen").click()
    expect(page.locator("#form-errors")).to_be_visible()
    pages.check(page, "specialist", "advice-form-errors")
    page.get_by_label("Advies", exact=True).fill("Ja, een zebrapad kan, met een verhoogde oversteek.")
    page.get_by_label("Wettelijke of beleidsmatige grondslag").fill("RVV 1990 artikel 49; verkeersbesluit nodig.")
    page.get_by_role("button", name="Advies vastleggen").click()
    page.wait_for_url("**/trajecten/mijn-adviesaanvragen")
    pages.check(page, "specialist", "advice-given")
    assert Advice.objects.get(request=request).basis.startswith("RVV 1990")


def record_decision(page, process, world, pages):
    page.get_by_role("link", name="Besluiten").click()
    pages.check(page, "lead", "decisions")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#form-errors")).to_be_visible()
    pages.check(page, "lead", "decision-errors")
    page.get_by_label("Besluit", exact=True).fill("Er komt een verhoogd zebrapad bij de school")
    page.get_by_label("Datum").fill(timezone.localdate().isoformat())
    page.get_by_label("procesambtenaar").check()
    page.get_by_label("Redenen").fill("Ouders en de school vroegen erom; het advies maakt het mogelijk.")
    page.get_by_label(re.compile("zebrapad bij de Schoolstraat")).check()
    for value in value_list(municipality=world.municipality):
        page.locator(f"input[name='weighed_{value.pk}'][value='1']").check()
        page.get_by_label(f"{value.name}: hoe (of waarom niet)?").fill(f"{value.name} woog mee bij de keuze.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Er komt een verhoogd zebrapad bij de school").first).to_be_visible()
    pages.check(page, "lead", "decision-recorded")
    decision = Decision.objects.get(process=process)
    assert decision.advice.count() == 1
    assert decision.assessments.count() == value_list(municipality=world.municipality).count()


def visit_the_other_workspace_pages(page, process, world, pages):
    for link, name in (
        ("Vraag en beschrijving", "process-edit"),
        ("Onderdelen", "components"),
        ("Betrokkenen", "stakeholders"),
        ("Berichten", "updates"),
        ("Openbare pagina", "process-public"),
    ):
        page.get_by_role("link", name=link, exact=True).click()
        pages.check(page, "lead", name)
    page.goto(page.url.split("/trajecten/")[0] + f"/buurtbudget/nieuw/{process.slug}")
    pages.check(page, "lead", "budget-form")  # the count variants staff choose from
    budget = world.voting_budget
    page.goto(page.url.split("/buurtbudget/")[0] + f"/buurtbudget/{budget.pk}/beheer")
    pages.check(page, "lead", "budget-manage")
    page.goto(page.url.split("/buurtbudget/")[0] + f"/trajecten/{process.slug}/beheer")


def send_report(page, process, pages) -> Report:
    page.goto(page.url.split("/trajecten/")[0] + f"/raad/{process.slug}")
    pages.check(page, "lead", "council-process")
    page.get_by_role("button", name="Nieuwe rapportage maken").click()
    expect(page.get_by_text("De rapportage is gemaakt.")).to_be_visible()
    pages.check(page, "lead", "report-draft")
    with page.expect_navigation():
        page.get_by_role("button", name="Naar de raad sturen").click()
    pages.check(page, "lead", "report-sent")
    report = Report.objects.get(process=process)
    assert report.sent_at is not None
    return report


def read_and_ask(page, url, process, report, pages):
    page.goto(url("/raad/"))
    pages.check(page, "council", "dashboard")
    page.get_by_role("link", name=TITLE).first.click()
    pages.check(page, "council", "process")
    page.get_by_role("link", name="Een vraag stellen").click()
    pages.check(page, "council", "question-form")
    page.get_by_role("button", name="Vraag stellen").click()
    expect(page.locator("#form-errors")).to_be_visible()
    pages.check(page, "council", "question-errors")
    page.get_by_label("Je vraag aan de procesambtenaar").fill("Wanneer ligt het zebrapad er?")
    page.get_by_role("button", name="Vraag stellen").click()
    expect(page.get_by_text("Je vraag is gesteld.")).to_be_visible()
    pages.check(page, "council", "question-asked")
    assert Question.objects.filter(process=process, text="Wanneer ligt het zebrapad er?").exists()
    page.get_by_role("link", name=re.compile("^Rapportage van")).first.click()
    page.wait_for_url(f"**/raad/rapportages/{report.pk}")
    expect(page.get_by_text("Er komt een verhoogd zebrapad bij de school").first).to_be_visible()
    pages.check(page, "council", "report")
    page.goto(url(f"/raad/rapportages/{report.pk}.html"))
    pages.check(page, "council", "report-document")
