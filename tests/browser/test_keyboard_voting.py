"""Voting by keyboard only: Tab, Shift+Tab, Space, Enter and typing, never the mouse. Every element the focus
lands on must show it (tests/browser/keyboard.py). Two flows: a dialogue, statement by statement until every
one has a vote (and a statement of one's own), and a buurtbudget ballot with its live running total."""

from playwright.sync_api import expect

from tests.browser.keyboard import assert_focus_visible, focused, press_and_wait, tab_to
from tests.browser.worlds import voting_budget
from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.budgets.models import Ballot, VoteRecord
from zwerm.dialogues.models import Statement, Vote
from zwerm.dialogues.services import dialogue_create
from zwerm.processes import services as processes

STATEMENTS = [
    "Er moeten meer bomen in de straat komen.",
    "De straat moet een fietsstraat worden.",
    "Auto's horen niet in de straat.",
    "Er moet een speelplek bij het plein.",
]


def into_main(page):
    """The skip link is the first Tab stop; Enter puts the focus on the main content."""
    page.keyboard.press("Tab")
    assert assert_focus_visible(page)["href"] == "#main"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"


def test_voting_in_a_dialogue_by_keyboard(page, context, url, screenshot, login_as, municipality, resident, make_staff):
    dialogue = dialogue_create(
        author=make_staff(Role.PROCESS_LEAD),
        municipality=municipality,
        title="Onze straat",
        question="Hoe maken we de straat fijner?",
        seed_statements=STATEMENTS,
        ask_district=True,
    )
    login_as(context, resident)
    page.goto(url(f"/dialogen/{dialogue.pk}"))
    into_main(page)
    tab_to(page, "the wijk choice", name="district")
    page.keyboard.type("Testdam Noord")
    screenshot(page, "keyboard-dialogue-01-first-statement")

    # Agree with Enter, disagree with Space, pass by going back with Shift+Tab from further on.
    ways = ("agree-enter", "disagree-space", "pass-shift-tab", "agree-enter")
    for n, way in enumerate(ways, start=1):
        if way == "agree-enter":
            tab_to(page, "the agree button", name="value", value="eens")
            press_and_wait(page, "Enter")
        elif way == "disagree-space":
            tab_to(page, "the disagree button", name="value", value="oneens")
            press_and_wait(page, "Space")
        else:
            tab_to(page, "the statement field below the buttons", name="text")
            tab_to(page, "the pass button, going back", key="Shift+Tab", name="value", value="overslaan")
            press_and_wait(page, "Enter")
        screenshot(page, f"keyboard-dialogue-{n + 1:02d}-voted-{way}")
    expect(page.get_by_text("Je hebt over alle stellingen gestemd.")).to_be_visible()

    tab_to(page, "the statement field", name="text")
    page.keyboard.type("De stoep moet breder.")
    tab_to(page, "the add-statement button", text="Stelling toevoegen")
    press_and_wait(page, "Enter")
    expect(page.get_by_text("Dank je!").first).to_be_visible()
    screenshot(page, "keyboard-dialogue-06-statement-added")

    votes = Vote.objects.filter(participant__user=resident, statement__dialogue=dialogue)
    assert sorted(v.value for v in votes) == [-1, 0, 1, 1]
    assert votes.first().participant.district.name == "Testdam Noord"
    assert Statement.objects.filter(dialogue=dialogue, text="De stoep moet breder.").exists()


def test_a_budget_ballot_by_keyboard(
    page, context, url, audit, screenshot, login_as, municipality, resident, make_staff
):
    lead = make_staff(Role.PROCESS_LEAD)
    process = processes.process_create(
        actor=lead,
        municipality=municipality,
        title="Groen in de wijk",
        question="Waar komt meer groen?",
        description="Inwoners kiezen mee.",
    )
    processes.phase_add(process=process, actor=lead, title="Kiezen", reason="We kiezen samen.")
    process = processes.process_open(process=process, actor=lead)
    budget = voting_budget(process, lead, make_resident(municipality))
    projects = {p.title: p for p in budget.projects.all()}
    login_as(context, resident)
    page.goto(url(f"/buurtbudget/{budget.pk}"))
    into_main(page)
    tab_to(page, "the vote link", text="Stem nu")
    press_and_wait(page, "Enter")
    assert page.url.endswith(f"/buurtbudget/{budget.pk}/stemmen")
    screenshot(page, "keyboard-ballot-01-empty")

    # Three ticks with Space: the running total (updated in place, focus stays put) warns about the third.
    page.evaluate("window.liveRegion = document.querySelector('#ballot-total').closest('[aria-live]')")
    for title in ("Watertappunt in het park", "Jeu-de-boulesbaan", "Buitenfitness"):
        tab_to(page, f"the box for {title}", id=f"project-{projects[title].pk}")
        page.keyboard.press("Space")
        assert focused(page)["id"] == f"project-{projects[title].pk}"
    total = page.locator("#ballot-total")
    total.get_by_text("3 projecten gekozen, samen").wait_for()
    assert "het maximum is 2" in total.inner_text()
    assert page.evaluate(
        "document.contains(window.liveRegion) && window.liveRegion.contains(document.querySelector('#ballot-total'))"
    ), "the live region that announces the total stays in the page when the total is replaced"
    audit.check(page, "keyboard-ballot-02-too-many")  # the total was replaced in place (htmx): checked again
    boules = f"project-{projects['Jeu-de-boulesbaan'].pk}"
    tab_to(page, "back to the box for Jeu-de-boulesbaan", key="Shift+Tab", id=boules)
    page.keyboard.press("Space")
    total.get_by_text("2 projecten gekozen, samen").wait_for()
    assert_focus_visible(page)
    screenshot(page, "keyboard-ballot-03-two-chosen")
    tab_to(page, "the vote button", text="Stem uitbrengen")
    press_and_wait(page, "Enter")
    expect(page.get_by_text("Je stem is opgeslagen.")).to_be_visible()
    screenshot(page, "keyboard-ballot-04-voted")
    assert VoteRecord.objects.filter(budget=budget, voter=resident).exists()
    ballot = Ballot.objects.get(budget=budget)  # the only ballot; it does not say whose it is
    assert sorted(c.project.title for c in ballot.choices.all()) == ["Buitenfitness", "Watertappunt in het park"]
    audit.assert_clean()
