"""A new resident's whole journey in a real browser, with axe-core (WCAG 2.1 A/AA) on every page on the way:
register and log in with the e-mailed link, bring in an initiative, support and comment on another one,
vote in a dialogue and add a statement, vote on a buurtbudget, and read what the municipality decided.

One test, so the municipality (tests/browser/worlds.py) is built once; each step is a function of its own
and every page is photographed as test-artifacts/screenshots/resident-NN-<step>.png."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import email_link_from_outbox
from zwerm.accounts.selectors import user_get_by_email
from zwerm.budgets.models import Ballot, VoteRecord
from zwerm.dialogues.models import Statement, Vote
from zwerm.initiatives.models import Comment, Initiative, Support

EMAIL = "sanne@example.org"


def _ballots(budget) -> list[tuple[str, ...]]:
    """Every ballot of the budget as the titles it chose (ballots are anonymous: compare before and after)."""
    return sorted(tuple(sorted(c.project.title for c in b.choices.all())) for b in Ballot.objects.filter(budget=budget))


def test_a_new_resident_takes_part_everywhere(page, url, audit, world):
    steps = Steps(page, url, audit)
    resident = steps.register_and_log_in_with_the_email_link()
    steps.bring_in_an_initiative(resident)
    steps.support_and_comment(resident, world.initiative)
    steps.vote_in_the_dialogue(resident, world.dialogue)
    steps.vote_on_the_budget(resident, world.voting_budget, world.result_budget)
    steps.read_what_was_decided(world.processes[0], world.report)
    audit.assert_clean()


class Steps:
    def __init__(self, page, url, audit):
        self.page, self.url, self.audit = page, url, audit
        self.number = 0

    def check(self, name):
        self.number += 1
        self.audit.check(self.page, f"resident-{self.number:02d}-{name}")

    def register_and_log_in_with_the_email_link(self):
        page = self.page
        page.goto(self.url("/"))
        self.check("home-anonymous")
        page.get_by_role("link", name="Account maken").first.click()
        page.get_by_label("E-mailadres").fill(EMAIL)
        page.get_by_label("Naam die anderen zien").fill("Sanne")
        page.get_by_label("Je buurt").select_option(label="Buurt 1 (Testdam Noord)")
        self.check("register-filled")
        page.get_by_role("button", name="Stuur mij een inloglink").click()
        page.wait_for_url("**/inloggen/verstuurd")
        self.check("link-sent")
        page.goto(email_link_from_outbox(EMAIL))
        self.check("link-confirm")
        page.get_by_role("button", name="Inloggen").click()
        # After registering, the link leads straight to bringing something in.
        page.wait_for_url("**/initiatieven/nieuw")
        self.check("logged-in-initiative-form")
        return user_get_by_email(email=EMAIL)

    def bring_in_an_initiative(self, resident):
        page = self.page
        page.get_by_role("button", name="Indienen").click()
        summary = page.locator("#form-errors")
        assert "Titel: Vul een titel in." in summary.inner_text()
        self.check("initiative-form-errors")
        page.get_by_label("idee").check()
        page.get_by_label("Titel").fill("Een pannakooi bij de school")
        page.get_by_label("Beschrijving").fill("Kinderen voetballen nu op straat. Een pannakooi geeft ze een plek.")
        page.get_by_label("Buurt", exact=True).select_option(label="Buurt 2 (Testdam Noord)")
        page.get_by_role("button", name="Indienen").click()
        page.wait_for_url(re.compile(r"/initiatieven/\d+(#.*)?$"))
        expect(page.get_by_text("Je initiatief is ingediend")).to_be_visible()
        self.check("initiative-submitted")
        initiative = Initiative.objects.get(title="Een pannakooi bij de school")
        assert (initiative.author, initiative.kind, initiative.status) == (resident, "idea", "submitted")
        page.goto(self.url("/initiatieven/mijn"))
        expect(page.get_by_role("link", name="Een pannakooi bij de school")).to_be_visible()
        self.check("my-initiatives")

    def support_and_comment(self, resident, initiative):
        page = self.page
        page.goto(self.url("/initiatieven/"))
        self.check("initiative-list")
        # With JavaScript the results are replaced in place (htmx) inside a live region; the page stays clean.
        page.get_by_label("Soort").select_option(label="idee")
        page.wait_for_url(re.compile(r"[?&]kind=idea"))
        expect(page.locator("#results").get_by_role("link", name=initiative.title)).to_be_visible()
        self.check("initiative-list-filtered-in-place")
        page.get_by_role("link", name=initiative.title).click()
        self.check("initiative-detail")
        page.get_by_role("button", name="Steunen").click()
        expect(page.get_by_role("button", name="Steun intrekken")).to_be_visible()
        self.check("initiative-supported")
        assert Support.objects.filter(initiative=initiative, resident=resident).exists()

        page.get_by_role("button", name="Reactie plaatsen").click()
        expect(page.get_by_text("Vul je reactie in.").first).to_be_visible()
        self.check("comment-errors")
        page.get_by_label("Je reactie").fill("Mooi idee! Ik zet er graag een bankje bij.")
        page.get_by_role("button", name="Reactie plaatsen").click()
        expect(page.get_by_text("Mooi idee! Ik zet er graag een bankje bij.")).to_be_visible()
        self.check("comment-placed")
        assert Comment.objects.filter(initiative=initiative, author=resident).count() == 1

    def vote_in_the_dialogue(self, resident, dialogue):
        page = self.page
        page.goto(self.url("/dialogen/"))
        self.check("dialogue-list")
        page.get_by_role("link", name=dialogue.title).click()
        self.check("dialogue-first-statement")
        # The first vote also says in which wijk the resident lives (optional).
        page.get_by_label("In welke wijk woon je? (optioneel)").select_option(label="Testdam Noord")
        answers = ["Eens", "Oneens", "Sla over / weet niet"]
        statements = dialogue.statements.filter(status=Statement.Status.APPROVED).count()
        for n in range(statements):
            text = page.locator(".zwerm-statement").inner_text()
            with page.expect_navigation():
                page.get_by_role("button", name=answers[n % 3], exact=True).click()
            following = page.locator(".zwerm-statement")
            assert following.count() == 0 or following.inner_text() != text, "the next statement is shown"
            if n == 0:
                expect(page.get_by_text("Je stem is opgeslagen.")).to_be_visible()
                self.check("dialogue-voted-once")
        expect(page.get_by_text("Je hebt over alle stellingen gestemd.")).to_be_visible()
        self.check("dialogue-all-voted")
        votes = Vote.objects.filter(participant__user=resident, statement__dialogue=dialogue)
        assert votes.count() == statements
        assert {v.value for v in votes} == {1, -1, 0}
        assert votes.first().participant.district.name == "Testdam Noord"

        page.get_by_role("button", name="Stelling toevoegen").click()
        expect(page.get_by_text("Vul je stelling in.")).to_be_visible()
        self.check("dialogue-statement-errors")
        page.get_by_label("Jouw stelling").fill("Het plein heeft een watertappunt nodig.")
        page.get_by_role("button", name="Stelling toevoegen").click()
        expect(page.get_by_text("zichtbaar zodra een moderator")).to_be_visible()
        self.check("dialogue-statement-added")
        assert Statement.objects.get(text="Het plein heeft een watertappunt nodig.").status == "pending"

        page.get_by_role("link", name="Bekijk de resultaten").click()
        expect(page.get_by_role("heading", name="Meningsgroepen")).to_be_visible()
        self.check("dialogue-results")

    def vote_on_the_budget(self, resident, budget, counted):
        page = self.page
        page.goto(self.url("/buurtbudget/"))
        self.check("budget-list")
        page.get_by_role("link", name=budget.title).click()
        self.check("budget-detail-voting")
        page.get_by_role("link", name=re.compile("^Stem")).first.click()
        page.wait_for_url(f"**/buurtbudget/{budget.pk}/stemmen")
        self.check("budget-ballot")
        # Three projects where two are allowed: the ballot is refused with a reason, nothing is stored.
        for title in ("Watertappunt in het park", "Jeu-de-boulesbaan", "Bloembakken in de winkelstraat"):
            page.get_by_label(re.compile(re.escape(title))).check()
        page.get_by_role("button", name="Stem uitbrengen").click()
        expect(page.get_by_text("Je stem is niet opgeslagen:")).to_be_visible()
        self.check("budget-ballot-errors")
        assert not VoteRecord.objects.filter(budget=budget, voter=resident).exists()
        before = _ballots(budget)
        page.get_by_label(re.compile("Bloembakken in de winkelstraat")).uncheck()
        page.get_by_role("button", name="Stem uitbrengen").click()
        page.wait_for_url(f"**/buurtbudget/{budget.pk}")
        expect(page.get_by_text("Je stem is opgeslagen.")).to_be_visible()
        self.check("budget-voted")
        assert VoteRecord.objects.filter(budget=budget, voter=resident).exists()
        added = _ballots(budget)
        for ballot in before:
            added.remove(ballot)
        assert added == [("Jeu-de-boulesbaan", "Watertappunt in het park")]  # one ballot more, not tied to anyone

        page.goto(self.url(f"/buurtbudget/{counted.pk}/uitslag"))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        self.check("budget-result")

    def read_what_was_decided(self, process, report):
        page = self.page
        page.goto(self.url("/trajecten/"))
        self.check("process-list")
        page.get_by_role("link", name=process.title).first.click()
        self.check("process-detail")
        page.goto(self.url("/signalen/"))
        self.check("sensing-public")
        # Council reports are for the council and staff; a resident is refused with a clear page.
        response = page.goto(self.url(f"/raad/rapportages/{report.pk}"))
        assert response.status == 403
        self.check("council-report-refused")
        response = page.goto(self.url("/trajecten/bestaat-niet"))
        assert response.status == 404
        self.check("not-found")
